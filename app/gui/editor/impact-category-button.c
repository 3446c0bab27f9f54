/* impact-category-button.c: the categories a document already uses
 *
 * A milestone's and an era's category is free text, but a sheet uses a
 * few of them (the timeline gives each its colour): a button at the end
 * of the entry row lists the categories of the document's milestones and
 * eras, made when it opens; choosing one fills the field (which applies
 * it as typing would). A new category is still typed in the field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-editor-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "impact-accessible.h"
#include "impact-editor-pane-private.h"

static void
add_category (GPtrArray  *names,
              const char *category)
{
  if (category == NULL || *category == '\0')
    return;
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), category))
      return;
  g_ptr_array_add (names, (gpointer) category);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
choice_clicked_cb (GtkButton *button,
                   GtkWidget *row)
{
  const char *category = g_object_get_data (G_OBJECT (button), "impact-category");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_editable_set_text (GTK_EDITABLE (row), category);
  gtk_editable_set_position (GTK_EDITABLE (row), -1);
  gtk_widget_grab_focus (row);
}

/* The list, made each time the button opens: it says what is used now */
static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  GtkWidget *row = user_data;
  ImpactEditorPane *self = IMPACT_EDITOR_PANE (gtk_widget_get_ancestor (row, IMPACT_TYPE_EDITOR_PANE));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  const char *current = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self != NULL && self->document != NULL)
    {
      GPtrArray *milestones = impact_document_get_list (self->document, IMPACT_LIST_MILESTONES);
      GPtrArray *eras = impact_document_get_list (self->document, IMPACT_LIST_ERAS);

      for (guint i = 0; i < milestones->len; i++)
        add_category (names, ((ImpactMilestone *) g_ptr_array_index (milestones, i))->category);
      for (guint i = 0; i < eras->len; i++)
        add_category (names, ((ImpactEra *) g_ptr_array_index (eras, i))->category);
    }
  g_ptr_array_sort (names, compare_names);

  gtk_widget_add_css_class (popover, "menu");
  if (names->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("No categories yet: type one in the field"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_box_append (GTK_BOX (box), label);
    }
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      GtkWidget *choice = gtk_button_new ();
      GtkWidget *label = gtk_label_new (name);
      g_autofree char *widget_name = g_strdup_printf ("category:%s", name);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_button_set_child (GTK_BUTTON (choice), label);
      gtk_widget_add_css_class (choice, "flat");
      gtk_widget_set_name (choice, widget_name);
      if (g_strcmp0 (name, current) == 0)
        gtk_widget_add_css_class (label, "heading");
      g_object_set_data_full (G_OBJECT (choice), "impact-category", g_strdup (name), g_free);
      g_signal_connect (choice, "clicked", G_CALLBACK (choice_clicked_cb), row);
      gtk_box_append (GTK_BOX (box), choice);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);
}

void
impact_category_button_add (ImpactEditorPane *self,
                            GtkWidget        *row,
                            const char       *key)
{
  GtkWidget *button = gtk_menu_button_new ();
  const char *label = _("Categories in This Document");

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "pan-down-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_set_name (button, "categories");
  impact_accessible_set_label (button, label);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_popup_cb, row, NULL);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
}
