/* impact-icon-row.c: an icon, chosen among the built-in ones
 *
 * A statistic's and a pillar's icon is one of the app's built-in vector
 * icons (impact-icons.h): the loader warns about any other name and the
 * sheet draws nothing for it, so there is no free entry here, only a
 * choice. The row shows the icon itself, drawn by core's own paths (what
 * is chosen is what the sheet prints), and its name; the button opens a
 * grid of the icons the document already uses first, then the app's
 * other icons, and "No Icon". The grid is made each time it opens, so it
 * says what the document uses now. Choosing one writes its name through
 * the pane's edit path, as typing would (so undo takes it back).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-editor-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "impact-accessible.h"
#include "impact-editor-pane-private.h"
#include "impact-icons.h"

#define GRID_COLUMNS 4

typedef struct
{
  ImpactEditorField *field;    /* borrowed: the button owns it */
  GtkWidget         *row;
  GtkWidget         *button;
  GtkWidget         *image;    /* the current icon */
  GtkWidget         *label;    /* its name */
} IconRow;

/* The label of @id ("" or NULL: none) */
static const char *
icon_label (const char *id)
{
  for (guint i = 0; impact_field_icon_choices[i] != NULL; i++)
    if (g_strcmp0 (impact_field_icon_choices[i], id ? id : "") == 0)
      return _(impact_field_icon_labels[i]);
  return NULL;
}

static void
draw_icon_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  const char *name = g_object_get_data (G_OBJECT (area), "impact-icon");
  double size = MIN (width, height);
  GdkRGBA color;

  if (name == NULL)
    return;
  /* in the text's colour, as a symbolic icon would be */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
  gdk_cairo_set_source_rgba (cr, &color);
  impact_icon_draw (cr, name, (width - size) / 2, (height - size) / 2, size);
}

static GtkWidget *
icon_image_new (int size)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), size);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), size);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_icon_cb, NULL, NULL);
  gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  return area;
}

static void
icon_image_set (GtkWidget  *area,
                const char *name)
{
  gboolean shown = name != NULL && impact_icon_exists (name);

  g_object_set_data_full (G_OBJECT (area), "impact-icon", shown ? g_strdup (name) : NULL, g_free);
  gtk_widget_set_visible (area, shown);
  gtk_widget_queue_draw (area);
}

/* The row shows the value the field holds now */
static void
show_current (IconRow *icon_row)
{
  const char *current = *(char **) icon_row->field->target;
  const char *label = icon_label (current);
  g_autofree char *accessible = NULL;

  icon_image_set (icon_row->image, current);
  gtk_label_set_text (GTK_LABEL (icon_row->label), label ? label : current);
  /* Translators: the field's name, then the icon chosen ("Icon: Heart") */
  accessible = g_strdup_printf (_("%s: %s"), _(icon_row->field->info->label),
                                label ? label : current);
  impact_accessible_set_label (icon_row->button, accessible);
}

static void
choice_clicked_cb (GtkButton *button,
                   IconRow   *icon_row)
{
  const char *id = g_object_get_data (G_OBJECT (button), "impact-icon-id");
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (icon_row->button));

  if (popover != NULL)
    gtk_popover_popdown (popover);
  impact_field_row_text_changed (icon_row->field, id);
  show_current (icon_row);
  gtk_widget_grab_focus (icon_row->button);
}

/* A toggle, so that the current icon stands out */
static GtkWidget *
choice_button (IconRow    *icon_row,
               const char *id,
               const char *label,
               gboolean    current)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *caption = gtk_label_new (label);
  g_autofree char *name = g_strdup_printf ("icon:%s", *id ? id : "none");

  if (*id != '\0')
    {
      GtkWidget *image = icon_image_new (24);

      icon_image_set (image, id);
      gtk_box_append (GTK_BOX (box), image);
      gtk_widget_set_size_request (button, 80, -1);
      gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (caption), 11);
      gtk_widget_add_css_class (caption, "caption");
    }
  gtk_box_append (GTK_BOX (box), caption);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), current);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, label);
  impact_accessible_set_label (button, label);
  g_object_set_data_full (G_OBJECT (button), "impact-icon-id", g_strdup (id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (choice_clicked_cb), icon_row);
  return button;
}

