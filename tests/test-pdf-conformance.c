/* test-pdf-conformance.c: every exported kind against the machine-checkable
 * PDF/UA-1 conditions and the PDF/X-4 keys
 *
 * The checker reads the file with libqpdf (not with the code that wrote
 * it) and lists what is missing; pdffonts tells whether every font is
 * embedded and `qpdf --check` whether the file is well-formed. A PDF as
 * cairo writes it, unfinished, must fail on each key: the checker can
 * fail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

#include "impact-error.h"
#include "impact-export.h"
#include "impact-json-loader.h"
#include "impact-pdf-content.h"
#include "impact-pdf-finish.h"
#include "impact-test-utils.h"
#include "impact-timeline-render.h"

typedef struct
{
  qpdf_data  q;
  GPtrArray *problems;
} Checker;

G_GNUC_PRINTF (2, 3)
static void
problem (Checker    *c,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (c->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

static gboolean
nonempty_string (Checker *c,
                 qpdf_oh  oh)
{
  return qpdf_oh_is_string (c->q, oh) && *qpdf_oh_get_utf8_value (c->q, oh) != '\0';
}

static gboolean
is_true (Checker *c,
         qpdf_oh  oh)
{
  return qpdf_oh_is_bool (c->q, oh) && qpdf_oh_get_bool_value (c->q, oh);
}

static char *
stream_text (Checker *c,
             qpdf_oh  stream)
{
  unsigned char *buf = NULL;
  size_t len = 0;
  char *text;

  if (!qpdf_oh_is_stream (c->q, stream) ||
      (qpdf_oh_get_stream_data (c->q, stream, qpdf_dl_generalized, NULL, &buf, &len) & QPDF_ERRORS))
    return NULL;
  text = g_strndup ((const char *) buf, len);
  free (buf);
  return text;
}

/* Every figure of the structure tree has /Alt (Matterhorn 13-004) */
static void
check_struct (Checker *c,
              qpdf_oh  node,
              guint   *n_elements,
              int      depth)
{
  qpdf_data q = c->q;

  if (depth > 64)
    return;
  if (qpdf_oh_is_array (q, node))
    {
      for (int i = 0; i < qpdf_oh_get_array_n_items (q, node); i++)
        check_struct (c, qpdf_oh_get_array_item (q, node, i), n_elements, depth + 1);
      return;
    }
  if (!qpdf_oh_is_dictionary (q, node))
    return;
  if (qpdf_oh_has_key (q, node, "/S"))
    (*n_elements)++;
  if (qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, node, "/S"), "/Figure") &&
      !nonempty_string (c, qpdf_oh_get_key (q, node, "/Alt")))
    problem (c, "a Figure without /Alt");
  check_struct (c, qpdf_oh_get_key (q, node, "/K"), n_elements, depth + 1);
}

/* Nothing is painted outside marked content: everything is tagged or an
 * artifact (Matterhorn checkpoint 01, "content neither marked as artifact nor tagged").
 * cairo writes text as hexadecimal glyph strings, so its operators are
 * the content's whitespace-separated words. */
static void
check_marked (Checker    *c,
              const char *content,
              int         page)
{
  static const char * const painting[] = { "f", "F", "f*", "S", "s", "B", "B*", "b", "b*",
                                           "Tj", "TJ", "'", "\"", "Do", "sh", NULL };
  g_auto(GStrv) words = g_strsplit_set (content, " \n\r\t", -1);
  int depth = 0, untagged = 0;

  for (guint i = 0; words[i]; i++)
    {
      if (strcmp (words[i], "BDC") == 0 || strcmp (words[i], "BMC") == 0)
        depth++;
      else if (strcmp (words[i], "EMC") == 0)
        depth--;
      else if (depth == 0 && g_strv_contains (painting, words[i]))
        untagged++;
    }
  if (untagged > 0)
    problem (c, "page %d: %d painting operators neither tagged nor artifact", page, untagged);
  if (depth != 0)
    problem (c, "page %d: unbalanced marked content", page);
}

