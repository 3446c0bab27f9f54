/* impact-preflight.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-preflight"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>

#include "impact-export.h"
#include "impact-fonts.h"
#include "impact-placeholders.h"
#include "impact-preflight.h"
#include "impact-sheet-words.h"
#include "impact-text-cache.h"
#include "impact-sheet-layout-private.h"

static char *
color_to_hex (const ImpactColor *c)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (int) round (CLAMP (c->red, 0, 1) * 255),
                          (int) round (CLAMP (c->green, 0, 1) * 255),
                          (int) round (CLAMP (c->blue, 0, 1) * 255));
}

/* Relative luminance order is all we need to know which way to move */
static double
lightness (const ImpactColor *c)
{
  ImpactColor black = { 0, 0, 0 };

  return impact_color_contrast (c, &black);
}

char *
impact_preflight_suggest_color (const ImpactColor *color,
                                const ImpactColor *other,
                                double             ratio)
{
  ImpactColor target, mixed;

  g_return_val_if_fail (color != NULL && other != NULL, NULL);

  /* away from @other: darker on a light partner, lighter on a dark one */
  if (lightness (other) >= lightness (color))
    target = (ImpactColor) { 0, 0, 0 };
  else
    target = (ImpactColor) { 1, 1, 1 };

  for (int step = 0; step <= 100; step++)
    {
      double t = step / 100.0;

      mixed.red = color->red + (target.red - color->red) * t;
      mixed.green = color->green + (target.green - color->green) * t;
      mixed.blue = color->blue + (target.blue - color->blue) * t;
      /* the suggestion is printed rounded to 8 bits: check what is printed */
      {
        g_autofree char *hex = color_to_hex (&mixed);
        ImpactColor rounded;

        impact_color_parse (hex, &rounded);
        if (impact_color_contrast (&rounded, other) >= ratio)
          return g_steal_pointer (&hex);
      }
    }
  return NULL;
}

static guint
check_pair (ImpactDiagnostics *diagnostics,
            const char        *path,
            const char        *what,
            const char        *uses,
            const char        *which,
            const ImpactColor *fg,
            const ImpactColor *bg,
            const char        *bg_name,
            gboolean           fix_background)
{
  double ratio = impact_color_contrast (fg, bg);
  g_autofree char *fg_hex = color_to_hex (fg);
  g_autofree char *bg_hex = color_to_hex (bg);
  g_autofree char *suggestion = NULL;
  g_autofree char *advice = NULL;
  const ImpactColor *fixed = fix_background ? bg : fg;
  const ImpactColor *kept = fix_background ? fg : bg;

  /* compare as printed: 4.49 shown as "4.5:1" would read as a pass */
  if (floor (ratio * 100) / 100 >= IMPACT_PREFLIGHT_MIN_CONTRAST)
    return 0;

  suggestion = impact_preflight_suggest_color (fixed, kept, IMPACT_PREFLIGHT_MIN_CONTRAST);
  if (suggestion != NULL)
    advice = g_strdup_printf ("use a %s %s such as %s",
                              lightness (kept) >= lightness (fixed) ? "darker" : "lighter",
                              which, suggestion);
  else
    advice = g_strdup ("choose colours further apart");
  impact_diagnostics_add (diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, path,
                          "%s (%s) on %s (%s) has a contrast of %.2f:1, below the "
                          "%.1f:1 that WCAG AA asks of small text such as %s; %s",
                          what, fg_hex, bg_name, bg_hex, floor (ratio * 100) / 100,
                          IMPACT_PREFLIGHT_MIN_CONTRAST, uses, advice);
  return 1;
}

