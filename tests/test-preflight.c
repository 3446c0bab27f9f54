/* test-preflight.c: the print preflight of `validate`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <string.h>

#include "impact-fonts.h"
#include "impact-json-loader.h"
#include "impact-placeholders.h"
#include "impact-preflight.h"
#include "impact-test-utils.h"
#include "impact-theme.h"

static const ImpactPageSize both[] = { IMPACT_PAGE_SIZE_LETTER, IMPACT_PAGE_SIZE_A4 };

static ImpactDocument *
load_fixture (const char *relative)
{
  g_autofree char *path = impact_test_data_path (relative);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ImpactDocument *doc = impact_json_loader_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static ImpactDocument *
load_string (const char *json,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  ImpactDocument *doc = impact_json_loader_load_data (json, strlen (json), name, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* Runs the whole preflight; returns the warnings, one per line, or NULL */
static char *
preflight (ImpactDocument *doc)
{
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);

  impact_preflight_run (doc, theme, both, G_N_ELEMENTS (both), diagnostics);
  g_assert_cmpuint (impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_ERROR), ==, 0);
  return impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_WARNING);
}

/* The same for a sheet too long for its pages: returns the errors */
static char *
preflight_errors (ImpactDocument *doc)
{
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);

  impact_preflight_run (doc, theme, both, G_N_ELEMENTS (both), diagnostics);
  return impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_ERROR);
}

