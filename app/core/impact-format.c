/* impact-format.c
 *
 * ICU's number skeletons (unumf, immutable and thread-safe once made) for
 * numbers, and date formats (udat, not thread-safe: used under the lock)
 * from the date-time pattern generator, so "yMMMMd" gets each language's
 * order and words. Both are cached per ICU locale ID, and so is the
 * generator (opened at the first date a locale formats, kept for the
 * process: batch workers are processes of their own).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "impact-format.h"
#include "impact-script.h"

#include <math.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/uloc.h>
#include <unicode/unumberformatter.h>
#include <unicode/ustring.h>

/* Kinds of cached formatter */
typedef enum
{
  KIND_DECIMAL,
  KIND_PERCENT,
  KIND_CURRENCY,
  KIND_DATE,
} Kind;

typedef struct
{
  Kind              kind;
  UNumberFormatter *number;
  UDateFormat      *date;
} Formatter;

/* A fuzzer or a batch of odd documents could ask for any number of tags:
 * past this many formatters the cache starts again. */
#define MAX_CACHED 512

static GMutex cache_lock;
static GHashTable *cache;        /* "locale|kind|detail" -> Formatter */
static GHashTable *generators;   /* locale -> UDateTimePatternGenerator, under cache_lock:
                                  * opening one reads the locale's whole calendar data,
                                  * which each date skeleton did again */

static void
formatter_free (gpointer data)
{
  Formatter *f = data;

  if (f->number)
    unumf_close (f->number);
  if (f->date)
    udat_close (f->date);
  g_free (f);
}

static void
generator_free (gpointer data)
{
  udatpg_close (data);
}

/* Called with cache_lock held; NULL when ICU has none for @locale */
static UDateTimePatternGenerator *
get_generator (const char *locale)
{
  UDateTimePatternGenerator *gen;
  UErrorCode status = U_ZERO_ERROR;

  if (generators == NULL)
    generators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, generator_free);
  if ((gen = g_hash_table_lookup (generators, locale)) != NULL)
    return gen;
  gen = udatpg_open (locale, &status);
  if (U_FAILURE (status))
    {
      if (gen)
        udatpg_close (gen);
      return NULL;
    }
  g_hash_table_insert (generators, g_strdup (locale), gen);
  return gen;
}

static gpointer
load_languages (gpointer data)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int n = uloc_countAvailable ();

  (void) data;
  /* ICU's available locale IDs are canonical ("sr_Latn_BA"): the language
   * is what comes before the first "_", as uloc_getLanguage() says, which
   * parsed each of the 800 IDs in full */
  for (int i = 0; i < n; i++)
    {
      const char *id = uloc_getAvailable (i);
      gsize length = id ? strcspn (id, "_@") : 0;
      char lang[ULOC_LANG_CAPACITY];

      if (length == 0 || length >= sizeof lang)
        continue;
      memcpy (lang, id, length);
      lang[length] = '\0';
      if (!g_hash_table_contains (set, lang))
        g_hash_table_add (set, g_strdup (lang));
    }
  return set;
}

static GHashTable *
get_languages (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, load_languages, NULL);
  return once.retval;
}

ImpactDigits
impact_format_digits_from_string (const char *digits)
{
  if (g_strcmp0 (digits, "native") == 0)
    return IMPACT_DIGITS_NATIVE;
  if (g_strcmp0 (digits, "latin") == 0)
    return IMPACT_DIGITS_LATIN;
  return IMPACT_DIGITS_DEFAULT;
}

ImpactDigits
impact_format_document_digits (ImpactDocument *document)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (document), IMPACT_DIGITS_DEFAULT);

  return impact_format_digits_from_string (impact_document_get_digits (document));
}

