/* impact-csv-import.c: milestones or statistics from a spreadsheet (CSV)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "impact-csv-import"

#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "impact-csv-import.h"
#include "impact-error.h"

#define CHUNK 65536

struct _ImpactCsvImport
{
  char            *name;
  ImpactCsvTarget  target;
  char             separator;
  const char      *encoding;
  GArray          *columns;    /* of ImpactCsvColumn */
  GPtrArray       *items;
  GArray          *item_rows;  /* of guint */
  GPtrArray       *eras;       /* of ImpactEra: TimelineJS era rows */
  GArray          *era_rows;   /* of guint */
  GPtrArray       *notes;      /* of char * */
};

/* The rows as libcsv hands them over */
typedef struct
{
  GPtrArray *rows;        /* of GPtrArray of char *; NULL entries: blank rows */
  GPtrArray *current;     /* the row being read */
  int        last_end;    /* the character that ended the previous row */
  gboolean   stop;        /* a cap was hit */
  char      *stop_message;
  guint      stop_column;
} Reader;

/* Column names: the field, the language, the name (casefolded, single
 * spaces). "-" as the field: a TimelineJS column with no place on a sheet. */
typedef struct
{
  const char *field;
  const char *lang;
  const char *word;
} Word;

static const Word milestone_words[] = {
  { "date", "en", "date" }, { "date", "en", "when" }, { "date", "es", "fecha" },
  { "date", "fr", "date" }, { "date", "pt", "data" },
  { "title", "en", "title" }, { "title", "en", "headline" }, { "title", "es", "título" },
  { "title", "es", "titulo" }, { "title", "es", "titular" }, { "title", "fr", "titre" },
  { "title", "pt", "título" }, { "title", "pt", "titulo" },
  { "description", "en", "description" }, { "description", "en", "text" },
  { "description", "es", "descripción" }, { "description", "es", "descripcion" },
  { "description", "es", "texto" }, { "description", "fr", "description" },
  { "description", "fr", "texte" }, { "description", "pt", "descrição" },
  { "description", "pt", "descricao" }, { "description", "pt", "texto" },
  { "category", "en", "category" }, { "category", "en", "group" },
  { "category", "es", "categoría" }, { "category", "es", "categoria" }, { "category", "es", "grupo" },
  { "category", "fr", "catégorie" }, { "category", "fr", "categorie" }, { "category", "fr", "groupe" },
  { "category", "pt", "categoria" }, { "category", "pt", "grupo" },
  { "highlight", "en", "highlight" }, { "highlight", "es", "destacado" },
  { "highlight", "fr", "mise en avant" }, { "highlight", "pt", "destaque" },
  { "year", "en", "year" }, { "year", "es", "año" }, { "year", "fr", "année" },
  { "year", "fr", "annee" }, { "year", "pt", "ano" },
  { "month", "en", "month" }, { "month", "es", "mes" }, { "month", "fr", "mois" },
  { "month", "pt", "mês" },
  { "day", "en", "day" }, { "day", "es", "día" }, { "day", "es", "dia" },
  { "day", "fr", "jour" }, { "day", "pt", "dia" },
  { "type", "en", "type" }, { "type", "es", "tipo" }, { "type", "fr", "type" }, { "type", "pt", "tipo" },
  /* where a row of Type "era" ends */
  { "end_date", "en", "end date" }, { "end_date", "en", "end" }, { "end_date", "es", "fecha final" },
  { "end_date", "es", "fecha de fin" }, { "end_date", "fr", "date de fin" }, { "end_date", "pt", "data final" },
  { "end_year", "en", "end year" }, { "end_year", "es", "año final" }, { "end_year", "fr", "année de fin" },
  { "end_year", "pt", "ano final" },
  { "end_month", "en", "end month" }, { "end_month", "es", "mes final" }, { "end_month", "fr", "mois de fin" },
  { "end_month", "pt", "mês final" },
  { "end_day", "en", "end day" }, { "end_day", "es", "día final" }, { "end_day", "es", "dia final" },
  { "end_day", "fr", "jour de fin" }, { "end_day", "pt", "dia final" },
  /* the rest of TimelineJS's template */
  { "-", "en", "time" }, { "-", "en", "end time" }, { "-", "en", "display date" },
  { "-", "en", "media" }, { "-", "en", "media credit" }, { "-", "en", "media caption" },
  { "-", "en", "media thumbnail" }, { "-", "en", "background" },
};

