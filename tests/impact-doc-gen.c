/* impact-doc-gen.c: a seeded generator of valid fact-sheet documents
 *
 * The texts are built from word lists of real words in each language, so
 * they shape, break and measure as real texts do; they do not have to make
 * sense. Every rule of docs/data-format.md that makes a file invalid is
 * kept: statistics have a label and a number (or derive one from the
 * milestones, and then carry no value that could disagree), dates are
 * real dates, an era never ends before it starts, URLs are http(s), rich
 * text has balanced emphasis markers and no other asterisk or backslash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <string.h>

#include "impact-doc-gen.h"

typedef struct
{
  const char         *code;
  gboolean            latin;        /* upper-case the first letter of a sentence */
  const char         *stop;         /* the full stop of the script */
  const char         *heading_font; /* NULL: the theme's default */
  const char         *body_font;
  const char * const *words;
  const char * const *long_words;
  const char * const *offices;
  const char * const *long_offices;
  const char * const *organisations;
  const char * const *people;
  const char * const *scales;
  const char * const *metrics;      /* names for milestones[].metrics */
  const char * const *headings;     /* problem kicker, statistics, facts, approach, milestones */
} Language;

static const char * const en_words[] = {
  "children", "families", "police", "court", "justice", "community", "rescue", "survivors",
  "training", "officers", "villages", "schools", "water", "clean", "safe", "health", "women",
  "girls", "workers", "district", "partners", "local", "government", "support", "protect",
  "violence", "poverty", "homes", "land", "rights", "cases", "trial", "evidence", "care",
  "shelter", "teams", "volunteers", "leaders", "programme", "network", "every", "year", "new",
  "more", "than", "with", "for", "and", "the", "of", "in", "across", "through", "together",
  "stronger", "lasting", "change", "hope", "future", "region", "rural", "clinics", "sanitation",
  "latrines", "pumps", "rainfall", "harvest", "farmers", "markets", "literacy", "teachers",
  "classrooms", "wells", "boreholes", "nurses", "mothers", "brought", "freed", "built", "opened",
  NULL
};
static const char * const en_long[] = {
  "responsibilities", "internationalisation", "counterproductively", "decentralisation",
  "telecommunications", "institutionalised", "rehabilitation", NULL
};
static const char * const en_offices[] = {
  "Kolkata, India", "Nairobi, Kenya", "Lusaka, Zambia", "Manila, Philippines", "Accra, Ghana",
  "Lima, Peru", NULL
};
static const char * const en_long_offices[] = {
  "Northern Uplands and Lake Districts Regional Field Office, Greater Mekong Subregion",
  "Clean Water and Sanitation Programme for the Eastern Highlands and the Rift Valley Lakes",
  "Southern Provinces Child Protection, Family Reunification and Aftercare Field Office",
  NULL
};
static const char * const en_orgs[] = {
  "International Justice Mission", "Water for Every Village", "Safe Homes Alliance",
  "The Clean Wells Trust for Rural Communities in East Africa", "Open Doors Literacy Fund", NULL
};
static const char * const en_people[] = {
  "Saji Philip", "Grace Wanjiru", "Maria Santos", "Joseph Mwansa", "Anna Lee", "Prema", NULL
};
static const char * const en_scales[] = { "thousand", "million", "billion", NULL };
static const char * const en_metrics[] = { "rescued", "trained", "wells", NULL };
static const char * const en_headings[] = {
  "The problem", "Our progress since 2006", "The facts", "How we work", "Milestones", NULL
};

static const char * const es_words[] = {
  "niños", "familias", "policía", "justicia", "comunidad", "rescate", "sobrevivientes",
  "formación", "agentes", "aldeas", "escuelas", "agua", "limpia", "segura", "salud", "mujeres",
  "niñas", "trabajadores", "distrito", "socios", "local", "gobierno", "apoyo", "proteger",
  "violencia", "pobreza", "hogares", "tierra", "derechos", "casos", "juicio", "pruebas",
  "cuidado", "refugio", "equipos", "voluntarios", "líderes", "programa", "red", "cada", "año",
  "nuevo", "más", "que", "con", "para", "y", "el", "la", "de", "en", "juntos", "cambio",
  "esperanza", "futuro", "región", "rural", "clínicas", "saneamiento", "pozos", "cosecha",
  "agricultores", "mercados", "maestros", "aulas", "madres", "enfermeras", "construimos", NULL
};
static const char * const es_long[] = {
  "responsabilidades", "desafortunadamente", "acompañamiento", "institucionalización",
  "telecomunicaciones", NULL
};
static const char * const es_offices[] = {
  "Ciudad de Guatemala, Guatemala", "Cochabamba, Bolivia", "Lima, Perú", "Quito, Ecuador",
  "Tegucigalpa, Honduras", NULL
};
static const char * const es_long_offices[] = {
  "Oficina Regional de los Departamentos del Altiplano Occidental y la Costa Sur",
  "Programa de Agua Potable y Saneamiento para las Comunidades Rurales del Chaco Boliviano",
  NULL
};
static const char * const es_orgs[] = {
  "Misión Internacional de Justicia", "Agua para Todas las Aldeas", "Fundación Hogares Seguros",
  NULL
};
static const char * const es_people[] = {
  "Lucía Fernández", "Carlos Mamani", "Ana María Quispe", "José Luis Herrera", NULL
};
static const char * const es_scales[] = { "mil", "millones", NULL };
static const char * const es_metrics[] = { "rescatadas", "formados", "pozos", NULL };
static const char * const es_headings[] = {
  "El problema", "Nuestro avance desde 2010", "Los datos", "Cómo trabajamos", "Hitos", NULL
};

