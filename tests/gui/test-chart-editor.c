/* test-chart-editor.c: the Charts group of the editor pane in the real
 * window under Xvfb: the kind, the points, the metric and the running
 * total change the document and the preview; undo brings them back; a
 * chart is added and removed; the pure helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "impact-application.h"
#include "impact-chart-editor.h"
#include "impact-gui-test-utils.h"
#include "impact-json-loader.h"
/* the layout's drawing operations: what the preview draws */
#include "impact-sheet-layout-private.h"
#include "impact-test-utils.h"
#include "impact-window.h"

static ImpactApplication *app;

/* The example with two charts: one derived, one a sparkline in the second
 * statistic's panel */
static GFile *
example_with_charts (const char *dir)
{
  g_autofree char *example = impact_test_example_path ("kolkata.json");
  g_autofree char *path = g_build_filename (dir, "office.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) charts = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, example, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (charts,
                              "[{\"label\": \"Rescued per year\", \"derive\": {\"metric\": \"rescued\"}},"
                              " {\"label\": \"Restrained\", \"kind\": \"sparkline\", \"statistic\": 1,"
                              "  \"points\": [[\"2019\", 18], [\"2020\", 25], [\"2021\", 31]]}]", -1, &error);
  g_assert_no_error (error);
  json_object_set_member (json_node_get_object (json_parser_get_root (parser)), "charts",
                          json_node_copy (json_parser_get_root (charts)));
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static gboolean
shown (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (impact_gui_test_editor (data))) > 0;
}

static GtkWidget *
control (ImpactWindow *window,
         const char   *name)
{
  GtkWidget *widget;

  impact_gui_test_settle ();
  widget = impact_editor_pane_get_field (impact_gui_test_editor (window), name);
  if (widget == NULL)
    g_error ("no chart control %s", name);
  return widget;
}

static ImpactChartSpec *
chart (ImpactWindow *window,
       guint         index)
{
  return g_ptr_array_index (impact_document_get_charts (impact_window_get_document (window)), index);
}

/* What the preview draws in the box of chart @index of the back page:
 * rectangles (columns) and polygons (an area) */
static void
count_drawing (ImpactWindow *window,
               guint         index,
               guint        *n_rects,
               guint        *n_polygons)
{
  ImpactSheetLayout *layout = impact_sheet_preview_get_layout (impact_window_get_preview (window));
  ImpactBox box;
  guint page;

  *n_rects = *n_polygons = 0;
  g_assert_true (impact_sheet_layout_find (layout, IMPACT_SECTION_CHARTS, (int) index, &page, &box));
  for (guint i = 0; i < impact_sheet_layout_get_n_ops (layout, page); i++)
    {
      const ImpactOp *op = impact_sheet_layout_get_op (layout, page, i);
      double x = op->kind == IMPACT_OP_POLYGON ? op->points[0] : op->x;
      double y = op->kind == IMPACT_OP_POLYGON ? op->points[1] : op->y;

      if (x < box.x - 0.5 || x > box.x + box.width + 0.5 || y < box.y - 0.5 || y > box.y + box.height + 0.5)
        continue;
      if (op->kind == IMPACT_OP_RECT)
        (*n_rects)++;
      else if (op->kind == IMPACT_OP_POLYGON)
        (*n_polygons)++;
    }
}

