/* impact-json-scanner.c: one strict pass from bytes to tree and source map
 *
 * The scan keeps an explicit stack of open containers (never recursion, so
 * deep input cannot exhaust the C stack) and builds each JsonNode as its
 * value is read: a container's node is attached to its parent when it
 * opens, a scalar's when it ends. Each value gets one ImpactSourceSpan,
 * appended when it starts; a container's children are listed together
 * when it closes (they wait on a stack until then), so the map is built in
 * linear time and memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-json-scanner"

#include <string.h>

#include "impact-json-scanner.h"
#include "impact-source-map-private.h"

/* A file with more duplicate member names than this is refused: each one
 * costs json-glib a walk over the object's members. */
#define MAX_DUPLICATES 1000

/* spans keep offsets in 32 bits: larger texts are refused before the scan */
G_STATIC_ASSERT (IMPACT_JSON_MAX_FILE_SIZE <= G_MAXUINT32);

typedef struct
{
  char      kind;          /* '{' or '[' */
  guint     n_items;
  guint     span;          /* the container's own span */
  JsonNode *node;          /* borrowed: its parent (or the map) owns it */
  char     *key;           /* decoded name of the current member */
  guint32   key_line;
  guint32   key_column;
  gsize     key_start;     /* where the current member's name starts */
  gsize     lead_start;    /* after the '{', '[' or ',' before the next child */
  guint     child_base;    /* its children wait in Scanner.pending from here */
  gint64    last_child;    /* span of the child that ended last, or -1 */
  guint     children_mark; /* an array: map->children's length when its
                            * current element began */
} Frame;

typedef struct
{
  const char           *data;
  gsize                 length;
  gsize                 offset;
  guint                 line;
  guint                 column;    /* characters consumed on the current line */
  GArray               *stack;     /* of Frame */
  GArray               *pending;   /* of guint: children of open containers */
  GString              *buf;       /* the last string read, decoded */
  guint                 n_duplicates;
  ImpactSourceMap      *map;
  ImpactJsonScanReport  report;
  ImpactJsonScanElement element;   /* a streamed scan's, or NULL */
  gpointer              user_data;
} Scanner;

typedef enum
{
  WANT_VALUE,
  WANT_VALUE_OR_CLOSE,
  WANT_KEY,
  WANT_KEY_OR_CLOSE,
  WANT_COLON,
  WANT_SEPARATOR,
  WANT_END,
} ScanState;

/* Paths and quoting, shared with the loader */

char *
impact_json_quote (const char *value,
                   guint       max_chars)
{
  GString *out = g_string_new ("\"");
  guint n_chars = 0;

  for (const char *p = value; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars++ == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", (char) c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_unichar (out, c);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

static gboolean
is_identifier (const char *name,
               gsize       length)
{
  if (length == 0 || !(g_ascii_isalpha (name[0]) || name[0] == '_' || name[0] == '$'))
    return FALSE;
  for (gsize i = 1; i < length; i++)
    if (!(g_ascii_isalnum (name[i]) || name[i] == '_' || name[i] == '-'))
      return FALSE;
  return TRUE;
}

void
impact_json_path_append_member (GString    *path,
                                const char *name,
                                gsize       length)
{
  if (is_identifier (name, length))
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append_len (path, name, (gssize) length);
    }
  else
    {
      g_autofree char *copy = g_strndup (name, length);
      g_autofree char *quoted = impact_json_quote (copy, 60);

      g_string_append_printf (path, "[%s]", quoted);
    }
}

/* Moving through the text */

static gboolean
at_end (Scanner *sc)
{
  return sc->offset >= sc->length;
}

static void
advance (Scanner *sc)
{
  guchar c = sc->data[sc->offset++];

  if (c == '\n')
    {
      sc->line++;
      sc->column = 0;
    }
  else if ((c & 0xc0) != 0x80)
    {
      sc->column++;
    }
}

static void
advance_n (Scanner *sc,
           gsize    n)
{
  for (gsize i = 0; i < n; i++)
    advance (sc);
}

static void
skip_space (Scanner *sc)
{
  while (!at_end (sc))
    {
      char c = sc->data[sc->offset];

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      advance (sc);
    }
}

static Frame *
top_frame (Scanner *sc)
{
  return sc->stack->len > 0 ? &g_array_index (sc->stack, Frame, sc->stack->len - 1) : NULL;
}

/* The path of the value the first @n_frames frames lead to. */
static char *
scanner_path (Scanner *sc,
              guint    n_frames)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < n_frames && i < sc->stack->len; i++)
    {
      const Frame *frame = &g_array_index (sc->stack, Frame, i);

      if (frame->kind == '{')
        {
          if (frame->key != NULL)
            impact_json_path_append_member (path, frame->key, strlen (frame->key));
        }
      else
        {
          g_string_append_printf (path, "[%u]", frame->n_items > 0 ? frame->n_items - 1 : 0);
        }
    }
  return g_string_free (path, FALSE);
}

