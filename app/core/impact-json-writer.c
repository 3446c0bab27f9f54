/* impact-json-writer.c: save a document as JSON, keeping what it can
 *
 * Two steps. build_tree() copies the loaded tree and writes the model's
 * values into it: a member whose value did not change keeps its node, so
 * the comparison below sees it as unchanged. emit() then writes the new
 * tree next to the old one and the old text: an unchanged value is copied
 * from the old text; a changed object or array is written member by member
 * reusing the old spacing around each one; anything new is pretty-printed.
 * This file writes the root members and the brand; each section writes
 * its own members in its file under sections/ (through the section table,
 * in the order of the data format), with the helpers of
 * impact-json-writer-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-json-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "impact-error.h"
#include "impact-json-loader.h"
#include "impact-json-scanner.h"
#include "impact-json-writer.h"
#include "impact-json-writer-private.h"
#include "sections/impact-sections.h"
#include "impact-brand.h"
#include "impact-output.h"

/* Where each old value sits in the old text comes from the document's
 * source map (impact-source-map.h): the writer does not read the text
 * again. */
typedef ImpactSourceSpan Span;

/* Comparing trees: member order matters (it is what the text shows), and
 * numbers compare by value (435 and 435.0 are the same number). */

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || JSON_NODE_TYPE (a) != JSON_NODE_TYPE (b))
    return FALSE;

  switch (JSON_NODE_TYPE (a))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *oa = json_node_get_object (a), *ob = json_node_get_object (b);
        g_autoptr(GList) na = json_object_get_members (oa);
        g_autoptr(GList) nb = json_object_get_members (ob);
        const GList *la, *lb;

        for (la = na, lb = nb; la != NULL && lb != NULL; la = la->next, lb = lb->next)
          if (strcmp (la->data, lb->data) != 0 ||
              !nodes_equal (json_object_get_member (oa, la->data), json_object_get_member (ob, lb->data)))
            return FALSE;
        return la == NULL && lb == NULL;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *aa = json_node_get_array (a), *ab = json_node_get_array (b);
        guint n = json_array_get_length (aa);

        if (n != json_array_get_length (ab))
          return FALSE;
        for (guint i = 0; i < n; i++)
          if (!nodes_equal (json_array_get_element (aa, i), json_array_get_element (ab, i)))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_VALUE:
      {
        GType ta = json_node_get_value_type (a), tb = json_node_get_value_type (b);
        gboolean num_a = ta == G_TYPE_INT64 || ta == G_TYPE_DOUBLE;
        gboolean num_b = tb == G_TYPE_INT64 || tb == G_TYPE_DOUBLE;

        if (num_a && num_b)
          {
            if (ta == G_TYPE_INT64 && tb == G_TYPE_INT64)
              return json_node_get_int (a) == json_node_get_int (b);
            return json_node_get_double (a) == json_node_get_double (b);
          }
        if (ta != tb)
          return FALSE;
        if (ta == G_TYPE_STRING)
          return g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) == 0;
        if (ta == G_TYPE_BOOLEAN)
          return json_node_get_boolean (a) == json_node_get_boolean (b);
        return FALSE;
      }
    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

/* Agrees with nodes_equal(): equal nodes hash the same */
static guint
node_hash (JsonNode *node)
{
  guint hash = (guint) JSON_NODE_TYPE (node) * 31u;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) names = json_object_get_members (object);

        for (const GList *l = names; l != NULL; l = l->next)
          hash = hash * 33u + g_str_hash (l->data) * 7u + node_hash (json_object_get_member (object, l->data));
        return hash;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          hash = hash * 33u + node_hash (json_array_get_element (array, i));
        return hash;
      }
    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
          {
            double value = json_node_get_double (node);

            if (value == 0)
              value = 0; /* -0.0 equals 0.0 */
            return hash + g_double_hash (&value);
          }
        if (type == G_TYPE_STRING)
          return hash + g_str_hash (json_node_get_string (node));
        if (type == G_TYPE_BOOLEAN)
          return hash + (json_node_get_boolean (node) ? 1u : 2u);
        return hash;
      }
    case JSON_NODE_NULL:
    default:
      return hash;
    }
}

