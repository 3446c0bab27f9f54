/* impact-source-map-private.h: how the scanner builds a source map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "impact-source-map.h"

G_BEGIN_DECLS

struct _ImpactSourceMap
{
  GBytes     *text;
  gboolean    has_bom;
  JsonNode   *root;       /* owned */
  GArray     *spans;      /* of ImpactSourceSpan, in the order values start */
  GArray     *children;   /* of guint: span indices, each container's run together */
  GPtrArray  *nodes;      /* borrowed JsonNode* of each span, by span index */
  GHashTable *index;      /* JsonNode* -> span index + 1, made on the first
                           * lookup (a clean load looks nothing up) */
  guint       n_int_overflows;
  GPtrArray  *shadowed;   /* nodes a later duplicate member replaced, kept alive */
};

ImpactSourceMap *impact_source_map_new_empty (GBytes *text);

G_END_DECLS
