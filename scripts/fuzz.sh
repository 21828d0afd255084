#!/usr/bin/env bash
# Builds lede's libFuzzer targets (fuzz/) with AddressSanitizer and
# UndefinedBehaviorSanitizer in build-fuzz, and runs them.
#
#   scripts/fuzz.sh [--ci] [--seconds N] [--parallel N] [--no-build] [--build-dir DIR]
#                   [TARGET...]
#
# TARGET is a name from fuzz/CMakeLists.txt without "fuzz_" (decode, gunzip,
# html_lede, html_gumbo, json_ld, dates, text_mode, extract, warc); all by default.
#   --ci          short runs from a fresh, small seed corpus (default 45 s per
#                 target, two at a time); fails when any target finds a crash.
#   --seconds N   run time per target (default 600 by hand, 45 with --ci).
#   --parallel N  targets run at once (default: the number of cores).
#   --no-build    use the binaries already in build-fuzz.
#   --build-dir DIR  use DIR, a tree already configured with LEDE_BUILD_FUZZ=ON
#                 (scripts/sanitize.sh makes build-asan one): only the targets
#                 are built there.
# By hand, corpora persist in build-fuzz/corpus/<target>/ and grow from run to
# run. Every run appends "date target wall-s execs result cpu-s" to
# build-fuzz/fuzz-runs.tsv (the figures RELIABILITY.md reports). A crash input
# is saved as build-fuzz/crashes/<target>/crash-*; reproduce it with
#   build-fuzz/fuzz/fuzz_<target> build-fuzz/crashes/<target>/crash-...
# Seeds are generated from LEDE_DATA_DIR (default ../shared/data) and
# tests/pages by fuzz/make_seeds.py; they are never committed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${LEDE_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}
DATA=${LEDE_DATA_DIR:-$ROOT/../shared/data}
ALL=(decode gunzip html_lede html_gumbo json_ld dates text_mode extract warc analyze)

ci=0 seconds="" parallel=$(nproc) build=1 configure=1 targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --ci) ci=1 ;;
    --seconds) seconds=$2; shift ;;
    --parallel) parallel=$2; shift ;;
    --no-build) build=0 ;;
    --build-dir) BUILD=$(cd "$2" && pwd); configure=0; shift ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1") ;;
  esac
  shift
done
[ ${#targets[@]} -eq 0 ] && targets=("${ALL[@]}")
if [ -z "$seconds" ]; then
  if [ $ci -eq 1 ]; then seconds=45; else seconds=600; fi
fi
# In CI a small seed set keeps the start-up pass (every seed run once) short.
if [ $ci -eq 1 ]; then max_seeds=150; else max_seeds=3000; fi

# Longest input per target: long enough for real structure, short enough
# that each run stays fast under the sanitizers.
max_len() {
  case "$1" in
    dates) echo 256 ;;
    json_ld|gunzip|warc|decode|html_lede|html_gumbo|text_mode|analyze) echo 65536 ;;
    extract) echo 131072 ;;
  esac
}
dict() {
  case "$1" in
    html_lede|html_gumbo|extract|decode) echo "$ROOT/fuzz/dicts/html.dict" ;;
    json_ld) echo "$ROOT/fuzz/dicts/json.dict" ;;
    warc) echo "$ROOT/fuzz/dicts/warc.dict" ;;
    dates) echo "$ROOT/fuzz/dicts/dates.dict" ;;
  esac
}

if [ $build -eq 1 ] && [ $configure -eq 1 ]; then
  flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
  flags+=" -fno-omit-frame-pointer -D_GLIBCXX_ASSERTIONS"
  CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DLEDE_BUILD_TESTS=OFF -DLEDE_BUILD_BENCH=OFF -DLEDE_BUILD_FUZZ=ON \
    "-DCMAKE_C_FLAGS=$flags" "-DCMAKE_CXX_FLAGS=$flags" >/dev/null
fi
if [ $build -eq 1 ]; then
  cmake --build "$BUILD" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"
fi

seed_root=$BUILD/seeds-$max_seeds
# Seeds made before a target existed lack its folder: make them all again.
for t in "${targets[@]}"; do
  [ -d "$seed_root/$t" ] || { rm -rf "$seed_root"; break; }
done
if [ ! -d "$seed_root" ]; then
  if [ -d "$DATA" ]; then
    python3 fuzz/make_seeds.py "$seed_root.tmp" "$DATA" "$ROOT" --max-per-target "$max_seeds"
  else
    echo "fuzz.sh: no shared data at $DATA; seeds come from tests/pages only" >&2
    python3 fuzz/make_seeds.py "$seed_root.tmp" /nonexistent "$ROOT" --max-per-target "$max_seeds"
  fi
  mv "$seed_root.tmp" "$seed_root"
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/fuzz/lsan.supp}
logs=$BUILD/fuzz-logs
mkdir -p "$logs" "$BUILD/crashes"

# run_one TARGET: one timed libFuzzer run; prints a summary line.
run_one() {
  local t=$1 work
  if [ $ci -eq 1 ]; then
    work=$(mktemp -d)
  else
    work=$BUILD/corpus/$t
    mkdir -p "$work"
  fi
  mkdir -p "$BUILD/crashes/$t"
  local args=(-max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=60
              -rss_limit_mb=2560 -print_final_stats=1
              -artifact_prefix="$BUILD/crashes/$t/")
  local d
  d=$(dict "$t")
  [ -n "$d" ] && args+=(-dict="$d")
  local start end status=ok
  start=$(date +%s)
  if ! "$BUILD/fuzz/fuzz_$t" "${args[@]}" "$work" "$seed_root/$t" >"$logs/$t.log" 2>&1; then
    status=crash
  fi
  end=$(date +%s)
  # CPU seconds of the fuzzer (this subshell's children): on a shared machine
  # wall time overstates the work done, and the goal is counted in CPU time.
  # (`times` runs in this shell, not in a command substitution's subshell,
  # whose children would be none.)
  local cpu
  times >"$logs/$t.times"
  cpu=$(awk 'NR == 2 {
    split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.0f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }' \
    "$logs/$t.times")
  local execs
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$t.log" | tail -1)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$((end - start))" "${execs:-0}" \
    "$status" "$cpu" >>"$BUILD/fuzz-runs.tsv"
  printf 'fuzz_%-10s %4ss wall %4ss CPU %10s execs  %s\n' "$t" "$((end - start))" "$cpu" \
    "${execs:-0}" "$status"
  if [ "$status" != ok ]; then
    grep -m3 -E "ERROR|runtime error|invariant broken|Test unit written" "$logs/$t.log" >&2 || true
  fi
  [ $ci -eq 1 ] && rm -rf "$work"
  [ "$status" = ok ]
}

failed=0
pids=()
for t in "${targets[@]}"; do
  run_one "$t" &
  pids+=($!)
  if [ ${#pids[@]} -ge "$parallel" ]; then
    wait "${pids[0]}" || failed=1
    pids=("${pids[@]:1}")
  fi
done
for p in "${pids[@]}"; do wait "$p" || failed=1; done
if [ $failed -ne 0 ]; then
  echo "fuzz.sh: a target failed; logs in $logs, inputs in $BUILD/crashes" >&2
  exit 1
fi
