/* impact-design-bold.c: the bold template
 *
 * One deep full-bleed band holds the place and the figures: the title set
 * as large as the measure allows, then the statistics as huge numbers
 * straight on the colour, divided by hairlines instead of boxed in panels.
 * An accent stripe closes the band. Below it the problem sits on an
 * asymmetric grid, the facts hang from accent rules and the quote is a
 * pull quote against an accent bar. The back page echoes the band.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "impact-design.h"

#define BOLD_VALUES \
  .margin = 0.075, \
  .left_column = 0.27, \
  .header = IMPACT_HEADER_FIGURE_BAND, \
  .panels = IMPACT_PANEL_OPEN, \
  .statistics = IMPACT_STATISTICS_FIGURES, \
  .stat_min_width = 36, \
  .stat_min_gap = 20, \
  .fact_hang = 12, \
  .fact_inset = 0, \
  .fact_lead_size = 16, \
  .fact_lead_weight = PANGO_WEIGHT_HEAVY, \
  .fact_body_size = 8.25, \
  .approach_band = TRUE, \
  .pillar_body_size = 8.25, \
  .pillar_tile_radius = 3, \
  .pillar_tile = IMPACT_ROLE_ACCENT, \
  .pillar_icon = IMPACT_ROLE_ON_ACCENT, \
  .timeline_band = TRUE, \
  .year_size = 24, \
  .year_weight = PANGO_WEIGHT_HEAVY, \
  .year_tracking = -0.5, \
  .year_nudge = -1, \
  .year_color = IMPACT_ROLE_PRIMARY, \
  .track_width = 2, \
  .photo_size = 76, \
  .profile_pad = 4, \
  .profile_text_gap = 22, \
  .profile_name_size = 18, \
  .footer_stripe = TRUE

const ImpactDesign impact_design_bold = {
  .name = "bold",
  BOLD_VALUES,
  .lists_sources = TRUE,
  .front = {
    /* the statistics sit in the header's band */
    { IMPACT_SECTION_HEADER, 0, 0 },
    { IMPACT_SECTION_PROBLEM, 24, 0 },
    { IMPACT_SECTION_FACTS, 0, 18 },
    { IMPACT_SECTION_QUOTE, 0, 20 },
    IMPACT_FLOW_END,
  },
  .front_foot = 30,
  .front_foot_gap = 12,
  .back = {
    { IMPACT_SECTION_APPROACH, 0, 0 },
    { IMPACT_SECTION_MILESTONES, 0, 16 },
    { IMPACT_SECTION_PROFILE, -2, 16 },
    IMPACT_FLOW_END,
  },
  .back_from_edge = TRUE,
  .back_foot_gap = 14,
};
