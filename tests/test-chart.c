/* test-chart.c: chart series (given, derived, partial dates), axis ticks,
 * label thinning, words and table, contrast, and the drawn scene
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "impact-chart.h"
#include "impact-chart-scene.h"
#include "impact-direction.h"
#include "impact-error.h"
#include "impact-json-loader.h"
#include "impact-json-writer.h"
#include "impact-sheet-layout-private.h"
#include "impact-test-utils.h"
#include "impact-text.h"

/* tests/data/valid/@name */
static ImpactDocument *
load_valid (const char *name)
{
  g_autofree char *relative = g_build_filename ("data", "valid", name, NULL);
  g_autofree char *path = impact_test_data_path (relative);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ImpactDocument *doc = impact_json_loader_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static ImpactDocument *
load_charts (void)
{
  return load_valid ("charts.json");
}

static ImpactChart *
chart_of (ImpactDocument    *doc,
          guint              index,
          ImpactDiagnostics *diagnostics)
{
  g_autofree char *path = g_strdup_printf ("charts[%u]", index);

  return impact_chart_new (doc, g_ptr_array_index (impact_document_get_charts (doc), index),
                           path, diagnostics);
}

static void
assert_values (ImpactChart        *chart,
               const char * const *labels,
               const double       *values,
               guint               n)
{
  g_assert_cmpuint (impact_chart_get_n_values (chart), ==, n);
  for (guint i = 0; i < n; i++)
    {
      const ImpactChartValue *v = impact_chart_get_value (chart, i);

      g_assert_cmpstr (v->label, ==, labels[i]);
      g_assert_true (v->present);
      g_assert_cmpfloat (v->value, ==, values[i]);
    }
}

/* Series */

/* Hand-computed from tests/data/valid/charts.json: 2006: 5 + 2, 2007: 4
 * (dated by year only: fine per year), 2008: 3 (the arrests carry no
 * "rescued"), 2009: none logged, so 0, 2010: 6 */
static void
test_per_year (void)
{
  g_autoptr(ImpactDocument) doc = load_charts ();
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactChart) chart = chart_of (doc, 0, diagnostics);
  const char * const labels[] = { "2006", "2007", "2008", "2009", "2010" };
  const double values[] = { 7, 4, 3, 0, 6 };

  assert_values (chart, labels, values, 5);
  g_assert_cmpuint (impact_chart_get_n_unplaced (chart), ==, 0);
  {
    guint per_year;

    g_assert_cmpint (impact_chart_get_first_period (chart, &per_year), ==, 2006);
    g_assert_cmpuint (per_year, ==, 1);
  }
  g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, 0);
  g_assert_cmpint (impact_chart_get_kind (chart), ==, IMPACT_CHART_COLUMNS);
}

/* The running total ends at the derived statistic's value, and a new
 * milestone moves both */
static void
test_cumulative (void)
{
  g_autoptr(ImpactDocument) doc = load_charts ();
  g_autoptr(ImpactChart) chart = chart_of (doc, 1, NULL);
  g_autoptr(ImpactChart) moved = NULL;
  const char * const labels[] = { "2006", "2007", "2008", "2009", "2010" };
  const double values[] = { 7, 11, 14, 14, 20 };
  const double moved_values[] = { 7, 11, 14, 24, 30 };
  ImpactStatistic *stat = g_ptr_array_index (impact_document_get_statistics (doc), 0);
  ImpactMilestone *milestone;

  assert_values (chart, labels, values, 5);
  g_assert_cmpint (impact_document_compute_derived (doc, stat), ==, 20);

  milestone = impact_milestone_new ();
  milestone->title = g_strdup ("New rescue");
  impact_date_parse ("2009-06", &milestone->date);
  impact_milestone_add_metric (milestone, "rescued", 10);
  g_ptr_array_add (impact_document_get_milestones (doc), milestone);
  impact_document_changed (doc);

  moved = chart_of (doc, 1, NULL);
  assert_values (moved, labels, moved_values, 5);
  g_assert_cmpint (impact_document_compute_derived (doc, stat), ==, 30);
}

/* Per quarter, the milestone dated only "2007" cannot be placed: it is
 * counted as not shown (with a warning), never put in Q1 2007 */
static void
test_per_quarter (void)
{
  g_autoptr(ImpactDocument) doc = load_charts ();
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactChart) chart = chart_of (doc, 2, diagnostics);
  g_autofree char *note = impact_chart_dup_note (chart);
  const ImpactDiagnostic *diag;
  double sum = 0;

  /* Q1 2006 .. Q1 2010 */
  g_assert_cmpuint (impact_chart_get_n_values (chart), ==, 17);
  g_assert_cmpstr (impact_chart_get_value (chart, 0)->label, ==, "Q1 2006");
  g_assert_cmpfloat (impact_chart_get_value (chart, 0)->value, ==, 5);
  g_assert_cmpstr (impact_chart_get_value (chart, 3)->label, ==, "Q4 2006");
  g_assert_cmpfloat (impact_chart_get_value (chart, 3)->value, ==, 2);
  g_assert_cmpstr (impact_chart_get_value (chart, 4)->label, ==, "Q1 2007");
  g_assert_cmpfloat (impact_chart_get_value (chart, 4)->value, ==, 0);
  g_assert_cmpstr (impact_chart_get_value (chart, 9)->label, ==, "Q2 2008");
  g_assert_cmpfloat (impact_chart_get_value (chart, 9)->value, ==, 3);
  g_assert_cmpstr (impact_chart_get_value (chart, 16)->label, ==, "Q1 2010");
  g_assert_cmpfloat (impact_chart_get_value (chart, 16)->value, ==, 6);
  for (guint i = 0; i < 17; i++)
    {
      g_assert_true (impact_chart_get_value (chart, i)->present);
      sum += impact_chart_get_value (chart, i)->value;
    }
  g_assert_cmpfloat (sum, ==, 16);
  {
    guint per_year;

    g_assert_cmpint (impact_chart_get_first_period (chart, &per_year), ==, 2006 * 4);
    g_assert_cmpuint (per_year, ==, 4);
  }

  g_assert_cmpuint (impact_chart_get_n_unplaced (chart), ==, 1);
  g_assert_cmpint (impact_chart_get_unplaced_sum (chart), ==, 4);
  g_assert_cmpstr (note, ==, "Not shown: 4 in 1 milestone dated only by year.");
  g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, 1);
  diag = impact_diagnostics_get_item (diagnostics, 0);
  g_assert_cmpint (diag->severity, ==, IMPACT_SEVERITY_WARNING);
  g_assert_cmpstr (diag->path, ==, "charts[2].derive.per");
  g_assert_cmpstr (diag->message, ==,
                   "1 milestone with 4 rescued is dated only by year and is not in the per-quarter chart");
}

