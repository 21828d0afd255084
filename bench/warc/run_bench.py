#!/usr/bin/env python3
"""End-to-end crawl benchmark: `lede extract` over generated WARC.gz files.

  run_bench.py LEDE ARCHIVE_200MB [ARCHIVE_1GB] [--rounds N] [--jobs 1,2]

Runs -j 1 and -j 2 over the first archive, interleaved for N rounds (the
machine is shared, so a burst of load hits both rather than one), then -j 2
over the second archive for peak memory. For each run it reports wall time,
process CPU, CPU per thread role (the reader thread, the workers, the
writer, i.e. the main thread; read from /proc/PID/task while lede runs, as
lede names its threads), peak RSS (from wait4) and the load average when
the run started.

The speed-up is given twice: measured (median wall pages/s of -j 2 over
-j 1, which only means something on an otherwise idle machine) and the
bound that each run's thread CPU sets on an idle 2-core machine: -j 1 takes
as long as its workers' CPU W (the reader and writer run beside it), -j 2
at least all the CPU over two cores, so the speed-up is at most
2W / (W + reader + writer). Make the archives with make_warc.py; see
BENCHMARKS.md, "Crawls (WARC)".
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import threading
import time

SAMPLE_SECONDS = 0.02


def thread_cpu(pid):
    """{tid: (name, seconds on CPU)} for the live threads of `pid`."""
    out = {}
    try:
        tids = os.listdir("/proc/%d/task" % pid)
    except OSError:
        return out
    for tid in tids:
        base = "/proc/%d/task/%s/" % (pid, tid)
        try:
            with open(base + "comm") as f:
                name = f.read().strip()
            with open(base + "schedstat") as f:
                seconds = int(f.read().split()[0]) / 1e9
        except (OSError, ValueError, IndexError):
            continue
        out[tid] = (name, seconds)
    return out


class ThreadSampler:
    """Samples thread_cpu(pid) every SAMPLE_SECONDS, on a thread of its own,
    until stop(), which returns the last figures of every thread seen."""

    def __init__(self, pid):
        self._pid = pid
        self._threads = {}
        self._done = threading.Event()
        self._sampler = threading.Thread(target=self._sample)
        self._sampler.start()

    def _sample(self):
        while not self._done.is_set():
            self._threads.update(thread_cpu(self._pid))
            time.sleep(SAMPLE_SECONDS)

    def stop(self):
        self._done.set()
        self._sampler.join()
        return self._threads


def run(lede, jobs, archive):
    load = os.getloadavg()[0]
    start = time.monotonic()
    proc = subprocess.Popen([lede, "extract", "-j", str(jobs), archive],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = ThreadSampler(proc.pid)
    err = proc.stderr.read().decode()
    threads = sampler.stop()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    m = re.search(r"lede: (\d+) records \((\d+) articles, (\d+) errors", err)
    if not m:
        sys.exit("no summary from lede: " + err)
    roles = {"reader": 0.0, "workers": 0.0, "writer": 0.0}
    for name, seconds in threads.values():
        role = {"lede-reader": "reader", "lede-worker": "workers"}.get(name, "writer")
        roles[role] += seconds
    return {"jobs": jobs, "records": int(m.group(1)), "errors": int(m.group(3)), "wall": wall,
            "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024,
            "size_mb": os.path.getsize(archive) / 1e6, "load": load,
            "status": os.waitstatus_to_exitcode(status), **roles}


def two_core_bound(r):
    """Most -j 2 can gain over -j 1 on 2 idle cores, from this run's thread CPU."""
    return 2 * r["workers"] / (r["workers"] + r["reader"] + r["writer"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("lede")
    parser.add_argument("archive")
    parser.add_argument("big_archive", nargs="?")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", default="1,2")
    args = parser.parse_args()
    jobs = [int(j) for j in args.jobs.split(",")]

    rows = []
    for _ in range(args.rounds):
        for j in jobs:
            rows.append(run(args.lede, j, args.archive))
    if args.big_archive:
        rows.append(run(args.lede, jobs[-1], args.big_archive))

    print("| archive | -j | load | records | errors | wall s | CPU s | reader CPU s | "
          "workers CPU s | writer CPU s | pages/s (wall) | 2-core bound | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print("| %.0f MB | %d | %.1f | %d | %d | %.1f | %.1f | %.2f | %.2f | %.2f | %.0f | %.2fx "
              "| %.0f |" % (
                  r["size_mb"], r["jobs"], r["load"], r["records"], r["errors"], r["wall"],
                  r["cpu"], r["reader"], r["workers"], r["writer"], r["records"] / r["wall"],
                  two_core_bound(r), r["rss_mb"]))
    print()
    first = [r for r in rows if r["size_mb"] == rows[0]["size_mb"]]
    by_jobs = {j: [r for r in first if r["jobs"] == j] for j in jobs}
    base = jobs[0]
    for j in jobs[1:]:
        med = {k: statistics.median(r["records"] / r["wall"] for r in by_jobs[k]) for k in (base, j)}
        print("-j %d over -j %d: measured %.2fx (median wall pages/s %.0f vs %.0f)" % (
            j, base, med[j] / med[base], med[j], med[base]))
    print("bound on 2 idle cores from thread CPU: median %.2fx (%.2fx to %.2fx over %d runs)" % (
        statistics.median(two_core_bound(r) for r in first),
        min(two_core_bound(r) for r in first), max(two_core_bound(r) for r in first), len(first)))


if __name__ == "__main__":
    main()
