/* test-write-faults.c: no write path loses or half-writes a file
 *
 * Every output kind (sheet PDF, PDF with bleed and crop marks, PNG and SVG
 * page sets, the stats card, timeline slides, the handout), the JSON save
 * and the TimelineJS import run in forked children under a file size limit
 * (RLIMIT_FSIZE, SIGXFSZ ignored so write() fails with EFBIG). The limit is
 * swept over the whole size of the output: 0, 1, every size/40 and size-1
 * bytes. Each time the write must fail with the cause in the message and
 * leave the folder exactly as it was: target and .bak byte for byte, no
 * temporary file. At the full size it must succeed. Then the command line
 * under a limit (exit status, message), a folder that cannot be written,
 * signals during a write and leftovers of a killed process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "impact-error.h"
#include "impact-export.h"
#include "impact-json-loader.h"
#include "impact-json-writer.h"
#include "impact-output.h"
#include "impact-test-utils.h"
#include "impact-timeline-render.h"
#include "impact-timelinejs.h"

/* failure points between 0 and the size: every size/N_STEPS bytes */
#define N_STEPS 40

typedef gboolean (*WriteJob) (gpointer data, GError **error);

/* Folder contents */

/* name → GBytes of every entry (all are plain files here) */
static GHashTable *
snapshot (const char *dir)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      char *data = NULL;
      gsize len = 0;

      g_file_get_contents (path, &data, &len, &error);
      g_assert_no_error (error);
      g_hash_table_insert (files, g_strdup (name), g_bytes_new_take (data, len));
    }
  return files;
}

/* The folder holds exactly @before, byte for byte */
static void
assert_unchanged (GHashTable *before,
                  const char *dir,
                  const char *what,
                  gint64      limit)
{
  g_autoptr(GHashTable) now = snapshot (dir);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, now);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (before, key))
      g_error ("%s, limit %" G_GINT64_FORMAT ": “%s” was left in the folder", what, limit, (char *) key);
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GBytes *after = g_hash_table_lookup (now, key);

      if (after == NULL)
        g_error ("%s, limit %" G_GINT64_FORMAT ": “%s” is gone", what, limit, (char *) key);
      if (!g_bytes_equal (after, value))
        g_error ("%s, limit %" G_GINT64_FORMAT ": “%s” changed (%" G_GSIZE_FORMAT " bytes, was %" G_GSIZE_FORMAT ")",
                 what, limit, (char *) key, g_bytes_get_size (after), g_bytes_get_size (value));
    }
}

/* The size of the largest file that is new or changed since @before */
static gsize
largest_change (GHashTable *before,
                const char *dir)
{
  g_autoptr(GHashTable) now = snapshot (dir);
  GHashTableIter iter;
  gpointer key, value;
  gsize largest = 0;

  g_hash_table_iter_init (&iter, now);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GBytes *old = g_hash_table_lookup (before, key);

      if (old == NULL || !g_bytes_equal (old, value))
        largest = MAX (largest, g_bytes_get_size (value));
    }
  return largest;
}

static void
age (const char *path,
     int         seconds)
{
  struct utimbuf times;

  times.actime = times.modtime = time (NULL) - seconds;
  g_assert_cmpint (utime (path, &times), ==, 0);
}

/* Files the user has are older than a minute: older than temporary files
 * count as stale (the backup's hard link to the old file has its time) */
static void
write_old_file (const char *path,
                const char *data,
                gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  age (path, 2 * IMPACT_OUTPUT_STALE_SECONDS + 3600);
}

/* Puts the folder back as it was in @before */
static void
restore (GHashTable *before,
         const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GHashTableIter iter;
  gpointer key, value;
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (!g_hash_table_contains (before, name))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_assert_cmpint (g_unlink (path), ==, 0);
      }
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *path = g_build_filename (dir, key, NULL);
      gsize len;
      const char *data = g_bytes_get_data (value, &len);

      write_old_file (path, data ? data : "", len);
    }
  assert_unchanged (before, dir, "restore", -1);
}

