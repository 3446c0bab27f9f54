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
#include <json-glib/json-glib.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

#include "impact-chart-export.h"
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

static GPtrArray *
dict_keys (qpdf_data q,
           qpdf_oh   dict)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  qpdf_oh_begin_dict_key_iter (q, dict);
  while (qpdf_oh_dict_more_keys (q))
    g_ptr_array_add (keys, g_strdup (qpdf_oh_dict_next_key (q)));
  return keys;
}

/* Every figure of the structure tree has /Alt (Matterhorn 13-004), every
 * note an /ID (19-003); list items are in lists, labels and bodies in
 * list items (09-005, 09-006: ISO 32000-1 14.8.4.3.3) */
static void
check_struct (Checker    *c,
              qpdf_oh     node,
              const char *parent,
              guint      *n_elements,
              int         depth)
{
  qpdf_data q = c->q;
  g_autofree char *tag = NULL;

  if (depth > 64)
    return;
  if (qpdf_oh_is_array (q, node))
    {
      for (int i = 0; i < qpdf_oh_get_array_n_items (q, node); i++)
        check_struct (c, qpdf_oh_get_array_item (q, node, i), parent, n_elements, depth + 1);
      return;
    }
  if (!qpdf_oh_is_dictionary (q, node) || !qpdf_oh_is_name (q, qpdf_oh_get_key (q, node, "/S")))
    return;
  (*n_elements)++;
  tag = g_strdup (qpdf_oh_get_name (q, qpdf_oh_get_key (q, node, "/S")));
  if (strcmp (tag, "/Figure") == 0 && !nonempty_string (c, qpdf_oh_get_key (q, node, "/Alt")))
    problem (c, "a Figure without /Alt");
  if (strcmp (tag, "/Note") == 0 && !nonempty_string (c, qpdf_oh_get_key (q, node, "/ID")))
    problem (c, "a Note without /ID");
  if (strcmp (tag, "/LI") == 0 && g_strcmp0 (parent, "/L") != 0)
    problem (c, "an LI in %s, not in an L", parent ? parent : "nothing");
  if ((strcmp (tag, "/Lbl") == 0 || strcmp (tag, "/LBody") == 0) && g_strcmp0 (parent, "/LI") != 0)
    problem (c, "%s in %s, not in an LI", tag + 1, parent ? parent : "nothing");
  if ((strcmp (tag, "/L") == 0 || strcmp (tag, "/LI") == 0 || strcmp (tag, "/Table") == 0) &&
      qpdf_oh_is_array (q, qpdf_oh_get_key (q, node, "/K")) &&
      qpdf_oh_get_array_n_items (q, qpdf_oh_get_key (q, node, "/K")) == 0)
    problem (c, "an empty %s", tag + 1);
  if (strcmp (tag, "/L") == 0)
    {
      qpdf_oh kids = qpdf_oh_get_key (q, node, "/K");

      for (int i = 0; qpdf_oh_is_array (q, kids) && i < qpdf_oh_get_array_n_items (q, kids); i++)
        if (!qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, qpdf_oh_get_array_item (q, kids, i), "/S"), "/LI"))
          problem (c, "an L holds something else than LI");
    }
  check_struct (c, qpdf_oh_get_key (q, node, "/K"), tag, n_elements, depth + 1);
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
  g_autoptr(GPtrArray) keys = NULL;

  if (!qpdf_oh_is_dictionary (q, xobjects) || depth > 16)
    return;
  keys = dict_keys (q, xobjects);
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
  g_autoptr(GPtrArray) keys = NULL;

  if (!qpdf_oh_is_dictionary (q, fonts))
    return;
  keys = dict_keys (q, fonts);
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
              /* Matterhorn 28-011: the annotation is in a Link element
               * (ISO 32000-1 14.7.4.4: through its /StructParent) */
              if (qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, annot, "/Subtype"), "/Link") &&
                  !qpdf_oh_is_integer (q, qpdf_oh_get_key (q, annot, "/StructParent")))
                problem (c, "page %d: a link annotation without /StructParent", i + 1);
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
      check_struct (&c, qpdf_oh_get_key (q, tree, "/K"), NULL, &n_elements, 0);
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

/* Reading the structure back: the text of each element, from its marked
 * content and the fonts' ToUnicode maps (or its /ActualText), in the
 * order of the structure tree. An independent reader: nothing of it is
 * shared with the code that writes the file. */

typedef struct
{
  GHashTable *map;   /* code, as lower-case hexadecimal → UTF-8 */
  guint       bytes; /* of a code */
} ToUnicode;

static void
to_unicode_free (gpointer data)
{
  ToUnicode *t = data;

  g_hash_table_unref (t->map);
  g_free (t);
}

static char *
utf16_hex_to_utf8 (const char *hex,
                   gsize       len)
{
  g_autofree gunichar2 *units = g_new0 (gunichar2, len / 4 + 1);

  for (gsize i = 0; i + 4 <= len; i += 4)
    {
      char four[5] = { hex[i], hex[i + 1], hex[i + 2], hex[i + 3], 0 };

      units[i / 4] = (gunichar2) strtoul (four, NULL, 16);
    }
  return g_utf16_to_utf8 (units, len / 4, NULL, NULL, NULL);
}

/* The next <hex> of @p (moved past it); NULL at the end */
static char *
next_hex (const char **p,
          const char  *end)
{
  const char *a = *p, *b;

  while (a < end && *a != '<')
    a++;
  if (a >= end)
    return NULL;
  for (b = a + 1; b < end && *b != '>'; b++)
    ;
  *p = b + 1;
  return g_ascii_strdown (a + 1, b - a - 1);
}

