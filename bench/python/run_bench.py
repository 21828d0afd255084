#!/usr/bin/env python3
"""Speed of lede's Python module against the lede command, and across threads.

    /usr/bin/python3 bench/python/run_bench.py [--rounds 5] [--pages DIR]

Runs from a clone after `cmake --build build --target lede lede_python`.
Over the AEB pages (../shared/data/aeb/html, .html.gz, inflated by lede in
both cases), it measures, in one run and side by side:

  cli      `lede extract -q -j 1 -o /dev/null PAGES x rounds` (CPU time of the child)
           alternating with the Python runs, --repeats times, medians reported
  python   lede.extract(bytes) -> dict over the same pages, one thread
  json     the share of that time spent in json.loads (GIL held)
  threads  2 Python threads, each with its own pages, against 1 (wall), and the
           CLI's -j 2 against -j 1 right after, for what the machine allows

and prints pages per second of CPU time (comparable on a loaded machine)
and of wall time.
"""
import argparse
import glob
import json
import os
import resource
import statistics
import subprocess
import sys
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "build", "python"))
import lede  # noqa: E402


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def bench_cli(binary, pages, rounds):
    before, start = child_cpu(), time.perf_counter()
    subprocess.run([binary, "extract", "-q", "-j", "1", "-o", os.devnull] + pages * rounds,
                   check=False)
    return child_cpu() - before, time.perf_counter() - start


def bench_cli_jobs(binary, pages, rounds, jobs):
    start = time.perf_counter()
    subprocess.run([binary, "extract", "-q", "-j", str(jobs), "-o", os.devnull] + pages * rounds,
                   check=False)
    return time.perf_counter() - start


def bench_python(datas, rounds, function):
    cpu, start = time.process_time(), time.perf_counter()
    for _ in range(rounds):
        for i, data in enumerate(datas):
            try:
                function(data)
            except lede.Error:
                pass
    return time.process_time() - cpu, time.perf_counter() - start


def bench_threads(datas, rounds, threads):
    def work(k):
        extractor = lede.Extractor()
        for _ in range(rounds):
            for data in datas[k::threads]:
                try:
                    extractor.extract(data)
                except lede.Error:
                    pass
    start = time.perf_counter()
    cpu = time.process_time()
    pool = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return time.process_time() - cpu, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", default=os.path.join(REPO, "..", "shared", "data", "aeb",
                                                        "html"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--lede", default=os.path.join(REPO, "build", "apps", "cli", "lede"))
    parser.add_argument("--skip", default="", help="comma-separated: cli,python,json,threads")
    args = parser.parse_args()
    skip = set(args.skip.split(","))
    pages = sorted(glob.glob(os.path.join(args.pages, "*")))
    datas = []
    for p in pages:
        with open(p, "rb") as f:
            datas.append(f.read())
    n = len(pages) * args.rounds
    print(f"{len(pages)} pages x {args.rounds} rounds = {n} extractions; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    def report(name, cpu, wall, count=n):
        print(f"{name:34s} {count / cpu:8.1f} pages/CPU-s  {count / wall:8.1f} pages/s wall  "
              f"(cpu {cpu:.2f} s, wall {wall:.2f} s)")
        return count / cpu, count / wall

    lede.extract(datas[0])  # warm the thread's Extractor
    results = {}
    # CLI and Python alternate, --repeats times, and each reports its median
    # rate, so that a burst of load on a shared machine hits both alike.
    runs = {"cli": [], "python": [], "json": []}
    for _ in range(args.repeats):
        if "cli" not in skip:
            runs["cli"].append(bench_cli(args.lede, pages, args.rounds))
        if "python" not in skip:
            runs["python"].append(bench_python(datas, args.rounds, lede.extract))
            runs["json"].append(bench_python(datas, args.rounds, lede.extract_json))
    names = {"cli": "lede extract -j 1 (CLI)", "python": "lede.extract -> dict",
             "json": "lede.extract_json -> str"}
    for key, timings in runs.items():
        if timings:
            cpu = statistics.median(t[0] for t in timings)
            wall = statistics.median(t[1] for t in timings)
            results[key] = report(f"{names[key]} (median of {len(timings)})", cpu, wall)
    if "json" not in skip:
        lines = [lede.extract_json(d) for d in datas if _ok(d)]
        cpu = time.process_time()
        for _ in range(args.rounds):
            for line in lines:
                json.loads(line)
        loads = time.process_time() - cpu
        print(f"json.loads of the records: {loads:.3f} CPU-s for {len(lines) * args.rounds} "
              f"records ({1e6 * loads / (len(lines) * args.rounds):.0f} us each)")
    if "cli" in results and "python" in results:
        print(f"python / cli, CPU rate: {results['python'][0] / results['cli'][0]:.3f}")
    if "python" not in skip:
        # What a call costs the GIL besides json.loads: the wrapper on an
        # input lede turns down at once.
        cpu = time.process_time()
        for _ in range(20000):
            try:
                lede.extract(b" ")
            except lede.Error:
                pass
        call = (time.process_time() - cpu) / 20000
        print(f"a call's own cost (empty input): {1e6 * call:.1f} us")
    if "threads" not in skip:
        # The CLI's -j 2 against -j 1 in the same minutes says what two
        # threads can gain on the machine as it is loaded.
        for _ in range(args.repeats):
            one = report("Extractor in 1 thread", *bench_threads(datas, args.rounds, 1))
            two = report("Extractors in 2 threads", *bench_threads(datas, args.rounds, 2))
            cli1 = bench_cli_jobs(args.lede, pages, args.rounds, 1)
            cli2 = bench_cli_jobs(args.lede, pages, args.rounds, 2)
            print(f"2 threads / 1 thread, wall: {two[1] / one[1]:.2f}x; the CLI's -j 2 / -j 1 "
                  f"just after: {cli1 / cli2:.2f}x (load {os.getloadavg()[0]:.1f})")


def _ok(data):
    try:
        lede.extract_json(data)
        return True
    except lede.Error:
        return False


if __name__ == "__main__":
    main()
