/* impact-cli-timeline.h: timeline commands of the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `impact-sheet import timelinejs IN.json -o OUT.json` */
int impact_cli_import_main (int    argc,
                            char **argv);

G_END_DECLS
