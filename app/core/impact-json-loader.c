/* impact-json-loader.c: read and validate impact data (format v1)
 *
 * Loading happens in three steps:
 *
 * 1. A strict, non-recursive pre-scan of the bytes checks UTF-8, NUL bytes,
 *   the JSON syntax (RFC 8259: json-glib alone accepts single quotes, bad
 *   escapes and leading zeros) and the input caps, so that hostile input
 *   never reaches json-glib. It records where every value starts, in the
 *   order in which values end (children before their container).
 *
 * 2. JsonParser builds the tree. It emits "object-member" and
 *   "array-element" once per value, in that same order, so the k-th
 *   emission is the k-th recorded value: a hash table maps each JsonNode to
 *   the line and column of its first character (and of its member name).
 *
 * 3. A walk over the tree fills the ImpactDocument and collects every
 *   error and warning; they are sorted into document order at the end.
 *   This file reads the root members and the brand (organisation, theme);
 *   each section reads its own members in its file under sections/, found
 *   through the section table, with the helpers of
 *   impact-json-loader-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-json-loader"

#include <math.h>
#include <string.h>

#include "impact-emphasis.h"
#include "impact-error.h"
#include "impact-json-loader.h"
#include "impact-json-scanner.h"
#include "impact-open.h"
#include "impact-timelinejs.h"
#include "impact-json-loader-private.h"
#include "sections/impact-sections.h"

/* Longest value quoted back in a message, in characters */
#define MAX_QUOTED_CHARS 60

typedef struct
{
  guint32 line;        /* 1-based; 0 when unknown */
  guint32 column;      /* 1-based, in characters */
  guint32 key_line;    /* the member name, for members; else 0 */
  guint32 key_column;
  guint32 flags;
} Position;

typedef struct
{
  ImpactSeverity  severity;
  ImpactError     code;
  guint           line;
  guint           column;
  guint           seq;
  char           *path;
  char           *message;
} Pending;

struct _Loader
{
  GArray          *pending;  /* of Pending */
  ImpactSourceMap *map;      /* the scanned text: tree and positions */
  ImpactDocument  *brand;    /* the organisation and theme of "brand", or NULL */
  gboolean         brand_failed;  /* "brand" names a file that could not be used */
};



static const char * const icon_names[] = {
  "check", "scales", "heart", "pillar", "people",
  "shield", "book", "home", "star", "globe", NULL
};

static const char * const root_keys[] = {
  "format", "language", "digits", "pages", "office", "title", "subtitle", "organisation",
  "theme", "problem", "statistics_heading", "statistics", "facts_heading",
  "facts", "quote", "approach_heading", "approach", "milestones_heading",
  "milestones", "eras", "profile", "footer", "brand", "charts", NULL
};
/* what a brand file ("brand": "../brand.json") holds */
static const char * const brand_keys[] = { "organisation", "theme", NULL };
static const char * const organisation_keys[] = {
  "name", "short_name", "website", "address", "phone", "fax", "email",
  "logo", "logo_alt", NULL
};
static const char * const theme_keys[] = {
  "template", "primary", "accent", "text", "background", "heading_font",
  "body_font", NULL
};
static const char * const source_keys[] = { "title", "url", NULL };


/* Helpers */

static void
pending_clear (gpointer data)
{
  Pending *pending = data;

  g_free (pending->path);
  g_free (pending->message);
}

static void
loader_init (Loader *self)
{
  memset (self, 0, sizeof *self);
  self->pending = g_array_new (FALSE, TRUE, sizeof (Pending));
  g_array_set_clear_func (self->pending, pending_clear);
}

static void
loader_clear (Loader *self)
{
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->map, impact_source_map_unref);
  g_clear_object (&self->brand);
}

static void loader_report (Loader         *self,
                           ImpactSeverity  severity,
                           ImpactError     code,
                           guint           line,
                           guint           column,
                           const char     *path,
                           const char     *format,
                           ...) G_GNUC_PRINTF (7, 8);

static void
loader_report (Loader         *self,
               ImpactSeverity  severity,
               ImpactError     code,
               guint           line,
               guint           column,
               const char     *path,
               const char     *format,
               ...)
{
  Pending pending = { 0 };
  va_list args;

  pending.severity = severity;
  pending.code = code;
  pending.line = line;
  pending.column = column;
  pending.seq = self->pending->len;
  pending.path = (path && *path) ? g_strdup (path) : NULL;
  va_start (args, format);
  pending.message = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (self->pending, pending);
}

/* "value" quoted for a message: escaped, and cut short when long. */
static char *
quote_value (const char *value)
{
  return impact_json_quote (value, MAX_QUOTED_CHARS);
}

static void
path_append_member (GString    *path,
                    const char *name,
                    gsize       length)
{
  impact_json_path_append_member (path, name, length);
}

char *
path_member (const char *parent,
             const char *name)
{
  GString *path = g_string_new (parent);

  path_append_member (path, name, strlen (name));
  return g_string_free (path, FALSE);
}

char *
path_element (const char *parent,
              guint       index)
{
  return g_strdup_printf ("%s[%u]", parent, index);
}

/* Positions of nodes */

static Position
node_position (Loader   *self,
               JsonNode *node)
{
  const ImpactSourceSpan *span = self->map ? impact_source_map_lookup (self->map, node) : NULL;
  Position pos = { 0 };

  if (span != NULL)
    {
      pos.line = span->line;
      pos.column = span->column;
      pos.key_line = span->key_line;
      pos.key_column = span->key_column;
      pos.flags = span->flags;
    }
  return pos;
}

