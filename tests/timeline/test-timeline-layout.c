/* test-timeline-layout.c: sorting, culling, ticks, label placement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "impact-json-loader.h"
#include "impact-test-utils.h"
#include "impact-theme.h"
#include "impact-timeline-layout.h"
#include "impact-timeline-render.h"

static ImpactDocument *
load_fixture (const char *name)
{
  g_autofree char *path = impact_test_data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ImpactDocument *doc = impact_json_loader_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* A generated document: @n milestones spread over @years from 2000,
 * dates of mixed precision, four categories. */
static ImpactDocument *
generate (guint  n,
          double years,
          guint  seed)
{
  GString *json = g_string_new ("{\"format\":\"1\",\"office\":\"Test\",\"organisation\":{\"name\":\"Org\"},\"milestones\":[");
  GRand *rand = g_rand_new_with_seed (seed);
  static const char *cats[] = { "office", "rescue", "justice", "systems" };
  g_autoptr(GError) error = NULL;
  ImpactDocument *doc;

  for (guint i = 0; i < n; i++)
    {
      double t = 2000 + g_rand_double (rand) * years;
      int year = (int) t, month = 1 + (int) ((t - year) * 12), day = 1 + g_rand_int_range (rand, 0, 28);
      int kind = g_rand_int_range (rand, 0, 6);

      if (i)
        g_string_append_c (json, ',');
      if (kind == 0)
        g_string_append_printf (json, "{\"date\":\"%04d\"", year);
      else if (kind == 1)
        g_string_append_printf (json, "{\"date\":\"%04d-%02d\"", year, month);
      else
        g_string_append_printf (json, "{\"date\":\"%04d-%02d-%02d\"", year, month, day);
      g_string_append_printf (json, ",\"title\":\"Milestone number %u %s\",\"category\":\"%s\"",
                              i, (i % 3) ? "with a longer title" : "", cats[i % 4]);
      if (i % 5 == 0)
        g_string_append (json, ",\"metrics\":{\"rescued\":2,\"arrested\":3}");
      g_string_append_c (json, '}');
    }
  g_string_append (json, "],\"eras\":[{\"start\":\"2001\",\"end\":\"2003\",\"title\":\"An era\"}]}");
  doc = impact_json_loader_load_data (json->str, json->len, "generated.json", NULL, NULL, &error);
  g_assert_no_error (error);
  g_string_free (json, TRUE);
  g_rand_free (rand);
  return doc;
}

static ImpactTimelineLayout *
layout_for (ImpactDocument *doc)
{
  g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);

  return impact_timeline_layout_new (doc, theme);
}

static void
test_sorted_and_range (void)
{
  g_autoptr(ImpactDocument) doc = generate (2000, 30, 7);
  g_autoptr(ImpactTimelineLayout) layout = layout_for (doc);
  guint n = impact_timeline_layout_get_n_items (layout), first, last;

  g_assert_cmpuint (n, ==, 2000);
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (impact_timeline_layout_get_item (layout, i - 1)->time, <=,
                       impact_timeline_layout_get_item (layout, i)->time);

  impact_timeline_layout_find_range (layout, 2010, 2012, &first, &last);
  g_assert_cmpuint (first, <, last);
  g_assert_cmpfloat (impact_timeline_layout_get_item (layout, first)->time, >=, 2010);
  g_assert_cmpfloat (impact_timeline_layout_get_item (layout, last - 1)->time, <, 2012);
  if (first > 0)
    g_assert_cmpfloat (impact_timeline_layout_get_item (layout, first - 1)->time, <, 2010);
  if (last < n)
    g_assert_cmpfloat (impact_timeline_layout_get_item (layout, last)->time, >=, 2012);

  impact_timeline_layout_find_range (layout, 1900, 1950, &first, &last);
  g_assert_cmpuint (first, ==, last);
}

/* "2006" sits in the middle of 2006, "2017-08" in the middle of August,
 * and the span a partial date covers is kept. */
