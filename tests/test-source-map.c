/* test-source-map.c: the one strict scanner and the source map it makes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "impact-error.h"
#include "impact-json-loader.h"
#include "impact-json-scanner.h"
#include "impact-json-writer.h"
#include "impact-open.h"
#include "impact-test-utils.h"

/* Helpers */

typedef struct
{
  guint   n_errors;
  guint   n_warnings;
  guint   line;       /* of the first error */
  GString *messages;
} Reports;

static void
collect (gpointer        user_data,
         ImpactSeverity  severity,
         ImpactError     code,
         guint           line,
         guint           column,
         const char     *path,
         const char     *message)
{
  Reports *r = user_data;

  if (severity == IMPACT_SEVERITY_ERROR)
    {
      if (r->n_errors++ == 0)
        r->line = line;
    }
  else
    {
      r->n_warnings++;
    }
  if (r->messages != NULL)
    g_string_append_printf (r->messages, "%u:%u: %s%s%s\n", line, column,
                            path ? path : "", path ? ": " : "", message);
}

static ImpactSourceMap *
scan_string (const char *json,
             Reports    *reports)
{
  g_autoptr(GBytes) text = g_bytes_new (json, strlen (json));

  return impact_json_scan (text, collect, reports);
}

static char *
read_example (const char *name,
              gsize      *length)
{
  g_autofree char *path = impact_test_example_path (name);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

/* Line and column of byte @offset, counted independently of the scanner */
static void
line_column_of (const char *data,
                gsize       start,
                gsize       offset,
                guint      *line,
                guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = start; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) data[i] & 0xc0) != 0x80)
        {
          (*column)++;
        }
    }
}

/* Every node of @node's subtree has a span that holds exactly its text:
 * parsed alone by json-glib, the span gives an equal node; its line and
 * column are those of its offset. Returns the number of nodes checked. */
static guint
check_spans (ImpactSourceMap *map,
             JsonNode        *node)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (impact_source_map_get_text (map), &size);
  gsize body = impact_source_map_has_bom (map) ? 3 : 0;
  const ImpactSourceSpan *span = impact_source_map_lookup (map, node);
  g_autofree char *piece = NULL;
  g_autoptr(JsonNode) alone = NULL;
  guint line, column, n = 1;

  g_assert_nonnull (span);
  g_assert_cmpuint (span->start, <, span->end);
  g_assert_cmpuint (span->end, <=, size);
  g_assert_cmpuint (span->lead_start, <=, span->key_start);
  g_assert_cmpuint (span->key_start, <=, span->start);
  g_assert_cmpuint (span->end, <=, span->trail_end);
  line_column_of (data, body, span->start, &line, &column);
  g_assert_cmpuint (span->line, ==, line);
  g_assert_cmpuint (span->column, ==, column);
  if (span->key_line != 0)
    {
      g_assert_cmpint (data[span->key_start], ==, '"');
      line_column_of (data, body, span->key_start, &line, &column);
      g_assert_cmpuint (span->key_line, ==, line);
      g_assert_cmpuint (span->key_column, ==, column);
    }

  /* only for small values: parsing every subtree again is quadratic */
  if (span->end - span->start < 4096)
    {
      piece = g_strndup (data + span->start, span->end - span->start);
      alone = json_from_string (piece, NULL);
      g_assert_nonnull (alone);
      g_assert_true (json_node_equal (alone, node));
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        n += check_spans (map, json_object_get_member (object, l->data));
      g_assert_cmpuint (span->n_children, >=, g_list_length (members));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      g_assert_cmpuint (span->n_children, ==, json_array_get_length (array));
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          g_assert_true (impact_source_map_get_child (map, span, i) ==
                         impact_source_map_lookup (map, element));
          n += check_spans (map, element);
        }
    }
  return n;
}

/* Random valid JSON, to compare with json-glib */

static void random_value (GString *out, GRand *rand, guint depth);

