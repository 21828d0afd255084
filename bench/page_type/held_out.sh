#!/bin/bash
# WCXB held out end to end: lede built with the page-type model trained on
# every fold of WCXB's development split but one, run on that fold's pages and
# scored, for each fold; then the tested folds together, per page kind,
# as "F1 / share of pages whose type is right".
#
#   bench/page_type/held_out.sh [BUILD_DIR] [DATA_DIR] [HALVES] [FOLDS]
#
# HALVES is "id" (default: folds drawn by page id; two of them are the halves
# of `lede-word-score --part`) or "site" (every page of a host in one fold: 76
# hosts hold 235 pages across the id halves, and a model tested on one of them
# has seen its site's other pages). FOLDS (default 2) is how many: with two,
# each model learns from half the pages the shipped one does; with ten, from
# nine tenths, closer to what the shipped model meets on pages it never saw.
# BUILD_DIR (default build) must have been configured with
# -DLEDE_BUILD_BENCH=ON -DLEDE_BUILD_TESTS=ON. The script writes each fold's
# table over src/extraction/page_type_model.inc, builds `lede`, and puts the
# shipped table back (also when it fails or is interrupted), then builds
# `lede` once more. Needs python3-numpy and python3-sklearn
# (train_page_type.py). Takes about a minute on two cores a fold.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$repo/build}" && pwd)
data=$(cd "${2:-$repo/../shared/data}" && pwd)
halves=${3:-id}
folds=${4:-2}
case "$halves" in
  id | site) ;;
  *) echo "held_out.sh: HALVES is id or site, not '$halves'" >&2; exit 2 ;;
esac
case "$folds" in
  [2-9] | [1-9][0-9]) ;;
  *) echo "held_out.sh: FOLDS is a number from 2 to 99, not '$folds'" >&2; exit 2 ;;
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
  --articles "$work/dragnet.tsv" --halves "$halves" --folds "$folds")
"${train[@]}" --list-folds > "$work/folds.txt"
for ((fold = 0; fold < folds; ++fold)); do
  echo "fold $((fold + 1)) of $folds ($halves): trained on the others, scored" >&2
  "${train[@]}" --held-fold "$fold" --write "$table" > "$work/train_$fold.log"
  cmake --build "$build" --target lede -j2 > /dev/null
  # Only the fold's own pages: the others are read by the models that never saw them.
  pages=()
  while read -r page held; do
    [ "$held" = "$fold" ] && pages+=("$data"/wcxb/html/"$page".*)
  done < "$work/folds.txt"
  "$build/apps/cli/lede" extract -q -j2 "${pages[@]}" > "$work/records_$fold.jsonl" || true
  "$build/tests/quality/lede-word-score" --wcxb "$data/wcxb" "$work/records_$fold.jsonl" \
    --per-page "$work/pages_$fold.tsv" > /dev/null
done

# The tested folds together: each page scored by the binary whose model was
# trained without its fold; each kind's mean F1 and share of types right.
"$python" - "$work/folds.txt" "$folds" "$work" <<'EOF'
import os, sys
fold_of = dict(line.split() for line in open(sys.argv[1]))
rows = {}
for fold in range(int(sys.argv[2])):
    for line in open(os.path.join(sys.argv[3], f"pages_{fold}.tsv")).read().split("\n")[1:]:
        f = line.split("\t")
        if len(f) >= 8 and fold_of.get(f[0]) == str(fold):
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
