/* impact-fonts.c: a private fontconfig configuration for one document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-fonts"

#include "impact-fonts.h"

#include <fontconfig/fontconfig.h>
#include <pango/pango.h>
#include <string.h>

#include "impact-font-plan.h"
#include "impact-script.h"

typedef struct
{
  FcConfig   *config;
  FcCharSet  *allowed;   /* characters the subset is known to choose right for */
  gboolean    broken;
  gboolean    current;   /* config is fontconfig's default configuration */
  guint       serial;
} Restriction;

static void
restriction_free (gpointer data)
{
  Restriction *r = data;

  if (r->config != NULL)
    FcConfigDestroy (r->config);
  if (r->allowed != NULL)
    FcCharSetDestroy (r->allowed);
  g_free (r);
}

static GPrivate restriction_key = G_PRIVATE_INIT (restriction_free);

static Restriction *
get_restriction (void)
{
  Restriction *r = g_private_get (&restriction_key);

  if (r == NULL)
    {
      r = g_new0 (Restriction, 1);
      g_private_set (&restriction_key, r);
    }
  return r;
}

/* Pango never picks a font for a space, a control or a format character
 * (itemize.c: not g_unichar_isgraph and not private use): such characters
 * take the font around them. */
static gboolean
selects_font (gunichar c)
{
  return g_unichar_isgraph (c) || g_unichar_type (c) == G_UNICODE_PRIVATE_USE;
}

static gboolean
has_family (FcPattern  *font,
            const char *family)
{
  FcChar8 *name;

  for (int i = 0; FcPatternGetString (font, FC_FAMILY, i, &name) == FcResultMatch; i++)
    if (FcStrCmpIgnoreCase (name, (const FcChar8 *) family) == 0)
      return TRUE;
  return FALSE;
}

/* The best match for @family is a face of that family */
static gboolean
is_best_match (FcConfig   *config,
               const char *family)
{
  FcPattern *pattern = FcPatternCreate ();
  FcPattern *match;
  FcResult result;
  gboolean ok;

  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  FcConfigSubstitute (config, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (config, pattern, &result);
  ok = match != NULL && has_family (match, family);
  if (match != NULL)
    FcPatternDestroy (match);
  FcPatternDestroy (pattern);
  return ok;
}

gboolean
impact_fonts_is_bundled (const char *family)
{
  if (family == NULL)
    return FALSE;
  return g_ascii_strcasecmp (family, "Inter") == 0 ||
         g_ascii_strcasecmp (family, "Inter Display") == 0 ||
         g_ascii_strncasecmp (family, "Noto ", 5) == 0;
}

gboolean
impact_fonts_is_installed (const char *family)
{
  FcConfig *config;
  gboolean ok;

  if (family == NULL || *family == '\0')
    return FALSE;
  config = FcConfigReference (NULL);
  if (config == NULL)
    return FALSE;
  ok = is_best_match (config, family);
  FcConfigDestroy (config);
  return ok;
}

/* The rules of a private configuration (impact_fonts_restrict). Of the
 * system's, the ones that change how a kept font draws: a face lighter
 * than the weight asked for is emboldened, and an upright face asked for
 * a slant is slanted (the system's 90-synthetic rules do the same, with
 * the same slant, so the output does not change). The others choose among
 * fonts by name (aliases, generic families, preferred fallbacks): the
 * families here are named and installed, and the fallbacks for the
 * document's characters are chosen in the system's order (the kept fonts
 * keep it). Hinting, antialiasing and subpixel order come from the sheet's
 * cairo font options (impact_text_context_new). */
static const char own_rules[] =
  "<?xml version=\"1.0\"?>\n"
  "<fontconfig>\n"
  "  <rescan><int>0</int></rescan>\n"
  "  <match target=\"font\">\n"
  "    <test name=\"slant\"><const>roman</const></test>\n"
  "    <test target=\"pattern\" name=\"slant\" compare=\"not_eq\"><const>roman</const></test>\n"
  "    <edit name=\"matrix\" mode=\"assign\">\n"
  "      <times><name>matrix</name>\n"
  "        <matrix><double>1</double><double>0.2</double><double>0</double><double>1</double></matrix>\n"
  "      </times>\n"
  "    </edit>\n"
  "    <edit name=\"slant\" mode=\"assign\"><const>oblique</const></edit>\n"
  "    <edit name=\"embeddedbitmap\" mode=\"assign\"><bool>false</bool></edit>\n"
  "  </match>\n"
  "  <match target=\"font\">\n"
  "    <test name=\"weight\" compare=\"less_eq\"><const>medium</const></test>\n"
  "    <test target=\"pattern\" name=\"weight\" compare=\"more_eq\"><const>bold</const></test>\n"
  "    <edit name=\"embolden\" mode=\"assign\"><bool>true</bool></edit>\n"
  "    <edit name=\"weight\" mode=\"assign\"><const>bold</const></edit>\n"
  "  </match>\n"
  "</fontconfig>\n";

/* The characters of @text Pango chooses a font for */
static FcCharSet *
document_chars (const char *text)
{
  FcCharSet *chars = FcCharSetCreate ();

  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (selects_font (c))
        FcCharSetAddChar (chars, c);
    }
  return chars;
}

