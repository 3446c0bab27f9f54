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
#include "impact-json-scanner.h"

G_BEGIN_DECLS

/* Caps against hostile input; each is refused with IMPACT_ERROR_TOO_LARGE. */
#define IMPACT_LOADER_MAX_FILE_SIZE   IMPACT_JSON_MAX_FILE_SIZE  /* bytes */
#define IMPACT_LOADER_MAX_DEPTH       IMPACT_JSON_MAX_DEPTH      /* nesting of arrays/objects */
#define IMPACT_LOADER_MAX_STRING      IMPACT_JSON_MAX_STRING     /* bytes in one string */
#define IMPACT_LOADER_MAX_ITEMS       IMPACT_JSON_MAX_ITEMS      /* elements in one array */

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

/* The strict scan alone (syntax, encoding, caps; duplicate names are
 * warnings), with messages as for loading. Also for other formats that are
 * JSON (TimelineJS), so that every reader accepts the same texts. */
ImpactSourceMap *impact_json_loader_scan      (GBytes             *text,
                                               const char         *display_name,
                                               ImpactDiagnostics  *diagnostics,
                                               GError            **error);
/* Reads (a regular file, capped) and scans @file. */
ImpactSourceMap *impact_json_loader_read_file (GFile              *file,
                                               ImpactDiagnostics  *diagnostics,
                                               GCancellable       *cancellable,
                                               GError            **error);
/* Validates a scanned text and makes the document, which keeps @map. */
ImpactDocument  *impact_json_loader_load_map  (ImpactSourceMap    *map,
                                               const char         *display_name,
                                               GFile              *base_file,
                                               ImpactDiagnostics  *diagnostics,
                                               GError            **error);

/* For a document that is exported, then dropped (the command line's
 * exports): the same document, errors and warnings as
 * impact_document_open_file(), but read without holding the whole JSON
 * tree: each milestone is read as soon as the scan has it, and its part of
 * the tree freed (100,000 milestones: about 120 MiB less). Its milestones
 * keep no JSON object and it has no source map, so it is not for saving or
 * editing (unknown "x-" members of milestones would be lost). Whenever
 * there is anything to report, or the file is TimelineJS, the file is
 * opened again the full way, which says it as the window does. */
ImpactDocument *impact_json_loader_load_for_export (GFile              *file,
                                                    ImpactDiagnostics  *diagnostics,
                                                    GCancellable       *cancellable,
                                                    GError            **error);

/* The streamed load alone, for @text (@base_file as for load_data):
 * NULL, with nothing said, whenever the full load would report anything
 * at all (an error or a warning) or the text is TimelineJS. */
ImpactDocument *impact_json_loader_load_streamed   (GBytes             *text,
                                                    GFile              *base_file);

/* TRUE when @name is one of the built-in icons. */
gboolean        impact_json_loader_is_icon_name (const char *name);

G_END_DECLS
