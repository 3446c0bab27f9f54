/* impact-design.h: a sheet design as a table of values
 *
 * A template is data: the grid, the type sizes that differ between
 * designs, the spacing, which colour plays which role, the style of
 * panels and bands, and the page flow (the sections of each page in
 * order). The sections read these values instead of asking which template
 * they are in; a painter style (an enum) is used only where the structure
 * of a section really differs. A third template is a new table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

#include "impact-sheet-layout.h"
#include "impact-theme.h"

G_BEGIN_DECLS

/* Which of the derived or theme colours an element takes */
typedef enum
{
  IMPACT_ROLE_PRIMARY,
  IMPACT_ROLE_ACCENT,
  IMPACT_ROLE_ACCENT_TEXT,   /* the accent, darkened to read as small text */
  IMPACT_ROLE_ON_PRIMARY,
  IMPACT_ROLE_ON_ACCENT,
  IMPACT_ROLE_FIGURE,        /* big numbers on the primary colour */
  IMPACT_ROLE_TEXT,
  IMPACT_ROLE_MUTED,
  IMPACT_ROLE_RULE,
  IMPACT_ROLE_PANEL,
  IMPACT_ROLE_BACKGROUND,
} ImpactColorRole;

typedef enum
{
  IMPACT_HEADER_STRIPE_BAND,   /* a band of fixed depth, a diagonal stripe, the title at its foot */
  IMPACT_HEADER_FIGURE_BAND,   /* a deep band that grows with the title and holds the statistics */
} ImpactHeaderStyle;

typedef enum
{
  IMPACT_PANEL_FILLED,   /* content sits in tinted or coloured panels */
  IMPACT_PANEL_OPEN,     /* content sits on the page, set off by rules and bars */
} ImpactPanelStyle;

typedef enum
{
  IMPACT_STATISTICS_PANELS,    /* a row of coloured panels, number above label */
  IMPACT_STATISTICS_FIGURES,   /* huge figures straight on the band, hairlines between */
} ImpactStatisticsStyle;

/* How the statistics' row looks */
typedef struct
{
  gboolean        panel;            /* coloured panels with an accent bar; else hairlines between columns */
  gboolean        heading_dash;     /* the heading on the colour, after an accent dash */
  double          gap[2];           /* between columns: for up to 3, for more */
  double          pad[2];           /* inside a panel */
  double          number_size[3];   /* for up to 3, 4, 5 or more */
  double          min_number_size;
  PangoWeight     number_weight;
  double          number_tracking;  /* of the size, tighter */
  double          number_nudge;     /* optical margin, pt */
  double          number_nudge_em;  /* optical margin, of the size */
  ImpactColorRole number_color;
  double          extra_size;       /* the scale word and suffix, of the number's size */
  gboolean        label_caps;       /* the label in small capitals (a kicker) */
  double          label_size;
  double          label_line_height;
  double          label_alpha;
  double          label_drop;       /* the label's top below the figures' baseline, of the size … */
  double          label_drop_pt;    /* … plus these points, or at least them (label_drop_max) */
  gboolean        label_drop_max;
  gboolean        icon_leads_label; /* else at the panel's top right */
} ImpactStatisticsLook;

/* One section in a page's flow, and the space above it: @gap in points
 * plus @scaled_gap points that shrink with the text when a page is fitted */
typedef struct
{
  ImpactSection section;
  double        gap;
  double        scaled_gap;
} ImpactFlowEntry;

#define IMPACT_DESIGN_MAX_FLOW 12
#define IMPACT_FLOW_END { IMPACT_N_SECTIONS, 0, 0 }

typedef struct
{
  const char           *name;

  /* grid */
  double                margin;          /* of the page's width */
  double                left_column;     /* the narrow column of an asymmetric grid, of the measure */

  /* header and panels */
  ImpactHeaderStyle     header;
  ImpactPanelStyle      panels;
  ImpactStatisticsStyle statistics;
  ImpactStatisticsLook  stats;
  double                stat_min_width;  /* a statistic's narrowest readable column */
  double                stat_min_gap;
  gboolean              lists_sources;   /* statistics carry footnote marks */

  /* facts */
  double                fact_hang;       /* space between a fact's top rule and its text */
  double                fact_inset;      /* of the text from the side rule */
  double                fact_lead_size;
  PangoWeight           fact_lead_weight;
  double                fact_body_size;

  /* approach */
  gboolean              approach_band;   /* the heading on a full-bleed band */
  double                pillar_body_size;
  double                pillar_tile_radius; /* < 0: a circle */
  ImpactColorRole       pillar_tile;
  ImpactColorRole       pillar_icon;

  /* milestones */
  gboolean              timeline_band;
  double                year_size;
  PangoWeight           year_weight;
  double                year_tracking;
  double                year_nudge;
  ImpactColorRole       year_color;
  double                track_width;

  /* profile */
  double                photo_size;
  double                profile_pad;
  double                profile_text_gap;
  double                profile_name_size;

  /* footer */
  gboolean              footer_stripe;

  /* page flow: the front and back pages, top to bottom; the sources and
   * the footer are anchored to the foot of their page */
  ImpactFlowEntry       front[IMPACT_DESIGN_MAX_FLOW];
  double                front_foot;      /* the sources' bottom, above the page's edge */
  double                front_foot_gap;  /* between the flow and the sources */
  ImpactFlowEntry       back[IMPACT_DESIGN_MAX_FLOW];
  gboolean              back_from_edge;  /* the back's flow starts at the top edge (a band) */
  double                back_foot_gap;   /* between the flow and the footer band */
} ImpactDesign;

extern const ImpactDesign impact_design_classic;
extern const ImpactDesign impact_design_bold;
extern const ImpactDesign impact_design_card;

const ImpactDesign *impact_design_for_template (ImpactTemplate template_);

G_END_DECLS
