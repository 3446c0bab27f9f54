/* impact-font-jobs.c: Pango's font matches run in the thread that
 * asks, and its font sorts only when a character needs one
 *
 * Pango 1.50 answers every new font pattern (a family, weight, style and
 * size a layout asks for) by starting two threads, "[pango] FcFontSetMatch"
 * and "[pango] FcFontSetSort". The thread that asked waits for the match at
 * once, and for the sort (the fallback fonts, best first) only when a
 * character is missing from the matched font. A two-page sheet asks for
 * about 47 patterns, so an export started some 95 threads. Against the
 * sheet's private font configuration (impact-fonts.c: a few dozen fonts)
 * each job takes microseconds; each thread costs more: a clone, a stack
 * and its thread-local storage to fault in, and two cores shared by
 * threads that mostly wait for one another. In the window, which matches
 * against every installed font, the sorts nobody needs were about a tenth
 * of the launch's CPU time.
 *
 * Both programs (the command line and the window) therefore define
 * g_thread_new and g_cond_wait, in this file. The dynamic linker binds the
 * libraries' calls to them, ahead of GLib's (a definition in the executable
 * comes first in the lookup order; GLib's own calls stay inside GLib).
 * - A match runs at once in the calling thread, which then finds it ready.
 * - A sort is kept, not run. When a thread waits on a condition, and a kept
 *   sort answers that very condition (its patterns' mutex and condition are
 *   the ones waited on), the waiting thread lets go of the mutex, runs the
 *   sort, takes the mutex again and returns: a wake-up that Pango's loop
 *   then finds answered. Any other wait is GLib's. Most sheets never need
 *   a sort: the Kolkata example asks for 47 and needs none, the Bengali one
 *   needs 21 of 71 (docs/PERFORMANCE.md, "Sorting only what is needed").
 * - What a kept sort holds is freed by running it, and so it is run
 *   anyway: when the thread that kept it asks for a sort under another
 *   font configuration (the next sheet of a batch, the window's font map
 *   after the fonts changed), and when more than
 *   IMPACT_FONT_JOBS_MAX_KEPT wait (the oldest first).
 * - Every other thread is created as GLib creates it.
 * Running a job in another thread than Pango's own is safe: a job takes
 * only its own patterns' lock (which the waiter has let go of), and frees
 * only what it was given. A kept sort computes what it would have computed
 * at once: it works on a copy of the pattern and the font set, made when
 * it was asked for.
 *
 * The structures read here are Pango 1.50's (the same in every 1.50
 * release); other Pango versions keep their threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <dlfcn.h>
#include <pango/pango.h>
#include <string.h>

#include "impact-font-jobs.h"

/* Pango 1.50's ThreadData (what a job is given) and the head of its
 * PangoFcPatterns, in pangofc-fontmap.c */
typedef struct
{
  gpointer fontmap;
  GMutex   mutex;
  GCond    cond;
} PangoPatternsHead;

typedef struct
{
  gpointer           config;
  gpointer           fonts;
  gpointer           pattern;
  PangoPatternsHead *patterns;
} PangoJobData;

typedef struct
{
  GThreadFunc   func;
  PangoJobData *data;
  GThread      *asker;   /* compared, never dereferenced */
} KeptSort;

static guint jobs_in_caller;
static guint sorts_kept;
static GMutex kept_lock;
static GQueue kept = G_QUEUE_INIT;   /* of KeptSort, oldest first */

static gboolean
is_pango_font_job (const char *name)
{
  static gsize pango_150 = 0;   /* 1: another version, 2: 1.50 */

  if (name == NULL || !g_str_has_prefix (name, "[pango] FcFontSet"))
    return FALSE;
  if (g_once_init_enter (&pango_150))
    {
      int version = pango_version ();

      g_once_init_leave (&pango_150,
                         version >= PANGO_VERSION_ENCODE (1, 50, 0) &&
                         version < PANGO_VERSION_ENCODE (1, 51, 0) ? 2 : 1);
    }
  return pango_150 == 2 &&
         (strcmp (name, "[pango] FcFontSetMatch") == 0 ||
          strcmp (name, "[pango] FcFontSetSort") == 0);
}

