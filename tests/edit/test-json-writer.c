/* test-json-writer.c: saving keeps order, unknown members and formatting;
 * every example and valid fixture round-trips byte for byte; edits change
 * only what they touch; atomic save with a backup; derived statistics.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "impact-error.h"
#include "impact-json-loader.h"
#include "impact-json-writer.h"
#include "impact-test-utils.h"

static ImpactDocument *
load_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  ImpactDocument *doc = impact_json_loader_load_data (text, strlen (text), "test.json", NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* Loading and writing an unchanged file gives its exact bytes back */
static void
test_round_trip_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autoptr(ImpactDocument) again = NULL;
  g_autofree char *original = NULL;
  g_autofree char *written = NULL;
  g_autofree char *second = NULL;
  const char *expected;
  gsize length = 0, written_length = 0;

  original = read_file (path, &length);
  expected = original;

  doc = impact_json_loader_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  written = impact_json_writer_to_data (doc, &written_length);
  if (expected[strlen (expected) - 1] == '\n')
    g_assert_cmpstr (written, ==, expected);
  else
    {
      /* The writer ends the file with a newline */
      g_autofree char *with_newline = g_strconcat (expected, "\n", NULL);
      g_assert_cmpstr (written, ==, with_newline);
    }

  /* The saved text loads to the same tree, and writes the same again */
  again = impact_json_loader_load_data (written, written_length, "again.json", file, NULL, &error);
  g_assert_no_error (error);
  second = impact_json_writer_to_data (again, NULL);
  g_assert_cmpstr (second, ==, written);
}

/* A document without source text is pretty-printed from scratch, and reads
 * back the same */
static void
test_fresh_document (void)
{
  g_autoptr(ImpactDocument) doc = impact_document_new ();
  g_autoptr(ImpactDocument) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  ImpactStatistic *stat;
  ImpactMilestone *milestone;

  impact_document_set_office (doc, "Kolkata, India");
  impact_document_get_organisation (doc)->name = g_strdup ("International Justice Mission");
  stat = impact_document_insert_item (doc, IMPACT_LIST_STATISTICS, -1);
  stat->value = 40.3;
  stat->decimals = 1;
  g_free (stat->label);
  stat->label = g_strdup ("million \"people\"\nin slavery");
  milestone = impact_document_insert_item (doc, IMPACT_LIST_MILESTONES, -1);
  impact_date_parse ("2017-08-24", &milestone->date);
  impact_milestone_add_metric (milestone, "rescued", 2);

  text = impact_json_writer_to_data (doc, NULL);
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"1\",\n  \"office\": \"Kolkata, India\",\n"));
  g_assert_nonnull (strstr (text, "      \"value\": 40.3,\n"));
  g_assert_nonnull (strstr (text, "\"label\": \"million \\\"people\\\"\\nin slavery\""));
  g_assert_nonnull (strstr (text, "\"date\": \"2017-08-24\""));
  g_assert_true (g_str_has_suffix (text, "\n}\n"));

  back = impact_json_loader_load_data (text, strlen (text), "fresh.json", NULL, NULL, &error);
  g_assert_no_error (error);
  stat = g_ptr_array_index (impact_document_get_statistics (back), 0);
  g_assert_cmpfloat (stat->value, ==, 40.3);
  g_assert_cmpstr (stat->label, ==, "million \"people\"\nin slavery");
  milestone = g_ptr_array_index (impact_document_get_milestones (back), 0);
  g_assert_cmpint (g_array_index (milestone->metrics, ImpactMetric, 0).value, ==, 2);
  again = impact_json_writer_to_data (back, NULL);
  g_assert_cmpstr (again, ==, text);
}