guint
impact_preflight_check_document (ImpactDocument    *document,
                                 ImpactTheme       *theme,
                                 ImpactDiagnostics *diagnostics)
{
  GPtrArray *stats, *facts;
  const ImpactColor *text, *background, *primary, *accent, *on_primary;
  guint n = 0;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (IMPACT_IS_THEME (theme), 0);
  g_return_val_if_fail (diagnostics != NULL, 0);

  stats = impact_document_get_statistics (document);
  for (guint i = 0; i < stats->len; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (stats, i);
      g_autofree char *path = NULL;

      if (stat->source != NULL)
        continue;
      path = g_strdup_printf ("statistics[%u]", i);
      impact_diagnostics_add (diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, path,
                              "no source; add a \"source\" so readers can check the figure");
      n++;
    }
  facts = impact_document_get_facts (document);
  for (guint i = 0; i < facts->len; i++)
    {
      const ImpactFact *fact = g_ptr_array_index (facts, i);
      g_autofree char *path = NULL;

      if (fact->source != NULL)
        continue;
      path = g_strdup_printf ("facts[%u]", i);
      impact_diagnostics_add (diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, path,
                              "no source; add a \"source\" so readers can check the fact");
      n++;
    }

  /* a new sheet's guidance left as it is ("Phone number, as it should
   * be printed") */
  n += impact_placeholders_check (document, diagnostics);
  /* a language without sheet words gets English ones */
  n += impact_sheet_words_check (document, diagnostics);

  text = impact_theme_get_text (theme);
  background = impact_theme_get_background (theme);
  primary = impact_theme_get_primary (theme);
  /* small accent text is set in the text-safe shade of the accent */
  accent = impact_theme_get_accent_text (theme);
  /* the layout sets text on the primary colour in whichever of the
   * background and text colours contrasts more with it */
  on_primary = impact_color_contrast (background, primary) >= impact_color_contrast (text, primary) ?
               background : text;

  n += check_pair (diagnostics, "theme.text", "body text", "paragraphs and labels", "text colour",
                   text, background, "the background", FALSE);
  n += check_pair (diagnostics, "theme.primary", "text",
                   "the footer and the statistic labels", "primary colour",
                   on_primary, primary, "the primary colour", TRUE);
  n += check_pair (diagnostics, "theme.accent", "accent text", "kickers and footnote marks", "accent",
                   accent, background, "the background", FALSE);
  return n;
}

static const char *
image_member (ImpactDocument *document,
              const char     *json_path)
{
  if (g_strcmp0 (json_path, "organisation.logo") == 0)
    return impact_document_get_organisation (document)->logo;
  if (g_strcmp0 (json_path, "profile.photo") == 0)
    {
      ImpactProfile *profile = impact_document_get_profile (document);

      return profile ? profile->photo : NULL;
    }
  return NULL;
}

guint
impact_preflight_check_layout (ImpactSheetLayout *layout,
                               ImpactDiagnostics *diagnostics)
{
  ImpactDocument *document;
  guint n = 0;

  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (layout), 0);
  g_return_val_if_fail (diagnostics != NULL, 0);

  document = impact_sheet_layout_get_document (layout);
  for (guint p = 0; p < impact_sheet_layout_get_n_pages (layout); p++)
    for (guint i = 0; i < impact_sheet_layout_get_n_ops (layout, p); i++)
      {
        const ImpactOp *op = impact_sheet_layout_get_op (layout, p, i);
        const char *member;
        int width = 0, height = 0;
        double scale, dpi, factor;

        if (op->kind != IMPACT_OP_IMAGE || op->json_path == NULL || op->w <= 0 || op->h <= 0)
          continue;
        member = image_member (document, op->json_path);
        if (member == NULL || *member == '\0')
          continue;
        /* the size of the file as the layout read it (it never reads twice) */
        width = op->src_width;
        height = op->src_height;
        if (width <= 0 || height <= 0)
          continue;

        /* images cover their box: the larger scale decides */
        scale = MAX (op->w / width, op->h / height);   /* points per pixel */
        dpi = 72.0 / scale;
        if (dpi >= IMPACT_PREFLIGHT_MIN_DPI)
          continue;
        factor = IMPACT_PREFLIGHT_MIN_DPI / dpi;
        impact_diagnostics_add (diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, op->json_path,
                                "image \"%s\" is %d × %d pixels, only %.0f dpi at its printed "
                                "size of %.1f × %.1f cm; it will look soft in print: use one of "
                                "at least %d × %d pixels (%.0f dpi)",
                                member, width, height, floor (dpi),
                                op->w / 72.0 * 2.54, op->h / 72.0 * 2.54,
                                (int) ceil (width * factor - 1e-6), (int) ceil (height * factor - 1e-6),
                                IMPACT_PREFLIGHT_MIN_DPI);
        n++;
      }
  return n;
}

