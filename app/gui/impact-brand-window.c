/* impact-brand-window.c: a brand file in a window of its own
 *
 * The fields edit the brand file's tree (ImpactBrandFile); after each
 * valid change the chosen office is copied from the one loaded from disk,
 * the new brand values are applied to what it inherits
 * (impact_brand_apply()) and the copy is laid out again. The office itself
 * is never changed or saved.
 *
 * Both files are watched (ImpactFileWatch). The office changed by someone
 * else is shown as it is now; the brand is read again and its fields
 * rebuilt, unless the window has changes of its own: then a toast offers
 * to reload and lose them. A file that no longer reads leaves the window
 * as it was, with a toast that says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-brand-window"

#include "config.h"

#include <glib/gi18n.h>

#include "impact-accessible.h"
#include "impact-brand.h"
#include "impact-brand-window.h"
#include "impact-editor-pane.h"
#include "impact-file-watch.h"
#include "impact-open.h"
#include "impact-page.h"
#include "impact-sheet-layout.h"
#include "impact-theme.h"

#define SAMPLE_URI "resource:///io/github/impactsheet/ImpactSheet/examples/kolkata.json"
/* how long a file must be left alone before a change on disk counts */
#define SETTLE_MS 250

struct _ImpactBrandWindow
{
  AdwApplicationWindow parent_instance;

  GFile              *file;
  ImpactBrandFile    *brand;
  char               *error;

  AdwWindowTitle     *title;
  AdwToastOverlay    *toasts;
  GtkDropDown        *offices;
  GtkPaned           *paned;
  ImpactSheetPreview *preview;
  GHashTable         *fields;     /* path -> editable widget */
  GHashTable         *messages;   /* path -> message */

  GPtrArray          *office_files;  /* GFile */
  ImpactDocument     *office;        /* as loaded from disk, never changed */
  gboolean            sample;        /* the office is the built-in example */
  ImpactPageSize      page_size;
  gboolean            closing;
  guint               apply_idle;

  ImpactFileWatch    *brand_watch;
  ImpactFileWatch    *office_watch;
  gboolean            changed_on_disk;  /* and not reloaded: the window has changes */
  char               *disk_error;       /* why the last reload failed */
};

G_DEFINE_FINAL_TYPE (ImpactBrandWindow, impact_brand_window, ADW_TYPE_APPLICATION_WINDOW)

/* The fields, in the order of the format */
static const struct
{
  const char *path;
  const char *title;
} field_titles[] = {
  { "organisation.name", N_("Name") },
  { "organisation.short_name", N_("Short Name") },
  { "organisation.website", N_("Website") },
  { "organisation.address", N_("Address, one line each") },
  { "organisation.phone", N_("Phone") },
  { "organisation.fax", N_("Fax") },
  { "organisation.email", N_("Email") },
  { "organisation.logo", N_("Logo") },
  { "organisation.logo_alt", N_("Logo Description") },
  { "theme.template", N_("Template") },
  { "theme.primary", N_("Primary Colour") },
  { "theme.accent", N_("Accent Colour") },
  { "theme.text", N_("Text Colour") },
  { "theme.background", N_("Background Colour") },
  { "theme.heading_font", N_("Heading Font") },
  { "theme.body_font", N_("Body Font") },
};

static const char * const template_ids[] = { "", "classic", "bold", NULL };

static gboolean
is_colour (const char *path)
{
  return g_str_has_prefix (path, "theme.") && !g_str_has_suffix (path, "_font") &&
         g_strcmp0 (path, "theme.template") != 0;
}

/* The preview */

