/* impact-render.c: replays a page's display list on a cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-render"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "impact-error.h"
#include "impact-render.h"
#include "impact-sheet-layout-private.h"

static void
set_color (cairo_t           *cr,
           const ImpactColor *color,
           double             alpha)
{
  if (alpha >= 1.0)
    cairo_set_source_rgb (cr, color->red, color->green, color->blue);
  else
    cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
}

/* cairo's tag attributes quote strings with single quotes and escape
 * backslashes and quotes inside them. */
static char *
link_attributes (const char *uri)
{
  GString *s = g_string_new ("uri='");

  for (const char *p = uri; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '\'');
  return g_string_free (s, FALSE);
}

/* gdk_cairo_set_source_pixbuf() lives in GDK, which the core must not use:
 * convert the pixbuf's RGB(A) rows to cairo's premultiplied ARGB32. */
static void
impact_render_set_source_pixbuf (cairo_t   *cr,
                                 GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *src = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  guchar *dst;
  int dst_stride;

  cairo_surface_flush (surface);
  dst = cairo_image_surface_get_data (surface);
  dst_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; dst != NULL && y < height; y++)
    {
      const guchar *s = src + (gsize) y * src_stride;
      guint32 *d = (guint32 *) (dst + (gsize) y * dst_stride);

      for (int x = 0; x < width; x++, s += channels)
        {
          guint a = channels == 4 ? s[3] : 255;
          guint r = (s[0] * a + 127) / 255;
          guint g = (s[1] * a + 127) / 255;
          guint b = (s[2] * a + 127) / 255;

          d[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_surface_destroy (surface);
}

static void
draw_image (cairo_t        *cr,
            const ImpactOp *op)
{
  double pw = gdk_pixbuf_get_width (op->pixbuf);
  double ph = gdk_pixbuf_get_height (op->pixbuf);
  double s = MAX (op->w / pw, op->h / ph);  /* cover the box, crop the rest */

  cairo_save (cr);
  if (op->round)
    cairo_arc (cr, op->x + op->w / 2, op->y + op->h / 2, MIN (op->w, op->h) / 2, 0, 2 * G_PI);
  else
    cairo_rectangle (cr, op->x, op->y, op->w, op->h);
  cairo_clip (cr);
  cairo_translate (cr, op->x + (op->w - pw * s) / 2, op->y + (op->h - ph * s) / 2);
  cairo_scale (cr, s, s);
  impact_render_set_source_pixbuf (cr, op->pixbuf);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

static void
draw_op (cairo_t        *cr,
         const ImpactOp *op)
{
  g_autofree char *link = NULL;

  if (op->struct_tag != NULL)
    cairo_tag_begin (cr, op->struct_tag, "");
  if (op->link != NULL && *op->link != '\0')
    {
      link = link_attributes (op->link);
      cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
    }

  switch (op->kind)
    {
    case IMPACT_OP_RECT:
      set_color (cr, &op->color, op->alpha);
      if (op->radius > 0)
        {
          double r = MIN (op->radius, MIN (op->w, op->h) / 2);

          cairo_new_sub_path (cr);
          cairo_arc (cr, op->x + op->w - r, op->y + r, r, -G_PI / 2, 0);
          cairo_arc (cr, op->x + op->w - r, op->y + op->h - r, r, 0, G_PI / 2);
          cairo_arc (cr, op->x + r, op->y + op->h - r, r, G_PI / 2, G_PI);
          cairo_arc (cr, op->x + r, op->y + r, r, G_PI, 3 * G_PI / 2);
          cairo_close_path (cr);
        }
      else
        cairo_rectangle (cr, op->x, op->y, op->w, op->h);
      cairo_fill (cr);
      break;

    case IMPACT_OP_LINE:
      set_color (cr, &op->color, op->alpha);
      cairo_set_line_width (cr, op->line_width);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_move_to (cr, op->x, op->y);
      cairo_line_to (cr, op->x2, op->y2);
      cairo_stroke (cr);
      break;

    case IMPACT_OP_CIRCLE:
      set_color (cr, &op->color, op->alpha);
      cairo_new_sub_path (cr);
      cairo_arc (cr, op->x, op->y, op->radius, 0, 2 * G_PI);
      if (op->line_width > 0)
        {
          cairo_set_line_width (cr, op->line_width);
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);
      break;

    case IMPACT_OP_POLYGON:
      set_color (cr, &op->color, op->alpha);
      for (guint i = 0; i < op->n_points; i++)
        {
          if (i == 0)
            cairo_move_to (cr, op->points[0], op->points[1]);
          else
            cairo_line_to (cr, op->points[2 * i], op->points[2 * i + 1]);
        }
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case IMPACT_OP_TEXT:
      set_color (cr, &op->color, op->alpha);
      cairo_move_to (cr, op->x, op->y);
      pango_cairo_show_layout (cr, op->layout);
      break;

    case IMPACT_OP_ICON:
      set_color (cr, &op->color, op->alpha);
      impact_icon_draw (cr, op->name, op->x, op->y, op->w);
      break;

    case IMPACT_OP_IMAGE:
      draw_image (cr, op);
      break;

    case IMPACT_OP_TAG_BEGIN:
      cairo_tag_begin (cr, op->name, op->attributes ? op->attributes : "");
      break;

    case IMPACT_OP_TAG_END:
      cairo_tag_end (cr, op->name);
      break;

    default:
      g_assert_not_reached ();
    }

  if (link != NULL)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
  if (op->struct_tag != NULL)
    cairo_tag_end (cr, op->struct_tag);
}

gboolean
impact_render_page (cairo_t            *cr,
                    ImpactSheetLayout  *layout,
                    guint               page,
                    GError            **error)
{
  ImpactTheme *theme;
  const ImpactColor *bg;
  double width, height;
  cairo_status_t status;
  guint n;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (layout), FALSE);
  g_return_val_if_fail (page < impact_sheet_layout_get_n_pages (layout), FALSE);

  theme = impact_sheet_layout_get_theme (layout);
  bg = impact_theme_get_background (theme);
  impact_sheet_layout_get_page_extent (layout, &width, &height);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  set_color (cr, bg, 1.0);
  cairo_paint (cr);

  /* Each page is one structure element of a tagged PDF (other surfaces
   * ignore tags). Tagging also keeps cairo 1.16 from writing a broken
   * cross-reference table for link annotations on untagged pages. */
  cairo_tag_begin (cr, "Document", "");
  n = impact_sheet_layout_get_n_ops (layout, page);
  for (guint i = 0; i < n; i++)
    draw_op (cr, impact_sheet_layout_get_op (layout, page, i));
  cairo_tag_end (cr, "Document");
  cairo_restore (cr);

  status = cairo_status (cr);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                   "cannot draw page %u: %s", page + 1, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