static gboolean
box_of (Checker *c,
        qpdf_oh  page,
        const char *key,
        double   box[4])
{
  qpdf_oh a = qpdf_oh_get_key (c->q, page, key);

  if (!qpdf_oh_is_array (c->q, a) || qpdf_oh_get_array_n_items (c->q, a) != 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    box[i] = qpdf_oh_get_numeric_value (c->q, qpdf_oh_get_array_item (c->q, a, i));
  return TRUE;
}

static gboolean
box_within (const double inner[4],
            const double outer[4])
{
  return inner[0] >= outer[0] - 0.01 && inner[1] >= outer[1] - 0.01 &&
         inner[2] <= outer[2] + 0.01 && inner[3] <= outer[3] + 0.01 &&
         inner[0] < inner[2] && inner[1] < inner[3];
}

static void
check_images (Checker *c,
              qpdf_oh  resources,
              int      page,
              int      depth)
{
  qpdf_data q = c->q;
  qpdf_oh xobjects = qpdf_oh_get_key (q, resources, "/XObject");
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  if (!qpdf_oh_is_dictionary (q, xobjects) || depth > 16)
    return;
  qpdf_oh_begin_dict_key_iter (q, xobjects);
  while (qpdf_oh_dict_more_keys (q))
    g_ptr_array_add (keys, g_strdup (qpdf_oh_dict_next_key (q)));
  for (guint i = 0; i < keys->len; i++)
    {
      qpdf_oh x = qpdf_oh_get_key (q, xobjects, g_ptr_array_index (keys, i));
      qpdf_oh dict = qpdf_oh_get_dict (q, x);

      if (is_true (c, qpdf_oh_get_key (q, dict, "/Interpolate")))
        problem (c, "page %d: an image with /Interpolate true (PDF/X-4)", page);
      if (qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, dict, "/Subtype"), "/Form"))
        check_images (c, qpdf_oh_get_key (q, dict, "/Resources"), page, depth + 1);
    }
}

/* Matterhorn checkpoint 31 (PDF/UA-1 7.21.3.2): a CIDFontType2 has /CIDToGIDMap */
static void
check_fonts (Checker *c,
             qpdf_oh  resources,
             int      page)
{
  qpdf_data q = c->q;
  qpdf_oh fonts = qpdf_oh_get_key (q, resources, "/Font");
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  if (!qpdf_oh_is_dictionary (q, fonts))
    return;
  qpdf_oh_begin_dict_key_iter (q, fonts);
  while (qpdf_oh_dict_more_keys (q))
    g_ptr_array_add (keys, g_strdup (qpdf_oh_dict_next_key (q)));
  for (guint i = 0; i < keys->len; i++)
    {
      qpdf_oh font = qpdf_oh_get_key (q, fonts, g_ptr_array_index (keys, i));
      qpdf_oh descendants = qpdf_oh_get_key (q, font, "/DescendantFonts");

      for (int k = 0; qpdf_oh_is_array (q, descendants) && k < qpdf_oh_get_array_n_items (q, descendants); k++)
        {
          qpdf_oh cid = qpdf_oh_get_array_item (q, descendants, k);

          if (qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, cid, "/Subtype"), "/CIDFontType2") &&
              !qpdf_oh_has_key (q, cid, "/CIDToGIDMap"))
            problem (c, "page %d: a CIDFontType2 without /CIDToGIDMap", page);
        }
    }
}

static void
check_pages (Checker  *c,
             gboolean  pdfx)
{
  qpdf_data q = c->q;
  int n = qpdf_get_num_pages (q);

  if (n <= 0)
    problem (c, "no pages");
  /* the checker's own look-ups of absent keys warn: not the file's fault */
  while (qpdf_more_warnings (q))
    qpdf_next_warning (q);
  for (int i = 0; i < n; i++)
    {
      qpdf_oh page = qpdf_get_page_n (q, i);
      qpdf_oh annots = qpdf_oh_get_key (q, page, "/Annots");
      unsigned char *data = NULL;
      size_t len = 0;

      if (qpdf_oh_is_array (q, annots) && qpdf_oh_get_array_n_items (q, annots) > 0)
        {
          /* Matterhorn checkpoint 28 (PDF/UA-1 7.18.3) */
          if (!qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, page, "/Tabs"), "/S"))
            problem (c, "page %d has annotations but no /Tabs /S", i + 1);
          for (int k = 0; k < qpdf_oh_get_array_n_items (q, annots); k++)
            {
              qpdf_oh annot = qpdf_oh_get_array_item (q, annots, k);

              /* Matterhorn checkpoint 28 (PDF/UA-1 7.18.1, 7.18.5) */
              if (qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, annot, "/Subtype"), "/Link") &&
                  !nonempty_string (c, qpdf_oh_get_key (q, annot, "/Contents")))
                problem (c, "page %d: a link annotation without /Contents", i + 1);
            }
        }
      if (!(qpdf_oh_get_page_content_data (q, page, &data, &len) & QPDF_ERRORS) && data != NULL)
        {
          g_autofree char *content = g_strndup ((const char *) data, len);

          check_marked (c, content, i + 1);
        }
      free (data);

      check_fonts (c, qpdf_oh_get_key (q, page, "/Resources"), i + 1);
      if (pdfx)
        {
          double media[4], bleed[4], trim[4];

          if (!box_of (c, page, "/MediaBox", media))
            problem (c, "page %d: no MediaBox", i + 1);
          else if (!box_of (c, page, "/TrimBox", trim))
            problem (c, "page %d: no TrimBox (PDF/X-4)", i + 1);
          else if (!box_of (c, page, "/BleedBox", bleed))
            problem (c, "page %d: no BleedBox", i + 1);
          else if (!box_within (trim, bleed) || !box_within (bleed, media))
            problem (c, "page %d: TrimBox not within BleedBox within MediaBox", i + 1);
          check_images (c, qpdf_oh_get_key (q, page, "/Resources"), i + 1, 0);
        }
    }
}