static ToUnicode *
read_to_unicode (Checker *c,
                 qpdf_oh  stream)
{
  g_autofree char *text = stream_text (c, stream);
  ToUnicode *t = g_new0 (ToUnicode, 1);
  const char *p;

  t->map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  t->bytes = 1;
  if (text == NULL)
    return t;
  for (p = strstr (text, "beginbfchar"); p != NULL; p = strstr (p, "beginbfchar"))
    {
      const char *end = strstr (p, "endbfchar");
      char *code, *uni;

      if (end == NULL)
        break;
      p += strlen ("beginbfchar");
      while ((code = next_hex (&p, end)) != NULL)
        {
          g_autofree char *u = next_hex (&p, end);

          if (u == NULL)
            {
              g_free (code);
              break;
            }
          uni = utf16_hex_to_utf8 (u, strlen (u));
          t->bytes = MAX (1, strlen (code) / 2);
          g_hash_table_replace (t->map, code, uni ? uni : g_strdup (""));
        }
    }
  for (p = strstr (text, "beginbfrange"); p != NULL; p = strstr (p, "beginbfrange"))
    {
      const char *end = strstr (p, "endbfrange");
      char *lo;

      if (end == NULL)
        break;
      p += strlen ("beginbfrange");
      while ((lo = next_hex (&p, end)) != NULL)
        {
          g_autofree char *first = lo;
          g_autofree char *last = next_hex (&p, end);
          g_autofree char *dst = next_hex (&p, end);
          gsize digits = strlen (first);
          gulong a = strtoul (first, NULL, 16), b = last ? strtoul (last, NULL, 16) : a;
          g_autofree char *base = dst ? utf16_hex_to_utf8 (dst, strlen (dst)) : NULL;
          gunichar u0 = base ? g_utf8_get_char (base) : 0;

          t->bytes = MAX (1, digits / 2);
          for (gulong k = a; k <= b && k - a < 65536; k++)
            {
              char out[8] = { 0 };

              g_unichar_to_utf8 (u0 + (gunichar) (k - a), out);
              g_hash_table_replace (t->map, g_strdup_printf ("%0*lx", (int) digits, k), g_strdup (out));
            }
        }
    }
  return t;
}

/* Decodes a string's bytes with the current font */
static void
append_shown (GString         *out,
              const ToUnicode *font,
              const guint8    *bytes,
              gsize            len)
{
  if (font == NULL)
    {
      g_autofree char *latin = g_convert ((const char *) bytes, len, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);

      if (latin)
        g_string_append (out, latin);
      return;
    }
  for (gsize i = 0; i + font->bytes <= len; i += font->bytes)
    {
      GString *hex = g_string_new (NULL);
      const char *u;

      for (guint k = 0; k < font->bytes; k++)
        g_string_append_printf (hex, "%02x", bytes[i + k]);
      /* a glyph with no text (a line break's) adds none */
      u = g_hash_table_lookup (font->map, hex->str);
      if (u != NULL)
        g_string_append (out, u);
      g_string_free (hex, TRUE);
    }
}

static void
free_gstring (gpointer s)
{
  g_string_free (s, TRUE);
}

/* A content stream's strings, by marked-content identifier: MCID → GString */
static GHashTable *
read_marked_text (Checker    *c,
                  qpdf_oh     page)
{
  qpdf_data q = c->q;
  GHashTable *texts = g_hash_table_new_full (NULL, NULL, NULL, free_gstring);
  g_autoptr(GHashTable) fonts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, to_unicode_free);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GByteArray) str = g_byte_array_new ();
  qpdf_oh res = qpdf_oh_get_key (q, page, "/Resources");
  qpdf_oh font_dict = qpdf_oh_get_key (q, res, "/Font");
  unsigned char *data = NULL;
  size_t len = 0;
  const ToUnicode *font = NULL;
  int pending_mcid = -1;
  g_autofree char *last_name = NULL;

  if (qpdf_oh_is_dictionary (q, font_dict))
    {
      g_autoptr(GPtrArray) keys = dict_keys (q, font_dict);

      for (guint i = 0; i < keys->len; i++)
        {
          qpdf_oh f = qpdf_oh_get_key (q, font_dict, g_ptr_array_index (keys, i));
          qpdf_oh tu = qpdf_oh_get_key (q, f, "/ToUnicode");

          if (qpdf_oh_is_stream (q, tu))
            g_hash_table_insert (fonts, g_strdup (g_ptr_array_index (keys, i)), read_to_unicode (c, tu));
        }
    }
  if ((qpdf_oh_get_page_content_data (q, page, &data, &len) & QPDF_ERRORS) || data == NULL)
    {
      free (data);
      return texts;
    }
  for (const char *p = (const char *) data, *end = p + len; p < end;)
    {
      int top = stack->len ? g_array_index (stack, int, stack->len - 1) : -1;

      if (g_ascii_isspace (*p))
        p++;
      else if (*p == '(' || (*p == '<' && p + 1 < end && p[1] != '<'))
        {
          /* a string: decoded into str */
          g_byte_array_set_size (str, 0);
          if (*p == '(')
            {
              int nest = 0;

              for (p++; p < end && !(*p == ')' && nest == 0); p++)
                {
                  guint8 b = *p;

                  if (*p == '\\' && p + 1 < end)
                    {
                      p++;
                      if (*p >= '0' && *p <= '7')
                        {
                          int v = 0, k = 0;

                          for (; k < 3 && p < end && *p >= '0' && *p <= '7'; k++, p++)
                            v = v * 8 + (*p - '0');
                          p--;
                          b = v;
                        }
                      else
                        b = *p == 'n' ? '\n' : *p == 'r' ? '\r' : *p == 't' ? '\t' : *p;
                    }
                  else if (*p == '(')
                    nest++;
                  else if (*p == ')')
                    nest--;
                  g_byte_array_append (str, &b, 1);
                }
              p++;
            }
          else
            {
              char hex[3] = { 0 };
              int k = 0;

              for (p++; p < end && *p != '>'; p++)
                if (g_ascii_isxdigit (*p))
                  {
                    hex[k++] = *p;
                    if (k == 2)
                      {
                        guint8 b = strtoul (hex, NULL, 16);

                        g_byte_array_append (str, &b, 1);
                        k = 0;
                      }
                  }
              p++;
            }
          if (top >= 0)
            {
              GString *t = g_hash_table_lookup (texts, GINT_TO_POINTER (top));

              if (t == NULL)
                g_hash_table_insert (texts, GINT_TO_POINTER (top), t = g_string_new (NULL));
              append_shown (t, font, str->data, str->len);
            }
        }
      else
        {
          const char *w = p;
          g_autofree char *word = NULL;

          if (strchr ("[]{}", *p) || (*p == '<' || *p == '>'))
            {
              p += (*p == '<' || *p == '>') && p + 1 < end && p[1] == *p ? 2 : 1;
              continue;
            }
          for (p++; p < end && !g_ascii_isspace (*p) && !strchr ("()<>[]{}/%", *p); p++)
            ;
          word = g_strndup (w, p - w);
          if (*w == '/')
            {
              g_free (last_name);
              last_name = g_strdup (word);
            }
          else if (g_strcmp0 (last_name, "/MCID") == 0 && g_ascii_isdigit (*w))
            {
              pending_mcid = atoi (w);
              g_clear_pointer (&last_name, g_free);
            }
          else if (strcmp (word, "BDC") == 0 || strcmp (word, "BMC") == 0)
            {
              /* a Span inside tagged content belongs to it */
              int mcid = pending_mcid >= 0 ? pending_mcid : top;

              g_array_append_val (stack, mcid);
              pending_mcid = -1;
            }
          else if (strcmp (word, "EMC") == 0 && stack->len > 0)
            g_array_set_size (stack, stack->len - 1);
          else if (strcmp (word, "Tf") == 0 && last_name != NULL)
            font = g_hash_table_lookup (fonts, last_name);
        }
    }
  free (data);
  return texts;
}

