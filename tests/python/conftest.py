"""Shared helpers for the Python tests: where things are, and the lede command."""
import glob
import gzip
import itertools
import json
import os
import subprocess

import pytest

REPO = os.environ.get("LEDE_REPO") or os.path.dirname(os.path.dirname(
    os.path.dirname(os.path.abspath(__file__))))
DATA = os.environ.get("LEDE_DATA_DIR") or os.path.join(REPO, "..", "shared", "data")
AEB_HTML = os.path.join(DATA, "aeb", "html")


def golden_pages():
    """The repository's own pages: golden pages and examples."""
    pages = sorted(glob.glob(os.path.join(REPO, "tests", "pages", "*", "source.html")))
    return pages + sorted(glob.glob(os.path.join(REPO, "examples", "*.html")))


@pytest.fixture
def cli():
    """Runs `lede extract ARGS...` and returns its JSON Lines as strings."""
    binary = os.environ.get("LEDE_BINARY")
    if not binary or not os.path.exists(binary):
        pytest.skip("the lede command is not built (LEDE_BINARY); build the lede target")

    def run(*args):
        out = subprocess.run([binary, "extract", "--quiet", *args], stdout=subprocess.PIPE,
                             check=False)
        assert out.returncode in (0, 1), out
        return out.stdout.decode("utf-8").splitlines()
    return run


_serial = itertools.count(1)


def warc_record(warc_type, uri, block, content_type="application/http; msgtype=response"):
    """One WARC/1.1 record as a gzip member of its own."""
    head = (f"WARC/1.1\r\nWARC-Type: {warc_type}\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{next(_serial):012d}>\r\n"
            f"WARC-Date: 2024-01-02T03:04:05Z\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return gzip.compress(head + block + b"\r\n\r\n", mtime=0)


def http_response(body, status=200, media_type="text/html"):
    return (f"HTTP/1.1 {status} X\r\nContent-Type: {media_type}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body


def write_warc(path, pages):
    """An archive with a request and a response per page, one 404 and one
    image response (both passed over), in that order."""
    with open(path, "wb") as out:
        for i, page in enumerate(pages):
            with open(page, "rb") as f:
                body = f.read()
            uri = f"https://news.example/{i}"
            out.write(warc_record("request", uri, f"GET /{i} HTTP/1.1\r\n\r\n".encode(),
                                  "application/http; msgtype=request"))
            out.write(warc_record("response", uri, http_response(body)))
        out.write(warc_record("response", "https://news.example/gone",
                              http_response(b"<p>gone</p>", 404)))
        out.write(warc_record("response", "https://news.example/a.png",
                              http_response(b"\x89PNG....", 200, "image/png")))
    return path


def loads(lines):
    return [json.loads(line) for line in lines]


def pytest_configure(config):
    # Debian's distributed 2022.12 calls a tornado API that tornado 6.2 deprecates.
    config.addinivalue_line("filterwarnings",
                            "ignore:make_current is deprecated:DeprecationWarning")