static void
random_string (GString *out,
               GRand   *rand)
{
  static const char * const pieces[] = {
    "a", "Kolkata", " ", "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\u00e9", "é", "ক", "\\u0995",
    "\\ud83d\\ude00", "😀", "\\u2028", "<span>", "&amp;", "\\u0001", "\\b\\f\\r", "ٍ", "x-",
  };
  guint n = g_rand_int_range (rand, 0, 8);

  g_string_append_c (out, '"');
  for (guint i = 0; i < n; i++)
    g_string_append (out, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  g_string_append_c (out, '"');
}

static void
random_space (GString *out,
              GRand   *rand)
{
  static const char * const spaces[] = { "", "", " ", "\n", "\r\n  ", "\t" };

  g_string_append (out, spaces[g_rand_int_range (rand, 0, G_N_ELEMENTS (spaces))]);
}

static void
random_value (GString *out,
              GRand   *rand,
              guint    depth)
{
  int kind = g_rand_int_range (rand, 0, depth > 5 ? 5 : 7);

  switch (kind)
    {
    case 0:
      random_string (out, rand);
      break;
    case 1:
      g_string_append_printf (out, "%d", g_rand_int_range (rand, -100000, 100000));
      break;
    case 2:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.6g",
                                               g_rand_double_range (rand, -1e6, 1e6)));
      }
      break;
    case 3:
      g_string_append (out, g_rand_boolean (rand) ? "true" : "false");
      break;
    case 4:
      g_string_append (out, "null");
      break;
    case 5:
    case 6:
      {
        gboolean object = kind == 5;
        guint n = g_rand_int_range (rand, 0, 6);

        g_string_append_c (out, object ? '{' : '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            random_space (out, rand);
            if (object)
              {
                /* distinct names: json-glib and we agree on duplicates too,
                 * but their order is json-glib's to choose */
                g_string_append_printf (out, "\"k%u\"", i);
                random_space (out, rand);
                g_string_append_c (out, ':');
                random_space (out, rand);
              }
            random_value (out, rand, depth + 1);
            random_space (out, rand);
          }
        g_string_append_c (out, object ? '}' : ']');
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Tests */

/* The tree equals json-glib's for the examples and for random documents;
 * every span holds its value's text. */
static void
test_scan_matches_json_glib (void)
{
  const char * const examples[] = { "kolkata.json", "kolkata-bn.json", "kolkata-es.json", "kolkata-fr.json",
                                    "kolkata-pt.json", "kolkata-hi.json", "kolkata-ar.json", "kolkata-sw.json" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261201);
  guint n_nodes = 0;

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      gsize length = 0;
      g_autofree char *data = read_example (examples[e], &length);
      g_autoptr(GBytes) text = g_bytes_new_take (g_steal_pointer (&data), length);
      Reports r = { 0 };
      g_autoptr(ImpactSourceMap) map = impact_json_scan (text, collect, &r);
      g_autoptr(JsonNode) reference = NULL;
      gsize size;
      const char *bytes = g_bytes_get_data (text, &size);

      g_assert_nonnull (map);
      g_assert_cmpuint (r.n_errors, ==, 0);
      reference = json_from_string (bytes, NULL);
      g_assert_nonnull (reference);
      g_assert_true (json_node_equal (reference, impact_source_map_get_root (map)));
      n_nodes += check_spans (map, impact_source_map_get_root (map));
    }

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(GString) json = g_string_new (NULL);
      g_autoptr(ImpactSourceMap) map = NULL;
      g_autoptr(JsonNode) reference = NULL;
      Reports r = { 0 };

      random_space (json, rand);
      random_value (json, rand, 0);
      random_space (json, rand);
      map = scan_string (json->str, &r);
      g_assert_nonnull (map);
      reference = json_from_string (json->str, NULL);
      g_assert_nonnull (reference);
      g_assert_true (json_node_equal (reference, impact_source_map_get_root (map)));
      n_nodes += check_spans (map, impact_source_map_get_root (map));
    }
  g_test_message ("%u values checked against json-glib", n_nodes);
}

/* Broken copies of the example never crash the scanner; what it accepts,
 * json-glib accepts and reads the same; what it refuses has a position. */
