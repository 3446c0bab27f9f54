/* impact-section-quote.c: the quote and its attribution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-sheet-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "impact-direction.h"
#include "impact-emphasis.h"
#include "impact-sections.h"
#include "impact-sheet-words.h"

/* The editor's fields */

static const ImpactFieldInfo quote_fields[] = {
  { "text", N_("Quotation"), IMPACT_FIELD_PARAGRAPH, IMPACT_FIELD_AT (ImpactQuote, text), IMPACT_FIELD_REQUIRED },
  { "attribution", N_("Attribution"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactQuote, attribution) },
  { "role", N_("Role"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactQuote, role) },
  { "pseudonym", N_("Pseudonym"), IMPACT_FIELD_SWITCH, IMPACT_VALUE_BOOLEAN, G_STRUCT_OFFSET (ImpactQuote, pseudonym),
    .hint = N_("Marks the name with an asterisk") },
  { NULL }
};

static gpointer
quote_record (ImpactDocument *doc)
{
  return impact_document_get_quote (doc);
}

static void
quote_add (ImpactDocument *doc)
{
  ImpactQuote *quote = impact_quote_new ();

  quote->text = g_strdup (_("A few words from someone the office has served."));
  impact_document_take_quote (doc, quote);
}

static void
quote_drop (ImpactDocument *doc)
{
  impact_document_take_quote (doc, NULL);
}

const ImpactFieldGroup impact_section_quote_fields[] = {
  { "quote", N_("Quote"), NULL, quote_fields, quote_record, quote_add, quote_drop },
  { NULL }
};

/* The language's opening quotation mark alone: « for fr, „ for de, ” for
 * ar (CLDR, through the sheet words), without the space set inside it */
static char *
opening_mark (const char *language)
{
  g_autofree char *open = NULL;
  GString *mark = g_string_new (NULL);

  impact_sheet_words_get_quote_marks (language, FALSE, &open, NULL);
  for (const char *p = open; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_SPACE_SEPARATOR &&
          g_unichar_type (c) != G_UNICODE_FORMAT)
        g_string_append_unichar (mark, c);
    }
  if (mark->len == 0)
    g_string_append (mark, "“");
  return g_string_free (mark, FALSE);
}

/* The outline of @layout, flattened, as closed polygons (n_points, then
 * the points, for each); NULL when a contour is a hole (its winding is the
 * opposite of the others'), which one filled polygon a contour cannot draw */
static GArray *
outline_contours (PangoLayout *layout)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  cairo_path_t *path;
  GArray *out = g_array_new (FALSE, FALSE, sizeof (double));
  gssize start = -1;
  int winding = 0;
  gboolean hole = FALSE;

  cairo_set_tolerance (cr, 0.05);
  pango_cairo_layout_path (cr, layout);
  path = cairo_copy_path_flat (cr);
  for (int i = 0; path->status == CAIRO_STATUS_SUCCESS && i < path->num_data && !hole;
       i += path->data[i].header.length)
    {
      cairo_path_data_t *d = &path->data[i];

      if (d->header.type == CAIRO_PATH_MOVE_TO || d->header.type == CAIRO_PATH_CLOSE_PATH)
        {
          /* the contour before ends: its signed area gives its winding */
          if (start >= 0)
            {
              double *pts = &g_array_index (out, double, start + 1);
              guint n = (guint) g_array_index (out, double, start);
              double area = 0;

              for (guint k = 0; k < n; k++)
                area += pts[2 * k] * pts[2 * ((k + 1) % n) + 1] - pts[2 * ((k + 1) % n)] * pts[2 * k + 1];
              if (n < 3 || fabs (area) < 1e-6)
                g_array_set_size (out, start);
              else if (winding == 0)
                winding = area > 0 ? 1 : -1;
              else
                hole = (area > 0 ? 1 : -1) != winding;
              start = -1;
            }
        }
      if (d->header.type == CAIRO_PATH_MOVE_TO || d->header.type == CAIRO_PATH_LINE_TO)
        {
          double x = d[1].point.x, y = d[1].point.y;

          if (start < 0)
            {
              double zero = 0;

              start = out->len;
              g_array_append_val (out, zero);
            }
          g_array_append_val (out, x);
          g_array_append_val (out, y);
          g_array_index (out, double, start) += 1;
        }
    }
  if (start >= 0)
    g_array_set_size (out, start);   /* an open contour: not part of a glyph */
  if (path->status != CAIRO_STATUS_SUCCESS || out->len == 0)
    hole = TRUE;
  cairo_path_destroy (path);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (hole)
    {
      g_array_unref (out);
      return NULL;
    }
  return out;
}

