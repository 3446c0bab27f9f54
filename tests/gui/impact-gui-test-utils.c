/* impact-gui-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "impact-gui-test-utils.h"
#include "impact-test-utils.h"
#include "impact-window.h"

ImpactApplication *
impact_gui_test_app_new (void)
{
  g_autoptr(GError) error = NULL;
  ImpactApplication *app = impact_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

/* The first widget of @widget's tree, @widget included, depth first,
 * that @match accepts: the one walk behind the finders below */
typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_first (GtkWidget     *widget,
            WidgetMatch    match,
            gconstpointer  data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget *widget, gconstpointer data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) data);
}

static gboolean
is_named (GtkWidget *widget, gconstpointer data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

static gboolean
has_stack_page (GtkWidget *widget, gconstpointer data)
{
  return (GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), data) != NULL) ||
         (ADW_IS_VIEW_STACK (widget) && adw_view_stack_get_child_by_name (ADW_VIEW_STACK (widget), data) != NULL);
}

GtkWidget *
impact_gui_test_find_type (GtkWidget *widget,
                           GType      type)
{
  return find_first (widget, is_of_type, &type);
}

gboolean
impact_gui_test_save_written (gpointer window)
{
  return !impact_window_get_saving (window) && !impact_window_get_modified (window);
}

ImpactWindow *
impact_gui_test_open_example (ImpactApplication  *app,
                              char              **dir)
{
  g_autofree char *example = impact_test_example_path ("kolkata.json");
  g_autoptr(GFile) source = g_file_new_for_path (example);
  g_autofree char *path = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;
  ImpactWindow *window;

  *dir = impact_test_make_tmpdir ();
  path = g_build_filename (*dir, "office.json", NULL);
  copy = g_file_new_for_path (path);
  g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  window = IMPACT_WINDOW (impact_application_open_file (app, copy, NULL));
  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the document to load"));
  /* the side pane shows the editor (not the outline) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-editor", NULL));
  impact_gui_test_settle ();
  return window;
}

void
impact_gui_test_close_example (ImpactApplication *app,
                               ImpactWindow      *window,
                               const char        *dir)
{
  gtk_window_destroy (GTK_WINDOW (window));
  impact_gui_test_wait_for (impact_gui_test_no_windows, app, "the window to go away");
  impact_test_remove_tree (dir);
}

gboolean
impact_gui_test_no_windows (gpointer app)
{
  return gtk_application_get_windows (GTK_APPLICATION (app)) == NULL;
}

void
impact_gui_test_settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
impact_gui_test_wait_for (ImpactTestCondition  condition,
                          gpointer             data,
                          const char          *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (IMPACT_GUI_TEST_TIMEOUT_MS, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    {
      g_test_message ("timed out waiting for %s", what);
      g_test_fail ();
      return FALSE;
    }
  g_source_remove (id);
  return TRUE;
}

gboolean
impact_gui_test_has_document (gpointer data)
{
  return impact_window_get_document (data) != NULL && !impact_window_get_busy (data);
}

GdkTexture *
impact_gui_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0 || gtk_widget_get_native (widget) == NULL)
    return NULL;
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return NULL;
  graphene_rect_init (&bounds, 0, 0, width, height);
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node, &bounds);
}

double
impact_gui_test_luminance_at (GdkTexture *texture,
                              int         x,
                              int         y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  const guchar *p;

  g_assert_true (x >= 0 && x < width && y >= 0 && y < height);
  /* GDK_MEMORY_DEFAULT: B G R A, premultiplied */
  gdk_texture_download (texture, pixels, width * 4);
  p = pixels + ((gsize) y * width + x) * 4;
  return (0.0722 * p[0] + 0.7152 * p[1] + 0.2126 * p[2]) / 255.0;
}

void
impact_gui_test_screenshot (GtkWidget  *widget,
                            const char *name)
{
  const char *dir = g_getenv ("IMPACT_TEST_SCREENSHOT_DIR");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  texture = impact_gui_test_render (widget);
  if (texture == NULL)
    {
      g_test_message ("no screenshot %s: nothing shown", name);
      return;
    }
  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file_name, NULL);
  gdk_texture_save_to_png (texture, path);
  g_test_message ("screenshot: %s", path);
}

GtkWidget *
impact_gui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWidget *window = g_list_model_get_item (toplevels, i);
      gboolean found = G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window);

      /* the list keeps its reference */
      g_object_unref (window);
      if (found)
        return window;
    }
  return NULL;
}

gboolean
impact_gui_test_file_chooser_shown (gpointer data)
{
  return impact_gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

GtkWidget *
impact_gui_test_find_named (GtkWidget  *widget,
                            const char *name)
{
  return find_first (widget, is_named, name);
}

GtkEventController *
impact_gui_test_find_controller (GtkWidget *widget,
                                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;   /* the widget keeps it */
    }
  g_error ("no %s on %s", g_type_name (type), G_OBJECT_TYPE_NAME (widget));
  return NULL;
}

