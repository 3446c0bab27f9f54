/* impact-output.h: writing output files safely
 *
 * Every file Impact Sheet writes (sheets, cards, slides, handouts, saved
 * documents, imports) goes through here: it is written to a temporary file
 * in the target's folder (".NAME.XXXXXX"), every write is checked, the file
 * is flushed to disk (fsync) and closed, and only then renamed over the
 * target. A failure at any step leaves the target (and its ".bak") as they
 * were, removes the temporary file and reports the cause ("No space left
 * on device", "File too large", …) with the target's name.
 *
 * Live temporary files are kept in a small registry that a signal handler
 * can read: impact_output_install_signal_cleanup() makes SIGINT, SIGTERM
 * and SIGHUP remove them before the process dies. Temporary files left by
 * a process killed outright (SIGKILL, a crash) are removed by a later
 * write of the same target once they are a minute old.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Leftover temporary files younger than this are left alone: another
 * process may still be writing them */
#define IMPACT_OUTPUT_STALE_SECONDS 60

typedef struct _ImpactOutputFile ImpactOutputFile;

/* A new temporary file next to @target (a symbolic link is followed, so the
 * file it points to is replaced), registered for removal on signals. An
 * existing target's permissions are kept. Stale temporary files of the
 * target are removed first (see impact_output_remove_stale()). */
ImpactOutputFile *impact_output_file_open        (const char        *target,
                                                  GError           **error);
/* The temporary file's path */
const char       *impact_output_file_get_path    (ImpactOutputFile  *file);
/* The file that will be replaced, as given to open */
const char       *impact_output_file_get_target  (ImpactOutputFile  *file);
/* Writes all of @data, retrying short writes; the first failure is kept
 * and reported by finish() (later writes do nothing). FALSE once failed. */
gboolean          impact_output_file_write       (ImpactOutputFile  *file,
                                                  const void        *data,
                                                  gsize              length);
/* A cairo_write_func_t for cairo_*_surface_create_for_stream() with the
 * ImpactOutputFile as closure: CAIRO_STATUS_WRITE_ERROR on failure */
cairo_status_t    impact_output_file_cairo_write (void                *closure,
                                                  const unsigned char *data,
                                                  unsigned int         length);
/* Reports a write failure, else flushes the data to disk and closes the
 * file, checking both. After it the file is complete, not yet in place. */
gboolean          impact_output_file_finish      (ImpactOutputFile  *file,
                                                  GError           **error);
/* finish(), then renames the file over its target */
gboolean          impact_output_file_commit      (ImpactOutputFile  *file,
                                                  GError           **error);
/* Closes and, unless committed, removes the temporary file */
void              impact_output_file_free        (ImpactOutputFile  *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactOutputFile, impact_output_file_free)

/* Writes @data to @path atomically (as above). With @keep_backup and an
 * existing @path, the old file becomes "PATH.bak" only once the new
 * content is complete on disk; the old .bak is replaced in one rename, so
 * a failure leaves it as it was. */
gboolean  impact_output_write_bytes_atomic (const char       *path,
                                            const void       *data,
                                            gsize             length,
                                            gboolean          keep_backup,
                                            GError          **error);

/* Writes an RGB24/ARGB32 image surface into @file as an RGB PNG (the
 * alpha byte is dropped), compressed by libdeflate in one call (much
 * faster than cairo's libpng defaults, and smaller), recording @dpi
 * (0 = none) so the image prints at its size. The PNG's rows are built in
 * the surface's own memory: its pixels are lost, only destroying it is
 * left to do. */
gboolean  impact_output_write_png  (cairo_surface_t  *surface,
                                    double            dpi,
                                    ImpactOutputFile *file,
                                    GError          **error);

/* Removes the temporary files of @target (".NAME.XXXXXX") that we own and
 * that are older than IMPACT_OUTPUT_STALE_SECONDS: leftovers of a process
 * that was killed while writing. Returns how many it removed. */
guint     impact_output_remove_stale   (const char       *target);

/* Installs handlers for SIGINT, SIGTERM and SIGHUP (unless ignored) that
 * remove the live temporary files and then let the signal end the process
 * as it would have; ignores SIGXFSZ so a file size limit gives an error
 * ("File too large") instead of killing the process. For the command line;
 * idempotent. */
void      impact_output_install_signal_cleanup (void);
/* How many temporary files are live (for tests) */
guint     impact_output_get_n_live     (void);

G_END_DECLS
