/* impact-timelinejs.c
 *
 * Written from the TimelineJS 3 JSON format description only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-timelinejs"

#include "config.h"

#include <math.h>
#include <string.h>

#include "impact-error.h"
#include "impact-json-loader.h"
#include "impact-output.h"
#include "impact-timelinejs.h"

/* HTML → text */

static gboolean
tag_is (const char *name,
        gsize       len,
        const char *want)
{
  return strlen (want) == len && g_ascii_strncasecmp (name, want, len) == 0;
}

static gboolean
tag_breaks (const char *name,
            gsize       len)
{
  static const char *blocks[] = { "br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4",
                                  "h5", "h6", "tr", "td", "th", "blockquote", "hr", "section" };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (tag_is (name, len, blocks[i]))
      return TRUE;
  return FALSE;
}

/* Decodes one entity at @p (after '&'); returns the bytes consumed after
 * the '&', or 0 when it is not an entity (the '&' is then literal). */
static gsize
decode_entity (const char *p,
               GString    *out)
{
  static const struct { const char *name; gunichar ch; } named[] = {
    { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
    { "nbsp", ' ' }, { "ndash", 0x2013 }, { "mdash", 0x2014 }, { "hellip", 0x2026 },
    { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "ldquo", 0x201C }, { "rdquo", 0x201D },
    { "copy", 0x00A9 }, { "eacute", 0x00E9 }, { "middot", 0x00B7 },
  };
  const char *semi = NULL;
  gsize len;

  for (gsize i = 0; i < 12 && p[i]; i++)
    if (p[i] == ';')
      {
        semi = p + i;
        break;
      }
  if (semi == NULL || semi == p)
    return 0;
  len = semi - p;
  if (p[0] == '#')
    {
      gunichar ch;
      char *end = NULL;
      g_autofree char *num = g_strndup (p + 1, len - 1);

      if (num[0] == 'x' || num[0] == 'X')
        ch = (gunichar) g_ascii_strtoull (num + 1, &end, 16);
      else
        ch = (gunichar) g_ascii_strtoull (num, &end, 10);
      if (end == NULL || *end != '\0' || end == num)
        return 0;
      if (ch == 0 || !g_unichar_validate (ch) || (ch < 0x20 && ch != '\t' && ch != '\n') ||
          (ch >= 0x7F && ch < 0xA0))
        ch = 0xFFFD;
      if (ch == '\t' || ch == '\n')
        ch = ' ';
      g_string_append_unichar (out, ch);
      return len + 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (strlen (named[i].name) == len && strncmp (p, named[i].name, len) == 0)
      {
        g_string_append_unichar (out, named[i].ch);
        return len + 1;
      }
  return 0;
}

/* Code points never kept in text: C0 controls, DEL and C1 controls
 * (U+0080 to U+009F, which terminals take as escapes) */
static gboolean
is_control (gunichar ch)
{
  return ch < 0x20 || (ch >= 0x7F && ch < 0xA0);
}

char *
impact_timelinejs_html_to_text (const char *html)
{
  GString *out = g_string_new (NULL);
  g_autofree char *valid = NULL;
  const char *p;

  /* json-glib lets invalid UTF-8 through ("\201" becomes the byte 0x81):
   * repair it first, so that nothing below steps past a truncated
   * sequence */
  if (html == NULL)
    html = "";
  if (!g_utf8_validate (html, -1, NULL))
    html = valid = g_utf8_make_valid (html, -1);
  p = html;

  while (*p)
    {
      if (strncmp (p, "<!--", 4) == 0)
        {
          /* a comment, to its end; an unterminated one hides the rest */
          const char *end = strstr (p + 4, "-->");

          if (end == NULL)
            break;
          p = end + 3;
          continue;
        }
      if (*p == '<' && (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!'))
        {
          const char *name = p + 1 + (p[1] == '/');
          gsize name_len = 0;
          const char *q;
          char quote = 0;

          while (g_ascii_isalnum (name[name_len]))
            name_len++;
          /* the end of the tag, quotes respected */
          for (q = p + 1; *q; q++)
            {
              if (quote)
                {
                  if (*q == quote)
                    quote = 0;
                }
              else if (*q == '"' || *q == '\'')
                quote = *q;
              else if (*q == '>')
                break;
            }
          if (*q == '\0')
            break;   /* an unclosed tag: drop the rest, never show markup half-way */
          if (p[1] != '/' && (tag_is (name, name_len, "script") || tag_is (name, name_len, "style")))
            {
              g_autofree char *closing = g_strdup_printf ("</%.*s", (int) name_len, name);
              const char *end = q;

              /* skip to the closing tag, case-insensitively */
              while (*end && g_ascii_strncasecmp (end, closing, strlen (closing)) != 0)
                end++;
              if (*end == '\0')
                break;
              q = strchr (end, '>');
              if (q == NULL)
                break;
            }
          else if (tag_breaks (name, name_len))
            g_string_append_c (out, ' ');
          p = q + 1;
          continue;
        }
      if (*p == '&')
        {
          gsize used = decode_entity (p + 1, out);

          if (used > 0)
            {
              p += 1 + used;
              continue;
            }
        }
      if ((guchar) *p < 0x20)
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
      p++;
    }

  /* collapse runs of white space (and controls), trim */
  {
    GString *c = g_string_new (NULL);
    gboolean space = TRUE;

    for (const char *s = out->str; *s; s = g_utf8_next_char (s))
      {
        gunichar ch = g_utf8_get_char (s);

        if (g_unichar_isspace (ch) || is_control (ch))
          {
            if (!space)
              g_string_append_c (c, ' ');
            space = TRUE;
          }
        else
          {
            g_string_append_unichar (c, ch);
            space = FALSE;
          }
      }
    if (c->len > 0 && c->str[c->len - 1] == ' ')
      g_string_truncate (c, c->len - 1);
    g_string_free (out, TRUE);
    return g_string_free (c, FALSE);
  }
}

/* Rich text: the plain text's asterisks and backslashes made literal */
static char *
escape_rich (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '*' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Conversion */

/* A hostile file could earn a report line per member: keep the list
 * bounded and say how many were left out */
#define MAX_REPORT_LINES 1000
/* Input quoted in a report line is cut to this many characters */
#define MAX_QUOTED_CHARS 80

typedef struct
{
  GPtrArray *report;
  guint      n_dropped;
} Ctx;

G_GNUC_PRINTF (2, 3)
static void
report (Ctx        *ctx,
        const char *format,
        ...)
{
  va_list args;

  if (ctx->report->len >= MAX_REPORT_LINES)
    {
      ctx->n_dropped++;
      return;
    }
  va_start (args, format);
  g_ptr_array_add (ctx->report, g_strdup_vprintf (format, args));
  va_end (args);
}

/* For the few lines that must never be left out (events or eras dropped
 * at the item cap): past the list's cap too */
G_GNUC_PRINTF (2, 3)
static void
report_always (Ctx        *ctx,
               const char *format,
               ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (ctx->report, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Input text fit to be quoted in a report line: valid UTF-8, no control
 * characters, at most MAX_QUOTED_CHARS characters */
static char *
quote_input (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = valid; *p; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);

      if (n == MAX_QUOTED_CHARS)
        {
          g_string_append (out, "\u2026");
          break;
        }
      g_string_append_unichar (out, is_control (ch) ? 0xFFFD : ch);
    }
  return g_string_free (out, FALSE);
}

/* Cuts @text (valid UTF-8, owned) to the loader's string cap at a
 * character boundary; @rich: never leave a lone escaping backslash at the
 * end. Reports the cut. */
static char *
cap_field (Ctx        *ctx,
           char       *text,
           const char *where,
           gboolean    rich)
{
  gsize len = strlen (text);
  char *end;

  if (len <= IMPACT_LOADER_MAX_STRING)
    return text;
  end = text + IMPACT_LOADER_MAX_STRING;
  /* step back to the start of the character that does not fit whole */
  while (end > text && ((guchar) *end & 0xC0) == 0x80)
    end--;
  if (rich)
    {
      gsize backslashes = 0;

      for (const char *q = end; q > text && q[-1] == '\\'; q--)
        backslashes++;
      if (backslashes % 2 == 1)
        end--;
    }
  *end = '\0';
  report (ctx, "%s: longer than %u bytes; cut to fit", where, (guint) IMPACT_LOADER_MAX_STRING);
  return text;
}

/* A raw string of the input (a URL): valid UTF-8, no control characters,
 * within the string cap */
static char *
clean_raw (Ctx        *ctx,
           const char *text,
           const char *where)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);
  gboolean dropped = FALSE;

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (is_control (ch))
        dropped = TRUE;
      else
        g_string_append_unichar (out, ch);
    }
  if (dropped)
    report (ctx, "%s: control characters removed", where);
  return cap_field (ctx, g_string_free (out, FALSE), where, FALSE);
}

static JsonObject *
get_object (JsonObject *obj,
            const char *member)
{
  JsonNode *node = obj ? json_object_get_member (obj, member) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
get_string (JsonObject *obj,
            const char *member)
{
  JsonNode *node = obj ? json_object_get_member (obj, member) : NULL;

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

/* year/month/day are numbers or strings of digits in TimelineJS */
static gboolean
get_int (JsonObject *obj,
         const char *member,
         gint64     *out)
{
  JsonNode *node = obj ? json_object_get_member (obj, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *out = json_node_get_int (node);
      return TRUE;
    case G_TYPE_DOUBLE:
      {
        double d = json_node_get_double (node);

        /* 1e400 arrives as infinity: never cast what does not fit */
        if (!isfinite (d) || d != floor (d))
          return FALSE;
        *out = (gint64) CLAMP (d, -1e15, 1e15);
        return TRUE;
      }
    case G_TYPE_STRING:
      {
        g_autofree char *s = g_strstrip (g_strdup (json_node_get_string (node)));
        char *end = NULL;

        if (*s == '\0')
          return FALSE;
        *out = g_ascii_strtoll (s, &end, 10);
        return end != s && *end == '\0';
      }
    default:
      return FALSE;
    }
}

/* "2017-08-24" from a TimelineJS date object, as precise as it allows */
static char *
convert_date (Ctx        *ctx,
              JsonObject *date,
              const char *where)
{
  gint64 year, month = 0, day = 0;
  gboolean has_month, has_day;
  ImpactDate d;
  g_autofree char *iso = NULL;

  if (date == NULL || !json_object_has_member (date, "year"))
    {
      report (ctx, "%s: no year; skipped", where);
      return NULL;
    }
  if (!get_int (date, "year", &year))
    {
      report (ctx, "%s.year: not a whole number; skipped", where);
      return NULL;
    }
  if (year < 1 || year > 9999)
    {
      report (ctx, "%s: year %" G_GINT64_FORMAT " is outside 1 to 9999; skipped", where, year);
      return NULL;
    }
  has_month = json_object_has_member (date, "month") && get_int (date, "month", &month);
  if (json_object_has_member (date, "month") && (!has_month || month < 1 || month > 12))
    {
      report (ctx, "%s.month: not a month from 1 to 12; only the year is kept", where);
      has_month = FALSE;
    }
  has_day = has_month && json_object_has_member (date, "day") && get_int (date, "day", &day) &&
            day >= 1 && day <= 31;
  if (has_month && json_object_has_member (date, "day") && !has_day)
    report (ctx, "%s.day: not a day; only the month is kept", where);

  if (has_day)
    iso = g_strdup_printf ("%04d-%02d-%02d", (int) year, (int) month, (int) day);
  else if (has_month)
    iso = g_strdup_printf ("%04d-%02d", (int) year, (int) month);
  else
    iso = g_strdup_printf ("%04d", (int) year);
  if (!impact_date_parse (iso, &d))
    {
      report (ctx, "%s: %s is not a date; only the month is kept", where, iso);
      g_free (iso);
      iso = g_strdup_printf ("%04d-%02d", (int) year, (int) month);
    }
  if (!has_month && json_object_has_member (date, "day"))
    report (ctx, "%s.day: a day without a month; only the year is kept", where);
  for (const char *const *k = (const char *const[]) { "hour", "minute", "second", "millisecond", NULL }; *k; k++)
    if (json_object_has_member (date, *k))
      {
        report (ctx, "%s.%s: times of day are not part of the format; dropped", where, *k);
        break;
      }
  if (json_object_has_member (date, "display_date"))
    {
      g_autofree char *quoted = quote_input (get_string (date, "display_date"));

      report (ctx, "%s.display_date: \"%s\" not kept; the sheet prints dates itself", where, quoted);
    }
  if (json_object_has_member (date, "format"))
    report (ctx, "%s.format: date formats are not kept", where);
  return g_steal_pointer (&iso);
}

static void
report_unknown (Ctx               *ctx,
                JsonObject        *obj,
                const char        *where,
                const char *const *known)
{
  g_autoptr(GList) members = json_object_get_members (obj);

  for (GList *l = members; l; l = l->next)
    {
      g_autofree char *quoted = NULL;

      if (g_strv_contains (known, l->data))
        continue;
      quoted = quote_input (l->data);
      report (ctx, "%s.%s: not imported", where, quoted);
    }
}

/* A member's HTML as plain text within the string cap, or NULL */
static char *
text_member (Ctx        *ctx,
             JsonObject *text,
             const char *member,
             const char *where)
{
  const char *s = get_string (text, member);

  return s ? cap_field (ctx, impact_timelinejs_html_to_text (s), where, FALSE) : NULL;
}

static void
add_era (JsonBuilder *b,
         const char  *start,
         const char  *end,
         const char  *title,
         const char  *category)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "start");
  json_builder_add_string_value (b, start);
  json_builder_set_member_name (b, "end");
  json_builder_add_string_value (b, end);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, title);
  if (category)
    {
      json_builder_set_member_name (b, "category");
      json_builder_add_string_value (b, category);
    }
  json_builder_end_object (b);
}

gboolean
impact_timelinejs_detect (JsonNode *root)
{
  JsonObject *obj;
  JsonNode *events;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  obj = json_node_get_object (root);
  events = json_object_get_member (obj, "events");
  return events && JSON_NODE_HOLDS_ARRAY (events) && !json_object_has_member (obj, "format");
}

JsonNode *
impact_timelinejs_convert (JsonNode   *root,
                           GPtrArray  *report_lines,
                           GError    **error)
{
  static const char *const top_known[] = { "title", "events", "eras", NULL };
  static const char *const event_known[] = { "start_date", "end_date", "text", "group", "media",
                                             "display_date", NULL };
  static const char *const era_known[] = { "start_date", "end_date", "text", NULL };
  static const char *const media_known[] = { "url", "caption", "credit", NULL };
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) pending_eras = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  Ctx ctx = { report_lines };
  JsonObject *obj, *title_slide, *title_text;
  JsonArray *events;
  g_autofree char *headline = NULL;
  g_autofree char *subtitle = NULL;
  guint n_milestones = 0;
  guint n_eras = 0;

  g_return_val_if_fail (report_lines != NULL, NULL);

  if (!impact_timelinejs_detect (root))
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE,
                   "not a TimelineJS file: expected an object with an \"events\" array");
      return NULL;
    }
  obj = json_node_get_object (root);
  report_unknown (&ctx, obj, "(top level)", top_known);

  title_slide = get_object (obj, "title");
  title_text = get_object (title_slide, "text");
  headline = text_member (&ctx, title_text, "headline", "title.text.headline");
  subtitle = text_member (&ctx, title_text, "text", "title.text.text");
  if (title_slide)
    {
      static const char *const title_known[] = { "text", NULL };

      report_unknown (&ctx, title_slide, "title", title_known);
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, "1");
  json_builder_set_member_name (b, "office");
  if (headline && *headline)
    json_builder_add_string_value (b, headline);
  else
    {
      json_builder_add_string_value (b, "Imported timeline");
      report (&ctx, "title.text.headline: missing; the office is set to \"Imported timeline\"");
    }
  if (headline && *headline)
    {
      json_builder_set_member_name (b, "milestones_heading");
      json_builder_add_string_value (b, headline);
    }
  if (subtitle && *subtitle)
    {
      json_builder_set_member_name (b, "subtitle");
      json_builder_add_string_value (b, subtitle);
    }
  json_builder_set_member_name (b, "organisation");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, "Organisation name not set");
  json_builder_end_object (b);
  report (&ctx, "organisation.name: TimelineJS has none; set to \"Organisation name not set\", edit it");
  json_builder_set_member_name (b, "x-imported-from");
  json_builder_add_string_value (b, "TimelineJS");

  /* events */
  events = json_node_get_array (json_object_get_member (obj, "events"));
  json_builder_set_member_name (b, "milestones");
  json_builder_begin_array (b);
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonNode *node = json_array_get_element (events, i);
      g_autofree char *where = g_strdup_printf ("events[%u]", i);
      g_autofree char *date = NULL;
      g_autofree char *title = NULL;
      g_autofree char *desc = NULL;
      g_autofree char *category = NULL;
      JsonObject *ev, *text, *media;
      const char *group;

      if (n_milestones == IMPACT_LOADER_MAX_ITEMS)
        {
          report_always (&ctx, "%s: more than %u events; this one and the rest are dropped",
                         where, (guint) IMPACT_LOADER_MAX_ITEMS);
          break;
        }
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          report (&ctx, "%s: not an object; skipped", where);
          continue;
        }
      ev = json_node_get_object (node);
      report_unknown (&ctx, ev, where, event_known);
      {
        g_autofree char *date_where = g_strdup_printf ("%s.start_date", where);

        date = convert_date (&ctx, get_object (ev, "start_date"), date_where);
      }
      if (date == NULL)
        continue;
      text = get_object (ev, "text");
      {
        g_autofree char *title_where = g_strdup_printf ("%s.text.headline", where);
        g_autofree char *desc_where = g_strdup_printf ("%s.text.text", where);

        title = text_member (&ctx, text, "headline", title_where);
        desc = text_member (&ctx, text, "text", desc_where);
      }
      if (title == NULL || *title == '\0')
        {
          g_free (title);
          if (desc && *desc)
            {
              /* the first words of the text stand in for a headline */
              glong n = g_utf8_strlen (desc, -1);

              title = n > 60 ? g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (desc, 59) - desc), desc)
                             : g_strdup (desc);
              report (&ctx, "%s.text.headline: missing; the title is taken from the text", where);
            }
          else
            {
              title = g_strdup ("Untitled");
              report (&ctx, "%s.text.headline: missing; the title is \"Untitled\"", where);
            }
        }
      if (json_object_has_member (ev, "display_date"))
        {
          g_autofree char *quoted = quote_input (get_string (ev, "display_date"));

          report (&ctx, "%s.display_date: \"%s\" not kept; the sheet prints dates itself", where, quoted);
        }
      group = get_string (ev, "group");
      if (group && *group)
        {
          g_autofree char *group_where = g_strdup_printf ("%s.group", where);

          category = cap_field (&ctx, impact_timelinejs_html_to_text (group), group_where, FALSE);
        }

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "date");
      json_builder_add_string_value (b, date);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, title);
      if (desc && *desc)
        {
          g_autofree char *desc_where = g_strdup_printf ("%s.text.text", where);
          g_autofree char *rich = cap_field (&ctx, escape_rich (desc), desc_where, TRUE);

          json_builder_set_member_name (b, "description");
          json_builder_add_string_value (b, rich);
        }
      if (category && *category)
        {
          json_builder_set_member_name (b, "category");
          json_builder_add_string_value (b, category);
        }
      media = get_object (ev, "media");
      if (media)
        {
          g_autofree char *media_where = g_strdup_printf ("%s.media", where);
          g_autofree char *url_where = g_strdup_printf ("%s.url", media_where);
          g_autofree char *caption_where = g_strdup_printf ("%s.caption", media_where);
          g_autofree char *credit_where = g_strdup_printf ("%s.credit", media_where);
          g_autofree char *url = get_string (media, "url") ? clean_raw (&ctx, get_string (media, "url"), url_where) : NULL;
          g_autofree char *caption = text_member (&ctx, media, "caption", caption_where);
          g_autofree char *credit = text_member (&ctx, media, "credit", credit_where);

          report_unknown (&ctx, media, media_where, media_known);
          json_builder_set_member_name (b, "x-media");
          json_builder_begin_object (b);
          if (url)
            {
              json_builder_set_member_name (b, "url");
              json_builder_add_string_value (b, url);
            }
          if (caption && *caption)
            {
              json_builder_set_member_name (b, "caption");
              json_builder_add_string_value (b, caption);
            }
          if (credit && *credit)
            {
              json_builder_set_member_name (b, "credit");
              json_builder_add_string_value (b, credit);
            }
          json_builder_end_object (b);
          report (&ctx, "%s: kept as \"x-media\" (an image reference the sheet does not draw)", media_where);
        }
      json_builder_end_object (b);
      n_milestones++;

      if (json_object_has_member (ev, "end_date"))
        {
          g_autofree char *end_where = g_strdup_printf ("%s.end_date", where);
          g_autofree char *end = convert_date (&ctx, get_object (ev, "end_date"), end_where);

          if (end && strcmp (end, date) >= 0 && n_eras == IMPACT_LOADER_MAX_ITEMS)
            report_always (&ctx, "%s: more than %u eras; this span is dropped", end_where, (guint) IMPACT_LOADER_MAX_ITEMS);
          else if (end && strcmp (end, date) >= 0)
            {
              char **era = g_new0 (char *, 5);

              era[0] = g_strdup (date);
              era[1] = g_strdup (end);
              era[2] = g_strdup (title);
              era[3] = category && *category ? g_strdup (category) : NULL;
              g_ptr_array_add (pending_eras, era);
              n_eras++;
              report (&ctx, "%s: the span %s to %s becomes an era beside the milestone", end_where, date, end);
            }
          else if (end)
            report (&ctx, "%s: ends before it starts; the end is dropped", end_where);
        }
    }
  json_builder_end_array (b);

  /* eras */
  json_builder_set_member_name (b, "eras");
  json_builder_begin_array (b);
  for (guint i = 0; i < pending_eras->len; i++)
    {
      char **era = g_ptr_array_index (pending_eras, i);

      add_era (b, era[0], era[1], era[2], era[3]);
    }
  if (json_object_has_member (obj, "eras"))
    {
      JsonNode *eras_node = json_object_get_member (obj, "eras");
      JsonArray *eras = JSON_NODE_HOLDS_ARRAY (eras_node) ? json_node_get_array (eras_node) : NULL;

      if (eras == NULL)
        report (&ctx, "eras: not an array; ignored");
      for (guint i = 0; eras && i < json_array_get_length (eras); i++)
        {
          JsonNode *node = json_array_get_element (eras, i);
          g_autofree char *where = g_strdup_printf ("eras[%u]", i);
          g_autofree char *sw = g_strdup_printf ("%s.start_date", where);
          g_autofree char *ew = g_strdup_printf ("%s.end_date", where);
          g_autofree char *start = NULL;
          g_autofree char *end = NULL;
          g_autofree char *title = NULL;
          JsonObject *era;

          if (n_eras == IMPACT_LOADER_MAX_ITEMS)
            {
              report_always (&ctx, "%s: more than %u eras; this one and the rest are dropped",
                             where, (guint) IMPACT_LOADER_MAX_ITEMS);
              break;
            }
          if (!JSON_NODE_HOLDS_OBJECT (node))
            {
              report (&ctx, "%s: not an object; skipped", where);
              continue;
            }
          era = json_node_get_object (node);
          report_unknown (&ctx, era, where, era_known);
          start = convert_date (&ctx, get_object (era, "start_date"), sw);
          end = convert_date (&ctx, get_object (era, "end_date"), ew);
          if (start == NULL || end == NULL)
            continue;
          if (strcmp (end, start) < 0)
            {
              report (&ctx, "%s: ends before it starts; skipped", where);
              continue;
            }
          {
            g_autofree char *title_where = g_strdup_printf ("%s.text.headline", where);

            title = text_member (&ctx, get_object (era, "text"), "headline", title_where);
          }
          if (title == NULL || *title == '\0')
            {
              g_free (title);
              title = g_strdup ("Untitled era");
              report (&ctx, "%s.text.headline: missing; the title is \"Untitled era\"", where);
            }
          if (get_string (get_object (era, "text"), "text"))
            report (&ctx, "%s.text.text: eras have no description; dropped", where);
          add_era (b, start, end, title, NULL);
          n_eras++;
        }
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  if (n_milestones == 0)
    report (&ctx, "events: no event could be imported");
  if (ctx.n_dropped > 0)
    g_ptr_array_add (report_lines, g_strdup_printf ("%u more lines not listed", ctx.n_dropped));
  return json_builder_get_root (b);
}

