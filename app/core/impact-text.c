/* impact-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "impact-text.h"

#include <pango/pangofc-font.h>
#include <pango/pangofc-fontmap.h>
#include <hb.h>
#include <string.h>

#include "impact-emphasis.h"
#include "impact-fonts.h"
#include "impact-script.h"
#include "impact-text-cache.h"

/* The sheet's font map, one per thread (Pango's fonts are not shared
 * between threads). Its resolution is the layout's, 72 dpi: Pango measures
 * a font's approximate character widths with a context of the font map's
 * resolution, and at the default 96 dpi every font description was matched
 * and loaded a second time, at another size, only for those metrics. */
static GPrivate font_map_key = G_PRIVATE_INIT (g_object_unref);
/* impact_fonts_get_serial() when the font map's configuration was set */
static GPrivate font_map_serial_key;

static PangoFontMap *
get_font_map (void)
{
  PangoFontMap *font_map = g_private_get (&font_map_key);
  guint serial = impact_fonts_get_serial ();

  if (font_map == NULL)
    {
      font_map = pango_cairo_font_map_new ();
      pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (font_map), 72.0);
      g_private_set (&font_map_key, font_map);
    }
  /* a private font configuration (impact-fonts.h) set or dropped since */
  if (GPOINTER_TO_UINT (g_private_get (&font_map_serial_key)) != serial)
    {
      if (PANGO_IS_FC_FONT_MAP (font_map))
        pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (font_map), impact_fonts_get_config ());
      g_private_set (&font_map_serial_key, GUINT_TO_POINTER (serial));
    }
  return font_map;
}

PangoContext *
impact_text_context_new (const char *language)
{
  PangoFontMap *font_map = get_font_map ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  if (language != NULL && *language != '\0')
    pango_context_set_language (context, pango_language_from_string (language));
  impact_text_cache_context_created ();
  return context;
}

/* Pango re-shapes the rest of a word at every line break it tries inside
 * it, so one unbroken run of tens of thousands of characters costs minutes.
 * Runs longer than any line could hold get a zero-width space every
 * BREAK_EVERY characters: an invisible break opportunity. Shorter runs
 * (long URLs among them) are left untouched. Returns NULL when nothing
 * needed breaking. */
#define LONG_RUN    160
#define BREAK_EVERY 80

/* No text block on a page can show more characters than this (a whole A4
 * page of the smallest body type, 7.5 pt, holds about 11,000); longer texts are cut, with an
 * ellipsis, before they are shaped. They overflow either way, and the
 * overflow warning says so; shaping a 64 KiB paragraph again for every
 * auto-fit attempt would only cost time. */
#define MAX_SHOWN_CHARS 12000

static char *
break_long_runs (const char *text)
{
  GString *out = NULL;
  const char *run_start = text;
  glong run = 0;

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isspace (ch) || ch == 0x200B)
        {
          run = 0;
          continue;
        }
      if (run == 0)
        run_start = p;
      run++;
      if (run > LONG_RUN)
        break;
    }
  if (run <= LONG_RUN)
    return NULL;

  (void) run_start;
  out = g_string_sized_new (strlen (text) + strlen (text) / BREAK_EVERY * 3 + 8);
  run = 0;
  for (const char *p = text; *p; )
    {
      const char *next = g_utf8_next_char (p);
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isspace (ch))
        run = 0;
      else if (++run > BREAK_EVERY && *p != '*' && *p != '\\' &&
               (p == text || (p[-1] != '\\' && p[-1] != '*')))
        {
          g_string_append (out, "\u200B");
          run = 1;
        }
      g_string_append_len (out, p, next - p);
      p = next;
    }
  return g_string_free (out, FALSE);
}

