/* impact-sheet-layout.c: places a fact sheet on two pages
 *
 * Page 1 (front): header band with the location, the problem, the progress
 * statistics as big-number panels, the facts with footnote marks, the quote
 * and the numbered sources. Page 2 (back): the approach pillars, the
 * milestone timeline, the profile and the contact footer band.
 *
 * Every page is laid out as a vertical flow between fixed top and bottom
 * parts. When the flow does not fit, body text shrinks in small steps
 * (down to MIN_FIT_SCALE) before the layout reports an overflow that names
 * the section and how much is missing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-sheet-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "impact-sheet-layout-private.h"
#include "impact-emphasis.h"
#include "impact-image.h"
#include "impact-text.h"

#define MIN_FIT_SCALE   0.86
#define FIT_STEP        0.02
#define MAX_SHEET_MILESTONES 4
#define IMAGE_DPI       300.0
/* bold template: the narrow left column of the asymmetric grid */
#define BOLD_LEFT_COLUMN 0.27

struct _ImpactSheetLayout
{
  GObject         parent_instance;

  ImpactDocument *document;
  ImpactTheme    *theme;
  ImpactPageSize  page_size;
  double          width;
  double          height;
  GPtrArray      *pages;      /* of ImpactPageData* */
};

G_DEFINE_FINAL_TYPE (ImpactSheetLayout, impact_sheet_layout, G_TYPE_OBJECT)

typedef struct
{
  ImpactSheetLayout *self;
  ImpactDocument    *doc;
  ImpactTheme       *theme;
  PangoContext      *context;
  ImpactDiagnostics *diagnostics;   /* may be NULL */
  ImpactPageData    *page;
  double             scale;         /* auto-fit factor for flowing text */

  /* grid */
  double             margin;
  double             content_width;
  double             gutter;

  /* the template's design */
  gboolean           bold;
  double             type_scale;    /* of the statistics' labels; 1 on the sheet */
  gboolean           card;          /* a statistics card, not the sheet */

  /* derived colours */
  ImpactColor        on_primary;
  ImpactColor        figure;        /* big numbers on the primary colour */
  ImpactColor        on_accent;     /* icons on accent tiles */
  ImpactColor        muted;
  ImpactColor        rule;

  /* footnote sources in order of first use */
  GPtrArray         *sources;       /* of ImpactSource*, borrowed */
  GHashTable        *source_numbers; /* ImpactSource* (by content) → number; one attempt's */

  /* overflow bookkeeping of the current attempt */
  double             limit;
  char              *overflow_path;  /* owned: a stat row's path is freed with the row */
  double             overflow_amount;
  gboolean           cut_short;      /* a long list was left unfinished past the page */
  const char        *next_tag;       /* structure tag of the next text placed; NULL = "P" */
  gboolean           rtl;            /* a right-to-left document: pages are mirrored */
  char              *longest_path;   /* the tallest text block of the page */
  double             longest_height;
} Builder;

/* Pages and ops */

static void
op_clear (gpointer data)
{
  ImpactOp *op = data;

  g_clear_object (&op->layout);
  g_clear_object (&op->pixbuf);
  g_clear_pointer (&op->name, g_free);
  g_clear_pointer (&op->attributes, g_free);
  g_clear_pointer (&op->link, g_free);
  g_clear_pointer (&op->points, g_free);
}

static ImpactPageData *
page_data_new (void)
{
  ImpactPageData *page = g_new0 (ImpactPageData, 1);

  page->ops = g_array_new (FALSE, TRUE, sizeof (ImpactOp));
  g_array_set_clear_func (page->ops, op_clear);
  page->boxes = g_array_new (FALSE, TRUE, sizeof (ImpactBox));
  return page;
}

static void
page_data_free (gpointer data)
{
  ImpactPageData *page = data;

  if (page == NULL)
    return;
  g_array_unref (page->ops);
  g_array_unref (page->boxes);
  g_free (page);
}

static ImpactOp *
push_op (Builder      *b,
         ImpactOpKind  kind)
{
  ImpactOp op = { 0 };

  op.kind = kind;
  op.alpha = 1.0;
  g_array_append_val (b->page->ops, op);
  return &g_array_index (b->page->ops, ImpactOp, b->page->ops->len - 1);
}

static void
add_rect (Builder           *b,
          double             x,
          double             y,
          double             w,
          double             h,
          double             radius,
          const ImpactColor *color,
          double             alpha)
{
  ImpactOp *op = push_op (b, IMPACT_OP_RECT);

  op->x = x;
  op->y = y;
  op->w = w;
  op->h = h;
  op->radius = radius;
  op->color = *color;
  op->alpha = alpha;
}

static void
add_line (Builder           *b,
          double             x,
          double             y,
          double             x2,
          double             y2,
          double             width,
          const ImpactColor *color,
          double             alpha)
{
  ImpactOp *op = push_op (b, IMPACT_OP_LINE);

  op->x = x;
  op->y = y;
  op->x2 = x2;
  op->y2 = y2;
  op->line_width = width;
  op->color = *color;
  op->alpha = alpha;
}

static void
add_circle (Builder           *b,
            double             cx,
            double             cy,
            double             radius,
            const ImpactColor *color,
            double             stroke_width)
{
  ImpactOp *op = push_op (b, IMPACT_OP_CIRCLE);

  op->x = cx;
  op->y = cy;
  op->radius = radius;
  op->color = *color;
  op->line_width = stroke_width;
}

static void
add_polygon (Builder           *b,
             const double      *points,
             guint              n_points,
             const ImpactColor *color,
             double             alpha)
{
  ImpactOp *op = push_op (b, IMPACT_OP_POLYGON);

  op->points = g_memdup2 (points, sizeof (double) * 2 * n_points);
  op->n_points = n_points;
  op->color = *color;
  op->alpha = alpha;
}

static void
add_icon (Builder           *b,
          const char        *name,
          double             x,
          double             y,
          double             size,
          const ImpactColor *color)
{
  ImpactOp *op = push_op (b, IMPACT_OP_ICON);

  op->name = g_strdup (name);
  op->x = x;
  op->y = y;
  op->w = op->h = size;
  op->color = *color;
}

static void
add_image (Builder    *b,
           GdkPixbuf  *pixbuf,
           const char *json_path,
           double      x,
           double      y,
           double      w,
           double      h,
           gboolean    round,
           const char *alt)
{
  ImpactOp *op = push_op (b, IMPACT_OP_IMAGE);

  op->json_path = json_path;
  op->pixbuf = g_object_ref (pixbuf);
  op->src_width = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (pixbuf), "impact-source-width"));
  op->src_height = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (pixbuf), "impact-source-height"));
  op->x = x;
  op->y = y;
  op->w = w;
  op->h = h;
  op->round = round;
  op->name = g_strdup (alt);
}

/* Places @layout with its top-left at x, y; returns its height. */
static double
place_layout (Builder           *b,
              PangoLayout       *layout,
              double             x,
              double             y,
              const ImpactColor *color,
              double             alpha,
              const char        *link)
{
  ImpactOp *op = push_op (b, IMPACT_OP_TEXT);
  double w, h;

  impact_text_layout_get_size (layout, &w, &h);
  op->layout = layout;  /* takes the reference */
  op->x = x;
  op->y = y;
  op->w = w;
  op->h = h;
  op->color = *color;
  op->alpha = alpha;
  op->link = g_strdup (link);
  /* the PDF structure: a paragraph unless the caller said otherwise; ""
   * marks decoration that is not part of the text */
  op->struct_tag = b->next_tag ? (*b->next_tag ? b->next_tag : NULL) : "P";
  b->next_tag = NULL;
  return h;
}

static void
add_box (Builder       *b,
         ImpactSection  section,
         int            item,
         double         x,
         double         y,
         double         w,
         double         h)
{
  ImpactBox box = { section, item, x, y, w, h };

  g_array_append_val (b->page->boxes, box);
}

/* Text styles */

static ImpactTextStyle
body_style (Builder *b,
            double   size)
{
  ImpactTextStyle style = { 0 };

  style.family = impact_theme_get_body_font (b->theme);
  style.weight = PANGO_WEIGHT_NORMAL;
  style.size = size * b->scale;
  style.line_height = 1.42;
  style.align = PANGO_ALIGN_LEFT;
  return style;
}

static ImpactTextStyle
heading_style (Builder     *b,
               double       size,
               PangoWeight  weight)
{
  ImpactTextStyle style = { 0 };

  style.family = impact_theme_get_heading_font (b->theme);
  style.weight = weight;
  style.size = size;
  style.line_height = 1.08;
  style.align = PANGO_ALIGN_LEFT;
  return style;
}

static ImpactTextStyle
kicker_style (Builder *b,
              double   size)
{
  ImpactTextStyle style = { 0 };

  style.family = impact_theme_get_body_font (b->theme);
  style.weight = PANGO_WEIGHT_BOLD;
  style.size = size;
  style.letter_spacing = size * 0.1;  /* wider tracking breaks text extraction (poppler reads gaps as spaces) */
  style.uppercase = TRUE;
  style.line_height = 1.3;
  style.align = PANGO_ALIGN_LEFT;
  return style;
}

static PangoLayout *
make_text (Builder               *b,
           const ImpactTextStyle *style,
           const char            *text,
           gboolean               rich,
           double                 width)
{
  return impact_text_layout_new (b->context, style, text, rich, width);
}

/* Shrinks a one-line layout's font until it fits @width (not below @min_size). */
static PangoLayout *
make_fitted_line (Builder         *b,
                  ImpactTextStyle  style,
                  const char      *text,
                  double           width,
                  double           min_size)
{
  PangoLayout *layout = make_text (b, &style, text, FALSE, -1);
  double w;

  impact_text_layout_get_size (layout, &w, NULL);
  if (w > width && w > 0)
    {
      style.size = MAX (min_size, floor (style.size * width / w * 10) / 10);
      g_object_unref (layout);
      layout = make_text (b, &style, text, FALSE, style.size <= min_size ? width : -1);
    }
  return layout;
}

/* The largest size not above @style's (nor below @min_size) at which the
 * longest word of @text fits @width, so a narrow column never breaks a
 * word of a heading. */
static double
fit_longest_word (Builder               *b,
                  const ImpactTextStyle *style,
                  const char            *text,
                  double                 width,
                  double                 min_size)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n", -1);
  double size = style->size;

  for (guint i = 0; words[i]; i++)
    {
      g_autoptr(PangoLayout) probe = NULL;
      double w;

      if (*words[i] == '\0')
        continue;
      probe = make_text (b, style, words[i], FALSE, -1);
      impact_text_layout_get_size (probe, &w, NULL);
      if (w > width)
        size = MIN (size, floor (style->size * width / w * 10) / 10);
    }
  return MAX (size, min_size);
}

static void
color_prefix (PangoLayout       *layout,
              guint              n_bytes,
              const ImpactColor *color)
{
  PangoAttrList *attrs = pango_layout_get_attributes (layout);
  g_autoptr(PangoAttrList) copy = attrs ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
  PangoAttribute *attr;

  attr = pango_attr_foreground_new (color->red * 65535, color->green * 65535, color->blue * 65535);
  attr->start_index = 0;
  attr->end_index = n_bytes;
  pango_attr_list_insert (copy, attr);
  pango_layout_set_attributes (layout, copy);
}

static void
append_mark_colored (PangoLayout       *layout,
                     const char        *mark,
                     const ImpactColor *color)
{
  impact_text_layout_append_superscript (layout, mark,
                                         color->red * 65535,
                                         color->green * 65535,
                                         color->blue * 65535);
}

static void
append_mark (Builder     *b,
             PangoLayout *layout,
             const char  *mark)
{
  append_mark_colored (layout, mark, impact_theme_get_accent_text (b->theme));
}


