/* test-editor-sections.c: the editor pane by section, under Xvfb
 *
 * The pane opens on an overview with a row per section and a summary that
 * follows the document (add a statistic, it says one more); a row opens
 * its section's page alone, and the back button, Alt+Left or Escape go
 * back; selecting a milestone on the sheet opens the Milestones page with
 * the focus in the milestone's first field; a category is chosen among
 * those the document already uses, and the sheet is laid out again; an
 * icon likewise, among the built-in ones (those in use first).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <adwaita.h>

#include "impact-editor-pane.h"
#include "impact-accessible.h"
#include "impact-application.h"
#include "impact-gui-test-utils.h"
#include "impact-json-writer.h"
#include "impact-sheet-selection.h"
#include "impact-test-utils.h"
#include "impact-window.h"
#include "sections/impact-sections.h"

static ImpactApplication *app;

typedef struct
{
  char         *dir;
  ImpactWindow *window;
  ImpactEditorPane *pane;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = impact_gui_test_open_example (app, &fixture->dir);
  fixture->pane = impact_gui_test_editor (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  impact_gui_test_close_example (app, fixture->window, fixture->dir);
  g_free (fixture->dir);
}

static ImpactDocument *
document (Fixture *fixture)
{
  return impact_window_get_document (fixture->window);
}

static GtkWidget *
overview_row (Fixture    *fixture,
              const char *section)
{
  g_autofree char *name = g_strdup_printf ("section-%s", section);
  GtkWidget *row = impact_gui_test_find_named (GTK_WIDGET (fixture->pane), name);

  if (row == NULL)
    g_error ("no overview row %s", name);
  return row;
}

/* The preview's layout now (a reference), to wait for the next one */
static ImpactSheetLayout *
preview_layout (ImpactWindow *window)
{
  return g_object_ref (impact_sheet_preview_get_layout (impact_window_get_preview (window)));
}

/* Lets a few frames pass (rows get their size, popovers their surface) */
static void
let_frames_pass (void)
{
  for (int i = 0; i < 20; i++)
    {
      g_usleep (10 * 1000);
      impact_gui_test_settle ();
    }
}

static void
test_overview (Fixture       *fixture,
               gconstpointer  data)
{
  guint n_sections;
  const ImpactSectionInfo *sections = impact_sections_get_all (&n_sections);
  GPtrArray *stats = impact_document_get_statistics (document (fixture));
  guint n = stats->len;
  g_autofree char *before = g_strdup_printf ("%u statistics", n);
  g_autofree char *after = g_strdup_printf ("%u statistics", n + 1);
  GtkWidget *row;

  /* the overview first, a row per section that has fields, and the charts */
  g_assert_null (impact_editor_pane_get_page (fixture->pane));
  for (guint i = 0; i < n_sections; i++)
    {
      if (sections[i].fields == NULL)
        continue;
      row = overview_row (fixture, sections[i].key);
      g_assert_true (gtk_widget_get_mapped (row));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, sections[i].title);
      g_assert_cmpstr (impact_accessible_get_label (row), ==, sections[i].title);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), !=, "");
    }
  g_assert_true (gtk_widget_get_mapped (overview_row (fixture, "charts")));

  /* the summaries say what the sections hold */
  g_assert_cmpstr (impact_editor_pane_get_summary (fixture->pane, "statistics"), ==, before);
  g_assert_cmpstr (impact_editor_pane_get_summary (fixture->pane, "header"), ==,
                   impact_document_get_office (document (fixture)));
  {
    guint n_milestones = impact_document_get_milestones (document (fixture))->len;
    guint n_eras = impact_document_get_eras (document (fixture))->len;
    g_autofree char *expect = g_strdup_printf ("%u milestones, %u era%s", n_milestones, n_eras, n_eras == 1 ? "" : "s");

    g_assert_cmpstr (impact_editor_pane_get_summary (fixture->pane, "milestones"), ==, expect);
  }
  /* the fields are there whichever page is shown */
  g_assert_nonnull (impact_editor_pane_get_field (fixture->pane, "office"));
  g_assert_nonnull (impact_editor_pane_get_field (fixture->pane, "milestones.1.title"));
  impact_gui_test_screenshot (GTK_WIDGET (fixture->window), "editor-overview");

  /* add a statistic: one more */
  g_signal_emit_by_name (impact_editor_pane_get_field (fixture->pane, "add.0"), "clicked");
  impact_gui_test_settle ();
  g_assert_cmpuint (stats->len, ==, n + 1);
  g_assert_cmpstr (impact_editor_pane_get_summary (fixture->pane, "statistics"), ==, after);

  /* and typing the office's name changes the header's line at once */
  gtk_editable_set_text (GTK_EDITABLE (impact_editor_pane_get_field (fixture->pane, "office")), "Pune, India");
  g_assert_cmpstr (impact_editor_pane_get_summary (fixture->pane, "header"), ==, "Pune, India");
}

