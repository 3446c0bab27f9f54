/* test-sheet-layout.c: boxes on the page, overflow, auto-fit, milestone choice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "impact-chart-scene.h"
#include "impact-json-loader.h"
#include "impact-sheet-layout-private.h"
#include "sections/impact-sections.h"
#include "impact-test-utils.h"
#include "impact-theme.h"

static ImpactDocument *
load_example (void)
{
  g_autofree char *path = impact_test_example_path ("kolkata.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ImpactDocument *doc = impact_json_loader_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static ImpactDocument *
load_string (const char *json)
{
  g_autoptr(GError) error = NULL;
  ImpactDocument *doc = impact_json_loader_load_data (json, strlen (json), "test.json", NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static ImpactSheetLayout *
layout_for (ImpactDocument    *doc,
            ImpactPageSize     size,
            ImpactDiagnostics *diagnostics)
{
  g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);

  return impact_sheet_layout_new (doc, theme, size, diagnostics);
}

static gboolean
boxes_overlap (const ImpactBox *a,
               const ImpactBox *b)
{
  const double eps = 0.5;

  return a->x + eps < b->x + b->width && b->x + eps < a->x + a->width &&
         a->y + eps < b->y + b->height && b->y + eps < a->y + a->height;
}

static void
assert_well_formed (ImpactSheetLayout *layout)
{
  double width, height;

  impact_sheet_layout_get_page_extent (layout, &width, &height);
  for (guint p = 0; p < impact_sheet_layout_get_n_pages (layout); p++)
    {
      guint n = impact_sheet_layout_get_n_boxes (layout, p);

      g_assert_cmpuint (n, >, 0);
      for (guint i = 0; i < n; i++)
        {
          const ImpactBox *a = impact_sheet_layout_get_box (layout, p, i);

          /* inside the page */
          g_assert_cmpfloat (a->x, >=, -0.01);
          g_assert_cmpfloat (a->y, >=, -0.01);
          g_assert_cmpfloat (a->x + a->width, <=, width + 0.01);
          g_assert_cmpfloat (a->y + a->height, <=, height + 0.01);
          g_assert_cmpfloat (a->width, >=, 0);
          g_assert_cmpfloat (a->height, >=, 0);

          for (guint j = i + 1; j < n; j++)
            {
              const ImpactBox *b = impact_sheet_layout_get_box (layout, p, j);

              /* sections never overlap each other … */
              if (a->item < 0 && b->item < 0 &&
                  !((a->section == IMPACT_SECTION_CONTACT && b->section == IMPACT_SECTION_FOOTER) ||
                    (b->section == IMPACT_SECTION_CONTACT && a->section == IMPACT_SECTION_FOOTER)))
                {
                  if (boxes_overlap (a, b))
                    g_error ("page %u: section %s overlaps section %s", p + 1,
                             impact_section_to_string (a->section),
                             impact_section_to_string (b->section));
                }
              /* … nor do the items of one section */
              if (a->item >= 0 && b->item >= 0 && a->section == b->section && boxes_overlap (a, b))
                g_error ("page %u: %s items %d and %d overlap", p + 1,
                         impact_section_to_string (a->section), a->item, b->item);
            }
        }
    }
}

static void
test_example_fits (gconstpointer data)
{
  ImpactPageSize size = GPOINTER_TO_INT (data);
  g_autoptr(ImpactDocument) doc = load_example ();
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactSheetLayout) layout = layout_for (doc, size, diagnostics);
  g_autofree char *warnings = impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_WARNING);
  double width, height;

  g_assert_cmpuint (impact_sheet_layout_get_n_pages (layout), ==, 2);
  impact_sheet_layout_get_page_extent (layout, &width, &height);
  if (size == IMPACT_PAGE_SIZE_LETTER)
    {
      g_assert_cmpfloat_with_epsilon (width, 612, 0.01);
      g_assert_cmpfloat_with_epsilon (height, 792, 0.01);
    }
  else
    {
      g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
      g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
    }
  g_assert_null (warnings);
  assert_well_formed (layout);

  /* every section of the seed sheet is on the page it belongs to */
  {
    static const struct { ImpactSection section; guint page; } expected[] = {
      { IMPACT_SECTION_HEADER, 0 }, { IMPACT_SECTION_PROBLEM, 0 },
      { IMPACT_SECTION_STATISTICS, 0 }, { IMPACT_SECTION_FACTS, 0 },
      { IMPACT_SECTION_QUOTE, 0 }, { IMPACT_SECTION_SOURCES, 0 },
      { IMPACT_SECTION_APPROACH, 1 }, { IMPACT_SECTION_MILESTONES, 1 },
      { IMPACT_SECTION_PROFILE, 1 }, { IMPACT_SECTION_CONTACT, 1 },
      { IMPACT_SECTION_FOOTER, 1 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        guint page = 99;
        ImpactBox box;

        if (!impact_sheet_layout_find (layout, expected[i].section, -1, &page, &box))
          g_error ("section %s missing", impact_section_to_string (expected[i].section));
        g_assert_cmpuint (page, ==, expected[i].page);
        g_assert_cmpfloat (box.height, >, 0);
      }
  }

  /* three statistic panels of equal size, side by side */
  {
    ImpactBox a, b, c;
    guint page;

    g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_STATISTICS, 0, &page, &a));
    g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_STATISTICS, 1, &page, &b));
    g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_STATISTICS, 2, &page, &c));
    g_assert_false (impact_sheet_layout_find (layout, IMPACT_SECTION_STATISTICS, 3, &page, NULL));
    g_assert_cmpfloat_with_epsilon (a.width, b.width, 0.01);
    g_assert_cmpfloat_with_epsilon (a.height, c.height, 0.01);
    g_assert_cmpfloat_with_epsilon (a.y, c.y, 0.01);
    g_assert_cmpfloat (a.x + a.width, <, b.x);
    g_assert_cmpfloat (b.x + b.width, <, c.x);
  }
}

static void
test_sections_in_reading_order (void)
{
  g_autoptr(ImpactDocument) doc = load_example ();
  g_autoptr(ImpactSheetLayout) layout = layout_for (doc, IMPACT_PAGE_SIZE_LETTER, NULL);
  static const ImpactSection front[] = {
    IMPACT_SECTION_HEADER, IMPACT_SECTION_PROBLEM, IMPACT_SECTION_STATISTICS,
    IMPACT_SECTION_FACTS, IMPACT_SECTION_QUOTE, IMPACT_SECTION_SOURCES,
  };
  static const ImpactSection back[] = {
    IMPACT_SECTION_APPROACH, IMPACT_SECTION_MILESTONES, IMPACT_SECTION_PROFILE, IMPACT_SECTION_FOOTER,
  };
  double last = -1;

  for (guint i = 0; i < G_N_ELEMENTS (front); i++)
    {
      ImpactBox box;

      g_assert_true (impact_sheet_layout_find (layout, front[i], -1, NULL, &box));
      g_assert_cmpfloat (box.y, >, last);
      last = box.y;
    }
  last = -1;
  for (guint i = 0; i < G_N_ELEMENTS (back); i++)
    {
      ImpactBox box;

      g_assert_true (impact_sheet_layout_find (layout, back[i], -1, NULL, &box));
      g_assert_cmpfloat (box.y, >, last);
      last = box.y;
    }
}

static char *
example_with_long_problem (guint repeat)
{
  g_autofree char *path = impact_test_example_path ("kolkata.json");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *root, *problem;
  GString *body = g_string_new (NULL);
  const char *original;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, contents, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  problem = json_object_get_object_member (root, "problem");
  original = json_object_get_string_member (problem, "body");
  /* the body once, then @repeat more sentences' worth of it */
  g_string_append (body, original);
  for (guint i = 0; i < repeat; i++)
    g_string_append_printf (body, " %.*s", (int) (strlen (original) / 4), original);
  json_object_set_string_member (problem, "body", body->str);
  g_string_free (body, TRUE);
  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}


/* Charts (issue 16): the example with @charts (JSON) as its charts, a
 * milestone with a count added when @extra_milestone, and without its
 * profile (the example's back page is full: a chart needs room) */
static char *
example_with_charts (const char *charts_json,
                     gboolean    extra_milestone)
{
  g_autofree char *path = impact_test_example_path ("kolkata.json");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonParser) charts = json_parser_new ();
  JsonObject *root;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, contents, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_parser_load_from_data (charts, charts_json, -1, &error);
  g_assert_no_error (error);
  json_object_set_member (root, "charts", json_node_copy (json_parser_get_root (charts)));
  json_object_remove_member (root, "profile");
  if (extra_milestone)
    {
      JsonArray *milestones = json_object_get_array_member (root, "milestones");
      JsonObject *m = json_object_new ();
      JsonObject *metrics = json_object_new ();

      json_object_set_string_member (m, "date", "2018");
      json_object_set_string_member (m, "title", "Largest rescue yet");
      json_object_set_int_member (metrics, "rescued", 40);
      json_object_set_object_member (m, "metrics", metrics);
      json_array_add_object_element (milestones, m);
    }
  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

