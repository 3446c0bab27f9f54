/* test-format.c: numbers and dates in the document's language (CLDR via ICU)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <unicode/uloc.h>

#include "impact-format.h"
#include "impact-json-loader.h"
#include "impact-json-writer.h"

typedef struct
{
  const char   *language;
  ImpactDigits  digits;
  double        value;
  guint         decimals;
  const char   *expected;
} NumberCase;

static void
test_format_decimal (void)
{
  const NumberCase cases[] = {
    { "en", 0, 18250, 0, "18,250" },
    { "en", 0, 1234567.891, 2, "1,234,567.89" },
    { "en", 0, -1234.5, 1, "−1,234.5" },
    { "en", 0, -0.004, 2, "0.00" },          /* never −0 */
    { "en", 0, 0.285, 2, "0.29" },           /* half away from zero, as written */
    /* es groups by thousands with a point, but CLDR's minimumGroupingDigits
     * is 2 for es: a four-digit number is not grouped */
    { "es", 0, 18250, 0, "18.250" },
    { "es", 0, 5470, 0, "5470" },
    { "es", 0, 40.3, 1, "40,3" },
    { "es-MX", 0, 18250.5, 1, "18,250.5" },  /* Mexican Spanish: comma and point */
    /* fr: U+202F narrow no-break space between groups, comma for decimals */
    { "fr", 0, 18250, 0, "18\u202F250" },
    { "fr", 0, 5470, 0, "5\u202F470" },
    { "fr", 0, 1284000.25, 2, "1\u202F284\u202F000,25" },
    { "pt", 0, 5470, 0, "5.470" },
    { "pt-BR", 0, 40.3, 1, "40,3" },
    { "de", 0, 1234567.5, 1, "1.234.567,5" },
    /* lakh and crore grouping */
    { "en-IN", 0, 1284000, 0, "12,84,000" },
    { "hi", 0, 1284000, 0, "12,84,000" },
    { "hi", 0, 123456789, 0, "12,34,56,789" },
    { "bn", 0, 1284000, 0, "12,84,000" },
    /* native digits: asked for by the data, or by the tag */
    { "bn", IMPACT_DIGITS_NATIVE, 1284000, 0, "১২,৮৪,০০০" },
    { "bn-u-nu-beng", 0, 5470.5, 1, "৫,৪৭০.৫" },
    { "bn-u-nu-beng", IMPACT_DIGITS_LATIN, 5470, 0, "5,470" },
    { "hi", IMPACT_DIGITS_NATIVE, 1284000, 0, "१२,८४,०००" },
    /* Arabic: Latin digits by default; Arabic-Indic with their own separators */
    { "ar", 0, 18250, 0, "18,250" },
    { "ar", IMPACT_DIGITS_NATIVE, 18250.5, 1, "١٨٬٢٥٠٫٥" },
    { "sw", 0, 18250.5, 1, "18,250.5" },
    /* no CLDR data: English */
    { "xx", 0, 18250, 0, "18,250" },
    { "zz-Latn", 0, 1284000.5, 1, "1,284,000.5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const NumberCase *c = &cases[i];
      g_autofree char *text = impact_format_decimal (c->language, c->digits, c->value, c->decimals);

      g_test_message ("%s %g: %s", c->language, c->value, text);
      g_assert_cmpstr (text, ==, c->expected);
    }
}