static void
test_scan_mutations (void)
{
  gsize length = 0;
  g_autofree char *data = read_example ("kolkata.json", &length);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  static const char bytes[] = "{}[]\",:\\ \n0-e.tfnu\x80\xc3\xff'/*";
  guint accepted = 0, refused = 0;

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *copy = g_memdup2 (data, length + 1);
      gsize n = length;
      guint edits = g_rand_int_range (rand, 1, 4);
      g_autoptr(ImpactSourceMap) map = NULL;
      g_autoptr(GBytes) text = NULL;
      Reports r = { 0 };

      for (guint k = 0; k < edits && n > 0; k++)
        {
          gsize at = g_rand_int_range (rand, 0, (gint32) n);

          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0: /* replace a byte */
              copy[at] = bytes[g_rand_int_range (rand, 0, sizeof bytes - 1)];
              break;
            case 1: /* cut the text short */
              n = at;
              break;
            default: /* remove a byte */
              memmove (copy + at, copy + at + 1, n - at);
              n--;
              break;
            }
        }
      text = g_bytes_new (copy, n);
      map = impact_json_scan (text, collect, &r);
      if (map != NULL)
        {
          g_autofree char *terminated = g_strndup (copy, n);
          g_autoptr(JsonNode) reference = json_from_string (terminated, NULL);

          accepted++;
          g_assert_cmpuint (r.n_errors, ==, 0);
          g_assert_nonnull (reference);
          g_assert_true (json_node_equal (reference, impact_source_map_get_root (map)));
        }
      else
        {
          refused++;
          g_assert_cmpuint (r.n_errors, ==, 1);
          /* only an empty text has no position */
          if (n > 0 && strspn (copy, " \t\r\n") < n)
            g_assert_cmpuint (r.line, >, 0);
        }
    }
  g_test_message ("%u mutations accepted, %u refused", accepted, refused);
  g_assert_cmpuint (accepted + refused, ==, 3000);
}

/* What json-glib alone would take, the one scanner refuses, with a reason */
static void
test_scan_refuses (void)
{
  const struct { const char *json; const char *message; } cases[] = {
    { "", "0:0: the file is empty\n" },
    { "  \n ", "0:0: the file is empty\n" },
    { "{'a': 1}", "1:2: syntax error: single quotes are not allowed; strings and member names must be in double quotes\n" },
    { "[01]", "1:2: syntax error: invalid number '01'\n" },
    { "[1,]", "1:3: syntax error: trailing comma before ']'\n" },
    { "{\"a\": 1,}", "1:8: syntax error: trailing comma before '}'\n" },
    { "[\"\\x\"]", "1:3: syntax error: invalid escape '\\x' in a string\n" },
    { "[\"\\ud800\"]", "1:3: syntax error: \\uD800 is a high surrogate without a low surrogate after it\n" },
    { "[\"\\u0000\"]", "1:3: syntax error: \\u0000 (a NUL character) is not allowed in strings\n" },
    { "[\"a\nb\"]", "1:4: syntax error: line break in a string (write \\n, or is a '\"' missing?)\n" },
    { "[1] [2]", "1:5: syntax error: unexpected character '[', expected the end of the file after the top-level value\n" },
    { "{\"a\" 1}", "1:6: syntax error: unexpected number, expected ':' after the member name\n" },
    { "[1 2]", "1:4: syntax error: missing ',' before this element\n" },
    { "{\"a\": [1, 2}", "1:12: syntax error: unexpected character '}', expected ',' or ']'\n" },
    { "{\"a\": tru}", "1:7: syntax error: unexpected word 'tru', expected a value\n" },
    { "// note\n{}", "1:1: syntax error: comments are not allowed in JSON\n" },
    { "{\"a\": [", "1:8: syntax error: unexpected end of the file, expected a value; the '[' on line 1, column 7 is never closed\n" },
    { "[\"caf\xc3\"]", "1:6: invalid UTF-8 (byte 0xC3); save the file as UTF-8\n" },
    { "[\"\xff\"]", "1:3: invalid UTF-8 (byte 0xFF); save the file as UTF-8\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) messages = g_string_new (NULL);
      Reports r = { 0, 0, 0, messages };
      g_autoptr(ImpactSourceMap) map = scan_string (cases[i].json, &r);

      g_assert_null (map);
      g_assert_cmpstr (messages->str, ==, cases[i].message);
    }
}

/* The caps hold, and deep input does not use the C stack */
static void
test_scan_caps (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) wide = g_string_new ("[");
  g_autoptr(GString) dups = g_string_new ("{");
  g_autoptr(GString) messages = g_string_new (NULL);
  g_autofree char *long_string = NULL;
  Reports r = { 0, 0, 0, messages };
  ImpactSourceMap *map;

  for (guint i = 0; i < 80000; i++)
    g_string_append_c (deep, '[');
  map = scan_string (deep->str, &r);
  g_assert_null (map);
  g_assert_cmpstr (messages->str, ==, "1:65: nesting deeper than 64 levels of arrays and objects\n");

  for (guint i = 0; i <= IMPACT_JSON_MAX_ITEMS; i++)
    g_string_append (wide, i ? ",0" : "0");
  g_string_append_c (wide, ']');
  g_string_truncate (messages, 0);
  map = scan_string (wide->str, &r);
  g_assert_null (map);
  g_assert_cmpstr (messages->str, ==, "1:1: array with more than 200000 elements\n");

  long_string = g_strdup_printf ("{\"office\": \"%0*d\"}", IMPACT_JSON_MAX_STRING + 1, 0);
  g_string_truncate (messages, 0);
  map = scan_string (long_string, &r);
  g_assert_null (map);
  g_assert_cmpstr (messages->str, ==, "1:12: office: string longer than 65536 bytes\n");

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (dups, "%s\"a\": %u", i ? "," : "", i);
  g_string_append_c (dups, '}');
  memset (&r, 0, sizeof r);
  map = scan_string (dups->str, &r);
  g_assert_null (map);
  g_assert_cmpuint (r.n_errors, ==, 1);
  g_assert_cmpuint (r.n_warnings, ==, 1001);
}

