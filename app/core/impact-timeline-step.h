/* impact-timeline-step.h: one slide of the timeline, for a step of a talk
 *
 * The one drawing of a timeline slide: the slide export draws the
 * overview step, the presenter each of its steps (the title, then one
 * milestone after another with the track along the bottom), so both look
 * the same and mirror alike for a right-to-left document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "impact-timeline-layout.h"

G_BEGIN_DECLS

#define IMPACT_TIMELINE_STEP_OVERVIEW  (-2)   /* every milestone: the exported slide */
#define IMPACT_TIMELINE_STEP_TITLE     (-1)   /* the talk's title and its statistics */

/* Draws @step (a milestone position in date order, or one of the above)
 * onto @cr as a @width × @height slide in units (960 × 540 is the
 * design). For a milestone step the track along the bottom centres on
 * @camera (a fractional year: the presenter moves it between milestones);
 * @has_title counts the title step in the progress ("3 / 8"). */
gboolean impact_timeline_render_step (cairo_t              *cr,
                                      ImpactTimelineLayout *layout,
                                      double                width,
                                      double                height,
                                      int                   step,
                                      gboolean              has_title,
                                      double                camera,
                                      GError              **error);

G_END_DECLS
