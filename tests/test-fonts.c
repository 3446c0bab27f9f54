/* test-fonts.c: a private font configuration chooses as every font does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "impact-export.h"
#include "impact-fonts.h"
#include "impact-json-loader.h"
#include "impact-text.h"
#include "impact-test-utils.h"

static const char *const theme_families[] = { "Inter Display", "Inter", NULL };

static const char *const samples[] = {
  "Clean water for 12,400 families — since 2019.",
  "কলকাতার ১২,৪০০ পরিবারের জন্য বিশুদ্ধ পানি।",
  "مياه نظيفة لـ ١٢٬٤٠٠ أسرة منذ ٢٠١٩.",
};

/* "family weight style" of the font of every run, in order */
static char *
fonts_of (const char *text,
          gboolean    bold)
{
  g_autoptr(GObject) context = G_OBJECT (impact_text_context_new ("en"));
  ImpactTextStyle style = { .family = "Inter", .size = 11,
                            .weight = bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL };
  g_autoptr(PangoLayout) layout = impact_text_layout_new (PANGO_CONTEXT (context), &style, text, FALSE, 300);
  GString *out = g_string_new (NULL);

  for (GSList *l = pango_layout_get_line_readonly (layout, 0)->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      g_autoptr(PangoFontDescription) desc = pango_font_describe (run->item->analysis.font);
      g_autofree char *name = pango_font_description_to_string (desc);

      g_string_append_printf (out, "%s|", name);
    }
  return g_string_free (out, FALSE);
}

static void
test_same_fonts_chosen (void)
{
  g_autofree char *all_text = g_strjoinv (" ", (char **) samples);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    for (int bold = 0; bold < 2; bold++)
      {
        g_autofree char *every = NULL;
        g_autofree char *own = NULL;

        impact_fonts_unrestrict ();
        every = fonts_of (samples[i], bold);
        g_assert_true (impact_fonts_restrict (theme_families, all_text));
        g_assert_true (impact_fonts_is_restricted ());
        own = fonts_of (samples[i], bold);
        g_assert_false (impact_fonts_restriction_broken ());
        g_assert_cmpstr (own, ==, every);
      }
  impact_fonts_unrestrict ();
  g_assert_false (impact_fonts_is_restricted ());
}

/* the missing-glyph check (validate's) still finds what no font has, and
 * only that */
static void
test_missing_glyphs (void)
{
  const char *text = "কলকাতা \xf3\xb0\x80\x81";   /* a private-use character no font has */
  g_autoptr(GObject) context = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *missing = NULL;
  ImpactTextStyle style = { .family = "Inter", .size = 11 };

  g_assert_true (impact_fonts_restrict (theme_families, text));
  context = G_OBJECT (impact_text_context_new ("bn"));
  layout = impact_text_layout_new (PANGO_CONTEXT (context), &style, text, FALSE, -1);
  missing = impact_text_find_missing_glyphs (layout);
  g_assert_cmpstr (missing, ==, "\xf3\xb0\x80\x81");
  impact_fonts_unrestrict ();
}

static void
test_unplanned_character_breaks (void)
{
  g_autoptr(GObject) context = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  ImpactTextStyle style = { .family = "Inter", .size = 11 };

  /* planned for Latin text only; then Bengali is laid out */
  g_assert_true (impact_fonts_restrict (theme_families, "Clean water"));
  context = G_OBJECT (impact_text_context_new ("en"));
  layout = impact_text_layout_new (PANGO_CONTEXT (context), &style, "Clean water", FALSE, -1);
  g_assert_false (impact_fonts_restriction_broken ());
  g_clear_object (&layout);
  layout = impact_text_layout_new (PANGO_CONTEXT (context), &style, "কলকাতা", FALSE, -1);
  g_assert_true (impact_fonts_restriction_broken ());
  impact_fonts_unrestrict ();
  g_assert_false (impact_fonts_restriction_broken ());
}