static guint
count_lines_with (const char *text,
                  const char *needle)
{
  guint n = 0;

  for (const char *p = text; p && (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

static void
test_sources (void)
{
  g_autoptr(ImpactDocument) doc = load_fixture ("data/valid/preflight.json");
  g_autofree char *text = preflight (doc);

  g_assert_nonnull (text);
  /* statistics[0] and facts[1] have sources */
  g_assert_nonnull (strstr (text, "statistics[1]: no source; add a \"source\" so readers can check the figure"));
  g_assert_null (strstr (text, "statistics[0]:"));
  g_assert_nonnull (strstr (text, "facts[0]: no source; add a \"source\" so readers can check the fact"));
  g_assert_null (strstr (text, "facts[1]:"));
}

static void
test_contrast (void)
{
  g_autoptr(ImpactDocument) doc = load_fixture ("data/valid/preflight.json");
  g_autofree char *text = preflight (doc);

  /* #999 on white, white on #777: each named with its ratio and a colour
   * that passes. The accent #e0a050 is too light for small text on white,
   * but small accent text is set in a darker shade of it that passes, so
   * it draws no warning. */
  g_assert_nonnull (strstr (text, "theme.text: body text (#999999) on the background (#ffffff) "
                                  "has a contrast of 2.84:1"));
  g_assert_nonnull (strstr (text, "use a darker text colour such as #"));
  g_assert_nonnull (strstr (text, "theme.primary: text (#ffffff) on the primary colour (#777777) "
                                  "has a contrast of 4.47:1"));
  g_assert_nonnull (strstr (text, "use a darker primary colour such as #"));
  g_assert_null (strstr (text, "theme.accent"));
  {
    g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
    const ImpactColor *accent = impact_theme_get_accent (theme);
    const ImpactColor *shade = impact_theme_get_accent_text (theme);

    g_assert_cmpfloat (impact_color_contrast (accent, impact_theme_get_background (theme)), <, 4.5);
    g_assert_cmpfloat (impact_color_contrast (shade, impact_theme_get_background (theme)), >=, 4.5);
    /* the same hue, only darker */
    g_assert_cmpfloat (shade->red, <, accent->red);
    g_assert_cmpfloat (shade->red / shade->green, >, 1.0);
  }

  /* the suggestions really pass */
  {
    static const struct { const char *fg, *bg; } pairs[] = {
      { "#999999", "#ffffff" }, { "#e0a050", "#ffffff" }, { "#d9822b", "#ffffff" },
      { "#555555", "#222222" }, { "#777777", "#ffffff" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
      {
        ImpactColor fg, bg, fixed;
        g_autofree char *hex = NULL;

        g_assert_true (impact_color_parse (pairs[i].fg, &fg));
        g_assert_true (impact_color_parse (pairs[i].bg, &bg));
        hex = impact_preflight_suggest_color (&fg, &bg, 4.5);
        g_assert_nonnull (hex);
        g_assert_true (impact_color_parse (hex, &fixed));
        g_assert_cmpfloat (impact_color_contrast (&fixed, &bg), >=, 4.5);
      }
  }
}

static void
test_contrast_passes (void)
{
  g_autoptr(ImpactDocument) doc = load_string (
    "{ \"format\": \"1\", \"office\": \"X\", \"organisation\": { \"name\": \"Y\" },"
    "  \"theme\": { \"primary\": \"#1b365d\", \"accent\": \"#a8561a\", \"text\": \"#1f2933\" } }",
    "good.json");
  g_autofree char *text = preflight (doc);

  g_assert_cmpstr (text, ==, NULL);
}

static void
test_image_resolution (void)
{
  g_autoptr(ImpactDocument) doc = load_fixture ("data/valid/preflight.json");
  g_autofree char *text = preflight (doc);

  /* 48 px across a 58 pt circle: 59 dpi; said once, as it is the same on
   * both papers */
  g_assert_nonnull (strstr (text, "profile.photo: image \"images/preflight-small.png\" is 48 × 48 "
                                  "pixels, only 59 dpi at its printed size of 2.0 × 2.0 cm"));
  g_assert_nonnull (strstr (text, "use one of at least 121 × 121 pixels (150 dpi)"));
  g_assert_cmpuint (count_lines_with (text, "profile.photo:"), ==, 1);
}

static void
test_image_resolution_enough (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "big.png", NULL);
  g_autofree char *json = g_strdup_printf (
    "{ \"format\": \"1\", \"office\": \"X\", \"organisation\": { \"name\": \"Y\" },"
    "  \"theme\": { \"accent\": \"#a8561a\" },"
    "  \"profile\": { \"name\": \"Ada\", \"photo\": \"%s\" } }", png);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 200, 240);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autofree char *text = NULL;

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  gdk_pixbuf_save (pixbuf, png, "png", &error, NULL);
  g_assert_no_error (error);
  doc = load_string (json, "big.json");
  text = preflight (doc);
  g_assert_cmpstr (text, ==, NULL);
}

static void
test_missing_glyph (void)
{
  /* U+18B00 (Khitan small script) is in no font Debian installs by default */
  g_autoptr(ImpactDocument) doc = load_string (
    "{ \"format\": \"1\", \"office\": \"Office \xf0\x98\xac\x80\", \"organisation\": { \"name\": \"Y\" },"
    "  \"theme\": { \"accent\": \"#a8561a\" } }",
    "glyph.json");
  g_autofree char *text = preflight (doc);

  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "title: the fonts cannot draw \"\xf0\x98\xac\x80\""));
  g_assert_cmpuint (count_lines_with (text, "title:"), ==, 1);
}

/* Among the document's own fonts (what validate does) the preflight says
 * exactly what it says with every font, on the examples and fixtures:
 * missing glyphs, fallback fonts, overflow and all; and the thread's fonts
 * are every font again afterwards */
static void
check_private_fonts_same (ImpactDocument *doc,
                          const char     *name)
{
  g_autoptr(ImpactDiagnostics) every = impact_diagnostics_new ();
  g_autoptr(ImpactDiagnostics) own = impact_diagnostics_new ();
  g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
  guint n_every, n_own;

  n_every = impact_preflight_run (doc, theme, both, G_N_ELEMENTS (both), every);
  n_own = impact_preflight_run_private_fonts (doc, theme, both, G_N_ELEMENTS (both), own);
  g_assert_false (impact_fonts_is_restricted ());
  for (ImpactSeverity severity = IMPACT_SEVERITY_WARNING; severity <= IMPACT_SEVERITY_ERROR; severity++)
    {
      g_autofree char *every_text = impact_diagnostics_to_string (every, severity);
      g_autofree char *own_text = impact_diagnostics_to_string (own, severity);

      if (g_strcmp0 (every_text, own_text) != 0)
        g_test_message ("%s", name);
      g_assert_cmpstr (own_text, ==, every_text);
    }
  g_assert_cmpuint (n_own, ==, n_every);
}

static void
test_private_fonts (void)
{
  const char *const dirs[] = { "data/valid", "data/layout" };
  g_autoptr(ImpactDocument) glyph = load_string (
    "{ \"format\": \"1\", \"office\": \"Office \xf0\x98\xac\x80 \xe2\x82\xb9 \xe0\xa6\x95\", "
    "  \"organisation\": { \"name\": \"Y\" }, \"theme\": { \"accent\": \"#a8561a\" } }",
    "glyph.json");
  g_autoptr(GPtrArray) examples = impact_test_json_names (g_getenv ("IMPACT_EXAMPLES_DIR"));
  guint n = 1;

  check_private_fonts_same (glyph, "glyph.json");
  for (guint i = 0; i < examples->len; i++, n++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("IMPACT_EXAMPLES_DIR"),
                                                g_ptr_array_index (examples, i), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, NULL, NULL, NULL);

      g_assert_nonnull (doc);
      check_private_fonts_same (doc, path);
    }
  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *dir = impact_test_data_path (dirs[d]);
      g_autoptr(GPtrArray) names = impact_test_json_names (dir);

      for (guint i = 0; i < names->len; i++, n++)
        {
          g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, NULL, NULL, NULL);

          if (doc != NULL)
            check_private_fonts_same (doc, path);
        }
    }
  g_assert_cmpuint (n, >, 20);
}

