/* impact-fields.c: what the field tables of the sections share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-fields.h"

const char * const impact_field_icon_choices[] = {
  "", "check", "scales", "heart", "pillar", "people", "shield", "book", "home", "star", "globe", NULL
};

const char * const impact_field_icon_labels[] = {
  N_("None"), N_("Check mark"), N_("Scales"), N_("Heart"), N_("Pillar"), N_("People"),
  N_("Shield"), N_("Book"), N_("Home"), N_("Star"), N_("Globe"), NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (impact_field_icon_choices) == G_N_ELEMENTS (impact_field_icon_labels));

char *
impact_field_key (const ImpactFieldGroup *group,
                  const ImpactFieldInfo  *info,
                  int                     index)
{
  g_return_val_if_fail (group != NULL && info != NULL, NULL);

  if (index >= 0)
    return g_strdup_printf ("%s.%d.%s", group->key, index, info->key);
  if (info->value == IMPACT_VALUE_DOCUMENT)
    return g_strdup (info->key);
  return g_strconcat (group->key, ".", info->key, NULL);
}

guint
impact_field_count (const ImpactFieldInfo *fields)
{
  guint n = 0;

  while (fields != NULL && fields[n].key != NULL)
    n++;
  return n;
}
