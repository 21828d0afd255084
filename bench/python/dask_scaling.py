#!/usr/bin/env python3
"""lede on a Dask LocalCluster: throughput with 1 and with 2 worker processes.

    /usr/bin/python3 bench/python/dask_scaling.py [--copies 10] [--shards 8] [--rounds 2]

Packs the AEB pages, --copies times over, into --shards WARC shards (with
examples/dask_crawl.py), then extracts them with lede.dask on a LocalCluster
of 1 and of 2 single-threaded worker processes, alternating, --rounds times.
Times the computation only (the cluster is up and the workers have
imported lede before the clock starts), and reads the workers' CPU time.
"""
import argparse
import glob
import importlib.util
import os
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "build", "python"))
import lede  # noqa: E402
import lede.dask  # noqa: E402


def _example():
    spec = importlib.util.spec_from_file_location(
        "dask_crawl", os.path.join(REPO, "examples", "dask_crawl.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cpu():
    t = os.times()
    return t.user + t.system


def run(shards, workers):
    from dask.distributed import Client, LocalCluster
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        client.run(lambda: __import__("lede"))  # workers import lede before the clock
        before = sum(client.run(_cpu).values())
        start = time.perf_counter()
        records = lede.dask.extract_bag(shards).count().compute()
        wall = time.perf_counter() - start
        cpu = sum(client.run(_cpu).values()) - before
    return records, wall, cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", default=os.path.join(REPO, "..", "shared", "data", "aeb",
                                                        "html"))
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    pages = sorted(glob.glob(os.path.join(args.pages, "*"))) * args.copies
    workdir = tempfile.mkdtemp(prefix="lede-dask-bench-")
    manifest = _example().write_shards(pages, workdir, args.shards)
    shards = sorted(manifest)
    size = sum(os.path.getsize(s) for s in shards) / 1e6
    print(f"{len(pages)} pages in {len(shards)} shards ({size:.0f} MB); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for _ in range(args.rounds):
        for workers in (1, 2):
            load = os.getloadavg()[0]
            records, wall, cpu = run(shards, workers)
            print(f"{workers} worker(s): {records} records in {wall:.2f} s wall, "
                  f"{cpu:.2f} s worker CPU: {records / wall:.0f} pages/s wall, "
                  f"{records / cpu:.0f} pages per CPU-second (load {load:.1f})")


if __name__ == "__main__":
    main()
