/* impact-theme.h: resolved colours, fonts and template of a fact sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "impact-diagnostics.h"
#include "impact-document.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue;   /* 0..1 */
} ImpactColor;

typedef enum
{
  IMPACT_TEMPLATE_CLASSIC,   /* close to the seed's layout: header band, panels */
  IMPACT_TEMPLATE_BOLD,      /* full-bleed colour header, large type */
} ImpactTemplate;

#define IMPACT_TYPE_THEME (impact_theme_get_type ())
G_DECLARE_FINAL_TYPE (ImpactTheme, impact_theme, IMPACT, THEME, GObject)

/* Defaults for anything the spec leaves out; bad values give a warning in
 * @diagnostics (optional) and the default. @template_override (optional)
 * wins over the spec's template. */
ImpactTheme       *impact_theme_new               (const ImpactThemeSpec *spec,
                                                   const char            *template_override,
                                                   ImpactDiagnostics     *diagnostics);
ImpactTemplate     impact_theme_get_template      (ImpactTheme *self);
const ImpactColor *impact_theme_get_primary       (ImpactTheme *self);
const ImpactColor *impact_theme_get_accent        (ImpactTheme *self);
const ImpactColor *impact_theme_get_text          (ImpactTheme *self);
const ImpactColor *impact_theme_get_background    (ImpactTheme *self);
/* The accent as small text may use it: the accent itself when it reaches
 * WCAG AA (4.5:1) on the background, else the nearest shade of it, darkened
 * (or lightened on a dark background) until it does. Fills and large type
 * keep the accent. */
const ImpactColor *impact_theme_get_accent_text   (ImpactTheme *self);
/* A light tint of the background used behind quote and profile panels. */
const ImpactColor *impact_theme_get_panel         (ImpactTheme *self);
const char        *impact_theme_get_heading_font  (ImpactTheme *self);
const char        *impact_theme_get_body_font     (ImpactTheme *self);

gboolean           impact_color_parse             (const char  *text,
                                                   ImpactColor *out_color);
/* WCAG 2 contrast ratio, 1..21 */
double             impact_color_contrast          (const ImpactColor *a,
                                                   const ImpactColor *b);
gboolean           impact_template_from_string    (const char     *text,
                                                   ImpactTemplate *out_template);
const char        *impact_template_to_string      (ImpactTemplate  tmpl);

G_END_DECLS
