/* impact-session.c: one open document, without widgets
 *
 * Moved out of the window (impact-window.c, impact-window-edit.c): the file
 * and its monitor, loading and the state the window binds to; the undo
 * history and the steps of typing bursts are in impact-session-edit.c;
 * saving, what is on disk and recovery copies in impact-session-save.c.
 * The window keeps the widgets, the layout after edits and the questions
 * it asks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-session"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "impact-file-watch.h"
#include "impact-json-loader.h"
#include "impact-session-private.h"
#include "impact-theme.h"

G_DEFINE_FINAL_TYPE (ImpactSession, impact_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_DOCUMENT,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_TYPING,
  PROP_TITLE,
  PROP_ERROR,
  N_PROPS
};

enum {
  CHANGED_ON_DISK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static gboolean
recovery_timeout_cb (gpointer data)
{
  g_autoptr(GError) error = NULL;

  if (impact_session_write_recovery (data, &error) == NULL && error != NULL)
    g_warning ("%s", error->message);
  return G_SOURCE_CONTINUE;
}

static void
update_title (ImpactSession *self)
{
  g_autofree char *title = NULL;

  if (self->file != NULL)
    title = g_file_get_basename (self->file);
  else if (self->result != NULL)
    title = g_strdup (_("New Fact Sheet"));

  if (g_strcmp0 (title, self->title) == 0)
    return;
  g_free (self->title);
  self->title = g_steal_pointer (&title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* Notifies what changed; keeps a recovery copy while modified */
