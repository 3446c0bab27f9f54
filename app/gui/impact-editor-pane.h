/* impact-editor-pane.h: the side pane that edits every field of a document
 *
 * The pane writes each change straight into the document's structs and
 * emits ::edited with a key naming the field ("statistics.0.value"), or
 * NULL for a change of structure (an item added, moved or removed). The
 * owner then emits the document's ::changed, records an undo step and lays
 * the page out again. After a change of structure, or when the document is
 * replaced in place (undo), call impact_editor_pane_rebuild().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "impact-diagnostics.h"
#include "impact-document.h"
#include "impact-sheet-layout.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_EDITOR_PANE (impact_editor_pane_get_type ())
G_DECLARE_FINAL_TYPE (ImpactEditorPane, impact_editor_pane, IMPACT, EDITOR_PANE, GtkWidget)

GtkWidget      *impact_editor_pane_new          (void);
void            impact_editor_pane_set_document (ImpactEditorPane *self,
                                                 ImpactDocument   *document);
ImpactDocument *impact_editor_pane_get_document (ImpactEditorPane *self);
/* Builds the rows again from the document (keeps the scroll position). */
void            impact_editor_pane_rebuild      (ImpactEditorPane *self);
/* Updates the messages that depend on other fields (derived statistics). */
void            impact_editor_pane_refresh      (ImpactEditorPane *self);
/* The editing widget of a field by key ("office", "statistics.0.value",
 * "milestones.2.date"), or NULL; for tests and keyboard navigation. */
GtkWidget      *impact_editor_pane_get_field    (ImpactEditorPane *self,
                                                 const char       *key);
/* The row of list item @index ("milestones", 2), or NULL. */
GtkWidget      *impact_editor_pane_get_item_row (ImpactEditorPane *self,
                                                 ImpactList        list,
                                                 guint             index);
/* Opens the fields of a part of the sheet (impact-sheet-selection.h):
 * the item is expanded, scrolled into view and its first field gets the
 * keyboard focus. Returns FALSE when no field edits it. */
gboolean        impact_editor_pane_select       (ImpactEditorPane *self,
                                                 ImpactSection     section,
                                                 int               item);
/* The same for one field ("statistics.0.source.title"); FALSE when the
 * pane has no such field or it cannot be edited now */
gboolean        impact_editor_pane_focus_field  (ImpactEditorPane *self,
                                                 const char       *key);
/* The key of the field that has the keyboard focus, or NULL */
char           *impact_editor_pane_dup_focus_key (ImpactEditorPane *self);
/* The pane shows an overview of the sections or one section's page.
 * The page shown: a section's key ("statistics", "charts"), or NULL for
 * the overview */
const char     *impact_editor_pane_get_page     (ImpactEditorPane *self);
/* Shows a section's page, or the overview for NULL; FALSE for a key
 * that has no page */
gboolean        impact_editor_pane_show_page    (ImpactEditorPane *self,
                                                 const char       *page);
/* The overview's line for a page ("3 statistics"), or NULL */
const char     *impact_editor_pane_get_summary  (ImpactEditorPane *self,
                                                 const char       *page);
/* The validation message shown next to a field, or NULL. */
const char     *impact_editor_pane_get_message  (ImpactEditorPane *self,
                                                 const char       *key);

/* Warnings of the loader and the layout, shown next to the fields their
 * JSON paths name (overflow of a text, an unknown icon…) */
void            impact_editor_pane_set_diagnostics (ImpactEditorPane  *self,
                                                    ImpactDiagnostics *diagnostics);

/* Pure helpers (unit-tested without a display) */

/* "statistics[0].value" -> "statistics.0.value" */
char           *impact_editor_key_from_path     (const char *path);

/* "rescued: 2, arrested: 3" <-> metrics. Returns FALSE on a malformed text. */
gboolean        impact_editor_parse_metrics     (const char *text,
                                                 GArray     *metrics);
char           *impact_editor_format_metrics    (GArray     *metrics);
/* A path for @chosen as written in the data: relative to the folder of
 * @document_file when @chosen is inside it or near it, else absolute. */
char           *impact_editor_image_path        (GFile      *document_file,
                                                 GFile      *chosen);
/* The images a sheet can show (PNG, JPEG, SVG), for a file chooser */
GtkFileFilter  *impact_editor_image_filter_new  (void);

G_END_DECLS