/* Building the tree */

JsonNode *
string_node (const char *value)
{
  return json_node_init_string (json_node_alloc (), value);
}

JsonNode *
number_node (double value)
{
  if (value == floor (value) && fabs (value) < 9007199254740992.0)
    return json_node_init_int (json_node_alloc (), (gint64) value);
  return json_node_init_double (json_node_alloc (), value);
}

/* Sets member @name to @value (taken), keeping the old node (and so its
 * text) when it is equal; NULL removes the member. */
void
put (JsonObject *object,
     const char *name,
     JsonNode   *value)
{
  JsonNode *old = json_object_get_member (object, name);

  if (value == NULL)
    {
      if (old != NULL)
        json_object_remove_member (object, name);
      return;
    }
  if (old != NULL && nodes_equal (old, value))
    {
      json_node_unref (value);
      return;
    }
  json_object_set_member (object, name, value);
}

void
put_string (JsonObject *object,
            const char *name,
            const char *value)
{
  put (object, name, value ? string_node (value) : NULL);
}

/* A boolean that defaults to FALSE: written when TRUE or already present */
/* "pages": 1 and 2 as numbers, "auto" as a string; absent when not set */
static void
put_pages (JsonObject *object,
           const char *value)
{
  if (value == NULL)
    put (object, "pages", NULL);
  else if (strcmp (value, "1") == 0 || strcmp (value, "2") == 0)
    put (object, "pages", json_node_init_int (json_node_alloc (), value[0] - '0'));
  else
    put_string (object, "pages", value);
}

void
put_flag (JsonObject *object,
          const char *name,
          gboolean    value)
{
  if (!value && !json_object_has_member (object, name))
    return;
  put (object, name, json_node_init_boolean (json_node_alloc (), value));
}

void
put_date (JsonObject       *object,
          const char       *name,
          const ImpactDate *date)
{
  g_autofree char *iso = NULL;

  if (!impact_date_is_valid (date))
    {
      put (object, name, NULL);
      return;
    }
  iso = impact_date_to_iso (date);
  put_string (object, name, iso);
}

/* Colours are kept as written when they mean the same ("#FFF" = "#ffffff") */
static char *
normalise_colour (const char *text)
{
  if (text == NULL || text[0] != '#')
    return g_strdup (text);
  if (strlen (text) == 4)
    return g_strdup_printf ("#%c%c%c%c%c%c",
                            g_ascii_tolower (text[1]), g_ascii_tolower (text[1]),
                            g_ascii_tolower (text[2]), g_ascii_tolower (text[2]),
                            g_ascii_tolower (text[3]), g_ascii_tolower (text[3]));
  return g_ascii_strdown (text, -1);
}

static void
put_colour (JsonObject *object,
            const char *name,
            const char *value)
{
  JsonNode *old = json_object_get_member (object, name);

  if (value != NULL && old != NULL && JSON_NODE_HOLDS_VALUE (old) &&
      json_node_get_value_type (old) == G_TYPE_STRING)
    {
      g_autofree char *old_norm = normalise_colour (json_node_get_string (old));
      g_autofree char *new_norm = normalise_colour (value);

      if (g_strcmp0 (old_norm, new_norm) == 0)
        return;
    }
  put_string (object, name, value);
}

/* The model drops an icon it does not know (with a warning): keep it. */
void
put_icon (JsonObject *object,
          const char *value)
{
  JsonNode *old = json_object_get_member (object, "icon");

  if (value == NULL && old != NULL && JSON_NODE_HOLDS_VALUE (old) &&
      json_node_get_value_type (old) == G_TYPE_STRING &&
      !impact_json_loader_is_icon_name (json_node_get_string (old)))
    return;
  put_string (object, "icon", value);
}

/* A copy of the object member @name of @parent to update, or a new one */
JsonObject *
section_object (JsonObject *parent,
                const char *name)
{
  JsonNode *old = json_object_get_member (parent, name);

  if (old != NULL && JSON_NODE_HOLDS_OBJECT (old))
    {
      g_autoptr(JsonNode) copy = impact_json_node_deep_copy (old);

      return json_object_ref (json_node_get_object (copy));
    }
  return json_object_new ();
}

