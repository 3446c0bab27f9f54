/* fuzz-timelinejs.c: libFuzzer target for the TimelineJS importer
 *
 * The conversion either fails with a GError or yields text that the
 * loader opens (checked again here, independently of the importer's own
 * check); the HTML reducer always returns valid UTF-8 without controls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <string.h>

#include "impact-json-loader.h"
#include "impact-timelinejs.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
const char *__asan_default_options (void);

/* json-glib 1.6 leaks on some parse errors; tests/lsan.supp names it by
 * its function, which only a full (slow) unwind of the allocation sees */
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

static void
check_html (const uint8_t *data,
            size_t         size)
{
  g_autofree char *html = g_strndup ((const char *) data, size);
  g_autofree char *text = impact_timelinejs_html_to_text (html);

  g_assert (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      g_assert (ch >= 0x20 && (ch < 0x7F || ch >= 0xA0));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  text = impact_timelinejs_convert_data ((const char *) data, size, "fuzz.json", report, &len, &error);
  g_assert ((text == NULL) == (error != NULL));
  if (text != NULL)
    {
      g_autoptr(GError) load_error = NULL;
      g_autoptr(ImpactDocument) doc = impact_json_loader_load_data (text, len, "converted.json", NULL,
                                                                    NULL, &load_error);

      g_assert_no_error (load_error);
      g_assert (doc != NULL);
    }
  for (guint i = 0; i < report->len; i++)
    g_assert (g_utf8_validate (g_ptr_array_index (report, i), -1, NULL));
  if (size <= 4096)
    check_html (data, size);
  return 0;
}
