/* impact-chart-editor.h: the Charts group of the editor pane
 *
 * One expander row per chart of the document: its label, its kind
 * (columns, line, area, sparkline), where its figures come from (given
 * points, or a metric of the milestones per year, quarter or month, as a
 * running total or not) and, for a sparkline, the statistic whose panel
 * it sits in; a button adds a chart, each row's button removes it.
 *
 * Like the editor pane, the group writes each change straight into the
 * document's ImpactChartSpec and emits ::begin-edit before and ::edited
 * after it, with the field's key ("charts.0.kind") or NULL for a change
 * of structure (a chart added or removed, its kind or its source
 * changed): the window records the undo step and lays the sheet out
 * again through the pane's signals, which forward these. Every control is
 * named by its key (gtk_widget_get_name()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "impact-document.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_CHART_EDITOR (impact_chart_editor_get_type ())
G_DECLARE_FINAL_TYPE (ImpactChartEditor, impact_chart_editor, IMPACT, CHART_EDITOR, AdwPreferencesGroup)

GtkWidget *impact_chart_editor_new            (ImpactDocument *document);
/* The control of a key ("charts.0.kind", "charts.add"), or NULL; rows
 * rebuilt after a change of structure are there once the main loop has
 * run (impact_editor_pane_get_field() asks this for "charts." keys) */
GtkWidget *impact_chart_editor_get_control    (ImpactChartEditor *self,
                                               const char        *key);
/* The sheet's warnings, by key ("charts.0.derive.per", "charts.0" for a
 * chart as a whole): each marks the row it is about (its tooltip says
 * it) and is the subtitle of its chart's row, again after the rows are
 * rebuilt; NULL clears them. @notes is referenced and must not change. */
void       impact_chart_editor_set_notes      (ImpactChartEditor *self,
                                               GHashTable        *notes);

/* Pure helpers (unit-tested without a display) */

/* "2016: 12; 2017: 18.5; 2018: –" <-> the given points ("–", "-" or
 * nothing after the colon: a period with no figure). Parsing replaces the
 * points of @spec; on a malformed text (or one without any point) it
 * returns FALSE with a message and leaves @spec alone. */
gboolean   impact_chart_editor_parse_points   (const char       *text,
                                               ImpactChartSpec  *spec,
                                               char            **message);
char      *impact_chart_editor_format_points  (const ImpactChartSpec *spec);
/* The metrics a chart can follow: every metric name of the milestones,
 * sorted, without repeats */
GStrv      impact_chart_editor_dup_metrics    (ImpactDocument *document);

G_END_DECLS
