/* test-text-cache.c: layouts with the window's text cache are the layouts
 * without it
 *
 * Generated documents (impact-doc-gen.h) of every language, template and
 * length are laid out without a cache, then twice with one cache (the
 * second time with the first layout still alive, as in the window, and
 * after an edit of a statistic, then once more as it was); the boxes, the
 * diagnostics and the pixels of every page must be the same. Then the
 * cache's rules one by one: a layout is lent, not copied; a layout changed
 * after it was made is never lent again; two holders in one pass do not
 * share; the size stays bounded. IMPACT_TEXT_CACHE_COUNT (default 50)
 * documents, from IMPACT_TEXT_CACHE_SEED (default 1).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "impact-doc-gen.h"
#include "impact-json-loader.h"
#include "impact-render.h"
#include "impact-sheet-layout.h"
#include "impact-text-cache.h"
#include "impact-theme.h"

typedef struct
{
  ImpactSheetLayout *layout;
  char              *diagnostics;
} Result;

static void
result_clear (Result *r)
{
  g_clear_object (&r->layout);
  g_clear_pointer (&r->diagnostics, g_free);
}

static Result
lay_out (ImpactDocument  *doc,
         const char      *template_name,
         ImpactPageSize   size,
         ImpactTextCache *cache)
{
  g_autoptr(ImpactDiagnostics) diagnostics = impact_diagnostics_new ();
  g_autoptr(ImpactTheme) theme = impact_theme_new (impact_document_get_theme_spec (doc), template_name, NULL);
  Result r;

  if (cache != NULL)
    impact_text_cache_begin (cache);
  r.layout = impact_sheet_layout_new (doc, theme, size, diagnostics);
  if (cache != NULL)
    impact_text_cache_end (cache);
  {
    GString *all = g_string_new (NULL);

    for (guint i = 0; i < impact_diagnostics_get_n_items (diagnostics); i++)
      {
        g_autofree char *line = impact_diagnostic_to_string (impact_diagnostics_get_item (diagnostics, i));

        g_string_append_printf (all, "%s\n", line);
      }
    r.diagnostics = g_string_free (all, FALSE);
  }
  return r;
}

static cairo_surface_t *
render (ImpactSheetLayout *layout,
        guint              page)
{
  g_autoptr(GError) error = NULL;
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;

  impact_sheet_layout_get_page_extent (layout, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (w * 0.75), (int) ceil (h * 0.75));
  cr = cairo_create (surface);
  cairo_scale (cr, 0.75, 0.75);
  g_assert_true (impact_render_page (cr, layout, page, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
assert_same (const Result *a,
             const Result *b,
             const char   *what)
{
  guint n_pages = impact_sheet_layout_get_n_pages (a->layout);

  g_assert_cmpstr (a->diagnostics, ==, b->diagnostics);
  g_assert_cmpuint (n_pages, ==, impact_sheet_layout_get_n_pages (b->layout));
  for (guint p = 0; p < n_pages; p++)
    {
      guint n = impact_sheet_layout_get_n_boxes (a->layout, p);
      cairo_surface_t *sa, *sb;
      gsize bytes;

      g_assert_cmpfloat (impact_sheet_layout_get_fit_scale (a->layout, p), ==,
                         impact_sheet_layout_get_fit_scale (b->layout, p));
      g_assert_cmpuint (n, ==, impact_sheet_layout_get_n_boxes (b->layout, p));
      for (guint i = 0; i < n; i++)
        {
          const ImpactBox *x = impact_sheet_layout_get_box (a->layout, p, i);
          const ImpactBox *y = impact_sheet_layout_get_box (b->layout, p, i);

          if (memcmp (x, y, sizeof *x) != 0)
            g_error ("%s: page %u, box %u (%s %d): %g,%g %g×%g against %g,%g %g×%g",
                     what, p, i, impact_section_to_string (x->section), x->item,
                     x->x, x->y, x->width, x->height, y->x, y->y, y->width, y->height);
        }

      sa = render (a->layout, p);
      sb = render (b->layout, p);
      bytes = (gsize) cairo_image_surface_get_stride (sa) * cairo_image_surface_get_height (sa);
      if (memcmp (cairo_image_surface_get_data (sa), cairo_image_surface_get_data (sb), bytes) != 0)
        g_error ("%s: page %u is drawn differently", what, p);
      cairo_surface_destroy (sa);
      cairo_surface_destroy (sb);
    }
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value && *value ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

static void
test_generated (void)
{
  guint count = env_uint ("IMPACT_TEXT_CACHE_COUNT", 50);
  guint seed = env_uint ("IMPACT_TEXT_CACHE_SEED", 1);
  g_autoptr(ImpactTextCache) cache = impact_text_cache_new (0);
  guint64 hits = 0, misses = 0;

  for (guint i = 0; i < count; i++)
    {
      ImpactDocGenInfo info;
      g_autofree char *json = impact_doc_gen_generate (seed + i, &info);
      g_autofree char *what = impact_doc_gen_describe (&info);
      g_autoptr(GError) error = NULL;
      g_autoptr(ImpactDocument) doc = impact_json_loader_load_data (json, strlen (json), "generated.json",
                                                                    NULL, NULL, &error);
      GPtrArray *stats;
      Result plain, first, second, edited, edited_plain, back;

      g_assert_no_error (error);
      g_assert_nonnull (doc);
      g_test_message ("%s", what);

      plain = lay_out (doc, info.template_name, info.page_size, NULL);
      first = lay_out (doc, info.template_name, info.page_size, cache);
      second = lay_out (doc, info.template_name, info.page_size, cache);
      assert_same (&plain, &first, what);
      assert_same (&plain, &second, what);

      /* an edit, with the layout before it still on screen */
      stats = impact_document_get_statistics (doc);
      if (stats->len > 0)
        ((ImpactStatistic *) g_ptr_array_index (stats, 0))->value += 7;
      impact_document_changed (doc);
      edited = lay_out (doc, info.template_name, info.page_size, cache);
      edited_plain = lay_out (doc, info.template_name, info.page_size, NULL);
      assert_same (&edited_plain, &edited, what);
      if (stats->len > 0)
        ((ImpactStatistic *) g_ptr_array_index (stats, 0))->value -= 7;
      impact_document_changed (doc);
      back = lay_out (doc, info.template_name, info.page_size, cache);
      assert_same (&plain, &back, what);
      /* the layouts made earlier are not changed by the later ones */
      assert_same (&plain, &first, what);

      result_clear (&plain);
      result_clear (&first);
      result_clear (&second);
      result_clear (&edited);
      result_clear (&edited_plain);
      result_clear (&back);
    }
  impact_text_cache_get_counts (cache, &hits, &misses);
  g_test_message ("%" G_GUINT64_FORMAT " texts taken from the cache, %" G_GUINT64_FORMAT " shaped",
                  hits, misses);
  /* the cache was used at all */
  g_assert_cmpuint (hits, >, misses);
}

