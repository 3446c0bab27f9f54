/* impact-editor-pane.c: the side pane that edits every field of a document
 *
 * One AdwPreferencesGroup per section. Each editing widget carries a Field
 * that says where its value lives in the document's structs; the structs
 * only move when the structure changes, and then the pane is rebuilt, so
 * the pointers stay valid. List items are expander rows with move, copy
 * and remove buttons; they also reorder by drag and drop and by Alt+Up /
 * Alt+Down.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-editor-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "impact-accessible.h"
#include "impact-editor-pane.h"
#include "impact-brand-marks.h"  /* brand: inherited fields marked */
#include "impact-sheet-selection.h"
#include "impact-emphasis.h"
#include "impact-json-loader.h"

typedef enum
{
  FIELD_STRING,          /* char **: empty -> NULL */
  FIELD_REQUIRED,        /* char **: never NULL, an empty value is flagged */
  FIELD_DOC_STRING,      /* a document setter */
  FIELD_DOUBLE,          /* double * */
  FIELD_DECIMALS,        /* guint * */
  FIELD_BOOLEAN,         /* gboolean * */
  FIELD_DATE,            /* ImpactDate * */
  FIELD_OPTIONAL_DATE,   /* ImpactDate *: empty -> invalid (absent) */
  FIELD_COLOUR,          /* char ** "#rrggbb" */
  FIELD_METRICS,         /* GArray * of ImpactMetric */
  FIELD_LINES,           /* char *** NULL-terminated */
  FIELD_ICON,            /* char **, from a list */
  FIELD_TEMPLATE,        /* char **, "classic" / "bold" */
  FIELD_SOURCE_TITLE,    /* ImpactSource ** */
  FIELD_SOURCE_URL,      /* ImpactSource ** */
  FIELD_DERIVE_METRIC,   /* ImpactStatistic * */
  FIELD_BASE,            /* gint64 * */
} FieldKind;

typedef void (*DocSetter) (ImpactDocument *doc, const char *value);

typedef struct
{
  ImpactEditorPane *pane;
  char             *key;
  FieldKind         kind;
  gpointer          target;
  DocSetter         setter;
  GtkWidget        *row;      /* where messages are shown */
  gboolean          rich;     /* **bold** and *italic* are checked */
} Field;

struct _ImpactEditorPane
{
  GtkWidget       parent_instance;

  /* Owned References */
  ImpactDocument *document;
  GHashTable     *fields;     /* key -> GtkWidget (borrowed: the rows own them) */
  GHashTable     *messages;   /* key -> char *: the field's own check */
  GHashTable     *errors;     /* keys whose own message is an error */
  GHashTable     *notes;      /* key -> char *: from the diagnostics */
  GHashTable     *item_rows;  /* "list.index" -> GtkWidget */

  /* Template Widgets (built in code) */
  GtkWidget      *scroller;
  GtkWidget      *content;

  guint           building : 1;
  guint           rebuild_idle;

  /* Where the keyboard focus goes after the next rebuild, when a list
   * changed under it: the item (at its new place) and the control in it */
  gboolean        focus_pending;
  ImpactList      focus_list;
  guint           focus_index;
  char           *focus_name;   /* a tool button's name, or NULL: the row */
  gboolean        focus_expand;
};

G_DEFINE_FINAL_TYPE (ImpactEditorPane, impact_editor_pane, GTK_TYPE_WIDGET)

enum {
  BEGIN_EDIT,
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void build (ImpactEditorPane *self);

/* The lists, by the first part of their field keys ("milestones.3.title") */
static const struct { const char *name; ImpactList list; } lists[] = {
  { "statistics", IMPACT_LIST_STATISTICS },
  { "facts", IMPACT_LIST_FACTS },
  { "approach", IMPACT_LIST_PILLARS },
  { "milestones", IMPACT_LIST_MILESTONES },
  { "eras", IMPACT_LIST_ERAS },
};

/* The list and item a field key names; FALSE for other keys */
static gboolean
parse_item_key (const char *key,
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

static void refresh_item_summary (ImpactEditorPane *self,
                                  ImpactList        list,
                                  guint             index);

/* Pure helpers */

gboolean
impact_editor_parse_metrics (const char *text,
                             GArray     *metrics)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (metrics != NULL, FALSE);

  g_array_set_size (metrics, 0);
  if (text == NULL)
    return TRUE;
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));
      const char *colon;
      g_autofree char *name = NULL;
      const char *number;
      char *end = NULL;
      gint64 value;

      if (*part == '\0')
        continue;
      colon = strrchr (part, ':');
      if (colon == NULL)
        return FALSE;
      name = g_strstrip (g_strndup (part, (gsize) (colon - part)));
      number = colon + 1;
      while (*number == ' ')
        number++;
      if (*name == '\0' || !g_ascii_isdigit (*number))
        return FALSE;
      value = g_ascii_strtoll (number, &end, 10);
      /* the loader's range: a count past 1e15 (or saturated at G_MAXINT64)
       * would make the derived sums inexact */
      if (end == NULL || *end != '\0' || value < 0 || value > (gint64) IMPACT_STATISTIC_MAX_VALUE)
        return FALSE;
      for (guint j = 0; j < metrics->len; j++)
        if (g_strcmp0 (g_array_index (metrics, ImpactMetric, j).name, name) == 0)
          return FALSE;
      {
        ImpactMetric metric = { g_steal_pointer (&name), value };

        g_array_append_val (metrics, metric);
      }
    }
  return TRUE;
}

char *
impact_editor_format_metrics (GArray *metrics)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; metrics != NULL && i < metrics->len; i++)
    {
      const ImpactMetric *metric = &g_array_index (metrics, ImpactMetric, i);

      g_string_append_printf (out, "%s%s: %" G_GINT64_FORMAT, i ? ", " : "", metric->name, metric->value);
    }
  return g_string_free (out, FALSE);
}

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

/* Fields */

static void
field_free (gpointer data)
{
  Field *field = data;

  g_free (field->key);
  g_free (field);
}

static Field *
field_new (ImpactEditorPane *self,
           const char       *key,
           FieldKind         kind,
           gpointer          target)
{
  Field *field = g_new0 (Field, 1);

  field->pane = self;
  field->key = g_strdup (key);
  field->kind = kind;
  field->target = target;
  return field;
}

