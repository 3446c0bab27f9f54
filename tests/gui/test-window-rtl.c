/* test-window-rtl.c: the window in Arabic, under Xvfb
 *
 * The test runs with LANGUAGE=ar (and the LC_ALL=C.UTF-8 of the GUI tests,
 * so no Arabic locale needs to be installed) and the catalogues built in
 * $IMPACT_LOCALEDIR. It checks that the Arabic catalogue is loaded, that GTK
 * takes the right-to-left direction from the locale, and that the window is
 * laid out mirrored: the Open button at the right end of the header bar, the
 * side pane at the right of the preview.
 *
 * With IMPACT_TEST_SCREENSHOT_DIR set it saves the window as window-ar.png
 * (docs/images/window-ar.png is made that way).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "impact-application.h"
#include "impact-gui-test-utils.h"
#include "impact-window.h"

#define EXAMPLE_URI "resource:///io/github/impactsheet/ImpactSheet/examples/kolkata.json"

static ImpactApplication *app;

static gboolean
preview_drawn (gpointer data)
{
  return impact_sheet_preview_get_first_draw_time (impact_window_get_preview (data)) != 0;
}

/* Drawn, with the side pane fully out and no transition running */
static gboolean
settled (gpointer data)
{
  ImpactWindow *window = data;

  return impact_sheet_preview_get_first_draw_time (impact_window_get_preview (window)) != 0 &&
         !gtk_stack_get_transition_running (GTK_STACK (impact_gui_test_find_stack (GTK_WIDGET (window), "document"))) &&
         adw_flap_get_reveal_progress (ADW_FLAP (impact_gui_test_find_type (GTK_WIDGET (window), ADW_TYPE_FLAP))) == 1.0 &&
         gtk_widget_get_width (GTK_WIDGET (window)) >= 1000;
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  guint *frames = data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
two_frames (gpointer data)
{
  return *(guint *) data >= 2;
}

/* Saves @widget as NAME.png once two more frames are drawn */
static void
screenshot_when_drawn (GtkWidget  *widget,
                       const char *name)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);

  gtk_widget_queue_draw (widget);
  impact_gui_test_wait_for (two_frames, &frames, "two frames");
  gtk_widget_remove_tick_callback (widget, id);
  impact_gui_test_screenshot (widget, name);
}

static void
close_window (ImpactWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  impact_gui_test_wait_for (impact_gui_test_no_windows, app, "the window to go away");
}

/* The horizontal middle of @widget, in @window's coordinates */
static double
middle_x (GtkWidget *widget,
          GtkWidget *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  return bounds.origin.x + bounds.size.width / 2;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Our catalogue and GTK's are both found, and GTK turns right to left */
static void
test_catalogue_and_direction (void)
{
  g_assert_cmpstr (_("Open _Example"), ==, "افتح _مثالًا");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u milestone", "%u milestones", 2), ==, "محطتان");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u milestone", "%u milestones", 11), ==, "%u محطة");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u milestone", "%u milestones", 5), ==, "%u محطات");
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);
}

/* The empty window: right to left, its words in Arabic */
static void
test_empty_window (void)
{
  ImpactWindow *window = impact_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (impact_gui_test_find_stack (GTK_WIDGET (window), "document"))), ==, "empty");
  /* The Open _Example button of the empty page, from the .ui file */
  g_assert_nonnull (find_label (GTK_WIDGET (GTK_STACK (impact_gui_test_find_stack (GTK_WIDGET (window), "document"))), "افتح _مثالًا"));
  g_assert_null (find_label (GTK_WIDGET (GTK_STACK (impact_gui_test_find_stack (GTK_WIDGET (window), "document"))), "Open _Example"));
  screenshot_when_drawn (GTK_WIDGET (window), "window-ar-empty");
  close_window (window);
}

/* The example, opened in a wide window: mirrored */
static void
test_mirrored_window (void)
{
  g_autoptr(GFile) file = g_file_new_for_uri (EXAMPLE_URI);
  ImpactWindow *window = IMPACT_WINDOW (impact_application_open_file (app, file, NULL));
  GtkWidget *widget = GTK_WIDGET (window);
  double open_x, menu_x, pane_x, preview_x;

  /* The size of docs/images/window.png */
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 818);
  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the example to load"));
  g_assert_true (impact_gui_test_wait_for (preview_drawn, window, "the first drawn preview"));
  adw_flap_set_reveal_flap (ADW_FLAP (impact_gui_test_find_type (GTK_WIDGET (window), ADW_TYPE_FLAP)), TRUE);
  g_assert_true (impact_gui_test_wait_for (settled, window, "the side pane and the preview to settle"));

  g_assert_cmpint (gtk_widget_get_direction (widget), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (ADW_HEADER_BAR (impact_gui_test_find_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR)))), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (impact_gui_test_find_named (GTK_WIDGET (window), "window-title"))), ==, _("Built-in example"));
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (impact_gui_test_find_named (GTK_WIDGET (window), "window-title"))), !=, "Built-in example");

  /* The header bar's start (Open) is at the right, its end (the menu) at the left */
  open_x = middle_x (GTK_WIDGET (ADW_SPLIT_BUTTON (impact_gui_test_find_named (GTK_WIDGET (window), "open"))), widget);
  menu_x = middle_x (GTK_WIDGET (GTK_MENU_BUTTON (impact_gui_test_find_named (GTK_WIDGET (window), "main-menu"))), widget);
  g_assert_cmpfloat (open_x, >, gtk_widget_get_width (widget) / 2.0);
  g_assert_cmpfloat (menu_x, <, gtk_widget_get_width (widget) / 2.0);

  /* The side pane, at the flap's start, is at the right of the preview */
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (impact_gui_test_find_type (GTK_WIDGET (window), ADW_TYPE_FLAP))));
  pane_x = middle_x (GTK_WIDGET (GTK_STACK (impact_gui_test_find_stack (GTK_WIDGET (window), "edit"))), widget);
  preview_x = middle_x (GTK_WIDGET (impact_window_get_preview (window)), widget);
  g_assert_cmpfloat (pane_x, >, preview_x);

  impact_gui_test_screenshot (widget, "window-ar");

  /* The Timeline page, for the screenshot: the view's own words */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (impact_gui_test_find_stack (GTK_WIDGET (window), "timeline")), "timeline");
  g_assert_true (impact_gui_test_wait_for (settled, window, "the timeline page"));
  screenshot_when_drawn (widget, "window-ar-timeline");
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("IMPACT_LOCALEDIR");
  int status;

  /* Before GTK starts: it takes its direction from the locale */
  g_setenv ("LANGUAGE", "ar", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  app = impact_gui_test_app_new ();

  g_test_add_func ("/gui/window-rtl/catalogue-and-direction", test_catalogue_and_direction);
  g_test_add_func ("/gui/window-rtl/empty", test_empty_window);
  g_test_add_func ("/gui/window-rtl/mirrored", test_mirrored_window);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
