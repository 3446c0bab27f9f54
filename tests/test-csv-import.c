/* test-csv-import.c: milestones and statistics from spreadsheets (CSV)
 *
 * The parser on the fixtures of tests/data/csv/ (quoting, embedded
 * newlines, separators, BOM, UTF-16, blank rows, bad cells, TimelineJS's
 * template), the replace-on-update rule, and `impact-sheet import csv` end
 * to end: the sheet written, reloaded, and left alone on an error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "impact-csv-import.h"
#include "impact-error.h"
#include "impact-json-loader.h"
#include "impact-json-writer.h"
#include "impact-test-utils.h"

static ImpactCsvImport *
parse_fixture (const char      *name,
               ImpactCsvTarget  target,
               const char      *language,
               GError         **error)
{
  g_autofree char *relative = g_strconcat ("data/csv/", name, NULL);
  g_autofree char *path = impact_test_data_path (relative);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return impact_csv_import_read_file (file, target, language, NULL, error);
}

static ImpactCsvImport *
parse_string (const char      *text,
              ImpactCsvTarget  target,
              GError         **error)
{
  return impact_csv_import_parse (text, strlen (text), "t.csv", target, NULL, error);
}

static const ImpactMilestone *
milestone (ImpactCsvImport *import,
           guint            i)
{
  GPtrArray *items = impact_csv_import_get_items (import);

  g_assert_cmpuint (i, <, items->len);
  return g_ptr_array_index (items, i);
}

static gint64
metric (const ImpactMilestone *m,
        const char            *name)
{
  for (guint i = 0; i < m->metrics->len; i++)
    if (strcmp (g_array_index (m->metrics, ImpactMetric, i).name, name) == 0)
      return g_array_index (m->metrics, ImpactMetric, i).value;
  return -1;
}

static void
test_quoting (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactCsvImport) import = parse_fixture ("milestones.csv", IMPACT_CSV_TARGET_AUTO, NULL, &error);
  const ImpactMilestone *m;

  g_assert_no_error (error);
  g_assert_cmpint (impact_csv_import_get_target (import), ==, IMPACT_CSV_TARGET_MILESTONES);
  g_assert_cmpint (impact_csv_import_get_separator (import), ==, ',');
  /* the blank row and the row of empty cells are skipped */
  g_assert_cmpuint (impact_csv_import_get_items (import)->len, ==, 3);
  m = milestone (import, 0);
  g_assert_cmpstr (m->description, ==, "Police and the office free three girls, together");
  g_assert_cmpint (metric (m, "rescued"), ==, 3);
  g_assert_cmpint (metric (m, "arrested"), ==, 2);
  m = milestone (import, 1);
  g_assert_cmpstr (m->title, ==, "Court \"landmark\" ruling");
  g_assert_cmpstr (m->description, ==, "Two lines:\nthe second line");
  g_assert_cmpint (m->date.year, ==, 2020);
  g_assert_cmpint (metric (m, "rescued"), ==, -1);
  m = milestone (import, 2);
  g_assert_cmpint (m->date.day, ==, 5);
  g_assert_null (m->description);
  /* rows count as the spreadsheet shows them: the quoted newline is inside
   * row 3; the blank row 4 and the empty row 5 still count */
  g_assert_cmpuint (impact_csv_import_get_item_row (import, 1), ==, 3);
  g_assert_cmpuint (impact_csv_import_get_item_row (import, 2), ==, 6);
  g_assert_cmpstr (impact_csv_import_get_column (import, 4)->field, ==, "metrics.rescued");
}

static void
test_semicolons_spanish (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactCsvImport) import = parse_fixture ("milestones-es.csv", IMPACT_CSV_TARGET_MILESTONES, "es", &error);

  g_assert_no_error (error);
  g_assert_cmpint (impact_csv_import_get_separator (import), ==, ';');
  g_assert_cmpuint (impact_csv_import_get_items (import)->len, ==, 2);
  g_assert_cmpstr (milestone (import, 0)->title, ==, "Primera redada");
  g_assert_cmpstr (milestone (import, 0)->description, ==, "Tres niñas; libres");
  g_assert_cmpstr (milestone (import, 0)->category, ==, "rescate");
  g_assert_cmpstr (impact_csv_import_get_column (import, 2)->field, ==, "description");
}

