/* impact-timeline-page-source.c: the timeline slide and handout as page sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-timeline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-timeline-page-source.h"
#include "impact-text.h"
#include "impact-timeline-render.h"
#include "impact-sheet-words.h"

struct _ImpactTimelinePageSource
{
  GObject                parent_instance;
  ImpactTimelineLayout  *layout;
  ImpactTimelineHandout *handout;   /* NULL for the slide */
  double                 width, height;
};

static void page_source_iface_init (ImpactPageSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ImpactTimelinePageSource, impact_timeline_page_source, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (IMPACT_TYPE_PAGE_SOURCE, page_source_iface_init))

static ImpactDocument *
document_of (ImpactPageSource *source)
{
  return impact_timeline_layout_get_document (IMPACT_TIMELINE_PAGE_SOURCE (source)->layout);
}

static guint
get_n_pages (ImpactPageSource *source)
{
  ImpactTimelinePageSource *self = IMPACT_TIMELINE_PAGE_SOURCE (source);

  return self->handout ? impact_timeline_handout_get_n_pages (self->handout) : 1;
}

static void
get_page_size (ImpactPageSource *source,
               guint             page,
               double           *width,
               double           *height)
{
  ImpactTimelinePageSource *self = IMPACT_TIMELINE_PAGE_SOURCE (source);

  *width = self->width;
  *height = self->height;
}

static gboolean
draw_page (ImpactPageSource  *source,
           guint              page,
           cairo_t           *cr,
           GError           **error)
{
  ImpactTimelinePageSource *self = IMPACT_TIMELINE_PAGE_SOURCE (source);
  gboolean ok;

  /* the texts are the structure elements (impact-timeline-render.c); a
   * "Document" element around them makes cairo 1.16 fail at the end of
   * the file ("invalid tag nesting"), so they sit at the tree's root */
  if (self->handout)
    ok = impact_timeline_handout_render_page (cr, self->handout, page, error);
  else
    ok = impact_timeline_render_slide (cr, self->layout, self->width, self->height, error);
  return ok;
}

/* "Kolkata, India — IJM Kolkata milestones" */
static char *
get_title (ImpactPageSource *source)
{
  ImpactDocument *doc = document_of (source);
  const char *title = impact_text_or (impact_document_get_title (doc), impact_document_get_office (doc));
  const char *heading = impact_text_or (impact_document_get_milestones_heading (doc),
                                 impact_sheet_word (impact_document_get_language (doc),
                                                    IMPACT_WORD_HEADING_MILESTONES));

  return title && *title ? g_strdup_printf ("%s — %s", title, heading) : g_strdup (heading);
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

static GPtrArray *
get_outline (ImpactPageSource *source,
             guint             page)
{
  ImpactTimelinePageSource *self = IMPACT_TIMELINE_PAGE_SOURCE (source);
  GPtrArray *entries;
  g_autofree char *title = NULL;

  if (self->handout == NULL)
    return NULL;
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_outline_entry_free);
  /* Translators: a bookmark of the handout PDF */
  title = g_strdup_printf (_("Page %u"), page + 1);
  g_ptr_array_add (entries, impact_outline_entry_new (title, 0, 0, 0));
  return entries;
}

static double
get_pixel_scale (ImpactPageSource *source)
{
  return 2.0;
}

static void
page_source_iface_init (ImpactPageSourceInterface *iface)
{
  iface->get_n_pages = get_n_pages;
  iface->get_page_size = get_page_size;
  iface->draw_page = draw_page;
  iface->get_title = get_title;
  iface->get_language = get_language;
  iface->get_author = get_author;
  iface->get_outline = get_outline;
  iface->get_pixel_scale = get_pixel_scale;
}

static void
impact_timeline_page_source_finalize (GObject *object)
{
  ImpactTimelinePageSource *self = IMPACT_TIMELINE_PAGE_SOURCE (object);

  g_clear_pointer (&self->handout, impact_timeline_handout_free);
  g_clear_object (&self->layout);
  G_OBJECT_CLASS (impact_timeline_page_source_parent_class)->finalize (object);
}

static void
impact_timeline_page_source_class_init (ImpactTimelinePageSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = impact_timeline_page_source_finalize;
}

static void
impact_timeline_page_source_init (ImpactTimelinePageSource *self)
{
}

ImpactPageSource *
impact_timeline_page_source_new_slide (ImpactTimelineLayout *layout,
                                       double                width,
                                       double                height)
{
  ImpactTimelinePageSource *self = g_object_new (IMPACT_TYPE_TIMELINE_PAGE_SOURCE, NULL);

  self->layout = g_object_ref (layout);
  self->width = width;
  self->height = height;
  return IMPACT_PAGE_SOURCE (self);
}

ImpactPageSource *
impact_timeline_page_source_new_handout (ImpactTimelineLayout *layout,
                                         ImpactPageSize        page_size)
{
  ImpactTimelinePageSource *self = g_object_new (IMPACT_TYPE_TIMELINE_PAGE_SOURCE, NULL);

  self->layout = g_object_ref (layout);
  self->handout = impact_timeline_handout_new (layout, page_size);
  impact_page_size_get_points (page_size, &self->width, &self->height);
  return IMPACT_PAGE_SOURCE (self);
}
