#!/usr/bin/env bash
# The user help: every page is valid Mallard (yelp-check validate), every
# link points to a page or section that exists (yelp-check links), every
# page is reachable from the index (yelp-check orphans), every page is
# installed (listed in help/meson.build), and every help page a warning
# points to (app/core/impact-help-topics.c) exists.
#
#   check-help.sh SOURCE_ROOT
#
# Prints TAP. Skips when yelp-check (Debian yelp-tools) is not installed.
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail
root=${1:?usage: check-help.sh SOURCE_ROOT}
help=$root/help/C
n=0
failed=0
ok ()     { n=$((n + 1)); echo "ok $n - $*"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $*"; failed=1; }

if ! command -v yelp-check >/dev/null; then
  echo "1..0 # SKIP yelp-check is not installed (Debian package yelp-tools)"
  exit 0
fi

cd "$help" || { echo "1..1"; echo "not ok 1 - $help exists"; exit 1; }
pages=(*.page)
for check in validate links orphans; do
  out=$(yelp-check "$check" "${pages[@]}" 2>&1)
  rc=$?
  if [ $rc -eq 0 ] && [ -z "$out" ]; then
    ok "yelp-check $check (${#pages[@]} pages)"
  else
    not_ok "yelp-check $check (exit status $rc)"
    printf '%s\n' "$out" | sed 's/^/# /'
  fi
done

missing=
for p in "${pages[@]}"; do
  grep -qF "'$p'" "$root/help/meson.build" || missing="$missing $p"
done
if [ -z "$missing" ]; then ok "help/meson.build installs every page"
else not_ok "help/meson.build installs every page (missing:$missing)"; fi

# "fix-contrast" in the table of warnings → help/C/fix-contrast.page
topics=$(sed -n 's/.*"\(fix-[a-z-]*\)".*/\1/p' "$root/app/core/impact-help-topics.c" | sort -u)
absent=
for t in $topics; do
  [ -f "$help/$t.page" ] || absent="$absent $t"
done
if [ -n "$topics" ] && [ -z "$absent" ]; then
  ok "every help page a warning points to exists ($(echo $topics | wc -w) topics)"
else
  not_ok "every help page a warning points to exists (missing:${absent:- no topics found})"
fi

echo "1..$n"
exit $failed
