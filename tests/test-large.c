/* test-large.c: documents as large as the loader accepts lay out correctly
 *
 * Each test builds a document with IMPACT_LOADER_MAX_ITEMS entries in one
 * list, loads it, lays the sheet out and checks the result: the footnote
 * numbers, the overflow warning, what is shown. There is no timing
 * assertion; a layout that became quadratic again would run past the test
 * timeout (200,000 distinct sources took longer than 150 s before).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include "impact-json-loader.h"
#include "impact-preflight.h"
#include "impact-sheet-layout-private.h"
#include "impact-test-utils.h"
#include "impact-theme.h"
#include "impact-timeline-layout.h"

#define N IMPACT_LOADER_MAX_ITEMS

typedef struct
{
  ImpactDocument    *doc;
  ImpactTheme       *theme;
  ImpactSheetLayout *layout;
  ImpactDiagnostics *diagnostics;
  char              *warnings;
  char              *errors;
} Sheet;

static void
sheet_clear (Sheet *sheet)
{
  g_clear_object (&sheet->layout);
  g_clear_object (&sheet->theme);
  g_clear_object (&sheet->doc);
  g_clear_pointer (&sheet->diagnostics, impact_diagnostics_free);
  g_clear_pointer (&sheet->warnings, g_free);
  g_clear_pointer (&sheet->errors, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sheet, sheet_clear)

static GString *
document_start_with (const char *template_name)
{
  g_autofree char *start = g_strdup_printf ("{ \"format\": \"1\", \"office\": \"Dhaka\", "
                                            "\"organisation\": { \"name\": \"Example Justice Network\" }, "
                                            "\"theme\": { \"template\": \"%s\", \"accent\": \"#a8561a\" }",
                                            template_name);

  return g_string_new (start);
}

static GString *
document_start (void)
{
  return document_start_with ("classic");
}

/* Loads @json (consumed) and lays out a US Letter sheet of @n_pages pages
 * (the default, "auto": one when a single page shows as much as two) */
static void
sheet_load (Sheet   *sheet,
            GString *json,
            guint    n_pages)
{
  g_autoptr(GError) error = NULL;

  g_string_append (json, " }");
  sheet->diagnostics = impact_diagnostics_new ();
  sheet->doc = impact_json_loader_load_data (json->str, json->len, "large.json", NULL,
                                             sheet->diagnostics, &error);
  g_string_free (json, TRUE);
  g_assert_no_error (error);
  g_assert_nonnull (sheet->doc);
  g_assert_cmpuint (impact_diagnostics_count (sheet->diagnostics, IMPACT_SEVERITY_ERROR), ==, 0);
  sheet->theme = impact_theme_new (impact_document_get_theme_spec (sheet->doc), NULL, NULL);
  sheet->layout = impact_sheet_layout_new (sheet->doc, sheet->theme, IMPACT_PAGE_SIZE_LETTER,
                                           sheet->diagnostics);
  g_assert_cmpuint (impact_sheet_layout_get_n_pages (sheet->layout), ==, n_pages);
  sheet->warnings = impact_diagnostics_to_string (sheet->diagnostics, IMPACT_SEVERITY_WARNING);
  sheet->errors = impact_diagnostics_to_string (sheet->diagnostics, IMPACT_SEVERITY_ERROR);
}

/* The texts of the page's text ops, in order */
static GPtrArray *
page_texts (Sheet *sheet,
            guint  page)
{
  GPtrArray *texts = g_ptr_array_new ();

  for (guint i = 0; i < impact_sheet_layout_get_n_ops (sheet->layout, page); i++)
    {
      const ImpactOp *op = impact_sheet_layout_get_op (sheet->layout, page, i);

      if (op->kind == IMPACT_OP_TEXT && op->layout != NULL)
        g_ptr_array_add (texts, (gpointer) pango_layout_get_text (op->layout));
    }
  return texts;
}

/* The number a text ends with: a footnote mark follows a thin separator */
static guint
trailing_number (const char *text)
{
  const char *end = text + strlen (text), *p = end;

  while (p > text && g_ascii_isdigit (p[-1]))
    p--;
  g_assert_true (p < end);
  return (guint) g_ascii_strtoull (p, NULL, 10);
}

