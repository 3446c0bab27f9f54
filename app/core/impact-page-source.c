/* impact-page-source.c: the page-source interface and the export pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "impact-error.h"
#include "impact-output.h"
#include "impact-page-source.h"
#include "impact-pdf-finish.h"

/* A page image larger than this is refused rather than allocated */
#define MAX_PNG_PIXELS (120 * 1000 * 1000)

G_DEFINE_INTERFACE (ImpactPageSource, impact_page_source, G_TYPE_OBJECT)

static void
impact_page_source_default_init (ImpactPageSourceInterface *iface)
{
}

guint
impact_page_source_get_n_pages (ImpactPageSource *self)
{
  g_return_val_if_fail (IMPACT_IS_PAGE_SOURCE (self), 0);
  return IMPACT_PAGE_SOURCE_GET_IFACE (self)->get_n_pages (self);
}

void
impact_page_source_get_page_size (ImpactPageSource *self,
                                  guint             page,
                                  double           *width,
                                  double           *height)
{
  g_return_if_fail (IMPACT_IS_PAGE_SOURCE (self));
  IMPACT_PAGE_SOURCE_GET_IFACE (self)->get_page_size (self, page, width, height);
}

gboolean
impact_page_source_draw_page (ImpactPageSource  *self,
                              guint              page,
                              cairo_t           *cr,
                              GError           **error)
{
  g_return_val_if_fail (IMPACT_IS_PAGE_SOURCE (self), FALSE);
  g_return_val_if_fail (page < impact_page_source_get_n_pages (self), FALSE);
  return IMPACT_PAGE_SOURCE_GET_IFACE (self)->draw_page (self, page, cr, error);
}

char *
impact_page_source_get_title (ImpactPageSource *self)
{
  g_return_val_if_fail (IMPACT_IS_PAGE_SOURCE (self), NULL);
  return IMPACT_PAGE_SOURCE_GET_IFACE (self)->get_title (self);
}

const char *
impact_page_source_get_language (ImpactPageSource *self)
{
  const char *language;

  g_return_val_if_fail (IMPACT_IS_PAGE_SOURCE (self), NULL);
  language = IMPACT_PAGE_SOURCE_GET_IFACE (self)->get_language (self);
  /* data without a language is set with the English words of the sheet
   * (impact-sheet-words.h); a PDF/UA file must say its language */
  return language && *language ? language : "en";
}

static const char *
get_author (ImpactPageSource *self)
{
  ImpactPageSourceInterface *iface = IMPACT_PAGE_SOURCE_GET_IFACE (self);

  return iface->get_author ? iface->get_author (self) : NULL;
}

static const char *
get_subject (ImpactPageSource *self)
{
  ImpactPageSourceInterface *iface = IMPACT_PAGE_SOURCE_GET_IFACE (self);

  return iface->get_subject ? iface->get_subject (self) : NULL;
}

ImpactOutlineEntry *
impact_outline_entry_new (const char *title,
                          guint       level,
                          double      x,
                          double      y)
{
  ImpactOutlineEntry *entry = g_new0 (ImpactOutlineEntry, 1);

  entry->title = g_strdup (title);
  entry->level = level;
  entry->x = x;
  entry->y = y;
  return entry;
}

void
impact_outline_entry_free (ImpactOutlineEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->title);
  g_free (entry);
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

static cairo_status_t
append_to_string_cb (void                *closure,
                     const unsigned char *data,
                     unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* PDF */

static void
add_outline (cairo_surface_t  *surface,
             ImpactPageSource *source,
             guint             page,
             guint             number,
             double            margin)
{
  ImpactPageSourceInterface *iface = IMPACT_PAGE_SOURCE_GET_IFACE (source);
  g_autoptr(GPtrArray) entries = iface->get_outline ? iface->get_outline (source, page) : NULL;
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const ImpactOutlineEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *link = NULL;
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (x, sizeof x, "%.1f", e->x + margin);
      g_ascii_formatd (y, sizeof y, "%.1f", e->y + margin);
      if (e->level == 0)
        link = g_strdup_printf ("page=%u", number);
      else
        link = g_strdup_printf ("page=%u pos=[%s %s]", number, x, y);
      if (e->level == 0)
        parent = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, e->title, link,
                                                CAIRO_PDF_OUTLINE_FLAG_OPEN);
      else
        cairo_pdf_surface_add_outline (surface, parent, e->title, link, 0);
    }
}

