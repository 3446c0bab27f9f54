/* impact-json-loader-private.h: what a section's JSON reading is written with
 *
 * The loader (impact-json-loader.c) reads the document's root members and
 * the brand (organisation, theme); every section reads its own members in
 * its file under sections/ with these helpers, which validate as they
 * read and report with the JSON path and the line and column. Private to
 * core: the loader and the section files include it, nothing else. The
 * helpers keep their short names inside core; their symbols are prefixed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "impact-document.h"
#include "impact-error.h"

G_BEGIN_DECLS

/* Values with a larger magnitude are refused in statistics */
#define MAX_STATISTIC_VALUE 1e15
#define MAX_DECIMALS 6

#define path_member        impact_json_path_member
#define path_element       impact_json_path_element
#define node_int_overflow  impact_json_node_int_overflow
#define node_report        impact_json_node_report
#define describe_node      impact_json_describe_node
#define report_type        impact_json_report_type
#define node_is_string     impact_json_node_is_string
#define node_is_number     impact_json_node_is_number
#define is_blank           impact_json_is_blank
#define ctx_member         impact_json_ctx_member
#define ctx_string         impact_json_ctx_string
#define ctx_dup_string     impact_json_ctx_dup_string
#define ctx_boolean        impact_json_ctx_boolean
#define node_integer       impact_json_node_integer
#define report_expected    impact_json_report_expected
#define ctx_url            impact_json_ctx_url
#define ctx_icon           impact_json_ctx_icon
#define ctx_image          impact_json_ctx_image
#define ctx_date           impact_json_ctx_date
#define ctx_check_members  impact_json_ctx_check_members
#define ctx_object         impact_json_ctx_object
#define ctx_array          impact_json_ctx_array
#define element_object     impact_json_element_object
#define load_source        impact_json_load_source
#define load_array         impact_json_load_array

/* One load: what was found so far, the scanned text, the brand */
typedef struct _Loader Loader;

/* An object being validated */
typedef struct _ImpactJsonObjectCtx
{
  Loader     *loader;
  JsonNode   *node;
  JsonObject *object;
  const char *path;        /* "" for the root */
} ObjectCtx;

typedef enum
{
  STRING_REQUIRED = 1 << 0,
  STRING_RICH     = 1 << 1,
} StringFlags;

typedef void (*LoadItemFunc) (ObjectCtx      *o,
                              ImpactDocument *doc);

char *
path_member (const char *parent,
             const char *name);

char *
path_element (const char *parent,
              guint       index);

gboolean
node_int_overflow (Loader   *self,
                   JsonNode *node);

void
node_report (Loader         *self,
             ImpactSeverity  severity,
             ImpactError     code,
             JsonNode       *node,
             const char     *path,
             const char     *format,
             ...) G_GNUC_PRINTF (6, 7);

const char *
describe_node (JsonNode *node);

void
report_type (Loader     *self,
             JsonNode   *node,
             const char *path,
             const char *expected);

gboolean
node_is_string (JsonNode *node);

gboolean
node_is_number (JsonNode *node);

gboolean
is_blank (const char *text);

JsonNode *
ctx_member (ObjectCtx  *o,
            const char *name,
            gboolean    required);

const char *
ctx_string (ObjectCtx   *o,
            const char  *name,
            StringFlags  flags);

char *
ctx_dup_string (ObjectCtx   *o,
                const char  *name,
                StringFlags  flags);

gboolean
ctx_boolean (ObjectCtx  *o,
             const char *name,
             gboolean   *out);

gboolean
node_integer (Loader     *self,
              JsonNode   *node,
              const char *path,
              const char *expected,
              gint64     *out);

void
report_expected (ObjectCtx  *o,
                 const char *name,
                 const char *value,
                 const char *expected);

char *
ctx_url (ObjectCtx  *o,
         const char *name);

char *
ctx_icon (ObjectCtx  *o,
          const char *name);

char *
ctx_image (ObjectCtx  *o,
           const char *name);

gboolean
ctx_date (ObjectCtx  *o,
          const char *name,
          gboolean    required,
          ImpactDate *out);

void
ctx_check_members (ObjectCtx          *o,
                   const char * const *known);

gboolean
ctx_object (ObjectCtx  *o,
            const char *name,
            gboolean    required,
            ObjectCtx  *child,
            char      **child_path);

JsonArray *
ctx_array (ObjectCtx   *o,
           const char  *name,
           char       **array_path);

gboolean
element_object (Loader     *self,
                JsonArray  *array,
                guint       index,
                const char *array_path,
                ObjectCtx  *child,
                char      **child_path);

ImpactSource *
load_source (ObjectCtx  *o,
             const char *name);

void
load_array (ObjectCtx      *root,
            const char     *name,
            LoadItemFunc    load_item,
            ImpactDocument *doc);

G_END_DECLS