/* An integer literal outside gint64 (read as 0): asks the map without
 * making its index when the text has none */
gboolean
node_int_overflow (Loader   *self,
                   JsonNode *node)
{
  return self->map != NULL && impact_source_map_int_overflow (self->map, node);
}

/* Semantic checks */

void
node_report (Loader         *self,
             ImpactSeverity  severity,
             ImpactError     code,
             JsonNode       *node,
             const char     *path,
             const char     *format,
             ...)
{
  Position pos = node_position (self, node);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  loader_report (self, severity, code, pos.line, pos.column, path, "%s", message);
}

const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return "a string";
        case G_TYPE_BOOLEAN:
          return "a boolean";
        default:
          return "a number";
        }
    }
}

void
report_type (Loader     *self,
             JsonNode   *node,
             const char *path,
             const char *expected)
{
  node_report (self, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, path,
               "expected %s, got %s", expected, describe_node (node));
}

gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* The member @name of @o, or NULL; a missing required member is reported. */
JsonNode *
ctx_member (ObjectCtx  *o,
            const char *name,
            gboolean    required)
{
  JsonNode *node = json_object_get_member (o->object, name);

  if (node == NULL && required)
    {
      g_autofree char *path = path_member (o->path, name);

      node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_MISSING_FIELD,
                   o->node, path, "missing required member");
    }
  return node;
}

static void
check_rich_text (ObjectCtx  *o,
                 const char *name,
                 JsonNode   *node,
                 const char *text)
{
  g_autofree char *plain = NULL;
  gboolean balanced = TRUE;

  /* only a '*' can be unbalanced (impact-emphasis.c) */
  if (strchr (text, '*') == NULL)
    return;
  plain = impact_emphasis_parse (text, NULL, &balanced);
  if (!balanced)
    {
      g_autofree char *path = path_member (o->path, name);

      node_report (o->loader, IMPACT_SEVERITY_WARNING, IMPACT_ERROR_INVALID_VALUE, node, path,
                   "unclosed ** or * emphasis marker; write \\* for a literal asterisk");
    }
}

/* A string member; NULL when absent or invalid (which is reported). The
 * string belongs to the JSON tree. Its path is made for a report only
 * (most members have none: 100,000 milestones read four each). */
const char *
ctx_string (ObjectCtx   *o,
            const char  *name,
            StringFlags  flags)
{
  JsonNode *node = ctx_member (o, name, (flags & STRING_REQUIRED) != 0);
  const char *value;

  if (node == NULL)
    return NULL;
  if (!node_is_string (node))
    {
      g_autofree char *path = path_member (o->path, name);

      report_type (o->loader, node, path, "a string");
      return NULL;
    }
  value = json_node_get_string (node);
  if ((flags & STRING_REQUIRED) && is_blank (value))
    {
      g_autofree char *path = path_member (o->path, name);

      node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE,
                   node, path, "must not be empty");
      return NULL;
    }
  if (flags & STRING_RICH)
    check_rich_text (o, name, node, value);
  return value;
}

char *
ctx_dup_string (ObjectCtx   *o,
                const char  *name,
                StringFlags  flags)
{
  return g_strdup (ctx_string (o, name, flags));
}

/* Sets *@out and returns TRUE when the member is present and a boolean. */
gboolean
ctx_boolean (ObjectCtx  *o,
             const char *name,
             gboolean   *out)
{
  JsonNode *node = ctx_member (o, name, FALSE);

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_autofree char *path = path_member (o->path, name);

      report_type (o->loader, node, path, "a boolean");
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

/* An integer value: an integer literal, or a number with nothing after the
 * point. Reports and returns FALSE otherwise. */
gboolean
node_integer (Loader     *self,
              JsonNode   *node,
              const char *path,
              const char *expected,
              gint64     *out)
{
  if (!node_is_number (node))
    {
      report_type (self, node, path, expected);
      return FALSE;
    }
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      if (node_int_overflow (self, node))
        {
          node_report (self, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, path,
                       "expected %s, got a number too large to read", expected);
          return FALSE;
        }
      *out = json_node_get_int (node);
      return TRUE;
    }
  else
    {
      double value = json_node_get_double (node);

      if (!isfinite (value) || value != floor (value) || fabs (value) > 1e15)
        {
          node_report (self, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, path,
                       "expected %s, got %g", expected, value);
          return FALSE;
        }
      *out = (gint64) value;
      return TRUE;
    }
}

static gboolean
parse_colour (const char  *text,
              char       **normalised)
{
  gsize len = strlen (text);

  if (text[0] != '#' || (len != 4 && len != 7))
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  if (len == 4)
    *normalised = g_strdup_printf ("#%c%c%c%c%c%c",
                                   g_ascii_tolower (text[1]), g_ascii_tolower (text[1]),
                                   g_ascii_tolower (text[2]), g_ascii_tolower (text[2]),
                                   g_ascii_tolower (text[3]), g_ascii_tolower (text[3]));
  else
    *normalised = g_ascii_strdown (text, -1);
  return TRUE;
}


/* The error for member @name of @o whose @value is malformed:
 * "path: EXPECTED, got "value"" */
void
report_expected (ObjectCtx  *o,
                 const char *name,
                 const char *value,
                 const char *expected)
{
  g_autofree char *path = path_member (o->path, name);
  g_autofree char *quoted = quote_value (value);

  node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE,
               json_object_get_member (o->object, name), path,
               "%s, got %s", expected, quoted);
}

