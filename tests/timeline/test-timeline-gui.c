/* test-timeline-gui.c: the timeline view and the presenter under Xvfb
 *
 * GTK 4.8 has no public way to synthesise a GdkEvent and the test machine
 * has no XTest client, so key presses are delivered where GTK would
 * deliver them: the presenter's key controller gets "key-pressed" with
 * the real keyvals; the view's key bindings are the actions they name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <stdlib.h>
#include <string.h>

#include "impact-json-loader.h"
#include "impact-presenter-window.h"
#include "impact-test-utils.h"
#include "impact-timeline-view.h"

#define WAIT_TIMEOUT_MS 20000

typedef gboolean (*Condition) (gpointer data);

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for (Condition   condition,
          gpointer    data,
          const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (WAIT_TIMEOUT_MS, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("timed out waiting for %s", what);
  g_source_remove (id);
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static ImpactDocument *
load_example (void)
{
  g_autofree char *path = impact_test_example_path ("kolkata.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ImpactDocument *doc = impact_json_loader_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static ImpactDocument *
generate (guint n)
{
  GString *json = g_string_new ("{\"format\":\"1\",\"office\":\"Test\",\"organisation\":{\"name\":\"Org\"},\"milestones\":[");
  g_autoptr(GError) error = NULL;
  ImpactDocument *doc;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"date\":\"%04u-%02u-%02u\",\"title\":\"Milestone %u\",\"category\":\"c%u\"}",
                            i ? "," : "", 1990 + (i * 7) % 35, 1 + i % 12, 1 + i % 28, i, i % 5);
  g_string_append (json, "]}");
  doc = impact_json_loader_load_data (json->str, json->len, "gen.json", NULL, NULL, &error);
  g_assert_no_error (error);
  g_string_free (json, TRUE);
  return doc;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 100;
}

static void
test_view (void)
{
  g_autoptr(ImpactDocument) doc = load_example ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = impact_timeline_view_new ();
  ImpactTimelineViewport vp, before;
  guint n = impact_document_get_milestones (doc)->len;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 500);
  gtk_window_set_child (GTK_WINDOW (window), view);
  impact_timeline_view_set_document (IMPACT_TIMELINE_VIEW (view), doc);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (is_mapped, view, "the view");
  spin (100);

  impact_timeline_view_get_viewport (IMPACT_TIMELINE_VIEW (view), &vp);
  g_assert_cmpfloat (vp.width, >, 100);
  g_assert_cmpint (impact_timeline_view_get_selected (IMPACT_TIMELINE_VIEW (view)), ==, -1);

  /* Home, Right, Right, Left, End */
  g_assert_true (gtk_widget_activate_action (view, "timeline.first", NULL));
  g_assert_cmpint (impact_timeline_view_get_selected (IMPACT_TIMELINE_VIEW (view)), ==, 0);
  gtk_widget_activate_action (view, "timeline.next", NULL);
  gtk_widget_activate_action (view, "timeline.next", NULL);
  g_assert_cmpint (impact_timeline_view_get_selected (IMPACT_TIMELINE_VIEW (view)), ==, 2);
  gtk_widget_activate_action (view, "timeline.previous", NULL);
  g_assert_cmpint (impact_timeline_view_get_selected (IMPACT_TIMELINE_VIEW (view)), ==, 1);
  gtk_widget_activate_action (view, "timeline.last", NULL);
  g_assert_cmpint (impact_timeline_view_get_selected (IMPACT_TIMELINE_VIEW (view)), ==, (int) n - 1);
  gtk_widget_activate_action (view, "timeline.next", NULL);
  g_assert_cmpint (impact_timeline_view_get_selected (IMPACT_TIMELINE_VIEW (view)), ==, (int) n - 1);

  /* zoomed in, End glides the camera until the last milestone is in view */
  {
    double last_time = -1;

    for (guint i = 0; i < n; i++)
      last_time = MAX (last_time, impact_date_to_year_fraction (
        &((ImpactMilestone *) g_ptr_array_index (impact_document_get_milestones (doc), i))->date));
    for (int i = 0; i < 8; i++)
      gtk_widget_activate_action (view, "timeline.zoom-in", NULL);
    gtk_widget_activate_action (view, "timeline.first", NULL);
    spin (400);
    gtk_widget_activate_action (view, "timeline.last", NULL);
    spin (400);
    impact_timeline_view_get_viewport (IMPACT_TIMELINE_VIEW (view), &vp);
    g_assert_cmpfloat (impact_timeline_viewport_x_for_time (&vp, last_time), >=, 0);
    g_assert_cmpfloat (impact_timeline_viewport_x_for_time (&vp, last_time), <=, vp.width);
    gtk_widget_activate_action (view, "timeline.fit", NULL);
  }

  /* +, -, fit all */
  impact_timeline_view_get_viewport (IMPACT_TIMELINE_VIEW (view), &before);
  gtk_widget_activate_action (view, "timeline.zoom-in", NULL);
  impact_timeline_view_get_viewport (IMPACT_TIMELINE_VIEW (view), &vp);
  g_assert_cmpfloat_with_epsilon (vp.zoom, before.zoom * 1.4, 1e-6);
  gtk_widget_activate_action (view, "timeline.zoom-out", NULL);
  gtk_widget_activate_action (view, "timeline.zoom-out", NULL);
  gtk_widget_activate_action (view, "timeline.fit", NULL);
  impact_timeline_view_get_viewport (IMPACT_TIMELINE_VIEW (view), &vp);
  g_assert_cmpfloat_with_epsilon (vp.zoom, before.zoom, 1e-6);
  spin (50);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
