/* impact-brand-window.h: a brand file in a window of its own
 *
 * Opening a brand file (impact_brand_file_detect()) shows its
 * organisation and theme as fields and, beside them, one office's sheet
 * drawn with the brand as it is being edited: an office of the brand's
 * folder (or the folders just below it) that names this brand, chosen in
 * the header bar, or the built-in example when none does. The preview is
 * ImpactSheetPreview, drawn by the core renderer. Saving writes the brand
 * file only (atomically, with a .bak); the offices' files are never
 * written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "impact-brand-file.h"
#include "impact-sheet-preview.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_BRAND_WINDOW (impact_brand_window_get_type ())
G_DECLARE_FINAL_TYPE (ImpactBrandWindow, impact_brand_window, IMPACT, BRAND_WINDOW, AdwApplicationWindow)

/* The window of @file (an existing one, or a new one), presented */
GtkWindow          *impact_brand_window_open        (GtkApplication    *app,
                                                     GFile             *file);
GFile              *impact_brand_window_get_file    (ImpactBrandWindow *self);
/* NULL when the file could not be read (the window then says why) */
ImpactBrandFile    *impact_brand_window_get_brand   (ImpactBrandWindow *self);
/* The message shown instead of the fields when the file is not usable */
const char         *impact_brand_window_get_error   (ImpactBrandWindow *self);
/* The editable of a field by JSON path ("theme.accent"), or NULL */
GtkWidget          *impact_brand_window_get_field   (ImpactBrandWindow *self,
                                                     const char        *path);
/* The message next to a field whose text is not a valid value, or NULL */
const char         *impact_brand_window_get_message (ImpactBrandWindow *self,
                                                     const char        *path);
ImpactSheetPreview *impact_brand_window_get_preview (ImpactBrandWindow *self);
/* The office chooser: its items are the offices' files, the last one
 * the built-in example */
GtkDropDown        *impact_brand_window_get_offices (ImpactBrandWindow *self);
gboolean            impact_brand_window_save        (ImpactBrandWindow *self,
                                                     GError           **error);
/* The brand changed on disk while the window had changes of its own (a
 * toast offers win.reload); FALSE once reloaded or saved */
gboolean            impact_brand_window_get_changed_on_disk (ImpactBrandWindow *self);
/* Why the brand changed on disk could not be read again, or NULL */
const char         *impact_brand_window_get_disk_error      (ImpactBrandWindow *self);

G_END_DECLS
