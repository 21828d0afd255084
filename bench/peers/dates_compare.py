#!/usr/bin/python3
"""Publication day: lede beside htmldate and trafilatura on the same pages, in one run.

    source /work/peers/env.sh
    /usr/bin/python3 bench/peers/dates_compare.py --lede build/apps/cli/lede \
        --set dates|wcxb [--data ../shared/data] [--with-url] [--part all|tune|check] \
        [--no-peers] [--misses N]

Sets:
  dates  ../shared/data/dates: gold.json, html/NAME.gz (185 pages)
  wcxb   ../shared/data/wcxb: the pages whose ground truth has a publish_date

Score: a page is right when the predicted date starts with the gold day;
coverage is the share of pages with any date. Without --with-url every tool
sees the page alone (the sets' READMEs score so). --part splits a set by a
hash of the page name: "tune" is the half rules are written against, "check"
the other half, to see whether a change generalises.

Peers: htmldate 1.9.2 find_date(extensive_search=True, original_date=True),
trafilatura 2.0.0 extract_metadata(...).date (both given the URL only with
--with-url).
"""

import argparse
import gzip
import json
import os
import subprocess
import sys
import zlib


def load_set(name, data):
    pages = []  # (name, path, url, gold day)
    if name == "dates":
        root = os.path.join(data, "dates")
        gold = json.load(open(os.path.join(root, "gold.json")))["pages"]
        for page, g in sorted(gold.items()):
            pages.append((page, os.path.join(root, "html", page + ".gz"), g["url"], g["published"]))
    else:
        root = os.path.join(data, "wcxb")
        gt_dir = os.path.join(root, "ground-truth")
        for f in sorted(os.listdir(gt_dir)):
            g = json.load(open(os.path.join(gt_dir, f)))
            day = g["ground_truth"].get("publish_date")
            if not day:
                continue
            page = f[: -len(".json")]
            pages.append((page, os.path.join(root, "html", page + ".html.gz"), g.get("url", ""), day))
    return pages


def in_part(name, part):
    if part == "all":
        return True
    tune = zlib.crc32(name.encode()) % 2 == 0
    return tune if part == "tune" else not tune


def run_lede(lede, pages, with_url):
    out = {}
    if with_url:
        for name, path, url, _ in pages:
            r = subprocess.run([lede, "extract", "--quiet", "--url", url, path],
                               capture_output=True, text=True)
            line = r.stdout.strip().splitlines()
            out[name] = json.loads(line[0]) if line else {}
        return out
    r = subprocess.run([lede, "extract", "--quiet"] + [p for _, p, _, _ in pages],
                       capture_output=True, text=True)
    by_path = {}
    for line in r.stdout.splitlines():
        rec = json.loads(line)
        by_path[rec.get("source", {}).get("path", "")] = rec
    for name, path, _, _ in pages:
        out[name] = by_path.get(path, {})
    return out


def peer_dates(pages, with_url):
    from htmldate import find_date
    import trafilatura
    h, t = {}, {}
    for name, path, url, _ in pages:
        html = gzip.open(path, "rb").read().decode("utf-8", "replace")
        try:
            h[name] = find_date(html, url=url if with_url else None, extensive_search=True,
                                original_date=True) or ""
        except Exception:  # a peer's failure is a miss, not the end of the run
            h[name] = ""
        try:
            m = trafilatura.extract_metadata(html, default_url=url if with_url else None)
            t[name] = (m.date if m else "") or ""
        except Exception:
            t[name] = ""
    return h, t


def score(pred, pages):
    right = sum(1 for n, _, _, g in pages if (pred.get(n) or "").startswith(g))
    dated = sum(1 for n, _, _, _ in pages if pred.get(n))
    return right, dated


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lede", required=True)
    ap.add_argument("--set", choices=["dates", "wcxb"], required=True)
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "../../../shared/data"))
    ap.add_argument("--with-url", action="store_true")
    ap.add_argument("--part", choices=["all", "tune", "check"], default="all")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--misses", type=int, default=0)
    a = ap.parse_args()
    pages = [p for p in load_set(a.set, a.data) if in_part(p[0], a.part)]
    recs = run_lede(a.lede, pages, a.with_url)
    lede = {n: (r.get("published") or "") for n, r in recs.items()}
    nocontent = sum(1 for r in recs.values() if (r.get("error") or {}).get("code") == "no_content")
    tools = [("lede", lede)]
    if not a.no_peers:
        h, t = peer_dates(pages, a.with_url)
        tools += [("htmldate", h), ("trafilatura", t)]
    n = len(pages)
    print(f"set={a.set} part={a.part} pages={n} url={'yes' if a.with_url else 'no'}")
    for tool, pred in tools:
        right, dated = score(pred, pages)
        print(f"{tool:12s} day {right}/{n} = {right / n:.3f}   coverage {dated}/{n} = {dated / n:.3f}")
    print(f"lede no_content error records: {nocontent}")
    shown = 0
    for name, path, url, gold in pages:
        if shown >= a.misses:
            break
        if not lede.get(name, "").startswith(gold):
            others = "" if a.no_peers else f" htmldate={h.get(name)!r} trafilatura={t.get(name)!r}"
            print(f"MISS {name} gold={gold} lede={lede.get(name)!r}{others}")
            shown += 1


if __name__ == "__main__":
    sys.exit(main())
