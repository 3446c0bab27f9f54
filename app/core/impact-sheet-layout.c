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

/* Places the sections of @flow one below the other from @y; returns the bottom */
static double
place_flow (ImpactLayoutBuilder   *b,
            const ImpactFlowEntry *flow,
            double                 y)
{
  for (guint i = 0; i < IMPACT_DESIGN_MAX_FLOW && flow[i].section < IMPACT_N_SECTIONS; i++)
    {
      const ImpactSectionInfo *info = impact_sections_get (flow[i].section);

      y = info->place (b, y + flow[i].gap + flow[i].scaled_gap * b->scale);
    }
  return y;
}

static void
layout_front (ImpactLayoutBuilder *b)
{
  GPtrArray *stats = impact_document_get_statistics (b->doc);
  guint shown = impact_section_statistics_shown (b);

  if (shown < stats->len && b->diagnostics != NULL && b->scale == 1.0)
    impact_diagnostics_add (b->diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0, "statistics",
                            "%u statistics do not fit side by side; the sheet shows the first %u: "
                            "keep the few strongest figures",
                            stats->len, shown);
  impact_builder_number_sources (b, shown);
  b->limit = impact_section_sources_place (b, b->height - b->design->front_foot) - b->design->front_foot_gap;
  place_flow (b, b->design->front, 0);
}

static void
layout_back (ImpactLayoutBuilder *b)
{
  b->limit = impact_section_footer_place (b, b->height) - b->design->back_foot_gap;
  place_flow (b, b->design->back, b->design->back_from_edge ? 0 : b->margin - 6);
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
 * page freed when it overflows (unless @keep). */
static ImpactPageData *
attempt (ImpactLayoutBuilder *b,
         PageFunc             func,
         const char          *page_name,
         double               scale,
         gboolean             keep)
{
  ImpactPageData *page = impact_page_data_new ();

  b->page = page;
  b->scale = scale;
  g_clear_pointer (&b->overflow_path, g_free);
  b->overflow_amount = 0;
  b->cut_short = FALSE;
  g_clear_pointer (&b->longest_path, g_free);
  b->longest_height = 0;
  g_ptr_array_set_size (b->sources, 0);
  impact_builder_begin_sources (b);
  func (b);
  impact_builder_end_sources (b);
  page->scale = scale;
  if (b->rtl)
    mirror_page (page, b->width);
  b->page = NULL;
  g_debug ("%s page at %.0f %%: %s overflows by %.1f pt", page_name, scale * 100,
           b->overflow_path ? b->overflow_path : "nothing", b->overflow_amount);
  if (b->overflow_path != NULL && !keep)
    {
      impact_page_data_free (page);
      return NULL;
    }
  return page;
}

/* Text first tries its full size; when the page overflows, the largest
 * scale in [IMPACT_MIN_FIT_SCALE, 1) that fits is found by bisection to the
 * nearest IMPACT_FIT_STEP, so a fitting page costs one pass and a crowded one five
 * or six. */
static ImpactPageData *
layout_page_fitted (ImpactLayoutBuilder *b,
                    PageFunc             func,
                    const char          *page_name)
{
  ImpactPageData *best;
  double lo = IMPACT_MIN_FIT_SCALE, hi = 1.0;

  if ((best = attempt (b, func, page_name, 1.0, FALSE)) != NULL)
    return best;

  best = attempt (b, func, page_name, IMPACT_MIN_FIT_SCALE, TRUE);
  if (b->overflow_path != NULL)
    {
      if (b->diagnostics != NULL)
        {
          g_autofree char *hint = NULL;

          if (b->longest_path && g_strcmp0 (b->longest_path, b->overflow_path) != 0)
            hint = g_strdup_printf ("; the longest text on this page is %s", b->longest_path);
          impact_diagnostics_add (b->diagnostics, IMPACT_SEVERITY_WARNING, NULL, 0, 0,
                                  b->overflow_path,
                                  "the %s page overflows by %s%.0f pt (about %.0f lines of body "
                                  "text) even with text reduced to %.0f %%: this no longer fits "
                                  "below the sections above it; shorten the page's texts%s",
                                  page_name, b->cut_short ? "more than " : "",
                                  ceil (b->overflow_amount),
                                  ceil (b->overflow_amount / 12.0), IMPACT_MIN_FIT_SCALE * 100,
                                  hint ? hint : "");
        }
      return best;
    }

  /* invariant: lo fits, hi does not */
  while (hi - lo > IMPACT_FIT_STEP + 1e-9)
    {
      double mid = round ((lo + hi) / 2 / 0.01) * 0.01;
      ImpactPageData *page;

      if (mid <= lo || mid >= hi)
        break;
      page = attempt (b, func, page_name, mid, FALSE);
      if (page != NULL)
        {
          impact_page_data_free (best);
          best = page;
          lo = mid;
        }
      else
        hi = mid;
    }
  /* the sources of the kept attempt */
  b->scale = lo;
  return best;
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

/* Right to left when the language says so, or, without a language, when
 * the office's name is written in a right-to-left script */
static gboolean
document_is_rtl (ImpactDocument *doc)
{
  static const char * const rtl_languages[] = { "ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug", NULL };
  const char *language = impact_document_get_language (doc);
  const char *office = impact_document_get_office (doc);

  if (language != NULL && *language != '\0')
    {
      g_autofree char *primary = g_ascii_strdown (language, strcspn (language, "-_"));

      return g_strv_contains (rtl_languages, primary);
    }
  /* the first letter decides, as the Unicode bidi algorithm's P2 does */
  for (const char *p = office; p && *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (!g_unichar_isalpha (ch))
        continue;
      switch (g_unichar_get_script (ch))
        {
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO:
          return TRUE;
        default:
          return FALSE;
        }
    }
  return FALSE;
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
  b->rtl = document_is_rtl (self->document);
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

  g_ptr_array_add (self->pages, layout_page_fitted (&b, layout_front, _("front")));
  if (!front_only)
    g_ptr_array_add (self->pages, layout_page_fitted (&b, layout_back, _("back")));
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

  g_ptr_array_add (self->pages, attempt (&b, impact_section_statistics_place_card, "card", 1.0, TRUE));
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
    "approach", "milestones", "profile", "contact", "footer",
  };

  g_return_val_if_fail (section < IMPACT_N_SECTIONS, NULL);
  return names[section];
}