/* test-edit.c: editing in the real window under Xvfb: a statistic changes
 * the preview and the saved file, undo and redo, milestones added, moved
 * and removed, Save As and reopen, a read-only folder, closing with
 * unsaved changes, changes on disk, a crash and its recovery copy, and
 * every example saved unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <sys/resource.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "impact-application.h"
#include "impact-error.h"
#include "impact-json-loader.h"
#include "impact-json-writer.h"
#include "impact-render.h"
#include "impact-gui-test-utils.h"
#include "impact-test-utils.h"
/* Still private here (no user-level way yet): the synchronous
 * impact_window_save_to, for Save As without the file chooser (driven
 * through win.save-as, the fallback chooser wrote into the folder it first
 * showed) and a save refused before writing; the file monitor's
 * impact_window_disk_changed; a crashing session's
 * impact_window_write_recovery; impact_window_document_edited after a
 * change made in the model. */
#include "impact-window-private.h"


static ImpactApplication *app;

static gboolean
not_saving (gpointer data)
{
  return !impact_window_get_saving (data);
}

/* Ctrl+S, and the worker's write done */
static void
save (ImpactWindow *window)
{
  g_assert_true (impact_window_get_modified (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (impact_gui_test_wait_for (impact_gui_test_save_written, window, "the save"));
}

/* The preview's layout now, to wait for the next one (a reference) */
static ImpactSheetLayout *
preview_layout (ImpactWindow *window)
{
  return g_object_ref (impact_sheet_preview_get_layout (impact_window_get_preview (window)));
}

static gboolean
typing_recorded (gpointer data)
{
  ImpactWindow *window = data;

  return !impact_session_get_typing (impact_window_get_session (window));
}

static GFile *
copy_file (const char *from,
           const char *dir,
           const char *name)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GFile *copy = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return copy;
}

static GFile *
copy_example (const char *dir)
{
  g_autofree char *example = impact_test_example_path ("kolkata.json");

  return copy_file (example, dir, "office.json");
}

static ImpactWindow *
open_loaded (GFile *file)
{
  ImpactWindow *window = IMPACT_WINDOW (impact_application_open_file (app, file, NULL));

  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the document to load"));
  impact_gui_test_settle ();
  return window;
}

static void
close_window (ImpactWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  impact_gui_test_wait_for (impact_gui_test_no_windows, app, "the window to go away");
}

static char *
read_text (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static GtkWidget *
field (ImpactWindow *window,
       const char   *key)
{
  GtkWidget *widget = impact_editor_pane_get_field (impact_gui_test_editor (window), key);

  if (widget == NULL)
    g_error ("no editor field %s", key);
  return widget;
}

static void
click_item_button (ImpactWindow *window,
                   ImpactList    list,
                   guint         index,
                   const char   *name)
{
  GtkWidget *row = impact_editor_pane_get_item_row (impact_gui_test_editor (window), list, index);
  GtkWidget *button;

  g_assert_nonnull (row);
  button = impact_gui_test_find_named (row, name);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* The text of the first page the preview shows, through a PDF */
static char *
preview_front_text (ImpactWindow *window,
                    const char   *dir)
{
  g_autofree char *pdf = g_build_filename (dir, "preview.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  cairo_surface_t *surface = cairo_pdf_surface_create (pdf, 612, 792);
  cairo_t *cr = cairo_create (surface);

  g_assert_true (impact_render_page (cr, impact_sheet_preview_get_layout (impact_window_get_preview (window)), 0, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  g_assert_cmpint (impact_test_run (argv, &out, NULL), ==, 0);
  return g_steal_pointer (&out);
}

static ImpactStatistic *
statistic (ImpactWindow *window,
           guint         index)
{
  return g_ptr_array_index (impact_document_get_statistics (impact_window_get_document (window)), index);
}

/* Edit a statistic: the preview and the saved file follow; undo and redo */
static void
test_edit_statistic (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir);
  g_autofree char *original = read_text (file);
  g_autofree char *saved = NULL;
  g_autofree char *bak_path = g_strconcat (g_file_peek_path (file), ".bak", NULL);
  ImpactWindow *window = open_loaded (file);
  g_autoptr(ImpactSheetLayout) before = NULL;
  GtkWidget *spin;

  g_assert_false (impact_window_get_modified (window));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  before = preview_layout (window);

  spin = field (window, "statistics.2.value");
  g_assert_true (GTK_IS_SPIN_BUTTON (spin));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 5471);
  g_assert_cmpfloat (statistic (window, 2)->value, ==, 5471);
  g_assert_true (impact_window_get_modified (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (impact_gui_test_find_named (GTK_WIDGET (window), "window-title"))), ==, "• office.json");

  /* The preview is laid out again after a short pause */
  g_assert_true (impact_gui_test_wait_for_layout (window, before, "the re-layout"));
  g_assert_true (impact_sheet_preview_get_layout (impact_window_get_preview (window)) == impact_session_get_result (impact_window_get_session (window))->layout);
  if (impact_test_have_program ("pdftotext"))
    {
      g_autofree char *text = preview_front_text (window, dir);

      g_assert_nonnull (strstr (text, "5,471"));
      g_assert_null (strstr (text, "5,470"));
    }
  /* And a text edit */
  g_clear_object (&before);
  before = preview_layout (window);
  gtk_editable_set_text (GTK_EDITABLE (field (window, "statistics.2.label")),
                         "police, officials, NGO staff and others trained by IJM");
  g_assert_true (impact_gui_test_wait_for_layout (window, before, "the re-layout"));
  g_clear_object (&before);
  before = preview_layout (window);
  gtk_editable_set_text (GTK_EDITABLE (field (window, "statistics.2.label")),
                         "police, officials, NGO staff and others given IJM training");
  g_assert_true (impact_gui_test_wait_for_layout (window, before, "the re-layout"));

  /* Ctrl+S */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  /* written in a worker: the window stays responsive, and Save waits */
  g_assert_true (impact_window_get_saving (window));
  /* a second Ctrl+S meanwhile is not a second writer */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (impact_gui_test_wait_for (impact_gui_test_save_written, window, "the save"));
  saved = read_text (file);
  g_assert_nonnull (strstr (saved, "\"value\": 5471,"));
  g_assert_null (strstr (saved, "\"value\": 5470,"));
  /* Only that line changed; the previous version is the .bak */
  {
    g_autofree char *expected = NULL;
    GString *s = g_string_new (original);

    g_string_replace (s, "\"value\": 5470,", "\"value\": 5471,", 1);
    expected = g_string_free (s, FALSE);
    g_assert_cmpstr (saved, ==, expected);
  }
  {
    g_autofree char *bak = NULL;

    g_assert_true (g_file_get_contents (bak_path, &bak, NULL, NULL));
    g_assert_cmpstr (bak, ==, original);
  }

  /* Ctrl+Z restores it (and the document is unsaved again); Ctrl+Shift+Z */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpfloat (statistic (window, 2)->value, ==, 5470);
  g_assert_true (impact_window_get_modified (window));
  spin = field (window, "statistics.2.value");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 5470);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpfloat (statistic (window, 2)->value, ==, 5471);
  g_assert_false (impact_window_get_modified (window));

  /* Our own save is no change on disk */
  for (int i = 0; i < 20; i++)
    {
      g_usleep (20000);
      impact_gui_test_settle ();
    }
  g_assert_null (impact_gui_test_find_dialog (GTK_WINDOW (window), "keep"));
  g_assert_cmpfloat (statistic (window, 2)->value, ==, 5471);

  close_window (window);
}

/* Typing in one field is one undo step */
static void
test_typing_coalesces (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir);
  ImpactWindow *window = open_loaded (file);
  GtkEditable *office = GTK_EDITABLE (field (window, "office"));
  ImpactDocument *doc = impact_window_get_document (window);

  gtk_editable_set_text (office, "Kolkata, India!");
  gtk_editable_set_text (office, "Kolkata, India!!");
  gtk_editable_set_text (office, "Kolkata, West Bengal");
  g_assert_cmpstr (impact_document_get_office (doc), ==, "Kolkata, West Bengal");
  /* The step is taken when the typing pauses */
  g_assert_true (impact_window_get_modified (window));
  g_assert_cmpuint (impact_undo_stack_get_n_steps (impact_session_get_undo_stack (impact_window_get_session (window))), ==, 1);
  g_assert_true (impact_gui_test_wait_for (typing_recorded, window, "the pause after typing"));
  g_assert_cmpuint (impact_undo_stack_get_n_steps (impact_session_get_undo_stack (impact_window_get_session (window))), ==, 2);
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (impact_gui_test_find_named (GTK_WIDGET (window), "window-title"))), ==, "• office.json");

  /* Another field is another step */
  gtk_editable_set_text (GTK_EDITABLE (field (window, "subtitle")), "Field office");
  impact_session_flush_edits (impact_window_get_session (window));
  g_assert_cmpuint (impact_undo_stack_get_n_steps (impact_session_get_undo_stack (impact_window_get_session (window))), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (impact_document_get_subtitle (doc));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (impact_document_get_office (doc), ==, "Kolkata, India");
  g_assert_false (impact_window_get_modified (window));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL) &&
                  impact_window_get_modified (window));

  close_window (window);
}

