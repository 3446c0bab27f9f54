/* impact-application.h: the Impact Sheet application (one window per document)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IMPACT_TYPE_APPLICATION (impact_application_get_type ())
G_DECLARE_FINAL_TYPE (ImpactApplication, impact_application, IMPACT, APPLICATION, AdwApplication)

ImpactApplication *impact_application_new                (void);
GSettings         *impact_application_get_settings       (ImpactApplication *self);
/* The menu of recently opened documents, shared by every window. */
GMenuModel        *impact_application_get_recent_menu    (ImpactApplication *self);
/* Print settings and page setup, kept for the session. */
GtkPrintSettings  *impact_application_get_print_settings (ImpactApplication *self);
void               impact_application_set_print_settings (ImpactApplication *self,
                                                          GtkPrintSettings  *settings);
GtkPageSetup      *impact_application_get_page_setup     (ImpactApplication *self);
void               impact_application_set_page_setup     (ImpactApplication *self,
                                                          GtkPageSetup      *page_setup);
/* Opens @file: presents the window that already shows it, else loads it into
 * @requester when that window is empty, else into a new window. Returns the
 * window (owned by the application). */
GtkWindow         *impact_application_open_file          (ImpactApplication *self,
                                                          GFile             *file,
                                                          GtkWindow         *requester);
/* Shows the file chooser to open documents, transient for @parent. */
void               impact_application_choose_files       (ImpactApplication *self,
                                                          GtkWindow         *parent);
/* Adds @file to the recently used list. */
void               impact_application_note_recent        (ImpactApplication *self,
                                                          GFile             *file);
/* Monotonic time (µs) at which the application object was created, for
 * measuring the time to the first drawn preview. */
gint64             impact_application_get_launch_time    (void);

/* Offers (once per run) to restore recovery copies of unsaved changes
 * left by a session that ended without saving; the dialog is the
 * application's "recovery-dialog" data while shown. */
void               impact_application_check_recovery (ImpactApplication *self);

G_END_DECLS
