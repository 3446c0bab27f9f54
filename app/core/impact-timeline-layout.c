/* impact-timeline-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-timeline"

#include "config.h"

#include <math.h>
#include <string.h>

#include "impact-direction.h"
#include "impact-fonts.h"
#include "impact-format.h"
#include "impact-script.h"
#include "impact-text.h"
#include "impact-theme.h"
#include "impact-timeline-layout.h"
#include "impact-timeline-text.h"

#define LABEL_CACHE_MAX   1024   /* PangoLayouts kept; the cache is emptied past this */
#define N_PLACEMENTS      4      /* placements kept (zoom steps) */
#define ZOOM_STEPS_PER_OCTAVE 4.0
#define MAX_TICKS         4000
#define ADVANCE_CHARS     0x250  /* Latin, with the extensions: measured per character */
#define LINE_STYLES       3      /* date, title, metrics */

struct _ImpactTimelineLayout
{
  GObject           parent_instance;

  ImpactDocument   *document;
  ImpactTheme      *theme;
  PangoContext     *context;
  gboolean          rtl;          /* the document reads right to left */

  GArray           *items;        /* ImpactTimelineItem, date order */
  double           *times;        /* items' times, for the binary search */
  float            *widths;       /* label sizes, NAN until measured */
  float            *heights;
  GArray           *eras;         /* ImpactTimelineEra */
  guint             n_era_lanes;

  GPtrArray        *categories;   /* char*, NULL for "other" */
  GArray           *colors;       /* ImpactColor */

  GHashTable       *labels;       /* position → PangoLayout */
  GHashTable       *texts;        /* key string → PangoLayout */
  GHashTable       *sprites;      /* renderer's key → cairo_surface_t */
  PangoLayout      *measure;      /* reused for measuring */
  char             *label_families;  /* the labels' font families, once made */
  float            *advances;     /* LINE_STYLES × ADVANCE_CHARS, NAN until measured */
  double            line_heights[2];  /* a label of two lines, of three */

  ImpactTimelinePlacement placements[N_PLACEMENTS];
  guint             next_placement;
};

G_DEFINE_FINAL_TYPE (ImpactTimelineLayout, impact_timeline_layout, G_TYPE_OBJECT)

/* Category colours after the theme's primary and accent: muted, distinct,
 * and dark enough for white-on-colour and colour-on-white. */
static const ImpactColor palette[] = {
  { 0.165, 0.576, 0.541 },  /* teal */
  { 0.553, 0.333, 0.447 },  /* plum */
  { 0.369, 0.510, 0.196 },  /* olive */
  { 0.290, 0.435, 0.647 },  /* slate blue */
  { 0.710, 0.282, 0.231 },  /* brick */
  { 0.690, 0.545, 0.102 },  /* ochre */
};
static const ImpactColor other_color = { 0.482, 0.529, 0.580 };

static void
impact_timeline_layout_finalize (GObject *object)
{
  ImpactTimelineLayout *self = IMPACT_TIMELINE_LAYOUT (object);

  for (guint i = 0; i < N_PLACEMENTS; i++)
    g_free (self->placements[i].lanes);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->texts, g_hash_table_unref);
  g_clear_pointer (&self->sprites, g_hash_table_unref);
  g_clear_object (&self->measure);
  g_free (self->label_families);
  g_free (self->advances);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->eras, g_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->colors, g_array_unref);
  g_free (self->times);
  g_free (self->widths);
  g_free (self->heights);
  g_clear_object (&self->context);
  g_clear_object (&self->theme);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (impact_timeline_layout_parent_class)->finalize (object);
}

static void
impact_timeline_layout_class_init (ImpactTimelineLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = impact_timeline_layout_finalize;
}

static void
impact_timeline_layout_init (ImpactTimelineLayout *self)
{
  self->labels = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->advances = g_new (float, LINE_STYLES * ADVANCE_CHARS);
  for (guint i = 0; i < LINE_STYLES * ADVANCE_CHARS; i++)
    self->advances[i] = NAN;
  self->line_heights[0] = self->line_heights[1] = NAN;
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->sprites = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cairo_surface_destroy);
}