static const char *
milestone_title (ImpactWindow *window,
                 guint         index)
{
  GPtrArray *milestones = impact_document_get_milestones (impact_window_get_document (window));

  return ((ImpactMilestone *) g_ptr_array_index (milestones, index))->title;
}

/* Colours, switches and choices write the model and the file */
static void
test_colour_switch_choice (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir);
  ImpactWindow *window = open_loaded (file);
  ImpactDocument *doc = impact_window_get_document (window);
  GdkRGBA red = { 0.8, 0.1, 0.1, 1.0 };
  g_autofree char *saved = NULL;
  g_autoptr(ImpactSheetLayout) before = preview_layout (window);

  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (field (window, "theme.primary")), &red);
  g_assert_cmpstr (impact_document_get_theme_spec (doc)->primary, ==, "#cc1a1a");
  gtk_switch_set_active (GTK_SWITCH (field (window, "quote.pseudonym")), FALSE);
  g_assert_false (impact_document_get_quote (doc)->pseudonym);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (window, "theme.template")), 1);
  g_assert_cmpstr (impact_document_get_theme_spec (doc)->template_name, ==, "bold");
  g_assert_true (impact_gui_test_pick (field (window, "approach.0.icon"), "icon:none"));
  g_assert_null (((ImpactPillar *) g_ptr_array_index (impact_document_get_pillars (doc), 0))->icon);

  /* The theme reaches the preview */
  g_assert_true (impact_gui_test_wait_for_layout (window, before, "the re-layout"));
  g_assert_cmpstr (impact_document_get_theme_spec (impact_session_get_result (impact_window_get_session (window))->document)->primary, ==, "#cc1a1a");

  save (window);
  saved = read_text (file);
  g_assert_nonnull (strstr (saved, "\"primary\": \"#cc1a1a\""));
  g_assert_nonnull (strstr (saved, "\"template\": \"bold\""));
  g_assert_nonnull (strstr (saved, "\"pseudonym\": false"));
  close_window (window);
}

/* Pages: the Design group's choice sets the data's "pages", the preview
 * follows, and a save writes it; "One when everything fits" (auto, which
 * keeps the example on two pages) leaves the member out again */
static void
test_pages_choice (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir);
  ImpactWindow *window = open_loaded (file);
  ImpactDocument *doc = impact_window_get_document (window);
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  g_autoptr(ImpactSheetLayout) before = preview_layout (window);

  g_assert_null (impact_document_get_pages (doc));
  g_assert_cmpuint (impact_sheet_layout_get_n_pages (impact_session_get_result (impact_window_get_session (window))->layout), ==, 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (window, "pages")), 2);
  g_assert_cmpstr (impact_document_get_pages (doc), ==, "1");
  g_assert_true (impact_gui_test_wait_for_layout (window, before, "the re-layout"));
  g_assert_cmpuint (impact_sheet_layout_get_n_pages (impact_session_get_result (impact_window_get_session (window))->layout), ==, 1);
  g_assert_true (impact_sheet_layout_get_n_pages (impact_sheet_preview_get_layout (impact_window_get_preview (window))) == 1);
  save (window);
  saved = read_text (file);
  g_assert_nonnull (strstr (saved, "\"pages\": 1"));

  g_clear_object (&before);
  before = preview_layout (window);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (window, "pages")), 0);
  g_assert_null (impact_document_get_pages (doc));
  g_assert_true (impact_gui_test_wait_for_layout (window, before, "the re-layout"));
  g_assert_cmpuint (impact_sheet_layout_get_n_pages (impact_session_get_result (impact_window_get_session (window))->layout), ==, 2);
  save (window);
  saved_again = read_text (file);
  g_assert_null (strstr (saved_again, "\"pages\""));
  close_window (window);
}

/* The loader's warnings stand next to the fields they concern */
static void
test_warnings_next_to_fields (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir);
  g_autofree char *text = read_text (file);
  GString *s = g_string_new (text);
  g_autoptr(ImpactSheetLayout) before = NULL;
  ImpactWindow *window;
  const char *message;

  g_string_replace (s, "\"icon\": \"heart\"", "\"icon\": \"hearts\"", 1);
  g_file_set_contents (g_file_peek_path (file), s->str, -1, NULL);
  g_string_free (s, TRUE);

  window = open_loaded (file);
  field (window, "statistics.0.icon");
  message = impact_editor_pane_get_message (impact_gui_test_editor (window), "statistics.0.icon");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "hearts"));
  /* Choosing an icon: the field's own state wins… and the next layout
   * brings no warning for it */
  before = preview_layout (window);
  g_assert_true (impact_gui_test_pick (field (window, "statistics.0.icon"), "icon:heart"));
  g_assert_true (impact_gui_test_wait_for_layout (window, before, "the re-layout"));
  g_assert_null (impact_editor_pane_get_message (impact_gui_test_editor (window), "statistics.0.icon"));
  close_window (window);
}

