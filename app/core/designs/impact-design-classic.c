/* impact-design-classic.c: the classic template
 *
 * Close to the seed's layout: a header band of fixed depth with a quiet
 * diagonal stripe, the statistics in coloured panels, facts beside side
 * rules, the quote in a tinted panel, the milestones on a plain track and
 * the profile in a panel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "impact-design.h"

const ImpactDesign impact_design_classic = {
  .name = "classic",
  .margin = 0.075,
  .left_column = 0.27,

  .header = IMPACT_HEADER_STRIPE_BAND,
  .panels = IMPACT_PANEL_FILLED,
  .statistics = IMPACT_STATISTICS_PANELS,
  .stats = {
    .panel = TRUE,
    .heading_dash = FALSE,
    .gap = { 10, 8 },
    .pad = { 13, 12 },
    .number_size = { 40, 35, 30 },
    .min_number_size = 20,
    .number_weight = PANGO_WEIGHT_BOLD,
    .number_tracking = 0.02,
    .number_nudge = -1,
    .number_nudge_em = 0,
    .number_color = IMPACT_ROLE_ON_PRIMARY,
    .extra_size = 0.42,
    .label_caps = TRUE,
    .label_size = 7.5,
    .label_line_height = 1.32,
    .label_alpha = 0.92,
    .label_drop = 0.28,
    .label_drop_pt = 8,
    .label_drop_max = FALSE,
    .icon_leads_label = FALSE,
  },
  .stat_min_width = 28,
  .stat_min_gap = 8,
  .lists_sources = TRUE,

  .fact_hang = 0,
  .fact_inset = 10,
  .fact_lead_size = 14,
  .fact_lead_weight = PANGO_WEIGHT_BOLD,
  .fact_body_size = 8.5,

  .approach_band = FALSE,
  .pillar_body_size = 8.5,
  .pillar_tile_radius = -1,
  .pillar_tile = IMPACT_ROLE_PRIMARY,
  .pillar_icon = IMPACT_ROLE_ACCENT,

  .timeline_band = FALSE,
  .year_size = 20,
  .year_weight = PANGO_WEIGHT_BOLD,
  .year_tracking = 0,
  .year_nudge = 0,
  .year_color = IMPACT_ROLE_ACCENT_TEXT,
  .track_width = 1.5,

  .photo_size = 64,
  .profile_pad = 16,
  .profile_text_gap = 20,
  .profile_name_size = 16,

  .footer_stripe = FALSE,

  .front = {
    { IMPACT_SECTION_HEADER, 0, 0 },
    { IMPACT_SECTION_PROBLEM, 24, 0 },
    { IMPACT_SECTION_STATISTICS, 0, 18 },
    { IMPACT_SECTION_FACTS, 0, 18 },
    { IMPACT_SECTION_QUOTE, 0, 18 },
    IMPACT_FLOW_END,
  },
  .front_foot = 30,
  .front_foot_gap = 12,
  .back = {
    { IMPACT_SECTION_APPROACH, 0, 0 },
    { IMPACT_SECTION_MILESTONES, 0, 16 },
    { IMPACT_SECTION_CHARTS, 0, 16 },
    { IMPACT_SECTION_PROFILE, 0, 16 },
    IMPACT_FLOW_END,
  },
  .back_from_edge = FALSE,
  .back_foot_gap = 16,
};

const ImpactDesign *
impact_design_for_template (ImpactTemplate template_)
{
  switch (template_)
    {
    case IMPACT_TEMPLATE_BOLD:
      return &impact_design_bold;
    case IMPACT_TEMPLATE_CLASSIC:
    default:
      return &impact_design_classic;
    }
}
