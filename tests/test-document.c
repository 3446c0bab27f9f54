/* test-document.c: the impact-data model and its display strings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "impact-date.h"
#include "impact-document.h"
#include "impact-json-scanner.h"
#include "impact-json-loader.h"

typedef struct
{
  double      value;
  guint       decimals;
  const char *prefix;
  const char *suffix;
  const char *qualifier;
  const char *scale;
  const char *number;   /* impact_statistic_format_number () */
  const char *full;     /* impact_statistic_format_full () */
} NumberCase;

static void
test_format_numbers (void)
{
  /* LC_ALL=C.UTF-8 has no thousands separator: the comma is the fallback */
  const NumberCase cases[] = {
    { 435, 0, NULL, NULL, NULL, NULL, "435", "435" },
    { 5470, 0, NULL, NULL, NULL, NULL, "5,470", "5,470" },
    { 330, 0, NULL, NULL, "+", NULL, "330+", "330+" },
    { 40.3, 1, NULL, NULL, NULL, "million", "40.3", "40.3 million" },
    { 150, 0, "$", NULL, NULL, "billion", "$150", "$150 billion" },
    { 1200000, 0, NULL, NULL, NULL, NULL, "1,200,000", "1,200,000" },
    { 1.2, 1, NULL, NULL, NULL, "million", "1.2", "1.2 million" },
    { 0, 0, NULL, NULL, NULL, NULL, "0", "0" },
    { 0, 2, NULL, NULL, NULL, NULL, "0.00", "0.00" },
    { 87, 0, NULL, "%", NULL, NULL, "87", "87%" },
    { 99.5, 1, NULL, "%", "+", NULL, "99.5+", "99.5%+" },
    { 999, 0, NULL, NULL, NULL, NULL, "999", "999" },
    { 1000, 0, NULL, NULL, NULL, NULL, "1,000", "1,000" },
    { 1234567.891, 2, NULL, NULL, NULL, NULL, "1,234,567.89", "1,234,567.89" },
    /* half away from zero, on the decimal number as written: 0.125 is
     * exact in binary and printf rounds it to even (0.12); 0.285 is stored
     * as 0.28499999… and printf gives 0.28; the user typed 0.285 */
    { 2.5, 0, NULL, NULL, NULL, NULL, "3", "3" },
    { 0.125, 2, NULL, NULL, NULL, NULL, "0.13", "0.13" },
    { 0.285, 2, NULL, NULL, NULL, NULL, "0.29", "0.29" },
    { 1.005, 2, NULL, NULL, NULL, NULL, "1.01", "1.01" },
    { 0.124, 2, NULL, NULL, NULL, NULL, "0.12", "0.12" },
    { 3.5, 0, NULL, NULL, NULL, NULL, "4", "4" },
    { 0.995, 2, NULL, NULL, NULL, NULL, "1.00", "1.00" },    /* the carry runs into the units */
    { 999.5, 0, NULL, NULL, NULL, NULL, "1,000", "1,000" },  /* and makes a new digit */
    { 0.0000005, 6, NULL, NULL, NULL, NULL, "0.000001", "0.000001" },
    { 0.1 + 0.2, 2, NULL, NULL, NULL, NULL, "0.30", "0.30" },
    { 123456789012345.5, 0, NULL, NULL, NULL, NULL, "123,456,789,012,346", "123,456,789,012,346" },
    { 40.25, 6, NULL, NULL, NULL, NULL, "40.250000", "40.250000" },
    { 1e15, 0, NULL, NULL, NULL, NULL, "1,000,000,000,000,000", "1,000,000,000,000,000" },
    /* negative numbers use the minus sign U+2212 */
    { -5, 0, NULL, NULL, NULL, NULL, "−5", "−5" },
    { -1234.5, 1, "$", NULL, NULL, "million", "$−1,234.5", "$−1,234.5 million" },
    /* a value that rounds to zero is shown as 0, never −0 */
    { -0.4, 0, NULL, NULL, NULL, NULL, "0", "0" },
    { -0.5, 0, NULL, NULL, NULL, NULL, "−1", "−1" },      /* half away from zero */
    { -0.125, 2, NULL, NULL, NULL, NULL, "−0.13", "−0.13" },
    { -0.004, 2, NULL, NULL, NULL, NULL, "0.00", "0.00" },
    { -0.04, 1, NULL, NULL, NULL, NULL, "0.0", "0.0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const NumberCase *c = &cases[i];
      g_autoptr(ImpactStatistic) stat = impact_statistic_new ();
      g_autofree char *number = NULL;
      g_autofree char *full = NULL;

      stat->value = c->value;
      stat->decimals = c->decimals;
      stat->prefix = g_strdup (c->prefix);
      stat->suffix = g_strdup (c->suffix);
      stat->qualifier = g_strdup (c->qualifier);
      stat->scale = g_strdup (c->scale);

      number = impact_statistic_format_number (stat);
      full = impact_statistic_format_full (stat);
      g_test_message ("case %u: %s / %s", i, number, full);
      g_assert_cmpstr (number, ==, c->number);
      g_assert_cmpstr (full, ==, c->full);
    }
}

static void
test_format_number_out_of_range (void)
{
  g_autoptr(ImpactStatistic) stat = impact_statistic_new ();
  g_autofree char *number = NULL;
  g_autofree char *capped = NULL;

  /* the loader refuses these; the formatter still must not misbehave */
  stat->value = NAN;
  number = impact_statistic_format_number (stat);
  g_assert_cmpstr (number, ==, "0");

  stat->value = 1e300;
  stat->decimals = 99;   /* clamped to 6 */
  capped = impact_statistic_format_number (stat);
  g_assert_cmpstr (capped, ==, "1,000,000,000,000,000.000000");
}

static void
test_derived_sum_limits (void)
{
  g_autoptr(ImpactDocument) doc = impact_document_new ();
  g_autoptr(ImpactStatistic) stat = impact_statistic_new ();
  GPtrArray *milestones = impact_document_get_milestones (doc);
  gint64 sum = -1;

  stat->derive_metric = g_strdup ("rescued");
  stat->derive_base = 5;
  g_assert_true (impact_document_sum_derived (doc, stat, &sum));
  g_assert_cmpint (sum, ==, 5);

  /* counts the loader would refuse (past 1e15, even G_MAXINT64): the sum
   * stops at the cap instead of overflowing, and says it did */
  for (guint i = 0; i < 3; i++)
    {
      ImpactMilestone *m = impact_milestone_new ();

      g_assert_true (impact_date_parse ("2006", &m->date));
      impact_milestone_add_metric (m, "rescued", i == 0 ? 7 : G_MAXINT64);
      g_ptr_array_add (milestones, m);
    }
  g_assert_false (impact_document_sum_derived (doc, stat, &sum));
  g_assert_cmpint (sum, ==, (gint64) IMPACT_STATISTIC_MAX_VALUE);
  g_assert_cmpint (impact_document_compute_derived (doc, stat), ==, (gint64) IMPACT_STATISTIC_MAX_VALUE);

  /* just under the cap is exact */
  g_ptr_array_set_size (milestones, 1);
  stat->derive_base = (gint64) IMPACT_STATISTIC_MAX_VALUE - 7;
  g_assert_true (impact_document_sum_derived (doc, stat, &sum));
  g_assert_cmpint (sum, ==, (gint64) IMPACT_STATISTIC_MAX_VALUE);
  stat->derive_base++;
  g_assert_false (impact_document_sum_derived (doc, stat, &sum));
}

static void
test_milestone_metrics (void)
{
  g_autoptr(ImpactMilestone) milestone = impact_milestone_new ();
  g_autofree char *none = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;

  none = impact_milestone_format_metrics (milestone);
  g_assert_cmpstr (none, ==, "");

  impact_milestone_add_metric (milestone, "rescued", 2);
  one = impact_milestone_format_metrics (milestone);
  g_assert_cmpstr (one, ==, "2 rescued");

  impact_milestone_add_metric (milestone, "arrested", 3);
  two = impact_milestone_format_metrics (milestone);
  g_assert_cmpstr (two, ==, "2 rescued · 3 arrested");
  g_assert_cmpuint (milestone->metrics->len, ==, 2);
}

static void
add_milestone (ImpactDocument *doc,
               const char     *date,
               const char     *title)
{
  ImpactMilestone *milestone = impact_milestone_new ();

  g_assert_true (impact_date_parse (date, &milestone->date));
  milestone->title = g_strdup (title);
  g_ptr_array_add (impact_document_get_milestones (doc), milestone);
}

static void
test_milestone_order (void)
{
  g_autoptr(ImpactDocument) doc = impact_document_new ();
  const guint *order;
  guint n = 99;
  const guint expected[] = { 3, 1, 4, 0, 6, 2, 5 };

  order = impact_document_get_milestone_order (doc, &n);
  g_assert_cmpuint (n, ==, 0);

  add_milestone (doc, "2017-08-24", "0");
  add_milestone (doc, "2006", "1");
  add_milestone (doc, "2020-02", "2");
  add_milestone (doc, "2001", "3");
  add_milestone (doc, "2006", "4");       /* equal to 1: stays after it */
  add_milestone (doc, "2020-02-29", "5");
  add_milestone (doc, "2019", "6");
  impact_document_changed (doc);

  order = impact_document_get_milestone_order (doc, &n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (order[i], ==, expected[i]);

  /* the data order is untouched */
  for (guint i = 0; i < n; i++)
    {
      const ImpactMilestone *m = g_ptr_array_index (impact_document_get_milestones (doc), i);
      g_autofree char *index = g_strdup_printf ("%u", i);

      g_assert_cmpstr (m->title, ==, index);
    }

  /* many equal dates keep their data order (a stable sort) */
  g_ptr_array_set_size (impact_document_get_milestones (doc), 0);
  for (guint i = 0; i < 50; i++)
    add_milestone (doc, i % 2 ? "2010" : "2009", "x");
  impact_document_changed (doc);
  order = impact_document_get_milestone_order (doc, &n);
  g_assert_cmpuint (n, ==, 50);
  for (guint i = 0; i < 25; i++)
    {
      g_assert_cmpuint (order[i], ==, 2 * i);
      g_assert_cmpuint (order[25 + i], ==, 2 * i + 1);
    }
}

/* random dates of every precision, many equal: the order is the dates'
 * (impact_date_compare), ties in data order */
static void
test_milestone_order_random (void)
{
  g_autoptr(ImpactDocument) doc = impact_document_new ();
  GPtrArray *milestones = impact_document_get_milestones (doc);
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  const guint *order;
  guint n;

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *date = NULL;
      int year = g_rand_int_range (rand, 1990, 2000);
      int month = g_rand_int_range (rand, 1, 13);

      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0: date = g_strdup_printf ("%04d", year); break;
        case 1: date = g_strdup_printf ("%04d-%02d", year, month); break;
        default: date = g_strdup_printf ("%04d-%02d-%02d", year, month, g_rand_int_range (rand, 1, 29)); break;
        }
      add_milestone (doc, date, "m");
    }
  impact_document_changed (doc);
  order = impact_document_get_milestone_order (doc, &n);
  g_assert_cmpuint (n, ==, milestones->len);
  for (guint i = 1; i < n; i++)
    {
      const ImpactMilestone *a = g_ptr_array_index (milestones, order[i - 1]);
      const ImpactMilestone *b = g_ptr_array_index (milestones, order[i]);
      int cmp = impact_date_compare (&a->date, &b->date);

      g_assert_cmpint (cmp, <=, 0);
      if (cmp == 0)
        g_assert_cmpuint (order[i - 1], <, order[i]);
    }
}

