#!/bin/sh
# Installs the peers that bench/peers/run_peers.sh measures lede against:
# readability-lxml and html-text from Debian, Readability.js and jsdom from npm
# (versions pinned by package-lock.json). Run as root for apt-get.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apt-get install -y --no-install-recommends python3-readability python3-html-text nodejs npm
cd "$here" && npm ci --no-audit --no-fund