/* Escapes a plain string for use inside a rich text. */
static char *
escape_rich (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p && *p; p++)
    {
      if (*p == '*' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
check_glyphs (Builder     *b,
              PangoLayout *layout,
              const char  *path)
{
  g_autofree char *missing = NULL;
  double height;

  impact_text_layout_get_size (layout, NULL, &height);
  if (height > b->longest_height)
    {
      g_free (b->longest_path);
      b->longest_path = g_strdup (path);
      b->longest_height = height;
    }

  if (b->diagnostics == NULL || b->scale != 1.0)
    return;
  if (impact_text_layout_was_cut (layout))
    impact_diagnostics_add (b->diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, path,
                            "this text is far longer than a page can hold (%d characters); "
                            "only the first few thousand are laid out: shorten it",
                            (int) impact_text_layout_was_cut (layout));
  missing = impact_text_find_missing_glyphs (layout);
  if (missing != NULL)
    impact_diagnostics_add (b->diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, path,
                            "the fonts cannot draw \"%s\"; install a font that covers it "
                            "(for example fonts-noto-core) or choose another font",
                            missing);
}

static void
note_bottom (Builder    *b,
             double      bottom,
             const char *path)
{
  if (bottom > b->limit + 0.01 && b->overflow_path == NULL)
    {
      b->overflow_path = g_strdup (path);
      b->overflow_amount = bottom - b->limit;
    }
}

/* TRUE once a list has run so far past the page that nothing more of it
 * can show: the rest is left out and the page reported as overflowing, so
 * a list of any length costs a page's worth of layout, not its length. */
static gboolean
past_page (Builder    *b,
           double      y,
           const char *path)
{
  if (y <= b->self->height)
    return FALSE;
  note_bottom (b, y, path);
  b->cut_short = TRUE;
  return TRUE;
}

/* How many panels of at least @min_width fit side by side in the measure */
static guint
max_panels (Builder *b,
            double   min_width,
            double   gap)
{
  return (guint) MAX (1, floor ((b->content_width + gap) / (min_width + gap)));
}

/* The statistics stand side by side: past the number whose panels would be
 * too narrow to read, the rest are left out (and laid out at no cost). */
static guint
statistics_shown (Builder *b)
{
  guint n = impact_document_get_statistics (b->doc)->len;

  return MIN (n, b->bold ? max_panels (b, 36, 20) : max_panels (b, 28, 8));
}

/* Images */

static GdkPixbuf *
load_image (Builder    *b,
            const char *path,
            const char *json_path,
            double      width_pt,
            double      height_pt)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean report = b->diagnostics != NULL && b->scale == 1.0;
  ImpactImageInfo info = { 0 };
  GdkPixbuf *pixbuf;

  if (path == NULL || *path == '\0')
    return NULL;

  file = impact_document_resolve_path (b->doc, path);
  pixbuf = impact_image_load (file, (int) ceil (width_pt / 72.0 * IMAGE_DPI),
                              (int) ceil (height_pt / 72.0 * IMAGE_DPI), &info, &error);
  if (pixbuf == NULL && report)
    impact_diagnostics_add (b->diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, json_path,
                            "cannot use image \"%s\": %s; a placeholder is shown",
                            path, error->message);
  else if (pixbuf != NULL && info.damaged && report)
    impact_diagnostics_add (b->diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, json_path,
                            "image \"%s\" is truncated or damaged: part of it prints grey; "
                            "save or export it again from the original",
                            path);
  return pixbuf;
}

/* Sources */

static guint
source_hash (gconstpointer data)
{
  const ImpactSource *source = data;

  return (source->title ? g_str_hash (source->title) : 0) * 31u +
         (source->url ? g_str_hash (source->url) : 0);
}

static gboolean
source_equal (gconstpointer a,
              gconstpointer b)
{
  return impact_source_equal (a, b);
}

/* The footnote number of @source, given on first use: a hash lookup, so
 * that numbering n distinct sources costs O(n), not O(n²). */
static guint
source_number (Builder            *b,
               const ImpactSource *source)
{
  gpointer number;

  g_assert (b->source_numbers != NULL);
  number = g_hash_table_lookup (b->source_numbers, source);
  if (number != NULL)
    return GPOINTER_TO_UINT (number);
  g_ptr_array_add (b->sources, (gpointer) source);
  g_hash_table_insert (b->source_numbers, (gpointer) source, GUINT_TO_POINTER (b->sources->len));
  return b->sources->len;
}

/* A statistic's source becomes a footnote like a fact's; on the primary
 * colour the mark takes the label's colour, the accent being too faint
 * there for type this small. Not on a card, which lists no sources. */
static void
mark_statistic_source (Builder               *b,
                       PangoLayout           *label,
                       const ImpactStatistic *stat)
{
  g_autofree char *mark = NULL;

  if (stat->source == NULL || b->card)
    return;
  mark = g_strdup_printf ("%u", source_number (b, stat->source));
  append_mark_colored (label, mark, &b->on_primary);
}

/* Front page */

static const char *
sheet_title (ImpactDocument *doc)
{
  const char *title = impact_document_get_title (doc);

  return title && *title ? title : impact_document_get_office (doc);
}

/* The logo, or the short name as a boxed wordmark, on the primary colour;
 * returns its height. */
static double
place_wordmark (Builder *b,
                double   x,
                double   y)
{
  ImpactOrganisation *org = impact_document_get_organisation (b->doc);
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  g_autoptr(GdkPixbuf) logo = NULL;
  ImpactTextStyle style;
  PangoLayout *layout;
  const char *mark;
  double tw, th;

  logo = load_image (b, org->logo, "organisation.logo", 120, 36);
  if (logo != NULL)
    {
      double lw = gdk_pixbuf_get_width (logo), lh = gdk_pixbuf_get_height (logo);
      double s = MIN (120 / lw, 32 / lh);

      add_image (b, logo, "organisation.logo", x, y, lw * s, lh * s, FALSE, org->logo_alt ? org->logo_alt : org->name);
      return lh * s;
    }

  mark = org->short_name && *org->short_name ? org->short_name : org->name;
  style = kicker_style (b, 11);
  style.letter_spacing = 0.6;
  style.family = impact_theme_get_heading_font (b->theme);
  style.weight = PANGO_WEIGHT_HEAVY;
  layout = make_fitted_line (b, style, mark, b->content_width * 0.5, 7);
  impact_text_layout_get_size (layout, &tw, &th);
  add_rect (b, x, y, tw + 14, th + 8, 0, &b->on_primary, 1.0);
  add_rect (b, x + 1.5, y + 1.5, tw + 11, th + 5, 0, primary, 1.0);
  place_layout (b, layout, x + 7, y + 4, &b->on_primary, 1.0, NULL);
  return th + 8;
}

static void
front_header (Builder *b,
              double  *y_out)
{
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  double width = b->self->width;
  double band_h = round (b->self->height * 0.175);
  double x = b->margin;
  double mark_y = 34;
  const char *subtitle = impact_document_get_subtitle (b->doc);
  ImpactTextStyle style;
  PangoLayout *layout;
  double h, title_h, sub_h = 0;

  add_rect (b, 0, 0, width, band_h, 0, primary, 1.0);

  /* a quiet diagonal stripe at the right of the band */
  {
    double pts[] = { width * 0.62, band_h, width * 0.80, 0, width * 0.90, 0, width * 0.72, band_h };
    double edge[] = { width * 0.805, band_h, width * 0.985, 0, width * 0.993, 0, width * 0.813, band_h };

    add_polygon (b, pts, 4, &b->on_primary, 0.06);
    add_polygon (b, edge, 4, accent, 0.9);
  }

  h = place_wordmark (b, x, mark_y);

  /* the location, as large as the band allows */
  style = heading_style (b, 46, PANGO_WEIGHT_HEAVY);
  style.uppercase = TRUE;
  style.letter_spacing = -0.6;
  layout = make_fitted_line (b, style, sheet_title (b->doc), width * 0.68 - x, 26);
  check_glyphs (b, layout, "title");
  impact_text_layout_get_size (layout, NULL, &title_h);
  if (subtitle && *subtitle)
    {
      PangoLayout *sub;
      ImpactTextStyle s2 = body_style (b, 11);

      s2.size = 11;
      s2.weight = PANGO_WEIGHT_MEDIUM;
      sub = make_text (b, &s2, subtitle, FALSE, width * 0.62 - x);
      impact_text_layout_get_size (sub, NULL, &sub_h);
      place_layout (b, sub, x, band_h - 26 - sub_h, &b->on_primary, 0.85, NULL);
      sub_h += 4;
    }
  {
    /* scripts with tall marks (Arabic, Bengali) must not reach up into
     * the wordmark: compare the ink, not the line box */
    PangoRectangle ink;
    double ty = band_h - 26 - sub_h - title_h;

    pango_layout_get_extents (layout, &ink, NULL);
    if (ty + ink.y / (double) PANGO_SCALE < mark_y + h + 6)
      ty = mark_y + h + 6 - ink.y / (double) PANGO_SCALE;
    b->next_tag = "H1";
    place_layout (b, layout, x - 2, ty, &b->on_primary, 1.0, NULL);
  }
  add_box (b, IMPACT_SECTION_HEADER, -1, 0, 0, width, band_h);

  /* the accent bar that ties the band to the page */
  add_rect (b, x, band_h - 4, 96, 8, 0, accent, 1.0);
  *y_out = band_h;
}

/* A kicker line (small capitals in the accent colour); returns its height */
static double
place_kicker_colored (Builder           *b,
                      const char        *text,
                      double             x,
                      double             y,
                      double             width,
                      const ImpactColor *color)
{
  ImpactTextStyle style = kicker_style (b, 7.5);
  PangoLayout *layout = make_text (b, &style, text, FALSE, width);

  b->next_tag = "H2";
  return place_layout (b, layout, x, y, color, 1.0, NULL);
}

static double
place_kicker (Builder    *b,
              const char *text,
              double      x,
              double      y,
              double      width)
{
  return place_kicker_colored (b, text, x, y, width, impact_theme_get_accent_text (b->theme));
}

static double
front_problem (Builder *b,
               double   y)
{
  ImpactProblem *problem = impact_document_get_problem (b->doc);
  double x = b->margin, top = y;
  ImpactTextStyle style;
  PangoLayout *layout;

  if ((problem->heading == NULL || !*problem->heading) && (problem->body == NULL || !*problem->body))
    return y;

  if (problem->kicker && *problem->kicker)
    y += place_kicker (b, problem->kicker, x, y, b->content_width) + 2;
  if (problem->heading && *problem->heading)
    {
      style = heading_style (b, 20, PANGO_WEIGHT_HEAVY);
      style.uppercase = TRUE;
      layout = make_text (b, &style, problem->heading, FALSE, b->content_width);
      check_glyphs (b, layout, "problem.heading");
      b->next_tag = "H3";
      y += place_layout (b, layout, x, y, impact_theme_get_primary (b->theme), 1.0, NULL) + 6;
    }
  if (problem->body && *problem->body)
    {
      style = body_style (b, 8.75);
      layout = make_text (b, &style, problem->body, TRUE, b->content_width);
      check_glyphs (b, layout, "problem.body");
      y += place_layout (b, layout, x, y, impact_theme_get_text (b->theme), 1.0, NULL);
    }
  add_box (b, IMPACT_SECTION_PROBLEM, -1, x, top, b->content_width, y - top);
  note_bottom (b, y, "problem.body");
  return y;
}

static void
object_unref0 (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static double
front_statistics (Builder *b,
                  double   y)
{
  GPtrArray *stats = impact_document_get_statistics (b->doc);
  const char *heading = impact_document_get_statistics_heading (b->doc);
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  guint n = statistics_shown (b);
  double x = b->margin, top = y;
  double gap = n > 3 ? 8 : 10;
  double pad = n > 3 ? 12 : 13;
  double panel_w, number_size = n > 4 ? 30 : n > 3 ? 35 : 40;
  double max_ascent = 0, max_label = 0, panel_h, number_top;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) extras = g_ptr_array_new_with_free_func (object_unref0);

  if (n == 0)
    return y;

  if (heading && *heading)
    y += place_kicker (b, heading, x, y, b->content_width) + 5;

  panel_w = (b->content_width - gap * (n - 1)) / n;

  /* One number size for all panels, so the figures share a baseline and
   * read as a set: the largest that fits the widest figure. */
  for (guint i = 0; i < n; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (stats, i);
      g_autofree char *number = impact_statistic_format_number (stat);
      ImpactTextStyle style = heading_style (b, number_size, PANGO_WEIGHT_BOLD);
      g_autoptr(PangoLayout) probe = make_text (b, &style, number, FALSE, -1);
      double w, extra_w = 0;
      double avail = panel_w - 2 * pad - (stat->icon ? 22 : 0);

      if ((stat->scale && *stat->scale) || (stat->suffix && *stat->suffix))
        extra_w = number_size * 0.2;
      impact_text_layout_get_size (probe, &w, NULL);
      if (w + extra_w > avail)
        number_size = MAX (20, number_size * avail / (w + extra_w));
    }

  for (guint i = 0; i < n; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (stats, i);
      g_autofree char *number = impact_statistic_format_number (stat);
      g_autofree char *extra = NULL;
      ImpactTextStyle style = heading_style (b, number_size, PANGO_WEIGHT_BOLD);
      PangoLayout *layout;
      double h;

      style.letter_spacing = -number_size * 0.02;
      layout = make_text (b, &style, number, FALSE, -1);
      check_glyphs (b, layout, "statistics");
      max_ascent = MAX (max_ascent, impact_text_layout_get_baseline (layout));
      g_ptr_array_add (numbers, layout);

      /* scale word and suffix, set smaller on the number's baseline */
      if ((stat->scale && *stat->scale) || (stat->suffix && *stat->suffix))
        {
          extra = g_strdup_printf ("%s%s%s",
                                   stat->suffix ? stat->suffix : "",
                                   stat->suffix && stat->scale ? " " : "",
                                   stat->scale ? stat->scale : "");
          style = heading_style (b, number_size * 0.42, PANGO_WEIGHT_BOLD);
          g_ptr_array_add (extras, make_text (b, &style, extra, FALSE, -1));
        }
      else
        g_ptr_array_add (extras, NULL);

      style = kicker_style (b, 7.5);
      style.letter_spacing = 0.5;
      style.line_height = 1.32;
      layout = make_text (b, &style, stat->label, FALSE, panel_w - 2 * pad);
      mark_statistic_source (b, layout, stat);
      impact_text_layout_get_size (layout, NULL, &h);
      max_label = MAX (max_label, h);
      g_ptr_array_add (labels, layout);
    }

  number_top = y + pad + 2;
  panel_h = pad + 2 + max_ascent + number_size * 0.28 + 8 + max_label + pad;

  for (guint i = 0; i < n; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (stats, i);
      PangoLayout *number = g_ptr_array_index (numbers, i);
      PangoLayout *extra = g_ptr_array_index (extras, i);
      double px = x + i * (panel_w + gap);
      double baseline = number_top + max_ascent;
      double nw;

      add_rect (b, px, y, panel_w, panel_h, 0, primary, 1.0);
      add_rect (b, px, y, panel_w, 4, 0, accent, 1.0);
      if (stat->icon && impact_icon_exists (stat->icon))
        add_icon (b, stat->icon, px + panel_w - pad - 16, y + pad + 2, 16, accent);

      impact_text_layout_get_size (number, &nw, NULL);
      place_layout (b, g_object_ref (number), px + pad - 1,
                    baseline - impact_text_layout_get_baseline (number),
                    &b->on_primary, 1.0, NULL);
      if (extra != NULL)
        place_layout (b, g_object_ref (extra), px + pad + nw + number_size * 0.08,
                      baseline - impact_text_layout_get_baseline (extra),
                      &b->on_primary, 1.0, NULL);
      place_layout (b, g_object_ref (g_ptr_array_index (labels, i)), px + pad,
                    baseline + number_size * 0.28 + 8, &b->on_primary, 0.92, NULL);
      add_box (b, IMPACT_SECTION_STATISTICS, i, px, y, panel_w, panel_h);
    }

  y += panel_h;
  add_box (b, IMPACT_SECTION_STATISTICS, -1, x, top, b->content_width, y - top);
  note_bottom (b, y, "statistics");
  return y;
}

/* Extends the vertical rule ops listed in @rules down to @bottom, then
 * empties the list */
static void
equalise_rules (Builder *b,
                GArray  *rules,
                double   bottom)
{
  for (guint i = 0; i < rules->len; i++)
    g_array_index (b->page->ops, ImpactOp, g_array_index (rules, guint, i)).y2 = bottom;
  g_array_set_size (rules, 0);
}

static double
front_facts (Builder *b,
             double   y)
{
  GPtrArray *facts = impact_document_get_facts (b->doc);
  const char *heading = impact_document_get_facts_heading (b->doc);
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  guint n = facts->len, cols;
  double x = b->margin, top = y, col_w, gap = 14, row_top, row_h = 0;
  g_autoptr(GArray) row_rules = g_array_new (FALSE, FALSE, sizeof (guint));

  if (n == 0)
    return y;

  if (heading && *heading)
    y += place_kicker (b, heading, x, y, b->content_width) + 6;

  cols = MIN (n, 4);
  col_w = (b->content_width - gap * (cols - 1)) / cols;
  row_top = y;

  for (guint i = 0; i < n; i++)
    {
      const ImpactFact *fact = g_ptr_array_index (facts, i);
      guint col = i % cols;
      double cx = x + col * (col_w + gap), cy = row_top, text_x = cx + 10;
      double text_w = col_w - 12;
      /* bold: each fact hangs from a rule across its column */
      double rule_h = b->bold ? 12 : 0;
      g_autoptr(GArray) spans = NULL;
      g_autofree char *plain = impact_emphasis_parse (fact->text, &spans, NULL);
      const char *rest = fact->text;
      g_autofree char *lead = NULL;
      ImpactTextStyle style;
      PangoLayout *layout;
      g_autofree char *path = g_strdup_printf ("facts[%u].text", i);

      if (col == 0 && i > 0)
        {
          equalise_rules (b, row_rules, row_top + row_h);
          row_top += row_h + 14;
          cy = row_top;
          row_h = 0;
          if (past_page (b, row_top, "facts"))
            break;
        }
      if (b->bold)
        {
          text_x = cx;
          text_w = col_w;
          cy += rule_h;
        }

      /* A fact that opens with a bold figure shows the figure as a
       * display line: the eye lands on the number first. */
      if (spans && spans->len > 0 &&
          g_array_index (spans, ImpactEmphasisSpan, 0).start == 0 &&
          g_array_index (spans, ImpactEmphasisSpan, 0).flags == IMPACT_EMPHASIS_BOLD &&
          g_str_has_prefix (fact->text, "**"))
        {
          const ImpactEmphasisSpan *span = &g_array_index (spans, ImpactEmphasisSpan, 0);
          const char *close;

          lead = g_strndup (plain + span->start, span->end - span->start);
          close = strstr (fact->text + 2, "**");
          rest = close ? close + 2 : "";
          while (*rest == ' ')
            rest++;
          if (g_utf8_strlen (lead, -1) > 24)
            {
              /* too long for a display line: keep it inline */
              g_clear_pointer (&lead, g_free);
              rest = fact->text;
            }
        }

      if (lead != NULL)
        {
          style = heading_style (b, (b->bold ? 16 : 14) * b->scale,
                                 b->bold ? PANGO_WEIGHT_HEAVY : PANGO_WEIGHT_BOLD);
          layout = make_text (b, &style, lead, FALSE, text_w);
          cy += place_layout (b, layout, text_x, cy - 1, primary, 1.0, NULL) + 2;
        }

      style = body_style (b, b->bold ? 8.25 : 8.5);
      style.line_height = 1.38;
      layout = make_text (b, &style, rest, TRUE, text_w);
      if (fact->source != NULL)
        {
          g_autofree char *mark = g_strdup_printf ("%u", source_number (b, fact->source));
          append_mark (b, layout, mark);
        }
      check_glyphs (b, layout, path);
      cy += place_layout (b, layout, text_x, cy, impact_theme_get_text (b->theme), 1.0, NULL);

      if (b->bold)
        add_rect (b, cx, row_top, col_w, 3, 0, col == 0 ? accent : primary, 1.0);
      else
        {
          g_array_append_val (row_rules, b->page->ops->len);
          add_line (b, cx + 0.75, row_top, cx + 0.75, cy, col == 0 ? 3 : 1,
                    col == 0 ? accent : &b->rule, 1.0);
        }
      add_box (b, IMPACT_SECTION_FACTS, i, cx, row_top, col_w, cy - row_top);
      row_h = MAX (row_h, cy - row_top);
    }

  /* the rules of a row all run its full height, so the columns read as
   * one band rather than as bars of different lengths */
  equalise_rules (b, row_rules, row_top + row_h);
  y = row_top + row_h;
  add_box (b, IMPACT_SECTION_FACTS, -1, x, top, b->content_width, y - top);
  note_bottom (b, y, "facts");
  return y;
}

static double
front_quote (Builder *b,
             double   y)
{
  ImpactQuote *quote = impact_document_get_quote (b->doc);
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  double x = b->margin, pad = 16, mark_w = 44, top = y, h;
  ImpactTextStyle style;
  PangoLayout *text, *attribution = NULL, *mark;
  double text_h, attr_h = 0;

  if (quote == NULL || quote->text == NULL || !*quote->text)
    return y;

  if (b->bold)
    {
      /* a pull quote: no panel, larger upright type against an accent bar,
       * set in the right-hand column of the problem's grid */
      pad = 0;
      mark_w = round (b->content_width * BOLD_LEFT_COLUMN) + 24;
      style = heading_style (b, 13 * b->scale, PANGO_WEIGHT_SEMIBOLD);
      style.line_height = 1.28;
      style.letter_spacing = -0.1;
    }
  else
    {
      style = body_style (b, 11.5);
      style.style = PANGO_STYLE_ITALIC;
      style.line_height = 1.36;
    }
  text = make_text (b, &style, quote->text, TRUE, b->content_width - 2 * pad - mark_w);
  check_glyphs (b, text, "quote.text");
  impact_text_layout_get_size (text, NULL, &text_h);

  if (quote->attribution && *quote->attribution)
    {
      g_autofree char *line = g_strdup_printf ("— %s%s%s%s",
                                               quote->attribution,
                                               quote->pseudonym ? "*" : "",
                                               quote->role && *quote->role ? ", " : "",
                                               quote->role ? quote->role : "");
      style = kicker_style (b, 7.5);
      style.uppercase = FALSE;
      style.letter_spacing = 0.5;
      attribution = make_text (b, &style, line, FALSE, b->content_width - 2 * pad - mark_w);
      impact_text_layout_get_size (attribution, NULL, &attr_h);
      attr_h += 10;
    }

  h = pad + text_h + attr_h + pad;
  if (b->bold)
    {
      double mx = x + mark_w - 24;

      /* the opening mark, large in the accent colour, hangs left of a bar */
      add_rect (b, mx + 12, y + 2, 4, h - 4, 0, accent, 1.0);
      style = heading_style (b, 96, PANGO_WEIGHT_HEAVY);
      mark = make_text (b, &style, "“", FALSE, -1);
      {
        double mw;

        impact_text_layout_get_size (mark, &mw, NULL);
        b->next_tag = "";
        place_layout (b, mark, mx - mw + 4, y - 26, accent, 1.0, NULL);
      }
    }
  else
    {
      add_rect (b, x, y, b->content_width, h, 0, impact_theme_get_panel (b->theme), 1.0);
      style = heading_style (b, 64, PANGO_WEIGHT_HEAVY);
      mark = make_text (b, &style, "“", FALSE, -1);
      b->next_tag = "";
      place_layout (b, mark, x + pad - 2, y + pad - 14, accent, 1.0, NULL);
    }

  place_layout (b, text, x + pad + mark_w, y + pad, primary, 1.0, NULL);
  if (attribution)
    place_layout (b, attribution, x + pad + mark_w, y + pad + text_h + 10, &b->muted, 1.0, NULL);

  y += h;
  add_box (b, IMPACT_SECTION_QUOTE, -1, x, top, b->content_width, h);
  note_bottom (b, y, "quote.text");
  return y;
}

/* The numbered sources, anchored to the bottom margin; returns their top. */
static double
front_sources (Builder *b,
               double   bottom)
{
  double x = b->margin, y, total = 0, gap = 3;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new ();

  if (b->sources->len == 0)
    return bottom;

  for (guint i = 0; i < b->sources->len; i++)
    {
      const ImpactSource *source = g_ptr_array_index (b->sources, i);
      g_autofree char *line = NULL;
      ImpactTextStyle style = body_style (b, 6.5);
      PangoLayout *layout;
      double h;

      style.size = 6.5;
      style.line_height = 1.3;
      if (source->url && *source->url)
        line = g_strdup_printf ("%u  %s. %s", i + 1, source->title, source->url);
      else
        line = g_strdup_printf ("%u  %s.", i + 1, source->title);
      layout = make_text (b, &style, line, FALSE, b->content_width);
      color_prefix (layout, strchr (line, ' ') - line, impact_theme_get_accent_text (b->theme));
      impact_text_layout_get_size (layout, NULL, &h);
      total += h + (i > 0 ? gap : 0);
      g_ptr_array_add (layouts, layout);
      /* taller than the page: the rest cannot show */
      if (total > b->self->height && i + 1 < b->sources->len)
        {
          if (b->overflow_path == NULL)
            {
              b->overflow_path = g_strdup ("sources");
              b->overflow_amount = total - bottom;
            }
          b->cut_short = TRUE;
          break;
        }
    }

  y = bottom - total;
  add_line (b, x, y - 8, x + 60, y - 8, 0.75, &b->rule, 1.0);
  for (guint i = 0; i < layouts->len; i++)
    {
      const ImpactSource *source = g_ptr_array_index (b->sources, i);
      PangoLayout *layout = g_ptr_array_index (layouts, i);

      double h = place_layout (b, layout, x, y, &b->muted, 1.0, source->url);

      add_box (b, IMPACT_SECTION_SOURCES, i, x, y, b->content_width, h);
      y += h + gap;
    }
  add_box (b, IMPACT_SECTION_SOURCES, -1, x, bottom - total, b->content_width, total);
  return bottom - total - 8;
}


/* Bold template, front page
 *
 * One deep full-bleed band holds the place and the figures: the title set
 * as large as the measure allows, then the statistics as huge numbers
 * straight on the colour, divided by hairlines instead of boxed in panels.
 * An accent stripe closes the band. Below it the problem sits on an
 * asymmetric grid (heading in a narrow left column, text in the wide
 * right one), the facts hang from accent rules and the quote is a pull
 * quote against an accent bar. */

static gboolean
stat_has_extra (const ImpactStatistic *stat)
{
  return (stat->scale && *stat->scale) || (stat->suffix && *stat->suffix);
}

static char *
stat_extra_text (const ImpactStatistic *stat)
{
  return g_strdup_printf ("%s%s%s",
                          stat->suffix ? stat->suffix : "",
                          stat->suffix && *stat->suffix && stat->scale && *stat->scale ? " " : "",
                          stat->scale ? stat->scale : "");
}

/* The statistics as big figures on the band; returns the bottom. */
static double
bold_statistics (Builder *b,
                 double   y)
{
  GPtrArray *stats = impact_document_get_statistics (b->doc);
  const char *heading = impact_document_get_statistics_heading (b->doc);
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  guint n = statistics_shown (b);
  double x = b->margin, top = y, gap = n > 3 ? 20 : 28;
  double col_w, number_size = n > 4 ? 44 : n > 3 ? 52 : 62;
  double max_ascent = 0, max_descent = 0, max_label = 0, icon_w = 0;
  double number_top, baseline, label_top, bottom;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) extras = g_ptr_array_new_with_free_func (object_unref0);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_object_unref);

  if (n == 0)
    return y;

  if (heading && *heading)
    {
      ImpactTextStyle ks = kicker_style (b, 7.5 * b->type_scale);
      PangoLayout *kl = make_text (b, &ks, heading, FALSE, b->content_width - 26 * b->type_scale);
      double kh;

      impact_text_layout_get_size (kl, NULL, &kh);
      add_rect (b, x, y + kh / 2 - 2.5 * b->type_scale, 18 * b->type_scale, 3 * b->type_scale, 0, accent, 1.0);
      b->next_tag = "H2";
      y += place_layout (b, kl, x + 26 * b->type_scale, y, &b->on_primary, 1.0, NULL) + 10 * b->type_scale;
    }

  col_w = (b->content_width - gap * (n - 1)) / n;

  /* one size for every figure, the largest at which the widest fits */
  for (guint i = 0; i < n; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (stats, i);
      g_autofree char *number = impact_statistic_format_number (stat);
      ImpactTextStyle style = heading_style (b, number_size, PANGO_WEIGHT_HEAVY);
      g_autoptr(PangoLayout) probe = NULL;
      double w, extra_w = 0;

      style.letter_spacing = -number_size * 0.03;
      probe = make_text (b, &style, number, FALSE, -1);
      if (stat_has_extra (stat))
        {
          g_autofree char *extra = stat_extra_text (stat);
          ImpactTextStyle es = heading_style (b, number_size * 0.34, PANGO_WEIGHT_BOLD);
          g_autoptr(PangoLayout) ep = make_text (b, &es, extra, FALSE, -1);

          impact_text_layout_get_size (ep, &extra_w, NULL);
          extra_w += number_size * 0.08;
        }
      impact_text_layout_get_size (probe, &w, NULL);
      if (w + extra_w > col_w)
        number_size = MAX (24, number_size * col_w / (w + extra_w));
      if (stat->icon && impact_icon_exists (stat->icon))
        icon_w = 22 * b->type_scale;
    }

  for (guint i = 0; i < n; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (stats, i);
      g_autofree char *number = impact_statistic_format_number (stat);
      g_autofree char *path = g_strdup_printf ("statistics[%u].label", i);
      ImpactTextStyle style = heading_style (b, number_size, PANGO_WEIGHT_HEAVY);
      PangoLayout *layout;
      double h;

      style.letter_spacing = -number_size * 0.03;
      layout = make_text (b, &style, number, FALSE, -1);
      check_glyphs (b, layout, "statistics");
      max_ascent = MAX (max_ascent, impact_text_layout_get_baseline (layout));
      impact_text_layout_get_size (layout, NULL, &h);
      max_descent = MAX (max_descent, h - impact_text_layout_get_baseline (layout));
      g_ptr_array_add (numbers, layout);

      if (stat_has_extra (stat))
        {
          g_autofree char *extra = stat_extra_text (stat);

          style = heading_style (b, number_size * 0.34, PANGO_WEIGHT_BOLD);
          g_ptr_array_add (extras, make_text (b, &style, extra, FALSE, -1));
        }
      else
        g_ptr_array_add (extras, NULL);

      style = body_style (b, 9);
      style.size = 9 * b->type_scale;
      style.weight = PANGO_WEIGHT_MEDIUM;
      style.line_height = 1.28;
      layout = make_text (b, &style, stat->label, FALSE, col_w - 6 - icon_w);
      mark_statistic_source (b, layout, stat);
      check_glyphs (b, layout, path);
      impact_text_layout_get_size (layout, NULL, &h);
      max_label = MAX (max_label, h);
      g_ptr_array_add (labels, layout);
    }

  /* labels of all columns are indented alike when any has an icon */
  for (guint i = 0; i < n && icon_w == 0; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (stats, i);

      if (stat->icon && impact_icon_exists (stat->icon))
        icon_w = 22 * b->type_scale;
    }
  number_top = y;
  baseline = number_top + max_ascent;
  /* the label hangs from the figures' baseline: a fixed distance, so the
   * labels line up even when one figure has a comma's descent */
  label_top = baseline + MAX (number_size * 0.16, 8);
  bottom = label_top + max_label;

  for (guint i = 0; i < n; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (stats, i);
      PangoLayout *number = g_ptr_array_index (numbers, i);
      PangoLayout *extra = g_ptr_array_index (extras, i);
      double px = x + i * (col_w + gap), nw;

      if (i > 0)
        add_line (b, px - gap / 2, y, px - gap / 2, bottom, 0.75, &b->on_primary, 0.28);
      /* the icon leads the label, on its first line */
      if (stat->icon && impact_icon_exists (stat->icon))
        add_icon (b, stat->icon, px, label_top + 0.5 * b->type_scale, 14 * b->type_scale, accent);

      impact_text_layout_get_size (number, &nw, NULL);
      place_layout (b, g_object_ref (number), px - number_size * 0.04,
                    baseline - impact_text_layout_get_baseline (number),
                    &b->figure, 1.0, NULL);
      if (extra != NULL)
        place_layout (b, g_object_ref (extra), px - number_size * 0.04 + nw + number_size * 0.08,
                      baseline - impact_text_layout_get_baseline (extra),
                      &b->on_primary, 1.0, NULL);
      place_layout (b, g_object_ref (g_ptr_array_index (labels, i)), px + icon_w, label_top,
                    &b->on_primary, 1.0, NULL);
      add_box (b, IMPACT_SECTION_STATISTICS, i, px, y, col_w, bottom - y);
    }
  (void) max_descent;
  add_box (b, IMPACT_SECTION_STATISTICS, -1, x, top, b->content_width, bottom - top);
  return bottom;
}

