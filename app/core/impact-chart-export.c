/* impact-chart-export.c: one chart alone as a PDF, PNG or SVG file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-chart-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "impact-chart-export.h"
#include "impact-chart-scene.h"
#include "impact-direction.h"
#include "impact-error.h"
#include "impact-output.h"
#include "impact-text.h"
#include "impact-theme.h"

/* Layouts are made at most this wide (points) and scaled up, so the type
 * keeps its proportion to the chart at any size */
#define LOGICAL_WIDTH 600.0
#define LOGICAL_SPARKLINE_WIDTH 160.0

static gboolean
check_status (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, IMPACT_ERROR,
               status == CAIRO_STATUS_WRITE_ERROR ? IMPACT_ERROR_WRITE : IMPACT_ERROR_RENDER,
               _("cannot write “%s”: %s"), path, cairo_status_to_string (status));
  return FALSE;
}

/* Draws @scene scaled by @scale onto @surface; checks cairo */
static gboolean
draw_scene (cairo_surface_t   *surface,
            ImpactChartScene  *scene,
            double             scale,
            const char        *path,
            GError           **error)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_scale (cr, scale, scale);
  impact_chart_scene_draw (scene, cr);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  return check_status (status, path, error);
}

gboolean
impact_chart_export (ImpactDocument      *doc,
                     guint                index,
                     const char          *path,
                     ImpactExportFormat   format,
                     int                  width,
                     int                  height,
                     ImpactDiagnostics   *diagnostics,
                     GError             **error)
{
  GPtrArray *charts;
  g_autoptr(ImpactTheme) theme = NULL;
  g_autoptr(ImpactChart) chart = NULL;
  g_autoptr(ImpactChartScene) scene = NULL;
  PangoContext *context;
  g_autoptr(ImpactOutputFile) file = NULL;
  g_autofree char *where = NULL;
  g_autofree char *description = NULL;
  cairo_surface_t *surface = NULL;
  double points_w, points_h, scale;
  gboolean ok;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  charts = impact_document_get_charts (doc);
  if (index >= charts->len)
    {
      if (charts->len == 0)
        g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_USAGE, _("the sheet has no charts"));
      else
        g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_USAGE,
                     g_dngettext (GETTEXT_PACKAGE, "there is no chart %u: the sheet has %u chart",
                                  "there is no chart %u: the sheet has %u charts", charts->len),
                     index + 1, charts->len);
      return FALSE;
    }
  if (width <= 0 || height <= 0)
    {
      width = IMPACT_CHART_EXPORT_WIDTH;
      height = IMPACT_CHART_EXPORT_HEIGHT;
    }

  where = g_strdup_printf ("charts[%u]", index);
  theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
  chart = impact_chart_new (doc, g_ptr_array_index (charts, index), where, diagnostics);
  impact_chart_check_contrast (theme, where, diagnostics);
  context = impact_text_context_new (impact_document_get_language (doc));

  /* PNG in pixels; PDF and SVG in 1/144 inch (as the statistics card) */
  points_w = width / 2.0;
  points_h = height / 2.0;
  /* a sparkline is tiny by nature: shown as it would be in a panel, enlarged */
  scale = MAX (1.0, width / (impact_chart_get_kind (chart) == IMPACT_CHART_SPARKLINE ?
                             LOGICAL_SPARKLINE_WIDTH : LOGICAL_WIDTH));
  scene = impact_chart_layout (chart, width / scale, height / scale, theme, context,
                               IMPACT_CHART_LAYOUT_TITLE | IMPACT_CHART_LAYOUT_BACKGROUND |
                               (impact_document_is_rtl (doc) ? IMPACT_CHART_LAYOUT_RTL : 0));
  g_object_unref (context);  /* the layouts hold it */
  description = impact_chart_dup_description (chart);

  if ((file = impact_output_file_open (path, error)) == NULL)
    return FALSE;

  switch (format)
    {
    case IMPACT_EXPORT_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
      ok = check_status (cairo_surface_status (surface), path, error) &&
           draw_scene (surface, scene, scale, path, error) &&
           impact_output_write_png (surface, 144.0, file, error);
      cairo_surface_destroy (surface);
      break;

    case IMPACT_EXPORT_FORMAT_PDF:
    case IMPACT_EXPORT_FORMAT_SVG:
    default:
      if (format == IMPACT_EXPORT_FORMAT_PDF)
        {
          surface = cairo_pdf_surface_create_for_stream (impact_output_file_cairo_write, file,
                                                         points_w, points_h);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                          impact_chart_get_label (chart));
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, description);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                          "Impact Sheet " PACKAGE_VERSION);
        }
      else
        {
          surface = cairo_svg_surface_create_for_stream (impact_output_file_cairo_write, file,
                                                         points_w, points_h);
          cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
        }
      ok = draw_scene (surface, scene, scale * points_w / width, path, error);
      cairo_surface_finish (surface);
      /* a failed write is reported with its cause by finish() */
      if (ok && cairo_surface_status (surface) != CAIRO_STATUS_WRITE_ERROR)
        ok = check_status (cairo_surface_status (surface), path, error);
      cairo_surface_destroy (surface);
      break;
    }
  return ok && impact_output_file_commit (file, error);
}
