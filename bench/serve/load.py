#!/usr/bin/env python3
"""Load on a running `lede serve`: concurrent clients, latency percentiles, errors.

  python3 bench/serve/load.py http://127.0.0.1:8080 --clients 200 --requests 20 \
      --path '/api/search?q=nato' --path '/api/timeline?q=nato' --path /api/article/1

Each client opens its own connections and sends --requests requests, cycling
through the paths; the script prints, per path, the count, p50, p95 and max in
milliseconds, and the number of failed requests (no answer, or a status >= 500).
"""
import argparse
import http.client
import statistics
import sys
import threading
import time
import urllib.parse


def client(base, paths, requests, times, errors, lock):
    url = urllib.parse.urlsplit(base)
    local = {p: [] for p in paths}
    failed = 0
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    for i in range(requests):
        path = paths[i % len(paths)]
        start = time.perf_counter()
        try:
            conn.request("GET", path)
            res = conn.getresponse()
            res.read()
            if res.status >= 500:
                failed += 1
            if res.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        except (OSError, http.client.HTTPException):
            failed += 1
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
            continue
        local[path].append((time.perf_counter() - start) * 1000)
    conn.close()
    with lock:
        for p, t in local.items():
            times[p].extend(t)
        errors[0] += failed


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base")
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--requests", type=int, default=20)
    ap.add_argument("--path", action="append", required=True)
    a = ap.parse_args()
    times = {p: [] for p in a.path}
    errors = [0]
    lock = threading.Lock()
    threads = [threading.Thread(target=client,
                                args=(a.base, a.path, a.requests, times, errors, lock))
               for _ in range(a.clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    for p, t in times.items():
        if not t:
            print(f"{p}: no answers")
            continue
        t.sort()
        p95 = t[min(len(t) - 1, int(len(t) * 0.95))]
        print(f"{p}: n={len(t)} p50={statistics.median(t):.1f} ms p95={p95:.1f} ms max={t[-1]:.1f} ms")
    total = sum(len(t) for t in times.values())
    print(f"{a.clients} clients, {total} answers in {wall:.1f} s, {errors[0]} failed")
    return 1 if errors[0] else 0


if __name__ == "__main__":
    sys.exit(main())
