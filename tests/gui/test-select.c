/* test-select.c: click to select in the real window under Xvfb: a click on
 * a part of the sheet outlines it and opens its fields with the focus in
 * the first one; typing there changes that item and nothing else; the
 * pane's focus outlines what it edits; hover; other zooms, the back page
 * and a right-to-left sheet; the keyboard on the sheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "impact-accessible.h"
#include "impact-application.h"
#include "impact-export-dialog.h"
#include "impact-json-writer.h"
#include "impact-gui-test-utils.h"
#include "impact-sheet-selection.h"
#include "impact-test-utils.h"
#include "impact-timeline-view.h"
#include "impact-window.h"

static ImpactApplication *app;

static gboolean
preview_shown (gpointer data)
{
  ImpactWindow *window = data;

  return gtk_widget_get_width (GTK_WIDGET (impact_window_get_preview (window))) > 0 &&
         impact_sheet_preview_get_layout (impact_window_get_preview (window)) != NULL &&
         impact_sheet_preview_get_first_draw_time (impact_window_get_preview (window)) != 0;
}

/* A few frames: the pane's rows get their size, the scroll animation ends */
static void
settle_frames (void)
{
  for (int i = 0; i < 30; i++)
    {
      g_usleep (10 * 1000);
      impact_gui_test_settle ();
    }
}

static GFile *
copy_example (const char *dir,
              const char *example_name,
              const char *from,
              const char *to)
{
  g_autofree char *example = impact_test_example_path (example_name);
  g_autofree char *path = g_build_filename (dir, "office.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GString *edited;

  g_assert_true (g_file_get_contents (example, &text, NULL, &error));
  g_assert_no_error (error);
  edited = g_string_new (text);
  if (from != NULL)
    g_assert_cmpuint (g_string_replace (edited, from, to, 1), ==, 1);
  g_assert_true (g_file_set_contents (path, edited->str, edited->len, &error));
  g_assert_no_error (error);
  g_string_free (edited, TRUE);
  return g_file_new_for_path (path);
}

static ImpactWindow *
open_shown (GFile *file)
{
  ImpactWindow *window = IMPACT_WINDOW (impact_application_open_file (app, file, NULL));

  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the document to load"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  g_assert_true (impact_gui_test_wait_for (preview_shown, window, "the preview"));
  settle_frames ();
  return window;
}

static void
close_window (ImpactWindow *window)
{
  /* (destroying a window asks nothing: no close-request) */
  gtk_window_destroy (GTK_WINDOW (window));
  impact_gui_test_wait_for (impact_gui_test_no_windows, app, "the window to go away");
}

/* Where a part is drawn: its centre, in the preview's coordinates */
static void
item_centre (ImpactWindow  *window,
             ImpactSection  section,
             int            item,
             double        *x,
             double        *y)
{
  graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (GTK_WIDGET (impact_window_get_preview (window))),
                                             gtk_widget_get_height (GTK_WIDGET (impact_window_get_preview (window))));
  graphene_rect_t rect, visible;

  g_assert_true (impact_sheet_preview_get_item_rect (impact_window_get_preview (window), section, item, &rect));
  /* the part of it in view */
  g_assert_true (graphene_rect_intersection (&rect, &view, &visible));
  *x = visible.origin.x + visible.size.width / 2;
  *y = visible.origin.y + visible.size.height / 2;
}

/* A press of the primary button at (x, y) on the preview, as the click
 * gesture reports it */
static void
click_at (ImpactWindow *window,
          double        x,
          double        y)
{
  GtkEventController *click = impact_gui_test_find_controller (GTK_WIDGET (impact_window_get_preview (window)), GTK_TYPE_GESTURE_CLICK);

  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "released", 1, x, y);
  settle_frames ();
}

static void
hover_at (ImpactWindow *window,
          double        x,
          double        y)
{
  GtkEventController *motion = impact_gui_test_find_controller (GTK_WIDGET (impact_window_get_preview (window)),
                                                GTK_TYPE_EVENT_CONTROLLER_MOTION);

  g_signal_emit_by_name (motion, "motion", x, y);
  impact_gui_test_settle ();
}

/* Clicks on the centre of a part (scrolled into view first) */
static void
click_item (ImpactWindow  *window,
            ImpactSection  section,
            int            item)
{
  ImpactBox box;
  guint page;
  double x, y;

  g_assert_true (impact_sheet_layout_find (impact_sheet_preview_get_layout (impact_window_get_preview (window)),
                                           section, item, &page, &box));
  impact_sheet_preview_scroll_to (impact_window_get_preview (window), page, &box);
  impact_sheet_preview_clear_highlight (impact_window_get_preview (window));
  settle_frames ();
  item_centre (window, section, item, &x, &y);
  click_at (window, x, y);
}

static void
assert_selected (ImpactWindow  *window,
                 ImpactSection  section,
                 int            item)
{
  ImpactSection got_section;
  int got_item;

  g_assert_true (impact_sheet_preview_get_selection (impact_window_get_preview (window), &got_section, &got_item));
  g_assert_cmpstr (impact_section_to_string (got_section), ==, impact_section_to_string (section));
  g_assert_cmpint (got_item, ==, item);
}

/* The editor field that has the keyboard focus */
static char *
focus_key (ImpactWindow *window)
{
  return impact_editor_pane_dup_focus_key (impact_gui_test_editor (window));
}

static gboolean
typing_recorded (gpointer data)
{
  return !impact_session_get_typing (impact_window_get_session (data));
}

/* "Types" into the focused text: replaces what it holds, then Enter */
static void
type_into_focus (ImpactWindow *window,
                 const char   *text)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  g_autoptr(ImpactSheetLayout) before = g_object_ref (impact_sheet_preview_get_layout (impact_window_get_preview (window)));
  int position = 0;

  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_EDITABLE (focus));
  gtk_editable_delete_text (GTK_EDITABLE (focus), 0, -1);
  gtk_editable_insert_text (GTK_EDITABLE (focus), text, -1, &position);
  /* Enter */
  g_signal_emit_by_name (focus, "activate");
  g_assert_true (impact_gui_test_wait_for_layout (window, before, "the re-layout"));
  g_assert_true (impact_gui_test_wait_for (typing_recorded, window, "the undo step"));
  settle_frames ();
}

static char *
document_text (ImpactWindow *window)
{
  return impact_json_writer_to_data (impact_window_get_document (window), NULL);
}

