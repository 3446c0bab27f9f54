/* impact-timelinejs.h: import a TimelineJS 3 JSON file
 *
 * Converts TimelineJS's `title`, `events` and `eras` into an Impact Sheet
 * document (format 1):
 *
 *  - title.text.headline → office (and title), title.text.text → subtitle
 *  - events[] → milestones: start_date {year, month, day} → date (as
 *    precise as given), text.headline → title, text.text → description,
 *    group → category, media {url, caption, credit} → "x-media" (kept as
 *    an image reference; the sheet does not draw it)
 *  - an event's end_date → an era with the event's title, next to the
 *    milestone
 *  - eras[] → eras
 *
 * HTML in headlines and texts is reduced to plain text: tags removed,
 * <br> and block ends become spaces, entities decoded, the contents of
 * <script> and <style> dropped; "*" and "\" are escaped in descriptions
 * (rich text). Whatever cannot be mapped (display_date, times of day,
 * backgrounds, dates outside 1..9999, unknown members …) is listed in the
 * report, one human-readable line each, never dropped silently.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "impact-document.h"

G_BEGIN_DECLS

/* Caps: a TimelineJS file larger than the loader's own limits is refused */
#define IMPACT_TIMELINEJS_MAX_FILE_SIZE (32 * 1024 * 1024)

/* @root: the parsed TimelineJS JSON. Returns our format's JSON (a new
 * object node); @report (a GPtrArray of char*, not optional) receives what
 * was not mapped. Fails with IMPACT_ERROR_INVALID_VALUE when @root is not
 * a TimelineJS object (no "events" array). */
JsonNode       *impact_timelinejs_convert       (JsonNode   *root,
                                                 GPtrArray  *report,
                                                 GError    **error);
/* Parses @data (TimelineJS JSON, @length bytes), converts it and returns
 * our format's text (pretty-printed, @out_length bytes), which has been
 * loaded back with impact_json_loader_load_data(): it always opens. Input
 * strings are repaired to valid UTF-8, stripped of control characters and
 * cut to the loader's caps (each cut reported); events and eras past the
 * item cap are dropped with a report line. @display_name names the input
 * in errors. */
char           *impact_timelinejs_convert_data  (const char *data,
                                                 gsize       length,
                                                 const char *display_name,
                                                 GPtrArray  *report,
                                                 gsize      *out_length,
                                                 GError    **error);
/* Reads @input (a regular file only, at most the loader's size cap),
 * converts as above, writes @output (temp + rename, pretty-printed).
 * @report as above. */
gboolean        impact_timelinejs_import_file   (GFile      *input,
                                                 GFile      *output,
                                                 GPtrArray  *report,
                                                 GError    **error);
/* Reads @input and returns the document the converted data loads into
 * (for "Open" in the window). */
ImpactDocument *impact_timelinejs_load_document (GFile      *input,
                                                 GPtrArray  *report,
                                                 GError    **error);
/* Converts an already scanned TimelineJS tree (see impact-open.h) and
 * loads the result, which is checked to open. @report as above. */
ImpactDocument *impact_timelinejs_load_root     (JsonNode    *root,
                                                 const char  *display_name,
                                                 GFile       *base_file,
                                                 GPtrArray   *report,
                                                 GError     **error);
/* HTML → plain text, as described above; exposed for tests */
char           *impact_timelinejs_html_to_text  (const char *html);
/* TRUE when @root looks like TimelineJS (an object with an "events" array
 * and no "format" member) */
gboolean        impact_timelinejs_detect        (JsonNode   *root);

G_END_DECLS