static void
run_sort (KeptSort *sort)
{
  sort->func (sort->data);
  g_atomic_int_inc (&jobs_in_caller);
  g_free (sort);
}

/* Keeps a sort; runs the ones this thread kept under another font
 * configuration, which nobody will wait for, and the oldest beyond the
 * limit */
static void
keep_sort (GThreadFunc func,
           gpointer    data)
{
  KeptSort *sort = g_new (KeptSort, 1);
  GQueue stale = G_QUEUE_INIT;

  sort->func = func;
  sort->data = data;
  sort->asker = g_thread_self ();
  g_mutex_lock (&kept_lock);
  for (GList *l = kept.head; l != NULL;)
    {
      GList *next = l->next;
      KeptSort *other = l->data;

      if (other->asker == sort->asker && other->data->config != sort->data->config)
        {
          g_queue_unlink (&kept, l);
          g_queue_push_tail_link (&stale, l);
        }
      l = next;
    }
  g_queue_push_tail (&kept, sort);
  while (kept.length > IMPACT_FONT_JOBS_MAX_KEPT)
    g_queue_push_tail (&stale, g_queue_pop_head (&kept));
  g_mutex_unlock (&kept_lock);
  g_atomic_int_inc (&sorts_kept);

  for (KeptSort *old; (old = g_queue_pop_head (&stale)) != NULL;)
    run_sort (old);
}

void
g_cond_wait (GCond  *cond,
             GMutex *mutex)
{
  static void (*glib_cond_wait) (GCond *, GMutex *);
  KeptSort *sort = NULL;

  g_mutex_lock (&kept_lock);
  for (GList *l = kept.head; l != NULL; l = l->next)
    {
      KeptSort *candidate = l->data;

      if (&candidate->data->patterns->mutex == mutex && &candidate->data->patterns->cond == cond)
        {
          sort = candidate;
          g_queue_delete_link (&kept, l);
          break;
        }
    }
  g_mutex_unlock (&kept_lock);
  if (sort != NULL)
    {
      /* the sort stores its answer under this mutex */
      g_mutex_unlock (mutex);
      run_sort (sort);
      g_mutex_lock (mutex);
      return;
    }

  if (g_atomic_pointer_get (&glib_cond_wait) == NULL)
    {
      gpointer found = dlsym (RTLD_NEXT, "g_cond_wait");

      if (found == NULL)
        g_error ("cannot find GLib's g_cond_wait: %s", dlerror ());
      g_atomic_pointer_set (&glib_cond_wait, found);
    }
  glib_cond_wait (cond, mutex);
}

GThread *
g_thread_new (const char  *name,
              GThreadFunc  func,
              gpointer     data)
{
  g_autoptr(GError) error = NULL;
  GThread *thread;

  if (is_pango_font_job (name))
    {
      if (strcmp (name, "[pango] FcFontSetSort") == 0)
        keep_sort (func, data);
      else
        {
          func (data);
          g_atomic_int_inc (&jobs_in_caller);
        }
      /* the caller unreferences what it is given, as it would a thread */
      return g_thread_ref (g_thread_self ());
    }

  /* GLib's own g_thread_new, which aborts when no thread can be made */
  thread = g_thread_try_new (name, func, data, &error);
  if (thread == NULL)
    g_error ("cannot create thread “%s”: %s", name != NULL ? name : "", error->message);
  return thread;
}

guint
impact_font_jobs_run_here (void)
{
  return (guint) g_atomic_int_get (&jobs_in_caller);
}

guint
impact_font_jobs_sorts_kept (void)
{
  return (guint) g_atomic_int_get (&sorts_kept);
}

guint
impact_font_jobs_sorts_waiting (void)
{
  guint n;

  g_mutex_lock (&kept_lock);
  n = kept.length;
  g_mutex_unlock (&kept_lock);
  return n;
}