/* A style's line height is a factor of the font's own line height (its
 * ascent and descent), which a designer reads as so much leading for a
 * Latin face. Some faces reserve far more: Noto Sans Arabic's ascent and
 * descent span 2.8 em, Noto Naskh Arabic's 2.3 em, for marks stacked above
 * and below that a text rarely has, against 1.8 em for Noto Sans and less
 * for Bengali or Devanagari. Set with the same factor, their lines stand
 * half as far apart again as the design means, and even a single line (a
 * title, a figure) takes half as much depth again. Such a face's line is
 * given the line height of TALL_FONT_HEIGHT of its size instead (times the
 * style's factor), the difference taken off above and below it alike;
 * a face within it, and a layout none of whose lines is that tall, is set
 * as before. */
#define TALL_FONT_HEIGHT 1.85
/* what a display line of such a face keeps above its ink (of its size)
 * when it hangs by its ink: impact_text_layout_get_top_trim() */
#define TALL_FONT_TOP 0.12

/* A font's own line height, as Pango's metrics give it (pangofc-font.c:
 * the font's ascent, descent and line gap, scaled by the vertical factor of
 * a synthetic slant), read from its HarfBuzz font */
static int
face_height (PangoFont *font)
{
  hb_font_extents_t extents;
  FcMatrix *matrix;
  double height;

  hb_font_get_extents_for_direction (pango_font_get_hb_font (font), HB_DIRECTION_LTR, &extents);
  height = extents.ascender - extents.descender + extents.line_gap;
  if (PANGO_IS_FC_FONT (font) &&
      FcPatternGetMatrix (pango_fc_font_get_pattern (PANGO_FC_FONT (font)), FC_MATRIX, 0,
                          &matrix) == FcResultMatch &&
      (matrix->xx != 1 || matrix->xy != 0 || matrix->yx != 0 || matrix->yy != 1))
    return (int) (height * matrix->yy);
  return (int) height;
}

static gboolean
first_font_height (PangoFontset *fontset,
                   PangoFont    *font,
                   gpointer      data)
{
  *(int *) data = face_height (font);
  return TRUE;
}

/* What pango_context_get_metrics() says of a description's height: the
 * tallest of the fontset's first font and the fonts its language's sample
 * text is set in. Pango's own call also shapes the sample text twice and
 * loads every font once more under a description of its own, to measure
 * character widths that are not used here (20 calls were a sixth of a cold
 * export's instructions); this itemizes the sample text and reads each
 * font's extents. */
static int
measure_height (PangoContext               *context,
                const PangoFontDescription *desc,
                PangoLanguage              *language)
{
  PangoFontset *fontset;
  const char *sample;
  PangoAttrList *attrs;
  GList *items;
  int height = 0;

  /* Pango scales the metrics of a transformed context; leave that to it */
  if (pango_context_get_matrix (context) != NULL)
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, desc, language);

      height = pango_font_metrics_get_height (metrics);
      pango_font_metrics_unref (metrics);
      return height;
    }
  fontset = pango_font_map_load_fontset (pango_context_get_font_map (context), context, desc,
                                         language);
  if (fontset == NULL)
    return 0;
  pango_fontset_foreach (fontset, first_font_height, &height);
  g_object_unref (fontset);

  sample = pango_language_get_sample_string (language);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_font_desc_new (desc));
  items = pango_itemize (context, sample, 0, strlen (sample), attrs, NULL);
  for (GList *l = items; l != NULL; l = l->next)
    {
      PangoItem *item = l->data;

      if (item->analysis.font != NULL)
        height = MAX (height, face_height (item->analysis.font));
    }
  g_list_free_full (items, (GDestroyNotify) pango_item_free);
  pango_attr_list_unref (attrs);
  return height;
}

/* The line height of @desc's fonts in @context's language, kept per
 * context by description and language */
