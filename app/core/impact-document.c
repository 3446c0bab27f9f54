/* impact-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "impact-document.h"
#include "impact-format.h"

struct _ImpactDocument
{
  GObject             parent_instance;

  GFile              *file;
  ImpactSourceMap    *source_map;     /* the text it was read from, or NULL */

  char               *format;
  char               *office;
  char               *title;
  char               *subtitle;
  char               *language;
  char               *digits;
  char               *pages;          /* "auto", "1" or "2"; NULL = auto */
  char               *statistics_heading;
  char               *facts_heading;
  char               *approach_heading;
  char               *milestones_heading;

  ImpactOrganisation  organisation;
  ImpactThemeSpec     theme;
  ImpactProblem       problem;
  ImpactFooter        footer;
  ImpactQuote        *quote;
  ImpactProfile      *profile;

  GPtrArray          *statistics;
  GPtrArray          *facts;
  GPtrArray          *pillars;
  GPtrArray          *milestones;
  GPtrArray          *eras;
  GPtrArray          *charts;

  guint              *milestone_order;
  guint               milestone_order_len;

  /* "brand": "../brand.json": the path as written, and the organisation
   * and theme read from it (impact-brand.h) */
  char               *brand;
  ImpactDocument     *brand_values;
};

G_DEFINE_FINAL_TYPE (ImpactDocument, impact_document, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Section structs */

gboolean
impact_source_url_is_valid (const char *url)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *scheme, *host;

  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         host != NULL && *host != '\0';
}

ImpactSource *
impact_source_new (const char *title,
                   const char *url)
{
  ImpactSource *source = g_new0 (ImpactSource, 1);

  source->title = g_strdup (title);
  source->url = g_strdup (url);
  return source;
}

void
impact_source_free (ImpactSource *source)
{
  if (source == NULL)
    return;
  g_free (source->title);
  g_free (source->url);
  g_free (source);
}

gboolean
impact_source_equal (const ImpactSource *a,
                     const ImpactSource *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (a->title, b->title) == 0 && g_strcmp0 (a->url, b->url) == 0;
}

ImpactStatistic *
impact_statistic_new (void)
{
  return g_new0 (ImpactStatistic, 1);
}

void
impact_statistic_free (ImpactStatistic *stat)
{
  if (stat == NULL)
    return;
  g_free (stat->prefix);
  g_free (stat->suffix);
  g_free (stat->qualifier);
  g_free (stat->scale);
  g_free (stat->label);
  g_free (stat->icon);
  impact_source_free (stat->source);
  g_free (stat->derive_metric);
  g_clear_pointer (&stat->json, json_object_unref);
  g_free (stat);
}

ImpactFact *
impact_fact_new (void)
{
  return g_new0 (ImpactFact, 1);
}

void
impact_fact_free (ImpactFact *fact)
{
  if (fact == NULL)
    return;
  g_free (fact->text);
  impact_source_free (fact->source);
  g_clear_pointer (&fact->json, json_object_unref);
  g_free (fact);
}

ImpactQuote *
impact_quote_new (void)
{
  return g_new0 (ImpactQuote, 1);
}

void
impact_quote_free (ImpactQuote *quote)
{
  if (quote == NULL)
    return;
  g_free (quote->text);
  g_free (quote->attribution);
  g_free (quote->role);
  g_free (quote);
}

ImpactPillar *
impact_pillar_new (void)
{
  return g_new0 (ImpactPillar, 1);
}

void
impact_pillar_free (ImpactPillar *pillar)
{
  if (pillar == NULL)
    return;
  g_free (pillar->lead);
  g_free (pillar->text);
  g_free (pillar->icon);
  g_clear_pointer (&pillar->json, json_object_unref);
  g_free (pillar);
}

static void
metric_clear (gpointer data)
{
  ImpactMetric *metric = data;

  g_free (metric->name);
}

ImpactMilestone *
impact_milestone_new (void)
{
  ImpactMilestone *milestone = g_new0 (ImpactMilestone, 1);

  milestone->metrics = g_array_new (FALSE, TRUE, sizeof (ImpactMetric));
  g_array_set_clear_func (milestone->metrics, metric_clear);
  return milestone;
}

void
impact_milestone_free (ImpactMilestone *milestone)
{
  if (milestone == NULL)
    return;
  g_free (milestone->title);
  g_free (milestone->description);
  g_free (milestone->category);
  g_array_unref (milestone->metrics);
  g_clear_pointer (&milestone->json, json_object_unref);
  g_free (milestone);
}

void
impact_milestone_add_metric (ImpactMilestone *milestone,
                             const char      *name,
                             gint64           value)
{
  ImpactMetric metric = { g_strdup (name), value };

  g_return_if_fail (milestone != NULL);
  g_array_append_val (milestone->metrics, metric);
}