/* Add, validate, reorder and remove milestones; a derived statistic follows */
static void
test_milestones (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir);
  ImpactWindow *window = open_loaded (file);
  GPtrArray *milestones = impact_document_get_milestones (impact_window_get_document (window));
  guint n = milestones->len;
  g_autofree char *key = NULL;
  g_autofree char *first = g_strdup (milestone_title (window, 0));
  g_autofree char *second = g_strdup (milestone_title (window, 1));
  g_autofree char *saved = NULL;
  g_autoptr(ImpactDocument) back = NULL;
  g_autoptr(GError) error = NULL;
  ImpactMilestone *added;
  GtkWidget *add;

  /* Add */
  add = field (window, "add.3");
  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpuint (milestones->len, ==, n + 1);
  added = g_ptr_array_index (milestones, n);
  g_assert_true (impact_window_get_modified (window));

  /* Dates are checked as they are typed */
  key = g_strdup_printf ("milestones.%u.date", n);
  gtk_editable_set_text (GTK_EDITABLE (field (window, key)), "2019-13");
  g_assert_nonnull (impact_editor_pane_get_message (impact_gui_test_editor (window), key));
  g_assert_true (gtk_widget_has_css_class (field (window, key), "error"));
  gtk_editable_set_text (GTK_EDITABLE (field (window, key)), "2019-05");
  g_assert_null (impact_editor_pane_get_message (impact_gui_test_editor (window), key));
  g_assert_cmpint (added->date.year, ==, 2019);
  g_assert_cmpint (added->date.month, ==, 5);
  g_free (key);
  key = g_strdup_printf ("milestones.%u.title", n);
  gtk_editable_set_text (GTK_EDITABLE (field (window, key)), "Field story");
  g_free (key);
  /* Rich text: an unclosed marker is a warning next to the field */
  key = g_strdup_printf ("milestones.%u.description", n);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field (window, key)));

    gtk_text_buffer_set_text (buffer, "Two girls **freed", -1);
    g_assert_nonnull (impact_editor_pane_get_message (impact_gui_test_editor (window), key));
    gtk_text_buffer_set_text (buffer, "Two girls **freed**", -1);
    g_assert_null (impact_editor_pane_get_message (impact_gui_test_editor (window), key));
    g_assert_cmpstr (added->description, ==, "Two girls **freed**");
  }
  g_free (key);
  key = g_strdup_printf ("milestones.%u.metrics", n);
  gtk_editable_set_text (GTK_EDITABLE (field (window, key)), "rescued 4");
  g_assert_nonnull (impact_editor_pane_get_message (impact_gui_test_editor (window), key));
  gtk_editable_set_text (GTK_EDITABLE (field (window, key)), "rescued: 4, arrested: 1");
  g_assert_null (impact_editor_pane_get_message (impact_gui_test_editor (window), key));
  g_assert_cmpuint (added->metrics->len, ==, 2);

  /* Reorder by the buttons: the second goes first */
  click_item_button (window, IMPACT_LIST_MILESTONES, 1, "move-up");
  g_assert_cmpstr (milestone_title (window, 0), ==, second);
  g_assert_cmpstr (milestone_title (window, 1), ==, first);
  click_item_button (window, IMPACT_LIST_MILESTONES, 0, "move-down");
  g_assert_cmpstr (milestone_title (window, 0), ==, first);
  /* Move the new one to the front, duplicate it, remove the copy */
  for (guint i = n; i > 0; i--)
    click_item_button (window, IMPACT_LIST_MILESTONES, i, "move-up");
  g_assert_cmpstr (milestone_title (window, 0), ==, "Field story");
  click_item_button (window, IMPACT_LIST_MILESTONES, 0, "duplicate");
  g_assert_cmpuint (milestones->len, ==, n + 2);
  g_assert_cmpstr (milestone_title (window, 1), ==, "Field story");
  click_item_button (window, IMPACT_LIST_MILESTONES, 1, "remove");
  g_assert_cmpuint (milestones->len, ==, n + 1);

  /* Saved in that order, and it loads */
  save (window);
  saved = read_text (file);
  back = impact_json_loader_load_data (saved, strlen (saved), "office.json", file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (impact_document_get_milestones (back)->len, ==, n + 1);
  g_assert_cmpstr (((ImpactMilestone *) g_ptr_array_index (impact_document_get_milestones (back), 0))->title,
                   ==, "Field story");
  g_assert_nonnull (strstr (saved, "\"date\": \"2019-05\""));

  /* Remove it again: the file is back to the example, byte for byte */
  click_item_button (window, IMPACT_LIST_MILESTONES, 0, "remove");
  g_assert_cmpuint (milestones->len, ==, n);
  save (window);
  {
    g_autofree char *example_path = impact_test_example_path ("kolkata.json");
    g_autofree char *example = NULL;
    g_autofree char *now = read_text (file);

    g_file_get_contents (example_path, &example, NULL, NULL);
    g_assert_cmpstr (now, ==, example);
  }

  close_window (window);
}

/* Alt+Up on a row moves its item up: run the row's own shortcut */
static void
press_shortcut (GtkWidget       *row,
                guint            keyval,
                GdkModifierType  modifiers)
{
  GtkEventController *controller = impact_gui_test_find_controller (row, GTK_TYPE_SHORTCUT_CONTROLLER);
  gboolean found = FALSE;

  g_assert_nonnull (controller);
  /* Activating rebuilds the pane (and frees this controller): stop there */
  for (guint i = 0; !found && i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

      if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
          gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
          gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
        {
          found = TRUE;
          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, row,
                                                       gtk_shortcut_get_arguments (shortcut)));
        }
    }
  g_assert_true (found);
}

