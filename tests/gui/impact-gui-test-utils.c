/* impact-gui-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "impact-gui-test-utils.h"
#include "impact-window.h"

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
impact_gui_test_wait_for (ImpactTestCondition  condition,
                          gpointer             data,
                          const char          *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (IMPACT_GUI_TEST_TIMEOUT_MS, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    {
      g_test_message ("timed out waiting for %s", what);
      g_test_fail ();
      return FALSE;
    }
  g_source_remove (id);
  return TRUE;
}

gboolean
impact_gui_test_has_document (gpointer data)
{
  return impact_window_get_document (data) != NULL && !impact_window_get_busy (data);
}
