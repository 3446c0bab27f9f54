/* impact-timeline-colors.c: colours a timeline's texts can be read in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "impact-theme.h"
#include "impact-timeline-text.h"

#define AA_SMALL 4.5
#define AA_LARGE 3.0

static ImpactColor
toward (const ImpactColor *c,
        double             target,
        double             t)
{
  ImpactColor r = { c->red + (target - c->red) * t,
                    c->green + (target - c->green) * t,
                    c->blue + (target - c->blue) * t };
  return r;
}

static double
luminance (const ImpactColor *c)
{
  static const ImpactColor black = { 0, 0, 0 };

  /* contrast with black is (L + 0.05) / 0.05 */
  return impact_color_contrast (c, &black) * 0.05 - 0.05;
}

void
impact_timeline_readable_color (const ImpactColor *fg,
                                double             alpha,
                                const ImpactColor *bg,
                                double             size,
                                gboolean           bold,
                                ImpactColor       *out)
{
  /* WCAG's large text: 18 pt, or 14 pt bold (24 and 18.66 px) */
  double need = size >= 18 || (size >= 14 && bold) ? AA_LARGE : AA_SMALL;
  ImpactColor c = { fg->red * alpha + bg->red * (1 - alpha),
                    fg->green * alpha + bg->green * (1 - alpha),
                    fg->blue * alpha + bg->blue * (1 - alpha) };
  /* a little over the line, so rounding to 8-bit colours keeps it */
  double aim = need + 0.1;
  double pole;

  if (impact_color_contrast (&c, bg) >= aim)
    {
      *out = c;
      return;
    }
  /* darken on a light ground, lighten on a dark one; the first shade
   * that reaches the ratio keeps as much of the colour as it can */
  pole = luminance (bg) > 0.18 ? 0.0 : 1.0;
  for (int step = 1; step <= 40; step++)
    {
      ImpactColor s = toward (&c, pole, step / 40.0);

      if (impact_color_contrast (&s, bg) >= aim)
        {
          *out = s;
          return;
        }
    }
  /* a middle ground: the other pole reads better */
  {
    ImpactColor black = { 0, 0, 0 }, white = { 1, 1, 1 };

    *out = impact_color_contrast (&black, bg) >= impact_color_contrast (&white, bg) ? black : white;
  }
}

void
impact_timeline_set_text_color (cairo_t           *cr,
                                const ImpactColor *fg,
                                double             alpha,
                                const ImpactColor *bg,
                                double             size,
                                gboolean           bold)
{
  ImpactColor c;

  impact_timeline_readable_color (fg, alpha, bg, size, bold, &c);
  cairo_set_source_rgb (cr, c.red, c.green, c.blue);
}
