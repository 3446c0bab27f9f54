/* test-font-sorts.c: the command line runs Pango's font sorts in the thread
 * that asks for them, and every other thread as GLib does
 * (app/cli/impact-cli-font-sorts.c, linked into this test as into the
 * program)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "impact-cli-font-sorts.h"
#include "impact-text.h"
#include "impact-test-utils.h"

static gpointer
note_thread (gpointer data)
{
  GThread **ran_in = data;

  *ran_in = g_thread_self ();
  return GINT_TO_POINTER (7);
}

static void
test_pango_jobs_run_here (void)
{
  const char *const names[] = { "[pango] FcFontSetMatch", "[pango] FcFontSetSort" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      guint before = impact_cli_font_sorts_in_caller ();
      GThread *ran_in = NULL;
      GThread *thread = g_thread_new (names[i], note_thread, &ran_in);

      /* done by the time g_thread_new returns, in this thread */
      g_assert_true (ran_in == g_thread_self ());
      g_assert_nonnull (thread);
      g_thread_unref (thread);
      g_assert_cmpuint (impact_cli_font_sorts_in_caller (), ==, before + 1);
    }
}

static void
test_other_threads_are_threads (void)
{
  const char *const names[] = { "impact-worker", "[pango] FcInit", "[pango] FcFontSetSortX", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      guint before = impact_cli_font_sorts_in_caller ();
      GThread *ran_in = NULL;
      GThread *thread = g_thread_new (names[i], note_thread, &ran_in);

      g_assert_cmpint (GPOINTER_TO_INT (g_thread_join (thread)), ==, 7);
      g_assert_nonnull (ran_in);
      g_assert_true (ran_in != g_thread_self ());
      g_assert_cmpuint (impact_cli_font_sorts_in_caller (), ==, before);
    }
}

/* runs of a line as "family|family|…" and the line's width */
static char *
lay_out (PangoContext *context,
         const char   *text,
         double        size,
         int          *width)
{
  ImpactTextStyle style = { .family = "Inter", .size = size, .weight = PANGO_WEIGHT_BOLD };
  g_autoptr(PangoLayout) layout = impact_text_layout_new (context, &style, text, FALSE, 400);
  GString *out = g_string_new (NULL);

  for (GSList *l = pango_layout_get_line_readonly (layout, 0)->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      g_autoptr(PangoFontDescription) desc = pango_font_describe (run->item->analysis.font);

      g_string_append_printf (out, "%s|", pango_font_description_get_family (desc));
    }
  pango_layout_get_pixel_size (layout, width, NULL);
  return g_string_free (out, FALSE);
}

/* Pango 1.50 asks for a match and a sort for each new size, here, and the
 * fonts it chooses from them are the right ones: the theme's, and a
 * fallback from the sort for a script the theme lacks */
static void
test_pango_sorts_here (void)
{
  g_autoptr(GObject) context = G_OBJECT (impact_text_context_new ("en"));
  int version = pango_version ();

  for (guint i = 0; i < 6; i++)
    {
      guint before = impact_cli_font_sorts_in_caller ();
      double size = 9.25 + i * 1.5;   /* sizes nothing else asks for */
      g_autofree char *latin = NULL;
      g_autofree char *mixed = NULL;
      int latin_width = 0, mixed_width = 0;

      latin = lay_out (PANGO_CONTEXT (context), "Clean water for 12,400 families", size, &latin_width);
      g_assert_cmpstr (latin, ==, "Inter|");
      g_assert_cmpint (latin_width, >, 0);
      mixed = lay_out (PANGO_CONTEXT (context), "Kolkata কলকাতা", size, &mixed_width);
      g_assert_true (g_str_has_prefix (mixed, "Inter|"));
      g_assert_nonnull (strstr (mixed, "Bengali"));
      g_assert_cmpint (mixed_width, >, 0);

      if (version >= PANGO_VERSION_ENCODE (1, 50, 0) && version < PANGO_VERSION_ENCODE (1, 51, 0))
        g_assert_cmpuint (impact_cli_font_sorts_in_caller (), >=, before + 2);
      else
        g_assert_cmpuint (impact_cli_font_sorts_in_caller (), ==, before);
    }
}

static gpointer
lay_out_in_thread (gpointer data)
{
  guint first = GPOINTER_TO_UINT (data);
  g_autoptr(GObject) context = G_OBJECT (impact_text_context_new ("en"));

  for (guint i = 0; i < 20; i++)
    {
      int width = 0;
      g_autofree char *fonts = lay_out (PANGO_CONTEXT (context), "Survivors rescued", 20.125 + first + i * 0.5, &width);

      if (g_strcmp0 (fonts, "Inter|") != 0 || width <= 0)
        return GINT_TO_POINTER (FALSE);
    }
  return GINT_TO_POINTER (TRUE);
}

/* two threads, each with its own font map, loading new sizes at once:
 * neither waits for the other */
static void
test_two_threads (void)
{
  GThread *a = g_thread_new ("impact-a", lay_out_in_thread, GUINT_TO_POINTER (0));
  GThread *b = g_thread_new ("impact-b", lay_out_in_thread, GUINT_TO_POINTER (40));

  g_assert_true (GPOINTER_TO_INT (g_thread_join (a)));
  g_assert_true (GPOINTER_TO_INT (g_thread_join (b)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/font-sorts/pango-jobs-run-here", test_pango_jobs_run_here);
  g_test_add_func ("/font-sorts/other-threads", test_other_threads_are_threads);
  g_test_add_func ("/font-sorts/pango", test_pango_sorts_here);
  g_test_add_func ("/font-sorts/two-threads", test_two_threads);
  return g_test_run ();
}
