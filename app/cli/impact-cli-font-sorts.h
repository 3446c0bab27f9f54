/* impact-cli-font-sorts.h: Pango's font sorts run in the thread that asks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many of Pango's font match and sort jobs this process ran in the
 * thread that asked for them, instead of starting a thread for each
 * (impact-cli-font-sorts.c). For the tests. */
guint impact_cli_font_sorts_in_caller (void);

G_END_DECLS