int
impact_text_font_height (PangoContext               *context,
                         const PangoFontDescription *desc)
{
  GHashTable *heights = g_object_get_data (G_OBJECT (context), "impact-font-heights");
  g_autofree char *name = pango_font_description_to_string (desc);
  PangoLanguage *language = pango_context_get_language (context);
  g_autofree char *key = g_strconcat (language != NULL ? pango_language_to_string (language) : "",
                                      "\n", name, NULL);
  gpointer value;

  if (heights == NULL)
    {
      heights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (context), "impact-font-heights", heights,
                              (GDestroyNotify) g_hash_table_unref);
    }
  if (!g_hash_table_lookup_extended (heights, key, NULL, &value))
    {
      value = GINT_TO_POINTER (measure_height (context, desc, language));
      g_hash_table_insert (heights, g_steal_pointer (&key), value);
    }
  return GPOINTER_TO_INT (value);
}

static void
fit_tall_lines (PangoLayout                *layout,
                PangoContext               *context,
                const PangoFontDescription *desc,
                PangoAttrList              *attrs,
                double                      factor)
{
  double size = pango_font_description_get_size (desc);
  double height = impact_text_font_height (context, desc);
  int tall = (int) (TALL_FONT_HEIGHT * size + 0.5), line_height = 0;

  if (size <= 0 || height <= tall)
    return;
  /* only when a line of it is that tall: a line of Latin figures keeps
   * its own height */
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoRectangle logical;

      pango_layout_line_get_extents (l->data, NULL, &logical);
      line_height = MAX (line_height, logical.height);
    }
  if (line_height <= tall)
    return;
  pango_attr_list_insert (attrs, pango_attr_line_height_new_absolute ((int) (tall * (factor > 0 ? factor : 1.0) + 0.5)));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_line_spacing (layout, 0);
  g_object_set_data (G_OBJECT (layout), "impact-text-tall", GINT_TO_POINTER (1));
}

static PangoLayout *shape_text (PangoContext          *context,
                                const ImpactTextStyle *style,
                                const char            *text,
                                gboolean               rich,
                                double                 width);

PangoLayout *
impact_text_layout_new (PangoContext          *context,
                        const ImpactTextStyle *style,
                        const char            *text,
                        gboolean               rich,
                        double                 width)
{
  return impact_text_layout_new_decorated (context, style, text, rich, width, NULL);
}

PangoLayout *
impact_text_layout_new_decorated (PangoContext               *context,
                                  const ImpactTextStyle      *style,
                                  const char                 *text,
                                  gboolean                    rich,
                                  double                      width,
                                  const ImpactTextDecoration *decoration)
{
  ImpactTextCache *cache = impact_text_cache_get_current ();
  g_autofree char *key = NULL;
  PangoLayout *layout;

  /* the window's re-layout: the layout of a text that did not change
   * (impact-text-cache.h) */
  if (cache != NULL)
    {
      key = impact_text_cache_make_key (context, style, text, rich, width, decoration);
      layout = impact_text_cache_lookup (cache, key);
      if (layout != NULL)
        {
          impact_fonts_check_text (pango_layout_get_text (layout));
          return layout;
        }
    }
  layout = shape_text (context, style, text, rich, width);
  if (decoration != NULL && decoration->prefix_bytes > 0)
    impact_text_layout_color_prefix (layout, decoration->prefix_bytes, decoration->prefix_red,
                                     decoration->prefix_green, decoration->prefix_blue);
  if (decoration != NULL && decoration->mark != NULL)
    impact_text_layout_append_superscript (layout, decoration->mark, decoration->mark_red,
                                           decoration->mark_green, decoration->mark_blue);
  if (cache != NULL)
    impact_text_cache_insert (cache, key, layout);
  return layout;
}

