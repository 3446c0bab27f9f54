/* impact-render.h: draw a laid-out fact sheet on any cairo_t
 *
 * The same code serves the window preview, printing, PDF, PNG and SVG.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "impact-sheet-layout.h"

G_BEGIN_DECLS

/* Draws page @page (0-based) with its top-left corner at the origin of @cr,
 * one unit per point; scale @cr first for other resolutions. Fails with
 * IMPACT_ERROR_RENDER when cairo reports an error. */
gboolean impact_render_page (cairo_t            *cr,
                             ImpactSheetLayout  *layout,
                             guint               page,
                             GError            **error);

G_END_DECLS