/* Reorder by keyboard and by drag and drop */
static void
test_reorder_keyboard_and_drop (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir);
  ImpactWindow *window = open_loaded (file);
  GPtrArray *pillars = impact_document_get_pillars (impact_window_get_document (window));
  g_autofree char *first = g_strdup (((ImpactPillar *) g_ptr_array_index (pillars, 0))->lead);
  g_autofree char *last = g_strdup (((ImpactPillar *) g_ptr_array_index (pillars, pillars->len - 1))->lead);
  guint n = pillars->len;
  GtkDropTarget *drop;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  g_autofree char *payload = NULL;

  /* Alt+Down twice on the first pillar */
  press_shortcut (impact_editor_pane_get_item_row (impact_gui_test_editor (window), IMPACT_LIST_PILLARS, 0), GDK_KEY_Down, GDK_ALT_MASK);
  press_shortcut (impact_editor_pane_get_item_row (impact_gui_test_editor (window), IMPACT_LIST_PILLARS, 1), GDK_KEY_Down, GDK_ALT_MASK);
  g_assert_cmpstr (((ImpactPillar *) g_ptr_array_index (pillars, 2))->lead, ==, first);
  press_shortcut (impact_editor_pane_get_item_row (impact_gui_test_editor (window), IMPACT_LIST_PILLARS, 2), GDK_KEY_Up, GDK_ALT_MASK);
  g_assert_cmpstr (((ImpactPillar *) g_ptr_array_index (pillars, 1))->lead, ==, first);

  /* Drop the last pillar on the first row */
  drop = GTK_DROP_TARGET (impact_gui_test_find_controller (impact_editor_pane_get_item_row (impact_gui_test_editor (window), IMPACT_LIST_PILLARS, 0),
                                           GTK_TYPE_DROP_TARGET));
  g_assert_nonnull (drop);
  payload = g_strdup_printf ("impact-item:%d:%u", IMPACT_LIST_PILLARS, n - 1);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, payload);
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  g_assert_cmpstr (((ImpactPillar *) g_ptr_array_index (pillars, 0))->lead, ==, last);
  g_assert_cmpuint (pillars->len, ==, n);

  /* Each move was one undo step (after the loaded state) */
  g_assert_cmpuint (impact_undo_stack_get_n_steps (impact_session_get_undo_stack (impact_window_get_session (window))), ==, 5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (((ImpactPillar *) g_ptr_array_index (impact_document_get_pillars (impact_window_get_document (window)), 1))->lead,
                   ==, first);

  close_window (window);
}

/* A statistic derived from the milestones follows a new field story */
static void
test_derived_statistic (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir);
  ImpactWindow *window = open_loaded (file);
  ImpactStatistic *stat = statistic (window, 0);
  GPtrArray *milestones = impact_document_get_milestones (impact_window_get_document (window));
  double before;
  g_autofree char *key = NULL;

  /* The example's first statistic is the sum of "rescued" since 2006, plus 426 */
  g_assert_cmpstr (stat->derive_metric, ==, "rescued");
  g_assert_cmpfloat (stat->value, ==, 435);
  gtk_editable_set_text (GTK_EDITABLE (field (window, "statistics.0.derive.metric")), "rescue");
  g_assert_cmpfloat (stat->value, ==, 426);
  gtk_editable_set_text (GTK_EDITABLE (field (window, "statistics.0.derive.metric")), "rescued");
  before = stat->value;
  g_assert_cmpfloat (before, ==, 435);
  g_assert_false (stat->value_fixed);

  g_signal_emit_by_name (field (window, "add.3"), "clicked");
  key = g_strdup_printf ("milestones.%u.metrics", milestones->len - 1);
  gtk_editable_set_text (GTK_EDITABLE (field (window, key)), "rescued: 3");
  g_assert_cmpfloat (stat->value, ==, before + 3);
  {
    GtkWidget *spin = field (window, "statistics.0.value");

    g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, before + 3);
    g_assert_false (gtk_widget_get_sensitive (spin));
  }

  close_window (window);
}

/* Save As, then reopen: the same document */
static void
test_save_as_reopen (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir);
  g_autofree char *other_path = g_build_filename (dir, "copy.json", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  ImpactWindow *window = open_loaded (file);
  g_autofree char *text = NULL;
  g_autofree char *reopened_text = NULL;
  ImpactWindow *reopened;

  gtk_editable_set_text (GTK_EDITABLE (field (window, "problem.kicker")), "What we face");
  g_assert_true (impact_window_save_to (window, other, NULL));
  text = impact_json_writer_to_data (impact_window_get_document (window), NULL);
  g_assert_true (g_file_equal (impact_window_get_file (window), other));
  g_assert_false (impact_window_get_modified (window));
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (impact_gui_test_find_named (GTK_WIDGET (window), "window-title"))), ==, "copy.json");
  /* Save As writes no .bak (there was nothing there) and leaves the original alone */
  {
    g_autofree char *bak = g_strconcat (other_path, ".bak", NULL);

    g_assert_false (g_file_test (bak, G_FILE_TEST_EXISTS));
  }
  close_window (window);

  reopened = open_loaded (other);
  g_assert_nonnull (reopened);
  reopened_text = impact_json_writer_to_data (impact_window_get_document (reopened), NULL);
  g_assert_cmpstr (reopened_text, ==, text);
  g_assert_cmpstr (impact_document_get_problem (impact_window_get_document (reopened))->kicker, ==, "What we face");
  close_window (reopened);
}

/* Save As into another folder keeps images found: paths are rewritten */
static void
test_save_as_rebases_images (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *sub = g_build_filename (dir, "copies", NULL);
  g_autofree char *other_path = g_build_filename (sub, "office.json", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GFile) file = copy_example (dir);
  ImpactWindow *window = open_loaded (file);
  ImpactProfile *profile = impact_document_get_profile (impact_window_get_document (window));
  g_autofree char *saved = NULL;

  g_mkdir (sub, 0755);
  g_assert_nonnull (profile);
  g_free (profile->photo);
  profile->photo = g_strdup ("photos/saji.jpg");
  impact_window_document_edited (window, NULL);
  g_assert_true (impact_window_save_to (window, other, NULL));
  g_assert_cmpstr (profile->photo, ==, "../photos/saji.jpg");
  saved = read_text (other);
  g_assert_nonnull (strstr (saved, "\"photo\": \"../photos/saji.jpg\""));
  close_window (window);
}

/* A folder that cannot be written: an error; the document stays open and unsaved */
static void
test_save_read_only (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *sub = g_build_filename (dir, "locked", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  ImpactWindow *window;

  g_mkdir (sub, 0755);
  file = copy_example (sub);
  window = open_loaded (file);
  gtk_editable_set_text (GTK_EDITABLE (field (window, "office")), "Changed");
  g_chmod (sub, 0555);
  /* Permissions do not stop root; /proc takes no new files from anyone */
  target = geteuid () == 0 ? g_file_new_for_path ("/proc/impact-sheet-test.json") : g_object_ref (file);

  g_assert_false (impact_window_save_to (window, target, &error));
  g_assert_nonnull (error);
  g_test_message ("save error: %s", error->message);
  g_assert_true (impact_window_get_modified (window));
  g_assert_true (g_file_equal (impact_window_get_file (window), file));
  g_assert_cmpstr (impact_document_get_office (impact_window_get_document (window)), ==, "Changed");
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  g_chmod (sub, 0755);

  close_window (window);
}

/* A full disk (a file size limit) during Save: the real cause, the
 * document still dirty, the file and its .bak as they were, and the
 * unchanged file is no "change by another program" */
static void
test_save_full_disk (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir);
  g_autofree char *original = read_text (file);
  g_autofree char *bak_path = g_strconcat (g_file_peek_path (file), ".bak", NULL);
  g_autoptr(GFile) bak = g_file_new_for_path (bak_path);
  g_autofree char *after = NULL;
  g_autofree char *bak_after = NULL;
  const char *old_bak = "{ \"an\": \"older backup\" }\n";
  ImpactWindow *window = open_loaded (file);
  struct rlimit saved, limit;
  void (*old_handler) (int);
  AdwMessageDialog *dialog;

  g_file_set_contents (bak_path, old_bak, -1, NULL);
  gtk_editable_set_text (GTK_EDITABLE (field (window, "office")), "Changed");

  /* the soft limit only, raised again after the save */
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 1000;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  /* Ctrl+S: the worker's write fails */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (impact_gui_test_wait_for (not_saving, window, "the save to end"));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);

  /* it says so, naming the file and the cause */
  dialog = impact_gui_test_find_dialog (GTK_WINDOW (window), "close");
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "File too large"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "office.json"));
  adw_message_dialog_response (dialog, "close");
  impact_gui_test_settle ();
  g_assert_true (impact_window_get_modified (window));
  after = read_text (file);
  g_assert_cmpstr (after, ==, original);
  bak_after = read_text (bak);
  g_assert_cmpstr (bak_after, ==, old_bak);
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_false (name[0] == '.');
  }
  /* what the file monitor does on any event: nothing to ask */
  impact_window_disk_changed (window);
  impact_gui_test_settle ();
  g_assert_null (impact_gui_test_find_dialog (GTK_WINDOW (window), "keep"));
  g_assert_true (impact_window_get_modified (window));
  g_assert_cmpstr (impact_document_get_office (impact_window_get_document (window)), ==, "Changed");

  /* with room, the save works and the old file becomes the .bak */
  save (window);
  g_assert_false (impact_window_get_modified (window));
  g_clear_pointer (&bak_after, g_free);
  bak_after = read_text (bak);
  g_assert_cmpstr (bak_after, ==, original);
  close_window (window);
}

