/* test-section-fields.c: the editor's field lists of the section table
 *
 * Every field descriptor (impact-fields.h) names a member the loader
 * accepts, of the type its kind writes, and points at the struct member
 * the loader fills: each is written into the example's data, the data is
 * loaded, no "unknown member" is reported and each value is read back
 * through the descriptor. A key the loader does not know is caught.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "impact-json-loader.h"
#include "impact-test-utils.h"
#include "sections/impact-sections.h"

/* Every descriptor, with its group */
typedef struct
{
  const ImpactFieldGroup *group;
  const ImpactFieldInfo  *info;
  gboolean                item;
} Entry;

static GArray *
all_fields (void)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  guint n_sections;
  const ImpactSectionInfo *sections = impact_sections_get_all (&n_sections);

  for (guint i = 0; i < n_sections; i++)
    for (const ImpactFieldGroup *group = sections[i].fields; group && group->key; group++)
      {
        for (const ImpactFieldInfo *info = group->fields; info && info->key; info++)
          g_array_append_vals (entries, &(Entry) { group, info, FALSE }, 1);
        for (const ImpactFieldInfo *info = group->item_fields; info && info->key; info++)
          g_array_append_vals (entries, &(Entry) { group, info, TRUE }, 1);
      }
  return entries;
}

/* A value the field's kind writes, different for each field (@n) */
static JsonNode *
sample_value (const ImpactFieldInfo *info,
              guint                  n)
{
  g_autofree char *text = NULL;
  JsonNode *node;

  switch (info->value)
    {
    case IMPACT_VALUE_DOUBLE:
    case IMPACT_VALUE_INT64:
      return json_node_init_int (json_node_alloc (), 10 + n);
    case IMPACT_VALUE_UINT:
      return json_node_init_int (json_node_alloc (), 2);
    case IMPACT_VALUE_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), TRUE);
    case IMPACT_VALUE_DATE:
      return json_node_init_string (json_node_alloc (), "2019-03");
    case IMPACT_VALUE_LINES:
      {
        JsonArray *lines = json_array_new ();

        json_array_add_string_element (lines, "First line");
        json_array_add_string_element (lines, "Second line");
        /* the node takes its own reference */
        node = json_node_init_array (json_node_alloc (), lines);
        json_array_unref (lines);
        return node;
      }
    case IMPACT_VALUE_METRICS:
      {
        JsonObject *metrics = json_object_new ();

        json_object_set_int_member (metrics, "rescued", 2 + n);
        node = json_node_init_object (json_node_alloc (), metrics);
        json_object_unref (metrics);
        return node;
      }
    case IMPACT_VALUE_DERIVE_METRIC:
      return json_node_init_string (json_node_alloc (), "rescued");
    default:
      break;
    }
  switch (info->kind)
    {
    case IMPACT_FIELD_CHOICE:
    case IMPACT_FIELD_ICON:
      return json_node_init_string (json_node_alloc (),
                                    info->choices[g_strv_length ((char **) info->choices) - 1]);
    case IMPACT_FIELD_COLOUR:
      text = g_strdup_printf ("#1020%02x", n % 256);
      break;
    case IMPACT_FIELD_URL:
      text = g_strdup_printf ("https://example.org/%u", n);
      break;
    case IMPACT_FIELD_EMAIL:
      text = g_strdup_printf ("office%u@example.org", n);
      break;
    case IMPACT_FIELD_PHONE:
      text = g_strdup_printf ("+1 555 01%02u", n % 100);
      break;
    case IMPACT_FIELD_IMAGE:
      text = g_strdup_printf ("images/picture-%u.png", n);
      break;
    default:
      /* a language must be a tag, a font a family */
      if (g_str_equal (info->key, "language"))
        text = g_strdup ("fr");
      else if (g_str_has_suffix (info->key, "_font"))
        text = g_strdup ("DejaVu Sans");
      else
        text = g_strdup_printf ("Sample text %u", n);
      break;
    }
  return json_node_init_string (json_node_alloc (), text);
}

/* The object @path ("source" of "source.title") in @object, made if need be */
static JsonObject *
ensure_object (JsonObject *object,
               const char *name)
{
  if (!json_object_has_member (object, name) ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, name)))
    json_object_set_object_member (object, name, json_object_new ());
  return json_object_get_object_member (object, name);
}

static void
set_path (JsonObject *object,
          const char *key,
          JsonNode   *value)
{
  g_auto(GStrv) parts = g_strsplit (key, ".", -1);
  guint n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n; i++)
    object = ensure_object (object, parts[i]);
  json_object_set_member (object, parts[n - 1], value);
}

