/* fuzz-loader.c: libFuzzer target for the JSON loader
 *
 * Every input must end in a document or a GError, never a crash, a hang
 * or a leak; and the streamed load of the command line's exports gives a
 * document exactly when the full load has nothing to say.
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

  {
    g_autoptr(GBytes) text = g_bytes_new (data, size);
    g_autoptr(ImpactDocument) streamed = impact_json_loader_load_streamed (text, NULL);
    gboolean clean = doc != NULL && impact_diagnostics_get_n_items (diagnostics) == 0;

    g_assert (clean == (streamed != NULL));
    if (streamed != NULL)
      g_assert (impact_document_get_milestones (streamed)->len ==
                impact_document_get_milestones (doc)->len);
  }
  return 0;
}