/* Changing one statistic changes one line of the example */
static void
test_edit_changes_one_line (void)
{
  g_autofree char *path = impact_test_example_path ("kolkata.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, NULL, NULL, &error);
  g_autofree char *original = read_file (path, NULL);
  g_autofree char *written = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  ImpactStatistic *stat;
  guint differing = 0;

  g_assert_no_error (error);
  stat = g_ptr_array_index (impact_document_get_statistics (doc), 2);
  g_assert_cmpfloat (stat->value, ==, 5470);
  stat->value = 5471;
  impact_document_changed (doc);

  written = impact_json_writer_to_data (doc, NULL);
  before = g_strsplit (original, "\n", -1);
  after = g_strsplit (written, "\n", -1);
  g_assert_cmpuint (g_strv_length (before), ==, g_strv_length (after));
  for (guint i = 0; before[i] != NULL; i++)
    if (strcmp (before[i], after[i]) != 0)
      {
        differing++;
        g_assert_cmpstr (after[i], ==, "      \"value\": 5471,");
      }
  g_assert_cmpuint (differing, ==, 1);
}

static const char unknown_members[] =
  "{\n"
  "  \"$schema\": \"../impact-sheet.schema.json\",\n"
  "  \"x-owner\": \"comms team\",\n"
  "  \"format\": \"1\",\n"
  "  \"office\": \"Kolkata, India\",\n"
  "  \"organisation\": { \"name\": \"IJM\", \"x-id\": 7 },\n"
  "  \"milestones\": [\n"
  "    { \"date\": \"2006\", \"title\": \"Office opens\", \"x-note\": \"first\" },\n"
  "    { \"date\": \"2010\", \"title\": \"Second\", \"metrics\": { \"rescued\": 5 } },\n"
  "    { \"date\": \"2017\", \"title\": \"Third\", \"x-note\": \"third\" }\n"
  "  ],\n"
  "  \"x-trailer\": [1, 2, 3]\n"
  "}\n";

/* Reorder, add and remove milestones: unknown members travel with their
 * item, the others keep their text */
static void
test_lists_keep_unknown_members (void)
{
  g_autoptr(ImpactDocument) doc = load_text (unknown_members);
  g_autoptr(ImpactDocument) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ImpactMilestone *added;
  GPtrArray *milestones;
  JsonObject *root, *first;
  JsonArray *array;

  /* Move "Third" to the front, add one at the end, remove "Second" */
  impact_document_move_item (doc, IMPACT_LIST_MILESTONES, 2, 0);
  added = impact_document_insert_item (doc, IMPACT_LIST_MILESTONES, -1);
  g_free (added->title);
  added->title = g_strdup ("Added");
  impact_document_remove_item (doc, IMPACT_LIST_MILESTONES, 2);
  impact_document_changed (doc);

  text = impact_json_writer_to_data (doc, NULL);
  /* Untouched parts keep their text */
  g_assert_true (g_str_has_prefix (text, "{\n  \"$schema\": \"../impact-sheet.schema.json\",\n  \"x-owner\": \"comms team\",\n"));
  g_assert_nonnull (strstr (text, "  \"organisation\": { \"name\": \"IJM\", \"x-id\": 7 },\n"));
  g_assert_nonnull (strstr (text, "    { \"date\": \"2017\", \"title\": \"Third\", \"x-note\": \"third\" },\n"
                                  "    { \"date\": \"2006\", \"title\": \"Office opens\", \"x-note\": \"first\" },\n"
                                  "    {\n      \"date\": "));
  g_assert_true (g_str_has_suffix (text, "  ],\n  \"x-trailer\": [1, 2, 3]\n}\n"));

  back = impact_json_loader_load_data (text, strlen (text), "back.json", NULL, NULL, &error);
  g_assert_no_error (error);
  milestones = impact_document_get_milestones (back);
  g_assert_cmpuint (milestones->len, ==, 3);
  g_assert_cmpstr (((ImpactMilestone *) g_ptr_array_index (milestones, 0))->title, ==, "Third");
  g_assert_cmpstr (((ImpactMilestone *) g_ptr_array_index (milestones, 1))->title, ==, "Office opens");
  g_assert_cmpstr (((ImpactMilestone *) g_ptr_array_index (milestones, 2))->title, ==, "Added");

  root = json_node_get_object (impact_document_get_source_root (back));
  array = json_object_get_array_member (root, "milestones");
  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "x-note"), ==, "third");
  g_assert_cmpstr (json_object_get_string_member (root, "x-owner"), ==, "comms team");
}

/* Duplicating an item copies its unknown members too */
static void
test_duplicate (void)
{
  g_autoptr(ImpactDocument) doc = load_text (unknown_members);
  g_autoptr(ImpactDocument) back = NULL;
  g_autofree char *text = NULL;
  ImpactMilestone *copy;

  copy = impact_document_duplicate_item (doc, IMPACT_LIST_MILESTONES, 0);
  g_free (copy->title);
  copy->title = g_strdup ("Copy");
  text = impact_json_writer_to_data (doc, NULL);
  back = load_text (text);
  g_assert_cmpuint (impact_document_get_milestones (back)->len, ==, 4);
  g_assert_cmpstr (((ImpactMilestone *) g_ptr_array_index (impact_document_get_milestones (back), 1))->title,
                   ==, "Copy");
  g_assert_nonnull (strstr (text, "\"title\": \"Copy\",\n      \"x-note\": \"first\""));
  /* The original is untouched */
  g_assert_nonnull (strstr (text, "{ \"date\": \"2006\", \"title\": \"Office opens\", \"x-note\": \"first\" }"));
}

