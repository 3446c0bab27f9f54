/* impact-script.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "impact-script.h"

#include <string.h>

gboolean
impact_script_allows_letter_spacing (GUnicodeScript script)
{
  switch ((int) script)
    {
    /* joining scripts: spaced letters lose their connections */
    case G_UNICODE_SCRIPT_ARABIC:
    case G_UNICODE_SCRIPT_SYRIAC:
    case G_UNICODE_SCRIPT_NKO:
    case G_UNICODE_SCRIPT_MONGOLIAN:
    case G_UNICODE_SCRIPT_MANDAIC:
    case G_UNICODE_SCRIPT_ADLAM:
    case G_UNICODE_SCRIPT_HANIFI_ROHINGYA:
    case G_UNICODE_SCRIPT_SOGDIAN:
    case G_UNICODE_SCRIPT_OLD_UYGHUR:
    case G_UNICODE_SCRIPT_MANICHAEAN:
    case G_UNICODE_SCRIPT_PSALTER_PAHLAVI:
    case G_UNICODE_SCRIPT_PHAGS_PA:
    /* headstroke scripts: spacing breaks the line the letters hang from */
    case G_UNICODE_SCRIPT_DEVANAGARI:
    case G_UNICODE_SCRIPT_BENGALI:
    case G_UNICODE_SCRIPT_GURMUKHI:
    case G_UNICODE_SCRIPT_TIBETAN:
    case G_UNICODE_SCRIPT_SYLOTI_NAGRI:
    case G_UNICODE_SCRIPT_TIRHUTA:
    case G_UNICODE_SCRIPT_NANDINAGARI:
      return FALSE;
    default:
      return TRUE;
    }
}

gboolean
impact_script_text_allows_letter_spacing (const char *text)
{
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    if (!impact_script_allows_letter_spacing (g_unichar_get_script (g_utf8_get_char (p))))
      return FALSE;
  return TRUE;
}

GUnicodeScript
impact_script_for_language (const char *language)
{
  const PangoScript *scripts;
  int n = 0;

  if (language == NULL || *language == '\0')
    return G_UNICODE_SCRIPT_UNKNOWN;
  scripts = pango_language_get_scripts (pango_language_from_string (language), &n);
  if (n == 0)
    {
      /* "bn-u-nu-beng", "ar-EG": the primary language subtag */
      g_autofree char *primary = g_strndup (language, strcspn (language, "-_"));

      scripts = pango_language_get_scripts (pango_language_from_string (primary), &n);
    }
  return n > 0 ? (GUnicodeScript) scripts[0] : G_UNICODE_SCRIPT_UNKNOWN;
}

GUnicodeScript
impact_script_for_text (const char *text)
{
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      if (script != G_UNICODE_SCRIPT_COMMON && script != G_UNICODE_SCRIPT_INHERITED &&
          script != G_UNICODE_SCRIPT_UNKNOWN)
        return script;
    }
  return G_UNICODE_SCRIPT_COMMON;
}

/* Calls @func for each run of @text by script (common characters resolved
 * to their neighbours', as Pango shapes them), merged while @func's
 * answer stays the same; inserts @make's attribute over the runs it
 * accepts. */
typedef gboolean (*RunFilter) (GUnicodeScript script,
                               const char    *run,
                               gpointer       data);

static guint
insert_by_runs (PangoAttrList  *attrs,
                const char     *text,
                guint           start,
                guint           end,
                RunFilter       filter,
                gpointer        data,
                PangoAttribute *(*make) (gpointer),
                gpointer        make_data)
{
  PangoScriptIter *iter;
  guint n = 0;
  gssize open = -1;   /* start of the accepted span being built */
  guint last_end = start;

  if (text == NULL || *text == '\0' || start >= end)
    return 0;
  iter = pango_script_iter_new (text, -1);
  do
    {
      const char *run_start, *run_end;
      PangoScript script;
      guint s, e;
      gboolean accept;

      pango_script_iter_get_range (iter, &run_start, &run_end, &script);
      s = MAX ((guint) (run_start - text), start);
      e = MIN ((guint) (run_end - text), end);
      if (s >= e)
        continue;
      {
        g_autofree char *run = g_strndup (text + s, e - s);

        accept = filter ((GUnicodeScript) script, run, data);
      }
      if (accept && open < 0)
        open = s;
      else if (!accept && open >= 0)
        {
          PangoAttribute *attr = make (make_data);

          attr->start_index = (guint) open;
          attr->end_index = s;
          pango_attr_list_insert (attrs, attr);
          n++;
          open = -1;
        }
      last_end = e;
    }
  while (pango_script_iter_next (iter));
  pango_script_iter_free (iter);

  if (open >= 0)
    {
      PangoAttribute *attr = make (make_data);

      attr->start_index = (guint) open;
      attr->end_index = last_end;
      pango_attr_list_insert (attrs, attr);
      n++;
    }
  return n;
}

