/* impact-editor-pages.c: the editor pane by section
 *
 * The pane opens on an overview: one row per section (its title and a
 * line that says what it holds now, "3 statistics"), and the charts.
 * Activating a row shows that section's page alone, under a bar with a
 * back button ("All Sections"; Alt+Left and Escape go back) and the
 * section's name. Every page is built with the pane (the field keys stay
 * valid whichever page is shown); the keyboard focus entering a page
 * that is not shown (a selection on the sheet, the outline) shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-editor-pane"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "impact-accessible.h"
#include "impact-editor-pane-private.h"

#define OVERVIEW "overview"

static void show_page (ImpactEditorPane *self,
                       const char       *key,
                       gboolean          move_focus);

/* Summaries */

static char *
list_count (ImpactList list,
            guint      n)
{
  switch (list)
    {
    case IMPACT_LIST_STATISTICS:
      return g_strdup_printf (ngettext ("%u statistic", "%u statistics", n), n);
    case IMPACT_LIST_FACTS:
      return g_strdup_printf (ngettext ("%u fact", "%u facts", n), n);
    case IMPACT_LIST_PILLARS:
      return g_strdup_printf (ngettext ("%u pillar", "%u pillars", n), n);
    case IMPACT_LIST_MILESTONES:
      return g_strdup_printf (ngettext ("%u milestone", "%u milestones", n), n);
    case IMPACT_LIST_ERAS:
      return g_strdup_printf (ngettext ("%u era", "%u eras", n), n);
    default:
      return g_strdup_printf ("%u", n);
    }
}

/* The first one-line text of @group that is filled in, or NULL */
static const char *
group_first_text (ImpactEditorPane       *self,
                  const ImpactFieldGroup *group,
                  gpointer                record)
{
  for (const ImpactFieldInfo *info = group->fields; info != NULL && info->key != NULL; info++)
    {
      const char *text = NULL;

      if (info->kind != IMPACT_FIELD_LINE)
        continue;
      if (info->value == IMPACT_VALUE_DOCUMENT && info->get != NULL)
        text = info->get (self->document);
      else if (info->value == IMPACT_VALUE_STRING && record != NULL)
        text = *(char **) impact_field_member (info, record);
      if (text != NULL && *text != '\0')
        return text;
    }
  return NULL;
}

/* What a page holds now: "7 milestones, 2 eras", the office's name… */
static char *
page_summary (ImpactEditorPane *self,
              const char       *key,
              GPtrArray        *groups)
{
  g_autoptr(GString) counts = g_string_new (NULL);
  const char *text = NULL;
  gboolean present = FALSE;

  if (self->document == NULL)
    return g_strdup ("");
  if (g_str_equal (key, "charts"))
    {
      guint n = impact_document_get_charts (self->document)->len;

      return n == 0 ? g_strdup (_("No charts"))
                    : g_strdup_printf (ngettext ("%u chart", "%u charts", n), n);
    }

  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      const ImpactFieldGroup *group = g_ptr_array_index (groups, i);
      gpointer record = group->record ? group->record (self->document) : NULL;

      if (group->item_fields != NULL)
        {
          g_autofree char *count = list_count (group->list, impact_document_get_list (self->document, group->list)->len);

          if (counts->len > 0)
            /* TRANSLATORS: between the counts of a section's lists: "7 milestones, 2 eras" */
            g_string_append (counts, _(", "));
          g_string_append (counts, count);
          present = TRUE;
          continue;
        }
      /* an optional section that is absent */
      if (group->record != NULL && record == NULL)
        continue;
      present = TRUE;
      if (text == NULL)
        text = group_first_text (self, group, record);
    }
  if (counts->len > 0)
    return g_strdup (counts->str);
  /* one short line (a footer's note is a paragraph) */
  if (text != NULL && g_utf8_strlen (text, -1) > 48)
    {
      g_autofree char *start = g_utf8_substring (text, 0, 47);

      return g_strconcat (g_strchomp (start), "…", NULL);
    }
  if (text != NULL)
    return g_strdup (text);
  return g_strdup (present ? _("Empty") : _("Not on the sheet"));
}

void
impact_editor_pages_refresh (ImpactEditorPane *self)
{
  GHashTableIter iter;
  gpointer key, row;

  if (self->overview_rows == NULL)
    return;
  g_hash_table_iter_init (&iter, self->overview_rows);
  while (g_hash_table_iter_next (&iter, &key, &row))
    {
      GtkWidget *page = g_hash_table_lookup (self->pages, key);
      g_autofree char *summary = page_summary (self, key, g_object_get_data (G_OBJECT (page), "impact-groups"));

      if (g_strcmp0 (adw_action_row_get_subtitle (row), summary) == 0)
        continue;
      adw_action_row_set_subtitle (row, summary);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
    }
}

