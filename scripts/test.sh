#!/usr/bin/env bash
# Installs what is missing, builds everything, and runs the whole test suite
# (unit tests, golden pages, CLI tests and the quality gates on ../shared/data).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh -DLEDE_BUILD_TESTS=ON -DLEDE_BUILD_BENCH=ON
ctest --test-dir build --output-on-failure -j"$(nproc)"