static const Word statistic_words[] = {
  { "value", "en", "value" }, { "value", "en", "number" }, { "value", "en", "figure" },
  { "value", "es", "valor" }, { "value", "es", "cifra" }, { "value", "es", "número" },
  { "value", "es", "numero" }, { "value", "fr", "valeur" }, { "value", "fr", "chiffre" },
  { "value", "pt", "valor" }, { "value", "pt", "número" }, { "value", "pt", "numero" },
  { "label", "en", "label" }, { "label", "es", "etiqueta" }, { "label", "fr", "libellé" },
  { "label", "fr", "libelle" }, { "label", "fr", "étiquette" }, { "label", "fr", "etiquette" },
  { "label", "pt", "rótulo" }, { "label", "pt", "rotulo" }, { "label", "pt", "legenda" },
  { "prefix", "en", "prefix" }, { "prefix", "es", "prefijo" }, { "prefix", "fr", "préfixe" },
  { "prefix", "fr", "prefixe" }, { "prefix", "pt", "prefixo" },
  { "suffix", "en", "suffix" }, { "suffix", "es", "sufijo" }, { "suffix", "fr", "suffixe" },
  { "suffix", "pt", "sufixo" },
  { "qualifier", "en", "qualifier" }, { "qualifier", "es", "calificador" },
  { "qualifier", "fr", "qualificatif" }, { "qualifier", "pt", "qualificador" },
  { "scale", "en", "scale" }, { "scale", "es", "escala" }, { "scale", "fr", "échelle" },
  { "scale", "fr", "echelle" }, { "scale", "pt", "escala" },
  { "source", "en", "source" }, { "source", "es", "fuente" }, { "source", "fr", "source" },
  { "source", "pt", "fonte" },
  { "source_url", "en", "source url" }, { "source_url", "en", "url" }, { "source_url", "en", "link" },
  { "source_url", "es", "enlace" }, { "source_url", "fr", "lien" }, { "source_url", "pt", "link" },
  { "icon", "en", "icon" }, { "icon", "es", "icono" }, { "icon", "fr", "icône" },
  { "icon", "fr", "icone" }, { "icon", "pt", "ícone" },
};

static void
column_clear (gpointer data)
{
  ImpactCsvColumn *column = data;

  g_free (column->header);
  g_free (column->field);
  g_free (column->note);
}

static void
row_free (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

void
impact_csv_import_free (ImpactCsvImport *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->item_rows, g_array_unref);
  g_clear_pointer (&self->eras, g_ptr_array_unref);
  g_clear_pointer (&self->era_rows, g_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_free (self);
}

/* Decoding */

/* The text as UTF-8 without a byte order mark, or NULL */
static char *
decode (const char  *data,
        gsize        length,
        const char  *name,
        const char **encoding,
        GError     **error)
{
  const guchar *u = (const guchar *) data;
  const char *end = NULL;
  const char *from = NULL;

  if (length >= 2 && u[0] == 0xFF && u[1] == 0xFE)
    from = "UTF-16LE";
  else if (length >= 2 && u[0] == 0xFE && u[1] == 0xFF)
    from = "UTF-16BE";
  if (from != NULL)
    {
      g_autoptr(GError) local = NULL;
      gsize written = 0;
      char *text = g_convert (data + 2, length - 2, "UTF-8", from, NULL, &written, &local);

      if (text == NULL)
        {
          g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_PARSE,
                       _("%s: not valid %s text (%s); save the spreadsheet again as CSV UTF-8"),
                       name, from, local->message);
          return NULL;
        }
      if (strlen (text) != written)
        {
          g_free (text);
          g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_PARSE,
                       _("%s: the text holds a NUL character"), name);
          return NULL;
        }
      *encoding = from;
      return text;
    }

  *encoding = "UTF-8";
  if (length >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      data += 3;
      length -= 3;
      *encoding = "UTF-8 with BOM";
    }
  if (!g_utf8_validate_len (data, length, &end))
    {
      guint row = 1;

      for (const char *p = data; p < end; p++)
        row += *p == '\n';
      if (end < data + length && *end == '\0')
        g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_PARSE,
                     _("%s:%u: the text holds a NUL character"), name, row);
      else
        g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_PARSE,
                     _("%s:%u: not UTF-8 text; save the spreadsheet as “CSV UTF-8” "
                       "(or as Unicode text)"), name, row);
      return NULL;
    }
  return g_strndup (data, length);
}

/* The separator that splits the first row into the most cells, outside
 * quotation marks: tab, then semicolon, then comma on a tie */
static char
sniff_separator (const char *text)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\n' || *p == '\r')
        {
          if (commas + semicolons + tabs > 0)
            break;
        }
      else if (*p == ',')
        commas++;
      else if (*p == ';')
        semicolons++;
      else if (*p == '\t')
        tabs++;
    }
  if (tabs > 0 && tabs >= semicolons && tabs >= commas)
    return '\t';
  if (semicolons > 0 && semicolons >= commas)
    return ';';
  return ',';
}

/* libcsv callbacks */

static void
field_cb (void   *s,
          size_t  len,
          void   *data)
{
  Reader *r = data;

  if (r->stop)
    return;
  if (r->current == NULL)
    r->current = g_ptr_array_new_with_free_func (g_free);
  if (len > IMPACT_CSV_MAX_CELL)
    {
      r->stop = TRUE;
      r->stop_column = r->current->len + 1;
      r->stop_message = g_strdup_printf (_("a cell longer than %u bytes"), IMPACT_CSV_MAX_CELL);
      return;
    }
  if (r->current->len >= IMPACT_CSV_MAX_COLUMNS)
    {
      r->stop = TRUE;
      r->stop_column = r->current->len + 1;
      r->stop_message = g_strdup_printf (_("more than %u columns"), IMPACT_CSV_MAX_COLUMNS);
      return;
    }
  g_ptr_array_add (r->current, g_strndup (s ? s : "", len));
}

static void
row_cb (int   c,
        void *data)
{
  Reader *r = data;
  int previous = r->last_end;

  r->last_end = c;
  if (r->stop)
    return;
  if (r->current == NULL)
    {
      /* the \n of a \r\n, or a blank row (which still counts) */
      if (!(c == '\n' && previous == '\r'))
        g_ptr_array_add (r->rows, NULL);
      return;
    }
  g_ptr_array_add (r->rows, g_steal_pointer (&r->current));
  if (r->rows->len > IMPACT_CSV_MAX_ROWS)
    {
      r->stop = TRUE;
      r->stop_column = 1;
      r->stop_message = g_strdup_printf (_("more than %u rows"), IMPACT_CSV_MAX_ROWS);
    }
}

