/* impact-section-problem.c: the problem: kicker, heading and body
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

static const ImpactFieldInfo problem_fields[] = {
  { "kicker", N_("Kicker"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactProblem, kicker) },
  { "heading", N_("Heading"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactProblem, heading) },
  { "body", N_("Body"), IMPACT_FIELD_PARAGRAPH, IMPACT_FIELD_AT (ImpactProblem, body), IMPACT_FIELD_RICH },
  { NULL }
};

static gpointer
problem_record (ImpactDocument *doc)
{
  return impact_document_get_problem (doc);
}

const ImpactFieldGroup impact_section_problem_fields[] = {
  { "problem", N_("Problem"), NULL, problem_fields, problem_record },
  { NULL }
};

static double
place_stacked (ImpactLayoutBuilder *b,
               double               y)
{
  ImpactProblem *problem = impact_document_get_problem (b->doc);
  double x = b->margin, top = y;
  ImpactTextStyle style;
  PangoLayout *layout;

  if ((problem->heading == NULL || !*problem->heading) && (problem->body == NULL || !*problem->body))
    return y;

  if (problem->kicker && *problem->kicker)
    {
      y += impact_builder_place_kicker (b, problem->kicker, x, y, b->content_width) + 2;
      /* the kicker leads into the heading: a paragraph, not a heading above it */
      g_array_index (b->page->ops, ImpactOp, b->page->ops->len - 1).struct_tag = "P";
    }
  if (problem->heading && *problem->heading)
    {
      style = impact_builder_heading_style (b, 20, PANGO_WEIGHT_HEAVY);
      style.uppercase = TRUE;
      layout = impact_builder_make_text (b, &style, problem->heading, FALSE, b->content_width);
      impact_builder_check_glyphs (b, layout, "problem.heading");
      b->next_tag = "H2";
      y += impact_builder_place_layout (b, layout, x, y, impact_theme_get_primary (b->theme), 1.0, NULL) + 6;
    }
  if (problem->body && *problem->body)
    {
      style = impact_builder_body_style (b, 8.75);
      layout = impact_builder_make_text (b, &style, problem->body, TRUE, b->content_width);
      impact_builder_check_glyphs (b, layout, "problem.body");
      y += impact_builder_place_layout (b, layout, x, y, impact_theme_get_text (b->theme), 1.0, NULL);
    }
  impact_builder_add_box (b, IMPACT_SECTION_PROBLEM, -1, x, top, b->content_width, y - top);
  impact_builder_note_bottom (b, y, "problem.body");
  return y;
}

static double
place_grid (ImpactLayoutBuilder *b,
            double               y)
{
  ImpactProblem *problem = impact_document_get_problem (b->doc);
  double x = b->margin, top = y, gap = 24;
  double left_w = round (b->content_width * b->design->left_column);
  double right_x = x + left_w + gap, right_w = b->content_width - left_w - gap;
  double left_y = y, right_y = y;
  ImpactTextStyle style;
  PangoLayout *layout;
  gboolean wide = FALSE;

  if ((problem->heading == NULL || !*problem->heading) && (problem->body == NULL || !*problem->body))
    return y;

  if (problem->kicker && *problem->kicker)
    {
      left_y += impact_builder_place_kicker (b, problem->kicker, x, left_y, left_w) + 4;
      /* the kicker leads into the heading: a paragraph, not a heading above it */
      g_array_index (b->page->ops, ImpactOp, b->page->ops->len - 1).struct_tag = "P";
    }
  if (problem->heading && *problem->heading)
    {
      style = impact_builder_heading_style (b, 24, PANGO_WEIGHT_HEAVY);
      style.uppercase = TRUE;
      style.letter_spacing = -0.3;
      style.line_height = 1.0;
      style.size = impact_builder_fit_longest_word (b, &style, problem->heading, left_w, 14);
      layout = impact_builder_make_text (b, &style, problem->heading, FALSE, left_w);
      if (pango_layout_get_line_count (layout) > 3)
        {
          /* a heading that would stand as a tower in the narrow column
           * spans the measure instead, the text under it */
          style.size = 24;
          g_object_unref (layout);
          layout = impact_builder_make_text (b, &style, problem->heading, FALSE, b->content_width);
          wide = TRUE;
        }
      impact_builder_check_glyphs (b, layout, "problem.heading");
      b->next_tag = "H2";
      left_y += impact_builder_place_layout (b, layout, x, left_y, impact_theme_get_primary (b->theme), 1.0, NULL);
      if (wide)
        {
          right_x = x;
          right_w = b->content_width;
          right_y = left_y + 8;
        }
    }
  if (problem->body && *problem->body)
    {
      style = impact_builder_body_style (b, 8.75);
      style.line_height = 1.45;
      layout = impact_builder_make_text (b, &style, problem->body, TRUE, right_w);
      impact_builder_check_glyphs (b, layout, "problem.body");
      right_y += impact_builder_place_layout (b, layout, right_x, right_y - 1, impact_theme_get_text (b->theme), 1.0, NULL);
    }
  y = MAX (left_y, right_y);
  impact_builder_add_box (b, IMPACT_SECTION_PROBLEM, -1, x, top, b->content_width, y - top);
  impact_builder_note_bottom (b, y, "problem.body");
  return y;
}

/* Stacked in the measure with filled panels; on an asymmetric grid (the
 * heading in the narrow left column, the text in the wide right one) with
 * open ones */
double
impact_section_problem_place (ImpactLayoutBuilder *b,
                              double               y)
{
  if (b->design->panels == IMPACT_PANEL_OPEN)
    return place_grid (b, y);
  return place_stacked (b, y);
}

/* JSON: the section's members, read (validated, reported with their path,
 * line and column) and written (keeping the text of what did not change);
 * moved here from impact-json-loader.c and impact-json-writer.c. The
 * helpers' short names below come from the loader's and the writer's
 * private headers. */

#include "impact-json-loader-private.h"
#include "impact-json-writer-private.h"

static const char * const problem_keys[] = { "kicker", "heading", "body", NULL };

static void
load_problem (ObjectCtx      *root,
              ImpactDocument *doc)
{
  ImpactProblem *problem = impact_document_get_problem (doc);
  g_autofree char *path = NULL;
  ObjectCtx o;

  if (!ctx_object (root, "problem", FALSE, &o, &path))
    return;
  problem->kicker = ctx_dup_string (&o, "kicker", 0);
  problem->heading = ctx_dup_string (&o, "heading", 0);
  problem->body = ctx_dup_string (&o, "body", STRING_RICH);
  ctx_check_members (&o, problem_keys);
}

void
impact_section_problem_read (ObjectCtx      *root,
                             ImpactDocument *doc)
{
  load_problem (root, doc);
}

void
impact_section_problem_write (JsonObject     *root,
                              ImpactDocument *doc)
{
  ImpactProblem *problem;
  JsonObject *o;

  problem = impact_document_get_problem (doc);
  o = section_object (root, "problem");
  put_string (o, "kicker", problem->kicker);
  put_string (o, "heading", problem->heading);
  put_string (o, "body", problem->body);
  put_object (root, "problem", o);
}
