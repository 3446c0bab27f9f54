/* test-gui-units.c: the front end's pure functions (no display needed)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "impact-editor-pane.h"
#include "impact-export-dialog.h"
#include "impact-json-loader.h"
#include "impact-undo-stack.h"
#include "impact-outline-path.h"
#include "impact-print-operation.h"
#include "impact-sheet-preview.h"
#include "impact-sheet-selection.h"

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

  /* the name follows the kind; the handout is always a PDF */
  {
    g_autofree char *card = impact_export_dialog_suggest_name_for_kind (file, IMPACT_EXPORT_KIND_STATS_CARD,
                                                                        IMPACT_EXPORT_FORMAT_PNG);
    g_autofree char *slide = impact_export_dialog_suggest_name_for_kind (file, IMPACT_EXPORT_KIND_TIMELINE_SLIDE,
                                                                         IMPACT_EXPORT_FORMAT_SVG);
    g_autofree char *handout = impact_export_dialog_suggest_name_for_kind (file, IMPACT_EXPORT_KIND_TIMELINE_HANDOUT,
                                                                           IMPACT_EXPORT_FORMAT_PNG);

    g_assert_cmpstr (card, ==, "kolkata-stats.png");
    g_assert_cmpstr (slide, ==, "kolkata-timeline.svg");
    g_assert_cmpstr (handout, ==, "kolkata-handout.pdf");
  }
}

static void
metrics_clear (gpointer data)
{
  g_free (((ImpactMetric *) data)->name);
}

static void
test_metrics_text (void)
{
  static const struct {
    const char *text;
    gboolean    ok;
    const char *formatted;
  } cases[] = {
    { "rescued: 2, arrested: 3", TRUE, "rescued: 2, arrested: 3" },
    { "  rescued:2 ,arrested :  3 ", TRUE, "rescued: 2, arrested: 3" },
    { "", TRUE, "" },
    { "survivors restored: 12", TRUE, "survivors restored: 12" },
    { "rescued 2", FALSE, NULL },
    { "rescued: -2", FALSE, NULL },
    { "rescued: 2.5", FALSE, NULL },
    { ": 4", FALSE, NULL },
    { "rescued: 1, rescued: 2", FALSE, NULL },
    { "rescued: 1000000000000000", TRUE, "rescued: 1000000000000000" },
    { "rescued: 1000000000000001", FALSE, NULL },
    { "rescued: 99999999999999999999", FALSE, NULL },   /* strtoll saturates */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) metrics = g_array_new (FALSE, TRUE, sizeof (ImpactMetric));
      gboolean ok;

      g_array_set_clear_func (metrics, metrics_clear);
      ok = impact_editor_parse_metrics (cases[i].text, metrics);
      g_test_message ("metrics %s", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_autofree char *formatted = impact_editor_format_metrics (metrics);

          g_assert_cmpstr (formatted, ==, cases[i].formatted);
        }
    }
}

static void
test_image_path (void)
{
  g_autoptr(GFile) doc = g_file_new_for_path ("/data/office/kolkata.json");
  g_autoptr(GFile) inside = g_file_new_for_path ("/data/office/photos/saji.jpg");
  g_autoptr(GFile) sibling = g_file_new_for_path ("/data/shared/logo.png");
  g_autoptr(GFile) far = g_file_new_for_path ("/elsewhere/logo.png");
  g_autofree char *a = impact_editor_image_path (doc, inside);
  g_autofree char *b = impact_editor_image_path (doc, sibling);
  g_autofree char *c = impact_editor_image_path (doc, far);
  g_autofree char *d = impact_editor_image_path (NULL, inside);

  g_assert_cmpstr (a, ==, "photos/saji.jpg");
  g_assert_cmpstr (b, ==, "../shared/logo.png");
  g_assert_cmpstr (c, ==, "/elsewhere/logo.png");
  g_assert_cmpstr (d, ==, "/data/office/photos/saji.jpg");
}

static void
test_key_from_path (void)
{
  g_autofree char *a = impact_editor_key_from_path ("statistics[0].value");
  g_autofree char *b = impact_editor_key_from_path ("problem.body");
  g_autofree char *c = impact_editor_key_from_path ("facts[12].source.url");
  g_autofree char *d = impact_editor_key_from_path (NULL);

  g_assert_cmpstr (a, ==, "statistics.0.value");
  g_assert_cmpstr (b, ==, "problem.body");
  g_assert_cmpstr (c, ==, "facts.12.source.url");
  g_assert_null (d);
}

