/* fuzz-layout.c: libFuzzer target for the sheet, card and timeline layouts
 *
 * A document the loader accepts is laid out on both page sizes in both
 * templates, as a statistics card, and as a timeline with a placement,
 * its labels and a handout; none of it may crash or leak.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>

#include "impact-json-loader.h"
#include "impact-sheet-layout.h"
#include "impact-theme.h"
#include "impact-timeline-layout.h"
#include "impact-timeline-render.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
lay_out_timeline (ImpactDocument *doc,
                  ImpactTheme    *theme)
{
  g_autoptr(ImpactTimelineLayout) timeline = impact_timeline_layout_new (doc, theme);
  guint n = impact_timeline_layout_get_n_items (timeline);
  double start, end;

  if (impact_timeline_layout_get_extent (timeline, &start, &end) && n > 0)
    {
      double zoom = 900.0 / MAX (end - start, 1.0 / 365);

      impact_timeline_layout_place (timeline, zoom, 3, 3);
      for (guint i = 0; i < MIN (n, 64); i++)
        {
          double w, h;

          impact_timeline_layout_get_label_size (timeline, i, &w, &h);
        }
    }
  {
    g_autoptr(ImpactTimelineHandout) handout = impact_timeline_handout_new (timeline, IMPACT_PAGE_SIZE_A4);

    g_assert (impact_timeline_handout_get_n_pages (handout) >= 1);
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *const templates[] = { "classic", "bold" };
  static const ImpactPageSize sizes[] = { IMPACT_PAGE_SIZE_LETTER, IMPACT_PAGE_SIZE_A4 };
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;

  doc = impact_json_loader_load_data ((const char *) data, size, "fuzz.json", NULL, diagnostics, &error);
  if (doc == NULL)
    return 0;

  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    {
      g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc),
                                                       templates[t], diagnostics);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autoptr(ImpactSheetLayout) layout = impact_sheet_layout_new (doc, theme, sizes[s], diagnostics);

          const char *pages = impact_document_get_pages (doc);
          guint n_pages = impact_sheet_layout_get_n_pages (layout);

          /* as the data asks; auto (the default) chooses one or two */
          if (g_strcmp0 (pages, "1") == 0)
            g_assert (n_pages == 1);
          else if (g_strcmp0 (pages, "2") == 0)
            g_assert (n_pages == 2);
          else
            g_assert (n_pages == 1 || n_pages == 2);
        }
      if (t == 1 && impact_document_get_statistics (doc)->len > 0)
        {
          g_autoptr(ImpactSheetLayout) square = impact_sheet_layout_new_stats_card (doc, theme, 540, 540, diagnostics);
          g_autoptr(ImpactSheetLayout) wide = impact_sheet_layout_new_stats_card (doc, theme, 600, 315, diagnostics);

          g_assert (impact_sheet_layout_get_n_pages (square) == 1);
          g_assert (impact_sheet_layout_get_n_pages (wide) == 1);
        }
      if (t == 0)
        lay_out_timeline (doc, theme);
    }
  return 0;
}
