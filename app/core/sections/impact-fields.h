/* impact-fields.h: the fields the editor shows, as data (no GTK)
 *
 * Each section file lists the fields of its groups in one array of
 * ImpactFieldInfo, a line each: the JSON member, a translatable label, the
 * kind of control, where the value lives (an offset into the section's
 * struct, or a document getter and setter) and a hint. The section table
 * (impact-sections.h, member `fields`) points at a section's groups; the
 * editor pane builds its rows from them, and the tests check every key
 * against the loader.
 *
 * Keys: a group's own field is "GROUP.KEY" ("problem.kicker"), a
 * document-level field is its KEY alone ("office"), a field of list item
 * N is "GROUP.N.KEY" ("milestones.2.date"). KEY is the JSON member path
 * below its object, with dots ("source.title", "derive.metric").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "impact-document.h"

G_BEGIN_DECLS

/* The control */
typedef enum
{
  IMPACT_FIELD_LINE,
  IMPACT_FIELD_PARAGRAPH,
  IMPACT_FIELD_NUMBER,
  IMPACT_FIELD_DATE,
  IMPACT_FIELD_CHOICE,
  IMPACT_FIELD_COLOUR,
  IMPACT_FIELD_IMAGE,
  IMPACT_FIELD_URL,
  IMPACT_FIELD_EMAIL,
  IMPACT_FIELD_PHONE,
  IMPACT_FIELD_SWITCH,
  IMPACT_FIELD_FONT,          /* a font family (IMPACT_VALUE_STRING) */
  IMPACT_FIELD_ICON,          /* a built-in icon: .choices and .choice_labels
                               * are impact_field_icon_choices and _labels */
} ImpactFieldKind;

/* How the value is stored (the default, 0, is a string member) */
typedef enum
{
  IMPACT_VALUE_STRING,        /* char * (empty -> NULL unless required) */
  IMPACT_VALUE_DOCUMENT,      /* through get/set on the document */
  IMPACT_VALUE_LINES,         /* char **, NULL-terminated: one line each */
  IMPACT_VALUE_DOUBLE,        /* double */
  IMPACT_VALUE_UINT,          /* guint */
  IMPACT_VALUE_INT64,         /* gint64 */
  IMPACT_VALUE_BOOLEAN,       /* gboolean */
  IMPACT_VALUE_DATE,          /* ImpactDate */
  IMPACT_VALUE_METRICS,       /* GArray * of ImpactMetric ("rescued: 2") */
  IMPACT_VALUE_SOURCE_TITLE,  /* ImpactSource * (made or dropped as needed) */
  IMPACT_VALUE_SOURCE_URL,    /* ImpactSource * */
  IMPACT_VALUE_DERIVE_METRIC, /* ImpactStatistic * itself: its derive_metric */
} ImpactValueType;

typedef enum
{
  IMPACT_FIELD_REQUIRED = 1 << 0,  /* never NULL; an empty value is flagged */
  IMPACT_FIELD_RICH     = 1 << 1,  /* **bold** and *italic* (impact-emphasis.h) */
  IMPACT_FIELD_OPTIONAL = 1 << 2,  /* a date that may be left empty */
} ImpactFieldFlags;

typedef const char *(*ImpactFieldGetter) (ImpactDocument *doc);
typedef void        (*ImpactFieldSetter) (ImpactDocument *doc, const char *value);

typedef struct
{
  const char         *key;        /* JSON member path below the object */
  const char         *label;      /* translatable, N_() */
  ImpactFieldKind     kind;
  ImpactValueType     value;
  gssize              offset;     /* of the member in the group's struct */
  ImpactFieldFlags    flags;
  const char         *hint;       /* translatable tooltip or subtitle, or NULL */
  /* IMPACT_FIELD_NUMBER */
  double              min, max;
  guint               digits;
  /* IMPACT_FIELD_CHOICE, IMPACT_FIELD_ICON: NULL-terminated ids ("" = left
   * out) and labels (N_()) */
  const char * const *choices;
  const char * const *choice_labels;
  /* IMPACT_FIELD_COLOUR: shown when the data has none */
  const char         *fallback;
  /* IMPACT_VALUE_DOCUMENT */
  ImpactFieldGetter   get;
  ImpactFieldSetter   set;
} ImpactFieldInfo;

/* A member of a struct, for the field tables */
#define IMPACT_FIELD_AT(Type, member) .offset = G_STRUCT_OFFSET (Type, member)

typedef gpointer (*ImpactFieldRecordFunc) (ImpactDocument *doc);
typedef void     (*ImpactFieldGroupFunc)  (ImpactDocument *doc);

/* One group of the editor: an object ("problem"), the document's own
 * members ("Sheet") or a list ("statistics") with its items' fields */
typedef struct
{
  const char             *key;           /* JSON member of the object or list */
  const char             *title;         /* translatable, N_() */
  const char             *description;   /* translatable, or NULL */
  /* fields of the object (or of the document: IMPACT_VALUE_DOCUMENT),
   * terminated by a NULL key; NULL for none */
  const ImpactFieldInfo  *fields;
  /* the object the fields' offsets are in; NULL when it is the list's items
   * or only document-level fields; may return NULL (an optional section
   * that is absent) */
  ImpactFieldRecordFunc   record;
  /* an optional section (quote, profile): how it is added and dropped */
  ImpactFieldGroupFunc    add;
  ImpactFieldGroupFunc    drop;
  /* a list: its items' fields (terminated by a NULL key), or NULL */
  const ImpactFieldInfo  *item_fields;
  ImpactList              list;
  const char             *add_name;      /* translatable: "Add Statistic" */
  const char             *items_name;    /* translatable, plural: "statistics" */
} ImpactFieldGroup;

/* The built-in icons as a choice ("" = none first) */
extern const char * const impact_field_icon_choices[];
extern const char * const impact_field_icon_labels[];

/* Where @info's value lives in @record */
static inline gpointer
impact_field_member (const ImpactFieldInfo *info,
                     gpointer               record)
{
  return record ? G_STRUCT_MEMBER_P (record, info->offset) : NULL;
}

/* The editor key of @info in @group: item @index (-1: not an item) */
char    *impact_field_key        (const ImpactFieldGroup *group,
                                  const ImpactFieldInfo  *info,
                                  int                     index);
guint    impact_field_count      (const ImpactFieldInfo  *fields);

G_END_DECLS
