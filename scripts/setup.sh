#!/usr/bin/env bash
# Installs the Debian packages lede builds and tests with (Debian 12).
# Safe to run again: it installs only what is missing. Runs apt-get as root,
# or through sudo when run as another user.
set -euo pipefail

PACKAGES=(
  # toolchain
  g++ cmake make pkg-config git ca-certificates
  # parsing, decoding, language, compression
  libgumbo-dev libuchardet-dev libicu-dev libcld2-dev zlib1g-dev libzstd-dev libxml2-dev
  # .warc.gz members inflated whole, about 2.5 times faster than zlib
  libdeflate-dev
  # the corpus (lede ingest/search/stats): SQLite with FTS5, which Debian's build includes
  libsqlite3-dev
  # JSON, CLI, results
  nlohmann-json3-dev libsimdjson-dev libcli11-dev libfmt-dev libxxhash-dev libexpected-dev
  # lede fetch: HTTP/1.1 and 2, TLS, gzip/deflate/br (libxml2 above reads its feeds and sitemaps)
  libcurl4-openssl-dev
  # lede serve: cpp-httplib, the HTTP server of the corpus page and its JSON API (header only)
  libcpp-httplib-dev
  # tests and benchmarks (python3 also serves the fetch tests' local web)
  libgtest-dev libgmock-dev libbenchmark-dev python3
  # WARC fixtures: the tests crawl a local server with wget --warc-file
  wget
  # compiled objects shared between build trees (scripts/build.sh uses it when present)
  ccache
  # the Python module (bindings/python) and its tests; pip and venv install it
  # from a clone (pip install --no-build-isolation .), dask runs crawls on a cluster
  pybind11-dev python3-dev python3-pytest python3-setuptools python3-wheel python3-pip
  python3-venv python3-dask python3-distributed
  # sanitizer build and fuzz targets (scripts/sanitize.sh, scripts/fuzz.sh)
  clang libclang-rt-14-dev
  # the page of lede serve in a real browser (tests/browser): Debian's Chromium, driven
  # headless by playwright-core from npm (installed below, without Playwright's browsers)
  chromium
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js and npm run the browser tests; a machine may have them from elsewhere than
# Debian (whose npm would then conflict), so Debian's are installed only when none is there.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then missing+=(nodejs npm); fi
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# playwright-core for the browser tests, as tests/browser/package-lock.json pins it; it
# drives the chromium above, so Playwright's own browsers are never downloaded. Run again
# only when the lock file changes. Without it the browser tests skip, so a failure here
# is said and not fatal.
browser_dir="$(cd "$(dirname "$0")/.." && pwd)/tests/browser"
stamp="$browser_dir/node_modules/.lede-package-lock.json"
if ! cmp -s "$browser_dir/package-lock.json" "$stamp"; then
  if (cd "$browser_dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
        npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
    cp "$browser_dir/package-lock.json" "$stamp"
  else
    echo "setup: npm ci in tests/browser failed; the browser tests will skip" >&2
  fi
fi
