/* impact-pdf-finish.h: what cairo 1.16 cannot write into a PDF, added with libqpdf
 *
 * cairo writes the pages, fonts, links, outline and structure tree. This
 * reads its output with libqpdf and adds, for PDF/UA-1: the document's
 * language (/Lang), an XMP metadata stream (dc:title, dc:language,
 * pdfuaid:part 1), /MarkInfo, /ViewerPreferences /DisplayDocTitle, /Tabs /S
 * on pages with annotations, /Contents on link annotations, /Alt on every
 * figure, and "/Artifact" around all content that is not in a structure
 * element; for print: TrimBox and BleedBox; for PDF/X-4: the OutputIntent
 * with its ICC profile, DefaultRGB sRGB, GTS_PDFXVersion in XMP and Info,
 * /Trapped /False and no /Interpolate. Any failure is an error: a file
 * is never returned half-finished.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A top-level structure element's place in a list the drawing could not
 * nest (a milestone's year is drawn in a row above the texts) */
typedef struct
{
  int      list;   /* -1: none; the same number for the elements of one list */
  int      item;   /* the list item it belongs to */
  gboolean label;  /* the item's Lbl; the others go into its LBody */
} ImpactPdfListRole;

typedef struct
{
  const char *title;        /* required: the document's title (Info, XMP, DisplayDocTitle) */
  const char *language;     /* BCP 47 ("en", "bn-IN"); NULL or "" leaves /Lang out */
  const char *author;       /* optional */
  const char *subject;      /* optional */
  gboolean    boxes;        /* write TrimBox and BleedBox on every page */
  double      trim_margin;  /* points from the MediaBox edge to the trim */
  double      bleed;        /* points the BleedBox reaches past the trim */
  GPtrArray  *figure_alts;  /* optional (const char *): the Figure elements' /Alt,
                             * in structure order; their number must match */
  GPtrArray  *reading_order; /* optional (GArray of guint, or NULL): for each page, the
                             * reading rank of each of its Document's children in
                             * the order cairo wrote them; their number must match */
  GPtrArray  *actual_texts;  /* optional (GPtrArray of const char *, or NULL): for each
                             * page, the /ActualText of each of its Document's children
                             * in the order cairo wrote them (NULL: none) */
  GPtrArray  *figure_tables; /* optional (GPtrArray of GStrv rows, or NULL): for each of
                             * figure_alts, a Table element (TR, TH in the first row,
                             * TD, each cell's text as /ActualText) that follows it */
  GPtrArray  *list_roles;    /* optional (GArray of ImpactPdfListRole, or NULL): for each
                             * page, the role of each of its Document's children in the
                             * order cairo wrote them; consecutive ones (in reading order)
                             * of a list become L > LI > Lbl + LBody */
  gboolean    pdfx;         /* PDF/X-4 (implies boxes: TrimBox = MediaBox without margin) */
} ImpactPdfFinishOptions;

void    impact_pdf_finish_options_init (ImpactPdfFinishOptions       *options);

/* Returns the finished file, or NULL with @error (IMPACT_ERROR_RENDER for
 * a PDF qpdf cannot read or write, IMPACT_ERROR_WRITE for a missing ICC
 * profile). */
GBytes *impact_pdf_finish              (const guint8                 *pdf,
                                        gsize                         length,
                                        const ImpactPdfFinishOptions *options,
                                        GError                      **error);

/* The output profile's file (for the checker and the documentation) */
const char *impact_pdf_finish_get_output_profile (void);

G_END_DECLS
