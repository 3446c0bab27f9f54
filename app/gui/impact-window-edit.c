/* impact-window-edit.c: editing the window's document: undo, saving,
 * closing with unsaved changes, recovery copies and changes on disk
 *
 * The editor pane writes into the document; each edit records an undo step
 * (a copy of the document and the text Save would write) and lays the page
 * out again after a short pause, on the main thread (a re-layout of the
 * example takes a few milliseconds). The document is "dirty" while the
 * text of the current step differs from what was last saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "impact-application.h"
#include "impact-error.h"
#include "impact-json-loader.h"
#include "impact-json-writer.h"
#include "impact-theme.h"
#include "impact-window-private.h"

static gboolean pending_timeout_cb (gpointer data);

/* Helpers */

static char *
read_text (GFile *file)
{
  char *contents = NULL;
  gsize length = 0;

  if (file == NULL || !g_file_load_contents (file, NULL, &contents, &length, NULL, NULL))
    return NULL;
  return contents;
}

static char *
source_text_of (ImpactDocument *doc)
{
  GBytes *bytes = impact_document_get_source_text (doc);
  gsize size = 0;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

static void
update_state (ImpactWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have_document = self->result != NULL;

  gtk_widget_action_set_enabled (widget, "win.save", have_document);
  gtk_widget_action_set_enabled (widget, "win.save-as", have_document);
  gtk_widget_action_set_enabled (widget, "win.undo", impact_undo_stack_can_undo (self->undo));
  gtk_widget_action_set_enabled (widget, "win.redo", impact_undo_stack_can_redo (self->undo));
  impact_window_update_titles (self);
}

/* Recovery copies */

static char *
recovery_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "impact-sheet", "recovery", NULL);
}

static gboolean
recovery_timeout_cb (gpointer data)
{
  impact_window_write_recovery (data);
  return G_SOURCE_CONTINUE;
}

const char *
impact_window_write_recovery (ImpactWindow *self)
{
  g_autoptr(GKeyFile) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *dir = NULL;
  const char *text;

  g_return_val_if_fail (IMPACT_IS_WINDOW (self), NULL);

  impact_window_flush_edits (self);
  if (!impact_window_get_dirty (self))
    return NULL;
  text = impact_undo_stack_get_text (self->undo);
  if (self->recovery_path != NULL && g_strcmp0 (text, self->recovery_text) == 0)
    return self->recovery_path;

  dir = recovery_dir ();
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_warning ("Could not create %s: %s", dir, g_strerror (errno));
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
  if (!g_key_file_save_to_file (info, info_path, &error) ||
      !g_file_set_contents (self->recovery_path, text, -1, &error))
    {
      g_warning ("Could not write the recovery copy: %s", error->message);
      return NULL;
    }
  g_free (self->recovery_text);
  self->recovery_text = g_strdup (text);
  return self->recovery_path;
}

