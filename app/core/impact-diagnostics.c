/* impact-diagnostics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>

#include "impact-diagnostics.h"

/* A hostile document could produce one error per array element: keep the
 * list bounded and say how many were left out. */
#define MAX_DIAGNOSTICS 500

struct _ImpactDiagnostics
{
  GPtrArray *items;
  guint      dropped;
};

static void
diagnostic_free (gpointer data)
{
  ImpactDiagnostic *diag = data;

  g_free (diag->file);
  g_free (diag->path);
  g_free (diag->message);
  g_free (diag);
}

static ImpactDiagnostic *
diagnostic_copy (const ImpactDiagnostic *diag)
{
  ImpactDiagnostic *copy = g_new0 (ImpactDiagnostic, 1);

  *copy = *diag;
  copy->file = g_strdup (diag->file);
  copy->path = g_strdup (diag->path);
  copy->message = g_strdup (diag->message);
  return copy;
}

ImpactDiagnostics *
impact_diagnostics_new (void)
{
  ImpactDiagnostics *self = g_new0 (ImpactDiagnostics, 1);

  self->items = g_ptr_array_new_with_free_func (diagnostic_free);
  return self;
}

void
impact_diagnostics_free (ImpactDiagnostics *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->items);
  g_free (self);
}

static void
append (ImpactDiagnostics *self,
        ImpactDiagnostic  *diag)
{
  if (self->items->len >= MAX_DIAGNOSTICS)
    {
      self->dropped++;
      diagnostic_free (diag);
      return;
    }
  g_ptr_array_add (self->items, diag);
}

void
impact_diagnostics_add (ImpactDiagnostics *self,
                        ImpactSeverity     severity,
                        const char        *file,
                        guint              line,
                        guint              column,
                        const char        *path,
                        const char        *format,
                        ...)
{
  ImpactDiagnostic *diag;
  va_list args;

  g_return_if_fail (self != NULL);
  g_return_if_fail (format != NULL);

  diag = g_new0 (ImpactDiagnostic, 1);
  diag->severity = severity;
  diag->file = g_strdup (file);
  diag->line = line;
  diag->column = column;
  diag->path = (path && *path) ? g_strdup (path) : NULL;
  va_start (args, format);
  diag->message = g_strdup_vprintf (format, args);
  va_end (args);
  append (self, diag);
}

guint
impact_diagnostics_get_n_items (ImpactDiagnostics *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->items->len;
}

const ImpactDiagnostic *
impact_diagnostics_get_item (ImpactDiagnostics *self,
                             guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return g_ptr_array_index (self->items, index);
}

guint
impact_diagnostics_count (ImpactDiagnostics *self,
                          ImpactSeverity     severity)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  for (guint i = 0; i < self->items->len; i++)
    {
      const ImpactDiagnostic *diag = g_ptr_array_index (self->items, i);
      if (diag->severity == severity)
        n++;
    }
  return n;
}

guint
impact_diagnostics_get_n_dropped (ImpactDiagnostics *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->dropped;
}

void
impact_diagnostics_clear (ImpactDiagnostics *self)
{
  g_return_if_fail (self != NULL);
  g_ptr_array_set_size (self->items, 0);
  self->dropped = 0;
}

void
impact_diagnostics_extend (ImpactDiagnostics *self,
                           ImpactDiagnostics *other)
{
  g_return_if_fail (self != NULL);
  if (other == NULL)
    return;
  for (guint i = 0; i < other->items->len; i++)
    append (self, diagnostic_copy (g_ptr_array_index (other->items, i)));
  self->dropped += other->dropped;
}

char *
impact_diagnostic_to_string (const ImpactDiagnostic *diag)
{
  GString *s = g_string_new (NULL);

  if (diag->file)
    {
      g_string_append (s, diag->file);
      if (diag->line > 0)
        g_string_append_printf (s, ":%u:%u", diag->line, MAX (diag->column, 1));
      g_string_append (s, ": ");
    }
  if (diag->path)
    g_string_append_printf (s, "%s: ", diag->path);
  g_string_append (s, diag->message);
  return g_string_free (s, FALSE);
}

char *
impact_diagnostics_to_string (ImpactDiagnostics *self,
                              ImpactSeverity     severity)
{
  GString *s = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; i < self->items->len; i++)
    {
      const ImpactDiagnostic *diag = g_ptr_array_index (self->items, i);
      g_autofree char *line = NULL;

      if (diag->severity != severity)
        continue;
      line = impact_diagnostic_to_string (diag);
      if (s == NULL)
        s = g_string_new (line);
      else
        g_string_append_printf (s, "\n%s", line);
    }
  if (s != NULL && self->dropped > 0)
    g_string_append_printf (s, "\n(%u more not shown)", self->dropped);
  return s ? g_string_free (s, FALSE) : NULL;
}

typedef struct
{
  ImpactDiagnostic *diag;
  guint             seq;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a, *rb = b;

  if (ra->diag->line != rb->diag->line)
    return ra->diag->line < rb->diag->line ? -1 : 1;
  if (ra->diag->column != rb->diag->column)
    return ra->diag->column < rb->diag->column ? -1 : 1;
  return ra->seq < rb->seq ? -1 : (ra->seq > rb->seq);
}

void
impact_diagnostics_sort (ImpactDiagnostics *self)
{
  g_autofree Ranked *ranked = NULL;
  guint n;

  g_return_if_fail (self != NULL);

  n = self->items->len;
  ranked = g_new (Ranked, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      ranked[i].diag = g_ptr_array_index (self->items, i);
      ranked[i].seq = i;
    }
  qsort (ranked, n, sizeof (Ranked), compare_ranked);
  for (guint i = 0; i < n; i++)
    self->items->pdata[i] = ranked[i].diag;
}
