/* impact-icons.c: the small set of vector icons statistics and pillars may use
 *
 * Drawn with plain cairo paths in a unit box, so they stay sharp in PDF and
 * need no icon theme (the core has no GTK). The caller sets the source.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "impact-icons.h"

typedef void (*IconFunc) (cairo_t *cr);

static void
icon_check (cairo_t *cr)
{
  cairo_move_to (cr, 0.16, 0.54);
  cairo_line_to (cr, 0.40, 0.78);
  cairo_line_to (cr, 0.86, 0.26);
  cairo_stroke (cr);
}

static void
icon_scales (cairo_t *cr)
{
  cairo_move_to (cr, 0.5, 0.12);
  cairo_line_to (cr, 0.5, 0.86);
  cairo_move_to (cr, 0.3, 0.86);
  cairo_line_to (cr, 0.7, 0.86);
  cairo_move_to (cr, 0.14, 0.24);
  cairo_line_to (cr, 0.86, 0.24);
  /* strings and pans */
  cairo_move_to (cr, 0.2, 0.24);
  cairo_line_to (cr, 0.08, 0.56);
  cairo_move_to (cr, 0.2, 0.24);
  cairo_line_to (cr, 0.32, 0.56);
  cairo_move_to (cr, 0.8, 0.24);
  cairo_line_to (cr, 0.68, 0.56);
  cairo_move_to (cr, 0.8, 0.24);
  cairo_line_to (cr, 0.92, 0.56);
  cairo_stroke (cr);
  cairo_arc (cr, 0.2, 0.56, 0.12, 0, M_PI);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_arc (cr, 0.8, 0.56, 0.12, 0, M_PI);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
icon_heart (cairo_t *cr)
{
  cairo_move_to (cr, 0.5, 0.86);
  cairo_curve_to (cr, 0.1, 0.58, 0.04, 0.4, 0.1, 0.28);
  cairo_curve_to (cr, 0.18, 0.12, 0.42, 0.1, 0.5, 0.3);
  cairo_curve_to (cr, 0.58, 0.1, 0.82, 0.12, 0.9, 0.28);
  cairo_curve_to (cr, 0.96, 0.4, 0.9, 0.58, 0.5, 0.86);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
icon_pillar (cairo_t *cr)
{
  cairo_move_to (cr, 0.08, 0.34);
  cairo_line_to (cr, 0.5, 0.1);
  cairo_line_to (cr, 0.92, 0.34);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_rectangle (cr, 0.08, 0.8, 0.84, 0.1);
  cairo_fill (cr);
  for (int i = 0; i < 4; i++)
    cairo_rectangle (cr, 0.16 + i * 0.2, 0.4, 0.1, 0.36);
  cairo_fill (cr);
}

static void
icon_people (cairo_t *cr)
{
  cairo_arc (cr, 0.35, 0.3, 0.13, 0, 2 * M_PI);
  cairo_fill (cr);
  cairo_arc (cr, 0.7, 0.36, 0.1, 0, 2 * M_PI);
  cairo_fill (cr);
  cairo_arc (cr, 0.35, 0.86, 0.28, M_PI, 2 * M_PI);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_arc (cr, 0.72, 0.86, 0.2, M_PI, 2 * M_PI);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
icon_shield (cairo_t *cr)
{
  cairo_move_to (cr, 0.5, 0.08);
  cairo_line_to (cr, 0.86, 0.22);
  cairo_curve_to (cr, 0.86, 0.56, 0.72, 0.8, 0.5, 0.92);
  cairo_curve_to (cr, 0.28, 0.8, 0.14, 0.56, 0.14, 0.22);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
icon_book (cairo_t *cr)
{
  cairo_move_to (cr, 0.5, 0.24);
  cairo_curve_to (cr, 0.38, 0.14, 0.2, 0.14, 0.08, 0.2);
  cairo_line_to (cr, 0.08, 0.82);
  cairo_curve_to (cr, 0.2, 0.76, 0.38, 0.76, 0.5, 0.86);
  cairo_curve_to (cr, 0.62, 0.76, 0.8, 0.76, 0.92, 0.82);
  cairo_line_to (cr, 0.92, 0.2);
  cairo_curve_to (cr, 0.8, 0.14, 0.62, 0.14, 0.5, 0.24);
  cairo_close_path (cr);
  cairo_move_to (cr, 0.5, 0.24);
  cairo_line_to (cr, 0.5, 0.86);
  cairo_stroke (cr);
}

static void
icon_home (cairo_t *cr)
{
  cairo_move_to (cr, 0.06, 0.48);
  cairo_line_to (cr, 0.5, 0.1);
  cairo_line_to (cr, 0.94, 0.48);
  cairo_stroke (cr);
  cairo_move_to (cr, 0.2, 0.42);
  cairo_line_to (cr, 0.2, 0.9);
  cairo_line_to (cr, 0.42, 0.9);
  cairo_line_to (cr, 0.42, 0.64);
  cairo_line_to (cr, 0.58, 0.64);
  cairo_line_to (cr, 0.58, 0.9);
  cairo_line_to (cr, 0.8, 0.9);
  cairo_line_to (cr, 0.8, 0.42);
  cairo_line_to (cr, 0.5, 0.18);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
icon_star (cairo_t *cr)
{
  for (int i = 0; i < 10; i++)
    {
      double a = -M_PI / 2 + i * M_PI / 5;
      double r = (i % 2) ? 0.2 : 0.46;

      if (i == 0)
        cairo_move_to (cr, 0.5 + r * cos (a), 0.53 + r * sin (a));
      else
        cairo_line_to (cr, 0.5 + r * cos (a), 0.53 + r * sin (a));
    }
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
icon_globe (cairo_t *cr)
{
  cairo_arc (cr, 0.5, 0.5, 0.4, 0, 2 * M_PI);
  cairo_new_sub_path (cr);
  cairo_save (cr);
  cairo_translate (cr, 0.5, 0.5);
  cairo_scale (cr, 0.17, 0.4);
  cairo_arc (cr, 0, 0, 1, 0, 2 * M_PI);
  cairo_restore (cr);
  cairo_move_to (cr, 0.1, 0.5);
  cairo_line_to (cr, 0.9, 0.5);
  cairo_stroke (cr);
}

static const struct
{
  const char *name;
  IconFunc    func;
} icons[] = {
  { "book", icon_book },
  { "check", icon_check },
  { "globe", icon_globe },
  { "heart", icon_heart },
  { "home", icon_home },
  { "people", icon_people },
  { "pillar", icon_pillar },
  { "scales", icon_scales },
  { "shield", icon_shield },
  { "star", icon_star },
};

static IconFunc
lookup (const char *name)
{
  for (gsize i = 0; name && i < G_N_ELEMENTS (icons); i++)
    if (g_strcmp0 (icons[i].name, name) == 0)
      return icons[i].func;
  return NULL;
}

gboolean
impact_icon_exists (const char *name)
{
  return lookup (name) != NULL;
}

void
impact_icon_draw (cairo_t    *cr,
                  const char *name,
                  double      x,
                  double      y,
                  double      size)
{
  IconFunc func = lookup (name);

  if (func == NULL)
    return;
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size, size);
  cairo_set_line_width (cr, 0.11);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_new_path (cr);
  func (cr);
  cairo_restore (cr);
}
