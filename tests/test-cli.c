/* test-cli.c: `impact-sheet export` and `validate` as a user runs them
 *
 * Each case runs the built binary with no display and checks the exit
 * status, what it printed and what it wrote.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "impact-test-utils.h"

typedef ImpactTestResult Result;

static void
run_va (Result             *r,
        const char * const *env,
        va_list             args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;

  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);
  impact_test_run_cli_env (r, env, NULL, (const char * const *) argv->pdata);
}

/* Runs impact-sheet with the arguments (NULL-terminated), with no display */
static void
run (Result *r,
     ...)
{
  va_list args;

  va_start (args, r);
  run_va (r, NULL, args);
  va_end (args);
}

/* The same with @env ("NAME=VALUE" sets, "NAME" unsets; NULL-terminated) */
static void
run_env (Result             *r,
         const char * const *env,
         ...)
{
  va_list args;

  va_start (args, env);
  run_va (r, env, args);
  va_end (args);
}

static char *
example (void)
{
  return impact_test_example_path ("kolkata.json");
}

static void
test_export_pdf (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "k.pdf", NULL);
  g_autofree char *input = example ();
  g_auto(ImpactTestResult) r = { 0 };

  run (&r, "export", input, "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_nonnull (strstr (r.out, "Wrote "));
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
}

/* The PDF finisher is a module (impact-pdf-finish.c): only an export that
 * writes a PDF loads it, and libqpdf with it; the program finds it next to
 * itself in the build tree as it does in its installed folder */
static gboolean
loads_qpdf (const ImpactTestResult *r)
{
  return strstr (r->err, "libimpact-pdf-qpdf.so") != NULL || strstr (r->err, "libqpdf.so") != NULL;
}

static void
test_export_finisher_loaded_for_pdf (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "k.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "k.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "k.svg", NULL);
  g_autofree char *input = example ();
  /* the loader's log; the build tree's own place for the module, not the
   * tests' variable */
  const char *const env[] = { "LD_DEBUG=files", "IMPACT_SHEET_MODULE_DIR", NULL };
  g_auto(ImpactTestResult) r_pdf = { 0 };
  g_auto(ImpactTestResult) r_png = { 0 };
  g_auto(ImpactTestResult) r_svg = { 0 };
  g_auto(ImpactTestResult) r_check = { 0 };

  run_env (&r_pdf, env, "export", input, "-o", pdf, "--page", "1", NULL);
  run_env (&r_png, env, "export", input, "-o", png, "--page", "1", "--dpi", "36", NULL);
  run_env (&r_svg, env, "export", input, "-o", svg, "--page", "1", NULL);
  run_env (&r_check, env, "validate", input, NULL);

  g_assert_cmpint (r_pdf.status, ==, 0);
  g_assert_true (loads_qpdf (&r_pdf));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (r_png.status, ==, 0);
  g_assert_false (loads_qpdf (&r_png));
  g_assert_cmpint (r_svg.status, ==, 0);
  g_assert_false (loads_qpdf (&r_svg));
  g_assert_cmpint (r_check.status, ==, 0);
  g_assert_false (loads_qpdf (&r_check));
}

/* without its module a PDF is refused with the reason, nothing is
 * written, and the other formats still export */
