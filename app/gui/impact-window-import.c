/* impact-window-import.c: Import Spreadsheet… — milestones or statistics
 * from a CSV file, with the column mapping and the first rows shown before
 * anything changes
 *
 * The file is read and parsed in a worker thread (impact_csv_import_read_file);
 * the dialog shows what the import would do, and Import applies it to the
 * document in one go: one undo step takes it back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-window-import"

#include "config.h"

#include <glib/gi18n.h>

#include "impact-csv-import.h"
#include "impact-window-private.h"

#define IMPORT_DIALOG_KEY  "impact-import-dialog"
#define PREVIEW_ROWS       5

typedef struct
{
  ImpactWindow    *window;        /* weak */
  GtkWindow       *dialog;        /* weak */
  GFile           *file;
  ImpactCsvImport *import;
  GCancellable    *cancellable;
  GtkWidget       *import_button;
  AdwComboRow     *kind_row;
  GtkWidget       *body;          /* the parts that follow the reading */
  gboolean         updating_kind;
} ImportState;

typedef struct
{
  GFile           *file;
  ImpactCsvTarget  target;
  char            *language;
} ReadData;

static void read_file (ImportState *state, ImpactCsvTarget target);

static void
read_data_free (ReadData *data)
{
  g_clear_object (&data->file);
  g_free (data->language);
  g_free (data);
}

static void
import_state_free (ImportState *state)
{
  g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
  g_clear_object (&state->file);
  g_clear_pointer (&state->import, impact_csv_import_free);
  if (state->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (state->window), (gpointer *) &state->window);
  g_free (state);
}

/* The dialog's parts */

static void
clear_body (ImportState *state)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (state->body)) != NULL)
    gtk_box_remove (GTK_BOX (state->body), child);
}

static GtkWidget *
add_label (ImportState *state,
           const char  *text,
           gboolean     error)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), error);
  if (error)
    gtk_widget_add_css_class (label, "error");
  gtk_box_append (GTK_BOX (state->body), label);
  return label;
}

static GtkWidget *
add_group (ImportState *state,
           const char  *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (state->body), group);
  return group;
}