/* The one strict scanner reads TimelineJS files too (the loader's caps,
 * UTF-8, depth, syntax): the window, the command line and the importer
 * accept the same texts. */
static ImpactSourceMap *
read_json (GBytes      *bytes,
           const char  *name,
           GError     **error)
{
  return impact_json_loader_scan (bytes, name, NULL, error);
}

/* Parses, converts and generates our format's text, then loads that text
 * as the loader would load the written file: what the importer hands on
 * always opens. @out_doc (optional) receives the loaded document. */
static char *
convert_checked (JsonNode        *root,
                 const char      *name,
                 GFile           *base_file,
                 GPtrArray       *report_lines,
                 gsize           *out_len,
                 ImpactDocument **out_doc,
                 GError         **error)
{
  g_autoptr(JsonNode) converted = NULL;
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(ImpactDocument) doc = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autofree char *text = NULL;
  gsize text_len;

  if ((converted = impact_timelinejs_convert (root, report_lines, error)) == NULL)
    {
      if (error && *error)
        g_prefix_error (error, "%s: ", name);
      return NULL;
    }
  json_generator_set_root (gen, converted);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  text = json_generator_to_data (gen, &text_len);
  doc = impact_json_loader_load_data (text, text_len, name, base_file, NULL, &load_error);
  if (doc == NULL)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE,
                   "%s: the converted timeline would not open, so nothing was written "
                   "(please report this): %s", name, load_error->message);
      return NULL;
    }
  if (out_len)
    *out_len = text_len;
  if (out_doc)
    *out_doc = g_steal_pointer (&doc);
  return g_steal_pointer (&text);
}

