/* test-file-watch.c: ImpactFileWatch says a file changed when someone
 * else changed it, once it settled, and not for contents the owner knows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "impact-file-watch.h"
#include "impact-test-utils.h"

#define SETTLE 100

static void
count_cb (ImpactFileWatch *watch,
          guint           *count)
{
  (*count)++;
}

/* Runs the main loop for @ms: longer than the watch's settling, so that
 * whatever it would say it has said */
static void
run_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* waits (up to 10 s) until @count reaches @expected */
static gboolean
wait_count (guint *count,
            guint  expected)
{
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (*count < expected && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  return *count == expected;
}

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
test_changes (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "brand.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ImpactFileWatch) watch = NULL;
  guint count = 0;

  write_file (path, "{ \"a\": 1 }\n");
  watch = impact_file_watch_new (file, SETTLE);
  g_assert_true (impact_file_watch_get_file (watch) == file);
  g_signal_connect (watch, "changed", G_CALLBACK (count_cb), &count);

  /* the same contents written again: no change */
  write_file (path, "{ \"a\": 1 }\n");
  run_for (4 * SETTLE);
  g_assert_cmpuint (count, ==, 0);

  /* other contents: one change, once it settled */
  write_file (path, "{ \"a\": 2 }\n");
  g_assert_true (wait_count (&count, 1));
  /* written again the same: not said twice */
  write_file (path, "{ \"a\": 2 }\n");
  run_for (4 * SETTLE);
  g_assert_cmpuint (count, ==, 1);

  /* the owner's own write, made known: no change */
  write_file (path, "{ \"a\": 3 }\n");
  impact_file_watch_know_current (watch);
  run_for (4 * SETTLE);
  g_assert_cmpuint (count, ==, 1);

  /* written in steps: one change, for the last */
  write_file (path, "{ \"a\": ");
  write_file (path, "{ \"a\": 4");
  write_file (path, "{ \"a\": 4 }\n");
  g_assert_true (wait_count (&count, 2));
  run_for (4 * SETTLE);
  g_assert_cmpuint (count, ==, 2);

  /* deleted: a change too */
  impact_file_watch_know_current (watch);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (wait_count (&count, 3));

  /* back with the contents the owner knows: no change to say */
  write_file (path, "{ \"a\": 4 }\n");
  run_for (4 * SETTLE);
  g_assert_cmpuint (count, ==, 3);
  impact_test_remove_tree (dir);
}

/* A file that does not exist yet: made, it is a change */
static void
test_missing_at_first (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "later.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ImpactFileWatch) watch = impact_file_watch_new (file, SETTLE);
  guint count = 0;

  g_signal_connect (watch, "changed", G_CALLBACK (count_cb), &count);
  write_file (path, "{}\n");
  g_assert_true (wait_count (&count, 1));
  impact_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/file-watch/changes", test_changes);
  g_test_add_func ("/file-watch/missing-at-first", test_missing_at_first);
  return g_test_run ();
}
