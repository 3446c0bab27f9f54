/* impact-image.c: reads the logo and the photo, bounded in memory and time
 *
 * Why a child process: a PNG or JPEG header tells the size before any pixel
 * is decoded, so those can be refused cheaply; an SVG cannot, because
 * librsvg (behind the gdk-pixbuf loader) parses and renders the whole file
 * before it reports a size, and nested <use> or entity references make that
 * exponential. A pre-scan of the SVG text would have to re-implement XML
 * (entities, DTDs, gzip) to be sound. Decoding in a forked child under
 * RLIMIT_CPU, RLIMIT_AS and a wall-clock deadline bounds every format, and
 * whatever goes wrong in a decoder (a crash too) stays in the child. The
 * child only decodes, writes the pixels to a pipe and _exit()s; the parent
 * loads the gdk-pixbuf modules and types before forking so the child starts
 * from initialised state, and a child that hangs on a lock held by another
 * thread at fork time is killed at the deadline like a slow one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* memmem */
#define G_LOG_DOMAIN "impact-image"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>

#include <glib.h>

#ifdef G_OS_UNIX
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

#include "impact-error.h"
#include "impact-image.h"

#if defined(__SANITIZE_ADDRESS__)
#define IMPACT_IMAGE_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define IMPACT_IMAGE_SANITIZED 1
#endif
#endif

#define CACHE_MAX_ENTRIES 32
#define MAX_PAYLOAD ((gsize) 256 * 1024 * 1024)
#define RESULT_MAGIC 0x494d4731u  /* "IMG1" */

typedef enum
{
  FORMAT_OTHER,   /* a raster format gdk-pixbuf may know */
  FORMAT_PNG,
  FORMAT_JPEG,
  FORMAT_GIF,
  FORMAT_SVG,
} Format;

/* What the child writes before the payload (pixels, or an error message) */
typedef struct
{
  guint32 magic;
  gint32  ok;
  gint32  code;        /* IMPACT_ERROR_* when !ok */
  gint32  source_width;
  gint32  source_height;
  gint32  width;
  gint32  height;
  gint32  rowstride;
  gint32  has_alpha;
  gint32  vector;
  gint32  damaged;
  guint32 payload_len;
} ResultHeader;

typedef struct
{
  int      box_width;
  int      box_height;
  gboolean vector;
  gboolean too_large;
  int      source_width;
  int      source_height;
} SizeRequest;

typedef struct
{
  GdkPixbuf      *pixbuf;  /* NULL on failure */
  ImpactImageInfo info;
  GError         *error;
} CacheEntry;

static GMutex cache_lock;
static GHashTable *cache;     /* char* key → CacheEntry* */
static double time_limit = IMPACT_IMAGE_TIME_LIMIT;

