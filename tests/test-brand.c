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
  return g_test_run ();
}