ImpactEra *
impact_era_new (void)
{
  return g_new0 (ImpactEra, 1);
}

void
impact_era_free (ImpactEra *era)
{
  if (era == NULL)
    return;
  g_free (era->title);
  g_free (era->category);
  g_clear_pointer (&era->json, json_object_unref);
  g_free (era);
}

ImpactProfile *
impact_profile_new (void)
{
  return g_new0 (ImpactProfile, 1);
}

void
impact_profile_free (ImpactProfile *profile)
{
  if (profile == NULL)
    return;
  g_free (profile->name);
  g_free (profile->role);
  g_free (profile->biography);
  g_free (profile->photo);
  g_free (profile->photo_alt);
  g_free (profile);
}

/* Number formatting: impact-format.c, in the process locale's language */

char *
impact_statistic_format_number (const ImpactStatistic *stat)
{
  g_return_val_if_fail (stat != NULL, NULL);

  return impact_format_statistic_number (NULL, IMPACT_DIGITS_DEFAULT, stat);
}

char *
impact_statistic_format_full (const ImpactStatistic *stat)
{
  g_return_val_if_fail (stat != NULL, NULL);

  return impact_format_statistic_full (NULL, IMPACT_DIGITS_DEFAULT, stat);
}

char *
impact_milestone_format_metrics (const ImpactMilestone *milestone)
{
  g_return_val_if_fail (milestone != NULL, NULL);

  return impact_format_milestone_metrics (NULL, IMPACT_DIGITS_DEFAULT, milestone);
}

/* The document */

static void
organisation_clear (ImpactOrganisation *org)
{
  g_clear_pointer (&org->name, g_free);
  g_clear_pointer (&org->short_name, g_free);
  g_clear_pointer (&org->website, g_free);
  g_clear_pointer (&org->address, g_strfreev);
  g_clear_pointer (&org->phone, g_free);
  g_clear_pointer (&org->fax, g_free);
  g_clear_pointer (&org->email, g_free);
  g_clear_pointer (&org->logo, g_free);
  g_clear_pointer (&org->logo_alt, g_free);
}

static void
theme_spec_clear (ImpactThemeSpec *theme)
{
  g_clear_pointer (&theme->template_name, g_free);
  g_clear_pointer (&theme->primary, g_free);
  g_clear_pointer (&theme->accent, g_free);
  g_clear_pointer (&theme->text, g_free);
  g_clear_pointer (&theme->background, g_free);
  g_clear_pointer (&theme->heading_font, g_free);
  g_clear_pointer (&theme->body_font, g_free);
}

static void
impact_document_finalize (GObject *object)
{
  ImpactDocument *self = (ImpactDocument *) object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->source_map, impact_source_map_unref);
  g_free (self->brand);
  g_clear_object (&self->brand_values);
  g_free (self->format);
  g_free (self->office);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->language);
  g_free (self->digits);
  g_free (self->pages);
  g_free (self->statistics_heading);
  g_free (self->facts_heading);
  g_free (self->approach_heading);
  g_free (self->milestones_heading);
  organisation_clear (&self->organisation);
  theme_spec_clear (&self->theme);
  g_free (self->problem.kicker);
  g_free (self->problem.heading);
  g_free (self->problem.body);
  g_free (self->footer.about);
  g_free (self->footer.disclaimer);
  g_free (self->footer.copyright);
  g_clear_pointer (&self->quote, impact_quote_free);
  g_clear_pointer (&self->profile, impact_profile_free);
  g_ptr_array_unref (self->statistics);
  g_ptr_array_unref (self->facts);
  g_ptr_array_unref (self->pillars);
  g_ptr_array_unref (self->milestones);
  g_ptr_array_unref (self->eras);
  g_ptr_array_unref (self->charts);
  g_free (self->milestone_order);

  G_OBJECT_CLASS (impact_document_parent_class)->finalize (object);
}