/* Shows @message (or none) next to the field's value */
static void
show_message (Field      *field,
              const char *message,
              gboolean    is_error)
{
  GtkWidget *row = field->row;

  if (row == NULL)
    return;
  gtk_widget_set_tooltip_text (row, message);
  if (message != NULL)
    gtk_widget_add_css_class (row, is_error ? "error" : "warning");
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_remove_css_class (row, "warning");
    }
  if (ADW_IS_ACTION_ROW (row))
    {
      /* The message stands under the title, next to the value */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message ? message : "");
    }
  else if (ADW_IS_ENTRY_ROW (row))
    {
      /* An entry row has no subtitle: the message joins the title, right
       * above the text (in the error colour) */
      const char *base = g_object_get_data (G_OBJECT (row), "base-title");

      if (base == NULL)
        {
          g_object_set_data_full (G_OBJECT (row), "base-title",
                                  g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))), g_free);
          base = g_object_get_data (G_OBJECT (row), "base-title");
        }
      if (message != NULL)
        {
          /* Translators: a field's name, then what is wrong with its value */
          g_autofree char *title = g_strdup_printf (_("%s — %s"), base, message);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        }
      else
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), base);
    }
  else
    {
      GtkWidget *label = g_object_get_data (G_OBJECT (row), "message-label");

      if (label != NULL)
        {
          gtk_label_set_text (GTK_LABEL (label), message ? message : "");
          gtk_widget_set_visible (label, message != NULL);
          if (is_error)
            {
              gtk_widget_add_css_class (label, "error");
              gtk_widget_remove_css_class (label, "warning");
            }
          else
            {
              gtk_widget_add_css_class (label, "warning");
              gtk_widget_remove_css_class (label, "error");
            }
        }
    }
}

/* The field's own check comes first; else what the loader or the layout
 * said about it (an overflow, an unknown icon) */
static void
update_message (ImpactEditorPane *self,
                Field            *field)
{
  const char *own = g_hash_table_lookup (self->messages, field->key);
  const char *note = g_hash_table_lookup (self->notes, field->key);

  if (own != NULL)
    show_message (field, own, g_hash_table_contains (self->errors, field->key));
  else
    show_message (field, note, FALSE);
}

static void
set_message (ImpactEditorPane *self,
             Field            *field,
             const char       *message,
             gboolean          is_error)
{
  if (message != NULL)
    g_hash_table_replace (self->messages, g_strdup (field->key), g_strdup (message));
  else
    g_hash_table_remove (self->messages, field->key);
  if (message != NULL && is_error)
    g_hash_table_add (self->errors, g_strdup (field->key));
  else
    g_hash_table_remove (self->errors, field->key);
  update_message (self, field);
}

/* Before a change: the owner may need the state as it was (undo) */
static void
begin_edit (ImpactEditorPane *self,
            const char       *key)
{
  g_signal_emit (self, signals[BEGIN_EDIT], 0, key);
}

static void
emit_edited (ImpactEditorPane *self,
             const char       *key)
{
  ImpactList list;
  guint index;

  /* a closed item's title and subtitle say what it holds now */
  if (parse_item_key (key, &list, &index))
    refresh_item_summary (self, list, index);
  g_signal_emit (self, signals[EDITED], 0, key);
  impact_brand_marks_update (self);  /* brand: inherited fields marked */
}

