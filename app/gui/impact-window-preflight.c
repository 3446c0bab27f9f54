/* impact-window-preflight.c: the preflight in the window
 *
 * Every warning that `impact-sheet validate` gives for the window's paper
 * (the loader's, the layout's overflow and what it left out, sources,
 * guidance texts left in, contrast, image resolution) is listed in a
 * popover of the header bar, whose button shows how many there are. Each
 * row names the part of the sheet it concerns; activating it selects that
 * part as a click on the sheet does (and focuses the very field when the
 * warning names one).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-window"

#include "config.h"

#include <glib/gi18n.h>

#include "impact-outline-path.h"
#include "impact-sheet-selection.h"
#include "impact-window-private.h"

#define MAX_ROWS 200

static void
row_activated_cb (ImpactWindow  *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list)
{
  const char *path = g_object_get_data (G_OBJECT (row), "impact-path");
  g_autofree char *key = path ? impact_editor_key_from_path (path) : NULL;
  ImpactSection section = IMPACT_SECTION_HEADER;
  ImpactOutlineTarget target;
  int item = -1;

  gtk_menu_button_popdown (self->preflight_button);
  if (impact_window_get_result (self) == NULL)
    return;

  target = impact_outline_path_parse (path, &section, &item);
  if (target == IMPACT_OUTLINE_TARGET_SECTION)
    {
      if (item >= 0 && !impact_sheet_layout_find (impact_window_get_result (self)->layout, section, item, NULL, NULL))
        impact_sheet_preview_select (self->preview, section, -1);
      impact_window_select (self, section, item);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->side_stack, "edit");
      adw_flap_set_reveal_flap (self->flap, TRUE);
    }
  /* The field the warning names, when the pane has it */
  impact_editor_pane_focus_field (self->editor, key);
}

static GtkWidget *
warning_row (const ImpactDiagnostic *diag)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (diag->severity == IMPACT_SEVERITY_ERROR
                                                  ? "dialog-error-symbolic"
                                                  : "dialog-warning-symbolic");
  GtkWidget *title, *message;
  g_autofree char *name = NULL;
  ImpactSection section;
  int item;

  switch (impact_outline_path_parse (diag->path, &section, &item))
    {
    case IMPACT_OUTLINE_TARGET_SECTION:
      name = impact_sheet_selection_describe (section, item);
      break;
    case IMPACT_OUTLINE_TARGET_THEME:
      name = g_strdup (_("Design"));
      break;
    case IMPACT_OUTLINE_TARGET_NONE:
    default:
      name = g_strdup (_("Document"));
      break;
    }

  title = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  message = gtk_label_new (diag->message);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (message), 48);
  gtk_label_set_width_chars (GTK_LABEL (message), 36);
  gtk_widget_add_css_class (message, "dim-label");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, diag->severity == IMPACT_SEVERITY_ERROR ? "error" : "warning");

  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), message);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "impact-path", g_strdup (diag->path), g_free);
  {
    /* Translators: a screen reader's name for a preflight row: "Statistic 1: no source; …" */
    g_autofree char *label = g_strdup_printf (_("%s: %s"), name, diag->message);

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  return row;
}

static void
layout_changed_cb (ImpactWindow       *self,
                   GParamSpec         *pspec,
                   ImpactSheetPreview *preview)
{
  impact_window_preflight_update (self);
}

void
impact_window_preflight_init (ImpactWindow *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Before Printing"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  self->preflight_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  self->preflight_count = GTK_LABEL (gtk_label_new ("0"));
  gtk_box_append (GTK_BOX (content), icon);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->preflight_count));
  gtk_menu_button_set_child (self->preflight_button, content);
  gtk_widget_set_name (GTK_WIDGET (self->preflight_button), "preflight");

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_start (heading, 6);
  self->preflight_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->preflight_count), "preflight-count");
  gtk_widget_set_name (GTK_WIDGET (self->preflight_list), "preflight-list");
  gtk_list_box_set_selection_mode (self->preflight_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->preflight_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preflight_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problems before printing"),
                                  -1);
  g_signal_connect_object (self->preflight_list, "row-activated", G_CALLBACK (row_activated_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 6 * 84);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->preflight_list));
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (self->preflight_button, popover);

  /* Beside Export: a narrow window drops it with Export (the outline
   * pane lists the same warnings) */
  gtk_box_prepend (self->wide_end_box, GTK_WIDGET (self->preflight_button));
  g_signal_connect_object (self->preview, "notify::layout", G_CALLBACK (layout_changed_cb),
                           self, G_CONNECT_SWAPPED);
  impact_window_preflight_update (self);
}

void
impact_window_preflight_update (ImpactWindow *self)
{
  g_autoptr(ImpactDiagnostics) diagnostics = NULL;
  g_autofree char *count = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preflight_list))) != NULL)
    gtk_list_box_remove (self->preflight_list, child);

  if (impact_window_get_result (self) != NULL)
    {
      diagnostics = impact_load_result_dup_diagnostics (impact_window_get_result (self));
      n = impact_diagnostics_get_n_items (diagnostics);
      /* a long case log may have hundreds: the first ones, and how many */
      for (guint i = 0; i < MIN (n, MAX_ROWS); i++)
        gtk_list_box_append (self->preflight_list,
                             warning_row (impact_diagnostics_get_item (diagnostics, i)));
      if (n > MAX_ROWS)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                                "and %u more", n - MAX_ROWS),
                                                   n - MAX_ROWS);
          GtkWidget *row = gtk_list_box_row_new ();

          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), gtk_label_new (more));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
          gtk_list_box_append (self->preflight_list, row);
        }
    }

  count = g_strdup_printf ("%u", n);
  gtk_label_set_text (self->preflight_count, count);
  /* room for a few rows without scrolling */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (self->preflight_list)))),
                                              MIN (n, 6) * 84);
  tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Problem Before Printing",
                                          "%u Problems Before Printing", n), n);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->preflight_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preflight_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->preflight_button), impact_window_get_result (self) != NULL && n > 0);
}

guint
impact_window_preflight_get_n_problems (ImpactWindow *self)
{
  g_autoptr(ImpactDiagnostics) diagnostics = NULL;

  if (impact_window_get_result (self) == NULL)
    return 0;
  diagnostics = impact_load_result_dup_diagnostics (impact_window_get_result (self));
  return impact_diagnostics_get_n_items (diagnostics);
}
