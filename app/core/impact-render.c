/* impact-render.c: replays a page's display list on a cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-render"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "impact-direction.h"
#include "impact-error.h"
#include "impact-pdf-finish.h"
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
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
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
  return surface;
}

/* A PDF embeds a photo's own JPEG (DCT) rather than its pixels when the
 * image loader kept the file (impact-image.h). cairo copies the JPEG for
 * a surface of the JPEG's size: the pixels, scaled up to it, are only
 * what cairo would use if it ever had to rasterise the page. */
static gboolean
set_source_jpeg (cairo_t   *cr,
                 GdkPixbuf *pixbuf,
                 cairo_surface_t *pixels)
{
  GBytes *jpeg = g_object_get_data (G_OBJECT (pixbuf), "impact-source-jpeg");
  int jw = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (pixbuf), "impact-source-width"));
  int jh = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (pixbuf), "impact-source-height"));
  double pw = gdk_pixbuf_get_width (pixbuf), ph = gdk_pixbuf_get_height (pixbuf);
  cairo_surface_t *surface;
  cairo_matrix_t m;

  if (jpeg == NULL || jw <= 0 || jh <= 0 ||
      cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_PDF)
    return FALSE;
  if (jw == pw && jh == ph)
    surface = cairo_surface_reference (pixels);
  else
    {
      cairo_t *up;

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, jw, jh);
      up = cairo_create (surface);
      cairo_scale (up, jw / pw, jh / ph);
      cairo_set_source_surface (up, pixels, 0, 0);
      cairo_paint (up);
      cairo_destroy (up);
    }
  cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG,
                               g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg),
                               (cairo_destroy_func_t) g_bytes_unref, g_bytes_ref (jpeg));
  cairo_set_source_surface (cr, surface, 0, 0);
  /* the caller draws in the pixbuf's pixels */
  cairo_matrix_init_scale (&m, jw / pw, jh / ph);
  cairo_pattern_set_matrix (cairo_get_source (cr), &m);
  cairo_surface_destroy (surface);
  return TRUE;
}

static void
impact_render_set_source_pixbuf (cairo_t   *cr,
                                 GdkPixbuf *pixbuf)
{
  cairo_surface_t *surface = surface_from_pixbuf (pixbuf);

  if (!set_source_jpeg (cr, pixbuf, surface))
    cairo_set_source_surface (cr, surface, 0, 0);
  cairo_surface_destroy (surface);
}