/* Save As onto a file that exists keeps that file as its .bak */
static void
test_save_as_existing_keeps_bak (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir);
  g_autofree char *other_path = g_build_filename (dir, "other.json", NULL);
  g_autofree char *bak_path = g_strconcat (other_path, ".bak", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GFile) bak = g_file_new_for_path (bak_path);
  const char *theirs = "{ \"format\": \"1\", \"office\": \"Another office\", \"organisation\": { \"name\": \"O\" } }\n";
  g_autofree char *kept = NULL;
  ImpactWindow *window;

  g_file_set_contents (other_path, theirs, -1, NULL);
  window = open_loaded (file);
  g_assert_true (impact_window_save_to (window, other, NULL));
  kept = read_text (bak);
  g_assert_cmpstr (kept, ==, theirs);
  close_window (window);
}

static gboolean
has_close_dialog (gpointer data)
{
  return g_object_get_data (data, "close-dialog") != NULL;
}

/* Closing with unsaved changes asks; Cancel keeps the window */
static void
test_close_asks (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir);
  g_autofree char *original = read_text (file);
  ImpactWindow *window = open_loaded (file);
  AdwMessageDialog *dialog;

  gtk_editable_set_text (GTK_EDITABLE (field (window, "office")), "Unsaved");
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (impact_gui_test_wait_for (has_close_dialog, window, "the Save / Discard / Cancel question"));
  dialog = g_object_get_data (G_OBJECT (window), "close-dialog");
  g_object_set_data (G_OBJECT (window), "close-dialog", NULL);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (dialog, "cancel");
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  impact_gui_test_settle ();
  g_assert_nonnull (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_true (impact_window_get_modified (window));

  /* Discard closes without saving */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (impact_gui_test_wait_for (has_close_dialog, window, "the question again"));
  dialog = g_object_get_data (G_OBJECT (window), "close-dialog");
  adw_message_dialog_response (dialog, "discard");
  g_assert_true (impact_gui_test_wait_for (impact_gui_test_no_windows, app, "the window to close"));
  {
    g_autofree char *after = read_text (file);

    g_assert_cmpstr (after, ==, original);
  }
}

static gboolean
has_changed_dialog (gpointer data)
{
  ImpactWindow *window = data;

  return impact_gui_test_find_dialog (GTK_WINDOW (window), "keep") != NULL;
}

/* The file changes on disk while there are unsaved edits: nothing is
 * overwritten; keeping the changes keeps them */
static void
test_disk_change_while_dirty (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir);
  g_autofree char *original = read_text (file);
  g_autofree char *theirs = NULL;
  ImpactWindow *window = open_loaded (file);
  GString *s = g_string_new (original);

  gtk_editable_set_text (GTK_EDITABLE (field (window, "office")), "Mine");
  g_string_replace (s, "Kolkata, India", "Theirs", 1);
  theirs = g_string_free (s, FALSE);
  g_file_set_contents (g_file_peek_path (file), theirs, -1, NULL);

  g_assert_true (impact_gui_test_wait_for (has_changed_dialog, window, "the Reload / Keep question"));
  adw_message_dialog_response (impact_gui_test_find_dialog (GTK_WINDOW (window), "keep"), "keep");
  impact_gui_test_settle ();
  g_assert_cmpstr (impact_document_get_office (impact_window_get_document (window)), ==, "Mine");
  g_assert_true (impact_window_get_modified (window));
  {
    g_autofree char *on_disk = read_text (file);

    g_assert_cmpstr (on_disk, ==, theirs);
  }

  close_window (window);
}

/* The crash: a child process edits, writes its recovery copy and is
 * killed; the next start offers the copy and restores it */
static void
test_recovery_after_crash (void)
{
  const char *dir = g_getenv ("IMPACT_TEST_CRASH_DIR");
  g_autofree char *path = g_build_filename (dir, "office.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *recovery = g_build_filename (g_get_user_state_dir (), "impact-sheet", "recovery", NULL);
  AdwMessageDialog *dialog;
  ImpactWindow *window = NULL;

  if (g_test_subprocess ())
    {
      ImpactWindow *crashing = open_loaded (file);

      gtk_editable_set_text (GTK_EDITABLE (field (crashing, "office")), "Recovered office");
      g_assert_nonnull (impact_window_write_recovery (crashing));
      kill (getpid (), SIGKILL);
      return;
    }

  {
    g_autoptr(GFile) copy = copy_example (dir);
  }
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_assert_true (g_file_test (recovery, G_FILE_TEST_IS_DIR));

  /* The next start */
  impact_application_check_recovery (app);
  dialog = g_object_get_data (G_OBJECT (app), "recovery-dialog");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "restore");
  impact_gui_test_settle ();

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (IMPACT_IS_WINDOW (l->data) && impact_window_get_file (l->data) &&
        g_file_equal (impact_window_get_file (l->data), file))
      window = l->data;
  g_assert_nonnull (window);
  g_assert_cmpstr (impact_document_get_office (impact_window_get_document (window)), ==, "Recovered office");
  g_assert_true (impact_window_get_modified (window));

  /* Saving uses the copy up */
  save (window);
  {
    g_autoptr(GDir) listing = g_dir_open (recovery, 0, NULL);

    g_assert_null (g_dir_read_name (listing));
  }
  close_window (window);
}

