/* impact-chart.c: the series of a chart, its axis and its words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "impact-chart.h"
#include "impact-format.h"

struct _ImpactChart
{
  gatomicrefcount  ref_count;
  char            *label;
  ImpactChartKind  kind;
  GArray          *values;        /* of ImpactChartValue */
  guint            n_present;
  guint            decimals;
  guint            n_unplaced;
  gint64           unplaced_sum;
  gint64           first_period;  /* derived: the first period's running number; else 0 */
  guint            per_year;      /* derived: 1, 4 or 12; else 0 */
  char            *language;      /* the document's, for every figure and period */
  ImpactDigits     digits;
};

G_DEFINE_BOXED_TYPE (ImpactChart, impact_chart, impact_chart_ref, impact_chart_unref)

static void
value_clear (gpointer data)
{
  ImpactChartValue *value = data;

  g_free (value->label);
}

static void
append_value (ImpactChart *self,
              char        *label,
              double       value,
              gboolean     present)
{
  ImpactChartValue v = { label, present ? value : 0, present };

  g_array_append_val (self->values, v);
  if (present)
    self->n_present++;
}

/* The fewest digits after the point, at most 2, that show @value */
static guint
value_decimals (double value)
{
  for (guint d = 0; d < 2; d++)
    {
      double scaled = value * pow (10, d);

      if (fabs (scaled - round (scaled)) < 1e-9 * MAX (1.0, fabs (scaled)))
        return d;
    }
  return 2;
}

/* Derived series */

static const char * const period_names[] = { "year", "quarter", "month" };

/* The period a date falls in, as a running number (year, year × 4 +
 * quarter, year × 12 + month); FALSE when the date is coarser than the
 * period. */
static gboolean
date_period (const ImpactDate  *date,
             ImpactChartPeriod  per,
             gint64            *out)
{
  switch (per)
    {
    case IMPACT_CHART_PER_QUARTER:
      if (date->month == 0)
        return FALSE;
      *out = (gint64) date->year * 4 + (date->month - 1) / 3;
      return TRUE;
    case IMPACT_CHART_PER_MONTH:
      if (date->month == 0)
        return FALSE;
      *out = (gint64) date->year * 12 + (date->month - 1);
      return TRUE;
    case IMPACT_CHART_PER_YEAR:
    default:
      *out = date->year;
      return TRUE;
    }
}

/* The label of a derived period in the document's language and digits:
 * "2011", "Q3 2011", "Mar 2011" (en); "mar 2011" (es); "২০১১" (bn, native) */
static char *
period_label (ImpactChart       *self,
              gint64             period,
              ImpactChartPeriod  per)
{
  switch (per)
    {
    case IMPACT_CHART_PER_QUARTER:
      {
        g_autofree char *quarter = impact_format_integer (self->language, self->digits, period % 4 + 1);
        g_autofree char *year = impact_format_year (self->language, self->digits, (int) (period / 4));

        /* TRANSLATORS: a quarter of a year on a chart's axis: "Q3 2011"; %1$s is
         * the quarter's number, %2$s the year */
        return g_strdup_printf (_("Q%1$s %2$s"), quarter, year);
      }
    case IMPACT_CHART_PER_MONTH:
      return impact_format_month_abbrev (self->language, self->digits,
                                         (int) (period / 12), (int) (period % 12) + 1);
    case IMPACT_CHART_PER_YEAR:
    default:
      return impact_format_year (self->language, self->digits, (int) period);
    }
}

static gboolean
milestone_has_metric (const ImpactMilestone *milestone,
                      const char            *name)
{
  for (guint j = 0; j < milestone->metrics->len; j++)
    if (g_strcmp0 (g_array_index (milestone->metrics, ImpactMetric, j).name, name) == 0)
      return TRUE;
  return FALSE;
}

