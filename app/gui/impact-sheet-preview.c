/* impact-sheet-preview.c: the live fact-sheet preview (pages on a canvas)
 *
 * The pages are stacked vertically on a neutral canvas, each with a soft
 * shadow. The layout is built elsewhere (off the main thread); snapshot only
 * places pages and asks impact_render_page() to draw them. A page's render
 * node is cached for the current zoom while it is small enough; at high zoom
 * only the visible part is drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-sheet-preview"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include <adwaita.h>

#include "impact-accessible-item.h"
#include "impact-render.h"
#include "impact-sheet-preview.h"
#include "impact-sheet-selection.h"

#define PX_PER_PT           (96.0 / 72.0)
#define CANVAS_MARGIN       24.0
#define PAGE_GAP            24.0
#define MAX_FIT_ZOOM        2.0
#define MAX_CACHED_PIXELS   (8.0 * 1024 * 1024)
#define SCROLL_DURATION_MS  250

typedef struct
{
  guint     page;
  ImpactBox box;
} PagedBox;

struct _ImpactSheetPreview
{
  GtkWidget          parent_instance;

  /* Owned References */
  ImpactSheetLayout *layout;
  GtkAdjustment     *hadjustment;
  GtkAdjustment     *vadjustment;
  GPtrArray         *page_nodes;      /* of GskRenderNode or NULL, per page */
  AdwAnimation      *scroll_animation;
  GArray            *item_boxes;      /* PagedBox, in reading order */
  GPtrArray         *items;           /* ImpactAccessibleItem per item_boxes, children */

  double             zoom;
  double             cached_scale;    /* scale the page nodes were drawn at */
  guint              hscroll_policy : 1;
  guint              vscroll_policy : 1;
  guint              zoom_to_fit : 1;
  guint              have_anchor : 1;
  guint              have_pending_scroll : 1;
  guint              have_selection : 1;
  guint              have_hover : 1;
  guint              render_failed : 1;
  guint              alloc_pending : 1;

  /* Zoom anchor: a point of the content (as a fraction of its size) that
   * stays under a point of the widget across a zoom change. */
  double             anchor_fx, anchor_fy;
  double             anchor_wx, anchor_wy;

  guint              pending_page;
  ImpactBox          pending_box;
  /* What is outlined, by section and item: it stays across re-layouts */
  ImpactSection      selected_section;
  int                selected_item;
  ImpactSection      hover_section;
  int                hover_item;

  gint64             first_draw_time;
  guint              first_draw_idle;
};

static void impact_sheet_preview_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ImpactSheetPreview, impact_sheet_preview, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      impact_sheet_preview_scrollable_init))

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_LAYOUT,
  PROP_ZOOM,
  PROP_ZOOM_TO_FIT,
  PROP_N_PAGES,
  PROP_FIRST_DRAW_TIME,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

static const double zoom_steps[] = {
  0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0,
};

/* Helpers */

static double
get_scale (ImpactSheetPreview *self)
{
  return self->zoom * PX_PER_PT;
}

static void
get_page_points (ImpactSheetPreview *self,
                 double             *width,
                 double             *height)
{
  *width = 0;
  *height = 0;
  if (self->layout != NULL)
    impact_sheet_layout_get_page_extent (self->layout, width, height);
}

static void
get_content_size (ImpactSheetPreview *self,
                  double              scale,
                  double             *width,
                  double             *height)
{
  guint n_pages = impact_sheet_preview_get_n_pages (self);
  double pw, ph;

  get_page_points (self, &pw, &ph);
  if (n_pages == 0 || pw <= 0 || ph <= 0)
    {
      *width = 0;
      *height = 0;
      return;
    }

  *width = ceil (pw * scale + 2 * CANVAS_MARGIN);
  *height = ceil (n_pages * ph * scale + (n_pages - 1) * PAGE_GAP + 2 * CANVAS_MARGIN);
}

static double
compute_fit_zoom (ImpactSheetPreview *self,
                  int                 width)
{
  double pw, ph;
  double zoom;

  get_page_points (self, &pw, &ph);
  if (pw <= 0 || width <= 0)
    return 1.0;

  zoom = (width - 2 * CANVAS_MARGIN) / (pw * PX_PER_PT);
  return CLAMP (zoom, 0.1, MAX_FIT_ZOOM);
}

/* Rectangle of @page in widget coordinates (scrolled). */
static void
get_page_rect (ImpactSheetPreview *self,
               guint               page,
               graphene_rect_t    *rect)
{
  double scale = get_scale (self);
  double pw, ph, cw, ch;
  double view_w = gtk_widget_get_width (GTK_WIDGET (self));
  double view_h = gtk_widget_get_height (GTK_WIDGET (self));
  double x, y;

  get_page_points (self, &pw, &ph);
  get_content_size (self, scale, &cw, &ch);

  x = (MAX (cw, view_w) - pw * scale) / 2.0;
  y = CANVAS_MARGIN + page * (ph * scale + PAGE_GAP);
  if (ch < view_h)
    y += (view_h - ch) / 2.0;

  if (self->hadjustment != NULL)
    x -= gtk_adjustment_get_value (self->hadjustment);
  if (self->vadjustment != NULL)
    y -= gtk_adjustment_get_value (self->vadjustment);

  graphene_rect_init (rect, round (x), round (y), pw * scale, ph * scale);
}

