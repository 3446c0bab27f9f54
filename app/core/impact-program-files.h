/* impact-program-files.h: where the files a program runs with are, built
 * or installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @relative next to the running program when it is there and passes
 * @test (a build tree keeps the window's program and the modules beside
 * the command line), else @installed_dir/@name. @relative may name a
 * folder below the program's ("core/libimpact-pdf-qpdf.so"); @name is its
 * last part. */
char *impact_program_file (const char *relative,
                           const char *installed_dir,
                           GFileTest   test);

G_END_DECLS