static void
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  write_old_file (path, text, strlen (text));
}

/* Children */

/* Runs @job in a forked child whose files may grow to @limit bytes (-1: no
 * limit); TRUE when it succeeded, else its error message in @message */
static gboolean
run_limited (WriteJob   job,
             gpointer   data,
             gint64     limit,
             char     **message)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int fds[2];
  int status;
  pid_t pid;
  char buf[512];
  ssize_t n;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      GError *error = NULL;
      gboolean ok;

      close (fds[0]);
      signal (SIGXFSZ, SIG_IGN);
      if (limit >= 0)
        {
          struct rlimit rl = { (rlim_t) limit, (rlim_t) limit };

          if (setrlimit (RLIMIT_FSIZE, &rl) != 0)
            _exit (3);
        }
      ok = job (data, &error);
      if (!ok)
        {
          const char *m = error != NULL ? error->message : "(failed without an error)";

          if (write (fds[1], m, strlen (m)) < 0)
            _exit (4);
        }
      else if (error != NULL)
        _exit (5);
      /* _exit: no atexit handlers (the parent's folders stay) */
      _exit (ok ? 0 : 1);
    }
  close (fds[1]);
  while ((n = read (fds[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (text, buf, n);
  close (fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (!WIFEXITED (status))
    g_error ("limit %" G_GINT64_FORMAT ": the child died of signal %d", limit, WTERMSIG (status));
  g_assert_cmpint (WEXITSTATUS (status), <=, 1);
  if (message)
    *message = g_strdup (text->str);
  return WEXITSTATUS (status) == 0;
}

/* Sweeps the file size limit over the output of @job in @dir: every
 * failure point must fail with "File too large" and a message naming
 * @target_name, and leave @dir as it was; the full size must succeed.
 * With @bak_of, a success must leave the old @bak_of as "@bak_of.bak".
 * Returns the number of failure points tried. */
static guint
sweep (const char *what,
       const char *dir,
       const char *target_name,
       const char *bak_of,
       WriteJob    job,
       gpointer    data)
{
  g_autoptr(GHashTable) before = snapshot (dir);
  g_autoptr(GArray) limits = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *message = NULL;
  gint64 size, last = -1;
  guint n_points = 0;

  /* the size of the output, from a write without a limit */
  if (!run_limited (job, data, -1, &message))
    g_error ("%s: failed without a limit: %s", what, message);
  size = largest_change (before, dir);
  g_assert_cmpint (size, >, 1);
  restore (before, dir);

  {
    gint64 fixed[] = { 0, 1 };

    for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
      g_array_append_val (limits, fixed[i]);
    for (guint k = 1; k < N_STEPS; k++)
      {
        gint64 at = size * k / N_STEPS;

        g_array_append_val (limits, at);
      }
    {
      gint64 at = size - 1;

      g_array_append_val (limits, at);
    }
  }

  for (guint i = 0; i < limits->len; i++)
    {
      gint64 limit = g_array_index (limits, gint64, i);
      g_autofree char *error_message = NULL;

      if (limit <= last)
        continue;
      last = limit;
      if (run_limited (job, data, limit, &error_message))
        g_error ("%s: succeeded with %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " bytes", what, limit, size);
      if (strstr (error_message, "File too large") == NULL || strstr (error_message, target_name) == NULL)
        g_error ("%s, limit %" G_GINT64_FORMAT ": the message does not give the cause and file: %s",
                 what, limit, error_message);
      assert_unchanged (before, dir, what, limit);
      n_points++;
    }

  /* exactly enough room */
  g_clear_pointer (&message, g_free);
  if (!run_limited (job, data, size, &message))
    g_error ("%s: failed with exactly %" G_GINT64_FORMAT " bytes: %s", what, size, message);
  g_assert_cmpint (largest_change (before, dir), ==, size);
  if (bak_of != NULL)
    {
      g_autofree char *bak_name = g_strconcat (bak_of, ".bak", NULL);
      g_autofree char *bak_path = g_build_filename (dir, bak_name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bak = NULL;
      char *contents = NULL;
      gsize len;

      g_file_get_contents (bak_path, &contents, &len, &error);
      g_assert_no_error (error);
      bak = g_bytes_new_take (contents, len);
      g_assert_true (g_bytes_equal (bak, g_hash_table_lookup (before, bak_of)));
    }
  restore (before, dir);

  g_test_message ("%s: %u failure points over %" G_GINT64_FORMAT " bytes", what, n_points, size);
  return n_points;
}

/* The jobs */

typedef struct
{
  ImpactDocument     *doc;
  ImpactExportOptions options;
  GFile              *output;
} SheetJob;

static gboolean
sheet_job (gpointer data, GError **error)
{
  SheetJob *job = data;

  return impact_export_document (job->doc, &job->options, job->output, NULL, NULL, NULL, error);
}

typedef struct
{
  ImpactDocument             *doc;
  ImpactTimelineExportOptions options;
  GFile                      *output;
} TimelineJob;

static gboolean
timeline_job (gpointer data, GError **error)
{
  TimelineJob *job = data;

  return impact_timeline_export (job->doc, &job->options, job->output, error);
}

typedef struct
{
  ImpactDocument *doc;
  GFile          *output;
} SaveJob;

static gboolean
save_job (gpointer data, GError **error)
{
  SaveJob *job = data;

  return impact_json_writer_save (job->doc, job->output, TRUE, NULL, error);
}

typedef struct
{
  GFile *input;
  GFile *output;
} ImportJob;

static gboolean
import_job (gpointer data, GError **error)
{
  ImportJob *job = data;
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);

  return impact_timelinejs_import_file (job->input, job->output, report, error);
}

static ImpactDocument *
load_example (void)
{
  g_autofree char *path = impact_test_example_path ("kolkata.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ImpactDocument *doc = impact_json_loader_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* A folder with an old version of @name in it */
static char *
folder_with (const char *name,
             const char *old)
{
  char *dir = impact_test_make_tmpdir ();

  write_file (dir, name, old);
  return dir;
}

/* Sheet exports */

/* Exports to @name in a folder holding an old @old_name; messages must
 * name @named (a page set names the page that failed) */
static void
sweep_sheet (const char          *what,
             const char          *name,
             const char          *old_name,
             const char          *named,
             ImpactExportOptions *options)
{
  g_autoptr(ImpactDocument) doc = load_example ();
  g_autofree char *dir = folder_with (old_name, "the old file\n");
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) output = g_file_new_for_path (path);
  SheetJob job = { doc, *options, output };

  g_assert_cmpuint (sweep (what, dir, named, NULL, sheet_job, &job), >=, N_STEPS);
}

static void
test_sheet_pdf (void)
{
  ImpactExportOptions options;

  impact_export_options_init (&options);
  sweep_sheet ("sheet PDF", "sheet.pdf", "sheet.pdf", "sheet.pdf", &options);
}

static void
test_sheet_pdf_print (void)
{
  ImpactExportOptions options;

  impact_export_options_init (&options);
  options.bleed = 9;
  options.crop_marks = TRUE;
  sweep_sheet ("PDF with bleed and crop marks", "print.pdf", "print.pdf", "print.pdf", &options);
}

static void
test_sheet_png_set (void)
{
  ImpactExportOptions options;

  impact_export_options_init (&options);
  options.format = IMPACT_EXPORT_FORMAT_PNG;
  options.dpi = 50;
  /* the set is page-1.png, page-2.png …: the old first page stands */
  sweep_sheet ("PNG set", "page.png", "page-1.png", "page-", &options);
}

static void
test_sheet_svg (void)
{
  ImpactExportOptions options;

  impact_export_options_init (&options);
  options.format = IMPACT_EXPORT_FORMAT_SVG;
  options.page = 1;
  sweep_sheet ("SVG", "page.svg", "page.svg", "page.svg", &options);
}

static void
test_stats_card (void)
{
  ImpactExportOptions options;

  impact_export_options_init (&options);
  options.format = IMPACT_EXPORT_FORMAT_PNG;
  options.part = IMPACT_EXPORT_PART_STATS;
  options.card_width = 400;
  options.card_height = 400;
  sweep_sheet ("stats card PNG", "card.png", "card.png", "card.png", &options);
}

/* Timeline exports */

static void
sweep_timeline (const char                  *what,
                const char                  *name,
                ImpactTimelineExportOptions *options)
{
  g_autoptr(ImpactDocument) doc = load_example ();
  g_autofree char *dir = folder_with (name, "the old file\n");
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) output = g_file_new_for_path (path);
  TimelineJob job = { doc, *options, output };

  g_assert_cmpuint (sweep (what, dir, name, NULL, timeline_job, &job), >=, N_STEPS);
}

static void
test_timeline_slide_png (void)
{
  ImpactTimelineExportOptions options;

  impact_timeline_export_options_init (&options);
  options.width = 640;
  options.height = 360;
  sweep_timeline ("timeline slide PNG", "slide.png", &options);
}

static void
test_timeline_slide_pdf (void)
{
  ImpactTimelineExportOptions options;

  impact_timeline_export_options_init (&options);
  options.format = IMPACT_EXPORT_FORMAT_PDF;
  sweep_timeline ("timeline slide PDF", "slide.pdf", &options);
}

static void
test_timeline_handout (void)
{
  ImpactTimelineExportOptions options;

  impact_timeline_export_options_init (&options);
  options.format = IMPACT_EXPORT_FORMAT_PDF;
  options.handout = TRUE;
  options.page_size = IMPACT_PAGE_SIZE_A4;
  sweep_timeline ("handout PDF", "handout.pdf", &options);
}

/* Saving */

static const char *old_json =
  "{\n  \"format\": \"1\",\n  \"office\": \"Old office\",\n  \"organisation\": { \"name\": \"O\" }\n}\n";

/* Saves a changed document over an old one in a folder that may also hold
 * an old .bak (@old_bak) */
static void
sweep_save (const char *what,
            const char *old_bak)
{
  g_autofree char *dir = folder_with ("office.json", old_json);
  g_autofree char *path = g_build_filename (dir, "office.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, NULL, NULL, &error);
  SaveJob job = { doc, file };

  g_assert_no_error (error);
  impact_document_set_office (doc, "A new office with a longer name than before");
  if (old_bak != NULL)
    write_file (dir, "office.json.bak", old_bak);
  g_assert_cmpuint (sweep (what, dir, "office.json", "office.json", save_job, &job), >=, N_STEPS);
}

static void
test_save (void)
{
  sweep_save ("JSON save", NULL);
}

static void
test_save_with_bak (void)
{
  sweep_save ("JSON save with an old .bak", "{ \"the\": \"previous backup\" }\n");
}

/* Save As onto another file that exists: it is kept as its .bak */
static void
test_save_as_existing (void)
{
  g_autoptr(ImpactDocument) doc = load_example ();
  g_autofree char *dir = folder_with ("other.json", old_json);
  g_autofree char *path = g_build_filename (dir, "other.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SaveJob job = { doc, file };

  g_assert_cmpuint (sweep ("Save As onto an existing file", dir, "other.json", "other.json", save_job, &job),
                    >=, N_STEPS);
}

static void
test_import (void)
{
  g_autofree char *input_path = impact_test_data_path ("timeline/data/timelinejs-all.json");
  g_autoptr(GFile) input = g_file_new_for_path (input_path);
  g_autofree char *dir = folder_with ("imported.json", old_json);
  g_autofree char *path = g_build_filename (dir, "imported.json", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (path);
  ImportJob job = { input, output };

  g_assert_cmpuint (sweep ("timelinejs import onto an existing file", dir, "imported.json", NULL,
                           import_job, &job), >=, N_STEPS);
}

/* A folder that cannot be written: an error naming the cause, nothing
 * rewritten in place */
static void
test_unwritable_folder (void)
{
  g_autoptr(ImpactDocument) doc = load_example ();
  g_autofree char *input_path = impact_test_data_path ("timeline/data/timelinejs-all.json");
  g_autoptr(GFile) input = g_file_new_for_path (input_path);
  g_autofree char *dir = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autofree char *pdf_path = NULL, *json_path = NULL;
  g_autoptr(GFile) pdf = NULL;
  g_autoptr(GFile) json = NULL;
  SheetJob sheet;
  SaveJob save;
  ImportJob import;
  struct { const char *what; WriteJob job; gpointer data; } cases[3];

  if (geteuid () == 0)
    {
      g_test_skip ("permissions do not stop root");
      return;
    }
  dir = folder_with ("sheet.pdf", "the old file\n");
  write_file (dir, "office.json", old_json);
  pdf_path = g_build_filename (dir, "sheet.pdf", NULL);
  json_path = g_build_filename (dir, "office.json", NULL);
  pdf = g_file_new_for_path (pdf_path);
  json = g_file_new_for_path (json_path);
  sheet = (SheetJob) { doc, { 0 }, pdf };
  impact_export_options_init (&sheet.options);
  save = (SaveJob) { doc, json };
  import = (ImportJob) { input, json };
  cases[0] = (typeof (cases[0])) { "sheet PDF", sheet_job, &sheet };
  cases[1] = (typeof (cases[0])) { "JSON save", save_job, &save };
  cases[2] = (typeof (cases[0])) { "timelinejs import", import_job, &import };

  before = snapshot (dir);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = NULL;

      g_assert_false (run_limited (cases[i].job, cases[i].data, -1, &message));
      if (strstr (message, "Permission denied") == NULL)
        g_error ("%s: the message does not give the cause: %s", cases[i].what, message);
      assert_unchanged (before, dir, cases[i].what, -1);
    }
  g_chmod (dir, 0755);
}

/* The command line under a file size limit */

static void
limit_child_setup (gpointer data)
{
  struct rlimit rl = { GPOINTER_TO_UINT (data), GPOINTER_TO_UINT (data) };

  /* the default action: the command itself must ignore SIGXFSZ */
  signal (SIGXFSZ, SIG_DFL);
  setrlimit (RLIMIT_FSIZE, &rl);
}

static void
run_cli_limited (const char * const *argv,
                 guint               limit,
                 int                *out_status,
                 char              **out_stdout,
                 char              **out_stderr)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, limit_child_setup, GUINT_TO_POINTER (limit),
                out_stdout, out_stderr, &status, &error);
  g_assert_no_error (error);
  *out_status = status;
}

static void
test_cli_exit_status (void)
{
  g_autofree char *example = impact_test_example_path ("kolkata.json");
  g_autofree char *timelinejs = impact_test_data_path ("timeline/data/timelinejs-all.json");
  g_autofree char *dir = folder_with ("out.pdf", "the old file\n");
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "card.png", NULL);
  g_autofree char *json = g_build_filename (dir, "out.json", NULL);
  g_autoptr(GHashTable) before = NULL;
  const char *bin = impact_test_binary ();
  struct { const char *argv[12]; guint limit; const char *name; } cases[] = {
    { { bin, "export", example, "-o", pdf, NULL }, 20000, "out.pdf" },
    { { bin, "export", example, "-o", pdf, "--bleed", "3mm", "--crop-marks", NULL }, 20000, "out.pdf" },
    { { bin, "export", example, "--part", "stats", "-o", png, NULL }, 5000, "card.png" },
    { { bin, "export", example, "--part", "timeline", "--page-size", "a4", "-o", pdf, NULL }, 3000, "out.pdf" },
    { { bin, "import", "timelinejs", timelinejs, "-o", json, NULL }, 100, "out.json" },
  };

  write_file (dir, "card.png", "an old card\n");
  write_file (dir, "out.json", old_json);
  before = snapshot (dir);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      run_cli_limited (cases[i].argv, cases[i].limit, &status, &out, &err);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 1);
      g_assert_null (strstr (out, "Wrote"));
      g_assert_nonnull (strstr (err, "File too large"));
      g_assert_nonnull (strstr (err, cases[i].name));
      assert_unchanged (before, dir, cases[i].argv[1], cases[i].limit);
    }
}

/* Signals */

/* A child that has a temporary file for @target with data in it, then
 * waits to be killed: returns its pid once the data is written */
static pid_t
start_writer (const char *target,
              gboolean    cleanup)
{
  int fds[2];
  pid_t pid;
  char c;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      ImpactOutputFile *file;
      char block[4096];

      close (fds[0]);
      if (cleanup)
        impact_output_install_signal_cleanup ();
      if ((file = impact_output_file_open (target, NULL)) == NULL)
        _exit (3);
      memset (block, 'x', sizeof block);
      for (int i = 0; i < 64; i++)
        impact_output_file_write (file, block, sizeof block);
      if (impact_output_get_n_live () != 1 || write (fds[1], "r", 1) != 1)
        _exit (4);
      for (;;)
        pause ();
    }
  close (fds[1]);
  g_assert_cmpint (read (fds[0], &c, 1), ==, 1);
  close (fds[0]);
  return pid;
}

static guint
count_hidden (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (name[0] == '.')
      n++;
  return n;
}

static void
test_signal_cleanup (void)
{
  const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  g_autofree char *dir = folder_with ("sheet.pdf", "the old file\n");
  g_autofree char *target = g_build_filename (dir, "sheet.pdf", NULL);
  g_autoptr(GHashTable) before = snapshot (dir);

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      pid_t pid = start_writer (target, TRUE);
      int status;

      g_assert_cmpuint (count_hidden (dir), ==, 1);
      g_assert_cmpint (kill (pid, signals[i]), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      /* the signal still ends the process, as it would have */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, signals[i]);
      assert_unchanged (before, dir, g_strsignal (signals[i]), -1);
    }
}

