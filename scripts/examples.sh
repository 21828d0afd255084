#!/usr/bin/env bash
# Installs what is missing, builds, and extracts the example pages in examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh -DLEDE_BUILD_TESTS=OFF -DLEDE_BUILD_BENCH=OFF
./build/apps/cli/lede extract examples/*.html