static PangoLayout *
shape_text (PangoContext          *context,
            const ImpactTextStyle *style,
            const char            *text,
            gboolean               rich,
            double                 width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_new ();
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autofree char *plain = NULL;
  g_autofree char *upper = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *families = NULL;
  glong full_length = 0;
  const char *shown;

  if (text != NULL && g_utf8_strlen (text, MAX_SHOWN_CHARS * 4 + 4) > MAX_SHOWN_CHARS)
    {
      full_length = g_utf8_strlen (text, -1);
      const char *end = g_utf8_offset_to_pointer (text, MAX_SHOWN_CHARS);

      cut = g_strdup_printf ("%.*s…", (int) (end - text), text);
      text = cut;
    }

  if ((broken = break_long_runs (text)) != NULL)
    text = broken;

  /* the theme's families, then Noto for the scripts and symbols they lack */
  families = impact_fonts_complete_families (style->family ? style->family : "Sans",
                                             pango_language_to_string (pango_context_get_language (context)),
                                             text);
  pango_font_description_set_family (desc, families);
  pango_font_description_set_weight (desc, style->weight ? style->weight : PANGO_WEIGHT_NORMAL);
  /* an italic style is set run by run below, only where the font has an
   * italic face: no slanted Arabic or Bengali */
  pango_font_description_set_style (desc, style->style == PANGO_STYLE_ITALIC ? PANGO_STYLE_NORMAL : style->style);
  pango_font_description_set_size (desc, (int) (style->size * PANGO_SCALE + 0.5));
  pango_layout_set_font_description (layout, desc);

  if (rich)
    plain = impact_emphasis_parse (text ? text : "", &spans, NULL);
  else
    plain = g_strdup (text ? text : "");

  shown = plain;
  if (style->uppercase)
    {
      /* Upper-casing may change byte lengths; emphasis is not used with
       * upper-case styles (kickers, labels), so spans are dropped. */
      upper = g_utf8_strup (plain, -1);
      shown = upper;
      g_clear_pointer (&spans, g_array_unref);
    }

  pango_layout_set_text (layout, shown, -1);
  impact_fonts_check_text (shown);
  if (style->style == PANGO_STYLE_ITALIC)
    impact_script_insert_italic (attrs, context, desc, shown, 0, strlen (shown));

  for (guint i = 0; spans && i < spans->len; i++)
    {
      const ImpactEmphasisSpan *span = &g_array_index (spans, ImpactEmphasisSpan, i);
      PangoAttribute *attr;

      if (span->flags & IMPACT_EMPHASIS_BOLD)
        {
          attr = pango_attr_weight_new (style->weight >= PANGO_WEIGHT_BOLD ?
                                        PANGO_WEIGHT_HEAVY : PANGO_WEIGHT_BOLD);
          attr->start_index = span->start;
          attr->end_index = span->end;
          pango_attr_list_insert (attrs, attr);
        }
      if (span->flags & IMPACT_EMPHASIS_ITALIC)
        impact_script_insert_italic (attrs, context, desc, shown, span->start, span->end);
    }

  /* not on letters that join or hang from a headstroke */
  if (style->letter_spacing != 0.0)
    impact_script_insert_letter_spacing (attrs, shown, (int) (style->letter_spacing * PANGO_SCALE));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("kern 1, liga 1, calt 1"));
  /* Allow hyphenation at explicit soft hyphens only: fact sheets are short
   * texts and automatic hyphens look cheap at these measures. */
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);

  if (style->line_height > 0)
    pango_layout_set_line_spacing (layout, style->line_height);
  pango_layout_set_alignment (layout, style->align);
  if (cut != NULL)
    g_object_set_data (G_OBJECT (layout), "impact-text-cut", GSIZE_TO_POINTER (full_length));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  fit_tall_lines (layout, context, desc, attrs, style->line_height);
  return layout;
}

void
impact_text_layout_color_prefix (PangoLayout *layout,
                                 guint        n_bytes,
                                 guint16      red,
                                 guint16      green,
                                 guint16      blue)
{
  PangoAttrList *attrs = pango_layout_get_attributes (layout);
  g_autoptr(PangoAttrList) copy = attrs ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
  PangoAttribute *attr;

  attr = pango_attr_foreground_new (red, green, blue);
  attr->start_index = 0;
  attr->end_index = n_bytes;
  pango_attr_list_insert (copy, attr);
  pango_layout_set_attributes (layout, copy);
}

