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
  ImpactDocument *doc;

  /* converted, and checked to load like any other data */
  doc = impact_timelinejs_load_root (root, name, file, report, error);
  for (guint i = 0; i < report->len; i++)
    impact_diagnostics_add (found, IMPACT_SEVERITY_WARNING, name, 0, 0, "timelinejs",
                            "%s", (const char *) g_ptr_array_index (report, i));
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
