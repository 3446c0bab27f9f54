/* impact-cli-font-sorts.h: Pango's font matches run in the thread that
 * asks, and its font sorts only when a character needs one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For the tests (impact-cli-font-sorts.c), since the process started:
 * how many of Pango's font jobs ran without a thread of their own (every
 * match, and the sorts run when waited for or to free them) */
guint impact_cli_font_sorts_in_caller (void);
/* how many sorts were kept instead of run at once */
guint impact_cli_font_sorts_kept      (void);
/* how many kept sorts have not run yet */
guint impact_cli_font_sorts_waiting   (void);

G_END_DECLS