/* The large opening mark of the quote, an ornament: drawn as its outline,
 * not as text (no stray mark in the PDF's text, for a screen reader or a
 * copy), at most @size points and shrunk to fit @max_w × @max_h, its ink's
 * top edge at @top and its ink's left edge at @left (or, @right_aligned,
 * its right edge there). Every mark hangs the same way, whatever its shape:
 * a low „ is set as high as a “. */
static void
place_opening_mark (ImpactLayoutBuilder *b,
                    double               size,
                    double               left,
                    gboolean             right_aligned,
                    double               top,
                    double               max_w,
                    double               max_h)
{
  g_autofree char *mark = opening_mark (impact_document_get_language (b->doc));
  ImpactTextStyle style = impact_builder_heading_style (b, size, PANGO_WEIGHT_HEAVY);
  g_autoptr(PangoLayout) layout = impact_builder_make_text (b, &style, mark, FALSE, -1);
  g_autoptr(GArray) contours = NULL;
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  gboolean rtl = impact_document_is_rtl (b->doc);
  PangoRectangle ink;
  double ix, iy, iw, ih, k, x0;

  pango_layout_get_extents (layout, &ink, NULL);
  ix = ink.x / (double) PANGO_SCALE;
  iy = ink.y / (double) PANGO_SCALE;
  iw = ink.width / (double) PANGO_SCALE;
  ih = ink.height / (double) PANGO_SCALE;
  if (iw <= 0 || ih <= 0)
    return;
  /* no taller than an English “ of the size: a « or a 「 is not to
   * outweigh it */
  if (strcmp (mark, "“") != 0)
    {
      g_autoptr(PangoLayout) reference = impact_builder_make_text (b, &style, "“", FALSE, -1);
      PangoRectangle ref;

      pango_layout_get_extents (reference, &ref, NULL);
      if (ref.height > 0)
        max_h = MIN (max_h, ref.height / (double) PANGO_SCALE);
    }
  k = MIN (1.0, MIN (max_w / iw, max_h / ih));
  x0 = right_aligned ? left - iw * k : left;

  contours = outline_contours (layout);
  if (contours == NULL)
    {
      /* a mark with a counter: set as text, its ink in the same place */
      b->next_tag = "";
      impact_builder_place_layout (b, g_steal_pointer (&layout), x0 - ix, top - iy, accent, 1.0, NULL);
      return;
    }
  for (guint i = 0; i < contours->len; )
    {
      guint n = (guint) g_array_index (contours, double, i);
      g_autofree double *pts = g_new (double, 2 * n);

      for (guint p = 0; p < n; p++)
        {
          double px = g_array_index (contours, double, i + 1 + 2 * p);
          double py = g_array_index (contours, double, i + 2 + 2 * p);
          double x = (px - ix) * k, y = (py - iy) * k;

          /* the page of a right-to-left sheet is mirrored once laid out:
           * the glyph is drawn mirrored here so that it reads the right
           * way round there */
          pts[2 * p] = x0 + (rtl ? iw * k - x : x);
          pts[2 * p + 1] = top + y;
        }
      impact_builder_add_polygon (b, pts, n, accent, 1.0);
      i += 1 + 2 * n;
    }
}