static void
test_export_finisher_missing (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *empty = g_build_filename (dir, "modules", NULL);
  g_autofree char *pdf = g_build_filename (dir, "k.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "k.png", NULL);
  g_autofree char *input = example ();
  g_autofree char *setting = g_strconcat ("IMPACT_SHEET_MODULE_DIR=", empty, NULL);
  const char *const env[] = { setting, NULL };
  g_autoptr(GDir) left = NULL;
  g_auto(ImpactTestResult) r_pdf = { 0 };
  g_auto(ImpactTestResult) r_png = { 0 };

  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  run_env (&r_pdf, env, "export", input, "-o", pdf, NULL);
  run_env (&r_png, env, "export", input, "-o", png, "--page", "1", "--dpi", "36", NULL);

  g_assert_cmpint (r_pdf.status, ==, 1);
  g_assert_nonnull (strstr (r_pdf.err, "cannot finish the PDF: its finishing module cannot be loaded"));
  g_assert_nonnull (strstr (r_pdf.err, "libimpact-pdf-qpdf.so"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (r_png.status, ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  /* no temporary file left by the refused PDF */
  left = g_dir_open (dir, 0, NULL);
  for (const char *name; (name = g_dir_read_name (left)) != NULL;)
    g_assert_true (g_str_equal (name, "modules") || g_str_equal (name, "k.png"));
}

static void
test_export_png_dpi (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "k.png", NULL);
  g_autofree char *p1 = g_build_filename (dir, "k-1.png", NULL);
  g_autofree char *p2 = g_build_filename (dir, "k-2.png", NULL);
  g_autofree char *input = example ();
  g_auto(ImpactTestResult) r = { 0 };
  int w = 0, h = 0;

  run (&r, "export", input, "-o", out, "--dpi", "150", "--page-size", "letter", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (gdk_pixbuf_get_file_info (p1, &w, &h));
  g_assert_cmpint (w, ==, 1275);
  g_assert_cmpint (h, ==, 1650);
  g_assert_nonnull (gdk_pixbuf_get_file_info (p2, &w, &h));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_export_one_page (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "back.svg", NULL);
  g_autofree char *input = example ();
  g_auto(ImpactTestResult) r = { 0 };

  run (&r, "export", input, "-o", out, "--page", "2", "--page-size", "a4", "-q", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
}

static void
test_usage_errors (void)
{
  g_autofree char *input = example ();
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "x.pdf", NULL);
  g_autofree char *jpg = g_build_filename (dir, "x.jpg", NULL);
  static const struct { const char *args[6]; const char *message; } cases[] = {
    { { "export", NULL }, "no input file" },
    { { "export", "@IN@", NULL }, "no output file" },
    { { "export", "@IN@", "-o", "@JPG@", NULL }, "use .pdf, .png or .svg" },
    { { "export", "@IN@", "-o", "@PDF@", "--page-size", "tabloid" }, "unknown page size" },
    { { "export", "@IN@", "-o", "@PDF@", "--dpi", "5" }, "--dpi must be between" },
    { { "export", "@IN@", "-o", "@PDF@", "--dpi", "nan" }, "--dpi must be between" },
    { { "validate", "@IN@", "--template", "fancy" }, "unknown template" },
    { { "export", "@IN@", "-o", "@PDF@", "--template", "fancy" }, "unknown template" },
    { { "export", "@IN@", "-o", "@PDF@", "--page", "3" }, "there is no page 3" },
    { { "export", "@IN@", "-o", "@PDF@", "--bogus" }, "Unknown option" },
    { { "export", "@IN@", "-o", "@PDF@", "--bleed", "3" }, "give a length from 0 to 12.7 mm with its unit" },
    { { "export", "@IN@", "-o", "@PDF@", "--bleed", "2cm" }, "give a length from 0 to 12.7 mm" },
    { { "export", "@IN@", "-o", "@PDF@", "--bleed", "3furlongs" }, "--bleed “3furlongs”" },
    { { "export", "@IN@", "-o", "@PDF@", "--part", "cover" }, "unknown part" },
    { { "export", "@IN@", "-o", "@PDF@", "--size", "1080x1080" }, "--size is for --part stats" },
    { { "validate", NULL }, "no input file" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *argv[7] = { 0 };
      g_auto(ImpactTestResult) r = { 0 };

      for (guint j = 0; j < 6 && cases[i].args[j]; j++)
        {
          const char *a = cases[i].args[j];
          argv[j] = g_str_equal (a, "@IN@") ? input : g_str_equal (a, "@PDF@") ? pdf :
                    g_str_equal (a, "@JPG@") ? jpg : a;
        }
      run (&r, argv[0], argv[1], argv[2], argv[3], argv[4], argv[5], NULL);
      g_test_message ("case %u: %s", i, r.err);
      g_assert_cmpint (r.status, ==, 2);
      if (strstr (r.err, cases[i].message) == NULL)
        g_error ("case %u: expected “%s” in: %s", i, cases[i].message, r.err);
    }
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static void
test_quiet (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *in = g_build_filename (dir, "typo.json", NULL);
  g_autofree char *out = g_build_filename (dir, "typo.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(ImpactTestResult) loud = { 0 };
  g_auto(ImpactTestResult) quiet = { 0 };

  g_file_set_contents (in, "{ \"format\": \"1\", \"office\": \"X\", \"organisation\": { \"name\": \"Y\" },"
                       " \"titel\": \"T\" }", -1, &error);
  g_assert_no_error (error);
  run (&loud, "export", in, "-o", out, NULL);
  g_assert_cmpint (loud.status, ==, 0);
  g_assert_nonnull (strstr (loud.err, "did you mean \"title\""));
  /* -q: nothing but errors */
  run (&quiet, "export", in, "-o", out, "-q", NULL);
  g_assert_cmpint (quiet.status, ==, 0);
  g_assert_cmpstr (quiet.out, ==, "");
  g_assert_cmpstr (quiet.err, ==, "");
}

static void
test_many_warnings_counted (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *in = g_build_filename (dir, "many.json", NULL);
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"1\", \"office\": \"X\", "
                                          "\"organisation\": { \"name\": \"Y\" }, \"milestones\": [");
  g_autoptr(GError) error = NULL;
  g_auto(ImpactTestResult) r = { 0 };

  /* 800 unknown members: the list keeps 500, the count says 800, and
   * one more says the sheet's timeline shows a choice of the milestones */
  for (int i = 0; i < 800; i++)
    g_string_append_printf (json, "%s{ \"date\": \"2000\", \"title\": \"t\", \"titel\": \"x\" }", i ? "," : "");
  g_string_append (json, "] }");
  g_file_set_contents (in, json->str, -1, &error);
  g_assert_no_error (error);
  run (&r, "validate", in, "--page-size", "a4", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "many.json is valid, with 801 warnings"));
  g_assert_nonnull (strstr (r.err, "more problems not shown"));
}

static void
test_export_timeline (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "slide.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *input = example ();
  g_auto(ImpactTestResult) r = { 0 };
  g_auto(ImpactTestResult) h = { 0 };
  int w = 0, ht = 0;

  /* `export --part timeline` reaches the timeline's own options */
  run (&r, "export", input, "--part", "timeline", "-o", png, "--size", "1280x720", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (gdk_pixbuf_get_file_info (png, &w, &ht));
  g_assert_cmpint (w, ==, 1280);
  g_assert_cmpint (ht, ==, 720);

  run (&h, "export", input, "--part=timeline", "-o", pdf, "--page-size", "a4", NULL);
  g_assert_cmpint (h.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
}

static void
test_help (void)
{
  g_auto(ImpactTestResult) r = { 0 };
  g_auto(ImpactTestResult) v = { 0 };
  g_auto(ImpactTestResult) u = { 0 };

  run (&r, "export", "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--page-size"));
  g_assert_nonnull (strstr (r.out, "--dpi"));
  g_assert_nonnull (strstr (r.out, "Exit status"));

  run (&v, "validate", "--help", NULL);
  g_assert_cmpint (v.status, ==, 0);
  g_assert_nonnull (strstr (v.out, "INPUT.json"));
}

static void
test_bad_input (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(ImpactTestResult) r = { 0 };
  g_auto(ImpactTestResult) m = { 0 };

  g_file_set_contents (bad,
                       "{\n"
                       "  \"format\": \"1\",\n"
                       "  \"office\": \"X\",\n"
                       "  \"organisation\": { \"name\": \"Y\" },\n"
                       "  \"milestones\": [ { \"date\": \"2006-13\", \"title\": \"T\" } ]\n"
                       "}\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (out, "previous", -1, &error);

  run (&r, "export", bad, "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "bad.json:5:"));
  g_assert_nonnull (strstr (r.err, "milestones[0].date: expected YYYY, YYYY-MM or YYYY-MM-DD, got \"2006-13\""));
  /* nothing written over the previous output */
  {
    g_autofree char *contents = NULL;

    g_file_get_contents (out, &contents, NULL, NULL);
    g_assert_cmpstr (contents, ==, "previous");
  }

  run (&m, "validate", missing, NULL);
  g_assert_cmpint (m.status, ==, 1);
  g_assert_nonnull (strstr (m.err, "missing.json"));
}

static void
assert_no_terminal_controls (const char *text)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch != '\n' && ch != '\t' && (ch < 0x20 || (ch >= 0x7F && ch < 0xA0)))
        g_error ("a raw U+%04X reached the terminal in: %s", ch, text);
    }
}

/* Values quoted in errors and the file's name reach the terminal with
 * their escapes (ESC, BEL, the C1 CSI U+009B) made visible */
static void
test_terminal_escapes (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *bad = g_build_filename (dir, "escapes.json", NULL);
  g_autofree char *named = g_build_filename (dir, "name\x1b[2J\xc2\x9b.json", NULL);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr(GError) error = NULL;
  const char *json = "{ \"format\": \"1\", \"office\": \"x\", \"organisation\": { \"name\": \"o\" },"
                     " \"theme\": { \"primary\": \"\\u001b[2J\\u009b\\u0007\\u007f\" },"
                     " \"milestones\": [ { \"date\": \"\\u009b31m\", \"title\": \"t\" } ] }";

  g_assert_true (g_file_set_contents (bad, json, -1, &error));
  {
    g_auto(ImpactTestResult) r = { 0 };

    run (&r, "validate", bad, NULL);
    g_assert_cmpint (r.status, ==, 1);
    assert_no_terminal_controls (r.err);
    g_assert_nonnull (strstr (r.err, "theme.primary"));
    g_assert_nonnull (strstr (r.err, "\\u009B"));
  }
  {
    g_auto(ImpactTestResult) r = { 0 };

    run (&r, "export", bad, "-o", out, NULL);
    g_assert_cmpint (r.status, ==, 1);
    assert_no_terminal_controls (r.err);
    g_assert_nonnull (strstr (r.err, "milestones[0].date"));
  }
  {
    g_auto(ImpactTestResult) r = { 0 };
    g_autofree char *minimal = impact_test_data_path ("data/valid/minimal.json");
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (minimal, &contents, NULL, NULL));
    g_assert_true (g_file_set_contents (named, contents, -1, NULL));
    run (&r, "validate", named, NULL);
    g_assert_cmpint (r.status, ==, 0);
    assert_no_terminal_controls (r.out);
    assert_no_terminal_controls (r.err);
    g_assert_nonnull (strstr (r.out, "name\\x1b[2J\\u009b.json is valid"));
  }
}

static void
test_syntax_error (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *bad = g_build_filename (dir, "broken.json", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(ImpactTestResult) r = { 0 };

  g_file_set_contents (bad, "{\n  \"format\": \"1\",\n  \"office\": \"X\"\n  \"organisation\": {}\n}\n", -1, &error);
  run (&r, "validate", bad, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "broken.json:4:"));
}

static void
test_validate (void)
{
  g_autofree char *input = example ();
  g_auto(ImpactTestResult) r = { 0 };

  run (&r, "validate", input, NULL);
  g_assert_cmpint (r.status, ==, 0);
  /* preflight advice: the statistics are the office's own counts with no
   * source a reader could check; warnings, so the file is still valid. The
   * orange accent is too light for small text, but small accent text is set
   * in a darker shade of it, so there is no contrast warning. */
  /* preflight's warnings carry the line and column of their path too */
  g_assert_nonnull (strstr (r.err, "warning: kolkata.json:37:5: statistics[0]: no source; "
                                   "add a \"source\" so readers can check the figure\n"));
  g_assert_null (strstr (r.err, "theme.accent"));
  g_assert_null (strstr (r.err, "facts["));
  g_assert_null (strstr (r.err, "overflows"));
  /* and the sheet's timeline shows a choice of the milestones: said, not hidden */
  g_assert_nonnull (strstr (r.err, "milestones: the sheet's timeline shows 4 of the 7 milestones"));
  g_assert_nonnull (strstr (r.out, "kolkata.json is valid, with 4 warnings\n"));
}

static void
test_validate_overflow (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "long.json", NULL);
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"1\", \"office\": \"X\", "
                                          "\"organisation\": { \"name\": \"Y\" }, "
                                          "\"problem\": { \"heading\": \"Long\", \"body\": \"");
  g_autoptr(GError) error = NULL;
  g_auto(ImpactTestResult) r = { 0 };

  for (int i = 0; i < 400; i++)
    g_string_append (json, "Every word of this sentence takes room on the page. ");
  g_string_append (json, "\" } }");
  g_file_set_contents (path, json->str, -1, &error);
  g_assert_no_error (error);

  run (&r, "validate", path, NULL);
  /* a sheet that does not fit its pages is an error */
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "error: long.json:1:"));
  g_assert_nonnull (strstr (r.err, ": problem.body: "));
  g_assert_nonnull (strstr (r.err, "pt too long for the front page"));
  g_assert_nonnull (strstr (r.err, "(letter)"));
  g_assert_nonnull (strstr (r.err, "(a4)"));
  /* the two overflows, and the text being longer than any page holds
  * (20,800 characters; the same on both papers, so said once) */
  g_assert_nonnull (strstr (r.err, ": problem.body: this text is far longer than "
                                   "a page can hold (20800 characters)"));
  g_assert_nonnull (strstr (r.out, "long.json is not valid: 2 errors"));
}


