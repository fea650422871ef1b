"""`jiedu serve`: the change detector, the reload script, and a live server rebuilding the seed."""

import json
import time
import urllib.error
import urllib.request

import pytest

from jiedu.authoring.serve import STATUS_PATH, Server, Status, inject_reload, next_status, respond
from jiedu.authoring.watch import changed, snapshot
from jiedu.builder import build_site

from conftest import TEMPLATES

ARTICLE = "/articles/baotou-zuofeng.html"


@pytest.mark.parametrize("body, kind, expected", [
    (b"<p>x</p></body></html>", "text/html; charset=utf-8", b"<p>x</p>SCRIPT</body></html>"),
    (b"<p>x</p></BODY>", "text/html", b"<p>x</p>SCRIPT</BODY>"),
    (b"<p>x</p>", "text/html", b"<p>x</p>SCRIPT"),  # no </body>: appended
    (b"body{}</body>", "text/css; charset=utf-8", b"body{}</body>"),  # not HTML: untouched
    (b'{"a": "</body>"}', "application/json", b'{"a": "</body>"}'),
])
def test_reload_script_goes_before_body_end_of_html_only(body, kind, expected):
    script = inject_reload(b"", "text/html", 7)
    assert script.startswith(b"<script>") and b"})(7)</script>" in script
    assert inject_reload(body, kind, 7) == expected.replace(b"SCRIPT", script)


def test_the_reload_script_shows_errors_as_text_only():
    script = inject_reload(b"", "text/html", 1).decode()
    assert "textContent" in script and "innerHTML" not in script and STATUS_PATH in script


def test_changed_lists_added_removed_and_modified_files():
    before = {"a": (1, 10), "b": (1, 10), "c": (1, 10)}
    after = {"a": (1, 10), "b": (2, 10), "d": (1, 1)}
    assert changed(before, after) == ["b", "c", "d"]
    assert changed(before, dict(before)) == []


def test_snapshot_sees_edits_and_skips_hidden_and_backup_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("one")
    before = snapshot([tmp_path])
    (tmp_path / "sub" / "a.md").write_text("one, two")
    (tmp_path / ".a.md.swp").write_text("x")
    (tmp_path / "a.md~").write_text("x")
    assert changed(before, snapshot([tmp_path])) == [str(tmp_path / "sub" / "a.md")]


def test_status_counts_successes_and_keeps_the_last_error():
    failed = next_status(Status(3, None), "repairs.toml:5:1: error: x")
    assert failed == Status(3, "repairs.toml:5:1: error: x")
    assert next_status(failed, None) == Status(4, None)


def test_requests_stay_inside_the_site(tmp_path):
    (tmp_path / "site" / "articles").mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("no")
    (tmp_path / "site" / "index.html").write_text("<body>home</body>")
    assert respond(tmp_path / "site", "/../secret.txt", Status())[0] == 404
    assert respond(tmp_path / "site", "/%2e%2e/secret.txt", Status())[0] == 404
    assert respond(tmp_path / "site", "/articles", Status())[:2] == (301, {"Location": "/articles/"})
    code, headers, body = respond(tmp_path / "site", "/?x=1", Status(5))
    assert code == 200 and body.startswith(b"<body>home<script>") and b"})(5)" in body
    assert json.loads(respond(tmp_path / "site", STATUS_PATH, Status(5, "bad"))[2]) == {"version": 5, "error": "bad"}


def get(server: Server, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(server.url.rstrip("/") + path, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def status(server: Server) -> dict:
    return json.loads(get(server, STATUS_PATH)[1])


def wait_for(check, seconds: float = 10):
    deadline = time.monotonic() + seconds
    while not (result := check()):
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)
    return result


@pytest.fixture
def live(copy_content, tmp_path, resources):
    output = tmp_path / "site"
    log = []
    server = Server(copy_content, TEMPLATES, output, lambda: build_site(copy_content, output, TEMPLATES, resources),
                    port=0, poll_seconds=0.05, settle_seconds=0.1, log=log.append)
    yield server, copy_content / "articles" / "baotou-zuofeng", output, log
    server.stop()


def test_serve_rebuilds_on_change_reloads_and_shows_errors(live):
    server, article, output, log = live
    code, page = get(server, ARTICLE)
    assert code == 200 and "/* jiedu serve: live reload */" in page
    assert "live reload" not in (output / "articles" / "baotou-zuofeng.html").read_text(encoding="utf-8")
    assert status(server) == {"version": 1, "error": None}

    translation = article / "translation.en.md"
    text = translation.read_text(encoding="utf-8")
    assert "propelling force" not in text
    translation.write_text(text.replace("is driving force", "is propelling force", 1), encoding="utf-8")
    wait_for(lambda: status(server)["version"] == 2)
    assert "propelling force" in get(server, ARTICLE)[1]

    repairs = article / "repairs.toml"
    good = repairs.read_text(encoding="utf-8")
    repairs.write_text(good.replace("column = 229", "column = 228"), encoding="utf-8")
    error = wait_for(lambda: status(server)["error"])
    assert error.startswith("content/articles/baotou-zuofeng/repairs.toml:5:1: error: repair does not match")
    assert error in log
    code, page = get(server, ARTICLE)
    assert code == 200 and "propelling force" in page and status(server)["version"] == 2

    repairs.write_text(good, encoding="utf-8")
    wait_for(lambda: status(server) == {"version": 3, "error": None})


@pytest.mark.browser
def test_the_open_page_reloads_and_shows_the_error_overlay(live, chromium_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    server, article, _, _ = live
    repairs = article / "repairs.toml"
    good = repairs.read_text(encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.goto(server.url.rstrip("/") + ARTICLE)
        page.evaluate("window.notReloaded = true")
        repairs.write_text(good.replace("column = 229", "column = 228"), encoding="utf-8")
        overlay = page.get_by_role("alert")
        sync_api.expect(overlay).to_contain_text("repairs.toml:5:1: error:", timeout=10_000)
        repairs.write_text(good, encoding="utf-8")
        page.wait_for_function("!window.notReloaded", timeout=10_000)  # version 2: the page reloaded
        sync_api.expect(overlay).to_have_count(0)
        browser.close()
