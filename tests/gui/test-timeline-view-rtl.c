/* test-timeline-view-rtl.c: the interactive timeline of a right-to-left
 * document, under Xvfb
 *
 * The Arabic Kolkata example's track runs from right to left: its first
 * milestone is at the right, its last at the left; Left steps forward;
 * a click lands on the milestone drawn under it; a drag moves the track
 * with the pointer. The English example, the same milestones, keeps left
 * to right. Events go where GTK would deliver them (GTK 4.8 cannot
 * synthesise them): "key-pressed" on the view's key controller, the
 * gestures' own signals.
 *
 * With IMPACT_TEST_SCREENSHOT_DIR set it saves the view as
 * timeline-view-ar.png (docs/images/timeline-view-ar.png is made that way).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>

#include "impact-gui-test-utils.h"
#include "impact-json-loader.h"
#include "impact-test-utils.h"
#include "impact-timeline-view.h"

/* An example, read as the window reads a dropped file's bytes */
static ImpactDocument *
load_example (const char *name)
{
  g_autofree char *path = impact_test_example_path (name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  ImpactDocument *doc;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  doc = impact_json_loader_load_data (contents, length, name, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static gboolean
is_laid_out (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 600;
}

/* TRUE when the view's key controller takes the key (else the class's
 * key bindings would) */
static gboolean
press (GtkWidget *view,
       guint      keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (impact_gui_test_find_controller (view, GTK_TYPE_EVENT_CONTROLLER_KEY), "key-pressed",
                         keyval, 0, 0, &handled);
  impact_gui_test_settle ();
  return handled;
}

static double
marker_x (GtkWidget *view,
          int        position)
{
  double x = 0;

  g_assert_true (impact_timeline_view_get_milestone_point (IMPACT_TIMELINE_VIEW (view), position, &x, NULL));
  return x;
}

static int
selected (GtkWidget *view)
{
  return impact_timeline_view_get_selected (IMPACT_TIMELINE_VIEW (view));
}

static void
check_direction (const char *example,
                 gboolean    rtl)
{
  g_autoptr(ImpactDocument) doc = load_example (example);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = impact_timeline_view_new ();
  int n = (int) impact_document_get_milestones (doc)->len;
  double width, y = 0, before;

  g_assert_cmpint (n, >=, 4);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 500);
  gtk_window_set_child (GTK_WINDOW (window), view);
  impact_timeline_view_set_document (IMPACT_TIMELINE_VIEW (view), doc);
  gtk_window_present (GTK_WINDOW (window));
  impact_gui_test_wait_for (is_laid_out, view, "the timeline view");
  impact_gui_test_settle ();
  width = gtk_widget_get_width (view);

  /* time runs from right to left: the first milestone at the right */
  for (int i = 0; i < n; i++)
    {
      double x = marker_x (view, i);

      g_test_message ("%s: milestone %d at x = %.1f of %.0f", example, i, x, width);
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (x, <=, width);
      if (i > 0 && rtl)
        g_assert_cmpfloat (x, <=, marker_x (view, i - 1));
      else if (i > 0)
        g_assert_cmpfloat (x, >=, marker_x (view, i - 1));
    }
  if (rtl)
    g_assert_cmpfloat (marker_x (view, 0), >, width / 2);
  else
    g_assert_cmpfloat (marker_x (view, 0), <, width / 2);

  /* the arrows follow the track: Left forward when it runs leftwards */
  g_assert_true (gtk_widget_activate_action (view, "timeline.first", NULL));
  g_assert_cmpint (selected (view), ==, 0);
  if (rtl)
    {
      g_assert_true (press (view, GDK_KEY_Left));
      g_assert_cmpint (selected (view), ==, 1);
      g_assert_true (press (view, GDK_KEY_Left));
      g_assert_cmpint (selected (view), ==, 2);
      g_assert_true (press (view, GDK_KEY_Right));
      g_assert_cmpint (selected (view), ==, 1);
      g_assert_true (press (view, GDK_KEY_KP_Left));
      g_assert_cmpint (selected (view), ==, 2);
    }
  else
    {
      /* left to right, the class's bindings (Right: timeline.next) have them */
      g_assert_false (press (view, GDK_KEY_Left));
      g_assert_false (press (view, GDK_KEY_Right));
      g_assert_cmpint (selected (view), ==, 0);
    }
  /* other keys are the bindings' */
  g_assert_false (press (view, GDK_KEY_Home));

  /* a click on a marker selects that milestone */
  gtk_widget_activate_action (view, "timeline.fit", NULL);
  impact_gui_test_settle ();
  {
    double x;

    g_assert_true (impact_timeline_view_get_milestone_point (IMPACT_TIMELINE_VIEW (view), n - 2, &x, &y));
    g_signal_emit_by_name (impact_gui_test_find_controller (view, GTK_TYPE_GESTURE_CLICK), "released", 1, x, y);
    impact_gui_test_settle ();
    g_assert_cmpint (selected (view), ==, n - 2);
    for (GtkWidget *child = gtk_widget_get_first_child (view); child; child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_POPOVER (child))
        {
          if (rtl)
            impact_gui_test_screenshot (window, "timeline-view-ar");
          gtk_popover_popdown (GTK_POPOVER (child));
        }
  }

  /* a drag moves the track with the pointer, either way */
  before = marker_x (view, 1);
  g_signal_emit_by_name (impact_gui_test_find_controller (view, GTK_TYPE_GESTURE_DRAG), "drag-begin", width / 2, y);
  g_signal_emit_by_name (impact_gui_test_find_controller (view, GTK_TYPE_GESTURE_DRAG), "drag-update", 100.0, 0.0);
  impact_gui_test_settle ();
  g_assert_cmpfloat_with_epsilon (marker_x (view, 1), before + 100, 0.5);

  gtk_window_destroy (GTK_WINDOW (window));
  impact_gui_test_settle ();
}

static void
test_view_rtl (void)
{
  check_direction ("kolkata-ar.json", TRUE);
}

static void
test_view_ltr (void)
{
  check_direction ("kolkata.json", FALSE);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timeline-view/rtl", test_view_rtl);
  g_test_add_func ("/timeline-view/ltr", test_view_ltr);
  return g_test_run ();
}
