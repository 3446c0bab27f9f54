/* impact-bench.c: how long the core takes to load, lay out and export a sheet
 *
 * Not a test: it prints figures for docs/PERFORMANCE.md.
 *   impact-bench [--runs N] [FILE.json]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "impact-bench-util.h"
#include "impact-export.h"
#include "impact-json-loader.h"
#include "impact-render.h"
#include "impact-sheet-layout.h"
#include "impact-theme.h"

typedef struct
{
  const char *name;
  GArray     *samples;  /* of double, ms */
} Series;

static void
report (Series *series)
{
  GArray *s = series->samples;
  double sum = 0;

  g_array_sort (s, impact_bench_compare_double);
  for (guint i = 0; i < s->len; i++)
    sum += g_array_index (s, double, i);
  g_print ("%-34s  median %8.2f ms   min %8.2f ms   p90 %8.2f ms   mean %8.2f ms  (n=%u)\n",
           series->name,
           g_array_index (s, double, s->len / 2),
           g_array_index (s, double, 0),
           g_array_index (s, double, MIN (s->len - 1, s->len * 9 / 10)),
           sum / s->len, s->len);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) input = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *png_path = NULL;
  int runs = 50;
  const char *path = NULL;
  double t0, first_export;
  Series load = { "load + validate JSON", g_array_new (FALSE, FALSE, sizeof (double)) };
  Series layout_s = { "layout (2 pages, Letter)", g_array_new (FALSE, FALSE, sizeof (double)) };
  Series render_s = { "render 2 pages to a recording", g_array_new (FALSE, FALSE, sizeof (double)) };
  Series pdf = { "export PDF (load+layout+write)", g_array_new (FALSE, FALSE, sizeof (double)) };
  Series png = { "export PNG 150 dpi, 2 files", g_array_new (FALSE, FALSE, sizeof (double)) };
  Series edit = { "edit a figure, lay out again", g_array_new (FALSE, FALSE, sizeof (double)) };

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--runs") == 0 && i + 1 < argc)
        {
          runs = atoi (argv[++i]);
          runs = MAX (runs, 1);
        }
      else
        path = argv[i];
    }
  if (path == NULL)
    path = EXAMPLES_DIR "/kolkata.json";

  input = g_file_new_for_path (path);
  tmpdir = g_dir_make_tmp ("impact-bench-XXXXXX", &error);
  g_assert_no_error (error);
  pdf_path = g_build_filename (tmpdir, "sheet.pdf", NULL);
  png_path = g_build_filename (tmpdir, "sheet.png", NULL);

  g_print ("Impact Sheet benchmark: %s, %d runs\n", path, runs);

  /* cold: the first export in a fresh process includes font discovery */
  t0 = now_ms ();
  {
    g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (input, NULL, NULL, &error);
    g_autoptr(GFile) out = g_file_new_for_path (pdf_path);
    ImpactExportOptions options;

    g_assert_no_error (error);
    impact_export_options_init (&options);
    if (!impact_export_document (doc, &options, out, NULL, NULL, NULL, &error))
      g_error ("%s", error->message);
  }
  first_export = now_ms () - t0;
  g_print ("%-34s  %8.2f ms\n", "first export PDF in process (cold)", first_export);

  for (int r = 0; r < runs; r++)
    {
      g_autoptr(ImpactDocument) doc = NULL;
      g_autoptr(ImpactTheme) theme = NULL;
      g_autoptr(ImpactSheetLayout) layout = NULL;
      g_autoptr(GFile) out_pdf = g_file_new_for_path (pdf_path);
      g_autoptr(GFile) out_png = g_file_new_for_path (png_path);
      cairo_surface_t *rec;
      cairo_t *cr;
      ImpactExportOptions options;
      double t;

      t = now_ms ();
      doc = impact_json_loader_load_file (input, NULL, NULL, &error);
      g_assert_no_error (error);
      t = now_ms () - t;
      g_array_append_val (load.samples, t);

      theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
      t = now_ms ();
      layout = impact_sheet_layout_new (doc, theme, IMPACT_PAGE_SIZE_LETTER, NULL);
      t = now_ms () - t;
      g_array_append_val (layout_s.samples, t);

      t = now_ms ();
      rec = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cr = cairo_create (rec);
      for (guint p = 0; p < impact_sheet_layout_get_n_pages (layout); p++)
        if (!impact_render_page (cr, layout, p, &error))
          g_error ("%s", error->message);
      cairo_destroy (cr);
      cairo_surface_destroy (rec);
      t = now_ms () - t;
      g_array_append_val (render_s.samples, t);

      /* what the window does on a keystroke (debounced): change the model,
       * ::changed, a new layout of both pages */
      {
        GPtrArray *stats = impact_document_get_statistics (doc);
        g_autoptr(ImpactSheetLayout) relayout = NULL;

        t = now_ms ();
        if (stats->len > 1)
          ((ImpactStatistic *) g_ptr_array_index (stats, 1))->value += 1;
        impact_document_changed (doc);
        relayout = impact_sheet_layout_new (doc, theme, IMPACT_PAGE_SIZE_LETTER, NULL);
        t = now_ms () - t;
        g_array_append_val (edit.samples, t);
      }

      impact_export_options_init (&options);
      t = now_ms ();
      {
        g_autoptr(ImpactDocument) d2 = impact_json_loader_load_file (input, NULL, NULL, &error);
        g_assert_no_error (error);
        if (!impact_export_document (d2, &options, out_pdf, NULL, NULL, NULL, &error))
          g_error ("%s", error->message);
      }
      t = now_ms () - t;
      g_array_append_val (pdf.samples, t);

      options.format = IMPACT_EXPORT_FORMAT_PNG;
      options.dpi = 150;
      t = now_ms ();
      if (!impact_export_document (doc, &options, out_png, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      t = now_ms () - t;
      g_array_append_val (png.samples, t);
    }

  report (&load);
  report (&layout_s);
  report (&render_s);
  report (&edit);
  report (&pdf);
  report (&png);

  {
    g_autofree char *p1 = g_build_filename (tmpdir, "sheet-1.png", NULL);
    g_autofree char *p2 = g_build_filename (tmpdir, "sheet-2.png", NULL);

    g_unlink (pdf_path);
    g_unlink (p1);
    g_unlink (p2);
    g_rmdir (tmpdir);
  }
  return 0;
}