not_animating (gpointer data)
{
  return !impact_presenter_window_is_animating (data);
}

static void
press (GtkWidget *window,
       guint      keyval)
{
  GListModel *controllers = gtk_widget_observe_controllers (window);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        g_signal_emit_by_name (c, "key-pressed", keyval, 0, 0, &handled);
    }
  g_object_unref (controllers);
  g_assert_true (handled);
}

static void
test_presenter (void)
{
  g_autoptr(ImpactDocument) doc = load_example ();
  GtkWindow *window = impact_presenter_window_new (NULL, doc, NULL);
  ImpactPresenterWindow *p = IMPACT_PRESENTER_WINDOW (window);
  int n = impact_document_get_milestones (doc)->len;
  gint64 start;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (window);
  wait_for (is_mapped, window, "the presenter");
  g_assert_true (gtk_window_is_fullscreen (window) || TRUE);   /* Xvfb has no window manager */

  /* the statistics' title slide first */
  g_assert_cmpint (impact_presenter_window_get_slide (p), ==, -1);
  g_assert_cmpint (impact_presenter_window_get_n_slides (p), ==, n + 1);

  start = g_get_monotonic_time ();
  press (GTK_WIDGET (window), GDK_KEY_Right);
  g_assert_cmpint (impact_presenter_window_get_slide (p), ==, 0);
  g_assert_true (impact_presenter_window_is_animating (p));
  wait_for (not_animating, p, "the camera move");
  /* about 300 ms, eased, driven by the frame clock */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 250 * 1000);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2000 * 1000);

  press (GTK_WIDGET (window), GDK_KEY_space);
  press (GTK_WIDGET (window), GDK_KEY_Page_Down);   /* a clicker */
  g_assert_cmpint (impact_presenter_window_get_slide (p), ==, 2);
  press (GTK_WIDGET (window), GDK_KEY_Page_Up);
  g_assert_cmpint (impact_presenter_window_get_slide (p), ==, 1);
  press (GTK_WIDGET (window), GDK_KEY_Left);
  g_assert_cmpint (impact_presenter_window_get_slide (p), ==, 0);
  press (GTK_WIDGET (window), GDK_KEY_End);
  g_assert_cmpint (impact_presenter_window_get_slide (p), ==, n - 1);
  press (GTK_WIDGET (window), GDK_KEY_Right);
  g_assert_cmpint (impact_presenter_window_get_slide (p), ==, n - 1);
  press (GTK_WIDGET (window), GDK_KEY_Home);
  g_assert_cmpint (impact_presenter_window_get_slide (p), ==, -1);
  wait_for (not_animating, p, "the camera move");

  if (g_getenv ("IMPACT_TIMELINE_HOLD"))
    {
      /* for screenshots: rest on the fourth milestone */
      for (int i = 0; i < (g_getenv ("IMPACT_TIMELINE_STEPS") ? atoi (g_getenv ("IMPACT_TIMELINE_STEPS")) : 4); i++)
        press (GTK_WIDGET (window), GDK_KEY_Right);
      spin (atoi (g_getenv ("IMPACT_TIMELINE_HOLD")));
    }

  press (GTK_WIDGET (window), GDK_KEY_Escape);
  spin (50);
  g_assert_null (window);
}

