/* test-gui-units.c: the front end's pure functions (no display needed)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "impact-export-dialog.h"
#include "impact-outline-path.h"
#include "impact-print-operation.h"
#include "impact-sheet-preview.h"

typedef struct
{
  const char          *path;
  ImpactOutlineTarget  target;
  ImpactSection        section;
  int                  item;
} PathCase;

static const PathCase path_cases[] = {
  { "milestones[3].date", IMPACT_OUTLINE_TARGET_SECTION, IMPACT_SECTION_MILESTONES, 3 },
  { "milestones[12]", IMPACT_OUTLINE_TARGET_SECTION, IMPACT_SECTION_MILESTONES, 12 },
  { "statistics[0].label", IMPACT_OUTLINE_TARGET_SECTION, IMPACT_SECTION_STATISTICS, 0 },
  { "facts[2].source.url", IMPACT_OUTLINE_TARGET_SECTION, IMPACT_SECTION_FACTS, 2 },
  { "pillars[1].text", IMPACT_OUTLINE_TARGET_SECTION, IMPACT_SECTION_APPROACH, 1 },
  { "approach.pillars[2]", IMPACT_OUTLINE_TARGET_SECTION, IMPACT_SECTION_APPROACH, 2 },
  { "problem.body", IMPACT_OUTLINE_TARGET_SECTION, IMPACT_SECTION_PROBLEM, -1 },
  { "quote.text", IMPACT_OUTLINE_TARGET_SECTION, IMPACT_SECTION_QUOTE, -1 },
  { "profile.photo", IMPACT_OUTLINE_TARGET_SECTION, IMPACT_SECTION_PROFILE, -1 },
  { "organisation.logo", IMPACT_OUTLINE_TARGET_SECTION, IMPACT_SECTION_HEADER, -1 },
  { "organisation.phone", IMPACT_OUTLINE_TARGET_SECTION, IMPACT_SECTION_CONTACT, -1 },
  { "footer.disclaimer", IMPACT_OUTLINE_TARGET_SECTION, IMPACT_SECTION_FOOTER, -1 },
  { "office", IMPACT_OUTLINE_TARGET_SECTION, IMPACT_SECTION_HEADER, -1 },
  { "statistics_heading", IMPACT_OUTLINE_TARGET_SECTION, IMPACT_SECTION_STATISTICS, -1 },
  { "eras[1].end", IMPACT_OUTLINE_TARGET_SECTION, IMPACT_SECTION_MILESTONES, -1 },
  { "/milestones/7/title", IMPACT_OUTLINE_TARGET_SECTION, IMPACT_SECTION_MILESTONES, 7 },
  { "theme.accent", IMPACT_OUTLINE_TARGET_THEME, IMPACT_SECTION_HEADER, -1 },
  { "theme", IMPACT_OUTLINE_TARGET_THEME, IMPACT_SECTION_HEADER, -1 },
  { "$schema", IMPACT_OUTLINE_TARGET_NONE, IMPACT_SECTION_HEADER, -1 },
  { "", IMPACT_OUTLINE_TARGET_NONE, IMPACT_SECTION_HEADER, -1 },
  { NULL, IMPACT_OUTLINE_TARGET_NONE, IMPACT_SECTION_HEADER, -1 },
  { "milestones[99999999999]", IMPACT_OUTLINE_TARGET_SECTION, IMPACT_SECTION_MILESTONES, -1 },
  { "milestones[x]", IMPACT_OUTLINE_TARGET_SECTION, IMPACT_SECTION_MILESTONES, -1 },
};

static void
test_outline_path (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (path_cases); i++)
    {
      const PathCase *c = &path_cases[i];
      ImpactSection section = IMPACT_N_SECTIONS;
      int item = -5;
      ImpactOutlineTarget target = impact_outline_path_parse (c->path, &section, &item);

      g_test_message ("path %s", c->path ? c->path : "(null)");
      g_assert_cmpint (target, ==, c->target);
      if (target == IMPACT_OUTLINE_TARGET_SECTION)
        {
          g_assert_cmpint (section, ==, c->section);
          g_assert_cmpint (item, ==, c->item);
        }
    }
}

static void
test_zoom_steps (void)
{
  g_assert_cmpfloat (impact_sheet_preview_zoom_step_up (1.0), ==, 1.1);
  g_assert_cmpfloat (impact_sheet_preview_zoom_step_down (1.0), ==, 0.9);
  g_assert_cmpfloat (impact_sheet_preview_zoom_step_up (1.03), ==, 1.1);
  g_assert_cmpfloat (impact_sheet_preview_zoom_step_down (1.03), ==, 1.0);
  g_assert_cmpfloat (impact_sheet_preview_zoom_step_up (IMPACT_SHEET_PREVIEW_MAX_ZOOM), ==,
                     IMPACT_SHEET_PREVIEW_MAX_ZOOM);
  g_assert_cmpfloat (impact_sheet_preview_zoom_step_down (IMPACT_SHEET_PREVIEW_MIN_ZOOM), ==,
                     IMPACT_SHEET_PREVIEW_MIN_ZOOM);
}

static void
test_closest_paper (void)
{
  g_assert_cmpint (impact_print_operation_closest_size (210, 297), ==, IMPACT_PAGE_SIZE_A4);
  g_assert_cmpint (impact_print_operation_closest_size (297, 210), ==, IMPACT_PAGE_SIZE_A4);
  g_assert_cmpint (impact_print_operation_closest_size (215.9, 279.4), ==, IMPACT_PAGE_SIZE_LETTER);
  /* Legal is closer to Letter than to A4 in width */
  g_assert_cmpint (impact_print_operation_closest_size (215.9, 355.6), ==, IMPACT_PAGE_SIZE_A4);
}

static void
test_suggest_name (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/kolkata.json");
  g_autoptr(GFile) dotted = g_file_new_for_path ("/tmp/report.v2.json");
  g_autofree char *a = impact_export_dialog_suggest_name (file, IMPACT_EXPORT_FORMAT_PDF);
  g_autofree char *b = impact_export_dialog_suggest_name (dotted, IMPACT_EXPORT_FORMAT_PNG);
  g_autofree char *c = impact_export_dialog_suggest_name (NULL, IMPACT_EXPORT_FORMAT_SVG);

  g_assert_cmpstr (a, ==, "kolkata.pdf");
  g_assert_cmpstr (b, ==, "report.v2.png");
  g_assert_cmpstr (c, ==, "fact-sheet.svg");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gui/outline-path", test_outline_path);
  g_test_add_func ("/gui/zoom-steps", test_zoom_steps);
  g_test_add_func ("/gui/closest-paper", test_closest_paper);
  g_test_add_func ("/gui/export-suggest-name", test_suggest_name);

  return g_test_run ();
}
