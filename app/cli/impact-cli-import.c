/* impact-cli-import.c: `impact-sheet import csv FILE.csv --into SHEET.json`
 *
 * Reads the spreadsheet, prints which column went where, and writes the
 * sheet (atomically, through the JSON writer, which keeps the rest of the
 * file as it was) only when every row could be read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "impact-cli.h"
#include "impact-cli-import.h"
#include "impact-csv-import.h"
#include "impact-error.h"
#include "impact-json-writer.h"
#include "impact-open.h"
#include "impact-output.h"
#include "impact-printable.h"

static const char *
separator_name (char separator)
{
  switch (separator)
    {
    case ';':
      return _("semicolons");
    case '\t':
      return _("tabs");
    default:
      return _("commas");
    }
}

static void
print_mapping (ImpactCsvImport *import,
               const char      *name)
{
  g_print (_("%s: %s, columns separated by %s\n"), name,
           impact_csv_import_get_encoding (import),
           separator_name (impact_csv_import_get_separator (import)));
  for (guint i = 0; i < impact_csv_import_get_n_columns (import); i++)
    {
      const ImpactCsvColumn *column = impact_csv_import_get_column (import, i);
      g_autofree char *header = impact_text_printable (column->header, IMPACT_PRINTABLE_DEFAULT);

      if (column->field != NULL)
        /* Translators: column 1 “Fecha” → date */
        g_print (_("  column %u “%s” → %s\n"), i + 1, header, column->field);
      else
        g_print (_("  column %u “%s” not used: %s\n"), i + 1, header, column->note);
    }
  for (guint i = 0; i < impact_csv_import_get_notes (import)->len; i++)
    {
      g_autofree char *note = impact_text_printable (g_ptr_array_index (impact_csv_import_get_notes (import), i),
                                                     IMPACT_PRINTABLE_DEFAULT);

      g_print ("  %s\n", note);
    }
}

int
impact_cli_import_csv_main (int    argc,
                            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactDocument) doc = NULL;
  g_autoptr(ImpactCsvImport) import = NULL;
  g_autoptr(GFile) csv_file = NULL;
  g_autoptr(GFile) sheet_file = NULL;
  g_autofree char *into = NULL;
  g_autofree char *as = NULL;
  g_autofree char *name = NULL;
  gboolean dry_run = FALSE;
  gboolean quiet = FALSE;
  ImpactCsvTarget target = IMPACT_CSV_TARGET_AUTO;
  ImpactOpenKind kind = IMPACT_OPEN_IMPACT_SHEET;
  guint n_items, n_eras, n_previous;
  const char *what;
  const GOptionEntry entries[] = {
    { "into", 0, 0, G_OPTION_ARG_FILENAME, &into, N_("The sheet to import into (it is changed in place)"), N_("SHEET.json") },
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_("What the rows are: milestones or statistics (default: told from the columns)"), N_("KIND") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Show what would be imported; write nothing"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print nothing but errors"), NULL },
    { NULL }
  };

  context = impact_cli_option_context_new (_("csv FILE.csv — import milestones or statistics from a spreadsheet"), entries,
    _("The first row names the columns, in English or the sheet’s language:\n"
      "milestones take date (or year, month, day), title, description, category,\n"
      "highlight and number columns such as rescued; statistics take value, label,\n"
      "prefix, suffix, qualifier, scale, source and url. Importing a newer version\n"
      "of the same file replaces the rows it brought before.\n\n"
      "Exit status: 0 on success, 1 when a row or the sheet is bad (nothing is\n"
      "written), 2 for a usage error."));

  if (!impact_cli_parse_options (context, "import", &argc, &argv))
    return IMPACT_CLI_EXIT_USAGE;
  /* argv: impact-sheet import csv FILE.csv */
  if (argc != 4)
    {
      g_printerr (argc < 4 ? _("impact-sheet import csv: no spreadsheet given\n")
                           : _("impact-sheet import csv: more than one spreadsheet given\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }
  if (into == NULL)
    {
      g_printerr (_("impact-sheet import csv: name the sheet to import into with --into SHEET.json\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }
  if (as != NULL)
    {
      if (g_strcmp0 (as, "milestones") == 0)
        target = IMPACT_CSV_TARGET_MILESTONES;
      else if (g_strcmp0 (as, "statistics") == 0)
        target = IMPACT_CSV_TARGET_STATISTICS;
      else
        {
          g_printerr (_("impact-sheet import csv: --as “%s”: use milestones or statistics\n"), as);
          return IMPACT_CLI_EXIT_USAGE;
        }
    }

  sheet_file = g_file_new_for_commandline_arg (into);
  doc = impact_document_open_file (sheet_file, diagnostics, &kind, NULL, &error);
  if (doc == NULL)
    {
      impact_cli_print_lines (_("error"), error->message);
      return IMPACT_CLI_EXIT_BAD_INPUT;
    }
  if (kind != IMPACT_OPEN_IMPACT_SHEET)
    {
      g_printerr (_("impact-sheet import csv: %s is a TimelineJS file: convert it first with "
                    "impact-sheet import timelinejs\n"), into);
      return IMPACT_CLI_EXIT_BAD_INPUT;
    }

  csv_file = g_file_new_for_commandline_arg (argv[3]);
  import = impact_csv_import_read_file (csv_file, target, impact_document_get_language (doc), NULL, &error);
  if (import == NULL)
    {
      impact_cli_print_lines (_("error"), error->message);
      return g_error_matches (error, IMPACT_ERROR, IMPACT_ERROR_USAGE) ?
             IMPACT_CLI_EXIT_USAGE : IMPACT_CLI_EXIT_BAD_INPUT;
    }

  name = impact_text_printable (impact_csv_import_get_name (import), IMPACT_PRINTABLE_DEFAULT);
  if (!quiet)
    print_mapping (import, name);
  n_items = impact_csv_import_get_items (import)->len;
  n_eras = impact_csv_import_get_eras (import)->len;
  n_previous = impact_csv_import_count_previous (import, doc);
  what = impact_csv_import_get_target (import) == IMPACT_CSV_TARGET_MILESTONES ?
         g_dngettext (GETTEXT_PACKAGE, "milestone", "milestones", n_items) :
         g_dngettext (GETTEXT_PACKAGE, "statistic", "statistics", n_items);
  if (dry_run)
    {
      if (!quiet)
        g_print (_("Would import %u %s into %s, replacing %u imported from %s before (nothing written)\n"),
                 n_items, what, into, n_previous, name);
      if (!quiet && n_eras > 0)
        g_print (g_dngettext (GETTEXT_PACKAGE, "Would import %u era from rows of Type “era”\n",
                              "Would import %u eras from rows of Type “era”\n", n_eras), n_eras);
      return IMPACT_CLI_EXIT_OK;
    }

  impact_csv_import_apply (import, doc);
  if (!impact_json_writer_save (doc, sheet_file, TRUE, NULL, &error))
    {
      impact_cli_print_lines (_("error"), error->message);
      return IMPACT_CLI_EXIT_BAD_INPUT;
    }
  if (!quiet)
    g_print (_("Imported %u %s into %s, replacing %u imported from %s before\n"),
             n_items, what, into, n_previous, name);
  if (!quiet && n_eras > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u era from rows of Type “era”\n",
                          "Imported %u eras from rows of Type “era”\n", n_eras), n_eras);
  return IMPACT_CLI_EXIT_OK;
}