static int
is_space (unsigned char c)
{
  return c == ' ' ? 1 : 0;
}

static GPtrArray *
read_rows (const char  *text,
           char         separator,
           const char  *name,
           GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  struct csv_parser parser;
  Reader r = { rows, NULL, 0, FALSE, NULL, 0 };
  gsize length = strlen (text);
  gboolean failed = FALSE;

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_PARSE, _("%s: cannot start the CSV reader"), name);
      return NULL;
    }
  csv_set_delim (&parser, (unsigned char) separator);
  csv_set_space_func (&parser, is_space);
  for (gsize done = 0; done < length && !r.stop && !failed; done += CHUNK)
    {
      gsize n = MIN (CHUNK, length - done);

      if (csv_parse (&parser, text + done, n, field_cb, row_cb, &r) != n)
        failed = TRUE;
    }
  if (!failed && !r.stop && csv_fini (&parser, field_cb, row_cb, &r) != 0)
    failed = TRUE;

  if (r.stop)
    g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE, "%s:%u:%u: %s",
                 name, rows->len + (r.current != NULL ? 1 : 0), r.stop_column, r.stop_message);
  else if (failed)
    {
      guint row = rows->len + 1;
      guint column = r.current != NULL ? r.current->len + 1 : 1;

      if (csv_error (&parser) == CSV_EPARSE)
        g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_PARSE,
                     _("%s:%u:%u: a quotation mark out of place: a quoted cell must be "
                       "closed, and a quotation mark inside one is written twice (\"\")"),
                     name, row, column);
      else
        g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_PARSE, "%s:%u:%u: %s",
                     name, row, column, csv_strerror (csv_error (&parser)));
    }
  g_clear_pointer (&r.current, g_ptr_array_unref);
  g_free (r.stop_message);
  csv_free (&parser);
  if (r.stop || failed)
    return NULL;
  return g_steal_pointer (&rows);
}

/* Columns */

/* casefolded, spaces trimmed, runs of spaces and underscores as one space */
static char *
normalise_header (const char *header)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p; p++)
    {
      if (*p == ' ' || *p == '_' || *p == '\t')
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
language_accepted (const char *word_lang,
                   const char *language)
{
  g_autofree char *primary = NULL;

  if (strcmp (word_lang, "en") == 0)
    return TRUE;
  /* a sheet that names no language: every language's words */
  if (language == NULL || *language == '\0')
    return TRUE;
  primary = g_ascii_strdown (language, -1);
  primary[strcspn (primary, "-_")] = '\0';
  /* a sheet in another language: English only */
  return strcmp (word_lang, primary) == 0;
}

static const char *
lookup_field (const char      *header,
              ImpactCsvTarget  target,
              const char      *language)
{
  g_autofree char *norm = normalise_header (header);
  const Word *words = target == IMPACT_CSV_TARGET_MILESTONES ? milestone_words : statistic_words;
  gsize n = target == IMPACT_CSV_TARGET_MILESTONES ? G_N_ELEMENTS (milestone_words) : G_N_ELEMENTS (statistic_words);

  for (gsize i = 0; i < n; i++)
    if (strcmp (norm, words[i].word) == 0 && language_accepted (words[i].lang, language))
      return words[i].field;
  return NULL;
}

static gboolean
is_blank (const char *cell)
{
  for (const char *p = cell; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static const char *
cell_at (GPtrArray *row,
         int        column)
{
  if (row == NULL || column < 0 || (guint) column >= row->len)
    return "";
  return g_ptr_array_index (row, column);
}

/* A whole number of 0 to 1e15, spaces around allowed */
static gboolean
parse_count (const char *cell,
             gint64     *out)
{
  g_autofree char *text = g_strstrip (g_strdup (cell));
  guint64 value = 0;

  if (*text == '\0' || !g_ascii_string_to_unsigned (text, 10, 0, (guint64) IMPACT_STATISTIC_MAX_VALUE,
                                                     &value, NULL))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

static gboolean
row_is_empty (GPtrArray *row)
{
  if (row == NULL)
    return TRUE;
  for (guint i = 0; i < row->len; i++)
    if (!is_blank (g_ptr_array_index (row, i)))
      return FALSE;
  return TRUE;
}

/* Error collection */

typedef struct
{
  GString    *text;
  guint       n;
  const char *name;
} Problems;

static void
problem (Problems   *p,
         guint       row,
         int         column,
         const char *format,
         ...) G_GNUC_PRINTF (4, 5);

static void
problem (Problems   *p,
         guint       row,
         int         column,
         const char *format,
         ...)
{
  va_list args;

  p->n++;
  if (p->n > IMPACT_CSV_MAX_ERRORS)
    return;
  if (p->text->len > 0)
    g_string_append_c (p->text, '\n');
  g_string_append_printf (p->text, "%s:%u:%d: ", p->name, row, column + 1);
  va_start (args, format);
  g_string_append_vprintf (p->text, format, args);
  va_end (args);
}

/* The cell for a message, cut short: quotation marks, backslashes and
 * control characters escaped as in JSON, the rest as it is (UTF-8) */
static char *
quote_cell (const char *cell)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = cell; *p; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);

      if (n == 40)
        {
          g_string_append (out, "…");
          break;
        }
      if (ch == '"' || ch == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) ch);
        }
      else if (ch == '\n')
        g_string_append (out, "\\n");
      else if (ch == '\t')
        g_string_append (out, "\\t");
      else if (ch < 0x20 || ch == 0x7f)
        g_string_append_printf (out, "\\u%04x", ch);
      else
        g_string_append_unichar (out, ch);
    }
  return g_string_free (out, FALSE);
}

