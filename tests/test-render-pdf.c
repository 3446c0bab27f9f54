/* test-render-pdf.c: the PDF read back with poppler and qpdf
 *
 * pdfinfo (pages, size, metadata, tagged), pdffonts (every font embedded
 * and subset), pdftotext (the figures, titles and literal markup are text),
 * qpdf --check (well-formed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <stdio.h>
#include <string.h>

#include "impact-export.h"
#include "impact-render.h"
#include "impact-json-loader.h"
#include "impact-test-utils.h"

static char *
export_pdf_with (const char     *json_path,
                 ImpactPageSize  size,
                 double          bleed,
                 gboolean        crop_marks)
{
  g_autoptr(GFile) file = g_file_new_for_path (json_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, NULL, NULL, &error);
  g_autofree char *dir = impact_test_make_tmpdir ();
  char *path = g_build_filename (dir, "sheet.pdf", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  ImpactExportOptions options;

  g_assert_no_error (error);
  impact_export_options_init (&options);
  options.page_size = size;
  options.bleed = bleed;
  options.crop_marks = crop_marks;
  if (!impact_export_document (doc, &options, out, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  return path;
}

static char *
export_pdf (const char     *json_path,
            ImpactPageSize  size)
{
  return export_pdf_with (json_path, size, 0, FALSE);
}

static char *
run_tool (const char *tool,
          const char *arg1,
          const char *arg2,
          const char *arg3)
{
  const char *argv[] = { tool, arg1, arg2, arg3, NULL };
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  if (!impact_test_have_program (tool))
    {
      if (g_getenv ("CI"))
        g_error ("%s is missing: the set-up command installs poppler-utils and qpdf", tool);
      return NULL;
    }
  status = impact_test_run (argv, &out, &err);
  if (status != 0)
    g_error ("%s failed (%d): %s", tool, status, err);
  return out;
}

static char *
example_path (void)
{
  return impact_test_example_path ("kolkata.json");
}

static void
test_pdfinfo (gconstpointer data)
{
  ImpactPageSize size = GPOINTER_TO_INT (data);
  g_autofree char *json = example_path ();
  g_autofree char *pdf = export_pdf (json, size);
  g_autofree char *info = run_tool ("pdfinfo", pdf, NULL, NULL);

  if (info == NULL)
    {
      g_test_skip ("pdfinfo not installed");
      return;
    }
  g_assert_nonnull (strstr (info, "Pages:           2\n"));
  if (size == IMPACT_PAGE_SIZE_LETTER)
    g_assert_nonnull (strstr (info, "Page size:       612 x 792 pts (letter)"));
  else
    g_assert_nonnull (strstr (info, "Page size:       595.276 x 841.89 pts (A4)"));
  g_assert_nonnull (strstr (info, "Title:           Kolkata, India — fact sheet\n"));
  g_assert_nonnull (strstr (info, "Author:          International Justice Mission\n"));
  g_assert_nonnull (strstr (info, "Creator:         Impact Sheet"));
  g_assert_nonnull (strstr (info, "Subject:"));
  g_assert_nonnull (strstr (info, "Tagged:          yes\n"));
}

static void
test_pdffonts_embedded (void)
{
  g_autofree char *json = example_path ();
  g_autofree char *pdf = export_pdf (json, IMPACT_PAGE_SIZE_LETTER);
  g_autofree char *fonts = run_tool ("pdffonts", pdf, NULL, NULL);
  g_auto(GStrv) lines = NULL;
  guint n_fonts = 0;
  gboolean saw_inter = FALSE;

  if (fonts == NULL)
    {
      g_test_skip ("pdffonts not installed");
      return;
    }
  lines = g_strsplit (fonts, "\n", -1);
  /* two header lines, then one line a font: "NAME TYPE ENCODING emb sub uni ID" */
  for (guint i = 2; lines[i] && *lines[i]; i++)
    {
      g_auto(GStrv) cols = g_strsplit_set (lines[i], " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      for (guint j = 0; cols[j]; j++)
        if (*cols[j])
          g_ptr_array_add (words, cols[j]);
      g_assert_cmpuint (words->len, >=, 7);
      /* emb and sub are the 4th and 3rd columns from the end */
      if (g_strcmp0 (g_ptr_array_index (words, words->len - 5), "yes") != 0)
        g_error ("font not embedded: %s", lines[i]);
      if (g_strcmp0 (g_ptr_array_index (words, words->len - 4), "yes") != 0)
        g_error ("font not subset: %s", lines[i]);
      if (strstr (lines[i], "+Inter"))
        saw_inter = TRUE;
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >=, 3);
  g_assert_true (saw_inter);
}

