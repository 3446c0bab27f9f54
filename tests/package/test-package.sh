#!/usr/bin/env bash
# The Debian package, end to end: builds it with dpkg-buildpackage from a
# clean copy of the tree (in a temporary folder, so nothing is written beside
# the clone), runs lintian, installs it with apt-get and tests the installed
# program: export without a display, the examples, the desktop file, the
# metainfo, the compiled GSettings schema, the window under Xvfb.
#
# Prints TAP on stdout (the plan comes last); exits 1 when a test failed.
# Changes the machine: run it as root (or with sudo) where that is fine, as
# in CI. The package is removed again at the end unless it was installed
# before the test or IMPACT_TEST_PACKAGE_KEEP=1.
#
#   IMPACT_PACKAGE_OUT=DIR   copy the built .deb, .changes, .buildinfo and
#                            the build and lintian logs to DIR
#   DEB_BUILD_OPTIONS        default "nocheck parallel=2" (.ci/run runs the
#                            test suite itself)
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail

src=$(cd "$(dirname "$0")/../.." && pwd)
app_id=io.github.impactsheet.ImpactSheet
pkg=impact-sheet
datadir=/usr/share/impact-sheet
out_dir=${IMPACT_PACKAGE_OUT:-}
if [ -n "$out_dir" ]; then
  mkdir -p "$out_dir" && out_dir=$(cd "$out_dir" && pwd)
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  as_root=(sudo)
fi

