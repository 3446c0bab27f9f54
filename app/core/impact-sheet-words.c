/* impact-sheet-words.c
 *
 * Why key files and not gettext catalogues: the sheet's language is the
 * document's, not the process's, and two documents in two languages may be
 * exported at once by worker threads. gettext picks its catalogue by the
 * process locale (LANGUAGE, setlocale), which is neither per document nor
 * safe to switch from a thread; reading .mo files by hand would mean a
 * second catalogue format next to po/ for the window. A GKeyFile a
 * language, in the core's resources, is read with no locale at all, takes
 * translators' comments, and is checked key by key in a test.
 *
 * All files are read once, on first use, into tables that are never
 * changed again, so lookups need no lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "impact-sheet-words.h"

#include <stdarg.h>
#include <string.h>

#include <unicode/uloc.h>
#include <unicode/ulocdata.h>
#include <unicode/upluralrules.h>
#include <unicode/ustring.h>

#define WORDS_DIR   "/io/github/impactsheet/ImpactSheet/core/sheet-words/"
#define WORDS_GROUP "Sheet Words"
#define FALLBACK    "en"

GResource *impact_core_get_resource (void);

static const char * const keys[] = {
  IMPACT_WORD_KICKER_PROBLEM,
  IMPACT_WORD_HEADING_FACTS,
  IMPACT_WORD_HEADING_SOURCES,
  IMPACT_WORD_HEADING_MILESTONES,
  IMPACT_WORD_CONTINUED,
  IMPACT_WORD_YEAR_CONTINUED,
  IMPACT_WORD_PAGE_FRONT,
  IMPACT_WORD_PAGE_BACK,
  IMPACT_WORD_PAGE_NUMBER,
  IMPACT_WORD_CONTACT_PHONE,
  IMPACT_WORD_CONTACT_FAX,
  IMPACT_WORD_CONTACT_EMAIL,
  IMPACT_WORD_MILESTONES_SHOWN,
  IMPACT_WORD_MILESTONE_COUNT,
  IMPACT_WORD_LEGEND_EXACT_DAY,
  IMPACT_WORD_LEGEND_PARTIAL_DATE,
  IMPACT_WORD_CATEGORY_OTHER,
  IMPACT_WORD_QUOTE_ATTRIBUTION,
  IMPACT_WORD_QUOTE_ATTRIBUTION_ROLE,
  IMPACT_WORD_QUOTE_SPACE,
  IMPACT_WORD_PSEUDONYM_MARKER,
  IMPACT_WORD_PSEUDONYM_NOTE,
  NULL
};

/* in the order of keys[] */
static const gboolean plural_keys[G_N_ELEMENTS (keys)] = {
  [12] = TRUE,   /* milestones-shown */
  [13] = TRUE,   /* milestone-count */
};

typedef struct
{
  char          *language;
  GHashTable    *words;   /* "key" or "key.category" -> word */
  UPluralRules  *plural;  /* opened when first asked for (words_plural) */
  gsize          plural_ready;
} Words;

typedef struct
{
  GHashTable *by_language;   /* "pt" -> Words */
  char      **languages;     /* sorted, NULL-terminated */
} Catalogue;

static Words *
words_load (const char *language,
            GBytes     *bytes)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  Words *words;

  if (!g_key_file_load_from_bytes (file, bytes, G_KEY_FILE_NONE, &error) ||
      (names = g_key_file_get_keys (file, WORDS_GROUP, NULL, &error)) == NULL)
    {
      g_critical ("sheet words for %s cannot be read: %s", language, error->message);
      return NULL;
    }
  words = g_new0 (Words, 1);
  words->language = g_strdup (language);
  words->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; names[i]; i++)
    {
      char *value = g_key_file_get_string (file, WORDS_GROUP, names[i], NULL);

      if (value != NULL)
        g_hash_table_insert (words->words, g_strdup (names[i]), value);
    }
  return words;
}

/* The language's plural rules: opened for the languages a sheet uses, not
 * for every catalogue (each opening reads ICU's locale data: eight of
 * them were 1.2 M instructions of a cold export) */