static void
changed_cb (ImpactDocument *doc,
            gpointer        user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_changed_signal (void)
{
  g_autoptr(ImpactDocument) doc = impact_document_new ();
  guint count = 0;

  g_signal_connect (doc, "changed", G_CALLBACK (changed_cb), &count);
  impact_document_changed (doc);
  impact_document_changed (doc);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_resolve_path (void)
{
  g_autoptr(ImpactDocument) doc = impact_document_new ();
  g_autoptr(GFile) data_file = g_file_new_for_path ("/srv/sheets/dhaka/dhaka.json");
  g_autoptr(GFile) relative = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) absolute = NULL;
  g_autoptr(GFile) resource = NULL;
  g_autoptr(GFile) no_file = NULL;
  g_autofree char *relative_path = NULL;
  g_autofree char *parent_path = NULL;
  g_autofree char *absolute_path = NULL;
  g_autofree char *resource_uri = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *cwd_logo = g_build_filename (cwd, "logo.png", NULL);

  g_assert_null (impact_document_get_file (doc));
  impact_document_set_file (doc, data_file);
  g_assert_true (impact_document_get_file (doc) == data_file);

  relative = impact_document_resolve_path (doc, "images/logo.png");
  relative_path = g_file_get_path (relative);
  g_assert_cmpstr (relative_path, ==, "/srv/sheets/dhaka/images/logo.png");

  parent = impact_document_resolve_path (doc, "../shared/logo.png");
  parent_path = g_file_get_path (parent);
  g_assert_cmpstr (parent_path, ==, "/srv/sheets/shared/logo.png");

  absolute = impact_document_resolve_path (doc, "/usr/share/logo.png");
  absolute_path = g_file_get_path (absolute);
  g_assert_cmpstr (absolute_path, ==, "/usr/share/logo.png");

  resource = impact_document_resolve_path (doc, "resource:///org/example/logo.png");
  resource_uri = g_file_get_uri (resource);
  g_assert_cmpstr (resource_uri, ==, "resource:///org/example/logo.png");

  g_assert_null (impact_document_resolve_path (doc, NULL));
  g_assert_null (impact_document_resolve_path (doc, ""));

  /* without a file, paths are relative to the working folder */
  impact_document_set_file (doc, NULL);
  no_file = impact_document_resolve_path (doc, "logo.png");
  g_assert_nonnull (no_file);
  g_assert_cmpstr (g_file_peek_path (no_file), ==, cwd_logo);
}

static void
test_strings_and_sections (void)
{
  g_autoptr(ImpactDocument) doc = impact_document_new ();
  ImpactQuote *quote = impact_quote_new ();
  ImpactProfile *profile = impact_profile_new ();
  g_autoptr(ImpactSource) a = impact_source_new ("ILO", "https://ilo.org");
  g_autoptr(ImpactSource) b = impact_source_new ("ILO", "https://ilo.org");
  g_autoptr(ImpactSource) c = impact_source_new ("ILO", NULL);

  /* defaults */
  g_assert_cmpstr (impact_document_get_format (doc), ==, IMPACT_FORMAT_VERSION);
  g_assert_nonnull (impact_document_get_organisation (doc)->address);
  g_assert_null (impact_document_get_quote (doc));
  g_assert_null (impact_document_get_source_root (doc));

  impact_document_set_office (doc, "Kolkata, India");
  g_assert_cmpstr (impact_document_get_office (doc), ==, "Kolkata, India");
  impact_document_set_office (doc, impact_document_get_office (doc));  /* same pointer */
  g_assert_cmpstr (impact_document_get_office (doc), ==, "Kolkata, India");
  impact_document_set_title (doc, NULL);
  g_assert_null (impact_document_get_title (doc));

  quote->text = g_strdup ("A new life.");
  impact_document_take_quote (doc, quote);
  g_assert_true (impact_document_get_quote (doc) == quote);
  impact_document_take_quote (doc, quote);   /* taking it again is harmless */
  profile->name = g_strdup ("Saji");
  impact_document_take_profile (doc, profile);
  impact_document_take_profile (doc, NULL);
  g_assert_null (impact_document_get_profile (doc));

  {
    g_autoptr(GBytes) text = g_bytes_new_static ("{\"office\": \"x\"}", 15);
    g_autoptr(ImpactSourceMap) map = impact_json_scan (text, NULL, NULL);

    impact_document_set_source_map (doc, map);
    g_assert_true (impact_document_get_source_map (doc) == map);
    g_assert_true (impact_document_get_source_root (doc) == impact_source_map_get_root (map));
    g_assert_true (impact_document_get_source_text (doc) == text);
  }

  g_assert_true (impact_source_equal (a, b));
  g_assert_false (impact_source_equal (a, c));
  g_assert_false (impact_source_equal (a, NULL));
  g_assert_true (impact_source_equal (NULL, NULL));
}

/* Insert, duplicate, move and remove items; copies are deep */
static void
test_list_editing (void)
{
  g_autoptr(ImpactDocument) doc = impact_document_new ();
  g_autoptr(ImpactDocument) copy = NULL;
  GPtrArray *statistics = impact_document_get_list (doc, IMPACT_LIST_STATISTICS);
  ImpactStatistic *a, *b, *dup;

  g_assert_true (statistics == impact_document_get_statistics (doc));
  a = impact_document_insert_item (doc, IMPACT_LIST_STATISTICS, -1);
  a->value = 1;
  b = impact_document_insert_item (doc, IMPACT_LIST_STATISTICS, 0);
  b->value = 2;
  g_assert_nonnull (b->label);   /* guidance text */
  g_assert_true (g_ptr_array_index (statistics, 0) == b);

  dup = impact_document_duplicate_item (doc, IMPACT_LIST_STATISTICS, 0);
  g_assert_true (g_ptr_array_index (statistics, 1) == dup);
  g_assert_cmpfloat (dup->value, ==, 2);
  g_assert_true (dup->label != b->label);
  g_assert_cmpstr (dup->label, ==, b->label);

  impact_document_move_item (doc, IMPACT_LIST_STATISTICS, 2, 0);
  g_assert_true (g_ptr_array_index (statistics, 0) == a);
  impact_document_remove_item (doc, IMPACT_LIST_STATISTICS, 1);
  g_assert_cmpuint (statistics->len, ==, 2);
  g_assert_true (g_ptr_array_index (statistics, 1) == dup);

  impact_document_insert_item (doc, IMPACT_LIST_MILESTONES, -1);
  impact_document_insert_item (doc, IMPACT_LIST_ERAS, -1);
  impact_document_insert_item (doc, IMPACT_LIST_FACTS, -1);
  impact_document_insert_item (doc, IMPACT_LIST_PILLARS, -1);

  copy = impact_document_copy (doc);
  g_assert_cmpuint (impact_document_get_statistics (copy)->len, ==, 2);
  g_assert_true (g_ptr_array_index (impact_document_get_statistics (copy), 0) != a);
  g_assert_cmpuint (impact_document_get_milestones (copy)->len, ==, 1);
  g_assert_cmpuint (impact_document_get_eras (copy)->len, ==, 1);

  /* take_contents swaps everything in */
  impact_document_remove_item (copy, IMPACT_LIST_STATISTICS, 0);
  impact_document_take_contents (doc, copy);
  g_assert_cmpuint (impact_document_get_statistics (doc)->len, ==, 1);
}

static void
test_locate (void)
{
  const char *json =
    "{\n"
    "  \"format\": \"1\",\n"
    "  \"office\": \"X\",\n"
    "  \"organisation\": { \"name\": \"Y\" },\n"
    "  \"milestones\": [\n"
    "    { \"date\": \"2006\", \"title\": \"A\" },\n"
    "    {\n"
    "      \"date\": \"2011\",\n"
    "      \"title\": \"B\"\n"
    "    }\n"
    "  ]\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_data (json, strlen (json), "t.json", NULL, NULL, &error);
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  guint line = 0, column = 0;

  g_assert_no_error (error);
  /* a value that is there */
  g_assert_true (impact_document_locate (doc, "milestones[1].title", &line, &column));
  g_assert_cmpuint (line, ==, 9);
  g_assert_cmpuint (column, ==, 16);
  /* a member that is not: its object */
  g_assert_true (impact_document_locate (doc, "milestones[1].description", &line, &column));
  g_assert_cmpuint (line, ==, 7);
  g_assert_cmpuint (column, ==, 5);
  g_assert_true (impact_document_locate (doc, "organisation.logo", &line, NULL));
  g_assert_cmpuint (line, ==, 4);

  /* a layout warning gets the file and the place of its path */
  impact_diagnostics_add (diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, "milestones[0]", "too long");
  impact_document_locate_diagnostics (doc, diagnostics, "t.json");
  {
    g_autofree char *text = impact_diagnostic_to_string (impact_diagnostics_get_item (diagnostics, 0));

    g_assert_cmpstr (text, ==, "t.json:6:5: milestones[0]: too long");
  }
}

static void
test_suggest_file_name (void)
{
  const struct { const char *office; const char *name; } cases[] = {
    { "Kolkata, India", "Kolkata, India.json" },
    { "Dhaka / Khulna", "Dhaka Khulna.json" },
    { "  ..hidden  ", "hidden.json" },
    { "a:b*c?d\"e<f>g|h\\i", "a b c d e f g h i.json" },
    { "line\nbreak\ttab", "line break tab.json" },
    { "কলকাতা", "কলকাতা.json" },
    { "", "fact-sheet.json" },
    { NULL, "fact-sheet.json" },
    { "///", "fact-sheet.json" },
  };
  g_autoptr(GString) long_office = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ImpactDocument) doc = impact_document_new ();
      g_autofree char *name = NULL;

      impact_document_set_office (doc, cases[i].office);
      name = impact_document_suggest_file_name (doc);
      g_assert_cmpstr (name, ==, cases[i].name);
    }

  /* at most 100 characters before the extension, cut between characters */
  for (guint i = 0; i < 150; i++)
    g_string_append (long_office, "é");
  {
    g_autoptr(ImpactDocument) doc = impact_document_new ();
    g_autofree char *name = NULL;

    impact_document_set_office (doc, long_office->str);
    name = impact_document_suggest_file_name (doc);
    g_assert_true (g_utf8_validate (name, -1, NULL));
    g_assert_cmpint (g_utf8_strlen (name, -1), ==, 100 + 5);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/statistic/format", test_format_numbers);
  g_test_add_func ("/document/suggest-file-name", test_suggest_file_name);
  g_test_add_func ("/document/statistic/format-out-of-range", test_format_number_out_of_range);
  g_test_add_func ("/document/milestone/metrics", test_milestone_metrics);
  g_test_add_func ("/document/statistic/derived-sum-limits", test_derived_sum_limits);
  g_test_add_func ("/document/milestone/order", test_milestone_order);
  g_test_add_func ("/document/milestone/order-random", test_milestone_order_random);
  g_test_add_func ("/document/changed", test_changed_signal);
  g_test_add_func ("/document/resolve-path", test_resolve_path);
  g_test_add_func ("/document/strings-and-sections", test_strings_and_sections);
  g_test_add_func ("/document/list-editing", test_list_editing);
  g_test_add_func ("/document/locate", test_locate);

  return g_test_run ();
}
