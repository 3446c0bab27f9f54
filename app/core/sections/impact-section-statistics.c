/* impact-section-statistics.c: the statistics: big figures with their labels (panels, band, card)
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

/* The statistics stand side by side: past the number whose panels would be
 * too narrow to read, the rest are left out (and laid out at no cost). */
guint
impact_section_statistics_shown (ImpactLayoutBuilder *b)
{
  guint n = impact_document_get_statistics (b->doc)->len;

  return MIN (n, impact_builder_max_panels (b, b->design->stat_min_width, b->design->stat_min_gap));
}

/* One statistic's parts, measured */
typedef struct
{
  PangoLayout *number;
  PangoLayout *extra;    /* scale word, suffix (and then the qualifier); NULL = none */
  PangoLayout *label;
  gboolean     icon;
} StatParts;

static void
stat_parts_clear (gpointer data)
{
  StatParts *parts = data;

  g_clear_object (&parts->number);
  g_clear_object (&parts->extra);
  g_clear_object (&parts->label);
}

static ImpactTextStyle
number_style (ImpactLayoutBuilder        *b,
              const ImpactStatisticsLook *look,
              double                      size)
{
  ImpactTextStyle style = impact_builder_heading_style (b, size, look->number_weight);

  style.letter_spacing = -size * look->number_tracking;
  return style;
}

/* The statistics side by side in one row: as coloured panels, or as big
 * figures straight on the page or band with hairlines between them, as the
 * design's look says. Every figure takes one size, the largest at which the
 * widest figure and its scale word fit its column; a scale word that does
 * not fit even at the smallest size goes to a line of its own under the
 * figure, so nothing ever runs out of its panel. */
/* One row of @n statistics from @first, in @cols columns; the figures
 * start at @number_size and take the largest size at which all fit, which
 * is returned in *@size_out; returns the row's bottom */