static JsonObject *
origin_object (const char *name)
{
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "imported_from", name);
  return o;
}

static char *
dup_cell (GPtrArray *row,
          int        column)
{
  const char *cell = cell_at (row, column);

  if (column < 0 || is_blank (cell))
    return NULL;
  return g_strstrip (g_strdup (cell));
}

/* Milestones */

typedef struct
{
  int date, title, description, category, highlight, year, month, day, type;
  GArray *metrics;   /* of int: column indexes */
  int end_date, end_year, end_month, end_day;
} MilestoneColumns;

static gboolean
parse_flag (const char *cell,
            gboolean   *out)
{
  static const char * const yes[] = { "yes", "y", "true", "1", "x", "sí", "si", "oui", "sim", "vrai", "verdadero", "verdadeiro" };
  static const char * const no[] = { "no", "n", "false", "0", "non", "não", "nao", "faux", "falso" };
  g_autofree char *folded = NULL;
  g_autofree char *text = g_strstrip (g_strdup (cell));

  folded = g_utf8_casefold (text, -1);
  if (*folded == '\0')
    {
      *out = FALSE;
      return TRUE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (yes); i++)
    if (strcmp (folded, yes[i]) == 0)
      return (*out = TRUE);
  for (gsize i = 0; i < G_N_ELEMENTS (no); i++)
    if (strcmp (folded, no[i]) == 0)
      {
        *out = FALSE;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_part (const char *cell,
            guint64     max,
            guint      *out)
{
  g_autofree char *text = g_strstrip (g_strdup (cell));
  guint64 v;

  if (!g_ascii_string_to_unsigned (text, 10, 1, max, &v, NULL))
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

/* A date from one column (YYYY, YYYY-MM, YYYY-MM-DD) or, without one,
 * from TimelineJS's Year, Month and Day; problems are reported */
static void
read_date (int         date_column,
           int         year_column,
           int         month_column,
           int         day_column,
           GPtrArray  *row,
           guint       row_number,
           Problems   *problems,
           ImpactDate *out,
           const char *no_date,
           const char *no_year)
{
  if (date_column >= 0)
    {
      g_autofree char *text = dup_cell (row, date_column);

      if (text == NULL)
        problem (problems, row_number, date_column, "%s", no_date);
      else if (!impact_date_parse (text, out))
        {
          g_autofree char *q = quote_cell (text);

          problem (problems, row_number, date_column,
                   _("expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got \"%s\""), q);
        }
    }
  else
    {
      const char *year = cell_at (row, year_column);
      const char *month = cell_at (row, month_column);
      const char *day = cell_at (row, day_column);
      guint y = 0, mo = 0, d = 0;
      gboolean ok = TRUE;

      if (is_blank (year))
        {
          problem (problems, row_number, year_column, "%s", no_year);
          ok = FALSE;
        }
      else if (!parse_part (year, 9999, &y))
        {
          g_autofree char *q = quote_cell (year);

          problem (problems, row_number, year_column, _("expected a year from 1 to 9999, got \"%s\""), q);
          ok = FALSE;
        }
      if (!is_blank (month) && !parse_part (month, 12, &mo))
        {
          g_autofree char *q = quote_cell (month);

          problem (problems, row_number, month_column, _("expected a month from 1 to 12, got \"%s\""), q);
          ok = FALSE;
        }
      if (!is_blank (day))
        {
          if (mo == 0 && ok)
            {
              problem (problems, row_number, day_column, _("a day needs a month"));
              ok = FALSE;
            }
          else if (!parse_part (day, 31, &d))
            {
              g_autofree char *q = quote_cell (day);

              problem (problems, row_number, day_column, _("expected a day from 1 to 31, got \"%s\""), q);
              ok = FALSE;
            }
        }
      if (ok)
        {
          out->year = (gint16) y;
          out->month = (guint8) mo;
          out->day = (guint8) d;
          if (!impact_date_is_valid (out))
            problem (problems, row_number, day_column, _("there is no day %u in month %u of %u"), d, mo, y);
        }
    }
}

static ImpactMilestone *
milestone_from_row (ImpactCsvImport        *self,
                    const MilestoneColumns *c,
                    GPtrArray              *row,
                    guint                   row_number,
                    Problems               *problems)
{
  g_autoptr(ImpactMilestone) m = impact_milestone_new ();
  guint before = problems->n;

  if (c->type >= 0)
    {
      g_autofree char *type = dup_cell (row, c->type);
      g_autofree char *folded = type ? g_utf8_casefold (type, -1) : NULL;

      if (folded != NULL && strcmp (folded, "title") == 0)
        {
          g_ptr_array_add (self->notes,
                           g_strdup_printf (_("%s:%u: the TimelineJS title slide, not a milestone: left out"),
                                            self->name, row_number));
          return NULL;
        }
    }

  read_date (c->date, c->year, c->month, c->day, row, row_number, problems, &m->date,
             _("a milestone needs a date"), _("a milestone needs a year"));

  m->title = dup_cell (row, c->title);
  if (m->title == NULL)
    problem (problems, row_number, c->title, _("a milestone needs a title"));
  m->description = dup_cell (row, c->description);
  m->category = dup_cell (row, c->category);
  if (c->highlight >= 0 && !parse_flag (cell_at (row, c->highlight), &m->highlight))
    {
      g_autofree char *q = quote_cell (cell_at (row, c->highlight));

      problem (problems, row_number, c->highlight, _("expected yes or no (or empty), got \"%s\""), q);
    }
  for (guint i = 0; i < c->metrics->len; i++)
    {
      int column = g_array_index (c->metrics, int, i);
      const char *cell = cell_at (row, column);
      const ImpactCsvColumn *info = &g_array_index (self->columns, ImpactCsvColumn, column);
      gint64 value;

      if (is_blank (cell))
        continue;
      if (!parse_count (cell, &value))
        {
          g_autofree char *q = quote_cell (cell);

          problem (problems, row_number, column,
                   _("expected a whole number of 0 or more for “%s”, got \"%s\""), info->header, q);
          continue;
        }
      impact_milestone_add_metric (m, info->field + strlen ("metrics."), value);
    }
  if (problems->n != before)
    return NULL;
  m->json = origin_object (self->name);
  return g_steal_pointer (&m);
}

/* TimelineJS's rows of Type "era": a span with a title (Headline) and
 * a category (Group), from Year/Month/Day to End Year/End Month/End Day */
static gboolean
is_era_row (const MilestoneColumns *c,
            GPtrArray              *row)
{
  g_autofree char *type = dup_cell (row, c->type);
  g_autofree char *folded = type ? g_utf8_casefold (type, -1) : NULL;

  return folded != NULL && strcmp (folded, "era") == 0;
}

static ImpactEra *
era_from_row (ImpactCsvImport        *self,
              const MilestoneColumns *c,
              GPtrArray              *row,
              guint                   row_number,
              Problems               *problems)
{
  g_autoptr(ImpactEra) era = impact_era_new ();
  guint before = problems->n;

  read_date (c->date, c->year, c->month, c->day, row, row_number, problems, &era->start,
             _("an era needs a start date"), _("an era needs a start year"));
  if (c->end_date < 0 && c->end_year < 0)
    problem (problems, row_number, c->type,
             _("an era needs an end: add an “End Year” (or “End Date”) column"));
  else
    read_date (c->end_date, c->end_year, c->end_month, c->end_day, row, row_number, problems,
               &era->end, _("an era needs an end date"), _("an era needs an end year"));
  /* as the loader checks it: a partial date covers its span ("2019-05"
   * to "2019" is fine), only an end wholly before the start is wrong */
  if (problems->n == before)
    {
      double start_begin, end_end;

      impact_date_get_span (&era->start, &start_begin, NULL);
      impact_date_get_span (&era->end, NULL, &end_end);
      if (end_end <= start_begin)
        problem (problems, row_number, c->end_date >= 0 ? c->end_date : c->end_year,
                 _("the era ends before it starts"));
    }
  era->title = dup_cell (row, c->title);
  if (era->title == NULL)
    problem (problems, row_number, c->title, _("an era needs a title"));
  era->category = dup_cell (row, c->category);
  if (problems->n != before)
    return NULL;
  era->json = origin_object (self->name);
  return g_steal_pointer (&era);
}

/* A column no name matched is a metric when most of its filled cells are
 * whole numbers */
static gboolean
looks_like_counts (GPtrArray *rows,
                   guint      first,
                   guint      column)
{
  guint filled = 0, counts = 0;

  for (guint i = first; i < rows->len; i++)
    {
      const char *cell = cell_at (g_ptr_array_index (rows, i), column);
      gint64 v;

      if (is_blank (cell))
        continue;
      filled++;
      counts += parse_count (cell, &v);
    }
  return filled > 0 && counts * 2 > filled;
}

/* Statistics */

typedef struct
{
  int value, label, prefix, suffix, qualifier, scale, source, source_url, icon;
} StatisticColumns;

static gboolean
parse_value (const char *cell,
             char        separator,
             double     *out,
             guint      *out_decimals)
{
  g_autofree char *text = g_strstrip (g_strdup (cell));
  const char *point;
  char *end = NULL;
  double v;

  /* 40,3 from a spreadsheet that separates with semicolons or tabs */
  if (separator != ',' && strchr (text, '.') == NULL && strchr (text, ',') == strrchr (text, ','))
    g_strdelimit (text, ",", '.');
  if (*text == '\0' || strspn (text, "-+0123456789.") != strlen (text))
    return FALSE;
  v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (v) || fabs (v) > IMPACT_STATISTIC_MAX_VALUE)
    return FALSE;
  point = strchr (text, '.');
  *out = v;
  *out_decimals = point ? MIN ((guint) strlen (point + 1), 6) : 0;
  return TRUE;
}

static ImpactStatistic *
statistic_from_row (ImpactCsvImport        *self,
                    const StatisticColumns *c,
                    GPtrArray              *row,
                    guint                   row_number,
                    Problems               *problems)
{
  g_autoptr(ImpactStatistic) s = impact_statistic_new ();
  g_autofree char *value = dup_cell (row, c->value);
  g_autofree char *source = dup_cell (row, c->source);
  g_autofree char *url = dup_cell (row, c->source_url);
  guint before = problems->n;

  if (value == NULL)
    problem (problems, row_number, c->value, _("a statistic needs a value"));
  else if (!parse_value (value, self->separator, &s->value, &s->decimals))
    {
      g_autofree char *q = quote_cell (value);

      problem (problems, row_number, c->value,
               _("expected a number such as 5470 or 40.3 (no thousands separators), got \"%s\""), q);
    }
  s->label = dup_cell (row, c->label);
  if (s->label == NULL)
    problem (problems, row_number, c->label, _("a statistic needs a label"));
  s->prefix = dup_cell (row, c->prefix);
  s->suffix = dup_cell (row, c->suffix);
  s->qualifier = dup_cell (row, c->qualifier);
  s->scale = dup_cell (row, c->scale);
  s->icon = dup_cell (row, c->icon);
  if (url != NULL && !impact_source_url_is_valid (url))
    {
      g_autofree char *q = quote_cell (url);

      problem (problems, row_number, c->source_url, _("expected an http or https URL, got \"%s\""), q);
    }
  if (source != NULL || url != NULL)
    s->source = impact_source_new (source ? source : url, url);
  if (problems->n != before)
    return NULL;
  s->json = origin_object (self->name);
  return g_steal_pointer (&s);
}

/* Mapping the header */

static int
column_of (ImpactCsvImport *self,
           const char      *field)
{
  for (guint i = 0; i < self->columns->len; i++)
    if (g_strcmp0 (g_array_index (self->columns, ImpactCsvColumn, i).field, field) == 0)
      return (int) i;
  return -1;
}

static gboolean
map_header (ImpactCsvImport  *self,
            GPtrArray        *header,
            GPtrArray        *rows,
            guint             first_data,
            guint             header_row,
            const char       *language,
            GError          **error)
{
  if (self->target == IMPACT_CSV_TARGET_AUTO)
    {
      gboolean dated = FALSE, valued = FALSE;

      for (guint i = 0; i < header->len; i++)
        {
          const char *m = lookup_field (g_ptr_array_index (header, i), IMPACT_CSV_TARGET_MILESTONES, language);
          const char *s = lookup_field (g_ptr_array_index (header, i), IMPACT_CSV_TARGET_STATISTICS, language);

          dated |= g_strcmp0 (m, "date") == 0 || g_strcmp0 (m, "year") == 0;
          valued |= g_strcmp0 (s, "value") == 0;
        }
      if (dated == valued)
        {
          g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_USAGE,
                       _("%s:%u: cannot tell milestones (a date column) from statistics "
                         "(a value column): say which with --as milestones or --as statistics"),
                       self->name, header_row);
          return FALSE;
        }
      self->target = dated ? IMPACT_CSV_TARGET_MILESTONES : IMPACT_CSV_TARGET_STATISTICS;
    }

  for (guint i = 0; i < header->len; i++)
    {
      ImpactCsvColumn column = { 0 };
      const char *field;

      column.header = g_strstrip (g_strdup (g_ptr_array_index (header, i)));
      field = lookup_field (column.header, self->target, language);
      if (field != NULL && strcmp (field, "-") == 0)
        column.note = g_strdup (_("a TimelineJS column with no place on a printed sheet"));
      else if (field != NULL)
        {
          gboolean taken = FALSE;

          for (guint j = 0; j < self->columns->len; j++)
            taken |= g_strcmp0 (g_array_index (self->columns, ImpactCsvColumn, j).field, field) == 0;
          if (taken)
            column.note = g_strdup (_("a second column for the same field"));
          else
            column.field = g_strdup (field);
        }
      else if (*column.header == '\0')
        column.note = g_strdup (_("no name"));
      else if (self->target == IMPACT_CSV_TARGET_MILESTONES && looks_like_counts (rows, first_data, i))
        {
          /* "Rescued" → the metric "rescued", as derived statistics name it */
          g_autofree char *metric = g_utf8_strdown (column.header, -1);

          column.field = g_strconcat ("metrics.", metric, NULL);
        }
      else
        column.note = g_strdup (_("not a known column"));
      g_array_append_val (self->columns, column);
    }

  if (self->target == IMPACT_CSV_TARGET_MILESTONES)
    {
      if (column_of (self, "date") < 0 && column_of (self, "year") < 0)
        {
          g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_MISSING_FIELD,
                       _("%s:%u: no date column: name one “date” (or “year”, “month”, “day”)"),
                       self->name, header_row);
          return FALSE;
        }
      if (column_of (self, "title") < 0)
        {
          g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_MISSING_FIELD,
                       _("%s:%u: no title column: name one “title” (or “headline”)"),
                       self->name, header_row);
          return FALSE;
        }
    }
  else
    {
      if (column_of (self, "value") < 0 || column_of (self, "label") < 0)
        {
          g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_MISSING_FIELD,
                       _("%s:%u: statistics need a “value” and a “label” column"),
                       self->name, header_row);
          return FALSE;
        }
    }
  return TRUE;
}

