/* impact-font-plan.c: a private font configuration's plan, kept between runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-fonts"

#include "impact-font-plan.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PLAN_MAGIC "impact-sheet font plan 2"
#define FONTS_MAGIC "impact-sheet font plan fonts 2"
/* fonts files kept, one for each set of characters documents needed */
#define MAX_FONTS_FILES 32
/* a plan of every installed font would be about half a megabyte */
#define PLAN_MAX_BYTES (16 * 1024 * 1024)

/* what chooses fontconfig's configuration and its folders */
static const char * const plan_environment[] = {
  "FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "HOME",
  "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", NULL
};

char *
impact_font_plan_path (GPtrArray *names)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *cache = g_get_user_cache_dir ();
  g_autofree char *file = NULL;

  if (cache == NULL || *cache == '\0')
    return NULL;
  for (guint i = 0; i < names->len; i++)
    {
      g_checksum_update (sum, g_ptr_array_index (names, i), -1);
      g_checksum_update (sum, (const guchar *) "\n", 1);
    }
  for (guint i = 0; plan_environment[i] != NULL; i++)
    {
      const char *value = g_getenv (plan_environment[i]);
      g_autofree char *line = g_strdup_printf ("%s%c%s\n", plan_environment[i],
                                               value != NULL ? '=' : '!', value != NULL ? value : "");

      g_checksum_update (sum, (const guchar *) line, -1);
    }
  file = g_strdup_printf ("%.32s.plan", g_checksum_get_string (sum));
  return g_build_filename (cache, "impact-sheet", "fonts", file, NULL);
}

/* A line saying what @path is now: its modification time, size and inode,
 * or that it does not exist */
static char *
stamp (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return g_strdup_printf ("absent %s", path);
  return g_strdup_printf ("stamp %" G_GINT64_FORMAT ".%09ld %" G_GINT64_FORMAT " %" G_GUINT64_FORMAT " %s",
                          (gint64) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec,
                          (gint64) st.st_size, (guint64) st.st_ino, path);
}

/* The path a stamp line is about */
static const char *
stamp_path (const char *line)
{
  const char *p = line;
  guint fields = g_str_has_prefix (line, "absent ") ? 1 : 4;

  for (guint i = 0; i < fields; i++)
    {
      p = strchr (p, ' ');
      if (p == NULL)
        return NULL;
      p++;
    }
  return p;
}

static void
add_path (GPtrArray  *paths,
          GHashTable *seen,
          const char *path)
{
  if (path == NULL || *path == '\0' || g_hash_table_contains (seen, path))
    return;
  g_hash_table_add (seen, g_strdup (path));
  g_ptr_array_add (paths, g_strdup (path));
}

static void
add_list (GPtrArray  *paths,
          GHashTable *seen,
          FcStrList  *list,
          gboolean    with_folders)
{
  FcChar8 *s;

  if (list == NULL)
    return;
  while ((s = FcStrListNext (list)) != NULL)
    {
      add_path (paths, seen, (const char *) s);
      if (with_folders)
        {
          g_autofree char *dir = g_path_get_dirname ((const char *) s);

          add_path (paths, seen, dir);
        }
    }
  FcStrListDone (list);
}

/* Everything the system's configuration was read from, and the places a
 * user's configuration or fonts would be read from if they existed */
static GPtrArray *
configuration_paths (FcConfig *base)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *config = g_get_user_config_dir ();
  const char *data = g_get_user_data_dir ();
  const char *home = g_get_home_dir ();
  g_autofree char *user = g_build_filename (config, "fontconfig", NULL);
  g_autofree char *user_d = g_build_filename (config, "fontconfig", "conf.d", NULL);
  g_autofree char *user_conf = g_build_filename (config, "fontconfig", "fonts.conf", NULL);
  g_autofree char *user_fonts = g_build_filename (data, "fonts", NULL);
  g_autofree char *home_conf = g_build_filename (home, ".fonts.conf", NULL);
  g_autofree char *home_d = g_build_filename (home, ".fonts.conf.d", NULL);
  g_autofree char *home_fonts = g_build_filename (home, ".fonts", NULL);
  const char *places[] = { "/etc/fonts", "/etc/fonts/conf.d", "/etc/fonts/fonts.conf",
                           "/etc/fonts/local.conf", user, user_d, user_conf, user_fonts,
                           home_conf, home_d, home_fonts };

  add_list (paths, seen, FcConfigGetConfigFiles (base), TRUE);
  add_list (paths, seen, FcConfigGetConfigDirs (base), FALSE);
  add_list (paths, seen, FcConfigGetFontDirs (base), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    add_path (paths, seen, places[i]);
  return paths;
}