static void
test_facts (void)
{
  g_auto(Sheet) sheet = { 0 };
  g_autoptr(GPtrArray) texts = NULL;
  GString *json = document_start ();
  guint n_facts = 0, n_sources = 0;

  /* statistics[0] cites the same source as facts[5]: it is read first, so
   * that source is footnote 1 and every other fact's source is distinct */
  g_string_append (json, ", \"statistics\": [ { \"value\": 7, \"label\": \"cited\", "
                         "\"source\": { \"title\": \"Source 5\", \"url\": \"https://example.org/5\" } } ]");
  g_string_append (json, ", \"facts\": [");
  for (guint i = 0; i < N; i++)
    g_string_append_printf (json, "%s{ \"text\": \"Fact %u.\", \"source\": "
                                  "{ \"title\": \"Source %u\", \"url\": \"https://example.org/%u\" } }",
                            i ? ", " : "", i, i, i);
  g_string_append (json, "]");
  sheet_load (&sheet, json, 2);

  texts = page_texts (&sheet, 0);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      guint index, mark, number, title;
      /* the footnote number after the first use of each source */
      guint expected;

      if (sscanf (text, "Fact %u.", &index) == 1)
        {
          mark = trailing_number (text);
          expected = index == 5 ? 1 : index < 5 ? index + 2 : index + 1;
          g_assert_cmpuint (mark, ==, expected);
          n_facts++;
        }
      else if (sscanf (text, "%u  Source %u.", &number, &title) == 2)
        {
          expected = title == 5 ? 1 : title < 5 ? title + 2 : title + 1;
          g_assert_cmpuint (number, ==, expected);
          n_sources++;
        }
    }
  /* as many sources as a page holds, not all of them; they fill the page,
   * so no fact is drawn over them, and the sheet is refused with an error */
  g_assert_cmpuint (n_sources, >, 5);
  g_assert_cmpuint (n_sources, <, 1000);
  g_assert_nonnull (sheet.errors);
  g_assert_nonnull (strstr (sheet.errors, "sources: more than "));
  g_assert_nonnull (strstr (sheet.errors, "pt too long for the front page"));
  g_assert_nonnull (strstr (sheet.errors, "facts: left off the front page"));
  g_assert_cmpuint (n_facts, ==, 0);
}

static void
test_statistics (gconstpointer data)
{
  gboolean bold = GPOINTER_TO_INT (data);
  /* side by side, at least 28 pt a panel (36 pt on the bold template) in
   * the 520 pt measure of US Letter */
  guint shown = bold ? 9 : 14;
  g_auto(Sheet) sheet = { 0 };
  g_autoptr(GPtrArray) texts = NULL;
  g_autofree char *expected = g_strdup_printf ("statistics: 200000 statistics do not fit side by side; "
                                               "the sheet shows the first %u", shown);
  g_autofree char *hidden = g_strdup_printf ("stat %u", shown);
  GString *json = document_start_with (bold ? "bold" : "classic");
  gboolean first = FALSE;

  g_string_append (json, ", \"statistics\": [");
  for (guint i = 0; i < N; i++)
    g_string_append_printf (json, "%s{ \"value\": %u, \"label\": \"stat %u\" }", i ? ", " : "", i, i);
  g_string_append (json, "]");
  /* nothing but statistics: one page shows as many as two would */
  sheet_load (&sheet, json, 1);

  g_assert_nonnull (sheet.warnings);
  g_assert_nonnull (strstr (sheet.warnings, expected));
  texts = page_texts (&sheet, 0);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      /* labels are set in capitals */
      g_assert_cmpint (g_ascii_strcasecmp (text, hidden), !=, 0);
      first |= g_ascii_strcasecmp (text, "stat 0") == 0;
    }
  g_assert_true (first);
}

