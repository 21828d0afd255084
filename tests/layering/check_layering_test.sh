#!/usr/bin/env bash
# The layering check on the tree as it is (must pass), and on a copy of the
# stages with one deliberate upward include (must fail and name it).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
check="$root/tests/layering/check_layering.py"
python3 "$check" "$root"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$root/CMakeLists.txt" "$tmp/"
cp -r "$root/src" "$tmp/src"
printf '#include "analysis/quotes.h"\n' >> "$tmp/src/fields/dates.cc"
if out=$(python3 "$check" "$tmp"); then
  echo "FAIL: the check passed a tree where fields includes analysis"
  exit 1
fi
grep -q "src/fields/dates.cc:.*stage 'fields' includes later stage 'analysis'" <<<"$out" || {
  echo "FAIL: the check did not name the upward include:"
  echo "$out"
  exit 1
}
echo "ok: a deliberate upward include is reported: $out" | head -1