#define ONE_CHART \
  "[{\"label\": \"Survivors rescued per year\", \"kind\": \"columns\"," \
  "  \"derive\": {\"metric\": \"rescued\", \"per\": \"year\"}}," \
  " {\"label\": \"Tiny\", \"kind\": \"sparkline\"," \
  "  \"derive\": {\"metric\": \"rescued\", \"per\": \"year\"}}]"

static const ImpactBox *
find_box (ImpactSheetLayout *layout,
          guint              page,
          ImpactSection      section,
          int                item)
{
  for (guint i = 0; i < impact_sheet_layout_get_n_boxes (layout, page); i++)
    {
      const ImpactBox *box = impact_sheet_layout_get_box (layout, page, i);

      if (box->section == section && box->item == item)
        return box;
    }
  return NULL;
}

static gboolean
has_section (ImpactSheetLayout *layout,
             ImpactSection      section)
{
  for (guint p = 0; p < impact_sheet_layout_get_n_pages (layout); p++)
    for (guint i = 0; i < impact_sheet_layout_get_n_boxes (layout, p); i++)
      if (impact_sheet_layout_get_box (layout, p, i)->section == section)
        return TRUE;
  return FALSE;
}

/* The chart's drawing relative to its box, and its /Alt */
static char *
chart_signature (ImpactSheetLayout *layout,
                 const ImpactBox   *box,
                 char             **alt)
{
  GString *out = g_string_new (NULL);
  gboolean inside = FALSE;

  *alt = NULL;
  for (guint i = 0; i < impact_sheet_layout_get_n_ops (layout, 1); i++)
    {
      const ImpactOp *op = impact_sheet_layout_get_op (layout, 1, i);

      if (op->kind == IMPACT_OP_TAG_BEGIN && g_strcmp0 (op->name, "Figure") == 0 &&
          fabs (op->x - box->x) < 0.01 && fabs (op->y - box->y) < 0.01)
        {
          inside = TRUE;
          *alt = g_strdup (op->alt);
          continue;
        }
      if (op->kind == IMPACT_OP_TAG_END && inside)
        break;
      if (inside && op->kind == IMPACT_OP_RECT)
        g_string_append_printf (out, "R %.2f %.2f %.2f %.2f;", op->x - box->x, op->y - box->y, op->w, op->h);
    }
  return g_string_free (out, FALSE);
}

static void
test_chart_section_placed (void)
{
  g_autofree char *json = example_with_charts (ONE_CHART, FALSE);
  g_autoptr(ImpactDocument) doc = load_string (json);
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactSheetLayout) layout = layout_for (doc, IMPACT_PAGE_SIZE_LETTER, diagnostics);
  const ImpactBox *box, *milestones, *footer;
  g_autofree char *signature = NULL, *alt = NULL;
  double width, height, margin;
  guint n_texts = 0, n_figures = 0;

  g_assert_cmpuint (impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (impact_sheet_layout_get_n_pages (layout), ==, 2);
  g_assert_null (find_box (layout, 0, IMPACT_SECTION_CHARTS, 0));
  box = find_box (layout, 1, IMPACT_SECTION_CHARTS, 0);
  g_assert_nonnull (box);
  g_assert_false (box->overflow);
  /* the sparkline is not a chart of the sheet */
  g_assert_null (find_box (layout, 1, IMPACT_SECTION_CHARTS, 1));

  /* inside the page's margins, below the milestones, above the footer */
  impact_sheet_layout_get_page_extent (layout, &width, &height);
  margin = width * 0.075;
  g_assert_cmpfloat (box->x, >=, margin - 0.01);
  g_assert_cmpfloat (box->x + box->width, <=, width - margin + 0.01);
  g_assert_cmpfloat (box->height, >=, IMPACT_CHART_MIN_HEIGHT);
  milestones = find_box (layout, 1, IMPACT_SECTION_MILESTONES, -1);
  footer = find_box (layout, 1, IMPACT_SECTION_FOOTER, -1);
  g_assert_nonnull (milestones);
  g_assert_nonnull (footer);
  g_assert_cmpfloat (box->y, >=, milestones->y + milestones->height);
  g_assert_cmpfloat (box->y + box->height, <=, footer->y);
  for (guint i = 0; i < impact_sheet_layout_get_n_boxes (layout, 1); i++)
    {
      const ImpactBox *other = impact_sheet_layout_get_box (layout, 1, i);

      if (other != box && other->section != IMPACT_SECTION_CHARTS)
        g_assert_false (boxes_overlap (box, other));
    }
  assert_well_formed (layout);

  /* one Figure with the description as /Alt; its texts are paragraphs inside the box */
  signature = chart_signature (layout, box, &alt);
  g_assert_nonnull (alt);
  g_assert_nonnull (strstr (alt, "Survivors rescued per year"));
  g_assert_cmpstr (signature, !=, "");
  for (guint i = 0; i < impact_sheet_layout_get_n_ops (layout, 1); i++)
    {
      const ImpactOp *op = impact_sheet_layout_get_op (layout, 1, i);

      if (op->kind == IMPACT_OP_TAG_BEGIN && g_strcmp0 (op->name, "Figure") == 0)
        n_figures++;
      if (op->kind == IMPACT_OP_TEXT && op->x >= box->x - 0.01 && op->y >= box->y - 0.01 &&
          op->x + op->w <= box->x + box->width + 0.01 && op->y + op->h <= box->y + box->height + 0.01)
        {
          g_assert_cmpstr (op->struct_tag, ==, "P");
          n_texts++;
        }
    }
  g_assert_cmpuint (n_figures, ==, 1);
  g_assert_cmpuint (n_texts, >, 2);
}

static void
assert_same_boxes (ImpactSheetLayout *a,
                   ImpactSheetLayout *b)
{
  g_assert_cmpuint (impact_sheet_layout_get_n_pages (a), ==, impact_sheet_layout_get_n_pages (b));
  for (guint p = 0; p < impact_sheet_layout_get_n_pages (a); p++)
    {
      g_assert_cmpuint (impact_sheet_layout_get_n_boxes (a, p), ==, impact_sheet_layout_get_n_boxes (b, p));
      for (guint i = 0; i < impact_sheet_layout_get_n_boxes (a, p); i++)
        {
          const ImpactBox *x = impact_sheet_layout_get_box (a, p, i);
          const ImpactBox *y = impact_sheet_layout_get_box (b, p, i);

          g_assert_cmpint (x->section, ==, y->section);
          g_assert_cmpint (x->item, ==, y->item);
          g_assert_cmpfloat (fabs (x->x - y->x) + fabs (x->y - y->y) +
                             fabs (x->width - y->width) + fabs (x->height - y->height), <, 0.01);
        }
    }
}

static void
test_chart_section_absent (void)
{
  g_autoptr(ImpactDocument) doc = load_example ();
  g_autoptr(ImpactSheetLayout) layout = layout_for (doc, IMPACT_PAGE_SIZE_LETTER, NULL);
  g_autofree char *json = example_with_charts ("[]", FALSE);
  g_autofree char *json_spark = example_with_charts (
    "[{\"label\": \"Tiny\", \"kind\": \"sparkline\", \"derive\": {\"metric\": \"rescued\", \"per\": \"year\"}}]", FALSE);
  g_autoptr(ImpactDocument) none = load_string (json);
  g_autoptr(ImpactDocument) spark = load_string (json_spark);
  g_autoptr(ImpactSheetLayout) none_layout = layout_for (none, IMPACT_PAGE_SIZE_LETTER, NULL);
  g_autoptr(ImpactSheetLayout) spark_layout = layout_for (spark, IMPACT_PAGE_SIZE_LETTER, NULL);
  g_autofree char *json_one = example_with_charts (ONE_CHART, FALSE);
  g_autoptr(ImpactDocument) one = load_string (json_one);
  g_autoptr(ImpactSheetLayout) one_layout = layout_for (one, IMPACT_PAGE_SIZE_LETTER, NULL);
  const ImpactBox *profile;
  /* the example's back page as laid out before the charts section
   * existed (letter, classic): the top of the profile */
  const double profile_y = 518.284;

  /* the example has no charts: no box, and its back page is as it was */
  g_assert_false (has_section (layout, IMPACT_SECTION_CHARTS));
  profile = find_box (layout, 1, IMPACT_SECTION_PROFILE, -1);
  g_assert_nonnull (profile);
  g_assert_cmpfloat (fabs (profile->y - profile_y), <, 0.01);
  assert_well_formed (layout);

  /* an empty list and a sparkline alone take no space (not even a gap) */
  g_assert_false (has_section (none_layout, IMPACT_SECTION_CHARTS));
  g_assert_false (has_section (spark_layout, IMPACT_SECTION_CHARTS));
  assert_same_boxes (none_layout, spark_layout);

  /* a chart takes space like any section: the back page's text shrinks to make room */
  g_assert_cmpfloat (impact_sheet_layout_get_fit_scale (one_layout, 1), <, impact_sheet_layout_get_fit_scale (none_layout, 1));
  g_assert_cmpfloat (impact_sheet_layout_get_fit_scale (one_layout, 0), ==, impact_sheet_layout_get_fit_scale (none_layout, 0));
  g_assert_true (has_section (one_layout, IMPACT_SECTION_CHARTS));
}

