/* test-languages.c: the window speaks each language of po/LINGUAS
 *
 * One test a language, read from po/LINGUAS when the test runs (so a
 * language added there is tested without touching this file). Each runs in
 * a subprocess started with LANGUAGE=LANG (and LC_ALL=C.UTF-8, which is
 * enough for glibc's gettext to follow LANGUAGE: no generated locale is
 * needed), with the text domain bound to the catalogues of the build tree
 * ($IMPACT_TEST_LOCALEDIR, BUILDDIR/po). It checks that
 *  - LANG/LC_MESSAGES/impact-sheet.mo is there and gettext returns its
 *    translations (the catalogue is loaded, not only built);
 *  - the main window, empty and with the example open, shows no English
 *    left over: no label, button, title, subtitle, description, tooltip,
 *    placeholder, stack page, drop-down entry, menu item (main menu,
 *    recent menu) or shortcut of the help overlay is an English message of
 *    the catalogue whose translation differs from it;
 *  - and that it shows translated strings at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "impact-application.h"
#include "impact-gui-test-utils.h"
#include "impact-window.h"

#define EXAMPLE_URI "resource:///io/github/impactsheet/ImpactSheet/examples/kolkata.json"

static ImpactApplication *app;

/* The catalogue of one language, from its .mo file */
typedef struct
{
  GHashTable *english;      /* English msgid (context dropped) → translation */
  GHashTable *translations; /* every translation → itself */
  GPtrArray  *ids;          /* plain msgids (no context, no plural) */
  GHashTable *all_english;  /* every English msgid of the po file, translated or not */
} Catalogue;

static guint32
mo_word (const guint8 *data,
         gsize         offset,
         gboolean      swapped)
{
  guint32 word;

  memcpy (&word, data + offset, 4);
  return swapped ? GUINT32_SWAP_LE_BE (word) : word;
}

static void
catalogue_free (Catalogue *cat)
{
  g_hash_table_unref (cat->english);
  g_hash_table_unref (cat->translations);
  g_ptr_array_unref (cat->ids);
  g_hash_table_unref (cat->all_english);
  g_free (cat);
}

/* Reads the .mo file @path into @cat: its translations, or with @ids_only
 * only its English msgids into cat->all_english */
static void
catalogue_load (Catalogue  *cat,
                const char *path,
                gboolean    ids_only)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = NULL;
  const guint8 *data;
  gsize size;
  guint32 magic, n, orig, trans;
  gboolean swapped;

  file = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  data = (const guint8 *) g_mapped_file_get_contents (file);
  size = g_mapped_file_get_length (file);
  g_assert_cmpuint (size, >=, 28);
  memcpy (&magic, data, 4);
  g_assert_true (magic == 0x950412de || magic == 0xde120495);
  swapped = magic == 0xde120495;
  n = mo_word (data, 8, swapped);
  orig = mo_word (data, 12, swapped);
  trans = mo_word (data, 16, swapped);
  g_assert_cmpuint ((gsize) orig + 8 * (gsize) n, <=, size);
  g_assert_cmpuint ((gsize) trans + 8 * (gsize) n, <=, size);

  for (guint32 i = 0; i < n; i++)
    {
      guint32 id_len = mo_word (data, orig + 8 * i, swapped);
      guint32 id_off = mo_word (data, orig + 8 * i + 4, swapped);
      guint32 str_len = mo_word (data, trans + 8 * i, swapped);
      guint32 str_off = mo_word (data, trans + 8 * i + 4, swapped);
      const char *id, *str, *ctx_end;
      gboolean plain;

      g_assert_cmpuint ((gsize) id_off + id_len, <, size);
      g_assert_cmpuint ((gsize) str_off + str_len, <, size);
      id = (const char *) data + id_off;
      str = (const char *) data + str_off;
      if (id_len == 0)
        continue; /* the header */
      ctx_end = memchr (id, '\004', id_len);
      plain = ctx_end == NULL && strlen (id) == id_len;
      if (ids_only)
        {
          const char *english = ctx_end != NULL ? ctx_end + 1 : id;
          const char *end = id + id_len;

          g_hash_table_add (cat->all_english, g_strdup (english));
          if (english + strlen (english) + 1 < end)
            g_hash_table_add (cat->all_english, g_strdup (english + strlen (english) + 1));
          continue;
        }
      if (plain)
        g_ptr_array_add (cat->ids, g_strdup (id));
      if (ctx_end != NULL)
        {
          id_len -= ctx_end + 1 - id;
          id = ctx_end + 1;
        }
      /* a plural: "singular\0plural" → "form 0\0form 1…"; both English forms
       * map to the first and the last translated form */
      {
        const char *plural = id + strlen (id) + 1;
        const char *last = str;

        for (const char *form = str; form < str + str_len; form += strlen (form) + 1)
          {
            g_hash_table_replace (cat->translations, g_strdup (form), NULL);
            last = form;
          }
        /* a plain message wins over the same English with a context: that
         * is what gettext () hands out for it */
        if (ctx_end == NULL || !g_hash_table_contains (cat->english, id))
          g_hash_table_replace (cat->english, g_strdup (id), g_strdup (str));
        if (plural < id + id_len)
          g_hash_table_replace (cat->english, g_strdup (plural), g_strdup (last));
      }
    }
}

