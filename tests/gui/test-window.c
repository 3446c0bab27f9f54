/* test-window.c: the real window under Xvfb: example, live reload, invalid
 * files, export, zoom and the outline; the recent menu, a 360 px window,
 * the export dialog's paper, the dark timeline and the errors window
 *
 * Every wait iterates the main loop until a condition holds, failing after
 * a timeout; nothing relies on a fixed sleep.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "impact-application.h"
#include "impact-export-dialog.h"
#include "impact-outline-row.h"
#include "impact-gui-test-utils.h"
#include "impact-test-utils.h"
#include "impact-presenter-window.h"
#include "impact-outline-pane.h"
#include "impact-timeline-view.h"
#include "impact-window.h"

#define EXAMPLE_URI "resource:///io/github/impactsheet/ImpactSheet/examples/kolkata.json"

static ImpactApplication *app;

static gboolean
preview_drawn (gpointer data)
{
  return impact_sheet_preview_get_first_draw_time (impact_window_get_preview (data)) != 0;
}

static gboolean
has_error (gpointer data)
{
  return impact_window_get_error (data) != NULL;
}

static gboolean
has_no_error (gpointer data)
{
  ImpactWindow *window = data;

  return impact_window_get_error (window) == NULL && !impact_window_get_busy (window);
}

static gboolean
not_busy (gpointer data)
{
  return !impact_window_get_busy (data);
}

typedef struct
{
  ImpactWindow *window;
  const char   *title;
} TitleCheck;

static gboolean
title_is (gpointer data)
{
  TitleCheck *check = data;

  ImpactDocument *doc = impact_window_get_document (check->window);

  return doc != NULL && g_strcmp0 (impact_document_get_office (doc), check->title) == 0;
}

typedef struct
{
  ImpactWindow *window;
  ImpactDocument *old;
} DocumentCheck;

static gboolean
document_replaced (gpointer data)
{
  DocumentCheck *check = data;
  ImpactDocument *doc = impact_window_get_document (check->window);

  return doc != NULL && doc != check->old && !impact_window_get_busy (check->window);
}

static gboolean
scrolled_down (gpointer data)
{
  ImpactWindow *window = data;
  GtkScrollable *scrollable = GTK_SCROLLABLE (impact_window_get_preview (window));

  return gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (scrollable)) > 100;
}

static ImpactWindow *
open_window (GFile *file)
{
  ImpactWindow *window = IMPACT_WINDOW (impact_application_open_file (app, file, NULL));

  g_assert_true (IMPACT_IS_WINDOW (window));
  return window;
}

static void
close_window (ImpactWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  impact_gui_test_wait_for (impact_gui_test_no_windows, app, "the window to go away");
}

/* A writable copy of the example in a fresh folder */
static GFile *
copy_example (const char *dir)
{
  g_autoptr(GFile) example = g_file_new_for_uri (EXAMPLE_URI);
  g_autofree char *path = g_build_filename (dir, "doc.json", NULL);
  GFile *copy = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_file_copy (example, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return copy;
}

static void
write_file (GFile      *file,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  /* Temporary file + rename, as most editors save */
  g_file_set_contents (g_file_peek_path (file), contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_example (void)
{
  g_autoptr(GFile) file = g_file_new_for_uri (EXAMPLE_URI);
  ImpactWindow *window = open_window (file);
  GtkWidget *row;

  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the example to load"));
  g_assert_cmpuint (impact_sheet_preview_get_n_pages (impact_window_get_preview (window)), ==, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (impact_gui_test_find_stack (GTK_WIDGET (window), "document"))), ==, "document");
  g_assert_null (impact_window_get_error (window));
  g_assert_true (impact_gui_test_wait_for (preview_drawn, window, "the first drawn preview"));
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (impact_gui_test_find_named (GTK_WIDGET (window), "window-title"))), ==, "kolkata.json");
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (impact_gui_test_find_named (GTK_WIDGET (window), "window-title"))), ==, "Built-in example");

  /* The outline lists every statistic, and picking a milestone scrolls to it */
  g_assert_nonnull (impact_outline_pane_find_row (IMPACT_OUTLINE_PANE (impact_gui_test_find_type (GTK_WIDGET (window), IMPACT_TYPE_OUTLINE_PANE)), IMPACT_SECTION_STATISTICS, 0));
  g_assert_nonnull (impact_outline_pane_find_row (IMPACT_OUTLINE_PANE (impact_gui_test_find_type (GTK_WIDGET (window), IMPACT_TYPE_OUTLINE_PANE)), IMPACT_SECTION_STATISTICS,
                                                  impact_document_get_statistics (impact_window_get_document (window))->len - 1));
  row = impact_outline_pane_find_row (IMPACT_OUTLINE_PANE (impact_gui_test_find_type (GTK_WIDGET (window), IMPACT_TYPE_OUTLINE_PANE)), IMPACT_SECTION_MILESTONES, -1);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  g_assert_true (impact_gui_test_wait_for (scrolled_down, window, "the preview to scroll to the milestones"));

  close_window (window);
}

