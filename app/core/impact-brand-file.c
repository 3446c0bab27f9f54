/* impact-brand-file.c: a brand file opened for editing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-brand"

#include "config.h"

#include <string.h>

#include "impact-brand-file.h"
#include "impact-brand-private.h"
#include "impact-error.h"
#include "impact-json-scanner.h"
#include "impact-output.h"
#include "impact-theme.h"

struct _ImpactBrandFile
{
  GObject   parent_instance;

  GFile           *file;
  ImpactSourceMap *map;  /* the text as read (or last saved) and its tree */
  JsonNode        *root; /* our own copy of the tree, edited in place */
  gboolean         modified;
};

G_DEFINE_FINAL_TYPE (ImpactBrandFile, impact_brand_file, G_TYPE_OBJECT)

static void
impact_brand_file_finalize (GObject *object)
{
  ImpactBrandFile *self = IMPACT_BRAND_FILE (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->map, impact_source_map_unref);
  g_clear_pointer (&self->root, json_node_unref);
  G_OBJECT_CLASS (impact_brand_file_parent_class)->finalize (object);
}

static void
impact_brand_file_class_init (ImpactBrandFileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = impact_brand_file_finalize;
}

static void
impact_brand_file_init (ImpactBrandFile *self)
{
}

/* json_node_copy() shares the objects and arrays inside: the map's tree
 * must never change, so edits go to a tree of our own */
static JsonNode *
deep_copy (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *copy = json_object_new ();
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;
      JsonNode *result;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        json_object_set_member (copy, name, deep_copy (member));
      result = json_node_init_object (json_node_alloc (), copy);
      json_object_unref (copy);
      return result;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *copy = json_array_new ();
      JsonArray *array = json_node_get_array (node);
      JsonNode *result;

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (copy, deep_copy (json_array_get_element (array, i)));
      result = json_node_init_array (json_node_alloc (), copy);
      json_array_unref (copy);
      return result;
    }
  return json_node_copy (node);
}

/* Detection */

static gboolean
is_extra_member (const char *name)
{
  return strcmp (name, "$schema") == 0 || g_str_has_prefix (name, "x-");
}

gboolean
impact_brand_file_detect (JsonNode *root)
{
  g_autoptr(GList) names = NULL;
  gboolean sections = FALSE;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  names = json_object_get_members (json_node_get_object (root));
  for (GList *l = names; l != NULL; l = l->next)
    {
      if (strcmp (l->data, "organisation") == 0 || strcmp (l->data, "theme") == 0)
        sections = TRUE;
      else if (!is_extra_member (l->data))
        return FALSE;
    }
  return sections;
}

gboolean
impact_brand_file_detect_file (GFile *file)
{
  g_autoptr(GBytes) text = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GFileInfo) info = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* a brand file is small: a sheet of many milestones is not read twice */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || g_file_info_get_size (info) > 256 * 1024)
    return FALSE;
  text = impact_json_read_file (file, NULL, NULL);
  if (text == NULL)
    return FALSE;
  data = g_bytes_get_data (text, &length);
  /* json-glib refuses a byte order mark */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, length -= 3;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, NULL))
    return FALSE;
  return impact_brand_file_detect (json_parser_get_root (parser));
}

/* Reading */

static JsonObject *
section_of (ImpactBrandFile *self,
            const char      *path,
            const char     **member,
            gboolean         create)
{
  JsonObject *root = json_node_get_object (self->root);
  g_autofree char *section = NULL;
  const char *dot = strchr (path, '.');
  JsonNode *node;

  section = g_strndup (path, dot - path);
  *member = dot + 1;
  node = json_object_get_member (root, section);
  if (node == NULL && create)
    {
      json_object_set_object_member (root, section, json_object_new ());
      node = json_object_get_member (root, section);
    }
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

static gboolean
known_path (const char *path)
{
  const char * const *paths = impact_brand_paths ();

  for (guint i = 0; path != NULL && paths[i] != NULL; i++)
    if (strcmp (paths[i], path) == 0)
      return TRUE;
  return FALSE;
}

/* NULL when @value is right for @path, else what is wrong */
static const char *
check_value (const char *path,
             const char *value)
{
  ImpactColor colour;
  ImpactTemplate tmpl;

  if (g_str_has_prefix (path, "theme.") && strcmp (path, "theme.template") != 0 &&
      !g_str_has_suffix (path, "_font") && !impact_color_parse (value, &colour))
    return "not a colour (#rrggbb)";
  if (strcmp (path, "theme.template") == 0 && !impact_template_from_string (value, &tmpl))
    return "not a template (classic, bold)";
  if (!g_utf8_validate (value, -1, NULL))
    return "not UTF-8";
  return NULL;
}

static gboolean
fail_at (ImpactBrandFile  *self,
         ImpactSourceMap  *map,
         const char       *path,
         const char       *message,
         GError          **error)
{
  g_autofree char *name = g_file_get_parse_name (self->file);
  guint line = 0, column = 0;

  if (map != NULL && impact_source_map_locate (map, path, &line, &column))
    g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE, "%s:%u:%u: %s: %s",
                 name, line, column, path, message);
  else
    g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE, "%s: %s: %s",
                 name, path, message);
  return FALSE;
}

