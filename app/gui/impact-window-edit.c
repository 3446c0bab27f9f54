/* impact-window-edit.c: editing the window's document: undo, saving,
 * closing with unsaved changes, recovery copies and changes on disk
 *
 * The editor pane writes into the document; each edit records an undo step
 * in the session (impact-session.c: a copy of the document and the text
 * Save would write) and lays the page out again after a short pause, on
 * the main thread (a re-layout of the example takes a few milliseconds).
 * The document is "dirty" while the session is modified. The session
 * decides; the questions asked (replace, changed on disk, save changes)
 * are here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "impact-application.h"
#include "impact-error.h"
#include "impact-theme.h"
#include "impact-window-private.h"

/* Helpers */

void
impact_window_update_state (ImpactWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have_document = impact_window_get_result (self) != NULL;

  /* one save at a time: the one being written finishes first */
  gtk_widget_action_set_enabled (widget, "win.save", have_document && !self->saving);
  gtk_widget_action_set_enabled (widget, "win.save-as", have_document && !self->saving);
  gtk_widget_action_set_enabled (widget, "win.undo", impact_session_get_can_undo (self->session));
  gtk_widget_action_set_enabled (widget, "win.redo", impact_session_get_can_redo (self->session));
  impact_window_update_titles (self);
}

static void
update_state (ImpactWindow *self)
{
  impact_window_update_state (self);
}

/* Recovery copies */

const char *
impact_window_write_recovery (ImpactWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *path;

  g_return_val_if_fail (IMPACT_IS_WINDOW (self), NULL);

  path = impact_session_write_recovery (self->session, &error);
  if (path == NULL && error != NULL)
    g_warning ("Could not write the recovery copy: %s", error->message);
  return path;
}

void
impact_window_remove_recovery (ImpactWindow *self)
{
  g_return_if_fail (IMPACT_IS_WINDOW (self));

  impact_session_discard_recovery (self->session);
}

/* The session keeps the recovery copy while it is modified */
static void
dirty_changed (ImpactWindow *self)
{
  update_state (self);
}

/* Layout after edits */

static void
refresh_outline (ImpactWindow *self)
{
  g_autoptr(ImpactDiagnostics) diagnostics = NULL;

  if (impact_window_get_result (self) == NULL)
    return;
  diagnostics = impact_load_result_dup_diagnostics (impact_window_get_result (self));
  impact_outline_pane_set_document (self->outline, impact_window_get_result (self)->document, diagnostics);
}

/* Lays the page out again; the outline (slow for a long case log) only
 * when asked */
static void
relayout (ImpactWindow *self,
          gboolean      with_outline)
{
  ImpactDocument *doc;
  gint64 start;

  g_clear_handle_id (&self->relayout_timeout, g_source_remove);
  if (impact_window_get_result (self) == NULL)
    return;

  doc = impact_window_get_result (self)->document;
  start = g_get_monotonic_time ();
  g_clear_object (&impact_window_get_result (self)->theme);
  impact_window_get_result (self)->theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
  impact_window_lay_out_result (self, impact_window_get_result (self));
  self->last_relayout_usec = g_get_monotonic_time () - start;
  g_debug ("Re-layout after an edit: %.1f ms", self->last_relayout_usec / 1000.0);

  impact_sheet_preview_set_layout (self->preview, impact_window_get_result (self)->layout);
  /* What the layout says now (an overflow) stands next to the field; the
   * loader's warnings were about the text as loaded */
  impact_editor_pane_set_diagnostics (self->editor, impact_window_get_result (self)->layout_diagnostics);
  if (with_outline)
    refresh_outline (self);
  update_state (self);
}

void
impact_window_apply_edits (ImpactWindow *self)
{
  g_return_if_fail (IMPACT_IS_WINDOW (self));

  relayout (self, TRUE);
}

static gboolean
relayout_timeout_cb (gpointer data)
{
  ImpactWindow *self = data;

  self->relayout_timeout = 0;
  /* While typing: the preview; the outline follows when the typing pauses */
  relayout (self, !impact_session_get_typing (self->session));
  return G_SOURCE_REMOVE;
}

