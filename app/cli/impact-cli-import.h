/* impact-cli-import.h: `impact-sheet import csv FILE.csv --into SHEET.json`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int impact_cli_import_csv_main (int    argc,
                                char **argv);

G_END_DECLS
