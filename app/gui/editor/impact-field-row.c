/* impact-field-row.c: one editing row, bound to where its value lives
 *
 * A row is made from a field descriptor of the section table (its kind
 * picks the control: entry, text, spin button, switch, colour button,
 * drop-down, date, image, font, icon). Its widget carries an ImpactEditorField that
 * points at the value in the document's structs; the structs only move
 * when the structure changes, and then the pane is rebuilt, so the
 * pointers stay valid. Each change is checked, written and announced with
 * the pane's ::begin-edit and ::edited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-editor-pane"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "impact-accessible.h"
#include "impact-editor-pane-private.h"

/* Pure helpers: the counts of a milestone as typed */

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

/* Fields */

static void
field_free (gpointer data)
{
  ImpactEditorField *field = data;

  g_free (field->key);
  g_free (field);
}

ImpactEditorField *
impact_field_row_new_field (ImpactEditorPane      *self,
                            const ImpactFieldInfo *info,
                            const char            *key,
                            gpointer               record)
{
  ImpactEditorField *field = g_new0 (ImpactEditorField, 1);

  field->pane = self;
  field->info = info;
  field->key = g_strdup (key);
  field->record = record;
  if (info->value == IMPACT_VALUE_DERIVE_METRIC)
    field->target = record;
  else if (info->value != IMPACT_VALUE_DOCUMENT)
    field->target = impact_field_member (info, record);
  return field;
}

ImpactEditorField *
impact_field_row_lookup (ImpactEditorPane *self,
                         const char       *key)
{
  GtkWidget *widget = g_hash_table_lookup (self->fields, key);

  return widget ? g_object_get_data (G_OBJECT (widget), "impact-field") : NULL;
}

/* Shows @message (or none) next to the field's value */
static void
show_message (ImpactEditorField *field,
              const char        *message,
              gboolean           is_error)
{
  GtkWidget *row = field->row;

  if (row == NULL)
    return;
  /* without a message, the row's own hint (if any) */
  gtk_widget_set_tooltip_text (row, message ? message : g_object_get_data (G_OBJECT (row), "base-tooltip"));
  if (message != NULL)
    gtk_widget_add_css_class (row, is_error ? "error" : "warning");
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_remove_css_class (row, "warning");
    }
  if (ADW_IS_ACTION_ROW (row))
    {
      /* The message stands under the title, next to the value; without
       * one, the row's own subtitle (if any) */
      const char *base = g_object_get_data (G_OBJECT (row), "base-subtitle");

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message ? message : base ? base : "");
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
          gtk_widget_add_css_class (label, is_error ? "error" : "warning");
          gtk_widget_remove_css_class (label, is_error ? "warning" : "error");
        }
    }
}

/* The field's own check comes first; else what the loader or the layout
 * said about it (an overflow, an unknown icon) */
void
impact_field_row_update_message (ImpactEditorPane  *self,
                                 ImpactEditorField *field)
{
  const char *own = g_hash_table_lookup (self->messages, field->key);
  const char *note = g_hash_table_lookup (self->notes, field->key);

  if (own != NULL)
    show_message (field, own, g_hash_table_contains (self->errors, field->key));
  else
    show_message (field, note, FALSE);
}

