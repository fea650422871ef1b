#!/usr/bin/env python3
"""Serve a directory over HTTP on a free loopback port (127.0.0.1 only).

Same handler as `python3 -m http.server`, but binds port 0 so the kernel
picks a free port (no race), and writes that port to --port-file once the
socket is listening.  Stops on SIGTERM/SIGINT.

jiedu's copy: like GitHub Pages (where the site is published), HTML, CSS, JS,
JSON and SVG are sent gzip-compressed to clients that accept it, so Lighthouse
measures the bytes a reader actually downloads.

    python3 serve.py --dir SITE --port-file /tmp/port [--log FILE]
"""
import argparse
import functools
import gzip
import http.server
import os
import signal
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".webmanifest": "application/manifest+json",
        ".woff2": "font/woff2",
        ".woff": "font/woff",
        ".avif": "image/avif",
        ".webp": "image/webp",
        ".svg": "image/svg+xml",
    }
    log_file = None
    compressible = (".html", ".htm", ".css", ".js", ".mjs", ".json", ".svg")

    def send_head(self):
        path = self.translate_path(self.path)
        if (os.path.isfile(path) and path.endswith(self.compressible)
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            with open(path, "rb") as f:
                body = gzip.compress(f.read(), 6, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return _Body(body)
        return super().send_head()

    def log_message(self, fmt, *args):  # noqa: D401 - quiet by default
        if self.log_file:
            self.log_file.write("%s - %s\n" % (self.address_string(), fmt % args))
            self.log_file.flush()


class _Body:
    """The file-like object send_head returns: copyfile() reads it, then it is closed."""

    def __init__(self, data):
        self.data = data

    def read(self, size=-1):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--log")
    a = ap.parse_args()
    if a.log:
        Handler.log_file = open(a.log, "a", encoding="utf-8")
    handler = functools.partial(Handler, directory=a.dir)
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    srv.daemon_threads = True

    def stop(*_):
        # shutdown() must not run on the serve_forever thread; raising is enough.
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    port = srv.server_address[1]
    with open(a.port_file + ".tmp", "w") as f:
        f.write(str(port))
    os.replace(a.port_file + ".tmp", a.port_file)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        srv.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