static void
draw_image (cairo_t        *cr,
            const ImpactOp *op,
            double          x,
            double          y,
            double          w,
            double          h)
{
  double pw = gdk_pixbuf_get_width (op->pixbuf);
  double ph = gdk_pixbuf_get_height (op->pixbuf);
  double s = MAX (w / pw, h / ph);  /* cover the box, crop the rest */

  cairo_save (cr);
  if (op->round)
    cairo_arc (cr, x + w / 2, y + h / 2, MIN (w, h) / 2, 0, 2 * G_PI);
  else
    cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_translate (cr, x + (w - pw * s) / 2, y + (h - ph * s) / 2);
  cairo_scale (cr, s, s);
  impact_render_set_source_pixbuf (cr, op->pixbuf);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* The trim box and how far colour runs past it (print output) */
typedef struct
{
  double width, height;   /* the trimmed page */
  double bleed;           /* 0 on screen */
} PageFrame;

#define EDGE_EPSILON 0.01

/* A rect or image that touches a trim edge runs on through the bleed. */
static void
bleed_box (const PageFrame *frame,
           double          *x,
           double          *y,
           double          *w,
           double          *h)
{
  double x2 = *x + *w, y2 = *y + *h;

  if (frame->bleed <= 0)
    return;
  if (*x <= EDGE_EPSILON)
    *x -= frame->bleed;
  if (*y <= EDGE_EPSILON)
    *y -= frame->bleed;
  if (x2 >= frame->width - EDGE_EPSILON)
    x2 += frame->bleed;
  if (y2 >= frame->height - EDGE_EPSILON)
    y2 += frame->bleed;
  *w = x2 - *x;
  *h = y2 - *y;
}

static gboolean
on_edge (const PageFrame *frame,
         double           x,
         double           y,
         int              edge)
{
  switch (edge)
    {
    case 0: return y <= EDGE_EPSILON;
    case 1: return x >= frame->width - EDGE_EPSILON;
    case 2: return y >= frame->height - EDGE_EPSILON;
    default: return x <= EDGE_EPSILON;
    }
}

/* Moves a polygon's vertices that lie on a trim edge out into the bleed,
 * along the polygon's side that reaches them, so slanted stripes keep
 * their angle. */
static void
bleed_polygon (const PageFrame *frame,
               double          *pts,
               guint            n)
{
  g_autofree double *orig = g_memdup2 (pts, sizeof (double) * 2 * n);

  for (int edge = 0; edge < 4; edge++)
    for (guint i = 0; i < n; i++)
      {
        double vx = orig[2 * i], vy = orig[2 * i + 1];
        guint prev = (i + n - 1) % n, next = (i + 1) % n;
        double nx, ny, t, along;

        if (!on_edge (frame, vx, vy, edge))
          continue;
        /* the neighbour off this edge gives the direction */
        if (!on_edge (frame, orig[2 * prev], orig[2 * prev + 1], edge))
          nx = orig[2 * prev], ny = orig[2 * prev + 1];
        else if (!on_edge (frame, orig[2 * next], orig[2 * next + 1], edge))
          nx = orig[2 * next], ny = orig[2 * next + 1];
        else
          nx = vx + (edge == 3 ? 1 : edge == 1 ? -1 : 0), ny = vy + (edge == 0 ? 1 : edge == 2 ? -1 : 0);
        along = (edge == 0 || edge == 2) ? fabs (ny - vy) : fabs (nx - vx);
        if (along < 1e-6)
          continue;
        t = frame->bleed / along;
        pts[2 * i] += (vx - nx) * t;
        pts[2 * i + 1] += (vy - ny) * t;
      }
}

/* Notes and their marks: each source (a Note element, "3  Title.") is a
 * named destination of the page; each superscript mark in a text on the
 * same page links to its note (PDF/UA-1: a Link inside the paragraph) */

static int
note_number (const ImpactOp *op)
{
  if (op->kind != IMPACT_OP_TEXT || g_strcmp0 (op->struct_tag, "Note") != 0)
    return -1;
  return g_ascii_isdigit (*pango_layout_get_text (op->layout)) ? atoi (pango_layout_get_text (op->layout)) : -1;
}

static char *
note_dest_name (guint page,
                int   number)
{
  return g_strdup_printf ("note-%u-%d", page + 1, number);
}

/* Links @op's marks to their notes (with @cr NULL, only counts them);
 * returns how many */
static guint
link_marks (cairo_t        *cr,
            const ImpactOp *op,
            guint           page,
            GHashTable     *notes)
{
  guint linked = 0;
  PangoAttrList *attrs;
  const char *text;
  GSList *shifts;

  if (op->kind != IMPACT_OP_TEXT || op->struct_tag == NULL || notes == NULL || g_hash_table_size (notes) == 0)
    return 0;
  attrs = pango_layout_get_attributes (op->layout);
  text = pango_layout_get_text (op->layout);
  if (attrs == NULL)
    return 0;
  shifts = pango_attr_list_get_attributes (attrs);
  for (GSList *l = shifts; l != NULL; l = l->next)
    {
      PangoAttribute *a = l->data;
      double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
      g_autofree char *name = NULL;
      g_autofree char *attributes = NULL;
      int number;

      if (a->klass->type != PANGO_ATTR_BASELINE_SHIFT ||
          ((PangoAttrInt *) a)->value != PANGO_BASELINE_SHIFT_SUPERSCRIPT ||
          a->start_index >= strlen (text))
        continue;
      /* the mark's digits after its word joiner */
      {
        const char *p = text + a->start_index;

        while (*p && !g_ascii_isdigit (*p) && p < text + a->end_index)
          p = g_utf8_next_char (p);
        if (!g_ascii_isdigit (*p))
          continue;
        number = atoi (p);
      }
      if (!g_hash_table_contains (notes, GINT_TO_POINTER (number)))
        continue;
      /* the mark's box: the union of its characters' */
      for (guint i = a->start_index; i < a->end_index && text[i] != '\0'; i = g_utf8_next_char (text + i) - text)
        {
          PangoRectangle r;

          pango_layout_index_to_pos (op->layout, i, &r);
          x0 = MIN (x0, MIN (r.x, r.x + r.width) / (double) PANGO_SCALE);
          x1 = MAX (x1, MAX (r.x, r.x + r.width) / (double) PANGO_SCALE);
          y0 = MIN (y0, r.y / (double) PANGO_SCALE);
          y1 = MAX (y1, (r.y + r.height) / (double) PANGO_SCALE);
        }
      if (x1 - x0 < 0.5 || y1 - y0 < 0.5)
        continue;
      linked++;
      if (cr == NULL)
        continue;
      name = note_dest_name (page, number);
      {
        /* cairo reads its attributes' numbers with a point, whatever the locale */
        char v[4][G_ASCII_DTOSTR_BUF_SIZE];

        g_ascii_formatd (v[0], sizeof v[0], "%.2f", op->x + x0);
        g_ascii_formatd (v[1], sizeof v[1], "%.2f", op->y + y0);
        g_ascii_formatd (v[2], sizeof v[2], "%.2f", x1 - x0);
        g_ascii_formatd (v[3], sizeof v[3], "%.2f", y1 - y0);
        attributes = g_strdup_printf ("rect=[%s %s %s %s] dest='%s'", v[0], v[1], v[2], v[3], name);
      }
      cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
      cairo_tag_end (cr, CAIRO_TAG_LINK);
    }
  g_slist_free_full (shifts, (GDestroyNotify) pango_attribute_destroy);
  return linked;
}

static void
draw_op (cairo_t         *cr,
         const PageFrame *frame,
         const ImpactOp  *op,
         guint            page,
         GHashTable      *notes)
{
  g_autofree char *link = NULL;
  g_autofree char *dest = NULL;
  double x = op->x, y = op->y, w = op->w, h = op->h;
  /* cairo 1.16 marks the content of leaf elements only: a paragraph with
   * links to notes holds its text in a Span, the links after it */
  gboolean marks = link_marks (NULL, op, page, notes) > 0;

  if (note_number (op) >= 0)
    {
      g_autofree char *name = note_dest_name (page, note_number (op));

      dest = g_strdup_printf ("name='%s'", name);
      cairo_tag_begin (cr, CAIRO_TAG_DEST, dest);
    }
  if (op->struct_tag != NULL)
    cairo_tag_begin (cr, op->struct_tag, "");
  if (marks)
    cairo_tag_begin (cr, "Span", "");
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
        {
          bleed_box (frame, &x, &y, &w, &h);
          cairo_rectangle (cr, x, y, w, h);
        }
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
      {
        g_autofree double *pts = g_memdup2 (op->points, sizeof (double) * 2 * op->n_points);

        if (frame->bleed > 0)
          bleed_polygon (frame, pts, op->n_points);
        set_color (cr, &op->color, op->alpha);
        for (guint i = 0; i < op->n_points; i++)
          {
            if (i == 0)
              cairo_move_to (cr, pts[0], pts[1]);
            else
              cairo_line_to (cr, pts[2 * i], pts[2 * i + 1]);
          }
        cairo_close_path (cr);
        cairo_fill (cr);
      }
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
      if (!op->round)
        bleed_box (frame, &x, &y, &w, &h);
      /* a figure of the tagged PDF; cairo 1.16 drops the alt attribute,
       * so export adds /Alt itself (impact-export.c) */
      cairo_tag_begin (cr, "Figure", "");
      draw_image (cr, op, x, y, w, h);
      cairo_tag_end (cr, "Figure");
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
  if (marks)
    {
      cairo_tag_end (cr, "Span");
      link_marks (cr, op, page, notes);
    }
  if (op->struct_tag != NULL)
    cairo_tag_end (cr, op->struct_tag);
  if (dest != NULL)
    cairo_tag_end (cr, CAIRO_TAG_DEST);
}

/* Reading order (the structure tree of a tagged PDF)
 *
 * cairo 1.16 writes structure elements in the order they are begun, which
 * is the order of drawing: the sources and the footer are placed first
 * (the flow needs their height), a row of milestone years before the
 * items under them. The structure must follow the order of reading, and
 * the drawing cannot change (what is on top stays on top), so the finishing
 * step reorders the page's structure elements (impact-pdf-finish.h) by
 * the ranks computed here from the layout's boxes: sections from top to
 * bottom (from the reading side when two start at the same height), within
 * a section what is in no item first, then the items in their own order
 * (logical, so right-to-left pages read from the right), then drawing
 * order. */

typedef struct
{
  guint  unit;     /* index among the page's top-level structure elements */
  double top;      /* of the section box */
  double side;     /* the section box's start on the reading side */
  int    item;     /* -1: not in an item */
  guint  drawn;    /* the op's index */
  int    section;  /* -1: in none */
  double place;    /* within the section: an item's index; what is in no
                    * item comes after the items above it (an era's label
                    * over a second row of milestones), else before all */
} ReadingKey;

/* The first op of the tag span that opens at @begin that is not a tag
 * (with @placed, nor a line or polygon: an op with a place of its own),
 * or NULL; @stop gets the index where the search ended (the span's
 * closing tag, or the page's end) */
static const ImpactOp *
find_in_span (ImpactSheetLayout *layout,
              guint              page,
              guint              begin,
              gboolean           placed,
              guint             *stop)
{
  guint n = impact_sheet_layout_get_n_ops (layout, page);
  int depth = 0;
  guint i;

  for (i = begin; i < n; i++)
    {
      const ImpactOp *op = impact_sheet_layout_get_op (layout, page, i);

      if (op->kind == IMPACT_OP_TAG_BEGIN)
        depth++;
      else if (op->kind == IMPACT_OP_TAG_END)
        {
          if (--depth == 0)
            break;
        }
      else if (!placed || (op->kind != IMPACT_OP_LINE && op->kind != IMPACT_OP_POLYGON))
        return op;
    }
  if (stop != NULL)
    *stop = i;
  return NULL;
}

gboolean
impact_render_tag_is_empty (ImpactSheetLayout *layout,
                            guint              page,
                            guint              index,
                            guint             *end)
{
  guint n = impact_sheet_layout_get_n_ops (layout, page), stop = index;

  if (find_in_span (layout, page, index, FALSE, &stop) != NULL)
    return FALSE;
  if (end != NULL)
    *end = MIN (stop, n - 1);
  return TRUE;
}

/* Whether @op, at the top of the page's tags, begins a structure element
 * of its own (the Document's child) */
static gboolean
op_is_unit (const ImpactOp *op)
{
  switch (op->kind)
    {
    case IMPACT_OP_TAG_BEGIN:
    case IMPACT_OP_IMAGE:
      return TRUE;
    case IMPACT_OP_TAG_END:
      return FALSE;
    default:
      return op->struct_tag != NULL || (op->link != NULL && *op->link != '\0');
    }
}

static gboolean
box_holds (const ImpactBox *box,
           double           x,
           double           y)
{
  return !box->overflow && x >= box->x - 0.5 && x <= box->x + box->width + 0.5 &&
         y >= box->y - 0.5 && y <= box->y + box->height + 0.5;
}

static void
reading_key (ImpactSheetLayout *layout,
             guint              page,
             const ImpactOp    *op,
             gboolean           rtl,
             ReadingKey        *key)
{
  guint n = impact_sheet_layout_get_n_boxes (layout, page);
  double cx = op->x + op->w / 2, cy = op->y + op->h / 2;
  const ImpactBox *section = NULL;

  key->top = op->y;
  key->side = rtl ? -(op->x + op->w) : op->x;
  key->item = -1;
  key->section = -1;
  /* the outermost section box: the footer's band holds the contact's box */
  for (guint i = 0; i < n; i++)
    {
      const ImpactBox *box = impact_sheet_layout_get_box (layout, page, i);

      if (box->item < 0 && box_holds (box, cx, cy) &&
          (section == NULL || box->width * box->height > section->width * section->height))
        section = box;
    }
  if (section == NULL)
    return;
  key->top = section->y;
  key->side = rtl ? -(section->x + section->width) : section->x;
  key->section = section->section;
  /* the item that holds the op (a milestone's box holds its year) */
  for (guint i = 0; i < n; i++)
    {
      const ImpactBox *box = impact_sheet_layout_get_box (layout, page, i);

      if (box->item >= 0 && box->section == section->section && box_holds (box, cx, cy))
        {
          key->item = box->item;
          break;
        }
    }
  key->place = key->item;
  if (key->item >= 0)
    return;
  key->place = -0.5;
  for (guint i = 0; i < n; i++)
    {
      const ImpactBox *box = impact_sheet_layout_get_box (layout, page, i);

      if (box->item >= 0 && box->section == section->section && !box->overflow &&
          box->y + box->height <= op->y + 0.5 && box->item + 0.5 > key->place)
        key->place = box->item + 0.5;
    }
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const ReadingKey *p = a, *q = b;

  if (fabs (p->top - q->top) > 0.5)
    return p->top < q->top ? -1 : 1;
  if (fabs (p->side - q->side) > 0.5)
    return p->side < q->side ? -1 : 1;
  if (p->place != q->place)
    return p->place < q->place ? -1 : 1;
  return p->drawn < q->drawn ? -1 : p->drawn > q->drawn;
}

/* The first op inside a tag span that has a place on the page */
static const ImpactOp *
span_anchor (ImpactSheetLayout *layout,
             guint              page,
             guint              begin)
{
  const ImpactOp *op = find_in_span (layout, page, begin, TRUE, NULL);

  return op != NULL ? op : impact_sheet_layout_get_op (layout, page, begin);
}

/* The key of each top-level structure element, in drawing order */
static GArray *
reading_keys (ImpactSheetLayout *layout,
              guint              page)
{
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (ReadingKey));
  gboolean rtl = impact_document_is_rtl (impact_sheet_layout_get_document (layout));
  guint n = impact_sheet_layout_get_n_ops (layout, page);
  int depth = 0;

  for (guint i = 0; i < n; i++)
    {
      const ImpactOp *op = impact_sheet_layout_get_op (layout, page, i);

      if (op->kind == IMPACT_OP_TAG_BEGIN && impact_render_tag_is_empty (layout, page, i, &i))
        continue;
      if (depth == 0 && op_is_unit (op))
        {
          ReadingKey key = { keys->len, 0, 0, -1, i, -1, -0.5 };

          reading_key (layout, page, op->kind == IMPACT_OP_TAG_BEGIN ? span_anchor (layout, page, i) : op,
                       rtl, &key);
          g_array_append_val (keys, key);
        }
      if (op->kind == IMPACT_OP_TAG_BEGIN)
        depth++;
      else if (op->kind == IMPACT_OP_TAG_END)
        depth--;
    }
  return keys;
}

