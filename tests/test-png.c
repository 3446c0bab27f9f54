/* test-png.c: the PNG encoder's files read back chunk by chunk
 *
 * impact-output-png.c writes the chunks itself and compresses with
 * libdeflate. Here the files are taken apart without the encoder's
 * libraries: the signature, every chunk's CRC-32 (computed here), IHDR,
 * pHYs, the Software text, the IDAT stream inflated by zlib (GIO's
 * GZlibDecompressor) to exactly height × (1 + row bytes) and un-filtered
 * (all five filters) to the very pixels of the cairo surface that was
 * encoded; gdk-pixbuf must read the same pixels. Also: a surface large
 * enough for several IDAT chunks, the export's files and a write that
 * fails at every stage of the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "impact-error.h"
#include "impact-export.h"
#include "impact-json-loader.h"
#include "impact-output.h"
#include "impact-sheet-layout.h"
#include "impact-sheet-page-source.h"
#include "impact-test-utils.h"
#include "impact-theme.h"

/* CRC-32 (ISO 3309, as PNG's), bit by bit */
static guint32
crc32_of (const guchar *type,
          const guchar *data,
          gsize         length)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < 4 + length; i++)
    {
      crc ^= i < 4 ? type[i] : data[i - 4];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
    }
  return crc ^ 0xffffffff;
}

