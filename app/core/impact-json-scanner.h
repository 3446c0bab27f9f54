/* impact-json-scanner.h: the one strict JSON reader
 *
 * A non-recursive RFC 8259 scanner that checks encoding (UTF-8, no NUL),
 * syntax (json-glib alone accepts single quotes, bad escapes, leading
 * zeros and empty input) and the input caps, and builds the JSON tree and
 * its source map in the same pass. Everything Impact Sheet reads as JSON
 * (its own data, TimelineJS files, saved text taken back) goes through it,
 * so the window, the command line and the importer accept the same files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "impact-diagnostics.h"
#include "impact-error.h"
#include "impact-source-map.h"

G_BEGIN_DECLS

/* Caps against hostile input; each is refused with IMPACT_ERROR_TOO_LARGE. */
#define IMPACT_JSON_MAX_FILE_SIZE   (32 * 1024 * 1024)  /* bytes */
#define IMPACT_JSON_MAX_DEPTH       64                  /* nesting of arrays/objects */
#define IMPACT_JSON_MAX_STRING      (64 * 1024)         /* bytes in one string */
#define IMPACT_JSON_MAX_ITEMS       200000              /* elements in one array, members in one object */

/* Called for each problem found: syntax and caps are errors (the scan
 * stops at the first), a duplicate member name is a warning. @path may be
 * NULL. */
typedef void (*ImpactJsonScanReport) (gpointer        user_data,
                                      ImpactSeverity  severity,
                                      ImpactError     code,
                                      guint           line,
                                      guint           column,
                                      const char     *path,
                                      const char     *message);

/* Scans @text (which the map keeps a reference to). Returns NULL when it is
 * not acceptable JSON, after reporting why. */
ImpactSourceMap *impact_json_scan       (GBytes               *text,
                                         ImpactJsonScanReport  report,
                                         gpointer              user_data);

/* A streamed scan is given each element of an array that is a member of
 * the top-level object ("milestones": [ … ]) as soon as the element is
 * complete: @member names the array, @index is the element's, @element is
 * its tree (borrowed). Returning TRUE takes the element: it leaves the
 * tree (the array stays, without it) and its spans leave the map, so that
 * a long array is never held whole. */
typedef gboolean (*ImpactJsonScanElement) (gpointer    user_data,
                                           const char *member,
                                           guint       index,
                                           JsonNode   *element);

/* As impact_json_scan(), with the same checks, caps and reports, handing
 * the elements of top-level arrays to @element. The map describes the
 * text without the elements taken: enough for the rest of the tree's
 * positions, not for saving. */
ImpactSourceMap *impact_json_scan_streamed (GBytes                *text,
                                            ImpactJsonScanReport   report,
                                            ImpactJsonScanElement  element,
                                            gpointer               user_data);

/* Reads a regular file of at most IMPACT_JSON_MAX_FILE_SIZE bytes
 * (a FIFO, a device or a folder is refused before anything is read; a file
 * that grows while it is read is cut off at the cap and refused). */
GBytes          *impact_json_read_file  (GFile                *file,
                                         GCancellable         *cancellable,
                                         GError              **error);

/* Reads and scans @file; on failure every problem is in @error, one per
 * line as "NAME:LINE:COLUMN: path: message", and, if given, in
 * @diagnostics (which also receives the warnings). */
ImpactSourceMap *impact_json_scan_file  (GFile                *file,
                                         ImpactDiagnostics    *diagnostics,
                                         GCancellable         *cancellable,
                                         GError              **error);

/* The same path syntax everywhere: ".name", or ["name"] for a name that is
 * not a plain identifier. */
void             impact_json_path_append_member (GString    *path,
                                                 const char *name,
                                                 gsize       length);
/* "value" quoted for a message: escaped, cut short after @max_chars. */
char            *impact_json_quote              (const char *value,
                                                 guint       max_chars);

G_END_DECLS
