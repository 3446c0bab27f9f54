/* impact-pdf-qpdf.h: the PDF finisher's module (impact-pdf-qpdf.c), which
 * impact_pdf_finish() loads the first time a PDF is finished
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "impact-pdf-finish.h"

G_BEGIN_DECLS

/* The module's file, in the installed modules folder (IMPACT_MODULE_DIR),
 * in app/core/ next to the build tree's programs, or in
 * $IMPACT_SHEET_MODULE_DIR */
#define IMPACT_PDF_QPDF_MODULE "libimpact-pdf-qpdf.so"
/* Its one exported function: impact_pdf_finish(), done */
#define IMPACT_PDF_QPDF_FINISH "impact_pdf_qpdf_finish"

#define IMPACT_PDF_QPDF_EXPORT __attribute__ ((visibility ("default")))

typedef GBytes *(*ImpactPdfQpdfFinish) (const guint8                 *pdf,
                                        gsize                         length,
                                        const ImpactPdfFinishOptions *options,
                                        GError                      **error);

IMPACT_PDF_QPDF_EXPORT
GBytes *impact_pdf_qpdf_finish (const guint8                 *pdf,
                                gsize                         length,
                                const ImpactPdfFinishOptions *options,
                                GError                      **error);

G_END_DECLS
