/* impact-pdf-qpdf.c: the finishing step of every PDF, with libqpdf's C API
 *
 * Built as a module of its own (impact-pdf-qpdf.h), loaded by
 * impact_pdf_finish() when a PDF is finished: libqpdf and what it links
 * (libstdc++'s share of it, GnuTLS, Nettle, GMP, p11-kit, libjpeg) are
 * loaded only by the processes that write a PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-pdf"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <qpdf/qpdf-c.h>
#include <string.h>

#include "impact-error.h"
#include "impact-pdf-content.h"
#include "impact-pdf-finish.h"
#include "impact-pdf-qpdf.h"

#define PDFX_VERSION "PDF/X-4"

/* qpdf keeps one error and a list of warnings; either means the file is
 * not what we meant to write */
static gboolean
check (qpdf_data    q,
       const char  *step,
       GError     **error)
{
  if (qpdf_has_error (q))
    {
      qpdf_error e = qpdf_get_error (q);

      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                   "cannot finish the PDF (%s): %s", step, qpdf_get_error_full_text (q, e));
      return FALSE;
    }
  if (qpdf_more_warnings (q))
    {
      qpdf_error w = qpdf_next_warning (q);

      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                   "cannot finish the PDF (%s): %s", step, qpdf_get_error_full_text (q, w));
      return FALSE;
    }
  return TRUE;
}

static void
set_name (qpdf_data   q,
          qpdf_oh     dict,
          const char *key,
          const char *name)
{
  qpdf_oh_replace_key (q, dict, key, qpdf_oh_new_name (q, name));
}

/* A dictionary member, created empty when absent (or replaced when it is
 * not a dictionary) */
static qpdf_oh
ensure_dict (qpdf_data   q,
             qpdf_oh     parent,
             const char *key)
{
  qpdf_oh value = qpdf_oh_get_key (q, parent, key);

  if (!qpdf_oh_is_dictionary (q, value))
    {
      value = qpdf_oh_new_dictionary (q);
      qpdf_oh_replace_key (q, parent, key, value);
      value = qpdf_oh_get_key (q, parent, key);
    }
  return value;
}

static qpdf_oh
new_box (qpdf_data q,
         double    x0,
         double    y0,
         double    x1,
         double    y1)
{
  qpdf_oh box = qpdf_oh_new_array (q);
  const double v[4] = { x0, y0, x1, y1 };

  for (int i = 0; i < 4; i++)
    qpdf_oh_append_item (q, box, qpdf_oh_new_real_from_double (q, v[i], 4));
  return box;
}

/* XMP */

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  g_string_append (out, escaped);
}

