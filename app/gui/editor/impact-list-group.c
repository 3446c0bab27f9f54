/* impact-list-group.c: a list of items (statistics, facts, milestones…)
 *
 * A group holds the list's heading and one expander row per item, whose
 * title and subtitle sum the item up (and stay current as it is edited).
 * Each item opens onto its fields (made when first opened) and a toolbar
 * to move, copy and remove it; items also move by drag and drop and by
 * Alt+Up / Alt+Down. The group's Add button appends an item and opens it.
 * After a change of structure the pane is rebuilt, and the keyboard focus
 * follows the item to its new place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-editor-pane"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "impact-accessible.h"
#include "impact-editor-pane-private.h"
#include "impact-emphasis.h"

typedef struct
{
  ImpactEditorPane       *pane;
  const ImpactFieldGroup *group;
  ImpactList              list;
  guint                   index;
} ItemRef;

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The rebuild destroys the widget that has the focus (the button just
 * pressed, or the row): without a new focus GTK would give it to the
 * first field, Office, and the next keystroke would replace the office
 * name. So the focus follows the item to where it is now. */
static void
follow_item (ImpactEditorPane *self,
             ImpactList        list,
             guint             index,
             const char       *name)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = impact_editor_pane_get_item_row (self, list, index);

  self->focus_pending = TRUE;
  self->focus_list = list;
  self->focus_index = index;
  g_free (self->focus_name);
  self->focus_name = g_strdup (name);
  self->focus_expand = row != NULL && ADW_IS_EXPANDER_ROW (row) &&
                       adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row));
  /* keyboard use on a closed row (Alt+arrow) keeps the focus on the row */
  if (focus != NULL && row != NULL && !self->focus_expand)
    g_clear_pointer (&self->focus_name, g_free);
}

