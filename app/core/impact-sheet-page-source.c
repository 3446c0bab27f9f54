/* impact-sheet-page-source.c: the sheet and the stats card as page sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "impact-chart.h"
#include "impact-direction.h"
#include "impact-render.h"
#include "impact-text.h"
#include "impact-sheet-layout-private.h"
#include "impact-sheet-page-source.h"

struct _ImpactSheetPageSource
{
  GObject            parent_instance;
  ImpactSheetLayout *layout;
  ImpactExportPart   part;
  double             bleed;
  gboolean           crop_marks;
};

static void page_source_iface_init (ImpactPageSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ImpactSheetPageSource, impact_sheet_page_source, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (IMPACT_TYPE_PAGE_SOURCE, page_source_iface_init))

static ImpactDocument *
document_of (ImpactPageSource *source)
{
  return impact_sheet_layout_get_document (IMPACT_SHEET_PAGE_SOURCE (source)->layout);
}

static guint
get_n_pages (ImpactPageSource *source)
{
  return impact_sheet_layout_get_n_pages (IMPACT_SHEET_PAGE_SOURCE (source)->layout);
}

static double
print_margin (ImpactSheetPageSource *self)
{
  return impact_render_get_print_margin (self->bleed, self->crop_marks);
}

/* The sheet a page is printed on: the trimmed page, plus bleed and crop
 * marks when asked for */
static void
get_page_size (ImpactPageSource *source,
               guint             page,
               double           *width,
               double           *height)
{
  ImpactSheetPageSource *self = IMPACT_SHEET_PAGE_SOURCE (source);
  double m = print_margin (self);

  impact_sheet_layout_get_page_extent (self->layout, width, height);
  *width += 2 * m;
  *height += 2 * m;
}

static gboolean
draw_page (ImpactPageSource  *source,
           guint              page,
           cairo_t           *cr,
           GError           **error)
{
  ImpactSheetPageSource *self = IMPACT_SHEET_PAGE_SOURCE (source);

  if (self->bleed > 0 || self->crop_marks)
    return impact_render_page_for_print (cr, self->layout, page, self->bleed, self->crop_marks, error);
  return impact_render_page (cr, self->layout, page, error);
}

static GArray *
get_reading_order (ImpactPageSource *source,
                   guint             page)
{
  return impact_render_get_reading_order (IMPACT_SHEET_PAGE_SOURCE (source)->layout, page);
}

static GArray *
get_list_roles (ImpactPageSource *source,
                guint             page)
{
  return impact_render_get_list_roles (IMPACT_SHEET_PAGE_SOURCE (source)->layout, page);
}

static GPtrArray *
get_actual_texts (ImpactPageSource *source,
                  guint             page)
{
  return impact_render_get_actual_texts (IMPACT_SHEET_PAGE_SOURCE (source)->layout, page);
}

/* The title a reader shows for the file (DisplayDocTitle): the sheet's
 * title; a card is titled by what it shows, its statistics' heading */
static char *
get_title (ImpactPageSource *source)
{
  ImpactSheetPageSource *self = IMPACT_SHEET_PAGE_SOURCE (source);
  ImpactDocument *doc = document_of (source);
  const char *title = impact_text_or (impact_document_get_title (doc),
                                impact_text_or (impact_document_get_office (doc),
                                          impact_document_get_organisation (doc)->name));

  if (self->part == IMPACT_EXPORT_PART_STATS)
    {
      const char *heading = impact_text_or (impact_document_get_statistics_heading (doc), _("Statistics"));

      return title && *title ? g_strdup_printf ("%s — %s", title, heading) : g_strdup (heading);
    }
  /* Translators: the PDF's title: the sheet's title, then this */
  return g_strdup_printf ("%s — %s", title ? title : "", _("fact sheet"));
}

static const char *
get_language (ImpactPageSource *source)
{
  return impact_document_get_language (document_of (source));
}

static const char *
get_author (ImpactPageSource *source)
{
  return impact_document_get_organisation (document_of (source))->name;
}

static const char *
get_subject (ImpactPageSource *source)
{
  return impact_document_get_problem (document_of (source))->heading;
}

/* What a reader sees in the PDF's bookmarks for a section: its heading on
 * the page where there is one. */