gboolean
impact_format_has_language (const char *language)
{
  char locale[ULOC_FULLNAME_CAPACITY] = { 0 };
  char lang[ULOC_LANG_CAPACITY] = { 0 };
  UErrorCode status = U_ZERO_ERROR;

  if (language == NULL || *language == '\0')
    return TRUE;
  uloc_forLanguageTag (language, locale, sizeof locale - 1, NULL, &status);
  if (U_FAILURE (status))
    return FALSE;
  uloc_getLanguage (locale, lang, sizeof lang, &status);
  if (U_FAILURE (status) || lang[0] == '\0')
    return FALSE;
  return g_hash_table_contains (get_languages (), lang);
}

/* The ICU locale ID for a tag and a digits choice: "bn@numbers=beng" */
static void
resolve_locale (const char   *language,
                ImpactDigits  digits,
                char         *out,
                gsize         size)
{
  UErrorCode status = U_ZERO_ERROR;
  char value[32] = { 0 };

  out[0] = '\0';
  if (language == NULL || *language == '\0')
    {
      const char *def = uloc_getDefault ();

      if (def == NULL || *def == '\0' || g_str_has_prefix (def, "en_US_POSIX") ||
          g_ascii_strcasecmp (def, "c") == 0 || g_str_has_prefix (def, "C.") ||
          g_ascii_strcasecmp (def, "posix") == 0)
        g_strlcpy (out, "en_GB", size);
      else
        g_strlcpy (out, def, size);
    }
  else if (!impact_format_has_language (language))
    g_strlcpy (out, "en", size);
  else
    {
      uloc_forLanguageTag (language, out, (int32_t) size - 1, NULL, &status);
      if (U_FAILURE (status) || out[0] == '\0')
        g_strlcpy (out, "en", size);
    }

  /* dates are ISO dates, and a Gregorian year is no other calendar's */
  status = U_ZERO_ERROR;
  uloc_setKeywordValue ("calendar", "gregorian", out, (int32_t) size - 1, &status);

  status = U_ZERO_ERROR;
  if (digits == IMPACT_DIGITS_LATIN)
    uloc_setKeywordValue ("numbers", "latn", out, (int32_t) size - 1, &status);
  else if (digits == IMPACT_DIGITS_NATIVE)
    uloc_setKeywordValue ("numbers", "native", out, (int32_t) size - 1, &status);
  else if (uloc_getKeywordValue (out, "numbers", value, sizeof value - 1, &status) <= 0 ||
           U_FAILURE (status))
    {
      status = U_ZERO_ERROR;
      uloc_setKeywordValue ("numbers", "latn", out, (int32_t) size - 1, &status);
    }
}

static void cached_locale (const char   *language,
                           ImpactDigits  digits,
                           gboolean      date,
                           char         *out,
                           gsize         size);

static char *
utf16_to_utf8 (const UChar *text,
               int32_t      length)
{
  char *out = g_utf16_to_utf8 ((const gunichar2 *) text, length, NULL, NULL, NULL);

  return out ? out : g_strdup ("");
}

