/* impact-json-loader.h: read and validate impact data (format v1)
 *
 * One pass collects every semantic error and warning into an
 * ImpactDiagnostics; the function fails when there was at least one error,
 * with a GError whose message lists every error, one per line, as
 * "FILE:LINE:COLUMN: JSON.PATH: message".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "impact-diagnostics.h"
#include "impact-document.h"

G_BEGIN_DECLS

/* Caps against hostile input; each is refused with IMPACT_ERROR_TOO_LARGE. */
#define IMPACT_LOADER_MAX_FILE_SIZE   (32 * 1024 * 1024)  /* bytes */
#define IMPACT_LOADER_MAX_DEPTH       64                  /* nesting of arrays/objects */
#define IMPACT_LOADER_MAX_STRING      (64 * 1024)         /* bytes in one string */
#define IMPACT_LOADER_MAX_ITEMS       200000              /* elements in one array */

/* @diagnostics (optional) receives warnings and errors. On failure returns
 * NULL with IMPACT_ERROR_PARSE (syntax), IMPACT_ERROR_TOO_LARGE (caps) or
 * IMPACT_ERROR_INVALID_VALUE / IMPACT_ERROR_MISSING_FIELD (semantics). */
ImpactDocument *impact_json_loader_load_file  (GFile              *file,
                                               ImpactDiagnostics  *diagnostics,
                                               GCancellable       *cancellable,
                                               GError            **error);
/* @display_name is used in messages; @base_file (optional) is the file the
 * data stands for, so relative image paths resolve against its folder. */
ImpactDocument *impact_json_loader_load_data  (const char         *data,
                                               gsize               length,
                                               const char         *display_name,
                                               GFile              *base_file,
                                               ImpactDiagnostics  *diagnostics,
                                               GError            **error);

/* TRUE when @name is one of the built-in icons. */
gboolean        impact_json_loader_is_icon_name (const char *name);

G_END_DECLS
