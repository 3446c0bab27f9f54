/* test-brand-window.c: a brand file in its own window, and the fields an
 * office inherits marked in the editor, with real widgets under Xvfb
 *
 * Offices are the built-in example with "brand": "../brand.json": quito
 * inherits the whole theme and the organisation's name, lima keeps its own
 * accent. The brand window must preview the chosen office through the
 * core renderer with the values as they are typed, save only the brand,
 * and refuse a bad colour; the editor must say which fields come from the
 * brand and give them back with its reset button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "impact-application.h"
#include "impact-brand.h"
#include "impact-brand-marks.h"
#include "impact-brand-window.h"
#include "impact-error.h"
#include "impact-gui-test-utils.h"
#include "impact-test-utils.h"
#include "impact-window.h"

static ImpactApplication *app;

static const char brand_json[] =
  "{\n"
  "  \"organisation\": {\n"
  "    \"name\": \"Example Mission\",\n"
  "    \"short_name\": \"EM\",\n"
  "    \"website\": \"https://example.org\",\n"
  "    \"address\": [\"1 Main Street\", \"Springfield\"]\n"
  "  },\n"
  "  \"theme\": { \"template\": \"bold\", \"primary\": \"#0b3d2e\", \"accent\": \"#f2a541\" }\n"
  "}\n";

static void
write_text (const char *path,
            const char *text)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The example as an office of the brand; @accent (optional) its own */
static char *
office_json (const char *accent)
{
  g_autofree char *example = impact_test_example_path ("kolkata.json");
  g_autofree char *text = read_text (example);
  g_autoptr(JsonNode) root = json_from_string (text, NULL);
  JsonObject *o = json_node_get_object (root);
  JsonObject *org = json_object_get_object_member (o, "organisation");

  json_object_set_string_member (o, "brand", "../brand.json");
  json_object_remove_member (o, "theme");
  if (accent != NULL)
    {
      JsonObject *theme = json_object_new ();

      json_object_set_string_member (theme, "accent", accent);
      json_object_set_object_member (o, "theme", theme);
    }
  json_object_remove_member (org, "name");
  json_object_remove_member (org, "short_name");
  json_object_remove_member (org, "website");
  json_object_remove_member (org, "address");
  return json_to_string (root, TRUE);
}

/* offices/brand.json, offices/lima/lima.json, offices/quito/quito.json */
static char *
make_offices (const char *brand)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  char *offices = g_build_filename (dir, "offices", NULL);
  g_autofree char *brand_path = g_build_filename (offices, "brand.json", NULL);
  g_autofree char *lima_path = g_build_filename (offices, "lima", "lima.json", NULL);
  g_autofree char *quito_path = g_build_filename (offices, "quito", "quito.json", NULL);
  g_autofree char *lima = office_json ("#c0392b");
  g_autofree char *quito = office_json (NULL);

  write_text (brand_path, brand);
  write_text (lima_path, lima);
  write_text (quito_path, quito);
  return offices;
}

static ImpactDocument *
previewed (ImpactBrandWindow *window)
{
  ImpactSheetLayout *layout = impact_sheet_preview_get_layout (impact_brand_window_get_preview (window));

  return layout ? impact_sheet_layout_get_document (layout) : NULL;
}

