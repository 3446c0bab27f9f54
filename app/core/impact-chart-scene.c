/* impact-chart-scene.c: a chart laid out in a box, as flat shapes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-chart-scene"

#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "impact-chart-scene.h"
#include "impact-text.h"

/* Type sizes and spacing, in points */
#define TITLE_SIZE     11.0
#define LABEL_SIZE      8.0
#define NOTE_SIZE       7.5
#define PAD             6.0    /* around the chart */
#define GAP             4.0    /* between an axis and its labels */
#define LABEL_GAP       6.0    /* least room between two period labels */
#define TICK_SPACING    2.4    /* least distance of two ticks, in label heights */
#define MAX_TICKS       8
#define MARKER_RADIUS   2.6
#define MAX_VALUE_LABELS 16

struct _ImpactChartScene
{
  ImpactChart *chart;
  double       width;
  double       height;
  double       plot_x, plot_y, plot_width, plot_height;
  GArray      *shapes;   /* of ImpactChartShape */
};

typedef struct
{
  ImpactChartScene *scene;
  ImpactTheme      *theme;
  PangoContext     *context;
  const char       *family;
  ImpactColor       text;
  ImpactColor       background;
  ImpactColor       series;
  ImpactColor       tint;      /* the area's fill */
  ImpactColor       grid;
} Builder;

static void
shape_clear (gpointer data)
{
  ImpactChartShape *shape = data;

  g_free (shape->points);
  g_clear_object (&shape->layout);
}

static ImpactColor
mix (const ImpactColor *a,
     const ImpactColor *b,
     double             t)
{
  ImpactColor c = {
    a->red + (b->red - a->red) * t,
    a->green + (b->green - a->green) * t,
    a->blue + (b->blue - a->blue) * t,
  };
  return c;
}

static ImpactChartShape *
add_shape (Builder              *b,
           ImpactChartShapeType  type,
           ImpactChartRole       role,
           const ImpactColor    *color)
{
  ImpactChartShape shape = { 0 };

  shape.type = type;
  shape.role = role;
  shape.color = *color;
  shape.index = -1;
  g_array_append_val (b->scene->shapes, shape);
  return &g_array_index (b->scene->shapes, ImpactChartShape, b->scene->shapes->len - 1);
}

static void
add_rect (Builder           *b,
          ImpactChartRole    role,
          const ImpactColor *color,
          double             x,
          double             y,
          double             width,
          double             height,
          int                index)
{
  ImpactChartShape *shape = add_shape (b, IMPACT_CHART_SHAPE_RECT, role, color);

  shape->x = x;
  shape->y = y;
  shape->width = width;
  shape->height = height;
  shape->index = index;
}

/* @points: n pairs, copied */
static ImpactChartShape *
add_path (Builder              *b,
          ImpactChartShapeType  type,
          ImpactChartRole       role,
          const ImpactColor    *color,
          const double         *points,
          guint                 n)
{
  ImpactChartShape *shape = add_shape (b, type, role, color);

  shape->points = g_memdup2 (points, sizeof (double) * 2 * n);
  shape->n_points = n;
  return shape;
}

static void
add_marker (Builder           *b,
            const ImpactColor *color,
            double             cx,
            double             cy,
            double             r,
            int                index)
{
  double points[2 * 16];
  ImpactChartShape *shape;

  for (guint k = 0; k < 16; k++)
    {
      points[2 * k] = cx + r * cos (k * G_PI / 8);
      points[2 * k + 1] = cy + r * sin (k * G_PI / 8);
    }
  shape = add_path (b, IMPACT_CHART_SHAPE_POLYGON, IMPACT_CHART_ROLE_MARKER, color, points, 16);
  shape->index = index;
}

static PangoLayout *
make_layout (Builder     *b,
             const char  *text,
             double       size,
             PangoWeight  weight,
             PangoStyle   style,
             double       wrap_width)
{
  ImpactTextStyle text_style = { 0 };

  text_style.family = b->family;
  text_style.weight = weight;
  text_style.style = style;
  text_style.size = size;
  text_style.align = PANGO_ALIGN_LEFT;
  return impact_text_layout_new (b->context, &text_style, text, FALSE, wrap_width);
}