static guint
category_for (ImpactTimelineLayout *self,
              GHashTable           *seen,
              const char           *name,
              gboolean             *has_other)
{
  gpointer value;

  if (name == NULL || *name == '\0')
    {
      *has_other = TRUE;
      return G_MAXUINT;   /* fixed up once all are known */
    }
  if (g_hash_table_lookup_extended (seen, name, NULL, &value))
    return GPOINTER_TO_UINT (value);
  g_ptr_array_add (self->categories, g_strdup (name));
  g_hash_table_insert (seen, (gpointer) name, GUINT_TO_POINTER (self->categories->len - 1));
  return self->categories->len - 1;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const ImpactTimelineItem *x = a, *y = b;

  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static int
compare_eras (gconstpointer a,
              gconstpointer b)
{
  const ImpactTimelineEra *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* A lane in the heaps of assign_era_lanes () */
typedef struct
{
  double end;
  guint  lane;
} HeapLane;

typedef gboolean (*HeapBefore) (const HeapLane *a,
                                const HeapLane *b);

static gboolean
ends_before (const HeapLane *a,
             const HeapLane *b)
{
  return a->end < b->end || (a->end == b->end && a->lane < b->lane);
}

static gboolean
lane_before (const HeapLane *a,
             const HeapLane *b)
{
  return a->lane < b->lane;
}

/* A binary min-heap in a GArray of HeapLane, ordered by @before */
static void
heap_push (GArray    *heap,
           HeapLane   value,
           HeapBefore before)
{
  guint i = heap->len;

  g_array_set_size (heap, heap->len + 1);
  while (i > 0 && before (&value, &g_array_index (heap, HeapLane, (i - 1) / 2)))
    {
      g_array_index (heap, HeapLane, i) = g_array_index (heap, HeapLane, (i - 1) / 2);
      i = (i - 1) / 2;
    }
  g_array_index (heap, HeapLane, i) = value;
}

static HeapLane
heap_pop (GArray    *heap,
          HeapBefore before)
{
  HeapLane top = g_array_index (heap, HeapLane, 0);
  HeapLane last = g_array_index (heap, HeapLane, heap->len - 1);
  guint i = 0, n = heap->len - 1;

  g_array_set_size (heap, n);
  if (n == 0)
    return top;
  for (;;)
    {
      guint child = 2 * i + 1;

      if (child >= n)
        break;
      if (child + 1 < n && before (&g_array_index (heap, HeapLane, child + 1),
                                   &g_array_index (heap, HeapLane, child)))
        child++;
      if (!before (&g_array_index (heap, HeapLane, child), &last))
        break;
      g_array_index (heap, HeapLane, i) = g_array_index (heap, HeapLane, child);
      i = child;
    }
  g_array_index (heap, HeapLane, i) = last;
  return top;
}

/* Gives each era (sorted by start) the lowest lane that is free at its
 * start, as a first-fit scan of all lanes would, but in O(n log n): the
 * starts only grow, so a lane that has ended stays free until it is taken.
 * Returns the number of lanes. */
static guint
assign_era_lanes (GArray *eras)
{
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (HeapLane));   /* by end */
  g_autoptr(GArray) free_lanes = g_array_new (FALSE, FALSE, sizeof (HeapLane)); /* by lane */
  guint n_lanes = 0;

  for (guint i = 0; i < eras->len; i++)
    {
      ImpactTimelineEra *era = &g_array_index (eras, ImpactTimelineEra, i);
      HeapLane taken;

      while (busy->len > 0 && g_array_index (busy, HeapLane, 0).end <= era->start)
        heap_push (free_lanes, heap_pop (busy, ends_before), lane_before);
      era->lane = free_lanes->len > 0 ? heap_pop (free_lanes, lane_before).lane : n_lanes++;
      taken.end = era->end;
      taken.lane = era->lane;
      heap_push (busy, taken, ends_before);
    }
  return n_lanes;
}

ImpactTimelineLayout *
impact_timeline_layout_new (ImpactDocument *document,
                            ImpactTheme    *theme)
{
  ImpactTimelineLayout *self;
  GPtrArray *milestones, *eras;
  const guint *order;
  guint n;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean has_other = FALSE;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (IMPACT_IS_THEME (theme), NULL);

  self = g_object_new (IMPACT_TYPE_TIMELINE_LAYOUT, NULL);
  self->document = g_object_ref (document);
  self->theme = g_object_ref (theme);
  self->context = impact_text_context_new (impact_document_get_language (document));
  self->rtl = impact_document_is_rtl (document);
  if (self->rtl)
    pango_context_set_base_dir (self->context, PANGO_DIRECTION_RTL);
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->colors = g_array_new (FALSE, FALSE, sizeof (ImpactColor));

  /* milestones, in the document's stable date order */
  milestones = impact_document_get_milestones (document);
  order = impact_document_get_milestone_order (document, &n);
  self->items = g_array_sized_new (FALSE, FALSE, sizeof (ImpactTimelineItem), n);
  self->times = g_new (double, MAX (n, 1));
  self->widths = g_new (float, MAX (n, 1));
  self->heights = g_new (float, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const ImpactMilestone *m = g_ptr_array_index (milestones, order[i]);
      ImpactTimelineItem item = { 0 };

      item.index = order[i];
      impact_date_get_span (&m->date, &item.span_start, &item.span_end);
      item.time = (item.span_start + item.span_end) / 2.0;
      item.precision = impact_date_get_precision (&m->date);
      item.category = category_for (self, seen, m->category, &has_other);
      g_array_append_val (self->items, item);
      self->times[i] = item.time;
      self->widths[i] = NAN;
      self->heights[i] = NAN;
    }
  /* A date order by (year, month, day) with the middle of the span as the
   * position is not monotonic: "2017" (2017.5) sorts before "2017-02"
   * (2017.125). Positions must be sorted for the binary search, so sort
   * by time; ties keep the document's order. */
  g_array_sort (self->items, compare_items);
  for (guint i = 0; i < n; i++)
    self->times[i] = g_array_index (self->items, ImpactTimelineItem, i).time;

  /* eras */
  eras = impact_document_get_eras (document);
  self->eras = g_array_sized_new (FALSE, FALSE, sizeof (ImpactTimelineEra), eras->len);
  for (guint i = 0; i < eras->len; i++)
    {
      const ImpactEra *e = g_ptr_array_index (eras, i);
      ImpactTimelineEra era = { 0 };
      double s, unused, end;

      era.index = i;
      impact_date_get_span (&e->start, &s, &unused);
      impact_date_get_span (&e->end, &unused, &end);
      era.start = s;
      era.end = MAX (end, s);
      era.category = category_for (self, seen, e->category, &has_other);
      g_array_append_val (self->eras, era);
    }
  g_array_sort (self->eras, compare_eras);
  self->n_era_lanes = assign_era_lanes (self->eras);

  /* colours: primary, accent, then the palette; "other" last, in grey */
  for (guint c = 0; c < self->categories->len; c++)
    {
      ImpactColor color;

      if (c == 0)
        color = *impact_theme_get_primary (theme);
      else if (c == 1)
        color = *impact_theme_get_accent (theme);
      else
        color = palette[(c - 2) % G_N_ELEMENTS (palette)];
      g_array_append_val (self->colors, color);
    }
  if (has_other)
    {
      guint other = self->categories->len;

      g_ptr_array_add (self->categories, NULL);
      g_array_append_val (self->colors, other_color);
      for (guint i = 0; i < self->items->len; i++)
        if (g_array_index (self->items, ImpactTimelineItem, i).category == G_MAXUINT)
          g_array_index (self->items, ImpactTimelineItem, i).category = other;
      for (guint i = 0; i < self->eras->len; i++)
        if (g_array_index (self->eras, ImpactTimelineEra, i).category == G_MAXUINT)
          g_array_index (self->eras, ImpactTimelineEra, i).category = other;
    }

  return self;
}

ImpactDocument *
impact_timeline_layout_get_document (ImpactTimelineLayout *self)
{
  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self), NULL);
  return self->document;
}