static char *
ctx_colour (ObjectCtx  *o,
            const char *name)
{
  const char *value = ctx_string (o, name, 0);
  char *normalised = NULL;

  if (value == NULL)
    return NULL;
  if (!parse_colour (value, &normalised))
    {
      report_expected (o, name, value, "expected a colour as #rrggbb");
      return NULL;
    }
  return normalised;
}

char *
ctx_url (ObjectCtx  *o,
         const char *name)
{
  const char *value = ctx_string (o, name, 0);

  if (value == NULL)
    return NULL;
  if (!impact_source_url_is_valid (value))
    {
      report_expected (o, name, value, "expected an http:// or https:// URL");
      return NULL;
    }
  return g_strdup (value);
}

char *
ctx_icon (ObjectCtx  *o,
          const char *name)
{
  const char *value = ctx_string (o, name, 0);

  if (value == NULL)
    return NULL;
  if (!g_strv_contains (icon_names, value))
    {
      g_autofree char *path = path_member (o->path, name);
      g_autofree char *quoted = quote_value (value);
      g_autofree char *known = g_strjoinv (", ", (char **) icon_names);

      node_report (o->loader, IMPACT_SEVERITY_WARNING, IMPACT_ERROR_INVALID_VALUE,
                   json_object_get_member (o->object, name), path,
                   "unknown icon %s; the icons are: %s", quoted, known);
      return NULL;
    }
  return g_strdup (value);
}

/* An image path: kept as written; absolute paths and remote URLs warn. */
char *
ctx_image (ObjectCtx  *o,
           const char *name)
{
  const char *value = ctx_string (o, name, 0);
  g_autofree char *scheme = NULL;
  gboolean drive_letter;

  if (value == NULL)
    return NULL;

  scheme = g_uri_parse_scheme (value);
  drive_letter = g_ascii_isalpha (value[0]) && value[1] == ':' &&
                 (value[2] == '\\' || value[2] == '/');
  if (scheme != NULL && !drive_letter &&
      g_ascii_strcasecmp (scheme, "file") != 0 && g_ascii_strcasecmp (scheme, "resource") != 0)
    {
      g_autofree char *path = path_member (o->path, name);
      g_autofree char *quoted = quote_value (value);

      node_report (o->loader, IMPACT_SEVERITY_WARNING, IMPACT_ERROR_INVALID_VALUE,
                   json_object_get_member (o->object, name), path,
                   "%s is a %s URL; images are only read from local files, "
                   "give a path relative to the data file", quoted, scheme);
    }
  else if (scheme == NULL && (g_path_is_absolute (value) || drive_letter || value[0] == '\\'))
    {
      g_autofree char *path = path_member (o->path, name);
      g_autofree char *quoted = quote_value (value);

      node_report (o->loader, IMPACT_SEVERITY_WARNING, IMPACT_ERROR_INVALID_VALUE,
                   json_object_get_member (o->object, name), path,
                   "%s is an absolute path; give a path relative to the data file "
                   "so that the sheet still finds it on another computer", quoted);
    }
  return g_strdup (value);
}

/* Parses a date member into @out; FALSE when absent or invalid. */
gboolean
ctx_date (ObjectCtx  *o,
          const char *name,
          gboolean    required,
          ImpactDate *out)
{
  const char *value = ctx_string (o, name, required ? STRING_REQUIRED : 0);

  if (value == NULL)
    return FALSE;
  if (!impact_date_parse (value, out))
    {
      report_expected (o, name, value, "expected YYYY, YYYY-MM or YYYY-MM-DD");
      return FALSE;
    }
  return TRUE;
}

/* Levenshtein distance, or @limit + 1 when it is larger than @limit */
static guint
edit_distance (const char *a,
               const char *b,
               guint       limit)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *prev = NULL;
  g_autofree guint *cur = NULL;
  guint result;

  if ((la > lb ? la - lb : lb - la) > limit)
    return limit + 1;

  prev = g_new (guint, lb + 1);
  cur = g_new (guint, lb + 1);
  for (gsize j = 0; j <= lb; j++)
    prev[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint *tmp;

      cur[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          cur[j] = MIN (MIN (prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        }
      tmp = prev;
      prev = cur;
      cur = tmp;
    }
  result = prev[lb];
  return result > limit ? limit + 1 : result;
}

static const char *
suggest_key (const char         *name,
             const char * const *known)
{
  const char *best = NULL;
  guint best_distance = 3;

  for (guint i = 0; known[i]; i++)
    if (g_ascii_strcasecmp (name, known[i]) == 0)
      return known[i];
  for (guint i = 0; known[i]; i++)
    {
      guint d = edit_distance (name, known[i], 2);

      if (d < best_distance)
        {
          best = known[i];
          best_distance = d;
        }
    }
  return best;
}

/* Warns about every member that is not in @known, in document order. */
void
ctx_check_members (ObjectCtx          *o,
                   const char * const *known)
{
  g_autoptr(GList) names = json_object_get_members (o->object);

  for (const GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      const char *suggestion;
      g_autofree char *quoted = NULL;
      Position pos;

      if (g_strv_contains (known, name) || g_str_has_prefix (name, "x-") ||
          g_str_has_prefix (name, "$"))
        continue;

      pos = node_position (o->loader, json_object_get_member (o->object, name));
      quoted = quote_value (name);
      suggestion = suggest_key (name, known);
      if (suggestion != NULL)
        loader_report (o->loader, IMPACT_SEVERITY_WARNING, IMPACT_ERROR_INVALID_VALUE,
                       pos.key_line, pos.key_column, o->path,
                       "unknown member %s; did you mean \"%s\"?", quoted, suggestion);
      else
        loader_report (o->loader, IMPACT_SEVERITY_WARNING, IMPACT_ERROR_INVALID_VALUE,
                       pos.key_line, pos.key_column, o->path,
                       "unknown member %s", quoted);
    }
}

/* Fills @child when member @name is present and an object. */
gboolean
ctx_object (ObjectCtx  *o,
            const char *name,
            gboolean    required,
            ObjectCtx  *child,
            char      **child_path)
{
  JsonNode *node = ctx_member (o, name, required);

  *child_path = NULL;
  if (node == NULL)
    return FALSE;
  *child_path = path_member (o->path, name);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report_type (o->loader, node, *child_path, "an object");
      return FALSE;
    }
  child->loader = o->loader;
  child->node = node;
  child->object = json_node_get_object (node);
  child->path = *child_path;
  return TRUE;
}