const char *
impact_editor_pane_get_summary (ImpactEditorPane *self,
                                const char       *page)
{
  GtkWidget *row;

  g_return_val_if_fail (IMPACT_IS_EDITOR_PANE (self), NULL);

  row = self->overview_rows ? g_hash_table_lookup (self->overview_rows, page) : NULL;
  return row ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) : NULL;
}

/* Pages */

static void
row_activated_cb (AdwActionRow     *row,
                  ImpactEditorPane *self)
{
  show_page (self, g_object_get_data (G_OBJECT (row), "impact-page"), TRUE);
}

static void
back_clicked_cb (GtkButton        *button,
                 ImpactEditorPane *self)
{
  show_page (self, NULL, TRUE);
}

/* The focus went into a page that is not shown: show it. Not in the
 * focus change itself (it may come during the window's layout, when
 * switching the pages would leave it half allocated): just before the
 * next frame. */
static gboolean
reveal_focus_idle_cb (gpointer data)
{
  ImpactEditorPane *self = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  self->reveal_idle = 0;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    impact_editor_pages_reveal (self, focus);
  return G_SOURCE_REMOVE;
}

static void
page_focus_enter_cb (GtkEventControllerFocus *controller,
                     ImpactEditorPane        *self)
{
  GtkWidget *page = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  const char *key = g_object_get_data (G_OBJECT (page), "impact-page");

  if (self->building || g_strcmp0 (key, self->page) == 0 || self->reveal_idle != 0)
    return;
  self->reveal_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reveal_focus_idle_cb, self, NULL);
}

static void
show_page (ImpactEditorPane *self,
           const char       *key,
           gboolean          move_focus)
{
  g_autofree char *previous = g_steal_pointer (&self->page);
  GtkWidget *page = key ? g_hash_table_lookup (self->pages, key) : self->overview;
  gboolean changed;

  if (page == NULL)
    {
      key = NULL;
      page = self->overview;
    }
  changed = g_strcmp0 (previous, key) != 0;
  self->page = g_strdup (key);
  if (page != NULL)
    {
      gtk_stack_set_visible_child (GTK_STACK (self->content), page);
      self->scroller = page;
    }
  gtk_widget_set_visible (self->bar, key != NULL);
  gtk_label_set_text (GTK_LABEL (self->page_title),
                      page != NULL && key != NULL ? g_object_get_data (G_OBJECT (page), "impact-title") : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.back", key != NULL);
  if (changed && page != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);

  if (!move_focus || page == NULL)
    return;
  if (key != NULL)
    gtk_widget_child_focus (g_object_get_data (G_OBJECT (page), "impact-box"), GTK_DIR_TAB_FORWARD);
  else
    {
      /* back on the row of the section that was open */
      GtkWidget *row = previous ? g_hash_table_lookup (self->overview_rows, previous) : NULL;

      if (row == NULL || !gtk_widget_grab_focus (row))
        gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
    }
}

gboolean
impact_editor_pane_show_page (ImpactEditorPane *self,
                              const char       *page)
{
  g_return_val_if_fail (IMPACT_IS_EDITOR_PANE (self), FALSE);

  if (page != NULL && (self->pages == NULL || !g_hash_table_contains (self->pages, page)))
    return FALSE;
  show_page (self, page, TRUE);
  return TRUE;
}

const char *
impact_editor_pane_get_page (ImpactEditorPane *self)
{
  g_return_val_if_fail (IMPACT_IS_EDITOR_PANE (self), NULL);
  return self->page;
}

/* Shows the page that holds @widget */
void
impact_editor_pages_reveal (ImpactEditorPane *self,
                            GtkWidget        *widget)
{
  for (; widget != NULL && widget != GTK_WIDGET (self); widget = gtk_widget_get_parent (widget))
    if (gtk_widget_get_parent (widget) == self->content)
      {
        const char *key = g_object_get_data (G_OBJECT (widget), "impact-page");

        if (g_strcmp0 (key, self->page) != 0)
          show_page (self, key, FALSE);
        return;
      }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ImpactEditorPane *self = IMPACT_EDITOR_PANE (widget);

  if (self->page != NULL)
    show_page (self, NULL, TRUE);
}

/* A page: its box of groups (returned), in a clamp, in a scroller of
 * its own (@scroller: the stack's child), so that each page keeps its
 * place and its height */
static GtkWidget *
page_box (GtkWidget **scroller)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *clamp = adw_clamp_new ();

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  *scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (*scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (*scroller), clamp);
  return box;
}

