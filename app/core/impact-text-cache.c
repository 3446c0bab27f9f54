/* impact-text-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-text-cache"

#include "impact-text-cache.h"

#include <stdlib.h>
#include <string.h>

#include "impact-fonts.h"

#define DEFAULT_MAX_ENTRIES 1024

/* Up to this many layouts of one text: the same text can be placed twice
 * in one pass (an attempt at a scale kept while the next is made) */
#define SLOTS 4

typedef struct
{
  PangoLayout *layout;
  guint        serial;     /* the layout's serial when it was made */
  guint        lent_pass;  /* the last pass that made or took it */
} Slot;

typedef struct
{
  Slot  slots[SLOTS];
  guint n_slots;
  guint lent_pass;         /* the latest of the slots' */
} Entry;

/* A layout made in this pass that is not in the cache (its key's slots
 * were full) */
typedef struct
{
  char        *key;
  PangoLayout *layout;
  guint        serial;
} Extra;

struct _ImpactTextCache
{
  GObject          parent_instance;

  GHashTable      *entries;   /* key → Entry */
  GHashTable      *changed;   /* keys whose layouts were seen changed after they were made */
  GArray          *extras;    /* of Extra, this pass */
  guint            max_entries;
  guint            pass;
  gboolean         active;
  ImpactTextCache *previous;  /* the thread's cache before begin() */
  guint64          hits;
  guint64          misses;
};

G_DEFINE_FINAL_TYPE (ImpactTextCache, impact_text_cache, G_TYPE_OBJECT)

static GPrivate current_key;
/* IMPACT_TEXT_CACHE=1: one per thread, always current */
static GPrivate env_cache_key = G_PRIVATE_INIT (g_object_unref);

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  for (guint i = 0; i < entry->n_slots; i++)
    g_object_unref (entry->slots[i].layout);
  g_free (entry);
}

static void
extra_clear (gpointer data)
{
  Extra *extra = data;

  g_free (extra->key);
  g_object_unref (extra->layout);
}

static void
impact_text_cache_finalize (GObject *object)
{
  ImpactTextCache *self = IMPACT_TEXT_CACHE (object);

  g_hash_table_unref (self->entries);
  g_hash_table_unref (self->changed);
  g_array_unref (self->extras);
  G_OBJECT_CLASS (impact_text_cache_parent_class)->finalize (object);
}

static void
impact_text_cache_class_init (ImpactTextCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = impact_text_cache_finalize;
}

static void
impact_text_cache_init (ImpactTextCache *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  self->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->extras = g_array_new (FALSE, FALSE, sizeof (Extra));
  g_array_set_clear_func (self->extras, extra_clear);
  self->pass = 1;
}

ImpactTextCache *
impact_text_cache_new (guint max_entries)
{
  ImpactTextCache *self = g_object_new (IMPACT_TYPE_TEXT_CACHE, NULL);

  self->max_entries = max_entries > 0 ? max_entries : DEFAULT_MAX_ENTRIES;
  return self;
}

static void
note_changed (ImpactTextCache *self,
              const char      *key)
{
  /* bounded like the entries: a key forgotten is treated as one never
   * seen changed, until it is seen again (impact-text-cache.h) */
  if (g_hash_table_size (self->changed) >= self->max_entries)
    g_hash_table_remove_all (self->changed);
  g_hash_table_add (self->changed, g_strdup (key));
}

static void
drop_slot (Entry *entry,
           guint  i)
{
  g_object_unref (entry->slots[i].layout);
  entry->slots[i] = entry->slots[--entry->n_slots];
}

/* Layouts someone changed after they were made are not what the key
 * says: dropped, and the key remembered */
static void
drop_changed (ImpactTextCache *self,
              const char      *key,
              Entry           *entry)
{
  for (guint i = 0; i < entry->n_slots; )
    if (pango_layout_get_serial (entry->slots[i].layout) != entry->slots[i].serial)
      {
        note_changed (self, key);
        drop_slot (entry, i);
      }
    else
      i++;
}