static ImpactDocument *
small_document (void)
{
  const char *text = "{\"format\": \"1\", \"office\": \"K\", \"organisation\": {\"name\": \"O\"}}\n";
  g_autoptr(GError) error = NULL;
  ImpactDocument *doc = impact_json_loader_load_data (text, strlen (text), "t.json", NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* Coalescing, undo past a save, redo cut by a new edit */
static void
test_undo_stack (void)
{
  g_autoptr(ImpactDocument) doc = small_document ();
  g_autoptr(ImpactUndoStack) stack = impact_undo_stack_new (doc, NULL);
  g_autoptr(ImpactDocument) state = NULL;
  gint64 t = 1000 * G_TIME_SPAN_SECOND;

  impact_undo_stack_mark_saved (stack, impact_undo_stack_get_text (stack));
  g_assert_false (impact_undo_stack_is_dirty (stack));
  g_assert_false (impact_undo_stack_can_undo (stack));

  /* Three keystrokes in one field, quickly: one step */
  impact_document_set_office (doc, "Ko");
  impact_undo_stack_push (stack, doc, "office", t);
  impact_document_set_office (doc, "Kol");
  impact_undo_stack_push (stack, doc, "office", t + 300 * G_TIME_SPAN_MILLISECOND);
  impact_document_set_office (doc, "Kolk");
  impact_undo_stack_push (stack, doc, "office", t + 600 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpuint (impact_undo_stack_get_n_steps (stack), ==, 2);
  g_assert_true (impact_undo_stack_is_dirty (stack));

  /* After a pause, a new step; another field, another step */
  impact_document_set_office (doc, "Kolkata");
  impact_undo_stack_push (stack, doc, "office", t + 5 * G_TIME_SPAN_SECOND);
  impact_document_set_title (doc, "T");
  impact_undo_stack_push (stack, doc, "title", t + 5 * G_TIME_SPAN_SECOND);
  g_assert_cmpuint (impact_undo_stack_get_n_steps (stack), ==, 4);

  /* The same text again is no step */
  impact_undo_stack_push (stack, doc, NULL, t + 6 * G_TIME_SPAN_SECOND);
  g_assert_cmpuint (impact_undo_stack_get_n_steps (stack), ==, 4);

  impact_undo_stack_mark_saved (stack, impact_undo_stack_get_text (stack));
  g_assert_false (impact_undo_stack_is_dirty (stack));

  state = impact_undo_stack_undo (stack);
  g_assert_null (impact_document_get_title (state));
  g_assert_cmpstr (impact_document_get_office (state), ==, "Kolkata");
  g_assert_true (impact_undo_stack_is_dirty (stack));
  g_clear_object (&state);
  state = impact_undo_stack_undo (stack);
  g_assert_cmpstr (impact_document_get_office (state), ==, "Kolk");
  g_clear_object (&state);
  state = impact_undo_stack_redo (stack);
  g_assert_cmpstr (impact_document_get_office (state), ==, "Kolkata");
  g_assert_true (impact_undo_stack_can_redo (stack));

  /* A new edit drops what could be redone */
  impact_document_take_contents (doc, state);
  impact_document_set_subtitle (doc, "S");
  impact_undo_stack_push (stack, doc, "subtitle", t + 10 * G_TIME_SPAN_SECOND);
  g_assert_false (impact_undo_stack_can_redo (stack));
  g_assert_cmpuint (impact_undo_stack_get_n_steps (stack), ==, 4);
}

/* Print to File is named after the sheet and lands in its folder, as PDF,
 * whatever the last print wrote; the page is the whole paper */
static void
test_print_settings (void)
{
  g_autoptr(ImpactDocument) doc = impact_document_new ();
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/sheets/kolkata.json");
  g_autoptr(GtkPrintSettings) previous = gtk_print_settings_new ();
  g_autoptr(GtkPrintSettings) fresh = NULL;
  g_autoptr(GtkPrintSettings) named = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  gboolean full_page = FALSE;

  impact_document_set_office (doc, "Kolkata, India");
  fresh = impact_print_operation_prepare_settings (NULL, doc);
  g_assert_cmpstr (gtk_print_settings_get (fresh, GTK_PRINT_SETTINGS_OUTPUT_BASENAME), ==, "Kolkata, India");
  g_assert_cmpstr (gtk_print_settings_get (fresh, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT), ==, "pdf");
  g_assert_null (gtk_print_settings_get (fresh, GTK_PRINT_SETTINGS_OUTPUT_DIR));

  gtk_print_settings_set (previous, GTK_PRINT_SETTINGS_OUTPUT_URI, "file:///home/x/output.pdf");
  gtk_print_settings_set (previous, GTK_PRINT_SETTINGS_PRINTER, "Office Laser");
  impact_document_set_file (doc, file);
  named = impact_print_operation_prepare_settings (previous, doc);
  g_assert_cmpstr (gtk_print_settings_get (named, GTK_PRINT_SETTINGS_OUTPUT_BASENAME), ==, "kolkata");
  g_assert_null (gtk_print_settings_get (named, GTK_PRINT_SETTINGS_OUTPUT_URI));
  g_assert_cmpstr (gtk_print_settings_get (named, GTK_PRINT_SETTINGS_OUTPUT_DIR), ==, "file:///tmp/sheets");
  /* the rest of the last print's choices stay */
  g_assert_cmpstr (gtk_print_settings_get (named, GTK_PRINT_SETTINGS_PRINTER), ==, "Office Laser");
  /* and the previous settings are not changed */
  g_assert_cmpstr (gtk_print_settings_get (previous, GTK_PRINT_SETTINGS_OUTPUT_URI), ==, "file:///home/x/output.pdf");

  {
    g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);

    operation = GTK_PRINT_OPERATION (impact_print_operation_new (doc, theme, IMPACT_PAGE_SIZE_A4));
  }
  g_object_get (operation, "use-full-page", &full_page, NULL);
  g_assert_true (full_page);
}

/* Sheet parts and the editor fields that edit them, both ways */
static void
test_sheet_selection (void)
{
  static const struct { const char *key; ImpactSection section; int item; } keys[] = {
    { "office", IMPACT_SECTION_HEADER, -1 },
    { "title", IMPACT_SECTION_HEADER, -1 },
    { "organisation.name", IMPACT_SECTION_HEADER, -1 },
    { "organisation.logo_alt", IMPACT_SECTION_HEADER, -1 },
    { "organisation.phone", IMPACT_SECTION_CONTACT, -1 },
    { "problem.body", IMPACT_SECTION_PROBLEM, -1 },
    { "statistics_heading", IMPACT_SECTION_STATISTICS, -1 },
    { "statistics.0.value", IMPACT_SECTION_STATISTICS, 0 },
    { "statistics.12.derive.base", IMPACT_SECTION_STATISTICS, 12 },
    { "facts.3.source.url", IMPACT_SECTION_FACTS, 3 },
    { "quote.role", IMPACT_SECTION_QUOTE, -1 },
    { "approach.1.text", IMPACT_SECTION_APPROACH, 1 },
    { "milestones.40.title", IMPACT_SECTION_MILESTONES, 40 },
    { "profile.photo", IMPACT_SECTION_PROFILE, -1 },
    { "footer.copyright", IMPACT_SECTION_FOOTER, -1 },
  };
  static const char * const not_on_sheet[] = {
    "theme.accent", "eras.0.title", "add.1", "statisticsX", "statistics.x", "titles",
    "statistics.99999999999.value", "",
  };
  ImpactSection section;
  int item;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_assert_true (impact_sheet_selection_from_key (keys[i].key, &section, &item));
      g_assert_cmpint (section, ==, keys[i].section);
      g_assert_cmpint (item, ==, keys[i].item);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_on_sheet); i++)
    g_assert_false (impact_sheet_selection_from_key (not_on_sheet[i], &section, &item));
  g_assert_false (impact_sheet_selection_from_key (NULL, &section, &item));

  /* Every part has a first field, and that field shows the same part */
  for (int s = 0; s < IMPACT_N_SECTIONS; s++)
    for (int it = -1; it < 3; it++)
      {
        g_autofree char *key = impact_sheet_selection_key_for (s, it);
        g_autofree char *name = impact_sheet_selection_describe (s, it);

        g_assert_nonnull (key);
        g_assert_nonnull (name);
        g_assert_true (impact_sheet_selection_from_key (key, &section, &item));
        if (s == IMPACT_SECTION_SOURCES)
          continue;   /* the sources are edited in what cites them */
        g_assert_cmpint (section, ==, s);
        if (s == IMPACT_SECTION_STATISTICS || s == IMPACT_SECTION_FACTS ||
            s == IMPACT_SECTION_APPROACH || s == IMPACT_SECTION_MILESTONES)
          g_assert_cmpint (item, ==, MAX (it, 0));
      }
  {
    g_autofree char *name = impact_sheet_selection_describe (IMPACT_SECTION_STATISTICS, 1);

    g_assert_cmpstr (name, ==, "Statistic 2");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gui/outline-path", test_outline_path);
  g_test_add_func ("/gui/sheet-selection", test_sheet_selection);
  g_test_add_func ("/gui/zoom-steps", test_zoom_steps);
  g_test_add_func ("/gui/closest-paper", test_closest_paper);
  g_test_add_func ("/gui/print-settings", test_print_settings);
  g_test_add_func ("/gui/export-suggest-name", test_suggest_name);
  g_test_add_func ("/gui/editor/metrics-text", test_metrics_text);
  g_test_add_func ("/gui/editor/image-path", test_image_path);
  g_test_add_func ("/gui/undo-stack", test_undo_stack);
  g_test_add_func ("/gui/editor/key-from-path", test_key_from_path);

  return g_test_run ();
}