static void
replace_string (char      **target,
                const char *text,
                gboolean    keep_empty)
{
  g_free (*target);
  *target = (text == NULL || (*text == '\0' && !keep_empty)) ? NULL : g_strdup (text);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* Applies @text to the field; returns FALSE (with @message) when invalid. */
static gboolean
apply_text (Field       *field,
            const char  *text,
            char       **message)
{
  ImpactEditorPane *self = field->pane;

  switch (field->kind)
    {
    case FIELD_STRING:
    case FIELD_ICON:
    case FIELD_TEMPLATE:
      replace_string (field->target, text, FALSE);
      return TRUE;

    case FIELD_REQUIRED:
      replace_string (field->target, text, TRUE);
      if (is_blank (text))
        *message = g_strdup (_("required"));
      return TRUE;

    case FIELD_DOC_STRING:
      field->setter (self->document, text && *text ? text : NULL);
      return TRUE;

    case FIELD_DATE:
    case FIELD_OPTIONAL_DATE:
      {
        ImpactDate date = { 0 };

        if (field->kind == FIELD_OPTIONAL_DATE && (text == NULL || *text == '\0'))
          {
            *(ImpactDate *) field->target = date;
            return TRUE;
          }
        if (!impact_date_parse (text, &date))
          {
            *message = g_strdup (_("use YYYY, YYYY-MM or YYYY-MM-DD"));
            return FALSE;
          }
        *(ImpactDate *) field->target = date;
        return TRUE;
      }

    case FIELD_METRICS:
      {
        g_autoptr(GArray) parsed = g_array_new (FALSE, TRUE, sizeof (ImpactMetric));
        GArray *metrics = field->target;

        g_array_set_clear_func (parsed, (GDestroyNotify) NULL);
        if (!impact_editor_parse_metrics (text, parsed))
          {
            for (guint i = 0; i < parsed->len; i++)
              g_free (g_array_index (parsed, ImpactMetric, i).name);
            *message = g_strdup (_("write “rescued: 2, arrested: 3”"));
            return FALSE;
          }
        g_array_set_size (metrics, 0);
        for (guint i = 0; i < parsed->len; i++)
          g_array_append_val (metrics, g_array_index (parsed, ImpactMetric, i));
        return TRUE;
      }

    case FIELD_LINES:
      {
        char ***lines = field->target;
        g_auto(GStrv) split = g_strsplit (text ? text : "", "\n", -1);
        GPtrArray *kept = g_ptr_array_new ();

        for (guint i = 0; split[i] != NULL; i++)
          if (*g_strstrip (split[i]) != '\0')
            g_ptr_array_add (kept, g_strdup (split[i]));
        g_ptr_array_add (kept, NULL);
        g_strfreev (*lines);
        *lines = (char **) g_ptr_array_free (kept, FALSE);
        return TRUE;
      }

    case FIELD_SOURCE_TITLE:
    case FIELD_SOURCE_URL:
      {
        ImpactSource **source = field->target;

        if (*source == NULL)
          *source = impact_source_new (NULL, NULL);
        if (field->kind == FIELD_SOURCE_TITLE)
          replace_string (&(*source)->title, text, FALSE);
        else
          replace_string (&(*source)->url, text, FALSE);
        if ((*source)->title == NULL && (*source)->url == NULL)
          g_clear_pointer (source, impact_source_free);
        else if ((*source)->title == NULL)
          *message = g_strdup (_("a source needs a title"));
        if (field->kind == FIELD_SOURCE_URL && text && *text &&
            !g_str_has_prefix (text, "http://") && !g_str_has_prefix (text, "https://"))
          *message = g_strdup (_("start with https://"));
        return TRUE;
      }

    case FIELD_DERIVE_METRIC:
      {
        ImpactStatistic *stat = field->target;

        replace_string (&stat->derive_metric, text, FALSE);
        if (stat->derive_metric != NULL)
          stat->value = (double) impact_document_compute_derived (self->document, stat);
        stat->value_fixed = FALSE;
        return TRUE;
      }

    case FIELD_DOUBLE:
    case FIELD_DECIMALS:
    case FIELD_BASE:
    case FIELD_BOOLEAN:
    case FIELD_COLOUR:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
rich_text_balanced (const char *text)
{
  g_autofree char *plain = NULL;
  gboolean balanced = TRUE;

  if (text == NULL)
    return TRUE;
  plain = impact_emphasis_parse (text, NULL, &balanced);
  return balanced;
}

static void
text_changed (Field      *field,
              const char *text)
{
  ImpactEditorPane *self = field->pane;
  g_autofree char *message = NULL;
  gboolean ok;

  if (self->building || self->document == NULL)
    return;
  begin_edit (self, field->key);
  ok = apply_text (field, text, &message);
  if (ok && message == NULL && field->rich && !rich_text_balanced (text))
    {
      set_message (self, field, _("An * or ** is not closed: it is printed as typed; write \\* for an asterisk"), FALSE);
    }
  else
    set_message (self, field, message, TRUE);
  if (ok)
    emit_edited (self, field->key);
}

static void
editable_changed_cb (GtkEditable *editable,
                     Field       *field)
{
  text_changed (field, gtk_editable_get_text (editable));
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   Field         *field)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  text_changed (field, text);
}

static double
digits_step (guint digits)
{
  double step = 1.0;

  while (digits-- > 0)
    step /= 10.0;
  return step;
}

static void
spin_changed_cb (GtkSpinButton *spin,
                 Field         *field)
{
  ImpactEditorPane *self = field->pane;

  if (self->building || self->document == NULL)
    return;
  begin_edit (self, field->key);
  if (field->kind == FIELD_DOUBLE)
    *(double *) field->target = gtk_spin_button_get_value (spin);
  else if (field->kind == FIELD_BASE)
    *(gint64 *) field->target = (gint64) gtk_spin_button_get_value (spin);
  else
    {
      *(guint *) field->target = (guint) gtk_spin_button_get_value_as_int (spin);
      if (g_str_has_suffix (field->key, ".decimals"))
        {
          /* The value's spin button shows that many digits */
          g_autofree char *prefix = g_strndup (field->key, strlen (field->key) - strlen (".decimals"));
          g_autofree char *value_key = g_strconcat (prefix, ".value", NULL);
          GtkWidget *value = g_hash_table_lookup (self->fields, value_key);
          guint digits = MIN (*(guint *) field->target, 6);

          if (value != NULL)
            {
              gtk_spin_button_set_digits (GTK_SPIN_BUTTON (value), digits);
              gtk_spin_button_set_increments (GTK_SPIN_BUTTON (value), digits_step (digits), 10 * digits_step (digits));
            }
        }
    }
  emit_edited (self, field->key);
}

static void
switch_changed_cb (GtkSwitch  *sw,
                   GParamSpec *pspec,
                   Field      *field)
{
  ImpactEditorPane *self = field->pane;

  if (self->building || self->document == NULL)
    return;
  begin_edit (self, field->key);
  *(gboolean *) field->target = gtk_switch_get_active (sw);
  emit_edited (self, field->key);
}

static void
colour_changed_cb (GtkColorButton *button,
                   GParamSpec     *pspec,
                   Field          *field)
{
  ImpactEditorPane *self = field->pane;
  GdkRGBA rgba;
  char **target = field->target;

  if (self->building || self->document == NULL)
    return;
  begin_edit (self, field->key);
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  g_free (*target);
  *target = g_strdup_printf ("#%02x%02x%02x",
                             (int) (rgba.red * 255 + 0.5),
                             (int) (rgba.green * 255 + 0.5),
                             (int) (rgba.blue * 255 + 0.5));
  emit_edited (self, field->key);
}

static void
combo_changed_cb (AdwComboRow *row,
                  GParamSpec  *pspec,
                  Field       *field)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);
  const char *value = item ? gtk_string_object_get_string (item) : NULL;
  const char *const *ids = g_object_get_data (G_OBJECT (row), "ids");
  guint selected = adw_combo_row_get_selected (row);

  if (ids != NULL && selected != GTK_INVALID_LIST_POSITION)
    value = ids[selected];
  text_changed (field, value);
}

/* Building rows */

static void
register_field (ImpactEditorPane *self,
                Field            *field,
                GtkWidget        *widget,
                GtkWidget        *row)
{
  field->row = row;
  g_object_set_data_full (G_OBJECT (widget), "impact-field", field, field_free);
  g_hash_table_replace (self->fields, g_strdup (field->key), widget);
  if (g_hash_table_contains (self->notes, field->key))
    update_message (self, field);
}

static GtkWidget *
entry_row (ImpactEditorPane *self,
           GtkWidget        *parent,
           const char       *title,
           const char       *key,
           FieldKind         kind,
           gpointer          target,
           const char       *value)
{
  GtkWidget *row = adw_entry_row_new ();
  Field *field = field_new (self, key, kind, target);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Ctrl+Z is the document's undo, which knows every field */
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  register_field (self, field, row, row);
  g_signal_connect (row, "changed", G_CALLBACK (editable_changed_cb), field);
  if (ADW_IS_PREFERENCES_GROUP (parent))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), row);
  else
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), row);

  /* Validate what was loaded, too */
  if (kind == FIELD_REQUIRED && (value == NULL || *value == '\0'))
    set_message (self, field, _("required"), TRUE);
  return row;
}

static GtkWidget *
string_row (ImpactEditorPane *self,
            GtkWidget        *parent,
            const char       *title,
            const char       *key,
            char            **target)
{
  return entry_row (self, parent, title, key, FIELD_STRING, target, *target);
}

static GtkWidget *
doc_row (ImpactEditorPane *self,
         GtkWidget        *parent,
         const char       *title,
         const char       *key,
         DocSetter         setter,
         const char       *value)
{
  GtkWidget *row = entry_row (self, parent, title, key, FIELD_DOC_STRING, NULL, value);
  Field *field = g_object_get_data (G_OBJECT (row), "impact-field");

  field->setter = setter;
  return row;
}

