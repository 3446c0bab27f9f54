/* impact-chart-editor.c: the Charts group of the editor pane
 *
 * The rows are built from the document's charts; a change of structure
 * builds them again at idle (never inside the handler of the control
 * that changed), keeping the chart that was being edited open.
 *
 * The sheet's warnings about a chart (its diagnostics, given by the pane)
 * mark the row they are about, which says them as its tooltip, and the
 * chart's own row, which says them as its subtitle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-chart-editor"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "impact-accessible.h"
#include "impact-chart-editor.h"

struct _ImpactChartEditor
{
  AdwPreferencesGroup  parent_instance;

  ImpactDocument      *document;
  GPtrArray           *rows;        /* the expander rows, borrowed: the group owns them */
  GHashTable          *controls;    /* key -> control, borrowed */
  GtkWidget           *add_button;
  guint                rebuild_idle;
  int                  expanded;    /* the chart whose row stays open on a rebuild, or -1 */
  GHashTable          *notes;       /* key -> the sheet's warning, or NULL */
  GPtrArray           *noted;       /* the rows showing one now */
};

G_DEFINE_FINAL_TYPE (ImpactChartEditor, impact_chart_editor, ADW_TYPE_PREFERENCES_GROUP)

enum {
  BEGIN_EDIT,
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void build_rows (ImpactChartEditor *self);

/* The kinds and periods in the order of impact-document.h's enums */
static const char *
kind_label (ImpactChartKind kind)
{
  switch (kind)
    {
    case IMPACT_CHART_LINE:
      return _("Line");
    case IMPACT_CHART_AREA:
      return _("Area (Running Total)");
    case IMPACT_CHART_SPARKLINE:
      return _("Sparkline in a Statistic");
    case IMPACT_CHART_COLUMNS:
    default:
      return _("Columns");
    }
}

/* Pure helpers */

static gboolean
is_gap (const char *text)
{
  return *text == '\0' || g_str_equal (text, "-") || g_str_equal (text, "–") ||
         g_str_equal (text, "—");
}

gboolean
impact_chart_editor_parse_points (const char       *text,
                                  ImpactChartSpec  *spec,
                                  char            **message)
{
  g_auto(GStrv) items = g_strsplit (text ? text : "", ";", -1);
  g_autoptr(ImpactChartSpec) parsed = impact_chart_spec_new ();

  g_return_val_if_fail (spec != NULL, FALSE);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (items[i]));
      char *colon, *end = NULL;
      const char *value;
      double number;

      if (*item == '\0')
        continue;
      colon = strrchr (item, ':');
      if (colon == NULL)
        {
          /* TRANSLATORS: %s is the text of one point of a chart, "2016 12" */
          *message = g_strdup_printf (_("“%s”: write a period, a colon and its figure, e.g. 2016: 12"), item);
          return FALSE;
        }
      *colon = '\0';
      g_strstrip (item);
      value = g_strstrip (colon + 1);
      if (*item == '\0')
        {
          *message = g_strdup (_("A point needs a period before its colon, e.g. 2016: 12"));
          return FALSE;
        }
      if (is_gap (value))
        {
          impact_chart_spec_add_gap (parsed, item);
          continue;
        }
      number = g_ascii_strtod (value, &end);
      if (end == value || *end != '\0' || !isfinite (number) || fabs (number) > 1e15)
        {
          /* TRANSLATORS: %1$s is a chart's period, %2$s what was typed as its figure */
          *message = g_strdup_printf (_("%1$s: “%2$s” is not a figure; write a number, or – for none"),
                                      item, value);
          return FALSE;
        }
      if (parsed->points->len >= IMPACT_CHART_MAX_POINTS)
        {
          *message = g_strdup_printf (_("A chart has at most %u points"), (guint) IMPACT_CHART_MAX_POINTS);
          return FALSE;
        }
      impact_chart_spec_add_point (parsed, item, number);
    }

  if (parsed->points->len == 0)
    {
      *message = g_strdup (_("Write at least one point, e.g. 2016: 12"));
      return FALSE;
    }
  for (guint i = 0; i < spec->points->len; i++)
    g_free (g_array_index (spec->points, ImpactChartPoint, i).label);
  g_array_set_size (spec->points, 0);
  for (guint i = 0; i < parsed->points->len; i++)
    {
      ImpactChartPoint *point = &g_array_index (parsed->points, ImpactChartPoint, i);

      if (point->missing)
        impact_chart_spec_add_gap (spec, point->label);
      else
        impact_chart_spec_add_point (spec, point->label, point->value);
    }
  return TRUE;
}