static void
test_pdftotext_content (void)
{
  g_autofree char *json = example_path ();
  g_autofree char *pdf = export_pdf (json, IMPACT_PAGE_SIZE_A4);
  g_autofree char *text = run_tool ("pdftotext", "-layout", pdf, "-");
  g_autoptr(GFile) file = g_file_new_for_path (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, NULL, NULL, &error);
  static const char * const needles[] = {
    "KOLKATA, INDIA", "435", "330+", "5,470", "SINCE 2006", "ijm.org", "PO Box 58147",
    "SAJI PHILIP",
  };

  g_assert_no_error (error);
  if (text == NULL)
    {
      g_test_skip ("pdftotext not installed");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    if (strstr (text, needles[i]) == NULL)
      g_error ("“%s” is not in the PDF's text", needles[i]);

  /* the milestones shown are the seed's four highlighted ones; their titles
   * are set in capitals */
  {
    GPtrArray *milestones = impact_document_get_milestones (doc);
    guint shown = 0;

    for (guint i = 0; i < milestones->len; i++)
      {
        const ImpactMilestone *m = g_ptr_array_index (milestones, i);
        g_autofree char *upper = g_utf8_strup (m->title, -1);
        g_auto(GStrv) words = g_strsplit (upper, " ", -1);

        if (!m->highlight)
          continue;
        /* a title may wrap: look for its first word */
        if (strstr (text, words[0]) == NULL)
          g_error ("milestone “%s” is not in the PDF's text", m->title);
        shown++;
      }
    g_assert_cmpuint (shown, ==, 4);
  }
}

static void
test_markup_is_literal (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *json = g_build_filename (dir, "markup.json", NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (json,
    "{ \"format\": \"1\", \"office\": \"<i>Test</i> & Co\", \"organisation\": { \"name\": \"A & B\" },"
    "  \"problem\": { \"heading\": \"x\", \"body\": \"Tags <b>stay</b> &amp; text; **bold** stays; 5 \\\\* 3.\" } }",
    -1, &error);
  g_assert_no_error (error);
  pdf = export_pdf (json, IMPACT_PAGE_SIZE_LETTER);
  text = run_tool ("pdftotext", pdf, "-", NULL);
  if (text == NULL)
    {
      g_test_skip ("pdftotext not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "<I>TEST</I> & CO"));
  g_assert_nonnull (strstr (text, "Tags <b>stay</b> &amp; text; bold stays; 5 * 3."));
}

static void
test_qpdf_check (void)
{
  g_autofree char *json = example_path ();
  g_autofree char *pdf = export_pdf (json, IMPACT_PAGE_SIZE_LETTER);
  g_autofree char *out = run_tool ("qpdf", "--check", pdf, NULL);

  if (out == NULL)
    {
      g_test_skip ("qpdf not installed");
      return;
    }
  g_assert_nonnull (strstr (out, "No syntax or stream encoding errors found"));
}


/* Renders page 1 at 72 dpi (1 px = 1 pt) and returns it */
static GdkPixbuf *
rasterize (const char *pdf)
{
  g_autofree char *prefix = g_strconcat (pdf, "-r", NULL);
  g_autofree char *png = g_strconcat (prefix, "-1.png", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "pdftoppm", "-r", "72", "-f", "1", "-l", "1", "-png", pdf, prefix, NULL };
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;
  int status;

  status = impact_test_run (argv, &out, &err);
  if (status != 0)
    g_error ("pdftoppm failed: %s", err);
  pixbuf = gdk_pixbuf_new_from_file (png, &error);
  g_assert_no_error (error);
  return pixbuf;
}

static void
assert_pixel (GdkPixbuf  *pixbuf,
              int         x,
              int         y,
              const char *hex)
{
  const guchar *p = gdk_pixbuf_read_pixels (pixbuf) + y * gdk_pixbuf_get_rowstride (pixbuf) +
                    x * gdk_pixbuf_get_n_channels (pixbuf);
  unsigned int want[3];

  g_assert_cmpint (sscanf (hex, "#%02x%02x%02x", &want[0], &want[1], &want[2]), ==, 3);
  for (int c = 0; c < 3; c++)
    if (ABS ((int) p[c] - (int) want[c]) > 8)
      g_error ("pixel at %d,%d is #%02x%02x%02x, expected %s", x, y, p[0], p[1], p[2], hex);
}

static void
test_bleed (void)
{
  g_autofree char *json = example_path ();
  g_autofree char *pdf = export_pdf_with (json, IMPACT_PAGE_SIZE_LETTER, 3 * 72 / 25.4, FALSE);
  g_autofree char *info = run_tool ("pdfinfo", "-box", pdf, NULL);
  g_autofree char *check = NULL;
  g_autoptr(GdkPixbuf) page = NULL;

  if (info == NULL || !impact_test_have_program ("pdftoppm"))
    {
      g_test_skip ("poppler-utils not installed");
      return;
    }
  /* letter plus 3 mm on every side */
  g_assert_nonnull (strstr (info, "Page size:       629.008 x 809.008 pts"));
  g_assert_nonnull (strstr (info, "TrimBox:             8.50     8.50   620.50   800.50"));
  g_assert_nonnull (strstr (info, "BleedBox:            0.00     0.00   629.01   809.01"));

  /* the header band's colour runs to the very edge of the sheet, through
   * the bleed, at the top corners; the white page does not */
  page = rasterize (pdf);
  g_assert_cmpint (ABS (gdk_pixbuf_get_width (page) - 629), <=, 1);
  assert_pixel (page, 1, 1, "#1b365d");
  assert_pixel (page, gdk_pixbuf_get_width (page) - 2, 1, "#1b365d");
  assert_pixel (page, 1, 400, "#ffffff");

  if ((check = run_tool ("qpdf", "--check", pdf, NULL)) != NULL)
    g_assert_nonnull (strstr (check, "No syntax or stream encoding errors"));
}

static void
test_crop_marks (void)
{
  g_autofree char *json = example_path ();
  g_autofree char *pdf = export_pdf_with (json, IMPACT_PAGE_SIZE_A4, 3 * 72 / 25.4, TRUE);
  g_autofree char *info = run_tool ("pdfinfo", "-box", pdf, NULL);
  g_autoptr(GdkPixbuf) page = NULL;
  double margin = 3 * 72 / 25.4 + IMPACT_RENDER_MARK_GAP + 18 + 2;
  int m = (int) margin, b = (int) (margin - 3 * 72 / 25.4);
  int bleed_edge = (int) (margin - 3 * 72 / 25.4);

  if (info == NULL || !impact_test_have_program ("pdftoppm"))
    {
      g_test_skip ("poppler-utils not installed");
      return;
    }
  /* A4 plus room for the marks outside the bleed */
  g_assert_nonnull (strstr (info, "Page size:       658.283 x 904.898 pts"));
  g_assert_nonnull (strstr (info, "TrimBox:            31.50    31.50   626.78   873.39"));

  page = rasterize (pdf);
  /* the slug is white, the bleed is the band's colour */
  assert_pixel (page, 2, 2, "#ffffff");
  assert_pixel (page, b + 2, b + 2, "#1b365d");
  /* a trim mark: on the line of the trim's left edge, above the bleed */
  assert_pixel (page, m, 4, "#000000");
  assert_pixel (page, m + 6, 4, "#ffffff");
  /* and it keeps a gap from the bleed's edge */
  assert_pixel (page, m, bleed_edge - 2, "#ffffff");
}


static void
test_outline (void)
{
  g_autofree char *json = example_path ();
  g_autofree char *pdf = export_pdf (json, IMPACT_PAGE_SIZE_LETTER);
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr(GError) error = NULL;
  static const char * const titles[] = {
    "Front page", "Kolkata, India", "Sex trafficking", "IJM Kolkata progress since 2006",
    "The facts", "Quote", "Sources",
    "Back page", "How IJM Kolkata fights sex trafficking", "IJM Kolkata milestones",
    "Saji Philip", "Contact",
  };
  guint n = 0;

  (void) error;
  data = impact_test_pdf_objects (pdf);
  len = strlen (data);
  g_assert_nonnull (strstr (data, "\"/Outlines\""));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *key = g_strdup_printf ("\"/Title\": \"u:%s\"", titles[i]);

      if (strstr (data, key) == NULL)
        g_error ("no bookmark %s", titles[i]);
    }
  for (const char *p = data; (p = memmem (p, len - (p - data), "\"/Title\": ", 10)) != NULL; p += 10)
    n++;
  /* two pages and a bookmark per section on each, and the document's
   * title (Info): nothing else */
  g_assert_nonnull (strstr (data, "\"/Title\": \"u:Kolkata, India — fact sheet\""));
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (titles) + 1);
}

static void
write_png_file (const char *path,
                int         width,
                int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x88aaccff);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);
}

