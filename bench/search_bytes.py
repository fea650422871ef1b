#!/usr/bin/env python3
"""What a search costs the reader: serves a built site gzipped (as GitHub Pages does),
opens search.html?q=<query> in headless Chromium for each query, and prints the bytes
the server sent (gzipped bodies, every file from the page on) until the first results
show, and the files it took. Use on a site from bench/site_scale.py.

    .venv/bin/python bench/search_bytes.py SITE [QUERY ...]
"""

import functools
import gzip
import http.server
import io
import sys
import threading
from pathlib import Path

QUERIES = ["发展", "改革开放", "社會主義", "的", "中国特色社会主义", "一带一路", "jingji", "gaige kaifang",
           "zhongguo", "reform", "the party", "cadre", "x", "zzzzqqq"]


class Counting(http.server.SimpleHTTPRequestHandler):
    sent: list = []

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.sent.append((self.path.split("?")[0], len(body)))
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def measure(page, url: str, query: str) -> tuple[int, int, str]:
    Counting.sent.clear()
    page.goto(f"{url}search.html?q={query}")
    page.wait_for_function("document.getElementById('search-count').textContent !== ''", timeout=60000)
    return sum(size for _, size in Counting.sent), len(Counting.sent), page.inner_text("#search-count")


def main(argv=None) -> int:
    from playwright.sync_api import sync_playwright
    args = sys.argv[1:] if argv is None else argv
    site, queries = Path(args[0]), args[1:] or QUERIES
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Counting, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for query in queries:
            context = browser.new_context()  # a fresh cache: every file counted
            sent, files, status = measure(context.new_page(), url, query)
            context.close()
            print(f"{query:12} {sent / 1024:7.1f} KB  {files:3} files  {status}")
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