static void
derive_series (ImpactChart           *self,
               ImpactDocument        *doc,
               const ImpactChartSpec *spec,
               const char            *path,
               ImpactDiagnostics     *diagnostics)
{
  const gint64 cap = (gint64) IMPACT_STATISTIC_MAX_VALUE;
  GPtrArray *milestones = impact_document_get_milestones (doc);
  g_autofree gint64 *sums = NULL;
  gint64 lo = G_MAXINT64, hi = G_MININT64, n, running = 0;
  guint n_cut = 0;

  for (guint i = 0; i < milestones->len; i++)
    {
      const ImpactMilestone *milestone = g_ptr_array_index (milestones, i);
      gint64 period;

      if (!impact_date_is_valid (&milestone->date) ||
          !milestone_has_metric (milestone, spec->derive_metric))
        continue;
      if (!date_period (&milestone->date, spec->derive_per, &period))
        {
          self->n_unplaced++;
          self->unplaced_sum = MIN (self->unplaced_sum +
                                    impact_milestone_get_metric (milestone, spec->derive_metric), cap);
          continue;
        }
      lo = MIN (lo, period);
      hi = MAX (hi, period);
    }

  if (self->n_unplaced > 0 && diagnostics != NULL)
    {
      g_autofree char *where = path ? g_strdup_printf ("%s.derive.per", path) : NULL;
      g_autofree char *sum = impact_chart_format_number (self, (double) self->unplaced_sum, 0);

      impact_diagnostics_add (diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, where,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u milestone with %s %s is dated only by year and is not in the per-%s chart",
                                           "%u milestones with %s %s are dated only by year and are not in the per-%s chart",
                                           self->n_unplaced),
                              self->n_unplaced, sum, spec->derive_metric,
                              period_names[spec->derive_per]);
    }
  if (lo > hi)
    return;

  n = hi - lo + 1;
  if (n > IMPACT_CHART_MAX_POINTS)
    {
      n_cut = (guint) (n - IMPACT_CHART_MAX_POINTS);
      lo = hi - IMPACT_CHART_MAX_POINTS + 1;
      n = IMPACT_CHART_MAX_POINTS;
      if (diagnostics != NULL)
        impact_diagnostics_add (diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, path,
                                _("the series spans %u periods; only the most recent %u are drawn"),
                                n_cut + IMPACT_CHART_MAX_POINTS, (guint) IMPACT_CHART_MAX_POINTS);
    }

  sums = g_new0 (gint64, n);
  for (guint i = 0; i < milestones->len; i++)
    {
      const ImpactMilestone *milestone = g_ptr_array_index (milestones, i);
      gint64 period, value;

      if (!impact_date_is_valid (&milestone->date) ||
          !date_period (&milestone->date, spec->derive_per, &period))
        continue;
      value = impact_milestone_get_metric (milestone, spec->derive_metric);
      if (period < lo)
        {
          /* cut off the front: still part of a running total */
          running = MIN (running + value, cap);
          continue;
        }
      if (period <= hi)
        sums[period - lo] = MIN (sums[period - lo] + value, cap);
    }

  self->first_period = lo;
  self->per_year = spec->derive_per == IMPACT_CHART_PER_QUARTER ? 4 :
                   spec->derive_per == IMPACT_CHART_PER_MONTH ? 12 : 1;
  for (gint64 k = 0; k < n; k++)
    {
      gint64 value = sums[k];

      if (spec->derive_cumulative)
        value = running = MIN (running + sums[k], cap);
      append_value (self, period_label (self, lo + k, spec->derive_per), (double) value, TRUE);
    }
}

ImpactChart *
impact_chart_new (ImpactDocument        *doc,
                  const ImpactChartSpec *spec,
                  const char            *path,
                  ImpactDiagnostics     *diagnostics)
{
  ImpactChart *self;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (spec != NULL, NULL);

  self = g_new0 (ImpactChart, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->label = g_strdup (spec->label ? spec->label : "");
  self->language = g_strdup (impact_document_get_language (doc));
  self->digits = impact_format_document_digits (doc);
  self->kind = spec->kind;
  self->values = g_array_new (FALSE, TRUE, sizeof (ImpactChartValue));
  g_array_set_clear_func (self->values, value_clear);

  if (spec->derive_metric != NULL)
    derive_series (self, doc, spec, path, diagnostics);
  else
    for (guint i = 0; i < spec->points->len && i < IMPACT_CHART_MAX_POINTS; i++)
      {
        const ImpactChartPoint *point = &g_array_index (spec->points, ImpactChartPoint, i);

        /* a typed period ("2019", "2019-20") in the document's digits */
        append_value (self, impact_format_localize_digits (self->language, self->digits, point->label),
                      point->value, !point->missing);
        if (!point->missing)
          self->decimals = MAX (self->decimals, value_decimals (point->value));
      }
  return self;
}

ImpactChart *
impact_chart_ref (ImpactChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
impact_chart_unref (ImpactChart *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->label);
  g_free (self->language);
  g_array_unref (self->values);
  g_free (self);
}

const char *
impact_chart_get_label (ImpactChart *self)
{
  return self->label;
}

ImpactChartKind
impact_chart_get_kind (ImpactChart *self)
{
  return self->kind;
}

guint
impact_chart_get_n_values (ImpactChart *self)
{
  return self->values->len;
}

const ImpactChartValue *
impact_chart_get_value (ImpactChart *self,
                        guint        index)
{
  g_return_val_if_fail (index < self->values->len, NULL);
  return &g_array_index (self->values, ImpactChartValue, index);
}

guint
impact_chart_get_n_present (ImpactChart *self)
{
  return self->n_present;
}

gboolean
impact_chart_get_range (ImpactChart *self,
                        double      *min,
                        double      *max)
{
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

  for (guint i = 0; i < self->values->len; i++)
    {
      const ImpactChartValue *v = &g_array_index (self->values, ImpactChartValue, i);

      if (!v->present)
        continue;
      lo = MIN (lo, v->value);
      hi = MAX (hi, v->value);
    }
  if (min)
    *min = self->n_present ? lo : 0;
  if (max)
    *max = self->n_present ? hi : 0;
  return self->n_present > 0;
}

guint
impact_chart_get_decimals (ImpactChart *self)
{
  return self->decimals;
}

guint
impact_chart_get_n_unplaced (ImpactChart *self)
{
  return self->n_unplaced;
}

gint64
impact_chart_get_unplaced_sum (ImpactChart *self)
{
  return self->unplaced_sum;
}

gint64
impact_chart_get_first_period (ImpactChart *self,
                               guint       *per_year)
{
  if (per_year)
    *per_year = self->per_year;
  return self->first_period;
}

/* Words */

const char *
impact_chart_get_language (ImpactChart *self)
{
  return self->language;
}

char *
impact_chart_format_number (ImpactChart *self,
                            double       value,
                            guint        decimals)
{
  g_return_val_if_fail (self != NULL, NULL);

  return impact_format_decimal (self->language, self->digits, value, MIN (decimals, 6));
}

char *
impact_chart_dup_note (ImpactChart *self)
{
  g_autofree char *sum = NULL;

  if (self->n_unplaced == 0)
    return NULL;
  sum = impact_chart_format_number (self, (double) self->unplaced_sum, 0);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Not shown: %s in %u milestone dated only by year.",
                                       "Not shown: %s in %u milestones dated only by year.",
                                       self->n_unplaced),
                          sum, self->n_unplaced);
}