ImpactTheme *
impact_timeline_layout_get_theme (ImpactTimelineLayout *self)
{
  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self), NULL);
  return self->theme;
}

gboolean
impact_timeline_layout_is_rtl (ImpactTimelineLayout *self)
{
  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self), FALSE);
  return self->rtl;
}

PangoContext *
impact_timeline_layout_get_context (ImpactTimelineLayout *self)
{
  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self), NULL);
  return self->context;
}

guint
impact_timeline_layout_get_n_items (ImpactTimelineLayout *self)
{
  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self), 0);
  return self->items->len;
}

const ImpactTimelineItem *
impact_timeline_layout_get_item (ImpactTimelineLayout *self,
                                 guint                 position)
{
  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);
  return &g_array_index (self->items, ImpactTimelineItem, position);
}

const ImpactMilestone *
impact_timeline_layout_get_milestone (ImpactTimelineLayout *self,
                                      guint                 position)
{
  const ImpactTimelineItem *item = impact_timeline_layout_get_item (self, position);

  return item ? g_ptr_array_index (impact_document_get_milestones (self->document), item->index) : NULL;
}

int
impact_timeline_layout_find_index (ImpactTimelineLayout *self,
                                   guint                 index)
{
  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self), -1);
  for (guint i = 0; i < self->items->len; i++)
    if (g_array_index (self->items, ImpactTimelineItem, i).index == index)
      return (int) i;
  return -1;
}

gboolean
impact_timeline_layout_get_extent (ImpactTimelineLayout *self,
                                   double               *start,
                                   double               *end)
{
  double s = INFINITY, e = -INFINITY;

  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self), FALSE);
  if (self->items->len > 0)
    {
      /* spans are sorted by middle, so scan the ends for the extremes of
       * partial dates; cheap next to the sort */
      for (guint i = 0; i < self->items->len; i++)
        {
          const ImpactTimelineItem *item = &g_array_index (self->items, ImpactTimelineItem, i);

          s = MIN (s, item->span_start);
          e = MAX (e, item->span_end);
        }
    }
  for (guint i = 0; i < self->eras->len; i++)
    {
      const ImpactTimelineEra *era = &g_array_index (self->eras, ImpactTimelineEra, i);

      s = MIN (s, era->start);
      e = MAX (e, era->end);
    }
  if (!isfinite (s) || !isfinite (e))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      s = g_date_time_get_year (now);
      e = s + 1;
      if (start)
        *start = s;
      if (end)
        *end = e;
      return FALSE;
    }
  if (start)
    *start = s;
  if (end)
    *end = e;
  return TRUE;
}