/* Sections removed and added; values the model normalises keep their text */
static void
test_sections (void)
{
  const char *text =
    "{\"format\":\"1\",\"office\":\"K\",\"organisation\":{\"name\":\"O\"},"
    "\"theme\":{\"primary\":\"#ABC\"},\"quote\":{\"text\":\"Hi\",\"pseudonym\":false}}";
  g_autoptr(ImpactDocument) doc = load_text (text);
  g_autofree char *same = NULL;
  g_autofree char *out = NULL;
  ImpactProfile *profile;

  g_assert_cmpstr (impact_document_get_theme_spec (doc)->primary, ==, "#aabbcc");
  same = impact_json_writer_to_data (doc, NULL);
  g_assert_cmpstr (same, ==, "{\"format\":\"1\",\"office\":\"K\",\"organisation\":{\"name\":\"O\"},"
                             "\"theme\":{\"primary\":\"#ABC\"},\"quote\":{\"text\":\"Hi\",\"pseudonym\":false}}\n");

  impact_document_take_quote (doc, NULL);
  profile = impact_profile_new ();
  profile->name = g_strdup ("Saji");
  impact_document_take_profile (doc, profile);
  out = impact_json_writer_to_data (doc, NULL);
  g_assert_cmpstr (out, ==, "{\"format\":\"1\",\"office\":\"K\",\"organisation\":{\"name\":\"O\"},"
                            "\"theme\":{\"primary\":\"#ABC\"}, \"profile\": {\n  \"name\": \"Saji\"\n}}\n");
  /* Whatever the spacing, the result is valid and complete */
  {
    g_autoptr(ImpactDocument) back = load_text (out);

    g_assert_null (impact_document_get_quote (back));
    g_assert_cmpstr (impact_document_get_profile (back)->name, ==, "Saji");
    g_assert_cmpstr (impact_document_get_theme_spec (back)->primary, ==, "#aabbcc");
  }
}

/* New parts follow the file's line breaks (CRLF) and indentation step */
static void
test_crlf_and_indentation (void)
{
  const char *text =
    "{\r\n"
    "    \"format\": \"1\",\r\n"
    "    \"office\": \"K\",\r\n"
    "    \"organisation\": {\r\n"
    "        \"name\": \"O\"\r\n"
    "    }\r\n"
    "}\r\n";
  g_autoptr(ImpactDocument) doc = load_text (text);
  g_autofree char *same = impact_json_writer_to_data (doc, NULL);
  g_autofree char *out = NULL;
  ImpactMilestone *milestone;

  g_assert_cmpstr (same, ==, text);

  milestone = impact_document_insert_item (doc, IMPACT_LIST_MILESTONES, -1);
  impact_date_parse ("2019", &milestone->date);
  g_free (milestone->title);
  milestone->title = g_strdup ("New");
  impact_milestone_add_metric (milestone, "rescued", 2);
  out = impact_json_writer_to_data (doc, NULL);
  g_assert_cmpstr (out, ==,
                   "{\r\n"
                   "    \"format\": \"1\",\r\n"
                   "    \"office\": \"K\",\r\n"
                   "    \"organisation\": {\r\n"
                   "        \"name\": \"O\"\r\n"
                   "    },\r\n"
                   "    \"milestones\": [\r\n"
                   "        {\r\n"
                   "            \"date\": \"2019\",\r\n"
                   "            \"title\": \"New\",\r\n"
                   "            \"metrics\": {\r\n"
                   "                \"rescued\": 2\r\n"
                   "            }\r\n"
                   "        }\r\n"
                   "    ]\r\n"
                   "}\r\n");
}

/* A byte order mark is kept */
static void
test_byte_order_mark (void)
{
  const char *text = "\xef\xbb\xbf{ \"format\": \"1\", \"office\": \"K\", \"organisation\": { \"name\": \"O\" } }\n";
  g_autoptr(ImpactDocument) doc = load_text (text);
  g_autofree char *same = impact_json_writer_to_data (doc, NULL);
  g_autofree char *changed = NULL;

  g_assert_cmpstr (same, ==, text);
  impact_document_set_office (doc, "L");
  changed = impact_json_writer_to_data (doc, NULL);
  g_assert_cmpstr (changed, ==, "\xef\xbb\xbf{ \"format\": \"1\", \"office\": \"L\", \"organisation\": { \"name\": \"O\" } }\n");
}

/* Save: atomic, with a .bak of the previous version; the document adopts
 * what was written */