static guint32
get_u32 (const guchar *p)
{
  return (guint32) p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

typedef struct
{
  int         width, height;
  int         colour_type;
  int         ppm;           /* pixels per metre, 0 without pHYs */
  char       *software;      /* the Software tEXt */
  guint       n_idat;
  GByteArray *idat;          /* the chunks' data, joined */
  GPtrArray  *types;         /* every chunk's type, in order */
} Png;

static void
png_clear (Png *png)
{
  g_free (png->software);
  g_clear_pointer (&png->idat, g_byte_array_unref);
  g_clear_pointer (&png->types, g_ptr_array_unref);
}

/* Takes @data apart; any defect fails the test */
static void
parse (const guchar *data,
       gsize         length,
       Png          *png)
{
  static const guchar signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize pos = 8;
  gboolean ended = FALSE, idat_done = FALSE;

  memset (png, 0, sizeof *png);
  png->idat = g_byte_array_new ();
  png->types = g_ptr_array_new_with_free_func (g_free);
  g_assert_cmpuint (length, >=, 8);
  g_assert_cmpmem (data, 8, signature, 8);
  while (!ended)
    {
      guint32 n;
      const guchar *type, *body;
      char name[5] = { 0 };

      g_assert_cmpuint (length - pos, >=, 12);
      n = get_u32 (data + pos);
      g_assert_cmpuint (n, <=, G_MAXINT32);
      g_assert_cmpuint (length - pos - 12, >=, n);
      type = data + pos + 4;
      body = data + pos + 8;
      memcpy (name, type, 4);
      for (int i = 0; i < 4; i++)
        g_assert_true (g_ascii_isalpha (name[i]));
      if (crc32_of (type, body, n) != get_u32 (body + n))
        g_error ("chunk %s at %" G_GSIZE_FORMAT ": CRC %08x, the data's is %08x",
                 name, pos, get_u32 (body + n), crc32_of (type, body, n));
      if (png->types->len == 0)
        g_assert_cmpstr (name, ==, "IHDR");
      g_ptr_array_add (png->types, g_strdup (name));

      if (strcmp (name, "IHDR") == 0)
        {
          g_assert_cmpuint (n, ==, 13);
          g_assert_cmpuint (png->types->len, ==, 1);
          png->width = get_u32 (body);
          png->height = get_u32 (body + 4);
          g_assert_cmpint (body[8], ==, 8);          /* bits a sample */
          png->colour_type = body[9];
          g_assert_cmpint (body[10], ==, 0);         /* deflate */
          g_assert_cmpint (body[11], ==, 0);         /* filter method */
          g_assert_cmpint (body[12], ==, 0);         /* not interlaced */
        }
      else if (strcmp (name, "pHYs") == 0)
        {
          g_assert_cmpuint (n, ==, 9);
          g_assert_cmpuint (png->n_idat, ==, 0);
          g_assert_cmpuint (get_u32 (body), ==, get_u32 (body + 4));
          g_assert_cmpint (body[8], ==, 1);          /* metres */
          png->ppm = get_u32 (body);
        }
      else if (strcmp (name, "tEXt") == 0)
        {
          const guchar *nul = memchr (body, 0, n);

          g_assert_nonnull (nul);
          if (strcmp ((const char *) body, "Software") == 0)
            png->software = g_strndup ((const char *) nul + 1, body + n - nul - 1);
        }
      else if (strcmp (name, "IDAT") == 0)
        {
          /* IDAT chunks follow one another */
          g_assert_false (idat_done);
          g_byte_array_append (png->idat, body, n);
          png->n_idat++;
        }
      else if (strcmp (name, "IEND") == 0)
        {
          g_assert_cmpuint (n, ==, 0);
          ended = TRUE;
        }
      if (png->n_idat > 0 && strcmp (name, "IDAT") != 0)
        idat_done = TRUE;
      pos += 12 + n;
    }
  g_assert_cmpuint (pos, ==, length);  /* nothing after IEND */
  g_assert_cmpuint (png->n_idat, >, 0);
}

/* zlib's inflate of the whole stream: exactly @expected bytes, the stream
 * complete (its Adler-32 checked) */
static GBytes *
inflate_all (GByteArray *stream,
             gsize       expected)
{
  g_autoptr(GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  g_autoptr(GError) error = NULL;
  /* room for one byte more than expected: a longer stream shows */
  guchar *out = g_malloc (expected + 1);
  gsize read = 0, written = 0;
  GConverterResult result;

  result = g_converter_convert (G_CONVERTER (z), stream->data, stream->len, out, expected + 1,
                                G_CONVERTER_INPUT_AT_END, &read, &written, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, G_CONVERTER_FINISHED);
  g_assert_cmpuint (read, ==, stream->len);
  g_assert_cmpuint (written, ==, expected);
  return g_bytes_new_take (out, written);
}

static int
paeth (int a,
       int b,
       int c)
{
  int p = a + b - c, pa = ABS (p - a), pb = ABS (p - b), pc = ABS (p - c);

  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/* The scanlines un-filtered in place: @bpp bytes a pixel */
static void
unfilter (guchar *lines,
          int     width,
          int     height,
          int     bpp)
{
  gsize rb = (gsize) width * bpp;

  for (int y = 0; y < height; y++)
    {
      guchar *line = lines + y * (rb + 1);
      guchar *cur = line + 1;
      const guchar *prev = y > 0 ? line - rb : NULL;  /* the row above, un-filtered */

      for (gsize x = 0; x < rb; x++)
        {
          int a = x >= (gsize) bpp ? cur[x - bpp] : 0;
          int b = prev != NULL ? prev[x] : 0;
          int c = prev != NULL && x >= (gsize) bpp ? prev[x - bpp] : 0;

          switch (line[0])
            {
            case 0: break;
            case 1: cur[x] += a; break;
            case 2: cur[x] += b; break;
            case 3: cur[x] += (a + b) / 2; break;
            case 4: cur[x] += paeth (a, b, c); break;
            default: g_error ("row %d: filter type %d", y, line[0]);
            }
        }
    }
}

/* The file's pixels equal @surface's: by the parse above and by gdk-pixbuf */
static void
assert_pixels (const char      *path,
               const Png       *png,
               cairo_surface_t *surface)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  int bpp = png->colour_type == 6 ? 4 : 3;
  gsize rb = (gsize) w * bpp;
  g_autoptr(GBytes) raw = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  guchar *lines;
  gsize n;
  const guchar *pb_pixels;
  int pb_stride, pb_n;

  g_assert_cmpint (png->width, ==, w);
  g_assert_cmpint (png->height, ==, h);
  /* an RGB24 surface has no alpha: RGB; else RGBA */
  g_assert_cmpint (png->colour_type, ==, 2);
  raw = inflate_all (png->idat, (gsize) h * (1 + rb));
  lines = g_bytes_unref_to_data (g_steal_pointer (&raw), &n);
  unfilter (lines, w, h, bpp);

  pixbuf = gdk_pixbuf_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, w);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, h);
  g_assert_false (gdk_pixbuf_get_has_alpha (pixbuf));
  pb_pixels = gdk_pixbuf_read_pixels (pixbuf);
  pb_stride = gdk_pixbuf_get_rowstride (pixbuf);
  pb_n = gdk_pixbuf_get_n_channels (pixbuf);

  for (int y = 0; y < h; y++)
    {
      const guint32 *s = (const guint32 *) (data + (gsize) y * stride);
      const guchar *d = lines + y * (rb + 1) + 1;
      const guchar *p = pb_pixels + (gsize) y * pb_stride;

      for (int x = 0; x < w; x++, d += bpp, p += pb_n)
        {
          guchar want[3] = { s[x] >> 16, s[x] >> 8, s[x] };

          if (memcmp (d, want, 3) != 0)
            g_error ("%s: pixel %d,%d is %02x%02x%02x, the surface's %02x%02x%02x",
                     path, x, y, d[0], d[1], d[2], want[0], want[1], want[2]);
          if (memcmp (p, want, 3) != 0)
            g_error ("%s: gdk-pixbuf reads pixel %d,%d as %02x%02x%02x, the surface's %02x%02x%02x",
                     path, x, y, p[0], p[1], p[2], want[0], want[1], want[2]);
        }
    }
  g_free (lines);
}

