/* impact-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "impact-error.h"
#include "impact-export.h"
#include "impact-render.h"
#include "impact-sheet-layout.h"
#include "impact-theme.h"

/* A page image larger than this is refused rather than allocated */
#define MAX_PNG_PIXELS (120 * 1000 * 1000)

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

/* A temporary file next to @target, so the final rename stays on one file
 * system and is atomic. */
static char *
make_temp_path (const char  *target,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  int fd = g_mkstemp_full (tmpl, O_RDWR, 0644);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                   "cannot write in “%s”: %s", dir, g_strerror (saved));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&tmpl);
}

static gboolean
commit_temp (const char  *tmp_path,
             const char  *target,
             GError     **error)
{
  if (g_rename (tmp_path, target) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                   "cannot replace “%s”: %s", target, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_surface (cairo_surface_t  *surface,
               const char       *target,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, IMPACT_ERROR, status == CAIRO_STATUS_WRITE_ERROR ?
                   IMPACT_ERROR_WRITE : IMPACT_ERROR_RENDER,
                   "cannot write “%s”: %s", target, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static void
set_pdf_metadata (cairo_surface_t *surface,
                  ImpactDocument  *doc)
{
  ImpactOrganisation *org = impact_document_get_organisation (doc);
  ImpactProblem *problem = impact_document_get_problem (doc);
  const char *title = impact_document_get_title (doc);
  g_autofree char *full_title = NULL;

  if (title == NULL || *title == '\0')
    title = impact_document_get_office (doc);
  full_title = g_strdup_printf ("%s — %s", title ? title : "", "fact sheet");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, full_title);
  if (org->name)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, org->name);
  if (problem->heading)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, problem->heading);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Impact Sheet " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, "fact sheet, impact report");
}

