/* impact-chart-export.h: one chart alone as a PDF, PNG or SVG file
 *
 * Self-contained until the page-source export pipeline lands (DESIGN.md,
 * "One export pipeline"): a chart then becomes one more page source.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "impact-diagnostics.h"
#include "impact-document.h"
#include "impact-export.h"

G_BEGIN_DECLS

/* The default size, in pixels (PNG) or 1/144 inch (PDF, SVG) as for the
 * statistics card: 16:9 */
#define IMPACT_CHART_EXPORT_WIDTH  1200
#define IMPACT_CHART_EXPORT_HEIGHT 675

/* Writes chart @index (0-based) of @doc to @path atomically, @width ×
 * @height (0: the default), titled with the chart's label on the theme's
 * background. Warnings (contrast, milestones not placed) go to
 * @diagnostics (optional) with the path "charts[N]". IMPACT_ERROR_USAGE
 * when there is no such chart. */
gboolean impact_chart_export (ImpactDocument      *doc,
                              guint                index,
                              const char          *path,
                              ImpactExportFormat   format,
                              int                  width,
                              int                  height,
                              ImpactDiagnostics   *diagnostics,
                              GError             **error);

G_END_DECLS