/* A new stack of pages, with the overview: self->content */
GtkWidget *
impact_editor_pages_begin (ImpactEditorPane *self)
{
  GtkWidget *group, *box;

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->overview_rows, g_hash_table_unref);
  self->pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->overview_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->content = gtk_stack_new ();
  gtk_widget_set_vexpand (self->content, TRUE);
  gtk_stack_set_transition_type (GTK_STACK (self->content), GTK_STACK_TRANSITION_TYPE_NONE);

  box = page_box (&self->overview);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Sections"));
  gtk_box_append (GTK_BOX (box), group);
  g_object_set_data (G_OBJECT (self->overview), "impact-overview-group", group);
  gtk_stack_add_named (GTK_STACK (self->content), self->overview, OVERVIEW);
  return self->content;
}

/* The page of section @key (made, with its overview row, the first time) */
GtkWidget *
impact_editor_pages_get (ImpactEditorPane       *self,
                         const char             *key,
                         const char             *title,
                         const ImpactFieldGroup *group)
{
  GtkWidget *page = g_hash_table_lookup (self->pages, key);
  GtkWidget *box;
  GPtrArray *groups;

  if (page == NULL)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkEventController *focus = gtk_event_controller_focus_new ();
      g_autofree char *name = g_strdup_printf ("section-%s", key);

      box = page_box (&page);
      g_object_set_data (G_OBJECT (page), "impact-box", box);
      g_object_set_data_full (G_OBJECT (page), "impact-page", g_strdup (key), g_free);
      g_object_set_data_full (G_OBJECT (page), "impact-title", g_strdup (title), g_free);
      g_object_set_data_full (G_OBJECT (page), "impact-groups", g_ptr_array_new (), (GDestroyNotify) g_ptr_array_unref);
      g_signal_connect (focus, "enter", G_CALLBACK (page_focus_enter_cb), self);
      gtk_widget_add_controller (page, focus);
      gtk_stack_add_named (GTK_STACK (self->content), page, key);
      g_hash_table_insert (self->pages, g_strdup (key), page);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_widget_set_name (row, name);
      impact_accessible_set_label (row, title);
      g_object_set_data_full (G_OBJECT (row), "impact-page", g_strdup (key), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
      adw_preferences_group_add (g_object_get_data (G_OBJECT (self->overview), "impact-overview-group"), row);
      g_hash_table_insert (self->overview_rows, g_strdup (key), row);
    }
  groups = g_object_get_data (G_OBJECT (page), "impact-groups");
  if (group != NULL)
    g_ptr_array_add (groups, (gpointer) group);
  return g_object_get_data (G_OBJECT (page), "impact-box");
}

/* The pages are built: summaries, and the page that was shown */
void
impact_editor_pages_end (ImpactEditorPane *self)
{
  impact_editor_pages_refresh (self);
  show_page (self, self->page, FALSE);
}

/* The bar above the pages, in the pane's frame */
void
impact_editor_pages_init (ImpactEditorPane *self,
                          GtkWidget        *frame)
{
  GtkWidget *content = adw_button_content_new ();
  const char *back = _("All Sections");

  self->bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->bar, "toolbar");
  self->back_button = gtk_button_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "go-previous-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), back);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), FALSE);
  gtk_button_set_child (GTK_BUTTON (self->back_button), content);
  gtk_widget_add_css_class (self->back_button, "flat");
  gtk_widget_set_name (self->back_button, "back");
  gtk_widget_set_tooltip_text (self->back_button, _("Back to All Sections (Alt+Left)"));
  impact_accessible_set_label (self->back_button, back);
  g_signal_connect (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->bar), self->back_button);

  self->page_title = gtk_label_new (NULL);
  gtk_widget_set_name (self->page_title, "page-title");
  gtk_widget_add_css_class (self->page_title, "heading");
  gtk_label_set_ellipsize (GTK_LABEL (self->page_title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (self->page_title), 0);
  gtk_widget_set_hexpand (self->page_title, TRUE);
  gtk_box_append (GTK_BOX (self->bar), self->page_title);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->back_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->page_title, NULL, -1);

  gtk_widget_set_visible (self->bar, FALSE);
  gtk_box_append (GTK_BOX (frame), self->bar);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.back", FALSE);
}

void
impact_editor_pages_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "pane.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "pane.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "pane.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "pane.back", NULL);
}
