/* impact-timeline-step.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-timeline"

#include "config.h"

#include <math.h>

#include "impact-error.h"
#include "impact-format.h"
#include "impact-text.h"
#include "impact-timeline-render.h"
#include "impact-timeline-step.h"
#include "impact-timeline-text.h"

#define TRACK_UNITS 210.0   /* height of the track strip, in units of a 960 × 540 design */
#define TRACK_SCALE 1.3     /* the track's labels, larger than on a screen at arm's length */

static void
set_color (cairo_t           *cr,
           const ImpactColor *c,
           double             alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, alpha);
}

static const ImpactColor white = { 1, 1, 1 };

static void
show_at (cairo_t     *cr,
         PangoLayout *layout,
         double       x,
         double       y)
{
  cairo_move_to (cr, x, y);
  impact_timeline_show_text (cr, layout, "P");
}

static void
draw_title_step (cairo_t              *cr,
                 ImpactTimelineLayout *layout,
                 double                width,
                 double                top)
{
  ImpactDocument *doc = impact_timeline_layout_get_document (layout);
  ImpactTheme *theme = impact_timeline_layout_get_theme (layout);
  const char *language = impact_document_get_language (doc);
  ImpactDigits digits = impact_format_document_digits (doc);
  const ImpactColor *accent = impact_theme_get_accent (theme);
  const ImpactColor *primary = impact_theme_get_primary (theme);
  const char *heading = impact_document_get_statistics_heading (doc);
  const char *title = impact_document_get_milestones_heading (doc);
  GPtrArray *stats = impact_document_get_statistics (doc);
  g_autoptr(PangoLayout) kicker = impact_timeline_text_new (layout, impact_theme_get_body_font (theme), 14, PANGO_WEIGHT_BOLD,
                                                            TRUE, impact_document_get_office (doc), FALSE, -1);
  g_autoptr(PangoLayout) big = impact_timeline_text_new (layout, impact_theme_get_heading_font (theme), 46, PANGO_WEIGHT_BOLD,
                                                         FALSE, title ? title : (heading ? heading : impact_document_get_office (doc)),
                                                         FALSE, width - 120);
  double y = top + 40, h;
  guint n = MIN (stats->len, 4);

  impact_timeline_set_text_color (cr, accent, 1, primary, 14, TRUE);
  show_at (cr, kicker, 60, y);
  impact_timeline_set_text_color (cr, &white, 1, primary, 46, TRUE);
  show_at (cr, big, 60, y + 24);
  impact_text_layout_get_size (big, NULL, &h);
  y += 24 + h + 36;

  for (guint i = 0; i < n; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (stats, i);
      g_autofree char *number = impact_format_statistic_full (language, digits, stat);
      double col = (width - 120) / n, x = 60 + i * col;
      g_autoptr(PangoLayout) num = impact_timeline_text_new (layout, impact_theme_get_heading_font (theme), 48, PANGO_WEIGHT_HEAVY,
                                                             FALSE, number, FALSE, col - 24);
      g_autoptr(PangoLayout) label = impact_timeline_text_new (layout, impact_theme_get_body_font (theme), 15, PANGO_WEIGHT_NORMAL,
                                                               FALSE, stat->label, FALSE, col - 30);

      set_color (cr, accent, 1);
      cairo_rectangle (cr, x, y, 36, 4);
      cairo_fill (cr);
      impact_timeline_set_text_color (cr, &white, 1, primary, 48, TRUE);
      show_at (cr, num, x, y + 14);
      impact_timeline_set_text_color (cr, &white, 0.8, primary, 15, FALSE);
      show_at (cr, label, x, y + 84);
    }
}

