/* impact-document.h: the impact-data model of one office's fact sheet
 *
 * The document is a GObject that owns plain structs, one per section. Every
 * string is UTF-8 and may be NULL when the data leaves it out. Texts marked
 * "rich" carry the inline-emphasis subset (**bold**, *italic*; see
 * impact-emphasis.h); all others are plain text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "impact-source-map.h"

#include "impact-date.h"
#include "impact-diagnostics.h"

G_BEGIN_DECLS

#define IMPACT_FORMAT_VERSION "1"

typedef struct
{
  char *title;
  char *url;
} ImpactSource;

typedef struct
{
  double        value;
  guint         decimals;    /* digits after the point, 0..6 */
  char         *prefix;      /* "$" */
  char         *suffix;      /* "%" */
  char         *qualifier;   /* "+" : shown right after the number */
  char         *scale;       /* "million" : shown after the number, smaller */
  char         *label;       /* "survivors rescued from sex trafficking" */
  char         *icon;        /* a built-in icon name, or NULL */
  ImpactSource *source;      /* or NULL */
  /* Derived statistics: when derive_metric is set, the value is the sum of
   * that metric over the milestones dated on or after derive_since (year 0:
   * all of them); see impact_document_compute_derived(). */
  char         *derive_metric;
  ImpactDate    derive_since;
  gint64        derive_base;  /* added to the sum: cases not in the case log */
  gboolean      value_fixed;  /* derived: the value was entered by hand (checked, not computed) */
  JsonObject   *json;        /* the object it was loaded from (unknown members are kept on save), or NULL */
} ImpactStatistic;

typedef struct
{
  char         *text;        /* rich */
  ImpactSource *source;      /* or NULL; numbered as a footnote */
  JsonObject   *json;        /* as for ImpactStatistic */
} ImpactFact;

typedef struct
{
  char     *text;
  char     *attribution;     /* "Prema" */
  char     *role;            /* "a survivor of sex trafficking" */
  gboolean  pseudonym;       /* the name is a pseudonym: marked with "*" */
} ImpactQuote;

typedef struct
{
  char *lead;                /* "We rescue victims" */
  char *text;                /* rich */
  char *icon;                /* a built-in icon name, or NULL */
  JsonObject *json;          /* as for ImpactStatistic */
} ImpactPillar;

typedef struct
{
  char *name;                /* "rescued" */
  gint64 value;
} ImpactMetric;

typedef struct
{
  ImpactDate  date;
  char       *title;
  char       *description;   /* rich */
  char       *category;      /* or NULL */
  GArray     *metrics;       /* of ImpactMetric, in data order; never NULL */
  gboolean    highlight;
  JsonObject *json;          /* as for ImpactStatistic */
} ImpactMilestone;

typedef struct
{
  ImpactDate  start;
  ImpactDate  end;
  char       *title;
  char       *category;
  JsonObject *json;          /* as for ImpactStatistic */
} ImpactEra;

typedef struct
{
  char *name;
  char *role;
  char *biography;           /* rich */
  char *photo;               /* path as written in the data */
  char *photo_alt;
} ImpactProfile;

typedef struct
{
  char  *name;               /* "International Justice Mission" */
  char  *short_name;         /* "IJM" */
  char  *website;            /* "https://www.ijm.org" */
  char **address;            /* NULL-terminated lines, never NULL */
  char  *phone;
  char  *fax;
  char  *email;
  char  *logo;               /* path as written in the data */
  char  *logo_alt;
} ImpactOrganisation;

typedef struct
{
  char *about;               /* rich */
  char *disclaimer;
  char *copyright;
} ImpactFooter;

typedef struct
{
  char *kicker;              /* "The problem" */
  char *heading;             /* "Sex trafficking" */
  char *body;                /* rich */
} ImpactProblem;

typedef struct
{
  char  *template_name;      /* "classic", "band"; NULL = default */
  char  *primary;            /* "#rrggbb", or NULL for the default */
  char  *accent;
  char  *text;
  char  *background;
  char  *heading_font;       /* font family, or NULL */
  char  *body_font;
} ImpactThemeSpec;

#define IMPACT_TYPE_DOCUMENT (impact_document_get_type ())
G_DECLARE_FINAL_TYPE (ImpactDocument, impact_document, IMPACT, DOCUMENT, GObject)

ImpactDocument     *impact_document_new                 (void);

/* Where the data came from: images resolve against its folder. May be NULL. */
GFile              *impact_document_get_file            (ImpactDocument *self);
void                impact_document_set_file            (ImpactDocument *self,
                                                         GFile          *file);
