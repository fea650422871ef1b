"""The built site works in a real browser (Debian's headless Chromium via Playwright).

Proves that, served under a GitHub-Pages-like project prefix (/jiedu/) and from file://:
pages load with no console errors, no failed or outside requests; the reading toggles
(pinyin, English, Traditional) work without moving the text and persist across reloads;
glossary popovers open and close by keyboard and mouse; without JavaScript the page is
still complete (ruby pinyin, English, term links jump to their notes); the layout fits
390 px and renders in light and dark (screenshots go to tests/artifacts/).
"""

import functools
import http.server
import threading
from pathlib import Path

import pytest

playwright_sync = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ARTICLE = "articles/baotou-zuofeng.html"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run"]
BASE_TEXT_JS = """() => { const a = document.querySelector('article').cloneNode(true);
  a.querySelectorAll('rt').forEach(r => r.remove()); return a.textContent; }"""


class PrefixedHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under /jiedu/ only, like a GitHub Pages project site."""
    prefix = "/jiedu/"

    def send_head(self):
        if not self.path.startswith(self.prefix):
            self.send_error(404)
            return None
        self.path = "/" + self.path[len(self.prefix):]
        return super().send_head()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def base_url(built_site):
    handler = functools.partial(PrefixedHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/jiedu/"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="module")
def browser(chromium_path):
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


class Watched:
    """A page with every console error, page error, request and bad response recorded."""

    def __init__(self, page):
        self.page, self.errors, self.requests, self.failures = page, [], [], []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", lambda r: self.failures.append(f"{r.url}: {r.failure}"))
        page.on("response", lambda r: r.status >= 400 and self.failures.append(f"{r.url}: {r.status}"))

    def assert_clean(self, allowed_prefix):
        assert self.errors == []
        assert self.failures == []
        outside = [url for url in self.requests if not url.startswith(allowed_prefix)]
        assert outside == []


def open_page(context, url):
    watched = Watched(context.new_page())
    watched.page.goto(url, wait_until="load")
    return watched


def pressed(page, name):
    return page.get_attribute(f"[data-controls] [data-toggle={name}]", "aria-pressed")


def click_toggle(page, name):
    page.click(f"[data-controls] [data-toggle={name}]")


@pytest.mark.parametrize("path", [ARTICLE, "index.html", "glossary.html"])
def test_page_loads_cleanly_under_project_prefix(context, base_url, path):
    watched = open_page(context, base_url + path)
    assert any(url.endswith("assets/jiedu.css") for url in watched.requests)
    assert any(url.endswith("assets/jiedu.js") for url in watched.requests)
    watched.assert_clean(base_url)


def test_pinyin_and_english_toggles(context, base_url):
    page = open_page(context, base_url + ARTICLE).page
    assert page.is_visible("[data-controls]")
    first_zh = page.locator(".pair.paragraph .zh").first
    y_before = first_zh.bounding_box()["y"]
    assert pressed(page, "pinyin") == "true"
    click_toggle(page, "pinyin")
    assert pressed(page, "pinyin") == "false"
    assert page.eval_on_selector("rt", "r => getComputedStyle(r).visibility") == "hidden"
    assert abs(first_zh.bounding_box()["y"] - y_before) <= 1
    assert page.eval_on_selector(".en", "e => getComputedStyle(e).display") != "none"
    click_toggle(page, "english")
    assert pressed(page, "english") == "false"
    displays = page.eval_on_selector_all(".en", "es => es.map(e => getComputedStyle(e).display)")
    assert displays and set(displays) == {"none"}


def test_traditional_switch_keeps_pinyin(context, base_url):
    page = open_page(context, base_url + ARTICLE).page
    rt_before = page.eval_on_selector_all("rt", "rs => rs.map(r => r.textContent)")
    assert "干部" in page.evaluate(BASE_TEXT_JS)
    click_toggle(page, "traditional")
    assert pressed(page, "traditional") == "true"
    text = page.evaluate(BASE_TEXT_JS)
    for word in ("幹部", "擔當", "內蒙古"):
        assert word in text
    assert "干部" not in text
    assert page.get_attribute("article", "lang") == "zh-Hant"
    assert page.eval_on_selector_all("rt", "rs => rs.map(r => r.textContent)") == rt_before
    click_toggle(page, "traditional")
    text = page.evaluate(BASE_TEXT_JS)
    assert "干部" in text and "幹部" not in text
    assert page.get_attribute("article", "lang") == "zh-Hans"


def test_preferences_persist_across_reload(context, base_url):
    page = open_page(context, base_url + ARTICLE).page
    click_toggle(page, "pinyin")
    page.reload(wait_until="load")
    assert pressed(page, "pinyin") == "false"
    assert page.eval_on_selector("rt", "r => getComputedStyle(r).visibility") == "hidden"


def term_note(page, term):
    """The English rendering and pinyin of a term's note in 'Terms in this article'."""
    note = page.locator(f".terms #g-{term}")
    return note.locator(".english").inner_text().strip(), note.locator(".pinyin").inner_text().strip()