static const char * const fr_words[] = {
  "enfants", "familles", "police", "justice", "communauté", "sauvetage", "survivantes",
  "formation", "agents", "villages", "écoles", "eau", "potable", "sûre", "santé", "femmes",
  "filles", "travailleurs", "district", "partenaires", "local", "gouvernement", "soutien",
  "protéger", "violence", "pauvreté", "foyers", "terre", "droits", "affaires", "procès",
  "preuves", "soins", "refuge", "équipes", "bénévoles", "responsables", "programme", "réseau",
  "chaque", "année", "nouveau", "plus", "avec", "pour", "et", "le", "la", "de", "dans",
  "ensemble", "changement", "espoir", "avenir", "région", "rurale", "cliniques",
  "assainissement", "puits", "récolte", "agriculteurs", "marchés", "enseignants", "classes",
  "mères", "infirmières", NULL
};
static const char * const fr_long[] = {
  "anticonstitutionnellement", "accompagnement", "développement", "réinsertion",
  "institutionnalisation", NULL
};
static const char * const fr_offices[] = {
  "Kinshasa, République démocratique du Congo", "Dakar, Sénégal", "Ouagadougou, Burkina Faso",
  "Port-au-Prince, Haïti", NULL
};
static const char * const fr_long_offices[] = {
  "Bureau régional des provinces du Nord-Kivu, du Sud-Kivu et de l'Ituri",
  "Programme d'accès à l'eau potable et à l'assainissement des communes rurales du Sahel",
  NULL
};
static const char * const fr_orgs[] = {
  "Mission internationale pour la justice", "De l'eau pour chaque village",
  "Association Foyers sûrs", NULL
};
static const char * const fr_people[] = {
  "Aminata Diallo", "Jean-Baptiste Mukendi", "Claire Dubois", "Fatou Ndiaye", NULL
};
static const char * const fr_scales[] = { "mille", "millions", "milliards", NULL };
static const char * const fr_metrics[] = { "libérées", "formés", "puits", NULL };
static const char * const fr_headings[] = {
  "Le problème", "Nos progrès depuis 2008", "Les faits", "Notre action", "Étapes", NULL
};

static const char * const bn_words[] = {
  "শিশু", "পরিবার", "পুলিশ", "বিচার", "সমাজ", "উদ্ধার", "প্রশিক্ষণ", "গ্রাম", "স্কুল", "জল",
  "নিরাপদ", "স্বাস্থ্য", "নারী", "মেয়ে", "শ্রমিক", "জেলা", "সরকার", "সহায়তা", "সুরক্ষা",
  "সহিংসতা", "দারিদ্র্য", "বাড়ি", "জমি", "অধিকার", "মামলা", "আদালত", "প্রমাণ", "যত্ন",
  "আশ্রয়", "দল", "স্বেচ্ছাসেবক", "নেতা", "কর্মসূচি", "প্রতি", "বছর", "নতুন", "আরও", "সঙ্গে",
  "জন্য", "এবং", "মধ্যে", "একসঙ্গে", "পরিবর্তন", "আশা", "ভবিষ্যৎ", "অঞ্চল", "ক্লিনিক", "কৃষক",
  "বাজার", "শিক্ষক", "মানুষ", "অগ্রগতি", "তথ্য", "সমস্যা", "পাচার", "মুক্তি", "প্রতিরোধ",
  "আইন", "কর্মকর্তা", NULL
};
static const char * const bn_long[] = {
  "অপ্রতিরোধ্যভাবে", "প্রাতিষ্ঠানিকীকরণ", "স্বেচ্ছাসেবকদের", "পুনর্বাসনকেন্দ্রগুলোতে", NULL
};
static const char * const bn_offices[] = { "কলকাতা, ভারত", "ঢাকা, বাংলাদেশ", "খুলনা, বাংলাদেশ", NULL };
static const char * const bn_long_offices[] = {
  "উত্তর চব্বিশ পরগনা ও দক্ষিণ চব্বিশ পরগনা জেলার আঞ্চলিক মাঠ কার্যালয়", NULL
};
static const char * const bn_orgs[] = { "International Justice Mission", "নিরাপদ জল উদ্যোগ", NULL };
static const char * const bn_people[] = { "সুমিতা দাস", "রফিক আহমেদ", "প্রেমা", NULL };
static const char * const bn_scales[] = { "হাজার", "লক্ষ", "কোটি", NULL };
static const char * const bn_metrics[] = { "উদ্ধার", "প্রশিক্ষিত", NULL };
static const char * const bn_headings[] = {
  "সমস্যা", "2006 সাল থেকে আমাদের অগ্রগতি", "তথ্য", "আমরা কীভাবে কাজ করি", "মাইলফলক", NULL
};