/* The example's 435 becomes 440: click on it, type, only it changed */
static void
test_click_statistic_and_type (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir, "kolkata.json", NULL, NULL);
  ImpactWindow *window = open_shown (file);
  ImpactDocument *doc = impact_window_get_document (window);
  ImpactStatistic *stat = g_ptr_array_index (impact_document_get_statistics (doc), 0);
  g_autofree char *before = document_text (window);
  g_autofree char *after = NULL;
  g_autofree char *key = NULL;
  double x, y;

  g_assert_cmpint (impact_document_compute_derived (doc, stat) , ==, 435);
  g_assert_false (impact_sheet_preview_get_selection (impact_window_get_preview (window), NULL, NULL));

  /* Hover shows what a click would select */
  item_centre (window, IMPACT_SECTION_STATISTICS, 0, &x, &y);
  hover_at (window, x, y);
  {
    ImpactSection section;
    int item;

    g_assert_true (impact_sheet_preview_get_hover (impact_window_get_preview (window), &section, &item));
    g_assert_cmpint (section, ==, IMPACT_SECTION_STATISTICS);
    g_assert_cmpint (item, ==, 0);
  }

  click_at (window, x, y);
  assert_selected (window, IMPACT_SECTION_STATISTICS, 0);
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (impact_gui_test_find_type (GTK_WIDGET (window), ADW_TYPE_FLAP))));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (impact_gui_test_find_stack (GTK_WIDGET (window), "edit"))), ==, "edit");
  /* The figure follows the milestones: the focus is in the other cases */
  key = focus_key (window);
  g_assert_cmpstr (key, ==, "statistics.0.derive.base");
  /* and the field is scrolled into view in the pane */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (focus, GTK_WIDGET (impact_gui_test_editor (window)), &bounds));
    g_assert_cmpfloat (bounds.origin.y, >=, 0);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                       gtk_widget_get_height (GTK_WIDGET (impact_gui_test_editor (window))));
  }
  impact_gui_test_screenshot (GTK_WIDGET (window), "select-statistic");

  type_into_focus (window, "431");
  g_assert_cmpint (stat->derive_base, ==, 431);
  g_assert_cmpint (impact_document_compute_derived (doc, stat), ==, 440);
  /* Nothing else changed (the office name least of all) */
  after = document_text (window);
  {
    GString *expected = g_string_new (before);

    g_assert_cmpuint (g_string_replace (expected, "\"base\": 426", "\"base\": 431", 0), ==, 1);
    g_assert_cmpstr (after, ==, expected->str);
    g_string_free (expected, TRUE);
  }
  /* still selected after the re-layout */
  assert_selected (window, IMPACT_SECTION_STATISTICS, 0);
  /* the next one a click would select, lightly outlined beside it */
  item_centre (window, IMPACT_SECTION_STATISTICS, 1, &x, &y);
  hover_at (window, x, y);
  settle_frames ();
  impact_gui_test_screenshot (GTK_WIDGET (window), "select-statistic-typed");

  /* A plain statistic: the focus is in its figure */
  click_item (window, IMPACT_SECTION_STATISTICS, 1);
  assert_selected (window, IMPACT_SECTION_STATISTICS, 1);
  g_clear_pointer (&key, g_free);
  key = focus_key (window);
  g_assert_cmpstr (key, ==, "statistics.1.value");
  type_into_focus (window, "331");
  g_assert_cmpfloat (((ImpactStatistic *) g_ptr_array_index (impact_document_get_statistics (doc), 1))->value, ==, 331);
  g_assert_cmpstr (impact_document_get_office (doc), !=, "331");

  close_window (window);
  impact_test_remove_tree (dir);
}

/* Each kind of part opens its own field */
static void
test_click_each_part (void)
{
  static const struct { ImpactSection section; int item; const char *key; } parts[] = {
    { IMPACT_SECTION_FACTS, 1, "facts.1.text" },
    { IMPACT_SECTION_QUOTE, -1, "quote.text" },
    { IMPACT_SECTION_HEADER, -1, "title" },
    { IMPACT_SECTION_APPROACH, 0, "approach.0.lead" },
    { IMPACT_SECTION_MILESTONES, 2, "milestones.2.title" },
    { IMPACT_SECTION_PROFILE, -1, "profile.name" },
  };
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir, "kolkata.json", NULL, NULL);
  ImpactWindow *window = open_shown (file);

  for (guint zoom = 0; zoom < 2; zoom++)
    {
      if (zoom == 1)
        {
          /* View ▸ Zoom In, as far as 200 % */
          while (impact_sheet_preview_get_zoom (impact_window_get_preview (window)) < 1.99)
            {
              g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
              settle_frames ();
            }
        }
      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          g_autofree char *key = NULL;

          if (!impact_sheet_layout_find (impact_sheet_preview_get_layout (impact_window_get_preview (window)),
                                         parts[i].section, parts[i].item, NULL, NULL))
            {
              g_test_message ("%s %d is not on this sheet", impact_section_to_string (parts[i].section),
                              parts[i].item);
              continue;
            }
          click_item (window, parts[i].section, parts[i].item);
          assert_selected (window, parts[i].section, parts[i].item);
          key = focus_key (window);
          g_assert_cmpstr (key, ==, parts[i].key);
          if (zoom == 0 && parts[i].section == IMPACT_SECTION_MILESTONES)
            impact_gui_test_screenshot (GTK_WIDGET (window), "select-milestone");
        }
    }

  /* The pane's focus outlines what it edits */
  gtk_widget_grab_focus (impact_editor_pane_get_field (impact_gui_test_editor (window), "quote.attribution"));
  impact_gui_test_settle ();
  assert_selected (window, IMPACT_SECTION_QUOTE, -1);
  gtk_widget_grab_focus (impact_editor_pane_get_field (impact_gui_test_editor (window), "statistics.2.label"));
  impact_gui_test_settle ();
  assert_selected (window, IMPACT_SECTION_STATISTICS, 2);

  /* A click beside the page selects nothing */
  click_at (window, 2, 2);
  g_assert_false (impact_sheet_preview_get_selection (impact_window_get_preview (window), NULL, NULL));

  close_window (window);
  impact_test_remove_tree (dir);
}

