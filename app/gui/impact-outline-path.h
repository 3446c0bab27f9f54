/* impact-outline-path.h: which outline entry a diagnostic's JSON path concerns
 *
 * Pure functions (no widgets), unit-tested without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "impact-sheet-layout.h"

G_BEGIN_DECLS

/* The outline entry a diagnostic belongs to. */
typedef enum
{
  IMPACT_OUTLINE_TARGET_NONE,      /* no particular entry: listed on its own */
  IMPACT_OUTLINE_TARGET_SECTION,   /* a section (item -1) or one item of it */
  IMPACT_OUTLINE_TARGET_THEME,     /* colours, fonts, template (contrast warnings) */
} ImpactOutlineTarget;

/* Maps "milestones[3].date" to (MILESTONES, 3), "problem.body" to
 * (PROBLEM, -1), "theme.accent" to THEME. @path may be NULL. */
ImpactOutlineTarget impact_outline_path_parse (const char    *path,
                                               ImpactSection *out_section,
                                               int           *out_item);

G_END_DECLS
