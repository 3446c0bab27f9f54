/* test-timeline-rtl.c: a right-to-left document's slide and handout mirror
 *
 * An Arabic copy of the Kolkata example (language "ar", a few titles in
 * Arabic) against the English original: the markers of the first and the
 * last milestone swap sides, labels end at their markers, every text stays
 * inside the slide without overlapping another, and no Arabic run is
 * letter-spaced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "impact-json-loader.h"
#include "impact-script.h"
#include "impact-test-utils.h"
#include "impact-timeline-render.h"
#include "impact-timeline-step.h"

#define SLIDE_W 960.0
#define SLIDE_H 540.0
#define SCALE   2.0

static const char *arabic_titles[][2] = {
  { "Kolkata office opens", "افتتاح مكتب كولكاتا" },
  { "First rescue operation", "أول عملية إنقاذ" },
  { "Landmark conviction", "حكم تاريخي بالإدانة" },
  { "Baruipur–Pune joint operation", "عملية مشتركة بين باروئيبور وبونه" },
};

static ImpactDocument *
load_example (gboolean arabic)
{
  g_autofree char *path = impact_test_example_path ("kolkata.json");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  ImpactDocument *doc;

  g_assert_true (g_file_get_contents (path, &text, &length, &error));
  g_assert_no_error (error);
  if (arabic)
    {
      GString *s = g_string_new (text);

      g_assert_cmpuint (g_string_replace (s, "\"language\": \"en\"", "\"language\": \"ar\"", 1), ==, 1);
      for (guint i = 0; i < G_N_ELEMENTS (arabic_titles); i++)
        {
          g_autofree char *from = g_strdup_printf ("\"title\": \"%s\"", arabic_titles[i][0]);
          g_autofree char *to = g_strdup_printf ("\"title\": \"%s\"", arabic_titles[i][1]);

          g_assert_cmpuint (g_string_replace (s, from, to, 1), ==, 1);
        }
      g_free (text);
      length = s->len;
      text = g_string_free (s, FALSE);
    }
  doc = impact_json_loader_load_data (text, length, "kolkata.json", NULL, NULL, &error);
  g_assert_no_error (error);
  return doc;
}

static ImpactTimelineLayout *
layout_for (ImpactDocument *doc)
{
  g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);

  return impact_timeline_layout_new (doc, theme);
}

typedef struct
{
  char   *text;
  double  x, y, w, h;
} Seen;

static void
seen_clear (gpointer data)
{
  g_free (((Seen *) data)->text);
}

static gboolean
collect (PangoLayout *layout,
         double       x,
         double       y,
         double       w,
         double       h,
         double       r,
         double       g,
         double       b,
         double       a,
         gpointer     data)
{
  GArray *seen = data;
  Seen s = { g_strdup (pango_layout_get_text (layout)), x, y, w, h };
  PangoAttrList *attrs = pango_layout_get_attributes (layout);

  /* no letter-spacing over letters that join */
  if (attrs != NULL)
    {
      g_autoptr(GSList) list = pango_attr_list_get_attributes (attrs);
      const char *t = pango_layout_get_text (layout);
      gsize len = strlen (t);

      for (GSList *l = list; l; l = l->next)
        {
          PangoAttribute *attr = l->data;

          if (attr->klass->type == PANGO_ATTR_LETTER_SPACING && ((PangoAttrInt *) attr)->value != 0)
            {
              guint end = MIN (attr->end_index, len);
              g_autofree char *run = g_strndup (t + MIN (attr->start_index, end), end - MIN (attr->start_index, end));

              if (!impact_script_text_allows_letter_spacing (run))
                g_error ("letter-spaced joined letters: \"%s\"", run);
            }
        }
      g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);
    }
  if (w > 0 && h > 0)
    g_array_append_val (seen, s);
  else
    g_free (s.text);
  return TRUE;
}

static GArray *
texts_of_slide (ImpactTimelineLayout *layout)
{
  GArray *seen = g_array_new (FALSE, FALSE, sizeof (Seen));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SLIDE_W * SCALE, SLIDE_H * SCALE);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GError) error = NULL;

  g_array_set_clear_func (seen, seen_clear);
  cairo_scale (cr, SCALE, SCALE);
  impact_timeline_render_set_text_probe (collect, seen);
  g_assert_true (impact_timeline_render_slide (cr, layout, SLIDE_W, SLIDE_H, &error));
  impact_timeline_render_set_text_probe (NULL, NULL);
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return seen;
}

static const Seen *
find_text (GArray     *seen,
           const char *needle)
{
  for (guint i = 0; i < seen->len; i++)
    if (strstr (g_array_index (seen, Seen, i).text, needle))
      return &g_array_index (seen, Seen, i);
  return NULL;
}

