/* impact-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "impact-test-utils.h"

#include <string.h>

#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/wait.h>

static GPtrArray *tmpdirs;

void
impact_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        impact_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort passes pointers to the elements */
  return strcmp (*(char * const *) a, *(char * const *) b);
}

GPtrArray *
impact_test_json_names (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = g_dir_open (dir, 0, &error);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

static void
cleanup_tmpdirs (void)
{
  if (g_getenv ("IMPACT_TEST_KEEP_TMP"))
    return;
  for (guint i = 0; tmpdirs && i < tmpdirs->len; i++)
    {
      /* make read-only folders removable again */
      g_chmod (g_ptr_array_index (tmpdirs, i), 0700);
      impact_test_remove_tree (g_ptr_array_index (tmpdirs, i));
    }
}

char *
impact_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("impact-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (tmpdirs == NULL)
    {
      tmpdirs = g_ptr_array_new_with_free_func (g_free);
      atexit (cleanup_tmpdirs);
    }
  g_ptr_array_add (tmpdirs, g_strdup (dir));
  return dir;
}

char *
impact_test_data_path (const char *relative)
{
  return g_test_build_filename (G_TEST_DIST, relative, NULL);
}

char *
impact_test_example_path (const char *name)
{
  const char *dir = g_getenv ("IMPACT_EXAMPLES_DIR");

  if (dir == NULL)
    return g_test_build_filename (G_TEST_DIST, "..", "resources", "examples", name, NULL);
  return g_build_filename (dir, name, NULL);
}

const char *
impact_test_binary (void)
{
  const char *bin = g_getenv ("IMPACT_SHEET_BIN");

  g_assert_nonnull (bin);
  return bin;
}

int
impact_test_run (const char * const *argv,
                 char              **out_stdout,
                 char              **out_stderr)
{
  g_autoptr(GError) error = NULL;
  int status = 0;
  /* an output nobody asked for is dropped, never mixed into the TAP stream */
  GSpawnFlags flags = G_SPAWN_SEARCH_PATH |
                      (out_stdout == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : 0) |
                      (out_stderr == NULL ? G_SPAWN_STDERR_TO_DEV_NULL : 0);

  g_spawn_sync (NULL, (char **) argv, NULL, flags, NULL, NULL,
                out_stdout, out_stderr, &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return 128 + (WIFSIGNALED (status) ? WTERMSIG (status) : 0);
}

gboolean
impact_test_have_program (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);

  return path != NULL;
}

char *
impact_test_pdf_objects (const char *pdf)
{
  const char *argv[] = { "qpdf", "--json", "--json-key=qpdf", pdf, NULL };
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  if (!impact_test_have_program ("qpdf"))
    g_error ("qpdf is missing: the set-up command installs it");
  status = impact_test_run (argv, &out, &err);
  if (status != 0)
    g_error ("qpdf --json %s failed (%d): %s", pdf, status, err);
  return out;
}

void
impact_test_result_clear (ImpactTestResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

void
impact_test_run_cli (ImpactTestResult   *result,
                     const char         *input,
                     const char * const *args)
{
  impact_test_run_cli_env (result, NULL, input, args);
}

void
impact_test_run_cli_env (ImpactTestResult   *result,
                         const char * const *env,
                         const char         *input,
                         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *lsan = g_getenv ("LSAN_OPTIONS");

  g_ptr_array_add (argv, (gpointer) impact_test_binary ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  /* under LeakSanitizer, the child's summary of suppressed (fontconfig)
   * leaks would land in the stderr the tests compare */
  if (lsan != NULL)
    {
      g_autofree char *quiet = g_strconcat (lsan, ":print_suppressions=0", NULL);

      g_subprocess_launcher_setenv (launcher, "LSAN_OPTIONS", quiet, TRUE);
    }
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      const char *equals = strchr (env[i], '=');

      if (equals == NULL)
        g_subprocess_launcher_unsetenv (launcher, env[i]);
      else
        {
          g_autofree char *name = g_strndup (env[i], equals - env[i]);

          g_subprocess_launcher_setenv (launcher, name, equals + 1, TRUE);
        }
    }
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, input != NULL ? input : "", NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  result->status = g_subprocess_get_exit_status (proc);
}