ImpactCsvImport *
impact_csv_import_parse (const char       *data,
                         gsize             length,
                         const char       *display_name,
                         ImpactCsvTarget   target,
                         const char       *language,
                         GError          **error)
{
  g_autoptr(ImpactCsvImport) self = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) problems_text = g_string_new (NULL);
  Problems problems;
  GPtrArray *header = NULL;
  guint header_index = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (length > IMPACT_CSV_MAX_FILE_SIZE)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_TOO_LARGE,
                   _("%s: larger than %u MiB; split the spreadsheet"),
                   display_name, IMPACT_CSV_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  self = g_new0 (ImpactCsvImport, 1);
  self->name = g_strdup (display_name);
  self->target = target;
  self->columns = g_array_new (FALSE, TRUE, sizeof (ImpactCsvColumn));
  g_array_set_clear_func (self->columns, column_clear);
  self->item_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  self->eras = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_era_free);
  self->era_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  self->notes = g_ptr_array_new_with_free_func (g_free);

  text = decode (data ? data : "", length, display_name, &self->encoding, error);
  if (text == NULL)
    return NULL;
  self->separator = sniff_separator (text);
  rows = read_rows (text, self->separator, display_name, error);
  if (rows == NULL)
    return NULL;

  /* the header is the first row that is not empty */
  while (header_index < rows->len && row_is_empty (g_ptr_array_index (rows, header_index)))
    header_index++;
  if (header_index == rows->len)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_MISSING_FIELD,
                   _("%s: no rows: the first row names the columns, the rows below hold the data"),
                   display_name);
      return NULL;
    }
  header = g_ptr_array_index (rows, header_index);
  if (!map_header (self, header, rows, header_index + 1, header_index + 1, language, error))
    return NULL;

  problems = (Problems) { problems_text, 0, display_name };
  if (self->target == IMPACT_CSV_TARGET_MILESTONES)
    {
      g_autoptr(GArray) metrics = g_array_new (FALSE, FALSE, sizeof (int));
      MilestoneColumns c = {
        column_of (self, "date"), column_of (self, "title"), column_of (self, "description"),
        column_of (self, "category"), column_of (self, "highlight"), column_of (self, "year"),
        column_of (self, "month"), column_of (self, "day"), column_of (self, "type"), metrics,
        column_of (self, "end_date"), column_of (self, "end_year"), column_of (self, "end_month"),
        column_of (self, "end_day"),
      };

      for (guint i = 0; i < self->columns->len; i++)
        if (g_str_has_prefix (g_array_index (self->columns, ImpactCsvColumn, i).field ?: "", "metrics."))
          g_array_append_val (metrics, i);
      self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_milestone_free);
      for (guint i = header_index + 1; i < rows->len; i++)
        {
          GPtrArray *row = g_ptr_array_index (rows, i);
          ImpactMilestone *m;
          guint number = i + 1;

          if (row_is_empty (row))
            continue;
          if (is_era_row (&c, row))
            {
              ImpactEra *era = era_from_row (self, &c, row, number, &problems);

              if (era != NULL)
                {
                  g_ptr_array_add (self->eras, era);
                  g_array_append_val (self->era_rows, number);
                }
              continue;
            }
          m = milestone_from_row (self, &c, row, number, &problems);
          if (m != NULL)
            {
              g_ptr_array_add (self->items, m);
              g_array_append_val (self->item_rows, number);
            }
        }
    }
  else
    {
      StatisticColumns c = {
        column_of (self, "value"), column_of (self, "label"), column_of (self, "prefix"),
        column_of (self, "suffix"), column_of (self, "qualifier"), column_of (self, "scale"),
        column_of (self, "source"), column_of (self, "source_url"), column_of (self, "icon"),
      };

      self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_statistic_free);
      for (guint i = header_index + 1; i < rows->len; i++)
        {
          GPtrArray *row = g_ptr_array_index (rows, i);
          ImpactStatistic *s;
          guint number = i + 1;

          if (row_is_empty (row))
            continue;
          s = statistic_from_row (self, &c, row, number, &problems);
          if (s != NULL)
            {
              g_ptr_array_add (self->items, s);
              g_array_append_val (self->item_rows, number);
            }
        }
    }

  if (problems.n > 0)
    {
      if (problems.n > IMPACT_CSV_MAX_ERRORS)
        {
          guint more = problems.n - IMPACT_CSV_MAX_ERRORS;

          g_string_append_printf (problems_text, "\n%s: ", display_name);
          g_string_append_printf (problems_text,
                                  g_dngettext (GETTEXT_PACKAGE, "%u more problem not shown",
                                               "%u more problems not shown", more),
                                  more);
        }
      g_set_error_literal (error, IMPACT_ERROR, IMPACT_ERROR_INVALID_VALUE, problems_text->str);
      return NULL;
    }
  if (self->items->len == 0 && self->eras->len == 0)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_MISSING_FIELD,
                   _("%s: no rows below the column names"), display_name);
      return NULL;
    }
  return g_steal_pointer (&self);
}

