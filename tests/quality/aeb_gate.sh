#!/bin/sh
# Quality gate: runs `lede extract` over a folder of AEB pages and scores the
# records against the ground truth with floors on F1 and accuracy.
#
#   aeb_gate.sh LEDE SCORER TRUTH_JSON INPUT_DIR OUT_JSONL MIN_F1 MIN_ACCURACY [LEDE_ARGS...]
#
# Exits 0 when the floors hold, 1 when a figure is below its floor or lede
# failed, 77 (skipped) when the shared data is absent, 2 on a usage error.
set -u

if [ $# -lt 7 ]; then
  echo "usage: $0 LEDE SCORER TRUTH_JSON INPUT_DIR OUT_JSONL MIN_F1 MIN_ACCURACY [LEDE_ARGS...]" >&2
  exit 2
fi
lede=$1 scorer=$2 truth=$3 input=$4 out=$5 min_f1=$6 min_accuracy=$7
shift 7

if [ ! -f "$truth" ] || [ ! -d "$input" ]; then
  echo "SKIP: AEB data not found ($truth, $input); set LEDE_DATA_DIR to the shared data folder" >&2
  exit 77
fi

# lede exits 1 when some pages yield no article: those pages score as empty
# predictions. Exit 2 (usage or fatal error) fails the gate.
"$lede" extract --quiet "$@" "$input" > "$out"
status=$?
if [ "$status" -ge 2 ]; then
  echo "FAIL: lede extract exited with status $status" >&2
  exit 1
fi

"$scorer" --truth "$truth" "$out" --min-f1 "$min_f1" --min-accuracy "$min_accuracy" \
  --worst 10 --per-page "${out%.jsonl}.tsv"
case $? in
  0) exit 0 ;;
  1) exit 1 ;;
  *) echo "FAIL: the scorer could not read its input" >&2; exit 1 ;;
esac
