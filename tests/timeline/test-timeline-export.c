/* test-timeline-export.c: the slide and the handout, read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <string.h>

#include "impact-error.h"
#include "impact-json-loader.h"
#include "impact-test-utils.h"
#include "impact-timeline-render.h"

static ImpactDocument *
load_fixture (void)
{
  g_autofree char *path = impact_test_data_path ("timeline/data/timeline.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ImpactDocument *doc = impact_json_loader_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static void
test_png_size (void)
{
  g_autoptr(ImpactDocument) doc = load_fixture ();
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "slide.png", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  ImpactTimelineExportOptions options;
  guchar *px;
  int stride;

  impact_timeline_export_options_init (&options);
  g_assert_true (impact_timeline_export (doc, &options, out, &error));
  g_assert_no_error (error);
  pixbuf = gdk_pixbuf_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 1920);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 1080);
  /* the title band is the theme's primary (#1b365d by default) */
  px = gdk_pixbuf_get_pixels (pixbuf);
  stride = gdk_pixbuf_get_rowstride (pixbuf);
  {
    guchar *p = px + 10 * stride + 1900 * gdk_pixbuf_get_n_channels (pixbuf);

    g_assert_cmpint (ABS (p[0] - 0x1b), <=, 3);
    g_assert_cmpint (ABS (p[1] - 0x36), <=, 3);
    g_assert_cmpint (ABS (p[2] - 0x5d), <=, 3);
  }
  g_clear_object (&pixbuf);

  /* another size */
  options.width = 1280;
  options.height = 720;
  g_assert_true (impact_timeline_export (doc, &options, out, &error));
  pixbuf = gdk_pixbuf_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 1280);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 720);

  if (g_getenv ("IMPACT_TIMELINE_KEEP"))
    {
      g_autofree char *keep = g_build_filename (g_getenv ("IMPACT_TIMELINE_KEEP"), "slide.png", NULL);
      g_autoptr(GFile) k = g_file_new_for_path (keep);

      options.width = 1920;
      options.height = 1080;
      g_assert_true (impact_timeline_export (doc, &options, k, &error));
    }
}

static char *
pdfinfo (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  char *out = NULL;

  g_assert_cmpint (impact_test_run (argv, &out, NULL), ==, 0);
  return out;
}

/* The value after "Label:" in pdfinfo's output, spaces collapsed */
static char *
info_value (const char *info,
            const char *label)
{
  const char *p = strstr (info, label);
  const char *eol;
  g_autofree char *raw = NULL;
  g_auto(GStrv) words = NULL;

  g_assert_nonnull (p);
  p += strlen (label);
  eol = strchr (p, '\n');
  raw = g_strndup (p, eol ? (gsize) (eol - p) : strlen (p));
  words = g_strsplit_set (g_strstrip (raw), " ", -1);
  {
    GString *out = g_string_new (NULL);

    for (guint i = 0; words[i]; i++)
      if (*words[i])
        g_string_append_printf (out, "%s%s", out->len ? " " : "", words[i]);
    return g_string_free (out, FALSE);
  }
}

static void
test_pdf_svg_slide (void)
{
  g_autoptr(ImpactDocument) doc = load_fixture ();
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "slide.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "slide.svg", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (pdf);
  g_autoptr(GFile) out_svg = g_file_new_for_path (svg);
  g_autoptr(GError) error = NULL;
  g_autofree char *svg_text = NULL;
  ImpactTimelineExportOptions options;

  impact_timeline_export_options_init (&options);
  options.format = IMPACT_EXPORT_FORMAT_PDF;
  g_assert_true (impact_timeline_export (doc, &options, out, &error));
  g_assert_no_error (error);
  if (impact_test_have_program ("pdfinfo"))
    {
      g_autofree char *info = pdfinfo (pdf);

      g_autofree char *size = info_value (info, "Page size:");
      g_autofree char *pages = info_value (info, "Pages:");

      g_assert_cmpstr (size, ==, "960 x 540 pts");
      g_assert_cmpstr (pages, ==, "1");
    }
  options.format = IMPACT_EXPORT_FORMAT_SVG;
  g_assert_true (impact_timeline_export (doc, &options, out_svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "width=\"960pt\""));
}

