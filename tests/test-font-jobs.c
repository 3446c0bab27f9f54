/* test-font-jobs.c: both programs run Pango's font matches in the thread
 * that asks for them, its font sorts only when one is waited for, and
 * every other thread as GLib does (app/impact-font-jobs.c, linked into
 * this test as into the programs)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "impact-font-jobs.h"
#include "impact-text.h"
#include "impact-test-utils.h"

/* the jobs and structures impact-font-jobs.c knows are Pango 1.50's */
static gboolean
is_pango_150 (void)
{
  int version = pango_version ();

  return version >= PANGO_VERSION_ENCODE (1, 50, 0) && version < PANGO_VERSION_ENCODE (1, 51, 0);
}

static gboolean
skip_unless_pango_150 (void)
{
  if (is_pango_150 ())
    return FALSE;
  g_test_skip ("Pango's font jobs get threads of their own outside Pango 1.50");
  return TRUE;
}

static gpointer
note_thread (gpointer data)
{
  GThread **ran_in = data;

  *ran_in = g_thread_self ();
  return GINT_TO_POINTER (7);
}

static void
test_match_runs_here (void)
{
  guint before = impact_font_jobs_run_here ();
  GThread *ran_in = NULL;
  GThread *thread;

  if (skip_unless_pango_150 ())
    return;
  thread = g_thread_new ("[pango] FcFontSetMatch", note_thread, &ran_in);

  /* done by the time g_thread_new returns, in this thread */
  g_assert_true (ran_in == g_thread_self ());
  g_assert_nonnull (thread);
  g_thread_unref (thread);
  g_assert_cmpuint (impact_font_jobs_run_here (), ==, before + 1);
}

/* What Pango 1.50 gives a sort job (impact-font-jobs.c): a font
 * configuration, a font set, a pattern and the patterns whose mutex and
 * condition the answer is given under */
typedef struct
{
  gpointer fontmap;
  GMutex   mutex;
  GCond    cond;
  gboolean answered;
  GThread *ran_in;
} FakePatterns;

typedef struct
{
  gpointer      config;
  gpointer      fonts;
  gpointer      pattern;
  FakePatterns *patterns;
} FakeJob;

static gpointer
fake_sort (gpointer data)
{
  FakeJob *job = data;

  g_mutex_lock (&job->patterns->mutex);
  job->patterns->answered = TRUE;
  job->patterns->ran_in = g_thread_self ();
  g_cond_signal (&job->patterns->cond);
  g_mutex_unlock (&job->patterns->mutex);
  return NULL;
}

static void
fake_job_init (FakeJob      *job,
               FakePatterns *patterns,
               gpointer      config)
{
  memset (patterns, 0, sizeof *patterns);
  g_mutex_init (&patterns->mutex);
  g_cond_init (&patterns->cond);
  *job = (FakeJob) { config, NULL, NULL, patterns };
}

/* waits as Pango does for a sort */
static void
wait_for (FakePatterns *patterns)
{
  g_mutex_lock (&patterns->mutex);
  while (!patterns->answered)
    g_cond_wait (&patterns->cond, &patterns->mutex);
  g_mutex_unlock (&patterns->mutex);
}

static gpointer
wait_in_thread (gpointer data)
{
  wait_for (data);
  return NULL;
}

static void
test_sort_runs_when_waited_for (void)
{
  int config;
  FakePatterns first, second;
  FakeJob a, b;
  guint kept = impact_font_jobs_sorts_kept ();
  guint ran = impact_font_jobs_run_here ();
  guint waiting = impact_font_jobs_sorts_waiting ();

  if (skip_unless_pango_150 ())
    return;

  fake_job_init (&a, &first, &config);
  fake_job_init (&b, &second, &config);
  g_thread_unref (g_thread_new ("[pango] FcFontSetSort", fake_sort, &a));
  g_thread_unref (g_thread_new ("[pango] FcFontSetSort", fake_sort, &b));
  /* asked for, not run */
  g_assert_false (first.answered);
  g_assert_false (second.answered);
  g_assert_cmpuint (impact_font_jobs_sorts_kept (), ==, kept + 2);
  g_assert_cmpuint (impact_font_jobs_sorts_waiting (), ==, waiting + 2);
  g_assert_cmpuint (impact_font_jobs_run_here (), ==, ran);

  /* the wait runs the sort it waits for, here, and only that one */
  wait_for (&second);
  g_assert_true (second.ran_in == g_thread_self ());
  g_assert_false (first.answered);
  g_assert_cmpuint (impact_font_jobs_sorts_waiting (), ==, waiting + 1);
  g_assert_cmpuint (impact_font_jobs_run_here (), ==, ran + 1);

  /* a thread waiting for it in another thread runs it there */
  {
    GThread *other = g_thread_new ("impact-waiter", wait_in_thread, &first);

    g_thread_join (other);
    g_assert_true (first.answered);
    g_assert_true (first.ran_in == other);
  }
  g_assert_cmpuint (impact_font_jobs_sorts_waiting (), ==, waiting);
  g_assert_cmpuint (impact_font_jobs_run_here (), ==, ran + 2);
}