/* Helpers */

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  g_clear_object (&entry->pixbuf);
  g_clear_error (&entry->error);
  g_free (entry);
}

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static Format
sniff_format (const guchar *data,
              gsize         len)
{
  static const guchar png_magic[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *head = NULL;

  if (len >= 8 && memcmp (data, png_magic, 8) == 0)
    return FORMAT_PNG;
  if (len >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return FORMAT_JPEG;
  if (len >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    return FORMAT_GIF;
  /* gzip: only the SVG loader reads compressed files (.svgz) */
  if (len >= 2 && data[0] == 0x1f && data[1] == 0x8b)
    return FORMAT_SVG;
  head = g_strndup ((const char *) data, MIN (len, 4096));
  if (strstr (head, "<svg") != NULL || strstr (head, "<?xml") != NULL || strstr (head, "<!DOCTYPE svg") != NULL)
    return FORMAT_SVG;
  return FORMAT_OTHER;
}

/* A PNG is complete when its chunks run, each whole, up to IEND. */
static gboolean
png_is_complete (const guchar *data,
                 gsize         len)
{
  gsize i = 8;

  while (i + 12 <= len)
    {
      guint32 chunk = read_be32 (data + i);

      if (chunk > len - i - 12)
        return FALSE;
      if (memcmp (data + i + 4, "IEND", 4) == 0)
        return TRUE;
      i += 12 + (gsize) chunk;
    }
  return FALSE;
}

/* A JPEG is complete when its segments and scans run up to the EOI marker. */
static gboolean
jpeg_is_complete (const guchar *data,
                  gsize         len)
{
  gsize i = 2;

  while (i + 2 <= len)
    {
      guchar marker;
      gsize seg;

      if (data[i] != 0xff)
        return FALSE;
      marker = data[i + 1];
      if (marker == 0xff)
        {
          i++;
          continue;
        }
      if (marker == 0xd9)
        return TRUE;
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        {
          i += 2;
          continue;
        }
      if (i + 4 > len)
        return FALSE;
      seg = ((gsize) data[i + 2] << 8) | data[i + 3];
      if (seg < 2 || seg > len - i - 2)
        return FALSE;
      i += 2 + seg;
      if (marker == 0xda)
        {
          /* entropy-coded data up to the next marker that is not a stuffed
           * zero, a restart or a fill byte */
          while (i + 1 < len &&
                 !(data[i] == 0xff && data[i + 1] != 0x00 && data[i + 1] != 0xff &&
                   !(data[i + 1] >= 0xd0 && data[i + 1] <= 0xd7)))
            i++;
          if (i + 1 >= len)
            return FALSE;
        }
    }
  return FALSE;
}

/* The size a PNG, JPEG or GIF header declares, without decoding; FALSE
 * when the header is not there (or the format has none we read). */
static gboolean
declared_size (Format        format,
               const guchar *data,
               gsize         len,
               int          *width,
               int          *height)
{
  if (format == FORMAT_PNG)
    {
      if (len < 24 || memcmp (data + 12, "IHDR", 4) != 0)
        return FALSE;
      *width = (int) MIN (read_be32 (data + 16), (guint32) G_MAXINT);
      *height = (int) MIN (read_be32 (data + 20), (guint32) G_MAXINT);
      return TRUE;
    }
  if (format == FORMAT_JPEG)
    {
      gsize i = 2;

      /* the segments before the first scan, up to a start of frame */
      while (i + 4 <= len)
        {
          guchar marker;
          gsize seg;

          if (data[i] != 0xff)
            return FALSE;
          marker = data[i + 1];
          if (marker == 0xff)
            {
              i++;
              continue;
            }
          if (marker == 0xda || marker == 0xd9)
            return FALSE;
          seg = ((gsize) data[i + 2] << 8) | data[i + 3];
          if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
            {
              if (seg < 7 || i + 9 > len)
                return FALSE;
              *height = ((int) data[i + 5] << 8) | data[i + 6];
              *width = ((int) data[i + 7] << 8) | data[i + 8];
              return TRUE;
            }
          if (seg < 2)
            return FALSE;
          i += 2 + seg;
        }
      return FALSE;
    }
  if (format == FORMAT_GIF)
    {
      if (len < 10)
        return FALSE;
      *width = data[6] | (data[7] << 8);
      *height = data[8] | (data[9] << 8);
      return TRUE;
    }
  return FALSE;
}

/* What can be refused from the bytes alone, before any decoder runs: an
 * SVG over its file cap, a PNG or JPEG without a whole header, a declared
 * size over the caps. Checked in this process, so that a forged header
 * costs neither a child nor a pixel buffer, and again in the child. */
static gboolean
check_declared (const guchar  *data,
                gsize          len,
                GError       **error)
{
  Format format = sniff_format (data, len);
  int width = 0, height = 0;

  if (format == FORMAT_SVG && len > IMPACT_IMAGE_MAX_SVG_FILE)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE,
                   "the SVG file is larger than %d MiB", IMPACT_IMAGE_MAX_SVG_FILE / (1024 * 1024));
      return FALSE;
    }
  if (!declared_size (format, data, len, &width, &height))
    {
      /* a PNG or JPEG always has one; GIF and SVG are bounded otherwise */
      if (format == FORMAT_PNG || format == FORMAT_JPEG)
        {
          g_set_error_literal (error, IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE,
                               "the image is truncated or damaged: its header is incomplete");
          return FALSE;
        }
      return TRUE;
    }
  if ((width > IMPACT_IMAGE_MAX_SIDE || height > IMPACT_IMAGE_MAX_SIDE ||
       (gint64) width * height > IMPACT_IMAGE_MAX_PIXELS))
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE,
                   "the image claims %d × %d pixels, more than the %d megapixels "
                   "(or %d pixels a side) that can be read; use a smaller copy",
                   width, height, IMPACT_IMAGE_MAX_PIXELS / 1000000, IMPACT_IMAGE_MAX_SIDE);
      return FALSE;
    }
  return TRUE;
}

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  SizeRequest *req = user_data;
  double s, w, h;

  req->source_width = width;
  req->source_height = height;
  if (width <= 0 || height <= 0 ||
      (!req->vector && ((gint64) width * height > IMPACT_IMAGE_MAX_PIXELS ||
                        width > IMPACT_IMAGE_MAX_SIDE || height > IMPACT_IMAGE_MAX_SIDE)))
    {
      req->too_large = TRUE;
      gdk_pixbuf_loader_set_size (loader, 1, 1);
      return;
    }
  /* cover, not contain: the image is cropped to its box; a raster image is
   * never enlarged, a vector one is drawn at the printed size */
  s = MAX ((double) req->box_width / width, (double) req->box_height / height);
  if (!req->vector)
    s = MIN (1.0, s);
  w = CLAMP (round (width * s), 1, IMPACT_IMAGE_MAX_SIDE);
  h = CLAMP (round (height * s), 1, IMPACT_IMAGE_MAX_SIDE);
  gdk_pixbuf_loader_set_size (loader, (int) w, (int) h);
}

