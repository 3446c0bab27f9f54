/* impact-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include "impact-error.h"
#include "impact-export.h"
#include "impact-page-source.h"
#include "impact-sheet-page-source.h"
#include "impact-text-cache.h"
#include "impact-render.h"
#include "impact-sheet-layout.h"
#include "impact-theme.h"
#include "impact-fonts.h"
#include "impact-source-map.h"


void
impact_export_options_init (ImpactExportOptions *options)
{
  g_return_if_fail (options != NULL);
  memset (options, 0, sizeof *options);
  options->format = IMPACT_EXPORT_FORMAT_PDF;
  options->page_size = IMPACT_PAGE_SIZE_LETTER;
  options->dpi = 150.0;
}

gboolean
impact_export_format_from_path (const char         *path,
                                ImpactExportFormat *out_format)
{
  const char *dot;

  g_return_val_if_fail (out_format != NULL, FALSE);
  if (path == NULL || (dot = strrchr (path, '.')) == NULL || strchr (dot, '/') != NULL)
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    *out_format = IMPACT_EXPORT_FORMAT_PDF;
  else if (g_ascii_strcasecmp (dot, ".png") == 0)
    *out_format = IMPACT_EXPORT_FORMAT_PNG;
  else if (g_ascii_strcasecmp (dot, ".svg") == 0)
    *out_format = IMPACT_EXPORT_FORMAT_SVG;
  else
    return FALSE;
  return TRUE;
}

const char *
impact_export_format_to_string (ImpactExportFormat format)
{
  switch (format)
    {
    case IMPACT_EXPORT_FORMAT_PNG: return "png";
    case IMPACT_EXPORT_FORMAT_SVG: return "svg";
    case IMPACT_EXPORT_FORMAT_PDF:
    default: return "pdf";
    }
}

gboolean
impact_export_part_from_string (const char       *text,
                                ImpactExportPart *out_part)
{
  g_return_val_if_fail (out_part != NULL, FALSE);
  if (g_strcmp0 (text, "sheet") == 0)
    *out_part = IMPACT_EXPORT_PART_SHEET;
  else if (g_strcmp0 (text, "stats") == 0)
    *out_part = IMPACT_EXPORT_PART_STATS;
  else
    return FALSE;
  return TRUE;
}

static gboolean
export_document (ImpactDocument             *document,
                 const ImpactExportOptions  *options,
                 GFile                      *output,
                 GPtrArray                 **written,
                 ImpactDiagnostics          *diagnostics,
                 GCancellable               *cancellable,
                 GError                    **error)
{
  g_autoptr(ImpactTheme) theme = NULL;
  g_autoptr(ImpactSheetLayout) layout = NULL;
  g_autoptr(ImpactPageSource) source = NULL;
  ImpactPageExportOptions page_options = { 0 };
  g_autofree char *target = NULL;
  ImpactExportOptions card;
  guint n_pages, first, last;
  double dpi;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  target = g_file_get_path (output);
  if (target == NULL)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                   "can only export to local files");
      return FALSE;
    }

  dpi = options->dpi > 0 ? options->dpi : 150.0;
  if (dpi < IMPACT_EXPORT_MIN_DPI || dpi > IMPACT_EXPORT_MAX_DPI || !isfinite (dpi))
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_USAGE,
                   "resolution must be between %.0f and %.0f dpi",
                   IMPACT_EXPORT_MIN_DPI, IMPACT_EXPORT_MAX_DPI);
      return FALSE;
    }

  if (!(options->bleed >= 0 && options->bleed <= IMPACT_RENDER_MAX_BLEED))
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_USAGE,
                   "the bleed must be between 0 and %.0f pt (%.1f mm)",
                   IMPACT_RENDER_MAX_BLEED, IMPACT_RENDER_MAX_BLEED * 25.4 / 72);
      return FALSE;
    }

  if (options->pdfx && options->format != IMPACT_EXPORT_FORMAT_PDF)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_USAGE,
                   "PDF/X is a kind of PDF: export to a .pdf file");
      return FALSE;
    }

  theme = impact_theme_new (impact_document_get_theme_spec (document),
                            options->template_name, diagnostics);
  if (options->private_fonts)
    impact_export_restrict_fonts (document, theme);
  if (options->part == IMPACT_EXPORT_PART_STATS)
    {
      int cw = options->card_width > 0 ? options->card_width : 1080;
      int ch = options->card_height > 0 ? options->card_height : 1080;

      if (cw < IMPACT_EXPORT_CARD_MIN || cw > IMPACT_EXPORT_CARD_MAX ||
          ch < IMPACT_EXPORT_CARD_MIN || ch > IMPACT_EXPORT_CARD_MAX)
        {
          g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_USAGE,
                       "a card must be between %d and %d pixels on each side",
                       IMPACT_EXPORT_CARD_MIN, IMPACT_EXPORT_CARD_MAX);
          return FALSE;
        }
      if (impact_document_get_statistics (document)->len == 0)
        {
          g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_USAGE,
                       "the sheet has no statistics to put on a card");
          return FALSE;
        }
      /* two pixels a point: the card's type is set for 144 dpi */
      layout = impact_sheet_layout_new_stats_card (document, theme, cw / 2.0, ch / 2.0, diagnostics);
      card = *options;
      card.bleed = 0;
      card.crop_marks = FALSE;
      options = &card;
    }
  else
    {
      /* a text placed again while a page is fitted is shaped once
       * (impact-text-cache.h) */
      g_autoptr(ImpactTextCache) texts = impact_text_cache_new (0);

      impact_text_cache_begin (texts);
      /* the front alone needs no back page laid out */
      layout = impact_sheet_layout_new_front_only (document, theme, options->page_size,
                                                   options->page == 1, diagnostics);
      impact_text_cache_end (texts);
    }
  n_pages = impact_sheet_layout_get_n_pages (layout);

  if (options->page > n_pages)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_USAGE,
                   "there is no page %u: the sheet has %u pages", options->page, n_pages);
      return FALSE;
    }
  first = options->page ? options->page - 1 : 0;
  last = options->page ? options->page - 1 : n_pages - 1;

  source = impact_sheet_page_source_new (layout, options->part, options->bleed, options->crop_marks);
  page_options.format = options->format;
  page_options.dpi = dpi;
  page_options.first = first;
  page_options.last = last;
  page_options.pdfx = options->pdfx;
  return impact_page_source_export (source, &page_options, target, written, cancellable, error);
}