GArray *
impact_render_get_reading_order (ImpactSheetLayout *layout,
                                 guint              page)
{
  g_autoptr(GArray) keys = NULL;
  GArray *ranks;

  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (layout), NULL);
  g_return_val_if_fail (page < impact_sheet_layout_get_n_pages (layout), NULL);

  keys = reading_keys (layout, page);
  g_array_sort (keys, compare_keys);
  ranks = g_array_sized_new (FALSE, TRUE, sizeof (guint), keys->len);
  g_array_set_size (ranks, keys->len);
  for (guint r = 0; r < keys->len; r++)
    g_array_index (ranks, guint, g_array_index (keys, ReadingKey, r).unit) = r;
  return ranks;
}

GArray *
impact_render_get_list_roles (ImpactSheetLayout *layout,
                              guint              page)
{
  g_autoptr(GArray) keys = NULL;
  g_autoptr(GHashTable) labelled = g_hash_table_new (NULL, NULL);
  GArray *roles;

  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (layout), NULL);
  g_return_val_if_fail (page < impact_sheet_layout_get_n_pages (layout), NULL);

  keys = reading_keys (layout, page);
  roles = g_array_sized_new (FALSE, TRUE, sizeof (ImpactPdfListRole), keys->len);
  for (guint i = 0; i < keys->len; i++)
    {
      const ReadingKey *key = &g_array_index (keys, ReadingKey, i);
      ImpactPdfListRole role = { -1, -1, FALSE };

      /* a milestone: its year (drawn first, in the row above) is the
       * label, its title, text and figures the body */
      if (key->section == IMPACT_SECTION_MILESTONES && key->item >= 0)
        {
          role.list = key->section;
          role.item = key->item;
          role.label = !g_hash_table_contains (labelled, GINT_TO_POINTER (key->item));
          g_hash_table_add (labelled, GINT_TO_POINTER (key->item));
        }
      g_array_append_val (roles, role);
    }
  return roles;
}

