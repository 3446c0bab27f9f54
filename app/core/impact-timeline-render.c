/* impact-timeline-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-timeline"

#include "config.h"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "impact-format.h"
#include "impact-sheet-words.h"
#include "impact-error.h"
#include "impact-text.h"
#include "impact-output.h"
#include "impact-timeline-render.h"
#include "impact-timeline-step.h"
#include "impact-timeline-text.h"
#include "impact-timeline-page-source.h"

#define TOP_PAD         10.0
#define LEGEND_HEIGHT   30.0
#define TICK_HEIGHT     20.0
#define ERA_LANE        18.0
#define MARKER_RADIUS    4.5
#define ABOVE_GAP       16.0
#define LANES_PER_SIDE   5      /* more is a wall of text, not a timeline */

/* Colours */

static void
set_color (cairo_t           *cr,
           const ImpactColor *c,
           double             alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, alpha);
}

static ImpactColor
mix (const ImpactColor *a,
     const ImpactColor *b,
     double             t)
{
  ImpactColor c = { a->red + (b->red - a->red) * t,
                    a->green + (b->green - a->green) * t,
                    a->blue + (b->blue - a->blue) * t };
  return c;
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Viewport */

void
impact_timeline_viewport_init (ImpactTimelineViewport *vp,
                               double                  width,
                               double                  height)
{
  g_return_if_fail (vp != NULL);
  memset (vp, 0, sizeof *vp);
  vp->width = width;
  vp->height = height;
  vp->zoom = 40;
  vp->t0 = 2000;
  vp->selected = -1;
  vp->legend = TRUE;
  vp->background = TRUE;
}

void
impact_timeline_viewport_fit (ImpactTimelineViewport *vp,
                              ImpactTimelineLayout   *layout)
{
  double s, e, pad = 24, tail = IMPACT_TIMELINE_LABEL_MAX_WIDTH * 0.75;

  g_return_if_fail (vp != NULL);
  impact_timeline_layout_get_extent (layout, &s, &e);
  if (e - s < 1 / 12.0)
    {
      double mid = (s + e) / 2;

      s = mid - 1 / 24.0;
      e = mid + 1 / 24.0;
    }
  if (vp->width < 2 * pad + tail + 40)
    tail = 0;
  vp->zoom = CLAMP ((vp->width - 2 * pad - tail) / (e - s), IMPACT_TIMELINE_MIN_ZOOM, IMPACT_TIMELINE_MAX_ZOOM);
  vp->t0 = s - pad / vp->zoom;
}

void
impact_timeline_viewport_zoom_at (ImpactTimelineViewport *vp,
                                  double                  factor,
                                  double                  x)
{
  double t = impact_timeline_viewport_time_at (vp, x);

  vp->zoom = CLAMP (vp->zoom * factor, IMPACT_TIMELINE_MIN_ZOOM, IMPACT_TIMELINE_MAX_ZOOM);
  vp->t0 = t - x / vp->zoom;
}

double
impact_timeline_viewport_x_for_time (const ImpactTimelineViewport *vp,
                                     double                        time)
{
  return (time - vp->t0) * vp->zoom;
}

double
impact_timeline_viewport_time_at (const ImpactTimelineViewport *vp,
                                  double                        x)
{
  return vp->t0 + x / vp->zoom;
}

void
impact_timeline_get_geometry (ImpactTimelineLayout         *layout,
                              const ImpactTimelineViewport *vp,
                              ImpactTimelineGeometry       *g)
{
  guint n_era = impact_timeline_layout_get_n_era_lanes (layout);
  double era_h = n_era ? n_era * ERA_LANE + 6 : 0;
  double avail;

  g->legend_y = vp->legend ? vp->height - LEGEND_HEIGHT : vp->height;
  g->era_lane_height = ERA_LANE;
  avail = g->legend_y - TOP_PAD - ABOVE_GAP - TICK_HEIGHT - era_h - 8;
  avail = MAX (avail, 0);
  /* balance the lanes: above gets the extra one */
  g->n_above = (guint) MIN (ceil (floor (avail / IMPACT_TIMELINE_LANE_HEIGHT) / 2.0), LANES_PER_SIDE);
  g->n_below = (guint) MIN (floor (avail / IMPACT_TIMELINE_LANE_HEIGHT) - g->n_above, LANES_PER_SIDE);
  if ((int) g->n_below < 0)
    g->n_below = 0;
  {
    double used = (g->n_above + g->n_below) * IMPACT_TIMELINE_LANE_HEIGHT;
    double spare = MAX (avail - used, 0);

    g->axis_y = TOP_PAD + spare / 2 + g->n_above * IMPACT_TIMELINE_LANE_HEIGHT + ABOVE_GAP;
  }
  g->above_bottom = g->axis_y - ABOVE_GAP;
  g->era_top = g->axis_y + TICK_HEIGHT;
  g->below_top = g->era_top + era_h + 8;
}

static void
label_box (ImpactTimelineLayout         *layout,
           const ImpactTimelineViewport *vp,
           const ImpactTimelineGeometry *g,
           guint                         position,
           int                           lane,
           double                       *x,
           double                       *y,
           double                       *w,
           double                       *h)
{
  const ImpactTimelineItem *item = impact_timeline_layout_get_item (layout, position);
  guint depth = lane / 2;

  impact_timeline_layout_get_label_size (layout, position, w, h);
  *x = impact_timeline_viewport_x_for_time (vp, item->time);
  if ((lane & 1) == 0)
    *y = g->above_bottom - depth * IMPACT_TIMELINE_LANE_HEIGHT - *h;
  else
    *y = g->below_top + depth * IMPACT_TIMELINE_LANE_HEIGHT;
}

GArray *
impact_timeline_get_label_boxes (ImpactTimelineLayout         *layout,
                                 const ImpactTimelineViewport *vp,
                                 GArray                      **positions)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (double));
  ImpactTimelineGeometry g;
  const ImpactTimelinePlacement *p;
  guint first, last;

  if (positions)
    *positions = g_array_new (FALSE, FALSE, sizeof (guint));
  impact_timeline_get_geometry (layout, vp, &g);
  if (impact_timeline_layout_get_n_items (layout) == 0 || g.n_above + g.n_below == 0)
    return boxes;
  p = impact_timeline_layout_place (layout, vp->zoom, g.n_above, g.n_below);
  impact_timeline_layout_find_range (layout,
                                     impact_timeline_viewport_time_at (vp, -IMPACT_TIMELINE_LABEL_MAX_WIDTH - 20),
                                     impact_timeline_viewport_time_at (vp, vp->width + 1),
                                     &first, &last);
  for (guint i = first; i < last; i++)
    {
      double b[4];

      if (p->lanes[i] < 0)
        continue;
      label_box (layout, vp, &g, i, p->lanes[i], &b[0], &b[1], &b[2], &b[3]);
      g_array_append_vals (boxes, b, 4);
      if (positions)
        g_array_append_val (*positions, i);
    }
  return boxes;
}

static ImpactTimelineTextProbe text_probe;
static gpointer                text_probe_data;

void
impact_timeline_render_set_text_probe (ImpactTimelineTextProbe probe,
                                       gpointer                data)
{
  text_probe = probe;
  text_probe_data = data;
}

/* Shows @layout at the current point. In a mirrored space (a right-to-left
 * slide or handout is drawn through a mirror, x -> width - x) the text is
 * not mirrored with it: its box lands where the mirror puts it and the
 * letters read as they should. @tag, when not NULL, makes the text a
 * structure element of a tagged PDF (other surfaces ignore tags); what is
 * drawn untagged (the track, markers, cards, page numbers, the year carried
 * over to a new page) the PDF finishing marks as artifact. */
