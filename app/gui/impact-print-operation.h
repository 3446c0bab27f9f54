/* impact-print-operation.h: print a fact sheet with the shared renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "impact-document.h"
#include "impact-page.h"
#include "impact-theme.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_PRINT_OPERATION (impact_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (ImpactPrintOperation, impact_print_operation, IMPACT, PRINT_OPERATION, GtkPrintOperation)

/* @page_size is the paper used when the page setup does not name one. */
ImpactPrintOperation *impact_print_operation_new              (ImpactDocument       *document,
                                                               ImpactTheme          *theme,
                                                               ImpactPageSize        page_size);
/* Set when a page could not be drawn (the job is then cancelled). */
const GError         *impact_print_operation_get_render_error (ImpactPrintOperation *self);
/* The sheet's paper that is closest to @width_mm × @height_mm (pure). */
ImpactPageSize        impact_print_operation_closest_size     (double                width_mm,
                                                               double                height_mm);

/* The settings a print starts from: @previous (the last print's, may be
 * NULL) with the output file of "Print to File" named after the sheet
 * (@document_file's name, or the office) in the sheet's folder, as PDF.
 * The job name is the same. */
GtkPrintSettings     *impact_print_operation_prepare_settings (GtkPrintSettings     *previous,
                                                               ImpactDocument       *document);

G_END_DECLS
