/* impact-section-milestones.c: the milestones on a timeline
 *
 * A row of four columns per track, as many rows as the page has room for
 * (the driver tries three, two, one). When there are more milestones than
 * that, the sheet shows a choice that spans the whole history: the first
 * (the founding) always, then the highlighted ones, then those farthest
 * in time from the ones already chosen, all in date order. Eras are drawn
 * as labelled bars over the columns of the milestones they hold.
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
#include "impact-format.h"

/* The editor's fields: the milestones and the eras of the timeline */

static const ImpactFieldInfo milestones_fields[] = {
  { "milestones_heading", N_("Heading"), IMPACT_FIELD_LINE, IMPACT_VALUE_DOCUMENT,
    .get = impact_document_get_milestones_heading, .set = impact_document_set_milestones_heading },
  { NULL }
};

static const ImpactFieldInfo milestone_fields[] = {
  /* the title first: it names the milestone (the item's row shows it,
   * a selection on the sheet or the outline puts the focus in it) */
  { "title", N_("Title"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactMilestone, title), IMPACT_FIELD_REQUIRED },
  { "date", N_("Date"), IMPACT_FIELD_DATE, IMPACT_VALUE_DATE, G_STRUCT_OFFSET (ImpactMilestone, date),
    .hint = N_("YYYY, YYYY-MM or YYYY-MM-DD") },
  { "description", N_("Description"), IMPACT_FIELD_PARAGRAPH, IMPACT_FIELD_AT (ImpactMilestone, description),
    IMPACT_FIELD_RICH },
  { "category", N_("Category"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactMilestone, category) },
  { "metrics", N_("Counts (rescued: 2, arrested: 3)"), IMPACT_FIELD_LINE, IMPACT_VALUE_METRICS,
    G_STRUCT_OFFSET (ImpactMilestone, metrics) },
  { "highlight", N_("Highlight"), IMPACT_FIELD_SWITCH, IMPACT_VALUE_BOOLEAN, G_STRUCT_OFFSET (ImpactMilestone, highlight),
    .hint = N_("Kept first when the timeline is full") },
  { NULL }
};

static const ImpactFieldInfo era_fields[] = {
  /* the title first, as for a milestone */
  { "title", N_("Title"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactEra, title), IMPACT_FIELD_REQUIRED },
  { "start", N_("Start"), IMPACT_FIELD_DATE, IMPACT_VALUE_DATE, G_STRUCT_OFFSET (ImpactEra, start),
    .hint = N_("YYYY, YYYY-MM or YYYY-MM-DD") },
  { "end", N_("End"), IMPACT_FIELD_DATE, IMPACT_VALUE_DATE, G_STRUCT_OFFSET (ImpactEra, end),
    .hint = N_("YYYY, YYYY-MM or YYYY-MM-DD") },
  { "category", N_("Category"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactEra, category) },
  { NULL }
};

const ImpactFieldGroup impact_section_milestones_fields[] = {
  { "milestones", N_("Milestones"), N_("Dated events; the sheet sorts them by date"), milestones_fields,
    .item_fields = milestone_fields, .list = IMPACT_LIST_MILESTONES,
    .add_name = N_("Add Milestone"), .items_name = N_("milestones") },
  { "eras", N_("Eras"), N_("Spans of time on the timeline"), NULL,
    .item_fields = era_fields, .list = IMPACT_LIST_ERAS,
    .add_name = N_("Add Era"), .items_name = N_("eras") },
  { NULL }
};

#define COLUMNS 4
#define ERA_LANES 2

/* A date as a number that orders like it; an end date covers its whole
 * year or month */
static double
date_key (const ImpactDate *date,
          gboolean          end)
{
  double month = date->month ? date->month : end ? 12 : 0;
  double day = date->day ? date->day : end ? 31 : 0;

  return date->year * 10000.0 + month * 100.0 + day;
}

static double
date_years (const ImpactDate *date)
{
  return date->year + (date->month ? (date->month - 1) / 12.0 : 0) + (date->day ? date->day / 366.0 : 0);
}

