/* impact-chart-scene.h: a chart laid out in a box, as flat shapes (GTK-free)
 *
 * impact_chart_layout() places everything a chart draws in a box of the
 * given size (points; the origin at its top-left): rectangles, open lines,
 * filled polygons and text layouts at x, y. Those four primitives map one
 * to one onto the sheet layout's display list; impact_chart_scene_draw()
 * paints them onto any cairo_t.
 *
 * Guarantees: nothing is drawn outside the box; period labels never
 * overlap (they are thinned to every 2nd, 5th, 10th … period, and a label
 * wider than its room is ellipsized); columns and areas stand on zero.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "impact-chart.h"
#include "impact-theme.h"

G_BEGIN_DECLS

typedef enum
{
  IMPACT_CHART_SHAPE_RECT,      /* filled rectangle x, y, width, height */
  IMPACT_CHART_SHAPE_LINE,      /* open polyline through points, stroked at line_width */
  IMPACT_CHART_SHAPE_POLYGON,   /* closed polygon through points, filled */
  IMPACT_CHART_SHAPE_TEXT,      /* layout with its top-left at x, y; width, height its size */
} ImpactChartShapeType;

/* What a shape shows: for tests, the display list and accessibility */
typedef enum
{
  IMPACT_CHART_ROLE_BACKGROUND,
  IMPACT_CHART_ROLE_GRID,
  IMPACT_CHART_ROLE_BASELINE,
  IMPACT_CHART_ROLE_SERIES,        /* columns, the line, the area */
  IMPACT_CHART_ROLE_MARKER,        /* the points of a line */
  IMPACT_CHART_ROLE_TICK_LABEL,    /* numbers of the value axis */
  IMPACT_CHART_ROLE_PERIOD_LABEL,  /* "2006" under the columns */
  IMPACT_CHART_ROLE_VALUE_LABEL,   /* the figure over a column */
  IMPACT_CHART_ROLE_TITLE,
  IMPACT_CHART_ROLE_NOTE,          /* "Not shown: …" */
} ImpactChartRole;

typedef struct
{
  ImpactChartShapeType  type;
  ImpactChartRole       role;
  ImpactColor           color;
  double                x, y, width, height;  /* rect; text: its extents */
  double                line_width;            /* lines */
  guint                 n_points;              /* lines and polygons */
  double               *points;                /* x0, y0, x1, y1, … */
  PangoLayout          *layout;                /* text */
  int                   index;                 /* the value it shows, or -1 */
} ImpactChartShape;

typedef enum
{
  IMPACT_CHART_LAYOUT_NONE       = 0,
  IMPACT_CHART_LAYOUT_TITLE      = 1 << 0,  /* the chart's label over it (standalone) */
  IMPACT_CHART_LAYOUT_BACKGROUND = 1 << 1,  /* paint the theme's background first */
  /* right to left: time runs from right to left, the value axis and its
   * labels stand at the right (a chart alone; on the sheet the page is
   * mirrored as a whole, so the sections lay it out left to right) */
  IMPACT_CHART_LAYOUT_RTL        = 1 << 2,
} ImpactChartLayoutFlags;

typedef struct _ImpactChartScene ImpactChartScene;

/* The smallest box a chart with axes keeps its guarantees in, with a
 * title (points); a sparkline needs only 8 × 8 */
#define IMPACT_CHART_MIN_WIDTH  120.0
#define IMPACT_CHART_MIN_HEIGHT 90.0
/* …and without a title (the sheet sets the label as the section's kicker
 * over the chart) */
#define IMPACT_CHART_MIN_PLOT_HEIGHT 62.0

/* The height a chart @width wide should be given on a page: columns, a
 * line or an area about half as tall as wide (at least
 * IMPACT_CHART_MIN_HEIGHT, at most 240); a sparkline one line of a
 * statistic panel (18) */
double                  impact_chart_preferred_height    (ImpactChart *chart,
                                                          double       width);

/* Lays @chart out in @width × @height points (a smaller box is treated
 * as the minimum size, IMPACT_CHART_MIN_PLOT_HEIGHT tall without
 * IMPACT_CHART_LAYOUT_TITLE: the section gives at least that) with @theme's colours and
 * body font, measuring text with @context (impact_text_context_new()).
 * A sparkline has no axes nor text. */
ImpactChartScene       *impact_chart_layout              (ImpactChart            *chart,
                                                          double                  width,
                                                          double                  height,
                                                          ImpactTheme            *theme,
                                                          PangoContext           *context,
                                                          ImpactChartLayoutFlags  flags);
void                    impact_chart_scene_free          (ImpactChartScene *scene);

double                  impact_chart_scene_get_width     (ImpactChartScene *scene);
double                  impact_chart_scene_get_height    (ImpactChartScene *scene);
guint                   impact_chart_scene_get_n_shapes  (ImpactChartScene *scene);
const ImpactChartShape *impact_chart_scene_get_shape     (ImpactChartScene *scene,
                                                          guint             index);
/* The plot area (inside the axes) */
void                    impact_chart_scene_get_plot      (ImpactChartScene *scene,
                                                          double           *x,
                                                          double           *y,
                                                          double           *width,
                                                          double           *height);
/* The text alternative and the data table of the chart drawn */
ImpactChart            *impact_chart_scene_get_chart     (ImpactChartScene *scene);

/* Paints the scene with its top-left at the current origin of @cr. */
void                    impact_chart_scene_draw          (ImpactChartScene *scene,
                                                          cairo_t          *cr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactChartScene, impact_chart_scene_free)

G_END_DECLS
