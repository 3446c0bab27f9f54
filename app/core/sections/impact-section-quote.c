/* impact-section-quote.c: the quote and its attribution
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
#include "impact-sheet-words.h"

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
  PangoLayout *text, *attribution = NULL, *mark;
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
      style = impact_builder_heading_style (b, 96, PANGO_WEIGHT_HEAVY);
      mark = impact_builder_make_text (b, &style, "“", FALSE, -1);
      {
        double mw;

        impact_text_layout_get_size (mark, &mw, NULL);
        b->next_tag = "";
        impact_builder_place_layout (b, mark, mx - mw + 4, y - 26, accent, 1.0, NULL);
      }
    }
  else
    {
      impact_builder_add_rect (b, x, y, b->content_width, h, 0, impact_theme_get_panel (b->theme), 1.0);
      style = impact_builder_heading_style (b, 64, PANGO_WEIGHT_HEAVY);
      mark = impact_builder_make_text (b, &style, "“", FALSE, -1);
      b->next_tag = "";
      impact_builder_place_layout (b, mark, x + pad - 2, y + pad - 14, accent, 1.0, NULL);
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
