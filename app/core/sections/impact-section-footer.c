/* impact-section-footer.c: the footer band: contact, about, fine print
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
#include "impact-sheet-words.h"

/* The editor's fields: the organisation (its contact is drawn in the
 * footer) and the footer itself */

static const ImpactFieldInfo organisation_fields[] = {
  { "name", N_("Name"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactOrganisation, name), IMPACT_FIELD_REQUIRED },
  { "short_name", N_("Short Name"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactOrganisation, short_name) },
  { "website", N_("Website"), IMPACT_FIELD_URL, IMPACT_FIELD_AT (ImpactOrganisation, website) },
  { "address", N_("Address, one line each"), IMPACT_FIELD_PARAGRAPH, IMPACT_VALUE_LINES,
    G_STRUCT_OFFSET (ImpactOrganisation, address) },
  { "phone", N_("Phone"), IMPACT_FIELD_PHONE, IMPACT_FIELD_AT (ImpactOrganisation, phone) },
  { "fax", N_("Fax"), IMPACT_FIELD_PHONE, IMPACT_FIELD_AT (ImpactOrganisation, fax) },
  { "email", N_("Email"), IMPACT_FIELD_EMAIL, IMPACT_FIELD_AT (ImpactOrganisation, email) },
  { "logo", N_("Logo"), IMPACT_FIELD_IMAGE, IMPACT_FIELD_AT (ImpactOrganisation, logo) },
  { "logo_alt", N_("Logo Description"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactOrganisation, logo_alt) },
  { NULL }
};

static const ImpactFieldInfo footer_fields[] = {
  { "about", N_("About"), IMPACT_FIELD_PARAGRAPH, IMPACT_FIELD_AT (ImpactFooter, about), IMPACT_FIELD_RICH },
  { "disclaimer", N_("Disclaimer"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactFooter, disclaimer) },
  { "copyright", N_("Copyright"), IMPACT_FIELD_LINE, IMPACT_FIELD_AT (ImpactFooter, copyright) },
  { NULL }
};

static gpointer
organisation_record (ImpactDocument *doc)
{
  return impact_document_get_organisation (doc);
}

static gpointer
footer_record (ImpactDocument *doc)
{
  return impact_document_get_footer (doc);
}

const ImpactFieldGroup impact_section_contact_fields[] = {
  { "organisation", N_("Organisation"), NULL, organisation_fields, organisation_record },
  { NULL }
};

const ImpactFieldGroup impact_section_footer_fields[] = {
  { "footer", N_("Footer"), NULL, footer_fields, footer_record },
  { NULL }
};

