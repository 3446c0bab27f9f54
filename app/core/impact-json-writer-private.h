/* impact-json-writer-private.h: what a section's JSON writing is written with
 *
 * The writer (impact-json-writer.c) writes the document's root members and
 * the brand (organisation, theme); every section writes its own members in
 * its file under sections/ with these helpers, which keep a member's old
 * node (and so its text) when its value did not change. Private to core:
 * the writer and the section files include it, nothing else. The helpers
 * keep their short names inside core; their symbols are prefixed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "impact-document.h"

G_BEGIN_DECLS

#define string_node       impact_json_string_node
#define number_node       impact_json_number_node
#define put               impact_json_put
#define put_string        impact_json_put_string
#define put_flag          impact_json_put_flag
#define put_date          impact_json_put_date
#define put_icon          impact_json_put_icon
#define section_object    impact_json_section_object
#define item_object       impact_json_item_object
#define put_object        impact_json_put_object
#define put_source        impact_json_put_source
#define take_object_node  impact_json_take_object_node
#define put_list          impact_json_put_list

typedef JsonNode *(*ItemNodeFunc) (gconstpointer item);

JsonNode *
string_node (const char *value);

JsonNode *
number_node (double value);

void
put (JsonObject *object,
     const char *name,
     JsonNode   *value);

void
put_string (JsonObject *object,
            const char *name,
            const char *value);

void
put_flag (JsonObject *object,
          const char *name,
          gboolean    value);

void
put_date (JsonObject       *object,
          const char       *name,
          const ImpactDate *date);

void
put_icon (JsonObject *object,
          const char *value);

JsonObject *
section_object (JsonObject *parent,
                const char *name);

JsonObject *
item_object (JsonObject *origin);

void
put_object (JsonObject *parent,
            const char *name,
            JsonObject *object);

void
put_source (JsonObject         *object,
            const ImpactSource *source);

JsonNode *
take_object_node (JsonObject *o);

void
put_list (JsonObject   *root,
          const char   *name,
          GPtrArray    *items,
          ItemNodeFunc  item_node);

G_END_DECLS
