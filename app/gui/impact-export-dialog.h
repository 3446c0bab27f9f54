/* impact-export-dialog.h: choose format, paper size, resolution and pages,
 * then where to write the export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "impact-export.h"
#include "impact-timeline-render.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_EXPORT_DIALOG (impact_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ImpactExportDialog, impact_export_dialog, IMPACT, EXPORT_DIALOG, AdwWindow)

/* What the dialog exports, in the order of its "What" row */
typedef enum
{
  IMPACT_EXPORT_KIND_SHEET,
  IMPACT_EXPORT_KIND_STATS_CARD,
  IMPACT_EXPORT_KIND_TIMELINE_SLIDE,
  IMPACT_EXPORT_KIND_TIMELINE_HANDOUT,
} ImpactExportKind;

/* The choices start from @settings and are saved there when the user
 * exports. @document_file (optional) suggests the output's name. */
ImpactExportDialog *impact_export_dialog_new                   (GtkWindow           *parent,
                                                                GSettings           *settings,
                                                                GFile               *document_file,
                                                                guint                n_pages);
void                impact_export_dialog_get_options           (ImpactExportDialog  *self,
                                                                ImpactExportOptions *options);
ImpactExportKind    impact_export_dialog_get_kind              (ImpactExportDialog  *self);
/* For the timeline kinds: the slide or the handout as the CLI makes them */
void                impact_export_dialog_get_timeline_options  (ImpactExportDialog          *self,
                                                                ImpactTimelineExportOptions *options);
/* The remembered choices, as used by the dialog. */
void                impact_export_dialog_options_from_settings (GSettings           *settings,
                                                                ImpactExportOptions *options);
/* "report.json" + PNG → "report.png" */
char               *impact_export_dialog_suggest_name          (GFile               *document_file,
                                                                ImpactExportFormat   format);
/* "report.json" + handout → "report-handout.pdf"; the sheet keeps "report.pdf" */
char               *impact_export_dialog_suggest_name_for_kind (GFile               *document_file,
                                                                ImpactExportKind     kind,
                                                                ImpactExportFormat   format);

G_END_DECLS