static double
place_row (ImpactLayoutBuilder *b,
           double               y,
           guint                first,
           guint                n,
           guint                cols,
           double               number_size,
           gboolean             fit,
           double              *size_out)
{
  const ImpactStatisticsLook *look = &b->design->stats;
  GPtrArray *all = impact_document_get_statistics (b->doc);
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  double ts = b->type_scale, x = b->margin;
  double gap = look->gap[cols > 3], pad = look->pad[cols > 3];
  double col_w, icon_w = 0, max_ascent = 0, max_descent = 0, max_label = 0, max_extra_below = 0;
  double label_ink = G_MAXDOUBLE;
  double number_top, baseline, label_top, extra_top, bottom;
  gboolean extra_below = FALSE;
  g_autoptr(GArray) parts = g_array_new (FALSE, TRUE, sizeof (StatParts));

  g_array_set_clear_func (parts, stat_parts_clear);
  g_array_set_size (parts, n);

  col_w = (b->content_width - gap * (cols - 1)) / cols;
  for (guint i = 0; i < n; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (all, first + i);

      g_array_index (parts, StatParts, i).icon = stat->icon && impact_icon_exists (stat->icon);
      /* labels of all columns are indented alike when any has an icon */
      if (look->icon_leads_label && g_array_index (parts, StatParts, i).icon)
        icon_w = 22 * ts;
    }

  /* one size for every figure, the largest at which the widest fits */
  for (guint i = 0; i < n && fit; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (all, first + i);
      g_autofree char *number = impact_builder_stat_number (b, stat);
      g_autofree char *extra = impact_builder_stat_extra_text (b, stat);
      ImpactTextStyle style = number_style (b, look, number_size);
      g_autoptr(PangoLayout) probe = impact_builder_make_text (b, &style, number, FALSE, -1);
      double w, extra_w = 0;
      double avail = col_w - 2 * pad - (!look->icon_leads_label && g_array_index (parts, StatParts, i).icon ? 22 : 0);

      if (extra != NULL)
        {
          ImpactTextStyle es = impact_builder_heading_style (b, number_size * look->extra_size, PANGO_WEIGHT_BOLD);
          g_autoptr(PangoLayout) ep = impact_builder_make_text (b, &es, extra, FALSE, -1);

          impact_text_layout_get_size (ep, &extra_w, NULL);
          extra_w += number_size * 0.08;
        }
      impact_text_layout_get_size (probe, &w, NULL);
      /* the scale word may go under the figure; the figure itself must fit,
       * below the design's smallest size if need be */
      if (w + extra_w > avail)
        number_size = MIN (number_size, MAX (look->min_number_size, number_size * avail / (w + extra_w)));
      if (w * number_size / style.size > avail + 0.01)
        number_size = MAX (8, floor (style.size * avail / w * 10) / 10);
    }

  for (guint i = 0; i < n; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (all, first + i);
      StatParts *p = &g_array_index (parts, StatParts, i);
      g_autofree char *number = impact_builder_stat_number (b, stat);
      g_autofree char *extra = impact_builder_stat_extra_text (b, stat);
      g_autofree char *path = g_strdup_printf ("statistics[%u].label", first + i);
      double avail = col_w - 2 * pad - (!look->icon_leads_label && p->icon ? 22 : 0);
      ImpactTextStyle style = number_style (b, look, number_size);
      double h, nw;

      p->number = impact_builder_make_text (b, &style, number, FALSE, -1);
      impact_builder_check_glyphs (b, p->number, "statistics");
      max_ascent = MAX (max_ascent, impact_text_layout_get_baseline (p->number));
      impact_text_layout_get_size (p->number, &nw, NULL);
      {
        PangoRectangle ink;

        pango_layout_get_extents (p->number, &ink, NULL);
        max_descent = MAX (max_descent, (ink.y + ink.height) / (double) PANGO_SCALE -
                                        impact_text_layout_get_baseline (p->number));
      }

      if (extra != NULL)
        {
          double ew;

          style = impact_builder_heading_style (b, number_size * look->extra_size, PANGO_WEIGHT_BOLD);
          p->extra = impact_builder_make_text (b, &style, extra, FALSE, -1);
          impact_text_layout_get_size (p->extra, &ew, NULL);
          if (nw + number_size * 0.08 + ew > avail + 0.01)
            {
              /* too wide beside the figure even at the smallest size: wrap
               * it onto its own line(s) under the figure */
              g_object_unref (p->extra);
              p->extra = impact_builder_make_text (b, &style, extra, FALSE, col_w - 2 * pad);
              g_object_set_data (G_OBJECT (p->extra), "impact-below", GINT_TO_POINTER (1));
              impact_text_layout_get_size (p->extra, NULL, &h);
              max_extra_below = MAX (max_extra_below, h);
              extra_below = TRUE;
            }
        }

      if (look->label_caps)
        {
          style = impact_builder_kicker_style (b, look->label_size * ts);
          style.letter_spacing = 0.5;
        }
      else
        {
          style = impact_builder_body_style (b, look->label_size);
          style.size = look->label_size * ts;
          style.weight = PANGO_WEIGHT_MEDIUM;
        }
      style.line_height = look->label_line_height;
      p->label = impact_builder_make_text (b, &style, stat->label, FALSE,
                                           col_w - 2 * pad - (icon_w > 0 ? 6 + icon_w : 0));
      impact_builder_mark_statistic_source (b, p->label, stat);
      impact_builder_check_glyphs (b, p->label, path);
      {
        PangoRectangle ink;

        pango_layout_get_extents (p->label, &ink, NULL);
        label_ink = MIN (label_ink, ink.y / (double) PANGO_SCALE);
      }
      impact_text_layout_get_size (p->label, NULL, &h);
      max_label = MAX (max_label, h);
    }

  number_top = y + (look->panel ? pad + 2 : 0);
  baseline = number_top + max_ascent;
  /* the label hangs from the figures' baseline: a fixed distance, so the
   * labels line up even when one figure has a comma's descent */
  label_top = baseline + (look->label_drop_max ? MAX (number_size * look->label_drop, look->label_drop_pt)
                                               : number_size * look->label_drop + look->label_drop_pt);
  /* a figure with a deep descender ("$") never touches its label's ink
   * (an accented capital reaches to the top of its line) */
  label_top = MAX (label_top, baseline + max_descent - label_ink + 0.5);
  extra_top = label_top;
  if (extra_below)
    label_top += max_extra_below + 3;
  bottom = label_top + max_label + pad;

  for (guint i = 0; i < n; i++)
    {
      StatParts *p = &g_array_index (parts, StatParts, i);
      const ImpactStatistic *stat = g_ptr_array_index (all, first + i);
      double px = x + i * (col_w + gap), nx, nw;

      if (look->panel)
        {
          impact_builder_add_rect (b, px, y, col_w, bottom - y, 0, primary, 1.0);
          impact_builder_add_rect (b, px, y, col_w, 4, 0, accent, 1.0);
          if (p->icon)
            impact_builder_add_icon (b, stat->icon, px + col_w - pad - 16, y + pad + 2, 16, accent);
        }
      else
        {
          if (i > 0)
            impact_builder_add_line (b, px - gap / 2, y, px - gap / 2, bottom, 0.75, &b->on_primary, 0.28);
          /* the icon leads the label, on its first line */
          if (p->icon)
            impact_builder_add_icon (b, stat->icon, px, label_top + 0.5 * ts, 14 * ts, accent);
        }

      /* the optical nudge pulls the figure's side bearing into the
       * margin, never its ink: a script's digits (Devanagari, Bengali)
       * may have none */
      {
        PangoRectangle ink;
        double bearing;

        pango_layout_get_extents (p->number, &ink, NULL);
        bearing = MAX (0.0, (double) ink.x / PANGO_SCALE);
        nx = px + pad + look->number_nudge - MIN (number_size * look->number_nudge_em, bearing);
      }
      impact_text_layout_get_size (p->number, &nw, NULL);
      /* tagged as a list item: the figure its label, the text its body */
      impact_builder_push_op (b, IMPACT_OP_TAG_BEGIN)->name = g_strdup ("LI");
      impact_builder_push_op (b, IMPACT_OP_TAG_BEGIN)->name = g_strdup ("Lbl");
      b->next_tag = "";
      impact_builder_place_layout (b, g_object_ref (p->number), nx,
                                   baseline - impact_text_layout_get_baseline (p->number),
                                   impact_builder_color (b, look->number_color), 1.0, NULL);
      if (p->extra != NULL && g_object_get_data (G_OBJECT (p->extra), "impact-below"))
        {
          b->next_tag = "";
          impact_builder_place_layout (b, g_object_ref (p->extra), px + pad,
                                       extra_top, &b->on_primary, 1.0, NULL);
        }
      else if (p->extra != NULL)
        {
          b->next_tag = "";
          impact_builder_place_layout (b, g_object_ref (p->extra), nx + nw + number_size * 0.08,
                                       baseline - impact_text_layout_get_baseline (p->extra),
                                       &b->on_primary, 1.0, NULL);
        }
      impact_builder_push_op (b, IMPACT_OP_TAG_END)->name = g_strdup ("Lbl");
      b->next_tag = "LBody";
      impact_builder_place_layout (b, g_object_ref (p->label), px + pad + icon_w, label_top,
                                   &b->on_primary, look->label_alpha, NULL);
      impact_builder_push_op (b, IMPACT_OP_TAG_END)->name = g_strdup ("LI");
      /* the figure's optical margin reaches a little left of its column */
      impact_builder_add_box (b, IMPACT_SECTION_STATISTICS, first + i, MIN (px, nx), y, col_w + px - MIN (px, nx),
                              bottom - y);
    }

  *size_out = number_size;
  return bottom;
}