/* A member name is compared decoded: "offic\u0065" repeats "office" */
static void
test_duplicate_escaped_name (void)
{
  const char *json = "{\"format\": \"1\", \"office\": \"first\",\n"
                     "\"organisation\": {\"name\": \"IJM\"},\n"
                     "\"offic\\u0065\": \"second\"}";
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_data (json, strlen (json), "t.json", NULL,
                                                                diagnostics, &error);
  g_autofree char *warnings = NULL;

  g_assert_no_error (error);
  warnings = impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_WARNING);
  g_assert_cmpstr (warnings, ==, "t.json:3:1: duplicate member \"office\"; only the last one is used");
  g_assert_cmpstr (impact_document_get_office (doc), ==, "second");
}

/* A save keeps the map right: every path has the line and column that a
 * fresh load of the saved file gives, and the next save is format
 * preserving from the saved text */
static void
test_positions_after_save (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sheet.json", NULL);
  g_autofree char *source = impact_test_example_path ("kolkata.json");
  g_autofree char *data = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;
  g_autoptr(ImpactDocument) fresh = NULL;
  ImpactSourceMap *before;
  const char * const paths[] = {
    "office", "milestones[0].date", "milestones[3].title", "milestones[5]", "facts[1].source.url",
    "statistics[2].value", "profile.name", "footer.disclaimer", "quote.text", "approach[1].lead",
  };
  gsize length;

  g_file_get_contents (source, &data, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
  doc = impact_json_loader_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  before = impact_document_get_source_map (doc);

  /* two new milestones at the top move every later line */
  impact_document_insert_item (doc, IMPACT_LIST_MILESTONES, 0);
  impact_document_insert_item (doc, IMPACT_LIST_MILESTONES, 0);
  impact_document_changed (doc);
  g_assert_true (impact_json_writer_save (doc, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (impact_document_get_source_map (doc) != before);

  fresh = impact_json_loader_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      guint line = 0, column = 0, fresh_line = 0, fresh_column = 0;

      g_assert_true (impact_document_locate (doc, paths[i], &line, &column));
      g_assert_true (impact_document_locate (fresh, paths[i], &fresh_line, &fresh_column));
      g_assert_cmpuint (line, ==, fresh_line);
      g_assert_cmpuint (column, ==, fresh_column);
      g_assert_cmpuint (line, >, 1);
    }
  check_spans (impact_document_get_source_map (doc),
               impact_document_get_source_root (doc));
}

/* Copies and undo steps share the map; it outlives the document it came
 * from; taking contents moves it with the sections */
static void
test_map_through_copy_and_undo (void)
{
  gsize length = 0;
  g_autofree char *data = read_example ("kolkata.json", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_data (data, length, "k.json", NULL, NULL, &error);
  g_autoptr(ImpactDocument) copy = NULL;
  g_autoptr(ImpactDocument) other = NULL;
  ImpactSourceMap *map;
  guint line, column, copy_line, copy_column;

  g_assert_no_error (error);
  map = impact_document_get_source_map (doc);
  copy = impact_document_copy (doc);
  g_assert_true (impact_document_get_source_map (copy) == map);

  g_assert_true (impact_document_locate (doc, "milestones[4].date", &line, &column));
  g_clear_object (&doc);
  /* the copy still knows every position */
  g_assert_true (impact_document_locate (copy, "milestones[4].date", &copy_line, &copy_column));
  g_assert_cmpuint (line, ==, copy_line);
  g_assert_cmpuint (column, ==, copy_column);

  other = impact_document_new ();
  impact_document_take_contents (other, copy);
  g_assert_true (impact_document_get_source_map (other) == map);
  g_assert_null (impact_document_get_source_map (copy));
  g_assert_true (impact_document_locate (other, "milestones[4].date", &copy_line, &copy_column));
  g_assert_cmpuint (line, ==, copy_line);
}

/* Only regular files are read: a FIFO, a device, a folder are refused
 * without reading (a FIFO without a writer would block forever) */
static void
test_read_special_files (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.json", NULL);
  const char * const paths[] = { fifo, "/dev/zero", dir };
  const char * const what[] = { "a pipe", "a device", "a folder" };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  alarm (30);  /* a hang guard only */
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
      g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, diagnostics, NULL, &error);
      g_autofree char *expected = g_strdup_printf ("not a regular file (%s)", what[i]);

      g_assert_null (doc);
      g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE);
      g_assert_nonnull (strstr (error->message, expected));
      g_assert_cmpuint (impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_ERROR), ==, 1);
    }
  alarm (0);
}

