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
#include "impact-design-bold-values.h"

const ImpactDesign impact_design_card = {
  .name = "card",
  BOLD_VALUES,
  .lists_sources = FALSE,
  .front = {
    { IMPACT_SECTION_STATISTICS, 0, 0 },
    IMPACT_FLOW_END,
  },
  .back = {
    IMPACT_FLOW_END,
  },
};