static void
test_per_month (void)
{
  g_autoptr(ImpactDocument) doc = load_charts ();
  g_autoptr(ImpactChartSpec) spec = impact_chart_spec_new ();
  g_autoptr(ImpactChart) chart = NULL;
  g_autoptr(ImpactChart) arrests = NULL;

  spec->label = g_strdup ("Per month");
  spec->derive_metric = g_strdup ("rescued");
  spec->derive_per = IMPACT_CHART_PER_MONTH;
  chart = impact_chart_new (doc, spec, NULL, NULL);
  /* March 2006 .. January 2010 */
  g_assert_cmpuint (impact_chart_get_n_values (chart), ==, 47);
  g_assert_cmpstr (impact_chart_get_value (chart, 0)->label, ==, "Mar 2006");
  g_assert_cmpfloat (impact_chart_get_value (chart, 0)->value, ==, 5);
  g_assert_cmpfloat (impact_chart_get_value (chart, 8)->value, ==, 2);   /* Nov 2006 */
  g_assert_cmpfloat (impact_chart_get_value (chart, 26)->value, ==, 3);  /* May 2008 */
  g_assert_cmpstr (impact_chart_get_value (chart, 46)->label, ==, "Jan 2010");
  g_assert_cmpfloat (impact_chart_get_value (chart, 46)->value, ==, 6);
  g_assert_cmpuint (impact_chart_get_n_unplaced (chart), ==, 1);

  /* another metric; a month-dated milestone is placeable; one entry per month */
  g_free (spec->derive_metric);
  spec->derive_metric = g_strdup ("arrested");
  spec->derive_cumulative = TRUE;
  arrests = impact_chart_new (doc, spec, NULL, NULL);
  g_assert_cmpuint (impact_chart_get_n_values (arrests), ==, 3);  /* May .. July 2008 */
  g_assert_cmpfloat (impact_chart_get_value (arrests, 0)->value, ==, 1);
  g_assert_cmpfloat (impact_chart_get_value (arrests, 1)->value, ==, 1);
  g_assert_cmpfloat (impact_chart_get_value (arrests, 2)->value, ==, 3);
  g_assert_cmpuint (impact_chart_get_n_unplaced (arrests), ==, 0);
}

/* No milestone carries the metric: an empty series, said in words */
static void
test_no_data (void)
{
  g_autoptr(ImpactDocument) doc = load_charts ();
  g_autoptr(ImpactChartSpec) spec = impact_chart_spec_new ();
  g_autoptr(ImpactChart) chart = NULL;
  g_autofree char *words = NULL;

  spec->label = g_strdup ("Convictions");
  spec->derive_metric = g_strdup ("convicted");
  chart = impact_chart_new (doc, spec, NULL, NULL);
  g_assert_cmpuint (impact_chart_get_n_values (chart), ==, 0);
  g_assert_false (impact_chart_get_range (chart, NULL, NULL));
  words = impact_chart_dup_description (chart);
  g_assert_cmpstr (words, ==, "Convictions: no figures.");
}

/* A series longer than IMPACT_CHART_MAX_POINTS keeps its most recent
 * periods, says so, and a running total still counts what was cut */
static void
test_too_long (void)
{
  g_autoptr(ImpactDocument) doc = impact_document_new ();
  g_autoptr(ImpactChartSpec) spec = impact_chart_spec_new ();
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactChart) chart = NULL;
  const char * const dates[] = { "1500-01", "1999-12", "2000-02" };
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      ImpactMilestone *milestone = impact_milestone_new ();

      milestone->title = g_strdup ("Rescue");
      impact_date_parse (dates[i], &milestone->date);
      impact_milestone_add_metric (milestone, "rescued", 10 + i);
      g_ptr_array_add (impact_document_get_milestones (doc), milestone);
    }
  spec->label = g_strdup ("Long");
  spec->derive_metric = g_strdup ("rescued");
  spec->derive_per = IMPACT_CHART_PER_MONTH;
  spec->derive_cumulative = TRUE;
  chart = impact_chart_new (doc, spec, "charts[0]", diagnostics);
  n = impact_chart_get_n_values (chart);
  g_assert_cmpuint (n, ==, IMPACT_CHART_MAX_POINTS);
  g_assert_cmpstr (impact_chart_get_value (chart, n - 1)->label, ==, "Feb 2000");
  /* 1500 is cut off, yet in the total: 10, then + 11 in December 1999 */
  g_assert_cmpfloat (impact_chart_get_value (chart, 0)->value, ==, 10);
  g_assert_cmpfloat (impact_chart_get_value (chart, n - 3)->value, ==, 21);
  g_assert_cmpfloat (impact_chart_get_value (chart, n - 1)->value, ==, 33);
  g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, 1);
  g_assert_cmpstr (impact_diagnostics_get_item (diagnostics, 0)->message, ==,
                   "the series spans 6002 periods; only the most recent 1200 are drawn");
}

static void
test_given_points (void)
{
  g_autoptr(ImpactDocument) doc = load_charts ();
  g_autoptr(ImpactChart) chart = chart_of (doc, 3, NULL);
  double min, max;

  g_assert_cmpuint (impact_chart_get_n_values (chart), ==, 4);
  g_assert_cmpuint (impact_chart_get_n_present (chart), ==, 3);
  g_assert_false (impact_chart_get_value (chart, 2)->present);
  g_assert_cmpuint (impact_chart_get_decimals (chart), ==, 1);
  g_assert_true (impact_chart_get_range (chart, &min, &max));
  g_assert_cmpfloat (min, ==, 12);
  g_assert_cmpfloat (max, ==, 25);
}

/* Words and table */

static void
test_description (void)
{
  g_autoptr(ImpactDocument) doc = load_charts ();
  g_autoptr(ImpactChartSpec) spec = impact_chart_spec_new ();
  g_autoptr(ImpactChart) per_year = chart_of (doc, 0, NULL);
  g_autoptr(ImpactChart) quarters = chart_of (doc, 2, NULL);
  g_autoptr(ImpactChart) chart = NULL;
  g_autoptr(ImpactChart) single = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  /* the highest is the first: not repeated */
  a = impact_chart_dup_description (per_year);
  g_assert_cmpstr (a, ==, "Survivors rescued per year, 2006 to 2010: from 7 in 2006 to 6 in 2010.");

  b = impact_chart_dup_description (quarters);
  g_assert_cmpstr (b, ==, "Rescued per quarter, Q1 2006 to Q1 2010: from 5 in Q1 2006 to 6 in Q1 2010. "
                          "Not shown: 4 in 1 milestone dated only by year.");

  /* the example of the issue: the last period has no figure */
  spec->label = g_strdup ("Survivors rescued per year");
  impact_chart_spec_add_point (spec, "2006", 5);
  impact_chart_spec_add_point (spec, "2017", 61);
  impact_chart_spec_add_point (spec, "2019", 48);
  impact_chart_spec_add_gap (spec, "2020");
  chart = impact_chart_new (doc, spec, NULL, NULL);
  c = impact_chart_dup_description (chart);
  g_assert_cmpstr (c, ==, "Survivors rescued per year, 2006 to 2020: from 5 in 2006 to 48 in 2019, "
                          "highest 61 in 2017.");

  g_clear_pointer (&spec, impact_chart_spec_free);
  spec = impact_chart_spec_new ();
  spec->label = g_strdup ("Survivors rescued per year");
  impact_chart_spec_add_point (spec, "2019", 5470);
  single = impact_chart_new (doc, spec, NULL, NULL);
  d = impact_chart_dup_description (single);
  g_assert_cmpstr (d, ==, "Survivors rescued per year, 2019: 5,470.");
}

static void
test_table (void)
{
  g_autoptr(ImpactDocument) doc = load_charts ();
  g_autoptr(ImpactChart) chart = chart_of (doc, 3, NULL);
  g_autoptr(GPtrArray) rows = impact_chart_dup_table (chart);
  const char * const expected[][2] = {
    { "Period", "Cases filed" },
    { "2016", "12.0" },
    { "2017", "18.5" },
    { "2018", "no figure" },
    { "2019", "25.0" },
  };

  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (g_strv_length (row), ==, 2);
      g_assert_cmpstr (row[0], ==, expected[i][0]);
      g_assert_cmpstr (row[1], ==, expected[i][1]);
    }
}


