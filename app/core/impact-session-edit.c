/* impact-session-edit.c: a session's undo history
 *
 * Each edit of the document becomes an undo step of the session's stack
 * (impact-undo-stack.h, a copy of the document and the text Save would
 * write): a change of structure at once, typing in one field once it
 * pauses for IMPACT_SESSION_UNDO_PAUSE_MS (a step copies the whole
 * document), or when another field is edited, or before undo and redo.
 * Undo and redo put an earlier state back into the same document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-session"

#include "config.h"

#include <string.h>

#include "impact-session-private.h"

/* State */

gboolean
impact_session_get_can_undo (ImpactSession *self)
{
  g_return_val_if_fail (IMPACT_IS_SESSION (self), FALSE);

  /* a typing burst not yet a step is undone too (undo flushes it first):
   * Ctrl+Z works right after a choice, not only once the typing pauses */
  return self->undo != NULL && (self->pending_key != NULL || impact_undo_stack_can_undo (self->undo));
}

gboolean
impact_session_get_can_redo (ImpactSession *self)
{
  g_return_val_if_fail (IMPACT_IS_SESSION (self), FALSE);

  return self->undo != NULL && impact_undo_stack_can_redo (self->undo);
}

gboolean
impact_session_get_typing (ImpactSession *self)
{
  g_return_val_if_fail (IMPACT_IS_SESSION (self), FALSE);

  return self->pending_key != NULL;
}

ImpactUndoStack *
impact_session_get_undo_stack (ImpactSession *self)
{
  g_return_val_if_fail (IMPACT_IS_SESSION (self), NULL);

  return self->undo;
}

void
impact_session_clear_pending (ImpactSession *self)
{
  g_clear_handle_id (&self->pending_timeout, g_source_remove);
  g_clear_pointer (&self->pending_key, g_free);
}

/* Editing */

static gboolean
pending_timeout_cb (gpointer data)
{
  ImpactSession *self = data;

  self->pending_timeout = 0;
  impact_session_flush_edits (self);
  return G_SOURCE_REMOVE;
}

void
impact_session_edit (ImpactSession *self,
                     const char    *key)
{
  gint64 start;

  g_return_if_fail (IMPACT_IS_SESSION (self));

  if (self->result == NULL || self->undo == NULL)
    return;

  /* Typing in one field: the undo step is taken when the typing pauses
   * (a step copies the document: ~0.1 s for 5,000 milestones). The step
   * of an earlier field was taken by begin-edit. */
  if (key != NULL)
    {
      if (self->pending_key == NULL)
        self->pending_key = g_strdup (key);
      g_clear_handle_id (&self->pending_timeout, g_source_remove);
      self->pending_timeout = g_timeout_add (IMPACT_SESSION_UNDO_PAUSE_MS, pending_timeout_cb, self);
    }
  else
    {
      start = g_get_monotonic_time ();
      impact_undo_stack_push (self->undo, self->result->document, NULL, g_get_monotonic_time ());
      g_debug ("Undo step for a change of structure: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
    }
  impact_session_update_state (self);
}

void
impact_session_begin_edit (ImpactSession *self,
                           const char    *key)
{
  g_return_if_fail (IMPACT_IS_SESSION (self));

  /* Another field, or a change of structure: the typing so far is a step */
  if (self->pending_key != NULL && (key == NULL || strcmp (key, self->pending_key) != 0))
    impact_session_flush_edits (self);
}

gboolean
impact_session_flush_edits (ImpactSession *self)
{
  gint64 start = g_get_monotonic_time ();

  g_return_val_if_fail (IMPACT_IS_SESSION (self), FALSE);

  g_clear_handle_id (&self->pending_timeout, g_source_remove);
  if (self->pending_key == NULL)
    return FALSE;
  if (self->result != NULL && self->undo != NULL)
    impact_undo_stack_push (self->undo, self->result->document, self->pending_key, start);
  g_clear_pointer (&self->pending_key, g_free);
  g_debug ("Undo step: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  impact_session_update_state (self);
  return TRUE;
}

static void
restore (ImpactSession  *self,
         ImpactDocument *state)
{
  ImpactDocument *doc = self->result->document;
  g_autoptr(GFile) file = impact_document_get_file (doc) ? g_object_ref (impact_document_get_file (doc)) : NULL;
  ImpactSourceMap *map = impact_document_get_source_map (doc);

  /* Keep the source of the document as it is now (it may have been saved
   * since the step was recorded): text, tree and positions, as one */
  if (map != NULL)
    impact_source_map_ref (map);
  impact_document_take_contents (doc, state);
  impact_document_set_file (doc, file);
  impact_document_set_source_map (doc, map);
  if (map != NULL)
    impact_source_map_unref (map);
  impact_document_changed (doc);
  impact_session_update_state (self);
}

gboolean
impact_session_undo (ImpactSession *self)
{
  g_autoptr(ImpactDocument) state = NULL;

  g_return_val_if_fail (IMPACT_IS_SESSION (self), FALSE);

  impact_session_flush_edits (self);
  if (self->result == NULL || self->undo == NULL || (state = impact_undo_stack_undo (self->undo)) == NULL)
    return FALSE;
  restore (self, state);
  return TRUE;
}

gboolean
impact_session_redo (ImpactSession *self)
{
  g_autoptr(ImpactDocument) state = NULL;

  g_return_val_if_fail (IMPACT_IS_SESSION (self), FALSE);

  impact_session_flush_edits (self);
  if (self->result == NULL || self->undo == NULL || (state = impact_undo_stack_redo (self->undo)) == NULL)
    return FALSE;
  restore (self, state);
  return TRUE;
}