static void
page_node_free (gpointer node)
{
  /* Pages not drawn yet hold NULL */
  if (node != NULL)
    gsk_render_node_unref (node);
}

static void
clear_page_nodes (ImpactSheetPreview *self)
{
  if (self->page_nodes != NULL)
    g_ptr_array_set_size (self->page_nodes, 0);
  self->cached_scale = 0;
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         value,
                      double         upper,
                      double         page_size)
{
  if (adjustment == NULL)
    return;

  upper = MAX (upper, page_size);
  value = CLAMP (value, 0, upper - page_size);
  gtk_adjustment_configure (adjustment, value, 0, upper,
                            page_size * 0.1, page_size * 0.9, page_size);
}

static void
adjustment_value_changed_cb (ImpactSheetPreview *self,
                             GtkAdjustment      *adjustment)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (ImpactSheetPreview  *self,
                GtkAdjustment      **slot,
                GtkAdjustment       *adjustment,
                GParamSpec          *pspec_unused)
{
  if (adjustment == *slot)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
      g_clear_object (slot);
    }

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (adjustment_value_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Remembers the content point under (wx, wy) so it stays there after the
 * zoom changes; applied in size_allocate. */
static void
set_anchor (ImpactSheetPreview *self,
            double              wx,
            double              wy)
{
  double cw, ch;

  get_content_size (self, get_scale (self), &cw, &ch);
  if (cw <= 0 || ch <= 0 || self->hadjustment == NULL || self->vadjustment == NULL)
    return;

  self->anchor_fx = (gtk_adjustment_get_value (self->hadjustment) + wx) / cw;
  self->anchor_fy = (gtk_adjustment_get_value (self->vadjustment) + wy) / ch;
  self->anchor_wx = wx;
  self->anchor_wy = wy;
  self->have_anchor = TRUE;
}

static void
set_zoom_internal (ImpactSheetPreview *self,
                   double              zoom,
                   gboolean            to_fit,
                   double              anchor_x,
                   double              anchor_y)
{
  gboolean fit_changed = (self->zoom_to_fit != !!to_fit);

  if (!to_fit)
    zoom = CLAMP (zoom, IMPACT_SHEET_PREVIEW_MIN_ZOOM, IMPACT_SHEET_PREVIEW_MAX_ZOOM);

  if (!fit_changed && !to_fit && fabs (zoom - self->zoom) < 1e-6)
    return;

  if (anchor_x >= 0)
    set_anchor (self, anchor_x, anchor_y);
  else
    set_anchor (self,
                gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);

  self->zoom_to_fit = !!to_fit;
  if (to_fit)
    zoom = compute_fit_zoom (self, gtk_widget_get_width (GTK_WIDGET (self)));

  if (fabs (zoom - self->zoom) >= 1e-6)
    {
      self->zoom = zoom;
      clear_page_nodes (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }

  if (fit_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_TO_FIT]);

  self->alloc_pending = TRUE;
  /* The natural size changes with the zoom: the scrolled window measures
   * again and shows its scrollbars before it allocates us (a scrollbar
   * appearing during our allocation leaves it unallocated for a frame) */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static GskRenderNode *
render_page_node (ImpactSheetPreview    *self,
                  guint                  page,
                  const graphene_rect_t *bounds,
                  double                 offset_x,
                  double                 offset_y)
{
  g_autoptr(GError) error = NULL;
  GskRenderNode *node;
  double scale = get_scale (self);
  cairo_t *cr;

  node = gsk_cairo_node_new (bounds);
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_translate (cr, offset_x, offset_y);
  cairo_scale (cr, scale, scale);

  if (!impact_render_page (cr, self->layout, page, &error) && !self->render_failed)
    {
      /* Reported once per layout: snapshot has nobody to return it to. */
      self->render_failed = TRUE;
      g_message ("Could not draw page %u: %s", page + 1, error->message);
    }

  cairo_destroy (cr);
  return node;
}

static gboolean
first_draw_idle_cb (gpointer user_data)
{
  ImpactSheetPreview *self = user_data;

  self->first_draw_idle = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_DRAW_TIME]);
  return G_SOURCE_REMOVE;
}

static void
scroll_animation_value_cb (double   value,
                           gpointer user_data)
{
  ImpactSheetPreview *self = user_data;

  gtk_adjustment_set_value (self->vadjustment, value);
}

