/* impact-direction.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "impact-direction.h"

gboolean
impact_document_is_rtl (ImpactDocument *document)
{
  static const char * const rtl_languages[] = { "ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug", NULL };
  const char *language, *office;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (document), FALSE);
  language = impact_document_get_language (document);
  office = impact_document_get_office (document);
  if (language != NULL && *language != '\0')
    {
      g_autofree char *primary = g_ascii_strdown (language, strcspn (language, "-_"));

      return g_strv_contains (rtl_languages, primary);
    }
  for (const char *p = office; p && *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (!g_unichar_isalpha (ch))
        continue;
      switch (g_unichar_get_script (ch))
        {
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO:
          return TRUE;
        default:
          return FALSE;
        }
    }
  return FALSE;
}
