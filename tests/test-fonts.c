/* test-fonts.c: a private font configuration chooses as every font does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "impact-export.h"
#include "impact-font-plan.h"
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
        g_assert_true (impact_fonts_restrict (theme_families, NULL, all_text));
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

  g_assert_true (impact_fonts_restrict (theme_families, NULL, text));
  context = G_OBJECT (impact_text_context_new ("bn"));
  layout = impact_text_layout_new (PANGO_CONTEXT (context), &style, text, FALSE, -1);
  missing = impact_text_find_missing_glyphs (layout);
  g_assert_cmpstr (missing, ==, "\xf3\xb0\x80\x81");
  impact_fonts_unrestrict ();
}

/* The plans earlier tests left (impact-font-plan.h) */
static void
forget_plans (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "impact-sheet", NULL);

  impact_test_remove_tree (dir);
}

static char *
plan_path (void)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_add (names, (char *) "Inter Display");
  g_ptr_array_add (names, (char *) "Inter");
  return impact_font_plan_path (names);
}

/* The one fonts file of the plans (impact-font-plan.c) */
static char *
fonts_file (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "impact-sheet", "fonts", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  char *found = NULL;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".fonts"))
      {
        g_assert_null (found);
        found = g_build_filename (dir, name, NULL);
      }
  return found;
}

/* TRUE when the restriction came from a plan: then it is fontconfig's
 * default configuration too, and the system's was never loaded */
static gboolean
restricted_from_plan (void)
{
  return impact_fonts_is_restricted () && FcConfigGetCurrent () == impact_fonts_get_config ();
}

/* @text is planned for afresh, and the next restriction uses that plan */
static void
assert_planned_then_reused (const char *text)
{
  g_assert_true (impact_fonts_restrict (theme_families, NULL, text));
  g_assert_false (restricted_from_plan ());
  impact_fonts_unrestrict ();
  g_assert_true (impact_fonts_restrict (theme_families, NULL, text));
  g_assert_true (restricted_from_plan ());
  impact_fonts_unrestrict ();
}

static void
test_unplanned_character_breaks (void)
{
  g_autoptr(GObject) context = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  ImpactTextStyle style = { .family = "Inter", .size = 11 };

  forget_plans ();
  /* planned for Latin text only; then Bengali is laid out */
  g_assert_true (impact_fonts_restrict (theme_families, NULL, "Clean water"));
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

  g_assert_false (impact_fonts_restrict (families, NULL, "text"));
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

/* The second export of a document uses the first one's plan, and chooses
 * the fonts every font would */
static void
test_plan_reused (void)
{
  g_autofree char *path = plan_path ();

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *every = NULL;

      forget_plans ();
      impact_fonts_unrestrict ();
      every = fonts_of (samples[i], TRUE);
      g_assert_true (impact_fonts_restrict (theme_families, NULL, samples[i]));
      g_assert_false (restricted_from_plan ());
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      impact_fonts_unrestrict ();

      g_assert_true (impact_fonts_restrict (theme_families, NULL, samples[i]));
      g_assert_true (restricted_from_plan ());
      {
        g_autofree char *own = fonts_of (samples[i], TRUE);

        g_assert_false (impact_fonts_restriction_broken ());
        g_assert_cmpstr (own, ==, every);
      }
      impact_fonts_unrestrict ();
      /* the system's configuration again */
      g_assert_false (FcConfigGetCurrent () == NULL);
      g_assert_false (impact_fonts_is_restricted ());
    }
}

/* A plan made for Latin text does not hold for Bengali text: planned again */
static void
test_plan_other_characters (void)
{
  g_autofree char *every = NULL;
  g_autofree char *own = NULL;

  forget_plans ();
  impact_fonts_unrestrict ();
  every = fonts_of (samples[1], FALSE);
  g_assert_true (impact_fonts_restrict (theme_families, NULL, "Clean water"));
  impact_fonts_unrestrict ();
  g_assert_true (impact_fonts_restrict (theme_families, NULL, samples[1]));
  g_assert_false (restricted_from_plan ());
  own = fonts_of (samples[1], FALSE);
  g_assert_cmpstr (own, ==, every);
  impact_fonts_unrestrict ();
  /* each set of characters keeps its own plan: the Latin one still holds */
  g_assert_true (impact_fonts_restrict (theme_families, NULL, "Clean water"));
  g_assert_true (restricted_from_plan ());
  impact_fonts_unrestrict ();
}

/* A configuration place that appeared since the plan was made (here the
 * user's fontconfig folder) makes it out of date */
static void
test_plan_out_of_date (void)
{
  g_autofree char *user = g_build_filename (g_get_user_config_dir (), "fontconfig", NULL);

  forget_plans ();
  impact_test_remove_tree (user);
  g_assert_true (impact_fonts_restrict (theme_families, NULL, samples[0]));
  impact_fonts_unrestrict ();
  g_assert_cmpint (g_mkdir_with_parents (user, 0700), ==, 0);
  assert_planned_then_reused (samples[0]);
  impact_test_remove_tree (user);
}

/* Damaged plans are refused or read, never a crash; the next restriction
 * plans again and writes a good one */
