/* test-timelinejs.c: TimelineJS import of a fixture with every field kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "impact-error.h"

#include "impact-json-loader.h"
#include "impact-test-utils.h"
#include "impact-timelinejs.h"

static gboolean
report_has (GPtrArray  *report,
            const char *needle)
{
  for (guint i = 0; i < report->len; i++)
    if (strstr (g_ptr_array_index (report, i), needle))
      return TRUE;
  return FALSE;
}

static void
test_html (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "<p>The <i>first</i> team &amp; its partners.</p>", "The first team & its partners." },
    { "a<br>b<br/>c", "a b c" },
    { "x<script>alert('<b>')</script>y", "xy" },
    { "<style>p{}</style>z", "z" },
    { "5 &lt; 6 &gt; 4 &#39;q&#x27; &bogus; & alone", "5 < 6 > 4 'q' &bogus; & alone" },
    { "<a href=\"x>y\">link</a>", "link" },
    { "cut <b", "cut" },
    { "&#0;&#x7f;ok", "\xef\xbf\xbd\xef\xbf\xbdok" },
    { "  many   \n spaces ", "many spaces" },
    /* comments, also ones holding ">" and unterminated ones */
    { "a <!-- x > y --> b", "a b" },
    { "a<!--x-->b", "ab" },
    { "<!---->x", "x" },
    { "kept <!-- never closed <b>x</b>", "kept" },
    { "<!DOCTYPE html>t", "t" },
    /* invalid and truncated UTF-8 (json-glib decodes "\201" to a lone byte) */
    { "a\x81" "b", "a\xef\xbf\xbd" "b" },
    { "x\xe2\x82", "x\xef\xbf\xbd\xef\xbf\xbd" },
    /* C0, DEL and C1 controls (U+009B is a terminal's CSI) */
    { "\x1b[2Jx\xc2\x9by\x7f", "[2Jx y" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = impact_timelinejs_html_to_text (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_convert_fixture (void)
{
  g_autofree char *path = impact_test_data_path ("timeline/data/timelinejs-all.json");
  g_autoptr(GFile) in = g_file_new_for_path (path);
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_timelinejs_load_document (in, report, &error);
  GPtrArray *milestones, *eras;
  const ImpactMilestone *m;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  for (guint i = 0; i < report->len; i++)
    g_test_message ("report: %s", (const char *) g_ptr_array_index (report, i));

  g_assert_cmpstr (impact_document_get_office (doc), ==, "Twenty years in Kolkata");
  g_assert_cmpstr (impact_document_get_subtitle (doc), ==, "From one office to a state's action plan.");

  milestones = impact_document_get_milestones (doc);
  g_assert_cmpuint (milestones->len, ==, 4);   /* two events have no usable date */
  m = g_ptr_array_index (milestones, 0);
  g_assert_cmpstr (m->title, ==, "Office opens");
  g_assert_cmpstr (m->description, ==, "The first team & its partners.");
  g_assert_cmpstr (m->category, ==, "office");
  g_assert_cmpint (impact_date_get_precision (&m->date), ==, IMPACT_DATE_PRECISION_YEAR);

  m = g_ptr_array_index (milestones, 1);
  g_assert_cmpint (m->date.year, ==, 2008);
  g_assert_cmpint (m->date.month, ==, 3);
  g_assert_cmpint (m->date.day, ==, 0);
  /* the literal asterisk survives as text, not emphasis */
  g_assert_cmpstr (m->description, ==, "Eleven girls freed by police \xe2\x80\x94 5 \\* 3 raids");

  m = g_ptr_array_index (milestones, 2);
  g_assert_cmpstr (m->title, ==, "Partnership");
  g_assert_cmpint (m->date.day, ==, 1);

  /* 30 February: only the month is kept; the title comes from the text */
  m = g_ptr_array_index (milestones, 3);
  g_assert_cmpint (m->date.month, ==, 2);
  g_assert_cmpint (m->date.day, ==, 0);
  g_assert_cmpstr (m->title, ==, "A conviction with no headline");

  eras = impact_document_get_eras (doc);
  g_assert_cmpuint (eras->len, ==, 2);
  g_assert_cmpstr (((ImpactEra *) g_ptr_array_index (eras, 0))->title, ==, "Partnership");
  g_assert_cmpstr (((ImpactEra *) g_ptr_array_index (eras, 1))->title, ==, "Pilot project");

  /* nothing dropped silently */
  g_assert_true (report_has (report, "(top level).scale: not imported"));
  g_assert_true (report_has (report, "title.media: not imported"));
  g_assert_true (report_has (report, "events[1].display_date: \"Spring 2008\" not kept"));
  g_assert_true (report_has (report, "events[1].media.thumbnail: not imported"));
  g_assert_true (report_has (report, "events[1].media: kept as \"x-media\""));
  g_assert_true (report_has (report, "events[2].background: not imported"));
  g_assert_true (report_has (report, "events[2].unique_id: not imported"));
  g_assert_true (report_has (report, "events[2].start_date.hour"));
  g_assert_true (report_has (report, "events[2].end_date: the span"));
  g_assert_true (report_has (report, "events[3].start_date: 2012-02-30 is not a date"));
  g_assert_true (report_has (report, "events[3].text.headline: missing"));
  g_assert_true (report_has (report, "events[4].start_date: year -500 is outside"));
  g_assert_true (report_has (report, "events[5].start_date: no year; skipped"));
  g_assert_true (report_has (report, "eras[0].text.text: eras have no description"));
  g_assert_true (report_has (report, "organisation.name"));
}

static void
test_cli (void)
{
  g_autofree char *path = impact_test_data_path ("timeline/data/timelinejs-all.json");
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { impact_test_binary (), "import", "timelinejs", path, "-o", out, NULL };
  const char *no_output[] = { impact_test_binary (), "import", "timelinejs", path, NULL };
  const char *bad_kind[] = { impact_test_binary (), "import", "csv", path, "-o", out, NULL };
  const char *help[] = { impact_test_binary (), "import", "--help", NULL };
  g_autofree char *sheet = impact_test_data_path ("timeline/data/timeline.json");
  const char *not_tljs[] = { impact_test_binary (), "import", "timelinejs", sheet, "-o", out, NULL };

  g_assert_cmpint (impact_test_run (argv, &text, &err), ==, 0);
  g_assert_nonnull (strstr (err, "not mapped: events[1].display_date"));
  file = g_file_new_for_path (out);
  doc = impact_json_loader_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (impact_document_get_milestones (doc)->len, ==, 4);

  g_assert_cmpint (impact_test_run (no_output, NULL, NULL), ==, 2);
  g_assert_cmpint (impact_test_run (bad_kind, NULL, NULL), ==, 2);
  {
    g_autofree char *help_out = NULL;

    g_assert_cmpint (impact_test_run (help, &help_out, NULL), ==, 0);
    g_assert_nonnull (strstr (help_out, "timelinejs"));
  }
  g_assert_cmpint (impact_test_run (not_tljs, NULL, NULL), ==, 1);
}

/* Converts @json in memory; returns the text (loaded back already) or NULL */
static char *
convert (const char *json,
         GPtrArray  *report,
         GError    **error)
{
  return impact_timelinejs_convert_data (json, strlen (json), "in.json", report, NULL, error);
}

static ImpactDocument *
load_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  ImpactDocument *doc = impact_json_loader_load_data (text, strlen (text), "out.json", NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* The crashes: a double free on "\201", a read past a truncated
 * multibyte sequence; every string comes out valid UTF-8 */
static void
test_invalid_utf8 (void)
{
  const char *inputs[] = {
    "{\"title\":{\"text\":{\"headline\":\"a\\201b\"}},\"events\":[{\"start_date\":{\"year\":2000},\"text\":{\"headline\":\"x\"}}]}",
    "{\"title\":{\"text\":{\"headline\":\"\\342\\202\"}},\"events\":[{\"start_date\":{\"year\":2000},\"text\":{\"headline\":\"x\\342\"}}]}",
    "{\"events\":[{\"start_date\":{\"year\":2000},\"group\":\"\\377\",\"text\":{\"headline\":\"t\",\"text\":\"\\300\\200\"},"
      "\"media\":{\"url\":\"http://x/\\201\",\"caption\":\"\\342\"}}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = convert (inputs[i], report, &error);
      g_autoptr(ImpactDocument) doc = NULL;
      g_autoptr(JsonNode) lenient = NULL;
      g_autoptr(JsonNode) converted = NULL;
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      const ImpactMilestone *m;

      /* The strict scanner refuses "\201" (no JSON escape) outright … */
      g_assert_null (text);
      g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, "in.json:1:"));
      g_assert_nonnull (strstr (error->message, "invalid escape"));

      /* … and the conversion itself still repairs what a lenient parser
       * (json-glib turns "\201" into a raw byte) hands it */
      lenient = json_from_string (inputs[i], NULL);
      g_assert_nonnull (lenient);
      converted = impact_timelinejs_convert (lenient, report, NULL);
      g_assert_nonnull (converted);
      json_generator_set_root (generator, converted);
      text = json_generator_to_data (generator, NULL);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      doc = load_text (text);
      m = g_ptr_array_index (impact_document_get_milestones (doc), 0);
      g_assert_true (g_utf8_validate (m->title, -1, NULL));
      g_assert_true (g_utf8_validate (impact_document_get_office (doc), -1, NULL));
      if (i == 0)
        g_assert_cmpstr (impact_document_get_office (doc), ==, "a\xef\xbf\xbd" "b");
    }
}

static void
assert_import_fails (const char *path,
                     GQuark      domain,
                     int         code,
                     const char *needle)
{
  g_autoptr(GFile) in = g_file_new_for_path (path);
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *out_path = g_build_filename (dir, "out.json", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);

  g_assert_false (impact_timelinejs_import_file (in, out, report, &error));
  g_assert_error (error, domain, code);
  g_assert_nonnull (strstr (error->message, base));
  g_assert_nonnull (strstr (error->message, needle));
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  {
    g_autoptr(ImpactDocument) doc = impact_timelinejs_load_document (in, report, &error);

    g_assert_null (doc);
    g_assert_error (error, domain, code);
  }
}

/* 80,000 levels overflowed the stack in json-glib; the loader's cap is 64 */
static void
test_deep_nesting (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "deep.json", NULL);
  const guint depths[] = { 80000, 65 };

  for (guint d = 0; d < G_N_ELEMENTS (depths); d++)
    {
      GString *json = g_string_new ("{\"events\":");

      for (guint i = 0; i < depths[d] - 1; i++)
        g_string_append_c (json, '[');
      for (guint i = 0; i < depths[d] - 1; i++)
        g_string_append_c (json, ']');
      g_string_append_c (json, '}');
      g_assert_true (g_file_set_contents (path, json->str, json->len, NULL));
      g_string_free (json, TRUE);
      assert_import_fails (path, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE, "nesting deeper than 64 levels of arrays and objects");
    }
  {
    /* brackets inside strings do not count; 64 levels are fine */
    g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GError) error = NULL;
    GString *json = g_string_new ("{\"x\":\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"\",\"events\":[{\"start_date\":{\"year\":2000}},");
    g_autofree char *text = NULL;

    for (guint i = 0; i < 61; i++)
      g_string_append_c (json, '[');
    for (guint i = 0; i < 61; i++)
      g_string_append_c (json, ']');
    g_string_append (json, "]}");
    text = convert (json->str, report, &error);
    g_string_free (json, TRUE);
    g_assert_no_error (error);
    g_assert_nonnull (text);
  }
}