/* A copy of @surface, for the encoder builds its rows over the pixels */
static cairo_surface_t *
copy_surface (cairo_surface_t *surface)
{
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  cairo_surface_t *copy = cairo_image_surface_create (cairo_image_surface_get_format (surface),
                                                      cairo_image_surface_get_width (surface), h);

  g_assert_cmpint (cairo_image_surface_get_stride (copy), ==, stride);
  cairo_surface_flush (surface);
  memcpy (cairo_image_surface_get_data (copy), cairo_image_surface_get_data (surface),
          (gsize) h * stride);
  cairo_surface_mark_dirty (copy);
  return copy;
}

/* @surface (a copy of it) through impact_output_write_png() into @path */
static void
encode (cairo_surface_t *surface,
        double           dpi,
        const char      *path)
{
  g_autoptr(ImpactOutputFile) file = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *scratch = copy_surface (surface);

  file = impact_output_file_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (impact_output_write_png (scratch, dpi, file, &error));
  cairo_surface_destroy (scratch);
  g_assert_no_error (error);
  g_assert_true (impact_output_file_commit (file, &error));
  g_assert_no_error (error);
}

static void
read_png (const char *path,
          Png        *png)
{
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  parse ((const guchar *) data, length, png);
}

static void
assert_meta (const Png *png,
             double     dpi)
{
  /* the metres give the dpi back */
  g_assert_cmpint (png->ppm, >, 0);
  g_assert_cmpfloat (round (png->ppm * 0.0254), ==, dpi);
  g_assert_cmpstr (png->software, ==, "Impact Sheet " PACKAGE_VERSION);
  /* the colours are declared sRGB, before the image data */
  for (guint i = 0; i < png->types->len; i++)
    if (strcmp (g_ptr_array_index (png->types, i), "sRGB") == 0)
      return;
  g_error ("no sRGB chunk");
}