/* an English sheet takes English names only: "Fecha" is not a date there */
static void
test_language_of_sheet (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactCsvImport) import = parse_fixture ("milestones-es.csv", IMPACT_CSV_TARGET_MILESTONES, "en", &error);

  g_assert_null (import);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_MISSING_FIELD);
  g_assert_nonnull (strstr (error->message, "milestones-es.csv:1: no date column"));
}

static void
test_bom_statistics (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactCsvImport) import = parse_fixture ("statistics-bom.csv", IMPACT_CSV_TARGET_AUTO, NULL, &error);
  const ImpactStatistic *s;

  g_assert_no_error (error);
  g_assert_cmpstr (impact_csv_import_get_encoding (import), ==, "UTF-8 with BOM");
  g_assert_cmpint (impact_csv_import_get_target (import), ==, IMPACT_CSV_TARGET_STATISTICS);
  /* the BOM is not part of the first column's name */
  g_assert_cmpstr (impact_csv_import_get_column (import, 0)->header, ==, "value");
  s = g_ptr_array_index (impact_csv_import_get_items (import), 1);
  g_assert_cmpfloat (s->value, ==, 40.3);
  g_assert_cmpuint (s->decimals, ==, 1);
  g_assert_cmpstr (s->suffix, ==, "%");
  g_assert_cmpstr (s->source->title, ==, "ILO 2017");
  g_assert_cmpstr (s->source->url, ==, "https://www.ilo.org/");
}

static void
test_tabs_french (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactCsvImport) import = parse_fixture ("statistics-fr-tab.csv", IMPACT_CSV_TARGET_STATISTICS, "fr", &error);
  const ImpactStatistic *s;

  g_assert_no_error (error);
  g_assert_cmpint (impact_csv_import_get_separator (import), ==, '\t');
  s = g_ptr_array_index (impact_csv_import_get_items (import), 1);
  /* a decimal comma where the columns are not comma-separated */
  g_assert_cmpfloat (s->value, ==, 47.5);
  g_assert_cmpstr (s->label, ==, "pour cent des cas");
  g_assert_cmpstr (s->suffix, ==, "%");
}

static void
test_utf16 (void)
{
  const char *names[] = { "milestones-utf16le.csv", "milestones-utf16be.csv" };
  const char *encodings[] = { "UTF-16LE", "UTF-16BE" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpactCsvImport) import = parse_fixture (names[i], IMPACT_CSV_TARGET_AUTO, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (impact_csv_import_get_encoding (import), ==, encodings[i]);
      g_assert_cmpuint (impact_csv_import_get_items (import)->len, ==, 2);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ImpactCsvImport) import = parse_fixture ("milestones-utf16le.csv", IMPACT_CSV_TARGET_AUTO, NULL, &error);

    /* "Rescued" is the metric "rescued"; \r\n ends rows */
    g_assert_cmpint (metric (milestone (import, 1), "rescued"), ==, 1);
    g_assert_cmpstr (milestone (import, 1)->title, ==, "Second raid");
    g_assert_cmpint (milestone (import, 1)->date.day, ==, 14);
  }
}

static void
test_timelinejs_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactCsvImport) import = parse_fixture ("timelinejs-template.csv", IMPACT_CSV_TARGET_AUTO, NULL, &error);
  const ImpactMilestone *m;

  g_assert_no_error (error);
  /* the title slide is left out with a note; the era row is an era */
  g_assert_cmpuint (impact_csv_import_get_items (import)->len, ==, 3);
  g_assert_cmpuint (impact_csv_import_get_notes (import)->len, ==, 1);
  g_assert_cmpuint (impact_csv_import_get_eras (import)->len, ==, 1);
  {
    const ImpactEra *era = g_ptr_array_index (impact_csv_import_get_eras (import), 0);

    g_assert_cmpstr (era->title, ==, "Baruipur partnership");
    g_assert_cmpint (era->start.year, ==, 2019);
    g_assert_cmpint (era->end.year, ==, 2021);
    g_assert_null (era->category);
    g_assert_cmpuint (impact_csv_import_get_era_row (import, 0), ==, 5);
  }
  m = milestone (import, 1);
  g_assert_cmpstr (m->title, ==, "Apartment network dismantled");
  g_assert_cmpstr (m->description, ==, "Two girls freed.");
  g_assert_cmpstr (m->category, ==, "rescue");
  g_assert_cmpint (m->date.year, ==, 2017);
  g_assert_cmpint (m->date.month, ==, 8);
  g_assert_cmpint (m->date.day, ==, 24);
  g_assert_cmpint (milestone (import, 0)->date.month, ==, 0);
  g_assert_null (impact_csv_import_get_column (import, 11)->field);   /* Media */
}