/* /dev/zero was read until allocation failed; a FIFO blocked for ever; a
 * folder is no file either */
static void
test_not_regular_files (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.json", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.json", NULL);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  /* a hang guard, not a time limit: a blocked open would never return */
  alarm (60);
  assert_import_fails ("/dev/zero", IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE, "not a regular file");
  assert_import_fails (fifo, IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE, "not a regular file");
  assert_import_fails (folder, IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE, "not a regular file");
  alarm (0);
}

/* Found by fuzzing: json-glib takes an empty text as no document and no
 * error; the import failed without a GError and the CLI crashed */
static void
test_empty_file (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "empty.json", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  const char *argv[] = { impact_test_binary (), "import", "timelinejs", path, "-o", out, NULL };
  const char *texts[] = { "", " \n\t " };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *err = NULL;
      g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_set_contents (path, texts[i], -1, NULL));
      assert_import_fails (path, IMPACT_ERROR, IMPACT_ERROR_PARSE, "the file is empty");
      g_assert_null (impact_timelinejs_convert_data (texts[i], strlen (texts[i]), "mem.json", report, NULL, &error));
      g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_PARSE);
      g_assert_cmpint (impact_test_run (argv, NULL, &err), ==, 1);
      g_assert_nonnull (strstr (err, "empty.json: the file is empty"));
    }
}

