/* impact-brand-private.h: the members a brand gives, shared by
 * impact-brand.c and impact-brand-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "impact-document.h"

G_BEGIN_DECLS

/* "organisation.name" … "theme.body_font", NULL-terminated */
const char * const *impact_brand_paths (void);
/* Where @doc keeps the string at @path; NULL for "organisation.address"
 * (a list) and unknown paths */
char              **impact_brand_slot  (ImpactDocument *doc,
                                        const char     *path);

G_END_DECLS
