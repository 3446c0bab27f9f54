/* impact-brand-marks.c: which fields of the editor come from the brand
 *
 * The marks are suffixes of the fields' rows, kept on the row
 * ("impact-brand-mark") so that an update replaces them; the pane's own
 * subtitles (validation messages) are left alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-brand-marks"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "impact-brand.h"
#include "impact-brand-marks.h"
#include "impact-brand-private.h"

#define MARK_KEY  "impact-brand-mark"
#define STATE_KEY "impact-brand-state"

static GtkWidget *
row_of (ImpactEditorPane *pane,
        const char       *path)
{
  GtkWidget *widget = impact_editor_pane_get_field (pane, path);

  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (ADW_IS_PREFERENCES_ROW (widget))
      return widget;
  return NULL;
}

/* A row of the pane's own making (a text view under its title: the
 * address) holds its widgets in a vertical box */
static GtkBox *
box_of (GtkWidget *row)
{
  GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  return GTK_IS_BOX (child) ? GTK_BOX (child) : NULL;
}

static void
remove_mark (GtkWidget *row)
{
  GtkWidget *mark = g_object_get_data (G_OBJECT (row), MARK_KEY);

  if (mark == NULL)
    return;
  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_remove (ADW_ENTRY_ROW (row), mark);
  else if (ADW_IS_ACTION_ROW (row))
    adw_action_row_remove (ADW_ACTION_ROW (row), mark);
  else if (box_of (row) != NULL)
    gtk_box_remove (box_of (row), mark);
  g_object_set_data (G_OBJECT (row), MARK_KEY, NULL);
  g_object_set_data (G_OBJECT (row), STATE_KEY, NULL);
}

static void
add_mark (GtkWidget  *row,
          GtkWidget  *mark,
          const char *state)
{
  gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), mark);
  else if (ADW_IS_ACTION_ROW (row))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
  else
    {
      gtk_widget_set_halign (mark, GTK_IS_LABEL (mark) ? GTK_ALIGN_START : GTK_ALIGN_END);
      gtk_box_append (box_of (row), mark);
    }
  g_object_set_data (G_OBJECT (row), MARK_KEY, mark);
  g_object_set_data (G_OBJECT (row), STATE_KEY, (gpointer) state);
}

typedef struct
{
  ImpactEditorPane *pane;
  char             *path;
} Reset;

static void
reset_free (gpointer data)
{
  Reset *reset = data;

  g_object_unref (reset->pane);
  g_free (reset->path);
  g_free (reset);
}

/* After the click: rebuilding destroys the button */
static gboolean
reset_idle_cb (gpointer data)
{
  Reset *reset = data;
  ImpactDocument *doc = impact_editor_pane_get_document (reset->pane);

  if (doc == NULL)
    return G_SOURCE_REMOVE;
  /* as the pane's own buttons do (NULL: not typing in a field), so that
   * the reset is one undo step of its own, never merged with the typing
   * before it; then the layout again */
  g_signal_emit_by_name (reset->pane, "begin-edit", NULL);
  if (impact_brand_reset (doc, reset->path))
    {
      impact_editor_pane_rebuild (reset->pane);
      g_signal_emit_by_name (reset->pane, "edited", NULL);
    }
  return G_SOURCE_REMOVE;
}

static void
reset_clicked_cb (GtkButton        *button,
                  ImpactEditorPane *pane)
{
  Reset *reset = g_new0 (Reset, 1);

  reset->pane = g_object_ref (pane);
  reset->path = g_strdup (g_object_get_data (G_OBJECT (button), "impact-brand-path"));
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, reset_idle_cb, reset, reset_free);
}

void
impact_brand_marks_update (ImpactEditorPane *pane)
{
  const char * const *paths = impact_brand_paths ();
  ImpactDocument *doc;
  const char *brand;
  g_autofree char *name = NULL;

  g_return_if_fail (IMPACT_IS_EDITOR_PANE (pane));

  doc = impact_editor_pane_get_document (pane);
  brand = doc != NULL && impact_document_get_brand_values (doc) != NULL ? impact_document_get_brand (doc)
                                                                         : NULL;
  if (brand != NULL)
    name = g_path_get_basename (brand);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      GtkWidget *row = row_of (pane, paths[i]);
      g_autofree char *section = NULL;
      g_autofree char *value = NULL;
      const char *state = NULL;
      const char *old;
      GtkWidget *mark;

      if (row == NULL || (!ADW_IS_ENTRY_ROW (row) && !ADW_IS_ACTION_ROW (row) && box_of (row) == NULL))
        continue;
      if (brand != NULL)
        {
          section = g_strndup (paths[i], strchr (paths[i], '.') - paths[i]);
          value = impact_brand_dup_value (doc, paths[i]);
          if (impact_brand_is_inherited (doc, section, strchr (paths[i], '.') + 1))
            state = "inherited";
          else if (value != NULL)
            state = "overridden";
        }
      old = g_object_get_data (G_OBJECT (row), STATE_KEY);
      if (g_strcmp0 (old, state) == 0)
        continue;
      remove_mark (row);
      if (state == NULL)
        continue;
      if (strcmp (state, "inherited") == 0)
        {
          /* Translators: at the end of a field whose value comes from the
           * brand file, e.g. "From brand.json" */
          g_autofree char *text = g_strdup_printf (_("From %s"), name);
          g_autofree char *tip = g_strdup_printf (_("This value comes from the brand file %s. "
                                                    "Change it to make it this office's own."), brand);

          mark = gtk_label_new (text);
          gtk_widget_add_css_class (mark, "dim-label");
          gtk_widget_add_css_class (mark, "caption");
          gtk_widget_set_tooltip_text (mark, tip);
        }
      else
        {
          /* Translators: tooltip of the button that drops the office's own
           * value of a field, e.g. "Use the value of brand.json: #0b3d2e" */
          g_autofree char *tip = g_strdup_printf (_("Use the value of %s: %s"), name, value);

          mark = gtk_button_new_from_icon_name ("edit-undo-symbolic");
          gtk_widget_add_css_class (mark, "flat");
          gtk_widget_set_tooltip_text (mark, tip);
          gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Reset to Brand"), -1);
          g_object_set_data_full (G_OBJECT (mark), "impact-brand-path", g_strdup (paths[i]), g_free);
          g_signal_connect (mark, "clicked", G_CALLBACK (reset_clicked_cb), pane);
        }
      add_mark (row, mark, state);
    }
}

const char *
impact_brand_marks_get_state (ImpactEditorPane *pane,
                              const char       *path)
{
  GtkWidget *row = row_of (pane, path);

  return row ? g_object_get_data (G_OBJECT (row), STATE_KEY) : NULL;
}

GtkWidget *
impact_brand_marks_get_mark (ImpactEditorPane *pane,
                             const char       *path)
{
  GtkWidget *row = row_of (pane, path);

  return row ? g_object_get_data (G_OBJECT (row), MARK_KEY) : NULL;
}