/* Fields over the loader's string cap were written and then refused */
static void
test_strings_over_cap (void)
{
  const gsize cap = 64 * 1024;
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *refused = NULL;
  GString *json = g_string_new ("{\"title\":{\"text\":{\"headline\":\"");
  const ImpactMilestone *m;

  /* A string over the cap in the input is refused by the strict scanner,
   * with its path */
  for (gsize i = 0; i < cap / 2 + 101; i++)
    g_string_append (json, "\xc3\xa9");
  g_string_append (json, "\"}},\"events\":[{\"start_date\":{\"year\":2000},\"text\":{\"headline\":\"t\"}}]}");
  refused = convert (json->str, report, &error);
  g_assert_null (refused);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "title.text.headline: string longer than 65536 bytes"));
  g_clear_error (&error);

  /* A string under the cap that the conversion makes longer: each
   * backslash and asterisk doubles in rich text. The cut keeps pairs whole
   * and is reported; the result loads. */
  g_string_assign (json, "{\"events\":[{\"start_date\":{\"year\":2000},\"text\":{\"headline\":\"t\",\"text\":\"");
  for (gsize i = 0; i < cap / 2 + 50; i++)
    g_string_append (json, i % 2 ? "*" : "\\\\");
  g_string_append (json, "\"}}]}");
  text = convert (json->str, report, &error);
  g_string_free (json, TRUE);
  g_assert_no_error (error);
  doc = load_text (text);
  m = g_ptr_array_index (impact_document_get_milestones (doc), 0);
  g_assert_nonnull (m->description);
  g_assert_cmpuint (strlen (m->description), <=, cap);
  g_assert_cmpuint (strlen (m->description), >=, cap - 2);
  g_assert_true (report_has (report, "events[0].text.text: longer than 65536 bytes"));
}

