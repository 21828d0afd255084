#!/usr/bin/env python3
"""End-to-end crawl benchmark: `lede extract` over generated WARC.gz files.

  run_bench.py LEDE ARCHIVE_200MB [ARCHIVE_1GB]

Runs -j 1 and -j 2 over the first archive (pages/s, speed-up), and -j 2
over both for peak memory (RSS of the lede process, from wait4). Make the
archives with make_warc.py; see BENCHMARKS.md, "Crawls (WARC)".
"""
import os
import re
import subprocess
import sys
import time


def run(lede, jobs, archive):
    start = time.monotonic()
    proc = subprocess.Popen([lede, "extract", "-j", str(jobs), archive],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    m = re.search(r"lede: (\d+) records \((\d+) articles, (\d+) errors", err)
    if not m:
        sys.exit("no summary from lede: " + err)
    return {"jobs": jobs, "records": int(m.group(1)), "errors": int(m.group(3)), "wall": wall,
            "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024,
            "size_mb": os.path.getsize(archive) / 1e6, "status": os.waitstatus_to_exitcode(status)}


def main():
    lede, first = sys.argv[1], sys.argv[2]
    rows = [run(lede, 1, first), run(lede, 2, first)]
    if len(sys.argv) > 3:
        rows.append(run(lede, 2, sys.argv[3]))
    print("| archive | -j | records | errors | wall s | CPU s | pages/s | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print("| %.0f MB | %d | %d | %d | %.1f | %.1f | %.0f | %.0f |" % (
            r["size_mb"], r["jobs"], r["records"], r["errors"], r["wall"], r["cpu"],
            r["records"] / r["wall"], r["rss_mb"]))
    print()
    print("speed-up -j 2 over -j 1: %.2fx" % ((rows[1]["records"] / rows[1]["wall"]) /
                                             (rows[0]["records"] / rows[0]["wall"])))


if __name__ == "__main__":
    main()