/* Lowers @nearest (by sorted position) to the distance from the newly
 * chosen position @c: @nearest then holds, for every position, its distance
 * to the closest chosen one, so each choice costs one pass, not a pass per
 * chosen milestone. The position breaks ties between milestones of one
 * year. */
static void
update_nearest (const double *years,
                guint         n,
                double       *nearest,
                guint         c)
{
  for (guint p = 0; p < n; p++)
    {
      double d = fabs (years[p] - years[c]) + fabs ((double) p - c) * 1e-3;

      nearest[p] = MIN (nearest[p], d);
    }
}

/* Adds to @chosen the position among the candidates farthest in time from
 * every chosen one */
static gboolean
choose_farthest (GPtrArray    *milestones,
                 const guint  *order,
                 guint         n,
                 const double *years,
                 double       *nearest,
                 gboolean     *chosen,
                 gboolean      highlighted_only)
{
  double best = -1;
  guint best_pos = G_MAXUINT;

  for (guint p = 0; p < n; p++)
    {
      const ImpactMilestone *m;

      if (chosen[p])
        continue;
      m = g_ptr_array_index (milestones, order[p]);
      if (highlighted_only && !m->highlight)
        continue;
      if (nearest[p] > best)
        {
          best = nearest[p];
          best_pos = p;
        }
    }
  if (best_pos == G_MAXUINT)
    return FALSE;
  chosen[best_pos] = TRUE;
  update_nearest (years, n, nearest, best_pos);
  return TRUE;
}

/* Picks the milestones the sheet shows, in date order (indices into the
 * document's array): all when they fit; else the first, the highlighted
 * ones (spread over the history when there are too many) and then the
 * others that best spread the choice over the whole history. */
GArray *
impact_section_milestones_pick (ImpactDocument *doc,
                                guint           max)
{
  guint n;
  const guint *order = impact_document_get_milestone_order (doc, &n);
  GPtrArray *milestones = impact_document_get_milestones (doc);
  GArray *picked = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gboolean *chosen = NULL;
  g_autofree double *years = NULL;
  g_autofree double *nearest = NULL;
  guint count = 1;

  if (n <= max)
    {
      g_array_append_vals (picked, order, n);
      return picked;
    }
  if (max == 0)
    return picked;
  chosen = g_new0 (gboolean, n);
  years = g_new (double, n);
  nearest = g_new (double, n);
  for (guint p = 0; p < n; p++)
    {
      const ImpactMilestone *m = g_ptr_array_index (milestones, order[p]);

      years[p] = date_years (&m->date);
      nearest[p] = G_MAXDOUBLE;
    }
  chosen[0] = TRUE;   /* the founding */
  update_nearest (years, n, nearest, 0);
  while (count < max && choose_farthest (milestones, order, n, years, nearest, chosen, TRUE))
    count++;
  while (count < max && choose_farthest (milestones, order, n, years, nearest, chosen, FALSE))
    count++;
  for (guint p = 0; p < n; p++)
    if (chosen[p])
      g_array_append_val (picked, order[p]);
  return picked;
}

static double
place_milestone (ImpactLayoutBuilder   *b,
                 guint                  index,
                 double                 cx,
                 double                 cy,
                 double                 col_w)
{
  const ImpactMilestone *m = g_ptr_array_index (impact_document_get_milestones (b->doc), index);
  g_autofree char *path = g_strdup_printf ("milestones[%u]", index);
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  ImpactTextStyle style;
  PangoLayout *layout;

  if (impact_date_get_precision (&m->date) > IMPACT_DATE_PRECISION_YEAR)
    {
      g_autofree char *date = impact_format_date (impact_document_get_language (b->doc),
                                                   impact_format_document_digits (b->doc), &m->date);

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
      g_autofree char *metrics = impact_format_milestone_metrics (impact_document_get_language (b->doc),
                                                                impact_format_document_digits (b->doc), m);

      style = impact_builder_kicker_style (b, 6.5);
      style.letter_spacing = 0.5;
      layout = impact_builder_make_text (b, &style, metrics, FALSE, col_w);
      cy += 4 + impact_builder_place_layout (b, layout, cx, cy + 4, impact_theme_get_accent_text (b->theme), 1.0, NULL);
    }
  return cy;
}

