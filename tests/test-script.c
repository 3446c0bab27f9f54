/* test-script.c: script-aware typography
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "impact-fonts.h"
#include "impact-help-topics.h"
#include "impact-json-loader.h"
#include "impact-script.h"
#include "impact-sheet-layout.h"
#include "impact-test-utils.h"
#include "impact-text.h"
#include "impact-theme.h"

/* Pango 1.50 declares no cleanup function for its context */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PangoContext, g_object_unref)

static void
test_script_letter_spacing_allowed (void)
{
  const struct { const char *text; gboolean allowed; } cases[] = {
    { "KOLKATA, INDIA", TRUE },
    { "Привет", TRUE },
    { "ΑΘΗΝΑ", TRUE },
    { "2006–2017", TRUE },
    { "কলকাতা", FALSE },          /* Bengali: headstroke */
    { "नई दिल्ली", FALSE },        /* Devanagari */
    { "ਪੰਜਾਬ", FALSE },            /* Gurmukhi */
    { "القاهرة", FALSE },          /* Arabic: joining */
    { "ܣܘܪܝܝܐ", FALSE },           /* Syriac */
    { "IJM কলকাতা", FALSE },      /* any such run */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (impact_script_text_allows_letter_spacing (cases[i].text), ==, cases[i].allowed);
  g_assert_false (impact_script_allows_letter_spacing (G_UNICODE_SCRIPT_ARABIC));
  g_assert_false (impact_script_allows_letter_spacing (G_UNICODE_SCRIPT_BENGALI));
  g_assert_false (impact_script_allows_letter_spacing (G_UNICODE_SCRIPT_DEVANAGARI));
  g_assert_true (impact_script_allows_letter_spacing (G_UNICODE_SCRIPT_LATIN));
  g_assert_true (impact_script_allows_letter_spacing (G_UNICODE_SCRIPT_HAN));
}

static void
test_script_for_language (void)
{
  const struct { const char *language; GUnicodeScript script; } cases[] = {
    { "ar", G_UNICODE_SCRIPT_ARABIC },
    { "bn", G_UNICODE_SCRIPT_BENGALI },
    { "bn-u-nu-beng", G_UNICODE_SCRIPT_BENGALI },
    { "hi", G_UNICODE_SCRIPT_DEVANAGARI },
    { "en", G_UNICODE_SCRIPT_LATIN },
    { "es-MX", G_UNICODE_SCRIPT_LATIN },
    { "sw", G_UNICODE_SCRIPT_LATIN },
    { NULL, G_UNICODE_SCRIPT_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (impact_script_for_language (cases[i].language), ==, cases[i].script);
  g_assert_cmpint (impact_script_for_text ("2006: কলকাতা"), ==, G_UNICODE_SCRIPT_BENGALI);
  g_assert_cmpint (impact_script_for_text ("2006 — 12"), ==, G_UNICODE_SCRIPT_COMMON);
}

/* Which bytes of @text a letter-spacing attribute of @attrs covers */
static char *
spaced_bytes (PangoAttrList *attrs,
              const char    *text)
{
  gsize len = strlen (text);
  char *map = g_malloc0 (len + 1);
  GSList *list = pango_attr_list_get_attributes (attrs);

  memset (map, '.', len);
  for (GSList *l = list; l; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_LETTER_SPACING)
        for (guint i = attr->start_index; i < MIN (attr->end_index, len); i++)
          map[i] = 's';
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
  return map;
}

static void
test_script_insert_letter_spacing (void)
{
  const char *mixed = "IJM কলকাতা";   /* 4 Latin bytes, then 6 Bengali letters of 3 bytes */
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr(PangoAttrList) arabic = pango_attr_list_new ();
  g_autoptr(PangoAttrList) latin = pango_attr_list_new ();
  g_autofree char *map = NULL;
  g_autofree char *arabic_map = NULL;
  g_autofree char *latin_map = NULL;

  g_assert_cmpuint (impact_script_insert_letter_spacing (attrs, mixed, 600), ==, 1);
  map = spaced_bytes (attrs, mixed);
  /* the space between takes the script of the run before it */
  g_assert_cmpstr (map, ==, "ssss..................");
  g_assert_cmpuint (impact_script_insert_letter_spacing (arabic, "القاهرة", 600), ==, 0);
  arabic_map = spaced_bytes (arabic, "القاهرة");
  g_assert_null (strchr (arabic_map, 's'));
  g_assert_cmpuint (impact_script_insert_letter_spacing (latin, "THE FACTS", 600), ==, 1);
  latin_map = spaced_bytes (latin, "THE FACTS");
  g_assert_cmpstr (latin_map, ==, "sssssssss");
}

/* The sheet's text layouts: tracking on Latin kickers, none on Arabic or
 * Bengali runs, whatever the style asks */
static void
test_script_text_layout_tracking (void)
{
  const struct { const char *text; const char *expected; } cases[] = {
    { "The problem", "sssssssssss" },
    { "সমস্যা", ".................." },
    { "المشكلة", ".............." },
    { "IJM · যৌন পাচার", NULL },   /* checked below: only the Latin part */
  };
  g_autoptr(PangoContext) context = impact_text_context_new (NULL);
  ImpactTextStyle style = { 0 };

  style.family = "Inter, Noto Sans Bengali, Noto Sans Arabic";
  style.size = 7.5;
  style.letter_spacing = 0.75;
  style.uppercase = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PangoLayout) layout = impact_text_layout_new (context, &style, cases[i].text, FALSE, -1);
      g_autofree char *map = spaced_bytes (pango_layout_get_attributes (layout), pango_layout_get_text (layout));

      g_test_message ("%s: %s", cases[i].text, map);
      if (cases[i].expected)
        g_assert_cmpstr (map, ==, cases[i].expected);
      else
        {
          g_assert_true (g_str_has_prefix (map, "ssss"));
          g_assert_null (strchr (map + strlen ("IJM · "), 's'));
        }
    }
}

static gboolean
have_family (PangoContext *context,
             const char   *name)
{
  PangoFontFamily **families = NULL;
  int n = 0;
  gboolean found = FALSE;

  pango_font_map_list_families (pango_context_get_font_map (context), &families, &n);
  for (int i = 0; i < n && !found; i++)
    found = g_ascii_strcasecmp (pango_font_family_get_name (families[i]), name) == 0;
  g_free (families);
  return found;
}

static char *
italic_bytes (PangoAttrList *attrs,
              const char    *text)
{
  gsize len = strlen (text);
  char *map = g_malloc0 (len + 1);
  GSList *list = pango_attr_list_get_attributes (attrs);

  memset (map, '.', len);
  for (GSList *l = list; l; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_STYLE && ((PangoAttrInt *) attr)->value == PANGO_STYLE_ITALIC)
        for (guint i = attr->start_index; i < MIN (attr->end_index, len); i++)
          map[i] = 'i';
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
  return map;
}

/* Inter has italics; Noto Sans Bengali and Noto Sans Arabic have none, and
 * are not slanted */
static void
test_script_italic (void)
{
  g_autoptr(PangoContext) context = impact_text_context_new (NULL);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string ("Inter, Noto Sans Bengali, Noto Sans Arabic 11");
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autofree char *map = NULL;
  const char *quote = "Hope আশা أمل";

  if (!have_family (context, "Inter") || !have_family (context, "Noto Sans Bengali") ||
      !have_family (context, "Noto Sans Arabic"))
    {
      g_test_skip ("Inter, Noto Sans Bengali or Noto Sans Arabic is not installed (fonts-inter, fonts-noto-core)");
      return;
    }
  g_assert_true (impact_script_has_real_italic (context, desc, 'H'));
  g_assert_false (impact_script_has_real_italic (context, desc, 0x0986));   /* আ */
  g_assert_false (impact_script_has_real_italic (context, desc, 0x0623));   /* أ */

  g_assert_cmpuint (impact_script_insert_italic (attrs, context, desc, quote, 0, strlen (quote)), ==, 1);
  map = italic_bytes (attrs, quote);
  g_test_message ("%s", map);
  g_assert_cmpstr (map, ==, "iiiii................");

  /* an italic quote style in the sheet's layouts: the Bengali run upright */
  {
    ImpactTextStyle style = { 0 };
    g_autoptr(PangoLayout) layout = NULL;
    g_autofree char *shown = NULL;

    style.family = "Noto Sans Bengali, Inter";
    style.size = 11.5;
    style.style = PANGO_STYLE_ITALIC;
    layout = impact_text_layout_new (context, &style, "আশা (hope)", FALSE, -1);
    shown = italic_bytes (pango_layout_get_attributes (layout), pango_layout_get_text (layout));
    g_assert_cmpint (pango_font_description_get_style (pango_layout_get_font_description (layout)), ==, PANGO_STYLE_NORMAL);
    /* the brackets pair with the run they open in (Bengali): upright too */
    g_assert_cmpstr (shown, ==, "...........iiii.");
  }
}

static void
test_script_list_separator (void)
{
  g_assert_cmpstr (impact_script_get_list_separator ("ar", NULL), ==, "، ");
  g_assert_cmpstr (impact_script_get_list_separator ("fa", NULL), ==, "، ");
  g_assert_cmpstr (impact_script_get_list_separator ("ja", NULL), ==, "、");
  g_assert_cmpstr (impact_script_get_list_separator ("am", NULL), ==, "፣ ");
  g_assert_cmpstr (impact_script_get_list_separator ("bn", NULL), ==, ", ");
  g_assert_cmpstr (impact_script_get_list_separator ("en", NULL), ==, ", ");
  g_assert_cmpstr (impact_script_get_list_separator (NULL, "القاهرة"), ==, "، ");
  g_assert_cmpstr (impact_script_get_list_separator (NULL, "Kolkata"), ==, ", ");
}

/* The family lists the sheet's texts are set in: the theme's, then Noto
 * for the scripts, the language and the symbols */
static void
test_script_complete_families (void)
{
  const struct { const char *families, *language, *text, *expected; } cases[] = {
    { "Inter", "en", "Kolkata", "Inter, Noto Sans, Noto Sans Symbols2, Noto Sans Symbols, Noto Sans Math" },
    /* the script of the text, then the language's for a text of digits */
    { "Inter", "en", "Kolkata কলকাতা", "Inter, Noto Sans Bengali, Noto Sans, Noto Sans Symbols2, Noto Sans Symbols, Noto Sans Math" },
    { "Inter", "ar", "87+", "Inter, Noto Sans Arabic, Noto Sans, Noto Sans Symbols2, Noto Sans Symbols, Noto Sans Math" },
    { "Inter", "hi", "नई दिल्ली, मुंबई", "Inter, Noto Sans Devanagari, Noto Sans, Noto Sans Symbols2, Noto Sans Symbols, Noto Sans Math" },
    /* a family named already is not named twice, in any case or spacing */
    { "Noto Sans Bengali,Inter", "bn", "সমস্যা", "Noto Sans Bengali, Inter, Noto Sans, Noto Sans Symbols2, Noto Sans Symbols, Noto Sans Math" },
    { "Noto Naskh Arabic", "ar", "القاهرة (2024)", "Noto Naskh Arabic, Noto Sans Arabic, Noto Sans, Noto Sans Symbols2, Noto Sans Symbols, Noto Sans Math" },
    { "noto sans, Inter", NULL, "Hebrew שלום", "noto sans, Inter, Noto Sans Hebrew, Noto Sans Symbols2, Noto Sans Symbols, Noto Sans Math" },
    /* two scripts, in the order they come */
    { "Inter", "en", "دهلي दिल्ली", "Inter, Noto Sans Arabic, Noto Sans Devanagari, Noto Sans, Noto Sans Symbols2, Noto Sans Symbols, Noto Sans Math" },
    /* a generic family is fontconfig's to resolve */
    { "Sans", "ar", "القاهرة", "Sans" },
    { "Inter, serif", "ar", "القاهرة", "Inter, serif" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = impact_fonts_complete_families (cases[i].families, cases[i].language, cases[i].text);

      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_script_fallback_glyphs (void)
{
  g_autoptr(PangoContext) context = impact_text_context_new (NULL);
  ImpactTextStyle style = { 0 };

  if (!have_family (context, "Inter") || !have_family (context, "Noto Sans Bengali"))
    {
      g_test_skip ("Inter or Noto Sans Bengali is not installed");
      return;
    }
  style.size = 10;
  {
    g_autoptr(PangoLayout) layout = pango_layout_new (context);
    g_autoptr(PangoFontDescription) desc = pango_font_description_from_string ("Inter 10");
    g_autofree char *missing = NULL;
    g_autoptr(GArray) found = NULL;

    /* Bengali in a Latin-only family list: drawn by a fallback font */
    pango_layout_set_font_description (layout, desc);
    pango_layout_set_text (layout, "Kolkata কলকাতা", -1);
    missing = impact_script_find_fallback_glyphs (layout);
    g_assert_cmpstr (missing, ==, "কলাত");
    found = impact_script_find_fallbacks (layout);
    g_assert_cmpuint (found->len, ==, 4);
    g_assert_cmpuint (g_array_index (found, ImpactFallbackGlyph, 0).ch, ==, 0x0995);
    g_assert_cmpuint (g_array_index (found, ImpactFallbackGlyph, 0).offset, ==, strlen ("Kolkata "));
    g_assert_nonnull (g_array_index (found, ImpactFallbackGlyph, 0).family);
  }
  {
    g_autoptr(PangoLayout) layout = NULL;

    /* the sheet's layouts name the script's Noto family themselves */
    style.family = "Inter";
    layout = impact_text_layout_new (context, &style, "Kolkata কলকাতা", FALSE, -1);
    g_assert_null (impact_script_find_fallback_glyphs (layout));
  }
  {
    g_autoptr(PangoLayout) layout = NULL;

    style.family = "Inter, Noto Sans Bengali";
    layout = impact_text_layout_new (context, &style, "Kolkata কলকাতা, 2006", FALSE, -1);
    g_assert_null (impact_script_find_fallback_glyphs (layout));
  }
  {
    g_autoptr(PangoLayout) layout = NULL;

    /* a generic family cannot be told from its fallback */
    style.family = "Sans";
    layout = impact_text_layout_new (context, &style, "Kolkata কলকাতা", FALSE, -1);
    g_assert_null (impact_script_find_fallback_glyphs (layout));
  }
  {
    g_autoptr(PangoLayout) layout = NULL;
    g_autoptr(GArray) found = NULL;

    /* a character no font has: reported without a family */
    style.family = "Inter";
    layout = impact_text_layout_new (context, &style, "A\U0010FFFD", FALSE, -1);
    found = impact_script_find_fallbacks (layout);
    if (pango_layout_get_unknown_glyphs_count (layout) > 0)
      {
        g_assert_cmpuint (found->len, ==, 1);
        g_assert_cmpuint (g_array_index (found, ImpactFallbackGlyph, 0).ch, ==, 0x10FFFD);
        g_assert_null (g_array_index (found, ImpactFallbackGlyph, 0).family);
      }
  }
}

/* The warnings of a sheet's layout that name a character drawn by a font
 * outside its families, or by none */
static GPtrArray *
glyph_warnings (const char *json,
                gsize       length,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_data (json, length, name, NULL, NULL, &error);
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactTheme) theme = NULL;
  g_autoptr(ImpactSheetLayout) layout = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
  layout = impact_sheet_layout_new (doc, theme, IMPACT_PAGE_SIZE_A4, diagnostics);
  g_assert_nonnull (layout);
  for (guint i = 0; i < impact_diagnostics_get_n_items (diagnostics); i++)
    {
      const ImpactDiagnostic *d = impact_diagnostics_get_item (diagnostics, i);

      if (strstr (d->message, "fallback") != NULL || strstr (d->message, "cannot draw") != NULL)
        {
          /* the help explains it */
          g_assert_cmpstr (impact_help_topic_for_diagnostic (d), ==, "fix-glyphs");
          g_ptr_array_add (found, g_strdup_printf ("%s: %s", d->path, d->message));
        }
    }
  return found;
}

/* U+2500 (a box-drawing line) is in DejaVu Sans and in none of the sheet's
 * families (Inter, Noto Sans, its symbol families): validate names it, with
 * the JSON path of the field it is in */
static void
test_script_fallback_warning (void)
{
  static const char json[] =
    "{ \"format\": \"1\", \"language\": \"en\", \"office\": \"Nairobi, Kenya\",\n"
    "  \"theme\": { \"template\": \"%s\" },\n"
    "  \"organisation\": { \"name\": \"Clean Water\" },\n"
    "  \"problem\": { \"heading\": \"Water\", \"body\": \"Wells ╬ and pumps.\" },\n"
    "  \"statistics\": [\n"
    "    { \"value\": 120, \"label\": \"wells\", \"source\": { \"title\": \"Log\" } },\n"
    "    { \"value\": 87, \"qualifier\": \"+\", \"suffix\": \"─\", \"label\": \"pumps\", \"source\": { \"title\": \"Log\" } },\n"
    "    { \"value\": 4, \"scale\": \"million ┼\", \"label\": \"litres ✓ → €\", \"source\": { \"title\": \"Log\" } }\n"
    "  ] }\n";
  static const char * const templates[] = { "classic", "bold" };
  g_autoptr(PangoContext) context = impact_text_context_new ("en");

  if (!have_family (context, "Inter") || !have_family (context, "Noto Sans"))
    {
      g_test_skip ("Inter or Noto Sans is not installed (fonts-inter, fonts-noto-core)");
      return;
    }
  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    {
      g_autofree char *doc = g_strdup_printf (json, templates[t]);
      g_autoptr(GPtrArray) found = glyph_warnings (doc, strlen (doc), "symbols.json");
      const struct { const char *path, *ch; } expected[] = {
        { "problem.body", "\"╬\" (U+256C)" },
        { "statistics[1].suffix", "\"─\" (U+2500)" },
        { "statistics[2].scale", "\"┼\" (U+253C)" },
      };

      for (guint i = 0; i < found->len; i++)
        g_test_message ("%s: %s", templates[t], (const char *) g_ptr_array_index (found, i));
      /* ✓ → € and the "+" come from the sheet's families: not named */
      g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (expected));
      for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
        {
          gboolean seen = FALSE;

          for (guint i = 0; i < found->len && !seen; i++)
            {
              const char *w = g_ptr_array_index (found, i);

              seen = g_str_has_prefix (w, expected[e].path) && w[strlen (expected[e].path)] == ':' &&
                     strstr (w, expected[e].ch) != NULL &&
                     (strstr (w, "is drawn from the fallback font ") != NULL || strstr (w, "cannot draw") != NULL);
            }
          if (!seen)
            g_error ("%s: no warning for %s %s", templates[t], expected[e].path, expected[e].ch);
        }
    }
}

/* The Arabic, Bengali and Devanagari sheets, and every example, draw
 * every character from their families: digits, punctuation and signs
 * included */
static void
test_script_fallback_none (void)
{
  static const char hindi[] =
    "{ \"format\": \"1\", \"language\": \"hi\", \"office\": \"कोलकाता, भारत\",\n"
    "  \"organisation\": { \"name\": \"न्याय मिशन\" },\n"
    "  \"problem\": { \"kicker\": \"समस्या\", \"heading\": \"मानव तस्करी\",\n"
    "    \"body\": \"हर साल हज़ारों लड़कियाँ (कई 18 वर्ष से कम) बेची जाती हैं; हम पुलिस के साथ काम करते हैं — और अदालतों के साथ भी।\" },\n"
    "  \"statistics\": [ { \"value\": 1284000, \"prefix\": \"₹\", \"label\": \"पुनर्वास पर ख़र्च\", \"source\": { \"title\": \"वार्षिक रिपोर्ट (2024)\" } },\n"
    "                  { \"value\": 64, \"suffix\": \"%\", \"qualifier\": \"+\", \"label\": \"मामलों में सज़ा\", \"source\": { \"title\": \"वार्षिक रिपोर्ट\" } } ],\n"
    "  \"quote\": { \"text\": \"मुझे नहीं पता था कि मेरे भी अधिकार हैं।\", \"attribution\": \"सीता\", \"pseudonym\": true } }\n";
  /* the fixture, then the examples */
  g_autofree char *fixture = impact_test_data_path ("data/valid/arabic.json");
  const char *examples[] = { "kolkata-bn.json", "kolkata-ar.json", "kolkata-hi.json", "kolkata-fr.json",
                             "kolkata-pt.json", "kolkata-sw.json", "kolkata-es.json", "kolkata.json" };
  g_autoptr(PangoContext) context = impact_text_context_new (NULL);

  if (!have_family (context, "Noto Sans Arabic") || !have_family (context, "Noto Sans Bengali") ||
      !have_family (context, "Noto Sans Devanagari") || !have_family (context, "Inter"))
    {
      g_test_skip ("fonts-noto-core or fonts-inter is not installed");
      return;
    }
  for (guint i = 0; i <= G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = i == 0 ? g_strdup (fixture) : impact_test_example_path (examples[i - 1]);
      g_autofree char *contents = NULL;
      gsize length;
      g_autoptr(GPtrArray) found = NULL;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      found = glyph_warnings (contents, length, path);
      for (guint k = 0; k < found->len; k++)
        g_test_message ("%s: %s", path, (const char *) g_ptr_array_index (found, k));
      g_assert_cmpuint (found->len, ==, 0);
    }
  {
    g_autoptr(GPtrArray) found = glyph_warnings (hindi, strlen (hindi), "hindi.json");

    for (guint k = 0; k < found->len; k++)
      g_test_message ("hindi: %s", (const char *) g_ptr_array_index (found, k));
    g_assert_cmpuint (found->len, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/script/letter-spacing-allowed", test_script_letter_spacing_allowed);
  g_test_add_func ("/script/for-language", test_script_for_language);
  g_test_add_func ("/script/insert-letter-spacing", test_script_insert_letter_spacing);
  g_test_add_func ("/script/text-layout-tracking", test_script_text_layout_tracking);
  g_test_add_func ("/script/italic", test_script_italic);
  g_test_add_func ("/script/list-separator", test_script_list_separator);
  g_test_add_func ("/script/complete-families", test_script_complete_families);
  g_test_add_func ("/script/fallback-glyphs", test_script_fallback_glyphs);
  g_test_add_func ("/script/fallback-warning", test_script_fallback_warning);
  g_test_add_func ("/script/fallback-none", test_script_fallback_none);
  return g_test_run ();
}
