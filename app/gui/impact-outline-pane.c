/* impact-outline-pane.c: the side pane listing a document's sections, statistics
 * and milestones, each with the warnings that concern it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-outline-pane"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "impact-emphasis.h"
#include "impact-outline-pane.h"
#include "impact-outline-path.h"
#include "impact-outline-row.h"

struct _ImpactOutlinePane
{
  GtkWidget          parent_instance;

  /* Template Widgets */
  GtkScrolledWindow *scroller;
  GtkBox            *groups_box;

  /* Owned References */
  GHashTable        *rows;          /* packed (section, item) → ImpactOutlineRow */

  /* Borrowed References */
  GtkWidget         *other_group;   /* warnings that concern no entry */
  GtkWidget         *theme_row;

  double             restore_scroll;
  gulong             restore_handler;
  guint              restore_attempts;
  guint              n_warnings;
};

G_DEFINE_FINAL_TYPE (ImpactOutlinePane, impact_outline_pane, GTK_TYPE_WIDGET)

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static gpointer
row_key (ImpactSection section,
         int           item)
{
  /* item ≥ -1 and below the loader's item cap (200000 < 2^24) */
  return GUINT_TO_POINTER (((guint) section << 24) | (guint) (item + 1));
}

/* Plain text of a rich string, on one line, for a row title. */
static char *
plain_text (const char *rich)
{
  g_autofree char *plain = NULL;

  if (rich == NULL)
    return NULL;

  plain = impact_emphasis_parse (rich, NULL, NULL);
  if (plain == NULL)
    plain = g_strdup (rich);

  return g_strdelimit (g_steal_pointer (&plain), "\n\r\t", ' ');
}

static const char *
first_nonempty (const char *a,
                const char *b)
{
  if (a != NULL && *a != '\0')
    return a;
  return b;
}

static void
row_activated_cb (ImpactOutlinePane *self,
                  ImpactOutlineRow  *row)
{
  g_signal_emit (self, signals[ACTIVATED], 0,
                 (int) impact_outline_row_get_section (row),
                 impact_outline_row_get_item (row));
}

static GtkWidget *
add_group (ImpactOutlinePane *self,
           const char        *title,
           const char        *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->groups_box, group);

  return group;
}

static GtkWidget *
add_row (ImpactOutlinePane *self,
         GtkWidget         *group,
         ImpactSection      section,
         int                item,
         const char        *title,
         const char        *subtitle)
{
  GtkWidget *row = impact_outline_row_new (section, item, title, subtitle);

  if (item >= -1)
    {
      g_hash_table_insert (self->rows, row_key (section, item), row);
      g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self,
                               G_CONNECT_SWAPPED);
    }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