static char *
build_xmp (const ImpactPdfFinishOptions *o,
           const char                   *producer,
           const char                   *date)
{
  GString *x = g_string_new ("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                             "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                             "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
  g_autofree char *uuid = g_uuid_string_random ();

  g_string_append (x, "<rdf:Description rdf:about=\"\"\n"
                      "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                      "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                      "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                      "  xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n"
                      "  xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n");
  if (o->pdfx)
    g_string_append (x, "  xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\"\n");
  g_string_append (x, "  dc:format=\"application/pdf\">\n");

  g_string_append (x, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
  append_escaped (x, o->title);
  g_string_append (x, "</rdf:li></rdf:Alt></dc:title>\n");
  if (o->language && *o->language)
    {
      g_string_append (x, "<dc:language><rdf:Bag><rdf:li>");
      append_escaped (x, o->language);
      g_string_append (x, "</rdf:li></rdf:Bag></dc:language>\n");
    }
  if (o->author && *o->author)
    {
      g_string_append (x, "<dc:creator><rdf:Seq><rdf:li>");
      append_escaped (x, o->author);
      g_string_append (x, "</rdf:li></rdf:Seq></dc:creator>\n");
    }
  if (o->subject && *o->subject)
    {
      g_string_append (x, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
      append_escaped (x, o->subject);
      g_string_append (x, "</rdf:li></rdf:Alt></dc:description>\n");
    }
  g_string_append (x, "<pdf:Producer>");
  append_escaped (x, producer);
  g_string_append (x, "</pdf:Producer>\n<xmp:CreatorTool>Impact Sheet " PACKAGE_VERSION "</xmp:CreatorTool>\n");
  g_string_append_printf (x, "<xmp:CreateDate>%s</xmp:CreateDate>\n"
                             "<xmp:ModifyDate>%s</xmp:ModifyDate>\n"
                             "<xmp:MetadataDate>%s</xmp:MetadataDate>\n", date, date, date);
  g_string_append_printf (x, "<xmpMM:DocumentID>uuid:%s</xmpMM:DocumentID>\n"
                             "<xmpMM:InstanceID>uuid:%s</xmpMM:InstanceID>\n"
                             "<xmpMM:VersionID>1</xmpMM:VersionID>\n"
                             "<xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n", uuid, uuid);
  g_string_append (x, "<pdfuaid:part>1</pdfuaid:part>\n");
  if (o->pdfx)
    g_string_append (x, "<pdf:Trapped>False</pdf:Trapped>\n"
                        "<pdfxid:GTS_PDFXVersion>" PDFX_VERSION "</pdfxid:GTS_PDFXVersion>\n");
  g_string_append (x, "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n");
  /* room for an editor to change the metadata in place */
  for (int i = 0; i < 20; i++)
    g_string_append (x, "                                                                                \n");
  g_string_append (x, "<?xpacket end=\"w\"?>");
  return g_string_free (x, FALSE);
}

static gboolean
add_metadata (qpdf_data                     q,
              qpdf_oh                       root,
              const ImpactPdfFinishOptions *o,
              GError                      **error)
{
  qpdf_oh trailer = qpdf_get_trailer (q);
  qpdf_oh info = qpdf_oh_get_key (q, trailer, "/Info");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *xmp_date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *pdf_date = g_date_time_format (now, "D:%Y%m%d%H%M%SZ");
  g_autofree char *producer = NULL;
  g_autofree char *xmp = NULL;
  qpdf_oh stream, dict;

  if (!qpdf_oh_is_dictionary (q, info))
    {
      info = qpdf_make_indirect_object (q, qpdf_oh_new_dictionary (q));
      qpdf_oh_replace_key (q, trailer, "/Info", info);
    }
  /* XMP and Info say the same */
  qpdf_oh_replace_key (q, info, "/Title", qpdf_oh_new_unicode_string (q, o->title));
  qpdf_oh_replace_key (q, info, "/CreationDate", qpdf_oh_new_string (q, pdf_date));
  qpdf_oh_replace_key (q, info, "/ModDate", qpdf_oh_new_string (q, pdf_date));
  if (o->author && *o->author)
    qpdf_oh_replace_key (q, info, "/Author", qpdf_oh_new_unicode_string (q, o->author));
  if (o->subject && *o->subject)
    qpdf_oh_replace_key (q, info, "/Subject", qpdf_oh_new_unicode_string (q, o->subject));
  if (o->pdfx)
    {
      set_name (q, info, "/Trapped", "/False");
      qpdf_oh_replace_key (q, info, "/GTS_PDFXVersion", qpdf_oh_new_string (q, PDFX_VERSION));
    }
  {
    qpdf_oh p = qpdf_oh_get_key (q, info, "/Producer");

    producer = g_strdup (qpdf_oh_is_string (q, p) ? qpdf_oh_get_utf8_value (q, p) : "Impact Sheet");
  }

  xmp = build_xmp (o, producer, xmp_date);
  stream = qpdf_oh_new_stream (q);
  qpdf_oh_replace_stream_data (q, stream, (const unsigned char *) xmp, strlen (xmp),
                               qpdf_oh_new_null (q), qpdf_oh_new_null (q));
  dict = qpdf_oh_get_dict (q, stream);
  set_name (q, dict, "/Type", "/Metadata");
  set_name (q, dict, "/Subtype", "/XML");
  qpdf_oh_replace_key (q, root, "/Metadata", stream);
  return check (q, "metadata", error);
}

/* The document catalogue */

static gboolean
add_catalog_entries (qpdf_data                     q,
                     qpdf_oh                       root,
                     const ImpactPdfFinishOptions *o,
                     GError                      **error)
{
  qpdf_oh prefs, mark;

  if (o->language && *o->language)
    qpdf_oh_replace_key (q, root, "/Lang", qpdf_oh_new_unicode_string (q, o->language));
  prefs = ensure_dict (q, root, "/ViewerPreferences");
  qpdf_oh_replace_key (q, prefs, "/DisplayDocTitle", qpdf_oh_new_bool (q, QPDF_TRUE));
  if (qpdf_oh_is_dictionary (q, qpdf_oh_get_key (q, root, "/StructTreeRoot")))
    {
      mark = ensure_dict (q, root, "/MarkInfo");
      qpdf_oh_replace_key (q, mark, "/Marked", qpdf_oh_new_bool (q, QPDF_TRUE));
    }
  return check (q, "catalogue", error);
}

/* A /K as a list: an array, one element alone, or none */
static int
n_kids (qpdf_data q,
        qpdf_oh   kids)
{
  if (kids != 0 && qpdf_oh_is_array (q, kids))
    return qpdf_oh_get_array_n_items (q, kids);
  return kids != 0 && qpdf_oh_is_dictionary (q, kids) ? 1 : 0;
}

static qpdf_oh
kid_at (qpdf_data q,
        qpdf_oh   kids,
        int       i)
{
  return qpdf_oh_is_array (q, kids) ? qpdf_oh_get_array_item (q, kids, i) : kids;
}

/* A structure element of @type under @parent, its kids to come */
static qpdf_oh
new_element (qpdf_data   q,
             const char *type,
             qpdf_oh     parent)
{
  qpdf_oh e = qpdf_oh_new_dictionary (q);

  set_name (q, e, "/Type", "/StructElem");
  set_name (q, e, "/S", type);
  qpdf_oh_replace_key (q, e, "/P", parent);
  qpdf_oh_replace_key (q, e, "/K", qpdf_oh_new_array (q));
  return qpdf_make_indirect_object (q, e);
}

/* Figures (for their /Alt) and notes (for their /ID), in structure
 * order (depth first, as cairo numbers them), found in one walk of the
 * tree: each call of qpdf's C API costs a lookup of its handles, and
 * the first walk reads the elements from the file. Notes are looked for
 * only under elements that have a /S, figures everywhere. */

static void
collect_elements (qpdf_data  q,
                  qpdf_oh    node,
                  GArray    *figures,
                  GArray    *notes,
                  gboolean   notes_too,
                  int        depth)
{
  qpdf_oh kids, type;

  if (depth > 64)
    return;
  if (qpdf_oh_is_array (q, node))
    {
      int n = qpdf_oh_get_array_n_items (q, node);

      for (int i = 0; i < n; i++)
        collect_elements (q, qpdf_oh_get_array_item (q, node, i), figures, notes, notes_too, depth + 1);
      return;
    }
  if (!qpdf_oh_is_dictionary (q, node))
    return;
  type = qpdf_oh_get_key (q, node, "/S");
  if (qpdf_oh_is_name_and_equals (q, type, "/Figure"))
    g_array_append_val (figures, node);
  else if (notes_too && qpdf_oh_is_name_and_equals (q, type, "/Note"))
    g_array_append_val (notes, node);
  notes_too = notes_too && qpdf_oh_has_key (q, node, "/S");
  kids = qpdf_oh_get_key (q, node, "/K");
  if (qpdf_oh_is_array (q, kids) || qpdf_oh_is_dictionary (q, kids))
    collect_elements (q, kids, figures, notes, notes_too, depth + 1);
}

/* The figures and notes of the structure tree, in the order cairo wrote
 * them (before the reading order changes it) */
static void
find_elements (qpdf_data q,
               qpdf_oh   root,
               GArray   *figures,
               GArray   *notes)
{
  qpdf_oh tree = qpdf_oh_get_key (q, root, "/StructTreeRoot");

  if (qpdf_oh_is_dictionary (q, tree))
    collect_elements (q, qpdf_oh_get_key (q, tree, "/K"), figures, notes, TRUE, 0);
}

static gboolean
add_figure_alts (qpdf_data   q,
                 GArray     *figures,
                 GPtrArray  *alts,
                 GError    **error)
{
  if (alts == NULL || alts->len == 0)
    return TRUE;
  if (figures->len != alts->len)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                   "cannot finish the PDF: it has %u figures for %u images",
                   figures->len, alts->len);
      return FALSE;
    }
  for (guint i = 0; i < figures->len; i++)
    {
      const char *alt = g_ptr_array_index (alts, i);

      qpdf_oh_replace_key (q, g_array_index (figures, qpdf_oh, i), "/Alt",
                           qpdf_oh_new_unicode_string (q, alt ? alt : ""));
    }
  return check (q, "figures", error);
}

/* A chart's data, for a screen reader: a Table after its Figure, in the
 * same parent. The cells draw nothing (the chart is the picture); each
 * says its text through /ActualText. */
static gboolean
add_figure_tables (qpdf_data   q,
                   GArray     *figures,
                   GPtrArray  *tables,
                   GError    **error)
{
  for (guint i = 0; tables != NULL && i < tables->len && i < figures->len; i++)
    {
      GPtrArray *rows = g_ptr_array_index (tables, i);
      qpdf_oh figure = g_array_index (figures, qpdf_oh, i);
      qpdf_oh parent = qpdf_oh_get_key (q, figure, "/P");
      qpdf_oh kids = qpdf_oh_get_key (q, parent, "/K");
      qpdf_oh table, list;
      int n, at = -1, figure_id = qpdf_oh_get_object_id (q, figure);

      if (rows == NULL || rows->len == 0)
        continue;
      n = n_kids (q, kids);
      for (int k = 0; k < n && at < 0; k++)
        if (qpdf_oh_get_object_id (q, kid_at (q, kids, k)) == figure_id)
          at = k;
      if (at < 0 || figure_id == 0)
        {
          g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                       "cannot finish the PDF: figure %u is not among its parent's elements", i + 1);
          return FALSE;
        }
      table = new_element (q, "/Table", parent);
      for (guint r = 0; r < rows->len; r++)
        {
          char **cells = g_ptr_array_index (rows, r);
          qpdf_oh tr = new_element (q, "/TR", table);

          for (guint c = 0; cells != NULL && cells[c] != NULL; c++)
            {
              qpdf_oh cell = new_element (q, r == 0 ? "/TH" : "/TD", tr);

              if (r == 0)
                {
                  /* a header of its column */
                  qpdf_oh attrs = qpdf_oh_new_dictionary (q);

                  set_name (q, attrs, "/O", "/Table");
                  set_name (q, attrs, "/Scope", "/Column");
                  qpdf_oh_replace_key (q, cell, "/A", attrs);
                }
              qpdf_oh_replace_key (q, cell, "/ActualText", qpdf_oh_new_unicode_string (q, cells[c]));
              qpdf_oh_append_item (q, qpdf_oh_get_key (q, tr, "/K"), cell);
            }
          qpdf_oh_append_item (q, qpdf_oh_get_key (q, table, "/K"), tr);
        }
      /* the parent's kids as a list with the table after the figure */
      list = qpdf_oh_new_array (q);
      for (int k = 0; k < n; k++)
        {
          qpdf_oh_append_item (q, list, kid_at (q, kids, k));
          if (k == at)
            qpdf_oh_append_item (q, list, table);
        }
      qpdf_oh_replace_key (q, parent, "/K", list);
    }
  return check (q, "figure tables", error);
}

