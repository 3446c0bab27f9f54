/* impact-layout-builder.c: the display list of one page, and the text
 * making, fitting and footnote numbering shared by every section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-sheet-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "impact-layout-builder.h"
#include "impact-format.h"
#include "impact-image.h"
#include "impact-script.h"

static void
op_clear (gpointer data)
{
  ImpactOp *op = data;

  g_clear_object (&op->layout);
  g_clear_object (&op->pixbuf);
  g_clear_pointer (&op->name, g_free);
  g_clear_pointer (&op->attributes, g_free);
  g_clear_pointer (&op->link, g_free);
  g_clear_pointer (&op->alt, g_free);
  g_clear_pointer (&op->points, g_free);
}

ImpactPageData *
impact_page_data_new (void)
{
  ImpactPageData *page = g_new0 (ImpactPageData, 1);

  page->ops = g_array_new (FALSE, TRUE, sizeof (ImpactOp));
  g_array_set_clear_func (page->ops, op_clear);
  page->boxes = g_array_new (FALSE, TRUE, sizeof (ImpactBox));
  return page;
}

void
impact_page_data_free (gpointer data)
{
  ImpactPageData *page = data;

  if (page == NULL)
    return;
  g_array_unref (page->ops);
  g_array_unref (page->boxes);
  g_free (page);
}

ImpactOp *
impact_builder_push_op (ImpactLayoutBuilder *b,
                        ImpactOpKind         kind)
{
  ImpactOp op = { 0 };

  op.kind = kind;
  op.alpha = 1.0;
  g_array_append_val (b->page->ops, op);
  return &g_array_index (b->page->ops, ImpactOp, b->page->ops->len - 1);
}

void
impact_builder_add_rect (ImpactLayoutBuilder *b,
                         double               x,
                         double               y,
                         double               w,
                         double               h,
                         double               radius,
                         const ImpactColor   *color,
                         double               alpha)
{
  ImpactOp *op = impact_builder_push_op (b, IMPACT_OP_RECT);

  op->x = x;
  op->y = y;
  op->w = w;
  op->h = h;
  op->radius = radius;
  op->color = *color;
  op->alpha = alpha;
}

void
impact_builder_add_line (ImpactLayoutBuilder *b,
                         double               x,
                         double               y,
                         double               x2,
                         double               y2,
                         double               width,
                         const ImpactColor   *color,
                         double               alpha)
{
  ImpactOp *op = impact_builder_push_op (b, IMPACT_OP_LINE);

  op->x = x;
  op->y = y;
  op->x2 = x2;
  op->y2 = y2;
  op->line_width = width;
  op->color = *color;
  op->alpha = alpha;
}

void
impact_builder_add_circle (ImpactLayoutBuilder *b,
                           double               cx,
                           double               cy,
                           double               radius,
                           const ImpactColor   *color,
                           double               stroke_width)
{
  ImpactOp *op = impact_builder_push_op (b, IMPACT_OP_CIRCLE);

  op->x = cx;
  op->y = cy;
  op->radius = radius;
  op->color = *color;
  op->line_width = stroke_width;
}

void
impact_builder_add_polygon (ImpactLayoutBuilder *b,
                            const double        *points,
                            guint                n_points,
                            const ImpactColor   *color,
                            double               alpha)
{
  ImpactOp *op = impact_builder_push_op (b, IMPACT_OP_POLYGON);

  op->points = g_memdup2 (points, sizeof (double) * 2 * n_points);
  op->n_points = n_points;
  op->color = *color;
  op->alpha = alpha;
}

void
impact_builder_add_icon (ImpactLayoutBuilder *b,
                         const char          *name,
                         double               x,
                         double               y,
                         double               size,
                         const ImpactColor   *color)
{
  ImpactOp *op = impact_builder_push_op (b, IMPACT_OP_ICON);

  op->name = g_strdup (name);
  op->x = x;
  op->y = y;
  op->w = op->h = size;
  op->color = *color;
}

void
impact_builder_add_image (ImpactLayoutBuilder *b,
                          GdkPixbuf           *pixbuf,
                          const char          *json_path,
                          double               x,
                          double               y,
                          double               w,
                          double               h,
                          gboolean             round,
                          const char          *alt)
{
  ImpactOp *op = impact_builder_push_op (b, IMPACT_OP_IMAGE);

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
double
impact_builder_place_layout (ImpactLayoutBuilder *b,
                             PangoLayout         *layout,
                             double               x,
                             double               y,
                             const ImpactColor   *color,
                             double               alpha,
                             const char          *link)
{
  ImpactOp *op = impact_builder_push_op (b, IMPACT_OP_TEXT);
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

void
impact_builder_add_box (ImpactLayoutBuilder *b,
                        ImpactSection        section,
                        int                  item,
                        double               x,
                        double               y,
                        double               w,
                        double               h)
{
  ImpactBox box = { section, item, x, y, w, h };

  g_array_append_val (b->page->boxes, box);
}

ImpactTextStyle
impact_builder_body_style (ImpactLayoutBuilder *b,
                           double               size)
{
  ImpactTextStyle style = { 0 };

  style.family = impact_theme_get_body_font (b->theme);
  style.weight = PANGO_WEIGHT_NORMAL;
  style.size = size * b->scale;
  style.line_height = 1.42;
  style.align = PANGO_ALIGN_LEFT;
  return style;
}

ImpactTextStyle
impact_builder_heading_style (ImpactLayoutBuilder *b,
                              double               size,
                              PangoWeight          weight)
{
  ImpactTextStyle style = { 0 };

  style.family = impact_theme_get_heading_font (b->theme);
  style.weight = weight;
  style.size = size;
  style.line_height = 1.08;
  style.align = PANGO_ALIGN_LEFT;
  return style;
}

ImpactTextStyle
impact_builder_kicker_style (ImpactLayoutBuilder *b,
                             double               size)
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

PangoLayout *
impact_builder_make_text (ImpactLayoutBuilder   *b,
                          const ImpactTextStyle *style,
                          const char            *text,
                          gboolean               rich,
                          double                 width)
{
  return impact_text_layout_new (b->context, style, text, rich, width);
}

PangoLayout *
impact_builder_make_marked_text (ImpactLayoutBuilder   *b,
                                 const ImpactTextStyle *style,
                                 const char            *text,
                                 gboolean               rich,
                                 double                 width,
                                 guint                  prefix_bytes,
                                 const ImpactColor     *prefix_color,
                                 const char            *mark,
                                 const ImpactColor     *mark_color)
{
  ImpactTextDecoration d = { 0 };

  if (prefix_bytes > 0)
    d = (ImpactTextDecoration) { prefix_bytes, prefix_color->red * 65535, prefix_color->green * 65535,
                                 prefix_color->blue * 65535 };
  if (mark != NULL)
    {
      d.mark = mark;
      d.mark_red = mark_color->red * 65535;
      d.mark_green = mark_color->green * 65535;
      d.mark_blue = mark_color->blue * 65535;
    }
  return impact_text_layout_new_decorated (b->context, style, text, rich, width, &d);
}

/* Shrinks a one-line layout's font until it fits @width (not below @min_size). */
PangoLayout *
impact_builder_make_fitted_line (ImpactLayoutBuilder *b,
                                 ImpactTextStyle      style,
                                 const char          *text,
                                 double               width,
                                 double               min_size)
{
  PangoLayout *layout = impact_builder_make_text (b, &style, text, FALSE, -1);
  double w;

  impact_text_layout_get_size (layout, &w, NULL);
  if (w > width && w > 0)
    {
      style.size = MAX (min_size, floor (style.size * width / w * 10) / 10);
      g_object_unref (layout);
      layout = impact_builder_make_text (b, &style, text, FALSE, style.size <= min_size ? width : -1);
    }
  return layout;
}