static void
test_export_bleed (void)
{
  g_autofree char *input = example ();
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "print.pdf", NULL);
  static const struct { const char *bleed; const char *size; } cases[] = {
    { "3mm", "629.008 x 809.008" },
    { "0.125in", "630 x 810" },
    { "9 pt", "630 x 810" },
    { "0", "612 x 792" },
  };

  if (!impact_test_have_program ("pdfinfo"))
    {
      g_test_skip ("pdfinfo not installed");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(ImpactTestResult) r = { 0 };
      const char *argv[] = { "pdfinfo", pdf, NULL };
      g_autofree char *out = NULL;
      g_autofree char *expected = g_strdup_printf ("Page size:       %s pts", cases[i].size);

      run (&r, "export", input, "-o", pdf, "--bleed", cases[i].bleed, "-q", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpint (impact_test_run (argv, &out, NULL), ==, 0);
      if (strstr (out, expected) == NULL)
        g_error ("--bleed %s: expected %s in %s", cases[i].bleed, expected, out);
    }
}


static void
test_export_stats_card (void)
{
  g_autofree char *input = example ();
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "stats.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "stats.pdf", NULL);
  g_autoptr(GdkPixbuf) card = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_auto(ImpactTestResult) r = { 0 };

    run (&r, "export", input, "--part", "stats", "--size", "1200x630", "-o", png, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.err, ==, "");
    card = gdk_pixbuf_new_from_file (png, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gdk_pixbuf_get_width (card), ==, 1200);
    g_assert_cmpint (gdk_pixbuf_get_height (card), ==, 630);
  }
  {
    g_auto(ImpactTestResult) r = { 0 };

    run (&r, "export", input, "--part", "stats", "--size", "12x34000", "-o", png, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "give WIDTHxHEIGHT in pixels"));
  }
  if (impact_test_have_program ("pdfinfo"))
    {
      g_auto(ImpactTestResult) r = { 0 };
      const char *argv[] = { "pdfinfo", pdf, NULL };
      g_autofree char *out = NULL;

      run (&r, "export", input, "--part", "stats", "-o", pdf, NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpint (impact_test_run (argv, &out, NULL), ==, 0);
      /* one page, 1080 px at 144 dpi */
      g_assert_nonnull (strstr (out, "Pages:           1\n"));
      g_assert_nonnull (strstr (out, "Page size:       540 x 540 pts"));
    }
}

