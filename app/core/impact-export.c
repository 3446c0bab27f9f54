/* impact-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-export"

#include "config.h"

#include <glib/gi18n-lib.h>

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
#include "impact-output.h"
#include "impact-pdf-finish.h"
#include "impact-render.h"
#include "impact-sheet-layout.h"
#include "impact-sheet-layout-private.h"
#include "impact-theme.h"
#include "impact-fonts.h"
#include "impact-source-map.h"

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

/* The title a reader shows for the file (DisplayDocTitle): the sheet's
 * title; a card is titled by what it shows, its statistics' heading */
static char *
pdf_title (ImpactDocument   *doc,
           ImpactExportPart  part)
{
  const char *title = impact_document_get_title (doc);

  if (title == NULL || *title == '\0')
    title = impact_document_get_office (doc);
  if (title == NULL || *title == '\0')
    title = impact_document_get_organisation (doc)->name;
  if (part == IMPACT_EXPORT_PART_STATS)
    {
      const char *heading = impact_document_get_statistics_heading (doc);

      if (heading == NULL || *heading == '\0')
        heading = _("Statistics");
      return title && *title ? g_strdup_printf ("%s — %s", title, heading) : g_strdup (heading);
    }
  /* Translators: the PDF's title: the sheet's title, then this */
  return g_strdup_printf ("%s — %s", title ? title : "", _("fact sheet"));
}

static void
set_pdf_metadata (cairo_surface_t  *surface,
                  ImpactDocument   *doc,
                  ImpactExportPart  part)
{
  ImpactOrganisation *org = impact_document_get_organisation (doc);
  ImpactProblem *problem = impact_document_get_problem (doc);
  g_autofree char *full_title = pdf_title (doc, part);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, full_title);
  if (org->name)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, org->name);
  if (problem->heading)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, problem->heading);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Impact Sheet " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, "fact sheet, impact report");
}

/* The size of the sheet a page is printed on: the trimmed page, plus
 * bleed and crop marks when asked for. */
static void
sheet_extent (ImpactSheetLayout         *layout,
              const ImpactExportOptions *options,
              double                    *width,
              double                    *height,
              double                    *margin)
{
  double m = impact_render_get_print_margin (options->bleed, options->crop_marks);

  impact_sheet_layout_get_page_extent (layout, width, height);
  *width += 2 * m;
  *height += 2 * m;
  if (margin)
    *margin = m;
}

static gboolean
draw_page (cairo_t                   *cr,
           ImpactSheetLayout         *layout,
           const ImpactExportOptions *options,
           guint                      page,
           GError                   **error)
{
  if (options->bleed > 0 || options->crop_marks)
    return impact_render_page_for_print (cr, layout, page, options->bleed, options->crop_marks, error);
  return impact_render_page (cr, layout, page, error);
}

static const char *
nonempty (const char *text,
          const char *fallback)
{
  return text && *text ? text : fallback;
}

/* What a reader sees in the PDF's bookmarks for a section: its heading on
 * the page where there is one. */
static char *
outline_title (ImpactDocument *doc,
               ImpactSection   section)
{
  ImpactProblem *problem = impact_document_get_problem (doc);
  ImpactProfile *profile = impact_document_get_profile (doc);

  switch (section)
    {
    case IMPACT_SECTION_HEADER:
      return g_strdup (nonempty (impact_document_get_title (doc), impact_document_get_office (doc)));
    case IMPACT_SECTION_PROBLEM:
      return g_strdup (nonempty (problem->heading, nonempty (problem->kicker, "The problem")));
    case IMPACT_SECTION_STATISTICS:
      return g_strdup (nonempty (impact_document_get_statistics_heading (doc), "Statistics"));
    case IMPACT_SECTION_FACTS:
      return g_strdup (nonempty (impact_document_get_facts_heading (doc), "Facts"));
    case IMPACT_SECTION_QUOTE:
      return g_strdup ("Quote");
    case IMPACT_SECTION_SOURCES:
      return g_strdup ("Sources");
    case IMPACT_SECTION_APPROACH:
      return g_strdup (nonempty (impact_document_get_approach_heading (doc), "Our approach"));
    case IMPACT_SECTION_MILESTONES:
      return g_strdup (nonempty (impact_document_get_milestones_heading (doc), "Milestones"));
    case IMPACT_SECTION_PROFILE:
      return g_strdup (profile && profile->name ? profile->name : "Profile");
    case IMPACT_SECTION_CONTACT:
      return g_strdup ("Contact");
    case IMPACT_SECTION_FOOTER:
    case IMPACT_N_SECTIONS:
    default:
      return NULL;
    }
}

