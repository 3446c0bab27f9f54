/* impact-direction.h: which way a document reads
 *
 * A document is right-to-left when its language is written so (ar, fa,
 * he, ur …), or, without a language, when the first letter of its office
 * is in a right-to-left script, as the Unicode bidi algorithm's rule P2
 * decides a paragraph. The same rule the sheet's layout applies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "impact-document.h"

G_BEGIN_DECLS

gboolean impact_document_is_rtl (ImpactDocument *document);

G_END_DECLS
