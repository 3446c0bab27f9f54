/* impact-sheet-layout-private.h: the display list shared by layout and render
 *
 * The layout turns a document into a list of drawing operations per page;
 * the renderer only replays them. Keeping every measurement in the layout
 * means the preview, the printout and every export draw the same thing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <cairo.h>
#include <pango/pango.h>

#include "impact-icons.h"
#include "impact-sheet-layout.h"
#include "impact-theme.h"

G_BEGIN_DECLS

typedef enum
{
  IMPACT_OP_RECT,       /* x, y, w, h, radius; fill */
  IMPACT_OP_LINE,       /* x, y → x2, y2; stroke */
  IMPACT_OP_CIRCLE,     /* centre x, y, radius; fill, or stroke when line_width > 0 */
  IMPACT_OP_POLYGON,    /* points; fill */
  IMPACT_OP_TEXT,       /* layout at x, y (top-left) */
  IMPACT_OP_ICON,       /* icon name in a box x, y, w, h; stroke colour */
  IMPACT_OP_IMAGE,      /* pixbuf scaled to x, y, w, h; clipped to a circle when round */
  IMPACT_OP_TAG_BEGIN,  /* structure tag (PDF): name, attributes */
  IMPACT_OP_TAG_END,
} ImpactOpKind;

typedef struct
{
  ImpactOpKind  kind;
  double        x, y, w, h;
  double        x2, y2;
  double        radius;
  double        line_width;
  ImpactColor   color;
  double        alpha;
  PangoLayout  *layout;     /* owned */
  GdkPixbuf    *pixbuf;     /* owned */
  char         *name;       /* icon name or tag name; owned */
  char         *attributes; /* tag attributes (cairo syntax); owned */
  char         *link;       /* URI: the op's extent becomes a link; owned */
  char         *alt;        /* a Figure tag's /Alt (TAG_BEGIN "Figure"); owned */
  const char   *struct_tag; /* PDF structure element of a text ("P", "H1" …), static; NULL = none */
  const char   *json_path;  /* image ops: the member the image comes from ("profile.photo"), static */
  int           src_width;  /* image ops: the file's size in pixels, before scaling */
  int           src_height;
  double       *points;     /* x0, y0, x1, y1 …; owned */
  guint         n_points;
  gboolean      round;
} ImpactOp;

typedef struct
{
  GArray *ops;    /* of ImpactOp */
  GArray *boxes;  /* of ImpactBox */
  double  scale;  /* the auto-fit text scale the page was laid out at */
} ImpactPageData;

guint                 impact_sheet_layout_get_n_ops (ImpactSheetLayout *self,
                                                     guint              page);
const ImpactOp       *impact_sheet_layout_get_op    (ImpactSheetLayout *self,
                                                     guint              page,
                                                     guint              index);

G_END_DECLS
