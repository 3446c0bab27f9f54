/* impact-date-row.c: a date, typed or chosen on a calendar
 *
 * The entry takes YYYY, YYYY-MM or YYYY-MM-DD as typed (and says when a
 * text is none of them). The calendar button next to it opens a popover
 * with a calendar and the precision the data keeps (year, month or day):
 * choosing a day, or another precision, writes the date into the entry,
 * which applies it as if it were typed; the calendar follows what is
 * typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-editor-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "impact-accessible.h"
#include "impact-editor-pane-private.h"

typedef struct
{
  GtkWidget *entry;      /* the row (borrowed) */
  GtkWidget *calendar;
  GtkWidget *precision;
  gboolean   syncing;
} DateRow;

char *
impact_date_row_text (int                 year,
                      int                 month,
                      int                 day,
                      ImpactDatePrecision precision)
{
  ImpactDate date = { (gint16) CLAMP (year, 1, 9999), 0, 0 };

  if (precision >= IMPACT_DATE_PRECISION_MONTH)
    date.month = (guint8) CLAMP (month, 1, 12);
  if (precision >= IMPACT_DATE_PRECISION_DAY)
    date.day = (guint8) CLAMP (day, 1, 31);
  return impact_date_to_iso (&date);
}

/* The drop-down's items, in order */
static ImpactDatePrecision
selected_precision (DateRow *date_row)
{
  return IMPACT_DATE_PRECISION_YEAR + gtk_drop_down_get_selected (GTK_DROP_DOWN (date_row->precision));
}

static void
write_date (DateRow *date_row)
{
  g_autoptr(GDateTime) chosen = NULL;
  g_autofree char *text = NULL;

  if (date_row->syncing)
    return;
  date_row->syncing = TRUE;
  chosen = gtk_calendar_get_date (GTK_CALENDAR (date_row->calendar));
  text = impact_date_row_text (g_date_time_get_year (chosen), g_date_time_get_month (chosen),
                               g_date_time_get_day_of_month (chosen), selected_precision (date_row));
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (date_row->entry))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (date_row->entry), text);
  date_row->syncing = FALSE;
}

static void
day_selected_cb (GtkCalendar *calendar,
                 DateRow     *date_row)
{
  write_date (date_row);
}

static void
precision_changed_cb (GtkDropDown *drop_down,
                      GParamSpec  *pspec,
                      DateRow     *date_row)
{
  write_date (date_row);
}

/* The calendar follows the date typed (and opens on today when there
 * is none) */
static void
sync_from_entry (DateRow *date_row)
{
  ImpactDate date = { 0 };
  g_autoptr(GDateTime) day = NULL;

  date_row->syncing = TRUE;
  if (impact_date_parse (gtk_editable_get_text (GTK_EDITABLE (date_row->entry)), &date))
    {
      day = g_date_time_new_local (date.year, date.month ? date.month : 1, date.day ? date.day : 1, 0, 0, 0);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (date_row->precision),
                                  impact_date_get_precision (&date) - IMPACT_DATE_PRECISION_YEAR);
    }
  if (day == NULL)
    day = g_date_time_new_now_local ();
  gtk_calendar_select_day (GTK_CALENDAR (date_row->calendar), day);
  date_row->syncing = FALSE;
}

static void
popover_show_cb (GtkPopover *popover,
                 DateRow    *date_row)
{
  sync_from_entry (date_row);
}

static void
entry_changed_cb (GtkEditable *entry,
                  DateRow     *date_row)
{
  if (!date_row->syncing)
    sync_from_entry (date_row);
}

GtkWidget *
impact_date_row_new (ImpactEditorPane  *self,
                     ImpactEditorField *field)
{
  const char * const precisions[] = { _("Year"), _("Month"), _("Day"), NULL };
  GtkWidget *row = impact_field_row_entry_new (self, field);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Precision"));
  DateRow *date_row = g_new0 (DateRow, 1);

  g_object_set_data_full (G_OBJECT (row), "date-row", date_row, g_free);
  date_row->entry = row;
  gtk_editable_set_max_width_chars (GTK_EDITABLE (row), 10);
  impact_field_row_set_hint (row, field->info->hint ? _(field->info->hint) : _("YYYY, YYYY-MM or YYYY-MM-DD"));

  date_row->calendar = gtk_calendar_new ();
  gtk_widget_set_name (date_row->calendar, "date-calendar");
  date_row->precision = gtk_drop_down_new_from_strings (precisions);
  gtk_widget_set_name (date_row->precision, "date-precision");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (date_row->precision), IMPACT_DATE_PRECISION_DAY - IMPACT_DATE_PRECISION_YEAR);
  gtk_widget_set_hexpand (date_row->precision, TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), date_row->precision);
  impact_accessible_set_label (date_row->precision, _("Precision"));
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (line), date_row->precision);
  gtk_box_append (GTK_BOX (box), date_row->calendar);
  gtk_box_append (GTK_BOX (box), line);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect (popover, "show", G_CALLBACK (popover_show_cb), date_row);
  g_signal_connect_after (row, "changed", G_CALLBACK (entry_changed_cb), date_row);
  g_signal_connect (date_row->calendar, "day-selected", G_CALLBACK (day_selected_cb), date_row);
  g_signal_connect (date_row->precision, "notify::selected", G_CALLBACK (precision_changed_cb), date_row);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_name (button, "date-button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose a Date"));
  impact_accessible_set_label (button, _("Choose a Date"));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  sync_from_entry (date_row);
  return row;
}