char *
impact_chart_editor_format_points (const ImpactChartSpec *spec)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < spec->points->len; i++)
    {
      const ImpactChartPoint *point = &g_array_index (spec->points, ImpactChartPoint, i);
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      if (i > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%s: %s", point->label,
                              point->missing ? "–" : g_ascii_formatd (number, sizeof number, "%.15g", point->value));
    }
  return g_string_free (out, FALSE);
}

/* g_ptr_array_sort() passes pointers to the elements */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GStrv
impact_chart_editor_dup_metrics (ImpactDocument *document)
{
  GPtrArray *milestones = impact_document_get_milestones (document);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < milestones->len; i++)
    {
      const ImpactMilestone *milestone = g_ptr_array_index (milestones, i);

      for (guint j = 0; j < milestone->metrics->len; j++)
        {
          const char *name = g_array_index (milestone->metrics, ImpactMetric, j).name;

          if (name != NULL && g_hash_table_add (seen, (gpointer) name))
            g_ptr_array_add (names, g_strdup (name));
        }
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (names, FALSE);
}

/* Edits */

static ImpactChartSpec *
chart_at (ImpactChartEditor *self,
          guint              index)
{
  GPtrArray *charts = impact_document_get_charts (self->document);

  return index < charts->len ? g_ptr_array_index (charts, index) : NULL;
}

static char *
key_of (guint       index,
        const char *member)
{
  return g_strdup_printf ("charts.%u.%s", index, member);
}

static void
begin (ImpactChartEditor *self,
       const char        *key)
{
  g_signal_emit (self, signals[BEGIN_EDIT], 0, key);
}

static void
done (ImpactChartEditor *self,
      const char        *key)
{
  g_signal_emit (self, signals[EDITED], 0, key);
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  ImpactChartEditor *self = data;

  self->rebuild_idle = 0;
  build_rows (self);
  return G_SOURCE_REMOVE;
}

/* A change of structure of chart @index (or of the list): the rows follow */
static void
structure_done (ImpactChartEditor *self,
                int                index)
{
  self->expanded = index;
  done (self, NULL);
  if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add (rebuild_idle_cb, self);
}

static guint
index_of (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "impact-chart-index"));
}

static void
label_changed_cb (GtkEditable       *editable,
                  ImpactChartEditor *self)
{
  guint index = index_of (GTK_WIDGET (editable));
  ImpactChartSpec *spec = chart_at (self, index);
  g_autofree char *key = key_of (index, "label");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  GtkWidget *expander = g_ptr_array_index (self->rows, index);

  if (spec == NULL)
    return;
  /* the label is required: an empty one is not taken */
  if (*text == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  begin (self, key);
  g_free (spec->label);
  spec->label = g_steal_pointer (&text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), spec->label);
  done (self, key);
}

static void
points_changed_cb (GtkEditable       *editable,
                   ImpactChartEditor *self)
{
  guint index = index_of (GTK_WIDGET (editable));
  ImpactChartSpec *spec = chart_at (self, index);
  g_autoptr(ImpactChartSpec) probe = impact_chart_spec_new ();
  g_autofree char *key = key_of (index, "points");
  g_autofree char *message = NULL;

  if (spec == NULL)
    return;
  if (!impact_chart_editor_parse_points (gtk_editable_get_text (editable), probe, &message))
    {
      gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (editable), message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (editable), NULL);
  begin (self, key);
  impact_chart_editor_parse_points (gtk_editable_get_text (editable), spec, &message);
  done (self, key);
}

