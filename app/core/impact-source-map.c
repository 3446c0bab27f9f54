/* impact-source-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "impact-source-map-private.h"

G_DEFINE_BOXED_TYPE (ImpactSourceMap, impact_source_map,
                     impact_source_map_ref, impact_source_map_unref)

static void
source_map_clear (gpointer data)
{
  ImpactSourceMap *self = data;

  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->nodes, g_ptr_array_unref);
  g_clear_pointer (&self->shadowed, g_ptr_array_unref);
  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->children, g_array_unref);
  g_clear_pointer (&self->text, g_bytes_unref);
}

ImpactSourceMap *
impact_source_map_new_empty (GBytes *text)
{
  ImpactSourceMap *self = g_atomic_rc_box_new0 (ImpactSourceMap);
  gsize size = 0;
  const char *data = g_bytes_get_data (text, &size);

  self->text = g_bytes_ref (text);
  self->has_bom = size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0;
  self->spans = g_array_new (FALSE, TRUE, sizeof (ImpactSourceSpan));
  self->children = g_array_new (FALSE, FALSE, sizeof (guint));
  self->nodes = g_ptr_array_new ();
  self->shadowed = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  return self;
}

ImpactSourceMap *
impact_source_map_ref (ImpactSourceMap *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
impact_source_map_unref (ImpactSourceMap *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, source_map_clear);
}

GBytes *
impact_source_map_get_text (ImpactSourceMap *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

gboolean
impact_source_map_has_bom (ImpactSourceMap *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->has_bom;
}

JsonNode *
impact_source_map_get_root (ImpactSourceMap *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->root;
}

guint
impact_source_map_get_n_spans (ImpactSourceMap *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->spans->len;
}

/* The scan lists each span's node in order, which costs a pointer a value;
 * the hash table from nodes to spans (half a million random insertions for
 * 100,000 milestones, a tenth of the scan) is made when first needed: for
 * a message, a save, a test. Maps are shared between threads (an export
 * works on a copy of the document), hence g_once. */
static GHashTable *
source_map_index (ImpactSourceMap *self)
{
  if (g_once_init_enter (&self->index))
    {
      GHashTable *index = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < self->nodes->len; i++)
        if (g_ptr_array_index (self->nodes, i) != NULL)
          g_hash_table_insert (index, g_ptr_array_index (self->nodes, i), GUINT_TO_POINTER (i + 1));
      g_once_init_leave (&self->index, index);
    }
  return self->index;
}

const ImpactSourceSpan *
impact_source_map_lookup (ImpactSourceMap *self,
                          JsonNode        *node)
{
  guint index;

  g_return_val_if_fail (self != NULL, NULL);
  if (node == NULL)
    return NULL;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (source_map_index (self), node));
  if (index == 0 || index > self->spans->len)
    return NULL;
  return &g_array_index (self->spans, ImpactSourceSpan, index - 1);
}

gboolean
impact_source_map_int_overflow (ImpactSourceMap *self,
                                JsonNode        *node)
{
  const ImpactSourceSpan *span;

  g_return_val_if_fail (self != NULL, FALSE);
  if (self->n_int_overflows == 0)
    return FALSE;
  span = impact_source_map_lookup (self, node);
  return span != NULL && (span->flags & IMPACT_SOURCE_SPAN_INT_OVERFLOW) != 0;
}

gboolean
impact_source_map_has_int_overflows (ImpactSourceMap *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->n_int_overflows > 0;
}

const ImpactSourceSpan *
impact_source_map_get_child (ImpactSourceMap        *self,
                             const ImpactSourceSpan *span,
                             guint                   index)
{
  guint child;

  g_return_val_if_fail (self != NULL && span != NULL, NULL);
  g_return_val_if_fail (index < span->n_children, NULL);
  g_return_val_if_fail (span->first_child + index < self->children->len, NULL);

  child = g_array_index (self->children, guint, span->first_child + index);
  return &g_array_index (self->spans, ImpactSourceSpan, child);
}

gboolean
impact_source_map_locate (ImpactSourceMap *self,
                          const char      *path,
                          guint           *line,
                          guint           *column)
{
  const ImpactSourceSpan *best;
  JsonNode *node;
  const char *p = path;

  g_return_val_if_fail (self != NULL, FALSE);

  node = self->root;
  best = impact_source_map_lookup (self, node);

  /* "a.b[3].c" or a["odd name"]: walk as far as the text has it */
  while (p != NULL && *p != '\0')
    {
      JsonNode *next = NULL;
      const ImpactSourceSpan *span;

      if (*p == '.')
        p++;
      if (p[0] == '[' && p[1] == '"')
        {
          /* a quoted member name, as the loader writes names that are not
           * identifiers: ["a b"], with \" and \\ escaped */
          GString *name = g_string_new (NULL);
          const char *q = p + 2;

          while (*q != '\0' && *q != '"')
            {
              if (*q == '\\' && q[1] != '\0')
                q++;
              g_string_append_c (name, *q++);
            }
          if (q[0] != '"' || q[1] != ']' || !JSON_NODE_HOLDS_OBJECT (node))
            {
              g_string_free (name, TRUE);
              break;
            }
          next = json_object_get_member (json_node_get_object (node), name->str);
          g_string_free (name, TRUE);
          p = q + 2;
        }
      else if (*p == '[')
        {
          char *end = NULL;
          guint64 index = g_ascii_strtoull (p + 1, &end, 10);

          if (end == NULL || *end != ']' || !JSON_NODE_HOLDS_ARRAY (node))
            break;
          if (index < json_array_get_length (json_node_get_array (node)))
            next = json_array_get_element (json_node_get_array (node), (guint) index);
          p = end + 1;
        }
      else
        {
          gsize n = strcspn (p, ".[");
          g_autofree char *name = g_strndup (p, n);

          if (n == 0 || !JSON_NODE_HOLDS_OBJECT (node))
            break;
          next = json_object_get_member (json_node_get_object (node), name);
          p += n;
        }
      if (next == NULL)
        break;
      node = next;
      if ((span = impact_source_map_lookup (self, node)) != NULL)
        best = span;
    }
  if (best == NULL || best->line == 0)
    return FALSE;
  if (line)
    *line = best->line;
  if (column)
    *column = best->column;
  return TRUE;
}