/* Every figure in the document's language: ticks, value labels, the
 * words and the table (impact-format.h through ICU) */
static ImpactChart *
chart_in (ImpactDocument *doc,
          const char     *language,
          const char     *digits,
          gboolean        derived)
{
  g_autoptr(ImpactChartSpec) spec = impact_chart_spec_new ();

  impact_document_set_language (doc, language);
  impact_document_set_digits (doc, digits);
  spec->label = g_strdup ("Rescued");
  if (derived)
    {
      spec->derive_metric = g_strdup ("rescued");
      spec->derive_per = IMPACT_CHART_PER_QUARTER;
      return impact_chart_new (doc, spec, NULL, NULL);
    }
  impact_chart_spec_add_point (spec, "2018", 5470);
  impact_chart_spec_add_point (spec, "2019", 18250);
  impact_chart_spec_add_point (spec, "2020", 1284000.5);
  return impact_chart_new (doc, spec, NULL, NULL);
}

static gboolean
scene_has_text (ImpactChartScene *scene,
                ImpactChartRole   role,
                const char       *text)
{
  for (guint i = 0; i < impact_chart_scene_get_n_shapes (scene); i++)
    {
      const ImpactChartShape *shape = impact_chart_scene_get_shape (scene, i);

      if (shape->role == role && g_strcmp0 (pango_layout_get_text (shape->layout), text) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_languages (void)
{
  const struct {
    const char *language, *digits;
    const char *description, *row, *tick, *quarter;
  } cases[] = {
    { "en", NULL, "Rescued, 2018 to 2020: from 5,470.0 in 2018 to 1,284,000.5 in 2020.",
      "18,250.0", "1,000,000", "Q1 2006" },
    /* CLDR: no grouping of four digits in Spanish, a dot for thousands */
    { "es", NULL, "Rescued, 2018 to 2020: from 5470,0 in 2018 to 1.284.000,5 in 2020.",
      "18.250,0", "1.000.000", "Q1 2006" },
    { "fr", NULL, "Rescued, 2018 to 2020: from 5\u202f470,0 in 2018 to 1\u202f284\u202f000,5 in 2020.",
      "18\u202f250,0", "1\u202f000\u202f000", "Q1 2006" },
    /* lakhs */
    { "hi", NULL, "Rescued, 2018 to 2020: from 5,470.0 in 2018 to 12,84,000.5 in 2020.",
      "18,250.0", "10,00,000", "Q1 2006" },
    /* typed periods ("2018") take the native digits too */
    { "bn", "native", "Rescued, ২০১৮ to ২০২০: from ৫,৪৭০.০ in ২০১৮ to ১২,৮৪,০০০.৫ in ২০২০.",
      "১৮,২৫০.০", "১০,০০,০০০", "Q১ ২০০৬" },
  };
  g_autoptr(ImpactDocument) doc = load_charts ();
  g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(ImpactChart) chart = chart_in (doc, cases[c].language, cases[c].digits, FALSE);
      g_autoptr(ImpactChart) quarters = chart_in (doc, cases[c].language, cases[c].digits, TRUE);
      g_autofree char *description = impact_chart_dup_description (chart);
      g_autoptr(GPtrArray) rows = impact_chart_dup_table (chart);
      PangoContext *context = impact_text_context_new (cases[c].language);
      g_autoptr(ImpactChartScene) scene = impact_chart_layout (chart, 400, 220, theme, context,
                                                               IMPACT_CHART_LAYOUT_NONE);

      g_test_message ("%s", cases[c].language);
      g_assert_cmpstr (impact_chart_get_language (chart), ==, cases[c].language);
      g_assert_cmpstr (description, ==, cases[c].description);
      g_assert_cmpstr (((char **) g_ptr_array_index (rows, 2))[1], ==, cases[c].row);
      g_assert_true (scene_has_text (scene, IMPACT_CHART_ROLE_TICK_LABEL, cases[c].tick));
      g_assert_true (scene_has_text (scene, IMPACT_CHART_ROLE_VALUE_LABEL, cases[c].row));
      g_assert_cmpstr (impact_chart_get_value (quarters, 0)->label, ==, cases[c].quarter);
      g_object_unref (context);
    }
}

/* Axis */

static void
test_axis_cases (void)
{
  const struct {
    double min, max;
    guint max_ticks;
    gboolean zero, integers;
    double lo, hi, step;
    guint decimals;
  } cases[] = {
    { 0, 7, 6, TRUE, TRUE, 0, 8, 2, 0 },
    { 0, 0, 6, TRUE, TRUE, 0, 1, 1, 0 },
    { 3, 3, 6, TRUE, TRUE, 0, 3, 1, 0 },
    { 3, 3, 6, FALSE, TRUE, 2, 4, 1, 0 },
    { 12, 25, 6, FALSE, FALSE, 10, 25, 5, 0 },
    { 12, 25, 6, TRUE, FALSE, 0, 25, 5, 0 },
    { 0, 0.37, 6, TRUE, FALSE, 0, 0.4, 0.1, 1 },
    { -3, 8, 6, TRUE, TRUE, -5, 10, 5, 0 },
    { 0, 5470, 5, TRUE, TRUE, 0, 6000, 2000, 0 },
    { 1, 2, 6, TRUE, TRUE, 0, 2, 1, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ImpactChartAxis axis;

      impact_chart_axis_compute (cases[i].min, cases[i].max, cases[i].max_ticks,
                                 cases[i].zero, cases[i].integers, &axis);
      g_test_message ("case %u: %g..%g step %g", i, axis.lo, axis.hi, axis.step);
      g_assert_cmpfloat_with_epsilon (axis.lo, cases[i].lo, 1e-9);
      g_assert_cmpfloat_with_epsilon (axis.hi, cases[i].hi, 1e-9);
      g_assert_cmpfloat_with_epsilon (axis.step, cases[i].step, 1e-9);
      g_assert_cmpuint (axis.decimals, ==, cases[i].decimals);
      g_assert_cmpuint (axis.n_ticks, ==, (guint) llround ((axis.hi - axis.lo) / axis.step) + 1);
    }
}

/* For every range: the ticks cover the data, are few enough, step 1, 2 or
 * 5 × 10^k, and a columns axis starts at zero */
static void
test_axis_properties (void)
{
  for (guint k = 0; k < 2000; k++)
    {
      double max = floor (pow (1.013, k)) + k % 7;
      double min = (k % 3 == 0) ? max / 3 : 0;
      guint max_ticks = 3 + k % 6;
      gboolean zero = k % 2 == 0;
      ImpactChartAxis axis;
      double mantissa;

      impact_chart_axis_compute (min, max, max_ticks, zero, TRUE, &axis);
      g_assert_cmpfloat (axis.lo, <=, min);
      g_assert_cmpfloat (axis.hi, >=, max);
      g_assert_cmpuint (axis.n_ticks, <=, max_ticks);
      g_assert_cmpuint (axis.n_ticks, >=, 2);
      g_assert_cmpfloat (axis.step, >=, 1);
      if (zero)
        g_assert_cmpfloat (axis.lo, <=, 0);
      mantissa = axis.step / pow (10, floor (log10 (axis.step) + 1e-9));
      g_assert_true (fabs (mantissa - 1) < 1e-6 || fabs (mantissa - 2) < 1e-6 ||
                     fabs (mantissa - 5) < 1e-6);
    }
}

static void
test_label_stride (void)
{
  g_assert_cmpuint (impact_chart_label_stride (1, 10, 300, 1), ==, 1);
  g_assert_cmpuint (impact_chart_label_stride (10, 40, 30, 1), ==, 1);
  g_assert_cmpuint (impact_chart_label_stride (10, 20, 30, 1), ==, 2);
  g_assert_cmpuint (impact_chart_label_stride (100, 3, 30, 1), ==, 10);
  g_assert_cmpuint (impact_chart_label_stride (100, 3, 31, 0), ==, 20);
  g_assert_cmpuint (impact_chart_label_stride (30, 8, 30, 1), ==, 5);
  /* quarters: 1, 2, 4, then whole years 1-2-5 */
  g_assert_cmpuint (impact_chart_label_stride (56, 10, 30, 4), ==, 4);
  g_assert_cmpuint (impact_chart_label_stride (56, 4, 30, 4), ==, 8);
  g_assert_cmpuint (impact_chart_label_stride (56, 2, 30, 4), ==, 20);
  /* months: 1, 2, 3, 6, 12, 24, 60 */
  g_assert_cmpuint (impact_chart_label_stride (120, 9, 30, 12), ==, 6);
  g_assert_cmpuint (impact_chart_label_stride (120, 2, 30, 12), ==, 24);
  for (guint per_year = 0; per_year <= 12; per_year += 4)
    for (guint n = 2; n <= 100; n++)
      for (double slot = 1; slot < 60; slot += 3.5)
        {
          guint stride = impact_chart_label_stride (n, slot, 28, per_year);

          g_assert_true (stride * slot >= 28 || stride >= n);
          g_assert_cmpuint (stride, <=, n);
        }
}

/* Contrast */

static void
test_contrast (void)
{
  ImpactThemeSpec pale = { 0 };
  g_autoptr(ImpactTheme) good = impact_theme_new (&pale, NULL, NULL);
  g_autoptr(ImpactTheme) bad = NULL;
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  const ImpactDiagnostic *diag;

  g_assert_true (impact_chart_check_contrast (good, "charts[0]", diagnostics));
  g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, 0);

  pale.text = (char *) "#aaaaaa";
  pale.primary = (char *) "#ffee88";
  bad = impact_theme_new (&pale, NULL, NULL);
  g_assert_false (impact_chart_check_contrast (bad, "charts[0]", diagnostics));
  g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, 2);
  diag = impact_diagnostics_get_item (diagnostics, 0);
  g_assert_cmpstr (diag->path, ==, "charts[0]");
  g_assert_cmpstr (diag->message, ==,
                   "the chart's labels (#aaaaaa on #ffffff) have a contrast of 2.3:1; "
                   "text needs 4.5:1 (WCAG AA): darken theme.text");
  diag = impact_diagnostics_get_item (diagnostics, 1);
  g_assert_true (g_str_has_prefix (diag->message, "the chart's columns and lines (#ffee88 on #ffffff)"));
}

/* Scene */

static ImpactChart *
chart_of_points (ImpactDocument  *doc,
                 ImpactChartKind  kind,
                 guint            n,
                 gboolean         months)
{
  g_autoptr(ImpactChartSpec) spec = impact_chart_spec_new ();

  spec->label = g_strdup ("Survivors rescued");
  spec->kind = kind;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = months ? g_strdup_printf ("Sep %u", 2001 + i / 12)
                                      : g_strdup_printf ("%u", 2001 + i);

      /* a gap now and then, and a figure large enough for grouping */
      if (i % 17 == 5)
        impact_chart_spec_add_gap (spec, label);
      else
        impact_chart_spec_add_point (spec, label, (i * 7919) % 1300 + (i % 3 ? 20 : 0));
    }
  return impact_chart_new (doc, spec, NULL, NULL);
}

