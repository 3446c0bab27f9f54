/* impact-font-row.c: a font family, chosen among those installed
 *
 * The row shows the family the data names, set in its own face, and says
 * when it is not installed (the sheet would be set in a fallback). The
 * button next to it opens a popover with a search entry and the families
 * of this computer's font map, each in its own face: the ones the app's
 * packages install (Inter, the Noto families: impact-fonts.h) first, then
 * the others. Choosing one writes its name into the data as if it were
 * typed, through the pane's edit path (so undo takes it back). The list is
 * made when the popover first opens, not with the pane.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-editor-pane"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "impact-accessible.h"
#include "impact-editor-pane-private.h"
#include "impact-fonts.h"

typedef struct
{
  ImpactEditorField *field;    /* borrowed: the button owns it */
  GtkWidget         *row;
  GtkWidget         *button;
  GtkWidget         *current;  /* the family, in its face */
  GtkWidget         *popover;
  GtkWidget         *search;
  GtkWidget         *list;
  gboolean           filled;
} FontRow;

/* Fontconfig's aliases, which name no face of their own */
static const char * const generic_families[] = {
  "Sans", "Serif", "Monospace", "System-ui", "Cursive", "Fantasy", "Emoji", "Math", "Fangsong",
  NULL
};

static gboolean
is_generic (const char *family)
{
  for (guint i = 0; generic_families[i] != NULL; i++)
    if (g_ascii_strcasecmp (family, generic_families[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Inter first, then Noto Sans and Serif, the other Noto families, then the rest */
static int
family_rank (const char *family)
{
  if (g_ascii_strncasecmp (family, "Inter", 5) == 0 && impact_fonts_is_bundled (family))
    return 0;
  if (g_ascii_strcasecmp (family, "Noto Sans") == 0 || g_ascii_strcasecmp (family, "Noto Serif") == 0)
    return 1;
  if (impact_fonts_is_bundled (family))
    return 2;
  return 3;
}

static const char *
row_family (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "family");
}

static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       data)
{
  const char *fa = row_family (a), *fb = row_family (b);
  int ra = family_rank (fa), rb = family_rank (fb);

  if (ra != rb)
    return ra - rb;
  return g_utf8_collate (fa, fb);
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       data)
{
  FontRow *font_row = data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (font_row->search));
  g_autofree char *needle = NULL;
  g_autofree char *haystack = NULL;

  if (search == NULL || *search == '\0')
    return TRUE;
  needle = g_utf8_casefold (search, -1);
  haystack = g_utf8_casefold (row_family (row), -1);
  return strstr (haystack, needle) != NULL;
}

static void
header_row (GtkListBoxRow *row,
            GtkListBoxRow *before,
            gpointer       data)
{
  gboolean bundled = family_rank (row_family (row)) < 3;
  GtkWidget *header;

  if (before != NULL && (family_rank (row_family (before)) < 3) == bundled)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (bundled ? _("Installed with Impact Sheet") : _("Other Fonts on This Computer"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_start (header, 6);
  gtk_widget_set_margin_top (header, 6);
  gtk_widget_set_margin_bottom (header, 3);
  gtk_list_box_row_set_header (row, header);
}

/* @label shows @family in its own face */
static void
set_face (GtkWidget  *label,
          const char *family,
          double      scale)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  if (family != NULL && *family != '\0')
    pango_attr_list_insert (attrs, pango_attr_family_new (family));
  if (scale != 1.0)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);
}

/* The first name of a comma-separated list, or NULL */
static char *
first_family (const char *value)
{
  g_auto(GStrv) parts = NULL;

  if (value == NULL)
    return NULL;
  parts = g_strsplit (value, ",", 2);
  if (parts[0] == NULL || *g_strstrip (parts[0]) == '\0')
    return NULL;
  return g_strdup (parts[0]);
}

/* The row shows @value, and says when it is not installed */
static void
show_value (FontRow    *font_row,
            const char *value)
{
  ImpactEditorField *field = font_row->field;
  g_autofree char *first = first_family (value);

  if (value == NULL || *value == '\0')
    {
      gtk_label_set_text (GTK_LABEL (font_row->current), _("Template Default"));
      set_face (font_row->current, NULL, 1.0);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (font_row->current), value);
      set_face (font_row->current, value, 1.0);
    }
  if (first != NULL && !impact_fonts_is_installed (first))
    {
      /* Translators: a font family the document names that this computer lacks */
      g_autofree char *message = g_strdup_printf (_("“%s” is not installed: the sheet uses another font"), first);

      impact_field_row_set_message (field->pane, field, message, FALSE);
    }
  else
    impact_field_row_set_message (field->pane, field, NULL, FALSE);
}

static GtkWidget *
family_row_new (const char *family)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (family);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  set_face (label, family, 1.2);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data_full (G_OBJECT (row), "family", g_strdup (family), g_free);
  /* for tests and for the accessible name */
  gtk_widget_set_name (row, family);
  impact_accessible_set_label (row, family);
  return row;
}