static void
test_figure_alt_text (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *json = g_build_filename (dir, "figures.json", NULL);
  g_autofree char *logo = g_build_filename (dir, "logo.png", NULL);
  g_autofree char *photo = g_build_filename (dir, "photo.png", NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *check = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  /* "Portrait of Ada" as UTF-16BE hex, and the logo's text with a non-ASCII dash */
  const char *portrait = "\"/Alt\": \"u:Portrait of Ada Lovelace\"";
  const char *logo_alt = "\"/Alt\": \"u:Org logo — Testville\"";

  write_png_file (logo, 400, 120);
  write_png_file (photo, 600, 600);
  g_file_set_contents (json,
    "{ \"format\": \"1\", \"office\": \"Testville\","
    "  \"organisation\": { \"name\": \"Org\", \"logo\": \"logo.png\", \"logo_alt\": \"Org logo — Testville\" },"
    "  \"profile\": { \"name\": \"Ada Lovelace\", \"photo\": \"photo.png\", \"photo_alt\": \"Portrait of Ada Lovelace\" } }",
    -1, &error);
  g_assert_no_error (error);
  pdf = export_pdf (json, IMPACT_PAGE_SIZE_LETTER);

  /* both images are figures of the structure tree with their alternative text */
  contents = impact_test_pdf_objects (pdf);
  length = strlen (contents);
  g_assert_nonnull (memmem (contents, length, logo_alt, strlen (logo_alt)));
  g_assert_nonnull (memmem (contents, length, portrait, strlen (portrait)));
  /* and the file is still well-formed after adding them */
  check = run_tool ("qpdf", "--check", pdf, NULL);
  if (check != NULL)
    g_assert_nonnull (strstr (check, "No syntax or stream encoding errors found"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/pdf/info/letter", GINT_TO_POINTER (IMPACT_PAGE_SIZE_LETTER), test_pdfinfo);
  g_test_add_data_func ("/pdf/info/a4", GINT_TO_POINTER (IMPACT_PAGE_SIZE_A4), test_pdfinfo);
  g_test_add_func ("/pdf/fonts-embedded", test_pdffonts_embedded);
  g_test_add_func ("/pdf/text", test_pdftotext_content);
  g_test_add_func ("/pdf/markup-literal", test_markup_is_literal);
  g_test_add_func ("/pdf/qpdf-check", test_qpdf_check);
  g_test_add_func ("/pdf/bleed", test_bleed);
  g_test_add_func ("/pdf/crop-marks", test_crop_marks);
  g_test_add_func ("/pdf/outline", test_outline);

  g_test_add_func ("/pdf/figure-alt-text", test_figure_alt_text);

  return g_test_run ();
}