static void
add_row (GtkWidget  *group,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static char *
item_summary (ImpactCsvTarget target,
              gpointer        item,
              char          **subtitle)
{
  if (target == IMPACT_CSV_TARGET_STATISTICS)
    {
      ImpactStatistic *stat = item;

      *subtitle = g_strdup (stat->label);
      return g_strdup_printf ("%s%.*f%s", stat->prefix ? stat->prefix : "", (int) stat->decimals,
                              stat->value, stat->suffix ? stat->suffix : "");
    }
  else
    {
      ImpactMilestone *milestone = item;
      g_autofree char *date = impact_date_format (&milestone->date);

      *subtitle = g_strdup (date);
      return g_strdup (milestone->title ? milestone->title : "");
    }
}

static void
show_import (ImportState *state)
{
  ImpactCsvImport *import = state->import;
  ImpactCsvTarget target = impact_csv_import_get_target (import);
  GPtrArray *items = impact_csv_import_get_items (import);
  GPtrArray *notes = impact_csv_import_get_notes (import);
  ImpactDocument *doc = state->window ? impact_window_get_document (state->window) : NULL;
  guint previous = doc ? impact_csv_import_count_previous (import, doc) : 0;
  g_autofree char *summary = NULL;
  g_autofree char *replaces = NULL;
  const char *separator;
  GtkWidget *group;

  clear_body (state);

  switch (impact_csv_import_get_separator (import))
    {
    case ';':
      separator = _("semicolon separated");
      break;
    case '\t':
      separator = _("tab separated");
      break;
    default:
      separator = _("comma separated");
      break;
    }

  if (target == IMPACT_CSV_TARGET_STATISTICS)
    /* Translators: %u statistics; %s the file name; then "comma separated", and the encoding */
    summary = g_strdup_printf (ngettext ("%u statistic from “%s” (%s, %s)",
                                         "%u statistics from “%s” (%s, %s)", items->len),
                               items->len, impact_csv_import_get_name (import), separator,
                               impact_csv_import_get_encoding (import));
  else
    /* Translators: %u milestones; %s the file name; then "comma separated", and the encoding */
    summary = g_strdup_printf (ngettext ("%u milestone from “%s” (%s, %s)",
                                         "%u milestones from “%s” (%s, %s)", items->len),
                               items->len, impact_csv_import_get_name (import), separator,
                               impact_csv_import_get_encoding (import));
  add_label (state, summary, FALSE);

  if (previous > 0)
    {
      /* Translators: an earlier import of the same file is taken out first */
      replaces = g_strdup_printf (ngettext ("Replaces %u item an earlier import of this file brought",
                                            "Replaces %u items an earlier import of this file brought",
                                            previous), previous);
      add_label (state, replaces, FALSE);
    }

  group = add_group (state, _("Columns"));
  for (guint i = 0; i < impact_csv_import_get_n_columns (import); i++)
    {
      const ImpactCsvColumn *column = impact_csv_import_get_column (import, i);
      g_autofree char *to = NULL;

      if (column->field != NULL)
        /* Translators: where a spreadsheet column goes; %s is a field such as "date" */
        to = g_strdup_printf (_("→ %s"), column->field);
      else
        /* Translators: a spreadsheet column that is left out, and why */
        to = g_strdup_printf (_("Not used: %s"), column->note ? column->note : _("not a known column"));
      add_row (group, column->header && *column->header ? column->header : _("(no header)"), to);
    }

  group = add_group (state, _("First Rows"));
  for (guint i = 0; i < MIN (items->len, PREVIEW_ROWS); i++)
    {
      g_autofree char *subtitle = NULL;
      g_autofree char *title = item_summary (target, g_ptr_array_index (items, i), &subtitle);
      g_autofree char *row_title = NULL;

      /* Translators: a preview row; %u is the spreadsheet's row number, %s the item */
      row_title = g_strdup_printf (_("Row %u: %s"), impact_csv_import_get_item_row (import, i), title);
      add_row (group, row_title, subtitle);
    }
  if (items->len > PREVIEW_ROWS)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("and %u more row", "and %u more rows",
                                                         items->len - PREVIEW_ROWS),
                                               items->len - PREVIEW_ROWS);
      add_row (group, more, NULL);
    }

  /* brand-finish: the TimelineJS template's era rows, which become eras */
  if (impact_csv_import_get_eras (import)->len > 0)
    {
      GPtrArray *eras = impact_csv_import_get_eras (import);

      group = add_group (state, _("Eras"));
      for (guint i = 0; i < eras->len; i++)
        {
          const ImpactEra *era = g_ptr_array_index (eras, i);
          g_autofree char *start = impact_date_format (&era->start);
          g_autofree char *end = impact_date_format (&era->end);
          g_autofree char *row_title = g_strdup_printf (_("Row %u: %s"), impact_csv_import_get_era_row (import, i),
                                                        era->title);
          /* Translators: an era's span in the import preview, e.g. "2019 – 2021" */
          g_autofree char *span = g_strdup_printf (_("%s – %s"), start, end);

          add_row (group, row_title, span);
        }
    }

  if (notes != NULL && notes->len > 0)
    {
      group = add_group (state, _("Left Out"));
      for (guint i = 0; i < notes->len; i++)
        add_row (group, g_ptr_array_index (notes, i), NULL);
    }

  gtk_widget_set_sensitive (state->import_button,
                            items->len > 0 || impact_csv_import_get_eras (import)->len > 0);
}

static void
show_error (ImportState  *state,
            const GError *error)
{
  clear_body (state);
  add_label (state, _("Nothing can be imported from this file:"), FALSE);
  add_label (state, error->message, TRUE);
  gtk_widget_set_sensitive (state->import_button, FALSE);
}

/* Reading */

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *data = task_data;
  g_autoptr(GError) error = NULL;
  ImpactCsvImport *import;

  import = impact_csv_import_read_file (data->file, data->target, data->language, cancellable, &error);
  if (import == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, import, (GDestroyNotify) impact_csv_import_free);
}

static void
read_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  ImpactCsvImport *import = g_task_propagate_pointer (G_TASK (result), &error);
  ImportState *state;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  state = user_data;   /* alive: freeing it cancels the read */

  g_clear_pointer (&state->import, impact_csv_import_free);
  if (import == NULL)
    {
      show_error (state, error);
      return;
    }

  state->import = import;
  state->updating_kind = TRUE;
  adw_combo_row_set_selected (state->kind_row,
                              impact_csv_import_get_target (import) == IMPACT_CSV_TARGET_STATISTICS ? 1 : 0);
  state->updating_kind = FALSE;
  show_import (state);
}

static void
read_file (ImportState     *state,
           ImpactCsvTarget  target)
{
  g_autoptr(GTask) task = NULL;
  ImpactDocument *doc = state->window ? impact_window_get_document (state->window) : NULL;
  ReadData *data;

  g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
  state->cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (state->import_button, FALSE);

  data = g_new0 (ReadData, 1);
  data->file = g_object_ref (state->file);
  data->target = target;
  data->language = doc ? g_strdup (impact_document_get_language (doc)) : NULL;

  task = g_task_new (NULL, state->cancellable, read_done_cb, state);
  g_task_set_source_tag (task, read_file);
  g_task_set_name (task, "impact-window-import");
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_thread);
}

/* The dialog */

