/* main.c: "impact-sheet export|validate …" runs the headless command line;
 * anything else starts the application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "impact-cli.h"
#include "impact-cli-timeline.h"

#ifdef HAVE_GUI
#include "impact-application.h"
#endif

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc >= 2 && g_strcmp0 (argv[1], "import") == 0)
    return impact_cli_import_main (argc, argv);
  if (impact_cli_handles (argc, argv))
    return impact_cli_main (argc, argv);

#ifdef HAVE_GUI
  {
    g_autoptr(ImpactApplication) app = impact_application_new ();

    return g_application_run (G_APPLICATION (app), argc, argv);
  }
#else
  g_printerr (_("This build has no window; use “impact-sheet export” or “impact-sheet validate”.\n"));
  return 2;
#endif
}
