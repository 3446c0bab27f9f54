#!/usr/bin/env bash
# The user help: every page is valid Mallard (yelp-check validate), every
# link points to a page or section that exists (yelp-check links), every
# page is reachable from the index (yelp-check orphans), every page is
# installed (listed in help/meson.build), every help page a warning points
# to (app/core/impact-help-topics.c) exists, and each translation of
# help/LINGUAS merges into valid pages and covers the pages it must.
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
# yelp-check CHECK on the pages in the current folder, LABEL naming them
yelp_check () {
  local check=$1 label=$2 out rc
  out=$(yelp-check "$check" "${pages[@]}" 2>&1)
  rc=$?
  if [ $rc -eq 0 ] && [ -z "$out" ]; then
    ok "yelp-check $check$label (${#pages[@]} pages)"
  else
    not_ok "yelp-check $check$label (exit status $rc)"
    printf '%s\n' "$out" | sed 's/^/# /'
  fi
}
for check in validate links orphans; do
  yelp_check "$check" ""
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

# Translations: help/LL/LL.po for each language of help/LINGUAS, merged into
# the pages as the build does (itstool), must be valid Mallard; the pages
# every translation must cover (getting started, exporting, the command
# line) have no untranslated or fuzzy message
required="index.page getting-started.page export-print.page command-line.page"
languages=$(sed -e 's/#.*//' "$root/help/LINGUAS" | tr -s ' \t' '\n\n' | sed '/^$/d')
if [ -n "$languages" ] && ! command -v itstool >/dev/null; then
  not_ok "itstool is installed to merge the help translations (Debian package itstool)"
  languages=
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for lang in $languages; do
  po=$root/help/$lang/$lang.po
  if [ ! -f "$po" ]; then
    not_ok "help/$lang/$lang.po exists (help/LINGUAS lists $lang)"
    continue
  fi
  mkdir -p "$tmp/$lang"
  if ! msgfmt --check -o "$tmp/$lang.mo" "$po" 2>"$tmp/$lang.err"; then
    not_ok "help/$lang/$lang.po compiles"
    sed 's/^/# /' "$tmp/$lang.err"
    continue
  fi
  (cd "$help" && itstool -m "$tmp/$lang.mo" -l "$lang" -o "$tmp/$lang/" "${pages[@]}")
  cp "$help/legal.xml" "$tmp/$lang/"
  # in this shell (not a subshell), so that the count and the status hold
  cd "$tmp/$lang" && yelp_check validate ", $lang"
  cd "$help" || exit 1
  # an untranslated or fuzzy message of a required page
  todo=$( (msgattrib --untranslated --no-obsolete "$po"; msgattrib --only-fuzzy --no-obsolete "$po") |
          sed -n 's/^#: //p' | tr ' ' '\n' | sed 's/:[0-9]*$//' | sort -u)
  left=
  for p in $required; do
    printf '%s\n' $todo | grep -qx "$p" && left="$left $p"
  done
  if [ -z "$left" ]; then ok "help/$lang/$lang.po translates$(printf ' %s' $required)"
  else not_ok "help/$lang/$lang.po translates every message of$left"; fi
  # and the translation is really there: the page's title is not the English one
  en=$(sed -n 's:.*<title>\(.*\)</title>.*:\1:p' "$help/getting-started.page" | head -1)
  tr_title=$(sed -n 's:.*<title>\(.*\)</title>.*:\1:p' "$tmp/$lang/getting-started.page" | head -1)
  if [ -n "$tr_title" ] && [ "$tr_title" != "$en" ] && grep -q "xml:lang=\"$lang\"" "$tmp/$lang/getting-started.page"; then
    ok "getting-started.page in $lang: “$tr_title”"
  else
    not_ok "getting-started.page in $lang is translated (title “$tr_title”)"
  fi
done

echo "1..$n"
exit $failed
