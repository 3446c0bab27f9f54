#!/bin/sh
# impact-bench-large.sh BENCH-TIMELINE IMPACT-SHEET [PAIRS] [BEFORE-IMPACT-SHEET]
#
# The slide export of 100,000 milestones, whole processes (a program, not a
# test): writes the generated document (impact-bench-timeline --write), then
# runs the PDF and PNG slide exports paired and interleaved
# (impact-bench-paired.py): median CPU, median wall, peak memory. Given a
# second impact-sheet (a build of the commit before), each of its runs is
# paired with the same run of this one, and the slides of both are
# compared: the PNGs byte for byte, the PDFs after qpdf --qdf (dates and
# ids removed), if qpdf is installed.
#   meson compile -C BUILD bench-large
set -eu
bench_timeline=$1
sheet=$2
pairs=${3:-5}
before=${4:-}
here=$(dirname "$0")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

"$bench_timeline" --write 100000 "$dir/big.json"
set --
for format in pdf png; do
  if [ -n "$before" ]; then
    set -- "$@" "$before export $dir/big.json --part timeline -o $dir/before.$format -q"
  fi
  set -- "$@" "$sheet export $dir/big.json --part timeline -o $dir/slide.$format -q"
done
echo "100,000 milestones ($(du -h "$dir/big.json" | cut -f1) of JSON), slide export, $pairs pairs; $(uptime)"
python3 "$here/impact-bench-paired.py" --pairs "$pairs" "$@"

if [ -n "$before" ]; then
  if cmp -s "$dir/before.png" "$dir/slide.png"; then
    echo "PNG: identical"
  else
    echo "PNG: DIFFERENT"
  fi
  if command -v qpdf >/dev/null 2>&1; then
    for v in before slide; do
      qpdf --qdf --object-streams=disable "$dir/$v.pdf" "$dir/$v.qdf" || true
      grep -av -e CreationDate -e ModDate -e '/ID \[' -e 'xmp:CreateDate' -e 'xmp:ModifyDate' \
        -e 'xmp:MetadataDate' -e 'xmpMM:DocumentID' -e 'xmpMM:InstanceID' "$dir/$v.qdf" > "$dir/$v.txt" || true
    done
    if cmp -s "$dir/before.txt" "$dir/slide.txt"; then
      echo "PDF: identical after qpdf --qdf (dates and ids removed)"
    else
      echo "PDF: DIFFERENT after qpdf --qdf"
    fi
  fi
fi
