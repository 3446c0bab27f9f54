/* fuzz-replay.c: the fuzz targets in the normal (gcc) build
 *
 * Linked with one of fuzz-*.c (FUZZ_TARGET names it): one test case per
 * file of tests/fuzz/regressions/TARGET/ and tests/fuzz/corpus/TARGET/,
 * each fed once to LLVMFuzzerTestOneInput(), whose assertions check the
 * outcome (a document or a clear error; nothing may crash).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>

#include <gio/gio.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
replay (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const uint8_t *) contents, len), ==, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static guint
add_dir (const char *kind)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "fuzz", kind, FUZZ_TARGET, NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test = g_strdup_printf ("/fuzz-%s/%s/%s", FUZZ_TARGET, kind,
                                               (const char *) g_ptr_array_index (names, i));

      /* the path lives as long as the test program */
      g_test_add_data_func_full (test, g_build_filename (dir, g_ptr_array_index (names, i), NULL),
                                 replay, g_free);
    }
  return names->len;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* there are saved regressions for every target */
  g_assert_cmpuint (add_dir ("regressions"), >, 0);
  add_dir ("corpus");
  return g_test_run ();
}