static void
impact_document_class_init (ImpactDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = impact_document_finalize;

  /**
   * ImpactDocument::changed:
   *
   * Emitted after any part of the document changed.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
impact_document_init (ImpactDocument *self)
{
  self->format = g_strdup (IMPACT_FORMAT_VERSION);
  self->organisation.address = g_new0 (char *, 1);
  self->statistics = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_statistic_free);
  self->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_fact_free);
  self->pillars = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_pillar_free);
  self->milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_milestone_free);
  self->eras = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_era_free);
  self->charts = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_chart_spec_free);
}

ImpactDocument *
impact_document_new (void)
{
  return g_object_new (IMPACT_TYPE_DOCUMENT, NULL);
}

GFile *
impact_document_get_file (ImpactDocument *self)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);
  return self->file;
}

void
impact_document_set_file (ImpactDocument *self,
                          GFile          *file)
{
  g_return_if_fail (IMPACT_IS_DOCUMENT (self));
  g_set_object (&self->file, file);
}

const char *
impact_document_get_brand (ImpactDocument *self)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);
  return self->brand;
}

ImpactDocument *
impact_document_get_brand_values (ImpactDocument *self)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);
  return self->brand_values;
}

void
impact_document_set_brand (ImpactDocument *self,
                           const char     *path,
                           ImpactDocument *values)
{
  g_return_if_fail (IMPACT_IS_DOCUMENT (self));
  g_return_if_fail (values == NULL || IMPACT_IS_DOCUMENT (values));
  g_return_if_fail (values != self);

  if (path != self->brand)
    {
      g_free (self->brand);
      self->brand = g_strdup (path);
    }
  g_set_object (&self->brand_values, values);
}

GFile *
impact_document_resolve_path (ImpactDocument *self,
                              const char     *path)
{
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);

  if (path == NULL || *path == '\0')
    return NULL;
  if (g_path_is_absolute (path))
    return g_file_new_for_path (path);
  if (g_str_has_prefix (path, "resource://") || g_str_has_prefix (path, "file://"))
    return g_file_new_for_uri (path);
  if (self->file != NULL && (parent = g_file_get_parent (self->file)) != NULL)
    return g_file_resolve_relative_path (parent, path);
  return g_file_new_for_path (path);
}

#define STRING_ACCESSORS(field)                                              \
const char *                                                                 \
impact_document_get_##field (ImpactDocument *self)                           \
{                                                                            \
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);                    \
  return self->field;                                                        \
}                                                                            \
void                                                                         \
impact_document_set_##field (ImpactDocument *self,                           \
                             const char     *value)                          \
{                                                                            \
  g_return_if_fail (IMPACT_IS_DOCUMENT (self));                              \
  if (g_strcmp0 (self->field, value) == 0)                                   \
    return;                                                                  \
  g_free (self->field);                                                      \
  self->field = g_strdup (value);                                            \
}

STRING_ACCESSORS (format)
STRING_ACCESSORS (office)
STRING_ACCESSORS (title)
STRING_ACCESSORS (subtitle)
STRING_ACCESSORS (language)
STRING_ACCESSORS (digits)
STRING_ACCESSORS (pages)
STRING_ACCESSORS (statistics_heading)
STRING_ACCESSORS (facts_heading)
STRING_ACCESSORS (approach_heading)
STRING_ACCESSORS (milestones_heading)

#undef STRING_ACCESSORS

ImpactOrganisation *
impact_document_get_organisation (ImpactDocument *self)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);
  return &self->organisation;
}

ImpactThemeSpec *
impact_document_get_theme_spec (ImpactDocument *self)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);
  return &self->theme;
}

ImpactProblem *
impact_document_get_problem (ImpactDocument *self)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);
  return &self->problem;
}

ImpactQuote *
impact_document_get_quote (ImpactDocument *self)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);
  return self->quote;
}

ImpactProfile *
impact_document_get_profile (ImpactDocument *self)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);
  return self->profile;
}

ImpactFooter *
impact_document_get_footer (ImpactDocument *self)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);
  return &self->footer;
}

GPtrArray *
impact_document_get_statistics (ImpactDocument *self)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);
  return self->statistics;
}

GPtrArray *
impact_document_get_facts (ImpactDocument *self)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);
  return self->facts;
}

GPtrArray *
impact_document_get_pillars (ImpactDocument *self)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);
  return self->pillars;
}

GPtrArray *
impact_document_get_milestones (ImpactDocument *self)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);
  return self->milestones;
}

GPtrArray *
impact_document_get_eras (ImpactDocument *self)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);
  return self->eras;
}

void
impact_document_take_quote (ImpactDocument *self,
                            ImpactQuote    *quote)
{
  g_return_if_fail (IMPACT_IS_DOCUMENT (self));
  if (self->quote != quote)
    {
      impact_quote_free (self->quote);
      self->quote = quote;
    }
}

void
impact_document_take_profile (ImpactDocument *self,
                              ImpactProfile  *profile)
{
  g_return_if_fail (IMPACT_IS_DOCUMENT (self));
  if (self->profile != profile)
    {
      impact_profile_free (self->profile);
      self->profile = profile;
    }
}

JsonNode *
impact_document_get_source_root (ImpactDocument *self)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);
  return self->source_map ? impact_source_map_get_root (self->source_map) : NULL;
}

ImpactSourceMap *
impact_document_get_source_map (ImpactDocument *self)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);
  return self->source_map;
}

void
impact_document_set_source_map (ImpactDocument  *self,
                                ImpactSourceMap *map)
{
  g_return_if_fail (IMPACT_IS_DOCUMENT (self));
  if (map == self->source_map)
    return;
  if (map != NULL)
    impact_source_map_ref (map);
  g_clear_pointer (&self->source_map, impact_source_map_unref);
  self->source_map = map;
}

void
impact_document_changed (ImpactDocument *self)
{
  g_return_if_fail (IMPACT_IS_DOCUMENT (self));
  g_clear_pointer (&self->milestone_order, g_free);
  self->milestone_order_len = 0;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Milestones in date order, ties in their order in the file: each is
 * sorted as one 64-bit key, its date (year, month, day) above its index,
 * so the sort compares integers in one array instead of following two
 * pointers per comparison (100,000 milestones: a twelfth of a slide
 * export went to the sort's cache misses) */
static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  guint64 ka = *(const guint64 *) a, kb = *(const guint64 *) b;

  return ka < kb ? -1 : (ka > kb);
}