/* Resolves a path written in the data (relative to the document's folder). */
GFile              *impact_document_resolve_path        (ImpactDocument *self,
                                                         const char     *path);

/* Top-level strings */
const char         *impact_document_get_format          (ImpactDocument *self);
const char         *impact_document_get_office          (ImpactDocument *self);
const char         *impact_document_get_title           (ImpactDocument *self);
const char         *impact_document_get_subtitle        (ImpactDocument *self);
const char         *impact_document_get_language        (ImpactDocument *self);
/* "native", "latin" or NULL (the language tag decides; see impact-format.h) */
const char         *impact_document_get_digits          (ImpactDocument *self);
/* "auto" (or NULL), "1" or "2": how many pages the sheet takes */
const char         *impact_document_get_pages           (ImpactDocument *self);
const char         *impact_document_get_statistics_heading (ImpactDocument *self);
const char         *impact_document_get_facts_heading   (ImpactDocument *self);
const char         *impact_document_get_approach_heading (ImpactDocument *self);
const char         *impact_document_get_milestones_heading (ImpactDocument *self);

/* Sections: the document owns them; mutate, then call impact_document_changed(). */
ImpactOrganisation *impact_document_get_organisation    (ImpactDocument *self);
ImpactThemeSpec    *impact_document_get_theme_spec      (ImpactDocument *self);
ImpactProblem      *impact_document_get_problem         (ImpactDocument *self);
ImpactQuote        *impact_document_get_quote           (ImpactDocument *self); /* or NULL */
ImpactProfile      *impact_document_get_profile         (ImpactDocument *self); /* or NULL */
ImpactFooter       *impact_document_get_footer          (ImpactDocument *self);
GPtrArray          *impact_document_get_statistics      (ImpactDocument *self); /* of ImpactStatistic */
GPtrArray          *impact_document_get_facts           (ImpactDocument *self); /* of ImpactFact */
GPtrArray          *impact_document_get_pillars         (ImpactDocument *self); /* of ImpactPillar */
GPtrArray          *impact_document_get_milestones      (ImpactDocument *self); /* of ImpactMilestone, data order */
GPtrArray          *impact_document_get_eras            (ImpactDocument *self); /* of ImpactEra */

/* Setters used by the loader (and later the editor); each takes a copy. */
void                impact_document_set_format          (ImpactDocument *self, const char *value);
void                impact_document_set_office          (ImpactDocument *self, const char *value);
void                impact_document_set_title           (ImpactDocument *self, const char *value);
void                impact_document_set_subtitle        (ImpactDocument *self, const char *value);
void                impact_document_set_language        (ImpactDocument *self, const char *value);
void                impact_document_set_digits          (ImpactDocument *self, const char *value);
void                impact_document_set_pages           (ImpactDocument *self, const char *value);
void                impact_document_set_statistics_heading (ImpactDocument *self, const char *value);
void                impact_document_set_facts_heading   (ImpactDocument *self, const char *value);
void                impact_document_set_approach_heading (ImpactDocument *self, const char *value);
void                impact_document_set_milestones_heading (ImpactDocument *self, const char *value);
/* Take ownership of a section struct (the previous one is freed). */
void                impact_document_take_quote          (ImpactDocument *self, ImpactQuote *quote);
void                impact_document_take_profile        (ImpactDocument *self, ImpactProfile *profile);

/* The text the document was read from, its JSON tree and where each value
 * stands (kept for round-trips and messages); may be NULL. Immutable and
 * shared: copies and undo steps hold the same map, a save sets a new one. */
/* "brand": the shared file the organisation and theme are inherited
 * from: the path as written in the sheet (or NULL), and a document holding
 * only the organisation and theme read from it (an image path made
 * absolute). See impact-brand.h for which values are inherited. */
const char         *impact_document_get_brand           (ImpactDocument *self);
ImpactDocument     *impact_document_get_brand_values    (ImpactDocument *self);
void                impact_document_set_brand           (ImpactDocument *self,
                                                         const char     *path,
                                                         ImpactDocument *values);

ImpactSourceMap    *impact_document_get_source_map      (ImpactDocument  *self);
void                impact_document_set_source_map      (ImpactDocument  *self,
                                                         ImpactSourceMap *map);
/* Its tree and its text (with a byte order mark, if the file had one) */
JsonNode           *impact_document_get_source_root     (ImpactDocument *self);
GBytes             *impact_document_get_source_text     (ImpactDocument *self);

/* The line and column of a JSON path ("milestones[3].date") in the loaded
 * text: of the path itself, or of the nearest part of it that exists (a
 * missing member: its object). FALSE when nothing is known. */