/* The front of the example, drawn into a surface as the export draws it */
static cairo_surface_t *
draw_example_page (guint page)
{
  g_autofree char *json = impact_test_example_path ("kolkata.json");
  g_autoptr(GFile) gfile = g_file_new_for_path (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (gfile, NULL, NULL, &error);
  g_autoptr(ImpactTheme) theme = NULL;
  g_autoptr(ImpactSheetLayout) layout = NULL;
  g_autoptr(ImpactPageSource) source = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  g_assert_no_error (error);
  theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
  layout = impact_sheet_layout_new (doc, theme, IMPACT_PAGE_SIZE_LETTER, NULL);
  source = impact_sheet_page_source_new (layout, IMPACT_EXPORT_PART_SHEET, 0, FALSE);
  impact_page_source_get_page_size (source, page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1275, 1650);
  cr = cairo_create (surface);
  cairo_scale (cr, 1275 / width, 1650 / height);
  g_assert_true (impact_page_source_draw_page (source, page, cr, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  return surface;
}

static void
test_sheet_page (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();

  for (guint page = 0; page < 2; page++)
    {
      g_autofree char *path = g_strdup_printf ("%s/page-%u.png", dir, page + 1);
      cairo_surface_t *surface = draw_example_page (page);
      Png png;

      encode (surface, 150, path);
      read_png (path, &png);
      assert_meta (&png, 150);
      assert_pixels (path, &png, surface);
      png_clear (&png);
      cairo_surface_destroy (surface);
    }
}

/* Every byte value in every channel, flat areas and an odd width; noise
 * that compresses badly, so that the stream spans several IDAT chunks */
static cairo_surface_t *
draw_noise (int width,
            int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  guchar *data;
  int stride;

  cairo_set_source_rgb (cr, 0.1, 0.2, 0.36);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 1, 0.6, 0);
  cairo_arc (cr, width / 3.0, height / 2.0, height / 3.0, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = height / 2; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 *p = (guint32 *) (data + (gsize) y * stride) + x;

        /* the X byte left random too: it must not reach the file */
        *p = y % 7 == 0 ? (guint32) (x + y) * 0x010101u : g_rand_int (rand);
      }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static void
test_noise (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "noise.png", NULL);
  cairo_surface_t *surface = draw_noise (601, 700);
  Png png;

  encode (surface, 72, path);
  read_png (path, &png);
  assert_meta (&png, 72);
  /* 600 K pixels of noise: more than one chunk */
  g_assert_cmpuint (png.n_idat, >, 1);
  assert_pixels (path, &png, surface);
  png_clear (&png);
  cairo_surface_destroy (surface);

  /* one pixel; and no resolution: no pHYs */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  encode (surface, 0, path);
  read_png (path, &png);
  g_assert_cmpint (png.ppm, ==, 0);
  assert_pixels (path, &png, surface);
  png_clear (&png);
  cairo_surface_destroy (surface);

  /* narrow images, where the rows built over the pixels come closest to
   * the pixels not yet read */
  for (int w = 1; w <= 4; w++)
    {
      surface = draw_noise (w, 9);
      encode (surface, 150, path);
      read_png (path, &png);
      assert_pixels (path, &png, surface);
      png_clear (&png);
      cairo_surface_destroy (surface);
    }
}

/* What the export writes: both pages of the example at 150 dpi, the front
 * at 300 */
static void
test_export_files (void)
{
  g_autofree char *json = impact_test_example_path ("kolkata.json");
  g_autoptr(GFile) gfile = g_file_new_for_path (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (gfile, NULL, NULL, &error);
  g_autofree char *dir = impact_test_make_tmpdir ();
  const double dpis[] = { 150, 300 };

  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (dpis); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/sheet-%.0f.png", dir, dpis[i]);
      g_autoptr(GFile) out = g_file_new_for_path (path);
      g_autoptr(GPtrArray) written = NULL;
      ImpactExportOptions options;

      impact_export_options_init (&options);
      options.format = IMPACT_EXPORT_FORMAT_PNG;
      options.dpi = dpis[i];
      options.page = i == 0 ? 0 : 1;
      g_assert_true (impact_export_document (doc, &options, out, &written, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (written->len, ==, i == 0 ? 2 : 1);
      for (guint k = 0; k < written->len; k++)
        {
          g_autofree char *file = g_file_get_path (g_ptr_array_index (written, k));
          int w = (int) round (8.5 * dpis[i]), h = 11 * dpis[i];
          g_autoptr(GBytes) raw = NULL;
          Png png;

          read_png (file, &png);
          assert_meta (&png, dpis[i]);
          g_assert_cmpint (png.width, ==, w);
          g_assert_cmpint (png.height, ==, h);
          g_assert_cmpint (png.colour_type, ==, 2);
          raw = inflate_all (png.idat, (gsize) h * (1 + 3 * (gsize) w));
          png_clear (&png);
        }
    }
}

/* A write that fails anywhere in the file (a file size limit: EFBIG)
 * fails with the cause, and the target stays as it was */
static void
test_write_failure (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "out.png", NULL);
  g_autofree char *full = g_build_filename (dir, "full.png", NULL);
  cairo_surface_t *surface = draw_noise (301, 400);
  struct rlimit saved, limit;
  GStatBuf st;
  gint64 size;
  /* in the signature, IHDR, the chunks before the data, the data, its
   * last chunk, IEND */
  gint64 limits[] = { 0, 5, 20, 90, 200, 70000, -200, -5, -1 };

  encode (surface, 150, full);
  g_assert_cmpint (g_stat (full, &st), ==, 0);
  size = st.st_size;
  g_file_set_contents (path, "the old file", -1, NULL);

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autoptr(ImpactOutputFile) file = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GDir) listing = NULL;
      cairo_surface_t *scratch;
      gboolean ok;
      guint n = 0;

      limit = saved;
      limit.rlim_cur = limits[i] >= 0 ? limits[i] : size + limits[i];
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      file = impact_output_file_open (path, &error);
      g_assert_no_error (error);
      scratch = copy_surface (surface);
      ok = impact_output_write_png (scratch, 150, file, &error);
      cairo_surface_destroy (scratch);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
      g_assert_false (ok);
      g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
      g_assert_nonnull (strstr (error->message, path));
      g_clear_pointer (&file, impact_output_file_free);

      /* the old file and the complete one, nothing else */
      g_file_get_contents (path, &contents, NULL, NULL);
      g_assert_cmpstr (contents, ==, "the old file");
      listing = g_dir_open (dir, 0, NULL);
      while (g_dir_read_name (listing) != NULL)
        n++;
      g_assert_cmpuint (n, ==, 2);
    }
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/png/sheet-page", test_sheet_page);
  g_test_add_func ("/png/noise", test_noise);
  g_test_add_func ("/png/export-files", test_export_files);
  g_test_add_func ("/png/write-failure", test_write_failure);

  return g_test_run ();
}