static void
test_direction (void)
{
  g_autoptr(ImpactDocument) en = load_example (FALSE);
  g_autoptr(ImpactDocument) ar = load_example (TRUE);
  g_autoptr(ImpactTimelineLayout) len = layout_for (en);
  g_autoptr(ImpactTimelineLayout) lar = layout_for (ar);

  g_assert_false (impact_timeline_layout_is_rtl (len));
  g_assert_true (impact_timeline_layout_is_rtl (lar));
}

static void
test_markers_mirrored (void)
{
  g_autoptr(ImpactDocument) en = load_example (FALSE);
  g_autoptr(ImpactDocument) ar = load_example (TRUE);
  g_autoptr(ImpactTimelineLayout) len = layout_for (en);
  g_autoptr(ImpactTimelineLayout) lar = layout_for (ar);
  guint n = impact_timeline_layout_get_n_items (lar);
  double en_first, en_last, ar_first, ar_last, y_en, y_ar;

  g_assert_cmpuint (n, ==, impact_timeline_layout_get_n_items (len));
  g_assert_cmpuint (n, >=, 2);
  impact_timeline_slide_get_marker (len, SLIDE_W, SLIDE_H, 0, &en_first, &y_en);
  impact_timeline_slide_get_marker (len, SLIDE_W, SLIDE_H, n - 1, &en_last, NULL);
  impact_timeline_slide_get_marker (lar, SLIDE_W, SLIDE_H, 0, &ar_first, &y_ar);
  impact_timeline_slide_get_marker (lar, SLIDE_W, SLIDE_H, n - 1, &ar_last, NULL);
  /* English: earliest at the left; Arabic: earliest at the right */
  g_assert_cmpfloat (en_first, <, en_last);
  g_assert_cmpfloat (ar_first, >, ar_last);
  g_assert_cmpfloat_with_epsilon (ar_first, SLIDE_W - en_first, 0.5);
  g_assert_cmpfloat_with_epsilon (ar_last, SLIDE_W - en_last, 0.5);
  g_assert_cmpfloat_with_epsilon (y_ar, y_en, 0.01);
  g_assert_cmpfloat (ar_first, >, SLIDE_W / 2);
  g_assert_cmpfloat (ar_last, <, SLIDE_W / 2);
}

static void
test_labels_end_at_markers (void)
{
  g_autoptr(ImpactDocument) ar = load_example (TRUE);
  g_autoptr(ImpactTimelineLayout) layout = layout_for (ar);
  g_autoptr(GArray) seen = texts_of_slide (layout);
  guint checked = 0;

  for (guint p = 0; p < impact_timeline_layout_get_n_items (layout); p++)
    {
      const ImpactMilestone *m = impact_timeline_layout_get_milestone (layout, p);
      const Seen *s = find_text (seen, m->title);
      double mx;

      if (s == NULL)
        continue;   /* a label without a free lane is hidden */
      impact_timeline_slide_get_marker (layout, SLIDE_W, SLIDE_H, p, &mx, NULL);
      mx *= SCALE;
      /* the label is left of its marker, its text ending by the flag line */
      g_assert_cmpfloat (s->x + s->w, <=, mx + 1);
      g_assert_cmpfloat (s->x + s->w, >=, mx - SCALE * (IMPACT_TIMELINE_LABEL_GAP + 8));
      checked++;
    }
  g_assert_cmpuint (checked, >=, 3);
}

static void
test_texts_inside_apart (void)
{
  g_autoptr(ImpactDocument) ar = load_example (TRUE);
  g_autoptr(ImpactTimelineLayout) layout = layout_for (ar);
  g_autoptr(GArray) seen = texts_of_slide (layout);
  const Seen *title;

  g_assert_cmpuint (seen->len, >=, 8);
  for (guint i = 0; i < seen->len; i++)
    {
      const Seen *a = &g_array_index (seen, Seen, i);

      if (a->x < -0.5 || a->y < -0.5 || a->x + a->w > SLIDE_W * SCALE + 0.5 || a->y + a->h > SLIDE_H * SCALE + 0.5)
        g_error ("\"%s\" at %.1f,%.1f %.1f×%.1f leaves the slide", a->text, a->x, a->y, a->w, a->h);
      for (guint j = i + 1; j < seen->len; j++)
        {
          const Seen *b = &g_array_index (seen, Seen, j);
          double ox = MIN (a->x + a->w, b->x + b->w) - MAX (a->x, b->x);
          double oy = MIN (a->y + a->h, b->y + b->h) - MAX (a->y, b->y);

          if (ox > 1 && oy > 1)
            g_error ("\"%s\" and \"%s\" overlap", a->text, b->text);
        }
    }
  /* the title band reads from the right */
  title = find_text (seen, impact_document_get_milestones_heading (ar) ? impact_document_get_milestones_heading (ar) : "");
  if (title)
    g_assert_cmpfloat (title->x + title->w, >, SLIDE_W * SCALE - 36 * SCALE - 2);
}

