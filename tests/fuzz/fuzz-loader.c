/* fuzz-loader.c: libFuzzer target for the JSON loader
 *
 * Every input must end in a document or a GError, never a crash, a hang
 * or a leak.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>

#include "impact-json-loader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = NULL;

  doc = impact_json_loader_load_data ((const char *) data, size, "fuzz.json", NULL, diagnostics, &error);
  g_assert ((doc == NULL) == (error != NULL));
  if (error != NULL)
    g_assert (g_utf8_validate (error->message, -1, NULL));
  return 0;
}