static const char * const ar_words[] = {
  "الأطفال", "العائلات", "الشرطة", "العدالة", "المجتمع", "إنقاذ", "الناجين", "تدريب", "القرى",
  "المدارس", "المياه", "النظيفة", "الآمنة", "الصحة", "النساء", "الفتيات", "العمال", "المنطقة",
  "الشركاء", "المحلية", "الحكومة", "دعم", "حماية", "العنف", "الفقر", "المنازل", "الأرض",
  "الحقوق", "القضايا", "المحكمة", "الأدلة", "الرعاية", "المأوى", "الفرق", "المتطوعين", "القادة",
  "البرنامج", "الشبكة", "كل", "عام", "جديد", "أكثر", "مع", "من", "في", "على", "معًا", "التغيير",
  "الأمل", "المستقبل", "الريف", "العيادات", "الآبار", "المزارعين", "الأسواق", "المعلمين",
  "الفصول", "الأمهات", NULL
};
static const char * const ar_long[] = {
  "والمسؤوليات", "الاستراتيجيات", "واللامركزية", "بالمستشفيات", NULL
};
static const char * const ar_offices[] = { "القاهرة، مصر", "عمّان، الأردن", "الخرطوم، السودان", NULL };
static const char * const ar_long_offices[] = {
  "المكتب الإقليمي لمحافظات الصعيد والبحر الأحمر وجنوب سيناء", NULL
};
static const char * const ar_orgs[] = { "منظمة العدالة", "مياه لكل قرية", NULL };
static const char * const ar_people[] = { "سارة", "أحمد منصور", "ليلى حداد", NULL };
static const char * const ar_scales[] = { "ألف", "مليون", NULL };
static const char * const ar_metrics[] = { "محررون", "متدربون", NULL };
static const char * const ar_headings[] = {
  "المشكلة", "تقدمنا منذ 2010", "الحقائق", "كيف نعمل", "محطات", NULL
};

static const char * const hi_words[] = {
  "बच्चे", "परिवार", "पुलिस", "न्याय", "समुदाय", "बचाव", "प्रशिक्षण", "गाँव", "स्कूल", "पानी",
  "स्वच्छ", "सुरक्षित", "स्वास्थ्य", "महिलाएँ", "लड़कियाँ", "मज़दूर", "ज़िला", "सरकार", "सहायता",
  "सुरक्षा", "हिंसा", "गरीबी", "घर", "ज़मीन", "अधिकार", "मामले", "अदालत", "सबूत", "देखभाल",
  "आश्रय", "टीम", "स्वयंसेवक", "नेता", "कार्यक्रम", "हर", "साल", "नया", "और", "के", "साथ",
  "लिए", "में", "मिलकर", "बदलाव", "उम्मीद", "भविष्य", "क्षेत्र", "ग्रामीण", "किसान", "बाज़ार",
  "शिक्षक", "लोग", "प्रगति", "तथ्य", "समस्या", "तस्करी", "आज़ादी", "कानून", "अधिकारी", NULL
};
static const char * const hi_long[] = {
  "ज़िम्मेदारियों", "अंतरराष्ट्रीयकरण", "पुनर्वासकेंद्रों", "प्रतिनिधित्वकर्ताओं", NULL
};
static const char * const hi_offices[] = { "नई दिल्ली, भारत", "चेन्नई, भारत", "पटना, भारत", NULL };
static const char * const hi_long_offices[] = {
  "पूर्वी उत्तर प्रदेश और उत्तर बिहार के ग्रामीण ज़िलों का क्षेत्रीय कार्यालय", NULL
};
static const char * const hi_orgs[] = { "International Justice Mission", "हर गाँव पानी", NULL };
static const char * const hi_people[] = { "सुनीता शर्मा", "राजेश कुमार", "प्रेमा", NULL };
static const char * const hi_scales[] = { "हज़ार", "लाख", "करोड़", NULL };
static const char * const hi_metrics[] = { "मुक्त", "प्रशिक्षित", NULL };
static const char * const hi_headings[] = {
  "समस्या", "2008 से हमारी प्रगति", "तथ्य", "हम कैसे काम करते हैं", "पड़ाव", NULL
};

