/* impact-emphasis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "impact-emphasis.h"

#include <string.h>

/* Finds the closing marker of @len stars (1 or 2) from @p, honouring
 * backslash escapes; NULL when there is none. A closing marker must follow
 * a non-space character, as in Markdown. */
static const char *
find_close (const char *p,
            int         len)
{
  for (const char *q = p; *q; q++)
    {
      if (*q == '\\' && (q[1] == '*' || q[1] == '\\'))
        {
          q++;
          continue;
        }
      if (*q != '*')
        continue;
      if (len == 2)
        {
          if (q[1] == '*' && q > p && q[-1] != ' ')
            return q;
          if (q[1] == '*')
            q++;
        }
      else
        {
          if (q[1] == '*')
            {
              q++;  /* a bold marker inside italic: skip it */
              continue;
            }
          if (q > p && q[-1] != ' ')
            return q;
        }
    }
  return NULL;
}

char *
impact_emphasis_parse (const char  *source,
                       GArray     **spans,
                       gboolean    *balanced)
{
  GString *out;
  GArray *result;
  guint bold_start = 0, italic_start = 0;
  const char *bold_end = NULL, *italic_end = NULL;
  /* Where a search for a closing marker (index: marker length) already
   * failed: no later start can succeed either, so a text full of unclosed
   * markers stays linear instead of rescanning to the end each time. */
  const char *no_close[3] = { NULL, NULL, NULL };
  gboolean ok = TRUE;

  result = g_array_new (FALSE, FALSE, sizeof (ImpactEmphasisSpan));
  out = g_string_sized_new (source ? strlen (source) : 0);

  for (const char *p = source; p && *p; )
    {
      if (*p == '\\' && (p[1] == '*' || p[1] == '\\'))
        {
          g_string_append_c (out, p[1]);
          p += 2;
          continue;
        }
      if (*p == '*')
        {
          int len = p[1] == '*' ? 2 : 1;

          /* closing a run that is open */
          if (len == 2 && bold_end == p)
            {
              ImpactEmphasisSpan span = { bold_start, out->len, IMPACT_EMPHASIS_BOLD };
              g_array_append_val (result, span);
              bold_end = NULL;
              p += 2;
              continue;
            }
          if (len == 1 && italic_end == p)
            {
              ImpactEmphasisSpan span = { italic_start, out->len, IMPACT_EMPHASIS_ITALIC };
              g_array_append_val (result, span);
              italic_end = NULL;
              p += 1;
              continue;
            }
          if (len == 2 && bold_end == NULL && p[2] != '\0' && p[2] != ' ' &&
              (no_close[2] == NULL || p < no_close[2]))
            {
              const char *close = find_close (p + 2, 2);
              if (close == NULL)
                no_close[2] = p;
              if (close)
                {
                  bold_start = out->len;
                  bold_end = close;
                  p += 2;
                  continue;
                }
            }
          if (len == 1 && italic_end == NULL && p[1] != '\0' && p[1] != ' ' &&
              (no_close[1] == NULL || p < no_close[1]))
            {
              const char *close = find_close (p + 1, 1);
              if (close == NULL)
                no_close[1] = p;
              if (close)
                {
                  italic_start = out->len;
                  italic_end = close;
                  p += 1;
                  continue;
                }
            }
          /* a lone marker: literal */
          if (len == 2 || (p[1] != ' ' && p[1] != '\0') || (p > source && p[-1] != ' '))
            ok = FALSE;
          g_string_append_len (out, p, len);
          p += len;
          continue;
        }
      g_string_append_c (out, *p);
      p++;
    }

  if (spans)
    *spans = result;
  else
    g_array_unref (result);
  if (balanced)
    *balanced = ok;
  return g_string_free (out, FALSE);
}