/* a wait that no kept sort answers is GLib's: it returns when signalled */
static gpointer
signal_later (gpointer data)
{
  FakePatterns *patterns = data;

  g_usleep (20000);
  g_mutex_lock (&patterns->mutex);
  patterns->answered = TRUE;
  g_cond_signal (&patterns->cond);
  g_mutex_unlock (&patterns->mutex);
  return NULL;
}

static void
test_other_waits_are_glibs (void)
{
  FakePatterns patterns;
  FakeJob unused;
  GThread *signaller;

  fake_job_init (&unused, &patterns, NULL);
  signaller = g_thread_new ("impact-signaller", signal_later, &patterns);
  wait_for (&patterns);
  g_assert_true (patterns.answered);
  g_assert_null (patterns.ran_in);
  g_thread_join (signaller);
}

/* the sorts a thread kept under one font configuration run, to free what
 * they hold, when it asks for a sort under another: nobody waits for
 * them any more (the next sheet of a batch has its own configuration) */
static void
test_stale_sorts_run (void)
{
  int one, two;
  FakePatterns first, second;
  FakeJob a, b;
  guint waiting = impact_font_jobs_sorts_waiting ();

  if (skip_unless_pango_150 ())
    return;

  fake_job_init (&a, &first, &one);
  fake_job_init (&b, &second, &two);
  g_thread_unref (g_thread_new ("[pango] FcFontSetSort", fake_sort, &a));
  g_assert_false (first.answered);
  g_thread_unref (g_thread_new ("[pango] FcFontSetSort", fake_sort, &b));
  g_assert_true (first.answered);
  g_assert_true (first.ran_in == g_thread_self ());
  g_assert_false (second.answered);
  g_assert_cmpuint (impact_font_jobs_sorts_waiting (), ==, waiting + 1);
  wait_for (&second);
  g_assert_cmpuint (impact_font_jobs_sorts_waiting (), ==, waiting);
}

static void
test_other_threads_are_threads (void)
{
  const char *const names[] = { "impact-worker", "[pango] FcInit", "[pango] FcFontSetSortX", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      guint before = impact_font_jobs_run_here ();
      GThread *ran_in = NULL;
      GThread *thread = g_thread_new (names[i], note_thread, &ran_in);

      g_assert_cmpint (GPOINTER_TO_INT (g_thread_join (thread)), ==, 7);
      g_assert_nonnull (ran_in);
      g_assert_true (ran_in != g_thread_self ());
      g_assert_cmpuint (impact_font_jobs_run_here (), ==, before);
    }
}

/* runs of a line as "family|family|…" and the line's width */
static char *
lay_out (PangoContext *context,
         const char   *text,
         double        size,
         int          *width)
{
  ImpactTextStyle style = { .family = "Inter", .size = size, .weight = PANGO_WEIGHT_BOLD };
  g_autoptr(PangoLayout) layout = impact_text_layout_new (context, &style, text, FALSE, 400);
  GString *out = g_string_new (NULL);

  for (GSList *l = pango_layout_get_line_readonly (layout, 0)->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      g_autoptr(PangoFontDescription) desc = pango_font_describe (run->item->analysis.font);

      g_string_append_printf (out, "%s|", pango_font_description_get_family (desc));
    }
  pango_layout_get_pixel_size (layout, width, NULL);
  return g_string_free (out, FALSE);
}

/* Pango 1.50 asks for a match and a sort for each new size, here, and the
 * fonts it chooses from them are the right ones: the theme's, and a
 * fallback from the sort for a script the theme lacks */