static const Language languages[] = {
  { "en", TRUE, ".", NULL, NULL, en_words, en_long, en_offices, en_long_offices, en_orgs,
    en_people, en_scales, en_metrics, en_headings },
  { "es", TRUE, ".", NULL, NULL, es_words, es_long, es_offices, es_long_offices, es_orgs,
    es_people, es_scales, es_metrics, es_headings },
  { "fr", TRUE, ".", NULL, NULL, fr_words, fr_long, fr_offices, fr_long_offices, fr_orgs,
    fr_people, fr_scales, fr_metrics, fr_headings },
  { "bn", FALSE, "।", "Noto Sans Bengali, Inter Display", "Noto Sans Bengali, Inter",
    bn_words, bn_long, bn_offices, bn_long_offices, bn_orgs, bn_people, bn_scales, bn_metrics,
    bn_headings },
  { "ar", FALSE, ".", "Noto Sans Arabic", "Noto Naskh Arabic", ar_words, ar_long, ar_offices,
    ar_long_offices, ar_orgs, ar_people, ar_scales, ar_metrics, ar_headings },
  { "hi", FALSE, "।", "Noto Sans Devanagari, Inter Display", "Noto Sans Devanagari, Inter",
    hi_words, hi_long, hi_offices, hi_long_offices, hi_orgs, hi_people, hi_scales, hi_metrics,
    hi_headings },
};

static const char * const icons[] = {
  "check", "scales", "heart", "pillar", "people", "shield", "book", "home", "star", "globe",
};
static const char * const palettes[][2] = {
  { "#1b365d", "#d9822b" }, { "#0b3d2e", "#f2a541" }, { "#4a1942", "#e0a458" },
  { "#123c69", "#ac3b61" }, { "#2d3142", "#ef8354" },
};

typedef struct
{
  GRand          *rand;
  const Language *lang;
  double          long_rate;   /* the share of texts far past their plan */
  gboolean        long_texts;
} Gen;

static guint
strv_len (const char * const *v)
{
  guint n = 0;

  while (v[n] != NULL)
    n++;
  return n;
}

static const char *
pick (Gen                *g,
      const char * const *v)
{
  return v[g_rand_int_range (g->rand, 0, strv_len (v))];
}

static gboolean
chance (Gen    *g,
        double  p)
{
  return g_rand_double (g->rand) < p;
}

static int
between (Gen *g,
         int  lo,
         int  hi)
{
  return g_rand_int_range (g->rand, lo, hi + 1);
}

/* How many words a text of planned length @lo..@hi gets: usually the plan,
 * sometimes very short, and in the documents that have them (long_rate),
 * up to three times too long. */
static int
word_count (Gen *g,
            int  lo,
            int  hi)
{
  double r = g_rand_double (g->rand);

  if (r < 0.12)
    return between (g, 1, MAX (1, lo / 2));
  if (r < 0.12 + g->long_rate)
    {
      g->long_texts = TRUE;
      return between (g, hi + 1, hi * 3);
    }
  return between (g, lo, hi);
}

static void
append_word (Gen     *g,
             GString *out,
             gboolean first)
{
  const char *word = chance (g, 0.04) ? pick (g, g->lang->long_words) : pick (g, g->lang->words);

  if (!first)
    g_string_append_c (out, ' ');
  if (first && g->lang->latin)
    {
      gunichar c = g_utf8_get_char (word);

      g_string_append_unichar (out, g_unichar_toupper (c));
      g_string_append (out, g_utf8_next_char (word));
    }
  else
    g_string_append (out, word);
}

/* @n words, as one line of text with no full stop */
static char *
words (Gen *g,
       int  n)
{
  GString *out = g_string_new (NULL);

  for (int i = 0; i < n; i++)
    append_word (g, out, i == 0);
  return g_string_free (out, FALSE);
}

