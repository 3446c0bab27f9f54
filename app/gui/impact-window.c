/* impact-window.c: a window that shows one fact sheet
 *
 * The window presents its session (impact-session.c), which owns the file,
 * the last document that loaded without errors, loading (JSON, theme,
 * layout in a worker thread) and the file monitor. A failed reload shows
 * the first error in a banner and leaves the preview on the last good
 * document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "impact-application.h"
#include "impact-export-dialog.h"
#include "impact-sheet-selection.h"
#include "impact-window-private.h"

G_DEFINE_FINAL_TYPE (ImpactWindow, impact_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  PROP_BUSY,
  PROP_ERROR,
  PROP_PAGE_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_load (ImpactWindow *self);

/* Helpers */

static gboolean
file_is_example (GFile *file)
{
  return file != NULL && g_file_has_uri_scheme (file, "resource");
}

/* The folder of @file as people write it: "~/Documents" */
static char *
dup_folder_name (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = NULL;

  if (parent == NULL)
    return NULL;
  if (g_file_equal (parent, home))
    return g_strdup ("~");
  relative = g_file_get_relative_path (home, parent);
  if (relative != NULL)
    return g_build_filename ("~", relative, NULL);
  return g_file_get_parse_name (parent);
}

static void
update_titles (ImpactWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *title = NULL;
  gboolean dirty = impact_window_get_dirty (self);
  GFile *file = impact_session_get_file (self->session);

  /* the file's name, or "New Fact Sheet" (the session's title) */
  name = g_strdup (impact_session_get_title (self->session));
  if (file != NULL)
    folder = file_is_example (file) ? g_strdup (_("Built-in example"))
                                    : dup_folder_name (file);
  else if (name != NULL)
    folder = g_strdup (_("Not saved yet"));

  if (name == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Impact Sheet"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Impact Sheet"));
      return;
    }

  /* Translators: a file name with unsaved changes */
  title = dirty ? g_strdup_printf (_("• %s"), name) : g_strdup (name);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, folder);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title),
                               dirty ? _("Unsaved changes") : NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->narrow_title),
                               dirty ? _("Unsaved changes") : NULL);

  {
    /* Translators: the window title: file name — application name */
    g_autofree char *full = g_strdup_printf (_("%s — Impact Sheet"), title);

    gtk_window_set_title (GTK_WINDOW (self), full);
  }
}

void
impact_window_update_titles (ImpactWindow *self)
{
  update_titles (self);
}