static char *
outline_title (ImpactDocument *doc,
               ImpactSection   section)
{
  ImpactProblem *problem = impact_document_get_problem (doc);
  ImpactProfile *profile = impact_document_get_profile (doc);

  switch (section)
    {
    case IMPACT_SECTION_HEADER:
      return g_strdup (impact_text_or (impact_document_get_title (doc), impact_document_get_office (doc)));
    case IMPACT_SECTION_PROBLEM:
      return g_strdup (impact_text_or (problem->heading, impact_text_or (problem->kicker, "The problem")));
    case IMPACT_SECTION_STATISTICS:
      return g_strdup (impact_text_or (impact_document_get_statistics_heading (doc), "Statistics"));
    case IMPACT_SECTION_FACTS:
      return g_strdup (impact_text_or (impact_document_get_facts_heading (doc), "Facts"));
    case IMPACT_SECTION_QUOTE:
      return g_strdup ("Quote");
    case IMPACT_SECTION_SOURCES:
      return g_strdup ("Sources");
    case IMPACT_SECTION_APPROACH:
      return g_strdup (impact_text_or (impact_document_get_approach_heading (doc), "Our approach"));
    case IMPACT_SECTION_MILESTONES:
      return g_strdup (impact_text_or (impact_document_get_milestones_heading (doc), "Milestones"));
    case IMPACT_SECTION_PROFILE:
      return g_strdup (profile && profile->name ? profile->name : "Profile");
    case IMPACT_SECTION_CONTACT:
      return g_strdup ("Contact");
    case IMPACT_SECTION_CHARTS:
      return g_strdup ("Charts");
    case IMPACT_SECTION_FOOTER:
    case IMPACT_N_SECTIONS:
    default:
      return NULL;
    }
}

/* One bookmark per page, with one child per section on it, in reading
 * order; a card has none */
static int
compare_outline (const ImpactOutlineEntry *a,
                 const ImpactOutlineEntry *b,
                 int                       side)
{
  if (fabs (a->y - b->y) > 0.5)
    return a->y < b->y ? -1 : 1;
  if (fabs (a->x - b->x) > 0.5)
    return (a->x < b->x ? -1 : 1) * side;
  return 0;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  return compare_outline (*(ImpactOutlineEntry **) a, *(ImpactOutlineEntry **) b, 1);
}

static int
compare_entries_rtl (gconstpointer a,
                     gconstpointer b,
                     gpointer      data)
{
  return compare_outline (*(ImpactOutlineEntry **) a, *(ImpactOutlineEntry **) b, -1);
}

static GPtrArray *
get_outline (ImpactPageSource *source,
             guint             page)
{
  ImpactSheetPageSource *self = IMPACT_SHEET_PAGE_SOURCE (source);
  ImpactDocument *doc = document_of (source);
  GPtrArray *entries;
  g_autofree char *page_title = NULL;

  if (self->part != IMPACT_EXPORT_PART_SHEET)
    return NULL;
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_outline_entry_free);
  /* Translators: bookmarks of a sheet's PDF */
  page_title = page == 0 ? g_strdup (_("Front page")) : page == 1 ? g_strdup (_("Back page")) :
               g_strdup_printf (_("Page %u"), page + 1);
  g_ptr_array_add (entries, impact_outline_entry_new (page_title, 0, 0, 0));
  for (guint i = 0; i < impact_sheet_layout_get_n_boxes (self->layout, page); i++)
    {
      const ImpactBox *box = impact_sheet_layout_get_box (self->layout, page, i);
      g_autofree char *title = NULL;

      if (box->item >= 0 || (title = outline_title (doc, box->section)) == NULL)
        continue;
      g_ptr_array_add (entries, impact_outline_entry_new (title, 1, box->x, box->y));
    }
  /* in the order of reading, as the structure (impact-render.h): the
   * sources and the footer are placed first, read last */
  if (entries->len > 2)
    {
      g_autoptr(GPtrArray) sections = g_ptr_array_new ();
      gboolean rtl = impact_document_is_rtl (doc);

      for (guint i = 1; i < entries->len; i++)
        g_ptr_array_add (sections, g_ptr_array_index (entries, i));
      g_ptr_array_sort_with_data (sections, rtl ? compare_entries_rtl : compare_entries, NULL);
      for (guint i = 1; i < entries->len; i++)
        entries->pdata[i] = g_ptr_array_index (sections, i - 1);
    }
  return entries;
}

/* The alternative text of every image, in the order the page draws them */
static void
get_figures (ImpactPageSource *source,
             guint             page,
             GPtrArray        *alts)
{
  ImpactSheetLayout *layout = IMPACT_SHEET_PAGE_SOURCE (source)->layout;

  for (guint i = 0; i < impact_sheet_layout_get_n_ops (layout, page); i++)
    {
      const ImpactOp *op = impact_sheet_layout_get_op (layout, page, i);

      if (op->kind == IMPACT_OP_IMAGE)
        g_ptr_array_add (alts, op->name ? op->name : "");
      else if (op->kind == IMPACT_OP_TAG_BEGIN && g_strcmp0 (op->name, "Figure") == 0 &&
               !impact_render_tag_is_empty (layout, page, i, NULL))
        g_ptr_array_add (alts, op->alt ? op->alt : "");
    }
}