double
impact_section_quote_place (ImpactLayoutBuilder *b,
                            double               y)
{
  ImpactQuote *quote = impact_document_get_quote (b->doc);
  const char *language = impact_document_get_language (b->doc);
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  double x = b->margin, pad = 16, mark_w = 44, top = y, h;
  ImpactTextStyle style;
  PangoLayout *text, *attribution = NULL;
  double text_h, attr_h = 0;

  if (quote == NULL || quote->text == NULL || !*quote->text)
    return y;

  if (b->design->panels == IMPACT_PANEL_OPEN)
    {
      /* a pull quote: no panel, larger upright type against an accent bar,
       * set in the right-hand column of the problem's grid */
      pad = 0;
      mark_w = round (b->content_width * b->design->left_column) + 24;
      style = impact_builder_heading_style (b, 13 * b->scale, PANGO_WEIGHT_SEMIBOLD);
      style.line_height = 1.28;
      style.letter_spacing = -0.1;
    }
  else
    {
      style = impact_builder_body_style (b, 11.5);
      style.style = PANGO_STYLE_ITALIC;
      style.line_height = 1.36;
    }
  text = impact_builder_make_text (b, &style, quote->text, TRUE, b->content_width - 2 * pad - mark_w);
  impact_builder_check_glyphs (b, text, "quote.text");
  impact_text_layout_get_size (text, NULL, &text_h);

  if (quote->attribution && *quote->attribution)
    {
      g_autofree char *name = g_strconcat (quote->attribution,
                                           quote->pseudonym ? impact_sheet_word (language, IMPACT_WORD_PSEUDONYM_MARKER) : "",
                                           NULL);
      g_autofree char *line = quote->role && *quote->role
        ? impact_sheet_words_format (language, IMPACT_WORD_QUOTE_ATTRIBUTION_ROLE, 0,
                                     "name", name, "role", quote->role, NULL)
        : impact_sheet_words_format (language, IMPACT_WORD_QUOTE_ATTRIBUTION, 0,
                                     "name", name, NULL);
      style = impact_builder_kicker_style (b, 7.5);
      style.uppercase = FALSE;
      style.letter_spacing = 0.5;
      attribution = impact_builder_make_text (b, &style, line, FALSE, b->content_width - 2 * pad - mark_w);
      impact_text_layout_get_size (attribution, NULL, &attr_h);
      attr_h += 10;
    }

  h = pad + text_h + attr_h + pad;
  if (b->design->panels == IMPACT_PANEL_OPEN)
    {
      double mx = x + mark_w - 24;

      /* the opening mark, large in the accent colour, hangs left of a bar */
      impact_builder_add_rect (b, mx + 12, y + 2, 4, h - 4, 0, accent, 1.0);
      place_opening_mark (b, 96, mx + 2, TRUE, y + 2, mark_w - 28, h - 4);
    }
  else
    {
      impact_builder_add_rect (b, x, y, b->content_width, h, 0, impact_theme_get_panel (b->theme), 1.0);
      place_opening_mark (b, 64, x + pad, FALSE, y + pad + 1, mark_w - 10, h - 2 * pad - 1);
    }

  impact_builder_push_op (b, IMPACT_OP_TAG_BEGIN)->name = g_strdup ("BlockQuote");
  impact_builder_place_layout (b, text, x + pad + mark_w, y + pad, primary, 1.0, NULL);
  if (attribution)
    impact_builder_place_layout (b, attribution, x + pad + mark_w, y + pad + text_h + 10, &b->muted, 1.0, NULL);
  impact_builder_push_op (b, IMPACT_OP_TAG_END)->name = g_strdup ("BlockQuote");

  y += h;
  impact_builder_add_box (b, IMPACT_SECTION_QUOTE, -1, x, top, b->content_width, h);
  impact_builder_note_bottom (b, y, "quote.text");
  return y;
}

/* JSON: the section's members, read (validated, reported with their path,
 * line and column) and written (keeping the text of what did not change);
 * moved here from impact-json-loader.c and impact-json-writer.c. The
 * helpers' short names below come from the loader's and the writer's
 * private headers. */

#include "impact-json-loader-private.h"
#include "impact-json-writer-private.h"

static const char * const quote_keys[] = { "text", "attribution", "role", "pseudonym", NULL };

static void
load_quote (ObjectCtx      *root,
            ImpactDocument *doc)
{
  g_autofree char *path = NULL;
  ImpactQuote *quote;
  ObjectCtx o;

  if (!ctx_object (root, "quote", FALSE, &o, &path))
    return;
  quote = impact_quote_new ();
  quote->text = ctx_dup_string (&o, "text", STRING_REQUIRED);
  quote->attribution = ctx_dup_string (&o, "attribution", 0);
  quote->role = ctx_dup_string (&o, "role", 0);
  ctx_boolean (&o, "pseudonym", &quote->pseudonym);
  ctx_check_members (&o, quote_keys);
  impact_document_take_quote (doc, quote);
}

void
impact_section_quote_read (ObjectCtx      *root,
                           ImpactDocument *doc)
{
  load_quote (root, doc);
}

void
impact_section_quote_write (JsonObject     *root,
                            ImpactDocument *doc)
{
  ImpactQuote *quote;
  JsonObject *o;

  quote = impact_document_get_quote (doc);
  if (quote != NULL)
    {
      o = section_object (root, "quote");
      put_string (o, "text", quote->text);
      put_string (o, "attribution", quote->attribution);
      put_string (o, "role", quote->role);
      put_flag (o, "pseudonym", quote->pseudonym);
      put (root, "quote", json_node_init_object (json_node_alloc (), o));
      json_object_unref (o);
    }
  else
    put (root, "quote", NULL);
}