static void
test_chart_section_follows_milestones (void)
{
  g_autofree char *json = example_with_charts (ONE_CHART, FALSE);
  g_autofree char *json_more = example_with_charts (ONE_CHART, TRUE);
  g_autoptr(ImpactDocument) doc = load_string (json);
  g_autoptr(ImpactDocument) more = load_string (json_more);
  g_autoptr(ImpactSheetLayout) layout = layout_for (doc, IMPACT_PAGE_SIZE_LETTER, NULL);
  g_autoptr(ImpactSheetLayout) more_layout = layout_for (more, IMPACT_PAGE_SIZE_LETTER, NULL);
  const ImpactBox *box = find_box (layout, 1, IMPACT_SECTION_CHARTS, 0);
  const ImpactBox *more_box = find_box (more_layout, 1, IMPACT_SECTION_CHARTS, 0);
  g_autofree char *alt = NULL, *more_alt = NULL;
  g_autofree char *signature = NULL, *more_signature = NULL;

  g_assert_nonnull (box);
  g_assert_nonnull (more_box);
  signature = chart_signature (layout, box, &alt);
  more_signature = chart_signature (more_layout, more_box, &more_alt);
  /* the columns change, and the description says the new figure */
  g_assert_cmpstr (signature, !=, more_signature);
  g_assert_cmpstr (alt, !=, more_alt);
  g_assert_null (strstr (alt, "40"));
  g_assert_nonnull (strstr (more_alt, "40"));
}

static void
test_autofit_shrinks (void)
{
  /* about a fifth longer than designed: fits by shrinking, no warning */
  g_autofree char *json = example_with_long_problem (2);
  g_autoptr(ImpactDocument) doc = load_string (json);
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactSheetLayout) layout = layout_for (doc, IMPACT_PAGE_SIZE_LETTER, diagnostics);
  g_autoptr(ImpactDocument) plain = load_example ();
  g_autoptr(ImpactSheetLayout) plain_layout = layout_for (plain, IMPACT_PAGE_SIZE_LETTER, NULL);

  g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, 0);
  g_assert_cmpfloat (impact_sheet_layout_get_fit_scale (plain_layout, 0), ==, 1.0);
  g_assert_cmpfloat (impact_sheet_layout_get_fit_scale (layout, 0), <, 1.0);
  g_assert_cmpfloat (impact_sheet_layout_get_fit_scale (layout, 0), >=, 0.86);
  /* the back page is not affected */
  g_assert_cmpfloat (impact_sheet_layout_get_fit_scale (layout, 1), ==, 1.0);
  assert_well_formed (layout);
}

static void
test_overflow_rebalanced (void)
{
  /* too long for the front even at the smallest text: the quote moves to
   * the back, which has room for it, and the sheet fits */
  g_autofree char *json = example_with_long_problem (12);
  g_autoptr(ImpactDocument) doc = load_string (json);
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactSheetLayout) layout = layout_for (doc, IMPACT_PAGE_SIZE_A4, diagnostics);
  guint page = 0;

  g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, 0);
  g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_QUOTE, -1, &page, NULL));
  g_assert_cmpuint (page, ==, 1);
  assert_well_formed (layout);
}

static void
test_overflow_reported (void)
{
  /* far too long: an error naming what is left off and how much to cut */
  g_autofree char *json = example_with_long_problem (24);
  g_autoptr(ImpactDocument) doc = load_string (json);
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactSheetLayout) layout = layout_for (doc, IMPACT_PAGE_SIZE_A4, diagnostics);
  const ImpactDiagnostic *diag;
  ImpactBox box;

  g_assert_cmpuint (impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_ERROR), >=, 1);
  diag = impact_diagnostics_get_item (diagnostics, 0);
  g_assert_cmpint (diag->severity, ==, IMPACT_SEVERITY_ERROR);
  g_assert_true (strstr (diag->message, "pt too long for the front page") != NULL);
  g_assert_true (strstr (diag->message, "; shorten problem.body by about ") != NULL);
  g_assert_cmpfloat (impact_sheet_layout_get_fit_scale (layout, 0), ==, 0.86);
  /* what does not fit is marked, not drawn over the rest */
  g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_QUOTE, -1, NULL, &box));
  g_assert_true (box.overflow);
  assert_well_formed (layout);
}

static const char *minimal_head =
  "{ \"format\": \"1\", \"office\": \"Testville\", \"organisation\": { \"name\": \"Org\" },";

static GArray *
milestone_items (ImpactSheetLayout *layout)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < impact_sheet_layout_get_n_boxes (layout, 1); i++)
    {
      const ImpactBox *box = impact_sheet_layout_get_box (layout, 1, i);

      if (box->section == IMPACT_SECTION_MILESTONES && box->item >= 0)
        g_array_append_val (items, box->item);
    }
  return items;
}

/* More milestones than the timeline holds: the choice spans the whole
 * history (the founding first, the highlighted ones, then the farthest
 * in time from those), in date order; never only the newest */
static void
test_milestone_selection (void)
{
  g_autoptr(GString) json = g_string_new (minimal_head);
  g_autoptr(ImpactDocument) doc = NULL;
  g_autoptr(GArray) picked = NULL;
  GPtrArray *milestones;
  int years[6];

  /* twelve milestones, one a year from 2001, newest first in the file;
   * 2005 (item 7) and 2006 (item 6) highlighted */
  g_string_append (json, "\"milestones\": [");
  for (int i = 0; i < 12; i++)
    g_string_append_printf (json, "%s{ \"date\": \"%d\", \"title\": \"Event %d\"%s }",
                            i ? "," : "", 2012 - i, i,
                            (i == 6 || i == 7) ? ", \"highlight\": true" : "");
  g_string_append (json, "] }");
  doc = load_string (json->str);
  milestones = impact_document_get_milestones (doc);
  picked = impact_section_milestones_pick (doc, 6);
  g_assert_cmpuint (picked->len, ==, 6);
  for (guint i = 0; i < 6; i++)
    years[i] = ((ImpactMilestone *) g_ptr_array_index (milestones, g_array_index (picked, guint, i)))->date.year;
  /* the founding, the two highlighted, the newest, and two filling the gaps */
  g_assert_cmpint (years[0], ==, 2001);
  g_assert_cmpint (years[5], ==, 2012);
  for (guint i = 1; i < 6; i++)
    g_assert_cmpint (years[i], >, years[i - 1]);
  {
    gboolean has_2005 = FALSE, has_2006 = FALSE;

    for (guint i = 0; i < 6; i++)
      {
        has_2005 |= years[i] == 2005;
        has_2006 |= years[i] == 2006;
      }
    g_assert_true (has_2005 && has_2006);
  }
  /* all of them when they fit */
  g_clear_pointer (&picked, g_array_unref);
  picked = impact_section_milestones_pick (doc, 12);
  g_assert_cmpuint (picked->len, ==, 12);
}

/* The sheet shows the milestones on as many rows as the back page holds */
static void
test_milestone_rows (void)
{
  g_autoptr(GString) json = g_string_new (minimal_head);
  g_autoptr(ImpactDocument) doc = NULL;
  g_autoptr(ImpactSheetLayout) layout = NULL;
  g_autoptr(GArray) items = NULL;

  g_string_append (json, "\"milestones\": [");
  for (int i = 0; i < 9; i++)
    g_string_append_printf (json, "%s{ \"date\": \"%d\", \"title\": \"Event %d\" }",
                            i ? "," : "", 2020 - i, i);
  g_string_append (json, "] }");
  doc = load_string (json->str);
  layout = layout_for (doc, IMPACT_PAGE_SIZE_LETTER, NULL);
  items = milestone_items (layout);
  /* a nearly empty back page: all nine, oldest first */
  g_assert_cmpuint (items->len, ==, 9);
  g_assert_cmpint (g_array_index (items, int, 0), ==, 8);
  g_assert_cmpint (g_array_index (items, int, 8), ==, 0);
  assert_well_formed (layout);
}