static void
kind_changed_cb (AdwComboRow       *row,
                 GParamSpec        *pspec,
                 ImpactChartEditor *self)
{
  guint index = index_of (GTK_WIDGET (row));
  ImpactChartSpec *spec = chart_at (self, index);
  ImpactChartKind kind = adw_combo_row_get_selected (row);

  if (spec == NULL || kind == spec->kind || kind > IMPACT_CHART_SPARKLINE)
    return;
  begin (self, NULL);
  spec->kind = kind;
  if (kind != IMPACT_CHART_SPARKLINE)
    spec->statistic = -1;
  structure_done (self, (int) index);
}

/* Given points <-> derived from the milestones */
static void
source_changed_cb (AdwComboRow       *row,
                   GParamSpec        *pspec,
                   ImpactChartEditor *self)
{
  guint index = index_of (GTK_WIDGET (row));
  ImpactChartSpec *spec = chart_at (self, index);
  gboolean derived = adw_combo_row_get_selected (row) == 1;
  g_auto(GStrv) metrics = NULL;

  if (spec == NULL || derived == (spec->derive_metric != NULL))
    return;
  begin (self, NULL);
  if (derived)
    {
      metrics = impact_chart_editor_dup_metrics (self->document);
      spec->derive_metric = g_strdup (metrics[0] ? metrics[0] : "rescued");
    }
  else
    g_clear_pointer (&spec->derive_metric, g_free);
  structure_done (self, (int) index);
}

static void
metric_changed_cb (AdwComboRow       *row,
                   GParamSpec        *pspec,
                   ImpactChartEditor *self)
{
  guint index = index_of (GTK_WIDGET (row));
  ImpactChartSpec *spec = chart_at (self, index);
  GtkStringObject *item = adw_combo_row_get_selected_item (row);
  g_autofree char *key = key_of (index, "derive.metric");

  if (spec == NULL || item == NULL || g_strcmp0 (gtk_string_object_get_string (item), spec->derive_metric) == 0)
    return;
  begin (self, key);
  g_free (spec->derive_metric);
  spec->derive_metric = g_strdup (gtk_string_object_get_string (item));
  done (self, key);
}

static void
per_changed_cb (AdwComboRow       *row,
                GParamSpec        *pspec,
                ImpactChartEditor *self)
{
  guint index = index_of (GTK_WIDGET (row));
  ImpactChartSpec *spec = chart_at (self, index);
  g_autofree char *key = key_of (index, "derive.per");
  guint per = adw_combo_row_get_selected (row);

  if (spec == NULL || per == spec->derive_per || per > IMPACT_CHART_PER_MONTH)
    return;
  begin (self, key);
  spec->derive_per = per;
  done (self, key);
}

static void
cumulative_changed_cb (GtkSwitch         *sw,
                       GParamSpec        *pspec,
                       ImpactChartEditor *self)
{
  guint index = index_of (GTK_WIDGET (sw));
  ImpactChartSpec *spec = chart_at (self, index);
  g_autofree char *key = key_of (index, "derive.cumulative");

  if (spec == NULL || gtk_switch_get_active (sw) == spec->derive_cumulative)
    return;
  begin (self, key);
  spec->derive_cumulative = gtk_switch_get_active (sw);
  done (self, key);
}

static void
statistic_changed_cb (AdwComboRow       *row,
                      GParamSpec        *pspec,
                      ImpactChartEditor *self)
{
  guint index = index_of (GTK_WIDGET (row));
  ImpactChartSpec *spec = chart_at (self, index);
  g_autofree char *key = key_of (index, "statistic");
  int statistic = (int) adw_combo_row_get_selected (row) - 1;

  if (spec == NULL || statistic == spec->statistic)
    return;
  begin (self, key);
  spec->statistic = statistic;
  done (self, key);
}

static void
remove_clicked_cb (GtkButton         *button,
                   ImpactChartEditor *self)
{
  guint index = index_of (GTK_WIDGET (button));
  GPtrArray *charts = impact_document_get_charts (self->document);

  if (index >= charts->len)
    return;
  begin (self, NULL);
  g_ptr_array_remove_index (charts, index);
  structure_done (self, -1);
}

