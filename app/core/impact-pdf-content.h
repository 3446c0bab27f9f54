/* impact-pdf-content.h: rewriting a page's content stream
 *
 * cairo 1.16 can only mark content that belongs to a structure element
 * (BDC … EMC with an MCID). Everything else it draws (backgrounds, bands,
 * rules, icons, crop marks) is, for a screen reader, neither content nor
 * decoration. impact_pdf_content_mark_artifacts() wraps every run of
 * drawing outside a marked-content sequence in "/Artifact BMC … EMC", so
 * that all content is either tagged or an artifact (PDF/UA-1, ISO 14289-1
 * 7.1). The stream is read with qpdf's tokenizer; the C API has none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returns the rewritten stream, or NULL with @error set when @data is not
 * a well-formed content stream (unbalanced marked content, a bad token). */
GBytes *impact_pdf_content_mark_artifacts (const guint8  *data,
                                           gsize          length,
                                           GError       **error);

G_END_DECLS