/* A chart's figure has its data as a table: the chart's box on the page
 * says which of the document's charts it is */
static void
get_figure_tables (ImpactPageSource *source,
                   guint             page,
                   GPtrArray        *tables)
{
  ImpactSheetLayout *layout = IMPACT_SHEET_PAGE_SOURCE (source)->layout;
  ImpactDocument *doc = impact_sheet_layout_get_document (layout);
  GPtrArray *specs = impact_document_get_charts (doc);

  for (guint i = 0; i < impact_sheet_layout_get_n_ops (layout, page); i++)
    {
      const ImpactOp *op = impact_sheet_layout_get_op (layout, page, i);
      GPtrArray *table = NULL;

      if (op->kind == IMPACT_OP_IMAGE)
        {
          g_ptr_array_add (tables, NULL);
          continue;
        }
      if (op->kind != IMPACT_OP_TAG_BEGIN || g_strcmp0 (op->name, "Figure") != 0 ||
          impact_render_tag_is_empty (layout, page, i, NULL))
        continue;
      for (guint k = 0; k < impact_sheet_layout_get_n_boxes (layout, page) && table == NULL; k++)
        {
          const ImpactBox *box = impact_sheet_layout_get_box (layout, page, k);
          double cx = op->x + op->w / 2, cy = op->y + op->h / 2;

          if (box->section == IMPACT_SECTION_CHARTS && box->item >= 0 && specs != NULL &&
              (guint) box->item < specs->len &&
              cx >= box->x && cx <= box->x + box->width && cy >= box->y && cy <= box->y + box->height)
            {
              g_autoptr(ImpactChart) chart = impact_chart_new (doc, g_ptr_array_index (specs, box->item), NULL, NULL);

              if (chart != NULL)
                table = impact_chart_dup_table (chart);
            }
        }
      g_ptr_array_add (tables, table);
    }
}

static gboolean
get_print_boxes (ImpactPageSource *source,
                 double           *trim_margin,
                 double           *bleed)
{
  ImpactSheetPageSource *self = IMPACT_SHEET_PAGE_SOURCE (source);

  *trim_margin = print_margin (self);
  *bleed = self->bleed;
  return self->bleed > 0 || self->crop_marks;
}

/* two pixels a point: the card's type is set for 144 dpi */
static double
get_pixel_scale (ImpactPageSource *source)
{
  return IMPACT_SHEET_PAGE_SOURCE (source)->part == IMPACT_EXPORT_PART_STATS ? 2.0 : 0;
}

static void
page_source_iface_init (ImpactPageSourceInterface *iface)
{
  iface->get_n_pages = get_n_pages;
  iface->get_page_size = get_page_size;
  iface->draw_page = draw_page;
  iface->get_reading_order = get_reading_order;
  iface->get_actual_texts = get_actual_texts;
  iface->get_list_roles = get_list_roles;
  iface->get_figure_tables = get_figure_tables;
  iface->get_title = get_title;
  iface->get_language = get_language;
  iface->get_author = get_author;
  iface->get_subject = get_subject;
  iface->get_outline = get_outline;
  iface->get_figures = get_figures;
  iface->get_print_boxes = get_print_boxes;
  iface->get_pixel_scale = get_pixel_scale;
}

static void
impact_sheet_page_source_finalize (GObject *object)
{
  ImpactSheetPageSource *self = IMPACT_SHEET_PAGE_SOURCE (object);

  g_clear_object (&self->layout);
  G_OBJECT_CLASS (impact_sheet_page_source_parent_class)->finalize (object);
}

static void
impact_sheet_page_source_class_init (ImpactSheetPageSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = impact_sheet_page_source_finalize;
}

static void
impact_sheet_page_source_init (ImpactSheetPageSource *self)
{
}

ImpactPageSource *
impact_sheet_page_source_new (ImpactSheetLayout *layout,
                              ImpactExportPart   part,
                              double             bleed,
                              gboolean           crop_marks)
{
  ImpactSheetPageSource *self;

  g_return_val_if_fail (IMPACT_IS_SHEET_LAYOUT (layout), NULL);
  g_return_val_if_fail (bleed >= 0 && bleed <= IMPACT_RENDER_MAX_BLEED, NULL);

  self = g_object_new (IMPACT_TYPE_SHEET_PAGE_SOURCE, NULL);
  self->layout = g_object_ref (layout);
  self->part = part;
  self->bleed = bleed;
  self->crop_marks = crop_marks;
  return IMPACT_PAGE_SOURCE (self);
}