static int
compare_x (gconstpointer a,
           gconstpointer b)
{
  const ImpactChartShape *sa = *(const ImpactChartShape **) a;
  const ImpactChartShape *sb = *(const ImpactChartShape **) b;

  return (sa->x > sb->x) - (sa->x < sb->x);
}

/* Nothing outside the box; labels of one role never overlap */
static void
check_scene (ImpactChartScene *scene,
             guint             n_values)
{
  const double eps = 0.01;
  double w = impact_chart_scene_get_width (scene), h = impact_chart_scene_get_height (scene);
  g_autoptr(GPtrArray) periods = g_ptr_array_new ();
  g_autoptr(GPtrArray) ticks = g_ptr_array_new ();
  g_autoptr(GPtrArray) figures = g_ptr_array_new ();

  for (guint i = 0; i < impact_chart_scene_get_n_shapes (scene); i++)
    {
      const ImpactChartShape *shape = impact_chart_scene_get_shape (scene, i);

      switch (shape->type)
        {
        case IMPACT_CHART_SHAPE_RECT:
        case IMPACT_CHART_SHAPE_TEXT:
          g_assert_cmpfloat (shape->x, >=, -eps);
          g_assert_cmpfloat (shape->y, >=, -eps);
          g_assert_cmpfloat (shape->x + shape->width, <=, w + eps);
          g_assert_cmpfloat (shape->y + shape->height, <=, h + eps);
          break;
        case IMPACT_CHART_SHAPE_LINE:
        case IMPACT_CHART_SHAPE_POLYGON:
          for (guint k = 0; k < shape->n_points; k++)
            {
              double r = shape->line_width / 2;

              g_assert_cmpfloat (shape->points[2 * k] - r, >=, -eps);
              g_assert_cmpfloat (shape->points[2 * k] + r, <=, w + eps);
              g_assert_cmpfloat (shape->points[2 * k + 1] - r, >=, -eps);
              g_assert_cmpfloat (shape->points[2 * k + 1] + r, <=, h + eps);
            }
          break;
        default:
          g_assert_not_reached ();
        }
      if (shape->role == IMPACT_CHART_ROLE_PERIOD_LABEL)
        g_ptr_array_add (periods, (gpointer) shape);
      else if (shape->role == IMPACT_CHART_ROLE_TICK_LABEL)
        g_ptr_array_add (ticks, (gpointer) shape);
      else if (shape->role == IMPACT_CHART_ROLE_VALUE_LABEL)
        g_ptr_array_add (figures, (gpointer) shape);
    }

  if (n_values > 0)
    g_assert_cmpuint (periods->len, >=, 1);
  g_assert_cmpuint (periods->len, <=, n_values);
  g_ptr_array_sort (periods, compare_x);
  for (guint i = 1; i < periods->len; i++)
    {
      const ImpactChartShape *a = g_ptr_array_index (periods, i - 1);
      const ImpactChartShape *b = g_ptr_array_index (periods, i);

      g_assert_cmpfloat (a->x + a->width, <, b->x);
    }
  g_ptr_array_sort (figures, compare_x);
  for (guint i = 1; i < figures->len; i++)
    {
      const ImpactChartShape *a = g_ptr_array_index (figures, i - 1);
      const ImpactChartShape *b = g_ptr_array_index (figures, i);

      g_assert_cmpfloat (a->x + a->width, <, b->x);
    }
  /* tick labels are stacked: sorted from the top, never touching */
  for (guint i = 1; i < ticks->len; i++)
    {
      const ImpactChartShape *below = g_ptr_array_index (ticks, i - 1);
      const ImpactChartShape *above = g_ptr_array_index (ticks, i);

      g_assert_cmpfloat (above->y + above->height, <=, below->y + eps);
    }
}