static Catalogue *
catalogue_new (void)
{
  Catalogue *cat = g_new0 (Catalogue, 1);

  cat->english = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cat->translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cat->ids = g_ptr_array_new_with_free_func (g_free);
  cat->all_english = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return cat;
}

/* Every msgid of the po file @po, also the untranslated and fuzzy ones
 * (which the installed .mo leaves out), through msgen and msgfmt */
static void
catalogue_load_po_ids (Catalogue  *cat,
                       const char *po)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("impact-languages-XXXXXX", &error);
  g_autofree char *mo = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_no_error (error);
  mo = g_build_filename (dir, "ids.mo", NULL);
  g_spawn_sync (NULL,
                (char *[]) { "sh", "-c", "msgen --force-po \"$1\" | msgfmt --use-fuzzy -o \"$2\" -",
                             "sh", (char *) po, mo, NULL },
                NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("msgen/msgfmt of %s failed: %s", po, err);
  catalogue_load (cat, mo, TRUE);
  g_unlink (mo);
  g_rmdir (dir);
}

typedef struct
{
  Catalogue  *cat;
  GHashTable *seen;       /* every string looked at */
  GHashTable *data;       /* the strings of the open document: its words, not the window's */
  GPtrArray  *left_over;  /* "English" (where) */
  guint       translated; /* distinct strings shown that are translations */
} Walk;

static void
check_string (Walk       *walk,
              const char *text,
              const char *where)
{
  const char *translation;

  if (text == NULL || *text == '\0' || g_hash_table_contains (walk->seen, text))
    return;
  g_hash_table_add (walk->seen, g_strdup (text));
  if (g_hash_table_contains (walk->data, text))
    return;
  if (g_hash_table_contains (walk->cat->translations, text))
    {
      /* a translation, even if it is spelt like some other English message */
      walk->translated++;
      return;
    }
  translation = g_hash_table_lookup (walk->cat->english, text);
  if (translation != NULL && strcmp (translation, text) != 0)
    g_ptr_array_add (walk->left_over, g_strdup_printf ("“%s” (%s; the catalogue has “%s”)",
                                                       text, where, translation));
  else if (translation == NULL && g_hash_table_contains (walk->cat->all_english, text))
    g_ptr_array_add (walk->left_over, g_strdup_printf ("“%s” (%s; untranslated or fuzzy in the po file)",
                                                       text, where));
}

static void
check_properties (Walk       *walk,
                  GObject    *object,
                  const char *kind)
{
  static const char *const names[] = {
    "label", "title", "subtitle", "description", "tooltip-text", "tooltip-markup",
    "placeholder-text", NULL
  };

  for (guint i = 0; names[i] != NULL; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), names[i]);
      g_autofree char *value = NULL;
      g_autofree char *where = NULL;

      if (pspec == NULL || pspec->value_type != G_TYPE_STRING || !(pspec->flags & G_PARAM_READABLE))
        continue;
      g_object_get (object, names[i], &value, NULL);
      where = g_strdup_printf ("%s:%s", kind, names[i]);
      check_string (walk, value, where);
    }
}