static void
update_preview (ImpactBrandWindow *self)
{
  g_autoptr(ImpactDocument) doc = NULL;
  g_autoptr(ImpactDocument) values = NULL;
  g_autoptr(ImpactTheme) theme = NULL;
  g_autoptr(ImpactSheetLayout) layout = NULL;
  gint64 start;

  if (self->office == NULL || self->brand == NULL)
    {
      impact_sheet_preview_set_layout (self->preview, NULL);
      return;
    }
  start = g_get_monotonic_time ();
  doc = impact_document_copy (self->office);
  values = impact_brand_file_dup_values (self->brand);
  impact_brand_apply (doc, NULL, values, self->sample);
  theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
  layout = impact_sheet_layout_new (doc, theme, self->page_size, NULL);
  impact_sheet_preview_set_layout (self->preview, layout);
  g_debug ("Brand preview laid out in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
}

static void office_changed_cb (ImpactBrandWindow *self);

/* The chosen office, read from its file; when @keep, a file that no longer
 * reads leaves the office shown as it was */
static void
load_office (ImpactBrandWindow *self,
             gboolean           keep)
{
  guint chosen = gtk_drop_down_get_selected (self->offices);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) sample = g_file_new_for_uri (SAMPLE_URI);
  ImpactDocument *office;
  GFile *file;

  self->sample = self->office_files == NULL || chosen >= self->office_files->len;
  file = self->sample ? sample : g_ptr_array_index (self->office_files, chosen);
  office = impact_document_open_file (file, NULL, NULL, NULL, &error);
  if (office == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot show this office: %s"), error->message);

      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
      if (keep)
        return;
    }
  g_clear_object (&self->office);
  self->office = office;
  if (!keep)
    {
      g_clear_object (&self->office_watch);
      if (!self->sample)
        {
          self->office_watch = impact_file_watch_new (file, SETTLE_MS);
          g_signal_connect_swapped (self->office_watch, "changed", G_CALLBACK (office_changed_cb), self);
        }
    }
  update_preview (self);
}

static void
office_changed_cb (ImpactBrandWindow *self)
{
  impact_file_watch_know_changed (self->office_watch);
  load_office (self, TRUE);
}

static void
office_chosen_cb (ImpactBrandWindow *self)
{
  load_office (self, FALSE);
}

/* Fields */

static void
update_title (ImpactBrandWindow *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *title = NULL;

  if (self->brand != NULL && impact_brand_file_is_modified (self->brand))
    title = g_strdup_printf ("• %s", name);
  adw_window_title_set_title (self->title, title ? title : name);
  gtk_window_set_title (GTK_WINDOW (self), title ? title : name);
}

static void
set_message (ImpactBrandWindow *self,
             GtkWidget         *row,
             const char        *path,
             const char        *message)
{
  if (message != NULL)
    {
      g_hash_table_replace (self->messages, g_strdup (path), g_strdup (message));
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, message);
    }
  else
    {
      g_hash_table_remove (self->messages, path);
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
    }
}

static void
apply_value (ImpactBrandWindow *self,
             GtkWidget         *row,
             const char        *path,
             const char        *value)
{
  g_autoptr(GError) error = NULL;

  if (!impact_brand_file_set_value (self->brand, path, value, &error))
    {
      /* Translators: next to a brand field whose text is not a value */
      g_autofree char *message = is_colour (path) ? g_strdup (_("Not a colour: write it as #rrggbb"))
                                                  : g_strdup (error->message);

      set_message (self, row, path, message);
      return;
    }
  set_message (self, row, path, NULL);
  update_title (self);
  update_preview (self);
}

/* A typed value, once the text settles: setting a text deletes the old
 * one first, which alone would remove the member */
static void
apply_entry (ImpactBrandWindow *self,
             GtkEditable       *editable)
{
  const char *path = g_object_get_data (G_OBJECT (editable), "impact-brand-path");
  GtkColorButton *button = g_object_get_data (G_OBJECT (editable), "impact-brand-colour");
  const char *text = gtk_editable_get_text (editable);
  GdkRGBA rgba;

  apply_value (self, GTK_WIDGET (editable), path, text);
  /* the swatch follows a valid colour typed in */
  if (button != NULL && !g_hash_table_contains (self->messages, path) && text[0] != '\0' &&
      gdk_rgba_parse (&rgba, text))
    {
      g_signal_handlers_block_matched (button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, editable);
      gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);
      g_signal_handlers_unblock_matched (button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, editable);
    }
}

static gboolean
apply_idle_cb (gpointer data)
{
  ImpactBrandWindow *self = data;
  GHashTableIter iter;
  gpointer widget;

  self->apply_idle = 0;
  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, &widget))
    if (g_object_steal_data (G_OBJECT (widget), "impact-brand-pending") != NULL)
      apply_entry (self, GTK_EDITABLE (widget));
  return G_SOURCE_REMOVE;
}

