/* impact-program-files.c: where the files a program runs with are, built
 * or installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "impact-program-files.h"

char *
impact_program_file (const char *relative,
                     const char *installed_dir,
                     GFileTest   test)
{
  g_autofree char *self = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (relative != NULL && installed_dir != NULL, NULL);

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      char *built = g_build_filename (dir, relative, NULL);

      if (g_file_test (built, test))
        return built;
      g_free (built);
    }
  name = g_path_get_basename (relative);
  return g_build_filename (installed_dir, name, NULL);
}