/* A 10,000-milestone handout takes seconds: SIGTERM while it is written */
static void
test_cli_sigterm (void)
{
  g_autofree char *dir = folder_with ("handout.pdf", "the old handout\n");
  g_autofree char *input_dir = impact_test_make_tmpdir ();
  g_autofree char *input = g_build_filename (input_dir, "big.json", NULL);
  g_autofree char *target = g_build_filename (dir, "handout.pdf", NULL);
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"1\", \"office\": \"K\", "
                                          "\"organisation\": { \"name\": \"O\" }, \"milestones\": [");
  g_autoptr(GHashTable) before = snapshot (dir);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { impact_test_binary (), "export", input, "--part", "timeline",
                         "--page-size", "a4", "-o", target, NULL };
  gboolean seen = FALSE;
  GPid pid;
  int status;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (json, "%s{ \"date\": \"%u-%02u-%02u\", \"title\": \"Milestone %u\", "
                            "\"description\": \"What happened at milestone %u, in a sentence long "
                            "enough to take two lines of the handout.\" }",
                            i ? ", " : "", 1900 + i / 100, i % 12 + 1, i % 28 + 1, i, i);
  g_string_append (json, "] }\n");
  g_file_set_contents (input, json->str, json->len, &error);
  g_assert_no_error (error);

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  /* wait until the temporary file has data, then stop the export */
  while (!seen)
    {
      g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
      const char *name;

      while ((name = g_dir_read_name (listing)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          GStatBuf st;

          if (name[0] == '.' && g_stat (path, &st) == 0 && st.st_size > 0)
            seen = TRUE;
        }
      if (!seen)
        {
          /* the export must not be over before it wrote anything */
          g_assert_cmpint (waitpid (pid, &status, WNOHANG), ==, 0);
          g_usleep (2000);
        }
    }
  g_assert_cmpint (kill (pid, SIGTERM), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGTERM);
  assert_unchanged (before, dir, "SIGTERM during export", -1);
}