/* Notes: PDF/UA-1 (7.9) wants an /ID on every Note, and the IDs are
 * found through the structure tree's /IDTree */

static gboolean
identify_notes (qpdf_data   q,
                qpdf_oh     root,
                GArray     *notes,
                GError    **error)
{
  qpdf_oh tree = qpdf_oh_get_key (q, root, "/StructTreeRoot");
  qpdf_oh names, id_tree;

  if (!qpdf_oh_is_dictionary (q, tree) || notes->len == 0)
    return TRUE;
  names = qpdf_oh_new_array (q);
  for (guint i = 0; i < notes->len; i++)
    {
      qpdf_oh note = g_array_index (notes, qpdf_oh, i);
      /* zero-padded: a name tree's keys are in byte order */
      g_autofree char *id = g_strdup_printf ("note-%04u", i + 1);

      qpdf_oh_replace_key (q, note, "/ID", qpdf_oh_new_string (q, id));
      qpdf_oh_append_item (q, names, qpdf_oh_new_string (q, id));
      qpdf_oh_append_item (q, names, note);
    }
  id_tree = qpdf_oh_new_dictionary (q);
  qpdf_oh_replace_key (q, id_tree, "/Names", names);
  qpdf_oh_replace_key (q, tree, "/IDTree", qpdf_make_indirect_object (q, id_tree));
  return check (q, "notes", error);
}

