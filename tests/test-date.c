/* test-date.c: partial calendar dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "impact-date.h"

static void
test_parse_valid (void)
{
  const struct {
    const char          *text;
    int                  year, month, day;
    ImpactDatePrecision  precision;
  } cases[] = {
    { "2006", 2006, 0, 0, IMPACT_DATE_PRECISION_YEAR },
    { "2006-07", 2006, 7, 0, IMPACT_DATE_PRECISION_MONTH },
    { "2006-07-31", 2006, 7, 31, IMPACT_DATE_PRECISION_DAY },
    { "2008-02-29", 2008, 2, 29, IMPACT_DATE_PRECISION_DAY },   /* leap year */
    { "2000-02-29", 2000, 2, 29, IMPACT_DATE_PRECISION_DAY },   /* divisible by 400 */
    { "0001", 1, 0, 0, IMPACT_DATE_PRECISION_YEAR },
    { "9999-12-31", 9999, 12, 31, IMPACT_DATE_PRECISION_DAY },
    { "2019-01-01", 2019, 1, 1, IMPACT_DATE_PRECISION_DAY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ImpactDate date = { 0 };

      g_test_message ("%s", cases[i].text);
      g_assert_true (impact_date_parse (cases[i].text, &date));
      g_assert_cmpint (date.year, ==, cases[i].year);
      g_assert_cmpint (date.month, ==, cases[i].month);
      g_assert_cmpint (date.day, ==, cases[i].day);
      g_assert_cmpint (impact_date_get_precision (&date), ==, cases[i].precision);
      g_assert_true (impact_date_is_valid (&date));
    }
}

static void
test_parse_invalid (void)
{
  const char *cases[] = {
    "", "06", "206", "20061", "2006-7", "2006-07-1", "2006-13", "2006-00",
    "2006-07-00", "2006-07-32", "2006-02-29", "1900-02-29", "2006-04-31",
    "0000", "0000-01-01", "2006/07", "2006-07-31T00:00", " 2006", "2006 ",
    "+2006", "-2006", "2oo6", "2006-0a", "20O6-07-01", "２００６",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ImpactDate date = { 1999, 1, 1 };

      g_test_message ("\"%s\"", cases[i]);
      g_assert_false (impact_date_parse (cases[i], &date));
      /* the output is left alone on failure */
      g_assert_cmpint (date.year, ==, 1999);
      g_assert_cmpint (date.month, ==, 1);
      g_assert_cmpint (date.day, ==, 1);
    }

  {
    ImpactDate date = { 1999, 1, 1 };

    g_assert_false (impact_date_parse (NULL, &date));
    g_assert_cmpint (date.year, ==, 1999);
  }
}

