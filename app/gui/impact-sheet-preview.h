/* impact-sheet-preview.h: the live fact-sheet preview (pages on a canvas)
 *
 * The widget implements GtkScrollable: put it straight into a
 * GtkScrolledWindow. Pages are drawn by impact_render_page() only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "impact-sheet-layout.h"

G_BEGIN_DECLS

#define IMPACT_SHEET_PREVIEW_MIN_ZOOM 0.25
#define IMPACT_SHEET_PREVIEW_MAX_ZOOM 4.0

#define IMPACT_TYPE_SHEET_PREVIEW (impact_sheet_preview_get_type ())
G_DECLARE_FINAL_TYPE (ImpactSheetPreview, impact_sheet_preview, IMPACT, SHEET_PREVIEW, GtkWidget)

GtkWidget         *impact_sheet_preview_new                 (void);
ImpactSheetLayout *impact_sheet_preview_get_layout          (ImpactSheetPreview *self);
void               impact_sheet_preview_set_layout          (ImpactSheetPreview *self,
                                                             ImpactSheetLayout  *layout);
guint              impact_sheet_preview_get_n_pages         (ImpactSheetPreview *self);
/* 1.0 = 100 %: one point is drawn as 96/72 logical pixels. */
double             impact_sheet_preview_get_zoom            (ImpactSheetPreview *self);
void               impact_sheet_preview_set_zoom            (ImpactSheetPreview *self,
                                                             double              zoom);
gboolean           impact_sheet_preview_get_zoom_to_fit     (ImpactSheetPreview *self);
void               impact_sheet_preview_set_zoom_to_fit     (ImpactSheetPreview *self,
                                                             gboolean            zoom_to_fit);
void               impact_sheet_preview_zoom_in             (ImpactSheetPreview *self);
void               impact_sheet_preview_zoom_out            (ImpactSheetPreview *self);
gboolean           impact_sheet_preview_can_zoom_in         (ImpactSheetPreview *self);
gboolean           impact_sheet_preview_can_zoom_out        (ImpactSheetPreview *self);
/* Scrolls so that @box of @page is in view and outlines it; NULL @box
 * scrolls to the top of the page. */
void               impact_sheet_preview_scroll_to           (ImpactSheetPreview *self,
                                                             guint               page,
                                                             const ImpactBox    *box);
void               impact_sheet_preview_clear_highlight     (ImpactSheetPreview *self);
/* Click to select: the outlined part (section, and item or -1). It is kept
 * by section and item, so it stays outlined when the layout is replaced.
 * ::item-activated (int section, int item) is emitted when a part is
 * clicked, or chosen with the arrow keys and Enter pressed. */
void               impact_sheet_preview_select              (ImpactSheetPreview *self,
                                                             ImpactSection       section,
                                                             int                 item);
gboolean           impact_sheet_preview_get_selection       (ImpactSheetPreview *self,
                                                             ImpactSection      *out_section,
                                                             int                *out_item);
/* What the pointer is over (lightly outlined: what a click would select) */
gboolean           impact_sheet_preview_get_hover           (ImpactSheetPreview *self,
                                                             ImpactSection      *out_section,
                                                             int                *out_item);
/* The part under widget point (@x, @y): the smallest box there */
gboolean           impact_sheet_preview_pick                (ImpactSheetPreview *self,
                                                             double              x,
                                                             double              y,
                                                             ImpactSection      *out_section,
                                                             int                *out_item);
/* Where a part is drawn now, in widget coordinates; FALSE when it is not
 * on the sheet */
gboolean           impact_sheet_preview_get_item_rect       (ImpactSheetPreview *self,
                                                             ImpactSection       section,
                                                             int                 item,
                                                             graphene_rect_t    *out_rect);
/* Monotonic time (µs) of the first snapshot that drew a page; 0 before. */
gint64             impact_sheet_preview_get_first_draw_time (ImpactSheetPreview *self);

/* Zoom steps: the next one above/below @zoom (pure, for tests). */
double             impact_sheet_preview_zoom_step_up        (double              zoom);
double             impact_sheet_preview_zoom_step_down      (double              zoom);

G_END_DECLS