/* The eras over one row's columns [first, first + n): a bar across the
 * columns of the milestones each era holds, its title over the bar, in
 * up to two lanes; returns the height used */
static double
place_eras (ImpactLayoutBuilder *b,
            const guint         *indices,
            guint                n,
            double               y,
            double               col_w,
            double               gap,
            gboolean            *era_shown)
{
  GPtrArray *eras = impact_document_get_eras (b->doc);
  GPtrArray *milestones = impact_document_get_milestones (b->doc);
  double lane_end[ERA_LANES] = { -1, -1 };
  double lane_h = 0, x = b->margin;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (int) * 3);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint e = 0; e < eras->len; e++)
    {
      const ImpactEra *era = g_ptr_array_index (eras, e);
      int first = -1, last = -1, lane = -1;
      ImpactTextStyle style;
      PangoLayout *label;
      double h;

      for (guint i = 0; i < n; i++)
        {
          const ImpactMilestone *m = g_ptr_array_index (milestones, indices[i]);
          if (impact_section_milestones_in_era (m, era))
            {
              if (first < 0)
                first = i;
              last = i;
            }
        }
      if (first < 0)
        continue;
      for (int l = 0; l < ERA_LANES && lane < 0; l++)
        if (lane_end[l] < first)
          lane = l;
      if (lane < 0)
        continue;
      lane_end[lane] = last;
      style = impact_builder_kicker_style (b, 6.5);
      style.letter_spacing = 0.5;
      label = impact_builder_make_text (b, &style, era->title, FALSE,
                                        (last - first + 1) * (col_w + gap) - gap);
      impact_text_layout_get_size (label, NULL, &h);
      lane_h = MAX (lane_h, h + 6);
      g_ptr_array_add (labels, label);
      g_array_append_vals (spans, (int[]) { first, last, lane }, 1);
      era_shown[e] = TRUE;
    }
  if (spans->len == 0)
    return 0;
  for (guint s = 0; s < spans->len; s++)
    {
      const int *span = &g_array_index (spans, int, 3 * s);
      double sx = x + span[0] * (col_w + gap);
      double sw = (span[1] - span[0] + 1) * (col_w + gap) - gap;
      double sy = y + span[2] * lane_h;
      double h;

      impact_text_layout_get_size (g_ptr_array_index (labels, s), NULL, &h);
      impact_builder_place_layout (b, g_object_ref (g_ptr_array_index (labels, s)), sx, sy,
                                   &b->muted, 1.0, NULL);
      impact_builder_add_rect (b, sx, sy + h + 1.5, sw, 2.5, 1.25,
                               impact_theme_get_accent (b->theme), 0.55);
    }
  {
    guint lanes = 0;

    for (guint s = 0; s < spans->len; s++)
      lanes = MAX (lanes, (guint) g_array_index (spans, int, 3 * s + 2) + 1);
    return lanes * lane_h + 4;
  }
}

/* TRUE when @milestone falls in @era */
gboolean
impact_section_milestones_in_era (const ImpactMilestone *milestone,
                                  const ImpactEra       *era)
{
  double key = date_key (&milestone->date, FALSE);

  return key >= date_key (&era->start, FALSE) && key <= date_key (&era->end, TRUE);
}

