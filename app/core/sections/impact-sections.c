/* impact-sections.c: the table of a sheet's sections
 *
 * One line per section: its key (as in ImpactBox and the PDF outline), its
 * title, the JSON member(s) it shows, where it goes and how it is placed.
 * The sheet layout driver looks sections up here to follow a design's page
 * flow; the loader and the writer read and write each section's members
 * through it, in the order of the data format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-sections.h"

static const ImpactSectionInfo sections[IMPACT_N_SECTIONS] = {
  { IMPACT_SECTION_HEADER,     "header",     N_("Header"),     "title",       IMPACT_FLOW_FRONT,      impact_section_header_place,
    impact_section_header_read, impact_section_header_write, impact_section_header_fields },
  { IMPACT_SECTION_PROBLEM,    "problem",    N_("Problem"),    "problem",     IMPACT_FLOW_FRONT,      impact_section_problem_place,
    impact_section_problem_read, impact_section_problem_write, impact_section_problem_fields },
  { IMPACT_SECTION_STATISTICS, "statistics", N_("Statistics"), "statistics",  IMPACT_FLOW_FRONT,      impact_section_statistics_place,
    impact_section_statistics_read, impact_section_statistics_write, impact_section_statistics_fields },
  { IMPACT_SECTION_FACTS,      "facts",      N_("Facts"),      "facts",       IMPACT_FLOW_FRONT,      impact_section_facts_place,
    impact_section_facts_read, impact_section_facts_write, impact_section_facts_fields },
  { IMPACT_SECTION_QUOTE,      "quote",      N_("Quote"),      "quote",       IMPACT_FLOW_FRONT,      impact_section_quote_place,
    impact_section_quote_read, impact_section_quote_write, impact_section_quote_fields },
  { IMPACT_SECTION_SOURCES,    "sources",    N_("Sources"),    "sources",     IMPACT_FLOW_FRONT_FOOT, impact_section_sources_place, NULL, NULL, NULL },
  { IMPACT_SECTION_APPROACH,   "approach",   N_("Approach"),   "approach",    IMPACT_FLOW_BACK,       impact_section_approach_place,
    impact_section_approach_read, impact_section_approach_write, impact_section_approach_fields },
  { IMPACT_SECTION_MILESTONES, "milestones", N_("Milestones"), "milestones",  IMPACT_FLOW_BACK,       impact_section_milestones_place,
    impact_section_milestones_read, impact_section_milestones_write, impact_section_milestones_fields },
  { IMPACT_SECTION_PROFILE,    "profile",    N_("Profile"),    "profile",     IMPACT_FLOW_BACK,       impact_section_profile_place,
    impact_section_profile_read, impact_section_profile_write, impact_section_profile_fields },
  { IMPACT_SECTION_CONTACT,    "contact",    N_("Contact"),    "organisation", IMPACT_FLOW_INSIDE,    NULL, NULL, NULL, impact_section_contact_fields },
  { IMPACT_SECTION_FOOTER,     "footer",     N_("Footer"),     "footer",      IMPACT_FLOW_BACK_FOOT,  impact_section_footer_place,
    impact_section_footer_read, impact_section_footer_write, impact_section_footer_fields },
  { IMPACT_SECTION_CHARTS,     "charts",     N_("Charts"),     "charts",      IMPACT_FLOW_BACK,       impact_section_charts_place,
    impact_section_charts_read, impact_section_charts_write, NULL },
};

const ImpactSectionInfo *
impact_sections_get (ImpactSection section)
{
  g_return_val_if_fail (section < IMPACT_N_SECTIONS, NULL);
  g_assert (sections[section].section == section);
  return &sections[section];
}

const ImpactSectionInfo *
impact_sections_get_all (guint *n_sections)
{
  if (n_sections)
    *n_sections = G_N_ELEMENTS (sections);
  return sections;
}

/* The order of the data format: the header's members come first (the
 * brand, which the loader and the writer handle, follows them), the
 * charts before the profile */
static const ImpactSectionInfo * const json_order[] = {
  &sections[IMPACT_SECTION_HEADER], &sections[IMPACT_SECTION_PROBLEM],
  &sections[IMPACT_SECTION_STATISTICS], &sections[IMPACT_SECTION_FACTS],
  &sections[IMPACT_SECTION_QUOTE], &sections[IMPACT_SECTION_APPROACH],
  &sections[IMPACT_SECTION_MILESTONES], &sections[IMPACT_SECTION_CHARTS],
  &sections[IMPACT_SECTION_PROFILE], &sections[IMPACT_SECTION_FOOTER],
};

const ImpactSectionInfo * const *
impact_sections_get_json_order (guint *n_sections)
{
  if (n_sections)
    *n_sections = G_N_ELEMENTS (json_order);
  return json_order;
}
