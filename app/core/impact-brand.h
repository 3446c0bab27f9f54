/* impact-brand.h: one brand (organisation and theme) for many offices
 *
 * A sheet with "brand": "../brand.json" takes every member of
 * "organisation" and "theme" it does not write itself from that file (the
 * loader reads it, see impact-json-loader.c). A value is inherited while
 * the office's own file does not have the member and the value is still
 * the brand's: saving then leaves it out (impact-json-writer.c), so the
 * office file keeps only its own values; a value changed in the window
 * becomes the office's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "impact-document.h"

G_BEGIN_DECLS

/* TRUE when @section.@member ("theme", "primary") of @doc comes from its
 * brand */
gboolean   impact_brand_is_inherited   (ImpactDocument *doc,
                                        const char     *section,
                                        const char     *member);
/* The JSON paths of the inherited values, in the order of the format
 * ("organisation.name", …, "theme.primary", …); empty without a brand */
GPtrArray *impact_brand_list_inherited (ImpactDocument *doc);

G_END_DECLS