/* Reads the declared size, refuses it above the caps, then decodes at the
 * box size. Runs in the child (or in process when no child can be made). */
static GdkPixbuf *
decode_data (const guchar    *data,
             gsize            len,
             int              box_width,
             int              box_height,
             ImpactImageInfo *info,
             GError         **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local = NULL;
  SizeRequest req = { box_width, box_height, FALSE, FALSE, 0, 0 };
  Format format = sniff_format (data, len);
  GdkPixbuf *pixbuf;

  req.vector = format == FORMAT_SVG;
  if (!check_declared (data, len, error))
    return NULL;

  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &req);
  for (gsize off = 0; off < len && !req.too_large && local == NULL; off += 65536)
    gdk_pixbuf_loader_write (loader, data + off, MIN (65536, len - off), &local);
  if (!gdk_pixbuf_loader_close (loader, local ? NULL : &local) && local == NULL)
    g_set_error_literal (&local, IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE, "the image cannot be decoded");
  if (req.too_large)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE,
                   "the image claims %d × %d pixels, more than the %d megapixels "
                   "(or %d pixels a side) that can be read; use a smaller copy",
                   req.source_width, req.source_height,
                   IMPACT_IMAGE_MAX_PIXELS / 1000000, IMPACT_IMAGE_MAX_SIDE);
      return NULL;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE, "%s",
                   local ? local->message : "the file holds no image data");
      return NULL;
    }

  info->vector = req.vector;
  info->source_width = req.vector ? gdk_pixbuf_get_width (pixbuf) : req.source_width;
  info->source_height = req.vector ? gdk_pixbuf_get_height (pixbuf) : req.source_height;
  /* gdk-pixbuf fills a cut PNG or JPEG with grey and reports success */
  info->damaged = local != NULL ||
                  (format == FORMAT_PNG && !png_is_complete (data, len)) ||
                  (format == FORMAT_JPEG && !jpeg_is_complete (data, len));
  return g_object_ref (pixbuf);
}

#ifdef G_OS_UNIX

static gboolean
write_all (int           fd,
           const guchar *data,
           gsize         len)
{
  while (len > 0)
    {
      ssize_t n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      len -= n;
    }
  return TRUE;
}

static gsize
mapped_bytes (void)
{
  g_autofree char *statm = NULL;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    return 0;
  return (gsize) g_ascii_strtoull (statm, NULL, 10) * (gsize) sysconf (_SC_PAGESIZE);
}

static void
limit_child (double seconds)
{
  struct rlimit rl = { 0, 0 };
  rlim_t cpu = (rlim_t) ceil (seconds);

  setrlimit (RLIMIT_CORE, &rl);
  signal (SIGXCPU, SIG_DFL);
  signal (SIGPIPE, SIG_DFL);
  rl.rlim_cur = cpu;
  rl.rlim_max = cpu + 1;
  setrlimit (RLIMIT_CPU, &rl);
#ifndef IMPACT_IMAGE_SANITIZED
  /* the sanitizers reserve terabytes of shadow memory: no RLIMIT_AS there */
  if (getrlimit (RLIMIT_AS, &rl) == 0)
    {
      gsize mapped = mapped_bytes ();

      if (mapped > 0)
        {
          rlim_t want = (rlim_t) (mapped + IMPACT_IMAGE_MEMORY_BUDGET);

          if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > want)
            rl.rlim_cur = want;
          setrlimit (RLIMIT_AS, &rl);
        }
    }
