/* impact-presenter-window.h: full-screen presenter mode for the timeline
 *
 * Steps through the milestones one at a time with an eased camera move
 * (~300 ms, frame-clock tick callback) along the track, large type, a
 * progress indicator and the office's theme. When the document has
 * statistics, a title slide with them comes first.
 *
 * Keys: Right, Space, Page Down: next; Left, Page Up, BackSpace: previous;
 * Home/End: first/last; Escape closes the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "impact-document.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_PRESENTER_WINDOW (impact_presenter_window_get_type ())
G_DECLARE_FINAL_TYPE (ImpactPresenterWindow, impact_presenter_window, IMPACT, PRESENTER_WINDOW, GtkWindow)

/* A full-screen window on @monitor (NULL: the one GTK picks). Call
 * gtk_window_present() on it. */
GtkWindow *impact_presenter_window_new      (GtkApplication *app,
                                             ImpactDocument *document,
                                             GdkMonitor     *monitor);
/* For F5: with one monitor, presents at once; with several, asks (a
 * dialog transient for @parent) which monitor shows the presentation. */
void       impact_presenter_window_start    (GtkWindow      *parent,
                                             GtkApplication *app,
                                             ImpactDocument *document);
/* The statistics' title slide comes first by default when the document
 * has statistics; FALSE starts at the first milestone. Call before
 * presenting. */
void       impact_presenter_window_set_title_slide (ImpactPresenterWindow *self,
                                                    gboolean               title_slide);
/* The slide shown: -1 for the title slide, else a date-order position */
int        impact_presenter_window_get_slide (ImpactPresenterWindow *self);
int        impact_presenter_window_get_n_slides (ImpactPresenterWindow *self);
gboolean   impact_presenter_window_is_animating (ImpactPresenterWindow *self);

G_END_DECLS
