/* test-export.c: PNG, PDF and SVG output read back, and the atomic-write guarantee
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "impact-error.h"
#include "impact-export.h"
#include "impact-json-loader.h"
#include "impact-test-utils.h"

static ImpactDocument *
load_example (void)
{
  g_autofree char *path = impact_test_example_path ("kolkata.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ImpactDocument *doc = impact_json_loader_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static ImpactDocument *
load_string (const char *json)
{
  g_autoptr(GError) error = NULL;
  ImpactDocument *doc = impact_json_loader_load_data (json, strlen (json), "test.json", NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static GPtrArray *
export (ImpactDocument      *doc,
        ImpactExportOptions *options,
        const char          *path)
{
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GPtrArray *written = NULL;

  if (!impact_export_document (doc, options, out, &written, NULL, NULL, &error))
    g_error ("export failed: %s", error->message);
  return written;
}

/* Average colour of a small square of pixels */
static void
probe (GdkPixbuf *pixbuf,
       int        cx,
       int        cy,
       int        out[3])
{
  int n = gdk_pixbuf_get_n_channels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *pixels = gdk_pixbuf_read_pixels (pixbuf);
  int sum[3] = { 0 }, count = 0;

  for (int y = cy - 2; y <= cy + 2; y++)
    for (int x = cx - 2; x <= cx + 2; x++)
      {
        const guchar *p = pixels + y * stride + x * n;

        for (int c = 0; c < 3; c++)
          sum[c] += p[c];
        count++;
      }
  for (int c = 0; c < 3; c++)
    out[c] = sum[c] / count;
}

static void
assert_color (GdkPixbuf  *pixbuf,
              int         x,
              int         y,
              const char *hex)
{
  int got[3];
  unsigned int want[3];

  g_assert_cmpint (sscanf (hex, "#%02x%02x%02x", &want[0], &want[1], &want[2]), ==, 3);
  probe (pixbuf, x, y, got);
  for (int c = 0; c < 3; c++)
    if (ABS (got[c] - (int) want[c]) > 6)
      g_error ("pixel at %d,%d is #%02x%02x%02x, expected %s", x, y, got[0], got[1], got[2], hex);
}

static void
test_png_letter_150 (void)
{
  g_autoptr(ImpactDocument) doc = load_example ();
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sheet.png", NULL);
  g_autofree char *p1 = g_build_filename (dir, "sheet-1.png", NULL);
  g_autofree char *p2 = g_build_filename (dir, "sheet-2.png", NULL);
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GdkPixbuf) front = NULL;
  g_autoptr(GdkPixbuf) back = NULL;
  g_autoptr(GError) error = NULL;
  ImpactExportOptions options;

  impact_export_options_init (&options);
  options.format = IMPACT_EXPORT_FORMAT_PNG;
  options.dpi = 150;
  written = export (doc, &options, path);

  /* two pages → two numbered files, not the plain name */
  g_assert_cmpuint (written->len, ==, 2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  front = gdk_pixbuf_new_from_file (p1, &error);
  g_assert_no_error (error);
  back = gdk_pixbuf_new_from_file (p2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (front), ==, 1275);
  g_assert_cmpint (gdk_pixbuf_get_height (front), ==, 1650);
  g_assert_cmpint (gdk_pixbuf_get_width (back), ==, 1275);

  /* the theme's primary colour (#1b365d in the example) fills the header
   * band; the margins are paper-white; the back ends in the footer band */
  assert_color (front, 640, 20, "#1b365d");
  assert_color (front, 8, 700, "#ffffff");
  assert_color (back, 640, 1640, "#1b365d");
  assert_color (back, 8, 300, "#ffffff");
}

static void
test_png_theme_colour (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "front.png", NULL);
  g_autoptr(ImpactDocument) doc = load_string (
    "{ \"format\": \"1\", \"office\": \"Nairobi, Kenya\", \"organisation\": { \"name\": \"Org\" },"
    "  \"theme\": { \"primary\": \"#8a1538\", \"background\": \"#fffdf5\" } }");
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GdkPixbuf) front = NULL;
  g_autoptr(GError) error = NULL;
  ImpactExportOptions options;

  impact_export_options_init (&options);
  options.format = IMPACT_EXPORT_FORMAT_PNG;
  options.page_size = IMPACT_PAGE_SIZE_A4;
  options.dpi = 72;
  options.page = 1;
  written = export (doc, &options, path);

  /* --page 1 writes exactly the named file */
  g_assert_cmpuint (written->len, ==, 1);
  front = gdk_pixbuf_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (front), ==, 595);
  g_assert_cmpint (gdk_pixbuf_get_height (front), ==, 842);
  assert_color (front, 300, 10, "#8a1538");
  assert_color (front, 5, 600, "#fffdf5");
}