void
impact_timeline_show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *tag)
{
  cairo_matrix_t m;
  double x = 0, y = 0;
  gboolean draw = TRUE;

  if (cairo_has_current_point (cr))
    cairo_get_current_point (cr, &x, &y);
  cairo_get_matrix (cr, &m);
  cairo_save (cr);
  if (m.xx < 0)
    {
      int wrap = pango_layout_get_width (layout);
      PangoRectangle logical;
      double box;

      pango_layout_get_extents (layout, NULL, &logical);
      box = wrap > 0 ? wrap / (double) PANGO_SCALE : (logical.x + logical.width) / (double) PANGO_SCALE;
      cairo_new_path (cr);
      cairo_translate (cr, x + box, y);
      cairo_scale (cr, -1, 1);
    }
  else
    {
      cairo_new_path (cr);
      cairo_translate (cr, x, y);
    }
  if (text_probe != NULL)
    {
      PangoRectangle ink;
      double x0, y0, x1, y1, r = 0, g = 0, b = 0, a = 1;

      pango_layout_get_pixel_extents (layout, &ink, NULL);
      x0 = ink.x;
      y0 = ink.y;
      x1 = ink.x + ink.width;
      y1 = ink.y + ink.height;
      cairo_user_to_device (cr, &x0, &y0);
      cairo_user_to_device (cr, &x1, &y1);
      if (cairo_pattern_get_type (cairo_get_source (cr)) == CAIRO_PATTERN_TYPE_SOLID)
        cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a);
      draw = text_probe (layout, MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0),
                         r, g, b, a, text_probe_data);
    }
  if (draw)
    {
      cairo_move_to (cr, 0, 0);
      if (tag)
        cairo_tag_begin (cr, tag, "");
      pango_cairo_show_layout (cr, layout);
      if (tag)
        cairo_tag_end (cr, tag);
    }
  cairo_restore (cr);
  cairo_new_path (cr);
}

static void
show_tagged (cairo_t     *cr,
             PangoLayout *layout,
             const char  *tag)
{
  impact_timeline_show_text (cr, layout, tag);
}


/* Mirrors x -> width - x for a right-to-left page */
void
impact_timeline_mirror (cairo_t *cr,
                        double   width)
{
  cairo_translate (cr, width, 0);
  cairo_scale (cr, -1, 1);
}

static void
show_layout_at (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y)
{
  cairo_move_to (cr, x, y);
  show_tagged (cr, layout, "P");
}

static void
draw_legend (cairo_t                      *cr,
             ImpactTimelineLayout         *layout,
             const ImpactTimelineViewport *vp,
             const ImpactTimelineGeometry *g)
{
  ImpactTheme *theme = impact_timeline_layout_get_theme (layout);
  const char *language = impact_document_get_language (impact_timeline_layout_get_document (layout));
  const ImpactColor *text = impact_theme_get_text (theme);
  double x = 12, y = g->legend_y + LEGEND_HEIGHT / 2;
  guint n = impact_timeline_layout_get_n_categories (layout);

  for (guint c = 0; c < n; c++)
    {
      const char *name = impact_timeline_layout_get_category_name (layout, c);
      g_autofree char *shown = NULL;
      PangoLayout *pl;
      ImpactColor color;
      double w, h;

      impact_timeline_layout_get_category_color (layout, c, &color);
      if (name)
        {
          shown = g_strdup (name);
          shown[0] = g_ascii_toupper (shown[0]);
        }
      pl = impact_timeline_layout_get_text (layout, shown ? shown : impact_sheet_word (language, IMPACT_WORD_CATEGORY_OTHER),
                                           9, PANGO_WEIGHT_MEDIUM, FALSE);
      impact_text_layout_get_size (pl, &w, &h);
      if (x + 14 + w > vp->width - 160)
        break;
      set_color (cr, &color, 1);
      cairo_arc (cr, x + 4, y, 4, 0, 2 * G_PI);
      cairo_fill (cr);
      impact_timeline_set_text_color (cr, text, 0.85, impact_theme_get_background (theme), 9, FALSE);
      show_layout_at (cr, pl, x + 12, y - h / 2);
      x += 12 + w + 16;
    }

  /* how partial dates read */
  {
    const char *day_word = impact_sheet_word (language, IMPACT_WORD_LEGEND_EXACT_DAY);
    const char *partial_word = impact_sheet_word (language, IMPACT_WORD_LEGEND_PARTIAL_DATE);
    g_autofree char *both = g_strconcat (day_word, "   ", partial_word, NULL);
    PangoLayout *pl = impact_timeline_layout_get_text (layout, both, 8.5, PANGO_WEIGHT_NORMAL, FALSE);
    PangoLayout *day = impact_timeline_layout_get_text (layout, day_word, 8.5, PANGO_WEIGHT_NORMAL, FALSE);
    double w, h, dw;

    impact_text_layout_get_size (pl, &w, &h);
    impact_text_layout_get_size (day, &dw, NULL);
    x = vp->width - 12 - w - 12 - 12;
    if (x > 0)
      {
        set_color (cr, text, 0.6);
        cairo_arc (cr, x + 4, y, 3.5, 0, 2 * G_PI);
        cairo_fill (cr);
        cairo_set_line_width (cr, 1.5);
        cairo_arc (cr, x + 12 + dw + 14, y, 3.2, 0, 2 * G_PI);
        cairo_stroke (cr);
        impact_timeline_set_text_color (cr, text, 0.6, impact_theme_get_background (theme), 8.5, FALSE);
        show_layout_at (cr, day, x + 12, y - h / 2);
        {
          PangoLayout *partial = impact_timeline_layout_get_text (layout, partial_word, 8.5, PANGO_WEIGHT_NORMAL, FALSE);

          show_layout_at (cr, partial, x + 12 + dw + 22, y - h / 2);
        }
      }
  }
}