/* The families of the font map the sheet is set with */
static void
fill_list (FontRow *font_row)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoFontFamily **families = NULL;
  int n_families = 0;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (font_row->filled)
    return;
  font_row->filled = TRUE;
  pango_font_map_list_families (font_map, &families, &n_families);
  for (int i = 0; i < n_families; i++)
    {
      const char *name = pango_font_family_get_name (families[i]);

      if (name == NULL || is_generic (name) || g_hash_table_contains (seen, name))
        continue;
      g_hash_table_add (seen, (gpointer) name);
      gtk_list_box_append (GTK_LIST_BOX (font_row->list), family_row_new (name));
    }
  g_free (families);
}

static void
select_current (FontRow *font_row)
{
  ImpactEditorField *field = font_row->field;
  g_autofree char *first = first_family (*(char **) field->target);

  GtkListBoxRow *row;

  gtk_list_box_unselect_all (GTK_LIST_BOX (font_row->list));
  for (int i = 0; first && (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (font_row->list), i)); i++)
    if (g_ascii_strcasecmp (row_family (row), first) == 0)
      {
        gtk_list_box_select_row (GTK_LIST_BOX (font_row->list), row);
        break;
      }
}

static void
popover_show_cb (GtkWidget *popover,
                 FontRow   *font_row)
{
  fill_list (font_row);
  gtk_editable_set_text (GTK_EDITABLE (font_row->search), "");
  select_current (font_row);
  gtk_widget_grab_focus (font_row->search);
}

static void
choose (FontRow    *font_row,
        const char *family)
{
  impact_field_row_text_changed (font_row->field, family);
  show_value (font_row, *(char **) font_row->field->target);
  gtk_popover_popdown (GTK_POPOVER (font_row->popover));
}

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  FontRow       *font_row)
{
  choose (font_row, row_family (row));
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   FontRow        *font_row)
{
  gtk_list_box_invalidate_filter (GTK_LIST_BOX (font_row->list));
}

/* Enter in the search entry takes the first family shown (without a
 * search, the family chosen before: nothing changes) */
static void
search_activate_cb (GtkSearchEntry *entry,
                    FontRow        *font_row)
{
  GtkListBoxRow *row;

  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) == '\0')
    {
      gtk_popover_popdown (GTK_POPOVER (font_row->popover));
      return;
    }

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (font_row->list), i)); i++)
    if (filter_row (row, font_row))
      {
        choose (font_row, row_family (row));
        return;
      }
}

/* Down in the search entry goes into the list */
static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       FontRow               *font_row)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  return gtk_widget_child_focus (font_row->list, GTK_DIR_TAB_FORWARD);
}

GtkWidget *
impact_font_row_new (ImpactEditorPane  *self,
                     ImpactEditorField *field)
{
  const char *title = _(field->info->label);
  FontRow *font_row = g_new0 (FontRow, 1);
  GtkWidget *box, *scroller;

  font_row->field = field;
  font_row->row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (font_row->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (font_row->row), title);

  font_row->current = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (font_row->current), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (font_row->current), 18);
  gtk_widget_set_valign (font_row->current, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (font_row->row), font_row->current);

  font_row->search = gtk_search_entry_new ();
  g_object_set (font_row->search, "placeholder-text", _("Search fonts"), NULL);
  impact_accessible_set_label (font_row->search, _("Search fonts"));
  font_row->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (font_row->list), GTK_SELECTION_SINGLE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (font_row->list), TRUE);
  gtk_list_box_set_sort_func (GTK_LIST_BOX (font_row->list), sort_rows, NULL, NULL);
  gtk_list_box_set_filter_func (GTK_LIST_BOX (font_row->list), filter_row, font_row, NULL);
  gtk_list_box_set_header_func (GTK_LIST_BOX (font_row->list), header_row, NULL, NULL);
  gtk_widget_add_css_class (font_row->list, "navigation-sidebar");
  impact_accessible_set_label (font_row->list, title);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), font_row->list);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), font_row->search);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (font_row->search), font_row->list);

  font_row->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (font_row->popover), box);
  font_row->button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (font_row->button), "pan-down-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (font_row->button), font_row->popover);
  gtk_widget_set_valign (font_row->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (font_row->button, "flat");
  gtk_widget_set_tooltip_text (font_row->button, _("Choose a Font"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (font_row->row), font_row->button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (font_row->row), font_row->button);
  impact_accessible_set_label (font_row->button, title);

  /* the button carries the field and the row's state */
  g_object_set_data_full (G_OBJECT (font_row->button), "impact-font-row", font_row, g_free);
  impact_field_row_register (self, field, font_row->button, font_row->row);
  g_signal_connect (font_row->popover, "show", G_CALLBACK (popover_show_cb), font_row);
  g_signal_connect (font_row->list, "row-activated", G_CALLBACK (row_activated_cb), font_row);
  g_signal_connect (font_row->search, "search-changed", G_CALLBACK (search_changed_cb), font_row);
  g_signal_connect (font_row->search, "activate", G_CALLBACK (search_activate_cb), font_row);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), font_row);
    gtk_widget_add_controller (font_row->search, keys);
  }
  show_value (font_row, *(char **) field->target);
  return font_row->row;
}
