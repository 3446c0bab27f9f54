/* impact-application.c: the Impact Sheet application (one window per document)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-application"

#include "config.h"

#include <glib/gi18n.h>

#include <glib/gstdio.h>

#include "impact-accessible.h"
#include "impact-application.h"
#include "impact-brand-window.h"
#include "impact-help-topics.h"
#include "impact-window.h"

#define RESOURCE_BASE   "/io/github/impactsheet/ImpactSheet"
#define EXAMPLE_URI     "resource://" RESOURCE_BASE "/examples/kolkata.json"
#define MAX_RECENT      10

struct _ImpactApplication
{
  AdwApplication    parent_instance;

  /* Owned References */
  GSettings        *settings;
  GMenu            *recent_menu;
  GtkPrintSettings *print_settings;
  GtkPageSetup     *page_setup;

  /* Borrowed References */
  GtkRecentManager *recent_manager;

  guint             checked_recovery : 1;
};

G_DEFINE_FINAL_TYPE (ImpactApplication, impact_application, ADW_TYPE_APPLICATION)

static gint64 launch_time;

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { NULL }
};

/* Helpers */

static ImpactWindow *
find_window_for_file (ImpactApplication *self,
                      GFile             *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *shown;

      if (!IMPACT_IS_WINDOW (l->data))
        continue;

      shown = impact_window_get_file (IMPACT_WINDOW (l->data));
      if (shown != NULL && g_file_equal (shown, file))
        return IMPACT_WINDOW (l->data);
    }

  return NULL;
}

static ImpactWindow *
find_empty_window (ImpactApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (IMPACT_IS_WINDOW (l->data) && impact_window_is_empty (IMPACT_WINDOW (l->data)))
      return IMPACT_WINDOW (l->data);

  return NULL;
}

static void
rebuild_recent_menu (ImpactApplication *self)
{
  GList *items;
  guint n = 0;

  g_menu_remove_all (self->recent_menu);

  items = gtk_recent_manager_get_items (self->recent_manager);
  for (const GList *l = items; l != NULL && n < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *action = NULL;

      if (!gtk_recent_info_has_application (info, g_get_application_name ()) ||
          !g_str_has_suffix (uri, ".json") ||
          (gtk_recent_info_is_local (info) && !gtk_recent_info_exists (info)))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "app.open-uri", g_variant_new_string (uri));
      g_menu_append_item (self->recent_menu, item);
      n++;
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  if (n == 0)
    {
      /* An entry without an action is shown insensitive */
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Documents"), "app.no-recent");

      g_menu_append_item (self->recent_menu, item);
    }
}

