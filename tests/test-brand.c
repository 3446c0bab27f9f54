/* test-brand.c: one brand (organisation and theme) for many offices
 *
 * A sheet's "brand": the office's own values override the brand's member
 * by member, the brand's logo is found next to the brand file, a missing
 * or broken brand is an error naming its path, saving writes only the
 * office's own values, and validate and batch export work over a folder
 * of offices sharing a brand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "impact-brand.h"
#include "impact-brand-file.h"
#include "impact-error.h"
#include "impact-json-loader.h"
#include "impact-json-writer.h"
#include "impact-test-utils.h"

static const char brand_json[] =
  "{\n"
  "  \"organisation\": { \"name\": \"Example Mission\", \"short_name\": \"EM\",\n"
  "                    \"address\": [\"1 Main Street\", \"Springfield\"], \"logo\": \"logo.png\" },\n"
  "  \"theme\": { \"template\": \"bold\", \"primary\": \"#0b3d2e\", \"accent\": \"#f2a541\" }\n"
  "}\n";

static const char lima_json[] =
  "{\n"
  "  \"format\": \"1\",\n"
  "  \"brand\": \"../brand.json\",\n"
  "  \"office\": \"Lima, Peru\",\n"
  "  \"organisation\": { \"phone\": \"+51 1 555 0100\" },\n"
  "  \"theme\": { \"accent\": \"#c0392b\" }\n"
  "}\n";

static const char quito_json[] =
  "{ \"format\": \"1\", \"brand\": \"../brand.json\", \"office\": \"Quito, Ecuador\" }\n";

static void
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* offices/brand.json, offices/lima/lima.json, offices/quito/quito.json */
static char *
make_offices (const char *brand)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  char *offices = g_build_filename (dir, "offices", NULL);

  if (brand != NULL)
    write_file (offices, "brand.json", brand);
  write_file (offices, "lima/lima.json", lima_json);
  write_file (offices, "quito/quito.json", quito_json);
  return offices;
}