/* Every example opens and saves unchanged, byte for byte */
static void
test_round_trip_examples (void)
{
  g_autofree char *examples = impact_test_example_path ("");
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GDir) listing = g_dir_open (examples, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (examples, name, NULL);
      g_autofree char *original = NULL;
      g_autofree char *saved = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFile) target = NULL;
      g_autofree char *target_path = NULL;
      ImpactWindow *window;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      file = copy_file (path, dir, name);
      window = open_loaded (file);
      target_path = g_strconcat (g_file_peek_path (file), ".saved.json", NULL);
      target = g_file_new_for_path (target_path);
      g_assert_true (impact_window_save_to (window, target, NULL));
      original = read_text (file);
      saved = read_text (target);
      g_assert_cmpstr (saved, ==, original);
      close_window (window);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

/* A long case log: the pane lists the first items only, and an edit
 * stays quick */
static void
test_long_case_log (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "long.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GString *json = g_string_new ("{\n  \"format\": \"1\",\n  \"office\": \"K\",\n"
                                "  \"organisation\": { \"name\": \"O\" },\n  \"milestones\": [\n");
  ImpactWindow *window;
  g_autoptr(ImpactSheetLayout) before = NULL;
  gint64 start, elapsed;


  for (int i = 0; i < 5000; i++)
    g_string_append_printf (json, "    { \"date\": \"%d\", \"title\": \"Case %d\", \"metrics\": { \"rescued\": 1 } }%s\n",
                            1950 + i % 70, i, i < 4999 ? "," : "");
  g_string_append (json, "  ]\n}\n");
  g_file_set_contents (path, json->str, -1, NULL);
  g_string_free (json, TRUE);

  window = open_loaded (file);
  g_assert_nonnull (impact_editor_pane_get_item_row (impact_gui_test_editor (window), IMPACT_LIST_MILESTONES, 299));
  g_assert_null (impact_editor_pane_get_item_row (impact_gui_test_editor (window), IMPACT_LIST_MILESTONES, 300));

  field (window, "milestones.7.title");
  before = preview_layout (window);
  start = g_get_monotonic_time ();
  gtk_editable_set_text (GTK_EDITABLE (field (window, "milestones.7.title")), "Case seven");
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("a keystroke with 5,000 milestones: %.1f ms", elapsed / 1000.0);
  g_assert_true (impact_gui_test_wait_for_layout (window, before, "the preview"));
  start = g_get_monotonic_time ();
  impact_session_flush_edits (impact_window_get_session (window));
  g_test_message ("the undo step and outline when typing pauses: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpstr (milestone_title (window, 7), ==, "Case seven");
  save (window);
  close_window (window);
}

/* New: a template with guidance in every section, not yet saved */
static void
test_new_document (void)
{
  ImpactWindow *window;

  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  impact_gui_test_settle ();
  window = IMPACT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_nonnull (impact_window_get_document (window));
  g_assert_null (impact_window_get_file (window));
  g_assert_false (impact_window_get_modified (window));
  g_assert_nonnull (impact_document_get_quote (impact_window_get_document (window)));
  g_assert_cmpuint (impact_document_get_statistics (impact_window_get_document (window))->len, ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (field (window, "office")), "Lima, Peru");
  g_assert_true (impact_window_get_modified (window));
  /* Opening a file does not replace the new sheet */
  g_assert_false (impact_window_is_empty (window));
  {
    g_autofree char *example = impact_test_example_path ("kolkata.json");
    g_autoptr(GFile) file = g_file_new_for_path (example);
    GtkWindow *opened = impact_application_open_file (app, file, NULL);

    g_assert_true (opened != GTK_WINDOW (window));
    g_assert_cmpstr (impact_document_get_office (impact_window_get_document (window)), ==, "Lima, Peru");
    gtk_window_destroy (opened);
  }
  close_window (window);
}

/* The texts of every label under @widget, one per line */
static void
collect_label_texts (GtkWidget *widget,
                     GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_label_texts (child, out);
}

static gboolean
row_shows (ImpactWindow *window,
           ImpactList    list,
           guint         index,
           const char   *text)
{
  GtkWidget *row = impact_editor_pane_get_item_row (impact_gui_test_editor (window), list, index);
  g_autoptr(GString) texts = g_string_new ("\n");
  g_autofree char *line = g_strdup_printf ("\n%s\n", text);

  g_assert_nonnull (row);
  collect_label_texts (row, texts);
  if (strstr (texts->str, line) == NULL)
    {
      g_test_message ("row %u shows:%s", index, texts->str);
      return FALSE;
    }
  return TRUE;
}

/* Document text is text: Pango markup in a fact or a bare "&" shows as typed */
static void
test_rows_show_literal_text (void)
{
  static const char span[] = "<span size=\"50000\" foreground=\"red\">x</span>";
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "markup.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *example = impact_test_example_path ("kolkata.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *root, *fact0, *fact1, *milestone0, *milestone1;
  ImpactWindow *window;

  /* the example, with markup-like texts in two facts and two milestones */
  json_parser_load_from_file (parser, example, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  fact0 = json_array_get_object_element (json_object_get_array_member (root, "facts"), 0);
  fact1 = json_array_get_object_element (json_object_get_array_member (root, "facts"), 1);
  milestone0 = json_array_get_object_element (json_object_get_array_member (root, "milestones"), 0);
  milestone1 = json_array_get_object_element (json_object_get_array_member (root, "milestones"), 1);
  json_object_set_string_member (fact0, "text", span);
  json_object_set_string_member (fact1, "text", "A & B");
  json_object_set_string_member (json_object_get_object_member (fact1, "source"), "title", "<b>Report</b> & annex");
  json_object_set_string_member (milestone0, "title", "A & B");
  json_object_set_string_member (milestone1, "title", span);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);
  window = open_loaded (file);

  g_assert_true (row_shows (window, IMPACT_LIST_FACTS, 0, span));
  g_assert_true (row_shows (window, IMPACT_LIST_FACTS, 1, "A & B"));
  /* the source title is the fact row's subtitle */
  g_assert_true (row_shows (window, IMPACT_LIST_FACTS, 1, "<b>Report</b> & annex"));
  g_assert_true (row_shows (window, IMPACT_LIST_MILESTONES, 0, "A & B"));
  g_assert_true (row_shows (window, IMPACT_LIST_MILESTONES, 1, span));

  close_window (window);
}

static gboolean
focus_inside (GtkWidget *focus,
              GtkWidget *ancestor)
{
  return focus != NULL && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

/* After Add, a move or a duplicate the keyboard focus stays with the item
 * the user is working on; it never lands on the Office field, where the
 * next keystroke would replace the office name */
static void
test_focus_stays_with_item (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir);
  ImpactWindow *window = open_loaded (file);
  GPtrArray *milestones = impact_document_get_milestones (impact_window_get_document (window));
  g_autofree char *office = g_strdup (impact_document_get_office (impact_window_get_document (window)));
  guint n = milestones->len;
  GtkWidget *office_field = field (window, "office");
  GtkWidget *focus, *row, *button;
  struct { const char *button; guint index; guint expect; } moves[] = {
    { "move-down", 0, 1 }, { "move-up", 2, 1 }, { "duplicate", 3, 4 }, { "move-up", n, n - 1 },
  };

  /* Add, with the focus on the Add button as after a click */
  button = field (window, "add.3");
  gtk_widget_grab_focus (button);
  g_signal_emit_by_name (button, "clicked");
  impact_gui_test_settle ();
  g_assert_cmpuint (milestones->len, ==, n + 1);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_false (focus_inside (focus, office_field));
  row = impact_editor_pane_get_item_row (impact_gui_test_editor (window), IMPACT_LIST_MILESTONES, n);
  g_assert_true (focus_inside (focus, row));

  /* The item buttons: the focus follows the item to its new place */
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      row = impact_editor_pane_get_item_row (impact_gui_test_editor (window), IMPACT_LIST_MILESTONES, moves[i].index);
      button = impact_gui_test_find_named (row, moves[i].button);
      gtk_widget_grab_focus (button);
      g_signal_emit_by_name (button, "clicked");
      impact_gui_test_settle ();
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_false (focus_inside (focus, office_field));
      row = impact_editor_pane_get_item_row (impact_gui_test_editor (window), IMPACT_LIST_MILESTONES, moves[i].expect);
      g_assert_true (focus_inside (focus, row));
    }

  /* Alt+Down on a focused item row moves it and keeps the focus on it */
  row = impact_editor_pane_get_item_row (impact_gui_test_editor (window), IMPACT_LIST_MILESTONES, 2);
  gtk_widget_grab_focus (row);
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);
    gboolean done = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && !done; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
          continue;
        for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !done; k++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
            GVariant *args = gtk_shortcut_get_arguments (shortcut);

            if (args != NULL && g_variant_get_int32 (args) == 1)
              done = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, row, args);
          }
      }
    g_assert_true (done);
  }
  impact_gui_test_settle ();
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus_inside (focus, impact_editor_pane_get_item_row (impact_gui_test_editor (window), IMPACT_LIST_MILESTONES, 3)));
  g_assert_cmpstr (impact_document_get_office (impact_window_get_document (window)), ==, office);
  close_window (window);
}

