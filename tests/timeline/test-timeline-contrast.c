/* test-timeline-contrast.c: every text of the slide and the handout reads
 *
 * Each text is drawn once with the text probe leaving texts out, to see
 * what it lies on (the commonest colour under its ink box), and its colour
 * (the source colour, and each foreground a label's markup sets, laid over
 * that with its alpha) must reach WCAG AA: 4.5:1 for small text, 3:1 for
 * large (18 pt, or 14 pt bold). For the example's theme, a dark theme and
 * a theme of light colours, left to right and right to left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "impact-json-loader.h"
#include "impact-test-utils.h"
#include "impact-timeline-render.h"
#include "impact-timeline-step.h"

typedef struct
{
  const char *name;
  const char *primary, *accent, *text, *background;
} Theme;

static const Theme themes[] = {
  { "example", "#1b365d", "#d9822b", "#1f2933", "#ffffff" },
  { "dark",    "#2a4d7a", "#e0a030", "#eef1f4", "#15181c" },
  { "light",   "#8fb8de", "#f2c14e", "#4a5560", "#fdfbf5" },
};

typedef struct
{
  char   *text;
  double  x, y, w, h;
  double  size;         /* points, the smallest in the text */
  gboolean bold;
  GArray *colors;       /* of double[4]: r, g, b, a */
} Op;

static void
op_clear (gpointer data)
{
  Op *op = data;

  g_free (op->text);
  g_array_unref (op->colors);
}

static ImpactDocument *
load (const Theme *t,
      gboolean     arabic)
{
  g_autofree char *path = impact_test_example_path ("kolkata.json");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GString *s;
  gsize length;
  ImpactDocument *doc;
  const char *from[] = { "\"primary\": \"#1b365d\"", "\"accent\": \"#d9822b\"", "\"text\": \"#1f2933\"", "\"background\": \"#ffffff\"" };
  const char *to[] = { t->primary, t->accent, t->text, t->background };
  const char *keys[] = { "primary", "accent", "text", "background" };

  g_assert_true (g_file_get_contents (path, &text, &length, &error));
  s = g_string_new (text);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *r = g_strdup_printf ("\"%s\": \"%s\"", keys[i], to[i]);

      g_assert_cmpuint (g_string_replace (s, from[i], r, 1), ==, 1);
    }
  if (arabic)
    g_assert_cmpuint (g_string_replace (s, "\"language\": \"en\"", "\"language\": \"ar\"", 1), ==, 1);
  doc = impact_json_loader_load_data (s->str, s->len, "kolkata.json", NULL, NULL, &error);
  g_assert_no_error (error);
  g_string_free (s, TRUE);
  return doc;
}

static gboolean
probe (PangoLayout *layout,
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
  GArray *ops = data;
  const PangoFontDescription *desc = pango_layout_get_font_description (layout);
  PangoAttrList *attrs = pango_layout_get_attributes (layout);
  Op op = { g_strdup (pango_layout_get_text (layout)), x, y, w, h, G_MAXDOUBLE, FALSE,
            g_array_new (FALSE, FALSE, sizeof (double) * 4) };
  double c[4] = { r, g, b, a };
  gsize len = strlen (op.text);
  g_autofree gboolean *coloured = g_new0 (gboolean, len + 1);
  gboolean spans_colour = TRUE;

  if (desc)
    {
      if (pango_font_description_get_set_fields (desc) & PANGO_FONT_MASK_SIZE)
        op.size = pango_font_description_get_size (desc) / (double) PANGO_SCALE;
      op.bold = pango_font_description_get_weight (desc) >= PANGO_WEIGHT_BOLD;
    }
  if (attrs)
    {
      g_autoptr(GSList) list = pango_attr_list_get_attributes (attrs);

      for (GSList *l = list; l; l = l->next)
        {
          PangoAttribute *attr = l->data;

          if (attr->klass->type == PANGO_ATTR_SIZE || attr->klass->type == PANGO_ATTR_ABSOLUTE_SIZE)
            op.size = MIN (op.size, ((PangoAttrSize *) attr)->size / (double) PANGO_SCALE);
          else if (attr->klass->type == PANGO_ATTR_FOREGROUND)
            {
              PangoColor *pc = &((PangoAttrColor *) attr)->color;
              double fc[4] = { pc->red / 65535.0, pc->green / 65535.0, pc->blue / 65535.0, a };

              g_array_append_vals (op.colors, fc, 1);
              for (gsize byte = attr->start_index; byte < MIN (attr->end_index, len); byte++)
                coloured[byte] = TRUE;
            }
        }
      g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);
    }
  /* the source colour shows where no span sets one (blanks do not count) */
  for (gsize byte = 0; byte < len; byte++)
    if (!coloured[byte] && !g_ascii_isspace (op.text[byte]))
      spans_colour = FALSE;
  if (!spans_colour)
    g_array_append_vals (op.colors, c, 1);
  if (op.size == G_MAXDOUBLE)
    op.size = 10;
  if (w >= 1 && h >= 1)
    g_array_append_val (ops, op);
  else
    op_clear (&op);
  return FALSE;   /* leave the text out: what is left is what it lies on */
}