static guint
lower_bound (const double *times,
             guint         n,
             double        t)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (times[mid] < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

void
impact_timeline_layout_find_range (ImpactTimelineLayout *self,
                                   double                start,
                                   double                end,
                                   guint                *first,
                                   guint                *last)
{
  guint f, l;

  g_return_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self));
  f = lower_bound (self->times, self->items->len, start);
  l = end > start ? lower_bound (self->times, self->items->len, end) : f;
  if (first)
    *first = f;
  if (last)
    *last = MAX (l, f);
}

int
impact_timeline_layout_find_nearest (ImpactTimelineLayout *self,
                                     double                time)
{
  guint n, i;

  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self), -1);
  n = self->items->len;
  if (n == 0)
    return -1;
  i = lower_bound (self->times, n, time);
  if (i == n)
    return n - 1;
  if (i > 0 && time - self->times[i - 1] <= self->times[i] - time)
    return i - 1;
  return i;
}

guint
impact_timeline_layout_get_n_categories (ImpactTimelineLayout *self)
{
  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self), 0);
  return self->categories->len;
}

const char *
impact_timeline_layout_get_category_name (ImpactTimelineLayout *self,
                                          guint                 category)
{
  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self), NULL);
  g_return_val_if_fail (category < self->categories->len, NULL);
  return g_ptr_array_index (self->categories, category);
}

void
impact_timeline_layout_get_category_color (ImpactTimelineLayout *self,
                                           guint                 category,
                                           ImpactColor          *color)
{
  g_return_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self));
  if (category < self->colors->len)
    *color = g_array_index (self->colors, ImpactColor, category);
  else
    *color = other_color;
}

guint
impact_timeline_layout_get_n_eras (ImpactTimelineLayout *self)
{
  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self), 0);
  return self->eras->len;
}

const ImpactTimelineEra *
impact_timeline_layout_get_era (ImpactTimelineLayout *self,
                                guint                 i)
{
  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self), NULL);
  g_return_val_if_fail (i < self->eras->len, NULL);
  return &g_array_index (self->eras, ImpactTimelineEra, i);
}

guint
impact_timeline_layout_get_n_era_lanes (ImpactTimelineLayout *self)
{
  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self), 0);
  return self->n_era_lanes;
}

char *
impact_timeline_format_metrics (const ImpactMilestone *milestone)
{
  g_return_val_if_fail (milestone != NULL, NULL);
  if (milestone->metrics == NULL || milestone->metrics->len == 0)
    return NULL;
  return impact_milestone_format_metrics (milestone);
}

char *
impact_timeline_format_metrics_for_language (const ImpactMilestone *milestone,
                                             const char            *language,
                                             ImpactDigits           digits)
{
  g_return_val_if_fail (milestone != NULL, NULL);
  if (milestone->metrics == NULL || milestone->metrics->len == 0)
    return NULL;
  return impact_format_milestone_metrics (language, digits, milestone);
}

/* Labels */

static void
color_to_hex (const ImpactColor *c,
              char               out[8])
{
  g_snprintf (out, 8, "#%02x%02x%02x",
              (int) CLAMP (c->red * 255 + 0.5, 0, 255),
              (int) CLAMP (c->green * 255 + 0.5, 0, 255),
              (int) CLAMP (c->blue * 255 + 0.5, 0, 255));
}

static const char *line_spans[LINE_STYLES] = {
  "<span size='7.5pt' weight='bold' letter_spacing='600'>",
  "<span weight='600'>",
  "<span size='8.5pt'>",
};

/* The labels' families: the theme's body font, then the fallbacks the
 * sheet uses for the document's language and for symbols
 * (impact_fonts_complete_families), so that a label picks the fonts its
 * text gets on the sheet */
static void
set_label_font (ImpactTimelineLayout *self,
                PangoLayout          *layout)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_new ();

  if (self->label_families == NULL)
    self->label_families = impact_fonts_complete_families (impact_theme_get_body_font (self->theme),
                                                           impact_document_get_language (self->document),
                                                           NULL);
  pango_font_description_set_family (desc, self->label_families);
  pango_font_description_set_size (desc, 11 * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
}

/* The advance of one character in one of the label's line styles,
 * measured once with Pango */
