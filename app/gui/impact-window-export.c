/* impact-window-export.c: writing the window's document to PDF, PNG or SVG
 *
 * The export runs impact_export_document() in a worker thread on a reference
 * to the current document (documents are not modified after loading); a
 * reload meanwhile swaps in a new document and does not disturb it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-window-export"

#include "config.h"

#include <glib/gi18n.h>

#include "impact-window-private.h"

typedef struct
{
  ImpactDocument      *document;
  ImpactExportOptions  options;
  gboolean             timeline;
  ImpactTimelineExportOptions timeline_options;
  GFile               *output;
  ImpactDiagnostics   *diagnostics;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->document);
  g_clear_object (&data->output);
  g_clear_pointer (&data->diagnostics, impact_diagnostics_free);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;

  if (data->timeline)
    {
      if (!impact_timeline_export (data->document, &data->timeline_options, data->output, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  else if (!impact_export_document (data->document, &data->options, data->output, &written,
                                    data->diagnostics, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (written == NULL)
    {
      written = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (written, g_object_ref (data->output));
    }

  g_task_return_pointer (task, g_steal_pointer (&written), (GDestroyNotify) g_ptr_array_unref);
}

static gboolean
pulse_cb (gpointer user_data)
{
  ImpactWindow *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
set_exporting (ImpactWindow *self,
               gboolean      exporting)
{
  if (self->exporting == !!exporting)
    return;

  self->exporting = !!exporting;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), exporting);
  g_clear_handle_id (&self->pulse_timeout, g_source_remove);
  if (exporting)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      self->pulse_timeout = g_timeout_add (100, pulse_cb, self);
    }

  impact_window_actions_update (self);
  g_object_notify (G_OBJECT (self), "busy");
}

static void
show_export_error (ImpactWindow *self,
                   const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ImpactWindow) self = user_data;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;
  AdwToast *toast;
  GFile *first;

  set_exporting (self, FALSE);

  written = g_task_propagate_pointer (G_TASK (result), &error);
  if (written == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_export_error (self, error);
      return;
    }

  g_clear_pointer (&self->exported, g_ptr_array_unref);
  self->exported = g_ptr_array_ref (written);

  if (written->len == 0)
    return;

  first = g_ptr_array_index (written, 0);
  uri = g_file_get_uri (first);
  name = g_file_get_basename (first);

  if (written->len == 1)
    /* Translators: a toast after exporting; %s is the file name */
    message = g_strdup_printf (_("Exported to “%s”"), name);
  else
    /* Translators: a toast after exporting several pages; %u is how many files, %s the first */
    message = g_strdup_printf (ngettext ("Exported %u file, starting with “%s”",
                                         "Exported %u files, starting with “%s”",
                                         written->len),
                               written->len, name);

  /* what the export itself noticed (an image it could not read, say) is
   * not silently dropped: say how many, the details are in the log */
  {
    ExportData *data = g_task_get_task_data (G_TASK (result));
    guint n = data && data->diagnostics ?
              impact_diagnostics_count (data->diagnostics, IMPACT_SEVERITY_WARNING) : 0;

    for (guint i = 0; data && data->diagnostics && i < impact_diagnostics_get_n_items (data->diagnostics); i++)
      {
        g_autofree char *text = impact_diagnostic_to_string (impact_diagnostics_get_item (data->diagnostics, i));
        g_message ("export: %s", text);
      }
    if (n > 0)
      {
        /* Translators: added to the "Exported to …" toast */
        g_autofree char *with = g_strdup_printf (ngettext ("%s, with %u warning", "%s, with %u warnings", n),
                                                 message, n);

        g_free (message);
        message = g_steal_pointer (&with);
      }
  }

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-exported");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
start_export (ImpactWindow *self,
              ExportData   *data)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  self->export_cancellable = g_cancellable_new ();

  /* A copy: the editor may change the document while the export runs */
  data->document = impact_document_copy (impact_window_get_result (self)->document);
  data->diagnostics = impact_diagnostics_new ();

  set_exporting (self, TRUE);

  task = g_task_new (NULL, self->export_cancellable, export_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, impact_window_export);
  g_task_set_name (task, "impact-window-export");
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

void
impact_window_export (ImpactWindow              *self,
                      const ImpactExportOptions *options,
                      GFile                     *file)
{
  ExportData *data;

  g_return_if_fail (IMPACT_IS_WINDOW (self));
  g_return_if_fail (options != NULL);
  g_return_if_fail (G_IS_FILE (file));

  if (impact_window_get_result (self) == NULL || self->exporting)
    return;

  data = g_new0 (ExportData, 1);
  data->options = *options;
  data->options.template_name = NULL;  /* a borrowed string must not cross threads */
  data->output = g_object_ref (file);
  start_export (self, data);
}

void
impact_window_export_timeline (ImpactWindow                      *self,
                               const ImpactTimelineExportOptions *options,
                               GFile                             *file)
{
  ExportData *data;

  g_return_if_fail (IMPACT_IS_WINDOW (self));
  g_return_if_fail (options != NULL);
  g_return_if_fail (G_IS_FILE (file));

  if (impact_window_get_result (self) == NULL || self->exporting)
    return;

  data = g_new0 (ExportData, 1);
  impact_export_options_init (&data->options);
  data->timeline = TRUE;
  data->timeline_options = *options;
  data->output = g_object_ref (file);
  start_export (self, data);
}