static UPluralRules *
words_plural (Words *words)
{
  if (g_once_init_enter (&words->plural_ready))
    {
      char locale[ULOC_FULLNAME_CAPACITY] = { 0 };
      UErrorCode status = U_ZERO_ERROR;
      UPluralRules *rules = NULL;

      uloc_forLanguageTag (words->language, locale, sizeof locale - 1, NULL, &status);
      if (U_SUCCESS (status))
        rules = uplrules_open (locale, &status);
      if (U_FAILURE (status) && rules != NULL)
        g_clear_pointer (&rules, uplrules_close);
      words->plural = rules;
      g_once_init_leave (&words->plural_ready, 1);
    }
  return words->plural;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gpointer
catalogue_load (gpointer data)
{
  Catalogue *cat = g_new0 (Catalogue, 1);
  g_auto(GStrv) files = NULL;
  GPtrArray *languages = g_ptr_array_new ();

  (void) data;
  cat->by_language = g_hash_table_new (g_str_hash, g_str_equal);
  files = g_resource_enumerate_children (impact_core_get_resource (), WORDS_DIR,
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  for (guint i = 0; files && files[i]; i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *language = NULL;
      g_autoptr(GBytes) bytes = NULL;
      Words *words;

      if (!g_str_has_suffix (files[i], ".ini"))
        continue;
      language = g_strndup (files[i], strlen (files[i]) - 4);
      path = g_strconcat (WORDS_DIR, files[i], NULL);
      bytes = g_resource_lookup_data (impact_core_get_resource (), path,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (bytes == NULL || (words = words_load (language, bytes)) == NULL)
        continue;
      g_hash_table_insert (cat->by_language, words->language, words);
      g_ptr_array_add (languages, words->language);
    }
  g_ptr_array_sort (languages, compare_names);
  g_ptr_array_add (languages, NULL);
  cat->languages = (char **) g_ptr_array_free (languages, FALSE);
  return cat;
}

static Catalogue *
get_catalogue (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, catalogue_load, NULL);
  return once.retval;
}

const char * const *
impact_sheet_words_get_keys (const gboolean **plural)
{
  if (plural)
    *plural = plural_keys;
  return keys;
}

const char * const *
impact_sheet_words_get_languages (void)
{
  return (const char * const *) get_catalogue ()->languages;
}

/* The shipped words for a tag: whole ("pt-br"), then its language ("pt");
 * NULL when neither is shipped */
static Words *
find_words (const char *tag)
{
  Catalogue *cat = get_catalogue ();
  g_autofree char *lower = NULL;
  Words *words;
  char *dash;

  if (tag == NULL || *tag == '\0')
    return NULL;
  lower = g_ascii_strdown (tag, -1);
  g_strdelimit (lower, "_", '-');
  if ((words = g_hash_table_lookup (cat->by_language, lower)) != NULL)
    return words;
  if ((dash = strchr (lower, '-')) != NULL)
    {
      *dash = '\0';
      return g_hash_table_lookup (cat->by_language, lower);
    }
  return NULL;
}

static Words *
get_words (const char *language)
{
  Words *words = NULL;

  if (language == NULL || *language == '\0')
    {
      /* the process locale: "de_DE.UTF-8", "de_DE", "de", "C" */
      const char * const *names = g_get_language_names ();

      for (guint i = 0; names[i] && words == NULL; i++)
        {
          g_autofree char *name = g_strdup (names[i]);
          char *cut = strpbrk (name, ".@");

          if (cut)
            *cut = '\0';
          if (g_strcmp0 (name, "C") == 0 || g_strcmp0 (name, "POSIX") == 0)
            break;
          words = find_words (name);
        }
    }
  else
    words = find_words (language);

  if (words == NULL)
    words = g_hash_table_lookup (get_catalogue ()->by_language, FALLBACK);
  return words;
}

const char *
impact_sheet_words_resolve (const char *language)
{
  Words *words = get_words (language);

  return words ? words->language : FALLBACK;
}

gboolean
impact_sheet_words_has_language (const char *language)
{
  if (language == NULL || *language == '\0')
    return TRUE;
  return find_words (language) != NULL;
}

static const char *
lookup (const char *language,
        const char *key,
        const char *category)
{
  g_autofree char *full = category ? g_strconcat (key, ".", category, NULL) : NULL;
  g_autofree char *other = g_strconcat (key, ".other", NULL);
  Words *words = get_words (language);
  Words *fallback = g_hash_table_lookup (get_catalogue ()->by_language, FALLBACK);
  const char *word = NULL;

  for (guint pass = 0; pass < 2 && word == NULL; pass++)
    {
      Words *w = pass == 0 ? words : fallback;

      if (w == NULL)
        continue;
      /* the language's own form; for English, whose forms differ, only
       * "other" is a fair stand-in */
      if (full && pass == 0)
        word = g_hash_table_lookup (w->words, full);
      if (word == NULL)
        word = g_hash_table_lookup (w->words, key);
      if (word == NULL)
        word = g_hash_table_lookup (w->words, other);
    }
  if (word == NULL)
    {
      g_critical ("no sheet word \"%s\" in any language", key);
      return key;
    }
  return word;
}

const char *
impact_sheet_word (const char *language,
                   const char *key)
{
  g_return_val_if_fail (key != NULL, "");

  return lookup (language, key, NULL);
}

const char *
impact_sheet_word_plural (const char *language,
                          const char *key,
                          double      count)
{
  Words *words;
  UChar category[32];
  char category8[32] = { 0 };
  UErrorCode status = U_ZERO_ERROR;
  int32_t len = 0;

  g_return_val_if_fail (key != NULL, "");

  words = get_words (language);
  if (words && words_plural (words))
    len = uplrules_select (words->plural, count, category, G_N_ELEMENTS (category) - 1, &status);
  if (U_FAILURE (status) || len <= 0)
    return lookup (language, key, "other");
  u_UCharsToChars (category, category8, MIN (len, (int32_t) sizeof category8 - 1));
  return lookup (language, key, category8);
}

static char *
fill (const char *word,
      va_list     args)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  GString *out = g_string_new (NULL);
  const char *name;

  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      g_hash_table_insert (values, (gpointer) name, (gpointer) (value ? value : ""));
    }

  for (const char *p = word; *p; )
    {
      const char *close;

      if (*p == '{' && (close = strchr (p + 1, '}')) != NULL)
        {
          g_autofree char *placeholder = g_strndup (p + 1, close - p - 1);
          const char *value = g_hash_table_lookup (values, placeholder);

          if (value != NULL)
            {
              g_string_append (out, value);
              p = close + 1;
              continue;
            }
        }
      g_string_append_c (out, *p);
      p++;
    }
  return g_string_free (out, FALSE);
}

