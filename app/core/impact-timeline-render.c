/* impact-timeline-render.c: being written (see the issue); intentionally empty for now.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