/* `export --part chart`: the chart alone as PNG (a column has the theme's
 * primary colour), PDF (its label is text) and SVG; bad --chart numbers */
static void
test_export_chart (void)
{
  g_autofree char *input = impact_test_data_path ("data/valid/charts.json");
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autoptr(GdkPixbuf) image = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_auto(ImpactTestResult) r = { 0 };
    const guchar *pixels;
    int stride, n_channels;
    const guchar *p;

    run (&r, "export", input, "--part", "chart", "--size", "800x450", "-o", png, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.err, ==, "");
    image = gdk_pixbuf_new_from_file (png, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gdk_pixbuf_get_width (image), ==, 800);
    g_assert_cmpint (gdk_pixbuf_get_height (image), ==, 450);
    pixels = gdk_pixbuf_read_pixels (image);
    stride = gdk_pixbuf_get_rowstride (image);
    n_channels = gdk_pixbuf_get_n_channels (image);
    /* the first column (2006: 7, the highest) near its foot, and the
     * default primary #1b365d */
    p = pixels + (int) (450 * 0.8) * stride + (int) (800 * 0.12) * n_channels;
    g_test_message ("probe %02x%02x%02x", p[0], p[1], p[2]);
    g_assert_cmpint (ABS (p[0] - 0x1b), <=, 3);
    g_assert_cmpint (ABS (p[1] - 0x36), <=, 3);
    g_assert_cmpint (ABS (p[2] - 0x5d), <=, 3);
    /* the corner is the background */
    g_assert_cmpint (pixels[0], ==, 0xff);
  }
  {
    g_auto(ImpactTestResult) r = { 0 };
    g_autofree char *text = NULL;

    run (&r, "export", input, "--part", "chart", "--chart", "3", "-o", svg, NULL);
    g_assert_cmpint (r.status, ==, 0);
    /* the quarter chart says what it leaves out */
    g_assert_nonnull (strstr (r.err, "charts[2].derive.per: 1 milestone with 4 rescued is dated only by year"));
    g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "<svg"));
  }
  if (impact_test_have_program ("pdftotext"))
    {
      g_auto(ImpactTestResult) r = { 0 };
      const char *argv[] = { "pdftotext", pdf, "-", NULL };
      g_autofree char *out = NULL;

      run (&r, "export", input, "--part", "chart", "--chart", "2", "-o", pdf, NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpint (impact_test_run (argv, &out, NULL), ==, 0);
      g_assert_nonnull (strstr (out, "Survivors rescued, in total"));
      g_assert_nonnull (strstr (out, "2010"));
    }
  {
    g_auto(ImpactTestResult) r = { 0 };

    run (&r, "export", input, "--part", "chart", "--chart", "9", "-o", png, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "there is no chart 9: the sheet has 5 charts"));
  }
  {
    g_auto(ImpactTestResult) r = { 0 };

    run (&r, "export", input, "--chart", "2", "-o", png, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "--chart N (1 or more) is for --part chart"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/export/pdf", test_export_pdf);
  g_test_add_func ("/cli/export/png-dpi", test_export_png_dpi);
  g_test_add_func ("/cli/export/finisher-loaded-for-pdf", test_export_finisher_loaded_for_pdf);
  g_test_add_func ("/cli/export/finisher-missing", test_export_finisher_missing);
  g_test_add_func ("/cli/export/one-page", test_export_one_page);
  g_test_add_func ("/cli/export/bleed", test_export_bleed);
  g_test_add_func ("/cli/export/stats-card", test_export_stats_card);
  g_test_add_func ("/cli/export/chart", test_export_chart);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/quiet", test_quiet);
  g_test_add_func ("/cli/export/timeline", test_export_timeline);
  g_test_add_func ("/cli/many-warnings-counted", test_many_warnings_counted);
  g_test_add_func ("/cli/bad-input", test_bad_input);
  g_test_add_func ("/cli/syntax-error", test_syntax_error);
  g_test_add_func ("/cli/terminal-escapes", test_terminal_escapes);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/validate-overflow", test_validate_overflow);

  return g_test_run ();
}
