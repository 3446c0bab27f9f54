/* impact-window-actions.c: the win.* actions of ImpactWindow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-window-actions"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "impact-application.h"
#include "impact-export-dialog.h"
#include "impact-print-operation.h"
#include "impact-presenter-window.h"
#include "impact-window-private.h"

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));

  if (app != NULL)
    impact_application_choose_files (IMPACT_APPLICATION (app), GTK_WINDOW (widget));
}

static void
export_dialog_export_cb (ImpactWindow       *self,
                         GFile              *output,
                         ImpactExportDialog *dialog)
{
  ImpactExportKind kind = impact_export_dialog_get_kind (dialog);

  if (kind == IMPACT_EXPORT_KIND_TIMELINE_SLIDE || kind == IMPACT_EXPORT_KIND_TIMELINE_HANDOUT)
    {
      ImpactTimelineExportOptions timeline;

      impact_export_dialog_get_timeline_options (dialog, &timeline);
      impact_window_export_timeline (self, &timeline, output);
    }
  else
    {
      ImpactExportOptions options;

      impact_export_dialog_get_options (dialog, &options);
      impact_window_export (self, &options, output);
    }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ImpactWindow *self = IMPACT_WINDOW (widget);
  ImpactExportDialog *dialog;

  if (impact_window_get_result (self) == NULL)
    return;

  dialog = impact_export_dialog_new (GTK_WINDOW (self), self->settings, impact_session_get_file (self->session),
                                     impact_sheet_layout_get_n_pages (impact_window_get_result (self)->layout));
  g_signal_connect_object (dialog, "export", G_CALLBACK (export_dialog_export_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ImpactWindow *self = IMPACT_WINDOW (widget);
  const char *target = g_variant_get_string (parameter, NULL);
  g_autoptr(GFile) output = NULL;
  ImpactExportOptions options;

  if (impact_window_get_result (self) == NULL || target == NULL || *target == '\0')
    return;

  /* A URI or a path; the format follows the extension when it names one */
  output = g_uri_peek_scheme (target) != NULL ? g_file_new_for_uri (target)
                                              : g_file_new_for_path (target);
  impact_export_dialog_options_from_settings (self->settings, &options);
  impact_export_format_from_path (target, &options.format);
  impact_window_export (self, &options, output);
}

static void
print_done_cb (ImpactWindow            *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  ImpactApplication *app = IMPACT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GError) error = NULL;
  const GError *render_error;

  render_error = impact_print_operation_get_render_error (IMPACT_PRINT_OPERATION (operation));
  if (render_error != NULL)
    error = g_error_copy (render_error);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);

  if (error != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Print"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && app != NULL)
    {
      impact_application_set_print_settings (app, gtk_print_operation_get_print_settings (operation));
      impact_application_set_page_setup (app, gtk_print_operation_get_default_page_setup (operation));
    }
}

/* F5: the milestones full screen, one at a time */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ImpactWindow *self = IMPACT_WINDOW (widget);

  if (impact_window_get_result (self) == NULL)
    return;
  impact_presenter_window_start (GTK_WINDOW (self),
                                 gtk_window_get_application (GTK_WINDOW (self)),
                                 impact_window_get_result (self)->document);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ImpactWindow *self = IMPACT_WINDOW (widget);
  ImpactApplication *app = IMPACT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(ImpactPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (impact_window_get_result (self) == NULL)
    return;

  operation = impact_print_operation_new (impact_window_get_result (self)->document, impact_window_get_result (self)->theme,
                                          self->page_size);
  {
    g_autoptr(GtkPrintSettings) settings =
      impact_print_operation_prepare_settings (app ? impact_application_get_print_settings (app) : NULL,
                                               impact_window_get_result (self)->document);

    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), settings);
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (operation),
                                      gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME));
  }
  if (app != NULL)
    {
      if (impact_application_get_page_setup (app) != NULL)
        gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation),
                                                    impact_application_get_page_setup (app));
    }

  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, G_CONNECT_SWAPPED);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);

      impact_window_show_toast (self, message);
    }
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  impact_window_confirm_reload (IMPACT_WINDOW (widget));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ImpactWindow *self = IMPACT_WINDOW (widget);

  if (g_str_equal (action_name, "win.zoom-in"))
    impact_sheet_preview_zoom_in (self->preview);
  else if (g_str_equal (action_name, "win.zoom-out"))
    impact_sheet_preview_zoom_out (self->preview);
  else if (g_str_equal (action_name, "win.zoom-fit"))
    impact_sheet_preview_set_zoom_to_fit (self->preview, TRUE);
  else if (g_str_equal (action_name, "win.zoom-original"))
    impact_sheet_preview_set_zoom (self->preview, 1.0);
}

static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_fullscreen (GTK_WINDOW (widget));
}

static void
toggle_outline_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ImpactWindow *self = IMPACT_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
show_errors_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  impact_window_show_error_details (IMPACT_WINDOW (widget));
}

static void
open_exported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);

  if (uri != NULL && *uri != '\0')
    gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
}