static void
bold_front_band (Builder *b,
                 double  *y_out)
{
  ImpactOrganisation *org = impact_document_get_organisation (b->doc);
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  const char *subtitle = impact_document_get_subtitle (b->doc);
  double width = b->self->width, x = b->margin, y = 26, title_h, header_bottom;
  guint band_op = b->page->ops->len;
  ImpactTextStyle style;
  PangoLayout *layout;
  double mh;

  /* the band goes under everything: size it once its content is placed */
  add_rect (b, 0, 0, width, 0, 0, primary, 1.0);

  mh = place_wordmark (b, x, y);
  if (org->short_name && *org->short_name && org->name && *org->name)
    {
      double w, h;

      style = kicker_style (b, 7);
      style.letter_spacing = 0.7;
      layout = make_text (b, &style, org->name, FALSE, -1);
      impact_text_layout_get_size (layout, &w, &h);
      if (w < b->content_width * 0.6)
        {
          b->next_tag = "";
          place_layout (b, layout, x + b->content_width - w, y + (mh - h) / 2, &b->on_primary, 1.0, NULL);
        }
      else
        g_object_unref (layout);
    }
  y += mh + 20;

  style = heading_style (b, 68, PANGO_WEIGHT_HEAVY);
  style.uppercase = TRUE;
  style.letter_spacing = -1.6;
  style.line_height = 0.95;
  layout = make_fitted_line (b, style, sheet_title (b->doc), b->content_width, 32);
  check_glyphs (b, layout, "title");
  b->next_tag = "H1";
  title_h = place_layout (b, layout, x - 3, y, &b->on_primary, 1.0, NULL);
  y += title_h;
  if (subtitle && *subtitle)
    {
      style = body_style (b, 13);
      style.size = 13;
      style.weight = PANGO_WEIGHT_MEDIUM;
      layout = make_text (b, &style, subtitle, FALSE, b->content_width);
      y += 4 + place_layout (b, layout, x, y + 4, &b->on_primary, 1.0, NULL);
    }
  header_bottom = y + 10;
  add_box (b, IMPACT_SECTION_HEADER, -1, 0, 0, width, header_bottom);

  y += 16;
  if (impact_document_get_statistics (b->doc)->len > 0)
    y = bold_statistics (b, y) + 24;
  else
    y += 8;

  g_array_index (b->page->ops, ImpactOp, band_op).h = y;
  add_rect (b, 0, y, width, 6, 0, accent, 1.0);
  *y_out = y + 6;
}