static void
walk_menu (Walk       *walk,
           GMenuModel *menu)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;
      const char *name;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        check_string (walk, label, "menu item");
      links = g_menu_model_iterate_item_links (menu, i);
      while (g_menu_link_iter_get_next (links, &name, &link))
        {
          walk_menu (walk, link);
          g_object_unref (link);
        }
    }
}

static void
walk_list_model (Walk       *walk,
                 GListModel *model,
                 const char *kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (GTK_IS_STRING_OBJECT (item))
        check_string (walk, gtk_string_object_get_string (GTK_STRING_OBJECT (item)), kind);
      else
        check_properties (walk, item, kind);
    }
}

/* "ImpactWindow > … > GtkLabel", to find a string's widget */
static char *
widget_path (GtkWidget *widget)
{
  GString *path = g_string_new (G_OBJECT_TYPE_NAME (widget));

  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    {
      g_string_prepend (path, " > ");
      g_string_prepend (path, gtk_widget_get_name (up));
    }
  return g_string_free (path, FALSE);
}

static void
walk_widget (Walk      *walk,
             GtkWidget *widget)
{
  g_autofree char *kind = NULL;
  GParamSpec *menu_pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "menu-model");

  /* keycaps (the "P" of Ctrl+P in the help overlay) are keys, not words */
  if (GTK_IS_SHORTCUT_LABEL (widget))
    return;
  kind = widget_path (widget);
  check_properties (walk, G_OBJECT (widget), kind);
  if (menu_pspec != NULL && g_type_is_a (menu_pspec->value_type, G_TYPE_MENU_MODEL))
    {
      g_autoptr(GMenuModel) menu = NULL;

      g_object_get (widget, "menu-model", &menu, NULL);
      if (menu != NULL)
        walk_menu (walk, menu);
    }
  if (GTK_IS_STACK (widget))
    {
      g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (GTK_STACK (widget));

      walk_list_model (walk, G_LIST_MODEL (pages), "GtkStackPage");
    }
  if (ADW_IS_VIEW_STACK (widget))
    {
      g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (ADW_VIEW_STACK (widget));

      walk_list_model (walk, G_LIST_MODEL (pages), "AdwViewStackPage");
    }
  if (GTK_IS_DROP_DOWN (widget) && gtk_drop_down_get_model (GTK_DROP_DOWN (widget)) != NULL)
    walk_list_model (walk, gtk_drop_down_get_model (GTK_DROP_DOWN (widget)), "GtkDropDown item");

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk_widget (walk, child);
}

static void
walk_window (Walk         *walk,
             ImpactWindow *window)
{
  GtkShortcutsWindow *overlay;

  walk_widget (walk, GTK_WIDGET (window));
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  if (overlay != NULL)
    walk_widget (walk, GTK_WIDGET (overlay));
}

static void
add_json_strings (GHashTable *set,
                  JsonNode   *node)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    g_hash_table_add (set, g_strdup (json_node_get_string (node)));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        add_json_strings (set, json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        add_json_strings (set, member);
    }
}

/* Every string of @file's JSON (the example is English data: its kicker
 * "The problem" is the document's text, not the interface's) */
static GHashTable *
document_strings (GFile *file)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_file_load_contents (file, NULL, &text, &length, NULL, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, text, length, &error);
  g_assert_no_error (error);
  add_json_strings (set, json_parser_get_root (parser));
  return set;
}

/* Lets the window run what it has queued (templates, idle rebuilds), a
 * bounded number of iterations: a source that keeps firing is no failure */