static void
leave_fullscreen_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
}

/* Alt+1, Alt+2: the Fact Sheet or the Timeline */
static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ImpactWindow *self = IMPACT_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->content_stack, name) == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->content_stack, name);
}

/* The widget that shows the document now: the sheet or the timeline */
static GtkWidget *
current_canvas (ImpactWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->content_stack);

  if (g_strcmp0 (name, "timeline") == 0)
    return GTK_WIDGET (self->timeline_view);
  return GTK_WIDGET (self->preview);
}

/* F6: from the side pane to the sheet (or timeline) and back */
static void
cycle_focus_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ImpactWindow *self = IMPACT_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *canvas = current_canvas (self);
  GtkWidget *pane = gtk_stack_get_visible_child (self->side_stack);

  if (impact_window_get_result (self) == NULL)
    return;

  if (focus != NULL && (focus == canvas || gtk_widget_is_ancestor (focus, canvas)))
    {
      ImpactSection section;
      int item;

      adw_flap_set_reveal_flap (self->flap, TRUE);
      /* the part chosen on the sheet, else where the pane was */
      if (canvas == GTK_WIDGET (self->preview) &&
          impact_sheet_preview_get_selection (self->preview, &section, &item) &&
          gtk_widget_get_visible (GTK_WIDGET (self->editor)) &&
          pane == GTK_WIDGET (self->editor) &&
          impact_editor_pane_select (self->editor, section, item))
        return;
      if (pane != NULL && self->pane_focus != NULL && gtk_widget_is_ancestor (self->pane_focus, pane) &&
          gtk_widget_grab_focus (self->pane_focus))
        return;
      if (pane != NULL)
        gtk_widget_child_focus (pane, GTK_DIR_TAB_FORWARD);
      return;
    }

  /* remember where the pane was, for the way back */
  g_clear_weak_pointer (&self->pane_focus);
  if (focus != NULL && pane != NULL && gtk_widget_is_ancestor (focus, pane))
    g_set_weak_pointer (&self->pane_focus, focus);
  gtk_widget_grab_focus (canvas);
}

void
impact_window_class_actions_init (ImpactWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-to", "s", export_to_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-original", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.fullscreen", NULL, fullscreen_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-outline", NULL, toggle_outline_action);
  gtk_widget_class_install_action (widget_class, "win.show-errors", NULL, show_errors_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", open_exported_action);
  gtk_widget_class_install_property_action (widget_class, "win.page-size", "page-size");

  gtk_widget_class_install_action (widget_class, "win.leave-fullscreen", NULL, leave_fullscreen_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.cycle-focus", NULL, cycle_focus_action);

  /* Window-local shortcuts; the rest are application accels */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.leave-fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "sheet");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1, GDK_ALT_MASK, "win.show-view", "s", "sheet");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "timeline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_2, GDK_ALT_MASK, "win.show-view", "s", "timeline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "win.cycle-focus", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK, "win.cycle-focus", NULL);
}

void
impact_window_actions_update (ImpactWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have_document = impact_window_get_result (self) != NULL;
  double zoom = impact_sheet_preview_get_zoom (self->preview);

  g_return_if_fail (IMPACT_IS_WINDOW (self));

  gtk_widget_action_set_enabled (widget, "win.export", have_document && !self->exporting);
  gtk_widget_action_set_enabled (widget, "win.export-to", have_document && !self->exporting);
  gtk_widget_action_set_enabled (widget, "win.print", have_document);
  gtk_widget_action_set_enabled (widget, "win.import-spreadsheet", have_document);
  gtk_widget_action_set_enabled (widget, "win.present",
                                 have_document &&
                                 impact_document_get_milestones (impact_window_get_result (self)->document)->len > 0);
  gtk_widget_action_set_enabled (widget, "win.reload", impact_session_get_file (self->session) != NULL);
  gtk_widget_action_set_enabled (widget, "win.zoom-in",
                                 have_document && impact_sheet_preview_can_zoom_in (self->preview));
  gtk_widget_action_set_enabled (widget, "win.zoom-out",
                                 have_document && impact_sheet_preview_can_zoom_out (self->preview));
  gtk_widget_action_set_enabled (widget, "win.zoom-fit",
                                 have_document && !impact_sheet_preview_get_zoom_to_fit (self->preview));
  gtk_widget_action_set_enabled (widget, "win.zoom-original",
                                 have_document && fabs (zoom - 1.0) > 1e-3);
  gtk_widget_action_set_enabled (widget, "win.toggle-outline", have_document);
  gtk_widget_set_visible (GTK_WIDGET (self->outline_button), have_document);
  gtk_widget_action_set_enabled (widget, "win.show-errors", impact_session_get_error_details (self->session) != NULL);
  gtk_widget_action_set_enabled (widget, "win.show-view", have_document);
  gtk_widget_action_set_enabled (widget, "win.cycle-focus", have_document);
  gtk_widget_action_set_enabled (widget, "win.leave-fullscreen",
                                 gtk_window_is_fullscreen (GTK_WINDOW (self)));
}