/* One bookmark per page, with one child per section on it, in reading order */
static void
add_outline (cairo_surface_t           *surface,
             ImpactSheetLayout         *layout,
             const ImpactExportOptions *options,
             guint                      page,
             guint                      number)
{
  ImpactDocument *doc = impact_sheet_layout_get_document (layout);
  double margin = impact_render_get_print_margin (options->bleed, options->crop_marks);
  g_autofree char *page_link = g_strdup_printf ("page=%u", number);
  const char *page_title = page == 0 ? "Front page" : page == 1 ? "Back page" : NULL;
  g_autofree char *page_title_owned = page_title ? NULL : g_strdup_printf ("Page %u", page + 1);
  int parent;

  parent = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                          page_title ? page_title : page_title_owned,
                                          page_link, CAIRO_PDF_OUTLINE_FLAG_OPEN);
  for (guint i = 0; i < impact_sheet_layout_get_n_boxes (layout, page); i++)
    {
      const ImpactBox *box = impact_sheet_layout_get_box (layout, page, i);
      g_autofree char *title = NULL;
      g_autofree char *link = NULL;
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

      if (box->item >= 0 || (title = outline_title (doc, box->section)) == NULL)
        continue;
      g_ascii_formatd (x, sizeof x, "%.1f", box->x + margin);
      g_ascii_formatd (y, sizeof y, "%.1f", box->y + margin);
      link = g_strdup_printf ("page=%u pos=[%s %s]", number, x, y);
      cairo_pdf_surface_add_outline (surface, parent, title, link, 0);
    }
}

/* The alternative text of every image, in the order the pages drew them */
static GPtrArray *
figure_alts (ImpactSheetLayout *layout,
             guint              first,
             guint              last)
{
  GPtrArray *alts = g_ptr_array_new ();

  for (guint p = first; p <= last; p++)
    for (guint i = 0; i < impact_sheet_layout_get_n_ops (layout, p); i++)
      {
        const ImpactOp *op = impact_sheet_layout_get_op (layout, p, i);

        if (op->kind == IMPACT_OP_IMAGE)
          g_ptr_array_add (alts, op->name ? op->name : "");
      }
  return alts;
}