/* The largest size not above @style's (nor below @min_size) at which the
 * longest word of @text fits @width, so a narrow column never breaks a
 * word of a heading. */
double
impact_builder_fit_longest_word (ImpactLayoutBuilder   *b,
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
      probe = impact_builder_make_text (b, style, words[i], FALSE, -1);
      impact_text_layout_get_size (probe, &w, NULL);
      if (w > width)
        size = MIN (size, floor (style->size * width / w * 10) / 10);
    }
  return MAX (size, min_size);
}

void
impact_builder_color_prefix (PangoLayout       *layout,
                             guint              n_bytes,
                             const ImpactColor *color)
{
  impact_text_layout_color_prefix (layout, n_bytes, color->red * 65535, color->green * 65535,
                                   color->blue * 65535);
}

void
impact_builder_append_mark_colored (PangoLayout       *layout,
                                    const char        *mark,
                                    const ImpactColor *color)
{
  impact_text_layout_append_superscript (layout, mark,
                                         color->red * 65535,
                                         color->green * 65535,
                                         color->blue * 65535);
}

void
impact_builder_append_mark (ImpactLayoutBuilder *b,
                            PangoLayout         *layout,
                            const char          *mark)
{
  impact_builder_append_mark_colored (layout, mark, impact_theme_get_accent_text (b->theme));
}

