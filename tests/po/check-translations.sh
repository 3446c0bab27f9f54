#!/usr/bin/env bash
# The translations are complete and well formed: every language in
# po/LINGUAS has its po file, every po file is listed, and msgfmt --check
# (format strings, plural forms and header) and --check-accelerators (one
# mnemonic where the English has one) pass with no untranslated or fuzzy
# message. Prints TAP. Usage: check-translations.sh SOURCE_ROOT
set -uo pipefail
root=${1:?usage: check-translations.sh SOURCE_ROOT}
cd "$root/po" || exit 1
langs=$(sed -e 's/#.*//' LINGUAS | tr -s ' \t' '\n' | sed '/^$/d')

n=0 failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

if [ -z "$langs" ]; then
  echo "1..0 # SKIP po/LINGUAS lists no language"
  exit 0
fi

for f in *.po; do
  [ -e "$f" ] || continue
  l=${f%.po}
  if grep -qxF "$l" <<<"$langs"; then ok "$f is listed in LINGUAS"
  else not_ok "$f is not listed in LINGUAS"; fi
done

for l in $langs; do
  if [ ! -f "$l.po" ]; then
    not_ok "$l: po/$l.po is missing"
    continue
  fi
  if out=$(LC_ALL=C msgfmt --check --check-accelerators=_ --statistics -o /dev/null "$l.po" 2>&1); then
    ok "$l: msgfmt --check"
  else
    not_ok "$l: msgfmt --check"
    sed 's/^/# /' <<<"$out"
  fi
  stats=$(tail -n 1 <<<"$out")
  echo "# $l: $stats"
  if grep -Eq '^[0-9]+ translated messages?\.$' <<<"$stats"; then
    ok "$l: every message translated, none fuzzy"
  else
    not_ok "$l: not complete: $stats"
  fi
  if grep -qx "\"Language: $l\\\\n\"" "$l.po"; then ok "$l: the header names the language"
  else not_ok "$l: the header's Language is not $l"; fi
done
echo "1..$n"
[ "$failed" -eq 0 ]