static void
entry_changed_cb (GtkEditable       *editable,
                  ImpactBrandWindow *self)
{
  g_object_set_data (G_OBJECT (editable), "impact-brand-pending", GINT_TO_POINTER (1));
  if (self->apply_idle == 0)
    self->apply_idle = g_idle_add (apply_idle_cb, self);
}

static void
colour_chosen_cb (GtkColorButton *button,
                  GParamSpec     *pspec,
                  GtkEditable    *editable)
{
  GdkRGBA rgba;
  g_autofree char *text = NULL;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  text = g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + 0.5),
                          (int) (rgba.green * 255 + 0.5), (int) (rgba.blue * 255 + 0.5));
  gtk_editable_set_text (editable, text);
}

/* The logo chosen from the disk: written relative to the brand file's
 * folder, where the offices look for it (impact_brand_file_dup_values) */
static void
logo_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                GtkEditable     *editable)
{
  ImpactBrandWindow *self = IMPACT_BRAND_WINDOW (gtk_widget_get_root (GTK_WIDGET (editable)));

  if (response == GTK_RESPONSE_ACCEPT && self != NULL)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = chosen ? impact_editor_image_path (self->file, chosen) : NULL;

      if (path != NULL)
        gtk_editable_set_text (editable, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (editable);
}

static void
choose_logo_clicked_cb (GtkButton   *button,
                        GtkEditable *editable)
{
  ImpactBrandWindow *self = IMPACT_BRAND_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = impact_editor_image_filter_new ();
  g_autoptr(GFile) folder = g_file_get_parent (self->file);
  const char *current = gtk_editable_get_text (editable);

  chooser = gtk_file_chooser_native_new (_("Choose a Logo"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* the logo there is now, else the brand's folder */
  if (folder != NULL)
    {
      g_autoptr(GFile) logo = current[0] != '\0' ? g_file_resolve_relative_path (folder, current) : NULL;

      if (logo != NULL && g_file_query_exists (logo, NULL))
        gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), logo, NULL);
      else
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (logo_chosen_cb), g_object_ref (editable));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
address_changed_cb (GtkTextBuffer     *buffer,
                    ImpactBrandWindow *self)
{
  GtkWidget *view = g_object_get_data (G_OBJECT (buffer), "impact-brand-view");
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  apply_value (self, view, "organisation.address", text);
}

static void
template_chosen_cb (AdwComboRow       *row,
                    GParamSpec        *pspec,
                    ImpactBrandWindow *self)
{
  guint i = adw_combo_row_get_selected (row);

  if (i < G_N_ELEMENTS (template_ids) - 1)
    apply_value (self, GTK_WIDGET (row), "theme.template", template_ids[i]);
}

static GtkWidget *
template_row (ImpactBrandWindow *self,
              const char        *title,
              const char        *value)
{
  GtkWidget *row = adw_combo_row_new ();
  /* Translators: the template drop-down of a brand: the app's default */
  const char *labels[] = { _("Default"), _("Classic"), _("Bold"), NULL };
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);
  guint selected = 0;

  for (guint i = 0; template_ids[i] != NULL; i++)
    if (g_strcmp0 (template_ids[i], value ? value : "") == 0)
      selected = i;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_signal_connect (row, "notify::selected", G_CALLBACK (template_chosen_cb), self);
  return row;
}

static GtkWidget *
address_row (ImpactBrandWindow *self,
             const char        *title,
             const char        *value)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  /* a row of the list like the others, in the order of the format */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_text_buffer_set_text (buffer, value ? value : "", -1);
  g_object_set_data (G_OBJECT (buffer), "impact-brand-view", view);
  g_signal_connect (buffer, "changed", G_CALLBACK (address_changed_cb), self);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), view);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_hash_table_replace (self->fields, g_strdup ("organisation.address"), view);
  return row;
}