/* The statistics side by side, as panels or as figures on the band: in
 * one row, or in two balanced rows (6 = 3 + 3, 5 = 3 + 2) when one row
 * would set the figures below the design's smallest size. Every row takes
 * the figures' size of the tightest, so the figures read as one set. */
double
impact_section_statistics_place (ImpactLayoutBuilder *b,
                                 double               y)
{
  const ImpactStatisticsLook *look = &b->design->stats;
  const char *heading = impact_document_get_statistics_heading (b->doc);
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  guint n = impact_section_statistics_shown (b), cols;
  double ts = b->type_scale, x = b->margin, top = y, size, row_gap;

  if (n == 0)
    return y;

  if (heading && *heading && look->heading_dash)
    {
      ImpactTextStyle ks = impact_builder_kicker_style (b, 7.5 * ts);
      PangoLayout *kl = impact_builder_make_text (b, &ks, heading, FALSE, b->content_width - 26 * ts);
      double kh;

      impact_text_layout_get_size (kl, NULL, &kh);
      impact_builder_add_rect (b, x, y + kh / 2 - 2.5 * ts, 18 * ts, 3 * ts, 0, accent, 1.0);
      b->next_tag = "H2";
      y += impact_builder_place_layout (b, kl, x + 26 * ts, y, &b->on_primary, 1.0, NULL) + 10 * ts;
    }
  else if (heading && *heading)
    y += impact_builder_place_kicker (b, heading, x, y, b->content_width) + 5;


  /* measure on a scratch page: one row, else two */
  {
    ImpactPageData *real = b->page;
    ImpactDiagnostics *diagnostics = b->diagnostics;
    double start = look->number_size[MIN (n, 5) < 4 ? 0 : MIN (n, 5) - 3];

    b->page = impact_page_data_new ();
    b->diagnostics = NULL;
    cols = n;
    place_row (b, y, 0, n, cols, start, TRUE, &size);
    if (n > 3 && size < look->min_number_size - 0.01)
      {
        double second;

        cols = (n + 1) / 2;
        start = look->number_size[MIN (cols, 5) < 4 ? 0 : MIN (cols, 5) - 3];
        place_row (b, y, 0, cols, cols, start, TRUE, &size);
        place_row (b, y, cols, n - cols, cols, start, TRUE, &second);
        size = MIN (size, second);
      }
    impact_page_data_free (b->page);
    b->page = real;
    b->diagnostics = diagnostics;
  }

  row_gap = look->panel ? look->gap[cols > 3] : 18 * ts;
  impact_builder_push_op (b, IMPACT_OP_TAG_BEGIN)->name = g_strdup ("L");
  for (guint first = 0; first < n; first += cols)
    {
      double unused;

      if (first > 0)
        y += row_gap;
      y = place_row (b, y, first, MIN (cols, n - first), cols, size, FALSE, &unused);
    }
  impact_builder_push_op (b, IMPACT_OP_TAG_END)->name = g_strdup ("L");
  impact_builder_add_box (b, IMPACT_SECTION_STATISTICS, -1, x, top, b->content_width, y - top);
  impact_builder_note_bottom (b, y, "statistics");
  return y;
}

