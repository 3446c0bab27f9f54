/* test-layout-properties.c: the layout's guarantees over generated documents
 *
 * tests/impact-doc-gen.c makes valid documents of every shape from a seed;
 * each is laid out with impact_sheet_layout_new() and checked against the
 * guarantees of issue 9:
 *
 *   overlap   no two text lines overlap (ink extents of each line of each
 *             IMPACT_OP_TEXT op, per PangoLayoutIter, more than TOL_OVERLAP
 *             in both directions);
 *   box       every text op lies inside the box it belongs to (TOL_BOX): the
 *             smallest ImpactBox of the page that contains the centre of the
 *             op's first line (so an item's box wins over its section's);
 *             a text in no box at all is a violation too, and so is a text
 *             cut short (pango_layout_is_ellipsized: an ellipsis or a height
 *             limit);
 *   page      every text line lies inside the page, SAFE_ZONE points in from
 *             the trim (the printer's safety margin);
 *   dropped   every statistic, fact, pillar and milestone has an item box,
 *             and the problem, quote, profile, contact, footer and header
 *             have a section box (when the document has them), one source
 *             box per distinct source, every era's title is the text (or in
 *             the text) of an op; or a diagnostic accounts for the
 *             omission: its path is the item's ("milestones[7]…") or the
 *             list's ("milestones"). A layout that refuses the document (an
 *             error diagnostic) need not show everything;
 *   note      no editor's note on the handout ("4 of 12 milestones shown");
 *   overflow  a page at the minimum fit scale whose content is cut (a box or
 *             page violation on it, a dropped item, or an overflow warning)
 *             comes with an error diagnostic, so the export fails.
 *
 * Decoration: the opening quotation mark set as an ornament (an op whose
 * text is only quotation marks) may hang outside the quote's box; it is
 * checked for overlap and the page like any text.
 *
 * A sample (every PDF_EVERY-th document) is also exported to PDF through
 * the core and read back with `pdftotext -bbox`: no two words overlap
 * (the bands of their letters' bodies: poppler's word boxes run from the
 * font's ascent to its descent, taller than tight leading), and every word
 * lies inside the page.
 *
 * The fixtures under tests/data/layout/ and the examples are checked the
 * same way, in both templates and on both page sizes.
 *
 * Environment:
 *   IMPACT_PROPERTY_COUNT  documents to generate (default 300; the long run
 *                          of docs/PERFORMANCE.md uses 1000)
 *   IMPACT_PROPERTY_SEED   seed of the first document (default 1); document
 *                          i has seed SEED + i, so IMPACT_PROPERTY_SEED=17
 *                          IMPACT_PROPERTY_COUNT=1 checks document 17 alone
 *   IMPACT_PROPERTY_OUT    folder for the failing documents (default
 *                          layout-property-failures/ in the build folder)
 *   IMPACT_PROPERTY_WRITE_ALL  set: write every generated document there,
 *                          failing or not (tests/layout/contact-sheet.sh -g)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "impact-doc-gen.h"
#include "impact-export.h"
#include "impact-json-loader.h"
#include "impact-sheet-layout-private.h"
#include "impact-test-utils.h"
#include "impact-theme.h"

#define TOL_OVERLAP    0.5   /* pt: ink may touch, not cross */
#define TOL_BOX        2.0   /* pt: italic overhang, figures set optically a point left of their column */
#define SAFE_ZONE      9.0   /* pt: 1/8 inch inside the trim */
#define MIN_FIT_SCALE  0.86  /* impact-sheet-layout.h: "never below 0.86" */
#define PDF_EVERY      20
#define DEFAULT_COUNT  300

typedef enum
{
  KIND_OVERLAP,
  KIND_BOX,
  KIND_PAGE,
  KIND_DROPPED,
  KIND_NOTE,
  KIND_OVERFLOW,
  KIND_PDF_OVERLAP,
  KIND_PDF_PAGE,
  N_KINDS
} Kind;

static const char * const kind_names[N_KINDS] = {
  "overlap", "box", "page", "dropped", "note", "overflow", "pdf-overlap", "pdf-page",
};

/* What one run found: documents per kind, with the first seeds */
typedef struct
{
  guint      n_docs;
  guint      n_failed;
  guint      n_refused;     /* an error diagnostic: the export would fail */
  guint      n_written;     /* failing documents written to out_dir */
  guint      docs[N_KINDS];
  GPtrArray *examples[N_KINDS];  /* of char*, the first few document names */
  char      *out_dir;
} Summary;

/* The violations of one document */
typedef struct
{
  GPtrArray *lines;          /* of char*, "[kind] p1: …" */
  gboolean   kinds[N_KINDS];
} Findings;

static void
findings_init (Findings *f)
{
  memset (f, 0, sizeof *f);
  f->lines = g_ptr_array_new_with_free_func (g_free);
}

static void
findings_clear (Findings *f)
{
  g_clear_pointer (&f->lines, g_ptr_array_unref);
}

static void G_GNUC_PRINTF (3, 4)
add_finding (Findings   *f,
             Kind        kind,
             const char *format,
             ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (f->lines, g_strdup_printf ("[%s] %s", kind_names[kind], text));
  f->kinds[kind] = TRUE;
}

static void
summary_init (Summary *s)
{
  const char *out = g_getenv ("IMPACT_PROPERTY_OUT");

  memset (s, 0, sizeof *s);
  for (guint k = 0; k < N_KINDS; k++)
    s->examples[k] = g_ptr_array_new_with_free_func (g_free);
  s->out_dir = out && *out ? g_strdup (out)
                           : g_test_build_filename (G_TEST_BUILT, "layout-property-failures", NULL);
}

static void
summary_clear (Summary *s)
{
  for (guint k = 0; k < N_KINDS; k++)
    g_ptr_array_unref (s->examples[k]);
  g_free (s->out_dir);
}