/* More items than the cap. In the input, the strict scanner refuses the
 * array with its path; in the output (every event with an end date also
 * makes an era, next to the file's own eras) the rest are dropped with a
 * report line, so what is written always opens */
static void
test_too_many_events (void)
{
  const guint n = 200000;
  GString *json = g_string_new ("{\"events\":[");
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "many.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *over = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"start_date\":{\"year\":%u},\"end_date\":{\"year\":2100},"
                            "\"text\":{\"headline\":\"e\"}}", i ? "," : "", 1000 + i % 1000);
  g_string_append (json, "],\"eras\":[");
  for (guint i = 0; i < 3; i++)
    g_string_append_printf (json, "%s{\"start_date\":{\"year\":1900},\"end_date\":{\"year\":1950},"
                            "\"text\":{\"headline\":\"era %u\"}}", i ? "," : "", i);
  g_string_append (json, "]}");
  g_assert_true (g_file_set_contents (path, json->str, json->len, NULL));
  /* the document the importer's own check loaded: the data is read back once */
  doc = impact_timelinejs_load_document (file, report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpuint (impact_document_get_milestones (doc)->len, ==, 200000);
  g_assert_cmpuint (impact_document_get_eras (doc)->len, ==, 200000);
  g_assert_true (report_has (report, "more than 200000 eras"));
  /* the report stays bounded and says how much it left out */
  g_assert_cmpuint (report->len, <=, 1002);

  /* one event more than the cap: refused on reading, with its place */
  g_string_truncate (json, 0);
  g_string_append (json, "{\"events\":[");
  for (guint i = 0; i <= n; i++)
    g_string_append_printf (json, "%s{\"start_date\":{\"year\":2000},\"text\":{\"headline\":\"e\"}}",
                            i ? "," : "");
  g_string_append (json, "]}");
  g_clear_error (&error);
  over = convert (json->str, report, &error);
  g_assert_null (over);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "in.json:1:11: events: array with more than 200000 elements"));
  g_string_free (json, TRUE);
}