static void
apply_scroll_to (ImpactSheetPreview *self)
{
  graphene_rect_t page_rect;
  double scale = get_scale (self);
  double view_w = gtk_widget_get_width (GTK_WIDGET (self));
  double view_h = gtk_widget_get_height (GTK_WIDGET (self));
  double box_top, box_left, box_right, target_v, target_h;
  double vvalue, hvalue;

  self->have_pending_scroll = FALSE;

  if (self->layout == NULL || self->pending_page >= impact_sheet_preview_get_n_pages (self))
    return;

  vvalue = gtk_adjustment_get_value (self->vadjustment);
  hvalue = gtk_adjustment_get_value (self->hadjustment);
  get_page_rect (self, self->pending_page, &page_rect);

  /* Content coordinates of the box */
  box_top = page_rect.origin.y + vvalue + self->pending_box.y * scale;
  box_left = page_rect.origin.x + hvalue + self->pending_box.x * scale;
  box_right = box_left + self->pending_box.width * scale;

  /* A little of what is above stays visible, for context */
  target_v = box_top - MIN (view_h / 5.0, 48.0);
  target_v = CLAMP (target_v, 0,
                    gtk_adjustment_get_upper (self->vadjustment) - view_h);

  target_h = hvalue;
  if (box_left < hvalue || box_right > hvalue + view_w)
    target_h = box_left - CANVAS_MARGIN;
  gtk_adjustment_set_value (self->hadjustment, target_h);

  if (self->scroll_animation == NULL)
    {
      AdwAnimationTarget *target =
        adw_callback_animation_target_new (scroll_animation_value_cb, self, NULL);

      self->scroll_animation = adw_timed_animation_new (GTK_WIDGET (self), 0, 1,
                                                        SCROLL_DURATION_MS, target);
      adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->scroll_animation),
                                      ADW_EASE_OUT_CUBIC);
    }

  adw_animation_reset (self->scroll_animation);
  adw_timed_animation_set_value_from (ADW_TIMED_ANIMATION (self->scroll_animation), vvalue);
  adw_timed_animation_set_value_to (ADW_TIMED_ANIMATION (self->scroll_animation), target_v);
  adw_animation_play (self->scroll_animation);
}

/* Outlines @section's @item if it is on @page (drawn at @page_rect): the
 * selection strongly, the hovered part lightly. Widget chrome over the
 * page; the page itself is drawn by impact_render_page() only. */
static void
draw_outline (ImpactSheetPreview    *self,
              GtkSnapshot           *snapshot,
              guint                  page,
              const graphene_rect_t *page_rect,
              ImpactSection          section,
              int                    item,
              gboolean               selected)
{
  static const GdkRGBA fill = { 0.208, 0.518, 0.894, 0.08 };
  static const GdkRGBA strong = { 0.208, 0.518, 0.894, 0.9 };
  static const GdkRGBA light = { 0.208, 0.518, 0.894, 0.45 };
  const GdkRGBA *border = selected ? &strong : &light;
  const GdkRGBA borders[4] = { *border, *border, *border, *border };
  const float w = selected ? 2 : 1;
  const float widths[4] = { w, w, w, w };
  double scale = get_scale (self);
  GskRoundedRect rounded;
  graphene_rect_t rect;
  ImpactBox box;
  guint box_page;

  if (self->layout == NULL ||
      !impact_sheet_layout_find (self->layout, section, item, &box_page, &box) ||
      box_page != page)
    return;

  graphene_rect_init (&rect,
                      page_rect->origin.x + box.x * scale - 4,
                      page_rect->origin.y + box.y * scale - 4,
                      box.width * scale + 8,
                      box.height * scale + 8);
  gsk_rounded_rect_init_from_rect (&rounded, &rect, 6);
  if (selected)
    {
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &fill, &rect);
      gtk_snapshot_pop (snapshot);
    }
  gtk_snapshot_append_border (snapshot, &rounded, widths, borders);
}

/* Marks every section the layout had to leave off @page (drawn at
 * @page_rect) as overset text is marked in a layout program: a red frame
 * with a light red wash where the section would have gone. */
static void
draw_overflow (ImpactSheetPreview    *self,
               GtkSnapshot           *snapshot,
               guint                  page,
               const graphene_rect_t *page_rect)
{
  static const GdkRGBA wash = { 0.878, 0.106, 0.141, 0.10 };
  static const GdkRGBA red = { 0.878, 0.106, 0.141, 0.95 };
  const GdkRGBA borders[4] = { red, red, red, red };
  const float widths[4] = { 2, 2, 2, 2 };
  double scale = get_scale (self);

  if (self->layout == NULL || page >= impact_sheet_layout_get_n_pages (self->layout))
    return;
  for (guint i = 0; i < impact_sheet_layout_get_n_boxes (self->layout, page); i++)
    {
      const ImpactBox *box = impact_sheet_layout_get_box (self->layout, page, i);
      GskRoundedRect rounded;
      graphene_rect_t rect;

      if (!box->overflow)
        continue;
      graphene_rect_init (&rect,
                          page_rect->origin.x + box->x * scale,
                          page_rect->origin.y + box->y * scale,
                          MAX (box->width * scale, 8),
                          MAX (box->height * scale, 8));
      gsk_rounded_rect_init_from_rect (&rounded, &rect, 2);
      gtk_snapshot_append_color (snapshot, &wash, &rect);
      gtk_snapshot_append_border (snapshot, &rounded, widths, borders);
      if (rect.size.height >= 24 && rect.size.width >= 120)
        {
          g_autoptr(PangoLayout) note = gtk_widget_create_pango_layout (GTK_WIDGET (self),
            _("Does not fit: shorten the texts (see the warnings)"));
          int note_w, note_h;

          pango_layout_set_width (note, (int) ((rect.size.width - 16) * PANGO_SCALE));
          pango_layout_set_ellipsize (note, PANGO_ELLIPSIZE_END);
          pango_layout_get_pixel_size (note, &note_w, &note_h);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect.origin.x + 8,
                                                                  rect.origin.y + (rect.size.height - note_h) / 2));
          gtk_snapshot_append_layout (snapshot, note, &red);
          gtk_snapshot_restore (snapshot);
        }
    }
}