/* A configuration of its own holding @fonts (FcPattern *, shared, not
 * scanned again) and the rules that change how such a font is drawn */
static FcConfig *
config_new (GPtrArray *fonts)
{
  FcConfig *config = FcConfigCreate ();
  FcFontSet *built;

  if (config == NULL)
    return NULL;
  if (!FcConfigParseAndLoadFromMemory (config, (const FcChar8 *) own_rules, FcTrue) ||
      !FcConfigBuildFonts (config) ||
      (built = FcConfigGetFonts (config, FcSetSystem)) == NULL)
    {
      FcConfigDestroy (config);
      return NULL;
    }
  for (guint i = 0; i < fonts->len; i++)
    {
      FcPattern *font = g_ptr_array_index (fonts, i);

      FcPatternReference (font);
      if (!FcFontSetAdd (built, font))
        {
          FcPatternDestroy (font);
          FcConfigDestroy (config);
          return NULL;
        }
    }
  return config;
}

/* Makes @config and @allowed (both taken) the calling thread's sheet fonts;
 * @current: fontconfig's default configuration too, so that Pango never
 * loads the system's */
static void
install (FcConfig  *config,
         FcCharSet *allowed,
         gboolean   current)
{
  Restriction *r = get_restriction ();

  if (r->config != NULL)
    FcConfigDestroy (r->config);
  if (r->allowed != NULL)
    FcCharSetDestroy (r->allowed);
  r->config = config;
  r->allowed = allowed;
  r->broken = FALSE;
  r->serial++;
  if (current && FcConfigSetCurrent (config))
    r->current = TRUE;
}

/* The names of a font description's comma-separated family list */
static GPtrArray *
split_families (const char *list)
{
  g_auto(GStrv) parts = g_strsplit (list, ",", -1);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint j = 0; parts[j] != NULL; j++)
    {
      char *name = g_strstrip (g_strdup (parts[j]));

      if (*name == '\0')
        g_free (name);
      else
        g_ptr_array_add (names, name);
    }
  return names;
}

/* The characters Pango is sure to take from a theme face in a text set in
 * any of the family lists @families: for each list, some face of one of
 * its families has the character. FcFontSort puts every face of a
 * description's families (strong matches) before any other font, so the
 * first font that has such a character, the one Pango takes, is a theme
 * face, kept in any restriction. (Asking that every face of every family
 * have it was much stricter: a Bengali theme, "Noto Sans Bengali, Inter",
 * then needed every font with a comma.) */
static FcCharSet *
common_chars (const char * const *families,
              FcFontSet          *set)
{
  FcCharSet *common = NULL;

  for (guint i = 0; families[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) names = split_families (families[i]);
      FcCharSet *some = FcCharSetCreate ();

      for (int f = 0; f < set->nfont; f++)
        {
          FcCharSet *cs;

          for (guint n = 0; n < names->len; n++)
            if (has_family (set->fonts[f], g_ptr_array_index (names, n)))
              {
                if (FcPatternGetCharSet (set->fonts[f], FC_CHARSET, 0, &cs) == FcResultMatch)
                  FcCharSetMerge (some, cs, NULL);
                break;
              }
        }
      if (common == NULL)
        common = some;
      else
        {
          FcCharSet *both = FcCharSetIntersect (common, some);

          FcCharSetDestroy (common);
          FcCharSetDestroy (some);
          common = both;
        }
    }
  return common != NULL ? common : FcCharSetCreate ();
}

