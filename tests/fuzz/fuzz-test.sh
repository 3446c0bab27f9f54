#!/usr/bin/env bash
# The fuzz suite's two kinds of test:
#   fuzz-test.sh run BINARY CORPUS WORKDIR DICT SECONDS
#     fuzzes for SECONDS on a fresh copy of CORPUS in WORKDIR (the source
#     tree is never written); a crash input is left in WORKDIR/artifacts.
#     With FUZZ_KEEP_CORPUS=1 the inputs found by an earlier run are kept.
#   fuzz-test.sh regressions BINARY DIR
#     runs every file in DIR once (saved crash inputs must stay fixed).
set -euo pipefail
mode=$1
bin=$2
case "$mode" in
  run)
    corpus=$3 work=$4 dict=$5 seconds=$6
    # FUZZ_KEEP_CORPUS=1 (tests/fuzz/run.sh): go on from an earlier run's corpus
    [ "${FUZZ_KEEP_CORPUS:-0}" = 1 ] || rm -rf "$work"
    rm -rf "$work/artifacts"
    mkdir -p "$work/corpus" "$work/artifacts"
    cp "$corpus"/* "$work/corpus/"
    "$bin" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -dict="$dict" -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$work/corpus" 2>"$work/log" || {
        status=$?
        tail -n 60 "$work/log" >&2
        echo "fuzz-test: $(basename "$bin") failed (exit $status); inputs in $work/artifacts" >&2
        exit 1
      }
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -n 1)
    echo "$(basename "$bin"): ${runs:-?} executions in ${seconds} s, no crash"
    ;;
  regressions)
    dir=$3
    shopt -s nullglob
    files=("$dir"/*)
    if [ ${#files[@]} -eq 0 ]; then
      echo "fuzz-test: no regression inputs in $dir" >&2
      exit 1
    fi
    "$bin" -timeout=20 -rss_limit_mb=2048 "${files[@]}"
    echo "$(basename "$bin"): ${#files[@]} regression inputs, no crash"
    ;;
  *)
    echo "usage: fuzz-test.sh run|regressions …" >&2
    exit 2
    ;;
esac
