#!/usr/bin/env bash
# install_test.sh BUILD SOURCE CXX: installs lede from BUILD, builds examples/embed
# against the installed package and checks what it prints for a bundled page.
set -euo pipefail
build=$1 source=$2 cxx=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
cmake -S "$source/examples/embed" -B "$tmp/embed" -DCMAKE_PREFIX_PATH="$tmp/prefix" \
  -DCMAKE_CXX_COMPILER="$cxx" >/dev/null
cmake --build "$tmp/embed" >/dev/null
out=$("$tmp/embed/headline" "$source/examples/ap-nato.html")
expected="NATO leader says Ukrainians are making progress and advancing against Russian forces"
if [ "$(head -1 <<<"$out")" != "$expected" ]; then
  echo "FAIL: the embedding example printed:"
  echo "$out"
  exit 1
fi
# Only the public headers are installed.
test -f "$tmp/prefix/include/lede/lede.h"
if [ -d "$tmp/prefix/include/metadata" ] || [ -d "$tmp/prefix/include/core" ]; then
  echo "FAIL: internal headers were installed"
  exit 1
fi
echo "ok: find_package(lede) and lede::lede build a program that extracts the page"