/* The smallest box under widget point (@x, @y): an item rather than its
 * section. */
static gboolean
pick (ImpactSheetPreview *self,
      double              x,
      double              y,
      ImpactSection      *out_section,
      int                *out_item)
{
  double scale = get_scale (self);
  guint n_pages = impact_sheet_preview_get_n_pages (self);

  for (guint page = 0; page < n_pages; page++)
    {
      const ImpactBox *best = NULL;
      graphene_rect_t rect;
      double px, py;

      get_page_rect (self, page, &rect);
      if (!graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)))
        continue;

      px = (x - rect.origin.x) / scale;
      py = (y - rect.origin.y) / scale;
      for (guint i = 0; i < impact_sheet_layout_get_n_boxes (self->layout, page); i++)
        {
          const ImpactBox *box = impact_sheet_layout_get_box (self->layout, page, i);

          if (px < box->x || px > box->x + box->width || py < box->y || py > box->y + box->height)
            continue;
          if (best == NULL || box->width * box->height < best->width * best->height)
            best = box;
        }
      if (best == NULL)
        return FALSE;
      *out_section = best->section;
      *out_item = best->item;
      return TRUE;
    }
  return FALSE;
}

static void
update_description (ImpactSheetPreview *self)
{
  g_autofree char *name = NULL;

  if (!self->have_selection)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Arrow keys choose a part of the sheet, Enter edits it"),
                                      -1);
      return;
    }
  name = impact_sheet_selection_describe (self->selected_section, self->selected_item);
  {
    /* Translators: read by a screen reader: "Statistic 2 selected. Enter edits it" */
    g_autofree char *text = g_strdup_printf (_("%s selected. Enter edits it"), name);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  }
}

static void
set_hover (ImpactSheetPreview *self,
           gboolean            have,
           ImpactSection       section,
           int                 item)
{
  if (self->have_hover == !!have &&
      (!have || (self->hover_section == section && self->hover_item == item)))
    return;

  self->have_hover = !!have;
  self->hover_section = section;
  self->hover_item = item;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), have ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Reading order on the page as it looks: top to bottom, then left to
 * right; a section before the items it holds */
static int
compare_paged_boxes (gconstpointer a,
                     gconstpointer b)
{
  const PagedBox *pa = a, *pb = b;
  double ya = round (pa->box.y), yb = round (pb->box.y);
  double xa = round (pa->box.x), xb = round (pb->box.x);
  double area_a = pa->box.width * pa->box.height, area_b = pb->box.width * pb->box.height;

  if (pa->page != pb->page)
    return pa->page < pb->page ? -1 : 1;
  if (ya != yb)
    return ya < yb ? -1 : 1;
  if (xa != xb)
    return xa < xb ? -1 : 1;
  if (area_a != area_b)
    return area_a > area_b ? -1 : 1;
  return 0;
}

/* The parts of the sheet for screen readers: an item per box, in reading
 * order, named as the selection is described */
static void
update_items (ImpactSheetPreview *self)
{
  guint n_pages = impact_sheet_preview_get_n_pages (self);

  g_array_set_size (self->item_boxes, 0);
  for (guint page = 0; page < n_pages; page++)
    for (guint i = 0; i < impact_sheet_layout_get_n_boxes (self->layout, page); i++)
      {
        PagedBox paged = { page, *impact_sheet_layout_get_box (self->layout, page, i) };

        g_array_append_val (self->item_boxes, paged);
      }
  g_array_sort (self->item_boxes, compare_paged_boxes);

  impact_accessible_items_resize (GTK_WIDGET (self), self->items, self->item_boxes->len);
  for (guint i = 0; i < self->item_boxes->len; i++)
    {
      const PagedBox *paged = &g_array_index (self->item_boxes, PagedBox, i);
      g_autofree char *name = impact_sheet_selection_describe (paged->box.section, paged->box.item);

      impact_accessible_item_set (g_ptr_array_index (self->items, i), name, i);
    }
}

/* Marks the selected part; with the focus on the sheet, moves it there so
 * that a screen reader says which part is chosen */
static void
sync_items (ImpactSheetPreview *self)
{
  gboolean focus = impact_accessible_items_have_focus (GTK_WIDGET (self));

  for (guint i = 0; i < self->items->len; i++)
    {
      const PagedBox *paged = &g_array_index (self->item_boxes, PagedBox, i);
      GtkWidget *item = g_ptr_array_index (self->items, i);
      gboolean selected = self->have_selection &&
                          paged->box.section == self->selected_section &&
                          paged->box.item == self->selected_item;

      impact_accessible_item_set_selected (IMPACT_ACCESSIBLE_ITEM (item), selected);
      if (selected && focus && !gtk_widget_has_focus (item))
        gtk_widget_grab_focus (item);
    }
}

/* Each part's item over the part, for magnifiers and hit tests of assistive
 * technologies */