static gboolean
has_presenter (gpointer data)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (IMPACT_IS_PRESENTER_WINDOW (l->data))
      {
        *(ImpactPresenterWindow **) data = l->data;
        return TRUE;
      }
  return FALSE;
}

static void
test_timeline_and_present (void)
{
  g_autoptr(GFile) file = g_file_new_for_uri (EXAMPLE_URI);
  ImpactWindow *window = open_window (file);
  ImpactPresenterWindow *presenter = NULL;
  ImpactDocument *doc;

  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the example to load"));
  doc = impact_window_get_document (window);

  /* the Timeline page beside the sheet shows the same document */
  g_assert_true (impact_timeline_view_get_document (IMPACT_TIMELINE_VIEW (impact_gui_test_find_type (GTK_WIDGET (window), IMPACT_TYPE_TIMELINE_VIEW))) == doc);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (impact_gui_test_find_stack (GTK_WIDGET (window), "timeline")), "timeline");
  g_assert_true (adw_view_stack_get_visible_child (ADW_VIEW_STACK (impact_gui_test_find_stack (GTK_WIDGET (window), "timeline"))) == GTK_WIDGET (IMPACT_TIMELINE_VIEW (impact_gui_test_find_type (GTK_WIDGET (window), IMPACT_TYPE_TIMELINE_VIEW))));

  /* F5's action opens the presenter with a slide per milestone after the
   * statistics' title slide (one monitor here: no question asked) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  g_assert_true (impact_gui_test_wait_for (has_presenter, &presenter, "the presenter window"));
  g_assert_cmpint (impact_presenter_window_get_n_slides (presenter), ==,
                   (int) impact_document_get_milestones (doc)->len + 1);
  gtk_window_destroy (GTK_WINDOW (presenter));

  close_window (window);
}

static void
test_open_timelinejs (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "timeline", "data", "timelinejs-all.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ImpactWindow *window = open_window (file);
  ImpactDocument *doc;

  /* a Knight Lab TimelineJS file opens converted, with its milestones */
  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the TimelineJS file to open"));
  doc = impact_window_get_document (window);
  g_assert_cmpuint (impact_document_get_milestones (doc)->len, >, 0);
  g_assert_null (impact_window_get_error (window));
  g_assert_nonnull (impact_session_get_result (impact_window_get_session (window))->imported_from);
  g_assert_true (g_file_equal (impact_session_get_result (impact_window_get_session (window))->imported_from, file));
  /* what could not be mapped is reported, not dropped */
  {
    g_autoptr(ImpactDiagnostics) diagnostics = impact_load_result_dup_diagnostics (impact_session_get_result (impact_window_get_session (window)));
    gboolean reported = FALSE;

    for (guint i = 0; i < impact_diagnostics_get_n_items (diagnostics); i++)
      if (g_strcmp0 (impact_diagnostics_get_item (diagnostics, i)->path, "timelinejs") == 0)
        reported = TRUE;
    g_assert_true (reported);
  }
  close_window (window);
}