static guint64
milestone_key (const ImpactMilestone *m,
               guint                  index)
{
  /* the year biased to 0..65535 (any gint16 keeps its order), then month
   * and day: 32 bits that compare as impact_date_compare() does */
  guint32 date = ((guint32) (m->date.year + 32768) << 16) | ((guint32) m->date.month << 8) | m->date.day;

  return ((guint64) date << 32) | index;
}

const guint *
impact_document_get_milestone_order (ImpactDocument *self,
                                     guint          *n_out)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);

  if (self->milestone_order == NULL || self->milestone_order_len != self->milestones->len)
    {
      guint n = self->milestones->len;

      g_autofree guint64 *keys = g_new (guint64, MAX (n, 1));

      for (guint i = 0; i < n; i++)
        keys[i] = milestone_key (g_ptr_array_index (self->milestones, i), i);
      g_qsort_with_data (keys, n, sizeof (guint64), compare_keys, NULL);
      g_free (self->milestone_order);
      self->milestone_order = g_new (guint, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        self->milestone_order[i] = (guint) (keys[i] & G_MAXUINT32);
      self->milestone_order_len = n;
    }
  if (n_out)
    *n_out = self->milestone_order_len;
  return self->milestone_order;
}

gboolean
impact_document_locate (ImpactDocument *self,
                        const char     *path,
                        guint          *line,
                        guint          *column)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), FALSE);

  if (self->source_map == NULL)
    return FALSE;
  return impact_source_map_locate (self->source_map, path, line, column);
}

void
impact_document_locate_diagnostics (ImpactDocument    *self,
                                    ImpactDiagnostics *diagnostics,
                                    const char        *file_name)
{
  g_return_if_fail (IMPACT_IS_DOCUMENT (self));
  g_return_if_fail (diagnostics != NULL);

  for (guint i = 0; i < impact_diagnostics_get_n_items (diagnostics); i++)
    {
      ImpactDiagnostic *diag = (ImpactDiagnostic *) impact_diagnostics_get_item (diagnostics, i);
      guint line, column;

      if (diag->line != 0 || diag->path == NULL || diag->file != NULL)
        continue;
      if (!impact_document_locate (self, diag->path, &line, &column))
        continue;
      diag->file = g_strdup (file_name);
      diag->line = line;
      diag->column = column;
    }
}

GBytes *
impact_document_get_source_text (ImpactDocument *self)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);
  return self->source_map ? impact_source_map_get_text (self->source_map) : NULL;
}

/* Copies */

static JsonObject *
dup_json (JsonObject *object)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) copy = NULL;

  if (object == NULL)
    return NULL;
  /* Serialise-free deep copy: json_node_copy() only shares children */
  node = json_node_init_object (json_node_alloc (), object);
  copy = impact_json_node_deep_copy (node);
  return json_object_ref (json_node_get_object (copy));
}

JsonNode *
impact_json_node_deep_copy (JsonNode *node)
{
  JsonNode *copy;

  if (node == NULL)
    return NULL;
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObject *out = json_object_new ();
        g_autoptr(GList) names = json_object_get_members (object);

        for (const GList *l = names; l != NULL; l = l->next)
          json_object_set_member (out, l->data,
                                  impact_json_node_deep_copy (json_object_get_member (object, l->data)));
        copy = json_node_init_object (json_node_alloc (), out);
        json_object_unref (out);
        return copy;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        JsonArray *out = json_array_sized_new (json_array_get_length (array));

        for (guint i = 0; i < json_array_get_length (array); i++)
          json_array_add_element (out, impact_json_node_deep_copy (json_array_get_element (array, i)));
        copy = json_node_init_array (json_node_alloc (), out);
        json_array_unref (out);
        return copy;
      }
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