/* Logical text: each top-level element the page source gives a text for
 * (a right-to-left paragraph, its glyphs stored in visual order) gets it
 * as /ActualText, which a screen reader reading the structure uses.
 * Not on the marked content too: poppler (pdftotext, Evince) lays an
 * /ActualText's characters out left to right and reverses a
 * right-to-left word again, so logical order came out backwards there,
 * where its own reordering of the glyphs reads correctly. */

static qpdf_oh
page_document (qpdf_data q,
               qpdf_oh   root,
               guint     page)
{
  qpdf_oh tree = qpdf_oh_get_key (q, root, "/StructTreeRoot");
  qpdf_oh docs = qpdf_oh_is_dictionary (q, tree) ? qpdf_oh_get_key (q, tree, "/K") : 0;

  return (int) page < n_kids (q, docs) ? kid_at (q, docs, page) : 0;
}

static gboolean
add_actual_texts (qpdf_data    q,
                  qpdf_oh      root,
                  GPtrArray   *texts,
                  GError     **error)
{
  for (guint p = 0; texts != NULL && p < texts->len; p++)
    {
      GPtrArray *page_texts = g_ptr_array_index (texts, p);
      qpdf_oh document, kids;

      if (page_texts == NULL)
        continue;
      document = page_document (q, root, p);
      kids = document != 0 ? qpdf_oh_get_key (q, document, "/K") : 0;
      if ((guint) n_kids (q, kids) != page_texts->len)
        {
          g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                       "cannot finish page %u of the PDF: its structure elements do not match "
                       "the texts drawn", p + 1);
          return FALSE;
        }
      for (guint i = 0; i < page_texts->len; i++)
        {
          const char *text = g_ptr_array_index (page_texts, i);

          if (text != NULL)
            qpdf_oh_replace_key (q, kid_at (q, kids, i), "/ActualText", qpdf_oh_new_unicode_string (q, text));
        }
    }
  return check (q, "actual text", error);
}

/* Reading order: cairo writes each page's Document element with its
 * children in drawing order; they are put in the order of reading the
 * page source gives (impact-render.h). Only the order of the /K array
 * changes: the parent tree maps marked content to the same elements. */

static gboolean
reorder_kids (qpdf_data   q,
              qpdf_oh     document,
              GArray     *ranks,
              guint       page,
              GError    **error)
{
  qpdf_oh kids = qpdf_oh_get_key (q, document, "/K");
  g_autofree qpdf_oh *sorted = NULL;
  qpdf_oh array;
  int n = n_kids (q, kids);

  if ((guint) n != ranks->len)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                   "cannot finish page %u of the PDF: it has %d structure elements "
                   "for %u in the reading order", page + 1, n, ranks->len);
      return FALSE;
    }
  sorted = g_new0 (qpdf_oh, n);
  for (int i = 0; i < n; i++)
    {
      guint r = g_array_index (ranks, guint, i);

      if (r >= (guint) n || sorted[r] != 0)
        {
          g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                       "cannot finish page %u of the PDF: its reading order is not a permutation",
                       page + 1);
          return FALSE;
        }
      sorted[r] = kid_at (q, kids, i);
    }
  array = qpdf_oh_new_array (q);
  for (int i = 0; i < n; i++)
    qpdf_oh_append_item (q, array, sorted[i]);
  qpdf_oh_replace_key (q, document, "/K", array);
  return TRUE;
}

/* Lists: the children of a page's Document that the source gives a list
 * role are grouped, after the reordering, into L > LI > Lbl + LBody. The
 * elements keep their objects (the parent tree still names them); only
 * their parent changes, and a label's type becomes Lbl. */

static void
remember_roles (qpdf_data   q,
                qpdf_oh     document,
                GArray     *roles,
                GHashTable *by_object)
{
  qpdf_oh kids = qpdf_oh_get_key (q, document, "/K");
  int n = n_kids (q, kids);

  for (int i = 0; i < n && (guint) i < roles->len; i++)
    {
      ImpactPdfListRole *role = &g_array_index (roles, ImpactPdfListRole, i);

      if (role->list >= 0)
        g_hash_table_insert (by_object, GINT_TO_POINTER (qpdf_oh_get_object_id (q, kid_at (q, kids, i))), role);
    }
}

