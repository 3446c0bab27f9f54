/* test-json-loader.c: the JSON loader and validator of data format 1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "impact-error.h"
#include "impact-json-loader.h"
#include "impact-open.h"
#include "impact-test-utils.h"

/* Helpers */

static ImpactDocument *
load_fixture (const char         *relative,
              ImpactDiagnostics  *diagnostics,
              GError            **error)
{
  g_autofree char *path = impact_test_data_path (relative);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return impact_json_loader_load_file (file, diagnostics, NULL, error);
}

static ImpactDocument *
load_string (const char         *json,
             ImpactDiagnostics  *diagnostics,
             GError            **error)
{
  return impact_json_loader_load_data (json, strlen (json), "test.json", NULL,
                                       diagnostics, error);
}

static ImpactDocument *
load_full (void)
{
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  ImpactDocument *doc = load_fixture ("data/valid/full.json", diagnostics, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* Asserts that exactly one diagnostic of @severity was given and that it
 * reads @expected. */
static void
assert_single (ImpactDiagnostics *diagnostics,
               ImpactSeverity     severity,
               const char        *expected)
{
  g_autofree char *text = impact_diagnostics_to_string (diagnostics, severity);

  g_assert_cmpstr (text, ==, expected);
}

/* A document around extra root members: "format", "office", "organisation"
 * on the first three lines, @extra from line 4 on. */
static char *
document_with (const char *extra)
{
  return g_strdup_printf ("{\"format\": \"1\",\n"
                          "\"office\": \"Kolkata, India\",\n"
                          "\"organisation\": {\"name\": \"IJM\"}%s%s\n"
                          "}\n",
                          *extra ? ",\n" : "", extra);
}

/* Minimal and full documents */

static void
test_minimal (void)
{
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autofree char *path = impact_test_data_path ("data/valid/minimal.json");
  g_autoptr(GFile) expected_file = g_file_new_for_path (path);
  ImpactOrganisation *org;
  JsonNode *root;

  doc = load_fixture ("data/valid/minimal.json", diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, 0);

  g_assert_cmpstr (impact_document_get_format (doc), ==, "1");
  g_assert_cmpstr (impact_document_get_office (doc), ==, "Dhaka, Bangladesh");
  g_assert_null (impact_document_get_title (doc));
  g_assert_null (impact_document_get_subtitle (doc));
  g_assert_null (impact_document_get_language (doc));
  org = impact_document_get_organisation (doc);
  g_assert_cmpstr (org->name, ==, "Example Justice Network");
  g_assert_nonnull (org->address);
  g_assert_null (org->address[0]);
  g_assert_null (org->website);
  g_assert_null (impact_document_get_quote (doc));
  g_assert_null (impact_document_get_profile (doc));
  g_assert_cmpuint (impact_document_get_statistics (doc)->len, ==, 0);
  g_assert_cmpuint (impact_document_get_milestones (doc)->len, ==, 0);
  g_assert_null (impact_document_get_theme_spec (doc)->primary);

  g_assert_true (g_file_equal (impact_document_get_file (doc), expected_file));
  root = impact_document_get_source_root (doc);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "office"),
                   ==, "Dhaka, Bangladesh");
}

static void
test_full_clean (void)
{
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autofree char *warnings = NULL;

  doc = load_fixture ("data/valid/full.json", diagnostics, &error);
  g_assert_no_error (error);
  warnings = impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_WARNING);
  g_assert_cmpstr (warnings, ==, NULL);
  g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, 0);
}

static void
test_full_top_level (void)
{
  g_autoptr(ImpactDocument) doc = load_full ();

  g_assert_cmpstr (impact_document_get_format (doc), ==, "1");
  g_assert_cmpstr (impact_document_get_language (doc), ==, "bn");
  g_assert_cmpstr (impact_document_get_office (doc), ==, "Dhaka, Bangladesh");
  g_assert_cmpstr (impact_document_get_title (doc), ==, "Justice for Dhaka");
  g_assert_cmpstr (impact_document_get_subtitle (doc), ==, "Fact sheet 2024");
  g_assert_cmpstr (impact_document_get_statistics_heading (doc), ==, "Progress since 2006");
  g_assert_cmpstr (impact_document_get_facts_heading (doc), ==, "The facts");
  g_assert_cmpstr (impact_document_get_approach_heading (doc), ==, "How we work");
  g_assert_cmpstr (impact_document_get_milestones_heading (doc), ==, "Milestones");
}

static void
test_full_organisation (void)
{
  g_autoptr(ImpactDocument) doc = load_full ();
  ImpactOrganisation *org = impact_document_get_organisation (doc);
  const char * const address[] = { "House 12, Road 5", "Dhanmondi", "Dhaka 1205", NULL };
  g_autoptr(GFile) logo = NULL;
  g_autofree char *expected_logo = impact_test_data_path ("data/valid/images/logo.png");
  g_autofree char *logo_path = NULL;

  g_assert_cmpstr (org->name, ==, "Example Justice Network");
  g_assert_cmpstr (org->short_name, ==, "EJN");
  g_assert_cmpstr (org->website, ==, "https://example.org/dhaka");
  g_assert_cmpstrv (org->address, address);
  g_assert_cmpstr (org->phone, ==, "+880 2 555 0100");
  g_assert_cmpstr (org->fax, ==, "+880 2 555 0101");
  g_assert_cmpstr (org->email, ==, "dhaka@example.org");
  g_assert_cmpstr (org->logo, ==, "images/logo.png");
  g_assert_cmpstr (org->logo_alt, ==, "EJN logo");

  /* the logo resolves next to the data file */
  logo = impact_document_resolve_path (doc, org->logo);
  logo_path = g_file_get_path (logo);
  g_assert_cmpstr (logo_path, ==, expected_logo);
}

static void
test_full_theme (void)
{
  g_autoptr(ImpactDocument) doc = load_full ();
  ImpactThemeSpec *theme = impact_document_get_theme_spec (doc);

  g_assert_cmpstr (theme->template_name, ==, "bold");
  /* normalised to lower-case #rrggbb */
  g_assert_cmpstr (theme->primary, ==, "#1b365d");
  g_assert_cmpstr (theme->accent, ==, "#dd8822");
  g_assert_cmpstr (theme->text, ==, "#1f2933");
  g_assert_cmpstr (theme->background, ==, "#ffffff");
  g_assert_cmpstr (theme->heading_font, ==, "Inter Display");
  g_assert_cmpstr (theme->body_font, ==, "Inter");
}

