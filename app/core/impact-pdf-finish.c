/* impact-pdf-finish.c: the finishing step of every PDF, loaded when a PDF
 * is first finished
 *
 * The work is libqpdf's, in a module of its own (impact-pdf-qpdf.c).
 * Linked into the programs, libqpdf and the libraries it brings (GnuTLS,
 * Nettle, GMP, p11-kit, libjpeg, ...) were loaded and bound by every
 * process, including those that never write a PDF: a PNG, SVG or chart
 * export, validate, the window until it exports. That was about 11 M
 * instructions and 220 page faults at every start (docs/PERFORMANCE.md,
 * "The PDF finisher as a module"). The module is opened the first time a
 * PDF is finished and kept for the process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-pdf"

#include "config.h"

#include <dlfcn.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "impact-error.h"
#include "impact-pdf-finish.h"
#include "impact-pdf-qpdf.h"
#include "impact-program-files.h"

/* The sanitizers' runtime cannot follow a library that binds to its own
 * dependencies first */
#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature (address_sanitizer)
#define SANITIZED 1
#endif
#endif

void
impact_pdf_finish_options_init (ImpactPdfFinishOptions *options)
{
  g_return_if_fail (options != NULL);
  memset (options, 0, sizeof *options);
}

const char *
impact_pdf_finish_get_output_profile (void)
{
  return IMPACT_ICC_OUTPUT_PROFILE;
}

/* $IMPACT_SHEET_MODULE_DIR (the tests), else app/core/ next to a build
 * tree's program (app/impact-sheet, app/impact-sheet-gui), else the
 * installed modules folder */
static char *
module_path (void)
{
  const char *dir = g_getenv ("IMPACT_SHEET_MODULE_DIR");

  if (dir != NULL && *dir != '\0')
    return g_build_filename (dir, IMPACT_PDF_QPDF_MODULE, NULL);
  return impact_program_file ("core/" IMPACT_PDF_QPDF_MODULE, IMPACT_MODULE_DIR, G_FILE_TEST_IS_REGULAR);
}

typedef struct
{
  ImpactPdfQpdfFinish  finish;
  char                *failure;   /* why the module could not be loaded */
} Finisher;

static const Finisher *
get_finisher (void)
{
  static Finisher finisher;
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      g_autofree char *path = module_path ();
      /* libqpdf's thousands of symbols are looked up in its own libraries
       * first, not after the forty the program has loaded: 10 M
       * instructions fewer than without RTLD_DEEPBIND, 1.6 M fewer than
       * when libqpdf was linked */
      int flags = RTLD_NOW | RTLD_LOCAL;
      void *handle;

#ifndef SANITIZED
      flags |= RTLD_DEEPBIND;
#endif
      handle = dlopen (path, flags);
      if (handle == NULL)
        finisher.failure = g_strdup (dlerror ());
      else if ((finisher.finish = (ImpactPdfQpdfFinish) dlsym (handle, IMPACT_PDF_QPDF_FINISH)) == NULL)
        finisher.failure = g_strdup_printf ("%s has no %s", path, IMPACT_PDF_QPDF_FINISH);
      g_once_init_leave (&loaded, 1);
    }
  return &finisher;
}

GBytes *
impact_pdf_finish (const guint8                 *pdf,
                   gsize                         length,
                   const ImpactPdfFinishOptions *options,
                   GError                      **error)
{
  const Finisher *finisher;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (options != NULL && options->title != NULL, NULL);

  finisher = get_finisher ();
  if (finisher->finish == NULL)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_RENDER,
                   _("cannot finish the PDF: its finishing module cannot be loaded (%s); "
                     "reinstall Impact Sheet"), finisher->failure);
      return NULL;
    }
  return finisher->finish (pdf, length, options, error);
}
