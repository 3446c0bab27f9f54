/* impact-cli-batch.h: `impact-sheet export A.json B.json … -o DIR/`
 *
 * Many sheets in one command, on worker processes forked once (cairo 1.16's
 * scaled fonts are shared, unsafely, between threads). Each output is written
 * atomically; an input that fails is reported, with its name, and skipped,
 * and the command ends with exit status 1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "impact-export.h"

G_BEGIN_DECLS

/* TRUE for a batch: several inputs, a list (--files-from), or -o naming a
 * folder (ending in "/" or an existing folder) */
gboolean impact_cli_batch_wanted (int         n_inputs,
                                  const char *output,
                                  const char *files_from);

/* Exports @inputs and the paths listed in @files_from (one a line; "-" is
 * standard input) into the folder @output as NAME.@format_name (pdf by
 * default). @jobs worker processes, 0 = one a processor. Returns the exit
 * status. @options->format is set here. */
int      impact_cli_batch_export (ImpactExportOptions *options,
                                  char               **inputs,
                                  int                  n_inputs,
                                  const char          *files_from,
                                  const char          *output,
                                  const char          *format_name,
                                  int                  jobs,
                                  gboolean             quiet);

G_END_DECLS