static gboolean
spacing_filter (GUnicodeScript script,
                const char    *run,
                gpointer       data)
{
  (void) run;
  (void) data;
  return impact_script_allows_letter_spacing (script);
}

static PangoAttribute *
make_spacing (gpointer data)
{
  return pango_attr_letter_spacing_new (GPOINTER_TO_INT (data));
}

guint
impact_script_insert_letter_spacing (PangoAttrList *attrs,
                                     const char    *text,
                                     int            spacing)
{
  g_return_val_if_fail (attrs != NULL, 0);

  if (spacing == 0 || text == NULL)
    return 0;
  return insert_by_runs (attrs, text, 0, strlen (text), spacing_filter, NULL,
                         make_spacing, GINT_TO_POINTER (spacing));
}

gboolean
impact_script_has_real_italic (PangoContext               *context,
                               const PangoFontDescription *desc,
                               gunichar                    ch)
{
  g_autoptr(PangoFontDescription) italic = NULL;
  PangoFontset *fontset;
  PangoFontFace *face;
  PangoFontFamily *family;
  PangoFontFace **faces = NULL;
  int n = 0;
  gboolean real = FALSE;
  g_autoptr(PangoFont) font = NULL;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (desc != NULL, FALSE);

  italic = pango_font_description_copy (desc);
  pango_font_description_set_style (italic, PANGO_STYLE_ITALIC);
  fontset = pango_context_load_fontset (context, italic, pango_context_get_language (context));
  if (fontset == NULL)
    return FALSE;
  font = pango_fontset_get_font (fontset, ch);
  g_object_unref (fontset);
  if (font == NULL)
    return FALSE;
  /* the family of the font picked: a real italic is one of its faces
   * that Pango does not synthesize (fontconfig gives the upright face of a
   * family without one, and the renderer slants it) */
  face = pango_font_get_face (font);
  family = face ? pango_font_face_get_family (face) : NULL;
  if (family == NULL)
    return FALSE;
  pango_font_family_list_faces (family, &faces, &n);
  for (int i = 0; i < n && !real; i++)
    {
      g_autoptr(PangoFontDescription) got = NULL;

      if (pango_font_face_is_synthesized (faces[i]))
        continue;
      got = pango_font_face_describe (faces[i]);
      real = pango_font_description_get_style (got) != PANGO_STYLE_NORMAL;
    }
  g_free (faces);
  return real;
}

typedef struct
{
  PangoContext               *context;
  const PangoFontDescription *desc;
} ItalicCheck;

static gboolean
italic_filter (GUnicodeScript script,
               const char    *run,
               gpointer       data)
{
  ItalicCheck *check = data;
  gunichar ch = 0;

  (void) script;
  /* the run's first letter (a run of spaces and digits: its first character) */
  for (const char *p = run; *p && ch == 0; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeScript s = g_unichar_get_script (c);

      if (s != G_UNICODE_SCRIPT_COMMON && s != G_UNICODE_SCRIPT_INHERITED)
        ch = c;
    }
  if (ch == 0)
    ch = g_utf8_get_char (run);
  return impact_script_has_real_italic (check->context, check->desc, ch);
}

static PangoAttribute *
make_italic (gpointer data)
{
  (void) data;
  return pango_attr_style_new (PANGO_STYLE_ITALIC);
}

