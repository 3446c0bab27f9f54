/* impact-image-row.c: an image of the data (a logo, a photo)
 *
 * The row shows a thumbnail and the path as written in the data, with a
 * button to choose another image (stored relative to the document's
 * folder when it is near it) and one to remove it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-editor-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "impact-editor-pane-private.h"

char *
impact_editor_image_path (GFile *document_file,
                          GFile *chosen)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) grand = NULL;
  char *relative;

  g_return_val_if_fail (G_IS_FILE (chosen), NULL);

  if (document_file != NULL && (folder = g_file_get_parent (document_file)) != NULL)
    {
      if ((relative = g_file_get_relative_path (folder, chosen)) != NULL)
        return relative;
      /* A sibling folder: "../photos/saji.jpg" */
      if ((grand = g_file_get_parent (folder)) != NULL &&
          (relative = g_file_get_relative_path (grand, chosen)) != NULL)
        {
          char *up = g_strconcat ("../", relative, NULL);

          g_free (relative);
          return up;
        }
    }
  return g_file_get_path (chosen);
}

typedef struct
{
  ImpactEditorPane *pane;
  char            **target;
  char             *key;
} ImageData;

static void
image_data_free (gpointer data)
{
  ImageData *image = data;

  g_free (image->key);
  g_free (image);
}

GtkFileFilter *
impact_editor_image_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  return filter;
}

static void
image_chooser_response_cb (GtkNativeDialog  *chooser,
                           int               response,
                           ImpactEditorPane *self)
{
  const char *key = g_object_get_data (G_OBJECT (chooser), "key");
  /* The pane may have been rebuilt (undo) while the chooser was open:
   * find the row of the field again */
  GtkWidget *row = g_hash_table_lookup (self->fields, key);
  ImageData *image = row ? g_object_get_data (G_OBJECT (row), "image-data") : NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL && image != NULL)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (chosen != NULL)
        {
          impact_editor_pane_begin_edit (self, key);
          g_free (*image->target);
          *image->target = impact_editor_image_path (impact_document_get_file (self->document), chosen);
          impact_editor_pane_emit_edited (self, key);
          impact_editor_pane_rebuild (self);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
image_choose_clicked_cb (GtkButton *button,
                         ImageData *image)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (button));
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (_("Choose an Image"), GTK_WINDOW (native),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  filter = impact_editor_image_filter_new ();
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_object_set_data_full (G_OBJECT (chooser), "key", g_strdup (image->key), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (image_chooser_response_cb), g_object_ref (image->pane));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
image_clear_clicked_cb (GtkButton *button,
                        ImageData *image)
{
  impact_editor_pane_begin_edit (image->pane, image->key);
  g_clear_pointer (image->target, g_free);
  impact_editor_pane_emit_edited (image->pane, image->key);
  impact_editor_pane_rebuild (image->pane);
}

GtkWidget *
impact_image_row_new (ImpactEditorPane      *self,
                      const ImpactFieldInfo *info,
                      const char            *key,
                      char                 **target)
{
  const char *title = _(info->label);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *choose = gtk_button_new_from_icon_name ("document-open-symbolic");
  GtkWidget *clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  ImageData *image = g_new0 (ImageData, 1);
  g_autoptr(GFile) file = NULL;

  image->pane = self;
  image->target = target;
  image->key = g_strdup (key);
  g_object_set_data_full (G_OBJECT (row), "image-data", image, image_data_free);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), *target ? *target : _("None"));
  gtk_widget_set_size_request (picture, 40, 40);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_add_css_class (picture, "thumbnail");
  if (*target != NULL && self->document != NULL &&
      (file = impact_document_resolve_path (self->document, *target)) != NULL &&
      g_file_query_exists (file, NULL))
    gtk_picture_set_file (GTK_PICTURE (picture), file);
  else
    gtk_widget_set_visible (picture, *target != NULL);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), picture);

  gtk_widget_set_tooltip_text (choose, _("Choose an Image…"));
  gtk_widget_set_tooltip_text (clear, _("Remove the Image"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (choose), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose an Image…"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove the Image"), -1);
  gtk_widget_set_sensitive (clear, *target != NULL);
  for (GtkWidget *b = choose; b != NULL; b = (b == choose ? clear : NULL))
    {
      gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (b, "flat");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), b);
    }
  g_signal_connect (choose, "clicked", G_CALLBACK (image_choose_clicked_cb), image);
  g_signal_connect (clear, "clicked", G_CALLBACK (image_clear_clicked_cb), image);
  g_hash_table_replace (self->fields, g_strdup (key), row);
  return row;
}

