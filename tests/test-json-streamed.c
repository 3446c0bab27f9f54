/* test-json-streamed.c: the streamed load of the command line's exports
 *
 * impact_json_loader_load_for_export() reads each milestone while the
 * text is scanned and frees its part of the tree (100,000 milestones
 * without a whole JSON tree, issue 14). These tests hold it to the full
 * load: the same document for every clean text (the example, the valid
 * fixtures, generated documents), nothing of the tree kept, and, for a
 * text with anything to report, the full load's very messages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "impact-doc-gen.h"
#include "impact-error.h"
#include "impact-json-loader.h"
#include "impact-json-writer.h"
#include "impact-open.h"
#include "impact-test-utils.h"

/* Members a milestone's JSON keeps that its model does not: the streamed
 * load drops them with the tree, and never saves; and what the writer
 * keeps as written though it says no more than its absence
 * ("highlight": false, "metrics": {}) */
static void
drop_unmodelled (JsonNode *root)
{
  JsonArray *milestones;

  if (!json_object_has_member (json_node_get_object (root), "milestones"))
    return;
  milestones = json_object_get_array_member (json_node_get_object (root), "milestones");
  for (guint i = 0; i < json_array_get_length (milestones); i++)
    {
      JsonObject *m = json_array_get_object_element (milestones, i);
      g_autoptr(GList) names = json_object_get_members (m);

      for (GList *l = names; l != NULL; l = l->next)
        if (g_str_equal (l->data, "imported_from") || g_str_has_prefix (l->data, "x-") ||
            g_str_has_prefix (l->data, "$"))
          json_object_remove_member (m, l->data);
      if (json_object_has_member (m, "highlight") &&
          !json_object_get_boolean_member (m, "highlight"))
        json_object_remove_member (m, "highlight");
      if (json_object_has_member (m, "metrics") &&
          json_object_get_size (json_object_get_object_member (m, "metrics")) == 0)
        json_object_remove_member (m, "metrics");
    }
}

/* What the writer makes of @doc, without its source (so formatting does
 * not count), as a tree */
static JsonNode *
written_tree (ImpactDocument *doc)
{
  g_autoptr(ImpactDocument) copy = impact_document_copy (doc);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  JsonNode *tree;

  impact_document_set_source_map (copy, NULL);
  data = impact_json_writer_to_data (copy, NULL);
  g_assert_nonnull (data);
  tree = json_from_string (data, &error);
  g_assert_no_error (error);
  return tree;
}

/* The streamed load of @json gives what the full load gives when that has
 * nothing to say, and nothing otherwise. Returns whether it was clean. */
static gboolean
check_same_document (const char *json,
                     gsize       length,
                     const char *what)
{
  g_autoptr(GBytes) text = g_bytes_new (json, length);
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) full = NULL;
  g_autoptr(ImpactDocument) streamed = NULL;
  g_autoptr(JsonNode) full_tree = NULL;
  g_autoptr(JsonNode) streamed_tree = NULL;
  GPtrArray *milestones;

  full = impact_json_loader_load_data (json, length, "test.json", NULL, diagnostics, &error);
  streamed = impact_json_loader_load_streamed (text, NULL);
  if (full == NULL || impact_diagnostics_get_n_items (diagnostics) > 0)
    {
      if (streamed != NULL)
        g_error ("%s: the streamed load gave a document where the full one reports", what);
      return FALSE;
    }
  if (streamed == NULL)
    g_error ("%s: the streamed load refused a clean text", what);

  /* nothing of the text is kept: no map, no milestone's JSON */
  g_assert_null (impact_document_get_source_map (streamed));
  milestones = impact_document_get_milestones (streamed);
  g_assert_cmpuint (milestones->len, ==, impact_document_get_milestones (full)->len);
  for (guint i = 0; i < milestones->len; i++)
    g_assert_null (((ImpactMilestone *) g_ptr_array_index (milestones, i))->json);

  full_tree = written_tree (full);
  streamed_tree = written_tree (streamed);
  drop_unmodelled (full_tree);
  if (!json_node_equal (full_tree, streamed_tree))
    {
      g_autofree char *a = json_to_string (full_tree, TRUE);
      g_autofree char *b = json_to_string (streamed_tree, TRUE);

      g_error ("%s: the documents differ:\nfull:\n%s\nstreamed:\n%s", what, a, b);
    }
  return TRUE;
}

