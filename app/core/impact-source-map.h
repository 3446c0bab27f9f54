/* impact-source-map.h: a parsed JSON text and where each of its values stands
 *
 * One strict scan (impact-json-scanner.h) makes the tree and the map in one
 * pass. The map is immutable and reference-counted: the document holds one
 * reference and hands it on through save, copy and undo, so every path it
 * knows keeps its line and column. The tree it holds is never modified in
 * place (the writer builds a new tree next to it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  IMPACT_SOURCE_SPAN_INT_OVERFLOW = 1 << 0,  /* an integer literal outside gint64 */
} ImpactSourceSpanFlags;

/* One value in the text. Offsets are bytes into the whole text (with its
 * byte order mark, if any); lines and columns are 1-based, columns count
 * characters. For a member or element, "lead" is the space after the '{',
 * '[' or ',' before it, "key" the member name with its colon (for elements
 * key_start == start), "trail" the space after the value up to the next ','
 * or closing bracket. Offsets fit 32 bits: a text is at most
 * IMPACT_JSON_MAX_FILE_SIZE (32 MiB) long, and a map of 100,000 milestones
 * holds over half a million spans (48 bytes each, not 72). */
typedef struct
{
  guint32 line;
  guint32 column;
  guint32 key_line;       /* of the member name, for members; else 0 */
  guint32 key_column;
  guint32 flags;          /* ImpactSourceSpanFlags */
  guint32 n_children;     /* members or elements as written (duplicates too) */
  guint32 first_child;    /* where they are listed: impact_source_map_get_child() */
  guint32 lead_start;
  guint32 key_start;
  guint32 start;
  guint32 end;
  guint32 trail_end;
} ImpactSourceSpan;

typedef struct _ImpactSourceMap ImpactSourceMap;

#define IMPACT_TYPE_SOURCE_MAP (impact_source_map_get_type ())
GType                   impact_source_map_get_type      (void) G_GNUC_CONST;

ImpactSourceMap        *impact_source_map_ref           (ImpactSourceMap *self);
void                    impact_source_map_unref         (ImpactSourceMap *self);

/* The whole text as read (with a byte order mark, if it had one) */
GBytes                 *impact_source_map_get_text      (ImpactSourceMap *self);
gboolean                impact_source_map_has_bom       (ImpactSourceMap *self);
/* The tree; owned by the map, never to be modified */
JsonNode               *impact_source_map_get_root      (ImpactSourceMap *self);
/* Where @node (a node of this map's tree) stands; NULL for a node that is
 * not in it. */
const ImpactSourceSpan *impact_source_map_lookup        (ImpactSourceMap *self,
                                                         JsonNode        *node);
/* Whether @node is an integer literal outside gint64 (its span has
 * IMPACT_SOURCE_SPAN_INT_OVERFLOW); quick when the text has none */
gboolean                impact_source_map_int_overflow  (ImpactSourceMap *self,
                                                         JsonNode        *node);
/* Whether any integer literal of the text is outside gint64 */
gboolean                impact_source_map_has_int_overflows (ImpactSourceMap *self);
/* The @index-th child of a container as written (0 ≤ index < n_children) */
const ImpactSourceSpan *impact_source_map_get_child     (ImpactSourceMap        *self,
                                                         const ImpactSourceSpan *span,
                                                         guint                   index);
guint                   impact_source_map_get_n_spans   (ImpactSourceMap *self);
/* The line and column of a JSON path ("milestones[3].date"): of the path
 * itself, or of the nearest part of it that exists (a missing member: its
 * object). FALSE when nothing is known. */
gboolean                impact_source_map_locate        (ImpactSourceMap *self,
                                                         const char      *path,
                                                         guint           *line,
                                                         guint           *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactSourceMap, impact_source_map_unref)

G_END_DECLS