static ImpactBrandWindow *
open_brand (const char *offices)
{
  g_autofree char *path = g_build_filename (offices, "brand.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *window = impact_application_open_file (app, file, NULL);

  g_assert_true (IMPACT_IS_BRAND_WINDOW (window));
  impact_gui_test_settle ();
  return IMPACT_BRAND_WINDOW (window);
}

static void
close_all (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  while (windows != NULL)
    {
      gtk_window_destroy (windows->data);
      windows = gtk_application_get_windows (GTK_APPLICATION (app));
    }
  impact_gui_test_wait_for (impact_gui_test_no_windows, app, "the windows to go away");
}

static gboolean
textures_differ (GdkTexture *a,
                 GdkTexture *b)
{
  int w = gdk_texture_get_width (a), h = gdk_texture_get_height (a);
  g_autofree guchar *pa = NULL, *pb = NULL;

  if (w != gdk_texture_get_width (b) || h != gdk_texture_get_height (b))
    return TRUE;
  pa = g_malloc ((gsize) w * h * 4);
  pb = g_malloc ((gsize) w * h * 4);
  gdk_texture_download (a, pa, w * 4);
  gdk_texture_download (b, pb, w * 4);
  return memcmp (pa, pb, (gsize) w * h * 4) != 0;
}

/* Open the brand, change the accent: the preview follows, saving writes
 * the brand and no office */
static void
test_brand_window_edit_preview_save (void)
{
  g_autofree char *offices = make_offices (brand_json);
  g_autofree char *brand_path = g_build_filename (offices, "brand.json", NULL);
  g_autofree char *lima_path = g_build_filename (offices, "lima", "lima.json", NULL);
  g_autofree char *quito_path = g_build_filename (offices, "quito", "quito.json", NULL);
  g_autofree char *lima_before = read_text (lima_path);
  g_autofree char *quito_before = read_text (quito_path);
  ImpactBrandWindow *window = open_brand (offices);
  GtkDropDown *chooser = impact_brand_window_get_offices (window);
  GtkWidget *accent = impact_brand_window_get_field (window, "theme.accent");
  GtkWidget *name = impact_brand_window_get_field (window, "organisation.name");
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  ImpactDocument *doc;

  g_assert_null (impact_brand_window_get_error (window));
  /* the fields show the brand as written */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (accent)), ==, "#f2a541");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Example Mission");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "brand.json");

  /* two offices name the brand, and the example comes last */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (chooser)), ==, 3);
  g_assert_cmpstr (gtk_string_object_get_string (g_list_model_get_item (gtk_drop_down_get_model (chooser), 0)),
                   ==, "lima/lima.json");
  g_object_unref (g_list_model_get_item (gtk_drop_down_get_model (chooser), 0));

  /* Lima keeps its own accent; Quito takes the brand's */
  doc = previewed (window);
  g_assert_nonnull (doc);
  g_assert_cmpstr (impact_document_get_office (doc), ==, "Kolkata, India");
  g_assert_cmpstr (impact_document_get_theme_spec (doc)->accent, ==, "#c0392b");
  g_assert_cmpstr (impact_document_get_theme_spec (doc)->primary, ==, "#0b3d2e");
  gtk_drop_down_set_selected (chooser, 1);
  impact_gui_test_settle ();
  doc = previewed (window);
  g_assert_cmpstr (impact_document_get_theme_spec (doc)->accent, ==, "#f2a541");
  g_assert_cmpstr (impact_document_get_organisation (doc)->name, ==, "Example Mission");
  before = impact_gui_test_render (GTK_WIDGET (impact_brand_window_get_preview (window)));
  g_assert_nonnull (before);

  /* a bad colour: a message, and the preview stays */
  gtk_editable_set_text (GTK_EDITABLE (accent), "#2266a");
  impact_gui_test_settle ();
  g_assert_nonnull (impact_brand_window_get_message (window, "theme.accent"));
  g_assert_true (gtk_widget_has_css_class (accent, "error"));
  g_assert_cmpstr (impact_document_get_theme_spec (previewed (window))->accent, ==, "#f2a541");

  /* a good one: the previewed sheet changes, and so does its picture */
  gtk_editable_set_text (GTK_EDITABLE (accent), "#2266aa");
  gtk_editable_set_text (GTK_EDITABLE (name), "Example Mission International");
  impact_gui_test_settle ();
  g_assert_null (impact_brand_window_get_message (window, "theme.accent"));
  g_assert_false (gtk_widget_has_css_class (accent, "error"));
  doc = previewed (window);
  g_assert_cmpstr (impact_document_get_theme_spec (doc)->accent, ==, "#2266aa");
  g_assert_cmpstr (impact_document_get_organisation (doc)->name, ==, "Example Mission International");
  after = impact_gui_test_render (GTK_WIDGET (impact_brand_window_get_preview (window)));
  g_assert_nonnull (after);
  g_assert_true (textures_differ (before, after));
  impact_gui_test_screenshot (GTK_WIDGET (window), "brand-window");
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  /* Lima still keeps its own accent, but takes the new name */
  gtk_drop_down_set_selected (chooser, 0);
  impact_gui_test_settle ();
  doc = previewed (window);
  g_assert_cmpstr (impact_document_get_theme_spec (doc)->accent, ==, "#c0392b");
  g_assert_cmpstr (impact_document_get_organisation (doc)->name, ==, "Example Mission International");

  /* the example: every brand value, none of its own */
  gtk_drop_down_set_selected (chooser, 2);
  impact_gui_test_settle ();
  doc = previewed (window);
  g_assert_cmpstr (impact_document_get_theme_spec (doc)->accent, ==, "#2266aa");
  g_assert_cmpstr (impact_document_get_theme_spec (doc)->template_name, ==, "bold");

  /* Ctrl+S writes the brand; the offices are as they were */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  {
    g_autofree char *saved = read_text (brand_path);
    g_autofree char *lima_after = read_text (lima_path);
    g_autofree char *quito_after = read_text (quito_path);
    g_autofree char *bak = g_strconcat (brand_path, ".bak", NULL);
    g_autofree char *old = read_text (bak);

    g_assert_nonnull (strstr (saved, "\"#2266aa\""));
    g_assert_nonnull (strstr (saved, "Example Mission International"));
    g_assert_null (strstr (saved, "#f2a541"));
    g_assert_cmpstr (old, ==, brand_json);
    g_assert_cmpstr (lima_after, ==, lima_before);
    g_assert_cmpstr (quito_after, ==, quito_before);
  }
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "brand.json");

  /* and an office opened now follows the saved brand */
  {
    g_autoptr(GFile) file = g_file_new_for_path (quito_path);
    ImpactWindow *office = IMPACT_WINDOW (impact_application_open_file (app, file, NULL));

    g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, office, "the office to load"));
    g_assert_cmpstr (impact_document_get_theme_spec (impact_window_get_document (office))->accent,
                     ==, "#2266aa");
  }
  close_all ();
}

