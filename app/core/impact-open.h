/* impact-open.h: opening a file as the window and the command line both do
 *
 * The file is read and scanned once, strictly (impact-json-scanner.h);
 * then its shape decides: Impact Sheet data is validated and loaded; a
 * Knight Lab TimelineJS file (an "events" array, no "format") is converted,
 * and what could not be mapped becomes warnings. The window and every
 * command therefore accept exactly the same files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "impact-diagnostics.h"
#include "impact-document.h"

G_BEGIN_DECLS

typedef enum
{
  IMPACT_OPEN_IMPACT_SHEET,   /* our own format */
  IMPACT_OPEN_TIMELINEJS,     /* converted on opening: save under a new name */
} ImpactOpenKind;

/* @kind (optional) says what the file was. Errors and warnings go to
 * @diagnostics (optional) and, for a failure, to @error. */
ImpactDocument *impact_document_open_file (GFile              *file,
                                           ImpactDiagnostics  *diagnostics,
                                           ImpactOpenKind     *kind,
                                           GCancellable       *cancellable,
                                           GError            **error);

G_END_DECLS