static ImpactDocument *
load (const char  *offices,
      const char  *relative,
      GError     **error)
{
  g_autofree char *path = g_build_filename (offices, relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return impact_json_loader_load_file (file, NULL, NULL, error);
}

static void
test_inherit_and_override (void)
{
  g_autofree char *offices = make_offices (brand_json);
  g_autofree char *logo = g_build_filename (offices, "logo.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = load (offices, "lima/lima.json", &error);
  ImpactOrganisation *org;
  ImpactThemeSpec *theme;

  g_assert_no_error (error);
  org = impact_document_get_organisation (doc);
  theme = impact_document_get_theme_spec (doc);
  g_assert_cmpstr (impact_document_get_brand (doc), ==, "../brand.json");
  g_assert_cmpstr (org->name, ==, "Example Mission");
  g_assert_cmpstr (org->address[1], ==, "Springfield");
  /* the office's own */
  g_assert_cmpstr (org->phone, ==, "+51 1 555 0100");
  g_assert_cmpstr (theme->accent, ==, "#c0392b");
  /* the brand's, with its logo next to the brand file */
  g_assert_cmpstr (theme->primary, ==, "#0b3d2e");
  g_assert_cmpstr (theme->template_name, ==, "bold");
  g_assert_cmpstr (org->logo, ==, logo);

  g_assert_true (impact_brand_is_inherited (doc, "theme", "primary"));
  g_assert_false (impact_brand_is_inherited (doc, "theme", "accent"));
  g_assert_false (impact_brand_is_inherited (doc, "organisation", "phone"));
  g_assert_false (impact_brand_is_inherited (doc, "theme", "text"));
  {
    g_autoptr(GPtrArray) inherited = impact_brand_list_inherited (doc);
    g_autofree char *joined = NULL;

    g_ptr_array_add (inherited, NULL);
    joined = g_strjoinv (" ", (char **) inherited->pdata);
    g_assert_cmpstr (joined, ==, "organisation.name organisation.short_name organisation.address "
                                 "organisation.logo theme.template theme.primary");
  }
}

/* saving writes the office's own values only; a value changed since
 * loading becomes the office's own */
static void
test_save_keeps_brand_out (void)
{
  g_autofree char *offices = make_offices (brand_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = load (offices, "lima/lima.json", &error);
  g_autoptr(ImpactDocument) quito = load (offices, "quito/quito.json", &error);
  g_autofree char *data = NULL;
  g_autofree char *quito_data = NULL;
  gsize length;

  g_assert_no_error (error);
  data = impact_json_writer_to_data (doc, &length);
  /* unchanged: the same bytes */
  g_assert_cmpstr (data, ==, lima_json);
  quito_data = impact_json_writer_to_data (quito, &length);
  g_assert_cmpstr (quito_data, ==, quito_json);
  g_clear_pointer (&data, g_free);

  g_free (impact_document_get_theme_spec (doc)->primary);
  impact_document_get_theme_spec (doc)->primary = g_strdup ("#123456");
  data = impact_json_writer_to_data (doc, &length);
  g_assert_nonnull (strstr (data, "\"primary\": \"#123456\""));
  g_assert_null (strstr (data, "Example Mission"));
  g_assert_null (strstr (data, "#f2a541"));
  g_assert_null (strstr (data, "logo"));
  g_assert_null (strstr (data, "bold"));
  g_assert_false (impact_brand_is_inherited (doc, "theme", "primary"));
}

static void
test_missing_brand (void)
{
  g_autofree char *offices = make_offices (NULL);
  g_autofree char *where = g_build_filename (offices, "brand.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = load (offices, "lima/lima.json", &error);

  g_assert_null (doc);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "lima.json:3:12: brand: cannot use the brand file \"../brand.json\""));
  g_assert_nonnull (strstr (error->message, where));
  /* one error, not one more for the organisation's name */
  g_assert_null (strstr (error->message, "organisation.name"));
}

static void
test_broken_brand (void)
{
  static const struct { const char *brand; const char *expected; } cases[] = {
    { "{ \"theme\": { \"primary\": \"#0b3d2e\", }\n", "brand.json:1:34: syntax error: trailing comma" },
    { "{ \"theme\": { \"primary\": \"blue\" } }\n", "../brand.json:1:25: theme.primary: expected a colour" },
    { "[ 1 ]\n", "a brand file holds an object" },
    { "{ \"organisation\": { \"short_name\": \"EM\" } }\n", "../brand.json:1:19: organisation.name: missing required member" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *offices = make_offices (cases[i].brand);
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpactDocument) doc = load (offices, "lima/lima.json", &error);

      g_assert_null (doc);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "lima.json:3:12: brand: "));
      if (strstr (error->message, cases[i].expected) == NULL)
        g_error ("case %" G_GSIZE_FORMAT ": expected “%s” in “%s”", i, cases[i].expected, error->message);
    }
}

/* the brand's own warnings name the brand file; a sheet without a brand
 * must still name its organisation */