char *
impact_chart_dup_description (ImpactChart *self)
{
  g_autofree char *note = impact_chart_dup_note (self);
  const ImpactChartValue *first = NULL, *last = NULL, *highest = NULL;
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->values->len; i++)
    {
      const ImpactChartValue *v = &g_array_index (self->values, ImpactChartValue, i);

      if (!v->present)
        continue;
      if (first == NULL)
        first = v;
      last = v;
      if (highest == NULL || v->value > highest->value)
        highest = v;
    }

  if (first == NULL)
    {
      /* TRANSLATORS: the text alternative of a chart without figures */
      g_string_append_printf (out, _("%s: no figures."), self->label);
    }
  else if (self->values->len == 1)
    {
      g_autofree char *value = impact_chart_format_number (self, first->value, self->decimals);

      /* TRANSLATORS: a chart of one figure: "Survivors rescued, 2006: 7." */
      g_string_append_printf (out, _("%1$s, %2$s: %3$s."), self->label, first->label, value);
    }
  else
    {
      const ImpactChartValue *start = &g_array_index (self->values, ImpactChartValue, 0);
      const ImpactChartValue *end = &g_array_index (self->values, ImpactChartValue, self->values->len - 1);
      g_autofree char *from = impact_chart_format_number (self, first->value, self->decimals);
      g_autofree char *to = impact_chart_format_number (self, last->value, self->decimals);

      /* TRANSLATORS: "Survivors rescued per year, 2006 to 2020: from 5 in 2006 to 48 in 2019" */
      g_string_append_printf (out, _("%1$s, %2$s to %3$s: from %4$s in %5$s to %6$s in %7$s"),
                              self->label, start->label, end->label,
                              from, first->label, to, last->label);
      if (highest != first && highest != last)
        {
          g_autofree char *top = impact_chart_format_number (self, highest->value, self->decimals);

          /* TRANSLATORS: follows the sentence above: ", highest 61 in 2017" */
          g_string_append_printf (out, _(", highest %1$s in %2$s"), top, highest->label);
        }
      g_string_append (out, ".");
    }
  if (note != NULL)
    g_string_append_printf (out, " %s", note);
  return g_string_free (out, FALSE);
}

GPtrArray *
impact_chart_dup_table (ImpactChart *self)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  char **row;

  row = g_new0 (char *, 3);
  /* TRANSLATORS: header of the first column of a chart's data table */
  row[0] = g_strdup (_("Period"));
  row[1] = g_strdup (self->label);
  g_ptr_array_add (rows, row);
  for (guint i = 0; i < self->values->len; i++)
    {
      const ImpactChartValue *v = &g_array_index (self->values, ImpactChartValue, i);

      row = g_new0 (char *, 3);
      row[0] = g_strdup (v->label);
      /* TRANSLATORS: a period of a chart's data table that has no figure */
      row[1] = v->present ? impact_chart_format_number (self, v->value, self->decimals) : g_strdup (_("no figure"));
      g_ptr_array_add (rows, row);
    }
  return rows;
}

