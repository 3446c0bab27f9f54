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

#include "impact-design-bold-values.h"

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
    { IMPACT_SECTION_CHARTS, 0, 16 },
    { IMPACT_SECTION_PROFILE, -2, 16 },
    IMPACT_FLOW_END,
  },
  .back_from_edge = TRUE,
  .back_foot_gap = 14,
};
