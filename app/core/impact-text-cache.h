/* impact-text-cache.h: the shaped layouts of texts that did not change
 *
 * An edit in the window lays the whole sheet out again, and most of that
 * time was Pango shaping and breaking texts that are exactly as they were.
 * A text cache keeps the PangoLayouts that impact_text_layout_new() made,
 * keyed by everything that decides their lines: the text, whether it is
 * rich, its decoration (impact-text.h), the style (family, weight, slant, size, line height, tracking,
 * case, alignment), the wrap width, the context's language and the font
 * map (its serial, and the private font configuration's). A later layout
 * that asks for the same text gets the same object, already shaped.
 *
 * Only while a cache is current on the thread (between
 * impact_text_cache_begin() and impact_text_cache_end(): one "pass", the
 * window's re-layout) are layouts taken from it; without one (the command
 * line) every text is shaped anew, as before.
 *
 * A layout may be shared by the display lists of two sheet layouts (the
 * one on screen and the one being made). Some callers change a layout
 * after making it (a chart's label cut to its slot); the cache notices
 * such a change by the layout's serial, drops the changed layout and, for
 * that key, lends a layout only when nobody else holds it. A layout is
 * lent at most once per pass unless nobody holds it. So a change made in
 * one pass can reach a display list of an earlier pass only the first
 * time a key is seen changed; the window replaces that list as soon as
 * the pass ends. Give what a text gets after it is made (a coloured
 * prefix, a mark) to impact_text_layout_new_decorated() instead, and do
 * not hang object data on a layout that another text may share.
 *
 * Bounded: after a pass, the entries unused for the longest are dropped
 * down to three quarters of the limit.
 *
 * IMPACT_TEXT_CACHE=1 in the environment gives every thread a cache of
 * its own with a pass per new text context (each sheet layout starts one),
 * so that the tests can be run with the cache and compared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

#include "impact-text.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_TEXT_CACHE (impact_text_cache_get_type ())
G_DECLARE_FINAL_TYPE (ImpactTextCache, impact_text_cache, IMPACT, TEXT_CACHE, GObject)

/* @max_entries: texts kept at most (up to four layouts each); 0 for the default, 1024 */
ImpactTextCache *impact_text_cache_new         (guint            max_entries);
/* Makes @self the calling thread's cache until impact_text_cache_end() */
void             impact_text_cache_begin       (ImpactTextCache *self);
void             impact_text_cache_end         (ImpactTextCache *self);
/* Drops every layout (a font or theme change) */
void             impact_text_cache_clear       (ImpactTextCache *self);
guint            impact_text_cache_get_n_entries (ImpactTextCache *self);
/* Since the cache was made: texts taken from it and texts shaped anew */
void             impact_text_cache_get_counts  (ImpactTextCache *self,
                                                guint64         *hits,
                                                guint64         *misses);

/* For impact-text.c */
ImpactTextCache *impact_text_cache_get_current (void);
void             impact_text_cache_context_created (void);
char            *impact_text_cache_make_key    (PangoContext          *context,
                                                const ImpactTextStyle *style,
                                                const char            *text,
                                                gboolean               rich,
                                                double                 width,
                                                const ImpactTextDecoration *decoration);
/* A new reference to a layout for @key, or NULL */
PangoLayout     *impact_text_cache_lookup      (ImpactTextCache *self,
                                                const char      *key);
/* @layout was just made for @key; the cache takes a reference of its own */
void             impact_text_cache_insert      (ImpactTextCache *self,
                                                const char      *key,
                                                PangoLayout     *layout);

G_END_DECLS
