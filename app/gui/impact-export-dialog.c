/* impact-export-dialog.c: choose format, paper size, resolution and pages,
 * then where to write the export
 *
 * The choices (but the paper, which is for this export only) are kept in
 * the settings when the dialog exports or is closed, and the next dialog
 * opens with them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-export-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "impact-accessible.h"
#include "impact-export-dialog.h"
#include "impact-render.h"

struct _ImpactExportDialog
{
  AdwWindow             parent_instance;

  /* Template Widgets */
  GtkButton            *export_button;
  AdwComboRow          *format_row;
  AdwComboRow          *page_size_row;
  AdwActionRow         *dpi_row;
  GtkSpinButton        *dpi_spin;
  AdwComboRow          *pages_row;
  AdwComboRow          *part_row;
  AdwActionRow         *card_row;
  GtkSpinButton        *card_spin;
  AdwActionRow         *bleed_row;
  GtkSpinButton        *bleed_spin;
  AdwActionRow         *crop_row;
  GtkSwitch            *crop_switch;
  AdwActionRow         *pdfx_row;
  GtkSwitch            *pdfx_switch;

  /* Owned References */
  GSettings            *settings;
  GFile                *document_file;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (ImpactExportDialog, impact_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Order of the rows' models */
static const ImpactExportFormat formats[] = {
  IMPACT_EXPORT_FORMAT_PDF, IMPACT_EXPORT_FORMAT_PNG, IMPACT_EXPORT_FORMAT_SVG,
};
static const ImpactPageSize page_sizes[] = {
  IMPACT_PAGE_SIZE_LETTER, IMPACT_PAGE_SIZE_A4,
};

/* Helpers */

static ImpactExportFormat
selected_format (ImpactExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  return selected < G_N_ELEMENTS (formats) ? formats[selected] : IMPACT_EXPORT_FORMAT_PDF;
}

static ImpactExportKind
selected_kind (ImpactExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->part_row);

  return selected <= IMPACT_EXPORT_KIND_TIMELINE_HANDOUT ? (ImpactExportKind) selected
                                                         : IMPACT_EXPORT_KIND_SHEET;
}

/* The handout is a paginated PDF whatever the format row says */
static ImpactExportFormat
effective_format (ImpactExportDialog *self)
{
  if (selected_kind (self) == IMPACT_EXPORT_KIND_TIMELINE_HANDOUT)
    return IMPACT_EXPORT_FORMAT_PDF;
  return selected_format (self);
}

static const char *
format_extension (ImpactExportFormat format)
{
  switch (format)
    {
    case IMPACT_EXPORT_FORMAT_PNG:
      return "png";
    case IMPACT_EXPORT_FORMAT_SVG:
      return "svg";
    case IMPACT_EXPORT_FORMAT_PDF:
    default:
      return "pdf";
    }
}

static const char *
format_mime_type (ImpactExportFormat format)
{
  switch (format)
    {
    case IMPACT_EXPORT_FORMAT_PNG:
      return "image/png";
    case IMPACT_EXPORT_FORMAT_SVG:
      return "image/svg+xml";
    case IMPACT_EXPORT_FORMAT_PDF:
    default:
      return "application/pdf";
    }
}

/* The ids of "export-kind", in the order of ImpactExportKind */
static const char * const kind_ids[] = {
  "sheet", "stats-card", "timeline-slide", "timeline-handout",
};

/* Everything chosen here but the paper, for the next dialog (in this
 * session or the next). Not the paper: "page-size" is what the previews
 * and printing follow, and the paper chosen here is for this export only. */
static void
remember_choices (ImpactExportDialog *self)
{
  ImpactExportKind kind = selected_kind (self);

  /* (not g_settings_delay (): the settings are the window's, and a delayed
   * GSettings stays delayed, holding back every later change the window
   * makes until the next apply) */
  g_settings_set_string (self->settings, "export-kind", kind_ids[kind]);
  g_settings_set_string (self->settings, "export-format",
                         format_extension (selected_format (self)));
  g_settings_set_int (self->settings, "export-dpi", gtk_spin_button_get_value_as_int (self->dpi_spin));
  g_settings_set_int (self->settings, "export-pages", (int) adw_combo_row_get_selected (self->pages_row));
  g_settings_set_int (self->settings, "export-card-size", gtk_spin_button_get_value_as_int (self->card_spin));
  g_settings_set_double (self->settings, "export-bleed", gtk_spin_button_get_value (self->bleed_spin));
  g_settings_set_boolean (self->settings, "export-crop-marks", gtk_switch_get_active (self->crop_switch));
  g_settings_set_boolean (self->settings, "export-pdfx", gtk_switch_get_active (self->pdfx_switch));
}

