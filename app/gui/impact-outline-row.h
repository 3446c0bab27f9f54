/* impact-outline-row.h: one entry of the document outline, with its warnings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "impact-diagnostics.h"
#include "impact-sheet-layout.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_OUTLINE_ROW (impact_outline_row_get_type ())
G_DECLARE_FINAL_TYPE (ImpactOutlineRow, impact_outline_row, IMPACT, OUTLINE_ROW, AdwActionRow)

/* @item is -1 for a whole section; -2 for an entry that is not on the page
 * (the theme, or warnings that concern nothing in particular). */
GtkWidget     *impact_outline_row_new              (ImpactSection           section,
                                                    int                     item,
                                                    const char             *title,
                                                    const char             *subtitle);
ImpactSection  impact_outline_row_get_section      (ImpactOutlineRow       *self);
int            impact_outline_row_get_item         (ImpactOutlineRow       *self);
/* Shows a warning icon; the tooltip lists every message added. */
void           impact_outline_row_add_diagnostic   (ImpactOutlineRow       *self,
                                                    const ImpactDiagnostic *diagnostic);
guint          impact_outline_row_get_n_warnings   (ImpactOutlineRow       *self);

G_END_DECLS
