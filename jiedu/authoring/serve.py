"""`jiedu serve`: build, serve on localhost, rebuild on change, reload the open page.

Three small parts meet here: a watcher (`watch.py`) that polls file sizes and mtimes (standard
library only), a build runner that turns any failure into a status instead of a
crash, and an HTTP handler that reads the site from disk on every request and
injects a live-reload script into HTML responses (never into the built files).
"""

import json
import mimetypes
import sys
import threading
import time
import traceback
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

from ..errors import ContentError
from ..incremental.guard import Refused, describe, print_to_stderr
from .watch import snapshot, watch

STATUS_PATH = "/__jiedu/status"
RELOAD_SCRIPT = """<script>/* jiedu serve: live reload */(function(v){var box=null;
function show(t){if(!t){if(box){box.remove();box=null}return}
if(!box){box=document.createElement("pre");box.setAttribute("role","alert");box.style.cssText="position:fixed;top:0;left:0;right:0;z-index:2147483647;margin:0;padding:1em;max-height:60vh;overflow:auto;white-space:pre-wrap;background:#fff0f0;color:#700;border-bottom:3px solid #c00;font:14px/1.4 monospace";(document.body||document.documentElement).appendChild(box)}
box.textContent=t}
function poll(){fetch("/__jiedu/status",{cache:"no-store"}).then(function(r){return r.json()}).then(function(s){
if(s.version!==v){location.reload();return}show(s.error);setTimeout(poll,500)},function(){setTimeout(poll,1000)})}
poll()})(%d)</script>
"""

@dataclass(frozen=True)
class Status:
    version: int = 0  # how many builds have succeeded; a page reloads when it changes
    error: str | None = None  # the last build's error, None once a build succeeds


def next_status(status: Status, error: str | None) -> Status:
    return replace(status, error=error) if error else Status(status.version + 1, None)


def run_build(build: Callable[[], object], log: Callable[[str], None]) -> str | None:
    """Runs build(); returns None on success, else the error text (also logged)."""
    started = time.perf_counter()
    try:
        build()
    except (ContentError, Refused) as error:
        text = str(error)
    except OSError as error:  # a full disk, a folder without permission: its path and the reason
        text = f"jiedu: error: {describe(error)}"
    except Exception as error:  # a template or code error must not stop the server
        text = "".join(traceback.format_exception(error)).rstrip()
    else:
        log(f"jiedu: built in {time.perf_counter() - started:.1f}s")
        return None
    log(text)
    return text


# --- serving ----------------------------------------------------------------------

def inject_reload(body: bytes, content_type: str, version: int) -> bytes:
    """Puts the live-reload script before the last </body> of an HTML page; other types pass through."""
    if not content_type.startswith("text/html"):
        return body
    script = (RELOAD_SCRIPT % version).encode("utf-8")
    at = body.lower().rfind(b"</body>")
    return body + script if at < 0 else body[:at] + script + body[at:]


def site_file(output: Path, url: str) -> Path | None:
    """The file a URL names inside output (index.html for a folder), or None if it would leave it."""
    path = unquote(urlsplit(url).path)
    parts = [p for p in path.split("/") if p]
    if any(p in (".", "..") or "\\" in p or "\0" in p for p in parts):
        return None
    target = output.joinpath(*parts)
    return target / "index.html" if path.endswith("/") else target


def respond(output: Path, url: str, status: Status) -> tuple[int, dict[str, str], bytes]:
    """(HTTP status, headers, body) for a GET; the site is read from disk each time."""
    if urlsplit(url).path == STATUS_PATH:
        body = json.dumps({"version": status.version, "error": status.error}).encode("utf-8")
        return 200, {"Content-Type": "application/json"}, body
    target = site_file(output, url)
    if target is not None and target.is_dir():
        return 301, {"Location": urlsplit(url).path + "/"}, b""
    body = _read(target) if target is not None else None
    if body is None:
        page = b"<!doctype html><title>Not found</title><body><h1>404 Not found</h1></body>"
        return 404, {"Content-Type": "text/html; charset=utf-8"}, inject_reload(page, "text/html", status.version)
    kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    kind += "; charset=utf-8" if kind.startswith("text/") else ""
    return 200, {"Content-Type": kind}, inject_reload(body, kind, status.version)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:  # missing, or the folder was being swapped by a build
        return None


def make_handler(output: Path, current: Callable[[], Status]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self, send_body: bool = True) -> None:
            code, headers, body = respond(output, self.path, current())
            self.send_response(code)
            for name, value in {**headers, "Cache-Control": "no-store", "Content-Length": str(len(body))}.items():
                self.send_header(name, value)
            self.end_headers()
            if send_body:
                self.wfile.write(body)

        def do_HEAD(self) -> None:
            self.do_GET(send_body=False)

        def log_message(self, format: str, *args) -> None:  # quiet: the page polls twice a second
            pass

    return Handler


class _QuietServer(ThreadingHTTPServer):
    request_queue_size = 128  # the default 5 refused connections when a page asked for many files at once

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a closed tab is not an error
            super().handle_error(request, client_address)


def listen(host: str, port: int, handler: type[BaseHTTPRequestHandler]) -> _QuietServer:
    try:
        return _QuietServer((host, port), handler)
    except (OSError, OverflowError) as error:  # in use, reserved, or not a port
        reason = getattr(error, "strerror", None) or str(error)
        raise Refused(f"cannot serve on {host}:{port}: {reason}; choose another with --port") from None


# --- putting it together ----------------------------------------------------------

class Server:
    """A running `jiedu serve`: HTTP and the watcher in background threads. stop() ends both."""

    def __init__(self, content: Path, templates: Path, output: Path, build: Callable[[], object],
                 host: str = "127.0.0.1", port: int = 0, poll_seconds: float = 0.3,
                 settle_seconds: float = 0.2, log: Callable[[str], None] = print_to_stderr):
        self.status, self._build, self._log, self._stop = Status(), build, log, threading.Event()
        self._http = listen(host, port, make_handler(output, lambda: self.status))  # before the build: fails early
        folders = [content, templates]
        seen = snapshot(folders)  # before the build, so edits made during it are seen
        self.rebuild()
        watcher = (folders, seen, self._changed, self._stop, poll_seconds, settle_seconds)
        self._threads = [threading.Thread(target=self._http.serve_forever, daemon=True),
                         threading.Thread(target=watch, args=watcher, daemon=True)]
        for thread in self._threads:
            thread.start()

    @property
    def port(self) -> int:
        return self._http.server_address[1]

    @property
    def url(self) -> str:
        return f"http://{self._http.server_address[0]}:{self.port}/"

    def rebuild(self) -> None:
        self.status = next_status(self.status, run_build(self._build, self._log))

    def _changed(self, paths: list[str]) -> None:
        self._log(f"jiedu: changed: {', '.join(paths)}")
        self.rebuild()

    def stop(self) -> None:
        self._stop.set()
        self._http.shutdown()
        self._http.server_close()
        for thread in self._threads:
            thread.join()


def serve(content: Path, templates: Path, output: Path, build: Callable[[], object],
          host: str = "127.0.0.1", port: int = 8000, poll_seconds: float = 0.3,
          log: Callable[[str], None] = print_to_stderr) -> None:
    """Builds, serves and rebuilds until Ctrl-C."""
    server = Server(content, templates, output, build, host, port, poll_seconds, log=log)
    log(f"jiedu: serving {output} at {server.url} (Ctrl-C stops)")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        log("jiedu: stopped")
    finally:
        server.stop()
