/* impact-section-sources.c: the numbered sources, anchored to the front page's foot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-sheet-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "impact-emphasis.h"
#include "impact-sections.h"

/* The numbered sources, anchored to the bottom margin; returns their top. */
double
impact_section_sources_place (ImpactLayoutBuilder *b,
                              double               bottom)
{
  double x = b->margin, y, total = 0, gap = 3;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new ();

  if (b->sources->len == 0)
    return bottom;

  for (guint i = 0; i < b->sources->len; i++)
    {
      const ImpactSource *source = g_ptr_array_index (b->sources, i);
      g_autofree char *line = NULL;
      ImpactTextStyle style = impact_builder_body_style (b, 6.5);
      PangoLayout *layout;
      double h;

      style.size = 6.5;
      style.line_height = 1.3;
      if (source->url && *source->url)
        line = g_strdup_printf ("%u  %s. %s", i + 1, source->title, source->url);
      else
        line = g_strdup_printf ("%u  %s.", i + 1, source->title);
      layout = impact_builder_make_marked_text (b, &style, line, FALSE, b->content_width,
                                                strchr (line, ' ') - line,
                                                impact_theme_get_accent_text (b->theme), NULL, NULL);
      impact_text_layout_get_size (layout, NULL, &h);
      total += h + (i > 0 ? gap : 0);
      g_ptr_array_add (layouts, layout);
      /* taller than the page: the rest cannot show */
      if (total > b->height && i + 1 < b->sources->len)
        {
          if (b->overflow_path == NULL)
            {
              b->overflow_path = g_strdup ("sources");
              b->overflow_amount = total - bottom;
            }
          b->cut_short = TRUE;
          break;
        }
    }

  y = bottom - total;
  impact_builder_add_line (b, x, y - 8, x + 60, y - 8, 0.75, &b->rule, 1.0);
  for (guint i = 0; i < layouts->len; i++)
    {
      const ImpactSource *source = g_ptr_array_index (b->sources, i);
      PangoLayout *layout = g_ptr_array_index (layouts, i);

      double h;

      /* a note (its /ID is added when the PDF is finished) */
      b->next_tag = "Note";
      h = impact_builder_place_layout (b, layout, x, y, &b->muted, 1.0, source->url);

      impact_builder_add_box (b, IMPACT_SECTION_SOURCES, i, x, y, b->content_width, h);
      y += h + gap;
    }
  impact_builder_add_box (b, IMPACT_SECTION_SOURCES, -1, x, bottom - total, b->content_width, total);
  return bottom - total - 8;
}