static void
test_png_a4_dimensions (void)
{
  g_autoptr(ImpactDocument) doc = load_example ();
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "back.png", NULL);
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GdkPixbuf) back = NULL;
  g_autoptr(GError) error = NULL;
  ImpactExportOptions options;

  impact_export_options_init (&options);
  options.format = IMPACT_EXPORT_FORMAT_PNG;
  options.page_size = IMPACT_PAGE_SIZE_A4;
  options.dpi = 150;
  options.page = 2;
  written = export (doc, &options, path);
  back = gdk_pixbuf_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (back), ==, 1240);
  g_assert_cmpint (gdk_pixbuf_get_height (back), ==, 1754);
}

static void
test_svg (void)
{
  g_autoptr(ImpactDocument) doc = load_example ();
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sheet.svg", NULL);
  g_autofree char *p2 = g_build_filename (dir, "sheet-2.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  ImpactExportOptions options;

  impact_export_options_init (&options);
  options.format = IMPACT_EXPORT_FORMAT_SVG;
  written = export (doc, &options, path);
  g_assert_cmpuint (written->len, ==, 2);
  g_file_get_contents (p2, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_nonnull (strstr (contents, "width=\"612pt\""));
  g_assert_nonnull (strstr (contents, "height=\"792pt\""));
  /* what the page is, for a screen reader and an SVG viewer's title bar */
  g_assert_nonnull (strstr (contents, "<title>Kolkata, India — fact sheet</title>"));
  g_assert_nonnull (strstr (contents, "<desc>Sex trafficking (2/2)</desc>"));
}

static void
test_pdf_size_and_pages (void)
{
  g_autoptr(ImpactDocument) doc = load_example ();
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  ImpactExportOptions options;

  impact_export_options_init (&options);
  written = export (doc, &options, path);
  g_assert_cmpuint (written->len, ==, 1);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-1."));
  /* the website and the sources are live links */
  g_free (contents);
  contents = impact_test_pdf_objects (path);
  g_assert_nonnull (strstr (contents, "\"/URI\": \"u:https://www.ijm.org"));
  g_assert_nonnull (strstr (contents, "\"/URI\": \"u:https://www.ilo.org"));
}

static void
assert_no_temp_files (const char *dir,
                      guint       expected_entries)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (name[0] == '.')
        g_error ("temporary file left behind: %s", name);
      n++;
    }
  g_assert_cmpuint (n, ==, expected_entries);
}