/* every bad cell, with its row and column, and nothing imported */
static void
test_bad_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactCsvImport) import = parse_fixture ("bad-dates.csv", IMPACT_CSV_TARGET_AUTO, NULL, &error);

  g_assert_null (import);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "bad-dates.csv:2:1: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got \"2019-13\"\n"
                   "bad-dates.csv:3:2: a milestone needs a title\n"
                   "bad-dates.csv:4:1: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got \"31/12/2021\"\n"
                   "bad-dates.csv:4:3: expected a whole number of 0 or more for “rescued”, got \"x3\"");
}

/* a source address the loader would refuse is refused here too (the
 * fuzzer found "https://#www.ilo.org/": a scheme, but no host) */
static void
test_bad_url (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactCsvImport) import =
    parse_string ("value,label,source,url\n217,survivors,Case log,https://#www.ilo.org/\n",
                  IMPACT_CSV_TARGET_STATISTICS, &error);

  g_assert_null (import);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "t.csv:2:4: expected an http or https URL, got \"https://#www.ilo.org/\"");
}

static void
test_malformed (void)
{
  static const struct { const char *text; const char *expected; } cases[] = {
    { "date,title\n2019,\"Never closed\n2020,Next\n", "t.csv:2:2: a quotation mark out of place" },
    { "date,title\n2019,a\"b\n", "t.csv:2:2: a quotation mark out of place" },
    { "date,title\n\n\n", "t.csv: no rows below the column names" },
    { "", "t.csv: no rows" },
    { "name,colour\nx,y\n", "t.csv:1: cannot tell milestones" },
    { "date,title\n2019,caf\xe9\n", "t.csv:2: not UTF-8 text" },
    { "\xff\xfe" "d\0a\0\0\xd8", "t.csv: not valid UTF-16LE text" },
    { "date,title,highlight\n2019,x,perhaps\n", "t.csv:2:3: expected yes or no" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize len = cases[i].text[0] == '\xff' ? 8 : strlen (cases[i].text);
      g_autoptr(ImpactCsvImport) import = impact_csv_import_parse (cases[i].text, len, "t.csv",
                                                                   IMPACT_CSV_TARGET_AUTO, NULL, &error);

      g_assert_null (import);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].expected) == NULL)
        g_error ("case %" G_GSIZE_FORMAT ": expected “%s” in “%s”", i, cases[i].expected, error->message);
    }
}

static void
test_caps (void)
{
  g_autoptr(GString) text = g_string_new ("date,title\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactCsvImport) import = NULL;

  for (guint i = 0; i <= IMPACT_CSV_MAX_ROWS; i++)
    g_string_append (text, "2019,x\n");
  import = parse_string (text->str, IMPACT_CSV_TARGET_AUTO, &error);
  g_assert_null (import);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "more than"));
  g_clear_error (&error);

  g_string_assign (text, "date,title\n2019,");
  for (guint i = 0; i <= IMPACT_CSV_MAX_CELL; i++)
    g_string_append_c (text, 'a');
  g_string_append_c (text, '\n');
  import = parse_string (text->str, IMPACT_CSV_TARGET_AUTO, &error);
  g_assert_null (import);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "t.csv:2:2: a cell longer than"));
  g_clear_error (&error);

  /* many bad rows: the first 50 are listed, the rest counted */
  g_string_assign (text, "date,title\n");
  for (guint i = 0; i < 60; i++)
    g_string_append (text, "bad,x\n");
  import = parse_string (text->str, IMPACT_CSV_TARGET_AUTO, &error);
  g_assert_null (import);
  g_assert_nonnull (strstr (error->message, "10 more problems not shown"));
}

