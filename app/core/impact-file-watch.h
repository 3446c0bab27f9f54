/* impact-file-watch.h: a file changed by someone else, once it settles
 *
 * Watches one file and says "changed" when, after a change, the file has
 * been left alone for a moment (editors write in several steps) and its
 * contents differ from the ones the owner knows: the ones it loaded, or
 * the ones it wrote itself. So an owner's own save never reads as a change
 * from outside, and a file touched without a change is not one either. A
 * file that can no longer be read (deleted, moved away, unreadable) is a
 * change too; the owner finds out why when it loads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Files larger than this are compared by size and date, not contents */
#define IMPACT_FILE_WATCH_MAX_COMPARED (16 * 1024 * 1024)

#define IMPACT_TYPE_FILE_WATCH (impact_file_watch_get_type ())
G_DECLARE_FINAL_TYPE (ImpactFileWatch, impact_file_watch, IMPACT, FILE_WATCH, GObject)

/* Watches @file; the contents it has now are the known ones. @settle_ms:
 * how long the file must be left alone before a change counts */
ImpactFileWatch *impact_file_watch_new           (GFile           *file,
                                                  guint            settle_ms);
GFile           *impact_file_watch_get_file      (ImpactFileWatch *self);
/* The file's contents now are the known ones (after a load or a save) */
void             impact_file_watch_know_current  (ImpactFileWatch *self);
/* The contents "changed" was last said for are the known ones: the owner
 * read the file again because of it. No second read; a change made since
 * is said in turn. */
void             impact_file_watch_know_changed  (ImpactFileWatch *self);
/* A monitor's event that may have changed the file's contents (a write, a
 * replacement, a removal), as opposed to its attributes or a mount */
gboolean         impact_file_watch_event_is_change (GFileMonitorEvent event);

G_END_DECLS