JsonObject *
item_object (JsonObject *origin)
{
  if (origin != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), origin);
      g_autoptr(JsonNode) copy = impact_json_node_deep_copy (node);

      return json_object_ref (json_node_get_object (copy));
    }
  return json_object_new ();
}

/* Puts @object (taken) as member @name; an object left empty is only
 * written when it was there before. */
void
put_object (JsonObject *parent,
            const char *name,
            JsonObject *object)
{
  if (json_object_get_size (object) == 0 && !json_object_has_member (parent, name))
    {
      json_object_unref (object);
      return;
    }
  put (parent, name, json_node_init_object (json_node_alloc (), object));
  json_object_unref (object);
}

void
put_source (JsonObject         *object,
            const ImpactSource *source)
{
  JsonObject *s;

  if (source == NULL)
    {
      put (object, "source", NULL);
      return;
    }
  s = section_object (object, "source");
  put_string (s, "title", source->title);
  put_string (s, "url", source->url);
  put (object, "source", json_node_init_object (json_node_alloc (), s));
  json_object_unref (s);
}


/* The members of @section that come from the sheet's brand are not the
 * office's own: they are not written into the office's file */
static void
drop_inherited (ImpactDocument *doc,
                const char     *section,
                JsonObject     *o)
{
  g_autoptr(GList) names = NULL;

  if (impact_document_get_brand_values (doc) == NULL)
    return;
  names = json_object_get_members (o);
  for (GList *l = names; l != NULL; l = l->next)
    if (impact_brand_is_inherited (doc, section, l->data))
      json_object_remove_member (o, l->data);
}

/* A node holding @o, which it takes over */
JsonNode *
take_object_node (JsonObject *o)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), o);

  json_object_unref (o);
  return node;
}

void
put_list (JsonObject   *root,
          const char   *name,
          GPtrArray    *items,
          ItemNodeFunc  item_node)
{
  JsonArray *array;

  if (items->len == 0)
    {
      JsonNode *old = json_object_get_member (root, name);

      /* "facts": [] stays as written */
      if (old == NULL || !JSON_NODE_HOLDS_ARRAY (old) || json_array_get_length (json_node_get_array (old)) != 0)
        put (root, name, NULL);
      return;
    }
  array = json_array_sized_new (items->len);
  for (guint i = 0; i < items->len; i++)
    json_array_add_element (array, item_node (g_ptr_array_index (items, i)));
  put (root, name, json_node_init_array (json_node_alloc (), array));
  json_array_unref (array);
}

