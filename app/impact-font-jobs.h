/* impact-font-jobs.h: Pango's font matches run in the thread that
 * asks, and its font sorts only when a character needs one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Kept sorts beyond this many are run, the oldest first (a two-page sheet
 * asks for 47 to 115) */
#define IMPACT_FONT_JOBS_MAX_KEPT 1024

/* For the tests (impact-font-jobs.c), since the process started:
 * how many of Pango's font jobs ran without a thread of their own (every
 * match, and the sorts run when waited for or to free them) */
guint impact_font_jobs_run_here (void);
/* how many sorts were kept instead of run at once */
guint impact_font_jobs_sorts_kept      (void);
/* how many kept sorts have not run yet */
guint impact_font_jobs_sorts_waiting   (void);

G_END_DECLS
