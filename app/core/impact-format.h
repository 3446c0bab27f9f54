/* impact-format.h: numbers and dates in the document's language
 *
 * The one place the sheet turns numbers and dates into text. Every function
 * takes the document's BCP 47 language tag ("es", "fr", "en-IN",
 * "bn-u-nu-beng") and follows CLDR through ICU: grouping (es 18.250, but
 * 5470 stays 5470 as CLDR's minimumGroupingDigits 2 asks; fr 18 250 with
 * U+202F; en-IN and hi in lakhs, 12,84,000), the decimal separator, the
 * percent sign and its space ("64 %" in fr), currencies, month names and
 * date order.
 *
 * @language NULL or "" means the process locale (the window's), as before
 * documents had a language; the C and POSIX locales count as "en-GB" (the
 * sheet's house style before: "5,470", "1 July 2006"). A language CLDR has
 * no data for is formatted as English ("en"); impact_format_has_language()
 * tells when that happens.
 *
 * Digits: Latin digits unless the data asks for others, through @digits or
 * a "-u-nu-" extension in the tag ("bn-u-nu-beng", "ar-u-nu-arab").
 *
 * Thread-safe: the formatters are cached per language and shared by all
 * threads (the command line exports with worker threads).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "impact-date.h"
#include "impact-document.h"

G_BEGIN_DECLS

typedef enum
{
  IMPACT_DIGITS_DEFAULT = 0,  /* the tag's -u-nu- extension, else Latin */
  IMPACT_DIGITS_LATIN,        /* 0123456789 whatever the tag says */
  IMPACT_DIGITS_NATIVE,       /* the language's own digits: ০১২ in bn, ٠١٢ in ar */
} ImpactDigits;

/* The "digits" member of the data: "native", "latin", else DEFAULT */
ImpactDigits impact_format_digits_from_string (const char *digits);

/* The digits @document asks for ("digits" in the data) */
ImpactDigits impact_format_document_digits    (ImpactDocument *document);

/* FALSE when CLDR has no data for the tag's language ("xx"): the functions
 * below then format as English. NULL and "" are TRUE (the process locale). */
gboolean impact_format_has_language   (const char   *language);

/* @value rounded to @decimals (0..6) digits after the separator, half away
 * from zero on the number as written (0.285 -> 0.29), grouped; a negative
 * value that does not round to 0 gets the minus sign U+2212. */
char    *impact_format_decimal        (const char   *language,
                                       ImpactDigits  digits,
                                       double        value,
                                       guint         decimals);
char    *impact_format_integer        (const char   *language,
                                       ImpactDigits  digits,
                                       gint64        value);
/* @value in percent: 64 -> "64%" (en), "64 %" (fr, U+202F), "٪64" … */
char    *impact_format_percent        (const char   *language,
                                       ImpactDigits  digits,
                                       double        value,
                                       guint         decimals);
/* @currency: an ISO 4217 code, "USD", "EUR", "INR" */
char    *impact_format_currency       (const char   *language,
                                       ImpactDigits  digits,
                                       double        value,
                                       guint         decimals,
                                       const char   *currency);

/* A partial date by its precision: "2017", "August 2017", "15 August 2017"
 * (en-GB); "agosto de 2017", "15 de agosto de 2017" (es). Gregorian
 * calendar, proleptic before 1582. "" for a date without a year. */
char    *impact_format_date           (const char       *language,
                                       ImpactDigits      digits,
                                       const ImpactDate *date);
/* @text with each Latin digit written in the language's own digits when
 * the data asks for them ("2019-20" -> "২০১৯-২০"); the rest is kept */
char    *impact_format_localize_digits (const char   *language,
                                        ImpactDigits  digits,
                                        const char   *text);
/* The year alone, "2017" (or "২০১৭" with native Bengali digits) */
char    *impact_format_year           (const char   *language,
                                       ImpactDigits  digits,
                                       int           year);
/* Abbreviated month with its year for timeline ticks: "Aug 2017", "ago 2017";
 * @year 0: the month alone, "Aug" */
char    *impact_format_month_abbrev   (const char   *language,
                                       ImpactDigits  digits,
                                       int           year,
                                       int           month);

/* A statistic's big number: prefix, number (grouping, decimals, sign of the
 * language) and qualifier: "$150", "18.250", "330+"; scale and suffix are
 * set apart (smaller) and not included. */
char    *impact_format_statistic_number (const char            *language,
                                         ImpactDigits           digits,
                                         const ImpactStatistic *stat);
/* The suffix as the language writes it after a number: a "%" suffix takes
 * the language's percent sign and space ("\u00A0%" in fr, "٪" with
 * Arabic-Indic digits);
 * any other suffix is the data's, unchanged. NULL when there is none. */
char    *impact_format_statistic_suffix (const char            *language,
                                         ImpactDigits           digits,
                                         const ImpactStatistic *stat);
/* Number, scale word (the data's) and suffix, as read aloud:
 * "$150 billion", "64 %" */
char    *impact_format_statistic_full   (const char            *language,
                                         ImpactDigits           digits,
                                         const ImpactStatistic *stat);
/* "2 rescued · 3 arrested", the counts in the language's digits and grouping */
char    *impact_format_milestone_metrics (const char             *language,
                                          ImpactDigits            digits,
                                          const ImpactMilestone  *milestone);

G_END_DECLS