static void
set_busy_delta (ImpactWindow *self,
                int           delta)
{
  gboolean was_busy = impact_window_get_busy (self);

  self->n_loads += delta;
  if (was_busy != impact_window_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The session's :error: a banner over the last good document, or the
 * error page when there is none */
static void
error_changed_cb (ImpactWindow  *self,
                  GParamSpec    *pspec,
                  ImpactSession *session)
{
  const char *error_text = impact_session_get_error (session);
  const char *error_details = impact_session_get_error_details (session);
  GFile *file = impact_session_get_file (session);

  if (error_text != NULL && impact_window_get_result (self) != NULL)
    {
      gtk_label_set_text (self->banner_label, error_text);
      gtk_widget_set_visible (GTK_WIDGET (self->banner_details_button),
                              strchr (error_details, '\n') != NULL);
      gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
    }
  else
    gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);

  if (error_text != NULL && impact_window_get_result (self) == NULL)
    {
      g_autofree char *name = file ? g_file_get_basename (file) : NULL;
      g_autofree char *title = g_strdup_printf (_("Could Not Open “%s”"), name ? name : "");

      /* the description is markup; the message quotes the document */
      g_autofree char *escaped = g_markup_escape_text (error_text, -1);

      adw_status_page_set_title (self->error_page, title);
      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }

  impact_window_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void launch_timing (ImpactWindow *self, const char *what, gint64 when);

/* What the first frame does not need: the timeline page, the outline and
 * the editor pane (the outline alone took most of the time between the
 * load and the first frame) */
static void
fill_panes (ImpactWindow *self)
{
  g_autoptr(ImpactDiagnostics) diagnostics = NULL;

  if (impact_window_get_result (self) == NULL)
    return;

  diagnostics = impact_load_result_dup_diagnostics (impact_window_get_result (self));
  /* the timeline page follows the document (and its ::changed) itself */
  if (impact_timeline_view_get_document (self->timeline_view) != impact_window_get_result (self)->document)
    impact_timeline_view_set_document (self->timeline_view, impact_window_get_result (self)->document);
  impact_outline_pane_set_document (self->outline, impact_window_get_result (self)->document, diagnostics);
  if (impact_editor_pane_get_document (self->editor) != impact_window_get_result (self)->document)
    impact_editor_pane_set_document (self->editor, impact_window_get_result (self)->document);
  launch_timing (self, "filled", g_get_monotonic_time ());
}

static gboolean
fill_source_cb (gpointer data)
{
  ImpactWindow *self = data;

  self->fill_source = 0;
  if (self->fill_pending)
    {
      gint64 start = g_get_monotonic_time ();

      self->fill_pending = FALSE;
      fill_panes (self);
      g_debug ("Panes filled after the first frame in %.1f ms",
               (g_get_monotonic_time () - start) / 1000.0);
      impact_window_actions_update (self);
      set_busy_delta (self, -1);
    }
  return G_SOURCE_REMOVE;
}

static void
show_result (ImpactWindow *self)
{
  g_assert (impact_window_get_result (self) != NULL);

  impact_sheet_preview_set_layout (self->preview, impact_window_get_result (self)->layout);

  /* The first document of a window: the preview is drawn first and the
   * panes filled in an idle after that frame (or after a moment, when the
   * preview is not on screen); the load counts as busy until then */
  if (!self->first_draw_logged && !self->fill_pending &&
      g_getenv ("IMPACT_LAUNCH_FILL_FIRST") == NULL)   /* for a paired benchmark */
    {
      self->fill_pending = TRUE;
      set_busy_delta (self, +1);
      g_clear_handle_id (&self->fill_source, g_source_remove);
      self->fill_source = g_timeout_add (IMPACT_FILL_FALLBACK_MS, fill_source_cb, self);
    }
  else if (!self->fill_pending)
    fill_panes (self);

  gtk_stack_set_visible_child_name (self->stack, "document");
  update_titles (self);
  impact_window_actions_update (self);
}

static ImpactPageSize
page_size_from_name (const char *name)
{
  ImpactPageSize size = IMPACT_PAGE_SIZE_LETTER;

  if (name == NULL || !impact_page_size_from_string (name, &size))
    size = IMPACT_PAGE_SIZE_LETTER;

  return size;
}

/* Signal callbacks */

static void
load_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ImpactWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file;

  set_busy_delta (self, -1);

  /* a failed load is shown by error_changed_cb; the session keeps the
   * last good document */
  if (!impact_session_load_finish (IMPACT_SESSION (source_object), result, &error) ||
      self->session == NULL)   /* the window went meanwhile */
    return;

  file = impact_session_get_file (self->session);
  impact_window_document_loaded (self);
  show_result (self);

  if (!self->noted_recent && !file_is_example (file))
    {
      ImpactApplication *app = IMPACT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

      self->noted_recent = TRUE;
      if (app != NULL)
        impact_application_note_recent (app, file);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* The session saw an outside change of the file */
static void
changed_on_disk_cb (ImpactWindow  *self,
                    ImpactSession *session)
{
  /* unsaved edits are asked about there */
  impact_window_disk_changed (self);
}

/* The session's :modified, :can-undo, :can-redo and :title */
static void
session_state_cb (ImpactWindow  *self,
                  GParamSpec    *pspec,
                  ImpactSession *session)
{
  impact_window_update_state (self);
}

static void
outline_activated_cb (ImpactWindow      *self,
                      int                section,
                      int                item,
                      ImpactOutlinePane *outline)
{
  ImpactBox box;
  guint page = 0;

  if (impact_window_get_result (self) == NULL)
    return;

  if (impact_sheet_layout_find (impact_window_get_result (self)->layout, (ImpactSection) section, item, &page, &box))
    impact_sheet_preview_scroll_to (self->preview, page, &box);
  else if (item >= 0 &&
           impact_sheet_layout_find (impact_window_get_result (self)->layout, (ImpactSection) section, -1, &page, &box))
    /* The item did not fit on the page: show its section */
    impact_sheet_preview_scroll_to (self->preview, page, &box);
  else
    impact_window_show_toast (self, _("This part is not on the fact sheet"));

  /* On a narrow window the outline covers the preview: get it out of the way */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* Click to select: the part clicked on the sheet opens in the editor */
static void
preview_item_activated_cb (ImpactWindow       *self,
                           int                 section,
                           int                 item,
                           ImpactSheetPreview *preview)
{
  if (impact_window_get_result (self) == NULL)
    return;

  impact_window_select (self, (ImpactSection) section, item);
}

/* Selecting in the pane outlines what the focused field shows */
static void
focus_widget_changed_cb (ImpactWindow *self,
                         GParamSpec   *pspec,
                         gpointer      unused)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  g_autofree char *key = NULL;
  ImpactSection section;
  int item;

  if (focus == NULL || impact_window_get_result (self) == NULL ||
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->editor)))
    return;
  key = impact_editor_pane_dup_focus_key (self->editor);
  if (key == NULL || !impact_sheet_selection_from_key (key, &section, &item))
    return;
  if (!impact_sheet_layout_find (impact_window_get_result (self)->layout, section, item, NULL, NULL) && item >= 0)
    item = -1;
  impact_sheet_preview_select (self->preview, section, item);
}

static void
zoom_changed_cb (ImpactWindow       *self,
                 GParamSpec         *pspec,
                 ImpactSheetPreview *preview)
{
  /* Translators: the preview's zoom level, e.g. "125%" */
  g_autofree char *label = g_strdup_printf (_("%.0f%%"), impact_sheet_preview_get_zoom (preview) * 100.0);

  gtk_label_set_text (self->zoom_label, label);
  impact_window_actions_update (self);
}

/* IMPACT_LAUNCH_TIMING=1: print when the first preview was drawn and when
 * the rest of the window was filled (ms after launch) on standard error,
 * then quit: for docs/PERFORMANCE.md, not for tests */
static void
launch_timing (ImpactWindow *self,
               const char   *what,
               gint64        when)
{
  static guint seen;
  GApplication *app;

  if (g_getenv ("IMPACT_LAUNCH_TIMING") == NULL)
    return;

  g_printerr ("launch-timing: %s %.1f ms\n", what,
              (when - impact_application_get_launch_time ()) / 1000.0);
  seen |= g_str_equal (what, "filled") ? 1 : 2;
  app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (seen == 3 && app != NULL)
    g_application_quit (app);
}

static void
first_draw_cb (ImpactWindow       *self,
               GParamSpec         *pspec,
               ImpactSheetPreview *preview)
{
  gint64 drawn = impact_sheet_preview_get_first_draw_time (preview);

  if (drawn == 0 || self->first_draw_logged)
    return;

  self->first_draw_logged = TRUE;
  g_debug ("First preview drawn %.1f ms after launch",
           (drawn - impact_application_get_launch_time ()) / 1000.0);
  launch_timing (self, "first-preview", drawn);

  /* after this frame has been painted: redraws come before default idles */
  if (self->fill_pending)
    {
      g_clear_handle_id (&self->fill_source, g_source_remove);
      self->fill_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_source_cb, self, NULL);
    }
}

