/* impact-pdf-content.cc: marks untagged content as artifact (see the header)
 *
 * C++ only because qpdf's content-stream tokenizer has no C binding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

/* qpdf 11: no PointerHolder in this file, only std::shared_ptr */
#define POINTERHOLDER_TRANSITION 4

#include <memory>
#include <string>

#include <qpdf/Buffer.hh>
#include <qpdf/BufferInputSource.hh>
#include <qpdf/QPDFTokenizer.hh>

#include "impact-error.h"
#include "impact-pdf-content.h"

namespace {

/* What the rewrite knows of where it is in the stream. The output is the
 * input copied in spans, with the artifact marks put in between: nothing
 * of the input is rebuilt from its tokens. */
struct State
{
  const char *data;
  GByteArray *out;
  size_t      copied = 0;    /* input up to here is in out: the end of the last operator */
  int         depth = 0;     /* marked-content sequences open in the input */
  bool        artifact = false;  /* our /Artifact BMC is open */
  bool        text = false;      /* inside BT … ET */
};

void
append (State      &s,
        const char *text,
        size_t      length)
{
  g_byte_array_append (s.out, reinterpret_cast<const guint8 *> (text), (guint) length);
}

/* An operator at [start, end) of the input: a mark, if one is due, goes
 * after the previous operator (before this one's operands) */
void
operator_seen (State             &s,
               const std::string &op,
               size_t             end)
{
  bool opens = op == "BDC" || op == "BMC";

  if (s.depth == 0 && !s.text)
    {
      if (opens && s.artifact)
        {
          /* tagged content starts: the decoration before it ends here */
          append (s, "\nEMC\n", 5);
          s.artifact = false;
        }
      else if (!opens && !s.artifact)
        {
          append (s, "\n/Artifact BMC\n", 15);
          s.artifact = true;
        }
    }
  append (s, s.data + s.copied, end - s.copied);
  s.copied = end;

  if (opens)
    s.depth++;
  else if (op == "EMC")
    s.depth--;
  else if (op == "BT")
    s.text = true;
  else if (op == "ET")
    s.text = false;
}

} /* namespace */

GBytes *
impact_pdf_content_mark_artifacts (const guint8  *data,
                                   gsize          length,
                                   GError       **error)
{
  g_autoptr(GByteArray) out = g_byte_array_sized_new ((guint) MIN (length + 4096, G_MAXUINT));
  State s;

  s.data = reinterpret_cast<const char *> (data);
  s.out = out;
  try
    {
      /* the caller's bytes, read where they are (qpdf does not write to them) */
      Buffer buffer (const_cast<unsigned char *> (data), length);
      auto input = std::make_shared<BufferInputSource> ("content stream", &buffer);
      const std::string context ("content stream");
      QPDFTokenizer tokenizer;

      /* spaces and comments are not tokens here: they are copied with
       * the spans around them */
      tokenizer.allowEOF ();
      for (;;)
        {
          QPDFTokenizer::Token token = tokenizer.readToken (input, context, true);
          QPDFTokenizer::token_type_e type = token.getType ();

          if (type == QPDFTokenizer::tt_eof)
            break;
          if (type == QPDFTokenizer::tt_bad)
            {
              g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                           "the PDF page has a content token qpdf cannot read: %s",
                           token.getErrorMessage ().c_str ());
              return NULL;
            }
          if (type != QPDFTokenizer::tt_word)
            continue;
          operator_seen (s, token.getValue (), (size_t) input->tell ());
          if (token.getValue () == "ID")
            {
              /* an inline image: one character after ID, then the data
               * up to EI, copied as they are */
              char c;

              input->read (&c, 1);
              tokenizer.expectInlineImage (input);
              token = tokenizer.readToken (input, context, true);
              if (token.getType () != QPDFTokenizer::tt_inline_image)
                {
                  g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                               "the PDF page has an inline image qpdf cannot read");
                  return NULL;
                }
              append (s, s.data + s.copied, (size_t) input->tell () - s.copied);
              s.copied = (size_t) input->tell ();
            }
          if (s.depth < 0)
            {
              g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                           "the PDF page closes more marked content than it opens");
              return NULL;
            }
        }
    }
  catch (const std::exception &e)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                   "cannot read the PDF page's content: %s", e.what ());
      return NULL;
    }

  if (s.depth != 0 || s.text)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                   "the PDF page leaves marked content or a text object open");
      return NULL;
    }
  append (s, s.data + s.copied, length - s.copied);
  if (s.artifact)
    append (s, "\nEMC\n", 5);
  return g_byte_array_free_to_bytes (static_cast<GByteArray *> (g_steal_pointer (&out)));
}
