#!/usr/bin/env bash
# Longer local fuzzing: tests/fuzz/run.sh SECONDS [TARGET…]
# Runs each target (default: loader timelinejs layout csv) for SECONDS under
# nice, one after the other, on a copy of its seed corpus in
# _build-fuzz/tests/fuzz/long/TARGET (kept between runs, so each goes on
# from the inputs the last one found), and prints the executions per target.
# Configure the build first:
#   CC=clang meson setup _build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined \
#     -Db_lundef=false -Dgui=disabled
# A crash input lands in _build-fuzz/tests/fuzz/long/TARGET/artifacts/: copy
# it to tests/fuzz/regressions/TARGET/ once it is fixed.
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:?usage: tests/fuzz/run.sh SECONDS [TARGET…]}
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(loader timelinejs layout csv)
build=_build-fuzz
meson compile -C "$build" "${targets[@]/#/fuzz-}" >/dev/null || exit 1

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export G_SLICE=always-malloc LC_ALL=C.UTF-8 FUZZ_KEEP_CORPUS=1
status=0
for t in "${targets[@]}"; do
  nice -n 10 bash tests/fuzz/fuzz-test.sh run "$build/tests/fuzz/fuzz-$t" "tests/fuzz/corpus/$t" \
    "$build/tests/fuzz/long/$t" tests/fuzz/json.dict "$seconds" || status=1
done
exit $status
