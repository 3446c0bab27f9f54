/* impact-output-png.c: a cairo image surface as a PNG file, through libdeflate
 *
 * The page is turned into PNG scanlines (the filter byte, then the row's
 * RGB bytes) in the surface's own memory, which libdeflate compresses in
 * a single call
 * into the zlib stream of the IDAT chunks; the chunks around it are
 * written here. libpng cannot be handed a stream already compressed (it
 * deflates the rows itself, through zlib), and a PNG's chunks are a few
 * dozen lines: signature, then length, type, data and CRC-32 each.
 *
 * Measured on the example's two pages at 150 dpi (issue 14): libdeflate's
 * level 1 with no row filter encodes them in 214 M instructions, where
 * libpng with zlib level 3 and the Up filter took 453 M, and the files come
 * out 17 % smaller. Filtering (Up, Sub) made these pages larger at every
 * level: a sheet is flat colour and text, repeated as it is, and a row of
 * differences turns every edge of a letter into two. Only a page that is
 * mostly photograph would do better with Up (a whole page of one: nearly
 * twice the size); the sheet's photo and logo are small. Level 2 and above
 * use another match finder: 5 % smaller, 80 % more instructions. In CPU
 * time the gain is much smaller than in instructions (zlib runs more of
 * them a cycle): level 1 took about as long as zlib at level 3 on a 150-dpi
 * page, level 2 some 10 % less, and at 600 dpi zlib was the fastest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libdeflate.h>
#include <math.h>
#include <string.h>

#include "impact-error.h"
#include "impact-output.h"

#define IMPACT_PNG_LEVEL 1
/* the row filter of every row: 0 = None (see above) */
#define IMPACT_PNG_FILTER 0
/* the compressed stream is cut into IDAT chunks of this size */
#define IDAT_CHUNK_SIZE (256 * 1024)

static void
put_u32 (guchar  *p,
         guint32  v)
{
  p[0] = v >> 24;
  p[1] = v >> 16;
  p[2] = v >> 8;
  p[3] = v;
}

/* One chunk: length, type, data, CRC-32 of type and data. A failed write
 * is kept in the file and reported by finish(). */
static void
write_chunk (ImpactOutputFile *file,
             const char       *type,
             const guchar     *data,
             gsize             length)
{
  guchar head[8], tail[4];
  guint32 crc;

  put_u32 (head, length);
  memcpy (head + 4, type, 4);
  crc = libdeflate_crc32 (0, head + 4, 4);
  if (length > 0)
    crc = libdeflate_crc32 (crc, data, length);
  put_u32 (tail, crc);
  impact_output_file_write (file, head, 8);
  if (length > 0)
    impact_output_file_write (file, data, length);
  impact_output_file_write (file, tail, 4);
}

/* The scanlines of the surface's pixels, each its filter byte (None) and
 * R, G, B, built over the pixels themselves: no second page-sized buffer
 * to fault in and to miss the cache on. The X/alpha byte of cairo's
 * native-endian pixels is dropped. Each row is copied to @row before it is
 * overwritten; the scanlines of rows 0 to y end at (y + 1) × (1 + 3 × width),
 * never past row y + 1's first pixel at (y + 1) × stride, for a stride is
 * at least 4 × width. */
static void
pack_scanlines (guchar  *data,
                int      stride,
                int      width,
                int      height,
                guint32 *row)
{
  guchar *out = data;

  for (int y = 0; y < height; y++)
    {
      memcpy (row, data + (gsize) y * stride, (gsize) width * 4);
      *out++ = IMPACT_PNG_FILTER;
      /* four bytes stored a pixel, three kept: the fourth is overwritten
       * by the next pixel; the row's last pixel is stored in three */
      for (int x = 0; x < width - 1; x++, out += 3)
        {
          /* 0xXXRRGGBB → 0x00BBGGRR, stored little-endian: R, G, B, 0 */
          guint32 v = GUINT32_TO_LE (GUINT32_SWAP_LE_BE (row[x]) >> 8);

          memcpy (out, &v, 4);
        }
      out[0] = row[width - 1] >> 16;
      out[1] = row[width - 1] >> 8;
      out[2] = row[width - 1];
      out += 3;
    }
}

