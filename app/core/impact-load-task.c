/* impact-load-task.c: read, validate and lay out a document off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-load-task"

#include "config.h"

#include "impact-json-loader.h"
#include "impact-load-task.h"
#include "impact-placeholders.h"
#include "impact-preflight.h"
#include "impact-open.h"
#include "impact-error.h"

typedef struct
{
  GFile          *file;
  ImpactPageSize  page_size;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

void
impact_load_result_free (ImpactLoadResult *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->layout);
  g_clear_object (&self->theme);
  g_clear_object (&self->document);
  g_clear_pointer (&self->load_diagnostics, impact_diagnostics_free);
  g_clear_pointer (&self->layout_diagnostics, impact_diagnostics_free);
  g_free (self);
}

void
impact_load_result_relayout (ImpactLoadResult *self,
                             ImpactPageSize    page_size)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (IMPACT_IS_DOCUMENT (self->document));

  impact_diagnostics_clear (self->layout_diagnostics);
  g_clear_object (&self->layout);
  self->layout = impact_sheet_layout_new (self->document, self->theme, page_size,
                                          self->layout_diagnostics);
  /* The preflight of `validate`, for this paper, checked again after
   * every edit with the layout: sources, the guidance of a new sheet that
   * is still there, contrast, image resolution */
  impact_preflight_check_document (self->document, self->theme, self->layout_diagnostics);
  impact_preflight_check_layout (self->layout, self->layout_diagnostics);
}

ImpactDiagnostics *
impact_load_result_dup_diagnostics (ImpactLoadResult *self)
{
  ImpactDiagnostics *all = impact_diagnostics_new ();

  g_return_val_if_fail (self != NULL, all);

  impact_diagnostics_extend (all, self->load_diagnostics);
  impact_diagnostics_extend (all, self->layout_diagnostics);
  return all;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(ImpactLoadResult) result = g_new0 (ImpactLoadResult, 1);
  g_autoptr(GError) error = NULL;
  ImpactOpenKind kind = IMPACT_OPEN_IMPACT_SHEET;
  gint64 start = g_get_monotonic_time ();

  result->load_diagnostics = impact_diagnostics_new ();
  result->layout_diagnostics = impact_diagnostics_new ();

  /* Our data, or a Knight Lab TimelineJS file, which opens converted (what
   * could not be mapped is listed as warnings; saving asks for a new name,
   * so the original stays as it is): core decides, as for the command line */
  result->document = impact_document_open_file (data->file, result->load_diagnostics, &kind,
                                                cancellable, &error);
  if (result->document != NULL && kind == IMPACT_OPEN_TIMELINEJS)
    result->imported_from = g_object_ref (data->file);
  if (result->document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  result->theme = impact_theme_new (impact_document_get_theme_spec (result->document),
                                    NULL, result->load_diagnostics);
  /* No layout here: Pango's font objects belong to the font map of the
   * thread that made them (one per thread) and are not safe to share, and
   * this pool thread may lay out the next document while the main thread
   * draws. The window lays the document out on the main thread
   * (impact_load_result_relayout()), where it is drawn and edited. */
  result->layout = NULL;
  result->duration_usec = g_get_monotonic_time () - start;

  g_task_return_pointer (task, g_steal_pointer (&result),
                         (GDestroyNotify) impact_load_result_free);
}

void
impact_load_task_run_async (GFile               *file,
                            ImpactPageSize       page_size,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->page_size = page_size;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, impact_load_task_run_async);
  g_task_set_name (task, "impact-load-task");
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

ImpactLoadResult *
impact_load_task_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == impact_load_task_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
