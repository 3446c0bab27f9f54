/* impact-outline-pane.h: the side pane listing a document's sections, statistics
 * and milestones, each with the warnings that concern it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "impact-diagnostics.h"
#include "impact-document.h"
#include "impact-sheet-layout.h"

G_BEGIN_DECLS

/* Rows listed per section at most; the rest are summarised. */
#define IMPACT_OUTLINE_MAX_ITEM_ROWS 300

#define IMPACT_TYPE_OUTLINE_PANE (impact_outline_pane_get_type ())
G_DECLARE_FINAL_TYPE (ImpactOutlinePane, impact_outline_pane, IMPACT, OUTLINE_PANE, GtkWidget)

GtkWidget *impact_outline_pane_new            (void);
/* Rebuilds the outline; @diagnostics (optional) are attached to the rows
 * their JSON paths name. */
void       impact_outline_pane_set_document   (ImpactOutlinePane *self,
                                               ImpactDocument    *document,
                                               ImpactDiagnostics *diagnostics);
guint      impact_outline_pane_get_n_warnings (ImpactOutlinePane *self);
/* The row of a section (@item -1) or item, or NULL. */
GtkWidget *impact_outline_pane_find_row       (ImpactOutlinePane *self,
                                               ImpactSection      section,
                                               int                item);

G_END_DECLS
