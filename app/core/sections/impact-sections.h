/* impact-sections.h: the sections of a sheet and their placement
 *
 * Each section is one file in this folder with its placement on the page
 * for each design style and its JSON read and write; impact-sections.c
 * registers them in one table (key, title, JSON path, where it goes on
 * the page, how it is placed, how its members are read and written).
 * A placement function takes the top of the space it may use and returns
 * the bottom it used; an anchored one (the sources, the footer) takes the
 * bottom and returns its top.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "impact-chart.h"
#include "impact-fields.h"
#include "impact-layout-builder.h"

G_BEGIN_DECLS

typedef double (*ImpactSectionPlaceFunc) (ImpactLayoutBuilder *b,
                                          double               y);

/* the object being read (impact-json-loader-private.h) */
struct _ImpactJsonObjectCtx;

/* Reads the section's members of the document's root object into @doc,
 * reporting what is wrong with its path, line and column */
typedef void (*ImpactSectionReadFunc) (struct _ImpactJsonObjectCtx *root,
                                       ImpactDocument              *doc);
/* Writes the section's members of @doc into the root object to be saved */
typedef void (*ImpactSectionWriteFunc) (JsonObject     *root,
                                        ImpactDocument *doc);

typedef enum
{
  IMPACT_FLOW_FRONT,     /* in the front page's flow */
  IMPACT_FLOW_BACK,      /* in the back page's flow */
  IMPACT_FLOW_FRONT_FOOT, /* anchored to the front page's foot */
  IMPACT_FLOW_BACK_FOOT, /* anchored to the back page's foot */
  IMPACT_FLOW_INSIDE,    /* placed by another section (the contact, inside the footer) */
} ImpactFlow;

typedef struct
{
  ImpactSection           section;
  const char             *key;
  const char             *title;       /* translatable, N_() */
  const char             *json_path;   /* the member(s) of the document it shows */
  ImpactFlow              flow;
  ImpactSectionPlaceFunc  place;
  ImpactSectionReadFunc   read;        /* NULL: no members of its own (sources, contact) */
  ImpactSectionWriteFunc  write;
  /* the editor's groups of fields (impact-fields.h), terminated by a NULL
   * key; NULL when the editor has none */
  const ImpactFieldGroup *fields;
} ImpactSectionInfo;

const ImpactSectionInfo *impact_sections_get      (ImpactSection section);
const ImpactSectionInfo *impact_sections_get_all  (guint        *n_sections);
/* The sections with members of their own, in the order of the data
 * format (the order a new file is written in): the loader and the writer
 * iterate it */
const ImpactSectionInfo * const *impact_sections_get_json_order (guint *n_sections);

/* the editor's fields, in the section files */
extern const ImpactFieldGroup impact_section_header_fields[];
extern const ImpactFieldGroup impact_section_problem_fields[];
extern const ImpactFieldGroup impact_section_statistics_fields[];
extern const ImpactFieldGroup impact_section_facts_fields[];
extern const ImpactFieldGroup impact_section_quote_fields[];
extern const ImpactFieldGroup impact_section_approach_fields[];
extern const ImpactFieldGroup impact_section_milestones_fields[];
extern const ImpactFieldGroup impact_section_profile_fields[];
extern const ImpactFieldGroup impact_section_contact_fields[];
extern const ImpactFieldGroup impact_section_footer_fields[];

/* the placements: in the flow (y = top, returns the bottom) */
double   impact_section_header_place      (ImpactLayoutBuilder *b, double y);
double   impact_section_problem_place     (ImpactLayoutBuilder *b, double y);
double   impact_section_statistics_place  (ImpactLayoutBuilder *b, double y);
double   impact_section_facts_place       (ImpactLayoutBuilder *b, double y);
double   impact_section_quote_place       (ImpactLayoutBuilder *b, double y);
double   impact_section_approach_place    (ImpactLayoutBuilder *b, double y);
double   impact_section_milestones_place  (ImpactLayoutBuilder *b, double y);
double   impact_section_profile_place     (ImpactLayoutBuilder *b, double y);
double   impact_section_charts_place      (ImpactLayoutBuilder *b, double y);
/* anchored (y = bottom, returns the top) */
double   impact_section_sources_place     (ImpactLayoutBuilder *b, double y);
double   impact_section_footer_place      (ImpactLayoutBuilder *b, double y);

/* a statistic's sparkline (charts with "statistic": N), or NULL; drawn
 * in its panel in @color (impact-section-charts.c) */
ImpactChart *impact_section_charts_sparkline       (ImpactLayoutBuilder *b, guint statistic);
void     impact_section_charts_place_sparkline   (ImpactLayoutBuilder *b, ImpactChart *chart,
                                                  double x, double y, double w, double h,
                                                  const ImpactColor *color);

/* JSON (the helpers are in impact-json-loader-private.h and
 * impact-json-writer-private.h) */
#define IMPACT_SECTION_JSON_DECLARE(name) \
  void impact_section_##name##_read  (struct _ImpactJsonObjectCtx *root, ImpactDocument *doc); \
  void impact_section_##name##_write (JsonObject *root, ImpactDocument *doc)
IMPACT_SECTION_JSON_DECLARE (header);
IMPACT_SECTION_JSON_DECLARE (problem);
IMPACT_SECTION_JSON_DECLARE (statistics);
IMPACT_SECTION_JSON_DECLARE (facts);
IMPACT_SECTION_JSON_DECLARE (quote);
IMPACT_SECTION_JSON_DECLARE (approach);
IMPACT_SECTION_JSON_DECLARE (milestones);
IMPACT_SECTION_JSON_DECLARE (profile);
IMPACT_SECTION_JSON_DECLARE (footer);
IMPACT_SECTION_JSON_DECLARE (charts);
/* One element of "milestones", read on its own (a streamed load) */
void impact_section_milestones_read_milestone (struct _ImpactJsonObjectCtx *o,
                                               ImpactDocument              *doc);

/* the whole statistics card */
void     impact_section_statistics_place_card    (ImpactLayoutBuilder *b);
/* how many statistics stand side by side */
guint    impact_section_statistics_shown         (ImpactLayoutBuilder *b);
/* the milestones a sheet shows, as indices into the document's array, in date order */
GArray  *impact_section_milestones_pick          (ImpactDocument *doc,
                                                  guint           max);
gboolean impact_section_milestones_in_era        (const ImpactMilestone *milestone,
                                                  const ImpactEra       *era);

G_END_DECLS