n=0
failed=0
log=
ok ()     { n=$((n + 1)); echo "ok $n - $*"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $*"; failed=1; }
skip ()   { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
# the last lines of a log, as TAP comments
show ()   { tail -n "${2:-25}" "$1" | sed 's/^/# /'; }
finish () {
  echo "1..$n"
  exit $failed
}
# check DESCRIPTION COMMAND…: one test, the command's output shown on failure
check () {
  local desc=$1
  shift
  if "$@" >"$tmp/check.log" 2>&1; then
    ok "$desc"
  else
    not_ok "$desc"
    show "$tmp/check.log"
  fi
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/impact-sheet-package.XXXXXX") || exit 1
chmod 755 "$tmp"   # apt's _apt user reads the .deb from here
was_installed=0
if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
  was_installed=1
fi
cleanup () {
  if [ -n "$out_dir" ]; then
    cp -f "$tmp"/*.deb "$tmp"/*.changes "$tmp"/*.buildinfo "$tmp"/*.log "$out_dir"/ 2>/dev/null
  fi
  if [ "$was_installed" = 0 ] && [ "${IMPACT_TEST_PACKAGE_KEEP:-}" != 1 ] &&
     dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    if DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get remove -y -q "$pkg" >"$tmp/remove.log" 2>&1; then
      echo "# removed the package again"
    else
      echo "# could not remove the package:"
      show "$tmp/remove.log" 5
    fi
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

version=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version) || {
  not_ok "debian/changelog has a version"
  finish
}
arch=$(dpkg --print-architecture)
tree=$tmp/$pkg-$version

# 1. a clean copy: the files git knows (tracked and new, not ignored), or the
# whole folder without build output when this is not a git checkout
mkdir -p "$tree"
if git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  (cd "$src" && git ls-files -z --cached --others --exclude-standard |
     while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
     tar --null -T - -cf -) | tar -C "$tree" -xf -
else
  (cd "$src" && tar --exclude='./_build*' --exclude='./build*' --exclude=./out \
     --exclude=./.git --exclude='./obj-*' -cf - .) | tar -C "$tree" -xf -
fi
check "a clean copy of the tree holds debian/ and meson.build" \
  test -f "$tree/debian/control" -a -f "$tree/meson.build"

check "the build dependencies declared in debian/control are installed" \
  bash -c "cd '$tree' && dpkg-checkbuilddeps"

# 2. build
export DEB_BUILD_OPTIONS=${DEB_BUILD_OPTIONS:-nocheck parallel=2}
start=$(date +%s)
if (cd "$tree" && nice -n 10 dpkg-buildpackage -us -uc -b) >"$tmp/build.log" 2>&1; then
  ok "dpkg-buildpackage -us -uc -b builds the package ($(( $(date +%s) - start )) s, DEB_BUILD_OPTIONS=\"$DEB_BUILD_OPTIONS\")"
else
  not_ok "dpkg-buildpackage -us -uc -b builds the package"
  show "$tmp/build.log" 40
  finish
fi
deb=$tmp/${pkg}_${version}_${arch}.deb
changes=$tmp/${pkg}_${version}_${arch}.changes
check "the build wrote $(basename "$deb") and $(basename "$changes")" test -f "$deb" -a -f "$changes"

# 3. lintian: no errors (warnings and notes are listed as comments)
if command -v lintian >/dev/null; then
  lintian --fail-on error --display-info "$changes" >"$tmp/lintian.log" 2>&1
  rc=$?
  if [ $rc -eq 0 ]; then
    ok "lintian reports no errors ($(grep -c '^[WIE]:' "$tmp/lintian.log") tags)"
  else
    not_ok "lintian reports no errors (exit status $rc)"
  fi
  sed 's/^/# /' "$tmp/lintian.log"
else
  not_ok "lintian is installed"
fi

# 4. install
if DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q "$deb" >"$tmp/install.log" 2>&1; then
  ok "apt-get install ./$(basename "$deb")"
else
  not_ok "apt-get install ./$(basename "$deb")"
  show "$tmp/install.log"
  finish
fi

# 5. what the package installs
desktop=/usr/share/applications/$app_id.desktop
metainfo=/usr/share/metainfo/$app_id.metainfo.xml
for f in /usr/bin/impact-sheet \
         "$desktop" "$metainfo" \
         "/usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
         "/usr/share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
         "/usr/share/glib-2.0/schemas/$app_id.gschema.xml" \
         "$datadir/examples/kolkata.json" "$datadir/examples/kolkata-bn.json" "$datadir/examples/kolkata-es.json" \
         "$datadir/examples/kolkata-fr.json" "$datadir/examples/kolkata-pt.json" "$datadir/examples/kolkata-hi.json" \
         "$datadir/examples/kolkata-ar.json" "$datadir/examples/kolkata-sw.json" \
         "$datadir/impact-sheet.schema.json" \
         /usr/share/man/man1/impact-sheet.1.gz \
         /usr/share/help/C/$pkg/index.page \
         /usr/share/help/C/$pkg/fix-contrast.page \
         "/usr/share/doc/$pkg/copyright"; do
  check "installed: $f" test -s "$f"
done
# the PDF finisher, a module the program opens from its own folder
# (app/core/impact-pdf-finish.c): the exports below use it
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)
check "installed: /usr/lib/$multiarch/$pkg/libimpact-pdf-qpdf.so" \
  test -s "/usr/lib/$multiarch/$pkg/libimpact-pdf-qpdf.so"

langs=$(sed -e 's/#.*//' "$src/po/LINGUAS" | tr -s ' \t' '\n' | sed '/^$/d')
if [ -z "$langs" ]; then
  skip "installed: translations" "po/LINGUAS lists no language yet"
else
  missing=
  for l in $langs; do
    [ -s "/usr/share/locale/$l/LC_MESSAGES/impact-sheet.mo" ] || missing="$missing $l"
  done
  if [ -z "$missing" ]; then ok "installed: translations ($(echo $langs))"
  else not_ok "installed: translations (missing:$missing)"; fi
  # the installed program finds them (bindtextdomain with LOCALEDIR): its
  # help comes in each language (C.UTF-8 and LANGUAGE are enough for glibc),
  # and the desktop file carries the translated names
  english=$(env -u DISPLAY LC_ALL=C.UTF-8 LANGUAGE= /usr/bin/impact-sheet export --help 2>&1)
  for l in $langs; do
    translated=$(env -u DISPLAY LC_ALL=C.UTF-8 LANGUAGE=$l /usr/bin/impact-sheet export --help 2>&1)
    if [ -n "$translated" ] && [ "$translated" != "$english" ]; then
      ok "impact-sheet export --help speaks $l (LANGUAGE=$l)"
    else
      not_ok "impact-sheet export --help speaks $l (LANGUAGE=$l): the help is in English"
    fi
    check "$desktop has GenericName[$l]" grep -q "^GenericName\\[$l\\]=" "$desktop"
  done
fi

if command -v yelp-check >/dev/null; then
  check "yelp-check validate on the installed help" \
    bash -c "cd /usr/share/help/C/$pkg && yelp-check validate *.page"
else
  skip "yelp-check validate on the installed help" "yelp-check (yelp-tools) missing"
fi

# the translated help (help/LINGUAS): installed per language, really
# translated, and valid (its licence block is the C one, linked)
help_langs=$(sed -e 's/#.*//' "$src/help/LINGUAS" | tr -s ' \t' '\n' | sed '/^$/d')
for l in $help_langs; do
  page=/usr/share/help/$l/$pkg/getting-started.page
  check "installed: $page" test -s "$page"
  check "installed: $page is in $l" grep -q "xml:lang=\"$l\"" "$page"
  check "installed: $page is translated (its title is not the English one)" \
    bash -c "! grep -qF '<title>Getting started</title>' '$page'"
  if command -v yelp-check >/dev/null; then
    check "yelp-check validate on the installed help in $l" \
      bash -c "cd /usr/share/help/$l/$pkg && yelp-check validate *.page"
  fi
done

check "the font dependencies are installed: fc-match finds Inter" \
  bash -c 'fc-match -f "%{family}\n" "Inter" | grep -q "^Inter"'

# 6. the installed program, with no display
nodisplay=(env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS)
check "impact-sheet --version says $version" \
  bash -c "env -u DISPLAY -u WAYLAND_DISPLAY /usr/bin/impact-sheet --version | grep -qF '$version'"

for ex in kolkata kolkata-bn kolkata-es kolkata-fr kolkata-pt kolkata-hi kolkata-ar kolkata-sw; do
  pdf=$tmp/$ex.pdf
  if "${nodisplay[@]}" /usr/bin/impact-sheet export "$datadir/examples/$ex.json" -o "$pdf" >"$tmp/export.log" 2>&1; then
    ok "impact-sheet export $datadir/examples/$ex.json -o $ex.pdf, no display"
  else
    not_ok "impact-sheet export $datadir/examples/$ex.json -o $ex.pdf, no display"
    show "$tmp/export.log"
  fi
  pages=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
  if [ "$pages" = 2 ]; then ok "$ex.pdf has 2 pages (pdfinfo)"
  else not_ok "$ex.pdf has 2 pages (pdfinfo says: ${pages:-no PDF})"; fi
done
check "kolkata.pdf embeds Inter (pdffonts)" \
  bash -c "pdffonts '$tmp/kolkata.pdf' | grep -q 'Inter'"
check "impact-sheet validate finds the installed example valid" \
  "${nodisplay[@]}" /usr/bin/impact-sheet validate --quiet "$datadir/examples/kolkata.json"
png=$tmp/card.png
export_card () {
  "${nodisplay[@]}" /usr/bin/impact-sheet export "$datadir/examples/kolkata.json" --part stats -o "$png" &&
    [ "$(head -c 4 "$png" | tail -c 3)" = PNG ]
}
check "impact-sheet export --part stats writes a PNG card" export_card

# 7. desktop integration, as installed
check "appstreamcli validate --no-net $metainfo" appstreamcli validate --no-net "$metainfo"
check "desktop-file-validate $desktop" desktop-file-validate "$desktop"
check "/usr/share/glib-2.0/schemas/gschemas.compiled holds $app_id" \
  grep -qF "$app_id" /usr/share/glib-2.0/schemas/gschemas.compiled
check "gsettings list-keys $app_id" \
  bash -c "gsettings list-keys '$app_id' | grep -q ."

# 8. the window starts from the installed files (schema, gresource, icons)
# and is still running after a few seconds
if command -v xvfb-run >/dev/null && command -v dbus-run-session >/dev/null; then
  env -u WAYLAND_DISPLAY GDK_BACKEND=x11 GSK_RENDERER=cairo NO_AT_BRIDGE=1 \
    HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share" \
    XDG_CACHE_HOME="$tmp/home/.cache" \
    dbus-run-session -- xvfb-run -a timeout 8 /usr/bin/impact-sheet "$datadir/examples/kolkata.json" \
    >"$tmp/window.log" 2>&1
  rc=$?
  if [ $rc -eq 124 ] && ! grep -q 'CRITICAL\|No GSettings schemas\|Failed to register' "$tmp/window.log"; then
    ok "the window opens the installed example and keeps running (Xvfb)"
  else
    not_ok "the window opens the installed example and keeps running (Xvfb, exit status $rc)"
    show "$tmp/window.log"
  fi
else
  skip "the window opens the installed example" "xvfb-run or dbus-run-session missing"
fi

finish