/* A character set as its 256-character pages, "BASE:W0,W1,…,W7 …" in hex:
 * fontconfig's own text form takes ten times longer to read back */
static char *
charset_to_string (FcCharSet *chars)
{
  GString *out = g_string_new (NULL);
  FcChar32 map[FC_CHARSET_MAP_SIZE];
  FcChar32 next;

  for (FcChar32 base = FcCharSetFirstPage (chars, map, &next); base != FC_CHARSET_DONE;
       base = FcCharSetNextPage (chars, map, &next))
    {
      g_string_append_printf (out, "%s%x:", out->len > 0 ? " " : "", base);
      for (guint i = 0; i < FC_CHARSET_MAP_SIZE; i++)
        g_string_append_printf (out, "%s%x", i > 0 ? "," : "", map[i]);
    }
  return g_string_free (out, FALSE);
}

static FcCharSet *
charset_from_string (const char *text)
{
  FcCharSet *chars = FcCharSetCreate ();
  const char *p = text;

  while (*p != '\0')
    {
      char *end;
      guint64 base = g_ascii_strtoull (p, &end, 16);

      if (end == p || *end != ':' || base > 0x10FFFF || base % 256 != 0)
        goto bad;
      p = end + 1;
      for (guint i = 0; i < FC_CHARSET_MAP_SIZE; i++)
        {
          guint64 word = g_ascii_strtoull (p, &end, 16);

          if (end == p || word > G_MAXUINT32 || *end != (i + 1 < FC_CHARSET_MAP_SIZE ? ',' : *end) ||
              (i + 1 == FC_CHARSET_MAP_SIZE && *end != ' ' && *end != '\0'))
            goto bad;
          for (FcChar32 w = word; w != 0; w &= w - 1)
            FcCharSetAddChar (chars, base + i * 32 + __builtin_ctz (w));
          p = *end == ',' ? end + 1 : end;
        }
      if (*p == ' ')
        p++;
    }
  return chars;

bad:
  FcCharSetDestroy (chars);
  return NULL;
}

/* A font's pattern as a line: fontconfig's name syntax (which keeps every
 * value of a font's pattern but for its languages), then its characters
 * and its languages on lines of their own. The faces of a family mostly
 * have the same characters: each set is written once ("charset TEXT", the
 * sets numbered in order) and a font names its own ("chars N"); the
 * same for languages ("langset A|B|…", "langs N"), so that reading a plan
 * makes each set once. */