static gboolean
check_tree (ImpactBrandFile  *self,
            ImpactSourceMap  *map,
            GError          **error)
{
  const char * const *paths = impact_brand_paths ();
  static const char * const sections[] = { "organisation", "theme" };

  if (!impact_brand_file_detect (self->root))
    return fail_at (self, map, "",
                    "a brand file holds an object with \"organisation\" and/or \"theme\" "
                    "and no other sections of a sheet", error);
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      JsonNode *node = json_object_get_member (json_node_get_object (self->root), sections[s]);

      if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
        return fail_at (self, map, sections[s], "expected an object", error);
    }
  for (guint i = 0; paths[i] != NULL; i++)
    {
      const char *member;
      JsonObject *o = section_of (self, paths[i], &member, FALSE);
      JsonNode *node = o ? json_object_get_member (o, member) : NULL;
      const char *problem;

      if (node == NULL)
        continue;
      if (strcmp (paths[i], "organisation.address") == 0)
        {
          JsonArray *lines = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

          if (lines == NULL)
            return fail_at (self, map, paths[i], "expected an array of lines", error);
          for (guint j = 0; j < json_array_get_length (lines); j++)
            if (json_node_get_value_type (json_array_get_element (lines, j)) != G_TYPE_STRING)
              {
                g_autofree char *at = g_strdup_printf ("%s[%u]", paths[i], j);

                return fail_at (self, map, at, "expected a string", error);
              }
          continue;
        }
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return fail_at (self, map, paths[i], "expected a string", error);
      problem = check_value (paths[i], json_node_get_string (node));
      if (problem != NULL)
        return fail_at (self, map, paths[i], problem, error);
    }
  return TRUE;
}

ImpactBrandFile *
impact_brand_file_load (GFile   *file,
                        GError **error)
{
  g_autoptr(ImpactBrandFile) self = g_object_new (IMPACT_TYPE_BRAND_FILE, NULL);
  g_autoptr(ImpactSourceMap) map = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self->file = g_object_ref (file);
  /* the same strict reading as every sheet: syntax errors with line:column */
  map = impact_json_scan_file (file, NULL, NULL, error);
  if (map == NULL)
    return NULL;
  self->root = deep_copy (impact_source_map_get_root (map));
  if (!check_tree (self, map, error))
    return NULL;
  self->map = g_steal_pointer (&map);
  return g_steal_pointer (&self);
}

GFile *
impact_brand_file_get_file (ImpactBrandFile *self)
{
  g_return_val_if_fail (IMPACT_IS_BRAND_FILE (self), NULL);

  return self->file;
}

const char * const *
impact_brand_file_list_paths (void)
{
  return impact_brand_paths ();
}

char *
impact_brand_file_dup_value (ImpactBrandFile *self,
                             const char      *path)
{
  const char *member;
  JsonObject *o;
  JsonNode *node;

  g_return_val_if_fail (IMPACT_IS_BRAND_FILE (self), NULL);
  g_return_val_if_fail (known_path (path), NULL);

  o = section_of (self, path, &member, FALSE);
  node = o ? json_object_get_member (o, member) : NULL;
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *lines = json_node_get_array (node);
      GString *text = g_string_new (NULL);

      for (guint j = 0; j < json_array_get_length (lines); j++)
        {
          if (j > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, json_array_get_string_element (lines, j));
        }
      return g_string_free (text, FALSE);
    }
  return g_strdup (json_node_get_string (node));
}

