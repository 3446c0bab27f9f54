/* impact-gui-test-utils.h: waiting on real widgets in the window tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "impact-application.h"
#include "impact-editor-pane.h"
#include "impact-window.h"

G_BEGIN_DECLS

#define IMPACT_GUI_TEST_TIMEOUT_MS 20000

typedef gboolean (*ImpactTestCondition) (gpointer data);

/* Runs the main loop until @condition holds; fails the test (and returns
 * FALSE) after IMPACT_GUI_TEST_TIMEOUT_MS, naming @what. */
gboolean impact_gui_test_wait_for     (ImpactTestCondition  condition,
                                       gpointer             data,
                                       const char          *what);
/* A condition: the ImpactWindow @data shows a document and is not busy */
gboolean impact_gui_test_has_document (gpointer             data);
/* A condition: @app (a GtkApplication) has no window left */
/* The application the GUI tests open their windows in: registered, not
 * unique (tests run side by side), opening files */
ImpactApplication *impact_gui_test_app_new (void);
/* The first widget of @type in @widget's tree (itself included), or NULL */
GtkWidget *impact_gui_test_find_type (GtkWidget *widget,
                                      GType      type);
gboolean impact_gui_test_no_windows   (gpointer             app);
/* A visible toplevel window of @type (a dialog, a file chooser), or NULL */
GtkWidget *impact_gui_test_find_toplevel (GType type);
/* A condition: a file chooser dialog is shown */
gboolean   impact_gui_test_file_chooser_shown (gpointer data);
/* The Kolkata example copied as office.json into a new temporary folder
 * (*dir, for impact_gui_test_close_example), opened in @app with the side
 * pane on the editor */
ImpactWindow *impact_gui_test_open_example (ImpactApplication *app,
                                            char             **dir);
/* Closes @window, waits for it to go, and removes @dir */
void     impact_gui_test_close_example (ImpactApplication *app,
                                        ImpactWindow      *window,
                                        const char        *dir);
/* A condition: @window (an ImpactWindow) wrote its save (from the
 * window's actions, in a worker) and has nothing unsaved */
gboolean impact_gui_test_save_written (gpointer            window);
/* Runs what the main context has ready, until nothing is */
void     impact_gui_test_settle       (void);

/* What @widget shows, as a texture (NULL when it shows nothing) */
GdkTexture *impact_gui_test_render    (GtkWidget           *widget);
/* The luminance (0 black .. 1 white) of a pixel of @texture */
double   impact_gui_test_luminance_at (GdkTexture          *texture,
                                       int                  x,
                                       int                  y);
/* The first event controller of @widget of @type (the widget keeps its
 * reference); fails the test when there is none */
GtkEventController *impact_gui_test_find_controller (GtkWidget *widget,
                                                     GType      type);
/* Saves what @widget shows as NAME.png in $IMPACT_TEST_SCREENSHOT_DIR,
 * when that is set (to look at a test's window) */
void     impact_gui_test_screenshot   (GtkWidget           *widget,
                                       const char          *name);
/* The same for @window with its open @popover drawn where it stands */
void     impact_gui_test_screenshot_popover (GtkWidget   *window,
                                             GtkPopover  *popover,
                                             const char  *name);

/* The first widget named @name in @widget's tree (itself included), or NULL */
GtkWidget *impact_gui_test_find_named (GtkWidget           *widget,
                                       const char          *name);
/* Opens the popover of @menu_button and clicks its button named @name,
 * as a user would; FALSE when it has none */
gboolean   impact_gui_test_pick       (GtkWidget           *menu_button,
                                       const char          *name);
/* What a user-level test reaches in a window, without its private struct */

/* The window's editor pane (found in its widget tree) */
ImpactEditorPane *impact_gui_test_editor     (ImpactWindow        *window);
/* The GtkStack or AdwViewStack in @widget's tree that has a page named
 * @child_name; fails the test when there is none */
GtkWidget  *impact_gui_test_find_stack       (GtkWidget           *widget,
                                              const char          *child_name);
/* The name of the page that stack shows */
const char *impact_gui_test_visible_page     (GtkWidget           *widget,
                                              const char          *child_name);
/* The app's settings, as the windows see them (borrowed) */
GSettings  *impact_gui_test_get_settings     (void);
/* The message dialog @parent shows now that offers @response ("keep"),
 * or any (NULL); NULL when there is none */
AdwMessageDialog *impact_gui_test_find_dialog (GtkWindow          *parent,
                                               const char         *response);
/* Runs the main loop until @window's preview shows a layout other than
 * @before (which the caller holds a reference to) */
gboolean    impact_gui_test_wait_for_layout  (ImpactWindow        *window,
                                              ImpactSheetLayout   *before,
                                              const char          *what);

G_END_DECLS