/* Prints the summary as TAP comments; fails the test when anything was found */
static void
summary_finish (Summary    *s,
                const char *what)
{
  g_test_message ("%s: %u checked, %u with violations, %u refused with an error", what,
                  s->n_docs, s->n_failed, s->n_refused);
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_autofree char *seeds = NULL;

      if (s->docs[k] == 0)
        continue;
      g_ptr_array_add (s->examples[k], NULL);
      seeds = g_strjoinv (", ", (char **) s->examples[k]->pdata);
      g_ptr_array_remove_index (s->examples[k], s->examples[k]->len - 1);
      g_test_message ("  %-12s %4u (%s)", kind_names[k], s->docs[k], seeds);
    }
  if (s->n_written > 0)
    g_test_message ("%u documents written to %s; check one again with "
                    "IMPACT_PROPERTY_SEED=N IMPACT_PROPERTY_COUNT=1", s->n_written, s->out_dir);
  if (s->n_failed > 0)
    {
      g_test_fail_printf ("%u of %u %s violate the layout's guarantees", s->n_failed, s->n_docs, what);
    }
}

static void
write_document (Summary    *s,
                const char *name,
                const char *json)
{
  g_autofree char *file = g_strdup_printf ("%s.json", name);
  g_autofree char *path = g_build_filename (s->out_dir, file, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (s->out_dir, 0755);
  if (!g_file_set_contents (path, json, -1, &error))
    g_test_message ("  could not write %s: %s", path, error->message);
  else
    {
      g_test_message ("  document: %s", path);
      s->n_written++;
    }
}

/* Records one document's findings; writes its JSON when it failed (or
 * always, with IMPACT_PROPERTY_WRITE_ALL) */
static void
summary_add (Summary    *s,
             Findings   *f,
             const char *name,
             const char *description,
             const char *json,
             gboolean    refused)
{
  s->n_docs++;
  if (refused)
    s->n_refused++;
  if (f->lines->len == 0)
    {
      if (json != NULL && g_getenv ("IMPACT_PROPERTY_WRITE_ALL"))
        write_document (s, name, json);
      return;
    }
  s->n_failed++;
  for (guint k = 0; k < N_KINDS; k++)
    if (f->kinds[k])
      {
        s->docs[k]++;
        if (s->examples[k]->len < 3)
          g_ptr_array_add (s->examples[k], g_strdup (name));
      }
  g_test_message ("%s: %u violations", description, f->lines->len);
  for (guint i = 0; i < f->lines->len; i++)
    g_test_message ("  %s", (const char *) g_ptr_array_index (f->lines, i));
  if (json != NULL)
    write_document (s, name, json);
}

/* Text runs */

typedef struct
{
  guint        op;          /* index in the page's ops */
  const char  *text;        /* the line's text, cut short, owned by the list */
  double       x0, y0, x1, y1;  /* ink, page coordinates */
  const char  *where;       /* the box the line's centre is in ("facts[2]"), owned by the list; or NULL */
} Run;

typedef struct
{
  GArray    *runs;          /* of Run */
  GPtrArray *texts;         /* owns Run.text */
} Runs;

static char *
snippet (const char *text,
         gssize      length)
{
  g_autofree char *line = g_strndup (text, length < 0 ? strlen (text) : (gsize) length);
  g_autofree char *flat = g_strdelimit (g_strdup (line), "\n\t", ' ');
  glong n = g_utf8_strlen (flat, -1);

  if (n > 32)
    {
      const char *end = g_utf8_offset_to_pointer (flat, 31);

      return g_strdup_printf ("%.*s…", (int) (end - flat), flat);
    }
  return g_steal_pointer (&flat);
}

static gboolean
is_ornament (const ImpactOp *op)
{
  const char *text = pango_layout_get_text (op->layout);

  if (op->struct_tag != NULL || text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_INITIAL_PUNCTUATION &&
          g_unichar_type (c) != G_UNICODE_FINAL_PUNCTUATION && c != '"')
        return FALSE;
    }
  return TRUE;
}

static const ImpactBox *innermost_box (ImpactSheetLayout *layout,
                                       guint              page,
                                       double             x,
                                       double             y);
static const char      *box_name      (const ImpactBox   *box,
                                       char               buffer[64]);

