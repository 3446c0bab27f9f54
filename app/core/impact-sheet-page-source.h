/* impact-sheet-page-source.h: a laid-out sheet or stats card as a page source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "impact-page-source.h"
#include "impact-sheet-layout.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_SHEET_PAGE_SOURCE (impact_sheet_page_source_get_type ())
G_DECLARE_FINAL_TYPE (ImpactSheetPageSource, impact_sheet_page_source, IMPACT, SHEET_PAGE_SOURCE, GObject)

/* The pages of @layout, with @bleed points and @crop_marks for print
 * (impact-render.h); @part says whether it is a sheet or a card (the
 * title, the bookmarks and the pixel size follow). */
ImpactPageSource *impact_sheet_page_source_new (ImpactSheetLayout *layout,
                                                ImpactExportPart   part,
                                                double             bleed,
                                                gboolean           crop_marks);

G_END_DECLS