static void
reveal_flap_changed_cb (ImpactWindow *self,
                        GParamSpec   *pspec,
                        AdwFlap      *flap)
{
  if (!adw_flap_get_folded (flap) && self->settings != NULL)
    g_settings_set_boolean (self->settings, "outline-visible", adw_flap_get_reveal_flap (flap));
}

static gboolean
drop_cb (ImpactWindow  *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  ImpactApplication *app = IMPACT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  GSList *files;
  guint n_opened = 0;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || app == NULL)
    return FALSE;

  files = g_value_get_boxed (value);
  for (const GSList *l = files; l != NULL; l = l->next)
    {
      GFile *file = l->data;
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;

      /* A spreadsheet dropped on an open sheet: its rows, after a preview */
      if (lower != NULL && g_str_has_suffix (lower, ".csv") && impact_window_get_result (self) != NULL)
        {
          impact_window_import_csv (self, file);
          n_opened++;
          continue;
        }
      if (lower == NULL || !g_str_has_suffix (lower, ".json"))
        continue;

      impact_application_open_file (app, file, GTK_WINDOW (self));
      n_opened++;
    }

  if (n_opened == 0)
    {
      impact_window_show_toast (self, _("Only impact data in .json files can be opened, and spreadsheets in .csv files imported"));
      return FALSE;
    }

  return TRUE;
}