static void
test_missing_image_is_warning (void)
{
  g_autoptr(GString) json = g_string_new (minimal_head);
  g_autoptr(ImpactDocument) doc = NULL;
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactSheetLayout) layout = NULL;
  g_autofree char *text = NULL;

  g_string_append (json, "\"profile\": { \"name\": \"Ada Lovelace\", \"photo\": \"no-such-photo.jpg\" } }");
  doc = load_string (json->str);
  layout = layout_for (doc, IMPACT_PAGE_SIZE_LETTER, diagnostics);
  g_assert_nonnull (layout);
  text = impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_WARNING);
  g_assert_nonnull (text);
  g_assert_true (strstr (text, "profile.photo: cannot use image \"no-such-photo.jpg\"") != NULL);
  g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_PROFILE, -1, NULL, NULL));
}

static void
test_minimal_document (void)
{
  g_autoptr(GString) json = g_string_new (minimal_head);
  g_autoptr(ImpactDocument) doc = NULL;
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactSheetLayout) layout = NULL;

  g_string_append (json, "\"x-empty\": true }");
  doc = load_string (json->str);
  /* no "pages": auto, and a sheet with nothing but its header is one page */
  layout = layout_for (doc, IMPACT_PAGE_SIZE_LETTER, diagnostics);
  g_assert_cmpuint (impact_sheet_layout_get_n_pages (layout), ==, 1);
  g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, 0);
  g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_HEADER, -1, NULL, NULL));
  g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_FOOTER, -1, NULL, NULL));
  g_assert_false (impact_sheet_layout_find (layout, IMPACT_SECTION_STATISTICS, -1, NULL, NULL));
  assert_well_formed (layout);
  g_clear_object (&layout);

  /* "pages": 2 asks for the front and the back */
  impact_document_set_pages (doc, "2");
  layout = layout_for (doc, IMPACT_PAGE_SIZE_LETTER, diagnostics);
  g_assert_cmpuint (impact_sheet_layout_get_n_pages (layout), ==, 2);
  g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, 0);
  g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_HEADER, -1, NULL, NULL));
  g_assert_false (impact_sheet_layout_find (layout, IMPACT_SECTION_STATISTICS, -1, NULL, NULL));
  assert_well_formed (layout);
}

static void
test_statistic_counts (void)
{
  for (int n = 2; n <= 5; n++)
    {
      g_autoptr(GString) json = g_string_new (minimal_head);
      g_autoptr(ImpactDocument) doc = NULL;
      g_autoptr(ImpactSheetLayout) layout = NULL;
      g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
      ImpactBox first, last;

      g_string_append (json, "\"statistics\": [");
      for (int i = 0; i < n; i++)
        g_string_append_printf (json, "%s{ \"value\": %d, \"qualifier\": \"+\", \"scale\": \"million\", "
                                "\"label\": \"people reached in region %d\" }",
                                i ? "," : "", 1234567 * (i + 1), i);
      g_string_append (json, "] }");
      doc = load_string (json->str);
      layout = layout_for (doc, IMPACT_PAGE_SIZE_A4, diagnostics);
      g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, 0);
      g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_STATISTICS, 0, NULL, &first));
      /* the last of the first row: five stand in two rows (3 + 2) when one
       * row would set the figures too small */
      for (int i = n - 1; i >= 0; i--)
        {
          g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_STATISTICS, i, NULL, &last));
          if (last.y == first.y)
            break;
        }
      /* the panels span the content width, with equal margins */
      {
        double width;

        impact_sheet_layout_get_page_extent (layout, &width, NULL);
        g_assert_cmpfloat_with_epsilon (first.x, width - (last.x + last.width), 0.5);
      }
      assert_well_formed (layout);
    }
}


static void
test_templates_fit (void)
{
  static const char * const templates[] = { "classic", "bold" };
  static const ImpactPageSize sizes[] = { IMPACT_PAGE_SIZE_LETTER, IMPACT_PAGE_SIZE_A4 };
  g_autoptr(ImpactDocument) doc = load_example ();

  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
        g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc),
                                                         templates[t], diagnostics);
        g_autoptr(ImpactSheetLayout) layout = impact_sheet_layout_new (doc, theme, sizes[s], diagnostics);
        g_autofree char *warnings = impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_WARNING);
        ImpactBox header, stats, problem;

        g_test_message ("%s, %s", templates[t], impact_page_size_to_string (sizes[s]));
        g_assert_cmpstr (warnings, ==, NULL);
        g_assert_cmpuint (impact_sheet_layout_get_n_pages (layout), ==, 2);
        /* the designed text size: no auto-fit shrinking on either page */
        g_assert_cmpfloat (impact_sheet_layout_get_fit_scale (layout, 0), ==, 1.0);
        g_assert_cmpfloat (impact_sheet_layout_get_fit_scale (layout, 1), ==, 1.0);
        assert_well_formed (layout);

        g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_HEADER, -1, NULL, &header));
        g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_STATISTICS, -1, NULL, &stats));
        g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_PROBLEM, -1, NULL, &problem));
        if (t == 1)
          {
            /* bold: the figures sit on the band, under the title and
             * above the problem */
            g_assert_cmpfloat (stats.y, >=, header.y + header.height);
            g_assert_cmpfloat (stats.y + stats.height, <, problem.y);
          }
        else
          g_assert_cmpfloat (stats.y, >, problem.y + problem.height);
      }
}

static void
test_bengali (void)
{
  g_autofree char *path = impact_test_example_path ("kolkata-bn.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, NULL, NULL, &error);
  static const char * const templates[] = { "classic", "bold" };

  g_assert_no_error (error);
  g_assert_cmpstr (impact_document_get_language (doc), ==, "bn");
  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    for (ImpactPageSize size = IMPACT_PAGE_SIZE_LETTER; size <= IMPACT_PAGE_SIZE_A4; size++)
      {
        g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
        g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc),
                                                         templates[t], NULL);
        g_autoptr(ImpactSheetLayout) layout = impact_sheet_layout_new (doc, theme, size, diagnostics);
        g_autofree char *warnings = impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_WARNING);

        /* every glyph found (Pango shapes the conjuncts), nothing overflows */
        g_test_message ("%s, %s", templates[t], impact_page_size_to_string (size));
        g_assert_cmpstr (warnings, ==, NULL);
        assert_well_formed (layout);
      }
}

/* The text op whose text is @text, on page 1 */
static const ImpactOp *
find_text_op (ImpactSheetLayout *layout,
              const char        *text)
{
  for (guint i = 0; i < impact_sheet_layout_get_n_ops (layout, 0); i++)
    {
      const ImpactOp *op = impact_sheet_layout_get_op (layout, 0, i);

      if (op->kind == IMPACT_OP_TEXT && g_strcmp0 (pango_layout_get_text (op->layout), text) == 0)
        return op;
    }
  return NULL;
}