/* Axis */

void
impact_chart_axis_compute (double           min,
                           double           max,
                           guint            max_ticks,
                           gboolean         from_zero,
                           gboolean         integers,
                           ImpactChartAxis *axis)
{
  static const double multiples[] = { 1, 2, 5 };
  double raw, magnitude, step = 1;

  g_return_if_fail (axis != NULL);

  max_ticks = MAX (max_ticks, 2);
  if (!isfinite (min) || !isfinite (max) || min > max)
    min = max = 0;
  if (from_zero)
    {
      min = MIN (min, 0);
      max = MAX (max, 0);
    }
  if (max == min)
    {
      if (min == 0)
        max = 1;
      else if (min > 0 && from_zero)
        max = min * 1.1;
      else
        {
          double pad = fabs (min) * 0.1;

          min -= pad;
          max += pad;
        }
    }

  axis->lo = min;
  axis->hi = max;
  axis->step = max - min;
  axis->n_ticks = 2;
  raw = (max - min) / (max_ticks - 1);
  magnitude = pow (10, floor (log10 (raw)));
  /* the smallest 1-2-5 step that fits the ticks; floor and ceil can add a
   * tick at each end, so try again with the next step while too many */
  for (int e = 0; e < 40; e++)
    {
      double lo, hi;
      guint n;

      step = multiples[e % 3] * magnitude * pow (10, e / 3);
      if (step < raw * (1 - 1e-9))
        continue;
      if (integers && step < 1)
        continue;
      lo = floor (min / step + 1e-9) * step;
      hi = ceil (max / step - 1e-9) * step;
      n = (guint) llround ((hi - lo) / step) + 1;
      if (n > max_ticks && e < 39)
        continue;
      axis->lo = lo;
      axis->hi = hi;
      axis->step = step;
      axis->n_ticks = n;
      break;
    }
  axis->decimals = step >= 1 ? 0 : (guint) MIN (6, ceil (-log10 (step) - 1e-9));
}

guint
impact_chart_label_stride (guint  n_values,
                           double slot_width,
                           double label_width,
                           guint  per_year)
{
  static const guint quarters[] = { 1, 2, 4 };
  static const guint months[] = { 1, 2, 3, 6 };
  static const guint multiples[] = { 1, 2, 5 };

  if (n_values <= 1 || slot_width <= 0)
    return 1;
  /* within a year: the divisors of the year; then whole years, 1-2-5 */
  if (per_year == 4 || per_year == 12)
    {
      const guint *within = per_year == 4 ? quarters : months;
      guint n_within = per_year == 4 ? G_N_ELEMENTS (quarters) : G_N_ELEMENTS (months);

      for (guint i = 0; i < n_within; i++)
        if (within[i] * slot_width >= label_width || within[i] >= n_values)
          return MIN (within[i], n_values);
    }
  else
    per_year = 1;
  for (guint e = 0; ; e++)
    {
      guint stride = per_year * multiples[e % 3] * (guint) pow (10, e / 3);

      if (stride * slot_width >= label_width || stride >= n_values)
        return MIN (stride, n_values);
    }
}

/* Colours */

static char *
color_hex (const ImpactColor *c)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (int) round (CLAMP (c->red, 0, 1) * 255),
                          (int) round (CLAMP (c->green, 0, 1) * 255),
                          (int) round (CLAMP (c->blue, 0, 1) * 255));
}

gboolean
impact_chart_check_contrast (ImpactTheme       *theme,
                             const char        *path,
                             ImpactDiagnostics *diagnostics)
{
  const ImpactColor *background = impact_theme_get_background (theme);
  const ImpactColor *text = impact_theme_get_text (theme);
  const ImpactColor *series = impact_theme_get_primary (theme);
  double text_ratio = impact_color_contrast (text, background);
  double series_ratio = impact_color_contrast (series, background);
  g_autofree char *bg = color_hex (background);

  if (text_ratio < 4.5 && diagnostics != NULL)
    {
      g_autofree char *fg = color_hex (text);

      impact_diagnostics_add (diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, path,
                              _("the chart's labels (%s on %s) have a contrast of %.1f:1; "
                                "text needs 4.5:1 (WCAG AA): darken theme.text"),
                              fg, bg, text_ratio);
    }
  if (series_ratio < 3 && diagnostics != NULL)
    {
      g_autofree char *fg = color_hex (series);

      impact_diagnostics_add (diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, path,
                              _("the chart's columns and lines (%s on %s) have a contrast of %.1f:1; "
                                "graphics need 3:1 (WCAG 1.4.11): darken theme.primary"),
                              fg, bg, series_ratio);
    }
  return text_ratio >= 4.5 && series_ratio >= 3;
}