/* Called with cache_lock held */
static Formatter *
lookup (const char *locale,
        Kind        kind,
        const char *detail)
{
  g_autofree char *key = g_strdup_printf ("%s|%d|%s", locale, kind, detail);
  Formatter *f;
  UErrorCode status = U_ZERO_ERROR;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, formatter_free);
  if ((f = g_hash_table_lookup (cache, key)) != NULL)
    return f;
  if (g_hash_table_size (cache) >= MAX_CACHED)
    {
      g_hash_table_remove_all (cache);
      if (generators)
        g_hash_table_remove_all (generators);
    }

  f = g_new0 (Formatter, 1);
  f->kind = kind;
  if (kind == KIND_DATE)
    {
      UChar skeleton[32], pattern[128];
      UChar tz[] = { 'U', 'T', 'C', 0 };
      UDateTimePatternGenerator *gen = get_generator (locale);
      int32_t len = 0;

      u_uastrcpy (skeleton, detail);
      if (gen == NULL)
        status = U_MISSING_RESOURCE_ERROR;
      else
        len = udatpg_getBestPattern (gen, skeleton, -1, pattern, G_N_ELEMENTS (pattern) - 1, &status);
      if (U_SUCCESS (status) && len > 0)
        f->date = udat_open (UDAT_PATTERN, UDAT_PATTERN, locale, tz, -1, pattern, len, &status);
      if (U_SUCCESS (status) && f->date)
        {
          UCalendar *cal = ucal_open (tz, -1, locale, UCAL_GREGORIAN, &status);

          /* proleptic Gregorian: no switch to the Julian calendar in 1582 */
          if (U_SUCCESS (status))
            ucal_setGregorianChange (cal, -8.64e15, &status);
          if (U_SUCCESS (status))
            udat_setCalendar (f->date, cal);
          if (cal)
            ucal_close (cal);
        }
    }
  else
    {
      UChar skeleton[128];

      u_uastrcpy (skeleton, detail);
      f->number = unumf_openForSkeletonAndLocale (skeleton, -1, locale, &status);
    }

  if (U_FAILURE (status) || (f->number == NULL && f->date == NULL))
    {
      g_debug ("no ICU formatter for %s (%s): %s", locale, detail, u_errorName (status));
      formatter_free (f);
      return NULL;
    }
  g_hash_table_insert (cache, g_steal_pointer (&key), f);
  return f;
}

/* ICU writes the minus of most languages as U+002D; the sheet sets U+2212 */
static char *
typographic_minus (char *text)
{
  GString *out;

  if (strchr (text, '-') == NULL)
    return text;
  out = g_string_new (NULL);
  for (const char *p = text; *p; p++)
    {
      if (*p == '-')
        g_string_append (out, "−");
      else
        g_string_append_c (out, *p);
    }
  g_free (text);
  return g_string_free (out, FALSE);
}

/* @integer is used when @is_integer, else @value */
static char *
format_number (const char   *language,
               ImpactDigits  digits,
               Kind          kind,
               const char   *skeleton,
               double        value,
               gboolean      is_integer,
               gint64        integer)
{
  char locale[ULOC_FULLNAME_CAPACITY + 64];
  Formatter *f;
  UErrorCode status = U_ZERO_ERROR;
  UFormattedNumber *result = NULL;
  UChar buf[128];
  int32_t len = 0;
  char *out = NULL;

  if (!isfinite (value))
    value = 0.0;
  cached_locale (language, digits, FALSE, locale, sizeof locale);

  /* an UNumberFormatter is immutable, but lookup() may drop entries when
   * the cache is full: the lock is held while one is in use */
  g_mutex_lock (&cache_lock);
  f = lookup (locale, kind, skeleton);
  if (f != NULL)
    result = unumf_openResult (&status);
  if (result != NULL)
    {
      if (is_integer)
        unumf_formatInt (f->number, integer, result, &status);
      else
        unumf_formatDouble (f->number, value, result, &status);
      if (U_SUCCESS (status))
        len = unumf_resultToString (result, buf, G_N_ELEMENTS (buf) - 1, &status);
      if (U_SUCCESS (status) && len > 0)
        out = utf16_to_utf8 (buf, len);
      unumf_closeResult (result);
    }
  g_mutex_unlock (&cache_lock);

  if (out == NULL)
    out = is_integer ? g_strdup_printf ("%" G_GINT64_FORMAT, integer) : g_strdup_printf ("%.0f", value);
  return typographic_minus (out);
}

/* ".00 rounding-mode-half-up sign-negative" for 2 decimals */
static char *
decimal_skeleton (const char *unit,
                  guint       decimals)
{
  GString *s = g_string_new (unit);

  decimals = MIN (decimals, 6);
  if (s->len > 0)
    g_string_append_c (s, ' ');
  if (decimals == 0)
    g_string_append (s, "precision-integer");
  else
    {
      g_string_append_c (s, '.');
      for (guint i = 0; i < decimals; i++)
        g_string_append_c (s, '0');
    }
  g_string_append (s, " rounding-mode-half-up sign-negative");
  return g_string_free (s, FALSE);
}