/* The choices of the last dialog */
static void
restore_choices (ImpactExportDialog *self)
{
  g_autofree char *kind = g_settings_get_string (self->settings, "export-kind");

  for (guint i = 0; i < G_N_ELEMENTS (kind_ids); i++)
    if (g_strcmp0 (kind, kind_ids[i]) == 0)
      adw_combo_row_set_selected (self->part_row, i);
  gtk_spin_button_set_value (self->card_spin, g_settings_get_int (self->settings, "export-card-size"));
  gtk_spin_button_set_value (self->bleed_spin, g_settings_get_double (self->settings, "export-bleed"));
  gtk_switch_set_active (self->crop_switch, g_settings_get_boolean (self->settings, "export-crop-marks"));
  gtk_switch_set_active (self->pdfx_switch, g_settings_get_boolean (self->settings, "export-pdfx"));
}

static void
save_choices (ImpactExportDialog *self,
              GFile              *output)
{
  g_autoptr(GFile) folder = g_file_get_parent (output);

  remember_choices (self);
  if (folder != NULL)
    {
      g_autofree char *uri = g_file_get_uri (folder);

      g_settings_set_string (self->settings, "export-folder", uri);
    }
}

/* Closed without exporting: the choices are kept all the same */
static gboolean
close_request_cb (ImpactExportDialog *self)
{
  remember_choices (self);
  return FALSE;
}

/* Signal callbacks */

static void
choice_changed_cb (ImpactExportDialog *self)
{
  ImpactExportKind kind = selected_kind (self);
  ImpactExportFormat format = effective_format (self);
  gboolean all_pages = adw_combo_row_get_selected (self->pages_row) == 0;
  gboolean sheet = kind == IMPACT_EXPORT_KIND_SHEET;
  gboolean card = kind == IMPACT_EXPORT_KIND_STATS_CARD;
  gboolean handout = kind == IMPACT_EXPORT_KIND_TIMELINE_HANDOUT;

  /* A card has its own size; the sheet its paper, pages and print marks;
   * the slide is 1920 × 1080 as on the command line; the handout is a PDF
   * on the chosen paper */
  gtk_widget_set_visible (GTK_WIDGET (self->format_row), !handout);
  gtk_widget_set_visible (GTK_WIDGET (self->dpi_row), format == IMPACT_EXPORT_FORMAT_PNG && sheet);
  gtk_widget_set_visible (GTK_WIDGET (self->card_row), card);
  gtk_widget_set_visible (GTK_WIDGET (self->page_size_row), sheet || handout);
  gtk_widget_set_visible (GTK_WIDGET (self->pages_row), sheet);
  gtk_widget_set_visible (GTK_WIDGET (self->bleed_row), sheet);
  gtk_widget_set_visible (GTK_WIDGET (self->crop_row), sheet);
  gtk_widget_set_visible (GTK_WIDGET (self->pdfx_row), format == IMPACT_EXPORT_FORMAT_PDF);

  if (format != IMPACT_EXPORT_FORMAT_PDF && all_pages)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->pages_row),
                                 _("One numbered file per page"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->pages_row), NULL);
}

static void
chooser_response_cb (ImpactExportDialog   *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) output = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    output = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);

  if (output == NULL)
    return;

  save_choices (self, output);
  g_signal_emit (self, signals[EXPORT], 0, output);
  gtk_window_close (GTK_WINDOW (self));
}