void
impact_export_restrict_fonts (ImpactDocument *document,
                              ImpactTheme    *theme)
{
  ImpactSourceMap *map;
  GBytes *text;
  const char *families[3];
  g_autofree char *chars = NULL;

  g_return_if_fail (IMPACT_IS_DOCUMENT (document));
  g_return_if_fail (IMPACT_IS_THEME (theme));

  if (impact_fonts_is_restricted ())
    return;
  map = impact_document_get_source_map (document);
  text = map != NULL ? impact_source_map_get_text (map) : NULL;
  if (text == NULL)
    return;
  families[0] = impact_theme_get_heading_font (theme);
  families[1] = impact_theme_get_body_font (theme);
  families[2] = NULL;
  chars = g_utf8_make_valid (g_bytes_get_data (text, NULL), g_bytes_get_size (text));
  impact_fonts_restrict (families, impact_document_get_language (document), chars);
}

gboolean
impact_export_document (ImpactDocument             *document,
                        const ImpactExportOptions  *options,
                        GFile                      *output,
                        GPtrArray                 **written,
                        ImpactDiagnostics          *diagnostics,
                        GCancellable               *cancellable,
                        GError                    **error)
{
  g_autoptr(ImpactDiagnostics) attempt = NULL;
  g_autoptr(GError) attempt_error = NULL;
  g_autoptr(GPtrArray) attempt_written = NULL;
  ImpactExportOptions all_fonts;
  gboolean ok;

  g_return_val_if_fail (options != NULL, FALSE);
  if (!options->private_fonts)
    return export_document (document, options, output, written, diagnostics, cancellable, error);

  /* with the document's own fonts (impact-fonts.h); when a text needed a
   * character that choice did not plan for, once more with every font */
  attempt = impact_diagnostics_new ();
  ok = export_document (document, options, output, &attempt_written, attempt, cancellable,
                        &attempt_error);
  if (impact_fonts_restriction_broken ())
    {
      impact_fonts_unrestrict ();
      all_fonts = *options;
      all_fonts.private_fonts = FALSE;
      return export_document (document, &all_fonts, output, written, diagnostics, cancellable, error);
    }
  impact_fonts_unrestrict ();
  if (diagnostics != NULL)
    impact_diagnostics_extend (diagnostics, attempt);
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&attempt_error));
      return FALSE;
    }
  if (written != NULL)
    *written = g_steal_pointer (&attempt_written);
  return TRUE;
}