static void
banner_details_clicked_cb (ImpactWindow *self,
                           GtkButton    *button)
{
  impact_window_show_error_details (self);
}

static gboolean
impact_window_close_request (GtkWindow *window)
{
  ImpactWindow *self = IMPACT_WINDOW (window);
  int width = 0, height = 0;

  /* Unsaved changes: ask first (impact-window-edit.c) */
  if (impact_window_get_dirty (self) && !self->force_close)
    {
      impact_window_confirm_close (self);
      return TRUE;
    }
  impact_window_remove_recovery (self);

  /* a load or an export still running has nobody to report to: stop it
   * (an export stopped half-way removes its temporary files) */
  impact_session_cancel_load (self->session);
  g_cancellable_cancel (self->export_cancellable);

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && !gtk_window_is_fullscreen (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (impact_window_parent_class)->close_request (window);
}

/* The view switcher sits in the header bar when the file name and it fit
 * there, else in the bar at the bottom; either only with a document */
static void
view_switcher_place_cb (ImpactWindow *self)
{
  gboolean document;
  gboolean narrow;

  if (self->title_squeezer == NULL || self->stack == NULL)
    return;
  document = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "document") == 0;
  narrow = adw_squeezer_get_visible_child (self->title_squeezer) == GTK_WIDGET (self->narrow_title);
  gtk_widget_set_visible (GTK_WIDGET (self->view_switcher), document);
  adw_view_switcher_bar_set_reveal (self->view_switcher_bar, document && narrow);
}

static void
application_changed_cb (ImpactWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  /* The Open button's arrow is insensitive without a menu */
  adw_split_button_set_menu_model (self->open_button,
                                   IMPACT_IS_APPLICATION (app)
                                     ? impact_application_get_recent_menu (IMPACT_APPLICATION (app))
                                     : NULL);
}

/* GObject overrides */