/* Escapes a plain string for use inside a rich text. */
char *
impact_builder_escape_rich (const char *text)
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

/* The statistic's field that holds @ch: "statistics[1].qualifier" for
 * the "+" of a figure laid out as "statistics" (every figure) or
 * "statistics[1].label" (a label led by the scale word and suffix); @path
 * itself for any other text, or when no field holds it. */
static char *
glyph_path (ImpactLayoutBuilder *b,
            const char          *path,
            gunichar             ch)
{
  GPtrArray *stats = impact_document_get_statistics (b->doc);
  char buf[8] = { 0 };
  guint first = 0, last, index;

  if (stats == NULL || stats->len == 0 || !g_str_has_prefix (path, "statistics"))
    return g_strdup (path);
  if (strcmp (path, "statistics") == 0)
    last = stats->len - 1;
  else if (sscanf (path, "statistics[%u]", &index) == 1 && index < stats->len)
    first = last = index;
  else
    return g_strdup (path);
  g_unichar_to_utf8 (ch, buf);
  for (guint i = first; i <= last; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (stats, i);
      const struct { const char *name, *text; } fields[] = {
        { "prefix", stat->prefix }, { "qualifier", stat->qualifier },
        { "suffix", stat->suffix }, { "scale", stat->scale }, { "label", stat->label },
      };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        if (fields[f].text != NULL && strstr (fields[f].text, buf) != NULL)
          return g_strdup_printf ("statistics[%u].%s", i, fields[f].name);
    }
  return g_strdup (path);
}

/* At most this many fallback characters are named for one text */
#define MAX_FALLBACKS_NAMED 4

