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
#include "impact-text.h"
#include "impact-theme.h"
#include "impact-timeline-render.h"

#define MOVE_USEC   (300 * 1000)
#define TRACK_UNITS 210.0   /* height of the track strip, in units of a 960 × 540 design */
#define TRACK_SCALE 1.3     /* the track's labels, larger than on a screen at arm's length */

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

/* Drawing */

static void
set_color (cairo_t           *cr,
           const ImpactColor *c,
           double             alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, alpha);
}

static PangoLayout *
text_layout (ImpactPresenterWindow *self,
             const char            *family,
             double                 size,
             PangoWeight            weight,
             gboolean               uppercase,
             const char            *text,
             gboolean               rich,
             double                 width)
{
  ImpactTextStyle style = { 0 };

  style.family = family;
  style.size = size;
  style.weight = weight;
  style.uppercase = uppercase;
  style.letter_spacing = uppercase ? size * 0.08 : 0;
  style.line_height = rich ? 1.3 : 1.1;
  style.align = PANGO_ALIGN_LEFT;
  return impact_text_layout_new (impact_timeline_layout_get_context (self->layout), &style, text, rich, width);
}

static void
draw_title_slide (ImpactPresenterWindow *self,
                  cairo_t               *cr,
                  double                 width,
                  double                 top,
                  double                 bottom)
{
  ImpactDocument *doc = self->document;
  const ImpactColor *accent = impact_theme_get_accent (self->theme);
  const char *heading = impact_document_get_statistics_heading (doc);
  const char *title = impact_document_get_milestones_heading (doc);
  GPtrArray *stats = impact_document_get_statistics (doc);
  g_autoptr(PangoLayout) kicker = text_layout (self, impact_theme_get_body_font (self->theme), 14, PANGO_WEIGHT_BOLD, TRUE,
                                               impact_document_get_office (doc), FALSE, -1);
  g_autoptr(PangoLayout) big = text_layout (self, impact_theme_get_heading_font (self->theme), 46, PANGO_WEIGHT_BOLD, FALSE,
                                            title ? title : (heading ? heading : impact_document_get_office (doc)),
                                            FALSE, width - 120);
  double y = top + 40, h;
  guint n = MIN (stats->len, 4);

  set_color (cr, accent, 1);
  cairo_move_to (cr, 60, y);
  pango_cairo_show_layout (cr, kicker);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, 60, y + 24);
  pango_cairo_show_layout (cr, big);
  impact_text_layout_get_size (big, NULL, &h);
  y += 24 + h + 36;

  for (guint i = 0; i < n; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (stats, i);
      g_autofree char *number = impact_statistic_format_full (stat);
      double col = (width - 120) / n, x = 60 + i * col;
      g_autoptr(PangoLayout) num = text_layout (self, impact_theme_get_heading_font (self->theme), 48, PANGO_WEIGHT_HEAVY,
                                                FALSE, number, FALSE, col - 24);
      g_autoptr(PangoLayout) label = text_layout (self, impact_theme_get_body_font (self->theme), 15, PANGO_WEIGHT_NORMAL,
                                                  FALSE, stat->label, FALSE, col - 30);

      set_color (cr, accent, 1);
      cairo_rectangle (cr, x, y, 36, 4);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_move_to (cr, x, y + 14);
      pango_cairo_show_layout (cr, num);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
      cairo_move_to (cr, x, y + 84);
      pango_cairo_show_layout (cr, label);
    }
  (void) bottom;
}

