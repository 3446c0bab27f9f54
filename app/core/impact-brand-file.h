/* impact-brand-file.h: a brand file opened for editing
 *
 * A brand file ("brand": "../brand.json" in each office's sheet) holds an
 * object with "organisation" and/or "theme" and nothing the sheet format
 * puts elsewhere: impact_brand_file_detect() tells one by that shape (the
 * format has no marker, and offices' loader accepts nothing else in a
 * brand file). Opening one checks every value as offices would use
 * it (strings, address lines, colours, template) and reports the first
 * bad one as FILE:LINE:COLUMN: JSON.PATH: message. Values are read and
 * changed by JSON path ("theme.accent"); saving writes the file
 * atomically and, as for documents, keeps its layout: only the changed
 * values are written anew (a member added or removed writes the whole
 * file out again, pretty-printed); members the app does not know are kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "impact-document.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_BRAND_FILE (impact_brand_file_get_type ())
G_DECLARE_FINAL_TYPE (ImpactBrandFile, impact_brand_file, IMPACT, BRAND_FILE, GObject)

/* Whether @root (a parsed file) is a brand file: an object with
 * "organisation" or "theme" and only those (besides "$schema" and "x-…"
 * members); a sheet always has more ("format", "title", …) */
gboolean         impact_brand_file_detect        (JsonNode         *root);
/* Reads @file (small and local) and says whether it is a brand file; FALSE
 * for anything unreadable */
gboolean         impact_brand_file_detect_file   (GFile            *file);

/* Fails with IMPACT_ERROR_PARSE (syntax) or IMPACT_ERROR_INVALID_VALUE */
ImpactBrandFile *impact_brand_file_load          (GFile            *file,
                                                  GError          **error);
GFile           *impact_brand_file_get_file      (ImpactBrandFile  *self);

/* The JSON paths the file may set, in the order of the format:
 * "organisation.name" … "theme.body_font" (NULL-terminated, static) */
const char * const *impact_brand_file_list_paths (void);
/* The value at @path as written (the address as lines joined by "\n"),
 * or NULL when the file leaves it out */
char            *impact_brand_file_dup_value     (ImpactBrandFile  *self,
                                                  const char       *path);
/* Checks @value for @path (NULL or "" removes the member); returns FALSE
 * with IMPACT_ERROR_INVALID_VALUE naming the path when it is not valid
 * (a colour that does not parse, an unknown template) and changes nothing */
gboolean         impact_brand_file_set_value     (ImpactBrandFile  *self,
                                                  const char       *path,
                                                  const char       *value,
                                                  GError          **error);
gboolean         impact_brand_file_is_modified   (ImpactBrandFile  *self);

/* The organisation and theme as an office inherits them (a relative logo
 * made absolute against the brand's folder): a new document */
ImpactDocument  *impact_brand_file_dup_values    (ImpactBrandFile  *self);

/* Writes the file atomically (with FILE.bak when @backup); fails with
 * IMPACT_ERROR_WRITE naming the file */
gboolean         impact_brand_file_save          (ImpactBrandFile  *self,
                                                  gboolean          backup,
                                                  GError          **error);

/* The office files that use this brand: *.json in its folder and the
 * folders just below it whose "brand" names this file; sorted by path */
GPtrArray       *impact_brand_file_find_offices  (ImpactBrandFile  *self);

G_END_DECLS
