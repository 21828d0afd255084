#!/usr/bin/env python3
"""A crawl on a Dask cluster: pages packed into WARC shards, extracted by lede.

    python3 examples/dask_crawl.py                       # AEB pages, 4 shards, 2 local workers
    python3 examples/dask_crawl.py --scheduler tcp://host:8786 --out records/ crawl/*.warc.gz

With page files (or a directory of them), it first packs them into --shards
WARC/1.1 archives, one gzip member per record, as crawlers write them (a
warcinfo record, then a request and a response record per page). Archives
given as inputs are used as they are. Each archive is one partition of a
dask.bag; on a cluster the archives must be at the same path on every worker.

Prints a summary (records, errors, skipped requests, pages per second) and,
with --out, writes one JSON Lines file per shard.
"""
from __future__ import annotations

import argparse
import gzip
import io
import os
import re
import sys
import tempfile
import time
import uuid
from typing import Dict, List, Optional, Sequence

# Run from a clone without installing: the built package is in build/python.
_REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if os.path.isdir(os.path.join(_REPO, "build", "python", "lede")):
    sys.path.insert(0, os.path.join(_REPO, "build", "python"))

import lede  # noqa: E402
import lede.dask  # noqa: E402

DEFAULT_PAGES = os.path.join(_REPO, "..", "shared", "data", "aeb", "html")
# A fixed date for the WARC-Date of every record, so the shards (and the
# records made of them) are the same on every run.
WARC_DATE = "2024-01-01T00:00:00Z"
# Where a page says where it lives: its canonical link or og:url.
_CANONICAL = re.compile(
    rb'<link[^>]+rel=["\']?canonical["\']?[^>]*href=["\']([^"\'>\s]+)'
    rb'|<meta[^>]+property=["\']og:url["\'][^>]*content=["\']([^"\'>\s]+)', re.IGNORECASE)


def _page_url(name: str, html: bytes) -> str:
    m = _CANONICAL.search(html[:200_000])
    if m:
        url = (m.group(1) or m.group(2)).decode("ascii", "replace")
        if url.startswith(("http://", "https://")):
            return url
    return "https://pages.invalid/" + name


def _record(warc_type: str, headers: Dict[str, str], block: bytes, key: str) -> bytes:
    """One WARC/1.1 record as its own gzip member; `key` names it uniquely."""
    lines = [b"WARC/1.1", f"WARC-Type: {warc_type}".encode()]
    # Record ids from the key, so shards are identical run to run.
    rid = uuid.uuid5(uuid.NAMESPACE_URL, key)
    lines.append(f"WARC-Record-ID: <urn:uuid:{rid}>".encode())
    lines.append(f"WARC-Date: {WARC_DATE}".encode())
    for key, value in headers.items():
        lines.append(f"{key}: {value}".encode())
    lines.append(f"Content-Length: {len(block)}".encode())
    raw = b"\r\n".join(lines) + b"\r\n\r\n" + block + b"\r\n\r\n"
    return gzip.compress(raw, compresslevel=6, mtime=0)


def write_shards(pages: Sequence[str], outdir: str, shards: int) -> Dict[str, List[int]]:
    """Packs `pages` into `shards` .warc.gz files in `outdir`, pages dealt in
    turn; returns each shard's path with the offsets of its response records
    (the source.offset their records will carry)."""
    os.makedirs(outdir, exist_ok=True)
    shards = max(1, min(shards, len(pages)))
    manifest: Dict[str, List[int]] = {}
    for s in range(shards):
        path = os.path.join(outdir, f"shard-{s:03d}.warc.gz")
        offsets: List[int] = []
        with open(path, "wb") as out:
            info = b"software: lede examples/dask_crawl.py\r\nformat: WARC File Format 1.1\r\n"
            out.write(_record("warcinfo", {"Content-Type": "application/warc-fields"}, info,
                              f"{path}#info"))
            for page in pages[s::shards]:
                name = os.path.basename(page)
                with open(page, "rb") as f:
                    body = f.read()
                if body[:2] == b"\x1f\x8b":
                    body = gzip.decompress(body)
                url = _page_url(name.split(".")[0], body)
                host = re.sub(r"^https?://([^/]+).*$", r"\1", url)
                request = (f"GET {url} HTTP/1.1\r\nHost: {host}\r\n"
                           "User-Agent: lede-example\r\n\r\n").encode()
                out.write(_record("request", {"WARC-Target-URI": url,
                                              "Content-Type": "application/http; msgtype=request"},
                                  request, f"{path}#{out.tell()}"))
                http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" +
                        f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
                offsets.append(out.tell())
                out.write(_record("response", {"WARC-Target-URI": url,
                                               "Content-Type": "application/http; msgtype=response"},
                                  http, f"{path}#{out.tell()}"))
        manifest[path] = offsets
    return manifest


