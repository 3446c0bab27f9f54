/* impact-output.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "impact-error.h"
#include "impact-output.h"

char *
impact_output_temp_path (const char  *target,
                         GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  int fd = g_mkstemp_full (tmpl, O_RDWR, 0644);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                   "cannot write in “%s”: %s", dir, g_strerror (saved));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&tmpl);
}

gboolean
impact_output_commit (const char  *tmp,
                      const char  *target,
                      GError     **error)
{
  if (g_rename (tmp, target) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                   "cannot replace “%s”: %s", target, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
impact_output_write_png (cairo_surface_t  *surface,
                         double            dpi,
                         const char       *path,
                         const char       *target,
                         GError          **error)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int src_stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dpi_text = g_strdup_printf ("%d", (int) round (dpi));
  const guchar *src;
  gboolean saved;

  cairo_surface_flush (surface);
  src = cairo_image_surface_get_data (surface);
  pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  if (pixbuf == NULL || src == NULL)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE,
                   "not enough memory for a %d × %d image", width, height);
      return FALSE;
    }
  for (int y = 0; y < height; y++)
    {
      const guint32 *s = (const guint32 *) (src + (gsize) y * src_stride);
      guchar *d = gdk_pixbuf_get_pixels (pixbuf) + (gsize) y * gdk_pixbuf_get_rowstride (pixbuf);

      for (int x = 0; x < width; x++, d += 3)
        {
          d[0] = (s[x] >> 16) & 0xff;
          d[1] = (s[x] >> 8) & 0xff;
          d[2] = s[x] & 0xff;
        }
    }
  if (dpi > 0)
    saved = gdk_pixbuf_save (pixbuf, path, "png", &local_error,
                             "compression", "3",
                             "x-dpi", dpi_text, "y-dpi", dpi_text,
                             "tEXt::Software", "Impact Sheet " PACKAGE_VERSION,
                             NULL);
  else
    saved = gdk_pixbuf_save (pixbuf, path, "png", &local_error,
                             "compression", "3",
                             "tEXt::Software", "Impact Sheet " PACKAGE_VERSION,
                             NULL);
  if (!saved)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                   "cannot write “%s”: %s", target, local_error->message);
      return FALSE;
    }
  return TRUE;
}