static void
add_clicked_cb (GtkButton         *button,
                ImpactChartEditor *self)
{
  GPtrArray *charts = impact_document_get_charts (self->document);
  g_auto(GStrv) metrics = impact_chart_editor_dup_metrics (self->document);
  ImpactChartSpec *spec;

  if (charts->len >= IMPACT_CHART_MAX_CHARTS)
    return;
  begin (self, NULL);
  spec = impact_chart_spec_new ();
  /* a new chart follows the milestones when they count something */
  if (metrics[0] != NULL)
    {
      /* TRANSLATORS: the label of a new chart; %s is a metric of the milestones, "rescued" */
      spec->label = g_strdup_printf (_("%s per year"), metrics[0]);
      spec->derive_metric = g_strdup (metrics[0]);
    }
  else
    spec->label = g_strdup (_("New chart"));
  g_ptr_array_add (charts, spec);
  structure_done (self, (int) charts->len - 1);
}

/* Rows */


static void
name_control (ImpactChartEditor *self,
              GtkWidget         *widget,
              guint              index,
              const char        *member)
{
  g_autofree char *key = key_of (index, member);

  gtk_widget_set_name (widget, key);
  g_object_set_data (G_OBJECT (widget), "impact-chart-index", GUINT_TO_POINTER (index));
  g_hash_table_replace (self->controls, g_steal_pointer (&key), widget);
}

static GtkWidget *
combo_row (GtkWidget          *expander,
           const char         *title,
           guint               index,
           const char         *member,
           const char * const *labels,
           guint               selected,
           GCallback           changed)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);
  ImpactChartEditor *self = g_object_get_data (G_OBJECT (expander), "impact-chart-editor");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  name_control (self, row, index, member);
  g_signal_connect_object (row, "notify::selected", changed, self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  return row;
}

static GtkWidget *
entry_row (GtkWidget  *expander,
           const char *title,
           guint       index,
           const char *member,
           const char *text,
           GCallback   changed)
{
  GtkWidget *row = adw_entry_row_new ();
  ImpactChartEditor *self = g_object_get_data (G_OBJECT (expander), "impact-chart-editor");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  impact_accessible_expose_entry_row (row, title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  name_control (self, row, index, member);
  g_signal_connect_object (row, "changed", changed, self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  return row;
}

static void
derive_rows (ImpactChartEditor *self,
             GtkWidget         *expander,
             guint              index,
             ImpactChartSpec   *spec)
{
  g_auto(GStrv) metrics = impact_chart_editor_dup_metrics (self->document);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *periods[] = { _("Year"), _("Quarter"), _("Month"), NULL };
  GtkWidget *row, *sw;
  guint selected = 0;

  /* the chart's metric is a choice even when no milestone has it (yet) */
  for (guint i = 0; metrics[i] != NULL; i++)
    {
      if (g_strcmp0 (metrics[i], spec->derive_metric) == 0)
        selected = names->len;
      g_ptr_array_add (names, metrics[i]);
    }
  if (!g_strv_contains ((const char * const *) metrics, spec->derive_metric))
    {
      selected = names->len;
      g_ptr_array_add (names, spec->derive_metric);
    }
  g_ptr_array_add (names, NULL);
  combo_row (expander, _("Metric of the Milestones"), index, "derive.metric",
             (const char * const *) names->pdata, selected, G_CALLBACK (metric_changed_cb));
  combo_row (expander, _("Per"), index, "derive.per", periods, spec->derive_per, G_CALLBACK (per_changed_cb));

  row = adw_action_row_new ();
  sw = gtk_switch_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Running Total"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Each period adds to the ones before it"));
  gtk_switch_set_active (GTK_SWITCH (sw), spec->derive_cumulative);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  impact_accessible_set_label (sw, _("Running Total"));
  name_control (self, sw, index, "derive.cumulative");
  g_signal_connect_object (sw, "notify::active", G_CALLBACK (cumulative_changed_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
}

static GtkWidget *
chart_row (ImpactChartEditor *self,
           guint              index,
           ImpactChartSpec   *spec)
{
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const char *kinds[] = { kind_label (IMPACT_CHART_COLUMNS), kind_label (IMPACT_CHART_LINE),
                          kind_label (IMPACT_CHART_AREA), kind_label (IMPACT_CHART_SPARKLINE), NULL };
  const char *sources[] = { _("Typed In"), _("From the Milestones"), NULL };

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), spec->label ? spec->label : "");
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), kind_label (spec->kind));
  g_object_set_data (G_OBJECT (expander), "impact-chart-subtitle", (gpointer) kind_label (spec->kind));
  name_control (self, expander, index, "row");
  g_object_set_data (G_OBJECT (expander), "impact-chart-editor", self);

  gtk_widget_set_tooltip_text (remove, _("Remove This Chart"));
  impact_accessible_set_label (remove, _("Remove This Chart"));
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  name_control (self, remove, index, "remove");
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), remove);

  entry_row (expander, _("Label"), index, "label", spec->label, G_CALLBACK (label_changed_cb));
  combo_row (expander, _("Kind"), index, "kind", kinds, spec->kind, G_CALLBACK (kind_changed_cb));
  if (spec->kind == IMPACT_CHART_SPARKLINE)
    {
      GPtrArray *stats = impact_document_get_statistics (self->document);
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (labels, g_strdup (_("None (the chart alone)")));
      for (guint i = 0; i < stats->len; i++)
        {
          const ImpactStatistic *stat = g_ptr_array_index (stats, i);

          /* TRANSLATORS: a statistic in a list: its number in the list and its label */
          g_ptr_array_add (labels, g_strdup_printf (_("%u. %s"), i + 1, stat->label ? stat->label : ""));
        }
      g_ptr_array_add (labels, NULL);
      combo_row (expander, _("In the Panel of"), index, "statistic", (const char * const *) labels->pdata,
                 spec->statistic >= 0 && (guint) spec->statistic < stats->len ? (guint) spec->statistic + 1 : 0,
                 G_CALLBACK (statistic_changed_cb));
    }
  combo_row (expander, _("Figures"), index, "source", sources, spec->derive_metric != NULL,
             G_CALLBACK (source_changed_cb));
  if (spec->derive_metric != NULL)
    derive_rows (self, expander, index, spec);
  else
    {
      g_autofree char *points = impact_chart_editor_format_points (spec);

      /* TRANSLATORS: the title of a field; keep the example's punctuation */
      entry_row (expander, _("Points (2016: 12; 2017: –)"), index, "points", points,
                 G_CALLBACK (points_changed_cb));
    }
  if ((int) index == self->expanded)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  return expander;
}

