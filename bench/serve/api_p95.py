#!/usr/bin/env python3
"""Latency of `lede serve`'s search and timeline requests, one client at a time.

  python3 bench/serve/api_p95.py --port 8080 --queries queries.tsv \
      --kinds 'word,two words,site: + word'

QUERIES is the tab-separated file of bench/store/make_queries.py (kind, mode,
query). For each API and each kind, every query of that kind is asked once to
warm the caches, then once more timed, over one kept-alive connection; the
script prints p50, p95 and max in milliseconds. A request that does not answer
200 stops the run with its path and status.
"""
import argparse
import http.client
import statistics
import time
import urllib.parse


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--queries", required=True)
    ap.add_argument("--kinds", required=True, help="comma-separated kinds of the queries file")
    ap.add_argument("--apis", default="search,timeline")
    a = ap.parse_args()
    with open(a.queries, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    conn = http.client.HTTPConnection(a.host, a.port, timeout=60)

    def get(path):
        start = time.perf_counter()
        conn.request("GET", path)
        res = conn.getresponse()
        res.read()
        if res.status != 200:
            raise SystemExit(f"{path}: status {res.status}")
        return (time.perf_counter() - start) * 1000

    for api in a.apis.split(","):
        for kind in a.kinds.split(","):
            paths = [f"/api/{api}?q=" + urllib.parse.quote(r[2]) for r in rows if r[0] == kind]
            if not paths:
                raise SystemExit(f"no queries of kind {kind!r} in {a.queries}")
            for p in paths:
                get(p)
            ms = sorted(get(p) for p in paths)
            p95 = ms[max(0, int(0.95 * len(ms)) - 1)]
            print(f"{api:9} {kind:22} n={len(ms)} p50 {statistics.median(ms):7.1f} "
                  f"p95 {p95:7.1f} max {ms[-1]:7.1f} ms")


if __name__ == "__main__":
    main()