def test_glossary_popover_by_keyboard(context, base_url):
    watched = open_page(context, base_url + ARTICLE)
    page = watched.page
    term = page.get_attribute("a.term", "data-term")
    english, pinyin = term_note(page, term)
    page.focus("a.term")
    page.keyboard.press("Enter")
    popover = page.locator("[role=dialog]")
    assert popover.is_visible()
    assert english in popover.inner_text() and pinyin in popover.inner_text()
    assert page.url.endswith(ARTICLE), "the script should open the popover, not follow the link"
    page.keyboard.press("Escape")
    assert popover.count() == 0
    assert page.evaluate("document.activeElement.matches('a.term')")
    assert page.evaluate("document.activeElement.dataset.term") == term
    assert watched.errors == []


def test_glossary_popover_by_click(context, base_url):
    page = open_page(context, base_url + ARTICLE).page
    link = page.locator(".pair.paragraph a.term").first
    english, _ = term_note(page, link.get_attribute("data-term"))
    link.click()
    popover = page.locator("[role=dialog]")
    assert popover.is_visible() and english in popover.inner_text()
    page.click("#source-heading")
    assert popover.count() == 0


def test_page_is_complete_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = open_page(context, base_url + ARTICLE).page
        rt = page.locator(".pair.paragraph rt").first
        assert rt.is_visible() and rt.inner_text().strip()
        assert page.locator(".pair.paragraph .en").first.is_visible()
        link = page.locator(".pair.paragraph a.term").first
        term = link.get_attribute("data-term")
        link.click()
        assert page.url == base_url + ARTICLE + f"#g-{term}"
        assert page.locator(f"#g-{term} .explanation").is_visible()
        assert 0 <= page.evaluate(f"document.getElementById('g-{term}').getBoundingClientRect().top") < 900
        assert page.locator("[role=dialog]").count() == 0
        # Buttons that cannot work must not show (CSS must not override the hidden attribute).
        assert page.is_hidden("[data-controls]")
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_and_no_overflow(browser, base_url, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    try:
        watched = open_page(context, base_url + ARTICLE)
        page = watched.page
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"article-{width}-{scheme}.png"), full_page=False)
        if width == 390:
            assert page.evaluate("document.documentElement.scrollWidth") <= 390
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        channels = [int(c) for c in background[background.index("(") + 1:-1].split(",")[:3]]
        assert (sum(channels) < 3 * 128) == (scheme == "dark"), background
        watched.assert_clean(base_url)
    finally:
        context.close()


def test_article_works_from_file_url(context, built_site):
    url = (built_site / ARTICLE).as_uri()
    watched = open_page(context, url)
    page = watched.page
    assert "Noto Sans" in page.evaluate("getComputedStyle(document.body).fontFamily")
    assert page.is_visible("[data-controls]")
    click_toggle(page, "pinyin")
    assert pressed(page, "pinyin") == "false"
    watched.assert_clean(built_site.as_uri() + "/")
