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
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-json-loader"

#include <math.h>
#include <string.h>

#include "impact-emphasis.h"
#include "impact-error.h"
#include "impact-json-loader.h"

/* Longest value quoted back in a message, in characters */
#define MAX_QUOTED_CHARS 60
/* Values with a larger magnitude are refused in statistics */
#define MAX_STATISTIC_VALUE 1e15
#define MAX_DECIMALS 6

typedef struct
{
  guint32 line;        /* 1-based; 0 when unknown */
  guint32 column;      /* 1-based, in characters */
  guint32 key_line;    /* the member name, for members; else 0 */
  guint32 key_column;
  guint32 flags;
} Position;

enum
{
  POSITION_INT_OVERFLOW = 1 << 0,  /* an integer literal outside gint64 */
};

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

typedef struct
{
  GArray     *pending;      /* of Pending */
  GArray     *positions;    /* of Position, in the order values end */
  GHashTable *node_index;   /* JsonNode* -> index in positions + 1 */
  guint       n_signalled;
  Position    root_position;
  JsonParser *parser;
} Loader;

/* One open object or array during the pre-scan */
typedef struct
{
  char        kind;        /* '{' or '[' */
  guint       n_items;
  Position    position;    /* where the container starts (and its name) */
  gsize       key_start;   /* raw bytes of the current member name */
  gsize       key_end;
  GHashTable *keys;        /* member names seen so far, created lazily */
} Frame;

typedef struct
{
  Loader     *loader;
  const char *data;
  gsize       length;
  gsize       offset;
  guint       line;
  guint       column;      /* characters consumed on the current line */
  GArray     *stack;       /* of Frame */
  Position    pending_key; /* the name of the member whose value is next */
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

/* An object being validated */
typedef struct
{
  Loader     *loader;
  JsonNode   *node;
  JsonObject *object;
  const char *path;        /* "" for the root */
} ObjectCtx;

typedef enum
{
  STRING_REQUIRED = 1 << 0,
  STRING_RICH     = 1 << 1,
} StringFlags;

static const char * const icon_names[] = {
  "check", "scales", "heart", "pillar", "people",
  "shield", "book", "home", "star", "globe", NULL
};

static const char * const root_keys[] = {
  "format", "language", "office", "title", "subtitle", "organisation",
  "theme", "problem", "statistics_heading", "statistics", "facts_heading",
  "facts", "quote", "approach_heading", "approach", "milestones_heading",
  "milestones", "eras", "profile", "footer", NULL
};
static const char * const organisation_keys[] = {
  "name", "short_name", "website", "address", "phone", "fax", "email",
  "logo", "logo_alt", NULL
};
static const char * const theme_keys[] = {
  "template", "primary", "accent", "text", "background", "heading_font",
  "body_font", NULL
};
static const char * const problem_keys[] = { "kicker", "heading", "body", NULL };
static const char * const statistic_keys[] = {
  "value", "decimals", "prefix", "suffix", "qualifier", "scale", "label", "derive",
  "icon", "source", NULL
};
static const char * const source_keys[] = { "title", "url", NULL };
static const char * const derive_keys[] = { "metric", "since", "base", NULL };
static const char * const fact_keys[] = { "text", "source", NULL };
static const char * const quote_keys[] = { "text", "attribution", "role", "pseudonym", NULL };
static const char * const pillar_keys[] = { "lead", "text", "icon", NULL };
static const char * const milestone_keys[] = {
  "date", "title", "description", "category", "metrics", "highlight", NULL
};
static const char * const era_keys[] = { "start", "end", "title", "category", NULL };
static const char * const profile_keys[] = {
  "name", "role", "biography", "photo", "photo_alt", NULL
};
static const char * const footer_keys[] = { "about", "disclaimer", "copyright", NULL };

static const Position unknown_position = { 0 };

/* Helpers */

static void
pending_clear (gpointer data)
{
  Pending *pending = data;

  g_free (pending->path);
  g_free (pending->message);
}

static void
frame_clear (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->keys, g_hash_table_unref);
}

static void
loader_init (Loader *self)
{
  memset (self, 0, sizeof *self);
  self->pending = g_array_new (FALSE, TRUE, sizeof (Pending));
  g_array_set_clear_func (self->pending, pending_clear);
  self->positions = g_array_new (FALSE, TRUE, sizeof (Position));
  self->node_index = g_hash_table_new (NULL, NULL);
}

static void
loader_clear (Loader *self)
{
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->positions, g_array_unref);
  g_clear_pointer (&self->node_index, g_hash_table_unref);
  g_clear_object (&self->parser);
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
  GString *out = g_string_new ("\"");
  guint n_chars = 0;

  for (const char *p = value; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars++ == MAX_QUOTED_CHARS)
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
      else if (c < 0x20 || c == 0x7f)
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

/* Appends ".name" (or "name" at the start), or ["name"] when the name is
 * not a plain identifier. */
static void
path_append_member (GString    *path,
                    const char *name,
                    gsize       length)
{
  if (is_identifier (name, length))
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append_len (path, name, length);
    }
  else
    {
      g_autofree char *copy = g_strndup (name, length);
      g_autofree char *quoted = quote_value (copy);

      g_string_append_printf (path, "[%s]", quoted);
    }
}

static char *
path_member (const char *parent,
             const char *name)
{
  GString *path = g_string_new (parent);

  path_append_member (path, name, strlen (name));
  return g_string_free (path, FALSE);
}

static char *
path_element (const char *parent,
              guint       index)
{
  return g_strdup_printf ("%s[%u]", parent, index);
}

/* Pre-scan */

static gboolean
scanner_at_end (Scanner *sc)
{
  return sc->offset >= sc->length;
}

static void
scanner_advance (Scanner *sc)
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

static Position
scanner_position (Scanner *sc)
{
  Position pos = { 0 };

  pos.line = sc->line;
  pos.column = sc->column + 1;
  return pos;
}