static void
allocate_items (ImpactSheetPreview *self)
{
  double scale = get_scale (self);

  for (guint i = 0; i < self->items->len; i++)
    {
      const PagedBox *paged = &g_array_index (self->item_boxes, PagedBox, i);
      GtkWidget *item = g_ptr_array_index (self->items, i);
      graphene_rect_t rect;
      int min, nat;

      get_page_rect (self, paged->page, &rect);
      gtk_widget_measure (item, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      gtk_widget_size_allocate (item,
                                &(GtkAllocation) {
                                  (int) floor (rect.origin.x + paged->box.x * scale),
                                  (int) floor (rect.origin.y + paged->box.y * scale),
                                  MAX (1, (int) ceil (paged->box.width * scale)),
                                  MAX (1, (int) ceil (paged->box.height * scale)),
                                }, -1);
    }
}

/* Moves the selection @delta boxes on, in reading order over all pages */
static void
select_step (ImpactSheetPreview *self,
             int                 delta)
{
  guint n_pages = impact_sheet_preview_get_n_pages (self);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (PagedBox));
  int current = -1;
  int next;

  for (guint page = 0; page < n_pages; page++)
    for (guint i = 0; i < impact_sheet_layout_get_n_boxes (self->layout, page); i++)
      {
        PagedBox paged = { page, *impact_sheet_layout_get_box (self->layout, page, i) };

        g_array_append_val (order, paged);
      }
  if (order->len == 0)
    return;
  g_array_sort (order, compare_paged_boxes);

  for (guint i = 0; self->have_selection && i < order->len && current < 0; i++)
    {
      const PagedBox *paged = &g_array_index (order, PagedBox, i);

      if (paged->box.section == self->selected_section && paged->box.item == self->selected_item)
        current = i;
    }

  if (current < 0)
    next = delta > 0 ? 0 : (int) order->len - 1;
  else
    next = CLAMP (current + delta, 0, (int) order->len - 1);

  {
    const PagedBox *paged = &g_array_index (order, PagedBox, next);

    impact_sheet_preview_scroll_to (self, paged->page, &paged->box);
  }
}

/* Signal callbacks */

static gboolean
scroll_cb (ImpactSheetPreview       *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state;
  GdkEvent *event;
  double x = -1, y = -1;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if ((state & GDK_CONTROL_MASK) == 0 || self->layout == NULL)
    return FALSE;

  event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  if (event != NULL && !gdk_event_get_position (event, &x, &y))
    x = y = -1;
  if (event != NULL && x >= 0)
    {
      /* The event position is relative to the surface: make it ours */
      GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
      double nx = 0, ny = 0, wx = 0, wy = 0;

      gtk_native_get_surface_transform (native, &nx, &ny);
      gtk_widget_translate_coordinates (GTK_WIDGET (native), GTK_WIDGET (self),
                                        x - nx, y - ny, &wx, &wy);
      x = wx;
      y = wy;
    }

  if (dy == 0)
    return TRUE;

  set_zoom_internal (self, self->zoom * pow (1.1, -dy), FALSE, x, y);
  return TRUE;
}

static void
zoom_gesture_begin_cb (ImpactSheetPreview *self,
                       GdkEventSequence   *sequence,
                       GtkGesture         *gesture)
{
  g_object_set_data_full (G_OBJECT (gesture), "impact-zoom-start",
                          g_memdup2 (&self->zoom, sizeof self->zoom), g_free);
}

static void
zoom_gesture_scale_changed_cb (ImpactSheetPreview *self,
                               double              scale,
                               GtkGestureZoom     *gesture)
{
  double *start = g_object_get_data (G_OBJECT (gesture), "impact-zoom-start");
  double x = -1, y = -1;

  if (start == NULL)
    return;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  set_zoom_internal (self, *start * scale, FALSE, x, y);
}

static void
zoom_gesture_end_cb (ImpactSheetPreview *self,
                     GdkEventSequence   *sequence,
                     GtkGesture         *gesture)
{
  g_object_set_data (G_OBJECT (gesture), "impact-zoom-start", NULL);
}

static void
click_pressed_cb (ImpactSheetPreview *self,
                  int                 n_press,
                  double              x,
                  double              y,
                  GtkGestureClick    *gesture)
{
  ImpactSection section;
  int item;

  if (self->layout == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (!pick (self, x, y, &section, &item))
    {
      impact_sheet_preview_clear_highlight (self);
      return;
    }
  impact_sheet_preview_select (self, section, item);
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, (int) section, item);
}

static void
motion_cb (ImpactSheetPreview       *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  ImpactSection section = IMPACT_SECTION_HEADER;
  int item = -1;
  gboolean have = self->layout != NULL && pick (self, x, y, &section, &item);

  set_hover (self, have, section, item);
}

static void
leave_cb (ImpactSheetPreview       *self,
          GtkEventControllerMotion *controller)
{
  set_hover (self, FALSE, 0, -1);
}

