/* impact-render.h: draw a laid-out fact sheet on any cairo_t
 *
 * The same code serves the window preview, printing, PDF, PNG and SVG.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "impact-sheet-layout.h"

G_BEGIN_DECLS

/* Draws page @page (0-based) with its top-left corner at the origin of @cr,
 * one unit per point; scale @cr first for other resolutions. Fails with
 * IMPACT_ERROR_RENDER when cairo reports an error. */
gboolean impact_render_page (cairo_t            *cr,
                             ImpactSheetLayout  *layout,
                             guint               page,
                             GError            **error);

/* Print output (bleed in points) */
#define IMPACT_RENDER_MAX_BLEED    36.0   /* half an inch */
#define IMPACT_RENDER_MARK_OFFSET  8.5    /* 3 mm: trim marks start this far out at least */
#define IMPACT_RENDER_MARK_GAP     3.0    /* and this far past the bleed edge */
#define IMPACT_RENDER_MARK_LENGTH  18.0

/* How far the trim box sits in from the sheet's edge for @bleed and
 * @crop_marks: the sheet is the page extent plus twice this. */
double   impact_render_get_print_margin (double   bleed,
                                         gboolean crop_marks);
/* As impact_render_page(), for a print shop: the trimmed page is drawn
 * impact_render_get_print_margin() points in from the origin; colour
 * areas and images that touch a trim edge run @bleed points past it; with
 * @crop_marks, trim marks are drawn at the corners outside the bleed,
 * IMPACT_RENDER_MARK_GAP away from its edge. */
gboolean impact_render_page_for_print   (cairo_t            *cr,
                                         ImpactSheetLayout  *layout,
                                         guint               page,
                                         double              bleed,
                                         gboolean            crop_marks,
                                         GError            **error);

/* Whether the tag the op at @index begins holds nothing drawn (what an
 * overflowing section left of a list): then no element, and @end
 * (optional) receives the index of its end */
gboolean impact_render_tag_is_empty      (ImpactSheetLayout *layout,
                                          guint              page,
                                          guint              index,
                                          guint             *end);

/* The reading rank of each structure element the page's drawing begins at
 * its top (the Document's children), in the order they are drawn: a new
 * array of guint, a permutation of 0 .. n - 1 (impact-pdf-finish.h puts
 * the structure in this order) */
GArray  *impact_render_get_reading_order (ImpactSheetLayout *layout,
                                          guint              page);

/* For the same elements, their place in a list the drawing cannot nest
 * (a new array of ImpactPdfListRole, impact-pdf-finish.h) */
GArray  *impact_render_get_list_roles    (ImpactSheetLayout *layout,
                                          guint              page);

/* For the same elements, the logical text of those set right to left
 * (their /ActualText; a new GPtrArray of char *, NULL for the others) */
GPtrArray *impact_render_get_actual_texts (ImpactSheetLayout *layout,
                                           guint              page);

G_END_DECLS
