#!/usr/bin/python3
"""Runs a Python body extractor over pages held in memory and writes lede-style JSON Lines.

    python_peers.py --tool readability-lxml --out preds.jsonl --timing t.json [--repeat N] PAGE...

Tools:
  readability-lxml  readability.Document(html).summary(), then html_text's extract_text()
  html-text         the whole page's text (the benchmark's baseline)

Each output line is {"text": ..., "source": {"path": PAGE}} or, when the tool
raises, {"error": {"code": "peer_failed", "message": ...}, "source": {"path": PAGE}}.
The timing file gets {"tool", "version", "pages", "seconds", "cpu_seconds"}: the
wall and CPU time of the extraction loop alone (pages already read, one
process, one thread), each the smallest of --repeat passes.
"""

import argparse
import json
import sys
import time

from importlib import metadata

from html_text import extract_text
from readability import Document


def readability_lxml(html):
    return extract_text(Document(html).summary(html_partial=True))


def whole_page(html):
    return extract_text(html)


TOOLS = {
    "readability-lxml": (readability_lxml, "readability-lxml"),
    "html-text": (whole_page, "html-text"),
}


def version_of(distribution):
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tool", choices=sorted(TOOLS), required=True)
    parser.add_argument("--out", required=True, help="JSON Lines predictions")
    parser.add_argument("--timing", required=True, help="JSON file for the timing")
    parser.add_argument("--repeat", type=int, default=1,
                        help="time this many passes and keep the fastest")
    parser.add_argument("pages", nargs="+", help="decompressed HTML pages (UTF-8)")
    args = parser.parse_args()

    extract, distribution = TOOLS[args.tool]
    pages = []
    for path in args.pages:
        with open(path, encoding="utf-8", errors="replace") as f:
            pages.append((path, f.read()))

    seconds = cpu_seconds = None
    for _ in range(args.repeat):
        records = []
        start = time.perf_counter()
        cpu_start = time.process_time()
        for path, html in pages:
            try:
                records.append({"text": extract(html), "source": {"path": path}})
            except Exception as e:  # one failing page is an error record, as in lede
                records.append({"error": {"code": "peer_failed", "message": repr(e)},
                                "source": {"path": path}})
        elapsed = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
        seconds = elapsed if seconds is None else min(seconds, elapsed)
        cpu_seconds = cpu if cpu_seconds is None else min(cpu_seconds, cpu)

    with open(args.out, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    with open(args.timing, "w", encoding="utf-8") as out:
        json.dump({"tool": args.tool, "version": version_of(distribution),
                   "pages": len(pages), "seconds": seconds, "cpu_seconds": cpu_seconds}, out)
    print(f"{args.tool}: {len(pages)} pages in {seconds:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
