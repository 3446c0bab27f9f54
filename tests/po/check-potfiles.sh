#!/usr/bin/env bash
# POTFILES.in is complete: every source or UI file from which xgettext
# extracts a translatable string is listed, and every listed file exists.
# Prints TAP. Usage: check-potfiles.sh SOURCE_ROOT
set -uo pipefail
root=${1:?usage: check-potfiles.sh SOURCE_ROOT}
cd "$root" || exit 1
listed=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' po/POTFILES.in | sort -u)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0 failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

# the listed files exist
for f in $listed; do
  if [ -f "$f" ]; then ok "listed and present: $f"; else not_ok "listed but missing: $f"; fi
done

# the files with strings to translate are listed
candidates=$(find app -name '*.c' | sort; find ui -name '*.ui' | sort)
for f in $candidates; do
  case "$f" in
    *.ui) lang=(--language=Glade) ;;
    *) lang=(--language=C --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2
             --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --keyword=g_dpgettext2:2c,3) ;;
  esac
  out="$tmp/one.pot"
  rm -f "$out"
  xgettext "${lang[@]}" --omit-header -o "$out" "$f" 2>/dev/null
  if [ -s "$out" ]; then
    if grep -qxF "$f" <<<"$listed"; then
      ok "$f is in POTFILES.in"
    else
      not_ok "$f has translatable strings but is not in po/POTFILES.in"
    fi
  fi
done
echo "1..$n"
[ "$failed" -eq 0 ]