static ImpactSource *
source_copy (const ImpactSource *source)
{
  return source ? impact_source_new (source->title, source->url) : NULL;
}

ImpactStatistic *
impact_statistic_copy (const ImpactStatistic *stat)
{
  ImpactStatistic *copy = impact_statistic_new ();

  copy->value = stat->value;
  copy->decimals = stat->decimals;
  copy->prefix = g_strdup (stat->prefix);
  copy->suffix = g_strdup (stat->suffix);
  copy->qualifier = g_strdup (stat->qualifier);
  copy->scale = g_strdup (stat->scale);
  copy->label = g_strdup (stat->label);
  copy->icon = g_strdup (stat->icon);
  copy->source = source_copy (stat->source);
  copy->derive_metric = g_strdup (stat->derive_metric);
  copy->derive_since = stat->derive_since;
  copy->derive_base = stat->derive_base;
  copy->value_fixed = stat->value_fixed;
  copy->json = dup_json (stat->json);
  return copy;
}

ImpactFact *
impact_fact_copy (const ImpactFact *fact)
{
  ImpactFact *copy = impact_fact_new ();

  copy->text = g_strdup (fact->text);
  copy->source = source_copy (fact->source);
  copy->json = dup_json (fact->json);
  return copy;
}

ImpactPillar *
impact_pillar_copy (const ImpactPillar *pillar)
{
  ImpactPillar *copy = impact_pillar_new ();

  copy->lead = g_strdup (pillar->lead);
  copy->text = g_strdup (pillar->text);
  copy->icon = g_strdup (pillar->icon);
  copy->json = dup_json (pillar->json);
  return copy;
}

ImpactMilestone *
impact_milestone_copy (const ImpactMilestone *milestone)
{
  ImpactMilestone *copy = impact_milestone_new ();

  copy->date = milestone->date;
  copy->title = g_strdup (milestone->title);
  copy->description = g_strdup (milestone->description);
  copy->category = g_strdup (milestone->category);
  copy->highlight = milestone->highlight;
  for (guint i = 0; i < milestone->metrics->len; i++)
    {
      const ImpactMetric *metric = &g_array_index (milestone->metrics, ImpactMetric, i);

      impact_milestone_add_metric (copy, metric->name, metric->value);
    }
  copy->json = dup_json (milestone->json);
  return copy;
}

ImpactEra *
impact_era_copy (const ImpactEra *era)
{
  ImpactEra *copy = impact_era_new ();

  copy->start = era->start;
  copy->end = era->end;
  copy->title = g_strdup (era->title);
  copy->category = g_strdup (era->category);
  copy->json = dup_json (era->json);
  return copy;
}

/* Whole-document moves */

#define SWAP(a, b) G_STMT_START { __typeof__ (a) tmp_ = (a); (a) = (b); (b) = tmp_; } G_STMT_END

void
impact_document_take_contents (ImpactDocument *self,
                               ImpactDocument *other)
{
  g_return_if_fail (IMPACT_IS_DOCUMENT (self));
  g_return_if_fail (IMPACT_IS_DOCUMENT (other));

  SWAP (self->source_map, other->source_map);
  SWAP (self->format, other->format);
  SWAP (self->office, other->office);
  SWAP (self->title, other->title);
  SWAP (self->subtitle, other->subtitle);
  SWAP (self->language, other->language);
  SWAP (self->digits, other->digits);
  SWAP (self->pages, other->pages);
  SWAP (self->statistics_heading, other->statistics_heading);
  SWAP (self->facts_heading, other->facts_heading);
  SWAP (self->approach_heading, other->approach_heading);
  SWAP (self->milestones_heading, other->milestones_heading);
  SWAP (self->organisation, other->organisation);
  SWAP (self->theme, other->theme);
  SWAP (self->problem, other->problem);
  SWAP (self->footer, other->footer);
  SWAP (self->quote, other->quote);
  SWAP (self->profile, other->profile);
  SWAP (self->statistics, other->statistics);
  SWAP (self->facts, other->facts);
  SWAP (self->pillars, other->pillars);
  SWAP (self->milestones, other->milestones);
  SWAP (self->eras, other->eras);
  SWAP (self->charts, other->charts);
  SWAP (self->brand, other->brand);
  SWAP (self->brand_values, other->brand_values);
  g_clear_pointer (&self->milestone_order, g_free);
  self->milestone_order_len = 0;
  g_clear_pointer (&other->milestone_order, g_free);
  other->milestone_order_len = 0;
}

#undef SWAP

/* Lists */