static void
test_save_and_backup (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "office.json", NULL);
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ImpactDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *backup = NULL;
  ImpactStatistic *stat;
  const char *text =
    "{\n  \"format\": \"1\",\n  \"office\": \"K\",\n  \"organisation\": { \"name\": \"O\" },\n"
    "  \"statistics\": [ { \"value\": 1, \"label\": \"one\" } ]\n}\n";

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  doc = impact_json_loader_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);

  stat = g_ptr_array_index (impact_document_get_statistics (doc), 0);
  stat->value = 2;
  g_assert_true (impact_json_writer_save (doc, file, TRUE, NULL, &error));
  g_assert_no_error (error);

  saved = read_file (path, NULL);
  g_assert_cmpstr (saved, ==,
                   "{\n  \"format\": \"1\",\n  \"office\": \"K\",\n  \"organisation\": { \"name\": \"O\" },\n"
                   "  \"statistics\": [ { \"value\": 2, \"label\": \"one\" } ]\n}\n");
  backup = read_file (bak, NULL);
  g_assert_cmpstr (backup, ==, text);

  /* Later saves work from what was saved */
  stat->value = 3;
  g_assert_true (impact_json_writer_save (doc, file, TRUE, NULL, &error));
  g_clear_pointer (&backup, g_free);
  backup = read_file (bak, NULL);
  g_assert_cmpstr (backup, ==, saved);

  /* No temporary files are left behind */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (listing)) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 2);
  }
}

/* A folder that cannot be written: an error, the old file untouched */
static void
test_save_read_only (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *sub = g_build_filename (dir, "locked", NULL);
  g_autofree char *path = g_build_filename (sub, "office.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ImpactDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  const char *text = "{\"format\":\"1\",\"office\":\"K\",\"organisation\":{\"name\":\"O\"}}\n";

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  doc = impact_json_loader_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  impact_document_set_office (doc, "Changed");
  g_assert_cmpint (g_chmod (sub, 0555), ==, 0);

  if (geteuid () == 0)
    {
      /* Permissions do not stop root: /proc takes no new files either */
      g_autoptr(GFile) proc_file = g_file_new_for_path ("/proc/impact-sheet-test.json");

      g_assert_false (impact_json_writer_save (doc, proc_file, TRUE, NULL, &error));
    }
  else
    g_assert_false (impact_json_writer_save (doc, file, TRUE, NULL, &error));
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, ".json"));
  g_chmod (sub, 0755);

  after = read_file (path, NULL);
  g_assert_cmpstr (after, ==, text);
  g_assert_cmpstr (impact_document_get_office (doc), ==, "Changed");
}


/* Charts: an edited point changes one line; a chart switched from points
 * to derived loses its points; unknown members stay */
static void
test_charts (void)
{
  g_autofree char *path = impact_test_data_path ("data/valid/charts.json");
  g_autofree char *original = read_file (path, NULL);
  g_autoptr(ImpactDocument) doc = load_text (original);
  g_autoptr(ImpactDocument) again = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  ImpactChartSpec *chart;
  guint differing = 0;

  chart = g_ptr_array_index (impact_document_get_charts (doc), 3);
  g_array_index (chart->points, ImpactChartPoint, 3).value = 26;
  written = impact_json_writer_to_data (doc, NULL);
  before = g_strsplit (original, "\n", -1);
  after = g_strsplit (written, "\n", -1);
  g_assert_cmpuint (g_strv_length (before), ==, g_strv_length (after));
  for (guint i = 0; before[i] != NULL; i++)
    if (strcmp (before[i], after[i]) != 0)
      {
        differing++;
        g_assert_cmpstr (after[i], ==, "      \"points\": [[\"2016\", 12], [\"2017\", 18.5], [\"2018\", null], [\"2019\", 26]]");
      }
  g_assert_cmpuint (differing, ==, 1);

  chart->derive_metric = g_strdup ("arrested");
  chart->derive_per = IMPACT_CHART_PER_MONTH;
  chart->kind = IMPACT_CHART_COLUMNS;
  chart = g_ptr_array_index (impact_document_get_charts (doc), 1);
  chart->derive_cumulative = FALSE;
  rewritten = impact_json_writer_to_data (doc, NULL);
  again = load_text (rewritten);
  chart = g_ptr_array_index (impact_document_get_charts (again), 3);
  g_assert_cmpstr (chart->derive_metric, ==, "arrested");
  g_assert_cmpint (chart->derive_per, ==, IMPACT_CHART_PER_MONTH);
  g_assert_cmpint (chart->kind, ==, IMPACT_CHART_COLUMNS);
  g_assert_cmpuint (chart->points->len, ==, 0);
  g_assert_false (json_object_has_member (chart->json, "points"));
  chart = g_ptr_array_index (impact_document_get_charts (again), 1);
  g_assert_false (chart->derive_cumulative);
  g_assert_true (json_object_has_member (chart->json, "x-note"));
}