static void
test_full_problem (void)
{
  g_autoptr(ImpactDocument) doc = load_full ();
  ImpactProblem *problem = impact_document_get_problem (doc);

  g_assert_cmpstr (problem->kicker, ==, "The problem");
  g_assert_cmpstr (problem->heading, ==, "Bonded labour");
  /* rich text is stored raw, with its markers */
  g_assert_cmpstr (problem->body, ==, "Families are held by **debts** they can *never* repay.");
}

static void
test_full_statistics (void)
{
  g_autoptr(ImpactDocument) doc = load_full ();
  GPtrArray *stats = impact_document_get_statistics (doc);
  const ImpactStatistic *stat;

  g_assert_cmpuint (stats->len, ==, 3);

  stat = g_ptr_array_index (stats, 0);
  g_assert_cmpfloat (stat->value, ==, 40.3);
  g_assert_cmpuint (stat->decimals, ==, 1);
  g_assert_cmpstr (stat->prefix, ==, "$");
  g_assert_cmpstr (stat->suffix, ==, "%");
  g_assert_cmpstr (stat->qualifier, ==, "+");
  g_assert_cmpstr (stat->scale, ==, "million");
  g_assert_cmpstr (stat->label, ==, "people in modern slavery");
  g_assert_cmpstr (stat->icon, ==, "globe");
  g_assert_nonnull (stat->source);
  g_assert_cmpstr (stat->source->title, ==, "Global Estimates 2017");
  g_assert_cmpstr (stat->source->url, ==, "https://example.org/ge2017");

  stat = g_ptr_array_index (stats, 1);
  g_assert_cmpfloat (stat->value, ==, 435);
  g_assert_cmpuint (stat->decimals, ==, 0);
  g_assert_null (stat->prefix);
  g_assert_null (stat->suffix);
  g_assert_null (stat->qualifier);
  g_assert_null (stat->scale);
  g_assert_cmpstr (stat->label, ==, "survivors rescued");
  g_assert_null (stat->icon);
  g_assert_null (stat->source);

  stat = g_ptr_array_index (stats, 2);
  g_assert_cmpuint (stat->decimals, ==, 1);
}

static void
test_full_facts (void)
{
  g_autoptr(ImpactDocument) doc = load_full ();
  GPtrArray *facts = impact_document_get_facts (doc);
  const ImpactFact *fact;

  g_assert_cmpuint (facts->len, ==, 2);
  fact = g_ptr_array_index (facts, 0);
  g_assert_cmpstr (fact->text, ==, "About **1.2 million** children are exploited.");
  g_assert_nonnull (fact->source);
  g_assert_cmpstr (fact->source->title, ==, "CBI estimate");
  g_assert_null (fact->source->url);
  fact = g_ptr_array_index (facts, 1);
  g_assert_cmpstr (fact->text, ==, "A fact without a source.");
  g_assert_null (fact->source);
}

static void
test_full_quote (void)
{
  g_autoptr(ImpactDocument) doc = load_full ();
  ImpactQuote *quote = impact_document_get_quote (doc);

  g_assert_nonnull (quote);
  g_assert_cmpstr (quote->text, ==, "They begged me to pray for a way out.");
  g_assert_cmpstr (quote->attribution, ==, "Prema");
  g_assert_cmpstr (quote->role, ==, "a survivor");
  g_assert_true (quote->pseudonym);
}

static void
test_full_approach (void)
{
  g_autoptr(ImpactDocument) doc = load_full ();
  GPtrArray *pillars = impact_document_get_pillars (doc);
  const ImpactPillar *pillar;

  g_assert_cmpuint (pillars->len, ==, 2);
  pillar = g_ptr_array_index (pillars, 0);
  g_assert_cmpstr (pillar->lead, ==, "We rescue victims");
  g_assert_cmpstr (pillar->text, ==, "with *local* police.");
  g_assert_cmpstr (pillar->icon, ==, "check");
  pillar = g_ptr_array_index (pillars, 1);
  g_assert_cmpstr (pillar->lead, ==, "We restore survivors");
  g_assert_null (pillar->icon);
}

static void
test_full_milestones (void)
{
  g_autoptr(ImpactDocument) doc = load_full ();
  GPtrArray *milestones = impact_document_get_milestones (doc);
  const ImpactMilestone *m;
  g_autofree char *metrics = NULL;
  const guint *order;
  guint n_order;

  g_assert_cmpuint (milestones->len, ==, 3);

  m = g_ptr_array_index (milestones, 0);
  g_assert_cmpint (m->date.year, ==, 2017);
  g_assert_cmpint (m->date.month, ==, 8);
  g_assert_cmpint (m->date.day, ==, 24);
  g_assert_cmpstr (m->title, ==, "Network dismantled");
  g_assert_cmpstr (m->description, ==, "Two girls **freed**.");
  g_assert_cmpstr (m->category, ==, "rescue");
  g_assert_true (m->highlight);
  g_assert_cmpuint (m->metrics->len, ==, 2);
  g_assert_cmpstr (g_array_index (m->metrics, ImpactMetric, 0).name, ==, "rescued");
  g_assert_cmpint (g_array_index (m->metrics, ImpactMetric, 0).value, ==, 2);
  g_assert_cmpstr (g_array_index (m->metrics, ImpactMetric, 1).name, ==, "arrested");
  g_assert_cmpint (g_array_index (m->metrics, ImpactMetric, 1).value, ==, 3);
  metrics = impact_milestone_format_metrics (m);
  g_assert_cmpstr (metrics, ==, "2 rescued · 3 arrested");

  m = g_ptr_array_index (milestones, 1);
  g_assert_cmpint (impact_date_get_precision (&m->date), ==, IMPACT_DATE_PRECISION_YEAR);
  g_assert_cmpint (m->date.year, ==, 2006);
  g_assert_null (m->description);
  g_assert_null (m->category);
  g_assert_false (m->highlight);
  g_assert_cmpuint (m->metrics->len, ==, 0);

  m = g_ptr_array_index (milestones, 2);
  g_assert_cmpint (impact_date_get_precision (&m->date), ==, IMPACT_DATE_PRECISION_MONTH);
  g_assert_false (m->highlight);

  /* data order is kept; the sorted order is the document's business */
  order = impact_document_get_milestone_order (doc, &n_order);
  g_assert_cmpuint (n_order, ==, 3);
  g_assert_cmpuint (order[0], ==, 1);
  g_assert_cmpuint (order[1], ==, 0);
  g_assert_cmpuint (order[2], ==, 2);
}

