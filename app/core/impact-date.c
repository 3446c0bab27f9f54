/* impact-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "impact-date.h"
#include "impact-format.h"

#include <string.h>

static int
days_in_month (int year,
               int month)
{
  return g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

static gboolean
parse_digits (const char *p,
              int         n,
              int        *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }
  *out = v;
  return TRUE;
}

gboolean
impact_date_parse (const char *text,
                   ImpactDate *out_date)
{
  ImpactDate d = { 0 };
  int year, month = 0, day = 0;
  gsize len;

  g_return_val_if_fail (out_date != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  len = strlen (text);
  if (len != 4 && len != 7 && len != 10)
    return FALSE;
  if (!parse_digits (text, 4, &year) || year < 1)
    return FALSE;
  if (len >= 7)
    {
      if (text[4] != '-' || !parse_digits (text + 5, 2, &month) || month < 1 || month > 12)
        return FALSE;
    }
  if (len == 10)
    {
      if (text[7] != '-' || !parse_digits (text + 8, 2, &day) || day < 1 ||
          day > days_in_month (year, month))
        return FALSE;
    }

  d.year = year;
  d.month = month;
  d.day = day;
  *out_date = d;
  return TRUE;
}

ImpactDatePrecision
impact_date_get_precision (const ImpactDate *date)
{
  if (date == NULL || date->year == 0)
    return IMPACT_DATE_PRECISION_NONE;
  if (date->month == 0)
    return IMPACT_DATE_PRECISION_YEAR;
  if (date->day == 0)
    return IMPACT_DATE_PRECISION_MONTH;
  return IMPACT_DATE_PRECISION_DAY;
}

gboolean
impact_date_is_valid (const ImpactDate *date)
{
  if (date == NULL || date->year < 1 || date->year > 9999)
    return FALSE;
  if (date->month > 12)
    return FALSE;
  if (date->month == 0)
    return date->day == 0;
  if (date->day == 0)
    return TRUE;
  return date->day <= days_in_month (date->year, date->month);
}

int
impact_date_compare (const ImpactDate *a,
                     const ImpactDate *b)
{
  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  if (a->month != b->month)
    return a->month < b->month ? -1 : 1;
  if (a->day != b->day)
    return a->day < b->day ? -1 : 1;
  return 0;
}

void
impact_date_get_span (const ImpactDate *date,
                      double           *start,
                      double           *end)
{
  double s, e;

  switch (impact_date_get_precision (date))
    {
    case IMPACT_DATE_PRECISION_YEAR:
      s = date->year;
      e = s + 1.0;
      break;

    case IMPACT_DATE_PRECISION_MONTH:
      s = date->year + (date->month - 1) / 12.0;
      e = s + 1.0 / 12.0;
      break;

    case IMPACT_DATE_PRECISION_DAY:
      {
        GDate g;
        int ndays = g_date_is_leap_year (date->year) ? 366 : 365;

        g_date_clear (&g, 1);
        g_date_set_dmy (&g, date->day, date->month, date->year);
        s = date->year + (g_date_get_day_of_year (&g) - 1) / (double) ndays;
        e = s + 1.0 / ndays;
      }
      break;

    case IMPACT_DATE_PRECISION_NONE:
    default:
      s = e = 0.0;
      break;
    }

  if (start)
    *start = s;
  if (end)
    *end = e;
}

double
impact_date_to_year_fraction (const ImpactDate *date)
{
  double s, e;

  impact_date_get_span (date, &s, &e);
  return (s + e) / 2.0;
}

char *
impact_date_to_iso (const ImpactDate *date)
{
  switch (impact_date_get_precision (date))
    {
    case IMPACT_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%04d", date->year);
    case IMPACT_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04d-%02d", date->year, date->month);
    case IMPACT_DATE_PRECISION_DAY:
      return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);
    case IMPACT_DATE_PRECISION_NONE:
    default:
      return g_strdup ("");
    }
}

char *
impact_date_format (const ImpactDate *date)
{
  return impact_format_date (NULL, IMPACT_DIGITS_DEFAULT, date);
}