/* The footer band, anchored to the bottom edge; returns its top. */
double
impact_section_footer_place (ImpactLayoutBuilder *b,
                             double               bottom)
{
  ImpactOrganisation *org = impact_document_get_organisation (b->doc);
  ImpactFooter *footer = impact_document_get_footer (b->doc);
  ImpactQuote *quote = impact_document_get_quote (b->doc);
  const char *language = impact_document_get_language (b->doc);
  const char *marker = impact_sheet_word (language, IMPACT_WORD_PSEUDONYM_MARKER);
  const ImpactColor *primary = impact_theme_get_primary (b->theme);
  double x = b->margin, pad = 20, contact_w = 128, col_gap = 28;
  double about_x = x + contact_w + col_gap, about_w = b->content_width - contact_w - col_gap;
  double contact_h = 0, about_h = 0, fine_h = 0, band_h, top, y;
  GString *contact = g_string_new (NULL);
  g_autoptr(GString) fine = g_string_new (NULL);
  PangoLayout *contact_layout = NULL, *web_layout = NULL, *about_layout = NULL, *fine_layout = NULL;
  ImpactTextStyle style;
  double web_h = 0;

  for (guint i = 0; org->address && org->address[i]; i++)
    g_string_append_printf (contact, "%s%s", contact->len ? "\n" : "", org->address[i]);
  if (org->phone && *org->phone)
    g_string_append_printf (contact, "%s%s %s", contact->len ? "\n" : "", impact_sheet_word (language, IMPACT_WORD_CONTACT_PHONE), org->phone);
  if (org->fax && *org->fax)
    g_string_append_printf (contact, "%s%s %s", contact->len ? "\n" : "", impact_sheet_word (language, IMPACT_WORD_CONTACT_FAX), org->fax);
  if (org->email && *org->email)
    g_string_append_printf (contact, "%s%s", contact->len ? "\n" : "", org->email);

  style = impact_builder_body_style (b, 8.25);
  style.size = 8.25;
  style.line_height = 1.42;
  if (contact->len)
    {
      contact_layout = impact_builder_make_text (b, &style, contact->str, FALSE, contact_w);
      impact_text_layout_get_size (contact_layout, NULL, &contact_h);
    }
  g_string_free (contact, TRUE);

  if (org->website && *org->website)
    {
      g_autofree char *trimmed = impact_builder_display_website (org->website);

      style = impact_builder_heading_style (b, 11, PANGO_WEIGHT_BOLD);
      web_layout = impact_builder_make_text (b, &style, trimmed, FALSE, contact_w);
      impact_text_layout_get_size (web_layout, NULL, &web_h);
      web_h += 6;
    }

  if (footer->about && *footer->about)
    {
      style = impact_builder_body_style (b, 8.25);
      style.size = 8.25;
      style.line_height = 1.45;
      about_layout = impact_builder_make_text (b, &style, footer->about, TRUE, about_w);
      impact_builder_check_glyphs (b, about_layout, "footer.about");
      impact_text_layout_get_size (about_layout, NULL, &about_h);
    }

  if (footer->disclaimer && *footer->disclaimer)
    {
      /* the pseudonym mark of the quote points here */
      if (quote && quote->pseudonym && !g_str_has_prefix (footer->disclaimer, marker))
        g_string_append (fine, marker);
      g_string_append (fine, footer->disclaimer);
    }
  if (footer->copyright && *footer->copyright)
    g_string_append_printf (fine, "%s%s", fine->len ? "  " : "", footer->copyright);
  if (fine->len)
    {
      style = impact_builder_body_style (b, 6.5);
      style.size = 6.5;
      style.line_height = 1.35;
      fine_layout = impact_builder_make_text (b, &style, fine->str, FALSE, b->content_width);
      impact_text_layout_get_size (fine_layout, NULL, &fine_h);
    }

  band_h = pad + MAX (contact_h + web_h, about_h) + (fine_h > 0 ? 13 + fine_h + 11 : pad);
  top = bottom - band_h;
  impact_builder_add_rect (b, 0, top, b->width, band_h, 0, primary, 1.0);
  if (b->design->footer_stripe)
    impact_builder_add_rect (b, 0, top, b->width, 5, 0, impact_theme_get_accent (b->theme), 1.0);

  y = top + pad;
  if (contact_layout)
    impact_builder_place_layout (b, contact_layout, x, y, &b->on_primary, 0.92, NULL);
  if (web_layout)
    impact_builder_place_layout (b, web_layout, x, y + contact_h + 6, &b->on_primary, 1.0, org->website);
  if (about_layout)
    {
      impact_builder_add_line (b, about_x - col_gap / 2, y, about_x - col_gap / 2, y + MAX (contact_h + web_h, about_h),
                0.75, &b->on_primary, 0.35);
      impact_builder_place_layout (b, about_layout, about_x, y, &b->on_primary, 0.92, NULL);
    }
  impact_builder_add_box (b, IMPACT_SECTION_CONTACT, -1, x, y, contact_w, contact_h + web_h);
  if (fine_layout)
    {
      double fy = y + MAX (contact_h + web_h, about_h) + 13;

      impact_builder_add_line (b, x, fy - 7, x + b->content_width, fy - 7, 0.5, &b->on_primary, 0.3);
      impact_builder_place_layout (b, fine_layout, x, fy, &b->on_primary, 0.75, NULL);
    }
  impact_builder_add_box (b, IMPACT_SECTION_FOOTER, -1, 0, top, b->width, band_h);
  return top;
}

/* JSON: the section's members, read (validated, reported with their path,
 * line and column) and written (keeping the text of what did not change);
 * moved here from impact-json-loader.c and impact-json-writer.c. The
 * helpers' short names below come from the loader's and the writer's
 * private headers. */

#include "impact-json-loader-private.h"
#include "impact-json-writer-private.h"

static const char * const footer_keys[] = { "about", "disclaimer", "copyright", NULL };

static void
load_footer (ObjectCtx      *root,
             ImpactDocument *doc)
{
  ImpactFooter *footer = impact_document_get_footer (doc);
  g_autofree char *path = NULL;
  ObjectCtx o;

  if (!ctx_object (root, "footer", FALSE, &o, &path))
    return;
  footer->about = ctx_dup_string (&o, "about", STRING_RICH);
  footer->disclaimer = ctx_dup_string (&o, "disclaimer", 0);
  footer->copyright = ctx_dup_string (&o, "copyright", 0);
  ctx_check_members (&o, footer_keys);
}

void
impact_section_footer_read (ObjectCtx      *root,
                            ImpactDocument *doc)
{
  load_footer (root, doc);
}

void
impact_section_footer_write (JsonObject     *root,
                             ImpactDocument *doc)
{
  ImpactFooter *footer;
  JsonObject *o;

  footer = impact_document_get_footer (doc);
  o = section_object (root, "footer");
  put_string (o, "about", footer->about);
  put_string (o, "disclaimer", footer->disclaimer);
  put_string (o, "copyright", footer->copyright);
  put_object (root, "footer", o);
}
