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

/* Sets @widget's accessible label (GTK_ACCESSIBLE_PROPERTY_LABEL) */
void        impact_accessible_set_label (GtkWidget  *widget,
                                         const char *label);
/* The label set by impact_accessible_set_label(), or NULL */
const char *impact_accessible_get_label (GtkWidget  *widget);

G_END_DECLS