typedef struct
{
  const char *key;
  guint       lent_pass;
} Age;

static int
compare_age (const void *a,
             const void *b)
{
  const Age *x = a, *y = b;

  return x->lent_pass < y->lent_pass ? -1 : x->lent_pass > y->lent_pass;
}

/* The end of a pass: layouts changed after they were made are dropped and
 * their keys remembered; the oldest entries go when there are too many */
static void
finish_pass (ImpactTextCache *self)
{
  GHashTableIter iter;
  gpointer key, value;
  guint n;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Entry *entry = value;

      if (entry->lent_pass != self->pass)
        continue;
      drop_changed (self, key, entry);
      if (entry->n_slots == 0)
        g_hash_table_iter_remove (&iter);
    }
  for (guint i = 0; i < self->extras->len; i++)
    {
      Extra *extra = &g_array_index (self->extras, Extra, i);

      if (pango_layout_get_serial (extra->layout) != extra->serial)
        note_changed (self, extra->key);
    }
  g_array_set_size (self->extras, 0);

  n = g_hash_table_size (self->entries);
  if (n > self->max_entries)
    {
      g_autofree Age *ages = g_new (Age, n);
      guint i = 0, drop = n - self->max_entries * 3 / 4;

      g_hash_table_iter_init (&iter, self->entries);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          ages[i].key = key;
          ages[i].lent_pass = ((Entry *) value)->lent_pass;
          i++;
        }
      qsort (ages, n, sizeof (Age), compare_age);
      for (i = 0; i < drop; i++)
        g_hash_table_remove (self->entries, ages[i].key);
    }
  self->pass++;
}

void
impact_text_cache_begin (ImpactTextCache *self)
{
  g_return_if_fail (IMPACT_IS_TEXT_CACHE (self));
  g_return_if_fail (!self->active);

  self->active = TRUE;
  self->previous = g_private_get (&current_key);
  g_private_set (&current_key, self);
}

void
impact_text_cache_end (ImpactTextCache *self)
{
  g_return_if_fail (IMPACT_IS_TEXT_CACHE (self));
  g_return_if_fail (self->active);
  g_return_if_fail (g_private_get (&current_key) == self);

  finish_pass (self);
  g_private_set (&current_key, self->previous);
  self->previous = NULL;
  self->active = FALSE;
}

void
impact_text_cache_clear (ImpactTextCache *self)
{
  g_return_if_fail (IMPACT_IS_TEXT_CACHE (self));

  g_hash_table_remove_all (self->entries);
  g_hash_table_remove_all (self->changed);
  g_array_set_size (self->extras, 0);
}

guint
impact_text_cache_get_n_entries (ImpactTextCache *self)
{
  g_return_val_if_fail (IMPACT_IS_TEXT_CACHE (self), 0);

  return g_hash_table_size (self->entries);
}

void
impact_text_cache_get_counts (ImpactTextCache *self,
                              guint64         *hits,
                              guint64         *misses)
{
  g_return_if_fail (IMPACT_IS_TEXT_CACHE (self));

  if (hits)
    *hits = self->hits;
  if (misses)
    *misses = self->misses;
}

static gboolean
env_enabled (void)
{
  static gsize once = 0;
  static gboolean enabled = FALSE;

  if (g_once_init_enter (&once))
    {
      const char *value = g_getenv ("IMPACT_TEXT_CACHE");

      enabled = value != NULL && g_strcmp0 (value, "0") != 0 && *value != '\0';
      g_once_init_leave (&once, 1);
    }
  return enabled;
}

ImpactTextCache *
impact_text_cache_get_current (void)
{
  ImpactTextCache *cache = g_private_get (&current_key);

  if (cache == NULL && env_enabled ())
    {
      cache = g_private_get (&env_cache_key);
      if (cache == NULL)
        {
          cache = impact_text_cache_new (0);
          g_private_set (&env_cache_key, cache);
        }
    }
  return cache;
}