static void
test_not_installed (void)
{
  const char *const families[] = { "No Such Font Family 1234", NULL };

  g_assert_false (impact_fonts_restrict (families, "text"));
  g_assert_false (impact_fonts_is_restricted ());
}

static GBytes *
export_png (const char *path,
            gboolean    private_fonts,
            guint       page)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, NULL, NULL, &error);
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "p.png", NULL);
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  ImpactExportOptions options;
  char *contents = NULL;
  gsize len;

  g_assert_no_error (error);
  /* both pages, the front's texts and the back's */
  impact_document_set_pages (doc, "2");
  impact_export_options_init (&options);
  options.format = IMPACT_EXPORT_FORMAT_PNG;
  options.dpi = 72;
  options.page = page;
  options.private_fonts = private_fonts;
  g_assert_true (impact_export_document (doc, &options, out_file, &written, diagnostics, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (impact_fonts_is_restricted ());
  g_assert_true (g_file_get_contents (out, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

/* An export with the document's own fonts is the export with every font:
 * English, Bengali and Arabic sheets (the Arabic one adds a character of its
 * own, so it is laid out a second time) */
static void
test_export_same (void)
{
  g_autofree char *en = impact_test_example_path ("kolkata.json");
  g_autofree char *bn = impact_test_example_path ("kolkata-bn.json");
  g_autofree char *ar = impact_test_data_path ("data/valid/arabic.json");
  const char *paths[] = { en, bn, ar };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    for (guint page = 1; page <= 2; page++)
      {
        g_autoptr(GBytes) every = export_png (paths[i], FALSE, page);
        g_autoptr(GBytes) own = export_png (paths[i], TRUE, page);

        g_assert_true (g_bytes_equal (every, own));
      }
}

/* The tall-line rule's font heights are Pango's metrics heights, for the
 * languages and faces of the examples (one font, a family list whose first
 * family lacks the script, synthetic slant, a face taller than 1.85 em) */
static void
test_font_height (void)
{
  const char *languages[] = { "en", "bn", "ar", "hi", "fr", "sw" };
  const char *descriptions[] = {
    "Inter 10", "Inter Bold 31", "Inter Display Semi-Bold 24", "Inter Italic 9.5",
    "Inter, Noto Sans Bengali 12", "Noto Sans Bengali Italic 11",
    "Noto Sans Arabic Bold 18", "Inter, Noto Sans Arabic, Noto Sans 14",
    "Noto Sans Devanagari 8", "Noto Serif 12", "No Such Family 12",
  };
  guint tall = 0;

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GObject) context = G_OBJECT (impact_text_context_new (languages[l]));

      for (guint d = 0; d < G_N_ELEMENTS (descriptions); d++)
        {
          PangoFontDescription *desc = pango_font_description_from_string (descriptions[d]);
          PangoFontMetrics *metrics = pango_context_get_metrics (PANGO_CONTEXT (context), desc, NULL);
          int height = impact_text_font_height (PANGO_CONTEXT (context), desc);

          g_assert_cmpint (height, >, 0);
          g_assert_cmpint (height, ==, pango_font_metrics_get_height (metrics));
          /* kept: the same again */
          g_assert_cmpint (impact_text_font_height (PANGO_CONTEXT (context), desc), ==, height);
          if (height > 1.85 * pango_font_description_get_size (desc))
            tall++;
          pango_font_metrics_unref (metrics);
          pango_font_description_free (desc);
        }
    }
  /* Noto Sans Arabic is one of them */
  g_assert_cmpuint (tall, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fonts/same-fonts-chosen", test_same_fonts_chosen);
  g_test_add_func ("/fonts/missing-glyphs", test_missing_glyphs);
  g_test_add_func ("/fonts/unplanned-character", test_unplanned_character_breaks);
  g_test_add_func ("/fonts/not-installed", test_not_installed);
  g_test_add_func ("/fonts/export-same", test_export_same);
  g_test_add_func ("/fonts/font-height", test_font_height);
  return g_test_run ();
}