/* A brand with a bad value opens to a message naming the place */
static void
test_brand_window_broken (void)
{
  g_autofree char *offices = make_offices ("{\n  \"theme\": { \"primary\": \"navy-ish\" }\n}\n");
  ImpactBrandWindow *window = open_brand (offices);
  const char *error = impact_brand_window_get_error (window);

  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "brand.json:2:25: theme.primary: not a colour"));
  g_assert_null (impact_brand_window_get_brand (window));
  /* nothing to save, and closing asks nothing */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  close_all ();
}

/* the chooser has @args[1] selected */
static gboolean
chooser_has (gpointer data)
{
  gpointer *args = data;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (args[0]);

  return file != NULL && g_file_equal (file, args[1]);
}

/* the chooser has gone to the folder @args[1] */
static gboolean
chooser_in (gpointer data)
{
  gpointer *args = data;
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (args[0]);

  return folder != NULL && g_strcmp0 (g_file_peek_path (folder), args[1]) == 0;
}

/* Clicks @button and returns the file chooser it opens, once it shows
 * @folder */
static GtkWidget *
open_chooser (GtkWidget  *button,
              const char *folder)
{
  GtkWidget *chooser;
  gpointer args[2];

  g_signal_emit_by_name (button, "clicked");
  g_assert_true (impact_gui_test_wait_for (impact_gui_test_file_chooser_shown, NULL, "the file chooser"));
  chooser = impact_gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  args[0] = chooser;
  args[1] = (gpointer) folder;
  g_assert_true (impact_gui_test_wait_for (chooser_in, args, folder));
  return chooser;
}

static gboolean
logo_is (gpointer data)
{
  gpointer *args = data;
  g_autofree char *value = impact_brand_file_dup_value (impact_brand_window_get_brand (args[0]),
                                                        "organisation.logo");

  return g_strcmp0 (value, args[1]) == 0;
}

/* The Logo field's button opens a file chooser at the brand's folder; the
 * chosen image is written relative to the brand file, and the offices
 * find it there */
static void
test_brand_window_choose_logo (void)
{
  g_autofree char *offices = make_offices (brand_json);
  g_autofree char *logo_path = g_build_filename (offices, "art", "logo.png", NULL);
  g_autofree char *art = g_path_get_dirname (logo_path);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 64, 24);
  ImpactBrandWindow *window;
  GtkWidget *field, *button, *chooser;
  g_autoptr(GFile) chosen = g_file_new_for_path (logo_path);
  gpointer args[2];
  ImpactDocument *doc;

  g_assert_cmpint (g_mkdir_with_parents (art, 0755), ==, 0);
  g_assert_cmpint (cairo_surface_write_to_png (surface, logo_path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  window = open_brand (offices);
  field = impact_brand_window_get_field (window, "organisation.logo");
  g_assert_nonnull (field);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, "");
  button = impact_gui_test_find_named (field, "choose-logo");
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Choose a Logo…");

  /* it opens at the brand's folder */
  chooser = open_chooser (button, offices);
  args[0] = chooser;
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), chosen, NULL));
  args[1] = chosen;
  g_assert_true (impact_gui_test_wait_for (chooser_has, args, "the logo to be selected"));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  /* written relative to the brand file, and applied */
  args[0] = window;
  args[1] = "art/logo.png";
  g_assert_true (impact_gui_test_wait_for (logo_is, args, "the logo to be set"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, "art/logo.png");
  g_assert_null (impact_brand_window_get_message (window, "organisation.logo"));
  /* the previewed office finds it next to the brand, not next to itself */
  doc = previewed (window);
  g_assert_nonnull (doc);
  g_assert_cmpstr (impact_document_get_organisation (doc)->logo, ==, logo_path);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  /* cancelled: nothing changes; it opens on the logo there is now */
  chooser = open_chooser (button, art);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  impact_gui_test_settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, "art/logo.png");
  close_all ();
}

