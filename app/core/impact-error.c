/* impact-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "impact-error.h"

G_DEFINE_QUARK (impact-error-quark, impact_error)