void
impact_field_row_set_message (ImpactEditorPane  *self,
                              ImpactEditorField *field,
                              const char        *message,
                              gboolean           is_error)
{
  if (message != NULL)
    g_hash_table_replace (self->messages, g_strdup (field->key), g_strdup (message));
  else
    g_hash_table_remove (self->messages, field->key);
  if (message != NULL && is_error)
    g_hash_table_add (self->errors, g_strdup (field->key));
  else
    g_hash_table_remove (self->errors, field->key);
  impact_field_row_update_message (self, field);
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

static gboolean
apply_metrics (GArray      *metrics,
               const char  *text,
               char       **message)
{
  g_autoptr(GArray) parsed = g_array_new (FALSE, TRUE, sizeof (ImpactMetric));

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

static void
apply_lines (char       ***lines,
             const char   *text)
{
  g_auto(GStrv) split = g_strsplit (text ? text : "", "\n", -1);
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; split[i] != NULL; i++)
    if (*g_strstrip (split[i]) != '\0')
      g_ptr_array_add (kept, g_strdup (split[i]));
  g_ptr_array_add (kept, NULL);
  g_strfreev (*lines);
  *lines = (char **) g_ptr_array_free (kept, FALSE);
}

static void
apply_source (ImpactEditorField  *field,
              const char         *text,
              char              **message)
{
  ImpactSource **source = field->target;
  gboolean is_url = field->info->value == IMPACT_VALUE_SOURCE_URL;

  if (*source == NULL)
    *source = impact_source_new (NULL, NULL);
  replace_string (is_url ? &(*source)->url : &(*source)->title, text, FALSE);
  if ((*source)->title == NULL && (*source)->url == NULL)
    g_clear_pointer (source, impact_source_free);
  else if ((*source)->title == NULL)
    *message = g_strdup (_("a source needs a title"));
  if (is_url && text && *text &&
      !g_str_has_prefix (text, "http://") && !g_str_has_prefix (text, "https://"))
    *message = g_strdup (_("start with https://"));
}

/* Applies @text to the field; returns FALSE (with @message) when invalid. */
static gboolean
apply_text (ImpactEditorField  *field,
            const char         *text,
            char              **message)
{
  ImpactEditorPane *self = field->pane;
  const ImpactFieldInfo *info = field->info;
  gboolean required = (info->flags & IMPACT_FIELD_REQUIRED) != 0;

  switch (info->value)
    {
    case IMPACT_VALUE_STRING:
      replace_string (field->target, text, required);
      if (required && is_blank (text))
        *message = g_strdup (_("required"));
      return TRUE;

    case IMPACT_VALUE_DOCUMENT:
      info->set (self->document, text && *text ? text : NULL);
      if (required && is_blank (text))
        *message = g_strdup (_("required"));
      return TRUE;

    case IMPACT_VALUE_DATE:
      {
        ImpactDate date = { 0 };

        if ((info->flags & IMPACT_FIELD_OPTIONAL) && (text == NULL || *text == '\0'))
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

    case IMPACT_VALUE_METRICS:
      return apply_metrics (*(GArray **) field->target, text, message);

    case IMPACT_VALUE_LINES:
      apply_lines (field->target, text);
      return TRUE;

    case IMPACT_VALUE_SOURCE_TITLE:
    case IMPACT_VALUE_SOURCE_URL:
      apply_source (field, text, message);
      return TRUE;

    case IMPACT_VALUE_DERIVE_METRIC:
      {
        ImpactStatistic *stat = field->target;

        replace_string (&stat->derive_metric, text, FALSE);
        if (stat->derive_metric != NULL)
          stat->value = (double) impact_document_compute_derived (self->document, stat);
        stat->value_fixed = FALSE;
        return TRUE;
      }

    case IMPACT_VALUE_DOUBLE:
    case IMPACT_VALUE_UINT:
    case IMPACT_VALUE_INT64:
    case IMPACT_VALUE_BOOLEAN:
    default:
      g_return_val_if_reached (FALSE);
    }
}

void
impact_field_row_text_changed (ImpactEditorField *field,
                               const char        *text)
{
  ImpactEditorPane *self = field->pane;
  g_autofree char *message = NULL;
  gboolean ok;

  if (self->building || self->document == NULL)
    return;
  impact_editor_pane_begin_edit (self, field->key);
  ok = apply_text (field, text, &message);
  if (ok && message == NULL && (field->info->flags & IMPACT_FIELD_RICH) && !impact_rich_text_balanced (text))
    impact_field_row_set_message (self, field, _("An * or ** is not closed: it is printed as typed; write \\* for an asterisk"), FALSE);
  else
    impact_field_row_set_message (self, field, message, TRUE);
  if (ok)
    impact_editor_pane_emit_edited (self, field->key);
}

static void
editable_changed_cb (GtkEditable       *editable,
                     ImpactEditorField *field)
{
  impact_field_row_text_changed (field, gtk_editable_get_text (editable));
}

double
impact_field_row_digits_step (guint digits)
{
  double step = 1.0;

  while (digits-- > 0)
    step /= 10.0;
  return step;
}

static void
spin_changed_cb (GtkSpinButton     *spin,
                 ImpactEditorField *field)
{
  ImpactEditorPane *self = field->pane;

  if (self->building || self->document == NULL)
    return;
  impact_editor_pane_begin_edit (self, field->key);
  switch (field->info->value)
    {
    case IMPACT_VALUE_DOUBLE:
      *(double *) field->target = gtk_spin_button_get_value (spin);
      break;
    case IMPACT_VALUE_INT64:
      *(gint64 *) field->target = (gint64) gtk_spin_button_get_value (spin);
      break;
    default:
      *(guint *) field->target = (guint) gtk_spin_button_get_value_as_int (spin);
      /* a statistic's value shows that many digits */
      if (g_str_has_suffix (field->key, ".decimals"))
        impact_statistic_row_set_digits (self, field->key, *(guint *) field->target);
      break;
    }
  impact_editor_pane_emit_edited (self, field->key);
}

static void
switch_changed_cb (GtkSwitch         *sw,
                   GParamSpec        *pspec,
                   ImpactEditorField *field)
{
  ImpactEditorPane *self = field->pane;

  if (self->building || self->document == NULL)
    return;
  impact_editor_pane_begin_edit (self, field->key);
  *(gboolean *) field->target = gtk_switch_get_active (sw);
  impact_editor_pane_emit_edited (self, field->key);
}

static void
colour_changed_cb (GtkColorButton    *button,
                   GParamSpec        *pspec,
                   ImpactEditorField *field)
{
  ImpactEditorPane *self = field->pane;
  GdkRGBA rgba;
  char **target = field->target;

  if (self->building || self->document == NULL)
    return;
  impact_editor_pane_begin_edit (self, field->key);
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  g_free (*target);
  *target = g_strdup_printf ("#%02x%02x%02x",
                             (int) (rgba.red * 255 + 0.5),
                             (int) (rgba.green * 255 + 0.5),
                             (int) (rgba.blue * 255 + 0.5));
  impact_editor_pane_emit_edited (self, field->key);
}

static void
combo_changed_cb (AdwComboRow       *row,
                  GParamSpec        *pspec,
                  ImpactEditorField *field)
{
  guint selected = adw_combo_row_get_selected (row);
  const char * const *ids = field->info->choices;

  if (selected != GTK_INVALID_LIST_POSITION && selected < g_strv_length ((char **) ids))
    impact_field_row_text_changed (field, ids[selected]);
}

/* Building rows */

void
impact_field_row_set_hint (GtkWidget  *row,
                           const char *hint)
{
  g_object_set_data_full (G_OBJECT (row), "base-tooltip", g_strdup (hint), g_free);
  gtk_widget_set_tooltip_text (row, hint);
}

GtkWidget *
impact_field_row_append (GtkWidget *parent,
                         GtkWidget *row)
{
  if (ADW_IS_PREFERENCES_GROUP (parent))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), row);
  else
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), row);
  return row;
}