static void
test_open_and_back (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *row = overview_row (fixture, "statistics");
  GtkWidget *field = impact_editor_pane_get_field (fixture->pane, "add.0");
  GtkRoot *root = GTK_ROOT (fixture->window);
  GtkWidget *back;

  g_assert_false (gtk_widget_get_mapped (field));
  g_signal_emit_by_name (row, "activated");
  impact_gui_test_settle ();
  g_assert_cmpstr (impact_editor_pane_get_page (fixture->pane), ==, "statistics");
  /* that section alone, under its name and the way back */
  g_assert_true (gtk_widget_get_mapped (field));
  g_assert_false (gtk_widget_get_mapped (impact_editor_pane_get_field (fixture->pane, "office")));
  g_assert_false (gtk_widget_get_mapped (row));
  g_assert_true (gtk_widget_get_mapped (impact_gui_test_find_named (GTK_WIDGET (fixture->pane), "page-title")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (impact_gui_test_find_named (GTK_WIDGET (fixture->pane), "page-title"))), ==, "Statistics");
  back = impact_gui_test_find_named (GTK_WIDGET (fixture->pane), "back");
  g_assert_nonnull (back);
  g_assert_true (gtk_widget_get_mapped (back));
  g_assert_cmpstr (impact_accessible_get_label (back), ==, "All Sections");
  /* the focus went into the page */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (root),
                                         gtk_stack_get_child_by_name (GTK_STACK (impact_gui_test_find_stack (GTK_WIDGET (fixture->pane), "statistics")), "statistics")));
  let_frames_pass ();
  impact_gui_test_screenshot (GTK_WIDGET (fixture->window), "editor-section");

  /* back: the overview, the focus on the section's row */
  g_signal_emit_by_name (back, "clicked");
  impact_gui_test_settle ();
  g_assert_null (impact_editor_pane_get_page (fixture->pane));
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_false (gtk_widget_get_mapped (back));
  g_assert_true (gtk_root_get_focus (root) == row);

  /* the pane's Alt+Left and Escape are its "back" */
  g_assert_true (impact_editor_pane_show_page (fixture->pane, "milestones"));
  g_assert_cmpstr (impact_editor_pane_get_page (fixture->pane), ==, "milestones");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "pane.back", NULL));
  g_assert_null (impact_editor_pane_get_page (fixture->pane));
  g_assert_false (impact_editor_pane_show_page (fixture->pane, "no-such-section"));
  {
    GtkEventController *shortcuts = NULL;
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->pane));
    guint found = 0;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
          continue;
        shortcuts = GTK_EVENT_CONTROLLER (controller);
        for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (shortcuts)); k++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (shortcuts), k);
            GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
            GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
            g_autofree char *text = gtk_shortcut_trigger_to_string (trigger);

            if (!GTK_IS_NAMED_ACTION (action) ||
                g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "pane.back") != 0)
              continue;
            if (g_str_equal (text, "<Alt>Left") || g_str_equal (text, "Escape"))
              found++;
            /* each takes the pane back from a page */
            g_assert_true (impact_editor_pane_show_page (fixture->pane, "facts"));
            g_assert_true (gtk_shortcut_action_activate (action, 0, GTK_WIDGET (fixture->pane), NULL));
            g_assert_null (impact_editor_pane_get_page (fixture->pane));
          }
      }
    g_assert_cmpuint (found, ==, 2);
  }
}

static void
test_select_opens_page (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *key = impact_sheet_selection_key_for (IMPACT_SECTION_MILESTONES, 2);
  g_autofree char *focus_key = NULL;
  GtkWidget *target;

  g_assert_nonnull (key);
  g_assert_null (impact_editor_pane_get_page (fixture->pane));
  /* what a click on the third milestone of the sheet does */
  g_assert_true (impact_editor_pane_select (fixture->pane, IMPACT_SECTION_MILESTONES, 2));
  impact_gui_test_settle ();
  g_assert_cmpstr (impact_editor_pane_get_page (fixture->pane), ==, "milestones");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (impact_gui_test_find_named (GTK_WIDGET (fixture->pane), "page-title"))), ==, "Milestones");
  focus_key = impact_editor_pane_dup_focus_key (fixture->pane);
  g_assert_cmpstr (focus_key, ==, key);
  target = impact_editor_pane_get_field (fixture->pane, key);
  let_frames_pass ();
  g_assert_true (gtk_widget_get_mapped (target));
  /* that is the milestone's title, the first field its row shows (what
   * names it; the date comes next) */
  g_assert_cmpstr (focus_key, ==, "milestones.2.title");
  {
    GtkWidget *item = impact_editor_pane_get_item_row (fixture->pane, IMPACT_LIST_MILESTONES, 2);
    GtkWidget *first = impact_gui_test_find_type (item, ADW_TYPE_ENTRY_ROW);

    g_assert_true (first == target);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Title");
    g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), target));
  }

  /* a field of another section: its page */
  g_assert_true (impact_editor_pane_focus_field (fixture->pane, "office"));
  impact_gui_test_settle ();
  g_assert_cmpstr (impact_editor_pane_get_page (fixture->pane), ==, "header");
}

