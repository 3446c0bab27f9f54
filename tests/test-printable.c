/* test-printable.c: terminal escapes and invalid UTF-8 made visible
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "impact-printable.h"

static void
test_cases (void)
{
  const struct { const char *in; ImpactPrintableFlags flags; const char *out; } cases[] = {
    { "plain text", IMPACT_PRINTABLE_DEFAULT, "plain text" },
    { "Kolkata \xe2\x80\x94 \xe0\xa6\x95", IMPACT_PRINTABLE_DEFAULT, "Kolkata \xe2\x80\x94 \xe0\xa6\x95" },
    /* CSI sequence: ESC [ 2 J clears the screen */
    { "\x1b[2Jhi", IMPACT_PRINTABLE_DEFAULT, "\\x1b[2Jhi" },
    /* OSC: set the window title, ended by BEL */
    { "\x1b]0;pwn\x07", IMPACT_PRINTABLE_DEFAULT, "\\x1b]0;pwn\\x07" },
    /* DEL and the C1 controls U+0080, U+0085, U+009B (CSI), U+009F */
    { "a\x7f" "b", IMPACT_PRINTABLE_DEFAULT, "a\\x7fb" },
    { "\xc2\x80\xc2\x85\xc2\x9b" "2J\xc2\x9f", IMPACT_PRINTABLE_DEFAULT, "\\u0080\\u0085\\u009b2J\\u009f" },
    /* U+00A0 is printable */
    { "\xc2\xa0", IMPACT_PRINTABLE_DEFAULT, "\xc2\xa0" },
    /* line breaks: escaped unless asked to keep them; tabs stay */
    { "a\nb\tc\rd", IMPACT_PRINTABLE_DEFAULT, "a\\x0ab\tc\\x0dd" },
    { "a\nb", IMPACT_PRINTABLE_KEEP_NEWLINES, "a\nb" },
    /* invalid bytes: one U+FFFD each; a truncated sequence at the end */
    { "a\x81" "b", IMPACT_PRINTABLE_DEFAULT, "a\xef\xbf\xbd" "b" },
    { "x\xe2\x82", IMPACT_PRINTABLE_DEFAULT, "x\xef\xbf\xbd\xef\xbf\xbd" },
    /* an overlong encoding of ESC is no way around it */
    { "\xc0\x9b", IMPACT_PRINTABLE_DEFAULT, "\xef\xbf\xbd\xef\xbf\xbd" },
    { "", IMPACT_PRINTABLE_DEFAULT, "" },
    { NULL, IMPACT_PRINTABLE_DEFAULT, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = impact_text_printable (cases[i].in, cases[i].flags);

      g_assert_cmpstr (out, ==, cases[i].out);
      g_assert_true (g_utf8_validate (out, -1, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/printable/cases", test_cases);
  return g_test_run ();
}