static void
test_partial_dates (void)
{
  g_autoptr(ImpactDocument) doc = load_fixture ("timeline/data/timeline.json");
  g_autoptr(ImpactTimelineLayout) layout = layout_for (doc);
  const ImpactTimelineItem *year = impact_timeline_layout_get_item (layout, 0);
  const ImpactTimelineItem *month = impact_timeline_layout_get_item (layout, 1);
  const ImpactTimelineItem *day;
  int pos;

  g_assert_cmpint (year->precision, ==, IMPACT_DATE_PRECISION_YEAR);
  g_assert_cmpfloat_with_epsilon (year->time, 2006.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (year->span_start, 2006, 1e-9);
  g_assert_cmpfloat_with_epsilon (year->span_end, 2007, 1e-9);
  g_assert_cmpint (month->precision, ==, IMPACT_DATE_PRECISION_MONTH);
  g_assert_cmpfloat_with_epsilon (month->span_start, 2008 + 2 / 12.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (month->span_end, 2008 + 3 / 12.0, 1e-9);
  pos = impact_timeline_layout_find_index (layout, 6);   /* 2017-08-24 */
  g_assert_cmpint (pos, >=, 0);
  day = impact_timeline_layout_get_item (layout, pos);
  g_assert_cmpint (day->precision, ==, IMPACT_DATE_PRECISION_DAY);
  g_assert_cmpfloat (day->span_end - day->span_start, <, 0.003);

  /* "2018" (2018.5) comes after "2017-08-24" and before "2019-04" */
  g_assert_cmpint (impact_timeline_layout_find_index (layout, 7), ==, pos + 1);

  /* categories in order of appearance, with their colours; eras in lanes */
  g_assert_cmpuint (impact_timeline_layout_get_n_categories (layout), ==, 4);
  g_assert_cmpstr (impact_timeline_layout_get_category_name (layout, 0), ==, "office");
  g_assert_cmpuint (impact_timeline_layout_get_n_eras (layout), ==, 2);
  g_assert_cmpuint (impact_timeline_layout_get_n_era_lanes (layout), ==, 1);
}

static void
assert_no_overlap (ImpactTimelineLayout         *layout,
                   const ImpactTimelineViewport *vp,
                   guint                         min_labels)
{
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GArray) boxes = impact_timeline_get_label_boxes (layout, vp, &positions);
  guint n = positions->len;

  g_assert_cmpuint (n, >=, min_labels);
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        double *a = &g_array_index (boxes, double, i * 4);
        double *b = &g_array_index (boxes, double, j * 4);
        gboolean apart = a[0] + a[2] <= b[0] + 1e-6 || b[0] + b[2] <= a[0] + 1e-6 ||
                         a[1] + a[3] <= b[1] + 1e-6 || b[1] + b[3] <= a[1] + 1e-6;

        if (!apart)
          g_error ("labels %u and %u overlap: (%g,%g %gx%g) and (%g,%g %gx%g)",
                   g_array_index (positions, guint, i), g_array_index (positions, guint, j),
                   a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3]);
      }
}

static void
test_sparse_no_overlap (void)
{
  g_autoptr(ImpactDocument) doc = load_fixture ("timeline/data/timeline.json");
  g_autoptr(ImpactTimelineLayout) layout = layout_for (doc);
  ImpactTimelineViewport vp;

  /* a slide: every label of the sparse fixture is shown */
  impact_timeline_viewport_init (&vp, 912, 400);
  impact_timeline_viewport_fit (&vp, layout);
  assert_no_overlap (layout, &vp, impact_timeline_layout_get_n_items (layout));
  /* a click on a marker or on a label finds its milestone */
  {
    ImpactTimelineGeometry g;
    g_autoptr(GArray) positions = NULL;
    g_autoptr(GArray) boxes = impact_timeline_get_label_boxes (layout, &vp, &positions);
    double x = impact_timeline_viewport_x_for_time (&vp, impact_timeline_layout_get_item (layout, 3)->time);
    double *b = &g_array_index (boxes, double, 0);

    impact_timeline_get_geometry (layout, &vp, &g);
    g_assert_cmpint (impact_timeline_hit_test (layout, &vp, x + 1, g.axis_y), ==, 3);
    g_assert_cmpint (impact_timeline_hit_test (layout, &vp, b[0] + b[2] / 2, b[1] + b[3] / 2), ==,
                     (int) g_array_index (positions, guint, 0));
    g_assert_cmpint (impact_timeline_hit_test (layout, &vp, 2, 2), ==, -1);
  }
  /* zoomed in, panned */
  impact_timeline_viewport_zoom_at (&vp, 3.7, 300);
  assert_no_overlap (layout, &vp, 1);
}