/* What a private font configuration is planned for: @text, and the
 * sample texts Pango measures fonts with (pango_context_get_metrics
 * and each font's metrics set the sample text of the document's language,
 * and of each script's own language, in the sheet's fonts) */
static char *
planned_text (const char *text,
              const char *language)
{
  GString *out = g_string_new (text);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  PangoLanguage *own = pango_language_from_string (language != NULL && *language ? language : "en");

  g_string_append (out, pango_language_get_sample_string (own));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));
      PangoLanguage *sample;

      if (script == G_UNICODE_SCRIPT_COMMON || script == G_UNICODE_SCRIPT_INHERITED ||
          g_hash_table_contains (seen, GINT_TO_POINTER (script)))
        continue;
      g_hash_table_add (seen, GINT_TO_POINTER (script));
      sample = pango_script_get_sample_language ((PangoScript) script);
      if (sample != NULL)
        g_string_append (out, pango_language_get_sample_string (sample));
    }
  return g_string_free (out, FALSE);
}

gboolean
impact_fonts_restrict (const char * const *families,
                       const char         *language,
                       const char         *text)
{
  FcConfig *base = NULL;
  FcFontSet *set;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) theme_faces = g_ptr_array_new ();
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GPtrArray) planned = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *measured = planned_text (text != NULL ? text : "", language);
  FcCharSet *doc_chars = document_chars (measured);
  FcCharSet *common = NULL;
  FcCharSet *needed = NULL;
  FcCharSet *allowed = NULL;
  FcConfig *config = NULL;
  gboolean ok = FALSE;

  /* the families, as a font description's comma-separated list */
  for (guint i = 0; families[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) list = split_families (families[i]);

      for (guint j = 0; j < list->len; j++)
        g_ptr_array_add (names, g_strdup (g_ptr_array_index (list, j)));
    }
  if (names->len == 0)
    goto out;

  /* the choice an earlier run made for these families, when it still
   * holds and covers this document (impact-font-plan.h) */
  plan = impact_font_plan_path (names);
  if (impact_font_plan_read (plan, doc_chars, &planned, &allowed))
    {
      config = config_new (planned);
      if (config != NULL)
        {
          g_debug ("a private font configuration: %u fonts, as planned before", planned->len);
          install (g_steal_pointer (&config), g_steal_pointer (&allowed), TRUE);
          ok = TRUE;
          goto out;
        }
      g_clear_pointer (&allowed, FcCharSetDestroy);
    }

  base = FcConfigReference (NULL);
  if (base == NULL)
    goto out;
  set = FcConfigGetFonts (base, FcSetSystem);
  if (set == NULL || set->nfont == 0)
    goto out;
  for (guint i = 0; i < names->len; i++)
    if (!is_best_match (base, g_ptr_array_index (names, i)))
      goto out;

  for (int f = 0; f < set->nfont; f++)
    for (guint i = 0; i < names->len; i++)
      if (has_family (set->fonts[f], g_ptr_array_index (names, i)))
        {
          g_ptr_array_add (theme_faces, set->fonts[f]);
          break;
        }
  if (theme_faces->len == 0)
    goto out;

  /* the document's characters that some face of the theme lacks, and
   * every font that has one of them */
  common = common_chars (families, set);
  needed = FcCharSetSubtract (doc_chars, common);
  if (needed == NULL)
    goto out;
  for (int f = 0; f < set->nfont; f++)
    {
      FcCharSet *cs;
      gboolean keep = FALSE;

      for (guint i = 0; i < theme_faces->len && !keep; i++)
        keep = set->fonts[f] == g_ptr_array_index (theme_faces, i);
      if (!keep && FcCharSetCount (needed) > 0 &&
          FcPatternGetCharSet (set->fonts[f], FC_CHARSET, 0, &cs) == FcResultMatch &&
          FcCharSetIntersectCount (cs, needed) > 0)
        keep = TRUE;
      if (keep)
        g_ptr_array_add (kept, set->fonts[f]);
    }
  /* not worth a second configuration */
  if (kept->len * 2 > (guint) set->nfont)
    goto out;

  config = config_new (kept);
  if (config == NULL)
    goto out;
  /* characters every theme face has, and the ones planned for */
  allowed = FcCharSetUnion (common, needed);
  if (allowed == NULL)
    goto out;
  impact_font_plan_write (plan, base, kept, common, needed);
  install (g_steal_pointer (&config), g_steal_pointer (&allowed), FALSE);
  ok = TRUE;
  g_debug ("a private font configuration: %u of %d fonts", kept->len, set->nfont);

