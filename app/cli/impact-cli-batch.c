/* impact-cli-batch.c: many sheets in one process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "impact-cli.h"
#include "impact-cli-batch.h"
#include "impact-open.h"

typedef struct
{
  char *input;
  char *name;     /* the input's base name, for messages */
  char *output;   /* NULL when another input already writes it */
} Job;

typedef struct
{
  const ImpactExportOptions *options;
  guint     n_total;
  guint     n_done;
  guint     n_failed;
  gboolean  quiet;
  gboolean  progress;      /* standard error is a terminal */
} Batch;

static void
job_free (Job *job)
{
  g_free (job->input);
  g_free (job->name);
  g_free (job->output);
  g_free (job);
}

gboolean
impact_cli_batch_wanted (int         n_inputs,
                         const char *output,
                         const char *files_from)
{
  if (n_inputs > 1 || files_from != NULL)
    return TRUE;
  return output != NULL &&
         (g_str_has_suffix (output, "/") || g_file_test (output, G_FILE_TEST_IS_DIR));
}

/* Appends the lines of @path ("-": standard input) to @paths */
static gboolean
read_list (const char *path,
           GPtrArray  *paths,
           GError    **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (g_strcmp0 (path, "-") == 0)
    {
      GString *text = g_string_new (NULL);
      char buffer[8192];
      size_t n;

      while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
        g_string_append_len (text, buffer, n);
      if (ferror (stdin))
        {
          g_string_free (text, TRUE);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("cannot read the list of inputs from standard input"));
          return FALSE;
        }
      contents = g_string_free (text, FALSE);
    }
  else if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize len = strlen (line);

      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
      if (len > 0)
        g_ptr_array_add (paths, g_strdup (line));
    }
  return TRUE;
}

/* What one export printed: for standard error and standard output */
typedef struct
{
  GString *err;
  GString *out;
  gboolean ok;
} Report;

static void
export_one (const ImpactExportOptions *options,
            Job                       *job,
            gboolean                   quiet,
            gboolean                   list_written,
            Report                    *report)
{
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactDocument) doc = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;

  if (job->output == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                 _("%s: another input of the same name writes the same file"), job->name);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (job->input);

      doc = impact_document_open_file (file, diagnostics, NULL, NULL, &error);
      if (doc != NULL)
        {
          g_autoptr(GFile) output = g_file_new_for_path (job->output);

          impact_export_document (doc, options, output, &written, diagnostics, NULL, &error);
          impact_document_locate_diagnostics (doc, diagnostics, job->name);
        }
    }

  for (guint i = 0; i < impact_diagnostics_get_n_items (diagnostics); i++)
    {
      const ImpactDiagnostic *diag = impact_diagnostics_get_item (diagnostics, i);
      g_autofree char *text = NULL;
      gboolean is_error = diag->severity == IMPACT_SEVERITY_ERROR;

      /* a failed load's errors are all in @error */
      if ((quiet && !is_error) || (is_error && error != NULL))
        continue;
      text = impact_diagnostic_to_string (diag);
      if (diag->file == NULL)
        g_string_append_printf (report->err, "%s: %s: %s\n", job->name,
                                is_error ? _("error") : _("warning"), text);
      else
        g_string_append_printf (report->err, "%s: %s\n", is_error ? _("error") : _("warning"), text);
    }
  /* a sheet that does not fit is written (to be looked at) but fails */
  report->ok = error == NULL && impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_ERROR) == 0;
  if (error != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        g_string_append_printf (report->err, "%s: %s\n", _("error"), lines[i]);
      /* Translators: %s is an input file's name */
      g_string_append_printf (report->err, _("%s: skipped\n"), job->name);
    }
  else if (list_written)
    for (guint i = 0; i < written->len; i++)
      {
        g_autofree char *path = g_file_get_path (g_ptr_array_index (written, i));
        g_string_append_printf (report->out, _("Wrote %s\n"), path);
      }
}

/* The progress line is drawn over ("\r", erase to the end of the line);
 * messages first erase it. */
static void
print_report (Batch        *batch,
              const char   *err,
              gsize         err_len,
              const char   *out,
              gsize         out_len,
              gboolean      ok)
{
  if (batch->progress)
    g_printerr ("\r\033[K");
  fwrite (err, 1, err_len, stderr);
  fwrite (out, 1, out_len, stdout);
  fflush (stdout);
  batch->n_done++;
  if (!ok)
    batch->n_failed++;
  if (batch->progress)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "Exporting: %u of %u sheet done, %u failed",
                             "Exporting: %u of %u sheets done, %u failed", batch->n_total),
                batch->n_done, batch->n_total, batch->n_failed);
}

/* Worker processes. Pango and cairo 1.16 are not safe to use from two
 * threads at once even with a font map each (cairo shares scaled fonts
 * between them: a layout measuring glyphs while another thread finishes a
 * PDF crashed), so each worker is a process of its own, forked before any
 * font is loaded. The workers take the next input from a counter in shared
 * memory and send the parent, over a pipe, a record per input (its index,
 * success, and what it printed); the parent alone prints. */
