#!/bin/bash
# WCXB held out end to end: lede built with the page-type model trained on one
# half of WCXB's development split, run on all of it and scored on the other
# half, both ways; then the two tested halves together, per page kind, as
# "F1 / share of pages whose type is right".
#
#   bench/page_type/held_out.sh [BUILD_DIR] [DATA_DIR] [HALVES]
#
# HALVES is "id" (default: the halves of `lede-word-score --part`, by page id)
# or "site" (every page of a host in one half: 76 hosts hold 235 pages across
# the id halves, and a model tested on one of them has seen its site's other
# pages). BUILD_DIR (default build) must have been configured with
# -DLEDE_BUILD_BENCH=ON -DLEDE_BUILD_TESTS=ON. The script writes each half's
# table over src/extraction/page_type_model.inc, builds `lede`, keeps the
# binary, and puts the shipped table back (also when it fails or is
# interrupted), then builds `lede` once more. Needs python3-numpy and
# python3-sklearn (train_page_type.py). Takes a few minutes on two cores.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$repo/build}" && pwd)
data=$(cd "${2:-$repo/../shared/data}" && pwd)
halves=${3:-id}
case "$halves" in
  id | site) ;;
  *) echo "held_out.sh: HALVES is id or site, not '$halves'" >&2; exit 2 ;;
esac
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
train=("$python" "$repo/bench/page_type/train_page_type.py" "$work/wcxb.tsv" "$data/wcxb/types.json"
  --articles "$work/dragnet.tsv" --halves "$halves")
"${train[@]}" --list-halves > "$work/halves.txt"
for half in a b; do
  echo "training on half $half ($halves halves), scoring the other" >&2
  "${train[@]}" --train-part "$half" --write "$table" > "$work/train_$half.log"
  cmake --build "$build" --target lede -j2 > /dev/null
  "$build/apps/cli/lede" extract -q -j2 "$data/wcxb/html" > "$work/records_$half.jsonl" || true
  "$build/tests/quality/lede-word-score" --wcxb "$data/wcxb" "$work/records_$half.jsonl" \
    --per-page "$work/pages_$half.tsv" > /dev/null
done

# The two tested halves together: each page scored by the binary whose model
# was trained on the other half; each kind's mean F1 and share of types right.
"$python" - "$work/halves.txt" "$work/pages_a.tsv" "$work/pages_b.tsv" <<'EOF'
import sys
half = dict(line.split() for line in open(sys.argv[1]))
rows = {}
for trained_on, path in (("a", sys.argv[2]), ("b", sys.argv[3])):
    for line in open(path).read().split("\n")[1:]:
        f = line.split("\t")
        if len(f) >= 8 and half.get(f[0]) not in (None, trained_on):
            rows[f[0]] = (f[1], f[2], float(f[5]))
print(f"{'set':<14} {'pages':>5} {'F1':>7} {'type':>6}")
for kind in ["all", "article", "collection", "documentation", "forum", "listing", "product",
             "service"]:
    pages = [r for r in rows.values() if kind in ("all", r[0])]
    if not pages:
        continue
    f1 = sum(r[2] for r in pages) / len(pages)
    right = sum(r[0] == r[1] for r in pages) / len(pages)
    print(f"{kind:<14} {len(pages):>5} {f1:>7.4f} {right:>6.3f}")
EOF