JsonNode *
impact_json_writer_build_tree (ImpactDocument *doc)
{
  JsonNode *source = NULL;
  JsonObject *root, *o;
  ImpactOrganisation *org;
  ImpactThemeSpec *theme;
  const ImpactSectionInfo * const *order;
  JsonNode *node;
  guint n;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (doc), NULL);

  source = impact_document_get_source_root (doc);
  root = json_object_new ();
  if (source != NULL && JSON_NODE_HOLDS_OBJECT (source))
    {
      JsonObject *old = json_node_get_object (source);
      g_autoptr(GList) names = json_object_get_members (old);

      /* Shallow: members the model replaces are new nodes, sections are
       * deep-copied before they change (section_object), and the rest is
       * never modified, so it may be shared */
      for (const GList *l = names; l != NULL; l = l->next)
        json_object_set_member (root, l->data, json_node_copy (json_object_get_member (old, l->data)));
    }

  put_string (root, "format", impact_document_get_format (doc) ? impact_document_get_format (doc)
                                                                 : IMPACT_FORMAT_VERSION);
  put_string (root, "language", impact_document_get_language (doc));
  put_string (root, "digits", impact_document_get_digits (doc));
  put_pages (root, impact_document_get_pages (doc));
  order = impact_sections_get_json_order (&n);
  g_assert (n > 0 && order[0]->section == IMPACT_SECTION_HEADER);
  order[0]->write (root, doc);
  org = impact_document_get_organisation (doc);
  o = section_object (root, "organisation");
  put_string (o, "name", org->name);
  put_string (o, "short_name", org->short_name);
  put_string (o, "website", org->website);
  if (org->address != NULL && org->address[0] != NULL)
    {
      JsonArray *lines = json_array_new ();

      for (guint i = 0; org->address[i] != NULL; i++)
        json_array_add_string_element (lines, org->address[i]);
      put (o, "address", json_node_init_array (json_node_alloc (), lines));
      json_array_unref (lines);
    }
  else
    put (o, "address", NULL);
  put_string (o, "phone", org->phone);
  put_string (o, "fax", org->fax);
  put_string (o, "email", org->email);
  put_string (o, "logo", org->logo);
  put_string (o, "logo_alt", org->logo_alt);
  drop_inherited (doc, "organisation", o);
  if (impact_document_get_brand_values (doc) != NULL)
    /* all of it from the brand: nothing to write */
    put_object (root, "organisation", o);
  else
    {
      /* Required: always written */
      put (root, "organisation", json_node_init_object (json_node_alloc (), o));
      json_object_unref (o);
    }

  theme = impact_document_get_theme_spec (doc);
  o = section_object (root, "theme");
  put_string (o, "template", theme->template_name);
  put_colour (o, "primary", theme->primary);
  put_colour (o, "accent", theme->accent);
  put_colour (o, "text", theme->text);
  put_colour (o, "background", theme->background);
  put_string (o, "heading_font", theme->heading_font);
  put_string (o, "body_font", theme->body_font);
  drop_inherited (doc, "theme", o);
  put_object (root, "theme", o);

  /* the sections write their own members, in the order of the data
   * format (the brand, above, follows the header) */
  for (guint i = 0; i < n; i++)
    if (order[i]->section != IMPACT_SECTION_HEADER)
      order[i]->write (root, doc);

  node = json_node_init_object (json_node_alloc (), root);
  json_object_unref (root);
  return node;
}

/* Writing text */

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

/* The shortest text that reads back as the same double */
static void
append_double (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "0");
      return;
    }
  for (int precision = 1; precision <= 17; precision++)
    {
      g_autofree char *format = g_strdup_printf ("%%.%dg", precision);

      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

/* How new parts are written: the line break and indentation step of the
 * file they go into ("\n" and two spaces for a new file) */
typedef struct
{
  const char *nl;
  const char *unit;
} Style;

static const Style default_style = { "\n", "  " };

static void
emit_fresh (GString     *out,
            JsonNode    *node,
            const char  *indent,
            const Style *style)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) names = json_object_get_members (object);
        g_autofree char *inner = g_strconcat (indent, style->unit, NULL);

        if (names == NULL)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append_c (out, '{');
        for (const GList *l = names; l != NULL; l = l->next)
          {
            g_string_append_printf (out, "%s%s%s", l == names ? "" : ",", style->nl, inner);
            append_string (out, l->data);
            g_string_append (out, ": ");
            emit_fresh (out, json_object_get_member (object, l->data), inner, style);
          }
        g_string_append_printf (out, "%s%s}", style->nl, indent);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);
        g_autofree char *inner = g_strconcat (indent, style->unit, NULL);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            g_string_append_printf (out, "%s%s%s", i == 0 ? "" : ",", style->nl, inner);
            emit_fresh (out, json_array_get_element (array, i), inner, style);
          }
        g_string_append_printf (out, "%s%s]", style->nl, indent);
      }
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          append_string (out, json_node_get_string (node));
        else if (type == G_TYPE_INT64)
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          append_double (out, json_node_get_double (node));
        else if (type == G_TYPE_BOOLEAN)
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
        else
          g_string_append (out, "null");
      }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

typedef struct
{
  GString         *out;
  const char      *text;
  ImpactSourceMap *map;
  Style            style;
} Emitter;

static void
append_range (Emitter *em,
              gsize    start,
              gsize    end)
{
  if (end > start)
    g_string_append_len (em->out, em->text + start, (gssize) (end - start));
}

/* The indentation of the children of a container from their old leads:
 * the text after the last newline; NULL when they were all on one line. */
