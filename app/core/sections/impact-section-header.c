/* impact-section-header.c: the header: the place, the subtitle and the wordmark on a band
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-sheet-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "impact-emphasis.h"
#include "impact-sections.h"

/* The editor's fields: the sheet's own members and the design */

static const char * const template_ids[] = { "classic", "bold", NULL };
static const char * const template_labels[] = { N_("Classic"), N_("Bold"), NULL };
/* no "pages" is auto: one page when it shows all that two would */
static const char * const pages_ids[] = { "", "2", "1", NULL };
static const char * const pages_labels[] = {
  N_("One when everything fits"), N_("Two (front and back)"), N_("One"), NULL
};

static const ImpactFieldInfo sheet_fields[] = {
  { "office", N_("Office"), IMPACT_FIELD_LINE, IMPACT_VALUE_DOCUMENT, .flags = IMPACT_FIELD_REQUIRED,
    .get = impact_document_get_office, .set = impact_document_set_office },
  { "title", N_("Title"), IMPACT_FIELD_LINE, IMPACT_VALUE_DOCUMENT,
    .get = impact_document_get_title, .set = impact_document_set_title },
  { "subtitle", N_("Subtitle"), IMPACT_FIELD_LINE, IMPACT_VALUE_DOCUMENT,
    .get = impact_document_get_subtitle, .set = impact_document_set_subtitle },
  { "language", N_("Language (BCP 47, e.g. en)"), IMPACT_FIELD_LINE, IMPACT_VALUE_DOCUMENT,
    .get = impact_document_get_language, .set = impact_document_set_language },
  { NULL }
};

static const ImpactFieldInfo design_fields[] = {
  { "template", N_("Template"), IMPACT_FIELD_CHOICE, IMPACT_FIELD_AT (ImpactThemeSpec, template_name),
    .choices = template_ids, .choice_labels = template_labels },
  { "pages", N_("Pages"), IMPACT_FIELD_CHOICE, IMPACT_VALUE_DOCUMENT,
    .choices = pages_ids, .choice_labels = pages_labels,
    .get = impact_document_get_pages, .set = impact_document_set_pages },
  { "primary", N_("Primary Colour"), IMPACT_FIELD_COLOUR, IMPACT_FIELD_AT (ImpactThemeSpec, primary), .fallback = "#1b365d" },
  { "accent", N_("Accent Colour"), IMPACT_FIELD_COLOUR, IMPACT_FIELD_AT (ImpactThemeSpec, accent), .fallback = "#d9822b" },
  { "text", N_("Text Colour"), IMPACT_FIELD_COLOUR, IMPACT_FIELD_AT (ImpactThemeSpec, text), .fallback = "#1f2933" },
  { "background", N_("Background Colour"), IMPACT_FIELD_COLOUR, IMPACT_FIELD_AT (ImpactThemeSpec, background), .fallback = "#ffffff" },
  { "heading_font", N_("Heading Font"), IMPACT_FIELD_FONT, IMPACT_FIELD_AT (ImpactThemeSpec, heading_font) },
  { "body_font", N_("Body Font"), IMPACT_FIELD_FONT, IMPACT_FIELD_AT (ImpactThemeSpec, body_font) },
  { NULL }
};

static gpointer
design_record (ImpactDocument *doc)
{
  return impact_document_get_theme_spec (doc);
}

const ImpactFieldGroup impact_section_header_fields[] = {
  { "header", N_("Sheet"), NULL, sheet_fields },
  { "theme", N_("Design"), NULL, design_fields, design_record },
  { NULL }
};

/* The wordmark's height, measured on a scratch page */
static double
wordmark_height (ImpactLayoutBuilder *b)
{
  ImpactPageData *real = b->page;
  double h;

  b->page = impact_page_data_new ();
  h = impact_builder_place_wordmark (b, 0, 0, FALSE);
  impact_page_data_free (b->page);
  b->page = real;
  return h;
}

/* The title on one line when it fits at a size down to @min_size; a title
 * that wraps to more than three lines even at @min_size is set smaller
 * still, a point at a time while it takes more than three, down to three
 * quarters of @min_size at the most: an office's long name reads as a
 * title, not as a column of capitals */