/* A multi-line text (rich texts keep **bold** and *italic* as typed) */
static GtkWidget *
text_view_row (ImpactEditorPane *self,
               GtkWidget        *parent,
               const char       *title,
               const char       *key,
               FieldKind         kind,
               gpointer          target,
               const char       *value,
               gboolean          rich)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *message = gtk_label_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  Field *field = field_new (self, key, kind, target);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  if (rich)
    {
      /* Translators: %s is a field name; the rest explains the emphasis markup */
      g_autofree char *hint = g_strdup_printf (_("%s · **bold**, *italic*"), title);
      gtk_label_set_text (GTK_LABEL (label), hint);
    }
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
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), view);
  gtk_box_append (GTK_BOX (box), message);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "message-label", message);

  field->rich = rich;
  /* the caption above is not its label for a screen reader */
  impact_accessible_set_label (view, title);
  register_field (self, field, view, row);
  g_signal_connect (buffer, "changed", G_CALLBACK (buffer_changed_cb), field);
  if (rich && !rich_text_balanced (value))
    set_message (self, field, _("An * or ** is not closed: it is printed as typed; write \\* for an asterisk"), FALSE);
  if (ADW_IS_PREFERENCES_GROUP (parent))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), row);
  else
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), row);
  return row;
}

static GtkWidget *
add_row (GtkWidget *parent,
         GtkWidget *row)
{
  if (ADW_IS_PREFERENCES_GROUP (parent))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), row);
  else
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), row);
  return row;
}

static GtkWidget *
spin_row (ImpactEditorPane *self,
          GtkWidget        *parent,
          const char       *title,
          const char       *key,
          FieldKind         kind,
          gpointer          target,
          double            min,
          double            max,
          guint             digits)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, digits_step (digits));
  Field *field = field_new (self, key, kind, target);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_editable_set_enable_undo (GTK_EDITABLE (spin), FALSE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin),
                             kind == FIELD_DOUBLE ? *(double *) target :
                             kind == FIELD_BASE ? (double) *(gint64 *) target : *(guint *) target);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (spin, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  impact_accessible_set_label (spin, title);
  register_field (self, field, spin, row);
  g_signal_connect (spin, "value-changed", G_CALLBACK (spin_changed_cb), field);
  return add_row (parent, row);
}

static GtkWidget *
switch_row (ImpactEditorPane *self,
            GtkWidget        *parent,
            const char       *title,
            const char       *subtitle,
            const char       *key,
            gboolean         *target)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();
  Field *field = field_new (self, key, FIELD_BOOLEAN, target);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_switch_set_active (GTK_SWITCH (sw), *target);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  impact_accessible_set_label (sw, title);
  register_field (self, field, sw, NULL);
  g_signal_connect (sw, "notify::active", G_CALLBACK (switch_changed_cb), field);
  return add_row (parent, row);
}

static GtkWidget *
colour_row (ImpactEditorPane *self,
            GtkWidget        *parent,
            const char       *title,
            const char       *key,
            char            **target,
            const char       *fallback)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_color_button_new ();
  Field *field = field_new (self, key, FIELD_COLOUR, target);
  GdkRGBA rgba;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (!gdk_rgba_parse (&rgba, *target ? *target : fallback))
    gdk_rgba_parse (&rgba, fallback);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (button), FALSE);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (button), title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  impact_accessible_set_label (button, title);
  /* the button inside is what takes the focus */
  if (gtk_widget_get_first_child (button) != NULL)
    impact_accessible_set_label (gtk_widget_get_first_child (button), title);
  register_field (self, field, button, row);
  g_signal_connect (button, "notify::rgba", G_CALLBACK (colour_changed_cb), field);
  return add_row (parent, row);
}

/* A drop-down among @ids (shown as @labels) for @field, at @value */
static GtkWidget *
combo_field_row (ImpactEditorPane   *self,
                 GtkWidget          *parent,
                 const char         *title,
                 Field              *field,
                 const char         *value,
                 const char * const *ids,
                 const char * const *labels)
{
  GtkWidget *row = adw_combo_row_new ();
  GtkStringList *model = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      gtk_string_list_append (model, labels[i]);
      if (g_strcmp0 (ids[i], value) == 0 || (ids[i][0] == '\0' && value == NULL))
        selected = i;
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data (G_OBJECT (row), "ids", (gpointer) ids);
  g_object_unref (model);
  register_field (self, field, row, row);
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_changed_cb), field);
  return add_row (parent, row);
}

static GtkWidget *
choice_row (ImpactEditorPane   *self,
            GtkWidget          *parent,
            const char         *title,
            const char         *key,
            FieldKind           kind,
            char              **target,
            const char * const *ids,
            const char * const *labels)
{
  return combo_field_row (self, parent, title, field_new (self, key, kind, target), *target, ids, labels);
}

/* A choice for a document member set through @setter ("" = left out of
 * the data) */
static GtkWidget *
doc_choice_row (ImpactEditorPane   *self,
                GtkWidget          *parent,
                const char         *title,
                const char         *key,
                DocSetter           setter,
                const char         *value,
                const char * const *ids,
                const char * const *labels)
{
  Field *field = field_new (self, key, FIELD_DOC_STRING, NULL);

  field->setter = setter;
  return combo_field_row (self, parent, title, field, value, ids, labels);
}

static const char * const icon_ids[] = {
  "", "check", "scales", "heart", "pillar", "people", "shield", "book", "home", "star", "globe", NULL
};

static const char * const *
icon_labels (void)
{
  static const char *labels[G_N_ELEMENTS (icon_ids)];

  if (labels[0] == NULL)
    {
      labels[0] = _("None");
      labels[1] = _("Check mark");
      labels[2] = _("Scales");
      labels[3] = _("Heart");
      labels[4] = _("Pillar");
      labels[5] = _("People");
      labels[6] = _("Shield");
      labels[7] = _("Book");
      labels[8] = _("Home");
      labels[9] = _("Star");
      labels[10] = _("Globe");
    }
  return labels;
}

static GtkWidget *
icon_row (ImpactEditorPane *self,
          GtkWidget        *parent,
          const char       *key,
          char            **target)
{
  return choice_row (self, parent, _("Icon"), key, FIELD_ICON, target, icon_ids, icon_labels ());
}