static void
count_edit (guint      *edits,
            const char *key)
{
  if (key != NULL && g_str_has_suffix (key, ".category"))
    (*edits)++;
}

static void
test_category_choice (Fixture       *fixture,
                      gconstpointer  data)
{
  GPtrArray *milestones = impact_document_get_milestones (document (fixture));
  ImpactMilestone *first = g_ptr_array_index (milestones, 0);
  g_autofree char *wanted = NULL;
  GtkWidget *row, *button, *choice;
  GtkPopover *popover;
  g_autoptr(ImpactSheetLayout) before = NULL;
  guint index = G_MAXUINT;
  guint edits = 0;

  /* a milestone with a category other than the first one's */
  g_assert_nonnull (first->category);
  for (guint i = 1; i < milestones->len && index == G_MAXUINT; i++)
    {
      ImpactMilestone *m = g_ptr_array_index (milestones, i);

      if (m->category != NULL && g_strcmp0 (m->category, first->category) != 0)
        index = i;
    }
  g_assert_cmpuint (index, !=, G_MAXUINT);
  wanted = g_strdup (first->category);

  {
    g_autofree char *key = g_strdup_printf ("milestones.%u.category", index);

    row = impact_editor_pane_get_field (fixture->pane, key);
    g_assert_true (impact_editor_pane_focus_field (fixture->pane, key));
  }
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  button = impact_gui_test_find_named (row, "categories");
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  g_assert_cmpstr (impact_accessible_get_label (button), ==, "Categories in This Document");
  let_frames_pass ();
  g_assert_true (gtk_widget_get_mapped (button));
  before = preview_layout (fixture->window);

  /* it lists the categories the document has, each once */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  impact_gui_test_settle ();
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  {
    g_autofree char *name = g_strdup_printf ("category:%s", wanted);
    g_autofree char *other = g_strdup_printf ("category:%s",
                                              ((ImpactMilestone *) g_ptr_array_index (milestones, index))->category);

    choice = impact_gui_test_find_named (GTK_WIDGET (popover), name);
    g_assert_nonnull (choice);
    g_assert_nonnull (impact_gui_test_find_named (GTK_WIDGET (popover), other));
  }

  /* choosing one fills the field, and the sheet follows */
  g_signal_connect_swapped (fixture->pane, "edited", G_CALLBACK (count_edit), &edits);
  g_signal_emit_by_name (choice, "clicked");
  impact_gui_test_settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, wanted);
  g_assert_cmpstr (((ImpactMilestone *) g_ptr_array_index (milestones, index))->category, ==, wanted);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  /* (the entry reports the old text deleted, then the new one inserted) */
  g_assert_cmpuint (edits, >=, 1);
  g_assert_true (impact_session_get_modified (impact_window_get_session (fixture->window)));
  /* the sheet is laid out again */
  g_assert_true (impact_gui_test_wait_for_layout (fixture->window, before, "the sheet to be laid out again"));

  /* a new one is still typed in the field */
  gtk_editable_set_text (GTK_EDITABLE (row), "Training");
  g_signal_handlers_disconnect_by_func (fixture->pane, count_edit, &edits);
  g_assert_cmpstr (((ImpactMilestone *) g_ptr_array_index (milestones, index))->category, ==, "Training");
}

/* The names of the icon choices of @popover, in the order shown */
static void
collect_choices (GtkWidget *widget,
                 GPtrArray *names)
{
  const char *name = gtk_widget_get_name (widget);

  if (g_str_has_prefix (name, "icon:"))
    g_ptr_array_add (names, (gpointer) (name + strlen ("icon:")));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_choices (child, names);
}