static void
scanner_skip_space (Scanner *sc)
{
  while (!scanner_at_end (sc))
    {
      char c = sc->data[sc->offset];

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      scanner_advance (sc);
    }
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
        path_append_member (path, sc->data + frame->key_start,
                            frame->key_end - frame->key_start);
      else
        g_string_append_printf (path, "[%u]", frame->n_items > 0 ? frame->n_items - 1 : 0);
    }
  return g_string_free (path, FALSE);
}

static gboolean scanner_fail (Scanner        *sc,
                              ImpactError     code,
                              Position        pos,
                              const char     *path,
                              const char     *format,
                              ...) G_GNUC_PRINTF (5, 6);

static gboolean
scanner_fail (Scanner        *sc,
              ImpactError     code,
              Position        pos,
              const char     *path,
              const char     *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  loader_report (sc->loader, IMPACT_SEVERITY_ERROR, code, pos.line, pos.column,
                 path, "%s", message);
  return FALSE;
}

/* Describes the token at the current offset: "character '}'", "word 'tru'",
 * "string", "number", "end of the file". */
static char *
scanner_describe_token (Scanner *sc)
{
  const char *p = sc->data + sc->offset;
  gsize n = 0;

  if (scanner_at_end (sc))
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
  return g_strdup_printf ("character '%.*s'",
                          (int) (g_utf8_next_char (p) - p), p);
}

static gboolean
scanner_unexpected (Scanner    *sc,
                    const char *expected)
{
  const char *p = sc->data + sc->offset;
  g_autofree char *what = NULL;

  if (!scanner_at_end (sc) && *p == '/' && sc->offset + 1 < sc->length &&
      (p[1] == '/' || p[1] == '*'))
    return scanner_fail (sc, IMPACT_ERROR_PARSE, scanner_position (sc), NULL,
                         "syntax error: comments are not allowed in JSON");
  if (!scanner_at_end (sc) && *p == '\'')
    return scanner_fail (sc, IMPACT_ERROR_PARSE, scanner_position (sc), NULL,
                         "syntax error: single quotes are not allowed; strings and "
                         "member names must be in double quotes");

  if (scanner_at_end (sc) && sc->stack->len > 0)
    {
      const Frame *frame = &g_array_index (sc->stack, Frame, sc->stack->len - 1);

      return scanner_fail (sc, IMPACT_ERROR_PARSE, scanner_position (sc), NULL,
                           "syntax error: unexpected end of the file, expected %s; "
                           "the '%c' on line %u, column %u is never closed",
                           expected, frame->kind, frame->position.line,
                           frame->position.column);
    }

  what = scanner_describe_token (sc);
  return scanner_fail (sc, IMPACT_ERROR_PARSE, scanner_position (sc), NULL,
                       "syntax error: unexpected %s, expected %s", what, expected);
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

/* Reads the 4 hex digits after "\u" at the current offset (which is on the
 * 'u'); returns -1 when they are not there. */
static int
scanner_read_u_escape (Scanner *sc)
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
  for (int i = 0; i < 5; i++)
    scanner_advance (sc);
  return value;
}

/* Scans a string at the current offset (on its opening quote). @n_frames is
 * how many frames lead to it, for the path in a message. */
static gboolean
scanner_scan_string (Scanner *sc,
                     guint    n_frames)
{
  Position start = scanner_position (sc);
  gsize decoded = 0;

  scanner_advance (sc);
  for (;;)
    {
      guchar c;

      if (scanner_at_end (sc))
        return scanner_fail (sc, IMPACT_ERROR_PARSE, start, NULL,
                             "syntax error: unterminated string");

      c = sc->data[sc->offset];
      if (c == '"')
        {
          scanner_advance (sc);
          return TRUE;
        }
      else if (c == '\\')
        {
          Position escape = scanner_position (sc);

          scanner_advance (sc);
          if (scanner_at_end (sc))
            return scanner_fail (sc, IMPACT_ERROR_PARSE, start, NULL,
                                 "syntax error: unterminated string");
          c = sc->data[sc->offset];
          if (strchr ("\"\\/bfnrt", c) != NULL)
            {
              scanner_advance (sc);
              decoded++;
            }
          else if (c == 'u')
            {
              int unit = scanner_read_u_escape (sc);

              if (unit < 0)
                return scanner_fail (sc, IMPACT_ERROR_PARSE, escape, NULL,
                                     "syntax error: \\u must be followed by 4 hexadecimal digits");
              if (unit == 0)
                return scanner_fail (sc, IMPACT_ERROR_PARSE, escape, NULL,
                                     "syntax error: \\u0000 (a NUL character) is not allowed in strings");
              if (unit >= 0xdc00 && unit <= 0xdfff)
                return scanner_fail (sc, IMPACT_ERROR_PARSE, escape, NULL,
                                     "syntax error: \\u%04X is a low surrogate without a high surrogate before it",
                                     (guint) unit);
              if (unit >= 0xd800 && unit <= 0xdbff)
                {
                  int low = -1;

                  if (sc->length - sc->offset >= 2 && sc->data[sc->offset] == '\\' &&
                      sc->data[sc->offset + 1] == 'u')
                    {
                      scanner_advance (sc);
                      low = scanner_read_u_escape (sc);
                    }
                  if (low < 0xdc00 || low > 0xdfff)
                    return scanner_fail (sc, IMPACT_ERROR_PARSE, escape, NULL,
                                         "syntax error: \\u%04X is a high surrogate without a low surrogate after it",
                                         (guint) unit);
                  decoded += 4;
                }
              else
                {
                  decoded += g_unichar_to_utf8 (unit, NULL);
                }
            }
          else
            {
              return scanner_fail (sc, IMPACT_ERROR_PARSE, escape, NULL,
                                   "syntax error: invalid escape '\\%.*s' in a string",
                                   (int) (g_utf8_next_char (sc->data + sc->offset) -
                                          (sc->data + sc->offset)),
                                   sc->data + sc->offset);
            }
        }
      else if (c < 0x20)
        {
          if (c == '\n')
            return scanner_fail (sc, IMPACT_ERROR_PARSE, scanner_position (sc), NULL,
                                 "syntax error: line break in a string (write \\n, or is a '\"' missing?)");
          if (c == '\t')
            return scanner_fail (sc, IMPACT_ERROR_PARSE, scanner_position (sc), NULL,
                                 "syntax error: tab character in a string (write \\t)");
          return scanner_fail (sc, IMPACT_ERROR_PARSE, scanner_position (sc), NULL,
                               "syntax error: control character U+%04X in a string",
                               (guint) c);
        }
      else
        {
          scanner_advance (sc);
          decoded++;
        }

      if (decoded > IMPACT_LOADER_MAX_STRING)
        {
          g_autofree char *path = scanner_path (sc, n_frames);

          return scanner_fail (sc, IMPACT_ERROR_TOO_LARGE, start, path,
                               "string longer than %u bytes", (guint) IMPACT_LOADER_MAX_STRING);
        }
    }
}

