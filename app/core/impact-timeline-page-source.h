/* impact-timeline-page-source.h: the timeline slide and handout as page sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "impact-page-source.h"
#include "impact-timeline-layout.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_TIMELINE_PAGE_SOURCE (impact_timeline_page_source_get_type ())
G_DECLARE_FINAL_TYPE (ImpactTimelinePageSource, impact_timeline_page_source, IMPACT, TIMELINE_PAGE_SOURCE, GObject)

/* One slide of @width × @height points (PNG at two pixels a point) */
ImpactPageSource *impact_timeline_page_source_new_slide   (ImpactTimelineLayout *layout,
                                                           double                width,
                                                           double                height);
/* The paginated handout on @page_size */
ImpactPageSource *impact_timeline_page_source_new_handout (ImpactTimelineLayout *layout,
                                                           ImpactPageSize        page_size);

G_END_DECLS