static double
char_advance (ImpactTimelineLayout *self,
              guint                 style,
              gunichar              ch)
{
  float *slot = &self->advances[style * ADVANCE_CHARS + ch];

  if (isnan (*slot))
    {
      char buf[8] = { 0 };
      g_autofree char *escaped = NULL;
      g_autofree char *markup = NULL;
      PangoRectangle logical;

      g_unichar_to_utf8 (ch, buf);
      escaped = g_markup_escape_text (buf, -1);
      markup = g_strconcat (line_spans[style], escaped, "</span>", NULL);
      if (self->measure == NULL)
        self->measure = pango_layout_new (self->context);
      set_label_font (self, self->measure);
      pango_layout_set_width (self->measure, -1);
      pango_layout_set_ellipsize (self->measure, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_markup (self->measure, markup, -1);
      pango_layout_get_extents (self->measure, NULL, &logical);
      *slot = logical.width / (double) PANGO_SCALE;
    }
  return *slot;
}

/* The width of @text in a line style from per-character advances, or -1
 * when a character is outside the table. Kerning and ligatures only ever
 * narrow Latin text here, so the sum (plus slack) is an upper bound. */
static double
estimate_width (ImpactTimelineLayout *self,
                guint                 style,
                const char           *text,
                gboolean              uppercase)
{
  double w = 0;

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (uppercase)
        ch = g_unichar_toupper (ch);
      if (ch >= ADVANCE_CHARS || ch < 0x20)
        return -1;
      w += char_advance (self, style, ch);
      if (w > IMPACT_TIMELINE_LABEL_MAX_WIDTH + 20)
        break;
    }
  return w;
}

/* Three lines: the date in the category's colour, small capitals; the title
 * in semibold; the metrics, muted. Each line is one paragraph, ellipsized. */
static void
fill_label (ImpactTimelineLayout *self,
            PangoLayout          *layout,
            guint                 position)
{
  const ImpactTimelineItem *item = &g_array_index (self->items, ImpactTimelineItem, position);
  const ImpactMilestone *m = g_ptr_array_index (impact_document_get_milestones (self->document), item->index);
  const char *language = impact_document_get_language (self->document);
  ImpactDigits digits = impact_format_document_digits (self->document);
  g_autofree char *date = impact_format_date (language, digits, &m->date);
  g_autofree char *date_up = g_utf8_strup (date, -1);
  g_autofree char *metrics = impact_timeline_format_metrics_for_language (m, language, digits);
  g_autofree char *markup = NULL;
  ImpactColor color;
  char cat_hex[8], text_hex[8];
  const ImpactColor *text = impact_theme_get_text (self->theme);
  ImpactColor muted = { text->red * 0.6 + 0.4 * 0.55, text->green * 0.6 + 0.4 * 0.58, text->blue * 0.6 + 0.4 * 0.62 };
  char muted_hex[8];
  const char *tracking;

  impact_timeline_layout_get_category_color (self, item->category, &color);
  {
    /* readable on the label's card, and on its tint when selected */
    const ImpactColor *bg = impact_theme_get_background (self->theme);
    ImpactColor card = { bg->red + (color.red - bg->red) * 0.12,
                         bg->green + (color.green - bg->green) * 0.12,
                         bg->blue + (color.blue - bg->blue) * 0.12 };
    ImpactColor date_color, title_color, metrics_color;

    impact_timeline_readable_color (&color, 1, &card, 7.5, TRUE, &date_color);
    impact_timeline_readable_color (text, 1, &card, 9, FALSE, &title_color);
    impact_timeline_readable_color (&muted, 1, &card, 8.5, FALSE, &metrics_color);
    color_to_hex (&date_color, cat_hex);
    color_to_hex (&title_color, text_hex);
    color_to_hex (&metrics_color, muted_hex);
  }

  set_label_font (self, layout);
  /* dates in Arabic or Bengali months: no tracking on joined letters */
  tracking = impact_script_text_allows_letter_spacing (date_up) ? "600" : "0";
  if (metrics)
    markup = g_markup_printf_escaped ("<span size='7.5pt' weight='bold' letter_spacing='%s' foreground='%s'>%s</span>\n"
                                      "<span weight='600' foreground='%s'>%s</span>\n"
                                      "<span size='8.5pt' foreground='%s'>%s</span>",
                                      tracking, cat_hex, date_up, text_hex, m->title ? m->title : "",
                                      muted_hex, metrics);
  else
    markup = g_markup_printf_escaped ("<span size='7.5pt' weight='bold' letter_spacing='%s' foreground='%s'>%s</span>\n"
                                      "<span weight='600' foreground='%s'>%s</span>",
                                      tracking, cat_hex, date_up, text_hex, m->title ? m->title : "");
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_width (layout, (int) (IMPACT_TIMELINE_LABEL_MAX_WIDTH * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -1);
  pango_layout_set_spacing (layout, 1 * PANGO_SCALE);
  /* right-to-left: the text hugs the flag line at the label's right */
  pango_layout_set_auto_dir (layout, !self->rtl);
  pango_layout_set_alignment (layout, self->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
}

static void
measure_label_with_pango (ImpactTimelineLayout *self,
                          guint                 position)
{
  PangoLayout *layout = g_hash_table_lookup (self->labels, GUINT_TO_POINTER (position));
  PangoRectangle logical;

  if (layout == NULL)
    {
      if (self->measure == NULL)
        self->measure = pango_layout_new (self->context);
      layout = self->measure;
      fill_label (self, layout, position);
    }
  pango_layout_get_extents (layout, NULL, &logical);
  /* the ellipsized width, so short titles take short lanes */
  self->widths[position] = IMPACT_TIMELINE_LABEL_GAP +
                           MIN (logical.width / (double) PANGO_SCALE, IMPACT_TIMELINE_LABEL_MAX_WIDTH);
  self->heights[position] = logical.height / (double) PANGO_SCALE;
}

static void
measure_label (ImpactTimelineLayout *self,
               guint                 position)
{
  const ImpactTimelineItem *item = &g_array_index (self->items, ImpactTimelineItem, position);
  const ImpactMilestone *m = g_ptr_array_index (impact_document_get_milestones (self->document), item->index);
  const char *language = impact_document_get_language (self->document);
  ImpactDigits digits = impact_format_document_digits (self->document);
  g_autofree char *date = impact_format_date (language, digits, &m->date);
  g_autofree char *metrics = impact_timeline_format_metrics_for_language (m, language, digits);
  double w[3];

  w[0] = estimate_width (self, 0, date, TRUE);
  w[1] = estimate_width (self, 1, m->title, FALSE);
  w[2] = metrics ? estimate_width (self, 2, metrics, FALSE) : 0;
  if (w[0] < 0 || w[1] < 0 || w[2] < 0 || isnan (self->line_heights[metrics ? 1 : 0]))
    {
      measure_label_with_pango (self, position);
      if (w[0] >= 0 && w[1] >= 0 && w[2] >= 0)
        self->line_heights[metrics ? 1 : 0] = self->heights[position];
      return;
    }
  self->widths[position] = IMPACT_TIMELINE_LABEL_GAP +
                           MIN (MAX (w[0], MAX (w[1], w[2])) * 1.01 + 1.0, IMPACT_TIMELINE_LABEL_MAX_WIDTH);
  self->heights[position] = self->line_heights[metrics ? 1 : 0];
}

void
impact_timeline_layout_get_label_size (ImpactTimelineLayout *self,
                                       guint                 position,
                                       double               *width,
                                       double               *height)
{
  g_return_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self));
  g_return_if_fail (position < self->items->len);
  if (isnan (self->widths[position]))
    measure_label (self, position);
  if (width)
    *width = self->widths[position];
  if (height)
    *height = self->heights[position];
}

