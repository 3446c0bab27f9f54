/* impact-preflight.h: checks a fact sheet before it goes to print
 *
 * Preflight finds what the loader cannot: figures nobody can check, images
 * too coarse for print, colour pairs too faint to read, glyphs the fonts
 * lack and text that does not fit. Every finding is a warning that names
 * the item and says how to fix it; none stops an export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "impact-diagnostics.h"
#include "impact-document.h"
#include "impact-page.h"
#include "impact-sheet-layout.h"
#include "impact-theme.h"

G_BEGIN_DECLS

/* Below this, an image looks soft in print */
#define IMPACT_PREFLIGHT_MIN_DPI      150.0
/* WCAG 2 AA for text under 18 pt (14 pt bold) */
#define IMPACT_PREFLIGHT_MIN_CONTRAST 4.5

/* Checks that do not depend on the paper: sources of statistics and
 * facts, a new sheet's guidance texts left as they are
 * (impact-placeholders.h), and the contrast of the theme's text colour pairs. Returns the
 * number of warnings added to @diagnostics. */
guint impact_preflight_check_document (ImpactDocument    *document,
                                       ImpactTheme       *theme,
                                       ImpactDiagnostics *diagnostics);
/* Checks of one laid-out sheet: the resolution of every image at the size
 * it is printed. (Missing glyphs and overflow are reported by
 * impact_sheet_layout_new() itself.) Returns the number of warnings added. */
guint impact_preflight_check_layout   (ImpactSheetLayout *layout,
                                       ImpactDiagnostics *diagnostics);
/* Everything: the document checks once, then for each paper size a layout
 * (its glyph and overflow warnings) and its checks. A warning found on
 * every paper size is given once; one specific to a size ends with it, as
 * in "… (a4)". Returns the number added. */
guint impact_preflight_run            (ImpactDocument       *document,
                                       ImpactTheme          *theme,
                                       const ImpactPageSize *sizes,
                                       guint                 n_sizes,
                                       ImpactDiagnostics    *diagnostics);
/* The same among the fonts @document can use only (impact_export_restrict_fonts()),
 * as an export with private_fonts is, and with every font again when a
 * text needs a character that choice did not plan for: the same warnings,
 * a fraction of the font matching. For a process or thread that checks one
 * document at a time. */
guint impact_preflight_run_private_fonts (ImpactDocument       *document,
                                          ImpactTheme          *theme,
                                          const ImpactPageSize *sizes,
                                          guint                 n_sizes,
                                          ImpactDiagnostics    *diagnostics);

/* A colour near @color, moved towards black or white (away from @other),
 * that reaches @ratio against @other; as "#rrggbb". NULL when none does. */
char *impact_preflight_suggest_color  (const ImpactColor *color,
                                       const ImpactColor *other,
                                       double             ratio);

G_END_DECLS
