/* impact-icons.h: the vector icons statistics and pillars may use
 *
 * The renderer draws them onto any cairo_t (impact-icons.c); the editor
 * draws the same paths in its icon choices, so what is chosen is what
 * the sheet shows. The names a document may use are those of
 * impact_field_icon_choices (sections/impact-fields.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @name is one of the built-in icons */
gboolean              impact_icon_exists            (const char *name);
/* Draws @name in the square @x, @y, @size with the source @cr has
 * (strokes and fills); nothing for an unknown name */
void                  impact_icon_draw              (cairo_t    *cr,
                                                     const char *name,
                                                     double      x,
                                                     double      y,
                                                     double      size);

G_END_DECLS