/* Opening decides by the strictly scanned tree: TimelineJS converts, our
 * data loads, and a TimelineJS text json-glib alone would take (single
 * quotes, a trailing comma) is refused like any other bad JSON. The window
 * (impact-load-task.c) and every command call this one function. */
static void
test_open_file_kinds (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *timelinejs = impact_test_data_path ("timeline/data/timelinejs-all.json");
  g_autofree char *example = impact_test_example_path ("kolkata.json");
  g_autofree char *lenient = g_build_filename (dir, "lenient.json", NULL);
  struct { const char *path; gboolean ok; ImpactOpenKind kind; const char *error; } cases[] = {
    { timelinejs, TRUE, IMPACT_OPEN_TIMELINEJS, NULL },
    { example, TRUE, IMPACT_OPEN_IMPACT_SHEET, NULL },
    { lenient, FALSE, IMPACT_OPEN_IMPACT_SHEET, "lenient.json:1:2: syntax error: single quotes are not allowed" },
  };
  g_autoptr(GError) error = NULL;

  g_file_set_contents (lenient, "{'events': [{'start_date': {'year': 2001}, 'text': {'headline': 'x'}},]}",
                       -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cases[i].path);
      g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
      g_autoptr(ImpactDocument) doc = NULL;
      ImpactOpenKind kind = 99;

      g_clear_error (&error);
      doc = impact_document_open_file (file, diagnostics, &kind, NULL, &error);
      if (cases[i].ok)
        {
          g_assert_no_error (error);
          g_assert_nonnull (doc);
          g_assert_cmpint (kind, ==, cases[i].kind);
          g_assert_cmpuint (impact_document_get_milestones (doc)->len, >, 0);
        }
      else
        {
          g_assert_null (doc);
          g_assert_nonnull (error);
          g_assert_true (g_str_has_prefix (error->message, cases[i].error));
        }
    }

  /* the command line takes the TimelineJS file as the window does */
  {
    const char *argv[] = { impact_test_binary (), "validate", timelinejs, NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (impact_test_run (argv, &out, &err), ==, 0);
    argv[2] = lenient;
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (impact_test_run (argv, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "single quotes are not allowed"));
  }
}