/* Whether a layout sets a run right to left: its glyphs are stored in
 * visual order, which reads backwards without /ActualText */
static gboolean
has_rtl_run (PangoLayout *layout)
{
  g_autoptr(PangoLayoutIter) iter = NULL;
  gboolean rtl = FALSE;

  if (layout == NULL)
    return FALSE;
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      rtl = run != NULL && run->item->analysis.level % 2 == 1;
    }
  while (!rtl && pango_layout_iter_next_run (iter));
  return rtl;
}

GPtrArray *
impact_render_get_actual_texts (ImpactSheetLayout *layout,
                                guint              page)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) keys = NULL;

  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (layout), texts);
  g_return_val_if_fail (page < impact_sheet_layout_get_n_pages (layout), texts);

  keys = reading_keys (layout, page);
  for (guint i = 0; i < keys->len; i++)
    {
      const ImpactOp *op = impact_sheet_layout_get_op (layout, page, g_array_index (keys, ReadingKey, i).drawn);
      PangoLayout *text = op->kind == IMPACT_OP_TEXT ? op->layout : NULL;

      g_ptr_array_add (texts, has_rtl_run (text) ? g_strdup (pango_layout_get_text (text)) : NULL);
    }
  return texts;
}

double
impact_render_get_print_margin (double   bleed,
                                gboolean crop_marks)
{
  bleed = MAX (bleed, 0);
  if (!crop_marks)
    return bleed;
  return MAX (bleed + IMPACT_RENDER_MARK_GAP, IMPACT_RENDER_MARK_OFFSET) + IMPACT_RENDER_MARK_LENGTH + 2;
}

