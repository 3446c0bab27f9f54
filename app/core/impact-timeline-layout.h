/* impact-timeline-layout.h: the milestone timeline, laid out once
 *
 * The layout sorts the milestones by date once (O(n log n)), keeps their
 * positions as fractional years in one sorted array, and answers the
 * questions a drawing needs in logarithmic or linear time:
 *
 *  - which milestones fall in a time range (binary search),
 *  - which axis ticks suit a zoom (decades, years, months, days),
 *  - where each label goes at a zoom without overlapping another
 *    (lanes above and below the axis, greedy in date order; labels that
 *    find no free lane are hidden, never drawn on top of another),
 *  - the colour of each category and the lanes of the eras.
 *
 * Coordinates are "units": points of the label type at scale 1. A zoom is
 * in units per year. Label sizes are measured lazily (only when a label is
 * about to take a lane) and cached; the PangoLayouts used for drawing are
 * cached as well, with a cap on how many are kept.
 *
 * GTK-free: used by the window, the presenter, the slide export and the
 * handout alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "impact-document.h"
#include "impact-format.h"
#include "impact-theme.h"

G_BEGIN_DECLS

/* Label metrics, in units */
#define IMPACT_TIMELINE_LABEL_MAX_WIDTH  190.0  /* titles longer than this are ellipsized */
#define IMPACT_TIMELINE_LABEL_PAD          6.0  /* horizontal air between two labels in a lane */
#define IMPACT_TIMELINE_LABEL_GAP          7.0  /* from the flag line to the text */
#define IMPACT_TIMELINE_LANE_HEIGHT       50.0
#define IMPACT_TIMELINE_MAX_LANES         16     /* above plus below */

typedef enum
{
  IMPACT_TIMELINE_TICK_DAY,
  IMPACT_TIMELINE_TICK_MONTH,
  IMPACT_TIMELINE_TICK_YEAR,
  IMPACT_TIMELINE_TICK_DECADE,    /* a year step of 10 or more */
} ImpactTimelineTickUnit;

typedef struct
{
  double                 time;    /* fractional year of the tick */
  gboolean               major;   /* labelled */
  char                  *label;   /* "2017", "Aug", "Jan 2017", "24"; NULL for minor ticks */
} ImpactTimelineTick;

typedef struct
{
  guint                  index;        /* into impact_document_get_milestones() */
  double                 time;         /* middle of the date's span */
  double                 span_start;   /* the span a partial date covers */
  double                 span_end;
  ImpactDatePrecision    precision;
  guint                  category;     /* index into the layout's categories */
} ImpactTimelineItem;

typedef struct
{
  guint                  index;        /* into impact_document_get_eras() */
  double                 start;        /* fractional years; end is exclusive */
  double                 end;
  guint                  lane;         /* eras that overlap in time get different lanes */
  guint                  category;
} ImpactTimelineEra;

/* A placement: one lane per item in date order. Lane 2k is the k-th lane
 * above the axis, 2k+1 the k-th below; -1 means the label is hidden. */
typedef struct
{
  double                 zoom;         /* the zoom the placement was computed for */
  guint                  n_above;
  guint                  n_below;
  gint8                 *lanes;        /* n_items */
  guint                  n_shown;
} ImpactTimelinePlacement;

#define IMPACT_TYPE_TIMELINE_LAYOUT (impact_timeline_layout_get_type ())
G_DECLARE_FINAL_TYPE (ImpactTimelineLayout, impact_timeline_layout, IMPACT, TIMELINE_LAYOUT, GObject)

/* Sorts and indexes the document's milestones and eras; @theme gives the
 * category colours and fonts. Holds references to both. */
ImpactTimelineLayout *impact_timeline_layout_new            (ImpactDocument *document,
                                                             ImpactTheme    *theme);
ImpactDocument       *impact_timeline_layout_get_document   (ImpactTimelineLayout *self);
ImpactTheme          *impact_timeline_layout_get_theme      (ImpactTimelineLayout *self);
/* Whether the document reads right to left (as its sheet decides): the
 * slide, the handout and the presenter then run time from right to left */
gboolean              impact_timeline_layout_is_rtl         (ImpactTimelineLayout *self);
PangoContext         *impact_timeline_layout_get_context    (ImpactTimelineLayout *self);

guint                 impact_timeline_layout_get_n_items    (ImpactTimelineLayout *self);
/* @position in date order, 0..n_items-1 */
const ImpactTimelineItem *impact_timeline_layout_get_item   (ImpactTimelineLayout *self,
                                                             guint                 position);
const ImpactMilestone *impact_timeline_layout_get_milestone (ImpactTimelineLayout *self,
                                                             guint                 position);
/* Position in date order of a document milestone index, or -1 */
int                   impact_timeline_layout_find_index     (ImpactTimelineLayout *self,
                                                             guint                 index);
/* The covered time: from the first span start to the last span end.
 * FALSE (and 0..1 around the current year) when there are no milestones
 * or eras. */