static void
test_full_eras (void)
{
  g_autoptr(ImpactDocument) doc = load_full ();
  GPtrArray *eras = impact_document_get_eras (doc);
  const ImpactEra *era;

  g_assert_cmpuint (eras->len, ==, 2);
  era = g_ptr_array_index (eras, 0);
  g_assert_cmpint (era->start.year, ==, 2006);
  g_assert_cmpint (era->start.month, ==, 0);
  g_assert_cmpint (era->end.year, ==, 2012);
  g_assert_cmpint (era->end.month, ==, 6);
  g_assert_cmpstr (era->title, ==, "Founding years");
  g_assert_cmpstr (era->category, ==, "office");
  era = g_ptr_array_index (eras, 1);
  g_assert_null (era->category);
}

static void
test_full_profile (void)
{
  g_autoptr(ImpactDocument) doc = load_full ();
  ImpactProfile *profile = impact_document_get_profile (doc);

  g_assert_nonnull (profile);
  g_assert_cmpstr (profile->name, ==, "Saji Philip");
  g_assert_cmpstr (profile->role, ==, "Director of Operations");
  g_assert_cmpstr (profile->biography, ==, "Saji led **many** teams.");
  g_assert_cmpstr (profile->photo, ==, "images/saji.jpg");
  g_assert_cmpstr (profile->photo_alt, ==, "Portrait of Saji Philip");
}

static void
test_full_footer (void)
{
  g_autoptr(ImpactDocument) doc = load_full ();
  ImpactFooter *footer = impact_document_get_footer (doc);

  g_assert_cmpstr (footer->about, ==, "**EJN** protects people in poverty.");
  g_assert_cmpstr (footer->disclaimer, ==, "* Names are pseudonyms.");
  g_assert_cmpstr (footer->copyright, ==, "© 2024 Example Justice Network");
}

/* Values */

static void
test_decimals_inference (void)
{
  const struct {
    const char *value;
    guint       decimals;
  } cases[] = {
    { "435", 0 },
    { "40.3", 1 },
    { "5470", 0 },
    { "1.25", 2 },
    { "2.50", 1 },
    { "0.1", 1 },
    { "-3.7", 1 },
    { "0", 0 },
    { "0.333333", 2 },      /* capped at 2 */
    { "1.005", 2 },
    { "1e15", 0 },
    { "1200000", 0 },
    { "12.0", 0 },
    { "40.3, \"decimals\": 0", 0 },  /* explicit wins */
    { "40, \"decimals\": 3", 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *extra = g_strdup_printf ("\"statistics\": [{\"value\": %s, \"label\": \"x\"}]",
                                                cases[i].value);
      g_autofree char *json = document_with (extra);
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpactDocument) doc = load_string (json, NULL, &error);
      const ImpactStatistic *stat;

      g_test_message ("value %s", cases[i].value);
      g_assert_no_error (error);
      stat = g_ptr_array_index (impact_document_get_statistics (doc), 0);
      g_assert_cmpuint (stat->decimals, ==, cases[i].decimals);
    }
}

static void
test_strings_decoded (void)
{
  g_autofree char *json = document_with ("\"title\": \"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\\\* \\/\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = load_string (json, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (impact_document_get_title (doc), ==, "café 😀 \"q\" \\* /");
}

static void
test_byte_order_mark (void)
{
  g_autofree char *plain = document_with ("");
  g_autofree char *json = g_strconcat ("\xef\xbb\xbf", plain, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = load_string (json, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (impact_document_get_office (doc), ==, "Kolkata, India");
}


/* Charts (issue 16): every field, given points with a gap, derived series */
static void
test_charts (void)
{
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = load_fixture ("data/valid/charts.json", diagnostics, &error);
  g_autoptr(ImpactDocument) copy = NULL;
  GPtrArray *charts;
  const ImpactChartSpec *chart;
  const ImpactChartPoint *point;

  g_assert_no_error (error);
  g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, 0);
  charts = impact_document_get_charts (doc);
  g_assert_cmpuint (charts->len, ==, 5);

  chart = g_ptr_array_index (charts, 0);
  g_assert_cmpstr (chart->label, ==, "Survivors rescued per year");
  g_assert_cmpint (chart->kind, ==, IMPACT_CHART_COLUMNS);
  g_assert_cmpstr (chart->derive_metric, ==, "rescued");
  g_assert_cmpint (chart->derive_per, ==, IMPACT_CHART_PER_YEAR);
  g_assert_false (chart->derive_cumulative);
  g_assert_cmpuint (chart->points->len, ==, 0);

  chart = g_ptr_array_index (charts, 1);
  g_assert_cmpint (chart->kind, ==, IMPACT_CHART_AREA);
  g_assert_true (chart->derive_cumulative);
  g_assert_true (json_object_has_member (chart->json, "x-note"));

  chart = g_ptr_array_index (charts, 2);
  g_assert_cmpint (chart->kind, ==, IMPACT_CHART_LINE);
  g_assert_cmpint (chart->derive_per, ==, IMPACT_CHART_PER_QUARTER);

  chart = g_ptr_array_index (charts, 3);
  g_assert_null (chart->derive_metric);
  g_assert_cmpuint (chart->points->len, ==, 4);
  point = &g_array_index (chart->points, ImpactChartPoint, 1);
  g_assert_cmpstr (point->label, ==, "2017");
  g_assert_cmpfloat (point->value, ==, 18.5);
  g_assert_false (point->missing);
  point = &g_array_index (chart->points, ImpactChartPoint, 2);
  g_assert_cmpstr (point->label, ==, "2018");
  g_assert_true (point->missing);

  chart = g_ptr_array_index (charts, 4);
  g_assert_cmpint (chart->kind, ==, IMPACT_CHART_SPARKLINE);

  /* copies are deep */
  copy = impact_document_copy (doc);
  g_assert_cmpuint (impact_document_get_charts (copy)->len, ==, 5);
  chart = g_ptr_array_index (impact_document_get_charts (copy), 3);
  g_assert_true (chart != g_ptr_array_index (charts, 3));
  g_assert_cmpstr (g_array_index (chart->points, ImpactChartPoint, 3).label, ==, "2019");
  g_assert_true (g_array_index (chart->points, ImpactChartPoint, 2).missing);
}

/* Errors */

static void
test_invalid_case (gconstpointer data)
{
  const char *json_path = data;
  g_autofree char *base = g_strndup (json_path, strlen (json_path) - strlen (".json"));
  g_autofree char *expected_path = g_strconcat (base, ".expected", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (json_path);
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autofree char *errors = NULL;

  g_file_get_contents (expected_path, &expected, NULL, &read_error);
  g_assert_no_error (read_error);
  g_strchomp (expected);

  doc = impact_json_loader_load_file (file, diagnostics, NULL, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);
  g_assert_true (error->domain == IMPACT_ERROR);
  g_assert_cmpstr (error->message, ==, expected);

  /* the same errors went to the diagnostics */
  errors = impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_ERROR);
  g_assert_cmpstr (errors, ==, expected);

  /* and the command line's exports, which stream when they can, say the
   * same (impact-open.c gives TimelineJS-shaped cases their own words) */
  {
    g_autoptr(ImpactDiagnostics) opened = impact_diagnostics_new ();
    g_autoptr(ImpactDiagnostics) exported = impact_diagnostics_new ();
    g_autoptr(GError) open_error = NULL;
    g_autoptr(GError) export_error = NULL;
    g_autoptr(ImpactDocument) open_doc = impact_document_open_file (file, opened, NULL, NULL, &open_error);
    g_autoptr(ImpactDocument) export_doc = impact_json_loader_load_for_export (file, exported, NULL, &export_error);
    g_autofree char *open_text = impact_diagnostics_to_string (opened, IMPACT_SEVERITY_WARNING);
    g_autofree char *export_text = impact_diagnostics_to_string (exported, IMPACT_SEVERITY_WARNING);

    g_assert_null (export_doc);
    g_assert_nonnull (open_error);
    g_assert_nonnull (export_error);
    g_assert_cmpstr (export_error->message, ==, open_error->message);
    g_assert_cmpstr (export_text, ==, open_text);
  }
}

static void
test_error_codes (void)
{
  const struct {
    const char *fixture;
    ImpactError code;
  } cases[] = {
    { "data/invalid/syntax-error.json", IMPACT_ERROR_PARSE },
    { "data/invalid/empty.json", IMPACT_ERROR_PARSE },
    { "data/invalid/missing-format.json", IMPACT_ERROR_MISSING_FIELD },
    { "data/invalid/missing-organisation-name.json", IMPACT_ERROR_MISSING_FIELD },
    { "data/invalid/unsupported-format.json", IMPACT_ERROR_INVALID_VALUE },
    { "data/invalid/bad-colour.json", IMPACT_ERROR_INVALID_VALUE },
    { "data/invalid/root-not-object.json", IMPACT_ERROR_INVALID_VALUE },
    /* the first error in document order decides */
    { "data/invalid/multiple-errors.json", IMPACT_ERROR_MISSING_FIELD },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpactDocument) doc = load_fixture (cases[i].fixture, NULL, &error);

      g_test_message ("%s", cases[i].fixture);
      g_assert_null (doc);
      g_assert_error (error, IMPACT_ERROR, (int) cases[i].code);
    }
}