static ImpactDocument *
load_json (const char *json)
{
  g_autoptr(GError) error = NULL;
  ImpactDocument *doc = impact_json_loader_load_data (json, strlen (json), "s.json", NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* importing again replaces what that file brought, and only that */
static void
test_replace_on_update (void)
{
  g_autoptr(ImpactDocument) doc = load_json (
    "{ \"format\": \"1\", \"office\": \"Lima\", \"organisation\": { \"name\": \"Org\" },\n"
    "  \"milestones\": [\n"
    "    { \"date\": \"2001\", \"title\": \"Typed by hand\" },\n"
    "    { \"date\": \"2002\", \"title\": \"From an older file\", \"imported_from\": \"cases.csv\" },\n"
    "    { \"date\": \"2003\", \"title\": \"From another file\", \"imported_from\": \"other.csv\" }\n"
    "  ] }\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactCsvImport) first = NULL;
  g_autoptr(ImpactCsvImport) second = NULL;
  g_autoptr(ImpactDocument) reloaded = NULL;
  g_autofree char *data = NULL;
  GPtrArray *milestones = impact_document_get_milestones (doc);
  gsize length;
  const char *v1 = "date,title,rescued\n2010,One,1\n2011,Two,2\n";
  const char *v2 = "date,title,rescued\n2012,Three,3\n";

  first = impact_csv_import_parse (v1, strlen (v1), "cases.csv", IMPACT_CSV_TARGET_AUTO, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (impact_csv_import_count_previous (first, doc), ==, 1);
  g_assert_cmpuint (impact_csv_import_apply (first, doc), ==, 1);
  g_assert_cmpuint (milestones->len, ==, 4);
  /* in the place of what they replace */
  g_assert_cmpstr (((ImpactMilestone *) g_ptr_array_index (milestones, 0))->title, ==, "Typed by hand");
  g_assert_cmpstr (((ImpactMilestone *) g_ptr_array_index (milestones, 1))->title, ==, "One");
  g_assert_cmpstr (((ImpactMilestone *) g_ptr_array_index (milestones, 2))->title, ==, "Two");
  g_assert_cmpstr (((ImpactMilestone *) g_ptr_array_index (milestones, 3))->title, ==, "From another file");

  second = impact_csv_import_parse (v2, strlen (v2), "cases.csv", IMPACT_CSV_TARGET_AUTO, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (impact_csv_import_apply (second, doc), ==, 2);
  g_assert_cmpuint (milestones->len, ==, 3);
  g_assert_cmpstr (((ImpactMilestone *) g_ptr_array_index (milestones, 1))->title, ==, "Three");

  /* the mark survives a save and a reload, without a warning */
  data = impact_json_writer_to_data (doc, &length);
  g_assert_nonnull (strstr (data, "\"imported_from\": \"cases.csv\""));
  {
    g_autoptr(ImpactDiagnostics) diags = impact_diagnostics_new ();

    reloaded = impact_json_loader_load_data (data, length, "s.json", NULL, diags, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (impact_diagnostics_count (diags, IMPACT_SEVERITY_WARNING), ==, 0);
  }
  g_assert_cmpuint (impact_csv_import_count_previous (second, reloaded), ==, 1);
  /* the unchanged hand-typed milestone is written as it was */
  g_assert_nonnull (strstr (data, "{ \"date\": \"2001\", \"title\": \"Typed by hand\" }"));
}

/* the command line: writes the sheet, prints the mapping, refuses a bad
 * file and a dry run without touching the sheet */
static void
test_cli (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *sheet = g_build_filename (dir, "kolkata.json", NULL);
  g_autofree char *csv = g_build_filename (dir, "cases.csv", NULL);
  g_autofree char *example = impact_test_example_path ("kolkata.json");
  g_autofree char *original = NULL;
  g_autofree char *after = NULL;
  g_autofree char *v1 = impact_test_data_path ("data/csv/milestones.csv");
  g_autofree char *v2 = impact_test_data_path ("data/csv/milestones-v2.csv");
  g_autofree char *bad = impact_test_data_path ("data/csv/bad-dates.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (example, &original, &length, NULL));
  g_assert_true (g_file_set_contents (sheet, original, length, NULL));

  /* a bad spreadsheet: exit 1, row and column, the sheet untouched */
  {
    g_auto(ImpactTestResult) r = { 0 };
    const char *args[] = { "import", "csv", bad, "--into", sheet, NULL };

    impact_test_run_cli (&r, NULL, args);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "bad-dates.csv:4:3: expected a whole number"));
    g_assert_true (g_file_get_contents (sheet, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, original);
    g_clear_pointer (&after, g_free);
  }

  g_assert_true (g_file_get_contents (v1, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (csv, contents, length, NULL));
  g_clear_pointer (&contents, g_free);
  {
    g_auto(ImpactTestResult) r = { 0 };
    const char *args[] = { "import", "csv", csv, "--into", sheet, "--dry-run", NULL };

    impact_test_run_cli (&r, NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "column 5 “rescued” → metrics.rescued"));
    g_assert_true (g_file_get_contents (sheet, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, original);
    g_clear_pointer (&after, g_free);
  }
  {
    g_auto(ImpactTestResult) r = { 0 };
    const char *args[] = { "import", "csv", csv, "--into", sheet, "--as", "milestones", NULL };
    g_autoptr(GFile) file = g_file_new_for_path (sheet);
    g_autoptr(ImpactDocument) doc = NULL;

    impact_test_run_cli (&r, NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "Imported 3 milestones"));
    doc = impact_json_loader_load_file (file, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (sheet, &after, NULL, NULL));
    g_assert_cmpuint (impact_document_get_milestones (doc)->len, >=, 3);
    g_assert_nonnull (strstr (after, "\"title\": \"Court \\\"landmark\\\" ruling\""));
    /* the rest of the file is as it was: the start of it unchanged */
    g_assert_cmpint (strncmp (after, original, 200), ==, 0);
    g_clear_pointer (&after, g_free);
  }

  /* the newer spreadsheet, under the same name, replaces its rows */
  g_assert_true (g_file_get_contents (v2, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (csv, contents, length, NULL));
  {
    g_auto(ImpactTestResult) r = { 0 };
    const char *args[] = { "import", "csv", csv, "--into", sheet, NULL };

    impact_test_run_cli (&r, NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "replacing 3 imported from cases.csv"));
    g_assert_true (g_file_get_contents (sheet, &after, NULL, NULL));
    g_assert_null (strstr (after, "Court"));
    g_assert_nonnull (strstr (after, "First raid (updated)"));
  }

  {
    g_auto(ImpactTestResult) r = { 0 };
    const char *args[] = { "import", "csv", csv, "--into", sheet, "--as", "nonsense", NULL };

    impact_test_run_cli (&r, NULL, args);
    g_assert_cmpint (r.status, ==, 2);
  }
}

/* Era rows of the template: the parts of both dates, their group, their
 * bad cells with row and column; a newer file replaces its eras only */
static void
test_timelinejs_eras (void)
{
  static const char template[] =
    "Year,Month,Day,End Year,End Month,End Day,Headline,Text,Type,Group\n"
    "2010,3,,2012,6,,Pilot project,,era,pilot\n"
    "2011,,,,,,First rescue,Ten freed.,,rescue\n"
    "2015,5,,2015,,,Short campaign,,ERA,\n";
  static const struct { const char *text; const char *expected; } bad[] = {
    { "Year,End Year,Headline,Type\n2010,,No end,era\n", "t.csv:2:2: an era needs an end year" },
    { "Year,End Year,Headline,Type\n2012,2010,Backwards,era\n", "t.csv:2:2: the era ends before it starts" },
    { "Year,End Year,Headline,Type\n2010,2012,,era\n", "t.csv:2:3: an era needs a title" },
    { "Year,End Year,Headline,Type\n2010,20x2,Bad end,era\n", "t.csv:2:2: expected a year from 1 to 9999, got \"20x2\"" },
    { "Year,Headline,Type\n2010,No end column,era\n", "t.csv:2:3: an era needs an end" },
    { "Date,End Date,Title,Type\n2010-04,2010-02,Backwards,era\n", "t.csv:2:2: the era ends before it starts" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactCsvImport) import = parse_string (template, IMPACT_CSV_TARGET_AUTO, &error);
  g_autoptr(ImpactCsvImport) newer = NULL;
  g_autoptr(ImpactDocument) doc = load_json (
    "{ \"format\": \"1\", \"office\": \"Lima\", \"organisation\": { \"name\": \"Org\" },\n"
    "  \"eras\": [ { \"start\": \"2000\", \"end\": \"2001\", \"title\": \"Typed by hand\" } ] }\n");
  g_autoptr(ImpactDocument) again = NULL;
  g_autofree char *saved = NULL;
  const ImpactEra *era;
  GPtrArray *eras;

  g_assert_no_error (error);
  g_assert_cmpuint (impact_csv_import_get_items (import)->len, ==, 1);
  g_assert_cmpuint (impact_csv_import_get_eras (import)->len, ==, 2);
  era = g_ptr_array_index (impact_csv_import_get_eras (import), 0);
  g_assert_cmpstr (era->title, ==, "Pilot project");
  g_assert_cmpstr (era->category, ==, "pilot");
  g_assert_cmpint (era->start.month, ==, 3);
  g_assert_cmpint (era->end.year, ==, 2012);
  g_assert_cmpint (era->end.month, ==, 6);
  /* "2015-05" to "2015" covers a span: accepted, as the loader does */
  era = g_ptr_array_index (impact_csv_import_get_eras (import), 1);
  g_assert_cmpstr (era->title, ==, "Short campaign");
  g_assert_cmpuint (impact_csv_import_get_era_row (import, 1), ==, 4);

  /* applied: the hand-made era stays; saved and loaded again, they are eras */
  g_assert_cmpuint (impact_csv_import_apply (import, doc), ==, 0);
  eras = impact_document_get_eras (doc);
  g_assert_cmpuint (eras->len, ==, 3);
  g_assert_cmpstr (((ImpactEra *) g_ptr_array_index (eras, 0))->title, ==, "Typed by hand");
  saved = impact_json_writer_to_data (doc, NULL);
  g_assert_nonnull (strstr (saved, "\"imported_from\": \"t.csv\""));
  {
    g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();

    again = impact_json_loader_load_data (saved, strlen (saved), "s.json", NULL, diagnostics, &error);
    g_assert_no_error (error);
    /* imported_from is a known member of an era: no warning */
    g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, 0);
  }
  g_assert_cmpuint (impact_document_get_eras (again)->len, ==, 3);
  g_assert_cmpstr (((ImpactEra *) g_ptr_array_index (impact_document_get_eras (again), 2))->title,
                   ==, "Short campaign");

  /* a newer t.csv: its two eras and its milestone give way, the hand-made stays */
  newer = parse_string ("Year,End Year,Headline,Type\n2013,2016,Second phase,era\n",
                        IMPACT_CSV_TARGET_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (impact_csv_import_count_previous (newer, again), ==, 3);
  g_assert_cmpuint (impact_csv_import_apply (newer, again), ==, 3);
  eras = impact_document_get_eras (again);
  g_assert_cmpuint (eras->len, ==, 2);
  g_assert_cmpstr (((ImpactEra *) g_ptr_array_index (eras, 0))->title, ==, "Typed by hand");
  g_assert_cmpstr (((ImpactEra *) g_ptr_array_index (eras, 1))->title, ==, "Second phase");
  g_assert_cmpuint (impact_document_get_milestones (again)->len, ==, 0);

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) bad_error = NULL;
      g_autoptr(ImpactCsvImport) none = parse_string (bad[i].text, IMPACT_CSV_TARGET_MILESTONES, &bad_error);

      g_assert_null (none);
      g_assert_nonnull (bad_error);
      if (strstr (bad_error->message, bad[i].expected) == NULL)
        g_error ("case %" G_GSIZE_FORMAT ": expected “%s” in “%s”", i, bad[i].expected, bad_error->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/semicolons-spanish", test_semicolons_spanish);
  g_test_add_func ("/csv/language-of-sheet", test_language_of_sheet);
  g_test_add_func ("/csv/bom-statistics", test_bom_statistics);
  g_test_add_func ("/csv/tabs-french", test_tabs_french);
  g_test_add_func ("/csv/utf16", test_utf16);
  g_test_add_func ("/csv/timelinejs-template", test_timelinejs_template);
  g_test_add_func ("/csv/timelinejs-eras", test_timelinejs_eras);
  g_test_add_func ("/csv/bad-rows", test_bad_rows);
  g_test_add_func ("/csv/bad-url", test_bad_url);
  g_test_add_func ("/csv/malformed", test_malformed);
  g_test_add_func ("/csv/caps", test_caps);
  g_test_add_func ("/csv/replace-on-update", test_replace_on_update);
  g_test_add_func ("/csv/cli", test_cli);
  return g_test_run ();
}