/* Trim marks at the four corners, in the slug: they start a gap outside
 * the bleed, so they never print on a trimmed sheet nor touch the colour
 * that runs into the bleed. */
static void
draw_crop_marks (cairo_t *cr,
                 double   width,
                 double   height,
                 double   bleed)
{
  double offset = MAX (bleed + IMPACT_RENDER_MARK_GAP, IMPACT_RENDER_MARK_OFFSET);
  double len = IMPACT_RENDER_MARK_LENGTH;
  const double xs[2] = { 0, width }, ys[2] = { 0, height };

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (int pass = 0; pass < 2; pass++)
    {
      /* a white keyline under the black one keeps the mark visible on a
       * dark slug */
      cairo_set_source_rgb (cr, pass ? 0 : 1, pass ? 0 : 1, pass ? 0 : 1);
      cairo_set_line_width (cr, pass ? 0.25 : 1.0);
      for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
          {
            double x = xs[i], y = ys[j];
            double sx = i ? 1 : -1, sy = j ? 1 : -1;

            cairo_move_to (cr, x + sx * offset, y);
            cairo_line_to (cr, x + sx * (offset + len), y);
            cairo_move_to (cr, x, y + sy * offset);
            cairo_line_to (cr, x, y + sy * (offset + len));
          }
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static gboolean
render_page (cairo_t            *cr,
             ImpactSheetLayout  *layout,
             guint               page,
             double              bleed,
             gboolean            crop_marks,
             GError            **error)
{
  ImpactTheme *theme;
  const ImpactColor *bg;
  PageFrame frame = { 0 };
  g_autoptr(GHashTable) notes = g_hash_table_new (NULL, NULL);
  double margin = impact_render_get_print_margin (bleed, crop_marks);
  cairo_status_t status;
  guint n;

  theme = impact_sheet_layout_get_theme (layout);
  bg = impact_theme_get_background (theme);
  impact_sheet_layout_get_page_extent (layout, &frame.width, &frame.height);
  frame.bleed = MAX (bleed, 0);

  cairo_save (cr);
  cairo_translate (cr, margin, margin);
  if (crop_marks)
    {
      /* the slug stays paper-white whatever the theme's background */
      cairo_save (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_restore (cr);
      draw_crop_marks (cr, frame.width, frame.height, frame.bleed);
    }
  cairo_rectangle (cr, -frame.bleed, -frame.bleed,
                   frame.width + 2 * frame.bleed, frame.height + 2 * frame.bleed);
  cairo_clip (cr);
  set_color (cr, bg, 1.0);
  cairo_paint (cr);

  /* Each page is one structure element of a tagged PDF (other surfaces
   * ignore tags). Tagging also keeps cairo 1.16 from writing a broken
   * cross-reference table for link annotations on untagged pages. */
  cairo_tag_begin (cr, "Document", "");
  n = impact_sheet_layout_get_n_ops (layout, page);
  for (guint i = 0; i < n; i++)
    {
      int number = note_number (impact_sheet_layout_get_op (layout, page, i));

      if (number >= 0)
        g_hash_table_add (notes, GINT_TO_POINTER (number));
    }
  for (guint i = 0; i < n; i++)
    {
      const ImpactOp *op = impact_sheet_layout_get_op (layout, page, i);

      /* a list whose items were all cut off with an overflowing section
       * is no element of the page */
      if (op->kind == IMPACT_OP_TAG_BEGIN && impact_render_tag_is_empty (layout, page, i, &i))
        continue;
      draw_op (cr, &frame, op, page, notes);
    }
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

gboolean
impact_render_page (cairo_t            *cr,
                    ImpactSheetLayout  *layout,
                    guint               page,
                    GError            **error)
{
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (layout), FALSE);
  g_return_val_if_fail (page < impact_sheet_layout_get_n_pages (layout), FALSE);

  return render_page (cr, layout, page, 0, FALSE, error);
}

gboolean
impact_render_page_for_print (cairo_t            *cr,
                              ImpactSheetLayout  *layout,
                              guint               page,
                              double              bleed,
                              gboolean            crop_marks,
                              GError            **error)
{
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (layout), FALSE);
  g_return_val_if_fail (page < impact_sheet_layout_get_n_pages (layout), FALSE);
  g_return_val_if_fail (bleed >= 0 && bleed <= IMPACT_RENDER_MAX_BLEED, FALSE);

  return render_page (cr, layout, page, bleed, crop_marks, error);
}
