/* main.c: "impact-sheet export|validate|import …" runs the headless command
 * line; anything else starts the application, by executing impact-sheet-gui
 * (this program links only the core: no GTK, no libadwaita).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <locale.h>
#include <unistd.h>

#include "impact-cli.h"
#include "impact-cli-timeline.h"
#include "impact-program-files.h"

/* The window's program: $IMPACT_SHEET_GUI_BIN, else next to this program
 * (the build tree), else in the installed libexec folder. */
static char *
find_gui_program (void)
{
  const char *env = g_getenv ("IMPACT_SHEET_GUI_BIN");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return impact_program_file (GUI_PROGRAM_NAME, LIBEXECDIR, G_FILE_TEST_IS_EXECUTABLE);
}

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
  /* the process ends when the command returns: its document need not be
   * freed first */
  impact_cli_set_free_at_exit (FALSE);
  if (impact_cli_handles (argc, argv))
    return impact_cli_main (argc, argv);

#ifdef HAVE_GUI
  {
    g_autofree char *gui = find_gui_program ();

    argv[0] = gui;
    execv (gui, argv);
    g_printerr (_("impact-sheet: cannot start the window (%s): %s\n"), gui, g_strerror (errno));
    return 2;
  }
#else
  g_printerr (_("This build has no window; use “impact-sheet export” or “impact-sheet validate”.\n"));
  return 2;
#endif
}
