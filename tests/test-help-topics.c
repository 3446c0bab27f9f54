/* test-help-topics.c: every kind of warning points to its page of the help
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "impact-help-topics.h"
#include "impact-json-loader.h"
#include "impact-preflight.h"
#include "impact-test-utils.h"
#include "impact-theme.h"

/* messages as the loader, layout and preflight word them */
static const struct
{
  const char *path;
  const char *message;
  const char *topic;
} cases[] = {
  { "statistics[0]", "no source; add a \"source\" so readers can check the figure", "fix-source" },
  { "facts[2]", "no source; add a \"source\" so readers can check the fact", "fix-source" },
  { "organisation.phone", "still the template's guidance: write your own text before printing (\"Phone\")", "fix-placeholder" },
  { "theme.primary", "text (#ffffff) on the primary colour (#f0f0f0) has a contrast of 1.13:1, below …", "fix-contrast" },
  { "profile.photo", "image \"p.png\" is 40 × 40 pixels, only 30 dpi at its printed size of 3.0 × 3.0 cm; …", "fix-image-resolution" },
  { "organisation.logo", "cannot use image \"logo.png\": not found; a placeholder is shown", "fix-image" },
  { "organisation.logo", "image \"logo.png\" is truncated or damaged: part of it prints grey", "fix-image" },
  { "profile.photo", "\"https://x/p.png\" is a https URL; images are only read from local files, …", "fix-image" },
  { "profile.photo", "\"/home/a/p.png\" is an absolute path; give a path relative to the data file …", "fix-image" },
  { "problem.body", "the fonts cannot draw \"ঀ\"; install a font that covers it", "fix-glyphs" },
  { "problem.body", "the front page overflows by 40 pt (about 3 lines of body text) …", "fix-overflow" },
  { "statistics", "5 statistics do not fit side by side; the sheet shows the first 3", "fix-overflow" },
  { "problem.body", "this text is far longer than a page can hold (90000 characters)", "fix-overflow" },
  { "milestones[0]", "unknown member \"titel\"; did you mean \"title\"?", "fix-unknown-member" },
  { "office", "duplicate member \"office\"; only the last one is used", "fix-unknown-member" },
  { "problem.body", "unclosed ** or * emphasis marker; write \\* for a literal asterisk", "fix-emphasis" },
  { "statistics[0].icon", "unknown icon \"hearts\"; the icons are: heart, …", "fix-icon" },
  { "language", "\"english\" does not look like a BCP 47 language tag such as \"en\"", "fix-language" },
  { "statistics[0].value", "the value 435 disagrees with the milestones: the sum of \"rescued\" is 11", "fix-derived-value" },
  { "theme.primary", "expected a colour as #rrggbb, got \"blue\"; using #1b365d", "fix-theme" },
  { "theme.template", "unknown template \"fancy\" (known: classic, bold); using classic", "fix-theme" },
  { "timelinejs", "events[2].media: a video cannot be printed", "fix-timelinejs" },
  { "brand", "cannot read the brand file", "fix-brand" },
  { "brandx", "something else entirely", NULL },
  { "office", "a message no rule knows", NULL },
};

static void
test_table (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ImpactDiagnostic diag = {
        .severity = IMPACT_SEVERITY_WARNING,
        .path = (char *) cases[i].path,
        .message = (char *) cases[i].message,
      };

      g_assert_cmpstr (impact_help_topic_for_diagnostic (&diag), ==, cases[i].topic);
    }
}

/* the preflight of a real file: each of its warnings has a page, and the
 * page is there in help/C */
static void
test_preflight_warnings_have_pages (void)
{
  g_autofree char *path = impact_test_data_path ("data/valid/preflight.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, diagnostics, NULL, &error);
  g_autoptr(ImpactTheme) theme = NULL;
  ImpactPageSize sizes[] = { IMPACT_PAGE_SIZE_LETTER, IMPACT_PAGE_SIZE_A4 };
  guint n_warnings = 0;

  g_assert_no_error (error);
  theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, diagnostics);
  impact_preflight_run (doc, theme, sizes, G_N_ELEMENTS (sizes), diagnostics);
  for (guint i = 0; i < impact_diagnostics_get_n_items (diagnostics); i++)
    {
      const ImpactDiagnostic *diag = impact_diagnostics_get_item (diagnostics, i);
      const char *topic;
      g_autofree char *page = NULL;
      g_autofree char *name = NULL;

      if (diag->severity != IMPACT_SEVERITY_WARNING)
        continue;
      n_warnings++;
      topic = impact_help_topic_for_diagnostic (diag);
      if (topic == NULL)
        g_error ("no help page for the warning %s: %s", diag->path, diag->message);
      name = g_strconcat ("../help/C/", topic, ".page", NULL);
      page = impact_test_data_path (name);
      g_assert_true (g_file_test (page, G_FILE_TEST_IS_REGULAR));
    }
  g_assert_cmpuint (n_warnings, >, 0);
}

static void
test_uri (void)
{
  g_autofree char *uri = impact_help_topic_uri ("fix-source");

  g_assert_cmpstr (uri, ==, "help:impact-sheet/fix-source");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/help-topics/table", test_table);
  g_test_add_func ("/help-topics/preflight", test_preflight_warnings_have_pages);
  g_test_add_func ("/help-topics/uri", test_uri);
  return g_test_run ();
}
