/* impact-test-utils.h: shared helpers for the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A fresh temporary folder, removed with its contents at exit. */
char     *impact_test_make_tmpdir      (void);
/* Absolute path of a file under tests/ (G_TEST_SRCDIR) */
char     *impact_test_data_path        (const char *relative);
/* Absolute path of resources/examples/NAME */
char     *impact_test_example_path     (const char *name);
/* Runs argv (NULL-terminated); returns the exit status, fills stdout/stderr. */
int       impact_test_run              (const char * const *argv,
                                        char              **out_stdout,
                                        char              **out_stderr);
/* Path of the built impact-sheet binary */
const char *impact_test_binary         (void);
/* TRUE when an external program is on PATH */
gboolean  impact_test_have_program     (const char *program);

G_END_DECLS
