/* impact-timeline-view.h: the interactive milestone timeline
 *
 * A GtkWidget that draws the document's timeline with the core renderer
 * (impact-timeline-render.h): pan by dragging or scrolling, zoom with
 * Ctrl+scroll, a pinch or +/-, Left/Right step to the previous/next
 * milestone (the camera glides, eased, to bring it into view), Home/End to
 * the first/last, a click on a milestone (or Enter, on the selected one)
 * opens a popover with its details.
 * Only the visible range is drawn. A right-to-left document's track runs
 * from right to left, and Left/Right follow it (Left steps forward).
 *
 * Actions installed on the widget (group "timeline"):
 *   timeline.zoom-in, timeline.zoom-out, timeline.fit,
 *   timeline.next, timeline.previous, timeline.first, timeline.last,
 *   timeline.details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "impact-document.h"
#include "impact-timeline-render.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_TIMELINE_VIEW (impact_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (ImpactTimelineView, impact_timeline_view, IMPACT, TIMELINE_VIEW, GtkWidget)

GtkWidget *impact_timeline_view_new          (void);
/* Lays the timeline out again (and fits it) on the document's ::changed.
 * @document may be NULL. */
void       impact_timeline_view_set_document (ImpactTimelineView *self,
                                              ImpactDocument     *document);
ImpactDocument *impact_timeline_view_get_document (ImpactTimelineView *self);
/* The selected milestone as a date-order position, or -1 */
int        impact_timeline_view_get_selected (ImpactTimelineView *self);
/* The camera, in units (1.3 widget pixels each: the type is set in points) */
void       impact_timeline_view_get_viewport (ImpactTimelineView     *self,
                                              ImpactTimelineViewport *viewport);

/* Moves the camera at once: @t0 the fractional year at the left edge,
 * @zoom in units per year (to restore a saved view, or for tests) */
void       impact_timeline_view_set_camera   (ImpactTimelineView     *self,
                                              double                  t0,
                                              double                  zoom);
/* Where the marker of the milestone at @position (date order) is, in the
 * widget's pixels (mirrored for a right-to-left document); FALSE when
 * there is no such milestone */
gboolean   impact_timeline_view_get_milestone_point (ImpactTimelineView *self,
                                                     int                 position,
                                                     double             *x,
                                                     double             *y);
/* The popover's text for a milestone, as Pango markup: date · category,
 * title, description (its emphasis kept, everything else escaped),
 * metrics. A pure function, for tests. */
char      *impact_timeline_view_details_markup (const ImpactMilestone *milestone);

G_END_DECLS