/* json-glib writes U+001F raw: a media URL with controls made a file the
 * loader refuses ("control character in a string") */
static void
test_media_url_controls (void)
{
  const char *json = "{\"events\":[{\"start_date\":{\"year\":2000},\"text\":{\"headline\":\"x\"},"
                     "\"media\":{\"url\":\"http://a\\u0001\\u001f\\u007f\\u0085\\u001b[2Jb\",\"credit\":\"c\\u001fd\"}}]}";
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = convert (json, report, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *media;
  g_autoptr(ImpactDocument) doc = NULL;

  g_assert_no_error (error);
  doc = load_text (text);
  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  media = json_object_get_object_member (
            json_array_get_object_element (
              json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "milestones"), 0),
            "x-media");
  g_assert_cmpstr (json_object_get_string_member (media, "url"), ==, "http://a[2Jb");
  g_assert_cmpstr (json_object_get_string_member (media, "credit"), ==, "c d");
  g_assert_true (report_has (report, "events[0].media.url: control characters removed"));
}

/* HTML comments came through into titles */
static void
test_html_comments_in_titles (void)
{
  const char *json = "{\"title\":{\"text\":{\"headline\":\"Our <!-- draft: > rename --> story\"}},"
                     "\"events\":[{\"start_date\":{\"year\":2000},\"text\":{\"headline\":\"Open<!-- TODO\"}}],"
                     "\"eras\":[{\"start_date\":{\"year\":1990},\"end_date\":{\"year\":2000},"
                     "\"text\":{\"headline\":\"<!--x-->Era<!---->\"}}]}";
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = convert (json, report, &error);
  g_autoptr(ImpactDocument) doc = NULL;
  const ImpactMilestone *m;
  const ImpactEra *e;

  g_assert_no_error (error);
  doc = load_text (text);
  g_assert_cmpstr (impact_document_get_office (doc), ==, "Our story");
  m = g_ptr_array_index (impact_document_get_milestones (doc), 0);
  g_assert_cmpstr (m->title, ==, "Open");
  e = g_ptr_array_index (impact_document_get_eras (doc), 0);
  g_assert_cmpstr (e->title, ==, "Era");
  g_assert_null (strstr (text, "<!--"));
  g_assert_null (strstr (text, "-->"));
}

/* UBSan: 1e400 is infinity, cast to an integer; likewise huge and
 * fractional years */
static void
test_numbers (void)
{
  const struct { const char *year; const char *report; } cases[] = {
    { "1e400", "events[0].start_date.year: not a whole number; skipped" },
    { "-1e400", "events[0].start_date.year: not a whole number; skipped" },
    { "2000.5", "events[0].start_date.year: not a whole number; skipped" },
    { "1e300", "events[0].start_date: year 1000000000000000 is outside 1 to 9999" },
    { "\"99999999999999999999\"", "is outside 1 to 9999" },
    { "10000", "year 10000 is outside 1 to 9999" },
    { "0", "year 0 is outside 1 to 9999" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"events\":[{\"start_date\":{\"year\":%s},\"text\":{\"headline\":\"x\"}},"
                                               "{\"start_date\":{\"year\":2000,\"month\":1e400,\"day\":-1e400},"
                                               "\"end_date\":{\"year\":2001,\"month\":6,\"day\":1e308}}]}",
                                               cases[i].year);
      g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = convert (json, report, &error);
      g_autoptr(ImpactDocument) doc = NULL;
      const ImpactMilestone *m;

      g_assert_no_error (error);
      doc = load_text (text);
      g_assert_cmpuint (impact_document_get_milestones (doc)->len, ==, 1);
      m = g_ptr_array_index (impact_document_get_milestones (doc), 0);
      g_assert_cmpint (m->date.year, ==, 2000);
      g_assert_cmpint (m->date.month, ==, 0);
      if (!report_has (report, cases[i].report))
        g_error ("case %u: no report line \"%s\"", i, cases[i].report);
      g_assert_true (report_has (report, "events[1].start_date.month: not a month"));
      g_assert_true (report_has (report, "events[1].end_date.day: not a day"));
    }
}