/* @n words in sentences; with @rich, some words in bold or italic */
static char *
paragraph (Gen     *g,
           int      n,
           gboolean rich)
{
  GString *out = g_string_new (NULL);
  int left = n;

  while (left > 0)
    {
      int len = MIN (left, between (g, 5, 16));

      if (out->len > 0)
        g_string_append_c (out, ' ');
      for (int i = 0; i < len; i++)
        {
          gboolean emphasis = rich && len - i >= 2 && chance (g, 0.05);
          const char *marker = chance (g, 0.6) ? "**" : "*";
          int span = emphasis ? between (g, 1, MIN (3, len - i)) : 0;

          if (emphasis)
            {
              g_autoptr(GString) inner = g_string_new (NULL);

              /* the markers hug the words: "**clean water**" */
              for (int k = 0; k < span; k++)
                {
                  append_word (g, inner, k == 0 && i == 0);
                  if (k == 0 && i > 0)
                    g_string_erase (inner, 0, 1);  /* the space before it */
                }
              if (i > 0)
                g_string_append_c (out, ' ');
              g_string_append (out, marker);
              g_string_append (out, inner->str);
              g_string_append (out, marker);
              i += span - 1;
            }
          else
            append_word (g, out, i == 0);
        }
      g_string_append (out, g->lang->stop);
      left -= len;
    }
  return g_string_free (out, FALSE);
}

static void
member_take (JsonBuilder *b,
             const char  *name,
             char        *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
  g_free (value);
}