typedef struct
{
  char *tag;   /* "P", "H1" … */
  char *text;
  int   page;  /* 0-based */
} Block;

static void
block_free (gpointer data)
{
  Block *b = data;

  g_free (b->tag);
  g_free (b->text);
  g_free (b);
}

typedef struct
{
  Checker   *c;
  GArray    *page_ids;   /* object ids of the pages, in order */
  GPtrArray *marked;     /* of GHashTable, a page's MCID → GString */
  GPtrArray *blocks;     /* of Block */
  int        heading;    /* the last heading's level; 0 before the first */
} Reader;

static int
page_of (Reader *r,
         qpdf_oh node,
         int     inherited)
{
  qpdf_oh pg = qpdf_oh_get_key (r->c->q, node, "/Pg");
  int id;

  if (!qpdf_oh_is_dictionary (r->c->q, pg))
    return inherited;
  id = qpdf_oh_get_object_id (r->c->q, pg);
  for (guint i = 0; i < r->page_ids->len; i++)
    if (g_array_index (r->page_ids, int, i) == id)
      return i;
  return inherited;
}

static void
append_mcid (Reader  *r,
             GString *out,
             int      page,
             int      mcid)
{
  GHashTable *texts = page >= 0 && (guint) page < r->marked->len ? g_ptr_array_index (r->marked, page) : NULL;
  GString *t = texts ? g_hash_table_lookup (texts, GINT_TO_POINTER (mcid)) : NULL;

  if (t != NULL)
    g_string_append (out, t->str);
}

/* The text of an element and everything in it; *direct is set when it
 * holds marked content itself */
static void
element_text (Reader   *r,
              qpdf_oh   node,
              int       page,
              GString  *out,
              gboolean *direct,
              int       depth)
{
  qpdf_data q = r->c->q;
  qpdf_oh kids, actual;

  if (depth > 64)
    return;
  if (qpdf_oh_is_integer (q, node))
    {
      *direct = TRUE;
      append_mcid (r, out, page, qpdf_oh_get_int_value_as_int (q, node));
      return;
    }
  if (qpdf_oh_is_array (q, node))
    {
      for (int i = 0; i < qpdf_oh_get_array_n_items (q, node); i++)
        element_text (r, qpdf_oh_get_array_item (q, node, i), page, out, direct, depth + 1);
      return;
    }
  if (!qpdf_oh_is_dictionary (q, node))
    return;
  page = page_of (r, node, page);
  if (qpdf_oh_has_key (q, node, "/MCID"))
    {
      *direct = TRUE;
      append_mcid (r, out, page, qpdf_oh_get_int_value_as_int (q, qpdf_oh_get_key (q, node, "/MCID")));
      return;
    }
  if (!qpdf_oh_has_key (q, node, "/S"))
    return;  /* an object reference (a link's annotation) */
  actual = qpdf_oh_get_key (q, node, "/ActualText");
  if (qpdf_oh_is_string (q, actual))
    {
      *direct = TRUE;
      g_string_append (out, qpdf_oh_get_utf8_value (q, actual));
      return;
    }
  kids = qpdf_oh_get_key (q, node, "/K");
  if (qpdf_oh_is_array (q, kids))
    for (int i = 0; i < qpdf_oh_get_array_n_items (q, kids); i++)
      {
        gboolean inner = FALSE;
        qpdf_oh kid = qpdf_oh_get_array_item (q, kids, i);

        element_text (r, kid, page, out, qpdf_oh_is_integer (q, kid) || qpdf_oh_has_key (q, kid, "/MCID")
                                         ? direct : &inner, depth + 1);
      }
  else
    {
      gboolean inner = FALSE;

      element_text (r, kids, page, out, qpdf_oh_is_dictionary (q, kids) && qpdf_oh_has_key (q, kids, "/S")
                                        ? &inner : direct, depth + 1);
    }
}

/* Walks the tree in order: an element that holds content itself (or has
 * /ActualText) is a block; the headings' levels are checked on the way
 * (Matterhorn 14-002: the first is H1; 14-003: none is skipped) */
static void
read_blocks (Reader  *r,
             qpdf_oh  node,
             int      page,
             int      depth)
{
  qpdf_data q = r->c->q;
  g_autoptr(GString) text = NULL;
  g_autofree char *tag = NULL;
  gboolean direct = FALSE;

  if (depth > 64)
    return;
  if (qpdf_oh_is_array (q, node))
    {
      for (int i = 0; i < qpdf_oh_get_array_n_items (q, node); i++)
        read_blocks (r, qpdf_oh_get_array_item (q, node, i), page, depth + 1);
      return;
    }
  if (!qpdf_oh_is_dictionary (q, node) || !qpdf_oh_has_key (q, node, "/S"))
    return;
  page = page_of (r, node, page);
  /* qpdf's name lives until the next call */
  tag = g_strdup (qpdf_oh_get_name (q, qpdf_oh_get_key (q, node, "/S")));
  if (tag[0] == '/' && tag[1] == 'H' && g_ascii_isdigit (tag[2]) && tag[3] == '\0')
    {
      int level = tag[2] - '0';

      if (r->heading == 0 && level != 1)
        problem (r->c, "the first heading is H%d, not H1", level);
      else if (level > r->heading + 1 && r->heading > 0)
        problem (r->c, "H%d follows H%d: a heading level is skipped", level, r->heading);
      r->heading = level;
    }
  text = g_string_new (NULL);
  element_text (r, node, page, text, &direct, 0);
  if (direct)
    {
      Block *b = g_new0 (Block, 1);

      b->tag = g_strdup (tag + 1);
      b->text = g_string_free (g_steal_pointer (&text), FALSE);
      b->page = page;
      g_ptr_array_add (r->blocks, b);
      return;
    }
  read_blocks (r, qpdf_oh_get_key (q, node, "/K"), page, depth + 1);
}

/* The blocks of a PDF in structure order; problems (heading levels) are
 * added to @problems */