static void
date_row (ImpactEditorPane *self,
          GtkWidget        *parent,
          const char       *title,
          const char       *key,
          FieldKind         kind,
          ImpactDate       *date)
{
  g_autofree char *iso = impact_date_is_valid (date) ? impact_date_to_iso (date) : NULL;
  GtkWidget *row = entry_row (self, parent, title, key, kind, date, iso);

  gtk_editable_set_max_width_chars (GTK_EDITABLE (row), 10);
  gtk_widget_set_tooltip_text (row, _("YYYY, YYYY-MM or YYYY-MM-DD"));
}

static void
source_rows (ImpactEditorPane *self,
             GtkWidget        *parent,
             const char       *key,
             ImpactSource    **source)
{
  g_autofree char *title_key = g_strconcat (key, ".source.title", NULL);
  g_autofree char *url_key = g_strconcat (key, ".source.url", NULL);

  entry_row (self, parent, _("Source"), title_key, FIELD_SOURCE_TITLE, source,
             *source ? (*source)->title : NULL);
  entry_row (self, parent, _("Source Address"), url_key, FIELD_SOURCE_URL, source,
             *source ? (*source)->url : NULL);
}

/* Images */

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
          begin_edit (self, key);
          g_free (*image->target);
          *image->target = impact_editor_image_path (impact_document_get_file (self->document), chosen);
          emit_edited (self, key);
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
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
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
  begin_edit (image->pane, image->key);
  g_clear_pointer (image->target, g_free);
  emit_edited (image->pane, image->key);
  impact_editor_pane_rebuild (image->pane);
}

static void
image_row (ImpactEditorPane *self,
           GtkWidget        *parent,
           const char       *title,
           const char       *key,
           char            **target)
{
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
  add_row (parent, row);
}

/* Lists */

typedef struct
{
  ImpactEditorPane *pane;
  ImpactList        list;
  guint             index;
} ItemRef;

static void
structure_changed (ImpactEditorPane *self)
{
  emit_edited (self, NULL);
  impact_editor_pane_rebuild (self);
}

/* For follow_item(): the item's first text field */
#define FIRST_FIELD "(first field)"

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

static void
focus_followed_item (ImpactEditorPane *self)
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
  if (g_strcmp0 (self->focus_name, FIRST_FIELD) == 0)
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
  begin_edit (ref->pane, NULL);
  follow_item (ref->pane, ref->list, ref->index, delta < 0 ? "move-up" : "move-down");
  ref->pane->focus_index = (guint) to;
  impact_document_move_item (ref->pane->document, ref->list, ref->index, (guint) to);
  structure_changed (ref->pane);
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
  begin_edit (ref->pane, NULL);
  /* the copy, just after the original, is what one goes on with */
  follow_item (ref->pane, ref->list, ref->index, "duplicate");
  ref->pane->focus_index = ref->index + 1;
  impact_document_duplicate_item (ref->pane->document, ref->list, ref->index);
  structure_changed (ref->pane);
}

static void
remove_clicked_cb (GtkButton *button,
                   ItemRef   *ref)
{
  begin_edit (ref->pane, NULL);
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
  structure_changed (ref->pane);
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
  begin_edit (ref->pane, NULL);
  follow_item (ref->pane, ref->list, from, NULL);
  ref->pane->focus_index = ref->index;
  impact_document_move_item (ref->pane->document, ref->list, from, ref->index);
  structure_changed (ref->pane);
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

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), short_title ? short_title : _("Untitled"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), short_subtitle ? short_subtitle : "");
}

static void
refresh_item_summary (ImpactEditorPane *self,
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
item_row (ImpactEditorPane *self,
          GtkWidget        *group,
          ImpactList        list,
          guint             index)
{
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
  ref->list = list;
  ref->index = index;
  g_object_set_data_full (G_OBJECT (row), "item-ref", ref, g_free);

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

  begin_edit (self, NULL);
  impact_document_insert_item (self->document, list, -1);
  /* Open the new item, with the focus in it */
  self->focus_pending = TRUE;
  self->focus_list = list;
  self->focus_index = items->len - 1;
  g_clear_pointer (&self->focus_name, g_free);
  self->focus_expand = TRUE;
  /* its first field: ready to type into */
  self->focus_name = g_strdup (FIRST_FIELD);
  structure_changed (self);
}

static GtkWidget *
list_group (ImpactEditorPane *self,
            const char       *title,
            const char       *description,
            ImpactList        list,
            const char       *add_label,
            const char       *add_name)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  AddRef *ref = g_new0 (AddRef, 1);

  ref->pane = self;
  ref->list = list;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), add_label);
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

static GtkWidget *
group_new (ImpactEditorPane *self,
           const char       *title,
           const char       *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (self->content), group);
  return group;
}

/* Sections */

static void
statistic_message (ImpactEditorPane *self,
                   guint             index)
{
  ImpactStatistic *stat = g_ptr_array_index (impact_document_get_statistics (self->document), index);
  g_autofree char *key = g_strdup_printf ("statistics.%u.value", index);
  GtkWidget *widget = g_hash_table_lookup (self->fields, key);
  Field *field = widget ? g_object_get_data (G_OBJECT (widget), "impact-field") : NULL;
  g_autofree char *message = NULL;
  gboolean warn = FALSE;

  if (field == NULL)
    return;
  if (stat->derive_metric != NULL)
    {
      gint64 sum = impact_document_compute_derived (self->document, stat);

      if (!stat->value_fixed)
        /* Translators: %s is a metric name such as "rescued" */
        message = g_strdup_printf (_("Follows the milestones: the sum of “%s”"), stat->derive_metric);
      else if (stat->value != (double) sum)
        {
          g_autofree char *total = g_strdup_printf ("%" G_GINT64_FORMAT, sum);

          /* Translators: %s is a whole number */
          message = g_strdup_printf (_("The milestones add up to %s"), total);
          warn = TRUE;
        }
      gtk_widget_set_sensitive (widget, stat->value_fixed);
      if (!stat->value_fixed)
        {
          gboolean was = self->building;

          self->building = TRUE;
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), stat->value);
          self->building = was;
        }
    }
  else
    gtk_widget_set_sensitive (widget, TRUE);

  if (warn)
    set_message (self, field, message, FALSE);
  else
    {
      set_message (self, field, NULL, FALSE);
      if (message && field->row)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), message);
    }
}