double
impact_section_milestones_place (ImpactLayoutBuilder *b,
                                 double               y)
{
  GPtrArray *milestones = impact_document_get_milestones (b->doc);
  GPtrArray *eras = impact_document_get_eras (b->doc);
  const char *heading = impact_document_get_milestones_heading (b->doc);
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  g_autoptr(GArray) picked = NULL;
  g_autofree gboolean *era_shown = NULL;   /* not reported here: the driver says what the final page leaves out */
  double x = b->margin, top = y, col_w, gap = 14, bottom = y;
  guint n, band_op = G_MAXUINT, rows = MAX (b->milestone_rows, 1);

  if (milestones->len == 0)
    return y;

  picked = impact_section_milestones_pick (b->doc, COLUMNS * rows);
  n = picked->len;
  era_shown = g_new0 (gboolean, eras->len + 1);

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

  if (heading && *heading)
    y += impact_builder_place_kicker (b, heading, x, y, b->content_width * 0.6);
  y += 8;

  col_w = (b->content_width - 14 - gap * (COLUMNS - 1)) / COLUMNS;

  for (guint first = 0; first < n; first += COLUMNS)
    {
      guint in_row = MIN (COLUMNS, n - first);
      const guint *indices = &g_array_index (picked, guint, first);
      double year_h = 0, track_y, row_y;

      if (first > 0)
        y = bottom + 18;
      y += place_eras (b, indices, in_row, y, col_w, gap, era_shown);
      row_y = y;

      /* years above the track */
      for (guint i = 0; i < in_row; i++)
        {
          const ImpactMilestone *m = g_ptr_array_index (milestones, indices[i]);
          g_autofree char *year = impact_format_year (impact_document_get_language (b->doc),
                                                      impact_format_document_digits (b->doc), m->date.year);
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
      for (guint i = 0; i < in_row; i++)
        {
          double cx = x + i * (col_w + gap), cy;

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
          cy = place_milestone (b, indices[i], cx, track_y + 14, col_w);
          impact_builder_add_box (b, IMPACT_SECTION_MILESTONES, indices[i], cx, row_y, col_w, cy - row_y);
          bottom = MAX (bottom, cy);
        }
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

/* JSON: the section's members, read (validated, reported with their path,
 * line and column) and written (keeping the text of what did not change);
 * moved here from impact-json-loader.c and impact-json-writer.c. The
 * helpers' short names below come from the loader's and the writer's
 * private headers. */

#include "impact-json-loader-private.h"
#include "impact-json-writer-private.h"

static const char * const milestone_keys[] = {
  "date", "title", "description", "category", "metrics", "highlight",
  "imported_from", NULL
};
static const char * const era_keys[] = { "start", "end", "title", "category", "imported_from", NULL };

static void
load_milestone (ObjectCtx      *o,
                ImpactDocument *doc)
{
  g_autoptr(ImpactMilestone) milestone = impact_milestone_new ();
  g_autofree char *metrics_path = NULL;
  ObjectCtx metrics;

  milestone->json = json_object_ref (o->object);
  ctx_date (o, "date", TRUE, &milestone->date);
  milestone->title = ctx_dup_string (o, "title", STRING_REQUIRED);
  milestone->description = ctx_dup_string (o, "description", STRING_RICH);
  milestone->category = ctx_dup_string (o, "category", 0);

  if (ctx_object (o, "metrics", FALSE, &metrics, &metrics_path))
    {
      g_autoptr(GList) names = json_object_get_members (metrics.object);

      for (const GList *l = names; l != NULL; l = l->next)
        {
          const char *name = l->data;
          JsonNode *node = json_object_get_member (metrics.object, name);
          g_autofree char *path = path_member (metrics_path, name);
          gint64 value;

          if (!node_integer (o->loader, node, path, "a non-negative integer", &value))
            continue;
          if (value < 0)
            {
              node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, path,
                           "expected a non-negative integer, got %" G_GINT64_FORMAT, value);
              continue;
            }
          if (value > IMPACT_STATISTIC_MAX_VALUE)
            {
              node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, path,
                           "out of range; a count must be between 0 and 1e15, got %" G_GINT64_FORMAT,
                           value);
              continue;
            }
          impact_milestone_add_metric (milestone, name, value);
        }
    }

  ctx_boolean (o, "highlight", &milestone->highlight);
  ctx_string (o, "imported_from", 0);
  ctx_check_members (o, milestone_keys);
  g_ptr_array_add (impact_document_get_milestones (doc), g_steal_pointer (&milestone));
}

static void
load_era (ObjectCtx      *o,
          ImpactDocument *doc)
{
  g_autoptr(ImpactEra) era = impact_era_new ();
  gboolean have_start, have_end;

  era->json = json_object_ref (o->object);
  have_start = ctx_date (o, "start", TRUE, &era->start);
  have_end = ctx_date (o, "end", TRUE, &era->end);
  if (have_start && have_end)
    {
      double start_begin, end_end;

      /* Partial dates cover a span: "2006" to "2006" is one year, and
       * "2006-07" to "2006" is fine; only an end wholly before the start
       * is wrong. */
      impact_date_get_span (&era->start, &start_begin, NULL);
      impact_date_get_span (&era->end, NULL, &end_end);
      if (end_end <= start_begin)
        {
          g_autofree char *path = path_member (o->path, "end");
          g_autofree char *start = impact_date_to_iso (&era->start);
          g_autofree char *end = impact_date_to_iso (&era->end);

          node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE,
                       json_object_get_member (o->object, "end"), path,
                       "the era ends (%s) before it starts (%s)", end, start);
        }
    }
  era->title = ctx_dup_string (o, "title", STRING_REQUIRED);
  era->category = ctx_dup_string (o, "category", 0);
  /* a TimelineJS era row of a spreadsheet (impact-csv-import.c): kept in era->json */
  ctx_string (o, "imported_from", 0);
  ctx_check_members (o, era_keys);
  g_ptr_array_add (impact_document_get_eras (doc), g_steal_pointer (&era));
}

