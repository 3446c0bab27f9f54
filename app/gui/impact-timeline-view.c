/* impact-timeline-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-timeline-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "impact-accessible-item.h"
#include "impact-emphasis.h"
#include "impact-preflight.h"
#include "impact-theme.h"
#include "impact-timeline-view.h"

#define ZOOM_STEP 1.4
/* Pixels per unit: the timeline's type is set in points for print (a
 * title of 11 pt); on screen it reads at the size of the desktop's text */
#define UNIT_PX   1.3
#define MOVE_USEC (220 * 1000)
/* The canvas in the dark style: Adwaita's dark view colours */
#define DARK_BACKGROUND "#1e1e1e"
#define DARK_TEXT       "#ffffff"
/* WCAG 2 for graphics and large text */
#define MIN_MARKER_CONTRAST 3.0

struct _ImpactTimelineView
{
  GtkWidget               parent_instance;

  /* Owned */
  ImpactDocument         *document;
  ImpactTimelineLayout   *layout;
  GtkWidget              *popover;
  GtkWidget              *popover_label;
  GPtrArray              *items;          /* ImpactAccessibleItem per milestone, children */

  ImpactTimelineViewport  vp;
  gboolean                auto_fit;       /* fit all, again on every resize, until the user moves */
  double                  drag_t0;
  double                  pinch_zoom;
  double                  pinch_t;
  double                  pinch_x;
  guint                   redraw_id;
  guint                   move_id;      /* camera glide to the selected milestone */
  double                  move_from, move_to;
  gint64                  move_start;
};

G_DEFINE_FINAL_TYPE (ImpactTimelineView, impact_timeline_view, GTK_TYPE_WIDGET)

/* The document's theme, on the canvas colours of the style (light or
 * dark) in use: the track and its labels are drawn in the theme's text
 * on its background */
static ImpactTheme *
new_screen_theme (ImpactTimelineView *self)
{
  ImpactThemeSpec spec = *impact_document_get_theme_spec (self->document);
  g_autoptr(ImpactTheme) dark = NULL;
  g_autofree char *primary = NULL;
  g_autofree char *accent = NULL;

  if (!adw_style_manager_get_dark (adw_style_manager_get_default ()))
    return impact_theme_new (&spec, NULL, NULL);

  spec.background = (char *) DARK_BACKGROUND;
  spec.text = (char *) DARK_TEXT;
  /* the first two categories are drawn in the primary and accent
   * colours: a navy made for paper is lightened until it shows */
  dark = impact_theme_new (&spec, NULL, NULL);
  if (impact_color_contrast (impact_theme_get_primary (dark), impact_theme_get_background (dark)) < MIN_MARKER_CONTRAST)
    primary = impact_preflight_suggest_color (impact_theme_get_primary (dark), impact_theme_get_background (dark),
                                              MIN_MARKER_CONTRAST);
  if (impact_color_contrast (impact_theme_get_accent (dark), impact_theme_get_background (dark)) < MIN_MARKER_CONTRAST)
    accent = impact_preflight_suggest_color (impact_theme_get_accent (dark), impact_theme_get_background (dark),
                                             MIN_MARKER_CONTRAST);
  if (primary == NULL && accent == NULL)
    return g_steal_pointer (&dark);
  if (primary != NULL)
    spec.primary = primary;
  if (accent != NULL)
    spec.accent = accent;
  return impact_theme_new (&spec, NULL, NULL);
}

/* A right-to-left document's time runs from right to left: the track is
 * drawn through a mirror (the core keeps its texts readable), and every
 * pointer position and arrow key is mirrored on the way in */
static gboolean
is_rtl (ImpactTimelineView *self)
{
  return self->layout != NULL && impact_timeline_layout_is_rtl (self->layout);
}

/* A widget x in pixels as a viewport x in units (mirrored when RTL) */
static double
view_x (ImpactTimelineView *self,
        double              x)
{
  return is_rtl (self) ? self->vp.width - x / UNIT_PX : x / UNIT_PX;
}

/* A viewport x in units as a widget x in pixels */
static double
widget_x (ImpactTimelineView *self,
          double              x)
{
  return (is_rtl (self) ? self->vp.width - x : x) * UNIT_PX;
}

static void
make_layout (ImpactTimelineView *self)
{
  g_autoptr(ImpactTheme) theme = new_screen_theme (self);

  g_clear_object (&self->layout);
  self->layout = impact_timeline_layout_new (self->document, theme);
}

