/* test-timelinejs.c: TimelineJS import of a fixture with every field kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timelinejs/html-to-text", test_html);
  g_test_add_func ("/timelinejs/convert-fixture", test_convert_fixture);
  g_test_add_func ("/timelinejs/cli", test_cli);
  return g_test_run ();
}