/* Integer literals outside gint64 are flagged, found without the index
 * when the text has none, and the index made later agrees. */
static void
test_int_overflow (void)
{
  Reports r = { 0 };
  g_autoptr(ImpactSourceMap) map =
    scan_string ("{\"a\": 99999999999999999999, \"b\": 5, "
                 "\"c\": [-9223372036854775809, 9223372036854775807, -9223372036854775808]}", &r);
  g_autoptr(ImpactSourceMap) plain = scan_string ("{\"a\": 5, \"b\": [1, 2.5e300]}", &r);
  JsonObject *root;
  JsonArray *c;

  g_assert_nonnull (map);
  g_assert_nonnull (plain);
  g_assert_cmpuint (r.n_errors, ==, 0);
  root = json_node_get_object (impact_source_map_get_root (map));
  c = json_object_get_array_member (root, "c");
  g_assert_true (impact_source_map_int_overflow (map, json_object_get_member (root, "a")));
  g_assert_false (impact_source_map_int_overflow (map, json_object_get_member (root, "b")));
  g_assert_true (impact_source_map_int_overflow (map, json_array_get_element (c, 0)));
  g_assert_false (impact_source_map_int_overflow (map, json_array_get_element (c, 1)));
  g_assert_false (impact_source_map_int_overflow (map, json_array_get_element (c, 2)));
  g_assert_false (impact_source_map_int_overflow (map, impact_source_map_get_root (map)));
  g_assert_true (impact_source_map_lookup (map, json_object_get_member (root, "a"))->flags &
                 IMPACT_SOURCE_SPAN_INT_OVERFLOW);

  root = json_node_get_object (impact_source_map_get_root (plain));
  g_assert_false (impact_source_map_int_overflow (plain, json_object_get_member (root, "a")));
  g_assert_false (impact_source_map_int_overflow (plain, json_object_get_member (root, "b")));
  g_assert_nonnull (impact_source_map_lookup (plain, json_object_get_member (root, "b")));
}

typedef struct
{
  ImpactSourceMap         *map;
  JsonArray               *array;
  const ImpactSourceSpan **found;
} LookupJob;

static gpointer
lookup_all (gpointer data)
{
  LookupJob *job = data;

  for (guint i = 0; i < json_array_get_length (job->array); i++)
    job->found[i] = impact_source_map_lookup (job->map, json_array_get_element (job->array, i));
  return NULL;
}

/* The index is made on the first lookup, which may come from several
 * threads at once (exports work on copies of a document, which share its
 * map): each finds every value where it is written. */
static void
test_lookup_from_threads (void)
{
  g_autoptr(GString) json = g_string_new ("[");
  const guint n = 5000, n_threads = 4;
  Reports r = { 0 };
  g_autoptr(ImpactSourceMap) map = NULL;
  LookupJob jobs[4];
  GThread *threads[4];
  const char *data;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s%u", i ? ", " : "", i * 7);
  g_string_append (json, "]");
  map = scan_string (json->str, &r);
  g_assert_nonnull (map);
  data = g_bytes_get_data (impact_source_map_get_text (map), NULL);
  for (guint t = 0; t < n_threads; t++)
    {
      jobs[t].map = map;
      jobs[t].array = json_node_get_array (impact_source_map_get_root (map));
      jobs[t].found = g_new0 (const ImpactSourceSpan *, n);
      threads[t] = g_thread_new ("lookup", lookup_all, &jobs[t]);
    }
  for (guint t = 0; t < n_threads; t++)
    g_thread_join (threads[t]);
  for (guint t = 0; t < n_threads; t++)
    {
      for (guint i = 0; i < n; i++)
        {
          const ImpactSourceSpan *span = jobs[t].found[i];
          g_autofree char *expected = g_strdup_printf ("%u", i * 7);

          g_assert_nonnull (span);
          g_assert_cmpuint (span->end - span->start, ==, strlen (expected));
          g_assert_cmpint (strncmp (data + span->start, expected, strlen (expected)), ==, 0);
          g_assert_true (span == jobs[0].found[i]);
        }
    }
  for (guint t = 0; t < n_threads; t++)
    g_free (jobs[t].found);
  g_assert_null (impact_source_map_lookup (map, NULL));
}

