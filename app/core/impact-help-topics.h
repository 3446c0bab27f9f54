/* impact-help-topics.h: which page of the user help explains a warning
 *
 * Each kind of warning the loader, the layout and the preflight give has a
 * page in help/C/ ("fix-contrast.page"), opened as
 * help:impact-sheet/fix-contrast. The kind is told from the diagnostic's
 * JSON path and the (untranslated) wording of its message, so the places
 * that report warnings need not know about the help.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "impact-diagnostics.h"

G_BEGIN_DECLS

/* The help as a whole, for gtk_show_uri() and yelp */
#define IMPACT_HELP_URI "help:impact-sheet"

/* The help page id that explains @diag ("fix-contrast"), or NULL when no
 * page is about it. The string is static. */
const char *impact_help_topic_for_diagnostic (const ImpactDiagnostic *diag);

/* "help:impact-sheet/fix-contrast" for a topic (newly allocated) */
char       *impact_help_topic_uri            (const char             *topic);

G_END_DECLS
