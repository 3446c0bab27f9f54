/* impact-sheet-selection.c: which editor field a part of the sheet is edited
 * in, and which part of the sheet a field shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-sheet-selection"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "impact-sheet-selection.h"

typedef struct
{
  const char    *prefix;   /* a key, or the start of keys ending in "." */
  ImpactSection  section;
  gboolean       list;     /* "prefix.N.field" */
} KeySection;

/* Longer prefixes first where one starts another */
static const KeySection key_sections[] = {
  { "office", IMPACT_SECTION_HEADER, FALSE },
  { "title", IMPACT_SECTION_HEADER, FALSE },
  { "subtitle", IMPACT_SECTION_HEADER, FALSE },
  { "language", IMPACT_SECTION_HEADER, FALSE },
  { "organisation.name", IMPACT_SECTION_HEADER, FALSE },
  { "organisation.short_name", IMPACT_SECTION_HEADER, FALSE },
  { "organisation.logo", IMPACT_SECTION_HEADER, FALSE },
  { "organisation.logo_alt", IMPACT_SECTION_HEADER, FALSE },
  { "organisation.", IMPACT_SECTION_CONTACT, FALSE },
  { "problem.", IMPACT_SECTION_PROBLEM, FALSE },
  { "statistics_heading", IMPACT_SECTION_STATISTICS, FALSE },
  { "statistics", IMPACT_SECTION_STATISTICS, TRUE },
  { "facts_heading", IMPACT_SECTION_FACTS, FALSE },
  { "facts", IMPACT_SECTION_FACTS, TRUE },
  { "quote.", IMPACT_SECTION_QUOTE, FALSE },
  { "approach_heading", IMPACT_SECTION_APPROACH, FALSE },
  { "approach", IMPACT_SECTION_APPROACH, TRUE },
  { "milestones_heading", IMPACT_SECTION_MILESTONES, FALSE },
  { "milestones", IMPACT_SECTION_MILESTONES, TRUE },
  { "profile.", IMPACT_SECTION_PROFILE, FALSE },
  { "footer.", IMPACT_SECTION_FOOTER, FALSE },
  { "charts", IMPACT_SECTION_CHARTS, TRUE },
};

char *
impact_sheet_selection_key_for (ImpactSection section,
                                int           item)
{
  guint index = item < 0 ? 0 : (guint) item;

  switch (section)
    {
    case IMPACT_SECTION_HEADER:     return g_strdup ("title");
    case IMPACT_SECTION_PROBLEM:    return g_strdup ("problem.kicker");
    case IMPACT_SECTION_STATISTICS: return g_strdup_printf ("statistics.%u.value", index);
    case IMPACT_SECTION_FACTS:      return g_strdup_printf ("facts.%u.text", index);
    case IMPACT_SECTION_QUOTE:      return g_strdup ("quote.text");
    /* the sources are listed from the statistics and facts that cite them */
    case IMPACT_SECTION_SOURCES:    return g_strdup ("statistics.0.source.title");
    case IMPACT_SECTION_APPROACH:   return g_strdup_printf ("approach.%u.lead", index);
    case IMPACT_SECTION_MILESTONES: return g_strdup_printf ("milestones.%u.title", index);
    case IMPACT_SECTION_PROFILE:    return g_strdup ("profile.name");
    case IMPACT_SECTION_CONTACT:    return g_strdup ("organisation.address");
    case IMPACT_SECTION_FOOTER:     return g_strdup ("footer.about");
    case IMPACT_SECTION_CHARTS:     return g_strdup_printf ("charts.%u.label", index);
    case IMPACT_N_SECTIONS:
    default:
      return NULL;
    }
}

gboolean
impact_sheet_selection_from_key (const char    *key,
                                 ImpactSection *out_section,
                                 int           *out_item)
{
  g_return_val_if_fail (out_section != NULL && out_item != NULL, FALSE);

  if (key == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (key_sections); i++)
    {
      const KeySection *ks = &key_sections[i];
      gsize len = strlen (ks->prefix);

      if (strncmp (key, ks->prefix, len) != 0)
        continue;

      if (ks->list)
        {
          const char *p = key + len;
          char *end = NULL;
          guint64 value;

          if (*p != '.' || !g_ascii_isdigit (p[1]))
            continue;
          value = g_ascii_strtoull (p + 1, &end, 10);
          if (value > G_MAXINT || (*end != '\0' && *end != '.'))
            return FALSE;
          *out_section = ks->section;
          *out_item = (int) value;
          return TRUE;
        }

      /* an exact key, or a prefix ending in "." */
      if (key[len] != '\0' && ks->prefix[len - 1] != '.' && key[len] != '.')
        continue;
      *out_section = ks->section;
      *out_item = -1;
      return TRUE;
    }

  return FALSE;
}

char *
impact_sheet_selection_describe (ImpactSection section,
                                 int           item)
{
  /* Translators: the parts of a fact sheet, as a screen reader names them */
  switch (section)
    {
    case IMPACT_SECTION_HEADER:     return g_strdup (_("Header"));
    case IMPACT_SECTION_PROBLEM:    return g_strdup (_("Problem"));
    case IMPACT_SECTION_STATISTICS:
      return item < 0 ? g_strdup (_("Statistics")) : g_strdup_printf (_("Statistic %d"), item + 1);
    case IMPACT_SECTION_FACTS:
      return item < 0 ? g_strdup (_("Facts")) : g_strdup_printf (_("Fact %d"), item + 1);
    case IMPACT_SECTION_QUOTE:      return g_strdup (_("Quote"));
    case IMPACT_SECTION_SOURCES:
      return item < 0 ? g_strdup (_("Sources")) : g_strdup_printf (_("Source %d"), item + 1);
    case IMPACT_SECTION_APPROACH:
      return item < 0 ? g_strdup (_("Approach")) : g_strdup_printf (_("Pillar %d"), item + 1);
    case IMPACT_SECTION_MILESTONES:
      return item < 0 ? g_strdup (_("Milestones")) : g_strdup_printf (_("Milestone %d"), item + 1);
    case IMPACT_SECTION_PROFILE:    return g_strdup (_("Profile"));
    case IMPACT_SECTION_CONTACT:    return g_strdup (_("Contact"));
    case IMPACT_SECTION_FOOTER:     return g_strdup (_("Footer"));
    case IMPACT_SECTION_CHARTS:
      return item < 0 ? g_strdup (_("Charts")) : g_strdup_printf (_("Chart %d"), item + 1);
    case IMPACT_N_SECTIONS:
    default:
      return g_strdup (_("Part of the sheet"));
    }
}