/* The keyboard on the sheet: arrows choose, Enter opens the fields */
static void
test_keyboard_on_sheet (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir, "kolkata.json", NULL, NULL);
  ImpactWindow *window = open_shown (file);
  GtkEventController *keys = impact_gui_test_find_controller (GTK_WIDGET (impact_window_get_preview (window)), GTK_TYPE_EVENT_CONTROLLER_KEY);
  /* the header is first on the page, then the problem below it */
  const ImpactBox first = { IMPACT_SECTION_HEADER, -1 };
  const ImpactBox second = { IMPACT_SECTION_PROBLEM, -1 };
  gboolean handled = FALSE;
  g_autofree char *key = NULL;
  g_autofree char *expected = NULL;

  gtk_widget_grab_focus (GTK_WIDGET (impact_window_get_preview (window)));
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  g_assert_true (handled);
  assert_selected (window, first.section, first.item);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  assert_selected (window, second.section, second.item);
  settle_frames ();
  impact_gui_test_screenshot (GTK_WIDGET (window), "select-keyboard");
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Up, 0, 0, &handled);
  assert_selected (window, first.section, first.item);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
  g_assert_true (handled);
  settle_frames ();
  key = focus_key (window);
  expected = impact_sheet_selection_key_for (first.section, first.item);
  g_assert_cmpstr (key, ==, expected);

  close_window (window);
  impact_test_remove_tree (dir);
}

/* A right-to-left sheet: the boxes are where the parts are drawn */
static void
test_click_rtl (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir, "kolkata.json", "\"language\": \"en\"", "\"language\": \"ar\"");
  ImpactWindow *window = open_shown (file);
  g_autofree char *key = NULL;

  click_item (window, IMPACT_SECTION_STATISTICS, 2);
  assert_selected (window, IMPACT_SECTION_STATISTICS, 2);
  key = focus_key (window);
  g_assert_cmpstr (key, ==, "statistics.2.value");
  impact_gui_test_screenshot (GTK_WIDGET (window), "select-rtl");

  close_window (window);
  impact_test_remove_tree (dir);
}

/* The preflight: the warnings of `validate`, counted in the header bar,
 * each leading to its item */
static void
test_preflight (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir, "kolkata.json", NULL, NULL);
  ImpactWindow *window = open_shown (file);
  GtkListBoxRow *row;
  g_autofree char *key = NULL;

  /* `impact-sheet validate` finds three statistics without a source */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (GTK_MENU_BUTTON (impact_gui_test_find_named (GTK_WIDGET (window), "preflight")))));
  /* a row each */
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (impact_gui_test_find_named (GTK_WIDGET (window), "preflight-list")), 2));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (impact_gui_test_find_named (GTK_WIDGET (window), "preflight-list")), 3));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (impact_gui_test_find_named (GTK_WIDGET (window), "preflight-count"))), ==, "3");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (GTK_MENU_BUTTON (impact_gui_test_find_named (GTK_WIDGET (window), "preflight")))), ==,
                   "3 Problems Before Printing");
  gtk_menu_button_popup (GTK_MENU_BUTTON (impact_gui_test_find_named (GTK_WIDGET (window), "preflight")));
  settle_frames ();
  impact_gui_test_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (impact_gui_test_find_named (GTK_WIDGET (window), "preflight")))),
                              "preflight");
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (impact_gui_test_find_named (GTK_WIDGET (window), "preflight-list")), 1);
  g_assert_nonnull (row);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "impact-path"), ==, "statistics[1]");

  /* Activating it selects the statistic */
  g_signal_emit_by_name (GTK_LIST_BOX (impact_gui_test_find_named (GTK_WIDGET (window), "preflight-list")), "row-activated", row);
  settle_frames ();
  assert_selected (window, IMPACT_SECTION_STATISTICS, 1);
  key = focus_key (window);
  g_assert_cmpstr (key, ==, "statistics.1.value");

  /* Giving it a source: two are left */
  gtk_widget_grab_focus (impact_editor_pane_get_field (impact_gui_test_editor (window), "statistics.1.source.title"));
  type_into_focus (window, "Court records, Kolkata");
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (impact_gui_test_find_named (GTK_WIDGET (window), "preflight-list")), 1));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (impact_gui_test_find_named (GTK_WIDGET (window), "preflight-count"))), ==, "2");
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (impact_gui_test_find_named (GTK_WIDGET (window), "preflight-list")), 2));

  close_window (window);
  impact_test_remove_tree (dir);
}

/* The widget's own key binding for @accel ("<Alt>1"), or NULL */
static GtkShortcut *
find_binding (GtkWidget  *widget,
              const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, accel))
            return shortcut;   /* the controller keeps it */
        }
    }
  return NULL;
}

/* Presses @accel on @widget: runs what its binding runs */
static void
press (GtkWidget  *widget,
       const char *accel,
       const char *action_name)
{
  GtkShortcut *shortcut = find_binding (widget, accel);
  GtkShortcutAction *action;

  if (shortcut == NULL)
    g_error ("%s is not bound on %s", accel, G_OBJECT_TYPE_NAME (widget));
  action = gtk_shortcut_get_action (shortcut);
  g_assert_true (GTK_IS_NAMED_ACTION (action));
  g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), ==, action_name);
  g_assert_true (gtk_shortcut_action_activate (action, 0, widget, gtk_shortcut_get_arguments (shortcut)));
  settle_frames ();
}

