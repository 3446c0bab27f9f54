/* impact-window-private.h: ImpactWindow's state, shared with its spill files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "impact-editor-pane.h"
#include "impact-outline-pane.h"
#include "impact-session.h"
#include "impact-sheet-preview.h"
#include "impact-timeline-view.h"
#include "impact-window.h"

G_BEGIN_DECLS

struct _ImpactWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template Widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwSqueezer          *title_squeezer;
  AdwWindowTitle       *window_title;    /* file and folder */
  AdwWindowTitle       *narrow_title;    /* the same, without the view switcher */
  AdwViewSwitcher      *view_switcher;
  AdwViewSwitcherBar   *view_switcher_bar;
  AdwViewStack         *content_stack;
  ImpactTimelineView   *timeline_view;
  AdwSplitButton       *open_button;
  AdwSqueezer          *open_squeezer;   /* its word or its icon */
  AdwSqueezer          *end_squeezer;    /* Export and Save, Save, or nothing */
  GtkBox               *wide_end_box;    /* Preflight, Export and Save */
  GtkToggleButton      *outline_button;
  GtkMenuButton        *menu_button;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkButton            *banner_details_button;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  AdwFlap              *flap;
  ImpactOutlinePane    *outline;
  ImpactEditorPane     *editor;
  GtkStack             *side_stack;
  ImpactSheetPreview   *preview;
  GtkProgressBar       *progress_bar;
  GtkLabel             *zoom_label;

  /* Built in code (impact-window-preflight.c) */
  GtkMenuButton        *preflight_button;
  GtkLabel             *preflight_count;
  GtkListBox           *preflight_list;

  /* Borrowed References */
  GtkWidget            *pane_focus;      /* weak: where F6 left the side pane */

  /* Owned References */
  GSettings            *settings;
  ImpactSession        *session;         /* file, load, save, undo, recovery */
  GCancellable         *export_cancellable;
  char                 *page_size_name;  /* "letter", "a4" */
  GPtrArray            *exported;        /* of GFile */
  AdwMessageDialog     *changed_dialog;  /* "changed on disk", while shown */
  AdwMessageDialog     *replace_dialog;  /* "replace the version on disk?", while shown */

  ImpactPageSize        page_size;
  guint                 pulse_timeout;
  guint                 relayout_timeout;
  gint64                last_relayout_usec; /* time of the last re-layout after an edit */
  guint                 n_loads;         /* loads in flight */
  guint                 exporting : 1;
  guint                 noted_recent : 1;
  guint                 first_draw_logged : 1;
  guint                 fill_pending : 1;   /* the panes wait for the first frame */
  guint                 fill_source;        /* idle or fallback timeout that fills them */
  guint                 force_close : 1;
  guint                 saving : 1;       /* a save from an action is being written */
};

/* The session's last good document, or NULL (also once disposed) */
static inline ImpactLoadResult *
impact_window_get_result (ImpactWindow *self)
{
  return self->session != NULL ? impact_session_get_result (self->session) : NULL;
}

/* impact-window.c: click to select. Outlines @section's @item (-1: the
 * section) on the sheet and opens its fields in the editor pane, with the
 * keyboard focus in the first one. */
void impact_window_select             (ImpactWindow      *self,
                                       ImpactSection      section,
                                       int                item);

/* impact-window-preflight.c: the warnings of `validate`, in a popover */
void  impact_window_preflight_init           (ImpactWindow *self);
void  impact_window_preflight_update         (ImpactWindow *self);
guint impact_window_preflight_get_n_problems (ImpactWindow *self);

/* impact-window-actions.c */
void impact_window_class_actions_init (ImpactWindowClass *klass);
void impact_window_actions_update     (ImpactWindow      *self);
/* Shows @message in a toast (errors too short for a dialog). */
void impact_window_show_toast         (ImpactWindow      *self,
                                       const char        *message);
/* Lays the current document out again for the page size property. */
void impact_window_relayout           (ImpactWindow      *self);
void impact_window_lay_out_result     (ImpactWindow      *self,
                                       ImpactLoadResult  *result);
/* Reads the file again now (the file monitor does it after a delay). */
void impact_window_reload             (ImpactWindow      *self);
void impact_window_show_error_details (ImpactWindow      *self);

/* impact-window-import.c: Import Spreadsheet… */
void       impact_window_class_import_init (ImpactWindowClass *klass);
/* Reads @file in a worker thread and shows what importing it would do;
 * nothing changes before the dialog's Import. */
void       impact_window_import_csv        (ImpactWindow      *self,
                                            GFile             *file);
/* The import dialog on screen, or NULL */
GtkWindow *impact_window_get_import_dialog (ImpactWindow      *self);

/* impact-window-edit.c: editing, undo, saving, recovery */
#define IMPACT_RELAYOUT_DELAY_MS   60
#define IMPACT_FILL_FALLBACK_MS    1000  /* the panes, when no first frame comes */
void     impact_window_edit_init          (ImpactWindow *self);
void     impact_window_edit_dispose       (ImpactWindow *self);
void     impact_window_class_edit_init    (ImpactWindowClass *klass);
/* A document was loaded (or reloaded) from @file: a fresh undo history. */
void     impact_window_document_loaded    (ImpactWindow *self);
/* The editor changed field @key (NULL: structure) */
void     impact_window_document_edited    (ImpactWindow *self,
                                           const char   *key);
/* Takes the undo step of the typing in progress now */
void     impact_window_flush_edits        (ImpactWindow *self);
/* Lays out the edited document now (the editor waits a moment otherwise) */
void     impact_window_apply_edits        (ImpactWindow *self);
gboolean impact_window_get_dirty          (ImpactWindow *self);
/* Saves to @file (NULL: the window's file); reports errors in a dialog and
 * returns FALSE, leaving the document open and dirty. */
gboolean impact_window_save_to            (ImpactWindow *self,
                                           GFile        *file,
                                           GError      **error);
void     impact_window_undo               (ImpactWindow *self);
void     impact_window_redo               (ImpactWindow *self);
/* Writes the recovery copy now if there are unsaved changes; returns its
 * path (or NULL when there is nothing to recover). */
const char *impact_window_write_recovery  (ImpactWindow *self);
void     impact_window_remove_recovery    (ImpactWindow *self);
/* Replaces the document with one built from @text (the template of a new
 * sheet, or a recovery copy) standing for @file (may be NULL); @saved_text
 * is what is on disk. */
gboolean impact_window_install_text       (ImpactWindow *self,
                                           const char   *text,
                                           GFile        *file,
                                           const char   *saved_text,
                                           GError      **error);
/* The file changed on disk: reload, or ask when there are unsaved edits. */
void     impact_window_disk_changed       (ImpactWindow *self);
void     impact_window_update_titles      (ImpactWindow *self);
/* Save, Save As, Undo and Redo enabled as the session allows; the title */
void     impact_window_update_state       (ImpactWindow *self);
/* Reloads, after asking when there are unsaved changes */
void     impact_window_confirm_reload     (ImpactWindow *self);
/* Asks Save / Discard / Cancel, then closes (or not) */
void     impact_window_confirm_close      (ImpactWindow *self);
/* Makes @file the window's file without reading it (after Save As) */
void     impact_window_set_file_quietly   (ImpactWindow *self,
                                           GFile        *file);

G_END_DECLS