/* The first text field in @widget */
static GtkWidget *
first_editable (GtkWidget *widget)
{
  if (GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_editable (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
impact_list_group_focus_followed (ImpactEditorPane *self)
{
  GtkWidget *row, *target = NULL;

  if (!self->focus_pending)
    return;
  self->focus_pending = FALSE;
  row = impact_editor_pane_get_item_row (self, self->focus_list, self->focus_index);
  if (row == NULL)
    return;
  if (self->focus_expand && ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  if (g_strcmp0 (self->focus_name, IMPACT_EDITOR_FIRST_FIELD) == 0)
    target = first_editable (row);
  else if (self->focus_name != NULL)
    target = find_named (row, self->focus_name);
  /* an insensitive button (Move Up on the first item) cannot hold it */
  if (target != NULL && gtk_widget_is_sensitive (target) && gtk_widget_grab_focus (target))
    return;
  if (!gtk_widget_grab_focus (row))
    gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD);
}

static void
item_move (ItemRef *ref,
           int      delta)
{
  GPtrArray *items = impact_document_get_list (ref->pane->document, ref->list);
  int to = (int) ref->index + delta;

  if (to < 0 || to >= (int) items->len)
    return;
  impact_editor_pane_begin_edit (ref->pane, NULL);
  follow_item (ref->pane, ref->list, ref->index, delta < 0 ? "move-up" : "move-down");
  ref->pane->focus_index = (guint) to;
  impact_document_move_item (ref->pane->document, ref->list, ref->index, (guint) to);
  impact_editor_pane_structure_changed (ref->pane);
}

static void
move_up_clicked_cb (GtkButton *button,
                    ItemRef   *ref)
{
  item_move (ref, -1);
}

static void
move_down_clicked_cb (GtkButton *button,
                      ItemRef   *ref)
{
  item_move (ref, +1);
}

static void
duplicate_clicked_cb (GtkButton *button,
                      ItemRef   *ref)
{
  impact_editor_pane_begin_edit (ref->pane, NULL);
  /* the copy, just after the original, is what one goes on with */
  follow_item (ref->pane, ref->list, ref->index, "duplicate");
  ref->pane->focus_index = ref->index + 1;
  impact_document_duplicate_item (ref->pane->document, ref->list, ref->index);
  impact_editor_pane_structure_changed (ref->pane);
}

static void
remove_clicked_cb (GtkButton *button,
                   ItemRef   *ref)
{
  impact_editor_pane_begin_edit (ref->pane, NULL);
  {
    guint n = impact_document_get_list (ref->pane->document, ref->list)->len;

    /* the focus goes to the item that takes its place (or the one before) */
    if (n > 1)
      {
        follow_item (ref->pane, ref->list, ref->index, NULL);
        ref->pane->focus_index = MIN (ref->index, n - 2);
        ref->pane->focus_expand = FALSE;
      }
  }
  impact_document_remove_item (ref->pane->document, ref->list, ref->index);
  impact_editor_pane_structure_changed (ref->pane);
}

static gboolean
move_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  ItemRef *ref = g_object_get_data (G_OBJECT (widget), "item-ref");

  if (ref != NULL)
    item_move (ref, g_variant_get_int32 (args));
  return TRUE;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 ItemRef       *ref)
{
  g_autofree char *text = g_strdup_printf ("impact-item:%d:%u", ref->list, ref->index);

  return gdk_content_provider_new_typed (G_TYPE_STRING, text);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         ItemRef       *ref)
{
  const char *text;
  int list;
  guint from;

  if (!G_VALUE_HOLDS_STRING (value) || (text = g_value_get_string (value)) == NULL ||
      sscanf (text, "impact-item:%d:%u", &list, &from) != 2 || list != (int) ref->list)
    return FALSE;
  if (from >= impact_document_get_list (ref->pane->document, ref->list)->len || from == ref->index)
    return FALSE;
  impact_editor_pane_begin_edit (ref->pane, NULL);
  follow_item (ref->pane, ref->list, from, NULL);
  ref->pane->focus_index = ref->index;
  impact_document_move_item (ref->pane->document, ref->list, from, ref->index);
  impact_editor_pane_structure_changed (ref->pane);
  return TRUE;
}

static GtkWidget *
item_button (const char *name,
             const char *icon,
             const char *tooltip,
             GCallback   callback,
             ItemRef    *ref,
             gboolean    sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_name (button, name);
  impact_accessible_set_label (button, tooltip);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, sensitive);
  g_signal_connect (button, "clicked", callback, ref);
  return button;
}

static void item_expanded_cb (AdwExpanderRow   *row,
                              GParamSpec       *pspec,
                              ImpactEditorPane *self);

/* One line for a list row: emphasis markers dropped, cut at a word */
static char *
summarise (const char *text)
{
  g_autofree char *plain = NULL;
  const gsize max_chars = 56;
  char *cut;

  if (text == NULL || *text == '\0')
    return NULL;
  plain = impact_emphasis_parse (text, NULL, NULL);
  g_strdelimit (plain, "\n\r\t", ' ');
  if (g_utf8_strlen (plain, -1) <= (glong) max_chars)
    return g_steal_pointer (&plain);
  cut = g_utf8_offset_to_pointer (plain, max_chars);
  *cut = '\0';
  if ((cut = strrchr (plain, ' ')) != NULL && cut > plain)
    *cut = '\0';
  return g_strconcat (plain, "…", NULL);
}

/* An expander row for item @index of @list, with its toolbar */
/* What a closed item row shows: a statistic's figure and label, a fact's
 * text and source, a milestone's title and date … */
static void
item_summary (ImpactEditorPane  *self,
              ImpactList         list,
              guint              index,
              char             **title,
              char             **subtitle)
{
  GPtrArray *items = impact_document_get_list (self->document, list);
  gpointer item = index < items->len ? g_ptr_array_index (items, index) : NULL;

  *title = *subtitle = NULL;
  if (item == NULL)
    return;
  switch (list)
    {
    case IMPACT_LIST_STATISTICS:
      *title = impact_statistic_format_full (item);
      *subtitle = g_strdup (((ImpactStatistic *) item)->label);
      break;
    case IMPACT_LIST_FACTS:
      *title = g_strdup (((ImpactFact *) item)->text);
      *subtitle = g_strdup (((ImpactFact *) item)->source ? ((ImpactFact *) item)->source->title : NULL);
      break;
    case IMPACT_LIST_PILLARS:
      *title = g_strdup (((ImpactPillar *) item)->lead);
      break;
    case IMPACT_LIST_MILESTONES:
      {
        ImpactMilestone *milestone = item;

        *title = g_strdup (milestone->title);
        *subtitle = impact_date_is_valid (&milestone->date) ? impact_date_format (&milestone->date) : NULL;
      }
      break;
    case IMPACT_LIST_ERAS:
      *title = g_strdup (((ImpactEra *) item)->title);
      break;
    default:
      break;
    }
}

static void
set_item_summary (GtkWidget  *row,
                  const char *title,
                  const char *subtitle)
{
  g_autofree char *short_title = summarise (title);
  g_autofree char *short_subtitle = summarise (subtitle);

  GtkWidget *tools_row = g_object_get_data (G_OBJECT (row), "tools-row");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), short_title ? short_title : _("Untitled"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), short_subtitle ? short_subtitle : "");
  impact_accessible_label_expander_row (row, short_title ? short_title : _("Untitled"));
  if (tools_row != NULL)
    {
      /* Translators: read by a screen reader: the row of Move Up, Move
       * Down, Duplicate and Remove buttons of an item, "Arrange 435" */
      g_autofree char *label = g_strdup_printf (_("Arrange %s"), short_title ? short_title : _("Untitled"));

      impact_accessible_set_label (tools_row, label);
    }
}