JsonArray *
ctx_array (ObjectCtx   *o,
           const char  *name,
           char       **array_path)
{
  JsonNode *node = ctx_member (o, name, FALSE);

  *array_path = NULL;
  if (node == NULL)
    return NULL;
  *array_path = path_member (o->path, name);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      report_type (o->loader, node, *array_path, "an array");
      return NULL;
    }
  return json_node_get_array (node);
}

/* Element @index of @array as an object context; reports otherwise. */
gboolean
element_object (Loader     *self,
                JsonArray  *array,
                guint       index,
                const char *array_path,
                ObjectCtx  *child,
                char      **child_path)
{
  JsonNode *node = json_array_get_element (array, index);

  *child_path = path_element (array_path, index);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report_type (self, node, *child_path, "an object");
      return FALSE;
    }
  child->loader = self;
  child->node = node;
  child->object = json_node_get_object (node);
  child->path = *child_path;
  return TRUE;
}

/* Sections */

ImpactSource *
load_source (ObjectCtx  *o,
             const char *name)
{
  g_autofree char *path = NULL;
  ObjectCtx s;
  ImpactSource *source;

  if (!ctx_object (o, name, FALSE, &s, &path))
    return NULL;
  source = impact_source_new (NULL, NULL);
  source->title = ctx_dup_string (&s, "title", STRING_REQUIRED);
  source->url = ctx_url (&s, "url");
  ctx_check_members (&s, source_keys);
  return source;
}

static void
load_organisation (ObjectCtx      *root,
                   ImpactDocument *doc)
{
  ImpactOrganisation *org = impact_document_get_organisation (doc);
  g_autofree char *path = NULL;
  g_autofree char *address_path = NULL;
  JsonArray *address;
  ObjectCtx o;

  /* with a brand that names the organisation, the office need not */
  gboolean named = root->loader->brand_failed ||
                   (root->loader->brand != NULL &&
                    impact_document_get_organisation (root->loader->brand)->name != NULL);

  if (!ctx_object (root, "organisation", !named, &o, &path))
    return;

  org->name = ctx_dup_string (&o, "name", named ? 0 : STRING_REQUIRED);
  org->short_name = ctx_dup_string (&o, "short_name", 0);
  org->website = ctx_url (&o, "website");

  address = ctx_array (&o, "address", &address_path);
  if (address != NULL)
    {
      guint n = json_array_get_length (address);
      GPtrArray *lines = g_ptr_array_new_null_terminated (n, g_free, TRUE);

      for (guint i = 0; i < n; i++)
        {
          JsonNode *node = json_array_get_element (address, i);

          if (!node_is_string (node))
            {
              g_autofree char *line_path = path_element (address_path, i);

              report_type (o.loader, node, line_path, "a string");
              continue;
            }
          g_ptr_array_add (lines, g_strdup (json_node_get_string (node)));
        }
      g_strfreev (org->address);
      org->address = (char **) g_ptr_array_free (lines, FALSE);
    }

  org->phone = ctx_dup_string (&o, "phone", 0);
  org->fax = ctx_dup_string (&o, "fax", 0);
  org->email = ctx_dup_string (&o, "email", 0);
  org->logo = ctx_image (&o, "logo");
  org->logo_alt = ctx_dup_string (&o, "logo_alt", 0);
  ctx_check_members (&o, organisation_keys);
}

static void
load_theme (ObjectCtx      *root,
            ImpactDocument *doc)
{
  ImpactThemeSpec *theme = impact_document_get_theme_spec (doc);
  g_autofree char *path = NULL;
  const char *template_name;
  ObjectCtx o;

  if (!ctx_object (root, "theme", FALSE, &o, &path))
    return;

  template_name = ctx_string (&o, "template", 0);
  if (template_name != NULL)
    {
      if (g_strcmp0 (template_name, "classic") == 0 || g_strcmp0 (template_name, "bold") == 0)
        {
          theme->template_name = g_strdup (template_name);
        }
      else
        {
          report_expected (&o, "template", template_name, "expected \"classic\" or \"bold\"");
        }
    }
  theme->primary = ctx_colour (&o, "primary");
  theme->accent = ctx_colour (&o, "accent");
  theme->text = ctx_colour (&o, "text");
  theme->background = ctx_colour (&o, "background");
  theme->heading_font = ctx_dup_string (&o, "heading_font", 0);
  theme->body_font = ctx_dup_string (&o, "body_font", 0);
  ctx_check_members (&o, theme_keys);
}