static double
bold_problem (Builder *b,
              double   y)
{
  ImpactProblem *problem = impact_document_get_problem (b->doc);
  double x = b->margin, top = y, gap = 24;
  double left_w = round (b->content_width * BOLD_LEFT_COLUMN);
  double right_x = x + left_w + gap, right_w = b->content_width - left_w - gap;
  double left_y = y, right_y = y;
  ImpactTextStyle style;
  PangoLayout *layout;

  if ((problem->heading == NULL || !*problem->heading) && (problem->body == NULL || !*problem->body))
    return y;

  if (problem->kicker && *problem->kicker)
    left_y += place_kicker (b, problem->kicker, x, left_y, left_w) + 4;
  if (problem->heading && *problem->heading)
    {
      style = heading_style (b, 24, PANGO_WEIGHT_HEAVY);
      style.uppercase = TRUE;
      style.letter_spacing = -0.3;
      style.line_height = 1.0;
      style.size = fit_longest_word (b, &style, problem->heading, left_w, 14);
      layout = make_text (b, &style, problem->heading, FALSE, left_w);
      check_glyphs (b, layout, "problem.heading");
      b->next_tag = "H3";
      left_y += place_layout (b, layout, x, left_y, impact_theme_get_primary (b->theme), 1.0, NULL);
    }
  if (problem->body && *problem->body)
    {
      style = body_style (b, 8.75);
      style.line_height = 1.45;
      layout = make_text (b, &style, problem->body, TRUE, right_w);
      check_glyphs (b, layout, "problem.body");
      right_y += place_layout (b, layout, right_x, right_y - 1, impact_theme_get_text (b->theme), 1.0, NULL);
    }
  y = MAX (left_y, right_y);
  add_box (b, IMPACT_SECTION_PROBLEM, -1, x, top, b->content_width, y - top);
  note_bottom (b, y, "problem.body");
  return y;
}

