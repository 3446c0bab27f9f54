/* impact-editor-pane-private.h: what the files of the editor pane share
 *
 * The pane (impact-editor-pane.c) builds one group per entry of the
 * section table's field lists (impact-fields.h). A field row
 * (impact-field-row.c) binds one editing widget to where its value lives;
 * a list group (impact-list-group.c) holds a list's items as expander
 * rows; the image row, the date row, the rich-text row and the statistic
 * row add what their values need.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "impact-editor-pane.h"
#include "sections/impact-fields.h"
#include "sections/impact-sections.h"

G_BEGIN_DECLS

struct _ImpactEditorPane
{
  GtkWidget       parent_instance;

  /* Owned References */
  ImpactDocument *document;
  GHashTable     *fields;     /* key -> GtkWidget (borrowed: the rows own them) */
  GHashTable     *messages;   /* key -> char *: the field's own check */
  GHashTable     *errors;     /* keys whose own message is an error */
  GHashTable     *notes;      /* key -> char *: from the diagnostics */
  GHashTable     *item_rows;  /* "list.index" -> GtkWidget */

  /* Template Widgets (built in code) */
  GtkWidget      *frame;      /* the bar of a section's page, the pages */
  GtkWidget      *content;    /* a GtkStack: the overview, a page per section */
  GtkWidget      *scroller;   /* the page shown (each page scrolls) */

  /* The pages (impact-editor-pages.c) */
  GtkWidget      *bar;
  GtkWidget      *back_button;
  GtkWidget      *page_title;
  GtkWidget      *overview;
  GHashTable     *pages;         /* section key -> page (borrowed) */
  GHashTable     *overview_rows; /* section key -> AdwActionRow (borrowed) */
  char           *page;          /* the section shown, NULL: the overview */
  guint           reveal_idle;   /* the focus went into a page not shown */

  guint           building : 1;
  guint           rebuild_idle;

  /* Where the keyboard focus goes after the next rebuild, when a list
   * changed under it: the item (at its new place) and the control in it */
  gboolean        focus_pending;
  ImpactList      focus_list;
  guint           focus_index;
  char           *focus_name;   /* a tool button's name, or NULL: the row */
  gboolean        focus_expand;
};

/* For the focus after a rebuild: the item's first text field */
#define IMPACT_EDITOR_FIRST_FIELD "(first field)"

/* The pane (impact-editor-pane.c) */
void         impact_editor_pane_begin_edit        (ImpactEditorPane *self,
                                                   const char       *key);
void         impact_editor_pane_emit_edited       (ImpactEditorPane *self,
                                                   const char       *key);
/* an item was added, moved or removed: ::edited (NULL) and a rebuild */
void         impact_editor_pane_structure_changed (ImpactEditorPane *self);
/* the list and item a field key names; FALSE for other keys */
gboolean     impact_editor_parse_item_key         (const char       *key,
                                                   ImpactList       *list,
                                                   guint            *index);
/* Hook: a subtitle for the row of @key ("organisation.name"), or NULL */
const char  *impact_editor_pane_row_subtitle      (ImpactEditorPane *self,
                                                   const char       *key);

/* Pages (impact-editor-pages.c): the overview and a page per section */
void         impact_editor_pages_class_init (GtkWidgetClass         *widget_class);
void         impact_editor_pages_init       (ImpactEditorPane       *self,
                                             GtkWidget              *frame);
/* a new stack with the overview (becomes self->content) */
GtkWidget   *impact_editor_pages_begin      (ImpactEditorPane       *self);
/* the page of a section, made the first time; @group is added to what
 * its summary counts (NULL: none) */
GtkWidget   *impact_editor_pages_get        (ImpactEditorPane       *self,
                                             const char             *key,
                                             const char             *title,
                                             const ImpactFieldGroup *group);
void         impact_editor_pages_end        (ImpactEditorPane       *self);
/* the overview's summaries say what the sections hold now */
void         impact_editor_pages_refresh    (ImpactEditorPane       *self);
/* shows the page that holds @widget */
void         impact_editor_pages_reveal     (ImpactEditorPane       *self,
                                             GtkWidget              *widget);

/* Categories (impact-category-button.c): a button listing the
 * categories the document already uses, for the entry row @row */
void         impact_category_button_add     (ImpactEditorPane       *self,
                                             GtkWidget              *row,
                                             const char             *key);

/* Field rows (impact-field-row.c) */
typedef struct _ImpactEditorField ImpactEditorField;

struct _ImpactEditorField
{
  ImpactEditorPane      *pane;
  const ImpactFieldInfo *info;
  char                  *key;
  gpointer               record;   /* the struct it is in (NULL: the document) */
  gpointer               target;   /* the member in @record */
  GtkWidget             *row;      /* where messages are shown */
};

/* Adds the row that edits @info of @record to @parent (a preferences
 * group or an expander row); returns the row */