static JsonNode *
milestone_node (const ImpactMilestone *milestone)
{
  JsonObject *o = item_object (milestone->json);

  put_date (o, "date", &milestone->date);
  put_string (o, "title", milestone->title);
  put_string (o, "description", milestone->description);
  put_string (o, "category", milestone->category);
  if (milestone->metrics->len > 0)
    {
      JsonObject *m = json_object_new ();

      for (guint i = 0; i < milestone->metrics->len; i++)
        {
          const ImpactMetric *metric = &g_array_index (milestone->metrics, ImpactMetric, i);

          if (metric->name != NULL && *metric->name != '\0')
            json_object_set_int_member (m, metric->name, metric->value);
        }
      put (o, "metrics", json_node_init_object (json_node_alloc (), m));
      json_object_unref (m);
    }
  else if (json_object_has_member (o, "metrics"))
    {
      JsonNode *old = json_object_get_member (o, "metrics");

      /* "metrics": {} stays as written */
      if (!JSON_NODE_HOLDS_OBJECT (old) || json_object_get_size (json_node_get_object (old)) != 0)
        put (o, "metrics", NULL);
    }
  put_flag (o, "highlight", milestone->highlight);
  return take_object_node (o);
}

static JsonNode *
era_node (const ImpactEra *era)
{
  JsonObject *o = item_object (era->json);

  put_date (o, "start", &era->start);
  put_date (o, "end", &era->end);
  put_string (o, "title", era->title);
  put_string (o, "category", era->category);
  return take_object_node (o);
}

void
impact_section_milestones_read_milestone (ObjectCtx      *o,
                                          ImpactDocument *doc)
{
  load_milestone (o, doc);
}

void
impact_section_milestones_read (ObjectCtx      *root,
                                ImpactDocument *doc)
{
  impact_document_set_milestones_heading (doc, ctx_string (root, "milestones_heading", 0));
  load_array (root, "milestones", load_milestone, doc);
  load_array (root, "eras", load_era, doc);
}

void
impact_section_milestones_write (JsonObject     *root,
                                 ImpactDocument *doc)
{
  put_string (root, "milestones_heading", impact_document_get_milestones_heading (doc));
  put_list (root, "milestones", impact_document_get_milestones (doc), (ItemNodeFunc) milestone_node);
  put_list (root, "eras", impact_document_get_eras (doc), (ItemNodeFunc) era_node);
}
