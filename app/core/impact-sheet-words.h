/* impact-sheet-words.h: the fixed words the sheet prints, in the document's language
 *
 * Kickers and headings the data leaves out, contact labels, page labels,
 * the timeline's legend and notes, the pseudonym note: looked up by key and
 * the document's BCP 47 language, whatever the window's locale. The words
 * are data, one file a language (resources/sheet-words/LANG.ini, compiled
 * into the core's resources), so translators edit them without C.
 *
 * A tag is matched whole ("pt-BR"), then by its language ("pt"); a language
 * without words falls back to English, and impact_sheet_words_check() says
 * so for `validate`. NULL or "" is the process locale's language.
 *
 * Words may hold named placeholders, "{shown} of {total} milestones shown",
 * filled by impact_sheet_words_format(). Thread-safe; the words are loaded
 * once and live as long as the process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "impact-diagnostics.h"
#include "impact-document.h"

G_BEGIN_DECLS

/* The keys; see resources/sheet-words/en.ini for what each one is */
#define IMPACT_WORD_KICKER_PROBLEM        "kicker-problem"
#define IMPACT_WORD_HEADING_FACTS         "heading-facts"
#define IMPACT_WORD_HEADING_SOURCES       "heading-sources"
#define IMPACT_WORD_HEADING_MILESTONES    "heading-milestones"
#define IMPACT_WORD_CONTINUED             "continued"
#define IMPACT_WORD_YEAR_CONTINUED        "year-continued"       /* {year} */
#define IMPACT_WORD_PAGE_FRONT            "page-front"
#define IMPACT_WORD_PAGE_BACK             "page-back"
#define IMPACT_WORD_PAGE_NUMBER           "page-number"          /* {page} {pages} */
#define IMPACT_WORD_CONTACT_PHONE         "contact-phone"
#define IMPACT_WORD_CONTACT_FAX           "contact-fax"
#define IMPACT_WORD_CONTACT_EMAIL         "contact-email"
#define IMPACT_WORD_MILESTONES_SHOWN      "milestones-shown"     /* plural by {shown}; {total} */
#define IMPACT_WORD_MILESTONE_COUNT       "milestone-count"      /* plural by {count} */
#define IMPACT_WORD_LEGEND_EXACT_DAY      "legend-exact-day"
#define IMPACT_WORD_LEGEND_PARTIAL_DATE   "legend-partial-date"
#define IMPACT_WORD_CATEGORY_OTHER        "category-other"
#define IMPACT_WORD_QUOTE_ATTRIBUTION     "quote-attribution"      /* {name} */
#define IMPACT_WORD_QUOTE_ATTRIBUTION_ROLE "quote-attribution-role" /* {name} {role} */
#define IMPACT_WORD_QUOTE_SPACE           "quote-space"          /* inside the marks: U+202F in fr */
#define IMPACT_WORD_PSEUDONYM_MARKER      "pseudonym-marker"
#define IMPACT_WORD_PSEUDONYM_NOTE        "pseudonym-note"

/* Every key (NULL-terminated); *@plural (optional) receives for each
 * whether it has plural forms (KEY.one, KEY.other … in the files) */
const char * const *impact_sheet_words_get_keys      (const gboolean **plural);
/* The languages words are shipped for ("ar", "bn", "en", …), sorted */
const char * const *impact_sheet_words_get_languages (void);

/* The language whose words @language gets: "pt" for "pt-BR", "en" for "xx" */
const char         *impact_sheet_words_resolve       (const char *language);
/* FALSE when @language falls back to English (and is not English) */
gboolean            impact_sheet_words_has_language  (const char *language);

/* The word for @key; for a plural key its "other" form. Never NULL: the
 * English word when the language lacks it, or the key itself when no
 * language has it (a programming error, also logged). */
const char         *impact_sheet_word                (const char *language,
                                                      const char *key);
/* The form of a plural key for @count by the language's CLDR plural rules
 * (one, two, few, many, other …), falling back to "other" */
const char         *impact_sheet_word_plural         (const char *language,
                                                      const char *key,
                                                      double      count);
/* The word with its {placeholders} filled from NAME, VALUE pairs ending in
 * NULL; @count selects the plural form (ignored for other keys). Unknown
 * placeholders stay as written. */
char               *impact_sheet_words_format        (const char *language,
                                                      const char *key,
                                                      double      count,
                                                      ...) G_GNUC_NULL_TERMINATED;

/* @text between the language's quotation marks (CLDR delimiters: “ ” en,
 * « » fr with U+202F inside, „ “ de, ” ” ar …); @inner: the marks for a
 * quote within a quote. */
char               *impact_sheet_words_quote         (const char *language,
                                                      const char *text,
                                                      gboolean    inner);

/* The marks alone (*@open, *@close, newly allocated), the inside space
 * included: the layout's large hanging opening mark is *@open */
void                impact_sheet_words_get_quote_marks (const char  *language,
                                                        gboolean     inner,
                                                        char       **open,
                                                        char       **close);

/* Warns when the document's language has no sheet words ("language xx has
 * no sheet words; English is used"); returns the number of warnings added. */
guint               impact_sheet_words_check         (ImpactDocument    *document,
                                                      ImpactDiagnostics *diagnostics);

G_END_DECLS