static char *
child_indent (Emitter    *em,
              const Span *span)
{
  for (guint i = 0; i < span->n_children; i++)
    {
      const Span *child = impact_source_map_get_child (em->map, span, i);
      const char *lead = em->text + child->lead_start;
      gsize len = child->key_start - child->lead_start;
      const char *newline = g_strrstr_len (lead, (gssize) len, "\n");

      if (newline != NULL)
        return g_strndup (newline + 1, len - (gsize) (newline + 1 - lead));
    }
  return NULL;
}

static void emit (Emitter    *em,
                  JsonNode   *node,
                  JsonNode   *old,
                  const Span *span,
                  const char *indent);

/* One child of a merged container: its lead, then key (for objects) and
 * value, reusing what the old child had. */
static void
emit_child (Emitter    *em,
            gboolean    first,
            const char *name,
            JsonNode   *node,
            JsonNode   *old,
            const Span *old_span,
            const char *inner)
{
  if (!first)
    g_string_append_c (em->out, ',');

  if (old_span != NULL)
    {
      append_range (em, old_span->lead_start, old_span->start);
      emit (em, node, old, old_span, inner ? inner : "");
      return;
    }
  if (inner != NULL)
    g_string_append_printf (em->out, "%s%s", em->style.nl, inner);
  else
    g_string_append_c (em->out, ' ');
  if (name != NULL)
    {
      append_string (em->out, name);
      g_string_append (em->out, ": ");
    }
  emit_fresh (em->out, node, inner ? inner : "", &em->style);
}

static void
emit_close (Emitter    *em,
            const Span *span,
            char        close)
{
  const Span *last = impact_source_map_get_child (em->map, span, span->n_children - 1);

  append_range (em, last->end, last->trail_end);
  g_string_append_c (em->out, close);
}

static void
emit_object (Emitter    *em,
             JsonNode   *node,
             JsonNode   *old,
             const Span *span,
             const char *indent)
{
  JsonObject *object = json_node_get_object (node);
  JsonObject *old_object = json_node_get_object (old);
  g_autoptr(GList) names = json_object_get_members (object);
  g_autofree char *inner = child_indent (em, span);
  gboolean first = TRUE;

  if (names == NULL)
    {
      g_string_append (em->out, "{}");
      return;
    }

  g_string_append_c (em->out, '{');
  for (const GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *old_member = json_object_get_member (old_object, name);

      /* the member as it was written (the last one, if a name was given
       * twice: the one that counts) */
      emit_child (em, first, name, json_object_get_member (object, name), old_member,
                  impact_source_map_lookup (em->map, old_member), inner);
      first = FALSE;
    }
  emit_close (em, span, '}');
}

