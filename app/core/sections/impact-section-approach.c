/* impact-section-approach.c: the approach: the pillars with their icons
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

static const ImpactFieldInfo approach_fields[] = {
  { "approach_heading", N_("Heading"), IMPACT_FIELD_LINE, IMPACT_VALUE_DOCUMENT,
    .get = impact_document_get_approach_heading, .set = impact_document_set_approach_heading },
  { NULL }
};

static const ImpactFieldInfo pillar_fields[] = {
  { "lead", N_("Lead"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactPillar, lead), IMPACT_FIELD_REQUIRED },
  { "text", N_("Text"), IMPACT_FIELD_PARAGRAPH, IMPACT_FIELD_AT (ImpactPillar, text),
    IMPACT_FIELD_REQUIRED | IMPACT_FIELD_RICH },
  { "icon", N_("Icon"), IMPACT_FIELD_ICON, IMPACT_FIELD_AT (ImpactPillar, icon),
    .choices = impact_field_icon_choices, .choice_labels = impact_field_icon_labels },
  { NULL }
};

const ImpactFieldGroup impact_section_approach_fields[] = {
  { "approach", N_("Approach"), N_("How the office works, one pillar each"), approach_fields,
    .item_fields = pillar_fields, .list = IMPACT_LIST_PILLARS,
    .add_name = N_("Add Pillar"), .items_name = N_("pillars") },
  { NULL }
};

double
impact_section_approach_place (ImpactLayoutBuilder *b,
                               double               y)
{
  GPtrArray *pillars = impact_document_get_pillars (b->doc);
  const char *heading = impact_document_get_approach_heading (b->doc);
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  double x = b->margin, top = y, gap = 24, icon = 28;
  guint cols = pillars->len > 1 ? 2 : 1;
  double col_w = (b->content_width - gap * (cols - 1)) / cols;
  double row_top, row_h = 0;

  /* absent: no band, no heading, no space */
  if (pillars->len == 0)
    return y;

  if (b->design->approach_band)
    {
      /* a full-bleed band carries the page's heading, echoing the front */
      guint band_op = b->page->ops->len;
      double band_top = y;

      impact_builder_add_rect (b, 0, band_top, b->width, 0, 0, primary, 1.0);
      top = band_top;
      y = band_top + 27;
      if (heading && *heading)
        {
          ImpactTextStyle style = impact_builder_heading_style (b, 28, PANGO_WEIGHT_HEAVY);
          PangoLayout *layout;

          style.letter_spacing = -0.4;
          /* one line, a little smaller if need be, rather than a runt */
          layout = impact_builder_make_fitted_line (b, style, heading, b->content_width, 21);
          impact_builder_check_glyphs (b, layout, "approach_heading");
          b->next_tag = "H2";
          y += impact_builder_place_layout (b, layout, x, y, &b->on_primary, 1.0, NULL);
        }
      y += 18;
      g_array_index (b->page->ops, ImpactOp, band_op).h = y - band_top;
      impact_builder_add_rect (b, 0, y, b->width, 6, 0, accent, 1.0);
      y += 6 + 22;
    }
  else if (heading && *heading)
    {
      ImpactTextStyle style = impact_builder_heading_style (b, 21, PANGO_WEIGHT_HEAVY);
      PangoLayout *layout = impact_builder_make_text (b, &style, heading, FALSE, b->content_width);

      impact_builder_check_glyphs (b, layout, "approach_heading");
      b->next_tag = "H2";
      y += impact_builder_place_layout (b, layout, x, y, primary, 1.0, NULL) + 12;
    }

  row_top = y;
  impact_builder_push_op (b, IMPACT_OP_TAG_BEGIN)->name = g_strdup ("L");
  for (guint i = 0; i < pillars->len; i++)
    {
      const ImpactPillar *pillar = g_ptr_array_index (pillars, i);
      guint col = i % cols;
      double cx = x + col * (col_w + gap), h;
      double text_x = cx + icon + 10, text_w = col_w - icon - 10;
      g_autofree char *lead = impact_builder_escape_rich (pillar->lead);
      g_autofree char *rich = g_strdup_printf ("**%s** %s", lead, pillar->text ? pillar->text : "");
      g_autofree char *path = g_strdup_printf ("approach[%u].text", i);
      ImpactTextStyle style = impact_builder_body_style (b, b->design->pillar_body_size);
      PangoLayout *layout;
      const char *icon_name = pillar->icon && impact_icon_exists (pillar->icon) ? pillar->icon : NULL;

      if (col == 0 && i > 0)
        {
          row_top += row_h + 14 * b->scale;
          row_h = 0;
          if (impact_builder_past_page (b, row_top, "approach"))
            break;
        }

      layout = impact_builder_make_marked_text (b, &style, rich, TRUE, text_w,
                                                strlen (pillar->lead), primary, NULL, NULL);
      impact_builder_check_glyphs (b, layout, path);
      /* a list item; its tile's number is decoration */
      impact_builder_push_op (b, IMPACT_OP_TAG_BEGIN)->name = g_strdup ("LI");
      b->next_tag = "LBody";
      h = impact_builder_place_layout (b, layout, text_x, row_top, impact_theme_get_text (b->theme), 1.0, NULL);
      impact_builder_push_op (b, IMPACT_OP_TAG_END)->name = g_strdup ("LI");

      if (b->design->pillar_tile_radius >= 0)
        impact_builder_add_rect (b, cx, row_top, icon, icon, b->design->pillar_tile_radius,
                                 impact_builder_color (b, b->design->pillar_tile), 1.0);
      else
        impact_builder_add_circle (b, cx + icon / 2, row_top + icon / 2, icon / 2,
                                   impact_builder_color (b, b->design->pillar_tile), 0);
      if (icon_name)
        impact_builder_add_icon (b, icon_name, cx + icon * 0.22, row_top + icon * 0.22, icon * 0.56,
                  impact_builder_color (b, b->design->pillar_icon));
      else
        {
          g_autofree char *num = g_strdup_printf ("%u", i + 1);
          ImpactTextStyle ns = impact_builder_heading_style (b, 13, PANGO_WEIGHT_BOLD);
          PangoLayout *nl = impact_builder_make_text (b, &ns, num, FALSE, -1);
          double nw, nh;

          impact_text_layout_get_size (nl, &nw, &nh);
          b->next_tag = "";
          impact_builder_place_layout (b, nl, cx + (icon - nw) / 2, row_top + (icon - nh) / 2,
                        impact_builder_color (b, b->design->pillar_icon), 1.0, NULL);
        }

      h = MAX (h, icon);
      impact_builder_add_box (b, IMPACT_SECTION_APPROACH, i, cx, row_top, col_w, h);
      row_h = MAX (row_h, h);
    }
  impact_builder_push_op (b, IMPACT_OP_TAG_END)->name = g_strdup ("L");
  y = row_top + row_h;
  impact_builder_add_box (b, IMPACT_SECTION_APPROACH, -1, x, top, b->content_width, y - top);
  impact_builder_note_bottom (b, y, "approach");
  return y;
}