char *
impact_format_decimal (const char   *language,
                       ImpactDigits  digits,
                       double        value,
                       guint         decimals)
{
  g_autofree char *skeleton = decimal_skeleton ("", decimals);

  return format_number (language, digits, KIND_DECIMAL, skeleton, value, FALSE, 0);
}

char *
impact_format_integer (const char   *language,
                       ImpactDigits  digits,
                       gint64        value)
{
  return format_number (language, digits, KIND_DECIMAL,
                        "precision-integer sign-negative", 0, TRUE, value);
}

char *
impact_format_percent (const char   *language,
                       ImpactDigits  digits,
                       double        value,
                       guint         decimals)
{
  g_autofree char *skeleton = decimal_skeleton ("percent", decimals);

  return format_number (language, digits, KIND_PERCENT, skeleton, value, FALSE, 0);
}

char *
impact_format_currency (const char   *language,
                        ImpactDigits  digits,
                        double        value,
                        guint         decimals,
                        const char   *currency)
{
  g_autofree char *unit = NULL;
  g_autofree char *skeleton = NULL;

  g_return_val_if_fail (currency != NULL, NULL);

  /* an ISO 4217 code is three ASCII letters; anything else is not passed to ICU */
  if (strlen (currency) != 3 || !g_ascii_isalpha (currency[0]) ||
      !g_ascii_isalpha (currency[1]) || !g_ascii_isalpha (currency[2]))
    return impact_format_decimal (language, digits, value, decimals);
  unit = g_strdup_printf ("currency/%c%c%c", g_ascii_toupper (currency[0]),
                          g_ascii_toupper (currency[1]), g_ascii_toupper (currency[2]));
  skeleton = decimal_skeleton (unit, decimals);
  return format_number (language, digits, KIND_CURRENCY, skeleton, value, FALSE, 0);
}

/* Dates */

/* The ICU locale of a date: resolve_locale()'s, except that English
 * without a region ("en", and a language CLDR lacks, written as English)
 * dates the British way, the sheet's house style: "15 August 2017", not
 * CLDR en's US "August 15, 2017" (which "en-US" keeps) */
static void
resolve_date_locale (const char   *language,
                     ImpactDigits  digits,
                     char         *out,
                     gsize         size)
{
  char lang[ULOC_LANG_CAPACITY] = { 0 };
  char country[ULOC_COUNTRY_CAPACITY] = { 0 };
  UErrorCode status = U_ZERO_ERROR;

  resolve_locale (language, digits, out, size);
  uloc_getLanguage (out, lang, sizeof lang, &status);
  if (U_SUCCESS (status))
    uloc_getCountry (out, country, sizeof country, &status);
  if (U_SUCCESS (status) && strcmp (lang, "en") == 0 && country[0] == '\0')
    {
      g_autofree char *british = g_strconcat ("en_GB", strchr (out, '@') ? strchr (out, '@') : "", NULL);

      g_strlcpy (out, british, size);
    }
}

/* resolve_locale() (or, for a date, resolve_date_locale()) of a tag, kept
 * for the process: parsing the tag and setting the keywords cost more
 * than formatting. Not for the default language, which is whatever
 * ICU's default locale is at the time. */
