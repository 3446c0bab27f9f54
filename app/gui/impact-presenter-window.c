/* impact-presenter-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-presenter"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "impact-presenter-window.h"
#include "impact-theme.h"
#include "impact-timeline-render.h"
#include "impact-timeline-step.h"

#define MOVE_USEC   (300 * 1000)

struct _ImpactPresenterWindow
{
  GtkWindow             parent_instance;

  /* Owned */
  ImpactDocument       *document;
  ImpactTheme          *theme;
  ImpactTimelineLayout *layout;
  GtkWidget            *area;

  gboolean              has_title;
  int                   slide;        /* -1 title */
  double                camera;       /* time at the centre of the track */
  double                from, to;
  gint64                start_usec;
  guint                 tick_id;
};

G_DEFINE_FINAL_TYPE (ImpactPresenterWindow, impact_presenter_window, GTK_TYPE_WINDOW)

static double
ease_out_cubic (double t)
{
  t = CLAMP (t, 0, 1) - 1;
  return t * t * t + 1;
}

static double
slide_time (ImpactPresenterWindow *self,
            int                    slide)
{
  double s, e;

  if (slide >= 0 && (guint) slide < impact_timeline_layout_get_n_items (self->layout))
    return impact_timeline_layout_get_item (self->layout, slide)->time;
  impact_timeline_layout_get_extent (self->layout, &s, &e);
  return s;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  ImpactPresenterWindow *self = data;
  double t = (gdk_frame_clock_get_frame_time (clock) - self->start_usec) / (double) MOVE_USEC;

  self->camera = self->from + (self->to - self->from) * ease_out_cubic (t);
  gtk_widget_queue_draw (self->area);
  if (t >= 1)
    {
      self->camera = self->to;
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
go_to (ImpactPresenterWindow *self,
       int                    slide)
{
  int n = impact_timeline_layout_get_n_items (self->layout);
  int lowest = self->has_title || n == 0 ? -1 : 0;

  slide = CLAMP (slide, lowest, MAX (n - 1, lowest));
  if (slide == self->slide)
    return;
  self->slide = slide;
  self->from = self->camera;
  self->to = slide_time (self, slide);
  if (gtk_widget_get_mapped (self->area))
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (self->area);

      self->start_usec = clock ? gdk_frame_clock_get_frame_time (clock) : g_get_monotonic_time ();
      if (self->tick_id == 0)
        self->tick_id = gtk_widget_add_tick_callback (self->area, tick_cb, self, NULL);
    }
  else
    self->camera = self->to;
  gtk_widget_queue_draw (self->area);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                ImpactPresenterWindow *self)
{
  int n = impact_timeline_layout_get_n_items (self->layout);

  /* the arrows step in the document's reading direction: in a
   * right-to-left document Left goes forward, as in GNOME's RTL apps */
  if (impact_timeline_layout_is_rtl (self->layout))
    {
      if (keyval == GDK_KEY_Left)
        keyval = GDK_KEY_Right;
      else if (keyval == GDK_KEY_Right)
        keyval = GDK_KEY_Left;
    }
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_space:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Down:
      go_to (self, self->slide + 1);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_Up:
      go_to (self, self->slide - 1);
      return TRUE;
    case GDK_KEY_Home:
      go_to (self, self->has_title ? -1 : 0);
      return TRUE;
    case GDK_KEY_End:
      go_to (self, n - 1);
      return TRUE;
    case GDK_KEY_Escape:
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    default:
      return FALSE;
    }
}

/* Drawing: the step through core's one slide drawing, scaled to the window */

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             pw,
         int             ph,
         gpointer        data)
{
  ImpactPresenterWindow *self = data;
  double scale = MIN (ph / 540.0, pw / 960.0);
  g_autoptr(GError) error = NULL;

  cairo_scale (cr, scale, scale);
  if (!impact_timeline_render_step (cr, self->layout, pw / scale, ph / scale, self->slide,
                                    self->has_title, self->camera, &error))
    g_warning ("%s", error->message);
}

/* GObject */

static void
impact_presenter_window_dispose (GObject *object)
{
  ImpactPresenterWindow *self = IMPACT_PRESENTER_WINDOW (object);

  if (self->tick_id && self->area)
    gtk_widget_remove_tick_callback (self->area, self->tick_id);
  self->tick_id = 0;
  g_clear_object (&self->layout);
  g_clear_object (&self->theme);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (impact_presenter_window_parent_class)->dispose (object);
}

static void
impact_presenter_window_class_init (ImpactPresenterWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = impact_presenter_window_dispose;
}