static void
test_plan_damaged (void)
{
  g_autofree char *path = plan_path ();
  g_autofree char *fonts = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  FcCharSet *chars = FcCharSetCreate ();
  guint read = 0;

  forget_plans ();
  g_assert_true (impact_fonts_restrict (theme_families, NULL, samples[0]));
  impact_fonts_unrestrict ();
  fonts = fonts_file ();
  g_assert_nonnull (fonts);
  for (const char *p = samples[0]; *p; p = g_utf8_next_char (p))
    if (g_unichar_isgraph (g_utf8_get_char (p)))
      FcCharSetAddChar (chars, g_utf8_get_char (p));

  for (guint i = 0; i < 300; i++)
    {
      /* the plan file, then its fonts file, in turn */
      const char *damaged = i % 2 == 0 ? path : fonts;
      g_autofree char *good = NULL;
      g_autoptr(GString) bad = NULL;
      gsize len;

      g_assert_true (impact_fonts_restrict (theme_families, NULL, samples[0]));
      impact_fonts_unrestrict ();
      g_assert_true (g_file_get_contents (damaged, &good, &len, NULL));
      bad = g_string_new_len (good, len);
      g_autoptr(GPtrArray) read_fonts = NULL;
      FcCharSet *allowed = NULL;
      gsize at = g_rand_int_range (rand, 0, bad->len);

      switch (i % 4)
        {
        case 0:
          g_string_truncate (bad, at);
          break;
        case 1:
          bad->str[at] = (char) g_rand_int_range (rand, 1, 256);
          break;
        case 2:
          g_string_erase (bad, at, MIN (bad->len - at, (gsize) g_rand_int_range (rand, 1, 200)));
          break;
        default:
          g_string_insert (bad, at, i % 8 == 3 ? "chars 99\n" : "charset 0:1,2\n");
          break;
        }
      g_assert_true (g_file_set_contents (damaged, bad->str, bad->len, NULL));
      if (impact_font_plan_read (path, chars, &read_fonts, &allowed))
        {
          g_assert_nonnull (read_fonts);
          g_assert_cmpuint (read_fonts->len, >, 0);
          FcCharSetDestroy (allowed);
          read++;
        }
    }
  /* a flipped byte inside a family name still reads; most do not */
  g_assert_cmpuint (read, <, 300);
  g_assert_true (g_file_set_contents (path, "impact-sheet font plan 2\nfontconfig 1\n", -1, NULL));
  assert_planned_then_reused (samples[0]);
  FcCharSetDestroy (chars);
}

/* A plan that cannot be written costs the next run its time, nothing else */
static void
test_plan_unwritable (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "impact-sheet", NULL);

  forget_plans ();
  /* a file where the plans' folder would be */
  g_assert_true (g_file_set_contents (dir, "in the way", -1, NULL));
  g_assert_true (impact_fonts_restrict (theme_families, NULL, samples[0]));
  impact_fonts_unrestrict ();
  g_assert_true (impact_fonts_restrict (theme_families, NULL, samples[0]));
  g_assert_false (restricted_from_plan ());
  impact_fonts_unrestrict ();
  g_assert_cmpint (g_unlink (dir), ==, 0);
}

/* One fonts file for each set of characters documents needed, at most 32:
 * the oldest go, the newest holds */
static void
test_plan_pruned (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "impact-sheet", "fonts", NULL);
  g_autofree char *last = NULL;
  guint n = 0;

  forget_plans ();
  for (guint i = 0; i < 40; i++)
    {
      char symbol[8] = { 0 };

      g_unichar_to_utf8 (0x2600 + i, symbol);
      g_free (last);
      last = g_strconcat (samples[0], " ", symbol, NULL);
      g_assert_true (impact_fonts_restrict (theme_families, NULL, last));
      impact_fonts_unrestrict ();
    }
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      n += g_str_has_suffix (name, ".fonts");
  }
  g_assert_cmpuint (n, ==, 32);
  g_assert_true (impact_fonts_restrict (theme_families, NULL, last));
  g_assert_true (restricted_from_plan ());
  impact_fonts_unrestrict ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("test-fonts-XXXXXX", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  int status;

  /* plans are kept in a cache folder of the test's own */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fonts/plan/reused", test_plan_reused);
  g_test_add_func ("/fonts/plan/other-characters", test_plan_other_characters);
  g_test_add_func ("/fonts/plan/out-of-date", test_plan_out_of_date);
  g_test_add_func ("/fonts/plan/damaged", test_plan_damaged);
  g_test_add_func ("/fonts/plan/unwritable", test_plan_unwritable);
  g_test_add_func ("/fonts/plan/pruned", test_plan_pruned);
  g_test_add_func ("/fonts/same-fonts-chosen", test_same_fonts_chosen);
  g_test_add_func ("/fonts/missing-glyphs", test_missing_glyphs);
  g_test_add_func ("/fonts/unplanned-character", test_unplanned_character_breaks);
  g_test_add_func ("/fonts/not-installed", test_not_installed);
  g_test_add_func ("/fonts/export-same", test_export_same);
  g_test_add_func ("/fonts/font-height", test_font_height);
  status = g_test_run ();
  impact_test_remove_tree (home);
  return status;
}