/* Notes */

/* The row that shows a note for @control: the control itself, or the row
 * a switch sits in */
static GtkWidget *
note_row (GtkWidget *control)
{
  if (ADW_IS_PREFERENCES_ROW (control))
    return control;
  return gtk_widget_get_ancestor (control, ADW_TYPE_ACTION_ROW);
}

/* A row with a note is marked and says it as its tooltip; a chart's own
 * row also says it as its subtitle, so that it shows while the row is
 * closed (a choice's row keeps its width for the choice) */
static void
set_note (GtkWidget  *row,
          const char *note)
{
  if (ADW_IS_EXPANDER_ROW (row))
    {
      /* its rows inside are not all about the note: only an icon is
       * added, the row is not marked */
      const char *subtitle = g_object_get_data (G_OBJECT (row), "impact-chart-subtitle");

      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), note ? note : (subtitle ? subtitle : ""));
      adw_expander_row_set_icon_name (ADW_EXPANDER_ROW (row), note ? "dialog-warning-symbolic" : NULL);
      return;
    }
  /* a text that does not read keeps its own message */
  if (!gtk_widget_has_css_class (row, "error"))
    gtk_widget_set_tooltip_text (row, note);
  if (note != NULL)
    gtk_widget_add_css_class (row, "warning");
  else
    gtk_widget_remove_css_class (row, "warning");
}