void
impact_builder_check_glyphs (ImpactLayoutBuilder *b,
                             PangoLayout         *layout,
                             const char          *path)
{
  g_autofree char *missing = NULL;
  g_autoptr(GArray) fallbacks = NULL;
  double height;
  guint named = 0;

  impact_text_layout_get_size (layout, NULL, &height);
  if (height > b->longest_height)
    {
      g_free (b->longest_path);
      b->longest_path = g_strdup (path);
      b->longest_height = height;
      b->longest_chars = g_utf8_strlen (pango_layout_get_text (layout), -1);
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

  /* a character the sheet's families lack, drawn from whatever font
   * fontconfig falls back to: it does not match the type around it */
  fallbacks = impact_script_find_fallbacks (layout);
  for (guint i = 0; i < fallbacks->len; i++)
    {
      const ImpactFallbackGlyph *glyph = &g_array_index (fallbacks, ImpactFallbackGlyph, i);
      g_autofree char *where = NULL;
      char buf[8] = { 0 };

      if (glyph->family == NULL)
        continue;   /* no font has it: said above */
      if (named == MAX_FALLBACKS_NAMED)
        {
          impact_diagnostics_add (b->diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, path,
                                  "more characters are drawn from fallback fonts");
          break;
        }
      g_unichar_to_utf8 (glyph->ch, buf);
      where = glyph_path (b, path, glyph->ch);
      impact_diagnostics_add (b->diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, where,
                              "\"%s\" (U+%04X) is drawn from the fallback font %s, which the sheet's "
                              "fonts do not include; choose a font that has it, or another character",
                              buf, glyph->ch, glyph->family);
      named++;
    }
}

void
impact_builder_note_bottom (ImpactLayoutBuilder *b,
                            double               bottom,
                            const char          *path)
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
gboolean
impact_builder_past_page (ImpactLayoutBuilder *b,
                          double               y,
                          const char          *path)
{
  if (y <= b->height)
    return FALSE;
  impact_builder_note_bottom (b, y, path);
  b->cut_short = TRUE;
  return TRUE;
}

/* How many panels of at least @min_width fit side by side in the measure */
guint
impact_builder_max_panels (ImpactLayoutBuilder *b,
                           double               min_width,
                           double               gap)
{
  return (guint) MAX (1, floor ((b->content_width + gap) / (min_width + gap)));
}

GdkPixbuf *
impact_builder_load_image (ImpactLayoutBuilder *b,
                           const char          *path,
                           const char          *json_path,
                           double               width_pt,
                           double               height_pt)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean report = b->diagnostics != NULL && b->scale == 1.0;
  ImpactImageInfo info = { 0 };
  GdkPixbuf *pixbuf;

  if (path == NULL || *path == '\0')
    return NULL;

  file = impact_document_resolve_path (b->doc, path);
  pixbuf = impact_image_load (file, (int) ceil (width_pt / 72.0 * IMPACT_IMAGE_DPI),
                              (int) ceil (height_pt / 72.0 * IMPACT_IMAGE_DPI), &info, &error);
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
guint
impact_builder_source_number (ImpactLayoutBuilder *b,
                              const ImpactSource  *source)
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
char *
impact_builder_statistic_mark (ImpactLayoutBuilder   *b,
                               const ImpactStatistic *stat)
{
  if (stat->source == NULL || !b->design->lists_sources)
    return NULL;
  return g_strdup_printf ("%u", impact_builder_source_number (b, stat->source));
}

void
impact_builder_mark_statistic_source (ImpactLayoutBuilder   *b,
                                      PangoLayout           *label,
                                      const ImpactStatistic *stat)
{
  g_autofree char *mark = impact_builder_statistic_mark (b, stat);

  if (mark != NULL)
    impact_builder_append_mark_colored (label, mark, &b->on_primary);
}

const char *
impact_builder_sheet_title (ImpactDocument *doc)
{
  const char *title = impact_document_get_title (doc);

  return title && *title ? title : impact_document_get_office (doc);
}

/* The logo, or the short name as a boxed wordmark, on the primary colour;
 * returns its height. @name_shown: the organisation's full name is set as
 * text beside it (the wordmark is then an artifact) */
double
impact_builder_place_wordmark (ImpactLayoutBuilder *b,
                               double               x,
                               double               y,
                               gboolean             name_shown)
{
  ImpactOrganisation *org = impact_document_get_organisation (b->doc);
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  g_autoptr(GdkPixbuf) logo = NULL;
  ImpactTextStyle style;
  PangoLayout *layout;
  const char *mark;
  double tw, th;

  logo = impact_builder_load_image (b, org->logo, "organisation.logo", 120, 36);
  if (logo != NULL)
    {
      double lw = gdk_pixbuf_get_width (logo), lh = gdk_pixbuf_get_height (logo);
      double s = MIN (120 / lw, 32 / lh);

      impact_builder_add_image (b, logo, "organisation.logo", x, y, lw * s, lh * s, FALSE, org->logo_alt ? org->logo_alt : org->name);
      return lh * s;
    }

  mark = org->short_name && *org->short_name ? org->short_name : org->name;
  style = impact_builder_kicker_style (b, 11);
  style.letter_spacing = 0.6;
  style.family = impact_theme_get_heading_font (b->theme);
  style.weight = PANGO_WEIGHT_HEAVY;
  layout = impact_builder_make_fitted_line (b, style, mark, b->content_width * 0.5, 7);
  impact_text_layout_get_size (layout, &tw, &th);
  /* the stand-in for a logo is a picture of the name, not text: beside
   * the name set out in full it is decoration (an artifact); alone it is
   * a Figure that says the organisation's name, as a logo's image does */
  if (!name_shown)
    {
      ImpactOp *op = impact_builder_push_op (b, IMPACT_OP_TAG_BEGIN);

      op->name = g_strdup ("Figure");
      op->alt = g_strdup (org->name && *org->name ? org->name : mark);
      op->x = x;
      op->y = y;
      op->w = tw + 14;
      op->h = th + 8;
    }
  impact_builder_add_rect (b, x, y, tw + 14, th + 8, 0, &b->on_primary, 1.0);
  impact_builder_add_rect (b, x + 1.5, y + 1.5, tw + 11, th + 5, 0, primary, 1.0);
  b->next_tag = "";
  impact_builder_place_layout (b, layout, x + 7, y + 4, &b->on_primary, 1.0, NULL);
  if (!name_shown)
    impact_builder_push_op (b, IMPACT_OP_TAG_END)->name = g_strdup ("Figure");
  return th + 8;
}

/* A kicker line (small capitals in the accent colour); returns its height */
double
impact_builder_place_kicker_colored (ImpactLayoutBuilder *b,
                                     const char          *text,
                                     double               x,
                                     double               y,
                                     double               width,
                                     const ImpactColor   *color)
{
  ImpactTextStyle style = impact_builder_kicker_style (b, 7.5);
  PangoLayout *layout = impact_builder_make_text (b, &style, text, FALSE, width);

  b->next_tag = "H2";
  return impact_builder_place_layout (b, layout, x, y, color, 1.0, NULL);
}

double
impact_builder_place_kicker (ImpactLayoutBuilder *b,
                             const char          *text,
                             double               x,
                             double               y,
                             double               width)
{
  return impact_builder_place_kicker_colored (b, text, x, y, width, impact_theme_get_accent_text (b->theme));
}

void
impact_builder_object_unref0 (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* Extends the vertical rule ops listed in @rules down to @bottom, then
 * empties the list */
void
impact_builder_equalise_rules (ImpactLayoutBuilder *b,
                               GArray              *rules,
                               double               bottom)
{
  for (guint i = 0; i < rules->len; i++)
    g_array_index (b->page->ops, ImpactOp, g_array_index (rules, guint, i)).y2 = bottom;
  g_array_set_size (rules, 0);
}

/* A statistic as the sheet sets it: the big number (prefix, number and,
 * when nothing follows, the qualifier: "330+"), then, set smaller, the
 * scale word and suffix, with the qualifier after them when there are any
 * ("95%+", "1.2 million+"), so it qualifies the whole figure */
static gboolean
stat_has_extra (const ImpactStatistic *stat)
{
  return (stat->scale && *stat->scale) || (stat->suffix && *stat->suffix);
}

char *
impact_builder_stat_number (ImpactLayoutBuilder   *b,
                            const ImpactStatistic *stat)
{
  const char *language = impact_document_get_language (b->doc);
  ImpactDigits digits = impact_format_document_digits (b->doc);
  ImpactStatistic bare;

  if (!stat_has_extra (stat))
    return impact_format_statistic_number (language, digits, stat);
  bare = *stat;
  bare.qualifier = NULL;
  return impact_format_statistic_number (language, digits, &bare);
}

/* NULL when the figure is a number alone; a percent sign spaced as the
 * document's language spaces it ("64 %" in French) */
char *
impact_builder_stat_extra_text (ImpactLayoutBuilder   *b,
                                const ImpactStatistic *stat)
{
  g_autofree char *suffix = NULL;

  if (!stat_has_extra (stat))
    return NULL;
  suffix = impact_format_statistic_suffix (impact_document_get_language (b->doc),
                                           impact_format_document_digits (b->doc), stat);
  /* the spacing of a sign that follows the scale word is the scale's; a
   * word that follows it keeps a space ("18.4 billion rupiah") */
  gboolean word_after_scale = FALSE;

  if (suffix && stat->scale && *stat->scale)
    {
      g_strstrip (suffix);
      word_after_scale = *suffix != '\0' && g_unichar_isalnum (g_utf8_get_char (suffix));
    }
  return g_strconcat (stat->scale ? stat->scale : "",
                      word_after_scale ? " " : "",
                      suffix ? suffix : "",
                      stat->qualifier ? stat->qualifier : "",
                      NULL);
}

char *
impact_builder_display_website (const char *url)
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

const ImpactColor *
impact_builder_color (ImpactLayoutBuilder *b,
                      ImpactColorRole      role)
{
  switch (role)
    {
    case IMPACT_ROLE_PRIMARY:
      return impact_theme_get_primary (b->theme);
    case IMPACT_ROLE_ACCENT:
      return impact_theme_get_accent (b->theme);
    case IMPACT_ROLE_ACCENT_TEXT:
      return impact_theme_get_accent_text (b->theme);
    case IMPACT_ROLE_ON_PRIMARY:
      return &b->on_primary;
    case IMPACT_ROLE_ON_ACCENT:
      return &b->on_accent;
    case IMPACT_ROLE_FIGURE:
      return &b->figure;
    case IMPACT_ROLE_TEXT:
      return impact_theme_get_text (b->theme);
    case IMPACT_ROLE_MUTED:
      return &b->muted;
    case IMPACT_ROLE_RULE:
      return &b->rule;
    case IMPACT_ROLE_PANEL:
      return impact_theme_get_panel (b->theme);
    case IMPACT_ROLE_BACKGROUND:
    default:
      return impact_theme_get_background (b->theme);
    }
}

/* The sources need the footnote numbers, which the statistics and the
 * facts assign in reading order: number them before anything is placed,
 * so the sources can be anchored to the foot of the page first. */
void
impact_builder_number_sources (ImpactLayoutBuilder *b,
                               guint                n_statistics)
{
  GPtrArray *facts = impact_document_get_facts (b->doc);
  GPtrArray *stats = impact_document_get_statistics (b->doc);

  for (guint i = 0; i < MIN (n_statistics, stats->len); i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (stats, i);

      if (stat->source && b->design->lists_sources)
        impact_builder_source_number (b, stat->source);
    }
  for (guint i = 0; i < facts->len; i++)
    {
      const ImpactFact *fact = g_ptr_array_index (facts, i);

      if (fact->source)
        impact_builder_source_number (b, fact->source);
    }
}

/* Footnote numbers start afresh with every attempt at a page */
void
impact_builder_begin_sources (ImpactLayoutBuilder *b)
{
  g_ptr_array_set_size (b->sources, 0);
  b->source_numbers = g_hash_table_new (source_hash, source_equal);
}

void
impact_builder_end_sources (ImpactLayoutBuilder *b)
{
  g_clear_pointer (&b->source_numbers, g_hash_table_unref);
}

/* Marks where a section that does not fit would have started, down to
 * the flow's limit (an empty box when it starts past it) */
void
impact_builder_add_overflow_box (ImpactLayoutBuilder *b,
                                 ImpactSection        section,
                                 double               top,
                                 double               bottom)
{
  ImpactBox box = { section, -1, b->margin, 0, b->content_width, 0, TRUE };

  box.y = MIN (top, b->limit);
  box.height = MAX (0, MIN (bottom, b->limit) - box.y);
  if (box.y < 0)
    box.y = 0;
  g_array_append_val (b->page->boxes, box);
}
