/* impact-image.h: reads the logo and the photo, bounded in memory and time
 *
 * An image file is untrusted input: a few bytes can claim billions of pixels
 * and an SVG can ask for exponential work. impact_image_load () first reads
 * only the declared size (the header of a PNG or JPEG) and refuses it above
 * the caps; it then decodes at the size the sheet prints, in a forked child
 * with a CPU, memory and wall-clock limit, and gets the pixels back through a
 * pipe. Results (failures too) are cached per file, modification time, file
 * size and target size, so laying the sheet out again does not decode again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Caps on what an image may declare or cost */
#define IMPACT_IMAGE_MAX_PIXELS   (48 * 1000 * 1000)
#define IMPACT_IMAGE_MAX_SIDE     20000
#define IMPACT_IMAGE_MAX_FILE     (64 * 1024 * 1024)
#define IMPACT_IMAGE_MAX_SVG_FILE (4 * 1024 * 1024)
/* Memory the decoding child may use beyond what the process already maps */
#define IMPACT_IMAGE_MEMORY_BUDGET ((gsize) 768 * 1024 * 1024)
/* Default wall-clock and CPU limit of one decode, in seconds */
#define IMPACT_IMAGE_TIME_LIMIT   5.0

typedef struct
{
  int      source_width;   /* the file's size in pixels (SVG: the rendered size) */
  int      source_height;
  gboolean vector;         /* an SVG: sharp at any size */
  gboolean damaged;        /* truncated or damaged: part of the image is missing */
} ImpactImageInfo;

/* Decodes @file to cover a box of @box_width × @box_height pixels (never
 * larger than the file). Returns a new reference or NULL with @error set
 * (IMPACT_ERROR_TOO_LARGE for a cap, IMPACT_ERROR_INVALID_VALUE for data
 * that cannot be decoded, a G_IO_ERROR for a file that cannot be read).
 * @info, when not NULL, is filled on success. The returned pixbuf also
 * carries "impact-source-width" and "impact-source-height" as object data,
 * and a JPEG whose file is smaller than these pixels its file as
 * "impact-source-jpeg" (GBytes), for PDF output to embed unchanged. */
GdkPixbuf *impact_image_load            (GFile           *file,
                                         int              box_width,
                                         int              box_height,
                                         ImpactImageInfo *info,
                                         GError         **error);

/* Changes the time limit of a decode (for tests; <= 0 restores the default). */
void       impact_image_set_time_limit  (double           seconds);

/* Forgets every cached image. */
void       impact_image_cache_clear     (void);

G_END_DECLS