static GPtrArray *
read_structure (const char *data,
                gsize       len,
                GPtrArray  *problems)
{
  Checker c = { qpdf_init (), problems };
  Reader r = { &c, g_array_new (FALSE, FALSE, sizeof (int)),
               g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref),
               g_ptr_array_new_with_free_func (block_free), 0 };
  qpdf_data q = c.q;
  qpdf_oh tree;

  qpdf_silence_errors (q);
  qpdf_set_suppress_warnings (q, QPDF_TRUE);
  g_assert_false (qpdf_read_memory (q, "export", data, len, NULL) & QPDF_ERRORS);
  for (int i = 0; i < qpdf_get_num_pages (q); i++)
    {
      qpdf_oh page = qpdf_get_page_n (q, i);
      int id = qpdf_oh_get_object_id (q, page);

      g_array_append_val (r.page_ids, id);
      g_ptr_array_add (r.marked, read_marked_text (&c, page));
    }
  tree = qpdf_oh_get_key (q, qpdf_get_root (q), "/StructTreeRoot");
  /* cairo's Document elements have no /Pg: the n-th is the n-th page's */
  {
    qpdf_oh docs = qpdf_oh_get_key (q, tree, "/K");
    int n = qpdf_oh_is_array (q, docs) ? qpdf_oh_get_array_n_items (q, docs) : 1;

    for (int i = 0; i < n; i++)
      read_blocks (&r, qpdf_oh_is_array (q, docs) ? qpdf_oh_get_array_item (q, docs, i) : docs, i, 0);
  }
  qpdf_cleanup (&q);
  g_array_unref (r.page_ids);
  g_ptr_array_unref (r.marked);
  return r.blocks;
}

typedef struct
{
  const char    *name;
  const char    *example;
  const char    *language;
  const char    *kind;        /* sheet, stats, slide, handout */
  const char    *template_name;
  ImpactPageSize size;
  const char    *pages;       /* "1", "2"; NULL: the data's */
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
  /* every section, a section past the page, charts, right to left */
  { "full", "data/valid/full.json", "bn", "sheet", "classic", IMPACT_PAGE_SIZE_LETTER },
  { "charts", "data/valid/charts.json", "en", "sheet", "bold", IMPACT_PAGE_SIZE_A4 },
  { "arabic", "data/valid/arabic.json", "ar", "sheet", "bold", IMPACT_PAGE_SIZE_LETTER },
};

static char *
export_case (const Case *k,
             gboolean    pdfx)
{
  g_autofree char *json = g_path_is_absolute (k->example) ? g_strdup (k->example) :
                          g_str_has_prefix (k->example, "data/") ? impact_test_data_path (k->example)
                                                                  : impact_test_example_path (k->example);
  g_autoptr(GFile) file = g_file_new_for_path (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, NULL, NULL, &error);
  g_autofree char *dir = impact_test_make_tmpdir ();
  char *path = g_strdup_printf ("%s/%s.pdf", dir, k->name);
  g_autoptr(GFile) out = g_file_new_for_path (path);

  g_assert_no_error (error);
  if (k->pages != NULL)
    impact_document_set_pages (doc, k->pages);
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
      g_ptr_array_unref (read_structure (contents, len, problems));
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

/* Reading order: the structure read back against the order a reader
 * follows on the drawn page. Texts are compared without white space and
 * case (a line break, a design's capitals are not the order). */

static char *
squeeze (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x2060 && c != 0x202A && c != 0x202B && c != 0x202C)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The index of the first block on @page whose text holds @needle (is
 * the rest of it, after a "=") */
static int
find_block (GPtrArray  *blocks,
            int         page,
            const char *needle)
{
  gboolean whole = needle[0] == '=';
  g_autofree char *n = squeeze (whole ? needle + 1 : needle);

  for (guint i = 0; i < blocks->len; i++)
    {
      Block *b = g_ptr_array_index (blocks, i);
      g_autofree char *t = squeeze (b->text);

      if (b->page == page && (whole ? strcmp (t, n) == 0 : strstr (t, n) != NULL))
        return i;
    }
  return -1;
}

static void
dump_blocks (GPtrArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      Block *b = g_ptr_array_index (blocks, i);
      g_autofree char *shown = g_strescape (b->text, NULL);

      g_test_message ("%u: page %d %s “%.80s”", i, b->page + 1, b->tag, shown);
    }
}

/* @needles appear in this order on @page (each found) */
static void
assert_order (GPtrArray          *blocks,
              int                 page,
              const char * const *needles)
{
  int last = -1;

  for (guint i = 0; needles[i]; i++)
    {
      int at = find_block (blocks, page, needles[i]);

      if (at < 0 || at <= last)
        {
          dump_blocks (blocks);
          g_error ("page %d: “%s” is %s", page + 1, needles[i],
                   at < 0 ? "not in the structure" : "read before the text drawn above it");
        }
      last = at;
    }
}

/* @first is read immediately before @second (a label with its figure) */
static void
assert_pair (GPtrArray  *blocks,
             int         page,
             const char *first,
             const char *second)
{
  int a = find_block (blocks, page, first), b = find_block (blocks, page, second);

  if (a < 0 || b != a + 1)
    {
      dump_blocks (blocks);
      g_error ("page %d: “%s” is not read right before “%s” (%d, %d)", page + 1, first, second, a, b);
    }
}

/* The last block of @page holds @needle */
static void
assert_last (GPtrArray  *blocks,
             int         page,
             const char *needle)
{
  int at = find_block (blocks, page, needle);

  for (guint i = at + 1; at >= 0 && i < blocks->len; i++)
    if (((Block *) g_ptr_array_index (blocks, i))->page == page)
      at = -1;
  if (at < 0)
    {
      dump_blocks (blocks);
      g_error ("page %d: “%s” is not the last thing read", page + 1, needle);
    }
}

static GPtrArray *
exported_structure (const char *example,
                    const char *template_name)
{
  /* two pages, front and back, whatever the data's default */
  Case k = { "order", example, NULL, "sheet", template_name, IMPACT_PAGE_SIZE_LETTER, "2" };
  g_autofree char *path = export_case (&k, FALSE);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *blocks;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  blocks = read_structure (contents, len, problems);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  return blocks;
}

