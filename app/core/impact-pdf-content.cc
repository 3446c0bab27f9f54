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

#include <qpdf/BufferInputSource.hh>
#include <qpdf/QPDFTokenizer.hh>

#include "impact-error.h"
#include "impact-pdf-content.h"

namespace {

/* What the rewrite knows of where it is in the stream */
struct State
{
  std::string out;
  std::string pending;     /* operands (and spaces) since the last operator */
  int         depth = 0;   /* marked-content sequences open in the input */
  bool        artifact = false;  /* our /Artifact BMC is open */
  bool        text = false;      /* inside BT … ET */
};

void
operator_seen (State             &s,
               const std::string &op)
{
  bool opens = op == "BDC" || op == "BMC";

  if (s.depth == 0 && !s.text)
    {
      if (opens && s.artifact)
        {
          /* tagged content starts: the decoration before it ends here */
          s.out += "\nEMC\n";
          s.artifact = false;
        }
      else if (!opens && !s.artifact)
        {
          s.out += "\n/Artifact BMC\n";
          s.artifact = true;
        }
    }
  s.out += s.pending;
  s.out += op;
  s.pending.clear ();

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
  State s;

  try
    {
      auto input = std::make_shared<BufferInputSource> (
        "content stream", std::string (reinterpret_cast<const char *> (data), length));
      QPDFTokenizer tokenizer;

      tokenizer.allowEOF ();
      tokenizer.includeIgnorable ();
      for (;;)
        {
          QPDFTokenizer::Token token = tokenizer.readToken (input, "content stream", true);
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
            {
              s.pending += token.getRawValue ();
              continue;
            }
          operator_seen (s, token.getValue ());
          if (token.getValue () == "ID")
            {
              /* an inline image: one character after ID, then the data
               * up to EI, copied as they are */
              char c;

              if (input->read (&c, 1) == 1)
                s.out += c;
              tokenizer.expectInlineImage (input);
              token = tokenizer.readToken (input, "content stream", true);
              if (token.getType () != QPDFTokenizer::tt_inline_image)
                {
                  g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                               "the PDF page has an inline image qpdf cannot read");
                  return NULL;
                }
              s.out += token.getRawValue ();
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
  s.out += s.pending;
  if (s.artifact)
    s.out += "\nEMC\n";
  return g_bytes_new (s.out.data (), s.out.size ());
}
