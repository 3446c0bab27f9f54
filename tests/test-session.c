/* test-session.c: ImpactSession without a display
 *
 * Loading, editing and undo, the modified flag, saving (atomic, with a
 * .bak, and failing without harm), outside changes and recovery copies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "impact-error.h"
#include "impact-session.h"
#include "impact-test-utils.h"

typedef struct
{
  char          *dir;
  char          *path;       /* a copy of the example, in @dir */
  GFile         *file;
  char          *original;   /* its text */
  ImpactSession *session;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *example = impact_test_example_path ("kolkata.json");
  g_autoptr(GError) error = NULL;

  fixture->dir = impact_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "office.json", NULL);
  g_assert_true (g_file_get_contents (example, &fixture->original, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (fixture->path, fixture->original, -1, &error));
  g_assert_no_error (error);
  fixture->file = g_file_new_for_path (fixture->path);
  fixture->session = impact_session_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->file);
  impact_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->original);
}

/* Runs the main loop until @done is TRUE, or fails after a long while
 * (no timing is asserted: the limit only stops a hung test) */
static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
wait_until (gboolean *done,
            guint    *counter)
{
  gint64 give_up = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  while (!(done ? *done : *counter > 0) && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  if (done != NULL)
    g_assert_true (*done);
  else
    g_assert_cmpuint (*counter, >, 0);
}

static void
wait_for (gboolean *done)
{
  wait_until (done, NULL);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Wait;

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = impact_session_load_finish (IMPACT_SESSION (source), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
load (ImpactSession  *session,
      GError        **error)
{
  Wait wait = { 0 };

  impact_session_load_async (session, load_cb, &wait);
  wait_for (&wait.done);
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.ok;
}

static void
open_and_load (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  impact_session_open (fixture->session, fixture->file);
  g_assert_true (load (fixture->session, &error));
  g_assert_no_error (error);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static char *
read_path (const char *path)
{
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  return text;
}

/* Sets the office name as the editor pane does, typed in field @key,
 * then the undo step */
static void
edit_field (ImpactSession *session,
            const char    *office,
            const char    *key)
{
  ImpactDocument *doc = impact_session_get_document (session);

  impact_document_set_office (doc, office);
  impact_document_changed (doc);
  impact_session_edit (session, key);
}

static void
edit_office (ImpactSession *session,
             const char    *office)
{
  edit_field (session, office, "office");
}

static void
test_load (Fixture       *fixture,
           gconstpointer  user_data)
{
  guint n_document = 0;
  guint n_title = 0;
  ImpactLoadResult *result;

  g_signal_connect (fixture->session, "notify::document", G_CALLBACK (count_notify), &n_document);
  g_signal_connect (fixture->session, "notify::title", G_CALLBACK (count_notify), &n_title);

  g_assert_null (impact_session_get_document (fixture->session));
  g_assert_null (impact_session_get_title (fixture->session));
  open_and_load (fixture);

  result = impact_session_get_result (fixture->session);
  g_assert_nonnull (result);
  g_assert_nonnull (result->layout);
  g_assert_true (impact_session_get_document (fixture->session) == result->document);
  g_assert_true (g_file_equal (impact_session_get_file (fixture->session), fixture->file));
  g_assert_cmpstr (impact_session_get_title (fixture->session), ==, "office.json");
  g_assert_cmpuint (n_document, >=, 1);
  g_assert_cmpuint (n_title, ==, 1);
  g_assert_null (impact_session_get_error (fixture->session));
  g_assert_false (impact_session_get_modified (fixture->session));
  g_assert_false (impact_session_get_can_undo (fixture->session));
  g_assert_false (impact_session_get_can_redo (fixture->session));
  g_assert_cmpstr (impact_document_get_office (result->document), !=, NULL);
}

/* A broken file: an error with file, line and column; a document loaded
 * before stays */
static void
test_load_error (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  ImpactDocument *good;
  const char *message;
  g_autofree char *where = NULL;

  open_and_load (fixture);
  good = impact_session_get_document (fixture->session);

  g_assert_true (g_file_set_contents (fixture->path, "{\n  \"office\": \"Pune\",\n  oops\n}\n", -1, NULL));
  g_assert_false (load (fixture->session, &error));
  g_assert_nonnull (error);
  message = impact_session_get_error (fixture->session);
  g_assert_nonnull (message);
  g_test_message ("load error: %s", message);
  where = g_strdup ("office.json:3:3: ");
  g_assert_true (g_str_has_prefix (message, where));
  g_assert_nonnull (strstr (message, "oops"));
  g_assert_null (strchr (message, '\n'));
  g_assert_true (impact_session_get_document (fixture->session) == good);

  /* fixed again: the error goes */
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (fixture->path, fixture->original, -1, NULL));
  g_assert_true (load (fixture->session, &error));
  g_assert_no_error (error);
  g_assert_null (impact_session_get_error (fixture->session));

  /* a file that is not there */
  {
    g_autofree char *missing = g_build_filename (fixture->dir, "missing.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (missing);
    g_autoptr(ImpactSession) other = impact_session_new ();

    impact_session_open (other, file);
    g_assert_false (load (other, &error));
    g_assert_nonnull (impact_session_get_error (other));
    g_assert_null (impact_session_get_document (other));
    g_test_message ("missing file: %s", impact_session_get_error (other));
  }
}

static void
test_edit_undo (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *office = NULL;
  guint n_modified = 0;
  guint n_can_undo = 0;
  ImpactDocument *doc;

  open_and_load (fixture);
  doc = impact_session_get_document (fixture->session);
  office = g_strdup (impact_document_get_office (doc));
  g_signal_connect (fixture->session, "notify::modified", G_CALLBACK (count_notify), &n_modified);
  g_signal_connect (fixture->session, "notify::can-undo", G_CALLBACK (count_notify), &n_can_undo);

  /* typing: modified at once, the step when it pauses (flushed here) */
  edit_office (fixture->session, "Pune");
  g_assert_true (impact_session_get_modified (fixture->session));
  g_assert_true (impact_session_get_typing (fixture->session));
  g_assert_cmpuint (n_modified, ==, 1);
  /* …and undoable at once (undo takes the burst as its step first) */
  g_assert_true (impact_session_get_can_undo (fixture->session));
  g_assert_cmpuint (n_can_undo, ==, 1);
  g_assert_true (impact_session_flush_edits (fixture->session));
  g_assert_false (impact_session_flush_edits (fixture->session));
  g_assert_false (impact_session_get_typing (fixture->session));
  g_assert_true (impact_session_get_can_undo (fixture->session));
  g_assert_cmpuint (n_can_undo, ==, 1);

  /* the same field again soon after: the same step (a word is one step) */
  edit_office (fixture->session, "Pune West");
  impact_session_flush_edits (fixture->session);
  g_assert_cmpuint (impact_undo_stack_get_n_steps (impact_session_get_undo_stack (fixture->session)), ==, 2);

  /* another field starts another step; a change of structure ends it */
  impact_session_begin_edit (fixture->session, "title");
  edit_field (fixture->session, "Pune North", "title");
  g_assert_true (impact_session_get_typing (fixture->session));
  impact_session_begin_edit (fixture->session, NULL);
  g_assert_false (impact_session_get_typing (fixture->session));
  g_assert_cmpuint (impact_undo_stack_get_n_steps (impact_session_get_undo_stack (fixture->session)), ==, 3);

  /* a change of structure: a step at once (one that changes nothing is none) */
  impact_session_edit (fixture->session, NULL);
  g_assert_cmpuint (impact_undo_stack_get_n_steps (impact_session_get_undo_stack (fixture->session)), ==, 3);
  edit_field (fixture->session, "Pune Central", NULL);
  g_assert_false (impact_session_get_typing (fixture->session));
  g_assert_cmpuint (impact_undo_stack_get_n_steps (impact_session_get_undo_stack (fixture->session)), ==, 4);

  g_assert_true (impact_session_undo (fixture->session));
  g_assert_cmpstr (impact_document_get_office (doc), ==, "Pune North");
  g_assert_true (impact_session_undo (fixture->session));
  g_assert_cmpstr (impact_document_get_office (doc), ==, "Pune West");
  g_assert_true (impact_session_get_can_redo (fixture->session));
  g_assert_true (impact_session_undo (fixture->session));
  /* back where it was loaded: not modified, nothing more to undo */
  g_assert_cmpstr (impact_document_get_office (doc), ==, office);
  g_assert_false (impact_session_get_modified (fixture->session));
  g_assert_false (impact_session_get_can_undo (fixture->session));
  g_assert_false (impact_session_undo (fixture->session));

  g_assert_true (impact_session_redo (fixture->session));
  g_assert_cmpstr (impact_document_get_office (doc), ==, "Pune West");
  g_assert_true (impact_session_get_modified (fixture->session));
  g_assert_true (impact_session_redo (fixture->session));
  g_assert_cmpstr (impact_document_get_office (doc), ==, "Pune North");
  g_assert_true (impact_session_redo (fixture->session));
  g_assert_false (impact_session_redo (fixture->session));
  g_assert_false (impact_session_get_can_redo (fixture->session));

  /* nothing loaded: edits and undo do nothing */
  {
    g_autoptr(ImpactSession) empty = impact_session_new ();

    impact_session_edit (empty, "office");
    g_assert_false (impact_session_get_modified (empty));
    g_assert_false (impact_session_undo (empty));
    g_assert_false (impact_session_redo (empty));
  }
}

static void
test_save (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bak_path = g_strconcat (fixture->path, ".bak", NULL);
  g_autofree char *bak = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  open_and_load (fixture);
  edit_office (fixture->session, "Pune, India");
  g_assert_true (impact_session_save (fixture->session, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (impact_session_get_modified (fixture->session));
  g_assert_false (impact_session_get_typing (fixture->session));

  /* the new text, the old one as .bak, and no temporary file left */
  saved = read_path (fixture->path);
  bak = read_path (bak_path);
  g_assert_nonnull (strstr (saved, "\"Pune, India\""));
  g_assert_cmpstr (bak, ==, fixture->original);
  dir = g_dir_open (fixture->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_equal (name, "office.json") || g_str_equal (name, "office.json.bak"));

  /* saved by us: no conflict, the file is what the document says */
  g_assert_false (impact_session_disk_conflict (fixture->session, fixture->file));
  g_assert_false (impact_session_disk_differs (fixture->session));

  /* the untouched parts kept as written (a format-preserving save) */
  g_assert_cmpuint (strlen (saved), >, strlen (fixture->original) / 2);

  /* undo after a save: modified again */
  g_assert_true (impact_session_undo (fixture->session));
  g_assert_true (impact_session_get_modified (fixture->session));
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = impact_session_save_finish (IMPACT_SESSION (source), result, &wait->error);
  wait->done = TRUE;
}

static void
test_save_async (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.json", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autofree char *saved = NULL;
  Wait wait = { 0 };

  open_and_load (fixture);
  edit_office (fixture->session, "Nagpur");
  impact_session_save_async (fixture->session, other, NULL, save_cb, &wait);
  /* typed while the worker writes: stays unsaved */
  edit_office (fixture->session, "Nagpur East");
  wait_for (&wait.done);
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);

  saved = read_path (other_path);
  g_assert_nonnull (strstr (saved, "\"Nagpur\""));
  g_assert_null (strstr (saved, "Nagpur East"));
  g_assert_true (g_file_equal (impact_session_get_file (fixture->session), other));
  g_assert_cmpstr (impact_session_get_title (fixture->session), ==, "other.json");
  g_assert_true (impact_session_get_modified (fixture->session));
  /* the original untouched */
  {
    g_autofree char *original = read_path (fixture->path);

    g_assert_cmpstr (original, ==, fixture->original);
  }

  /* and saved again, synchronously: clean */
  g_assert_true (impact_session_save (fixture->session, NULL, NULL));
  g_assert_false (impact_session_get_modified (fixture->session));
  g_clear_pointer (&saved, g_free);
  saved = read_path (other_path);
  g_assert_nonnull (strstr (saved, "\"Nagpur East\""));
}

static void
check_failed_save (Fixture    *fixture,
                   GFile      *target,
                   const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *bak_path = g_strconcat (fixture->path, ".bak", NULL);

  g_assert_false (impact_session_save (fixture->session, target, &error));
  g_assert_nonnull (error);
  g_test_message ("%s: %s", what, error->message);
  g_assert_true (impact_session_get_modified (fixture->session));
  after = read_path (fixture->path);
  g_assert_cmpstr (after, ==, fixture->original);
  g_assert_false (g_file_test (bak_path, G_FILE_TEST_EXISTS));
  /* the session's file stays */
  g_assert_true (g_file_equal (impact_session_get_file (fixture->session), fixture->file));
}

/* A path under a file (ENOTDIR), an unwritable folder, the example */
static void
test_save_failure (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *under_file = g_build_filename (fixture->path, "inside.json", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (under_file);
  g_autoptr(GFile) example = g_file_new_for_uri ("resource:///io/github/impactsheet/ImpactSheet/examples/kolkata.json");
  g_autoptr(GError) error = NULL;

  open_and_load (fixture);
  edit_office (fixture->session, "Surat");
  check_failed_save (fixture, target, "under a file");

  g_assert_false (impact_session_save (fixture->session, example, &error));
  g_assert_error (error, IMPACT_ERROR, IMPACT_ERROR_WRITE);
  g_assert_true (impact_session_get_modified (fixture->session));
  g_clear_error (&error);

  if (geteuid () == 0)
    g_test_message ("running as root: the unwritable folder is skipped");
  else
    {
      g_autofree char *locked = g_build_filename (fixture->dir, "locked", NULL);
      g_autofree char *inside = g_build_filename (locked, "office.json", NULL);
      g_autoptr(GFile) locked_file = g_file_new_for_path (inside);

      g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
      check_failed_save (fixture, locked_file, "unwritable folder");
      g_chmod (locked, 0700);
    }

  /* the original file still saves */
  g_assert_true (impact_session_save (fixture->session, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (impact_session_get_modified (fixture->session));
}

static void
changed_on_disk_cb (ImpactSession *session,
                    gpointer       user_data)
{
  (*(guint *) user_data)++;
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *changed = NULL;
  guint n_changed = 0;
  char *office;

  open_and_load (fixture);
  g_signal_connect (fixture->session, "changed-on-disk", G_CALLBACK (changed_on_disk_cb), &n_changed);

  /* our own save: no signal (the text on disk is the document's) */
  edit_office (fixture->session, "Indore");
  g_assert_true (impact_session_save (fixture->session, NULL, NULL));
  {
    gboolean later = FALSE;

    /* the monitor's events and the settle delay, twice over */
    g_timeout_add (3 * IMPACT_SESSION_RELOAD_DELAY_MS, set_flag_cb, &later);
    wait_for (&later);
  }
  g_assert_cmpuint (n_changed, ==, 0);

  /* another program writes: the signal, and the save would conflict */
  changed = read_path (fixture->path);
  office = strstr (changed, "Indore");
  g_assert_nonnull (office);
  memcpy (office, "Bhopa", 5);
  edit_office (fixture->session, "Indore Central");
  g_assert_true (g_file_set_contents (fixture->path, changed, -1, NULL));
  wait_until (NULL, &n_changed);
  g_assert_true (impact_session_disk_differs (fixture->session));
  g_assert_true (impact_session_disk_conflict (fixture->session, fixture->file));
  /* "keep my changes": no conflict any more */
  impact_session_set_keep_changes (fixture->session, TRUE);
  g_assert_false (impact_session_disk_conflict (fixture->session, fixture->file));
  g_assert_true (impact_session_save (fixture->session, NULL, NULL));
  g_assert_false (impact_session_get_keep_changes (fixture->session));
}

static guint
count_recovery_files (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "impact-sheet", "recovery", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  if (listing == NULL)
    return 0;
  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

static void
test_recovery (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ImpactSession) restored = impact_session_new ();
  g_autoptr(GFile) copy = NULL;
  g_autofree char *copy_path = NULL;
  const char *path;

  open_and_load (fixture);
  /* nothing unsaved: no copy */
  g_assert_null (impact_session_write_recovery (fixture->session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_recovery_files (), ==, 0);

  edit_office (fixture->session, "Kochi, India");
  path = impact_session_write_recovery (fixture->session, &error);
  g_assert_no_error (error);
  g_assert_nonnull (path);
  copy_path = g_strdup (path);
  g_assert_true (g_file_test (copy_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_recovery_files (), ==, 2);   /* the copy and its note */
  /* the same text again: the same copy */
  g_assert_cmpstr (impact_session_write_recovery (fixture->session, NULL), ==, copy_path);

  /* "after a crash": another session opens the copy */
  copy = g_file_new_for_path (copy_path);
  g_assert_true (impact_session_restore_recovery (restored, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (impact_document_get_office (impact_session_get_document (restored)), ==, "Kochi, India");
  g_assert_true (g_file_equal (impact_session_get_file (restored), fixture->file));
  g_assert_true (impact_session_get_modified (restored));

  /* saving it writes the recovered text and removes the copies */
  g_assert_true (impact_session_save (restored, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *saved = read_path (fixture->path);

    g_assert_nonnull (strstr (saved, "Kochi, India"));
  }
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));

  /* the first session's copy goes when it is discarded */
  impact_session_discard_recovery (fixture->session);
  g_assert_cmpuint (count_recovery_files (), ==, 0);

  /* a copy that is not there */
  {
    g_autoptr(ImpactSession) other = impact_session_new ();

    g_assert_false (impact_session_restore_recovery (other, copy, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_assert_null (impact_session_get_document (other));
  }
}

/* A new sheet from text: no file, "New Fact Sheet", saved as a new file */
static void
test_install (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *target_path = g_build_filename (fixture->dir, "new.json", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (target_path);

  g_assert_false (impact_session_install_text (fixture->session, "{ \"office\": ", NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_null (impact_session_get_document (fixture->session));
  g_clear_error (&error);

  g_assert_true (impact_session_install_text (fixture->session, fixture->original, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (impact_session_get_file (fixture->session));
  g_assert_cmpstr (impact_session_get_title (fixture->session), ==, "New Fact Sheet");
  /* nothing on disk: unsaved */
  g_assert_true (impact_session_get_modified (fixture->session));
  impact_session_mark_saved (fixture->session);
  g_assert_false (impact_session_get_modified (fixture->session));

  edit_office (fixture->session, "Agra");
  g_assert_true (impact_session_save (fixture->session, target, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (impact_session_get_file (fixture->session), target));
  g_assert_cmpstr (impact_session_get_title (fixture->session), ==, "new.json");
  g_assert_false (impact_session_get_modified (fixture->session));
}

int
main (int   argc,
      char *argv[])
{
  /* The recovery copies go to a state folder of this run. (Not
   * G_TEST_OPTION_ISOLATE_DIRS: GLib 2.74's g_set_user_dirs() leaks the
   * folders it replaces, which the sanitizer run reports.) */
  g_autofree char *home = g_dir_make_tmp ("impact-session-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  int status;

  g_assert_nonnull (home);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/session/load", test_load);
  ADD ("/session/load-error", test_load_error);
  ADD ("/session/edit-undo", test_edit_undo);
  ADD ("/session/save", test_save);
  ADD ("/session/save-async", test_save_async);
  ADD ("/session/save-failure", test_save_failure);
  ADD ("/session/changed-on-disk", test_changed_on_disk);
  ADD ("/session/recovery", test_recovery);
  ADD ("/session/install", test_install);
#undef ADD

  status = g_test_run ();
  impact_test_remove_tree (home);
  return status;
}