static gboolean
append_font (GString   *out,
             FcPattern *font,
             GPtrArray *charsets,
             GPtrArray *langsets)
{
  FcPattern *copy = FcPatternDuplicate (font);
  FcLangSet *langs;
  FcChar8 *name;
  gboolean ok;

  if (copy == NULL)
    return FALSE;
  FcPatternDel (copy, FC_LANG);
  FcPatternDel (copy, FC_CHARSET);
  name = FcNameUnparse (copy);
  FcPatternDestroy (copy);
  ok = name != NULL && strchr ((const char *) name, '\n') == NULL;
  if (ok)
    g_string_append_printf (out, "font %s\n", (const char *) name);
  if (name != NULL)
    FcStrFree (name);
  if (ok)
    {
      FcCharSet *chars;
      guint n;

      if (FcPatternGetCharSet (font, FC_CHARSET, 0, &chars) != FcResultMatch)
        return FALSE;
      for (n = 0; n < charsets->len; n++)
        if (FcCharSetEqual (g_ptr_array_index (charsets, n), chars))
          break;
      if (n == charsets->len)
        {
          g_autofree char *text = charset_to_string (chars);

          g_string_append_printf (out, "charset %s\n", text);
          g_ptr_array_add (charsets, chars);
        }
      g_string_append_printf (out, "chars %u\n", n);
    }
  if (ok && FcPatternGetLangSet (font, FC_LANG, 0, &langs) == FcResultMatch)
    {
      guint n;

      for (n = 0; n < langsets->len; n++)
        if (FcLangSetEqual (g_ptr_array_index (langsets, n), langs))
          break;
      if (n == langsets->len)
        {
          FcStrSet *set = FcLangSetGetLangs (langs);
          FcStrList *list = FcStrListCreate (set);
          FcChar8 *lang;
          gboolean first = TRUE;

          g_string_append (out, "langset ");
          while ((lang = FcStrListNext (list)) != NULL)
            {
              if (strpbrk ((const char *) lang, "|\n") != NULL)
                ok = FALSE;
              g_string_append_printf (out, "%s%s", first ? "" : "|", (const char *) lang);
              first = FALSE;
            }
          g_string_append_c (out, '\n');
          FcStrListDone (list);
          FcStrSetDestroy (set);
          g_ptr_array_add (langsets, langs);
        }
      g_string_append_printf (out, "langs %u\n", n);
    }
  return ok;
}

/* What a plan's files hold, as read */
typedef struct
{
  FcCharSet *common;
  FcCharSet *needed;
  char      *plan;      /* a fonts file's: its plan file's digest */
  GPtrArray *fonts;     /* FcPattern * */
  GPtrArray *charsets;
  GPtrArray *langsets;
} Plan;

static void
plan_init (Plan *plan)
{
  memset (plan, 0, sizeof *plan);
  plan->fonts = g_ptr_array_new_with_free_func ((GDestroyNotify) FcPatternDestroy);
  plan->charsets = g_ptr_array_new_with_free_func ((GDestroyNotify) FcCharSetDestroy);
  plan->langsets = g_ptr_array_new_with_free_func ((GDestroyNotify) FcLangSetDestroy);
}

static void
plan_clear (Plan *plan)
{
  if (plan->common != NULL)
    FcCharSetDestroy (plan->common);
  if (plan->needed != NULL)
    FcCharSetDestroy (plan->needed);
  g_free (plan->plan);
  g_ptr_array_unref (plan->fonts);
  g_ptr_array_unref (plan->charsets);
  g_ptr_array_unref (plan->langsets);
  memset (plan, 0, sizeof *plan);
}

/* The fonts file of the plan at @path for the characters @needed */
static char *
fonts_path (const char *path,
            FcCharSet  *needed)
{
  g_autofree char *text = charset_to_string (needed);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autofree char *stem = g_str_has_suffix (path, ".plan") ? g_strndup (path, strlen (path) - 5)
                                                          : g_strdup (path);

  return g_strdup_printf ("%s-%.16s.fonts", stem, sum);
}

/* @text as a number below @limit: a set written earlier in the file */
static gboolean
parse_index (const char *text,
             guint       limit,
             guint      *out)
{
  char *end;
  guint64 n = g_ascii_strtoull (text, &end, 10);

  if (end == text || *end != '\0' || n >= limit)
    return FALSE;
  *out = (guint) n;
  return TRUE;
}

/* Reads one of a plan's files: TRUE when it parsed, began with @magic and
 * fontconfig's version, and every stamp in it still holds; @digest, when
 * given, the file's SHA-256 */