/* kill -9 during a save leaves its temporary file; the next save of that
 * file removes it (once a minute old), and nothing else */
static void
test_stale_after_kill (void)
{
  g_autofree char *dir = folder_with ("office.json", old_json);
  g_autofree char *path = g_build_filename (dir, "office.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, NULL, NULL, &error);
  const char *kept[] = {
    ".office.json.Fresh1",      /* too young: may be another save */
    ".office.json.toolong7",    /* not our pattern */
    ".other.json.Stale1",       /* another file's */
    "office.json.Stale2",       /* not hidden */
  };
  g_autofree char *stale_bak = g_build_filename (dir, ".office.json.bak.Stale3", NULL);
  g_autofree char *leftover = NULL;
  int status;
  pid_t pid;

  g_assert_no_error (error);
  pid = start_writer (path, FALSE);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  /* SIGKILL cannot be caught: the temporary file is there */
  g_assert_cmpuint (count_hidden (dir), ==, 1);
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      if (name[0] == '.')
        leftover = g_build_filename (dir, name, NULL);
  }
  age (leftover, 2 * IMPACT_OUTPUT_STALE_SECONDS);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *p = g_build_filename (dir, kept[i], NULL);

      /* the first is written just now, the others long ago */
      if (i == 0)
        g_assert_true (g_file_set_contents (p, "x", -1, NULL));
      else
        write_file (dir, kept[i], "x");
    }
  write_file (dir, ".office.json.bak.Stale3", "x");

  impact_document_set_office (doc, "Saved again");
  g_assert_true (impact_json_writer_save (doc, file, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_bak, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *p = g_build_filename (dir, kept[i], NULL);

      g_assert_true (g_file_test (p, G_FILE_TEST_EXISTS));
    }
  /* office.json, its .bak, and the four kept */
  {
    g_autoptr(GHashTable) after = snapshot (dir);

    g_assert_cmpuint (g_hash_table_size (after), ==, 2 + G_N_ELEMENTS (kept));
  }
}

