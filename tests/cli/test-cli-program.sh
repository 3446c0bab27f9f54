#!/usr/bin/env bash
# The command-line program: it links neither GTK nor libadwaita, and without a
# subcommand it hands its arguments to the window's program.
# TAP output for meson.
set -u
bin=${IMPACT_SHEET_BIN:?}
n=0
fail=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); fail=1; echo "not ok $n - $1"; }

if ldd "$bin" | grep -Eq 'libgtk-4|libadwaita-1'; then
  not_ok "impact-sheet does not link GTK or libadwaita"
else
  ok "impact-sheet does not link GTK or libadwaita"
fi

if [ "${HAVE_GUI:-1}" = 1 ]; then
  # a stand-in for the window's program shows what it was given
  out=$(IMPACT_SHEET_GUI_BIN=/bin/echo "$bin" --flag "some file.json")
  if [ "$out" = "--flag some file.json" ]; then
    ok "without a subcommand the arguments go to the window's program"
  else
    not_ok "without a subcommand the arguments go to the window's program (got: $out)"
  fi
  out=$(IMPACT_SHEET_GUI_BIN=/nonexistent/impact-sheet-gui "$bin" x.json 2>&1)
  rc=$?
  if [ $rc = 2 ] && [[ "$out" == *"/nonexistent/impact-sheet-gui"* ]]; then
    ok "a missing window program is an error naming it"
  else
    not_ok "a missing window program is an error naming it (rc $rc: $out)"
  fi
  sibling="$(dirname "$bin")/impact-sheet-gui"
  if [ -x "$sibling" ] && ! ldd "$sibling" | grep -q 'libgtk-4'; then
    not_ok "impact-sheet-gui links GTK"
  else
    ok "impact-sheet-gui links GTK"
  fi
fi
echo "1..$n"
exit $fail
