/* impact-editor-pane.c: the side pane that edits every field of a document
 *
 * One AdwPreferencesGroup per group of the section table's field lists
 * (impact-sections.h, impact-fields.h), in the order of pane_order below:
 * the rows are made from the field descriptors (impact-field-row.c), the
 * lists by impact-list-group.c. Groups that are not in the table (a chart
 * editor…) go in build_extra_groups(). The pane keeps the keys of its
 * fields, their messages and the diagnostics shown next to them, and
 * where the keyboard focus goes when it is rebuilt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-editor-pane"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "impact-chart-editor.h"
#include "impact-editor-pane-private.h"
#include "impact-brand-marks.h"  /* brand: inherited fields marked */
#include "impact-sheet-selection.h"

G_DEFINE_FINAL_TYPE (ImpactEditorPane, impact_editor_pane, GTK_TYPE_WIDGET)

enum {
  BEGIN_EDIT,
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The lists, by the first part of their field keys ("milestones.3.title") */
static const struct { const char *name; ImpactList list; } lists[] = {
  { "statistics", IMPACT_LIST_STATISTICS },
  { "facts", IMPACT_LIST_FACTS },
  { "approach", IMPACT_LIST_PILLARS },
  { "milestones", IMPACT_LIST_MILESTONES },
  { "eras", IMPACT_LIST_ERAS },
};

gboolean
impact_editor_parse_item_key (const char *key,
                              ImpactList *list,
                              guint      *index)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (lists); i++)
    {
      gsize len = strlen (lists[i].name);

      if (strncmp (key, lists[i].name, len) == 0 && key[len] == '.' && g_ascii_isdigit (key[len + 1]))
        {
          guint64 value = g_ascii_strtoull (key + len + 1, NULL, 10);

          if (value >= G_MAXUINT)
            return FALSE;
          *list = lists[i].list;
          *index = (guint) value;
          return TRUE;
        }
    }
  return FALSE;
}

/* Before a change: the owner may need the state as it was (undo) */
void
impact_editor_pane_begin_edit (ImpactEditorPane *self,
                               const char       *key)
{
  g_signal_emit (self, signals[BEGIN_EDIT], 0, key);
}

void
impact_editor_pane_emit_edited (ImpactEditorPane *self,
                                const char       *key)
{
  ImpactList list;
  guint index;

  /* a closed item's title and subtitle say what it holds now */
  if (impact_editor_parse_item_key (key, &list, &index))
    impact_list_group_refresh_summary (self, list, index);
  /* and the overview what each section holds */
  if (!self->building)
    impact_editor_pages_refresh (self);
  g_signal_emit (self, signals[EDITED], 0, key);
  impact_brand_marks_update (self);  /* brand: inherited fields marked */
}

void
impact_editor_pane_structure_changed (ImpactEditorPane *self)
{
  impact_editor_pane_emit_edited (self, NULL);
  impact_editor_pane_rebuild (self);
}

/* Hook: a subtitle under the row of @key (where a value comes from, for
 * instance); NULL for none. @key is the field's JSON path in the pane's
 * spelling, "organisation.name", "statistics.0.label" (a diagnostic's
 * path converts with impact_editor_key_from_path()). Entry rows, which
 * have no subtitle, show it as their tooltip. */
const char *
impact_editor_pane_row_subtitle (ImpactEditorPane *self,
                                 const char       *key)
{
  return NULL;
}

/* Groups */

static void
section_add_clicked_cb (GtkButton              *button,
                        const ImpactFieldGroup *group)
{
  ImpactEditorPane *self = IMPACT_EDITOR_PANE (gtk_widget_get_ancestor (GTK_WIDGET (button), IMPACT_TYPE_EDITOR_PANE));

  impact_editor_pane_begin_edit (self, NULL);
  group->add (self->document);
  impact_editor_pane_structure_changed (self);
}

static void
section_drop_clicked_cb (GtkButton              *button,
                         const ImpactFieldGroup *group)
{
  ImpactEditorPane *self = IMPACT_EDITOR_PANE (gtk_widget_get_ancestor (GTK_WIDGET (button), IMPACT_TYPE_EDITOR_PANE));

  impact_editor_pane_begin_edit (self, NULL);
  group->drop (self->document);
  impact_editor_pane_structure_changed (self);
}

