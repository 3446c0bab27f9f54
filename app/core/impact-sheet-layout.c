/* impact-sheet-layout.c: the sheet layout driver
 *
 * A sheet is laid out by following its design's page flow: the sections
 * of each page (sections/), top to bottom, with the design's values
 * (designs/), between the header at the top and the part anchored to the
 * foot (the sources, the footer band). This file drives it: the page
 * flow, the bounded fit (when the flow does not fit, body text shrinks in
 * small steps down to IMPACT_MIN_FIT_SCALE before the layout reports an
 * overflow that names the section and how much is missing) and the
 * right-to-left mirroring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-sheet-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sections/impact-sections.h"
#include "impact-direction.h"

struct _ImpactSheetLayout
{
  GObject         parent_instance;

  ImpactDocument *document;
  ImpactTheme    *theme;
  ImpactPageSize  page_size;
  double          width;
  double          height;
  GPtrArray      *pages;      /* of ImpactPageData* */
};

G_DEFINE_FINAL_TYPE (ImpactSheetLayout, impact_sheet_layout, G_TYPE_OBJECT)

typedef void (*PageFunc) (ImpactLayoutBuilder *b);

static double
op_bottom (const ImpactOp *op)
{
  switch (op->kind)
    {
    case IMPACT_OP_LINE:
      return MAX (op->y, op->y2);
    case IMPACT_OP_CIRCLE:
      return op->y + op->radius;
    case IMPACT_OP_POLYGON:
      {
        double bottom = -G_MAXDOUBLE;

        for (guint k = 0; k < op->n_points; k++)
          bottom = MAX (bottom, op->points[2 * k + 1]);
        return bottom;
      }
    case IMPACT_OP_TAG_BEGIN:
    case IMPACT_OP_TAG_END:
      return -G_MAXDOUBLE;
    default:
      return op->y + op->h;
    }
}

/* Takes off the page what a section that ran past the limit placed below
 * the first of its items that does not fit (a list keeps the rows that
 * fit; a single block goes altogether): texts and marks there go, the
 * panels and rules that reach there are cut short. The section's own box
 * goes too; the caller adds the overflow box. */
static void
cut_section (ImpactLayoutBuilder *b,
             guint                n_ops,
             guint                n_boxes,
             double               top)
{
  double cut = b->limit;
  guint i;

  for (i = n_boxes; i < b->page->boxes->len; i++)
    {
      const ImpactBox *box = &g_array_index (b->page->boxes, ImpactBox, i);

      if (box->item >= 0 && box->y + box->height > b->limit + 0.01)
        cut = MIN (cut, box->y);
    }
  /* no item boxes: nothing of it fits */
  if (cut >= b->limit)
    {
      gboolean items = FALSE;

      for (i = n_boxes; i < b->page->boxes->len; i++)
        items |= g_array_index (b->page->boxes, ImpactBox, i).item >= 0;
      if (!items)
        cut = top;
    }
  for (i = n_ops; i < b->page->ops->len;)
    {
      ImpactOp *op = &g_array_index (b->page->ops, ImpactOp, i);

      if (op_bottom (op) <= cut + 0.01)
        {
          i++;
          continue;
        }
      if (op->kind == IMPACT_OP_RECT && op->y < cut - 0.5)
        {
          op->h = cut - op->y;
          i++;
        }
      else if (op->kind == IMPACT_OP_LINE && MIN (op->y, op->y2) < cut - 0.5)
        {
          if (op->y2 > op->y)
            op->y2 = cut;
          else
            op->y = cut;
          i++;
        }
      else
        g_array_remove_index (b->page->ops, i);
    }
  for (i = n_boxes; i < b->page->boxes->len;)
    {
      const ImpactBox *box = &g_array_index (b->page->boxes, ImpactBox, i);

      if (box->item < 0 || box->y + box->height > cut + 0.01)
        g_array_remove_index (b->page->boxes, i);
      else
        i++;
    }
}

/* Places the sections of @flow one below the other from @y; returns the
 * bottom. The flow never draws past its limit: a section that runs past
 * it is taken off the page again (its box stays, marked as overflowing,
 * for the preview to show like overset text), and so is every section
 * after it; the attempt records what went over and by how much. */
static double
place_flow (ImpactLayoutBuilder   *b,
            const ImpactFlowEntry *flow,
            double                 y)
{
  gboolean over = FALSE;

  for (guint i = 0; i < IMPACT_DESIGN_MAX_FLOW && flow[i].section < IMPACT_N_SECTIONS; i++)
    {
      const ImpactSectionInfo *info = impact_sections_get (flow[i].section);
      guint n_ops = b->page->ops->len, n_boxes = b->page->boxes->len;
      double top = y + flow[i].gap + flow[i].scaled_gap * b->scale;
      double bottom;

      if (b->moved[flow[i].section])
        continue;
      if (over)
        {
          /* left off too, when it has anything to show: find out on a
           * scratch page */
          ImpactPageData *real = b->page;

          b->page = impact_page_data_new ();
          bottom = info->place (b, top);
          impact_page_data_free (b->page);
          b->page = real;
          if (bottom > top + 0.01)
            impact_builder_add_overflow_box (b, flow[i].section, top, top);
          continue;
        }
      bottom = info->place (b, top);
      if (bottom > b->limit + 0.01)
        {
          if (b->overflow_path == NULL)
            {
              b->overflow_path = g_strdup (info->json_path);
              b->overflow_amount = bottom - b->limit;
            }
          cut_section (b, n_ops, n_boxes, top);
          impact_builder_add_overflow_box (b, flow[i].section, top, bottom);
          over = TRUE;
          continue;
        }
      /* an absent section places nothing and takes no gap either */
      if (b->page->ops->len == n_ops && b->page->boxes->len == n_boxes && bottom <= top + 0.01)
        continue;
      y = bottom;
    }
  return y;
}