GtkWidget          *impact_field_row_add        (ImpactEditorPane      *self,
                                                 GtkWidget             *parent,
                                                 const ImpactFieldInfo *info,
                                                 const char            *key,
                                                 gpointer               record);
/* the same for every field of @fields */
void                impact_field_row_add_all    (ImpactEditorPane      *self,
                                                 GtkWidget             *parent,
                                                 const ImpactFieldGroup *group,
                                                 const ImpactFieldInfo *fields,
                                                 int                    index,
                                                 gpointer               record);
/* an entry row for @field (a line, or what a date row adds to) */
GtkWidget          *impact_field_row_entry_new  (ImpactEditorPane      *self,
                                                 ImpactEditorField     *field);
/* the tooltip a row shows when it has no message */
void                impact_field_row_set_hint   (GtkWidget             *row,
                                                 const char            *hint);
GtkWidget          *impact_field_row_append     (GtkWidget             *parent,
                                                 GtkWidget             *row);
ImpactEditorField  *impact_field_row_new_field  (ImpactEditorPane      *self,
                                                 const ImpactFieldInfo *info,
                                                 const char            *key,
                                                 gpointer               record);
void                impact_field_row_register   (ImpactEditorPane      *self,
                                                 ImpactEditorField     *field,
                                                 GtkWidget             *widget,
                                                 GtkWidget             *row);
ImpactEditorField  *impact_field_row_lookup     (ImpactEditorPane      *self,
                                                 const char            *key);
/* a text typed into @field: applied, checked, ::edited */
void                impact_field_row_text_changed (ImpactEditorField   *field,
                                                   const char          *text);
void                impact_field_row_set_message (ImpactEditorPane     *self,
                                                  ImpactEditorField    *field,
                                                  const char           *message,
                                                  gboolean              is_error);
void                impact_field_row_update_message (ImpactEditorPane  *self,
                                                     ImpactEditorField *field);
double              impact_field_row_digits_step (guint digits);

/* Rich text (impact-rich-text.c): a multi-line field, with Bold and
 * Italic for rich texts */
GtkWidget          *impact_rich_text_row_new    (ImpactEditorPane      *self,
                                                 ImpactEditorField     *field,
                                                 const char            *value);
gboolean            impact_rich_text_balanced   (const char            *text);
/* Wraps the selection of @buffer in @marker ("**", "*"), or unwraps it */
void                impact_rich_text_toggle     (GtkTextBuffer         *buffer,
                                                 const char            *marker);

/* Dates (impact-date-row.c): an entry with a calendar popover */
GtkWidget          *impact_date_row_new         (ImpactEditorPane      *self,
                                                 ImpactEditorField     *field);
/* "2019", "2019-03" or "2019-03-05" for that day at @precision */
char               *impact_date_row_text        (int                    year,
                                                 int                    month,
                                                 int                    day,
                                                 ImpactDatePrecision    precision);

/* Fonts (impact-font-row.c): the family, in its face, and a popover of
 * the installed families with a search entry */
GtkWidget          *impact_font_row_new         (ImpactEditorPane      *self,
                                                 ImpactEditorField     *field);

/* Icons (impact-icon-row.c): the icon drawn as the sheet draws it, and
 * a grid of the built-in icons, those the document uses first */
GtkWidget          *impact_icon_row_new         (ImpactEditorPane      *self,
                                                 ImpactEditorField     *field);

/* Images (impact-image-row.c) */
GtkWidget          *impact_image_row_new        (ImpactEditorPane      *self,
                                                 const ImpactFieldInfo *info,
                                                 const char            *key,
                                                 char                 **target);

/* Lists (impact-list-group.c) */
GtkWidget          *impact_list_group_new       (ImpactEditorPane      *self,
                                                 const ImpactFieldGroup *group);
/* makes the rows inside an item row, once */
void                impact_list_group_fill_item (ImpactEditorPane      *self,
                                                 GtkWidget             *row);
void                impact_list_group_refresh_summary (ImpactEditorPane *self,
                                                       ImpactList        list,
                                                       guint             index);
void                impact_list_group_focus_followed (ImpactEditorPane *self);

/* Statistics (impact-statistic-row.c) */
/* the rows of a statistic's derived count, for item @index */
GtkWidget          *impact_statistic_row_derive (ImpactEditorPane      *self,
                                                 GtkWidget             *parent,
                                                 const ImpactFieldInfo *info,
                                                 const char            *key,
                                                 ImpactStatistic       *stat);
/* the value's message and state (derived or typed) */
void                impact_statistic_row_update (ImpactEditorPane      *self,
                                                 guint                  index);
/* the value shows @decimals digits */
void                impact_statistic_row_set_digits (ImpactEditorPane  *self,
                                                     const char        *decimals_key,
                                                     guint              decimals);

G_END_DECLS