void
impact_window_remove_recovery (ImpactWindow *self)
{
  g_return_if_fail (IMPACT_IS_WINDOW (self));

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

static void
dirty_changed (ImpactWindow *self)
{
  gboolean dirty = impact_window_get_dirty (self);

  if (dirty && self->recovery_timeout == 0)
    self->recovery_timeout = g_timeout_add_seconds (IMPACT_RECOVERY_INTERVAL_S, recovery_timeout_cb, self);
  else if (!dirty)
    {
      g_clear_handle_id (&self->recovery_timeout, g_source_remove);
      impact_window_remove_recovery (self);
    }
  update_state (self);
}

/* Layout after edits */

static void
refresh_outline (ImpactWindow *self)
{
  g_autoptr(ImpactDiagnostics) diagnostics = NULL;

  if (self->result == NULL)
    return;
  diagnostics = impact_load_result_dup_diagnostics (self->result);
  impact_outline_pane_set_document (self->outline, self->result->document, diagnostics);
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
  if (self->result == NULL)
    return;

  doc = self->result->document;
  start = g_get_monotonic_time ();
  g_clear_object (&self->result->theme);
  self->result->theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
  impact_window_lay_out_result (self, self->result);
  self->last_relayout_usec = g_get_monotonic_time () - start;
  g_debug ("Re-layout after an edit: %.1f ms", self->last_relayout_usec / 1000.0);

  impact_sheet_preview_set_layout (self->preview, self->result->layout);
  /* What the layout says now (an overflow) stands next to the field; the
   * loader's warnings were about the text as loaded */
  impact_editor_pane_set_diagnostics (self->editor, self->result->layout_diagnostics);
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
  relayout (self, self->pending_key == NULL);
  return G_SOURCE_REMOVE;
}

void
impact_window_document_edited (ImpactWindow *self,
                               const char   *key)
{
  ImpactDocument *doc;
  gint64 start;

  g_return_if_fail (IMPACT_IS_WINDOW (self));

  if (self->result == NULL || self->undo == NULL)
    return;

  doc = self->result->document;
  impact_document_update_derived (doc);
  impact_document_changed (doc);
  impact_editor_pane_refresh (self->editor);

  /* Typing in one field: the undo step is taken when the typing pauses
   * (a step copies the document: ~0.1 s for 5,000 milestones). The step
   * of an earlier field was taken by begin-edit. */
  if (key != NULL)
    {
      if (self->pending_key == NULL)
        self->pending_key = g_strdup (key);
      g_clear_handle_id (&self->pending_timeout, g_source_remove);
      self->pending_timeout = g_timeout_add (IMPACT_UNDO_PAUSE_MS, pending_timeout_cb, self);
    }
  else
    {
      start = g_get_monotonic_time ();
      impact_undo_stack_push (self->undo, doc, NULL, g_get_monotonic_time ());
      g_debug ("Undo step for a change of structure: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
    }
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
  gint64 start = g_get_monotonic_time ();

  g_return_if_fail (IMPACT_IS_WINDOW (self));

  g_clear_handle_id (&self->pending_timeout, g_source_remove);
  if (self->pending_key == NULL)
    return;
  if (self->result != NULL && self->undo != NULL)
    impact_undo_stack_push (self->undo, self->result->document, self->pending_key, start);
  g_clear_pointer (&self->pending_key, g_free);
  g_debug ("Undo step: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  refresh_outline (self);
  dirty_changed (self);
}

static gboolean
pending_timeout_cb (gpointer data)
{
  ImpactWindow *self = data;

  self->pending_timeout = 0;
  impact_window_flush_edits (self);
  return G_SOURCE_REMOVE;
}

static void
editor_begin_edit_cb (ImpactWindow     *self,
                      const char       *key,
                      ImpactEditorPane *editor)
{
  /* Another field, or a change of structure: the typing so far is a step */
  if (self->pending_key != NULL && (key == NULL || strcmp (key, self->pending_key) != 0))
    impact_window_flush_edits (self);
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

  g_clear_pointer (&self->undo, impact_undo_stack_free);
  g_clear_handle_id (&self->relayout_timeout, g_source_remove);
  g_clear_handle_id (&self->pending_timeout, g_source_remove);
  g_clear_pointer (&self->pending_key, g_free);
  self->ignore_disk_changes = FALSE;
  if (self->result != NULL)
    {
      ImpactDocument *doc = self->result->document;

      /* What is on disk is the text the document was read from; the
       * stack's first step is how the writer would save it: the same,
       * unless the loader filled in something (a derived value). */
      g_autoptr(ImpactDiagnostics) diagnostics = impact_load_result_dup_diagnostics (self->result);

      self->undo = impact_undo_stack_new (doc, NULL);
      impact_undo_stack_mark_saved (self->undo, impact_undo_stack_get_text (self->undo));
      g_free (self->disk_text);
      self->disk_text = source_text_of (doc);
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

  return self->undo != NULL && (self->pending_key != NULL || impact_undo_stack_is_dirty (self->undo));
}

/* Undo */

static void
restore (ImpactWindow   *self,
         ImpactDocument *state)
{
  ImpactDocument *doc = self->result->document;
  g_autoptr(GFile) file = impact_document_get_file (doc) ? g_object_ref (impact_document_get_file (doc)) : NULL;
  ImpactSourceMap *map = impact_document_get_source_map (doc);

  /* Keep the source of the document as it is now (it may have been saved
   * since the step was recorded): text, tree and positions, as one */
  if (map != NULL)
    impact_source_map_ref (map);
  impact_document_take_contents (doc, state);
  impact_document_set_file (doc, file);
  impact_document_set_source_map (doc, map);
  if (map != NULL)
    impact_source_map_unref (map);
  impact_document_changed (doc);
  impact_editor_pane_rebuild (self->editor);
  impact_window_apply_edits (self);
  dirty_changed (self);
}

void
impact_window_undo (ImpactWindow *self)
{
  g_autoptr(ImpactDocument) state = NULL;

  g_return_if_fail (IMPACT_IS_WINDOW (self));

  impact_window_flush_edits (self);
  if (self->result == NULL || (state = impact_undo_stack_undo (self->undo)) == NULL)
    return;
  restore (self, state);
}

void
impact_window_redo (ImpactWindow *self)
{
  g_autoptr(ImpactDocument) state = NULL;

  g_return_if_fail (IMPACT_IS_WINDOW (self));

  impact_window_flush_edits (self);
  if (self->result == NULL || (state = impact_undo_stack_redo (self->undo)) == NULL)
    return;
  restore (self, state);
}

/* Saving */

void
impact_window_set_file_quietly (ImpactWindow *self,
                                GFile        *file)
{
  g_return_if_fail (IMPACT_IS_WINDOW (self));

  if (self->file != NULL && file != NULL && g_file_equal (self->file, file))
    return;

  if (self->monitor != NULL)
    {
      g_file_monitor_cancel (self->monitor);
      g_signal_handlers_disconnect_matched (self->monitor, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      g_clear_object (&self->monitor);
    }
  g_set_object (&self->file, file);
  if (self->result != NULL)
    impact_document_set_file (self->result->document, file);
  self->noted_recent = FALSE;
  if (file != NULL)
    {
      ImpactApplication *app = IMPACT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

      /* Watch the new file like one opened */
      self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
      if (self->monitor != NULL)
        g_signal_connect_object (self->monitor, "changed",
                                 G_CALLBACK (impact_window_file_changed_cb), self, G_CONNECT_SWAPPED);
      if (app != NULL)
        {
          impact_application_note_recent (app, file);
          self->noted_recent = TRUE;
        }
    }
  g_object_notify (G_OBJECT (self), "file");
  update_state (self);
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

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ImpactWindow     *self)
{
  self->replace_dialog = NULL;
  if (g_strcmp0 (response, "replace") == 0)
    {
      self->ignore_disk_changes = TRUE;
      impact_window_save_to (self, NULL, NULL);
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

gboolean
impact_window_save_to (ImpactWindow  *self,
                       GFile         *file,
                       GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  ImpactDocument *doc;
  g_autofree char *written = NULL;
  gboolean new_file;

  g_return_val_if_fail (IMPACT_IS_WINDOW (self), FALSE);

  if (self->result == NULL)
    return FALSE;
  if (file == NULL)
    file = self->file;
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  /* The built-in example is read-only */
  if (g_file_has_uri_scheme (file, "resource"))
    {
      g_set_error (&local_error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                   _("The example cannot be changed; use Save As to keep your version"));
      show_save_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  impact_window_flush_edits (self);
  impact_window_apply_edits (self);
  doc = self->result->document;
  new_file = self->file == NULL || !g_file_equal (file, self->file);

  /* Another program changed the file since it was read here (an edit the
   * window could not load, say): saving would replace that version
   * without a word. Ask first, unless the user already chose to keep
   * theirs. */
  if (!new_file && !self->ignore_disk_changes && self->disk_text != NULL)
    {
      g_autofree char *on_disk = read_text (file);

      if (on_disk != NULL && g_strcmp0 (on_disk, self->disk_text) != 0)
        {
          g_autofree char *name = g_file_get_basename (file);

          ask_replace_changed (self, name);
          g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                       _("“%s” was changed by another program; not saved"), name);
          return FALSE;
        }
    }
  {
    /* Relative image paths keep pointing at the same images only in the
     * same folder; the loader resolves them against the document's file. */
    g_autoptr(GFile) old = impact_document_get_file (doc) ? g_object_ref (impact_document_get_file (doc)) : NULL;

    if (new_file)
      rebase_images (doc, file);
    impact_document_set_file (doc, file);
    /* Save As onto an existing file keeps it as a .bak too; a failed save
     * leaves the file and its .bak as they were (nothing on disk changes,
     * so the file monitor stays quiet) and the document dirty */
    if (!impact_json_writer_save (doc, file, TRUE, NULL, &local_error))
      {
        impact_document_set_file (doc, old);
        show_save_error (self, local_error->message);
        g_propagate_error (error, g_steal_pointer (&local_error));
        return FALSE;
      }
  }

  written = source_text_of (doc);
  impact_undo_stack_mark_saved (self->undo, written);
  g_free (self->disk_text);
  self->disk_text = g_strdup (written);
  self->ignore_disk_changes = FALSE;
  if (new_file)
    impact_window_set_file_quietly (self, file);
  dirty_changed (self);
  {
    g_autofree char *name = g_file_get_basename (file);
    /* Translators: a toast after saving, %s is the file name */
    g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

    impact_window_show_toast (self, message);
  }
  return TRUE;
}

typedef enum
{
  AFTER_SAVE_NOTHING,
  AFTER_SAVE_CLOSE,
} AfterSave;

static void
close_now (ImpactWindow *self)
{
  self->force_close = TRUE;
  impact_window_remove_recovery (self);
  gtk_window_close (GTK_WINDOW (self));
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
      if (impact_window_save_to (self, file, NULL) && after == AFTER_SAVE_CLOSE)
        close_now (self);
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

  chooser = gtk_file_chooser_native_new (_("Save Fact Sheet"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Impact data (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  if (self->file != NULL && !g_file_has_uri_scheme (self->file, "resource"))
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
  else
    {
      g_autofree char *name = self->result ? impact_document_suggest_file_name (self->result->document)
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
  /* a converted TimelineJS file is never written over in our format */
  if (self->result != NULL && self->result->imported_from != NULL &&
      self->file != NULL && g_file_equal (self->file, self->result->imported_from))
    return TRUE;
  return self->file == NULL || g_file_has_uri_scheme (self->file, "resource");
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
    impact_window_save_to (self, NULL, NULL);
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
      else if (impact_window_save_to (self, NULL, NULL))
        g_idle_add (close_idle_cb, g_object_ref (self));
    }
  /* "cancel": nothing */
}

void
impact_window_confirm_close (ImpactWindow *self)
{
  GtkWidget *dialog;
  const char *title = NULL;

  g_return_if_fail (IMPACT_IS_WINDOW (self));

  if (self->result != NULL)
    title = impact_document_get_office (self->result->document);
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
      self->ignore_disk_changes = TRUE;
      impact_window_show_toast (self, _("Your changes are kept; saving replaces the file on disk"));
    }
}

void
impact_window_disk_changed (ImpactWindow *self)
{
  g_autofree char *on_disk = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  g_return_if_fail (IMPACT_IS_WINDOW (self));

  if (self->file == NULL)
    return;
  if (self->result == NULL)
    {
      /* Nothing loaded yet (or the last load failed): just read it */
      impact_window_reload (self);
      return;
    }

  on_disk = read_text (self->file);
  ours = source_text_of (self->result->document);
  /* Our own save, or a touch that changed nothing (unless the file was
   * broken meanwhile and now is fixed: show that) */
  if (on_disk != NULL && g_strcmp0 (on_disk, ours) == 0 && impact_window_get_error (self) == NULL)
    return;

  if (!impact_window_get_dirty (self))
    {
      impact_window_reload (self);
      return;
    }
  if (self->changed_dialog != NULL || self->ignore_disk_changes)
    return;

  name = g_file_get_basename (self->file);
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

gboolean
impact_window_install_text (ImpactWindow  *self,
                            const char    *text,
                            GFile         *file,
                            const char    *saved_text,
                            GError       **error)
{
  g_autoptr(ImpactLoadResult) result = NULL;
  ImpactDocument *doc;

  g_return_val_if_fail (IMPACT_IS_WINDOW (self), FALSE);
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
  impact_window_lay_out_result (self, result);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_pointer (&self->result, impact_load_result_free);
  self->result = g_steal_pointer (&result);
  impact_window_set_file_quietly (self, file);

  g_clear_pointer (&self->undo, impact_undo_stack_free);
  g_clear_handle_id (&self->pending_timeout, g_source_remove);
  g_clear_pointer (&self->pending_key, g_free);
  self->undo = impact_undo_stack_new (doc, saved_text);
  g_free (self->disk_text);
  self->disk_text = g_strdup (saved_text);
  impact_sheet_preview_set_layout (self->preview, self->result->layout);
  {
    g_autoptr(ImpactDiagnostics) diagnostics = impact_load_result_dup_diagnostics (self->result);

    impact_editor_pane_set_diagnostics (self->editor, diagnostics);
    impact_editor_pane_set_document (self->editor, doc);
    impact_outline_pane_set_document (self->outline, doc, diagnostics);
  }
  gtk_stack_set_visible_child_name (self->stack, "document");
  gtk_stack_set_visible_child_name (self->side_stack, "edit");
  dirty_changed (self);
  impact_window_actions_update (self);
  g_object_notify (G_OBJECT (self), "document");
  return TRUE;
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
  update_state (self);
}

void
impact_window_edit_dispose (ImpactWindow *self)
{
  g_clear_handle_id (&self->pending_timeout, g_source_remove);
  g_clear_pointer (&self->pending_key, g_free);
  g_clear_handle_id (&self->relayout_timeout, g_source_remove);
  g_clear_handle_id (&self->recovery_timeout, g_source_remove);
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
  impact_undo_stack_mark_saved (self->undo, impact_undo_stack_get_text (self->undo));
  dirty_changed (self);
}

gboolean
impact_window_restore_recovery (ImpactWindow  *self,
                                GFile         *copy,
                                GError       **error)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GFile) original = NULL;

  g_return_val_if_fail (IMPACT_IS_WINDOW (self), FALSE);
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
      saved = read_text (original);
    }
  if (!impact_window_install_text (self, text, original, saved, error))
    return FALSE;
  g_set_object (&self->recovery_restored, copy);
  return TRUE;
}

gboolean
impact_window_get_modified (ImpactWindow *self)
{
  return impact_window_get_dirty (self);
}