static void
check_pdfx (Checker *c,
            qpdf_oh  root,
            qpdf_oh  info,
            const char *xmp)
{
  qpdf_data q = c->q;
  qpdf_oh intents = qpdf_oh_get_key (q, root, "/OutputIntents");
  gboolean found = FALSE;
  qpdf_oh version = qpdf_oh_get_key (q, info, "/GTS_PDFXVersion");

  for (int i = 0; qpdf_oh_is_array (q, intents) && i < qpdf_oh_get_array_n_items (q, intents); i++)
    {
      qpdf_oh intent = qpdf_oh_get_array_item (q, intents, i);
      qpdf_oh profile = qpdf_oh_get_key (q, intent, "/DestOutputProfile");

      if (qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, intent, "/S"), "/GTS_PDFX") &&
          qpdf_oh_is_stream (q, profile) &&
          nonempty_string (c, qpdf_oh_get_key (q, intent, "/OutputConditionIdentifier")))
        {
          g_autofree char *icc = stream_text (c, profile);

          found = TRUE;
          if (icc == NULL || qpdf_oh_get_int_value (q, qpdf_oh_get_key (q, qpdf_oh_get_dict (q, profile), "/N")) < 1)
            problem (c, "the output intent's profile cannot be read");
        }
    }
  if (!found)
    problem (c, "no /GTS_PDFX OutputIntent with a DestOutputProfile");
  if (!qpdf_oh_is_string (q, version) || !g_str_has_prefix (qpdf_oh_get_utf8_value (q, version), "PDF/X-4"))
    problem (c, "no GTS_PDFXVersion PDF/X-4 in Info");
  if (xmp == NULL || strstr (xmp, "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>") == NULL)
    problem (c, "no pdfxid:GTS_PDFXVersion in XMP");
  if (!qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, info, "/Trapped"), "/False") &&
      !qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, info, "/Trapped"), "/True"))
    problem (c, "no /Trapped in Info");
}

