#!/usr/bin/env python3
# test-accessible-tree.py: what a screen reader sees of the real window
#
# Runs impact-sheet-gui on an example and reads its accessible tree back over
# AT-SPI (the accessibility bus of at-spi2-core, where GTK 4.8 exports it),
# as Orca would, from the desktop down:
#
#  - every interactive control (buttons, toggles, check and radio buttons,
#    entries and text views, spin buttons, combo boxes, sliders, switches,
#    links, page tabs, menu items, focusable list items and lists) has a
#    name (not counting the popup list inside a GtkDropDown, which GTK
#    builds and gives no way to name); GTK 4.8 falls back to the widget's
#    type name ("GtkButton") for an unlabelled control (gtkatcontext.c,
#    gtk_at_context_get_name_accumulate), so such a name counts as none;
#  - no name keeps a mnemonic underscore or says its text twice;
#  - sibling buttons have distinct names (no row of identical "Add");
#  - each top-level surface is a frame or a dialog and has a name;
#  - the sheet preview and the timeline expose their parts as named,
#    focusable children;
#  - moving the focus with the keyboard (F6, the arrows) is reported: the
#    object that gets it has the FOCUSED state and a name, for the sheet's
#    parts, the editor's field and the timeline's milestones;
#  - the same names check in the export dialog (Ctrl+E), the keyboard
#    shortcuts window (Ctrl+?) and the main menu (F10).
#
# Keys are sent with Atspi.generate_keyboard_event (XTest, through
# at-spi2-registryd): GTK 4.8 does not implement Component.GrabFocus (it
# answers with an error). Every wait polls the tree or the focus events with a deadline, no fixed sleep.
#
# It starts its own X server (Xvfb on a free display, a number well above
# those xvfb-run -a takes, so no race with the other tests) and its own
# D-Bus session (dbus-run-session, where the accessibility bus is
# activated), then runs
# itself again inside them; the daemons' messages go to standard error, the
# TAP to standard output.
#
# Usage: test-accessible-tree.py IMPACT-SHEET-GUI EXAMPLE.json
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import select
import shutil
import subprocess
import sys
import time

INNER = os.environ.get('IMPACT_A11Y_TAP_FD')
# inside the session, TAP goes to the file descriptor the outer run passed
tap_out = os.fdopen(int(INNER), 'w') if INNER else sys.stdout


def skip(reason):
    print('1..0 # SKIP %s' % reason, file=tap_out)
    tap_out.flush()
    sys.exit(77)


def x_displays_in_use():
    """Display numbers with an X socket, even another mount namespace's
    server (its abstract socket, which clients try first)"""
    used = set()
    try:
        with open('/proc/net/unix') as f:
            for m in re.finditer(r'/tmp/\.X11-unix/X(\d+)', f.read()):
                used.add(int(m.group(1)))
    except OSError:
        pass
    return used