#define TITLE_MAX_LINES 3

static PangoLayout *
make_title (ImpactLayoutBuilder *b,
            ImpactTextStyle      style,
            double               width,
            double               min_size)
{
  const char *title = impact_builder_sheet_title (b->doc);
  PangoLayout *layout = impact_builder_make_fitted_line (b, style, title, width, min_size);
  double floor_size = round (min_size * 0.75);

  for (style.size = min_size - 1;
       pango_layout_get_line_count (layout) > TITLE_MAX_LINES && style.size >= floor_size;
       style.size -= 1)
    {
      g_object_unref (layout);
      layout = impact_builder_make_text (b, &style, title, FALSE, width);
    }
  impact_builder_check_glyphs (b, layout, "title");
  return layout;
}

/* A band of designed depth: the title and the subtitle stand on its foot,
 * under the wordmark. A title of two or three lines that would reach the
 * wordmark deepens the band instead, so the title, the subtitle and the
 * wordmark never touch. */
static double
place_stripe_band (ImpactLayoutBuilder *b)
{
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  double width = b->width;
  double band_h = round (b->height * 0.175);
  double x = b->margin;
  double mark_y = 34;
  const char *subtitle = impact_document_get_subtitle (b->doc);
  ImpactTextStyle style;
  PangoLayout *layout, *sub = NULL;
  PangoRectangle ink;
  double h, title_h, sub_h = 0, ty;

  /* measure first: the band's depth depends on the title */
  h = wordmark_height (b);
  style = impact_builder_heading_style (b, 46, PANGO_WEIGHT_HEAVY);
  style.uppercase = TRUE;
  style.letter_spacing = -0.6;
  layout = make_title (b, style, width * 0.68 - x, 26);
  impact_text_layout_get_size (layout, NULL, &title_h);
  if (subtitle && *subtitle)
    {
      ImpactTextStyle s2 = impact_builder_body_style (b, 11);

      s2.size = 11;
      s2.weight = PANGO_WEIGHT_MEDIUM;
      sub = impact_builder_make_text (b, &s2, subtitle, FALSE, width * 0.62 - x);
      impact_builder_check_glyphs (b, sub, "subtitle");
      impact_text_layout_get_size (sub, NULL, &sub_h);
      sub_h += 4;
    }
  /* scripts with tall marks (Arabic, Bengali) must not reach up into the
   * wordmark: compare the ink, not the line box */
  pango_layout_get_extents (layout, &ink, NULL);
  ty = band_h - 26 - sub_h - title_h;
  if (ty + ink.y / (double) PANGO_SCALE < mark_y + h + 6)
    {
      ty = mark_y + h + 6 - ink.y / (double) PANGO_SCALE;
      band_h = MAX (band_h, ceil (ty + title_h + sub_h + 26));
    }

  impact_builder_add_rect (b, 0, 0, width, band_h, 0, primary, 1.0);

  /* a quiet diagonal stripe at the right of the band */
  {
    double pts[] = { width * 0.62, band_h, width * 0.80, 0, width * 0.90, 0, width * 0.72, band_h };
    double edge[] = { width * 0.805, band_h, width * 0.985, 0, width * 0.993, 0, width * 0.813, band_h };

    impact_builder_add_polygon (b, pts, 4, &b->on_primary, 0.06);
    impact_builder_add_polygon (b, edge, 4, accent, 0.9);
  }

  impact_builder_place_wordmark (b, x, mark_y, FALSE);
  if (sub != NULL)
    impact_builder_place_layout (b, sub, x, band_h - 26 - (sub_h - 4), &b->on_primary, 0.85, NULL);
  b->next_tag = "H1";
  impact_builder_place_layout (b, layout, x - 2, ty, &b->on_primary, 1.0, NULL);
  impact_builder_add_box (b, IMPACT_SECTION_HEADER, -1, 0, 0, width, band_h);

  /* the accent bar that ties the band to the page */
  impact_builder_add_rect (b, x, band_h - 4, 96, 8, 0, accent, 1.0);
  return band_h;
}

