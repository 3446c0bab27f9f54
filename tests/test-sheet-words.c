/* test-sheet-words.c: the sheet's fixed words in the document's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "impact-diagnostics.h"
#include "impact-document.h"
#include "impact-json-loader.h"
#include "impact-sheet-layout-private.h"
#include "impact-sheet-words.h"
#include "impact-theme.h"

#define WORDS_DIR "/io/github/impactsheet/ImpactSheet/core/sheet-words/"

GResource *impact_core_get_resource (void);

static GKeyFile *
load_file (const char *language)
{
  g_autofree char *path = g_strconcat (WORDS_DIR, language, ".ini", NULL);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (impact_core_get_resource (), path, 0, NULL);
  GKeyFile *file = g_key_file_new ();

  g_assert_nonnull (bytes);
  g_assert_true (g_key_file_load_from_bytes (file, bytes, G_KEY_FILE_NONE, NULL));
  return file;
}

/* every language has every key (plural keys their "other" form and only
 * forms of CLDR categories), no key the program does not know, and the
 * placeholders of the English word */
static void
test_words_complete (void)
{
  const char * const shipped[] = { "ar", "bn", "en", "es", "fr", "hi", "pt", "sw", NULL };
  const char * const categories[] = { "zero", "one", "two", "few", "many", "other", NULL };
  const gboolean *plural;
  const char * const *keys = impact_sheet_words_get_keys (&plural);
  const char * const *languages = impact_sheet_words_get_languages ();
  g_autoptr(GKeyFile) english = load_file ("en");

  g_assert_cmpstrv (languages, shipped);
  for (guint l = 0; languages[l]; l++)
    {
      g_autoptr(GKeyFile) file = load_file (languages[l]);
      g_auto(GStrv) names = g_key_file_get_keys (file, "Sheet Words", NULL, NULL);

      g_assert_nonnull (names);
      for (guint k = 0; keys[k]; k++)
        {
          g_autofree char *name = plural[k] ? g_strconcat (keys[k], ".other", NULL) : g_strdup (keys[k]);
          g_autofree char *value = g_key_file_get_string (file, "Sheet Words", name, NULL);
          g_autofree char *en = g_key_file_get_string (english, "Sheet Words", name, NULL);

          g_test_message ("%s: %s = %s", languages[l], name, value);
          g_assert_nonnull (value);
          /* the same placeholders as in English */
          for (const char *p = en; (p = strchr (p, '{')) != NULL; p++)
            {
              g_autofree char *placeholder = g_strndup (p, strchr (p, '}') - p + 1);

              if (!(plural[k] && strcmp (placeholder, "{shown}") == 0 && strstr (value, placeholder) == NULL))
                g_assert_nonnull (strstr (value, placeholder));
            }
          /* every word but the space inside quotes says something */
          if (strcmp (keys[k], IMPACT_WORD_QUOTE_SPACE) != 0)
            g_assert_cmpstr (value, !=, "");
        }
      for (guint n = 0; names[n]; n++)
        {
          g_autofree char *base = g_strdup (names[n]);
          char *dot = strchr (base, '.');
          gboolean known = FALSE;

          if (dot)
            {
              *dot = '\0';
              g_assert_true (g_strv_contains (categories, dot + 1));
            }
          for (guint k = 0; keys[k] && !known; k++)
            known = strcmp (keys[k], base) == 0 && (dot != NULL) == plural[k];
          if (!known)
            g_error ("%s.ini: unknown key %s", languages[l], names[n]);
        }
    }
}

typedef struct
{
  const char *language;
  const char *key;
  const char *expected;
} WordCase;