/* The style changed: the same view in the other colours */
static void
dark_changed_cb (ImpactTimelineView *self)
{
  if (self->document == NULL)
    return;
  make_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The milestones for screen readers: an item each, named by date and title */
static void
update_items (ImpactTimelineView *self)
{
  guint n = self->layout ? impact_timeline_layout_get_n_items (self->layout) : 0;

  impact_accessible_items_resize (GTK_WIDGET (self), self->items, n);
  for (guint i = 0; i < n; i++)
    {
      const ImpactMilestone *m = impact_timeline_layout_get_milestone (self->layout, i);
      g_autofree char *date = impact_date_format (&m->date);
      /* Translators: a milestone on the timeline, read by a screen reader:
       * its date and title, "2006, First rescue operation" */
      g_autofree char *name = g_strdup_printf (_("%s, %s"), date ? date : "", m->title ? m->title : "");

      impact_accessible_item_set (g_ptr_array_index (self->items, i), name, i);
      impact_accessible_item_set_selected (g_ptr_array_index (self->items, i), FALSE);
    }
}

/* Marks the selected milestone; with the focus on the timeline, moves it
 * there so that a screen reader says which milestone is chosen */
static void
sync_items (ImpactTimelineView *self)
{
  gboolean focus = impact_accessible_items_have_focus (GTK_WIDGET (self));

  for (guint i = 0; i < self->items->len; i++)
    {
      GtkWidget *item = g_ptr_array_index (self->items, i);
      gboolean selected = (int) i == self->vp.selected;

      impact_accessible_item_set_selected (IMPACT_ACCESSIBLE_ITEM (item), selected);
      if (selected && focus && !gtk_widget_has_focus (item))
        gtk_widget_grab_focus (item);
    }
}

/* Each milestone's item over its label */
static void
allocate_items (ImpactTimelineView *self,
                int                 height)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      const ImpactTimelineItem *item = impact_timeline_layout_get_item (self->layout, i);
      double x = widget_x (self, impact_timeline_viewport_x_for_time (&self->vp, item->time));
      double w = 0;
      int min, nat;

      impact_timeline_layout_get_label_size (self->layout, i, &w, NULL);
      w = MAX (1, w * UNIT_PX);
      if (is_rtl (self))
        x -= w;
      gtk_widget_measure (g_ptr_array_index (self->items, i), GTK_ORIENTATION_HORIZONTAL, -1,
                          &min, &nat, NULL, NULL);
      gtk_widget_size_allocate (g_ptr_array_index (self->items, i),
                                &(GtkAllocation) { (int) floor (x), 0, (int) ceil (w), MAX (height, 1) }, -1);
    }
}

static void
rebuild (ImpactTimelineView *self)
{
  g_clear_object (&self->layout);
  if (self->document)
    {
      g_autofree char *label = NULL;

      make_layout (self);
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Timeline of %u milestone", "Timeline of %u milestones",
                                            impact_timeline_layout_get_n_items (self->layout)),
                               impact_timeline_layout_get_n_items (self->layout));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  update_items (self);
  self->vp.selected = -1;
  self->auto_fit = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
document_changed_cb (ImpactTimelineView *self)
{
  rebuild (self);
}

static void
fit (ImpactTimelineView *self)
{
  self->vp.width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1) / UNIT_PX;
  self->vp.height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1) / UNIT_PX;
  if (self->layout)
    impact_timeline_viewport_fit (&self->vp, self->layout);
  self->auto_fit = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
ease_out_cubic (double t)
{
  t = CLAMP (t, 0, 1) - 1;
  return t * t * t + 1;
}

static gboolean
move_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       data)
{
  ImpactTimelineView *self = IMPACT_TIMELINE_VIEW (widget);
  double t = (gdk_frame_clock_get_frame_time (clock) - self->move_start) / (double) MOVE_USEC;

  self->vp.t0 = self->move_from + (self->move_to - self->move_from) * ease_out_cubic (t);
  gtk_widget_queue_draw (widget);
  if (t >= 1)
    {
      self->move_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Glides the camera to @t0 (eased, on the frame clock); jumps when the
 * widget is not mapped or animations are off */
static void
move_camera (ImpactTimelineView *self,
             double              t0)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  gboolean animate = FALSE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animate, NULL);
  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) || !animate)
    {
      if (self->move_id)
        gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->move_id);
      self->move_id = 0;
      self->vp.t0 = t0;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  self->move_from = self->vp.t0;
  self->move_to = t0;
  self->move_start = gdk_frame_clock_get_frame_time (clock);
  if (self->move_id == 0)
    self->move_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), move_tick_cb, NULL, NULL);
}

