#!/bin/sh
# Body-extraction quality and speed of lede's peers on the article extraction
# benchmark (AEB), scored by lede-aeb-score, as one markdown table.
#
#   bench/peers/run_peers.sh --scorer build/tests/quality/lede-aeb-score [--lede build/apps/cli/lede]
#                            [--data ../shared/data] [--work DIR] [--repeat N]
#
# Peers: readability-lxml (Python), Readability.js (Node, jsdom) and the
# whole-page text (html-text) baseline. Install them with bench/peers/setup.sh.
# Each peer reads the 181 decompressed pages into memory first; pages/s comes
# from the wall and the CPU time of its extraction loop in one process and
# thread, the fastest of N passes (default 3) taken in turn over the tools.
# lede, when given, runs N times as `lede extract --quiet -j 1` on the same
# decompressed pages, so its time also counts process start-up and reading the
# files.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
scorer="" lede="" data="$repo/../shared/data" work="" repeat=3
while [ $# -gt 0 ]; do
  case $1 in
    --scorer) scorer=$2; shift 2 ;;
    --lede) lede=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "run_peers.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -z "$scorer" ] || [ ! -x "$scorer" ]; then
  echo "run_peers.sh: give --scorer, the lede-aeb-score binary (target lede-aeb-score)" >&2
  exit 2
fi
if [ ! -f "$data/aeb/ground-truth.json" ]; then
  echo "run_peers.sh: no AEB data in $data/aeb (give --data)" >&2
  exit 2
fi
if [ ! -d "$here/node_modules/@mozilla/readability" ]; then
  echo "run_peers.sh: Readability.js is not installed; run bench/peers/setup.sh" >&2
  exit 2
fi
[ -n "$work" ] || work=$(mktemp -d "${TMPDIR:-/tmp}/lede-peers.XXXXXX")
mkdir -p "$work/pages"
truth="$data/aeb/ground-truth.json"

for gz in "$data"/aeb/html/*.html.gz; do
  gunzip -c "$gz" > "$work/pages/$(basename "$gz" .gz)"
done
set -- "$work"/pages/*.html
pages=$#
echo "run_peers.sh: $pages pages in $work/pages" >&2

# score FILE TOOL VERSION: one table row from lede-aeb-score's summary of
# $work/FILE.jsonl and the fastest times in $work/FILE.seconds.
score() {
  "$scorer" --truth "$truth" "$work/$1.jsonl" --worst 0 --per-page "$work/$1.tsv" \
    > "$work/$1.score"
  awk -v tool="$2" -v version="$3" -v pages="$pages" -v times="$(cat "$work/$1.seconds")" '
    $1 == "F1" { f1 = $2 " ± " $4 }
    $1 == "precision" { p = $2 " ± " $4 }
    $1 == "recall" { r = $2 " ± " $4 }
    $1 == "accuracy" { acc = $2 " ± " $4 }
    END { split(times, t, " ")
          printf "| %s | %s | %s | %s | %s | %s | %.1f | %.1f |\n", tool, version, f1, p, r, acc,
                 pages / t[1], pages / t[2] }' "$work/$1.score"
}

# timing_field FILE KEY: a value from a peer's timing JSON.
timing_field() {
  /usr/bin/python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"
}

# keep_fastest NAME TIMING_JSON: keeps the smallest wall and CPU seconds seen
# for NAME in $work/NAME.seconds ("WALL CPU").
keep_fastest() {
  /usr/bin/python3 - "$work/$1.seconds" "$2" <<'PY'
import json, os, sys
best_path, timing_path = sys.argv[1], sys.argv[2]
timing = json.load(open(timing_path))
wall, cpu = timing["seconds"], timing["cpu_seconds"]
if os.path.exists(best_path):
    best_wall, best_cpu = map(float, open(best_path).read().split())
    wall, cpu = min(wall, best_wall), min(cpu, best_cpu)
open(best_path, "w").write(f"{wall} {cpu}\n")
PY
}

rm -f "$work"/*.seconds
load=$(cut -d' ' -f1-3 /proc/loadavg)
# Passes go round the tools in turn, so that a burst of load from elsewhere on
# the machine falls on all of them alike.
pass=0
while [ "$pass" -lt "$repeat" ]; do
  for tool in readability-lxml html-text; do
    /usr/bin/python3 "$here/python_peers.py" --tool "$tool" --out "$work/$tool.jsonl" \
      --timing "$work/$tool.time.json" "$@"
    keep_fastest "$tool" "$work/$tool.time.json"
  done
  node "$here/readability_js.js" --out "$work/readability-js.jsonl" \
    --timing "$work/readability-js.time.json" "$@"
  keep_fastest readability-js "$work/readability-js.time.json"
  if [ -n "$lede" ]; then
    /usr/bin/python3 "$here/time_command.py" "$work/lede.jsonl" \
      "$lede" extract --quiet -j 1 "$work/pages" > "$work/lede.time.json"
    # Exit 1 only means some pages had no article; they score as empty.
    status=$(timing_field "$work/lede.time.json" status)
    if [ "$status" -ge 2 ] || [ "$status" -lt 0 ]; then
      echo "run_peers.sh: lede extract failed with status $status" >&2
      exit 1
    fi
    keep_fastest lede "$work/lede.time.json"
    echo "lede: $pages pages in $(timing_field "$work/lede.time.json" seconds) s" >&2
  fi
  pass=$((pass + 1))
done

rows=""
add_row() { rows="$rows$1
"; }
if [ -n "$lede" ]; then
  add_row "$(score lede lede "$("$lede" --version | head -n 1)")"
fi
for peer in readability-js:Readability.js readability-lxml:readability-lxml \
            "html-text:whole-page text (html-text)"; do
  file=${peer%%:*}
  add_row "$(score "$file" "${peer#*:}" "$(timing_field "$work/$file.time.json" version)")"
done

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
echo "AEB, $pages pages; $(date -u +%Y-%m-%d); $cpu, $(nproc) cores, load average $load at start;"
echo "pages/s: fastest of $repeat passes taken in turn; CPU = user + system time of the process."
echo "Predictions and per-page scores: $work"
echo
echo "| tool | version | F1 | precision | recall | accuracy | pages/s wall | pages/s CPU |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s' "$rows"
