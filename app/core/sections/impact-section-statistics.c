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

/* The editor's fields */

static const ImpactFieldInfo statistics_fields[] = {
  { "statistics_heading", N_("Heading"), IMPACT_FIELD_LINE, IMPACT_VALUE_DOCUMENT,
    .get = impact_document_get_statistics_heading, .set = impact_document_set_statistics_heading },
  { NULL }
};

static const ImpactFieldInfo statistic_fields[] = {
  { "value", N_("Value"), IMPACT_FIELD_NUMBER, IMPACT_VALUE_DOUBLE, G_STRUCT_OFFSET (ImpactStatistic, value),
    .min = -1e15, .max = 1e15 },
  { "decimals", N_("Decimals"), IMPACT_FIELD_NUMBER, IMPACT_VALUE_UINT, G_STRUCT_OFFSET (ImpactStatistic, decimals),
    .min = 0, .max = 6 },
  { "label", N_("Label"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactStatistic, label), IMPACT_FIELD_REQUIRED },
  { "prefix", N_("Prefix"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactStatistic, prefix), .hint = N_("Before the number, such as “$”") },
  { "qualifier", N_("Qualifier"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactStatistic, qualifier),
    .hint = N_("Right after the number, such as “+”") },
  { "scale", N_("Scale"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactStatistic, scale),
    .hint = N_("A word after the number, set smaller, such as “million”") },
  { "suffix", N_("Suffix"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactStatistic, suffix), .hint = N_("After the number, such as a percent sign") },
  { "icon", N_("Icon"), IMPACT_FIELD_ICON, IMPACT_FIELD_AT (ImpactStatistic, icon),
    .choices = impact_field_icon_choices, .choice_labels = impact_field_icon_labels },
  { "source.title", N_("Source"), IMPACT_FIELD_LINE, IMPACT_VALUE_SOURCE_TITLE, G_STRUCT_OFFSET (ImpactStatistic, source) },
  { "source.url", N_("Source Address"), IMPACT_FIELD_URL, IMPACT_VALUE_SOURCE_URL, G_STRUCT_OFFSET (ImpactStatistic, source) },
  { "derive.metric", N_("Sum of Milestone Count"), IMPACT_FIELD_CHOICE, IMPACT_VALUE_DERIVE_METRIC, 0 },
  { "derive.since", N_("Counting Since"), IMPACT_FIELD_DATE, IMPACT_VALUE_DATE, G_STRUCT_OFFSET (ImpactStatistic, derive_since),
    IMPACT_FIELD_OPTIONAL, N_("YYYY, YYYY-MM or YYYY-MM-DD") },
  { "derive.base", N_("Plus Cases Not Logged as Milestones"), IMPACT_FIELD_NUMBER, IMPACT_VALUE_INT64,
    G_STRUCT_OFFSET (ImpactStatistic, derive_base), .min = 0, .max = 1e15 },
  { NULL }
};

const ImpactFieldGroup impact_section_statistics_fields[] = {
  { "statistics", N_("Statistics"), N_("The big numbers near the top of the sheet"), statistics_fields,
    .item_fields = statistic_fields, .list = IMPACT_LIST_STATISTICS,
    .add_name = N_("Add Statistic"), .items_name = N_("statistics") },
  { NULL }
};

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
  ImpactChart *sparkline; /* its trend under the label, or NULL */
} StatParts;

/* A sparkline under a statistic's label: its height and the gap above
 * it, in points at the type scale */
#define SPARKLINE_HEIGHT 16.0
#define SPARKLINE_GAP     6.0

