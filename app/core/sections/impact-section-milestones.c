/* impact-section-milestones.c: the milestones on a timeline
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

#define IMPACT_SHEET_MILESTONES 4

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
GArray *
impact_section_milestones_pick (ImpactDocument *doc,
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

double
impact_section_milestones_place (ImpactLayoutBuilder *b,
                                 double               y)
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

  picked = impact_section_milestones_pick (b->doc, IMPACT_SHEET_MILESTONES);
  n = picked->len;

  if (b->design->timeline_band)
    {
      /* the timeline runs across a full-bleed tinted band */
      band_op = b->page->ops->len;
      impact_builder_add_rect (b, 0, y, b->width, 0, 0, impact_theme_get_panel (b->theme), 1.0);
      y += 15;
    }
  else
    {
      impact_builder_add_line (b, x, y, x + b->content_width, y, 0.75, &b->rule, 1.0);
      y += 16;
    }

  {
    double kh = 0;

    if (heading && *heading)
      kh = impact_builder_place_kicker (b, heading, x, y, b->content_width * 0.6);
    if (n < milestones->len)
      {
        /* say plainly that this is a selection */
        g_autofree char *note = g_strdup_printf (_("%u of %u milestones shown"), n, milestones->len);
        ImpactTextStyle style = impact_builder_body_style (b, 7.5);
        PangoLayout *layout;
        double w;

        style.size = 7.5;
        style.style = PANGO_STYLE_ITALIC;
        layout = impact_builder_make_text (b, &style, note, FALSE, -1);
        impact_text_layout_get_size (layout, &w, NULL);
        impact_builder_place_layout (b, layout, x + b->content_width - w, y, &b->muted, 1.0, NULL);
      }
    y += kh + 8;
  }

  col_w = (b->content_width - 14 - gap * (MAX (n, 4) - 1)) / MAX (n, 4);

  /* years above the track */
  for (guint i = 0; i < n; i++)
    {
      const ImpactMilestone *m = g_ptr_array_index (milestones, g_array_index (picked, guint, i));
      g_autofree char *year = g_strdup_printf ("%d", m->date.year);
      ImpactTextStyle style = impact_builder_heading_style (b, b->design->year_size,
                                                            b->design->year_weight);
      PangoLayout *layout;
      double h;

      style.letter_spacing = b->design->year_tracking;
      layout = impact_builder_make_text (b, &style, year, FALSE, -1);
      h = impact_builder_place_layout (b, layout, x + i * (col_w + gap) + b->design->year_nudge, y,
                        impact_builder_color (b, b->design->year_color), 1.0, NULL);

      year_h = MAX (year_h, h);
    }
  track_y = y + year_h + 10;

  /* the track: a line with an arrow, a ring per milestone */
  impact_builder_add_line (b, x, track_y, x + b->content_width - 4, track_y, b->design->track_width, primary, 1.0);
  {
    double ax = x + b->content_width;
    double arrow[] = { ax, track_y, ax - 8, track_y - 4.5, ax - 8, track_y + 4.5 };

    impact_builder_add_polygon (b, arrow, 3, primary, 1.0);
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

      if (b->design->timeline_band)
        {
          /* a solid accent dot, set off the track by a ring of the band's tint */
          impact_builder_add_circle (b, cx + 6, track_y, 7.5, impact_theme_get_panel (b->theme), 0);
          impact_builder_add_circle (b, cx + 6, track_y, 6, accent, 0);
        }
      else
        {
          impact_builder_add_circle (b, cx + 6, track_y, 6, impact_theme_get_background (b->theme), 0);
          impact_builder_add_circle (b, cx + 6, track_y, 4.75, accent, 2.5);
        }

      if (impact_date_get_precision (&m->date) > IMPACT_DATE_PRECISION_YEAR)
        {
          g_autofree char *date = impact_date_format (&m->date);

          style = impact_builder_body_style (b, 7.5);
          style.size = 7.5;
          layout = impact_builder_make_text (b, &style, date, FALSE, col_w);
          cy += impact_builder_place_layout (b, layout, cx, cy, &b->muted, 1.0, NULL) + 1;
        }

      style = impact_builder_kicker_style (b, 7.5);
      style.letter_spacing = 0.6;
      style.size = 7.5;
      layout = impact_builder_make_text (b, &style, m->title, FALSE, col_w);
      impact_builder_check_glyphs (b, layout, path);
      cy += impact_builder_place_layout (b, layout, cx, cy, primary, 1.0, NULL) + 3;

      if (m->description && *m->description)
        {
          style = impact_builder_body_style (b, 8);
          style.line_height = 1.38;
          layout = impact_builder_make_text (b, &style, m->description, TRUE, col_w);
          cy += impact_builder_place_layout (b, layout, cx, cy, impact_theme_get_text (b->theme), 1.0, NULL);
        }
      if (m->metrics->len > 0)
        {
          g_autofree char *metrics = impact_milestone_format_metrics (m);

          style = impact_builder_kicker_style (b, 6.5);
          style.letter_spacing = 0.5;
          layout = impact_builder_make_text (b, &style, metrics, FALSE, col_w);
          cy += 4 + impact_builder_place_layout (b, layout, cx, cy + 4, impact_theme_get_accent_text (b->theme), 1.0, NULL);
        }
      impact_builder_add_box (b, IMPACT_SECTION_MILESTONES, index, cx, y, col_w, cy - y);
      bottom = MAX (bottom, cy);
    }

  if (band_op != G_MAXUINT)
    {
      bottom += 14;
      g_array_index (b->page->ops, ImpactOp, band_op).h = bottom - top;
    }
  impact_builder_add_box (b, IMPACT_SECTION_MILESTONES, -1, x, top, b->content_width, bottom - top);
  impact_builder_note_bottom (b, bottom, "milestones");
  return bottom;
}
