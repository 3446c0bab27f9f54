/* impact-test-utils.h: shared helpers for the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A fresh temporary folder, removed with its contents at exit. */
char     *impact_test_make_tmpdir      (void);
/* Removes @path and, for a folder, everything in it (symbolic links are
 * removed, not followed); a missing @path is no error. */
void      impact_test_remove_tree      (const char *path);
/* Absolute path of a file under tests/ (G_TEST_SRCDIR) */
char     *impact_test_data_path        (const char *relative);
/* The names of the .json files in @dir, sorted (a folder that cannot be
 * read fails the test) */
GPtrArray *impact_test_json_names      (const char *dir);
/* Absolute path of resources/examples/NAME */
char     *impact_test_example_path     (const char *name);
/* Runs argv (NULL-terminated); returns the exit status, fills stdout/stderr. */
int       impact_test_run              (const char * const *argv,
                                        char              **out_stdout,
                                        char              **out_stderr);
/* What a run of the command line gave */
typedef struct
{
  int   status;   /* the exit status */
  char *out;      /* standard output and error, as text */
  char *err;
} ImpactTestResult;

void      impact_test_result_clear     (ImpactTestResult *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImpactTestResult, impact_test_result_clear)

/* Runs the built impact-sheet with @args (NULL-terminated) and @input (or
 * nothing) on standard input, with no display in its environment; the
 * program must exit (not die of a signal). */
void      impact_test_run_cli          (ImpactTestResult   *result,
                                        const char         *input,
                                        const char * const *args);
/* The same with @env (NULL-terminated): "NAME=VALUE" sets a variable for
 * the run, "NAME" unsets it */
void      impact_test_run_cli_env      (ImpactTestResult   *result,
                                        const char * const *env,
                                        const char         *input,
                                        const char * const *args);

/* Path of the built impact-sheet binary */
const char *impact_test_binary         (void);
/* TRUE when an external program is on PATH */
gboolean  impact_test_have_program     (const char *program);
/* Every object of a PDF, decoded, as `qpdf --json --json-key=qpdf` prints
 * it (strings as "u:TEXT"); fails the test when qpdf is missing or fails. */
char     *impact_test_pdf_objects      (const char *pdf);

G_END_DECLS
