/* impact-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "impact-page.h"

gboolean
impact_page_size_from_string (const char     *text,
                              ImpactPageSize *out_size)
{
  g_return_val_if_fail (out_size != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "letter") == 0 || g_ascii_strcasecmp (text, "us-letter") == 0)
    *out_size = IMPACT_PAGE_SIZE_LETTER;
  else if (g_ascii_strcasecmp (text, "a4") == 0)
    *out_size = IMPACT_PAGE_SIZE_A4;
  else
    return FALSE;
  return TRUE;
}

const char *
impact_page_size_to_string (ImpactPageSize size)
{
  return size == IMPACT_PAGE_SIZE_A4 ? "a4" : "letter";
}

void
impact_page_size_get_points (ImpactPageSize  size,
                             double         *width,
                             double         *height)
{
  double w, h;

  if (size == IMPACT_PAGE_SIZE_A4)
    {
      w = IMPACT_MM_TO_PT (210.0);
      h = IMPACT_MM_TO_PT (297.0);
    }
  else
    {
      w = 8.5 * 72.0;
      h = 11.0 * 72.0;
    }
  if (width)
    *width = w;
  if (height)
    *height = h;
}