/* Every line with ink of every text op of @page */
static void
collect_runs (ImpactSheetLayout *layout,
              guint              page,
              Runs              *runs)
{
  runs->runs = g_array_new (FALSE, FALSE, sizeof (Run));
  runs->texts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < impact_sheet_layout_get_n_ops (layout, page); i++)
    {
      const ImpactOp *op = impact_sheet_layout_get_op (layout, page, i);
      const char *text;
      PangoLayoutIter *iter;

      if (op->kind != IMPACT_OP_TEXT || op->layout == NULL)
        continue;
      text = pango_layout_get_text (op->layout);
      iter = pango_layout_get_iter (op->layout);
      do
        {
          PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
          PangoRectangle ink;
          Run run;

          pango_layout_iter_get_line_extents (iter, &ink, NULL);
          if (ink.width <= 0 || ink.height <= 0)
            continue;
          run.op = i;
          run.x0 = op->x + ink.x / (double) PANGO_SCALE;
          run.y0 = op->y + ink.y / (double) PANGO_SCALE;
          run.x1 = run.x0 + ink.width / (double) PANGO_SCALE;
          run.y1 = run.y0 + ink.height / (double) PANGO_SCALE;
          run.text = snippet (text + line->start_index, line->length);
          g_ptr_array_add (runs->texts, (char *) run.text);
          {
            const ImpactBox *box = innermost_box (layout, page, (run.x0 + run.x1) / 2, (run.y0 + run.y1) / 2);
            char name[64];

            run.where = box ? g_strdup (box_name (box, name)) : NULL;
            if (run.where)
              g_ptr_array_add (runs->texts, (char *) run.where);
          }
          g_array_append_val (runs->runs, run);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
}

static void
runs_clear (Runs *runs)
{
  g_clear_pointer (&runs->runs, g_array_unref);
  g_clear_pointer (&runs->texts, g_ptr_array_unref);
}

static const char *
box_name (const ImpactBox *box,
          char             buffer[64])
{
  if (box->item < 0)
    g_snprintf (buffer, 64, "%s", impact_section_to_string (box->section));
  else
    g_snprintf (buffer, 64, "%s[%d]", impact_section_to_string (box->section), box->item);
  return buffer;
}

/* The smallest box of @page that contains x, y; NULL when none */
static const ImpactBox *
innermost_box (ImpactSheetLayout *layout,
               guint              page,
               double             x,
               double             y)
{
  const ImpactBox *best = NULL;

  for (guint i = 0; i < impact_sheet_layout_get_n_boxes (layout, page); i++)
    {
      const ImpactBox *box = impact_sheet_layout_get_box (layout, page, i);

      if (x < box->x || x > box->x + box->width || y < box->y || y > box->y + box->height)
        continue;
      if (best == NULL || box->width * box->height < best->width * best->height)
        best = box;
    }
  return best;
}

/* (a) no two lines of different texts overlap */
static void
find_overlaps (GArray   *runs,
               guint     page,
               Findings *f)
{
  for (guint i = 0; i < runs->len; i++)
    {
      const Run *a = &g_array_index (runs, Run, i);

      for (guint j = i + 1; j < runs->len; j++)
        {
          const Run *b = &g_array_index (runs, Run, j);
          double ow = MIN (a->x1, b->x1) - MAX (a->x0, b->x0);
          double oh = MIN (a->y1, b->y1) - MAX (a->y0, b->y0);

          if (a->op == b->op || ow <= TOL_OVERLAP || oh <= TOL_OVERLAP)
            continue;
          add_finding (f, KIND_OVERLAP, "p%u: %s «%s» × %s «%s» (%.1f × %.1f pt at %.0f, %.0f)",
                       page + 1, a->where ? a->where : "-", a->text, b->where ? b->where : "-", b->text,
                       ow, oh, MAX (a->x0, b->x0), MAX (a->y0, b->y0));
        }
    }
}

/* Guarantees (a), (b) on one page; returns TRUE when something of the page
 * lies outside its box or the page */
static gboolean
check_page (ImpactSheetLayout *layout,
            guint              page,
            Findings          *f)
{
  Runs runs;
  double width, height;
  gboolean cut = FALSE;

  impact_sheet_layout_get_page_extent (layout, &width, &height);
  collect_runs (layout, page, &runs);

  find_overlaps (runs.runs, page, f);

  /* (b) inside the page, clear of the trim */
  for (guint i = 0; i < runs.runs->len; i++)
    {
      const Run *r = &g_array_index (runs.runs, Run, i);

      if (r->x0 < SAFE_ZONE - TOL_BOX || r->y0 < SAFE_ZONE - TOL_BOX ||
          r->x1 > width - SAFE_ZONE + TOL_BOX || r->y1 > height - SAFE_ZONE + TOL_BOX)
        {
          add_finding (f, KIND_PAGE, "p%u: «%s» at %.1f, %.1f – %.1f, %.1f %s (page %.0f × %.0f, %.0f pt safe zone)",
                       page + 1, r->text, r->x0, r->y0, r->x1, r->y1,
                       r->x0 < 0 || r->y0 < 0 || r->x1 > width || r->y1 > height ?
                         "falls off the page" : "is in the safe zone",
                       width, height, SAFE_ZONE);
          cut = TRUE;
        }
    }

  /* (b) inside the box it belongs to */
  for (guint i = 0; i < impact_sheet_layout_get_n_ops (layout, page); i++)
    {
      const ImpactOp *op = impact_sheet_layout_get_op (layout, page, i);
      const ImpactBox *box;
      double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
      double ax = 0, ay = 0;
      const char *first = NULL;
      char name[64];

      if (op->kind != IMPACT_OP_TEXT || op->layout == NULL || is_ornament (op))
        continue;
      for (guint k = 0; k < runs.runs->len; k++)
        {
          const Run *r = &g_array_index (runs.runs, Run, k);

          if (r->op != i)
            continue;
          if (first == NULL)
            {
              first = r->text;
              ax = (r->x0 + r->x1) / 2;
              ay = (r->y0 + r->y1) / 2;
            }
          x0 = MIN (x0, r->x0);
          y0 = MIN (y0, r->y0);
          x1 = MAX (x1, r->x1);
          y1 = MAX (y1, r->y1);
        }
      if (first == NULL)
        continue;
      /* an ellipsis or a height limit hides the rest of the text */
      if (pango_layout_is_ellipsized (op->layout))
        {
          add_finding (f, KIND_BOX, "p%u: «%s» is cut short (ellipsized)", page + 1, first);
          cut = TRUE;
        }
      box = innermost_box (layout, page, ax, ay);
      if (box == NULL)
        {
          add_finding (f, KIND_BOX, "p%u: «%s» at %.0f, %.0f is in no box", page + 1, first, ax, ay);
          cut = TRUE;
          continue;
        }
      if (x0 < box->x - TOL_BOX || y0 < box->y - TOL_BOX ||
          x1 > box->x + box->width + TOL_BOX || y1 > box->y + box->height + TOL_BOX)
        {
          double over = MAX (MAX (box->x - x0, box->y - y0),
                             MAX (x1 - box->x - box->width, y1 - box->y - box->height));
          const char *side = over == box->x - x0 ? "left" : over == box->y - y0 ? "top" :
                             over == x1 - box->x - box->width ? "right" : "bottom";

          add_finding (f, KIND_BOX, "p%u: «%s» crosses the %s edge of %s by %.1f pt",
                       page + 1, first, side, box_name (box, name), over);
          cut = TRUE;
        }
    }

  /* an editor's note on the handout */
  for (guint i = 0; i < runs.runs->len; i++)
    {
      const Run *r = &g_array_index (runs.runs, Run, i);

      if (strstr (r->text, " milestones shown") != NULL)
        add_finding (f, KIND_NOTE, "p%u: «%s» is printed", page + 1, r->text);
    }

  runs_clear (&runs);
  return cut;
}

/* A diagnostic accounts for @path when its path is @path, or @list (the
 * whole list), or starts with "@path." / "@path[" */
static gboolean
diagnosed (ImpactDiagnostics *diagnostics,
           const char        *list,
           const char        *path)
{
  for (guint i = 0; i < impact_diagnostics_get_n_items (diagnostics); i++)
    {
      const ImpactDiagnostic *d = impact_diagnostics_get_item (diagnostics, i);
      gsize n;

      if (d->path == NULL)
        continue;
      if (g_strcmp0 (d->path, list) == 0)
        return TRUE;
      n = strlen (path);
      if (strncmp (d->path, path, n) == 0 && (d->path[n] == '\0' || d->path[n] == '.' || d->path[n] == '['))
        return TRUE;
    }
  return FALSE;
}

static void
check_item (ImpactSheetLayout *layout,
            ImpactDiagnostics *diagnostics,
            ImpactSection      section,
            int                item,
            const char        *list,
            const char        *text,
            Findings          *f)
{
  g_autofree char *path = item >= 0 ? g_strdup_printf ("%s[%d]", list, item) : g_strdup (list);
  g_autofree char *shown = snippet (text ? text : "", -1);

  if (impact_sheet_layout_find (layout, section, item, NULL, NULL))
    return;
  if (diagnosed (diagnostics, list, path))
    return;
  add_finding (f, KIND_DROPPED, "%s «%s» has no box and no diagnostic", path, shown);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

/* TRUE when some text op of the sheet contains @text (case folded: a
 * design may set it in capitals) */
static gboolean
text_on_sheet (ImpactSheetLayout *layout,
               const char        *text)
{
  g_autofree char *needle = g_utf8_casefold (text, -1);

  for (guint p = 0; p < impact_sheet_layout_get_n_pages (layout); p++)
    for (guint i = 0; i < impact_sheet_layout_get_n_ops (layout, p); i++)
      {
        const ImpactOp *op = impact_sheet_layout_get_op (layout, p, i);
        g_autofree char *hay = NULL;

        if (op->kind != IMPACT_OP_TEXT || op->layout == NULL)
          continue;
        hay = g_utf8_casefold (pango_layout_get_text (op->layout), -1);
        if (strstr (hay, needle) != NULL)
          return TRUE;
      }
  return FALSE;
}

/* Guarantee (c) */
static void
check_dropped (ImpactSheetLayout *layout,
               ImpactDocument    *doc,
               ImpactDiagnostics *diagnostics,
               Findings          *f)
{
  GPtrArray *stats = impact_document_get_statistics (doc);
  GPtrArray *facts = impact_document_get_facts (doc);
  GPtrArray *pillars = impact_document_get_pillars (doc);
  GPtrArray *milestones = impact_document_get_milestones (doc);
  ImpactProblem *problem = impact_document_get_problem (doc);
  ImpactQuote *quote = impact_document_get_quote (doc);
  ImpactProfile *profile = impact_document_get_profile (doc);
  ImpactFooter *footer = impact_document_get_footer (doc);
  ImpactOrganisation *org = impact_document_get_organisation (doc);
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  guint n_source_boxes = 0;

  check_item (layout, diagnostics, IMPACT_SECTION_HEADER, -1, "office", impact_document_get_office (doc), f);
  for (guint i = 0; i < stats->len; i++)
    {
      const ImpactStatistic *s = g_ptr_array_index (stats, i);

      check_item (layout, diagnostics, IMPACT_SECTION_STATISTICS, i, "statistics", s->label, f);
      if (s->source)
        g_ptr_array_add (sources, s->source);
    }
  for (guint i = 0; i < facts->len; i++)
    {
      const ImpactFact *fact = g_ptr_array_index (facts, i);

      check_item (layout, diagnostics, IMPACT_SECTION_FACTS, i, "facts", fact->text, f);
      if (fact->source)
        g_ptr_array_add (sources, fact->source);
    }
  for (guint i = 0; i < pillars->len; i++)
    check_item (layout, diagnostics, IMPACT_SECTION_APPROACH, i, "approach",
                ((const ImpactPillar *) g_ptr_array_index (pillars, i))->lead, f);
  for (guint i = 0; i < milestones->len; i++)
    check_item (layout, diagnostics, IMPACT_SECTION_MILESTONES, i, "milestones",
                ((const ImpactMilestone *) g_ptr_array_index (milestones, i))->title, f);
  if (problem && (has_text (problem->heading) || has_text (problem->body)))
    check_item (layout, diagnostics, IMPACT_SECTION_PROBLEM, -1, "problem",
                has_text (problem->heading) ? problem->heading : problem->body, f);
  if (quote && has_text (quote->text))
    check_item (layout, diagnostics, IMPACT_SECTION_QUOTE, -1, "quote", quote->text, f);
  if (profile && has_text (profile->name))
    check_item (layout, diagnostics, IMPACT_SECTION_PROFILE, -1, "profile", profile->name, f);
  if ((org->address && org->address[0]) || has_text (org->phone) || has_text (org->fax) ||
      has_text (org->email) || has_text (org->website))
    check_item (layout, diagnostics, IMPACT_SECTION_CONTACT, -1, "organisation", org->name, f);
  if (footer && (has_text (footer->about) || has_text (footer->disclaimer) || has_text (footer->copyright)))
    check_item (layout, diagnostics, IMPACT_SECTION_FOOTER, -1, "footer",
                has_text (footer->about) ? footer->about : has_text (footer->disclaimer) ?
                  footer->disclaimer : footer->copyright, f);

  /* eras have no box of their own: an era is on the sheet when its title
   * is the text (or part of a text) of some op */
  {
    GPtrArray *eras = impact_document_get_eras (doc);

    for (guint i = 0; i < eras->len; i++)
      {
        const ImpactEra *era = g_ptr_array_index (eras, i);
        g_autofree char *path = g_strdup_printf ("eras[%u]", i);
        g_autofree char *shown = snippet (era->title, -1);

        if (!text_on_sheet (layout, era->title) && !diagnosed (diagnostics, "eras", path))
          add_finding (f, KIND_DROPPED, "%s «%s» is not on the sheet and has no diagnostic", path, shown);
      }
  }

  /* every distinct source is listed once */
  {
    guint distinct = 0;

    for (guint i = 0; i < sources->len; i++)
      {
        gboolean seen = FALSE;

        for (guint j = 0; j < i && !seen; j++)
          seen = impact_source_equal (g_ptr_array_index (sources, i), g_ptr_array_index (sources, j));
        if (!seen)
          distinct++;
      }
    for (guint p = 0; p < impact_sheet_layout_get_n_pages (layout); p++)
      for (guint i = 0; i < impact_sheet_layout_get_n_boxes (layout, p); i++)
        {
          const ImpactBox *box = impact_sheet_layout_get_box (layout, p, i);

          if (box->section == IMPACT_SECTION_SOURCES && box->item >= 0)
            n_source_boxes++;
        }
    if (n_source_boxes != distinct && !diagnosed (diagnostics, "sources", "sources"))
      add_finding (f, KIND_DROPPED, "sources: %u distinct sources, %u listed, no diagnostic",
                   distinct, n_source_boxes);
  }
}

static gboolean
mentions_overflow (ImpactDiagnostics *diagnostics)
{
  for (guint i = 0; i < impact_diagnostics_get_n_items (diagnostics); i++)
    if (strstr (impact_diagnostics_get_item (diagnostics, i)->message, "overflow") != NULL)
      return TRUE;
  return FALSE;
}

static void
count_items (ImpactSheetLayout *layout,
             guint             *items,
             gboolean          *present)
{
  memset (items, 0, IMPACT_N_SECTIONS * sizeof *items);
  memset (present, 0, IMPACT_N_SECTIONS * sizeof *present);
  for (guint p = 0; p < impact_sheet_layout_get_n_pages (layout); p++)
    for (guint i = 0; i < impact_sheet_layout_get_n_boxes (layout, p); i++)
      {
        const ImpactBox *box = impact_sheet_layout_get_box (layout, p, i);

        if (box->overflow)
          continue;
        present[box->section] = TRUE;
        items[box->section] += box->item >= 0;
      }
}

/* Auto chose one page: it shows every section and as many of each one's
 * items as the front and the back would */
static void
check_one_page_cuts_nothing (ImpactDocument    *doc,
                             ImpactTheme       *theme,
                             ImpactPageSize     size,
                             ImpactSheetLayout *one,
                             Findings          *f)
{
  g_autofree char *pages = g_strdup (impact_document_get_pages (doc));
  g_autoptr(ImpactSheetLayout) two = NULL;
  guint items_one[IMPACT_N_SECTIONS], items_two[IMPACT_N_SECTIONS];
  gboolean present_one[IMPACT_N_SECTIONS], present_two[IMPACT_N_SECTIONS];

  impact_document_set_pages (doc, "2");
  two = impact_sheet_layout_new (doc, theme, size, NULL);
  impact_document_set_pages (doc, pages);
  count_items (one, items_one, present_one);
  count_items (two, items_two, present_two);
  if (impact_sheet_layout_get_fit_scale (one, 0) < 1.0)
    add_finding (f, KIND_DROPPED, "auto chose one page with text reduced to %.0f %%",
                 impact_sheet_layout_get_fit_scale (one, 0) * 100);
  for (guint s = 0; s < IMPACT_N_SECTIONS; s++)
    if (items_one[s] < items_two[s] || (present_two[s] && !present_one[s]))
      add_finding (f, KIND_DROPPED, "auto chose one page, which shows %u items of %s; two pages show %u",
                   items_one[s], impact_section_to_string (s), items_two[s]);
}

/* Lays @doc out and checks guarantees (a) to (d); returns TRUE when the
 * layout refused it (an error diagnostic). */
static gboolean
check_layout (ImpactDocument *doc,
              const char     *template_name,
              ImpactPageSize  size,
              Findings       *f)
{
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc), template_name, NULL);
  g_autoptr(ImpactSheetLayout) layout = impact_sheet_layout_new (doc, theme, size, diagnostics);
  gboolean refused = impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_ERROR) > 0;
  guint n_pages = impact_sheet_layout_get_n_pages (layout);

  /* what the sheet's design leaves out (the timeline's choice, eras) is
   * said by impact_sheet_layout_report_omissions(), which validate and the
   * window call through preflight, not by every export */
  impact_sheet_layout_report_omissions (layout, diagnostics);

  g_assert_cmpuint (n_pages, >, 0);
  for (guint p = 0; p < n_pages; p++)
    {
      gboolean cut = check_page (layout, p, f);
      double scale = impact_sheet_layout_get_fit_scale (layout, p);

      if (!refused && scale <= MIN_FIT_SCALE + 0.005 && (cut || mentions_overflow (diagnostics)))
        add_finding (f, KIND_OVERFLOW, "p%u: fit scale %.2f and content cut, but no error diagnostic",
                     p + 1, scale);
    }
  if (!refused)
    check_dropped (layout, doc, diagnostics, f);
  if (!refused && n_pages == 1 && g_strcmp0 (impact_document_get_pages (doc), "1") != 0)
    check_one_page_cuts_nothing (doc, theme, size, layout, f);
  /* content dropped on a page at the minimum size is an overflow too */
  if (!refused && f->kinds[KIND_DROPPED] && !f->kinds[KIND_OVERFLOW])
    for (guint p = 0; p < n_pages; p++)
      if (impact_sheet_layout_get_fit_scale (layout, p) <= MIN_FIT_SCALE + 0.005)
        {
          add_finding (f, KIND_OVERFLOW, "p%u: fit scale %.2f and items dropped, but no error diagnostic",
                       p + 1, impact_sheet_layout_get_fit_scale (layout, p));
          break;
        }
  return refused;
}