static void
export_clicked_cb (ImpactExportDialog *self)
{
  ImpactExportFormat format = effective_format (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = impact_export_dialog_suggest_name_for_kind (self->document_file,
                                                                      selected_kind (self), format);
  g_autofree char *folder_uri = g_settings_get_string (self->settings, "export-folder");
  g_autoptr(GFile) folder = NULL;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (selected_kind (self) >= IMPACT_EXPORT_KIND_TIMELINE_SLIDE
                                               ? _("Export Timeline") : _("Export Fact Sheet"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  switch (format)
    {
    case IMPACT_EXPORT_FORMAT_PNG:
      gtk_file_filter_set_name (filter, _("PNG Images"));
      break;
    case IMPACT_EXPORT_FORMAT_SVG:
      gtk_file_filter_set_name (filter, _("SVG Images"));
      break;
    case IMPACT_EXPORT_FORMAT_PDF:
    default:
      gtk_file_filter_set_name (filter, _("PDF Documents"));
      break;
    }
  gtk_file_filter_add_mime_type (filter, format_mime_type (format));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  if (folder_uri != NULL && *folder_uri != '\0')
    folder = g_file_new_for_uri (folder_uri);
  else if (self->document_file != NULL && g_file_is_native (self->document_file))
    folder = g_file_get_parent (self->document_file);
  if (folder != NULL && g_file_query_exists (folder, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* GObject overrides */

static void
impact_export_dialog_dispose (GObject *object)
{
  ImpactExportDialog *self = IMPACT_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), IMPACT_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (impact_export_dialog_parent_class)->dispose (object);
}

static void
impact_export_dialog_finalize (GObject *object)
{
  ImpactExportDialog *self = IMPACT_EXPORT_DIALOG (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->document_file);

  G_OBJECT_CLASS (impact_export_dialog_parent_class)->finalize (object);
}

static void
impact_export_dialog_class_init (ImpactExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_export_dialog_dispose;
  object_class->finalize = impact_export_dialog_finalize;

  /**
   * ImpactExportDialog::export:
   * @output: the file the user chose
   *
   * Emitted when the user has chosen where to export; read the choices with
   * impact_export_dialog_get_options().
   */
  signals[EXPORT] =
    g_signal_new ("export",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactsheet/ImpactSheet/ui/impact-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, ImpactExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactExportDialog, page_size_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactExportDialog, dpi_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactExportDialog, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, ImpactExportDialog, pages_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactExportDialog, part_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactExportDialog, card_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactExportDialog, card_spin);
  gtk_widget_class_bind_template_child (widget_class, ImpactExportDialog, bleed_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactExportDialog, bleed_spin);
  gtk_widget_class_bind_template_child (widget_class, ImpactExportDialog, crop_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactExportDialog, crop_switch);
  gtk_widget_class_bind_template_child (widget_class, ImpactExportDialog, pdfx_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactExportDialog, pdfx_switch);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
impact_export_dialog_init (ImpactExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* the settings' group has no title: its list is named for the screen reader */
  impact_accessible_label_lists (GTK_WIDGET (self), _("Export Settings"));
  impact_accessible_name_parts (GTK_WIDGET (self));
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

/* Public API */

ImpactExportDialog *
impact_export_dialog_new (GtkWindow *parent,
                          GSettings *settings,
                          GFile     *document_file,
                          guint      n_pages)
{
  ImpactExportDialog *self;
  g_autoptr(GtkStringList) pages = NULL;
  ImpactExportOptions options;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (!document_file || G_IS_FILE (document_file), NULL);

  /* a dialog to a screen reader, not a bare widget (AdwWindow's role,
   * which a class role does not override) */
  self = g_object_new (IMPACT_TYPE_EXPORT_DIALOG,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->settings = g_object_ref (settings);
  self->document_file = document_file ? g_object_ref (document_file) : NULL;

  pages = gtk_string_list_new (NULL);
  gtk_string_list_append (pages, _("All Pages"));
  for (guint i = 1; i <= MAX (n_pages, 1); i++)
    {
      /* Translators: an entry of the export dialog's page list */
      g_autofree char *label = g_strdup_printf (_("Page %u"), i);

      gtk_string_list_append (pages, label);
    }
  adw_combo_row_set_model (self->pages_row, G_LIST_MODEL (pages));

  impact_export_dialog_options_from_settings (settings, &options);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i] == options.format)
      adw_combo_row_set_selected (self->format_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (page_sizes); i++)
    if (page_sizes[i] == options.page_size)
      adw_combo_row_set_selected (self->page_size_row, i);
  gtk_spin_button_set_value (self->dpi_spin, options.dpi);
  adw_combo_row_set_selected (self->pages_row, options.page <= MAX (n_pages, 1) ? options.page : 0);
  restore_choices (self);
  choice_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->export_button));

  return self;
}

void
impact_export_dialog_get_options (ImpactExportDialog  *self,
                                  ImpactExportOptions *options)
{
  guint page_index;

  g_return_if_fail (IMPACT_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  impact_export_options_init (options);
  options->format = effective_format (self);
  options->pdfx = options->format == IMPACT_EXPORT_FORMAT_PDF &&
                  gtk_switch_get_active (self->pdfx_switch);
  page_index = adw_combo_row_get_selected (self->page_size_row);
  options->page_size = page_index < G_N_ELEMENTS (page_sizes) ? page_sizes[page_index]
                                                              : IMPACT_PAGE_SIZE_LETTER;
  options->dpi = gtk_spin_button_get_value (self->dpi_spin);
  options->page = adw_combo_row_get_selected (self->pages_row);
  if (selected_kind (self) == IMPACT_EXPORT_KIND_STATS_CARD)
    {
      options->part = IMPACT_EXPORT_PART_STATS;
      options->card_width = gtk_spin_button_get_value_as_int (self->card_spin);
      options->card_height = options->card_width;
      options->page = 0;
    }
  else
    {
      options->part = IMPACT_EXPORT_PART_SHEET;
      /* millimetres to points */
      options->bleed = MIN (gtk_spin_button_get_value (self->bleed_spin) * 72.0 / 25.4,
                            IMPACT_RENDER_MAX_BLEED);
      options->crop_marks = gtk_switch_get_active (self->crop_switch);
    }
}

ImpactExportKind
impact_export_dialog_get_kind (ImpactExportDialog *self)
{
  g_return_val_if_fail (IMPACT_IS_EXPORT_DIALOG (self), IMPACT_EXPORT_KIND_SHEET);

  return selected_kind (self);
}

void
impact_export_dialog_get_timeline_options (ImpactExportDialog          *self,
                                           ImpactTimelineExportOptions *options)
{
  guint page_index;

  g_return_if_fail (IMPACT_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  impact_timeline_export_options_init (options);
  options->format = effective_format (self);
  options->handout = selected_kind (self) == IMPACT_EXPORT_KIND_TIMELINE_HANDOUT;
  page_index = adw_combo_row_get_selected (self->page_size_row);
  options->page_size = page_index < G_N_ELEMENTS (page_sizes) ? page_sizes[page_index]
                                                              : IMPACT_PAGE_SIZE_LETTER;
  options->pdfx = options->format == IMPACT_EXPORT_FORMAT_PDF &&
                  gtk_switch_get_active (self->pdfx_switch);
}

void
impact_export_dialog_options_from_settings (GSettings           *settings,
                                            ImpactExportOptions *options)
{
  g_autofree char *format = NULL;
  g_autofree char *page_size = NULL;
  int pages;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (options != NULL);

  impact_export_options_init (options);

  format = g_settings_get_string (settings, "export-format");
  if (g_strcmp0 (format, "png") == 0)
    options->format = IMPACT_EXPORT_FORMAT_PNG;
  else if (g_strcmp0 (format, "svg") == 0)
    options->format = IMPACT_EXPORT_FORMAT_SVG;
  else
    options->format = IMPACT_EXPORT_FORMAT_PDF;

  page_size = g_settings_get_string (settings, "page-size");
  if (!impact_page_size_from_string (page_size, &options->page_size))
    options->page_size = IMPACT_PAGE_SIZE_LETTER;

  options->dpi = CLAMP (g_settings_get_int (settings, "export-dpi"),
                        IMPACT_EXPORT_MIN_DPI, IMPACT_EXPORT_MAX_DPI);
  pages = g_settings_get_int (settings, "export-pages");
  options->page = pages > 0 ? (guint) pages : 0;
}

char *
impact_export_dialog_suggest_name (GFile              *document_file,
                                   ImpactExportFormat  format)
{
  return impact_export_dialog_suggest_name_for_kind (document_file, IMPACT_EXPORT_KIND_SHEET, format);
}

char *
impact_export_dialog_suggest_name_for_kind (GFile              *document_file,
                                            ImpactExportKind    kind,
                                            ImpactExportFormat  format)
{
  g_autofree char *basename = NULL;
  const char *suffix = NULL;
  char *dot;

  if (document_file != NULL)
    basename = g_file_get_basename (document_file);
  if (basename == NULL || *basename == '\0' || g_str_equal (basename, "/"))
    {
      g_free (basename);
      /* Translators: the suggested file name of an export, without extension */
      basename = g_strdup (_("fact-sheet"));
    }

  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    *dot = '\0';

  switch (kind)
    {
    case IMPACT_EXPORT_KIND_STATS_CARD:
      /* Translators: added to the suggested file name of a statistics card */
      suffix = _("stats");
      break;
    case IMPACT_EXPORT_KIND_TIMELINE_SLIDE:
      /* Translators: added to the suggested file name of a timeline slide */
      suffix = _("timeline");
      break;
    case IMPACT_EXPORT_KIND_TIMELINE_HANDOUT:
      /* Translators: added to the suggested file name of a timeline handout */
      suffix = _("handout");
      format = IMPACT_EXPORT_FORMAT_PDF;
      break;
    case IMPACT_EXPORT_KIND_SHEET:
    default:
      break;
    }

  if (suffix != NULL)
    return g_strdup_printf ("%s-%s.%s", basename, suffix, format_extension (format));
  return g_strdup_printf ("%s.%s", basename, format_extension (format));
}
