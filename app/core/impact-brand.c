/* impact-brand.c: one brand (organisation and theme) for many offices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-brand"

#include "config.h"

#include <string.h>

#include "impact-brand.h"
#include "impact-brand-private.h"

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

/* The paths impact_brand_reset() gave back to the brand, on the document:
 * the office's file may still write them until it is saved */
#define RESET_KEY "impact-brand-reset"

static gboolean
was_reset (ImpactDocument *doc,
           const char     *section,
           const char     *member)
{
  GHashTable *reset = g_object_get_data (G_OBJECT (doc), RESET_KEY);
  g_autofree char *path = NULL;

  if (reset == NULL)
    return FALSE;
  path = g_strconcat (section, ".", member, NULL);
  return g_hash_table_contains (reset, path);
}

/* Whether the office's own file writes @section.@member */
static gboolean
written_by_office (ImpactDocument *doc,
                   const char     *section,
                   const char     *member)
{
  JsonNode *root = impact_document_get_source_root (doc);
  JsonNode *node;

  if (was_reset (doc, section, member))
    return FALSE;
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

/* Paths and slots */

static gssize
find_member (const char *path)
{
  const char *dot;

  if (path == NULL || (dot = strchr (path, '.')) == NULL)
    return -1;
  for (gsize i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *section = section_name (members[i].section);

      if (strlen (section) == (gsize) (dot - path) && strncmp (path, section, dot - path) == 0 &&
          strcmp (dot + 1, members[i].member) == 0)
        return i;
    }
  return -1;
}

static gboolean
is_address (gsize i)
{
  return members[i].section == SECTION_ORGANISATION && strcmp (members[i].member, "address") == 0;
}

const char * const *
impact_brand_paths (void)
{
  static const char *paths[G_N_ELEMENTS (members) + 1];
  static gsize made = 0;

  if (g_once_init_enter (&made))
    {
      for (gsize i = 0; i < G_N_ELEMENTS (members); i++)
        {
          g_autofree char *path = g_strconcat (section_name (members[i].section), ".",
                                               members[i].member, NULL);

          paths[i] = g_intern_string (path);
        }
      g_once_init_leave (&made, 1);
    }
  return paths;
}

char **
impact_brand_slot (ImpactDocument *doc,
                   const char     *path)
{
  gssize i = find_member (path);

  if (i < 0 || is_address (i))
    return NULL;
  return &G_STRUCT_MEMBER (char *, section_struct (doc, members[i].section), members[i].offset);
}

static void
copy_member (ImpactDocument *to,
             ImpactDocument *from,
             gsize           i)
{
  if (is_address (i))
    {
      ImpactOrganisation *a = impact_document_get_organisation (to);
      char **b = impact_document_get_organisation (from)->address;

      g_strfreev (a->address);
      a->address = b != NULL ? g_strdupv (b) : g_new0 (char *, 1);
    }
  else
    {
      char **a = &G_STRUCT_MEMBER (char *, section_struct (to, members[i].section), members[i].offset);
      const char *b = G_STRUCT_MEMBER (const char *, section_struct (from, members[i].section),
                                       members[i].offset);

      g_free (*a);
      *a = g_strdup (b);
    }
}

static gboolean
has_value (ImpactDocument *doc,
           gsize           i)
{
  if (is_address (i))
    {
      char **lines = impact_document_get_organisation (doc)->address;

      return lines != NULL && lines[0] != NULL;
    }
  return G_STRUCT_MEMBER (const char *, section_struct (doc, members[i].section),
                          members[i].offset) != NULL;
}

/* The index of @path when @doc's brand gives it a value (*@out_brand
 * then the brand), else -1 */
static gssize
brand_member (ImpactDocument  *doc,
              const char      *path,
              ImpactDocument **out_brand)
{
  ImpactDocument *brand = impact_document_get_brand_values (doc);
  gssize i = find_member (path);

  if (brand == NULL || i < 0 || !has_value (brand, i))
    return -1;
  *out_brand = brand;
  return i;
}

char *
impact_brand_dup_value (ImpactDocument *doc,
                        const char     *path)
{
  ImpactDocument *brand = NULL;
  gssize i;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (doc), NULL);

  i = brand_member (doc, path, &brand);
  if (i < 0)
    return NULL;
  if (is_address (i))
    return g_strjoinv ("\n", impact_document_get_organisation (brand)->address);
  return g_strdup (*impact_brand_slot (brand, path));
}

gboolean
impact_brand_reset (ImpactDocument *doc,
                    const char     *path)
{
  ImpactDocument *brand = NULL;
  GHashTable *reset;
  gssize i;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (doc), FALSE);

  i = brand_member (doc, path, &brand);
  if (i < 0)
    return FALSE;
  reset = g_object_get_data (G_OBJECT (doc), RESET_KEY);
  if (reset == NULL)
    {
      reset = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (doc), RESET_KEY, reset,
                              (GDestroyNotify) g_hash_table_unref);
    }
  g_hash_table_add (reset, g_strdup (path));
  copy_member (doc, brand, i);
  return TRUE;
}

void
impact_brand_apply (ImpactDocument *doc,
                    const char     *path,
                    ImpactDocument *values,
                    gboolean        everything)
{
  ImpactDocument *old;
  gboolean inherited[G_N_ELEMENTS (members)];
  g_autofree char *keep_path = NULL;

  g_return_if_fail (IMPACT_IS_DOCUMENT (doc));
  g_return_if_fail (IMPACT_IS_DOCUMENT (values));

  /* decided before anything changes: inherited means equal to the old brand */
  old = impact_document_get_brand_values (doc);
  for (gsize i = 0; i < G_N_ELEMENTS (members); i++)
    inherited[i] = everything ? has_value (values, i)
                              : old == NULL ? !written_by_office (doc, section_name (members[i].section),
                                                                  members[i].member)
                                            : member_inherited (doc, old, i) ||
                                              (!has_value (old, i) &&
                                               !written_by_office (doc, section_name (members[i].section),
                                                                   members[i].member));
  for (gsize i = 0; i < G_N_ELEMENTS (members); i++)
    if (inherited[i])
      copy_member (doc, values, i);
  if (everything)
    return;
  keep_path = g_strdup (path != NULL ? path : impact_document_get_brand (doc));
  impact_document_set_brand (doc, keep_path, values);
}