void
impact_window_document_edited (ImpactWindow *self,
                               const char   *key)
{
  ImpactDocument *doc;

  g_return_if_fail (IMPACT_IS_WINDOW (self));

  if (impact_window_get_result (self) == NULL || impact_session_get_undo_stack (self->session) == NULL)
    return;

  doc = impact_window_get_result (self)->document;
  impact_document_update_derived (doc);
  impact_document_changed (doc);
  impact_editor_pane_refresh (self->editor);

  /* The undo step: now, or for typing once it pauses (impact-session.c) */
  impact_session_edit (self->session, key);
  dirty_changed (self);

  /* Typing: wait for a pause; anything else: at once */
  g_clear_handle_id (&self->relayout_timeout, g_source_remove);
  if (key != NULL)
    self->relayout_timeout = g_timeout_add (IMPACT_RELAYOUT_DELAY_MS, relayout_timeout_cb, self);
  else
    impact_window_apply_edits (self);
}

void
impact_window_flush_edits (ImpactWindow *self)
{
  g_return_if_fail (IMPACT_IS_WINDOW (self));

  /* the outline follows in typing_changed_cb */
  impact_session_flush_edits (self->session);
}

/* The typing burst became an undo step (after a pause, or flushed) */
static void
typing_changed_cb (ImpactWindow  *self,
                   GParamSpec    *pspec,
                   ImpactSession *session)
{
  if (impact_session_get_typing (session))
    return;
  refresh_outline (self);
  dirty_changed (self);
}

static void
editor_begin_edit_cb (ImpactWindow     *self,
                      const char       *key,
                      ImpactEditorPane *editor)
{
  /* Another field, or a change of structure: the typing so far is a step */
  impact_session_begin_edit (self->session, key);
}

static void
editor_edited_cb (ImpactWindow     *self,
                  const char       *key,
                  ImpactEditorPane *editor)
{
  g_debug ("Edited %s", key ? key : "(structure)");
  impact_window_document_edited (self, key);
}


void
impact_window_document_loaded (ImpactWindow *self)
{
  g_return_if_fail (IMPACT_IS_WINDOW (self));

  /* the session has a fresh undo history for it (impact-session.c) */
  g_clear_handle_id (&self->relayout_timeout, g_source_remove);
  if (impact_window_get_result (self) != NULL)
    {
      ImpactDocument *doc = impact_window_get_result (self)->document;
      g_autoptr(ImpactDiagnostics) diagnostics = impact_load_result_dup_diagnostics (impact_window_get_result (self));

      impact_editor_pane_set_diagnostics (self->editor, diagnostics);
      impact_editor_pane_set_document (self->editor, doc);
    }
  else
    impact_editor_pane_set_document (self->editor, NULL);
  dirty_changed (self);
}

gboolean
impact_window_get_dirty (ImpactWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_WINDOW (self), FALSE);

  return impact_session_get_modified (self->session);
}

/* Undo */

/* The session put an earlier (later) state into the document */
static void
restored (ImpactWindow *self)
{
  impact_editor_pane_rebuild (self->editor);
  impact_window_apply_edits (self);
  dirty_changed (self);
}

void
impact_window_undo (ImpactWindow *self)
{
  g_return_if_fail (IMPACT_IS_WINDOW (self));

  if (impact_session_undo (self->session))
    restored (self);
}

void
impact_window_redo (ImpactWindow *self)
{
  g_return_if_fail (IMPACT_IS_WINDOW (self));

  if (impact_session_redo (self->session))
    restored (self);
}

/* Saving */

/* The session has a new file (after Save As, or an install): the recent
 * list and the window's :file follow */
static void
file_taken (ImpactWindow *self,
            GFile        *file)
{
  self->noted_recent = FALSE;
  if (file != NULL)
    {
      ImpactApplication *app = IMPACT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

      if (app != NULL)
        {
          impact_application_note_recent (app, file);
          self->noted_recent = TRUE;
        }
    }
  g_object_notify (G_OBJECT (self), "file");
  update_state (self);
}

