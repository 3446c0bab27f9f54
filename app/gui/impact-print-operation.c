/* impact-print-operation.c: print a fact sheet with the shared renderer
 *
 * The sheet is laid out for the paper of the chosen page setup (Letter or
 * A4, whichever is closer) and drawn on the whole paper (a paper of
 * another size gets the page scaled to fit, keeping its proportions) by
 * impact_render_page(): the same code as the preview and the exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-print-operation"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "impact-print-operation.h"
#include "impact-render.h"
#include "impact-sheet-layout.h"

struct _ImpactPrintOperation
{
  GtkPrintOperation  parent_instance;

  /* Owned References */
  ImpactDocument    *document;
  ImpactTheme       *theme;
  ImpactSheetLayout *layout;
  GError            *render_error;

  ImpactPageSize     default_size;
};

G_DEFINE_FINAL_TYPE (ImpactPrintOperation, impact_print_operation, GTK_TYPE_PRINT_OPERATION)

static GtkPageSetup *
page_setup_for_size (ImpactPageSize size)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper =
    gtk_paper_size_new (size == IMPACT_PAGE_SIZE_A4 ? GTK_PAPER_NAME_A4 : GTK_PAPER_NAME_LETTER);

  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  return setup;
}

/* GtkPrintOperation overrides */

static void
impact_print_operation_begin_print (GtkPrintOperation *operation,
                                    GtkPrintContext   *context)
{
  ImpactPrintOperation *self = IMPACT_PRINT_OPERATION (operation);
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  ImpactPageSize size = self->default_size;

  if (setup != NULL)
    size = impact_print_operation_closest_size (gtk_page_setup_get_paper_width (setup, GTK_UNIT_MM),
                                                gtk_page_setup_get_paper_height (setup, GTK_UNIT_MM));

  g_clear_object (&self->layout);
  self->layout = impact_sheet_layout_new (self->document, self->theme, size, NULL);
  gtk_print_operation_set_n_pages (operation, MAX (1, impact_sheet_layout_get_n_pages (self->layout)));
}

static void
impact_print_operation_draw_page (GtkPrintOperation *operation,
                                  GtkPrintContext   *context,
                                  int                page_nr)
{
  ImpactPrintOperation *self = IMPACT_PRINT_OPERATION (operation);
  g_autoptr(GError) error = NULL;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);    /* points: see init */
  double height = gtk_print_context_get_height (context);
  double page_width = 0, page_height = 0;
  double scale;

  if (self->layout == NULL || page_nr < 0 ||
      (guint) page_nr >= impact_sheet_layout_get_n_pages (self->layout))
    return;

  impact_sheet_layout_get_page_extent (self->layout, &page_width, &page_height);
  if (page_width <= 0 || page_height <= 0)
    return;

  /* Fit the page onto the paper, centred, never enlarged */
  scale = MIN (1.0, MIN (width / page_width, height / page_height));

  cairo_save (cr);
  cairo_translate (cr, (width - page_width * scale) / 2.0, (height - page_height * scale) / 2.0);
  cairo_scale (cr, scale, scale);
  if (!impact_render_page (cr, self->layout, (guint) page_nr, &error) && self->render_error == NULL)
    {
      self->render_error = g_steal_pointer (&error);
      gtk_print_operation_cancel (operation);
    }
  cairo_restore (cr);
}

static void
impact_print_operation_end_print (GtkPrintOperation *operation,
                                  GtkPrintContext   *context)
{
  ImpactPrintOperation *self = IMPACT_PRINT_OPERATION (operation);

  g_clear_object (&self->layout);
}

/* GObject overrides */

static void
impact_print_operation_finalize (GObject *object)
{
  ImpactPrintOperation *self = IMPACT_PRINT_OPERATION (object);

  g_clear_object (&self->layout);
  g_clear_object (&self->theme);
  g_clear_object (&self->document);
  g_clear_error (&self->render_error);

  G_OBJECT_CLASS (impact_print_operation_parent_class)->finalize (object);
}

static void
impact_print_operation_class_init (ImpactPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = impact_print_operation_finalize;

  operation_class->begin_print = impact_print_operation_begin_print;
  operation_class->draw_page = impact_print_operation_draw_page;
  operation_class->end_print = impact_print_operation_end_print;
}

static void
impact_print_operation_init (ImpactPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The sheet has its own margins: the page is the paper, not the paper
   * less the printer's margins (which would shrink the sheet by a tenth) */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
}

/* Public API */

ImpactPrintOperation *
impact_print_operation_new (ImpactDocument *document,
                            ImpactTheme    *theme,
                            ImpactPageSize  page_size)
{
  ImpactPrintOperation *self;
  g_autoptr(GtkPageSetup) setup = NULL;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (IMPACT_IS_THEME (theme), NULL);

  self = g_object_new (IMPACT_TYPE_PRINT_OPERATION, NULL);
  self->document = g_object_ref (document);
  self->theme = g_object_ref (theme);
  self->default_size = page_size;

  setup = page_setup_for_size (page_size);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);

  return self;
}

const GError *
impact_print_operation_get_render_error (ImpactPrintOperation *self)
{
  g_return_val_if_fail (IMPACT_IS_PRINT_OPERATION (self), NULL);

  return self->render_error;
}

ImpactPageSize
impact_print_operation_closest_size (double width_mm,
                                     double height_mm)
{
  /* Portrait or landscape alike: compare the sorted sides */
  double shorter = MIN (width_mm, height_mm);
  double longer = MAX (width_mm, height_mm);
  double to_a4 = fabs (shorter - 210.0) + fabs (longer - 297.0);
  double to_letter = fabs (shorter - 215.9) + fabs (longer - 279.4);

  return to_a4 < to_letter ? IMPACT_PAGE_SIZE_A4 : IMPACT_PAGE_SIZE_LETTER;
}

GtkPrintSettings *
impact_print_operation_prepare_settings (GtkPrintSettings *previous,
                                         ImpactDocument   *document)
{
  GtkPrintSettings *settings = previous ? gtk_print_settings_copy (previous) : gtk_print_settings_new ();
  GFile *file = impact_document_get_file (document);
  g_autofree char *base = NULL;
  char *dot;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (document), settings);

  if (file != NULL && !g_file_has_uri_scheme (file, "resource"))
    base = g_file_get_basename (file);
  else
    base = impact_document_suggest_file_name (document);
  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';

  /* "Print to File" writes BASENAME.pdf in the sheet's folder (not the
   * last print's file, nor "output.pdf") */
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, NULL);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, base);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  if (file != NULL && g_file_is_native (file))
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *uri = folder ? g_file_get_uri (folder) : NULL;

      if (uri != NULL)
        gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR, uri);
    }
  return settings;
}