static gboolean
field_reads (gpointer data)
{
  gpointer *args = data;
  GtkWidget *field = impact_brand_window_get_field (args[0], args[1]);

  return field != NULL && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (field)), args[2]) == 0;
}

static gboolean
changed_on_disk (gpointer data)
{
  return impact_brand_window_get_changed_on_disk (data);
}

static gboolean
disk_error_said (gpointer data)
{
  return impact_brand_window_get_disk_error (data) != NULL;
}

static gboolean
office_named (gpointer data)
{
  gpointer *args = data;
  ImpactDocument *doc = previewed (args[0]);

  return doc != NULL && g_strcmp0 (impact_document_get_office (doc), args[1]) == 0;
}

/* Lets the file watches see a quiet file: longer than their settling */
static void
wait_past_settling (void)
{
  gint64 until = g_get_monotonic_time () + 700 * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* The brand or the office changed by someone else: the window follows,
 * keeps its own changes unless asked, keeps what it shows when the file no
 * longer reads, and does not take its own save for a change */
static void
test_brand_window_follows_disk (void)
{
  g_autofree char *offices = make_offices (brand_json);
  g_autofree char *brand_path = g_build_filename (offices, "brand.json", NULL);
  g_autofree char *lima_path = g_build_filename (offices, "lima", "lima.json", NULL);
  ImpactBrandWindow *window = open_brand (offices);
  GtkWidget *name = impact_brand_window_get_field (window, "organisation.name");
  g_autofree char *changed = NULL;
  g_autofree char *lima = NULL;
  GString *text;
  gpointer args[3] = { window, "theme.primary", "#123456" };

  /* our own save is not a change from outside: the fields stay */
  gtk_editable_set_text (GTK_EDITABLE (name), "Example Mission Worldwide");
  impact_gui_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_past_settling ();
  g_assert_true (impact_brand_window_get_field (window, "organisation.name") == name);
  g_assert_false (impact_brand_window_get_changed_on_disk (window));

  /* written by someone else while the window has no changes: read again */
  text = g_string_new (brand_json);
  g_string_replace (text, "#0b3d2e", "#123456", 1);
  changed = g_string_free (text, FALSE);
  write_text (brand_path, changed);
  g_assert_true (impact_gui_test_wait_for (field_reads, args, "the new primary colour"));
  g_assert_cmpstr (impact_document_get_theme_spec (previewed (window))->primary, ==, "#123456");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "brand.json");
  name = impact_brand_window_get_field (window, "organisation.name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Example Mission");

  /* while the window has changes: they stay until Reload is chosen */
  gtk_editable_set_text (GTK_EDITABLE (name), "Typed Here");
  impact_gui_test_settle ();
  write_text (brand_path, brand_json);
  g_assert_true (impact_gui_test_wait_for (changed_on_disk, window, "the change on disk to be noticed"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (impact_brand_window_get_field (window, "theme.primary"))),
                   ==, "#123456");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Typed Here");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  args[2] = "#0b3d2e";
  g_assert_true (field_reads (args));
  g_assert_false (impact_brand_window_get_changed_on_disk (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (impact_brand_window_get_field (window, "organisation.name"))),
                   ==, "Example Mission");

  /* the office shown, changed on disk, is shown as it is now */
  lima = read_text (lima_path);
  text = g_string_new (lima);
  g_string_replace (text, "\"Kolkata, India\"", "\"Lima, Peru\"", 1);
  write_text (lima_path, text->str);
  g_string_free (text, TRUE);
  args[1] = "Lima, Peru";
  g_assert_true (impact_gui_test_wait_for (office_named, args, "the office's new name"));
  args[1] = "theme.primary";

  /* a file that no longer reads: the window keeps what it shows */
  write_text (brand_path, "{ \"theme\": { \"accent\": ");
  g_assert_true (impact_gui_test_wait_for (disk_error_said, window, "the broken brand to be noticed"));
  g_assert_true (field_reads (args));
  g_assert_cmpstr (impact_document_get_theme_spec (previewed (window))->primary, ==, "#0b3d2e");
  g_assert_nonnull (strstr (impact_brand_window_get_disk_error (window), "brand.json"));

  close_all ();
}

