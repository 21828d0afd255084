#!/usr/bin/env python3
"""A test web of a few hosts on 127.0.0.1 for `lede fetch` tests.

  serve_fetch.py LOG NPORTS   prints the ports on one line, then serves until killed

Each port is one host. Every request is logged to LOG as a line
"<port> <start> <end> <path>" (times from time.monotonic(); the line is
written after the answer is sent), so tests check per-host limits and delays
from the server's own clock. <start> is when the request was read, <end> when
the answer began to go out: the client had sent the request before <start>
and has the answer only after <end>, so gaps between a host's requests are
never overstated. What each path answers is in Handler.route.
"""
import gzip
import http.server
import socketserver
import sys
import threading
import time

LOCK = threading.Lock()
SEEN = {}  # path -> times requested, for the fail-then-succeed routes
LOG = None
PORTS = []

WORDS = ("council budget river bridge school harbour market festival library railway "
         "hospital museum election weather station garden factory airport stadium").split()


def article(n, title=None):
    title = title or f"Story number {n} about the {WORDS[n % len(WORDS)]}"
    paras = []
    for p in range(6):
        words = [WORDS[(n * 7 + p * 3 + i) % len(WORDS)] for i in range(40)]
        paras.append(f"<p>Paragraph {p} of story {n}: the " + " ".join(words) +
                     " were discussed at length by residents and officials.</p>")
    return (f"<!DOCTYPE html><html><head><title>{title}</title>"
            f'<meta property="og:title" content="{title}">'
            f'<meta property="article:published_time" content="2024-05-{1 + n % 28:02d}T08:00:00Z">'
            f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>"
            + "".join(paras) + "</article><footer>Footer text</footer></body></html>")


def rss(base):
    items = []
    for n, date in ((1, "Mon, 06 May 2024 08:00:00 GMT"), (2, "Tue, 07 May 2024 08:00:00 GMT"),
                    (3, "Fri, 01 Mar 2024 08:00:00 GMT")):
        items.append(f"<item><title>Story {n}</title><link>{base}/page/{n}</link>"
                     f"<pubDate>{date}</pubDate></item>")
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title>'
            + "".join(items) + "</channel></rss>")


def atom(base):
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>T</title>"
            f'<entry><title>A</title><link rel="alternate" href="{base}/page/11"/>'
            "<updated>2024-05-10T10:00:00Z</updated></entry>"
            f'<entry><title>B</title><link href="/page/12"/>'
            "<published>2024-05-11T10:00:00+02:00</published></entry></feed>")


def json_feed(base):
    return ('{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": ['
            f'{{"id": "1", "url": "{base}/page/21", "date_published": "2024-05-12T10:00:00Z"}},'
            f'{{"id": "2", "url": "/page/22"}}]}}')


def sitemap_index(base):
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{base}/sitemap-news.xml</loc></sitemap>"
            f"<sitemap><loc>{base}/sitemap-old.xml.gz</loc></sitemap></sitemapindex>")


def sitemap_news(base):
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"<url><loc>{base}/page/31</loc><news:news><news:publication>"
            "<news:name>T</news:name><news:language>en</news:language></news:publication>"
            "<news:publication_date>2024-05-20T08:00:00Z</news:publication_date>"
            "<news:title>A</news:title></news:news></url>"
            f"<url><loc>{base}/page/32</loc><lastmod>2024-05-21</lastmod></url></urlset>")


