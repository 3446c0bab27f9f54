/* impact-timeline-text.h: how the timeline's drawings show a text (private)
 *
 * Shared by the track, the slide, the presenter's steps and the handout:
 * a text shown in a mirrored space (a right-to-left page) keeps its
 * letters unmirrored in its mirrored box, and tests may probe each one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "impact-timeline-layout.h"

G_BEGIN_DECLS

/* Shows @layout at the current point; @tag (or NULL) makes it a tagged-PDF
 * structure element */
void         impact_timeline_show_text   (cairo_t     *cr,
                                          PangoLayout *layout,
                                          const char  *tag);
/* Mirrors x -> @width - x */
void         impact_timeline_mirror      (cairo_t     *cr,
                                          double       width);
/* A text in the theme's @family, right-aligned for a right-to-left
 * document; @width -1 for one line */
PangoLayout *impact_timeline_text_new    (ImpactTimelineLayout *layout,
                                          const char           *family,
                                          double                size,
                                          PangoWeight           weight,
                                          gboolean              uppercase,
                                          const char           *text,
                                          gboolean              rich,
                                          double                width);
/* @fg at @alpha over @bg, darkened (lightened on a dark @bg) until it
 * reaches WCAG AA on @bg for text of @size points: 4.5:1, or 3:1 for
 * large text (18 pt, or 14 pt @bold) */
void         impact_timeline_readable_color (const ImpactColor *fg,
                                             double             alpha,
                                             const ImpactColor *bg,
                                             double             size,
                                             gboolean           bold,
                                             ImpactColor       *out);
/* The same as the source of @cr */
void         impact_timeline_set_text_color (cairo_t           *cr,
                                             const ImpactColor *fg,
                                             double             alpha,
                                             const ImpactColor *bg,
                                             double             size,
                                             gboolean           bold);
/* The slide export's composition (title band, the whole track, footer) */
void         impact_timeline_draw_overview (cairo_t              *cr,
                                            ImpactTimelineLayout *layout,
                                            double                width,
                                            double                height);

G_END_DECLS
