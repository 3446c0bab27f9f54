/* test-image.c: hostile and damaged images cost neither gigabytes nor minutes
 *
 * Every hostile file is made here, in a temporary folder: a small valid image
 * written by gdk-pixbuf, then patched (a forged PNG IHDR with its CRC
 * recomputed, a forged JPEG start of frame), cut, or an SVG nesting <use>.
 * The exports run in a subprocess under RLIMIT_AS of 1 GiB, so a decoder
 * that allocates what the header claims fails the test; alarm () only
 * guards against a hang.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "impact-error.h"
#include "impact-export.h"
#include "impact-image.h"
#include "impact-json-loader.h"
#include "impact-preflight.h"
#include "impact-test-utils.h"
#include "impact-theme.h"

static char *tmpdir;

/* Helpers */

static void
put_be32 (guchar *p,
          guint32 v)
{
  p[0] = v >> 24;
  p[1] = v >> 16;
  p[2] = v >> 8;
  p[3] = v;
}

/* The CRC-32 of PNG chunks (ISO 3309), bit by bit */
static guint32
crc32_png (const guchar *data,
           gsize         len)
{
  guint32 crc = 0xffffffffu;

  for (gsize i = 0; i < len; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
    }
  return crc ^ 0xffffffffu;
}

static GdkPixbuf *
make_pixbuf (int width,
             int height)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);

  /* noise-like content, so that the compressed file is not tiny */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = pixels + y * stride + x * 3;
        guint32 h = (guint32) (x * 2654435761u) ^ (guint32) (y * 40503u);

        p[0] = h;
        p[1] = h >> 8;
        p[2] = (x + y) & 0xff;
      }
  return pixbuf;
}

/* Writes a valid image of @width × @height to NAME in the temporary folder */
static char *
write_image (const char *name,
             const char *type,
             int         width,
             int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (width, height);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmpdir, name, NULL);

  if (g_str_equal (type, "jpeg"))
    gdk_pixbuf_save (pixbuf, path, type, &error, "quality", "85", NULL);
  else
    gdk_pixbuf_save (pixbuf, path, type, &error, NULL);
  g_assert_no_error (error);
  return path;
}

static guchar *
read_file (const char *path,
           gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, len, &error);
  g_assert_no_error (error);
  return (guchar *) data;
}

static void
write_file (const char   *path,
            const guchar *data,
            gsize         len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) data, len, &error);
  g_assert_no_error (error);
}

/* A tiny PNG whose IHDR claims @width × @height, with a correct CRC */
static char *
write_forged_png (const char *name,
                  guint32     width,
                  guint32     height)
{
  g_autofree char *path = write_image (name, "png", 4, 4);
  g_autofree guchar *data = NULL;
  gsize len;

  data = read_file (path, &len);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  put_be32 (data + 16, width);
  put_be32 (data + 20, height);
  put_be32 (data + 29, crc32_png (data + 12, 17));
  write_file (path, data, len);
  return g_steal_pointer (&path);
}

/* A small JPEG whose start of frame claims @width × @height */
static char *
write_forged_jpeg (const char *name,
                   guint16     width,
                   guint16     height)
{
  g_autofree char *path = write_image (name, "jpeg", 16, 16);
  g_autofree guchar *data = NULL;
  gboolean patched = FALSE;
  gsize len, i = 2;

  data = read_file (path, &len);
  while (i + 9 <= len && !patched)
    {
      guchar marker = data[i + 1];
      gsize seg = ((gsize) data[i + 2] << 8) | data[i + 3];

      g_assert_cmpuint (data[i], ==, 0xff);
      if (marker == 0xc0 || marker == 0xc2)
        {
          data[i + 5] = height >> 8;
          data[i + 6] = height & 0xff;
          data[i + 7] = width >> 8;
          data[i + 8] = width & 0xff;
          patched = TRUE;
        }
      i += 2 + seg;
    }
  g_assert_true (patched);
  write_file (path, data, len);
  return g_steal_pointer (&path);
}