def sitemap_old(base):
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{base}/page/41</loc><lastmod>2023-01-02</lastmod></url>"
            f"<url><loc>{base}/page/42</loc><lastmod>2024-06-01</lastmod></url></urlset>")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def send(self, status, body, ctype="text/html; charset=utf-8", headers=()):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.answered = time.monotonic()
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def times_seen(self):
        with LOCK:
            SEEN[self.path] = SEEN.get(self.path, 0) + 1
            return SEEN[self.path]

    def do_GET(self):
        start = time.monotonic()
        try:
            self.route()
        except (BrokenPipeError, ConnectionResetError):
            pass
        end = getattr(self, "answered", time.monotonic())
        with LOCK:
            LOG.write(f"{self.server.server_port} {start:.6f} {end:.6f} {self.path}\n")
            LOG.flush()

    def route(self):
        port = self.server.server_port
        base = f"http://127.0.0.1:{port}"
        p = self.path
        index = PORTS.index(port)
        if p == "/robots.txt":
            if index == 0:
                return self.send(200, "User-agent: *\nDisallow: /private/\n\n"
                                      "User-agent: otherbot\nDisallow: /\n", "text/plain")
            if index == 1:
                return self.send(200, "User-agent: lede\nCrawl-delay: 0.3\nDisallow:\n",
                                 "text/plain")
            if index == 3:
                return self.send(301, "", None, [("Location", "/rules/robots.txt")])
            return self.send(404, "no robots here", "text/plain")
        if p == "/rules/robots.txt":
            return self.send(200, "User-agent: *\nDisallow: /private/\n", "text/plain")
        if p.startswith("/page/") or p.startswith("/private/"):
            n = int(p.rsplit("/", 1)[1]) if p.rsplit("/", 1)[1].isdigit() else 0
            return self.send(200, article(n))
        if p.startswith("/paced/"):
            time.sleep(0.15)
            return self.send(200, article(int(p.rsplit("/", 1)[1])))
        if p == "/feed.xml":
            return self.send(200, rss(base), "application/rss+xml")
        if p == "/atom.xml":
            return self.send(200, atom(base), "application/atom+xml")
        if p == "/feed.json":
            return self.send(200, json_feed(base), "application/feed+json")
        if p == "/sitemap_index.xml":
            return self.send(200, sitemap_index(base), "application/xml")
        if p == "/sitemap-news.xml":
            return self.send(200, sitemap_news(base), "application/xml")
        if p == "/sitemap-old.xml.gz":
            return self.send(200, gzip.compress(sitemap_old(base).encode()), "application/gzip")
        if p == "/redirect/a":
            return self.send(301, "", None, [("Location", "/redirect/b")])
        if p == "/redirect/b":
            return self.send(302, "", None, [("Location", f"{base}/page/7")])
        if p == "/loop/a":
            return self.send(302, "", None, [("Location", "/loop/b")])
        if p == "/loop/b":
            return self.send(302, "", None, [("Location", "/loop/a")])
        if p == "/missing":
            return self.send(404, "<html><body>Not found</body></html>")
        if p.startswith("/flaky/"):
            if self.times_seen() == 1:
                return self.send(500, "<html><body>Oops</body></html>")
            return self.send(200, article(8, "The flaky story finally arrives"))
        if p.startswith("/busy/"):
            if self.times_seen() == 1:
                return self.send(429, "slow down", "text/plain", [("Retry-After", "1")])
            return self.send(200, article(9, "The busy story after waiting"))
        if p == "/slow":
            time.sleep(4)
            return self.send(200, article(10))
        if p == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body><article>")
            chunk = b"<p>" + b"big " * 2000 + b"</p>"
            for _ in range(3000):  # ~24 MB unless the client hangs up first
                self.wfile.write(chunk)
            return
        if p == "/image":
            return self.send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 200, "image/png")
        if p == "/text-plain":
            return self.send(200, article(13), "text/plain")
        if p == "/no-type":
            return self.send(200, article(14), None)
        if p == "/latin1":
            body = ("<html><head><title>Caf\u00e9 news</title></head><body><article><h1>Caf\u00e9 "
                    "news</h1>" + "".join(
                        f"<p>Le caf\u00e9 {i} de la r\u00e9gion a \u00e9t\u00e9 r\u00e9nov\u00e9 "
                        "par les habitants, qui ont pass\u00e9 l'\u00e9t\u00e9 \u00e0 peindre "
                        "les murs et \u00e0 r\u00e9parer les fen\u00eatres du vieux "
                        "b\u00e2timent.</p>" for i in range(5)) + "</article></body></html>")
            return self.send(200, body.encode("iso-8859-1"), "text/html; charset=ISO-8859-1")
        return self.send(404, "<html><body>Not found</body></html>")


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    request_queue_size = 128


def main():
    global LOG
    LOG = open(sys.argv[1], "a")
    servers = [Server(("127.0.0.1", 0), Handler) for _ in range(int(sys.argv[2]))]
    PORTS.extend(s.server_port for s in servers)
    for s in servers:
        threading.Thread(target=s.serve_forever, daemon=True).start()
    print(" ".join(str(p) for p in PORTS), flush=True)
    sys.stdout.close()
    threading.Event().wait()


if __name__ == "__main__":
    main()
