#!/bin/sh
# Regression gate on the Readability.js test pages: runs `lede extract` over
# every <slug>/source.html and compares the bodies with Readability.js's own
# output (expected.html) with a floor on the mean F1.
#
#   readability_gate.sh LEDE COMPARER PAGES_DIR OUT_JSONL MIN_F1
#
# Exits 0 when the floor holds, 1 below it or when lede failed, 77 (skipped)
# when the shared data is absent, 2 on a usage error.
set -u
if [ $# -ne 5 ]; then
  echo "usage: $0 LEDE COMPARER PAGES_DIR OUT_JSONL MIN_F1" >&2
  exit 2
fi
lede=$1 comparer=$2 pages=$3 out=$4 min_f1=$5
if [ ! -d "$pages" ]; then
  echo "SKIP: readability pages not found ($pages); set LEDE_DATA_DIR to the shared data folder" >&2
  exit 77
fi
"$lede" extract --quiet "$pages"/*/source.html > "$out"
status=$?
if [ "$status" -ge 2 ]; then
  echo "FAIL: lede extract exited with status $status" >&2
  exit 1
fi
"$comparer" "$pages" "$out" --min-f1 "$min_f1"
case $? in
  0) exit 0 ;;
  1) exit 1 ;;
  *) echo "FAIL: the comparer could not read its input" >&2; exit 1 ;;
esac
