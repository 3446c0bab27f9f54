/* impact-json-file.c: reading JSON files safely, for the scanner
 *
 * Only regular files are read (what a descriptor is, is checked after it is
 * opened without blocking, so a FIFO never blocks and a swap after a check
 * cannot fool it), never more than the size cap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-json-file"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "impact-json-scanner.h"

/* Reading files */

/* @size: how large it is, or -1 when it is still being read */
static void
set_too_large (GError     **error,
               const char  *name,
               gint64       size)
{
  if (size >= 0)
    g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE,
                 "%s: the file is too large (%" G_GINT64_FORMAT " bytes; the limit is %u bytes)",
                 name, size, (guint) IMPACT_JSON_MAX_FILE_SIZE);
  else
    g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE,
                 "%s: the file is too large (the limit is %u bytes)",
                 name, (guint) IMPACT_JSON_MAX_FILE_SIZE);
}

static GBytes *
read_fd (int            fd,
         const char    *name,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  const gsize chunk = 64 * 1024;

  for (;;)
    {
      gsize old_len = buffer->len;
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (old_len > IMPACT_JSON_MAX_FILE_SIZE)
        {
          set_too_large (error, name, -1);
          return NULL;
        }
      g_byte_array_set_size (buffer, (guint) (old_len + chunk));
      do
        n = read (fd, buffer->data + old_len, chunk);
      while (n < 0 && errno == EINTR);
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "%s: cannot read: %s", name, g_strerror (saved));
          return NULL;
        }
      g_byte_array_set_size (buffer, (guint) (old_len + (gsize) n));
      if (n == 0)
        break;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

GBytes *
impact_json_read_file (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *name = NULL;
  const char *path;
  struct stat st;
  GBytes *bytes;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  if (name == NULL)
    name = g_file_get_parse_name (file);
  path = g_file_peek_path (file);
  if (path == NULL)
    {
      /* not a local file (a GVfs location): GIO reads it, still capped */
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GFileInputStream) stream = NULL;
      g_autoptr(GByteArray) buffer = g_byte_array_new ();
      guint8 block[64 * 1024];

      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                                cancellable, error);
      if (info == NULL)
        return NULL;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        {
          g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE,
                       "%s: not a regular file", name);
          return NULL;
        }
      if ((stream = g_file_read (file, cancellable, error)) == NULL)
        return NULL;
      for (;;)
        {
          gsize n = 0;

          if (!g_input_stream_read_all (G_INPUT_STREAM (stream), block, sizeof block, &n,
                                        cancellable, error))
            return NULL;
          g_byte_array_append (buffer, block, (guint) n);
          if (buffer->len > IMPACT_JSON_MAX_FILE_SIZE)
            {
              set_too_large (error, name, -1);
              return NULL;
            }
          if (n < sizeof block)
            break;
        }
      return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
    }

  /* O_NONBLOCK: opening a FIFO must not wait for a writer; what it is is
   * checked on the open descriptor, so a swap after a check cannot fool it */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s: %s", name, g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE,
                   "%s: not a regular file (%s)", name,
                   S_ISDIR (st.st_mode) ? "a folder" :
                   S_ISFIFO (st.st_mode) ? "a pipe" :
                   S_ISCHR (st.st_mode) || S_ISBLK (st.st_mode) ? "a device" : "a special file");
      close (fd);
      return NULL;
    }
  if (st.st_size > IMPACT_JSON_MAX_FILE_SIZE)
    {
      set_too_large (error, name, (gint64) st.st_size);
      close (fd);
      return NULL;
    }
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  bytes = read_fd (fd, name, cancellable, error);
  close (fd);
  return bytes;
}

typedef struct
{
  ImpactDiagnostics *found;
  const char        *name;
} FileReport;

static void
file_report (gpointer        user_data,
             ImpactSeverity  severity,
             ImpactError     code,
             guint           line,
             guint           column,
             const char     *path,
             const char     *message)
{
  FileReport *r = user_data;

  impact_diagnostics_add (r->found, severity, r->name, line, column, path, "%s", message);
}

ImpactSourceMap *
impact_json_scan_file (GFile              *file,
                       ImpactDiagnostics  *diagnostics,
                       GCancellable       *cancellable,
                       GError            **error)
{
  g_autoptr(GBytes) text = NULL;
  g_autoptr(ImpactDiagnostics) found = impact_diagnostics_new ();
  g_autofree char *name = NULL;
  FileReport r;
  ImpactSourceMap *map;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((text = impact_json_read_file (file, cancellable, error)) == NULL)
    return NULL;
  name = g_file_get_basename (file);
  r.found = found;
  r.name = name;
  map = impact_json_scan (text, file_report, &r);
  if (diagnostics != NULL)
    impact_diagnostics_extend (diagnostics, found);
  if (map == NULL)
    {
      g_autofree char *message = impact_diagnostics_to_string (found, IMPACT_SEVERITY_ERROR);

      g_set_error_literal (error, IMPACT_ERROR, IMPACT_ERROR_PARSE,
                           message ? message : "not a JSON file");
    }
  return map;
}