static gboolean
read_plan_file (const char  *path,
                const char  *magic,
                Plan        *plan,
                char       **digest)
{
  g_autofree char *contents = NULL;
  g_autofree char *version = g_strdup_printf ("fontconfig %d", FcGetVersion ());
  guint n_line = 0;
  GStatBuf st;
  gsize len;

  if (path == NULL || g_stat (path, &st) != 0 || st.st_size > PLAN_MAX_BYTES ||
      !g_file_get_contents (path, &contents, &len, NULL) || memchr (contents, '\0', len) != NULL)
    return FALSE;
  if (digest != NULL)
    *digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  /* line by line, in place */
  for (char *line = contents, *next; line != NULL; line = next, n_line++)
    {
      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      if (n_line == 0 || n_line == 1)
        {
          if (strcmp (line, n_line == 0 ? magic : version) != 0)
            return FALSE;
          continue;
        }
      if (g_str_has_prefix (line, "stamp ") || g_str_has_prefix (line, "absent "))
        {
          const char *about = stamp_path (line);
          g_autofree char *now = about != NULL ? stamp (about) : NULL;

          if (now == NULL || strcmp (now, line) != 0)
            {
              g_autofree char *shown = g_utf8_make_valid (about != NULL ? about : line, -1);

              g_debug ("the font plan is out of date: %s", shown);
              return FALSE;
            }
        }
      else if (g_str_has_prefix (line, "common ") && plan->common == NULL)
        {
          if ((plan->common = charset_from_string (line + 7)) == NULL)
            return FALSE;
        }
      else if (g_str_has_prefix (line, "needed ") && plan->needed == NULL)
        {
          if ((plan->needed = charset_from_string (line + 7)) == NULL)
            return FALSE;
        }
      else if (g_str_has_prefix (line, "plan ") && plan->plan == NULL)
        plan->plan = g_strdup (line + 5);
      else if (g_str_has_prefix (line, "font "))
        {
          FcPattern *font = FcNameParse ((const FcChar8 *) line + 5);

          if (font == NULL)
            return FALSE;
          g_ptr_array_add (plan->fonts, font);
        }
      else if (g_str_has_prefix (line, "charset "))
        {
          FcCharSet *chars = charset_from_string (line + 8);

          if (chars == NULL)
            return FALSE;
          g_ptr_array_add (plan->charsets, chars);
        }
      else if (g_str_has_prefix (line, "chars ") && plan->fonts->len > 0)
        {
          guint n;

          if (!parse_index (line + 6, plan->charsets->len, &n))
            return FALSE;
          FcPatternAddCharSet (g_ptr_array_index (plan->fonts, plan->fonts->len - 1), FC_CHARSET,
                               g_ptr_array_index (plan->charsets, n));
        }
      else if (g_str_has_prefix (line, "langset "))
        {
          FcLangSet *langs = FcLangSetCreate ();

          for (char *tag = line + 8, *end; tag != NULL; tag = end)
            {
              end = strchr (tag, '|');
              if (end != NULL)
                *end++ = '\0';
              if (*tag != '\0')
                FcLangSetAdd (langs, (const FcChar8 *) tag);
            }
          g_ptr_array_add (plan->langsets, langs);
        }
      else if (g_str_has_prefix (line, "langs ") && plan->fonts->len > 0)
        {
          guint n;

          if (!parse_index (line + 6, plan->langsets->len, &n))
            return FALSE;
          FcPatternAddLangSet (g_ptr_array_index (plan->fonts, plan->fonts->len - 1), FC_LANG,
                               g_ptr_array_index (plan->langsets, n));
        }
      else if (*line != '\0')
        return FALSE;
    }
  return TRUE;
}

static gint
compare_mtime (gconstpointer a,
               gconstpointer b)
{
  const GStatBuf *sa = *(GStatBuf * const *) a, *sb = *(GStatBuf * const *) b;

  if (sa->st_mtim.tv_sec != sb->st_mtim.tv_sec)
    return sa->st_mtim.tv_sec < sb->st_mtim.tv_sec ? -1 : 1;
  return sa->st_mtim.tv_nsec < sb->st_mtim.tv_nsec ? -1 : sa->st_mtim.tv_nsec > sb->st_mtim.tv_nsec;
}

/* At most MAX_FONTS_FILES fonts files in @dir: the oldest go */
static void
prune (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".fonts"))
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        /* the stat buffer, then the name after it */
        gsize size = sizeof (GStatBuf) + strlen (file) + 1;
        GStatBuf *entry = g_malloc0 (size);

        if (g_stat (file, entry) != 0)
          {
            g_free (entry);
            continue;
          }
        strcpy ((char *) (entry + 1), file);
        g_ptr_array_add (files, entry);
      }
  if (files->len <= MAX_FONTS_FILES)
    return;
  g_ptr_array_sort (files, compare_mtime);
  for (guint i = 0; i + MAX_FONTS_FILES < files->len; i++)
    g_unlink ((const char *) ((GStatBuf *) g_ptr_array_index (files, i) + 1));
}