static void scanner_report (Scanner        *sc,
                            ImpactSeverity  severity,
                            ImpactError     code,
                            guint           line,
                            guint           column,
                            const char     *path,
                            const char     *format,
                            ...) G_GNUC_PRINTF (7, 8);

static void
scanner_report (Scanner        *sc,
                ImpactSeverity  severity,
                ImpactError     code,
                guint           line,
                guint           column,
                const char     *path,
                const char     *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (sc->report != NULL)
    sc->report (sc->user_data, severity, code, line, column,
                (path != NULL && *path != '\0') ? path : NULL, message);
}

#define FAIL_AT(sc, code, line, column, path, ...) \
  (scanner_report ((sc), IMPACT_SEVERITY_ERROR, (code), (line), (column), (path), __VA_ARGS__), FALSE)
#define FAIL(sc, ...) \
  FAIL_AT ((sc), IMPACT_ERROR_PARSE, (sc)->line, (sc)->column + 1, NULL, __VA_ARGS__)

/* Describes the token at the current offset: "character '}'", "word 'tru'",
 * "string", "number", "end of the file". */
static char *
describe_token (Scanner *sc)
{
  const char *p = sc->data + sc->offset;
  gsize n = 0;

  if (at_end (sc))
    return g_strdup ("end of the file");
  if (*p == '"')
    return g_strdup ("string");
  if (*p == '-' || g_ascii_isdigit (*p))
    return g_strdup ("number");
  if (g_ascii_isalpha (*p))
    {
      while (sc->offset + n < sc->length && n < 40 && g_ascii_isalnum (p[n]))
        n++;
      return g_strdup_printf ("word '%.*s'", (int) n, p);
    }
  if ((guchar) *p < 0x20)
    return g_strdup_printf ("character U+%04X", (guint) (guchar) *p);
  /* the data is valid UTF-8 at this point */
  return g_strdup_printf ("character '%.*s'", (int) (g_utf8_next_char (p) - p), p);
}

