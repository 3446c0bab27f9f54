/* impact-accessible-item.c: a part of a drawn canvas, for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-accessible-item"

#include "config.h"

#include "impact-accessible-item.h"

struct _ImpactAccessibleItem
{
  GtkWidget parent_instance;

  guint     index;
};

G_DEFINE_FINAL_TYPE (ImpactAccessibleItem, impact_accessible_item, GTK_TYPE_WIDGET)

/* GtkWidget overrides */

static void
impact_accessible_item_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  /* the canvas draws the part and its selection */
}

static void
impact_accessible_item_class_init (ImpactAccessibleItemClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = impact_accessible_item_snapshot;

  gtk_widget_class_set_css_name (widget_class, "accessibleitem");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
impact_accessible_item_init (ImpactAccessibleItem *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), FALSE);
}

/* Public API */

GtkWidget *
impact_accessible_item_new (void)
{
  return g_object_new (IMPACT_TYPE_ACCESSIBLE_ITEM, NULL);
}

void
impact_accessible_item_set (ImpactAccessibleItem *self,
                            const char           *label,
                            guint                 index)
{
  g_return_if_fail (IMPACT_IS_ACCESSIBLE_ITEM (self));
  g_return_if_fail (label != NULL);

  self->index = index;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

guint
impact_accessible_item_get_index (ImpactAccessibleItem *self)
{
  g_return_val_if_fail (IMPACT_IS_ACCESSIBLE_ITEM (self), 0);

  return self->index;
}

void
impact_accessible_item_set_selected (ImpactAccessibleItem *self,
                                     gboolean              selected)
{
  g_return_if_fail (IMPACT_IS_ACCESSIBLE_ITEM (self));

  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED, !!selected, -1);
}

void
impact_accessible_items_resize (GtkWidget *canvas,
                                GPtrArray *items,
                                guint      n_items)
{
  g_return_if_fail (GTK_IS_WIDGET (canvas));
  g_return_if_fail (items != NULL);

  while (items->len > n_items)
    {
      GtkWidget *item = g_ptr_array_steal_index (items, items->len - 1);

      gtk_widget_unparent (item);
    }
  while (items->len < n_items)
    {
      GtkWidget *item = impact_accessible_item_new ();

      gtk_widget_set_parent (item, canvas);
      g_ptr_array_add (items, item);
    }
}

void
impact_accessible_items_clear (GPtrArray *items)
{
  g_return_if_fail (items != NULL);

  while (items->len > 0)
    gtk_widget_unparent (g_ptr_array_steal_index (items, items->len - 1));
}

gboolean
impact_accessible_items_have_focus (GtkWidget *canvas)
{
  g_return_val_if_fail (GTK_IS_WIDGET (canvas), FALSE);

  return gtk_widget_is_focus (canvas) || gtk_widget_get_focus_child (canvas) != NULL;
}

gboolean
impact_accessible_items_focus (GtkWidget        *canvas,
                               GtkDirectionType  direction)
{
  g_return_val_if_fail (GTK_IS_WIDGET (canvas), FALSE);

  /* leaving: the next Tab stop is after the canvas, not its next part */
  if (impact_accessible_items_have_focus (canvas))
    return FALSE;
  return gtk_widget_grab_focus (canvas);
}