static void
cached_locale (const char   *language,
               ImpactDigits  digits,
               gboolean      date,
               char         *out,
               gsize         size)
{
  static GMutex lock;
  static GHashTable *locales;  /* "date|digits|tag" -> ICU locale ID */
  g_autofree char *key = NULL;
  const char *found;

  if (language == NULL || *language == '\0')
    {
      if (date)
        resolve_date_locale (language, digits, out, size);
      else
        resolve_locale (language, digits, out, size);
      return;
    }
  key = g_strdup_printf ("%d|%d|%s", date ? 1 : 0, (int) digits, language);
  g_mutex_lock (&lock);
  if (locales == NULL)
    locales = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if ((found = g_hash_table_lookup (locales, key)) != NULL)
    {
      g_strlcpy (out, found, size);
      g_mutex_unlock (&lock);
      return;
    }
  g_mutex_unlock (&lock);

  if (date)
    resolve_date_locale (language, digits, out, size);
  else
    resolve_locale (language, digits, out, size);

  g_mutex_lock (&lock);
  if (g_hash_table_size (locales) >= MAX_CACHED)
    g_hash_table_remove_all (locales);
  g_hash_table_replace (locales, g_steal_pointer (&key), g_strdup (out));
  g_mutex_unlock (&lock);
}

static char *
format_udate (const char   *language,
              ImpactDigits  digits,
              const char   *skeleton,
              int           year,
              int           month,
              int           day)
{
  char locale[ULOC_FULLNAME_CAPACITY + 64];
  Formatter *f;
  GDate g;
  UDate when;
  UChar buf[256];
  int32_t len = 0;
  UErrorCode status = U_ZERO_ERROR;
  char *out = NULL;

  if (year < 1 || year > 9999 || month < 1 || month > 12 ||
      day < 1 || day > g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year))
    return g_strdup ("");

  /* days since 1970-01-01 in the proleptic Gregorian calendar, at noon */
  g_date_clear (&g, 1);
  g_date_set_dmy (&g, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  when = ((double) g_date_get_julian (&g) - 719163.0) * 86400000.0 + 43200000.0;

  cached_locale (language, digits, TRUE, locale, sizeof locale);
  g_mutex_lock (&cache_lock);
  f = lookup (locale, KIND_DATE, skeleton);
  if (f != NULL)
    {
      len = udat_format (f->date, when, buf, G_N_ELEMENTS (buf) - 1, NULL, &status);
      if (U_SUCCESS (status) && len > 0)
        out = utf16_to_utf8 (buf, len);
    }
  g_mutex_unlock (&cache_lock);

  if (out == NULL)
    out = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  return out;
}

char *
impact_format_date (const char       *language,
                    ImpactDigits      digits,
                    const ImpactDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  switch (impact_date_get_precision (date))
    {
    case IMPACT_DATE_PRECISION_YEAR:
      return impact_format_year (language, digits, date->year);
    case IMPACT_DATE_PRECISION_MONTH:
      return format_udate (language, digits, "yMMMM", date->year, date->month, 1);
    case IMPACT_DATE_PRECISION_DAY:
      return format_udate (language, digits, "yMMMMd", date->year, date->month, date->day);
    case IMPACT_DATE_PRECISION_NONE:
    default:
      return g_strdup ("");
    }
}

char *
impact_format_year (const char   *language,
                    ImpactDigits  digits,
                    int           year)
{
  return format_udate (language, digits, "y", year, 1, 1);
}

char *
impact_format_month_abbrev (const char   *language,
                            ImpactDigits  digits,
                            int           year,
                            int           month)
{
  if (year == 0)
    return format_udate (language, digits, "LLL", 2000, month, 1);
  return format_udate (language, digits, "yMMM", year, month, 1);
}

/* Statistics */

char *
impact_format_statistic_number (const char            *language,
                                ImpactDigits           digits,
                                const ImpactStatistic *stat)
{
  g_autofree char *number = NULL;
  GString *out;
  double value;

  g_return_val_if_fail (stat != NULL, NULL);

  value = isfinite (stat->value) ? stat->value : 0.0;
  value = CLAMP (value, -IMPACT_STATISTIC_MAX_VALUE, IMPACT_STATISTIC_MAX_VALUE);
  number = impact_format_decimal (language, digits, value, MIN (stat->decimals, 6));
  out = g_string_new (stat->prefix);
  g_string_append (out, number);
  if (stat->qualifier)
    g_string_append (out, stat->qualifier);
  return g_string_free (out, FALSE);
}

