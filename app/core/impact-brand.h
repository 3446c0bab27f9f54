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

/* The brand's value for @path ("theme.accent"; the address as lines
 * joined by "\n"), or NULL when @doc has no brand or the brand leaves it
 * out */
char      *impact_brand_dup_value      (ImpactDocument *doc,
                                        const char     *path);
/* Gives @path the brand's value again and makes it inherited: saving
 * leaves it out of the office's file even when the file had it. FALSE
 * when @doc has no brand or the brand has no such value. */
gboolean   impact_brand_reset          (ImpactDocument *doc,
                                        const char     *path);
/* A brand changed (edited in its window): every value @doc inherits
 * takes the value of @values (NULL where @values leaves it out), and
 * @values becomes the document's brand (@path as written, or NULL to keep
 * the sheet's). With @everything, the office's own values give way too
 * (a sample sheet shown with a brand it does not name). Does not emit
 * ::changed. */
void       impact_brand_apply          (ImpactDocument *doc,
                                        const char     *path,
                                        ImpactDocument *values,
                                        gboolean        everything);

G_END_DECLS