out:
  if (config != NULL)
    FcConfigDestroy (config);
  if (allowed != NULL)
    FcCharSetDestroy (allowed);
  if (common != NULL)
    FcCharSetDestroy (common);
  if (needed != NULL)
    FcCharSetDestroy (needed);
  FcCharSetDestroy (doc_chars);
  if (base != NULL)
    FcConfigDestroy (base);
  return ok;
}

void
impact_fonts_unrestrict (void)
{
  Restriction *r = get_restriction ();

  if (r->config == NULL)
    return;
  /* the system's configuration again, loaded when next asked for */
  if (r->current)
    FcConfigSetCurrent (NULL);
  r->current = FALSE;
  g_clear_pointer (&r->config, FcConfigDestroy);
  g_clear_pointer (&r->allowed, FcCharSetDestroy);
  r->broken = FALSE;
  r->serial++;
}

gboolean
impact_fonts_is_restricted (void)
{
  Restriction *r = g_private_get (&restriction_key);

  return r != NULL && r->config != NULL;
}

void
impact_fonts_check_text (const char *text)
{
  Restriction *r = g_private_get (&restriction_key);

  if (r == NULL || r->config == NULL || r->broken || text == NULL)
    return;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (selects_font (g_utf8_get_char (p)) && !FcCharSetHasChar (r->allowed, g_utf8_get_char (p)))
      {
        g_debug ("U+%04X was not planned for: laying out again with every font",
                 g_utf8_get_char (p));
        r->broken = TRUE;
        return;
      }
}

gboolean
impact_fonts_restriction_broken (void)
{
  Restriction *r = g_private_get (&restriction_key);

  return r != NULL && r->config != NULL && r->broken;
}

/* The Noto family (fonts-noto-core) of the scripts a sheet is likely to be
 * written in; the others are left to fontconfig */