static void
stop_camera (ImpactTimelineView *self)
{
  if (self->move_id)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->move_id);
  self->move_id = 0;
}

static void
zoom_by (ImpactTimelineView *self,
         double              factor,
         double              x)
{
  stop_camera (self);
  impact_timeline_viewport_zoom_at (&self->vp, factor, x);
  self->auto_fit = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A rich text as Pango markup: its emphasis as <b> and <i>, everything
 * else escaped */
static char *
rich_to_markup (const char *rich)
{
  g_autoptr(GArray) spans = NULL;
  g_autofree char *plain = impact_emphasis_parse (rich, &spans, NULL);
  GString *out = g_string_new (NULL);
  guint at = 0;

  for (guint i = 0; spans && i < spans->len; i++)
    {
      const ImpactEmphasisSpan *span = &g_array_index (spans, ImpactEmphasisSpan, i);
      g_autofree char *before = NULL;
      g_autofree char *inside = NULL;

      if (span->start < at || span->end < span->start)
        continue;
      before = g_markup_escape_text (plain + at, span->start - at);
      inside = g_markup_escape_text (plain + span->start, span->end - span->start);
      g_string_append_printf (out, "%s%s%s%s%s%s", before,
                              span->flags & IMPACT_EMPHASIS_BOLD ? "<b>" : "",
                              span->flags & IMPACT_EMPHASIS_ITALIC ? "<i>" : "",
                              inside,
                              span->flags & IMPACT_EMPHASIS_ITALIC ? "</i>" : "",
                              span->flags & IMPACT_EMPHASIS_BOLD ? "</b>" : "");
      at = span->end;
    }
  {
    g_autofree char *rest = g_markup_escape_text (plain + at, -1);

    g_string_append (out, rest);
  }
  return g_string_free (out, FALSE);
}

static void
show_details (ImpactTimelineView *self,
              int                 position)
{
  const ImpactMilestone *m;
  g_autofree char *markup = NULL;
  ImpactTimelineGeometry g;
  GdkRectangle rect;
  double x;

  if (self->layout == NULL || position < 0)
    return;
  m = impact_timeline_layout_get_milestone (self->layout, position);
  markup = impact_timeline_view_details_markup (m);
  gtk_label_set_markup (GTK_LABEL (self->popover_label), markup);

  impact_timeline_get_geometry (self->layout, &self->vp, &g);
  x = impact_timeline_viewport_x_for_time (&self->vp, impact_timeline_layout_get_item (self->layout, position)->time);
  rect.x = (int) widget_x (self, x) - 6;
  rect.y = (int) (g.axis_y * UNIT_PX) - 6;
  rect.width = 12;
  rect.height = 12;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
select_position (ImpactTimelineView *self,
                 int                 position,
                 gboolean            center)
{
  guint n;

  if (self->layout == NULL || (n = impact_timeline_layout_get_n_items (self->layout)) == 0)
    return;
  position = CLAMP (position, 0, (int) n - 1);
  self->vp.selected = position;
  sync_items (self);
  {
    /* a screen reader says which milestone is selected */
    const ImpactMilestone *m = impact_timeline_layout_get_milestone (self->layout, position);
    g_autofree char *date = impact_date_format (&m->date);
    /* Translators: a screen reader's text for the selected milestone:
     * "Milestone 2 of 7: 2006, First rescue operation. Enter shows its details" */
    g_autofree char *text = g_strdup_printf (_("Milestone %d of %u: %s, %s. Enter shows its details"),
                                             position + 1, n, date ? date : "", m->title ? m->title : "");

    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  }
  if (center)
    {
      const ImpactTimelineItem *item = impact_timeline_layout_get_item (self->layout, position);
      double x = impact_timeline_viewport_x_for_time (&self->vp, item->time);
      double w, target = self->vp.t0;

      impact_timeline_layout_get_label_size (self->layout, position, &w, NULL);
      /* scroll it into view, the least distance; far away, to the middle */
      if (x < 16 || x > self->vp.width - w - 16)
        {
          if (x < -self->vp.width || x > 2 * self->vp.width)
            target = item->time - self->vp.width * 0.4 / self->vp.zoom;
          else if (x < 16)
            target = item->time - 16 / self->vp.zoom;
          else
            target = item->time - (self->vp.width - w - 16) / self->vp.zoom;
          self->auto_fit = FALSE;
          move_camera (self, target);
        }
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static int
current_or_nearest (ImpactTimelineView *self)
{
  if (self->vp.selected >= 0)
    return self->vp.selected;
  return impact_timeline_layout_find_nearest (self->layout,
                                              impact_timeline_viewport_time_at (&self->vp, self->vp.width / 2));
}

/* Actions */

static void
action_zoom (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  ImpactTimelineView *self = IMPACT_TIMELINE_VIEW (widget);

  zoom_by (self, g_str_equal (name, "timeline.zoom-in") ? ZOOM_STEP : 1 / ZOOM_STEP, self->vp.width / 2);
}

static void
action_fit (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  fit (IMPACT_TIMELINE_VIEW (widget));
}

static void
action_step (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  ImpactTimelineView *self = IMPACT_TIMELINE_VIEW (widget);
  int n, pos;

  if (self->layout == NULL || (n = impact_timeline_layout_get_n_items (self->layout)) == 0)
    return;
  if (g_str_equal (name, "timeline.first"))
    pos = 0;
  else if (g_str_equal (name, "timeline.last"))
    pos = n - 1;
  else if (self->vp.selected < 0)
    pos = current_or_nearest (self);
  else
    pos = self->vp.selected + (g_str_equal (name, "timeline.next") ? 1 : -1);
  select_position (self, pos, TRUE);
}

/* Enter: the details of the selected milestone (the nearest when none is) */
static void
action_details (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  ImpactTimelineView *self = IMPACT_TIMELINE_VIEW (widget);

  if (self->layout == NULL || impact_timeline_layout_get_n_items (self->layout) == 0)
    return;
  if (self->vp.selected < 0)
    select_position (self, current_or_nearest (self), TRUE);
  show_details (self, self->vp.selected);
}

/* Input */

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           ImpactTimelineView       *self)
{
  GdkModifierType mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (mods & GDK_CONTROL_MASK)
    {
      double x = self->vp.width / 2, y;
      GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));

      if (event == NULL || !gdk_event_get_position (event, &x, &y))
        x = self->vp.width / 2;
      else
        x = view_x (self, x);
      zoom_by (self, pow (ZOOM_STEP, -dy), x);
      return TRUE;
    }
  /* both wheels pan along the time axis */
  stop_camera (self);
  self->vp.t0 += ((is_rtl (self) ? -dx : dx) + dy) * 40 / self->vp.zoom;
  self->auto_fit = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
drag_begin_cb (GtkGestureDrag     *gesture,
               double              x,
               double              y,
               ImpactTimelineView *self)
{
  self->drag_t0 = self->vp.t0;
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
drag_update_cb (GtkGestureDrag     *gesture,
                double              ox,
                double              oy,
                ImpactTimelineView *self)
{
  stop_camera (self);
  self->vp.t0 = self->drag_t0 - (is_rtl (self) ? -ox : ox) / UNIT_PX / self->vp.zoom;
  if (ox != 0)
    self->auto_fit = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zoom_begin_cb (GtkGesture         *gesture,
               GdkEventSequence   *sequence,
               ImpactTimelineView *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    x = self->vp.width / 2;
  else
    x = view_x (self, x);
  stop_camera (self);
  self->pinch_zoom = self->vp.zoom;
  self->pinch_x = x;
  self->pinch_t = impact_timeline_viewport_time_at (&self->vp, x);
}

static void
zoom_scale_changed_cb (GtkGestureZoom     *gesture,
                       double              scale,
                       ImpactTimelineView *self)
{
  self->vp.zoom = CLAMP (self->pinch_zoom * scale, IMPACT_TIMELINE_MIN_ZOOM, IMPACT_TIMELINE_MAX_ZOOM);
  self->vp.t0 = self->pinch_t - self->pinch_x / self->vp.zoom;
  self->auto_fit = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
click_released_cb (GtkGestureClick    *gesture,
                   int                 n_press,
                   double              x,
                   double              y,
                   ImpactTimelineView *self)
{
  int hit;

  if (self->layout == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  hit = impact_timeline_hit_test (self->layout, &self->vp, view_x (self, x), y / UNIT_PX);
  if (hit < 0)
    return;
  select_position (self, hit, FALSE);
  show_details (self, hit);
}

/* Left and Right step the way the track reads: in a right-to-left
 * document Left goes to the next (later) milestone. Before the class's
 * key bindings, which are left to right. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                ImpactTimelineView    *self)
{
  gboolean left = keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left;
  gboolean right = keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right;

  if (!is_rtl (self) || (!left && !right) ||
      (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), left ? "timeline.next" : "timeline.previous", NULL);
  return TRUE;
}

static gboolean
redraw_cb (gpointer data)
{
  ImpactTimelineView *self = data;

  self->redraw_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* GtkWidget */

static void
impact_timeline_view_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  ImpactTimelineView *self = IMPACT_TIMELINE_VIEW (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  cairo_t *cr;
  guint deferred = 0;

  if (w <= 0 || h <= 0 || self->layout == NULL)
    return;
  self->vp.width = w / UNIT_PX;
  self->vp.height = h / UNIT_PX;
  self->vp.pixel_scale = gtk_widget_get_scale_factor (widget) * UNIT_PX;
  /* shape at most a few new labels a frame, so a pinch that brings many
   * into view keeps its frame rate; the rest follow on the next frames */
  self->vp.new_labels = 16;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  cairo_scale (cr, UNIT_PX, UNIT_PX);
  if (is_rtl (self))
    {
      /* x -> width - x; the renderer sets its texts upright in it */
      cairo_translate (cr, self->vp.width, 0);
      cairo_scale (cr, -1, 1);
    }
  impact_timeline_render_full (cr, self->layout, &self->vp, &deferred);
  cairo_destroy (cr);
  if (deferred > 0 && self->redraw_id == 0)
    self->redraw_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, redraw_cb, self, NULL);
}

static void
impact_timeline_view_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  ImpactTimelineView *self = IMPACT_TIMELINE_VIEW (widget);

  self->vp.width = MAX (width, 1) / UNIT_PX;
  self->vp.height = MAX (height, 1) / UNIT_PX;
  if (self->auto_fit && self->layout)
    impact_timeline_viewport_fit (&self->vp, self->layout);
  gtk_popover_present (GTK_POPOVER (self->popover));
  allocate_items (self, height);
}

static void
impact_timeline_view_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 900 : 480;
}

static void
impact_timeline_view_dispose (GObject *object)
{
  ImpactTimelineView *self = IMPACT_TIMELINE_VIEW (object);

  impact_timeline_view_set_document (self, NULL);
  g_clear_handle_id (&self->redraw_id, g_source_remove);
  stop_camera (self);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  if (self->items != NULL)
    impact_accessible_items_clear (self->items);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->layout);
  G_OBJECT_CLASS (impact_timeline_view_parent_class)->dispose (object);
}

static void
impact_timeline_view_class_init (ImpactTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_timeline_view_dispose;
  widget_class->snapshot = impact_timeline_view_snapshot;
  widget_class->size_allocate = impact_timeline_view_size_allocate;
  widget_class->measure = impact_timeline_view_measure;

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "timeline.fit", NULL, action_fit);
  gtk_widget_class_install_action (widget_class, "timeline.next", NULL, action_step);
  gtk_widget_class_install_action (widget_class, "timeline.previous", NULL, action_step);
  gtk_widget_class_install_action (widget_class, "timeline.first", NULL, action_step);
  gtk_widget_class_install_action (widget_class, "timeline.last", NULL, action_step);

  gtk_widget_class_install_action (widget_class, "timeline.details", NULL, action_details);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline.details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "timeline.details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "timeline.details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "timeline.details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "timeline.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.fit", NULL);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  /* a list of the milestones (impact-accessible-item.h) */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
  widget_class->focus = impact_accessible_items_focus;
}

static void
impact_timeline_view_init (ImpactTimelineView *self)
{
  GtkEventController *scroll, *keys;
  GtkGesture *drag, *zoom, *click;

  impact_timeline_viewport_init (&self->vp, 1, 1);
  self->items = g_ptr_array_new ();
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  self->popover = gtk_popover_new ();
  self->popover_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->popover_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->popover_label), 40);
  gtk_label_set_xalign (GTK_LABEL (self->popover_label), 0);
  gtk_widget_set_margin_start (self->popover_label, 6);
  gtk_widget_set_margin_end (self->popover_label, 6);
  gtk_widget_set_margin_top (self->popover_label, 6);
  gtk_widget_set_margin_bottom (self->popover_label, 6);
  gtk_popover_set_child (GTK_POPOVER (self->popover), self->popover_label);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
