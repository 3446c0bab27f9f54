/* test-script.c: script-aware typography
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "impact-script.h"
#include "impact-text.h"

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
    g_autoptr(PangoLayout) layout = NULL;
    g_autofree char *missing = NULL;

    /* Bengali in a Latin-only family list: drawn by a fallback font */
    style.family = "Inter";
    layout = impact_text_layout_new (context, &style, "Kolkata কলকাতা", FALSE, -1);
    missing = impact_script_find_fallback_glyphs (layout);
    g_assert_cmpstr (missing, ==, "কলাত");
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
  g_test_add_func ("/script/fallback-glyphs", test_script_fallback_glyphs);
  return g_test_run ();
}