static void
test_is_valid (void)
{
  const ImpactDate good[] = { { 2006, 0, 0 }, { 2006, 12, 0 }, { 2008, 2, 29 } };
  const ImpactDate bad[] = {
    { 0, 0, 0 }, { -5, 0, 0 }, { 10000, 0, 0 }, { 2006, 13, 0 },
    { 2006, 0, 5 }, { 2006, 2, 29 }, { 2006, 6, 31 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (impact_date_is_valid (&good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (impact_date_is_valid (&bad[i]));
  g_assert_false (impact_date_is_valid (NULL));
  g_assert_cmpint (impact_date_get_precision (NULL), ==, IMPACT_DATE_PRECISION_NONE);
  g_assert_cmpint (impact_date_get_precision (&bad[0]), ==, IMPACT_DATE_PRECISION_NONE);
}

static ImpactDate
parse (const char *text)
{
  ImpactDate date = { 0 };

  g_assert_true (impact_date_parse (text, &date));
  return date;
}

static void
test_compare (void)
{
  /* in ascending order; a less precise date sorts before the more precise
   * dates it contains */
  const char *ordered[] = {
    "1999", "1999-12-31", "2006", "2006-01", "2006-01-01", "2006-01-02",
    "2006-07", "2006-07-31", "2006-12", "2007",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ordered); i++)
    for (guint j = 0; j < G_N_ELEMENTS (ordered); j++)
      {
        ImpactDate a = parse (ordered[i]);
        ImpactDate b = parse (ordered[j]);
        int cmp = impact_date_compare (&a, &b);

        if (i < j)
          g_assert_cmpint (cmp, <, 0);
        else if (i > j)
          g_assert_cmpint (cmp, >, 0);
        else
          g_assert_cmpint (cmp, ==, 0);
      }
}

static void
test_span (void)
{
  ImpactDate date;
  double start, end;

  date = parse ("2006");
  impact_date_get_span (&date, &start, &end);
  g_assert_cmpfloat_with_epsilon (start, 2006.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (end, 2007.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (impact_date_to_year_fraction (&date), 2006.5, 1e-9);

  date = parse ("2006-07");
  impact_date_get_span (&date, &start, &end);
  g_assert_cmpfloat_with_epsilon (start, 2006.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (end, 2006.5 + 1.0 / 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (impact_date_to_year_fraction (&date), 2006.5 + 1.0 / 24, 1e-9);

  /* 1 July is day 182 of 365 */
  date = parse ("2006-07-01");
  impact_date_get_span (&date, &start, &end);
  g_assert_cmpfloat_with_epsilon (start, 2006 + 181.0 / 365, 1e-9);
  g_assert_cmpfloat_with_epsilon (end - start, 1.0 / 365, 1e-9);

  /* leap years have 366 days: 31 December starts at 365/366 */
  date = parse ("2008-12-31");
  impact_date_get_span (&date, &start, &end);
  g_assert_cmpfloat_with_epsilon (start, 2008 + 365.0 / 366, 1e-9);
  g_assert_cmpfloat_with_epsilon (end, 2009.0, 1e-9);

  /* optional outputs */
  impact_date_get_span (&date, NULL, &end);
  g_assert_cmpfloat_with_epsilon (end, 2009.0, 1e-9);
  impact_date_get_span (&date, &start, NULL);
  g_assert_cmpfloat_with_epsilon (start, 2008 + 365.0 / 366, 1e-9);

  /* every span lies inside the span of the less precise date */
  {
    ImpactDate year = parse ("2012");
    double ys, ye;

    impact_date_get_span (&year, &ys, &ye);
    for (int month = 1; month <= 12; month++)
      {
        ImpactDate d = { 2012, month, 0 };

        impact_date_get_span (&d, &start, &end);
        g_assert_cmpfloat (start, >=, ys);
        g_assert_cmpfloat (end, <=, ye + 1e-9);
        g_assert_cmpfloat (start, <, end);
      }
  }
}

static void
test_iso_round_trip (void)
{
  const char *cases[] = { "2006", "2006-07", "2006-07-31", "0001", "0999-01-09", "2008-02-29" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ImpactDate date = parse (cases[i]);
      g_autofree char *iso = impact_date_to_iso (&date);
      ImpactDate again = { 0 };

      g_assert_cmpstr (iso, ==, cases[i]);
      g_assert_true (impact_date_parse (iso, &again));
      g_assert_cmpint (impact_date_compare (&date, &again), ==, 0);
    }

  {
    ImpactDate none = { 0 };
    g_autofree char *iso = impact_date_to_iso (&none);

    g_assert_cmpstr (iso, ==, "");
  }
}

static void
test_format (void)
{
  ImpactDate date = parse ("2006");
  g_autofree char *year = impact_date_format (&date);
  g_autofree char *month = NULL;
  g_autofree char *day = NULL;

  g_assert_cmpstr (year, ==, "2006");
  /* LC_ALL=C.UTF-8 in the test environment: English month names */
  date = parse ("2006-07");
  month = impact_date_format (&date);
  g_assert_cmpstr (month, ==, "July 2006");
  date = parse ("2006-07-01");
  day = impact_date_format (&date);
  g_assert_cmpstr (day, ==, "1 July 2006");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse/valid", test_parse_valid);
  g_test_add_func ("/date/parse/invalid", test_parse_invalid);
  g_test_add_func ("/date/is-valid", test_is_valid);
  g_test_add_func ("/date/compare", test_compare);
  g_test_add_func ("/date/span", test_span);
  g_test_add_func ("/date/iso-round-trip", test_iso_round_trip);
  g_test_add_func ("/date/format", test_format);

  return g_test_run ();
}