static void
test_arabic_rtl (void)
{
  g_autofree char *path = impact_test_data_path ("data/valid/arabic.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, NULL, NULL, &error);
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactSheetLayout) layout = NULL;
  ImpactProblem *problem;
  const ImpactOp *op;
  PangoLayoutLine *line;
  PangoRectangle logical;
  double width;

  g_assert_no_error (error);
  layout = layout_for (doc, IMPACT_PAGE_SIZE_A4, diagnostics);
  g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, 0);
  assert_well_formed (layout);

  /* a right-to-left paragraph: the problem's kicker, one short line in a
   * box as wide as the measure */
  problem = impact_document_get_problem (doc);
  op = find_text_op (layout, problem->kicker);
  g_assert_nonnull (op);
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (op->layout), ==, 0);
  g_assert_cmpint (pango_layout_get_line_count (op->layout), ==, 1);
  line = pango_layout_get_line_readonly (op->layout, 0);
  g_assert_cmpint (line->resolved_dir, ==, PANGO_DIRECTION_RTL);

  /* PANGO_ALIGN_LEFT, mirrored by the paragraph's direction, sets it flush
   * right, at the end of the measure */
  width = pango_layout_get_width (op->layout) / (double) PANGO_SCALE;
  {
    PangoLayoutIter *iter = pango_layout_get_iter (op->layout);

    pango_layout_iter_get_line_extents (iter, NULL, &logical);
    pango_layout_iter_free (iter);
  }
  g_assert_cmpfloat (ABS ((logical.x + logical.width) / (double) PANGO_SCALE - width), <, 1.0);
  g_assert_cmpfloat (logical.x / (double) PANGO_SCALE, >, width / 2);

  /* the body wraps and shapes with no missing glyph either */
  op = find_text_op (layout, problem->body);
  g_assert_nonnull (op);
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (op->layout), ==, 0);
  g_assert_cmpint (pango_layout_get_line_readonly (op->layout, 0)->resolved_dir, ==, PANGO_DIRECTION_RTL);

  /* the page's grid reads from the right too: the title ends at the right
   * margin, and the first statistic is the rightmost panel */
  {
    double page_width;
    ImpactBox first, second;

    impact_sheet_layout_get_page_extent (layout, &page_width, NULL);
    op = find_text_op (layout, impact_document_get_office (doc));
    g_assert_nonnull (op);
    g_assert_cmpfloat (op->x + op->w, >, page_width * 0.8);
    g_assert_cmpfloat (op->x, >, page_width * 0.3);
    g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_STATISTICS, 0, NULL, &first));
    g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_STATISTICS, 1, NULL, &second));
    g_assert_cmpfloat (first.x, >, second.x + second.width);
  }
}

static void
test_mirror_is_exact (void)
{
  /* a left-to-right document is not mirrored: the same document with a
   * right-to-left language has every box reflected about the middle */
  g_autofree char *base = g_strdup_printf ("%s\"statistics\": [ { \"value\": 1, \"label\": \"a\" },"
                                           " { \"value\": 2, \"label\": \"b\" } ] }", minimal_head);
  g_autoptr(GString) rtl = g_string_new (minimal_head);
  g_autoptr(ImpactDocument) ltr_doc = load_string (base);
  g_autoptr(ImpactDocument) rtl_doc = NULL;
  g_autoptr(ImpactSheetLayout) ltr = NULL;
  g_autoptr(ImpactSheetLayout) mirrored = NULL;
  double width;

  g_string_append (rtl, "\"language\": \"he\", \"statistics\": [ { \"value\": 1, \"label\": \"a\" },"
                        " { \"value\": 2, \"label\": \"b\" } ] }");
  rtl_doc = load_string (rtl->str);
  ltr = layout_for (ltr_doc, IMPACT_PAGE_SIZE_LETTER, NULL);
  mirrored = layout_for (rtl_doc, IMPACT_PAGE_SIZE_LETTER, NULL);
  impact_sheet_layout_get_page_extent (ltr, &width, NULL);
  g_assert_cmpuint (impact_sheet_layout_get_n_boxes (ltr, 0), ==, impact_sheet_layout_get_n_boxes (mirrored, 0));
  for (guint i = 0; i < impact_sheet_layout_get_n_boxes (ltr, 0); i++)
    {
      const ImpactBox *a = impact_sheet_layout_get_box (ltr, 0, i);
      const ImpactBox *b = impact_sheet_layout_get_box (mirrored, 0, i);

      g_assert_cmpfloat_with_epsilon (a->x, width - b->x - b->width, 0.01);
      g_assert_cmpfloat_with_epsilon (a->y, b->y, 0.01);
      g_assert_cmpfloat_with_epsilon (a->width, b->width, 0.01);
    }
  assert_well_formed (mirrored);
}

static void
test_statistic_sources (void)
{
  g_autoptr(GString) json = g_string_new (minimal_head);
  g_autoptr(ImpactDocument) doc = NULL;
  static const char * const templates[] = { "classic", "bold" };

  g_string_append (json,
    "\"statistics\": [ { \"value\": 120, \"label\": \"people helped\","
    "                     \"source\": { \"title\": \"Annual report (2024)\" } },"
    "                   { \"value\": 35, \"label\": \"cases closed\" } ],"
    "\"facts\": [ { \"text\": \"A fact.\", \"source\": { \"title\": \"Survey (2023)\" } },"
    "              { \"text\": \"Same report.\", \"source\": { \"title\": \"Annual report (2024)\" } } ] }");
  doc = load_string (json->str);
  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    {
      g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc), templates[t], NULL);
      g_autoptr(ImpactSheetLayout) layout = impact_sheet_layout_new (doc, theme, IMPACT_PAGE_SIZE_LETTER, NULL);
      gboolean marked = FALSE, unmarked = FALSE, second = FALSE;

      /* the statistic's source is footnote 1, in reading order before the
       * facts'; the fact citing the same report shares its number */
      g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_SOURCES, 1, NULL, NULL));
      g_assert_false (impact_sheet_layout_find (layout, IMPACT_SECTION_SOURCES, 2, NULL, NULL));
      for (guint i = 0; i < impact_sheet_layout_get_n_ops (layout, 0); i++)
        {
          const ImpactOp *op = impact_sheet_layout_get_op (layout, 0, i);
          const char *text;

          if (op->kind != IMPACT_OP_TEXT)
            continue;
          text = pango_layout_get_text (op->layout);
          if (g_ascii_strncasecmp (text, "people helped", 13) == 0)
            marked = g_str_has_suffix (text, "1");
          if (g_ascii_strncasecmp (text, "cases closed", 12) == 0)
            unmarked = g_ascii_strcasecmp (text, "cases closed") == 0;
          if (g_str_has_prefix (text, "Same report."))
            second = g_str_has_suffix (text, "1");
        }
      g_assert_true (marked);
      g_assert_true (unmarked);
      g_assert_true (second);
    }
}

static void
test_hostile_long_word (void)
{
  /* one unbroken 65,000-character word (the loader's string cap) used to
   * make Pango re-shape the rest of the word at every break: minutes */
  g_autoptr(GString) json = g_string_new (minimal_head);
  g_autoptr(ImpactDocument) doc = NULL;
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactSheetLayout) layout = NULL;
  g_autofree char *text = NULL;
  gint64 start;

  g_string_append (json, "\"problem\": { \"heading\": \"h\", \"body\": \"");
  for (int i = 0; i < 65000; i++)
    g_string_append_c (json, 'W');
  g_string_append (json, "\" } }");
  doc = load_string (json->str);
  start = g_get_monotonic_time ();
  layout = layout_for (doc, IMPACT_PAGE_SIZE_LETTER, diagnostics);
  /* a guard against the quadratic case, not a benchmark: it takes well
   * under a second; before the fix it took over a minute */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
  text = impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_WARNING);
  g_assert_nonnull (strstr (text, "problem.body: this text is far longer than a page can hold (65000 characters)"));
  g_clear_pointer (&text, g_free);
  /* and a sheet that cannot fit is an error */
  text = impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_ERROR);
  g_assert_nonnull (strstr (text, "pt too long for the front page"));
}

static void
test_image_not_regular (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *fifo = g_build_filename (dir, "logo.png", NULL);
  g_autofree char *json_path = g_build_filename (dir, "sheet.json", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactSheetLayout) layout = NULL;
  g_autofree char *text = NULL;

  /* a FIFO would block a read forever */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_file_set_contents (json_path, "{ \"format\": \"1\", \"office\": \"X\", "
                       "\"organisation\": { \"name\": \"Org\", \"logo\": \"logo.png\" } }", -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (json_path);
  doc = impact_json_loader_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  layout = layout_for (doc, IMPACT_PAGE_SIZE_LETTER, diagnostics);
  text = impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_WARNING);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "organisation.logo: cannot use image \"logo.png\": not a regular file"));
}

/* Shapes of issue 9, on the fixtures in tests/data/layout/ */

static ImpactDocument *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "layout", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ImpactDocument *doc = impact_json_loader_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static ImpactSheetLayout *
layout_with (ImpactDocument    *doc,
             const char        *template_name,
             ImpactPageSize     size,
             ImpactDiagnostics *diagnostics)
{
  g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc), template_name, NULL);

  return impact_sheet_layout_new (doc, theme, size, diagnostics);
}

/* The ink of a text op, on the page (texts compare without case: kickers
 * are set in capitals) */
static void
op_ink (const ImpactOp *op,
        double         *x0,
        double         *y0,
        double         *x1,
        double         *y1)
{
  PangoRectangle ink;

  pango_layout_get_extents (op->layout, &ink, NULL);
  *x0 = op->x + ink.x / (double) PANGO_SCALE;
  *y0 = op->y + ink.y / (double) PANGO_SCALE;
  *x1 = *x0 + ink.width / (double) PANGO_SCALE;
  *y1 = *y0 + ink.height / (double) PANGO_SCALE;
}

