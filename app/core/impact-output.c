/* impact-output.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "impact-error.h"
#include "impact-output.h"

/* The registry of live temporary files. A signal handler may read it at
 * any moment, so it is a fixed array of pointers changed only by atomic
 * stores: a path is fully built before it is published and unpublished
 * before it is freed. The handler only calls unlink(), which is
 * async-signal-safe. More live files than slots are not tracked (a set of
 * a thousand PNG pages). */
#define N_LIVE_SLOTS 1024

static char *live_slots[N_LIVE_SLOTS];

struct _ImpactOutputFile
{
  char    *target;     /* as given */
  char    *real;       /* what is replaced: @target with links followed */
  char    *path;       /* the temporary file */
  int      fd;         /* -1 once closed */
  int      slot;       /* in live_slots, or -1 */
  int      errsv;      /* errno of the first failed write, 0 while none */
  gboolean finished;
  gboolean committed;
};

static int
live_add (const char *path)
{
  char *copy = g_strdup (path);

  for (int i = 0; i < N_LIVE_SLOTS; i++)
    {
      char *expected = NULL;

      if (__atomic_compare_exchange_n (&live_slots[i], &expected, copy, FALSE,
                                       __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
        return i;
    }
  g_free (copy);
  return -1;
}

static void
live_remove (int slot)
{
  if (slot >= 0)
    g_free (__atomic_exchange_n (&live_slots[slot], NULL, __ATOMIC_SEQ_CST));
}

guint
impact_output_get_n_live (void)
{
  guint n = 0;

  for (int i = 0; i < N_LIVE_SLOTS; i++)
    if (__atomic_load_n (&live_slots[i], __ATOMIC_SEQ_CST) != NULL)
      n++;
  return n;
}

static void
cleanup_signal_handler (int sig)
{
  int saved = errno;

  for (int i = 0; i < N_LIVE_SLOTS; i++)
    {
      const char *path = __atomic_load_n (&live_slots[i], __ATOMIC_SEQ_CST);

      if (path != NULL)
        unlink (path);
    }
  errno = saved;
  /* SA_RESETHAND restored the default action: the signal, blocked while
   * this runs, ends the process as soon as the handler returns */
  raise (sig);
}

void
impact_output_install_signal_cleanup (void)
{
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  struct sigaction action, old;

  memset (&action, 0, sizeof action);
  action.sa_handler = cleanup_signal_handler;
  action.sa_flags = SA_RESETHAND;
  sigemptyset (&action.sa_mask);
  for (gsize i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaddset (&action.sa_mask, signals[i]);

  for (gsize i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      /* "nohup" and the like ignore a signal on purpose: keep that */
      if (sigaction (signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
        continue;
      sigaction (signals[i], &action, NULL);
    }

  /* Past a file size limit (ulimit -f) write() then fails with EFBIG,
   * which we report, instead of the process being killed mid-write */
  memset (&action, 0, sizeof action);
  action.sa_handler = SIG_IGN;
  sigemptyset (&action.sa_mask);
  sigaction (SIGXFSZ, &action, NULL);
}

/* Stale temporary files */

static gboolean
is_temp_name_of (const char *name,
                 const char *base)
{
  gsize n = strlen (base);

  if (name[0] != '.' || strncmp (name + 1, base, n) != 0 || name[n + 1] != '.')
    return FALSE;
  name += n + 2;
  if (strlen (name) != 6)
    return FALSE;
  for (int i = 0; i < 6; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;
  return TRUE;
}

guint
impact_output_remove_stale (const char *target)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  guint removed = 0;

  if (listing == NULL)
    return 0;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!is_temp_name_of (name, base))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_uid != geteuid () ||
          now - (gint64) st.st_mtime < IMPACT_OUTPUT_STALE_SECONDS)
        continue;
      if (g_unlink (path) == 0)
        removed++;
    }
  return removed;
}

/* Temporary files */

static void
set_write_error (GError     **error,
                 const char  *target,
                 int          errsv)
{
  g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
               "cannot write “%s”: %s", target, g_strerror (errsv));
}

/* With @sweep, stale temporary files of @target go first. Not for the
 * backup's links: they share the old file's modification time, so a
 * second sweep during the same save would take them for stale. */
static ImpactOutputFile *
output_file_open (const char  *target,
                  gboolean     sweep,
                  GError     **error)
{
  g_autofree char *real = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmpl = NULL;
  ImpactOutputFile *file;
  GStatBuf st;
  int fd;

  /* a link stays a link: replace the file it points to */
  if (g_file_test (target, G_FILE_TEST_IS_SYMLINK))
    real = realpath (target, NULL);
  if (real == NULL)
    real = g_strdup (target);

  if (sweep)
    impact_output_remove_stale (real);
  dir = g_path_get_dirname (real);
  base = g_path_get_basename (real);
  tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      set_write_error (error, target, errno);
      return NULL;
    }
  if (g_stat (real, &st) == 0)
    fchmod (fd, st.st_mode & 07777);

  file = g_new0 (ImpactOutputFile, 1);
  file->target = g_strdup (target);
  file->real = g_steal_pointer (&real);
  file->path = g_steal_pointer (&tmpl);
  file->fd = fd;
  file->slot = live_add (file->path);
  return file;
}

ImpactOutputFile *
impact_output_file_open (const char  *target,
                         GError     **error)
{
  g_return_val_if_fail (target != NULL, NULL);
  return output_file_open (target, TRUE, error);
}

const char *
impact_output_file_get_path (ImpactOutputFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);
  return file->path;
}

const char *
impact_output_file_get_target (ImpactOutputFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);
  return file->target;
}