void
impact_list_group_refresh_summary (ImpactEditorPane *self,
                                   ImpactList        list,
                                   guint             index)
{
  GtkWidget *row = impact_editor_pane_get_item_row (self, list, index);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (row == NULL || self->document == NULL)
    return;
  item_summary (self, list, index, &title, &subtitle);
  set_item_summary (row, title, subtitle);
}

static GtkWidget *
item_row (ImpactEditorPane       *self,
          GtkWidget              *group,
          const ImpactFieldGroup *fields,
          guint                   index)
{
  ImpactList list = fields->list;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GPtrArray *items = impact_document_get_list (self->document, list);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *tools = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *tools_row = gtk_list_box_row_new ();
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  ItemRef *ref = g_new0 (ItemRef, 1);
  GtkEventController *controller;
  GtkDragSource *drag;
  GtkDropTarget *drop;
  GtkShortcutTrigger *trigger;

  ref->pane = self;
  ref->group = fields;
  ref->list = list;
  ref->index = index;
  g_object_set_data_full (G_OBJECT (row), "item-ref", ref, g_free);
  g_object_set_data (G_OBJECT (row), "tools-row", tools_row);

  /* document text, never markup: a fact may hold "<span>" or "A & B" */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  item_summary (self, list, index, &title, &subtitle);
  set_item_summary (row, title, subtitle);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (handle, "dim-label");
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), handle);

  gtk_widget_set_halign (tools, GTK_ALIGN_END);
  gtk_widget_set_margin_top (tools, 4);
  gtk_widget_set_margin_bottom (tools, 4);
  gtk_widget_set_margin_end (tools, 8);
  gtk_box_append (GTK_BOX (tools), item_button ("move-up", "go-up-symbolic", _("Move Up (Alt+↑)"),
                                                G_CALLBACK (move_up_clicked_cb), ref, index > 0));
  gtk_box_append (GTK_BOX (tools), item_button ("move-down", "go-down-symbolic", _("Move Down (Alt+↓)"),
                                                G_CALLBACK (move_down_clicked_cb), ref, index + 1 < items->len));
  gtk_box_append (GTK_BOX (tools), item_button ("duplicate", "edit-copy-symbolic", _("Duplicate"),
                                                G_CALLBACK (duplicate_clicked_cb), ref, TRUE));
  {
    GtkWidget *remove = item_button ("remove", "user-trash-symbolic", _("Remove"),
                                     G_CALLBACK (remove_clicked_cb), ref, TRUE);

    gtk_box_append (GTK_BOX (tools), remove);
  }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (tools_row), tools);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (tools_row), FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), tools_row);

  /* Reorder by keyboard */
  controller = gtk_shortcut_controller_new ();
  trigger = gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new_with_arguments (trigger,
                                                                         gtk_callback_action_new (move_shortcut_cb, NULL, NULL),
                                                                         "i", -1));
  trigger = gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new_with_arguments (trigger,
                                                                         gtk_callback_action_new (move_shortcut_cb, NULL, NULL),
                                                                         "i", 1));
  gtk_widget_add_controller (row, controller);

  /* Reorder by drag and drop, from the handle or the header */
  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), ref);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));
  drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), ref);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));

  g_signal_connect (row, "notify::expanded", G_CALLBACK (item_expanded_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_hash_table_replace (self->item_rows, g_strdup_printf ("%d.%u", list, index), row);
  return row;
}

typedef struct
{
  ImpactEditorPane *pane;
  ImpactList        list;
} AddRef;

static void
add_clicked_cb (GtkButton *button,
                AddRef    *ref)
{
  ImpactEditorPane *self = ref->pane;
  ImpactList list = ref->list;   /* @ref goes with the rebuild */
  GPtrArray *items = impact_document_get_list (self->document, list);

  impact_editor_pane_begin_edit (self, NULL);
  impact_document_insert_item (self->document, list, -1);
  /* Open the new item, with the focus in it */
  self->focus_pending = TRUE;
  self->focus_list = list;
  self->focus_index = items->len - 1;
  g_clear_pointer (&self->focus_name, g_free);
  self->focus_expand = TRUE;
  /* its first field: ready to type into */
  self->focus_name = g_strdup (IMPACT_EDITOR_FIRST_FIELD);
  impact_editor_pane_structure_changed (self);
}

static GtkWidget *
list_group (ImpactEditorPane       *self,
            const ImpactFieldGroup *fields)
{
  ImpactList list = fields->list;
  const char *add_name = _(fields->add_name);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  AddRef *ref = g_new0 (AddRef, 1);

  ref->pane = self;
  ref->list = list;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(fields->title));
  if (fields->description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _(fields->description));
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (add), "add-ref", ref, g_free);
  /* five buttons say "Add": each says what it adds */
  impact_accessible_set_label (add, add_name);
  gtk_widget_set_tooltip_text (add, add_name);
  g_signal_connect (add, "clicked", G_CALLBACK (add_clicked_cb), ref);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
  {
    g_autofree char *key = g_strdup_printf ("add.%d", list);

    g_hash_table_replace (self->fields, g_steal_pointer (&key), add);
  }
  return group;
}