static char *
input_name (GFile *input)
{
  char *name = g_file_get_basename (input);

  return name ? name : g_file_get_parse_name (input);
}

char *
impact_timelinejs_convert_data (const char  *data,
                                gsize        length,
                                const char  *display_name,
                                GPtrArray   *report_lines,
                                gsize       *out_length,
                                GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ImpactSourceMap) map = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (report_lines != NULL, NULL);

  if (display_name == NULL)
    display_name = "<data>";
  bytes = g_bytes_new (data, length);
  if ((map = read_json (bytes, display_name, error)) == NULL)
    return NULL;
  return convert_checked (impact_source_map_get_root (map), display_name, NULL,
                          report_lines, out_length, NULL, error);
}

gboolean
impact_timelinejs_import_file (GFile      *input,
                               GFile      *output,
                               GPtrArray  *report_lines,
                               GError    **error)
{
  g_autoptr(ImpactSourceMap) map = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  gsize len;

  g_return_val_if_fail (G_IS_FILE (input), FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  name = input_name (input);
  if ((map = impact_json_loader_read_file (input, NULL, NULL, error)) == NULL)
    return FALSE;
  text = convert_checked (impact_source_map_get_root (map), name, input,
                          report_lines, &len, NULL, error);
  if (text == NULL)
    return FALSE;
  {
    g_autofree char *with_nl = g_strconcat (text, "\n", NULL);

    g_autofree char *path = g_file_get_path (output);

    /* complete and on disk before it replaces an existing file */
    if (path == NULL)
      {
        g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE, "can only import to local files");
        return FALSE;
      }
    if (!impact_output_write_bytes_atomic (path, with_nl, len + 1, FALSE, error))
      return FALSE;
  }
  return TRUE;
}

ImpactDocument *
impact_timelinejs_load_document (GFile      *input,
                                 GPtrArray  *report_lines,
                                 GError    **error)
{
  g_autoptr(ImpactSourceMap) map = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (input), NULL);
  name = input_name (input);
  if ((map = impact_json_loader_read_file (input, NULL, NULL, error)) == NULL)
    return NULL;
  return impact_timelinejs_load_root (impact_source_map_get_root (map), name, input, report_lines, error);
}

ImpactDocument *
impact_timelinejs_load_root (JsonNode    *root,
                             const char  *display_name,
                             GFile       *base_file,
                             GPtrArray   *report_lines,
                             GError     **error)
{
  g_autofree char *text = NULL;
  ImpactDocument *doc = NULL;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (report_lines != NULL, NULL);

  text = convert_checked (root, display_name ? display_name : "<data>", base_file,
                          report_lines, NULL, &doc, error);
  return text ? doc : NULL;
}
