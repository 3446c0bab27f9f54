/* impact-undo-stack.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-undo-stack"

#include "config.h"

#include "impact-json-writer.h"
#include "impact-undo-stack.h"

typedef struct
{
  ImpactDocument *doc;
  char           *text;
} Step;

struct _ImpactUndoStack
{
  GPtrArray *steps;          /* of Step */
  guint      index;          /* the current step */
  char      *saved_text;     /* or NULL */
  char      *last_key;
  gint64     last_time;
};

static void
step_free (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->doc);
  g_free (step->text);
  g_free (step);
}

static Step *
step_new (ImpactDocument *doc)
{
  Step *step = g_new0 (Step, 1);

  step->doc = impact_document_copy (doc);
  step->text = impact_json_writer_to_data (doc, NULL);
  return step;
}

ImpactUndoStack *
impact_undo_stack_new (ImpactDocument *doc,
                       const char     *saved_text)
{
  ImpactUndoStack *self = g_new0 (ImpactUndoStack, 1);

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (doc), self);

  self->steps = g_ptr_array_new_with_free_func (step_free);
  g_ptr_array_add (self->steps, step_new (doc));
  self->saved_text = g_strdup (saved_text);
  return self;
}

void
impact_undo_stack_free (ImpactUndoStack *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->steps);
  g_free (self->saved_text);
  g_free (self->last_key);
  g_free (self);
}

static Step *
current (ImpactUndoStack *self)
{
  return g_ptr_array_index (self->steps, self->index);
}

void
impact_undo_stack_push (ImpactUndoStack *self,
                        ImpactDocument  *doc,
                        const char      *key,
                        gint64           now_usec)
{
  Step *step;

  g_return_if_fail (self != NULL);
  g_return_if_fail (IMPACT_IS_DOCUMENT (doc));

  step = step_new (doc);
  if (g_strcmp0 (step->text, current (self)->text) == 0)
    {
      /* Nothing changed in what would be saved (e.g. the same colour) */
      step_free (step);
      return;
    }

  /* Anything undone is gone once something new is done */
  if (self->index + 1 < self->steps->len)
    g_ptr_array_remove_range (self->steps, self->index + 1, self->steps->len - self->index - 1);

  if (key != NULL && self->index > 0 && g_strcmp0 (key, self->last_key) == 0 &&
      now_usec - self->last_time < IMPACT_UNDO_COALESCE_USEC &&
      g_strcmp0 (current (self)->text, self->saved_text) != 0)
    {
      /* Typing on in the same field: one step */
      step_free (g_ptr_array_steal_index (self->steps, self->index));
      if (g_strcmp0 (step->text, ((Step *) g_ptr_array_index (self->steps, self->index - 1))->text) == 0)
        {
          /* Typed and typed back: no step at all */
          step_free (step);
          self->index--;
        }
      else
        g_ptr_array_add (self->steps, step);
    }
  else
    {
      g_ptr_array_add (self->steps, step);
      self->index++;
      if (self->steps->len > IMPACT_UNDO_MAX_STEPS)
        {
          g_ptr_array_remove_index (self->steps, 0);
          self->index--;
        }
    }

  g_free (self->last_key);
  self->last_key = g_strdup (key);
  self->last_time = now_usec;
}

gboolean
impact_undo_stack_can_undo (ImpactUndoStack *self)
{
  return self != NULL && self->index > 0;
}

gboolean
impact_undo_stack_can_redo (ImpactUndoStack *self)
{
  return self != NULL && self->index + 1 < self->steps->len;
}

ImpactDocument *
impact_undo_stack_undo (ImpactUndoStack *self)
{
  if (!impact_undo_stack_can_undo (self))
    return NULL;
  self->index--;
  g_clear_pointer (&self->last_key, g_free);
  return impact_document_copy (current (self)->doc);
}

ImpactDocument *
impact_undo_stack_redo (ImpactUndoStack *self)
{
  if (!impact_undo_stack_can_redo (self))
    return NULL;
  self->index++;
  g_clear_pointer (&self->last_key, g_free);
  return impact_document_copy (current (self)->doc);
}

const char *
impact_undo_stack_get_text (ImpactUndoStack *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return current (self)->text;
}

gboolean
impact_undo_stack_is_dirty (ImpactUndoStack *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return g_strcmp0 (current (self)->text, self->saved_text) != 0;
}

void
impact_undo_stack_mark_saved (ImpactUndoStack *self,
                              const char      *text)
{
  char *copy;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  copy = g_strdup (text);   /* @text may be the current step's */

  g_free (self->saved_text);
  self->saved_text = copy;
  if (current (self)->text != text)
    {
      g_free (current (self)->text);
      current (self)->text = g_strdup (copy);
    }
  g_clear_pointer (&self->last_key, g_free);
}

guint
impact_undo_stack_get_n_steps (ImpactUndoStack *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->steps->len;
}