static void
test_brand_warnings_and_required (void)
{
  g_autofree char *offices = make_offices ("{ \"theme\": { \"primry\": \"#000000\" } }\n");
  g_autoptr(ImpactDiagnostics) diags = impact_diagnostics_new ();
  g_autofree char *path = g_build_filename (offices, "quito/quito.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, diags, NULL, &error);
  g_autofree char *warnings = NULL;

  /* this brand names no organisation, and neither does quito */
  g_assert_null (doc);
  g_assert_nonnull (strstr (error->message, "organisation: missing required member"));
  warnings = impact_diagnostics_to_string (diags, IMPACT_SEVERITY_WARNING);
  g_assert_nonnull (warnings);
  g_assert_nonnull (strstr (warnings, "../brand.json:1:14: theme: unknown member \"primry\""));
}

static void
test_cli_validate_and_batch (void)
{
  g_autofree char *offices = make_offices (brand_json);
  g_autofree char *lima = g_build_filename (offices, "lima", "lima.json", NULL);
  g_autofree char *quito = g_build_filename (offices, "quito", "quito.json", NULL);
  g_autofree char *out = g_build_filename (offices, "pdf", G_DIR_SEPARATOR_S, NULL);
  g_autofree char *lima_pdf = g_build_filename (offices, "pdf", "lima.pdf", NULL);
  g_autofree char *quito_pdf = g_build_filename (offices, "pdf", "quito.pdf", NULL);

  {
    g_auto(ImpactTestResult) r = { 0 };
    const char *args[] = { "validate", lima, NULL };

    impact_test_run_cli (&r, NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "lima.json: theme.primary: from ../brand.json"));
    g_assert_null (strstr (r.out, "theme.accent: from"));
  }
  /* the brand itself: checked as a brand, with the offices that name it */
  {
    g_auto(ImpactTestResult) r = { 0 };
    g_autofree char *brand = g_build_filename (offices, "brand.json", NULL);
    const char *args[] = { "validate", brand, NULL };

    impact_test_run_cli (&r, NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "brand.json is a valid brand file, named by 2 offices beside it"));
    g_assert_null (strstr (r.err, "missing required member"));
  }
  {
    g_auto(ImpactTestResult) r = { 0 };
    g_autofree char *other = make_offices ("{\n  \"theme\": { \"accent\": \"#12345\" }\n}\n");
    g_autofree char *brand = g_build_filename (other, "brand.json", NULL);
    const char *args[] = { "validate", brand, NULL };

    impact_test_run_cli (&r, NULL, args);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "brand.json:2:24: theme.accent: not a colour (#rrggbb)"));
    g_assert_nonnull (strstr (r.out, "brand.json is not a valid brand file"));
  }
  {
    g_auto(ImpactTestResult) r = { 0 };
    const char *args[] = { "export", lima, quito, "-o", out, NULL };

    impact_test_run_cli (&r, NULL, args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_test (lima_pdf, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (quito_pdf, G_FILE_TEST_IS_REGULAR));
  }
  /* the brand gone: each office fails with the brand's path */
  {
    g_auto(ImpactTestResult) r = { 0 };
    g_autofree char *brand = g_build_filename (offices, "brand.json", NULL);
    const char *args[] = { "export", lima, quito, "-o", out, NULL };

    g_assert_cmpint (g_remove (brand), ==, 0);
    impact_test_run_cli (&r, NULL, args);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "quito.json:1:27: brand: cannot use the brand file \"../brand.json\""));
    g_assert_nonnull (strstr (r.err, "lima.json:3:12: brand: cannot use the brand file \"../brand.json\""));
  }
}

static ImpactBrandFile *
open_brand (const char  *offices,
            GError     **error)
{
  g_autofree char *path = g_build_filename (offices, "brand.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return impact_brand_file_load (file, error);
}

/* A brand file is told from a sheet by its shape */
static void
test_detect (void)
{
  static const struct { const char *json; gboolean brand; } cases[] = {
    { "{ \"organisation\": { \"name\": \"A\" } }", TRUE },
    { "{ \"theme\": { \"accent\": \"#112233\" } }", TRUE },
    { "{ \"$schema\": \"x\", \"x-note\": 1, \"theme\": {} }", TRUE },
    { "{ \"format\": \"1\", \"theme\": {} }", FALSE },
    { "{ \"organisation\": {}, \"title\": \"A sheet\" }", FALSE },
    { "{ \"brand\": \"../brand.json\", \"theme\": {} }", FALSE },
    { "{ \"events\": [] }", FALSE },
    { "{}", FALSE },
    { "[ { \"theme\": {} } ]", FALSE },
    { "\"theme\"", FALSE },
  };
  g_autofree char *offices = make_offices (brand_json);
  g_autofree char *lima = g_build_filename (offices, "lima", "lima.json", NULL);
  g_autofree char *brand = g_build_filename (offices, "brand.json", NULL);
  g_autoptr(GFile) lima_file = g_file_new_for_path (lima);
  g_autoptr(GFile) brand_file = g_file_new_for_path (brand);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/brand.json");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = json_from_string (cases[i].json, NULL);

      g_test_message ("%s", cases[i].json);
      g_assert_cmpint (impact_brand_file_detect (root), ==, cases[i].brand);
    }
  g_assert_true (impact_brand_file_detect_file (brand_file));
  g_assert_false (impact_brand_file_detect_file (lima_file));
  g_assert_false (impact_brand_file_detect_file (missing));
}

