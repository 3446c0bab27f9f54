/* impact-emphasis.h: the inline-emphasis subset of rich texts
 *
 * Rich texts in the data may mark **bold** and *italic* runs. Everything
 * else is literal text: "<", "&" and Pango markup are never interpreted.
 * A backslash makes the next "*" or "\" literal. A marker without its
 * closing partner is literal too (and the loader warns about it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  IMPACT_EMPHASIS_BOLD   = 1 << 0,
  IMPACT_EMPHASIS_ITALIC = 1 << 1,
} ImpactEmphasisFlags;

typedef struct
{
  guint               start;  /* byte offset in the plain text */
  guint               end;    /* exclusive */
  ImpactEmphasisFlags flags;
} ImpactEmphasisSpan;

/* Returns the plain text; @spans (optional) receives an array of
 * ImpactEmphasisSpan; @balanced (optional) is set to FALSE when a marker
 * was left unclosed. */
char *impact_emphasis_parse (const char  *source,
                             GArray     **spans,
                             gboolean    *balanced);

G_END_DECLS
