/* impact-doc-gen.h: a seeded generator of valid fact-sheet documents
 *
 * For property tests of the layout. One seed gives one document, always
 * the same: the JSON text of a valid format-1 file (it loads without an
 * error or a warning) and the page size to lay it out on. The seed decides
 * everything else: the language and script (en, es, fr, bn, ar, hi), the
 * template (classic, bold), which optional sections are present, how many
 * statistics (1 to 6), facts (0 to 8), pillars (0 to 6), milestones (0 to
 * 60, with or without eras) and sources there are, and how long every text
 * is (from one word to three times what the design plans for, with long
 * words and long office names, titles and subtitles). Six documents in ten
 * keep every text within its planned length (or shorter), a quarter have a
 * text or two far too long, the rest are long throughout. A quarter ask for
 * their pages ("auto", 2 or 1); the others leave them to the default.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "impact-page.h"

G_BEGIN_DECLS

typedef struct
{
  guint32        seed;
  const char    *language;       /* "en", "es", "fr", "bn", "ar", "hi"; static */
  const char    *template_name;  /* "classic" or "bold"; static */
  ImpactPageSize page_size;
  guint          n_statistics;
  guint          n_facts;
  guint          n_pillars;
  guint          n_milestones;
  guint          n_eras;
  gboolean       has_problem;
  gboolean       has_quote;
  gboolean       has_profile;
  gboolean       has_footer;
  gboolean       sparse;         /* a figure or two and little else */
  gboolean       long_texts;     /* at least one text far past its planned length */
  const char    *pages;          /* "auto", "1", "2", or NULL (absent: auto); static */
} ImpactDocGenInfo;

/* The JSON text of the document of @seed (free with g_free); @info
 * (optional) receives what was chosen. */
char *impact_doc_gen_generate  (guint32           seed,
                                ImpactDocGenInfo *info);
/* "seed 17: bn, bold, a4, 3 statistics, 5 facts, 0 pillars, 12 milestones (2 eras)" */
char *impact_doc_gen_describe  (const ImpactDocGenInfo *info);

G_END_DECLS
