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