guint
impact_script_insert_italic (PangoAttrList              *attrs,
                             PangoContext               *context,
                             const PangoFontDescription *desc,
                             const char                 *text,
                             guint                       start,
                             guint                       end)
{
  ItalicCheck check = { context, desc };

  g_return_val_if_fail (attrs != NULL, 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (desc != NULL, 0);

  if (text == NULL)
    return 0;
  end = MIN (end, (guint) strlen (text));
  return insert_by_runs (attrs, text, start, end, italic_filter, &check, make_italic, NULL);
}

const char *
impact_script_get_list_separator (const char *language,
                                  const char *text)
{
  GUnicodeScript script = impact_script_for_language (language);

  if (script == G_UNICODE_SCRIPT_UNKNOWN)
    script = impact_script_for_text (text);
  switch ((int) script)
    {
    case G_UNICODE_SCRIPT_ARABIC:
      return "، ";
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
      return "、";
    case G_UNICODE_SCRIPT_ETHIOPIC:
      return "፣ ";
    default:
      return ", ";
    }
}

/* Generic names fontconfig maps to some installed family: no fallback can
 * be told from the named font then */
static gboolean
is_generic_family (const char *family)
{
  static const char * const generic[] = {
    "sans", "sans-serif", "serif", "monospace", "mono", "system-ui", "cursive", "fantasy", NULL
  };

  for (guint i = 0; generic[i]; i++)
    if (g_ascii_strcasecmp (family, generic[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_drawn (gunichar ch)
{
  GUnicodeType type = g_unichar_type (ch);

  return !g_unichar_isspace (ch) && ch != 0x2060 && ch != 0x200B && ch != 0x00AD &&
         type != G_UNICODE_CONTROL && type != G_UNICODE_FORMAT;
}

static void
add_fallback (GArray     *found,
              const char *text,
              const char *p,
              const char *family)
{
  ImpactFallbackGlyph glyph = { g_utf8_get_char (p), NULL, (guint) (p - text) };

  if (!is_drawn (glyph.ch))
    return;
  for (guint i = 0; i < found->len; i++)
    if (g_array_index (found, ImpactFallbackGlyph, i).ch == glyph.ch)
      return;
  glyph.family = g_strdup (family);
  g_array_append_val (found, glyph);
}

static void
fallback_glyph_clear (gpointer data)
{
  g_clear_pointer (&((ImpactFallbackGlyph *) data)->family, g_free);
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  const ImpactFallbackGlyph *ga = a, *gb = b;

  return ga->offset < gb->offset ? -1 : ga->offset > gb->offset;
}

GArray *
impact_script_find_fallbacks (PangoLayout *layout)
{
  const PangoFontDescription *desc;
  const char *text, *families;
  g_auto(GStrv) names = NULL;
  GArray *found;
  PangoLayoutIter *iter;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), NULL);

  found = g_array_new (FALSE, FALSE, sizeof (ImpactFallbackGlyph));
  g_array_set_clear_func (found, fallback_glyph_clear);
  desc = pango_layout_get_font_description (layout);
  if (desc == NULL)
    desc = pango_context_get_font_description (pango_layout_get_context (layout));
  families = desc ? pango_font_description_get_family (desc) : NULL;
  names = g_strsplit (families ? families : "", ",", -1);
  for (guint i = 0; names[i]; i++)
    {
      g_strstrip (names[i]);
      if (is_generic_family (names[i]))
        return found;
    }

  text = pango_layout_get_text (layout);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      g_autoptr(PangoFontDescription) used = NULL;
      const char *family = NULL;
      gboolean named = FALSE;

      if (run == NULL)
        continue;
      if (run->item->analysis.font != NULL)
        {
          used = pango_font_describe (run->item->analysis.font);
          family = pango_font_description_get_family (used);
          for (guint i = 0; names[i] && !named; i++)
            named = family && g_ascii_strcasecmp (family, names[i]) == 0;
        }
      /* glyphs no font has, whichever font the run is in */
      for (int i = 0; i < run->glyphs->num_glyphs; i++)
        if (run->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
          add_fallback (found, text, text + run->item->offset + run->glyphs->log_clusters[i], NULL);
      if (!named)
        {
          /* a fallback font: every other character of the run */
          const char *end = text + run->item->offset + run->item->length;

          for (const char *p = text + run->item->offset; p < end; p = g_utf8_next_char (p))
            add_fallback (found, text, p, family);
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  /* runs come in visual order: back to the text's */
  g_array_sort (found, compare_offsets);
  return found;
}

char *
impact_script_find_fallback_glyphs (PangoLayout *layout)
{
  g_autoptr(GArray) found = NULL;
  GString *out;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), NULL);

  found = impact_script_find_fallbacks (layout);
  if (found->len == 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < found->len; i++)
    g_string_append_unichar (out, g_array_index (found, ImpactFallbackGlyph, i).ch);
  return g_string_free (out, FALSE);
}
