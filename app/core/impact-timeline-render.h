/* impact-timeline-render.h: draw a timeline on any cairo_t; export it
 *
 * The track (axis, eras, markers, labels, legend) is drawn for a viewport:
 * the time at the left edge and a zoom, in units (points of the label type
 * at scale 1). Only what is visible is drawn: the milestones in view are
 * found by binary search, markers that land on the same spot are drawn
 * once, and labels come from the layout's cache.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "impact-export.h"
#include "impact-page.h"
#include "impact-timeline-layout.h"

G_BEGIN_DECLS

typedef struct
{
  double   t0;            /* fractional year at x = 0 */
  double   zoom;          /* units per year */
  double   width;         /* units */
  double   height;        /* units */
  int      selected;      /* position (date order) drawn as selected, or -1 */
  gboolean legend;        /* draw the category legend at the bottom */
  gboolean background;    /* fill with the theme's background first */
  double   pixel_scale;   /* device pixels per unit when drawing to pixels
                           * (markers are then blitted from cached images,
                           * on whole pixels); 0 for vector output */
  guint    new_labels;    /* most labels to shape in one frame (their cards
                           * are drawn, the text waits for the next frame);
                           * 0: no limit, as exports need */
} ImpactTimelineViewport;

/* Track geometry for a viewport height, shared by drawing and hit tests */
typedef struct
{
  double axis_y;
  double above_bottom;    /* lowest y of the first lane above */
  double below_top;       /* y where the first lane below starts */
  double era_top;
  double era_lane_height;
  double legend_y;        /* top of the legend, or the height when none */
  guint  n_above;
  guint  n_below;
} ImpactTimelineGeometry;

#define IMPACT_TIMELINE_MIN_ZOOM   0.02     /* units per year: 50 000 years across 1000 units */
#define IMPACT_TIMELINE_MAX_ZOOM   200000.0 /* a day is ~550 units */

void     impact_timeline_viewport_init     (ImpactTimelineViewport       *vp,
                                            double                        width,
                                            double                        height);
/* Zoom and t0 that show every milestone and era with their labels */
void     impact_timeline_viewport_fit      (ImpactTimelineViewport       *vp,
                                            ImpactTimelineLayout         *layout);
/* Keeps @time at @x while changing the zoom (clamped) */
void     impact_timeline_viewport_zoom_at  (ImpactTimelineViewport       *vp,
                                            double                        factor,
                                            double                        x);
double   impact_timeline_viewport_x_for_time (const ImpactTimelineViewport *vp,
                                              double                        time);
double   impact_timeline_viewport_time_at  (const ImpactTimelineViewport *vp,
                                            double                        x);

void     impact_timeline_get_geometry      (ImpactTimelineLayout         *layout,
                                            const ImpactTimelineViewport *vp,
                                            ImpactTimelineGeometry       *geometry);

/* Draws the track. Returns the number of labels drawn (for tests);
 * @deferred (optional) receives how many labels waited for a later frame
 * because of vp->new_labels: draw again soon when it is not 0. */
guint    impact_timeline_render            (cairo_t                      *cr,
                                            ImpactTimelineLayout         *layout,
                                            const ImpactTimelineViewport *vp);
guint    impact_timeline_render_full       (cairo_t                      *cr,
                                            ImpactTimelineLayout         *layout,
                                            const ImpactTimelineViewport *vp,
                                            guint                        *deferred);
/* The milestone (date-order position) whose marker or label is at (x, y),
 * or -1 */
int      impact_timeline_hit_test          (ImpactTimelineLayout         *layout,
                                            const ImpactTimelineViewport *vp,
                                            double                        x,
                                            double                        y);
/* The boxes of the labels a render would draw, as x, y, width, height
 * quadruples in a GArray of double, with the date-order position of each
 * in @positions (optional GArray of guint). For overlap tests. */
GArray  *impact_timeline_get_label_boxes   (ImpactTimelineLayout         *layout,
                                            const ImpactTimelineViewport *vp,
                                            GArray                      **positions);

/* For tests: called for each text the renderer draws, with the ink box in
 * device space and the colour it is drawn in; return FALSE to leave the
 * text out (to see what it is drawn on). NULL: none. Not thread-safe. */
typedef gboolean (*ImpactTimelineTextProbe) (PangoLayout *layout,
                                             double       x,
                                             double       y,
                                             double       width,
                                             double       height,
                                             double       red,
                                             double       green,
                                             double       blue,
                                             double       alpha,
                                             gpointer     data);
void     impact_timeline_render_set_text_probe (ImpactTimelineTextProbe probe,
                                                gpointer                data);

/* A 16:9 (or any) slide: title band, the whole timeline, legend, footer;
 * @width × @height in units. */
gboolean impact_timeline_render_slide      (cairo_t                      *cr,
                                            ImpactTimelineLayout         *layout,
                                            double                        width,
                                            double                        height,
                                            GError                      **error);
/* Where the slide draws the marker of milestone @position (date order),
 * in units of a @width × @height slide, mirrored for a right-to-left
 * document as the slide is */
void     impact_timeline_slide_get_marker  (ImpactTimelineLayout         *layout,
                                            double                        width,
                                            double                        height,
                                            guint                         position,
                                            double                       *x,
                                            double                       *y);

/* The handout: the timeline down the page, every milestone with its
 * description, split between pages only between milestones, the year
 * carried over at the top of each page. */
typedef struct _ImpactTimelineHandout ImpactTimelineHandout;

ImpactTimelineHandout *impact_timeline_handout_new       (ImpactTimelineLayout  *layout,
                                                          ImpactPageSize         page_size);
void                   impact_timeline_handout_free      (ImpactTimelineHandout *handout);
guint                  impact_timeline_handout_get_n_pages (ImpactTimelineHandout *handout);
/* The date-order positions on @page: first .. last - 1 */
void                   impact_timeline_handout_get_page_range (ImpactTimelineHandout *handout,
                                                               guint                  page,
                                                               guint                 *first,
                                                               guint                 *last);
gboolean               impact_timeline_handout_render_page (cairo_t               *cr,
                                                            ImpactTimelineHandout *handout,
                                                            guint                  page,
                                                            GError               **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactTimelineHandout, impact_timeline_handout_free)

typedef struct
{
  ImpactExportFormat format;
  gboolean           handout;      /* paginated PDF (format must be PDF) */
  ImpactPageSize     page_size;    /* handout only */
  int                width;        /* slide pixels; 0 = 1920 */
  int                height;       /* 0 = 1080 */
  gboolean           pdfx;         /* PDF only: PDF/X-4 */
} ImpactTimelineExportOptions;

#define IMPACT_TIMELINE_SLIDE_MIN 320
#define IMPACT_TIMELINE_SLIDE_MAX 7680

void     impact_timeline_export_options_init (ImpactTimelineExportOptions *options);
/* Writes the slide (PNG at width × height pixels; PDF and SVG at
 * width/2 × height/2 points, the same design) or the handout to @output
 * through a temporary file renamed at the end. */
gboolean impact_timeline_export            (ImpactDocument                    *document,
                                            const ImpactTimelineExportOptions *options,
                                            GFile                             *output,
                                            GError                           **error);

G_END_DECLS
