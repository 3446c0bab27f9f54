/* impact-cli-font-sorts.c: Pango's font sorts run in the thread that asks
 *
 * Pango 1.50 answers every new font pattern (a family, weight, style and
 * size a layout asks for) by starting two threads, "[pango] FcFontSetMatch"
 * and "[pango] FcFontSetSort", and the thread that asked waits for the first
 * of them at once and for the second as soon as a character needs a
 * fallback. A two-page sheet asks for about 47 patterns, so an export
 * started some 95 threads. Against the sheet's private font configuration
 * (impact-fonts.c: a few dozen fonts) each match or sort takes
 * microseconds; each thread costs far more: a clone, a stack and its
 * thread-local storage to fault in, and two cores shared by threads that
 * mostly wait for one another. Measured (docs/PERFORMANCE.md, "Two threads
 * per font"): about a tenth of a cold export's CPU time.
 *
 * This program therefore defines g_thread_new. The dynamic linker binds
 * every library's calls to it here, ahead of GLib's (a definition in the
 * executable comes first in the lookup order). The two Pango jobs run at
 * once in the calling thread, which then finds their results ready; every
 * other thread is created as GLib creates it. Running them here is safe:
 * they take only their own pattern's lock, which the caller does not hold,
 * and they free only what they were given. Other Pango versions keep their
 * threads (the names and this behaviour are 1.50's).
 *
 * The window's program does not carry this: its fonts are loaded while
 * the window is being built, where the threads overlap other work.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <pango/pango.h>
#include <string.h>

#include "impact-cli-font-sorts.h"

static guint sorts_in_caller;

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

GThread *
g_thread_new (const char  *name,
              GThreadFunc  func,
              gpointer     data)
{
  g_autoptr(GError) error = NULL;
  GThread *thread;

  if (is_pango_font_job (name))
    {
      func (data);
      g_atomic_int_inc (&sorts_in_caller);
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
impact_cli_font_sorts_in_caller (void)
{
  return (guint) g_atomic_int_get (&sorts_in_caller);
}
