/* impact-output-png.c: a cairo image surface as a PNG file, through libpng
 *
 * libpng's default is to try every row filter on every row and keep the
 * one that compresses best: most of the encoding time for a page of flat
 * colours and text. One fixed filter (Up: each row as the difference from
 * the row above, which is zero down most of a page) costs a few per cent
 * of file size and saves most of that time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <png.h>
#include <setjmp.h>

#include "impact-error.h"
#include "impact-output.h"

#ifndef IMPACT_PNG_FILTER
#define IMPACT_PNG_FILTER PNG_FILTER_UP
#endif
#define IMPACT_PNG_LEVEL 3

/* A failed write is kept in the file and reported by finish(): libpng is
 * let run to the end rather than jumped out of. */
static void
write_cb (png_structp png,
          png_bytep   data,
          png_size_t  length)
{
  impact_output_file_write (png_get_io_ptr (png), data, length);
}

static void
flush_cb (png_structp png)
{
}

typedef struct
{
  png_structp png;
  png_infop   info;
  guchar     *row;
} Encoder;

static void
encoder_clear (Encoder *enc)
{
  if (enc->png != NULL)
    png_destroy_write_struct (&enc->png, enc->info != NULL ? &enc->info : NULL);
  g_free (enc->row);
}

gboolean
impact_output_write_png (cairo_surface_t  *surface,
                         double            dpi,
                         ImpactOutputFile *file,
                         GError          **error)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int src_stride = cairo_image_surface_get_stride (surface);
  const guchar *src;
  /* volatile: read after a longjmp back into this frame */
  Encoder * volatile enc = g_new0 (Encoder, 1);
  png_text text = { 0 };

  cairo_surface_flush (surface);
  src = cairo_image_surface_get_data (surface);
  enc->row = g_try_malloc ((gsize) width * 3);
  enc->png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  if (enc->png != NULL)
    enc->info = png_create_info_struct (enc->png);
  if (src == NULL || enc->row == NULL || enc->info == NULL)
    {
      encoder_clear (enc);
      g_free (enc);
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE,
                   "not enough memory for a %d × %d image", width, height);
      return FALSE;
    }
  if (setjmp (png_jmpbuf (enc->png)))
    {
      /* libpng failed itself (out of memory) */
      encoder_clear (enc);
      g_free (enc);
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                   "cannot write “%s”: the PNG encoder failed", impact_output_file_get_target (file));
      return FALSE;
    }

  png_set_write_fn (enc->png, file, write_cb, flush_cb);
  png_set_compression_level (enc->png, IMPACT_PNG_LEVEL);
  png_set_filter (enc->png, PNG_FILTER_TYPE_BASE, IMPACT_PNG_FILTER);
  png_set_IHDR (enc->png, enc->info, width, height, 8, PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
  if (dpi > 0)
    {
      /* pixels per metre, as gdk-pixbuf wrote it: the file prints at its size */
      png_uint_32 ppm = (png_uint_32) (round (dpi) / 0.0254 + 0.5);

      png_set_pHYs (enc->png, enc->info, ppm, ppm, PNG_RESOLUTION_METER);
    }
  text.compression = PNG_TEXT_COMPRESSION_NONE;
  text.key = (char *) "Software";
  text.text = (char *) "Impact Sheet " PACKAGE_VERSION;
  png_set_text (enc->png, enc->info, &text, 1);
  /* the colours are sRGB: an sRGB chunk (with the gAMA and cHRM libpng
   * adds for older readers) says so */
  png_set_sRGB_gAMA_and_cHRM (enc->png, enc->info, PNG_sRGB_INTENT_PERCEPTUAL);
  png_write_info (enc->png, enc->info);

  for (int y = 0; y < height; y++)
    {
      const guint32 *s = (const guint32 *) (src + (gsize) y * src_stride);
      guchar *d = enc->row;

      for (int x = 0; x < width; x++, d += 3)
        {
          d[0] = (s[x] >> 16) & 0xff;
          d[1] = (s[x] >> 8) & 0xff;
          d[2] = s[x] & 0xff;
        }
      png_write_row (enc->png, enc->row);
    }
  png_write_end (enc->png, enc->info);
  encoder_clear (enc);
  g_free (enc);

  /* reports a failed write with its cause */
  return impact_output_file_finish (file, error);
}
