/* fuzz-csv.c: libFuzzer target for the spreadsheet (CSV) import
 *
 * Each input is read as milestones, as statistics and with the kind
 * guessed. The parse either fails with a GError or yields items; those are
 * applied to a small sheet, which is written and must load again without
 * an error (what a CSV brings in is always valid data).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <string.h>

#include "impact-csv-import.h"
#include "impact-json-loader.h"
#include "impact-json-writer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

static const char sheet[] =
  "{ \"format\": \"1\", \"office\": \"Fuzz\", \"organisation\": { \"name\": \"Org\" },\n"
  "  \"statistics\": [ { \"derive\": { \"metric\": \"rescued\" }, \"label\": \"rescued\" } ],\n"
  "  \"milestones\": [ { \"date\": \"2001\", \"title\": \"Own\" } ] }\n";

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const ImpactCsvTarget targets[] = {
    IMPACT_CSV_TARGET_AUTO, IMPACT_CSV_TARGET_MILESTONES, IMPACT_CSV_TARGET_STATISTICS,
  };

  for (gsize t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpactCsvImport) import = impact_csv_import_parse ((const char *) data, size, "fuzz.csv",
                                                                   targets[t], NULL, &error);
      g_autoptr(ImpactDocument) doc = NULL;
      g_autoptr(ImpactDocument) again = NULL;
      g_autoptr(GError) load_error = NULL;
      g_autofree char *text = NULL;
      gsize len = 0;
      guint n;

      g_assert ((import == NULL) == (error != NULL));
      if (import == NULL)
        {
          g_assert (g_utf8_validate (error->message, -1, NULL));
          continue;
        }
      n = impact_csv_import_get_items (import)->len + impact_csv_import_get_eras (import)->len;
      g_assert (n > 0);
      doc = impact_json_loader_load_data (sheet, strlen (sheet), "fuzz.json", NULL, NULL, &load_error);
      g_assert_no_error (load_error);
      impact_csv_import_apply (import, doc);
      /* applying twice replaces: the count stays */
      impact_csv_import_apply (import, doc);
      g_assert (impact_csv_import_count_previous (import, doc) == n);
      text = impact_json_writer_to_data (doc, &len);
      again = impact_json_loader_load_data (text, len, "fuzz.json", NULL, NULL, &load_error);
      g_assert_no_error (load_error);
      g_assert (again != NULL);
    }
  return 0;
}
