#!/usr/bin/env bash
# contact-sheet.sh: every layout fixture and example, in both templates and on
# both page sizes, as one tiled PNG, to look at many sheets at once.
#
#   tests/layout/contact-sheet.sh [-b BUILD_DIR] [-o OUT.png] [-d DPI] [-g N] [-s SEED] [EXTRA.json …]
#
# BUILD_DIR defaults to _build (the impact-sheet program is BUILD_DIR/app/
# impact-sheet), OUT to BUILD_DIR/contact-sheet.png, DPI to 40. -g N adds N
# documents of the property test's generator, from seed SEED (default 1).
# EXTRA files are added after the fixtures: for example the failing documents
# the property test writes (BUILD_DIR/tests/layout-property-failures/seed-*.json).
# One row a document: classic letter, classic A4, bold letter, bold A4, each
# page by page, labelled. A sheet whose export fails (exit 1: too much
# content) shows the first line of its message instead of its pages.
#
# A developer's tool, not a test: it needs ImageMagick's montage
# (apt-get install imagemagick), which CI does not install.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
build=_build
out=
dpi=40
generated=0
seed=1
while getopts "b:o:d:g:s:" opt; do
  case $opt in
    b) build=$OPTARG ;;
    o) out=$OPTARG ;;
    d) dpi=$OPTARG ;;
    g) generated=$OPTARG ;;
    s) seed=$OPTARG ;;
    *) sed -n '2,16p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[[ $build = /* ]] || build=$here/$build
out=${out:-$build/contact-sheet.png}
program=$build/app/impact-sheet

if ! command -v montage >/dev/null; then
  echo "contact-sheet.sh: montage not found; apt-get install imagemagick" >&2
  exit 1
fi
if [ ! -x "$program" ]; then
  echo "contact-sheet.sh: $program not built; run .ci/build $build" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

inputs=("$here"/resources/examples/*.json "$here"/tests/data/layout/*.json)
if [ "$generated" -gt 0 ]; then
  # the property test writes the documents it generates (its verdict does
  # not matter here)
  mkdir "$work/generated"
  (cd "$build/tests" &&
     IMPACT_PROPERTY_COUNT=$generated IMPACT_PROPERTY_SEED=$seed \
     IMPACT_PROPERTY_OUT=$work/generated IMPACT_PROPERTY_WRITE_ALL=1 \
     G_TEST_SRCDIR=$here/tests G_TEST_BUILDDIR=$build/tests LC_ALL=C.UTF-8 \
     IMPACT_EXAMPLES_DIR=$here/resources/examples \
     ./test-layout-properties --keep-going -p /layout-properties/guarantees >/dev/null 2>&1 || true)
  for i in $(seq 0 $((generated - 1))); do
    inputs+=("$work/generated/seed-$((seed + i)).json")
  done
fi
inputs+=("$@")
tiles=()
columns=8   # two templates × two sizes × two pages
for json in "${inputs[@]}"; do
  name=$(basename "$json" .json)
  row=0
  for template in classic bold; do
    for size in letter a4; do
      stem=$work/$name-$template-$size
      if "$program" export "$json" -o "$stem.png" --template "$template" \
           --page-size "$size" --dpi "$dpi" -q 2>"$stem.err"; then
        if [ -f "$stem.png" ]; then
          # one page: written as OUT.png itself
          tiles+=(-label "$name  $template $size  p1" "$stem.png")
          row=$((row + 1))
        fi
        for page in "$stem"-*.png; do
          [ -f "$page" ] || continue
          n=${page##*-}
          tiles+=(-label "$name  $template $size  p${n%.png}" "$page")
          row=$((row + 1))
        done
      else
        msg=$(head -c 300 "$stem.err" | head -n 1)
        montage -size 320x400 -background '#fde8e8' -fill '#7a1010' -pointsize 11 \
          "caption:export failed: $msg" "$stem-failed.png"
        tiles+=(-label "$name  $template $size  refused" "$stem-failed.png")
        row=$((row + 1))
      fi
    done
  done
  # pad the row so every document starts a new one
  while [ $((row % columns)) -ne 0 ]; do
    tiles+=(-label "" "xc:#e6e6e6[1x1]")
    row=$((row + 1))
  done
done

montage "${tiles[@]}" -tile "${columns}x" -geometry +6+6 -pointsize 10 \
  -background '#e6e6e6' "$out"
echo "$out: ${#inputs[@]} documents"