static void
test_diagnostic_fields (void)
{
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  const ImpactDiagnostic *diag;

  /* Earlier entries of the caller are kept */
  impact_diagnostics_add (diagnostics, IMPACT_SEVERITY_WARNING, "other", 0, 0, NULL, "before");

  doc = load_fixture ("data/invalid/bad-date.json", diagnostics, &error);
  g_assert_null (doc);
  g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, 6);
  diag = impact_diagnostics_get_item (diagnostics, 1);
  g_assert_cmpint (diag->severity, ==, IMPACT_SEVERITY_ERROR);
  g_assert_cmpstr (diag->file, ==, "bad-date.json");
  g_assert_cmpuint (diag->line, ==, 11);
  g_assert_cmpuint (diag->column, ==, 15);
  g_assert_cmpstr (diag->path, ==, "milestones[3].date");
  g_assert_cmpstr (diag->message, ==, "expected YYYY, YYYY-MM or YYYY-MM-DD, got \"2006-13\"");
}

/* The line of a bad date is right wherever it is, with any layout around. */
static void
test_position_of_bad_date (void)
{
  for (guint n_before = 0; n_before < 40; n_before += 7)
    {
      GString *json = g_string_new ("{\n  \"format\": \"1\",\n  \"office\": \"Kolkata\",\n"
                                    "  \"organisation\": {\"name\": \"IJM\"},\n"
                                    "  \"milestones\": [\n");
      g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpactDocument) doc = NULL;
      g_autofree char *expected = NULL;
      const ImpactDiagnostic *diag;
      guint line = 6;

      for (guint i = 0; i < n_before; i++)
        {
          /* items of different shapes and line counts */
          if (i % 3 == 0)
            g_string_append (json, "    {\"date\": \"2006\", \"title\": \"a\"},\n");
          else if (i % 3 == 1)
            g_string_append (json, "    {\n      \"title\": \"b\",\n      \"date\": \"2007-01\",\n"
                                   "      \"metrics\": {\"rescued\": 1}\n    },\n");
          else
            g_string_append (json, "    {\"date\": \"2008-02-29\",\n     \"title\": \"c\\n\\\"d\\\"\"},\n");
          line += i % 3 == 0 ? 1 : i % 3 == 1 ? 5 : 2;
        }
      g_string_append (json, "    {\"title\": \"bad\", \"date\": \"2006-13\"}\n  ]\n}\n");

      doc = load_string (json->str, diagnostics, &error);
      g_string_free (json, TRUE);
      g_assert_null (doc);
      g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, 1);
      diag = impact_diagnostics_get_item (diagnostics, 0);
      g_assert_cmpuint (diag->line, ==, line);
      g_assert_cmpuint (diag->column, ==, 30);
      expected = g_strdup_printf ("test.json:%u:30: milestones[%u].date: expected YYYY, "
                                  "YYYY-MM or YYYY-MM-DD, got \"2006-13\"", line, n_before);
      g_assert_cmpstr (error->message, ==, expected);
    }
}

/* Columns count characters, not bytes: "é" is two bytes, so counting
 * bytes would give column 40. */