/* Adds @layout (taken) at x, y */
static ImpactChartShape *
add_text (Builder         *b,
          ImpactChartRole  role,
          PangoLayout     *layout,
          double           x,
          double           y,
          int              index)
{
  ImpactChartShape *shape = add_shape (b, IMPACT_CHART_SHAPE_TEXT, role, &b->text);

  shape->layout = layout;
  shape->x = x;
  shape->y = y;
  shape->index = index;
  impact_text_layout_get_size (layout, &shape->width, &shape->height);
  return shape;
}

/* Sparkline: the line (or area) alone, scaled to its own range */
static void
layout_sparkline (Builder *b)
{
  ImpactChart *chart = b->scene->chart;
  guint n = impact_chart_get_n_values (chart);
  double min, max, inset = MARKER_RADIUS + 0.5;
  double x0 = inset, y0 = inset;
  double w = MAX (b->scene->width - 2 * inset, 0), h = MAX (b->scene->height - 2 * inset, 0);
  g_autofree double *points = NULL;
  guint run = 0;
  int last = -1;

  b->scene->plot_x = x0;
  b->scene->plot_y = y0;
  b->scene->plot_width = w;
  b->scene->plot_height = h;
  if (!impact_chart_get_range (chart, &min, &max))
    return;
  if (max == min)
    {
      min -= 1;
      max += 1;
    }
  points = g_new (double, 2 * n);
  for (guint i = 0; i <= n; i++)
    {
      const ImpactChartValue *v = i < n ? impact_chart_get_value (chart, i) : NULL;

      if (v != NULL && v->present)
        {
          points[2 * run] = n > 1 ? x0 + w * i / (n - 1) : x0 + w / 2;
          points[2 * run + 1] = y0 + h - (v->value - min) / (max - min) * h;
          run++;
          last = (int) i;
          continue;
        }
      if (run > 1)
        add_path (b, IMPACT_CHART_SHAPE_LINE, IMPACT_CHART_ROLE_SERIES, &b->series, points, run)->line_width = 1.5;
      else if (run == 1)
        add_marker (b, &b->series, points[0], points[1], 1.5, i - 1);
      run = 0;
    }
  /* the latest figure stands out */
  if (last >= 0)
    {
      const ImpactChartValue *v = impact_chart_get_value (chart, last);

      add_marker (b, &b->series, n > 1 ? x0 + w * last / (n - 1) : x0 + w / 2,
                  y0 + h - (v->value - min) / (max - min) * h, MARKER_RADIUS - 0.6, last);
    }
}