void
impact_window_set_file_quietly (ImpactWindow *self,
                                GFile        *file)
{
  GFile *current;

  g_return_if_fail (IMPACT_IS_WINDOW (self));

  current = impact_session_get_file (self->session);
  if (current != NULL && file != NULL && g_file_equal (current, file))
    return;

  /* the session watches the new file like one opened */
  impact_session_set_file (self->session, file);
  file_taken (self, file);
}

static void
show_save_error (ImpactWindow *self,
                 const char   *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saving somewhere else: image paths relative to the old folder are
 * rewritten relative to the new one, so the sheet still finds them */
static void
rebase_image (ImpactDocument  *doc,
              char           **path,
              GFile           *new_file)
{
  g_autoptr(GFile) resolved = NULL;
  g_autofree char *scheme = NULL;
  char *rebased;

  if (*path == NULL || **path == '\0')
    return;
  scheme = g_uri_parse_scheme (*path);
  if (scheme != NULL)
    return;
  resolved = impact_document_resolve_path (doc, *path);
  if (resolved == NULL || !g_file_is_native (resolved))
    return;
  rebased = impact_editor_image_path (new_file, resolved);
  if (rebased != NULL)
    {
      g_free (*path);
      *path = rebased;
    }
}

static void
rebase_images (ImpactDocument *doc,
               GFile          *new_file)
{
  ImpactProfile *profile = impact_document_get_profile (doc);
  GFile *old_file = impact_document_get_file (doc);

  /* Without a folder of its own (a new sheet), paths were written as chosen */
  if (old_file == NULL || !g_file_is_native (old_file))
    return;
  rebase_image (doc, &impact_document_get_organisation (doc)->logo, new_file);
  if (profile != NULL)
    rebase_image (doc, &profile->photo, new_file);
}

/* A question with a safe answer (the default, and what Escape gives) and a
 * destructive one; @callback gets the response. Returns the dialog, shown. */
static AdwMessageDialog *
ask (ImpactWindow *self,
     GtkWidget    *dialog,
     const char   *safe,
     const char   *safe_label,
     const char   *destructive,
     const char   *destructive_label,
     GCallback     callback)
{
  AdwMessageDialog *question = ADW_MESSAGE_DIALOG (dialog);

  adw_message_dialog_add_responses (question, safe, safe_label, destructive, destructive_label, NULL);
  adw_message_dialog_set_response_appearance (question, destructive, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (question, safe);
  adw_message_dialog_set_close_response (question, safe);
  g_signal_connect_object (dialog, "response", callback, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return question;
}

typedef enum
{
  AFTER_SAVE_NOTHING,
  AFTER_SAVE_CLOSE,
} AfterSave;

static void impact_window_save_async (ImpactWindow *self,
                                      GFile        *file,
                                      AfterSave     after);

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ImpactWindow     *self)
{
  self->replace_dialog = NULL;
  if (g_strcmp0 (response, "replace") == 0)
    {
      impact_session_set_keep_changes (self->session, TRUE);
      impact_window_save_async (self, NULL, AFTER_SAVE_NOTHING);
    }
}

static void
ask_replace_changed (ImpactWindow *self,
                     const char   *name)
{
  GtkWidget *dialog;
  const char *problem = impact_window_get_error (self);

  if (self->replace_dialog != NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace the Version on Disk?"), NULL);
  if (problem != NULL)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("Another program changed “%s” after it was opened here, and that "
                                      "version cannot be read (%s). Saving replaces it; it is kept as "
                                      "“%s.bak”."),
                                    name, problem, name);
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("Another program changed “%s” after it was opened here. Saving "
                                      "replaces that version; it is kept as “%s.bak”."),
                                    name, name);
  self->replace_dialog = ask (self, dialog, "cancel", _("_Cancel"), "replace", _("_Replace"),
                              G_CALLBACK (replace_response_cb));
}

/* The checks before a save: the file to write (@file, or the window's)
 * in @target and whether it is a new one; FALSE with the error shown when
 * the save must not go ahead */
static gboolean
save_prepare (ImpactWindow  *self,
              GFile         *file,
              GFile        **target,
              gboolean      *new_file,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  ImpactDocument *doc;
  GFile *current;

  if (impact_window_get_result (self) == NULL)
    return FALSE;
  current = impact_session_get_file (self->session);
  if (file == NULL)
    file = current;
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  /* The built-in example is read-only */
  if (!impact_session_check_writable (self->session, file, &local_error))
    {
      show_save_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  impact_window_flush_edits (self);
  impact_window_apply_edits (self);
  doc = impact_window_get_result (self)->document;
  *new_file = current == NULL || !g_file_equal (file, current);

  /* Another program changed the file since it was read here (an edit the
   * window could not load, say): saving would replace that version
   * without a word. Ask first, unless the user already chose to keep
   * theirs. */
  if (impact_session_disk_conflict (self->session, file))
    {
      g_autofree char *name = g_file_get_basename (file);

      ask_replace_changed (self, name);
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                   _("“%s” was changed by another program; not saved"), name);
      return FALSE;
    }

  /* Relative image paths keep pointing at the same images only in the
   * same folder; the loader resolves them against the document's file. */
  if (*new_file)
    rebase_images (doc, file);
  *target = g_object_ref (file);
  return TRUE;
}

/* After a save that worked: the title, the unsaved marker and a toast */
static void
save_done (ImpactWindow *self,
           GFile        *file,
           gboolean      new_file)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: a toast after saving, %s is the file name */
  g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

  if (new_file)
    file_taken (self, file);
  dirty_changed (self);
  impact_window_show_toast (self, message);
}

