/* impact-output.h: writing output files safely
 *
 * Every file Impact Sheet writes (sheets, cards, slides, handouts) is
 * written to a temporary file in the target's folder and renamed over the
 * target at the end, so a failed write never leaves a half-written file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A new empty temporary file next to @target (".NAME.XXXXXX"); its path */
char     *impact_output_temp_path  (const char       *target,
                                    GError          **error);
/* Renames @tmp over @target; on failure removes @tmp */
gboolean  impact_output_commit     (const char       *tmp,
                                    const char       *target,
                                    GError          **error);
/* Writes an RGB24/ARGB32 image surface to @path as an RGB PNG at zlib
 * level 3 (several times faster than cairo's default, a few per cent
 * larger), recording @dpi (0 = none) so the image prints at its size.
 * @target names the file in messages. */
gboolean  impact_output_write_png  (cairo_surface_t  *surface,
                                    double            dpi,
                                    const char       *path,
                                    const char       *target,
                                    GError          **error);

G_END_DECLS