def start_xvfb():
    """An X server on a free display, well above the numbers xvfb-run -a
    and Xvfb -displayfd pick (99 up, 0 up): (process, ':N')"""
    import random
    used = x_displays_in_use()
    number = random.choice([n for n in range(1000, 30000) if n not in used])
    if os.path.exists('/tmp/.X%d-lock' % number):
        return None, None
    r, w = os.pipe()
    xvfb = subprocess.Popen(['Xvfb', ':%d' % number, '-displayfd', str(w),
                             '-screen', '0', '1280x1024x24', '-nolisten', 'tcp',
                             # no reset when the last client leaves (the
                             # accessibility bus launcher does, early): a
                             # server resetting refuses the window
                             '-noreset'],
                            pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(w)
    ready = b''
    deadline = time.monotonic() + 30
    while not ready.endswith(b'\n') and time.monotonic() < deadline:
        readable, _, _ = select.select([r], [], [], 1)
        if readable:
            chunk = os.read(r, 16)
            if not chunk:
                break  # it exited: the number was taken after all
            ready += chunk
    os.close(r)
    if ready.strip() != str(number).encode():
        xvfb.kill()
        xvfb.wait()
        return None, None
    return xvfb, ':%d' % number


# The inner run's status when the window never came up (no display): the
# outer run tries again with another X server
NO_DISPLAY = 99


def run_outer():
    if shutil.which('dbus-run-session') is None:
        skip('dbus-run-session not found (Debian package dbus)')
    if shutil.which('Xvfb') is None and not os.environ.get('DISPLAY'):
        skip('no Xvfb and no display')
    tap_fd = os.dup(sys.stdout.fileno())
    for attempt in range(5):
        xvfb = None
        env = dict(os.environ)
        env.pop('WAYLAND_DISPLAY', None)
        if shutil.which('Xvfb') is not None:
            xvfb, display = start_xvfb()
            if xvfb is None:
                continue
            env['DISPLAY'] = display
        env['IMPACT_A11Y_TAP_FD'] = str(tap_fd)
        print('# X display %s (attempt %d)' % (env['DISPLAY'], attempt + 1), file=tap_out)
        tap_out.flush()
        try:
            status = subprocess.call(['dbus-run-session', '--', sys.executable, os.path.abspath(__file__)] +
                                     sys.argv[1:],
                                     env=env, stdout=sys.stderr.fileno(), pass_fds=(tap_fd,))
        finally:
            if xvfb is not None:
                xvfb.terminate()
                xvfb.wait()
        if status != NO_DISPLAY:
            return status
    print('not ok 1 - an X server the window can use\n1..1', file=tap_out)
    return 1


if not INNER:
    sys.exit(run_outer())

try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi, GLib
except (ImportError, ValueError) as e:
    # the Debian packages python3-gi and gir1.2-atspi-2.0 (.ci/debian-packages.txt)
    skip('no AT-SPI bindings for Python: %s' % e)

TIMEOUT = float(os.environ.get('IMPACT_A11Y_TIMEOUT', '60'))

R = Atspi.Role
S = Atspi.StateType

# Always interactive
CONTROL_ROLES = {
    R.PUSH_BUTTON, R.TOGGLE_BUTTON, R.CHECK_BOX, R.RADIO_BUTTON,
    R.MENU_ITEM, R.CHECK_MENU_ITEM, R.RADIO_MENU_ITEM,
    R.COMBO_BOX, R.ENTRY, R.PASSWORD_TEXT, R.TEXT, R.SPIN_BUTTON,
    R.SLIDER, R.LINK, R.PAGE_TAB,
}
# Interactive when the keyboard can reach them (activatable rows, the
# lists a screen reader announces on entering)
FOCUSABLE_ROLES = {
    R.LIST_ITEM, R.TABLE_CELL, R.TREE_ITEM, R.LIST, R.LIST_BOX, R.TREE,
    R.TABLE, R.TREE_TABLE, R.IMAGE,
}
BUTTON_ROLES = {R.PUSH_BUTTON, R.TOGGLE_BUTTON, R.CHECK_BOX, R.RADIO_BUTTON}
SURFACE_ROLES = {R.FRAME, R.DIALOG, R.WINDOW, R.ALERT, R.FILE_CHOOSER}

# GTK 4.8's name for an unlabelled control: its type's name
TYPE_NAME = re.compile(r'(Gtk|Adw|Impact)[A-Z][A-Za-z0-9]*')

# X keysyms
KEY = {
    'Tab': 0xff09, 'Escape': 0xff1b, 'Down': 0xff54, 'Right': 0xff53,
    'F6': 0xffc3, 'F10': 0xffc7, 'e': 0x65, '2': 0x32, 'question': 0x3f,
}
CONTROL_MASK = 1 << 2
MOD1_MASK = 1 << 3  # Alt
SHIFT_MASK = 1 << 0

n_test = 0
n_failed = 0


def tap(ok, description, details=()):
    global n_test, n_failed
    n_test += 1
    if not ok:
        n_failed += 1
    print('%s %d - %s' % ('ok' if ok else 'not ok', n_test, description), file=tap_out)
    for line in details:
        print('# ' + line, file=tap_out)
    tap_out.flush()


def diag(line):
    print('# ' + line, file=tap_out)
    tap_out.flush()


def pump():
    ctx = GLib.MainContext.default()
    while ctx.pending():
        ctx.iteration(False)


def wait_for(predicate, what, timeout=TIMEOUT):
    """Polls @predicate (pumping AT-SPI events) until it returns a true
    value, which it returns; None after @timeout seconds."""
    deadline = time.monotonic() + timeout
    delay = 0.02
    while True:
        pump()
        try:
            value = predicate()
        except GLib.Error:
            value = None  # an object went away while we looked: look again
        if value:
            return value
        if time.monotonic() > deadline:
            diag('timed out after %.0f s waiting for %s' % (timeout, what))
            return None
        time.sleep(delay)
        delay = min(delay * 2, 0.25)


# The tree

class Node:
    __slots__ = ('acc', 'role', 'role_name', 'name', 'states', 'path', 'parent', 'children')

    def __init__(self, acc, parent, index):
        self.acc = acc
        self.role = acc.get_role()
        self.role_name = acc.get_role_name()
        self.name = acc.get_name() or ''
        self.states = acc.get_state_set()
        self.parent = parent
        self.children = []
        step = self.role_name if index is None else '%s[%d]' % (self.role_name, index)
        if self.name and not is_unnamed(self.name):
            step += " '%s'" % shorten(self.name)
        self.path = step if parent is None else parent.path + ' > ' + step

    def has(self, state):
        return self.states.contains(state)


def shorten(text, n=40):
    text = text.replace('\n', ' ')
    return text if len(text) <= n else text[:n - 1] + '…'


def is_unnamed(name):
    return name.strip() == '' or TYPE_NAME.fullmatch(name.strip()) is not None


def build(acc, parent=None, index=None, nodes=None):
    """Reads the tree under @acc once: a list of Node, parents first."""
    if nodes is None:
        nodes = []
    node = Node(acc, parent, index)
    if parent is not None:
        parent.children.append(node)
    nodes.append(node)
    for i in range(acc.get_child_count()):
        child = acc.get_child_at_index(i)
        if child is not None:
            build(child, node, i, nodes)
    return nodes


def in_combo_box(node):
    node = node.parent
    while node is not None:
        if node.role == R.COMBO_BOX:
            return True
        node = node.parent
    return False


def is_control(node):
    # a GtkDropDown's own list (its popup) is GTK's: it has no API to name
    # it, and a screen reader announces the combo box
    if in_combo_box(node):
        return False
    if node.role in CONTROL_ROLES:
        return True
    return node.role in FOCUSABLE_ROLES and node.has(S.FOCUSABLE)


def unnamed_controls(nodes):
    return [n for n in nodes if is_control(n) and is_unnamed(n.name)]


def duplicate_buttons(nodes):
    found = []
    for parent in nodes:
        seen = {}
        for child in parent.children:
            if child.role in BUTTON_ROLES and not is_unnamed(child.name):
                seen.setdefault(child.name, []).append(child)
        for name, same in seen.items():
            if len(same) > 1:
                found.append("%d buttons named '%s' under %s" % (len(same), name, parent.path))
    return found


DOUBLED = re.compile(r'(.+) \1')


def garbled_names(nodes):
    """Names a screen reader would read wrongly: a mnemonic underscore left
    in ("_Export…": GTK 4.8 names a button by its raw label), or the text
    twice ("Export… Export…": the label again, by the labelled-by relation
    a mnemonic label adds)"""
    return [n for n in nodes if is_control(n) and
            (re.search(r'(^|\s)_\w', n.name) or DOUBLED.fullmatch(n.name))]


def check_names(label, nodes):
    unnamed = unnamed_controls(nodes)
    n_controls = sum(1 for n in nodes if is_control(n))
    tap(not unnamed, '%s: %d controls, %d without a name' % (label, n_controls, len(unnamed)),
        ["unnamed %s ('%s'): %s" % (n.role_name, n.name, n.path) for n in unnamed])
    dups = duplicate_buttons(nodes)
    tap(not dups, '%s: sibling buttons have distinct names' % label, dups)
    garbled = garbled_names(nodes)
    tap(not garbled, '%s: no name with a mnemonic underscore or said twice' % label,
        ["%s '%s': %s" % (n.role_name, n.name, n.path) for n in garbled])
    return len(unnamed)


def find(nodes, predicate):
    for n in nodes:
        if predicate(n):
            return n
    return None


# The application

def find_application(pid):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def surfaces(app):
    out = []
    for i in range(app.get_child_count()):
        child = app.get_child_at_index(i)
        if child is not None:
            out.append(child)
    return out


def surface_named(app, pattern):
    for s in surfaces(app):
        if re.search(pattern, s.get_name() or ''):
            return s
    return None


def new_surface(app, known):
    for s in surfaces(app):
        if s not in known and s.get_state_set().contains(S.VISIBLE):
            return s
    return None


class Focus:
    """The last object the application reported focused"""

    def __init__(self):
        self.source = None
        self.listener = Atspi.EventListener.new(self.event)
        self.listener.register('object:state-changed:focused')

    def event(self, event):
        if event.detail1 == 1:
            self.source = event.source

    def wait(self, predicate, what, tree=None):
        def focused():
            acc = self.source
            if acc is None or not acc.get_state_set().contains(S.FOCUSED):
                return None
            return acc if predicate(acc) else None
        acc = wait_for(focused, what, timeout=TIMEOUT / 2)
        if acc is None and tree is not None:
            # what a screen reader was told, and what holds the focus now
            diag('last focus event: %s' % describe(self.source))
            for n in build(tree):
                if n.has(S.FOCUSED):
                    diag("focused now, without an event: %s '%s': %s" % (n.role_name, n.name, n.path))
        return acc


def describe(acc):
    if acc is None:
        return 'nothing'
    return "%s '%s'" % (acc.get_role_name(), acc.get_name())


def press(keysym, modifiers=0):
    if modifiers:
        Atspi.generate_keyboard_event(modifiers, None, Atspi.KeySynthType.LOCKMODIFIERS)
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
    if modifiers:
        Atspi.generate_keyboard_event(modifiers, None, Atspi.KeySynthType.UNLOCKMODIFIERS)


def is_descendant(acc, ancestor):
    while acc is not None:
        if acc == ancestor:
            return True
        acc = acc.get_parent()
    return False


def check_children(label, nodes, owner_pattern):
    """The canvas named by @owner_pattern exposes named, focusable children"""
    owner = find(nodes, lambda n: n.role in (R.IMAGE, R.LIST, R.LIST_BOX, R.PANEL, R.CANVAS)
                 and re.search(owner_pattern, n.name))
    if owner is None:
        tap(False, '%s: found in the tree' % label)
        return None
    kids = owner.children
    bad = [c for c in kids if is_unnamed(c.name) or not c.has(S.FOCUSABLE)]
    tap(len(kids) > 0 and not bad,
        '%s (%s): %d children, all named and focusable' % (label, owner.role_name, len(kids)),
        (['%s exposes no children to a screen reader' % owner.path] if not kids else []) +
        ['child not named or not focusable: %s' % c.path for c in bad])
    for c in kids[:3]:
        diag("  %s '%s'" % (c.role_name, c.name))
    return owner


def main():
    if len(sys.argv) != 3:
        print('usage: %s IMPACT-SHEET-GUI EXAMPLE.json' % sys.argv[0], file=sys.stderr)
        return 2
    gui, example = sys.argv[1], sys.argv[2]

    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)
    env['GTK_A11Y'] = 'atspi'
    # a test of the tree, not of the memory checks or the settings portal
    env.pop('MALLOC_CHECK_', None)

    proc = subprocess.Popen([gui, example], env=env)
    try:
        status = run(proc)
        if status == NO_DISPLAY:
            return status
        print('1..%d' % n_test, file=tap_out)
        tap_out.flush()
        return status
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def run(proc):
    focus = Focus()

    def started():
        if proc.poll() is not None:
            return 'exited'
        return find_application(proc.pid)
    app = wait_for(started, 'the application on the accessibility bus')
    if app == 'exited':
        # most likely the display (another test's server on the same
        # number): the outer run tries again; the plan is not printed
        diag('impact-sheet-gui exited (status %d) before it showed a window' % proc.returncode)
        sys.stdout.flush()
        return NO_DISPLAY
    tap(app is not None, 'the application is on the accessibility bus')
    if app is None:
        return 1

    def loaded():
        frame = surface_named(app, r'kolkata')
        if frame is None:
            return None
        nodes = build(frame)
        preview = find(nodes, lambda n: n.name == 'Fact sheet preview' and n.has(S.VISIBLE))
        return nodes if preview is not None and find(nodes, lambda n: n.role == R.LIST and n.name == 'Sections') else None
    nodes = wait_for(loaded, 'the example in the window')
    tap(nodes is not None, 'the window shows the example')
    if nodes is None:
        return 1
    frame = nodes[0]
    tap(frame.role in SURFACE_ROLES and not is_unnamed(frame.name),
        "the window is a %s named '%s'" % (frame.role_name, frame.name))

    total_unnamed = check_names('main window', nodes)
    check_children('sheet preview', nodes, r'^Fact sheet preview$')

    # F6 puts the focus on the sheet; an arrow chooses its first part
    press(KEY['F6'])
    acc = focus.wait(lambda a: a.get_name() == 'Fact sheet preview' or
                     is_descendant(a, find(nodes, lambda n: n.name == 'Fact sheet preview').acc),
                     'the focus on the sheet after F6')
    tap(acc is not None, 'F6: the sheet preview reports the focus (%s)' % describe(acc))
    press(KEY['Down'])
    preview = find(nodes, lambda n: n.name == 'Fact sheet preview').acc
    acc = focus.wait(lambda a: a.get_parent() == preview and not is_unnamed(a.get_name()),
                     'the focus on a part of the sheet after Down')
    tap(acc is not None, 'Down: a named part of the sheet reports the focus (%s)' % describe(focus.source))
    # F6 again: the editor's field for that part
    press(KEY['F6'])
    acc = focus.wait(lambda a: a.get_role() in (R.TEXT, R.ENTRY, R.SPIN_BUTTON, R.COMBO_BOX,
                                                R.PUSH_BUTTON, R.TOGGLE_BUTTON, R.CHECK_BOX),
                     'the focus on an editor field after F6', frame.acc)
    tap(acc is not None and not is_unnamed(acc.get_name()),
        'F6: the editor field reports the focus with its name (%s)' % describe(focus.source))

    # Alt+2: the timeline; F6 puts the focus on it, an arrow on a milestone
    press(KEY['2'], MOD1_MASK)
    tl_nodes = build(frame.acc)
    owner = check_children('timeline', tl_nodes, r'^Timeline of \d+ milestone')
    press(KEY['F6'])
    acc = focus.wait(lambda a: owner is not None and is_descendant(a, owner.acc),
                     'the focus on the timeline after Alt+2 and F6')
    tap(acc is not None, 'Alt+2, F6: the timeline reports the focus (%s)' % describe(focus.source))
    press(KEY['Right'])
    acc = focus.wait(lambda a: owner is not None and a.get_parent() == owner.acc and
                     not is_unnamed(a.get_name()),
                     'the focus on a milestone after Right')
    tap(acc is not None, 'Right: a named milestone of the timeline reports the focus (%s)'
        % describe(focus.source))

    # Secondary surfaces, opened with the keyboard and closed with Escape
    for label, keysym, mods in (('export dialog (Ctrl+E)', KEY['e'], CONTROL_MASK),
                                ('keyboard shortcuts (Ctrl+?)', KEY['question'], CONTROL_MASK | SHIFT_MASK)):
        known = surfaces(app)
        press(keysym, mods)
        surface = wait_for(lambda: new_surface(app, known), 'the %s' % label)
        if surface is None:
            tap(False, '%s: opened' % label)
            continue
        # let its contents arrive: the tree stops growing
        sizes = []

        def settled():
            ns = build(surface)
            sizes.append(len(ns))
            return ns if len(sizes) >= 3 and sizes[-1] == sizes[-2] == sizes[-3] else None
        s_nodes = wait_for(settled, 'the %s to settle' % label)
        if s_nodes is None:
            tap(False, '%s: opened' % label)
            continue
        tap(surface.get_role() in SURFACE_ROLES and not is_unnamed(surface.get_name() or ''),
            "%s: a %s named '%s'" % (label, surface.get_role_name(), surface.get_name()))
        total_unnamed += check_names(label, s_nodes)
        press(KEY['Escape'])
        wait_for(lambda: surface not in surfaces(app) or
                 not surface.get_state_set().contains(S.VISIBLE), 'the %s to close' % label,
                 timeout=TIMEOUT / 4)

    # F10: the main menu, a popover in the window
    press(KEY['F10'])

    def menu_shown():
        ns = build(frame.acc)
        button = find(ns, lambda n: n.name == 'Main Menu' and n.role in BUTTON_ROLES | {R.TOGGLE_BUTTON})
        if button is None:
            return None
        items = [n for n in ns if n.role in (R.MENU_ITEM, R.CHECK_MENU_ITEM, R.RADIO_MENU_ITEM)
                 and n.has(S.VISIBLE) and n.path.startswith(button.path)]
        return ns if items else None
    m_nodes = wait_for(menu_shown, 'the main menu after F10')
    tap(m_nodes is not None, 'F10 opens the main menu')
    if m_nodes is not None:
        button = find(m_nodes, lambda n: n.name == 'Main Menu')
        menu = [n for n in m_nodes if n.path.startswith(button.path)]
        total_unnamed += check_names('main menu (F10)', menu)
        press(KEY['Escape'])

    diag('unnamed controls in all: %d' % total_unnamed)
    return 0 if n_failed == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