static void
layout_axes_chart (Builder                *b,
                   ImpactChartLayoutFlags  flags)
{
  ImpactChartScene *scene = b->scene;
  ImpactChart *chart = scene->chart;
  ImpactChartKind kind = impact_chart_get_kind (chart);
  guint n = impact_chart_get_n_values (chart);
  g_autofree char *note_text = impact_chart_dup_note (chart);
  g_autoptr(GPtrArray) period_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) tick_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean zero_based = kind != IMPACT_CHART_LINE;
  double top = PAD, bottom = scene->height - PAD, left = PAD, right = scene->width - PAD;
  double label_h, widest = 0, tick_w = 0, slot, value_room = 0;
  double min = 0, max = 0, plot_top, plot_bottom;
  guint stride, offset = 0, max_ticks;
  gboolean value_labels = FALSE;
  ImpactChartAxis axis;
  double last_right = -G_MAXDOUBLE;

  if (flags & IMPACT_CHART_LAYOUT_TITLE)
    {
      PangoLayout *title = make_layout (b, impact_chart_get_label (chart), TITLE_SIZE,
                                        PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, MAX (right - left, 1));
      ImpactChartShape *shape = add_text (b, IMPACT_CHART_ROLE_TITLE, title, left, top, -1);

      top += shape->height + 8;
    }
  if (note_text != NULL)
    {
      PangoLayout *note = make_layout (b, note_text, NOTE_SIZE, PANGO_WEIGHT_NORMAL,
                                       PANGO_STYLE_ITALIC, MAX (right - left, 1));
      double note_w, note_h;

      impact_text_layout_get_size (note, &note_w, &note_h);
      bottom -= note_h;
      add_text (b, IMPACT_CHART_ROLE_NOTE, note, left, bottom, -1);
      bottom -= 6;
    }

  /* the period labels: one line each, under the plot */
  for (guint i = 0; i < n; i++)
    {
      PangoLayout *layout = make_layout (b, impact_chart_get_value (chart, i)->label, LABEL_SIZE,
                                         PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, -1);
      double w, h;

      impact_text_layout_get_size (layout, &w, &h);
      widest = MAX (widest, w);
      g_ptr_array_add (period_layouts, layout);
    }
  {
    g_autoptr(PangoLayout) probe = make_layout (b, "0123456789", LABEL_SIZE, PANGO_WEIGHT_NORMAL,
                                                PANGO_STYLE_NORMAL, -1);
    double w;

    impact_text_layout_get_size (probe, &w, &label_h);
  }
  plot_bottom = bottom - label_h - GAP;
  plot_top = top + label_h / 2;

  /* the value axis */
  impact_chart_get_range (chart, &min, &max);
  max_ticks = (guint) CLAMP ((plot_bottom - plot_top) / (label_h * TICK_SPACING) + 1, 2, MAX_TICKS);
  impact_chart_axis_compute (min, max, max_ticks, zero_based,
                             impact_chart_get_decimals (chart) == 0, &axis);
  for (guint t = 0; t < axis.n_ticks; t++)
    {
      g_autofree char *text = impact_chart_format_number (chart, axis.lo + t * axis.step,
                                                          axis.decimals);
      PangoLayout *layout = make_layout (b, text, LABEL_SIZE, PANGO_WEIGHT_NORMAL,
                                         PANGO_STYLE_NORMAL, -1);
      double w, h;

      impact_text_layout_get_size (layout, &w, &h);
      tick_w = MAX (tick_w, w);
      g_ptr_array_add (tick_layouts, layout);
    }
  left += tick_w + GAP;
  scene->plot_x = left;
  scene->plot_width = MAX (right - left, 1);
  slot = n > 0 ? scene->plot_width / n : scene->plot_width;

  /* figures over the columns when there are few and they fit */
  if (kind == IMPACT_CHART_COLUMNS && n > 0 && n <= MAX_VALUE_LABELS)
    {
      value_labels = TRUE;
      for (guint i = 0; i < n && value_labels; i++)
        {
          const ImpactChartValue *v = impact_chart_get_value (chart, i);
          g_autofree char *text = impact_chart_format_number (chart, v->value, impact_chart_get_decimals (chart));
          g_autoptr(PangoLayout) layout = make_layout (b, text, LABEL_SIZE, PANGO_WEIGHT_NORMAL,
                                                       PANGO_STYLE_NORMAL, -1);
          double w, h;

          impact_text_layout_get_size (layout, &w, &h);
          if (w > slot - 2)
            value_labels = FALSE;
        }
      if (value_labels)
        {
          value_room = label_h + 2;
          plot_top = MAX (plot_top, top + value_room);
        }
    }
  scene->plot_y = plot_top;
  scene->plot_height = MAX (plot_bottom - plot_top, 1);