static gboolean
has_same (ImpactDiagnostics      *diagnostics,
          const ImpactDiagnostic *diag)
{
  for (guint i = 0; i < impact_diagnostics_get_n_items (diagnostics); i++)
    {
      const ImpactDiagnostic *d = impact_diagnostics_get_item (diagnostics, i);

      if (d->severity == diag->severity && g_strcmp0 (d->path, diag->path) == 0 &&
          g_strcmp0 (d->message, diag->message) == 0)
        return TRUE;
    }
  return FALSE;
}

guint
impact_preflight_run (ImpactDocument       *document,
                      ImpactTheme          *theme,
                      const ImpactPageSize *sizes,
                      guint                 n_sizes,
                      ImpactDiagnostics    *diagnostics)
{
  g_autoptr(GPtrArray) per_size = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_diagnostics_free);
  g_autoptr(ImpactTextCache) texts = NULL;
  guint n;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (IMPACT_IS_THEME (theme), 0);
  g_return_val_if_fail (sizes != NULL || n_sizes == 0, 0);
  g_return_val_if_fail (diagnostics != NULL, 0);

  n = impact_preflight_check_document (document, theme, diagnostics);
  /* a text placed again while a page is fitted is shaped once, as in an
   * export (impact-text-cache.h) */
  if (impact_text_cache_get_current () == NULL)
    {
      texts = impact_text_cache_new (0);
      impact_text_cache_begin (texts);
    }
  for (guint i = 0; i < n_sizes; i++)
    {
      ImpactDiagnostics *page_diags = impact_diagnostics_new ();
      g_autoptr(ImpactSheetLayout) layout = impact_sheet_layout_new (document, theme, sizes[i], page_diags);

      impact_preflight_check_layout (layout, page_diags);
      impact_sheet_layout_report_omissions (layout, page_diags);
      g_ptr_array_add (per_size, page_diags);
    }
  if (texts != NULL)
    impact_text_cache_end (texts);

  for (guint i = 0; i < n_sizes; i++)
    {
      ImpactDiagnostics *page_diags = g_ptr_array_index (per_size, i);

      for (guint j = 0; j < impact_diagnostics_get_n_items (page_diags); j++)
        {
          const ImpactDiagnostic *d = impact_diagnostics_get_item (page_diags, j);
          gboolean everywhere = n_sizes > 1;

          for (guint k = 0; k < n_sizes && everywhere; k++)
            everywhere = k == i || has_same (g_ptr_array_index (per_size, k), d);
          if (everywhere)
            {
              /* the same on every paper: say it once, naming none */
              gboolean said = FALSE;

              for (guint k = 0; k < i && !said; k++)
                said = has_same (g_ptr_array_index (per_size, k), d);
              if (!said)
                {
                  impact_diagnostics_add (diagnostics, d->severity, d->file, d->line, d->column,
                                          d->path, "%s", d->message);
                  n++;
                }
              continue;
            }
          /* specific to this paper: name it */
          impact_diagnostics_add (diagnostics, d->severity, d->file, d->line, d->column,
                                  d->path, "%s (%s)", d->message,
                                  impact_page_size_to_string (sizes[i]));
          n++;
        }
    }
  return n;
}

guint
impact_preflight_run_private_fonts (ImpactDocument       *document,
                                    ImpactTheme          *theme,
                                    const ImpactPageSize *sizes,
                                    guint                 n_sizes,
                                    ImpactDiagnostics    *diagnostics)
{
  g_autoptr(ImpactDiagnostics) attempt = NULL;
  guint n;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (diagnostics != NULL, 0);

  impact_export_restrict_fonts (document, theme);
  attempt = impact_diagnostics_new ();
  n = impact_preflight_run (document, theme, sizes, n_sizes, attempt);
  if (impact_fonts_restriction_broken ())
    {
      /* a character the plan did not foresee: every font, as without it */
      impact_fonts_unrestrict ();
      return impact_preflight_run (document, theme, sizes, n_sizes, diagnostics);
    }
  impact_fonts_unrestrict ();
  impact_diagnostics_extend (diagnostics, attempt);
  return n;
}