PangoLayout *
impact_timeline_layout_get_label (ImpactTimelineLayout *self,
                                  guint                 position)
{
  PangoLayout *layout;

  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  layout = g_hash_table_lookup (self->labels, GUINT_TO_POINTER (position));
  if (layout != NULL)
    return layout;
  if (g_hash_table_size (self->labels) >= LABEL_CACHE_MAX)
    g_hash_table_remove_all (self->labels);
  layout = pango_layout_new (self->context);
  fill_label (self, layout, position);
  g_hash_table_insert (self->labels, GUINT_TO_POINTER (position), layout);
  if (isnan (self->widths[position]))
    measure_label (self, position);
  return layout;
}

PangoLayout *
impact_timeline_layout_get_text (ImpactTimelineLayout *self,
                                 const char           *text,
                                 double                size,
                                 int                   weight,
                                 gboolean              uppercase)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;
  ImpactTextStyle style = { 0 };

  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self), NULL);
  key = g_strdup_printf ("%.2f|%d|%d|%s", size, weight, uppercase, text ? text : "");
  layout = g_hash_table_lookup (self->texts, key);
  if (layout != NULL)
    return layout;
  if (g_hash_table_size (self->texts) >= 512)
    g_hash_table_remove_all (self->texts);
  style.family = impact_theme_get_body_font (self->theme);
  style.weight = weight;
  style.size = size;
  style.uppercase = uppercase;
  style.letter_spacing = uppercase ? size * 0.06 : 0;
  style.align = PANGO_ALIGN_LEFT;
  layout = impact_text_layout_new (self->context, &style, text, FALSE, -1);
  g_hash_table_insert (self->texts, g_steal_pointer (&key), layout);
  return layout;
}

PangoLayout *
impact_timeline_layout_peek_label (ImpactTimelineLayout *self,
                                   guint                 position)
{
  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self), NULL);
  return g_hash_table_lookup (self->labels, GUINT_TO_POINTER (position));
}

GHashTable *
impact_timeline_layout_get_sprites (ImpactTimelineLayout *self)
{
  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self), NULL);
  return self->sprites;
}

guint
impact_timeline_layout_get_n_cached_labels (ImpactTimelineLayout *self)
{
  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self), 0);
  return g_hash_table_size (self->labels);
}

/* Placement */