/* Alt+1/2, F6, Enter on a milestone, and the shortcuts window lists them */
static void
test_keyboard_window (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir, "kolkata.json", NULL, NULL);
  ImpactWindow *window = open_shown (file);
  GtkWidget *timeline = GTK_WIDGET (IMPACT_TIMELINE_VIEW (impact_gui_test_find_type (GTK_WIDGET (window), IMPACT_TYPE_TIMELINE_VIEW)));
  GtkWidget *field = NULL;
  g_autoptr(GBytes) overlay = NULL;

  press (GTK_WIDGET (window), "<Alt>2", "win.show-view");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (impact_gui_test_find_stack (GTK_WIDGET (window), "timeline"))), ==, "timeline");
  press (GTK_WIDGET (window), "<Alt>1", "win.show-view");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (impact_gui_test_find_stack (GTK_WIDGET (window), "timeline"))), ==, "sheet");

  /* F6: from a field of the pane to the sheet, and back to that field */
  field = impact_editor_pane_get_field (impact_gui_test_editor (window), "quote.role");
  g_assert_true (gtk_widget_grab_focus (field));
  press (GTK_WIDGET (window), "F6", "win.cycle-focus");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (impact_window_get_preview (window)));
  /* the quote stays outlined (the pane's focus was in it) */
  assert_selected (window, IMPACT_SECTION_QUOTE, -1);
  press (GTK_WIDGET (window), "F6", "win.cycle-focus");
  {
    g_autofree char *key = focus_key (window);

    /* the part selected on the sheet: the quote's first field */
    g_assert_cmpstr (key, ==, "quote.text");
  }

  /* On the timeline: F6 goes to it; Right, then Enter shows the details */
  press (GTK_WIDGET (window), "<Alt>2", "win.show-view");
  press (GTK_WIDGET (window), "F6", "win.cycle-focus");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == timeline);
  press (timeline, "Home", "timeline.first");
  press (timeline, "Right", "timeline.next");
  g_assert_cmpint (impact_timeline_view_get_selected (IMPACT_TIMELINE_VIEW (impact_gui_test_find_type (GTK_WIDGET (window), IMPACT_TYPE_TIMELINE_VIEW))), ==, 1);
  press (timeline, "Return", "timeline.details");
  {
    GtkWidget *popover = NULL;

    for (GtkWidget *child = gtk_widget_get_first_child (timeline); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_POPOVER (child))
        popover = child;
    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_get_visible (popover));
    impact_gui_test_screenshot (popover, "timeline-details");
    /* Escape closes it (GtkPopover's own binding) */
    gtk_popover_popdown (GTK_POPOVER (popover));
  }

  /* The shortcuts window lists the new keys */
  overlay = g_resources_lookup_data ("/io/github/impactsheet/ImpactSheet/gtk/help-overlay.ui", 0, NULL);
  g_assert_nonnull (overlay);
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (overlay, NULL), g_bytes_get_size (overlay));
    static const char * const keys[] = {
      "&lt;Alt&gt;1", "&lt;Alt&gt;2", "F6", "Escape", "Return", "Right Left", "Home End",
      "plus minus", "Up Down",
    };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        g_autofree char *entry = g_strconcat (">", keys[i], "<", NULL);

        if (strstr (text, entry) == NULL)
          g_error ("the shortcuts window does not list %s", keys[i]);
      }
  }

  close_window (window);
  impact_test_remove_tree (dir);
}

static gboolean
is_interactive (GtkWidget *widget)
{
  switch (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)))
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
      return TRUE;
    default:
      return FALSE;
    }
}

/* A label with text inside @widget (what GTK reads for a button) */
static gboolean
has_label_child (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) &&
          *gtk_label_get_text (GTK_LABEL (child)) != '\0')
        return TRUE;
      if (has_label_child (child))
        return TRUE;
    }
  return FALSE;
}

/* Widgets whose inner button or text is named by the whole */
static gboolean
is_compound (GtkWidget *widget)
{
  return GTK_IS_COLOR_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || ADW_IS_SPLIT_BUTTON (widget) ||
         GTK_IS_SPIN_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_ENTRY (widget) ||
         ADW_IS_ENTRY_ROW (widget) || ADW_IS_COMBO_ROW (widget);
}

static gboolean
has_name (GtkWidget *widget)
{
  if (impact_accessible_get_label (widget) != NULL ||
      gtk_widget_get_tooltip_text (widget) != NULL ||
      has_label_child (widget))
    return TRUE;

  /* or the compound control it is part of */
  for (GtkWidget *p = gtk_widget_get_parent (widget); p != NULL; p = gtk_widget_get_parent (p))
    {
      if (!is_compound (p))
        continue;
      if (impact_accessible_get_label (p) != NULL || gtk_widget_get_tooltip_text (p) != NULL)
        return TRUE;
      /* libadwaita names a row's own editable after the row's title */
      if ((ADW_IS_ENTRY_ROW (p) || ADW_IS_COMBO_ROW (p)) &&
          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (p)) != NULL &&
          *adw_preferences_row_get_title (ADW_PREFERENCES_ROW (p)) != '\0')
        return TRUE;
      if ((GTK_IS_MENU_BUTTON (p) || ADW_IS_SPLIT_BUTTON (p)) && has_label_child (p))
        return TRUE;
    }
  return FALSE;
}

static void
collect_unnamed (GtkWidget *widget,
                 GString   *out,
                 guint     *n_controls)
{
  /* GTK names the window's own Minimize, Maximize and Close */
  if (!gtk_widget_get_visible (widget) || GTK_IS_POPOVER (widget) || GTK_IS_WINDOW_CONTROLS (widget))
    return;
  if (is_interactive (widget) && gtk_widget_get_sensitive (widget))
    {
      (*n_controls)++;
      if (!has_name (widget))
        {
          int depth = 0;

          g_string_append_printf (out, "  %s", G_OBJECT_TYPE_NAME (widget));
          for (GtkWidget *p = gtk_widget_get_parent (widget); p != NULL && depth < 5; p = gtk_widget_get_parent (p), depth++)
            g_string_append_printf (out, " < %s%s%s", G_OBJECT_TYPE_NAME (p),
                                    *gtk_widget_get_name (p) && !g_str_has_prefix (gtk_widget_get_name (p), "Gtk") &&
                                    !g_str_has_prefix (gtk_widget_get_name (p), "Adw") ? "#" : "",
                                    *gtk_widget_get_name (p) && !g_str_has_prefix (gtk_widget_get_name (p), "Gtk") &&
                                    !g_str_has_prefix (gtk_widget_get_name (p), "Adw") ? gtk_widget_get_name (p) : "");
          g_string_append_c (out, '\n');
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, out, n_controls);
}

/* Every control of the window (every item's fields opened) has a name */
static void
test_accessible_names (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir, "kolkata.json", NULL, NULL);
  ImpactWindow *window = open_shown (file);
  ImpactDocument *doc = impact_window_get_document (window);
  g_autoptr(GString) unnamed = g_string_new (NULL);
  guint n_controls = 0;

  /* Open every list item, so that its fields are made */
  for (ImpactList list = IMPACT_LIST_STATISTICS; list <= IMPACT_LIST_ERAS; list++)
    for (guint i = 0; i < impact_document_get_list (doc, list)->len; i++)
      {
        GtkWidget *row = impact_editor_pane_get_item_row (impact_gui_test_editor (window), list, i);

        if (row != NULL)
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      }
  settle_frames ();

  collect_unnamed (GTK_WIDGET (window), unnamed, &n_controls);
  /* the preflight's popover too */
  collect_unnamed (GTK_WIDGET (GTK_LIST_BOX (impact_gui_test_find_named (GTK_WIDGET (window), "preflight-list"))), unnamed, &n_controls);
  g_test_message ("%u controls", n_controls);
  g_assert_cmpuint (n_controls, >, 100);
  if (unnamed->len > 0)
    g_error ("controls without an accessible name:\n%s", unnamed->str);

  /* The five Add buttons say what they add */
  {
    static const char * const expected[] = {
      "Add Statistic", "Add Fact", "Add Pillar", "Add Milestone", "Add Era",
    };

    for (ImpactList list = IMPACT_LIST_STATISTICS; list <= IMPACT_LIST_ERAS; list++)
      {
        g_autofree char *key = g_strdup_printf ("add.%d", list);
        GtkWidget *add = impact_editor_pane_get_field (impact_gui_test_editor (window), key);

        g_assert_nonnull (add);
        g_assert_cmpstr (impact_accessible_get_label (add), ==, expected[list]);
      }
  }

  close_window (window);
  impact_test_remove_tree (dir);
}

