/* impact-csv-import.h: milestones or statistics from a spreadsheet (CSV)
 *
 * Reads a CSV file as spreadsheets save it (comma, semicolon or tab
 * separated, sniffed from the header row; UTF-8 with or without a byte
 * order mark, or UTF-16 with one, as Excel writes "Unicode text"), parsed
 * with libcsv. The first row names the columns, matched in English or in
 * the sheet's language (es, fr, pt; all four when the sheet names none),
 * and TimelineJS's spreadsheet template (Year, Month, Day, Headline, Text,
 * Group, Type, …) is understood. For milestones, any other column whose
 * cells are mostly whole numbers is a metric ("rescued").
 *
 * Every bad cell is reported as "FILE.csv:ROW:COL: message" (ROW counts the
 * spreadsheet's rows, the header being row 1, blank rows included; COL
 * from 1) in one GError, and nothing is imported. Applying an import marks
 * each item with "imported_from": NAME and first takes out the items an
 * earlier import of a file of that NAME brought, so that importing a newer
 * spreadsheet replaces its rows and keeps every other item.
 *
 * GTK-free. SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "impact-document.h"

G_BEGIN_DECLS

/* Caps on what a CSV file may make the reader allocate */
#define IMPACT_CSV_MAX_FILE_SIZE (16 * 1024 * 1024)  /* bytes */
#define IMPACT_CSV_MAX_ROWS      20000
#define IMPACT_CSV_MAX_COLUMNS   256
#define IMPACT_CSV_MAX_CELL      (64 * 1024)         /* bytes in one cell */
#define IMPACT_CSV_MAX_ERRORS    50                  /* listed in the error */

typedef enum
{
  IMPACT_CSV_TARGET_AUTO,        /* guessed from the columns */
  IMPACT_CSV_TARGET_MILESTONES,
  IMPACT_CSV_TARGET_STATISTICS,
} ImpactCsvTarget;

typedef struct
{
  char *header;   /* as in the file, spaces trimmed */
  char *field;    /* "date", "title", "metrics.rescued", "year" …, or NULL: not used */
  char *note;     /* why it is not used, or NULL */
} ImpactCsvColumn;

typedef struct _ImpactCsvImport ImpactCsvImport;

/* @display_name names the file in messages and becomes the items'
 * "imported_from"; @language is the sheet's (or NULL). */
ImpactCsvImport *impact_csv_import_parse        (const char      *data,
                                                 gsize            length,
                                                 const char      *display_name,
                                                 ImpactCsvTarget  target,
                                                 const char      *language,
                                                 GError         **error);
/* Reads @file (at most IMPACT_CSV_MAX_FILE_SIZE bytes) and parses it, named
 * by its base name. */
ImpactCsvImport *impact_csv_import_read_file    (GFile           *file,
                                                 ImpactCsvTarget  target,
                                                 const char      *language,
                                                 GCancellable    *cancellable,
                                                 GError         **error);
void             impact_csv_import_free         (ImpactCsvImport *self);

ImpactCsvTarget  impact_csv_import_get_target   (ImpactCsvImport *self);
const char      *impact_csv_import_get_name     (ImpactCsvImport *self);
/* ',', ';' or '\t' */
char             impact_csv_import_get_separator (ImpactCsvImport *self);
/* "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE" */
const char      *impact_csv_import_get_encoding (ImpactCsvImport *self);
guint            impact_csv_import_get_n_columns (ImpactCsvImport *self);
const ImpactCsvColumn *impact_csv_import_get_column (ImpactCsvImport *self,
                                                     guint            index);
/* The items, in file order: ImpactMilestone or ImpactStatistic (owned by
 * the import), each marked with "imported_from" */
GPtrArray       *impact_csv_import_get_items    (ImpactCsvImport *self);
/* The spreadsheet row each item came from (1 = the header) */
guint            impact_csv_import_get_item_row (ImpactCsvImport *self,
                                                 guint            index);
/* The eras (ImpactEra, owned by the import): the rows of Type "era" of a
 * TimelineJS template, from Year/Month/Day (or Date) to End Year/End
 * Month/End Day (or End Date), titled by Headline, in the category of
 * Group; marked with "imported_from" as the items are. Empty for
 * statistics. */
GPtrArray       *impact_csv_import_get_eras     (ImpactCsvImport *self);
/* The spreadsheet row era @index came from */
guint            impact_csv_import_get_era_row  (ImpactCsvImport *self,
                                                 guint            index);
/* Rows left out on purpose ("row 2: the TimelineJS title slide …") */
GPtrArray       *impact_csv_import_get_notes    (ImpactCsvImport *self);

/* How many items (and eras) of @doc an earlier import of this file brought */
guint            impact_csv_import_count_previous (ImpactCsvImport *self,
                                                   ImpactDocument  *doc);
/* Takes out the items (and eras) an earlier import of this file brought
 * and puts copies of the new ones where the first of them was (or at the
 * end); emits the document's "changed" once. Returns the number taken out. */
guint            impact_csv_import_apply        (ImpactCsvImport *self,
                                                 ImpactDocument  *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactCsvImport, impact_csv_import_free)

G_END_DECLS
