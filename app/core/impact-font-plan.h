/* impact-font-plan.h: a private font configuration's plan, kept between runs
 *
 * impact_fonts_restrict() chooses, from every installed font, the ones a
 * document can be drawn with. Choosing needs the system's fontconfig
 * configuration (sixty files of rules and the caches of every font folder:
 * about a tenth of a cold export). The choice is kept in the user's cache
 * folder, per family list, in two kinds of file:
 *  - the plan (NAME.plan): what the choice was made from, and the
 *    characters the families are sure to draw ("common");
 *  - a fonts file for each set of other characters a document needed
 *    (NAME-SUM.fonts, at most 32, the oldest removed): those characters,
 *    the plan it belongs to (its SHA-256) and the kept fonts' patterns as
 *    fontconfig had them.
 * A later run whose document needs the same other characters builds its
 * configuration from the two files alone and never reads the system's.
 *
 * A plan holds only while nothing it was made from changed: it records
 * the modification time, size and inode of every configuration file and
 * folder and every font folder the system's configuration read (and of
 * the user's configuration places that did not exist), fontconfig's
 * version, and the environment that chooses the configuration is part of
 * its name; any difference, or a file that does not parse, and the caller
 * plans again. This is the check fontconfig makes of its own caches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <fontconfig/fontconfig.h>
#include <glib.h>

G_BEGIN_DECLS

/* Where the plan for the family list @names (char *) is kept, or NULL when
 * there is no cache folder */
char     *impact_font_plan_path  (GPtrArray  *names);

/* Reads the plan at @path and its fonts file for @doc_chars. TRUE when
 * both still hold: then @patterns holds the kept fonts' patterns (FcPattern *,
 * owned, freed with the array) and @allowed the characters the plan is
 * right for (the caller destroys it). */
gboolean  impact_font_plan_read  (const char  *path,
                                  FcCharSet   *doc_chars,
                                  GPtrArray  **patterns,
                                  FcCharSet  **allowed);

/* Keeps the plan made with @base: the families' @common characters, and
 * the fonts @kept (FcPattern *) for the document's @needed ones. Failing
 * to write is not an error: the next run plans again. */
void      impact_font_plan_write (const char  *path,
                                  FcConfig    *base,
                                  GPtrArray   *kept,
                                  FcCharSet   *common,
                                  FcCharSet   *needed);

G_END_DECLS