static void
test_invalid_keeps_document (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir);
  ImpactWindow *window = open_window (file);
  DocumentCheck check = { window, NULL };
  ImpactDocument *good;

  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the document to load"));
  good = impact_window_get_document (window);

  /* A syntax error on line 3 */
  write_file (file, "{\n  \"format\": \"1\",\n  \"office\": oops\n}\n");
  g_assert_true (impact_gui_test_wait_for (has_error, window, "the banner"));

  g_test_message ("error: %s", impact_window_get_error (window));
  g_assert_nonnull (strstr (impact_window_get_error (window), "doc.json:3:"));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (impact_gui_test_find_named (GTK_WIDGET (window), "banner"))));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (impact_gui_test_find_named (GTK_WIDGET (window), "banner-label"))), ":3:"));

  /* The preview keeps the last good document */
  g_assert_true (impact_window_get_document (window) == good);
  g_assert_cmpuint (impact_sheet_preview_get_n_pages (impact_window_get_preview (window)), ==, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (impact_gui_test_find_stack (GTK_WIDGET (window), "document"))), ==, "document");

  /* Fixing the file hides the banner and shows the new document */
  g_object_unref (copy_example (dir));
  check.old = good;
  g_assert_true (impact_gui_test_wait_for (document_replaced, &check, "the fixed document"));
  g_assert_true (impact_gui_test_wait_for (has_no_error, window, "the banner to go"));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (impact_gui_test_find_named (GTK_WIDGET (window), "banner"))));

  close_window (window);
}

static void
test_invalid_first (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "broken.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ImpactWindow *window;

  write_file (file, "{\n  \"format\": \"1\",\n\n  \"office\": [1,\n}\n");
  window = open_window (file);

  g_assert_true (impact_gui_test_wait_for (has_error, window, "the error"));
  g_test_message ("error: %s", impact_window_get_error (window));
  g_assert_true (g_str_has_prefix (impact_window_get_error (window), "broken.json:"));
  g_assert_null (impact_window_get_document (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (impact_gui_test_find_stack (GTK_WIDGET (window), "document"))), ==, "error");

  close_window (window);
}

/* The error page shows the message as written, though it quotes the
 * document: "&" and "<b>" are text, not markup */
static void
test_invalid_first_literal (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "quoted.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *description;
  ImpactWindow *window;

  write_file (file, "{ \"format\": \"1 & <b>2</b>\", \"office\": \"X\", "
                    "\"organisation\": { \"name\": \"Y\" } }\n");
  window = open_window (file);

  g_assert_true (impact_gui_test_wait_for (has_error, window, "the error"));
  g_assert_nonnull (strstr (impact_window_get_error (window), "\"1 & <b>2</b>\""));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (impact_gui_test_find_stack (GTK_WIDGET (window), "document"))), ==, "error");
  /* the status page's description is markup: what it shows must be the
   * message itself */
  description = adw_status_page_get_description (ADW_STATUS_PAGE (impact_gui_test_find_named (GTK_WIDGET (window), "error-page")));
  {
    g_autofree char *shown = NULL;

    g_assert_true (pango_parse_markup (description, -1, 0, NULL, &shown, NULL, NULL));
    g_assert_cmpstr (shown, ==, impact_window_get_error (window));
  }

  close_window (window);
}

static void
test_live_reload (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir);
  ImpactWindow *window = open_window (file);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TitleCheck check = { window, "Live Reload Office" };
  DocumentCheck replaced = { window, NULL };

  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the document to load"));
  replaced.old = impact_window_get_document (window);

  json_parser_load_from_file (parser, g_file_peek_path (file), &error);
  g_assert_no_error (error);
  json_object_set_string_member (json_node_get_object (json_parser_get_root (parser)),
                                 "office", check.title);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  write_file (file, text);

  g_assert_true (impact_gui_test_wait_for (document_replaced, &replaced, "the reloaded document"));
  g_assert_true (impact_gui_test_wait_for (title_is, &check, "the new title"));
  g_assert_cmpstr (impact_document_get_office (impact_window_get_document (window)), ==, check.title);
  g_assert_cmpuint (impact_sheet_preview_get_n_pages (impact_window_get_preview (window)), ==, 2);

  close_window (window);
}

static void
test_export_pdf (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *output = g_build_filename (dir, "sheet.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_uri (EXAMPLE_URI);
  ImpactWindow *window = open_window (file);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GPtrArray *exported;

  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the example to load"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "s", output));
  g_assert_true (impact_window_get_busy (window));
  g_assert_true (impact_gui_test_wait_for (not_busy, window, "the export"));

  exported = impact_window_get_exported (window);
  g_assert_nonnull (exported);
  g_assert_cmpuint (exported->len, ==, 1);
  g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));

  if (impact_test_have_program ("pdfinfo"))
    {
      const char *argv[] = { "pdfinfo", output, NULL };

      g_assert_cmpint (impact_test_run (argv, &out, &err), ==, 0);
      g_assert_nonnull (strstr (out, "Pages:"));
      g_assert_true (g_regex_match_simple ("Pages:\\s+2", out, 0, 0));
    }
  else
    g_test_message ("pdfinfo not found: only checked that the file exists");

  close_window (window);
}