static void
add_used (GPtrArray  *used,
          const char *icon)
{
  if (icon != NULL && impact_icon_exists (icon) && !g_ptr_array_find_with_equal_func (used, icon, g_str_equal, NULL))
    g_ptr_array_add (used, (gpointer) icon);
}

/* The icons of the document's statistics and pillars */
static GPtrArray *
icons_in_use (ImpactDocument *document)
{
  GPtrArray *used = g_ptr_array_new ();

  if (document != NULL)
    {
      GPtrArray *stats = impact_document_get_list (document, IMPACT_LIST_STATISTICS);
      GPtrArray *pillars = impact_document_get_list (document, IMPACT_LIST_PILLARS);

      for (guint i = 0; i < stats->len; i++)
        add_used (used, ((ImpactStatistic *) g_ptr_array_index (stats, i))->icon);
      for (guint i = 0; i < pillars->len; i++)
        add_used (used, ((ImpactPillar *) g_ptr_array_index (pillars, i))->icon);
    }
  return used;
}

/* A heading and a grid of the built-in icons that are (@in_use TRUE) or
 * are not in @used, in the table's order; nothing when there are none */
static void
add_section (IconRow    *icon_row,
             GtkWidget  *box,
             const char *title,
             GPtrArray  *used,
             gboolean    in_use)
{
  const char *current = *(char **) icon_row->field->target;
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *heading;
  guint n = 0;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 2);
  for (guint i = 0; impact_field_icon_choices[i] != NULL; i++)
    {
      const char *id = impact_field_icon_choices[i];

      if (*id == '\0' || g_ptr_array_find_with_equal_func (used, id, g_str_equal, NULL) != in_use)
        continue;
      gtk_grid_attach (GTK_GRID (grid),
                       choice_button (icon_row, id, _(impact_field_icon_labels[i]), g_strcmp0 (current, id) == 0),
                       n % GRID_COLUMNS, n / GRID_COLUMNS, 1, 1);
      n++;
    }
  if (n == 0)
    {
      g_object_ref_sink (grid);
      g_object_unref (grid);
      return;
    }
  heading = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_widget_set_margin_start (heading, 6);
  gtk_widget_set_margin_top (heading, gtk_widget_get_first_child (box) ? 6 : 0);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), grid);
}

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  IconRow *icon_row = user_data;
  ImpactDocument *document = icon_row->field->pane->document;
  const char *current = *(char **) icon_row->field->target;
  g_autoptr(GPtrArray) used = icons_in_use (document);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  add_section (icon_row, box, _("In This Document"), used, TRUE);
  add_section (icon_row, box, used->len > 0 ? _("Other Icons") : _("Icons"), used, FALSE);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), choice_button (icon_row, "", _("No Icon"),
                                                current == NULL || !impact_icon_exists (current)));
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);
}

GtkWidget *
impact_icon_row_new (ImpactEditorPane  *self,
                     ImpactEditorField *field)
{
  const char *title = _(field->info->label);
  IconRow *icon_row = g_new0 (IconRow, 1);
  GtkWidget *current;

  icon_row->field = field;
  icon_row->row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (icon_row->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (icon_row->row), title);

  /* the button shows the icon and its name, and opens the choices */
  icon_row->image = icon_image_new (16);
  icon_row->label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (icon_row->label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (icon_row->label), 14);
  current = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (current), icon_row->image);
  gtk_box_append (GTK_BOX (current), icon_row->label);
  icon_row->button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (icon_row->button), current);
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (icon_row->button), TRUE);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (icon_row->button), create_popup_cb, icon_row, NULL);
  gtk_widget_set_valign (icon_row->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon_row->button, "flat");
  gtk_widget_set_tooltip_text (icon_row->button, _("Choose an Icon"));
  gtk_widget_set_name (icon_row->button, "icons");
  adw_action_row_add_suffix (ADW_ACTION_ROW (icon_row->row), icon_row->button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (icon_row->row), icon_row->button);

  /* the button carries the field and the row's state */
  g_object_set_data_full (G_OBJECT (icon_row->button), "impact-icon-row", icon_row, g_free);
  impact_field_row_register (self, field, icon_row->button, icon_row->row);
  show_current (icon_row);
  return icon_row->row;
}