static GtkWidget *
entry_row (ImpactBrandWindow *self,
           const char        *path,
           const char        *title,
           const char        *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  impact_accessible_expose_entry_row (row, title);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  g_object_set_data_full (G_OBJECT (row), "impact-brand-path", g_strdup (path), g_free);
  if (is_colour (path))
    {
      GtkWidget *button = gtk_color_button_new ();
      GdkRGBA rgba;

      gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (button), FALSE);
      if (value != NULL && gdk_rgba_parse (&rgba, value))
        gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);
      gtk_color_button_set_title (GTK_COLOR_BUTTON (button), title);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Choose a colour"));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
      g_object_set_data (G_OBJECT (row), "impact-brand-colour", button);
      g_signal_connect (button, "notify::rgba", G_CALLBACK (colour_chosen_cb), row);
    }
  else if (g_strcmp0 (path, "organisation.logo") == 0)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("document-open-symbolic");

      gtk_widget_set_name (button, "choose-logo");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Choose a Logo…"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Choose a Logo…"), -1);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
      g_signal_connect (button, "clicked", G_CALLBACK (choose_logo_clicked_cb), row);
    }
  g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), self);
  g_hash_table_replace (self->fields, g_strdup (path), row);
  return row;
}

static GtkWidget *
build_fields (ImpactBrandWindow *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *org = adw_preferences_group_new ();
  GtkWidget *theme = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (org), _("Organisation"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (org),
                                         _("Every office that names this brand takes these values, "
                                           "unless it writes its own."));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (theme), _("Theme"));
  for (guint i = 0; i < G_N_ELEMENTS (field_titles); i++)
    {
      const char *path = field_titles[i].path;
      const char *title = _(field_titles[i].title);
      g_autofree char *value = impact_brand_file_dup_value (self->brand, path);
      GtkWidget *group = g_str_has_prefix (path, "theme.") ? theme : org;
      GtkWidget *row;

      if (g_strcmp0 (path, "organisation.address") == 0)
        row = address_row (self, title, value);
      else if (g_strcmp0 (path, "theme.template") == 0)
        row = template_row (self, title, value);
      else
        row = entry_row (self, path, title, value);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (org));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (theme));
  gtk_widget_set_size_request (page, 360, -1);
  return page;
}

static void
fill_offices (ImpactBrandWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GFile) folder = g_file_get_parent (self->file);

  self->office_files = impact_brand_file_find_offices (self->brand);
  for (guint i = 0; i < self->office_files->len; i++)
    {
      GFile *office = g_ptr_array_index (self->office_files, i);
      g_autofree char *relative = folder ? g_file_get_relative_path (folder, office) : NULL;
      g_autofree char *name = relative ? NULL : g_file_get_basename (office);

      gtk_string_list_append (names, relative ? relative : name);
    }
  /* Translators: the office shown with a brand when no office names it */
  gtk_string_list_append (names, _("Built-in Example"));
  gtk_drop_down_set_model (self->offices, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->offices, 0);
}

/* Saving and closing */

gboolean
impact_brand_window_save (ImpactBrandWindow  *self,
                          GError            **error)
{
  g_return_val_if_fail (IMPACT_IS_BRAND_WINDOW (self), FALSE);

  if (self->brand == NULL)
    return TRUE;
  if (self->apply_idle != 0)
    {
      g_source_remove (self->apply_idle);
      apply_idle_cb (self);
    }
  if (!impact_brand_file_save (self->brand, TRUE, error))
    return FALSE;
  /* what was written is not a change from outside */
  if (self->brand_watch != NULL)
    impact_file_watch_know_current (self->brand_watch);
  self->changed_on_disk = FALSE;
  update_title (self);
  return TRUE;
}

static void
save_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ImpactBrandWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!impact_brand_window_save (self, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toasts, toast);
    }
  else if (self->closing)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