void
load_array (ObjectCtx      *root,
            const char     *name,
            LoadItemFunc    load_item,
            ImpactDocument *doc)
{
  g_autofree char *path = NULL;
  JsonArray *array = ctx_array (root, name, &path);

  if (array == NULL)
    return;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = NULL;
      ObjectCtx item;

      if (element_object (root->loader, array, i, path, &item, &item_path))
        load_item (&item, doc);
    }
}

static gboolean
looks_like_language_tag (const char *tag)
{
  gsize n = 0;

  /* primary language subtag of 2-3 letters, then subtags of 1-8 */
  while (g_ascii_isalpha (tag[n]))
    n++;
  if (n < 2 || n > 3)
    return FALSE;
  while (tag[n] == '-')
    {
      gsize m = 0;

      n++;
      while (g_ascii_isalnum (tag[n + m]))
        m++;
      if (m < 1 || m > 8)
        return FALSE;
      n += m;
    }
  return tag[n] == '\0';
}

/* "pages": "auto", 1 or 2 (or the strings "1" and "2") */
static void
load_pages (ObjectCtx      *o,
            ImpactDocument *doc)
{
  JsonNode *node = ctx_member (o, "pages", FALSE);
  const char *value = NULL;

  if (node == NULL)
    return;
  if (node_is_string (node))
    value = json_node_get_string (node);
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    value = json_node_get_int (node) == 1 ? "1" : json_node_get_int (node) == 2 ? "2" : "";
  if (g_strcmp0 (value, "auto") == 0 || g_strcmp0 (value, "1") == 0 || g_strcmp0 (value, "2") == 0)
    {
      impact_document_set_pages (doc, value);
      return;
    }
  node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, "pages",
               "expected \"auto\", 1 or 2");
}

static void
load_root (Loader         *self,
           JsonNode       *root_node,
           ImpactDocument *doc)
{
  ObjectCtx root = { self, root_node, json_node_get_object (root_node), "" };
  JsonNode *format_node;
  const char *value;

  format_node = ctx_member (&root, "format", TRUE);
  if (format_node != NULL)
    {
      value = ctx_string (&root, "format", STRING_REQUIRED);
      if (value != NULL && g_strcmp0 (value, IMPACT_FORMAT_VERSION) != 0)
        {
          g_autofree char *quoted = quote_value (value);

          /* Data of another version would only give a flood of confusing
           * errors: stop here. */
          node_report (self, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE,
                       format_node, "format",
                       "unsupported format version %s; this version of Impact Sheet reads format %s",
                       quoted, IMPACT_FORMAT_VERSION);
          return;
        }
      if (value != NULL)
        impact_document_set_format (doc, value);
    }

  value = ctx_string (&root, "language", 0);
  if (value != NULL && !looks_like_language_tag (value))
    {
      g_autofree char *quoted = quote_value (value);

      node_report (self, IMPACT_SEVERITY_WARNING, IMPACT_ERROR_INVALID_VALUE,
                   json_object_get_member (root.object, "language"), "language",
                   "%s does not look like a BCP 47 language tag such as \"en\" or \"pt-BR\"",
                   quoted);
    }
  impact_document_set_language (doc, value);
  load_pages (&root, doc);

  value = ctx_string (&root, "digits", 0);
  if (value != NULL && g_strcmp0 (value, "native") != 0 && g_strcmp0 (value, "latin") != 0)
    {
      g_autofree char *quoted = quote_value (value);

      node_report (self, IMPACT_SEVERITY_WARNING, IMPACT_ERROR_INVALID_VALUE,
                   json_object_get_member (root.object, "digits"), "digits",
                   "expected \"native\" or \"latin\", got %s; the language decides", quoted);
      value = NULL;
    }
  impact_document_set_digits (doc, value);

  /* the sections read their own members, in the order of the data
   * format; the brand (organisation and theme, which a brand file holds
   * too) follows the header */
  {
    guint n;
    const ImpactSectionInfo * const *order = impact_sections_get_json_order (&n);

    for (guint i = 0; i < n; i++)
      {
        order[i]->read (&root, doc);
        if (order[i]->section == IMPACT_SECTION_HEADER)
          {
            load_organisation (&root, doc);
            load_theme (&root, doc);
          }
      }
  }

  ctx_check_members (&root, root_keys);
}

/* Derived statistics: computed values are filled in; a hand-entered value
 * that disagrees with the case log is a warning. */
static void
check_derived (Loader         *self,
               ImpactDocument *doc)
{
  GPtrArray *statistics = impact_document_get_statistics (doc);

  for (guint i = 0; i < statistics->len; i++)
    {
      ImpactStatistic *stat = g_ptr_array_index (statistics, i);
      gint64 sum;

      if (stat->derive_metric == NULL)
        continue;
      if (!impact_document_sum_derived (doc, stat, &sum))
        {
          g_autofree char *path = g_strdup_printf ("statistics[%u].derive", i);
          JsonNode *node = stat->json ? json_object_get_member (stat->json, "derive") : NULL;

          node_report (self, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, path,
                       "the base plus the milestones' \"%s\" add up to more than 1e15, "
                       "the largest figure a statistic can show",
                       stat->derive_metric);
          continue;
        }
      if (!stat->value_fixed)
        {
          stat->value = (double) sum;
          stat->decimals = 0;
        }
      else if (stat->value != (double) sum)
        {
          g_autofree char *path = g_strdup_printf ("statistics[%u].value", i);
          JsonNode *node = stat->json ? json_object_get_member (stat->json, "value") : NULL;

          node_report (self, IMPACT_SEVERITY_WARNING, IMPACT_ERROR_INVALID_VALUE, node, path,
                       "the value %g disagrees with the milestones: the sum of \"%s\" is %" G_GINT64_FORMAT,
                       stat->value, stat->derive_metric, sum);
        }
    }
}