static void
test_handout (void)
{
  GString *json = g_string_new ("{\"format\":\"1\",\"office\":\"Test\",\"organisation\":{\"name\":\"Org\"},"
                                "\"milestones_heading\":\"Handout test\",\"milestones\":[");
  g_autoptr(ImpactDocument) doc = NULL;
  g_autoptr(ImpactTheme) theme = NULL;
  g_autoptr(ImpactTimelineLayout) layout = NULL;
  g_autoptr(ImpactTimelineHandout) ho = NULL;
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  ImpactTimelineExportOptions options;
  guint n = 120, pages, covered = 0;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"date\":\"%04u-%02u\",\"title\":\"Milestone M%03u\","
                            "\"description\":\"A description long enough to wrap onto a second line of the handout, "
                            "so rows differ in height and page breaks fall in different places.\"}",
                            i ? "," : "", 2000 + i / 10, 1 + i % 10, i);
  g_string_append (json, "]}");
  doc = impact_json_loader_load_data (json->str, json->len, "handout.json", NULL, NULL, &error);
  g_assert_no_error (error);
  g_string_free (json, TRUE);

  theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
  layout = impact_timeline_layout_new (doc, theme);
  ho = impact_timeline_handout_new (layout, IMPACT_PAGE_SIZE_A4);
  pages = impact_timeline_handout_get_n_pages (ho);
  g_assert_cmpuint (pages, >, 2);
  /* every milestone on exactly one page, in order */
  for (guint p = 0; p < pages; p++)
    {
      guint first, last;

      impact_timeline_handout_get_page_range (ho, p, &first, &last);
      g_assert_cmpuint (first, ==, covered);
      covered = last;
    }
  g_assert_cmpuint (covered, ==, n);

  impact_timeline_export_options_init (&options);
  options.format = IMPACT_EXPORT_FORMAT_PDF;
  options.handout = TRUE;
  options.page_size = IMPACT_PAGE_SIZE_A4;
  g_assert_true (impact_timeline_export (doc, &options, out, &error));
  g_assert_no_error (error);
  if (impact_test_have_program ("pdfinfo") && impact_test_have_program ("pdftotext"))
    {
      g_autofree char *info = pdfinfo (pdf);
      g_autofree char *expect = g_strdup_printf ("%u", pages);
      g_autofree char *got_pages = info_value (info, "Pages:");
      g_autofree char *got_size = info_value (info, "Page size:");
      const char *argv[] = { "pdftotext", pdf, "-", NULL };
      g_autofree char *text = NULL;

      g_assert_cmpstr (got_size, ==, "595.276 x 841.89 pts (A4)");
      g_assert_cmpstr (got_pages, ==, expect);
      g_assert_cmpint (impact_test_run (argv, &text, NULL), ==, 0);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *title = g_strdup_printf ("Milestone M%03u", i);

          g_assert_nonnull (strstr (text, title));
        }
      /* the year carried over at the top of a later page */
      g_assert_nonnull (strstr (text, ", continued"));
    }
  if (g_getenv ("IMPACT_TIMELINE_KEEP"))
    {
      g_autofree char *keep = g_build_filename (g_getenv ("IMPACT_TIMELINE_KEEP"), "handout.pdf", NULL);
      g_autoptr(GFile) k = g_file_new_for_path (keep);

      g_assert_true (impact_timeline_export (doc, &options, k, &error));
    }
}

static void
test_refusals (void)
{
  g_autoptr(ImpactDocument) doc = load_fixture ();
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "x.png", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ImpactTimelineExportOptions options;

  impact_timeline_export_options_init (&options);
  options.width = 10;
  g_assert_false (impact_timeline_export (doc, &options, out, &error));
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_USAGE);
  g_clear_error (&error);
  impact_timeline_export_options_init (&options);
  options.handout = TRUE;
  g_assert_false (impact_timeline_export (doc, &options, out, &error));
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_USAGE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timeline-export/png-size", test_png_size);
  g_test_add_func ("/timeline-export/pdf-svg-slide", test_pdf_svg_slide);
  g_test_add_func ("/timeline-export/handout", test_handout);
  g_test_add_func ("/timeline-export/refusals", test_refusals);
  return g_test_run ();
}
