/* impact-brand.c: one brand (organisation and theme) for many offices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-brand"

#include "config.h"

#include <string.h>

#include "impact-brand.h"

typedef enum
{
  SECTION_ORGANISATION,
  SECTION_THEME,
} Section;

/* The string members of the two sections, by offset in their struct;
 * organisation.address (a list) is handled on its own */
static const struct
{
  Section     section;
  const char *member;
  gsize       offset;
} members[] = {
  { SECTION_ORGANISATION, "name", G_STRUCT_OFFSET (ImpactOrganisation, name) },
  { SECTION_ORGANISATION, "short_name", G_STRUCT_OFFSET (ImpactOrganisation, short_name) },
  { SECTION_ORGANISATION, "website", G_STRUCT_OFFSET (ImpactOrganisation, website) },
  { SECTION_ORGANISATION, "address", 0 },
  { SECTION_ORGANISATION, "phone", G_STRUCT_OFFSET (ImpactOrganisation, phone) },
  { SECTION_ORGANISATION, "fax", G_STRUCT_OFFSET (ImpactOrganisation, fax) },
  { SECTION_ORGANISATION, "email", G_STRUCT_OFFSET (ImpactOrganisation, email) },
  { SECTION_ORGANISATION, "logo", G_STRUCT_OFFSET (ImpactOrganisation, logo) },
  { SECTION_ORGANISATION, "logo_alt", G_STRUCT_OFFSET (ImpactOrganisation, logo_alt) },
  { SECTION_THEME, "template", G_STRUCT_OFFSET (ImpactThemeSpec, template_name) },
  { SECTION_THEME, "primary", G_STRUCT_OFFSET (ImpactThemeSpec, primary) },
  { SECTION_THEME, "accent", G_STRUCT_OFFSET (ImpactThemeSpec, accent) },
  { SECTION_THEME, "text", G_STRUCT_OFFSET (ImpactThemeSpec, text) },
  { SECTION_THEME, "background", G_STRUCT_OFFSET (ImpactThemeSpec, background) },
  { SECTION_THEME, "heading_font", G_STRUCT_OFFSET (ImpactThemeSpec, heading_font) },
  { SECTION_THEME, "body_font", G_STRUCT_OFFSET (ImpactThemeSpec, body_font) },
};

static const char *
section_name (Section section)
{
  return section == SECTION_ORGANISATION ? "organisation" : "theme";
}

static gpointer
section_struct (ImpactDocument *doc,
                Section         section)
{
  if (section == SECTION_ORGANISATION)
    return impact_document_get_organisation (doc);
  return impact_document_get_theme_spec (doc);
}

/* Whether the office's own file writes @section.@member */
static gboolean
written_by_office (ImpactDocument *doc,
                   const char     *section,
                   const char     *member)
{
  JsonNode *root = impact_document_get_source_root (doc);
  JsonNode *node;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  node = json_object_get_member (json_node_get_object (root), section);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  return json_object_has_member (json_node_get_object (node), member);
}

static gboolean
member_inherited (ImpactDocument *doc,
                  ImpactDocument *brand,
                  gsize           i)
{
  gpointer own = section_struct (doc, members[i].section);
  gpointer shared = section_struct (brand, members[i].section);

  if (written_by_office (doc, section_name (members[i].section), members[i].member))
    return FALSE;
  if (members[i].section == SECTION_ORGANISATION && strcmp (members[i].member, "address") == 0)
    {
      char **a = ((ImpactOrganisation *) own)->address;
      char **b = ((ImpactOrganisation *) shared)->address;

      return b != NULL && b[0] != NULL && a != NULL && g_strv_equal ((const char * const *) a,
                                                                     (const char * const *) b);
    }
  {
    const char *a = G_STRUCT_MEMBER (const char *, own, members[i].offset);
    const char *b = G_STRUCT_MEMBER (const char *, shared, members[i].offset);

    return b != NULL && g_strcmp0 (a, b) == 0;
  }
}

gboolean
impact_brand_is_inherited (ImpactDocument *doc,
                           const char     *section,
                           const char     *member)
{
  ImpactDocument *brand;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (section != NULL && member != NULL, FALSE);

  brand = impact_document_get_brand_values (doc);
  if (brand == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (members); i++)
    if (strcmp (section_name (members[i].section), section) == 0 &&
        strcmp (members[i].member, member) == 0)
      return member_inherited (doc, brand, i);
  return FALSE;
}

GPtrArray *
impact_brand_list_inherited (ImpactDocument *doc)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  ImpactDocument *brand;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (doc), paths);

  brand = impact_document_get_brand_values (doc);
  if (brand == NULL)
    return paths;
  for (gsize i = 0; i < G_N_ELEMENTS (members); i++)
    if (member_inherited (doc, brand, i))
      g_ptr_array_add (paths, g_strconcat (section_name (members[i].section), ".",
                                           members[i].member, NULL));
  return paths;
}