char *
impact_sheet_words_format (const char *language,
                           const char *key,
                           double      count,
                           ...)
{
  const gboolean *plural;
  const char * const *all = impact_sheet_words_get_keys (&plural);
  const char *word = NULL;
  va_list args;
  char *out;

  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; all[i]; i++)
    if (strcmp (all[i], key) == 0 && plural[i])
      word = impact_sheet_word_plural (language, key, count);
  if (word == NULL)
    word = impact_sheet_word (language, key);
  va_start (args, count);
  out = fill (word, args);
  va_end (args);
  return out;
}

/* Quotation marks */

static char *
delimiter (ULocaleData       *data,
           ULocaleDataDelimiterType type,
           const char        *fallback)
{
  UChar buf[8];
  UErrorCode status = U_ZERO_ERROR;
  int32_t len = ulocdata_getDelimiter (data, type, buf, G_N_ELEMENTS (buf) - 1, &status);
  char *out;

  if (U_FAILURE (status) || len <= 0 ||
      (out = g_utf16_to_utf8 ((const gunichar2 *) buf, len, NULL, NULL, NULL)) == NULL)
    return g_strdup (fallback);
  return out;
}

void
impact_sheet_words_get_quote_marks (const char  *language,
                                    gboolean     inner,
                                    char       **open,
                                    char       **close)
{
  char locale[ULOC_FULLNAME_CAPACITY] = { 0 };
  char lang[ULOC_LANG_CAPACITY] = { 0 };
  UErrorCode status = U_ZERO_ERROR;
  ULocaleData *data = NULL;
  g_autofree char *o = NULL;
  g_autofree char *c = NULL;
  const char *space = impact_sheet_word (language, IMPACT_WORD_QUOTE_SPACE);

  if (language == NULL || *language == '\0')
    g_strlcpy (locale, uloc_getDefault (), sizeof locale);
  else
    uloc_forLanguageTag (language, locale, sizeof locale - 1, NULL, &status);
  if (U_SUCCESS (status))
    uloc_getLanguage (locale, lang, sizeof lang, &status);
  /* en_US_POSIX, a language without data: English marks */
  if (U_FAILURE (status) || lang[0] == '\0' || g_str_has_prefix (locale, "en_US_POSIX"))
    g_strlcpy (locale, "en", sizeof locale);
  status = U_ZERO_ERROR;
  data = ulocdata_open (locale, &status);
  if (U_SUCCESS (status) && data != NULL && status != U_USING_DEFAULT_WARNING)
    {
      o = delimiter (data, inner ? ULOCDATA_ALT_QUOTATION_START : ULOCDATA_QUOTATION_START,
                     inner ? "‘" : "“");
      c = delimiter (data, inner ? ULOCDATA_ALT_QUOTATION_END : ULOCDATA_QUOTATION_END,
                     inner ? "’" : "”");
    }
  else
    {
      o = g_strdup (inner ? "‘" : "“");
      c = g_strdup (inner ? "’" : "”");
    }
  if (data)
    ulocdata_close (data);
  /* the space inside the marks is the sheet words' (French sets U+202F
   * inside « », which CLDR's delimiters leave out) */
  if (open)
    *open = g_strconcat (o, space, NULL);
  if (close)
    *close = g_strconcat (space, c, NULL);
}

char *
impact_sheet_words_quote (const char *language,
                          const char *text,
                          gboolean    inner)
{
  g_autofree char *open = NULL;
  g_autofree char *close = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  impact_sheet_words_get_quote_marks (language, inner, &open, &close);
  return g_strconcat (open, text, close, NULL);
}

/* validate */

guint
impact_sheet_words_check (ImpactDocument    *document,
                          ImpactDiagnostics *diagnostics)
{
  const char *language;
  guint n = 0;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (diagnostics != NULL, 0);

  language = impact_document_get_language (document);
  if (language == NULL || *language == '\0')
    return 0;
  if (!impact_sheet_words_has_language (language))
    {
      g_autofree char *shipped = g_strjoinv (", ", (char **) impact_sheet_words_get_languages ());

      impact_diagnostics_add (diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, "language",
                              "language %s has no sheet words; English is used for the "
                              "words the sheet adds (contact labels, notes, the timeline "
                              "legend); shipped: %s",
                              language, shipped);
      n++;
    }
  return n;
}