static void
settle (void)
{
  for (int i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
check_language (const char *lang)
{
  const char *localedir = g_getenv ("IMPACT_TEST_LOCALEDIR");
  g_autofree char *mo = NULL;
  g_autofree char *po = NULL;
  g_autoptr(GFile) example = g_file_new_for_uri (EXAMPLE_URI);
  Catalogue *cat;
  Walk walk = { 0 };
  ImpactWindow *window;
  guint wrong = 0;

  g_assert_nonnull (localedir);
  mo = g_build_filename (localedir, lang, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("# %s: no catalogue %s (is the language in po/LINGUAS built?)\n", lang, mo);
      g_test_fail ();
      return;
    }
  cat = catalogue_new ();
  catalogue_load (cat, mo, FALSE);
  po = g_strdup_printf ("%s/%s.po", g_getenv ("IMPACT_TEST_PODIR"), lang);
  catalogue_load_po_ids (cat, po);
  g_test_message ("%s: %u messages in %s", lang, g_hash_table_size (cat->english), mo);
  g_assert_cmpuint (cat->ids->len, >, 0);

  /* gettext hands out this catalogue: it is loaded for LANGUAGE=lang */
  for (guint i = 0; i < cat->ids->len; i++)
    {
      const char *id = cat->ids->pdata[i];
      const char *expected = g_hash_table_lookup (cat->english, id);

      if (strcmp (g_dgettext (GETTEXT_PACKAGE, id), expected) != 0 && wrong++ < 5)
        g_printerr ("# %s: gettext (“%s”) gives “%s”, not “%s”\n",
                    lang, id, g_dgettext (GETTEXT_PACKAGE, id), expected);
    }
  g_assert_cmpuint (wrong, ==, 0);

  walk.cat = cat;
  walk.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk.data = g_hash_table_new (g_str_hash, g_str_equal);
  walk.left_over = g_ptr_array_new_with_free_func (g_free);

  /* the empty window */
  window = impact_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  walk_window (&walk, window);
  gtk_window_destroy (GTK_WINDOW (window));
  impact_gui_test_wait_for (impact_gui_test_no_windows, app, "the empty window to go away");

  /* the window with the example: editor, outline and timeline filled in */
  g_hash_table_unref (walk.data);
  walk.data = document_strings (example);
  window = IMPACT_WINDOW (impact_application_open_file (app, example, NULL));
  g_assert_true (IMPACT_IS_WINDOW (window));
  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the example to load"));
  settle ();
  walk_window (&walk, window);
  impact_gui_test_screenshot (GTK_WIDGET (window), lang);
  gtk_window_destroy (GTK_WINDOW (window));
  impact_gui_test_wait_for (impact_gui_test_no_windows, app, "the example's window to go away");

  g_printerr ("# %s: %u strings looked at, %u of them translations, %u English left over\n",
                  lang, g_hash_table_size (walk.seen), walk.translated, walk.left_over->len);
  for (guint i = 0; i < walk.left_over->len; i++)
    g_printerr ("# %s: English left over: %s\n", lang, (char *) walk.left_over->pdata[i]);
  g_assert_cmpuint (walk.left_over->len, ==, 0);
  /* the window shows the language: its menus, buttons and editor labels */
  g_assert_cmpuint (walk.translated, >=, 40);

  g_hash_table_unref (walk.seen);
  g_hash_table_unref (walk.data);
  g_ptr_array_unref (walk.left_over);
  catalogue_free (cat);
}

static void
test_language (gconstpointer data)
{
  const char *lang = data;

  if (g_test_subprocess ())
    {
      g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, lang);
      check_language (lang);
      return;
    }
  /* a fresh process, so that nothing was translated before LANGUAGE is set */
  g_setenv ("LANGUAGE", lang, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("LANGUAGE");
  g_test_trap_assert_passed ();
}

static char **
read_linguas (void)
{
  const char *podir = g_getenv ("IMPACT_TEST_PODIR");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) langs = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = NULL;

  g_assert_nonnull (podir);
  path = g_build_filename (podir, "LINGUAS", NULL);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      char *comment = strchr (lines[i], '#');

      if (comment != NULL)
        *comment = '\0';
      words = g_strsplit_set (lines[i], " \t\r", -1);
      for (guint j = 0; words[j] != NULL; j++)
        if (*words[j] != '\0')
          g_ptr_array_add (langs, g_strdup (words[j]));
    }
  g_ptr_array_add (langs, NULL);
  return (char **) g_ptr_array_steal (langs, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) langs = NULL;
  const char *localedir = g_getenv ("IMPACT_TEST_LOCALEDIR");
  int status;

  /* what impact-gui-main.c does, with the build tree's catalogues */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  app = impact_gui_test_app_new ();

  langs = read_linguas ();
  for (guint i = 0; langs[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/gui/languages/%s", langs[i]);

      g_test_add_data_func (path, langs[i], test_language);
    }
  if (langs[0] == NULL)
    g_test_message ("po/LINGUAS lists no language: nothing to check");

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
