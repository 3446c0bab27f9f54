/* test-cli-batch.c: `impact-sheet export A.json B.json … -o DIR/`
 *
 * Runs the built binary: several inputs in one process, a list on standard
 * input, a broken input reported and skipped, outputs written atomically
 * and the same as one export at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <pty.h>
#include <string.h>
#include <unistd.h>

#include "impact-test-utils.h"

typedef ImpactTestResult Result;

/* Runs impact-sheet with @args (NULL-terminated), @input on standard input */
static void
run (Result             *r,
     const char         *input,
     const char * const *args)
{
  impact_test_run_cli (r, input, args);
}

/* Copies the example to DIR/NAME */
static char *
copy_example (const char *dir,
              const char *name)
{
  g_autofree char *src = impact_test_example_path ("kolkata.json");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  gsize len;

  g_file_get_contents (src, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

static char *
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* The file without its /CreationDate and /ModDate (the export's time) */
static char *
pdf_without_dates (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gsize len;
  const char *p, *end;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_true (len > 5 && memcmp (contents, "%PDF-", 5) == 0);
  for (p = contents, end = contents + len; p < end; )
    {
      const char *nl = memchr (p, '\n', end - p);
      gsize n = nl != NULL ? (gsize) (nl - p + 1) : (gsize) (end - p);

      /* the dates, and what is new in each file: its XMP uuid, its /ID */
      if (!(g_strstr_len (p, n, "/CreationDate") || g_strstr_len (p, n, "/ModDate") ||
            g_strstr_len (p, n, "Date>") || g_strstr_len (p, n, "uuid:") || g_strstr_len (p, n, "/ID [")))
        g_string_append_len (out, p, n);
      p += n;
    }
  return g_strndup (out->str, out->len);
}

/* No temporary file (".NAME.XXXXXX") is left in @dir */
static void
assert_no_temporary_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_assert_false (name[0] == '.');
}

static void
test_batch_broken_input_is_skipped (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *out_slash = g_strconcat (out, "/", NULL);
  g_autofree char *a = copy_example (dir, "a.json");
  g_autofree char *b = copy_example (dir, "b.json");
  g_autofree char *broken = write_file (dir, "broken.json", "{\"title\": ");
  g_autofree char *c = copy_example (dir, "c.json");
  g_autofree char *old = NULL;
  g_autofree char *contents = NULL;
  const char *args[] = { "export", a, broken, b, c, "-o", out_slash, "--jobs", "2", NULL };
  g_auto(ImpactTestResult) r = { 0 };

  /* what was there before stays for the input that fails */
  g_assert_cmpint (g_mkdir_with_parents (out, 0700), ==, 0);
  old = write_file (out, "broken.pdf", "old");

  run (&r, NULL, args);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "broken.json"));
  g_assert_nonnull (strstr (r.err, "broken.json: skipped"));
  g_assert_null (strstr (r.err, "a.json"));
  g_assert_nonnull (strstr (r.out, "Exported 3 of 4 sheets"));
  for (guint i = 0; i < 3; i++)
    {
      const char *names[] = { "a.pdf", "b.pdf", "c.pdf" };
      g_autofree char *path = g_build_filename (out, names[i], NULL);
      g_autofree char *text = pdf_without_dates (path);

      g_assert_nonnull (strstr (r.out, path));
    }
  g_assert_true (g_file_get_contents (old, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  assert_no_temporary_files (out);
}

/* Two workers at once (a Bengali sheet among them): each sheet comes out
 * as one export at a time writes it */
static void
test_batch_same_as_single (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *single = g_build_filename (dir, "single.pdf", NULL);
  g_autofree char *single_text = NULL;
  g_autofree char *input = impact_test_example_path ("kolkata.json");
  g_autofree char *bn = impact_test_example_path ("kolkata-bn.json");
  g_autofree char *single_bn = g_build_filename (dir, "single-bn.pdf", NULL);
  g_autofree char *single_bn_text = NULL;
  char *p[4] = { NULL };
  const char *single_args[] = { "export", input, "-o", single, "-q", NULL };
  const char *single_bn_args[] = { "export", bn, "-o", single_bn, "-q", NULL };
  g_auto(ImpactTestResult) r1 = { 0 };
  g_auto(ImpactTestResult) r2 = { 0 };
  g_auto(ImpactTestResult) r3 = { 0 };

  run (&r1, NULL, single_args);
  g_assert_cmpint (r1.status, ==, 0);
  run (&r2, NULL, single_bn_args);
  g_assert_cmpint (r2.status, ==, 0);
  single_text = pdf_without_dates (single);
  single_bn_text = pdf_without_dates (single_bn);

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("s%u.json", i);

      p[i] = copy_example (dir, name);
    }
  {
    g_autofree char *out = g_build_filename (dir, "out", NULL);
    const char *args[] = { "export", p[0], bn, p[1], p[2], p[3], "-o", out, "-j", "2", "-q", NULL };

    g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
    run (&r3, NULL, args);
    g_assert_cmpint (r3.status, ==, 0);
    g_assert_cmpstr (r3.err, ==, "");
    for (guint i = 0; i < 4; i++)
      {
        g_autofree char *name = g_strdup_printf ("s%u.pdf", i);
        g_autofree char *path = g_build_filename (out, name, NULL);
        g_autofree char *text = pdf_without_dates (path);

        g_assert_cmpstr (text, ==, single_text);
      }
    {
      g_autofree char *path = g_build_filename (out, "kolkata-bn.pdf", NULL);
      g_autofree char *text = pdf_without_dates (path);

      g_assert_cmpstr (text, ==, single_bn_text);
    }
  }
  for (guint i = 0; i < 4; i++)
    g_free (p[i]);
}

static void
test_batch_list_on_stdin (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "made", "here", NULL);
  g_autofree char *out_slash = g_strconcat (out, "/", NULL);
  g_autofree char *a = copy_example (dir, "one.json");
  g_autofree char *b = copy_example (dir, "two.json");
  g_autofree char *list = g_strdup_printf ("%s\r\n\n%s\n", a, b);
  const char *args[] = { "export", "--files-from", "-", "-o", out_slash, "--format", "png", "--page", "1", NULL };
  g_auto(ImpactTestResult) r = { 0 };

  run (&r, list, args);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Exported 2 of 2 sheets"));
  for (guint i = 0; i < 2; i++)
    {
      const char *names[] = { "one.png", "two.png" };
      g_autofree char *path = g_build_filename (out, names[i], NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_assert_true (len > 8 && memcmp (contents, "\x89PNG", 4) == 0);
    }
  assert_no_temporary_files (out);
}

static void
test_batch_same_name_twice (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *sub1 = g_build_filename (dir, "one", NULL);
  g_autofree char *sub2 = g_build_filename (dir, "two", NULL);
  g_autofree char *out = g_build_filename (dir, "out/", NULL);
  g_autofree char *a = NULL, *b = NULL;
  g_auto(ImpactTestResult) r = { 0 };

  g_assert_cmpint (g_mkdir (sub1, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (sub2, 0700), ==, 0);
  a = copy_example (sub1, "x.json");
  b = copy_example (sub2, "x.json");
  {
    const char *args[] = { "export", a, b, "-o", out, NULL };

    run (&r, NULL, args);
  }
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "x.json: another input of the same name writes the same file"));
  g_assert_nonnull (strstr (r.out, "Exported 1 of 2 sheets"));
}