static gboolean
write_file (const char  *path,
            GString     *contents)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents_full (path, contents->str, contents->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &error))
    {
      g_debug ("the font plan was not kept: %s", error->message);
      return FALSE;
    }
  return TRUE;
}

void
impact_font_plan_write (const char *path,
                        FcConfig   *base,
                        GPtrArray  *kept,
                        FcCharSet  *common,
                        FcCharSet  *needed)
{
  g_autoptr(GString) head = g_string_new (PLAN_MAGIC "\n");
  g_autoptr(GString) body = g_string_new (FONTS_MAGIC "\n");
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree char *common_text = charset_to_string (common);
  g_autofree char *needed_text = charset_to_string (needed);
  g_autoptr(GPtrArray) charsets = g_ptr_array_new ();
  g_autoptr(GPtrArray) langsets = g_ptr_array_new ();
  g_autofree char *digest = NULL;
  g_autofree char *existing = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *dir = NULL;
  gsize existing_len;
  gboolean complete = TRUE;

  if (path == NULL)
    return;
  /* the plan file: what the choice was made from, and the families'
   * common characters */
  g_string_append_printf (head, "fontconfig %d\n", FcGetVersion ());
  paths = configuration_paths (base);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *line = stamp (g_ptr_array_index (paths, i));

      if (strchr (line, '\n') != NULL)
        return;
      g_string_append_printf (head, "%s\n", line);
    }
  g_string_append_printf (head, "common %s\n", common_text);
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) head->str, head->len);

  /* its fonts file for these characters */
  g_string_append_printf (body, "fontconfig %d\nplan %s\nneeded %s\n", FcGetVersion (), digest,
                          needed_text);
  for (guint i = 0; i < kept->len && complete; i++)
    complete = append_font (body, g_ptr_array_index (kept, i), charsets, langsets);
  if (!complete)
    return;

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_debug ("the font plan was not kept: %s", g_strerror (errno));
      return;
    }
  /* the same plan file is left as it is: the other fonts files name it */
  if (!(g_file_get_contents (path, &existing, &existing_len, NULL) && existing_len == head->len &&
        memcmp (existing, head->str, head->len) == 0) &&
      !write_file (path, head))
    return;
  fonts = fonts_path (path, needed);
  if (write_file (fonts, body))
    prune (dir);
}

gboolean
impact_font_plan_read (const char  *path,
                       FcCharSet   *doc_chars,
                       GPtrArray  **patterns,
                       FcCharSet  **allowed)
{
  Plan family, variant;
  g_autofree char *digest = NULL;
  g_autofree char *fonts = NULL;
  FcCharSet *rest = NULL;
  gboolean ok = FALSE;

  plan_init (&family);
  plan_init (&variant);
  if (!read_plan_file (path, PLAN_MAGIC, &family, &digest) || family.common == NULL ||
      family.fonts->len > 0)
    goto out;
  /* the document's characters beyond the families' common ones, and the
   * fonts chosen for exactly those */
  rest = FcCharSetSubtract (doc_chars, family.common);
  if (rest == NULL)
    goto out;
  fonts = fonts_path (path, rest);
  if (!read_plan_file (fonts, FONTS_MAGIC, &variant, NULL))
    {
      g_debug ("no font plan for these characters yet");
      goto out;
    }
  if (variant.plan == NULL || strcmp (variant.plan, digest) != 0 || variant.needed == NULL ||
      !FcCharSetEqual (variant.needed, rest) || variant.fonts->len == 0)
    goto out;
  *allowed = FcCharSetUnion (family.common, rest);
  if (*allowed == NULL)
    goto out;
  *patterns = g_ptr_array_ref (variant.fonts);
  ok = TRUE;

out:
  if (rest != NULL)
    FcCharSetDestroy (rest);
  plan_clear (&family);
  plan_clear (&variant);
  return ok;
}