static double
place_figure_band (ImpactLayoutBuilder *b)
{
  ImpactOrganisation *org = impact_document_get_organisation (b->doc);
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  const char *subtitle = impact_document_get_subtitle (b->doc);
  double width = b->width, x = b->margin, y = 26, title_h, header_bottom;
  guint band_op = b->page->ops->len;
  ImpactTextStyle style;
  PangoLayout *layout;
  double mh, trim, name_w = 0, name_h = 0;

  /* the band goes under everything: size it once its content is placed */
  impact_builder_add_rect (b, 0, 0, width, 0, 0, primary, 1.0);

  /* the name, when it is set out beside the wordmark, is measured first:
   * then the wordmark is only its decoration */
  layout = NULL;
  if (org->short_name && *org->short_name && org->name && *org->name)
    {
      style = impact_builder_kicker_style (b, 7);
      style.letter_spacing = 0.7;
      layout = impact_builder_make_text (b, &style, org->name, FALSE, -1);
      impact_text_layout_get_size (layout, &name_w, &name_h);
      if (name_w >= b->content_width * 0.6)
        g_clear_object (&layout);
    }
  mh = impact_builder_place_wordmark (b, x, y, layout != NULL);
  if (layout != NULL)
    impact_builder_place_layout (b, layout, x + b->content_width - name_w, y + (mh - name_h) / 2,
                                 &b->on_primary, 1.0, NULL);
  y += mh + 20;

  style = impact_builder_heading_style (b, 68, PANGO_WEIGHT_HEAVY);
  style.uppercase = TRUE;
  style.letter_spacing = -1.6;
  style.line_height = 0.95;
  layout = make_title (b, style, b->content_width, 32);
  b->next_tag = "H1";
  /* a title in a tall face hangs by its ink, as a Latin one does */
  trim = impact_text_layout_get_top_trim (layout);
  title_h = impact_builder_place_layout (b, layout, x - 3, y - trim, &b->on_primary, 1.0, NULL) - trim;
  y += title_h;
  if (subtitle && *subtitle)
    {
      style = impact_builder_body_style (b, 13);
      style.size = 13;
      style.weight = PANGO_WEIGHT_MEDIUM;
      layout = impact_builder_make_text (b, &style, subtitle, FALSE, b->content_width);
      y += 4 + impact_builder_place_layout (b, layout, x, y + 4, &b->on_primary, 1.0, NULL);
    }
  header_bottom = y + 10;
  impact_builder_add_box (b, IMPACT_SECTION_HEADER, -1, 0, 0, width, header_bottom);

  y += 16;
  if (impact_document_get_statistics (b->doc)->len > 0)
    y = impact_section_statistics_place (b, y) + 24;
  else
    y += 8;

  g_array_index (b->page->ops, ImpactOp, band_op).h = y;
  impact_builder_add_rect (b, 0, y, width, 6, 0, accent, 1.0);
  return y + 6;
}

/* The header is the first thing on the front page: @y is ignored */
double
impact_section_header_place (ImpactLayoutBuilder *b,
                             double               y)
{
  (void) y;
  switch (b->design->header)
    {
    case IMPACT_HEADER_FIGURE_BAND:
      return place_figure_band (b);
    case IMPACT_HEADER_STRIPE_BAND:
    default:
      return place_stripe_band (b);
    }
}

/* JSON: the section's members, read (validated, reported with their path,
 * line and column) and written (keeping the text of what did not change);
 * moved here from impact-json-loader.c and impact-json-writer.c. The
 * helpers' short names below come from the loader's and the writer's
 * private headers. */

#include "impact-json-loader-private.h"
#include "impact-json-writer-private.h"

void
impact_section_header_read (ObjectCtx      *root,
                            ImpactDocument *doc)
{
  impact_document_set_office (doc, ctx_string (root, "office", STRING_REQUIRED));
  impact_document_set_title (doc, ctx_string (root, "title", 0));
  impact_document_set_subtitle (doc, ctx_string (root, "subtitle", 0));
}

void
impact_section_header_write (JsonObject     *root,
                             ImpactDocument *doc)
{
  put_string (root, "office", impact_document_get_office (doc));
  put_string (root, "title", impact_document_get_title (doc));
  put_string (root, "subtitle", impact_document_get_subtitle (doc));
}
