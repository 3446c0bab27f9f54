/* impact-chart.h: the series of a chart, its axis and its words (GTK-free)
 *
 * An ImpactChart is computed from one ImpactChartSpec of a document: the
 * given points, or the milestones' metric summed per period. It is
 * immutable and ref-counted; drawing it is impact-chart-scene.h.
 *
 * The counting rule of a derived series (also in docs/data-format.md):
 * the periods run from the first to the last period with a milestone that
 * carries the metric; a period in between without one is 0 (nothing was
 * logged), never a gap; nothing is drawn outside that range. A milestone
 * whose date is coarser than the period (a year, per quarter or month) is
 * not placed: it is counted in impact_chart_get_n_unplaced(), in a note, in
 * the alternative text and in a warning, never moved to a period. Given
 * points may carry gaps (null), which lines break at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "impact-diagnostics.h"
#include "impact-document.h"
#include "impact-theme.h"

G_BEGIN_DECLS

typedef struct
{
  char     *label;     /* "2006", "Q3 2011", "Mar 2011" */
  double    value;
  gboolean  present;   /* FALSE: a gap, no figure for this period */
} ImpactChartValue;

typedef struct _ImpactChart ImpactChart;

#define IMPACT_TYPE_CHART (impact_chart_get_type ())
GType                   impact_chart_get_type          (void) G_GNUC_CONST;

/* The series of @spec in @doc. Warnings (milestones not placed, a series
 * cut to IMPACT_CHART_MAX_POINTS) go to @diagnostics (optional) with
 * @path ("charts[0]"; optional). */
ImpactChart            *impact_chart_new               (ImpactDocument        *doc,
                                                        const ImpactChartSpec *spec,
                                                        const char            *path,
                                                        ImpactDiagnostics     *diagnostics);
ImpactChart            *impact_chart_ref               (ImpactChart *self);
void                    impact_chart_unref             (ImpactChart *self);

const char             *impact_chart_get_label         (ImpactChart *self);
ImpactChartKind         impact_chart_get_kind          (ImpactChart *self);
guint                   impact_chart_get_n_values      (ImpactChart *self);
const ImpactChartValue *impact_chart_get_value         (ImpactChart *self,
                                                        guint        index);
/* How many values are present (not gaps) */
guint                   impact_chart_get_n_present     (ImpactChart *self);
/* Smallest and largest present value; FALSE when there is none */
gboolean                impact_chart_get_range         (ImpactChart *self,
                                                        double      *min,
                                                        double      *max);
/* Digits after the point the values need (0..2) */
guint                   impact_chart_get_decimals      (ImpactChart *self);
/* Milestones with the metric whose date is too coarse for the period, and
 * the sum of their metric: left out of the series (see above) */
guint                   impact_chart_get_n_unplaced    (ImpactChart *self);
gint64                  impact_chart_get_unplaced_sum  (ImpactChart *self);
/* A derived series: the running number of its first period (the year;
 * year × 4 + quarter − 1; year × 12 + month − 1) and in *@per_year how many
 * periods make a year (1, 4 or 12), so that thinned labels fall on round
 * periods (2010, 2015; Q1; January). Given points: 0 and 0. */
gint64                  impact_chart_get_first_period  (ImpactChart *self,
                                                        guint       *per_year);

/* The note under the chart, or NULL: "Not shown: 4 in 1 milestone dated
 * only by year." */
char                   *impact_chart_dup_note          (ImpactChart *self);
/* The text alternative in words: "Survivors rescued per year, 2006 to
 * 2010: from 7 in 2006 to 6 in 2010, highest 7 in 2006." */
char                   *impact_chart_dup_description   (ImpactChart *self);
/* The data as a table for screen readers: rows of two cells (NULL-
 * terminated GStrv), the first row the header ("Period", label); a gap
 * reads "no figure". */
GPtrArray              *impact_chart_dup_table         (ImpactChart *self);

/* The document's language tag the chart's figures and periods are written
 * in (NULL: the process locale; see impact-format.h) */
const char             *impact_chart_get_language      (ImpactChart *self);
/* Every figure of the chart (ticks, value labels, table, words) in the
 * document's language and digits (impact-format.h): 18,250 (en),
 * 18.250 (es), 18 250 (fr), 1,82,500 (hi), ১৮,২৫০ (bn, native digits) */
char                   *impact_chart_format_number     (ImpactChart *self,
                                                        double       value,
                                                        guint        decimals);

/* An axis of "nice" ticks: lo, lo + step, …, hi, with step 1, 2 or 5 × 10^k */
typedef struct
{
  double lo;
  double hi;
  double step;
  guint  n_ticks;     /* (hi - lo) / step + 1 */
  guint  decimals;    /* digits after the point of the tick labels */
} ImpactChartAxis;

/* Ticks covering @min..@max with at most @max_ticks ticks (at least 2);
 * @from_zero: the axis includes 0 (columns and areas: an honest baseline);
 * @integers: the values are counts, so the step is at least 1. */
void                    impact_chart_axis_compute      (double           min,
                                                        double           max,
                                                        guint            max_ticks,
                                                        gboolean         from_zero,
                                                        gboolean         integers,
                                                        ImpactChartAxis *axis);

/* Every how many periods a label is shown so that labels of width
 * @label_width (points, with its gap) never overlap on slots of
 * @slot_width: 1, 2, 5, 10, 20, 50, … periods; with @per_year 4 (quarters)
 * 1, 2, 4, 8, 20, 40, …; with 12 (months) 1, 2, 3, 6, 12, 24, 60, … */
guint                   impact_chart_label_stride      (guint  n_values,
                                                        double slot_width,
                                                        double label_width,
                                                        guint  per_year);

/* Checks the theme's colours for a chart on its background: the text
 * (labels) needs 4.5:1 (WCAG AA), the series colour 3:1 (WCAG 1.4.11, non-
 * text); each failure is a warning in @diagnostics with @path. Returns TRUE
 * when both pass. */
gboolean                impact_chart_check_contrast    (ImpactTheme       *theme,
                                                        const char        *path,
                                                        ImpactDiagnostics *diagnostics);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactChart, impact_chart_unref)

G_END_DECLS