gboolean
impact_brand_file_set_value (ImpactBrandFile  *self,
                             const char       *path,
                             const char       *value,
                             GError          **error)
{
  g_autofree char *old = NULL;
  const char *member;
  const char *problem;
  JsonObject *o;

  g_return_val_if_fail (IMPACT_IS_BRAND_FILE (self), FALSE);
  g_return_val_if_fail (known_path (path), FALSE);

  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (value != NULL && (problem = check_value (path, value)) != NULL)
    return fail_at (self, NULL, path, problem, error);

  old = impact_brand_file_dup_value (self, path);
  if (g_strcmp0 (old, value) == 0)
    return TRUE;
  o = section_of (self, path, &member, value != NULL);
  if (value == NULL)
    json_object_remove_member (o, member);
  else if (strcmp (path, "organisation.address") == 0)
    {
      g_auto(GStrv) lines = g_strsplit (value, "\n", -1);
      JsonArray *array = json_array_new ();

      for (guint j = 0; lines[j] != NULL; j++)
        if (lines[j][0] != '\0')
          json_array_add_string_element (array, lines[j]);
      json_object_set_array_member (o, member, array);
    }
  else
    json_object_set_string_member (o, member, value);
  self->modified = TRUE;
  return TRUE;
}

gboolean
impact_brand_file_is_modified (ImpactBrandFile *self)
{
  g_return_val_if_fail (IMPACT_IS_BRAND_FILE (self), FALSE);

  return self->modified;
}

ImpactDocument *
impact_brand_file_dup_values (ImpactBrandFile *self)
{
  ImpactDocument *values = impact_document_new ();
  const char * const *paths = impact_brand_paths ();
  ImpactOrganisation *org = impact_document_get_organisation (values);
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail (IMPACT_IS_BRAND_FILE (self), values);

  impact_document_set_file (values, self->file);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *value = impact_brand_file_dup_value (self, paths[i]);
      char **slot = impact_brand_slot (values, paths[i]);

      if (slot == NULL)
        {
          g_strfreev (org->address);
          org->address = value ? g_strsplit (value, "\n", -1) : g_new0 (char *, 1);
        }
      else
        {
          g_free (*slot);
          *slot = g_steal_pointer (&value);
        }
    }

  /* offices find the logo next to the brand file, not next to themselves */
  folder = g_file_get_parent (self->file);
  if (org->logo != NULL && folder != NULL && !g_path_is_absolute (org->logo) &&
      strstr (org->logo, "://") == NULL)
    {
      g_autoptr(GFile) logo = g_file_resolve_relative_path (folder, org->logo);
      char *absolute = g_file_get_path (logo);

      if (absolute != NULL)
        {
          g_free (org->logo);
          org->logo = absolute;
        }
    }
  return values;
}

/* The member @path of the tree @root, or NULL */
static JsonNode *
member_node (JsonNode   *root,
             const char *path)
{
  g_autofree char *section = g_strndup (path, strchr (path, '.') - path);
  JsonNode *node = json_object_get_member (json_node_get_object (root), section);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_get_member (json_node_get_object (node), strchr (path, '.') + 1);
}

static char *
node_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

typedef struct
{
  guint32  start, end;
  char    *text;
} Splice;

static int
compare_splices (gconstpointer a,
                 gconstpointer b)
{
  const Splice *sa = a, *sb = b;

  return sa->start < sb->start ? 1 : sa->start > sb->start ? -1 : 0;
}

/* The text as it was read with only the changed values written anew, as
 * a document's save keeps its file's layout; NULL when a member was added
 * or removed (then the whole file is written out again) */