/* Scans a number at the current offset strictly; sets @overflow when it is
 * an integer outside the range of gint64. */
static gboolean
scanner_scan_number (Scanner  *sc,
                     gboolean *overflow)
{
  Position start = scanner_position (sc);
  const char *p = sc->data;
  gsize begin = sc->offset;
  gsize i = sc->offset;
  gsize int_start, n_int_digits;
  gboolean negative = FALSE, is_integer = TRUE;

  *overflow = FALSE;
  if (p[i] == '-')
    {
      negative = TRUE;
      i++;
    }
  int_start = i;
  if (i < sc->length && p[i] == '0')
    {
      i++;
    }
  else if (i < sc->length && p[i] >= '1' && p[i] <= '9')
    {
      while (i < sc->length && g_ascii_isdigit (p[i]))
        i++;
    }
  else
    {
      goto invalid;
    }
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

  if (is_integer)
    {
      const char *limit = negative ? "9223372036854775808" : "9223372036854775807";

      if (n_int_digits > 19 ||
          (n_int_digits == 19 && strncmp (p + int_start, limit, 19) > 0))
        *overflow = TRUE;
    }

  while (sc->offset < i)
    scanner_advance (sc);
  return TRUE;

invalid:
  {
    gsize end = begin + 1;

    while (end < sc->length && end - begin < 40 &&
           (g_ascii_isalnum (p[end]) || strchr ("+-._", p[end]) != NULL))
      end++;
    return scanner_fail (sc, IMPACT_ERROR_PARSE, start, NULL,
                         "syntax error: invalid number '%.*s'",
                         (int) (end - begin), p + begin);
  }
}

/* A value (scalar or container) ended: record where it started. */
static void
scanner_value_done (Scanner   *sc,
                    Position   pos,
                    ScanState *state)
{
  if (sc->stack->len == 0)
    {
      sc->loader->root_position = pos;
      *state = WANT_END;
      return;
    }
  g_array_append_val (sc->loader->positions, pos);
  *state = WANT_SEPARATOR;
}

/* The position of a value about to start: the pending member name, if any. */
static Position
scanner_value_start (Scanner *sc)
{
  Position pos = scanner_position (sc);
  const Frame *top = sc->stack->len > 0
    ? &g_array_index (sc->stack, Frame, sc->stack->len - 1) : NULL;

  if (top != NULL && top->kind == '{')
    {
      pos.key_line = sc->pending_key.line;
      pos.key_column = sc->pending_key.column;
    }
  return pos;
}

static void
scanner_check_duplicate (Scanner *sc,
                         Frame   *frame,
                         Position key_pos)
{
  const char *key = sc->data + frame->key_start;
  gsize key_len = frame->key_end - frame->key_start;
  char *copy;

  if (frame->keys == NULL)
    frame->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  copy = g_strndup (key, key_len);
  if (g_hash_table_contains (frame->keys, copy))
    {
      g_autofree char *path = scanner_path (sc, sc->stack->len - 1);

      loader_report (sc->loader, IMPACT_SEVERITY_WARNING, IMPACT_ERROR_INVALID_VALUE,
                     key_pos.line, key_pos.column, path,
                     "duplicate member \"%s\"; only the last one is used", copy);
      g_free (copy);
      return;
    }
  g_hash_table_add (frame->keys, copy);
}