/* The row of @widget's tree titled @title (with its mnemonic) */
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

/* The export dialog makes what the command line makes: the sheet with
 * bleed and crop marks, the statistics card at a size */
static void
test_export_kinds (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir, "kolkata.json", NULL, NULL);
  ImpactWindow *window = open_shown (file);
  ImpactDocument *doc = impact_window_get_document (window);
  ImpactExportDialog *dialog = impact_export_dialog_new (GTK_WINDOW (window), impact_gui_test_get_settings (), file, 2);
  GtkWidget *part = find_row (GTK_WIDGET (dialog), "_What");
  GtkWidget *format = find_row (GTK_WIDGET (dialog), "_Format");
  g_autofree char *card_path = g_build_filename (dir, "card.png", NULL);
  g_autofree char *sheet_path = g_build_filename (dir, "sheet.pdf", NULL);
  g_autoptr(GFile) card_file = g_file_new_for_path (card_path);
  g_autoptr(GFile) sheet_file = g_file_new_for_path (sheet_path);
  g_autoptr(GError) error = NULL;
  ImpactExportOptions options;
  int width = 0, height = 0;

  gtk_window_present (GTK_WINDOW (dialog));
  settle_frames ();
  g_assert_nonnull (part);
  g_assert_nonnull (format);

  /* The statistics card, 600 pixels square */
  adw_combo_row_set_selected (ADW_COMBO_ROW (part), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (format), 1);   /* PNG */
  impact_gui_test_settle ();
  g_assert_true (gtk_widget_get_visible (find_row (GTK_WIDGET (dialog), "Card _Size")));
  g_assert_false (gtk_widget_get_visible (find_row (GTK_WIDGET (dialog), "_Bleed")));
  g_assert_false (gtk_widget_get_visible (find_row (GTK_WIDGET (dialog), "Paper _Size")));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (impact_gui_test_find_type (find_row (GTK_WIDGET (dialog), "Card _Size"),
                                                         GTK_TYPE_SPIN_BUTTON)), 600);
  impact_gui_test_screenshot (GTK_WIDGET (dialog), "export-card");
  impact_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.part, ==, IMPACT_EXPORT_PART_STATS);
  g_assert_true (impact_export_document (doc, &options, card_file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (gdk_pixbuf_get_file_info (card_path, &width, &height));
  g_assert_cmpint (width, ==, 600);
  g_assert_cmpint (height, ==, 600);

  /* The sheet as a PDF for a print shop: 3 mm bleed, crop marks */
  adw_combo_row_set_selected (ADW_COMBO_ROW (part), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (format), 0);   /* PDF */
  impact_gui_test_settle ();
  g_assert_false (gtk_widget_get_visible (find_row (GTK_WIDGET (dialog), "Card _Size")));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (impact_gui_test_find_type (find_row (GTK_WIDGET (dialog), "_Bleed"),
                                                         GTK_TYPE_SPIN_BUTTON)), 3);
  gtk_switch_set_active (GTK_SWITCH (impact_gui_test_find_type (find_row (GTK_WIDGET (dialog), "_Crop Marks"),
                                                GTK_TYPE_SWITCH)), TRUE);
  impact_gui_test_screenshot (GTK_WIDGET (dialog), "export-sheet");
  impact_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.part, ==, IMPACT_EXPORT_PART_SHEET);
  g_assert_cmpfloat_with_epsilon (options.bleed, 3 * 72 / 25.4, 1e-6);
  g_assert_true (options.crop_marks);
  g_assert_true (impact_export_document (doc, &options, sheet_file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  if (impact_test_have_program ("pdfinfo"))
    {
      const char *argv[] = { "pdfinfo", sheet_path, NULL };
      g_autofree char *out = NULL;
      double w = 0, h = 0;
      const char *size;

      g_assert_cmpint (impact_test_run (argv, &out, NULL), ==, 0);
      size = strstr (out, "Page size:");
      g_assert_nonnull (size);
      g_assert_cmpint (sscanf (size, "Page size: %lf x %lf", &w, &h), ==, 2);
      /* the marks lie outside the trim: the page is larger than Letter */
      g_assert_cmpfloat (w, >, 612 + 2 * 8.5);
      g_assert_cmpfloat (h, >, 792 + 2 * 8.5);
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
  impact_test_remove_tree (dir);
}


static const char * const export_keys[] = {
  "export-kind", "export-format", "export-dpi", "export-pages", "export-card-size",
  "export-bleed", "export-crop-marks", "export-pdfx", "export-folder", NULL
};

static void
reset_export_settings (GSettings *settings)
{
  for (guint i = 0; export_keys[i] != NULL; i++)
    g_settings_reset (settings, export_keys[i]);
}

/* The dialog opens with the choices of the last one, even one closed
 * without exporting, and in another session (a new GSettings on the same
 * backend: the tests' is the memory backend); not the paper, which is for
 * one export only */
static void
test_export_remembers (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir, "kolkata.json", NULL, NULL);
  ImpactWindow *window = open_shown (file);
  g_autofree char *schema_id = NULL;
  g_autoptr(GSettings) next_session = NULL;
  g_autofree char *paper = NULL;
  ImpactExportDialog *dialog;
  ImpactExportOptions options;

  reset_export_settings (impact_gui_test_get_settings ());
  paper = g_settings_get_string (impact_gui_test_get_settings (), "page-size");

  /* a first dialog: the sheet as a PDF/X with 3 mm bleed and crop marks, on A4 */
  dialog = impact_export_dialog_new (GTK_WINDOW (window), impact_gui_test_get_settings (), file, 2);
  gtk_window_present (GTK_WINDOW (dialog));
  impact_gui_test_settle ();
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (impact_gui_test_find_type (find_row (GTK_WIDGET (dialog), "_Crop Marks"),
                                                                GTK_TYPE_SWITCH))));
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), "Paper _Size")), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (impact_gui_test_find_type (find_row (GTK_WIDGET (dialog), "_Bleed"),
                                                         GTK_TYPE_SPIN_BUTTON)), 3);
  gtk_switch_set_active (GTK_SWITCH (impact_gui_test_find_type (find_row (GTK_WIDGET (dialog), "_Crop Marks"),
                                                GTK_TYPE_SWITCH)), TRUE);
  gtk_switch_set_active (GTK_SWITCH (impact_gui_test_find_type (find_row (GTK_WIDGET (dialog), "PDF/_X-4"),
                                                GTK_TYPE_SWITCH)), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), "_Pages")), 2);
  /* closed as a person closes it (Escape, the close button) */
  gtk_window_close (GTK_WINDOW (dialog));
  impact_gui_test_settle ();

  /* the next session's dialog */
  g_object_get (impact_gui_test_get_settings (), "schema-id", &schema_id, NULL);
  next_session = g_settings_new (schema_id);
  dialog = impact_export_dialog_new (GTK_WINDOW (window), next_session, file, 2);
  gtk_window_present (GTK_WINDOW (dialog));
  impact_gui_test_settle ();
  g_assert_cmpint (impact_export_dialog_get_kind (dialog), ==, IMPACT_EXPORT_KIND_SHEET);
  impact_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, IMPACT_EXPORT_FORMAT_PDF);
  g_assert_cmpfloat_with_epsilon (options.bleed, 3 * 72 / 25.4, 1e-6);
  g_assert_true (options.crop_marks);
  g_assert_true (options.pdfx);
  g_assert_cmpuint (options.page, ==, 2);
  /* the paper is the preview's, as before */
  {
    g_autofree char *paper_now = g_settings_get_string (next_session, "page-size");

    g_assert_cmpstr (paper_now, ==, paper);
  }

  /* then the statistics card as a PNG of 600 pixels, without PDF/X */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), "_What")), IMPACT_EXPORT_KIND_STATS_CARD);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), "_Format")), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (impact_gui_test_find_type (find_row (GTK_WIDGET (dialog), "Card _Size"),
                                                         GTK_TYPE_SPIN_BUTTON)), 600);
  gtk_switch_set_active (GTK_SWITCH (impact_gui_test_find_type (find_row (GTK_WIDGET (dialog), "PDF/_X-4"),
                                                GTK_TYPE_SWITCH)), FALSE);
  gtk_window_close (GTK_WINDOW (dialog));
  impact_gui_test_settle ();

  dialog = impact_export_dialog_new (GTK_WINDOW (window), impact_gui_test_get_settings (), file, 2);
  gtk_window_present (GTK_WINDOW (dialog));
  impact_gui_test_settle ();
  g_assert_cmpint (impact_export_dialog_get_kind (dialog), ==, IMPACT_EXPORT_KIND_STATS_CARD);
  g_assert_true (gtk_widget_get_visible (find_row (GTK_WIDGET (dialog), "Card _Size")));
  impact_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, IMPACT_EXPORT_FORMAT_PNG);
  g_assert_cmpint (options.card_width, ==, 600);
  g_assert_false (options.pdfx);
  settle_frames ();
  impact_gui_test_screenshot (GTK_WIDGET (dialog), "export-remembered");
  gtk_window_destroy (GTK_WINDOW (dialog));

  reset_export_settings (impact_gui_test_get_settings ());
  close_window (window);
  impact_test_remove_tree (dir);
}