static void
marker_path (cairo_t           *cr,
             double             x,
             double             y,
             const ImpactColor *color,
             gboolean           exact,
             const ImpactColor *bg)
{
  set_color (cr, bg, 1);
  cairo_arc (cr, x, y, MARKER_RADIUS + 1.5, 0, 2 * G_PI);
  cairo_fill (cr);
  set_color (cr, color, 1);
  if (exact)
    {
      cairo_arc (cr, x, y, MARKER_RADIUS, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  else
    {
      cairo_set_line_width (cr, 2);
      cairo_arc (cr, x, y, MARKER_RADIUS - 1, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
}

/* A marker drawn once into a small image per category, kind and pixel
 * scale; blitting it costs a fraction of rasterising two circles. */
static cairo_surface_t *
marker_sprite (ImpactTimelineLayout *layout,
               guint                 category,
               gboolean              exact,
               double                scale,
               const ImpactColor    *bg,
               int                  *half)
{
  GHashTable *sprites = impact_timeline_layout_get_sprites (layout);
  guint iscale = (guint) CLAMP (round (scale * 4), 1, 64);
  gpointer key = GUINT_TO_POINTER (((category & 0xffff) << 8) | (iscale << 1) | (exact ? 1 : 0));
  cairo_surface_t *sprite = g_hash_table_lookup (sprites, key);
  int h = (int) ceil ((MARKER_RADIUS + 2) * iscale / 4.0);

  *half = h;
  if (sprite == NULL)
    {
      ImpactColor color;
      cairo_t *cr;

      sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2 * h, 2 * h);
      cr = cairo_create (sprite);
      cairo_translate (cr, h, h);
      cairo_scale (cr, iscale / 4.0, iscale / 4.0);
      impact_timeline_layout_get_category_color (layout, category, &color);
      marker_path (cr, 0, 0, &color, exact, bg);
      cairo_destroy (cr);
      g_hash_table_insert (sprites, key, sprite);
    }
  return sprite;
}

static void
draw_marker (cairo_t                      *cr,
             ImpactTimelineLayout         *layout,
             const ImpactTimelineViewport *vp,
             const ImpactTimelineGeometry *g,
             guint                         position,
             const ImpactColor            *bg)
{
  const ImpactTimelineItem *item = impact_timeline_layout_get_item (layout, position);
  double x = impact_timeline_viewport_x_for_time (vp, item->time);
  gboolean exact = item->precision == IMPACT_DATE_PRECISION_DAY;

  if (vp->pixel_scale > 0)
    {
      int half;
      cairo_surface_t *sprite = marker_sprite (layout, item->category, exact, vp->pixel_scale, bg, &half);
      double s = vp->pixel_scale;
      /* on whole device pixels, so the image is not resampled */
      double px = round (x * s) - half, py = round (g->axis_y * s) - half;

      cairo_save (cr);
      cairo_scale (cr, 1 / s, 1 / s);
      cairo_set_source_surface (cr, sprite, px, py);
      cairo_rectangle (cr, px, py, 2 * half, 2 * half);
      cairo_fill (cr);
      cairo_restore (cr);
      return;
    }
  {
    ImpactColor color;

    impact_timeline_layout_get_category_color (layout, item->category, &color);
    marker_path (cr, x, g->axis_y, &color, exact, bg);
  }
}

guint
impact_timeline_render (cairo_t                      *cr,
                        ImpactTimelineLayout         *layout,
                        const ImpactTimelineViewport *vp)
{
  return impact_timeline_render_full (cr, layout, vp, NULL);
}

guint
impact_timeline_render_full (cairo_t                      *cr,
                             ImpactTimelineLayout         *layout,
                             const ImpactTimelineViewport *vp,
                             guint                        *deferred)
{
  guint made = 0, waiting = 0;
  ImpactTheme *theme = impact_timeline_layout_get_theme (layout);
  const ImpactColor *bg = impact_theme_get_background (theme);
  const ImpactColor *text = impact_theme_get_text (theme);
  ImpactTimelineGeometry g;
  const ImpactTimelinePlacement *p = NULL;
  guint n = impact_timeline_layout_get_n_items (layout);
  guint first, last, lfirst, llast, drawn = 0;
  double t_left = impact_timeline_viewport_time_at (vp, -12);
  double t_right = impact_timeline_viewport_time_at (vp, vp->width + 12);
  ImpactTimelineTickUnit unit;
  g_autoptr(GArray) ticks = NULL;

  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (layout), 0);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, vp->width, vp->height);
  cairo_clip (cr);
  if (vp->background)
    {
      set_color (cr, bg, 1);
      cairo_paint (cr);
    }
  impact_timeline_get_geometry (layout, vp, &g);

  /* eras: a faint tint across the track, a band in the era strip */
  for (guint i = 0; i < impact_timeline_layout_get_n_eras (layout); i++)
    {
      const ImpactTimelineEra *era = impact_timeline_layout_get_era (layout, i);
      const ImpactEra *e = g_ptr_array_index (impact_document_get_eras (impact_timeline_layout_get_document (layout)), era->index);
      double x0, x1, y;
      ImpactColor color;
      PangoLayout *pl;

      if (era->end < t_left || era->start > t_right)
        continue;
      impact_timeline_layout_get_category_color (layout, era->category, &color);
      x0 = MAX (impact_timeline_viewport_x_for_time (vp, era->start), -4);
      x1 = MIN (impact_timeline_viewport_x_for_time (vp, era->end), vp->width + 4);
      y = g.era_top + era->lane * ERA_LANE;
      set_color (cr, &color, 0.16);
      rounded_rect (cr, x0, y, x1 - x0, ERA_LANE - 3, 3);
      cairo_fill (cr);
      set_color (cr, &color, 1);
      cairo_rectangle (cr, x0, y, 2.5, ERA_LANE - 3);
      cairo_fill (cr);
      pl = impact_timeline_layout_get_text (layout, e->title, 8.5, PANGO_WEIGHT_SEMIBOLD, FALSE);
      cairo_save (cr);
      rounded_rect (cr, x0, y, x1 - x0, ERA_LANE - 3, 3);
      cairo_clip (cr);
      {
        ImpactColor dark = mix (&color, text, 0.35), tint = mix (bg, &color, 0.16 + 0.05);
        double h;

        impact_text_layout_get_size (pl, NULL, &h);
        impact_timeline_set_text_color (cr, &dark, 1, &tint, 8.5, FALSE);
        show_layout_at (cr, pl, MAX (x0, 0) + 7, y + (ERA_LANE - 3 - h) / 2);
      }
      cairo_restore (cr);
    }

  /* the axis and its ticks */
  set_color (cr, text, 0.22);
  cairo_rectangle (cr, 0, g.axis_y - 1, vp->width, 2);
  cairo_fill (cr);
  ticks = impact_timeline_ticks_new_for_language (impact_document_get_language (impact_timeline_layout_get_document (layout)),
                                                  impact_format_document_digits (impact_timeline_layout_get_document (layout)),
                                                  t_left, t_right, vp->zoom, 72, &unit);
  /* minor and major tick marks as two paths, then the labels */
  for (int major = 0; major < 2; major++)
    {
      for (guint i = 0; i < ticks->len; i++)
        {
          const ImpactTimelineTick *tick = &g_array_index (ticks, ImpactTimelineTick, i);
          double x = round (impact_timeline_viewport_x_for_time (vp, tick->time));

          if (tick->major == major)
            cairo_rectangle (cr, x - 0.5, g.axis_y + 1, 1, major ? 6 : 3);
        }
      set_color (cr, text, major ? 0.45 : 0.22);
      cairo_fill (cr);
    }
  impact_timeline_set_text_color (cr, text, 0.6, bg, 8.5, FALSE);
  for (guint i = 0; i < ticks->len; i++)
    {
      const ImpactTimelineTick *tick = &g_array_index (ticks, ImpactTimelineTick, i);

      if (tick->major && tick->label)
        {
          PangoLayout *pl = impact_timeline_layout_get_text (layout, tick->label, 8.5, PANGO_WEIGHT_MEDIUM, FALSE);
          double x = round (impact_timeline_viewport_x_for_time (vp, tick->time));
          double w;

          impact_text_layout_get_size (pl, &w, NULL);
          show_layout_at (cr, pl, x - w / 2, g.axis_y + 7);
        }
    }

  if (n > 0)
    {
      double last_x = -G_MAXDOUBLE;

      impact_timeline_layout_find_range (layout, t_left, t_right, &first, &last);
      if (g.n_above + g.n_below > 0)
        p = impact_timeline_layout_place (layout, vp->zoom, g.n_above, g.n_below);
      impact_timeline_layout_find_range (layout,
                                         impact_timeline_viewport_time_at (vp, -IMPACT_TIMELINE_LABEL_MAX_WIDTH - 20),
                                         t_right, &lfirst, &llast);

      /* flag lines, under everything else */
      if (p)
        {
          cairo_set_line_width (cr, 1);
          for (guint i = lfirst; i < llast; i++)
            {
              double x, y, w, h;
              ImpactColor color;

              if (p->lanes[i] < 0)
                continue;
              label_box (layout, vp, &g, i, p->lanes[i], &x, &y, &w, &h);
              impact_timeline_layout_get_category_color (layout, impact_timeline_layout_get_item (layout, i)->category, &color);
              set_color (cr, &color, 0.55);
              x = floor (x);
              y = floor (y);
              if ((p->lanes[i] & 1) == 0)
                cairo_rectangle (cr, x, y + 1, 1, floor (g.axis_y - MARKER_RADIUS - y - 1));
              else
                cairo_rectangle (cr, x, floor (g.axis_y + MARKER_RADIUS), 1, ceil (y + h - g.axis_y - MARKER_RADIUS));
              cairo_fill (cr);
            }
        }

      if (last - first > vp->width / 4)
        {
          /* Too many to tell apart: a density strip along the axis (one
           * bar per 2 units, its height the log of the count), and markers
           * only for the milestones whose labels are shown. */
          guint n_bins = (guint) ceil (vp->width / 2) + 1;
          g_autofree guint *bins = g_new0 (guint, n_bins);
          guint peak = 1;

          for (guint i = first; i < last; i++)
            {
              double x = impact_timeline_viewport_x_for_time (vp, impact_timeline_layout_get_item (layout, i)->time);
              int b = (int) floor (x / 2);

              if (b >= 0 && (guint) b < n_bins)
                peak = MAX (peak, ++bins[b]);
            }
          set_color (cr, impact_theme_get_primary (theme), 0.55);
          for (guint b = 0; b < n_bins; b++)
            if (bins[b] > 0)
              {
                double h = 2 + 9 * log1p (bins[b]) / log1p (peak);

                cairo_rectangle (cr, b * 2, floor (g.axis_y - h), 2, ceil (2 * h));
              }
          cairo_fill (cr);
          if (p)
            for (guint i = lfirst; i < llast; i++)
              if (p->lanes[i] >= 0)
                draw_marker (cr, layout, vp, &g, i, bg);
        }
      else
        {
          double last_x0 = -G_MAXDOUBLE, last_x1 = -G_MAXDOUBLE;

          /* partial dates: the span they cover, on the axis */
          for (guint i = first; i < last; i++)
            {
              const ImpactTimelineItem *item = impact_timeline_layout_get_item (layout, i);
              double x0, x1;
              ImpactColor color;

              if (item->precision == IMPACT_DATE_PRECISION_DAY)
                continue;
              x0 = impact_timeline_viewport_x_for_time (vp, item->span_start);
              x1 = impact_timeline_viewport_x_for_time (vp, item->span_end);
              if (x1 - x0 < 3 * MARKER_RADIUS || (fabs (x0 - last_x0) < 0.5 && fabs (x1 - last_x1) < 0.5))
                continue;
              last_x0 = x0;
              last_x1 = x1;
              impact_timeline_layout_get_category_color (layout, item->category, &color);
              set_color (cr, &color, 0.28);
              rounded_rect (cr, MAX (x0, -8) + 1, g.axis_y - 2.5, MIN (x1, vp->width + 8) - MAX (x0, -8) - 2, 5, 2.5);
              cairo_fill (cr);
            }

          /* markers: one per spot; a ring for a partial date */
          for (guint i = first; i < last; i++)
            {
              double x = impact_timeline_viewport_x_for_time (vp, impact_timeline_layout_get_item (layout, i)->time);

              if (fabs (x - last_x) < 1.0 && (int) i != vp->selected)
                continue;
              last_x = x;
              draw_marker (cr, layout, vp, &g, i, bg);
            }
        }

      if (vp->selected >= 0 && (guint) vp->selected < n)
        {
          const ImpactTimelineItem *item = impact_timeline_layout_get_item (layout, vp->selected);
          double x = impact_timeline_viewport_x_for_time (vp, item->time);
          ImpactColor color;

          impact_timeline_layout_get_category_color (layout, item->category, &color);
          set_color (cr, &color, 0.25);
          cairo_arc (cr, x, g.axis_y, MARKER_RADIUS + 6, 0, 2 * G_PI);
          cairo_fill (cr);
          set_color (cr, &color, 1);
          cairo_arc (cr, x, g.axis_y, MARKER_RADIUS + 1.5, 0, 2 * G_PI);
          cairo_fill (cr);
        }

      /* labels, each on a card of the background so flag lines pass under;
       * a tagged PDF reads them as a list of the milestones */
      if (p)
        cairo_tag_begin (cr, "L", "");
      if (p)
        for (guint i = lfirst; i < llast; i++)
          {
            double x, y, w, h;
            PangoLayout *pl;

            if (p->lanes[i] < 0)
              continue;
            label_box (layout, vp, &g, i, p->lanes[i], &x, &y, &w, &h);
            if (x + w < 0 || x > vp->width)
              continue;
            pl = impact_timeline_layout_peek_label (layout, i);
            if (pl == NULL)
              {
                if (vp->new_labels > 0 && made >= vp->new_labels)
                  waiting++;
                else
                  {
                    pl = impact_timeline_layout_get_label (layout, i);
                    made++;
                  }
              }
            if ((int) i == vp->selected)
              {
                ImpactColor color;

                impact_timeline_layout_get_category_color (layout, impact_timeline_layout_get_item (layout, i)->category, &color);
                set_color (cr, &color, 0.12);
              }
            else
              set_color (cr, bg, 1);
            /* whole units: a rectilinear fill is pixman's fast path */
            cairo_rectangle (cr, floor (x) + 2, floor (y) - 2, ceil (w) + 1, ceil (h) + 4);
            cairo_fill (cr);
            if (pl)
              {
                cairo_matrix_t m;
                double shift = 0;

                /* a right-aligned label drawn unmirrored: its text ends at the box's right */
                cairo_get_matrix (cr, &m);
                if (m.xx > 0 && pango_layout_get_alignment (pl) == PANGO_ALIGN_RIGHT)
                  shift = w - IMPACT_TIMELINE_LABEL_GAP - IMPACT_TIMELINE_LABEL_MAX_WIDTH;
                /* opaque: the spans' colours are not faded by the card's alpha */
                set_color (cr, text, 1);
                cairo_tag_begin (cr, "LI", "");
                cairo_move_to (cr, x + IMPACT_TIMELINE_LABEL_GAP + shift, y);
                show_tagged (cr, pl, "LBody");
                cairo_tag_end (cr, "LI");
                drawn++;
              }
          }
      if (p)
        cairo_tag_end (cr, "L");
    }

  /* eras: a faint tint across the track, laid over the labels' cards so
   * they do not show as white boxes inside it */
  for (guint i = 0; i < impact_timeline_layout_get_n_eras (layout); i++)
    {
      const ImpactTimelineEra *era = impact_timeline_layout_get_era (layout, i);
      ImpactColor color;
      double x0, x1;

      if (era->end < t_left || era->start > t_right)
        continue;
      impact_timeline_layout_get_category_color (layout, era->category, &color);
      x0 = round (MAX (impact_timeline_viewport_x_for_time (vp, era->start), -4));
      x1 = round (MIN (impact_timeline_viewport_x_for_time (vp, era->end), vp->width + 4));
      set_color (cr, &color, 0.05);
      cairo_rectangle (cr, x0, TOP_PAD, x1 - x0, floor (g.legend_y - TOP_PAD));
      cairo_fill (cr);
    }

  if (vp->legend)
    draw_legend (cr, layout, vp, &g);

  cairo_restore (cr);
  if (deferred)
    *deferred = waiting;
  return drawn;
}

int
impact_timeline_hit_test (ImpactTimelineLayout         *layout,
                          const ImpactTimelineViewport *vp,
                          double                        x,
                          double                        y)
{
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GArray) boxes = impact_timeline_get_label_boxes (layout, vp, &positions);
  ImpactTimelineGeometry g;
  int nearest;

  for (guint i = 0; i < positions->len; i++)
    {
      double *b = &g_array_index (boxes, double, i * 4);

      if (x >= b[0] && x <= b[0] + b[2] && y >= b[1] - 2 && y <= b[1] + b[3] + 2)
        return g_array_index (positions, guint, i);
    }
  impact_timeline_get_geometry (layout, vp, &g);
  if (fabs (y - g.axis_y) > 10)
    return -1;
  nearest = impact_timeline_layout_find_nearest (layout, impact_timeline_viewport_time_at (vp, x));
  if (nearest >= 0 &&
      fabs (impact_timeline_viewport_x_for_time (vp, impact_timeline_layout_get_item (layout, nearest)->time) - x) <= 8)
    return nearest;
  return -1;
}

