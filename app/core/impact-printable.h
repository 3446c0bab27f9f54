/* impact-printable.h: text from a file made safe to print on a terminal
 *
 * A title, a JSON path or a report line can hold terminal escapes ("ESC [
 * 2 J" clears the screen), other control characters or invalid UTF-8.
 * Before the command line prints such text, every C0 control (but a tab,
 * and a line break where asked), DEL and C1 control (U+0080 to U+009F,
 * which terminals read as CSI and the like) becomes a visible escape:
 * "\x1b", "\x7f", "\u009b"; each invalid byte becomes U+FFFD.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  IMPACT_PRINTABLE_DEFAULT       = 0,
  IMPACT_PRINTABLE_KEEP_NEWLINES = 1 << 0,  /* a multi-line message */
} ImpactPrintableFlags;

/* A new string; NULL gives "" */
char *impact_text_printable (const char           *text,
                             ImpactPrintableFlags  flags);

G_END_DECLS
