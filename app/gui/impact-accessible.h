/* impact-accessible.h: names for screen readers
 *
 * GTK 4.8 can set an accessible property but not read it back, so the
 * name given here is also kept on the widget: the window tests walk the
 * widget tree and fail on any control a screen reader could not name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Sets @widget's accessible label (GTK_ACCESSIBLE_PROPERTY_LABEL), its
 * whole name (a labelled-by relation is dropped) */
void        impact_accessible_set_label (GtkWidget  *widget,
                                         const char *label);
/* The label set by impact_accessible_set_label(), or NULL */
const char *impact_accessible_get_label (GtkWidget  *widget);

/* Names the parts libadwaita 1.2 and GTK 4.8 build inside a widget and
 * leave unnamed (a screen reader would read "GtkButton", "GtkListBox"):
 * they are found by type, once, when the widget is built. */

/* An AdwExpanderRow (the row and its two lists: the header, then the
 * rows it reveals); again whenever @title changes */
void        impact_accessible_label_expander_row (GtkWidget  *expander_row,
                                                  const char *title);
/* Every GtkListBox under @widget that has no name yet, for instance the
 * list inside an AdwPreferencesGroup without a title */
void        impact_accessible_label_lists        (GtkWidget  *widget,
                                                  const char *label);
/* An AdwEntryRow's text: libadwaita 1.2 hides it from assistive
 * technologies (role none) and GTK 4.8 lets the row not report the focus
 * its text has, so a screen reader says nothing when the field gets the
 * focus. Presents the text as a named text box of its own. Call it once,
 * on a row just built. */
void        impact_accessible_expose_entry_row   (GtkWidget  *entry_row,
                                                  const char *title);
/* A GtkShortcutsWindow's search button, search entry and section menu */
void        impact_accessible_label_shortcuts    (GtkWidget  *shortcuts_window);
/* Under @widget (itself included): every button whose text has a
 * mnemonic, which GTK 4.8 names by its raw text and then the text again
 * ("_Export… Export…"), by the text a screen reader should read; every
 * AdwSplitButton's arrow by its dropdown tooltip (its button has the
 * text). Call it once the widgets are built; a button whose text changes
 * later is named again by GTK. */
void        impact_accessible_name_parts         (GtkWidget  *widget);

G_END_DECLS