gboolean            impact_document_locate              (ImpactDocument *self,
                                                         const char     *path,
                                                         guint          *line,
                                                         guint          *column);
/* Gives every diagnostic that has a path but no position (layout, theme,
 * preflight) its file name and the line and column of its path. */
void                impact_document_locate_diagnostics  (ImpactDocument    *self,
                                                         ImpactDiagnostics *diagnostics,
                                                         const char        *file_name);

/* Moves every section, the source tree and text of @other into @self (the
 * file stays); @other is left empty. Used to restore an undo step or a
 * reloaded file in place. Does not emit ::changed. */
void                impact_document_take_contents       (ImpactDocument *self,
                                                         ImpactDocument *other);

/* A file name for a new sheet from its office ("Kolkata, India" →
 * "Kolkata, India.json"): characters that file systems refuse (/ \ : * ?
 * " < > |, controls) become spaces, spaces are collapsed, a leading dot is
 * dropped, the name is at most 100 characters; "fact-sheet.json" when
 * nothing is left. */
char               *impact_document_suggest_file_name   (ImpactDocument *self);

/* A deep copy of every section (the source tree and text are shared:
 * they are never modified in place). For undo steps and exports. */
ImpactDocument     *impact_document_copy                (ImpactDocument *self);

/* List editing: each emits nothing; call impact_document_changed() after. */
typedef enum
{
  IMPACT_LIST_STATISTICS,
  IMPACT_LIST_FACTS,
  IMPACT_LIST_PILLARS,
  IMPACT_LIST_MILESTONES,
  IMPACT_LIST_ERAS,
} ImpactList;

GPtrArray          *impact_document_get_list            (ImpactDocument *self,
                                                         ImpactList      list);
/* Appends a new empty item (placeholder texts filled in) at @position
 * (-1: the end); returns it. */
gpointer            impact_document_insert_item         (ImpactDocument *self,
                                                         ImpactList      list,
                                                         int             position);
/* Inserts a deep copy of item @index after it; returns the copy. */
gpointer            impact_document_duplicate_item      (ImpactDocument *self,
                                                         ImpactList      list,
                                                         guint           index);
void                impact_document_remove_item         (ImpactDocument *self,
                                                         ImpactList      list,
                                                         guint           index);
/* Moves item @from to position @to (both in range). */
void                impact_document_move_item           (ImpactDocument *self,
                                                         ImpactList      list,
                                                         guint           from,
                                                         guint           to);

/* The largest magnitude of a statistic: a double holds every whole number
 * up to 2^53 (about 9e15) exactly, and a figure's digits must be exact. */
#define IMPACT_STATISTIC_MAX_VALUE 1e15

/* Derived statistics: the sum for @stat (0 when it is not derived); a sum
 * past IMPACT_STATISTIC_MAX_VALUE is returned as that cap: callers that
 * must know use impact_document_sum_derived(). */
gint64              impact_document_compute_derived     (ImpactDocument        *self,
                                                         const ImpactStatistic *stat);
/* The sum for @stat in *@out_sum; FALSE when it exceeds
 * IMPACT_STATISTIC_MAX_VALUE (*@out_sum is then the cap). */
gboolean            impact_document_sum_derived         (ImpactDocument        *self,
                                                         const ImpactStatistic *stat,
                                                         gint64                *out_sum);
/* Sets the value of every derived statistic to its sum; returns TRUE when
 * a value changed. */
gboolean            impact_document_update_derived      (ImpactDocument *self);

/* Emits ::changed. */
void                impact_document_changed             (ImpactDocument *self);

/* Milestone indices sorted by date (stable for equal dates); cached until ::changed. */
const guint        *impact_document_get_milestone_order (ImpactDocument *self,
                                                         guint          *n_out);

/* Display string of a statistic's number in the process locale's language
 * (impact-format.h formats in the document's): grouping, decimals,
 * prefix and qualifier ("$150", "5,470", "330+", "40.3"); scale and suffix
 * are not included (they are set smaller). */
char               *impact_statistic_format_number      (const ImpactStatistic *stat);
/* The full string, as read aloud or in plain text: "$150 billion", "330+" */
char               *impact_statistic_format_full        (const ImpactStatistic *stat);
/* "2 rescued · 3 arrested" */
char               *impact_milestone_format_metrics     (const ImpactMilestone *milestone);

/* Constructors and destructors of the section structs */
ImpactSource       *impact_source_new                   (const char *title, const char *url);
/* TRUE for an http:// or https:// URL with a host: the one rule for a
 * source's address, in the loader and every importer */
