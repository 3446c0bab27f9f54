/* impact-statistic-row.c: what a statistic's rows add to plain fields
 *
 * A statistic may count from the milestones: the switch "Count from
 * Milestones" turns it on with a metric the milestones use (the drop-down
 * next to the metric lists them; the metric can be typed, too). While it
 * counts, its figure is the computed sum, shown in the value field, which
 * is then read-only, and the switch says what it is made of ("9 from
 * milestones + 426 others"). The value field shows as many digits as the
 * statistic's decimals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-editor-pane"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "impact-accessible.h"
#include "impact-editor-pane-private.h"

typedef struct
{
  ImpactEditorPane *pane;
  ImpactStatistic  *stat;
  GtkWidget        *entry;      /* the metric (borrowed) */
  GtkWidget        *toggle;     /* the switch (borrowed) */
  GtkWidget        *toggle_row;
  GtkWidget        *choices;    /* the drop-down's box (borrowed) */
  char             *last_metric;
  gboolean          syncing;
} DeriveRow;

static void
derive_row_free (gpointer data)
{
  DeriveRow *derive = data;

  g_free (derive->last_metric);
  g_free (derive);
}

/* The metrics the milestones count, in the order they first appear */
static GPtrArray *
used_metrics (ImpactDocument *doc)
{
  GPtrArray *names = g_ptr_array_new ();
  GPtrArray *milestones = impact_document_get_milestones (doc);

  for (guint i = 0; i < milestones->len; i++)
    {
      ImpactMilestone *milestone = g_ptr_array_index (milestones, i);

      for (guint j = 0; milestone->metrics != NULL && j < milestone->metrics->len; j++)
        {
          const char *name = g_array_index (milestone->metrics, ImpactMetric, j).name;

          if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
            g_ptr_array_add (names, (gpointer) name);
        }
    }
  return names;
}

/* "9 from milestones + 426 others", or why nothing is counted */
static char *
derive_summary (ImpactEditorPane *self,
                ImpactStatistic  *stat)
{
  g_autofree char *counted = NULL;
  g_autofree char *others = NULL;
  gint64 sum;

  if (stat->derive_metric == NULL)
    return g_strdup (_("The figure is typed in"));
  sum = impact_document_compute_derived (self->document, stat);
  counted = g_strdup_printf ("%" G_GINT64_FORMAT, sum - stat->derive_base);
  if (stat->derive_base == 0)
    /* Translators: %s is a whole number of cases counted in the milestones */
    return g_strdup_printf (_("%s from milestones"), counted);
  others = g_strdup_printf ("%" G_GINT64_FORMAT, stat->derive_base);
  /* Translators: both %s are whole numbers: counted in the milestones, and added by hand */
  return g_strdup_printf (_("%s from milestones + %s others"), counted, others);
}

static void
derive_sync (DeriveRow *derive)
{
  g_autofree char *summary = derive_summary (derive->pane, derive->stat);

  derive->syncing = TRUE;
  gtk_switch_set_active (GTK_SWITCH (derive->toggle), derive->stat->derive_metric != NULL);
  derive->syncing = FALSE;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (derive->toggle_row), summary);
  if (derive->stat->derive_metric != NULL)
    {
      g_free (derive->last_metric);
      derive->last_metric = g_strdup (derive->stat->derive_metric);
    }
}

/* Writes through the metric's entry, which checks, applies and announces */
static void
set_metric (DeriveRow  *derive,
            const char *metric)
{
  gtk_editable_set_text (GTK_EDITABLE (derive->entry), metric ? metric : "");
}

static void
toggle_changed_cb (GtkSwitch  *toggle,
                   GParamSpec *pspec,
                   DeriveRow  *derive)
{
  if (derive->syncing || derive->pane->building)
    return;
  if (gtk_switch_get_active (toggle))
    {
      g_autoptr(GPtrArray) names = used_metrics (derive->pane->document);
      const char *metric = derive->last_metric ? derive->last_metric :
                           names->len > 0 ? g_ptr_array_index (names, 0) : NULL;

      if (metric == NULL)
        {
          /* nothing to count from: the switch goes back */
          derive->syncing = TRUE;
          gtk_switch_set_active (toggle, FALSE);
          derive->syncing = FALSE;
          adw_action_row_set_subtitle (ADW_ACTION_ROW (derive->toggle_row),
                                       _("No milestone has counts yet"));
          return;
        }
      set_metric (derive, metric);
    }
  else
    set_metric (derive, NULL);
}