static void
member (JsonBuilder *b,
        const char  *name,
        const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
add_source (Gen         *g,
            JsonBuilder *b,
            GPtrArray   *pool)
{
  json_builder_set_member_name (b, "source");
  json_builder_begin_object (b);
  /* sources are often shared: facts citing the same report */
  if (pool->len > 0 && chance (g, 0.3))
    {
      const char *title = g_ptr_array_index (pool, g_rand_int_range (g->rand, 0, pool->len));

      member (b, "title", title);
    }
  else
    {
      g_autofree char *title = NULL;
      g_autofree char *text = words (g, word_count (g, 6, 18));

      title = g_strdup_printf ("%s (%d)", text, between (g, 1998, 2025));
      member (b, "title", title);
      g_ptr_array_add (pool, g_strdup (title));
    }
  if (chance (g, 0.6))
    member_take (b, "url", g_strdup_printf ("https://www.example.org/reports/%u/%s",
                                            g_rand_int_range (g->rand, 1, 10000),
                                            chance (g, 0.2) ?
                                              "annual-report-on-the-state-of-the-programme-and-its-partners-final-version.pdf" :
                                              "index.html"));
  json_builder_end_object (b);
}

typedef struct
{
  int   year, month, day;  /* month, day 0 when not given */
  char *metric;            /* borrowed; NULL when none */
  gint64 count;
} GenMilestone;

static char *
format_date (int year,
             int month,
             int day)
{
  if (month == 0)
    return g_strdup_printf ("%04d", year);
  if (day == 0)
    return g_strdup_printf ("%04d-%02d", year, month);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static void
add_statistics (Gen          *g,
                JsonBuilder  *b,
                GPtrArray    *pool,
                GenMilestone *milestones,
                guint         n_milestones,
                guint         n)
{
  json_builder_set_member_name (b, "statistics");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      gboolean derived = FALSE;

      json_builder_begin_object (b);
      /* a figure that follows the milestones: no value, so none can disagree */
      for (guint k = 0; k < n_milestones && !derived; k++)
        if (milestones[k].metric != NULL && chance (g, 0.25))
          {
            json_builder_set_member_name (b, "derive");
            json_builder_begin_object (b);
            member (b, "metric", milestones[k].metric);
            if (chance (g, 0.5))
              member_take (b, "since", g_strdup_printf ("%04d", milestones[k].year));
            if (chance (g, 0.5))
              {
                json_builder_set_member_name (b, "base");
                json_builder_add_int_value (b, between (g, 0, 5000));
              }
            json_builder_end_object (b);
            derived = TRUE;
          }
      if (!derived)
        {
          double r = g_rand_double (g->rand);

          json_builder_set_member_name (b, "value");
          if (r < 0.45)
            json_builder_add_int_value (b, between (g, 1, 999));
          else if (r < 0.75)
            json_builder_add_int_value (b, between (g, 1000, 9999999));
          else if (r < 0.9)
            json_builder_add_double_value (b, between (g, 1, 9999) / 10.0);
          else
            json_builder_add_int_value (b, (gint64) between (g, 1, 999) * 1000000000 + between (g, 0, 999999));
          /* json-glib writes 40.3 as 40.299999999999997: say how many
           * digits are meant */
          if ((r >= 0.75 && r < 0.9) || chance (g, 0.2))
            {
              json_builder_set_member_name (b, "decimals");
              json_builder_add_int_value (b, r >= 0.75 && r < 0.9 ? between (g, 1, 2) : between (g, 0, 3));
            }
        }
      if (chance (g, 0.2))
        member (b, "prefix", chance (g, 0.5) ? "$" : chance (g, 0.5) ? "€" : "₹");
      if (chance (g, 0.25))
        member (b, "qualifier", "+");
      if (chance (g, 0.25))
        member (b, "scale", pick (g, g->lang->scales));
      if (chance (g, 0.2))
        member (b, "suffix", "%");
      member_take (b, "label", words (g, word_count (g, 3, 8)));
      if (chance (g, 0.5))
        member (b, "icon", icons[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (icons))]);
      if (chance (g, 0.25))
        add_source (g, b, pool);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_milestones (Gen          *g,
                JsonBuilder  *b,
                GenMilestone *milestones,
                guint         n)
{
  json_builder_set_member_name (b, "milestones");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      GenMilestone *m = &milestones[i];
      g_autofree char *date = format_date (m->year, m->month, m->day);

      json_builder_begin_object (b);
      member (b, "date", date);
      member_take (b, "title", words (g, word_count (g, 2, 4)));
      if (chance (g, 0.75))
        member_take (b, "description", paragraph (g, word_count (g, 10, 30), TRUE));
      if (chance (g, 0.4))
        member (b, "category", pick (g, (const char * const[]) { "office", "rescue", "justice", "systems", NULL }));
      if (m->metric != NULL)
        {
          json_builder_set_member_name (b, "metrics");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, m->metric);
          json_builder_add_int_value (b, m->count);
          if (chance (g, 0.3))
            {
              const char *other = pick (g, g->lang->metrics);

              if (g_strcmp0 (other, m->metric) != 0)
                {
                  json_builder_set_member_name (b, other);
                  json_builder_add_int_value (b, between (g, 0, 40));
                }
            }
          json_builder_end_object (b);
        }
      if (chance (g, 0.2))
        {
          json_builder_set_member_name (b, "highlight");
          json_builder_add_boolean_value (b, TRUE);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_eras (Gen  *g,
          JsonBuilder *b,
          guint n,
          int   first_year,
          int   last_year)
{
  json_builder_set_member_name (b, "eras");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      int start = between (g, first_year, last_year);
      int end = between (g, start, MIN (start + 8, 2030));

      json_builder_begin_object (b);
      member_take (b, "start", chance (g, 0.7) ? format_date (start, 0, 0) : format_date (start, between (g, 1, 6), 0));
      member_take (b, "end", chance (g, 0.7) ? format_date (end, 0, 0) : format_date (end, between (g, 7, 12), 0));
      member_take (b, "title", words (g, word_count (g, 2, 5)));
      if (chance (g, 0.5))
        member (b, "category", pick (g, (const char * const[]) { "office", "rescue", "justice", "systems", NULL }));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_organisation (Gen         *g,
                  JsonBuilder *b)
{
  json_builder_set_member_name (b, "organisation");
  json_builder_begin_object (b);
  member (b, "name", pick (g, g->lang->organisations));
  if (chance (g, 0.6))
    member (b, "short_name", pick (g, (const char * const[]) { "IJM", "WEV", "SHA", "ODLF", "Water4All", NULL }));
  if (chance (g, 0.7))
    member (b, "website", pick (g, (const char * const[]) {
      "https://www.ijm.org", "https://example.org/", "http://www.water-for-every-village.example.org/en/home",
      NULL }));
  if (chance (g, 0.7))
    {
      int lines = between (g, 1, 4);

      json_builder_set_member_name (b, "address");
      json_builder_begin_array (b);
      for (int i = 0; i < lines; i++)
        {
          g_autofree char *line = words (g, word_count (g, 2, 4));
          json_builder_add_string_value (b, line);
        }
      json_builder_end_array (b);
    }
  if (chance (g, 0.6))
    member (b, "phone", "+1 703.465.5495");
  if (chance (g, 0.3))
    member (b, "fax", "703.465.5499");
  if (chance (g, 0.3))
    member (b, "email", chance (g, 0.8) ? "info@example.org" : "communications.and.partnerships.office@example.org");
  json_builder_end_object (b);
}

char *
impact_doc_gen_generate (guint32           seed,
                         ImpactDocGenInfo *info)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);
  g_autofree GenMilestone *milestones = NULL;
  ImpactDocGenInfo local;
  Gen g = { rand, NULL, 0, FALSE };
  guint n_stats, n_facts, n_pillars, n_milestones, n_eras = 0;
  int first_year = 1990 + g_rand_int_range (rand, 0, 25);

  if (info == NULL)
    info = &local;
  memset (info, 0, sizeof *info);
  info->seed = seed;

  g.lang = &languages[g_rand_int_range (rand, 0, G_N_ELEMENTS (languages))];
  info->language = g.lang->code;
  info->template_name = chance (&g, 0.5) ? "classic" : "bold";
  info->page_size = chance (&g, 0.5) ? IMPACT_PAGE_SIZE_LETTER : IMPACT_PAGE_SIZE_A4;
  /* most documents keep to the planned lengths; some have a text or two
   * far too long; a few are long throughout */
  {
    double r = g_rand_double (rand);

    g.long_rate = r < 0.6 ? 0 : r < 0.85 ? 0.03 : 0.25;
  }

  if (chance (&g, 0.08))
    {
      /* a sparse sheet: a figure or two and little else */
      info->sparse = TRUE;
      n_stats = between (&g, 1, 2);
      n_facts = 0;
      n_pillars = 0;
      n_milestones = between (&g, 0, 2);
    }
  else
    {
      n_stats = between (&g, 1, 6);
      n_facts = between (&g, 0, 8);
      n_pillars = between (&g, 0, 6);
      /* most sheets have a handful of milestones; some have a long history */
      n_milestones = chance (&g, 0.7) ? (guint) between (&g, 0, 12) : (guint) between (&g, 13, 60);
    }

  /* the milestones' dates and counts first: derived statistics need them */
  milestones = g_new0 (GenMilestone, MAX (n_milestones, 1));
  for (guint i = 0; i < n_milestones; i++)
    {
      GenMilestone *m = &milestones[i];
      double r = g_rand_double (rand);

      m->year = between (&g, first_year, 2026);
      if (r > 0.5)
        m->month = between (&g, 1, 12);
      if (r > 0.75)
        m->day = between (&g, 1, 28);
      if (chance (&g, 0.4))
        {
          m->metric = (char *) pick (&g, g.lang->metrics);
          m->count = between (&g, 0, 60);
        }
    }

  json_builder_begin_object (b);
  member (b, "format", "1");
  member (b, "language", g.lang->code);
  member (b, "office", chance (&g, 0.2) ? pick (&g, g.lang->long_offices) : pick (&g, g.lang->offices));
  if (chance (&g, 0.25))
    member_take (b, "title", words (&g, word_count (&g, 2, 6)));
  if (chance (&g, 0.4))
    member_take (b, "subtitle", words (&g, word_count (&g, 4, 12)));
  add_organisation (&g, b);

  json_builder_set_member_name (b, "theme");
  json_builder_begin_object (b);
  member (b, "template", info->template_name);
  if (chance (&g, 0.4))
    {
      guint p = g_rand_int_range (rand, 0, G_N_ELEMENTS (palettes));

      member (b, "primary", palettes[p][0]);
      member (b, "accent", palettes[p][1]);
    }
  if (g.lang->heading_font)
    member (b, "heading_font", g.lang->heading_font);
  if (g.lang->body_font)
    member (b, "body_font", g.lang->body_font);
  json_builder_end_object (b);

  if ((info->has_problem = chance (&g, info->sparse ? 0.4 : 0.85)))
    {
      json_builder_set_member_name (b, "problem");
      json_builder_begin_object (b);
      if (chance (&g, 0.8))
        member (b, "kicker", g.lang->headings[0]);
      member_take (b, "heading", words (&g, word_count (&g, 1, 4)));
      if (chance (&g, 0.9))
        member_take (b, "body", paragraph (&g, word_count (&g, 40, 100), TRUE));
      json_builder_end_object (b);
    }

  if (chance (&g, 0.7))
    member (b, "statistics_heading", g.lang->headings[1]);
  add_statistics (&g, b, pool, milestones, n_milestones, n_stats);

  if (n_facts > 0)
    {
      if (chance (&g, 0.7))
        member (b, "facts_heading", g.lang->headings[2]);
      json_builder_set_member_name (b, "facts");
      json_builder_begin_array (b);
      for (guint i = 0; i < n_facts; i++)
        {
          GString *text = g_string_new (NULL);
          g_autofree char *rest = paragraph (&g, word_count (&g, 10, 28), TRUE);

          json_builder_begin_object (b);
          /* many facts open with their figure in bold */
          if (chance (&g, 0.5))
            {
              g_autofree char *lead = words (&g, between (&g, 1, 4));

              g_string_append_printf (text, "**%d %s** ", between (&g, 2, 9999), lead);
            }
          g_string_append (text, rest);
          member_take (b, "text", g_string_free (text, FALSE));
          if (chance (&g, 0.7))
            add_source (&g, b, pool);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }

  if ((info->has_quote = chance (&g, info->sparse ? 0.2 : 0.7)))
    {
      json_builder_set_member_name (b, "quote");
      json_builder_begin_object (b);
      member_take (b, "text", paragraph (&g, word_count (&g, 10, 35), FALSE));
      if (chance (&g, 0.85))
        member (b, "attribution", pick (&g, g.lang->people));
      if (chance (&g, 0.6))
        member_take (b, "role", words (&g, word_count (&g, 2, 6)));
      if (chance (&g, 0.4))
        {
          json_builder_set_member_name (b, "pseudonym");
          json_builder_add_boolean_value (b, TRUE);
        }
      json_builder_end_object (b);
    }

  if (n_pillars > 0)
    {
      if (chance (&g, 0.7))
        member (b, "approach_heading", g.lang->headings[3]);
      json_builder_set_member_name (b, "approach");
      json_builder_begin_array (b);
      for (guint i = 0; i < n_pillars; i++)
        {
          json_builder_begin_object (b);
          member_take (b, "lead", words (&g, word_count (&g, 2, 4)));
          member_take (b, "text", paragraph (&g, word_count (&g, 25, 60), TRUE));
          if (chance (&g, 0.6))
            member (b, "icon", icons[g_rand_int_range (rand, 0, G_N_ELEMENTS (icons))]);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }

  if (n_milestones > 0)
    {
      if (chance (&g, 0.7))
        member (b, "milestones_heading", g.lang->headings[4]);
      add_milestones (&g, b, milestones, n_milestones);
      if (chance (&g, 0.35))
        {
          n_eras = between (&g, 1, 4);
          add_eras (&g, b, n_eras, first_year, 2026);
        }
    }

  if ((info->has_profile = chance (&g, info->sparse ? 0.2 : 0.7)))
    {
      json_builder_set_member_name (b, "profile");
      json_builder_begin_object (b);
      member (b, "name", pick (&g, g.lang->people));
      if (chance (&g, 0.8))
        member_take (b, "role", words (&g, word_count (&g, 2, 5)));
      if (chance (&g, 0.85))
        member_take (b, "biography", paragraph (&g, word_count (&g, 40, 70), TRUE));
      json_builder_end_object (b);
    }

  if ((info->has_footer = chance (&g, 0.8)))
    {
      json_builder_set_member_name (b, "footer");
      json_builder_begin_object (b);
      if (chance (&g, 0.8))
        member_take (b, "about", paragraph (&g, word_count (&g, 25, 45), TRUE));
      if (chance (&g, 0.5))
        {
          g_autofree char *text = words (&g, word_count (&g, 5, 12));

          member_take (b, "disclaimer", g_strdup_printf ("* %s%s", text, g.lang->stop));
        }
      if (chance (&g, 0.6))
        member_take (b, "copyright", g_strdup_printf ("© %d %s", between (&g, 2015, 2026),
                                                      pick (&g, g.lang->organisations)));
      json_builder_end_object (b);
    }
  /* the pages from a generator of their own, so that adding them changed
   * no other choice: most documents leave them to auto (the default) */
  {
    g_autoptr(GRand) pages_rand = g_rand_new_with_seed (seed ^ 0x9a6e5u);
    double r = g_rand_double (pages_rand);

    info->pages = r < 0.75 ? NULL : r < 0.85 ? "auto" : r < 0.95 ? "2" : "1";
    if (info->pages && info->pages[0] != 'a')
      {
        json_builder_set_member_name (b, "pages");
        json_builder_add_int_value (b, info->pages[0] - '0');
      }
    else if (info->pages)
      member (b, "pages", info->pages);
  }
  json_builder_end_object (b);

  info->n_statistics = n_stats;
  info->n_facts = n_facts;
  info->n_pillars = n_pillars;
  info->n_milestones = n_milestones;
  info->n_eras = n_eras;
  info->long_texts = g.long_texts;

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  return json_generator_to_data (gen, NULL);
}

char *
impact_doc_gen_describe (const ImpactDocGenInfo *info)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "seed %u: %s, %s, %s, %u statistics, %u facts, %u pillars, %u milestones",
                          info->seed, info->language, info->template_name,
                          impact_page_size_to_string (info->page_size),
                          info->n_statistics, info->n_facts, info->n_pillars, info->n_milestones);
  if (info->n_eras > 0)
    g_string_append_printf (out, " (%u eras)", info->n_eras);
  if (!info->has_problem)
    g_string_append (out, ", no problem");
  if (!info->has_quote)
    g_string_append (out, ", no quote");
  if (!info->has_profile)
    g_string_append (out, ", no profile");
  if (!info->has_footer)
    g_string_append (out, ", no footer");
  if (info->sparse)
    g_string_append (out, ", sparse");
  if (info->long_texts)
    g_string_append (out, ", long texts");
  if (info->pages)
    g_string_append_printf (out, ", pages %s", info->pages);
  return g_string_free (out, FALSE);
}