gboolean
impact_gui_test_pick (GtkWidget  *menu_button,
                      const char *name)
{
  GtkPopover *popover;
  GtkWidget *choice;

  g_return_val_if_fail (GTK_IS_MENU_BUTTON (menu_button), FALSE);

  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  impact_gui_test_settle ();
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
  if (popover == NULL)
    return FALSE;
  choice = impact_gui_test_find_named (GTK_WIDGET (popover), name);
  if (choice == NULL || !GTK_IS_BUTTON (choice))
    {
      gtk_popover_popdown (popover);
      return FALSE;
    }
  g_signal_emit_by_name (choice, "clicked");
  impact_gui_test_settle ();
  return TRUE;
}

static cairo_surface_t *
texture_to_surface (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  /* GDK_MEMORY_DEFAULT is cairo's ARGB32: premultiplied, native order */
  cairo_surface_flush (surface);
  gdk_texture_download (texture, cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  return surface;
}

void
impact_gui_test_screenshot_popover (GtkWidget  *window,
                                    GtkPopover *popover,
                                    const char *name)
{
  const char *dir = g_getenv ("IMPACT_TEST_SCREENSHOT_DIR");
  g_autoptr(GdkTexture) back = NULL;
  g_autoptr(GdkTexture) front = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  GdkSurface *surface;
  double window_x, window_y, popover_x, popover_y;
  cairo_surface_t *image, *part;
  cairo_t *cr;

  if (dir == NULL)
    return;
  back = impact_gui_test_render (window);
  front = impact_gui_test_render (GTK_WIDGET (popover));
  surface = gtk_native_get_surface (GTK_NATIVE (popover));
  if (back == NULL || front == NULL || !GDK_IS_POPUP (surface))
    {
      g_test_message ("no screenshot %s: nothing shown", name);
      return;
    }
  /* the popup's place is given in the window's surface, which (like the
   * popup's) may have a margin around the widget */
  gtk_native_get_surface_transform (GTK_NATIVE (window), &window_x, &window_y);
  gtk_native_get_surface_transform (GTK_NATIVE (popover), &popover_x, &popover_y);
  image = texture_to_surface (back);
  part = texture_to_surface (front);
  cr = cairo_create (image);
  cairo_set_source_surface (cr, part,
                            gdk_popup_get_position_x (GDK_POPUP (surface)) + popover_x - window_x,
                            gdk_popup_get_position_y (GDK_POPUP (surface)) + popover_y - window_y);
  cairo_paint (cr);
  cairo_destroy (cr);
  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file_name, NULL);
  if (cairo_surface_write_to_png (image, path) != CAIRO_STATUS_SUCCESS)
    g_test_message ("could not write %s", path);
  else
    g_test_message ("screenshot: %s", path);
  cairo_surface_destroy (part);
  cairo_surface_destroy (image);
}

ImpactEditorPane *
impact_gui_test_editor (ImpactWindow *window)
{
  GtkWidget *pane = impact_gui_test_find_type (GTK_WIDGET (window), IMPACT_TYPE_EDITOR_PANE);

  if (pane == NULL)
    g_error ("the window has no editor pane");
  return IMPACT_EDITOR_PANE (pane);
}

GtkWidget *
impact_gui_test_find_stack (GtkWidget  *widget,
                            const char *child_name)
{
  GtkWidget *stack = find_first (widget, has_stack_page, child_name);

  if (stack == NULL)
    g_error ("no stack with a page %s in %s", child_name, G_OBJECT_TYPE_NAME (widget));
  return stack;
}

const char *
impact_gui_test_visible_page (GtkWidget  *widget,
                              const char *child_name)
{
  GtkWidget *stack = impact_gui_test_find_stack (widget, child_name);

  if (ADW_IS_VIEW_STACK (stack))
    return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack));
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

GSettings *
impact_gui_test_get_settings (void)
{
  static GSettings *settings;

  /* the memory backend of the tests is one per process: this is what
   * the windows read and write */
  if (settings == NULL)
    settings = g_settings_new (APP_ID);
  return settings;
}

AdwMessageDialog *
impact_gui_test_find_dialog (GtkWindow  *parent,
                             const char *response)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == parent &&
        gtk_widget_get_visible (l->data) &&
        (response == NULL || adw_message_dialog_has_response (l->data, response)))
      return l->data;
  return NULL;
}

static gboolean
new_layout (gpointer data)
{
  gpointer *args = data;

  return impact_sheet_preview_get_layout (args[0]) != args[1];
}

gboolean
impact_gui_test_wait_for_layout (ImpactWindow      *window,
                                 ImpactSheetLayout *before,
                                 const char        *what)
{
  gpointer args[2] = { impact_window_get_preview (window), before };

  return impact_gui_test_wait_for (new_layout, args, what);
}