/* A streamed scan */

typedef struct
{
  Reports     reports;
  const char *take;      /* the array whose elements it takes */
  GString    *taken;     /* "member[index]=json;" of each element taken */
  guint       n_offered;
} Stream;

static void
stream_collect (gpointer        user_data,
                ImpactSeverity  severity,
                ImpactError     code,
                guint           line,
                guint           column,
                const char     *path,
                const char     *message)
{
  Stream *stream = user_data;

  collect (&stream->reports, severity, code, line, column, path, message);
}

static gboolean
stream_take (gpointer    user_data,
             const char *member,
             guint       index,
             JsonNode   *element)
{
  Stream *stream = user_data;
  g_autofree char *json = NULL;

  stream->n_offered++;
  if (g_strcmp0 (member, stream->take) != 0)
    return FALSE;
  json = json_to_string (element, FALSE);
  g_string_append_printf (stream->taken, "%s[%u]=%s;", member, index, json);
  return TRUE;
}

static ImpactSourceMap *
scan_streamed (const char *json,
               Stream     *stream)
{
  g_autoptr(GBytes) text = g_bytes_new (json, strlen (json));

  return impact_json_scan_streamed (text, stream_collect, stream_take, stream);
}

/* The elements of a top-level array go to the callback as each is
 * complete; those it takes leave the tree and the map, and what stays
 * is where it is written. */
static void
test_scan_streamed (void)
{
  static const char json[] =
    "{\"title\": \"t\",\n"
    " \"milestones\": [{\"date\": \"2001\", \"m\": {\"a\": [1, 2]}},\n"
    "   \"x\", [3, {\"b\": null}], 4],\n"
    " \"eras\": [{\"start\": \"2000\"}, {\"start\": \"2001\"}],\n"
    " \"nested\": {\"milestones\": [5]}, \"after\": [true]}";
  Stream stream = { { 0 }, "milestones", g_string_new (NULL), 0 };
  Reports r = { 0 };
  g_autoptr(ImpactSourceMap) full = scan_string (json, &r);
  g_autoptr(ImpactSourceMap) map = scan_streamed (json, &stream);
  JsonObject *root;

  g_assert_nonnull (full);
  g_assert_nonnull (map);
  g_assert_cmpuint (stream.reports.n_errors + stream.reports.n_warnings, ==, 0);
  g_assert_cmpstr (stream.taken->str, ==,
                   "milestones[0]={\"date\":\"2001\",\"m\":{\"a\":[1,2]}};"
                   "milestones[1]=\"x\";milestones[2]=[3,{\"b\":null}];milestones[3]=4;");
  /* eras' and after's elements were offered too, not nested.milestones' */
  g_assert_cmpuint (stream.n_offered, ==, 4 + 2 + 1);

  root = json_node_get_object (impact_source_map_get_root (map));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "milestones")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "eras")), ==, 2);
  g_assert_cmpuint (json_array_get_length (
                      json_object_get_array_member (json_object_get_object_member (root, "nested"),
                                                    "milestones")), ==, 1);
  /* the twelve values of the elements taken left the map; every other
   * value's span holds its text, its line and column (the root's and the
   * emptied array's hold the elements' text too) */
  g_assert_cmpuint (impact_source_map_get_n_spans (map), ==,
                    impact_source_map_get_n_spans (full) - 12);
  {
    const ImpactSourceSpan *array = impact_source_map_lookup (map, json_object_get_member (root, "milestones"));
    guint n = 2;

    g_assert_nonnull (impact_source_map_lookup (map, impact_source_map_get_root (map)));
    g_assert_nonnull (array);
    g_assert_cmpuint (array->n_children, ==, 0);
    g_assert_cmpuint (array->line, ==, 2);
    g_assert_cmpuint (array->column, ==, 16);
    for (const char * const *name = (const char * const[]) { "title", "eras", "nested", "after", NULL };
         *name != NULL; name++)
      n += check_spans (map, json_object_get_member (root, *name));
    g_assert_cmpuint (n, ==, impact_source_map_get_n_spans (map));
  }
  g_string_free (stream.taken, TRUE);
}