/* A valid image cut to @fraction of its bytes */
static char *
write_truncated (const char *name,
                 const char *type,
                 double      fraction)
{
  g_autofree char *path = write_image (name, type, 300, 300);
  g_autofree guchar *data = NULL;
  gsize len;

  data = read_file (path, &len);
  write_file (path, data, (gsize) (len * fraction));
  return g_steal_pointer (&path);
}

/* "Billion laughs" with <use>: each level draws the one below forty times,
 * 64,000 blurred page-sized squares from 4 KB (librsvg's element limits do
 * not stop it: it takes minutes) */
static char *
write_nested_use_svg (const char *name)
{
  g_autoptr(GString) svg = g_string_new ("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                         "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                                         "width=\"1000\" height=\"1000\"><defs>"
                                         "<filter id=\"b\"><feGaussianBlur stdDeviation=\"50\"/></filter>"
                                         "<rect id=\"l0\" width=\"900\" height=\"900\" fill=\"red\" "
                                         "filter=\"url(#b)\"/>");
  char *path = g_build_filename (tmpdir, name, NULL);

  for (int level = 1; level <= 3; level++)
    {
      g_string_append_printf (svg, "<g id=\"l%d\">", level);
      for (int k = 0; k < 40; k++)
        g_string_append_printf (svg, "<use xlink:href=\"#l%d\" x=\"%d\"/>", level - 1, k);
      g_string_append (svg, "</g>");
    }
  g_string_append (svg, "</defs><use xlink:href=\"#l3\"/></svg>");
  g_assert_cmpuint (svg->len, <, 4096);
  write_file (path, (const guchar *) svg->str, svg->len);
  return path;
}

static ImpactDocument *
document_with_images (const char *logo,
                      const char *photo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"1\", \"office\": \"X\", "
                                          "\"theme\": { \"accent\": \"#a8561a\" }, ");
  ImpactDocument *doc;

  if (logo != NULL)
    g_string_append_printf (json, "\"organisation\": { \"name\": \"Y\", \"logo\": \"%s\" }", logo);
  else
    g_string_append (json, "\"organisation\": { \"name\": \"Y\" }");
  if (photo != NULL)
    g_string_append_printf (json, ", \"profile\": { \"name\": \"Ada\", \"photo\": \"%s\" }", photo);
  g_string_append (json, " }");
  doc = impact_json_loader_load_data (json->str, json->len, "images.json", NULL, NULL, &error);
  g_assert_no_error (error);
  return doc;
}

/* Exports a PDF; returns the warnings, one per line, or NULL */
static char *
export_warnings (ImpactDocument *doc)
{
  g_autofree char *out = g_build_filename (tmpdir, "out.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  ImpactExportOptions options;

  impact_export_options_init (&options);
  g_assert_true (impact_export_document (doc, &options, file, NULL, diagnostics, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  return impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_WARNING);
}

/* Runs the preflight of `validate`; returns the warnings or NULL */
static char *
preflight_warnings (ImpactDocument *doc)
{
  static const ImpactPageSize sizes[] = { IMPACT_PAGE_SIZE_LETTER, IMPACT_PAGE_SIZE_A4 };
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);

  impact_preflight_run (doc, theme, sizes, G_N_ELEMENTS (sizes), diagnostics);
  return impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_WARNING);
}

static void
limit_memory (void)
{
#ifndef __SANITIZE_ADDRESS__
  struct rlimit rl = { (rlim_t) 1 << 30, (rlim_t) 1 << 30 };

  g_assert_cmpint (setrlimit (RLIMIT_AS, &rl), ==, 0);
#endif
  alarm (100);  /* a hang guard, not a time limit */
}

/* Exports a document with @path as the logo in a subprocess under 1 GiB;
 * the export must succeed with a warning containing @expected. */