static void
layout_front (Builder *b)
{
  double y, bottom = b->self->height - 30;
  double section_gap = 18 * b->scale;

  if (b->bold)
    {
      bold_front_band (b, &y);
      y += 24;
    }
  else
    {
      front_header (b, &y);
      y += 24;
    }

  /* the sources need the footnote numbers, which the statistics and the
   * facts assign in reading order: number them first, then anchor them */
  {
    ImpactPageData *real = b->page;
    GPtrArray *facts = impact_document_get_facts (b->doc);
    GPtrArray *stats = impact_document_get_statistics (b->doc);

    b->page = page_data_new ();
    if (statistics_shown (b) < stats->len && b->diagnostics != NULL && b->scale == 1.0)
      impact_diagnostics_add (b->diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, "statistics",
                              "%u statistics do not fit side by side; the sheet shows the first %u: "
                              "keep the few strongest figures",
                              stats->len, statistics_shown (b));
    for (guint i = 0; i < statistics_shown (b); i++)
      {
        const ImpactStatistic *stat = g_ptr_array_index (stats, i);
        if (stat->source)
          source_number (b, stat->source);
      }
    for (guint i = 0; i < facts->len; i++)
      {
        const ImpactFact *fact = g_ptr_array_index (facts, i);
        if (fact->source)
          source_number (b, fact->source);
      }
    page_data_free (b->page);
    b->page = real;
  }
  b->limit = front_sources (b, bottom) - 12;

  if (b->bold)
    {
      y = bold_problem (b, y);
      y = front_facts (b, y + section_gap);
      y = front_quote (b, y + section_gap + 2 * b->scale);
      return;
    }
  y = front_problem (b, y);
  y = front_statistics (b, y + section_gap);
  y = front_facts (b, y + section_gap);
  y = front_quote (b, y + section_gap);
}

/* Back page */

static double
back_approach (Builder *b,
               double   y)
{
  GPtrArray *pillars = impact_document_get_pillars (b->doc);
  const char *heading = impact_document_get_approach_heading (b->doc);
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  double x = b->margin, top = y, gap = 24, icon = 28;
  guint cols = pillars->len > 1 ? 2 : 1;
  double col_w = (b->content_width - gap * (cols - 1)) / cols;
  double row_top, row_h = 0;

  if (b->bold)
    {
      /* a full-bleed band carries the page's heading, echoing the front */
      guint band_op = b->page->ops->len;
      double band_top = 0;

      add_rect (b, 0, band_top, b->self->width, 0, 0, primary, 1.0);
      top = band_top;
      y = 27;
      if (heading && *heading)
        {
          ImpactTextStyle style = heading_style (b, 28, PANGO_WEIGHT_HEAVY);
          PangoLayout *layout;

          style.letter_spacing = -0.4;
          /* one line, a little smaller if need be, rather than a runt */
          layout = make_fitted_line (b, style, heading, b->content_width, 21);
          check_glyphs (b, layout, "approach_heading");
          b->next_tag = "H2";
          y += place_layout (b, layout, x, y, &b->on_primary, 1.0, NULL);
        }
      y += 18;
      g_array_index (b->page->ops, ImpactOp, band_op).h = y;
      add_rect (b, 0, y, b->self->width, 6, 0, accent, 1.0);
      y += 6 + 22;
    }
  else if (heading && *heading)
    {
      ImpactTextStyle style = heading_style (b, 21, PANGO_WEIGHT_HEAVY);
      PangoLayout *layout = make_text (b, &style, heading, FALSE, b->content_width);

      check_glyphs (b, layout, "approach_heading");
      b->next_tag = "H2";
      y += place_layout (b, layout, x, y, primary, 1.0, NULL) + 12;
    }

  row_top = y;
  for (guint i = 0; i < pillars->len; i++)
    {
      const ImpactPillar *pillar = g_ptr_array_index (pillars, i);
      guint col = i % cols;
      double cx = x + col * (col_w + gap), h;
      double text_x = cx + icon + 10, text_w = col_w - icon - 10;
      g_autofree char *lead = escape_rich (pillar->lead);
      g_autofree char *rich = g_strdup_printf ("**%s** %s", lead, pillar->text ? pillar->text : "");
      g_autofree char *path = g_strdup_printf ("approach[%u].text", i);
      ImpactTextStyle style = body_style (b, b->bold ? 8.25 : 8.5);
      PangoLayout *layout;
      const char *icon_name = pillar->icon && impact_icon_exists (pillar->icon) ? pillar->icon : NULL;

      if (col == 0 && i > 0)
        {
          row_top += row_h + 14 * b->scale;
          row_h = 0;
          if (past_page (b, row_top, "approach"))
            break;
        }

      layout = make_text (b, &style, rich, TRUE, text_w);
      color_prefix (layout, strlen (pillar->lead), primary);
      check_glyphs (b, layout, path);
      h = place_layout (b, layout, text_x, row_top, impact_theme_get_text (b->theme), 1.0, NULL);

      if (b->bold)
        add_rect (b, cx, row_top, icon, icon, 3, accent, 1.0);
      else
        add_circle (b, cx + icon / 2, row_top + icon / 2, icon / 2, primary, 0);
      if (icon_name)
        add_icon (b, icon_name, cx + icon * 0.22, row_top + icon * 0.22, icon * 0.56,
                  b->bold ? &b->on_accent : accent);
      else
        {
          g_autofree char *num = g_strdup_printf ("%u", i + 1);
          ImpactTextStyle ns = heading_style (b, 13, PANGO_WEIGHT_BOLD);
          PangoLayout *nl = make_text (b, &ns, num, FALSE, -1);
          double nw, nh;

          impact_text_layout_get_size (nl, &nw, &nh);
          b->next_tag = "";
          place_layout (b, nl, cx + (icon - nw) / 2, row_top + (icon - nh) / 2,
                        b->bold ? &b->on_accent : accent, 1.0, NULL);
        }

      h = MAX (h, icon);
      add_box (b, IMPACT_SECTION_APPROACH, i, cx, row_top, col_w, h);
      row_h = MAX (row_h, h);
    }
  y = row_top + row_h;
  add_box (b, IMPACT_SECTION_APPROACH, -1, x, top, b->content_width, y - top);
  note_bottom (b, y, "approach");
  return y;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

/* Picks the milestones the sheet shows, in date order (indices into the
 * document's array): all when they fit; else those marked highlight (the
 * most recent of them when too many); else the most recent ones. */
static GArray *
pick_milestones (ImpactDocument *doc,
                 guint           max)
{
  GPtrArray *milestones = impact_document_get_milestones (doc);
  guint n_sorted;
  const guint *order = impact_document_get_milestone_order (doc, &n_sorted);
  GArray *picked = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));

  if (n_sorted <= max)
    {
      g_array_append_vals (picked, order, n_sorted);
      return picked;
    }
  /* positions in the sorted order, so the picks stay chronological */
  for (guint i = n_sorted; i > 0 && positions->len < max; i--)
    {
      const ImpactMilestone *m = g_ptr_array_index (milestones, order[i - 1]);
      if (m->highlight)
        {
          guint pos = i - 1;
          g_array_append_val (positions, pos);
        }
    }
  if (positions->len == 0)
    {
      for (guint i = n_sorted; i > 0 && positions->len < max; i--)
        {
          guint pos = i - 1;
          g_array_append_val (positions, pos);
        }
    }
  g_array_sort (positions, compare_uint);
  for (guint i = 0; i < positions->len; i++)
    g_array_append_val (picked, order[g_array_index (positions, guint, i)]);
  return picked;
}

static double
back_milestones (Builder *b,
                 double   y)
{
  GPtrArray *milestones = impact_document_get_milestones (b->doc);
  const char *heading = impact_document_get_milestones_heading (b->doc);
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  g_autoptr(GArray) picked = NULL;
  double x = b->margin, top = y, col_w, gap = 14, year_h = 0, track_y, bottom;
  guint n, band_op = G_MAXUINT;

  if (milestones->len == 0)
    return y;

  picked = pick_milestones (b->doc, MAX_SHEET_MILESTONES);
  n = picked->len;

  if (b->bold)
    {
      /* the timeline runs across a full-bleed tinted band */
      band_op = b->page->ops->len;
      add_rect (b, 0, y, b->self->width, 0, 0, impact_theme_get_panel (b->theme), 1.0);
      y += 15;
    }
  else
    {
      add_line (b, x, y, x + b->content_width, y, 0.75, &b->rule, 1.0);
      y += 16;
    }

  {
    double kh = 0;

    if (heading && *heading)
      kh = place_kicker (b, heading, x, y, b->content_width * 0.6);
    if (n < milestones->len)
      {
        /* say plainly that this is a selection */
        g_autofree char *note = g_strdup_printf (_("%u of %u milestones shown"), n, milestones->len);
        ImpactTextStyle style = body_style (b, 7.5);
        PangoLayout *layout;
        double w;

        style.size = 7.5;
        style.style = PANGO_STYLE_ITALIC;
        layout = make_text (b, &style, note, FALSE, -1);
        impact_text_layout_get_size (layout, &w, NULL);
        place_layout (b, layout, x + b->content_width - w, y, &b->muted, 1.0, NULL);
      }
    y += kh + 8;
  }

  col_w = (b->content_width - 14 - gap * (MAX (n, 4) - 1)) / MAX (n, 4);

  /* years above the track */
  for (guint i = 0; i < n; i++)
    {
      const ImpactMilestone *m = g_ptr_array_index (milestones, g_array_index (picked, guint, i));
      g_autofree char *year = g_strdup_printf ("%d", m->date.year);
      ImpactTextStyle style = heading_style (b, b->bold ? 24 : 20,
                                             b->bold ? PANGO_WEIGHT_HEAVY : PANGO_WEIGHT_BOLD);
      PangoLayout *layout;
      double h;

      style.letter_spacing = b->bold ? -0.5 : 0;
      layout = make_text (b, &style, year, FALSE, -1);
      h = place_layout (b, layout, x + i * (col_w + gap) - (b->bold ? 1 : 0), y,
                        b->bold ? primary : impact_theme_get_accent_text (b->theme), 1.0, NULL);

      year_h = MAX (year_h, h);
    }
  track_y = y + year_h + 10;

  /* the track: a line with an arrow, a ring per milestone */
  add_line (b, x, track_y, x + b->content_width - 4, track_y, b->bold ? 2 : 1.5, primary, 1.0);
  {
    double ax = x + b->content_width;
    double arrow[] = { ax, track_y, ax - 8, track_y - 4.5, ax - 8, track_y + 4.5 };

    add_polygon (b, arrow, 3, primary, 1.0);
  }

  bottom = track_y + 8;
  for (guint i = 0; i < n; i++)
    {
      guint index = g_array_index (picked, guint, i);
      const ImpactMilestone *m = g_ptr_array_index (milestones, index);
      double cx = x + i * (col_w + gap), cy = track_y + 14;
      g_autofree char *path = g_strdup_printf ("milestones[%u]", index);
      ImpactTextStyle style;
      PangoLayout *layout;

      if (b->bold)
        {
          /* a solid accent dot, set off the track by a ring of the band's tint */
          add_circle (b, cx + 6, track_y, 7.5, impact_theme_get_panel (b->theme), 0);
          add_circle (b, cx + 6, track_y, 6, accent, 0);
        }
      else
        {
          add_circle (b, cx + 6, track_y, 6, impact_theme_get_background (b->theme), 0);
          add_circle (b, cx + 6, track_y, 4.75, accent, 2.5);
        }

      if (impact_date_get_precision (&m->date) > IMPACT_DATE_PRECISION_YEAR)
        {
          g_autofree char *date = impact_date_format (&m->date);

          style = body_style (b, 7.5);
          style.size = 7.5;
          layout = make_text (b, &style, date, FALSE, col_w);
          cy += place_layout (b, layout, cx, cy, &b->muted, 1.0, NULL) + 1;
        }

      style = kicker_style (b, 7.5);
      style.letter_spacing = 0.6;
      style.size = 7.5;
      layout = make_text (b, &style, m->title, FALSE, col_w);
      check_glyphs (b, layout, path);
      cy += place_layout (b, layout, cx, cy, primary, 1.0, NULL) + 3;

      if (m->description && *m->description)
        {
          style = body_style (b, 8);
          style.line_height = 1.38;
          layout = make_text (b, &style, m->description, TRUE, col_w);
          cy += place_layout (b, layout, cx, cy, impact_theme_get_text (b->theme), 1.0, NULL);
        }
      if (m->metrics->len > 0)
        {
          g_autofree char *metrics = impact_milestone_format_metrics (m);

          style = kicker_style (b, 6.5);
          style.letter_spacing = 0.5;
          layout = make_text (b, &style, metrics, FALSE, col_w);
          cy += 4 + place_layout (b, layout, cx, cy + 4, impact_theme_get_accent_text (b->theme), 1.0, NULL);
        }
      add_box (b, IMPACT_SECTION_MILESTONES, index, cx, y, col_w, cy - y);
      bottom = MAX (bottom, cy);
    }

  if (band_op != G_MAXUINT)
    {
      bottom += 14;
      g_array_index (b->page->ops, ImpactOp, band_op).h = bottom - top;
    }
  add_box (b, IMPACT_SECTION_MILESTONES, -1, x, top, b->content_width, bottom - top);
  note_bottom (b, bottom, "milestones");
  return bottom;
}