static GtkWidget *
editor_field (ImpactWindow *window,
              const char   *key)
{
  GtkWidget *widget = impact_editor_pane_get_field (impact_gui_test_editor (window), key);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
mark_is (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (impact_brand_marks_get_state (args[0], args[1]), args[2]) == 0;
}

/* The editor marks what comes from the brand; typing overrides; the
 * reset button gives the brand's value back and saving leaves it out */
static void
test_editor_marks (void)
{
  g_autofree char *offices = make_offices (brand_json);
  g_autofree char *lima_path = g_build_filename (offices, "lima", "lima.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (lima_path);
  ImpactWindow *window = IMPACT_WINDOW (impact_application_open_file (app, file, NULL));
  ImpactEditorPane *pane;
  ImpactDocument *doc;
  GtkWidget *mark;

  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the office to load"));
  impact_gui_test_settle ();
  pane = impact_gui_test_editor (window);
  doc = impact_window_get_document (window);

  /* inherited, the office's own over a brand value, and the office's own alone */
  g_assert_cmpstr (impact_brand_marks_get_state (pane, "organisation.name"), ==, "inherited");
  g_assert_cmpstr (impact_brand_marks_get_state (pane, "theme.primary"), ==, "inherited");
  g_assert_cmpstr (impact_brand_marks_get_state (pane, "theme.accent"), ==, "overridden");
  g_assert_null (impact_brand_marks_get_state (pane, "organisation.phone"));
  g_assert_cmpstr (impact_brand_marks_get_state (pane, "organisation.address"), ==, "inherited");
  g_assert_null (impact_brand_marks_get_state (pane, "problem.heading"));
  mark = impact_brand_marks_get_mark (pane, "organisation.name");
  g_assert_true (GTK_IS_LABEL (mark));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (mark)), ==, "From brand.json");
  g_assert_true (gtk_widget_is_ancestor (mark, gtk_widget_get_ancestor (editor_field (window, "organisation.name"),
                                                                        ADW_TYPE_PREFERENCES_ROW)) ||
                 gtk_widget_is_ancestor (mark, editor_field (window, "organisation.name")));

  impact_editor_pane_focus_field (pane, "organisation.name");
  for (int i = 0; i < 10 && g_getenv ("IMPACT_TEST_SCREENSHOT_DIR") != NULL; i++)
    {
      g_usleep (50000);
      impact_gui_test_settle ();
    }
  impact_gui_test_screenshot (GTK_WIDGET (window), "editor-marks");

  /* typing makes it the office's own */
  gtk_editable_set_text (GTK_EDITABLE (editor_field (window, "organisation.name")), "Mission Lima");
  impact_gui_test_settle ();
  g_assert_cmpstr (impact_document_get_organisation (doc)->name, ==, "Mission Lima");
  g_assert_cmpstr (impact_brand_marks_get_state (pane, "organisation.name"), ==, "overridden");
  g_assert_true (GTK_IS_BUTTON (impact_brand_marks_get_mark (pane, "organisation.name")));

  /* reset the accent (a colour button) and the name: the brand's again */
  g_signal_emit_by_name (impact_brand_marks_get_mark (pane, "theme.accent"), "clicked");
  {
    gpointer args[] = { pane, (gpointer) "theme.accent", (gpointer) "inherited" };

    g_assert_true (impact_gui_test_wait_for (mark_is, args, "the accent to be the brand's"));
  }
  g_assert_cmpstr (impact_document_get_theme_spec (doc)->accent, ==, "#f2a541");
  g_signal_emit_by_name (impact_brand_marks_get_mark (pane, "organisation.name"), "clicked");
  {
    gpointer args[] = { pane, (gpointer) "organisation.name", (gpointer) "inherited" };

    g_assert_true (impact_gui_test_wait_for (mark_is, args, "the name to be the brand's"));
  }
  g_assert_cmpstr (impact_document_get_organisation (doc)->name, ==, "Example Mission");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_field (window, "organisation.name"))),
                   ==, "Example Mission");
  g_assert_true (impact_window_get_modified (window));

  /* the address (lines in a text view): typed over, then given back */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor_field (window, "organisation.address")));
    gpointer own[] = { pane, (gpointer) "organisation.address", (gpointer) "overridden" };
    gpointer back[] = { pane, (gpointer) "organisation.address", (gpointer) "inherited" };

    gtk_text_buffer_set_text (buffer, "Av. Larco 101\nLima", -1);
    g_assert_true (impact_gui_test_wait_for (mark_is, own, "the address to be Lima's own"));
    g_assert_cmpstr (impact_document_get_organisation (doc)->address[0], ==, "Av. Larco 101");
    g_assert_true (GTK_IS_BUTTON (impact_brand_marks_get_mark (pane, "organisation.address")));
    g_signal_emit_by_name (impact_brand_marks_get_mark (pane, "organisation.address"), "clicked");
    g_assert_true (impact_gui_test_wait_for (mark_is, back, "the address to be the brand's"));
    g_assert_cmpstr (impact_document_get_organisation (doc)->address[0], ==, "1 Main Street");
  }

  /* undo takes the resets back, one step each; redo does them again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  impact_gui_test_settle ();
  g_assert_cmpstr (impact_document_get_organisation (impact_window_get_document (window))->address[0],
                   ==, "Av. Larco 101");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  impact_gui_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  impact_gui_test_settle ();
  g_assert_cmpstr (impact_document_get_organisation (impact_window_get_document (window))->name, ==, "Mission Lima");
  for (int i = 0; i < 3; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
      impact_gui_test_settle ();
    }
  doc = impact_window_get_document (window);
  g_assert_cmpstr (impact_document_get_organisation (doc)->name, ==, "Example Mission");
  g_assert_cmpstr (impact_document_get_organisation (doc)->address[0], ==, "1 Main Street");

  /* saved: the accent it had and the name are left to the brand */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (impact_gui_test_wait_for (impact_gui_test_save_written, window, "the save"));
  {
    g_autofree char *saved = read_text (lima_path);

    g_assert_null (strstr (saved, "#c0392b"));
    g_assert_null (strstr (saved, "Mission Lima"));
    g_assert_null (strstr (saved, "Example Mission"));
    g_assert_null (strstr (saved, "Av. Larco"));
    g_assert_null (strstr (saved, "1 Main Street"));
    g_assert_nonnull (strstr (saved, "703.465.5495"));
  }
  impact_gui_test_settle ();
  g_assert_cmpstr (impact_brand_marks_get_state (impact_gui_test_editor (window), "theme.accent"), ==, "inherited");
  close_all ();
}