static gboolean
key_pressed_cb (ImpactSheetPreview    *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if (self->layout == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      select_step (self, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      select_step (self, 1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      if (!self->have_selection)
        return FALSE;
      g_signal_emit (self, signals[ITEM_ACTIVATED], 0,
                     (int) self->selected_section, self->selected_item);
      return TRUE;
    default:
      return FALSE;
    }
}

/* GtkWidget overrides */

static void
impact_sheet_preview_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  ImpactSheetPreview *self = IMPACT_SHEET_PREVIEW (widget);
  double cw, ch;

  get_content_size (self, get_scale (self), &cw, &ch);
  *minimum = 0;
  *natural = (int) (orientation == GTK_ORIENTATION_HORIZONTAL ? cw : ch);
}

static void
impact_sheet_preview_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  ImpactSheetPreview *self = IMPACT_SHEET_PREVIEW (widget);
  double cw, ch;
  double hvalue, vvalue;

  self->alloc_pending = FALSE;

  if (self->zoom_to_fit && self->layout != NULL)
    {
      double zoom = compute_fit_zoom (self, width);

      if (fabs (zoom - self->zoom) >= 1e-6)
        {
          if (!self->have_anchor)
            set_anchor (self, width / 2.0, 0);
          self->zoom = zoom;
          clear_page_nodes (self);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
        }
    }

  get_content_size (self, get_scale (self), &cw, &ch);

  hvalue = self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
  vvalue = self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;

  if (self->have_anchor)
    {
      hvalue = self->anchor_fx * cw - self->anchor_wx;
      vvalue = self->anchor_fy * ch - self->anchor_wy;
      self->have_anchor = FALSE;
    }

  configure_adjustment (self->hadjustment, hvalue, cw, width);
  configure_adjustment (self->vadjustment, vvalue, ch, height);

  if (self->have_pending_scroll && width > 0 && height > 0)
    apply_scroll_to (self);

  allocate_items (self);
}

static void
impact_sheet_preview_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  ImpactSheetPreview *self = IMPACT_SHEET_PREVIEW (widget);
  static const GdkRGBA paper = { 1, 1, 1, 1 };
  static const GdkRGBA shadow_near = { 0, 0, 0, 0.18 };
  static const GdkRGBA shadow_far = { 0, 0, 0, 0.10 };
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  guint n_pages = impact_sheet_preview_get_n_pages (self);
  double scale = get_scale (self);
  gboolean drew = FALSE;

  if (n_pages == 0)
    return;

  if (self->cached_scale != scale)
    {
      clear_page_nodes (self);
      self->cached_scale = scale;
    }
  if (self->page_nodes->len < n_pages)
    g_ptr_array_set_size (self->page_nodes, n_pages);

  for (guint page = 0; page < n_pages; page++)
    {
      graphene_rect_t rect;
      GskRoundedRect outline;

      get_page_rect (self, page, &rect);

      /* Culling: pages are sorted top to bottom */
      if (rect.origin.y + rect.size.height + 16 < 0)
        continue;
      if (rect.origin.y - 16 > height)
        break;
      if (rect.origin.x + rect.size.width + 16 < 0 || rect.origin.x - 16 > width)
        continue;

      gsk_rounded_rect_init_from_rect (&outline, &rect, 0);
      gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow_far, 0, 2, 0, 8);
      gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow_near, 0, 1, 0, 2);
      gtk_snapshot_append_color (snapshot, &paper, &rect);

      if (rect.size.width * rect.size.height <= MAX_CACHED_PIXELS)
        {
          GskRenderNode *node = g_ptr_array_index (self->page_nodes, page);

          if (node == NULL)
            {
              graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, rect.size.width, rect.size.height);

              node = render_page_node (self, page, &bounds, 0, 0);
              self->page_nodes->pdata[page] = node;
            }

          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect.origin.x, rect.origin.y));
          gtk_snapshot_append_node (snapshot, node);
          gtk_snapshot_restore (snapshot);
        }
      else
        {
          /* Too large to keep: draw the visible part only */
          graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, width, height);
          graphene_rect_t visible;
          g_autoptr(GskRenderNode) node = NULL;

          if (!graphene_rect_intersection (&rect, &view, &visible))
            continue;

          graphene_rect_round_extents (&visible, &visible);
          node = render_page_node (self, page, &visible, rect.origin.x, rect.origin.y);
          gtk_snapshot_append_node (snapshot, node);
        }

      drew = TRUE;

      draw_overflow (self, snapshot, page, &rect);
      if (self->have_hover &&
          !(self->have_selection && self->hover_section == self->selected_section &&
            self->hover_item == self->selected_item))
        draw_outline (self, snapshot, page, &rect, self->hover_section, self->hover_item, FALSE);
      if (self->have_selection)
        draw_outline (self, snapshot, page, &rect, self->selected_section, self->selected_item, TRUE);
    }

  if (drew && self->first_draw_time == 0)
    {
      self->first_draw_time = g_get_monotonic_time ();
      if (self->first_draw_idle == 0)
        self->first_draw_idle = g_idle_add (first_draw_idle_cb, self);
    }
}

/* GObject overrides */

static void
impact_sheet_preview_dispose (GObject *object)
{
  ImpactSheetPreview *self = IMPACT_SHEET_PREVIEW (object);

  g_clear_handle_id (&self->first_draw_idle, g_source_remove);
  if (self->scroll_animation != NULL)
    adw_animation_skip (self->scroll_animation);
  g_clear_object (&self->scroll_animation);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->page_nodes, g_ptr_array_unref);
  if (self->items != NULL)
    impact_accessible_items_clear (self->items);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->item_boxes, g_array_unref);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (impact_sheet_preview_parent_class)->dispose (object);
}

