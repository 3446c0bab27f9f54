/* impact-date.h: partial calendar dates (YYYY, YYYY-MM, YYYY-MM-DD)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  IMPACT_DATE_PRECISION_NONE = 0,
  IMPACT_DATE_PRECISION_YEAR,
  IMPACT_DATE_PRECISION_MONTH,
  IMPACT_DATE_PRECISION_DAY,
} ImpactDatePrecision;

typedef struct
{
  gint16 year;   /* 1..9999 */
  guint8 month;  /* 0 when unknown, else 1..12 */
  guint8 day;    /* 0 when unknown, else 1..31 */
} ImpactDate;

gboolean            impact_date_parse          (const char       *text,
                                                ImpactDate       *out_date);
ImpactDatePrecision impact_date_get_precision  (const ImpactDate *date);
gboolean            impact_date_is_valid       (const ImpactDate *date);
int                 impact_date_compare        (const ImpactDate *a,
                                                const ImpactDate *b);
/* Fractional year at the middle of the span the date covers:
 * 2006 -> 2006.5, 2006-07 -> 2006.54, 2006-07-01 -> 2006.50 */
double              impact_date_to_year_fraction (const ImpactDate *date);
/* Start and end (exclusive) of the span the date covers, as fractional years. */
void                impact_date_get_span       (const ImpactDate *date,
                                                double           *start,
                                                double           *end);
/* ISO form, as stored: "2006", "2006-07", "2006-07-01" */
char               *impact_date_to_iso         (const ImpactDate *date);
/* Display form in the process locale's language: "2006", "July 2006",
 * "1 July 2006"; the sheet uses impact_format_date() with the document's */
char               *impact_date_format         (const ImpactDate *date);

G_END_DECLS
