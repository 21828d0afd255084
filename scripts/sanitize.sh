#!/usr/bin/env bash
# Builds lede and its tests with AddressSanitizer and UndefinedBehaviorSanitizer
# (clang, libstdc++ assertions on) in build-asan, and runs the test suite there.
# Any sanitizer report fails the test that triggered it.
#
#   scripts/sanitize.sh [CTEST_ARGS...]     e.g. -LE quality, -R hostile
#
# Extra arguments go to ctest. The tree is also built with libFuzzer's
# coverage hooks (-fsanitize=fuzzer-no-link), which the tests do not notice,
# so that `scripts/fuzz.sh --ci --build-dir build-asan` reuses it instead of
# building the library a third time. Set LEDE_ASAN_BUILD_DIR to build elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${LEDE_ASAN_BUILD_DIR:-build-asan}
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
flags+=" -fno-omit-frame-pointer -D_GLIBCXX_ASSERTIONS"
# ccache as in build.sh.
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
fi
CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
  -DLEDE_BUILD_TESTS=ON -DLEDE_BUILD_BENCH=OFF -DLEDE_BUILD_FUZZ=ON \
  "-DCMAKE_C_FLAGS=$flags" "-DCMAKE_CXX_FLAGS=$flags" >/dev/null
cmake --build "$BUILD" -j"$(nproc)"
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/fuzz/lsan.supp}
ctest --test-dir "$BUILD" --output-on-failure -j"$(nproc)" "$@"