/* Every kind, from one to a hundred periods, in a sheet-sized and a wide box */
static void
test_scene_periods (void)
{
  g_autoptr(ImpactDocument) doc = load_charts ();
  g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
  PangoContext *context = impact_text_context_new ("en");
  const ImpactChartKind kinds[] = { IMPACT_CHART_COLUMNS, IMPACT_CHART_LINE, IMPACT_CHART_AREA,
                                    IMPACT_CHART_SPARKLINE };
  const double sizes[][2] = { { IMPACT_CHART_MIN_WIDTH, IMPACT_CHART_MIN_HEIGHT }, { 260, 150 },
                              { 540, 240 } };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint n = 1; n <= 100; n += (n < 20 ? 1 : 9))
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (guint months = 0; months < 2; months++)
          {
            g_autoptr(ImpactChart) chart = chart_of_points (doc, kinds[k], n, months);
            g_autoptr(ImpactChartScene) scene = impact_chart_layout (chart, sizes[s][0], sizes[s][1],
                                                                     theme, context,
                                                                     IMPACT_CHART_LAYOUT_TITLE);

            g_test_message ("kind %d, %u periods, %gx%g", kinds[k], n, sizes[s][0], sizes[s][1]);
            if (kinds[k] == IMPACT_CHART_SPARKLINE)
              for (guint i = 0; i < impact_chart_scene_get_n_shapes (scene); i++)
                g_assert_cmpint (impact_chart_scene_get_shape (scene, i)->type, !=, IMPACT_CHART_SHAPE_TEXT);
            else
              check_scene (scene, n);
          }
  g_object_unref (context);
}

/* Columns stand on the zero line; per-year labels thin to round years */
static void
test_scene_columns (void)
{
  g_autoptr(ImpactDocument) doc = load_charts ();
  g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
  PangoContext *context = impact_text_context_new ("en");
  g_autoptr(ImpactChartSpec) spec = impact_chart_spec_new ();
  g_autoptr(ImpactChart) chart = NULL;
  g_autoptr(ImpactChartScene) scene = NULL;
  double baseline = -1, px, py, pw, ph;
  guint n_columns = 0, n_labels = 0;

  /* 1990 .. 2010 per year */
  for (guint year = 1990; year <= 2010; year++)
    {
      ImpactMilestone *milestone = impact_milestone_new ();
      g_autofree char *date = g_strdup_printf ("%u-06", year);

      milestone->title = g_strdup ("Rescue");
      impact_date_parse (date, &milestone->date);
      impact_milestone_add_metric (milestone, "found", year - 1985);
      g_ptr_array_add (impact_document_get_milestones (doc), milestone);
    }
  spec->label = g_strdup ("Found");
  spec->derive_metric = g_strdup ("found");
  chart = impact_chart_new (doc, spec, NULL, NULL);
  g_assert_cmpuint (impact_chart_get_n_values (chart), ==, 21);
  scene = impact_chart_layout (chart, 200, 120, theme, context, IMPACT_CHART_LAYOUT_NONE);
  check_scene (scene, 21);
  impact_chart_scene_get_plot (scene, &px, &py, &pw, &ph);

  for (guint i = 0; i < impact_chart_scene_get_n_shapes (scene); i++)
    {
      const ImpactChartShape *shape = impact_chart_scene_get_shape (scene, i);

      if (shape->role == IMPACT_CHART_ROLE_BASELINE)
        baseline = shape->y + shape->height / 2;
    }
  g_assert_cmpfloat_with_epsilon (baseline, py + ph, 0.01);
  for (guint i = 0; i < impact_chart_scene_get_n_shapes (scene); i++)
    {
      const ImpactChartShape *shape = impact_chart_scene_get_shape (scene, i);

      if (shape->role == IMPACT_CHART_ROLE_SERIES)
        {
          g_assert_cmpint (shape->type, ==, IMPACT_CHART_SHAPE_RECT);
          g_assert_cmpfloat_with_epsilon (shape->y + shape->height, baseline, 0.01);
          n_columns++;
        }
      else if (shape->role == IMPACT_CHART_ROLE_PERIOD_LABEL)
        {
          const char *text = pango_layout_get_text (shape->layout);

          /* thinned labels fall on round years */
          g_assert_cmpint (atoi (text) % 5, ==, 0);
          n_labels++;
        }
    }
  g_assert_cmpuint (n_columns, ==, 21);
  g_assert_cmpfloat (impact_chart_preferred_height (chart, 300), ==, 150);
  g_assert_cmpfloat (impact_chart_preferred_height (chart, 100), ==, IMPACT_CHART_MIN_HEIGHT);
  g_assert_cmpfloat (impact_chart_preferred_height (chart, 1000), ==, 240);
  g_assert_cmpuint (n_labels, >=, 2);
  g_assert_cmpuint (n_labels, <, 21);
  g_object_unref (context);
}

/* The pictures of docs/images: every chart of the examples in two boxes;
 * thinned quarter labels fall on the first quarter */
static void
test_scene_examples (void)
{
  g_autoptr(ImpactDocument) doc = load_valid ("chart-examples.json");
  g_autoptr(ImpactTheme) theme = NULL;
  PangoContext *context = impact_text_context_new ("en");
  GPtrArray *charts;

  theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
  charts = impact_document_get_charts (doc);
  for (guint i = 0; i < charts->len; i++)
    for (double width = 240; width <= 600; width += 120)
      {
        g_autoptr(ImpactChart) chart = impact_chart_new (doc, g_ptr_array_index (charts, i), NULL, NULL);
        g_autoptr(ImpactChartScene) scene = impact_chart_layout (chart, width, width * 9 / 16, theme,
                                                                 context, IMPACT_CHART_LAYOUT_TITLE);
        guint per_year;

        if (impact_chart_get_kind (chart) == IMPACT_CHART_SPARKLINE)
          continue;
        check_scene (scene, impact_chart_get_n_values (chart));
        impact_chart_get_first_period (chart, &per_year);
        for (guint k = 0; k < impact_chart_scene_get_n_shapes (scene); k++)
          {
            const ImpactChartShape *shape = impact_chart_scene_get_shape (scene, k);

            if (per_year == 4 && shape->role == IMPACT_CHART_ROLE_PERIOD_LABEL &&
                impact_chart_get_n_values (chart) > 8)
              g_assert_true (g_str_has_prefix (pango_layout_get_text (shape->layout), "Q1 "));
          }
      }
  g_object_unref (context);
}


/* Right to left: the same scene mirrored; time runs from right to left,
 * the value axis and its labels stand at the right of the plot; every
 * guarantee holds; the export of an Arabic chart is mirrored */
