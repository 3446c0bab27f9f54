/* impact-outline-row.c: one entry of the document outline, with its warnings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-outline-row"

#include "config.h"

#include <glib/gi18n.h>

#include "impact-outline-row.h"

struct _ImpactOutlineRow
{
  AdwActionRow   parent_instance;

  /* Template Widgets */
  GtkImage      *warning_icon;

  /* Owned References */
  GString       *tooltip;

  ImpactSection  section;
  int            item;
  guint          n_warnings;
  guint          n_errors;
};

G_DEFINE_FINAL_TYPE (ImpactOutlineRow, impact_outline_row, ADW_TYPE_ACTION_ROW)

static void
impact_outline_row_finalize (GObject *object)
{
  ImpactOutlineRow *self = IMPACT_OUTLINE_ROW (object);

  g_string_free (self->tooltip, TRUE);

  G_OBJECT_CLASS (impact_outline_row_parent_class)->finalize (object);
}

static void
impact_outline_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), IMPACT_TYPE_OUTLINE_ROW);

  G_OBJECT_CLASS (impact_outline_row_parent_class)->dispose (object);
}

static void
impact_outline_row_class_init (ImpactOutlineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_outline_row_dispose;
  object_class->finalize = impact_outline_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactsheet/ImpactSheet/ui/impact-outline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactOutlineRow, warning_icon);
}

static void
impact_outline_row_init (ImpactOutlineRow *self)
{
  self->tooltip = g_string_new (NULL);
  self->item = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
impact_outline_row_new (ImpactSection  section,
                        int            item,
                        const char    *title,
                        const char    *subtitle)
{
  ImpactOutlineRow *self;

  self = g_object_new (IMPACT_TYPE_OUTLINE_ROW,
                       "title-lines", 2,
                       "subtitle-lines", 1,
                       "activatable", item != -2,
                       NULL);
  /* document text, never markup; set before the texts: a construct-time
   * "use-markup" reaches the subtitle label only after the subtitle */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title ? title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle ? subtitle : "");
  self->section = section;
  self->item = item;

  return GTK_WIDGET (self);
}

ImpactSection
impact_outline_row_get_section (ImpactOutlineRow *self)
{
  g_return_val_if_fail (IMPACT_IS_OUTLINE_ROW (self), IMPACT_SECTION_HEADER);

  return self->section;
}

int
impact_outline_row_get_item (ImpactOutlineRow *self)
{
  g_return_val_if_fail (IMPACT_IS_OUTLINE_ROW (self), -1);

  return self->item;
}

void
impact_outline_row_add_diagnostic (ImpactOutlineRow       *self,
                                   const ImpactDiagnostic *diagnostic)
{
  g_return_if_fail (IMPACT_IS_OUTLINE_ROW (self));
  g_return_if_fail (diagnostic != NULL);

  if (diagnostic->severity == IMPACT_SEVERITY_ERROR)
    self->n_errors++;
  else
    self->n_warnings++;

  if (self->tooltip->len > 0)
    g_string_append_c (self->tooltip, '\n');
  if (diagnostic->line > 0)
    /* Translators: a warning in the outline: line number, then the message */
    g_string_append_printf (self->tooltip, _("Line %u: %s"), diagnostic->line, diagnostic->message);
  else
    g_string_append (self->tooltip, diagnostic->message);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->warning_icon), self->tooltip->str);
  gtk_image_set_from_icon_name (self->warning_icon,
                                self->n_errors > 0 ? "dialog-error-symbolic"
                                                   : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->warning_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->warning_icon), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->warning_icon),
                            self->n_errors > 0 ? "error" : "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->warning_icon), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "has-warning");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->tooltip->str,
                                  -1);
}

guint
impact_outline_row_get_n_warnings (ImpactOutlineRow *self)
{
  g_return_val_if_fail (IMPACT_IS_OUTLINE_ROW (self), 0);

  return self->n_warnings + self->n_errors;
}
