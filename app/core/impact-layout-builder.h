/* impact-layout-builder.h: what every section places on a page with
 *
 * The builder holds one attempt at one page: the display list being
 * built, the grid, the text scale of the attempt, the derived colours,
 * the design's values and the bookkeeping that crosses sections (footnote
 * numbers in order of first use, the lowest point the flow may reach and
 * what went past it). Private to core: sections and the sheet layout
 * driver include it, nothing else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "impact-sheet-layout-private.h"
#include "impact-text.h"
#include "designs/impact-design.h"

G_BEGIN_DECLS

#define IMPACT_MIN_FIT_SCALE 0.86
#define IMPACT_FIT_STEP      0.02
#define IMPACT_IMAGE_DPI     300.0

typedef struct
{
  ImpactDocument     *doc;
  ImpactTheme        *theme;
  const ImpactDesign *design;
  PangoContext       *context;
  ImpactDiagnostics  *diagnostics;   /* may be NULL */
  ImpactPageData     *page;
  double              scale;         /* auto-fit factor for flowing text */

  /* the page and its grid */
  double              width;
  double              height;
  double              margin;
  double              content_width;
  double              gutter;
  double              type_scale;    /* of the statistics' labels; 1 on the sheet */

  /* derived colours */
  ImpactColor         on_primary;
  ImpactColor         figure;        /* big numbers on the primary colour */
  ImpactColor         on_accent;     /* icons on accent tiles */
  ImpactColor         muted;
  ImpactColor         rule;

  /* footnote sources in order of first use */
  GPtrArray          *sources;       /* of ImpactSource*, borrowed */
  GHashTable         *source_numbers; /* ImpactSource* (by content) → number; one attempt's */

  /* overflow bookkeeping of the current attempt */
  double              limit;
  char               *overflow_path;  /* owned */
  double              overflow_amount;
  gboolean            cut_short;      /* a long list was left unfinished past the page */
  const char         *next_tag;       /* structure tag of the next text placed; NULL = "P" */
  gboolean            rtl;            /* a right-to-left document: pages are mirrored */
  char               *longest_path;   /* the tallest text block of the page */
  double              longest_height;
  guint               longest_chars;
  gboolean            moved[IMPACT_N_SECTIONS]; /* rebalanced off the front onto the back */
  guint               milestone_rows;  /* how many rows of milestones the timeline may take */
} ImpactLayoutBuilder;

const ImpactColor *impact_builder_color (ImpactLayoutBuilder *b,
                                         ImpactColorRole      role);
void               impact_builder_add_overflow_box (ImpactLayoutBuilder *b,
                                                    ImpactSection        section,
                                                    double               top,
                                                    double               bottom);
void               impact_builder_begin_sources (ImpactLayoutBuilder *b);
void               impact_builder_end_sources   (ImpactLayoutBuilder *b);
void               impact_builder_number_sources (ImpactLayoutBuilder *b,
                                                  guint                n_statistics);

ImpactPageData *
impact_page_data_new (void);

void
impact_page_data_free (gpointer data);

ImpactOp *
impact_builder_push_op (ImpactLayoutBuilder *b,
                        ImpactOpKind         kind);

void
impact_builder_add_rect (ImpactLayoutBuilder *b,
                         double               x,
                         double               y,
                         double               w,
                         double               h,
                         double               radius,
                         const ImpactColor   *color,
                         double               alpha);

void
impact_builder_add_line (ImpactLayoutBuilder *b,
                         double               x,
                         double               y,
                         double               x2,
                         double               y2,
                         double               width,
                         const ImpactColor   *color,
                         double               alpha);

void
impact_builder_add_circle (ImpactLayoutBuilder *b,
                           double               cx,
                           double               cy,
                           double               radius,
                           const ImpactColor   *color,
                           double               stroke_width);

void
impact_builder_add_polygon (ImpactLayoutBuilder *b,
                            const double        *points,
                            guint                n_points,
                            const ImpactColor   *color,
                            double               alpha);

void
impact_builder_add_icon (ImpactLayoutBuilder *b,
                         const char          *name,
                         double               x,
                         double               y,
                         double               size,
                         const ImpactColor   *color);

void
impact_builder_add_image (ImpactLayoutBuilder *b,
                          GdkPixbuf           *pixbuf,
                          const char          *json_path,
                          double               x,
                          double               y,
                          double               w,
                          double               h,
                          gboolean             round,
                          const char          *alt);