static char *
initials (const char *name)
{
  GString *out = g_string_new (NULL);
  g_auto(GStrv) words = g_strsplit (name ? name : "", " ", -1);
  guint n = g_strv_length (words);

  for (guint i = 0; i < n; i++)
    {
      if (*words[i] == '\0' || (i != 0 && i != n - 1))
        continue;
      g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (words[i])));
    }
  return g_string_free (out, FALSE);
}

static double
back_profile (Builder *b,
              double   y)
{
  ImpactProfile *profile = impact_document_get_profile (b->doc);
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  double x = b->margin, pad = 16, photo = 64, top = y, ty, text_x, text_w, h;
  double hpad = pad;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  ImpactTextStyle style;
  PangoLayout *layout;
  guint panel_op = G_MAXUINT;

  if (profile == NULL || profile->name == NULL)
    return y;

  if (b->bold)
    {
      /* no panel: a larger portrait on the page's own ground */
      hpad = 0;
      photo = 76;
      pad = 4;
    }
  text_x = x + hpad + photo + (b->bold ? 22 : 20);
  text_w = b->content_width - (text_x - x) - hpad;

  /* the panel goes under the text: add it now, size it once the text is placed */
  if (!b->bold)
    {
      panel_op = b->page->ops->len;
      add_rect (b, x, y, b->content_width, 0, 0, impact_theme_get_panel (b->theme), 1.0);
    }

  ty = y + pad;
  if (profile->role && *profile->role)
    {
      style = kicker_style (b, 7.5);
      layout = make_text (b, &style, profile->role, FALSE, text_w);
      ty += place_layout (b, layout, text_x, ty, impact_theme_get_accent_text (b->theme), 1.0, NULL) + 2;
    }
  style = heading_style (b, b->bold ? 18 : 16, PANGO_WEIGHT_HEAVY);
  style.uppercase = TRUE;
  layout = make_text (b, &style, profile->name, FALSE, text_w);
  check_glyphs (b, layout, "profile.name");
  b->next_tag = "H3";
  ty += place_layout (b, layout, text_x, ty, primary, 1.0, NULL) + 5;
  if (profile->biography && *profile->biography)
    {
      style = body_style (b, 8.5);
      layout = make_text (b, &style, profile->biography, TRUE, text_w);
      check_glyphs (b, layout, "profile.biography");
      ty += place_layout (b, layout, text_x, ty, impact_theme_get_text (b->theme), 1.0, NULL);
    }
  h = MAX (ty + pad - y, photo + 2 * pad);
  if (panel_op != G_MAXUINT)
    g_array_index (b->page->ops, ImpactOp, panel_op).h = h;

  /* photo in a circle, or initials */
  {
    double cx = x + hpad + photo / 2, cy = y + h / 2;

    pixbuf = load_image (b, profile->photo, "profile.photo", photo, photo);
    add_circle (b, cx, cy, photo / 2, primary, 0);
    if (pixbuf != NULL)
      add_image (b, pixbuf, "profile.photo", cx - photo / 2 + 3, cy - photo / 2 + 3, photo - 6, photo - 6, TRUE,
                 profile->photo_alt ? profile->photo_alt : profile->name);
    else
      {
        g_autofree char *ini = initials (profile->name);
        ImpactTextStyle is = heading_style (b, 24, PANGO_WEIGHT_BOLD);
        PangoLayout *il = make_text (b, &is, ini, FALSE, -1);
        double iw, ih;

        impact_text_layout_get_size (il, &iw, &ih);
        place_layout (b, il, cx - iw / 2, cy - ih / 2, &b->on_primary, 1.0, NULL);
      }
    add_circle (b, cx, cy, photo / 2 - 1.75, accent, 3.5);
  }

  y += h;
  add_box (b, IMPACT_SECTION_PROFILE, -1, x, top, b->content_width, h);
  note_bottom (b, y, "profile.biography");
  return y;
}

/* The footer band, anchored to the bottom edge; returns its top. */
static double
back_footer (Builder *b)
{
  ImpactOrganisation *org = impact_document_get_organisation (b->doc);
  ImpactFooter *footer = impact_document_get_footer (b->doc);
  ImpactQuote *quote = impact_document_get_quote (b->doc);
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  double x = b->margin, pad = 20, contact_w = 128, col_gap = 28;
  double about_x = x + contact_w + col_gap, about_w = b->content_width - contact_w - col_gap;
  double contact_h = 0, about_h = 0, fine_h = 0, band_h, top, y;
  GString *contact = g_string_new (NULL);
  g_autoptr(GString) fine = g_string_new (NULL);
  PangoLayout *contact_layout = NULL, *web_layout = NULL, *about_layout = NULL, *fine_layout = NULL;
  ImpactTextStyle style;
  double web_h = 0;

  for (guint i = 0; org->address && org->address[i]; i++)
    g_string_append_printf (contact, "%s%s", contact->len ? "\n" : "", org->address[i]);
  if (org->phone && *org->phone)
    g_string_append_printf (contact, "%s%s %s", contact->len ? "\n" : "", C_("phone abbreviation", "P"), org->phone);
  if (org->fax && *org->fax)
    g_string_append_printf (contact, "%s%s %s", contact->len ? "\n" : "", C_("fax abbreviation", "F"), org->fax);
  if (org->email && *org->email)
    g_string_append_printf (contact, "%s%s", contact->len ? "\n" : "", org->email);

  style = body_style (b, 8.25);
  style.size = 8.25;
  style.line_height = 1.42;
  if (contact->len)
    {
      contact_layout = make_text (b, &style, contact->str, FALSE, contact_w);
      impact_text_layout_get_size (contact_layout, NULL, &contact_h);
    }
  g_string_free (contact, TRUE);

  if (org->website && *org->website)
    {
      const char *shown = org->website;
      g_autofree char *trimmed = NULL;

      if (g_str_has_prefix (shown, "https://"))
        shown += 8;
      else if (g_str_has_prefix (shown, "http://"))
        shown += 7;
      if (g_str_has_prefix (shown, "www."))
        shown += 4;
      trimmed = g_strdup (shown);
      if (g_str_has_suffix (trimmed, "/"))
        trimmed[strlen (trimmed) - 1] = '\0';
      style = heading_style (b, 11, PANGO_WEIGHT_BOLD);
      web_layout = make_text (b, &style, trimmed, FALSE, contact_w);
      impact_text_layout_get_size (web_layout, NULL, &web_h);
      web_h += 6;
    }

  if (footer->about && *footer->about)
    {
      style = body_style (b, 8.25);
      style.size = 8.25;
      style.line_height = 1.45;
      about_layout = make_text (b, &style, footer->about, TRUE, about_w);
      check_glyphs (b, about_layout, "footer.about");
      impact_text_layout_get_size (about_layout, NULL, &about_h);
    }

  if (footer->disclaimer && *footer->disclaimer)
    {
      /* the pseudonym mark of the quote points here */
      if (quote && quote->pseudonym && footer->disclaimer[0] != '*')
        g_string_append (fine, "*");
      g_string_append (fine, footer->disclaimer);
    }
  if (footer->copyright && *footer->copyright)
    g_string_append_printf (fine, "%s%s", fine->len ? "  " : "", footer->copyright);
  if (fine->len)
    {
      style = body_style (b, 6.5);
      style.size = 6.5;
      style.line_height = 1.35;
      fine_layout = make_text (b, &style, fine->str, FALSE, b->content_width);
      impact_text_layout_get_size (fine_layout, NULL, &fine_h);
    }

  band_h = pad + MAX (contact_h + web_h, about_h) + (fine_h > 0 ? 13 + fine_h + 11 : pad);
  top = b->self->height - band_h;
  add_rect (b, 0, top, b->self->width, band_h, 0, primary, 1.0);
  if (b->bold)
    add_rect (b, 0, top, b->self->width, 5, 0, impact_theme_get_accent (b->theme), 1.0);

  y = top + pad;
  if (contact_layout)
    place_layout (b, contact_layout, x, y, &b->on_primary, 0.92, NULL);
  if (web_layout)
    place_layout (b, web_layout, x, y + contact_h + 6, &b->on_primary, 1.0, org->website);
  if (about_layout)
    {
      add_line (b, about_x - col_gap / 2, y, about_x - col_gap / 2, y + MAX (contact_h + web_h, about_h),
                0.75, &b->on_primary, 0.35);
      place_layout (b, about_layout, about_x, y, &b->on_primary, 0.92, NULL);
    }
  add_box (b, IMPACT_SECTION_CONTACT, -1, x, y, contact_w, contact_h + web_h);
  if (fine_layout)
    {
      double fy = y + MAX (contact_h + web_h, about_h) + 13;

      add_line (b, x, fy - 7, x + b->content_width, fy - 7, 0.5, &b->on_primary, 0.3);
      place_layout (b, fine_layout, x, fy, &b->on_primary, 0.75, NULL);
    }
  add_box (b, IMPACT_SECTION_FOOTER, -1, 0, top, b->self->width, band_h);
  return top;
}

static void
layout_back (Builder *b)
{
  double y = b->bold ? 0 : b->margin - 6;
  double section_gap = 16 * b->scale;

  b->limit = back_footer (b) - (b->bold ? 14 : 16);
  y = back_approach (b, y);
  y = back_milestones (b, y + section_gap);
  y = back_profile (b, y + section_gap - (b->bold ? 2 : 0));
}

/* Statistics card: the figures alone, for social media
 *
 * The whole card is the primary colour. A wide card (1200 × 630) sets the
 * figures in a row, as on the bold front page; a square or tall one
 * stacks them, each figure beside its label, divided by hairlines. An
 * accent stripe and the organisation's name and web address close it. */

static char *
display_website (const char *url)
{
  const char *shown = url;
  char *trimmed;

  if (g_str_has_prefix (shown, "https://"))
    shown += 8;
  else if (g_str_has_prefix (shown, "http://"))
    shown += 7;
  if (g_str_has_prefix (shown, "www."))
    shown += 4;
  trimmed = g_strdup (shown);
  if (g_str_has_suffix (trimmed, "/"))
    trimmed[strlen (trimmed) - 1] = '\0';
  return trimmed;
}

