/* impact-timelinejs.c
 *
 * Written from the TimelineJS 3 JSON format description only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-timelinejs"

#include "config.h"

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

char *
impact_timelinejs_html_to_text (const char *html)
{
  GString *out = g_string_new (NULL);
  const char *p = html ? html : "";
  g_autofree char *collapsed = NULL;

  while (*p)
    {
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

  /* collapse runs of white space, trim */
  {
    GString *c = g_string_new (NULL);
    gboolean space = TRUE;

    for (const char *s = out->str; *s; s = g_utf8_next_char (s))
      {
        gunichar ch = g_utf8_get_char (s);

        if (g_unichar_isspace (ch))
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
    collapsed = g_string_free (c, FALSE);
  }
  g_string_free (out, TRUE);
  if (!g_utf8_validate (collapsed, -1, NULL))
    {
      char *valid = g_utf8_make_valid (collapsed, -1);

      g_free (collapsed);
      return valid;
    }
  return g_steal_pointer (&collapsed);
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

typedef struct
{
  GPtrArray *report;
} Ctx;

G_GNUC_PRINTF (2, 3)
static void
report (Ctx        *ctx,
        const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (ctx->report, g_strdup_vprintf (format, args));
  va_end (args);
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

        if (d != (gint64) d)
          return FALSE;
        *out = (gint64) d;
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

  if (date == NULL || !get_int (date, "year", &year))
    {
      report (ctx, "%s: no year; skipped", where);
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
  has_day = has_month && json_object_has_member (date, "day") && get_int (date, "day", &day);
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
    report (ctx, "%s.display_date: \"%s\" not kept; the sheet prints dates itself", where,
            get_string (date, "display_date") ? get_string (date, "display_date") : "");
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
      if (g_strv_contains (known, l->data))
        continue;
      report (ctx, "%s.%s: not imported", where, (const char *) l->data);
    }
}

static char *
text_member (JsonObject *text,
             const char *member)
{
  const char *s = get_string (text, member);

  return s ? impact_timelinejs_html_to_text (s) : NULL;
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
  headline = text_member (title_text, "headline");
  subtitle = text_member (title_text, "text");
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
      JsonObject *ev, *text, *media;
      const char *group;

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
      title = text_member (text, "headline");
      desc = text_member (text, "text");
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
        report (&ctx, "%s.display_date: \"%s\" not kept; the sheet prints dates itself", where,
                get_string (ev, "display_date") ? get_string (ev, "display_date") : "");
      group = get_string (ev, "group");

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "date");
      json_builder_add_string_value (b, date);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, title);
      if (desc && *desc)
        {
          g_autofree char *rich = escape_rich (desc);

          json_builder_set_member_name (b, "description");
          json_builder_add_string_value (b, rich);
        }
      if (group && *group)
        {
          g_autofree char *plain = impact_timelinejs_html_to_text (group);

          json_builder_set_member_name (b, "category");
          json_builder_add_string_value (b, plain);
        }
      media = get_object (ev, "media");
      if (media)
        {
          g_autofree char *media_where = g_strdup_printf ("%s.media", where);
          const char *url = get_string (media, "url");
          g_autofree char *caption = text_member (media, "caption");
          g_autofree char *credit = text_member (media, "credit");

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

          if (end && strcmp (end, date) >= 0)
            {
              char **era = g_new0 (char *, 5);

              era[0] = g_strdup (date);
              era[1] = g_strdup (end);
              era[2] = g_strdup (title);
              era[3] = group && *group ? impact_timelinejs_html_to_text (group) : NULL;
              g_ptr_array_add (pending_eras, era);
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
          title = text_member (get_object (era, "text"), "headline");
          if (title == NULL || *title == '\0')
            {
              g_free (title);
              title = g_strdup ("Untitled era");
              report (&ctx, "%s.text.headline: missing; the title is \"Untitled era\"", where);
            }
          if (get_string (get_object (era, "text"), "text"))
            report (&ctx, "%s.text.text: eras have no description; dropped", where);
          add_era (b, start, end, title, NULL);
        }
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  if (n_milestones == 0)
    report (&ctx, "events: no event could be imported");
  return json_builder_get_root (b);
}

static JsonNode *
read_json (GFile   *input,
           GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *data = NULL;
  g_autofree char *name = g_file_get_basename (input);
  gsize len;

  if (!g_file_load_contents (input, NULL, &data, &len, NULL, error))
    return NULL;
  if (len > IMPACT_TIMELINEJS_MAX_FILE_SIZE)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE,
                   "%s: the file is larger than %d MiB", name, IMPACT_TIMELINEJS_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, len, error))
    {
      if (error && *error)
        {
          g_autofree char *msg = g_strdup_printf ("%s:%s", name, (*error)->message);

          g_clear_error (error);
          g_set_error_literal (error, IMPACT_ERROR, IMPACT_ERROR_PARSE, msg);
        }
      return NULL;
    }
  return json_parser_steal_root (parser);
}

gboolean
impact_timelinejs_import_file (GFile      *input,
                               GFile      *output,
                               GPtrArray  *report_lines,
                               GError    **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) converted = NULL;
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;
  gsize len;

  g_return_val_if_fail (G_IS_FILE (input), FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  if ((root = read_json (input, error)) == NULL)
    return FALSE;
  if ((converted = impact_timelinejs_convert (root, report_lines, error)) == NULL)
    return FALSE;
  json_generator_set_root (gen, converted);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  text = json_generator_to_data (gen, &len);
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
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) converted = NULL;
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  gsize len;

  g_return_val_if_fail (G_IS_FILE (input), NULL);
  if ((root = read_json (input, error)) == NULL)
    return NULL;
  if ((converted = impact_timelinejs_convert (root, report_lines, error)) == NULL)
    return NULL;
  json_generator_set_root (gen, converted);
  text = json_generator_to_data (gen, &len);
  name = g_file_get_basename (input);
  return impact_json_loader_load_data (text, len, name, input, NULL, error);
}