static gboolean
scanner_run (Scanner *sc)
{
  ScanState state = WANT_VALUE;
  Position comma = { 0 };

  for (;;)
    {
      Frame *top;
      char c;

      scanner_skip_space (sc);
      top = sc->stack->len > 0 ? &g_array_index (sc->stack, Frame, sc->stack->len - 1) : NULL;

      if (scanner_at_end (sc))
        {
          switch (state)
            {
            case WANT_END:
              return TRUE;
            case WANT_VALUE:
            case WANT_VALUE_OR_CLOSE:
              return scanner_unexpected (sc, "a value");
            case WANT_KEY:
            case WANT_KEY_OR_CLOSE:
              return scanner_unexpected (sc, "a member name in double quotes");
            case WANT_COLON:
              return scanner_unexpected (sc, "':'");
            case WANT_SEPARATOR:
            default:
              return scanner_unexpected (sc, top->kind == '{' ? "',' or '}'" : "',' or ']'");
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
                return scanner_fail (sc, IMPACT_ERROR_PARSE, comma, NULL,
                                     "syntax error: trailing comma before ']'");
              /* an empty array */
              {
                Position pos = top->position;

                scanner_advance (sc);
                g_array_set_size (sc->stack, sc->stack->len - 1);
                scanner_value_done (sc, pos, &state);
              }
              break;
            }

          if (top != NULL && top->kind == '[')
            {
              if (++top->n_items > IMPACT_LOADER_MAX_ITEMS)
                {
                  g_autofree char *path = scanner_path (sc, sc->stack->len - 1);

                  return scanner_fail (sc, IMPACT_ERROR_TOO_LARGE, top->position, path,
                                       "array with more than %u elements",
                                       (guint) IMPACT_LOADER_MAX_ITEMS);
                }
            }

          if (c == '{' || c == '[')
            {
              Frame frame = { 0 };

              frame.kind = c;
              frame.position = scanner_value_start (sc);
              if (sc->stack->len >= IMPACT_LOADER_MAX_DEPTH)
                return scanner_fail (sc, IMPACT_ERROR_TOO_LARGE, frame.position, NULL,
                                     "nesting deeper than %u levels of arrays and objects",
                                     (guint) IMPACT_LOADER_MAX_DEPTH);
              scanner_advance (sc);
              g_array_append_val (sc->stack, frame);
              state = c == '{' ? WANT_KEY_OR_CLOSE : WANT_VALUE_OR_CLOSE;
            }
          else if (c == '"')
            {
              Position pos = scanner_value_start (sc);

              if (!scanner_scan_string (sc, sc->stack->len))
                return FALSE;
              scanner_value_done (sc, pos, &state);
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              Position pos = scanner_value_start (sc);
              gboolean overflow;

              if (!scanner_scan_number (sc, &overflow))
                return FALSE;
              if (overflow)
                pos.flags |= POSITION_INT_OVERFLOW;
              scanner_value_done (sc, pos, &state);
            }
          else if (g_ascii_isalpha (c))
            {
              Position pos = scanner_value_start (sc);
              const char *p = sc->data + sc->offset;
              gsize n = 0;

              while (sc->offset + n < sc->length && g_ascii_isalnum (p[n]))
                n++;
              if (!((n == 4 && memcmp (p, "true", 4) == 0) ||
                    (n == 5 && memcmp (p, "false", 5) == 0) ||
                    (n == 4 && memcmp (p, "null", 4) == 0)))
                return scanner_unexpected (sc, "a value");
              for (gsize i = 0; i < n; i++)
                scanner_advance (sc);
              scanner_value_done (sc, pos, &state);
            }
          else
            {
              return scanner_unexpected (sc, "a value");
            }
          break;

        case WANT_KEY:
        case WANT_KEY_OR_CLOSE:
          if (c == '}')
            {
              Position pos = top->position;

              if (state == WANT_KEY)
                return scanner_fail (sc, IMPACT_ERROR_PARSE, comma, NULL,
                                     "syntax error: trailing comma before '}'");
              scanner_advance (sc);
              g_array_set_size (sc->stack, sc->stack->len - 1);
              scanner_value_done (sc, pos, &state);
            }
          else if (c == '"')
            {
              Position key_pos = scanner_position (sc);

              if (++top->n_items > IMPACT_LOADER_MAX_ITEMS)
                {
                  g_autofree char *path = scanner_path (sc, sc->stack->len - 1);

                  return scanner_fail (sc, IMPACT_ERROR_TOO_LARGE, top->position, path,
                                       "object with more than %u members",
                                       (guint) IMPACT_LOADER_MAX_ITEMS);
                }
              top->key_start = sc->offset + 1;
              if (!scanner_scan_string (sc, sc->stack->len - 1))
                return FALSE;
              /* the raw name, between the quotes */
              top->key_end = sc->offset - 1;
              sc->pending_key = key_pos;
              scanner_check_duplicate (sc, top, key_pos);
              state = WANT_COLON;
            }
          else
            {
              return scanner_unexpected (sc, "a member name in double quotes");
            }
          break;

        case WANT_COLON:
          if (c != ':')
            return scanner_unexpected (sc, "':' after the member name");
          scanner_advance (sc);
          state = WANT_VALUE;
          break;

        case WANT_SEPARATOR:
          if (c == ',')
            {
              comma = scanner_position (sc);
              scanner_advance (sc);
              state = top->kind == '{' ? WANT_KEY : WANT_VALUE;
            }
          else if ((c == '}' && top->kind == '{') || (c == ']' && top->kind == '['))
            {
              Position pos = top->position;

              scanner_advance (sc);
              frame_clear (top);
              g_array_set_size (sc->stack, sc->stack->len - 1);
              scanner_value_done (sc, pos, &state);
            }
          else if (c == '"' || c == '{' || c == '[' || c == '-' || g_ascii_isalnum (c))
            {
              return scanner_fail (sc, IMPACT_ERROR_PARSE, scanner_position (sc), NULL,
                                   "syntax error: missing ',' before this %s",
                                   top->kind == '{' ? "member" : "element");
            }
          else
            {
              return scanner_unexpected (sc, top->kind == '{' ? "',' or '}'" : "',' or ']'");
            }
          break;

        case WANT_END:
        default:
          return scanner_unexpected (sc, "the end of the file after the top-level value");
        }
    }
}

/* Line and column (in characters) of byte @offset. */
static Position
position_of_offset (const char *data,
                    gsize       offset)
{
  Position pos = { 1, 1 };

  for (gsize i = 0; i < offset; i++)
    {
      guchar c = data[i];

      if (c == '\n')
        {
          pos.line++;
          pos.column = 1;
        }
      else if ((c & 0xc0) != 0x80)
        {
          pos.column++;
        }
    }
  return pos;
}

/* Checks encoding, syntax and caps. */
static gboolean
prescan (Loader     *loader,
         const char *data,
         gsize       length)
{
  Scanner sc = { 0 };
  const char *nul = memchr (data, '\0', length);
  const char *end = NULL;
  gboolean ok;

  if (!g_utf8_validate_len (data, nul ? (gsize) (nul - data) : length, &end))
    {
      Position pos = position_of_offset (data, end - data);

      loader_report (loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_PARSE,
                     pos.line, pos.column, NULL,
                     "invalid UTF-8 (byte 0x%02X); save the file as UTF-8",
                     (guint) (guchar) *end);
      return FALSE;
    }
  if (nul != NULL)
    {
      Position pos = position_of_offset (data, nul - data);

      loader_report (loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_PARSE,
                     pos.line, pos.column, NULL,
                     "NUL byte in the data; this is not a JSON text file");
      return FALSE;
    }

  sc.loader = loader;
  sc.data = data;
  sc.length = length;
  sc.line = 1;
  sc.stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  g_array_set_clear_func (sc.stack, frame_clear);

  scanner_skip_space (&sc);
  if (scanner_at_end (&sc))
    {
      loader_report (loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_PARSE, 0, 0, NULL,
                     "the file is empty");
      ok = FALSE;
    }
  else
    {
      ok = scanner_run (&sc);
    }

  g_array_unref (sc.stack);
  return ok;
}

