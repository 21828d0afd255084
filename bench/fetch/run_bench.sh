#!/usr/bin/env bash
# Pages per second fetched and extracted by `lede fetch`, and its peak memory,
# against a local web of HOSTS hosts (127.0.0.1 .. 127.0.0.HOSTS, served by
# fetch_serve_bench from the golden pages in tests/pages), no delay.
#
#   bench/fetch/run_bench.sh [URLS] [HOSTS] [EXTRA lede fetch FLAGS...]
#
# Needs a build with -DLEDE_BUILD_BENCH=ON (build/bench/fetch/fetch_serve_bench).
set -euo pipefail
cd "$(dirname "$0")/../.."
urls=${1:-10000}
hosts=${2:-20}
shift $(( $# > 2 ? 2 : $# ))
port=$(( 20000 + RANDOM % 20000 ))
work=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
pages=(tests/pages/*/source.html)
build/bench/fetch/fetch_serve_bench "$port" "$hosts" "${pages[@]}" > "$work/ready" &
server=$!
for _ in $(seq 50); do [ -s "$work/ready" ] && break; sleep 0.1; done
python3 - "$urls" "$hosts" "$port" > "$work/urls.txt" <<'PY'
import sys
n, hosts, port = map(int, sys.argv[1:])
for k in range(n):
    print(f"http://127.0.0.{k % hosts + 1}:{port}/p/{k}")
PY
/usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB max RSS" \
  build/apps/cli/lede fetch --delay 0 -i "$work/urls.txt" -o "$work/out.jsonl" "$@" \
  2> "$work/err" || true
cat "$work/err"
records=$(grep -c '"source"' "$work/out.jsonl" || true)
errors=$(grep -c '^{"error"' "$work/out.jsonl" || true)
wall=$(tail -1 "$work/err" | cut -d' ' -f1)
python3 -c "import sys; print(f'{$urls} URLs over {$hosts} hosts: {$records} lines ({$errors} errors), {$urls/$wall:.0f} pages/s')"
