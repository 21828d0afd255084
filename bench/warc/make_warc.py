#!/usr/bin/env python3
"""Writes a WARC.gz like a crawler's: the AEB pages repeated until the file
reaches a size, each record (warcinfo, then request + response per page) in
its own gzip member. Generated into /tmp for the benchmarks; never commit it.

  make_warc.py AEB_HTML_DIR OUT.warc.gz SIZE_MB
"""
import gzip
import os
import sys
import uuid


def record(kind, uri, content_type, block):
    head = ["WARC/1.1", "WARC-Type: " + kind,
            "WARC-Record-ID: <urn:uuid:%s>" % uuid.uuid4(),
            "WARC-Date: 2019-11-19T12:00:00Z"]
    if uri:
        head.append("WARC-Target-URI: " + uri)
    head += ["Content-Type: " + content_type, "Content-Length: %d" % len(block)]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def main():
    src, out, size_mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    pages = []
    for name in sorted(os.listdir(src)):
        path = os.path.join(src, name)
        with open(path, "rb") as f:
            data = f.read()
        if name.endswith(".gz"):
            data = gzip.decompress(data)
            name = name[:-3]
        pages.append((name, data))
    target = size_mb * 1e6
    with open(out, "wb") as f:
        f.write(gzip.compress(record("warcinfo", "", "application/warc-fields",
                                     b"software: lede bench/warc/make_warc.py\r\n"), 6))
        rep = 0
        while f.tell() < target:
            for name, html in pages:
                uri = "http://aeb.example/%d/%s" % (rep, name)
                request = ("GET /%d/%s HTTP/1.1\r\nHost: aeb.example\r\n\r\n" % (rep, name)).encode()
                f.write(gzip.compress(record("request", uri, "application/http; msgtype=request",
                                             request), 6))
                response = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                            b"Content-Length: %d\r\n\r\n" % len(html)) + html
                f.write(gzip.compress(record("response", uri, "application/http; msgtype=response",
                                             response), 6))
            rep += 1
    print("%s: %d repetitions of %d pages, %.1f MB" % (out, rep, len(pages), os.path.getsize(out) / 1e6))


if __name__ == "__main__":
    main()