#endif
}

static G_NORETURN void
child_main (int           fd,
            const guchar *data,
            gsize         len,
            int           box_width,
            int         box_height,
            double      seconds)
{
  g_autoptr(GError) error = NULL;
  ResultHeader header = { RESULT_MAGIC, 0 };
  ImpactImageInfo info = { 0 };
  GdkPixbuf *pixbuf;

  limit_child (seconds);
  pixbuf = decode_data (data, len, box_width, box_height, &info, &error);
  if (pixbuf == NULL)
    {
      header.code = error->code;
      header.payload_len = strlen (error->message);
      write_all (fd, (const guchar *) &header, sizeof header);
      write_all (fd, (const guchar *) error->message, header.payload_len);
      _exit (0);
    }
  /* always 8-bit RGB or RGBA: what gdk_pixbuf_new_from_bytes accepts */
  header.ok = 1;
  header.source_width = info.source_width;
  header.source_height = info.source_height;
  header.vector = info.vector;
  header.damaged = info.damaged;
  header.width = gdk_pixbuf_get_width (pixbuf);
  header.height = gdk_pixbuf_get_height (pixbuf);
  header.rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  header.has_alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  header.payload_len = (guint32) gdk_pixbuf_get_byte_length (pixbuf);
  if (!write_all (fd, (const guchar *) &header, sizeof header) ||
      !write_all (fd, gdk_pixbuf_read_pixels (pixbuf), header.payload_len))
    _exit (1);
  _exit (0);
}

static void
prepare_fork_once (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* the module list and the loader type, made once in the parent */
      g_slist_free (gdk_pixbuf_get_formats ());
      g_type_ensure (GDK_TYPE_PIXBUF_LOADER);
      g_type_ensure (GDK_TYPE_PIXBUF);
      g_once_init_leave (&done, 1);
    }
}