const ImpactTimelinePlacement *
impact_timeline_layout_place (ImpactTimelineLayout *self,
                              double                zoom,
                              guint                 n_above,
                              guint                 n_below)
{
  ImpactTimelinePlacement *p;
  double step, q;
  double lane_end[IMPACT_TIMELINE_MAX_LANES];
  guint order[IMPACT_TIMELINE_MAX_LANES];
  guint n_lanes, n = self->items->len;
  int last_side = 1;   /* the first label goes above */

  g_return_val_if_fail (IMPACT_IS_TIMELINE_LAYOUT (self), NULL);
  g_return_val_if_fail (zoom > 0, NULL);

  n_above = MIN (n_above, IMPACT_TIMELINE_MAX_LANES / 2);
  n_below = MIN (n_below, IMPACT_TIMELINE_MAX_LANES / 2);
  step = floor (log2 (zoom) * ZOOM_STEPS_PER_OCTAVE);
  q = exp2 (step / ZOOM_STEPS_PER_OCTAVE);

  for (guint i = 0; i < N_PLACEMENTS; i++)
    {
      p = &self->placements[i];
      if (p->lanes && p->zoom == q && p->n_above == n_above && p->n_below == n_below)
        return p;
    }

  p = &self->placements[self->next_placement];
  self->next_placement = (self->next_placement + 1) % N_PLACEMENTS;
  g_free (p->lanes);
  p->lanes = g_new (gint8, MAX (n, 1));
  p->zoom = q;
  p->n_above = n_above;
  p->n_below = n_below;
  p->n_shown = 0;

  n_lanes = n_above + n_below;
  for (guint l = 0; l < IMPACT_TIMELINE_MAX_LANES; l++)
    lane_end[l] = -INFINITY;

  for (guint i = 0; i < n; i++)
    {
      double x = self->times[i] * q;
      guint k = 0;
      int chosen = -1;

      /* alternate: the nearest lane on the other side first, then the
       * nearest on the same side, then further out */
      for (guint depth = 0; depth < MAX (n_above, n_below); depth++)
        for (int s = 0; s < 2; s++)
          {
            int side = s == 0 ? !last_side : last_side;   /* 0 above, 1 below */

            if ((side == 0 && depth < n_above) || (side == 1 && depth < n_below))
              order[k++] = depth * 2 + side;
          }
      for (guint j = 0; j < k && j < n_lanes; j++)
        if (lane_end[order[j]] <= x)
          {
            chosen = order[j];
            break;
          }
      if (chosen < 0)
        {
          p->lanes[i] = -1;
          continue;
        }
      if (isnan (self->widths[i]))
        measure_label (self, i);
      lane_end[chosen] = x + self->widths[i] + IMPACT_TIMELINE_LABEL_PAD;
      p->lanes[i] = (gint8) chosen;
      last_side = chosen & 1;
      p->n_shown++;
    }
  return p;
}

/* Ticks */

typedef struct
{
  ImpactTimelineTickUnit unit;
  int                    count;   /* years, months or days per step */
  double                 approx;  /* in years */
} TickStep;

static const TickStep steps[] = {
  { IMPACT_TIMELINE_TICK_DAY, 1, 1 / 365.25 },
  { IMPACT_TIMELINE_TICK_DAY, 2, 2 / 365.25 },
  { IMPACT_TIMELINE_TICK_DAY, 7, 7 / 365.25 },
  { IMPACT_TIMELINE_TICK_DAY, 14, 14 / 365.25 },
  { IMPACT_TIMELINE_TICK_MONTH, 1, 1 / 12.0 },
  { IMPACT_TIMELINE_TICK_MONTH, 3, 3 / 12.0 },
  { IMPACT_TIMELINE_TICK_MONTH, 6, 6 / 12.0 },
  { IMPACT_TIMELINE_TICK_YEAR, 1, 1 },
  { IMPACT_TIMELINE_TICK_YEAR, 2, 2 },
  { IMPACT_TIMELINE_TICK_YEAR, 5, 5 },
  { IMPACT_TIMELINE_TICK_DECADE, 10, 10 },
  { IMPACT_TIMELINE_TICK_DECADE, 20, 20 },
  { IMPACT_TIMELINE_TICK_DECADE, 50, 50 },
  { IMPACT_TIMELINE_TICK_DECADE, 100, 100 },
  { IMPACT_TIMELINE_TICK_DECADE, 200, 200 },
  { IMPACT_TIMELINE_TICK_DECADE, 500, 500 },
  { IMPACT_TIMELINE_TICK_DECADE, 1000, 1000 },
};

static double
day_time (int year, int month, int day)
{
  GDate g;
  int ndays = g_date_is_leap_year (year) ? 366 : 365;

  g_date_clear (&g, 1);
  g_date_set_dmy (&g, day, month, year);
  return year + (g_date_get_day_of_year (&g) - 1) / (double) ndays;
}

static void
tick_clear (gpointer data)
{
  g_free (((ImpactTimelineTick *) data)->label);
}

static void
add_tick (GArray     *ticks,
          double      time,
          gboolean    major,
          char       *label)
{
  ImpactTimelineTick tick = { time, major, label };

  if (ticks->len >= MAX_TICKS)
    {
      g_free (label);
      return;
    }
  g_array_append_val (ticks, tick);
}

