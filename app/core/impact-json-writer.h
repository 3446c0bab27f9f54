/* impact-json-writer.h: save a document as JSON (format v1)
 *
 * The writer starts from the JSON tree the document was loaded from, so the
 * order of members and every member the app does not know (x-…, $schema,
 * typos) survive a save. The model's values replace the known members in
 * place; new members are appended. When the document was loaded from text,
 * every part of the tree that did not change is written with exactly its
 * original text (spacing, line breaks, inline objects), so loading and
 * saving an unchanged file gives the same bytes back and an edit changes
 * only the lines it touches. New parts are pretty-printed with two-space
 * indentation, UTF-8 unescaped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "impact-document.h"

G_BEGIN_DECLS

/* The tree to save: the loaded tree updated with the model (a new tree;
 * the document is not modified). */
JsonNode *impact_json_writer_build_tree (ImpactDocument *doc);

/* The text to save, ending with a newline (and starting with a byte order
 * mark when the loaded file had one). */
char     *impact_json_writer_to_data    (ImpactDocument *doc,
                                         gsize          *length);

/* Writes @doc to @file atomically (a temporary file next to it, checked
 * and synced, then a rename). When @file exists and @backup is TRUE its
 * previous contents become "FILE.bak", once the new text is complete. On
 * failure the file and its .bak are as they were. On success the document's source tree and
 * text become what was written (later saves keep formatting relative to
 * it). Fails with IMPACT_ERROR_WRITE; the message names the file. */
gboolean  impact_json_writer_save       (ImpactDocument  *doc,
                                         GFile           *file,
                                         gboolean         backup,
                                         GCancellable    *cancellable,
                                         GError         **error);

/* Makes the saved @data (as returned by impact_json_writer_to_data()) the
 * document's source: its tree and text, and the items' JSON origins. */
void      impact_json_writer_adopt      (ImpactDocument  *doc,
                                         const char      *data,
                                         gsize            length);

G_END_DECLS