static void
test_kind_points_undo (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = example_with_charts (dir);
  ImpactWindow *window = IMPACT_WINDOW (impact_application_open_file (app, file, NULL));
  GtkWidget *kind, *points, *sw;
  ImpactSheetLayout *before;
  guint rects, polygons, columns_rects;
  g_autoptr(GError) error = NULL;

  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the document to load"));
  impact_gui_test_settle ();
  g_assert_null (impact_editor_pane_get_field (impact_gui_test_editor (window), "charts.7.kind"));
  g_assert_cmpint (chart (window, 0)->kind, ==, IMPACT_CHART_COLUMNS);
  count_drawing (window, 0, &columns_rects, &polygons);
  g_assert_cmpuint (polygons, ==, 0);

  /* the kind: columns -> area; the document and the preview follow */
  before = impact_sheet_preview_get_layout (impact_window_get_preview (window));
  kind = control (window, "charts.0.kind");
  g_assert_true (ADW_IS_COMBO_ROW (kind));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), IMPACT_CHART_AREA);
  g_assert_cmpint (chart (window, 0)->kind, ==, IMPACT_CHART_AREA);
  g_assert_true (impact_window_get_modified (window));
  /* a change of structure: the preview is laid out again at once */
  g_assert_true (impact_sheet_preview_get_layout (impact_window_get_preview (window)) != before);
  count_drawing (window, 0, &rects, &polygons);
  g_assert_cmpuint (polygons, >, 0);
  g_assert_cmpuint (rects, <, columns_rects);

  /* undo: columns again, in the document, the pane and the preview */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (chart (window, 0)->kind, ==, IMPACT_CHART_COLUMNS);
  kind = control (window, "charts.0.kind");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind)), ==, 0);
  count_drawing (window, 0, &rects, &polygons);
  g_assert_cmpuint (polygons, ==, 0);
  g_assert_cmpuint (rects, ==, columns_rects);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpint (chart (window, 0)->kind, ==, IMPACT_CHART_AREA);

  /* IMPACT_TEST_SCREENSHOT_DIR: the group with both charts open */
  if (g_getenv ("IMPACT_TEST_SCREENSHOT_DIR") != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
      g_assert_true (impact_gui_test_wait_for (shown, window, "the window"));
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (control (window, "charts.0.row")), TRUE);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (control (window, "charts.1.row")), TRUE);
      for (int i = 0; i < 30; i++)
        {
          g_usleep (10 * 1000);
          impact_gui_test_settle ();
        }
      {
        GtkWidget *row = control (window, "charts.0.row");
        GtkWidget *scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
        graphene_rect_t bounds;

        g_assert_true (gtk_widget_compute_bounds (row, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                                  &bounds));
        gtk_adjustment_set_value (adjustment, bounds.origin.y - 80);
      }
      for (int i = 0; i < 30; i++)
        {
          g_usleep (10 * 1000);
          impact_gui_test_settle ();
        }
      impact_gui_test_screenshot (GTK_WIDGET (window), "chart-editor");
    }

  /* the running total */
  sw = control (window, "charts.0.derive.cumulative");
  gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
  g_assert_true (chart (window, 0)->derive_cumulative);

  /* the points of the sparkline: a malformed text is not taken */
  points = control (window, "charts.1.points");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (points)), ==, "2019: 18; 2020: 25; 2021: 31");
  gtk_editable_set_text (GTK_EDITABLE (points), "2019: 18; 2020 25");
  g_assert_true (gtk_widget_has_css_class (points, "error"));
  g_assert_cmpuint (chart (window, 1)->points->len, ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (points), "2019: 18; 2020: –; 2021: 40; 2022: 52");
  g_assert_false (gtk_widget_has_css_class (points, "error"));
  g_assert_cmpuint (chart (window, 1)->points->len, ==, 4);
  g_assert_true (g_array_index (chart (window, 1)->points, ImpactChartPoint, 1).missing);
  g_assert_cmpfloat (g_array_index (chart (window, 1)->points, ImpactChartPoint, 3).value, ==, 52);

  /* its panel: the first statistic's instead of the second's */
  adw_combo_row_set_selected (ADW_COMBO_ROW (control (window, "charts.1.statistic")), 1);
  g_assert_cmpint (chart (window, 1)->statistic, ==, 0);

  /* add a chart (it follows the milestones' first metric), remove it */
  g_signal_emit_by_name (control (window, "charts.add"), "clicked");
  g_assert_cmpuint (impact_document_get_charts (impact_window_get_document (window))->len, ==, 3);
  g_assert_nonnull (chart (window, 2)->derive_metric);
  g_signal_emit_by_name (control (window, "charts.2.remove"), "clicked");
  g_assert_cmpuint (impact_document_get_charts (impact_window_get_document (window))->len, ==, 2);
  impact_gui_test_settle ();
  g_assert_null (impact_editor_pane_get_field (impact_gui_test_editor (window), "charts.2.kind"));

  /* a chart chosen on the sheet opens its row in the pane, at its label */
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (control (window, "charts.1.row"))) &&
                  g_getenv ("IMPACT_TEST_SCREENSHOT_DIR") == NULL);
  g_assert_true (impact_editor_pane_select (impact_gui_test_editor (window), IMPACT_SECTION_CHARTS, 1));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (control (window, "charts.1.row"))));

  /* saved as edited */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (impact_gui_test_wait_for (impact_gui_test_save_written, window, "the save"));
  {
    g_autoptr(ImpactDocument) again = impact_json_loader_load_file (file, NULL, NULL, &error);
    GPtrArray *charts;
    ImpactChartSpec *first, *second;

    g_assert_no_error (error);
    charts = impact_document_get_charts (again);
    g_assert_cmpuint (charts->len, ==, 2);
    first = g_ptr_array_index (charts, 0);
    second = g_ptr_array_index (charts, 1);
    g_assert_cmpint (first->kind, ==, IMPACT_CHART_AREA);
    g_assert_true (first->derive_cumulative);
    g_assert_cmpint (second->statistic, ==, 0);
    g_assert_cmpuint (second->points->len, ==, 4);
    g_assert_true (g_array_index (second->points, ImpactChartPoint, 1).missing);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  impact_gui_test_wait_for (impact_gui_test_no_windows, app, "the window to go away");
  impact_test_remove_tree (dir);
}

static gboolean
no_warning (gpointer data)
{
  return !gtk_widget_has_css_class (data, "warning");
}

static gboolean
tooltip_has (gpointer data)
{
  gpointer *args = data;
  g_autofree char *tooltip = gtk_widget_get_tooltip_text (args[0]) ? g_strdup (gtk_widget_get_tooltip_text (args[0])) : NULL;

  return tooltip != NULL && strstr (tooltip, args[1]) != NULL;
}