static void
stat_parts_clear (gpointer data)
{
  StatParts *parts = data;

  g_clear_object (&parts->number);
  g_clear_object (&parts->extra);
  g_clear_object (&parts->label);
  g_clear_pointer (&parts->sparkline, impact_chart_unref);
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
  double label_ink = G_MAXDOUBLE, spark_room = 0;
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
      /* the whole row makes room when one panel has a sparkline */
      if (!fit && (g_array_index (parts, StatParts, i).sparkline =
                     impact_section_charts_sparkline (b, first + i)) != NULL)
        spark_room = (SPARKLINE_GAP + SPARKLINE_HEIGHT) * ts;
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
      /* a figure in a tall face hangs by its ink, not by its ascent */
      max_ascent = MAX (max_ascent, impact_text_layout_get_baseline (p->number) -
                                    impact_text_layout_get_top_trim (p->number));
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
          impact_builder_check_glyphs (b, p->extra, "statistics");
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
      {
        g_autofree char *mark = impact_builder_statistic_mark (b, stat);

        p->label = impact_builder_make_marked_text (b, &style, stat->label, FALSE,
                                                    col_w - 2 * pad - (icon_w > 0 ? 6 + icon_w : 0),
                                                    0, NULL, mark, &b->on_primary);
      }
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
  bottom = label_top + max_label + spark_room + pad;

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
      /* the label and its sparkline (a Figure) are the item's body */
      impact_builder_push_op (b, IMPACT_OP_TAG_BEGIN)->name = g_strdup ("LBody");
      b->next_tag = "P";
      impact_builder_place_layout (b, g_object_ref (p->label), px + pad + icon_w, label_top,
                                   &b->on_primary, look->label_alpha, NULL);
      if (p->sparkline != NULL)
        impact_section_charts_place_sparkline (b, p->sparkline, px + pad + icon_w,
                                               label_top + max_label + SPARKLINE_GAP * ts,
                                               col_w - 2 * pad - icon_w, SPARKLINE_HEIGHT * ts,
                                               impact_builder_color (b, look->number_color));
      impact_builder_push_op (b, IMPACT_OP_TAG_END)->name = g_strdup ("LBody");
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

  /* tagged as a list, as the sheet's statistics: the figure each item's
   * label, the text (and its sparkline) its body; the rule and the icon
   * are drawn before the item, decoration outside it */
  impact_builder_push_op (b, IMPACT_OP_TAG_BEGIN)->name = g_strdup ("L");
  for (guint i = 0; i < n; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (stats, i);
      PangoLayout *number = g_ptr_array_index (numbers, i);
      double ry = y + i * row_h, baseline, nh, lh;
      g_autofree char *path = g_strdup_printf ("statistics[%u].label", i);
      g_autofree char *label = NULL;
      ImpactTextStyle style;
      PangoLayout *layout;
      double lx = label_x, text_x, spark_x, spark_y, spark_w, note_bottom;
      g_autoptr(ImpactChart) sparkline = impact_section_charts_sparkline (b, i);
      double spark_h = 0, spark_gap = 0, ly;
      gboolean icon = stat->icon && impact_icon_exists (stat->icon);

      if (i > 0)
        impact_builder_add_line (b, x, ry, x + b->content_width, ry, 1, &b->on_primary, 0.28);
      impact_text_layout_get_size (number, NULL, &nh);
      /* centre the figure's cap height in the row */
      baseline = ry + row_h / 2 + number_size * 0.36;

      /* the scale word and suffix lead the label: "million people …" */
      {
        g_autofree char *extra = impact_builder_stat_extra_text (b, stat);

        label = extra ? g_strdup_printf ("%s %s", extra, stat->label) : g_strdup (stat->label);
      }
      style = impact_builder_body_style (b, label_size);
      style.size = label_size;
      style.weight = PANGO_WEIGHT_MEDIUM;
      style.line_height = 1.25;
      if (sparkline != NULL)
        {
          spark_gap = label_size * 0.6;
          spark_h = label_size * 1.8;
        }
      if (n > 3 && any_icon)
        {
          /* rows too low to stack: the icon leads the label's first line */
          double ih = label_size * 1.2, gap = label_size * 0.6;

          layout = impact_builder_make_text (b, &style, label, FALSE, label_w - ih - gap);
          impact_builder_check_glyphs (b, layout, path);
          impact_text_layout_get_size (layout, NULL, &lh);
          ly = ry + row_h / 2 - (lh + spark_gap + spark_h) / 2 + label_size * 0.2;
          if (icon)
            impact_builder_add_icon (b, stat->icon, lx, ly + (label_size * 1.25 - ih) / 2, ih, accent);
          text_x = lx + ih + gap;
          spark_x = lx + ih + gap;
          spark_y = ly + lh + spark_gap;
          spark_w = MIN (label_w - ih - gap, label_size * 14);
          note_bottom = ly + lh + spark_gap + spark_h;
        }
      else
        {
          layout = impact_builder_make_text (b, &style, label, FALSE, label_w);
          impact_builder_check_glyphs (b, layout, path);
          impact_text_layout_get_size (layout, NULL, &lh);
          text_x = lx;
          spark_x = lx;
          spark_w = MIN (label_w, label_size * 14);
          /* the icon heads the label, the pair centred on the figure (and
           * the sparkline under the label, when there is one) */
          if (icon)
            {
              double ih = label_size * 1.3, gap = label_size * 0.5;
              double ty = ry + row_h / 2 - (ih + gap + lh) / 2 + label_size * 0.2;

              impact_builder_add_icon (b, stat->icon, lx, ty, ih, accent);
              ly = ty + ih + gap;
              /* the sparkline follows the icon on its line */
              spark_x = lx + ih + 2 * gap;
              spark_y = ty;
              spark_w = MIN (label_w - ih - 2 * gap, label_size * 14);
              spark_h = ih;
              note_bottom = ly + lh + label_size * 0.2;
            }
          else
            {
              ly = ry + row_h / 2 - (lh + spark_gap + spark_h) / 2 + label_size * 0.2;
              spark_y = ly + lh + spark_gap;
              note_bottom = ly + lh + (sparkline != NULL ? spark_gap + spark_h : label_size * 0.2);
            }
        }

      impact_builder_push_op (b, IMPACT_OP_TAG_BEGIN)->name = g_strdup ("LI");
      impact_builder_push_op (b, IMPACT_OP_TAG_BEGIN)->name = g_strdup ("Lbl");
      b->next_tag = "";
      impact_builder_place_layout (b, g_object_ref (number), x - number_size * 0.04,
                    baseline - impact_text_layout_get_baseline (number), &b->figure, 1.0, NULL);
      impact_builder_push_op (b, IMPACT_OP_TAG_END)->name = g_strdup ("Lbl");
      impact_builder_push_op (b, IMPACT_OP_TAG_BEGIN)->name = g_strdup ("LBody");
      b->next_tag = "P";
      impact_builder_place_layout (b, layout, text_x, ly, &b->on_primary, 1.0, NULL);
      if (sparkline != NULL)
        impact_section_charts_place_sparkline (b, sparkline, spark_x, spark_y, spark_w, spark_h, &b->figure);
      impact_builder_push_op (b, IMPACT_OP_TAG_END)->name = g_strdup ("LBody");
      impact_builder_push_op (b, IMPACT_OP_TAG_END)->name = g_strdup ("LI");
      impact_builder_add_box (b, IMPACT_SECTION_STATISTICS, i, x, ry, b->content_width, row_h);
      impact_builder_note_bottom (b, note_bottom, path);
    }
  impact_builder_push_op (b, IMPACT_OP_TAG_END)->name = g_strdup ("L");
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
  /* the organisation's name is set out at the foot */
  mh = impact_builder_place_wordmark (b, x, y, org->name && *org->name);
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

/* JSON: the section's members, read (validated, reported with their path,
 * line and column) and written (keeping the text of what did not change);
 * moved here from impact-json-loader.c and impact-json-writer.c. The
 * helpers' short names below come from the loader's and the writer's
 * private headers. */

#include "impact-json-loader-private.h"
#include "impact-json-writer-private.h"

static const char * const statistic_keys[] = {
  "value", "decimals", "prefix", "suffix", "qualifier", "scale", "label", "derive",
  "icon", "source", "imported_from", NULL
};
static const char * const derive_keys[] = { "metric", "since", "base", NULL };

/* The fewest digits after the point, at most 2, that reproduce @value */
static guint
infer_decimals (double value)
{
  for (guint d = 0; d < 2; d++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      const char *format = d == 0 ? "%.0f" : "%.1f";

      /* |value| <= 1e15: "%.1f" needs at most 19 characters */
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        return d;
    }
  return 2;
}

/* "derive": {"metric": "rescued", "since": "2006", "base": 0} */
static void
load_derive (ObjectCtx       *o,
             ImpactStatistic *stat)
{
  g_autofree char *path = NULL;
  const char *metric;
  JsonNode *node;
  ObjectCtx d;

  if (!ctx_object (o, "derive", FALSE, &d, &path))
    return;
  metric = ctx_string (&d, "metric", STRING_REQUIRED);
  ctx_date (&d, "since", FALSE, &stat->derive_since);
  node = ctx_member (&d, "base", FALSE);
  if (node != NULL)
    {
      g_autofree char *base_path = path_member (d.path, "base");
      gint64 base;

      if (node_integer (o->loader, node, base_path, "a non-negative integer", &base))
        {
          if (base < 0)
            node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, base_path,
                         "expected a non-negative integer, got %" G_GINT64_FORMAT, base);
          else if (base > IMPACT_STATISTIC_MAX_VALUE)
            node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, base_path,
                         "out of range; the base must be between 0 and 1e15, got %" G_GINT64_FORMAT,
                         base);
          else
            stat->derive_base = base;
        }
    }
  ctx_check_members (&d, derive_keys);
  stat->derive_metric = g_strdup (metric);
}