void
impact_field_row_register (ImpactEditorPane  *self,
                           ImpactEditorField *field,
                           GtkWidget         *widget,
                           GtkWidget         *row)
{
  const char *subtitle = impact_editor_pane_row_subtitle (self, field->key);

  field->row = row;
  g_object_set_data_full (G_OBJECT (widget), "impact-field", field, field_free);
  g_hash_table_replace (self->fields, g_strdup (field->key), widget);
  if (subtitle != NULL && row != NULL && ADW_IS_ACTION_ROW (row))
    {
      g_object_set_data_full (G_OBJECT (row), "base-subtitle", g_strdup (subtitle), g_free);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else if (subtitle != NULL && row != NULL)
    impact_field_row_set_hint (row, subtitle);
  if (g_hash_table_contains (self->notes, field->key))
    impact_field_row_update_message (self, field);
}

/* The text a field holds now, as it is typed */
static char *
field_text (ImpactEditorField *field)
{
  ImpactEditorPane *self = field->pane;

  switch (field->info->value)
    {
    case IMPACT_VALUE_DOCUMENT:
      return g_strdup (field->info->get (self->document));
    case IMPACT_VALUE_STRING:
      return g_strdup (*(char **) field->target);
    case IMPACT_VALUE_LINES:
      return *(char ***) field->target ? g_strjoinv ("\n", *(char ***) field->target) : NULL;
    case IMPACT_VALUE_METRICS:
      return impact_editor_format_metrics (*(GArray **) field->target);
    case IMPACT_VALUE_SOURCE_TITLE:
      return *(ImpactSource **) field->target ? g_strdup ((*(ImpactSource **) field->target)->title) : NULL;
    case IMPACT_VALUE_SOURCE_URL:
      return *(ImpactSource **) field->target ? g_strdup ((*(ImpactSource **) field->target)->url) : NULL;
    case IMPACT_VALUE_DATE:
      return impact_date_is_valid (field->target) ? impact_date_to_iso (field->target) : NULL;
    case IMPACT_VALUE_DERIVE_METRIC:
      return g_strdup (((ImpactStatistic *) field->target)->derive_metric);
    default:
      return NULL;
    }
}

GtkWidget *
impact_field_row_entry_new (ImpactEditorPane  *self,
                            ImpactEditorField *field)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *value = field_text (field);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->info->label));
  impact_accessible_expose_entry_row (row, _(field->info->label));
  /* Ctrl+Z is the document's undo, which knows every field */
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  impact_field_row_register (self, field, row, row);
  g_signal_connect (row, "changed", G_CALLBACK (editable_changed_cb), field);

  /* Validate what was loaded, too */
  if ((field->info->flags & IMPACT_FIELD_REQUIRED) && (value == NULL || *value == '\0'))
    impact_field_row_set_message (self, field, _("required"), TRUE);
  return row;
}

