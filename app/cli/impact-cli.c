/* impact-cli.c: `impact-sheet export` and `impact-sheet validate`
 *
 * Runs without a display and links only the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "impact-cli.h"
#include "impact-cli-batch.h"
#include "impact-cli-timeline.h"
#include "impact-brand.h"
#include "impact-brand-file.h"
#include "impact-error.h"
#include "impact-chart-export.h"
#include "impact-export.h"
#include "impact-help-topics.h"
#include "impact-json-loader.h"
#include "impact-open.h"
#include "impact-output.h"
#include "impact-preflight.h"
#include "impact-printable.h"
#include "impact-render.h"
#include "impact-sheet-layout.h"
#include "impact-theme.h"

typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} Command;

static int run_export   (int argc, char **argv);
static int run_validate (int argc, char **argv);

static const Command commands[] = {
  { "export", run_export, N_("Export a fact sheet to PDF, PNG or SVG") },
  { "validate", run_validate, N_("Check a fact sheet’s data and layout") },
};

gboolean
impact_cli_check_arguments (const char *command,
                            int         argc,
                            const char *output,
                            gboolean    need_output)
{
  if (argc < 3)
    {
      /* Translators: %s is a command such as "export" */
      g_printerr (_("impact-sheet %s: no input file given\n"), command);
      return FALSE;
    }
  if (argc > 3)
    {
      g_printerr (_("impact-sheet %s: more than one input file given\n"), command);
      return FALSE;
    }
  if (need_output && output == NULL)
    {
      g_printerr (_("impact-sheet %s: no output file given (use -o FILE)\n"), command);
      return FALSE;
    }
  return TRUE;
}

gboolean
impact_cli_handles (int    argc,
                    char **argv)
{
  if (argc < 2)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return TRUE;
  return FALSE;
}

/* Prints the diagnostics (only the errors when @errors_only), and says how
 * many were left out past the list's cap. */
static void
print_diagnostics (ImpactDiagnostics *diagnostics,
                   const char        *input_name,
                   gboolean           errors_only)
{
  guint dropped = impact_diagnostics_get_n_dropped (diagnostics);

  for (guint i = 0; i < impact_diagnostics_get_n_items (diagnostics); i++)
    {
      const ImpactDiagnostic *diag = impact_diagnostics_get_item (diagnostics, i);
      g_autofree char *text = NULL;
      const char *kind = diag->severity == IMPACT_SEVERITY_ERROR ? _("error") : _("warning");

      if (errors_only && diag->severity != IMPACT_SEVERITY_ERROR)
        continue;
      {
        g_autofree char *raw = impact_diagnostic_to_string (diag);

        text = impact_text_printable (raw, IMPACT_PRINTABLE_DEFAULT);
      }
      if (diag->file == NULL)
        g_printerr ("%s: %s: %s\n", input_name, kind, text);
      else
        g_printerr ("%s: %s\n", kind, text);
    }
  if (dropped > 0 && !errors_only)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s: %u more problem not shown\n",
                             "%s: %u more problems not shown\n", dropped),
                input_name, dropped);
}

/* After the list: for each kind of warning, the page of the user help that
 * says what to do, in the order the kinds first appear */
static void
print_help_topics (ImpactDiagnostics *diagnostics,
                   const char        *input_name)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new ();
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));

  for (guint i = 0; i < impact_diagnostics_get_n_items (diagnostics); i++)
    {
      const ImpactDiagnostic *diag = impact_diagnostics_get_item (diagnostics, i);
      const char *topic;
      guint index;

      if (diag->severity != IMPACT_SEVERITY_WARNING)
        continue;
      topic = impact_help_topic_for_diagnostic (diag);
      if (topic == NULL)
        continue;
      if (!g_ptr_array_find_with_equal_func (topics, topic, g_str_equal, &index))
        {
          guint zero = 0;

          g_ptr_array_add (topics, (gpointer) topic);
          g_array_append_val (counts, zero);
          index = topics->len - 1;
        }
      g_array_index (counts, guint, index)++;
    }
  for (guint i = 0; i < topics->len; i++)
    {
      g_autofree char *uri = impact_help_topic_uri (g_ptr_array_index (topics, i));
      guint n = g_array_index (counts, guint, i);

      /* Translators: "kolkata.json: help: see help:impact-sheet/fix-source (2 warnings)" */
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s: help: see %s (%u warning)\n",
                               "%s: help: see %s (%u warnings)\n", n),
                  input_name, uri, n);
    }
}