static void
test_details_markup (void)
{
  g_autoptr(ImpactMilestone) m = impact_milestone_new ();
  g_autofree char *markup = NULL;

  impact_date_parse ("2017-08-24", &m->date);
  m->title = g_strdup ("Network <dismantled> & more");
  m->description = g_strdup ("Two **teenage girls** freed, *three* arrested; <b>not bold</b>");
  m->category = g_strdup ("rescue");
  impact_milestone_add_metric (m, "rescued", 2);
  impact_milestone_add_metric (m, "arrested", 3);
  markup = impact_timeline_view_details_markup (m);
  g_assert_nonnull (strstr (markup, "24 August 2017 · rescue"));
  g_assert_nonnull (strstr (markup, "Network &lt;dismantled&gt; &amp; more"));
  g_assert_nonnull (strstr (markup, "Two <b>teenage girls</b> freed, <i>three</i> arrested; &lt;b&gt;not bold&lt;/b&gt;"));
  g_assert_nonnull (strstr (markup, "<b>2 rescued · 3 arrested</b>"));
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
}

static void
test_presenter_without_title (void)
{
  g_autoptr(ImpactDocument) doc = load_example ();
  GtkWindow *window = impact_presenter_window_new (NULL, doc, NULL);
  ImpactPresenterWindow *p = IMPACT_PRESENTER_WINDOW (window);

  impact_presenter_window_set_title_slide (p, FALSE);
  g_assert_cmpint (impact_presenter_window_get_slide (p), ==, 0);
  g_assert_cmpint (impact_presenter_window_get_n_slides (p), ==, (int) impact_document_get_milestones (doc)->len);
  gtk_window_present (window);
  wait_for (is_mapped, window, "the presenter");
  press (GTK_WIDGET (window), GDK_KEY_Left);
  g_assert_cmpint (impact_presenter_window_get_slide (p), ==, 0);
  press (GTK_WIDGET (window), GDK_KEY_Home);
  g_assert_cmpint (impact_presenter_window_get_slide (p), ==, 0);
  gtk_window_destroy (window);
}

/* An Arabic copy of the example: the arrows step in the reading direction,
 * Left forward and Right back, and the mirrored steps draw */
static void
test_presenter_rtl (void)
{
  g_autofree char *path = impact_test_example_path ("kolkata.json");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  GtkWindow *window;
  ImpactPresenterWindow *p;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  json = g_string_new (text);
  g_assert_cmpuint (g_string_replace (json, "\"language\": \"en\"", "\"language\": \"ar\"", 1), ==, 1);
  doc = impact_json_loader_load_data (json->str, json->len, "kolkata-ar.json", NULL, NULL, &error);
  g_assert_no_error (error);
  window = impact_presenter_window_new (NULL, doc, NULL);
  p = IMPACT_PRESENTER_WINDOW (window);
  gtk_window_present (window);
  wait_for (is_mapped, window, "the presenter");
  g_assert_cmpint (impact_presenter_window_get_slide (p), ==, -1);
  press (GTK_WIDGET (window), GDK_KEY_Left);
  g_assert_cmpint (impact_presenter_window_get_slide (p), ==, 0);
  press (GTK_WIDGET (window), GDK_KEY_Left);
  g_assert_cmpint (impact_presenter_window_get_slide (p), ==, 1);
  press (GTK_WIDGET (window), GDK_KEY_Right);
  g_assert_cmpint (impact_presenter_window_get_slide (p), ==, 0);
  press (GTK_WIDGET (window), GDK_KEY_space);       /* not a direction: forward */
  g_assert_cmpint (impact_presenter_window_get_slide (p), ==, 1);
  wait_for (not_animating, p, "the camera move");
  spin (50);
  gtk_window_destroy (window);
}

static int
compare_double (const double *a,
                const double *b)
{
  return *a < *b ? -1 : *a > *b;
}

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (p = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return strtol (p + 6, NULL, 10);
}

typedef struct
{
  GtkWidget *view;
  GArray    *intervals;   /* ms between frames */
  gint64     last;
  guint      frames;
} PanRun;