/* The object the fields of @entry go into: the document, the group's
 * object or the list's last item (made when the list is empty) */
static JsonObject *
target_object (JsonObject  *root,
               const Entry *entry)
{
  JsonArray *items;

  if (entry->info->value == IMPACT_VALUE_DOCUMENT)
    return root;
  if (!entry->item)
    return ensure_object (root, entry->group->key);
  if (!json_object_has_member (root, entry->group->key))
    json_object_set_array_member (root, entry->group->key, json_array_new ());
  items = json_object_get_array_member (root, entry->group->key);
  if (json_array_get_length (items) == 0)
    json_array_add_object_element (items, json_object_new ());
  return json_array_get_object_element (items, json_array_get_length (items) - 1);
}

static JsonNode *
load_example (void)
{
  g_autofree char *path = impact_test_example_path ("kolkata.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static ImpactDocument *
load_root (JsonNode          *root,
           ImpactDiagnostics *diagnostics)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  ImpactDocument *doc;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  doc = impact_json_loader_load_data (text, strlen (text), "fields.json", NULL, diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static gpointer
record_of (ImpactDocument *doc,
           const Entry    *entry)
{
  if (entry->item)
    {
      GPtrArray *items = impact_document_get_list (doc, entry->group->list);

      g_assert_cmpuint (items->len, >, 0);
      return g_ptr_array_index (items, items->len - 1);
    }
  return entry->group->record ? entry->group->record (doc) : NULL;
}

/* The value the descriptor points at, as the JSON it was written as */
static void
assert_read_back (ImpactDocument *doc,
                  const Entry    *entry,
                  JsonNode       *written)
{
  const ImpactFieldInfo *info = entry->info;
  gpointer record = record_of (doc, entry);
  gpointer member = impact_field_member (info, record);

  g_test_message ("%s.%s", entry->group->key, info->key);
  if (info->value != IMPACT_VALUE_DOCUMENT && info->value != IMPACT_VALUE_DERIVE_METRIC)
    g_assert_nonnull (member);
  switch (info->value)
    {
    case IMPACT_VALUE_STRING:
      g_assert_cmpstr (*(char **) member, ==, json_node_get_string (written));
      break;
    case IMPACT_VALUE_DOCUMENT:
      g_assert_cmpstr (info->get (doc), ==, json_node_get_string (written));
      break;
    case IMPACT_VALUE_DOUBLE:
      g_assert_cmpfloat (*(double *) member, ==, (double) json_node_get_int (written));
      break;
    case IMPACT_VALUE_UINT:
      g_assert_cmpuint (*(guint *) member, ==, json_node_get_int (written));
      break;
    case IMPACT_VALUE_INT64:
      g_assert_cmpint (*(gint64 *) member, ==, json_node_get_int (written));
      break;
    case IMPACT_VALUE_BOOLEAN:
      g_assert_true (*(gboolean *) member);
      break;
    case IMPACT_VALUE_DATE:
      {
        g_autofree char *iso = impact_date_to_iso (member);

        g_assert_cmpstr (iso, ==, json_node_get_string (written));
      }
      break;
    case IMPACT_VALUE_LINES:
      g_assert_cmpuint (g_strv_length (*(char ***) member), ==, 2);
      g_assert_cmpstr ((*(char ***) member)[1], ==, "Second line");
      break;
    case IMPACT_VALUE_METRICS:
      {
        GArray *metrics = *(GArray **) member;

        g_assert_cmpuint (metrics->len, ==, 1);
        g_assert_cmpstr (g_array_index (metrics, ImpactMetric, 0).name, ==, "rescued");
        g_assert_cmpint (g_array_index (metrics, ImpactMetric, 0).value, ==,
                         json_object_get_int_member (json_node_get_object (written), "rescued"));
      }
      break;
    case IMPACT_VALUE_SOURCE_TITLE:
      g_assert_nonnull (*(ImpactSource **) member);
      g_assert_cmpstr ((*(ImpactSource **) member)->title, ==, json_node_get_string (written));
      break;
    case IMPACT_VALUE_SOURCE_URL:
      g_assert_nonnull (*(ImpactSource **) member);
      g_assert_cmpstr ((*(ImpactSource **) member)->url, ==, json_node_get_string (written));
      break;
    case IMPACT_VALUE_DERIVE_METRIC:
      g_assert_cmpstr (((ImpactStatistic *) record)->derive_metric, ==, json_node_get_string (written));
      break;
    default:
      g_assert_not_reached ();
    }
}

static guint
count_unknown (ImpactDiagnostics *diagnostics,
               GString           *out)
{
  guint n = 0;

  for (guint i = 0; i < impact_diagnostics_get_n_items (diagnostics); i++)
    {
      const ImpactDiagnostic *diag = impact_diagnostics_get_item (diagnostics, i);

      if (strstr (diag->message, "unknown member") != NULL)
        {
          g_autofree char *line = impact_diagnostic_to_string (diag);

          g_string_append_printf (out, "%s\n", line);
          n++;
        }
    }
  return n;
}

/* Every descriptor written at once: the loader knows each key and fills
 * the member the descriptor names */
static void
test_fields_loaded (void)
{
  g_autoptr(GArray) entries = all_fields ();
  g_autoptr(JsonNode) root = load_example ();
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GString) unknown = g_string_new (NULL);
  g_autoptr(ImpactDocument) doc = NULL;

  g_assert_cmpuint (entries->len, >, 50);
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);
      JsonNode *value = sample_value (entry->info, i);

      g_ptr_array_add (written, json_node_ref (value));
      set_path (target_object (json_node_get_object (root), entry), entry->info->key, value);
    }
  doc = load_root (root, diagnostics);
  if (count_unknown (diagnostics, unknown) > 0)
    g_error ("keys the loader does not know:\n%s", unknown->str);
  for (guint i = 0; i < entries->len; i++)
    assert_read_back (doc, &g_array_index (entries, Entry, i), g_ptr_array_index (written, i));
}