impact_timeline_view_new (void)
{
  return g_object_new (IMPACT_TYPE_TIMELINE_VIEW, NULL);
}

void
impact_timeline_view_set_document (ImpactTimelineView *self,
                                   ImpactDocument     *document)
{
  g_return_if_fail (IMPACT_IS_TIMELINE_VIEW (self));
  g_return_if_fail (document == NULL || IMPACT_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document)
    g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);
  g_set_object (&self->document, document);
  if (document)
    g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

ImpactDocument *
impact_timeline_view_get_document (ImpactTimelineView *self)
{
  g_return_val_if_fail (IMPACT_IS_TIMELINE_VIEW (self), NULL);
  return self->document;
}

int
impact_timeline_view_get_selected (ImpactTimelineView *self)
{
  g_return_val_if_fail (IMPACT_IS_TIMELINE_VIEW (self), -1);
  return self->vp.selected;
}

void
impact_timeline_view_get_viewport (ImpactTimelineView     *self,
                                   ImpactTimelineViewport *viewport)
{
  g_return_if_fail (IMPACT_IS_TIMELINE_VIEW (self));
  *viewport = self->vp;
}

char *
impact_timeline_view_details_markup (const ImpactMilestone *m)
{
  GString *s = g_string_new (NULL);
  g_autofree char *date = NULL;
  g_autofree char *metrics = NULL;
  g_autofree char *esc_date = NULL;
  g_autofree char *esc_title = NULL;
  g_autofree char *esc_cat = NULL;

  g_return_val_if_fail (m != NULL, NULL);
  date = impact_date_format (&m->date);
  metrics = impact_timeline_format_metrics (m);
  esc_date = g_markup_escape_text (date, -1);
  esc_title = g_markup_escape_text (m->title ? m->title : "", -1);
  esc_cat = m->category ? g_markup_escape_text (m->category, -1) : NULL;
  g_string_append_printf (s, "<span size='small' weight='bold' foreground='#8a8f98'>%s%s%s</span>\n"
                             "<span size='large' weight='bold'>%s</span>",
                          esc_date, esc_cat ? " · " : "", esc_cat ? esc_cat : "", esc_title);
  if (m->description && *m->description)
    {
      g_autofree char *desc = rich_to_markup (m->description);

      g_string_append_printf (s, "\n%s", desc);
    }
  if (metrics)
    {
      g_autofree char *esc = g_markup_escape_text (metrics, -1);

      g_string_append_printf (s, "\n<b>%s</b>", esc);
    }
  return g_string_free (s, FALSE);
}

void
impact_timeline_view_set_camera (ImpactTimelineView *self,
                                 double              t0,
                                 double              zoom)
{
  g_return_if_fail (IMPACT_IS_TIMELINE_VIEW (self));
  g_return_if_fail (zoom > 0);
  stop_camera (self);
  self->vp.t0 = t0;
  self->vp.zoom = CLAMP (zoom, IMPACT_TIMELINE_MIN_ZOOM, IMPACT_TIMELINE_MAX_ZOOM);
  self->auto_fit = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
impact_timeline_view_get_milestone_point (ImpactTimelineView *self,
                                          int                 position,
                                          double             *x,
                                          double             *y)
{
  ImpactTimelineGeometry g;

  g_return_val_if_fail (IMPACT_IS_TIMELINE_VIEW (self), FALSE);

  if (self->layout == NULL || position < 0 || position >= (int) impact_timeline_layout_get_n_items (self->layout))
    return FALSE;
  impact_timeline_get_geometry (self->layout, &self->vp, &g);
  if (x)
    *x = widget_x (self, impact_timeline_viewport_x_for_time (&self->vp,
                                                              impact_timeline_layout_get_item (self->layout, position)->time));
  if (y)
    *y = g.axis_y * UNIT_PX;
  return TRUE;
}