static double
luminance (double r, double g, double b)
{
  double c[3] = { r, g, b };

  for (int i = 0; i < 3; i++)
    c[i] = c[i] <= 0.03928 ? c[i] / 12.92 : pow ((c[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

/* The commonest pixel under the box */
static void
ground (cairo_surface_t *surface,
        const Op        *op,
        double           rgb[3])
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  int sw = cairo_image_surface_get_width (surface), sh = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  guint32 best = 0;
  guint best_n = 0;

  cairo_surface_flush (surface);
  for (int y = MAX (0, (int) op->y); y < MIN (sh, (int) ceil (op->y + op->h)); y++)
    for (int x = MAX (0, (int) op->x); x < MIN (sw, (int) ceil (op->x + op->w)); x++)
      {
        guint32 px = *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (px + 1))) + 1;

        g_hash_table_insert (counts, GUINT_TO_POINTER (px + 1), GUINT_TO_POINTER (n));
        if (n > best_n)
          {
            best_n = n;
            best = px;
          }
      }
  rgb[0] = ((best >> 16) & 0xff) / 255.0;
  rgb[1] = ((best >> 8) & 0xff) / 255.0;
  rgb[2] = (best & 0xff) / 255.0;
}

static guint
check_ops (cairo_surface_t *surface,
           GArray          *ops,
           const char      *what)
{
  guint checked = 0;

  for (guint i = 0; i < ops->len; i++)
    {
      const Op *op = &g_array_index (ops, Op, i);
      gboolean large = op->size >= 18 || (op->size >= 14 && op->bold);
      double need = large ? 3.0 : 4.5, bg[3];

      ground (surface, op, bg);
      for (guint k = 0; k < op->colors->len; k++)
        {
          const double *c = &g_array_index (op->colors, double, 4 * k);
          double fr = c[0] * c[3] + bg[0] * (1 - c[3]);
          double fg = c[1] * c[3] + bg[1] * (1 - c[3]);
          double fb = c[2] * c[3] + bg[2] * (1 - c[3]);
          double l1 = luminance (fr, fg, fb), l2 = luminance (bg[0], bg[1], bg[2]);
          double ratio = (MAX (l1, l2) + 0.05) / (MIN (l1, l2) + 0.05);

          if (ratio < need - 0.005)
            g_error ("%s: \"%s\" (%.1f pt%s) at %.2f:1 on #%02x%02x%02x, needs %.1f:1", what, op->text, op->size,
                     op->bold ? " bold" : "", ratio, (int) (bg[0] * 255), (int) (bg[1] * 255), (int) (bg[2] * 255), need);
          checked++;
        }
    }
  return checked;
}

static void
test_contrast (gconstpointer data)
{
  const Theme *t = data;

  for (int rtl = 0; rtl < 2; rtl++)
    {
      g_autoptr(ImpactDocument) doc = load (t, rtl);
      g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc), NULL, NULL);
      g_autoptr(ImpactTimelineLayout) layout = impact_timeline_layout_new (doc, theme);
      g_autoptr(ImpactTimelineHandout) ho = impact_timeline_handout_new (layout, IMPACT_PAGE_SIZE_A4);
      guint checked = 0;

      /* the slide, the presenter's title and a milestone step, each handout page */
      for (int k = -3; k < (int) impact_timeline_handout_get_n_pages (ho); k++)
        {
          g_autoptr(GArray) ops = g_array_new (FALSE, FALSE, sizeof (Op));
          gboolean handout = k >= 0;
          int w = handout ? 595 * 2 : 1920, h = handout ? 842 * 2 : 1080;
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
          cairo_t *cr = cairo_create (surface);
          g_autoptr(GError) error = NULL;
          g_autofree char *what = g_strdup_printf ("%s%s %s %d", t->name, rtl ? " rtl" : "", handout ? "handout page" : "slide step", k);

          g_array_set_clear_func (ops, op_clear);
          cairo_scale (cr, 2, 2);
          impact_timeline_render_set_text_probe (probe, ops);
          if (handout)
            g_assert_true (impact_timeline_handout_render_page (cr, ho, k, &error));
          else
            g_assert_true (impact_timeline_render_step (cr, layout, 960, 540,
                                                        k == -3 ? IMPACT_TIMELINE_STEP_OVERVIEW : k == -2 ? IMPACT_TIMELINE_STEP_TITLE : 1,
                                                        TRUE, impact_timeline_layout_get_item (layout, 1)->time, &error));
          impact_timeline_render_set_text_probe (NULL, NULL);
          g_assert_no_error (error);
          checked += check_ops (surface, ops, what);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
      g_assert_cmpuint (checked, >=, 30);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/timeline-contrast/%s", themes[i].name);

      g_test_add_data_func (path, &themes[i], test_contrast);
    }
  return g_test_run ();
}