void
impact_text_layout_append_superscript (PangoLayout *layout,
                                       const char  *mark,
                                       guint16      red,
                                       guint16      green,
                                       guint16      blue)
{
  GString *text = g_string_new (pango_layout_get_text (layout));
  PangoAttrList *old = pango_layout_get_attributes (layout);
  g_autoptr(PangoAttrList) attrs = old ? pango_attr_list_copy (old) : pango_attr_list_new ();
  guint start = text->len;
  PangoAttribute *attr;

  /* A thin no-break space keeps the mark on the word it belongs to */
  g_string_append (text, "\u2060");
  g_string_append (text, mark);

  attr = pango_attr_baseline_shift_new (PANGO_BASELINE_SHIFT_SUPERSCRIPT);
  attr->start_index = start;
  attr->end_index = text->len;
  pango_attr_list_insert (attrs, attr);
  attr = pango_attr_font_scale_new (PANGO_FONT_SCALE_SUPERSCRIPT);
  attr->start_index = start;
  attr->end_index = text->len;
  pango_attr_list_insert (attrs, attr);
  attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  attr->start_index = start;
  attr->end_index = text->len;
  pango_attr_list_insert (attrs, attr);
  attr = pango_attr_foreground_new (red, green, blue);
  attr->start_index = start;
  attr->end_index = text->len;
  pango_attr_list_insert (attrs, attr);

  pango_layout_set_text (layout, text->str, (int) text->len);
  impact_fonts_check_text (mark);
  pango_layout_set_attributes (layout, attrs);
  g_string_free (text, TRUE);
}

gsize
impact_text_layout_was_cut (PangoLayout *layout)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (layout), "impact-text-cut"));
}

void
impact_text_layout_get_size (PangoLayout *layout,
                             double      *width,
                             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width)
    *width = logical.width / (double) PANGO_SCALE;
  if (height)
    *height = logical.height / (double) PANGO_SCALE;
}

double
impact_text_layout_get_top_trim (PangoLayout *layout)
{
  PangoRectangle ink, logical;
  double size, spare;

  if (g_object_get_data (G_OBJECT (layout), "impact-text-tall") == NULL)
    return 0;
  pango_layout_get_extents (layout, &ink, &logical);
  if (ink.height <= 0)
    return 0;
  size = pango_font_description_get_size (pango_layout_get_font_description (layout)) / (double) PANGO_SCALE;
  spare = (ink.y - logical.y) / (double) PANGO_SCALE - TALL_FONT_TOP * size;
  return MAX (0, spare);
}

double
impact_text_layout_get_baseline (PangoLayout *layout)
{
  return pango_layout_get_baseline (layout) / (double) PANGO_SCALE;
}

char *
impact_text_find_missing_glyphs (PangoLayout *layout)
{
  GString *missing = NULL;
  const char *text = pango_layout_get_text (layout);
  int n = pango_layout_get_unknown_glyphs_count (layout);

  if (n <= 0)
    return NULL;

  /* Find which characters: walk the runs for PANGO_GLYPH_UNKNOWN_FLAG */
  {
    PangoLayoutIter *iter = pango_layout_get_iter (layout);

    do
      {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

        if (run == NULL)
          continue;
        for (int i = 0; i < run->glyphs->num_glyphs; i++)
          {
            PangoGlyphInfo *info = &run->glyphs->glyphs[i];

            if (info->glyph & PANGO_GLYPH_UNKNOWN_FLAG)
              {
                int offset = run->item->offset + run->glyphs->log_clusters[i];
                gunichar ch = g_utf8_get_char (text + offset);
                char buf[8] = { 0 };

                if (ch == '\n' || ch == 0x2060)
                  continue;
                g_unichar_to_utf8 (ch, buf);
                if (missing == NULL)
                  missing = g_string_new (NULL);
                if (strstr (missing->str, buf) == NULL)
                  g_string_append (missing, buf);
              }
          }
      }
    while (pango_layout_iter_next_run (iter));
    pango_layout_iter_free (iter);
  }
  return missing ? g_string_free (missing, FALSE) : NULL;
}