/* The statistics stand side by side, as many as the measure holds; the
 * others are said, on one page as on two. Returns how many are shown. */
static guint
statistics_shown (ImpactLayoutBuilder *b)
{
  GPtrArray *stats = impact_document_get_statistics (b->doc);
  guint shown = impact_section_statistics_shown (b);

  if (shown < stats->len && b->diagnostics != NULL)
    impact_diagnostics_add (b->diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, "statistics",
                            "%u statistics do not fit side by side; the sheet shows the first %u: "
                            "keep the few strongest figures",
                            stats->len, shown);
  return shown;
}

static void
layout_front (ImpactLayoutBuilder *b)
{
  impact_builder_number_sources (b, statistics_shown (b));
  b->limit = impact_section_sources_place (b, b->height - b->design->front_foot) - b->design->front_foot_gap;
  place_flow (b, b->design->front, 0);
}

/* The back's flow, with the sections rebalanced off the front placed
 * before its last section */
static void
back_flow (ImpactLayoutBuilder *b,
           ImpactFlowEntry     *flow)
{
  const ImpactFlowEntry *design = b->design->back;
  guint n = 0, k = 0;

  while (n < IMPACT_DESIGN_MAX_FLOW && design[n].section < IMPACT_N_SECTIONS)
    n++;
  for (guint i = 0; i < n; i++)
    {
      if (i == n - 1 || n == 0)
        for (guint s = 0; s < IMPACT_N_SECTIONS && k + 2 < IMPACT_DESIGN_MAX_FLOW; s++)
          if (b->moved[s])
            flow[k++] = (ImpactFlowEntry) { s, 0, 16 };
      flow[k++] = design[i];
    }
  flow[k] = (ImpactFlowEntry) IMPACT_FLOW_END;
}

static void
layout_back (ImpactLayoutBuilder *b)
{
  ImpactFlowEntry flow[IMPACT_DESIGN_MAX_FLOW + 1];
  gboolean moved[IMPACT_N_SECTIONS];

  back_flow (b, flow);
  b->limit = impact_section_footer_place (b, b->height) - b->design->back_foot_gap;
  /* the moved sections are placed here, not skipped */
  memcpy (moved, b->moved, sizeof moved);
  memset (b->moved, 0, sizeof b->moved);
  /* the back starts at the top edge when its band (the approach's) is there */
  place_flow (b, flow, b->design->back_from_edge && impact_document_get_pillars (b->doc)->len > 0
                       ? 0 : b->margin - 6);
  memcpy (b->moved, moved, sizeof moved);
}

/* Everything on one page: the front's flow, then the back's, above the
 * footer band with the sources over it */
static void
layout_single (ImpactLayoutBuilder *b)
{
  ImpactFlowEntry flow[2 * IMPACT_DESIGN_MAX_FLOW + 1];
  guint k = 0;
  double footer_top;

  impact_builder_number_sources (b, statistics_shown (b));
  footer_top = impact_section_footer_place (b, b->height);
  b->limit = impact_section_sources_place (b, footer_top - 18) - b->design->front_foot_gap;
  for (guint i = 0; i < IMPACT_DESIGN_MAX_FLOW && b->design->front[i].section < IMPACT_N_SECTIONS; i++)
    flow[k++] = b->design->front[i];
  for (guint i = 0; i < IMPACT_DESIGN_MAX_FLOW && b->design->back[i].section < IMPACT_N_SECTIONS; i++)
    {
      flow[k] = b->design->back[i];
      if (i == 0)
        flow[k].scaled_gap = 18;
      k++;
    }
  flow[k] = (ImpactFlowEntry) IMPACT_FLOW_END;
  place_flow (b, flow, 0);
}

/* A right-to-left sheet reads from the right: the page's grid is the
 * mirror image of the left-to-right one. The layout is built once, left
 * to right, and then every position is reflected about the page's middle.
 * Texts keep their shaping (Pango already sets an RTL paragraph flush to
 * the right of its box); only boxes move. */
static void
mirror_page (ImpactPageData *page,
             double          width)
{
  for (guint i = 0; i < page->ops->len; i++)
    {
      ImpactOp *op = &g_array_index (page->ops, ImpactOp, i);

      switch (op->kind)
        {
        case IMPACT_OP_RECT:
        case IMPACT_OP_ICON:
        case IMPACT_OP_IMAGE:
          op->x = width - op->x - op->w;
          break;
        case IMPACT_OP_LINE:
          op->x = width - op->x;
          op->x2 = width - op->x2;
          break;
        case IMPACT_OP_CIRCLE:
          op->x = width - op->x;
          break;
        case IMPACT_OP_POLYGON:
          for (guint k = 0; k < op->n_points; k++)
            op->points[2 * k] = width - op->points[2 * k];
          break;
        case IMPACT_OP_TEXT:
          {
            int wrap = pango_layout_get_width (op->layout);
            double box = wrap > 0 ? wrap / (double) PANGO_SCALE : op->w;

            op->x = width - op->x - box;
          }
          break;
        case IMPACT_OP_TAG_BEGIN:
        case IMPACT_OP_TAG_END:
        default:
          break;
        }
    }
  for (guint i = 0; i < page->boxes->len; i++)
    {
      ImpactBox *box = &g_array_index (page->boxes, ImpactBox, i);

      box->x = width - box->x - box->width;
    }
}

