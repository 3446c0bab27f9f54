/* impact-open.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-open"

#include "impact-error.h"
#include "impact-json-loader.h"
#include "impact-open.h"
#include "impact-timelinejs.h"

static ImpactDocument *
open_timelinejs (GFile              *file,
                 JsonNode           *root,
                 const char         *name,
                 ImpactDiagnostics  *found,
                 GError            **error)
{
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) converted = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  ImpactDocument *doc;
  gsize length = 0;

  converted = impact_timelinejs_convert (root, report, error);
  if (converted == NULL)
    return NULL;
  generator = json_generator_new ();
  json_generator_set_root (generator, converted);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);

  for (guint i = 0; i < report->len; i++)
    impact_diagnostics_add (found, IMPACT_SEVERITY_WARNING, name, 0, 0, "timelinejs",
                            "%s", (const char *) g_ptr_array_index (report, i));
  /* the converted data goes through the same loader as any other */
  doc = impact_json_loader_load_data (text, length, name, file, found, &local_error);
  if (doc == NULL)
    g_set_error (error, IMPACT_ERROR, local_error->code,
                 "%s: the TimelineJS file converts into data that does not load:\n%s",
                 name, local_error->message);
  return doc;
}

ImpactDocument *
impact_document_open_file (GFile              *file,
                           ImpactDiagnostics  *diagnostics,
                           ImpactOpenKind     *kind,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_autoptr(ImpactDiagnostics) found = impact_diagnostics_new ();
  g_autoptr(ImpactSourceMap) map = NULL;
  g_autofree char *name = NULL;
  ImpactDocument *doc = NULL;
  JsonNode *root;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (kind != NULL)
    *kind = IMPACT_OPEN_IMPACT_SHEET;
  name = g_file_get_basename (file);
  map = impact_json_loader_read_file (file, found, cancellable, error);
  if (map != NULL)
    {
      root = impact_source_map_get_root (map);
      if (impact_timelinejs_detect (root))
        {
          if (kind != NULL)
            *kind = IMPACT_OPEN_TIMELINEJS;
          doc = open_timelinejs (file, root, name, found, error);
        }
      else
        {
          doc = impact_json_loader_load_map (map, name, file, found, error);
        }
      impact_diagnostics_sort (found);
    }
  if (diagnostics != NULL)
    impact_diagnostics_extend (diagnostics, found);
  return doc;
}