#define Y_OF(value) (plot_bottom - ((value) - axis.lo) / (axis.hi - axis.lo) * scene->plot_height)

  /* grid and tick labels */
  for (guint t = 0; t < axis.n_ticks; t++)
    {
      double value = axis.lo + t * axis.step;
      double y = Y_OF (value);
      PangoLayout *layout = g_object_ref (g_ptr_array_index (tick_layouts, t));
      double w, h;

      if (fabs (value) > axis.step * 1e-6)
        add_rect (b, IMPACT_CHART_ROLE_GRID, &b->grid, scene->plot_x, y - 0.25, scene->plot_width, 0.5, -1);
      impact_text_layout_get_size (layout, &w, &h);
      add_text (b, IMPACT_CHART_ROLE_TICK_LABEL, layout, scene->plot_x - GAP - w, y - h / 2, -1);
    }

  /* the series */
  if (kind == IMPACT_CHART_COLUMNS)
    {
      double bar = slot >= 3 ? slot * 0.7 : slot * 0.8;

      for (guint i = 0; i < n; i++)
        {
          const ImpactChartValue *v = impact_chart_get_value (chart, i);
          double cx = scene->plot_x + slot * (i + 0.5);
          double y1 = Y_OF (MAX (v->value, 0)), y2 = Y_OF (MIN (v->value, 0));

          if (!v->present)
            continue;
          if (y2 - y1 > 0)
            add_rect (b, IMPACT_CHART_ROLE_SERIES, &b->series, cx - bar / 2, y1, bar, y2 - y1, i);
          /* a period at zero has no column to label: the baseline says it
           * (the table and the alternative text give every value) */
          if (value_labels && v->value != 0)
            {
              g_autofree char *text = impact_chart_format_number (chart, v->value, impact_chart_get_decimals (chart));
              PangoLayout *layout = make_layout (b, text, LABEL_SIZE, PANGO_WEIGHT_NORMAL,
                                                 PANGO_STYLE_NORMAL, -1);
              double w, h;

              impact_text_layout_get_size (layout, &w, &h);
              add_text (b, IMPACT_CHART_ROLE_VALUE_LABEL, layout, cx - w / 2,
                        (v->value >= 0 ? y1 : Y_OF (0)) - h - 2, i);
            }
        }
    }
  else
    {
      g_autofree double *points = g_new (double, 2 * n + 4);
      double base = Y_OF (CLAMP (0, axis.lo, axis.hi));
      guint run = 0, first = 0;

      for (guint i = 0; i <= n; i++)
        {
          const ImpactChartValue *v = i < n ? impact_chart_get_value (chart, i) : NULL;

          if (v != NULL && v->present)
            {
              if (run == 0)
                first = i;
              points[2 * run] = scene->plot_x + slot * (i + 0.5);
              points[2 * run + 1] = Y_OF (v->value);
              run++;
              continue;
            }
          if (run > 0 && kind == IMPACT_CHART_AREA)
            {
              g_autofree double *polygon = g_new (double, 2 * run + 4);

              polygon[0] = points[0];
              polygon[1] = base;
              memcpy (polygon + 2, points, sizeof (double) * 2 * run);
              polygon[2 * run + 2] = points[2 * run - 2];
              polygon[2 * run + 3] = base;
              add_path (b, IMPACT_CHART_SHAPE_POLYGON, IMPACT_CHART_ROLE_SERIES, &b->tint, polygon, run + 2);
            }
          if (run > 1)
            add_path (b, IMPACT_CHART_SHAPE_LINE, IMPACT_CHART_ROLE_SERIES, &b->series, points, run)->line_width = 2;
          /* points on a line that is not too dense, and every lone point */
          if (run > 0 && (kind == IMPACT_CHART_LINE || run == 1) && (slot >= 6 || run == 1))
            for (guint k = 0; k < run; k++)
              {
                add_marker (b, &b->background, points[2 * k], points[2 * k + 1], MARKER_RADIUS + 1, first + k);
                add_marker (b, &b->series, points[2 * k], points[2 * k + 1], MARKER_RADIUS, first + k);
              }
          run = 0;
        }

      /* an area is a running total: its latest figure is the point */
      if (kind == IMPACT_CHART_AREA && impact_chart_get_n_present (chart) > 0)
        for (guint i = n; i-- > 0;)
          {
            const ImpactChartValue *v = impact_chart_get_value (chart, i);
            g_autofree char *text = NULL;
            PangoLayout *layout;
            double w, h, x, y;

            if (!v->present)
              continue;
            text = impact_chart_format_number (chart, v->value, impact_chart_get_decimals (chart));
            layout = make_layout (b, text, LABEL_SIZE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, -1);
            impact_text_layout_get_size (layout, &w, &h);
            x = CLAMP (scene->plot_x + slot * (i + 0.5) - w, 0, scene->width - w);
            y = CLAMP (Y_OF (v->value) - h - 4, 0, scene->height - h);
            add_text (b, IMPACT_CHART_ROLE_VALUE_LABEL, layout, x, y, (int) i);
            break;
          }
    }

  /* the baseline is zero: a line's axis that does not reach zero has
   * only a grid line at the bottom, so it never reads as zero */
  if (axis.lo <= 0 && axis.hi >= 0)
    add_rect (b, IMPACT_CHART_ROLE_BASELINE, &b->text, scene->plot_x, Y_OF (0) - 0.4,
              scene->plot_width, 0.8, -1);
  else
    add_rect (b, IMPACT_CHART_ROLE_GRID, &b->grid, scene->plot_x, plot_bottom - 0.25,
              scene->plot_width, 0.5, -1);