/* Returns FALSE with *forked = FALSE when no child could be made. */
static GdkPixbuf *
decode_in_child (const guchar    *data,
                 gsize            len,
                 int              box_width,
                 int              box_height,
                 ImpactImageInfo *info,
                 gboolean        *forked,
                 GError         **error)
{
  static GMutex fork_lock;
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  g_autoptr(GBytes) pixels = NULL;
  double seconds = time_limit;
  gint64 deadline;
  gboolean timed_out = FALSE, overflow = FALSE;
  ResultHeader header;
  int fds[2], status = 0;
  pid_t pid;

  *forked = FALSE;
  if (!check_declared (data, len, error))
    {
      /* refused here: no child is needed to know */
      *forked = TRUE;
      return NULL;
    }
  prepare_fork_once ();
  /* from the pipe to closing its write end: a child forked meanwhile by
   * another thread would inherit that end and hold our read open */
  g_mutex_lock (&fork_lock);
  if (pipe (fds) != 0)
    {
      g_mutex_unlock (&fork_lock);
      return NULL;
    }
  fcntl (fds[0], F_SETFD, FD_CLOEXEC);
  fcntl (fds[1], F_SETFD, FD_CLOEXEC);
  pid = fork ();
  if (pid == 0)
    {
      close (fds[0]);
      child_main (fds[1], data, len, box_width, box_height, seconds);
    }
  close (fds[1]);
  g_mutex_unlock (&fork_lock);
  if (pid < 0)
    {
      close (fds[0]);
      return NULL;
    }
  *forked = TRUE;

  deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  for (;;)
    {
      struct pollfd pfd = { fds[0], POLLIN, 0 };
      gint64 left = deadline - g_get_monotonic_time ();
      guchar chunk[65536];
      ssize_t n;
      int r;

      if (left <= 0)
        {
          timed_out = TRUE;
          break;
        }
      r = poll (&pfd, 1, (int) MIN (left / 1000 + 1, G_MAXINT));
      if (r < 0 && errno != EINTR)
        break;
      if (r <= 0)
        continue;
      n = read (fds[0], chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_byte_array_append (buf, chunk, n);
      if (buf->len > sizeof header + MAX_PAYLOAD)
        {
          overflow = TRUE;
          break;
        }
    }
  close (fds[0]);
  if (timed_out || overflow)
    kill (pid, SIGKILL);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;

  if (timed_out || (WIFSIGNALED (status) && WTERMSIG (status) == SIGXCPU))
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE,
                   "decoding it takes more than %g seconds; the file may be built to "
                   "exhaust the reader (an SVG nesting <use>): simplify it or use a PNG",
                   seconds);
      return NULL;
    }
  if (buf->len < sizeof header)
    {
      if (WIFSIGNALED (status) || (WIFEXITED (status) && WEXITSTATUS (status) != 0))
        g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE,
                     "decoding it needs more than %" G_GSIZE_FORMAT " MiB of memory or "
                     "failed (%s %d); use a smaller copy",
                     IMPACT_IMAGE_MEMORY_BUDGET / (1024 * 1024),
                     WIFSIGNALED (status) ? "signal" : "status",
                     WIFSIGNALED (status) ? WTERMSIG (status) : WEXITSTATUS (status));
      else
        g_set_error_literal (error, IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE,
                             "the image reader gave no result");
      return NULL;
    }
  memcpy (&header, buf->data, sizeof header);
  if (header.magic != RESULT_MAGIC || header.payload_len != buf->len - sizeof header)
    {
      g_set_error_literal (error, IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE,
                           "the image reader stopped before the end (out of memory?)");
      return NULL;
    }
  if (!header.ok)
    {
      g_autofree char *message = g_strndup ((const char *) buf->data + sizeof header, header.payload_len);

      g_set_error_literal (error, IMPACT_ERROR,
                           header.code == IMPACT_ERROR_TOO_LARGE ? IMPACT_ERROR_TOO_LARGE
                                                                 : IMPACT_ERROR_INVALID_VALUE,
                           message);
      return NULL;
    }
  if (header.width <= 0 || header.height <= 0 || header.width > IMPACT_IMAGE_MAX_SIDE ||
      header.height > IMPACT_IMAGE_MAX_SIDE ||
      header.rowstride < header.width * (header.has_alpha ? 4 : 3) ||
      (guint64) header.rowstride * (header.height - 1) +
        (guint64) header.width * (header.has_alpha ? 4 : 3) > header.payload_len)
    {
      g_set_error_literal (error, IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE,
                           "the image reader gave inconsistent pixels");
      return NULL;
    }

  info->source_width = header.source_width;
  info->source_height = header.source_height;
  info->vector = header.vector;
  info->damaged = header.damaged;
  {
    g_autoptr(GBytes) all = g_byte_array_free_to_bytes (g_steal_pointer (&buf));

    pixels = g_bytes_new_from_bytes (all, sizeof header, header.payload_len);
  }
  return gdk_pixbuf_new_from_bytes (pixels, GDK_COLORSPACE_RGB, header.has_alpha, 8,
                                    header.width, header.height, header.rowstride);
}

#endif /* G_OS_UNIX */

static GdkPixbuf *
decode (const guchar    *data,
        gsize            len,
        int              box_width,
        int              box_height,
        ImpactImageInfo *info,
        GError         **error)
{
#ifdef G_OS_UNIX
  gboolean forked = FALSE;
  GdkPixbuf *pixbuf = decode_in_child (data, len, box_width, box_height, info, &forked, error);

  if (forked)
    return pixbuf;
#endif
  /* no child: PNG and JPEG are still bounded by the header check and the
   * scaled decode; an SVG is not, so it is refused */
  if (sniff_format (data, len) == FORMAT_SVG)
    {
      g_set_error_literal (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE,
                           "an SVG cannot be read safely here (no process could be started for it)");
      return NULL;
    }
  return decode_data (data, len, box_width, box_height, info, error);
}

/* Public API */