/* An office without a brand has no marks */
static void
test_editor_no_marks (void)
{
  g_autofree char *example = impact_test_example_path ("kolkata.json");
  g_autoptr(GFile) file = g_file_new_for_path (example);
  ImpactWindow *window = IMPACT_WINDOW (impact_application_open_file (app, file, NULL));

  g_assert_true (impact_gui_test_wait_for (impact_gui_test_has_document, window, "the example to load"));
  impact_gui_test_settle ();
  g_assert_false (IMPACT_IS_BRAND_WINDOW (window));
  for (const char * const *p = (const char * const[]) { "organisation.name", "theme.accent", NULL }; *p; p++)
    {
      g_assert_null (impact_brand_marks_get_state (impact_gui_test_editor (window), *p));
      g_assert_null (impact_brand_marks_get_mark (impact_gui_test_editor (window), *p));
    }
  close_all ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  app = impact_gui_test_app_new ();

  g_test_add_func ("/gui/brand/window-edit-preview-save", test_brand_window_edit_preview_save);
  g_test_add_func ("/gui/brand/window-broken", test_brand_window_broken);
  g_test_add_func ("/gui/brand/choose-logo", test_brand_window_choose_logo);
  g_test_add_func ("/gui/brand/follows-disk", test_brand_window_follows_disk);
  g_test_add_func ("/gui/brand/editor-marks", test_editor_marks);
  g_test_add_func ("/gui/brand/editor-no-marks", test_editor_no_marks);
  return g_test_run ();
}
