"""A local HTTP server for the WARC tests, on 127.0.0.1 and a free port.

Serves the files of a directory, plus the same files with encodings that
python's http.server never sends:
  /chunked/NAME        Transfer-Encoding: chunked
  /gzip/NAME           Content-Encoding: gzip
  /chunked-gzip/NAME   both
  /latin1/NAME         Content-Type: text/html; charset=iso-8859-1
Prints the port on the first line of stdout, then serves until killed.
"""
import gzip
import http.server
import os
import sys

ROOT = sys.argv[1]
ENCODINGS = ("chunked", "gzip", "chunked-gzip", "latin1")


class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=ROOT, **kwargs)

    def log_message(self, *args):
        pass

    def do_GET(self):
        parts = self.path.lstrip("/").split("/", 1)
        if len(parts) != 2 or parts[0] not in ENCODINGS:
            return super().do_GET()
        kind, name = parts
        path = os.path.join(ROOT, os.path.basename(name))
        if not os.path.isfile(path):
            return self.send_error(404)
        with open(path, "rb") as f:
            body = f.read()
        self.send_response(200)
        charset = "; charset=iso-8859-1" if kind == "latin1" else ""
        self.send_header("Content-Type", "text/html" + charset)
        if "gzip" in kind:
            body = gzip.compress(body)
            self.send_header("Content-Encoding", "gzip")
        if "chunked" in kind:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i in range(0, len(body), 1000):
                piece = body[i:i + 1000]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