static void
test_reading_order_en (gconstpointer data)
{
  g_autoptr(GPtrArray) blocks = exported_structure ("kolkata.json", data);
  static const char * const front[] = {
    "Kolkata, India", "=Sex trafficking", "Sonagachi, in Kolkata", "The facts", "Many girls are still",
    "Walk Free Foundation, Global", "Central Bureau of Investigation, Government", "Profits and Poverty", "Crime in India", NULL,
  };
  /* the classic design sets the figures under the problem, the bold one
   * in a band above it */
  static const char * const classic_stats[] = { "Sonagachi, in Kolkata", "progress since 2006", "435", "The facts", NULL };
  static const char * const bold_stats[] = { "Kolkata, India", "progress since 2006", "435", "=Sex trafficking", NULL };
  static const char * const back[] = {
    "How IJM Kolkata fights", "We rescue victims", "milestones", "Kolkata office opens",
    "Landmark conviction", "Saji Philip", "Before joining IJM", "PO Box 58147", "Names marked with an asterisk", NULL,
  };

  assert_order (blocks, 0, front);
  assert_order (blocks, 0, strcmp (data, "bold") == 0 ? bold_stats : classic_stats);
  /* each figure before its label */
  assert_pair (blocks, 0, "435", "survivors brought out of");
  assert_pair (blocks, 0, "5,470", "police, officials");
  /* the sources are read last on the front, where they are drawn */
  assert_last (blocks, 0, "Crime in India");
  assert_order (blocks, 1, back);
  /* each milestone's year with its items, not a row of years first */
  assert_pair (blocks, 1, "2011", "Brothel closed");
  assert_pair (blocks, 1, "2013", "Landmark conviction");
  /* and the milestones are a list, the year each item's label */
  g_assert_cmpstr (((Block *) g_ptr_array_index (blocks, find_block (blocks, 1, "=2011")))->tag, ==, "Lbl");
  /* the footer is read last, not first */
  assert_last (blocks, 1, "Names marked with an asterisk");
  /* the initials in place of a photo are decoration */
  for (guint i = 0; i < blocks->len; i++)
    g_assert_cmpstr (((Block *) g_ptr_array_index (blocks, i))->text, !=, "SP");
}

static void
test_reading_order_ar (gconstpointer data)
{
  g_autoptr(GPtrArray) blocks = exported_structure ("data/valid/arabic.json", data);
  /* in logical order: the texts come back as the data has them */
  static const char * const front[] = {
    "القاهرة، مصر", "المشكلة", "العمل القسري",
    "يعمل آلاف الأشخاص في ظروف قاسية دون أجر عادل.",
    "لم أكن أعرف أن لي حقوقًا حتى جاء من يساعدني.", "التقرير السنوي (2024)", NULL,
  };
  static const char * const classic_stats[] = { "يعمل آلاف الأشخاص", "تقدمنا منذ 2010", "1,250", NULL };
  static const char * const bold_stats[] = { "القاهرة، مصر", "تقدمنا منذ 2010", "1,250", "المشكلة", NULL };

  assert_order (blocks, 0, front);
  assert_order (blocks, 0, strcmp (data, "bold") == 0 ? bold_stats : classic_stats);
  assert_pair (blocks, 0, "1,250", "شخصًا تم تحريرهم");
  assert_pair (blocks, 0, "87", "قضية أمام المحاكم");
  assert_last (blocks, 0, "التقرير السنوي (2024)");
  assert_last (blocks, 1, "الأسماء المعلَّمة بنجمة أسماء مستعارة.");
}

/* Arabic text comes back in logical order: from the structure (each
 * right-to-left paragraph's /ActualText, which a screen reader reads:
 * the whole sentence, as the data has it) and from pdftotext (poppler
 * reorders the visual glyphs itself: the headings and lines without
 * ligatures it splits read in order) */
static void
test_arabic_logical (void)
{
  Case k = { "arabic", "data/valid/arabic.json", NULL, "sheet", "classic", IMPACT_PAGE_SIZE_A4 };
  g_autofree char *path = export_case (&k, FALSE);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) blocks = NULL;
  static const char *sentence = "يعمل آلاف الأشخاص في ظروف قاسية دون أجر عادل.";
  static const char * const extracted[] = { "القاهرة، مصر", "العمل القسري", "تقدمنا منذ 2010", "قضية أمام المحاكم", NULL };
  int at;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  blocks = read_structure (contents, len, problems);
  at = find_block (blocks, 0, sentence);
  g_assert_cmpint (at, >=, 0);
  /* the body's first words start its text, not its last */
  g_assert_true (g_str_has_prefix (((Block *) g_ptr_array_index (blocks, at))->text, "يعمل آلاف"));

  text = run ("pdftotext", path, "-");
  flat = squeeze (text);
  for (guint i = 0; extracted[i]; i++)
    {
      g_autofree char *needle = squeeze (extracted[i]);

      if (strstr (flat, needle) == NULL)
        g_error ("pdftotext does not give “%s” in logical order:\n%s", extracted[i], text);
    }
}

/* The bookmarks follow the order of reading too: the sources after the
 * quote on the front, the contact after the profile on the back */
static void
test_outline_order (void)
{
  Case k = { "outline", "kolkata.json", NULL, "sheet", "classic", IMPACT_PAGE_SIZE_LETTER, "2" };
  g_autofree char *path = export_case (&k, FALSE);
  g_autofree char *contents = NULL;
  g_autoptr(GString) order = g_string_new (NULL);
  qpdf_data q = qpdf_init ();
  qpdf_oh page;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  qpdf_silence_errors (q);
  g_assert_false (qpdf_read_memory (q, "outline", contents, len, NULL) & QPDF_ERRORS);
  page = qpdf_oh_get_key (q, qpdf_oh_get_key (q, qpdf_get_root (q), "/Outlines"), "/First");
  for (int n = 0; qpdf_oh_is_dictionary (q, page) && n < 8; n++)
    {
      qpdf_oh entry = qpdf_oh_get_key (q, page, "/First");

      g_string_append_printf (order, "[%s]", qpdf_oh_get_utf8_value (q, qpdf_oh_get_key (q, page, "/Title")));
      for (int m = 0; qpdf_oh_is_dictionary (q, entry) && m < 32; m++)
        {
          g_string_append_printf (order, " %s;", qpdf_oh_get_utf8_value (q, qpdf_oh_get_key (q, entry, "/Title")));
          entry = qpdf_oh_get_key (q, entry, "/Next");
        }
      page = qpdf_oh_get_key (q, page, "/Next");
    }
  qpdf_cleanup (&q);
  g_assert_cmpstr (order->str, ==,
                   "[Front page] Kolkata, India; Sex trafficking; IJM Kolkata progress since 2006; "
                   "The facts; Quote; Sources;"
                   "[Back page] How IJM Kolkata fights sex trafficking; IJM Kolkata milestones; "
                   "Saji Philip; Contact;");
}

/* Each note's superscript mark is a link to its note: an annotation with
 * /Contents "Note N" whose destination is a name the document defines */