static gboolean
pan_tick_cb (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  PanRun *run = data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (run->last)
    {
      double ms = (now - run->last) / 1000.0;

      g_array_append_val (run->intervals, ms);
    }
  run->last = now;
  /* a drag step back and forth, 12 units a frame */
  {
    ImpactTimelineViewport vp;

    impact_timeline_view_get_viewport (IMPACT_TIMELINE_VIEW (widget), &vp);
    impact_timeline_view_set_camera (IMPACT_TIMELINE_VIEW (widget),
                                     vp.t0 + (run->frames % 40 < 20 ? 12 : -12) / vp.zoom, vp.zoom);
  }
  return ++run->frames < 121 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
pan_done (gpointer data)
{
  return ((PanRun *) data)->frames >= 121;
}

static void
test_view_10k (void)
{
  long before = rss_kib ();
  g_autoptr(ImpactDocument) doc = generate (10000);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = impact_timeline_view_new ();
  long rss;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 700);
  gtk_window_set_child (GTK_WINDOW (window), view);
  impact_timeline_view_set_document (IMPACT_TIMELINE_VIEW (view), doc);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (is_mapped, view, "the view");
  spin (100);
  for (int i = 0; i < 12; i++)
    {
      gtk_widget_activate_action (view, "timeline.zoom-in", NULL);
      spin (16);
    }
  for (int i = 0; i < 20; i++)
    {
      gtk_widget_activate_action (view, "timeline.next", NULL);
      spin (16);
    }
  /* the whole GTK path of a frame: snapshot (the core draws into the
   * cairo node's recording) and the window's renderer turning the node
   * into pixels, while panning, at three zooms */
  {
    GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
    const char *names[] = { "all", "one year across", "one month across" };
    ImpactTimelineViewport fitted;
    double zooms[3];

    gtk_widget_activate_action (view, "timeline.fit", NULL);
    impact_timeline_view_get_viewport (IMPACT_TIMELINE_VIEW (view), &fitted);
    zooms[0] = fitted.zoom;
    zooms[1] = fitted.width;          /* one year across */
    zooms[2] = fitted.width * 12;     /* one month across */

    for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
      {
        g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
        double t0 = z == 0 ? fitted.t0 : 2004.3;   /* the generated data has 1990, 1997, 2004, 2011 and 2018 */

        for (int f = 0; f < 60; f++)
          {
            GtkSnapshot *snapshot = gtk_snapshot_new ();
            g_autoptr(GskRenderNode) node = NULL;
            g_autoptr(GdkTexture) texture = NULL;
            gint64 start = g_get_monotonic_time ();
            double ms;

            /* a drag: 12 units a frame */
            impact_timeline_view_set_camera (IMPACT_TIMELINE_VIEW (view), t0 + f * 12 / zooms[z], zooms[z]);
            GTK_WIDGET_GET_CLASS (view)->snapshot (view, snapshot);
            node = gtk_snapshot_free_to_node (snapshot);
            texture = gsk_renderer_render_texture (renderer, node,
                                                   &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (view),
                                                                        gtk_widget_get_height (view)));
            ms = (g_get_monotonic_time () - start) / 1000.0;
            g_array_append_val (times, ms);
          }
        g_array_sort (times, (GCompareFunc) compare_double);
        g_test_message ("GTK frame (snapshot + %s render to a texture), %s: median %.2f ms, max %.2f ms",
                        G_OBJECT_TYPE_NAME (renderer), names[z],
                        g_array_index (times, double, times->len / 2),
                        g_array_index (times, double, times->len - 1));
      }
  }

  /* real frames: pan a little on every tick of the frame clock and count
   * the frames that came late (more than 1.5 frame periods apart) */
  {
    PanRun run = { view, g_array_new (FALSE, FALSE, sizeof (double)), 0, 0 };
    guint late = 0;

    gtk_widget_activate_action (view, "timeline.fit", NULL);
    gtk_widget_add_tick_callback (view, pan_tick_cb, &run, NULL);
    wait_for (pan_done, &run, "120 frames of panning");
    for (guint i = 0; i < run.intervals->len; i++)
      if (g_array_index (run.intervals, double, i) > 1.5 * 1000.0 / 60)
        late++;
    g_array_sort (run.intervals, (GCompareFunc) compare_double);
    g_test_message ("panning for %u frames: interval median %.1f ms, max %.1f ms, %u late",
                    run.intervals->len, g_array_index (run.intervals, double, run.intervals->len / 2),
                    g_array_index (run.intervals, double, run.intervals->len - 1), late);
    g_array_unref (run.intervals);
  }

  rss = rss_kib ();
  g_test_message ("resident with 10,000 milestones open: %.1f MiB (%.1f MiB before the document was made)",
                  rss / 1024.0, before / 1024.0);
#ifndef __SANITIZE_ADDRESS__
  /* the budget; AddressSanitizer's shadow memory would not fit it */
  g_assert_cmpint (rss, <, 150 * 1024);
#endif
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timeline-gui/view-keys", test_view);
  g_test_add_func ("/timeline-gui/presenter-keys", test_presenter);
  g_test_add_func ("/timeline-gui/view-10k", test_view_10k);
  g_test_add_func ("/timeline-gui/details-markup", test_details_markup);
  g_test_add_func ("/timeline-gui/presenter-without-title", test_presenter_without_title);
  g_test_add_func ("/timeline-gui/presenter-rtl", test_presenter_rtl);
  return g_test_run ();
}
