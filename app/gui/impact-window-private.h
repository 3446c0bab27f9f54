/* impact-window-private.h: ImpactWindow's state, shared with its spill files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "impact-load-task.h"
#include "impact-outline-pane.h"
#include "impact-sheet-preview.h"
#include "impact-window.h"

G_BEGIN_DECLS

struct _ImpactWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template Widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  AdwSplitButton       *open_button;
  GtkToggleButton      *outline_button;
  GtkMenuButton        *menu_button;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkButton            *banner_details_button;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  AdwFlap              *flap;
  ImpactOutlinePane    *outline;
  ImpactSheetPreview   *preview;
  GtkProgressBar       *progress_bar;
  GtkLabel             *zoom_label;

  /* Owned References */
  GSettings            *settings;
  GFile                *file;
  GFileMonitor         *monitor;
  GCancellable         *load_cancellable;
  GCancellable         *export_cancellable;
  ImpactLoadResult     *result;          /* the last good document */
  char                 *error_text;      /* first error of the last failed load */
  char                 *error_details;   /* every error of it */
  char                 *page_size_name;  /* "letter", "a4" */
  GPtrArray            *exported;        /* of GFile */

  ImpactPageSize        page_size;
  guint                 reload_timeout;
  guint                 pulse_timeout;
  guint                 n_loads;         /* loads in flight */
  guint                 exporting : 1;
  guint                 noted_recent : 1;
  guint                 first_draw_logged : 1;
};

/* impact-window-actions.c */
void impact_window_class_actions_init (ImpactWindowClass *klass);
void impact_window_actions_update     (ImpactWindow      *self);
/* Shows @message in a toast (errors too short for a dialog). */
void impact_window_show_toast         (ImpactWindow      *self,
                                       const char        *message);
/* Lays the current document out again for the page size property. */
void impact_window_relayout           (ImpactWindow      *self);
/* Reads the file again now (the file monitor does it after a delay). */
void impact_window_reload             (ImpactWindow      *self);
void impact_window_show_error_details (ImpactWindow      *self);

G_END_DECLS