static void
test_same_as_full (void)
{
  g_autofree char *example = impact_test_example_path ("kolkata.json");
  g_autofree char *valid = impact_test_data_path ("data/valid");
  g_autoptr(GPtrArray) names = impact_test_json_names (valid);
  g_autoptr(GError) error = NULL;
  guint n_clean = 0;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (example, &data, &length, &error);
  g_assert_no_error (error);
  g_assert_true (check_same_document (data, length, "kolkata.json"));
  g_free (data);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (valid, name, NULL);

      g_file_get_contents (path, &data, &length, &error);
      g_assert_no_error (error);
      n_clean += check_same_document (data, length, name);
      g_free (data);
    }
  g_assert_cmpuint (n_clean, >, 0);

  /* every shape the generator makes: six languages, eras, metrics */
  for (guint32 seed = 1; seed <= 60; seed++)
    {
      g_autofree char *json = impact_doc_gen_generate (seed, NULL);
      g_autofree char *what = g_strdup_printf ("generated seed %u", seed);

      g_assert_true (check_same_document (json, strlen (json), what));
    }
}

/* Milestones with what the model does not keep: the streamed document
 * has none of it (and is never saved); read the full way, as the window
 * does, the members survive a save. */
static void
test_unmodelled_members (void)
{
  static const char json[] =
    "{\"format\": \"1\", \"office\": \"O\", \"organisation\": {\"name\": \"Org\"},\n"
    " \"milestones\": [\n"
    "  {\"date\": \"2001-02\", \"title\": \"One\", \"x-note\": {\"kept\": [1, 2]},\n"
    "   \"imported_from\": \"sheet.csv\"},\n"
    "  {\"date\": \"2003\", \"title\": \"Two\", \"metrics\": {\"rescued\": 4}, \"$ref\": \"r\"}]}\n";
  g_autoptr(GBytes) text = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(ImpactDocument) streamed = impact_json_loader_load_streamed (text, NULL);
  g_autoptr(ImpactDocument) full = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  ImpactMilestone *m;

  g_assert_true (check_same_document (json, sizeof json - 1, "unmodelled members"));
  g_assert_nonnull (streamed);
  m = g_ptr_array_index (impact_document_get_milestones (streamed), 1);
  g_assert_null (m->json);
  g_assert_cmpstr (m->title, ==, "Two");
  g_assert_cmpuint (m->metrics->len, ==, 1);

  full = impact_json_loader_load_data (json, sizeof json - 1, "test.json", NULL, NULL, &error);
  g_assert_no_error (error);
  m = g_ptr_array_index (impact_document_get_milestones (full), 0);
  g_free (m->title);
  m->title = g_strdup ("One, edited");
  saved = impact_json_writer_to_data (full, NULL);
  g_assert_nonnull (strstr (saved, "\"x-note\": {\"kept\": [1, 2]}"));
  g_assert_nonnull (strstr (saved, "\"imported_from\": \"sheet.csv\""));
  g_assert_nonnull (strstr (saved, "\"$ref\": \"r\""));
  g_assert_nonnull (strstr (saved, "\"One, edited\""));
}

/* Anything to report, and the streamed load gives nothing: the export
 * opens the file the full way, and says exactly what the window says. */