/* Lays a page out at one text scale; returns the page, or NULL with the
 * page freed when it overflows (unless @keep). Diagnostics go out only
 * from the one attempt per page that @reports, so none is said twice. */
static ImpactPageData *
attempt (ImpactLayoutBuilder *b,
         PageFunc             func,
         double               scale,
         gboolean             keep,
         ImpactDiagnostics   *reports)
{
  ImpactPageData *page = impact_page_data_new ();

  b->page = page;
  b->scale = scale;
  b->diagnostics = reports;
  g_clear_pointer (&b->overflow_path, g_free);
  b->overflow_amount = 0;
  b->cut_short = FALSE;
  g_clear_pointer (&b->longest_path, g_free);
  b->longest_height = 0;
  b->longest_chars = 0;
  impact_builder_begin_sources (b);
  func (b);
  impact_builder_end_sources (b);
  b->diagnostics = NULL;
  page->scale = scale;
  if (b->rtl)
    mirror_page (page, b->width);
  b->page = NULL;
  g_debug ("page at %.0f %%: %s overflows by %.1f pt", scale * 100,
           b->overflow_path ? b->overflow_path : "nothing", b->overflow_amount);
  if (b->overflow_path != NULL && !keep)
    {
      impact_page_data_free (page);
      return NULL;
    }
  return page;
}

/* Text first tries its full size, with as many rows of milestones as the
 * page holds (from @max_rows down to one); when the page still overflows,
 * the largest scale in [IMPACT_MIN_FIT_SCALE, 1) that fits is found by
 * bisection to the nearest IMPACT_FIT_STEP. Returns the page; *fits says
 * whether it fits (when not, it is laid out at the smallest scale, with
 * what does not fit left off and marked). */
static ImpactPageData *
layout_page_fitted (ImpactLayoutBuilder *b,
                    PageFunc             func,
                    guint                max_rows,
                    ImpactDiagnostics   *diagnostics,
                    gboolean            *fits)
{
  ImpactPageData *best;
  double lo = IMPACT_MIN_FIT_SCALE, hi = 1.0;

  *fits = TRUE;
  for (guint rows = max_rows; rows >= 1; rows--)
    {
      b->milestone_rows = rows;
      if ((best = attempt (b, func, 1.0, FALSE, rows == max_rows ? diagnostics : NULL)) != NULL)
        return best;
    }
  b->milestone_rows = 1;

  best = attempt (b, func, IMPACT_MIN_FIT_SCALE, TRUE, NULL);
  if (b->overflow_path != NULL)
    {
      *fits = FALSE;
      return best;
    }

  /* invariant: lo fits, hi does not */
  while (hi - lo > IMPACT_FIT_STEP + 1e-9)
    {
      double mid = round ((lo + hi) / 2 / 0.01) * 0.01;
      ImpactPageData *page;

      if (mid <= lo || mid >= hi)
        break;
      page = attempt (b, func, mid, FALSE, NULL);
      if (page != NULL)
        {
          impact_page_data_free (best);
          best = page;
          lo = mid;
        }
      else
        hi = mid;
    }
  b->scale = lo;
  return best;
}

static gboolean
has_quote (ImpactDocument *doc)
{
  ImpactQuote *quote = impact_document_get_quote (doc);

  return quote != NULL && quote->text != NULL && *quote->text != '\0';
}

/* A prose text of the document that may be shortened to make room */
typedef struct
{
  char          *path;    /* owned */
  char         **field;   /* in the document being measured */
  ImpactSection  section;
  guint          length;  /* in characters */
} Prose;

static void
prose_clear (gpointer data)
{
  g_free (((Prose *) data)->path);
}

static void
add_prose (GArray        *out,
           ImpactSection  section,
           char         **field,
           char          *path)
{
  Prose prose = { path, field, section, 0 };

  if (*field == NULL || **field == '\0')
    {
      g_free (path);
      return;
    }
  prose.length = g_utf8_strlen (*field, -1);
  g_array_append_val (out, prose);
}