GPtrArray *
impact_document_get_list (ImpactDocument *self,
                          ImpactList      list)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);

  switch (list)
    {
    case IMPACT_LIST_STATISTICS: return self->statistics;
    case IMPACT_LIST_FACTS:      return self->facts;
    case IMPACT_LIST_PILLARS:    return self->pillars;
    case IMPACT_LIST_MILESTONES: return self->milestones;
    case IMPACT_LIST_ERAS:       return self->eras;
    default:                     g_return_val_if_reached (NULL);
    }
}

gpointer
impact_document_insert_item (ImpactDocument *self,
                             ImpactList      list,
                             int             position)
{
  GPtrArray *array = impact_document_get_list (self, list);
  gpointer item = NULL;
  GDateTime *now;

  g_return_val_if_fail (array != NULL, NULL);

  switch (list)
    {
    case IMPACT_LIST_STATISTICS:
      {
        ImpactStatistic *stat = impact_statistic_new ();

        stat->label = g_strdup (_("what the number counts"));
        item = stat;
      }
      break;
    case IMPACT_LIST_FACTS:
      {
        ImpactFact *fact = impact_fact_new ();

        fact->text = g_strdup (_("A short fact with its **key figure** in bold."));
        item = fact;
      }
      break;
    case IMPACT_LIST_PILLARS:
      {
        ImpactPillar *pillar = impact_pillar_new ();

        pillar->lead = g_strdup (_("We do something"));
        pillar->text = g_strdup (_("by explaining how, in one sentence."));
        item = pillar;
      }
      break;
    case IMPACT_LIST_MILESTONES:
      {
        ImpactMilestone *milestone = impact_milestone_new ();

        now = g_date_time_new_now_local ();
        milestone->date.year = (gint16) g_date_time_get_year (now);
        g_date_time_unref (now);
        milestone->title = g_strdup (_("New milestone"));
        item = milestone;
      }
      break;
    case IMPACT_LIST_ERAS:
      {
        ImpactEra *era = impact_era_new ();

        now = g_date_time_new_now_local ();
        era->start.year = era->end.year = (gint16) g_date_time_get_year (now);
        g_date_time_unref (now);
        era->title = g_strdup (_("New era"));
        item = era;
      }
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  if (position < 0 || (guint) position > array->len)
    position = (int) array->len;
  g_ptr_array_insert (array, position, item);
  return item;
}

gpointer
impact_document_duplicate_item (ImpactDocument *self,
                                ImpactList      list,
                                guint           index)
{
  GPtrArray *array = impact_document_get_list (self, list);
  gpointer item, copy = NULL;

  g_return_val_if_fail (array != NULL && index < array->len, NULL);

  item = g_ptr_array_index (array, index);
  switch (list)
    {
    case IMPACT_LIST_STATISTICS: copy = impact_statistic_copy (item); break;
    case IMPACT_LIST_FACTS:      copy = impact_fact_copy (item); break;
    case IMPACT_LIST_PILLARS:    copy = impact_pillar_copy (item); break;
    case IMPACT_LIST_MILESTONES: copy = impact_milestone_copy (item); break;
    case IMPACT_LIST_ERAS:       copy = impact_era_copy (item); break;
    default:                     g_return_val_if_reached (NULL);
    }
  g_ptr_array_insert (array, (int) index + 1, copy);
  return copy;
}

void
impact_document_remove_item (ImpactDocument *self,
                             ImpactList      list,
                             guint           index)
{
  GPtrArray *array = impact_document_get_list (self, list);

  g_return_if_fail (array != NULL && index < array->len);
  g_ptr_array_remove_index (array, index);
}

void
impact_document_move_item (ImpactDocument *self,
                           ImpactList      list,
                           guint           from,
                           guint           to)
{
  GPtrArray *array = impact_document_get_list (self, list);
  gpointer item;

  g_return_if_fail (array != NULL && from < array->len && to < array->len);

  if (from == to)
    return;
  item = g_ptr_array_steal_index (array, from);
  g_ptr_array_insert (array, (int) to, item);
}

/* Derived statistics */

gboolean
impact_document_sum_derived (ImpactDocument        *self,
                             const ImpactStatistic *stat,
                             gint64                *out_sum)
{
  const gint64 cap = (gint64) IMPACT_STATISTIC_MAX_VALUE;
  double since = -G_MAXDOUBLE;
  gint64 sum;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (stat != NULL, FALSE);
  g_return_val_if_fail (out_sum != NULL, FALSE);

  *out_sum = 0;
  if (stat->derive_metric == NULL)
    return TRUE;
  if (impact_date_is_valid (&stat->derive_since))
    impact_date_get_span (&stat->derive_since, &since, NULL);

  /* every term is at least 0 and, once the sum passes the cap, the sum
   * stops: no addition can overflow */
  sum = CLAMP (stat->derive_base, 0, cap + 1);
  for (guint i = 0; i < self->milestones->len && sum <= cap; i++)
    {
      const ImpactMilestone *milestone = g_ptr_array_index (self->milestones, i);
      double start = 0;

      if (!impact_date_is_valid (&milestone->date))
        continue;
      impact_date_get_span (&milestone->date, &start, NULL);
      if (start < since)
        continue;
      sum += impact_milestone_get_metric (milestone, stat->derive_metric);
    }
  *out_sum = MIN (sum, cap);
  return sum <= cap;
}

gint64
impact_document_compute_derived (ImpactDocument        *self,
                                 const ImpactStatistic *stat)
{
  gint64 sum = 0;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (stat != NULL, 0);

  impact_document_sum_derived (self, stat, &sum);
  return sum;
}

gboolean
impact_document_update_derived (ImpactDocument *self)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), FALSE);

  for (guint i = 0; i < self->statistics->len; i++)
    {
      ImpactStatistic *stat = g_ptr_array_index (self->statistics, i);
      double value;

      if (stat->derive_metric == NULL || stat->value_fixed)
        continue;
      value = (double) impact_document_compute_derived (self, stat);
      if (value != stat->value)
        {
          stat->value = value;
          stat->decimals = 0;
          changed = TRUE;
        }
    }
  return changed;
}

