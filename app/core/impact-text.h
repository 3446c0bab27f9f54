/* impact-text.h: measuring and shaping text the same way on every surface
 *
 * All layouts of a sheet come from one PangoContext at 72 dpi (1 pt = 1 unit),
 * of a per-thread font map at 72 dpi too, with metric hinting off, so line
 * breaks computed for the preview are the breaks in the PDF, the PNG and the
 * printout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* @text, or @fallback when @text is NULL or empty */
static inline const char *
impact_text_or (const char *text,
                const char *fallback)
{
  return text && *text ? text : fallback;
}

typedef struct
{
  const char    *family;
  PangoWeight    weight;
  PangoStyle     style;
  double         size;            /* points */
  double         line_height;     /* multiple of the font size; 0 = font default */
  double         letter_spacing;  /* points */
  gboolean       uppercase;
  PangoAlignment align;
} ImpactTextStyle;

/* What some texts get right after they are shaped: their first bytes in
 * another colour (a pillar's lead, a source's number), a superscript
 * mark (a footnote's number). Given to impact_text_layout_new_decorated()
 * rather than applied afterwards, so the window's text cache
 * (impact-text-cache.h) can keep the decorated layout. */
typedef struct
{
  guint        prefix_bytes;   /* 0: none */
  guint16      prefix_red, prefix_green, prefix_blue;
  const char  *mark;           /* NULL: none */
  guint16      mark_red, mark_green, mark_blue;
} ImpactTextDecoration;

PangoContext *impact_text_context_new      (const char *language);
/* The line height of @desc's fonts in @context's language, in Pango units:
 * pango_context_get_metrics()'s height, measured without shaping (kept per
 * context) */
int           impact_text_font_height     (PangoContext               *context,
                                           const PangoFontDescription *desc);
/* @rich: parse the inline-emphasis subset; otherwise the text is literal.
 * @width: wrap width in points, or -1 for a single unwrapped paragraph. */
PangoLayout  *impact_text_layout_new       (PangoContext          *context,
                                            const ImpactTextStyle *style,
                                            const char            *text,
                                            gboolean               rich,
                                            double                 width);
/* As impact_text_layout_new(), then the coloured prefix, then the mark;
 * @decoration may be NULL */
PangoLayout  *impact_text_layout_new_decorated (PangoContext               *context,
                                                const ImpactTextStyle      *style,
                                                const char                 *text,
                                                gboolean                    rich,
                                                double                      width,
                                                const ImpactTextDecoration *decoration);
/* Draws the first @n_bytes of a layout's text in another colour */
void          impact_text_layout_color_prefix (PangoLayout *layout,
                                               guint        n_bytes,
                                               guint16      red,
                                               guint16      green,
                                               guint16      blue);
/* Appends a superscript mark ("1") in @color_attr's colour to a layout's text */
void          impact_text_layout_append_superscript (PangoLayout *layout,
                                                     const char  *mark,
                                                     guint16      red,
                                                     guint16      green,
                                                     guint16      blue);
/* When the text was longer than any page can show and was cut: its full
 * length in characters; else 0 */
gsize         impact_text_layout_was_cut   (PangoLayout *layout);
void          impact_text_layout_get_size  (PangoLayout *layout,
                                            double      *width,
                                            double      *height);
/* Distance from the top of the layout to the first line's baseline, in points */
double        impact_text_layout_get_baseline (PangoLayout *layout);
/* How far a display line set in a tall face (Noto Sans Arabic: its ascent
 * reserves room for stacked marks) may be raised to hang by its ink, as a
 * Latin face's line does; 0 for every other layout */
double        impact_text_layout_get_top_trim (PangoLayout *layout);
/* The characters of @text the fonts on this system cannot draw, or NULL */
char         *impact_text_find_missing_glyphs (PangoLayout *layout);

G_END_DECLS