/* The prose of @doc: the texts that run on, not headings or names */
static GArray *
collect_prose (ImpactDocument *doc)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Prose));
  ImpactQuote *quote = impact_document_get_quote (doc);
  ImpactProfile *profile = impact_document_get_profile (doc);
  GPtrArray *facts = impact_document_get_facts (doc);
  GPtrArray *pillars = impact_document_get_pillars (doc);
  GPtrArray *milestones = impact_document_get_milestones (doc);

  g_array_set_clear_func (out, prose_clear);
  add_prose (out, IMPACT_SECTION_PROBLEM, &impact_document_get_problem (doc)->body, g_strdup ("problem.body"));
  if (quote)
    add_prose (out, IMPACT_SECTION_QUOTE, &quote->text, g_strdup ("quote.text"));
  for (guint i = 0; i < facts->len; i++)
    add_prose (out, IMPACT_SECTION_FACTS, &((ImpactFact *) g_ptr_array_index (facts, i))->text,
               g_strdup_printf ("facts[%u].text", i));
  for (guint i = 0; i < pillars->len; i++)
    add_prose (out, IMPACT_SECTION_APPROACH, &((ImpactPillar *) g_ptr_array_index (pillars, i))->text,
               g_strdup_printf ("approach[%u].text", i));
  for (guint i = 0; i < milestones->len; i++)
    add_prose (out, IMPACT_SECTION_MILESTONES,
               &((ImpactMilestone *) g_ptr_array_index (milestones, i))->description,
               g_strdup_printf ("milestones[%u].description", i));
  if (profile)
    add_prose (out, IMPACT_SECTION_PROFILE, &profile->biography, g_strdup ("profile.biography"));
  add_prose (out, IMPACT_SECTION_FOOTER, &impact_document_get_footer (doc)->about, g_strdup ("footer.about"));
  return out;
}

/* The texts of the overflowing section (@data) first, then the longest */
static int
prose_compare (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const Prose *x = a, *y = b;
  ImpactSection overflow_section = GPOINTER_TO_UINT (data);
  gboolean xs = x->section == overflow_section, ys = y->section == overflow_section;

  if (xs != ys)
    return xs ? -1 : 1;
  return (int) y->length - (int) x->length;
}

/* Does the page fit at the smallest text with the last @cut characters of
 * each of @n texts of @prose from @first taken off? */
static gboolean
fits_with_cut (ImpactLayoutBuilder *b,
               PageFunc             func,
               GArray              *prose,
               guint                first,
               guint                n,
               guint                cut)
{
  g_autoptr(GPtrArray) originals = g_ptr_array_new ();
  ImpactPageData *page;

  for (guint i = first; i < first + n; i++)
    {
      const Prose *p = &g_array_index (prose, Prose, i);

      g_ptr_array_add (originals, *p->field);
      *p->field = g_utf8_substring (*p->field, 0, p->length - MIN (cut, p->length));
    }
  page = attempt (b, func, IMPACT_MIN_FIT_SCALE, FALSE, NULL);
  /* the front fits too when its quote, moved to the back, fits there */
  if (page == NULL && func == layout_front && has_quote (b->doc))
    {
      b->moved[IMPACT_SECTION_QUOTE] = TRUE;
      page = attempt (b, layout_front, IMPACT_MIN_FIT_SCALE, FALSE, NULL);
      if (page != NULL)
        {
          impact_page_data_free (page);
          page = attempt (b, layout_back, IMPACT_MIN_FIT_SCALE, FALSE, NULL);
        }
      b->moved[IMPACT_SECTION_QUOTE] = FALSE;
    }
  for (guint i = first; i < first + n; i++)
    {
      const Prose *p = &g_array_index (prose, Prose, i);

      g_free (*p->field);
      *p->field = g_ptr_array_index (originals, i - first);
    }
  if (page == NULL)
    return FALSE;
  impact_page_data_free (page);
  return TRUE;
}

/* The fewest characters (to the ten above, unless that takes all of
 * @max) to cut off each of @n texts from @first for the page to fit; 0
 * when cutting all of them does not make it fit */
static guint
search_cut (ImpactLayoutBuilder *b,
            PageFunc             func,
            GArray              *prose,
            guint                first,
            guint                n,
            guint                max)
{
  guint lo = 0, hi = max;

  if (!fits_with_cut (b, func, prose, first, n, hi))
    return 0;
  /* invariant: cutting lo does not fit, cutting hi does */
  while (hi - lo > 10)
    {
      guint mid = lo + (hi - lo) / 2;

      if (fits_with_cut (b, func, prose, first, n, mid))
        hi = mid;
      else
        lo = mid;
    }
  if ((hi + 9) / 10 * 10 < max && fits_with_cut (b, func, prose, first, n, (hi + 9) / 10 * 10))
    hi = (hi + 9) / 10 * 10;
  return MAX (hi, 1);
}

#define MAX_CUT_GROUP 64

/* How many characters to take off the end of a text for the page to fit
 * at the smallest text, measured by laying the page out again with the
 * text shortened; *path names the text and *length its length. Tries the
 * overflowing section's texts, then the page's longest; then each text of
 * the overflowing section at once (*group says how many: facts or pillars
 * of one row are as tall as the tallest). Returns 0 when no such cut makes
 * the page fit. */