static void
test_position_counts_characters (void)
{
  g_autofree char *json = document_with ("\"title\": \"Café\", \"theme\": {\"primary\": \"bleu\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = load_string (json, NULL, &error);

  g_assert_null (doc);
  g_assert_cmpstr (error->message, ==,
                   "test.json:4:39: theme.primary: expected a colour as #rrggbb, got \"bleu\"");
}

static void
test_load_data_names (void)
{
  g_autoptr(GFile) base = g_file_new_for_path ("/srv/sheets/dhaka.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autofree char *json = document_with ("\"problem\": {\"body\": 42}");
  g_autofree char *logo_path = NULL;
  g_autoptr(GFile) logo = NULL;

  doc = impact_json_loader_load_data (json, strlen (json), "unsaved.json", base, NULL, &error);
  g_assert_null (doc);
  g_assert_cmpstr (error->message, ==, "unsaved.json:4:21: problem.body: expected a string, got a number");
  g_clear_error (&error);

  g_free (json);
  json = document_with ("");
  doc = impact_json_loader_load_data (json, strlen (json), "unsaved.json", base, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (impact_document_get_file (doc) == base);
  logo = impact_document_resolve_path (doc, "img/logo.png");
  logo_path = g_file_get_path (logo);
  g_assert_cmpstr (logo_path, ==, "/srv/sheets/img/logo.png");
}

static void
test_load_file_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = load_fixture ("data/valid/does-not-exist.json", NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_invalid_utf8 (void)
{
  /* "Caf\xc3" then "(": a truncated sequence on line 2, column 14 */
  const char json[] = "{\"format\": \"1\",\n\"office\": \"Caf\xc3(\",\n"
                      "\"organisation\": {\"name\": \"IJM\"}}";
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;

  doc = impact_json_loader_load_data (json, sizeof json - 1, "latin1.json", NULL, diagnostics, &error);
  g_assert_null (doc);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==,
                   "latin1.json:2:15: invalid UTF-8 (byte 0xC3); save the file as UTF-8");
  g_assert_cmpuint (impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_ERROR), ==, 1);
}

static void
test_nul_byte (void)
{
  /* A NUL inside the office: must not be cut short to "Kolk" */
  const char json[] = "{\"format\": \"1\",\n\"office\": \"Kolk\0ata\",\n"
                      "\"organisation\": {\"name\": \"IJM\"}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;

  doc = impact_json_loader_load_data (json, sizeof json - 1, "nul.json", NULL, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==,
                   "nul.json:2:16: NUL byte in the data; this is not a JSON text file");
  g_clear_error (&error);

  /* the escaped form is refused too */
  doc = load_string ("{\"format\": \"1\", \"office\": \"Kolk\\u0000ata\"}", NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==,
                   "test.json:1:32: syntax error: \\u0000 (a NUL character) is not allowed in strings");
}

static void
test_lone_surrogate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = load_string ("{\"title\": \"\\ud83d!\"}", NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==,
                   "test.json:1:12: syntax error: \\uD83D is a high surrogate without a low surrogate after it");
}

/* Caps */

static void
test_deep_nesting (void)
{
  const guint depth = 10000;
  GString *json = g_string_new ("{\"format\": \"1\",\n \"x-deep\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, ']');
  g_string_append (json, "}");

  doc = impact_json_loader_load_data (json->str, json->len, "deep.json", NULL, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE);
  /* the root object is level 1, so the 64th '[' (column 12 + 63) is level 65 */
  g_assert_cmpstr (error->message, ==,
                   "deep.json:2:75: nesting deeper than 64 levels of arrays and objects");
  g_clear_error (&error);

  /* unbalanced: never closed, far deeper */
  g_string_truncate (json, 0);
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');
  doc = impact_json_loader_load_data (json->str, json->len, "deep.json", NULL, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE);
  g_string_free (json, TRUE);
}

static void
test_nesting_at_limit (void)
{
  GString *inner = g_string_new (NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;

  /* the root is level 1: 63 more are allowed */
  for (guint i = 0; i < IMPACT_LOADER_MAX_DEPTH - 1; i++)
    g_string_append_c (inner, '[');
  for (guint i = 0; i < IMPACT_LOADER_MAX_DEPTH - 1; i++)
    g_string_append_c (inner, ']');
  g_string_prepend (inner, "\"x-deep\": ");
  json = document_with (inner->str);
  g_string_free (inner, TRUE);

  doc = load_string (json, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
}

static void
test_huge_string (void)
{
  GString *title = g_string_new ("\"title\": \"");
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;

  /* exactly at the cap, counted after decoding escapes: fine */
  for (guint i = 0; i < IMPACT_LOADER_MAX_STRING / 2; i++)
    g_string_append (title, "\\u00e9");
  g_string_append_c (title, '"');
  json = document_with (title->str);
  doc = load_string (json, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (impact_document_get_title (doc)), ==, IMPACT_LOADER_MAX_STRING);
  g_clear_object (&doc);
  g_clear_pointer (&json, g_free);

  /* one byte more */
  g_string_insert_c (title, title->len - 1, 'x');
  json = document_with (title->str);
  doc = load_string (json, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "test.json:4:10: title: string longer than 65536 bytes");
  g_clear_error (&error);
  g_clear_pointer (&json, g_free);
  g_string_free (title, TRUE);

  /* nested, and as a member name */
  title = g_string_new ("\"facts\": [{\"text\": \"ok\"}, {\"text\": \"");
  for (guint i = 0; i <= IMPACT_LOADER_MAX_STRING; i++)
    g_string_append_c (title, 'a');
  g_string_append (title, "\"}]");
  json = document_with (title->str);
  doc = load_string (json, NULL, &error);
  g_assert_cmpstr (error->message, ==, "test.json:4:36: facts[1].text: string longer than 65536 bytes");
  g_clear_error (&error);
  g_clear_pointer (&json, g_free);
  g_string_free (title, TRUE);

  title = g_string_new ("\"problem\": {\"");
  for (guint i = 0; i <= IMPACT_LOADER_MAX_STRING; i++)
    g_string_append_c (title, 'k');
  g_string_append (title, "\": 1}");
  json = document_with (title->str);
  doc = load_string (json, NULL, &error);
  g_assert_cmpstr (error->message, ==, "test.json:4:13: problem: string longer than 65536 bytes");
  g_string_free (title, TRUE);
}

static void
test_too_many_items (void)
{
  GString *json = g_string_new ("{\"format\": \"1\",\n\"office\": \"Kolkata\",\n"
                                "\"organisation\": {\"name\": \"IJM\"},\n\"x-list\": [");
  gsize list_start;
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;

  for (guint i = 0; i < IMPACT_LOADER_MAX_ITEMS; i++)
    g_string_append (json, i ? ",0" : "0");
  list_start = json->len;

  /* exactly at the cap: fine */
  g_string_append (json, "]}");
  doc = load_string (json->str, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_clear_object (&doc);

  /* one more, followed by a syntax error: failing fast means the cap is
   * reported, not the later syntax error (nor anything json-glib says) */
  g_string_truncate (json, list_start);
  g_string_append (json, ",0, @]}");
  doc = load_string (json->str, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "test.json:4:11: x-list: array with more than 200000 elements");
  g_clear_error (&error);

  /* objects too */
  g_string_assign (json, "{\"x-map\": {");
  for (guint i = 0; i <= IMPACT_LOADER_MAX_ITEMS; i++)
    g_string_append_printf (json, "%s\"k%u\": 0", i ? "," : "", i);
  g_string_append (json, "}}");
  doc = load_string (json->str, NULL, &error);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "test.json:1:11: x-map: object with more than 200000 members");
  g_string_free (json, TRUE);
}

static void
test_file_too_large (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autofree char *data = NULL;
  gsize size = IMPACT_LOADER_MAX_FILE_SIZE + 1;

  /* a sparse file: refused by its size, before reading */
  g_assert_true (g_file_set_contents (path, "{", 1, NULL));
  g_assert_cmpint (truncate (path, (off_t) size), ==, 0);
  doc = impact_json_loader_load_file (file, diagnostics, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "huge.json: the file is too large (33554433 bytes; the limit is 33554432 bytes)");
  g_assert_cmpuint (impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_ERROR), ==, 1);
  g_clear_error (&error);

  /* the same through load_data */
  data = g_malloc (size);
  memset (data, ' ', size);
  doc = impact_json_loader_load_data (data, size, "huge.json", NULL, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "huge.json: the file is too large (33554433 bytes; the limit is 33554432 bytes)");
}

/* Every prefix of a valid file is refused cleanly, never crashes. */
static void
test_truncated_prefixes (void)
{
  g_autofree char *path = impact_test_data_path ("data/valid/full.json");
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* trailing white space aside, every prefix is incomplete */
  while (length > 0 && g_ascii_isspace (contents[length - 1]))
    length--;
  for (gsize n = 0; n < length; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpactDocument) doc = NULL;

      doc = impact_json_loader_load_data (contents, n, "cut.json", NULL, NULL, &error);
      g_assert_null (doc);
      g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_PARSE);
    }
}

