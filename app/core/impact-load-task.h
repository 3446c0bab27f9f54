/* impact-load-task.h: read, validate and lay out a document off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "impact-diagnostics.h"
#include "impact-document.h"
#include "impact-page.h"
#include "impact-sheet-layout.h"
#include "impact-theme.h"

G_BEGIN_DECLS

/* Everything the window shows about one successfully loaded document. The
 * document, theme and layout are not modified after loading, so they may be
 * handed to other threads (export) by reference. */
typedef struct
{
  ImpactDocument    *document;
  ImpactTheme       *theme;
  ImpactSheetLayout *layout;
  ImpactDiagnostics *load_diagnostics;    /* loader and theme warnings */
  ImpactDiagnostics *layout_diagnostics;  /* overflow and image warnings */
  gint64             duration_usec;       /* time spent in the worker */
  GFile             *imported_from;       /* a TimelineJS file converted on opening, or NULL */
} ImpactLoadResult;

void              impact_load_result_free      (ImpactLoadResult *self);
/* Lays the document out again for @page_size (on the calling thread),
 * replacing the layout and its diagnostics. */
void              impact_load_result_relayout  (ImpactLoadResult *self,
                                                ImpactPageSize    page_size);
/* A new list with the load and layout diagnostics. */
ImpactDiagnostics *impact_load_result_dup_diagnostics (ImpactLoadResult *self);

void              impact_load_task_run_async   (GFile               *file,
                                                ImpactPageSize       page_size,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
/* On failure the error message is the loader's: one
 * "file:line:column: path: message" line per error. */
ImpactLoadResult *impact_load_task_finish      (GAsyncResult        *result,
                                                GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactLoadResult, impact_load_result_free)

G_END_DECLS