/* Every tick of one step between start and end */
static void
emit_ticks (const char     *language,
            ImpactDigits    digits,
            GArray         *ticks,
            const TickStep *step,
            double          start,
            double          end,
            gboolean        major)
{
  int y0 = (int) floor (start), y1 = (int) ceil (end);

  y0 = CLAMP (y0, 1, 9999);
  y1 = CLAMP (y1, 1, 10000);
  switch (step->unit)
    {
    case IMPACT_TIMELINE_TICK_YEAR:
    case IMPACT_TIMELINE_TICK_DECADE:
      for (int y = y0 - (y0 % step->count); y <= y1 && ticks->len < MAX_TICKS; y += step->count)
        if (y >= start && y <= end && y >= 1)
          add_tick (ticks, y, major, major ? impact_format_year (language, digits, y) : NULL);
      break;

    case IMPACT_TIMELINE_TICK_MONTH:
      for (int y = y0; y <= y1 && y <= 9999 && ticks->len < MAX_TICKS; y++)
        for (int m = 1; m <= 12; m += step->count)
          {
            double t = y + (m - 1) / 12.0;

            if (t < start || t > end)
              continue;
            add_tick (ticks, t, major,
                      !major ? NULL : impact_format_month_abbrev (language, digits,
                                                                     m == 1 ? y : 0, m));
          }
      break;

    case IMPACT_TIMELINE_TICK_DAY:
    default:
      for (int y = y0; y <= y1 && y <= 9999 && ticks->len < MAX_TICKS; y++)
        for (int m = 1; m <= 12 && ticks->len < MAX_TICKS; m++)
          {
            int nd = g_date_get_days_in_month (m, y);

            if (y + m / 12.0 < start || y + (m - 1) / 12.0 > end)
              continue;
            for (int d = 1; d <= nd; d++)
              {
                double t;
                gboolean first_of_month = d == 1;

                /* steps restart each month, so labels read 1, 8, 15, 22 */
                if ((d - 1) % step->count != 0 || (step->count > 1 && d + step->count > nd + 1 && d != 1 && nd - d < step->count / 2))
                  continue;
                t = day_time (y, m, d);
                if (t < start || t > end)
                  continue;
                add_tick (ticks, t, major,
                          !major ? NULL :
                          first_of_month ? impact_format_month_abbrev (language, digits, y, m) :
                          impact_format_integer (language, digits, d));
              }
          }
      break;
    }
}

GArray *
impact_timeline_ticks_new (double                  start,
                           double                  end,
                           double                  zoom,
                           double                  min_spacing,
                           ImpactTimelineTickUnit *unit)
{
  return impact_timeline_ticks_new_for_language (NULL, IMPACT_DIGITS_DEFAULT, start, end, zoom, min_spacing, unit);
}

GArray *
impact_timeline_ticks_new_for_language (const char             *language,
                                        ImpactDigits            digits,
                                        double                  start,
                                        double                  end,
                                        double                  zoom,
                                        double                  min_spacing,
                                        ImpactTimelineTickUnit *unit)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (ImpactTimelineTick));
  guint s, minor;

  g_array_set_clear_func (ticks, tick_clear);
  if (!(zoom > 0) || !(end > start) || !isfinite (start) || !isfinite (end))
    return ticks;

  for (s = 0; s < G_N_ELEMENTS (steps) - 1; s++)
    if (steps[s].approx * zoom >= min_spacing)
      break;
  if (unit)
    *unit = steps[s].unit;

  /* minor ticks: the finest step that is still 6 units apart, of the same
   * family (a month inside years, a year inside decades) */
  minor = G_MAXUINT;
  for (guint k = 0; k < s; k++)
    if (steps[k].approx * zoom >= 6.0 &&
        (steps[k].unit == steps[s].unit ||
         (steps[k].unit == IMPACT_TIMELINE_TICK_YEAR && steps[s].unit == IMPACT_TIMELINE_TICK_DECADE) ||
         (steps[k].unit == IMPACT_TIMELINE_TICK_MONTH && steps[s].unit == IMPACT_TIMELINE_TICK_YEAR)))
      {
        minor = k;
        break;
      }

  emit_ticks (language, digits, ticks, &steps[s], start, end, TRUE);
  if (minor != G_MAXUINT)
    {
      g_autoptr(GArray) extra = g_array_new (FALSE, FALSE, sizeof (ImpactTimelineTick));

      g_array_set_clear_func (extra, tick_clear);
      emit_ticks (language, digits, extra, &steps[minor], start, end, FALSE);
      for (guint i = 0; i < extra->len && ticks->len < MAX_TICKS; i++)
        {
          ImpactTimelineTick *t = &g_array_index (extra, ImpactTimelineTick, i);
          gboolean dup = FALSE;

          /* skip where a major tick stands (both lists are sorted, but a
           * simple check against the major list's step keeps it short) */
          for (guint j = 0; j < ticks->len && !dup; j++)
            {
              ImpactTimelineTick *mj = &g_array_index (ticks, ImpactTimelineTick, j);

              if (!mj->major)
                break;
              dup = fabs (mj->time - t->time) < 1e-9;
            }
          if (!dup)
            add_tick (ticks, t->time, FALSE, NULL);
        }
    }
  return ticks;
}