static void
check_hostile_logo (const char *path,
                    const char *expected)
{
  g_autofree char *test = g_strdup_printf ("%s/subprocess", g_test_get_path ());
  g_autofree char *warning = g_strdup_printf ("organisation.logo: cannot use image \"%s\": %s", path, expected);

  if (g_test_subprocess ())
    {
      g_autoptr(ImpactDocument) doc = document_with_images (path, NULL);
      g_autofree char *warnings = NULL;

      limit_memory ();
      warnings = export_warnings (doc);
      g_assert_nonnull (warnings);
      g_assert_nonnull (strstr (warnings, warning));
      g_assert_nonnull (strstr (warnings, "; a placeholder is shown"));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Tests */

static void
test_forged_png (void)
{
  g_autofree char *path = write_forged_png ("forged.png", 26000, 26000);
  gsize len;
  g_autofree guchar *data = read_file (path, &len);

  g_assert_cmpuint (len, <, 200);
  check_hostile_logo (path, "the image claims 26000 × 26000 pixels, more than the 48 megapixels");
}

static void
test_forged_png_side (void)
{
  /* few pixels in all (16 megapixels), but one side far past the cap */
  g_autofree char *path = write_forged_png ("side.png", 400000, 40);

  check_hostile_logo (path, "the image claims 400000 × 40 pixels");
}

static void
test_forged_jpeg (void)
{
  g_autofree char *path = write_forged_jpeg ("forged.jpg", 65500, 65500);

  check_hostile_logo (path, "the image claims 65500 × 65500 pixels, more than the 48 megapixels");
}

static void
test_nested_use_svg (void)
{
  g_autofree char *path = write_nested_use_svg ("laughs.svg");

  if (g_test_subprocess ())
    impact_image_set_time_limit (1.0);
  check_hostile_logo (path, "decoding it takes more than 1 seconds");
}

static void
test_truncated (gconstpointer data)
{
  const char *type = data;
  g_autofree char *name = g_strdup_printf ("cut.%s", type);
  g_autofree char *path = write_truncated (name, type, 0.5);
  g_autoptr(ImpactDocument) doc = document_with_images (NULL, path);
  g_autofree char *exported = export_warnings (doc);
  g_autofree char *validated = preflight_warnings (doc);
  g_autofree char *expected = g_strdup_printf ("profile.photo: image \"%s\" is truncated or damaged", path);

  g_assert_nonnull (exported);
  g_assert_nonnull (strstr (exported, expected));
  g_assert_nonnull (validated);
  g_assert_nonnull (strstr (validated, expected));
}

static void
test_truncated_header (void)
{
  /* cut inside the header: nothing can be shown */
  g_autofree char *path = g_build_filename (tmpdir, "stub.png", NULL);
  g_autofree guchar *data = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *full = write_image ("head.png", "png", 300, 300);
  gsize len;

  data = read_file (full, &len);
  write_file (path, data, 20);
  doc = document_with_images (path, NULL);
  warnings = export_warnings (doc);
  g_assert_nonnull (warnings);
  g_assert_nonnull (strstr (warnings, "organisation.logo: cannot use image"));
  g_assert_nonnull (strstr (warnings, "truncated or damaged"));
}

static void
test_complete_images (void)
{
  const char *types[] = { "png", "jpeg" };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *name = g_strdup_printf ("whole.%s", types[i]);
      g_autofree char *path = write_image (name, types[i], 300, 300);
      g_autoptr(ImpactDocument) doc = document_with_images (path, path);
      g_autofree char *warnings = export_warnings (doc);

      /* neither damaged nor too large: nothing to say about the images */
      g_assert_true (warnings == NULL || strstr (warnings, "image") == NULL);
    }
}

static void
test_decoded_at_printed_size (void)
{
  g_autofree char *path = write_image ("large.jpg", "jpeg", 4000, 3000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  ImpactImageInfo info = { 0 };

  impact_image_cache_clear ();
  pixbuf = impact_image_load (file, 300, 300, &info, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pixbuf);
  /* covers the 300 × 300 box, keeping the 4:3 shape */
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 300);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 400);
  g_assert_cmpint (info.source_width, ==, 4000);
  g_assert_cmpint (info.source_height, ==, 3000);
  g_assert_false (info.damaged);
  g_assert_false (info.vector);

  /* never enlarged */
  g_clear_object (&pixbuf);
  pixbuf = impact_image_load (file, 8000, 10, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 4000);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 3000);
}