gboolean            impact_source_url_is_valid          (const char *url);
void                impact_source_free                  (ImpactSource *source);
gboolean            impact_source_equal                 (const ImpactSource *a, const ImpactSource *b);
ImpactStatistic    *impact_statistic_new                (void);
void                impact_statistic_free               (ImpactStatistic *stat);
ImpactFact         *impact_fact_new                     (void);
void                impact_fact_free                    (ImpactFact *fact);
ImpactQuote        *impact_quote_new                    (void);
void                impact_quote_free                   (ImpactQuote *quote);
ImpactPillar       *impact_pillar_new                   (void);
void                impact_pillar_free                  (ImpactPillar *pillar);
ImpactMilestone    *impact_milestone_new                (void);
void                impact_milestone_free               (ImpactMilestone *milestone);
void                impact_milestone_add_metric         (ImpactMilestone *milestone,
                                                         const char      *name,
                                                         gint64           value);
ImpactEra          *impact_era_new                      (void);
void                impact_era_free                     (ImpactEra *era);
ImpactProfile      *impact_profile_new                  (void);
/* Deep copies (the JSON origin is copied too) */
ImpactStatistic    *impact_statistic_copy               (const ImpactStatistic *stat);
ImpactFact         *impact_fact_copy                    (const ImpactFact *fact);
ImpactPillar       *impact_pillar_copy                  (const ImpactPillar *pillar);
ImpactMilestone    *impact_milestone_copy               (const ImpactMilestone *milestone);
ImpactEra          *impact_era_copy                     (const ImpactEra *era);
void                impact_profile_free                 (ImpactProfile *profile);

/* A deep copy of a JSON tree (json_node_copy() shares the children). */
JsonNode           *impact_json_node_deep_copy          (JsonNode *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactSource, impact_source_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactStatistic, impact_statistic_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactFact, impact_fact_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactQuote, impact_quote_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactPillar, impact_pillar_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactMilestone, impact_milestone_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactEra, impact_era_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactProfile, impact_profile_free)

/* Charts (issue 16): a series given as points or derived from the
 * milestones' metrics; computed and drawn by impact-chart.h. */
typedef enum
{
  IMPACT_CHART_COLUMNS,
  IMPACT_CHART_LINE,         /* a line with points */
  IMPACT_CHART_AREA,         /* a filled area (a cumulative total) */
  IMPACT_CHART_SPARKLINE,    /* a tiny line without axes, inside a statistic panel */
} ImpactChartKind;

typedef enum
{
  IMPACT_CHART_PER_YEAR,
  IMPACT_CHART_PER_QUARTER,
  IMPACT_CHART_PER_MONTH,
} ImpactChartPeriod;

typedef struct
{
  char     *label;           /* "2006" */
  double    value;
  gboolean  missing;         /* written as null: no figure for this period (a gap) */
} ImpactChartPoint;

#define IMPACT_CHART_MAX_CHARTS 50     /* charts in one document */
#define IMPACT_CHART_MAX_POINTS 1200   /* points of one chart, given or derived (100 years by month) */

typedef struct
{
  char              *label;            /* "Survivors rescued per year" */
  ImpactChartKind    kind;
  GArray            *points;           /* of ImpactChartPoint, given; never NULL (empty when derived) */
  char              *derive_metric;    /* or NULL: the points are given */
  ImpactChartPeriod  derive_per;
  gboolean           derive_cumulative;
  int                statistic;        /* a sparkline: the statistic whose panel it sits in, or -1 */
  JsonObject        *json;             /* as for ImpactStatistic */
} ImpactChartSpec;

ImpactChartSpec    *impact_chart_spec_new               (void);
void                impact_chart_spec_free              (ImpactChartSpec *spec);
ImpactChartSpec    *impact_chart_spec_copy              (const ImpactChartSpec *spec);
void                impact_chart_spec_add_point         (ImpactChartSpec *spec,
                                                         const char      *label,
                                                         double           value);
/* A point with no figure (null in the data): drawn as a gap */
void                impact_chart_spec_add_gap           (ImpactChartSpec *spec,
                                                         const char      *label);
GPtrArray          *impact_document_get_charts          (ImpactDocument *self); /* of ImpactChartSpec */
/* The sum of metric @name over one milestone (several entries of the same
 * name add up), each term clamped to 0..IMPACT_STATISTIC_MAX_VALUE + 1; the
 * one place derived statistics and derived charts read metrics. */
gint64              impact_milestone_get_metric         (const ImpactMilestone *milestone,
                                                         const char            *name);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactChartSpec, impact_chart_spec_free)

G_END_DECLS