static void
draw_milestone_slide (ImpactPresenterWindow *self,
                      cairo_t               *cr,
                      double                 width,
                      double                 top,
                      double                 bottom)
{
  const ImpactMilestone *m = impact_timeline_layout_get_milestone (self->layout, self->slide);
  const ImpactTimelineItem *item = impact_timeline_layout_get_item (self->layout, self->slide);
  const ImpactColor *accent = impact_theme_get_accent (self->theme);
  g_autofree char *date = impact_date_format (&m->date);
  g_autofree char *metrics = impact_timeline_format_metrics (m);
  const char *body_font = impact_theme_get_body_font (self->theme);
  g_autoptr(PangoLayout) dl = text_layout (self, body_font, 16, PANGO_WEIGHT_BOLD, TRUE, date, FALSE, -1);
  g_autoptr(PangoLayout) tl = text_layout (self, impact_theme_get_heading_font (self->theme), 44, PANGO_WEIGHT_BOLD,
                                           FALSE, m->title, FALSE, width - 160);
  g_autoptr(PangoLayout) body = NULL;
  g_autoptr(PangoLayout) ml = NULL;
  double y, h_title, h_body = 0, h_metrics = 0, total;
  ImpactColor cat;

  if (m->description && *m->description)
    body = text_layout (self, body_font, 20, PANGO_WEIGHT_NORMAL, FALSE, m->description, TRUE, MIN (width - 160, 720));
  if (metrics)
    ml = text_layout (self, body_font, 24, PANGO_WEIGHT_BOLD, FALSE, metrics, FALSE, width - 160);
  impact_text_layout_get_size (tl, NULL, &h_title);
  if (body)
    impact_text_layout_get_size (body, NULL, &h_body);
  if (ml)
    impact_text_layout_get_size (ml, NULL, &h_metrics);
  total = 30 + h_title + (body ? 18 + h_body : 0) + (ml ? 22 + h_metrics : 0);
  /* the block sits in the middle of the space above the track, a little high */
  y = top + MAX (40, (bottom - top - total) * 0.42);

  impact_timeline_layout_get_category_color (self->layout, item->category, &cat);
  set_color (cr, accent, 1);
  cairo_move_to (cr, 60, y);
  pango_cairo_show_layout (cr, dl);
  if (m->category)
    {
      g_autoptr(PangoLayout) cl = text_layout (self, body_font, 12, PANGO_WEIGHT_BOLD, TRUE, m->category, FALSE, -1);
      double dw, cw, ch;

      impact_text_layout_get_size (dl, &dw, NULL);
      impact_text_layout_get_size (cl, &cw, &ch);
      set_color (cr, &cat, 1);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 60 + dw + 20 + ch / 2 + 2, y + 3 + ch / 2 + 2, ch / 2 + 2, G_PI / 2, 3 * G_PI / 2);
      cairo_arc (cr, 60 + dw + 20 + cw + ch / 2 + 10, y + 3 + ch / 2 + 2, ch / 2 + 2, -G_PI / 2, G_PI / 2);
      cairo_close_path (cr);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_move_to (cr, 60 + dw + 20 + ch / 2 + 6, y + 5);
      pango_cairo_show_layout (cr, cl);
    }
  y += 30;
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, 60, y);
  pango_cairo_show_layout (cr, tl);
  y += h_title + 18;
  if (body)
    {
      cairo_set_source_rgba (cr, 1, 1, 1, 0.86);
      cairo_move_to (cr, 60, y);
      pango_cairo_show_layout (cr, body);
      y += h_body + 22;
    }
  if (ml)
    {
      set_color (cr, accent, 1);
      cairo_rectangle (cr, 60, y - 8, 36, 3);
      cairo_fill (cr);
      cairo_move_to (cr, 60, y);
      pango_cairo_show_layout (cr, ml);
    }
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             pw,
         int             ph,
         gpointer        data)
{
  ImpactPresenterWindow *self = data;
  const ImpactColor *primary = impact_theme_get_primary (self->theme);
  const ImpactColor *accent = impact_theme_get_accent (self->theme);
  double scale = MIN (ph / 540.0, pw / 960.0);
  double width = pw / scale, height = ph / scale;
  double track_top = height - TRACK_UNITS;
  int n = impact_timeline_layout_get_n_items (self->layout);
  int total = n + (self->has_title ? 1 : 0);
  int index = self->slide + (self->has_title ? 1 : 0);
  ImpactTimelineViewport vp;

  cairo_scale (cr, scale, scale);
  set_color (cr, primary, 1);
  cairo_paint (cr);

  /* progress: "3 / 12" and a bar along the top */
  {
    g_autofree char *progress = g_strdup_printf ("%d / %d", index + 1, total);
    g_autoptr(PangoLayout) pl = text_layout (self, impact_theme_get_body_font (self->theme), 12, PANGO_WEIGHT_SEMIBOLD,
                                             FALSE, progress, FALSE, -1);
    double w;

    impact_text_layout_get_size (pl, &w, NULL);
    cairo_set_source_rgba (cr, 1, 1, 1, 0.7);
    cairo_move_to (cr, width - 60 - w, 22);
    pango_cairo_show_layout (cr, pl);
    cairo_set_source_rgba (cr, 1, 1, 1, 0.15);
    cairo_rectangle (cr, 0, 0, width, 4);
    cairo_fill (cr);
    set_color (cr, accent, 1);
    cairo_rectangle (cr, 0, 0, total > 0 ? width * (index + 1) / total : 0, 4);
    cairo_fill (cr);
  }

  if (self->slide < 0)
    draw_title_slide (self, cr, width, 10, track_top);
  else if (n > 0)
    draw_milestone_slide (self, cr, width, 10, track_top);

  /* the track along the bottom, the camera on the current milestone */
  impact_timeline_viewport_init (&vp, width / TRACK_SCALE, TRACK_UNITS / TRACK_SCALE);
  impact_timeline_viewport_fit (&vp, self->layout);
  vp.zoom = MAX (vp.zoom, vp.width / 8.0);    /* about eight years across, or all if fewer */
  vp.t0 = self->camera - vp.width / 2 / vp.zoom;
  vp.selected = self->slide;
  vp.legend = FALSE;
  vp.pixel_scale = gtk_widget_get_scale_factor (GTK_WIDGET (area)) * scale * TRACK_SCALE;
  cairo_save (cr);
  cairo_translate (cr, 0, track_top);
  cairo_scale (cr, TRACK_SCALE, TRACK_SCALE);
  impact_timeline_render (cr, self->layout, &vp);
  cairo_restore (cr);
  /* the reading position */
  set_color (cr, accent, 0.9);
  cairo_move_to (cr, width / 2 - 7, track_top);
  cairo_line_to (cr, width / 2 + 7, track_top);
  cairo_line_to (cr, width / 2, track_top + 8);
  cairo_close_path (cr);
  cairo_fill (cr);
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