GdkPixbuf *
impact_image_load (GFile           *file,
                   int              box_width,
                   int              box_height,
                   ImpactImageInfo *info,
                   GError         **error)
{
  g_autoptr(GFileInfo) finfo = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *key = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;
  ImpactImageInfo result = { 0 };
  CacheEntry *entry;
  GdkPixbuf *pixbuf;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  box_width = CLAMP (box_width, 1, IMPACT_IMAGE_MAX_SIDE);
  box_height = CLAMP (box_height, 1, IMPACT_IMAGE_MAX_SIDE);

  /* only regular files of a sane size: a FIFO or a device would block the
   * read forever, a huge file would be read whole */
  finfo = g_file_query_info (file,
                             G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                             G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                             G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                             G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                             G_FILE_QUERY_INFO_NONE, NULL, error);
  if (finfo == NULL)
    return NULL;
  if (g_file_info_get_file_type (finfo) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "not a regular file");
      return NULL;
    }
  if (g_file_info_get_size (finfo) > IMPACT_IMAGE_MAX_FILE)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE, "the file is larger than %d MiB",
                   IMPACT_IMAGE_MAX_FILE / (1024 * 1024));
      return NULL;
    }
  uri = g_file_get_uri (file);
  key = g_strdup_printf ("%s\n%" G_GUINT64_FORMAT ".%u\n%" G_GOFFSET_FORMAT "\n%d×%d", uri,
                         g_file_info_get_attribute_uint64 (finfo, G_FILE_ATTRIBUTE_TIME_MODIFIED),
                         g_file_info_get_attribute_uint32 (finfo, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC),
                         g_file_info_get_size (finfo), box_width, box_height);
  g_mutex_lock (&cache_lock);
  entry = cache ? g_hash_table_lookup (cache, key) : NULL;
  if (entry != NULL)
    {
      pixbuf = entry->pixbuf ? g_object_ref (entry->pixbuf) : NULL;
      if (pixbuf == NULL)
        g_propagate_error (error, g_error_copy (entry->error));
      else if (info != NULL)
        *info = entry->info;
      g_mutex_unlock (&cache_lock);
      return pixbuf;
    }
  g_mutex_unlock (&cache_lock);

  if (g_file_load_contents (file, NULL, &data, &len, NULL, &local))
    pixbuf = decode ((const guchar *) data, MIN (len, (gsize) IMPACT_IMAGE_MAX_FILE),
                     box_width, box_height, &result, &local);
  else
    pixbuf = NULL;
  if (pixbuf != NULL)
    {
      g_object_set_data (G_OBJECT (pixbuf), "impact-source-width", GINT_TO_POINTER (result.source_width));
      g_object_set_data (G_OBJECT (pixbuf), "impact-source-height", GINT_TO_POINTER (result.source_height));
      /* a JPEG keeps its file when that is smaller than the pixels at
       * the printed size, so that a PDF embeds it as it is (DCT) instead
       * of a larger Flate copy of the pixels; not an Adobe (APP14) one,
       * whose inverted CMYK cairo would copy as it is */
      if (sniff_format ((const guchar *) data, len) == FORMAT_JPEG && !result.damaged &&
          result.source_width > 0 && result.source_height > 0 &&
          len < (gsize) gdk_pixbuf_get_width (pixbuf) * gdk_pixbuf_get_height (pixbuf) * 3 &&
          memmem (data, MIN (len, (gsize) 65536), "Adobe", 5) == NULL)
        g_object_set_data_full (G_OBJECT (pixbuf), "impact-source-jpeg",
                                g_bytes_new (data, len), (GDestroyNotify) g_bytes_unref);
    }

  entry = g_new0 (CacheEntry, 1);
  entry->pixbuf = pixbuf ? g_object_ref (pixbuf) : NULL;
  entry->info = result;
  entry->error = local ? g_error_copy (local) : NULL;
  g_mutex_lock (&cache_lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cache_entry_free);
  if (g_hash_table_size (cache) >= CACHE_MAX_ENTRIES)
    g_hash_table_remove_all (cache);
  g_hash_table_replace (cache, g_steal_pointer (&key), entry);
  g_mutex_unlock (&cache_lock);

  if (pixbuf == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (info != NULL)
    *info = result;
  return pixbuf;
}

void
impact_image_set_time_limit (double seconds)
{
  time_limit = seconds > 0 ? seconds : IMPACT_IMAGE_TIME_LIMIT;
  impact_image_cache_clear ();
}

void
impact_image_cache_clear (void)
{
  g_mutex_lock (&cache_lock);
  if (cache != NULL)
    g_hash_table_remove_all (cache);
  g_mutex_unlock (&cache_lock);
}