static void
draw_milestone_step (cairo_t              *cr,
                     ImpactTimelineLayout *layout,
                     int                   step,
                     double                width,
                     double                top,
                     double                bottom)
{
  ImpactDocument *doc = impact_timeline_layout_get_document (layout);
  ImpactTheme *theme = impact_timeline_layout_get_theme (layout);
  const char *language = impact_document_get_language (doc);
  ImpactDigits digits = impact_format_document_digits (doc);
  const ImpactMilestone *m = impact_timeline_layout_get_milestone (layout, step);
  const ImpactTimelineItem *item = impact_timeline_layout_get_item (layout, step);
  const ImpactColor *accent = impact_theme_get_accent (theme);
  const ImpactColor *primary = impact_theme_get_primary (theme);
  g_autofree char *date = impact_format_date (language, digits, &m->date);
  g_autofree char *metrics = impact_timeline_format_metrics_for_language (m, language, digits);
  const char *body_font = impact_theme_get_body_font (theme);
  g_autoptr(PangoLayout) dl = impact_timeline_text_new (layout, body_font, 16, PANGO_WEIGHT_BOLD, TRUE, date, FALSE, -1);
  g_autoptr(PangoLayout) tl = impact_timeline_text_new (layout, impact_theme_get_heading_font (theme), 44, PANGO_WEIGHT_BOLD,
                                                        FALSE, m->title, FALSE, width - 160);
  g_autoptr(PangoLayout) body = NULL;
  g_autoptr(PangoLayout) ml = NULL;
  double y, h_title, h_body = 0, h_metrics = 0, total;
  ImpactColor cat;

  if (m->description && *m->description)
    body = impact_timeline_text_new (layout, body_font, 20, PANGO_WEIGHT_NORMAL, FALSE, m->description, TRUE, MIN (width - 160, 720));
  if (metrics)
    ml = impact_timeline_text_new (layout, body_font, 24, PANGO_WEIGHT_BOLD, FALSE, metrics, FALSE, width - 160);
  impact_text_layout_get_size (tl, NULL, &h_title);
  if (body)
    impact_text_layout_get_size (body, NULL, &h_body);
  if (ml)
    impact_text_layout_get_size (ml, NULL, &h_metrics);
  total = 30 + h_title + (body ? 18 + h_body : 0) + (ml ? 22 + h_metrics : 0);
  /* the block sits in the middle of the space above the track, a little high */
  y = top + MAX (40, (bottom - top - total) * 0.42);

  impact_timeline_layout_get_category_color (layout, item->category, &cat);
  impact_timeline_set_text_color (cr, accent, 1, primary, 16, TRUE);
  show_at (cr, dl, 60, y);
  if (m->category)
    {
      g_autoptr(PangoLayout) cl = impact_timeline_text_new (layout, body_font, 12, PANGO_WEIGHT_BOLD, TRUE, m->category, FALSE, -1);
      double dw, cw, ch;

      impact_text_layout_get_size (dl, &dw, NULL);
      impact_text_layout_get_size (cl, &cw, &ch);
      ImpactColor chip;

      /* the chip darkened (or lightened) until its white text reads */
      impact_timeline_readable_color (&cat, 1, &white, 12, TRUE, &chip);
      set_color (cr, &chip, 1);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 60 + dw + 20 + ch / 2 + 2, y + 3 + ch / 2 + 2, ch / 2 + 2, G_PI / 2, 3 * G_PI / 2);
      cairo_arc (cr, 60 + dw + 20 + cw + ch / 2 + 10, y + 3 + ch / 2 + 2, ch / 2 + 2, -G_PI / 2, G_PI / 2);
      cairo_close_path (cr);
      cairo_fill (cr);
      impact_timeline_set_text_color (cr, &white, 1, &chip, 12, TRUE);
      show_at (cr, cl, 60 + dw + 20 + ch / 2 + 6, y + 5);
    }
  y += 30;
  impact_timeline_set_text_color (cr, &white, 1, primary, 44, TRUE);
  show_at (cr, tl, 60, y);
  y += h_title + 18;
  if (body)
    {
      impact_timeline_set_text_color (cr, &white, 0.86, primary, 20, FALSE);
      show_at (cr, body, 60, y);
      y += h_body + 22;
    }
  if (ml)
    {
      set_color (cr, accent, 1);
      cairo_rectangle (cr, 60, y - 8, 36, 3);
      cairo_fill (cr);
      impact_timeline_set_text_color (cr, accent, 1, primary, 24, TRUE);
      show_at (cr, ml, 60, y);
    }
}

/* A presenter's step: progress along the top, the title or a milestone,
 * the track along the bottom with the camera on the current milestone */
