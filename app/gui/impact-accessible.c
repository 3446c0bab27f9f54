/* impact-accessible.c: names for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-accessible"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "impact-accessible.h"

#define LABEL_KEY "impact-accessible-label"

void
impact_accessible_set_label (GtkWidget  *widget,
                             const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (label != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  /* the label is the whole name: GTK 4.8 would add the text of a label
   * that names the widget too ("Header Header"; libadwaita's rows, a
   * mnemonic label) */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  g_object_set_data_full (G_OBJECT (widget), LABEL_KEY, g_strdup (label), g_free);
}

const char *
impact_accessible_get_label (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_data (G_OBJECT (widget), LABEL_KEY);
}

/* The first widget of @type under @widget (itself included), depth first;
 * @skip of them are passed over */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type,
                 guint     *skip)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      if (*skip == 0)
        return widget;
      (*skip)--;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, skip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
nth_descendant (GtkWidget *widget,
                GType      type,
                guint      n)
{
  return find_descendant (widget, type, &n);
}

void
impact_accessible_label_expander_row (GtkWidget  *expander_row,
                                      const char *title)
{
  GtkWidget *header_list;
  GtkWidget *rows_list;

  g_return_if_fail (ADW_IS_EXPANDER_ROW (expander_row));
  g_return_if_fail (title != NULL);

  impact_accessible_set_label (expander_row, title);
  /* the row itself is the first list box row found: its lists follow */
  header_list = nth_descendant (expander_row, GTK_TYPE_LIST_BOX, 0);
  rows_list = nth_descendant (expander_row, GTK_TYPE_LIST_BOX, 1);
  if (header_list != NULL)
    impact_accessible_set_label (header_list, title);
  if (rows_list != NULL)
    {
      /* Translators: read by a screen reader: the list of fields a
       * statistic, fact or milestone reveals in the editor, "435: Details" */
      g_autofree char *label = g_strdup_printf (_("%s: Details"), title);

      impact_accessible_set_label (rows_list, label);
    }
}

static void
label_lists (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_LIST_BOX (widget) && impact_accessible_get_label (widget) == NULL)
    impact_accessible_set_label (widget, label);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    label_lists (child, label);
}

void
impact_accessible_label_lists (GtkWidget  *widget,
                               const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (label != NULL);

  label_lists (widget, label);
}

void
impact_accessible_expose_entry_row (GtkWidget  *entry_row,
                                    const char *title)
{
  GtkEditable *text;

  g_return_if_fail (ADW_IS_ENTRY_ROW (entry_row));
  g_return_if_fail (title != NULL);

  text = gtk_editable_get_delegate (GTK_EDITABLE (entry_row));
  /* the role can be set only before the text is shown (its accessible
   * context realized); a row that already presents it is left alone */
  if (!GTK_IS_TEXT (text) || gtk_widget_get_realized (GTK_WIDGET (text)) ||
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (text)) != GTK_ACCESSIBLE_ROLE_NONE)
    return;
  g_object_set (text, "accessible-role", GTK_ACCESSIBLE_ROLE_TEXT_BOX, NULL);
  impact_accessible_set_label (GTK_WIDGET (text), title);
}

/* The button under @widget that shows only the icon @icon_name */
static GtkWidget *
find_icon_button (GtkWidget  *widget,
                  const char *icon_name)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (GTK_IS_BUTTON (widget) && GTK_IS_IMAGE (child) &&
      g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (child)), icon_name) == 0)
    return widget;
  for (; child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_icon_button (child, icon_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
impact_accessible_label_shortcuts (GtkWidget *shortcuts_window)
{
  GtkWidget *widget;

  g_return_if_fail (GTK_IS_SHORTCUTS_WINDOW (shortcuts_window));

  if ((widget = nth_descendant (shortcuts_window, GTK_TYPE_SEARCH_ENTRY, 0)) != NULL)
    {
      /* GTK's own placeholder says the same, but not in every language
       * its catalogue covers (Bengali shows it in English) */
      g_object_set (widget, "placeholder-text", _("Search Shortcuts"), NULL);
      impact_accessible_set_label (widget, _("Search Shortcuts"));
    }
  if ((widget = find_icon_button (shortcuts_window, "edit-find-symbolic")) != NULL)
    impact_accessible_set_label (widget, _("Search"));
  if ((widget = nth_descendant (shortcuts_window, GTK_TYPE_MENU_BUTTON, 0)) != NULL)
    impact_accessible_set_label (widget, _("Sections"));
}

/* The first label under @widget with a mnemonic */
static GtkWidget *
find_mnemonic_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_label_get_use_underline (GTK_LABEL (child)))
        return child;
      if ((found = find_mnemonic_label (child)) != NULL)
        return found;
    }
  return NULL;
}

void
impact_accessible_name_parts (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* an AdwSplitButton's arrow: by its tooltip ("Recent Documents") */
  if (ADW_IS_SPLIT_BUTTON (widget) && adw_split_button_get_dropdown_tooltip (ADW_SPLIT_BUTTON (widget)) != NULL)
    {
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_MENU_BUTTON (child))
          impact_accessible_set_label (child, adw_split_button_get_dropdown_tooltip (ADW_SPLIT_BUTTON (widget)));
    }
  else if (GTK_IS_BUTTON (widget))
    {
      GtkWidget *label = find_mnemonic_label (widget);
      const char *text = label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;

      /* the text without its underscore, once */
      if (text != NULL && *text != '\0')
        impact_accessible_set_label (widget, text);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    impact_accessible_name_parts (child);
}