/* json-glib errors (only seen if it refuses what the pre-scan accepted) */

static void
report_json_glib_error (Loader       *loader,
                        const GError *error)
{
  const char *msg = error->message;
  guint line = 0, column = 0;
  GString *clean;

  /* "<data>:4:3: Parse error: unexpected character `}', expected …" */
  if (g_str_has_prefix (msg, "<data>:"))
    {
      char *p = (char *) msg + strlen ("<data>:");
      char *q;

      line = (guint) g_ascii_strtoull (p, &q, 10);
      if (*q == ':')
        column = (guint) g_ascii_strtoull (q + 1, &q, 10);
      if (*q == ':')
        q++;
      while (*q == ' ')
        q++;
      msg = q;
    }
  if (g_str_has_prefix (msg, "Parse error: "))
    msg += strlen ("Parse error: ");

  clean = g_string_new ("syntax error: ");
  for (const char *p = msg; *p; p++)
    g_string_append_c (clean, *p == '`' ? '\'' : *p);
  loader_report (loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_PARSE, line, column,
                 NULL, "%s", clean->str);
  g_string_free (clean, TRUE);
}

/* Positions of nodes */

static void
loader_note_node (Loader   *self,
                  JsonNode *node)
{
  guint index = self->n_signalled++;

  if (index >= self->positions->len)
    {
      /* Only if json-glib and the pre-scan disagree: fall back on where
       * the parser is, near the end of the value. */
      Position pos = { 0 };

      pos.line = json_parser_get_current_line (self->parser);
      pos.column = json_parser_get_current_pos (self->parser);
      g_array_append_val (self->positions, pos);
      index = self->positions->len - 1;
    }
  g_hash_table_insert (self->node_index, node, GUINT_TO_POINTER (index + 1));
}

static void
parser_object_member_cb (JsonParser *parser,
                         JsonObject *object,
                         const char *member_name,
                         gpointer    user_data)
{
  loader_note_node (user_data, json_object_get_member (object, member_name));
}

static void
parser_array_element_cb (JsonParser *parser,
                         JsonArray  *array,
                         int         index,
                         gpointer    user_data)
{
  loader_note_node (user_data, json_array_get_element (array, index));
}

static const Position *
node_position (Loader   *self,
               JsonNode *node)
{
  guint index;

  if (node == NULL)
    return &unknown_position;
  if (node == json_parser_get_root (self->parser))
    return &self->root_position;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->node_index, node));
  if (index == 0 || index > self->positions->len)
    return &unknown_position;
  return &g_array_index (self->positions, Position, index - 1);
}

/* Semantic checks */

static void node_report (Loader         *self,
                         ImpactSeverity  severity,
                         ImpactError     code,
                         JsonNode       *node,
                         const char     *path,
                         const char     *format,
                         ...) G_GNUC_PRINTF (6, 7);

static void
node_report (Loader         *self,
             ImpactSeverity  severity,
             ImpactError     code,
             JsonNode       *node,
             const char     *path,
             const char     *format,
             ...)
{
  const Position *pos = node_position (self, node);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  loader_report (self, severity, code, pos->line, pos->column, path, "%s", message);
}

static const char *
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

static void
report_type (Loader     *self,
             JsonNode   *node,
             const char *path,
             const char *expected)
{
  node_report (self, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, path,
               "expected %s, got %s", expected, describe_node (node));
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* The member @name of @o, or NULL; a missing required member is reported. */
static JsonNode *
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
check_rich_text (Loader     *self,
                 JsonNode   *node,
                 const char *path,
                 const char *text)
{
  g_autofree char *plain = NULL;
  gboolean balanced = TRUE;

  plain = impact_emphasis_parse (text, NULL, &balanced);
  if (!balanced)
    node_report (self, IMPACT_SEVERITY_WARNING, IMPACT_ERROR_INVALID_VALUE, node, path,
                 "unclosed ** or * emphasis marker; write \\* for a literal asterisk");
}

/* A string member; NULL when absent or invalid (which is reported). The
 * string belongs to the JSON tree. */
static const char *
ctx_string (ObjectCtx   *o,
            const char  *name,
            StringFlags  flags)
{
  JsonNode *node = ctx_member (o, name, (flags & STRING_REQUIRED) != 0);
  g_autofree char *path = NULL;
  const char *value;

  if (node == NULL)
    return NULL;
  path = path_member (o->path, name);
  if (!node_is_string (node))
    {
      report_type (o->loader, node, path, "a string");
      return NULL;
    }
  value = json_node_get_string (node);
  if ((flags & STRING_REQUIRED) && is_blank (value))
    {
      node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE,
                   node, path, "must not be empty");
      return NULL;
    }
  if (flags & STRING_RICH)
    check_rich_text (o->loader, node, path, value);
  return value;
}

static char *
ctx_dup_string (ObjectCtx   *o,
                const char  *name,
                StringFlags  flags)
{
  return g_strdup (ctx_string (o, name, flags));
}

/* Sets *@out and returns TRUE when the member is present and a boolean. */
static gboolean
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
static gboolean
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
      if (node_position (self, node)->flags & POSITION_INT_OVERFLOW)
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
static void
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

static gboolean
is_web_url (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  const char *scheme, *host;

  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         host != NULL && *host != '\0';
}

static char *
ctx_url (ObjectCtx  *o,
         const char *name)
{
  const char *value = ctx_string (o, name, 0);

  if (value == NULL)
    return NULL;
  if (!is_web_url (value))
    {
      report_expected (o, name, value, "expected an http:// or https:// URL");
      return NULL;
    }
  return g_strdup (value);
}

