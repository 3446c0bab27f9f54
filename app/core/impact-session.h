/* impact-session.h: one open document, without widgets
 *
 * A session owns what a window shows but does not draw: the file and its
 * monitor, the asynchronous load (the last good one is kept when a reload
 * fails), saving with a ".bak", the undo history, the modified state and
 * the recovery copy of unsaved changes. Windows bind to its properties and
 * answer its "changed-on-disk" signal; the questions they ask stay theirs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "impact-document.h"
#include "impact-load-task.h"
#include "impact-page.h"
#include "impact-undo-stack.h"

G_BEGIN_DECLS

#define IMPACT_SESSION_RELOAD_DELAY_MS     250   /* the file settles */
#define IMPACT_SESSION_UNDO_PAUSE_MS       400   /* a typing burst is one step */
#define IMPACT_SESSION_RECOVERY_INTERVAL_S 30

#define IMPACT_TYPE_SESSION (impact_session_get_type ())

G_DECLARE_FINAL_TYPE (ImpactSession, impact_session, IMPACT, SESSION, GObject)

ImpactSession    *impact_session_new                (void);

/* Properties */
GFile            *impact_session_get_file           (ImpactSession  *self);
/* The last document that loaded without errors (or was installed), or NULL */
ImpactLoadResult *impact_session_get_result         (ImpactSession  *self);
ImpactDocument   *impact_session_get_document       (ImpactSession  *self);
gboolean          impact_session_get_modified       (ImpactSession  *self);
gboolean          impact_session_get_can_undo       (ImpactSession  *self);
gboolean          impact_session_get_can_redo       (ImpactSession  *self);
/* TRUE while the undo step of a typing burst is still to be taken */
gboolean          impact_session_get_typing         (ImpactSession  *self);
/* The file's name, "New Fact Sheet" for a document without one, or NULL */
const char       *impact_session_get_title          (ImpactSession  *self);
/* The first error of the last failed load (NULL after a good one) */
const char       *impact_session_get_error          (ImpactSession  *self);
/* Every error of it, one per line */
const char       *impact_session_get_error_details  (ImpactSession  *self);
ImpactUndoStack  *impact_session_get_undo_stack     (ImpactSession  *self);
/* The page size loads and installs lay out for */
void              impact_session_set_page_size      (ImpactSession  *self,
                                                     ImpactPageSize  page_size);

/* Lays @result out again for the page size, on the calling thread, with
 * the session's text cache: the texts that did not change since the last
 * layout are not shaped again. */
void              impact_session_lay_out            (ImpactSession    *self,
                                                     ImpactLoadResult *result);

/* Opening and loading */
/* Makes @file the session's file. Another file than before drops the
 * document and the error, and watches the new file (not the built-in
 * example). Nothing is read: see impact_session_load_async(). */
void              impact_session_open               (ImpactSession  *self,
                                                     GFile          *file);
/* Makes @file (NULL: none) the file of the document without reading it
 * (after Save As, or for a restored copy), watched like one opened. */
void              impact_session_set_file           (ImpactSession  *self,
                                                     GFile          *file);
/* Reads the session's file in a worker thread; a newer load cancels this
 * one. On success the document and a fresh undo history replace the old;
 * on failure the last good document stays and :error tells why. */
void              impact_session_load_async         (ImpactSession       *self,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean          impact_session_load_finish        (ImpactSession       *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
/* Stops a load in flight (it finishes with G_IO_ERROR_CANCELLED). */
void              impact_session_cancel_load        (ImpactSession  *self);
/* Replaces the document with one built from @text standing for @file
 * (may be NULL); @saved_text is what is on disk (NULL: nothing). */
gboolean          impact_session_install_text       (ImpactSession  *self,
                                                     const char     *text,
                                                     GFile          *file,
                                                     const char     *saved_text,
                                                     GError        **error);
/* Makes the current text the saved one (a new sheet's template). */
void              impact_session_mark_saved         (ImpactSession  *self);

/* Editing */
/* The document was edited in field @key (NULL: its structure): an undo
 * step, taken now, or for typing once it pauses. */
void              impact_session_edit               (ImpactSession  *self,
                                                     const char     *key);
/* Another field is about to be edited: the typing so far is a step. */
void              impact_session_begin_edit         (ImpactSession  *self,
                                                     const char     *key);
/* Takes the step of the typing in progress now; TRUE if there was one. */
gboolean          impact_session_flush_edits        (ImpactSession  *self);
/* Puts the previous (next) state into the document; FALSE: none. */
gboolean          impact_session_undo               (ImpactSession  *self);
gboolean          impact_session_redo               (ImpactSession  *self);

/* Saving */
/* FALSE, with the message to show, when @file cannot be saved to (the
 * built-in example). */
gboolean          impact_session_check_writable     (ImpactSession  *self,
                                                     GFile          *file,
                                                     GError        **error);
/* TRUE when another program changed @file since it was read or written
 * here (and "keep my changes" was not chosen): saving would replace that. */
gboolean          impact_session_disk_conflict      (ImpactSession  *self,
                                                     GFile          *file);
/* TRUE when the file on disk is not what the document was read from (or
 * the last load failed): a change worth reloading for. */
gboolean          impact_session_disk_differs       (ImpactSession  *self);
/* "Keep my changes": the next save replaces the file on disk. */
void              impact_session_set_keep_changes   (ImpactSession  *self,
                                                     gboolean        keep);
gboolean          impact_session_get_keep_changes   (ImpactSession  *self);
/* Writes the document to @file (NULL: the session's) atomically, the old
 * contents kept as "FILE.bak". On failure the file, its .bak and the
 * session are as they were (still modified). */
gboolean          impact_session_save               (ImpactSession  *self,
                                                     GFile          *file,
                                                     GError        **error);
/* The same, the writing in a worker thread on a copy of the document;
 * edits made meanwhile stay unsaved. */
void              impact_session_save_async         (ImpactSession       *self,
                                                     GFile               *file,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean          impact_session_save_finish        (ImpactSession       *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* Recovery copies (in $XDG_STATE_HOME/impact-sheet/recovery) */
/* Writes the copy now if there are unsaved changes; returns its path, or
 * NULL when there is nothing to recover. */
const char       *impact_session_write_recovery     (ImpactSession  *self,
                                                     GError        **error);
/* Removes this session's copy, and the one it was restored from. */
void              impact_session_discard_recovery   (ImpactSession  *self);
/* Opens the copy @copy: its text, standing for the file it was made of
 * (unsaved, so modified where it differs from that file). */
gboolean          impact_session_restore_recovery   (ImpactSession  *self,
                                                     GFile          *copy,
                                                     GError        **error);

G_END_DECLS