/* Bad values are refused with file:line:column and the JSON path */
static void
test_file_errors (void)
{
  static const struct { const char *json; const char *message; } cases[] = {
    { "{\n  \"theme\": { \"accent\": \"orange-ish\" }\n}\n",
      "brand.json:2:24: theme.accent: not a colour (#rrggbb)" },
    { "{\n  \"theme\": { \"template\": \"fancy\" }\n}\n",
      "brand.json:2:26: theme.template: not a template (classic, bold)" },
    { "{ \"organisation\": { \"name\": 42 } }\n",
      "brand.json:1:29: organisation.name: expected a string" },
    { "{ \"organisation\": { \"address\": [\"1 Main St\", 7] } }\n",
      "brand.json:1:46: organisation.address[1]: expected a string" },
    { "{ \"organisation\": [] }\n",
      "brand.json:1:19: organisation: expected an object" },
    { "{ \"theme\": { \"accent\": \"#fff\" }, }\n",
      "brand.json:1:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *offices = make_offices (cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpactBrandFile) brand = open_brand (offices, &error);

      g_test_message ("%s -> %s", cases[i].json, error ? error->message : "(no error)");
      g_assert_null (brand);
      int code = i + 1 == G_N_ELEMENTS (cases) ? IMPACT_ERROR_PARSE : IMPACT_ERROR_INVALID_VALUE;

      g_assert_error (error, IMPACT_ERROR, code);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

/* Values read, changed (checked), saved atomically; offices found */
static void
test_file_edit_and_save (void)
{
  g_autofree char *offices = make_offices (brand_json);
  g_autofree char *path = g_build_filename (offices, "brand.json", NULL);
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autofree char *logo = g_build_filename (offices, "logo.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactBrandFile) brand = open_brand (offices, &error);
  g_autoptr(ImpactBrandFile) again = NULL;
  g_autoptr(ImpactDocument) values = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *address = NULL;
  g_autofree char *text = NULL;
  g_autofree char *accent = NULL;

  g_assert_no_error (error);
  address = impact_brand_file_dup_value (brand, "organisation.address");
  g_assert_cmpstr (address, ==, "1 Main Street\nSpringfield");
  g_assert_null (impact_brand_file_dup_value (brand, "theme.body_font"));
  g_assert_false (impact_brand_file_is_modified (brand));

  /* a bad colour changes nothing */
  g_assert_false (impact_brand_file_set_value (brand, "theme.accent", "#12345", &error));
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "theme.accent"));
  g_clear_error (&error);
  g_assert_false (impact_brand_file_is_modified (brand));

  g_assert_true (impact_brand_file_set_value (brand, "theme.accent", "#2266aa", &error));
  g_assert_true (impact_brand_file_set_value (brand, "theme.body_font", "Noto Sans", &error));
  g_assert_true (impact_brand_file_set_value (brand, "organisation.short_name", "", &error));
  g_assert_true (impact_brand_file_set_value (brand, "organisation.address", "2 High Road\n\nRiverton\n", &error));
  g_assert_no_error (error);
  g_assert_true (impact_brand_file_is_modified (brand));

  values = impact_brand_file_dup_values (brand);
  g_assert_cmpstr (impact_document_get_theme_spec (values)->accent, ==, "#2266aa");
  g_assert_cmpstr (impact_document_get_organisation (values)->logo, ==, logo);
  g_assert_null (impact_document_get_organisation (values)->short_name);

  g_assert_true (impact_brand_file_save (brand, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (impact_brand_file_is_modified (brand));
  g_assert_true (g_file_test (bak, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"#2266aa\""));
  g_assert_null (strstr (text, "short_name"));
  g_assert_null (strstr (text, "#f2a541"));

  again = open_brand (offices, &error);
  g_assert_no_error (error);
  accent = impact_brand_file_dup_value (again, "theme.accent");
  g_assert_cmpstr (accent, ==, "#2266aa");
  g_free (address);
  address = impact_brand_file_dup_value (again, "organisation.address");
  g_assert_cmpstr (address, ==, "2 High Road\nRiverton");

  /* both offices name it; the brand itself is not an office */
  found = impact_brand_file_find_offices (again);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_true (g_str_has_suffix (g_file_peek_path (g_ptr_array_index (found, 0)), "lima/lima.json"));
  g_assert_true (g_str_has_suffix (g_file_peek_path (g_ptr_array_index (found, 1)), "quito/quito.json"));
}

/* Changing values keeps the file's own layout, byte for byte elsewhere,
 * as a document's save does; adding a member writes it out again */
static void
test_file_save_keeps_layout (void)
{
  static const char written[] =
    "\xEF\xBB\xBF{\n"
    "  \"$schema\": \"x\",  \"x-note\": \"kept\",\n"
    "  \"organisation\": { \"name\": \"Example Mission\",\n"
    "                    \"address\": [\"1 Main Street\",   \"Springfield\"] },\n"
    "  \"theme\": { \"primary\": \"#0b3d2e\", \"accent\": \"#f2a541\" }\n"
    "}\n";
  g_autofree char *offices = make_offices (written);
  g_autofree char *path = g_build_filename (offices, "brand.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactBrandFile) brand = open_brand (offices, &error);
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *third = NULL;
  g_autoptr(GString) expected = g_string_new (written);

  g_assert_no_error (error);
  g_assert_true (impact_brand_file_set_value (brand, "theme.accent", "#2266aa", NULL));
  g_assert_true (impact_brand_file_set_value (brand, "organisation.name", "Misión \"Ejemplo\"", NULL));
  g_assert_true (impact_brand_file_save (brand, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_string_replace (expected, "#f2a541", "#2266aa", 1);
  g_string_replace (expected, "\"Example Mission\"", "\"Misión \\\"Ejemplo\\\"\"", 1);
  g_assert_cmpstr (text, ==, expected->str);

  /* and again from what was written: the address, in place */
  g_assert_true (impact_brand_file_set_value (brand, "organisation.address", "2 High Road\nRiverton", NULL));
  g_assert_true (impact_brand_file_save (brand, FALSE, &error));
  g_assert_true (g_file_get_contents (path, &again, NULL, NULL));
  g_string_replace (expected, "[\"1 Main Street\",   \"Springfield\"]", "[\"2 High Road\",\"Riverton\"]", 1);
  g_assert_cmpstr (again, ==, expected->str);

  /* a new member: the whole file, with what the app does not know kept */
  g_assert_true (impact_brand_file_set_value (brand, "theme.body_font", "Noto Sans", NULL));
  g_assert_true (impact_brand_file_save (brand, FALSE, &error));
  g_assert_true (g_file_get_contents (path, &third, NULL, NULL));
  g_assert_nonnull (strstr (third, "\"body_font\" : \"Noto Sans\""));
  g_assert_nonnull (strstr (third, "\"x-note\" : \"kept\""));
  g_assert_nonnull (strstr (third, "Riverton"));
  {
    g_autoptr(ImpactBrandFile) reopened = open_brand (offices, &error);
    g_autofree char *name = NULL;

    g_assert_no_error (error);
    name = impact_brand_file_dup_value (reopened, "organisation.name");
    g_assert_cmpstr (name, ==, "Misión \"Ejemplo\"");
  }
}

/* A changed brand reaches what an office inherits, not what it overrides */
static void
test_apply_and_reset (void)
{
  g_autofree char *offices = make_offices (brand_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) lima = load (offices, "lima/lima.json", &error);
  g_autoptr(ImpactBrandFile) brand = open_brand (offices, NULL);
  g_autoptr(ImpactDocument) values = NULL;
  g_autoptr(ImpactDocument) sample = impact_document_new ();
  g_autoptr(GPtrArray) inherited = NULL;
  g_autofree char *value = NULL;
  ImpactThemeSpec *theme;

  g_assert_no_error (error);
  g_assert_true (impact_brand_file_set_value (brand, "theme.accent", "#00ff00", NULL));
  g_assert_true (impact_brand_file_set_value (brand, "theme.primary", "#101010", NULL));
  g_assert_true (impact_brand_file_set_value (brand, "theme.heading_font", "Cantarell", NULL));
  g_assert_true (impact_brand_file_set_value (brand, "organisation.name", "Renamed Mission", NULL));
  values = impact_brand_file_dup_values (brand);
  impact_brand_apply (lima, NULL, values, FALSE);

  theme = impact_document_get_theme_spec (lima);
  g_assert_cmpstr (theme->accent, ==, "#c0392b");      /* Lima's own */
  g_assert_cmpstr (theme->primary, ==, "#101010");     /* inherited: follows */
  g_assert_cmpstr (theme->heading_font, ==, "Cantarell"); /* new in the brand */
  g_assert_cmpstr (impact_document_get_organisation (lima)->name, ==, "Renamed Mission");
  g_assert_cmpstr (impact_document_get_organisation (lima)->phone, ==, "+51 1 555 0100");
  g_assert_cmpstr (impact_document_get_brand (lima), ==, "../brand.json");
  g_assert_true (impact_brand_is_inherited (lima, "theme", "primary"));
  g_assert_false (impact_brand_is_inherited (lima, "theme", "accent"));

  /* reset: the brand's accent again, and inherited (left out on save) */
  value = impact_brand_dup_value (lima, "theme.accent");
  g_assert_cmpstr (value, ==, "#00ff00");
  g_assert_false (impact_brand_reset (lima, "theme.body_font"));  /* the brand has none */
  g_assert_false (impact_brand_reset (lima, "theme.nonsense"));
  g_assert_true (impact_brand_reset (lima, "theme.accent"));
  g_assert_cmpstr (theme->accent, ==, "#00ff00");
  g_assert_true (impact_brand_is_inherited (lima, "theme", "accent"));
  inherited = impact_brand_list_inherited (lima);
  for (guint i = 0; i < inherited->len; i++)
    g_assert_cmpstr (g_ptr_array_index (inherited, i), !=, "organisation.phone");
  {
    g_autofree char *saved = impact_json_writer_to_data (lima, NULL);

    g_assert_null (strstr (saved, "\"accent\""));
    g_assert_null (strstr (saved, "#00ff00"));
    g_assert_nonnull (strstr (saved, "+51 1 555 0100"));
  }

  /* a sheet without this brand, shown with it: the brand wins everywhere */
  impact_document_get_theme_spec (sample)->accent = g_strdup ("#999999");
  impact_brand_apply (sample, NULL, values, TRUE);
  g_assert_cmpstr (impact_document_get_theme_spec (sample)->accent, ==, "#00ff00");
  g_assert_cmpstr (impact_document_get_organisation (sample)->name, ==, "Renamed Mission");
  g_assert_null (impact_document_get_brand_values (sample));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/brand/inherit-and-override", test_inherit_and_override);
  g_test_add_func ("/brand/save-keeps-brand-out", test_save_keeps_brand_out);
  g_test_add_func ("/brand/missing", test_missing_brand);
  g_test_add_func ("/brand/broken", test_broken_brand);
  g_test_add_func ("/brand/warnings-and-required", test_brand_warnings_and_required);
  g_test_add_func ("/brand/cli", test_cli_validate_and_batch);
  g_test_add_func ("/brand/detect", test_detect);
  g_test_add_func ("/brand/file-errors", test_file_errors);
  g_test_add_func ("/brand/file-edit-and-save", test_file_edit_and_save);
  g_test_add_func ("/brand/file-save-keeps-layout", test_file_save_keeps_layout);
  g_test_add_func ("/brand/apply-and-reset", test_apply_and_reset);
  return g_test_run ();
}