static void
test_icon_choice (Fixture       *fixture,
                  gconstpointer  data)
{
  ImpactWindow *window = fixture->window;
  GPtrArray *stats = impact_document_get_statistics (document (fixture));
  GtkWidget *button = impact_editor_pane_get_field (fixture->pane, "statistics.1.icon");
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(ImpactSheetLayout) before_layout = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  GString *expected;
  GtkPopover *popover;
  guint first_other = G_MAXUINT;

  /* the example: statistics heart, scales, people; pillars check,
   * scales, heart, pillar */
  g_assert_cmpstr (((ImpactStatistic *) g_ptr_array_index (stats, 1))->icon, ==, "scales");
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  g_assert_cmpstr (impact_accessible_get_label (button), ==, "Icon: Scales");
  g_assert_true (impact_editor_pane_focus_field (fixture->pane, "statistics.1.icon"));
  let_frames_pass ();
  g_assert_true (gtk_widget_get_mapped (button));
  before = impact_json_writer_to_data (document (fixture), NULL);

  /* the icons the document uses first, then the others, then none */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  impact_gui_test_settle ();
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  let_frames_pass ();
  impact_gui_test_screenshot_popover (GTK_WIDGET (window), popover, "editor-icon");
  collect_choices (GTK_WIDGET (popover), names);
  g_assert_cmpuint (names->len, ==, 11);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      gboolean used = g_str_equal (name, "heart") || g_str_equal (name, "scales") ||
                      g_str_equal (name, "people") || g_str_equal (name, "check") ||
                      g_str_equal (name, "pillar");

      if (!used && first_other == G_MAXUINT)
        first_other = i;
      if (used)
        g_assert_cmpuint (first_other, ==, G_MAXUINT);
    }
  g_assert_cmpuint (first_other, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (names, names->len - 1), ==, "none");
  /* each shows the icon drawn, the current one pressed */
  {
    GtkWidget *scales = impact_gui_test_find_named (GTK_WIDGET (popover), "icon:scales");
    GtkWidget *star = impact_gui_test_find_named (GTK_WIDGET (popover), "icon:star");

    g_assert_nonnull (impact_gui_test_find_type (star, GTK_TYPE_DRAWING_AREA));
    g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (scales)));
    g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (star)));
    g_assert_cmpstr (impact_accessible_get_label (star), ==, "Star");
  }
  gtk_popover_popdown (popover);

  /* choosing one: that statistic's icon, and nothing else */
  before_layout = preview_layout (window);
  g_assert_true (impact_gui_test_pick (button, "icon:star"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));
  g_assert_cmpstr (((ImpactStatistic *) g_ptr_array_index (stats, 1))->icon, ==, "star");
  g_assert_cmpstr (impact_accessible_get_label (button), ==, "Icon: Star");
  after = impact_json_writer_to_data (document (fixture), NULL);
  expected = g_string_new (before);
  /* the first "scales" of the file is statistics[1]'s */
  g_assert_cmpuint (g_string_replace (expected, "\"icon\": \"scales\"", "\"icon\": \"star\"", 1), ==, 1);
  g_assert_cmpstr (after, ==, expected->str);
  g_string_free (expected, TRUE);
  g_assert_true (impact_session_get_modified (impact_window_get_session (window)));

  /* the preview is laid out again */
  g_assert_true (impact_gui_test_wait_for_layout (window, before_layout, "the preview to be laid out again"));

  /* undo takes it back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  impact_gui_test_settle ();
  undone = impact_json_writer_to_data (impact_window_get_document (window), NULL);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpstr (((ImpactStatistic *) g_ptr_array_index (impact_document_get_statistics (impact_window_get_document (window)), 1))->icon,
                   ==, "scales");
  g_assert_cmpstr (impact_accessible_get_label (impact_editor_pane_get_field (fixture->pane, "statistics.1.icon")),
                   ==, "Icon: Scales");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  app = impact_gui_test_app_new ();

  g_test_add ("/gui/editor-sections/overview", Fixture, NULL,
              fixture_set_up, test_overview, fixture_tear_down);
  g_test_add ("/gui/editor-sections/open-and-back", Fixture, NULL,
              fixture_set_up, test_open_and_back, fixture_tear_down);
  g_test_add ("/gui/editor-sections/select-opens-page", Fixture, NULL,
              fixture_set_up, test_select_opens_page, fixture_tear_down);
  g_test_add ("/gui/editor-sections/category-choice", Fixture, NULL,
              fixture_set_up, test_category_choice, fixture_tear_down);
  g_test_add ("/gui/editor-sections/icon-choice", Fixture, NULL,
              fixture_set_up, test_icon_choice, fixture_tear_down);

  return g_test_run ();
}
