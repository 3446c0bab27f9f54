/* impact-error.h: the one error domain of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IMPACT_ERROR (impact_error_quark ())

typedef enum
{
  IMPACT_ERROR_PARSE,          /* JSON syntax */
  IMPACT_ERROR_MISSING_FIELD,  /* a required member is absent */
  IMPACT_ERROR_INVALID_VALUE,  /* wrong type or out of range */
  IMPACT_ERROR_TOO_LARGE,      /* an input cap was hit */
  IMPACT_ERROR_RENDER,         /* cairo reported an error */
  IMPACT_ERROR_WRITE,          /* output could not be written */
  IMPACT_ERROR_USAGE,          /* a bad option or argument */
} ImpactError;

GQuark impact_error_quark (void);

G_END_DECLS