static void
emit_array (Emitter    *em,
            JsonNode   *node,
            JsonNode   *old,
            const Span *span,
            const char *indent)
{
  JsonArray *array = json_node_get_array (node);
  JsonArray *old_array = json_node_get_array (old);
  guint n = json_array_get_length (array);
  guint n_old = json_array_get_length (old_array);
  g_autofree char *inner = child_indent (em, span);
  g_autofree gboolean *used = g_new0 (gboolean, MAX (n_old, 1));

  if (n == 0)
    {
      g_string_append (em->out, "[]");
      return;
    }
  if (n_old != span->n_children)
    {
      emit_fresh (em->out, node, indent, &em->style);
      return;
    }

  /* Pair each element with an equal old one (a moved element keeps its
   * text), by hash so that a long list stays linear; the rest with the old
   * element at the same place, if that one is still free. */
  {
    g_autoptr(GHashTable) by_hash = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
    g_autofree int *match = g_new (int, n);

    for (guint j = 0; j < n_old; j++)
      {
        guint hash = node_hash (json_array_get_element (old_array, j));
        GArray *bucket = g_hash_table_lookup (by_hash, GUINT_TO_POINTER (hash));

        if (bucket == NULL)
          {
            bucket = g_array_new (FALSE, FALSE, sizeof (guint));
            g_hash_table_insert (by_hash, GUINT_TO_POINTER (hash), bucket);
          }
        g_array_append_val (bucket, j);
      }
    for (guint i = 0; i < n; i++)
      {
        JsonNode *element = json_array_get_element (array, i);
        GArray *bucket = g_hash_table_lookup (by_hash, GUINT_TO_POINTER (node_hash (element)));

        match[i] = -1;
        /* The same place first: the usual case */
        if (i < n_old && !used[i] && nodes_equal (element, json_array_get_element (old_array, i)))
          match[i] = (int) i;
        for (guint k = 0; bucket != NULL && k < bucket->len && match[i] < 0; k++)
          {
            guint j = g_array_index (bucket, guint, k);

            if (!used[j] && nodes_equal (element, json_array_get_element (old_array, j)))
              match[i] = (int) j;
          }
        if (match[i] >= 0)
          used[match[i]] = TRUE;
      }
    for (guint i = 0; i < n; i++)
      if (match[i] < 0 && i < n_old && !used[i])
        {
          match[i] = (int) i;
          used[i] = TRUE;
        }

    g_string_append_c (em->out, '[');
    for (guint i = 0; i < n; i++)
      {
        JsonNode *element = json_array_get_element (array, i);

        if (match[i] >= 0)
          {
            JsonNode *old_element = json_array_get_element (old_array, (guint) match[i]);

            emit_child (em, i == 0, NULL, element, old_element,
                        impact_source_map_lookup (em->map, old_element), inner);
          }
        else
          emit_child (em, i == 0, NULL, element, NULL, NULL, inner);
      }
  }
  emit_close (em, span, ']');
}

static void
emit (Emitter    *em,
      JsonNode   *node,
      JsonNode   *old,
      const Span *span,
      const char *indent)
{
  if (old != NULL && span != NULL)
    {
      if (nodes_equal (node, old))
        {
          append_range (em, span->start, span->end);
          return;
        }
      if (JSON_NODE_HOLDS_OBJECT (node) && JSON_NODE_HOLDS_OBJECT (old) &&
          span->n_children > 0)
        {
          emit_object (em, node, old, span, indent);
          return;
        }
      if (JSON_NODE_HOLDS_ARRAY (node) && JSON_NODE_HOLDS_ARRAY (old) &&
          span->n_children > 0)
        {
          emit_array (em, node, old, span, indent);
          return;
        }
    }
  emit_fresh (em->out, node, indent, &em->style);
}

char *
impact_json_writer_to_data (ImpactDocument *doc,
                            gsize          *length)
{
  g_autoptr(JsonNode) tree = NULL;
  ImpactSourceMap *map;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (doc), NULL);

  tree = impact_json_writer_build_tree (doc);
  map = impact_document_get_source_map (doc);

  if (map != NULL && impact_source_map_get_root (map) != NULL)
    {
      gsize size = 0;
      const char *data = g_bytes_get_data (impact_source_map_get_text (map), &size);
      JsonNode *old = impact_source_map_get_root (map);
      const Span *span = impact_source_map_lookup (map, old);
      Emitter em = { out, data, map, default_style };
      g_autofree char *unit = NULL;

      /* what came before the root (a byte order mark, space) stays */
      g_string_append_len (out, data, (gssize) span->start);
      /* New parts follow the file: CRLF or LF, and its indentation step */
      if (g_strstr_len (data, (gssize) size, "\r\n") != NULL)
        em.style.nl = "\r\n";
      if (span->n_children > 0 && (unit = child_indent (&em, span)) != NULL && *unit != '\0')
        em.style.unit = unit;
      emit (&em, tree, old, span, "");
      /* What followed the root (usually a newline) */
      g_string_append_len (out, data + span->end, (gssize) (size - span->end));
      if (out->len == 0 || out->str[out->len - 1] != '\n')
        g_string_append_c (out, '\n');
    }
  else
    {
      emit_fresh (out, tree, "", &default_style);
      g_string_append_c (out, '\n');
    }

  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* Saving */

