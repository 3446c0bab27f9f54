/* impact-design-card.c: the statistics card for social media
 *
 * The bold template's figures alone on a card of the primary colour; a
 * card lists no sources, so its figures carry no footnote marks. Its one
 * page is the statistics section's card placement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "impact-design.h"

const ImpactDesign impact_design_card = {
  .name = "card",
  .margin = 0.075,
  .left_column = 0.27,
  .header = IMPACT_HEADER_FIGURE_BAND,
  .panels = IMPACT_PANEL_OPEN,
  .statistics = IMPACT_STATISTICS_FIGURES,
  .stat_min_width = 36,
  .stat_min_gap = 20,
  .lists_sources = FALSE,
  .front = {
    { IMPACT_SECTION_STATISTICS, 0, 0 },
    IMPACT_FLOW_END,
  },
  .back = {
    IMPACT_FLOW_END,
  },
};