/* PDF read-back */

typedef struct
{
  double x0, y0, x1, y1;
  char  *text;
} Word;

static void
word_clear (gpointer data)
{
  g_free (((Word *) data)->text);
}

static double
attribute (const char *line,
           const char *name)
{
  const char *p = strstr (line, name);

  if (p == NULL)
    return NAN;
  p += strlen (name);
  if (*p++ != '=' || *p++ != '"')
    return NAN;
  return g_ascii_strtod (p, NULL);
}

/* poppler's word box runs from the font's ascent to its descent, more than
 * the leading of tight headings and big figures; the band of the letters'
 * bodies (the middle two fifths; Devanagari fonts have a tall ascent and
 * descent) is what must not touch another word */
static double
core_top (const Word *w)
{
  return w->y0 + 0.3 * (w->y1 - w->y0);
}

static double
core_bottom (const Word *w)
{
  return w->y1 - 0.3 * (w->y1 - w->y0);
}

/* Arabic, Bengali, Devanagari: letters join, and poppler may cut a word
 * into pieces */
static gboolean
joined_script (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    switch (g_unichar_get_script (g_utf8_get_char (p)))
      {
      case G_UNICODE_SCRIPT_ARABIC:
      case G_UNICODE_SCRIPT_BENGALI:
      case G_UNICODE_SCRIPT_DEVANAGARI:
        return TRUE;
      default:
        break;
      }
  return FALSE;
}