void
impact_json_writer_adopt (ImpactDocument *doc,
                          const char     *data,
                          gsize           length)
{
  g_autoptr(GBytes) text = NULL;
  g_autoptr(ImpactSourceMap) map = NULL;
  JsonObject *root;
  JsonNode *node;
  JsonArray *array;
  GPtrArray *items;

  g_return_if_fail (IMPACT_IS_DOCUMENT (doc));

  /* The saved text becomes the document's source: scanned once, so that
   * every path has its new line and column and the next save starts from
   * this text. It is what the writer just made, so it scans. */
  text = g_bytes_new (data, length);
  map = impact_json_scan (text, NULL, NULL);
  if (map == NULL || !JSON_NODE_HOLDS_OBJECT (impact_source_map_get_root (map)))
    {
      g_warning ("the saved text does not scan as JSON; keeping the previous source map");
      return;
    }
  impact_document_set_source_map (doc, map);
  root = json_node_get_object (impact_source_map_get_root (map));

#define RELINK(list, member, Type)                                                   \
  G_STMT_START {                                                                     \
    items = impact_document_get_list (doc, list);                                    \
    node = json_object_get_member (root, member);                                    \
    array = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL; \
    for (guint i = 0; i < items->len; i++)                                           \
      {                                                                              \
        Type *item = g_ptr_array_index (items, i);                                   \
        JsonNode *element = array && i < json_array_get_length (array)               \
                            ? json_array_get_element (array, i) : NULL;              \
        g_clear_pointer (&item->json, json_object_unref);                            \
        if (element && JSON_NODE_HOLDS_OBJECT (element))                             \
          item->json = json_object_ref (json_node_get_object (element));             \
      }                                                                              \
  } G_STMT_END

  RELINK (IMPACT_LIST_STATISTICS, "statistics", ImpactStatistic);
  RELINK (IMPACT_LIST_FACTS, "facts", ImpactFact);
  RELINK (IMPACT_LIST_PILLARS, "approach", ImpactPillar);
  RELINK (IMPACT_LIST_MILESTONES, "milestones", ImpactMilestone);
  RELINK (IMPACT_LIST_ERAS, "eras", ImpactEra);
  {
    GPtrArray *charts = impact_document_get_charts (doc);

    node = json_object_get_member (root, "charts");
    array = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
    for (guint i = 0; i < charts->len; i++)
      {
        ImpactChartSpec *chart = g_ptr_array_index (charts, i);
        JsonNode *element = array && i < json_array_get_length (array)
                            ? json_array_get_element (array, i) : NULL;

        g_clear_pointer (&chart->json, json_object_unref);
        if (element && JSON_NODE_HOLDS_OBJECT (element))
          chart->json = json_object_ref (json_node_get_object (element));
      }
  }

#undef RELINK
}

gboolean
impact_json_writer_save (ImpactDocument  *doc,
                         GFile           *file,
                         gboolean         backup,
                         GCancellable    *cancellable,
                         GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  gsize length = 0;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_file_get_parse_name (file);
  data = impact_json_writer_to_data (doc, &length);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  path = g_file_get_path (file);
  if (path != NULL)
    {
      /* complete and on disk before it replaces anything; the .bak only
       * then, in one rename (see impact-output.h) */
      if (!impact_output_write_bytes_atomic (path, data, length, backup, &local_error))
        {
          g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                       _("Could not save: %s"), local_error->message);
          return FALSE;
        }
    }
  else
    {
      /* not a local file (no path even through a FUSE mount): GIO writes
       * a temporary file there and renames it */
      if (backup && g_file_query_exists (file, cancellable))
        {
          g_autofree char *uri = g_file_get_uri (file);
          g_autofree char *bak_uri = g_strconcat (uri, ".bak", NULL);
          g_autoptr(GFile) bak = g_file_new_for_uri (bak_uri);

          if (!g_file_copy (file, bak, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                            cancellable, NULL, NULL, &local_error))
            {
              g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                           _("Could not save “%s”: the backup copy failed: %s"), name, local_error->message);
              return FALSE;
            }
        }
      if (!g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                    NULL, cancellable, &local_error))
        {
          g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                       _("Could not save “%s”: %s"), name, local_error->message);
          return FALSE;
        }
    }

  impact_json_writer_adopt (doc, data, length);
  return TRUE;
}