static gboolean
has_replace_dialog (gpointer data)
{
  return impact_gui_test_find_dialog (GTK_WINDOW (data), "replace") != NULL;
}

static gboolean
has_error (gpointer data)
{
  return impact_window_get_error (data) != NULL;
}

/* Another program leaves the file broken: the window keeps the last good
 * document, and Ctrl+S asks before it replaces that version; Cancel
 * leaves it, Replace keeps it as the .bak */
static void
test_save_over_outside_edit_asks (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir);
  g_autofree char *bak = g_strconcat (g_file_peek_path (file), ".bak", NULL);
  const char *theirs = "{ \"format\": \"1\", \"office\": \"Half-typed";
  ImpactWindow *window = open_loaded (file);
  g_autofree char *on_disk = NULL;
  g_autofree char *backup = NULL;

  g_file_set_contents (g_file_peek_path (file), theirs, -1, NULL);
  g_assert_true (impact_gui_test_wait_for (has_error, window, "the error banner"));
  g_assert_cmpstr (impact_document_get_office (impact_window_get_document (window)), ==, "Kolkata, India");

  /* Save: a question, nothing written */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (impact_gui_test_wait_for (has_replace_dialog, window, "the Replace question"));
  on_disk = read_text (file);
  g_assert_cmpstr (on_disk, ==, theirs);
  adw_message_dialog_response (impact_gui_test_find_dialog (GTK_WINDOW (window), "replace"), "cancel");
  impact_gui_test_settle ();
  g_clear_pointer (&on_disk, g_free);
  on_disk = read_text (file);
  g_assert_cmpstr (on_disk, ==, theirs);
  g_assert_false (g_file_test (bak, G_FILE_TEST_EXISTS));

  /* Again, and Replace: ours on disk, theirs in the .bak */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (impact_gui_test_wait_for (has_replace_dialog, window, "the Replace question"));
  adw_message_dialog_response (impact_gui_test_find_dialog (GTK_WINDOW (window), "replace"), "replace");
  g_assert_true (impact_gui_test_wait_for (impact_gui_test_save_written, window, "the save"));
  g_clear_pointer (&on_disk, g_free);
  on_disk = read_text (file);
  g_assert_nonnull (strstr (on_disk, "\"office\": \"Kolkata, India\""));
  g_file_get_contents (bak, &backup, NULL, NULL);
  g_assert_cmpstr (backup, ==, theirs);
  close_window (window);
}

/* A closed item's title and subtitle follow its fields as they are typed */
static void
test_item_titles_follow_edits (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir);
  ImpactWindow *window = open_loaded (file);
  struct { ImpactList list; guint index; const char *key; const char *text; const char *title; const char *subtitle; } cases[] = {
    { IMPACT_LIST_STATISTICS, 1, "statistics.1.value", "440", "440", NULL },
    { IMPACT_LIST_STATISTICS, 1, "statistics.1.label", "people freed", NULL, "people freed" },
    { IMPACT_LIST_FACTS, 0, "facts.0.text", "A new fact & more", "A new fact & more", NULL },
    { IMPACT_LIST_MILESTONES, 2, "milestones.2.title", "Office opens", "Office opens", NULL },
    { IMPACT_LIST_MILESTONES, 2, "milestones.2.date", "2011-05", NULL, "May 2011" },
    { IMPACT_LIST_PILLARS, 0, "approach.0.lead", "Rescue", "Rescue", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *row;
      GtkWidget *widget = field (window, cases[i].key);

      if (GTK_IS_SPIN_BUTTON (widget))
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), g_ascii_strtod (cases[i].text, NULL));
      else if (GTK_IS_TEXT_VIEW (widget))
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), cases[i].text, -1);
      else
        gtk_editable_set_text (GTK_EDITABLE (widget), cases[i].text);
      impact_gui_test_settle ();
      row = impact_editor_pane_get_item_row (impact_gui_test_editor (window), cases[i].list, cases[i].index);
      g_assert_nonnull (row);
      g_test_message ("%s: %s / %s", cases[i].key, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                      adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)));
      if (cases[i].title != NULL)
        g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), cases[i].title));
      if (cases[i].subtitle != NULL)
        g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, cases[i].subtitle);
    }
  close_window (window);
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} LabelCheck;

static gboolean
label_shown (gpointer data)
{
  LabelCheck *check = data;

  return has_label (check->widget, check->text);
}

/* The header bar names the file (a dot while it has unsaved changes) and
 * its folder, beside the view switcher; saving says so in a toast */
