/* impact-cli-timeline.h: timeline commands of the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `impact-sheet import timelinejs IN.json -o OUT.json`
 * Exit 0 on success, 1 bad input, 2 usage. */
int impact_cli_import_main          (int    argc,
                                     char **argv);

/* `impact-sheet export INPUT.json --part timeline -o OUT.{png,pdf,svg}
 *  [--size WxH | --page-size letter|a4]`: argv as given to the program
 * (argv[1] == "export"); parses its own options. Route here from
 * impact_cli_main() when --part timeline is given. Exit 0/1/2. */
int impact_cli_timeline_export_main (int    argc,
                                     char **argv);

G_END_DECLS
