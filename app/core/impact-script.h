/* impact-script.h: typography that depends on the script a text is written in
 *
 * Letters that join (Arabic, Syriac, N'Ko, Mongolian …) or hang from a
 * headstroke (Bengali, Devanagari, Gurmukhi, Tibetan) come apart when
 * letter-spaced; a font without an italic face gets a slanted copy of its
 * upright one, which no Arabic or Bengali reader expects; lists are joined
 * with the script's own comma; and a character the sheet's fonts lack is
 * drawn from whatever fallback font fontconfig finds, which preflight
 * should name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* FALSE for scripts whose letters join or hang from a headstroke */
gboolean       impact_script_allows_letter_spacing  (GUnicodeScript script);
/* FALSE when any run of @text is in such a script */
gboolean       impact_script_text_allows_letter_spacing (const char *text);
/* The script a language is written in: "ar" -> Arabic, "bn" -> Bengali,
 * "en" -> Latin; G_UNICODE_SCRIPT_UNKNOWN when Pango does not know it */
GUnicodeScript impact_script_for_language           (const char *language);
/* The first script of @text that is not common or inherited (digits and
 * punctuation belong to no script); G_UNICODE_SCRIPT_COMMON for none */
GUnicodeScript impact_script_for_text               (const char *text);

/* Inserts @spacing (Pango units) as letter-spacing over the runs of @text
 * whose script allows it, and over common characters between them; takes
 * nothing from @attrs. Returns the number of attributes inserted. */
guint          impact_script_insert_letter_spacing  (PangoAttrList *attrs,
                                                     const char    *text,
                                                     int            spacing);

/* Whether the font Pango picks for @ch at @desc (with its style set to
 * italic) has a real italic or oblique face, not a slanted upright one */
gboolean       impact_script_has_real_italic        (PangoContext               *context,
                                                     const PangoFontDescription *desc,
                                                     gunichar                    ch);
/* Inserts an italic style over [@start, @end) of @text, but only on the
 * script runs whose font has a real italic (see above); the others stay
 * upright. Returns the number of attributes inserted. */
guint          impact_script_insert_italic          (PangoAttrList              *attrs,
                                                     PangoContext               *context,
                                                     const PangoFontDescription *desc,
                                                     const char                 *text,
                                                     guint                       start,
                                                     guint                       end);

/* What joins the items of a list in @language (or, when @language is NULL,
 * in the script of @text): "، " in Arabic script, "、" in Chinese and
 * Japanese, "፣ " in Ethiopic, else ", " */
const char    *impact_script_get_list_separator     (const char *language,
                                                     const char *text);

/* A character of a layout that none of its font description's families
 * draws */
typedef struct
{
  gunichar  ch;
  char     *family;   /* the fallback font's family, NULL when no font has it */
  guint     offset;   /* byte offset of its first occurrence in the layout's text */
} ImpactFallbackGlyph;

/* The characters of @layout drawn from a font whose family is not one of
 * the families its font description names, and those no font has; each
 * once, in text order, spaces and controls left out. An array of
 * ImpactFallbackGlyph (freed with its elements), empty when every
 * character comes from the named families or a family is generic. */
GArray        *impact_script_find_fallbacks         (PangoLayout *layout);

/* The characters of @layout drawn from a font whose family is not one of
 * the families its font description names (a fallback such as DejaVu), and
 * those no font has; each once, in text order, spaces and controls left
 * out. NULL when every character comes from the named families. */
char          *impact_script_find_fallback_glyphs   (PangoLayout *layout);

G_END_DECLS