static gboolean
unexpected (Scanner    *sc,
            const char *expected)
{
  const char *p = sc->data + sc->offset;
  g_autofree char *what = NULL;
  Frame *top = top_frame (sc);

  if (!at_end (sc) && *p == '/' && sc->offset + 1 < sc->length && (p[1] == '/' || p[1] == '*'))
    return FAIL (sc, "syntax error: comments are not allowed in JSON");
  if (!at_end (sc) && *p == '\'')
    return FAIL (sc, "syntax error: single quotes are not allowed; strings and "
                 "member names must be in double quotes");
  if (at_end (sc) && top != NULL)
    {
      const ImpactSourceSpan *open = &g_array_index (sc->map->spans, ImpactSourceSpan, top->span);

      return FAIL (sc, "syntax error: unexpected end of the file, expected %s; "
                   "the '%c' on line %u, column %u is never closed",
                   expected, top->kind, open->line, open->column);
    }
  what = describe_token (sc);
  return FAIL (sc, "syntax error: unexpected %s, expected %s", what, expected);
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The 4 hex digits after "\u" (the offset is on the 'u'); -1 when they are
 * not there. */
static int
read_u_escape (Scanner *sc)
{
  int value = 0;

  if (sc->length - sc->offset < 5)
    return -1;
  for (int i = 1; i <= 4; i++)
    {
      int digit = hex_value (sc->data[sc->offset + i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  advance_n (sc, 5);
  return value;
}

/* Reads the string at the offset (on its opening quote) into sc->buf,
 * decoded. @n_frames: how many frames lead to it, for the path of a cap. */
static gboolean
scan_string (Scanner *sc,
             guint    n_frames)
{
  guint line = sc->line, column = sc->column + 1;

  g_string_truncate (sc->buf, 0);
  advance (sc);
  for (;;)
    {
      guchar c;
      gsize run;

      if (at_end (sc))
        return FAIL_AT (sc, IMPACT_ERROR_PARSE, line, column, NULL, "syntax error: unterminated string");

      /* plain bytes in bulk: they need no decoding */
      run = 0;
      while (sc->offset + run < sc->length)
        {
          guchar b = sc->data[sc->offset + run];

          if (b == '"' || b == '\\' || b < 0x20)
            break;
          run++;
        }
      if (run > 0)
        {
          g_string_append_len (sc->buf, sc->data + sc->offset, (gssize) run);
          /* columns count characters; a string holds no newline */
          for (gsize i = 0; i < run; i++)
            if (((guchar) sc->data[sc->offset + i] & 0xc0) != 0x80)
              sc->column++;
          sc->offset += run;
          if (sc->buf->len > IMPACT_JSON_MAX_STRING)
            goto too_long;
          continue;
        }

      c = sc->data[sc->offset];
      if (c == '"')
        {
          advance (sc);
          return TRUE;
        }
      else if (c == '\\')
        {
          guint e_line = sc->line, e_column = sc->column + 1;

          advance (sc);
          if (at_end (sc))
            return FAIL_AT (sc, IMPACT_ERROR_PARSE, line, column, NULL, "syntax error: unterminated string");
          c = sc->data[sc->offset];
          if (strchr ("\"\\/bfnrt", c) != NULL && c != '\0')
            {
              static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";

              g_string_append_c (sc->buf, to[strchr (from, c) - from]);
              advance (sc);
            }
          else if (c == 'u')
            {
              int unit = read_u_escape (sc);
              gunichar ch;

              if (unit < 0)
                return FAIL_AT (sc, IMPACT_ERROR_PARSE, e_line, e_column, NULL,
                                "syntax error: \\u must be followed by 4 hexadecimal digits");
              if (unit == 0)
                return FAIL_AT (sc, IMPACT_ERROR_PARSE, e_line, e_column, NULL,
                                "syntax error: \\u0000 (a NUL character) is not allowed in strings");
              if (unit >= 0xdc00 && unit <= 0xdfff)
                return FAIL_AT (sc, IMPACT_ERROR_PARSE, e_line, e_column, NULL,
                                "syntax error: \\u%04X is a low surrogate without a high surrogate before it",
                                (guint) unit);
              ch = (gunichar) unit;
              if (unit >= 0xd800 && unit <= 0xdbff)
                {
                  int low = -1;

                  if (sc->length - sc->offset >= 2 && sc->data[sc->offset] == '\\' &&
                      sc->data[sc->offset + 1] == 'u')
                    {
                      advance (sc);
                      low = read_u_escape (sc);
                    }
                  if (low < 0xdc00 || low > 0xdfff)
                    return FAIL_AT (sc, IMPACT_ERROR_PARSE, e_line, e_column, NULL,
                                    "syntax error: \\u%04X is a high surrogate without a low surrogate after it",
                                    (guint) unit);
                  ch = 0x10000 + (((gunichar) unit - 0xd800) << 10) + ((gunichar) low - 0xdc00);
                }
              g_string_append_unichar (sc->buf, ch);
            }
          else
            {
              return FAIL_AT (sc, IMPACT_ERROR_PARSE, e_line, e_column, NULL,
                              "syntax error: invalid escape '\\%.*s' in a string",
                              (int) (g_utf8_next_char (sc->data + sc->offset) - (sc->data + sc->offset)),
                              sc->data + sc->offset);
            }
          if (sc->buf->len > IMPACT_JSON_MAX_STRING)
            goto too_long;
        }
      else /* c < 0x20 */
        {
          if (c == '\n')
            return FAIL (sc, "syntax error: line break in a string (write \\n, or is a '\"' missing?)");
          if (c == '\t')
            return FAIL (sc, "syntax error: tab character in a string (write \\t)");
          return FAIL (sc, "syntax error: control character U+%04X in a string", (guint) c);
        }
    }

too_long:
  {
    g_autofree char *path = scanner_path (sc, n_frames);

    return FAIL_AT (sc, IMPACT_ERROR_TOO_LARGE, line, column, path,
                    "string longer than %u bytes", (guint) IMPACT_JSON_MAX_STRING);
  }
}

/* Reads the number at the offset strictly into a new node. */
static gboolean
scan_number (Scanner   *sc,
             JsonNode **out,
             guint32   *flags)
{
  const char *p = sc->data;
  gsize begin = sc->offset, i = sc->offset, int_start, n_int_digits;
  gboolean negative = FALSE, is_integer = TRUE;
  char stack_copy[64];
  char *copy;

  *flags = 0;
  if (p[i] == '-')
    {
      negative = TRUE;
      i++;
    }
  int_start = i;
  if (i < sc->length && p[i] == '0')
    i++;
  else if (i < sc->length && p[i] >= '1' && p[i] <= '9')
    while (i < sc->length && g_ascii_isdigit (p[i]))
      i++;
  else
    goto invalid;
  n_int_digits = i - int_start;

  if (i < sc->length && p[i] == '.')
    {
      is_integer = FALSE;
      i++;
      if (i >= sc->length || !g_ascii_isdigit (p[i]))
        goto invalid;
      while (i < sc->length && g_ascii_isdigit (p[i]))
        i++;
    }
  if (i < sc->length && (p[i] == 'e' || p[i] == 'E'))
    {
      is_integer = FALSE;
      i++;
      if (i < sc->length && (p[i] == '+' || p[i] == '-'))
        i++;
      if (i >= sc->length || !g_ascii_isdigit (p[i]))
        goto invalid;
      while (i < sc->length && g_ascii_isdigit (p[i]))
        i++;
    }
  /* "01", "1x": the number must end at a delimiter */
  if (i < sc->length && (g_ascii_isalnum (p[i]) || p[i] == '.' || p[i] == '_'))
    goto invalid;

  /* a NUL-terminated copy for strtod (the text is not terminated) */
  copy = i - begin < sizeof stack_copy ? stack_copy : g_malloc (i - begin + 1);
  memcpy (copy, p + begin, i - begin);
  copy[i - begin] = '\0';

  *out = json_node_alloc ();
  if (is_integer)
    {
      const char *limit = negative ? "9223372036854775808" : "9223372036854775807";

      if (n_int_digits > 19 || (n_int_digits == 19 && strncmp (p + int_start, limit, 19) > 0))
        {
          *flags |= IMPACT_SOURCE_SPAN_INT_OVERFLOW;
          json_node_init_int (*out, 0);
        }
      else
        {
          json_node_init_int (*out, g_ascii_strtoll (copy, NULL, 10));
        }
    }
  else
    {
      json_node_init_double (*out, g_ascii_strtod (copy, NULL));
    }
  if (copy != stack_copy)
    g_free (copy);

  advance_n (sc, i - sc->offset);
  return TRUE;

invalid:
  {
    gsize end = begin + 1;

    while (end < sc->length && end - begin < 40 &&
           (g_ascii_isalnum (p[end]) || strchr ("+-._", p[end]) != NULL))
      end++;
    return FAIL (sc, "syntax error: invalid number '%.*s'", (int) (end - begin), p + begin);
  }
}

/* Values */

/* A value starts here: its span, listed with its parent's children */
static guint
span_begin (Scanner *sc)
{
  ImpactSourceSpan span = { 0 };
  Frame *top = top_frame (sc);
  guint index = sc->map->spans->len;

  span.line = sc->line;
  span.column = sc->column + 1;
  span.start = sc->offset;
  span.lead_start = span.key_start = sc->offset;
  if (top != NULL)
    {
      span.lead_start = top->lead_start;
      if (top->kind == '{')
        {
          span.key_start = top->key_start;
          span.key_line = top->key_line;
          span.key_column = top->key_column;
        }
      g_array_append_val (sc->pending, index);
      if (top->kind == '[')
        top->children_mark = sc->map->children->len;
    }
  g_array_append_val (sc->map->spans, span);
  return index;
}

static ImpactSourceSpan *
span_at (Scanner *sc,
         guint    index)
{
  return &g_array_index (sc->map->spans, ImpactSourceSpan, index);
}

/* Puts @node (owned) in its parent, or makes it the root. */
static gboolean
attach (Scanner  *sc,
        JsonNode *node,
        guint     span)
{
  Frame *top = top_frame (sc);

  if (span >= sc->map->nodes->len)
    g_ptr_array_set_size (sc->map->nodes, (gint) span + 1);
  g_ptr_array_index (sc->map->nodes, span) = node;
  if (top == NULL)
    {
      sc->map->root = node;
    }
  else if (top->kind == '[')
    {
      json_array_add_element (json_node_get_array (top->node), node);
    }
  else
    {
      JsonObject *object = json_node_get_object (top->node);
      JsonNode *old = json_object_get_member (object, top->key);

      if (old != NULL)
        {
          g_autofree char *path = scanner_path (sc, sc->stack->len - 1);
          g_autofree char *quoted = impact_json_quote (top->key, 60);

          /* the replaced node keeps its place in the map */
          g_ptr_array_add (sc->map->shadowed, json_node_ref (old));
          scanner_report (sc, IMPACT_SEVERITY_WARNING, IMPACT_ERROR_INVALID_VALUE,
                          top->key_line, top->key_column, path,
                          "duplicate member %s; only the last one is used", quoted);
          if (++sc->n_duplicates > MAX_DUPLICATES)
            {
              json_object_set_member (object, top->key, node);
              return FAIL_AT (sc, IMPACT_ERROR_TOO_LARGE, top->key_line, top->key_column, path,
                              "more than %u duplicate member names", (guint) MAX_DUPLICATES);
            }
        }
      json_object_set_member (object, top->key, node);
    }
  return TRUE;
}

/* A streamed scan: element @span, just complete, of the array @top (a
 * member of the top-level object) goes to the callback; if it takes it,
 * the element leaves the array, and its spans (it began last: they are
 * the map's last ones), their children and its place among the array's
 * pending children leave the map. */
static void
offer_element (Scanner *sc,
               Frame   *top,
               guint    span)
{
  const Frame *root = &g_array_index (sc->stack, Frame, 0);
  JsonArray *array = json_node_get_array (top->node);
  guint n = json_array_get_length (array);

  g_assert (n > 0 && top->n_items > 0);
  if (!sc->element (sc->user_data, root->key, top->n_items - 1,
                    json_array_get_element (array, n - 1)))
    return;
  json_array_remove_element (array, n - 1);
  g_array_set_size (sc->map->spans, span);
  if (sc->map->nodes->len > span)
    g_ptr_array_set_size (sc->map->nodes, (gint) span);
  g_array_set_size (sc->map->children, top->children_mark);
  g_array_set_size (sc->pending, sc->pending->len - 1);
  top->last_child = -1;
}

/* A value ended at the offset. */
static void
value_done (Scanner   *sc,
            guint      span,
            ScanState *state)
{
  Frame *top = top_frame (sc);

  span_at (sc, span)->end = sc->offset;
  if (top == NULL)
    {
      span_at (sc, span)->trail_end = sc->offset;
      *state = WANT_END;
      return;
    }
  top->last_child = span;
  *state = WANT_SEPARATOR;
  if (sc->element != NULL && top->kind == '[' && sc->stack->len == 2 &&
      g_array_index (sc->stack, Frame, 0).kind == '{')
    offer_element (sc, top, span);
}

static gboolean
open_container (Scanner   *sc,
                char       kind,
                ScanState *state)
{
  Frame frame = { 0 };
  guint span;
  JsonNode *node;

  if (sc->stack->len >= IMPACT_JSON_MAX_DEPTH)
    return FAIL_AT (sc, IMPACT_ERROR_TOO_LARGE, sc->line, sc->column + 1, NULL,
                    "nesting deeper than %u levels of arrays and objects",
                    (guint) IMPACT_JSON_MAX_DEPTH);
  span = span_begin (sc);
  node = json_node_alloc ();
  if (kind == '{')
    json_node_take_object (json_node_init (node, JSON_NODE_OBJECT), json_object_new ());
  else
    json_node_take_array (json_node_init (node, JSON_NODE_ARRAY), json_array_new ());
  if (!attach (sc, node, span))
    return FALSE;

  frame.kind = kind;
  frame.span = span;
  frame.node = node;
  frame.child_base = sc->pending->len;
  frame.last_child = -1;
  advance (sc);
  frame.lead_start = sc->offset;
  g_array_append_val (sc->stack, frame);
  *state = kind == '{' ? WANT_KEY_OR_CLOSE : WANT_VALUE_OR_CLOSE;
  return TRUE;
}

/* The closing bracket is at the offset. */
static void
close_container (Scanner   *sc,
                 ScanState *state)
{
  Frame *top = top_frame (sc);
  guint span = top->span;
  guint n = sc->pending->len - top->child_base;
  ImpactSourceSpan *s;

  if (top->last_child >= 0)
    span_at (sc, (guint) top->last_child)->trail_end = sc->offset;
  s = span_at (sc, span);
  s->first_child = sc->map->children->len;
  s->n_children = n;
  if (n > 0)
    g_array_append_vals (sc->map->children,
                         &g_array_index (sc->pending, guint, top->child_base), n);
  g_array_set_size (sc->pending, top->child_base);
  g_free (top->key);
  g_array_set_size (sc->stack, sc->stack->len - 1);
  advance (sc);
  value_done (sc, span, state);
}

static gboolean
count_item (Scanner *sc,
            Frame   *top)
{
  if (++top->n_items > IMPACT_JSON_MAX_ITEMS)
    {
      g_autofree char *path = scanner_path (sc, sc->stack->len - 1);
      const ImpactSourceSpan *open = span_at (sc, top->span);

      return FAIL_AT (sc, IMPACT_ERROR_TOO_LARGE, open->line, open->column, path,
                      "%s with more than %u %s", top->kind == '{' ? "object" : "array",
                      (guint) IMPACT_JSON_MAX_ITEMS, top->kind == '{' ? "members" : "elements");
    }
  return TRUE;
}

static gboolean
scan_value (Scanner   *sc,
            char       c,
            ScanState *state)
{
  Frame *top = top_frame (sc);
  JsonNode *node = NULL;
  guint32 flags = 0;
  guint span;

  if (top != NULL && top->kind == '[' && !count_item (sc, top))
    return FALSE;
  if (c == '{' || c == '[')
    return open_container (sc, c, state);

  if (c == '"')
    {
      span = span_begin (sc);
      if (!scan_string (sc, sc->stack->len))
        return FALSE;
      node = json_node_init_string (json_node_alloc (), sc->buf->str);
    }
  else if (c == '-' || g_ascii_isdigit (c))
    {
      span = span_begin (sc);
      if (!scan_number (sc, &node, &flags))
        return FALSE;
      span_at (sc, span)->flags = flags;
      if (flags & IMPACT_SOURCE_SPAN_INT_OVERFLOW)
        sc->map->n_int_overflows++;
    }
  else if (g_ascii_isalpha (c))
    {
      const char *p = sc->data + sc->offset;
      gsize n = 0;

      while (sc->offset + n < sc->length && g_ascii_isalnum (p[n]))
        n++;
      if (n == 4 && memcmp (p, "true", 4) == 0)
        node = json_node_init_boolean (json_node_alloc (), TRUE);
      else if (n == 5 && memcmp (p, "false", 5) == 0)
        node = json_node_init_boolean (json_node_alloc (), FALSE);
      else if (n == 4 && memcmp (p, "null", 4) == 0)
        node = json_node_init_null (json_node_alloc ());
      else
        return unexpected (sc, "a value");
      span = span_begin (sc);
      advance_n (sc, n);
    }
  else
    {
      return unexpected (sc, "a value");
    }

  if (!attach (sc, node, span))
    return FALSE;
  value_done (sc, span, state);
  return TRUE;
}

static gboolean
scanner_run (Scanner *sc)
{
  ScanState state = WANT_VALUE;
  guint comma_line = 0, comma_column = 0;

  for (;;)
    {
      Frame *top;
      char c;

      skip_space (sc);
      top = top_frame (sc);

      if (at_end (sc))
        {
          switch (state)
            {
            case WANT_END:
              return TRUE;
            case WANT_VALUE:
            case WANT_VALUE_OR_CLOSE:
              return unexpected (sc, "a value");
            case WANT_KEY:
            case WANT_KEY_OR_CLOSE:
              return unexpected (sc, "a member name in double quotes");
            case WANT_COLON:
              return unexpected (sc, "':'");
            case WANT_SEPARATOR:
            default:
              return unexpected (sc, top->kind == '{' ? "',' or '}'" : "',' or ']'");
            }
        }

      c = sc->data[sc->offset];

      switch (state)
        {
        case WANT_VALUE:
        case WANT_VALUE_OR_CLOSE:
          if (c == ']' && top != NULL && top->kind == '[')
            {
              if (state == WANT_VALUE)
                return FAIL_AT (sc, IMPACT_ERROR_PARSE, comma_line, comma_column, NULL,
                                "syntax error: trailing comma before ']'");
              close_container (sc, &state);
              break;
            }
          if (!scan_value (sc, c, &state))
            return FALSE;
          break;

        case WANT_KEY:
        case WANT_KEY_OR_CLOSE:
          if (c == '}')
            {
              if (state == WANT_KEY)
                return FAIL_AT (sc, IMPACT_ERROR_PARSE, comma_line, comma_column, NULL,
                                "syntax error: trailing comma before '}'");
              close_container (sc, &state);
            }
          else if (c == '"')
            {
              guint32 key_line = sc->line, key_column = sc->column + 1;
              gsize key_start = sc->offset;

              if (!count_item (sc, top))
                return FALSE;
              g_clear_pointer (&top->key, g_free);
              if (!scan_string (sc, sc->stack->len - 1))
                return FALSE;
              top->key = g_strndup (sc->buf->str, sc->buf->len);
              top->key_line = key_line;
              top->key_column = key_column;
              top->key_start = key_start;
              state = WANT_COLON;
            }
          else
            {
              return unexpected (sc, "a member name in double quotes");
            }
          break;

        case WANT_COLON:
          if (c != ':')
            return unexpected (sc, "':' after the member name");
          advance (sc);
          state = WANT_VALUE;
          break;

        case WANT_SEPARATOR:
          if (c == ',')
            {
              if (top->last_child >= 0)
                span_at (sc, (guint) top->last_child)->trail_end = sc->offset;
              comma_line = sc->line;
              comma_column = sc->column + 1;
              advance (sc);
              top->lead_start = sc->offset;
              state = top->kind == '{' ? WANT_KEY : WANT_VALUE;
            }
          else if ((c == '}' && top->kind == '{') || (c == ']' && top->kind == '['))
            {
              close_container (sc, &state);
            }
          else if (c == '"' || c == '{' || c == '[' || c == '-' || g_ascii_isalnum (c))
            {
              return FAIL (sc, "syntax error: missing ',' before this %s",
                           top->kind == '{' ? "member" : "element");
            }
          else
            {
              return unexpected (sc, top->kind == '{' ? "',' or '}'" : "',' or ']'");
            }
          break;

        case WANT_END:
        default:
          return unexpected (sc, "the end of the file after the top-level value");
        }
    }
}

/* Line and column (in characters) of byte @offset, counted from @start. */
static void
position_of_offset (const char *data,
                    gsize       start,
                    gsize       offset,
                    guint      *line,
                    guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = start; i < offset; i++)
    {
      guchar c = data[i];

      if (c == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if ((c & 0xc0) != 0x80)
        {
          (*column)++;
        }
    }
}

static ImpactSourceMap *
scan_text (GBytes                *text,
           ImpactJsonScanReport   report,
           ImpactJsonScanElement  element,
           gpointer               user_data)
{
  g_autoptr(ImpactSourceMap) map = NULL;
  Scanner sc = { 0 };
  gsize size = 0, start;
  const char *data;
  const char *nul, *bad = NULL;
  guint line, column;
  gboolean ok;

  g_return_val_if_fail (text != NULL, NULL);

  data = g_bytes_get_data (text, &size);
  map = impact_source_map_new_empty (text);
  sc.map = map;
  sc.report = report;
  sc.element = element;
  sc.user_data = user_data;
  sc.line = 1;

  if (size > IMPACT_JSON_MAX_FILE_SIZE)
    {
      scanner_report (&sc, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_TOO_LARGE, 0, 0, NULL,
                      "the file is too large (%" G_GSIZE_FORMAT " bytes; the limit is %u bytes)",
                      size, (guint) IMPACT_JSON_MAX_FILE_SIZE);
      return NULL;
    }
  /* GBytes may hold no data at all for an empty text */
  if (data == NULL || size == 0)
    {
      scanner_report (&sc, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_PARSE, 0, 0, NULL, "the file is empty");
      return NULL;
    }
  /* A byte order mark is harmless: skip it (columns count from after it);
   * the text keeps it, so that saving keeps it too */
  start = map->has_bom ? 3 : 0;
  nul = size > start ? memchr (data + start, '\0', size - start) : NULL;
  if (!g_utf8_validate_len (data + start, (nul ? (gsize) (nul - data) : size) - start, &bad))
    {
      position_of_offset (data, start, (gsize) (bad - data), &line, &column);
      scanner_report (&sc, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_PARSE, line, column, NULL,
                      "invalid UTF-8 (byte 0x%02X); save the file as UTF-8", (guint) (guchar) *bad);
      return NULL;
    }
  if (nul != NULL)
    {
      position_of_offset (data, start, (gsize) (nul - data), &line, &column);
      scanner_report (&sc, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_PARSE, line, column, NULL,
                      "NUL byte in the data; this is not a JSON text file");
      return NULL;
    }

  sc.data = data;
  sc.length = size;
  sc.offset = start;
  sc.stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  sc.pending = g_array_new (FALSE, FALSE, sizeof (guint));
  sc.buf = g_string_new (NULL);

  skip_space (&sc);
  if (at_end (&sc))
    {
      scanner_report (&sc, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_PARSE, 0, 0, NULL, "the file is empty");
      ok = FALSE;
    }
  else
    {
      ok = scanner_run (&sc);
    }

  for (guint i = 0; i < sc.stack->len; i++)
    g_free (g_array_index (sc.stack, Frame, i).key);
  g_array_unref (sc.stack);
  g_array_unref (sc.pending);
  g_string_free (sc.buf, TRUE);
  if (!ok)
    return NULL;
  return g_steal_pointer (&map);
}

ImpactSourceMap *
impact_json_scan (GBytes               *text,
                  ImpactJsonScanReport  report,
                  gpointer              user_data)
{
  return scan_text (text, report, NULL, user_data);
}

ImpactSourceMap *
impact_json_scan_streamed (GBytes                *text,
                           ImpactJsonScanReport   report,
                           ImpactJsonScanElement  element,
                           gpointer               user_data)
{
  g_return_val_if_fail (element != NULL, NULL);

  return scan_text (text, report, element, user_data);
}