def page_files(inputs: Sequence[str]) -> List[str]:
    files: List[str] = []
    for item in inputs:
        if os.path.isdir(item):
            for root, dirs, names in os.walk(item):
                dirs.sort()
                files.extend(os.path.join(root, n) for n in sorted(names))
        else:
            files.append(item)
    return files


def run(inputs: Sequence[str], *, shards: int = 4, workers: int = 2,
        scheduler: Optional[str] = None, workdir: Optional[str] = None,
        out: Optional[str] = None, analyze: bool = False) -> Dict[str, object]:
    """Packs page inputs into shards (archives pass through), runs them on a
    cluster and returns the records sorted by source (path, offset), the
    shard manifest and the timing."""
    from dask.distributed import Client, LocalCluster

    files = page_files(inputs)
    archives = [f for f in files if f.lower().endswith((".warc", ".warc.gz"))]
    pages = [f for f in files if f not in archives]
    manifest: Dict[str, List[int]] = {}
    if pages:
        workdir = workdir or tempfile.mkdtemp(prefix="lede-shards-")
        manifest = write_shards(pages, workdir, shards)
    shard_paths = sorted(manifest) + archives

    if scheduler:
        cluster = None
        client = Client(scheduler)
    else:
        # Processes, one thread each: one lede task per core. No dashboard
        # where no browser is around.
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        bag = lede.dask.extract_bag(shard_paths, analyze=analyze)
        start = time.perf_counter()
        if out:
            written = lede.dask.to_jsonl(bag, out)
            records = [r for path in written for r in _read_jsonl(path)]
        else:
            records = bag.compute()
        seconds = time.perf_counter() - start
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    records.sort(key=lambda r: (r["source"]["path"], r["source"].get("offset", 0)))
    return {"records": records, "manifest": manifest, "shards": shard_paths,
            "seconds": seconds}


def _read_jsonl(path: str) -> List[dict]:
    import json
    with io.open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="*", default=[DEFAULT_PAGES],
                        help="page files, directories of pages, or WARC archives "
                             "(default: the AEB pages)")
    parser.add_argument("--shards", type=int, default=4, help="WARC shards to pack pages into")
    parser.add_argument("--workers", type=int, default=2, help="local worker processes")
    parser.add_argument("--scheduler", help="a running scheduler's address instead of a "
                                            "local cluster")
    parser.add_argument("--workdir", help="where to write the shards (default: a temp dir)")
    parser.add_argument("--out", help="write one JSON Lines file per shard here")
    parser.add_argument("--analyze", action="store_true", help="quotes, entities, times too")
    args = parser.parse_args(argv)
    for item in args.inputs:
        if not os.path.exists(item):
            parser.error(f"{item} does not exist")
    result = run(args.inputs, shards=args.shards, workers=args.workers,
                 scheduler=args.scheduler, workdir=args.workdir, out=args.out,
                 analyze=args.analyze)
    records = result["records"]
    errors = [r for r in records if "error" in r]
    seconds = result["seconds"]
    print(f"{len(records)} records ({len(errors)} errors) from {len(result['shards'])} shards "
          f"in {seconds:.2f} s: {len(records) / seconds:.1f} pages/s")
    for r in errors[:10]:
        print(f"  {r['source']['path']} at {r['source'].get('offset')}: "
              f"{r['error']['code']}: {r['error']['message']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