/* The words of `pdftotext -bbox` output, page by page; returns the number
 * of pages */
static guint
check_pdf_words (const char *out,
                 Findings   *f)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (Word));
  double width = 0, height = 0;
  guint page = 0;

  g_array_set_clear_func (words, word_clear);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (g_str_has_prefix (line, "<page "))
        {
          page++;
          width = attribute (line, "width");
          height = attribute (line, "height");
          g_array_set_size (words, 0);
        }
      else if (g_str_has_prefix (line, "<word "))
        {
          const char *start = strchr (line, '>');
          const char *end = g_strrstr (line, "</word>");
          Word w;

          w.x0 = attribute (line, "xMin");
          w.y0 = attribute (line, "yMin");
          w.x1 = attribute (line, "xMax");
          w.y1 = attribute (line, "yMax");
          w.text = start && end && end > start ? g_strndup (start + 1, end - start - 1) : g_strdup ("");
          /* the ornamental opening quotation mark */
          if (g_strcmp0 (w.text, "“") == 0 || g_strcmp0 (w.text, "&quot;") == 0)
            {
              g_free (w.text);
              continue;
            }
          if (w.x0 < -TOL_BOX || w.y0 < -TOL_BOX || w.x1 > width + TOL_BOX || w.y1 > height + TOL_BOX)
            add_finding (f, KIND_PDF_PAGE, "pdf p%u: «%s» at %.1f, %.1f – %.1f, %.1f is off the page",
                         page, w.text, w.x0, w.y0, w.x1, w.y1);
          for (guint k = 0; k < words->len; k++)
            {
              const Word *o = &g_array_index (words, Word, k);
              double ow = MIN (w.x1, o->x1) - MAX (w.x0, o->x0);
              double oh = MIN (core_bottom (&w), core_bottom (o)) - MAX (core_top (&w), core_top (o));

              /* poppler splits joined scripts (Arabic, Devanagari) into
               * pieces whose boxes overlap a little on their line */
              gboolean same_line = fabs (w.y0 - o->y0) < 0.01 && fabs (w.y1 - o->y1) < 0.01;

              if (same_line && (joined_script (w.text) || joined_script (o->text)) &&
                  ow < 0.3 * MIN (w.x1 - w.x0, o->x1 - o->x0))
                continue;
              if (ow > 1.0 && oh > TOL_OVERLAP)
                add_finding (f, KIND_PDF_OVERLAP, "pdf p%u: «%s» × «%s» (%.1f × %.1f pt)",
                             page, o->text, w.text, ow, oh);
            }
          g_array_append_val (words, w);
        }
    }
  return page;
}