ImpactDocument *
impact_document_copy (ImpactDocument *self)
{
  ImpactDocument *copy;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);

  copy = impact_document_new ();
  g_set_object (&copy->file, self->file);
  impact_document_set_source_map (copy, self->source_map);
  impact_document_set_format (copy, self->format);
  impact_document_set_office (copy, self->office);
  impact_document_set_title (copy, self->title);
  impact_document_set_subtitle (copy, self->subtitle);
  impact_document_set_language (copy, self->language);
  impact_document_set_digits (copy, self->digits);
  impact_document_set_pages (copy, self->pages);
  impact_document_set_statistics_heading (copy, self->statistics_heading);
  impact_document_set_facts_heading (copy, self->facts_heading);
  impact_document_set_approach_heading (copy, self->approach_heading);
  impact_document_set_milestones_heading (copy, self->milestones_heading);
  impact_document_set_brand (copy, self->brand, self->brand_values);

  copy->organisation.name = g_strdup (self->organisation.name);
  copy->organisation.short_name = g_strdup (self->organisation.short_name);
  copy->organisation.website = g_strdup (self->organisation.website);
  g_strfreev (copy->organisation.address);
  copy->organisation.address = g_strdupv (self->organisation.address);
  if (copy->organisation.address == NULL)
    copy->organisation.address = g_new0 (char *, 1);
  copy->organisation.phone = g_strdup (self->organisation.phone);
  copy->organisation.fax = g_strdup (self->organisation.fax);
  copy->organisation.email = g_strdup (self->organisation.email);
  copy->organisation.logo = g_strdup (self->organisation.logo);
  copy->organisation.logo_alt = g_strdup (self->organisation.logo_alt);

  copy->theme.template_name = g_strdup (self->theme.template_name);
  copy->theme.primary = g_strdup (self->theme.primary);
  copy->theme.accent = g_strdup (self->theme.accent);
  copy->theme.text = g_strdup (self->theme.text);
  copy->theme.background = g_strdup (self->theme.background);
  copy->theme.heading_font = g_strdup (self->theme.heading_font);
  copy->theme.body_font = g_strdup (self->theme.body_font);

  copy->problem.kicker = g_strdup (self->problem.kicker);
  copy->problem.heading = g_strdup (self->problem.heading);
  copy->problem.body = g_strdup (self->problem.body);
  copy->footer.about = g_strdup (self->footer.about);
  copy->footer.disclaimer = g_strdup (self->footer.disclaimer);
  copy->footer.copyright = g_strdup (self->footer.copyright);

  if (self->quote != NULL)
    {
      copy->quote = impact_quote_new ();
      copy->quote->text = g_strdup (self->quote->text);
      copy->quote->attribution = g_strdup (self->quote->attribution);
      copy->quote->role = g_strdup (self->quote->role);
      copy->quote->pseudonym = self->quote->pseudonym;
    }
  if (self->profile != NULL)
    {
      copy->profile = impact_profile_new ();
      copy->profile->name = g_strdup (self->profile->name);
      copy->profile->role = g_strdup (self->profile->role);
      copy->profile->biography = g_strdup (self->profile->biography);
      copy->profile->photo = g_strdup (self->profile->photo);
      copy->profile->photo_alt = g_strdup (self->profile->photo_alt);
    }

  for (guint i = 0; i < self->statistics->len; i++)
    g_ptr_array_add (copy->statistics, impact_statistic_copy (g_ptr_array_index (self->statistics, i)));
  for (guint i = 0; i < self->facts->len; i++)
    g_ptr_array_add (copy->facts, impact_fact_copy (g_ptr_array_index (self->facts, i)));
  for (guint i = 0; i < self->pillars->len; i++)
    g_ptr_array_add (copy->pillars, impact_pillar_copy (g_ptr_array_index (self->pillars, i)));
  for (guint i = 0; i < self->milestones->len; i++)
    g_ptr_array_add (copy->milestones, impact_milestone_copy (g_ptr_array_index (self->milestones, i)));
  for (guint i = 0; i < self->eras->len; i++)
    g_ptr_array_add (copy->eras, impact_era_copy (g_ptr_array_index (self->eras, i)));
  for (guint i = 0; i < self->charts->len; i++)
    g_ptr_array_add (copy->charts, impact_chart_spec_copy (g_ptr_array_index (self->charts, i)));
  return copy;
}