/* Bytes replaced one at a time: whatever comes back is a clean answer. */
static void
test_corrupted_bytes (void)
{
  g_autofree char *path = impact_test_data_path ("data/valid/full.json");
  g_autofree char *contents = NULL;
  const char replacements[] = { '"', '{', '}', '[', ']', ',', ':', '\\', '0', 'x', '\n', '\0', '\xff' };
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize n = 0; n < length; n += 3)
    {
      g_autofree char *copy = g_memdup2 (contents, length);
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpactDocument) doc = NULL;

      copy[n] = replacements[n % G_N_ELEMENTS (replacements)];
      doc = impact_json_loader_load_data (copy, length, "bad.json", NULL, NULL, &error);
      g_assert_true ((doc == NULL) == (error != NULL));
      if (error != NULL)
        {
          g_assert_true (error->domain == IMPACT_ERROR);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
        }
    }
}

/* Warnings */

static void
test_unknown_members (void)
{
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autofree char *json = document_with ("\"milestone\": [],\n"
                                         "\"Title\": \"Kolkata\",\n"
                                         "\"statistics\": [{\"value\": 1, \"lable\": \"x\", \"label\": \"y\"}],\n"
                                         "\"colour\": \"blue\",\n"
                                         "\"quote\": {\"txet\": \"x\", \"text\": \"y\"},\n"
                                         "\"FOOTER\": {}");

  doc = load_string (json, diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  assert_single (diagnostics, IMPACT_SEVERITY_WARNING,
                 "test.json:4:1: unknown member \"milestone\"; did you mean \"milestones\"?\n"
                 "test.json:5:1: unknown member \"Title\"; did you mean \"title\"?\n"
                 "test.json:6:29: statistics[0]: unknown member \"lable\"; did you mean \"label\"?\n"
                 "test.json:7:1: unknown member \"colour\"\n"
                 "test.json:8:11: quote: unknown member \"txet\"; did you mean \"text\"?\n"
                 /* too far for the edit distance; only the case differs */
                 "test.json:9:1: unknown member \"FOOTER\"; did you mean \"footer\"?");
  /* unknown members are ignored */
  g_assert_null (impact_document_get_title (doc));
  g_assert_cmpuint (impact_document_get_milestones (doc)->len, ==, 0);
}

static void
test_extension_members (void)
{
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autofree char *json = document_with ("\"$schema\": \"impact-sheet.schema.json\",\n"
                                         "\"x-note\": {\"anything\": [1, null]},\n"
                                         "\"quote\": {\"text\": \"y\", \"x-note\": \"paraphrased\"},\n"
                                         "\"milestones\": [{\"date\": \"2006\", \"title\": \"t\", \"x-date-note\": \"?\"}]");

  doc = load_string (json, diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, 0);
}

static void
test_unclosed_emphasis (void)
{
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autofree char *json = document_with ("\"problem\": {\"body\": \"**6,000 women\"},\n"
                                         "\"facts\": [{\"text\": \"fine \\\\* literal\"}, {\"text\": \"an *open one\"}],\n"
                                         "\"footer\": {\"disclaimer\": \"* plain text, no check\"}");

  doc = load_string (json, diagnostics, &error);
  g_assert_no_error (error);
  assert_single (diagnostics, IMPACT_SEVERITY_WARNING,
                 "test.json:4:21: problem.body: unclosed ** or * emphasis marker; write \\* for a literal asterisk\n"
                 "test.json:5:50: facts[1].text: unclosed ** or * emphasis marker; write \\* for a literal asterisk");
  /* stored raw */
  g_assert_cmpstr (impact_document_get_problem (doc)->body, ==, "**6,000 women");
}

static void
test_unknown_icon (void)
{
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autofree char *json = document_with ("\"approach\": [{\"lead\": \"a\", \"text\": \"b\", \"icon\": \"gavel\"}]");
  const ImpactPillar *pillar;

  doc = load_string (json, diagnostics, &error);
  g_assert_no_error (error);
  assert_single (diagnostics, IMPACT_SEVERITY_WARNING,
                 "test.json:4:49: approach[0].icon: unknown icon \"gavel\"; the icons are: "
                 "check, scales, heart, pillar, people, shield, book, home, star, globe");
  pillar = g_ptr_array_index (impact_document_get_pillars (doc), 0);
  g_assert_null (pillar->icon);
}

static void
test_image_paths (void)
{
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autofree char *json = g_strdup ("{\"format\": \"1\", \"office\": \"K\",\n"
                                    "\"organisation\": {\"name\": \"IJM\", \"logo\": \"/home/me/logo.png\"},\n"
                                    "\"profile\": {\"name\": \"S\", \"photo\": \"https://example.org/s.jpg\"}}");

  doc = load_string (json, diagnostics, &error);
  g_assert_no_error (error);
  assert_single (diagnostics, IMPACT_SEVERITY_WARNING,
                 "test.json:2:41: organisation.logo: \"/home/me/logo.png\" is an absolute path; "
                 "give a path relative to the data file so that the sheet still finds it on another computer\n"
                 "test.json:3:35: profile.photo: \"https://example.org/s.jpg\" is a https URL; "
                 "images are only read from local files, give a path relative to the data file");
  /* kept as written */
  g_assert_cmpstr (impact_document_get_organisation (doc)->logo, ==, "/home/me/logo.png");
  g_clear_object (&doc);

  /* relative paths, file: and resource: URIs are fine */
  impact_diagnostics_clear (diagnostics);
  g_free (json);
  json = g_strdup ("{\"format\": \"1\", \"office\": \"K\",\n"
                   "\"organisation\": {\"name\": \"IJM\", \"logo\": \"resource:///org/logo.png\"},\n"
                   "\"profile\": {\"name\": \"S\", \"photo\": \"../photos/s.jpg\"}}");
  doc = load_string (json, diagnostics, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, 0);
}

static void
test_duplicate_member (void)
{
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autofree char *json = document_with ("\"title\": \"first\",\n\"title\": \"second\"");

  doc = load_string (json, diagnostics, &error);
  g_assert_no_error (error);
  assert_single (diagnostics, IMPACT_SEVERITY_WARNING,
                 "test.json:5:1: duplicate member \"title\"; only the last one is used");
  g_assert_cmpstr (impact_document_get_title (doc), ==, "second");
  g_clear_object (&doc);

  /* json-glib signals each duplicate too: later positions stay right */
  g_free (json);
  json = document_with ("\"title\": [1, {\"a\": 2}],\n\"title\": \"second\",\n"
                        "\"theme\": {\"accent\": \"#12345\"}");
  doc = load_string (json, NULL, &error);
  g_assert_null (doc);
  g_assert_cmpstr (error->message, ==,
                   "test.json:6:21: theme.accent: expected a colour as #rrggbb, got \"#12345\"");
}

static void
test_crlf_line_endings (void)
{
  const char *json = "{\r\n  \"format\": \"1\",\r\n  \"office\": \"K\",\r\n"
                     "  \"organisation\": {\"name\": \"IJM\"},\r\n"
                     "  \"eras\": [{\"start\": \"2010\", \"end\": \"2009\", \"title\": \"t\"}]\r\n}\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = load_string (json, NULL, &error);

  g_assert_null (doc);
  g_assert_cmpstr (error->message, ==,
                   "test.json:5:37: eras[0].end: the era ends (2009) before it starts (2010)");
}

static void
test_language_tag (void)
{
  const char *good[] = { "en", "bn", "ar", "pt-BR", "zh-Hant-TW", "es-419" };
  const char *bad[] = { "english", "e", "en_US", "en-", "" };

  for (guint i = 0; i < G_N_ELEMENTS (good) + G_N_ELEMENTS (bad); i++)
    {
      gboolean is_good = i < G_N_ELEMENTS (good);
      const char *tag = is_good ? good[i] : bad[i - G_N_ELEMENTS (good)];
      g_autofree char *extra = g_strdup_printf ("\"language\": \"%s\"", tag);
      g_autofree char *json = document_with (extra);
      g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpactDocument) doc = load_string (json, diagnostics, &error);

      g_test_message ("language %s", tag);
      g_assert_no_error (error);
      g_assert_cmpuint (impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_WARNING),
                        ==, is_good ? 0 : 1);
      g_assert_cmpstr (impact_document_get_language (doc), ==, tag);
    }
}

