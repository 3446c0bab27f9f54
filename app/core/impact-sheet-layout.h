/* impact-sheet-layout.h: a fact sheet laid out on pages
 *
 * impact_sheet_layout_new() measures every text with Pango (72 dpi, hinting
 * off, so the result is the same on every surface) and places it on the
 * pages; nothing is drawn. The layout is immutable and may be drawn any
 * number of times, on any cairo_t, by impact_render_page(). Coordinates are
 * in points from the top-left corner of the page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "impact-diagnostics.h"
#include "impact-document.h"
#include "impact-page.h"
#include "impact-theme.h"

G_BEGIN_DECLS

typedef enum
{
  IMPACT_SECTION_HEADER,
  IMPACT_SECTION_PROBLEM,
  IMPACT_SECTION_STATISTICS,
  IMPACT_SECTION_FACTS,
  IMPACT_SECTION_QUOTE,
  IMPACT_SECTION_SOURCES,
  IMPACT_SECTION_APPROACH,
  IMPACT_SECTION_MILESTONES,
  IMPACT_SECTION_PROFILE,
  IMPACT_SECTION_CONTACT,
  IMPACT_SECTION_FOOTER,
  IMPACT_SECTION_CHARTS,
  IMPACT_N_SECTIONS
} ImpactSection;

/* A region of a page that one section, or one item of it, occupies. */
typedef struct
{
  ImpactSection section;
  int           item;      /* index in the section's list, -1 for the section itself */
  double        x, y, width, height;
  gboolean      overflow;  /* the section did not fit and is left off the page: the box is
                            * where it would start (to the flow's limit); an error says so */
} ImpactBox;

#define IMPACT_TYPE_SHEET_LAYOUT (impact_sheet_layout_get_type ())
G_DECLARE_FINAL_TYPE (ImpactSheetLayout, impact_sheet_layout, IMPACT, SHEET_LAYOUT, GObject)

/* Overflow and other layout warnings go to @diagnostics (optional). */
ImpactSheetLayout *impact_sheet_layout_new            (ImpactDocument    *document,
                                                       ImpactTheme       *theme,
                                                       ImpactPageSize     page_size,
                                                       ImpactDiagnostics *diagnostics);
/* The same; with @front_only, the front page alone (one page): what the
 * front looks like never depends on the back. */
ImpactSheetLayout *impact_sheet_layout_new_front_only (ImpactDocument    *document,
                                                       ImpactTheme       *theme,
                                                       ImpactPageSize     page_size,
                                                       gboolean           front_only,
                                                       ImpactDiagnostics *diagnostics);
/* The statistics alone on one page of @width × @height points: a card for
 * social media in the sheet's colours (figures, labels, heading and the
 * organisation's name). Overflow warnings go to @diagnostics (optional). */
ImpactSheetLayout *impact_sheet_layout_new_stats_card (ImpactDocument    *document,
                                                       ImpactTheme       *theme,
                                                       double             width,
                                                       double             height,
                                                       ImpactDiagnostics *diagnostics);
ImpactDocument    *impact_sheet_layout_get_document   (ImpactSheetLayout *self);
ImpactTheme       *impact_sheet_layout_get_theme      (ImpactSheetLayout *self);
ImpactPageSize     impact_sheet_layout_get_page_size  (ImpactSheetLayout *self);
guint              impact_sheet_layout_get_n_pages    (ImpactSheetLayout *self);
void               impact_sheet_layout_get_page_extent (ImpactSheetLayout *self,
                                                       double            *width,
                                                       double            *height);
/* Section and item boxes of one page (0-based), in reading order. */
guint              impact_sheet_layout_get_n_boxes    (ImpactSheetLayout *self,
                                                       guint              page);
const ImpactBox   *impact_sheet_layout_get_box        (ImpactSheetLayout *self,
                                                       guint              page,
                                                       guint              index);
/* Where a section (item = -1) or item is, for scrolling a preview to it. */
gboolean           impact_sheet_layout_find           (ImpactSheetLayout *self,
                                                       ImpactSection      section,
                                                       int                item,
                                                       guint             *out_page,
                                                       ImpactBox         *out_box);
/* 1.0 when the page's text has its designed size; less when auto-fit
 * reduced it so the page fits (never below 0.86). */
double             impact_sheet_layout_get_fit_scale  (ImpactSheetLayout *self,
                                                       guint              page);
/* What the sheet's design leaves out (milestones beyond the timeline's
 * choice, eras none of them falls in), as warnings: for validate and the
 * window, not for every export */
void               impact_sheet_layout_report_omissions (ImpactSheetLayout *self,
                                                         ImpactDiagnostics *diagnostics);
const char        *impact_section_to_string           (ImpactSection      section);

G_END_DECLS