static char *
splice_text (ImpactBrandFile *self,
             gsize           *length)
{
  const char * const *paths = impact_brand_paths ();
  JsonNode *old_root = impact_source_map_get_root (self->map);
  g_autoptr(GArray) splices = g_array_new (FALSE, FALSE, sizeof (Splice));
  GBytes *bytes = impact_source_map_get_text (self->map);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  GString *text = NULL;
  gboolean structural = FALSE;

  for (guint i = 0; paths[i] != NULL && !structural; i++)
    {
      JsonNode *old = member_node (old_root, paths[i]);
      JsonNode *now = member_node (self->root, paths[i]);
      const ImpactSourceSpan *span;
      Splice splice;

      if (old == NULL && now == NULL)
        continue;
      if (old == NULL || now == NULL || (span = impact_source_map_lookup (self->map, old)) == NULL)
        {
          structural = TRUE;
          break;
        }
      if (json_node_equal (old, now))
        continue;
      splice.start = span->start;
      splice.end = span->end;
      splice.text = node_text (now);
      g_array_append_val (splices, splice);
    }
  if (!structural)
    {
      g_array_sort (splices, compare_splices);
      text = g_string_new_len (data, size);
      for (guint i = 0; i < splices->len; i++)
        {
          Splice *splice = &g_array_index (splices, Splice, i);

          g_string_erase (text, splice->start, splice->end - splice->start);
          g_string_insert (text, splice->start, splice->text);
        }
    }
  for (guint i = 0; i < splices->len; i++)
    g_free (g_array_index (splices, Splice, i).text);
  if (text == NULL)
    return NULL;
  *length = text->len;
  return g_string_free (text, FALSE);
}

gboolean
impact_brand_file_save (ImpactBrandFile  *self,
                        gboolean          backup,
                        GError          **error)
{
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(ImpactSourceMap) map = NULL;
  gsize length = 0;

  g_return_val_if_fail (IMPACT_IS_BRAND_FILE (self), FALSE);

  path = g_file_get_path (self->file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);

      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE, "cannot write %s: not a local file", uri);
      return FALSE;
    }
  text = splice_text (self, &length);
  if (text == NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *pretty = NULL;

      json_generator_set_root (generator, self->root);
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      pretty = json_generator_to_data (generator, NULL);
      text = g_strconcat (pretty, "\n", NULL);
      length = strlen (text);
    }
  if (!impact_output_write_bytes_atomic (path, text, length, backup, error))
    return FALSE;

  /* what was written is the text the next save starts from */
  written = g_bytes_new_take (g_steal_pointer (&text), length);
  map = impact_json_scan (written, NULL, NULL);
  if (map != NULL)
    {
      g_clear_pointer (&self->map, impact_source_map_unref);
      self->map = g_steal_pointer (&map);
      g_clear_pointer (&self->root, json_node_unref);
      self->root = deep_copy (impact_source_map_get_root (self->map));
    }
  self->modified = FALSE;
  return TRUE;
}

/* Offices */

static gboolean
names_this_brand (ImpactBrandFile *self,
                  GFile           *candidate)
{
  g_autoptr(GBytes) text = impact_json_read_file (candidate, NULL, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) target = NULL;
  JsonNode *root, *brand;
  const char *data, *path;
  gsize length;

  if (text == NULL)
    return FALSE;
  data = g_bytes_get_data (text, &length);
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, length -= 3;
  if (!json_parser_load_from_data (parser, data, length, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  brand = json_object_get_member (json_node_get_object (root), "brand");
  if (brand == NULL || json_node_get_value_type (brand) != G_TYPE_STRING)
    return FALSE;
  path = json_node_get_string (brand);
  folder = g_file_get_parent (candidate);
  target = g_path_is_absolute (path) ? g_file_new_for_path (path)
                                     : g_file_resolve_relative_path (folder, path);
  return g_file_equal (target, self->file);
}

static void
scan_folder (ImpactBrandFile *self,
             GFile           *folder,
             guint            depth,
             GPtrArray       *found)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                               G_FILE_QUERY_INFO_NONE, NULL, NULL);
  GFileInfo *info;
  GFile *child;

  if (children == NULL)
    return;
  while (g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (name[0] == '.')
        continue;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          if (depth == 0)
            scan_folder (self, child, depth + 1, found);
        }
      else if (g_str_has_suffix (name, ".json") && !g_file_equal (child, self->file) &&
               names_this_brand (self, child))
        g_ptr_array_add (found, g_object_ref (child));
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *pa = g_file_get_path (*(GFile **) a);
  g_autofree char *pb = g_file_get_path (*(GFile **) b);

  return g_strcmp0 (pa, pb);
}

GPtrArray *
impact_brand_file_find_offices (ImpactBrandFile *self)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail (IMPACT_IS_BRAND_FILE (self), found);

  folder = g_file_get_parent (self->file);
  if (folder != NULL)
    scan_folder (self, folder, 0, found);
  g_ptr_array_sort (found, compare_paths);
  return found;
}