static ImpactDocument *
load_input (const char        *path,
            ImpactDiagnostics *diagnostics,
            const char        *input_name)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDiagnostics) load_diags = impact_diagnostics_new ();
  ImpactDocument *doc;

  doc = impact_document_open_file (file, load_diags, NULL, NULL, &error);
  if (doc == NULL)
    {
      /* the error lists every error; print the warnings the loader found too */
      for (guint i = 0; i < impact_diagnostics_get_n_items (load_diags); i++)
        {
          const ImpactDiagnostic *diag = impact_diagnostics_get_item (load_diags, i);
          g_autofree char *text = NULL;

          if (diag->severity != IMPACT_SEVERITY_WARNING)
            continue;
          text = impact_diagnostic_to_string (diag);
          impact_cli_print_lines (_("warning"), text);
        }
      impact_cli_print_lines (_("error"), error->message);
      return NULL;
    }
  impact_diagnostics_extend (diagnostics, load_diags);
  return doc;
}

void
impact_cli_print_lines (const char *prefix,
                        const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message ? message : "", "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *line = impact_text_printable (lines[i], IMPACT_PRINTABLE_DEFAULT);

      g_printerr ("%s: %s\n", prefix, line);
    }
}

static gboolean free_at_exit = TRUE;
static GSList *kept_until_exit;   /* never freed */

void
impact_cli_set_free_at_exit (gboolean free)
{
  free_at_exit = free;
}

void
impact_cli_release (gpointer       data,
                    GDestroyNotify free)
{
  if (data == NULL)
    return;
  if (free_at_exit)
    free (data);
  else
    kept_until_exit = g_slist_prepend (kept_until_exit, data);
}

GOptionContext *
impact_cli_option_context_new (const char         *parameter,
                               const GOptionEntry *entries,
                               const char         *description)
{
  GOptionContext *context = g_option_context_new (parameter);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (description != NULL)
    g_option_context_set_description (context, description);
  return context;
}

gboolean
impact_cli_parse_options (GOptionContext   *context,
                          const char       *command,
                          int              *argc,
                          char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("impact-sheet %s: %s\n", command, error->message);
      g_printerr (_("Run “impact-sheet %s --help” to see the options.\n"), command);
      return FALSE;
    }
  return TRUE;
}

/* "3mm", "0.125in", "9pt", "0.3 cm" → points; FALSE when malformed.
 * A bare 0 needs no unit. */
static gboolean
parse_length (const char *text,
              double     *out_points)
{
  static const struct { const char *unit; double points; } units[] = {
    { "mm", 72.0 / 25.4 }, { "cm", 72.0 / 2.54 }, { "in", 72.0 }, { "pt", 1.0 },
  };
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value;

  value = g_ascii_strtod (copy, &end);
  if (end == copy || !isfinite (value))
    return FALSE;
  while (*end == ' ')
    end++;
  if (*end == '\0')
    {
      if (value != 0)
        return FALSE;
      *out_points = 0;
      return TRUE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_ascii_strcasecmp (end, units[i].unit) == 0)
      {
        *out_points = value * units[i].points;
        return TRUE;
      }
  return FALSE;
}

/* `export --part timeline` has options of its own (--size of a slide, the
 * handout's --page-size): the timeline command parses them. */
static gboolean
wants_timeline (int    argc,
                char **argv)
{
  for (int i = 2; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--") == 0)
        break;
      if (g_strcmp0 (argv[i], "--part=timeline") == 0 ||
          (g_strcmp0 (argv[i], "--part") == 0 && i + 1 < argc && g_strcmp0 (argv[i + 1], "timeline") == 0))
        return TRUE;
    }
  return FALSE;
}