/* Streamed or not, a text gets the same reports */
static void
test_scan_streamed_reports (void)
{
  static const char * const texts[] = {
    "{\"milestones\": [{\"a\": 1}, {\"a\": tru}]}",
    "{\"milestones\": [{\"a\": 1, \"a\": 2}, {\"b\": 1, \"b\": [1]}], \"milestones\": []}",
    "{\"milestones\": [{\"a\": [1,]}]}",
    "{\"milestones\": [1, 2}",
    "{\"milestones\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
    "{\"milestones\": [99999999999999999999, \"\\x\"]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      Reports r = { 0 };
      Stream stream = { { 0 }, "milestones", g_string_new (NULL), 0 };
      g_autoptr(ImpactSourceMap) full = NULL;
      g_autoptr(ImpactSourceMap) map = NULL;

      r.messages = g_string_new (NULL);
      stream.reports.messages = g_string_new (NULL);
      full = scan_string (texts[i], &r);
      map = scan_streamed (texts[i], &stream);
      g_assert_true ((full == NULL) == (map == NULL));
      g_assert_cmpuint (r.n_errors + r.n_warnings, >, 0);
      g_assert_cmpstr (stream.reports.messages->str, ==, r.messages->str);
      g_string_free (r.messages, TRUE);
      g_string_free (stream.reports.messages, TRUE);
      g_string_free (stream.taken, TRUE);
    }

  /* the cap on elements counts those taken too */
  {
    g_autoptr(GString) json = g_string_new ("{\"milestones\": [0");
    Reports r = { 0 };
    Stream stream = { { 0 }, "milestones", g_string_new (NULL), 0 };
    g_autoptr(ImpactSourceMap) full = NULL;
    g_autoptr(ImpactSourceMap) map = NULL;

    for (guint i = 0; i < IMPACT_JSON_MAX_ITEMS; i++)
      g_string_append (json, ",0");
    g_string_append (json, "]}");
    r.messages = g_string_new (NULL);
    stream.reports.messages = g_string_new (NULL);
    full = scan_string (json->str, &r);
    map = scan_streamed (json->str, &stream);
    g_assert_null (full);
    g_assert_null (map);
    g_assert_nonnull (strstr (r.messages->str, "array with more than"));
    g_assert_cmpstr (stream.reports.messages->str, ==, r.messages->str);
    g_assert_cmpuint (stream.n_offered, ==, IMPACT_JSON_MAX_ITEMS);
    g_string_free (r.messages, TRUE);
    g_string_free (stream.reports.messages, TRUE);
    g_string_free (stream.taken, TRUE);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/source-map/scan-matches-json-glib", test_scan_matches_json_glib);
  g_test_add_func ("/source-map/scan-mutations", test_scan_mutations);
  g_test_add_func ("/source-map/scan-refuses", test_scan_refuses);
  g_test_add_func ("/source-map/scan-caps", test_scan_caps);
  g_test_add_func ("/source-map/duplicate-escaped-name", test_duplicate_escaped_name);
  g_test_add_func ("/source-map/positions-after-save", test_positions_after_save);
  g_test_add_func ("/source-map/copy-and-undo", test_map_through_copy_and_undo);
  g_test_add_func ("/source-map/read-special-files", test_read_special_files);
  g_test_add_func ("/source-map/open-file-kinds", test_open_file_kinds);
  g_test_add_func ("/source-map/int-overflow", test_int_overflow);
  g_test_add_func ("/source-map/lookup-from-threads", test_lookup_from_threads);
  g_test_add_func ("/source-map/scan-streamed", test_scan_streamed);
  g_test_add_func ("/source-map/scan-streamed-reports", test_scan_streamed_reports);

  return g_test_run ();
}