/* JSON: the section's members, read (validated, reported with their path,
 * line and column) and written (keeping the text of what did not change);
 * moved here from impact-json-loader.c and impact-json-writer.c. The
 * helpers' short names below come from the loader's and the writer's
 * private headers. */

#include "impact-json-loader-private.h"
#include "impact-json-writer-private.h"

static const char * const pillar_keys[] = { "lead", "text", "icon", NULL };

static void
load_pillar (ObjectCtx      *o,
             ImpactDocument *doc)
{
  g_autoptr(ImpactPillar) pillar = impact_pillar_new ();

  pillar->json = json_object_ref (o->object);

  pillar->lead = ctx_dup_string (o, "lead", STRING_REQUIRED);
  pillar->text = ctx_dup_string (o, "text", STRING_REQUIRED | STRING_RICH);
  pillar->icon = ctx_icon (o, "icon");
  ctx_check_members (o, pillar_keys);
  g_ptr_array_add (impact_document_get_pillars (doc), g_steal_pointer (&pillar));
}

static JsonNode *
pillar_node (const ImpactPillar *pillar)
{
  JsonObject *o = item_object (pillar->json);

  put_string (o, "lead", pillar->lead);
  put_string (o, "text", pillar->text);
  put_icon (o, pillar->icon);
  return take_object_node (o);
}

void
impact_section_approach_read (ObjectCtx      *root,
                              ImpactDocument *doc)
{
  impact_document_set_approach_heading (doc, ctx_string (root, "approach_heading", 0));
  load_array (root, "approach", load_pillar, doc);
}

void
impact_section_approach_write (JsonObject     *root,
                               ImpactDocument *doc)
{
  put_string (root, "approach_heading", impact_document_get_approach_heading (doc));
  put_list (root, "approach", impact_document_get_pillars (doc), (ItemNodeFunc) pillar_node);
}
