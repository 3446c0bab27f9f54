/* impact-page-source.h: anything with pages, and the one pipeline that exports it
 *
 * A page source (the pattern of Evince's document backends) has a number
 * of pages, each with a size, draws a page onto any cairo_t, and tells the
 * PDF what it is: title, language, author, subject, bookmarks, the
 * alternative text of its figures and the print boxes. The sheet, the
 * stats card, the timeline slide and the handout each implement it;
 * impact_page_source_export() writes any of them to PDF (finished by
 * impact-pdf-finish.h: tagged metadata, language, PDF/X), PNG or SVG
 * (with <title> and <desc>), always through temporary files renamed over
 * the targets as one set (impact-output.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "impact-export.h"

G_BEGIN_DECLS

/* One bookmark: level 0 is a page's, level 1 a section's on it, at (x, y)
 * points from the page's top-left corner */
typedef struct
{
  char  *title;
  guint  level;
  double x, y;
} ImpactOutlineEntry;

#define IMPACT_TYPE_PAGE_SOURCE (impact_page_source_get_type ())
G_DECLARE_INTERFACE (ImpactPageSource, impact_page_source, IMPACT, PAGE_SOURCE, GObject)

struct _ImpactPageSourceInterface
{
  GTypeInterface parent_iface;

  guint      (*get_n_pages)     (ImpactPageSource  *self);
  /* the whole sheet a page is printed on, in points (with bleed and marks) */
  void       (*get_page_size)   (ImpactPageSource  *self,
                                 guint              page,
                                 double            *width,
                                 double            *height);
  gboolean   (*draw_page)       (ImpactPageSource  *self,
                                 guint              page,
                                 cairo_t           *cr,
                                 GError           **error);
  /* a new string: what a reader shows as the document's title */
  char      *(*get_title)       (ImpactPageSource  *self);
  /* BCP 47, or NULL */
  const char *(*get_language)   (ImpactPageSource  *self);
  /* optional */
  const char *(*get_author)     (ImpactPageSource  *self);
  const char *(*get_subject)    (ImpactPageSource  *self);
  /* optional: a GPtrArray of ImpactOutlineEntry for @page, or NULL */
  GPtrArray *(*get_outline)     (ImpactPageSource  *self,
                                 guint              page);
  /* optional: the /Alt of each figure drawn on @page, in drawing order
   * (appended to @alts, const char *) */
  void       (*get_figures)     (ImpactPageSource  *self,
                                 guint              page,
                                 GPtrArray         *alts);
  /* optional: for each figure get_figures() gives, a data table that
   * stands for it (a chart's), or NULL: appended to @tables as a GPtrArray
   * of GStrv rows (the first the header), which @tables takes */
  void       (*get_figure_tables) (ImpactPageSource *self,
                                   guint             page,
                                   GPtrArray        *tables);
  /* optional: TRUE and the trim box's distance from the sheet's edge and
   * the bleed when the pages are laid out for a print shop */
  gboolean   (*get_print_boxes) (ImpactPageSource  *self,
                                 double            *trim_margin,
                                 double            *bleed);
  /* optional: device pixels per point for PNG when the source has a
   * resolution of its own (a card, a slide: 2); 0 takes the caller's dpi */
  double     (*get_pixel_scale) (ImpactPageSource  *self);
  /* optional: the reading rank of each structure element drawn at the
   * top of @page's tags, in drawing order (a new GArray of guint, a
   * permutation); NULL keeps the drawing order */
  GArray    *(*get_reading_order) (ImpactPageSource *self,
                                   guint             page);
  /* optional: for the same elements, their place in a list (a new GArray
   * of ImpactPdfListRole, impact-pdf-finish.h) */
  GArray    *(*get_list_roles)   (ImpactPageSource *self,
                                  guint             page);
  /* optional: for the same elements, their /ActualText (a new GPtrArray
   * of char *, NULL for none) */
  GPtrArray *(*get_actual_texts) (ImpactPageSource *self,
                                  guint             page);
};

guint       impact_page_source_get_n_pages   (ImpactPageSource  *self);
void        impact_page_source_get_page_size (ImpactPageSource  *self,
                                              guint              page,
                                              double            *width,
                                              double            *height);
gboolean    impact_page_source_draw_page     (ImpactPageSource  *self,
                                              guint              page,
                                              cairo_t           *cr,
                                              GError           **error);
char       *impact_page_source_get_title     (ImpactPageSource  *self);
/* the source's language, "en" when it has none (a PDF/UA file says one) */
const char *impact_page_source_get_language  (ImpactPageSource  *self);

void        impact_outline_entry_free        (ImpactOutlineEntry *entry);
ImpactOutlineEntry *impact_outline_entry_new (const char         *title,
                                              guint               level,
                                              double              x,
                                              double              y);

typedef struct
{
  ImpactExportFormat format;
  double             dpi;      /* PNG, when the source has no pixel scale; 0 = 150 */
  guint              first;    /* pages first .. last (0-based, inclusive) */
  guint              last;
  gboolean           pdfx;     /* PDF/X-4 */
} ImpactPageExportOptions;

/* Writes pages first .. last of @source to @target: one PDF, or one PNG or
 * SVG a page (TARGET-N.ext when there are several). @written (optional)
 * receives a GPtrArray of GFile. */
gboolean    impact_page_source_export        (ImpactPageSource              *source,
                                              const ImpactPageExportOptions *options,
                                              const char                    *target,
                                              GPtrArray                    **written,
                                              GCancellable                  *cancellable,
                                              GError                       **error);

G_END_DECLS
