/* impact-gui-main.c: the window, as its own program (impact-sheet-gui)
 *
 * `impact-sheet` is the command line and links only the core; given no
 * subcommand (or a file) it executes this program, so a command-line run
 * never loads GTK or libadwaita.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "impact-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ImpactApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = impact_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
