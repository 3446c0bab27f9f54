/* impact-accessible-item.h: a part of a drawn canvas, for screen readers
 *
 * The sheet preview and the timeline draw their parts themselves; GTK 4.8
 * exposes only widgets to assistive technologies, so each part also gets
 * one of these: an invisible, unclickable, focusable list item with the
 * part's name, placed over the part. The canvas moves the keyboard focus
 * onto it as its own selection moves, so a screen reader says which part
 * is chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IMPACT_TYPE_ACCESSIBLE_ITEM (impact_accessible_item_get_type ())

G_DECLARE_FINAL_TYPE (ImpactAccessibleItem, impact_accessible_item, IMPACT, ACCESSIBLE_ITEM, GtkWidget)

GtkWidget *impact_accessible_item_new          (void);
/* The name a screen reader reads, and the part's index in its canvas */
void       impact_accessible_item_set          (ImpactAccessibleItem *self,
                                                const char           *label,
                                                guint                 index);
guint      impact_accessible_item_get_index    (ImpactAccessibleItem *self);
void       impact_accessible_item_set_selected (ImpactAccessibleItem *self,
                                                gboolean              selected);

/* Keeps the @n_items first children of @canvas such items (adding or
 * removing at the end) and returns the array of them, in order; @items
 * is the canvas's array (of GtkWidget, not owned) */
void       impact_accessible_items_resize      (GtkWidget            *canvas,
                                                GPtrArray            *items,
                                                guint                 n_items);
/* Unparents them all (for dispose) */
void       impact_accessible_items_clear       (GPtrArray            *items);
/* Whether the keyboard focus is on @canvas or one of its items */
gboolean   impact_accessible_items_have_focus  (GtkWidget            *canvas);
/* A GtkWidgetClass.focus for such canvases: one Tab stop, the arrows
 * move among the parts */
gboolean   impact_accessible_items_focus       (GtkWidget            *canvas,
                                                GtkDirectionType      direction);

G_END_DECLS
