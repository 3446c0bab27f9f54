/* impact-export-dialog.h: choose format, paper size, resolution and pages,
 * then where to write the export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "impact-export.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_EXPORT_DIALOG (impact_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ImpactExportDialog, impact_export_dialog, IMPACT, EXPORT_DIALOG, AdwWindow)

/* The choices start from @settings and are saved there when the user
 * exports. @document_file (optional) suggests the output's name. */
ImpactExportDialog *impact_export_dialog_new                   (GtkWindow           *parent,
                                                                GSettings           *settings,
                                                                GFile               *document_file,
                                                                guint                n_pages);
void                impact_export_dialog_get_options           (ImpactExportDialog  *self,
                                                                ImpactExportOptions *options);
/* The remembered choices, as used by the dialog. */
void                impact_export_dialog_options_from_settings (GSettings           *settings,
                                                                ImpactExportOptions *options);
/* "report.json" + PNG → "report.png" */
char               *impact_export_dialog_suggest_name          (GFile               *document_file,
                                                                ImpactExportFormat   format);

G_END_DECLS
