/* impact-rich-text.c: a multi-line field, with Bold and Italic for rich texts
 *
 * A rich text keeps the sheet's emphasis syntax (impact-emphasis.h):
 * **bold** and *italic*. The Bold and Italic buttons, Ctrl+B and Ctrl+I
 * wrap the selection in the markers, or take them away when it is
 * wrapped already; with no selection they wrap the word at the cursor.
 * The buttons show whether the selection is wrapped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-editor-pane"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "impact-accessible.h"
#include "impact-editor-pane-private.h"
#include "impact-emphasis.h"

#define BOLD "**"
#define ITALIC "*"

gboolean
impact_rich_text_balanced (const char *text)
{
  g_autofree char *plain = NULL;
  gboolean balanced = TRUE;

  if (text == NULL)
    return TRUE;
  plain = impact_emphasis_parse (text, NULL, &balanced);
  return balanced;
}

/* How many "*" stand right before @iter (@forward: right after it) */
static guint
count_stars (const GtkTextIter *iter,
             gboolean           forward)
{
  GtkTextIter at = *iter;
  guint n = 0;

  if (forward)
    {
      while (gtk_text_iter_get_char (&at) == '*' && gtk_text_iter_forward_char (&at))
        n++;
    }
  else
    {
      while (gtk_text_iter_backward_char (&at) && gtk_text_iter_get_char (&at) == '*')
        n++;
    }
  return n;
}

/* Whether @n stars hold the marker: bold needs two of them ("**" or
 * "***"), italic an odd number ("*" or "***") */
static gboolean
stars_hold (guint       n,
            const char *marker)
{
  return strlen (marker) == 2 ? n >= 2 : (n % 2) == 1;
}

static gboolean
selection_or_word (GtkTextBuffer *buffer,
                   GtkTextIter   *start,
                   GtkTextIter   *end)
{
  if (gtk_text_buffer_get_selection_bounds (buffer, start, end))
    return TRUE;
  /* no selection: the word at the cursor, if any */
  if (gtk_text_iter_inside_word (start) || gtk_text_iter_ends_word (start))
    {
      if (!gtk_text_iter_starts_word (start))
        gtk_text_iter_backward_word_start (start);
      if (!gtk_text_iter_ends_word (end))
        gtk_text_iter_forward_word_end (end);
      return TRUE;
    }
  return FALSE;
}

/* Whether the markers stand around [start, end) */
static gboolean
is_wrapped (const GtkTextIter *start,
            const GtkTextIter *end,
            const char        *marker)
{
  return stars_hold (count_stars (start, FALSE), marker) && stars_hold (count_stars (end, TRUE), marker);
}

void
impact_rich_text_toggle (GtkTextBuffer *buffer,
                         const char    *marker)
{
  GtkTextIter start, end;
  int len = (int) strlen (marker);
  int s, e;

  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));

  gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
  end = start;
  if (!selection_or_word (buffer, &start, &end))
    {
      /* nothing to wrap: the markers, with the cursor between them */
      g_autofree char *pair = g_strconcat (marker, marker, NULL);

      gtk_text_buffer_insert (buffer, &start, pair, -1);
      gtk_text_iter_backward_chars (&start, len);
      gtk_text_buffer_place_cursor (buffer, &start);
      return;
    }

  /* the selection may include its markers ("**word**") */
  if (!is_wrapped (&start, &end, marker) && gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start) > 2 * len)
    {
      GtkTextIter inner_start = start, inner_end = end;
      g_autofree char *inner = NULL;

      gtk_text_iter_forward_chars (&inner_start, len);
      gtk_text_iter_backward_chars (&inner_end, len);
      inner = gtk_text_buffer_get_text (buffer, &inner_start, &inner_end, FALSE);
      /* "*a* and *b*" is two runs, not one */
      if (strchr (inner, '*') == NULL &&
          is_wrapped (&inner_start, &inner_end, marker))
        {
          start = inner_start;
          end = inner_end;
        }
    }

  s = gtk_text_iter_get_offset (&start);
  e = gtk_text_iter_get_offset (&end);
  gtk_text_buffer_begin_user_action (buffer);
  if (is_wrapped (&start, &end, marker))
    {
      /* the markers next to the text go: "***x***" less "*" is "**x**" */
      GtkTextIter a, b;

      gtk_text_buffer_get_iter_at_offset (buffer, &a, e);
      gtk_text_buffer_get_iter_at_offset (buffer, &b, e + len);
      gtk_text_buffer_delete (buffer, &a, &b);
      gtk_text_buffer_get_iter_at_offset (buffer, &a, s - len);
      gtk_text_buffer_get_iter_at_offset (buffer, &b, s);
      gtk_text_buffer_delete (buffer, &a, &b);
      s -= len;
      e -= len;
    }
  else
    {
      gtk_text_buffer_insert (buffer, &end, marker, -1);
      gtk_text_buffer_get_iter_at_offset (buffer, &start, s);
      gtk_text_buffer_insert (buffer, &start, marker, -1);
      s += len;
      e += len;
    }
  gtk_text_buffer_end_user_action (buffer);
  /* the text itself stays selected */
  gtk_text_buffer_get_iter_at_offset (buffer, &start, s);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, e);
  gtk_text_buffer_select_range (buffer, &start, &end);
}