static void
draw_talk_step (cairo_t              *cr,
                ImpactTimelineLayout *layout,
                double                width,
                double                height,
                int                   step,
                gboolean              has_title,
                double                camera)
{
  ImpactDocument *doc = impact_timeline_layout_get_document (layout);
  ImpactTheme *theme = impact_timeline_layout_get_theme (layout);
  const char *language = impact_document_get_language (doc);
  ImpactDigits digits = impact_format_document_digits (doc);
  const ImpactColor *primary = impact_theme_get_primary (theme);
  const ImpactColor *accent = impact_theme_get_accent (theme);
  double track_top = height - TRACK_UNITS;
  int n = impact_timeline_layout_get_n_items (layout);
  int total = n + (has_title ? 1 : 0);
  int index = step + (has_title ? 1 : 0);
  ImpactTimelineViewport vp;
  cairo_matrix_t m;
  double sx = 1, sy = 1;

  set_color (cr, primary, 1);
  cairo_paint (cr);

  /* progress: "3 / 12" and a bar along the top */
  {
    g_autofree char *at = impact_format_integer (language, digits, index + 1);
    g_autofree char *of = impact_format_integer (language, digits, total);
    g_autofree char *progress = g_strdup_printf ("%s / %s", at, of);
    g_autoptr(PangoLayout) pl = impact_timeline_text_new (layout, impact_theme_get_body_font (theme), 12, PANGO_WEIGHT_SEMIBOLD,
                                                          FALSE, progress, FALSE, -1);
    double w;

    impact_text_layout_get_size (pl, &w, NULL);
    impact_timeline_set_text_color (cr, &white, 0.7, primary, 12, FALSE);
    show_at (cr, pl, width - 60 - w, 22);
    cairo_set_source_rgba (cr, 1, 1, 1, 0.15);
    cairo_rectangle (cr, 0, 0, width, 4);
    cairo_fill (cr);
    set_color (cr, accent, 1);
    cairo_rectangle (cr, 0, 0, total > 0 ? width * (index + 1) / total : 0, 4);
    cairo_fill (cr);
  }

  if (step == IMPACT_TIMELINE_STEP_TITLE)
    draw_title_step (cr, layout, width, 10);
  else if (step >= 0 && step < n)
    draw_milestone_step (cr, layout, step, width, 10, track_top);

  /* the track along the bottom, the camera on the current milestone */
  impact_timeline_viewport_init (&vp, width / TRACK_SCALE, TRACK_UNITS / TRACK_SCALE);
  impact_timeline_viewport_fit (&vp, layout);
  vp.zoom = MAX (vp.zoom, vp.width / 8.0);    /* about eight years across, or all if fewer */
  vp.t0 = camera - vp.width / 2 / vp.zoom;
  vp.selected = step;
  vp.legend = FALSE;
  /* markers from cached images on whole pixels when drawing to pixels */
  cairo_get_matrix (cr, &m);
  cairo_surface_get_device_scale (cairo_get_target (cr), &sx, &sy);
  if (cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE)
    vp.pixel_scale = fabs (m.xx) * sx * TRACK_SCALE;
  cairo_save (cr);
  cairo_translate (cr, 0, track_top);
  cairo_scale (cr, TRACK_SCALE, TRACK_SCALE);
  impact_timeline_render (cr, layout, &vp);
  cairo_restore (cr);
  /* the reading position */
  set_color (cr, accent, 0.9);
  cairo_move_to (cr, width / 2 - 7, track_top);
  cairo_line_to (cr, width / 2 + 7, track_top);
  cairo_line_to (cr, width / 2, track_top + 8);
  cairo_close_path (cr);
  cairo_fill (cr);
}

gboolean
impact_timeline_render_step (cairo_t              *cr,
                             ImpactTimelineLayout *layout,
                             double                width,
                             double                height,
                             int                   step,
                             gboolean              has_title,
                             double                camera,
                             GError              **error)
{
  cairo_status_t status;

  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (layout), FALSE);
  g_return_val_if_fail (step >= IMPACT_TIMELINE_STEP_OVERVIEW, FALSE);

  cairo_save (cr);
  if (impact_timeline_layout_is_rtl (layout))
    impact_timeline_mirror (cr, width);
  if (step == IMPACT_TIMELINE_STEP_OVERVIEW)
    impact_timeline_draw_overview (cr, layout, width, height);
  else
    draw_talk_step (cr, layout, width, height, step, has_title, camera);
  cairo_restore (cr);

  status = cairo_status (cr);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                   "cannot draw the timeline: %s", cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