static GtkWindow *
get_parent_window (ImpactApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

/* Signal callbacks */

static void
recent_changed_cb (ImpactApplication *self,
                   GtkRecentManager  *manager)
{
  rebuild_recent_menu (self);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(ImpactApplication) self = user_data;
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          impact_application_open_file (self, file, parent);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Actions */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ImpactApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing (not destroying) lets each window save its state */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  ImpactApplication *self = user_data;
  ImpactWindow *window = impact_window_new (self);

  gtk_window_present (GTK_WINDOW (window));
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  ImpactApplication *self = user_data;
  ImpactWindow *window = find_empty_window (self);

  if (window == NULL || impact_window_get_document (window) != NULL)
    window = impact_window_new (self);
  impact_window_new_document (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ImpactApplication *self = user_data;

  impact_application_choose_files (self, get_parent_window (self));
}

static void
open_uri_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  ImpactApplication *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  impact_application_open_file (self, file, get_parent_window (self));
}

static void
open_example_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  ImpactApplication *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (EXAMPLE_URI);

  impact_application_open_file (self, file, get_parent_window (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  ImpactApplication *self = user_data;
  static const char *developers[] = { "Impact Sheet contributors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", get_parent_window (self),
                        "application-name", _("Impact Sheet"),
                        "application-icon", APP_ID,
                        "developer-name", _("Impact Sheet contributors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Turn a nonprofit’s impact data into a printable two-page fact sheet."),
                        "website", "https://github.com/impactsheet/ImpactSheet",
                        "issue-url", "https://github.com/impactsheet/ImpactSheet/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© The Impact Sheet contributors"),
                        "developers", developers,
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* The user help (help/C/index.page), shown by yelp */
static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ImpactApplication *self = user_data;

  gtk_show_uri (get_parent_window (self), IMPACT_HELP_URI, GDK_CURRENT_TIME);
}

static const GActionEntry app_entries[] = {
  { "quit", quit_action },
  { "new-window", new_window_action },
  { "new", new_action },
  { "open", open_action },
  { "open-uri", open_uri_action, "s" },
  { "open-example", open_example_action },
  { "about", about_action },
  { "help", help_action },
};

/* GApplication overrides */

static int
impact_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "impact-sheet", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static void
impact_application_startup (GApplication *application)
{
  ImpactApplication *self = IMPACT_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[4];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.new", { "<Control>n", NULL } },
    { "app.help", { "F1", NULL } },
    { "app.new-window", { "<Control><Shift>n", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.reload", { "<Control>r", NULL } },
    { "win.present", { "F5", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
    { "win.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
    { "win.zoom-fit", { "<Control>0", "<Control>KP_0", NULL } },
    { "win.zoom-original", { "<Control>1", "<Control>KP_1", NULL } },
    { "win.fullscreen", { "F11", NULL } },
    { "win.toggle-outline", { "F9", NULL } },
  };

  G_APPLICATION_CLASS (impact_application_parent_class)->startup (application);

  g_set_application_name (_("Impact Sheet"));
  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect_object (self->recent_manager, "changed",
                           G_CALLBACK (recent_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);
}

static void
impact_application_activate (GApplication *application)
{
  ImpactApplication *self = IMPACT_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (impact_window_new (self));

  gtk_window_present (window);
  impact_application_check_recovery (self);
}

static void
impact_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  ImpactApplication *self = IMPACT_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    impact_application_open_file (self, files[i], NULL);
  impact_application_check_recovery (self);
}

/* Recovery copies left by a session that did not end */

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      ImpactApplication *self)
{
  GPtrArray *copies = g_object_get_data (G_OBJECT (dialog), "copies");

  g_object_set_data (G_OBJECT (self), "recovery-dialog", NULL);
  for (guint i = 0; i < copies->len; i++)
    {
      GFile *copy = g_ptr_array_index (copies, i);
      g_autofree char *path = g_file_get_path (copy);
      g_autofree char *info = g_strconcat (path, ".info", NULL);

      if (g_strcmp0 (response, "restore") == 0)
        {
          ImpactWindow *window = find_empty_window (self);
          g_autoptr(GError) error = NULL;

          if (window == NULL)
            window = impact_window_new (self);
          if (impact_window_restore_recovery (window, copy, &error))
            {
              gtk_window_present (GTK_WINDOW (window));
              continue;
            }
          g_warning ("Could not restore %s: %s", path, error->message);
        }
      else if (g_strcmp0 (response, "discard") == 0)
        {
          g_unlink (path);
          g_unlink (info);
        }
    }
}

void
impact_application_check_recovery (ImpactApplication *self)
{
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GString) names = NULL;
  GtkWidget *dialog;
  const char *name;

  g_return_if_fail (IMPACT_IS_APPLICATION (self));

  if (self->checked_recovery)
    return;
  self->checked_recovery = TRUE;

  dir_path = g_build_filename (g_get_user_state_dir (), "impact-sheet", "recovery", NULL);
  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return;

  copies = g_ptr_array_new_with_free_func (g_object_unref);
  names = g_string_new (NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *info_path = NULL;
      g_autoptr(GKeyFile) info = g_key_file_new ();
      g_autofree char *uri = NULL;
      g_autofree char *label = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      info_path = g_strconcat (path, ".info", NULL);
      if (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
        uri = g_key_file_get_string (info, "Recovery", "File", NULL);
      if (uri != NULL)
        {
          g_autoptr(GFile) original = g_file_new_for_uri (uri);

          label = g_file_get_basename (original);
        }
      else
        label = g_strdup (_("a new fact sheet"));
      g_string_append_printf (names, "%s“%s”", names->len ? ", " : "", label);
      g_ptr_array_add (copies, g_file_new_for_path (path));
    }
  if (copies->len == 0)
    return;

  dialog = adw_message_dialog_new (get_parent_window (self), _("Restore Unsaved Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Impact Sheet stopped before changes to %s were saved. "
                                    "A recovery copy of them was kept."),
                                  names->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Later"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "copies", g_steal_pointer (&copies), (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (self), "recovery-dialog", dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject overrides */

static void
impact_application_dispose (GObject *object)
{
  ImpactApplication *self = IMPACT_APPLICATION (object);

  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_func (self->recent_manager, recent_changed_cb, self);
  self->recent_manager = NULL;

  G_OBJECT_CLASS (impact_application_parent_class)->dispose (object);
}

static void
impact_application_finalize (GObject *object)
{
  ImpactApplication *self = IMPACT_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->page_setup);

  G_OBJECT_CLASS (impact_application_parent_class)->finalize (object);
}

/* GtkApplication overrides */

static void
impact_application_window_added (GtkApplication *application,
                                 GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (impact_application_parent_class)->window_added (application, window);

  impact_accessible_name_parts (GTK_WIDGET (window));
  /* GTK has just given the window its shortcuts window (gtk/help-overlay.ui) */
  if (GTK_IS_APPLICATION_WINDOW (window))
    {
      GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));

      if (overlay != NULL)
        {
          impact_accessible_label_shortcuts (GTK_WIDGET (overlay));
          impact_accessible_name_parts (GTK_WIDGET (overlay));
        }
    }
}

static void
impact_application_class_init (ImpactApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = impact_application_dispose;
  object_class->finalize = impact_application_finalize;

  app_class->handle_local_options = impact_application_handle_local_options;
  app_class->startup = impact_application_startup;
  app_class->activate = impact_application_activate;
  app_class->open = impact_application_open;
  gtk_app_class->window_added = impact_application_window_added;
}

static void
impact_application_init (ImpactApplication *self)
{
  self->recent_menu = g_menu_new ();

  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE.json…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Preview, print and export impact fact sheets.\n"
                                              "Run “impact-sheet export --help” for the command line."));
}

/* Public API */

ImpactApplication *
impact_application_new (void)
{
  if (launch_time == 0)
    launch_time = g_get_monotonic_time ();

  return g_object_new (IMPACT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

gint64
impact_application_get_launch_time (void)
{
  return launch_time;
}

GSettings *
impact_application_get_settings (ImpactApplication *self)
{
  g_return_val_if_fail (IMPACT_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  return self->settings;
}

GMenuModel *
impact_application_get_recent_menu (ImpactApplication *self)
{
  g_return_val_if_fail (IMPACT_IS_APPLICATION (self), NULL);

  return G_MENU_MODEL (self->recent_menu);
}

GtkPrintSettings *
impact_application_get_print_settings (ImpactApplication *self)
{
  g_return_val_if_fail (IMPACT_IS_APPLICATION (self), NULL);

  return self->print_settings;
}

void
impact_application_set_print_settings (ImpactApplication *self,
                                       GtkPrintSettings  *settings)
{
  g_return_if_fail (IMPACT_IS_APPLICATION (self));

  g_set_object (&self->print_settings, settings);
}

GtkPageSetup *
impact_application_get_page_setup (ImpactApplication *self)
{
  g_return_val_if_fail (IMPACT_IS_APPLICATION (self), NULL);

  return self->page_setup;
}

void
impact_application_set_page_setup (ImpactApplication *self,
                                   GtkPageSetup      *page_setup)
{
  g_return_if_fail (IMPACT_IS_APPLICATION (self));

  g_set_object (&self->page_setup, page_setup);
}

GtkWindow *
impact_application_open_file (ImpactApplication *self,
                              GFile             *file,
                              GtkWindow         *requester)
{
  ImpactWindow *window;

  g_return_val_if_fail (IMPACT_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* a brand file opens in a window of its own (impact-brand-window.h) */
  if (impact_brand_file_detect_file (file))
    return impact_brand_window_open (GTK_APPLICATION (self), file);

  window = find_window_for_file (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return GTK_WINDOW (window);
    }

  if (IMPACT_IS_WINDOW (requester) && impact_window_is_empty (IMPACT_WINDOW (requester)))
    window = IMPACT_WINDOW (requester);
  else if (requester == NULL)
    window = find_empty_window (self);

  if (window == NULL)
    window = impact_window_new (self);

  impact_window_load_file (window, file);
  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}

void
impact_application_choose_files (ImpactApplication *self,
                                 GtkWindow         *parent)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (IMPACT_IS_APPLICATION (self));

  chooser = gtk_file_chooser_native_new (_("Open Impact Data"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  gtk_file_filter_set_name (json, _("Impact Data (JSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), json);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
impact_application_note_recent (ImpactApplication *self,
                                GFile             *file)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = { 0 };
  static char *groups[] = { (char *) "impact-sheet", NULL };

  g_return_if_fail (IMPACT_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->recent_manager == NULL)
    return;

  uri = g_file_get_uri (file);
  data.mime_type = (char *) "application/json";
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "impact-sheet %u";
  data.groups = groups;
  gtk_recent_manager_add_full (self->recent_manager, uri, &data);
}