static void
test_atomic_failure_keeps_file (void)
{
  g_autoptr(ImpactDocument) doc = load_example ();
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "keep.pdf", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  ImpactExportOptions options;

  g_file_set_contents (path, "KEEP ME", -1, &error);
  g_assert_no_error (error);

  /* a failure during the export (no such page) */
  impact_export_options_init (&options);
  options.page = 3;
  g_assert_false (impact_export_document (doc, &options, out, NULL, NULL, NULL, &error));
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_USAGE);
  g_clear_error (&error);

  /* a failure while writing: a page image too large to allocate */
  options.page = 0;
  options.format = IMPACT_EXPORT_FORMAT_PNG;
  options.dpi = 1200;
  g_assert_false (impact_export_document (doc, &options, out, NULL, NULL, NULL, &error));
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* a cancelled export */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    impact_export_options_init (&options);
    g_cancellable_cancel (cancellable);
    g_assert_false (impact_export_document (doc, &options, out, NULL, NULL, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "KEEP ME");
  assert_no_temp_files (dir, 1);

  /* and a successful export replaces it whole */
  impact_export_options_init (&options);
  g_assert_true (impact_export_document (doc, &options, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  assert_no_temp_files (dir, 1);
}

static void
test_atomic_page_set (void)
{
  /* page 2's name is taken by a folder: the rename of page 2 fails after
   * page 1 was written. Neither page may change: the old page 1 is back,
   * no temporary or backup file is left. */
  g_autoptr(ImpactDocument) doc = load_example ();
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sheet.png", NULL);
  g_autofree char *p1 = g_build_filename (dir, "sheet-1.png", NULL);
  g_autofree char *p2 = g_build_filename (dir, "sheet-2.png", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  ImpactExportOptions options;

  g_file_set_contents (p1, "OLD PAGE 1", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (p2, 0700), ==, 0);

  impact_export_options_init (&options);
  options.format = IMPACT_EXPORT_FORMAT_PNG;
  options.dpi = 50;
  g_assert_false (impact_export_document (doc, &options, out, NULL, NULL, NULL, &error));
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "sheet-2.png"));
  g_clear_error (&error);

  g_file_get_contents (p1, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "OLD PAGE 1");
  g_assert_true (g_file_test (p2, G_FILE_TEST_IS_DIR));
  assert_no_temp_files (dir, 2);

  /* with the folder gone, both pages are written and replace the old one */
  g_rmdir (p2);
  g_assert_true (impact_export_document (doc, &options, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (p1, &contents, &length, NULL);
  g_assert_true (g_str_has_prefix (contents, "\x89PNG"));
  /* the colours are declared sRGB, before the image data */
  g_assert_nonnull (memmem (contents, length, "sRGB", 4));
  g_assert_true ((char *) memmem (contents, length, "sRGB", 4) < (char *) memmem (contents, length, "IDAT", 4));
  g_assert_true (g_file_test (p2, G_FILE_TEST_IS_REGULAR));
  assert_no_temp_files (dir, 2);
}

static void
test_unwritable_folder (void)
{
  g_autoptr(ImpactDocument) doc = load_example ();
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *sub = g_build_filename (dir, "locked", NULL);
  g_autofree char *path = g_build_filename (sub, "sheet.pdf", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ImpactExportOptions options;

  if (geteuid () == 0)
    {
      /* root ignores permissions; a missing folder fails the same way */
      impact_export_options_init (&options);
      g_assert_false (impact_export_document (doc, &options, out, NULL, NULL, NULL, &error));
      g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, "locked"));
      return;
    }
  g_assert_cmpint (g_mkdir (sub, 0500), ==, 0);
  impact_export_options_init (&options);
  g_assert_false (impact_export_document (doc, &options, out, NULL, NULL, NULL, &error));
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE);
  g_chmod (sub, 0700);
  assert_no_temp_files (sub, 0);
}

static void
test_format_from_path (void)
{
  ImpactExportFormat format;

  g_assert_true (impact_export_format_from_path ("a/b.PDF", &format));
  g_assert_cmpint (format, ==, IMPACT_EXPORT_FORMAT_PDF);
  g_assert_true (impact_export_format_from_path ("x.png", &format));
  g_assert_cmpint (format, ==, IMPACT_EXPORT_FORMAT_PNG);
  g_assert_true (impact_export_format_from_path ("x.svg", &format));
  g_assert_cmpint (format, ==, IMPACT_EXPORT_FORMAT_SVG);
  g_assert_false (impact_export_format_from_path ("x.jpg", &format));
  g_assert_false (impact_export_format_from_path ("dir.pdf/file", &format));
  g_assert_false (impact_export_format_from_path ("noext", &format));
}


static void
test_stats_card (void)
{
  g_autoptr(ImpactDocument) doc = load_example ();
  g_autofree char *dir = impact_test_make_tmpdir ();
  static const struct { int w, h; } sizes[] = { { 1080, 1080 }, { 1200, 630 }, { 0, 0 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/card-%u.png", dir, i);
      g_autoptr(GPtrArray) written = NULL;
      g_autoptr(GdkPixbuf) card = NULL;
      g_autoptr(GError) error = NULL;
      ImpactExportOptions options;
      int w = sizes[i].w ? sizes[i].w : 1080, h = sizes[i].h ? sizes[i].h : 1080;

      impact_export_options_init (&options);
      options.format = IMPACT_EXPORT_FORMAT_PNG;
      options.part = IMPACT_EXPORT_PART_STATS;
      options.card_width = sizes[i].w;
      options.card_height = sizes[i].h;
      written = export (doc, &options, path);
      /* one file, exactly the size asked for, whatever the dpi */
      g_assert_cmpuint (written->len, ==, 1);
      card = gdk_pixbuf_new_from_file (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_width (card), ==, w);
      g_assert_cmpint (gdk_pixbuf_get_height (card), ==, h);
      /* the theme: primary ground, accent stripe along the bottom */
      assert_color (card, 8, h / 2, "#1b365d");
      assert_color (card, w / 2, h - 4, "#d9822b");
    }
}

static void
test_stats_card_needs_statistics (void)
{
  g_autoptr(ImpactDocument) doc = load_string ("{ \"format\": \"1\", \"office\": \"X\", "
                                               "\"organisation\": { \"name\": \"Y\" } }");
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "card.png", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ImpactExportOptions options;

  impact_export_options_init (&options);
  options.format = IMPACT_EXPORT_FORMAT_PNG;
  options.part = IMPACT_EXPORT_PART_STATS;
  g_assert_false (impact_export_document (doc, &options, out, NULL, NULL, NULL, &error));
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_USAGE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A card whose statistic rows overflow names the overflowing row in its
 * warning: that path was read from a string freed with the row (a use
 * after free that printed garbage as the JSON path). */
static void
test_stats_card_overflow_path (void)
{
  const struct { int w, h; } sizes[] = { { 1080, 1080 }, { 1200, 630 }, { 1080, 1350 } };
  GString *json = g_string_new ("{ \"format\": \"1\", \"office\": \"X\", "
                                "\"organisation\": { \"name\": \"Y\" }, \"statistics\": [");
  g_autoptr(ImpactDocument) doc = NULL;
  g_autofree char *dir = impact_test_make_tmpdir ();
  guint n_overflows = 0;

  for (guint i = 0; i < 12; i++)
    g_string_append_printf (json, "%s{ \"value\": %u, \"label\": \"people reached in the district "
                            "through the programme and its partners over many years, row %u\" }",
                            i ? ", " : "", 100 + i, i);
  g_string_append (json, "] }");
  doc = load_string (json->str);
  g_string_free (json, TRUE);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *path = g_strdup_printf ("%s/card-%u.png", dir, s);
      g_autoptr(GFile) out = g_file_new_for_path (path);
      g_autoptr(ImpactDiagnostics) diags = impact_diagnostics_new ();
      g_autoptr(GError) error = NULL;
      ImpactExportOptions options;

      impact_export_options_init (&options);
      options.format = IMPACT_EXPORT_FORMAT_PNG;
      options.part = IMPACT_EXPORT_PART_STATS;
      options.card_width = sizes[s].w;
      options.card_height = sizes[s].h;
      g_assert_true (impact_export_document (doc, &options, out, NULL, diags, NULL, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < impact_diagnostics_get_n_items (diags); i++)
        {
          const ImpactDiagnostic *d = impact_diagnostics_get_item (diags, i);
          guint row;

          if (strstr (d->message, "card overflows") == NULL)
            continue;
          n_overflows++;
          g_assert_nonnull (d->path);
          g_test_message ("%dx%d: %s", sizes[s].w, sizes[s].h, d->path);
          if (g_strcmp0 (d->path, "statistics") == 0)
            continue;
          g_assert_cmpint (sscanf (d->path, "statistics[%u].label", &row), ==, 1);
          g_assert_cmpuint (row, <, 12);
          g_assert_true (g_str_has_suffix (d->path, "].label"));
        }
    }
  /* the square card cannot hold twelve rows of long labels */
  g_assert_cmpuint (n_overflows, >=, 1);
}

/* --page 1 lays out the front alone: it comes out as the front of the
 * whole sheet does */
static void
test_png_front_only (void)
{
  g_autoptr(ImpactDocument) doc = load_example ();
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *both = g_build_filename (dir, "both.png", NULL);
  g_autofree char *both_1 = g_build_filename (dir, "both-1.png", NULL);
  g_autofree char *front = g_build_filename (dir, "front.png", NULL);
  g_autoptr(GPtrArray) written_both = NULL;
  g_autoptr(GPtrArray) written_front = NULL;
  g_autofree char *a = NULL, *b = NULL;
  gsize a_len = 0, b_len = 0;
  ImpactExportOptions options;

  impact_export_options_init (&options);
  options.format = IMPACT_EXPORT_FORMAT_PNG;
  options.dpi = 72;
  written_both = export (doc, &options, both);
  g_assert_cmpuint (written_both->len, ==, 2);
  options.page = 1;
  written_front = export (doc, &options, front);
  g_assert_cmpuint (written_front->len, ==, 1);

  g_assert_true (g_file_get_contents (both_1, &a, &a_len, NULL));
  g_assert_true (g_file_get_contents (front, &b, &b_len, NULL));
  g_assert_cmpmem (a, a_len, b, b_len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/png/letter-150dpi", test_png_letter_150);
  g_test_add_func ("/export/png/theme-colour", test_png_theme_colour);
  g_test_add_func ("/export/png/a4-150dpi", test_png_a4_dimensions);
  g_test_add_func ("/export/svg", test_svg);
  g_test_add_func ("/export/pdf/links", test_pdf_size_and_pages);
  g_test_add_func ("/export/atomic/failure-keeps-file", test_atomic_failure_keeps_file);
  g_test_add_func ("/export/atomic/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/export/atomic/page-set", test_atomic_page_set);
  g_test_add_func ("/export/format-from-path", test_format_from_path);
  g_test_add_func ("/export/png/front-only", test_png_front_only);
  g_test_add_func ("/export/stats-card/png", test_stats_card);
  g_test_add_func ("/export/stats-card/no-statistics", test_stats_card_needs_statistics);
  g_test_add_func ("/export/stats-card/overflow-path", test_stats_card_overflow_path);

  return g_test_run ();
}