static void
test_zoom (void)
{
  g_autoptr(GFile) file = g_file_new_for_uri (EXAMPLE_URI);
  ImpactWindow *window = open_window (file);
  ImpactSheetPreview *preview;
  double fit_zoom;

  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the example to load"));
  preview = impact_window_get_preview (window);
  g_assert_true (impact_gui_test_wait_for (preview_drawn, window, "the first drawn preview"));
  g_assert_true (impact_sheet_preview_get_zoom_to_fit (preview));
  fit_zoom = impact_sheet_preview_get_zoom (preview);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_false (impact_sheet_preview_get_zoom_to_fit (preview));
  g_assert_cmpfloat (impact_sheet_preview_get_zoom (preview), >, fit_zoom);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-original", NULL);
  g_assert_cmpfloat_with_epsilon (impact_sheet_preview_get_zoom (preview), 1.0, 1e-9);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (impact_gui_test_find_named (GTK_WIDGET (window), "zoom-label"))), ==, "100%");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  g_assert_cmpfloat (impact_sheet_preview_get_zoom (preview), <, 1.0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit", NULL);
  g_assert_true (impact_sheet_preview_get_zoom_to_fit (preview));

  close_window (window);
}

static void
test_page_size (void)
{
  g_autoptr(GFile) file = g_file_new_for_uri (EXAMPLE_URI);
  ImpactWindow *window = open_window (file);
  ImpactSheetLayout *layout;
  double width = 0, height = 0;

  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the example to load"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.page-size", "s", "a4");
  layout = impact_sheet_preview_get_layout (impact_window_get_preview (window));
  g_assert_nonnull (layout);
  impact_sheet_layout_get_page_extent (layout, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.5);
  g_assert_cmpuint (impact_sheet_preview_get_n_pages (impact_window_get_preview (window)), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.page-size", "s", "letter");
  impact_sheet_layout_get_page_extent (impact_sheet_preview_get_layout (impact_window_get_preview (window)), &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 612.0, 0.5);

  close_window (window);
}

static void
test_empty_window (void)
{
  g_autoptr(GFile) file = g_file_new_for_uri (EXAMPLE_URI);
  ImpactWindow *window = impact_window_new (app);
  ImpactWindow *opened;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (impact_window_is_empty (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (impact_gui_test_find_stack (GTK_WIDGET (window), "document"))), ==, "empty");

  /* Opening from the empty window uses it; opening again presents it */
  opened = IMPACT_WINDOW (impact_application_open_file (app, file, GTK_WINDOW (window)));
  g_assert_true (opened == window);
  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the example to load"));
  opened = IMPACT_WINDOW (impact_application_open_file (app, file, NULL));
  g_assert_true (opened == window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  close_window (window);
}

static gboolean
recent_menu_has_entry (gpointer data)
{
  GMenuModel *menu = impact_application_get_recent_menu (app);
  const char *uri = data;

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                                          G_VARIANT_TYPE_STRING);

      if (target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), uri) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The Open button's arrow lists the files opened before, and can be used */