/* Warnings are given even when the load fails, in document order with the
 * errors. */
static void
test_warnings_with_errors (void)
{
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autofree char *json = document_with ("\"milestone\": [],\n\"theme\": {\"primary\": \"red\"}");
  const ImpactDiagnostic *diag;

  doc = load_string (json, diagnostics, &error);
  g_assert_null (doc);
  g_assert_cmpstr (error->message, ==,
                   "test.json:5:22: theme.primary: expected a colour as #rrggbb, got \"red\"");
  g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, 2);
  diag = impact_diagnostics_get_item (diagnostics, 0);
  g_assert_cmpint (diag->severity, ==, IMPACT_SEVERITY_WARNING);
  g_assert_cmpuint (diag->line, ==, 4);
  diag = impact_diagnostics_get_item (diagnostics, 1);
  g_assert_cmpint (diag->severity, ==, IMPACT_SEVERITY_ERROR);
  g_assert_cmpuint (diag->line, ==, 5);
}

/* The shipped example */

static void
test_example_kolkata (void)
{
  g_autofree char *path = impact_test_example_path ("kolkata.json");
  g_autoptr(GFile) file = NULL;
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autofree char *warnings = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("resources/examples/kolkata.json is not there");
      return;
    }

  file = g_file_new_for_path (path);
  doc = impact_json_loader_load_file (file, diagnostics, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  warnings = impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_WARNING);
  g_assert_cmpstr (warnings, ==, NULL);
  g_assert_cmpuint (impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_ERROR), ==, 0);
  g_assert_cmpstr (impact_document_get_office (doc), ==, "Kolkata, India");
  g_assert_cmpuint (impact_document_get_statistics (doc)->len, >, 0);
}

/* Derived statistics at the limits: a base or a count past 1e15 (beyond
 * which whole numbers soon stop being exact in a double: 2^53 is about
 * 9e15) and a sum that passes it are errors naming the member, never a
 * clamp or a silently skipped count. */
typedef struct
{
  const char *extra;
  const char *error;    /* the one error, without "file:line:col: "; NULL: loads */
  double      value;    /* of statistics[0] when it loads */
} DeriveCase;