/* The problems of the PDF in @data; an empty array when there are none */
static GPtrArray *
check_pdf (const char *data,
           gsize       len,
           const char *language,
           gboolean    pdfx)
{
  Checker c = { qpdf_init (), g_ptr_array_new_with_free_func (g_free) };
  qpdf_data q = c.q;
  qpdf_oh root, info, meta, tree, lang;
  g_autofree char *xmp = NULL;
  guint n_elements = 0;

  qpdf_silence_errors (q);
  qpdf_set_suppress_warnings (q, QPDF_TRUE);
  if (qpdf_read_memory (q, "export", data, len, NULL) & QPDF_ERRORS)
    {
      problem (&c, "qpdf cannot read it");
      qpdf_cleanup (&q);
      return c.problems;
    }
  root = qpdf_get_root (q);
  info = qpdf_oh_get_key (q, qpdf_get_trailer (q), "/Info");

  /* Matterhorn 11-006: the natural language */
  lang = qpdf_oh_get_key (q, root, "/Lang");
  if (!nonempty_string (&c, lang))
    problem (&c, "no /Lang");
  else if (language && strcmp (qpdf_oh_get_utf8_value (q, lang), language) != 0)
    problem (&c, "/Lang is %s, not %s", qpdf_oh_get_utf8_value (q, lang), language);
  /* Matterhorn 06-001..06-003: XMP with the PDF/UA identifier and a title */
  meta = qpdf_oh_get_key (q, root, "/Metadata");
  xmp = stream_text (&c, meta);
  if (xmp == NULL)
    problem (&c, "no XMP metadata stream");
  else
    {
      if (strstr (xmp, "<pdfuaid:part>1</pdfuaid:part>") == NULL)
        problem (&c, "no pdfuaid:part 1 in XMP");
      if (strstr (xmp, "<dc:title>") == NULL)
        problem (&c, "no dc:title in XMP");
      if (strstr (xmp, "<dc:language>") == NULL)
        problem (&c, "no dc:language in XMP");
    }
  if (!nonempty_string (&c, qpdf_oh_get_key (q, info, "/Title")))
    problem (&c, "no Title in Info");
  /* Matterhorn 07-001 */
  if (!is_true (&c, qpdf_oh_get_key (q, qpdf_oh_get_key (q, root, "/ViewerPreferences"), "/DisplayDocTitle")))
    problem (&c, "no /ViewerPreferences /DisplayDocTitle true");
  /* Matterhorn checkpoint 01 and ISO 32000-1 14.7: a tagged PDF */
  if (!is_true (&c, qpdf_oh_get_key (q, qpdf_oh_get_key (q, root, "/MarkInfo"), "/Marked")))
    problem (&c, "no /MarkInfo /Marked true");
  tree = qpdf_oh_get_key (q, root, "/StructTreeRoot");
  if (!qpdf_oh_is_dictionary (q, tree))
    problem (&c, "no /StructTreeRoot");
  else
    {
      check_struct (&c, qpdf_oh_get_key (q, tree, "/K"), &n_elements, 0);
      if (n_elements == 0)
        problem (&c, "an empty structure tree");
    }
  check_pages (&c, pdfx);
  if (pdfx)
    check_pdfx (&c, root, info, xmp);
  if (qpdf_has_error (q))
    problem (&c, "qpdf: %s", qpdf_get_error_full_text (q, qpdf_get_error (q)));
  qpdf_cleanup (&q);
  return c.problems;
}

static char *
run (const char *a0,
     const char *a1,
     const char *a2)
{
  const char *argv[] = { a0, a1, a2, NULL };
  g_autofree char *err = NULL;
  char *out = NULL;

  if (!impact_test_have_program (a0))
    g_error ("%s is missing: the set-up command installs poppler-utils and qpdf", a0);
  if (impact_test_run (argv, &out, &err) != 0)
    g_error ("%s %s failed: %s%s", a0, a1, out, err);
  return out;
}

/* pdffonts: every font embedded (Matterhorn checkpoint 31, PDF/UA-1 7.21.4.1) */
static void
assert_fonts_embedded (const char *path)
{
  g_autofree char *fonts = run ("pdffonts", path, NULL);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  guint n = 0;

  for (guint i = 2; lines[i] && *lines[i]; i++, n++)
    {
      g_auto(GStrv) cols = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      guint k = 0, field = 0;
      const char *emb = NULL;

      /* name type encoding emb sub uni object ID: columns from the right */
      for (k = 0; cols[k]; k++)
        ;
      for (guint j = k; j-- > 0;)
        if (*cols[j] && ++field == 5)
          emb = cols[j];
      if (g_strcmp0 (emb, "yes") != 0)
        g_error ("%s: a font is not embedded: %s", path, lines[i]);
    }
  g_assert_cmpuint (n, >, 0);
}

typedef struct
{
  const char    *name;
  const char    *example;
  const char    *language;
  const char    *kind;        /* sheet, stats, slide, handout */
  const char    *template_name;
  ImpactPageSize size;
} Case;

static const Case cases[] = {
  { "classic-letter", "kolkata.json", "en", "sheet", "classic", IMPACT_PAGE_SIZE_LETTER },
  { "classic-a4", "kolkata.json", "en", "sheet", "classic", IMPACT_PAGE_SIZE_A4 },
  { "bold-letter", "kolkata.json", "en", "sheet", "bold", IMPACT_PAGE_SIZE_LETTER },
  { "bold-a4", "kolkata.json", "en", "sheet", "bold", IMPACT_PAGE_SIZE_A4 },
  { "card", "kolkata.json", "en", "stats", NULL, IMPACT_PAGE_SIZE_LETTER },
  { "slide", "kolkata.json", "en", "slide", NULL, IMPACT_PAGE_SIZE_LETTER },
  { "handout", "kolkata.json", "en", "handout", NULL, IMPACT_PAGE_SIZE_A4 },
  { "bengali", "kolkata-bn.json", "bn", "sheet", NULL, IMPACT_PAGE_SIZE_A4 },
  { "bengali-handout", "kolkata-bn.json", "bn", "handout", NULL, IMPACT_PAGE_SIZE_LETTER },
};

