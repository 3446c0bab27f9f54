/* impact-session-private.h: ImpactSession's state, shared by
 * impact-session.c, impact-session-edit.c and impact-session-save.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "impact-session.h"
#include "impact-text-cache.h"

G_BEGIN_DECLS

struct _ImpactSession
{
  GObject           parent_instance;

  GFile            *file;
  GFileMonitor     *monitor;
  GCancellable     *load_cancellable;
  ImpactLoadResult *result;            /* the last good document */
  char             *error_text;        /* first error of the last failed load */
  char             *error_details;     /* every error of it */
  ImpactUndoStack  *undo;              /* of the current document, or NULL */
  char             *pending_key;       /* the field being typed in, or NULL */
  char             *disk_text;         /* the file as last read or written here, or NULL */
  char             *recovery_path;     /* this session's recovery copy */
  char             *recovery_text;     /* what it holds */
  GFile            *recovery_restored; /* the copy this session was restored from */
  ImpactTextCache  *text_cache;        /* the shaped texts of the last layout */
  ImpactPageSize    page_size;
  guint             reload_timeout;
  guint             pending_timeout;   /* takes the undo step of a typing burst */
  guint             recovery_timeout;
  guint             keep_changes : 1;  /* "keep my changes" was chosen */
  /* as last notified */
  guint             modified : 1;
  guint             can_undo : 1;
  guint             can_redo : 1;
  guint             typing : 1;
  char             *title;
};

/* Notifies what changed; keeps a recovery copy while modified */
void      impact_session_update_state      (ImpactSession  *self);
/* Drops the typing burst not yet a step (a new history follows) */
void      impact_session_clear_pending     (ImpactSession  *self);
gboolean  impact_session_file_is_example   (GFile          *file);
/* @file's text, or NULL when it cannot be read */
char     *impact_session_read_text         (GFile          *file);
/* The text @doc was read from (or last saved as), or NULL */
char     *impact_session_dup_source_text   (ImpactDocument *doc);

G_END_DECLS