double
impact_builder_place_layout (ImpactLayoutBuilder *b,
                             PangoLayout         *layout,
                             double               x,
                             double               y,
                             const ImpactColor   *color,
                             double               alpha,
                             const char          *link);

void
impact_builder_add_box (ImpactLayoutBuilder *b,
                        ImpactSection        section,
                        int                  item,
                        double               x,
                        double               y,
                        double               w,
                        double               h);

ImpactTextStyle
impact_builder_body_style (ImpactLayoutBuilder *b,
                           double               size);

ImpactTextStyle
impact_builder_heading_style (ImpactLayoutBuilder *b,
                              double               size,
                              PangoWeight          weight);

ImpactTextStyle
impact_builder_kicker_style (ImpactLayoutBuilder *b,
                             double               size);

PangoLayout *
impact_builder_make_text (ImpactLayoutBuilder   *b,
                          const ImpactTextStyle *style,
                          const char            *text,
                          gboolean               rich,
                          double                 width);
/* The same with its first @prefix_bytes in @prefix_color (0: none) and
 * @mark (NULL: none) appended in @mark_color, in one step, so that the
 * window's text cache keeps the result (impact-text-cache.h) */
PangoLayout *
impact_builder_make_marked_text (ImpactLayoutBuilder   *b,
                                 const ImpactTextStyle *style,
                                 const char            *text,
                                 gboolean               rich,
                                 double                 width,
                                 guint                  prefix_bytes,
                                 const ImpactColor     *prefix_color,
                                 const char            *mark,
                                 const ImpactColor     *mark_color);

PangoLayout *
impact_builder_make_fitted_line (ImpactLayoutBuilder *b,
                                 ImpactTextStyle      style,
                                 const char          *text,
                                 double               width,
                                 double               min_size);

double
impact_builder_fit_longest_word (ImpactLayoutBuilder   *b,
                                 const ImpactTextStyle *style,
                                 const char            *text,
                                 double                 width,
                                 double                 min_size);

void
impact_builder_color_prefix (PangoLayout       *layout,
                             guint              n_bytes,
                             const ImpactColor *color);

void
impact_builder_append_mark_colored (PangoLayout       *layout,
                                    const char        *mark,
                                    const ImpactColor *color);

void
impact_builder_append_mark (ImpactLayoutBuilder *b,
                            PangoLayout         *layout,
                            const char          *mark);

char *
impact_builder_escape_rich (const char *text);

void
impact_builder_check_glyphs (ImpactLayoutBuilder *b,
                             PangoLayout         *layout,
                             const char          *path);

void
impact_builder_note_bottom (ImpactLayoutBuilder *b,
                            double               bottom,
                            const char          *path);

gboolean
impact_builder_past_page (ImpactLayoutBuilder *b,
                          double               y,
                          const char          *path);

guint
impact_builder_max_panels (ImpactLayoutBuilder *b,
                           double               min_width,
                           double               gap);

GdkPixbuf *
impact_builder_load_image (ImpactLayoutBuilder *b,
                           const char          *path,
                           const char          *json_path,
                           double               width_pt,
                           double               height_pt);

guint
impact_builder_source_number (ImpactLayoutBuilder *b,
                              const ImpactSource  *source);

/* A statistic's footnote number, or NULL */
char *
impact_builder_statistic_mark (ImpactLayoutBuilder   *b,
                               const ImpactStatistic *stat);
void
impact_builder_mark_statistic_source (ImpactLayoutBuilder   *b,
                                      PangoLayout           *label,
                                      const ImpactStatistic *stat);

const char *
impact_builder_sheet_title (ImpactDocument *doc);

double
impact_builder_place_wordmark (ImpactLayoutBuilder *b,
                               double               x,
                               double               y,
                               gboolean             name_shown);

double
impact_builder_place_kicker_colored (ImpactLayoutBuilder *b,
                                     const char          *text,
                                     double               x,
                                     double               y,
                                     double               width,
                                     const ImpactColor   *color);

double
impact_builder_place_kicker (ImpactLayoutBuilder *b,
                             const char          *text,
                             double               x,
                             double               y,
                             double               width);

void
impact_builder_object_unref0 (gpointer object);

void
impact_builder_equalise_rules (ImpactLayoutBuilder *b,
                               GArray              *rules,
                               double               bottom);

char *
impact_builder_stat_number (ImpactLayoutBuilder   *b,
                            const ImpactStatistic *stat);

char *
impact_builder_stat_extra_text (ImpactLayoutBuilder   *b,
                                const ImpactStatistic *stat);

char *
impact_builder_display_website (const char *url);

G_END_DECLS