static char *
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
static char *
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
static gboolean
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
static void
ctx_check_members (ObjectCtx          *o,
                   const char * const *known)
{
  g_autoptr(GList) names = json_object_get_members (o->object);

  for (const GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      const char *suggestion;
      g_autofree char *quoted = NULL;
      const Position *pos;

      if (g_strv_contains (known, name) || g_str_has_prefix (name, "x-") ||
          g_str_has_prefix (name, "$"))
        continue;

      pos = node_position (o->loader, json_object_get_member (o->object, name));
      quoted = quote_value (name);
      suggestion = suggest_key (name, known);
      if (suggestion != NULL)
        loader_report (o->loader, IMPACT_SEVERITY_WARNING, IMPACT_ERROR_INVALID_VALUE,
                       pos->key_line, pos->key_column, o->path,
                       "unknown member %s; did you mean \"%s\"?", quoted, suggestion);
      else
        loader_report (o->loader, IMPACT_SEVERITY_WARNING, IMPACT_ERROR_INVALID_VALUE,
                       pos->key_line, pos->key_column, o->path,
                       "unknown member %s", quoted);
    }
}

/* Fills @child when member @name is present and an object. */
static gboolean
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

static JsonArray *
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
static gboolean
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

static ImpactSource *
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

  if (!ctx_object (root, "organisation", TRUE, &o, &path))
    return;

  org->name = ctx_dup_string (&o, "name", STRING_REQUIRED);
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

static void
load_problem (ObjectCtx      *root,
              ImpactDocument *doc)
{
  ImpactProblem *problem = impact_document_get_problem (doc);
  g_autofree char *path = NULL;
  ObjectCtx o;

  if (!ctx_object (root, "problem", FALSE, &o, &path))
    return;
  problem->kicker = ctx_dup_string (&o, "kicker", 0);
  problem->heading = ctx_dup_string (&o, "heading", 0);
  problem->body = ctx_dup_string (&o, "body", STRING_RICH);
  ctx_check_members (&o, problem_keys);
}

/* The fewest digits after the point, at most 2, that reproduce @value */
static guint
infer_decimals (double value)
{
  for (guint d = 0; d < 2; d++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      const char *format = d == 0 ? "%.0f" : "%.1f";

      /* |value| <= 1e15: "%.1f" needs at most 19 characters */
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        return d;
    }
  return 2;
}

/* "derive": {"metric": "rescued", "since": "2006", "base": 0} */
static void
load_derive (ObjectCtx       *o,
             ImpactStatistic *stat)
{
  g_autofree char *path = NULL;
  const char *metric;
  JsonNode *node;
  ObjectCtx d;

  if (!ctx_object (o, "derive", FALSE, &d, &path))
    return;
  metric = ctx_string (&d, "metric", STRING_REQUIRED);
  ctx_date (&d, "since", FALSE, &stat->derive_since);
  node = ctx_member (&d, "base", FALSE);
  if (node != NULL)
    {
      g_autofree char *base_path = path_member (d.path, "base");
      gint64 base;

      if (node_integer (o->loader, node, base_path, "a non-negative integer", &base))
        {
          if (base < 0)
            node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, base_path,
                         "expected a non-negative integer, got %" G_GINT64_FORMAT, base);
          else if (base > IMPACT_STATISTIC_MAX_VALUE)
            node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, base_path,
                         "out of range; the base must be between 0 and 1e15, got %" G_GINT64_FORMAT,
                         base);
          else
            stat->derive_base = base;
        }
    }
  ctx_check_members (&d, derive_keys);
  stat->derive_metric = g_strdup (metric);
}

static void
load_statistic (ObjectCtx      *o,
                ImpactDocument *doc)
{
  g_autoptr(ImpactStatistic) stat = impact_statistic_new ();
  JsonNode *node;

  stat->json = json_object_ref (o->object);
  load_derive (o, stat);
  node = ctx_member (o, "value", !json_object_has_member (o->object, "derive"));
  stat->value_fixed = node != NULL;
  if (node != NULL)
    {
      g_autofree char *path = path_member (o->path, "value");

      if (!node_is_number (node))
        {
          report_type (o->loader, node, path, "a number");
        }
      else if ((node_position (o->loader, node)->flags & POSITION_INT_OVERFLOW) ||
               !isfinite (json_node_get_double (node)) ||
               fabs (json_node_get_double (node)) > MAX_STATISTIC_VALUE)
        {
          node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, path,
                       "out of range; the value must be between -1e15 and 1e15");
        }
      else
        {
          stat->value = json_node_get_double (node);
          stat->decimals = infer_decimals (stat->value);
        }
    }

  node = ctx_member (o, "decimals", FALSE);
  if (node != NULL)
    {
      g_autofree char *path = path_member (o->path, "decimals");
      gint64 decimals;

      if (node_integer (o->loader, node, path, "an integer", &decimals))
        {
          if (decimals < 0 || decimals > MAX_DECIMALS)
            node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, path,
                         "expected an integer from 0 to %d, got %" G_GINT64_FORMAT,
                         MAX_DECIMALS, decimals);
          else
            stat->decimals = (guint) decimals;
        }
    }

  stat->prefix = ctx_dup_string (o, "prefix", 0);
  stat->suffix = ctx_dup_string (o, "suffix", 0);
  stat->qualifier = ctx_dup_string (o, "qualifier", 0);
  stat->scale = ctx_dup_string (o, "scale", 0);
  stat->label = ctx_dup_string (o, "label", STRING_REQUIRED);
  stat->icon = ctx_icon (o, "icon");
  stat->source = load_source (o, "source");
  ctx_check_members (o, statistic_keys);
  g_ptr_array_add (impact_document_get_statistics (doc), g_steal_pointer (&stat));
}

static void
load_fact (ObjectCtx      *o,
           ImpactDocument *doc)
{
  g_autoptr(ImpactFact) fact = impact_fact_new ();

  fact->json = json_object_ref (o->object);

  fact->text = ctx_dup_string (o, "text", STRING_REQUIRED | STRING_RICH);
  fact->source = load_source (o, "source");
  ctx_check_members (o, fact_keys);
  g_ptr_array_add (impact_document_get_facts (doc), g_steal_pointer (&fact));
}