static const ImpactOp *
find_page_text (ImpactSheetLayout *layout,
                guint              page,
                const char        *text)
{
  for (guint i = 0; i < impact_sheet_layout_get_n_ops (layout, page); i++)
    {
      const ImpactOp *op = impact_sheet_layout_get_op (layout, page, i);

      if (op->kind == IMPACT_OP_TEXT && g_ascii_strcasecmp (pango_layout_get_text (op->layout), text) == 0)
        return op;
    }
  return NULL;
}

/* A title of one, two or three lines: the subtitle stands under it, and
 * both lie inside the header band, which grows for a long title */
static void
test_shape_title_lines (void)
{
  static const char * const titles[] = {
    "Cusco",
    "Upper Tana and Mount Kenya Field Office",
    "Upper Tana and Mount Kenya Catchment Rural Water Programme Field Office",
  };
  static const char * const templates[] = { "classic", "bold" };

  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
      {
        g_autoptr(ImpactDocument) doc = load_fixture ("water-charity.json");
        g_autoptr(ImpactSheetLayout) layout = NULL;
        const char *subtitle = impact_document_get_subtitle (doc);
        const ImpactOp *title_op = NULL, *sub_op;
        double tx0, ty0, tx1, ty1, sx0, sy0, sx1, sy1;
        ImpactBox header;

        impact_document_set_office (doc, titles[i]);
        layout = layout_with (doc, templates[t], IMPACT_PAGE_SIZE_LETTER, NULL);
        for (guint k = 0; k < impact_sheet_layout_get_n_ops (layout, 0) && title_op == NULL; k++)
          {
            const ImpactOp *op = impact_sheet_layout_get_op (layout, 0, k);

            if (op->kind == IMPACT_OP_TEXT && g_strcmp0 (op->struct_tag, "H1") == 0)
              title_op = op;
          }
        sub_op = find_page_text (layout, 0, subtitle);
        g_assert_nonnull (title_op);
        g_assert_nonnull (sub_op);
        op_ink (title_op, &tx0, &ty0, &tx1, &ty1);
        op_ink (sub_op, &sx0, &sy0, &sx1, &sy1);
        /* the subtitle under the title's ink, never over it */
        g_assert_cmpfloat (sy0, >=, ty1);
        g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_HEADER, -1, NULL, &header));
        g_assert_cmpfloat (sy1, <=, header.y + header.height);
        g_assert_cmpfloat (ty1, <=, header.y + header.height);
      }
}

/* "412.5 thousand" and "95%+": the scale word stays inside its panel,
 * and a qualifier follows the suffix */
static void
test_shape_scale_word (void)
{
  static const char * const templates[] = { "classic", "bold" };

  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    {
      g_autoptr(ImpactDocument) doc = load_fixture ("water-charity.json");
      g_autoptr(ImpactSheetLayout) layout = layout_with (doc, templates[t], IMPACT_PAGE_SIZE_A4, NULL);
      const ImpactOp *word = find_page_text (layout, 0, "thousand");
      ImpactBox panel;
      double x0, y0, x1, y1;

      g_assert_nonnull (word);
      g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_STATISTICS, 0, NULL, &panel));
      op_ink (word, &x0, &y0, &x1, &y1);
      g_assert_cmpfloat (x0, >=, panel.x - 0.5);
      g_assert_cmpfloat (x1, <=, panel.x + panel.width + 0.5);
      /* 95 with suffix "%" and qualifier "+" */
      g_assert_nonnull (find_page_text (layout, 0, "95"));
      g_assert_nonnull (find_page_text (layout, 0, "%+"));
      g_assert_null (find_page_text (layout, 0, "95+"));
    }
}

/* A suffix that is a word keeps its space after the scale word
 * ("18.4 billion rupiah"), in the panels, the bold band and the label */
static gboolean
page_text_contains (ImpactSheetLayout *layout,
                    guint              page,
                    const char        *needle)
{
  for (guint i = 0; i < impact_sheet_layout_get_n_ops (layout, page); i++)
    {
      const ImpactOp *op = impact_sheet_layout_get_op (layout, page, i);

      if (op->kind == IMPACT_OP_TEXT && strstr (pango_layout_get_text (op->layout), needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_shape_scale_and_word_suffix (void)
{
  static const char * const templates[] = { "classic", "bold" };

  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    {
      g_autoptr(ImpactDocument) doc = load_fixture ("water-charity.json");
      ImpactStatistic *stat = g_ptr_array_index (impact_document_get_statistics (doc), 0);
      g_autoptr(ImpactSheetLayout) layout = NULL;

      g_free (stat->scale);
      stat->scale = g_strdup ("billion");
      g_free (stat->suffix);
      stat->suffix = g_strdup ("rupiah");
      g_clear_pointer (&stat->qualifier, g_free);
      layout = layout_with (doc, templates[t], IMPACT_PAGE_SIZE_A4, NULL);
      g_assert_true (page_text_contains (layout, 0, "billion rupiah"));
      g_assert_false (page_text_contains (layout, 0, "billionrupiah"));
    }
}

/* Five facts stand as 3 + 2, never four and one alone */
static void
test_shape_facts_balanced (void)
{
  g_autoptr(ImpactDocument) doc = load_fixture ("water-charity.json");
  g_autoptr(ImpactSheetLayout) layout = layout_with (doc, "classic", IMPACT_PAGE_SIZE_LETTER, NULL);
  ImpactBox box[5];
  guint first_row = 0;

  for (guint i = 0; i < 5; i++)
    g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_FACTS, i, NULL, &box[i]));
  for (guint i = 0; i < 5; i++)
    first_row += fabs (box[i].y - box[0].y) < 0.5;
  g_assert_cmpuint (first_row, ==, 3);
}

/* Twelve milestones with eras: the sheet shows more than four, the
 * founding among them, the eras as labels, and no editor's note */
static void
test_shape_twelve_milestones (void)
{
  static const char * const templates[] = { "classic", "bold" };

  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    {
      g_autoptr(ImpactDocument) doc = load_fixture ("water-charity.json");
      g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
      g_autoptr(ImpactSheetLayout) layout = layout_with (doc, templates[t], IMPACT_PAGE_SIZE_LETTER, diagnostics);
      guint shown = 0;

      g_assert_cmpuint (impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_ERROR), ==, 0);
      for (guint i = 0; i < impact_sheet_layout_get_n_boxes (layout, 1); i++)
        {
          const ImpactBox *box = impact_sheet_layout_get_box (layout, 1, i);

          shown += box->section == IMPACT_SECTION_MILESTONES && box->item >= 0;
        }
      g_assert_cmpuint (shown, >, 4);
      /* the founding (1998) is milestones[0] */
      g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_MILESTONES, 0, NULL, NULL));
      g_assert_nonnull (find_page_text (layout, 1, "Springs and schools"));
      for (guint i = 0; i < impact_sheet_layout_get_n_ops (layout, 1); i++)
        {
          const ImpactOp *op = impact_sheet_layout_get_op (layout, 1, i);

          if (op->kind == IMPACT_OP_TEXT)
            g_assert_null (strstr (pango_layout_get_text (op->layout), "milestones shown"));
        }
    }
}

/* How many items of @section the sheet shows */
static guint
count_items (ImpactSheetLayout *layout,
             ImpactSection      section)
{
  guint n = 0;

  for (guint p = 0; p < impact_sheet_layout_get_n_pages (layout); p++)
    for (guint i = 0; i < impact_sheet_layout_get_n_boxes (layout, p); i++)
      {
        const ImpactBox *box = impact_sheet_layout_get_box (layout, p, i);

        n += box->section == section && box->item >= 0 && !box->overflow;
      }
  return n;
}

/* Auto is the default: a sparse document is one page without "pages" as
 * with "pages": "auto"; "pages": 2 keeps the front and the back */