static void
test_pango_sorts_here (void)
{
  g_autoptr(GObject) context = G_OBJECT (impact_text_context_new ("en"));

  for (guint i = 0; i < 6; i++)
    {
      guint before = impact_font_jobs_run_here ();
      double size = 9.25 + i * 1.5;   /* sizes nothing else asks for */
      g_autofree char *latin = NULL;
      g_autofree char *mixed = NULL;
      int latin_width = 0, mixed_width = 0;

      guint kept = impact_font_jobs_sorts_kept ();
      guint waiting = impact_font_jobs_sorts_waiting ();
      guint after_latin;

      latin = lay_out (PANGO_CONTEXT (context), "Clean water for 12,400 families", size, &latin_width);
      g_assert_cmpstr (latin, ==, "Inter|");
      g_assert_cmpint (latin_width, >, 0);
      after_latin = impact_font_jobs_run_here ();
      if (is_pango_150 ())
        {
          /* the match ran here; the sort is kept: Inter has every letter */
          g_assert_cmpuint (after_latin, >=, before + 1);
          g_assert_cmpuint (impact_font_jobs_sorts_kept (), >=, kept + 1);
          g_assert_cmpuint (impact_font_jobs_sorts_waiting (), >=, waiting + 1);
        }
      mixed = lay_out (PANGO_CONTEXT (context), "Kolkata কলকাতা", size, &mixed_width);
      g_assert_true (g_str_has_prefix (mixed, "Inter|"));
      g_assert_nonnull (strstr (mixed, "Bengali"));
      g_assert_cmpint (mixed_width, >, 0);

      if (is_pango_150 ())
        /* Bengali needs the fallbacks: the sort ran when Pango waited */
        g_assert_cmpuint (impact_font_jobs_run_here (), >, after_latin);
      else
        g_assert_cmpuint (impact_font_jobs_run_here (), ==, before);
    }
}

static gpointer
lay_out_in_thread (gpointer data)
{
  guint first = GPOINTER_TO_UINT (data);
  g_autoptr(GObject) context = G_OBJECT (impact_text_context_new ("en"));

  for (guint i = 0; i < 20; i++)
    {
      int width = 0;
      g_autofree char *fonts = lay_out (PANGO_CONTEXT (context), "Survivors rescued", 20.125 + first + i * 0.5, &width);

      if (g_strcmp0 (fonts, "Inter|") != 0 || width <= 0)
        return GINT_TO_POINTER (FALSE);
    }
  return GINT_TO_POINTER (TRUE);
}

/* two threads, each with its own font map, loading new sizes at once:
 * neither waits for the other */
static void
test_two_threads (void)
{
  GThread *a = g_thread_new ("impact-a", lay_out_in_thread, GUINT_TO_POINTER (0));
  GThread *b = g_thread_new ("impact-b", lay_out_in_thread, GUINT_TO_POINTER (40));

  g_assert_true (GPOINTER_TO_INT (g_thread_join (a)));
  g_assert_true (GPOINTER_TO_INT (g_thread_join (b)));
}

/* no more than IMPACT_FONT_JOBS_MAX_KEPT sorts wait: the oldest is run */
static void
test_kept_sorts_are_bounded (void)
{
  int config;
  guint n = IMPACT_FONT_JOBS_MAX_KEPT + 1;
  g_autofree FakePatterns *patterns = g_new (FakePatterns, n);
  g_autofree FakeJob *jobs = g_new (FakeJob, n);
  guint before = impact_font_jobs_sorts_waiting ();
  guint added = 0;

  if (skip_unless_pango_150 ())
    return;
  g_assert_cmpuint (before, <, IMPACT_FONT_JOBS_MAX_KEPT);
  for (guint i = 0; i < n; i++)
    fake_job_init (&jobs[i], &patterns[i], &config);
  while (!patterns[0].answered && added < n)
    g_thread_unref (g_thread_new ("[pango] FcFontSetSort", fake_sort, &jobs[added++]));
  /* the first is run by the one that makes too many */
  g_assert_true (patterns[0].answered);
  g_assert_cmpuint (added, ==, IMPACT_FONT_JOBS_MAX_KEPT - before + 1);
  g_assert_false (patterns[1].answered);
  g_assert_cmpuint (impact_font_jobs_sorts_waiting (), ==, IMPACT_FONT_JOBS_MAX_KEPT);
  for (guint i = 1; i < added; i++)
    wait_for (&patterns[i]);
  g_assert_cmpuint (impact_font_jobs_sorts_waiting (), ==, IMPACT_FONT_JOBS_MAX_KEPT - added + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/font-jobs/match-runs-here", test_match_runs_here);
  g_test_add_func ("/font-jobs/sort-runs-when-waited-for", test_sort_runs_when_waited_for);
  g_test_add_func ("/font-jobs/other-waits", test_other_waits_are_glibs);
  g_test_add_func ("/font-jobs/stale-sorts", test_stale_sorts_run);
  g_test_add_func ("/font-jobs/bounded", test_kept_sorts_are_bounded);
  g_test_add_func ("/font-jobs/other-threads", test_other_threads_are_threads);
  g_test_add_func ("/font-jobs/pango", test_pango_sorts_here);
  g_test_add_func ("/font-jobs/two-threads", test_two_threads);
  return g_test_run ();
}