static void
impact_sheet_preview_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ImpactSheetPreview *self = IMPACT_SHEET_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      g_value_set_object (value, self->layout);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_ZOOM_TO_FIT:
      g_value_set_boolean (value, self->zoom_to_fit);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, impact_sheet_preview_get_n_pages (self));
      break;
    case PROP_FIRST_DRAW_TIME:
      g_value_set_int64 (value, self->first_draw_time);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
impact_sheet_preview_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ImpactSheetPreview *self = IMPACT_SHEET_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      impact_sheet_preview_set_layout (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      impact_sheet_preview_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_ZOOM_TO_FIT:
      impact_sheet_preview_set_zoom_to_fit (self, g_value_get_boolean (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value), pspec);
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value), pspec);
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
impact_sheet_preview_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
impact_sheet_preview_class_init (ImpactSheetPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_sheet_preview_dispose;
  object_class->get_property = impact_sheet_preview_get_property;
  object_class->set_property = impact_sheet_preview_set_property;

  widget_class->measure = impact_sheet_preview_measure;
  widget_class->size_allocate = impact_sheet_preview_size_allocate;
  widget_class->snapshot = impact_sheet_preview_snapshot;

  properties[PROP_LAYOUT] =
    g_param_spec_object ("layout", NULL, NULL,
                         IMPACT_TYPE_SHEET_LAYOUT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         0.1, IMPACT_SHEET_PREVIEW_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM_TO_FIT] =
    g_param_spec_boolean ("zoom-to-fit", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIRST_DRAW_TIME] =
    g_param_spec_int64 ("first-draw-time", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A part of the sheet was clicked, or chosen with the keyboard and
   * Enter pressed: (section, item or -1) */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "sheetpreview");
  /* a list of the sheet's parts (impact-accessible-item.h) */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
  widget_class->focus = impact_accessible_items_focus;
}

static void
impact_sheet_preview_init (ImpactSheetPreview *self)
{
  GtkEventController *scroll;
  GtkEventController *motion;
  GtkEventController *keys;
  GtkGesture *zoom;
  GtkGesture *click;

  self->zoom = 1.0;
  self->zoom_to_fit = TRUE;
  self->page_nodes = g_ptr_array_new_with_free_func (page_node_free);
  self->item_boxes = g_array_new (FALSE, FALSE, sizeof (PagedBox));
  self->items = g_ptr_array_new ();

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "sheet-canvas");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Fact sheet preview"),
                                  -1);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect_object (zoom, "begin", G_CALLBACK (zoom_gesture_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (zoom, "scale-changed", G_CALLBACK (zoom_gesture_scale_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (zoom, "end", G_CALLBACK (zoom_gesture_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (click_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "enter", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  update_description (self);
}

/* Public API */

GtkWidget *
impact_sheet_preview_new (void)
{
  return g_object_new (IMPACT_TYPE_SHEET_PREVIEW, NULL);
}

ImpactSheetLayout *
impact_sheet_preview_get_layout (ImpactSheetPreview *self)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_PREVIEW (self), NULL);

  return self->layout;
}

void
impact_sheet_preview_set_layout (ImpactSheetPreview *self,
                                 ImpactSheetLayout  *layout)
{
  guint old_pages;

  g_return_if_fail (IMPACT_IS_SHEET_PREVIEW (self));
  g_return_if_fail (!layout || IMPACT_IS_SHEET_LAYOUT (layout));

  if (self->layout == layout)
    return;

  old_pages = impact_sheet_preview_get_n_pages (self);
  g_set_object (&self->layout, layout);
  clear_page_nodes (self);
  update_items (self);
  sync_items (self);
  self->render_failed = FALSE;
  self->have_hover = FALSE;
  self->have_pending_scroll = FALSE;

  /* A reload keeps the scroll position; the fit zoom follows the page size */
  self->alloc_pending = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
  if (old_pages != impact_sheet_preview_get_n_pages (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

guint
impact_sheet_preview_get_n_pages (ImpactSheetPreview *self)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_PREVIEW (self), 0);

  return self->layout ? impact_sheet_layout_get_n_pages (self->layout) : 0;
}

double
impact_sheet_preview_get_zoom (ImpactSheetPreview *self)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_PREVIEW (self), 1.0);

  return self->zoom;
}

void
impact_sheet_preview_set_zoom (ImpactSheetPreview *self,
                               double              zoom)
{
  g_return_if_fail (IMPACT_IS_SHEET_PREVIEW (self));

  set_zoom_internal (self, zoom, FALSE, -1, -1);
}

gboolean
impact_sheet_preview_get_zoom_to_fit (ImpactSheetPreview *self)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_PREVIEW (self), FALSE);

  return self->zoom_to_fit;
}

void
impact_sheet_preview_set_zoom_to_fit (ImpactSheetPreview *self,
                                      gboolean            zoom_to_fit)
{
  g_return_if_fail (IMPACT_IS_SHEET_PREVIEW (self));

  set_zoom_internal (self, self->zoom, zoom_to_fit, -1, -1);
}

double
impact_sheet_preview_zoom_step_up (double zoom)
{
  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] > zoom * 1.01)
      return zoom_steps[i];

  return IMPACT_SHEET_PREVIEW_MAX_ZOOM;
}

