#!/bin/sh
# impact-bench-large.sh BENCH-TIMELINE IMPACT-SHEET [PAIRS] [BEFORE-IMPACT-SHEET]
#
# The slide export of 100,000 milestones, whole processes (a program, not a
# test): writes the generated document (impact-bench-timeline --write), then
# runs the PDF and PNG slide exports paired and interleaved
# (impact-bench-paired.py): median CPU, median wall, peak memory. Given a
# second impact-sheet (a build of the commit before), each of its runs is
# paired with the same run of this one.
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