/* Stacked figures between @y and @bottom; returns the bottom used */
static double
place_stacked (ImpactLayoutBuilder *b,
               double               y,
               double               bottom)
{
  GPtrArray *stats = impact_document_get_statistics (b->doc);
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  guint n = stats->len;
  double x = b->margin, top = y, row_h, number_size, num_w = 0;
  double label_x, label_w, label_size;
  gboolean any_icon = FALSE;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_object_unref);

  row_h = (bottom - y) / n;
  number_size = MIN (row_h * 0.62, b->width * 0.16);
  label_size = MAX (9, MIN (round (b->width * 0.026), round (row_h * 0.2)));
  /* one size for all, the largest at which the widest fits 55 % */
  for (guint i = 0; i < n; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (stats, i);
      g_autofree char *number = impact_builder_stat_number (b, stat);
      ImpactTextStyle style = impact_builder_heading_style (b, number_size, PANGO_WEIGHT_HEAVY);
      g_autoptr(PangoLayout) probe = NULL;
      double w;

      style.letter_spacing = -number_size * 0.03;
      probe = impact_builder_make_text (b, &style, number, FALSE, -1);
      impact_text_layout_get_size (probe, &w, NULL);
      if (w > b->content_width * 0.55)
        number_size = number_size * b->content_width * 0.55 / w;
    }
  for (guint i = 0; i < n; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (stats, i);
      g_autofree char *number = impact_builder_stat_number (b, stat);
      ImpactTextStyle style = impact_builder_heading_style (b, number_size, PANGO_WEIGHT_HEAVY);
      PangoLayout *layout;
      double w;

      style.letter_spacing = -number_size * 0.03;
      layout = impact_builder_make_text (b, &style, number, FALSE, -1);
      impact_builder_check_glyphs (b, layout, "statistics");
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
        impact_builder_add_line (b, x, ry, x + b->content_width, ry, 1, &b->on_primary, 0.28);
      impact_text_layout_get_size (number, NULL, &nh);
      /* centre the figure's cap height in the row */
      baseline = ry + row_h / 2 + number_size * 0.36;
      impact_builder_place_layout (b, g_object_ref (number), x - number_size * 0.04,
                    baseline - impact_text_layout_get_baseline (number), &b->figure, 1.0, NULL);

      /* the scale word and suffix lead the label: "million people …" */
      {
        g_autofree char *extra = impact_builder_stat_extra_text (b, stat);

        label = extra ? g_strdup_printf ("%s %s", extra, stat->label) : g_strdup (stat->label);
      }
      style = impact_builder_body_style (b, label_size);
      style.size = label_size;
      style.weight = PANGO_WEIGHT_MEDIUM;
      style.line_height = 1.25;
      if (n > 3 && any_icon)
        {
          /* rows too low to stack: the icon leads the label's first line */
          double ih = label_size * 1.2, gap = label_size * 0.6;

          layout = impact_builder_make_text (b, &style, label, FALSE, label_w - ih - gap);
          impact_builder_check_glyphs (b, layout, path);
          impact_text_layout_get_size (layout, NULL, &lh);
          if (stat->icon && impact_icon_exists (stat->icon))
            impact_builder_add_icon (b, stat->icon, lx, ry + row_h / 2 - lh / 2 + label_size * 0.2 +
                      (label_size * 1.25 - ih) / 2, ih, accent);
          impact_builder_place_layout (b, layout, lx + ih + gap, ry + row_h / 2 - lh / 2 + label_size * 0.2,
                        &b->on_primary, 1.0, NULL);
          impact_builder_add_box (b, IMPACT_SECTION_STATISTICS, i, x, ry, b->content_width, row_h);
          impact_builder_note_bottom (b, ry + row_h / 2 + lh / 2 + label_size * 0.2, path);
          continue;
        }
      layout = impact_builder_make_text (b, &style, label, FALSE, label_w);
      impact_builder_check_glyphs (b, layout, path);
      impact_text_layout_get_size (layout, NULL, &lh);
      /* the icon heads the label, the pair centred on the figure */
      if (stat->icon && impact_icon_exists (stat->icon))
        {
          double ih = label_size * 1.3, gap = label_size * 0.5;
          double ty = ry + row_h / 2 - (ih + gap + lh) / 2 + label_size * 0.2;

          impact_builder_add_icon (b, stat->icon, lx, ty, ih, accent);
          impact_builder_place_layout (b, layout, lx, ty + ih + gap, &b->on_primary, 1.0, NULL);
        }
      else
        impact_builder_place_layout (b, layout, lx, ry + row_h / 2 - lh / 2 + label_size * 0.2, &b->on_primary, 1.0, NULL);
      impact_builder_add_box (b, IMPACT_SECTION_STATISTICS, i, x, ry, b->content_width, row_h);
      impact_builder_note_bottom (b, ry + row_h / 2 + lh / 2 + label_size * 0.4, path);
    }
  impact_builder_add_box (b, IMPACT_SECTION_STATISTICS, -1, x, top, b->content_width, bottom - top);
  return bottom;
}