static void
set_parent (qpdf_data q,
            qpdf_oh   child,
            qpdf_oh   parent)
{
  qpdf_oh_replace_key (q, child, "/P", parent);
  qpdf_oh_append_item (q, qpdf_oh_get_key (q, parent, "/K"), child);
}

static void
group_lists (qpdf_data   q,
             qpdf_oh     document,
             GHashTable *by_object)
{
  qpdf_oh kids = qpdf_oh_get_key (q, document, "/K");
  qpdf_oh out = qpdf_oh_new_array (q), list = 0, item = 0, body = 0;
  const ImpactPdfListRole *open_list = NULL, *open_item = NULL;
  int n = n_kids (q, kids);

  for (int i = 0; i < n; i++)
    {
      qpdf_oh kid = kid_at (q, kids, i);
      const ImpactPdfListRole *role = g_hash_table_lookup (by_object,
                                                           GINT_TO_POINTER (qpdf_oh_get_object_id (q, kid)));

      if (role == NULL)
        {
          qpdf_oh_append_item (q, out, kid);
          open_list = open_item = NULL;
          continue;
        }
      if (open_list == NULL || open_list->list != role->list)
        {
          list = new_element (q, "/L", document);
          qpdf_oh_append_item (q, out, list);
          open_list = role;
          open_item = NULL;
        }
      if (open_item == NULL || open_item->item != role->item)
        {
          item = new_element (q, "/LI", list);
          qpdf_oh_append_item (q, qpdf_oh_get_key (q, list, "/K"), item);
          open_item = role;
          body = 0;
        }
      if (role->label && body == 0)
        {
          set_name (q, kid, "/S", "/Lbl");
          set_parent (q, kid, item);
          continue;
        }
      if (body == 0)
        {
          body = new_element (q, "/LBody", item);
          qpdf_oh_append_item (q, qpdf_oh_get_key (q, item, "/K"), body);
        }
      set_parent (q, kid, body);
    }
  qpdf_oh_replace_key (q, document, "/K", out);
}

static gboolean
reorder_structure (qpdf_data   q,
                   qpdf_oh     root,
                   GPtrArray  *order,
                   GPtrArray  *roles,
                   GError    **error)
{
  qpdf_oh tree = qpdf_oh_get_key (q, root, "/StructTreeRoot");
  qpdf_oh docs;
  int n;

  gboolean any = FALSE;

  for (guint i = 0; order != NULL && i < order->len; i++)
    any |= g_ptr_array_index (order, i) != NULL;
  /* a source that gives no order (the timeline's) keeps cairo's */
  if (!any)
    return TRUE;
  docs = qpdf_oh_is_dictionary (q, tree) ? qpdf_oh_get_key (q, tree, "/K") : 0;
  n = n_kids (q, docs);
  if ((guint) n != order->len)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                   "cannot finish the PDF: it has %d tagged pages for %u pages drawn", n, order->len);
      return FALSE;
    }
  for (guint i = 0; i < order->len; i++)
    {
      GArray *ranks = g_ptr_array_index (order, i);
      qpdf_oh document = kid_at (q, docs, i);

      if (ranks == NULL)
        continue;
      if (!qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, document, "/S"), "/Document"))
        {
          g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                       "cannot finish page %u of the PDF: its structure has no Document element", i + 1);
          return FALSE;
        }
      {
        GArray *page_roles = roles != NULL && i < roles->len ? g_ptr_array_index (roles, i) : NULL;
        g_autoptr(GHashTable) by_object = g_hash_table_new (NULL, NULL);

        if (page_roles != NULL)
          remember_roles (q, document, page_roles, by_object);
        if (!reorder_kids (q, document, ranks, i, error))
          return FALSE;
        if (g_hash_table_size (by_object) > 0)
          group_lists (q, document, by_object);
      }
    }
  return check (q, "reading order", error);
}

/* Pages */

static gboolean
mark_artifacts (qpdf_data   q,
                qpdf_oh     page,
                guint       number,
                GError    **error)
{
  unsigned char *data = NULL;
  size_t length = 0;
  g_autoptr(GBytes) marked = NULL;
  g_autoptr(GError) local_error = NULL;
  qpdf_oh contents, stream;
  gsize n;
  const guint8 *bytes;

  if ((qpdf_oh_get_page_content_data (q, page, &data, &length) & QPDF_ERRORS) || data == NULL)
    {
      free (data);
      if (check (q, "page content", error))
        g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                     "cannot finish page %u of the PDF: its content cannot be read", number);
      return FALSE;
    }
  marked = impact_pdf_content_mark_artifacts (data, length, &local_error);
  free (data);
  if (marked == NULL)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                   "cannot finish page %u of the PDF: %s", number, local_error->message);
      return FALSE;
    }
  contents = qpdf_oh_get_key (q, page, "/Contents");
  stream = qpdf_oh_is_array (q, contents) ? qpdf_oh_get_array_item (q, contents, 0) : contents;
  if (!qpdf_oh_is_stream (q, stream))
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                   "cannot finish page %u of the PDF: it has no content stream", number);
      return FALSE;
    }
  bytes = g_bytes_get_data (marked, &n);
  /* the decoded data, stored uncompressed here: the writer compresses it */
  qpdf_oh_replace_stream_data (q, stream, bytes, n, qpdf_oh_new_null (q), qpdf_oh_new_null (q));
  if (qpdf_oh_is_array (q, contents))
    qpdf_oh_replace_key (q, page, "/Contents", stream);
  return check (q, "artifacts", error);
}

