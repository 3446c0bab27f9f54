/* test-timeline-cli.c: `impact-sheet export INPUT --part timeline …`
 *
 * impact_cli_timeline_export_main() is linked in directly (the main
 * command line routes --part timeline to it), and called as the program
 * would be.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <string.h>

#include "impact-cli.h"
#include "impact-cli-timeline.h"
#include "impact-test-utils.h"

static int
run (const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;
  int status;

  g_ptr_array_add (args, (char *) "impact-sheet");
  g_ptr_array_add (args, (char *) "export");
  va_start (ap, first);
  for (const char *a = first; a; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  {
    /* GOptionContext rearranges argv: hand it a copy */
    g_autofree char **argv = g_memdup2 (args->pdata, args->len * sizeof (char *));

    status = impact_cli_timeline_export_main ((int) args->len - 1, argv);
  }
  return status;
}

static void
test_slide_and_handout (void)
{
  g_autofree char *input = impact_test_data_path ("timeline/data/timeline.json");
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "t.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "t.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "t.svg", NULL);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run (input, "--part", "timeline", "-o", png, "--size", "1280x720", "-q", NULL), ==, 0);
  pixbuf = gdk_pixbuf_new_from_file (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 1280);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 720);

  g_assert_cmpint (run (input, "--part", "timeline", "-o", svg, "-q", NULL), ==, 0);
  g_assert_true (g_file_test (svg, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run (input, "--part", "timeline", "-o", pdf, "--page-size", "letter", "-q", NULL), ==, 0);
  if (impact_test_have_program ("pdfinfo"))
    {
      const char *argv[] = { "pdfinfo", pdf, NULL };
      g_autofree char *out = NULL;

      g_assert_cmpint (impact_test_run (argv, &out, NULL), ==, 0);
      g_assert_nonnull (strstr (out, "612 x 792 pts"));
    }
}

static void
test_usage_errors (void)
{
  g_autofree char *input = impact_test_data_path ("timeline/data/timeline.json");
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "t.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "t.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);

  g_test_message ("usage errors exit with 2, bad input with 1");
  g_assert_cmpint (run (input, "--part", "timeline", NULL), ==, 2);                                  /* no -o */
  g_assert_cmpint (run ("--part", "timeline", "-o", png, NULL), ==, 2);                             /* no input */
  g_assert_cmpint (run (input, "--part", "stats", "-o", png, NULL), ==, 2);
  g_assert_cmpint (run (input, "--part", "timeline", "-o", png, "--size", "10x10", NULL), ==, 2);
  g_assert_cmpint (run (input, "--part", "timeline", "-o", png, "--size", "wide", NULL), ==, 2);
  g_assert_cmpint (run (input, "--part", "timeline", "-o", png, "--page-size", "a4", NULL), ==, 2);  /* handout is PDF */
  g_assert_cmpint (run (input, "--part", "timeline", "-o", pdf, "--page-size", "a5", NULL), ==, 2);
  g_assert_cmpint (run (input, "--part", "timeline", "-o", pdf, "--page-size", "a4", "--size", "1920x1080", NULL), ==, 2);
  g_assert_cmpint (run (input, "--part", "timeline", "-o", "x.doc", NULL), ==, 2);
  g_assert_cmpint (run (missing, "--part", "timeline", "-o", png, NULL), ==, 1);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

static void
count_free (gpointer data)
{
  (*(guint *) data)++;
}

/* What a command leaves to the process exit: freed at once unless the
 * program's main() said the process ends with the command (commands called
 * in a test's process free their documents as usual). */
static void
test_release (void)
{
  static guint n_freed;

  impact_cli_release (NULL, count_free);
  impact_cli_release (&n_freed, count_free);
  g_assert_cmpuint (n_freed, ==, 1);
  impact_cli_set_free_at_exit (FALSE);
  impact_cli_release (&n_freed, count_free);
  g_assert_cmpuint (n_freed, ==, 1);
  impact_cli_set_free_at_exit (TRUE);
  impact_cli_release (&n_freed, count_free);
  g_assert_cmpuint (n_freed, ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timeline-cli/slide-and-handout", test_slide_and_handout);
  g_test_add_func ("/timeline-cli/usage-errors", test_usage_errors);
  g_test_add_func ("/timeline-cli/release", test_release);
  return g_test_run ();
}