static void
test_batch_usage (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *a = copy_example (dir, "a.json");
  g_autofree char *file = write_file (dir, "a-file", "x");
  g_autofree char *pdf = g_build_filename (dir, "a.pdf", NULL);
  g_auto(ImpactTestResult) r1 = { 0 };
  g_auto(ImpactTestResult) r2 = { 0 };
  g_auto(ImpactTestResult) r3 = { 0 };
  const char *to_file[] = { "export", a, a, "-o", file, NULL };
  const char *jobs_single[] = { "export", a, "-o", pdf, "--jobs", "2", NULL };
  const char *bad_format[] = { "export", a, a, "-o", dir, "--format", "gif", NULL };

  run (&r1, NULL, to_file);
  g_assert_cmpint (r1.status, ==, 2);
  g_assert_nonnull (strstr (r1.err, "is a file"));
  run (&r2, NULL, jobs_single);
  g_assert_cmpint (r2.status, ==, 2);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  run (&r3, NULL, bad_format);
  g_assert_cmpint (r3.status, ==, 2);
  g_assert_nonnull (strstr (r3.err, "gif"));
}

/* With standard error on a terminal, a progress line is redrawn in place
 * (and the files written are not listed one by one) */
static void
test_batch_progress_on_terminal (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "out/", NULL);
  g_autofree char *a = copy_example (dir, "a.json");
  g_autofree char *b = copy_example (dir, "b.json");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) terminal = g_string_new (NULL);
  g_autofree char *stdout_text = NULL;
  const char *argv[] = { impact_test_binary (), "export", a, b, "-o", out, NULL };
  int master = -1, slave = -1;
  char buffer[4096];
  ssize_t n;

  g_assert_cmpint (openpty (&master, &slave, NULL, NULL, NULL), ==, 0);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_take_stderr_fd (launcher, slave);
  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_clear_object (&launcher);   /* closes our copy of the terminal's end */
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &stdout_text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);

  fcntl (master, F_SETFL, O_NONBLOCK);
  while ((n = read (master, buffer, sizeof buffer)) > 0)
    g_string_append_len (terminal, buffer, n);
  close (master);

  g_assert_nonnull (strstr (terminal->str, "Exporting: 2 of 2 sheets done, 0 failed"));
  g_assert_nonnull (strstr (terminal->str, "\r"));
  g_assert_null (strstr (stdout_text, "Wrote "));
  g_assert_nonnull (strstr (stdout_text, "Exported 2 of 2 sheets"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/batch/broken-input-is-skipped", test_batch_broken_input_is_skipped);
  g_test_add_func ("/cli/batch/same-as-single", test_batch_same_as_single);
  g_test_add_func ("/cli/batch/list-on-stdin", test_batch_list_on_stdin);
  g_test_add_func ("/cli/batch/same-name-twice", test_batch_same_name_twice);
  g_test_add_func ("/cli/batch/usage", test_batch_usage);
  g_test_add_func ("/cli/batch/progress-on-terminal", test_batch_progress_on_terminal);
  return g_test_run ();
}
