/* impact-undo-stack.h: undo and redo by snapshots of the whole document
 *
 * Each step keeps a copy of the document and its saved text. Typing in one
 * field within IMPACT_UNDO_COALESCE_USEC of the last change to that field
 * replaces the top step instead of adding one, so a word is one step. The
 * stack also knows the text last saved, so undoing back to it makes the
 * document clean again. Pure: no widgets, unit-tested without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "impact-document.h"

G_BEGIN_DECLS

#define IMPACT_UNDO_COALESCE_USEC (1500 * G_TIME_SPAN_MILLISECOND)
#define IMPACT_UNDO_MAX_STEPS     500

typedef struct _ImpactUndoStack ImpactUndoStack;

/* @doc is the document as loaded; @saved_text what is on disk (or NULL
 * when nothing is: a new document). */
ImpactUndoStack *impact_undo_stack_new        (ImpactDocument  *doc,
                                               const char      *saved_text);
void             impact_undo_stack_free       (ImpactUndoStack *self);
/* Records the state after an edit of field @key (NULL: never coalesced). */
void             impact_undo_stack_push       (ImpactUndoStack *self,
                                               ImpactDocument  *doc,
                                               const char      *key,
                                               gint64           now_usec);
gboolean         impact_undo_stack_can_undo   (ImpactUndoStack *self);
gboolean         impact_undo_stack_can_redo   (ImpactUndoStack *self);
/* Steps back (forward) and returns a new copy of the document to restore,
 * or NULL when there is nothing to undo (redo). */
ImpactDocument  *impact_undo_stack_undo       (ImpactUndoStack *self);
ImpactDocument  *impact_undo_stack_redo       (ImpactUndoStack *self);
/* The text of the current step (what Save writes) */
const char      *impact_undo_stack_get_text   (ImpactUndoStack *self);
gboolean         impact_undo_stack_is_dirty   (ImpactUndoStack *self);
/* After a save: @text is what was written. */
void             impact_undo_stack_mark_saved (ImpactUndoStack *self,
                                               const char      *text);
guint            impact_undo_stack_get_n_steps (ImpactUndoStack *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactUndoStack, impact_undo_stack_free)

G_END_DECLS
