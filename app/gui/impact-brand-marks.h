/* impact-brand-marks.h: which fields of the editor come from the brand
 *
 * A field whose value the sheet inherits from its brand file
 * (impact_brand_list_inherited()) carries "From brand.json" at its end; a
 * field the office overrides while the brand has a value carries a
 * "Reset to brand" button, which gives the brand's value back (one edit,
 * undone as any other; saving then leaves the member out of the office's
 * file). Typing in an inherited field makes the value the office's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "impact-editor-pane.h"

G_BEGIN_DECLS

/* Puts the marks on the pane's rows for its document as it is now; called
 * by the pane after building its rows and after each edit */
void        impact_brand_marks_update    (ImpactEditorPane *pane);
/* The mark of the field at @path: "inherited", "overridden" or NULL (for
 * tests) */
const char *impact_brand_marks_get_state (ImpactEditorPane *pane,
                                          const char       *path);
/* The mark widget of the field at @path (the label, or the reset button),
 * or NULL */
GtkWidget  *impact_brand_marks_get_mark  (ImpactEditorPane *pane,
                                          const char       *path);

G_END_DECLS