static const char derived[] =
  "{\n"
  "  \"format\": \"1\",\n"
  "  \"office\": \"K\",\n"
  "  \"organisation\": { \"name\": \"O\" },\n"
  "  \"statistics\": [\n"
  "    { \"derive\": { \"metric\": \"rescued\", \"since\": \"2006\" }, \"label\": \"rescued\" },\n"
  "    { \"value\": 9, \"derive\": { \"metric\": \"rescued\", \"since\": \"2010\", \"base\": 2 }, \"label\": \"checked\" }\n"
  "  ],\n"
  "  \"milestones\": [\n"
  "    { \"date\": \"2005\", \"title\": \"Before\", \"metrics\": { \"rescued\": 100 } },\n"
  "    { \"date\": \"2006-03\", \"title\": \"A\", \"metrics\": { \"rescued\": 5, \"arrested\": 1 } },\n"
  "    { \"date\": \"2017-08-24\", \"title\": \"B\", \"metrics\": { \"rescued\": 2 } }\n"
  "  ]\n"
  "}\n";

/* Derived statistics follow the milestones; a hand value that disagrees is
 * a warning */
static void
test_derived (void)
{
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *text = NULL;
  ImpactStatistic *computed, *checked;
  ImpactMilestone *story;

  doc = impact_json_loader_load_data (derived, strlen (derived), "derived.json", NULL, diagnostics, &error);
  g_assert_no_error (error);
  computed = g_ptr_array_index (impact_document_get_statistics (doc), 0);
  checked = g_ptr_array_index (impact_document_get_statistics (doc), 1);
  g_assert_cmpfloat (computed->value, ==, 7);
  g_assert_false (computed->value_fixed);
  g_assert_cmpfloat (checked->value, ==, 9);
  g_assert_cmpint (impact_document_compute_derived (doc, checked), ==, 4);

  warnings = impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_WARNING);
  g_assert_nonnull (strstr (warnings, "derived.json:7:16: "));
  g_assert_nonnull (strstr (warnings, "statistics[1].value: the value 9 disagrees with the milestones: the sum of \"rescued\" is 4"));

  /* A new field story updates the number */
  story = impact_document_insert_item (doc, IMPACT_LIST_MILESTONES, -1);
  impact_date_parse ("2019", &story->date);
  impact_milestone_add_metric (story, "rescued", 3);
  g_assert_true (impact_document_update_derived (doc));
  g_assert_cmpfloat (computed->value, ==, 10);
  g_assert_cmpfloat (checked->value, ==, 9);
  g_assert_false (impact_document_update_derived (doc));

  /* The computed value is not written: it follows the case log */
  text = impact_json_writer_to_data (doc, NULL);
  g_assert_nonnull (strstr (text, "    { \"derive\": { \"metric\": \"rescued\", \"since\": \"2006\" }, \"label\": \"rescued\" },\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *examples = NULL;
  g_autofree char *valid = NULL;
  const char *dirs[2];

  g_test_init (&argc, &argv, NULL);

  examples = impact_test_example_path ("");
  valid = impact_test_data_path ("data/valid");
  dirs[0] = examples;
  dirs[1] = valid;
  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autoptr(GDir) dir = g_dir_open (dirs[d], 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".json"))
          g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        {
          const char *file = g_ptr_array_index (names, i);
          g_autofree char *test = g_strdup_printf ("/writer/round-trip/%s/%s",
                                                   d == 0 ? "example" : "valid", file);

          g_test_add_data_func_full (test, g_build_filename (dirs[d], file, NULL),
                                     test_round_trip_file, g_free);
        }
    }

  g_test_add_func ("/writer/fresh-document", test_fresh_document);
  g_test_add_func ("/writer/edit-changes-one-line", test_edit_changes_one_line);
  g_test_add_func ("/writer/lists-keep-unknown-members", test_lists_keep_unknown_members);
  g_test_add_func ("/writer/duplicate", test_duplicate);
  g_test_add_func ("/writer/sections", test_sections);
  g_test_add_func ("/writer/crlf-and-indentation", test_crlf_and_indentation);
  g_test_add_func ("/writer/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/writer/save-and-backup", test_save_and_backup);
  g_test_add_func ("/writer/save-read-only-folder", test_save_read_only);
  g_test_add_func ("/writer/derived-statistics", test_derived);
  g_test_add_func ("/writer/charts", test_charts);

  return g_test_run ();
}