/* An optional section's button: add it, or remove it */
static void
section_toggle (GtkWidget              *widget,
                const ImpactFieldGroup *group,
                gboolean                present)
{
  const char *label = present ? _("Remove This Section") : _("Add This Section");
  GtkWidget *button = gtk_button_new_from_icon_name (present ? "user-trash-symbolic" : "list-add-symbolic");

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", present ? G_CALLBACK (section_drop_clicked_cb) : G_CALLBACK (section_add_clicked_cb),
                    (gpointer) group);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (widget), button);
}

/* The group of an object (the problem) or of the document's own members */
static GtkWidget *
object_group (ImpactEditorPane       *self,
              const ImpactFieldGroup *group)
{
  GtkWidget *widget = adw_preferences_group_new ();
  gpointer record = group->record ? group->record (self->document) : NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (widget), _(group->title));
  if (group->description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (widget), _(group->description));
  if (group->add != NULL)
    section_toggle (widget, group, record != NULL);
  /* an optional section that is absent shows only its button */
  if (group->record == NULL || record != NULL)
    impact_field_row_add_all (self, widget, group, group->fields, -1, record);
  return widget;
}

/* The order of the groups in the pane, by key; groups of the section
 * table that are not named here follow, in table order */
static const char * const pane_order[] = {
  "header", "organisation", "theme", "problem", "statistics", "facts", "quote",
  "approach", "milestones", "eras", "profile", "footer",
};

static guint
group_rank (const ImpactFieldGroup *group)
{
  for (guint i = 0; i < G_N_ELEMENTS (pane_order); i++)
    if (g_str_equal (pane_order[i], group->key))
      return i;
  return G_N_ELEMENTS (pane_order);
}

static int
compare_rank (gconstpointer a,
              gconstpointer b)
{
  guint ra = group_rank (*(const ImpactFieldGroup * const *) a);
  guint rb = group_rank (*(const ImpactFieldGroup * const *) b);

  return ra < rb ? -1 : ra > rb;
}

/* Every group of the section table, in the pane's order */
static GPtrArray *
table_groups (void)
{
  guint n_sections;
  const ImpactSectionInfo *sections = impact_sections_get_all (&n_sections);
  GPtrArray *groups = g_ptr_array_new ();

  for (guint i = 0; i < n_sections; i++)
    for (const ImpactFieldGroup *group = sections[i].fields; group != NULL && group->key != NULL; group++)
      g_ptr_array_add (groups, (gpointer) group);
  /* g_ptr_array_sort is stable (a merge sort) */
  g_ptr_array_sort (groups, compare_rank);
  return groups;
}

/* Groups that are not in the section table's field lists: each is
 * appended to self->content */
static void
build_extra_groups (ImpactEditorPane *self)
{
  /* Charts: a group of their own (impact-chart-editor.c), through the pane's signals */
  GtkWidget *group = impact_chart_editor_new (self->document);

  g_signal_connect_object (group, "begin-edit", G_CALLBACK (impact_editor_pane_begin_edit), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (group, "edited", G_CALLBACK (impact_editor_pane_emit_edited), self, G_CONNECT_SWAPPED);
  g_object_set_data_full (G_OBJECT (self), "impact-chart-editor", g_object_ref (group), g_object_unref);
  /* the warnings known now, until the next layout says others */
  impact_chart_editor_set_notes (IMPACT_CHART_EDITOR (group), self->notes);
  gtk_box_append (GTK_BOX (impact_editor_pages_get (self, "charts", _("Charts"), NULL)), group);
}

/* The section whose field list has @group */
static const ImpactSectionInfo *
group_section (const ImpactFieldGroup *group)
{
  guint n_sections;
  const ImpactSectionInfo *sections = impact_sections_get_all (&n_sections);

  for (guint i = 0; i < n_sections; i++)
    for (const ImpactFieldGroup *g = sections[i].fields; g != NULL && g->key != NULL; g++)
      if (g == group)
        return &sections[i];
  return NULL;
}

static void
build (ImpactEditorPane *self)
{
  g_autoptr(GPtrArray) groups = NULL;

  self->building = TRUE;
  if (self->content != NULL)
    gtk_box_remove (GTK_BOX (self->frame), self->content);
  self->content = NULL;
  self->scroller = NULL;
  g_hash_table_remove_all (self->fields);
  g_hash_table_remove_all (self->messages);
  g_hash_table_remove_all (self->errors);
  g_hash_table_remove_all (self->item_rows);

  gtk_box_append (GTK_BOX (self->frame), impact_editor_pages_begin (self));

  if (self->document == NULL)
    {
      impact_editor_pages_end (self);
      self->building = FALSE;
      return;
    }

  groups = table_groups ();
  for (guint i = 0; i < groups->len; i++)
    {
      const ImpactFieldGroup *group = g_ptr_array_index (groups, i);
      const ImpactSectionInfo *section = group_section (group);
      GtkWidget *page = impact_editor_pages_get (self, section ? section->key : group->key,
                                                 section ? _(section->title) : _(group->title), group);

      gtk_box_append (GTK_BOX (page),
                      group->item_fields ? impact_list_group_new (self, group) : object_group (self, group));
    }
  build_extra_groups (self);
  impact_editor_pages_end (self);

  self->building = FALSE;
}

/* GObject overrides */

static void
impact_editor_pane_dispose (GObject *object)
{
  ImpactEditorPane *self = IMPACT_EDITOR_PANE (object);

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  g_clear_handle_id (&self->reveal_idle, g_source_remove);
  g_clear_pointer (&self->focus_name, g_free);
  g_clear_pointer (&self->frame, gtk_widget_unparent);
  self->scroller = NULL;
  g_clear_object (&self->document);

  G_OBJECT_CLASS (impact_editor_pane_parent_class)->dispose (object);
}

static void
impact_editor_pane_finalize (GObject *object)
{
  ImpactEditorPane *self = IMPACT_EDITOR_PANE (object);

  g_hash_table_unref (self->fields);
  g_hash_table_unref (self->messages);
  g_hash_table_unref (self->errors);
  g_hash_table_unref (self->notes);
  g_hash_table_unref (self->item_rows);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->overview_rows, g_hash_table_unref);
  g_free (self->page);

  G_OBJECT_CLASS (impact_editor_pane_parent_class)->finalize (object);
}