static void
test_scene_rtl (void)
{
  g_autoptr(ImpactDocument) doc = load_valid ("chart-rtl.json");
  g_autoptr(ImpactTheme) theme = NULL;
  PangoContext *context = impact_text_context_new ("ar");

  g_assert_true (impact_document_is_rtl (doc));
  theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
  for (guint c = 0; c < impact_document_get_charts (doc)->len; c++)
    for (guint n = 1; n <= 40; n += 13)
      {
        g_autoptr(ImpactChart) chart = chart_of (doc, c, NULL);
        g_autoptr(ImpactChart) many = chart_of_points (doc, impact_chart_get_kind (chart), n, FALSE);
        g_autoptr(ImpactChartScene) ltr = impact_chart_layout (chart, 300, 170, theme, context,
                                                               IMPACT_CHART_LAYOUT_TITLE);
        g_autoptr(ImpactChartScene) rtl = impact_chart_layout (chart, 300, 170, theme, context,
                                                               IMPACT_CHART_LAYOUT_TITLE | IMPACT_CHART_LAYOUT_RTL);
        g_autoptr(ImpactChartScene) rtl_many = impact_chart_layout (many, 300, 170, theme, context,
                                                                    IMPACT_CHART_LAYOUT_RTL);
        double px, py, pw, ph, lx, lw;
        double first_x = -1, last_x = -1;

        if (impact_chart_get_kind (chart) != IMPACT_CHART_SPARKLINE)
          {
            check_scene (rtl, impact_chart_get_n_values (chart));
            check_scene (rtl_many, n);
          }
        impact_chart_scene_get_plot (ltr, &lx, NULL, &lw, NULL);
        impact_chart_scene_get_plot (rtl, &px, &py, &pw, &ph);
        g_assert_cmpfloat_with_epsilon (pw, lw, 1e-9);
        g_assert_cmpfloat_with_epsilon (px, 300 - lx - lw, 1e-9);
        g_assert_cmpuint (impact_chart_scene_get_n_shapes (rtl), ==, impact_chart_scene_get_n_shapes (ltr));
        for (guint i = 0; i < impact_chart_scene_get_n_shapes (rtl); i++)
          {
            const ImpactChartShape *shape = impact_chart_scene_get_shape (rtl, i);
            double x = shape->type == IMPACT_CHART_SHAPE_RECT || shape->type == IMPACT_CHART_SHAPE_TEXT
                       ? shape->x + shape->width / 2 : shape->points[0];

            /* the value axis at the right */
            if (shape->role == IMPACT_CHART_ROLE_TICK_LABEL)
              g_assert_cmpfloat (shape->x, >=, px + pw);
            if (shape->role != IMPACT_CHART_ROLE_SERIES && shape->role != IMPACT_CHART_ROLE_MARKER &&
                shape->role != IMPACT_CHART_ROLE_PERIOD_LABEL)
              continue;
            if (shape->type == IMPACT_CHART_SHAPE_LINE && shape->index < 0 && c == 2)
              {
                /* the sparkline: one line, no gaps */
                first_x = shape->points[0];
                last_x = shape->points[2 * shape->n_points - 2];
                continue;
              }
            if (shape->index == 0 && first_x < 0)
              first_x = x;
            if (shape->index == (int) impact_chart_get_n_values (chart) - 1)
              last_x = x;
          }
        /* the first period at the right, the latest at the left */
        g_test_message ("chart %u: first at %g, last at %g", c, first_x, last_x);
        g_assert_cmpfloat (first_x, >, last_x);
        g_assert_cmpfloat (last_x, >=, 0);
      }
  g_object_unref (context);
}


/* Sparklines in statistic panels: "statistic": N */

#define SPARK_DOC(charts) \
  "{\"format\": \"1\", \"office\": \"Medan\", \"organisation\": {\"name\": \"Safe Homes\"},\n" \
  " \"statistics\": [{\"value\": 1840, \"label\": \"children met\"},\n" \
  "                {\"value\": 612, \"label\": \"children reunited with their families\"}],\n" \
  " \"charts\": " charts "}"

static ImpactDocument *
load_spark (const char        *json,
            ImpactDiagnostics *diagnostics,
            GError           **error)
{
  return impact_json_loader_load_data (json, strlen (json), "spark.json", NULL, diagnostics, error);
}

static void
test_sparkline_json (void)
{
  const char *json = SPARK_DOC ("[{\"label\": \"Reunited per year\", \"kind\": \"sparkline\", \"statistic\": 1,\n"
                                "   \"points\": [[\"2019\", 80], [\"2020\", null], [\"2021\", 130]]},\n"
                                "  {\"label\": \"Alone\", \"kind\": \"sparkline\", \"points\": [[\"a\", 1]]}]");
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = load_spark (json, NULL, &error);
  ImpactChartSpec *spec, *alone;
  g_autofree char *saved = NULL, *moved = NULL, *columns = NULL;
  g_autoptr(ImpactDocument) copy = NULL;

  g_assert_no_error (error);
  spec = g_ptr_array_index (impact_document_get_charts (doc), 0);
  alone = g_ptr_array_index (impact_document_get_charts (doc), 1);
  g_assert_cmpint (spec->statistic, ==, 1);
  g_assert_cmpint (alone->statistic, ==, -1);
  copy = impact_document_copy (doc);
  g_assert_cmpint (((ImpactChartSpec *) g_ptr_array_index (impact_document_get_charts (copy), 0))->statistic, ==, 1);

  /* written back as read; moved to another panel; gone with the kind */
  saved = impact_json_writer_to_data (doc, NULL);
  g_assert_nonnull (strstr (saved, "\"statistic\": 1"));
  spec->statistic = 0;
  moved = impact_json_writer_to_data (doc, NULL);
  g_assert_nonnull (strstr (moved, "\"statistic\": 0"));
  g_assert_null (strstr (moved, "\"statistic\": 1"));
  spec->kind = IMPACT_CHART_COLUMNS;
  columns = impact_json_writer_to_data (doc, NULL);
  g_assert_null (strstr (columns, "\"statistic\""));
  {
    g_autoptr(ImpactDocument) again = load_spark (moved, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (((ImpactChartSpec *) g_ptr_array_index (impact_document_get_charts (again), 0))->statistic, ==, 0);
  }

  /* past the statistics (one was removed): read with a warning, kept on
   * save, drawn in no panel */
  {
    const char *past = SPARK_DOC ("[{\"label\": \"T\", \"kind\": \"sparkline\", \"statistic\": 2, \"points\": [[\"a\", 1]]}]");
    g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
    g_autoptr(ImpactDocument) kept = load_spark (past, diagnostics, &error);
    g_autoptr(ImpactTheme) theme = NULL;
    g_autoptr(ImpactSheetLayout) layout = NULL;
    g_autofree char *written = NULL;
    const ImpactDiagnostic *diag;

    g_assert_no_error (error);
    g_assert_cmpuint (impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_WARNING), ==, 1);
    for (guint i = 0; i < impact_diagnostics_get_n_items (diagnostics); i++)
      if ((diag = impact_diagnostics_get_item (diagnostics, i))->severity == IMPACT_SEVERITY_WARNING)
        {
          g_assert_cmpstr (diag->path, ==, "charts[0].statistic");
          g_assert_cmpuint (diag->line, ==, 4);
          g_assert_cmpuint (diag->column, ==, 62);
          g_assert_cmpstr (diag->message, ==, "no statistics[2]; the sheet has 2 statistics, so the sparkline is in no panel");
        }
    written = impact_json_writer_to_data (kept, NULL);
    g_assert_nonnull (strstr (written, "\"statistic\": 2"));
    theme = impact_theme_new (impact_document_get_theme_spec (kept), NULL, NULL);
    layout = impact_sheet_layout_new (kept, theme, IMPACT_PAGE_SIZE_LETTER, NULL);
    /* no Figure but the wordmark's (which says the organisation's name) */
    for (guint i = 0; i < impact_sheet_layout_get_n_ops (layout, 0); i++)
      g_assert_false (impact_sheet_layout_get_op (layout, 0, i)->kind == IMPACT_OP_TAG_BEGIN &&
                      g_strcmp0 (impact_sheet_layout_get_op (layout, 0, i)->name, "Figure") == 0 &&
                      g_strcmp0 (impact_sheet_layout_get_op (layout, 0, i)->alt,
                                 impact_document_get_organisation (kept)->name) != 0);
  }
}