/* The slide */

PangoLayout *
impact_timeline_text_new (ImpactTimelineLayout *layout,
        const char           *family,
        double                size,
        PangoWeight           weight,
        gboolean              uppercase,
        const char           *text,
        gboolean              rich,
        double                width)
{
  ImpactTextStyle style = { 0 };

  style.family = family;
  style.size = size;
  style.weight = weight;
  style.uppercase = uppercase;
  style.letter_spacing = uppercase ? size * 0.08 : 0;
  style.line_height = rich ? 1.3 : 0;
  style.align = PANGO_ALIGN_LEFT;
  {
    PangoLayout *pl = impact_text_layout_new (impact_timeline_layout_get_context (layout), &style, text, rich, width);

    /* right-to-left: every line from the right edge, whatever its script */
    if (impact_timeline_layout_is_rtl (layout))
      {
        pango_layout_set_auto_dir (pl, FALSE);
        pango_layout_set_alignment (pl, PANGO_ALIGN_RIGHT);
      }
    return pl;
  }
}

static gboolean
check_cairo (cairo_t  *cr,
             GError  **error)
{
  cairo_status_t status = cairo_status (cr);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                   "cannot draw the timeline: %s", cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

#define SLIDE_BAND   92.0
#define SLIDE_MARGIN 36.0

/* The track's viewport on a slide, at (SLIDE_MARGIN - 12, SLIDE_BAND + 16) */
static void
slide_viewport (ImpactTimelineLayout   *layout,
                double                  width,
                double                  height,
                ImpactTimelineViewport *vp)
{
  impact_timeline_viewport_init (vp, width - 2 * SLIDE_MARGIN + 24, height - SLIDE_BAND - 4 - 12 - 34);
  impact_timeline_viewport_fit (vp, layout);
  vp->background = FALSE;
}

void
impact_timeline_slide_get_marker (ImpactTimelineLayout *layout,
                                  double                width,
                                  double                height,
                                  guint                 position,
                                  double               *x,
                                  double               *y)
{
  ImpactTimelineViewport vp;
  ImpactTimelineGeometry g;
  double mx;

  g_return_if_fail (position < impact_timeline_layout_get_n_items (layout));
  slide_viewport (layout, width, height, &vp);
  impact_timeline_get_geometry (layout, &vp, &g);
  mx = SLIDE_MARGIN - 12 + impact_timeline_viewport_x_for_time (&vp, impact_timeline_layout_get_item (layout, position)->time);
  if (x)
    *x = impact_timeline_layout_is_rtl (layout) ? width - mx : mx;
  if (y)
    *y = SLIDE_BAND + 4 + 12 + g.axis_y;
}

gboolean
impact_timeline_render_slide (cairo_t               *cr,
                              ImpactTimelineLayout  *layout,
                              double                 width,
                              double                 height,
                              GError               **error)
{
  return impact_timeline_render_step (cr, layout, width, height, IMPACT_TIMELINE_STEP_OVERVIEW, FALSE, 0, error);
}

void
impact_timeline_draw_overview (cairo_t              *cr,
                               ImpactTimelineLayout *layout,
                               double                width,
                               double                height)
{
  ImpactDocument *doc = impact_timeline_layout_get_document (layout);
  const char *language = impact_document_get_language (doc);
  ImpactDigits digits = impact_format_document_digits (doc);
  ImpactTheme *theme = impact_timeline_layout_get_theme (layout);
  ImpactOrganisation *org = impact_document_get_organisation (doc);
  const ImpactColor *primary = impact_theme_get_primary (theme);
  const ImpactColor *accent = impact_theme_get_accent (theme);
  const ImpactColor *bg = impact_theme_get_background (theme);
  const ImpactColor *text = impact_theme_get_text (theme);
  const char *heading = impact_document_get_milestones_heading (doc);
  const char *office = impact_document_get_office (doc);
  g_autofree char *kicker_text = NULL;
  g_autoptr(PangoLayout) kicker = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  ImpactTimelineViewport vp;
  double band = SLIDE_BAND, margin = SLIDE_MARGIN, w, h;
  guint n = impact_timeline_layout_get_n_items (layout);

  set_color (cr, bg, 1);
  cairo_paint (cr);

  /* title band */
  set_color (cr, primary, 1);
  cairo_rectangle (cr, 0, 0, width, band);
  cairo_fill (cr);
  set_color (cr, accent, 1);
  cairo_rectangle (cr, 0, band, width, 4);
  cairo_fill (cr);

  {
    g_autofree char *count = impact_format_integer (language, digits, n);
    g_autofree char *milestones = impact_sheet_words_format (language, IMPACT_WORD_MILESTONE_COUNT, n,
                                                             "count", count, NULL);

    kicker_text = g_strdup_printf ("%s · %s", impact_text_or (org->short_name, impact_text_or (org->name, "")), milestones);
  }
  kicker = impact_timeline_text_new (layout, impact_theme_get_body_font (theme), 9.5, PANGO_WEIGHT_BOLD, TRUE, kicker_text, FALSE, -1);
  title = impact_timeline_text_new (layout, impact_theme_get_heading_font (theme), 26, PANGO_WEIGHT_BOLD, FALSE,
                  impact_text_or (heading, impact_text_or (office, impact_sheet_word (language, IMPACT_WORD_HEADING_MILESTONES))),
                  FALSE, width - 2 * margin);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  {
    ImpactColor light = mix (accent, bg, 0.35);

    impact_timeline_set_text_color (cr, &light, 1, primary, 9.5, TRUE);
    cairo_move_to (cr, margin, 22);
    show_tagged (cr, kicker, "P");
  }
  impact_text_layout_get_size (title, NULL, &h);
  {
    static const ImpactColor white = { 1, 1, 1 };

    impact_timeline_set_text_color (cr, &white, 1, primary, 26, TRUE);
  }
  cairo_move_to (cr, margin, 40);
  show_tagged (cr, title, "H1");

  /* footer */
  {
    g_autofree char *foot = g_strdup_printf ("%s%s%s", impact_text_or (org->name, ""),
                                             org->website ? "  ·  " : "", org->website ? org->website : "");

    footer = impact_timeline_text_new (layout, impact_theme_get_body_font (theme), 8, PANGO_WEIGHT_NORMAL, FALSE, foot, FALSE, -1);
    impact_text_layout_get_size (footer, &w, &h);
    impact_timeline_set_text_color (cr, text, 0.55, bg, 8, FALSE);
    cairo_move_to (cr, width - margin - w, height - 14 - h);
    show_tagged (cr, footer, "P");
  }

  /* the track: every milestone, with labels where lanes allow */
  slide_viewport (layout, width, height, &vp);
  if (cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE)
    {
      cairo_matrix_t m;

      cairo_get_matrix (cr, &m);
      vp.pixel_scale = fabs (m.xx);
    }
  cairo_save (cr);
  cairo_translate (cr, SLIDE_MARGIN - 12, SLIDE_BAND + 4 + 12);
  impact_timeline_render (cr, layout, &vp);
  cairo_restore (cr);
}

/* The handout */

typedef enum
{
  ROW_YEAR,
  ROW_ERA,
  ROW_MILESTONE,
} RowKind;

typedef struct
{
  RowKind kind;
  guint   position;   /* milestone position or era number */
  int     year;
  double  height;
} Row;

struct _ImpactTimelineHandout
{
  ImpactTimelineLayout *layout;
  double                width, height;
  double                margin;
  double                content_x, content_w, axis_x;
  GArray               *rows;     /* Row */
  GArray               *pages;    /* guint: first row of each page, plus the end */
};

#define HANDOUT_HEADER_FIRST 92.0
#define HANDOUT_HEADER       44.0
#define HANDOUT_FOOTER       28.0
#define YEAR_ROW             30.0

static PangoLayout *
handout_body (ImpactTimelineHandout *ho,
              guint                  position)
{
  ImpactTheme *theme = impact_timeline_layout_get_theme (ho->layout);
  const ImpactMilestone *m = impact_timeline_layout_get_milestone (ho->layout, position);
  const char *desc = m->description ? m->description : "";

  return impact_timeline_text_new (ho->layout, impact_theme_get_body_font (theme), 9.5, PANGO_WEIGHT_NORMAL, FALSE,
                 desc, TRUE, ho->content_w);
}

static double
milestone_row_height (ImpactTimelineHandout *ho,
                      guint                  position)
{
  ImpactTheme *theme = impact_timeline_layout_get_theme (ho->layout);
  const ImpactMilestone *m = impact_timeline_layout_get_milestone (ho->layout, position);
  g_autoptr(PangoLayout) title = impact_timeline_text_new (ho->layout, impact_theme_get_body_font (theme), 11.5, PANGO_WEIGHT_SEMIBOLD,
                                         FALSE, m->title, FALSE, ho->content_w);
  double h, total;

  impact_text_layout_get_size (title, NULL, &total);
  if (m->description && *m->description)
    {
      g_autoptr(PangoLayout) body = handout_body (ho, position);

      impact_text_layout_get_size (body, NULL, &h);
      total += 2 + h;
    }
  if (m->metrics->len > 0)
    total += 14;
  return total + 12;
}

ImpactTimelineHandout *
impact_timeline_handout_new (ImpactTimelineLayout *layout,
                             ImpactPageSize        page_size)
{
  ImpactTimelineHandout *ho = g_new0 (ImpactTimelineHandout, 1);
  guint n = impact_timeline_layout_get_n_items (layout);
  guint n_eras = impact_timeline_layout_get_n_eras (layout);
  guint e = 0;
  int year = G_MININT;
  double y, bottom;

  ho->layout = g_object_ref (layout);
  impact_page_size_get_points (page_size, &ho->width, &ho->height);
  ho->margin = 48;
  ho->axis_x = ho->margin + 86;
  ho->content_x = ho->axis_x + 20;
  ho->content_w = ho->width - ho->margin - ho->content_x;
  ho->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  ho->pages = g_array_new (FALSE, FALSE, sizeof (guint));

  /* rows: a year heading when the year changes, eras where they begin,
   * the milestones */
  for (guint i = 0; i <= n; i++)
    {
      double t = i < n ? impact_timeline_layout_get_item (layout, i)->time : INFINITY;

      while (e < n_eras && impact_timeline_layout_get_era (layout, e)->start <= t)
        {
          Row row = { ROW_ERA, e, (int) floor (impact_timeline_layout_get_era (layout, e)->start), 34 };

          /* an era opens under the heading of the year it starts in */
          if (row.year != year)
            {
              Row heading = { ROW_YEAR, i, row.year, YEAR_ROW };

              year = row.year;
              g_array_append_val (ho->rows, heading);
            }
          g_array_append_val (ho->rows, row);
          e++;
        }
      if (i == n)
        break;
      if ((int) floor (t) != year)
        {
          Row row = { ROW_YEAR, i, (int) floor (t), YEAR_ROW };

          year = row.year;
          g_array_append_val (ho->rows, row);
        }
      {
        Row row = { ROW_MILESTONE, i, year, milestone_row_height (ho, i) };

        g_array_append_val (ho->rows, row);
      }
    }

  /* pages: a row never straddles a page edge; a year heading or an era
   * never ends a page */
  y = ho->margin + HANDOUT_HEADER_FIRST;
  bottom = ho->height - ho->margin - HANDOUT_FOOTER;
  {
    guint zero = 0;

    g_array_append_val (ho->pages, zero);
  }
  for (guint r = 0; r < ho->rows->len; r++)
    {
      Row *row = &g_array_index (ho->rows, Row, r);
      double need = row->height;
      guint page_first = g_array_index (ho->pages, guint, ho->pages->len - 1);

      /* keep headings with the next milestone */
      for (guint k = r; k < ho->rows->len && g_array_index (ho->rows, Row, k).kind != ROW_MILESTONE; k++)
        if (k + 1 < ho->rows->len)
          need += g_array_index (ho->rows, Row, k + 1).height;
      if (y + need > bottom && r > page_first)
        {
          g_array_append_val (ho->pages, r);
          y = ho->margin + HANDOUT_HEADER + (row->kind == ROW_MILESTONE ? YEAR_ROW : 0);
        }
      y += row->height;
    }
  {
    guint end = ho->rows->len;

    g_array_append_val (ho->pages, end);
  }
  return ho;
}

void
impact_timeline_handout_free (ImpactTimelineHandout *ho)
{
  if (ho == NULL)
    return;
  g_clear_object (&ho->layout);
  g_array_unref (ho->rows);
  g_array_unref (ho->pages);
  g_free (ho);
}

guint
impact_timeline_handout_get_n_pages (ImpactTimelineHandout *ho)
{
  return ho->pages->len - 1;
}

void
impact_timeline_handout_get_page_range (ImpactTimelineHandout *ho,
                                        guint                  page,
                                        guint                 *first,
                                        guint                 *last)
{
  guint r0, r1, f = G_MAXUINT, l = 0;

  g_return_if_fail (page < impact_timeline_handout_get_n_pages (ho));
  r0 = g_array_index (ho->pages, guint, page);
  r1 = g_array_index (ho->pages, guint, page + 1);
  for (guint r = r0; r < r1; r++)
    {
      Row *row = &g_array_index (ho->rows, Row, r);

      if (row->kind != ROW_MILESTONE)
        continue;
      f = MIN (f, row->position);
      l = MAX (l, row->position + 1);
    }
  if (f == G_MAXUINT)
    f = l = 0;
  if (first)
    *first = f;
  if (last)
    *last = l;
}

gboolean
impact_timeline_handout_render_page (cairo_t               *cr,
                                     ImpactTimelineHandout *ho,
                                     guint                  page,
                                     GError               **error)
{
  ImpactTimelineLayout *layout = ho->layout;
  ImpactDocument *doc = impact_timeline_layout_get_document (layout);
  const char *language = impact_document_get_language (doc);
  ImpactDigits digits = impact_format_document_digits (doc);
  ImpactTheme *theme = impact_timeline_layout_get_theme (layout);
  const ImpactColor *primary = impact_theme_get_primary (theme);
  const ImpactColor *accent = impact_theme_get_accent (theme);
  const ImpactColor *bg = impact_theme_get_background (theme);
  const ImpactColor *text = impact_theme_get_text (theme);
  const char *body_font = impact_theme_get_body_font (theme);
  const char *heading_font = impact_theme_get_heading_font (theme);
  const char *heading = impact_text_or (impact_document_get_milestones_heading (doc),
                                  impact_text_or (impact_document_get_office (doc),
                                            impact_sheet_word (language, IMPACT_WORD_HEADING_MILESTONES)));
  guint r0, r1, n_pages = impact_timeline_handout_get_n_pages (ho);
  double y, x0 = ho->margin, top_y;
  gboolean in_list = FALSE;

  g_return_val_if_fail (page < n_pages, FALSE);
  r0 = g_array_index (ho->pages, guint, page);
  r1 = g_array_index (ho->pages, guint, page + 1);

  cairo_save (cr);
  if (impact_timeline_layout_is_rtl (layout))
    impact_timeline_mirror (cr, ho->width);
  set_color (cr, bg, 1);
  cairo_paint (cr);

  /* header */
  if (page == 0)
    {
      g_autoptr(PangoLayout) kicker = impact_timeline_text_new (layout, body_font, 9, PANGO_WEIGHT_BOLD, TRUE,
                                              impact_text_or (impact_document_get_office (doc), ""), FALSE, -1);
      g_autoptr(PangoLayout) title = impact_timeline_text_new (layout, heading_font, 24, PANGO_WEIGHT_BOLD, FALSE, heading, FALSE,
                                             ho->width - 2 * ho->margin);

      impact_timeline_set_text_color (cr, accent, 1, bg, 9, TRUE);
      cairo_move_to (cr, x0, ho->margin);
      show_tagged (cr, kicker, "P");
      impact_timeline_set_text_color (cr, primary, 1, bg, 24, TRUE);
      cairo_move_to (cr, x0, ho->margin + 16);
      show_tagged (cr, title, "H1");
      set_color (cr, accent, 1);
      cairo_rectangle (cr, x0, ho->margin + HANDOUT_HEADER_FIRST - 18, 48, 3);
      cairo_fill (cr);
      y = ho->margin + HANDOUT_HEADER_FIRST;
    }
  else
    {
      g_autoptr(PangoLayout) title = impact_timeline_text_new (layout, body_font, 9, PANGO_WEIGHT_SEMIBOLD, TRUE, heading, FALSE, -1);

      impact_timeline_set_text_color (cr, primary, 1, bg, 9, FALSE);
      cairo_move_to (cr, x0, ho->margin);
      impact_timeline_show_text (cr, title, NULL);
      set_color (cr, text, 0.15);
      cairo_rectangle (cr, x0, ho->margin + 18, ho->width - 2 * ho->margin, 0.75);
      cairo_fill (cr);
      y = ho->margin + HANDOUT_HEADER;
    }

  /* footer: page n of N */
  {
    g_autofree char *page_text = impact_format_integer (language, digits, page + 1);
    g_autofree char *pages_text = impact_format_integer (language, digits, n_pages);
    g_autofree char *num = impact_sheet_words_format (language, IMPACT_WORD_PAGE_NUMBER, 0, "page", page_text,
                                                      "pages", pages_text, NULL);
    g_autoptr(PangoLayout) pl = impact_timeline_text_new (layout, body_font, 8, PANGO_WEIGHT_NORMAL, FALSE, num, FALSE, -1);
    double w;

    impact_text_layout_get_size (pl, &w, NULL);
    impact_timeline_set_text_color (cr, text, 0.5, bg, 8, FALSE);
    cairo_move_to (cr, ho->width - ho->margin - w, ho->height - ho->margin - 10);
    impact_timeline_show_text (cr, pl, NULL);
  }

  /* the year carried over from the previous page */
  if (r0 < r1 && g_array_index (ho->rows, Row, r0).kind == ROW_MILESTONE)
    {
      Row *row = &g_array_index (ho->rows, Row, r0);
      g_autofree char *year = impact_format_year (language, digits, row->year);
      g_autofree char *label = impact_sheet_words_format (language, IMPACT_WORD_YEAR_CONTINUED, 0, "year", year, NULL);
      g_autoptr(PangoLayout) pl = impact_timeline_text_new (layout, heading_font, 13, PANGO_WEIGHT_BOLD, FALSE, label, FALSE, -1);

      impact_timeline_set_text_color (cr, primary, 0.7, bg, 13, TRUE);
      cairo_move_to (cr, x0, y + 6);
      impact_timeline_show_text (cr, pl, NULL);
      y += YEAR_ROW;
    }

  /* the track line through the page's rows */
  top_y = y;
  {
    double total = 0;

    for (guint r = r0; r < r1; r++)
      total += g_array_index (ho->rows, Row, r).height;
    set_color (cr, text, 0.18);
    cairo_rectangle (cr, ho->axis_x - 1, top_y, 2, total);
    cairo_fill (cr);
  }

  for (guint r = r0; r < r1; r++)
    {
      Row *row = &g_array_index (ho->rows, Row, r);

      /* the milestones under a year (or an era) are a list: it ends at
       * the next year's heading, an era or the page's end */
      if (row->kind != ROW_MILESTONE && in_list)
        {
          cairo_tag_end (cr, "L");
          in_list = FALSE;
        }
      else if (row->kind == ROW_MILESTONE && !in_list)
        {
          cairo_tag_begin (cr, "L", "");
          in_list = TRUE;
        }
      if (row->kind == ROW_YEAR)
        {
          g_autofree char *label = impact_format_year (language, digits, row->year);
          g_autoptr(PangoLayout) pl = impact_timeline_text_new (layout, heading_font, 16, PANGO_WEIGHT_BOLD, FALSE, label, FALSE, -1);

          impact_timeline_set_text_color (cr, primary, 1, bg, 16, TRUE);
          cairo_move_to (cr, x0, y + 6);
          show_tagged (cr, pl, "H2");
          set_color (cr, primary, 1);
          cairo_rectangle (cr, ho->axis_x - 4, y + 13, 8, 3);
          cairo_fill (cr);
        }
      else if (row->kind == ROW_ERA)
        {
          const ImpactTimelineEra *era = impact_timeline_layout_get_era (layout, row->position);
          const ImpactEra *e = g_ptr_array_index (impact_document_get_eras (doc), era->index);
          g_autofree char *s = impact_format_date (language, digits, &e->start);
          g_autofree char *en = impact_format_date (language, digits, &e->end);
          g_autofree char *label = g_strdup_printf ("%s – %s", s, en);
          g_autoptr(PangoLayout) kind = impact_timeline_text_new (layout, body_font, 7.5, PANGO_WEIGHT_BOLD, TRUE, label, FALSE, -1);
          g_autoptr(PangoLayout) title = impact_timeline_text_new (layout, body_font, 10.5, PANGO_WEIGHT_SEMIBOLD, FALSE, e->title,
                                                 FALSE, ho->content_w - 12);
          ImpactColor color;

          impact_timeline_layout_get_category_color (layout, era->category, &color);
          set_color (cr, &color, 0.12);
          rounded_rect (cr, ho->content_x - 6, y + 2, ho->content_w + 6, row->height - 6, 3);
          cairo_fill (cr);
          set_color (cr, &color, 1);
          cairo_rectangle (cr, ho->content_x - 6, y + 2, 3, row->height - 6);
          cairo_fill (cr);
          {
            ImpactColor tint = mix (bg, &color, 0.12);

            impact_timeline_set_text_color (cr, &color, 1, &tint, 7.5, TRUE);
            cairo_move_to (cr, ho->content_x + 4, y + 5);
            show_tagged (cr, kind, "P");
            impact_timeline_set_text_color (cr, text, 1, &tint, 10.5, FALSE);
          }
          cairo_move_to (cr, ho->content_x + 4, y + 15);
          show_tagged (cr, title, "P");
        }
      else
        {
          const ImpactTimelineItem *item = impact_timeline_layout_get_item (layout, row->position);
          const ImpactMilestone *m = impact_timeline_layout_get_milestone (layout, row->position);
          g_autofree char *date = impact_format_date (language, digits, &m->date);
          g_autoptr(PangoLayout) dl = impact_timeline_text_new (layout, body_font, 8, PANGO_WEIGHT_SEMIBOLD, FALSE, date, FALSE, 80);
          g_autoptr(PangoLayout) title = impact_timeline_text_new (layout, body_font, 11.5, PANGO_WEIGHT_SEMIBOLD, FALSE, m->title,
                                                 FALSE, ho->content_w);
          ImpactColor color;
          double h, ty = y + 4;

          impact_timeline_layout_get_category_color (layout, item->category, &color);
          /* eras this milestone falls in: a bar beside the track */
          for (guint k = 0; k < impact_timeline_layout_get_n_eras (layout); k++)
            {
              const ImpactTimelineEra *era = impact_timeline_layout_get_era (layout, k);
              ImpactColor ec;

              if (item->time < era->start || item->time >= era->end)
                continue;
              impact_timeline_layout_get_category_color (layout, era->category, &ec);
              set_color (cr, &ec, 0.5);
              cairo_rectangle (cr, ho->axis_x - 9 - era->lane * 5, y, 3, row->height);
              cairo_fill (cr);
            }
          /* the date hugs the track: at the right of its box, or mirrored at the left */
          pango_layout_set_auto_dir (dl, FALSE);
          pango_layout_set_alignment (dl, impact_timeline_layout_is_rtl (layout) ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
          impact_timeline_set_text_color (cr, text, 0.65, bg, 8, FALSE);
          cairo_move_to (cr, ho->axis_x - 14 - 80 - 4 * impact_timeline_layout_get_n_era_lanes (layout), ty + 2.5);
          /* a list item: the date its label, the rest its body */
          cairo_tag_begin (cr, "LI", "");
          show_tagged (cr, dl, "Lbl");
          cairo_tag_begin (cr, "LBody", "");
          set_color (cr, bg, 1);
          cairo_arc (cr, ho->axis_x, ty + 7.5, 5.5, 0, 2 * G_PI);
          cairo_fill (cr);
          set_color (cr, &color, 1);
          if (item->precision == IMPACT_DATE_PRECISION_DAY)
            {
              cairo_arc (cr, ho->axis_x, ty + 7.5, 4, 0, 2 * G_PI);
              cairo_fill (cr);
            }
          else
            {
              cairo_set_line_width (cr, 1.6);
              cairo_arc (cr, ho->axis_x, ty + 7.5, 3.4, 0, 2 * G_PI);
              cairo_stroke (cr);
            }
          impact_timeline_set_text_color (cr, text, 1, bg, 11.5, FALSE);
          cairo_move_to (cr, ho->content_x, ty);
          show_tagged (cr, title, "H3");
          impact_text_layout_get_size (title, NULL, &h);
          ty += h + 2;
          if (m->description && *m->description)
            {
              g_autoptr(PangoLayout) body = handout_body (ho, row->position);

              impact_timeline_set_text_color (cr, text, 0.85, bg, 9, FALSE);
              cairo_move_to (cr, ho->content_x, ty);
              show_tagged (cr, body, "P");
              impact_text_layout_get_size (body, NULL, &h);
              ty += h;
            }
          if (m->metrics->len > 0)
            {
              g_autofree char *metrics = impact_format_milestone_metrics (language, digits, m);
              g_autoptr(PangoLayout) ml = impact_timeline_text_new (layout, body_font, 9, PANGO_WEIGHT_BOLD, FALSE, metrics, FALSE,
                                                  ho->content_w);
              ImpactColor dark = mix (&color, text, 0.2);

              impact_timeline_set_text_color (cr, &dark, 1, bg, 9, TRUE);
              cairo_move_to (cr, ho->content_x, ty + 2);
              show_tagged (cr, ml, "P");
            }
          cairo_tag_end (cr, "LBody");
          cairo_tag_end (cr, "LI");
        }
      y += row->height;
    }
  if (in_list)
    cairo_tag_end (cr, "L");
  cairo_restore (cr);
  return check_cairo (cr, error);
}

/* Export */

void
impact_timeline_export_options_init (ImpactTimelineExportOptions *options)
{
  g_return_if_fail (options != NULL);
  memset (options, 0, sizeof *options);
  options->format = IMPACT_EXPORT_FORMAT_PNG;
  options->page_size = IMPACT_PAGE_SIZE_LETTER;
  options->width = 1920;
  options->height = 1080;
}

gboolean
impact_timeline_export (ImpactDocument                    *document,
                        const ImpactTimelineExportOptions *options,
                        GFile                             *output,
                        GError                           **error)
{
  g_autoptr(ImpactTheme) theme = NULL;
  g_autoptr(ImpactTimelineLayout) layout = NULL;
  g_autoptr(ImpactPageSource) source = NULL;
  ImpactPageExportOptions page_options = { 0 };
  g_autofree char *target = NULL;
  int pw, ph;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  target = g_file_get_path (output);
  if (target == NULL)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE, "can only export to local files");
      return FALSE;
    }
  pw = options->width > 0 ? options->width : 1920;
  ph = options->height > 0 ? options->height : 1080;
  if (!options->handout &&
      (pw < IMPACT_TIMELINE_SLIDE_MIN || pw > IMPACT_TIMELINE_SLIDE_MAX ||
       ph < IMPACT_TIMELINE_SLIDE_MIN || ph > IMPACT_TIMELINE_SLIDE_MAX))
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_USAGE,
                   "a slide must be between %d and %d pixels on each side",
                   IMPACT_TIMELINE_SLIDE_MIN, IMPACT_TIMELINE_SLIDE_MAX);
      return FALSE;
    }
  if (options->handout && options->format != IMPACT_EXPORT_FORMAT_PDF)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_USAGE,
                   "the paginated handout is a PDF: name the output .pdf");
      return FALSE;
    }
  if (impact_document_get_milestones (document)->len == 0)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_USAGE, "the sheet has no milestones to put on a timeline");
      return FALSE;
    }

  theme = impact_theme_new (impact_document_get_theme_spec (document), NULL, NULL);
  layout = impact_timeline_layout_new (document, theme);
  if (options->handout)
    source = impact_timeline_page_source_new_handout (layout, options->page_size);
  else
    source = impact_timeline_page_source_new_slide (layout, pw / 2.0, ph / 2.0);
  page_options.format = options->format;
  page_options.first = 0;
  page_options.last = impact_page_source_get_n_pages (source) - 1;
  page_options.pdfx = options->pdfx;
  if (page_options.format != IMPACT_EXPORT_FORMAT_PDF && page_options.last > 0)
    page_options.last = 0;
  return impact_page_source_export (source, &page_options, target, NULL, NULL, error);
}