static const struct
{
  GUnicodeScript  script;
  const char     *family;
} script_families[] = {
  { G_UNICODE_SCRIPT_ADLAM, "Noto Sans Adlam" },
  { G_UNICODE_SCRIPT_ARABIC, "Noto Sans Arabic" },
  { G_UNICODE_SCRIPT_ARMENIAN, "Noto Sans Armenian" },
  { G_UNICODE_SCRIPT_BENGALI, "Noto Sans Bengali" },
  { G_UNICODE_SCRIPT_CHEROKEE, "Noto Sans Cherokee" },
  { G_UNICODE_SCRIPT_DEVANAGARI, "Noto Sans Devanagari" },
  { G_UNICODE_SCRIPT_ETHIOPIC, "Noto Sans Ethiopic" },
  { G_UNICODE_SCRIPT_GEORGIAN, "Noto Sans Georgian" },
  { G_UNICODE_SCRIPT_GUJARATI, "Noto Sans Gujarati" },
  { G_UNICODE_SCRIPT_GURMUKHI, "Noto Sans Gurmukhi" },
  { G_UNICODE_SCRIPT_HEBREW, "Noto Sans Hebrew" },
  { G_UNICODE_SCRIPT_KANNADA, "Noto Sans Kannada" },
  { G_UNICODE_SCRIPT_KHMER, "Noto Sans Khmer" },
  { G_UNICODE_SCRIPT_LAO, "Noto Sans Lao" },
  { G_UNICODE_SCRIPT_MALAYALAM, "Noto Sans Malayalam" },
  { G_UNICODE_SCRIPT_MONGOLIAN, "Noto Sans Mongolian" },
  { G_UNICODE_SCRIPT_MYANMAR, "Noto Sans Myanmar" },
  { G_UNICODE_SCRIPT_NKO, "Noto Sans NKo" },
  { G_UNICODE_SCRIPT_OL_CHIKI, "Noto Sans Ol Chiki" },
  { G_UNICODE_SCRIPT_ORIYA, "Noto Sans Oriya" },
  { G_UNICODE_SCRIPT_SINHALA, "Noto Sans Sinhala" },
  { G_UNICODE_SCRIPT_SYRIAC, "Noto Sans Syriac" },
  { G_UNICODE_SCRIPT_TAMIL, "Noto Sans Tamil" },
  { G_UNICODE_SCRIPT_TELUGU, "Noto Sans Telugu" },
  { G_UNICODE_SCRIPT_THAANA, "Noto Sans Thaana" },
  { G_UNICODE_SCRIPT_THAI, "Noto Sans Thai" },
  { G_UNICODE_SCRIPT_TIBETAN, "Noto Serif Tibetan" },
  { G_UNICODE_SCRIPT_TIFINAGH, "Noto Sans Tifinagh" },
};

/* After the theme's and the scripts' families: Latin, Greek and Cyrillic
 * letters, digits and punctuation, then symbols, arrows and check marks */
static const char * const common_families[] = {
  "Noto Sans", "Noto Sans Symbols2", "Noto Sans Symbols", "Noto Sans Math", NULL
};

static gboolean
is_generic (const char *family)
{
  static const char * const generic[] = {
    "sans", "sans-serif", "serif", "monospace", "mono", "system-ui", "cursive", "fantasy", NULL
  };

  for (guint i = 0; generic[i] != NULL; i++)
    if (g_ascii_strcasecmp (family, generic[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Appends @family to @names unless it is there already */
static void
add_family (GPtrArray  *names,
            const char *family)
{
  for (guint i = 0; i < names->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (names, i), family) == 0)
      return;
  g_ptr_array_add (names, g_strdup (family));
}

static void
add_script_family (GPtrArray      *names,
                   GUnicodeScript  script)
{
  for (guint i = 0; i < G_N_ELEMENTS (script_families); i++)
    if (script_families[i].script == script)
      {
        add_family (names, script_families[i].family);
        return;
      }
}

char *
impact_fonts_complete_families (const char *families,
                                const char *language,
                                const char *text)
{
  g_auto(GStrv) parts = g_strsplit (families != NULL ? families : "", ",", -1);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GUnicodeScript last = G_UNICODE_SCRIPT_COMMON;
  GString *out;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *name = g_strstrip (parts[i]);

      if (*name == '\0')
        continue;
      if (is_generic (name))
        return g_strdup (families);
      add_family (names, name);
    }
  if (names->len == 0)
    return g_strdup (families != NULL ? families : "");

  /* the scripts of the text, in order of appearance */
  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      if (script == last || script == G_UNICODE_SCRIPT_COMMON ||
          script == G_UNICODE_SCRIPT_INHERITED || script == G_UNICODE_SCRIPT_LATIN)
        continue;
      last = script;
      add_script_family (names, script);
    }
  /* the language's, for a text of digits and punctuation alone */
  add_script_family (names, impact_script_for_language (language));
  for (guint i = 0; common_families[i] != NULL; i++)
    add_family (names, common_families[i]);

  out = g_string_new (NULL);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", (const char *) g_ptr_array_index (names, i));
  return g_string_free (out, FALSE);
}

gpointer
impact_fonts_get_config (void)
{
  Restriction *r = g_private_get (&restriction_key);

  return r != NULL ? r->config : NULL;
}

guint
impact_fonts_get_serial (void)
{
  Restriction *r = g_private_get (&restriction_key);

  return r != NULL ? r->serial : 0;
}