static guint
measure_cut (ImpactLayoutBuilder *b,
             ImpactPageData      *page,
             PageFunc             func,
             char               **path,
             guint               *length,
             guint               *group)
{
  g_autoptr(ImpactDocument) copy = impact_document_copy (b->doc);
  g_autoptr(GArray) prose = collect_prose (copy);
  ImpactDocument *real = b->doc;
  gboolean on_page[IMPACT_N_SECTIONS] = { FALSE };
  ImpactSection overflow_section = IMPACT_N_SECTIONS;
  guint tried = 0, result = 0, n_group = 0, group_max = 0;

  for (guint i = 0; i < page->boxes->len; i++)
    on_page[g_array_index (page->boxes, ImpactBox, i).section] = TRUE;
  for (guint s = 0; s < IMPACT_N_SECTIONS; s++)
    if (g_str_has_prefix (b->overflow_path, impact_sections_get (s)->json_path))
      overflow_section = s;
  g_array_sort_with_data (prose, prose_compare, GUINT_TO_POINTER (overflow_section));
  /* (MAX evaluates its arguments twice: no n_group++ inside it) */
  for (; n_group < MIN (prose->len, MAX_CUT_GROUP) &&
         g_array_index (prose, Prose, n_group).section == overflow_section; n_group++)
    group_max = MAX (group_max, g_array_index (prose, Prose, n_group).length);
  *group = 1;

  b->doc = copy;
  b->milestone_rows = 1;
  for (guint i = 0; i < prose->len && tried < 3; i++)
    {
      const Prose *p = &g_array_index (prose, Prose, i);
      guint cut;

      if (!on_page[p->section])
        continue;
      tried++;
      cut = search_cut (b, func, prose, i, 1, p->length);
      /* a text that must go altogether is the answer only when no other
       * text can be shortened instead */
      if (cut > 0 && (result == 0 || (result == *length && cut < p->length)))
        {
          g_free (*path);
          *path = g_strdup (p->path);
          *length = p->length;
          result = cut;
        }
      if (result > 0 && result < *length)
        break;
    }
  if ((result == 0 || result == *length) && n_group > 1 && on_page[overflow_section])
    {
      guint cut = search_cut (b, func, prose, 0, n_group, group_max);

      if (cut > 0 && cut < group_max)
        {
          g_free (*path);
          *path = g_strdup (impact_sections_get (overflow_section)->json_path);
          *length = group_max;
          *group = n_group;
          result = cut;
        }
    }
  b->doc = real;
  return result;
}

/* A page that does not fit even at the smallest text is an error that
 * names the text to shorten and by how much (measured); every section
 * left off is named too, so nothing is dropped silently */
static void
report_overflow (ImpactLayoutBuilder *b,
                 ImpactPageData      *page,
                 PageFunc             func,
                 const char          *page_name,
                 ImpactDiagnostics   *diagnostics)
{
  g_autofree char *overflow_path = g_strdup (b->overflow_path);
  g_autofree char *text = NULL;
  g_autofree char *advice = NULL;
  double amount = b->overflow_amount;
  gboolean cut_short = b->cut_short;
  gboolean first = TRUE;
  guint cut, length = 0, group = 1;

  if (diagnostics == NULL)
    return;
  cut = measure_cut (b, page, func, &text, &length, &group);
  if (cut > 0 && group > 1)
    advice = g_strdup_printf ("shorten each of the %u texts of %s by about %u characters", group, text, cut);
  else if (cut > 0 && cut < length)
    advice = g_strdup_printf ("shorten %s by about %u of its %u characters", text, cut, length);
  else if (cut > 0)
    advice = g_strdup_printf ("leave %s out (%u characters) or shorten several texts", text, length);
  else
    advice = g_strdup ("shortening no one text is enough: shorten several, or leave some items out");
  impact_diagnostics_add (diagnostics, IMPACT_SEVERITY_ERROR, NULL, 0, 0, overflow_path,
                          "%s%.0f pt too long for the %s page, even with text reduced to %.0f %%; %s",
                          cut_short ? "more than " : "", ceil (amount), page_name,
                          IMPACT_MIN_FIT_SCALE * 100, advice);
  for (guint i = 0; i < page->boxes->len; i++)
    {
      const ImpactBox *box = &g_array_index (page->boxes, ImpactBox, i);
      const ImpactSectionInfo *info = impact_sections_get (box->section);

      if (!box->overflow)
        continue;
      if (!first)
        impact_diagnostics_add (diagnostics, IMPACT_SEVERITY_ERROR, NULL, 0, 0, info->json_path,
                                "left off the %s page: it comes after the text that does not fit",
                                page_name);
      first = FALSE;
    }
}

/* The timeline's choice is the sheet's design, but it is said, not hidden:
 * validate and the window list it (through preflight) */
void
impact_sheet_layout_report_omissions (ImpactSheetLayout *self,
                                      ImpactDiagnostics *diagnostics)
{
  ImpactDocument *doc = self->document;
  guint total = impact_document_get_milestones (doc)->len, shown = 0;

  if (diagnostics == NULL || total == 0)
    return;
  for (guint p = 0; p < self->pages->len; p++)
    {
      ImpactPageData *page = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < page->boxes->len; i++)
        {
          const ImpactBox *box = &g_array_index (page->boxes, ImpactBox, i);

          shown += box->section == IMPACT_SECTION_MILESTONES && box->item >= 0;
        }
    }
  for (guint e = 0; e < impact_document_get_eras (doc)->len && shown > 0; e++)
    {
      const ImpactEra *era = g_ptr_array_index (impact_document_get_eras (doc), e);
      gboolean held = FALSE;

      /* shown when its title is on the page (an era can also be left out
       * for want of a lane when it overlaps two others) */
      for (guint p = 0; p < self->pages->len && !held; p++)
        {
          ImpactPageData *page = g_ptr_array_index (self->pages, p);

          for (guint i = 0; i < page->ops->len && !held; i++)
            {
              const ImpactOp *op = &g_array_index (page->ops, ImpactOp, i);

              held = op->kind == IMPACT_OP_TEXT && op->layout != NULL &&
                     g_strcmp0 (pango_layout_get_text (op->layout), era->title) == 0;
            }
        }
      if (!held)
        {
          g_autofree char *path = g_strdup_printf ("eras[%u]", e);

          impact_diagnostics_add (diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, path,
                                  "the sheet's timeline leaves this era out (none of the milestones it "
                                  "shows falls in it, or it overlaps two others); the timeline export shows it");
        }
    }
  if (shown > 0 && shown < total)
    impact_diagnostics_add (diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, "milestones",
                            "the sheet's timeline shows %u of the %u milestones, spread over the "
                            "whole history with the highlighted ones first; the timeline export "
                            "(--part timeline) shows them all",
                            shown, total);
}

