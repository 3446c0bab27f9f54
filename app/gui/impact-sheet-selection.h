/* impact-sheet-selection.h: which editor field a part of the sheet is edited
 * in, and which part of the sheet a field shows
 *
 * Pure functions (no widgets), unit-tested without a display. They join
 * the preview's boxes (impact-sheet-layout.h) to the editor pane's field
 * keys ("statistics.2.value").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "impact-sheet-layout.h"

G_BEGIN_DECLS

/* The key of the first field that edits @section's @item (-1: the section
 * itself; for a list, its first item). NULL when no field edits it. */
char     *impact_sheet_selection_key_for  (ImpactSection  section,
                                           int            item);
/* The section (and item, or -1) that shows the field @key; FALSE for
 * fields that are not on the sheet (design, timeline eras). */
gboolean  impact_sheet_selection_from_key (const char    *key,
                                           ImpactSection *out_section,
                                           int           *out_item);
/* A name for @section's @item for people ("Statistic 2", "Quote") */
char     *impact_sheet_selection_describe (ImpactSection  section,
                                           int            item);

G_END_DECLS