static void
test_format_percent_currency (void)
{
  const NumberCase percent[] = {
    { "en", 0, 64, 0, "64%" },
    { "fr", 0, 64, 0, "64\u00A0%" },      /* CLDR fr: no-break space before % */
    { "es", 0, 64, 0, "64\u00A0%" },
    { "de", 0, 64.5, 1, "64,5\u00A0%" },
    { "pt", 0, 64, 0, "64%" },
    { "hi", 0, 64, 0, "64%" },
    { "bn", IMPACT_DIGITS_NATIVE, 64, 0, "৬৪%" },
    { "ar", IMPACT_DIGITS_NATIVE, 64, 0, "٦٤٪؜" },
    { "sw", 0, 64, 0, "64%" },
  };
  struct { const char *language; double value; const char *currency; const char *expected; } money[] = {
    { "en", 150.5, "USD", "$150.50" },
    { "en-IN", 128400, "INR", "₹1,28,400.00" },
    { "es", 18250, "EUR", "18.250,00\u00A0€" },
    { "fr", 18250, "EUR", "18\u202F250,00\u00A0€" },
    { "pt-BR", 150.5, "BRL", "R$\u00A0150,50" },
    { "en", 150.5, "not a code", "150.50" },  /* not an ISO 4217 code: the number alone */
  };

  for (guint i = 0; i < G_N_ELEMENTS (percent); i++)
    {
      g_autofree char *text = impact_format_percent (percent[i].language, percent[i].digits,
                                                     percent[i].value, percent[i].decimals);

      g_test_message ("%s: %s", percent[i].language, text);
      g_assert_cmpstr (text, ==, percent[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (money); i++)
    {
      g_autofree char *text = impact_format_currency (money[i].language, IMPACT_DIGITS_DEFAULT,
                                                      money[i].value, 2, money[i].currency);

      g_test_message ("%s: %s", money[i].language, text);
      g_assert_cmpstr (text, ==, money[i].expected);
    }
}

typedef struct
{
  const char   *language;
  ImpactDigits  digits;
  const char   *date;
  const char   *expected;
} DateCase;

static void
test_format_date (void)
{
  const DateCase cases[] = {
    /* English without a region dates the British way (CLDR en is US
     * English; en-US keeps its order) */
    { "en", 0, "2017-08-15", "15 August 2017" },
    { "EN", 0, "2017-08-15", "15 August 2017" },
    { "en-US", 0, "2017-08-15", "August 15, 2017" },
    { "en-US", 0, "2017-08", "August 2017" },
    { "en-CA", 0, "2017-08-15", "August 15, 2017" },
    { "en-AU", 0, "2017-08-15", "15 August 2017" },
    { "en-GB", 0, "2017-08-15", "15 August 2017" },
    { "en", 0, "2006-07-01", "1 July 2006" },
    { "en-IN", 0, "2017-08-15", "15 August 2017" },
    { "en", 0, "2017-08", "August 2017" },
    { "en", 0, "2017", "2017" },
    { "es", 0, "2017-08-15", "15 de agosto de 2017" },
    { "es", 0, "2017-08", "agosto de 2017" },
    { "es", 0, "2006", "2006" },
    { "fr", 0, "2017-08-15", "15 août 2017" },
    { "fr", 0, "2017-02", "février 2017" },
    { "pt", 0, "2017-08-15", "15 de agosto de 2017" },
    { "pt", 0, "2017-03", "março de 2017" },
    { "de", 0, "2017-03-01", "1. März 2017" },
    { "hi", 0, "2017-08-15", "15 अगस्त 2017" },
    { "bn", 0, "2017-08-15", "15 আগস্ট, 2017" },
    { "bn", IMPACT_DIGITS_NATIVE, "2017-08-15", "১৫ আগস্ট, ২০১৭" },
    { "bn-u-nu-beng", 0, "2006", "২০০৬" },
    { "ar", 0, "2017-08-15", "15 أغسطس 2017" },
    { "ar", IMPACT_DIGITS_NATIVE, "2017", "٢٠١٧" },
    { "sw", 0, "2017-08-15", "15 Agosti 2017" },
    { "sw", 0, "2017-08", "Agosti 2017" },
    /* before 1582 the calendar stays Gregorian (proleptic), as the data is */
    { "en-GB", 0, "1200-03-01", "1 March 1200" },
    { "en-GB", 0, "0001-01-01", "1 January 1" },
    /* a language CLDR lacks is written as English: the house style */
    { "xx", 0, "2017-08-15", "15 August 2017" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const DateCase *c = &cases[i];
      ImpactDate date;
      g_autofree char *text = NULL;

      g_assert_true (impact_date_parse (c->date, &date));
      text = impact_format_date (c->language, c->digits, &date);
      g_test_message ("%s %s: %s", c->language, c->date, text);
      g_assert_cmpstr (text, ==, c->expected);
    }

  {
    ImpactDate none = { 0 };
    g_autofree char *empty = impact_format_date ("fr", 0, &none);
    g_autofree char *aug = impact_format_month_abbrev ("es", 0, 2017, 8);
    g_autofree char *feb = impact_format_month_abbrev ("fr", 0, 0, 2);
    g_autofree char *year = impact_format_year ("hi", IMPACT_DIGITS_NATIVE, 2006);

    g_assert_cmpstr (empty, ==, "");
    g_assert_cmpstr (aug, ==, "ago 2017");
    g_assert_cmpstr (feb, ==, "févr.");
    g_assert_cmpstr (year, ==, "२००६");
  }
}

/* One pattern generator per locale serves every skeleton: two locales
 * taken in turn, each skeleton after another one of the same locale */
static void
test_format_date_skeletons (void)
{
  const struct { const char *language; const char *date; int abbrev_year; int abbrev_month; const char *expected; } cases[] = {
    { "es-MX", "2017-08-15", 0, 0, "15 de agosto de 2017" },
    { "fr-CA", "2017-02", 0, 0, "février 2017" },
    { "es-MX", NULL, 2017, 8, "ago 2017" },
    { "fr-CA", "2017-08-15", 0, 0, "15 août 2017" },
    { "es-MX", "2017-03", 0, 0, "marzo de 2017" },
    { "fr-CA", NULL, 0, 2, "févr." },
    { "es-MX", "2006", 0, 0, "2006" },
    { "fr-CA", NULL, 2017, 3, "mars 2017" },
    { "es-MX", NULL, 0, 1, "ene" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;

      if (cases[i].date != NULL)
        {
          ImpactDate date;

          g_assert_true (impact_date_parse (cases[i].date, &date));
          text = impact_format_date (cases[i].language, 0, &date);
        }
      else
        text = impact_format_month_abbrev (cases[i].language, 0, cases[i].abbrev_year, cases[i].abbrev_month);
      g_test_message ("%s: %s", cases[i].language, text);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* A tag's ICU locale is kept per digits and per use: a number's does not
 * stand in for a date's (English dates the British way), nor native
 * digits for Latin ones */
static void
test_format_locale_kinds (void)
{
  ImpactDate date = { 2017, 8, 15 };

  for (int round = 0; round < 2; round++)
    {
      g_autofree char *en_number = impact_format_decimal ("en", 0, 1234.5, 1);
      g_autofree char *en_date = impact_format_date ("en", 0, &date);
      g_autofree char *bn_native = impact_format_decimal ("bn", IMPACT_DIGITS_NATIVE, 87, 0);
      g_autofree char *bn_latin = impact_format_decimal ("bn", IMPACT_DIGITS_LATIN, 87, 0);
      g_autofree char *bn_default = impact_format_decimal ("bn", IMPACT_DIGITS_DEFAULT, 87, 0);
      g_autofree char *bn_date_native = impact_format_date ("bn", IMPACT_DIGITS_NATIVE, &date);
      g_autofree char *bn_date = impact_format_date ("bn", IMPACT_DIGITS_DEFAULT, &date);

      g_assert_cmpstr (en_number, ==, "1,234.5");
      g_assert_cmpstr (en_date, ==, "15 August 2017");
      g_assert_cmpstr (bn_native, ==, "৮৭");
      g_assert_cmpstr (bn_latin, ==, "87");
      g_assert_cmpstr (bn_default, ==, "87");
      g_assert_cmpstr (bn_date_native, ==, "১৫ আগস্ট, ২০১৭");
      g_assert_cmpstr (bn_date, ==, "15 আগস্ট, 2017");
    }
}

static void
test_format_statistic (void)
{
  struct {
    const char *language; ImpactDigits digits; double value; guint decimals;
    const char *prefix, *qualifier, *scale, *suffix;
    const char *number, *suffix_shown, *full;
  } cases[] = {
    { "en", 0, 5470, 0, NULL, NULL, NULL, NULL, "5,470", NULL, "5,470" },
    { "es", 0, 18250, 0, NULL, "+", NULL, NULL, "18.250+", NULL, "18.250+" },
    { "fr", 0, 64, 0, NULL, NULL, NULL, "%", "64", "\u00A0%", "64\u00A0%" },
    { "fr", 0, 40.3, 1, NULL, NULL, "millions", NULL, "40,3", NULL, "40,3 millions" },
    { "pt", 0, 2.5, 2, "$", NULL, "milhões", NULL, "$2,50", NULL, "$2,50 milhões" },
    { "en-IN", 0, 1284000, 0, NULL, NULL, NULL, NULL, "12,84,000", NULL, "12,84,000" },
    { "bn", IMPACT_DIGITS_NATIVE, 87, 0, NULL, NULL, NULL, "%", "৮৭", "%", "৮৭%" },
    { "ar", IMPACT_DIGITS_NATIVE, 87, 0, NULL, NULL, NULL, "%", "٨٧", "٪؜", "٨٧٪؜" },
    { "sw", 0, 99.5, 1, NULL, "+", NULL, "%", "99.5+", "%", "99.5%+" },
    /* a suffix that is not a percent sign is the data's */
    { "fr", 0, 12, 0, NULL, NULL, NULL, " ans", "12", " ans", "12 ans" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ImpactStatistic) stat = impact_statistic_new ();
      g_autofree char *number = NULL;
      g_autofree char *suffix = NULL;
      g_autofree char *full = NULL;

      stat->value = cases[i].value;
      stat->decimals = cases[i].decimals;
      stat->prefix = g_strdup (cases[i].prefix);
      stat->qualifier = g_strdup (cases[i].qualifier);
      stat->scale = g_strdup (cases[i].scale);
      stat->suffix = g_strdup (cases[i].suffix);
      number = impact_format_statistic_number (cases[i].language, cases[i].digits, stat);
      suffix = impact_format_statistic_suffix (cases[i].language, cases[i].digits, stat);
      full = impact_format_statistic_full (cases[i].language, cases[i].digits, stat);
      g_test_message ("case %u: %s | %s | %s", i, number, suffix, full);
      g_assert_cmpstr (number, ==, cases[i].number);
      g_assert_cmpstr (suffix, ==, cases[i].suffix_shown);
      g_assert_cmpstr (full, ==, cases[i].full);
    }
}

static void
test_format_metrics (void)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_milestone_free);
  ImpactMilestone *m = impact_milestone_new ();
  g_autofree char *en = NULL;
  g_autofree char *bn = NULL;

  g_ptr_array_add (keep, m);
  impact_milestone_add_metric (m, "rescued", 12840);
  impact_milestone_add_metric (m, "arrested", 3);
  en = impact_format_milestone_metrics ("en", 0, m);
  bn = impact_format_milestone_metrics ("bn", IMPACT_DIGITS_NATIVE, m);
  g_assert_cmpstr (en, ==, "12,840 rescued · 3 arrested");
  g_assert_cmpstr (bn, ==, "১২,৮৪০ rescued · ৩ arrested");

  /* Arabic: the Arabic comma, not a middle dot that reads as ٠ beside
   * Arabic-Indic digits */
  {
    ImpactMilestone *ar = impact_milestone_new ();
    g_autofree char *native = NULL;
    g_autofree char *latin = NULL;
    g_autofree char *one = NULL;

    g_ptr_array_add (keep, ar);
    impact_milestone_add_metric (ar, "محررات", 2);
    impact_milestone_add_metric (ar, "موقوفون", 3);
    native = impact_format_milestone_metrics ("ar", IMPACT_DIGITS_NATIVE, ar);
    latin = impact_format_milestone_metrics ("ar", IMPACT_DIGITS_LATIN, ar);
    g_assert_cmpstr (native, ==, "٢ محررات، ٣ موقوفون");
    g_assert_cmpstr (latin, ==, "2 محررات، 3 موقوفون");
    g_assert_null (strstr (native, "·"));
    /* English names in an English sheet keep the dot */
    one = impact_format_milestone_metrics (NULL, 0, m);
    g_assert_cmpstr (one, ==, "12,840 rescued · 3 arrested");
  }
}

static void
test_format_has_language (void)
{
  g_assert_true (impact_format_has_language ("es"));
  g_assert_true (impact_format_has_language ("bn-u-nu-beng"));
  g_assert_true (impact_format_has_language ("sw"));
  g_assert_true (impact_format_has_language (NULL));
  g_assert_false (impact_format_has_language ("xx"));
  g_assert_false (impact_format_has_language ("qaa"));
  g_assert_false (impact_format_has_language ("!!"));

  /* every language of ICU's locales, scripts and regions aside */
  for (int i = 0; i < uloc_countAvailable (); i++)
    {
      char lang[ULOC_LANG_CAPACITY] = { 0 };
      UErrorCode status = U_ZERO_ERROR;

      uloc_getLanguage (uloc_getAvailable (i), lang, sizeof lang, &status);
      g_assert_true (U_SUCCESS (status));
      if (!impact_format_has_language (lang))
        g_error ("%s (%s) is not a language", lang, uloc_getAvailable (i));
    }
}

/* Worker threads format at once, in several languages, with the cache
 * shared: every result is the one a single thread gets. */
static gpointer
format_in_thread (gpointer data)
{
  const char *const languages[] = { "es", "fr", "hi", "bn", "ar", "sw", "de", "pt" };
  guint seed = GPOINTER_TO_UINT (data);

  for (guint i = 0; i < 400; i++)
    {
      const char *language = languages[(i + seed) % G_N_ELEMENTS (languages)];
      ImpactDate date = { 2017, 8, 15 };
      g_autofree char *a = impact_format_decimal (language, 0, 18250, 0);
      g_autofree char *b = impact_format_date (language, 0, &date);

      if (a[0] != '1' || strstr (b, "2017") == NULL)
        return GINT_TO_POINTER (1);
    }
  return NULL;
}

static void
test_format_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("format", format_in_thread, GUINT_TO_POINTER (i));
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_null (g_thread_join (threads[i]));
}

/* The data's "digits": read, checked, saved, and used */
static void
test_format_document_digits (void)
{
  const struct { const char *member; const char *kept; ImpactDigits digits; guint warnings; const char *year; } cases[] = {
    { "", NULL, IMPACT_DIGITS_DEFAULT, 0, "2006" },
    { "\"digits\": \"native\",", "native", IMPACT_DIGITS_NATIVE, 0, "২০০৬" },
    { "\"digits\": \"latin\",", "latin", IMPACT_DIGITS_LATIN, 0, "2006" },
    { "\"digits\": \"roman\",", NULL, IMPACT_DIGITS_DEFAULT, 1, "2006" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{ \"format\": \"1\", \"language\": \"bn\", %s"
                                               " \"office\": \"কলকাতা\", \"organisation\": { \"name\": \"IJM\" } }",
                                               cases[i].member);
      g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpactDocument) doc = impact_json_loader_load_data (json, strlen (json), "digits.json", NULL,
                                                                    diagnostics, &error);
      g_autofree char *year = NULL;
      g_autofree char *saved = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (doc);
      g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, cases[i].warnings);
      if (cases[i].warnings)
        g_assert_cmpstr (impact_diagnostics_get_item (diagnostics, 0)->path, ==, "digits");
      g_assert_cmpstr (impact_document_get_digits (doc), ==, cases[i].kept);
      g_assert_cmpint (impact_format_document_digits (doc), ==, cases[i].digits);
      year = impact_format_year (impact_document_get_language (doc), impact_format_document_digits (doc), 2006);
      g_assert_cmpstr (year, ==, cases[i].year);

      impact_document_set_digits (doc, cases[i].kept);
      impact_document_changed (doc);
      saved = impact_json_writer_to_data (doc, NULL);
      if (cases[i].kept)
        {
          g_autofree char *member = g_strdup_printf ("\"digits\": \"%s\"", cases[i].kept);

          g_assert_nonnull (strstr (saved, member));
        }
      else if (cases[i].warnings == 0)
        g_assert_null (strstr (saved, "\"digits\""));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/decimal", test_format_decimal);
  g_test_add_func ("/format/percent-currency", test_format_percent_currency);
  g_test_add_func ("/format/date", test_format_date);
  g_test_add_func ("/format/date-skeletons", test_format_date_skeletons);
  g_test_add_func ("/format/locale-kinds", test_format_locale_kinds);
  g_test_add_func ("/format/statistic", test_format_statistic);
  g_test_add_func ("/format/metrics", test_format_metrics);
  g_test_add_func ("/format/has-language", test_format_has_language);
  g_test_add_func ("/format/threads", test_format_threads);
  g_test_add_func ("/format/document-digits", test_format_document_digits);
  return g_test_run ();
}
