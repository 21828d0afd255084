#!/usr/bin/env bash
# Installs what is missing, builds everything, and runs the whole test suite
# (unit tests, golden pages, CLI tests and the quality gates on ../shared/data);
# then the suite again under AddressSanitizer and UndefinedBehaviorSanitizer,
# and a short run of every fuzz target (see RELIABILITY.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# LEDE_WERROR=ON (set by .ci/run) makes every warning an error.
bash scripts/build.sh -DLEDE_BUILD_TESTS=ON -DLEDE_BUILD_BENCH=ON "-DLEDE_WERROR=${LEDE_WERROR:-OFF}"
ctest --test-dir build --output-on-failure -j"$(nproc)"
bash scripts/sanitize.sh
bash scripts/fuzz.sh --ci --build-dir build-asan