void
impact_sheet_layout_finalize (GObject *object)
{
  ImpactSheetLayout *self = (ImpactSheetLayout *) object;

  g_clear_object (&self->document);
  g_clear_object (&self->theme);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (impact_sheet_layout_parent_class)->finalize (object);
}

void
impact_sheet_layout_class_init (ImpactSheetLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = impact_sheet_layout_finalize;
}

void
impact_sheet_layout_init (ImpactSheetLayout *self)
{
  self->pages = g_ptr_array_new_with_free_func (impact_page_data_free);
}

static void
mix (ImpactColor       *out,
     const ImpactColor *a,
     const ImpactColor *b,
     double             t)
{
  out->red = a->red + (b->red - a->red) * t;
  out->green = a->green + (b->green - a->green) * t;
  out->blue = a->blue + (b->blue - a->blue) * t;
}

static void
builder_init (ImpactLayoutBuilder *b,
              ImpactSheetLayout   *self,
              PangoContext        *context,
              GPtrArray           *sources,
              ImpactDiagnostics   *diagnostics)
{
  ImpactTheme *theme = self->theme;
  const ImpactColor *bg = impact_theme_get_background (theme);
  const ImpactColor *text = impact_theme_get_text (theme);
  const ImpactColor *primary = impact_theme_get_primary (theme);
  const ImpactColor *accent = impact_theme_get_accent (theme);

  b->width = self->width;
  b->height = self->height;
  b->design = impact_design_for_template (impact_theme_get_template (theme));
  b->doc = self->document;
  b->theme = theme;
  b->context = context;
  b->diagnostics = diagnostics;
  b->sources = sources;
  b->margin = round (self->width * b->design->margin);
  b->content_width = self->width - 2 * b->margin;
  b->gutter = 14;
  b->on_primary = impact_color_contrast (bg, primary) >= impact_color_contrast (text, primary) ? *bg : *text;
  /* big figures take the accent when it reads as large text on the
   * primary colour (WCAG 3:1), else the plain contrasting colour */
  b->figure = impact_color_contrast (accent, primary) >= 3.0 ? *accent : b->on_primary;
  b->on_accent = impact_color_contrast (primary, accent) >= 3.0 ? *primary :
                 impact_color_contrast (bg, accent) >= impact_color_contrast (text, accent) ? *bg : *text;
  mix (&b->muted, text, bg, 0.3);
  mix (&b->rule, text, bg, 0.82);
  b->rtl = impact_document_is_rtl (self->document);
}


/* The front and the back. A front that does not fit even at the smallest
 * text moves its quote to the back when the back then still fits; what
 * still does not fit is an error. The pages go to @pages. */
static void
lay_out_two (ImpactLayoutBuilder *b,
             ImpactDocument      *document,
             GPtrArray           *pages,
             gboolean             front_only,
             ImpactDiagnostics   *diagnostics)
{
  ImpactPageData *front, *back = NULL;
  gboolean fits, back_fits = TRUE;

  memset (b->moved, 0, sizeof b->moved);
  front = layout_page_fitted (b, layout_front, 1, diagnostics, &fits);
  if (!fits && has_quote (document))
    {
      ImpactPageData *front2;
      gboolean fits2;

      b->moved[IMPACT_SECTION_QUOTE] = TRUE;
      front2 = layout_page_fitted (b, layout_front, 1, NULL, &fits2);
      if (fits2)
        {
          back = layout_page_fitted (b, layout_back, 3, diagnostics, &back_fits);
          if (back_fits)
            {
              impact_page_data_free (front);
              front = front2;
              fits = TRUE;
            }
          else
            {
              impact_page_data_free (front2);
              g_clear_pointer (&back, impact_page_data_free);
            }
        }
      else
        impact_page_data_free (front2);
      if (!fits)
        {
          b->moved[IMPACT_SECTION_QUOTE] = FALSE;
          /* the overflowing front again, for its report */
          impact_page_data_free (front);
          front = attempt (b, layout_front, IMPACT_MIN_FIT_SCALE, TRUE, NULL);
        }
    }
  if (!fits)
    report_overflow (b, front, layout_front, _("front"), diagnostics);
  g_ptr_array_add (pages, front);
  if (front_only)
    {
      g_clear_pointer (&back, impact_page_data_free);
      return;
    }
  if (back == NULL)
    {
      back = layout_page_fitted (b, layout_back, 3, diagnostics, &back_fits);
      if (!back_fits)
        report_overflow (b, back, layout_back, _("back"), diagnostics);
    }
  g_ptr_array_add (pages, back);
}

/* What a set of pages shows of each section: its items (statistics,
 * facts, milestones …) and whether it is there at all */