static void
test_sparkline_errors (void)
{
  const struct {
    const char *charts;
    const char *where;   /* line:column path */
    const char *message;
  } cases[] = {
    { "[{\"label\": \"T\", \"kind\": \"sparkline\", \"statistic\": -1, \"points\": [[\"a\", 1]]}]",
      "4:62 charts[0].statistic", "expected the index of a statistic (0 for the first), got -1" },
    { "[{\"label\": \"T\", \"statistic\": 0, \"points\": [[\"a\", 1]]}]",
      "4:41 charts[0].statistic", "only a chart of \"kind\": \"sparkline\" sits in a statistic's panel" },
    { "[{\"label\": \"T\", \"kind\": \"sparkline\", \"statistic\": \"first\", \"points\": [[\"a\", 1]]}]",
      "4:62 charts[0].statistic", NULL },
    { "[{\"label\": \"T\", \"kind\": \"sparkline\", \"statistic\": 0.5, \"points\": [[\"a\", 1]]}]",
      "4:62 charts[0].statistic", NULL },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *json = g_strdup_printf (SPARK_DOC ("%s"), cases[c].charts);
      g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpactDocument) doc = load_spark (json, diagnostics, &error);
      const ImpactDiagnostic *diag = NULL;
      g_autofree char *where = NULL;

      g_test_message ("%s", cases[c].charts);
      g_assert_null (doc);
      g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE);
      for (guint i = 0; i < impact_diagnostics_get_n_items (diagnostics) && diag == NULL; i++)
        if (impact_diagnostics_get_item (diagnostics, i)->severity == IMPACT_SEVERITY_ERROR)
          diag = impact_diagnostics_get_item (diagnostics, i);
      g_assert_nonnull (diag);
      where = g_strdup_printf ("%u:%u %s", diag->line, diag->column, diag->path);
      g_assert_cmpstr (where, ==, cases[c].where);
      if (cases[c].message != NULL)
        g_assert_cmpstr (diag->message, ==, cases[c].message);
    }
}

/* The ops of the Figure whose /Alt starts with @label: their extent */
static gboolean
figure_extent (ImpactSheetLayout *layout,
               guint              page,
               const char        *label,
               double            *x0,
               double            *y0,
               double            *x1,
               double            *y1)
{
  gboolean inside = FALSE, found = FALSE;

  *x0 = *y0 = G_MAXDOUBLE;
  *x1 = *y1 = -G_MAXDOUBLE;
  for (guint i = 0; i < impact_sheet_layout_get_n_ops (layout, page); i++)
    {
      const ImpactOp *op = impact_sheet_layout_get_op (layout, page, i);

      if (op->kind == IMPACT_OP_TAG_BEGIN && g_strcmp0 (op->name, "Figure") == 0 &&
          op->alt != NULL && g_str_has_prefix (op->alt, label))
        inside = found = TRUE;
      else if (op->kind == IMPACT_OP_TAG_END && inside)
        inside = FALSE;
      else if (inside && op->kind == IMPACT_OP_LINE)
        {
          *x0 = MIN (*x0, MIN (op->x, op->x2) - op->line_width / 2);
          *x1 = MAX (*x1, MAX (op->x, op->x2) + op->line_width / 2);
          *y0 = MIN (*y0, MIN (op->y, op->y2) - op->line_width / 2);
          *y1 = MAX (*y1, MAX (op->y, op->y2) + op->line_width / 2);
        }
      else if (inside && op->kind == IMPACT_OP_POLYGON)
        for (guint k = 0; k < op->n_points; k++)
          {
            *x0 = MIN (*x0, op->points[2 * k]);
            *x1 = MAX (*x1, op->points[2 * k]);
            *y0 = MIN (*y0, op->points[2 * k + 1]);
            *y1 = MAX (*y1, op->points[2 * k + 1]);
          }
    }
  return found && *x1 > *x0;
}

/* Inside its statistic's box, under every text of the statistic, in both
 * templates, on the card (square: stacked rows; wide: panels), left to
 * right or mirrored */
static void
test_sparkline_panel (void)
{
  static const char * const templates[] = { "classic", "bold" };
  static const char * const languages[] = { "en", "ar" };
  const double cards[][2] = { { 540, 540 }, { 600, 315 } };

  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      for (guint kind = 0; kind < 1 + G_N_ELEMENTS (cards); kind++)
        {
          g_autofree char *json = g_strdup_printf (
            "{\"format\": \"1\", \"language\": \"%s\", \"office\": \"Medan\", \"theme\": {\"template\": \"%s\"},\n"
            " \"organisation\": {\"name\": \"Safe Homes\"},\n"
            " \"statistics\": [{\"value\": 1840, \"label\": \"children met\", \"icon\": \"people\"},\n"
            "                {\"value\": 612, \"label\": \"children reunited with their families after a year\"},\n"
            "                {\"value\": 87, \"label\": \"cases\"}],\n"
            " \"charts\": [{\"label\": \"Reunited\", \"kind\": \"sparkline\", \"statistic\": 1,\n"
            "   \"points\": [[\"2019\", 80], [\"2020\", null], [\"2021\", 130], [\"2022\", 90], [\"2023\", 150]]},\n"
            "  {\"label\": \"Met\", \"kind\": \"sparkline\", \"statistic\": 0,\n"
            "   \"points\": [[\"2019\", 300], [\"2020\", 420], [\"2021\", 380]]}]}",
            languages[l], templates[t]);
          g_autoptr(GError) error = NULL;
          g_autoptr(ImpactDocument) doc = load_spark (json, NULL, &error);
          g_autoptr(ImpactTheme) theme = NULL;
          g_autoptr(ImpactSheetLayout) layout = NULL;
          g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
          const char *labels[] = { "Met", "Reunited" };

          g_assert_no_error (error);
          theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
          if (kind == 0)
            layout = impact_sheet_layout_new (doc, theme, IMPACT_PAGE_SIZE_LETTER, diagnostics);
          else
            layout = impact_sheet_layout_new_stats_card (doc, theme, cards[kind - 1][0], cards[kind - 1][1],
                                                         diagnostics);
          g_test_message ("%s, %s, %s", templates[t], languages[l], kind == 0 ? "sheet" : "card");
          g_assert_cmpuint (impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_ERROR), ==, 0);
          for (guint s = 0; s < 2; s++)
            {
              const ImpactBox *box = NULL;
              double x0, y0, x1, y1, first_x = 0, last_x = 0;
              gboolean inside = FALSE;
              guint n_lines = 0;

              for (guint i = 0; i < impact_sheet_layout_get_n_boxes (layout, 0); i++)
                {
                  const ImpactBox *b = impact_sheet_layout_get_box (layout, 0, i);

                  if (b->section == IMPACT_SECTION_STATISTICS && b->item == (int) s)
                    box = b;
                }
              g_assert_nonnull (box);
              g_assert_true (figure_extent (layout, 0, labels[s], &x0, &y0, &x1, &y1));
              g_assert_cmpfloat (x0, >=, box->x - 0.01);
              g_assert_cmpfloat (x1, <=, box->x + box->width + 0.01);
              g_assert_cmpfloat (y0, >=, box->y - 0.01);
              g_assert_cmpfloat (y1, <=, box->y + box->height + 0.01);
              /* under the texts of its statistic (the card's icon line aside) */
              for (guint i = 0; i < impact_sheet_layout_get_n_ops (layout, 0); i++)
                {
                  const ImpactOp *op = impact_sheet_layout_get_op (layout, 0, i);

                  if (op->kind == IMPACT_OP_TAG_BEGIN && g_strcmp0 (op->name, "Figure") == 0 &&
                      g_strcmp0 (op->alt ? op->alt : "", "") != 0 && g_str_has_prefix (op->alt, labels[s]))
                    inside = TRUE;
                  else if (op->kind == IMPACT_OP_TAG_END && inside)
                    inside = FALSE;
                  else if (inside && op->kind == IMPACT_OP_LINE)
                    {
                      if (n_lines++ == 0)
                        first_x = op->x;
                      last_x = op->x2;
                    }
                  else if (op->kind == IMPACT_OP_TEXT && !inside &&
                           op->x + op->w > x0 && op->x < x1 &&
                           op->y + op->h / 2 > box->y && op->y + op->h / 2 < box->y + box->height)
                    /* no text of the panel reaches into the sparkline */
                    g_assert_true (op->y + op->h <= y0 + 0.5 || op->y >= y1 - 0.5);
                }
              g_assert_cmpuint (n_lines, >, 0);
              /* time runs with the reading direction */
              if (l == 0)
                g_assert_cmpfloat (first_x, <, last_x);
              else
                g_assert_cmpfloat (first_x, >, last_x);
            }
        }
}