static void
test_note_links (void)
{
  Case k = { "notes", "kolkata.json", NULL, "sheet", "classic", IMPACT_PAGE_SIZE_LETTER, "2" };
  g_autofree char *path = export_case (&k, FALSE);
  g_autofree char *contents = NULL;
  qpdf_data q = qpdf_init ();
  qpdf_oh page, annots, dests, names;
  gboolean seen[5] = { FALSE };
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  qpdf_silence_errors (q);
  g_assert_false (qpdf_read_memory (q, "notes", contents, len, NULL) & QPDF_ERRORS);
  dests = qpdf_oh_get_key (q, qpdf_oh_get_key (q, qpdf_get_root (q), "/Names"), "/Dests");
  names = qpdf_oh_get_key (q, dests, "/Names");
  g_assert_true (qpdf_oh_is_array (q, names));
  page = qpdf_get_page_n (q, 0);
  annots = qpdf_oh_get_key (q, page, "/Annots");
  for (int i = 0; qpdf_oh_is_array (q, annots) && i < qpdf_oh_get_array_n_items (q, annots); i++)
    {
      qpdf_oh annot = qpdf_oh_get_array_item (q, annots, i);
      qpdf_oh dest = qpdf_oh_get_key (q, annot, "/Dest");
      g_autofree char *name = NULL;
      g_autofree char *expected = NULL;
      gboolean defined = FALSE;
      int n;

      if (!qpdf_oh_is_string (q, dest))
        continue;
      name = g_strdup (qpdf_oh_get_utf8_value (q, dest));
      g_assert_true (g_str_has_prefix (name, "note-1-"));
      n = atoi (name + strlen ("note-1-"));
      g_assert_cmpint (n, >=, 1);
      g_assert_cmpint (n, <=, 4);
      seen[n] = TRUE;
      expected = g_strdup_printf ("Note %d", n);
      g_assert_cmpstr (qpdf_oh_get_utf8_value (q, qpdf_oh_get_key (q, annot, "/Contents")), ==, expected);
      g_assert_true (qpdf_oh_is_integer (q, qpdf_oh_get_key (q, annot, "/StructParent")));
      for (int k2 = 0; k2 + 1 < qpdf_oh_get_array_n_items (q, names); k2 += 2)
        defined |= g_strcmp0 (qpdf_oh_get_utf8_value (q, qpdf_oh_get_array_item (q, names, k2)), name) == 0;
      g_assert_true (defined);
    }
  /* the four sources of the front are each linked from their mark */
  for (int n = 1; n <= 4; n++)
    g_assert_true (seen[n]);
  qpdf_cleanup (&q);
}

/* A chart's figure is followed by its data as a table: a header row of
 * TH, a row of TD a period, read right after the chart's own texts */
static void
test_chart_table (void)
{
  g_autoptr(GPtrArray) blocks = exported_structure ("data/valid/charts.json", "classic");
  int th = -1;

  for (guint i = 0; i < blocks->len && th < 0; i++)
    if (strcmp (((Block *) g_ptr_array_index (blocks, i))->tag, "TH") == 0)
      th = i;
  if (th < 1 || th + 5 >= (int) blocks->len)
    {
      dump_blocks (blocks);
      g_error ("no chart table in the structure");
    }
  /* the last text of the figure before it: the axis' last period */
  g_assert_cmpstr (((Block *) g_ptr_array_index (blocks, th - 1))->text, ==, "2010");
  {
    static const char * const expected[][2] = {
      { "TH", "Period" }, { "TH", "Survivors rescued per year" },
      { "TD", "2006" }, { "TD", "7" }, { "TD", "2007" }, { "TD", "4" },
    };

    for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
      {
        Block *b = g_ptr_array_index (blocks, th + k);

        g_assert_cmpstr (b->tag, ==, expected[k][0]);
        g_assert_cmpstr (b->text, ==, expected[k][1]);
      }
  }
}

/* The blocks of an exported case, checked (problems fail the test) */
static GPtrArray *
case_structure (const Case *k)
{
  g_autofree char *path = export_case (k, FALSE);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GPtrArray *blocks;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  problems = check_pdf (contents, len, "en", FALSE);
  blocks = read_structure (contents, len, problems);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s: %s\n", k->name, (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  return blocks;
}

/* The wordmark (the short name boxed, in place of a logo) is a picture
 * of the name: a Figure (with the name as /Alt) where it stands alone,
 * an artifact beside the name set out in full (the bold header, the card) */
static void
test_wordmark (void)
{
  Case classic = { "wordmark-classic", "kolkata.json", NULL, "sheet", "classic", IMPACT_PAGE_SIZE_LETTER, "2" };
  Case bold = { "wordmark-bold", "kolkata.json", NULL, "sheet", "bold", IMPACT_PAGE_SIZE_LETTER, "2" };
  Case card = { "wordmark-card", "kolkata.json", NULL, "stats", NULL, IMPACT_PAGE_SIZE_LETTER };
  g_autoptr(GPtrArray) blocks = case_structure (&classic);
  int at = find_block (blocks, 0, "=IJM");

  if (at < 0)
    {
      dump_blocks (blocks);
      g_error ("the classic wordmark is not in the structure");
    }
  g_assert_cmpstr (((Block *) g_ptr_array_index (blocks, at))->tag, ==, "Figure");
  g_ptr_array_unref (blocks);

  blocks = case_structure (&bold);
  g_assert_cmpint (find_block (blocks, 0, "International Justice Mission"), >=, 0);
  if (find_block (blocks, 0, "=IJM") >= 0)
    {
      dump_blocks (blocks);
      g_error ("the bold wordmark is tagged beside the organisation's name");
    }
  g_ptr_array_unref (blocks);

  blocks = case_structure (&card);
  g_assert_cmpint (find_block (blocks, 0, "International Justice Mission"), >=, 0);
  if (find_block (blocks, 0, "=IJM") >= 0)
    {
      dump_blocks (blocks);
      g_error ("the card's wordmark is tagged beside the organisation's name");
    }
  g_ptr_array_unref (g_steal_pointer (&blocks));
}

/* The stats card's figures are a list, as the sheet's: each figure the
 * Lbl of its item, read right before its label (the LBody) */