static void
load_pillar (ObjectCtx      *o,
             ImpactDocument *doc)
{
  g_autoptr(ImpactPillar) pillar = impact_pillar_new ();

  pillar->json = json_object_ref (o->object);

  pillar->lead = ctx_dup_string (o, "lead", STRING_REQUIRED);
  pillar->text = ctx_dup_string (o, "text", STRING_REQUIRED | STRING_RICH);
  pillar->icon = ctx_icon (o, "icon");
  ctx_check_members (o, pillar_keys);
  g_ptr_array_add (impact_document_get_pillars (doc), g_steal_pointer (&pillar));
}

static void
load_milestone (ObjectCtx      *o,
                ImpactDocument *doc)
{
  g_autoptr(ImpactMilestone) milestone = impact_milestone_new ();
  g_autofree char *metrics_path = NULL;
  ObjectCtx metrics;

  milestone->json = json_object_ref (o->object);
  ctx_date (o, "date", TRUE, &milestone->date);
  milestone->title = ctx_dup_string (o, "title", STRING_REQUIRED);
  milestone->description = ctx_dup_string (o, "description", STRING_RICH);
  milestone->category = ctx_dup_string (o, "category", 0);

  if (ctx_object (o, "metrics", FALSE, &metrics, &metrics_path))
    {
      g_autoptr(GList) names = json_object_get_members (metrics.object);

      for (const GList *l = names; l != NULL; l = l->next)
        {
          const char *name = l->data;
          JsonNode *node = json_object_get_member (metrics.object, name);
          g_autofree char *path = path_member (metrics_path, name);
          gint64 value;

          if (!node_integer (o->loader, node, path, "a non-negative integer", &value))
            continue;
          if (value < 0)
            {
              node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, path,
                           "expected a non-negative integer, got %" G_GINT64_FORMAT, value);
              continue;
            }
          if (value > IMPACT_STATISTIC_MAX_VALUE)
            {
              node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, node, path,
                           "out of range; a count must be between 0 and 1e15, got %" G_GINT64_FORMAT,
                           value);
              continue;
            }
          impact_milestone_add_metric (milestone, name, value);
        }
    }

  ctx_boolean (o, "highlight", &milestone->highlight);
  ctx_check_members (o, milestone_keys);
  g_ptr_array_add (impact_document_get_milestones (doc), g_steal_pointer (&milestone));
}

static void
load_era (ObjectCtx      *o,
          ImpactDocument *doc)
{
  g_autoptr(ImpactEra) era = impact_era_new ();
  gboolean have_start, have_end;

  era->json = json_object_ref (o->object);
  have_start = ctx_date (o, "start", TRUE, &era->start);
  have_end = ctx_date (o, "end", TRUE, &era->end);
  if (have_start && have_end)
    {
      double start_begin, end_end;

      /* Partial dates cover a span: "2006" to "2006" is one year, and
       * "2006-07" to "2006" is fine; only an end wholly before the start
       * is wrong. */
      impact_date_get_span (&era->start, &start_begin, NULL);
      impact_date_get_span (&era->end, NULL, &end_end);
      if (end_end <= start_begin)
        {
          g_autofree char *path = path_member (o->path, "end");
          g_autofree char *start = impact_date_to_iso (&era->start);
          g_autofree char *end = impact_date_to_iso (&era->end);

          node_report (o->loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE,
                       json_object_get_member (o->object, "end"), path,
                       "the era ends (%s) before it starts (%s)", end, start);
        }
    }
  era->title = ctx_dup_string (o, "title", STRING_REQUIRED);
  era->category = ctx_dup_string (o, "category", 0);
  ctx_check_members (o, era_keys);
  g_ptr_array_add (impact_document_get_eras (doc), g_steal_pointer (&era));
}

typedef void (*LoadItemFunc) (ObjectCtx      *o,
                              ImpactDocument *doc);

static void
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

static void
load_quote (ObjectCtx      *root,
            ImpactDocument *doc)
{
  g_autofree char *path = NULL;
  ImpactQuote *quote;
  ObjectCtx o;

  if (!ctx_object (root, "quote", FALSE, &o, &path))
    return;
  quote = impact_quote_new ();
  quote->text = ctx_dup_string (&o, "text", STRING_REQUIRED);
  quote->attribution = ctx_dup_string (&o, "attribution", 0);
  quote->role = ctx_dup_string (&o, "role", 0);
  ctx_boolean (&o, "pseudonym", &quote->pseudonym);
  ctx_check_members (&o, quote_keys);
  impact_document_take_quote (doc, quote);
}

static void
load_profile (ObjectCtx      *root,
              ImpactDocument *doc)
{
  g_autofree char *path = NULL;
  ImpactProfile *profile;
  ObjectCtx o;

  if (!ctx_object (root, "profile", FALSE, &o, &path))
    return;
  profile = impact_profile_new ();
  profile->name = ctx_dup_string (&o, "name", STRING_REQUIRED);
  profile->role = ctx_dup_string (&o, "role", 0);
  profile->biography = ctx_dup_string (&o, "biography", STRING_RICH);
  profile->photo = ctx_image (&o, "photo");
  profile->photo_alt = ctx_dup_string (&o, "photo_alt", 0);
  ctx_check_members (&o, profile_keys);
  impact_document_take_profile (doc, profile);
}

