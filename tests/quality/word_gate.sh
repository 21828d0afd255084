#!/bin/sh
# Quality gate: runs `lede extract` over a folder of pages and scores the
# records by word F1 (lede-word-score) against WCXB or a webtext set.
#
#   word_gate.sh LEDE SCORER KIND DATA_DIR HTML_DIR OUT_JSONL [SCORER_ARGS...]
#
# KIND is "wcxb" (DATA_DIR holds ground-truth/ and types.json) or "gold"
# (DATA_DIR holds NAME.txt gold texts). SCORER_ARGS carry the floors
# (--min-f1, --min-type TYPE=F1, --min-type-accuracy).
# Exits 0 when the floors hold, 1 when a figure is below its floor or lede
# failed, 77 (skipped) when the shared data is absent, 2 on a usage error.
set -u

if [ $# -lt 6 ]; then
  echo "usage: $0 LEDE SCORER KIND DATA_DIR HTML_DIR OUT_JSONL [SCORER_ARGS...]" >&2
  exit 2
fi
lede=$1 scorer=$2 kind=$3 data=$4 input=$5 out=$6
shift 6

if [ ! -d "$data" ] || [ ! -d "$input" ]; then
  echo "SKIP: data not found ($data, $input); set LEDE_DATA_DIR to the shared data folder" >&2
  exit 77
fi

# lede exits 1 when some pages yield no article: those pages score as empty.
"$lede" extract --quiet "$input" > "$out"
status=$?
if [ "$status" -ge 2 ]; then
  echo "FAIL: lede extract exited with status $status" >&2
  exit 1
fi

"$scorer" "--$kind" "$data" "$out" --per-page "${out%.jsonl}.tsv" --worst 5 "$@"
case $? in
  0) exit 0 ;;
  1) exit 1 ;;
  *) echo "FAIL: the scorer could not read its input" >&2; exit 1 ;;
esac
