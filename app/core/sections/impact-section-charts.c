/* impact-section-charts.c: the document's charts on the back page
 *
 * Columns, lines and areas (a sparkline lives in a statistic panel, not
 * here) side by side, two to a row, each as tall as the chart asks for
 * its width. The chart's scene (impact-chart-scene.h) is copied into the
 * display list shape by shape, offset by the chart's box; in the tagged
 * PDF the chart is a Figure with its description as /Alt, its texts P.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-sheet-layout"

#include "config.h"

#include <math.h>

#include "impact-chart.h"
#include "impact-chart-scene.h"
#include "impact-sections.h"

#define CHARTS_PER_ROW 2
#define CHART_GAP      16.0
#define CHART_ROW_GAP  14.0
#define CHART_MAX_H    170.0  /* with its kicker */
#define KICKER_GAP     5.0

static gboolean
shown_on_sheet (const ImpactChartSpec *spec)
{
  return spec != NULL && spec->kind != IMPACT_CHART_SPARKLINE;
}

/* @color: every shape in this colour (a sparkline on a panel), or NULL */
static void
copy_scene (ImpactLayoutBuilder *b,
            ImpactChartScene    *scene,
            double               ox,
            double               oy,
            const ImpactColor   *color)
{
  for (guint i = 0; i < impact_chart_scene_get_n_shapes (scene); i++)
    {
      ImpactChartShape shape = *impact_chart_scene_get_shape (scene, i);
      const ImpactChartShape *s = &shape;

      if (color != NULL)
        shape.color = *color;

      switch (s->type)
        {
        case IMPACT_CHART_SHAPE_RECT:
          impact_builder_add_rect (b, ox + s->x, oy + s->y, s->width, s->height, 0, &s->color, 1.0);
          break;

        case IMPACT_CHART_SHAPE_LINE:
          /* the display list has segments; round the joints of a polyline */
          for (guint k = 0; k + 1 < s->n_points; k++)
            impact_builder_add_line (b,
                                     ox + s->points[2 * k], oy + s->points[2 * k + 1],
                                     ox + s->points[2 * k + 2], oy + s->points[2 * k + 3],
                                     s->line_width, &s->color, 1.0);
          for (guint k = 1; k + 1 < s->n_points && s->line_width > 1; k++)
            impact_builder_add_circle (b, ox + s->points[2 * k], oy + s->points[2 * k + 1],
                                       s->line_width / 2, &s->color, 0);
          break;

        case IMPACT_CHART_SHAPE_POLYGON:
          {
            g_autofree double *pts = g_new (double, 2 * s->n_points);

            for (guint k = 0; k < s->n_points; k++)
              {
                pts[2 * k] = ox + s->points[2 * k];
                pts[2 * k + 1] = oy + s->points[2 * k + 1];
              }
            impact_builder_add_polygon (b, pts, s->n_points, &s->color, 1.0);
          }
          break;

        case IMPACT_CHART_SHAPE_TEXT:
          b->next_tag = "P";
          impact_builder_place_layout (b, g_object_ref (s->layout), ox + s->x, oy + s->y, &s->color, 1.0, NULL);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* The leftmost ink of a scene, its background aside */
static double
ink_left (ImpactChartScene *scene)
{
  double left = G_MAXDOUBLE;

  for (guint i = 0; i < impact_chart_scene_get_n_shapes (scene); i++)
    {
      const ImpactChartShape *s = impact_chart_scene_get_shape (scene, i);

      if (s->role == IMPACT_CHART_ROLE_BACKGROUND)
        continue;
      if (s->type == IMPACT_CHART_SHAPE_LINE || s->type == IMPACT_CHART_SHAPE_POLYGON)
        for (guint k = 0; k < s->n_points; k++)
          left = MIN (left, s->points[2 * k] - s->line_width / 2);
      else if (s->type == IMPACT_CHART_SHAPE_TEXT)
        {
          PangoRectangle ink;

          pango_layout_get_pixel_extents (s->layout, &ink, NULL);
          left = MIN (left, s->x + ink.x);
        }
      else
        left = MIN (left, s->x);
    }
  return left == G_MAXDOUBLE ? 0 : MAX (left, 0);
}

/* The chart's label as the kicker over it, like every section's heading
 * on the sheet: its height with the gap under it */
static double
kicker_height (ImpactLayoutBuilder *b,
               ImpactChart         *chart,
               double               w)
{
  ImpactTextStyle style = impact_builder_kicker_style (b, 7.5);
  g_autoptr(PangoLayout) layout = impact_builder_make_text (b, &style, impact_chart_get_label (chart), FALSE, w);
  double h;

  impact_text_layout_get_size (layout, NULL, &h);
  return h + KICKER_GAP;
}

/* The chart in x, y, w, h: its kicker, then the chart under the top
 * @kicker_h points */
static void
place_chart (ImpactLayoutBuilder *b,
             ImpactChart         *chart,
             guint                index,
             double               x,
             double               y,
             double               w,
             double               h,
             double               kicker_h)
{
  g_autoptr(ImpactChartScene) scene = NULL;
  g_autofree char *alt = impact_chart_dup_description (chart);
  double ch = h - kicker_h, inset;
  ImpactOp *op;

  /* the scene keeps a little room at its left; set the value axis flush
   * with the measure like every other section's text */
  scene = impact_chart_layout (chart, w, ch, b->theme, b->context, IMPACT_CHART_LAYOUT_NONE);
  inset = ink_left (scene);
  if (inset > 0.5 && inset < w / 4)
    {
      impact_chart_scene_free (scene);
      scene = impact_chart_layout (chart, w + inset, ch, b->theme, b->context, IMPACT_CHART_LAYOUT_NONE);
      if (ink_left (scene) < inset - 0.5 || ink_left (scene) > inset + 0.5)
        {
          /* the layout changed with the width: keep the plain one */
          impact_chart_scene_free (scene);
          scene = impact_chart_layout (chart, w, ch, b->theme, b->context, IMPACT_CHART_LAYOUT_NONE);
          inset = 0;
        }
    }
  else
    inset = 0;

  /* the Figure holds its label (a paragraph of it, as the scene's title
   * is in a chart alone); its /Alt says both */
  op = impact_builder_push_op (b, IMPACT_OP_TAG_BEGIN);
  op->name = g_strdup ("Figure");
  op->alt = g_steal_pointer (&alt);
  op->x = x;
  op->y = y;
  op->w = w;
  op->h = h;
  {
    ImpactTextStyle style = impact_builder_kicker_style (b, 7.5);

    b->next_tag = "P";
    impact_builder_place_layout (b, impact_builder_make_text (b, &style, impact_chart_get_label (chart), FALSE, w),
                                 x, y, impact_theme_get_accent_text (b->theme), 1.0, NULL);
  }
  copy_scene (b, scene, x - inset, y + kicker_h, NULL);
  op = impact_builder_push_op (b, IMPACT_OP_TAG_END);
  op->name = g_strdup ("Figure");

  impact_builder_add_box (b, IMPACT_SECTION_CHARTS, (int) index, x, y, w, h);
}

/* Sparklines: the first chart of kind sparkline with "statistic": N is
 * drawn in the panel of statistics[N] by the statistics section. */
ImpactChart *
impact_section_charts_sparkline (ImpactLayoutBuilder *b,
                                 guint                statistic)
{
  GPtrArray *specs = impact_document_get_charts (b->doc);

  for (guint i = 0; specs != NULL && i < specs->len; i++)
    {
      const ImpactChartSpec *spec = g_ptr_array_index (specs, i);
      g_autofree char *path = NULL;

      if (spec->kind != IMPACT_CHART_SPARKLINE || spec->statistic != (int) statistic)
        continue;
      path = g_strdup_printf ("charts[%u]", i);
      return impact_chart_new (b->doc, spec, path, b->diagnostics);
    }
  return NULL;
}

void
impact_section_charts_place_sparkline (ImpactLayoutBuilder *b,
                                       ImpactChart         *chart,
                                       double               x,
                                       double               y,
                                       double               w,
                                       double               h,
                                       const ImpactColor   *color)
{
  g_autoptr(ImpactChartScene) scene = impact_chart_layout (chart, w, h, b->theme, b->context,
                                                           IMPACT_CHART_LAYOUT_NONE);
  ImpactOp *op;

  op = impact_builder_push_op (b, IMPACT_OP_TAG_BEGIN);
  op->name = g_strdup ("Figure");
  op->alt = impact_chart_dup_description (chart);
  op->x = x;
  op->y = y;
  op->w = w;
  op->h = h;
  copy_scene (b, scene, x, y, color);
  op = impact_builder_push_op (b, IMPACT_OP_TAG_END);
  op->name = g_strdup ("Figure");
}

/* The height the sections after the charts in the design's page flow
 * take with their gaps (the profile, in both designs), measured on a
 * scratch page: the charts take what is left of the page above them.
 * (A section the fit moved off the front comes on top of that; then the
 * page overflows and the fit shrinks the text as for any section.) */
static double
height_below (ImpactLayoutBuilder *b)
{
  const ImpactFlowEntry *flows[] = { b->design->front, b->design->back };
  ImpactPageData *real = b->page;
  ImpactDiagnostics *diagnostics = b->diagnostics;
  char *overflow_path = b->overflow_path;
  double overflow_amount = b->overflow_amount, below = 0;
  gboolean after = FALSE;

  b->diagnostics = NULL;
  b->overflow_path = NULL;
  for (guint f = 0; f < G_N_ELEMENTS (flows); f++)
    for (guint i = 0; i < IMPACT_DESIGN_MAX_FLOW && flows[f][i].section < IMPACT_N_SECTIONS; i++)
      {
        double bottom;

        if (!after)
          {
            after = flows[f][i].section == IMPACT_SECTION_CHARTS;
            continue;
          }
        b->page = impact_page_data_new ();
        bottom = impact_sections_get (flows[f][i].section)->place (b, 0);
        impact_page_data_free (b->page);
        if (bottom > 0.01)
          below += flows[f][i].gap + flows[f][i].scaled_gap * b->scale + bottom;
      }
  b->page = real;
  b->diagnostics = diagnostics;
  g_free (b->overflow_path);
  b->overflow_path = overflow_path;
  b->overflow_amount = overflow_amount;
  return below;
}

double
impact_section_charts_place (ImpactLayoutBuilder *b,
                             double               y)
{
  GPtrArray *specs = impact_document_get_charts (b->doc);
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_chart_unref);
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  double top = y, below;

  if (specs == NULL)
    return y;
  for (guint i = 0; i < specs->len; i++)
    {
      const ImpactChartSpec *spec = g_ptr_array_index (specs, i);
      g_autofree char *path = g_strdup_printf ("charts[%u]", i);
      ImpactChart *chart;

      if (!shown_on_sheet (spec))
        continue;
      chart = impact_chart_new (b->doc, spec, path, b->diagnostics);
      if (chart == NULL)
        continue;
      if (b->diagnostics != NULL)
        impact_chart_check_contrast (b->theme, path, b->diagnostics);
      g_ptr_array_add (charts, chart);
      g_array_append_val (indices, i);
    }
  if (charts->len == 0)
    return y;
  below = height_below (b);

  for (guint r = 0; r < charts->len; r += CHARTS_PER_ROW)
    {
      guint n = MIN (CHARTS_PER_ROW, charts->len - r);
      /* a lone chart on the last row keeps the width of its neighbours'
       * column when there are several, the full measure when alone */
      guint cols = charts->len == 1 ? 1 : CHARTS_PER_ROW;
      double w = (b->content_width - (cols - 1) * CHART_GAP) / cols;
      double h = 0;
      g_autofree char *path = NULL;

      guint rows_left = (charts->len - r + CHARTS_PER_ROW - 1) / CHARTS_PER_ROW;
      double room, kicker_h = 0;

      for (guint k = 0; k < n; k++)
        {
          kicker_h = MAX (kicker_h, kicker_height (b, g_ptr_array_index (charts, r + k), w));
          h = MAX (h, impact_chart_preferred_height (g_ptr_array_index (charts, r + k), w));
        }
      h = MIN (h, CHART_MAX_H);
      if (r > 0)
        y += CHART_ROW_GAP;
      /* the rows share the room the page has left above the sections
       * that follow, never below the chart's smallest size
       * (then the page overflows, and the fit names the charts) */
      room = (b->limit - below - y - (rows_left - 1) * CHART_ROW_GAP) / rows_left;
      h = MAX (MIN (h, room), kicker_h + IMPACT_CHART_MIN_PLOT_HEIGHT);
      path = g_strdup_printf ("charts[%u]", g_array_index (indices, guint, r));
      if (impact_builder_past_page (b, y, path))
        break;
      for (guint k = 0; k < n; k++)
        {
          double x = b->margin + k * (w + CHART_GAP);

          place_chart (b, g_ptr_array_index (charts, r + k), g_array_index (indices, guint, r + k),
                       x, y, w, h, kicker_h);
        }
      y += h;
      impact_builder_note_bottom (b, y, path);
    }
  (void) top;
  return y;
}

/* JSON: the section's members, read (validated, reported with their path,
 * line and column) and written (keeping the text of what did not change);
 * moved here from impact-json-loader.c and impact-json-writer.c. The
 * helpers' short names below come from the loader's and the writer's
 * private headers. */

#include "impact-json-loader-private.h"
#include "impact-json-writer-private.h"

/* Charts (issue 16):
 * {"label": "…", "kind": "columns", "points": [["2006", 5], ["2007", null], …]} or
 * {"label": "…", "derive": {"metric": "rescued", "per": "year", "cumulative": false}} */
static const char * const chart_keys[] = { "label", "kind", "points", "derive", "statistic", NULL };
static const char * const chart_derive_keys[] = { "metric", "per", "cumulative", NULL };
static const char * const chart_kinds[] = { "columns", "line", "area", "sparkline", NULL };
static const char * const chart_periods[] = { "year", "quarter", "month", NULL };

static gboolean
ctx_choice (ObjectCtx          *o,
            const char         *name,
            const char * const *choices,
            const char         *expected,
            guint              *out)
{
  const char *value = ctx_string (o, name, 0);

  if (value == NULL)
    return FALSE;
  for (guint i = 0; choices[i] != NULL; i++)
    if (strcmp (value, choices[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  report_expected (o, name, value, expected);
  return FALSE;
}

static void
load_chart_points (ObjectCtx       *o,
                   ImpactChartSpec *chart)
{
  g_autofree char *path = NULL;
  JsonArray *points = ctx_array (o, "points", &path);
  guint n;

  if (points == NULL)
    return;
  n = json_array_get_length (points);
  if (n > IMPACT_CHART_MAX_POINTS)
    {
      node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_TOO_LARGE,
                   json_object_get_member (o->object, "points"), path,
                   "too many points (%u); a chart has at most %u", n, (guint) IMPACT_CHART_MAX_POINTS);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (points, i);
      g_autofree char *point_path = path_element (path, i);
      JsonArray *pair = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      JsonNode *label, *value;

      if (pair == NULL || json_array_get_length (pair) != 2)
        {
          node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, point_path,
                       "expected a pair [\"label\", number or null], got %s",
                       pair ? "an array of another length" : describe_node (node));
          continue;
        }
      label = json_array_get_element (pair, 0);
      value = json_array_get_element (pair, 1);
      if (!node_is_string (label) || is_blank (json_node_get_string (label)))
        {
          g_autofree char *label_path = path_element (point_path, 0);

          if (node_is_string (label))
            node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, label,
                         label_path, "must not be empty");
          else
            report_type (o->loader, label, label_path, "a string");
          continue;
        }
      if (JSON_NODE_HOLDS_NULL (value))
        {
          impact_chart_spec_add_gap (chart, json_node_get_string (label));
          continue;
        }
      if (!node_is_number (value))
        {
          g_autofree char *value_path = path_element (point_path, 1);

          report_type (o->loader, value, value_path, "a number or null");
          continue;
        }
      if (node_int_overflow (o->loader, value) ||
          !isfinite (json_node_get_double (value)) ||
          fabs (json_node_get_double (value)) > MAX_STATISTIC_VALUE)
        {
          g_autofree char *value_path = path_element (point_path, 1);

          node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, value, value_path,
                       "out of range; a value must be between -1e15 and 1e15");
          continue;
        }
      impact_chart_spec_add_point (chart, json_node_get_string (label), json_node_get_double (value));
    }
}

static void
load_chart (ObjectCtx      *o,
            ImpactDocument *doc)
{
  g_autoptr(ImpactChartSpec) chart = NULL;
  g_autofree char *derive_path = NULL;
  GPtrArray *charts = impact_document_get_charts (doc);
  gboolean has_points, has_derive;
  guint value;
  ObjectCtx d;

  if (charts->len >= IMPACT_CHART_MAX_CHARTS)
    {
      /* said once, at the first chart past the cap */
      if (g_str_has_suffix (o->path, "[" G_STRINGIFY (IMPACT_CHART_MAX_CHARTS) "]"))
        node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_TOO_LARGE, o->node, o->path,
                     "too many charts; a sheet has at most %u", (guint) IMPACT_CHART_MAX_CHARTS);
      return;
    }
  chart = impact_chart_spec_new ();
  chart->json = json_object_ref (o->object);
  chart->label = ctx_dup_string (o, "label", STRING_REQUIRED);
  if (ctx_choice (o, "kind", chart_kinds,
                  "expected \"columns\", \"line\", \"area\" or \"sparkline\"", &value))
    chart->kind = value;

  has_points = json_object_has_member (o->object, "points");
  has_derive = json_object_has_member (o->object, "derive");
  if (has_points && has_derive)
    node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE,
                 json_object_get_member (o->object, "derive"), o->path,
                 "a chart has either \"points\" or \"derive\", not both");
  else if (!has_points && !has_derive)
    node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_MISSING_FIELD, o->node, o->path,
                 "missing \"points\" or \"derive\"");

  load_chart_points (o, chart);
  if (ctx_object (o, "derive", FALSE, &d, &derive_path))
    {
      const char *metric = ctx_string (&d, "metric", STRING_REQUIRED);

      if (ctx_choice (&d, "per", chart_periods,
                      "expected \"year\", \"quarter\" or \"month\"", &value))
        chart->derive_per = value;
      ctx_boolean (&d, "cumulative", &chart->derive_cumulative);
      ctx_check_members (&d, chart_derive_keys);
      chart->derive_metric = g_strdup (metric);
    }
  /* "statistic": N puts a sparkline in the panel of statistics[N] */
  if (json_object_has_member (o->object, "statistic"))
    {
      JsonNode *node = json_object_get_member (o->object, "statistic");
      g_autofree char *stat_path = path_member (o->path, "statistic");
      guint n_stats = impact_document_get_statistics (doc)->len;
      gint64 index;

      if (!node_integer (o->loader, node, stat_path, "the index of a statistic", &index))
        ;
      else if (chart->kind != IMPACT_CHART_SPARKLINE)
        node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, stat_path,
                     "only a chart of \"kind\": \"sparkline\" sits in a statistic's panel");
      else if (index < 0)
        node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, stat_path,
                     "expected the index of a statistic (0 for the first), got %" G_GINT64_FORMAT, index);
      else
        {
          /* kept (and saved) when past the statistics: one removed in the
           * window leaves the file readable; the sparkline shows nowhere */
          if (index >= n_stats)
            node_report (o->loader, IMPACT_SEVERITY_WARNING, IMPACT_ERROR_INVALID_VALUE, node, stat_path,
                         "no statistics[%" G_GINT64_FORMAT "]; the sheet has %u statistics, so the sparkline "
                         "is in no panel", index, n_stats);
          chart->statistic = (int) MIN (index, G_MAXINT);
        }
    }
  ctx_check_members (o, chart_keys);
  g_ptr_array_add (charts, g_steal_pointer (&chart));
}