static void
test_words_lookup (void)
{
  const WordCase cases[] = {
    { "en", IMPACT_WORD_CONTACT_PHONE, "P" },
    { "es", IMPACT_WORD_CONTACT_PHONE, "Tel." },
    { "es-MX", IMPACT_WORD_CONTACT_PHONE, "Tel." },   /* by the language subtag */
    { "fr", IMPACT_WORD_CONTACT_PHONE, "Tél." },
    { "pt-BR", IMPACT_WORD_HEADING_SOURCES, "Fontes" },
    { "pt_PT", IMPACT_WORD_HEADING_SOURCES, "Fontes" },
    { "hi", IMPACT_WORD_KICKER_PROBLEM, "समस्या" },
    { "bn", IMPACT_WORD_CONTACT_FAX, "ফ্যাক্স" },
    { "bn-u-nu-beng", IMPACT_WORD_CONTACT_FAX, "ফ্যাক্স" },
    { "ar", IMPACT_WORD_HEADING_SOURCES, "المصادر" },
    { "sw", IMPACT_WORD_LEGEND_EXACT_DAY, "siku kamili" },
    /* no words: English */
    { "de", IMPACT_WORD_CONTACT_PHONE, "P" },
    { "xx", IMPACT_WORD_LEGEND_PARTIAL_DATE, "month or year" },
    { "", IMPACT_WORD_HEADING_SOURCES, "Sources" },     /* the process locale: C */
    { NULL, IMPACT_WORD_HEADING_SOURCES, "Sources" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (impact_sheet_word (cases[i].language, cases[i].key), ==, cases[i].expected);

  g_assert_cmpstr (impact_sheet_words_resolve ("pt-BR"), ==, "pt");
  g_assert_cmpstr (impact_sheet_words_resolve ("de"), ==, "en");
  g_assert_true (impact_sheet_words_has_language ("bn"));
  g_assert_true (impact_sheet_words_has_language ("ES"));
  g_assert_false (impact_sheet_words_has_language ("de"));
  g_assert_false (impact_sheet_words_has_language ("xx"));
}

typedef struct
{
  const char *language;
  const char *key;
  double      count;
  const char *expected;
} FormatCase;

static void
test_words_format (void)
{
  const FormatCase cases[] = {
    { "en", IMPACT_WORD_MILESTONES_SHOWN, 4, "4 of 7 milestones shown" },
    { "es", IMPACT_WORD_MILESTONES_SHOWN, 1, "Se muestra 1 de 7 hitos" },
    { "es", IMPACT_WORD_MILESTONES_SHOWN, 4, "Se muestran 4 de 7 hitos" },
    { "fr", IMPACT_WORD_MILESTONES_SHOWN, 1, "1 étape affichée sur 7" },
    { "fr", IMPACT_WORD_MILESTONES_SHOWN, 4, "4 étapes affichées sur 7" },
    { "bn", IMPACT_WORD_MILESTONES_SHOWN, 4, "7টির মধ্যে 4টি মাইলফলক দেখানো হয়েছে" },
    { "hi", IMPACT_WORD_MILESTONES_SHOWN, 1, "7 में से 1 पड़ाव दिखाया गया" },
    { "hi", IMPACT_WORD_MILESTONES_SHOWN, 4, "7 में से 4 पड़ाव दिखाए गए" },
    { "sw", IMPACT_WORD_MILESTONES_SHOWN, 1, "Hatua 1 kati ya 7 imeonyeshwa" },
    { "sw", IMPACT_WORD_MILESTONES_SHOWN, 4, "Hatua 4 kati ya 7 zimeonyeshwa" },
    /* Arabic: six categories by CLDR's rules */
    { "ar", IMPACT_WORD_MILESTONE_COUNT, 1, "محطة واحدة" },
    { "ar", IMPACT_WORD_MILESTONE_COUNT, 2, "محطتان" },
    { "ar", IMPACT_WORD_MILESTONE_COUNT, 4, "4 محطات" },
    { "ar", IMPACT_WORD_MILESTONE_COUNT, 11, "11 محطة" },
    { "ar", IMPACT_WORD_MILESTONE_COUNT, 100, "100 محطة" },
    { "en", IMPACT_WORD_MILESTONE_COUNT, 1, "1 milestone" },
    { "en", IMPACT_WORD_MILESTONE_COUNT, 12, "12 milestones" },
    /* fallback to English, plural forms too */
    { "xx", IMPACT_WORD_MILESTONE_COUNT, 1, "1 milestone" },
    { "es", IMPACT_WORD_YEAR_CONTINUED, 0, "2006 (continuación)" },
    { "ar", IMPACT_WORD_PAGE_NUMBER, 0, "2 من 3" },
    { "ar", IMPACT_WORD_QUOTE_ATTRIBUTION_ROLE, 0, "— بريما، ناجية" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *count = g_strdup_printf ("%g", cases[i].count);
      g_autofree char *text = impact_sheet_words_format (cases[i].language, cases[i].key, cases[i].count,
                                                         "shown", count, "count", count, "total", "7",
                                                         "year", "2006", "page", "2", "pages", "3",
                                                         "name", "بريما", "role", "ناجية", NULL);

      g_test_message ("%s %s %g: %s", cases[i].language, cases[i].key, cases[i].count, text);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  /* a placeholder with no value stays as written */
  {
    g_autofree char *text = impact_sheet_words_format ("en", IMPACT_WORD_YEAR_CONTINUED, 0, NULL);

    g_assert_cmpstr (text, ==, "{year}, continued");
  }
}

static void
test_words_quote (void)
{
  const WordCase cases[] = {
    { "en", NULL, "“Hope”" },
    { "fr", NULL, "«\u202FHope\u202F»" },
    { "de", NULL, "„Hope“" },
    { "es", NULL, "«Hope»" },
    { "pt", NULL, "“Hope”" },
    { "ar", NULL, "”Hope“" },
    { "hi", NULL, "“Hope”" },
    { "sw", NULL, "“Hope”" },
    { "xx", NULL, "“Hope”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = impact_sheet_words_quote (cases[i].language, "Hope", FALSE);

      g_test_message ("%s: %s", cases[i].language, text);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
  {
    g_autofree char *inner = impact_sheet_words_quote ("en", "Hope", TRUE);

    g_assert_cmpstr (inner, ==, "‘Hope’");
  }
  {
    g_autofree char *open = NULL;
    g_autofree char *close = NULL;

    impact_sheet_words_get_quote_marks ("fr", FALSE, &open, &close);
    g_assert_cmpstr (open, ==, "«\u202F");
    g_assert_cmpstr (close, ==, "\u202F»");
  }
}

/* validate warns about a language without words, once, on "language" */
static void
test_words_check (void)
{
  const struct { const char *language; guint warnings; } cases[] = {
    { NULL, 0 }, { "es", 0 }, { "pt-BR", 0 }, { "bn-u-nu-beng", 0 }, { "de", 1 }, { "xx", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ImpactDocument) doc = impact_document_new ();
      g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();

      impact_document_set_language (doc, cases[i].language);
      g_assert_cmpuint (impact_sheet_words_check (doc, diagnostics), ==, cases[i].warnings);
      g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, cases[i].warnings);
      if (cases[i].warnings)
        {
          const ImpactDiagnostic *d = impact_diagnostics_get_item (diagnostics, 0);
          g_autofree char *expected = g_strdup_printf ("language %s has no sheet words; English is used",
                                                       cases[i].language);

          g_assert_cmpstr (d->path, ==, "language");
          g_assert_true (g_str_has_prefix (d->message, expected));
        }
    }
}

/* The outline of the quote's big opening mark on the first page (the
 * polygons inside the quote's box, rounded to a tenth of a point), after
 * checking that it lies in the box, on the reading side, and is not text */
static char *
quote_mark_outline (const char *language,
                    const char *template_name)
{
  g_autofree char *json = g_strdup_printf (
    "{ \"format\": \"1\", \"language\": \"%s\", \"office\": \"Lyon\",\n"
    "  \"theme\": { \"template\": \"%s\" },\n"
    "  \"organisation\": { \"name\": \"Eau propre\" },\n"
    "  \"problem\": { \"heading\": \"Water\", \"body\": \"Wells and pumps for every village.\" },\n"
    "  \"quote\": { \"text\": \"Now the water is near.\", \"attribution\": \"Amina\" } }\n",
    language, template_name);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_data (json, strlen (json), "quote.json", NULL, NULL, &error);
  g_autoptr(ImpactTheme) theme = NULL;
  g_autoptr(ImpactSheetLayout) layout = NULL;
  ImpactBox box;
  guint page = 0, n = 0;
  double left = G_MAXDOUBLE, right = -G_MAXDOUBLE;
  GString *outline = g_string_new (NULL);

  g_assert_no_error (error);
  theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
  layout = impact_sheet_layout_new (doc, theme, IMPACT_PAGE_SIZE_A4, NULL);
  g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_QUOTE, -1, &page, &box));
  for (guint i = 0; i < impact_sheet_layout_get_n_ops (layout, page); i++)
    {
      const ImpactOp *op = impact_sheet_layout_get_op (layout, page, i);
      gboolean inside = op->kind == IMPACT_OP_POLYGON && op->n_points > 0;

      if (op->kind == IMPACT_OP_TEXT)
        {
          const char *text = pango_layout_get_text (op->layout);
          gboolean marks = *text != '\0';

          /* the ornament is no text a reader or a copy would pick up */
          for (const char *p = text; *p; p = g_utf8_next_char (p))
            marks &= g_unichar_ispunct (g_utf8_get_char (p)) || g_unichar_isspace (g_utf8_get_char (p));
          if (marks)
            g_error ("%s %s: the quotation mark «%s» is set as text", language, template_name, text);
          continue;
        }
      for (guint k = 0; inside && k < op->n_points; k++)
        inside = op->points[2 * k] >= box.x - 0.5 && op->points[2 * k] <= box.x + box.width + 0.5 &&
                 op->points[2 * k + 1] >= box.y - 0.5 && op->points[2 * k + 1] <= box.y + box.height + 0.5;
      if (!inside)
        continue;
      n++;
      for (guint k = 0; k < op->n_points; k++)
        {
          left = MIN (left, op->points[2 * k]);
          right = MAX (right, op->points[2 * k]);
          /* relative to the box: the same mark is the same outline */
          g_string_append_printf (outline, "%.1f,%.1f ", op->points[2 * k] - box.x, op->points[2 * k + 1] - box.y);
        }
      g_string_append (outline, "| ");
    }
  g_assert_cmpuint (n, >=, 1);
  /* it leads the quote: at the left of a left-to-right box, at the right
   * of a right-to-left one */
  if (g_str_has_prefix (language, "ar"))
    g_assert_cmpfloat (left, >, box.x + box.width / 2);
  else
    g_assert_cmpfloat (right, <, box.x + box.width / 2);
  return g_string_free (outline, FALSE);
}

/* The big hanging mark is the language's opening mark */
static void
test_words_quote_mark (void)
{
  static const char * const templates[] = { "classic", "bold" };

  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    {
      g_autofree char *en = quote_mark_outline ("en", templates[t]);
      g_autofree char *en_us = quote_mark_outline ("en-US", templates[t]);
      g_autofree char *fr = quote_mark_outline ("fr", templates[t]);
      g_autofree char *fr_ca = quote_mark_outline ("fr-CA", templates[t]);
      g_autofree char *de = quote_mark_outline ("de", templates[t]);
      g_autofree char *ar = quote_mark_outline ("ar", templates[t]);

      g_assert_cmpstr (en, ==, en_us);
      g_assert_cmpstr (fr, ==, fr_ca);
      g_assert_cmpstr (en, !=, fr);   /* “ and « */
      g_assert_cmpstr (en, !=, de);   /* “ and „ */
      g_assert_cmpstr (fr, !=, de);
      g_assert_cmpstr (ar, !=, "");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sheet-words/complete", test_words_complete);
  g_test_add_func ("/sheet-words/lookup", test_words_lookup);
  g_test_add_func ("/sheet-words/format", test_words_format);
  g_test_add_func ("/sheet-words/quote", test_words_quote);
  g_test_add_func ("/sheet-words/quote-mark", test_words_quote_mark);
  g_test_add_func ("/sheet-words/check", test_words_check);
  return g_test_run ();
}
