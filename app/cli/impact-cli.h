/* impact-cli.h: the headless command line (export, validate)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes */
#define IMPACT_CLI_EXIT_OK        0
#define IMPACT_CLI_EXIT_BAD_INPUT 1
#define IMPACT_CLI_EXIT_USAGE     2

/* TRUE when argv names a command-line subcommand ("export", "validate") */
gboolean impact_cli_handles (int    argc,
                             char **argv);
int      impact_cli_main    (int    argc,
                             char **argv);

/* Shared by the commands: exactly one input (argv[2]) and, when
 * @need_output, an output given with -o. Prints what is wrong, as
 * "impact-sheet COMMAND: …", and returns FALSE (a usage error). */
gboolean impact_cli_check_arguments (const char *command,
                                     int         argc,
                                     const char *output,
                                     gboolean    need_output);

/* An option context with the translation domain, @entries and an optional
 * @description (the text after the options in --help) */
GOptionContext *impact_cli_option_context_new (const char         *parameter,
                                               const GOptionEntry *entries,
                                               const char         *description);
/* Parses; on a bad option prints it and how to see the options, as
 * "impact-sheet COMMAND: …", and returns FALSE (a usage error). */
gboolean        impact_cli_parse_options      (GOptionContext     *context,
                                               const char         *command,
                                               int                *argc,
                                               char             ***argv);

/* Prints each line of @message (text from a file or an error) as
 * "PREFIX: line" on standard error, terminal escapes and control
 * characters made visible (impact_text_printable()) */
void            impact_cli_print_lines        (const char         *prefix,
                                               const char         *message);

/* The program's main() asks for this before running a command: the
 * command's document is then left to the end of the process rather than
 * freed piece by piece just before it (that was an eighth of exporting
 * 100,000 milestones). Not set, as in tests that call commands in their
 * own process, everything is freed as usual. */
void            impact_cli_set_free_at_exit   (gboolean            free_at_exit);
/* Takes @data (or NULL): freed now with @free, or, after
 * impact_cli_set_free_at_exit (FALSE), kept reachable from a static until
 * exit, so that LeakSanitizer and valgrind see no leak. */
void            impact_cli_release            (gpointer            data,
                                               GDestroyNotify      free);

G_END_DECLS