static void
fill_statistic (ImpactEditorPane *self,
                GtkWidget        *row,
                guint             i)
{
  ImpactStatistic *stat = g_ptr_array_index (impact_document_get_statistics (self->document), i);
  char key[64];

#define KEY(name) (g_snprintf (key, sizeof key, "statistics.%u." name, i), key)
  spin_row (self, row, _("Value"), KEY ("value"), FIELD_DOUBLE, &stat->value, -1e15, 1e15,
            MIN (stat->decimals, 6));
  spin_row (self, row, _("Decimals"), KEY ("decimals"), FIELD_DECIMALS, &stat->decimals, 0, 6, 0);
  entry_row (self, row, _("Label"), KEY ("label"), FIELD_REQUIRED, &stat->label, stat->label);
  string_row (self, row, _("Prefix"), KEY ("prefix"), &stat->prefix);
  string_row (self, row, _("Qualifier"), KEY ("qualifier"), &stat->qualifier);
  string_row (self, row, _("Scale"), KEY ("scale"), &stat->scale);
  string_row (self, row, _("Suffix"), KEY ("suffix"), &stat->suffix);
  icon_row (self, row, KEY ("icon"), &stat->icon);
  source_rows (self, row, (g_snprintf (key, sizeof key, "statistics.%u", i), key), &stat->source);
  entry_row (self, row, _("Sum of Milestone Count"), KEY ("derive.metric"), FIELD_DERIVE_METRIC, stat,
             stat->derive_metric);
  date_row (self, row, _("Counting Since"), KEY ("derive.since"), FIELD_OPTIONAL_DATE, &stat->derive_since);
  spin_row (self, row, _("Plus Cases Not Logged as Milestones"), KEY ("derive.base"), FIELD_BASE,
            &stat->derive_base, 0, 1e15, 0);
#undef KEY
  statistic_message (self, i);
}

static void
fill_fact (ImpactEditorPane *self,
           GtkWidget        *row,
           guint             i)
{
  ImpactFact *fact = g_ptr_array_index (impact_document_get_facts (self->document), i);
  char key[64];

  g_snprintf (key, sizeof key, "facts.%u.text", i);
  text_view_row (self, row, _("Text"), key, FIELD_REQUIRED, &fact->text, fact->text, TRUE);
  g_snprintf (key, sizeof key, "facts.%u", i);
  source_rows (self, row, key, &fact->source);
}

static void
fill_pillar (ImpactEditorPane *self,
             GtkWidget        *row,
             guint             i)
{
  ImpactPillar *pillar = g_ptr_array_index (impact_document_get_pillars (self->document), i);
  char key[64];

  g_snprintf (key, sizeof key, "approach.%u.lead", i);
  entry_row (self, row, _("Lead"), key, FIELD_REQUIRED, &pillar->lead, pillar->lead);
  g_snprintf (key, sizeof key, "approach.%u.text", i);
  text_view_row (self, row, _("Text"), key, FIELD_REQUIRED, &pillar->text, pillar->text, TRUE);
  g_snprintf (key, sizeof key, "approach.%u.icon", i);
  icon_row (self, row, key, &pillar->icon);
}

static void
fill_milestone (ImpactEditorPane *self,
                GtkWidget        *row,
                guint             i)
{
  ImpactMilestone *milestone = g_ptr_array_index (impact_document_get_milestones (self->document), i);
  g_autofree char *metrics = impact_editor_format_metrics (milestone->metrics);
  char key[64];

  g_snprintf (key, sizeof key, "milestones.%u.date", i);
  date_row (self, row, _("Date"), key, FIELD_DATE, &milestone->date);
  g_snprintf (key, sizeof key, "milestones.%u.title", i);
  entry_row (self, row, _("Title"), key, FIELD_REQUIRED, &milestone->title, milestone->title);
  g_snprintf (key, sizeof key, "milestones.%u.description", i);
  text_view_row (self, row, _("Description"), key, FIELD_STRING, &milestone->description,
                 milestone->description, TRUE);
  g_snprintf (key, sizeof key, "milestones.%u.category", i);
  string_row (self, row, _("Category"), key, &milestone->category);
  g_snprintf (key, sizeof key, "milestones.%u.metrics", i);
  entry_row (self, row, _("Counts (rescued: 2, arrested: 3)"), key, FIELD_METRICS, milestone->metrics, metrics);
  g_snprintf (key, sizeof key, "milestones.%u.highlight", i);
  switch_row (self, row, _("Highlight"), _("Kept first when the timeline is full"), key, &milestone->highlight);
}

static void
fill_era (ImpactEditorPane *self,
          GtkWidget        *row,
          guint             i)
{
  ImpactEra *era = g_ptr_array_index (impact_document_get_eras (self->document), i);
  char key[64];

  g_snprintf (key, sizeof key, "eras.%u.start", i);
  date_row (self, row, _("Start"), key, FIELD_DATE, &era->start);
  g_snprintf (key, sizeof key, "eras.%u.end", i);
  date_row (self, row, _("End"), key, FIELD_DATE, &era->end);
  g_snprintf (key, sizeof key, "eras.%u.title", i);
  entry_row (self, row, _("Title"), key, FIELD_REQUIRED, &era->title, era->title);
  g_snprintf (key, sizeof key, "eras.%u.category", i);
  string_row (self, row, _("Category"), key, &era->category);
}

/* The rows inside an item are made when it is first opened (or one of its
 * fields is asked for): a long case log costs one row per item. */
static void
fill_item (ImpactEditorPane *self,
           GtkWidget        *row)
{
  ItemRef *ref = g_object_get_data (G_OBJECT (row), "item-ref");
  gboolean was_building = self->building;

  if (ref == NULL || g_object_get_data (G_OBJECT (row), "filled") != NULL)
    return;
  g_object_set_data (G_OBJECT (row), "filled", GINT_TO_POINTER (TRUE));

  self->building = TRUE;
  switch (ref->list)
    {
    case IMPACT_LIST_STATISTICS: fill_statistic (self, row, ref->index); break;
    case IMPACT_LIST_FACTS:      fill_fact (self, row, ref->index); break;
    case IMPACT_LIST_PILLARS:    fill_pillar (self, row, ref->index); break;
    case IMPACT_LIST_MILESTONES: fill_milestone (self, row, ref->index); break;
    case IMPACT_LIST_ERAS:       fill_era (self, row, ref->index); break;
    default:                     g_assert_not_reached ();
    }
  self->building = was_building;
}