static void
impact_window_constructed (GObject *object)
{
  ImpactWindow *self = IMPACT_WINDOW (object);
  ImpactApplication *app;

  G_OBJECT_CLASS (impact_window_parent_class)->constructed (object);

  /* GtkWindow:application is no construct property: it is set after
   * this, so the recent menu follows it (application_changed_cb) */
  app = IMPACT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (app != NULL)
    self->settings = g_object_ref (impact_application_get_settings (app));
  else
    self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* Read only: a folding flap hides itself, which is no user choice */
  g_settings_bind (self->settings, "outline-visible", self->flap, "reveal-flap",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "page-size", self, "page-size",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
impact_window_dispose (GObject *object)
{
  ImpactWindow *self = IMPACT_WINDOW (object);

  g_cancellable_cancel (self->export_cancellable);
  g_clear_weak_pointer (&self->pane_focus);
  g_clear_handle_id (&self->pulse_timeout, g_source_remove);
  g_clear_handle_id (&self->fill_source, g_source_remove);
  if (self->session != NULL)
    {
      impact_session_cancel_load (self->session);
      g_signal_handlers_disconnect_by_data (self->session, self);
    }
  impact_window_edit_dispose (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), IMPACT_TYPE_WINDOW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (impact_window_parent_class)->dispose (object);
}

static void
impact_window_finalize (GObject *object)
{
  ImpactWindow *self = IMPACT_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->export_cancellable);
  g_clear_pointer (&self->page_size_name, g_free);
  g_clear_pointer (&self->exported, g_ptr_array_unref);

  G_OBJECT_CLASS (impact_window_parent_class)->finalize (object);
}

static void
impact_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ImpactWindow *self = IMPACT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, impact_window_get_document (self));
      break;
    case PROP_FILE:
      g_value_set_object (value, impact_session_get_file (self->session));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, impact_window_get_busy (self));
      break;
    case PROP_ERROR:
      g_value_set_string (value, impact_session_get_error (self->session));
      break;
    case PROP_PAGE_SIZE:
      g_value_set_string (value, self->page_size_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
impact_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ImpactWindow *self = IMPACT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PAGE_SIZE:
      {
        const char *name = g_value_get_string (value);
        ImpactPageSize size = page_size_from_name (name);

        if (g_strcmp0 (name, self->page_size_name) == 0)
          break;

        g_free (self->page_size_name);
        self->page_size_name = g_strdup (impact_page_size_to_string (size));
        if (size != self->page_size)
          {
            self->page_size = size;
            impact_session_set_page_size (self->session, size);
            impact_window_relayout (self);
          }
        g_object_notify_by_pspec (object, pspec);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
impact_window_class_init (ImpactWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = impact_window_constructed;
  object_class->dispose = impact_window_dispose;
  object_class->finalize = impact_window_finalize;
  object_class->get_property = impact_window_get_property;
  object_class->set_property = impact_window_set_property;

  window_class->close_request = impact_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         IMPACT_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE_SIZE] =
    g_param_spec_string ("page-size", NULL, NULL,
                         "letter",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IMPACT_TYPE_OUTLINE_PANE);
  g_type_ensure (IMPACT_TYPE_EDITOR_PANE);
  g_type_ensure (IMPACT_TYPE_SHEET_PREVIEW);
  g_type_ensure (IMPACT_TYPE_TIMELINE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactsheet/ImpactSheet/ui/impact-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, title_squeezer);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, narrow_title);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, view_switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, open_squeezer);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, end_squeezer);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, outline_button);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, wide_end_box);
  gtk_widget_class_bind_template_callback (widget_class, preview_item_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, banner_details_button);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, outline);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, preview);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, zoom_label);
  gtk_widget_class_bind_template_callback (widget_class, outline_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, first_draw_cb);
  gtk_widget_class_bind_template_callback (widget_class, banner_details_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reveal_flap_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_switcher_place_cb);

  impact_window_class_actions_init (klass);
  impact_window_class_edit_init (klass);
  impact_window_class_import_init (klass);
}

static void
impact_window_init (ImpactWindow *self)
{
  GtkDropTarget *drop;

  self->page_size = IMPACT_PAGE_SIZE_LETTER;
  self->page_size_name = g_strdup ("letter");
  self->session = impact_session_new ();
  impact_session_set_page_size (self->session, self->page_size);

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->session, "notify::error", G_CALLBACK (error_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::modified", G_CALLBACK (session_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::can-undo", G_CALLBACK (session_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::can-redo", G_CALLBACK (session_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::title", G_CALLBACK (session_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "changed-on-disk", G_CALLBACK (changed_on_disk_cb), self, G_CONNECT_SWAPPED);
  impact_window_edit_init (self);
  impact_window_preflight_init (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (impact_window_actions_update), NULL);
  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed_cb), NULL);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_widget_changed_cb), NULL);

  zoom_changed_cb (self, NULL, self->preview);
  view_switcher_place_cb (self);
  impact_window_actions_update (self);
}

/* Private API (impact-window-private.h) */

void
impact_window_select (ImpactWindow  *self,
                      ImpactSection  section,
                      int            item)
{
  g_return_if_fail (IMPACT_IS_WINDOW (self));

  if (impact_window_get_result (self) == NULL)
    return;

  impact_sheet_preview_select (self->preview, section, item);
  gtk_stack_set_visible_child_name (self->side_stack, "edit");
  adw_flap_set_reveal_flap (self->flap, TRUE);
  impact_editor_pane_select (self->editor, section, item);
}