static void
test_pillars (void)
{
  g_auto(Sheet) sheet = { 0 };
  g_autoptr(GPtrArray) texts = NULL;
  GString *json = document_start ();
  guint shown = 0;

  g_string_append (json, ", \"approach\": [");
  for (guint i = 0; i < N; i++)
    g_string_append_printf (json, "%s{ \"lead\": \"Lead %u\", \"text\": \"does %u.\" }", i ? ", " : "", i, i);
  g_string_append (json, "]");
  sheet_load (&sheet, json, 2);

  g_assert_nonnull (sheet.errors);
  g_assert_nonnull (strstr (sheet.errors, "approach: more than "));
  g_assert_nonnull (strstr (sheet.errors, "pt too long for the back page"));
  texts = page_texts (&sheet, 1);
  for (guint i = 0; i < texts->len; i++)
    {
      guint lead, text;

      if (sscanf (g_ptr_array_index (texts, i), "Lead %u does %u.", &lead, &text) == 2)
        {
          /* in document order */
          g_assert_cmpuint (lead, ==, shown);
          g_assert_cmpuint (text, ==, lead);
          shown++;
        }
    }
  g_assert_cmpuint (shown, >, 2);
  g_assert_cmpuint (shown, <, 1000);
}

static void
test_milestones_and_eras (gconstpointer data)
{
  gboolean eras = GPOINTER_TO_INT (data);
  g_auto(Sheet) sheet = { 0 };
  g_autoptr(ImpactTimelineLayout) timeline = NULL;
  GString *json = document_start ();

  if (eras)
    {
      g_string_append (json, ", \"milestones\": [ { \"date\": \"2001\", \"title\": \"Opening\" } ]");
      g_string_append (json, ", \"eras\": [");
      for (guint i = 0; i < N; i++)
        g_string_append_printf (json, "%s{ \"start\": \"%u\", \"end\": \"%u\", \"title\": \"E %u\" }",
                                i ? ", " : "", 1900 + i % 100, 1901 + i % 100, i);
    }
  else
    {
      g_string_append (json, ", \"milestones\": [");
      for (guint i = 0; i < N; i++)
        g_string_append_printf (json, "%s{ \"date\": \"%u\", \"title\": \"M %u\", "
                                      "\"metrics\": { \"rescued\": 1 } }",
                                i ? ", " : "", 1900 + i % 100, i);
    }
  g_string_append (json, "]");
  /* one page would show fewer milestones than the back does: two pages;
   * one milestone among the eras fits one page */
  sheet_load (&sheet, json, eras ? 1 : 2);

  timeline = impact_timeline_layout_new (sheet.doc, sheet.theme);
  g_assert_cmpuint (impact_timeline_layout_get_n_items (timeline), ==, eras ? 1 : N);
  if (eras)
    {
      g_autoptr(GArray) lane_end = g_array_new (FALSE, TRUE, sizeof (double));
      guint n_lanes = impact_timeline_layout_get_n_era_lanes (timeline);

      g_assert_cmpuint (impact_timeline_layout_get_n_eras (timeline), ==, N);
      /* 2,000 eras start in each year and run two years: at any time
       * 4,000 overlap, so 4,000 lanes are needed and enough */
      g_assert_cmpuint (n_lanes, ==, 2 * N / 100);
      g_array_set_size (lane_end, n_lanes);
      for (guint i = 0; i < N; i++)
        {
          const ImpactTimelineEra *era = impact_timeline_layout_get_era (timeline, i);

          g_assert_cmpuint (era->lane, <, n_lanes);
          /* eras in one lane never overlap */
          g_assert_cmpfloat (era->start, >=, g_array_index (lane_end, double, era->lane));
          g_array_index (lane_end, double, era->lane) = era->end;
        }
    }
  if (!eras)
    {
      g_autoptr(GPtrArray) texts = page_texts (&sheet, 1);
      guint shown = 0;

      for (guint i = 0; i < texts->len; i++)
        shown += g_str_has_prefix (g_ptr_array_index (texts, i), "M ");
      /* the sheet shows a few milestones (at most three rows of four), not all */
      g_assert_cmpuint (shown, >, 0);
      g_assert_cmpuint (shown, <=, 12);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/large/facts", test_facts);
  g_test_add_data_func ("/large/statistics", GINT_TO_POINTER (FALSE), test_statistics);
  g_test_add_data_func ("/large/statistics-bold", GINT_TO_POINTER (TRUE), test_statistics);
  g_test_add_func ("/large/pillars", test_pillars);
  g_test_add_data_func ("/large/milestones", GINT_TO_POINTER (FALSE), test_milestones_and_eras);
  g_test_add_data_func ("/large/eras", GINT_TO_POINTER (TRUE), test_milestones_and_eras);
  return g_test_run ();
}