static void
impact_editor_pane_class_init (ImpactEditorPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_editor_pane_dispose;
  object_class->finalize = impact_editor_pane_finalize;

  /**
   * ImpactEditorPane::edited:
   * @key: (nullable): the field that changed, or %NULL for a change of structure
   */
  /**
   * ImpactEditorPane::begin-edit:
   * @key: (nullable): the field about to change, or %NULL for a change of structure
   *
   * Emitted just before the pane changes the document.
   */
  signals[BEGIN_EDIT] = g_signal_new ("begin-edit",
                                      G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[EDITED] = g_signal_new ("edited",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "editorpane");
  impact_editor_pages_class_init (widget_class);
}

static void
impact_editor_pane_init (ImpactEditorPane *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->item_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->frame, GTK_WIDGET (self));
  impact_editor_pages_init (self, self->frame);

  build (self);
}

/* Public API */

GtkWidget *
impact_editor_pane_new (void)
{
  return g_object_new (IMPACT_TYPE_EDITOR_PANE, NULL);
}

static gboolean rebuild_idle_cb (gpointer data);

void
impact_editor_pane_set_document (ImpactEditorPane *self,
                                 ImpactDocument   *document)
{
  gboolean first;

  g_return_if_fail (IMPACT_IS_EDITOR_PANE (self));
  g_return_if_fail (!document || IMPACT_IS_DOCUMENT (document));

  first = self->document == NULL && document != NULL;
  g_set_object (&self->document, document);
  if (first)
    {
      /* The first document of a window: its preview matters first. The
       * pane's hundreds of rows are built once the frame that shows the
       * sheet is drawn (redraws run before low-priority idles). */
      g_clear_handle_id (&self->rebuild_idle, g_source_remove);
      self->rebuild_idle = g_idle_add_full (G_PRIORITY_LOW, rebuild_idle_cb, self, NULL);
      return;
    }
  impact_editor_pane_rebuild (self);
}

ImpactDocument *
impact_editor_pane_get_document (ImpactEditorPane *self)
{
  g_return_val_if_fail (IMPACT_IS_EDITOR_PANE (self), NULL);
  return self->document;
}

/* The key of the field that has the keyboard focus, or NULL */
static char *
dup_focus_key (ImpactEditorPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  for (; focus != NULL && focus != GTK_WIDGET (self); focus = gtk_widget_get_parent (focus))
    {
      ImpactEditorField *field = g_object_get_data (G_OBJECT (focus), "impact-field");

      if (field != NULL)
        return g_strdup (field->key);
    }
  return NULL;
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  ImpactEditorPane *self = data;
  /* the place in the page shown (the same page after the rebuild) */
  double value = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)));
  g_autofree char *focus_key = dup_focus_key (self);

  self->rebuild_idle = 0;
  build (self);
  impact_brand_marks_update (self);  /* brand: inherited fields marked */
  /* Undo while typing keeps the caret in the same field */
  if (focus_key != NULL)
    {
      GtkWidget *widget = impact_editor_pane_get_field (self, focus_key);
      GtkWidget *ancestor;

      /* Open the list item that holds it */
      for (ancestor = widget; ancestor != NULL; ancestor = gtk_widget_get_parent (ancestor))
        if (ADW_IS_EXPANDER_ROW (ancestor))
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ancestor), TRUE);
      if (widget != NULL)
        gtk_widget_grab_focus (widget);
    }
  impact_list_group_focus_followed (self);
  /* Keep the place once the new rows have their size */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), value);
  return G_SOURCE_REMOVE;
}