static void
test_svg_vector (void)
{
  static const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\">"
                            "<rect width=\"40\" height=\"20\" fill=\"#336699\"/></svg>";
  g_autofree char *path = g_build_filename (tmpdir, "small.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  ImpactImageInfo info = { 0 };

  write_file (path, (const guchar *) svg, strlen (svg));
  pixbuf = impact_image_load (file, 400, 100, &info, &error);
  g_assert_no_error (error);
  /* drawn at the printed size, not at its nominal 40 × 20 */
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 400);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 200);
  g_assert_true (info.vector);
  g_assert_false (info.damaged);
}

static void
test_cache (void)
{
  g_autofree char *path = write_image ("cached.png", "png", 64, 64);
  g_autofree char *other = write_image ("other.png", "png", 32, 32);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) first = NULL;
  g_autoptr(GdkPixbuf) second = NULL;
  g_autoptr(GdkPixbuf) third = NULL;
  g_autoptr(GdkPixbuf) resized = NULL;
  g_autofree guchar *data = NULL;
  gsize len;

  first = impact_image_load (file, 64, 64, NULL, &error);
  g_assert_no_error (error);
  second = impact_image_load (file, 64, 64, NULL, &error);
  g_assert_no_error (error);
  /* the same file at the same size is decoded once */
  g_assert_true (first == second);
  resized = impact_image_load (file, 32, 32, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (resized != first);
  g_assert_cmpint (gdk_pixbuf_get_width (resized), ==, 32);

  /* a changed file is decoded again */
  data = read_file (other, &len);
  write_file (path, data, len);
  third = impact_image_load (file, 64, 64, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (third != first);
  g_assert_cmpint (gdk_pixbuf_get_width (third), ==, 32);
}

static void
test_not_an_image (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "notes.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  write_file (path, (const guchar *) "just some text, no image at all\n", 32);
  pixbuf = impact_image_load (file, 64, 64, NULL, &error);
  g_assert_null (pixbuf);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE);
}

/* The declared size is refused before anything is decoded: with no time at
 * all for a decode, a forged header still gets the size message (a decode
 * in the child would have been stopped at once, with another message) */
static void
test_header_checked_before_decoding (void)
{
  struct { const char *name; gboolean jpeg; int width, height; const char *claim; } cases[] = {
    { "first.png", FALSE, 26000, 26000, "claims 26000 × 26000 pixels" },
    { "first-side.png", FALSE, 400000, 40, "claims 400000 × 40 pixels" },
    { "first.jpg", TRUE, 65500, 65500, "claims 65500 × 65500 pixels" },
  };

  impact_image_set_time_limit (1e-6);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = cases[i].jpeg ? write_forged_jpeg (cases[i].name, cases[i].width, cases[i].height)
                                            : write_forged_png (cases[i].name, cases[i].width, cases[i].height);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkPixbuf) pixbuf = NULL;

      impact_image_cache_clear ();
      pixbuf = impact_image_load (file, 200, 200, NULL, &error);
      g_assert_null (pixbuf);
      g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE);
      if (strstr (error->message, cases[i].claim) == NULL)
        g_error ("%s: %s", cases[i].name, error->message);
      g_assert_null (strstr (error->message, "decoding it takes"));
    }
  impact_image_set_time_limit (0);
  impact_image_cache_clear ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  tmpdir = impact_test_make_tmpdir ();

  g_test_add_func ("/image/forged-png", test_forged_png);
  g_test_add_func ("/image/forged-png-side", test_forged_png_side);
  g_test_add_func ("/image/forged-jpeg", test_forged_jpeg);
  g_test_add_func ("/image/header-checked-before-decoding", test_header_checked_before_decoding);
  g_test_add_func ("/image/nested-use-svg", test_nested_use_svg);
  g_test_add_data_func ("/image/truncated/png", "png", test_truncated);
  g_test_add_data_func ("/image/truncated/jpeg", "jpeg", test_truncated);
  g_test_add_func ("/image/truncated-header", test_truncated_header);
  g_test_add_func ("/image/complete", test_complete_images);
  g_test_add_func ("/image/printed-size", test_decoded_at_printed_size);
  g_test_add_func ("/image/svg-vector", test_svg_vector);
  g_test_add_func ("/image/cache", test_cache);
  g_test_add_func ("/image/not-an-image", test_not_an_image);
  return g_test_run ();
}
