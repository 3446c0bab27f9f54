/* impact-outline-path.c: which outline entry a diagnostic's JSON path concerns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-outline-path"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "impact-outline-path.h"

typedef struct
{
  const char    *name;
  ImpactSection  section;
} SectionName;

/* Top-level members of the data and the section that shows them. */
static const SectionName section_names[] = {
  { "format", IMPACT_SECTION_HEADER },
  { "language", IMPACT_SECTION_HEADER },
  { "office", IMPACT_SECTION_HEADER },
  { "title", IMPACT_SECTION_HEADER },
  { "subtitle", IMPACT_SECTION_HEADER },
  { "header", IMPACT_SECTION_HEADER },
  { "problem", IMPACT_SECTION_PROBLEM },
  { "statistics", IMPACT_SECTION_STATISTICS },
  { "facts", IMPACT_SECTION_FACTS },
  { "quote", IMPACT_SECTION_QUOTE },
  { "sources", IMPACT_SECTION_SOURCES },
  { "approach", IMPACT_SECTION_APPROACH },
  { "pillars", IMPACT_SECTION_APPROACH },
  { "milestones", IMPACT_SECTION_MILESTONES },
  { "eras", IMPACT_SECTION_MILESTONES },
  { "timeline", IMPACT_SECTION_MILESTONES },
  { "profile", IMPACT_SECTION_PROFILE },
  { "contact", IMPACT_SECTION_CONTACT },
  { "organisation", IMPACT_SECTION_CONTACT },
  { "organization", IMPACT_SECTION_CONTACT },
  { "footer", IMPACT_SECTION_FOOTER },
  { "charts", IMPACT_SECTION_CHARTS },
};

/* Reads "[N]" at *p; returns -1 when there is none or N is absurd. */
static int
parse_index (const char **p)
{
  const char *s = *p;
  char *end = NULL;
  gint64 value;

  if (*s != '[' || !g_ascii_isdigit (s[1]))
    return -1;

  value = g_ascii_strtoll (s + 1, &end, 10);
  if (end == NULL || *end != ']' || value < 0 || value > G_MAXINT)
    return -1;

  *p = end + 1;
  return (int) value;
}

static gboolean
lookup_section (const char    *name,
                gsize          len,
                ImpactSection *out_section)
{
  for (guint i = 0; i < G_N_ELEMENTS (section_names); i++)
    {
      const char *known = section_names[i].name;
      gsize known_len = strlen (known);

      if (len == known_len && strncmp (name, known, len) == 0)
        {
          *out_section = section_names[i].section;
          return TRUE;
        }
    }

  /* "statistics_heading", "factsHeading": the heading of a section */
  for (guint i = 0; i < G_N_ELEMENTS (section_names); i++)
    {
      const char *known = section_names[i].name;
      gsize known_len = strlen (known);

      if (len > known_len && strncmp (name, known, known_len) == 0 &&
          (name[known_len] == '_' || name[known_len] == '-' ||
           g_ascii_isupper (name[known_len])))
        {
          *out_section = section_names[i].section;
          return TRUE;
        }
    }

  for (guint s = 0; s < IMPACT_N_SECTIONS; s++)
    {
      const char *known = impact_section_to_string ((ImpactSection) s);

      if (known != NULL && strlen (known) == len && g_ascii_strncasecmp (name, known, len) == 0)
        {
          *out_section = (ImpactSection) s;
          return TRUE;
        }
    }

  return FALSE;
}

ImpactOutlineTarget
impact_outline_path_parse (const char    *path,
                           ImpactSection *out_section,
                           int           *out_item)
{
  ImpactSection section = IMPACT_SECTION_HEADER;
  const char *p;
  const char *name;
  gsize len;
  int item;

  if (out_section != NULL)
    *out_section = IMPACT_SECTION_HEADER;
  if (out_item != NULL)
    *out_item = -1;

  if (path == NULL)
    return IMPACT_OUTLINE_TARGET_NONE;

  /* JSON Pointer style "/milestones/3" and leading "$." are accepted too */
  if (g_str_has_prefix (path, "$."))
    path += 2;
  while (*path == '/' || *path == '.')
    path++;

  name = path;
  len = strcspn (path, ".[/");
  if (len == 0)
    return IMPACT_OUTLINE_TARGET_NONE;

  if (len == strlen ("theme") && strncmp (name, "theme", len) == 0)
    return IMPACT_OUTLINE_TARGET_THEME;

  if (!lookup_section (name, len, &section))
    return IMPACT_OUTLINE_TARGET_NONE;

  p = name + len;
  item = parse_index (&p);

  if (item < 0 && *p == '/' && g_ascii_isdigit (p[1]))
    {
      /* "/milestones/3" */
      g_autofree char *digits = g_strndup (p + 1, strspn (p + 1, "0123456789"));
      gint64 value = g_ascii_strtoll (digits, NULL, 10);

      if (value >= 0 && value <= G_MAXINT)
        item = (int) value;
    }
  else if (item < 0 && *p == '.' && section == IMPACT_SECTION_APPROACH)
    {
      /* "approach.pillars[2].text" */
      const char *q = p + 1;

      if (g_str_has_prefix (q, "pillars"))
        {
          q += strlen ("pillars");
          item = parse_index (&q);
        }
    }

  /* The organisation's logo is drawn in the header, not the contact block */
  if (section == IMPACT_SECTION_CONTACT && item < 0 &&
      (g_str_has_prefix (p, ".logo") || g_str_has_prefix (p, "/logo")))
    section = IMPACT_SECTION_HEADER;

  /* Eras are drawn with the milestones but are not milestones */
  if (len == strlen ("eras") && strncmp (name, "eras", len) == 0)
    item = -1;

  if (out_section != NULL)
    *out_section = section;
  if (out_item != NULL)
    *out_item = item;

  return IMPACT_OUTLINE_TARGET_SECTION;
}