static void
test_overflow (void)
{
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"1\", \"office\": \"X\", "
                                          "\"organisation\": { \"name\": \"Y\" }, "
                                          "\"theme\": { \"accent\": \"#a8561a\" }, "
                                          "\"problem\": { \"heading\": \"Long\", \"body\": \"");
  g_autoptr(ImpactDocument) doc = NULL;
  g_autofree char *text = NULL;

  for (int i = 0; i < 300; i++)
    g_string_append (json, "Every word of this sentence takes room on the page. ");
  g_string_append (json, "\" } }");
  doc = load_string (json->str, "long.json");
  /* a sheet that does not fit is an error, not a warning */
  text = preflight_errors (doc);
  g_assert_nonnull (text);
  /* different amounts on the two papers: each named */
  g_assert_nonnull (strstr (text, "problem.body: "));
  g_assert_nonnull (strstr (text, "pt too long for the front page"));
  g_assert_nonnull (strstr (text, "(letter)"));
  g_assert_nonnull (strstr (text, "(a4)"));
}

static void
test_example (void)
{
  g_autofree char *path = impact_test_example_path ("kolkata.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, NULL, NULL, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = preflight (doc);
  /* The example's figures are the office's own counts with no source: real
   * advice. Everything else passes: facts are sourced, text fits, and small
   * accent text uses the text-safe shade of the orange. */
  g_assert_cmpuint (count_lines_with (text, ": no source;"), ==, 3);
  g_assert_null (strstr (text, "theme.accent"));
  /* and the sheet's timeline shows four of the seven milestones: said */
  g_assert_cmpuint (count_lines_with (text, "milestones: the sheet's timeline shows 4 of the 7"), ==, 1);
  g_assert_cmpuint (count_lines_with (text, "\n"), ==, 3);
}

/* The template of a new sheet, unchanged: its guidance is listed, field by
 * field; the defaults that are good as they are ("The facts") are not */
static void
test_template_guidance (void)
{
  g_autoptr(GBytes) bytes = impact_placeholders_get_template ();
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_data (data, size, "new-sheet.json", NULL, NULL, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = preflight (doc);
  g_assert_nonnull (strstr (text, "organisation.phone: still the template's guidance: write your own text before printing (\"Phone number, as it should be printed\")"));
  g_assert_nonnull (strstr (text, "statistics[0].label: still the template's guidance"));
  g_assert_null (strstr (text, "facts_heading:"));
  g_assert_null (strstr (text, "problem.kicker:"));
  g_assert_null (strstr (text, ".icon:"));

  /* written over, it is no longer listed */
  g_free (impact_document_get_organisation (doc)->phone);
  impact_document_get_organisation (doc)->phone = g_strdup ("+51 1 555 0100");
  g_free (text);
  text = preflight (doc);
  g_assert_null (strstr (text, "organisation.phone:"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/preflight/sources", test_sources);
  g_test_add_func ("/preflight/contrast", test_contrast);
  g_test_add_func ("/preflight/contrast-passes", test_contrast_passes);
  g_test_add_func ("/preflight/image/low-resolution", test_image_resolution);
  g_test_add_func ("/preflight/image/enough", test_image_resolution_enough);
  g_test_add_func ("/preflight/missing-glyph", test_missing_glyph);
  g_test_add_func ("/preflight/private-fonts", test_private_fonts);
  g_test_add_func ("/preflight/overflow", test_overflow);
  g_test_add_func ("/preflight/example", test_example);
  g_test_add_func ("/preflight/template-guidance", test_template_guidance);

  return g_test_run ();
}