static void
kind_changed_cb (AdwComboRow *row,
                 GParamSpec  *pspec,
                 ImportState *state)
{
  if (state->updating_kind)
    return;
  read_file (state, adw_combo_row_get_selected (row) == 1 ? IMPACT_CSV_TARGET_STATISTICS
                                                          : IMPACT_CSV_TARGET_MILESTONES);
}

static void
import_clicked_cb (GtkButton   *button,
                   ImportState *state)
{
  ImpactWindow *self = state->window;
  ImpactDocument *doc;
  g_autofree char *message = NULL;
  guint n;

  if (self == NULL || state->import == NULL || impact_window_get_result (self) == NULL || impact_session_get_undo_stack (self->session) == NULL)
    return;

  /* The typing in progress is its own step; the import is one more */
  impact_window_flush_edits (self);
  doc = impact_window_get_result (self)->document;
  n = impact_csv_import_get_items (state->import)->len;
  impact_csv_import_apply (state->import, doc);
  impact_editor_pane_rebuild (self->editor);
  impact_window_document_edited (self, NULL);

  if (impact_csv_import_get_target (state->import) == IMPACT_CSV_TARGET_STATISTICS)
    /* Translators: a toast after an import */
    message = g_strdup_printf (ngettext ("Imported %u statistic", "Imported %u statistics", n), n);
  else
    /* Translators: a toast after an import */
    message = g_strdup_printf (ngettext ("Imported %u milestone", "Imported %u milestones", n), n);
  impact_window_show_toast (self, message);

  gtk_window_destroy (state->dialog);
}

static GtkWindow *
import_dialog_new (ImpactWindow *self,
                   GFile        *file)
{
  ImportState *state = g_new0 (ImportState, 1);
  g_autoptr(GtkStringList) kinds = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;
  GtkWidget *dialog = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *kind_group = adw_preferences_group_new ();

  state->window = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &state->window);
  state->dialog = GTK_WINDOW (dialog);
  state->file = g_object_ref (file);
  g_object_set_data_full (G_OBJECT (dialog), "impact-import-state", state,
                          (GDestroyNotify) import_state_free);

  /* Translators: the import dialog's title; %s is the file name */
  title = g_strdup_printf (_("Import “%s”"), name);
  gtk_window_set_title (GTK_WINDOW (dialog), title);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_widget_set_name (dialog, "import-dialog");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 520, 600);

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  state->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_add_css_class (state->import_button, "suggested-action");
  gtk_widget_set_sensitive (state->import_button, FALSE);
  g_signal_connect (state->import_button, "clicked", G_CALLBACK (import_clicked_cb), state);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), state->import_button);
  gtk_box_append (GTK_BOX (box), header);

  kinds = gtk_string_list_new (NULL);
  gtk_string_list_append (kinds, _("Milestones"));
  gtk_string_list_append (kinds, _("Statistics"));
  state->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (state->kind_row), _("Import _As"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (state->kind_row), TRUE);
  adw_combo_row_set_model (state->kind_row, G_LIST_MODEL (kinds));
  g_signal_connect (state->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), state);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (kind_group), GTK_WIDGET (state->kind_row));
  gtk_box_append (GTK_BOX (content), kind_group);

  state->body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (content), state->body);
  add_label (state, _("Reading the spreadsheet…"), FALSE);

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (dialog), box);

  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (dialog, shortcuts);
  }

  read_file (state, IMPACT_CSV_TARGET_AUTO);
  return GTK_WINDOW (dialog);
}

/* Public (impact-window-private.h) */

GtkWindow *
impact_window_get_import_dialog (ImpactWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_WINDOW (self), NULL);

  return g_object_get_data (G_OBJECT (self), IMPORT_DIALOG_KEY);
}

static void
import_dialog_destroyed_cb (ImpactWindow *self)
{
  g_object_set_data (G_OBJECT (self), IMPORT_DIALOG_KEY, NULL);
}

void
impact_window_import_csv (ImpactWindow *self,
                          GFile        *file)
{
  GtkWindow *dialog;

  g_return_if_fail (IMPACT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (impact_window_get_result (self) == NULL)
    return;

  dialog = impact_window_get_import_dialog (self);
  if (dialog != NULL)
    gtk_window_destroy (dialog);

  dialog = import_dialog_new (self, file);
  g_object_set_data (G_OBJECT (self), IMPORT_DIALOG_KEY, dialog);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (import_dialog_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     ImpactWindow    *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    impact_window_import_csv (self, file);
}

static void
import_spreadsheet_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ImpactWindow *self = IMPACT_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (impact_window_get_result (self) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import Spreadsheet"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
impact_window_class_import_init (ImpactWindowClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.import-spreadsheet", NULL,
                                   import_spreadsheet_action);
}