void
impact_editor_pane_rebuild (ImpactEditorPane *self)
{
  g_return_if_fail (IMPACT_IS_EDITOR_PANE (self));

  /* Rebuilding destroys the button whose handler is running: rebuild now
   * (the rows are looked up again afterwards), but keep the scroll place. */
  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  rebuild_idle_cb (self);
}

void
impact_editor_pane_refresh (ImpactEditorPane *self)
{
  g_return_if_fail (IMPACT_IS_EDITOR_PANE (self));

  if (self->document == NULL)
    return;
  for (guint i = 0; i < impact_document_get_statistics (self->document)->len; i++)
    impact_statistic_row_update (self, i);
}

GtkWidget *
impact_editor_pane_get_field (ImpactEditorPane *self,
                              const char       *key)
{
  GtkWidget *widget;

  g_return_val_if_fail (IMPACT_IS_EDITOR_PANE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  widget = g_hash_table_lookup (self->fields, key);
  if (widget != NULL)
    return widget;
  if (g_str_has_prefix (key, "charts.") && g_object_get_data (G_OBJECT (self), "impact-chart-editor") != NULL)
    return impact_chart_editor_get_control (g_object_get_data (G_OBJECT (self), "impact-chart-editor"), key);

  /* A field of a list item that was not opened yet: make its rows */
  {
    ImpactList list;
    guint index;
    GtkWidget *row;

    if (!impact_editor_parse_item_key (key, &list, &index))
      return NULL;
    if ((row = impact_editor_pane_get_item_row (self, list, index)) != NULL)
      impact_list_group_fill_item (self, row);
    return g_hash_table_lookup (self->fields, key);
  }
}

GtkWidget *
impact_editor_pane_get_item_row (ImpactEditorPane *self,
                                 ImpactList        list,
                                 guint             index)
{
  g_autofree char *key = g_strdup_printf ("%d.%u", list, index);

  g_return_val_if_fail (IMPACT_IS_EDITOR_PANE (self), NULL);
  return g_hash_table_lookup (self->item_rows, key);
}

char *
impact_editor_pane_dup_focus_key (ImpactEditorPane *self)
{
  g_return_val_if_fail (IMPACT_IS_EDITOR_PANE (self), NULL);

  return dup_focus_key (self);
}

/* Scrolls the pane so that @widget is in view, once it has its size */
static gboolean
scroll_to_widget_cb (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  ImpactEditorPane *self = user_data;
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  graphene_rect_t bounds;
  double value, page;
  int frames = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "impact-scroll-frames"));

  /* The rows it was just revealed in take a few frames to get their size
   * (and the viewport follows the focus on its own): check each frame */
  g_object_set_data (G_OBJECT (widget), "impact-scroll-frames", GINT_TO_POINTER (frames + 1));
  if (viewport != NULL && gtk_widget_compute_bounds (widget, viewport, &bounds))
    {
      value = gtk_adjustment_get_value (adjustment);
      page = gtk_adjustment_get_page_size (adjustment);
      /* bounds are relative to the visible part of the viewport */
      if (bounds.origin.y < 0 || bounds.origin.y + bounds.size.height > page)
        gtk_adjustment_set_value (adjustment, value + bounds.origin.y - MIN (page / 5.0, 48.0));
    }
  if (frames < 12)
    return G_SOURCE_CONTINUE;
  g_object_set_data (G_OBJECT (widget), "impact-scroll-frames", NULL);
  return G_SOURCE_REMOVE;
}

/* Opens what holds @target, gives it the focus and scrolls to it */
static void
focus_widget (ImpactEditorPane *self,
              GtkWidget        *target)
{
  /* Show the page of its section */
  impact_editor_pages_reveal (self, target);

  /* Open the list item (and a collapsed group row) that holds it */
  for (GtkWidget *ancestor = target; ancestor != NULL && ancestor != GTK_WIDGET (self);
       ancestor = gtk_widget_get_parent (ancestor))
    if (ADW_IS_EXPANDER_ROW (ancestor))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ancestor), TRUE);

  if (!gtk_widget_grab_focus (target))
    gtk_widget_child_focus (target, GTK_DIR_TAB_FORWARD);
  gtk_widget_add_tick_callback (target, scroll_to_widget_cb, self, NULL);
}