/* Stacked figures between @y and @bottom; returns the bottom used */
static double
card_statistics_stacked (Builder *b,
                         double   y,
                         double   bottom)
{
  GPtrArray *stats = impact_document_get_statistics (b->doc);
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  guint n = stats->len;
  double x = b->margin, top = y, row_h, number_size, num_w = 0;
  double label_x, label_w, label_size;
  gboolean any_icon = FALSE;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_object_unref);

  row_h = (bottom - y) / n;
  number_size = MIN (row_h * 0.62, b->self->width * 0.16);
  label_size = MAX (9, MIN (round (b->self->width * 0.026), round (row_h * 0.2)));
  /* one size for all, the largest at which the widest fits 55 % */
  for (guint i = 0; i < n; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (stats, i);
      g_autofree char *number = impact_statistic_format_number (stat);
      ImpactTextStyle style = heading_style (b, number_size, PANGO_WEIGHT_HEAVY);
      g_autoptr(PangoLayout) probe = NULL;
      double w;

      style.letter_spacing = -number_size * 0.03;
      probe = make_text (b, &style, number, FALSE, -1);
      impact_text_layout_get_size (probe, &w, NULL);
      if (w > b->content_width * 0.55)
        number_size = number_size * b->content_width * 0.55 / w;
    }
  for (guint i = 0; i < n; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (stats, i);
      g_autofree char *number = impact_statistic_format_number (stat);
      ImpactTextStyle style = heading_style (b, number_size, PANGO_WEIGHT_HEAVY);
      PangoLayout *layout;
      double w;

      style.letter_spacing = -number_size * 0.03;
      layout = make_text (b, &style, number, FALSE, -1);
      check_glyphs (b, layout, "statistics");
      impact_text_layout_get_size (layout, &w, NULL);
      num_w = MAX (num_w, w);
      g_ptr_array_add (numbers, layout);
    }
  for (guint i = 0; i < n; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (stats, i);

      any_icon |= stat->icon && impact_icon_exists (stat->icon);
    }
  label_x = x + num_w + b->margin * 0.6;
  label_w = x + b->content_width - label_x;

  for (guint i = 0; i < n; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (stats, i);
      PangoLayout *number = g_ptr_array_index (numbers, i);
      double ry = y + i * row_h, baseline, nh, lh;
      g_autofree char *path = g_strdup_printf ("statistics[%u].label", i);
      g_autofree char *label = NULL;
      ImpactTextStyle style;
      PangoLayout *layout;
      double lx = label_x;

      if (i > 0)
        add_line (b, x, ry, x + b->content_width, ry, 1, &b->on_primary, 0.28);
      impact_text_layout_get_size (number, NULL, &nh);
      /* centre the figure's cap height in the row */
      baseline = ry + row_h / 2 + number_size * 0.36;
      place_layout (b, g_object_ref (number), x - number_size * 0.04,
                    baseline - impact_text_layout_get_baseline (number), &b->figure, 1.0, NULL);

      /* the scale word and suffix lead the label: "million people …" */
      if (stat_has_extra (stat))
        {
          g_autofree char *extra = stat_extra_text (stat);

          label = g_strdup_printf ("%s %s", extra, stat->label);
        }
      else
        label = g_strdup (stat->label);
      style = body_style (b, label_size);
      style.size = label_size;
      style.weight = PANGO_WEIGHT_MEDIUM;
      style.line_height = 1.25;
      if (n > 3 && any_icon)
        {
          /* rows too low to stack: the icon leads the label's first line */
          double ih = label_size * 1.2, gap = label_size * 0.6;

          layout = make_text (b, &style, label, FALSE, label_w - ih - gap);
          check_glyphs (b, layout, path);
          impact_text_layout_get_size (layout, NULL, &lh);
          if (stat->icon && impact_icon_exists (stat->icon))
            add_icon (b, stat->icon, lx, ry + row_h / 2 - lh / 2 + label_size * 0.2 +
                      (label_size * 1.25 - ih) / 2, ih, accent);
          place_layout (b, layout, lx + ih + gap, ry + row_h / 2 - lh / 2 + label_size * 0.2,
                        &b->on_primary, 1.0, NULL);
          add_box (b, IMPACT_SECTION_STATISTICS, i, x, ry, b->content_width, row_h);
          note_bottom (b, ry + row_h / 2 + lh / 2 + label_size * 0.2, path);
          continue;
        }
      layout = make_text (b, &style, label, FALSE, label_w);
      check_glyphs (b, layout, path);
      impact_text_layout_get_size (layout, NULL, &lh);
      /* the icon heads the label, the pair centred on the figure */
      if (stat->icon && impact_icon_exists (stat->icon))
        {
          double ih = label_size * 1.3, gap = label_size * 0.5;
          double ty = ry + row_h / 2 - (ih + gap + lh) / 2 + label_size * 0.2;

          add_icon (b, stat->icon, lx, ty, ih, accent);
          place_layout (b, layout, lx, ty + ih + gap, &b->on_primary, 1.0, NULL);
        }
      else
        place_layout (b, layout, lx, ry + row_h / 2 - lh / 2 + label_size * 0.2, &b->on_primary, 1.0, NULL);
      add_box (b, IMPACT_SECTION_STATISTICS, i, x, ry, b->content_width, row_h);
      note_bottom (b, ry + row_h / 2 + lh / 2 + label_size * 0.4, path);
    }
  add_box (b, IMPACT_SECTION_STATISTICS, -1, x, top, b->content_width, bottom - top);
  return bottom;
}

static void
layout_stats_card (Builder *b)
{
  ImpactOrganisation *org = impact_document_get_organisation (b->doc);
  const char *heading = impact_document_get_statistics_heading (b->doc);
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  double width = b->self->width, height = b->self->height, x = b->margin, y = b->margin;
  double unit = MIN (width, height), stripe = round (unit * 0.018), foot_h, mh;
  gboolean wide = width / height > 1.3;
  ImpactTextStyle style;
  PangoLayout *layout;
  g_autofree char *website = org->website ? display_website (org->website) : NULL;

  add_rect (b, 0, 0, width, height, 0, primary, 1.0);
  add_rect (b, 0, height - stripe, width, stripe, 0, accent, 1.0);

  /* top: the wordmark, the place at the right */
  mh = place_wordmark (b, x, y);
  {
    double w, h;

    style = kicker_style (b, MAX (7.5, round (unit * 0.02 * 10) / 10));
    style.letter_spacing = style.size * 0.1;
    layout = make_text (b, &style, sheet_title (b->doc), FALSE, -1);
    impact_text_layout_get_size (layout, &w, &h);
    if (w < b->content_width * 0.6)
      place_layout (b, layout, x + b->content_width - w, y + (mh - h) / 2, &b->on_primary, 1.0, NULL);
    else
      g_object_unref (layout);
  }
  add_box (b, IMPACT_SECTION_HEADER, -1, 0, 0, width, y + mh);
  y += mh + unit * (wide ? 0.07 : 0.09);

  /* bottom: the organisation and its address on the web */
  {
    double h1 = 0, w2 = 0, h2 = 0;
    PangoLayout *name, *web = NULL;

    style = body_style (b, 0);
    style.size = MAX (8, round (unit * 0.024 * 10) / 10);
    style.weight = PANGO_WEIGHT_BOLD;
    style.family = impact_theme_get_heading_font (b->theme);
    name = make_text (b, &style, org->name, FALSE, b->content_width * (website ? 0.62 : 1.0));
    impact_text_layout_get_size (name, NULL, &h1);
    if (website)
      {
        style.weight = PANGO_WEIGHT_MEDIUM;
        web = make_text (b, &style, website, FALSE, -1);
        impact_text_layout_get_size (web, &w2, &h2);
      }
    foot_h = MAX (h1, h2);
    place_layout (b, name, x, height - stripe - b->margin * 0.8 - h1, &b->on_primary, 1.0, NULL);
    if (web)
      place_layout (b, web, x + b->content_width - w2, height - stripe - b->margin * 0.8 - h2,
                    &b->on_primary, 1.0, org->website);
    add_box (b, IMPACT_SECTION_FOOTER, -1, 0, height - stripe - b->margin * 0.8 - foot_h,
             width, stripe + b->margin * 0.8 + foot_h);
  }
  b->limit = height - stripe - b->margin * 0.8 - foot_h - unit * 0.05;

  if (impact_document_get_statistics (b->doc)->len == 0)
    return;

  if (wide)
    {
      /* the heading is the figures' kicker, as on the bold front page;
       * measure the block on a scratch page to centre it */
      ImpactPageData *real = b->page;
      double h;

      b->type_scale = unit / 260;
      b->page = page_data_new ();
      h = bold_statistics (b, 0);
      page_data_free (b->page);
      b->page = real;
      bold_statistics (b, y + MAX (0, (b->limit - y - h) / 2));
      note_bottom (b, y + h, "statistics");
      return;
    }

  if (heading && *heading)
    {
      style = heading_style (b, round (unit * 0.05), PANGO_WEIGHT_HEAVY);
      style.letter_spacing = -0.3;
      style.size = fit_longest_word (b, &style, heading, b->content_width, 12);
      layout = make_text (b, &style, heading, FALSE, b->content_width);
      check_glyphs (b, layout, "statistics_heading");
      b->next_tag = "H1";
      y += place_layout (b, layout, x, y, &b->on_primary, 1.0, NULL);
      add_rect (b, x, y + unit * 0.03, unit * 0.09, unit * 0.012, 0, accent, 1.0);
      y += unit * 0.07;
    }
  card_statistics_stacked (b, y, b->limit);
}

/* Driver */

typedef void (*PageFunc) (Builder *b);

/* A right-to-left sheet reads from the right: the page's grid is the
 * mirror image of the left-to-right one. The layout is built once, left
 * to right, and then every position is reflected about the page's middle.
 * Texts keep their shaping (Pango already sets an RTL paragraph flush to
 * the right of its box); only boxes move. */
static void
mirror_page (ImpactPageData *page,
             double          width)
{
  for (guint i = 0; i < page->ops->len; i++)
    {
      ImpactOp *op = &g_array_index (page->ops, ImpactOp, i);

      switch (op->kind)
        {
        case IMPACT_OP_RECT:
        case IMPACT_OP_ICON:
        case IMPACT_OP_IMAGE:
          op->x = width - op->x - op->w;
          break;
        case IMPACT_OP_LINE:
          op->x = width - op->x;
          op->x2 = width - op->x2;
          break;
        case IMPACT_OP_CIRCLE:
          op->x = width - op->x;
          break;
        case IMPACT_OP_POLYGON:
          for (guint k = 0; k < op->n_points; k++)
            op->points[2 * k] = width - op->points[2 * k];
          break;
        case IMPACT_OP_TEXT:
          {
            int wrap = pango_layout_get_width (op->layout);
            double box = wrap > 0 ? wrap / (double) PANGO_SCALE : op->w;

            op->x = width - op->x - box;
          }
          break;
        case IMPACT_OP_TAG_BEGIN:
        case IMPACT_OP_TAG_END:
        default:
          break;
        }
    }
  for (guint i = 0; i < page->boxes->len; i++)
    {
      ImpactBox *box = &g_array_index (page->boxes, ImpactBox, i);

      box->x = width - box->x - box->width;
    }
}

/* Lays a page out at one text scale; returns the page, or NULL with the
 * page freed when it overflows (unless @keep). */
static ImpactPageData *
attempt (Builder    *b,
         PageFunc    func,
         const char *page_name,
         double      scale,
         gboolean    keep)
{
  ImpactPageData *page = page_data_new ();

  b->page = page;
  b->scale = scale;
  g_clear_pointer (&b->overflow_path, g_free);
  b->overflow_amount = 0;
  b->cut_short = FALSE;
  g_clear_pointer (&b->longest_path, g_free);
  b->longest_height = 0;
  g_ptr_array_set_size (b->sources, 0);
  b->source_numbers = g_hash_table_new (source_hash, source_equal);
  func (b);
  g_clear_pointer (&b->source_numbers, g_hash_table_unref);
  page->scale = scale;
  if (b->rtl)
    mirror_page (page, b->self->width);
  b->page = NULL;
  g_debug ("%s page at %.0f %%: %s overflows by %.1f pt", page_name, scale * 100,
           b->overflow_path ? b->overflow_path : "nothing", b->overflow_amount);
  if (b->overflow_path != NULL && !keep)
    {
      page_data_free (page);
      return NULL;
    }
  return page;
}