static void
check_pdf (const char *pdf,
           Findings   *f)
{
  const char *argv[] = { "pdftotext", "-bbox", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = impact_test_run (argv, &out, &err);

  if (status != 0)
    g_error ("pdftotext failed (%d): %s", status, err);
  g_assert_cmpuint (check_pdf_words (out, f), >, 0);
}

static void
export_and_check_pdf (ImpactDocument *doc,
                      const char     *template_name,
                      ImpactPageSize  size,
                      const char     *dir,
                      Findings       *f)
{
  g_autofree char *path = g_build_filename (dir, "sheet.pdf", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  ImpactExportOptions options;

  impact_export_options_init (&options);
  options.format = IMPACT_EXPORT_FORMAT_PDF;
  options.page_size = size;
  options.template_name = template_name;
  if (!impact_export_document (doc, &options, out, NULL, diagnostics, NULL, &error))
    {
      /* a refused document: the defined outcome of too much content */
      g_assert_cmpuint (impact_diagnostics_count (diagnostics, IMPACT_SEVERITY_ERROR), >, 0);
      return;
    }
  check_pdf (path, f);
  g_unlink (path);
}

/* The checks themselves find what they are for */

static void
add_run (GArray     *runs,
         guint       op,
         const char *text,
         double      x0,
         double      y0,
         double      x1,
         double      y1)
{
  Run run = { op, text, x0, y0, x1, y1, NULL };

  g_array_append_val (runs, run);
}

static void
test_checker_overlap (void)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  Findings f;

  /* two lines of one paragraph, touching; a text below, clear of them */
  add_run (runs, 0, "first line", 10, 10, 200, 20);
  add_run (runs, 0, "second line", 10, 19, 200, 29);
  add_run (runs, 1, "below", 10, 29.4, 100, 40);
  findings_init (&f);
  find_overlaps (runs, 0, &f);
  g_assert_cmpuint (f.lines->len, ==, 0);

  /* a subtitle drawn on the title */
  add_run (runs, 2, "subtitle", 50, 35, 150, 45);
  find_overlaps (runs, 0, &f);
  g_assert_cmpuint (f.lines->len, ==, 1);
  g_assert_true (f.kinds[KIND_OVERLAP]);
  g_assert_nonnull (strstr (g_ptr_array_index (f.lines, 0), "- «below» × - «subtitle»"));
  findings_clear (&f);
}

static void
test_checker_pdf (void)
{
  static const char clean[] =
    "<page width=\"612.000000\" height=\"792.000000\">\n"
    /* a heading whose ascent-to-descent box reaches into the line below */
    "<word xMin=\"50\" yMin=\"100\" xMax=\"120\" yMax=\"160\">435</word>\n"
    "<word xMin=\"50\" yMin=\"152\" xMax=\"90\" yMax=\"161\">survivors</word>\n"
    /* an Arabic word cut in two by poppler, the pieces overlapping a little */
    "<word xMin=\"300\" yMin=\"50\" xMax=\"340\" yMax=\"90\">د</word>\n"
    "<word xMin=\"338\" yMin=\"50\" xMax=\"380\" yMax=\"90\">ر</word>\n"
    /* the ornamental quotation mark over the quote */
    "<word xMin=\"40\" yMin=\"400\" xMax=\"80\" yMax=\"460\">“</word>\n"
    "<word xMin=\"50\" yMin=\"420\" xMax=\"200\" yMax=\"432\">We</word>\n"
    "</page>\n";
  static const char broken[] =
    "<page width=\"612.000000\" height=\"792.000000\">\n"
    "<word xMin=\"45\" yMin=\"192\" xMax=\"145\" yMax=\"224\">8,449,613</word>\n"
    "<word xMin=\"135\" yMin=\"192\" xMax=\"173\" yMax=\"224\">78+</word>\n"
    "<word xMin=\"145\" yMin=\"780\" xMax=\"180\" yMax=\"800\">SAJI</word>\n"
    "</page>\n";
  Findings f;

  findings_init (&f);
  g_assert_cmpuint (check_pdf_words (clean, &f), ==, 1);
  for (guint i = 0; i < f.lines->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (f.lines, i));
  g_assert_cmpuint (f.lines->len, ==, 0);
  g_assert_cmpuint (check_pdf_words (broken, &f), ==, 1);
  g_assert_cmpuint (f.lines->len, ==, 2);
  g_assert_true (f.kinds[KIND_PDF_OVERLAP]);
  g_assert_true (f.kinds[KIND_PDF_PAGE]);
  findings_clear (&f);
}

/* Generated documents */

static guint
property_count (void)
{
  const char *env = g_getenv ("IMPACT_PROPERTY_COUNT");

  return env && *env ? (guint) g_ascii_strtoull (env, NULL, 10) : DEFAULT_COUNT;
}

static guint32
property_seed (void)
{
  const char *env = g_getenv ("IMPACT_PROPERTY_SEED");

  return env && *env ? (guint32) g_ascii_strtoull (env, NULL, 10) : 1;
}

static ImpactDocument *
load_generated (const char  *json,
                const char  *name,
                char       **out_problems)
{
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  ImpactDocument *doc = impact_json_loader_load_data (json, strlen (json), name, NULL, diagnostics, &error);

  *out_problems = NULL;
  if (doc == NULL || impact_diagnostics_get_n_items (diagnostics) > 0)
    {
      /* the error's message lists every error */
      g_autofree char *warnings = impact_diagnostics_to_string (diagnostics, IMPACT_SEVERITY_WARNING);

      *out_problems = g_strdup_printf ("%s%s%s", error ? error->message : "",
                                       warnings ? "\n" : "", warnings ? warnings : "");
    }
  return doc;
}

/* Every generated document is valid: no error and no warning */
static void
test_generator_valid (void)
{
  guint count = property_count ();
  guint32 seed = property_seed ();
  guint n_bad = 0;
  guint totals[4] = { 0 };

  for (guint i = 0; i < count; i++)
    {
      ImpactDocGenInfo info;
      g_autofree char *json = impact_doc_gen_generate (seed + i, &info);
      g_autofree char *name = g_strdup_printf ("seed-%u", seed + i);
      g_autofree char *problems = NULL;
      g_autoptr(ImpactDocument) doc = load_generated (json, name, &problems);
      g_autofree char *again = impact_doc_gen_generate (seed + i, NULL);

      /* the same seed, the same document */
      g_assert_cmpstr (json, ==, again);
      if (problems != NULL)
        {
          g_test_message ("%s does not load cleanly:\n%s\n%s", name, problems, json);
          n_bad++;
          continue;
        }
      g_assert_cmpuint (impact_document_get_statistics (doc)->len, ==, info.n_statistics);
      g_assert_cmpuint (impact_document_get_facts (doc)->len, ==, info.n_facts);
      g_assert_cmpuint (impact_document_get_pillars (doc)->len, ==, info.n_pillars);
      g_assert_cmpuint (impact_document_get_milestones (doc)->len, ==, info.n_milestones);
      totals[0] += info.n_statistics;
      totals[1] += info.n_facts;
      totals[2] += info.n_pillars;
      totals[3] += info.n_milestones;
    }
  g_test_message ("%u documents: %u statistics, %u facts, %u pillars, %u milestones",
                  count, totals[0], totals[1], totals[2], totals[3]);
  g_assert_cmpuint (n_bad, ==, 0);
}

/* The generator covers what it promises: every language, both templates and
 * page sizes, the extreme counts */
static void
test_generator_coverage (void)
{
  static const char * const langs[] = { "en", "es", "fr", "bn", "ar", "hi" };
  gboolean seen_lang[G_N_ELEMENTS (langs)] = { FALSE };
  gboolean seen_bold = FALSE, seen_classic = FALSE, seen_a4 = FALSE, seen_letter = FALSE;
  gboolean seen_1 = FALSE, seen_6 = FALSE, seen_no_facts = FALSE, seen_8 = FALSE;
  gboolean seen_many = FALSE, seen_eras = FALSE, seen_sparse = FALSE;

  for (guint32 seed = 1; seed <= 300; seed++)
    {
      ImpactDocGenInfo info;
      g_autofree char *json = impact_doc_gen_generate (seed, &info);

      for (guint k = 0; k < G_N_ELEMENTS (langs); k++)
        seen_lang[k] |= g_strcmp0 (info.language, langs[k]) == 0;
      seen_bold |= g_strcmp0 (info.template_name, "bold") == 0;
      seen_classic |= g_strcmp0 (info.template_name, "classic") == 0;
      seen_a4 |= info.page_size == IMPACT_PAGE_SIZE_A4;
      seen_letter |= info.page_size == IMPACT_PAGE_SIZE_LETTER;
      seen_1 |= info.n_statistics == 1;
      seen_6 |= info.n_statistics == 6;
      seen_no_facts |= info.n_facts == 0;
      seen_8 |= info.n_facts == 8;
      seen_many |= info.n_milestones >= 40;
      seen_eras |= info.n_eras > 0;
      seen_sparse |= info.n_facts == 0 && info.n_pillars == 0 && info.n_milestones == 0;
    }
  for (guint k = 0; k < G_N_ELEMENTS (langs); k++)
    if (!seen_lang[k])
      g_error ("no document in %s", langs[k]);
  g_assert_true (seen_bold && seen_classic && seen_a4 && seen_letter);
  g_assert_true (seen_1 && seen_6 && seen_no_facts && seen_8);
  g_assert_true (seen_many && seen_eras && seen_sparse);
}

static void
test_layout_guarantees (void)
{
  guint count = property_count ();
  guint32 seed = property_seed ();
  Summary summary;

  summary_init (&summary);
  for (guint i = 0; i < count; i++)
    {
      ImpactDocGenInfo info;
      g_autofree char *json = impact_doc_gen_generate (seed + i, &info);
      g_autofree char *name = g_strdup_printf ("seed-%u", seed + i);
      g_autofree char *description = impact_doc_gen_describe (&info);
      g_autofree char *problems = NULL;
      g_autoptr(ImpactDocument) doc = load_generated (json, name, &problems);
      Findings f;
      gboolean refused;

      g_assert_nonnull (doc);
      findings_init (&f);
      refused = check_layout (doc, NULL, info.page_size, &f);
      summary_add (&summary, &f, name, description, json, refused);
      findings_clear (&f);
    }
  summary_finish (&summary, "generated documents");
  summary_clear (&summary);
}

static void
test_pdf_readback (void)
{
  guint count = property_count ();
  guint32 seed = property_seed ();
  g_autofree char *dir = impact_test_make_tmpdir ();
  Summary summary;

  if (!impact_test_have_program ("pdftotext"))
    {
      if (g_getenv ("CI"))
        g_error ("pdftotext is missing: the set-up command installs poppler-utils");
      g_test_skip ("pdftotext not installed");
      return;
    }
  summary_init (&summary);
  for (guint i = 0; i < count; i += PDF_EVERY)
    {
      ImpactDocGenInfo info;
      g_autofree char *json = impact_doc_gen_generate (seed + i, &info);
      g_autofree char *name = g_strdup_printf ("seed-%u", seed + i);
      g_autofree char *description = impact_doc_gen_describe (&info);
      g_autofree char *problems = NULL;
      g_autoptr(ImpactDocument) doc = load_generated (json, name, &problems);
      Findings f;

      g_assert_nonnull (doc);
      findings_init (&f);
      export_and_check_pdf (doc, NULL, info.page_size, dir, &f);
      summary_add (&summary, &f, name, description, json, FALSE);
      findings_clear (&f);
    }
  summary_finish (&summary, "generated PDFs");
  summary_clear (&summary);
}

/* Fixtures and examples, in both templates and on both page sizes */

static GPtrArray *
fixture_paths (void)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = impact_test_data_path ("data/layout");
  g_autoptr(GPtrArray) names = impact_test_json_names (dir);

  g_ptr_array_add (paths, impact_test_example_path ("kolkata.json"));
  g_ptr_array_add (paths, impact_test_example_path ("kolkata-bn.json"));
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (paths, g_build_filename (dir, g_ptr_array_index (names, i), NULL));
  return paths;
}