static GtkWidget *find_button_labelled (GtkWidget *widget, const char *label);

static gboolean
export_finished (gpointer data)
{
  ImpactWindow *window = data;

  return !impact_window_get_busy (window) && impact_window_get_exported (window) != NULL;
}

static ImpactExportDialog *
open_export_dialog (ImpactWindow *window)
{
  GListModel *toplevels;   /* owned by GTK */

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (IMPACT_IS_EXPORT_DIALOG (item))
        return IMPACT_EXPORT_DIALOG (item);
    }
  g_assert_not_reached ();
  return NULL;
}

/* Chooses in the dialog as a person would, then exports through the
 * window (the "export" signal is what the file chooser's answer emits) */
static void
export_through_dialog (ImpactWindow *window,
                       guint         kind,
                       int           format,
                       gboolean      pdfx,
                       const char   *path,
                       const char   *expected_name)
{
  ImpactExportDialog *dialog = open_export_dialog (window);
  GtkWidget *part = find_row (GTK_WIDGET (dialog), "_What");
  GtkWidget *format_row = find_row (GTK_WIDGET (dialog), "_Format");
  GtkWidget *pdfx_row = find_row (GTK_WIDGET (dialog), "PDF/_X-4");
  g_autoptr(GFile) output = g_file_new_for_path (path);
  g_autofree char *name = NULL;

  g_assert_nonnull (part);
  g_assert_nonnull (pdfx_row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (part), kind);
  if (format >= 0)
    adw_combo_row_set_selected (ADW_COMBO_ROW (format_row), (guint) format);
  impact_gui_test_settle ();
  g_assert_cmpint (gtk_widget_get_visible (pdfx_row), ==,
                   kind == IMPACT_EXPORT_KIND_TIMELINE_HANDOUT || format <= 0);
  if (pdfx)
    gtk_switch_set_active (GTK_SWITCH (impact_gui_test_find_type (pdfx_row, GTK_TYPE_SWITCH)), TRUE);
  if (kind == IMPACT_EXPORT_KIND_TIMELINE_HANDOUT)
    {
      settle_frames ();
      impact_gui_test_screenshot (GTK_WIDGET (dialog), "export-handout");
    }
  name = impact_export_dialog_suggest_name_for_kind (impact_window_get_file (window), impact_export_dialog_get_kind (dialog),
                                                     kind == IMPACT_EXPORT_KIND_TIMELINE_HANDOUT || format <= 0
                                                     ? IMPACT_EXPORT_FORMAT_PDF : IMPACT_EXPORT_FORMAT_PNG);
  g_assert_cmpstr (name, ==, expected_name);
  g_signal_emit_by_name (dialog, "export", output);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (impact_gui_test_wait_for (export_finished, window, "the export"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "qpdf", "--show-npages", path, NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (impact_test_run (argv, &out, NULL), ==, 0);
  return (guint) g_ascii_strtoull (out, NULL, 10);
}

static gboolean
pdf_has_output_intent (const char *path)
{
  g_autofree char *qdf = g_strconcat (path, ".qdf", NULL);
  const char *argv[] = { "qpdf", "--qdf", "--object-streams=disable", path, qdf, NULL };
  g_autofree char *text = NULL;
  gsize length = 0;

  g_assert_cmpint (impact_test_run (argv, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (qdf, &text, &length, NULL));
  return g_strstr_len (text, length, "/S /GTS_PDFX") != NULL;
}

static GtkWidget *
shown_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static gboolean
file_chooser_up (gpointer data)
{
  return shown_file_chooser () != NULL;
}

/* The file chooser of the dialog's Export… suggests a name for the kind */
static void
assert_suggested_name (ImpactWindow *window,
                       guint         kind,
                       const char   *expected)
{
  ImpactExportDialog *dialog = open_export_dialog (window);
  GtkWidget *chooser;
  g_autofree char *name = NULL;

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), "_What")), kind);
  impact_gui_test_settle ();
  g_signal_emit_by_name (find_button_labelled (GTK_WIDGET (dialog), "_Export…"), "clicked");
  g_assert_true (impact_gui_test_wait_for (file_chooser_up, NULL, "the file chooser"));
  chooser = shown_file_chooser ();
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, expected);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  impact_gui_test_settle ();
  gtk_window_destroy (GTK_WINDOW (dialog));
  impact_gui_test_settle ();
}