/* Results */

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const Pending *pa = a, *pb = b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;
  return pa->seq < pb->seq ? -1 : (pa->seq > pb->seq);
}

/* Sorts what was found into document order, hands it to @diagnostics and
 * turns the errors into @error. Returns FALSE when there was an error. */
static gboolean
loader_finish (Loader             *self,
               const char         *display_name,
               ImpactDiagnostics  *diagnostics,
               GError            **error)
{
  g_autoptr(ImpactDiagnostics) found = impact_diagnostics_new ();
  ImpactError first_code = IMPACT_ERROR_INVALID_VALUE;
  gboolean have_error = FALSE;

  g_array_sort (self->pending, compare_pending);
  for (guint i = 0; i < self->pending->len; i++)
    {
      const Pending *p = &g_array_index (self->pending, Pending, i);

      if (p->severity == IMPACT_SEVERITY_ERROR && !have_error)
        {
          have_error = TRUE;
          first_code = p->code;
        }
      impact_diagnostics_add (found, p->severity, display_name, p->line, p->column,
                              p->path, "%s", p->message);
    }

  if (diagnostics != NULL)
    impact_diagnostics_extend (diagnostics, found);

  if (have_error)
    {
      g_autofree char *message = impact_diagnostics_to_string (found, IMPACT_SEVERITY_ERROR);

      g_set_error_literal (error, IMPACT_ERROR, first_code, message);
      return FALSE;
    }
  return TRUE;
}

/* Brands */

/* Reads the brand file @path (relative to @base_file's folder) with the
 * same strict reader and checks; its warnings go to @diagnostics under
 * @path. Returns a document holding its organisation and theme (a relative
 * logo made absolute), or NULL after reporting on @self why not. */
static ImpactDocument *
load_brand (Loader            *self,
            JsonNode          *node,
            const char        *path,
            GFile             *base_file,
            ImpactDiagnostics *diagnostics)
{
  g_autoptr(GFile) parent = base_file ? g_file_get_parent (base_file) : NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(ImpactSourceMap) map = NULL;
  g_autoptr(ImpactDocument) brand = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *quoted = quote_value (path);
  g_autofree char *where = NULL;
  Loader loader;
  JsonNode *root;
  gboolean ok;

  if (g_path_is_absolute (path))
    file = g_file_new_for_path (path);
  else if (parent != NULL)
    file = g_file_resolve_relative_path (parent, path);
  else
    file = g_file_new_for_path (path);
  where = g_file_get_parse_name (file);

  map = impact_json_loader_read_file (file, diagnostics, NULL, &error);
  if (map == NULL)
    {
      node_report (self, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, "brand",
                   "cannot use the brand file %s (%s):\n%s", quoted, where, error->message);
      return NULL;
    }

  loader_init (&loader);
  loader.map = impact_source_map_ref (map);
  root = impact_source_map_get_root (map);
  brand = impact_document_new ();
  impact_document_set_file (brand, file);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    node_report (&loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, root, NULL,
                 "a brand file holds an object with \"organisation\" and \"theme\", got %s",
                 root ? describe_node (root) : "nothing");
  else
    {
      ObjectCtx broot = { &loader, root, json_node_get_object (root), "" };

      if (json_object_has_member (broot.object, "organisation"))
        load_organisation (&broot, brand);
      load_theme (&broot, brand);
      ctx_check_members (&broot, brand_keys);
    }
  ok = loader_finish (&loader, path, diagnostics, &error);
  loader_clear (&loader);
  if (!ok)
    {
      node_report (self, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, "brand",
                   "the brand file %s (%s) has errors:\n%s", quoted, where, error->message);
      return NULL;
    }

  /* the logo is relative to the brand file, not to each office */
  {
    ImpactOrganisation *org = impact_document_get_organisation (brand);

    folder = g_file_get_parent (file);
    if (org->logo != NULL && !g_path_is_absolute (org->logo) && folder != NULL &&
        !g_str_has_prefix (org->logo, "resource://") && !g_str_has_prefix (org->logo, "file://"))
      {
        g_autoptr(GFile) logo = g_file_resolve_relative_path (folder, org->logo);
        char *absolute = g_file_get_path (logo);

        if (absolute != NULL)
          {
            g_free (org->logo);
            org->logo = absolute;
          }
      }
  }
  return g_steal_pointer (&brand);
}

static void
inherit_string (char       **own,
                const char  *shared)
{
  if (*own == NULL && shared != NULL)
    *own = g_strdup (shared);
}