static char *
export_case (const Case *k,
             gboolean    pdfx)
{
  g_autofree char *json = impact_test_example_path (k->example);
  g_autoptr(GFile) file = g_file_new_for_path (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, NULL, NULL, &error);
  g_autofree char *dir = impact_test_make_tmpdir ();
  char *path = g_strdup_printf ("%s/%s.pdf", dir, k->name);
  g_autoptr(GFile) out = g_file_new_for_path (path);

  g_assert_no_error (error);
  if (strcmp (k->kind, "slide") == 0 || strcmp (k->kind, "handout") == 0)
    {
      ImpactTimelineExportOptions options;

      impact_timeline_export_options_init (&options);
      options.format = IMPACT_EXPORT_FORMAT_PDF;
      options.handout = strcmp (k->kind, "handout") == 0;
      options.page_size = k->size;
      options.pdfx = pdfx;
      impact_timeline_export (doc, &options, out, &error);
    }
  else
    {
      ImpactExportOptions options;

      impact_export_options_init (&options);
      options.page_size = k->size;
      options.template_name = k->template_name;
      options.pdfx = pdfx;
      if (strcmp (k->kind, "stats") == 0)
        options.part = IMPACT_EXPORT_PART_STATS;
      else if (pdfx)
        {
          options.bleed = 9;
          options.crop_marks = TRUE;
        }
      impact_export_document (doc, &options, out, NULL, NULL, NULL, &error);
    }
  g_assert_no_error (error);
  return path;
}

static void
test_case (gconstpointer data)
{
  const Case *k = data;

  for (int pdfx = 0; pdfx <= 1; pdfx++)
    {
      g_autofree char *path = export_case (k, pdfx);
      g_autofree char *contents = NULL;
      g_autofree char *check = NULL;
      g_autofree char *info = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      problems = check_pdf (contents, len, k->language, pdfx);
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("%s%s: %s\n", k->name, pdfx ? " (PDF/X)" : "", (char *) g_ptr_array_index (problems, i));
      g_assert_cmpuint (problems->len, ==, 0);
      check = run ("qpdf", "--check", path);
      g_assert_nonnull (strstr (check, "No syntax or stream encoding errors"));
      info = run ("pdfinfo", path, NULL);
      g_assert_nonnull (strstr (info, "Tagged:          yes"));
      assert_fonts_embedded (path);
    }
}

/* cairo's own output lacks every finishing key: the checker says so */
static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GByteArray *
cairo_pdf_with_link (void)
{
  GByteArray *pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, 200, 200);
  cairo_t *cr = cairo_create (surface);

  /* a band outside every structure element */
  cairo_rectangle (cr, 0, 0, 200, 20);
  cairo_fill (cr);
  cairo_tag_begin (cr, "Document", "");
  cairo_tag_begin (cr, "P", "");
  cairo_tag_begin (cr, CAIRO_TAG_LINK, "uri='https://example.org'");
  cairo_move_to (cr, 10, 50);
  cairo_show_text (cr, "link");
  cairo_tag_end (cr, CAIRO_TAG_LINK);
  /* and one within the document, as a note mark's */
  cairo_tag_begin (cr, CAIRO_TAG_LINK, "page=1 pos=[10 150]");
  cairo_move_to (cr, 60, 50);
  cairo_show_text (cr, "1");
  cairo_tag_end (cr, CAIRO_TAG_LINK);
  cairo_tag_end (cr, "P");
  cairo_tag_end (cr, "Document");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return pdf;
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *text)
{
  for (guint i = 0; i < problems->len; i++)
    if (strstr (g_ptr_array_index (problems, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_checker_fails (void)
{
  g_autoptr(GByteArray) pdf = cairo_pdf_with_link ();
  g_autoptr(GPtrArray) problems = check_pdf ((const char *) pdf->data, pdf->len, "en", TRUE);
  static const char * const expected[] = {
    "no /Lang", "no XMP metadata stream", "no /ViewerPreferences /DisplayDocTitle",
    "no /Tabs /S", "without /Contents", "neither tagged nor artifact",
    "no TrimBox", "no /GTS_PDFX OutputIntent", "no GTS_PDFXVersion", "no /Trapped",
  };

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (problems, i));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!has_problem (problems, expected[i]))
      g_error ("the checker did not find “%s” in a PDF as cairo writes it", expected[i]);
}

/* The same file finished passes, in both kinds */
static void
test_finished_passes (void)
{
  g_autoptr(GByteArray) pdf = cairo_pdf_with_link ();

  for (int pdfx = 0; pdfx <= 1; pdfx++)
    {
      ImpactPdfFinishOptions options;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) done = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      gsize len;
      const char *data;

      impact_pdf_finish_options_init (&options);
      options.title = "Test";
      options.language = "en";
      options.pdfx = pdfx;
      done = impact_pdf_finish (pdf->data, pdf->len, &options, &error);
      g_assert_no_error (error);
      data = g_bytes_get_data (done, &len);
      problems = check_pdf (data, len, "en", pdfx);
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("%s\n", (char *) g_ptr_array_index (problems, i));
      g_assert_cmpuint (problems->len, ==, 0);
    }
}

/* A file qpdf cannot read is an error, never a silent success */
static void
test_finish_fails_loudly (void)
{
  static const char garbage[] = "%PDF-1.5\nthis is not a PDF\n";
  g_autoptr(GByteArray) pdf = cairo_pdf_with_link ();
  ImpactPdfFinishOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) done = NULL;

  impact_pdf_finish_options_init (&options);
  options.title = "Test";
  done = impact_pdf_finish ((const guint8 *) garbage, sizeof garbage - 1, &options, &error);
  g_assert_null (done);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER);
  g_clear_error (&error);

  /* figures that do not match the images */
  options.figure_alts = g_ptr_array_new ();
  g_ptr_array_add (options.figure_alts, (gpointer) "a photo");
  done = impact_pdf_finish (pdf->data, pdf->len, &options, &error);
  g_ptr_array_unref (options.figure_alts);
  g_assert_null (done);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER);
  g_clear_error (&error);

  /* a trim that does not fit the page */
  options.figure_alts = NULL;
  options.boxes = TRUE;
  options.trim_margin = 150;
  done = impact_pdf_finish (pdf->data, pdf->len, &options, &error);
  g_assert_null (done);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER);
}

