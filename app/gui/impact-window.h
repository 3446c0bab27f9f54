/* impact-window.h: a window that shows one fact sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "impact-application.h"
#include "impact-document.h"
#include "impact-export.h"
#include "impact-session.h"
#include "impact-sheet-preview.h"
#include "impact-timeline-render.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_WINDOW (impact_window_get_type ())
G_DECLARE_FINAL_TYPE (ImpactWindow, impact_window, IMPACT, WINDOW, AdwApplicationWindow)

ImpactWindow       *impact_window_new            (ImpactApplication *application);
/* Loads @file (off the main thread) and watches it for changes. */
void                impact_window_load_file      (ImpactWindow *self,
                                                  GFile        *file);
GFile              *impact_window_get_file       (ImpactWindow *self);
/* The last document that loaded without errors, or NULL. */
ImpactDocument     *impact_window_get_document   (ImpactWindow *self);
gboolean            impact_window_is_empty       (ImpactWindow *self);
/* TRUE while a load or an export runs. */
gboolean            impact_window_get_busy       (ImpactWindow *self);
/* The first error of the last failed load (shown in the banner), or NULL. */
const char         *impact_window_get_error      (ImpactWindow *self);
ImpactSheetPreview *impact_window_get_preview    (ImpactWindow *self);
/* The session the window presents: its file, document, undo history and
 * modified state (impact-session.h), for the application and for tests
 * that check them; the window owns it for its lifetime. */
ImpactSession      *impact_window_get_session    (ImpactWindow *self);
/* Writes the current document to @file off the main thread; a toast
 * reports the result. */
void                impact_window_export         (ImpactWindow              *self,
                                                  const ImpactExportOptions *options,
                                                  GFile                     *file);
/* The same for the timeline's slide or handout */
void                impact_window_export_timeline (ImpactWindow                      *self,
                                                   const ImpactTimelineExportOptions *options,
                                                   GFile                             *file);
/* Shows a new, unsaved fact sheet made from the template. */
void                impact_window_new_document   (ImpactWindow *self);
/* Restores the recovery copy @copy (written by a session that did not
 * end): the document it belongs to, with the unsaved changes. */
gboolean            impact_window_restore_recovery (ImpactWindow *self,
                                                    GFile        *copy,
                                                    GError      **error);
/* TRUE while there are unsaved changes */
gboolean            impact_window_get_modified   (ImpactWindow *self);
/* TRUE while a save from the window's actions is being written */
gboolean            impact_window_get_saving     (ImpactWindow *self);

/* The files the last successful export wrote (of GFile), or NULL. */
GPtrArray          *impact_window_get_exported   (ImpactWindow *self);

G_END_DECLS