/* The registry follows the temporary files' lives */
static void
test_registry (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *target = g_build_filename (dir, "a.pdf", NULL);
  g_autoptr(GError) error = NULL;
  ImpactOutputFile *a, *b;

  g_assert_cmpuint (impact_output_get_n_live (), ==, 0);
  a = impact_output_file_open (target, &error);
  g_assert_no_error (error);
  b = impact_output_file_open (target, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (impact_output_get_n_live (), ==, 2);
  g_assert_true (impact_output_file_write (a, "new", 3));
  g_assert_true (impact_output_file_commit (a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (impact_output_get_n_live (), ==, 1);
  impact_output_file_free (b);
  g_assert_cmpuint (impact_output_get_n_live (), ==, 0);
  impact_output_file_free (a);
  g_assert_cmpuint (count_hidden (dir), ==, 0);
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/write-faults/registry", test_registry);
  g_test_add_func ("/write-faults/sheet-pdf", test_sheet_pdf);
  g_test_add_func ("/write-faults/sheet-pdf-bleed-crop-marks", test_sheet_pdf_print);
  g_test_add_func ("/write-faults/png-set", test_sheet_png_set);
  g_test_add_func ("/write-faults/svg", test_sheet_svg);
  g_test_add_func ("/write-faults/stats-card", test_stats_card);
  g_test_add_func ("/write-faults/timeline-slide-png", test_timeline_slide_png);
  g_test_add_func ("/write-faults/timeline-slide-pdf", test_timeline_slide_pdf);
  g_test_add_func ("/write-faults/handout-pdf", test_timeline_handout);
  g_test_add_func ("/write-faults/save", test_save);
  g_test_add_func ("/write-faults/save-with-bak", test_save_with_bak);
  g_test_add_func ("/write-faults/save-as-existing", test_save_as_existing);
  g_test_add_func ("/write-faults/import-timelinejs", test_import);
  g_test_add_func ("/write-faults/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/write-faults/cli-exit-status", test_cli_exit_status);
  g_test_add_func ("/write-faults/signal-cleanup", test_signal_cleanup);
  g_test_add_func ("/write-faults/cli-sigterm", test_cli_sigterm);
  g_test_add_func ("/write-faults/stale-after-kill", test_stale_after_kill);

  return g_test_run ();
}
