/* impact-chart-export.c: one chart alone as a PDF, PNG or SVG file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-chart-export"

#include "config.h"

#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "impact-chart-export.h"
#include "impact-chart-scene.h"
#include "impact-direction.h"
#include "impact-error.h"
#include "impact-output.h"
#include "impact-page-source.h"
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

/* A chart alone as a page source, so that its PDF goes through the export
 * pipeline and its finishing as the sheet's charts do: one page, the
 * chart a Figure with its description as /Alt, its data a Table after it
 * (impact-pdf-finish.h) */

#define IMPACT_TYPE_CHART_PAGE_SOURCE (impact_chart_page_source_get_type ())
G_DECLARE_FINAL_TYPE (ImpactChartPageSource, impact_chart_page_source, IMPACT, CHART_PAGE_SOURCE, GObject)

struct _ImpactChartPageSource
{
  GObject           parent_instance;
  ImpactDocument   *doc;
  ImpactChart      *chart;
  ImpactChartScene *scene;
  double            width, height;  /* points */
  double            scale;          /* points a scene unit */
  char             *description;
};

static void chart_page_source_iface_init (ImpactPageSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ImpactChartPageSource, impact_chart_page_source, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (IMPACT_TYPE_PAGE_SOURCE, chart_page_source_iface_init))

static guint
chart_get_n_pages (ImpactPageSource *source)
{
  return 1;
}

static void
chart_get_page_size (ImpactPageSource *source,
                     guint             page,
                     double           *width,
                     double           *height)
{
  ImpactChartPageSource *self = IMPACT_CHART_PAGE_SOURCE (source);

  *width = self->width;
  *height = self->height;
}

static gboolean
chart_draw_page (ImpactPageSource  *source,
                 guint              page,
                 cairo_t           *cr,
                 GError           **error)
{
  ImpactChartPageSource *self = IMPACT_CHART_PAGE_SOURCE (source);
  cairo_status_t status;

  cairo_save (cr);
  cairo_scale (cr, self->scale, self->scale);
  /* the page's Document, the chart its Figure (other surfaces ignore tags) */
  cairo_tag_begin (cr, "Document", "");
  cairo_tag_begin (cr, "Figure", "");
  impact_chart_scene_draw (self->scene, cr);
  cairo_tag_end (cr, "Figure");
  cairo_tag_end (cr, "Document");
  cairo_restore (cr);
  status = cairo_status (cr);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                   "cannot draw the chart: %s", cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static char *
chart_get_title (ImpactPageSource *source)
{
  return g_strdup (impact_chart_get_label (IMPACT_CHART_PAGE_SOURCE (source)->chart));
}

static const char *
chart_get_language (ImpactPageSource *source)
{
  return impact_document_get_language (IMPACT_CHART_PAGE_SOURCE (source)->doc);
}

static const char *
chart_get_author (ImpactPageSource *source)
{
  return impact_document_get_organisation (IMPACT_CHART_PAGE_SOURCE (source)->doc)->name;
}

static const char *
chart_get_subject (ImpactPageSource *source)
{
  return IMPACT_CHART_PAGE_SOURCE (source)->description;
}

static void
chart_get_figures (ImpactPageSource *source,
                   guint             page,
                   GPtrArray        *alts)
{
  ImpactChartPageSource *self = IMPACT_CHART_PAGE_SOURCE (source);

  g_ptr_array_add (alts, self->description ? self->description : "");
}

static void
chart_get_figure_tables (ImpactPageSource *source,
                         guint             page,
                         GPtrArray        *tables)
{
  g_ptr_array_add (tables, impact_chart_dup_table (IMPACT_CHART_PAGE_SOURCE (source)->chart));
}

static void
chart_page_source_iface_init (ImpactPageSourceInterface *iface)
{
  iface->get_n_pages = chart_get_n_pages;
  iface->get_page_size = chart_get_page_size;
  iface->draw_page = chart_draw_page;
  iface->get_title = chart_get_title;
  iface->get_language = chart_get_language;
  iface->get_author = chart_get_author;
  iface->get_subject = chart_get_subject;
  iface->get_figures = chart_get_figures;
  iface->get_figure_tables = chart_get_figure_tables;
}

static void
impact_chart_page_source_finalize (GObject *object)
{
  ImpactChartPageSource *self = IMPACT_CHART_PAGE_SOURCE (object);

  g_clear_object (&self->doc);
  g_clear_pointer (&self->chart, impact_chart_unref);
  g_clear_pointer (&self->scene, impact_chart_scene_free);
  g_free (self->description);
  G_OBJECT_CLASS (impact_chart_page_source_parent_class)->finalize (object);
}

static void
impact_chart_page_source_class_init (ImpactChartPageSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = impact_chart_page_source_finalize;
}

static void
impact_chart_page_source_init (ImpactChartPageSource *self)
{
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

  if (format == IMPACT_EXPORT_FORMAT_PDF)
    {
      g_autoptr(ImpactChartPageSource) source = g_object_new (IMPACT_TYPE_CHART_PAGE_SOURCE, NULL);
      ImpactPageExportOptions options = { IMPACT_EXPORT_FORMAT_PDF, 0, 0, 0, FALSE };

      source->doc = g_object_ref (doc);
      source->chart = impact_chart_ref (chart);
      source->scene = g_steal_pointer (&scene);
      source->width = points_w;
      source->height = points_h;
      source->scale = scale * points_w / width;
      source->description = g_steal_pointer (&description);
      return impact_page_source_export (IMPACT_PAGE_SOURCE (source), &options, path, NULL, NULL, error);
    }

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

    case IMPACT_EXPORT_FORMAT_SVG:
    default:
      surface = cairo_svg_surface_create_for_stream (impact_output_file_cairo_write, file,
                                                     points_w, points_h);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
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