/* Shows the notes on the rows built now, and clears the others */
static void
show_notes (ImpactChartEditor *self)
{
  GHashTableIter iter;
  gpointer key, message;

  for (guint i = 0; i < self->noted->len; i++)
    set_note (g_ptr_array_index (self->noted, i), NULL);
  g_ptr_array_set_size (self->noted, 0);
  if (self->notes == NULL)
    return;
  g_hash_table_iter_init (&iter, self->notes);
  while (g_hash_table_iter_next (&iter, &key, &message))
    {
      const char *digits = (const char *) key + strlen ("charts.");
      GtkWidget *control, *chart = NULL;
      g_autofree char *row_key = NULL;
      guint64 index;
      char *end;

      if (!g_str_has_prefix (key, "charts."))
        continue;
      index = g_ascii_strtoull (digits, &end, 10);
      if (end == digits || index >= G_MAXUINT)
        continue;
      row_key = key_of ((guint) index, "row");
      chart = g_hash_table_lookup (self->controls, row_key);
      /* the control the note is about ("charts.N.derive.per") */
      if ((control = g_hash_table_lookup (self->controls, key)) != NULL &&
          (control = note_row (control)) != NULL && control != chart &&
          !g_ptr_array_find (self->noted, control, NULL))
        {
          set_note (control, message);
          g_ptr_array_add (self->noted, control);
        }
      /* and the chart's row, with the first note about it */
      if (chart != NULL && !g_ptr_array_find (self->noted, chart, NULL))
        {
          set_note (chart, message);
          g_ptr_array_add (self->noted, chart);
        }
    }
}

void
impact_chart_editor_set_notes (ImpactChartEditor *self,
                               GHashTable        *notes)
{
  g_return_if_fail (IMPACT_IS_CHART_EDITOR (self));

  g_clear_pointer (&self->notes, g_hash_table_unref);
  if (notes != NULL)
    self->notes = g_hash_table_ref (notes);
  show_notes (self);
}

static void
build_rows (ImpactChartEditor *self)
{
  GPtrArray *charts;

  /* the rows with notes go with the others */
  g_ptr_array_set_size (self->noted, 0);
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->controls);
  g_hash_table_insert (self->controls, g_strdup ("charts.add"), self->add_button);
  if (self->document == NULL)
    return;
  charts = impact_document_get_charts (self->document);
  for (guint i = 0; i < charts->len; i++)
    {
      GtkWidget *row = chart_row (self, i, g_ptr_array_index (charts, i));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_sensitive (self->add_button, charts->len < IMPACT_CHART_MAX_CHARTS);
  show_notes (self);
}

/* GObject */

static void
impact_chart_editor_dispose (GObject *object)
{
  ImpactChartEditor *self = IMPACT_CHART_EDITOR (object);

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (impact_chart_editor_parent_class)->dispose (object);
}

static void
impact_chart_editor_finalize (GObject *object)
{
  ImpactChartEditor *self = IMPACT_CHART_EDITOR (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->noted);
  g_clear_pointer (&self->notes, g_hash_table_unref);
  g_hash_table_unref (self->controls);
  G_OBJECT_CLASS (impact_chart_editor_parent_class)->finalize (object);
}

static void
impact_chart_editor_class_init (ImpactChartEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = impact_chart_editor_dispose;
  object_class->finalize = impact_chart_editor_finalize;

  /**
   * ImpactChartEditor::begin-edit:
   * @key: (nullable): the field about to change, or %NULL for a change of structure
   */
  signals[BEGIN_EDIT] = g_signal_new ("begin-edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * ImpactChartEditor::edited:
   * @key: (nullable): the field that changed, or %NULL for a change of structure
   */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
impact_chart_editor_init (ImpactChartEditor *self)
{
  self->rows = g_ptr_array_new ();
  self->noted = g_ptr_array_new ();
  self->controls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->expanded = -1;
  self->add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_tooltip_text (self->add_button, _("Add a Chart"));
  impact_accessible_set_label (self->add_button, _("Add a Chart"));
  gtk_widget_add_css_class (self->add_button, "flat");
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (self->add_button, "charts.add");
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self, 0);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->add_button);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Charts"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Trends on the back page, or a sparkline in a statistic's panel"));
}

GtkWidget *
impact_chart_editor_get_control (ImpactChartEditor *self,
                                 const char        *key)
{
  g_return_val_if_fail (IMPACT_IS_CHART_EDITOR (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->controls, key);
}

GtkWidget *
impact_chart_editor_new (ImpactDocument *document)
{
  ImpactChartEditor *self = g_object_new (IMPACT_TYPE_CHART_EDITOR, NULL);

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (document), NULL);

  self->document = g_object_ref (document);
  build_rows (self);
  return GTK_WIDGET (self);
}
