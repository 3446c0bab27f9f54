/* test-editor.c: the editor pane by section, under Xvfb
 *
 * Every field descriptor of the section table has its row, of the control
 * its kind asks for; Bold and Italic (buttons, actions, Ctrl+B / Ctrl+I)
 * wrap and unwrap the selection; the calendar popover writes a date at the
 * precision chosen, and typed dates are still checked; a statistic's
 * "Count from Milestones" switch and metric drop-down make its figure the
 * computed count; the font rows offer the installed families, Inter and
 * the Noto families first, and write the one chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <adwaita.h>

/* for impact_date_row_text, a pure helper of the date row */
#include "editor/impact-editor-pane-private.h"
#include "impact-application.h"
#include "impact-gui-test-utils.h"
#include "impact-test-utils.h"
#include "impact-window.h"
#include "sections/impact-sections.h"

static ImpactApplication *app;

typedef struct
{
  char         *dir;
  ImpactWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = impact_gui_test_open_example (app, &fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  impact_gui_test_close_example (app, fixture->window, fixture->dir);
  g_free (fixture->dir);
}

static GtkWidget *
field (Fixture    *fixture,
       const char *key)
{
  GtkWidget *widget = impact_editor_pane_get_field (impact_gui_test_editor (fixture->window), key);

  if (widget == NULL)
    g_error ("no editor field %s", key);
  return widget;
}

static ImpactDocument *
document (Fixture *fixture)
{
  return impact_window_get_document (fixture->window);
}

/* Every descriptor */

static gboolean
widget_fits_kind (GtkWidget             *widget,
                  const ImpactFieldInfo *info)
{
  if (info->value == IMPACT_VALUE_DERIVE_METRIC)
    return GTK_IS_EDITABLE (widget);
  switch (info->kind)
    {
    case IMPACT_FIELD_PARAGRAPH: return GTK_IS_TEXT_VIEW (widget);
    case IMPACT_FIELD_NUMBER:    return GTK_IS_SPIN_BUTTON (widget);
    case IMPACT_FIELD_SWITCH:    return GTK_IS_SWITCH (widget);
    case IMPACT_FIELD_COLOUR:    return GTK_IS_COLOR_BUTTON (widget);
    case IMPACT_FIELD_FONT:      return GTK_IS_MENU_BUTTON (widget);
    case IMPACT_FIELD_ICON:      return GTK_IS_MENU_BUTTON (widget);
    case IMPACT_FIELD_CHOICE:    return ADW_IS_COMBO_ROW (widget);
    case IMPACT_FIELD_IMAGE:     return ADW_IS_ACTION_ROW (widget);
    default:                     return ADW_IS_ENTRY_ROW (widget);
    }
}

static void
test_every_field_has_a_row (Fixture       *fixture,
                            gconstpointer  data)
{
  guint n_sections, n_checked = 0;
  const ImpactSectionInfo *sections = impact_sections_get_all (&n_sections);

  /* the example has no era: add one, so that its fields exist */
  g_signal_emit_by_name (field (fixture, "add.4"), "clicked");
  g_assert_cmpuint (impact_document_get_eras (document (fixture))->len, ==, 1);

  for (guint i = 0; i < n_sections; i++)
    for (const ImpactFieldGroup *group = sections[i].fields; group && group->key; group++)
      for (guint pass = 0; pass < 2; pass++)
        {
          const ImpactFieldInfo *fields = pass == 0 ? group->fields : group->item_fields;

          for (const ImpactFieldInfo *info = fields; info && info->key; info++)
            {
              g_autofree char *key = impact_field_key (group, info, pass == 1 ? 0 : -1);
              GtkWidget *widget = field (fixture, key);

              g_test_message ("%s", key);
              g_assert_true (widget_fits_kind (widget, info));
              g_assert_true (gtk_widget_is_ancestor (widget, GTK_WIDGET (impact_gui_test_editor (fixture->window))));
              n_checked++;
            }
        }
  g_assert_cmpuint (n_checked, >, 50);
  /* a key no descriptor has has no row */
  g_assert_null (impact_editor_pane_get_field (impact_gui_test_editor (fixture->window), "statistics.0.nonsense"));
}

/* Bold and Italic */

static void
select_text (GtkTextBuffer *buffer,
             const char    *word)
{
  GtkTextIter start, end, match_start, match_end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_assert_true (gtk_text_iter_forward_search (&start, word, 0, &match_start, &match_end, NULL));
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
}

static gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (text, trigger) && GTK_IS_NAMED_ACTION (named) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)), action))
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_bold_italic (Fixture       *fixture,
                  gconstpointer  data)
{
  ImpactFact *fact = g_ptr_array_index (impact_document_get_facts (document (fixture)), 1);
  GtkWidget *view = field (fixture, "facts.1.text");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkWidget *row = gtk_widget_get_ancestor (view, ADW_TYPE_PREFERENCES_ROW);
  GtkWidget *bold = impact_gui_test_find_named (row, "bold-button");
  GtkWidget *italic = impact_gui_test_find_named (row, "italic-button");
  GtkTextIter iter;

  g_assert_nonnull (bold);
  g_assert_nonnull (italic);
  g_assert_true (has_shortcut (view, "<Control>b", "rich.bold"));
  g_assert_true (has_shortcut (view, "<Control>i", "rich.italic"));

  gtk_text_buffer_set_text (buffer, "Half of the girls were minors", -1);
  g_assert_cmpstr (fact->text, ==, "Half of the girls were minors");

  /* wrap and unwrap the selection by the action (what Ctrl+B runs) */
  select_text (buffer, "girls");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (bold)));
  g_assert_true (gtk_widget_activate_action (view, "rich.bold", NULL));
  g_assert_cmpstr (fact->text, ==, "Half of the **girls** were minors");
  g_assert_true (impact_editor_pane_focus_field (impact_gui_test_editor (fixture->window), "facts.1.text"));
  impact_gui_test_settle ();
  select_text (buffer, "girls");
  impact_gui_test_screenshot (GTK_WIDGET (fixture->window), "editor-bold");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (bold)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (italic)));

  /* italic on top, then bold taken away: italic is left */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (italic), TRUE);
  g_assert_cmpstr (fact->text, ==, "Half of the ***girls*** were minors");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (bold)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (bold), FALSE);
  g_assert_cmpstr (fact->text, ==, "Half of the *girls* were minors");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (bold)));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (italic)));
  g_assert_true (gtk_widget_activate_action (view, "rich.italic", NULL));
  g_assert_cmpstr (fact->text, ==, "Half of the girls were minors");

  /* a selection that holds its markers is unwrapped too */
  gtk_text_buffer_set_text (buffer, "a **big** day", -1);
  select_text (buffer, "**big**");
  gtk_widget_activate_action (view, "rich.bold", NULL);
  g_assert_cmpstr (fact->text, ==, "a big day");
  /* a selection of several words, and a second run in the same text */
  gtk_text_buffer_set_text (buffer, "a big day and a long night", -1);
  select_text (buffer, "big day");
  gtk_widget_activate_action (view, "rich.italic", NULL);
  select_text (buffer, "long night");
  gtk_widget_activate_action (view, "rich.bold", NULL);
  g_assert_cmpstr (fact->text, ==, "a *big day* and a **long night**");

  /* no selection: the word at the cursor */
  gtk_text_buffer_set_text (buffer, "Half of them", -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 2);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_activate_action (view, "rich.bold", NULL);
  g_assert_cmpstr (fact->text, ==, "**Half** of them");
  g_assert_null (impact_editor_pane_get_message (impact_gui_test_editor (fixture->window), "facts.1.text"));

  /* a plain text (the quotation) has no emphasis buttons */
  view = field (fixture, "quote.text");
  g_assert_null (impact_gui_test_find_named (gtk_widget_get_ancestor (view, ADW_TYPE_PREFERENCES_ROW), "bold-button"));
}

