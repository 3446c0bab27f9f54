/* impact-file-watch.c: a file changed by someone else, once it settles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-file-watch"

#include "config.h"

#include "impact-file-watch.h"

struct _ImpactFileWatch
{
  GObject       parent_instance;

  GFile        *file;
  GFileMonitor *monitor;
  guint         settle_ms;
  guint         settle_id;
  char         *known;     /* the fingerprint of the contents the owner knows */
  char         *said;      /* the last one "changed" was emitted for */
};

G_DEFINE_FINAL_TYPE (ImpactFileWatch, impact_file_watch, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The contents' SHA-256; for a file too large to read for this, its size
 * and date; for one that cannot be read, why */
static char *
fingerprint (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info (file,
                                                 G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                 G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (info == NULL)
    return g_strdup_printf ("unreadable:%s:%d", g_quark_to_string (error->domain), error->code);
  if (g_file_info_get_size (info) > IMPACT_FILE_WATCH_MAX_COMPARED)
    return g_strdup_printf ("large:%" G_GOFFSET_FORMAT ":%" G_GUINT64_FORMAT ":%u",
                            g_file_info_get_size (info),
                            g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED),
                            g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC));
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
    return g_strdup_printf ("unreadable:%s:%d", g_quark_to_string (error->domain), error->code);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static gboolean
settled_cb (gpointer data)
{
  ImpactFileWatch *self = data;
  g_autofree char *now = NULL;

  self->settle_id = 0;
  now = fingerprint (self->file);
  if (g_strcmp0 (now, self->known) == 0 || g_strcmp0 (now, self->said) == 0)
    return G_SOURCE_REMOVE;
  g_free (self->said);
  self->said = g_steal_pointer (&now);
  g_debug ("%s changed on disk", g_file_peek_path (self->file));
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

gboolean
impact_file_watch_event_is_change (GFileMonitorEvent event)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_DELETED:
      return TRUE;

    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      return FALSE;
    }
}

static void
file_changed_cb (ImpactFileWatch   *self,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 GFileMonitor      *monitor)
{
  if (!impact_file_watch_event_is_change (event))
    return;
  /* wait until the file is left alone */
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (self->settle_ms, settled_cb, self);
}

static void
impact_file_watch_dispose (GObject *object)
{
  ImpactFileWatch *self = IMPACT_FILE_WATCH (object);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_file_monitor_cancel (self->monitor);
      g_signal_handlers_disconnect_by_func (self->monitor, file_changed_cb, self);
      g_clear_object (&self->monitor);
    }
  G_OBJECT_CLASS (impact_file_watch_parent_class)->dispose (object);
}

static void
impact_file_watch_finalize (GObject *object)
{
  ImpactFileWatch *self = IMPACT_FILE_WATCH (object);

  g_clear_object (&self->file);
  g_free (self->known);
  g_free (self->said);
  G_OBJECT_CLASS (impact_file_watch_parent_class)->finalize (object);
}

static void
impact_file_watch_class_init (ImpactFileWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = impact_file_watch_dispose;
  object_class->finalize = impact_file_watch_finalize;

  /* The file settled with contents the owner does not know */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
impact_file_watch_init (ImpactFileWatch *self)
{
}

ImpactFileWatch *
impact_file_watch_new (GFile *file,
                       guint  settle_ms)
{
  ImpactFileWatch *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (IMPACT_TYPE_FILE_WATCH, NULL);
  self->file = g_object_ref (file);
  self->settle_ms = settle_ms;
  self->known = fingerprint (file);
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (file_changed_cb), self,
                             G_CONNECT_SWAPPED);
  else
    g_debug ("Not watching %s: %s", g_file_peek_path (file), error->message);
  return self;
}

GFile *
impact_file_watch_get_file (ImpactFileWatch *self)
{
  g_return_val_if_fail (IMPACT_IS_FILE_WATCH (self), NULL);

  return self->file;
}

void
impact_file_watch_know_changed (ImpactFileWatch *self)
{
  g_return_if_fail (IMPACT_IS_FILE_WATCH (self));

  /* the contents "changed" was said for; none said yet: the file now */
  if (self->said == NULL)
    {
      impact_file_watch_know_current (self);
      return;
    }
  g_free (self->known);
  self->known = g_steal_pointer (&self->said);
}

void
impact_file_watch_know_current (ImpactFileWatch *self)
{
  g_return_if_fail (IMPACT_IS_FILE_WATCH (self));

  g_free (self->known);
  self->known = fingerprint (self->file);
  g_clear_pointer (&self->said, g_free);
}