static void
buffer_changed_cb (GtkTextBuffer     *buffer,
                   ImpactEditorField *field)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  impact_field_row_text_changed (field, text);
}

/* The buttons say whether the selection is bold or italic */
static void
sync_buttons (GtkTextBuffer *buffer,
              GtkWidget     *row)
{
  const char *markers[] = { BOLD, ITALIC };
  const char *names[] = { "bold-button", "italic-button" };
  GtkTextIter start, end;
  gboolean any;

  gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
  end = start;
  any = selection_or_word (buffer, &start, &end);
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      GtkWidget *button = g_object_get_data (G_OBJECT (row), names[i]);

      if (button == NULL)
        continue;
      g_object_set_data (G_OBJECT (button), "syncing", GINT_TO_POINTER (TRUE));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), any && is_wrapped (&start, &end, markers[i]));
      g_object_set_data (G_OBJECT (button), "syncing", NULL);
    }
}

static void
mark_set_cb (GtkTextBuffer *buffer,
             GtkTextIter   *location,
             GtkTextMark   *mark,
             GtkWidget     *row)
{
  if (mark == gtk_text_buffer_get_insert (buffer) || mark == gtk_text_buffer_get_selection_bound (buffer))
    sync_buttons (buffer, row);
}

/* Wraps or unwraps, as one edit of the field */
static void
toggle_marker (GtkWidget  *view,
               const char *marker)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  ImpactEditorField *field = g_object_get_data (G_OBJECT (view), "impact-field");

  if (field == NULL)
    return;
  g_signal_handlers_block_by_func (buffer, buffer_changed_cb, field);
  impact_rich_text_toggle (buffer, marker);
  g_signal_handlers_unblock_by_func (buffer, buffer_changed_cb, field);
  buffer_changed_cb (buffer, field);
}

static void
emphasis_activated_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkWidget *view = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  toggle_marker (view, g_str_equal (name, "bold") ? BOLD : ITALIC);
  gtk_widget_grab_focus (view);
}

static void
button_toggled_cb (GtkToggleButton *button,
                   GtkWidget       *view)
{
  if (g_object_get_data (G_OBJECT (button), "syncing") != NULL)
    return;
  gtk_widget_activate_action (view, g_object_get_data (G_OBJECT (button), "action"), NULL);
}

static GtkWidget *
emphasis_button (GtkWidget  *row,
                 GtkWidget  *view,
                 const char *icon,
                 const char *tooltip,
                 const char *action,
                 const char *name)
{
  GtkWidget *button = gtk_toggle_button_new ();

  gtk_button_set_icon_name (GTK_BUTTON (button), icon);
  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, tooltip);
  impact_accessible_set_label (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_focus_on_click (button, FALSE);
  g_object_set_data (G_OBJECT (button), "action", (gpointer) action);
  g_signal_connect (button, "toggled", G_CALLBACK (button_toggled_cb), view);
  g_object_set_data (G_OBJECT (row), name, button);
  return button;
}

/* Ctrl+B and Ctrl+I on the text, through the actions rich.bold and
 * rich.italic */
static void
add_emphasis (GtkWidget *row,
              GtkWidget *view,
              GtkWidget *header)
{
  static const GActionEntry entries[] = {
    { "bold", emphasis_activated_cb },
    { "italic", emphasis_activated_cb },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), view);
  gtk_widget_insert_action_group (view, "rich", G_ACTION_GROUP (group));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_b, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("rich.bold")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_i, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("rich.italic")));
  gtk_widget_add_controller (view, controller);

  gtk_widget_add_css_class (buttons, "linked");
  gtk_box_append (GTK_BOX (buttons), emphasis_button (row, view, "format-text-bold-symbolic",
                                                      _("Bold (Ctrl+B)"), "rich.bold", "bold-button"));
  gtk_box_append (GTK_BOX (buttons), emphasis_button (row, view, "format-text-italic-symbolic",
                                                      _("Italic (Ctrl+I)"), "rich.italic", "italic-button"));
  gtk_box_append (GTK_BOX (header), buttons);
}

GtkWidget *
impact_rich_text_row_new (ImpactEditorPane  *self,
                          ImpactEditorField *field,
                          const char        *value)
{
  const char *title = _(field->info->label);
  gboolean rich = (field->info->flags & IMPACT_FIELD_RICH) != 0;
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *message = gtk_label_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  impact_accessible_set_label (row, title);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (header), label);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_add_css_class (view, "inline-text");
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_buffer_set_text (buffer, value ? value : "", -1);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_widget_add_css_class (message, "caption");
  gtk_widget_add_css_class (message, "error");
  gtk_widget_set_visible (message, FALSE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), view);
  gtk_box_append (GTK_BOX (box), message);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "message-label", message);

  /* the caption above is not its label for a screen reader */
  impact_accessible_set_label (view, title);
  impact_field_row_register (self, field, view, row);
  g_signal_connect (buffer, "changed", G_CALLBACK (buffer_changed_cb), field);
  if (rich)
    {
      add_emphasis (row, view, header);
      g_signal_connect_object (buffer, "mark-set", G_CALLBACK (mark_set_cb), row, 0);
      if (!impact_rich_text_balanced (value))
        impact_field_row_set_message (self, field, _("An * or ** is not closed: it is printed as typed; write \\* for an asterisk"), FALSE);
    }
  return row;
}