/* The calendar popover */

static void
test_date_popover (Fixture       *fixture,
                   gconstpointer  data)
{
  ImpactMilestone *milestone = g_ptr_array_index (impact_document_get_milestones (document (fixture)), 5);
  GtkWidget *entry = field (fixture, "milestones.5.date");
  GtkWidget *button = impact_gui_test_find_named (entry, "date-button");
  GtkWidget *calendar = impact_gui_test_find_named (entry, "date-calendar");
  GtkWidget *precision = impact_gui_test_find_named (entry, "date-precision");
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) shown = NULL;
  g_autofree char *iso = NULL;

  g_assert_nonnull (button);
  g_assert_nonnull (calendar);
  g_assert_nonnull (precision);
  g_assert_true (GTK_IS_POPOVER (gtk_widget_get_ancestor (calendar, GTK_TYPE_POPOVER)));
  g_assert_true (gtk_widget_is_ancestor (calendar, button));

  /* (the popover is not opened: under Xvfb a popup may find no monitor)
   * it shows the date of the data (2017-08-24), at its precision */
  shown = gtk_calendar_get_date (GTK_CALENDAR (calendar));
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2017);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 8);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 24);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (precision)), ==, 2);

  /* a day chosen on the calendar */
  day = g_date_time_new_local (2015, 6, 20, 0, 0, 0);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2015-06-20");
  g_assert_cmpint (milestone->date.year, ==, 2015);
  g_assert_cmpint (milestone->date.month, ==, 6);
  g_assert_cmpint (milestone->date.day, ==, 20);

  /* only the month, then only the year */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (precision), 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2015-06");
  g_assert_cmpint (impact_date_get_precision (&milestone->date), ==, IMPACT_DATE_PRECISION_MONTH);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (precision), 0);
  iso = impact_date_to_iso (&milestone->date);
  g_assert_cmpstr (iso, ==, "2015");

  /* typing still works, and is checked */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (entry), ==, "YYYY, YYYY-MM or YYYY-MM-DD");
  gtk_editable_set_text (GTK_EDITABLE (entry), "2019-13");
  g_assert_nonnull (impact_editor_pane_get_message (impact_gui_test_editor (fixture->window), "milestones.5.date"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (entry), ==,
                   impact_editor_pane_get_message (impact_gui_test_editor (fixture->window), "milestones.5.date"));
  g_assert_cmpint (milestone->date.year, ==, 2015);
  gtk_editable_set_text (GTK_EDITABLE (entry), "2020-02");
  g_assert_null (impact_editor_pane_get_message (impact_gui_test_editor (fixture->window), "milestones.5.date"));
  /* the hint is back once the message has gone */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (entry), ==, "YYYY, YYYY-MM or YYYY-MM-DD");
  g_assert_cmpint (milestone->date.year, ==, 2020);
  g_assert_cmpint (milestone->date.month, ==, 2);
  g_assert_cmpint (milestone->date.day, ==, 0);

  /* and the calendar follows what was typed */
  g_clear_pointer (&shown, g_date_time_unref);
  shown = gtk_calendar_get_date (GTK_CALENDAR (calendar));
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2020);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (precision)), ==, 1);

  /* the pure helper behind it */
  {
    g_autofree char *year = impact_date_row_text (1999, 12, 31, IMPACT_DATE_PRECISION_YEAR);
    g_autofree char *month = impact_date_row_text (1999, 12, 31, IMPACT_DATE_PRECISION_MONTH);
    g_autofree char *full = impact_date_row_text (1999, 2, 3, IMPACT_DATE_PRECISION_DAY);

    g_assert_cmpstr (year, ==, "1999");
    g_assert_cmpstr (month, ==, "1999-12");
    g_assert_cmpstr (full, ==, "1999-02-03");
  }
}