close_response_cb (AdwMessageDialog  *dialog,
                   const char        *response,
                   ImpactBrandWindow *self)
{
  if (g_strcmp0 (response, "save") == 0)
    {
      self->closing = TRUE;
      save_action (NULL, NULL, self);
      self->closing = FALSE;
    }
  else if (g_strcmp0 (response, "discard") == 0)
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
impact_brand_window_close_request (GtkWindow *window)
{
  ImpactBrandWindow *self = IMPACT_BRAND_WINDOW (window);
  GtkWidget *dialog;

  if (self->apply_idle != 0)
    {
      g_source_remove (self->apply_idle);
      apply_idle_cb (self);
    }
  if (self->brand == NULL || !impact_brand_file_is_modified (self->brand))
    return GTK_WINDOW_CLASS (impact_brand_window_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Save Changes to the Brand?"),
                                   _("Every office that names this brand will follow the changes."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* The brand changed on disk */

/* Reads the brand again and rebuilds its fields; a file that does not read
 * leaves everything as it was */
static void
reload_brand (ImpactBrandWindow *self)
{
  g_autoptr(GError) error = NULL;
  ImpactBrandFile *brand = impact_brand_file_load (self->file, &error);
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *message = NULL;

  g_clear_pointer (&self->disk_error, g_free);
  if (brand == NULL)
    {
      self->disk_error = g_strdup (error->message);
      /* Translators: %s is why the brand file changed on disk no longer reads */
      message = g_strdup_printf (_("The brand changed on disk and cannot be read: %s. "
                                   "The window keeps what it shows."), error->message);
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
      return;
    }
  g_clear_handle_id (&self->apply_idle, g_source_remove);
  g_clear_object (&self->brand);
  self->brand = brand;
  impact_file_watch_know_changed (self->brand_watch);
  self->changed_on_disk = FALSE;
  g_hash_table_remove_all (self->fields);
  g_hash_table_remove_all (self->messages);
  gtk_paned_set_start_child (self->paned, build_fields (self));
  update_title (self);
  update_preview (self);
  /* Translators: %s is the brand file's name */
  message = g_strdup_printf (_("“%s” changed on disk and was read again"), name);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static void
reload_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  ImpactBrandWindow *self = user_data;

  if (self->paned != NULL)
    reload_brand (self);
}

static void
brand_changed_cb (ImpactBrandWindow *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *message = NULL;
  AdwToast *toast;

  /* a brand that could not be opened shows why; it opens when opened again */
  if (self->paned == NULL)
    return;
  if (self->apply_idle == 0 && !impact_brand_file_is_modified (self->brand))
    {
      reload_brand (self);
      return;
    }
  /* the window's own changes are not thrown away unasked */
  self->changed_on_disk = TRUE;
  /* Translators: %s is the brand file's name; the window has unsaved changes */
  message = g_strdup_printf (_("“%s” changed on disk"), name);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Reload"));
  adw_toast_set_action_name (toast, "win.reload");
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

gboolean
impact_brand_window_get_changed_on_disk (ImpactBrandWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_BRAND_WINDOW (self), FALSE);

  return self->changed_on_disk;
}

const char *
impact_brand_window_get_disk_error (ImpactBrandWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_BRAND_WINDOW (self), NULL);

  return self->disk_error;
}

/* GObject */

static void
impact_brand_window_dispose (GObject *object)
{
  ImpactBrandWindow *self = IMPACT_BRAND_WINDOW (object);

  g_clear_handle_id (&self->apply_idle, g_source_remove);
  g_clear_object (&self->brand_watch);
  g_clear_object (&self->office_watch);
  g_clear_object (&self->office);
  g_clear_pointer (&self->office_files, g_ptr_array_unref);
  G_OBJECT_CLASS (impact_brand_window_parent_class)->dispose (object);
}

static void
impact_brand_window_finalize (GObject *object)
{
  ImpactBrandWindow *self = IMPACT_BRAND_WINDOW (object);

  g_clear_object (&self->file);
  g_clear_object (&self->brand);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->messages, g_hash_table_unref);
  g_free (self->error);
  g_free (self->disk_error);
  G_OBJECT_CLASS (impact_brand_window_parent_class)->finalize (object);
}

static void
impact_brand_window_class_init (ImpactBrandWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = impact_brand_window_dispose;
  object_class->finalize = impact_brand_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = impact_brand_window_close_request;
}

static void
impact_brand_window_init (ImpactBrandWindow *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->page_size = IMPACT_PAGE_SIZE_A4;
}

static void brand_changed_cb (ImpactBrandWindow *self);
static void reload_action    (GSimpleAction *action, GVariant *parameter, gpointer user_data);

static void
build (ImpactBrandWindow *self)
{
  static const GActionEntry actions[] = { { "save", save_action }, { "reload", reload_action } };
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *offices = gtk_drop_down_new (NULL, NULL);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *preview = impact_sheet_preview_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  GSettingsSchema *schema;

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new ("", _("Brand")));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "win.save");
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), save);
  self->offices = GTK_DROP_DOWN (offices);
  gtk_widget_set_tooltip_text (offices, _("The office shown with this brand"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (offices), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Office shown"), -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), offices);
  gtk_box_append (GTK_BOX (toolbar), header);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->toasts));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), toolbar);

  /* the paper the sheet windows use */
  schema = g_settings_schema_source_get_default ()
             ? g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE)
             : NULL;
  if (schema != NULL)
    {
      g_autofree char *size = NULL;

      settings = g_settings_new (APP_ID);
      size = g_settings_get_string (settings, "page-size");
      if (!impact_page_size_from_string (size, &self->page_size))
        self->page_size = IMPACT_PAGE_SIZE_A4;
      g_settings_schema_unref (schema);
    }

  self->brand = impact_brand_file_load (self->file, &error);
  self->brand_watch = impact_file_watch_new (self->file, SETTLE_MS);
  g_signal_connect_swapped (self->brand_watch, "changed", G_CALLBACK (brand_changed_cb), self);
  if (self->brand == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      self->error = g_strdup (error->message);
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Cannot Open This Brand"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), self->error);
      adw_toast_overlay_set_child (self->toasts, status);
      gtk_widget_set_sensitive (save, FALSE);
      gtk_widget_set_visible (offices, FALSE);
      /* nothing to preview */
      g_object_unref (g_object_ref_sink (preview));
      g_object_unref (g_object_ref_sink (paned));
      g_object_unref (g_object_ref_sink (scroller));
      update_title (self);
      return;
    }

  self->paned = GTK_PANED (paned);
  self->preview = IMPACT_SHEET_PREVIEW (preview);
  impact_sheet_preview_set_zoom_to_fit (self->preview, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), preview);
  gtk_widget_set_hexpand (scroller, TRUE);
  gtk_paned_set_start_child (GTK_PANED (paned), build_fields (self));
  gtk_paned_set_end_child (GTK_PANED (paned), scroller);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 400);
  adw_toast_overlay_set_child (self->toasts, paned);

  fill_offices (self);
  g_signal_connect_swapped (offices, "notify::selected", G_CALLBACK (office_chosen_cb), self);
  load_office (self, FALSE);
  update_title (self);
}