static GtkWidget *
spin_row (ImpactEditorPane  *self,
          ImpactEditorField *field)
{
  const ImpactFieldInfo *info = field->info;
  const char *title = _(info->label);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (info->min, info->max, impact_field_row_digits_step (info->digits));
  double value;

  switch (info->value)
    {
    case IMPACT_VALUE_DOUBLE: value = *(double *) field->target; break;
    case IMPACT_VALUE_INT64:  value = (double) *(gint64 *) field->target; break;
    default:                  value = *(guint *) field->target; break;
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), info->digits);
  gtk_editable_set_enable_undo (GTK_EDITABLE (spin), FALSE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (spin, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  impact_accessible_set_label (spin, title);
  impact_field_row_register (self, field, spin, row);
  g_signal_connect (spin, "value-changed", G_CALLBACK (spin_changed_cb), field);
  return row;
}

static GtkWidget *
switch_row (ImpactEditorPane  *self,
            ImpactEditorField *field)
{
  const char *title = _(field->info->label);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (field->info->hint)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(field->info->hint));
  gtk_switch_set_active (GTK_SWITCH (sw), *(gboolean *) field->target);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  impact_accessible_set_label (sw, title);
  impact_field_row_register (self, field, sw, NULL);
  g_signal_connect (sw, "notify::active", G_CALLBACK (switch_changed_cb), field);
  return row;
}

static GtkWidget *
colour_row (ImpactEditorPane  *self,
            ImpactEditorField *field)
{
  const char *title = _(field->info->label);
  const char *fallback = field->info->fallback ? field->info->fallback : "#000000";
  char **target = field->target;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_color_button_new ();
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
  impact_field_row_register (self, field, button, row);
  g_signal_connect (button, "notify::rgba", G_CALLBACK (colour_changed_cb), field);
  return row;
}