static gboolean
is_percent_sign (const char *text)
{
  return g_strcmp0 (text, "%") == 0 || g_strcmp0 (text, "٪") == 0;
}

char *
impact_format_statistic_suffix (const char            *language,
                                ImpactDigits           digits,
                                const ImpactStatistic *stat)
{
  g_autofree char *one = NULL;
  g_autofree char *digit_one = NULL;
  const char *p;

  g_return_val_if_fail (stat != NULL, NULL);

  if (stat->suffix == NULL || *stat->suffix == '\0')
    return NULL;
  if (!is_percent_sign (stat->suffix))
    return g_strdup (stat->suffix);

  /* what the language writes after a number in percent: "1 %" -> " %" */
  digit_one = impact_format_integer (language, digits, 1);
  one = impact_format_percent (language, digits, 1, 0);
  p = strstr (one, digit_one);
  if (p == NULL || p[strlen (digit_one)] == '\0')
    return g_strdup (stat->suffix);   /* the sign goes first ("%1"): keep the data's */
  return g_strdup (p + strlen (digit_one));
}

char *
impact_format_statistic_full (const char            *language,
                              ImpactDigits           digits,
                              const ImpactStatistic *stat)
{
  gboolean follows = (stat->scale && *stat->scale) || (stat->suffix && *stat->suffix);
  ImpactStatistic bare = *stat;
  g_autofree char *number = NULL;
  g_autofree char *suffix = impact_format_statistic_suffix (language, digits, stat);
  GString *out;

  /* a qualifier qualifies the whole figure: "95%+", "1.2 million+" */
  if (follows)
    bare.qualifier = NULL;
  number = impact_format_statistic_number (language, digits, &bare);
  out = g_string_new (number);
  if (stat->scale && *stat->scale)
    g_string_append_printf (out, " %s", stat->scale);
  if (suffix)
    g_string_append (out, suffix);
  if (follows && stat->qualifier)
    g_string_append (out, stat->qualifier);
  return g_string_free (out, FALSE);
}

char *
impact_format_milestone_metrics (const char            *language,
                                 ImpactDigits           digits,
                                 const ImpactMilestone *milestone)
{
  GString *out = g_string_new (NULL);
  const char *separator = " · ";

  g_return_val_if_fail (milestone != NULL, NULL);

  /* a script with its own list separator uses it: the Arabic comma, as a
   * middle dot beside Arabic-Indic digits reads as a zero ("٢ · ٣" as ٢ ٠٣) */
  if (milestone->metrics->len > 1)
    {
      const ImpactMetric *first = &g_array_index (milestone->metrics, ImpactMetric, 0);
      const char *own = impact_script_get_list_separator (language, first->name);

      if (strcmp (own, ", ") != 0)
        separator = own;
    }
  for (guint i = 0; i < milestone->metrics->len; i++)
    {
      const ImpactMetric *metric = &g_array_index (milestone->metrics, ImpactMetric, i);
      g_autofree char *count = impact_format_integer (language, digits, metric->value);

      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append_printf (out, "%s %s", count, metric->name);
    }
  return g_string_free (out, FALSE);
}

char *
impact_format_localize_digits (const char   *language,
                               ImpactDigits  digits,
                               const char   *text)
{
  char digit[10][8];
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  for (int d = 0; d < 10; d++)
    {
      g_autofree char *one = impact_format_integer (language, digits, d);

      g_strlcpy (digit[d], one ? one : "", sizeof digit[d]);
    }
  if (strcmp (digit[0], "0") == 0)
    return g_strdup (text);
  out = g_string_sized_new (strlen (text) * 2);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p >= '0' && *p <= '9' && digit[*p - '0'][0] != '\0')
        g_string_append (out, digit[*p - '0']);
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}