static void
load_footer (ObjectCtx      *root,
             ImpactDocument *doc)
{
  ImpactFooter *footer = impact_document_get_footer (doc);
  g_autofree char *path = NULL;
  ObjectCtx o;

  if (!ctx_object (root, "footer", FALSE, &o, &path))
    return;
  footer->about = ctx_dup_string (&o, "about", STRING_RICH);
  footer->disclaimer = ctx_dup_string (&o, "disclaimer", 0);
  footer->copyright = ctx_dup_string (&o, "copyright", 0);
  ctx_check_members (&o, footer_keys);
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

  impact_document_set_office (doc, ctx_string (&root, "office", STRING_REQUIRED));
  impact_document_set_title (doc, ctx_string (&root, "title", 0));
  impact_document_set_subtitle (doc, ctx_string (&root, "subtitle", 0));

  load_organisation (&root, doc);
  load_theme (&root, doc);
  load_problem (&root, doc);

  impact_document_set_statistics_heading (doc, ctx_string (&root, "statistics_heading", 0));
  load_array (&root, "statistics", load_statistic, doc);
  impact_document_set_facts_heading (doc, ctx_string (&root, "facts_heading", 0));
  load_array (&root, "facts", load_fact, doc);
  load_quote (&root, doc);
  impact_document_set_approach_heading (doc, ctx_string (&root, "approach_heading", 0));
  load_array (&root, "approach", load_pillar, doc);
  impact_document_set_milestones_heading (doc, ctx_string (&root, "milestones_heading", 0));
  load_array (&root, "milestones", load_milestone, doc);
  load_array (&root, "eras", load_era, doc);
  load_profile (&root, doc);
  load_footer (&root, doc);

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

/* Public API */

gboolean
impact_json_loader_is_icon_name (const char *name)
{
  return name != NULL && g_strv_contains (icon_names, name);
}

ImpactDocument *
impact_json_loader_load_data (const char         *data,
                              gsize               length,
                              const char         *display_name,
                              GFile              *base_file,
                              ImpactDiagnostics  *diagnostics,
                              GError            **error)
{
  g_autoptr(ImpactDocument) doc = NULL;
  g_autoptr(GError) parse_error = NULL;
  Loader loader;
  JsonNode *root;
  const char *original_data;
  gsize original_length;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (base_file == NULL || G_IS_FILE (base_file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = "<data>";

  loader_init (&loader);

  if (length > IMPACT_LOADER_MAX_FILE_SIZE)
    {
      loader_report (&loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_TOO_LARGE, 0, 0, NULL,
                     "the file is too large (%" G_GSIZE_FORMAT " bytes; the limit is %u bytes)",
                     length, (guint) IMPACT_LOADER_MAX_FILE_SIZE);
      goto out;
    }
  if (length == 0)
    {
      loader_report (&loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_PARSE, 0, 0, NULL,
                     "the file is empty");
      goto out;
    }

  /* A byte order mark is harmless: skip it (columns then count from it);
   * the source text keeps it, so that saving keeps it too */
  original_data = data;
  original_length = length;
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!prescan (&loader, data, length))
    goto out;

  loader.parser = json_parser_new ();
  g_signal_connect (loader.parser, "object-member",
                    G_CALLBACK (parser_object_member_cb), &loader);
  g_signal_connect (loader.parser, "array-element",
                    G_CALLBACK (parser_array_element_cb), &loader);
  if (!json_parser_load_from_data (loader.parser, data, (gssize) length, &parse_error))
    {
      report_json_glib_error (&loader, parse_error);
      goto out;
    }

  root = json_parser_get_root (loader.parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      node_report (&loader, IMPACT_SEVERITY_ERROR, IMPACT_ERROR_INVALID_VALUE, root, NULL,
                   "expected an object at the top level, got %s",
                   root ? describe_node (root) : "nothing");
      goto out;
    }

  doc = impact_document_new ();
  load_root (&loader, root, doc);
  check_derived (&loader, doc);
  impact_document_set_file (doc, base_file);
  impact_document_set_source_root (doc, root);
  {
    g_autoptr(GBytes) text = g_bytes_new (original_data, original_length);

    impact_document_set_source_text (doc, text);
  }
  /* keep where each node stands, so that warnings found later (layout,
   * preflight) can say where their path is */
  G_STATIC_ASSERT (sizeof (Position) == sizeof (ImpactSourcePosition));
  impact_document_take_positions (doc,
                                  g_steal_pointer (&loader.positions),
                                  g_steal_pointer (&loader.node_index),
                                  (const ImpactSourcePosition *) &loader.root_position);

out:
  ok = loader_finish (&loader, display_name, diagnostics, error);
  loader_clear (&loader);
  if (!ok)
    return NULL;
  return g_steal_pointer (&doc);
}

/* Reads at most IMPACT_LOADER_MAX_FILE_SIZE + 1 bytes, so that a file that
 * grows after the size check cannot make us read it all. */
static GBytes *
read_capped (GFile         *file,
             goffset        size_hint,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  const gsize chunk = 64 * 1024;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  buffer = g_byte_array_sized_new ((guint) CLAMP (size_hint, 0, IMPACT_LOADER_MAX_FILE_SIZE) + 1);
  for (;;)
    {
      gsize old_len = buffer->len;
      gsize n_read = 0;

      if (old_len > IMPACT_LOADER_MAX_FILE_SIZE)
        break;
      g_byte_array_set_size (buffer, old_len + chunk);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer->data + old_len, chunk,
                                    &n_read, cancellable, error))
        return NULL;
      g_byte_array_set_size (buffer, old_len + n_read);
      if (n_read < chunk)
        break;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

ImpactDocument *
impact_json_loader_load_file (GFile              *file,
                              ImpactDiagnostics  *diagnostics,
                              GCancellable       *cancellable,
                              GError            **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  goffset size = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (file);
  if (name == NULL)
    name = g_file_get_parse_name (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    size = g_file_info_get_size (info);

  if (size > IMPACT_LOADER_MAX_FILE_SIZE)
    {
      g_autoptr(ImpactDiagnostics) found = impact_diagnostics_new ();
      const ImpactDiagnostic *diag;
      g_autofree char *message = NULL;

      impact_diagnostics_add (found, IMPACT_SEVERITY_ERROR, name, 0, 0, NULL,
                              "the file is too large (%" G_GOFFSET_FORMAT " bytes; the limit is %u bytes)",
                              size, (guint) IMPACT_LOADER_MAX_FILE_SIZE);
      diag = impact_diagnostics_get_item (found, 0);
      message = impact_diagnostic_to_string (diag);
      if (diagnostics != NULL)
        impact_diagnostics_extend (diagnostics, found);
      g_set_error_literal (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE, message);
      return NULL;
    }

  bytes = read_capped (file, size, cancellable, error);
  if (bytes == NULL)
    return NULL;

  return impact_json_loader_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                       name, file, diagnostics, error);
}