gboolean              impact_timeline_layout_get_extent     (ImpactTimelineLayout *self,
                                                             double               *start,
                                                             double               *end);

/* Binary search: the positions whose time t is start <= t < end are
 * *first .. *last - 1 (an empty range when *first == *last). */
void                  impact_timeline_layout_find_range     (ImpactTimelineLayout *self,
                                                             double                start,
                                                             double                end,
                                                             guint                *first,
                                                             guint                *last);
/* The item nearest in time to @time, or -1 when empty */
int                   impact_timeline_layout_find_nearest   (ImpactTimelineLayout *self,
                                                             double                time);

/* Categories, in order of first appearance; the last is "other" (no
 * category) when any milestone or era lacks one. */
guint                 impact_timeline_layout_get_n_categories (ImpactTimelineLayout *self);
/* NULL for the uncategorised group */
const char           *impact_timeline_layout_get_category_name (ImpactTimelineLayout *self,
                                                                guint                 category);
void                  impact_timeline_layout_get_category_color (ImpactTimelineLayout *self,
                                                                 guint                 category,
                                                                 ImpactColor          *color);

guint                 impact_timeline_layout_get_n_eras     (ImpactTimelineLayout *self);
const ImpactTimelineEra *impact_timeline_layout_get_era     (ImpactTimelineLayout *self,
                                                             guint                 i);
guint                 impact_timeline_layout_get_n_era_lanes (ImpactTimelineLayout *self);

/* Label placement at @zoom (units per year) with the given numbers of
 * lanes. The zoom is rounded down to a step of 2^(1/4), so a placement
 * stays valid (no overlap) while zooming in up to the next step and does
 * not flicker while zooming. Owned by the layout, valid until the next
 * call with other lane counts or until the layout is freed; a few are
 * cached. O(n × lanes). */
const ImpactTimelinePlacement *impact_timeline_layout_place (ImpactTimelineLayout *self,
                                                             double                zoom,
                                                             guint                 n_above,
                                                             guint                 n_below);
/* The label's box relative to its anchor (the marker's x): it starts at
 * the anchor and is @width wide (IMPACT_TIMELINE_LABEL_GAP, then the
 * text), @height high. Measured on first use. */
void                  impact_timeline_layout_get_label_size (ImpactTimelineLayout *self,
                                                             guint                 position,
                                                             double               *width,
                                                             double               *height);
/* The label (date, title, metrics; three lines) as a cached PangoLayout.
 * Borrowed: valid until the next call that may evict it (the cache keeps
 * at least 512 layouts). */
PangoLayout          *impact_timeline_layout_get_label      (ImpactTimelineLayout *self,
                                                             guint                 position);
/* Short texts of the drawing (tick labels, era titles, the legend) as
 * cached single-line layouts in the body font: @size in points, @weight
 * a PangoWeight, @uppercase. Borrowed, like impact_timeline_layout_get_label(). */
PangoLayout          *impact_timeline_layout_get_text       (ImpactTimelineLayout *self,
                                                             const char           *text,
                                                             double                size,
                                                             int                   weight,
                                                             gboolean              uppercase);
/* A cache the renderer keeps with the layout: small images (markers) by
 * an integer key, freed with the layout. Borrowed. */
GHashTable           *impact_timeline_layout_get_sprites    (ImpactTimelineLayout *self);
/* The label's PangoLayout if it is cached, else NULL (nothing is made) */
PangoLayout          *impact_timeline_layout_peek_label     (ImpactTimelineLayout *self,
                                                             guint                 position);
/* Number of PangoLayouts currently cached (for tests and the benchmark) */
guint                 impact_timeline_layout_get_n_cached_labels (ImpactTimelineLayout *self);

/* Axis ticks between @start and @end for @zoom units per year, labelled
 * ticks at least @min_spacing units apart. Returns a GArray of
 * ImpactTimelineTick (labels freed with the array); @unit (optional)
 * receives the unit of the labelled ticks. Capped at a few thousand. */
GArray               *impact_timeline_ticks_new             (double                  start,
                                                             double                  end,
                                                             double                  zoom,
                                                             double                  min_spacing,
                                                             ImpactTimelineTickUnit *unit);
/* The same, labelled in @language ("ago 2017", "২০০৬"); NULL: the process locale */
GArray               *impact_timeline_ticks_new_for_language (const char             *language,
                                                              ImpactDigits            digits,
                                                              double                  start,
                                                              double                  end,
                                                              double                  zoom,
                                                              double                  min_spacing,
                                                              ImpactTimelineTickUnit *unit);

/* "2 rescued · 3 arrested", or NULL when the milestone has no metrics;
 * in the process locale's digits and grouping */
char                 *impact_timeline_format_metrics        (const ImpactMilestone *milestone);
/* The same in @language (the document's) */
char                 *impact_timeline_format_metrics_for_language (const ImpactMilestone *milestone,
                                                                   const char            *language,
                                                                   ImpactDigits           digits);

G_END_DECLS
