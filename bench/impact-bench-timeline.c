/* impact-bench-timeline.c: the timeline at scale
 *
 * Not a test: it prints figures for docs/PERFORMANCE.md. For 10,000 and
 * 100,000 generated milestones: the load (JSON parse and model), the
 * timeline layout (sort, index), and the time to draw one 1920 × 1080
 * frame at three zooms (all, one year across, one month across) while
 * panning, on a cairo image surface as the window's cairo renderer does.
 *   impact-bench-timeline [--frames N]
 *   impact-bench-timeline --write N FILE   (write the generated document of
 *                                           N milestones, for whole-process runs)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "impact-bench-util.h"
#include "impact-json-loader.h"
#include "impact-theme.h"
#include "impact-timeline-layout.h"
#include "impact-timeline-render.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static char *
generate (guint  n,
          gsize *len)
{
  GString *json = g_string_new ("{\"format\":\"1\",\"office\":\"Bench\",\"organisation\":{\"name\":\"Org\"},\"milestones\":[");
  GRand *rand = g_rand_new_with_seed (42);
  static const char *cats[] = { "office", "rescue", "justice", "systems", "training", "aftercare" };

  for (guint i = 0; i < n; i++)
    {
      int year = g_rand_int_range (rand, 1975, 2025), month = g_rand_int_range (rand, 1, 13);
      int day = g_rand_int_range (rand, 1, 29), kind = g_rand_int_range (rand, 0, 6);

      if (i)
        g_string_append_c (json, ',');
      if (kind == 0)
        g_string_append_printf (json, "{\"date\":\"%04d\"", year);
      else if (kind == 1)
        g_string_append_printf (json, "{\"date\":\"%04d-%02d\"", year, month);
      else
        g_string_append_printf (json, "{\"date\":\"%04d-%02d-%02d\"", year, month, day);
      g_string_append_printf (json, ",\"title\":\"Operation %u in the district\",\"description\":\"Police and partners "
                              "act on case %u.\",\"category\":\"%s\"", i, i, cats[i % G_N_ELEMENTS (cats)]);
      if (i % 4 == 0)
        g_string_append (json, ",\"metrics\":{\"rescued\":2,\"arrested\":3}");
      g_string_append_c (json, '}');
    }
  g_string_append (json, "],\"eras\":[{\"start\":\"1990\",\"end\":\"1999\",\"title\":\"First programme\"},"
                         "{\"start\":\"2019\",\"end\":\"2021\",\"title\":\"Police partnership\"}]}");
  g_rand_free (rand);
  *len = json->len;
  return g_string_free (json, FALSE);
}

static void
frames (ImpactTimelineLayout *layout,
        const char           *name,
        double                zoom,
        guint                 n_frames)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cairo_t *cr;
  ImpactTimelineViewport vp;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  double first_ms, sum = 0;
  guint labels = 0;

  impact_timeline_viewport_init (&vp, 1920, 1080);
  impact_timeline_viewport_fit (&vp, layout);
  vp.pixel_scale = 1;
  if (zoom > 0)
    {
      vp.zoom = zoom;
      vp.t0 = 2000.0;
    }
  for (guint f = 0; f <= n_frames; f++)
    {
      double t;

      cr = cairo_create (surface);
      t = now_ms ();
      labels = impact_timeline_render (cr, layout, &vp);
      cairo_surface_flush (surface);
      t = now_ms () - t;
      cairo_destroy (cr);
      if (f == 0)
        first_ms = t;
      else
        {
          g_array_append_val (samples, t);
          sum += t;
        }
      /* pan by 12 px a frame, as a drag does, back and forth over 600 px */
      vp.t0 += ((f / 50) % 2 ? -12 : 12) / vp.zoom;
    }
  g_array_sort (samples, impact_bench_compare_double);
  g_print ("  frame, %-22s first %6.2f ms   median %6.2f ms   p95 %6.2f ms   max %6.2f ms   (%u labels)\n",
           name, first_ms,
           g_array_index (samples, double, samples->len / 2),
           g_array_index (samples, double, MIN (samples->len - 1, samples->len * 95 / 100)),
           g_array_index (samples, double, samples->len - 1), labels);
  cairo_surface_destroy (surface);
}

/* A pinch: from all to one month across, 3 % a frame, layouts and
 * placements computed as they come */
static void
zoom_sweep (ImpactTimelineLayout *layout)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  ImpactTimelineViewport vp;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  double target = 1920 * 12;

  impact_timeline_viewport_init (&vp, 1920, 1080);
  impact_timeline_viewport_fit (&vp, layout);
  vp.pixel_scale = 1;
  vp.new_labels = 16;    /* as the window draws */
  while (vp.zoom < target)
    {
      cairo_t *cr = cairo_create (surface);
      double t = now_ms ();

      impact_timeline_render (cr, layout, &vp);
      cairo_surface_flush (surface);
      t = now_ms () - t;
      cairo_destroy (cr);
      g_array_append_val (samples, t);
      impact_timeline_viewport_zoom_at (&vp, 1.03, 960);
    }
  g_array_sort (samples, impact_bench_compare_double);
  g_print ("  pinch, all to a month (%u frames, at most 16 new labels a frame)\n                                   median %6.2f ms   p95 %6.2f ms   max %6.2f ms\n",
           samples->len, g_array_index (samples, double, samples->len / 2),
           g_array_index (samples, double, MIN (samples->len - 1, samples->len * 95 / 100)),
           g_array_index (samples, double, samples->len - 1));
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  int n_frames = 120;
  int n_write = 0;
  const guint sizes[] = { 10000, 100000 };
  const GOptionEntry entries[] = {
    { "frames", 0, 0, G_OPTION_ARG_INT, &n_frames, "Frames drawn at each zoom (default 120)", "N" },
    { "write", 0, 0, G_OPTION_ARG_INT, &n_write, "Write the document of N generated milestones to FILE and exit", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— timeline benchmark");
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  n_frames = CLAMP (n_frames, 10, 10000);
  if (n_write > 0)
    {
      gsize len;
      g_autofree char *json = NULL;

      if (argc != 2)
        {
          g_printerr ("--write N FILE: name the file\n");
          return 2;
        }
      json = generate ((guint) n_write, &len);
      if (!g_file_set_contents (argv[1], json, len, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      return 0;
    }

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      gsize len;
      g_autofree char *json = generate (sizes[s], &len);
      g_autoptr(ImpactDocument) doc = NULL;
      g_autoptr(ImpactTheme) theme = NULL;
      g_autoptr(ImpactTimelineLayout) layout = NULL;
      double t0, t_load, t_layout;

      g_print ("%u milestones (%.1f MiB of JSON)\n", sizes[s], len / 1048576.0);
      t0 = now_ms ();
      doc = impact_json_loader_load_data (json, len, "bench.json", NULL, NULL, &error);
      if (doc == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      t_load = now_ms () - t0;
      t0 = now_ms ();
      theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
      layout = impact_timeline_layout_new (doc, theme);
      t_layout = now_ms () - t0;
      g_print ("  load (parse + model)         %8.1f ms\n", t_load);
      g_print ("  timeline layout (sort, index) %7.1f ms\n", t_layout);
      frames (layout, "all (fit):", 0, n_frames);
      frames (layout, "one year across:", 1920, n_frames);
      frames (layout, "one month across:", 1920 * 12, n_frames);
      {
        /* the pinch again from a fresh layout: nothing measured yet */
        g_autoptr(ImpactTimelineLayout) fresh = impact_timeline_layout_new (doc, theme);

        zoom_sweep (fresh);
      }
    }
  return 0;
}