/* The terminal saw raw escapes from the input: the import's report and
 * errors show them as visible escapes */
static void
test_cli_terminal_escapes (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *in = g_build_filename (dir, "esc.json", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *deep = g_build_filename (dir, "deep.json", NULL);
  const char *json = "{\"events\":[{\"start_date\":{\"year\":2000,\"display_date\":\"\\u001b]0;pwn\\u0007 \\u009b2J\"},"
                     "\"text\":{\"headline\":\"x\"},\"\\u001b[2Jevil\\u009b\\u007f\":1}]}";
  const char *argv[] = { impact_test_binary (), "import", "timelinejs", in, "-o", out, NULL };
  const char *deep_argv[] = { impact_test_binary (), "import", "timelinejs", deep, "-o", out, NULL };
  const char *zero_argv[] = { impact_test_binary (), "import", "timelinejs", "/dev/zero", "-o", out, NULL };
  g_autofree char *err = NULL;
  g_autofree char *deep_err = NULL;
  g_autofree char *zero_err = NULL;
  g_autofree char *nested = g_strnfill (100000, '[');

  g_assert_true (g_file_set_contents (in, json, -1, NULL));
  g_assert_cmpint (impact_test_run (argv, NULL, &err), ==, 0);
  g_assert_nonnull (strstr (err, "evil"));
  g_assert_nonnull (strstr (err, "display_date"));
  g_assert_null (strchr (err, '\x1b'));
  g_assert_null (strchr (err, '\x07'));
  g_assert_null (strchr (err, '\x7f'));
  g_assert_null (strstr (err, "\xc2\x9b"));
  g_assert_true (g_utf8_validate (err, -1, NULL));
  {
    g_autoptr(GFile) file = g_file_new_for_path (out);
    g_autoptr(GError) error = NULL;
    g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, NULL, NULL, &error);

    g_assert_no_error (error);
  }

  /* failures: exit 1, a message naming the file, no crash */
  g_assert_true (g_file_set_contents (deep, nested, -1, NULL));
  g_assert_cmpint (impact_test_run (deep_argv, NULL, &deep_err), ==, 1);
  g_assert_nonnull (strstr (deep_err, "deep.json:1:"));
  g_assert_nonnull (strstr (deep_err, "nesting deeper than 64 levels of arrays and objects"));
  g_assert_cmpint (impact_test_run (zero_argv, NULL, &zero_err), ==, 1);
  g_assert_nonnull (strstr (zero_err, "not a regular file"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timelinejs/html-to-text", test_html);
  g_test_add_func ("/timelinejs/convert-fixture", test_convert_fixture);
  g_test_add_func ("/timelinejs/cli", test_cli);
  g_test_add_func ("/timelinejs/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/timelinejs/deep-nesting", test_deep_nesting);
  g_test_add_func ("/timelinejs/not-regular-files", test_not_regular_files);
  g_test_add_func ("/timelinejs/empty-file", test_empty_file);
  g_test_add_func ("/timelinejs/strings-over-cap", test_strings_over_cap);
  g_test_add_func ("/timelinejs/too-many-events", test_too_many_events);
  g_test_add_func ("/timelinejs/media-url-controls", test_media_url_controls);
  g_test_add_func ("/timelinejs/html-comments-in-titles", test_html_comments_in_titles);
  g_test_add_func ("/timelinejs/numbers", test_numbers);
  g_test_add_func ("/timelinejs/cli-terminal-escapes", test_cli_terminal_escapes);
  return g_test_run ();
}
