/* impact-bench-util.h: what the benchmark programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* For g_array_sort() of an array of double */
static inline int
impact_bench_compare_double (gconstpointer a,
                             gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}