static void
test_dense_no_overlap (void)
{
  g_autoptr(ImpactDocument) doc = generate (3000, 3, 11);
  g_autoptr(ImpactTimelineLayout) layout = layout_for (doc);
  ImpactTimelineViewport vp;
  double zooms[] = { 1, 10, 100, 1000, 10000, 100000 };

  impact_timeline_viewport_init (&vp, 1200, 600);
  impact_timeline_viewport_fit (&vp, layout);
  assert_no_overlap (layout, &vp, 4);
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      vp.zoom = zooms[z];
      vp.t0 = 2001.5 - 600 / vp.zoom;
      /* and at zooms between the placement's steps */
      assert_no_overlap (layout, &vp, 1);
      vp.zoom *= 1.17;
      assert_no_overlap (layout, &vp, 1);
    }
}

/* Only visible labels get a PangoLayout */
static void
test_culling (void)
{
  g_autoptr(ImpactDocument) doc = generate (10000, 20, 3);
  g_autoptr(ImpactTimelineLayout) layout = layout_for (doc);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 400);
  cairo_t *cr = cairo_create (surface);
  ImpactTimelineViewport vp;
  guint drawn;

  impact_timeline_viewport_init (&vp, 800, 400);
  vp.zoom = 2000;
  vp.t0 = 2010;
  /* a frame shapes at most vp.new_labels new labels; the next frames the rest */
  {
    guint deferred = 0, again;

    vp.new_labels = 5;
    vp.pixel_scale = 1;
    drawn = impact_timeline_render_full (cr, layout, &vp, &deferred);
    g_assert_cmpuint (drawn, ==, 5);
    g_assert_cmpuint (deferred, >, 0);
    while (deferred > 0)
      {
        again = impact_timeline_render_full (cr, layout, &vp, &deferred);
        g_assert_cmpuint (again, >, drawn);
        drawn = again;
      }
    vp.new_labels = 0;
  }
  drawn = impact_timeline_render (cr, layout, &vp);
  g_assert_cmpuint (drawn, >, 0);
  g_assert_cmpuint (impact_timeline_layout_get_n_cached_labels (layout), <=, 200);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  /* a label's measured box (from per-character advances) holds its text */
  for (guint i = 0; i < 300; i++)
    {
      PangoLayout *pl = impact_timeline_layout_get_label (layout, i * 31);
      PangoRectangle logical;
      double w, h;

      impact_timeline_layout_get_label_size (layout, i * 31, &w, &h);
      pango_layout_get_extents (pl, NULL, &logical);
      g_assert_cmpfloat (IMPACT_TIMELINE_LABEL_GAP + logical.width / (double) PANGO_SCALE, <=, w + 0.01);
      g_assert_cmpfloat_with_epsilon (logical.height / (double) PANGO_SCALE, h, 0.01);
    }
  cairo_surface_destroy (surface);
}

typedef struct
{
  const char            *name;
  double                 start, end;   /* fractional years */
  ImpactTimelineTickUnit unit;
  const char            *first_label;  /* or NULL */
} TickCase;