static void
item_expanded_cb (AdwExpanderRow   *row,
                  GParamSpec       *pspec,
                  ImpactEditorPane *self)
{
  if (adw_expander_row_get_expanded (row))
    fill_item (self, GTK_WIDGET (row));
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

static void
build_statistics (ImpactEditorPane *self)
{
  GPtrArray *items = impact_document_get_statistics (self->document);
  GtkWidget *group = list_group (self, _("Statistics"), _("The big numbers near the top of the sheet"),
                                 IMPACT_LIST_STATISTICS, _("_Add"),
                                 _("Add Statistic"));
  guint n = list_limit (group, items->len, _("statistics"));

  gtk_box_append (GTK_BOX (self->content), group);
  doc_row (self, group, _("Heading"), "statistics_heading", impact_document_set_statistics_heading,
           impact_document_get_statistics_heading (self->document));
  for (guint i = 0; i < n; i++)
    item_row (self, group, IMPACT_LIST_STATISTICS, i);
  list_finish (group);
}

static void
build_facts (ImpactEditorPane *self)
{
  GPtrArray *items = impact_document_get_facts (self->document);
  GtkWidget *group = list_group (self, _("Facts"), NULL, IMPACT_LIST_FACTS, _("_Add"),
                                 _("Add Fact"));
  guint n = list_limit (group, items->len, _("facts"));

  gtk_box_append (GTK_BOX (self->content), group);
  doc_row (self, group, _("Heading"), "facts_heading", impact_document_set_facts_heading,
           impact_document_get_facts_heading (self->document));
  for (guint i = 0; i < n; i++)
    item_row (self, group, IMPACT_LIST_FACTS, i);
  list_finish (group);
}

static void
build_pillars (ImpactEditorPane *self)
{
  GPtrArray *items = impact_document_get_pillars (self->document);
  GtkWidget *group = list_group (self, _("Approach"), _("How the office works, one pillar each"),
                                 IMPACT_LIST_PILLARS, _("_Add"),
                                 _("Add Pillar"));
  guint n = list_limit (group, items->len, _("pillars"));

  gtk_box_append (GTK_BOX (self->content), group);
  doc_row (self, group, _("Heading"), "approach_heading", impact_document_set_approach_heading,
           impact_document_get_approach_heading (self->document));
  for (guint i = 0; i < n; i++)
    item_row (self, group, IMPACT_LIST_PILLARS, i);
  list_finish (group);
}

static void
build_milestones (ImpactEditorPane *self)
{
  GPtrArray *items = impact_document_get_milestones (self->document);
  GtkWidget *group = list_group (self, _("Milestones"), _("Dated events; the sheet sorts them by date"),
                                 IMPACT_LIST_MILESTONES, _("_Add"),
                                 _("Add Milestone"));
  guint n = list_limit (group, items->len, _("milestones"));

  gtk_box_append (GTK_BOX (self->content), group);
  doc_row (self, group, _("Heading"), "milestones_heading", impact_document_set_milestones_heading,
           impact_document_get_milestones_heading (self->document));
  for (guint i = 0; i < n; i++)
    item_row (self, group, IMPACT_LIST_MILESTONES, i);
  list_finish (group);
}

static void
build_eras (ImpactEditorPane *self)
{
  GPtrArray *items = impact_document_get_eras (self->document);
  GtkWidget *group = list_group (self, _("Eras"), _("Spans of time on the timeline"),
                                 IMPACT_LIST_ERAS, _("_Add"),
                                 _("Add Era"));
  guint n = list_limit (group, items->len, _("eras"));

  gtk_box_append (GTK_BOX (self->content), group);
  for (guint i = 0; i < n; i++)
    item_row (self, group, IMPACT_LIST_ERAS, i);
  list_finish (group);
}

static void
ensure_quote_clicked_cb (GtkButton        *button,
                         ImpactEditorPane *self)
{
  ImpactQuote *quote;

  begin_edit (self, NULL);
  quote = impact_quote_new ();

  quote->text = g_strdup (_("A few words from someone the office has served."));
  impact_document_take_quote (self->document, quote);
  structure_changed (self);
}

static void
ensure_profile_clicked_cb (GtkButton        *button,
                           ImpactEditorPane *self)
{
  ImpactProfile *profile;

  begin_edit (self, NULL);
  profile = impact_profile_new ();

  profile->name = g_strdup (_("Name of a staff member"));
  impact_document_take_profile (self->document, profile);
  structure_changed (self);
}

static void
drop_quote_clicked_cb (GtkButton        *button,
                       ImpactEditorPane *self)
{
  begin_edit (self, NULL);
  impact_document_take_quote (self->document, NULL);
  structure_changed (self);
}

static void
drop_profile_clicked_cb (GtkButton        *button,
                         ImpactEditorPane *self)
{
  begin_edit (self, NULL);
  impact_document_take_profile (self->document, NULL);
  structure_changed (self);
}

static void
section_toggle (GtkWidget        *group,
                ImpactEditorPane *self,
                gboolean          present,
                GCallback         add_cb,
                GCallback         remove_cb)
{
  GtkWidget *button = gtk_button_new_from_icon_name (present ? "user-trash-symbolic" : "list-add-symbolic");

  gtk_widget_set_tooltip_text (button, present ? _("Remove This Section") : _("Add This Section"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  present ? _("Remove This Section") : _("Add This Section"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", present ? remove_cb : add_cb, self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
}

static void
build (ImpactEditorPane *self)
{
  ImpactDocument *doc = self->document;
  ImpactOrganisation *org;
  ImpactThemeSpec *theme;
  ImpactProblem *problem;
  ImpactQuote *quote;
  ImpactProfile *profile;
  ImpactFooter *footer;
  GtkWidget *group;
  static const char * const template_ids[] = { "classic", "bold", NULL };
  const char *template_labels[] = { _("Classic"), _("Bold"), NULL };

  self->building = TRUE;
  if (self->content != NULL)
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), NULL);
  g_hash_table_remove_all (self->fields);
  g_hash_table_remove_all (self->messages);
  g_hash_table_remove_all (self->errors);
  g_hash_table_remove_all (self->item_rows);

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_start (self->content, 12);
  gtk_widget_set_margin_end (self->content, 12);
  gtk_widget_set_margin_top (self->content, 18);
  gtk_widget_set_margin_bottom (self->content, 24);
  {
    GtkWidget *clamp = adw_clamp_new ();

    adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
    adw_clamp_set_child (ADW_CLAMP (clamp), self->content);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  }

  if (doc == NULL)
    {
      self->building = FALSE;
      return;
    }

  group = group_new (self, _("Sheet"), NULL);
  doc_row (self, group, _("Office"), "office", impact_document_set_office, impact_document_get_office (doc));
  if (impact_document_get_office (doc) == NULL)
    {
      Field *field = g_object_get_data (g_hash_table_lookup (self->fields, "office"), "impact-field");

      set_message (self, field, _("required"), TRUE);
    }
  doc_row (self, group, _("Title"), "title", impact_document_set_title, impact_document_get_title (doc));
  doc_row (self, group, _("Subtitle"), "subtitle", impact_document_set_subtitle, impact_document_get_subtitle (doc));
  doc_row (self, group, _("Language (BCP 47, e.g. en)"), "language", impact_document_set_language,
           impact_document_get_language (doc));

  org = impact_document_get_organisation (doc);
  group = group_new (self, _("Organisation"), NULL);
  entry_row (self, group, _("Name"), "organisation.name", FIELD_REQUIRED, &org->name, org->name);
  string_row (self, group, _("Short Name"), "organisation.short_name", &org->short_name);
  string_row (self, group, _("Website"), "organisation.website", &org->website);
  {
    g_autofree char *address = org->address ? g_strjoinv ("\n", org->address) : NULL;

    text_view_row (self, group, _("Address, one line each"), "organisation.address", FIELD_LINES,
                   &org->address, address, FALSE);
  }
  string_row (self, group, _("Phone"), "organisation.phone", &org->phone);
  string_row (self, group, _("Fax"), "organisation.fax", &org->fax);
  string_row (self, group, _("Email"), "organisation.email", &org->email);
  image_row (self, group, _("Logo"), "organisation.logo", &org->logo);
  string_row (self, group, _("Logo Description"), "organisation.logo_alt", &org->logo_alt);

  theme = impact_document_get_theme_spec (doc);
  group = group_new (self, _("Design"), NULL);
  choice_row (self, group, _("Template"), "theme.template", FIELD_TEMPLATE, &theme->template_name,
              template_ids, template_labels);
  {
    static const char * const pages_ids[] = { "", "auto", "1", NULL };
    const char *pages_labels[] = { _("Two (front and back)"), _("One when everything fits"),
                                   _("One"), NULL };

    doc_choice_row (self, group, _("Pages"), "pages", impact_document_set_pages,
                    impact_document_get_pages (doc), pages_ids, pages_labels);
  }
  colour_row (self, group, _("Primary Colour"), "theme.primary", &theme->primary, "#1b365d");
  colour_row (self, group, _("Accent Colour"), "theme.accent", &theme->accent, "#d9822b");
  colour_row (self, group, _("Text Colour"), "theme.text", &theme->text, "#1f2933");
  colour_row (self, group, _("Background Colour"), "theme.background", &theme->background, "#ffffff");
  string_row (self, group, _("Heading Font"), "theme.heading_font", &theme->heading_font);
  string_row (self, group, _("Body Font"), "theme.body_font", &theme->body_font);

  problem = impact_document_get_problem (doc);
  group = group_new (self, _("Problem"), NULL);
  string_row (self, group, _("Kicker"), "problem.kicker", &problem->kicker);
  string_row (self, group, _("Heading"), "problem.heading", &problem->heading);
  text_view_row (self, group, _("Body"), "problem.body", FIELD_STRING, &problem->body, problem->body, TRUE);

  build_statistics (self);
  build_facts (self);

  quote = impact_document_get_quote (doc);
  group = group_new (self, _("Quote"), NULL);
  section_toggle (group, self, quote != NULL, G_CALLBACK (ensure_quote_clicked_cb), G_CALLBACK (drop_quote_clicked_cb));
  if (quote != NULL)
    {
      text_view_row (self, group, _("Quotation"), "quote.text", FIELD_REQUIRED, &quote->text, quote->text, FALSE);
      string_row (self, group, _("Attribution"), "quote.attribution", &quote->attribution);
      string_row (self, group, _("Role"), "quote.role", &quote->role);
      switch_row (self, group, _("Pseudonym"), _("Marks the name with an asterisk"), "quote.pseudonym",
                  &quote->pseudonym);
    }

  build_pillars (self);
  build_milestones (self);
  build_eras (self);

  profile = impact_document_get_profile (doc);
  group = group_new (self, _("Profile"), NULL);
  section_toggle (group, self, profile != NULL, G_CALLBACK (ensure_profile_clicked_cb), G_CALLBACK (drop_profile_clicked_cb));
  if (profile != NULL)
    {
      entry_row (self, group, _("Name"), "profile.name", FIELD_REQUIRED, &profile->name, profile->name);
      string_row (self, group, _("Role"), "profile.role", &profile->role);
      text_view_row (self, group, _("Biography"), "profile.biography", FIELD_STRING, &profile->biography,
                     profile->biography, TRUE);
      image_row (self, group, _("Photo"), "profile.photo", &profile->photo);
      string_row (self, group, _("Photo Description"), "profile.photo_alt", &profile->photo_alt);
    }

  footer = impact_document_get_footer (doc);
  group = group_new (self, _("Footer"), NULL);
  text_view_row (self, group, _("About"), "footer.about", FIELD_STRING, &footer->about, footer->about, TRUE);
  string_row (self, group, _("Disclaimer"), "footer.disclaimer", &footer->disclaimer);
  string_row (self, group, _("Copyright"), "footer.copyright", &footer->copyright);

  self->building = FALSE;
}

/* GObject overrides */

static void
impact_editor_pane_dispose (GObject *object)
{
  ImpactEditorPane *self = IMPACT_EDITOR_PANE (object);

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  g_clear_pointer (&self->focus_name, g_free);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
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
}

static void
impact_editor_pane_init (ImpactEditorPane *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->item_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
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
      Field *field = g_object_get_data (G_OBJECT (focus), "impact-field");

      if (field != NULL)
        return g_strdup (field->key);
    }
  return NULL;
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  ImpactEditorPane *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  double value = gtk_adjustment_get_value (adjustment);
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
  focus_followed_item (self);
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
    statistic_message (self, i);
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

  /* A field of a list item that was not opened yet: make its rows */
  {
    ImpactList list;
    guint index;
    GtkWidget *row;

    if (!parse_item_key (key, &list, &index))
      return NULL;
    if ((row = impact_editor_pane_get_item_row (self, list, index)) != NULL)
      fill_item (self, row);
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
      if (!parse_item_key (key, &list, &index))
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
        Field *field = widget ? g_object_get_data (G_OBJECT (widget), "impact-field") : NULL;

        if (field != NULL)
          update_message (self, field);
      }
  }
}