typedef struct
{
  guint    items[IMPACT_N_SECTIONS];
  gboolean present[IMPACT_N_SECTIONS];
} Shown;

static void
count_shown (GPtrArray *pages,
             Shown     *shown)
{
  memset (shown, 0, sizeof *shown);
  for (guint p = 0; p < pages->len; p++)
    {
      ImpactPageData *page = g_ptr_array_index (pages, p);

      for (guint i = 0; i < page->boxes->len; i++)
        {
          const ImpactBox *box = &g_array_index (page->boxes, ImpactBox, i);

          if (box->overflow)
            continue;
          shown->present[box->section] = TRUE;
          if (box->item >= 0)
            shown->items[box->section]++;
        }
    }
}

/* One page shows everything two pages would: every section, and as many
 * of each section's items (the timeline's chosen milestones above all) */
static gboolean
shows_as_much (GPtrArray *one,
               GPtrArray *two)
{
  Shown a, b;

  count_shown (one, &a);
  count_shown (two, &b);
  for (guint s = 0; s < IMPACT_N_SECTIONS; s++)
    if ((b.present[s] && !a.present[s]) || a.items[s] < b.items[s])
      {
        g_debug ("one page shows less of %s (%u items, two pages %u): two pages",
                 impact_section_to_string (s), a.items[s], b.items[s]);
        return FALSE;
      }
  return TRUE;
}

/* "auto" (the default, also when the data has no "pages") chooses one
 * page when it reads well and cuts nothing: everything fits on it at
 * full size, and it shows all that the front and the back would show.
 * Else, and with "pages": 2, the front and the back; "pages": 1 is one
 * page, fitted like any other. */
static void
lay_out_sheet (ImpactLayoutBuilder *b,
               ImpactSheetLayout   *self,
               gboolean             front_only,
               ImpactDiagnostics   *diagnostics)
{
  const char *pages = impact_document_get_pages (self->document);
  g_autoptr(ImpactDiagnostics) found_one = NULL, found_two = NULL;
  g_autoptr(GPtrArray) one = NULL, two = NULL;
  ImpactPageData *single;

  if (g_strcmp0 (pages, "1") == 0)
    {
      gboolean fits;

      single = layout_page_fitted (b, layout_single, 2, diagnostics, &fits);
      if (!fits)
        report_overflow (b, single, layout_single, _("only"), diagnostics);
      g_ptr_array_add (self->pages, single);
      return;
    }
  if (g_strcmp0 (pages, "2") == 0)
    {
      lay_out_two (b, self->document, self->pages, front_only, diagnostics);
      return;
    }

  found_one = impact_diagnostics_new ();
  b->milestone_rows = 2;
  memset (b->moved, 0, sizeof b->moved);
  single = attempt (b, layout_single, 1.0, FALSE, found_one);
  if (single == NULL)
    {
      lay_out_two (b, self->document, self->pages, front_only, diagnostics);
      return;
    }
  one = g_ptr_array_new_with_free_func (impact_page_data_free);
  g_ptr_array_add (one, single);
  /* the two pages, to compare what each shows; their diagnostics are
   * kept apart until the choice is made */
  found_two = impact_diagnostics_new ();
  two = g_ptr_array_new_with_free_func (impact_page_data_free);
  lay_out_two (b, self->document, two, FALSE, found_two);
  if (shows_as_much (one, two))
    {
      if (diagnostics != NULL)
        impact_diagnostics_extend (diagnostics, found_one);
      g_ptr_array_add (self->pages, g_ptr_array_steal_index (one, 0));
      return;
    }
  if (diagnostics != NULL)
    impact_diagnostics_extend (diagnostics, found_two);
  if (front_only)
    g_ptr_array_set_size (two, 1);
  while (two->len > 0)
    g_ptr_array_add (self->pages, g_ptr_array_steal_index (two, 0));
}

ImpactSheetLayout *
impact_sheet_layout_new (ImpactDocument    *document,
                         ImpactTheme       *theme,
                         ImpactPageSize     page_size,
                         ImpactDiagnostics *diagnostics)
{
  return impact_sheet_layout_new_front_only (document, theme, page_size, FALSE, diagnostics);
}

ImpactSheetLayout *
impact_sheet_layout_new_front_only (ImpactDocument    *document,
                                    ImpactTheme       *theme,
                                    ImpactPageSize     page_size,
                                    gboolean           front_only,
                                    ImpactDiagnostics *diagnostics)
{
  ImpactSheetLayout *self;
  g_autoptr(GObject) context_object = NULL;
  PangoContext *context;
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  ImpactLayoutBuilder b = { 0 };

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (IMPACT_IS_THEME (theme), NULL);

  self = g_object_new (IMPACT_TYPE_SHEET_LAYOUT, NULL);
  self->document = g_object_ref (document);
  self->theme = g_object_ref (theme);
  self->page_size = page_size;
  impact_page_size_get_points (page_size, &self->width, &self->height);

  context = impact_text_context_new (impact_document_get_language (document));
  context_object = G_OBJECT (context);
  builder_init (&b, self, context, sources, diagnostics);
  b.type_scale = 1.0;

  lay_out_sheet (&b, self, front_only, diagnostics);
  g_clear_pointer (&b.longest_path, g_free);
  g_clear_pointer (&b.overflow_path, g_free);
  return self;
}