static void
test_derive_limits (void)
{
  const DeriveCase cases[] = {
    /* a huge base */
    { "\"statistics\": [{\"label\": \"L\", \"derive\": {\"metric\": \"rescued\", \"base\": 10000000000000000}}]",
      "statistics[0].derive.base: out of range; the base must be between 0 and 1e15, got 10000000000000000", 0 },
    /* past what a 64-bit integer holds */
    { "\"statistics\": [{\"label\": \"L\", \"derive\": {\"metric\": \"rescued\", \"base\": 9223372036854775808}}]",
      "statistics[0].derive.base: expected a non-negative integer, got a number too large to read", 0 },
    /* negative */
    { "\"statistics\": [{\"label\": \"L\", \"derive\": {\"metric\": \"rescued\", \"base\": -1}}]",
      "statistics[0].derive.base: expected a non-negative integer, got -1", 0 },
    /* a count past the cap */
    { "\"statistics\": [{\"label\": \"L\", \"derive\": {\"metric\": \"rescued\"}}],\n"
      "\"milestones\": [{\"date\": \"2006\", \"title\": \"T\", \"metrics\": {\"rescued\": 2000000000000000}}]",
      "milestones[0].metrics.rescued: out of range; a count must be between 0 and 1e15, got 2000000000000000", 0 },
    /* each in range, the sum not */
    { "\"statistics\": [{\"label\": \"L\", \"derive\": {\"metric\": \"rescued\", \"base\": 400000000000000}}],\n"
      "\"milestones\": [{\"date\": \"2006\", \"title\": \"T\", \"metrics\": {\"rescued\": 300000000000000}},\n"
      "{\"date\": \"2007\", \"title\": \"U\", \"metrics\": {\"rescued\": 300000000000001}}]",
      "statistics[0].derive: the base plus the milestones' \"rescued\" add up to more than 1e15, the largest figure a statistic can show", 0 },
    /* exactly the cap: fine, and exact */
    { "\"statistics\": [{\"label\": \"L\", \"derive\": {\"metric\": \"rescued\", \"base\": 400000000000000}}],\n"
      "\"milestones\": [{\"date\": \"2006\", \"title\": \"T\", \"metrics\": {\"rescued\": 300000000000000}},\n"
      "{\"date\": \"2007\", \"title\": \"U\", \"metrics\": {\"rescued\": 300000000000000}}]",
      NULL, 1e15 },
    /* the base is counted */
    { "\"statistics\": [{\"label\": \"L\", \"derive\": {\"metric\": \"rescued\", \"base\": 426}}],\n"
      "\"milestones\": [{\"date\": \"2006\", \"title\": \"T\", \"metrics\": {\"rescued\": 9}}]",
      NULL, 435 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *json = document_with (cases[i].extra);
      g_autoptr(ImpactDocument) doc = load_string (json, diagnostics, &error);
      g_autofree char *errors = impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_ERROR);

      g_test_message ("case %u: %s", i, errors ? errors : "(no errors)");
      if (cases[i].error == NULL)
        {
          ImpactStatistic *stat;

          g_assert_no_error (error);
          g_assert_null (errors);
          stat = g_ptr_array_index (impact_document_get_statistics (doc), 0);
          g_assert_cmpfloat (stat->value, ==, cases[i].value);
        }
      else
        {
          const char *message;

          g_assert_null (doc);
          g_assert_cmpuint (impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_ERROR), ==, 1);
          /* "test.json:LINE:COL: " first */
          g_assert_true (g_str_has_prefix (errors, "test.json:"));
          message = strstr (errors, ": ");
          g_assert_nonnull (message);
          g_assert_cmpstr (message + 2, ==, cases[i].error);
        }
    }
}

/* One test per tests/data/invalid/<case>.json */
static void
add_invalid_cases (GPtrArray *paths)
{
  g_autofree char *dir_path = impact_test_data_path ("data/invalid");
  g_autoptr(GPtrArray) names = impact_test_json_names (dir_path);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *test_case = g_strndup (file, strlen (file) - strlen (".json"));
      g_autofree char *test_path = g_strconcat ("/json-loader/invalid/", test_case, NULL);
      char *path = g_build_filename (dir_path, file, NULL);

      g_ptr_array_add (paths, path);
      g_test_add_data_func (test_path, path, test_invalid_case);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) invalid_paths = g_ptr_array_new_with_free_func (g_free);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-loader/minimal", test_minimal);
  g_test_add_func ("/json-loader/full/clean", test_full_clean);
  g_test_add_func ("/json-loader/full/top-level", test_full_top_level);
  g_test_add_func ("/json-loader/full/organisation", test_full_organisation);
  g_test_add_func ("/json-loader/full/theme", test_full_theme);
  g_test_add_func ("/json-loader/full/problem", test_full_problem);
  g_test_add_func ("/json-loader/full/statistics", test_full_statistics);
  g_test_add_func ("/json-loader/derive-limits", test_derive_limits);
  g_test_add_func ("/json-loader/charts", test_charts);
  g_test_add_func ("/json-loader/full/facts", test_full_facts);
  g_test_add_func ("/json-loader/full/quote", test_full_quote);
  g_test_add_func ("/json-loader/full/approach", test_full_approach);
  g_test_add_func ("/json-loader/full/milestones", test_full_milestones);
  g_test_add_func ("/json-loader/full/eras", test_full_eras);
  g_test_add_func ("/json-loader/full/profile", test_full_profile);
  g_test_add_func ("/json-loader/full/footer", test_full_footer);
  g_test_add_func ("/json-loader/values/decimals-inference", test_decimals_inference);
  g_test_add_func ("/json-loader/values/strings-decoded", test_strings_decoded);
  g_test_add_func ("/json-loader/values/byte-order-mark", test_byte_order_mark);

  add_invalid_cases (invalid_paths);

  g_test_add_func ("/json-loader/errors/codes", test_error_codes);
  g_test_add_func ("/json-loader/errors/diagnostic-fields", test_diagnostic_fields);
  g_test_add_func ("/json-loader/errors/position-of-bad-date", test_position_of_bad_date);
  g_test_add_func ("/json-loader/errors/position-counts-characters", test_position_counts_characters);
  g_test_add_func ("/json-loader/errors/crlf-line-endings", test_crlf_line_endings);
  g_test_add_func ("/json-loader/errors/load-data-names", test_load_data_names);
  g_test_add_func ("/json-loader/errors/load-file-missing", test_load_file_missing);
  g_test_add_func ("/json-loader/errors/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/json-loader/errors/nul-byte", test_nul_byte);
  g_test_add_func ("/json-loader/errors/lone-surrogate", test_lone_surrogate);
  g_test_add_func ("/json-loader/errors/truncated-prefixes", test_truncated_prefixes);
  g_test_add_func ("/json-loader/errors/corrupted-bytes", test_corrupted_bytes);
  g_test_add_func ("/json-loader/caps/deep-nesting", test_deep_nesting);
  g_test_add_func ("/json-loader/caps/nesting-at-limit", test_nesting_at_limit);
  g_test_add_func ("/json-loader/caps/huge-string", test_huge_string);
  g_test_add_func ("/json-loader/caps/too-many-items", test_too_many_items);
  g_test_add_func ("/json-loader/caps/file-too-large", test_file_too_large);
  g_test_add_func ("/json-loader/warnings/unknown-members", test_unknown_members);
  g_test_add_func ("/json-loader/warnings/extension-members", test_extension_members);
  g_test_add_func ("/json-loader/warnings/unclosed-emphasis", test_unclosed_emphasis);
  g_test_add_func ("/json-loader/warnings/unknown-icon", test_unknown_icon);
  g_test_add_func ("/json-loader/warnings/image-paths", test_image_paths);
  g_test_add_func ("/json-loader/warnings/duplicate-member", test_duplicate_member);
  g_test_add_func ("/json-loader/warnings/language-tag", test_language_tag);
  g_test_add_func ("/json-loader/warnings/with-errors", test_warnings_with_errors);
  g_test_add_func ("/json-loader/example/kolkata", test_example_kolkata);

  return g_test_run ();
}