GtkWindow *
impact_brand_window_open (GtkApplication *app,
                          GFile          *file)
{
  ImpactBrandWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (IMPACT_IS_BRAND_WINDOW (l->data) && g_file_equal (IMPACT_BRAND_WINDOW (l->data)->file, file))
      {
        gtk_window_present (l->data);
        return l->data;
      }

  self = g_object_new (IMPACT_TYPE_BRAND_WINDOW, "application", app,
                       "default-width", 1100, "default-height", 760, NULL);
  self->file = g_object_ref (file);
  build (self);
  gtk_window_present (GTK_WINDOW (self));
  return GTK_WINDOW (self);
}

GFile *
impact_brand_window_get_file (ImpactBrandWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_BRAND_WINDOW (self), NULL);

  return self->file;
}

ImpactBrandFile *
impact_brand_window_get_brand (ImpactBrandWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_BRAND_WINDOW (self), NULL);

  return self->brand;
}

const char *
impact_brand_window_get_error (ImpactBrandWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_BRAND_WINDOW (self), NULL);

  return self->error;
}

GtkWidget *
impact_brand_window_get_field (ImpactBrandWindow *self,
                               const char        *path)
{
  g_return_val_if_fail (IMPACT_IS_BRAND_WINDOW (self), NULL);

  return g_hash_table_lookup (self->fields, path);
}

const char *
impact_brand_window_get_message (ImpactBrandWindow *self,
                                 const char        *path)
{
  g_return_val_if_fail (IMPACT_IS_BRAND_WINDOW (self), NULL);

  return g_hash_table_lookup (self->messages, path);
}

ImpactSheetPreview *
impact_brand_window_get_preview (ImpactBrandWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_BRAND_WINDOW (self), NULL);

  return self->preview;
}

GtkDropDown *
impact_brand_window_get_offices (ImpactBrandWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_BRAND_WINDOW (self), NULL);

  return self->offices;
}
