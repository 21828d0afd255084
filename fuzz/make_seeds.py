#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets from the shared data and the
test fixtures. Run by scripts/fuzz.sh into the build directory; the seeds are
third-party pages and are never committed.

  make_seeds.py OUT_DIR DATA_DIR REPO_DIR [--max-per-target N]

OUT_DIR/<target>/ gets one file per seed, named by a hash of its content.
"""
import argparse
import gzip
import hashlib
import os
import re
import zlib

TARGETS = ["decode", "gunzip", "html_lede", "html_gumbo", "json_ld", "dates", "text_mode",
           "extract", "warc", "analyze"]

# Quotation and attribution forms news writes, for the analyze target (written here).
QUOTE_FORMS = [
    "\u201cWe will win,\u201d he said. \u201cAnd we will win big.\u201d",
    "Jens Stoltenberg, the NATO Secretary-General, said on Tuesday that the alliance would grow.",
    "\"It is over,\" said Sen. Bob Corker, R-Tenn. \"We are done.\"\n\n\"Really done.\"",
    "According to aides, the plan is \u2018dead\u2019. The campaign announced Friday it would pause.",
    "She told reporters at the White House on Monday that \u201cnothing is settled\u201d yet.",
    "\u00ab Nous gagnerons \u00bb, a d\u00e9clar\u00e9 le ministre. \u201eWir gewinnen\u201c, sagte er.",
    "The \u201cGreat Wall\u201d, the book \u201cFire and Fury\u201d and \u201cThe Donald\u201d.",
    "\u201cOne \u2018two \u201cthree \u2018four\u2019 five\u201d six\u2019 seven,\u201d the 73-year-old said.",
]

# Inputs larger than this teach a fuzzer nothing a smaller one would not.
MAX_SEED_BYTES = 256 << 10

# Date forms news pages write, for the dates target (written here, not copied).
DATE_FORMS = [
    "2023-06-13", "2023-06-13T11:06:00Z", "2023-06-13T11:06:00.123+02:00", "20230613",
    "Tue, 13 Jun 2023 15:06:00 GMT", "June 13, 2023 at 11:06 a.m. EDT", "13 June 2023",
    "Jun 13, 2023, 11:06 AM ET", "13.06.2023, 11:06 Uhr", "13. Juni 2023", "13 juin 2023 à 11h06",
    "13 de junio de 2023", "13 giugno 2023", "13 de junho de 2023", "13 juni 2023",
    "Published: Tuesday, June 13, 2023 - 11:06", "Updated 8:03 am ET", "11h06", "06/13/2023",
    "13/06/2023 11:06", "2023/06/13/story.html", "https://example.com/2023/06/13/a-story/",
    "/news/20230613/x", "Feb 29, 2024", "Feb 29, 2023", "December 31, 1999 23:59:60 +1400",
    "mardi 13 juin 2023", "Di., 13.06.2023", "1 hour ago", "Monday", "2023-W24-2",
]


def put(out_dir, target, data, counts, limit):
    if not data or counts.get(target, 0) >= limit:
        return
    data = data[:MAX_SEED_BYTES]
    name = hashlib.sha1(data).hexdigest()[:16]
    path = os.path.join(out_dir, target, name)
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(data)
        counts[target] = counts.get(target, 0) + 1


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    return gzip.decompress(data) if path.endswith(".gz") else data


def html_pages(data_dir, repo_dir):
    roots = [os.path.join(repo_dir, "tests", "pages"), os.path.join(data_dir, "readability-pages")]
    for root in roots:
        if not os.path.isdir(root):
            continue
        for name in sorted(os.listdir(root)):
            path = os.path.join(root, name, "source.html")
            if os.path.isfile(path):
                yield read(path)
    aeb = os.path.join(data_dir, "aeb", "html")
    if os.path.isdir(aeb):
        for name in sorted(os.listdir(aeb)):
            yield read(os.path.join(aeb, name))


def html5lib_cases(data_dir, folder):
    """The #data sections of html5lib .dat files: small, nasty documents."""
    root = os.path.join(data_dir, "html5lib-tests", folder)
    if not os.path.isdir(root):
        return
    for name in sorted(os.listdir(root)):
        if not name.endswith(".dat"):
            continue
        with open(os.path.join(root, name), "rb") as f:
            text = f.read()
        for case in text.split(b"\n#data\n"):
            case = case[6:] if case.startswith(b"#data\n") else case
            yield case.split(b"\n#", 1)[0]


def text_files(data_dir):
    for browser in ("lynx", "w3m"):
        root = os.path.join(data_dir, "aeb-text", browser)
        if os.path.isdir(root):
            for name in sorted(os.listdir(root)):
                yield read(os.path.join(root, name))