/* Text first tries its full size; when the page overflows, the largest
 * scale in [MIN_FIT_SCALE, 1) that fits is found by bisection to the
 * nearest FIT_STEP, so a fitting page costs one pass and a crowded one five
 * or six. */
static ImpactPageData *
layout_page_fitted (Builder    *b,
                    PageFunc    func,
                    const char *page_name)
{
  ImpactPageData *best;
  double lo = MIN_FIT_SCALE, hi = 1.0;

  if ((best = attempt (b, func, page_name, 1.0, FALSE)) != NULL)
    return best;

  best = attempt (b, func, page_name, MIN_FIT_SCALE, TRUE);
  if (b->overflow_path != NULL)
    {
      if (b->diagnostics != NULL)
        {
          g_autofree char *hint = NULL;

          if (b->longest_path && g_strcmp0 (b->longest_path, b->overflow_path) != 0)
            hint = g_strdup_printf ("; the longest text on this page is %s", b->longest_path);
          impact_diagnostics_add (b->diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0,
                                  b->overflow_path,
                                  "the %s page overflows by %s%.0f pt (about %.0f lines of body "
                                  "text) even with text reduced to %.0f %%: this no longer fits "
                                  "below the sections above it; shorten the page's texts%s",
                                  page_name, b->cut_short ? "more than " : "",
                                  ceil (b->overflow_amount),
                                  ceil (b->overflow_amount / 12.0), MIN_FIT_SCALE * 100,
                                  hint ? hint : "");
        }
      return best;
    }

  /* invariant: lo fits, hi does not */
  while (hi - lo > FIT_STEP + 1e-9)
    {
      double mid = round ((lo + hi) / 2 / 0.01) * 0.01;
      ImpactPageData *page;

      if (mid <= lo || mid >= hi)
        break;
      page = attempt (b, func, page_name, mid, FALSE);
      if (page != NULL)
        {
          page_data_free (best);
          best = page;
          lo = mid;
        }
      else
        hi = mid;
    }
  /* the sources of the kept attempt */
  b->scale = lo;
  return best;
}

static void
impact_sheet_layout_finalize (GObject *object)
{
  ImpactSheetLayout *self = (ImpactSheetLayout *) object;

  g_clear_object (&self->document);
  g_clear_object (&self->theme);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (impact_sheet_layout_parent_class)->finalize (object);
}

static void
impact_sheet_layout_class_init (ImpactSheetLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = impact_sheet_layout_finalize;
}

static void
impact_sheet_layout_init (ImpactSheetLayout *self)
{
  self->pages = g_ptr_array_new_with_free_func (page_data_free);
}

static void
mix (ImpactColor       *out,
     const ImpactColor *a,
     const ImpactColor *b,
     double             t)
{
  out->red = a->red + (b->red - a->red) * t;
  out->green = a->green + (b->green - a->green) * t;
  out->blue = a->blue + (b->blue - a->blue) * t;
}

/* Right to left when the language says so, or, without a language, when
 * the office's name is written in a right-to-left script */
static gboolean
document_is_rtl (ImpactDocument *doc)
{
  static const char * const rtl_languages[] = { "ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug", NULL };
  const char *language = impact_document_get_language (doc);
  const char *office = impact_document_get_office (doc);

  if (language != NULL && *language != '\0')
    {
      g_autofree char *primary = g_ascii_strdown (language, strcspn (language, "-_"));

      return g_strv_contains (rtl_languages, primary);
    }
  /* the first letter decides, as the Unicode bidi algorithm's P2 does */
  for (const char *p = office; p && *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (!g_unichar_isalpha (ch))
        continue;
      switch (g_unichar_get_script (ch))
        {
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO:
          return TRUE;
        default:
          return FALSE;
        }
    }
  return FALSE;
}

static void
builder_init (Builder           *b,
              ImpactSheetLayout *self,
              PangoContext      *context,
              GPtrArray         *sources,
              ImpactDiagnostics *diagnostics)
{
  ImpactTheme *theme = self->theme;
  const ImpactColor *bg = impact_theme_get_background (theme);
  const ImpactColor *text = impact_theme_get_text (theme);
  const ImpactColor *primary = impact_theme_get_primary (theme);
  const ImpactColor *accent = impact_theme_get_accent (theme);

  b->self = self;
  b->doc = self->document;
  b->theme = theme;
  b->context = context;
  b->diagnostics = diagnostics;
  b->sources = sources;
  b->margin = round (self->width * 0.075);
  b->content_width = self->width - 2 * b->margin;
  b->gutter = 14;
  b->bold = impact_theme_get_template (theme) == IMPACT_TEMPLATE_BOLD;
  b->on_primary = impact_color_contrast (bg, primary) >= impact_color_contrast (text, primary) ? *bg : *text;
  /* big figures take the accent when it reads as large text on the
   * primary colour (WCAG 3:1), else the plain contrasting colour */
  b->figure = impact_color_contrast (accent, primary) >= 3.0 ? *accent : b->on_primary;
  b->on_accent = impact_color_contrast (primary, accent) >= 3.0 ? *primary :
                 impact_color_contrast (bg, accent) >= impact_color_contrast (text, accent) ? *bg : *text;
  mix (&b->muted, text, bg, 0.3);
  mix (&b->rule, text, bg, 0.82);
  b->rtl = document_is_rtl (self->document);
}

ImpactSheetLayout *
impact_sheet_layout_new (ImpactDocument    *document,
                         ImpactTheme       *theme,
                         ImpactPageSize     page_size,
                         ImpactDiagnostics *diagnostics)
{
  return impact_sheet_layout_new_front_only (document, theme, page_size, FALSE, diagnostics);
}

ImpactSheetLayout *
impact_sheet_layout_new_front_only (ImpactDocument    *document,
                                    ImpactTheme       *theme,
                                    ImpactPageSize     page_size,
                                    gboolean           front_only,
                                    ImpactDiagnostics *diagnostics)
{
  ImpactSheetLayout *self;
  g_autoptr(GObject) context_object = NULL;
  PangoContext *context;
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  Builder b = { 0 };

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (IMPACT_IS_THEME (theme), NULL);

  self = g_object_new (IMPACT_TYPE_SHEET_LAYOUT, NULL);
  self->document = g_object_ref (document);
  self->theme = g_object_ref (theme);
  self->page_size = page_size;
  impact_page_size_get_points (page_size, &self->width, &self->height);

  context = impact_text_context_new (impact_document_get_language (document));
  context_object = G_OBJECT (context);
  builder_init (&b, self, context, sources, diagnostics);
  b.type_scale = 1.0;

  g_ptr_array_add (self->pages, layout_page_fitted (&b, layout_front, _("front")));
  if (!front_only)
    g_ptr_array_add (self->pages, layout_page_fitted (&b, layout_back, _("back")));
  g_clear_pointer (&b.longest_path, g_free);
  g_clear_pointer (&b.overflow_path, g_free);
  return self;
}

ImpactSheetLayout *
impact_sheet_layout_new_stats_card (ImpactDocument    *document,
                                    ImpactTheme       *theme,
                                    double             width,
                                    double             height,
                                    ImpactDiagnostics *diagnostics)
{
  ImpactSheetLayout *self;
  g_autoptr(GObject) context_object = NULL;
  PangoContext *context;
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  Builder b = { 0 };

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (IMPACT_IS_THEME (theme), NULL);
  g_return_val_if_fail (width >= 100 && height >= 100, NULL);

  self = g_object_new (IMPACT_TYPE_SHEET_LAYOUT, NULL);
  self->document = g_object_ref (document);
  self->theme = g_object_ref (theme);
  self->page_size = IMPACT_PAGE_SIZE_LETTER;
  self->width = width;
  self->height = height;

  context = impact_text_context_new (impact_document_get_language (document));
  context_object = G_OBJECT (context);
  builder_init (&b, self, context, sources, diagnostics);
  b.margin = round (MIN (width, height) * 0.075);
  b.type_scale = 1.0;
  b.card = TRUE;
  b.content_width = width - 2 * b.margin;
  b.bold = TRUE;

  g_ptr_array_add (self->pages, attempt (&b, layout_stats_card, "card", 1.0, TRUE));
  if (b.overflow_path != NULL && diagnostics != NULL)
    impact_diagnostics_add (diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, b.overflow_path,
                            "the statistics card overflows by %.0f pt: use fewer statistics "
                            "or shorter labels, or a taller card",
                            ceil (b.overflow_amount));
  g_clear_pointer (&b.longest_path, g_free);
  g_clear_pointer (&b.overflow_path, g_free);
  return self;
}

ImpactDocument *
impact_sheet_layout_get_document (ImpactSheetLayout *self)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (self), NULL);
  return self->document;
}

ImpactTheme *
impact_sheet_layout_get_theme (ImpactSheetLayout *self)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (self), NULL);
  return self->theme;
}

ImpactPageSize
impact_sheet_layout_get_page_size (ImpactSheetLayout *self)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (self), IMPACT_PAGE_SIZE_LETTER);
  return self->page_size;
}

guint
impact_sheet_layout_get_n_pages (ImpactSheetLayout *self)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (self), 0);
  return self->pages->len;
}

void
impact_sheet_layout_get_page_extent (ImpactSheetLayout *self,
                                     double            *width,
                                     double            *height)
{
  g_return_if_fail (IMPACT_IS_SHEET_LAYOUT (self));
  if (width)
    *width = self->width;
  if (height)
    *height = self->height;
}

guint
impact_sheet_layout_get_n_boxes (ImpactSheetLayout *self,
                                 guint              page)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (self), 0);
  g_return_val_if_fail (page < self->pages->len, 0);
  return ((ImpactPageData *) g_ptr_array_index (self->pages, page))->boxes->len;
}

const ImpactBox *
impact_sheet_layout_get_box (ImpactSheetLayout *self,
                             guint              page,
                             guint              index)
{
  ImpactPageData *data;

  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (self), NULL);
  g_return_val_if_fail (page < self->pages->len, NULL);
  data = g_ptr_array_index (self->pages, page);
  g_return_val_if_fail (index < data->boxes->len, NULL);
  return &g_array_index (data->boxes, ImpactBox, index);
}

gboolean
impact_sheet_layout_find (ImpactSheetLayout *self,
                          ImpactSection      section,
                          int                item,
                          guint             *out_page,
                          ImpactBox         *out_box)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (self), FALSE);

  for (guint p = 0; p < self->pages->len; p++)
    {
      ImpactPageData *data = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < data->boxes->len; i++)
        {
          const ImpactBox *box = &g_array_index (data->boxes, ImpactBox, i);

          if (box->section == section && box->item == item)
            {
              if (out_page)
                *out_page = p;
              if (out_box)
                *out_box = *box;
              return TRUE;
            }
        }
    }
  return FALSE;
}

guint
impact_sheet_layout_get_n_ops (ImpactSheetLayout *self,
                               guint              page)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (self), 0);
  g_return_val_if_fail (page < self->pages->len, 0);
  return ((ImpactPageData *) g_ptr_array_index (self->pages, page))->ops->len;
}

const ImpactOp *
impact_sheet_layout_get_op (ImpactSheetLayout *self,
                            guint              page,
                            guint              index)
{
  ImpactPageData *data;

  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (self), NULL);
  g_return_val_if_fail (page < self->pages->len, NULL);
  data = g_ptr_array_index (self->pages, page);
  g_return_val_if_fail (index < data->ops->len, NULL);
  return &g_array_index (data->ops, ImpactOp, index);
}

double
impact_sheet_layout_get_fit_scale (ImpactSheetLayout *self,
                                   guint              page)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (self), 1.0);
  g_return_val_if_fail (page < self->pages->len, 1.0);
  return ((ImpactPageData *) g_ptr_array_index (self->pages, page))->scale;
}

const char *
impact_section_to_string (ImpactSection section)
{
  static const char * const names[] = {
    "header", "problem", "statistics", "facts", "quote", "sources",
    "approach", "milestones", "profile", "contact", "footer",
  };

  g_return_val_if_fail (section < IMPACT_N_SECTIONS, NULL);
  return names[section];
}