/* The Kolkata example with a chart on its full back page (issue 16: it
 * overflowed by 77 pt): fits in both templates and on both page sizes, the
 * chart lower than it would be on an emptier page but never below its
 * smallest size, between the milestones and the profile */
static void
test_sheet_back_page_fits (void)
{
  static const char * const templates[] = { "classic", "bold" };
  static const ImpactPageSize sizes[] = { IMPACT_PAGE_SIZE_LETTER, IMPACT_PAGE_SIZE_A4 };
  g_autofree char *path = impact_test_data_path ("data/layout/chart-kolkata-back.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, NULL, NULL, &error);
        g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
        g_autoptr(ImpactTheme) theme = NULL;
        g_autoptr(ImpactSheetLayout) layout = NULL;
        ImpactBox chart, milestones, profile;
        guint page;

        g_assert_no_error (error);
        g_free (impact_document_get_theme_spec (doc)->template_name);
        impact_document_get_theme_spec (doc)->template_name = g_strdup (templates[t]);
        theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
        layout = impact_sheet_layout_new (doc, theme, sizes[s], diagnostics);
        g_test_message ("%s, %s", templates[t], impact_page_size_to_string (sizes[s]));
        g_assert_cmpuint (impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_ERROR), ==, 0);
        g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_CHARTS, 0, &page, &chart));
        g_assert_cmpuint (page, ==, 1);
        g_assert_false (chart.overflow);
        g_assert_cmpfloat (chart.height, >=, IMPACT_CHART_MIN_PLOT_HEIGHT);
        g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_MILESTONES, -1, &page, &milestones));
        g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_PROFILE, -1, &page, &profile));
        g_assert_false (profile.overflow);
        g_assert_cmpfloat (chart.y, >=, milestones.y + milestones.height);
        g_assert_cmpfloat (chart.y + chart.height, <=, profile.y);
      }
}

/* Drawn: a column's pixels have the theme's primary colour */
static void
test_scene_draw (void)
{
  g_autoptr(ImpactDocument) doc = load_charts ();
  g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
  PangoContext *context = impact_text_context_new ("en");
  g_autoptr(ImpactChart) chart = chart_of (doc, 0, NULL);
  g_autoptr(ImpactChartScene) scene = impact_chart_layout (chart, 300, 160, theme, context,
                                                           IMPACT_CHART_LAYOUT_BACKGROUND);
  const ImpactColor *primary = impact_theme_get_primary (theme);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 160);
  cairo_t *cr = cairo_create (surface);
  const ImpactChartShape *column = NULL;
  const guint32 *pixels;
  guint32 pixel;
  int stride;

  impact_chart_scene_draw (scene, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (guint i = 0; i < impact_chart_scene_get_n_shapes (scene) && column == NULL; i++)
    if (impact_chart_scene_get_shape (scene, i)->role == IMPACT_CHART_ROLE_SERIES)
      column = impact_chart_scene_get_shape (scene, i);
  g_assert_nonnull (column);
  g_assert_cmpint (column->index, ==, 0);
  pixels = (const guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  pixel = pixels[(int) (column->y + column->height / 2) * stride + (int) (column->x + column->width / 2)];
  g_assert_cmpint (abs ((int) ((pixel >> 16) & 0xff) - (int) round (primary->red * 255)), <=, 2);
  g_assert_cmpint (abs ((int) ((pixel >> 8) & 0xff) - (int) round (primary->green * 255)), <=, 2);
  g_assert_cmpint (abs ((int) (pixel & 0xff) - (int) round (primary->blue * 255)), <=, 2);
  /* the corner is the background */
  g_assert_cmpuint (pixels[0] & 0xffffff, ==, 0xffffff);
  cairo_surface_destroy (surface);
  g_object_unref (context);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/series/per-year", test_per_year);
  g_test_add_func ("/chart/series/cumulative", test_cumulative);
  g_test_add_func ("/chart/series/per-quarter", test_per_quarter);
  g_test_add_func ("/chart/series/per-month", test_per_month);
  g_test_add_func ("/chart/series/no-data", test_no_data);
  g_test_add_func ("/chart/series/given-points", test_given_points);
  g_test_add_func ("/chart/series/too-long", test_too_long);
  g_test_add_func ("/chart/words/description", test_description);
  g_test_add_func ("/chart/words/table", test_table);
  g_test_add_func ("/chart/words/languages", test_languages);
  g_test_add_func ("/chart/axis/cases", test_axis_cases);
  g_test_add_func ("/chart/axis/properties", test_axis_properties);
  g_test_add_func ("/chart/axis/label-stride", test_label_stride);
  g_test_add_func ("/chart/contrast", test_contrast);
  g_test_add_func ("/chart/scene/periods", test_scene_periods);
  g_test_add_func ("/chart/scene/columns", test_scene_columns);
  g_test_add_func ("/chart/scene/draw", test_scene_draw);
  g_test_add_func ("/chart/scene/rtl", test_scene_rtl);
  g_test_add_func ("/chart/sparkline/json", test_sparkline_json);
  g_test_add_func ("/chart/sparkline/errors", test_sparkline_errors);
  g_test_add_func ("/chart/sparkline/panel", test_sparkline_panel);
  g_test_add_func ("/chart/sheet/back-page-fits", test_sheet_back_page_fits);
  g_test_add_func ("/chart/scene/examples", test_scene_examples);

  return g_test_run ();
}
