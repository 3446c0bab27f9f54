/* impact-help-topics.c: which page of the user help explains a warning
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-help-topics"

#include "config.h"

#include <string.h>

#include "impact-help-topics.h"

/* Checked in order; the first rule that matches decides. A rule matches
 * when its path (if any) is the diagnostic's path or its first part
 * ("timelinejs", "brand") and its words (if any) are in the message.
 * tests/help/check-help.sh checks that every topic named here has a page. */
static const struct
{
  const char *path;
  const char *words;
  const char *topic;
} rules[] = {
  { "timelinejs", NULL, "fix-timelinejs" },
  { "brand", NULL, "fix-brand" },
  { NULL, "no source;", "fix-source" },
  { NULL, "still the template's guidance", "fix-placeholder" },
  { NULL, "has a contrast of", "fix-contrast" },
  { NULL, "dpi at its printed size", "fix-image-resolution" },
  { NULL, "cannot use image", "fix-image" },
  { NULL, "is truncated or damaged", "fix-image" },
  { NULL, "images are only read from local files", "fix-image" },
  { NULL, "is an absolute path", "fix-image" },
  { NULL, "the fonts cannot draw", "fix-glyphs" },
  { NULL, "is drawn from the fallback font", "fix-glyphs" },
  { NULL, "overflows by", "fix-overflow" },
  { NULL, "do not fit side by side", "fix-overflow" },
  { NULL, "far longer than a page can hold", "fix-overflow" },
  { NULL, "unknown member", "fix-unknown-member" },
  { NULL, "duplicate member", "fix-unknown-member" },
  { NULL, "emphasis marker", "fix-emphasis" },
  { NULL, "unknown icon", "fix-icon" },
  { NULL, "BCP 47 language tag", "fix-language" },
  { NULL, "disagrees with the milestones", "fix-derived-value" },
  { NULL, "expected a colour", "fix-theme" },
  { NULL, "unknown template", "fix-theme" },
};

static gboolean
path_matches (const char *path,
              const char *rule)
{
  gsize n = strlen (rule);

  return path != NULL && strncmp (path, rule, n) == 0 &&
         (path[n] == '\0' || path[n] == '.' || path[n] == '[');
}

const char *
impact_help_topic_for_diagnostic (const ImpactDiagnostic *diag)
{
  g_return_val_if_fail (diag != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      if (rules[i].path != NULL && !path_matches (diag->path, rules[i].path))
        continue;
      if (rules[i].words != NULL &&
          (diag->message == NULL || strstr (diag->message, rules[i].words) == NULL))
        continue;
      return rules[i].topic;
    }
  return NULL;
}

char *
impact_help_topic_uri (const char *topic)
{
  g_return_val_if_fail (topic != NULL, NULL);

  return g_strconcat (IMPACT_HELP_URI "/", topic, NULL);
}