static void
metric_chosen_cb (GtkButton *button,
                  DeriveRow *derive)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);

  set_metric (derive, g_object_get_data (G_OBJECT (button), "metric"));
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The drop-down lists the metrics of the milestones as they are now */
static void
fill_choices (DeriveRow *derive)
{
  g_autoptr(GPtrArray) names = used_metrics (derive->pane->document);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (derive->choices)) != NULL)
    gtk_box_remove (GTK_BOX (derive->choices), child);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *widget_name = g_strconcat ("metric:", name, NULL);
      GtkWidget *button = gtk_button_new_with_label (name);

      gtk_widget_set_name (button, widget_name);
      gtk_widget_add_css_class (button, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      g_object_set_data_full (G_OBJECT (button), "metric", g_strdup (name), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (metric_chosen_cb), derive);
      gtk_box_append (GTK_BOX (derive->choices), button);
    }
  if (names->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No milestone has counts yet"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (derive->choices), none);
    }
}

static void
choices_show_cb (GtkPopover *popover,
                 DeriveRow  *derive)
{
  fill_choices (derive);
}

static void
metric_changed_cb (GtkEditable *entry,
                   DeriveRow   *derive)
{
  derive_sync (derive);
}

GtkWidget *
impact_statistic_row_derive (ImpactEditorPane      *self,
                             GtkWidget             *parent,
                             const ImpactFieldInfo *info,
                             const char            *key,
                             ImpactStatistic       *stat)
{
  ImpactEditorField *field = impact_field_row_new_field (self, info, key, stat);
  DeriveRow *derive = g_new0 (DeriveRow, 1);
  GtkWidget *toggle_row = adw_action_row_new ();
  GtkWidget *entry, *button, *popover;
  g_autofree char *toggle_key = g_strndup (key, strlen (key) - strlen (".metric"));

  derive->pane = self;
  derive->stat = stat;

  /* the switch */
  derive->toggle_row = toggle_row;
  derive->toggle = gtk_switch_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (toggle_row), _("Count from Milestones"));
  gtk_widget_set_valign (derive->toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (toggle_row), derive->toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (toggle_row), derive->toggle);
  impact_accessible_set_label (derive->toggle, _("Count from Milestones"));
  g_object_set_data_full (G_OBJECT (toggle_row), "derive-row", derive, derive_row_free);
  g_hash_table_replace (self->fields, g_steal_pointer (&toggle_key), derive->toggle);
  impact_field_row_append (parent, toggle_row);

  /* the metric, typed or chosen */
  entry = impact_field_row_entry_new (self, field);
  derive->entry = entry;
  derive->choices = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), derive->choices);
  g_signal_connect (popover, "show", G_CALLBACK (choices_show_cb), derive);
  button = gtk_menu_button_new ();
  gtk_widget_set_name (button, "metric-button");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Counts of the Milestones"));
  impact_accessible_set_label (button, _("Counts of the Milestones"));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry), button);
  g_signal_connect_after (entry, "changed", G_CALLBACK (metric_changed_cb), derive);
  g_signal_connect (derive->toggle, "notify::active", G_CALLBACK (toggle_changed_cb), derive);
  fill_choices (derive);
  derive_sync (derive);
  return impact_field_row_append (parent, entry);
}

void
impact_statistic_row_set_digits (ImpactEditorPane *self,
                                 const char       *decimals_key,
                                 guint             decimals)
{
  g_autofree char *prefix = g_strndup (decimals_key, strlen (decimals_key) - strlen (".decimals"));
  g_autofree char *value_key = g_strconcat (prefix, ".value", NULL);
  GtkWidget *value = g_hash_table_lookup (self->fields, value_key);
  guint digits = MIN (decimals, 6);

  if (value == NULL)
    return;
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (value), digits);
  gtk_spin_button_set_increments (GTK_SPIN_BUTTON (value), impact_field_row_digits_step (digits),
                                  10 * impact_field_row_digits_step (digits));
}

void
impact_statistic_row_update (ImpactEditorPane *self,
                             guint             index)
{
  ImpactStatistic *stat = g_ptr_array_index (impact_document_get_statistics (self->document), index);
  g_autofree char *key = g_strdup_printf ("statistics.%u.value", index);
  g_autofree char *decimals_key = g_strdup_printf ("statistics.%u.decimals", index);
  g_autofree char *toggle_key = g_strdup_printf ("statistics.%u.derive", index);
  GtkWidget *widget = g_hash_table_lookup (self->fields, key);
  GtkWidget *toggle = g_hash_table_lookup (self->fields, toggle_key);
  ImpactEditorField *field = impact_field_row_lookup (self, key);
  g_autofree char *message = NULL;
  gboolean warn = FALSE;

  if (field == NULL)
    return;
  impact_statistic_row_set_digits (self, decimals_key, stat->decimals);
  if (toggle != NULL)
    {
      GtkWidget *row = gtk_widget_get_ancestor (toggle, ADW_TYPE_ACTION_ROW);
      DeriveRow *derive = row ? g_object_get_data (G_OBJECT (row), "derive-row") : NULL;

      if (derive != NULL)
        derive_sync (derive);
    }
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
      /* read-only while it follows the milestones */
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
    impact_field_row_set_message (self, field, message, FALSE);
  else
    {
      impact_field_row_set_message (self, field, NULL, FALSE);
      if (message && field->row)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), message);
    }
}
