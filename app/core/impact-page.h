/* impact-page.h: paper sizes, in PostScript points (1/72 inch)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  IMPACT_PAGE_SIZE_LETTER,
  IMPACT_PAGE_SIZE_A4,
} ImpactPageSize;

#define IMPACT_MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

/* "letter", "a4" (case-insensitive); FALSE for anything else. */
gboolean    impact_page_size_from_string (const char     *text,
                                          ImpactPageSize *out_size);
const char *impact_page_size_to_string   (ImpactPageSize  size);
/* Letter: 612 x 792; A4: 595.28 x 841.89 */
void        impact_page_size_get_points  (ImpactPageSize  size,
                                          double         *width,
                                          double         *height);

G_END_DECLS