/* Charts (issue 16) */
static JsonNode *
chart_node (const ImpactChartSpec *chart)
{
  static const char * const kinds[] = { "columns", "line", "area", "sparkline" };
  static const char * const periods[] = { "year", "quarter", "month" };
  JsonObject *o = item_object (chart->json);

  put_string (o, "label", chart->label);
  if (chart->kind != IMPACT_CHART_COLUMNS || json_object_has_member (o, "kind"))
    put_string (o, "kind", kinds[chart->kind]);
  put (o, "statistic", chart->statistic >= 0 && chart->kind == IMPACT_CHART_SPARKLINE
                      ? json_node_init_int (json_node_alloc (), chart->statistic) : NULL);
  if (chart->derive_metric != NULL)
    {
      JsonObject *d = section_object (o, "derive");

      put_string (d, "metric", chart->derive_metric);
      if (chart->derive_per != IMPACT_CHART_PER_YEAR || json_object_has_member (d, "per"))
        put_string (d, "per", periods[chart->derive_per]);
      put_flag (d, "cumulative", chart->derive_cumulative);
      put (o, "derive", json_node_init_object (json_node_alloc (), d));
      json_object_unref (d);
      put (o, "points", NULL);
    }
  else
    {
      JsonArray *points = json_array_sized_new (chart->points->len);

      for (guint i = 0; i < chart->points->len; i++)
        {
          const ImpactChartPoint *point = &g_array_index (chart->points, ImpactChartPoint, i);
          JsonArray *pair = json_array_sized_new (2);

          json_array_add_element (pair, string_node (point->label));
          json_array_add_element (pair, point->missing ? json_node_init_null (json_node_alloc ())
                                                       : number_node (point->value));
          json_array_add_array_element (points, pair);
        }
      put (o, "points", json_node_init_array (json_node_alloc (), points));
      json_array_unref (points);
      put (o, "derive", NULL);
    }
  return take_object_node (o);
}

void
impact_section_charts_read (ObjectCtx      *root,
                            ImpactDocument *doc)
{
  load_array (root, "charts", load_chart, doc);
}

void
impact_section_charts_write (JsonObject     *root,
                             ImpactDocument *doc)
{
  put_list (root, "charts", impact_document_get_charts (doc), (ItemNodeFunc) chart_node);
}