static int
run_export (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactDocument) doc = NULL;
  g_autoptr(GFile) output_file = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *page_size = NULL;
  g_autofree char *template_name = NULL;
  g_autofree char *input_name = NULL;
  g_autofree char *bleed = NULL;
  g_autofree char *part = NULL;
  g_autofree char *card_size = NULL;
  g_autofree char *files_from = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *pages = NULL;
  int jobs = 0;
  gboolean batch;
  double dpi = 150.0;
  int page = 0;
  int chart_number = 0;
  gboolean chart_part = FALSE;
  gboolean quiet = FALSE;
  gboolean crop_marks = FALSE;
  gboolean pdfx = FALSE;
  ImpactExportOptions options;
  gint64 start;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (.pdf, .png or .svg)"), N_("FILE") },
    { "page-size", 0, 0, G_OPTION_ARG_STRING, &page_size, N_("Paper size: letter (default) or a4"), N_("SIZE") },
    { "pages", 0, 0, G_OPTION_ARG_STRING, &pages, N_("Pages of the sheet: auto (default: one page when everything fits at full size and nothing is left out, else two), 1 or 2; overrides the data's \"pages\""), N_("auto|1|2") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi, N_("Resolution of PNG output (default 150)"), N_("N") },
    { "page", 0, 0, G_OPTION_ARG_INT, &page, N_("Export only page N (1 = front, 2 = back)"), N_("N") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_name, N_("Design template: classic or bold"), N_("NAME") },
    { "bleed", 0, 0, G_OPTION_ARG_STRING, &bleed, N_("Run colours and images this far past the trim, e.g. 3mm, 0.125in, 9pt"), N_("LENGTH") },
    { "crop-marks", 0, 0, G_OPTION_ARG_NONE, &crop_marks, N_("Draw trim marks outside the page (the sheet grows to hold them)"), NULL },
    { "pdfx", 0, 0, G_OPTION_ARG_NONE, &pdfx, N_("Write PDF/X-4 for a print shop (an output intent, trim and bleed boxes)"), NULL },
    { "part", 0, 0, G_OPTION_ARG_STRING, &part, N_("What to export: sheet (default); stats, the statistics as a social-media card; timeline, the milestones as a slide or a paginated handout; chart, one chart alone (--chart N)"), N_("PART") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &card_size, N_("Size of a --part stats card or a --part chart in pixels, e.g. 1080x1080 (card default), 1200x675 (chart default) or 1200x630"), N_("WxH") },
    { "chart", 0, 0, G_OPTION_ARG_INT, &chart_number, N_("With --part chart: export chart N of the sheet's charts (default 1)"), N_("N") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print nothing but errors"), NULL },
    { "files-from", 0, 0, G_OPTION_ARG_FILENAME, &files_from, N_("Export the inputs listed in FILE, one a line (- reads standard input), into the folder -o DIR/"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("Format of the files written into a folder: pdf (default), png or svg"), N_("FORMAT") },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, N_("Sheets exported at once into a folder (default: one a processor)"), N_("N") },
    { NULL }
  };

  context = impact_cli_option_context_new (_("INPUT.json… — export fact sheets"), entries,
    _("The output format follows the file name: PDF holds every page; PNG and SVG\n"
      "of a two-page sheet are written as OUT-1.png and OUT-2.png unless --page\n"
      "picks one page. Several inputs (or --files-from) are exported into the\n"
      "folder -o DIR/ as NAME.pdf (or --format); an input that fails is reported\n"
      "and skipped.\n\n"
      "Exit status: 0 on success, 1 when the input or the export failed,\n"
      "2 for a usage error."));

  if (!impact_cli_parse_options (context, argv[1], &argc, &argv))
    return IMPACT_CLI_EXIT_USAGE;

  batch = impact_cli_batch_wanted (argc - 2, output, files_from);
  if (!batch && !impact_cli_check_arguments ("export", argc, output, TRUE))
    return IMPACT_CLI_EXIT_USAGE;
  if (pages != NULL && g_strcmp0 (pages, "auto") != 0 && g_strcmp0 (pages, "1") != 0 &&
      g_strcmp0 (pages, "2") != 0)
    {
      g_printerr (_("impact-sheet export: --pages takes auto, 1 or 2\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }
  if (batch && pages != NULL)
    {
      g_printerr (_("impact-sheet export: --pages is for one input; set \"pages\" in the data for several\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }
  if (!batch && (format_name != NULL || jobs != 0))
    {
      g_printerr (_("impact-sheet export: --format and --jobs are for several inputs and a folder (-o DIR/)\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }

  impact_export_options_init (&options);
  if (!batch && !impact_export_format_from_path (output, &options.format))
    {
      g_printerr (_("impact-sheet export: cannot tell the format of “%s”: use .pdf, .png or .svg\n"), output);
      return IMPACT_CLI_EXIT_USAGE;
    }
  if (page_size != NULL && !impact_page_size_from_string (page_size, &options.page_size))
    {
      g_printerr (_("impact-sheet export: unknown page size “%s”: use letter or a4\n"), page_size);
      return IMPACT_CLI_EXIT_USAGE;
    }
  if (template_name != NULL)
    {
      ImpactTemplate tmpl;

      if (!impact_template_from_string (template_name, &tmpl))
        {
          g_printerr (_("impact-sheet export: unknown template “%s”: use classic or bold\n"), template_name);
          return IMPACT_CLI_EXIT_USAGE;
        }
    }
  if (!isfinite (dpi) || dpi < IMPACT_EXPORT_MIN_DPI || dpi > IMPACT_EXPORT_MAX_DPI)
    {
      g_printerr (_("impact-sheet export: --dpi must be between %.0f and %.0f\n"),
                  IMPACT_EXPORT_MIN_DPI, IMPACT_EXPORT_MAX_DPI);
      return IMPACT_CLI_EXIT_USAGE;
    }
  if (page < 0)
    {
      g_printerr (_("impact-sheet export: --page must be 1 or more\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }
  if (bleed != NULL &&
      (!parse_length (bleed, &options.bleed) || options.bleed < 0 ||
       options.bleed > IMPACT_RENDER_MAX_BLEED + 1e-9))
    {
      g_printerr (_("impact-sheet export: --bleed “%s”: give a length from 0 to %.1f mm with its unit, "
                    "e.g. 3mm, 0.125in or 9pt\n"), bleed, IMPACT_RENDER_MAX_BLEED * 25.4 / 72);
      return IMPACT_CLI_EXIT_USAGE;
    }
  options.bleed = MIN (options.bleed, IMPACT_RENDER_MAX_BLEED);
  chart_part = g_strcmp0 (part, "chart") == 0;
  if ((chart_number != 0 && !chart_part) || chart_number < 0 || (batch && chart_part))
    {
      g_printerr (_("impact-sheet export: --chart N (1 or more) is for --part chart and one input\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }
  if (part != NULL && !chart_part && !impact_export_part_from_string (part, &options.part))
    {
      g_printerr (_("impact-sheet export: unknown part “%s”: use sheet, stats, timeline or chart\n"), part);
      return IMPACT_CLI_EXIT_USAGE;
    }
  if (card_size != NULL)
    {
      char *end = NULL;
      gint64 w = g_ascii_strtoll (card_size, &end, 10), h = 0;

      if (end != card_size && (*end == 'x' || *end == 'X'))
        {
          const char *hs = end + 1;

          h = g_ascii_strtoll (hs, &end, 10);
          if (end == hs || *end != '\0')
            h = 0;
        }
      if (options.part != IMPACT_EXPORT_PART_STATS && !chart_part)
        {
          g_printerr (_("impact-sheet export: --size is for --part stats; use --page-size for the sheet\n"));
          return IMPACT_CLI_EXIT_USAGE;
        }
      if (w < IMPACT_EXPORT_CARD_MIN || w > IMPACT_EXPORT_CARD_MAX ||
          h < IMPACT_EXPORT_CARD_MIN || h > IMPACT_EXPORT_CARD_MAX)
        {
          g_printerr (_("impact-sheet export: --size “%s”: give WIDTHxHEIGHT in pixels, each from %d to %d, "
                        "e.g. 1080x1080 or 1200x630\n"),
                      card_size, IMPACT_EXPORT_CARD_MIN, IMPACT_EXPORT_CARD_MAX);
          return IMPACT_CLI_EXIT_USAGE;
        }
      options.card_width = (int) w;
      options.card_height = (int) h;
    }
  options.crop_marks = crop_marks;
  options.pdfx = pdfx;
  options.dpi = dpi;
  options.page = page;
  options.template_name = template_name;
  options.private_fonts = TRUE;
  if (batch)
    return impact_cli_batch_export (&options, argv + 2, argc - 2, files_from, output,
                                    format_name, jobs, quiet);

  {
    g_autofree char *base = g_path_get_basename (argv[2]);

    input_name = impact_text_printable (base, IMPACT_PRINTABLE_DEFAULT);
  }
  start = g_get_monotonic_time ();
  doc = load_input (argv[2], diagnostics, input_name);
  if (doc == NULL)
    return IMPACT_CLI_EXIT_BAD_INPUT;
  if (pages != NULL)
    impact_document_set_pages (doc, pages);

  output_file = g_file_new_for_commandline_arg (output);
  if (chart_part)
    {
      written = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (written, g_object_ref (output_file));
    }
  if (chart_part ?
      !impact_chart_export (doc, MAX (chart_number, 1) - 1, output, options.format,
                            options.card_width, options.card_height, diagnostics, &error) :
      !impact_export_document (doc, &options, output_file, &written, diagnostics, NULL, &error))
    {
      impact_document_locate_diagnostics (doc, diagnostics, input_name);
      print_diagnostics (diagnostics, input_name, quiet);
      impact_cli_print_lines (_("error"), error->message);
      return g_error_matches (error, IMPACT_ERROR, IMPACT_ERROR_USAGE) ?
             IMPACT_CLI_EXIT_USAGE : IMPACT_CLI_EXIT_BAD_INPUT;
    }

  impact_document_locate_diagnostics (doc, diagnostics, input_name);
  print_diagnostics (diagnostics, input_name, quiet);
  if (impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_ERROR) > 0)
    {
      /* written, to be looked at, but the sheet does not fit: a failure */
      g_printerr (_("%s: the sheet does not fit its pages; shorten the texts named above\n"),
                  input_name);
      return IMPACT_CLI_EXIT_BAD_INPUT;
    }
  if (!quiet)
    {
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      for (guint i = 0; i < written->len; i++)
        {
          g_autofree char *path = g_file_get_path (g_ptr_array_index (written, i));
          g_print (_("Wrote %s\n"), path);
        }
      g_print (_("Exported in %.1f ms\n"), ms);
    }
  impact_cli_release (g_steal_pointer (&doc), g_object_unref);
  return IMPACT_CLI_EXIT_OK;
}

/* `validate BRAND.json`: the brand's values checked as offices use them,
 * and the offices beside it that name it (impact-brand-file.h) */
static int
impact_cli_validate_brand (GFile      *file,
                           const char *input_name,
                           gboolean    quiet)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactBrandFile) brand = impact_brand_file_load (file, &error);
  g_autoptr(GPtrArray) offices = NULL;

  if (brand == NULL)
    {
      impact_cli_print_lines (_("error"), error->message);
      g_print (_("%s is not a valid brand file\n"), input_name);
      return IMPACT_CLI_EXIT_BAD_INPUT;
    }
  offices = impact_brand_file_find_offices (brand);
  if (!quiet)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%s is a valid brand file, named by %u office beside it\n",
                          "%s is a valid brand file, named by %u offices beside it\n", offices->len),
             input_name, offices->len);
  return IMPACT_CLI_EXIT_OK;
}

static int
run_validate (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactDocument) doc = NULL;
  g_autofree char *page_size = NULL;
  g_autofree char *template_name = NULL;
  g_autofree char *input_name = NULL;
  gboolean quiet = FALSE;
  ImpactPageSize sizes[2] = { IMPACT_PAGE_SIZE_LETTER, IMPACT_PAGE_SIZE_A4 };
  guint n_sizes = 2;
  guint n_warnings;
  const GOptionEntry entries[] = {
    { "page-size", 0, 0, G_OPTION_ARG_STRING, &page_size, N_("Check only this paper size: letter or a4 (default: both)"), N_("SIZE") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_name, N_("Design template: classic or bold"), N_("NAME") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print nothing when the file is valid"), NULL },
    { NULL }
  };

  context = impact_cli_option_context_new (_("INPUT.json — check a fact sheet"), entries,
    _("Prints every error and warning with its file, line, column and JSON path,\n"
      "then a preflight for print: statistics and facts without a source, images\n"
      "below 150 dpi at their printed size, text colours below the 4.5:1 contrast\n"
      "of WCAG AA, characters the fonts cannot draw and text that does not fit.\n\n"
      "Exit status: 0 when the file is valid (warnings allowed), 1 when it has\n"
      "errors, 2 for a usage error."));

  if (!impact_cli_parse_options (context, argv[1], &argc, &argv))
    return IMPACT_CLI_EXIT_USAGE;
  if (!impact_cli_check_arguments ("validate", argc, NULL, FALSE))
    return IMPACT_CLI_EXIT_USAGE;
  if (page_size != NULL)
    {
      if (!impact_page_size_from_string (page_size, &sizes[0]))
        {
          g_printerr (_("impact-sheet validate: unknown page size “%s”: use letter or a4\n"), page_size);
          return IMPACT_CLI_EXIT_USAGE;
        }
      n_sizes = 1;
    }
  if (template_name != NULL)
    {
      ImpactTemplate tmpl;

      if (!impact_template_from_string (template_name, &tmpl))
        {
          g_printerr (_("impact-sheet validate: unknown template “%s”: use classic or bold\n"), template_name);
          return IMPACT_CLI_EXIT_USAGE;
        }
    }

  {
    g_autofree char *base = g_path_get_basename (argv[2]);

    input_name = impact_text_printable (base, IMPACT_PRINTABLE_DEFAULT);
  }
  /* brand-finish: a brand file is checked as a brand, not as a sheet */
  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[2]);

    if (impact_brand_file_detect_file (file))
      return impact_cli_validate_brand (file, input_name, quiet);
  }
  doc = load_input (argv[2], diagnostics, input_name);
  if (doc == NULL)
    return IMPACT_CLI_EXIT_BAD_INPUT;

  {
    g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc),
                                                     template_name, diagnostics);

    /* sources, contrast, image resolution, glyphs and overflow, among the
     * fonts the document can use, as an export chooses them */
    impact_preflight_run_private_fonts (doc, theme, sizes, n_sizes, diagnostics);
  }

  impact_document_locate_diagnostics (doc, diagnostics, input_name);
  print_diagnostics (diagnostics, input_name, FALSE);
  print_help_topics (diagnostics, input_name);
  if (!quiet && impact_document_get_brand (doc) != NULL)
    {
      g_autoptr(GPtrArray) inherited = impact_brand_list_inherited (doc);
      g_autofree char *brand = impact_text_printable (impact_document_get_brand (doc), IMPACT_PRINTABLE_DEFAULT);

      /* where each shared value comes from */
      for (guint i = 0; i < inherited->len; i++)
        /* Translators: "lima.json: theme.primary: from ../brand.json" */
        g_print (_("%s: %s: from %s\n"), input_name, (const char *) g_ptr_array_index (inherited, i), brand);
    }
  /* the list keeps 500; the rest are counted */
  n_warnings = impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_WARNING) +
               impact_diagnostics_get_n_dropped (diagnostics);
  if (impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_ERROR) > 0)
    {
      guint n_errors = impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_ERROR);

      g_print (g_dngettext (GETTEXT_PACKAGE, "%s is not valid: %u error\n",
                            "%s is not valid: %u errors\n", n_errors),
               input_name, n_errors);
      return IMPACT_CLI_EXIT_BAD_INPUT;
    }
  if (!quiet)
    {
      if (n_warnings == 0)
        g_print (_("%s is valid\n"), input_name);
      else
        g_print (g_dngettext (GETTEXT_PACKAGE, "%s is valid, with %u warning\n",
                              "%s is valid, with %u warnings\n", n_warnings),
                 input_name, n_warnings);
    }
  return IMPACT_CLI_EXIT_OK;
}

static void
print_usage (void)
{
  g_printerr (_("Usage: impact-sheet COMMAND [OPTION…]\n\nCommands:\n"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    g_printerr ("  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_printerr (_("\nWithout a command, impact-sheet [FILE.json] opens the application.\n"
                "Run “impact-sheet COMMAND --help” for a command’s options.\n"));
}

int
impact_cli_main (int    argc,
                 char **argv)
{
  /* an interrupted export leaves no temporary file */
  impact_output_install_signal_cleanup ();
  if (argc >= 2 && strcmp (argv[1], "export") == 0 && wants_timeline (argc, argv))
    return impact_cli_timeline_export_main (argc, argv);
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (argc >= 2 && strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc, argv);
  print_usage ();
  return IMPACT_CLI_EXIT_USAGE;
}