void
impact_text_cache_context_created (void)
{
  ImpactTextCache *cache;

  if (!env_enabled () || g_private_get (&current_key) != NULL)
    return;
  cache = impact_text_cache_get_current ();
  finish_pass (cache);
}

char *
impact_text_cache_make_key (PangoContext          *context,
                            const ImpactTextStyle *style,
                            const char            *text,
                            gboolean               rich,
                            double                 width,
                            const ImpactTextDecoration *decoration)
{
  PangoLanguage *language = pango_context_get_language (context);
  GString *key = g_string_sized_new (96 + (text ? strlen (text) : 0));

  /* %a: doubles exactly; \x1f never occurs in a family or language name */
  g_string_append_printf (key, "%u\x1f%u\x1f%s\x1f%d\x1f%d\x1f%a\x1f%a\x1f%a\x1f%d\x1f%d\x1f%d\x1f%a\x1f%s\x1f",
                          pango_font_map_get_serial (pango_context_get_font_map (context)),
                          impact_fonts_get_serial (),
                          style->family ? style->family : "",
                          (int) style->weight,
                          (int) style->style,
                          style->size,
                          style->line_height,
                          style->letter_spacing,
                          style->uppercase ? 1 : 0,
                          (int) style->align,
                          rich ? 1 : 0,
                          width,
                          language ? pango_language_to_string (language) : "");
  if (decoration != NULL)
    g_string_append_printf (key, "%u,%u,%u,%u\x1f%s\x1f%u,%u,%u\x1f",
                            decoration->prefix_bytes, decoration->prefix_red,
                            decoration->prefix_green, decoration->prefix_blue,
                            decoration->mark ? decoration->mark : "\x1e",
                            decoration->mark_red, decoration->mark_green, decoration->mark_blue);
  else
    g_string_append (key, "-\x1f");
  if (text != NULL)
    g_string_append (key, text);
  return g_string_free (key, FALSE);
}

PangoLayout *
impact_text_cache_lookup (ImpactTextCache *self,
                          const char      *key)
{
  Entry *entry;
  gboolean changed;

  g_return_val_if_fail (IMPACT_IS_TEXT_CACHE (self), NULL);

  entry = g_hash_table_lookup (self->entries, key);
  if (entry == NULL)
    {
      self->misses++;
      return NULL;
    }
  drop_changed (self, key, entry);
  changed = g_hash_table_contains (self->changed, key);
  for (guint i = 0; i < entry->n_slots; i++)
    {
      Slot *slot = &entry->slots[i];

      /* nobody holds it; or only display lists of earlier passes, and no
       * caller of this key changes its layouts */
      if (G_OBJECT (slot->layout)->ref_count == 1 ||
          (slot->lent_pass != self->pass && !changed))
        {
          slot->lent_pass = entry->lent_pass = self->pass;
          self->hits++;
          return g_object_ref (slot->layout);
        }
    }
  if (entry->n_slots == 0)
    g_hash_table_remove (self->entries, key);
  self->misses++;
  return NULL;
}

void
impact_text_cache_insert (ImpactTextCache *self,
                          const char      *key,
                          PangoLayout     *layout)
{
  Entry *entry;

  g_return_if_fail (IMPACT_IS_TEXT_CACHE (self));
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  entry = g_hash_table_lookup (self->entries, key);
  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      g_hash_table_insert (self->entries, g_strdup (key), entry);
    }
  if (entry->n_slots < SLOTS)
    {
      Slot *slot = &entry->slots[entry->n_slots++];

      slot->layout = g_object_ref (layout);
      slot->serial = pango_layout_get_serial (layout);
      slot->lent_pass = entry->lent_pass = self->pass;
    }
  else
    {
      Extra extra = { g_strdup (key), g_object_ref (layout), pango_layout_get_serial (layout) };

      g_array_append_val (self->extras, extra);
    }
}