/* What a link annotation says to a screen reader (PDF/UA-1 7.18.5) */
static void
describe_links (qpdf_data  q,
                qpdf_oh    annots)
{
  int n = qpdf_oh_get_array_n_items (q, annots);

  for (int i = 0; i < n; i++)
    {
      qpdf_oh annot = qpdf_oh_get_array_item (q, annots, i);
      qpdf_oh action, uri, dest;

      if (!qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, annot, "/Subtype"), "/Link") ||
          qpdf_oh_is_string (q, qpdf_oh_get_key (q, annot, "/Contents")))
        continue;
      action = qpdf_oh_get_key (q, annot, "/A");
      uri = qpdf_oh_is_dictionary (q, action) ? qpdf_oh_get_key (q, action, "/URI") : 0;
      dest = qpdf_oh_get_key (q, annot, "/Dest");
      /* a note's mark (impact-render.c names the note "note-PAGE-N") */
      if (qpdf_oh_is_string (q, dest) && g_str_has_prefix (qpdf_oh_get_utf8_value (q, dest), "note-") &&
          strrchr (qpdf_oh_get_utf8_value (q, dest), '-') != NULL)
        {
          g_autofree char *number = g_strdup (strrchr (qpdf_oh_get_utf8_value (q, dest), '-') + 1);
          /* Translators: what a screen reader says of a note's mark in a PDF;
           * %s is the note's number */
          g_autofree char *contents = g_strdup_printf (_("Note %s"), number);

          qpdf_oh_replace_key (q, annot, "/Contents", qpdf_oh_new_unicode_string (q, contents));
        }
      else if (uri != 0 && qpdf_oh_is_string (q, uri))
        qpdf_oh_replace_key (q, annot, "/Contents",
                             qpdf_oh_new_unicode_string (q, qpdf_oh_get_utf8_value (q, uri)));
      else
        qpdf_oh_replace_key (q, annot, "/Contents",
                             qpdf_oh_new_unicode_string (q, _("Link to another place in this document")));
    }
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

/* cairo 1.16 writes its TrueType subsets (Bengali, Arabic) as CIDFontType2
 * without /CIDToGIDMap; PDF/UA-1 (7.21.3.2) wants it, and cairo numbers
 * the subset's glyphs by CID, which is /Identity. Form XObjects have
 * fonts of their own: walked too. */
static void
name_cid_maps (qpdf_data q,
               qpdf_oh   resources,
               int       depth)
{
  qpdf_oh fonts, xobjects;

  if (!qpdf_oh_is_dictionary (q, resources) || depth > 16)
    return;
  fonts = qpdf_oh_get_key (q, resources, "/Font");
  if (qpdf_oh_is_dictionary (q, fonts))
    {
      g_autoptr(GPtrArray) keys = dict_keys (q, fonts);

      for (guint i = 0; i < keys->len; i++)
        {
          qpdf_oh font = qpdf_oh_get_key (q, fonts, g_ptr_array_index (keys, i));
          qpdf_oh descendants;

          if (!qpdf_oh_is_dictionary (q, font) ||
              !qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, font, "/Subtype"), "/Type0"))
            continue;
          descendants = qpdf_oh_get_key (q, font, "/DescendantFonts");
          for (int k = 0; qpdf_oh_is_array (q, descendants) && k < qpdf_oh_get_array_n_items (q, descendants); k++)
            {
              qpdf_oh cid = qpdf_oh_get_array_item (q, descendants, k);

              if (qpdf_oh_is_dictionary (q, cid) &&
                  qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, cid, "/Subtype"), "/CIDFontType2") &&
                  !qpdf_oh_has_key (q, cid, "/CIDToGIDMap"))
                set_name (q, cid, "/CIDToGIDMap", "/Identity");
            }
        }
    }
  xobjects = qpdf_oh_get_key (q, resources, "/XObject");
  if (qpdf_oh_is_dictionary (q, xobjects))
    {
      g_autoptr(GPtrArray) keys = dict_keys (q, xobjects);

      for (guint i = 0; i < keys->len; i++)
        {
          qpdf_oh x = qpdf_oh_get_key (q, xobjects, g_ptr_array_index (keys, i));

          if (qpdf_oh_is_stream (q, x) &&
              qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, qpdf_oh_get_dict (q, x), "/Subtype"), "/Form"))
            name_cid_maps (q, qpdf_oh_get_key (q, qpdf_oh_get_dict (q, x), "/Resources"), depth + 1);
        }
    }
}

/* DefaultRGB makes the DeviceRGB cairo writes calibrated sRGB; image
 * XObjects lose /Interpolate (both PDF/X-4). Form XObjects have their own
 * resources: walked too. */