static void
test_recent_menu (void)
{
  g_autofree char *dir = g_dir_make_tmp ("impact-recent-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_example (dir);
  g_autofree char *uri = g_file_get_uri (file);
  ImpactWindow *window = open_window (file);
  GtkWidget *dropdown;

  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the copy to load"));
  g_assert_true (impact_gui_test_wait_for (recent_menu_has_entry, uri, "the file in the recent menu"));
  g_assert_true (adw_split_button_get_menu_model (ADW_SPLIT_BUTTON (impact_gui_test_find_named (GTK_WIDGET (window), "open"))) == impact_application_get_recent_menu (app));

  dropdown = impact_gui_test_find_type (GTK_WIDGET (ADW_SPLIT_BUTTON (impact_gui_test_find_named (GTK_WIDGET (window), "open"))), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (dropdown);
  g_assert_true (gtk_widget_is_sensitive (dropdown));
  g_assert_true (gtk_widget_is_sensitive (impact_gui_test_find_type (dropdown, GTK_TYPE_TOGGLE_BUTTON)));

  close_window (window);
  g_unlink (g_file_peek_path (file));
  g_rmdir (dir);
}

static int
min_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

static void
print_widths (GtkWidget *widget,
              int        depth)
{
  if (depth > 9)
    return;
  g_test_message ("%*s%s %d", depth * 2, "", G_OBJECT_TYPE_NAME (widget), min_width (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    print_widths (child, depth + 1);
}

/* @action is an item of @menu or of its sections and submenus */
static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;
      const char *link_name;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
      links = g_menu_model_iterate_item_links (menu, i);
      while (g_menu_link_iter_get_next (links, &link_name, &link))
        {
          gboolean found = menu_has_action (link, action);

          g_object_unref (link);
          if (found)
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
stack_settled (gpointer data)
{
  ImpactWindow *window = data;

  return !gtk_stack_get_transition_running (GTK_STACK (impact_gui_test_find_stack (GTK_WIDGET (window), "document"))) &&
         impact_sheet_preview_get_first_draw_time (impact_window_get_preview (window)) != 0;
}

static gboolean
is_narrow (gpointer data)
{
  return gtk_widget_get_width (data) <= 370 && gtk_widget_get_width (data) > 0;
}

static gboolean
switcher_at_bottom (gpointer data)
{
  ImpactWindow *window = data;

  return adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (impact_gui_test_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR)));
}

/* The window fits a phone (360 px, as the metainfo promises) with a
 * document open: the side pane folds, the header bar buttons collapse */
static void
test_narrow_window (void)
{
  g_autoptr(GFile) file = g_file_new_for_uri (EXAMPLE_URI);
  ImpactWindow *window = open_window (file);

  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the example to load"));
  g_assert_true (impact_gui_test_wait_for (stack_settled, window, "the drawn preview"));
  impact_gui_test_screenshot (GTK_WIDGET (window), "window-wide");
  g_assert_true (GTK_IS_LABEL (adw_squeezer_get_visible_child (ADW_SQUEEZER (impact_gui_test_find_named (GTK_WIDGET (window), "open-squeezer")))));
  g_assert_true (GTK_IS_BOX (adw_squeezer_get_visible_child (ADW_SQUEEZER (impact_gui_test_find_named (GTK_WIDGET (window), "end-squeezer")))));
  g_assert_false (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (impact_gui_test_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR))));
  if (min_width (GTK_WIDGET (window)) > 360)
    print_widths (GTK_WIDGET (window), 0);
  g_assert_cmpint (min_width (GTK_WIDGET (window)), <=, 360);

  /* At 360 px: the side pane folds, Open is an icon, Export goes to the
   * menu, the view switcher to the bottom bar; the file name stays */
  close_window (window);
  window = impact_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (impact_application_open_file (app, file, GTK_WINDOW (window)) == GTK_WINDOW (window));
  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the example to load"));
  g_assert_true (impact_gui_test_wait_for (is_narrow, window, "the window to be 360 px wide"));
  g_assert_true (impact_gui_test_wait_for (switcher_at_bottom, window, "the view switcher in the bottom bar"));
  g_assert_true (adw_flap_get_folded (ADW_FLAP (impact_gui_test_find_type (GTK_WIDGET (window), ADW_TYPE_FLAP))));
  g_assert_true (GTK_IS_IMAGE (adw_squeezer_get_visible_child (ADW_SQUEEZER (impact_gui_test_find_named (GTK_WIDGET (window), "open-squeezer")))));
  g_assert_false (GTK_IS_BOX (adw_squeezer_get_visible_child (ADW_SQUEEZER (impact_gui_test_find_named (GTK_WIDGET (window), "end-squeezer")))));
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (impact_gui_test_find_named (GTK_WIDGET (window), "main-menu"))), "win.export"));
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (impact_gui_test_find_named (GTK_WIDGET (window), "main-menu"))), "win.save"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (ADW_WINDOW_TITLE (impact_gui_test_find_named (GTK_WIDGET (window), "narrow-title")))));
  g_assert_true (impact_gui_test_wait_for (stack_settled, window, "the narrow preview"));
  impact_gui_test_screenshot (GTK_WIDGET (window), "window-narrow");

  close_window (window);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *chosen_path;