static void
test_card_list (void)
{
  Case card = { "card-list", "kolkata.json", NULL, "stats", NULL, IMPACT_PAGE_SIZE_LETTER };
  g_autoptr(GPtrArray) blocks = case_structure (&card);
  static const char * const figures[][2] = {
    { "=435", "survivors brought out of" }, { "=5,470", "police, officials" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      int at = find_block (blocks, 0, figures[i][0]);

      if (at < 0 || strcmp (((Block *) g_ptr_array_index (blocks, at))->tag, "Lbl") != 0)
        {
          dump_blocks (blocks);
          g_error ("the card's figure “%s” is no list item's label", figures[i][0] + 1);
        }
      assert_pair (blocks, 0, figures[i][0], figures[i][1]);
      g_assert_cmpstr (((Block *) g_ptr_array_index (blocks, at + 1))->tag, ==, "P");
    }
}

/* A chart exported alone is a Figure followed by its data as a table,
 * as on the sheet, and passes the checks of every other kind */
static void
test_chart_alone (void)
{
  g_autofree char *json = impact_test_data_path ("data/valid/charts.json");
  g_autoptr(GFile) file = g_file_new_for_path (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactDocument) doc = impact_json_loader_load_file (file, NULL, NULL, &error);
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *check = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  static const char * const expected[][2] = {
    { "TH", "Period" }, { "TH", "Survivors rescued per year" },
    { "TD", "2006" }, { "TD", "7" }, { "TD", "2007" }, { "TD", "4" },
  };
  gsize len;

  g_assert_no_error (error);
  g_assert_true (impact_chart_export (doc, 0, path, IMPACT_EXPORT_FORMAT_PDF, 0, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  problems = check_pdf (contents, len, "en", FALSE);
  blocks = read_structure (contents, len, problems);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("chart: %s\n", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  if (blocks->len != 1 + G_N_ELEMENTS (expected) + 2 * 3 ||
      strcmp (((Block *) g_ptr_array_index (blocks, 0))->tag, "Figure") != 0)
    {
      dump_blocks (blocks);
      g_error ("the chart alone is not a Figure and its table");
    }
  for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
    {
      Block *b = g_ptr_array_index (blocks, 1 + k);

      g_assert_cmpstr (b->tag, ==, expected[k][0]);
      g_assert_cmpstr (b->text, ==, expected[k][1]);
    }
  check = run ("qpdf", "--check", path);
  g_assert_nonnull (strstr (check, "No syntax or stream encoding errors"));
}

/* Two rows of milestones with an era over each: each era's label is read
 * before its own row's milestones and after the row above */
static void
test_era_rows (void)
{
  g_autofree char *source = impact_test_example_path ("kolkata.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *json = g_build_filename (dir, "era-rows.json", NULL);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GPtrArray) blocks = NULL;
  JsonObject *root;
  JsonArray *eras = json_array_new ();
  static const char * const eras_spec[][3] = {
    { "2006", "2013", "The first years" }, { "2015", "2020", "Networks taken apart" },
  };
  static const char * const order[] = {
    "The first years", "Kolkata office opens", "Landmark conviction",
    "Networks taken apart", "Highway traffickers convicted", "Baruipur", NULL,
  };
  Case k = { "era-rows", json, NULL, "sheet", "classic", IMPACT_PAGE_SIZE_LETTER, "2" };

  g_assert_true (json_parser_load_from_file (parser, source, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  /* room on the back for a second row */
  json_object_remove_member (root, "profile");
  json_object_remove_member (root, "approach");
  for (guint i = 0; i < G_N_ELEMENTS (eras_spec); i++)
    {
      JsonObject *era = json_object_new ();

      json_object_set_string_member (era, "start", eras_spec[i][0]);
      json_object_set_string_member (era, "end", eras_spec[i][1]);
      json_object_set_string_member (era, "title", eras_spec[i][2]);
      json_array_add_object_element (eras, era);
    }
  json_object_set_array_member (root, "eras", eras);
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, json, &error));
  g_assert_no_error (error);

  blocks = case_structure (&k);
  assert_order (blocks, 1, order);
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

/* @pdf finished as an English "Test", as PDF/X when @pdfx, with @alts
 * (may be NULL) for its figures */
static GBytes *
finish_test_pdf (GByteArray *pdf,
                 gboolean    pdfx,
                 GPtrArray  *alts)
{
  ImpactPdfFinishOptions options;
  g_autoptr(GError) error = NULL;
  GBytes *done;

  impact_pdf_finish_options_init (&options);
  options.title = "Test";
  options.language = "en";
  options.pdfx = pdfx;
  options.figure_alts = alts;
  done = impact_pdf_finish (pdf->data, pdf->len, &options, &error);
  g_assert_no_error (error);
  return done;
}

/* The same file finished passes, in both kinds */
static void
test_finished_passes (void)
{
  g_autoptr(GByteArray) pdf = cairo_pdf_with_link ();

  for (int pdfx = 0; pdfx <= 1; pdfx++)
    {
      g_autoptr(GBytes) done = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      gsize len;
      const char *data;

      done = finish_test_pdf (pdf, pdfx, NULL);
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

/* The structure's rules: a list item outside a list is found; a note
 * gets its /ID when the file is finished */
static void
test_checker_structure (void)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, 200, 200);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) done = NULL;
  g_autoptr(GPtrArray) raw = NULL;
  g_autoptr(GPtrArray) finished = NULL;
  const char *data;
  gsize len;

  cairo_tag_begin (cr, "Document", "");
  cairo_tag_begin (cr, "H2", "");
  cairo_move_to (cr, 10, 20);
  cairo_show_text (cr, "a heading too deep");
  cairo_tag_end (cr, "H2");
  cairo_tag_begin (cr, "LI", "");
  cairo_move_to (cr, 10, 50);
  cairo_show_text (cr, "an item alone");
  cairo_tag_end (cr, "LI");
  cairo_tag_begin (cr, "Note", "");
  cairo_move_to (cr, 10, 90);
  cairo_show_text (cr, "1 a note");
  cairo_tag_end (cr, "Note");
  cairo_tag_end (cr, "Document");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  raw = check_pdf ((const char *) pdf->data, pdf->len, "en", FALSE);
  g_assert_true (has_problem (raw, "an LI in /Document"));
  g_assert_true (has_problem (raw, "a Note without /ID"));
  g_ptr_array_unref (read_structure ((const char *) pdf->data, pdf->len, raw));
  g_assert_true (has_problem (raw, "the first heading is H2"));

  done = finish_test_pdf (pdf, FALSE, NULL);
  data = g_bytes_get_data (done, &len);
  finished = check_pdf (data, len, "en", FALSE);
  g_assert_true (has_problem (finished, "an LI in /Document"));
  g_assert_false (has_problem (finished, "a Note without /ID"));
}

/* The structure element of @type that is the @n-th (from 0) in depth-first order */
static qpdf_oh
nth_element (qpdf_data   q,
             qpdf_oh     node,
             const char *type,
             int        *n)
{
  qpdf_oh kids;

  if (qpdf_oh_is_array (q, node))
    {
      for (int i = 0; i < qpdf_oh_get_array_n_items (q, node); i++)
        {
          qpdf_oh found = nth_element (q, qpdf_oh_get_array_item (q, node, i), type, n);

          if (found != 0)
            return found;
        }
      return 0;
    }
  if (!qpdf_oh_is_dictionary (q, node))
    return 0;
  if (qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, node, "/S"), type) && (*n)-- == 0)
    return node;
  kids = qpdf_oh_get_key (q, node, "/K");
  return qpdf_oh_is_array (q, kids) || qpdf_oh_is_dictionary (q, kids) ? nth_element (q, kids, type, n) : 0;
}

static char *
element_string (qpdf_data   q,
                const char *type,
                int         n,
                const char *key)
{
  qpdf_oh tree = qpdf_oh_get_key (q, qpdf_get_root (q), "/StructTreeRoot");
  qpdf_oh e = nth_element (q, qpdf_oh_get_key (q, tree, "/K"), type, &n);
  qpdf_oh value = e != 0 ? qpdf_oh_get_key (q, e, key) : 0;

  return value != 0 && qpdf_oh_is_string (q, value) ? g_strdup (qpdf_oh_get_utf8_value (q, value)) : NULL;
}

/* Figures and notes found in one walk of the tree, in structure order:
 * each figure its /Alt, each note its /ID, and the IDs in the /IDTree */
static void
test_figures_and_notes (void)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, 200, 200);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GPtrArray) alts = g_ptr_array_new ();
  g_autoptr(GBytes) done = NULL;
  const char *data;
  gsize len;
  qpdf_data q;
  qpdf_oh tree, names;

  cairo_tag_begin (cr, "Document", "");
  cairo_tag_begin (cr, "Note", "");
  cairo_move_to (cr, 10, 20);
  cairo_show_text (cr, "1 a note");
  cairo_tag_end (cr, "Note");
  cairo_tag_begin (cr, "Figure", "");
  cairo_rectangle (cr, 10, 30, 20, 20);
  cairo_fill (cr);
  cairo_tag_end (cr, "Figure");
  cairo_tag_begin (cr, "Sect", "");
  cairo_tag_begin (cr, "Figure", "");
  cairo_rectangle (cr, 10, 60, 20, 20);
  cairo_fill (cr);
  cairo_tag_end (cr, "Figure");
  cairo_tag_begin (cr, "Note", "");
  cairo_move_to (cr, 10, 100);
  cairo_show_text (cr, "2 another");
  cairo_tag_end (cr, "Note");
  cairo_tag_end (cr, "Sect");
  cairo_tag_begin (cr, "Figure", "");
  cairo_rectangle (cr, 10, 120, 20, 20);
  cairo_fill (cr);
  cairo_tag_end (cr, "Figure");
  cairo_tag_end (cr, "Document");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_ptr_array_add (alts, (gpointer) "first");
  g_ptr_array_add (alts, (gpointer) "second");
  g_ptr_array_add (alts, (gpointer) "third");
  done = finish_test_pdf (pdf, FALSE, alts);
  data = g_bytes_get_data (done, &len);

  q = qpdf_init ();
  qpdf_silence_errors (q);
  g_assert_false (qpdf_read_memory (q, "finished", data, len, NULL) & QPDF_ERRORS);
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *alt = element_string (q, "/Figure", i, "/Alt");

      g_assert_cmpstr (alt, ==, g_ptr_array_index (alts, i));
    }
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *id = element_string (q, "/Note", i, "/ID");
      g_autofree char *expected = g_strdup_printf ("note-%04d", i + 1);

      g_assert_cmpstr (id, ==, expected);
    }
  tree = qpdf_oh_get_key (q, qpdf_get_root (q), "/StructTreeRoot");
  names = qpdf_oh_get_key (q, qpdf_oh_get_key (q, tree, "/IDTree"), "/Names");
  g_assert_true (qpdf_oh_is_array (q, names));
  g_assert_cmpint (qpdf_oh_get_array_n_items (q, names), ==, 4);
  g_assert_cmpstr (qpdf_oh_get_utf8_value (q, qpdf_oh_get_array_item (q, names, 2)), ==, "note-0002");
  g_assert_cmpint (qpdf_oh_get_object_id (q, qpdf_oh_get_array_item (q, names, 3)), !=, 0);
  qpdf_cleanup (&q);
  {
    g_autoptr(GPtrArray) problems = check_pdf (data, len, "en", FALSE);

    g_assert_false (has_problem (problems, "a Note without /ID"));
    g_assert_false (has_problem (problems, "a Figure without /Alt"));
  }
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

  /* the input is copied byte for byte around the marks: comments, line
   * ends, escapes and spaces as they were */
  {
    g_autofree char *e = mark ("q % comment BT EMC\n0 0 m (a\\) ET \\\\ (nested) BDC) Tj\r\n"
                               "/P <</MCID 0>> BDC BT <00 01> Tj ET EMC [1 2]TJ 3 w");
    g_autofree char *f = mark ("BI /W 2 /H 1 /BPC 8 /CS /G ID xEIy EI");
    g_autofree char *g = mark ("1 2 3");

    g_assert_cmpstr (e, ==, "\n/Artifact BMC\nq % comment BT EMC\n0 0 m (a\\) ET \\\\ (nested) BDC) Tj\nEMC\n"
                            "\r\n/P <</MCID 0>> BDC BT <00 01> Tj ET EMC\n/Artifact BMC\n [1 2]TJ 3 w\nEMC\n");
    g_assert_cmpstr (f, ==, "\n/Artifact BMC\nBI /W 2 /H 1 /BPC 8 /CS /G ID xEIy EI\nEMC\n");
    /* operands without an operator: copied, nothing marked */
    g_assert_cmpstr (g, ==, "1 2 3");
  }

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
  g_test_add_data_func ("/pdf-structure/reading-order/en-classic", "classic", test_reading_order_en);
  g_test_add_data_func ("/pdf-structure/reading-order/en-bold", "bold", test_reading_order_en);
  g_test_add_data_func ("/pdf-structure/reading-order/ar-classic", "classic", test_reading_order_ar);
  g_test_add_data_func ("/pdf-structure/reading-order/ar-bold", "bold", test_reading_order_ar);
  g_test_add_func ("/pdf-structure/chart-table", test_chart_table);
  g_test_add_func ("/pdf-structure/chart-alone", test_chart_alone);
  g_test_add_func ("/pdf-structure/wordmark", test_wordmark);
  g_test_add_func ("/pdf-structure/card-list", test_card_list);
  g_test_add_func ("/pdf-structure/era-rows", test_era_rows);
  g_test_add_func ("/pdf-structure/note-links", test_note_links);
  g_test_add_func ("/pdf-structure/outline-order", test_outline_order);
  g_test_add_func ("/pdf-structure/arabic-logical", test_arabic_logical);
  g_test_add_func ("/pdf-content/mark-artifacts", test_mark_artifacts);
  g_test_add_func ("/pdf-structure/figures-and-notes", test_figures_and_notes);
  g_test_add_func ("/pdf-conformance/checker-fails", test_checker_fails);
  g_test_add_func ("/pdf-conformance/checker-structure", test_checker_structure);
  g_test_add_func ("/pdf-conformance/finished-passes", test_finished_passes);
  g_test_add_func ("/pdf-conformance/finish-fails-loudly", test_finish_fails_loudly);
  return g_test_run ();
}
