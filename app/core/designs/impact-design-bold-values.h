/* impact-design-bold-values.h: the bold template's values, shared by the
 * bold sheet and the statistics card that wears its look
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define BOLD_VALUES \
  .margin = 0.075, \
  .left_column = 0.27, \
  .header = IMPACT_HEADER_FIGURE_BAND, \
  .panels = IMPACT_PANEL_OPEN, \
  .statistics = IMPACT_STATISTICS_FIGURES, \
  .stats = { \
    .panel = FALSE, \
    .heading_dash = TRUE, \
    .gap = { 28, 20 }, \
    .pad = { 0, 0 }, \
    .number_size = { 62, 52, 44 }, \
    .min_number_size = 24, \
    .number_weight = PANGO_WEIGHT_HEAVY, \
    .number_tracking = 0.03, \
    .number_nudge = 0, \
    .number_nudge_em = 0.04, \
    .number_color = IMPACT_ROLE_FIGURE, \
    .extra_size = 0.34, \
    .label_caps = FALSE, \
    .label_size = 9, \
    .label_line_height = 1.28, \
    .label_alpha = 1.0, \
    .label_drop = 0.16, \
    .label_drop_pt = 8, \
    .label_drop_max = TRUE, \
    .icon_leads_label = TRUE, \
  }, \
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