#undef Y_OF

  /* period labels: every stride-th, on round years when the periods are years */
  {
    guint per_year;
    gint64 first = impact_chart_get_first_period (chart, &per_year);

    stride = impact_chart_label_stride (n, slot, widest + LABEL_GAP, per_year);
    if (stride > 1 && per_year > 0)
      offset = (guint) ((stride - first % stride) % stride);
    /* never fewer than one label: the offset is before the last period */
    if (offset >= n)
      offset = 0;
  }
  for (guint i = offset; i < n; i += stride)
    {
      PangoLayout *layout = g_object_ref (g_ptr_array_index (period_layouts, i));
      double cx = scene->plot_x + slot * (i + 0.5);
      double w, h, x;

      if (widest > stride * slot - LABEL_GAP && n > 1)
        {
          /* even one label per chart is too wide: cut it short */
          pango_layout_set_width (layout, (int) (MAX (stride * slot - LABEL_GAP, 4) * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
      else if (n == 1)
        {
          pango_layout_set_width (layout, (int) (MAX (right - PAD, 4) * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
      impact_text_layout_get_size (layout, &w, &h);
      x = CLAMP (cx - w / 2, 0, scene->width - w);
      if (x < last_right + LABEL_GAP / 2)
        {
          /* pushed in from the edge onto its neighbour: leave it out */
          g_object_unref (layout);
          continue;
        }
      add_text (b, IMPACT_CHART_ROLE_PERIOD_LABEL, layout, x, plot_bottom + GAP, (int) i);
      last_right = x + w;
    }
}

/* Right to left: every shape moves to the mirrored place; texts keep
 * their shaping and move as boxes */
static void
mirror_scene (ImpactChartScene *scene)
{
  double width = scene->width;

  for (guint i = 0; i < scene->shapes->len; i++)
    {
      ImpactChartShape *shape = &g_array_index (scene->shapes, ImpactChartShape, i);

      switch (shape->type)
        {
        case IMPACT_CHART_SHAPE_RECT:
          shape->x = width - shape->x - shape->width;
          break;
        case IMPACT_CHART_SHAPE_LINE:
        case IMPACT_CHART_SHAPE_POLYGON:
          for (guint k = 0; k < shape->n_points; k++)
            shape->points[2 * k] = width - shape->points[2 * k];
          break;
        case IMPACT_CHART_SHAPE_TEXT:
          {
            /* the title and the note fill their measure (an RTL paragraph
             * sets itself flush right in it); labels are their own size */
            int wrap = pango_layout_get_width (shape->layout);
            gboolean measure = shape->role == IMPACT_CHART_ROLE_TITLE || shape->role == IMPACT_CHART_ROLE_NOTE;
            double box = measure && wrap > 0 ? wrap / (double) PANGO_SCALE : shape->width;

            shape->x = width - shape->x - box;
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  scene->plot_x = width - scene->plot_x - scene->plot_width;
}

ImpactChartScene *
impact_chart_layout (ImpactChart            *chart,
                     double                  width,
                     double                  height,
                     ImpactTheme            *theme,
                     PangoContext           *context,
                     ImpactChartLayoutFlags  flags)
{
  ImpactChartScene *scene;
  Builder b = { 0 };

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (IMPACT_IS_THEME (theme), NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  scene = g_new0 (ImpactChartScene, 1);
  scene->chart = impact_chart_ref (chart);
  if (impact_chart_get_kind (chart) == IMPACT_CHART_SPARKLINE)
    {
      scene->width = MAX (width, 8);
      scene->height = MAX (height, 8);
    }
  else
    {
      scene->width = MAX (width, IMPACT_CHART_MIN_WIDTH);
      scene->height = MAX (height, flags & IMPACT_CHART_LAYOUT_TITLE ? IMPACT_CHART_MIN_HEIGHT
                                                                     : IMPACT_CHART_MIN_PLOT_HEIGHT);
    }
  scene->shapes = g_array_new (FALSE, TRUE, sizeof (ImpactChartShape));
  g_array_set_clear_func (scene->shapes, shape_clear);

  b.scene = scene;
  b.theme = theme;
  b.context = context;
  b.family = impact_theme_get_body_font (theme);
  b.text = *impact_theme_get_text (theme);
  b.background = *impact_theme_get_background (theme);
  b.series = *impact_theme_get_primary (theme);
  b.tint = mix (&b.series, &b.background, 0.72);
  b.grid = mix (&b.text, &b.background, 0.85);

  if (flags & IMPACT_CHART_LAYOUT_BACKGROUND)
    add_rect (&b, IMPACT_CHART_ROLE_BACKGROUND, &b.background, 0, 0, scene->width, scene->height, -1);
  if (impact_chart_get_kind (chart) == IMPACT_CHART_SPARKLINE)
    layout_sparkline (&b);
  else
    layout_axes_chart (&b, flags);
  if (flags & IMPACT_CHART_LAYOUT_RTL)
    mirror_scene (scene);
  return scene;
}

double
impact_chart_preferred_height (ImpactChart *chart,
                               double       width)
{
  g_return_val_if_fail (chart != NULL, 0);

  if (impact_chart_get_kind (chart) == IMPACT_CHART_SPARKLINE)
    return 18;
  return CLAMP (width * 0.5, IMPACT_CHART_MIN_HEIGHT, 240);
}

void
impact_chart_scene_free (ImpactChartScene *scene)
{
  if (scene == NULL)
    return;
  impact_chart_unref (scene->chart);
  g_array_unref (scene->shapes);
  g_free (scene);
}

double
impact_chart_scene_get_width (ImpactChartScene *scene)
{
  return scene->width;
}

double
impact_chart_scene_get_height (ImpactChartScene *scene)
{
  return scene->height;
}

guint
impact_chart_scene_get_n_shapes (ImpactChartScene *scene)
{
  return scene->shapes->len;
}

const ImpactChartShape *
impact_chart_scene_get_shape (ImpactChartScene *scene,
                              guint             index)
{
  g_return_val_if_fail (index < scene->shapes->len, NULL);
  return &g_array_index (scene->shapes, ImpactChartShape, index);
}

void
impact_chart_scene_get_plot (ImpactChartScene *scene,
                             double           *x,
                             double           *y,
                             double           *width,
                             double           *height)
{
  if (x) *x = scene->plot_x;
  if (y) *y = scene->plot_y;
  if (width) *width = scene->plot_width;
  if (height) *height = scene->plot_height;
}

ImpactChart *
impact_chart_scene_get_chart (ImpactChartScene *scene)
{
  return scene->chart;
}

static void
trace (cairo_t                *cr,
       const ImpactChartShape *shape)
{
  for (guint k = 0; k < shape->n_points; k++)
    if (k == 0)
      cairo_move_to (cr, shape->points[0], shape->points[1]);
    else
      cairo_line_to (cr, shape->points[2 * k], shape->points[2 * k + 1]);
}

void
impact_chart_scene_draw (ImpactChartScene *scene,
                         cairo_t          *cr)
{
  g_return_if_fail (scene != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, scene->width, scene->height);
  cairo_clip (cr);
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const ImpactChartShape *shape = &g_array_index (scene->shapes, ImpactChartShape, i);

      cairo_set_source_rgb (cr, shape->color.red, shape->color.green, shape->color.blue);
      switch (shape->type)
        {
        case IMPACT_CHART_SHAPE_RECT:
          cairo_rectangle (cr, shape->x, shape->y, shape->width, shape->height);
          cairo_fill (cr);
          break;
        case IMPACT_CHART_SHAPE_LINE:
          trace (cr, shape);
          cairo_set_line_width (cr, shape->line_width);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_stroke (cr);
          break;
        case IMPACT_CHART_SHAPE_POLYGON:
          trace (cr, shape);
          cairo_close_path (cr);
          cairo_fill (cr);
          break;
        case IMPACT_CHART_SHAPE_TEXT:
          cairo_move_to (cr, shape->x, shape->y);
          pango_cairo_show_layout (cr, shape->layout);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  cairo_restore (cr);
}