static cairo_status_t
append_to_string_cb (void                *closure,
                     const unsigned char *data,
                     unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The PDF is made in memory (a sheet is a few pages), finished there with
 * what cairo cannot write, then written to disk in one checked write. */
static gboolean
write_pdf (ImpactSheetLayout         *layout,
           const ImpactExportOptions *options,
           guint                      first,
           guint                      last,
           const char                *target,
           GCancellable              *cancellable,
           GError                   **error)
{
  g_autoptr(GString) pdf = g_string_new (NULL);
  g_autoptr(GBytes) finished = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  gboolean ok = TRUE;

  sheet_extent (layout, options, &width, &height, NULL);
  surface = cairo_pdf_surface_create_for_stream (append_to_string_cb, pdf, width, height);
  set_pdf_metadata (surface, impact_sheet_layout_get_document (layout), options->part);
  cr = cairo_create (surface);

  for (guint p = first; ok && p <= last; p++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else if (!draw_page (cr, layout, options, p, error))
        ok = FALSE;
      else
        {
          if (options->part == IMPACT_EXPORT_PART_SHEET)
            add_outline (surface, layout, options, p, p - first + 1);
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

  {
    g_autoptr(GPtrArray) alts = figure_alts (layout, first, last);
    g_autofree char *title = pdf_title (impact_sheet_layout_get_document (layout), options->part);
    ImpactDocument *doc = impact_sheet_layout_get_document (layout);
    ImpactPdfFinishOptions finish;

    impact_pdf_finish_options_init (&finish);
    finish.title = title;
    finish.language = impact_document_get_language (doc);
    finish.author = impact_document_get_organisation (doc)->name;
    finish.subject = impact_document_get_problem (doc)->heading;
    finish.figure_alts = alts;
    finish.boxes = options->bleed > 0 || options->crop_marks;
    finish.trim_margin = impact_render_get_print_margin (options->bleed, options->crop_marks);
    finish.bleed = options->bleed;
    finish.pdfx = options->pdfx;
    finished = impact_pdf_finish ((const guint8 *) pdf->str, pdf->len, &finish, error);
    if (finished == NULL)
      return FALSE;
  }
  return impact_output_write_bytes_atomic (target, g_bytes_get_data (finished, NULL),
                                           g_bytes_get_size (finished), FALSE, error);
}

/* Writes the page to a temporary file next to @target, complete and
 * synced, and returns it in @out_file: the caller renames it (see
 * commit_set()). */
static gboolean
write_png (ImpactSheetLayout         *layout,
           const ImpactExportOptions *options,
           guint                      page,
           double                     dpi,
           const char                *target,
           ImpactOutputFile         **out_file,
           GError                   **error)
{
  g_autoptr(ImpactOutputFile) file = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  int pw, ph;
  gboolean ok;

  sheet_extent (layout, options, &width, &height, NULL);
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
  ok = draw_page (cr, layout, options, page, error);
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

static gboolean
write_svg (ImpactSheetLayout         *layout,
           const ImpactExportOptions *options,
           guint                      page,
           const char                *target,
           ImpactOutputFile         **out_file,
           GError                   **error)
{
  g_autoptr(ImpactOutputFile) file = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  gboolean ok;

  if ((file = impact_output_file_open (target, error)) == NULL)
    return FALSE;
  sheet_extent (layout, options, &width, &height, NULL);
  surface = cairo_svg_surface_create_for_stream (impact_output_file_cairo_write, file, width, height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
  cr = cairo_create (surface);
  ok = draw_page (cr, layout, options, page, error);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  /* a failed write is reported with its cause by finish() */
  if (ok && cairo_surface_status (surface) != CAIRO_STATUS_WRITE_ERROR)
    ok = check_surface (surface, target, error);
  cairo_surface_destroy (surface);
  if (ok)
    ok = impact_output_file_finish (file, error);
  if (ok)
    *out_file = g_steal_pointer (&file);
  return ok;
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
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
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
  if (options->private_fonts && !impact_fonts_is_restricted ())
    {
      ImpactSourceMap *map = impact_document_get_source_map (document);
      GBytes *text = map != NULL ? impact_source_map_get_text (map) : NULL;
      const char *families[] = { impact_theme_get_heading_font (theme),
                                 impact_theme_get_body_font (theme), NULL };

      if (text != NULL)
        {
          g_autofree char *chars = g_utf8_make_valid (g_bytes_get_data (text, NULL),
                                                      g_bytes_get_size (text));

          impact_fonts_restrict (families, chars);
        }
    }
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
      dpi = 144.0;
      card = *options;
      card.bleed = 0;
      card.crop_marks = FALSE;
      options = &card;
    }
  else
    /* the front alone needs no back page laid out */
    layout = impact_sheet_layout_new_front_only (document, theme, options->page_size,
                                                 options->page == 1, diagnostics);
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
      if (!write_pdf (layout, options, first, last, target, cancellable, error))
        return FALSE;
      g_ptr_array_add (files, g_file_new_for_path (target));
    }
  else
    {
      g_autoptr(GPtrArray) temps = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_output_file_free);
      g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_free);
      gboolean ok = TRUE;

      /* every page to a temporary file first; then all renamed as a set,
       * so a failure never leaves a mix of new and old pages */
      for (guint p = first; ok && p <= last; p++)
        {
          char *path = (first == last) ? g_strdup (target) : numbered_path (target, p + 1);
          ImpactOutputFile *tmp = NULL;

          g_ptr_array_add (targets, path);
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            ok = FALSE;
          else if (options->format == IMPACT_EXPORT_FORMAT_PNG)
            ok = write_png (layout, options, p, dpi, path, &tmp, error);
          else
            ok = write_svg (layout, options, p, path, &tmp, error);
          if (ok)
            g_ptr_array_add (temps, tmp);
        }
      /* on failure the temporary files go with @temps */
      if (!ok)
        return FALSE;
      if (!commit_set (temps, targets, error))
        return FALSE;
      for (guint i = 0; i < targets->len; i++)
        g_ptr_array_add (files, g_file_new_for_path (g_ptr_array_index (targets, i)));
    }

  if (written)
    *written = g_steal_pointer (&files);
  return TRUE;
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
