/* impact-section-profile.c: the profile: a person, with photo or initials
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-sheet-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "impact-emphasis.h"
#include "impact-sections.h"

/* The editor's fields */

static const ImpactFieldInfo profile_fields[] = {
  { "name", N_("Name"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactProfile, name), IMPACT_FIELD_REQUIRED },
  { "role", N_("Role"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactProfile, role) },
  { "biography", N_("Biography"), IMPACT_FIELD_PARAGRAPH, IMPACT_FIELD_AT (ImpactProfile, biography), IMPACT_FIELD_RICH },
  { "photo", N_("Photo"), IMPACT_FIELD_IMAGE, IMPACT_FIELD_AT (ImpactProfile, photo) },
  { "photo_alt", N_("Photo Description"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactProfile, photo_alt) },
  { NULL }
};

static gpointer
profile_record (ImpactDocument *doc)
{
  return impact_document_get_profile (doc);
}

static void
profile_add (ImpactDocument *doc)
{
  ImpactProfile *profile = impact_profile_new ();

  profile->name = g_strdup (_("Name of a staff member"));
  impact_document_take_profile (doc, profile);
}

static void
profile_drop (ImpactDocument *doc)
{
  impact_document_take_profile (doc, NULL);
}

const ImpactFieldGroup impact_section_profile_fields[] = {
  { "profile", N_("Profile"), NULL, profile_fields, profile_record, profile_add, profile_drop },
  { NULL }
};

static char *
initials (const char *name)
{
  GString *out = g_string_new (NULL);
  g_auto(GStrv) words = g_strsplit (name ? name : "", " ", -1);
  guint n = g_strv_length (words);

  for (guint i = 0; i < n; i++)
    {
      if (*words[i] == '\0' || (i != 0 && i != n - 1))
        continue;
      g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (words[i])));
    }
  return g_string_free (out, FALSE);
}

double
impact_section_profile_place (ImpactLayoutBuilder *b,
                              double               y)
{
  ImpactProfile *profile = impact_document_get_profile (b->doc);
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  const ImpactColor *accent = impact_theme_get_accent (b->theme);
  double x = b->margin, pad = b->design->profile_pad, photo = b->design->photo_size;
  double top = y, ty, text_x, text_w, h;
  /* no panel: the portrait sits on the page's own ground, flush with the measure */
  double hpad = b->design->panels == IMPACT_PANEL_FILLED ? pad : 0;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  ImpactTextStyle style;
  PangoLayout *layout;
  guint panel_op = G_MAXUINT;

  if (profile == NULL || profile->name == NULL)
    return y;

  text_x = x + hpad + photo + b->design->profile_text_gap;
  text_w = b->content_width - (text_x - x) - hpad;

  /* the panel goes under the text: add it now, size it once the text is placed */
  if (b->design->panels == IMPACT_PANEL_FILLED)
    {
      panel_op = b->page->ops->len;
      impact_builder_add_rect (b, x, y, b->content_width, 0, 0, impact_theme_get_panel (b->theme), 1.0);
    }

  ty = y + pad;
  if (profile->role && *profile->role)
    {
      style = impact_builder_kicker_style (b, 7.5);
      layout = impact_builder_make_text (b, &style, profile->role, FALSE, text_w);
      ty += impact_builder_place_layout (b, layout, text_x, ty, impact_theme_get_accent_text (b->theme), 1.0, NULL) + 2;
    }
  style = impact_builder_heading_style (b, b->design->profile_name_size, PANGO_WEIGHT_HEAVY);
  style.uppercase = TRUE;
  layout = impact_builder_make_text (b, &style, profile->name, FALSE, text_w);
  impact_builder_check_glyphs (b, layout, "profile.name");
  b->next_tag = "H3";
  ty += impact_builder_place_layout (b, layout, text_x, ty, primary, 1.0, NULL) + 5;
  if (profile->biography && *profile->biography)
    {
      style = impact_builder_body_style (b, 8.5);
      layout = impact_builder_make_text (b, &style, profile->biography, TRUE, text_w);
      impact_builder_check_glyphs (b, layout, "profile.biography");
      ty += impact_builder_place_layout (b, layout, text_x, ty, impact_theme_get_text (b->theme), 1.0, NULL);
    }
  h = MAX (ty + pad - y, photo + 2 * pad);
  if (panel_op != G_MAXUINT)
    g_array_index (b->page->ops, ImpactOp, panel_op).h = h;

  /* photo in a circle, or initials */
  {
    double cx = x + hpad + photo / 2, cy = y + h / 2;

    pixbuf = impact_builder_load_image (b, profile->photo, "profile.photo", photo, photo);
    impact_builder_add_circle (b, cx, cy, photo / 2, primary, 0);
    if (pixbuf != NULL)
      impact_builder_add_image (b, pixbuf, "profile.photo", cx - photo / 2 + 3, cy - photo / 2 + 3, photo - 6, photo - 6, TRUE,
                 profile->photo_alt ? profile->photo_alt : profile->name);
    else
      {
        g_autofree char *ini = initials (profile->name);
        ImpactTextStyle is = impact_builder_heading_style (b, 24, PANGO_WEIGHT_BOLD);
        PangoLayout *il = impact_builder_make_text (b, &is, ini, FALSE, -1);
        double iw, ih;

        impact_text_layout_get_size (il, &iw, &ih);
        /* the initials stand in for a photo: decoration, not text */
        b->next_tag = "";
        impact_builder_place_layout (b, il, cx - iw / 2, cy - ih / 2, &b->on_primary, 1.0, NULL);
      }
    impact_builder_add_circle (b, cx, cy, photo / 2 - 1.75, accent, 3.5);
  }

  y += h;
  impact_builder_add_box (b, IMPACT_SECTION_PROFILE, -1, x, top, b->content_width, h);
  impact_builder_note_bottom (b, y, "profile.biography");
  return y;
}

