/* impact-placeholders.c: finds the guidance texts of a new sheet left as
 * they are
 *
 * The guidance comes from the template itself (compiled in) and from a
 * new item of each list, both written out as the writer would save them,
 * so the check follows the template and impact_document_insert_item()
 * without a copy of their texts here. A text counts when it is the same
 * at the same place, array positions aside ("statistics[].label").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-placeholders"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "impact-core-resources.h"
#include "impact-json-loader.h"
#include "impact-json-writer.h"
#include "impact-placeholders.h"

#define TEMPLATE_PATH "/io/github/impactsheet/ImpactSheet/core/new-sheet.json"

/* Defaults that are good as they are, and values that are no prose */
static const char * const kept_as_they_are[] = {
  "format", "language", "problem.kicker", "facts_heading", "approach_heading",
  "milestones_heading", "footer.disclaimer", "milestones[].date", "milestones[].end_date",
  "statistics[].qualifier", "eras[].start", "eras[].end",
};

typedef void (*TextFunc) (const char *place,   /* "statistics[].label" */
                          const char *path,    /* "statistics[1].label" */
                          const char *text,
                          gpointer    data);

/* Helpers */

static gboolean
is_kept (const char *place)
{
  const char *last = strrchr (place, '.');

  if (g_str_has_prefix (place, "theme.") || g_strcmp0 (place, "theme") == 0)
    return TRUE;
  /* names from a fixed list, not prose */
  if (last != NULL && (g_str_equal (last, ".icon") || g_str_equal (last, ".category")))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (kept_as_they_are); i++)
    if (g_str_equal (place, kept_as_they_are[i]))
      return TRUE;
  return FALSE;
}

static void
walk (JsonNode   *node,
      const char *place,
      const char *path,
      TextFunc    func,
      gpointer    data)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        for (GList *l = members; l != NULL; l = l->next)
          {
            const char *name = l->data;
            g_autofree char *child_place = *place ? g_strconcat (place, ".", name, NULL) : g_strdup (name);
            g_autofree char *child_path = *path ? g_strconcat (path, ".", name, NULL) : g_strdup (name);

            walk (json_object_get_member (object, name), child_place, child_path, func, data);
          }
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        g_autofree char *child_place = g_strconcat (place, "[]", NULL);

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            g_autofree char *child_path = g_strdup_printf ("%s[%u]", path, i);

            walk (json_array_get_element (array, i), child_place, child_path, func, data);
          }
      }
      break;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        func (place, path, json_node_get_string (node), data);
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
}

static void
add_guidance (const char *place,
              const char *path,
              const char *text,
              gpointer    data)
{
  GHashTable *guidance = data;

  if (*text != '\0' && !is_kept (place))
    g_hash_table_add (guidance, g_strconcat (place, "\n", text, NULL));
}

/* "place\ntext" of every guidance text; built once */
static GHashTable *
get_guidance (void)
{
  static GHashTable *guidance;

  if (g_once_init_enter (&guidance))
    {
      GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GBytes) bytes = impact_placeholders_get_template ();
      g_autoptr(ImpactDocument) fresh = impact_document_new ();
      g_autoptr(JsonNode) items = NULL;
      g_autoptr(GError) error = NULL;
      gsize size = 0;
      const char *text = g_bytes_get_data (bytes, &size);

      if (json_parser_load_from_data (parser, text, size, &error))
        walk (json_parser_get_root (parser), "", "", add_guidance, table);
      else
        g_critical ("The template does not parse: %s", error->message);

      /* what the editor's Add puts in a new item */
      for (ImpactList list = IMPACT_LIST_STATISTICS; list <= IMPACT_LIST_ERAS; list++)
        impact_document_insert_item (fresh, list, -1);
      items = impact_json_writer_build_tree (fresh);
      walk (items, "", "", add_guidance, table);

      g_once_init_leave (&guidance, table);
    }
  return guidance;
}

typedef struct
{
  GHashTable        *guidance;
  ImpactDiagnostics *diagnostics;
  guint              n;
} Check;

static void
check_text (const char *place,
            const char *path,
            const char *text,
            gpointer    data)
{
  Check *check = data;
  g_autofree char *key = g_strconcat (place, "\n", text, NULL);
  g_autofree char *shown = NULL;

  if (!g_hash_table_contains (check->guidance, key))
    return;
  if (g_utf8_strlen (text, -1) > 48)
    {
      g_autofree char *start = g_utf8_substring (text, 0, 45);

      shown = g_strconcat (start, "…", NULL);
    }
  else
    shown = g_strdup (text);
  impact_diagnostics_add (check->diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, path,
                          "still the template's guidance: write your own text before printing (\"%s\")",
                          shown);
  check->n++;
}

/* Public API */

GBytes *
impact_placeholders_get_template (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resource_lookup_data (impact_core_get_resource (), TEMPLATE_PATH,
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  /* compiled in: it cannot be missing */
  g_assert_no_error (error);
  return bytes;
}

guint
impact_placeholders_check (ImpactDocument    *document,
                           ImpactDiagnostics *diagnostics)
{
  g_autoptr(JsonNode) tree = NULL;
  Check check = { 0 };

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (diagnostics != NULL, 0);

  check.guidance = get_guidance ();
  check.diagnostics = diagnostics;
  tree = impact_json_writer_build_tree (document);
  walk (tree, "", "", check_text, &check);
  return check.n;
}
