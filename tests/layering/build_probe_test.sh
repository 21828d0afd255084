#!/usr/bin/env bash
# The build's include roots: a fields source compiles with its own stage's
# header and fails on a later stage's, with the compiler saying it cannot
# find that header.
set -uo pipefail
build=$1
if ! out=$(cmake --build "$build" --target layering_probe_same 2>&1); then
  echo "FAIL: the probe with only its own stage's header did not compile:"
  echo "$out" | tail -20
  exit 1
fi
if out=$(cmake --build "$build" --target layering_probe_upward 2>&1); then
  echo "FAIL: a fields source including analysis/quotes.h compiled"
  exit 1
fi
# gcc: "analysis/quotes.h: No such file or directory"; clang: "'analysis/quotes.h' file not found".
if ! grep -Eq "analysis/quotes.h(: No such file|' file not found)" <<<"$out"; then
  echo "FAIL: the upward probe failed for another reason:"
  echo "$out" | tail -20
  exit 1
fi
echo "ok: the build refuses a later stage's header in the fields stage"