static void
test_handout_mirrored (void)
{
  g_autoptr(ImpactDocument) en = load_example (FALSE);
  g_autoptr(ImpactDocument) ar = load_example (TRUE);
  double x_en = 0, x_ar = 0;

  for (int k = 0; k < 2; k++)
    {
      g_autoptr(ImpactTimelineLayout) layout = layout_for (k ? ar : en);
      g_autoptr(ImpactTimelineHandout) ho = impact_timeline_handout_new (layout, IMPACT_PAGE_SIZE_A4);
      g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (Seen));
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 595, 842);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(GError) error = NULL;
      const Seen *s;

      g_array_set_clear_func (seen, seen_clear);
      impact_timeline_render_set_text_probe (collect, seen);
      g_assert_true (impact_timeline_handout_render_page (cr, ho, 0, &error));
      impact_timeline_render_set_text_probe (NULL, NULL);
      g_assert_no_error (error);
      s = find_text (seen, impact_timeline_layout_get_milestone (layout, 0)->title);
      g_assert_nonnull (s);
      for (guint i = 0; i < seen->len; i++)
        {
          const Seen *a = &g_array_index (seen, Seen, i);

          g_assert_cmpfloat (a->x, >=, 0);
          g_assert_cmpfloat (a->x + a->w, <=, 595);
        }
      if (k)
        x_ar = s->x + s->w;
      else
        x_en = s->x;
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  /* the title starts after the track: at the left in English, ends at
   * the mirrored place in Arabic */
  g_assert_cmpfloat (x_en, >, 595 / 4.0);
  g_assert_cmpfloat (x_ar, <, 595 * 3 / 4.0);
  g_assert_cmpfloat (fabs (x_ar - (595 - x_en)), <, 3);
}

/* The presenter's steps come from the same drawing: a milestone's title
 * starts at the right margin and every text above the track stays on the slide */
static void
test_steps_mirrored (void)
{
  g_autoptr(ImpactDocument) ar = load_example (TRUE);
  g_autoptr(ImpactTimelineLayout) layout = layout_for (ar);

  for (int step = IMPACT_TIMELINE_STEP_TITLE; step < 2; step++)
    {
      g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (Seen));
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SLIDE_W, SLIDE_H);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(GError) error = NULL;

      g_array_set_clear_func (seen, seen_clear);
      impact_timeline_render_set_text_probe (collect, seen);
      g_assert_true (impact_timeline_render_step (cr, layout, SLIDE_W, SLIDE_H, step, TRUE,
                                                  step >= 0 ? impact_timeline_layout_get_item (layout, step)->time : 2006,
                                                  &error));
      impact_timeline_render_set_text_probe (NULL, NULL);
      g_assert_no_error (error);
      g_assert_cmpuint (seen->len, >=, 3);
      for (guint i = 0; i < seen->len; i++)
        {
          const Seen *a = &g_array_index (seen, Seen, i);

          /* the track along the bottom is clipped to the slide, as a camera's view */
          if (a->y > SLIDE_H - 210)
            continue;
          g_assert_cmpfloat (a->x, >=, -0.5);
          g_assert_cmpfloat (a->x + a->w, <=, SLIDE_W + 0.5);
        }
      if (step >= 0)
        {
          const Seen *title = NULL;

          /* the first match is the big title, drawn before the track's label */
          title = find_text (seen, impact_timeline_layout_get_milestone (layout, step)->title);
          g_assert_nonnull (title);
          g_assert_cmpfloat (title->x + title->w, >, SLIDE_W - 60 - 4);
          g_assert_cmpfloat (title->x + title->w, <=, SLIDE_W - 60 + 1);
        }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timeline-rtl/direction", test_direction);
  g_test_add_func ("/timeline-rtl/markers-mirrored", test_markers_mirrored);
  g_test_add_func ("/timeline-rtl/labels-end-at-markers", test_labels_end_at_markers);
  g_test_add_func ("/timeline-rtl/texts-inside-apart", test_texts_inside_apart);
  g_test_add_func ("/timeline-rtl/handout-mirrored", test_handout_mirrored);
  g_test_add_func ("/timeline-rtl/steps-mirrored", test_steps_mirrored);
  return g_test_run ();
}