/* The timeline's slide and handout and PDF/X-4, chosen in the dialog and
 * written by the window, as `impact-sheet export --timeline` makes them */
static void
test_export_timeline_and_pdfx (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir, "kolkata.json", NULL, NULL);
  ImpactWindow *window = open_shown (file);
  g_autofree char *slide = g_build_filename (dir, "slide.png", NULL);
  g_autofree char *slide_pdf = g_build_filename (dir, "slide.pdf", NULL);
  g_autofree char *handout = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.pdf", NULL);
  g_autofree char *pdfx = g_build_filename (dir, "pdfx.pdf", NULL);
  int width = 0, height = 0;

  /* the slide as a PNG: 1920 × 1080 */
  export_through_dialog (window, IMPACT_EXPORT_KIND_TIMELINE_SLIDE, 1, FALSE, slide, "office-timeline.png");
  g_assert_nonnull (gdk_pixbuf_get_file_info (slide, &width, &height));
  g_assert_cmpint (width, ==, 1920);
  g_assert_cmpint (height, ==, 1080);

  /* the handout: a PDF whatever the format row said, on pages */
  export_through_dialog (window, IMPACT_EXPORT_KIND_TIMELINE_HANDOUT, 1, FALSE, handout, "office-handout.pdf");

  /* the sheet plain and as PDF/X-4, and the slide as PDF/X-4 */
  export_through_dialog (window, IMPACT_EXPORT_KIND_SHEET, 0, FALSE, plain, "office.pdf");
  export_through_dialog (window, IMPACT_EXPORT_KIND_SHEET, 0, TRUE, pdfx, "office.pdf");
  export_through_dialog (window, IMPACT_EXPORT_KIND_TIMELINE_SLIDE, 0, TRUE, slide_pdf, "office-timeline.pdf");
  assert_suggested_name (window, IMPACT_EXPORT_KIND_TIMELINE_HANDOUT, "office-handout.pdf");

  if (impact_test_have_program ("qpdf"))
    {
      g_assert_cmpuint (pdf_pages (handout), >=, 1);
      g_assert_cmpuint (pdf_pages (plain), ==, 2);
      g_assert_cmpuint (pdf_pages (slide_pdf), ==, 1);
      g_assert_false (pdf_has_output_intent (plain));
      g_assert_true (pdf_has_output_intent (pdfx));
      g_assert_true (pdf_has_output_intent (slide_pdf));
    }

  close_window (window);
  impact_test_remove_tree (dir);
}

static GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_label_text (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_text (child, text))
      return TRUE;
  return FALSE;
}

/* The import dialog @data (a window) shows, or NULL */
static GtkWindow *
import_dialog (gpointer data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (g_strcmp0 (gtk_widget_get_name (l->data), "import-dialog") == 0 &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (data))
      return l->data;
  return NULL;
}

static GtkWidget *
file_chooser (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_FILE_CHOOSER_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
file_chooser_shown (gpointer data)
{
  return file_chooser () != NULL;
}

static gboolean
chooser_has (gpointer data)
{
  g_autoptr(GFile) chosen = file_chooser () ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (file_chooser ())) : NULL;

  return chosen != NULL && g_file_equal (chosen, data);
}

/* File ▸ Import Spreadsheet…, @file chosen in the file chooser */
static void
import_file (ImpactWindow *window,
             GFile        *file)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-spreadsheet", NULL));
  g_assert_true (impact_gui_test_wait_for (file_chooser_shown, NULL, "the file chooser"));
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (file_chooser ()), file, NULL));
  g_assert_true (impact_gui_test_wait_for (chooser_has, file, "the chosen file"));
  gtk_dialog_response (GTK_DIALOG (file_chooser ()), GTK_RESPONSE_ACCEPT);
  impact_gui_test_settle ();
}

static gboolean
import_ready (gpointer data)
{
  GtkWindow *dialog = import_dialog (data);
  GtkWidget *button = dialog ? find_button_labelled (GTK_WIDGET (dialog), "_Import") : NULL;

  return button != NULL && gtk_widget_get_sensitive (button);
}

static gboolean
import_failed (gpointer data)
{
  GtkWindow *dialog = import_dialog (data);

  return dialog != NULL && has_label_text (GTK_WIDGET (dialog), "bad-dates.csv:2:");
}

/* Import Spreadsheet…: the dialog shows the mapping and the first rows,
 * nothing changes before Import, and one undo takes it back; a bad file
 * shows its FILE.csv:ROW:COL errors and cannot be imported */