/* @needle in binary data (a PDF has NUL bytes) */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
chooser_has_file (gpointer data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (data);

  return file != NULL && g_strcmp0 (g_file_peek_path (file), chosen_path) == 0;
}

static gboolean
exported_one (gpointer data)
{
  ImpactWindow *window = data;

  return !impact_window_get_busy (window) && impact_window_get_exported (window) != NULL &&
         impact_window_get_exported (window)->len == 1;
}

/* A4 chosen in the export dialog is for that export: the previews and
 * printing keep their paper */
static void
test_export_paper_is_its_own (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir);
  g_autofree char *pdf_path = g_build_filename (dir, "doc.pdf", NULL);
  ImpactWindow *window = open_window (file);
  g_autofree char *setting = NULL;
  g_autofree char *pdf = NULL;
  gsize pdf_length = 0;
  GtkWidget *dialog;
  GtkWidget *chooser;
  GtkWidget *row;

  g_settings_set_string (impact_gui_test_get_settings (), "page-size", "letter");
  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the document to load"));
  g_assert_cmpint (impact_sheet_layout_get_page_size (impact_sheet_preview_get_layout (impact_window_get_preview (window))), ==, IMPACT_PAGE_SIZE_LETTER);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = impact_gui_test_find_toplevel (IMPACT_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  row = find_row (dialog, "Paper _Size");
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);  /* Letter, as the preview */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);                          /* A4 */
  g_signal_emit_by_name (find_button (dialog, "_Export…"), "clicked");

  g_assert_true (impact_gui_test_wait_for (impact_gui_test_file_chooser_shown, NULL, "the file chooser"));
  chooser = impact_gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  /* suggested: the document's name, in its folder */
  chosen_path = pdf_path;
  g_assert_true (impact_gui_test_wait_for (chooser_has_file, chooser, "the chosen file"));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (impact_gui_test_wait_for (exported_one, window, "the export"));

  /* the PDF is A4 (595 × 842 pt) */
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &pdf_length, NULL));
  g_assert_true (contains_bytes (pdf, pdf_length, "/MediaBox [ 0 0 595"));
  /* the window, its preview and the setting printing follows stay Letter */
  setting = g_settings_get_string (impact_gui_test_get_settings (), "page-size");
  g_assert_cmpstr (setting, ==, "letter");
  g_assert_cmpint (impact_sheet_layout_get_page_size (impact_sheet_preview_get_layout (impact_window_get_preview (window))), ==, IMPACT_PAGE_SIZE_LETTER);
  g_assert_cmpint (impact_sheet_layout_get_page_size (impact_session_get_result (impact_window_get_session (window))->layout), ==, IMPACT_PAGE_SIZE_LETTER);

  close_window (window);
}

static gboolean
timeline_shown (gpointer data)
{
  ImpactWindow *window = data;

  g_autoptr(GdkTexture) texture = NULL;

  if (!gtk_widget_get_mapped (GTK_WIDGET (IMPACT_TIMELINE_VIEW (impact_gui_test_find_type (GTK_WIDGET (window), IMPACT_TYPE_TIMELINE_VIEW)))))
    return FALSE;
  texture = impact_gui_test_render (GTK_WIDGET (IMPACT_TIMELINE_VIEW (impact_gui_test_find_type (GTK_WIDGET (window), IMPACT_TYPE_TIMELINE_VIEW))));
  return texture != NULL;
}

/* The canvas's corner, once drawn: < 0 while there is nothing to see */
static double
timeline_corner_luminance (ImpactWindow *window)
{
  g_autoptr(GdkTexture) texture = impact_gui_test_render (GTK_WIDGET (IMPACT_TIMELINE_VIEW (impact_gui_test_find_type (GTK_WIDGET (window), IMPACT_TYPE_TIMELINE_VIEW))));

  return texture ? impact_gui_test_luminance_at (texture, 4, 4) : -1;
}

static gboolean
timeline_light (gpointer data)
{
  return timeline_corner_luminance (data) > 0.8;
}

static gboolean
timeline_dark (gpointer data)
{
  double luminance = timeline_corner_luminance (data);

  return luminance >= 0 && luminance < 0.2;
}

