/* impact-section-facts.c: the facts: short texts with footnote marks, in balanced rows
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

/* The editor's fields */

static const ImpactFieldInfo facts_fields[] = {
  { "facts_heading", N_("Heading"), IMPACT_FIELD_LINE, IMPACT_VALUE_DOCUMENT,
    .get = impact_document_get_facts_heading, .set = impact_document_set_facts_heading },
  { NULL }
};

static const ImpactFieldInfo fact_fields[] = {
  { "text", N_("Text"), IMPACT_FIELD_PARAGRAPH, IMPACT_FIELD_AT (ImpactFact, text),
    IMPACT_FIELD_REQUIRED | IMPACT_FIELD_RICH },
  { "source.title", N_("Source"), IMPACT_FIELD_LINE, IMPACT_VALUE_SOURCE_TITLE, G_STRUCT_OFFSET (ImpactFact, source) },
  { "source.url", N_("Source Address"), IMPACT_FIELD_URL, IMPACT_VALUE_SOURCE_URL, G_STRUCT_OFFSET (ImpactFact, source) },
  { NULL }
};

const ImpactFieldGroup impact_section_facts_fields[] = {
  { "facts", N_("Facts"), NULL, facts_fields,
    .item_fields = fact_fields, .list = IMPACT_LIST_FACTS,
    .add_name = N_("Add Fact"), .items_name = N_("facts") },
  { NULL }
};

double
impact_section_facts_place (ImpactLayoutBuilder *b,
                            double               y)
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
    y += impact_builder_place_kicker (b, heading, x, y, b->content_width) + 6;

  /* at most four a row, the rows balanced: five are 3 + 2, seven 4 + 3,
   * never one alone under four */
  cols = n <= 4 ? n : (n + (n + 3) / 4 - 1) / ((n + 3) / 4);
  col_w = (b->content_width - gap * (cols - 1)) / cols;
  row_top = y;

  impact_builder_push_op (b, IMPACT_OP_TAG_BEGIN)->name = g_strdup ("L");
  for (guint i = 0; i < n; i++)
    {
      const ImpactFact *fact = g_ptr_array_index (facts, i);
      guint col = i % cols;
      double cx = x + col * (col_w + gap), cy = row_top;
      /* beside a side rule, or (open panels) hanging from a rule across the column */
      double text_x = cx + b->design->fact_inset;
      double text_w = col_w - (b->design->fact_inset > 0 ? b->design->fact_inset + 2 : 0);
      g_autoptr(GArray) spans = NULL;
      g_autofree char *plain = impact_emphasis_parse (fact->text, &spans, NULL);
      const char *rest = fact->text;
      g_autofree char *lead = NULL;
      ImpactTextStyle style;
      PangoLayout *layout;
      g_autofree char *path = g_strdup_printf ("facts[%u].text", i);

      if (col == 0 && i > 0)
        {
          impact_builder_equalise_rules (b, row_rules, row_top + row_h);
          row_top += row_h + 14;
          cy = row_top;
          row_h = 0;
          if (impact_builder_past_page (b, row_top, "facts"))
            break;
        }
      cy += b->design->fact_hang;

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

      /* a list item: the display figure its label, the text its body */
      impact_builder_push_op (b, IMPACT_OP_TAG_BEGIN)->name = g_strdup ("LI");
      if (lead != NULL)
        {
          b->next_tag = "Lbl";
          style = impact_builder_heading_style (b, b->design->fact_lead_size * b->scale,
                                 b->design->fact_lead_weight);
          layout = impact_builder_make_text (b, &style, lead, FALSE, text_w);
          cy += impact_builder_place_layout (b, layout, text_x, cy - 1, primary, 1.0, NULL) + 2;
        }

      style = impact_builder_body_style (b, b->design->fact_body_size);
      style.line_height = 1.38;
      {
        g_autofree char *mark = fact->source != NULL ?
          g_strdup_printf ("%u", impact_builder_source_number (b, fact->source)) : NULL;

        layout = impact_builder_make_marked_text (b, &style, rest, TRUE, text_w, 0, NULL,
                                                  mark, impact_theme_get_accent_text (b->theme));
      }
      impact_builder_check_glyphs (b, layout, path);
      b->next_tag = "LBody";
      cy += impact_builder_place_layout (b, layout, text_x, cy, impact_theme_get_text (b->theme), 1.0, NULL);
      impact_builder_push_op (b, IMPACT_OP_TAG_END)->name = g_strdup ("LI");

      if (b->design->panels == IMPACT_PANEL_OPEN)
        impact_builder_add_rect (b, cx, row_top, col_w, 3, 0, col == 0 ? accent : primary, 1.0);
      else
        {
          g_array_append_val (row_rules, b->page->ops->len);
          impact_builder_add_line (b, cx + 0.75, row_top, cx + 0.75, cy, col == 0 ? 3 : 1,
                    col == 0 ? accent : &b->rule, 1.0);
        }
      impact_builder_add_box (b, IMPACT_SECTION_FACTS, i, cx, row_top, col_w, cy - row_top);
      row_h = MAX (row_h, cy - row_top);
    }

  /* the rules of a row all run its full height, so the columns read as
   * one band rather than as bars of different lengths */
  impact_builder_push_op (b, IMPACT_OP_TAG_END)->name = g_strdup ("L");
  impact_builder_equalise_rules (b, row_rules, row_top + row_h);
  y = row_top + row_h;
  impact_builder_add_box (b, IMPACT_SECTION_FACTS, -1, x, top, b->content_width, y - top);
  impact_builder_note_bottom (b, y, "facts");
  return y;
}

/* JSON: the section's members, read (validated, reported with their path,
 * line and column) and written (keeping the text of what did not change);
 * moved here from impact-json-loader.c and impact-json-writer.c. The
 * helpers' short names below come from the loader's and the writer's
 * private headers. */

#include "impact-json-loader-private.h"
#include "impact-json-writer-private.h"

static const char * const fact_keys[] = { "text", "source", NULL };

static void
load_fact (ObjectCtx      *o,
           ImpactDocument *doc)
{
  g_autoptr(ImpactFact) fact = impact_fact_new ();

  fact->json = json_object_ref (o->object);

  fact->text = ctx_dup_string (o, "text", STRING_REQUIRED | STRING_RICH);
  fact->source = load_source (o, "source");
  ctx_check_members (o, fact_keys);
  g_ptr_array_add (impact_document_get_facts (doc), g_steal_pointer (&fact));
}

static JsonNode *
fact_node (const ImpactFact *fact)
{
  JsonObject *o = item_object (fact->json);

  put_string (o, "text", fact->text);
  put_source (o, fact->source);
  return take_object_node (o);
}

void
impact_section_facts_read (ObjectCtx      *root,
                           ImpactDocument *doc)
{
  impact_document_set_facts_heading (doc, ctx_string (root, "facts_heading", 0));
  load_array (root, "facts", load_fact, doc);
}

void
impact_section_facts_write (JsonObject     *root,
                            ImpactDocument *doc)
{
  put_string (root, "facts_heading", impact_document_get_facts_heading (doc));
  put_list (root, "facts", impact_document_get_facts (doc), (ItemNodeFunc) fact_node);
}
