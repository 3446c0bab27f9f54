/* impact-cli-timeline.c: `impact-sheet import timelinejs …` and
 * `impact-sheet export … --part timeline`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "impact-cli.h"
#include "impact-cli-import.h"
#include "impact-cli-timeline.h"
#include "impact-diagnostics.h"
#include "impact-error.h"
#include "impact-json-loader.h"
#include "impact-open.h"
#include "impact-output.h"
#include "impact-printable.h"
#include "impact-timeline-render.h"
#include "impact-timelinejs.h"

int
impact_cli_import_main (int    argc,
                        char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) in = NULL;
  g_autoptr(GFile) out = NULL;
  g_autofree char *output = NULL;
  gboolean quiet = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the Impact Sheet data to FILE"), N_("FILE") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Do not list what could not be mapped"), NULL },
    { NULL }
  };

  context = impact_cli_option_context_new (_("timelinejs IN.json — convert a TimelineJS timeline into Impact Sheet data"), entries,
    _("Maps the title, events (dates, headlines, texts, groups, media) and eras.\n"
      "What cannot be mapped is listed on standard error.\n\n"
      "Exit status: 0 on success, 1 when the input could not be read or\n"
      "converted, 2 for a usage error."));

  /* an interrupted import leaves no temporary file */
  impact_output_install_signal_cleanup ();
  if (argc >= 3 && g_strcmp0 (argv[2], "csv") == 0)
    return impact_cli_import_csv_main (argc, argv);

  /* argv: impact-sheet import timelinejs IN.json -o OUT.json */
  if (!impact_cli_parse_options (context, "import", &argc, &argv))
    return IMPACT_CLI_EXIT_USAGE;
  if (argc < 3 || g_strcmp0 (argv[2], "timelinejs") != 0)
    {
      g_printerr (_("impact-sheet import: name the source format: impact-sheet import timelinejs IN.json -o OUT.json, or impact-sheet import csv FILE.csv --into SHEET.json\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }
  if (argc != 4)
    {
      g_printerr (argc < 4 ? _("impact-sheet import: no input file given\n")
                           : _("impact-sheet import: more than one input file given\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }
  if (output == NULL)
    {
      g_printerr (_("impact-sheet import: no output file given (use -o FILE)\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }

  in = g_file_new_for_commandline_arg (argv[3]);
  out = g_file_new_for_commandline_arg (output);
  if (!impact_timelinejs_import_file (in, out, report, &error))
    {
      impact_cli_print_lines (_("error"), error->message);
      return IMPACT_CLI_EXIT_BAD_INPUT;
    }
  if (!quiet)
    {
      g_autofree char *base = g_path_get_basename (argv[3]);
      g_autofree char *name = impact_text_printable (base, IMPACT_PRINTABLE_DEFAULT);
      g_autofree char *prefix = g_strdup_printf ("%s: %s", name, _("not mapped"));

      /* report lines quote the input: printed with escapes made visible */
      for (guint i = 0; i < report->len; i++)
        impact_cli_print_lines (prefix, g_ptr_array_index (report, i));
      g_print (_("Wrote %s\n"), output);
    }
  return IMPACT_CLI_EXIT_OK;
}

static gboolean
parse_size (const char *text,
            int        *w,
            int        *h)
{
  char *end = NULL;
  gint64 a = g_ascii_strtoll (text, &end, 10), b;
  const char *hs;

  if (end == text || (*end != 'x' && *end != 'X'))
    return FALSE;
  hs = end + 1;
  b = g_ascii_strtoll (hs, &end, 10);
  if (end == hs || *end != '\0')
    return FALSE;
  if (a < IMPACT_TIMELINE_SLIDE_MIN || a > IMPACT_TIMELINE_SLIDE_MAX ||
      b < IMPACT_TIMELINE_SLIDE_MIN || b > IMPACT_TIMELINE_SLIDE_MAX)
    return FALSE;
  *w = (int) a;
  *h = (int) b;
  return TRUE;
}

int
impact_cli_timeline_export_main (int    argc,
                                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactDocument) doc = NULL;
  g_autoptr(GFile) in = NULL;
  g_autoptr(GFile) out = NULL;
  g_autofree char *output = NULL;
  g_autofree char *part = NULL;
  g_autofree char *size = NULL;
  g_autofree char *page_size = NULL;
  gboolean quiet = FALSE;
  gboolean pdfx = FALSE;
  ImpactTimelineExportOptions options;
  gint64 start;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (.png, .pdf or .svg)"), N_("FILE") },
    { "part", 0, 0, G_OPTION_ARG_STRING, &part, N_("timeline"), N_("PART") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, N_("Slide size in pixels (default 1920x1080); PDF and SVG get half as many points"), N_("WxH") },
    { "page-size", 0, 0, G_OPTION_ARG_STRING, &page_size, N_("Instead of a slide, a paginated PDF handout on letter or a4 paper"), N_("SIZE") },
    { "pdfx", 0, 0, G_OPTION_ARG_NONE, &pdfx, N_("Write PDF/X-4 for a print shop"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print nothing but errors"), NULL },
    { NULL }
  };

  context = impact_cli_option_context_new (_("INPUT.json --part timeline — export the milestone timeline"), entries,
    _("A slide (16:9 by default) with every milestone, or with --page-size a\n"
      "handout PDF: every milestone with its description, none cut at a page edge.\n\n"
      "Exit status: 0 on success, 1 when the input or the export failed,\n"
      "2 for a usage error."));

  if (!impact_cli_parse_options (context, "export", &argc, &argv))
    return IMPACT_CLI_EXIT_USAGE;
  if (part != NULL && g_strcmp0 (part, "timeline") != 0)
    {
      g_printerr (_("impact-sheet export: this command exports --part timeline, not “%s”\n"), part);
      return IMPACT_CLI_EXIT_USAGE;
    }
  if (!impact_cli_check_arguments ("export", argc, output, TRUE))
    return IMPACT_CLI_EXIT_USAGE;

  impact_timeline_export_options_init (&options);
  options.pdfx = pdfx;
  if (!impact_export_format_from_path (output, &options.format))
    {
      g_printerr (_("impact-sheet export: cannot tell the format of “%s”: use .png, .pdf or .svg\n"), output);
      return IMPACT_CLI_EXIT_USAGE;
    }
  if (size != NULL && page_size != NULL)
    {
      g_printerr (_("impact-sheet export: give --size for a slide or --page-size for a handout, not both\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }
  if (size != NULL && !parse_size (size, &options.width, &options.height))
    {
      g_printerr (_("impact-sheet export: --size “%s”: give WIDTHxHEIGHT in pixels, each from %d to %d, e.g. 1920x1080\n"),
                  size, IMPACT_TIMELINE_SLIDE_MIN, IMPACT_TIMELINE_SLIDE_MAX);
      return IMPACT_CLI_EXIT_USAGE;
    }
  if (page_size != NULL)
    {
      if (!impact_page_size_from_string (page_size, &options.page_size))
        {
          g_printerr (_("impact-sheet export: unknown page size “%s”: use letter or a4\n"), page_size);
          return IMPACT_CLI_EXIT_USAGE;
        }
      if (options.format != IMPACT_EXPORT_FORMAT_PDF)
        {
          g_printerr (_("impact-sheet export: the handout (--page-size) is a PDF: name the output .pdf\n"));
          return IMPACT_CLI_EXIT_USAGE;
        }
      options.handout = TRUE;
    }

  start = g_get_monotonic_time ();
  in = g_file_new_for_commandline_arg (argv[2]);
  /* the slide is drawn, never saved: read without the whole JSON tree
   * (each milestone's part freed once read), and with no source map */
  doc = impact_json_loader_load_for_export (in, diagnostics, NULL, &error);
  if (doc == NULL)
    {
      g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

      for (guint i = 0; lines[i]; i++)
        {
          g_autofree char *line = impact_text_printable (lines[i], IMPACT_PRINTABLE_DEFAULT);

          g_printerr ("%s\n", line);
        }
      return IMPACT_CLI_EXIT_BAD_INPUT;
    }
  /* The slide needs the model, not the text it was read from: a document
   * that had to be read the full way (it had warnings) drops its map's
   * copy of the text, spans and index before the layout and the drawing
   * take their memory. Its tree (the milestones hold their parts of it)
   * is left to the exit with the document. */
  {
    JsonNode *root = impact_document_get_source_root (doc);

    if (root != NULL)
      impact_cli_release (json_node_ref (root), (GDestroyNotify) json_node_unref);
    impact_document_set_source_map (doc, NULL);
  }
  out = g_file_new_for_commandline_arg (output);
  if (!impact_timeline_export (doc, &options, out, &error))
    {
      impact_cli_print_lines (_("error"), error->message);
      return g_error_matches (error, IMPACT_ERROR, IMPACT_ERROR_USAGE) ?
             IMPACT_CLI_EXIT_USAGE : IMPACT_CLI_EXIT_BAD_INPUT;
    }
  if (!quiet)
    {
      g_print (_("Wrote %s\n"), output);
      g_print (_("Exported in %.1f ms\n"), (g_get_monotonic_time () - start) / 1000.0);
    }
  impact_cli_release (g_steal_pointer (&doc), g_object_unref);
  return IMPACT_CLI_EXIT_OK;
}