typedef struct
{
  guint32 index;
  guint32 ok;
  guint32 err_len;
  guint32 out_len;
} Record;

static gboolean
write_all (int         fd,
           const void *data,
           gsize       len)
{
  const char *p = data;

  while (len > 0)
    {
      ssize_t n = write (fd, p, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      len -= (gsize) n;
    }
  return TRUE;
}

static gboolean
read_all (int    fd,
          void  *data,
          gsize  len)
{
  char *p = data;

  while (len > 0)
    {
      ssize_t n = read (fd, p, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      len -= (gsize) n;
    }
  return TRUE;
}

static G_NORETURN void
worker_main (Batch      *batch,
             GPtrArray  *queue,
             guint      *next,
             int         fd)
{
  for (;;)
    {
      guint i = __atomic_fetch_add (next, 1, __ATOMIC_SEQ_CST);
      Report report = { g_string_new (NULL), g_string_new (NULL), FALSE };
      Record record;
      gboolean sent;

      if (i >= queue->len)
        break;
      export_one (batch->options, g_ptr_array_index (queue, i), batch->quiet,
                  !batch->quiet && !batch->progress, &report);
      record.index = i;
      record.ok = report.ok;
      record.err_len = (guint32) report.err->len;
      record.out_len = (guint32) report.out->len;
      sent = write_all (fd, &record, sizeof record) &&
             write_all (fd, report.err->str, report.err->len) &&
             write_all (fd, report.out->str, report.out->len);
      g_string_free (report.err, TRUE);
      g_string_free (report.out, TRUE);
      if (!sent)
        break;
    }
  close (fd);
  _exit (0);
}

/* Reads one record from @fd and prints it; FALSE at the end of the pipe */
static gboolean
receive (Batch    *batch,
         int       fd,
         gboolean *reported)
{
  Record record;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  if (!read_all (fd, &record, sizeof record) || record.index >= batch->n_total)
    return FALSE;
  err = g_malloc (record.err_len + 1);
  out = g_malloc (record.out_len + 1);
  if (!read_all (fd, err, record.err_len) || !read_all (fd, out, record.out_len))
    return FALSE;
  reported[record.index] = TRUE;
  print_report (batch, err, record.err_len, out, record.out_len, record.ok);
  return TRUE;
}

static void run_here (Batch     *batch,
                      GPtrArray *queue);

static void
run_workers (Batch     *batch,
             GPtrArray *queue,
             int        n_workers)
{
  g_autofree gboolean *reported = g_new0 (gboolean, queue->len);
  g_autofree struct pollfd *fds = g_new0 (struct pollfd, n_workers);
  g_autofree pid_t *pids = g_new0 (pid_t, n_workers);
  guint *next;
  int n_open = 0;
  int crash_status = 0;

  next = mmap (NULL, sizeof *next, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  g_assert (next != MAP_FAILED);
  *next = 0;
  for (int k = 0; k < n_workers; k++)
    fds[k].fd = -1;
  fflush (stdout);
  fflush (stderr);
  for (int k = 0; k < n_workers; k++)
    {
      int pipe_fds[2];

      if (pipe (pipe_fds) != 0)
        break;
      pids[k] = fork ();
      if (pids[k] == 0)
        {
          for (int j = 0; j < n_open; j++)
            close (fds[j].fd);
          close (pipe_fds[0]);
          worker_main (batch, queue, next, pipe_fds[1]);
        }
      close (pipe_fds[1]);
      if (pids[k] < 0)
        {
          close (pipe_fds[0]);
          break;
        }
      fds[n_open].fd = pipe_fds[0];
      fds[n_open].events = POLLIN;
      n_open++;
    }
  if (n_open == 0)
    {
      /* no worker could be started: export here */
      munmap (next, sizeof *next);
      run_here (batch, queue);
      return;
    }

  while (n_open > 0)
    {
      if (poll (fds, n_workers, -1) < 0)
        {
          if (errno == EINTR)
            continue;
          break;
        }
      for (int k = 0; k < n_workers; k++)
        if (fds[k].fd >= 0 && fds[k].revents != 0)
          {
            if (!receive (batch, fds[k].fd, reported))
              {
                close (fds[k].fd);
                fds[k].fd = -1;
                n_open--;
              }
          }
    }
  for (int k = 0; k < n_workers; k++)
    if (pids[k] > 0)
      {
        int status = 0;

        while (waitpid (pids[k], &status, 0) < 0 && errno == EINTR)
          ;
        if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
          crash_status = status;
      }

  /* an input a worker took and never reported: it crashed on it */
  for (guint i = 0; i < queue->len; i++)
    if (!reported[i])
      {
        Job *job = g_ptr_array_index (queue, i);
        g_autofree char *err = NULL;

        if (WIFSIGNALED (crash_status))
          err = g_strdup_printf (_("%s: error: the export stopped: %s\n%s: skipped\n"), job->name,
                                 g_strsignal (WTERMSIG (crash_status)), job->name);
        else
          err = g_strdup_printf (_("%s: error: the export stopped\n%s: skipped\n"), job->name, job->name);
        print_report (batch, err, strlen (err), "", 0, FALSE);
      }
  munmap (next, sizeof *next);
}

static void
run_here (Batch     *batch,
          GPtrArray *queue)
{
  for (guint i = 0; i < queue->len; i++)
    {
      Report report = { g_string_new (NULL), g_string_new (NULL), FALSE };

      export_one (batch->options, g_ptr_array_index (queue, i), batch->quiet,
                  !batch->quiet && !batch->progress, &report);
      print_report (batch, report.err->str, report.err->len, report.out->str, report.out->len,
                    report.ok);
      g_string_free (report.err, TRUE);
      g_string_free (report.out, TRUE);
    }
}

/* DIR/NAME.EXT for DIR/…/NAME.json */
static char *
output_path_for (const char *dir,
                 const char *input,
                 const char *extension)
{
  g_autofree char *base = g_path_get_basename (input);
  g_autofree char *name = NULL;
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strconcat (base, ".", extension, NULL);
  return g_build_filename (dir, name, NULL);
}

int
impact_cli_batch_export (ImpactExportOptions *options,
                         char               **inputs,
                         int                  n_inputs,
                         const char          *files_from,
                         const char          *output,
                         const char          *format_name,
                         int                  jobs,
                         gboolean             quiet)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) queue = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  g_autoptr(GHashTable) outputs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *probe = NULL;
  Batch batch = { 0 };
  gint64 start = g_get_monotonic_time ();

  if (output == NULL)
    {
      g_printerr (_("impact-sheet export: no output folder given (use -o DIR/)\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }
  probe = g_strconcat ("x.", format_name != NULL ? format_name : "pdf", NULL);
  if (!impact_export_format_from_path (probe, &options->format))
    {
      g_printerr (_("impact-sheet export: unknown format “%s”: use pdf, png or svg\n"), format_name);
      return IMPACT_CLI_EXIT_USAGE;
    }
  if (jobs < 0)
    {
      g_printerr (_("impact-sheet export: --jobs must be 1 or more (0: one a processor)\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }
  if (g_file_test (output, G_FILE_TEST_EXISTS) && !g_file_test (output, G_FILE_TEST_IS_DIR))
    {
      g_printerr (_("impact-sheet export: several inputs need a folder to write to, and “%s” is a file\n"), output);
      return IMPACT_CLI_EXIT_USAGE;
    }
  if (g_mkdir_with_parents (output, 0777) != 0)
    {
      g_printerr (_("impact-sheet export: cannot create the folder “%s”: %s\n"), output, g_strerror (errno));
      return IMPACT_CLI_EXIT_BAD_INPUT;
    }

  for (int i = 0; i < n_inputs; i++)
    g_ptr_array_add (paths, g_strdup (inputs[i]));
  if (files_from != NULL && !read_list (files_from, paths, &error))
    {
      g_printerr ("impact-sheet export: %s\n", error->message);
      return IMPACT_CLI_EXIT_BAD_INPUT;
    }
  if (paths->len == 0)
    {
      g_printerr (_("impact-sheet export: no input file given\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }

  for (guint i = 0; i < paths->len; i++)
    {
      Job *job = g_new0 (Job, 1);
      char *out = output_path_for (output, g_ptr_array_index (paths, i),
                                   impact_export_format_to_string (options->format));

      job->input = g_strdup (g_ptr_array_index (paths, i));
      job->name = g_path_get_basename (job->input);
      if (g_hash_table_contains (outputs, out))
        g_free (out);
      else
        {
          job->output = out;
          g_hash_table_add (outputs, out);
        }
      g_ptr_array_add (queue, job);
    }

  /* a private font configuration is for one document a process: workers
   * keep the fonts they loaded for the next sheet instead */
  options->private_fonts = FALSE;
  batch.options = options;
  batch.n_total = queue->len;
  batch.quiet = quiet;
  batch.progress = !quiet && isatty (STDERR_FILENO);
  if (jobs == 0)
    jobs = (int) g_get_num_processors ();
  jobs = CLAMP (jobs, 1, (int) MAX (queue->len, 1));

  if (jobs == 1)
    run_here (&batch, queue);
  else
    run_workers (&batch, queue, jobs);

  if (batch.progress)
    g_printerr ("\n");
  if (!quiet)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %u of %u sheet in %.2f s\n",
                          "Exported %u of %u sheets in %.2f s\n", batch.n_total),
             batch.n_total - batch.n_failed, batch.n_total,
             (g_get_monotonic_time () - start) / 1e6);
  return batch.n_failed > 0 ? IMPACT_CLI_EXIT_BAD_INPUT : IMPACT_CLI_EXIT_OK;
}