gboolean
impact_output_write_png (cairo_surface_t  *surface,
                         double            dpi,
                         ImpactOutputFile *file,
                         GError          **error)
{
  static const guchar signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  /* sRGB, perceptual, with the gAMA and cHRM libpng wrote with it for
   * readers that predate sRGB: the colours are sRGB */
  static const guchar gama[4] = { 0, 0, 0xb1, 0x8f };           /* 45455 */
  static const guchar srgb[1] = { 0 };                          /* perceptual */
  static const guchar chrm[32] = {
    0, 0, 0x7a, 0x26,  0, 0, 0x80, 0x84,   /* white point 31270, 32900 */
    0, 0, 0xfa, 0x00,  0, 0, 0x80, 0xe8,   /* red 64000, 33000 */
    0, 0, 0x75, 0x30,  0, 0, 0xea, 0x60,   /* green 30000, 60000 */
    0, 0, 0x3a, 0x98,  0, 0, 0x17, 0x70,   /* blue 15000, 6000 */
  };
  static const char software[] = "Software\0Impact Sheet " PACKAGE_VERSION;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  cairo_format_t format = cairo_image_surface_get_format (surface);
  guchar *data;
  struct libdeflate_compressor *compressor = NULL;
  guint32 *row = NULL;
  guchar *packed = NULL;
  gsize n_lines = 0, bound = 0, n_packed;
  guchar ihdr[13];

  g_return_val_if_fail (format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32, FALSE);

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  if (data != NULL && width > 0 && height > 0 && stride >= width * 4 &&
      g_size_checked_mul (&n_lines, 1 + (gsize) width * 3, height))
    row = g_try_malloc ((gsize) width * 4);
  if (row != NULL)
    compressor = libdeflate_alloc_compressor (IMPACT_PNG_LEVEL);
  if (compressor != NULL)
    {
      /* as large as the stream could be; only what is written of it is
       * ever touched, a few per cent for a sheet */
      bound = libdeflate_zlib_compress_bound (compressor, n_lines);
      packed = g_try_malloc (bound);
    }
  if (packed == NULL)
    {
      if (compressor != NULL)
        libdeflate_free_compressor (compressor);
      g_free (row);
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE,
                   "not enough memory for a %d × %d image", width, height);
      return FALSE;
    }

  pack_scanlines (data, stride, width, height, row);
  /* the pixels are gone: whatever cairo kept of them too */
  cairo_surface_mark_dirty (surface);
  g_free (row);
  n_packed = libdeflate_zlib_compress (compressor, data, n_lines, packed, bound);
  libdeflate_free_compressor (compressor);
  if (n_packed == 0)
    {
      /* cannot happen: the buffer is as large as the bound */
      g_free (packed);
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                   "cannot write “%s”: the PNG encoder failed", impact_output_file_get_target (file));
      return FALSE;
    }

  impact_output_file_write (file, signature, sizeof signature);
  put_u32 (ihdr, width);
  put_u32 (ihdr + 4, height);
  ihdr[8] = 8;      /* bits a sample */
  ihdr[9] = 2;      /* colour type: RGB */
  ihdr[10] = 0;     /* deflate */
  ihdr[11] = 0;     /* the five row filters */
  ihdr[12] = 0;     /* not interlaced */
  write_chunk (file, "IHDR", ihdr, sizeof ihdr);
  write_chunk (file, "gAMA", gama, sizeof gama);
  write_chunk (file, "sRGB", srgb, sizeof srgb);
  write_chunk (file, "cHRM", chrm, sizeof chrm);
  if (dpi > 0)
    {
      /* pixels per metre, as gdk-pixbuf wrote it: the file prints at its size */
      guint32 ppm = (guint32) (round (dpi) / 0.0254 + 0.5);
      guchar phys[9];

      put_u32 (phys, ppm);
      put_u32 (phys + 4, ppm);
      phys[8] = 1;  /* the unit is the metre */
      write_chunk (file, "pHYs", phys, sizeof phys);
    }
  write_chunk (file, "tEXt", (const guchar *) software, sizeof software - 1);
  for (gsize done = 0; done < n_packed; done += IDAT_CHUNK_SIZE)
    write_chunk (file, "IDAT", packed + done, MIN (IDAT_CHUNK_SIZE, n_packed - done));
  write_chunk (file, "IEND", NULL, 0);
  g_free (packed);

  /* reports a failed write with its cause */
  return impact_output_file_finish (file, error);
}
