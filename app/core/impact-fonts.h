/* impact-fonts.h: a private fontconfig configuration for one document
 *
 * Pango matches every font description against every installed font
 * (FcFontSort). For an export on the command line, the fonts that can be
 * chosen are known up front: the theme's families, and for each character
 * of the document that some face of those lacks, every font that has it.
 * Pango takes, for each character, the first font in FcFontSort's order that
 * has it, and that order is per font, so such a subset chooses as the whole
 * set does. Characters the layout adds itself (an ellipsis, upper case) are
 * checked as each text is laid out: one outside the subset marks the
 * restriction as broken, and the caller lays out again with every font.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Restricts the calling thread's sheet fonts (impact_text_context_new) to
 * what @families (NULL-terminated) and @text need, and the sample texts
 * Pango measures fonts with in @language (may be NULL) and @text's
 * scripts. FALSE, and nothing changed, when it would not help (a family is
 * not installed or not the best match for its name, or most fonts are
 * needed anyway). */
gboolean impact_fonts_restrict          (const char * const *families,
                                         const char         *language,
                                         const char         *text);
/* Back to every installed font */
void     impact_fonts_unrestrict        (void);
/* TRUE while a restriction holds on this thread */
gboolean impact_fonts_is_restricted     (void);
/* Called for each text laid out: notes a character the restriction did not
 * plan for */
void     impact_fonts_check_text        (const char         *text);
/* TRUE when a text used a character outside the restriction since it was
 * set: what was laid out may differ from a layout with every font */
gboolean impact_fonts_restriction_broken (void);

/* The family list a sheet text is set in: @families (a font description's
 * comma-separated list, the theme's), then the Noto family of each script
 * of @text and of @language's script that the list does not name yet
 * ("Noto Sans Arabic", "Noto Sans Bengali" …), then Noto Sans and Noto's
 * symbol families. So the digits, punctuation and symbols a script family
 * lacks ("Noto Naskh Arabic" has no "+"), and the letters of a script the
 * theme's Latin family lacks, come from the Noto families Debian's
 * fonts-noto-core installs, not from whatever fontconfig falls back to
 * (DejaVu Sans, whose Arabic does not match the sheet). A list that names
 * a generic family ("Sans") is returned as it is: fontconfig resolves it.
 * @language and @text may be NULL. */
char    *impact_fonts_complete_families (const char *families,
                                         const char *language,
                                         const char *text);

/* The families the packages Impact Sheet depends on install (Debian's
 * fonts-inter and fonts-noto-core, debian/control): "Inter", "Inter
 * Display" and the "Noto …" families. The editor offers them first. */
gboolean impact_fonts_is_bundled        (const char         *family);
/* TRUE when @family (one name) is installed: fontconfig's best match for
 * it is a face of that family, not a fallback */
gboolean impact_fonts_is_installed      (const char         *family);

/* For impact-text.c: the configuration of this thread's font map, or NULL
 * for the default; and a counter that changes with it */
gpointer impact_fonts_get_config        (void);
guint    impact_fonts_get_serial        (void);

G_END_DECLS