static void
pdfx_resources (qpdf_data  q,
                qpdf_oh    resources,
                qpdf_oh    srgb,
                int        depth)
{
  qpdf_oh spaces, xobjects;

  if (!qpdf_oh_is_dictionary (q, resources) || depth > 16)
    return;
  spaces = ensure_dict (q, resources, "/ColorSpace");
  qpdf_oh_replace_key (q, spaces, "/DefaultRGB", srgb);
  xobjects = qpdf_oh_get_key (q, resources, "/XObject");
  if (!qpdf_oh_is_dictionary (q, xobjects))
    return;
  qpdf_oh_begin_dict_key_iter (q, xobjects);
  {
    g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

    while (qpdf_oh_dict_more_keys (q))
      g_ptr_array_add (keys, g_strdup (qpdf_oh_dict_next_key (q)));
    for (guint i = 0; i < keys->len; i++)
      {
        qpdf_oh x = qpdf_oh_get_key (q, xobjects, g_ptr_array_index (keys, i));
        qpdf_oh dict;

        if (!qpdf_oh_is_stream (q, x))
          continue;
        dict = qpdf_oh_get_dict (q, x);
        if (qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, dict, "/Subtype"), "/Image"))
          {
            qpdf_oh smask = qpdf_oh_get_key (q, dict, "/SMask");

            qpdf_oh_remove_key (q, dict, "/Interpolate");
            if (qpdf_oh_is_stream (q, smask))
              qpdf_oh_remove_key (q, qpdf_oh_get_dict (q, smask), "/Interpolate");
          }
        else if (qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, dict, "/Subtype"), "/Form"))
          pdfx_resources (q, qpdf_oh_get_key (q, dict, "/Resources"), srgb, depth + 1);
      }
  }
}

/* A profile's file, Flate-compressed once per process: compressing the
 * 187 KB output profile cost more than the rest of the finishing */
static GBytes *
compressed_profile (const char  *path,
                    GError     **error)
{
  static GMutex lock;
  static GHashTable *cache;  /* path → GBytes */
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GZlibCompressor) zlib = NULL;
  g_autoptr(GBytes) raw = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GInputStream) deflated = NULL;
  g_autoptr(GOutputStream) out = NULL;
  GBytes *result;
  gsize length;

  g_mutex_lock (&lock);
  result = cache ? g_hash_table_lookup (cache, path) : NULL;
  if (result != NULL)
    {
      g_bytes_ref (result);
      g_mutex_unlock (&lock);
      return result;
    }
  g_mutex_unlock (&lock);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                   "cannot read the colour profile a PDF/X file needs: %s", local_error->message);
      return NULL;
    }
  if (length < 132 || memcmp (data + 36, "acsp", 4) != 0)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                   "“%s” is not an ICC colour profile", path);
      return NULL;
    }
  raw = g_bytes_new_take (g_steal_pointer (&data), length);
  in = g_memory_input_stream_new_from_bytes (raw);
  zlib = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  deflated = g_converter_input_stream_new (in, G_CONVERTER (zlib));
  out = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (out, deflated, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                              G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &local_error) < 0)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE,
                   "cannot compress the colour profile “%s”: %s", path, local_error->message);
      return NULL;
    }
  result = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  g_hash_table_replace (cache, g_strdup (path), g_bytes_ref (result));
  g_mutex_unlock (&lock);
  return result;
}

static qpdf_oh
icc_stream (qpdf_data    q,
            const char  *path,
            int          components,
            GError     **error)
{
  g_autoptr(GBytes) deflated = compressed_profile (path, error);
  qpdf_oh stream;

  if (deflated == NULL)
    return 0;
  stream = qpdf_oh_new_stream (q);
  qpdf_oh_replace_stream_data (q, stream, g_bytes_get_data (deflated, NULL), g_bytes_get_size (deflated),
                               qpdf_oh_new_name (q, "/FlateDecode"), qpdf_oh_new_null (q));
  qpdf_oh_replace_key (q, qpdf_oh_get_dict (q, stream), "/N", qpdf_oh_new_integer (q, components));
  return stream;
}

static gboolean
add_output_intent (qpdf_data   q,
                   qpdf_oh     root,
                   qpdf_oh    *out_srgb,
                   GError    **error)
{
  qpdf_oh profile, srgb_profile, intent, intents, srgb;

  if ((profile = icc_stream (q, IMPACT_ICC_OUTPUT_PROFILE, 4, error)) == 0 ||
      (srgb_profile = icc_stream (q, IMPACT_ICC_SRGB_PROFILE, 3, error)) == 0)
    return FALSE;
  intent = qpdf_oh_new_dictionary (q);
  set_name (q, intent, "/Type", "/OutputIntent");
  set_name (q, intent, "/S", "/GTS_PDFX");
  /* the profile is a SWOP (CGATS TR 001) characterisation */
  qpdf_oh_replace_key (q, intent, "/OutputConditionIdentifier", qpdf_oh_new_string (q, "CGATS TR 001"));
  qpdf_oh_replace_key (q, intent, "/OutputCondition",
                       qpdf_oh_new_string (q, "SWOP (Artifex CMYK SWOP Profile)"));
  qpdf_oh_replace_key (q, intent, "/RegistryName", qpdf_oh_new_string (q, "http://www.color.org"));
  qpdf_oh_replace_key (q, intent, "/Info", qpdf_oh_new_string (q, "Artifex CMYK SWOP Profile"));
  qpdf_oh_replace_key (q, intent, "/DestOutputProfile", profile);
  intents = qpdf_oh_new_array (q);
  qpdf_oh_append_item (q, intents, qpdf_make_indirect_object (q, intent));
  qpdf_oh_replace_key (q, root, "/OutputIntents", intents);

  srgb = qpdf_oh_new_array (q);
  qpdf_oh_append_item (q, srgb, qpdf_oh_new_name (q, "/ICCBased"));
  qpdf_oh_append_item (q, srgb, srgb_profile);
  *out_srgb = qpdf_make_indirect_object (q, srgb);
  return check (q, "output intent", error);
}