gboolean
impact_editor_pane_select (ImpactEditorPane *self,
                           ImpactSection     section,
                           int               item)
{
  g_autofree char *key = NULL;
  GtkWidget *target = NULL;

  g_return_val_if_fail (IMPACT_IS_EDITOR_PANE (self), FALSE);

  if (self->document == NULL || (key = impact_sheet_selection_key_for (section, item)) == NULL)
    return FALSE;

  target = impact_editor_pane_get_field (self, key);
  if (target == NULL)
    {
      ImpactList list;
      guint index;

      /* an item without such a field (none in this build): its row */
      if (!impact_editor_parse_item_key (key, &list, &index))
        return FALSE;
      target = impact_editor_pane_get_item_row (self, list, index);
      if (target == NULL)
        return FALSE;
    }

  /* A statistic that counts from the milestones is changed by its other
   * cases, not its figure (which is then read-only) */
  if (!gtk_widget_get_sensitive (target) && section == IMPACT_SECTION_STATISTICS)
    {
      g_autofree char *base_key = g_strdup_printf ("statistics.%d.derive.base", MAX (item, 0));
      GtkWidget *base = impact_editor_pane_get_field (self, base_key);

      if (base != NULL)
        target = base;
    }

  focus_widget (self, target);
  return TRUE;
}

gboolean
impact_editor_pane_focus_field (ImpactEditorPane *self,
                                const char       *key)
{
  GtkWidget *target;

  g_return_val_if_fail (IMPACT_IS_EDITOR_PANE (self), FALSE);

  if (key == NULL || (target = impact_editor_pane_get_field (self, key)) == NULL ||
      !gtk_widget_get_sensitive (target))
    return FALSE;
  focus_widget (self, target);
  return TRUE;
}

const char *
impact_editor_pane_get_message (ImpactEditorPane *self,
                                const char       *key)
{
  const char *own;

  g_return_val_if_fail (IMPACT_IS_EDITOR_PANE (self), NULL);

  own = g_hash_table_lookup (self->messages, key);
  return own ? own : g_hash_table_lookup (self->notes, key);
}

/* "statistics[0].value" -> "statistics.0.value"; NULL for other shapes */
char *
impact_editor_key_from_path (const char *path)
{
  GString *key;

  if (path == NULL || *path == '\0')
    return NULL;
  key = g_string_new (NULL);
  for (const char *p = path; *p != '\0'; p++)
    {
      if (*p == '[')
        g_string_append_c (key, '.');
      else if (*p == ']')
        continue;
      else
        g_string_append_c (key, *p);
    }
  return g_string_free (key, FALSE);
}

void
impact_editor_pane_set_diagnostics (ImpactEditorPane  *self,
                                    ImpactDiagnostics *diagnostics)
{
  g_autoptr(GHashTable) old = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (IMPACT_IS_EDITOR_PANE (self));

  old = self->notes;
  self->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; diagnostics != NULL && i < impact_diagnostics_get_n_items (diagnostics); i++)
    {
      const ImpactDiagnostic *diag = impact_diagnostics_get_item (diagnostics, i);
      char *note_key = impact_editor_key_from_path (diag->path);

      if (note_key == NULL || g_hash_table_contains (self->notes, note_key))
        g_free (note_key);
      else
        g_hash_table_insert (self->notes, note_key, g_strdup (diag->message));
    }

  /* Show the new notes and clear the old ones */
  {
    g_autoptr(GPtrArray) keys = g_ptr_array_new ();

    g_hash_table_iter_init (&iter, old);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (keys, key);
    g_hash_table_iter_init (&iter, self->notes);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (keys, key);
    for (guint i = 0; i < keys->len; i++)
      {
        GtkWidget *widget = g_hash_table_lookup (self->fields, g_ptr_array_index (keys, i));
        ImpactEditorField *field = widget ? g_object_get_data (G_OBJECT (widget), "impact-field") : NULL;

        if (field != NULL)
          impact_field_row_update_message (self, field);
      }
  }
  /* the charts' rows are the chart group's own */
  if (g_object_get_data (G_OBJECT (self), "impact-chart-editor") != NULL)
    impact_chart_editor_set_notes (g_object_get_data (G_OBJECT (self), "impact-chart-editor"), self->notes);
}