/* Members the office leaves out take the brand's value */
static void
inherit_brand (ImpactDocument *doc,
               ImpactDocument *brand)
{
  ImpactOrganisation *org = impact_document_get_organisation (doc);
  ImpactOrganisation *borg = impact_document_get_organisation (brand);
  ImpactThemeSpec *theme = impact_document_get_theme_spec (doc);
  ImpactThemeSpec *btheme = impact_document_get_theme_spec (brand);

  inherit_string (&org->name, borg->name);
  inherit_string (&org->short_name, borg->short_name);
  inherit_string (&org->website, borg->website);
  if ((org->address == NULL || org->address[0] == NULL) && borg->address != NULL && borg->address[0] != NULL)
    {
      g_strfreev (org->address);
      org->address = g_strdupv (borg->address);
    }
  inherit_string (&org->phone, borg->phone);
  inherit_string (&org->fax, borg->fax);
  inherit_string (&org->email, borg->email);
  inherit_string (&org->logo, borg->logo);
  inherit_string (&org->logo_alt, borg->logo_alt);
  inherit_string (&theme->template_name, btheme->template_name);
  inherit_string (&theme->primary, btheme->primary);
  inherit_string (&theme->accent, btheme->accent);
  inherit_string (&theme->text, btheme->text);
  inherit_string (&theme->background, btheme->background);
  inherit_string (&theme->heading_font, btheme->heading_font);
  inherit_string (&theme->body_font, btheme->body_font);
}

/* Public API */

gboolean
impact_json_loader_is_icon_name (const char *name)
{
  return name != NULL && g_strv_contains (icon_names, name);
}

static void
scan_report (gpointer        user_data,
             ImpactSeverity  severity,
             ImpactError     code,
             guint           line,
             guint           column,
             const char     *path,
             const char     *message)
{
  loader_report (user_data, severity, code, line, column, path, "%s", message);
}

/* Reads the brand, the root object and what derives from it into @doc */
static void
load_document (Loader            *loader,
               JsonNode          *root,
               GFile             *base_file,
               ImpactDiagnostics *diagnostics,
               ImpactDocument    *doc)
{
  /* "brand": read first, so that the office may leave out what it gives */
  {
    JsonNode *brand_node = json_object_get_member (json_node_get_object (root), "brand");

    if (brand_node != NULL && node_is_string (brand_node) &&
        !is_blank (json_node_get_string (brand_node)))
      {
        loader->brand = load_brand (loader, brand_node, json_node_get_string (brand_node),
                                    base_file, diagnostics);
        /* one error about the brand, not one more for each member it lacks */
        loader->brand_failed = loader->brand == NULL;
      }
    else if (brand_node != NULL)
      report_type (loader, brand_node, "brand", "the path of a brand file");
  }

  load_root (loader, root, doc);
  if (loader->brand != NULL)
    {
      inherit_brand (doc, loader->brand);
      impact_document_set_brand (doc, json_node_get_string (json_object_get_member (json_node_get_object (root), "brand")),
                                 loader->brand);
    }
  check_derived (loader, doc);
  impact_document_set_file (doc, base_file);
}

ImpactDocument *
impact_json_loader_load_map (ImpactSourceMap    *map,
                             const char         *display_name,
                             GFile              *base_file,
                             ImpactDiagnostics  *diagnostics,
                             GError            **error)
{
  g_autoptr(ImpactDocument) doc = NULL;
  Loader loader;
  JsonNode *root;
  gboolean ok;

  g_return_val_if_fail (map != NULL, NULL);
  g_return_val_if_fail (base_file == NULL || G_IS_FILE (base_file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = "<data>";
  loader_init (&loader);
  loader.map = impact_source_map_ref (map);
  root = impact_source_map_get_root (map);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      node_report (&loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, root, NULL,
                   "expected an object at the top level, got %s",
                   root ? describe_node (root) : "nothing");
      goto out;
    }

  doc = impact_document_new ();
  load_document (&loader, root, base_file, diagnostics, doc);
  /* the document keeps the map: warnings found later (layout, preflight)
   * can say where their path is, and saving keeps the text's formatting */
  impact_document_set_source_map (doc, map);

out:
  ok = loader_finish (&loader, display_name, diagnostics, error);
  loader_clear (&loader);
  if (!ok)
    return NULL;
  return g_steal_pointer (&doc);
}

/* A streamed load (impact_json_loader_load_for_export) */
typedef struct
{
  Loader         *loader;
  ImpactDocument *doc;
  gboolean        failed;   /* something the full load would report */
} Stream;

static void
stream_report (gpointer        user_data,
               ImpactSeverity  severity,
               ImpactError     code,
               guint           line,
               guint           column,
               const char     *path,
               const char     *message)
{
  Stream *stream = user_data;

  scan_report (stream->loader, severity, code, line, column, path, message);
}

static gboolean
stream_element (gpointer    user_data,
                const char *member,
                guint       index,
                JsonNode   *element)
{
  Stream *stream = user_data;
  GPtrArray *milestones;
  g_autofree char *path = NULL;
  ObjectCtx item;

  if (g_strcmp0 (member, "milestones") != 0)
    return FALSE;
  /* the full load will say what: only the scan goes on, as lean */
  if (stream->failed || stream->loader->pending->len > 0)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      stream->failed = TRUE;
      return TRUE;
    }
  path = path_element ("milestones", index);
  item.loader = stream->loader;
  item.node = element;
  item.object = json_node_get_object (element);
  item.path = path;
  milestones = impact_document_get_milestones (stream->doc);
  impact_section_milestones_read_milestone (&item, stream->doc);
  /* the milestone keeps no part of the tree: its unknown members ("x-…")
   * would not survive a save, which this document never has */
  if (milestones->len > 0)
    {
      ImpactMilestone *milestone = g_ptr_array_index (milestones, milestones->len - 1);

      g_clear_pointer (&milestone->json, json_object_unref);
    }
  return TRUE;
}