static gboolean
write_pdf (ImpactSheetLayout  *layout,
           guint               first,
           guint               last,
           const char         *target,
           GCancellable       *cancellable,
           GError            **error)
{
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  gboolean ok = TRUE;

  if ((tmp = make_temp_path (target, error)) == NULL)
    return FALSE;

  impact_sheet_layout_get_page_extent (layout, &width, &height);
  surface = cairo_pdf_surface_create (tmp, width, height);
  set_pdf_metadata (surface, impact_sheet_layout_get_document (layout));
  cr = cairo_create (surface);

  for (guint p = first; ok && p <= last; p++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else if (!impact_render_page (cr, layout, p, error))
        ok = FALSE;
      else
        cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (ok)
    ok = check_surface (surface, target, error);
  cairo_surface_destroy (surface);

  if (!ok)
    {
      g_unlink (tmp);
      return FALSE;
    }
  return commit_temp (tmp, target, error);
}

/* Writes an RGB24 surface as PNG through gdk-pixbuf, which unlike
 * cairo_surface_write_to_png() lets us choose a fast compression level
 * (the files are a few per cent larger, the write three times faster) and
 * records the resolution, so the page prints at its size. */
static gboolean
save_png (cairo_surface_t  *surface,
          double            dpi,
          const char       *path,
          const char       *target,
          GError          **error)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int src_stride = cairo_image_surface_get_stride (surface);
  const guchar *src;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dpi_text = g_strdup_printf ("%d", (int) round (dpi));
  guchar *dst;
  int dst_stride;

  cairo_surface_flush (surface);
  src = cairo_image_surface_get_data (surface);
  pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  if (pixbuf == NULL || src == NULL)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE,
                   "not enough memory for a %d × %d image", width, height);
      return FALSE;
    }
  dst = gdk_pixbuf_get_pixels (pixbuf);
  dst_stride = gdk_pixbuf_get_rowstride (pixbuf);
  for (int y = 0; y < height; y++)
    {
      const guint32 *s = (const guint32 *) (src + (gsize) y * src_stride);
      guchar *d = dst + (gsize) y * dst_stride;

      for (int x = 0; x < width; x++)
        {
          d[3 * x] = (s[x] >> 16) & 0xff;
          d[3 * x + 1] = (s[x] >> 8) & 0xff;
          d[3 * x + 2] = s[x] & 0xff;
        }
    }
  if (!gdk_pixbuf_save (pixbuf, path, "png", &local_error,
                        "compression", "3",
                        "x-dpi", dpi_text, "y-dpi", dpi_text,
                        "tEXt::Software", "Impact Sheet " PACKAGE_VERSION,
                        NULL))
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                   "cannot write “%s”: %s", target, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_png (ImpactSheetLayout  *layout,
           guint               page,
           double              dpi,
           const char         *target,
           GError            **error)
{
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  int pw, ph;
  gboolean ok;

  impact_sheet_layout_get_page_extent (layout, &width, &height);
  /* round, as print software does: A4 at 150 dpi is 1240 × 1754 */
  pw = MAX (1, (int) round (width * dpi / 72.0));
  ph = MAX (1, (int) round (height * dpi / 72.0));
  if ((gint64) pw * ph > MAX_PNG_PIXELS)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE,
                   "a page at %.0f dpi would be %d × %d pixels; choose a lower resolution",
                   dpi, pw, ph);
      return FALSE;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pw, ph);
  if (!check_surface (surface, target, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cr = cairo_create (surface);
  cairo_scale (cr, pw / width, ph / height);
  ok = impact_render_page (cr, layout, page, error);
  cairo_destroy (cr);

  if (ok && (tmp = make_temp_path (target, error)) == NULL)
    ok = FALSE;
  if (ok && !save_png (surface, dpi, tmp, target, error))
    {
      g_unlink (tmp);
      ok = FALSE;
    }
  cairo_surface_destroy (surface);
  return ok && commit_temp (tmp, target, error);
}

static gboolean
write_svg (ImpactSheetLayout  *layout,
           guint               page,
           const char         *target,
           GError            **error)
{
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  gboolean ok;

  if ((tmp = make_temp_path (target, error)) == NULL)
    return FALSE;
  impact_sheet_layout_get_page_extent (layout, &width, &height);
  surface = cairo_svg_surface_create (tmp, width, height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
  cr = cairo_create (surface);
  ok = impact_render_page (cr, layout, page, error);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (ok)
    ok = check_surface (surface, target, error);
  cairo_surface_destroy (surface);
  if (!ok)
    {
      g_unlink (tmp);
      return FALSE;
    }
  return commit_temp (tmp, target, error);
}

/* "out.png" + 2 → "out-2.png" */
static char *
numbered_path (const char *path,
               guint       number)
{
  const char *dot = strrchr (path, '.');
  const char *slash = strrchr (path, '/');

  if (dot == NULL || (slash && dot < slash))
    return g_strdup_printf ("%s-%u", path, number);
  return g_strdup_printf ("%.*s-%u%s", (int) (dot - path), path, number, dot);
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
  g_autoptr(ImpactTheme) theme = NULL;
  g_autoptr(ImpactSheetLayout) layout = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *target = NULL;
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

  theme = impact_theme_new (impact_document_get_theme_spec (document),
                            options->template_name, diagnostics);
  layout = impact_sheet_layout_new (document, theme, options->page_size, diagnostics);
  n_pages = impact_sheet_layout_get_n_pages (layout);

  if (options->page > n_pages)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_USAGE,
                   "there is no page %u: the sheet has %u pages", options->page, n_pages);
      return FALSE;
    }
  first = options->page ? options->page - 1 : 0;
  last = options->page ? options->page - 1 : n_pages - 1;

  if (options->format == IMPACT_EXPORT_FORMAT_PDF)
    {
      if (!write_pdf (layout, first, last, target, cancellable, error))
        return FALSE;
      g_ptr_array_add (files, g_file_new_for_path (target));
    }
  else
    {
      for (guint p = first; p <= last; p++)
        {
          g_autofree char *path = (first == last) ? g_strdup (target) : numbered_path (target, p + 1);
          gboolean ok;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (options->format == IMPACT_EXPORT_FORMAT_PNG)
            ok = write_png (layout, p, dpi, path, error);
          else
            ok = write_svg (layout, p, path, error);
          if (!ok)
            return FALSE;
          g_ptr_array_add (files, g_file_new_for_path (path));
        }
    }

  if (written)
    *written = g_steal_pointer (&files);
  return TRUE;
}