void
impact_session_update_state (ImpactSession *self)
{
  gboolean modified = impact_session_get_modified (self);
  gboolean can_undo = impact_session_get_can_undo (self);
  gboolean can_redo = self->undo != NULL && impact_undo_stack_can_redo (self->undo);
  gboolean typing = self->pending_key != NULL;

  if (modified && self->recovery_timeout == 0)
    self->recovery_timeout = g_timeout_add_seconds (IMPACT_SESSION_RECOVERY_INTERVAL_S,
                                                    recovery_timeout_cb, self);
  else if (!modified)
    {
      g_clear_handle_id (&self->recovery_timeout, g_source_remove);
      impact_session_discard_recovery (self);
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (self->modified != modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  if (self->can_undo != can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (self->can_redo != can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (self->typing != typing)
    {
      self->typing = typing;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPING]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_error (ImpactSession *self,
           const char    *message)
{
  g_autofree char *first = NULL;

  if (message == NULL && self->error_text == NULL)
    return;

  g_clear_pointer (&self->error_text, g_free);
  g_clear_pointer (&self->error_details, g_free);

  if (message != NULL)
    {
      const char *newline = strchr (message, '\n');

      first = newline ? g_strndup (message, newline - message) : g_strdup (message);
      self->error_text = g_steal_pointer (&first);
      self->error_details = g_strdup (message);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_result (ImpactSession    *self,
            ImpactLoadResult *result)
{
  g_clear_pointer (&self->result, impact_load_result_free);
  self->result = result;
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* A document was loaded (or reloaded) from the file: a fresh undo history */
static void
document_loaded (ImpactSession *self)
{
  g_clear_pointer (&self->undo, impact_undo_stack_free);
  impact_session_clear_pending (self);
  self->keep_changes = FALSE;
  if (self->result != NULL)
    {
      ImpactDocument *doc = self->result->document;

      /* What is on disk is the text the document was read from; the
       * stack's first step is how the writer would save it: the same,
       * unless the loader filled in something (a derived value). */
      self->undo = impact_undo_stack_new (doc, NULL);
      impact_undo_stack_mark_saved (self->undo, impact_undo_stack_get_text (self->undo));
      g_free (self->disk_text);
      self->disk_text = impact_session_dup_source_text (doc);
    }
  impact_session_update_state (self);
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  ImpactSession *self = user_data;

  self->reload_timeout = 0;
  /* Our own saves, and touches that changed nothing, are no change */
  if (self->file != NULL && (self->result == NULL || impact_session_disk_differs (self)))
    g_signal_emit (self, signals[CHANGED_ON_DISK], 0);
  return G_SOURCE_REMOVE;
}

static void
file_changed_cb (ImpactSession     *self,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 GFileMonitor      *monitor)
{
  if (!impact_file_watch_event_is_change (event))
    return;
  /* Editors write in several steps: wait until the file settles */
  g_clear_handle_id (&self->reload_timeout, g_source_remove);
  self->reload_timeout = g_timeout_add (IMPACT_SESSION_RELOAD_DELAY_MS, reload_timeout_cb, self);
}

static void
stop_monitor (ImpactSession *self)
{
  if (self->monitor != NULL)
    {
      g_file_monitor_cancel (self->monitor);
      g_signal_handlers_disconnect_by_func (self->monitor, file_changed_cb, self);
      g_clear_object (&self->monitor);
    }
  g_clear_handle_id (&self->reload_timeout, g_source_remove);
}

static void
watch (ImpactSession *self,
       GFile         *file)
{
  g_autoptr(GError) error = NULL;

  stop_monitor (self);
  /* The built-in example never changes */
  if (file == NULL || impact_session_file_is_example (file))
    return;
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed",
                             G_CALLBACK (file_changed_cb), self, G_CONNECT_SWAPPED);
  else
    g_debug ("Not watching %s: %s", g_file_peek_path (file), error->message);
}

/* GObject */

static void
impact_session_dispose (GObject *object)
{
  ImpactSession *self = IMPACT_SESSION (object);

  g_cancellable_cancel (self->load_cancellable);
  stop_monitor (self);
  impact_session_clear_pending (self);
  g_clear_handle_id (&self->recovery_timeout, g_source_remove);

  G_OBJECT_CLASS (impact_session_parent_class)->dispose (object);
}

static void
impact_session_finalize (GObject *object)
{
  ImpactSession *self = IMPACT_SESSION (object);

  g_clear_object (&self->file);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->result, impact_load_result_free);
  g_clear_pointer (&self->error_text, g_free);
  g_clear_pointer (&self->error_details, g_free);
  g_clear_pointer (&self->undo, impact_undo_stack_free);
  g_clear_pointer (&self->disk_text, g_free);
  g_clear_pointer (&self->recovery_path, g_free);
  g_clear_pointer (&self->recovery_text, g_free);
  g_clear_object (&self->recovery_restored);
  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->text_cache);

  G_OBJECT_CLASS (impact_session_parent_class)->finalize (object);
}

static void
impact_session_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ImpactSession *self = IMPACT_SESSION (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, impact_session_get_document (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, impact_session_get_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, impact_session_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, impact_session_get_can_redo (self));
      break;
    case PROP_TYPING:
      g_value_set_boolean (value, impact_session_get_typing (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
impact_session_class_init (ImpactSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = impact_session_dispose;
  object_class->finalize = impact_session_finalize;
  object_class->get_property = impact_session_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, IMPACT_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TYPING] =
    g_param_spec_boolean ("typing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The file changed on disk, and differs from the document's text (or
   * no document has loaded yet): reload, or ask when modified. */
  signals[CHANGED_ON_DISK] =
    g_signal_new ("changed-on-disk", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
impact_session_init (ImpactSession *self)
{
  self->page_size = IMPACT_PAGE_SIZE_LETTER;
}

/* Properties */

ImpactSession *
impact_session_new (void)
{
  return g_object_new (IMPACT_TYPE_SESSION, NULL);
}

GFile *
impact_session_get_file (ImpactSession *self)
{
  g_return_val_if_fail (IMPACT_IS_SESSION (self), NULL);

  return self->file;
}

ImpactLoadResult *
impact_session_get_result (ImpactSession *self)
{
  g_return_val_if_fail (IMPACT_IS_SESSION (self), NULL);

  return self->result;
}

ImpactDocument *
impact_session_get_document (ImpactSession *self)
{
  g_return_val_if_fail (IMPACT_IS_SESSION (self), NULL);

  return self->result ? self->result->document : NULL;
}

gboolean
impact_session_get_modified (ImpactSession *self)
{
  g_return_val_if_fail (IMPACT_IS_SESSION (self), FALSE);

  return self->undo != NULL && (self->pending_key != NULL || impact_undo_stack_is_dirty (self->undo));
}

const char *
impact_session_get_title (ImpactSession *self)
{
  g_return_val_if_fail (IMPACT_IS_SESSION (self), NULL);

  return self->title;
}

const char *
impact_session_get_error (ImpactSession *self)
{
  g_return_val_if_fail (IMPACT_IS_SESSION (self), NULL);

  return self->error_text;
}

const char *
impact_session_get_error_details (ImpactSession *self)
{
  g_return_val_if_fail (IMPACT_IS_SESSION (self), NULL);

  return self->error_details;
}

void
impact_session_set_page_size (ImpactSession  *self,
                              ImpactPageSize  page_size)
{
  g_return_if_fail (IMPACT_IS_SESSION (self));

  self->page_size = page_size;
}

/* Shared with impact-session-save.c */

gboolean
impact_session_file_is_example (GFile *file)
{
  return file != NULL && g_file_has_uri_scheme (file, "resource");
}

char *
impact_session_read_text (GFile *file)
{
  char *contents = NULL;
  gsize length = 0;

  if (file == NULL || !g_file_load_contents (file, NULL, &contents, &length, NULL, NULL))
    return NULL;
  return contents;
}

char *
impact_session_dup_source_text (ImpactDocument *doc)
{
  GBytes *bytes = impact_document_get_source_text (doc);
  gsize size = 0;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

void
impact_session_lay_out (ImpactSession    *self,
                        ImpactLoadResult *result)
{
  g_return_if_fail (IMPACT_IS_SESSION (self));
  g_return_if_fail (result != NULL);

  if (self->text_cache == NULL)
    self->text_cache = impact_text_cache_new (0);
  impact_text_cache_begin (self->text_cache);
  impact_load_result_relayout (result, self->page_size);
  impact_text_cache_end (self->text_cache);
}

/* Opening and loading */

void
impact_session_open (ImpactSession *self,
                     GFile         *file)
{
  g_return_if_fail (IMPACT_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->file != NULL && g_file_equal (self->file, file))
    return;

  impact_session_cancel_load (self);
  g_set_object (&self->file, file);
  watch (self, file);
  g_clear_pointer (&self->undo, impact_undo_stack_free);
  impact_session_clear_pending (self);
  set_result (self, NULL);
  set_error (self, NULL);
  impact_session_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

void
impact_session_set_file (ImpactSession *self,
                         GFile         *file)
{
  g_return_if_fail (IMPACT_IS_SESSION (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file != NULL && file != NULL && g_file_equal (self->file, file))
    return;

  g_set_object (&self->file, file);
  if (self->result != NULL)
    impact_document_set_file (self->result->document, file);
  /* Watch the new file like one opened */
  watch (self, file);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
load_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImpactSession *self = g_task_get_source_object (task);
  g_autoptr(ImpactLoadResult) loaded = NULL;
  g_autoptr(GError) error = NULL;

  loaded = impact_load_task_finish (result, &error);
  if (loaded == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_error (self, error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("Loaded %s in %.1f ms", self->file && g_file_peek_path (self->file) ? g_file_peek_path (self->file) : "document",
           loaded->duration_usec / 1000.0);

  /* laid out here, on the thread that draws it (see impact-load-task.c) */
  impact_session_lay_out (self, loaded);

  g_object_freeze_notify (G_OBJECT (self));
  set_result (self, g_steal_pointer (&loaded));
  document_loaded (self);
  set_error (self, NULL);
  g_object_thaw_notify (G_OBJECT (self));
  g_task_return_boolean (task, TRUE);
}

void
impact_session_load_async (ImpactSession       *self,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (IMPACT_IS_SESSION (self));
  g_return_if_fail (self->file != NULL);

  g_clear_handle_id (&self->reload_timeout, g_source_remove);
  impact_session_cancel_load (self);
  self->load_cancellable = g_cancellable_new ();

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, impact_session_load_async);
  impact_load_task_run_async (self->file, self->page_size, self->load_cancellable,
                              load_done_cb, task);
}

gboolean
impact_session_load_finish (ImpactSession  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
impact_session_cancel_load (ImpactSession *self)
{
  g_return_if_fail (IMPACT_IS_SESSION (self));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
}

gboolean
impact_session_install_text (ImpactSession  *self,
                             const char     *text,
                             GFile          *file,
                             const char     *saved_text,
                             GError        **error)
{
  g_autoptr(ImpactLoadResult) result = NULL;
  ImpactDocument *doc;

  g_return_val_if_fail (IMPACT_IS_SESSION (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  doc = impact_json_loader_load_data (text, strlen (text), file ? g_file_peek_path (file) : _("New fact sheet"),
                                      file, NULL, error);
  if (doc == NULL)
    return FALSE;

  result = g_new0 (ImpactLoadResult, 1);
  result->document = doc;
  result->load_diagnostics = impact_diagnostics_new ();
  result->layout_diagnostics = impact_diagnostics_new ();
  result->theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, result->load_diagnostics);
  /* the layout and its checks (a new sheet's guidance) as after a load */
  impact_session_lay_out (self, result);

  g_object_freeze_notify (G_OBJECT (self));
  impact_session_cancel_load (self);
  set_result (self, g_steal_pointer (&result));
  impact_session_set_file (self, file);

  g_clear_pointer (&self->undo, impact_undo_stack_free);
  impact_session_clear_pending (self);
  self->undo = impact_undo_stack_new (doc, saved_text);
  g_free (self->disk_text);
  self->disk_text = g_strdup (saved_text);
  set_error (self, NULL);
  impact_session_update_state (self);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

void
impact_session_mark_saved (ImpactSession *self)
{
  g_return_if_fail (IMPACT_IS_SESSION (self));

  if (self->undo == NULL)
    return;
  impact_undo_stack_mark_saved (self->undo, impact_undo_stack_get_text (self->undo));
  impact_session_update_state (self);
}
