/* impact-printable.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "impact-printable.h"

char *
impact_text_printable (const char           *text,
                       ImpactPrintableFlags  flags)
{
  GString *out;
  const char *p, *end;

  if (text == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (text));
  p = text;
  end = text + strlen (text);
  while (p < end)
    {
      gunichar ch = g_utf8_get_char_validated (p, end - p);

      if (ch == (gunichar) -1 || ch == (gunichar) -2)
        {
          /* one invalid byte at a time */
          g_string_append (out, "\xef\xbf\xbd");
          p++;
          continue;
        }
      if (ch == '\t' || (ch == '\n' && (flags & IMPACT_PRINTABLE_KEEP_NEWLINES)))
        g_string_append_c (out, (char) ch);
      else if (ch < 0x20 || ch == 0x7F)
        g_string_append_printf (out, "\\x%02x", ch);
      else if (ch >= 0x80 && ch < 0xA0)
        g_string_append_printf (out, "\\u%04x", ch);
      else
        g_string_append_unichar (out, ch);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}
