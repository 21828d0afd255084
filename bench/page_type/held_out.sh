#!/bin/bash
# WCXB held out end to end: lede built with the page-type model trained on one
# half of WCXB's development split, run on all of it and scored on the other
# half, both ways; then the two tested halves together, per page kind, as
# "F1 / share of pages whose type is right".
#
#   bench/page_type/held_out.sh [BUILD_DIR] [DATA_DIR]
#
# BUILD_DIR (default build) must have been configured with
# -DLEDE_BUILD_BENCH=ON -DLEDE_BUILD_TESTS=ON. The script writes each half's
# table over src/extraction/page_type_model.inc, builds `lede`, keeps the
# binary, and puts the shipped table back (also when it fails or is
# interrupted), then builds `lede` once more. Needs python3-numpy and
# python3-sklearn (train_page_type.py). Takes a few minutes on two cores.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$repo/build}" && pwd)
data=$(cd "${2:-$repo/../shared/data}" && pwd)
python=${PYTHON:-/usr/bin/python3}
table=$repo/src/extraction/page_type_model.inc
work=$(mktemp -d)
cp "$table" "$work/shipped.inc"

restore() {
  cp "$work/shipped.inc" "$table"
  cmake --build "$build" --target lede -j2 > /dev/null || true
  rm -rf "$work"
}
trap restore EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ ! -d "$data/wcxb/html" ]; then
  echo "held_out.sh: no WCXB pages under $data/wcxb (give the data folder as the second argument)" >&2
  exit 2
fi
cmake --build "$build" --target lede page_features lede-word-score -j2 > /dev/null
"$build/bench/page_type/page_features" "$data/wcxb/html" > "$work/wcxb.tsv"
"$build/bench/page_type/page_features" "$data/webtext/dragnet/html" > "$work/dragnet.tsv"
for half in a b; do
  other=$([ "$half" = a ] && echo b || echo a)
  echo "training on half $half, scoring half $other" >&2
  "$python" "$repo/bench/page_type/train_page_type.py" "$work/wcxb.tsv" "$data/wcxb/types.json" \
    --articles "$work/dragnet.tsv" --train-part "$half" --write "$table" > "$work/train_$half.log"
  cmake --build "$build" --target lede -j2 > /dev/null
  "$build/apps/cli/lede" extract -q -j2 "$data/wcxb/html" > "$work/records_$half.jsonl" || true
  "$build/tests/quality/lede-word-score" --wcxb "$data/wcxb" "$work/records_$half.jsonl" \
    --part "$other" > "$work/score_$other.txt"
done

# The two tested halves together: each kind's F1 and type accuracy weighted by pages.
"$python" - "$work/score_a.txt" "$work/score_b.txt" <<'EOF'
import sys
rows = {}
for path in sys.argv[1:]:
    lines = open(path).read().split("\n")
    for line in lines[1:]:
        f = line.split()
        if len(f) < 8 or not f[1].isdigit():
            break
        rows.setdefault(f[0], []).append((int(f[1]), float(f[4]), float(f[7])))
print(f"{'set':<14} {'pages':>5} {'F1':>7} {'type':>6}")
for kind, parts in rows.items():
    n = sum(p[0] for p in parts)
    f1 = sum(p[0] * p[1] for p in parts) / n
    kind_right = sum(p[0] * p[2] for p in parts) / n
    print(f"{kind:<14} {n:>5} {f1:>7.4f} {kind_right:>6.3f}")
EOF