static void
test_import_spreadsheet (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir, "kolkata.json", NULL, NULL);
  ImpactWindow *window = open_shown (file);
  g_autofree char *csv_path = impact_test_data_path ("data/csv/milestones.csv");
  g_autofree char *bad_path = impact_test_data_path ("data/csv/bad-dates.csv");
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  guint before = impact_document_get_milestones (impact_window_get_document (window))->len;
  GtkWindow *dialog;

  /* a bad file: the errors with row and column, Import not offered */
  import_file (window, bad);
  g_assert_true (impact_gui_test_wait_for (import_failed, window, "the import errors"));
  settle_frames ();
  impact_gui_test_screenshot (GTK_WIDGET (import_dialog (window)), "import-errors");
  g_assert_false (import_ready (window));
  gtk_window_destroy (import_dialog (window));

  import_file (window, csv);
  g_assert_true (impact_gui_test_wait_for (import_ready, window, "the import preview"));
  dialog = import_dialog (window);
  settle_frames ();
  impact_gui_test_screenshot (GTK_WIDGET (dialog), "import-preview");
  g_assert_nonnull (find_row (GTK_WIDGET (dialog), "rescued"));        /* the mapping */
  g_assert_nonnull (find_row (GTK_WIDGET (dialog), "Row 2: First raid"));  /* the first rows */
  /* nothing changed yet */
  g_assert_cmpuint (impact_document_get_milestones (impact_window_get_document (window))->len, ==, before);
  g_assert_false (impact_window_get_modified (window));

  g_signal_emit_by_name (find_button_labelled (GTK_WIDGET (dialog), "_Import"), "clicked");
  impact_gui_test_settle ();
  g_assert_null (import_dialog (window));
  g_assert_cmpuint (impact_document_get_milestones (impact_window_get_document (window))->len, ==, before + 3);
  g_assert_true (impact_window_get_modified (window));

  /* one undo step takes it all back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  impact_gui_test_settle ();
  g_assert_cmpuint (impact_document_get_milestones (impact_window_get_document (window))->len, ==, before);
  g_assert_false (impact_window_get_modified (window));

  close_window (window);
  impact_test_remove_tree (dir);
}

/* TimelineJS's template: its era row is previewed among the eras and
 * imported as an era, in the same undo step (brand-finish) */
static void
test_import_eras (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = copy_example (dir, "kolkata.json", NULL, NULL);
  ImpactWindow *window = open_shown (file);
  g_autofree char *csv_path = impact_test_data_path ("data/csv/timelinejs-template.csv");
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  guint eras = impact_document_get_eras (impact_window_get_document (window))->len;
  GtkWindow *dialog;

  import_file (window, csv);
  g_assert_true (impact_gui_test_wait_for (import_ready, window, "the import preview"));
  dialog = import_dialog (window);
  g_assert_nonnull (find_row (GTK_WIDGET (dialog), "Row 5: Baruipur partnership"));
  g_assert_cmpuint (impact_document_get_eras (impact_window_get_document (window))->len, ==, eras);

  g_signal_emit_by_name (find_button_labelled (GTK_WIDGET (dialog), "_Import"), "clicked");
  impact_gui_test_settle ();
  g_assert_cmpuint (impact_document_get_eras (impact_window_get_document (window))->len, ==, eras + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  impact_gui_test_settle ();
  g_assert_cmpuint (impact_document_get_eras (impact_window_get_document (window))->len, ==, eras);

  close_window (window);
  impact_test_remove_tree (dir);
}

/* A sheet whose content does not fit: the section the layout left off is
 * marked on the preview (a red frame, as overset text in a layout
 * program), not drawn over the rest */
static void
test_overflow_marked (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "layout", "too-long.json", NULL);
  g_autofree char *path = g_build_filename (dir, "office.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  ImpactSheetLayout *layout;
  const ImpactBox *overflow = NULL;
  guint overflow_page = 0;
  graphene_rect_t rect;
  ImpactWindow *window;
  int px, py, width, height;
  const guchar *p;

  g_assert_true (g_file_get_contents (source, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  window = open_shown (file);
  layout = impact_sheet_preview_get_layout (impact_window_get_preview (window));
  for (guint page = 0; overflow == NULL && page < impact_sheet_layout_get_n_pages (layout); page++)
    for (guint i = 0; overflow == NULL && i < impact_sheet_layout_get_n_boxes (layout, page); i++)
      if (impact_sheet_layout_get_box (layout, page, i)->overflow)
        {
          overflow = impact_sheet_layout_get_box (layout, page, i);
          overflow_page = page;
        }
  g_assert_nonnull (overflow);
  impact_sheet_preview_scroll_to (impact_window_get_preview (window), overflow_page, overflow);
  settle_frames ();
  g_assert_true (impact_sheet_preview_get_item_rect (impact_window_get_preview (window), overflow->section, overflow->item, &rect));
  texture = impact_gui_test_render (GTK_WIDGET (impact_window_get_preview (window)));
  g_assert_nonnull (texture);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  /* the left edge of the frame, half way down (in view) */
  px = (int) rect.origin.x;
  py = (int) CLAMP (rect.origin.y + MIN (rect.size.height, 8) / 2, 0, height - 1);
  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (px, <, width);
  p = pixels + (gsize) py * width * 4 + (gsize) px * 4;   /* B, G, R, A (cairo ARGB32) */
  g_test_message ("overflow frame pixel at %d, %d: r %d g %d b %d", px, py, p[2], p[1], p[0]);
  g_assert_cmpint (p[2], >, 160);
  g_assert_cmpint (p[1], <, 110);
  g_assert_cmpint (p[0], <, 110);
  impact_gui_test_screenshot (GTK_WIDGET (window), "overflow-marked");
  close_window (window);
  impact_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  {
      g_autofree char *state = g_dir_make_tmp ("impact-select-state-XXXXXX", NULL);

      g_setenv ("XDG_STATE_HOME", state, TRUE);
    }

  g_test_init (&argc, &argv, NULL);

  app = impact_gui_test_app_new ();

  g_test_add_func ("/gui/select/click-statistic-and-type", test_click_statistic_and_type);
  g_test_add_func ("/gui/select/click-each-part", test_click_each_part);
  g_test_add_func ("/gui/select/keyboard-on-sheet", test_keyboard_on_sheet);
  g_test_add_func ("/gui/select/right-to-left", test_click_rtl);
  g_test_add_func ("/gui/select/preflight", test_preflight);
  g_test_add_func ("/gui/select/keyboard-window", test_keyboard_window);
  g_test_add_func ("/gui/select/accessible-names", test_accessible_names);
  g_test_add_func ("/gui/export/kinds", test_export_kinds);
  g_test_add_func ("/gui/export/remembers", test_export_remembers);
  g_test_add_func ("/gui/export/timeline-and-pdfx", test_export_timeline_and_pdfx);
  g_test_add_func ("/gui/import/spreadsheet", test_import_spreadsheet);
  g_test_add_func ("/gui/import/eras", test_import_eras);
  g_test_add_func ("/gui/select/overflow-marked", test_overflow_marked);

  status = g_test_run ();
  g_clear_object (&app);
  impact_test_remove_tree (g_getenv ("XDG_STATE_HOME"));
  return status;
}