static void
test_fixtures (void)
{
  static const char * const templates[] = { "classic", "bold" };
  static const ImpactPageSize sizes[] = { IMPACT_PAGE_SIZE_LETTER, IMPACT_PAGE_SIZE_A4 };
  g_autoptr(GPtrArray) paths = fixture_paths ();
  g_autofree char *dir = impact_test_make_tmpdir ();
  gboolean pdf = impact_test_have_program ("pdftotext");
  Summary summary;

  summary_init (&summary);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(ImpactDiagnostics) load_diags = impact_diagnostics_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, load_diags, NULL, &error);
      g_autofree char *base = g_path_get_basename (path);

      g_assert_no_error (error);
      if (impact_diagnostics_get_n_items (load_diags) > 0)
        g_error ("%s loads with warnings:\n%s", base,
                 impact_diagnostics_to_string (load_diags, IMPACT_SEVERITY_WARNING));
      for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          {
            g_autofree char *name = g_strdup_printf ("%s/%s/%s", base, templates[t],
                                                     impact_page_size_to_string (sizes[s]));
            Findings f;
            gboolean refused;

            findings_init (&f);
            refused = check_layout (doc, templates[t], sizes[s], &f);
            if (pdf)
              export_and_check_pdf (doc, templates[t], sizes[s], dir, &f);
            summary_add (&summary, &f, name, name, NULL, refused);
            findings_clear (&f);
          }
    }
  summary_finish (&summary, "fixture sheets");
  summary_clear (&summary);
}

/* The layout logs every fit attempt at debug level, which the test
 * framework would print: thousands of lines around the findings */
static void
log_handler (const char     *domain,
             GLogLevelFlags  level,
             const char     *message,
             gpointer        data)
{
  if ((level & G_LOG_LEVEL_DEBUG) == 0)
    g_log_default_handler (domain, level, message, data);
}

int
main (int   argc,
      char *argv[])
{
  /* the texts of the violations are printed in UTF-8 */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_log_set_default_handler (log_handler, NULL);
  g_test_add_func ("/layout-properties/generator/valid", test_generator_valid);
  g_test_add_func ("/layout-properties/generator/coverage", test_generator_coverage);
  g_test_add_func ("/layout-properties/checker/overlap", test_checker_overlap);
  g_test_add_func ("/layout-properties/checker/pdf", test_checker_pdf);
  g_test_add_func ("/layout-properties/guarantees", test_layout_guarantees);
  g_test_add_func ("/layout-properties/pdf", test_pdf_readback);
  g_test_add_func ("/layout-properties/fixtures", test_fixtures);
  return g_test_run ();
}