void
impact_section_statistics_place_card (ImpactLayoutBuilder *b)
{
  ImpactOrganisation *org = impact_document_get_organisation (b->doc);
  const char *heading = impact_document_get_statistics_heading (b->doc);
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  double width = b->width, height = b->height, x = b->margin, y = b->margin;
  double unit = MIN (width, height), stripe = round (unit * 0.018), foot_h, mh;
  gboolean wide = width / height > 1.3;
  ImpactTextStyle style;
  PangoLayout *layout;
  g_autofree char *website = org->website ? impact_builder_display_website (org->website) : NULL;

  impact_builder_add_rect (b, 0, 0, width, height, 0, primary, 1.0);
  impact_builder_add_rect (b, 0, height - stripe, width, stripe, 0, accent, 1.0);

  /* top: the wordmark, the place at the right */
  mh = impact_builder_place_wordmark (b, x, y);
  {
    double w, h;

    style = impact_builder_kicker_style (b, MAX (7.5, round (unit * 0.02 * 10) / 10));
    style.letter_spacing = style.size * 0.1;
    layout = impact_builder_make_text (b, &style, impact_builder_sheet_title (b->doc), FALSE, -1);
    impact_text_layout_get_size (layout, &w, &h);
    if (w < b->content_width * 0.6)
      impact_builder_place_layout (b, layout, x + b->content_width - w, y + (mh - h) / 2, &b->on_primary, 1.0, NULL);
    else
      g_object_unref (layout);
  }
  impact_builder_add_box (b, IMPACT_SECTION_HEADER, -1, 0, 0, width, y + mh);
  y += mh + unit * (wide ? 0.07 : 0.09);

  /* bottom: the organisation and its address on the web */
  {
    double h1 = 0, w2 = 0, h2 = 0;
    PangoLayout *name, *web = NULL;

    style = impact_builder_body_style (b, 0);
    style.size = MAX (8, round (unit * 0.024 * 10) / 10);
    style.weight = PANGO_WEIGHT_BOLD;
    style.family = impact_theme_get_heading_font (b->theme);
    name = impact_builder_make_text (b, &style, org->name, FALSE, b->content_width * (website ? 0.62 : 1.0));
    impact_text_layout_get_size (name, NULL, &h1);
    if (website)
      {
        style.weight = PANGO_WEIGHT_MEDIUM;
        web = impact_builder_make_text (b, &style, website, FALSE, -1);
        impact_text_layout_get_size (web, &w2, &h2);
      }
    foot_h = MAX (h1, h2);
    impact_builder_place_layout (b, name, x, height - stripe - b->margin * 0.8 - h1, &b->on_primary, 1.0, NULL);
    if (web)
      impact_builder_place_layout (b, web, x + b->content_width - w2, height - stripe - b->margin * 0.8 - h2,
                    &b->on_primary, 1.0, org->website);
    impact_builder_add_box (b, IMPACT_SECTION_FOOTER, -1, 0, height - stripe - b->margin * 0.8 - foot_h,
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
      b->page = impact_page_data_new ();
      h = impact_section_statistics_place (b, 0);
      impact_page_data_free (b->page);
      b->page = real;
      impact_section_statistics_place (b, y + MAX (0, (b->limit - y - h) / 2));
      impact_builder_note_bottom (b, y + h, "statistics");
      return;
    }

  if (heading && *heading)
    {
      style = impact_builder_heading_style (b, round (unit * 0.05), PANGO_WEIGHT_HEAVY);
      style.letter_spacing = -0.3;
      style.size = impact_builder_fit_longest_word (b, &style, heading, b->content_width, 12);
      layout = impact_builder_make_text (b, &style, heading, FALSE, b->content_width);
      impact_builder_check_glyphs (b, layout, "statistics_heading");
      b->next_tag = "H1";
      y += impact_builder_place_layout (b, layout, x, y, &b->on_primary, 1.0, NULL);
      impact_builder_add_rect (b, x, y + unit * 0.03, unit * 0.09, unit * 0.012, 0, accent, 1.0);
      y += unit * 0.07;
    }
  place_stacked (b, y, b->limit);
}