static void
test_falls_back (void)
{
  static const char * const head =
    "{\"format\": \"1\", \"office\": \"O\", \"organisation\": {\"name\": \"Org\"},\n";
  static const char * const cases[] = {
    /* an error in a milestone, in the middle */
    "\"milestones\": [{\"date\": \"2001\", \"title\": \"A\"},\n {\"date\": \"2001-13\", \"title\": \"B\"},\n"
    " {\"date\": \"2002\", \"title\": \"C\"}]}",
    /* a warning only (an unknown member) */
    "\"milestones\": [{\"date\": \"2001\", \"title\": \"A\", \"titel\": \"B\"}]}",
    /* a duplicate member (the scan's warning) */
    "\"milestones\": [{\"date\": \"2001\", \"title\": \"A\", \"title\": \"B\"}]}",
    /* an integer too large for 64 bits, read as 0 without the map */
    "\"milestones\": [{\"date\": \"2001\", \"title\": \"A\", \"metrics\": {\"n\": 99999999999999999999}}]}",
    /* an element that is not an object */
    "\"milestones\": [{\"date\": \"2001\", \"title\": \"A\"}, 7]}",
    /* two arrays of milestones */
    "\"milestones\": [{\"date\": \"2001\", \"title\": \"A\"}], \"milestones\": []}",
    /* an error after the milestones, and one before them in the brand */
    "\"theme\": {\"primary\": \"red\"}, \"milestones\": [{\"date\": \"2001\", \"title\": \"A\"}],"
    " \"eras\": [{\"start\": \"2003\", \"end\": \"2001\", \"title\": \"E\"}]}",
    /* a syntax error inside a milestone */
    "\"milestones\": [{\"date\": \"2001\", \"title\": \"A\",}]}",
    /* nesting too deep inside a milestone */
    "\"milestones\": [{\"date\": \"2001\", \"title\": \"A\", \"x-deep\": "
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}]}",
    /* not our data but TimelineJS */
    NULL,
  };
  static const char timelinejs[] =
    "{\"title\": {\"text\": {\"headline\": \"T\"}}, \"milestones\": [1],"
    " \"events\": [{\"start_date\": {\"year\": 2001}, \"text\": {\"headline\": \"E\"}}]}";
  g_autofree char *dir = impact_test_make_tmpdir ();

  for (guint i = 0; i <= G_N_ELEMENTS (cases) - 1; i++)
    {
      g_autofree char *json = cases[i] ? g_strconcat (head, cases[i], NULL) : g_strdup (timelinejs);
      g_autofree char *path = g_strdup_printf ("%s/case-%u.json", dir, i);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GBytes) text = g_bytes_new (json, strlen (json));
      g_autoptr(ImpactDiagnostics) want = impact_diagnostics_new ();
      g_autoptr(ImpactDiagnostics) got = impact_diagnostics_new ();
      g_autoptr(GError) want_error = NULL;
      g_autoptr(GError) got_error = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpactDocument) want_doc = NULL;
      g_autoptr(ImpactDocument) got_doc = NULL;
      g_autoptr(ImpactDocument) streamed = NULL;
      g_autofree char *want_text = NULL;
      g_autofree char *got_text = NULL;

      g_file_set_contents (path, json, -1, &error);
      g_assert_no_error (error);
      streamed = impact_json_loader_load_streamed (text, file);
      if (streamed != NULL)
        g_error ("case %u: streamed although there is something to say", i);

      want_doc = impact_document_open_file (file, want, NULL, NULL, &want_error);
      got_doc = impact_json_loader_load_for_export (file, got, NULL, &got_error);
      g_assert_true ((want_doc == NULL) == (got_doc == NULL));
      if (want_error != NULL)
        {
          g_assert_nonnull (got_error);
          g_assert_cmpstr (got_error->message, ==, want_error->message);
          g_assert_cmpint (got_error->code, ==, want_error->code);
        }
      else
        {
          g_assert_no_error (got_error);
          /* read the full way: it keeps its map */
          g_assert_nonnull (impact_document_get_source_map (got_doc));
        }
      want_text = impact_diagnostics_to_string (want, IMPACT_SEVERITY_WARNING);
      got_text = impact_diagnostics_to_string (got, IMPACT_SEVERITY_WARNING);
      g_assert_cmpuint (impact_diagnostics_get_n_items (want), >, 0);
      g_assert_cmpstr (got_text, ==, want_text);
    }
}

/* The file cannot be read: the full open's error */
static void
test_missing_file (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "missing.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) want = NULL;
  g_autoptr(GError) got = NULL;
  g_autoptr(ImpactDocument) want_doc = impact_document_open_file (file, NULL, NULL, NULL, &want);
  g_autoptr(ImpactDocument) got_doc = impact_json_loader_load_for_export (file, NULL, NULL, &got);

  g_assert_null (want_doc);
  g_assert_null (got_doc);
  g_assert_nonnull (got);
  g_assert_cmpstr (got->message, ==, want->message);
}

/* A clean file takes the streamed way */
static void
test_clean_file_streamed (void)
{
  g_autofree char *example = impact_test_example_path ("kolkata.json");
  g_autoptr(GFile) file = g_file_new_for_path (example);
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_for_export (file, diagnostics, NULL, &error);
  GPtrArray *milestones;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpuint (impact_diagnostics_get_n_items (diagnostics), ==, 0);
  g_assert_null (impact_document_get_source_map (doc));
  g_assert_true (g_file_equal (impact_document_get_file (doc), file));
  milestones = impact_document_get_milestones (doc);
  g_assert_cmpuint (milestones->len, >, 0);
  for (guint i = 0; i < milestones->len; i++)
    g_assert_null (((ImpactMilestone *) g_ptr_array_index (milestones, i))->json);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-streamed/same-as-full", test_same_as_full);
  g_test_add_func ("/json-streamed/unmodelled-members", test_unmodelled_members);
  g_test_add_func ("/json-streamed/falls-back", test_falls_back);
  g_test_add_func ("/json-streamed/missing-file", test_missing_file);
  g_test_add_func ("/json-streamed/clean-file-streamed", test_clean_file_streamed);
  return g_test_run ();
}