static void
load_statistic (ObjectCtx      *o,
                ImpactDocument *doc)
{
  g_autoptr(ImpactStatistic) stat = impact_statistic_new ();
  JsonNode *node;

  stat->json = json_object_ref (o->object);
  load_derive (o, stat);
  node = ctx_member (o, "value", !json_object_has_member (o->object, "derive"));
  stat->value_fixed = node != NULL;
  if (node != NULL)
    {
      g_autofree char *path = path_member (o->path, "value");

      if (!node_is_number (node))
        {
          report_type (o->loader, node, path, "a number");
        }
      else if (node_int_overflow (o->loader, node) ||
               !isfinite (json_node_get_double (node)) ||
               fabs (json_node_get_double (node)) > MAX_STATISTIC_VALUE)
        {
          node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, path,
                       "out of range; the value must be between -1e15 and 1e15");
        }
      else
        {
          stat->value = json_node_get_double (node);
          stat->decimals = infer_decimals (stat->value);
        }
    }

  node = ctx_member (o, "decimals", FALSE);
  if (node != NULL)
    {
      g_autofree char *path = path_member (o->path, "decimals");
      gint64 decimals;

      if (node_integer (o->loader, node, path, "an integer", &decimals))
        {
          if (decimals < 0 || decimals > MAX_DECIMALS)
            node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, path,
                         "expected an integer from 0 to %d, got %" G_GINT64_FORMAT,
                         MAX_DECIMALS, decimals);
          else
            stat->decimals = (guint) decimals;
        }
    }

  stat->prefix = ctx_dup_string (o, "prefix", 0);
  stat->suffix = ctx_dup_string (o, "suffix", 0);
  stat->qualifier = ctx_dup_string (o, "qualifier", 0);
  stat->scale = ctx_dup_string (o, "scale", 0);
  stat->label = ctx_dup_string (o, "label", STRING_REQUIRED);
  stat->icon = ctx_icon (o, "icon");
  stat->source = load_source (o, "source");
  /* the spreadsheet it came from (impact-csv-import.c): kept in stat->json */
  ctx_string (o, "imported_from", 0);
  ctx_check_members (o, statistic_keys);
  g_ptr_array_add (impact_document_get_statistics (doc), g_steal_pointer (&stat));
}