/* The check itself catches a key the loader does not know */
static void
test_unknown_key_caught (void)
{
  static const ImpactFieldInfo wrong = { "kickr", "Kicker", IMPACT_FIELD_LINE };
  Entry entry = { &impact_section_problem_fields[0], &wrong, FALSE };
  g_autoptr(JsonNode) root = load_example ();
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GString) unknown = g_string_new (NULL);
  g_autoptr(ImpactDocument) doc = NULL;

  set_path (target_object (json_node_get_object (root), &entry), wrong.key, sample_value (&wrong, 1));
  doc = load_root (root, diagnostics);
  g_assert_cmpuint (count_unknown (diagnostics, unknown), ==, 1);
  g_test_message ("%s", unknown->str);
  g_assert_nonnull (strstr (unknown->str, "problem"));
  g_assert_nonnull (strstr (unknown->str, "kickr"));
}

/* The tables are whole: labels, unique keys, choices with their labels */
static void
test_fields_well_formed (void)
{
  g_autoptr(GArray) entries = all_fields ();
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);
      const ImpactFieldInfo *info = entry->info;
      char *key = impact_field_key (entry->group, info, entry->item && info->value != IMPACT_VALUE_DOCUMENT ? 0 : -1);

      g_test_message ("%s", key);
      g_assert_false (g_hash_table_contains (keys, key));
      g_hash_table_add (keys, key);
      g_assert_nonnull (info->label);
      g_assert_cmpstr (info->label, !=, "");
      if ((info->kind == IMPACT_FIELD_CHOICE || info->kind == IMPACT_FIELD_ICON) &&
          info->value != IMPACT_VALUE_DERIVE_METRIC)
        {
          g_assert_nonnull (info->choices);
          g_assert_nonnull (info->choice_labels);
          g_assert_cmpuint (g_strv_length ((char **) info->choices), ==,
                            g_strv_length ((char **) info->choice_labels));
        }
      if (info->value == IMPACT_VALUE_DOCUMENT)
        g_assert_true (info->get != NULL && info->set != NULL);
      if (info->kind == IMPACT_FIELD_NUMBER)
        g_assert_cmpfloat (info->min, <, info->max);
      if (entry->item)
        g_assert_nonnull (entry->group->add_name);
    }
  /* the keys the window's click-to-select and the tests use */
  g_assert_true (g_hash_table_contains (keys, "office"));
  g_assert_true (g_hash_table_contains (keys, "statistics.0.derive.metric"));
  g_assert_true (g_hash_table_contains (keys, "milestones.0.date"));
  g_assert_true (g_hash_table_contains (keys, "theme.primary"));
  g_assert_true (g_hash_table_contains (keys, "organisation.phone"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/section-fields/loaded", test_fields_loaded);
  g_test_add_func ("/section-fields/unknown-key-caught", test_unknown_key_caught);
  g_test_add_func ("/section-fields/well-formed", test_fields_well_formed);

  return g_test_run ();
}
