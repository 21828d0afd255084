#!/usr/bin/env python3
"""Two lede binaries on the same inputs, interleaved: CPU time of each run.

  cpu_ab.py [--rounds N] [--repeat K] LEDE_A LEDE_B -- EXTRACT_ARGS... INPUT...

Runs `LEDE extract -q -j1 -o /dev/null EXTRACT_ARGS... --files-from LIST`, the
list holding the files of INPUT... (directories walked in sorted order) K
times over, so that a run lasts long enough to time, with A, then B, N rounds, so that load from other jobs hits both alike. For each run it reports
the worker thread's CPU time (read from /proc while lede runs, as in
bench/warc/run_bench.py) and the process's user + system time (from wait4),
then the median of each and B's change against A.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "warc"))
from run_bench import ThreadSampler  # noqa: E402


def run(lede, args):
    proc = subprocess.Popen([lede, "extract", "-q", "-j1", "-o", "/dev/null", *args],
                            stdout=subprocess.DEVNULL)
    sampler = ThreadSampler(proc.pid)
    _, status, usage = os.wait4(proc.pid, 0)
    threads = sampler.stop()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{lede} failed: status {status}")
    worker = sum(s for name, s in threads.values() if name == "lede-worker")
    return worker, usage.ru_utime + usage.ru_stime


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--repeat", type=int, default=10)
    p.add_argument("args", nargs=argparse.REMAINDER)
    o = p.parse_args()
    args = [a for a in o.args if a != "--"]
    options = [a for a in args if not os.path.exists(a)]
    inputs = [a for a in args if os.path.exists(a)]
    files = []
    for path in inputs:
        if not os.path.isdir(path):
            files.append(path)
            continue
        for root, dirs, names in os.walk(path):
            dirs.sort()
            files += [os.path.join(root, n) for n in sorted(names)]
    listing = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False)
    listing.write("\n".join(files * o.repeat) + "\n")
    listing.close()
    args = options + ["--files-from", listing.name]
    runs = {"A": [], "B": []}
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    for r in range(o.rounds):
        for label, lede in (("A", o.a), ("B", o.b)):
            worker, process = run(lede, args)
            runs[label].append((worker, process))
            print(f"round {r + 1} {label}: worker {worker:.3f} s, process {process:.3f} s, "
                  f"load {os.getloadavg()[0]:.1f}", flush=True)
    med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v))
           for k, v in runs.items()}
    for k in ("A", "B"):
        print(f"median {k}: worker {med[k][0]:.3f} s, process {med[k][1]:.3f} s")
    os.unlink(listing.name)
    print(f"B against A: worker {100 * (med['B'][0] / med['A'][0] - 1):+.1f}%, "
          f"process {100 * (med['B'][1] / med['A'][1] - 1):+.1f}%")


if __name__ == "__main__":
    main()