/* Same rule as the loader: the fewest digits, at most 2, that give the value */
static guint
inferred_decimals (double value)
{
  for (guint d = 0; d < 2; d++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (buf, sizeof buf, d == 0 ? "%.0f" : "%.1f", value);
      if (g_ascii_strtod (buf, NULL) == value)
        return d;
    }
  return 2;
}

static JsonNode *
statistic_node (const ImpactStatistic *stat)
{
  JsonObject *o = item_object (stat->json);

  if (stat->derive_metric != NULL)
    {
      JsonObject *d = section_object (o, "derive");

      put_string (d, "metric", stat->derive_metric);
      put_date (d, "since", &stat->derive_since);
      if (stat->derive_base != 0 || json_object_has_member (d, "base"))
        put (d, "base", json_node_init_int (json_node_alloc (), stat->derive_base));
      put (o, "derive", json_node_init_object (json_node_alloc (), d));
      json_object_unref (d);
    }
  else
    put (o, "derive", NULL);

  /* A computed value is not written: it follows the milestones */
  if (stat->derive_metric == NULL || stat->value_fixed)
    put (o, "value", number_node (stat->value));
  else
    put (o, "value", NULL);

  if (json_object_has_member (o, "decimals") ||
      (stat->derive_metric == NULL || stat->value_fixed ? inferred_decimals (stat->value) : 0) != stat->decimals)
    put (o, "decimals", json_node_init_int (json_node_alloc (), stat->decimals));
  put_string (o, "prefix", stat->prefix);
  put_string (o, "suffix", stat->suffix);
  put_string (o, "qualifier", stat->qualifier);
  put_string (o, "scale", stat->scale);
  put_string (o, "label", stat->label);
  put_icon (o, stat->icon);
  put_source (o, stat->source);

  return take_object_node (o);
}

void
impact_section_statistics_read (ObjectCtx      *root,
                                ImpactDocument *doc)
{
  impact_document_set_statistics_heading (doc, ctx_string (root, "statistics_heading", 0));
  load_array (root, "statistics", load_statistic, doc);
}

void
impact_section_statistics_write (JsonObject     *root,
                                 ImpactDocument *doc)
{
  put_string (root, "statistics_heading", impact_document_get_statistics_heading (doc));
  put_list (root, "statistics", impact_document_get_statistics (doc), (ItemNodeFunc) statistic_node);
}
