/* impact-cli-timeline.c: `impact-sheet import timelinejs …`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "impact-cli.h"
#include "impact-cli-timeline.h"

int
impact_cli_import_main (int    argc,
                        char **argv)
{
  g_printerr (_("impact-sheet import: TimelineJS import is not built yet\n"));
  return IMPACT_CLI_EXIT_USAGE;
}