static void
test_shape_pages_auto (void)
{
  g_autoptr(ImpactDocument) sparse = load_fixture ("sparse-spanish.json");
  g_autoptr(ImpactDocument) shape = load_fixture ("shape-sparse.json");

  g_assert_null (impact_document_get_pages (sparse));
  for (guint t = 0; t < 2; t++)
    for (guint s = 0; s < 2; s++)
      {
        const char *template_name = t ? "bold" : "classic";
        ImpactPageSize size = s ? IMPACT_PAGE_SIZE_A4 : IMPACT_PAGE_SIZE_LETTER;
        g_autoptr(ImpactSheetLayout) one = NULL, two = NULL, shape_one = NULL;
        g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();

        impact_document_set_pages (sparse, NULL);
        one = layout_with (sparse, template_name, size, diagnostics);
        g_assert_cmpuint (impact_sheet_layout_get_n_pages (one), ==, 1);
        /* at full size, with every section it has */
        g_assert_cmpfloat (impact_sheet_layout_get_fit_scale (one, 0), ==, 1.0);
        g_assert_true (impact_sheet_layout_find (one, IMPACT_SECTION_MILESTONES, -1, NULL, NULL));
        g_assert_true (impact_sheet_layout_find (one, IMPACT_SECTION_FOOTER, -1, NULL, NULL));
        g_assert_cmpuint (impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_ERROR), ==, 0);
        assert_well_formed (one);

        impact_document_set_pages (sparse, "2");
        two = layout_with (sparse, template_name, size, NULL);
        g_assert_cmpuint (impact_sheet_layout_get_n_pages (two), ==, 2);
        /* one page showed all that two do */
        for (ImpactSection section = 0; section < IMPACT_N_SECTIONS; section++)
          g_assert_cmpuint (count_items (one, section), ==, count_items (two, section));

        shape_one = layout_with (shape, template_name, size, NULL);
        g_assert_cmpuint (impact_sheet_layout_get_n_pages (shape_one), ==, 1);
        assert_well_formed (shape_one);
      }
}

/* Auto chooses two pages when one page, though it fits at full size,
 * would show fewer milestones than the back does */
static void
test_shape_pages_auto_not_cut (void)
{
  g_autoptr(GString) json = g_string_new (minimal_head);
  g_autoptr(ImpactDocument) doc = NULL;

  g_string_append (json, "\"milestones\": [");
  for (guint i = 0; i < 12; i++)
    g_string_append_printf (json, "%s{ \"date\": \"%u\", \"title\": \"Step %u\" }",
                            i ? ", " : "", 2001 + i, i + 1);
  g_string_append (json, "] }");
  doc = load_string (json->str);
  for (guint t = 0; t < 2; t++)
    {
      const char *template_name = t ? "bold" : "classic";
      g_autoptr(ImpactSheetLayout) forced = NULL, chosen = NULL;
      g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
      g_autofree char *warnings = NULL;

      impact_document_set_pages (doc, "1");
      forced = layout_with (doc, template_name, IMPACT_PAGE_SIZE_LETTER, NULL);
      /* one page holds it at full size, with fewer milestones */
      g_assert_cmpuint (impact_sheet_layout_get_n_pages (forced), ==, 1);
      g_assert_cmpfloat (impact_sheet_layout_get_fit_scale (forced, 0), ==, 1.0);
      g_assert_cmpuint (count_items (forced, IMPACT_SECTION_MILESTONES), <, 12);

      impact_document_set_pages (doc, NULL);
      chosen = layout_with (doc, template_name, IMPACT_PAGE_SIZE_LETTER, diagnostics);
      g_assert_cmpuint (impact_sheet_layout_get_n_pages (chosen), ==, 2);
      g_assert_cmpuint (count_items (chosen, IMPACT_SECTION_MILESTONES), >,
                        count_items (forced, IMPACT_SECTION_MILESTONES));
      /* the diagnostics are the two pages', not the one page's too */
      impact_sheet_layout_report_omissions (chosen, diagnostics);
      warnings = impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_WARNING);
      if (count_items (chosen, IMPACT_SECTION_MILESTONES) == 12)
        g_assert_null (warnings);
      assert_well_formed (chosen);
    }
}

/* The examples do not fit one page: auto keeps their two pages exactly as
 * "pages": 2 lays them out, in both templates on both sizes */
static void
test_shape_pages_auto_examples (void)
{
  const char *const names[] = { "kolkata.json", "kolkata-es.json", "kolkata-bn.json" };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autofree char *path = impact_test_example_path (names[n]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, NULL, NULL, NULL);

      g_assert_nonnull (doc);
      g_assert_null (impact_document_get_pages (doc));
      for (guint t = 0; t < 2; t++)
        for (guint s = 0; s < 2; s++)
          {
            const char *template_name = t ? "bold" : "classic";
            ImpactPageSize size = s ? IMPACT_PAGE_SIZE_A4 : IMPACT_PAGE_SIZE_LETTER;
            g_autoptr(ImpactSheetLayout) chosen = NULL, two = NULL;

            impact_document_set_pages (doc, NULL);
            chosen = layout_with (doc, template_name, size, NULL);
            impact_document_set_pages (doc, "2");
            two = layout_with (doc, template_name, size, NULL);
            g_assert_cmpuint (impact_sheet_layout_get_n_pages (chosen), ==, 2);
            assert_same_boxes (chosen, two);
            for (guint p = 0; p < 2; p++)
              g_assert_cmpuint (impact_sheet_layout_get_n_ops (chosen, p), ==,
                                impact_sheet_layout_get_n_ops (two, p));
          }
    }
}

/* Every example in resources/examples/ (the directory is listed, so a new
 * example is covered) lays out in both templates and both page sizes
 * without an error, and well formed */
static void
test_examples_all_designs (void)
{
  g_autofree char *dir_path = impact_test_example_path ("");
  g_autoptr(GPtrArray) names = impact_test_json_names (dir_path);
  g_assert_cmpuint (names->len, >, 0);

  for (guint n = 0; n < names->len; n++)
    {
      g_autofree char *path = impact_test_example_path (g_ptr_array_index (names, n));
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (doc);
      for (guint t = 0; t < 2; t++)
        for (guint s = 0; s < 2; s++)
          {
            const char *template_name = t ? "bold" : "classic";
            ImpactPageSize size = s ? IMPACT_PAGE_SIZE_A4 : IMPACT_PAGE_SIZE_LETTER;
            g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
            g_autoptr(ImpactSheetLayout) layout = layout_with (doc, template_name, size, diagnostics);
            g_autofree char *errors = impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_ERROR);

            g_test_message ("%s, %s, %s", (const char *) g_ptr_array_index (names, n),
                            template_name, impact_page_size_to_string (size));
            g_assert_cmpstr (errors, ==, NULL);
            assert_well_formed (layout);
          }
    }
}

/* The water charity (five statistics, five facts, twelve milestones and
 * an office name of a hundred characters as its title) fits Letter and A4
 * in both templates: its title is set smaller (it took five lines, now four),
 * and every statistic and fact is on the front */
static void
test_shape_water_charity_fits (void)
{
  g_autoptr(ImpactDocument) doc = load_fixture ("shape-water-charity.json");

  for (guint t = 0; t < 2; t++)
    for (guint s = 0; s < 2; s++)
      {
        g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
        g_autoptr(ImpactSheetLayout) layout = layout_with (doc, t ? "bold" : "classic",
                                                           s ? IMPACT_PAGE_SIZE_A4 : IMPACT_PAGE_SIZE_LETTER,
                                                           diagnostics);
        g_autofree char *errors = impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_ERROR);
        const ImpactOp *title = NULL;

        g_assert_null (errors);
        g_assert_cmpuint (impact_sheet_layout_get_n_pages (layout), ==, 2);
        for (guint i = 0; i < 5; i++)
          {
            guint page = 9;

            g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_STATISTICS, i, &page, NULL));
            g_assert_cmpuint (page, ==, 0);
            g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_FACTS, i, &page, NULL));
            g_assert_cmpuint (page, ==, 0);
          }
        g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_QUOTE, -1, NULL, NULL));
        for (guint k = 0; k < impact_sheet_layout_get_n_ops (layout, 0) && title == NULL; k++)
          {
            const ImpactOp *op = impact_sheet_layout_get_op (layout, 0, k);

            if (op->kind == IMPACT_OP_TEXT && g_strcmp0 (op->struct_tag, "H1") == 0)
              title = op;
          }
        g_assert_nonnull (title);
        g_assert_cmpint (pango_layout_get_line_count (title->layout), <=, 4);
        assert_well_formed (layout);
      }
}

/* The text at @path (prose only), for a test to shorten */
static char **
prose_at (ImpactDocument *doc,
          const char     *path)
{
  guint index;

  if (g_strcmp0 (path, "problem.body") == 0)
    return &impact_document_get_problem (doc)->body;
  if (g_strcmp0 (path, "quote.text") == 0)
    return &impact_document_get_quote (doc)->text;
  if (g_strcmp0 (path, "profile.biography") == 0)
    return &impact_document_get_profile (doc)->biography;
  if (g_strcmp0 (path, "footer.about") == 0)
    return &impact_document_get_footer (doc)->about;
  if (sscanf (path, "facts[%u].text", &index) == 1)
    return &((ImpactFact *) g_ptr_array_index (impact_document_get_facts (doc), index))->text;
  if (sscanf (path, "approach[%u].text", &index) == 1)
    return &((ImpactPillar *) g_ptr_array_index (impact_document_get_pillars (doc), index))->text;
  if (sscanf (path, "milestones[%u].description", &index) == 1)
    return &((ImpactMilestone *) g_ptr_array_index (impact_document_get_milestones (doc), index))->description;
  g_assert_not_reached ();
}