static void
test_ticks (void)
{
  const TickCase cases[] = {
    { "one month", 2017.58, 2017.665, IMPACT_TIMELINE_TICK_DAY, "Aug 2017" },
    { "one quarter", 2017.0, 2017.25, IMPACT_TIMELINE_TICK_DAY, "Jan 2017" },
    { "one year", 2017.0, 2018.0, IMPACT_TIMELINE_TICK_MONTH, "Jan 2017" },
    { "three years", 2015.0, 2018.0, IMPACT_TIMELINE_TICK_MONTH, "Jan 2015" },
    { "a decade", 2010.0, 2020.0, IMPACT_TIMELINE_TICK_YEAR, "2010" },
    { "thirty years", 1990.0, 2020.0, IMPACT_TIMELINE_TICK_YEAR, "1990" },
    { "a century", 1920.0, 2020.0, IMPACT_TIMELINE_TICK_DECADE, "1920" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const TickCase *c = &cases[i];
      double width = 1000, zoom = width / (c->end - c->start);
      ImpactTimelineTickUnit unit;
      g_autoptr(GArray) ticks = impact_timeline_ticks_new (c->start, c->end, zoom, 72, &unit);
      guint labelled = 0;
      double last = -INFINITY;
      const char *first = NULL;

      g_test_message ("%s", c->name);
      g_assert_cmpint (unit, ==, c->unit);
      for (guint t = 0; t < ticks->len; t++)
        {
          const ImpactTimelineTick *tick = &g_array_index (ticks, ImpactTimelineTick, t);

          g_assert_cmpfloat (tick->time, >=, c->start - 1e-9);
          g_assert_cmpfloat (tick->time, <=, c->end + 1e-9);
          if (!tick->major)
            continue;
          g_assert_nonnull (tick->label);
          if (first == NULL)
            first = tick->label;
          /* labelled ticks at least 72 units apart, and in order */
          if (isfinite (last))
            g_assert_cmpfloat ((tick->time - last) * zoom, >=, 72 - 1e-6 - (unit == IMPACT_TIMELINE_TICK_DAY ? 60 : 0));
          last = tick->time;
          labelled++;
        }
      g_assert_cmpuint (labelled, >=, 3);
      g_assert_cmpuint (labelled, <=, 15);
      g_assert_cmpstr (first, ==, c->first_label);
    }
}

/* The labels choose their fonts as the sheet does: the theme's body font,
 * then the document's script's Noto family and the common fallbacks; a
 * Bengali label is set in a Bengali face */
static void
test_label_fonts (void)
{
  g_autofree char *path = impact_test_example_path ("kolkata-bn.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, NULL, NULL, &error);
  g_autoptr(ImpactTheme) theme = NULL;
  g_autoptr(ImpactTimelineLayout) layout = NULL;
  gboolean bengali_run = FALSE;
  PangoLayout *label;
  const char *families;

  g_assert_no_error (error);
  theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
  layout = impact_timeline_layout_new (doc, theme);
  g_assert_cmpuint (impact_timeline_layout_get_n_items (layout), >, 0);
  label = impact_timeline_layout_get_label (layout, 0);
  families = pango_font_description_get_family (pango_layout_get_font_description (label));
  g_assert_true (g_str_has_prefix (families, impact_theme_get_body_font (theme)));
  g_assert_nonnull (strstr (families, "Noto Sans Bengali"));
  g_assert_nonnull (strstr (families, "Noto Sans Symbols2"));

  for (GSList *lines = pango_layout_get_lines_readonly (label); lines != NULL; lines = lines->next)
    for (GSList *runs = ((PangoLayoutLine *) lines->data)->runs; runs != NULL; runs = runs->next)
      {
        PangoGlyphItem *run = runs->data;
        g_autoptr(PangoFontDescription) desc = pango_font_describe (run->item->analysis.font);

        if (strstr (pango_font_description_get_family (desc), "Bengali") != NULL)
          bengali_run = TRUE;
      }
  g_assert_true (bengali_run);

  /* IMPACT_TEST_SCREENSHOT_DIR: the whole timeline as the window draws it */
  if (g_getenv ("IMPACT_TEST_SCREENSHOT_DIR") != NULL)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1400, 520);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *out = g_build_filename (g_getenv ("IMPACT_TEST_SCREENSHOT_DIR"), "timeline-bn.png", NULL);
      ImpactTimelineViewport vp;

      impact_timeline_viewport_init (&vp, 1400, 520);
      impact_timeline_viewport_fit (&vp, layout);
      vp.background = TRUE;
      vp.legend = TRUE;
      vp.pixel_scale = 1;
      impact_timeline_render (cr, layout, &vp);
      g_assert_cmpint (cairo_surface_write_to_png (surface, out), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timeline-layout/sorted-and-range", test_sorted_and_range);
  g_test_add_func ("/timeline-layout/partial-dates", test_partial_dates);
  g_test_add_func ("/timeline-layout/sparse-no-overlap", test_sparse_no_overlap);
  g_test_add_func ("/timeline-layout/dense-no-overlap", test_dense_no_overlap);
  g_test_add_func ("/timeline-layout/culling", test_culling);
  g_test_add_func ("/timeline-layout/ticks", test_ticks);
  g_test_add_func ("/timeline-layout/label-fonts", test_label_fonts);
  return g_test_run ();
}