/* The rows inside an item are made when it is first opened (or one of its
 * fields is asked for): a long case log costs one row per item. */
void
impact_list_group_fill_item (ImpactEditorPane *self,
                             GtkWidget        *row)
{
  ItemRef *ref = g_object_get_data (G_OBJECT (row), "item-ref");
  gboolean was_building = self->building;

  if (ref == NULL || g_object_get_data (G_OBJECT (row), "filled") != NULL)
    return;
  g_object_set_data (G_OBJECT (row), "filled", GINT_TO_POINTER (TRUE));

  self->building = TRUE;
  impact_field_row_add_all (self, row, ref->group, ref->group->item_fields, (int) ref->index,
                            g_ptr_array_index (impact_document_get_list (self->document, ref->list), ref->index));
  /* a statistic's figure may follow the milestones */
  if (ref->list == IMPACT_LIST_STATISTICS)
    impact_statistic_row_update (self, ref->index);
  self->building = was_building;
}

static void
item_expanded_cb (AdwExpanderRow   *row,
                  GParamSpec       *pspec,
                  ImpactEditorPane *self)
{
  if (adw_expander_row_get_expanded (row))
    impact_list_group_fill_item (self, GTK_WIDGET (row));
}

/* Items listed per list at most; the rest are counted */
#define MAX_ITEM_ROWS 300

static guint
list_limit (GtkWidget *group,
            guint      n_items,
            const char *what)
{
  if (n_items > MAX_ITEM_ROWS)
    {
      GtkWidget *more = adw_action_row_new ();
      /* Translators: %u is a number of items left out of the list, %s what they are */
      g_autofree char *title = g_strdup_printf (_("%u more %s are not listed here"),
                                                n_items - MAX_ITEM_ROWS, what);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (more), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (more), _("Edit them in the JSON file"));
      gtk_widget_add_css_class (more, "dim-label");
      /* Appended after the listed items by the caller */
      g_object_set_data_full (G_OBJECT (group), "more-row", g_object_ref_sink (more), g_object_unref);
    }
  return MIN (n_items, MAX_ITEM_ROWS);
}

static void
list_finish (GtkWidget *group)
{
  GtkWidget *more = g_object_get_data (G_OBJECT (group), "more-row");

  if (more != NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), more);
}

GtkWidget *
impact_list_group_new (ImpactEditorPane       *self,
                       const ImpactFieldGroup *fields)
{
  GPtrArray *items = impact_document_get_list (self->document, fields->list);
  GtkWidget *group = list_group (self, fields);
  guint n = list_limit (group, items->len, _(fields->items_name));

  /* the list's own fields (its heading) come first */
  impact_field_row_add_all (self, group, fields, fields->fields, -1, NULL);
  for (guint i = 0; i < n; i++)
    item_row (self, group, fields, i);
  list_finish (group);
  return group;
}