gboolean
impact_output_file_write (ImpactOutputFile *file,
                          const void       *data,
                          gsize             length)
{
  const char *p = data;

  g_return_val_if_fail (file != NULL, FALSE);

  if (file->errsv != 0 || file->fd < 0)
    return FALSE;
  while (length > 0)
    {
      ssize_t n = write (file->fd, p, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          /* write() returning 0 for a regular file means no room */
          file->errsv = n < 0 ? errno : ENOSPC;
          return FALSE;
        }
      p += n;
      length -= n;
    }
  return TRUE;
}

cairo_status_t
impact_output_file_cairo_write (void                *closure,
                                const unsigned char *data,
                                unsigned int         length)
{
  return impact_output_file_write (closure, data, length) ?
         CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

gboolean
impact_output_file_finish (ImpactOutputFile  *file,
                           GError           **error)
{
  int fd;

  g_return_val_if_fail (file != NULL, FALSE);

  if (file->finished)
    return TRUE;
  if (file->errsv != 0)
    {
      set_write_error (error, file->target, file->errsv);
      return FALSE;
    }
  fd = file->fd;
  file->fd = -1;
  if (fsync (fd) != 0)
    {
      file->errsv = errno;
      close (fd);
      set_write_error (error, file->target, file->errsv);
      return FALSE;
    }
  /* close() can report a deferred write error (NFS): check it too */
  if (close (fd) != 0 && errno != EINTR)
    {
      file->errsv = errno;
      set_write_error (error, file->target, file->errsv);
      return FALSE;
    }
  file->finished = TRUE;
  return TRUE;
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* makes the rename itself durable; a folder that cannot be opened or
   * synced (some network file systems) still has the rename done */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
impact_output_file_commit (ImpactOutputFile  *file,
                           GError           **error)
{
  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (!file->committed, FALSE);

  if (!impact_output_file_finish (file, error))
    return FALSE;
  if (g_rename (file->path, file->real) != 0)
    {
      int saved = errno;

      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                   "cannot replace “%s”: %s", file->target, g_strerror (saved));
      return FALSE;
    }
  file->committed = TRUE;
  live_remove (file->slot);
  file->slot = -1;
  sync_folder (file->real);
  return TRUE;
}

void
impact_output_file_free (ImpactOutputFile *file)
{
  if (file == NULL)
    return;
  if (file->fd >= 0)
    close (file->fd);
  if (!file->committed)
    g_unlink (file->path);
  live_remove (file->slot);
  g_free (file->target);
  g_free (file->real);
  g_free (file->path);
  g_free (file);
}

/* Whole files, with a backup */

/* A hard link to @path under a new temporary name ".NAME.bak.XXXXXX" (so
 * that the stale-file sweep of NAME.bak knows it); with no hard links on
 * the file system, a complete copy when @may_copy. NULL and @error on
 * failure. */
static ImpactOutputFile *
backup_of (const char  *path,
           const char  *bak,
           gboolean     may_copy,
           GError     **error)
{
  g_autoptr(ImpactOutputFile) copy = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  /* reserve a name, then put the link in its place */
  if ((copy = output_file_open (bak, FALSE, error)) == NULL)
    return NULL;
  if (g_unlink (copy->path) == 0 && link (path, copy->path) == 0)
    {
      close (copy->fd);
      copy->fd = -1;
      copy->finished = TRUE;
      return g_steal_pointer (&copy);
    }
  if (!may_copy)
    {
      set_write_error (error, bak, errno);
      return NULL;
    }
  /* the name is ours: a new empty file for the copy (unlikely to fail as
   * the name was just freed; if it does, the copy fails below) */
  close (copy->fd);
  copy->fd = open (copy->path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (copy->fd < 0)
    {
      set_write_error (error, bak, errno);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                   "cannot keep a backup of “%s”: %s", path, local_error->message);
      return NULL;
    }
  impact_output_file_write (copy, contents, length);
  if (!impact_output_file_finish (copy, error))
    return NULL;
  return g_steal_pointer (&copy);
}

gboolean
impact_output_write_bytes_atomic (const char  *path,
                                  const void  *data,
                                  gsize        length,
                                  gboolean     keep_backup,
                                  GError     **error)
{
  g_autoptr(ImpactOutputFile) out = NULL;
  g_autoptr(ImpactOutputFile) backup = NULL;
  g_autoptr(ImpactOutputFile) old_backup = NULL;
  g_autofree char *bak = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((out = impact_output_file_open (path, error)) == NULL)
    return FALSE;
  impact_output_file_write (out, data, length);
  if (!impact_output_file_finish (out, error))
    return FALSE;

  if (keep_backup && g_file_test (out->real, G_FILE_TEST_IS_REGULAR))
    {
      bak = g_strconcat (out->real, ".bak", NULL);
      impact_output_remove_stale (bak);
      if ((backup = backup_of (out->real, bak, TRUE, error)) == NULL)
        return FALSE;
      /* the previous .bak stays reachable until the new file is in place,
       * so a failed rename below can put it back */
      if (g_file_test (bak, G_FILE_TEST_IS_REGULAR))
        old_backup = backup_of (bak, bak, FALSE, NULL);
      if (g_rename (backup->path, bak) != 0)
        {
          int saved = errno;

          g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                       "cannot keep a backup of “%s”: %s", path, g_strerror (saved));
          return FALSE;
        }
      backup->committed = TRUE;
    }

  if (!impact_output_file_commit (out, error))
    {
      if (old_backup != NULL && g_rename (old_backup->path, bak) == 0)
        old_backup->committed = TRUE;
      return FALSE;
    }
  return TRUE;
}