static PangoLayout *
make (ImpactTextCache *cache,
      const char      *text,
      double           width)
{
  g_autoptr(GObject) context = G_OBJECT (impact_text_context_new ("en"));
  ImpactTextStyle style = { .family = "Sans", .weight = PANGO_WEIGHT_NORMAL, .size = 10, .align = PANGO_ALIGN_LEFT };
  PangoLayout *layout;

  if (cache != NULL)
    impact_text_cache_begin (cache);
  layout = impact_text_layout_new (PANGO_CONTEXT (context), &style, text, FALSE, width);
  impact_text_layout_get_size (layout, NULL, NULL);
  if (cache != NULL)
    impact_text_cache_end (cache);
  return layout;
}

static void
test_rules (void)
{
  g_autoptr(ImpactTextCache) cache = impact_text_cache_new (0);
  g_autoptr(PangoLayout) a = make (cache, "Children in school", 100);
  g_autoptr(PangoLayout) b = make (cache, "Children in school", 100);
  g_autoptr(PangoLayout) other_width = make (cache, "Children in school", 90);
  g_autoptr(PangoLayout) without = make (NULL, "Children in school", 100);
  g_autoptr(PangoLayout) c = NULL;
  g_autoptr(PangoLayout) d = NULL;
  g_autoptr(PangoLayout) e = NULL;
  g_autoptr(PangoLayout) f = NULL;
  g_autoptr(GObject) context = G_OBJECT (impact_text_context_new ("en"));
  ImpactTextStyle style = { .family = "Sans", .weight = PANGO_WEIGHT_NORMAL, .size = 10, .align = PANGO_ALIGN_LEFT };

  /* lent across passes; keyed by the width; nothing without a cache */
  g_assert_true (a == b);
  g_assert_true (a != other_width);
  g_assert_true (a != without);
  g_assert_cmpstr (pango_layout_get_text (a), ==, pango_layout_get_text (without));

  /* a holder changes its layout: never lent again as it is now */
  impact_text_layout_append_superscript (a, "1", 0, 0, 0);
  c = make (cache, "Children in school", 100);
  g_assert_true (c != a);
  g_assert_cmpstr (pango_layout_get_text (c), ==, "Children in school");
  /* and for that key only when nobody else holds one */
  d = make (cache, "Children in school", 100);
  g_assert_true (d != c);
  g_clear_object (&d);
  g_clear_object (&b);
  g_clear_object (&a);
  g_clear_object (&c);
  d = make (cache, "Children in school", 100);
  e = make (cache, "Children in school", 100);
  g_assert_true (d != e);

  /* two holders in one pass get two layouts */
  impact_text_cache_begin (cache);
  g_clear_object (&e);
  e = impact_text_layout_new (PANGO_CONTEXT (context), &style, "Teachers trained", FALSE, -1);
  f = impact_text_layout_new (PANGO_CONTEXT (context), &style, "Teachers trained", FALSE, -1);
  impact_text_cache_end (cache);
  g_assert_true (e != f);
  g_clear_object (&f);
  f = make (cache, "Teachers trained", -1);
  /* a pass later, nobody changed it: lent */
  g_assert_true (e == f);
}

static void
test_bounded (void)
{
  g_autoptr(ImpactTextCache) cache = impact_text_cache_new (16);

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *text = g_strdup_printf ("Text %u", i);
      g_autoptr(PangoLayout) layout = make (cache, text, -1);

      g_assert_cmpuint (impact_text_cache_get_n_entries (cache), <=, 16);
    }
  g_assert_cmpuint (impact_text_cache_get_n_entries (cache), >, 0);
  impact_text_cache_clear (cache);
  g_assert_cmpuint (impact_text_cache_get_n_entries (cache), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text-cache/generated", test_generated);
  g_test_add_func ("/text-cache/rules", test_rules);
  g_test_add_func ("/text-cache/bounded", test_bounded);
  return g_test_run ();
}