ImpactCsvImport *
impact_csv_import_read_file (GFile            *file,
                             ImpactCsvTarget   target,
                             const char       *language,
                             GCancellable     *cancellable,
                             GError          **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;
  g_autofree char *buffer = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_TYPE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, IMPACT_ERROR, IMPACT_ERROR_PARSE, _("%s: not a regular file"), name);
      return NULL;
    }
  /* read one byte past the cap to tell a file at the cap from a larger one */
  buffer = g_malloc (IMPACT_CSV_MAX_FILE_SIZE + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, IMPACT_CSV_MAX_FILE_SIZE + 1,
                                &length, cancellable, error))
    return NULL;
  return impact_csv_import_parse (buffer, length, name, target, language, error);
}

ImpactCsvTarget
impact_csv_import_get_target (ImpactCsvImport *self)
{
  g_return_val_if_fail (self != NULL, IMPACT_CSV_TARGET_AUTO);
  return self->target;
}

const char *
impact_csv_import_get_name (ImpactCsvImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

char
impact_csv_import_get_separator (ImpactCsvImport *self)
{
  g_return_val_if_fail (self != NULL, ',');
  return self->separator;
}

const char *
impact_csv_import_get_encoding (ImpactCsvImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->encoding;
}

guint
impact_csv_import_get_n_columns (ImpactCsvImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->columns->len;
}

const ImpactCsvColumn *
impact_csv_import_get_column (ImpactCsvImport *self,
                              guint            index)
{
  g_return_val_if_fail (self != NULL && index < self->columns->len, NULL);
  return &g_array_index (self->columns, ImpactCsvColumn, index);
}

GPtrArray *
impact_csv_import_get_items (ImpactCsvImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->items;
}

guint
impact_csv_import_get_item_row (ImpactCsvImport *self,
                                guint            index)
{
  g_return_val_if_fail (self != NULL && index < self->item_rows->len, 0);
  return g_array_index (self->item_rows, guint, index);
}

GPtrArray *
impact_csv_import_get_eras (ImpactCsvImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->eras;
}

guint
impact_csv_import_get_era_row (ImpactCsvImport *self,
                               guint            index)
{
  g_return_val_if_fail (self != NULL && index < self->era_rows->len, 0);
  return g_array_index (self->era_rows, guint, index);
}

GPtrArray *
impact_csv_import_get_notes (ImpactCsvImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->notes;
}

/* Applying */

static ImpactList
list_of (ImpactCsvImport *self)
{
  return self->target == IMPACT_CSV_TARGET_MILESTONES ? IMPACT_LIST_MILESTONES : IMPACT_LIST_STATISTICS;
}

static gboolean
json_came_from (ImpactCsvImport *self,
                JsonObject      *json)
{
  JsonNode *node;

  if (json == NULL || (node = json_object_get_member (json, "imported_from")) == NULL ||
      !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  return g_strcmp0 (json_node_get_string (node), self->name) == 0;
}

static gboolean
came_from (ImpactCsvImport *self,
           gpointer         item)
{
  return json_came_from (self, self->target == IMPACT_CSV_TARGET_MILESTONES ?
                               ((ImpactMilestone *) item)->json : ((ImpactStatistic *) item)->json);
}

/* Eras count only for milestones: statistics never bring any */
static guint
count_previous_eras (ImpactCsvImport *self,
                     ImpactDocument  *doc)
{
  GPtrArray *eras = impact_document_get_eras (doc);
  guint n = 0;

  if (self->target != IMPACT_CSV_TARGET_MILESTONES)
    return 0;
  for (guint i = 0; i < eras->len; i++)
    n += json_came_from (self, ((ImpactEra *) g_ptr_array_index (eras, i))->json);
  return n;
}

guint
impact_csv_import_count_previous (ImpactCsvImport *self,
                                  ImpactDocument  *doc)
{
  GPtrArray *list;
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (doc), 0);

  list = impact_document_get_list (doc, list_of (self));
  for (guint i = 0; i < list->len; i++)
    n += came_from (self, g_ptr_array_index (list, i));
  return n + count_previous_eras (self, doc);
}

guint
impact_csv_import_apply (ImpactCsvImport *self,
                         ImpactDocument  *doc)
{
  GPtrArray *list;
  guint removed = 0;
  guint position;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (IMPACT_IS_DOCUMENT (doc), 0);

  list = impact_document_get_list (doc, list_of (self));
  position = list->len;
  for (guint i = list->len; i-- > 0;)
    if (came_from (self, g_ptr_array_index (list, i)))
      {
        impact_document_remove_item (doc, list_of (self), i);
        position = i;
        removed++;
      }
  for (guint i = 0; i < self->items->len; i++)
    {
      gpointer item = g_ptr_array_index (self->items, i);
      gpointer copy = self->target == IMPACT_CSV_TARGET_MILESTONES ?
                      (gpointer) impact_milestone_copy (item) :
                      (gpointer) impact_statistic_copy (item);

      g_ptr_array_insert (list, (int) (position + i), copy);
    }
  /* the eras it brought before give way to the new ones, in the same place */
  if (self->target == IMPACT_CSV_TARGET_MILESTONES)
    {
      GPtrArray *eras = impact_document_get_eras (doc);

      position = eras->len;
      for (guint i = eras->len; i-- > 0;)
        if (json_came_from (self, ((ImpactEra *) g_ptr_array_index (eras, i))->json))
          {
            impact_document_remove_item (doc, IMPACT_LIST_ERAS, i);
            position = i;
            removed++;
          }
      for (guint i = 0; i < self->eras->len; i++)
        g_ptr_array_insert (eras, (int) (position + i), impact_era_copy (g_ptr_array_index (self->eras, i)));
    }
  impact_document_update_derived (doc);
  impact_document_changed (doc);
  return removed;
}