static void
impact_presenter_window_init (ImpactPresenterWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->area = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_cb, self, NULL);
  gtk_window_set_child (GTK_WINDOW (self), self->area);
  gtk_window_set_title (GTK_WINDOW (self), _("Presentation"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 720);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWindow *
impact_presenter_window_new (GtkApplication *app,
                             ImpactDocument *document,
                             GdkMonitor     *monitor)
{
  ImpactPresenterWindow *self;

  g_return_val_if_fail (app == NULL || GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (monitor == NULL || GDK_IS_MONITOR (monitor), NULL);

  self = g_object_new (IMPACT_TYPE_PRESENTER_WINDOW, "application", app, NULL);
  self->document = g_object_ref (document);
  self->theme = impact_theme_new (impact_document_get_theme_spec (document), NULL, NULL);
  self->layout = impact_timeline_layout_new (document, self->theme);
  self->has_title = impact_document_get_statistics (document)->len > 0 ||
                    impact_timeline_layout_get_n_items (self->layout) == 0;
  self->slide = self->has_title ? -1 : 0;
  self->camera = slide_time (self, self->slide);
  /* the monitor's size as the default too, so the window fills it even
   * where no window manager honours full screen (Xvfb, kiosks) */
  {
    GdkMonitor *target = monitor;
    g_autoptr(GdkMonitor) first = NULL;
    GdkRectangle geometry;

    if (target == NULL)
      {
        GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());

        if (g_list_model_get_n_items (monitors) > 0)
          target = first = g_list_model_get_item (monitors, 0);
      }
    if (target)
      {
        gdk_monitor_get_geometry (target, &geometry);
        gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
      }
  }
  if (monitor)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
  return GTK_WINDOW (self);
}

typedef struct
{
  GtkApplication *app;
  ImpactDocument *document;
  GListModel     *monitors;
} StartData;

static void
start_data_free (StartData *data)
{
  g_clear_object (&data->app);
  g_clear_object (&data->document);
  g_clear_object (&data->monitors);
  g_free (data);
}

static void
monitor_chosen_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   StartData        *data)
{
  guint64 index;

  if (g_ascii_string_to_unsigned (response, 10, 0, G_MAXUINT, &index, NULL))
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (data->monitors, (guint) index);

      gtk_window_present (impact_presenter_window_new (data->app, data->document, monitor));
    }
}

void
impact_presenter_window_start (GtkWindow      *parent,
                               GtkApplication *app,
                               ImpactDocument *document)
{
  GdkDisplay *display = parent ? gtk_widget_get_display (GTK_WIDGET (parent)) : gdk_display_get_default ();
  GListModel *monitors = gdk_display_get_monitors (display);
  guint n = g_list_model_get_n_items (monitors);
  AdwMessageDialog *dialog;
  StartData *data;

  g_return_if_fail (IMPACT_IS_DOCUMENT (document));
  if (n <= 1)
    {
      gtk_window_present (impact_presenter_window_new (app, document, NULL));
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Present on Which Screen?"),
                                                       _("The presentation fills the chosen screen; press Esc to leave it.")));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  for (guint i = 0; i < n && i < 8; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;
      g_autofree char *id = g_strdup_printf ("%u", i);
      g_autofree char *label = NULL;
      const char *model = gdk_monitor_get_model (monitor);

      gdk_monitor_get_geometry (monitor, &geometry);
      label = g_strdup_printf ("%s (%d × %d)", model && *model ? model : _("Screen"), geometry.width, geometry.height);
      adw_message_dialog_add_response (dialog, id, label);
    }
  adw_message_dialog_set_default_response (dialog, n > 1 ? "1" : "0");
  adw_message_dialog_set_close_response (dialog, "cancel");
  data = g_new0 (StartData, 1);
  data->app = app ? g_object_ref (app) : NULL;
  data->document = g_object_ref (document);
  data->monitors = g_object_ref (monitors);
  g_signal_connect_data (dialog, "response", G_CALLBACK (monitor_chosen_cb), data,
                         (GClosureNotify) (void (*) (void)) start_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

int
impact_presenter_window_get_slide (ImpactPresenterWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_PRESENTER_WINDOW (self), -1);
  return self->slide;
}

int
impact_presenter_window_get_n_slides (ImpactPresenterWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_PRESENTER_WINDOW (self), 0);
  return impact_timeline_layout_get_n_items (self->layout) + (self->has_title ? 1 : 0);
}

gboolean
impact_presenter_window_is_animating (ImpactPresenterWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_PRESENTER_WINDOW (self), FALSE);
  return self->tick_id != 0;
}

void
impact_presenter_window_set_title_slide (ImpactPresenterWindow *self,
                                         gboolean               title_slide)
{
  g_return_if_fail (IMPACT_IS_PRESENTER_WINDOW (self));
  title_slide = title_slide || impact_timeline_layout_get_n_items (self->layout) == 0;
  if (self->has_title == title_slide)
    return;
  self->has_title = title_slide;
  self->slide = title_slide ? -1 : 0;
  self->camera = slide_time (self, self->slide);
  gtk_widget_queue_draw (self->area);
}