/* a page's entry is NULL when the source has nothing to say */
static void
unref_array (gpointer array)
{
  if (array != NULL)
    g_array_unref (array);
}

static void
unref_ptr_array (gpointer array)
{
  if (array != NULL)
    g_ptr_array_unref (array);
}

/* The PDF is made in memory (a few pages), finished there with what
 * cairo cannot write, then written to disk in one checked write. */
static gboolean
write_pdf (ImpactPageSource              *source,
           const ImpactPageExportOptions *options,
           const char                    *target,
           GCancellable                  *cancellable,
           GError                       **error)
{
  ImpactPageSourceInterface *iface = IMPACT_PAGE_SOURCE_GET_IFACE (source);
  g_autoptr(GString) pdf = g_string_new (NULL);
  g_autoptr(GBytes) finished = NULL;
  g_autoptr(GPtrArray) alts = g_ptr_array_new ();
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (unref_array);
  g_autoptr(GPtrArray) actual = g_ptr_array_new_with_free_func (unref_ptr_array);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (unref_ptr_array);
  g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (unref_array);
  g_autofree char *title = impact_page_source_get_title (source);
  ImpactPdfFinishOptions finish;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, margin = 0, bleed = 0;
  gboolean boxes = FALSE, ok = TRUE;

  if (iface->get_print_boxes)
    boxes = iface->get_print_boxes (source, &margin, &bleed);
  impact_page_source_get_page_size (source, options->first, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (append_to_string_cb, pdf, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (get_author (source))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, get_author (source));
  if (get_subject (source))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, get_subject (source));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Impact Sheet " PACKAGE_VERSION);
  cr = cairo_create (surface);

  for (guint p = options->first; ok && p <= options->last; p++)
    {
      impact_page_source_get_page_size (source, p, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else if (!impact_page_source_draw_page (source, p, cr, error))
        ok = FALSE;
      else
        {
          add_outline (surface, source, p, p - options->first + 1, margin);
          if (iface->get_figures)
            iface->get_figures (source, p, alts);
          if (iface->get_figure_tables)
            iface->get_figure_tables (source, p, tables);
          /* a figure of a source that gives no table has none */
          while (tables->len < alts->len)
            g_ptr_array_add (tables, NULL);
          g_ptr_array_add (order, iface->get_reading_order ? iface->get_reading_order (source, p) : NULL);
          g_ptr_array_add (actual, iface->get_actual_texts ? iface->get_actual_texts (source, p) : NULL);
          g_ptr_array_add (roles, iface->get_list_roles ? iface->get_list_roles (source, p) : NULL);
          cairo_show_page (cr);
        }
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (ok)
    ok = check_surface (surface, target, error);
  cairo_surface_destroy (surface);
  if (!ok)
    return FALSE;

  impact_pdf_finish_options_init (&finish);
  finish.title = title;
  finish.language = impact_page_source_get_language (source);
  finish.author = get_author (source);
  finish.subject = get_subject (source);
  finish.figure_alts = alts;
  finish.reading_order = order;
  finish.actual_texts = actual;
  finish.figure_tables = tables;
  finish.list_roles = roles;
  finish.boxes = boxes;
  finish.trim_margin = margin;
  finish.bleed = bleed;
  finish.pdfx = options->pdfx;
  finished = impact_pdf_finish ((const guint8 *) pdf->str, pdf->len, &finish, error);
  if (finished == NULL)
    return FALSE;
  return impact_output_write_bytes_atomic (target, g_bytes_get_data (finished, NULL),
                                           g_bytes_get_size (finished), FALSE, error);
}

/* The pixels PNG pages are drawn into: one buffer for every page of an
 * export, cleared between pages, so that its memory is faulted in once
 * (on this kind of machine a first touch of memory costs more than drawing
 * into it: the second page's surface was a sixth of a two-page PNG export's
 * CPU). The kernel's huge pages were tried and cost more than they saved.
 * Mapped, so a fresh buffer is known to be zero. */
typedef struct
{
  guchar   *data;
  gsize     size;
  gboolean  used;    /* drawn into since it was mapped */
} PageBuffer;

static void
page_buffer_release (PageBuffer *buffer)
{
  if (buffer->data != NULL)
    munmap (buffer->data, buffer->size);
  memset (buffer, 0, sizeof *buffer);
}

/* A surface on @buffer's pixels, all zero, as a new image surface's are;
 * an error surface when memory cannot be had */
static cairo_surface_t *
page_buffer_surface (PageBuffer *buffer,
                     int         width,
                     int         height)
{
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_RGB24, width);
  gsize size;

  if (stride <= 0 || height <= 0)
    return cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  size = (gsize) stride * height;
  if (buffer->size < size)
    {
      void *map;

      page_buffer_release (buffer);
      map = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (map == MAP_FAILED)
        return cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
      buffer->data = map;
      buffer->size = size;
    }
  else if (buffer->used)
    memset (buffer->data, 0, size);
  buffer->used = TRUE;
  return cairo_image_surface_create_for_data (buffer->data, CAIRO_FORMAT_RGB24, width, height, stride);
}

/* PNG: the page into a temporary file next to @target, complete and
 * synced, returned in @out_file for commit_set() to rename */
static gboolean
write_png (ImpactPageSource              *source,
           const ImpactPageExportOptions *options,
           guint                          page,
           const char                    *target,
           PageBuffer                    *pixels,
           ImpactOutputFile             **out_file,
           GError                       **error)
{
  ImpactPageSourceInterface *iface = IMPACT_PAGE_SOURCE_GET_IFACE (source);
  g_autoptr(ImpactOutputFile) file = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, scale, dpi;
  int pw, ph;
  gboolean ok;

  scale = iface->get_pixel_scale ? iface->get_pixel_scale (source) : 0;
  dpi = scale > 0 ? scale * 72.0 : options->dpi > 0 ? options->dpi : 150.0;
  impact_page_source_get_page_size (source, page, &width, &height);
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

  surface = page_buffer_surface (pixels, pw, ph);
  if (!check_surface (surface, target, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cr = cairo_create (surface);
  cairo_scale (cr, pw / width, ph / height);
  ok = impact_page_source_draw_page (source, page, cr, error);
  cairo_destroy (cr);

  if (ok && (file = impact_output_file_open (target, error)) == NULL)
    ok = FALSE;
  if (ok)
    ok = impact_output_write_png (surface, dpi, file, error);
  cairo_surface_destroy (surface);
  if (ok)
    *out_file = g_steal_pointer (&file);
  return ok;
}

/* SVG: cairo 1.16 writes no <title> or <desc>; they go right after the
 * opening <svg …> element, where SVG readers and screen readers look */
static gboolean
add_svg_title (GString     *svg,
               const char  *title,
               const char  *desc,
               const char  *target,
               GError     **error)
{
  const char *open = strstr (svg->str, "<svg");
  const char *end = open ? strchr (open, '>') : NULL;
  g_autofree char *t = g_markup_escape_text (title ? title : "", -1);
  g_autofree char *d = g_markup_escape_text (desc ? desc : "", -1);
  g_autofree char *insert = NULL;

  if (end == NULL)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                   "cannot write “%s”: cairo wrote no <svg> element", target);
      return FALSE;
    }
  insert = g_strdup_printf ("\n<title>%s</title>\n<desc>%s</desc>", t, d);
  g_string_insert (svg, end + 1 - svg->str, insert);
  return TRUE;
}

static gboolean
write_svg (ImpactPageSource  *source,
           guint              page,
           const char        *target,
           ImpactOutputFile **out_file,
           GError           **error)
{
  g_autoptr(ImpactOutputFile) file = NULL;
  g_autoptr(GString) svg = g_string_new (NULL);
  g_autofree char *title = impact_page_source_get_title (source);
  g_autofree char *desc = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  gboolean ok;

  impact_page_source_get_page_size (source, page, &width, &height);
  surface = cairo_svg_surface_create_for_stream (append_to_string_cb, svg, width, height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
  cr = cairo_create (surface);
  ok = impact_page_source_draw_page (source, page, cr, error);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (ok)
    ok = check_surface (surface, target, error);
  cairo_surface_destroy (surface);
  if (!ok)
    return FALSE;

  if (get_subject (source) && *get_subject (source))
    desc = g_strdup_printf ("%s (%u/%u)", get_subject (source), page + 1,
                            impact_page_source_get_n_pages (source));
  else
    desc = g_strdup_printf ("%s (%u/%u)", title, page + 1, impact_page_source_get_n_pages (source));
  if (!add_svg_title (svg, title, desc, target, error))
    return FALSE;
  if ((file = impact_output_file_open (target, error)) == NULL)
    return FALSE;
  impact_output_file_write (file, svg->str, svg->len);
  if (!impact_output_file_finish (file, error))
    return FALSE;
  *out_file = g_steal_pointer (&file);
  return TRUE;
}

/* Renames every temporary file over its target, as one set: an existing
 * target is first kept under a hard link, so that when a later rename
 * fails the earlier ones are undone and the old files come back. On
 * failure no temporary file is left and every old file is as it was. */
static gboolean
commit_set (GPtrArray  *temps,
            GPtrArray  *targets,
            GError    **error)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func (g_free);
  guint done = 0;
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < targets->len; i++)
    {
      const char *target = g_ptr_array_index (targets, i);
      char *backup = NULL;

      if (g_file_test (target, G_FILE_TEST_EXISTS) || g_file_test (target, G_FILE_TEST_IS_SYMLINK))
        {
          g_autofree char *dir = g_path_get_dirname (target);
          g_autofree char *base = g_path_get_basename (target);

          backup = g_strdup_printf ("%s/.%s.old-%08x", dir, base, g_random_int ());
          if (link (target, backup) != 0)
            {
              int saved = errno;

              g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                           "cannot replace “%s”: %s", target, g_strerror (saved));
              g_clear_pointer (&backup, g_free);
              ok = FALSE;
            }
        }
      g_ptr_array_add (backups, backup);
    }

  for (; ok && done < targets->len; done++)
    {
      if (!impact_output_file_commit (g_ptr_array_index (temps, done), error))
        {
          ok = FALSE;
          break;
        }
    }

  if (!ok)
    {
      /* undo the renames that happened, drop the temporary files left */
      for (guint i = 0; i < done; i++)
        {
          const char *backup = g_ptr_array_index (backups, i);

          if (backup != NULL)
            g_rename (backup, g_ptr_array_index (targets, i));
          else
            g_unlink (g_ptr_array_index (targets, i));
        }
      /* the temporary files not renamed go with @temps */
    }
  for (guint i = 0; i < backups->len; i++)
    if (g_ptr_array_index (backups, i) != NULL)
      g_unlink (g_ptr_array_index (backups, i));
  return ok;
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
impact_page_source_export (ImpactPageSource              *source,
                           const ImpactPageExportOptions *options,
                           const char                    *target,
                           GPtrArray                    **written,
                           GCancellable                  *cancellable,
                           GError                       **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) temps = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  guint n_pages;
  gboolean ok = TRUE;
  PageBuffer pixels;

  g_return_val_if_fail (IMPACT_IS_PAGE_SOURCE (source), FALSE);
  g_return_val_if_fail (options != NULL && target != NULL, FALSE);

  n_pages = impact_page_source_get_n_pages (source);
  if (n_pages == 0 || options->first > options->last || options->last >= n_pages)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_USAGE,
                   "there is no page %u: there are %u pages", options->last + 1, n_pages);
      return FALSE;
    }
  if (options->pdfx && options->format != IMPACT_EXPORT_FORMAT_PDF)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_USAGE,
                   "PDF/X is a kind of PDF: export to a .pdf file");
      return FALSE;
    }

  if (options->format == IMPACT_EXPORT_FORMAT_PDF)
    {
      if (!write_pdf (source, options, target, cancellable, error))
        return FALSE;
      g_ptr_array_add (files, g_file_new_for_path (target));
      if (written)
        *written = g_steal_pointer (&files);
      return TRUE;
    }

  /* every page to a temporary file first; then all renamed as a set, so
   * a failure never leaves a mix of new and old pages */
  memset (&pixels, 0, sizeof pixels);
  temps = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_output_file_free);
  targets = g_ptr_array_new_with_free_func (g_free);
  for (guint p = options->first; ok && p <= options->last; p++)
    {
      char *path = options->first == options->last ? g_strdup (target) : numbered_path (target, p + 1);
      ImpactOutputFile *tmp = NULL;

      g_ptr_array_add (targets, path);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else if (options->format == IMPACT_EXPORT_FORMAT_PNG)
        ok = write_png (source, options, p, path, &pixels, &tmp, error);
      else
        ok = write_svg (source, p, path, &tmp, error);
      if (ok)
        g_ptr_array_add (temps, tmp);
    }
  page_buffer_release (&pixels);
  /* on failure the temporary files go with @temps */
  if (!ok || !commit_set (temps, targets, error))
    return FALSE;
  for (guint i = 0; i < targets->len; i++)
    g_ptr_array_add (files, g_file_new_for_path (g_ptr_array_index (targets, i)));
  if (written)
    *written = g_steal_pointer (&files);
  return TRUE;
}