/* Count from milestones */

static const char *
switch_subtitle (GtkWidget *toggle)
{
  GtkWidget *row = gtk_widget_get_ancestor (toggle, ADW_TYPE_ACTION_ROW);

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static void
choose_metric (Fixture    *fixture,
               const char *key,
               const char *metric)
{
  GtkWidget *button = impact_gui_test_find_named (field (fixture, key), "metric-button");
  g_autofree char *name = g_strconcat ("metric:", metric, NULL);
  GtkWidget *choice;

  g_assert_nonnull (button);
  /* the drop-down lists the metrics of the milestones (it lists them
   * again each time it opens) */
  choice = impact_gui_test_find_named (button, name);
  g_assert_nonnull (choice);
  g_signal_emit_by_name (choice, "clicked");
  impact_gui_test_settle ();
}

static void
test_count_from_milestones (Fixture       *fixture,
                            gconstpointer  data)
{
  GPtrArray *statistics = impact_document_get_statistics (document (fixture));
  ImpactStatistic *stat = g_ptr_array_index (statistics, 0);
  ImpactStatistic *plain = g_ptr_array_index (statistics, 1);
  GtkWidget *toggle = field (fixture, "statistics.0.derive");
  GtkWidget *value = field (fixture, "statistics.0.value");
  GtkWidget *entry = field (fixture, "statistics.0.derive.metric");

  /* the example counts "rescued" (9 in the milestones) plus 426 others */
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_false (gtk_widget_get_sensitive (value));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (value)), ==, 435);
  g_assert_cmpstr (switch_subtitle (toggle), ==, "9 from milestones + 426 others");
  g_assert_true (impact_editor_pane_focus_field (impact_gui_test_editor (fixture->window), "statistics.0.source.url"));
  /* a few frames for the scroll, for the screenshot */
  for (int i = 0; i < 30; i++)
    {
      g_usleep (10 * 1000);
      impact_gui_test_settle ();
    }
  impact_gui_test_screenshot (GTK_WIDGET (fixture->window), "editor-statistic");

  /* off: the figure is typed in again, and keeps its value */
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  g_assert_null (stat->derive_metric);
  g_assert_true (gtk_widget_get_sensitive (value));
  g_assert_cmpfloat (stat->value, ==, 435);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (switch_subtitle (toggle), ==, "The figure is typed in");

  /* on again: the metric it counted before */
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_cmpstr (stat->derive_metric, ==, "rescued");
  g_assert_false (gtk_widget_get_sensitive (value));

  /* another metric from the drop-down: 3 + 4 arrests, plus the 426 */
  choose_metric (fixture, "statistics.0.derive.metric", "arrested");
  g_assert_cmpstr (stat->derive_metric, ==, "arrested");
  g_assert_cmpfloat (stat->value, ==, 433);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (value)), ==, 433);
  g_assert_cmpstr (switch_subtitle (toggle), ==, "7 from milestones + 426 others");

  /* a typed statistic turned on counts the first metric of the milestones */
  toggle = field (fixture, "statistics.1.derive");
  value = field (fixture, "statistics.1.value");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_true (gtk_widget_get_sensitive (value));
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_cmpstr (plain->derive_metric, ==, "rescued");
  g_assert_cmpfloat (plain->value, ==, 9);
  g_assert_false (gtk_widget_get_sensitive (value));
  g_assert_cmpstr (switch_subtitle (toggle), ==, "9 from milestones");

  /* undo takes the whole change back */
  impact_session_flush_edits (impact_window_get_session (fixture->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  impact_gui_test_settle ();
  plain = g_ptr_array_index (impact_document_get_statistics (document (fixture)), 1);
  g_assert_null (plain->derive_metric);
  g_assert_cmpfloat (plain->value, ==, 330);
}

/* Fonts */

static void
test_font_chooser (Fixture       *fixture,
                   gconstpointer  data)
{
  ImpactThemeSpec *theme = impact_document_get_theme_spec (document (fixture));
  GtkWidget *button = field (fixture, "theme.heading_font");
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW);
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  GtkWidget *search, *list, *choice;
  GtkListBoxRow *first;
  g_autoptr(ImpactSheetLayout) before = NULL;

  g_assert_cmpstr (theme->heading_font, ==, "Inter Display");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "");

  /* the popover lists the families, Inter first, each in its face (the
   * row is scrolled into view first: a popup needs its button on screen) */
  g_assert_true (impact_editor_pane_focus_field (impact_gui_test_editor (fixture->window), "theme.heading_font"));
  for (int i = 0; i < 30; i++)
    {
      g_usleep (10 * 1000);
      impact_gui_test_settle ();
    }
  g_assert_true (gtk_widget_get_mapped (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  impact_gui_test_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  list = impact_gui_test_find_type (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX);
  search = impact_gui_test_find_type (GTK_WIDGET (popover), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (list);
  g_assert_nonnull (search);
  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (first)), ==, "Inter");
  /* the family the data names is selected */
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (list)))),
                   ==, "Inter Display");
  g_assert_null (impact_gui_test_find_named (list, "Sans"));
  for (int i = 0; i < 20; i++)
    {
      g_usleep (10 * 1000);
      impact_gui_test_settle ();
    }
  impact_gui_test_screenshot (GTK_WIDGET (fixture->window), "editor-font");
  impact_gui_test_screenshot (GTK_WIDGET (popover), "editor-font-popover");

  /* a search leaves the matching families; Enter takes the first */
  gtk_editable_set_text (GTK_EDITABLE (search), "noto serif");
  g_signal_emit_by_name (search, "search-changed");
  impact_gui_test_settle ();
  choice = impact_gui_test_find_named (list, "Noto Serif");
  g_assert_nonnull (choice);
  g_assert_true (gtk_widget_get_child_visible (choice));
  g_assert_false (gtk_widget_get_child_visible (impact_gui_test_find_named (list, "Inter")));
  before = g_object_ref (impact_sheet_preview_get_layout (impact_window_get_preview (fixture->window)));
  g_signal_emit_by_name (search, "activate");
  impact_gui_test_settle ();
  g_assert_cmpstr (theme->heading_font, ==, "Noto Serif");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (impact_gui_test_wait_for_layout (fixture->window, before, "the re-layout"));

  /* the body font's row: Enter without a search changes nothing */
  button = field (fixture, "theme.body_font");
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  impact_gui_test_settle ();
  search = impact_gui_test_find_type (GTK_WIDGET (popover), GTK_TYPE_SEARCH_ENTRY);
  g_signal_emit_by_name (search, "activate");
  impact_gui_test_settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (impact_document_get_theme_spec (document (fixture))->body_font, ==, "Inter");

  /* a click on a family */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  impact_gui_test_settle ();
  list = impact_gui_test_find_type (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX);
  choice = impact_gui_test_find_named (list, "Noto Sans");
  g_assert_nonnull (choice);
  g_signal_emit_by_name (list, "row-activated", choice);
  impact_gui_test_settle ();
  g_assert_cmpstr (impact_document_get_theme_spec (document (fixture))->body_font, ==, "Noto Sans");

  /* undo takes the body font back, then the heading font */
  impact_session_flush_edits (impact_window_get_session (fixture->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  impact_gui_test_settle ();
  theme = impact_document_get_theme_spec (document (fixture));
  g_assert_cmpstr (theme->body_font, ==, "Inter");
  g_assert_cmpstr (theme->heading_font, ==, "Noto Serif");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  impact_gui_test_settle ();
  theme = impact_document_get_theme_spec (document (fixture));
  g_assert_cmpstr (theme->heading_font, ==, "Inter Display");

  /* a family this computer lacks is flagged on the row */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-editor", NULL);
  impact_gui_test_settle ();
  g_free (theme->heading_font);
  theme->heading_font = g_strdup ("No Such Family Sans");
  impact_editor_pane_rebuild (impact_gui_test_editor (fixture->window));
  impact_gui_test_settle ();
  row = gtk_widget_get_ancestor (field (fixture, "theme.heading_font"), ADW_TYPE_ACTION_ROW);
  g_assert_true (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "not installed") != NULL);
  g_assert_true (gtk_widget_has_css_class (row, "warning"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  app = impact_gui_test_app_new ();

  g_test_add ("/gui/editor/every-field-has-a-row", Fixture, NULL,
              fixture_set_up, test_every_field_has_a_row, fixture_tear_down);
  g_test_add ("/gui/editor/bold-italic", Fixture, NULL,
              fixture_set_up, test_bold_italic, fixture_tear_down);
  g_test_add ("/gui/editor/date-popover", Fixture, NULL,
              fixture_set_up, test_date_popover, fixture_tear_down);
  g_test_add ("/gui/editor/count-from-milestones", Fixture, NULL,
              fixture_set_up, test_count_from_milestones, fixture_tear_down);
  g_test_add ("/gui/editor/font-chooser", Fixture, NULL,
              fixture_set_up, test_font_chooser, fixture_tear_down);

  return g_test_run ();
}