gboolean
impact_window_save_to (ImpactWindow  *self,
                       GFile         *file,
                       GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) target = NULL;
  gboolean new_file = FALSE;

  g_return_val_if_fail (IMPACT_IS_WINDOW (self), FALSE);

  if (!save_prepare (self, file, &target, &new_file, error))
    return FALSE;
  /* Save As onto an existing file keeps it as a .bak too; a failed save
   * leaves the file and its .bak as they were and the document dirty */
  if (!impact_session_save (self->session, target, &local_error))
    {
      show_save_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  save_done (self, target, new_file);
  return TRUE;
}

static void
close_now (ImpactWindow *self)
{
  self->force_close = TRUE;
  impact_window_remove_recovery (self);
  gtk_window_close (GTK_WINDOW (self));
}

/* Saving from the window's actions: the JSON is written in a worker
 * thread (a large document does not freeze the window); typing goes on
 * meanwhile and stays unsaved until the next save. One save at a time. */
typedef struct
{
  ImpactWindow *self;
  GFile        *file;
  gboolean      new_file;
  AfterSave     after;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_object_unref (job->self);
  g_object_unref (job->file);
  g_free (job);
}

static void
save_async_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SaveJob *job = user_data;
  ImpactWindow *self = job->self;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  if (!impact_session_save_finish (IMPACT_SESSION (source), result, &error))
    show_save_error (self, error->message);
  else
    {
      save_done (self, job->file, job->new_file);
      if (job->after == AFTER_SAVE_CLOSE)
        close_now (self);
    }
  impact_window_update_state (self);
  save_job_free (job);
}

