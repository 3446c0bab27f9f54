/* impact-theme.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-theme"

#include "config.h"

#include <math.h>
#include <string.h>

#include "impact-theme.h"

#define DEFAULT_PRIMARY      "#1b365d"
#define DEFAULT_ACCENT       "#d9822b"
#define DEFAULT_TEXT         "#1f2933"
#define DEFAULT_BACKGROUND   "#ffffff"
#define DEFAULT_HEADING_FONT "Inter Display"
#define DEFAULT_BODY_FONT    "Inter"

struct _ImpactTheme
{
  GObject         parent_instance;

  ImpactTemplate  template_id;
  ImpactColor     primary;
  ImpactColor     accent;
  ImpactColor     text;
  ImpactColor     background;
  ImpactColor     panel;
  ImpactColor     accent_text;
  char           *heading_font;
  char           *body_font;
};

G_DEFINE_FINAL_TYPE (ImpactTheme, impact_theme, G_TYPE_OBJECT)

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  c = g_ascii_tolower (c);
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

gboolean
impact_color_parse (const char  *text,
                    ImpactColor *out_color)
{
  int v[6];
  gsize len;

  g_return_val_if_fail (out_color != NULL, FALSE);

  if (text == NULL || text[0] != '#')
    return FALSE;
  text++;
  len = strlen (text);
  if (len != 3 && len != 6)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if ((v[i] = hex_value (text[i])) < 0)
      return FALSE;
  if (len == 3)
    {
      out_color->red = (v[0] * 17) / 255.0;
      out_color->green = (v[1] * 17) / 255.0;
      out_color->blue = (v[2] * 17) / 255.0;
    }
  else
    {
      out_color->red = (v[0] * 16 + v[1]) / 255.0;
      out_color->green = (v[2] * 16 + v[3]) / 255.0;
      out_color->blue = (v[4] * 16 + v[5]) / 255.0;
    }
  return TRUE;
}

static double
channel_luminance (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
relative_luminance (const ImpactColor *c)
{
  return 0.2126 * channel_luminance (c->red) +
         0.7152 * channel_luminance (c->green) +
         0.0722 * channel_luminance (c->blue);
}

double
impact_color_contrast (const ImpactColor *a,
                       const ImpactColor *b)
{
  double la = relative_luminance (a);
  double lb = relative_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

gboolean
impact_template_from_string (const char     *text,
                             ImpactTemplate *out_template)
{
  g_return_val_if_fail (out_template != NULL, FALSE);

  if (g_strcmp0 (text, "classic") == 0)
    *out_template = IMPACT_TEMPLATE_CLASSIC;
  else if (g_strcmp0 (text, "bold") == 0)
    *out_template = IMPACT_TEMPLATE_BOLD;
  else
    return FALSE;
  return TRUE;
}

const char *
impact_template_to_string (ImpactTemplate tmpl)
{
  return tmpl == IMPACT_TEMPLATE_BOLD ? "bold" : "classic";
}

static void
impact_theme_finalize (GObject *object)
{
  ImpactTheme *self = (ImpactTheme *) object;

  g_free (self->heading_font);
  g_free (self->body_font);

  G_OBJECT_CLASS (impact_theme_parent_class)->finalize (object);
}

static void
impact_theme_class_init (ImpactThemeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = impact_theme_finalize;
}

static void
impact_theme_init (ImpactTheme *self)
{
}

static void
resolve_color (ImpactColor       *out,
               const char        *value,
               const char        *fallback,
               const char        *name,
               ImpactDiagnostics *diagnostics)
{
  if (value != NULL && impact_color_parse (value, out))
    return;
  if (value != NULL && diagnostics != NULL)
    impact_diagnostics_add (diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, name,
                            "expected a colour as #rrggbb, got \"%s\"; using %s",
                            value, fallback);
  impact_color_parse (fallback, out);
}

static void
mix (ImpactColor       *out,
     const ImpactColor *a,
     const ImpactColor *b,
     double             t)
{
  out->red = a->red + (b->red - a->red) * t;
  out->green = a->green + (b->green - a->green) * t;
  out->blue = a->blue + (b->blue - a->blue) * t;
}

ImpactTheme *
impact_theme_new (const ImpactThemeSpec *spec,
                  const char            *template_override,
                  ImpactDiagnostics     *diagnostics)
{
  ImpactTheme *self = g_object_new (IMPACT_TYPE_THEME, NULL);
  ImpactThemeSpec empty = { 0 };
  const char *tmpl;

  if (spec == NULL)
    spec = &empty;

  tmpl = template_override ? template_override : spec->template_name;
  if (tmpl != NULL && !impact_template_from_string (tmpl, &self->template_id))
    {
      if (diagnostics != NULL)
        impact_diagnostics_add (diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, "theme.template",
                                "unknown template \"%s\" (known: classic, bold); using classic",
                                tmpl);
      self->template_id = IMPACT_TEMPLATE_CLASSIC;
    }

  resolve_color (&self->primary, spec->primary, DEFAULT_PRIMARY, "theme.primary", diagnostics);
  resolve_color (&self->accent, spec->accent, DEFAULT_ACCENT, "theme.accent", diagnostics);
  resolve_color (&self->text, spec->text, DEFAULT_TEXT, "theme.text", diagnostics);
  resolve_color (&self->background, spec->background, DEFAULT_BACKGROUND, "theme.background", diagnostics);

  /* Small accent text (kickers, footnote marks, years) must read: shade
   * the accent towards black (or white on a dark page) in small steps until
   * it reaches 4.5:1, keeping its hue. */
  {
    ImpactColor target = { 0, 0, 0 };
    ImpactColor white = { 1, 1, 1 };

    if (impact_color_contrast (&self->background, &target) < impact_color_contrast (&self->background, &white))
      target = white;
    self->accent_text = self->accent;
    for (int step = 1; step <= 20 && impact_color_contrast (&self->accent_text, &self->background) < 4.5; step++)
      mix (&self->accent_text, &self->accent, &target, step * 0.05);
  }

  /* A warm, very light tint for quote and profile panels: 6 % of the
   * accent over the background keeps it quiet on paper. */
  mix (&self->panel, &self->background, &self->accent, 0.07);

  self->heading_font = g_strdup (spec->heading_font && *spec->heading_font ?
                                 spec->heading_font : DEFAULT_HEADING_FONT);
  self->body_font = g_strdup (spec->body_font && *spec->body_font ?
                              spec->body_font : DEFAULT_BODY_FONT);
  return self;
}

