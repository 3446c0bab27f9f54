/* impact-placeholders.h: the guidance texts of a new sheet, left as they are
 *
 * A new fact sheet starts from a template whose texts say what to write
 * ("Phone number, as it should be printed"); a new item in the editor has
 * such texts too. Any of them still in a document is a warning, so that
 * none goes to print.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "impact-diagnostics.h"
#include "impact-document.h"

G_BEGIN_DECLS

/* The template of a new sheet, as JSON (static data) */
GBytes *impact_placeholders_get_template (void);

/* Adds a warning for each text of @document that is still the guidance of
 * the template or of a new item at the same place (defaults that make a
 * good sheet as they are, such as "The facts", do not count). Returns the
 * number of warnings added. */
guint   impact_placeholders_check        (ImpactDocument    *document,
                                          ImpactDiagnostics *diagnostics);

G_END_DECLS