static void
impact_window_save_async (ImpactWindow *self,
                          GFile        *file,
                          AfterSave     after)
{
  SaveJob *job;
  g_autoptr(GFile) target = NULL;
  gboolean new_file = FALSE;

  g_return_if_fail (IMPACT_IS_WINDOW (self));

  if (self->saving || !save_prepare (self, file, &target, &new_file, NULL))
    return;
  job = g_new0 (SaveJob, 1);
  job->self = g_object_ref (self);
  job->file = g_steal_pointer (&target);
  job->new_file = new_file;
  job->after = after;
  self->saving = TRUE;
  impact_window_update_state (self);
  impact_session_save_async (self->session, job->file, NULL, save_async_cb, job);
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     ImpactWindow    *self)
{
  AfterSave after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "after-save"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *name = g_file_get_basename (file);

      /* Add the extension the app opens by */
      if (name != NULL && !g_str_has_suffix (name, ".json"))
        {
          g_autofree char *with = g_strconcat (name, ".json", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);

          g_object_unref (file);
          file = g_file_get_child (parent, with);
        }
      impact_window_save_async (self, file, after);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
save_as (ImpactWindow *self,
         AfterSave     after)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;
  GFile *file = impact_session_get_file (self->session);
  ImpactLoadResult *result = impact_window_get_result (self);

  chooser = gtk_file_chooser_native_new (_("Save Fact Sheet"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Impact data (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  if (file != NULL && !g_file_has_uri_scheme (file, "resource"))
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
  else
    {
      g_autofree char *name = result ? impact_document_suggest_file_name (result->document)
                                           : g_strdup_printf ("%s.json", _("fact-sheet"));

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_object_set_data (G_OBJECT (chooser), "after-save", GINT_TO_POINTER (after));
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
needs_save_as (ImpactWindow *self)
{
  GFile *file = impact_session_get_file (self->session);
  ImpactLoadResult *result = impact_window_get_result (self);

  /* a converted TimelineJS file is never written over in our format */
  if (result != NULL && result->imported_from != NULL &&
      file != NULL && g_file_equal (file, result->imported_from))
    return TRUE;
  return file == NULL || g_file_has_uri_scheme (file, "resource");
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ImpactWindow *self = IMPACT_WINDOW (widget);

  if (needs_save_as (self))
    save_as (self, AFTER_SAVE_NOTHING);
  else
    impact_window_save_async (self, NULL, AFTER_SAVE_NOTHING);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (IMPACT_WINDOW (widget), AFTER_SAVE_NOTHING);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  impact_window_undo (IMPACT_WINDOW (widget));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  impact_window_redo (IMPACT_WINDOW (widget));
}

static void
show_editor_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ImpactWindow *self = IMPACT_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_stack_set_visible_child_name (self->side_stack, "edit");
}

/* Closing with unsaved changes */

/* Closes once the dialog that asked is gone (it is transient for us) */
static gboolean
close_idle_cb (gpointer data)
{
  g_autoptr(ImpactWindow) self = data;

  close_now (self);
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   ImpactWindow     *self)
{
  g_object_set_data (G_OBJECT (self), "close-dialog", NULL);
  if (g_strcmp0 (response, "discard") == 0)
    g_idle_add (close_idle_cb, g_object_ref (self));
  else if (g_strcmp0 (response, "save") == 0)
    {
      if (needs_save_as (self))
        save_as (self, AFTER_SAVE_CLOSE);
      else
        impact_window_save_async (self, NULL, AFTER_SAVE_CLOSE);
    }
  /* "cancel": nothing */
}

void
impact_window_confirm_close (ImpactWindow *self)
{
  GtkWidget *dialog;
  const char *title = NULL;

  g_return_if_fail (IMPACT_IS_WINDOW (self));

  if (impact_window_get_result (self) != NULL)
    title = impact_document_get_office (impact_window_get_result (self)->document);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes that are not saved are lost."),
                                  title ? title : _("The fact sheet"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (self), "close-dialog", dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Changes on disk */

static void
changed_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ImpactWindow     *self)
{
  self->changed_dialog = NULL;
  if (g_strcmp0 (response, "reload") == 0)
    impact_window_reload (self);
  else
    {
      /* Keep my changes: the next save replaces the file, after a .bak */
      impact_session_set_keep_changes (self->session, TRUE);
      impact_window_show_toast (self, _("Your changes are kept; saving replaces the file on disk"));
    }
}

void
impact_window_disk_changed (ImpactWindow *self)
{
  GFile *file = impact_session_get_file (self->session);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  g_return_if_fail (IMPACT_IS_WINDOW (self));

  if (file == NULL)
    return;
  if (impact_window_get_result (self) == NULL)
    {
      /* Nothing loaded yet (or the last load failed): just read it */
      impact_window_reload (self);
      return;
    }

  /* Our own save, or a touch that changed nothing (unless the file was
   * broken meanwhile and now is fixed: show that) */
  if (!impact_session_disk_differs (self->session))
    return;

  if (!impact_window_get_dirty (self))
    {
      impact_window_reload (self);
      return;
    }
  if (self->changed_dialog != NULL || impact_session_get_keep_changes (self->session))
    return;

  name = g_file_get_basename (file);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("File Changed on Disk"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Another program changed “%s” while you have unsaved changes here. "
                                    "Reload it and lose your changes, or keep your version; saving then "
                                    "replaces the file (the other version is kept as a .bak copy)."),
                                  name);
  self->changed_dialog = ask (self, dialog, "keep", _("_Keep My Changes"), "reload", _("_Reload"),
                              G_CALLBACK (changed_response_cb));
}

static void
reload_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ImpactWindow     *self)
{
  if (g_strcmp0 (response, "reload") == 0)
    impact_window_reload (self);
}

void
impact_window_confirm_reload (ImpactWindow *self)
{
  GtkWidget *dialog;

  g_return_if_fail (IMPACT_IS_WINDOW (self));

  if (!impact_window_get_dirty (self))
    {
      impact_window_reload (self);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Reload and Lose Changes?"),
                                   _("Reading the file again discards the changes you have not saved."));
  ask (self, dialog, "cancel", _("_Cancel"), "reload", _("_Reload"), G_CALLBACK (reload_response_cb));
}

/* New documents and recovery */

static void installed (ImpactWindow *self);

gboolean
impact_window_install_text (ImpactWindow  *self,
                            const char    *text,
                            GFile         *file,
                            const char    *saved_text,
                            GError       **error)
{
  g_return_val_if_fail (IMPACT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!impact_session_install_text (self->session, text, file, saved_text, error))
    return FALSE;
  installed (self);
  return TRUE;
}

/* The session has a new document, not read from its file (a template, a
 * recovery copy): show it */
static void
installed (ImpactWindow *self)
{
  ImpactDocument *doc = impact_window_get_result (self)->document;

  file_taken (self, impact_session_get_file (self->session));
  impact_sheet_preview_set_layout (self->preview, impact_window_get_result (self)->layout);
  {
    g_autoptr(ImpactDiagnostics) diagnostics = impact_load_result_dup_diagnostics (impact_window_get_result (self));

    impact_editor_pane_set_diagnostics (self->editor, diagnostics);
    impact_editor_pane_set_document (self->editor, doc);
    impact_outline_pane_set_document (self->outline, doc, diagnostics);
  }
  gtk_stack_set_visible_child_name (self->stack, "document");
  gtk_stack_set_visible_child_name (self->side_stack, "edit");
  dirty_changed (self);
  impact_window_actions_update (self);
  g_object_notify (G_OBJECT (self), "document");
}

/* Set-up */

void
impact_window_class_edit_init (ImpactWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.show-editor", NULL, show_editor_action);
}

void
impact_window_edit_init (ImpactWindow *self)
{
  g_signal_connect_object (self->editor, "begin-edit", G_CALLBACK (editor_begin_edit_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "edited", G_CALLBACK (editor_edited_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::typing", G_CALLBACK (typing_changed_cb), self, G_CONNECT_SWAPPED);
  update_state (self);
}

void
impact_window_edit_dispose (ImpactWindow *self)
{
  g_clear_handle_id (&self->relayout_timeout, g_source_remove);
}

/* Public API (impact-window.h) */

void
impact_window_new_document (ImpactWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize size = 0;
  const char *data;

  g_return_if_fail (IMPACT_IS_WINDOW (self));

  bytes = g_resources_lookup_data ("/io/github/impactsheet/ImpactSheet/templates/new-sheet.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("The template is missing: %s", error->message);
      return;
    }
  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  /* Nothing to lose yet: the template counts as saved */
  if (!impact_window_install_text (self, text, NULL, NULL, &error))
    {
      g_critical ("The template does not load: %s", error->message);
      return;
    }
  impact_session_mark_saved (self->session);
  dirty_changed (self);
}

gboolean
impact_window_restore_recovery (ImpactWindow  *self,
                                GFile         *copy,
                                GError       **error)
{
  g_return_val_if_fail (IMPACT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (copy), FALSE);

  if (!impact_session_restore_recovery (self->session, copy, error))
    return FALSE;
  installed (self);
  return TRUE;
}

gboolean
impact_window_get_saving (ImpactWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_WINDOW (self), FALSE);

  return self->saving;
}

gboolean
impact_window_get_modified (ImpactWindow *self)
{
  return impact_window_get_dirty (self);
}
