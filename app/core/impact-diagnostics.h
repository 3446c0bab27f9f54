/* impact-diagnostics.h: errors and warnings about a document, with where they are
 *
 * The loader fills one with every problem it finds in a single pass; the
 * layout adds overflow warnings. Each entry knows the file, the line and
 * column (0 when unknown), the JSON path ("milestones[3].date") and a message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  IMPACT_SEVERITY_WARNING,
  IMPACT_SEVERITY_ERROR,
} ImpactSeverity;

typedef struct
{
  ImpactSeverity severity;
  char          *file;     /* display name, or NULL */
  guint          line;     /* 1-based, 0 = unknown */
  guint          column;   /* 1-based, 0 = unknown */
  char          *path;     /* JSON path, or NULL: "milestones[3].date" */
  char          *message;  /* "expected YYYY, YYYY-MM or YYYY-MM-DD, got \"2006-13\"" */
} ImpactDiagnostic;

typedef struct _ImpactDiagnostics ImpactDiagnostics;

ImpactDiagnostics      *impact_diagnostics_new          (void);
void                    impact_diagnostics_free         (ImpactDiagnostics *self);
void                    impact_diagnostics_add          (ImpactDiagnostics *self,
                                                         ImpactSeverity     severity,
                                                         const char        *file,
                                                         guint              line,
                                                         guint              column,
                                                         const char        *path,
                                                         const char        *format,
                                                         ...) G_GNUC_PRINTF (7, 8);
guint                   impact_diagnostics_get_n_items  (ImpactDiagnostics *self);
const ImpactDiagnostic *impact_diagnostics_get_item     (ImpactDiagnostics *self,
                                                         guint              index);
guint                   impact_diagnostics_count        (ImpactDiagnostics *self,
                                                         ImpactSeverity     severity);
/* How many entries were left out past the cap (500): counted, not kept */
guint                   impact_diagnostics_get_n_dropped (ImpactDiagnostics *self);
void                    impact_diagnostics_clear        (ImpactDiagnostics *self);
/* Orders the entries by line and column (those with no position first),
 * keeping the order of entries at the same place. */
void                    impact_diagnostics_sort         (ImpactDiagnostics *self);
/* Appends all entries of @other. */
void                    impact_diagnostics_extend       (ImpactDiagnostics *self,
                                                         ImpactDiagnostics *other);
/* "kolkata.json:12:5: milestones[3].date: expected …" (severity not included) */
char                   *impact_diagnostic_to_string     (const ImpactDiagnostic *diag);
/* All entries of one severity, one per line; NULL when none. */
char                   *impact_diagnostics_to_string    (ImpactDiagnostics *self,
                                                         ImpactSeverity     severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactDiagnostics, impact_diagnostics_free)

G_END_DECLS