add_more_row (ImpactOutlinePane *self,
              GtkWidget         *group,
              guint              n_more)
{
  g_autofree char *title =
    g_strdup_printf (ngettext ("%u more item", "%u more items", n_more), n_more);
  GtkWidget *row = impact_outline_row_new (IMPACT_SECTION_HEADER, -2, title, NULL);

  gtk_widget_add_css_class (row, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
build_overview (ImpactOutlinePane *self,
                ImpactDocument    *document)
{
  ImpactProblem *problem = impact_document_get_problem (document);
  ImpactQuote *quote = impact_document_get_quote (document);
  ImpactProfile *profile = impact_document_get_profile (document);
  ImpactOrganisation *org = impact_document_get_organisation (document);
  ImpactFooter *footer = impact_document_get_footer (document);
  ImpactThemeSpec *spec = impact_document_get_theme_spec (document);
  GPtrArray *stats = impact_document_get_statistics (document);
  GPtrArray *facts = impact_document_get_facts (document);
  GPtrArray *pillars = impact_document_get_pillars (document);
  GPtrArray *milestones = impact_document_get_milestones (document);
  g_autofree char *stats_text = NULL;
  g_autofree char *facts_text = NULL;
  g_autofree char *pillars_text = NULL;
  g_autofree char *milestones_text = NULL;
  g_autofree char *quote_text = NULL;
  g_autofree char *theme_text = NULL;
  GtkWidget *group;

  group = add_group (self, _("Sections"), NULL);

  add_row (self, group, IMPACT_SECTION_HEADER, -1,
           first_nonempty (impact_document_get_title (document),
                           first_nonempty (impact_document_get_office (document), _("Header"))),
           first_nonempty (impact_document_get_subtitle (document),
                           org ? first_nonempty (org->name, org->short_name) : NULL));

  if (problem != NULL)
    add_row (self, group, IMPACT_SECTION_PROBLEM, -1,
             first_nonempty (problem->heading, _("The problem")), problem->kicker);

  stats_text = g_strdup_printf (ngettext ("%u statistic", "%u statistics", stats->len), stats->len);
  add_row (self, group, IMPACT_SECTION_STATISTICS, -1,
           first_nonempty (impact_document_get_statistics_heading (document), _("Statistics")),
           stats_text);

  facts_text = g_strdup_printf (ngettext ("%u fact", "%u facts", facts->len), facts->len);
  add_row (self, group, IMPACT_SECTION_FACTS, -1,
           first_nonempty (impact_document_get_facts_heading (document), _("Facts")),
           facts_text);

  if (quote != NULL)
    {
      quote_text = plain_text (quote->text);
      add_row (self, group, IMPACT_SECTION_QUOTE, -1,
               first_nonempty (quote->attribution, _("Quote")), quote_text);
    }

  pillars_text = g_strdup_printf (ngettext ("%u pillar", "%u pillars", pillars->len), pillars->len);
  add_row (self, group, IMPACT_SECTION_APPROACH, -1,
           first_nonempty (impact_document_get_approach_heading (document), _("Approach")),
           pillars_text);

  milestones_text = g_strdup_printf (ngettext ("%u milestone", "%u milestones", milestones->len),
                                     milestones->len);
  add_row (self, group, IMPACT_SECTION_MILESTONES, -1,
           first_nonempty (impact_document_get_milestones_heading (document), _("Milestones")),
           milestones_text);

  if (profile != NULL)
    add_row (self, group, IMPACT_SECTION_PROFILE, -1,
             first_nonempty (profile->name, _("Profile")), profile->role);

  add_row (self, group, IMPACT_SECTION_SOURCES, -1, _("Sources"), NULL);

  if (org != NULL)
    add_row (self, group, IMPACT_SECTION_CONTACT, -1,
             first_nonempty (org->name, _("Contact")), org->website);

  if (footer != NULL)
    add_row (self, group, IMPACT_SECTION_FOOTER, -1, _("Footer"), footer->copyright);

  if (spec != NULL && spec->template_name != NULL)
    /* Translators: the theme row's subtitle, e.g. "classic template" */
    theme_text = g_strdup_printf (_("%s template"), spec->template_name);
  self->theme_row = add_row (self, group, IMPACT_SECTION_HEADER, -2, _("Theme"),
                             theme_text ? theme_text : _("Default colours and fonts"));
}

static void
build_statistics (ImpactOutlinePane *self,
                  ImpactDocument    *document)
{
  GPtrArray *stats = impact_document_get_statistics (document);
  GtkWidget *group;
  guint n;

  if (stats->len == 0)
    return;

  group = add_group (self, _("Statistics"), NULL);
  n = MIN (stats->len, IMPACT_OUTLINE_MAX_ITEM_ROWS);

  for (guint i = 0; i < n; i++)
    {
      const ImpactStatistic *stat = g_ptr_array_index (stats, i);
      g_autofree char *number = impact_statistic_format_full (stat);

      add_row (self, group, IMPACT_SECTION_STATISTICS, (int) i, number, stat->label);
    }

  if (stats->len > n)
    add_more_row (self, group, stats->len - n);
}

static void
build_facts (ImpactOutlinePane *self,
             ImpactDocument    *document)
{
  GPtrArray *facts = impact_document_get_facts (document);
  GtkWidget *group;
  guint n;

  if (facts->len == 0)
    return;

  group = add_group (self, _("Facts"), NULL);
  n = MIN (facts->len, IMPACT_OUTLINE_MAX_ITEM_ROWS);

  for (guint i = 0; i < n; i++)
    {
      const ImpactFact *fact = g_ptr_array_index (facts, i);
      g_autofree char *text = plain_text (fact->text);
      GtkWidget *row;

      row = add_row (self, group, IMPACT_SECTION_FACTS, (int) i, text,
                     fact->source ? fact->source->title : NULL);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
    }

  if (facts->len > n)
    add_more_row (self, group, facts->len - n);
}

static void
build_milestones (ImpactOutlinePane *self,
                  ImpactDocument    *document)
{
  GPtrArray *milestones = impact_document_get_milestones (document);
  const guint *order;
  guint n_order = 0;
  GtkWidget *group;
  guint n;

  if (milestones->len == 0)
    return;

  order = impact_document_get_milestone_order (document, &n_order);
  group = add_group (self, _("Milestones"), NULL);
  n = MIN (milestones->len, IMPACT_OUTLINE_MAX_ITEM_ROWS);

  /* In date order, as the sheet shows them; item indices stay data indices */
  for (guint i = 0; i < n; i++)
    {
      guint index = (order != NULL && i < n_order) ? order[i] : i;
      const ImpactMilestone *milestone = g_ptr_array_index (milestones, index);
      g_autofree char *date = impact_date_format (&milestone->date);
      g_autofree char *metrics = impact_milestone_format_metrics (milestone);
      g_autofree char *subtitle = NULL;

      if (metrics != NULL && *metrics != '\0')
        subtitle = g_strdup_printf ("%s · %s", date ? date : "", metrics);
      else
        subtitle = g_strdup (date);

      add_row (self, group, IMPACT_SECTION_MILESTONES, (int) index,
               first_nonempty (milestone->title, _("Untitled milestone")), subtitle);
    }

  if (milestones->len > n)
    add_more_row (self, group, milestones->len - n);
}

static ImpactOutlineRow *
find_row_for (ImpactOutlinePane *self,
              ImpactSection      section,
              int                item)
{
  ImpactOutlineRow *row = g_hash_table_lookup (self->rows, row_key (section, item));

  if (row == NULL && item >= 0)
    row = g_hash_table_lookup (self->rows, row_key (section, -1));

  return row;
}

static void
attach_diagnostics (ImpactOutlinePane *self,
                    ImpactDiagnostics *diagnostics)
{
  guint n = impact_diagnostics_get_n_items (diagnostics);

  for (guint i = 0; i < n; i++)
    {
      const ImpactDiagnostic *diag = impact_diagnostics_get_item (diagnostics, i);
      ImpactOutlineRow *row = NULL;
      ImpactSection section;
      int item;

      switch (impact_outline_path_parse (diag->path, &section, &item))
        {
        case IMPACT_OUTLINE_TARGET_SECTION:
          row = find_row_for (self, section, item);
          break;
        case IMPACT_OUTLINE_TARGET_THEME:
          row = IMPACT_OUTLINE_ROW (self->theme_row);
          break;
        case IMPACT_OUTLINE_TARGET_NONE:
        default:
          break;
        }

      if (row == NULL)
        {
          g_autofree char *title = NULL;

          if (self->other_group == NULL)
            self->other_group = add_group (self, _("Other Warnings"), NULL);

          title = g_strdup (diag->path ? diag->path : _("Document"));
          row = IMPACT_OUTLINE_ROW (add_row (self, self->other_group, IMPACT_SECTION_HEADER, -2,
                                             title, diag->message));
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
        }

      impact_outline_row_add_diagnostic (row, diag);
      self->n_warnings++;
    }
}

static void
clear_groups (ImpactOutlinePane *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->rows);
  self->other_group = NULL;
  self->theme_row = NULL;
  self->n_warnings = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
}

/* Signal callbacks */

static void
vadjustment_changed_cb (ImpactOutlinePane *self,
                        GtkAdjustment     *adjustment)
{
  double upper = gtk_adjustment_get_upper (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  gtk_adjustment_set_value (adjustment, self->restore_scroll);

  /* Done once the content is tall enough to hold the old position, or
   * after a few size changes when it never becomes that tall (a reload
   * that shortened the outline): the handler must not outlive the restore
   * and snap later scrolling back */
  if (upper - page >= self->restore_scroll || upper <= 0 || ++self->restore_attempts >= 4)
    g_clear_signal_handler (&self->restore_handler, adjustment);
}

/* GObject overrides */

static void
impact_outline_pane_dispose (GObject *object)
{
  ImpactOutlinePane *self = IMPACT_OUTLINE_PANE (object);

  if (self->restore_handler != 0)
    g_clear_signal_handler (&self->restore_handler,
                            gtk_scrolled_window_get_vadjustment (self->scroller));
  gtk_widget_dispose_template (GTK_WIDGET (self), IMPACT_TYPE_OUTLINE_PANE);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (impact_outline_pane_parent_class)->dispose (object);
}

static void
impact_outline_pane_class_init (ImpactOutlinePaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_outline_pane_dispose;

  /**
   * ImpactOutlinePane::activated:
   * @section: an #ImpactSection
   * @item: the item index, or -1 for the section itself
   *
   * Emitted when the user picks an entry to see it in the preview.
   */
  signals[ACTIVATED] =
    g_signal_new ("activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactsheet/ImpactSheet/ui/impact-outline-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactOutlinePane, scroller);
  gtk_widget_class_bind_template_child (widget_class, ImpactOutlinePane, groups_box);
  gtk_widget_class_set_css_name (widget_class, "outlinepane");
}

static void
impact_outline_pane_init (ImpactOutlinePane *self)
{
  self->rows = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
impact_outline_pane_new (void)
{
  return g_object_new (IMPACT_TYPE_OUTLINE_PANE, NULL);
}

void
impact_outline_pane_set_document (ImpactOutlinePane *self,
                                  ImpactDocument    *document,
                                  ImpactDiagnostics *diagnostics)
{
  GtkAdjustment *vadjustment;

  g_return_if_fail (IMPACT_IS_OUTLINE_PANE (self));
  g_return_if_fail (!document || IMPACT_IS_DOCUMENT (document));

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  self->restore_scroll = gtk_adjustment_get_value (vadjustment);

  clear_groups (self);

  if (document == NULL)
    return;

  build_overview (self, document);
  build_statistics (self, document);
  build_facts (self, document);
  build_milestones (self, document);

  if (diagnostics != NULL)
    attach_diagnostics (self, diagnostics);

  /* A reload keeps the place the user was looking at */
  self->restore_attempts = 0;
  if (self->restore_scroll > 0 && self->restore_handler == 0)
    self->restore_handler = g_signal_connect_swapped (vadjustment, "changed",
                                                      G_CALLBACK (vadjustment_changed_cb), self);
}

guint
impact_outline_pane_get_n_warnings (ImpactOutlinePane *self)
{
  g_return_val_if_fail (IMPACT_IS_OUTLINE_PANE (self), 0);

  return self->n_warnings;
}

GtkWidget *
impact_outline_pane_find_row (ImpactOutlinePane *self,
                              ImpactSection      section,
                              int                item)
{
  g_return_val_if_fail (IMPACT_IS_OUTLINE_PANE (self), NULL);

  return g_hash_table_lookup (self->rows, row_key (section, item));
}