ImpactSheetLayout *
impact_sheet_layout_new_stats_card (ImpactDocument    *document,
                                    ImpactTheme       *theme,
                                    double             width,
                                    double             height,
                                    ImpactDiagnostics *diagnostics)
{
  ImpactSheetLayout *self;
  g_autoptr(GObject) context_object = NULL;
  PangoContext *context;
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  ImpactLayoutBuilder b = { 0 };

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (IMPACT_IS_THEME (theme), NULL);
  g_return_val_if_fail (width >= 100 && height >= 100, NULL);

  self = g_object_new (IMPACT_TYPE_SHEET_LAYOUT, NULL);
  self->document = g_object_ref (document);
  self->theme = g_object_ref (theme);
  self->page_size = IMPACT_PAGE_SIZE_LETTER;
  self->width = width;
  self->height = height;

  context = impact_text_context_new (impact_document_get_language (document));
  context_object = G_OBJECT (context);
  builder_init (&b, self, context, sources, diagnostics);
  b.margin = round (MIN (width, height) * 0.075);
  b.type_scale = 1.0;
  b.content_width = width - 2 * b.margin;
  b.design = &impact_design_card;

  g_ptr_array_add (self->pages, attempt (&b, impact_section_statistics_place_card, 1.0, TRUE, diagnostics));
  if (b.overflow_path != NULL && diagnostics != NULL)
    impact_diagnostics_add (diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, b.overflow_path,
                            "the statistics card overflows by %.0f pt: use fewer statistics "
                            "or shorter labels, or a taller card",
                            ceil (b.overflow_amount));
  g_clear_pointer (&b.longest_path, g_free);
  g_clear_pointer (&b.overflow_path, g_free);
  return self;
}

ImpactDocument *
impact_sheet_layout_get_document (ImpactSheetLayout *self)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (self), NULL);
  return self->document;
}

ImpactTheme *
impact_sheet_layout_get_theme (ImpactSheetLayout *self)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (self), NULL);
  return self->theme;
}

ImpactPageSize
impact_sheet_layout_get_page_size (ImpactSheetLayout *self)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (self), IMPACT_PAGE_SIZE_LETTER);
  return self->page_size;
}

guint
impact_sheet_layout_get_n_pages (ImpactSheetLayout *self)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (self), 0);
  return self->pages->len;
}

void
impact_sheet_layout_get_page_extent (ImpactSheetLayout *self,
                                     double            *width,
                                     double            *height)
{
  g_return_if_fail (IMPACT_IS_SHEET_LAYOUT (self));
  if (width)
    *width = self->width;
  if (height)
    *height = self->height;
}

guint
impact_sheet_layout_get_n_boxes (ImpactSheetLayout *self,
                                 guint              page)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (self), 0);
  g_return_val_if_fail (page < self->pages->len, 0);
  return ((ImpactPageData *) g_ptr_array_index (self->pages, page))->boxes->len;
}

const ImpactBox *
impact_sheet_layout_get_box (ImpactSheetLayout *self,
                             guint              page,
                             guint              index)
{
  ImpactPageData *data;

  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (self), NULL);
  g_return_val_if_fail (page < self->pages->len, NULL);
  data = g_ptr_array_index (self->pages, page);
  g_return_val_if_fail (index < data->boxes->len, NULL);
  return &g_array_index (data->boxes, ImpactBox, index);
}

gboolean
impact_sheet_layout_find (ImpactSheetLayout *self,
                          ImpactSection      section,
                          int                item,
                          guint             *out_page,
                          ImpactBox         *out_box)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (self), FALSE);

  for (guint p = 0; p < self->pages->len; p++)
    {
      ImpactPageData *data = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < data->boxes->len; i++)
        {
          const ImpactBox *box = &g_array_index (data->boxes, ImpactBox, i);

          if (box->section == section && box->item == item)
            {
              if (out_page)
                *out_page = p;
              if (out_box)
                *out_box = *box;
              return TRUE;
            }
        }
    }
  return FALSE;
}

guint
impact_sheet_layout_get_n_ops (ImpactSheetLayout *self,
                               guint              page)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (self), 0);
  g_return_val_if_fail (page < self->pages->len, 0);
  return ((ImpactPageData *) g_ptr_array_index (self->pages, page))->ops->len;
}

const ImpactOp *
impact_sheet_layout_get_op (ImpactSheetLayout *self,
                            guint              page,
                            guint              index)
{
  ImpactPageData *data;

  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (self), NULL);
  g_return_val_if_fail (page < self->pages->len, NULL);
  data = g_ptr_array_index (self->pages, page);
  g_return_val_if_fail (index < data->ops->len, NULL);
  return &g_array_index (data->ops, ImpactOp, index);
}

double
impact_sheet_layout_get_fit_scale (ImpactSheetLayout *self,
                                   guint              page)
{
  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (self), 1.0);
  g_return_val_if_fail (page < self->pages->len, 1.0);
  return ((ImpactPageData *) g_ptr_array_index (self->pages, page))->scale;
}

const char *
impact_section_to_string (ImpactSection section)
{
  static const char * const names[] = {
    "header", "problem", "statistics", "facts", "quote", "sources",
    "approach", "milestones", "profile", "contact", "footer", "charts",
  };

  g_return_val_if_fail (section < IMPACT_N_SECTIONS, NULL);
  return names[section];
}