/* The overflow error names a text and how much of it to cut: cut exactly
 * that much off its end (off each text of a list, when it says so) and
 * the sheet fits; @expect_path is the start of the path it must name (the
 * overflowing section's text or a longer one), never the title */
static void
assert_cut_fits (ImpactDocument *doc,
                 const char     *template_name,
                 ImpactPageSize  size,
                 const char     *expect_path)
{
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactDiagnostics) after = impact_diagnostics_new ();
  g_autoptr(ImpactSheetLayout) layout = layout_with (doc, template_name, size, diagnostics);
  g_autoptr(ImpactSheetLayout) shortened = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) originals = g_ptr_array_new ();
  const ImpactDiagnostic *diag;
  const char *advice;
  char path[64];
  guint cut, length, n;

  g_assert_cmpuint (impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_ERROR), >=, 1);
  diag = impact_diagnostics_get_item (diagnostics, 0);
  g_assert_nonnull (strstr (diag->message, "pt too long for the "));
  g_test_message ("%s: %s", diag->path, diag->message);
  advice = strstr (diag->message, "; shorten ");
  g_assert_nonnull (advice);
  if (sscanf (advice, "; shorten each of the %u texts of %63s by about %u characters", &n, path, &cut) == 3)
    {
      /* each text of a list (as tall as the tallest of their row) */
      g_assert_cmpuint (n, >, 1);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (paths, g_strdup_printf ("%s[%u].text", path, i));
    }
  else
    {
      g_assert_cmpint (sscanf (advice, "; shorten %63s by about %u of its %u characters", path, &cut, &length), ==, 3);
      g_assert_cmpuint (cut, <, length);
      g_assert_cmpuint (g_utf8_strlen (*prose_at (doc, path), -1), ==, length);
      g_ptr_array_add (paths, g_strdup (path));
    }
  g_assert_true (g_str_has_prefix (path, expect_path));
  g_assert_cmpuint (cut, >, 0);
  /* a realistic amount: body text holds more than two characters a
   * point of depth (the old estimate from a title's chars gave one) */
  {
    const char *msg = diag->message;
    guint points = 0;

    if (g_str_has_prefix (msg, "more than "))
      msg += strlen ("more than ");
    g_assert_cmpint (sscanf (msg, "%u pt too long", &points), ==, 1);
    g_assert_cmpuint (cut * paths->len, >=, 2 * points);
  }

  /* cut exactly that much off the end of each: the sheet fits */
  for (guint i = 0; i < paths->len; i++)
    {
      char **field = prose_at (doc, g_ptr_array_index (paths, i));
      glong len = g_utf8_strlen (*field, -1);

      g_ptr_array_add (originals, *field);
      *field = g_utf8_substring (*field, 0, len - MIN ((glong) cut, len));
    }
  shortened = layout_with (doc, template_name, size, after);
  for (guint i = 0; i < paths->len; i++)
    {
      char **field = prose_at (doc, g_ptr_array_index (paths, i));

      g_free (*field);
      *field = g_ptr_array_index (originals, i);
    }
  g_assert_cmpuint (impact_diagnostics_count (after, IMPACT_SEVERITY_ERROR), ==, 0);
  assert_well_formed (shortened);
}

/* The estimate is measured, on the page that overflows: a quote under a
 * problem too long (the example), and the water charity's facts made
 * longer, where the tallest text on the page is its four-line title (the
 * old estimate took the title's characters a point and said "about 10
 * characters") */
static void
test_overflow_cut_measured (void)
{
  g_autofree char *json = example_with_long_problem (24);
  g_autoptr(ImpactDocument) example = load_string (json);
  g_autoptr(ImpactDocument) water = load_fixture ("shape-water-charity.json");
  GPtrArray *facts = impact_document_get_facts (water);

  assert_cut_fits (example, "classic", IMPACT_PAGE_SIZE_A4, "problem.body");
  assert_cut_fits (example, "bold", IMPACT_PAGE_SIZE_LETTER, "problem.body");
  for (guint i = 0; i < facts->len; i++)
    {
      ImpactFact *fact = g_ptr_array_index (facts, i);
      char *longer = g_strconcat (fact->text, " In the dry season the walk doubles, and so does the time "
                                  "lost to school and to work. Rains bring the pond closer, but dirtier.",
                                  NULL);

      g_free (fact->text);
      fact->text = longer;
    }
  assert_cut_fits (water, "classic", IMPACT_PAGE_SIZE_LETTER, "facts");
  assert_cut_fits (water, "bold", IMPACT_PAGE_SIZE_LETTER, "facts");
}

/* Too long: an error naming the text, nothing drawn below the limit */
static void
test_shape_too_long (void)
{
  g_autoptr(ImpactDocument) doc = load_fixture ("too-long.json");
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactSheetLayout) layout = layout_with (doc, "classic", IMPACT_PAGE_SIZE_LETTER, diagnostics);
  g_autofree char *errors = impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_ERROR);
  ImpactBox quote;

  g_assert_nonnull (errors);
  g_assert_nonnull (strstr (errors, "quote.text: "));
  g_assert_nonnull (strstr (errors, "pt too long for the front page"));
  g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_QUOTE, -1, NULL, &quote));
  g_assert_true (quote.overflow);
  assert_well_formed (layout);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/layout/example/letter", GINT_TO_POINTER (IMPACT_PAGE_SIZE_LETTER), test_example_fits);
  g_test_add_data_func ("/layout/example/a4", GINT_TO_POINTER (IMPACT_PAGE_SIZE_A4), test_example_fits);
  g_test_add_func ("/layout/reading-order", test_sections_in_reading_order);
  g_test_add_func ("/layout/autofit/shrinks", test_autofit_shrinks);
  g_test_add_func ("/layout/autofit/overflow-rebalanced", test_overflow_rebalanced);
  g_test_add_func ("/layout/autofit/overflow-reported", test_overflow_reported);
  g_test_add_func ("/layout/milestones/highlighted", test_milestone_selection);
  g_test_add_func ("/layout/milestones/rows", test_milestone_rows);
  g_test_add_func ("/layout/image/missing", test_missing_image_is_warning);
  g_test_add_func ("/layout/minimal", test_minimal_document);
  g_test_add_func ("/layout/statistics/two-to-five", test_statistic_counts);
  g_test_add_func ("/layout/templates/fit", test_templates_fit);
  g_test_add_func ("/layout/statistics/sources", test_statistic_sources);
  g_test_add_func ("/layout/scripts/bengali", test_bengali);
  g_test_add_func ("/layout/scripts/arabic-rtl", test_arabic_rtl);
  g_test_add_func ("/layout/scripts/mirror", test_mirror_is_exact);

  g_test_add_func ("/layout/hostile/long-word", test_hostile_long_word);
  g_test_add_func ("/layout/image/not-regular", test_image_not_regular);
  g_test_add_func ("/layout/shapes/title-lines", test_shape_title_lines);
  g_test_add_func ("/layout/shapes/scale-word", test_shape_scale_word);
  g_test_add_func ("/layout/shapes/scale-word-suffix", test_shape_scale_and_word_suffix);
  g_test_add_func ("/layout/shapes/facts-balanced", test_shape_facts_balanced);
  g_test_add_func ("/layout/shapes/twelve-milestones", test_shape_twelve_milestones);
  g_test_add_func ("/layout/shapes/pages-auto", test_shape_pages_auto);
  g_test_add_func ("/layout/shapes/pages-auto-not-cut", test_shape_pages_auto_not_cut);
  g_test_add_func ("/layout/shapes/pages-auto-examples", test_shape_pages_auto_examples);
  g_test_add_func ("/layout/shapes/water-charity-fits", test_shape_water_charity_fits);
  g_test_add_func ("/layout/shapes/too-long", test_shape_too_long);
  g_test_add_func ("/layout/autofit/overflow-cut-measured", test_overflow_cut_measured);
  g_test_add_func ("/layout/charts/placed", test_chart_section_placed);
  g_test_add_func ("/layout/charts/absent", test_chart_section_absent);
  g_test_add_func ("/layout/charts/follows-milestones", test_chart_section_follows_milestones);
  g_test_add_func ("/layout/examples/all-designs", test_examples_all_designs);

  return g_test_run ();
}