double
impact_sheet_preview_zoom_step_down (double zoom)
{
  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < zoom * 0.99)
      return zoom_steps[i - 1];

  return IMPACT_SHEET_PREVIEW_MIN_ZOOM;
}

gboolean
impact_sheet_preview_can_zoom_in (ImpactSheetPreview *self)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_PREVIEW (self), FALSE);

  return self->layout != NULL && self->zoom < IMPACT_SHEET_PREVIEW_MAX_ZOOM - 1e-6;
}

gboolean
impact_sheet_preview_can_zoom_out (ImpactSheetPreview *self)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_PREVIEW (self), FALSE);

  return self->layout != NULL && self->zoom > IMPACT_SHEET_PREVIEW_MIN_ZOOM + 1e-6;
}

void
impact_sheet_preview_zoom_in (ImpactSheetPreview *self)
{
  g_return_if_fail (IMPACT_IS_SHEET_PREVIEW (self));

  set_zoom_internal (self, impact_sheet_preview_zoom_step_up (self->zoom), FALSE, -1, -1);
}

void
impact_sheet_preview_zoom_out (ImpactSheetPreview *self)
{
  g_return_if_fail (IMPACT_IS_SHEET_PREVIEW (self));

  set_zoom_internal (self, impact_sheet_preview_zoom_step_down (self->zoom), FALSE, -1, -1);
}

void
impact_sheet_preview_scroll_to (ImpactSheetPreview *self,
                                guint               page,
                                const ImpactBox    *box)
{
  g_return_if_fail (IMPACT_IS_SHEET_PREVIEW (self));

  if (self->layout == NULL || page >= impact_sheet_preview_get_n_pages (self))
    return;

  self->pending_page = page;
  if (box != NULL)
    {
      self->pending_box = *box;
      impact_sheet_preview_select (self, box->section, box->item);
    }
  else
    {
      memset (&self->pending_box, 0, sizeof self->pending_box);
      impact_sheet_preview_clear_highlight (self);
    }

  self->have_pending_scroll = TRUE;
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0 && self->vadjustment != NULL &&
      !self->alloc_pending)
    apply_scroll_to (self);
  else
    gtk_widget_queue_allocate (GTK_WIDGET (self));

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
impact_sheet_preview_clear_highlight (ImpactSheetPreview *self)
{
  g_return_if_fail (IMPACT_IS_SHEET_PREVIEW (self));

  if (!self->have_selection)
    return;

  self->have_selection = FALSE;
  update_description (self);
  sync_items (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
impact_sheet_preview_select (ImpactSheetPreview *self,
                             ImpactSection       section,
                             int                 item)
{
  g_return_if_fail (IMPACT_IS_SHEET_PREVIEW (self));

  if (self->have_selection && self->selected_section == section && self->selected_item == item)
    return;

  self->have_selection = TRUE;
  self->selected_section = section;
  self->selected_item = item;
  update_description (self);
  sync_items (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
impact_sheet_preview_get_selection (ImpactSheetPreview *self,
                                    ImpactSection      *out_section,
                                    int                *out_item)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_PREVIEW (self), FALSE);

  if (!self->have_selection)
    return FALSE;
  if (out_section != NULL)
    *out_section = self->selected_section;
  if (out_item != NULL)
    *out_item = self->selected_item;
  return TRUE;
}

gboolean
impact_sheet_preview_get_hover (ImpactSheetPreview *self,
                                ImpactSection      *out_section,
                                int                *out_item)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_PREVIEW (self), FALSE);

  if (!self->have_hover)
    return FALSE;
  *out_section = self->hover_section;
  *out_item = self->hover_item;
  return TRUE;
}

gboolean
impact_sheet_preview_pick (ImpactSheetPreview *self,
                           double              x,
                           double              y,
                           ImpactSection      *out_section,
                           int                *out_item)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_PREVIEW (self), FALSE);
  g_return_val_if_fail (out_section != NULL && out_item != NULL, FALSE);

  return self->layout != NULL && pick (self, x, y, out_section, out_item);
}

gboolean
impact_sheet_preview_get_item_rect (ImpactSheetPreview *self,
                                    ImpactSection       section,
                                    int                 item,
                                    graphene_rect_t    *out_rect)
{
  graphene_rect_t page_rect;
  ImpactBox box;
  guint page;
  double scale;

  g_return_val_if_fail (IMPACT_IS_SHEET_PREVIEW (self), FALSE);
  g_return_val_if_fail (out_rect != NULL, FALSE);

  if (self->layout == NULL || !impact_sheet_layout_find (self->layout, section, item, &page, &box))
    return FALSE;
  scale = get_scale (self);
  get_page_rect (self, page, &page_rect);
  graphene_rect_init (out_rect,
                      page_rect.origin.x + box.x * scale, page_rect.origin.y + box.y * scale,
                      box.width * scale, box.height * scale);
  return TRUE;
}

gint64
impact_sheet_preview_get_first_draw_time (ImpactSheetPreview *self)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_PREVIEW (self), 0);

  return self->first_draw_time;
}