/* The timeline canvas follows the dark style, and back */
static void
test_timeline_dark (void)
{
  g_autoptr(GFile) file = g_file_new_for_uri (EXAMPLE_URI);
  ImpactWindow *window = open_window (file);
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the example to load"));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (impact_gui_test_find_stack (GTK_WIDGET (window), "timeline")), "timeline");
  g_assert_true (impact_gui_test_wait_for (timeline_shown, window, "the timeline"));
  g_assert_true (impact_gui_test_wait_for (timeline_light, window, "a light canvas"));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  g_assert_true (impact_gui_test_wait_for (timeline_dark, window, "a dark canvas"));
  impact_gui_test_screenshot (GTK_WIDGET (IMPACT_TIMELINE_VIEW (impact_gui_test_find_type (GTK_WIDGET (window), IMPACT_TYPE_TIMELINE_VIEW))), "timeline-dark");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_true (impact_gui_test_wait_for (timeline_light, window, "a light canvas again"));
  close_window (window);
}

static GtkWidget *
find_scroller (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_scroller (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_errors_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWidget *window = g_list_model_get_item (toplevels, i);
      gboolean found = gtk_widget_get_visible (window) &&
                       g_strcmp0 (gtk_window_get_title (GTK_WINDOW (window)), "Errors in the Document") == 0;

      g_object_unref (window);
      if (found)
        return window;
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  GtkWidget *dialog = find_errors_window ();

  return dialog != NULL && gtk_widget_get_mapped (dialog) && gtk_widget_get_height (dialog) > 0;
}

/* "All Errors" shows them in a box that reads: wide, and tall enough for
 * more than a few lines, scrolling beyond */
static void
test_all_errors_dialog (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir);
  ImpactWindow *window = open_window (file);
  GtkWidget *dialog;
  GtkWidget *scroller;

  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the document to load"));
  /* two errors: the details are more than the banner's first line */
  write_file (file, "{\n  \"format\": \"1\",\n  \"office\": 3,\n  \"statistics\": 4\n}\n");
  g_assert_true (impact_gui_test_wait_for (has_error, window, "the banner"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-errors", NULL));
  g_assert_true (impact_gui_test_wait_for (dialog_shown, NULL, "the errors dialog"));
  dialog = find_errors_window ();
  scroller = find_scroller (dialog);
  g_assert_nonnull (scroller);
  impact_gui_test_screenshot (dialog, "all-errors");
  g_test_message ("errors box %d × %d", gtk_widget_get_width (scroller), gtk_widget_get_height (scroller));
  g_assert_cmpint (gtk_widget_get_height (scroller), >=, 240);
  g_assert_cmpint (gtk_widget_get_width (scroller), >=, 480);
  {
    GtkPolicyType horizontal, vertical;

    gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (scroller), &horizontal, &vertical);
    g_assert_cmpint (vertical, ==, GTK_POLICY_AUTOMATIC);
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

/* F1 and the menu's Help: app.help, which shows help:impact-sheet */
static void
test_help_action (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "help"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "help"));
  g_assert_nonnull (accels);
  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  app = impact_gui_test_app_new ();

  g_test_add_func ("/gui/window/empty", test_empty_window);
  g_test_add_func ("/gui/window/example", test_example);
  g_test_add_func ("/gui/window/timeline-and-present", test_timeline_and_present);
  g_test_add_func ("/gui/window/open-timelinejs", test_open_timelinejs);
  g_test_add_func ("/gui/window/invalid-keeps-document", test_invalid_keeps_document);
  g_test_add_func ("/gui/window/invalid-first", test_invalid_first);
  g_test_add_func ("/gui/window/invalid-first-literal", test_invalid_first_literal);
  g_test_add_func ("/gui/window/live-reload", test_live_reload);
  g_test_add_func ("/gui/window/export-pdf", test_export_pdf);
  g_test_add_func ("/gui/window/zoom", test_zoom);
  g_test_add_func ("/gui/window/page-size", test_page_size);
  g_test_add_func ("/gui/window/recent-menu", test_recent_menu);
  g_test_add_func ("/gui/window/narrow", test_narrow_window);
  g_test_add_func ("/gui/window/export-paper-is-its-own", test_export_paper_is_its_own);
  g_test_add_func ("/gui/window/timeline-dark", test_timeline_dark);
  g_test_add_func ("/gui/window/all-errors-dialog", test_all_errors_dialog);
  g_test_add_func ("/gui/window/help-action", test_help_action);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