ImpactTemplate
impact_theme_get_template (ImpactTheme *self)
{
  g_return_val_if_fail (IMPACT_IS_THEME (self), IMPACT_TEMPLATE_CLASSIC);
  return self->template_id;
}

const ImpactColor *
impact_theme_get_primary (ImpactTheme *self)
{
  g_return_val_if_fail (IMPACT_IS_THEME (self), NULL);
  return &self->primary;
}

const ImpactColor *
impact_theme_get_accent (ImpactTheme *self)
{
  g_return_val_if_fail (IMPACT_IS_THEME (self), NULL);
  return &self->accent;
}

const ImpactColor *
impact_theme_get_text (ImpactTheme *self)
{
  g_return_val_if_fail (IMPACT_IS_THEME (self), NULL);
  return &self->text;
}

const ImpactColor *
impact_theme_get_background (ImpactTheme *self)
{
  g_return_val_if_fail (IMPACT_IS_THEME (self), NULL);
  return &self->background;
}

const ImpactColor *
impact_theme_get_accent_text (ImpactTheme *self)
{
  g_return_val_if_fail (IMPACT_IS_THEME (self), NULL);
  return &self->accent_text;
}

const ImpactColor *
impact_theme_get_panel (ImpactTheme *self)
{
  g_return_val_if_fail (IMPACT_IS_THEME (self), NULL);
  return &self->panel;
}

const char *
impact_theme_get_heading_font (ImpactTheme *self)
{
  g_return_val_if_fail (IMPACT_IS_THEME (self), NULL);
  return self->heading_font;
}

const char *
impact_theme_get_body_font (ImpactTheme *self)
{
  g_return_val_if_fail (IMPACT_IS_THEME (self), NULL);
  return self->body_font;
}