char *
impact_document_suggest_file_name (ImpactDocument *self)
{
  g_autoptr(GString) name = g_string_new (NULL);
  const char *office;
  guint n_chars = 0;

  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);

  office = self->office != NULL ? self->office : "";
  for (const char *p = office; *p != '\0' && n_chars < 100; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean space = g_unichar_isspace (c) || g_unichar_iscntrl (c) || strchr ("/\\:*?\"<>|", (int) c) != NULL;

      if (space)
        {
          if (name->len > 0 && name->str[name->len - 1] != ' ')
            {
              g_string_append_c (name, ' ');
              n_chars++;
            }
          continue;
        }
      if (name->len == 0 && c == '.')
        continue;
      g_string_append_unichar (name, c);
      n_chars++;
    }
  while (name->len > 0 && name->str[name->len - 1] == ' ')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    /* Translators: the file name of a new sheet without an office name */
    g_string_assign (name, _("fact-sheet"));
  g_string_append (name, ".json");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* Charts */

ImpactChartSpec *
impact_chart_spec_new (void)
{
  ImpactChartSpec *spec = g_new0 (ImpactChartSpec, 1);

  spec->points = g_array_new (FALSE, TRUE, sizeof (ImpactChartPoint));
  spec->statistic = -1;
  return spec;
}

void
impact_chart_spec_free (ImpactChartSpec *spec)
{
  if (spec == NULL)
    return;
  g_free (spec->label);
  for (guint i = 0; i < spec->points->len; i++)
    g_free (g_array_index (spec->points, ImpactChartPoint, i).label);
  g_array_unref (spec->points);
  g_free (spec->derive_metric);
  g_clear_pointer (&spec->json, json_object_unref);
  g_free (spec);
}

void
impact_chart_spec_add_point (ImpactChartSpec *spec,
                             const char      *label,
                             double           value)
{
  ImpactChartPoint point = { g_strdup (label), value };

  g_return_if_fail (spec != NULL);
  g_array_append_val (spec->points, point);
}

void
impact_chart_spec_add_gap (ImpactChartSpec *spec,
                           const char      *label)
{
  ImpactChartPoint point = { g_strdup (label), 0, TRUE };

  g_return_if_fail (spec != NULL);
  g_array_append_val (spec->points, point);
}

ImpactChartSpec *
impact_chart_spec_copy (const ImpactChartSpec *spec)
{
  ImpactChartSpec *copy = impact_chart_spec_new ();

  copy->label = g_strdup (spec->label);
  copy->kind = spec->kind;
  for (guint i = 0; i < spec->points->len; i++)
    {
      const ImpactChartPoint *point = &g_array_index (spec->points, ImpactChartPoint, i);

      if (point->missing)
        impact_chart_spec_add_gap (copy, point->label);
      else
        impact_chart_spec_add_point (copy, point->label, point->value);
    }
  copy->derive_metric = g_strdup (spec->derive_metric);
  copy->derive_per = spec->derive_per;
  copy->derive_cumulative = spec->derive_cumulative;
  copy->statistic = spec->statistic;
  copy->json = dup_json (spec->json);
  return copy;
}

GPtrArray *
impact_document_get_charts (ImpactDocument *self)
{
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (self), NULL);
  return self->charts;
}

gint64
impact_milestone_get_metric (const ImpactMilestone *milestone,
                             const char            *name)
{
  const gint64 cap = (gint64) IMPACT_STATISTIC_MAX_VALUE;
  gint64 sum = 0;

  /* each term is at most cap + 1 and the sum stops past the cap */
  for (guint j = 0; j < milestone->metrics->len && sum <= cap; j++)
    {
      const ImpactMetric *metric = &g_array_index (milestone->metrics, ImpactMetric, j);

      if (g_strcmp0 (metric->name, name) == 0)
        sum += CLAMP (metric->value, 0, cap + 1);
    }
  return MIN (sum, cap + 1);
}
