/* impact-export.h: write a fact sheet to PDF, PNG or SVG
 *
 * Every output is written to a temporary file in the target folder and
 * renamed over the target at the end, so a failed export leaves an existing
 * file untouched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "impact-diagnostics.h"
#include "impact-document.h"
#include "impact-page.h"
#include "impact-theme.h"

G_BEGIN_DECLS

typedef enum
{
  IMPACT_EXPORT_FORMAT_PDF,
  IMPACT_EXPORT_FORMAT_PNG,
  IMPACT_EXPORT_FORMAT_SVG,
} ImpactExportFormat;

typedef enum
{
  IMPACT_EXPORT_PART_SHEET,   /* the fact sheet's pages */
  IMPACT_EXPORT_PART_STATS,   /* the statistics alone, as a social-media card */
} ImpactExportPart;

#define IMPACT_EXPORT_MIN_DPI 36.0
#define IMPACT_EXPORT_CARD_MIN 200
#define IMPACT_EXPORT_CARD_MAX 4096
#define IMPACT_EXPORT_MAX_DPI 1200.0

typedef struct
{
  ImpactExportFormat format;
  ImpactPageSize     page_size;
  double             dpi;            /* PNG only; 0 = 150 */
  guint              page;           /* 1-based; 0 = all pages */
  const char        *template_name;  /* NULL = the document's */
  double             bleed;          /* points of colour past the trim, 0..IMPACT_RENDER_MAX_BLEED */
  gboolean           crop_marks;     /* trim marks outside the trim (the sheet grows) */
  ImpactExportPart   part;           /* what to export; the sheet by default */
  int                card_width;     /* the card in pixels (PNG) or 1/144 in (PDF, SVG); 0 = 1080 */
  int                card_height;    /* 0 = 1080 */
  gboolean           private_fonts;  /* choose among the fonts this document can use only
                                      * (impact-fonts.h): same output, less matching;
                                      * for a process or thread that exports one document */
  gboolean           pdfx;           /* PDF only: PDF/X-4 for a print shop (OutputIntent,
                                      * TrimBox and BleedBox, GTS_PDFXVersion) */
} ImpactExportOptions;

void     impact_export_options_init        (ImpactExportOptions *options);
/* From the file name's extension (.pdf, .png, .svg), case-insensitive. */
gboolean impact_export_format_from_path    (const char          *path,
                                            ImpactExportFormat  *out_format);
const char *impact_export_format_to_string (ImpactExportFormat   format);
/* "sheet", "stats" */
gboolean impact_export_part_from_string    (const char          *text,
                                            ImpactExportPart    *out_part);

/* Restricts this thread's fonts to those @document can use with @theme
 * (impact_fonts_restrict(): its families, and the fonts its characters
 * fall back to), unless they are restricted already. What private_fonts
 * does for an export; impact_fonts_unrestrict() undoes it. */
void     impact_export_restrict_fonts      (ImpactDocument             *document,
                                            ImpactTheme                *theme);

/* Writes @output; for PNG and SVG with several pages and options->page == 0,
 * writes OUT-1.png, OUT-2.png … next to @output instead. @written (optional)
 * receives a GPtrArray of GFile for the files written. Warnings (overflow,
 * missing images) go to @diagnostics (optional). */
gboolean impact_export_document            (ImpactDocument             *document,
                                            const ImpactExportOptions  *options,
                                            GFile                      *output,
                                            GPtrArray                 **written,
                                            ImpactDiagnostics          *diagnostics,
                                            GCancellable               *cancellable,
                                            GError                    **error);

G_END_DECLS
