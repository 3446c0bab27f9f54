/* impact-session-save.c: saving a session, what is on disk, recovery copies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-session"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "impact-error.h"
#include "impact-json-writer.h"
#include "impact-session-private.h"

static char *
recovery_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "impact-sheet", "recovery", NULL);
}

/* After a save of @file: the source text of @written (the document, or
 * the copy the worker wrote) is what is on disk */
static void
saved (ImpactSession  *self,
       GFile          *file,
       gboolean        new_file,
       ImpactDocument *written_doc)
{
  g_autofree char *written = impact_session_dup_source_text (written_doc);

  impact_undo_stack_mark_saved (self->undo, written);
  g_free (self->disk_text);
  self->disk_text = g_strdup (written);
  self->keep_changes = FALSE;
  if (new_file)
    impact_session_set_file (self, file);
  impact_session_update_state (self);
}

/* Saving */

gboolean
impact_session_check_writable (ImpactSession  *self,
                               GFile          *file,
                               GError        **error)
{
  g_return_val_if_fail (IMPACT_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* The built-in example is read-only */
  if (impact_session_file_is_example (file))
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                   _("The example cannot be changed; use Save As to keep your version"));
      return FALSE;
    }
  return TRUE;
}

gboolean
impact_session_disk_conflict (ImpactSession *self,
                              GFile         *file)
{
  g_autofree char *on_disk = NULL;

  g_return_val_if_fail (IMPACT_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Another program changed the file since it was read here (an edit the
   * window could not load, say): saving would replace that version
   * without a word, unless the user already chose to keep theirs. */
  if (self->file == NULL || !g_file_equal (file, self->file) ||
      self->keep_changes || self->disk_text == NULL)
    return FALSE;
  on_disk = impact_session_read_text (file);
  return on_disk != NULL && g_strcmp0 (on_disk, self->disk_text) != 0;
}

gboolean
impact_session_disk_differs (ImpactSession *self)
{
  g_autofree char *on_disk = NULL;
  g_autofree char *ours = NULL;

  g_return_val_if_fail (IMPACT_IS_SESSION (self), FALSE);

  if (self->file == NULL)
    return FALSE;
  if (self->result == NULL)
    return TRUE;
  on_disk = impact_session_read_text (self->file);
  ours = impact_session_dup_source_text (self->result->document);
  /* Our own save, or a touch that changed nothing (unless the file was
   * broken meanwhile and now is fixed: that is a change) */
  return on_disk == NULL || g_strcmp0 (on_disk, ours) != 0 || self->error_text != NULL;
}

void
impact_session_set_keep_changes (ImpactSession *self,
                                 gboolean       keep)
{
  g_return_if_fail (IMPACT_IS_SESSION (self));

  self->keep_changes = !!keep;
}

gboolean
impact_session_get_keep_changes (ImpactSession *self)
{
  g_return_val_if_fail (IMPACT_IS_SESSION (self), FALSE);

  return self->keep_changes;
}

gboolean
impact_session_save (ImpactSession  *self,
                     GFile          *file,
                     GError        **error)
{
  ImpactDocument *doc;
  g_autoptr(GFile) old = NULL;
  gboolean new_file;

  g_return_val_if_fail (IMPACT_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->result != NULL, FALSE);

  if (file == NULL)
    file = self->file;
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  if (!impact_session_check_writable (self, file, error))
    return FALSE;

  impact_session_flush_edits (self);
  doc = self->result->document;
  new_file = self->file == NULL || !g_file_equal (file, self->file);

  /* Relative image paths resolve against the document's file */
  old = impact_document_get_file (doc) ? g_object_ref (impact_document_get_file (doc)) : NULL;
  impact_document_set_file (doc, file);
  /* Save As onto an existing file keeps it as a .bak too; a failed save
   * leaves the file and its .bak as they were (nothing on disk changes,
   * so the file monitor stays quiet) and the document modified */
  if (!impact_json_writer_save (doc, file, TRUE, NULL, error))
    {
      impact_document_set_file (doc, old);
      return FALSE;
    }
  saved (self, file, new_file, doc);
  return TRUE;
}

typedef struct
{
  ImpactDocument *copy;
  GFile          *file;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->copy);
  g_clear_object (&data->file);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (impact_json_writer_save (data->copy, data->file, TRUE, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
impact_session_save_async (ImpactSession       *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SaveData *data;

  g_return_if_fail (IMPACT_IS_SESSION (self));
  g_return_if_fail (self->result != NULL);

  if (file == NULL)
    file = self->file;
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, impact_session_save_async);
  if (!impact_session_check_writable (self, file, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The worker writes a copy (the model is not thread-safe); the text it
   * wrote becomes the document's source in save_finish */
  impact_session_flush_edits (self);
  data = g_new0 (SaveData, 1);
  data->copy = impact_document_copy (self->result->document);
  data->file = g_object_ref (file);
  impact_document_set_file (data->copy, file);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
impact_session_save_finish (ImpactSession  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  SaveData *data;
  GBytes *written;
  gboolean new_file;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (self->result == NULL)
    return TRUE;
  written = impact_document_get_source_text (data->copy);
  new_file = self->file == NULL || !g_file_equal (data->file, self->file);
  impact_document_set_file (self->result->document, data->file);
  if (written != NULL)
    impact_json_writer_adopt (self->result->document,
                              g_bytes_get_data (written, NULL), g_bytes_get_size (written));
  /* what was written, not what may have been typed since */
  saved (self, data->file, new_file, data->copy);
  return TRUE;
}

/* Recovery copies */

const char *
impact_session_write_recovery (ImpactSession  *self,
                               GError        **error)
{
  g_autoptr(GKeyFile) info = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *dir = NULL;
  const char *text;

  g_return_val_if_fail (IMPACT_IS_SESSION (self), NULL);

  impact_session_flush_edits (self);
  if (!impact_session_get_modified (self))
    return NULL;
  text = impact_undo_stack_get_text (self->undo);
  if (self->recovery_path != NULL && g_strcmp0 (text, self->recovery_text) == 0)
    return self->recovery_path;

  dir = recovery_dir ();
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Could not create %s: %s", dir, g_strerror (saved_errno));
      return NULL;
    }
  if (self->recovery_path == NULL)
    {
      g_autofree char *name = g_strdup_printf ("%" G_GINT64_FORMAT "-%08x.json",
                                               g_get_real_time (), g_random_int ());

      self->recovery_path = g_build_filename (dir, name, NULL);
    }

  /* The note first, so a copy never lacks the file it belongs to */
  info = g_key_file_new ();
  if (self->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);

      g_key_file_set_string (info, "Recovery", "File", uri);
    }
  g_key_file_set_int64 (info, "Recovery", "Time", g_get_real_time () / G_USEC_PER_SEC);
  info_path = g_strconcat (self->recovery_path, ".info", NULL);
  if (!g_key_file_save_to_file (info, info_path, error) ||
      !g_file_set_contents (self->recovery_path, text, -1, error))
    return NULL;
  g_free (self->recovery_text);
  self->recovery_text = g_strdup (text);
  return self->recovery_path;
}

void
impact_session_discard_recovery (ImpactSession *self)
{
  g_return_if_fail (IMPACT_IS_SESSION (self));

  if (self->recovery_path != NULL)
    {
      g_autofree char *info_path = g_strconcat (self->recovery_path, ".info", NULL);

      g_unlink (self->recovery_path);
      g_unlink (info_path);
      g_clear_pointer (&self->recovery_path, g_free);
      g_clear_pointer (&self->recovery_text, g_free);
    }
  if (self->recovery_restored != NULL)
    {
      g_autofree char *path = g_file_get_path (self->recovery_restored);
      g_autofree char *info_path = g_strconcat (path, ".info", NULL);

      g_unlink (path);
      g_unlink (info_path);
      g_clear_object (&self->recovery_restored);
    }
}

gboolean
impact_session_restore_recovery (ImpactSession  *self,
                                 GFile          *copy,
                                 GError        **error)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *saved_text = NULL;
  g_autoptr(GFile) original = NULL;

  g_return_val_if_fail (IMPACT_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (copy), FALSE);

  path = g_file_get_path (copy);
  info_path = g_strconcat (path, ".info", NULL);
  if (!g_file_get_contents (path, &text, NULL, error))
    return FALSE;
  if (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
    uri = g_key_file_get_string (info, "Recovery", "File", NULL);
  if (uri != NULL)
    {
      original = g_file_new_for_uri (uri);
      saved_text = impact_session_read_text (original);
    }
  if (!impact_session_install_text (self, text, original, saved_text, error))
    return FALSE;
  g_set_object (&self->recovery_restored, copy);
  return TRUE;
}