/* A drop-down among the field's choices ("" = left out of the data) */
static GtkWidget *
choice_row (ImpactEditorPane  *self,
            ImpactEditorField *field)
{
  const ImpactFieldInfo *info = field->info;
  GtkWidget *row = adw_combo_row_new ();
  GtkStringList *model = gtk_string_list_new (NULL);
  g_autofree char *value = field_text (field);
  guint selected = 0;

  for (guint i = 0; info->choices[i] != NULL; i++)
    {
      gtk_string_list_append (model, _(info->choice_labels[i]));
      if (g_strcmp0 (info->choices[i], value) == 0 || (info->choices[i][0] == '\0' && value == NULL))
        selected = i;
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(info->label));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_unref (model);
  impact_field_row_register (self, field, row, row);
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_changed_cb), field);
  return row;
}

GtkWidget *
impact_field_row_add (ImpactEditorPane      *self,
                      GtkWidget             *parent,
                      const ImpactFieldInfo *info,
                      const char            *key,
                      gpointer               record)
{
  ImpactEditorField *field;
  GtkWidget *row;

  if (info->value == IMPACT_VALUE_DERIVE_METRIC)
    return impact_statistic_row_derive (self, parent, info, key, record);
  if (info->kind == IMPACT_FIELD_IMAGE)
    return impact_field_row_append (parent, impact_image_row_new (self, info, key,
                                                                  impact_field_member (info, record)));

  field = impact_field_row_new_field (self, info, key, record);
  switch (info->kind)
    {
    case IMPACT_FIELD_PARAGRAPH:
      {
        g_autofree char *value = field_text (field);

        row = impact_rich_text_row_new (self, field, value);
      }
      break;
    case IMPACT_FIELD_NUMBER:
      row = spin_row (self, field);
      break;
    case IMPACT_FIELD_DATE:
      row = impact_date_row_new (self, field);
      break;
    case IMPACT_FIELD_CHOICE:
      row = choice_row (self, field);
      break;
    case IMPACT_FIELD_COLOUR:
      row = colour_row (self, field);
      break;
    case IMPACT_FIELD_SWITCH:
      row = switch_row (self, field);
      break;
    case IMPACT_FIELD_FONT:
      row = impact_font_row_new (self, field);
      break;
    case IMPACT_FIELD_ICON:
      row = impact_icon_row_new (self, field);
      break;
    case IMPACT_FIELD_LINE:
    case IMPACT_FIELD_URL:
    case IMPACT_FIELD_EMAIL:
    case IMPACT_FIELD_PHONE:
    default:
      row = impact_field_row_entry_new (self, field);
      if (info->hint != NULL)
        impact_field_row_set_hint (row, _(info->hint));
      /* an on-screen keyboard offers what the kind needs */
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row),
                                       info->kind == IMPACT_FIELD_URL ? GTK_INPUT_PURPOSE_URL :
                                       info->kind == IMPACT_FIELD_EMAIL ? GTK_INPUT_PURPOSE_EMAIL :
                                       info->kind == IMPACT_FIELD_PHONE ? GTK_INPUT_PURPOSE_PHONE :
                                       GTK_INPUT_PURPOSE_FREE_FORM);
      /* a milestone's or an era's category: those the document has */
      if (g_str_equal (info->key, "category") &&
          (g_str_has_prefix (key, "milestones.") || g_str_has_prefix (key, "eras.")))
        impact_category_button_add (self, row, key);
      break;
    }
  return impact_field_row_append (parent, row);
}

void
impact_field_row_add_all (ImpactEditorPane       *self,
                          GtkWidget              *parent,
                          const ImpactFieldGroup *group,
                          const ImpactFieldInfo  *fields,
                          int                     index,
                          gpointer                record)
{
  for (guint i = 0; fields != NULL && fields[i].key != NULL; i++)
    {
      /* the document's own members (a list's heading) are not per item */
      int at = fields[i].value == IMPACT_VALUE_DOCUMENT ? -1 : index;
      g_autofree char *key = impact_field_key (group, &fields[i], at);

      impact_field_row_add (self, parent, &fields[i], key, record);
    }
}