static gboolean
finish_pages (qpdf_data                     q,
              const ImpactPdfFinishOptions *o,
              qpdf_oh                       srgb,
              GError                      **error)
{
  int n = qpdf_get_num_pages (q);

  if (n <= 0)
    {
      if (check (q, "pages", error))
        g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER, "cannot finish the PDF: it has no pages");
      return FALSE;
    }

  for (int i = 0; i < n; i++)
    {
      qpdf_oh page = qpdf_get_page_n (q, i);
      qpdf_oh annots = qpdf_oh_get_key (q, page, "/Annots");

      if (!mark_artifacts (q, page, i + 1, error))
        return FALSE;
      if (qpdf_oh_is_array (q, annots) && qpdf_oh_get_array_n_items (q, annots) > 0)
        {
          set_name (q, page, "/Tabs", "/S");
          describe_links (q, annots);
        }
      if (o->boxes || o->pdfx)
        {
          qpdf_oh media = qpdf_oh_get_key (q, page, "/MediaBox");
          double m[4];
          double t = MAX (o->trim_margin, 0), b = MAX (o->bleed, 0);

          if (!qpdf_oh_is_array (q, media) || qpdf_oh_get_array_n_items (q, media) != 4)
            {
              g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                           "cannot finish page %d of the PDF: it has no MediaBox", i + 1);
              return FALSE;
            }
          for (int k = 0; k < 4; k++)
            m[k] = qpdf_oh_get_numeric_value (q, qpdf_oh_get_array_item (q, media, k));
          if (2 * t >= m[2] - m[0] || 2 * t >= m[3] - m[1] || b > t)
            {
              g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                           "cannot finish page %d of the PDF: the trim does not fit the page", i + 1);
              return FALSE;
            }
          qpdf_oh_replace_key (q, page, "/TrimBox", new_box (q, m[0] + t, m[1] + t, m[2] - t, m[3] - t));
          qpdf_oh_replace_key (q, page, "/BleedBox",
                               new_box (q, m[0] + t - b, m[1] + t - b, m[2] - t + b, m[3] - t + b));
        }
      name_cid_maps (q, qpdf_oh_get_key (q, page, "/Resources"), 0);
      if (o->pdfx)
        pdfx_resources (q, ensure_dict (q, page, "/Resources"), srgb, 0);
      if (!check (q, "page", error))
        return FALSE;
    }
  return TRUE;
}

IMPACT_PDF_QPDF_EXPORT GBytes *
impact_pdf_qpdf_finish (const guint8                 *pdf,
                        gsize                         length,
                        const ImpactPdfFinishOptions *options,
                        GError                      **error)
{
  qpdf_data q;
  qpdf_oh root, srgb = 0;
  g_autoptr(GArray) figures = NULL;
  g_autoptr(GArray) notes = NULL;
  GBytes *result = NULL;
  gboolean ok;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (options != NULL && options->title != NULL, NULL);

  q = qpdf_init ();
  qpdf_silence_errors (q);
  qpdf_set_suppress_warnings (q, QPDF_TRUE);
  qpdf_read_memory (q, "the exported PDF", (const char *) pdf, length, NULL);
  ok = check (q, "reading", error);
  if (ok)
    {
      root = qpdf_get_root (q);
      figures = g_array_new (FALSE, FALSE, sizeof (qpdf_oh));
      notes = g_array_new (FALSE, FALSE, sizeof (qpdf_oh));
      find_elements (q, root, figures, notes);
      ok = add_catalog_entries (q, root, options, error) &&
           add_metadata (q, root, options, error) &&
           add_figure_alts (q, figures, options->figure_alts, error) &&
           add_actual_texts (q, root, options->actual_texts, error) &&
           identify_notes (q, root, notes, error) &&
           reorder_structure (q, root, options->reading_order, options->list_roles, error) &&
           add_figure_tables (q, figures, options->figure_tables, error) &&
           (!options->pdfx || add_output_intent (q, root, &srgb, error)) &&
           finish_pages (q, options, srgb, error);
    }
  if (ok)
    {
      qpdf_init_write_memory (q);
      /* PDF/UA-1 builds on ISO 32000-1 (PDF 1.7). Object streams would
       * take a fifth off the file, but they compress the dates with the
       * rest, so that a file's size would change from one second to the
       * next; without them two exports of a sheet have the same size */
      qpdf_set_minimum_pdf_version (q, "1.7");
      qpdf_set_object_stream_mode (q, qpdf_o_disable);
      qpdf_set_compress_streams (q, QPDF_TRUE);
      qpdf_write (q);
      ok = check (q, "writing", error);
    }
  if (ok)
    result = g_bytes_new (qpdf_get_buffer (q), qpdf_get_buffer_length (q));
  qpdf_cleanup (&q);
  return result;
}