static char *
mark (const char *content)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = impact_pdf_content_mark_artifacts ((const guint8 *) content, strlen (content), &error);
  gsize len;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (out, &len);
  return g_strndup (data, len);
}

/* Untagged runs become artifacts; tagged content, strings that look like
 * operators and text objects are left whole */
static void
test_mark_artifacts (void)
{
  g_autofree char *a = mark ("0 0 10 10 re f\n/P << /MCID 0 >> BDC BT (EMC BDC) Tj ET EMC\n1 0 0 RG 0 0 m 5 5 l S\n");
  g_autofree char *b = mark ("/P << /MCID 0 >> BDC BT <0001> Tj ET EMC");
  g_autofree char *c = mark ("q BT /Span << /ActualText <feff0020> >> BDC EMC (x) Tj ET Q");
  g_autofree char *d = mark ("q /Im0 BI /W 1 /H 1 /BPC 8 /CS /G ID \x01 EI Q");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bad = NULL;

  g_assert_cmpstr (a, ==, "\n/Artifact BMC\n0 0 10 10 re f\nEMC\n\n/P << /MCID 0 >> BDC BT (EMC BDC) Tj ET EMC"
                          "\n/Artifact BMC\n\n1 0 0 RG 0 0 m 5 5 l S\n\nEMC\n");
  /* nothing untagged: nothing added */
  g_assert_cmpstr (b, ==, "/P << /MCID 0 >> BDC BT <0001> Tj ET EMC");
  /* a span inside an untagged text object stays inside the artifact */
  g_assert_cmpstr (c, ==, "\n/Artifact BMC\nq BT /Span << /ActualText <feff0020> >> BDC EMC (x) Tj ET Q\nEMC\n");
  g_assert_nonnull (strstr (d, "ID \x01 EI Q"));
  g_assert_true (g_str_has_prefix (d, "\n/Artifact BMC\n"));

  bad = impact_pdf_content_mark_artifacts ((const guint8 *) "EMC", 3, &error);
  g_assert_null (bad);
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/pdf-conformance/%s", cases[i].name);

      g_test_add_data_func (name, &cases[i], test_case);
    }
  g_test_add_func ("/pdf-content/mark-artifacts", test_mark_artifacts);
  g_test_add_func ("/pdf-conformance/checker-fails", test_checker_fails);
  g_test_add_func ("/pdf-conformance/finished-passes", test_finished_passes);
  g_test_add_func ("/pdf-conformance/finish-fails-loudly", test_finish_fails_loudly);
  return g_test_run ();
}
