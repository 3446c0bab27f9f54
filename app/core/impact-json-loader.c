/* impact-json-loader.c: read and validate impact data (format v1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-json-loader"

#include "impact-json-loader.h"
#include "impact-error.h"

ImpactDocument *
impact_json_loader_load_data (const char         *data,
                              gsize               length,
                              const char         *display_name,
                              GFile              *base_file,
                              ImpactDiagnostics  *diagnostics,
                              GError            **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_PARSE,
               "%s: loader not implemented yet", display_name ? display_name : "<data>");
  return NULL;
}

ImpactDocument *
impact_json_loader_load_file (GFile              *file,
                              ImpactDiagnostics  *diagnostics,
                              GCancellable       *cancellable,
                              GError            **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  name = g_file_get_basename (file);
  return impact_json_loader_load_data (contents, length, name, file, diagnostics, error);
}
