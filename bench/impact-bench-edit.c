/* impact-bench-edit.c: what an edit in the window costs to lay out again
 *
 * Not a test: it prints figures for docs/PERFORMANCE.md.
 *   impact-bench-edit [--runs 200] [--cache both|on|off] [FILE.json]
 *
 * Loads the sheet (the Kolkata example by default), lays it out once, then
 * RUNS times changes one statistic's value and does what the window's
 * re-layout does (a new theme, the sheet layout, the preflight checks of
 * the document and the layout), with a text cache kept across the edits
 * (impact-text-cache.h) and without, alternately, so that the load of the
 * machine falls on both alike. The layout on screen stays alive while the
 * next one is made, as in the window. "--cache on|off" does only one of
 * them, for whole-process runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "impact-bench-util.h"
#include "impact-json-loader.h"
#include "impact-preflight.h"
#include "impact-sheet-layout.h"
#include "impact-text-cache.h"
#include "impact-theme.h"

static void
report (const char *name,
        GArray     *s)
{
  if (s->len == 0)
    return;
  g_array_sort (s, impact_bench_compare_double);
  g_print ("%-28s  median %7.2f ms   min %7.2f ms   p90 %7.2f ms  (n=%u)\n",
           name,
           g_array_index (s, double, s->len / 2),
           g_array_index (s, double, 0),
           g_array_index (s, double, MIN (s->len - 1, s->len * 9 / 10)),
           s->len);
}

/* One re-layout as the window does it; replaces *on_screen */
static double
relayout (ImpactDocument     *doc,
          ImpactTextCache    *cache,
          ImpactSheetLayout **on_screen)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(ImpactTheme) theme = NULL;
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  ImpactSheetLayout *layout;

  if (cache != NULL)
    impact_text_cache_begin (cache);
  theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
  layout = impact_sheet_layout_new (doc, theme, IMPACT_PAGE_SIZE_LETTER, diagnostics);
  impact_preflight_check_document (doc, theme, diagnostics);
  impact_preflight_check_layout (layout, diagnostics);
  if (cache != NULL)
    impact_text_cache_end (cache);
  g_clear_object (on_screen);
  *on_screen = layout;
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* A new figure every time (one more than the last), as typing one does:
 * the figure's text is never in the cache */
static void
edit (ImpactDocument *doc)
{
  GPtrArray *stats = impact_document_get_statistics (doc);

  if (stats->len > 0)
    ((ImpactStatistic *) g_ptr_array_index (stats, 0))->value += 1;
  impact_document_changed (doc);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) ctx = g_option_context_new ("[FILE.json]");
  g_autoptr(ImpactDocument) doc = NULL;
  g_autoptr(ImpactTextCache) cache = NULL;
  g_autoptr(ImpactSheetLayout) shown_off = NULL;
  g_autoptr(ImpactSheetLayout) shown_on = NULL;
  g_autoptr(GArray) off = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) on = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *mode = NULL;
  int runs = 200;
  const char *input;
  gboolean do_on, do_off;
  guint64 hits = 0, misses = 0;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Edits (default 200)", "N" },
    { "cache", 0, 0, G_OPTION_ARG_STRING, &mode, "both, on or off (default both)", "MODE" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    g_error ("%s", error->message);
  do_on = mode == NULL || g_strcmp0 (mode, "both") == 0 || g_strcmp0 (mode, "on") == 0;
  do_off = mode == NULL || g_strcmp0 (mode, "both") == 0 || g_strcmp0 (mode, "off") == 0;
  if (!do_on && !do_off)
    g_error ("--cache: both, on or off");
  input = argc > 1 ? argv[1] : EXAMPLES_DIR "/kolkata.json";

  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (input);

    doc = impact_json_loader_load_file (file, NULL, NULL, &error);
  }
  if (doc == NULL)
    g_error ("%s", error->message);
  cache = impact_text_cache_new (0);

  /* the layout made when the file was opened */
  if (do_off)
    relayout (doc, NULL, &shown_off);
  if (do_on)
    relayout (doc, cache, &shown_on);

  for (int i = 0; i < runs; i++)
    {
      double t;

      if (do_off)
        {
          edit (doc);
          t = relayout (doc, NULL, &shown_off);
          g_array_append_val (off, t);
        }
      if (do_on)
        {
          edit (doc);
          t = relayout (doc, cache, &shown_on);
          g_array_append_val (on, t);
        }
    }

  report ("re-layout, no text cache", off);
  report ("re-layout, text cache", on);
  impact_text_cache_get_counts (cache, &hits, &misses);
  if (do_on)
    g_print ("text cache: %u entries; %" G_GUINT64_FORMAT " texts taken, %" G_GUINT64_FORMAT
             " shaped (%.1f %% taken)\n",
             impact_text_cache_get_n_entries (cache), hits, misses,
             hits + misses ? 100.0 * hits / (hits + misses) : 0.0);
  return 0;
}