static void
start_load (ImpactWindow *self)
{
  g_assert (impact_session_get_file (self->session) != NULL);

  if (impact_window_get_result (self) == NULL && impact_session_get_error (self->session) == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  set_busy_delta (self, +1);
  impact_session_load_async (self->session, load_done_cb, g_object_ref (self));
}

void
impact_window_reload (ImpactWindow *self)
{
  g_return_if_fail (IMPACT_IS_WINDOW (self));

  if (impact_session_get_file (self->session) == NULL)
    return;

  start_load (self);
}

/* impact_load_result_relayout() with the session's text cache: the texts
 * of the last layout that did not change are not shaped again (issue 14) */
void
impact_window_lay_out_result (ImpactWindow     *self,
                              ImpactLoadResult *result)
{
  impact_session_lay_out (self->session, result);
}

void
impact_window_relayout (ImpactWindow *self)
{
  g_return_if_fail (IMPACT_IS_WINDOW (self));

  if (impact_window_get_result (self) == NULL)
    return;

  impact_window_lay_out_result (self, impact_window_get_result (self));
  show_result (self);
}

void
impact_window_show_toast (ImpactWindow *self,
                          const char   *message)
{
  AdwToast *toast;

  g_return_if_fail (IMPACT_IS_WINDOW (self));

  toast = adw_toast_new (message);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
impact_window_show_error_details (ImpactWindow *self)
{
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *intro;
  GtkWidget *label;
  GtkWidget *scroller;
  GtkEventController *shortcuts;

  g_return_if_fail (IMPACT_IS_WINDOW (self));

  if (impact_session_get_error_details (self->session) == NULL)
    return;

  /* A window of its own, 600 × 400 and resizable, the list scrolling: a
   * message dialog is as small as it can be, three lines of errors */
  dialog = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (dialog), _("Errors in the Document"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 600, 400);
  gtk_widget_set_size_request (dialog, 320, 240);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (dialog, shortcuts);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);

  intro = gtk_label_new (impact_window_get_result (self) != NULL
                         ? _("The preview shows the last version that loaded. "
                             "Fix these errors and save the file to update it.")
                         : _("Fix these errors and save the file: it is read again automatically."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_set_margin_start (intro, 12);
  gtk_widget_set_margin_end (intro, 12);
  gtk_widget_set_margin_top (intro, 12);
  gtk_widget_set_margin_bottom (intro, 12);
  gtk_box_append (GTK_BOX (box), intro);

  label = gtk_label_new (impact_session_get_error_details (self->session));
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 12);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_box_append (GTK_BOX (box), scroller);

  adw_window_set_content (ADW_WINDOW (dialog), box);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Public API */

ImpactWindow *
impact_window_new (ImpactApplication *application)
{
  g_return_val_if_fail (!application || IMPACT_IS_APPLICATION (application), NULL);

  return g_object_new (IMPACT_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

void
impact_window_load_file (ImpactWindow *self,
                         GFile        *file)
{
  GFile *current;

  g_return_if_fail (IMPACT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  current = impact_session_get_file (self->session);
  if (current == NULL || !g_file_equal (current, file))
    {
      /* another file: the session drops the document and its error and
       * watches the new file */
      impact_session_open (self->session, file);
      self->noted_recent = FALSE;

      impact_sheet_preview_set_layout (self->preview, NULL);
      impact_outline_pane_set_document (self->outline, NULL, NULL);
      error_changed_cb (self, NULL, self->session);

      update_titles (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
    }

  impact_window_reload (self);
}

GFile *
impact_window_get_file (ImpactWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_WINDOW (self), NULL);

  return impact_session_get_file (self->session);
}

ImpactDocument *
impact_window_get_document (ImpactWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_WINDOW (self), NULL);

  return impact_session_get_document (self->session);
}

gboolean
impact_window_is_empty (ImpactWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_WINDOW (self), TRUE);

  /* A new sheet has no file yet but is not empty */
  return impact_session_get_file (self->session) == NULL && impact_window_get_result (self) == NULL;
}

gboolean
impact_window_get_busy (ImpactWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_WINDOW (self), FALSE);

  return self->n_loads > 0 || self->exporting;
}

const char *
impact_window_get_error (ImpactWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_WINDOW (self), NULL);

  return impact_session_get_error (self->session);
}

ImpactSheetPreview *
impact_window_get_preview (ImpactWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_WINDOW (self), NULL);

  return self->preview;
}

GPtrArray *
impact_window_get_exported (ImpactWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_WINDOW (self), NULL);

  return self->exported;
}