/* JSON: the section's members, read (validated, reported with their path,
 * line and column) and written (keeping the text of what did not change);
 * moved here from impact-json-loader.c and impact-json-writer.c. The
 * helpers' short names below come from the loader's and the writer's
 * private headers. */

#include "impact-json-loader-private.h"
#include "impact-json-writer-private.h"

static const char * const profile_keys[] = {
  "name", "role", "biography", "photo", "photo_alt", NULL
};

static void
load_profile (ObjectCtx      *root,
              ImpactDocument *doc)
{
  g_autofree char *path = NULL;
  ImpactProfile *profile;
  ObjectCtx o;

  if (!ctx_object (root, "profile", FALSE, &o, &path))
    return;
  profile = impact_profile_new ();
  profile->name = ctx_dup_string (&o, "name", STRING_REQUIRED);
  profile->role = ctx_dup_string (&o, "role", 0);
  profile->biography = ctx_dup_string (&o, "biography", STRING_RICH);
  profile->photo = ctx_image (&o, "photo");
  profile->photo_alt = ctx_dup_string (&o, "photo_alt", 0);
  ctx_check_members (&o, profile_keys);
  impact_document_take_profile (doc, profile);
}

void
impact_section_profile_read (ObjectCtx      *root,
                             ImpactDocument *doc)
{
  load_profile (root, doc);
}

void
impact_section_profile_write (JsonObject     *root,
                              ImpactDocument *doc)
{
  ImpactProfile *profile;
  JsonObject *o;

  profile = impact_document_get_profile (doc);
  if (profile != NULL)
    {
      o = section_object (root, "profile");
      put_string (o, "name", profile->name);
      put_string (o, "role", profile->role);
      put_string (o, "biography", profile->biography);
      put_string (o, "photo", profile->photo);
      put_string (o, "photo_alt", profile->photo_alt);
      put (root, "profile", json_node_init_object (json_node_alloc (), o));
      json_object_unref (o);
    }
  else
    put (root, "profile", NULL);
}