def warc_record(kind, uri, content_type, block):
    head = ["WARC/1.1", "WARC-Type: " + kind,
            "WARC-Record-ID: <urn:uuid:%s>" % hashlib.md5(block).hexdigest(),
            "WARC-Date: 2023-06-13T11:06:00Z"]
    if uri:
        head.append("WARC-Target-URI: " + uri)
    head += ["Content-Type: " + content_type, "Content-Length: %d" % len(block)]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def chunked(body, size=700):
    parts = [b"%x\r\n%s\r\n" % (len(body[i:i + size]), body[i:i + size])
             for i in range(0, len(body), size)]
    return b"".join(parts) + b"0\r\n\r\n"


def warc_archives(page, index):
    """Small archives around one page, in the shapes crawlers write."""
    uri = "https://example.com/news/%d.html" % index
    response = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
    enc = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n" \
          b"Transfer-Encoding: chunked\r\n\r\n" + chunked(gzip.compress(page))
    request = b"GET /news/%d.html HTTP/1.1\r\nHost: example.com\r\n\r\n" % index
    records = [warc_record("warcinfo", "", "application/warc-fields", b"software: lede\r\n"),
               warc_record("request", uri, "application/http; msgtype=request", request),
               warc_record("response", uri, "application/http; msgtype=response", response),
               warc_record("response", uri, "application/http; msgtype=response", enc),
               warc_record("resource", uri, "text/html", page)]
    yield b"".join(records)
    yield b"".join(gzip.compress(r, 6) for r in records)
    lying = records[2].replace(b"Content-Length: %d" % (len(response)),
                               b"Content-Length: %d" % (len(response) // 2))
    yield records[0] + lying + records[4]


def json_ld_blocks(page):
    pattern = rb'<script[^>]*application/ld\+json[^>]*>(.*?)</script>'
    for m in re.finditer(pattern, page, re.S | re.I):
        yield m.group(1).strip()


def date_strings(page):
    for m in re.finditer(rb'<meta[^>]+(?:date|time)[^>]+content="([^"]{4,80})"', page, re.I):
        yield m.group(1)
    for m in re.finditer(rb'<time[^>]*>([^<]{4,80})</time>', page, re.I):
        yield m.group(1).strip()
    for m in re.finditer(rb'datetime="([^"]{4,80})"', page, re.I):
        yield m.group(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir")
    parser.add_argument("data_dir")
    parser.add_argument("repo_dir")
    parser.add_argument("--max-per-target", type=int, default=2000)
    args = parser.parse_args()
    for t in TARGETS:
        os.makedirs(os.path.join(args.out_dir, t), exist_ok=True)
    counts, limit = {}, args.max_per_target
    out = args.out_dir

    for case in html5lib_cases(args.data_dir, "tree-construction"):
        for t in ("html_lede", "html_gumbo"):
            put(out, t, case, counts, limit)
    for case in html5lib_cases(args.data_dir, "encoding"):
        put(out, "decode", case, counts, limit)
    for form in DATE_FORMS:
        put(out, "dates", form.encode(), counts, limit)

    small_pages = []
    for i, page in enumerate(html_pages(args.data_dir, args.repo_dir)):
        for t in ("html_lede", "html_gumbo", "extract", "decode"):
            put(out, t, page, counts, limit)
        text = page.decode("utf-8", "replace")
        for codec in ("cp1252", "shift_jis", "utf-16"):
            if i % 5 == 0:
                put(out, "decode", text.encode(codec, "replace"), counts, limit)
        for block in json_ld_blocks(page):
            put(out, "json_ld", block, counts, limit)
        for d in date_strings(page):
            put(out, "dates", d, counts, limit)
        if len(page) < 48 << 10:
            small_pages.append(page)
    for i, page in enumerate(small_pages[:40]):
        for archive in warc_archives(page, i):
            put(out, "warc", archive, counts, limit)
        member = gzip.compress(page)
        put(out, "gunzip", member, counts, limit)
        put(out, "gunzip", member + gzip.compress(page[:100]), counts, limit)  # two members
        put(out, "gunzip", member[:len(member) // 2], counts, limit)  # truncated
        put(out, "gunzip", zlib.compress(page), counts, limit)  # zlib, not gzip
        if i % 4 == 0:
            put(out, "extract", member, counts, limit)
    for i, text in enumerate(text_files(args.data_dir)):
        put(out, "text_mode", text, counts, limit)
        if i % 4 == 0:
            put(out, "extract", text, counts, limit)
        put(out, "analyze", text, counts, limit)
    for text in QUOTE_FORMS:
        put(out, "analyze", text.encode(), counts, limit)
    for t in TARGETS:
        print("%-10s %5d seeds" % (t, counts.get(t, 0)))


if __name__ == "__main__":
    main()