static void
test_title_and_save_toast (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir);
  g_autofree char *other_path = g_build_filename (dir, "copy.json", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *folder_name = g_file_get_parse_name (folder);
  ImpactWindow *window = open_loaded (file);
  LabelCheck title = { GTK_WIDGET (ADW_HEADER_BAR (impact_gui_test_find_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR))), "office.json" };
  LabelCheck folder_shown = { GTK_WIDGET (ADW_HEADER_BAR (impact_gui_test_find_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR))), folder_name };
  LabelCheck dirty = { GTK_WIDGET (ADW_HEADER_BAR (impact_gui_test_find_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR))), "• office.json" };
  LabelCheck saved = { impact_gui_test_find_type (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY), "Saved “office.json”" };
  LabelCheck saved_as = { impact_gui_test_find_type (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY), "Saved “copy.json”" };

  /* a wide window: the file name and the view switcher side by side */
  g_assert_true (impact_gui_test_wait_for (label_shown, &title, "the file name in the header bar"));
  g_assert_true (impact_gui_test_wait_for (label_shown, &folder_shown, "the folder in the header bar"));
  g_assert_true (gtk_widget_get_mapped (impact_gui_test_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER)));
  g_assert_false (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (impact_gui_test_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR))));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "office.json — Impact Sheet");

  gtk_editable_set_text (GTK_EDITABLE (field (window, "office")), "Kolkata, West Bengal");
  g_assert_true (impact_gui_test_wait_for (label_shown, &dirty, "the unsaved-changes dot"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• office.json — Impact Sheet");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (impact_gui_test_wait_for (impact_gui_test_save_written, window, "the save"));
  g_assert_true (impact_gui_test_wait_for (label_shown, &title, "the dot to go after saving"));
  g_assert_true (impact_gui_test_wait_for (label_shown, &saved, "the Saved toast"));

  g_assert_true (impact_window_save_to (window, other, NULL));
  g_assert_true (impact_gui_test_wait_for (label_shown, &saved_as, "the Saved toast after Save As"));
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (impact_gui_test_find_named (GTK_WIDGET (window), "window-title"))), ==, "copy.json");
  close_window (window);
}

/* A new sheet's guidance left as it is ("Phone number, as it should be
 * printed") is a warning next to its field until it is replaced */
static void
test_template_guidance_warns (void)
{
  g_autoptr(ImpactSheetLayout) before = NULL;
  ImpactWindow *window;
  const char *message;

  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  impact_gui_test_settle ();
  window = IMPACT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (impact_window_get_document (window));

  field (window, "organisation.phone");
  message = impact_editor_pane_get_message (impact_gui_test_editor (window), "organisation.phone");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Phone number, as it should be printed"));
  g_assert_nonnull (impact_editor_pane_get_message (impact_gui_test_editor (window), "statistics.0.label"));
  if (g_getenv ("IMPACT_TEST_SCREENSHOT_DIR") != NULL)
    {
      gtk_widget_grab_focus (field (window, "organisation.phone"));
      for (int i = 0; i < 20; i++)
        {
          g_usleep (20000);
          impact_gui_test_settle ();
        }
      impact_gui_test_screenshot (GTK_WIDGET (window), "new-sheet-guidance");
    }

  before = preview_layout (window);
  gtk_editable_set_text (GTK_EDITABLE (field (window, "organisation.phone")), "+51 1 555 0100");
  g_assert_true (impact_gui_test_wait_for_layout (window, before, "the re-layout"));
  g_assert_null (impact_editor_pane_get_message (impact_gui_test_editor (window), "organisation.phone"));
  /* the others stay until they are written */
  g_assert_nonnull (impact_editor_pane_get_message (impact_gui_test_editor (window), "office"));

  /* a new milestone's own guidance counts too */
  {
    guint n = impact_document_get_milestones (impact_window_get_document (window))->len;
    g_autofree char *key = g_strdup_printf ("milestones.%u.title", n);

    /* Add Milestone: a change of structure, laid out at once */
    g_signal_emit_by_name (field (window, "add.3"), "clicked");
    impact_gui_test_settle ();
    g_assert_cmpuint (impact_document_get_milestones (impact_window_get_document (window))->len, ==, n + 1);
    g_assert_nonnull (impact_editor_pane_get_message (impact_gui_test_editor (window), key));
  }

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Recovery copies go under a state folder of the test's own; the crash
   * child inherits it */
  if (g_getenv ("IMPACT_TEST_CRASH_DIR") == NULL)
    {
      g_autofree char *state = g_dir_make_tmp ("impact-edit-state-XXXXXX", NULL);
      g_autofree char *crash = g_dir_make_tmp ("impact-edit-crash-XXXXXX", NULL);

      g_setenv ("XDG_STATE_HOME", state, TRUE);
      g_setenv ("IMPACT_TEST_CRASH_DIR", crash, TRUE);
    }

  g_test_init (&argc, &argv, NULL);

  app = impact_gui_test_app_new ();

  g_test_add_func ("/gui/edit/statistic-preview-save-undo", test_edit_statistic);
  g_test_add_func ("/gui/edit/typing-is-one-step", test_typing_coalesces);
  g_test_add_func ("/gui/edit/colour-switch-choice", test_colour_switch_choice);
  g_test_add_func ("/gui/edit/pages-choice", test_pages_choice);
  g_test_add_func ("/gui/edit/warnings-next-to-fields", test_warnings_next_to_fields);
  g_test_add_func ("/gui/edit/milestones-add-reorder-remove", test_milestones);
  g_test_add_func ("/gui/edit/focus-stays-with-item", test_focus_stays_with_item);
  g_test_add_func ("/gui/edit/item-titles-follow-edits", test_item_titles_follow_edits);
  g_test_add_func ("/gui/edit/reorder-keyboard-and-drop", test_reorder_keyboard_and_drop);
  g_test_add_func ("/gui/edit/derived-statistic", test_derived_statistic);
  g_test_add_func ("/gui/edit/save-as-reopen", test_save_as_reopen);
  g_test_add_func ("/gui/edit/save-as-rebases-images", test_save_as_rebases_images);
  g_test_add_func ("/gui/edit/save-read-only-folder", test_save_read_only);
  g_test_add_func ("/gui/edit/save-full-disk", test_save_full_disk);
  g_test_add_func ("/gui/edit/save-as-existing-keeps-bak", test_save_as_existing_keeps_bak);
  g_test_add_func ("/gui/edit/close-asks", test_close_asks);
  g_test_add_func ("/gui/edit/disk-change-while-dirty", test_disk_change_while_dirty);
  g_test_add_func ("/gui/edit/save-over-outside-edit-asks", test_save_over_outside_edit_asks);
  g_test_add_func ("/gui/edit/recovery-after-crash", test_recovery_after_crash);
  g_test_add_func ("/gui/edit/round-trip-examples", test_round_trip_examples);
  g_test_add_func ("/gui/edit/new-document", test_new_document);
  g_test_add_func ("/gui/edit/long-case-log", test_long_case_log);
  g_test_add_func ("/gui/edit/rows-show-literal-text", test_rows_show_literal_text);
  g_test_add_func ("/gui/edit/title-and-save-toast", test_title_and_save_toast);
  g_test_add_func ("/gui/edit/template-guidance-warns", test_template_guidance_warns);

  status = g_test_run ();
  g_clear_object (&app);

  if (!g_test_subprocess ())
    {
      impact_test_remove_tree (g_getenv ("XDG_STATE_HOME"));
      impact_test_remove_tree (g_getenv ("IMPACT_TEST_CRASH_DIR"));
    }
  return status;
}