/* The milestones are read during the scan, one element at a time, the
 * rest of the root after it */
ImpactDocument *
impact_json_loader_load_streamed (GBytes *text,
                                  GFile  *base_file)
{
  g_autoptr(ImpactDiagnostics) found = impact_diagnostics_new ();
  g_autoptr(ImpactDocument) doc = impact_document_new ();
  g_autoptr(ImpactSourceMap) map = NULL;
  Loader loader;
  Stream stream = { &loader, doc, FALSE };
  JsonNode *root;
  gboolean clean;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (base_file == NULL || G_IS_FILE (base_file), NULL);

  loader_init (&loader);
  map = impact_json_scan_streamed (text, stream_report, stream_element, &stream);
  root = map != NULL ? impact_source_map_get_root (map) : NULL;
  clean = root != NULL && JSON_NODE_HOLDS_OBJECT (root) && !stream.failed &&
          loader.pending->len == 0 && !impact_source_map_has_int_overflows (map) &&
          !impact_timelinejs_detect (root);
  if (clean)
    {
      /* positions are wanted only for reports, and any report sends the
       * file to the full load: the rest reads without the map */
      load_document (&loader, root, base_file, found, doc);
      clean = loader.pending->len == 0 && impact_diagnostics_get_n_items (found) == 0;
    }
  loader_clear (&loader);
  if (!clean)
    return NULL;
  return g_steal_pointer (&doc);
}

ImpactDocument *
impact_json_loader_load_for_export (GFile              *file,
                                    ImpactDiagnostics  *diagnostics,
                                    GCancellable       *cancellable,
                                    GError            **error)
{
  g_autoptr(GBytes) text = NULL;
  ImpactDocument *doc = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = impact_json_read_file (file, cancellable, NULL);
  if (text != NULL)
    doc = impact_json_loader_load_streamed (text, file);
  g_clear_pointer (&text, g_bytes_unref);
  if (doc != NULL)
    return doc;
  /* errors, warnings, a TimelineJS file: all said as the window says them */
  return impact_document_open_file (file, diagnostics, NULL, cancellable, error);
}

ImpactSourceMap *
impact_json_loader_scan (GBytes             *text,
                         const char         *display_name,
                         ImpactDiagnostics  *diagnostics,
                         GError            **error)
{
  Loader loader;
  ImpactSourceMap *map;

  g_return_val_if_fail (text != NULL, NULL);

  loader_init (&loader);
  map = impact_json_scan (text, scan_report, &loader);
  if (!loader_finish (&loader, display_name ? display_name : "<data>", diagnostics, error))
    g_clear_pointer (&map, impact_source_map_unref);
  loader_clear (&loader);
  return map;
}

ImpactDocument *
impact_json_loader_load_data (const char         *data,
                              gsize               length,
                              const char         *display_name,
                              GFile              *base_file,
                              ImpactDiagnostics  *diagnostics,
                              GError            **error)
{
  g_autoptr(GBytes) text = NULL;
  g_autoptr(ImpactSourceMap) map = NULL;
  g_autoptr(ImpactDiagnostics) found = impact_diagnostics_new ();
  ImpactDocument *doc;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (base_file == NULL || G_IS_FILE (base_file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = g_bytes_new (data, length);
  /* the scan's warnings (duplicate names) and the loader's are sorted
   * together into document order */
  map = impact_json_loader_scan (text, display_name, found, error);
  if (map == NULL)
    {
      if (diagnostics != NULL)
        impact_diagnostics_extend (diagnostics, found);
      return NULL;
    }
  doc = impact_json_loader_load_map (map, display_name, base_file, found, error);
  if (diagnostics != NULL)
    {
      impact_diagnostics_sort (found);
      impact_diagnostics_extend (diagnostics, found);
    }
  return doc;
}

ImpactSourceMap *
impact_json_loader_read_file (GFile              *file,
                              ImpactDiagnostics  *diagnostics,
                              GCancellable       *cancellable,
                              GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (file);
  if (name == NULL)
    name = g_file_get_parse_name (file);

  bytes = impact_json_read_file (file, cancellable, &read_error);
  if (bytes == NULL)
    {
      /* what was refused (too large, not a regular file) is a finding
       * about the input like any other */
      if (diagnostics != NULL && read_error->domain == IMPACT_ERROR)
        impact_diagnostics_add (diagnostics, IMPACT_SEVERITY_ERROR, NULL, 0, 0, NULL,
                                "%s", read_error->message);
      g_propagate_error (error, g_steal_pointer (&read_error));
      return NULL;
    }
  return impact_json_loader_scan (bytes, name, diagnostics, error);
}

ImpactDocument *
impact_json_loader_load_file (GFile              *file,
                              ImpactDiagnostics  *diagnostics,
                              GCancellable       *cancellable,
                              GError            **error)
{
  g_autoptr(ImpactDiagnostics) found = impact_diagnostics_new ();
  g_autoptr(ImpactSourceMap) map = NULL;
  g_autofree char *name = NULL;
  ImpactDocument *doc;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  map = impact_json_loader_read_file (file, found, cancellable, error);
  if (map != NULL)
    {
      name = g_file_get_basename (file);
      doc = impact_json_loader_load_map (map, name, file, found, error);
      impact_diagnostics_sort (found);
    }
  else
    {
      doc = NULL;
    }
  if (diagnostics != NULL)
    impact_diagnostics_extend (diagnostics, found);
  return doc;
}