/* The sheet's warning about a chart shows on the row it is about and on
 * the chart's row: per quarter, a milestone dated only by year is left
 * out, and the Per row says so until the chart is per year again */
static void
test_warning_on_its_row (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autoptr(GFile) file = example_with_charts (dir);
  ImpactWindow *window = IMPACT_WINDOW (impact_application_open_file (app, file, NULL));
  GtkWidget *per, *metric, *row;
  gpointer args[2];

  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the document to load"));
  impact_gui_test_settle ();
  per = control (window, "charts.0.derive.per");
  g_assert_true (ADW_IS_COMBO_ROW (per));
  g_assert_false (gtk_widget_has_css_class (per, "warning"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (per), IMPACT_CHART_PER_QUARTER);
  args[0] = per;
  args[1] = "dated only by year";
  g_assert_true (impact_gui_test_wait_for (tooltip_has, args, "the warning on the Per row"));
  g_assert_true (gtk_widget_has_css_class (per, "warning"));
  /* and on the chart's row, closed or open */
  row = control (window, "charts.0.row");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "dated only by year"));
  g_assert_cmpstr (adw_expander_row_get_icon_name (ADW_EXPANDER_ROW (row)), ==, "dialog-warning-symbolic");
  /* only the Per row is marked, not every row of the chart */
  g_assert_false (gtk_widget_has_css_class (row, "warning"));
  g_assert_nonnull (strstr (impact_editor_pane_get_message (impact_gui_test_editor (window), "charts.0.derive.per"),
                            "per-quarter chart"));
  /* only there: the metric's row has none */
  metric = control (window, "charts.0.derive.metric");
  g_assert_false (gtk_widget_has_css_class (metric, "warning"));
  /* the chart's row, open, as a user finds it */
  g_assert_true (impact_editor_pane_select (impact_gui_test_editor (window), IMPACT_SECTION_CHARTS, 0));
  for (int i = 0; i < 40 && g_getenv ("IMPACT_TEST_SCREENSHOT_DIR") != NULL; i++)
    {
      g_usleep (10 * 1000);
      impact_gui_test_settle ();
    }
  impact_gui_test_screenshot (GTK_WIDGET (window), "chart-warning");

  /* per year again: the warning goes */
  adw_combo_row_set_selected (ADW_COMBO_ROW (per), IMPACT_CHART_PER_YEAR);
  g_assert_true (impact_gui_test_wait_for (no_warning, per, "the warning to go"));
  g_assert_null (gtk_widget_get_tooltip_text (per));
  row = control (window, "charts.0.row");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Columns");
  g_assert_null (adw_expander_row_get_icon_name (ADW_EXPANDER_ROW (row)));

  gtk_window_destroy (GTK_WINDOW (window));
  impact_gui_test_wait_for (impact_gui_test_no_windows, app, "the window to go away");
  impact_test_remove_tree (dir);
}

/* The points as text, both ways */
static void
test_points_text (void)
{
  g_autoptr(ImpactChartSpec) spec = impact_chart_spec_new ();
  g_autofree char *text = NULL, *message = NULL;
  const char *bad[] = { "2016 12", ": 4", "2016: twelve", "2016: 1e16", "", " ; " };

  g_assert_true (impact_chart_editor_parse_points (" 2016: 12 ; Q3 2017: 18.5; 2018: -; 2019:", spec, &message));
  g_assert_null (message);
  g_assert_cmpuint (spec->points->len, ==, 4);
  g_assert_cmpstr (g_array_index (spec->points, ImpactChartPoint, 1).label, ==, "Q3 2017");
  g_assert_cmpfloat (g_array_index (spec->points, ImpactChartPoint, 1).value, ==, 18.5);
  g_assert_true (g_array_index (spec->points, ImpactChartPoint, 2).missing);
  g_assert_true (g_array_index (spec->points, ImpactChartPoint, 3).missing);
  text = impact_chart_editor_format_points (spec);
  g_assert_cmpstr (text, ==, "2016: 12; Q3 2017: 18.5; 2018: –; 2019: –");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_clear_pointer (&message, g_free);
      g_assert_false (impact_chart_editor_parse_points (bad[i], spec, &message));
      g_assert_nonnull (message);
      g_assert_cmpuint (spec->points->len, ==, 4);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;
  /* recovery copies of the edited document go under a folder of the test's own */
  g_autofree char *state = g_dir_make_tmp ("impact-chart-editor-state-XXXXXX", NULL);

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_test_init (&argc, &argv, NULL);

  app = impact_gui_test_app_new ();

  g_test_add_func ("/gui/chart-editor/kind-points-undo", test_kind_points_undo);
  g_test_add_func ("/gui/chart-editor/points-text", test_points_text);
  g_test_add_func ("/gui/chart-editor/warning-on-its-row", test_warning_on_its_row);

  status = g_test_run ();
  g_clear_object (&app);
  impact_test_remove_tree (state);
  return status;
}
