"""The built site works in a real browser (Debian's headless Chromium via Playwright).

Served under a GitHub-Pages-like project prefix (/jiedu/) and from file://, the reader
is checked feature by feature: pinyin modes and sizes, tone colours, word boundaries,
script, tone sandhi, translation modes, glossary popovers and word cards (mouse,
keyboard, touch), known words, clean copy and the copy actions, read aloud, what a
screen reader gets, themes, print, preferences across reloads, the page without
JavaScript, and the layout at 390 px.

Screenshots go to tests/artifacts/; to refresh the ones the README shows:
    JIEDU_SCREENSHOTS=docs/screenshots python3 tests/run.py tests/test_browser.py -k screenshots
"""

import functools
import http.server
import json
import os
import re
import threading
import time
from pathlib import Path

import pytest

playwright_sync = pytest.importorskip("playwright.sync_api")

from jiedu.output.anki import article_tsv  # noqa: E402 (after the skip)
from jiedu.output.export import article_title  # noqa: E402
from jiedu.output.fragments import vocabulary_rows  # noqa: E402

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / os.environ.get("JIEDU_SCREENSHOTS", "tests/artifacts")
ARTICLE = "articles/baotou-zuofeng.html"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run"]
BASE_TEXT_JS = """() => { const a = document.querySelector('article').cloneNode(true);
  a.querySelectorAll('rt, .tools').forEach(r => r.remove()); return a.textContent; }"""
HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]")


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
    context = browser.new_context(viewport={"width": 1280, "height": 900})
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


def article(context, base_url, **prefs):
    """The seed article, with these preferences saved before it loads."""
    if prefs:
        context.add_init_script(f"localStorage.setItem('jiedu', {json.dumps(json.dumps(prefs))})")
    watched = open_page(context, base_url + ARTICLE)
    watched.page.wait_for_function("document.querySelector('.tools')")  # jiedu.js has run
    return watched


TRADITIONAL_JS = "document.querySelector('article.reading').lang === 'zh-Hant'"


def set_pref(page, name, value):
    """Change a preference the way a reader does, through its control."""
    control = page.locator(f"[data-pref={name}]").first
    if not control.is_visible():
        page.click("[aria-controls=more]")
    if isinstance(value, bool):
        control.set_checked(value)
    else:
        control.select_option(value)


def rt_visibility(page, selector="rt"):
    return page.eval_on_selector(selector, "r => getComputedStyle(r).visibility")


def colour(page, selector):
    return page.eval_on_selector(selector, "e => getComputedStyle(e).color")


def selected_copy(page, selector):
    """Select the element's contents, press Ctrl+C and read the clipboard back."""
    page.evaluate("""s => { const r = document.createRange(); r.selectNodeContents(document.querySelector(s));
        getSelection().removeAllRanges(); getSelection().addRange(r); }""", selector)
    page.keyboard.press("Control+C")
    return page.evaluate("navigator.clipboard.readText()")


# ---------------------------------------------------------------- loading

@pytest.mark.parametrize("path", [ARTICLE, "index.html", "glossary.html"])
def test_page_loads_cleanly_under_project_prefix(context, base_url, path):
    watched = open_page(context, base_url + path)
    assert any(url.endswith("assets/jiedu.css") for url in watched.requests)
    assert any(url.endswith("assets/jiedu.js") for url in watched.requests)
    watched.page.wait_for_timeout(200)
    watched.assert_clean(base_url)


def test_article_works_from_file_url(context, built_site):
    watched = open_page(context, (built_site / ARTICLE).as_uri())
    page = watched.page
    assert "Noto Sans" in page.evaluate("getComputedStyle(document.body).fontFamily")
    assert page.is_visible(".controls")
    set_pref(page, "pinyin", "off")
    assert rt_visibility(page) == "hidden"
    watched.assert_clean(built_site.as_uri() + "/")


@pytest.mark.parametrize("where", ["served", "file"])
def test_word_data_loads_on_first_card_only(context, base_url, built_site, where):
    """The page's weight leaves out the word cards' data: it loads once, when a card
    first opens, from a server and from file:// alike (a script, not fetch)."""
    url = base_url + ARTICLE if where == "served" else (built_site / ARTICLE).as_uri()
    watched = open_page(context, url)
    page = watched.page
    page.wait_for_function("document.querySelector('.tools')")
    page.wait_for_timeout(300)
    loaded = lambda: [u for u in watched.requests if "words/baotou-zuofeng.js?v=" in u]
    assert loaded() == []
    page.locator(".pair.paragraph a.term").first.click()
    page.locator("[role=dialog] .explanation").wait_for()
    page.keyboard.press("Escape")
    page.locator(".pair.paragraph ruby").nth(3).click()
    page.locator("[role=dialog]").wait_for()
    assert len(loaded()) == 1
    watched.assert_clean(url.rsplit("/", 2)[0] + "/")


def test_a_card_closed_while_its_data_loads_stays_closed(context, base_url):
    """Escape before the word data arrives cancels the card; a later click still opens one."""
    def slowly(route):
        time.sleep(0.6)
        route.continue_()
    context.route("**/words/*.js*", slowly)
    page = article(context, base_url).page
    page.locator(".pair.paragraph a.term").first.click()
    page.keyboard.press("Escape")
    page.wait_for_timeout(1200)
    assert page.locator("[role=dialog]").count() == 0
    page.locator(".pair.paragraph a.term").first.click()
    page.locator("[role=dialog] .explanation").wait_for()


# ---------------------------------------------------------------- pinyin

def test_pinyin_modes(context, base_url):
    page = article(context, base_url).page
    first = ".pair.paragraph ruby"  # the layout of each mode, and the place kept: test_reader_layout
    assert rt_visibility(page, first + " rt") == "visible"
    set_pref(page, "pinyin", "off")
    assert page.get_attribute("html", "data-pinyin") == "off"
    assert rt_visibility(page, first + " rt") == "hidden"

    set_pref(page, "pinyin", "hover")
    assert rt_visibility(page, first + " rt") == "hidden"
    page.hover(first)
    assert rt_visibility(page, first + " rt") == "visible"
    page.mouse.move(0, 0)
    assert rt_visibility(page, first + " rt") == "hidden"
    page.click(first)  # a tap shows the word's pinyin (and its card)
    assert rt_visibility(page, first + " rt") == "visible"
    page.keyboard.press("Escape")

    set_pref(page, "pinyin", "unknown")
    ruby = page.locator(".pair.paragraph ruby:not(a ruby)").nth(2)
    word = ruby.evaluate("r => [...r.childNodes].filter(n => n.nodeName !== 'RT').map(n => n.textContent).join('')")
    assert ruby.locator("rt").first.evaluate("r => getComputedStyle(r).visibility") == "visible"
    ruby.click()
    page.get_by_label("Mark as known").check()
    page.keyboard.press("Escape")
    assert word in json.loads(page.evaluate("localStorage.getItem('jiedu.known')"))
    assert ruby.locator("rt").first.evaluate("r => getComputedStyle(r).visibility") == "hidden"
    others = page.eval_on_selector_all(
        ".pair.paragraph ruby", """(rs, w) => rs.filter(r => [...r.childNodes].filter(n => n.nodeName !== 'RT')
            .map(n => n.textContent).join('') !== w).slice(0, 20).map(r => getComputedStyle(r.querySelector('rt')).visibility)""", word)
    assert set(others) == {"visible"}

    set_pref(page, "pinyin", "all")
    assert rt_visibility(page, first + " rt") == "visible"
    assert page.get_attribute("html", "data-pinyin") is None


def test_pinyin_size_is_independent_of_text_size(context, base_url):
    page = article(context, base_url).page
    rt_size = lambda: page.eval_on_selector(".pair.paragraph rt", "r => parseFloat(getComputedStyle(r).fontSize)")
    zh_size = lambda: page.eval_on_selector(".pair.paragraph .zh", "z => parseFloat(getComputedStyle(z).fontSize)")
    rt0, zh0 = rt_size(), zh_size()
    set_pref(page, "rt", "xl")
    assert rt_size() > rt0 * 1.3 and zh_size() == zh0
    set_pref(page, "rt", "m")
    set_pref(page, "size", "l")
    assert zh_size() > zh0 and rt_size() / zh_size() == pytest.approx(rt0 / zh0, rel=0.02)


def test_tone_colours(context, base_url):
    page = article(context, base_url).page
    title = "h1 a.term ruby"  # 包头市 Bāo tóu Shì (GB/T 16159: the generic 市 apart and capitalised)
    assert page.eval_on_selector_all(title + " rt", "rs => rs.map(r => r.textContent)")[:3] == ["Bāo", "tóu", "Shì"]
    plain_fg = colour(page, "h1.zh")
    assert colour(page, title + " rt") == colour(page, ".pair.paragraph rt")
    set_pref(page, "tones", "pleco")
    classes = page.eval_on_selector_all(title + " rt", "rs => rs.map(r => r.className)")
    assert classes[:3] == ["t1", "t2", "t4"]
    first_char, first_rt = title + " span.t1", title + " rt.t1"
    assert colour(page, first_char) == colour(page, first_rt) == "rgb(200, 16, 46)"  # Pleco: tone 1 red
    assert colour(page, title + " span.t2") == "rgb(19, 117, 43)"  # tone 2 green
    assert BASE_TEXT_JS and "包头市" in page.evaluate(BASE_TEXT_JS)
    set_pref(page, "tones", "hanping")
    assert colour(page, first_char) == "rgb(26, 99, 196)"  # Hanping: tone 1 blue
    set_pref(page, "tones", "mdbg")
    assert colour(page, title + " span.t2") == "rgb(168, 79, 0)"  # MDBG: tone 2 orange
    set_pref(page, "tones", "off")
    assert colour(page, first_char) == plain_fg


def test_word_boundaries_on_demand(context, base_url):
    page = article(context, base_url).page
    margin = lambda: page.eval_on_selector(".pair.paragraph ruby", "r => getComputedStyle(r).marginLeft")
    assert margin() == "0px"
    set_pref(page, "wb", True)
    assert margin() != "0px"
    assert page.eval_on_selector(".pair.paragraph ruby", "r => getComputedStyle(r).borderBottomStyle") == "solid"


def test_traditional_switch_keeps_pinyin(context, base_url):
    page = article(context, base_url).page
    rt_before = page.eval_on_selector_all("rt", "rs => rs.map(r => r.textContent)")
    assert "干部" in page.evaluate(BASE_TEXT_JS)
    set_pref(page, "script", "t")
    page.wait_for_function(TRADITIONAL_JS)  # the first switch loads the word data
    text = page.evaluate(BASE_TEXT_JS)
    for word in ("幹部", "擔當", "內蒙古"):
        assert word in text
    assert "干部" not in text
    assert page.get_attribute("article", "lang") == "zh-Hant"
    assert page.eval_on_selector_all("rt", "rs => rs.map(r => r.textContent)") == rt_before
    set_pref(page, "tones", "pleco")  # wrapping characters in spans keeps the script switch working
    set_pref(page, "script", "s")
    text = page.evaluate(BASE_TEXT_JS)
    assert "干部" in text and "幹部" not in text
    assert page.get_attribute("article", "lang") == "zh-Hans"


def test_tone_sandhi_option(context, base_url):
    page = article(context, base_url).page
    citation = page.eval_on_selector_all("rt[data-s]", "rs => rs.map(r => r.textContent)")
    spoken = page.eval_on_selector_all("rt[data-s]", "rs => rs.map(r => r.dataset.s)")
    assert citation and citation != spoken
    set_pref(page, "sandhi", True)
    assert page.eval_on_selector_all("rt[data-s]", "rs => rs.map(r => r.textContent)") == spoken
    set_pref(page, "sandhi", False)
    assert page.eval_on_selector_all("rt[data-s]", "rs => rs.map(r => r.textContent)") == citation


# ---------------------------------------------------------------- translation

def test_translation_modes(context, base_url):
    page = article(context, base_url).page
    pair = ".pair.paragraph"
    box = lambda sel: page.locator(f"{pair} {sel}").first.bounding_box()
    assert box(".en")["x"] > box(".zh")["x"] + 300, "side by side at 1280 px"
    set_pref(page, "en", "under")
    assert box(".en")["y"] > box(".zh")["y"] + box(".zh")["height"] - 1
    assert abs(box(".en")["x"] - box(".zh")["x"]) < 2
    set_pref(page, "en", "hidden")
    displays = page.eval_on_selector_all(".en", "es => es.map(e => getComputedStyle(e).display)")
    assert displays and set(displays) == {"none"}
    page.locator(f"{pair} .tools .tr").first.click()  # reveal one paragraph's translation
    assert page.locator(f"{pair} .en").first.is_visible()
    assert not page.locator(f"{pair} .en").nth(1).is_visible()
    assert page.get_attribute(f"{pair} .tools .tr", "aria-expanded") == "true"
    page.locator(f"{pair} .zh").nth(1).click(position={"x": 2, "y": 2})  # tapping the paragraph works too
    page.keyboard.press("Escape")
    assert page.locator(f"{pair} .en").nth(1).is_visible()


def test_translation_modes_at_390(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = article(context, base_url).page
        zh, en = page.locator(".pair.paragraph .zh").first, page.locator(".pair.paragraph .en").first
        assert en.bounding_box()["y"] > zh.bounding_box()["y"] + zh.bounding_box()["height"] - 1, "under it on phones"
        page.locator(".pair.paragraph a.term").first.tap()
        page.locator("[role=dialog]").wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("fragment", ["terms-heading", "n12"])
def test_a_link_from_elsewhere_lands_on_its_target(browser, base_url, width, fragment):
    """Opened with a fragment (a shared link, the glossary's "used in"), the page shows its
    target at the top, under the sticky header: no placeholder heights above it."""
    context = browser.new_context(viewport={"width": width, "height": 844})
    try:
        page = open_page(context, f"{base_url}{ARTICLE}#{fragment}").page
        page.wait_for_timeout(500)
        top = page.evaluate(f"document.getElementById('{fragment}').getBoundingClientRect().top")
        assert 0 <= top < 200, top
    finally:
        context.close()


# ---------------------------------------------------------------- glossary and words

@functools.cache
def glossary_entries() -> dict:
    """The seed's glossary as its page links it: its own entries over the site's over the lexicon."""
    from jiedu.content import load_content

    glossary = load_content(ROOT / "content").glossaries().of(ARTICLE.rpartition("/")[2].removesuffix(".html"))
    return {id_: {"literal": e.literal, "explanation": e.explanation, "english": e.english} for id_, e in glossary.by_id.items()}


def term_note(page, term):
    """What a term's card must show: the English rendering and pinyin of its note on the
    page, and the literal gloss and explanation of its glossary entry (in the word data)."""
    note = page.locator(".terms li").filter(has=page.locator(f"a[href$='glossary.html#{term}']"))
    entry = glossary_entries()[term]
    return [note.locator(".english").inner_text().strip(), note.locator(".pinyin").inner_text().strip(),
            entry["literal"], entry["explanation"]]


def term_id(link):
    """The glossary id of a term link, through the endnote it points to."""
    note = link.page.locator(link.get_attribute("href"))
    return note.locator("a").get_attribute("href").rpartition("#")[2]


def test_glossary_popover_by_keyboard(context, base_url):
    watched = article(context, base_url)
    page = watched.page
    link = page.locator("a.term").first
    term = term_id(link)
    link.focus()
    page.keyboard.press("Enter")
    popover = page.locator("[role=dialog]")
    popover.wait_for()  # the first card loads the word data
    for part in term_note(page, term):
        assert part in popover.inner_text()
    assert popover.locator(f"a[href$='glossary.html#{term}']").count() == 1, "links to the full entry"
    assert page.url.endswith(ARTICLE), "the script should open the popover, not follow the link"
    assert page.evaluate("document.activeElement.closest('[role=dialog]') !== null"), "focus moves into it"
    page.keyboard.press("Escape")
    assert popover.count() == 0
    assert page.evaluate("document.activeElement.matches('a.term')")
    assert page.evaluate("document.activeElement.getAttribute('href')") == link.get_attribute("href")
    assert watched.errors == []


def test_glossary_popover_by_click(context, base_url):
    page = article(context, base_url).page
    link = page.locator(".pair.paragraph a.term").first
    english = term_note(page, term_id(link))[0]
    link.click()
    popover = page.locator("[role=dialog]")
    popover.wait_for()
    assert english in popover.inner_text()
    popover.get_by_role("button", name="Close").click()
    assert popover.count() == 0
    link.click()
    popover.wait_for()
    page.click("#source-heading")
    assert popover.count() == 0


def test_word_card_and_known_words(context, base_url):
    page = article(context, base_url).page
    forms = card_data(page)["trad"]
    rubies = page.locator("article ruby")
    at = next(i for i in range(rubies.count()) if str(i) in forms and rubies.nth(i).evaluate("r => !r.closest('a')"))
    ruby, trad = rubies.nth(at), forms[str(at)]
    pinyin = " ".join(ruby.locator("rt").all_inner_texts())
    ruby.click()
    card = page.locator("[role=dialog]")
    text = card.inner_text()
    assert trad in text and pinyin in text
    card.get_by_role("button", name="Next word ›").click()
    assert card.count() == 1 and trad not in card.inner_text()
    assert page.evaluate("document.activeElement.textContent") == "Next word ›"
    card.get_by_role("button", name="‹ Previous word").click()
    assert trad in card.inner_text()
    card.get_by_label("Mark as known").check()
    page.keyboard.press("Escape")
    assert card.count() == 0
    page.click("[aria-controls=more]")
    assert page.inner_text("[data-known]") == "1"
    page.reload()
    ruby.click()
    assert page.get_by_label("Mark as known").is_checked()
    page.keyboard.press("Escape")
    page.click("[aria-controls=more]")
    page.click("[data-forget]")
    assert page.inner_text("[data-known]") == "0"
    assert json.loads(page.evaluate("localStorage.getItem('jiedu.known')")) == []


def test_word_by_word_from_the_keyboard(context, base_url):
    page = article(context, base_url).page
    tools = page.locator(".pair.paragraph .tools button[aria-label='Paragraph tools']").first
    tools.focus()
    page.keyboard.press("Enter")
    assert tools.get_attribute("aria-expanded") == "true"
    page.get_by_role("button", name="Word by word").click()
    card = page.locator("[role=dialog]")
    page.get_by_label("Mark as known").wait_for()  # the first card loads the word data
    assert card.count() == 1
    page.keyboard.press("Escape")
    assert card.count() == 0
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Paragraph tools"


# ---------------------------------------------------------------- copy and read aloud

@pytest.fixture
def clipboard_context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield context
    context.close()


@pytest.mark.parametrize("mode", ["all", "hover", "unknown", "off"])
def test_clean_copy_in_every_pinyin_mode(clipboard_context, base_url, mode):
    page = article(clipboard_context, base_url, pinyin=mode).page
    expected = page.eval_on_selector(".pair.paragraph .zh", """z => { const c = z.cloneNode(true);
        c.querySelectorAll('rt').forEach(r => r.remove()); return c.textContent.trim(); }""")
    copied = selected_copy(page, ".pair.paragraph .zh").strip()
    assert copied == expected
    assert not LATIN.search(copied) and HAN.search(copied)


def test_clean_copy_across_paragraphs_keeps_english_lines(clipboard_context, base_url):
    page = article(clipboard_context, base_url).page
    copied = selected_copy(page, ".pair.paragraph")
    zh, en = copied.split("\n", 1)
    assert HAN.search(zh) and not LATIN.search(zh)
    assert "Paragraph tools" not in copied and "⋯" not in copied
    assert en.strip().startswith(page.inner_text(".pair.paragraph .en p").strip()[:20])


def test_copy_paragraph_with_pinyin_or_translation(clipboard_context, base_url):
    page = article(clipboard_context, base_url).page
    pair = page.locator(".pair.paragraph").first
    pair.locator("button[aria-label='Paragraph tools']").click()
    page.get_by_role("button", name="Copy with pinyin").click()
    page.wait_for_function("document.querySelector('[role=status]').textContent === 'Copied'")
    zh, pinyin = page.evaluate("navigator.clipboard.readText()").split("\n")
    assert HAN.search(zh) and not LATIN.search(zh)
    first_word = "".join(pair.locator("ruby").first.locator("rt").all_inner_texts())
    assert not HAN.search(pinyin) and pinyin.startswith(first_word) and ", " in pinyin
    pair.locator("button[aria-label='Paragraph tools']").click()
    page.get_by_role("button", name="Copy with translation").click()
    page.wait_for_function("navigator.clipboard.readText().then(t => t.includes('\\n\\n'))")
    zh2, english = page.evaluate("navigator.clipboard.readText()").split("\n\n", 1)
    assert zh2 == zh and english.startswith(pair.locator(".en p").first.inner_text()[:30])


FAKE_VOICE = """(() => {
  const spoken = window.__spoken = [];
  const voice = {name: 'Test Chinese', lang: 'zh-CN', localService: true, default: false, voiceURI: 'test'};
  const synth = window.speechSynthesis;
  synth.getVoices = () => [voice];
  synth.speak = u => spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.name});
  synth.cancel = () => {};
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
})();"""


def test_read_aloud_hidden_without_a_chinese_voice(context, base_url):
    page = article(context, base_url).page
    assert page.evaluate("speechSynthesis.getVoices().filter(v => /^(zh|cmn)/i.test(v.lang)).length") == 0
    assert page.is_hidden("[data-read]")
    page.locator("button[aria-label='Paragraph tools']").first.click()
    assert page.get_by_role("button", name="Read aloud").count() == 0


def test_read_aloud_speaks_characters_with_a_chinese_voice(context, base_url):
    context.add_init_script(FAKE_VOICE)
    page = article(context, base_url).page
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    assert page.is_visible("[data-read]")
    page.locator(".pair.paragraph button[aria-label='Paragraph tools']").first.click()
    page.get_by_role("dialog").get_by_role("button", name="Read aloud").click()
    page.evaluate("""() => { const r = document.createRange(); r.selectNodeContents(document.querySelector('h1'));
        getSelection().removeAllRanges(); getSelection().addRange(r); }""")
    page.click("[data-read]")
    spoken = page.evaluate("window.__spoken")
    assert len(spoken) == 2 and {s["lang"] for s in spoken} == {"zh-CN"} and spoken[0]["voice"] == "Test Chinese"
    assert HAN.search(spoken[0]["text"]) and not LATIN.search(spoken[0]["text"])
    assert spoken[1]["text"] == "包头市作风积弊“大扫除”如火如荼"
    assert requests == [], "nothing is fetched"


# ---------------------------------------------------------------- screen readers

def test_screen_readers_get_each_word_once(context, base_url):
    page = article(context, base_url).page
    snapshot = page.locator("h1").aria_snapshot()
    name = re.search(r'heading "([^"]*)"', snapshot).group(1)
    assert name.replace(" ", "") == "包头市作风积弊“大扫除”如火如荼"
    assert not LATIN.search(name)
    link_name = re.search(r'link "([^"]*)"', page.locator(".pair.paragraph a.term").first.aria_snapshot()).group(1)
    assert HAN.search(link_name) and not LATIN.search(link_name)
    set_pref(page, "sr", True)  # pinyin on request
    assert "Bāo" in page.locator("h1").aria_snapshot()


# ---------------------------------------------------------------- themes, fonts, print

@pytest.mark.parametrize("scheme,theme,dark", [("light", None, False), ("dark", None, True),
                                               ("light", "dark", True), ("dark", "light", False)])
def test_theme_follows_system_with_override(browser, base_url, scheme, theme, dark):
    context = browser.new_context(color_scheme=scheme)
    try:
        page = article(context, base_url, **({"theme": theme} if theme else {})).page
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        channels = [int(c) for c in re.findall(r"\d+", background)[:3]]
        assert (sum(channels) < 3 * 128) == dark, background
        if theme:
            assert page.input_value("[data-pref=theme]") == theme
    finally:
        context.close()


def test_pinyin_is_set_in_a_latin_face(context, base_url):
    """ǎ and ǚ come from the Latin face named first, not from a CJK fallback."""
    page = article(context, base_url).page
    page.evaluate("() => { const r = document.querySelector('.pair.paragraph rt'); r.id = 'probe'; r.textContent = 'lǚ hǎo'; }")
    session = context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    document = session.send("DOM.getDocument", {"depth": -1})
    node = session.send("DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": "#probe"})
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    assert fonts and all("CJK" not in font["familyName"] for font in fonts), fonts
    assert page.evaluate("getComputedStyle(document.getElementById('probe')).fontFamily").startswith('"Noto Sans"')
    han = page.evaluate("getComputedStyle(document.querySelector('.pair.paragraph .zh')).fontFamily")
    for face in ("PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei"):
        assert face in han


def test_print_keeps_pinyin_drops_controls_and_numbers_terms(context, base_url):
    page = article(context, base_url, pinyin="off").page
    page.emulate_media(media="print")
    assert rt_visibility(page, ".pair.paragraph rt") == "visible"
    assert page.is_hidden(".controls") and page.is_hidden(".tools") and page.is_hidden(".site-header")
    link = page.locator(".pair.paragraph a.term").first
    number = link.evaluate("a => getComputedStyle(a, '::after').content")
    ids = page.eval_on_selector_all(".terms ol > li", "ls => ls.map(l => l.id)")
    assert number == f'"{ids.index(link.get_attribute("href")[1:]) + 1}"'
    assert page.eval_on_selector(".terms ol", "o => getComputedStyle(o).listStyleType") == "decimal"
    assert page.is_visible(f"{link.get_attribute('href')} .english")
    page.emulate_media(media="screen")
    assert rt_visibility(page, ".pair.paragraph rt") == "hidden"


# ---------------------------------------------------------------- persistence, no JavaScript

def test_preferences_persist_across_reload(context, base_url):
    page = article(context, base_url).page
    choices = {"pinyin": "hover", "en": "under", "script": "t", "tones": "mdbg", "rt": "l", "size": "s", "theme": "dark"}
    for name, value in choices.items():
        set_pref(page, name, value)
    set_pref(page, "wb", True)
    page.reload(wait_until="load")
    page.wait_for_function("document.querySelector('.tools')")
    for name, value in choices.items():
        assert page.get_attribute("html", f"data-{name}") == value
        assert page.input_value(f"[data-pref={name}]") == value
    assert page.get_attribute("html", "data-wb") == "1"
    assert page.is_checked("[data-pref=wb]")
    assert rt_visibility(page, ".pair.paragraph rt") == "hidden"
    page.wait_for_function(TRADITIONAL_JS)
    assert "幹部" in page.evaluate(BASE_TEXT_JS)
    page.goto(base_url + "glossary.html")
    assert page.get_attribute("html", "data-theme") == "dark", "the theme holds on every page"


def test_page_is_complete_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = open_page(context, base_url + ARTICLE).page
        rt = page.locator(".pair.paragraph rt").first  # a box of no width, its syllable drawn over its character
        assert rt_visibility(page, ".pair.paragraph rt") == "visible" and rt.inner_text().strip()
        assert rt.evaluate("r => { const g = document.createRange(); g.selectNodeContents(r); return g.getBoundingClientRect().width; }") > 5
        assert page.locator(".pair.paragraph .en").first.is_visible()
        link = page.locator(".pair.paragraph a.term").first
        note, term = link.get_attribute("href"), term_id(link)
        link.click()
        assert page.url == base_url + ARTICLE + note
        assert page.locator(f"{note} .english").inner_text() == glossary_entries()[term]["english"]
        assert page.locator(f"{note} a").get_attribute("href") == f"../glossary.html#{term}", "the full entry"
        assert 0 <= page.evaluate(f"document.getElementById('{note[1:]}').getBoundingClientRect().top") < 900
        assert page.locator("[role=dialog]").count() == 0
        assert page.locator(".terms li").count() > 100
        # Controls that cannot work must not show.
        assert page.is_hidden(".controls") and page.is_hidden("[data-pref=theme]")
        assert page.locator(".tools").count() == 0
    finally:
        context.close()


# ---------------------------------------------------------------- layout and screenshots

@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_and_no_overflow(browser, base_url, width, scheme):
    mobile = width < 600
    context = browser.new_context(viewport={"width": width, "height": 844 if mobile else 800}, color_scheme=scheme,
                                  is_mobile=mobile, has_touch=mobile, device_scale_factor=2 if mobile else 1)
    try:
        watched = article(context, base_url)
        page = watched.page
        page.evaluate("document.fonts.ready")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"article-{width}-{scheme}.png"))
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        for path in ("index.html", "glossary.html", "search.html?q=baotou", "vocabulary/baotou-zuofeng.html"):
            other = context.new_page()
            other.goto(base_url + path)
            assert other.evaluate("document.documentElement.scrollWidth") <= width, path
            other.close()
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        channels = [int(c) for c in re.findall(r"\d+", background)[:3]]
        assert (sum(channels) < 3 * 128) == (scheme == "dark"), background
        watched.assert_clean(base_url)
    finally:
        context.close()


# ---------------------------------------------------------------- reference: definitions, vocabulary, search

def card_data(page) -> dict:
    """The word cards' data file the page names (words/<slug>.js), as data."""
    text = page.evaluate("fetch(document.querySelector('article').dataset.words).then(r => r.text())")
    return json.loads(text.split("jieduWords(", 1)[1].rsplit(");", 1)[0])


RUBY_WORD_JS = "r => [...r.childNodes].filter(n => n.nodeName !== 'RT').map(n => n.textContent).join('')"


def card_senses(page):
    return page.locator("[role=dialog] .senses li").all_inner_texts()


def test_word_card_shows_english_senses_on_click(context, base_url):
    page = article(context, base_url).page
    words = card_data(page)["senses"]
    rubies = page.locator(".pair.paragraph ruby:not(a ruby)")
    texts = rubies.evaluate_all(f"rs => rs.map({RUBY_WORD_JS})")
    at = next(i for i, text in enumerate(texts) if isinstance(words.get(text), list) and len(words[text]) > 1)
    rubies.nth(at).click()
    card = page.locator("[role=dialog]")
    card.wait_for()
    assert "CC-CEDICT" in card.inner_text()
    assert card_senses(page) == words[texts[at]]
    card.get_by_role("button", name="Next word ›").click()  # the next card has its own senses (or none)
    following = texts[at + 1] if at + 1 < len(texts) else None
    assert card_senses(page) != words[texts[at]] or following == texts[at]
    page.keyboard.press("Escape")
    names = [i for i, text in enumerate(texts) if words.get(text) == "personal name"]
    parts = [i for i, text in enumerate(texts) if isinstance(words.get(text), dict)]
    if names:
        rubies.nth(names[0]).click()
        assert "personal name" in card.inner_text() and "CC-CEDICT" not in card.inner_text()
        page.keyboard.press("Escape")
    if parts:
        rubies.nth(parts[0]).click()
        assert "not in cc-cedict; its parts" in card.inner_text().lower()
        first_part = words[texts[parts[0]]]["parts"][0]
        assert card_senses(page)[0] == f"{first_part[0]} {first_part[1]}"
        assert card.locator(".senses li span[lang=zh-Hans]").first.inner_text() == first_part[0]


def test_word_card_shows_glossary_then_dictionary_by_keyboard(context, base_url):
    page = article(context, base_url).page
    note = page.locator(".terms li").filter(has=page.locator("a[href$='glossary.html#ganbu']"))
    link = page.locator(f".pair a.term[href='#{note.get_attribute('id')}']").first
    link.focus()
    page.keyboard.press("Enter")
    card = page.locator("[role=dialog]")
    card.wait_for()
    text = card.inner_text()
    glossary = note.locator(".english").inner_text()
    assert glossary in text and "CC-CEDICT" in text
    assert text.index(glossary) < text.index("CC-CEDICT"), "the glossary entry comes first"
    assert card_senses(page) == card_data(page)["senses"]["干部"]
    assert "cadre" in card_senses(page)
    page.keyboard.press("Escape")
    # Words that are not links: the paragraph tools lead to them, word by word.
    tools = page.locator(".pair.paragraph .tools button[aria-label='Paragraph tools']").first
    tools.focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Word by word").focus()
    page.keyboard.press("Enter")
    first = page.locator(".pair.paragraph").first.locator("ruby").first
    word = first.evaluate(RUBY_WORD_JS)
    expected = card_data(page)["senses"].get(word)
    if isinstance(expected, list):
        assert card_senses(page) == expected
    for _ in range(8):  # through the card (its links, the known switch) to the next word
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Next word ›":
            break
    assert page.evaluate("document.activeElement.textContent") == "Next word ›"
    page.keyboard.press("Enter")
    second = page.locator(".pair.paragraph").first.locator("ruby").nth(1).evaluate(RUBY_WORD_JS)
    assert card.locator(".hanzi").first.inner_text() == second


def test_word_card_senses_with_tone_sandhi_on(context, base_url):
    """With sandhi shown the <rt> text changes; the card still finds the word by its citation reading."""
    page = article(context, base_url, sandhi="1").page
    words = card_data(page)["senses"]
    ruby = page.locator(".pair.paragraph ruby:not(a ruby):has(rt[data-s])")
    texts = ruby.evaluate_all(f"rs => rs.map({RUBY_WORD_JS})")
    at = next((i for i, text in enumerate(texts) if isinstance(words.get(text), list)), None)
    if at is None:
        pytest.skip("no sandhi word with its own entry in the seed")
    ruby.nth(at).click()
    page.locator("[role=dialog]").wait_for()
    assert card_senses(page) == words[texts[at]]


def test_vocabulary_page_lists_words_with_counts(context, base_url):
    page = article(context, base_url).page
    count_in_text = page.locator(".pair ruby").evaluate_all(f"rs => rs.map({RUBY_WORD_JS}).filter(w => w === '干部').length")
    page.get_by_role("link", name=re.compile(r"^Vocabulary: \d+ words$")).click()
    page.wait_for_load_state("load")
    assert page.url.endswith("vocabulary/baotou-zuofeng.html")
    rows = page.locator(".vocab > li")
    assert rows.count() > 300
    ganbu = rows.filter(has=page.locator("a.hanzi", has_text=re.compile("^干部$")))
    ganbu.scroll_into_view_if_needed()  # rows off screen are not rendered (content-visibility)
    text = lambda selector: ganbu.locator(selector).text_content()
    assert text(".pinyin") == "gàn bù"
    assert "cadre" in text(".english") and text(".flag") == "glossary"
    uses, level = re.fullmatch(r"(\d+) uses? · (HSK [1-6]|HSK 7–9|beyond HSK)", text(".stats")).groups()
    assert int(uses) == count_in_text
    assert text(".use b") == "干部"
    assert page.locator(".levels tbody tr").count() == 8
    assert page.locator("a[href$='jiedu-word.apkg']").count() == 1
    assert page.is_visible("a[data-tsv][download='baotou-zuofeng.tsv']")
    page.fill("#filter", "ganbu")
    page.wait_for_function("document.getElementById('filter-count').textContent.includes(' of ')")
    assert ganbu.is_visible() and page.locator(".vocab > li:not([hidden])").count() < rows.count()
    ganbu.locator("a.use").click()  # the first use, in the article
    assert re.search(r"articles/baotou-zuofeng\.html#b\d+$", page.url)


def test_vocabulary_rows_and_tsv_are_what_python_makes(context, base_url, built_site, seed_article):
    """vocabulary.js makes, from the page's data and the word data's senses, the rows
    fragments.py would write and the TSV anki.py would write (note GUIDs included: its
    SHA-256 is its own)."""
    watched = open_page(context, base_url + "vocabulary/baotou-zuofeng.html")
    page = watched.page
    page.wait_for_function("document.querySelectorAll('.vocab > li').length > 0")
    rows = vocabulary_rows(seed_article.vocabulary, "../articles/baotou-zuofeng.html", "../glossary.html")
    reparsed = page.evaluate("""html => { const t = document.createElement('template'); t.innerHTML = html;
      return Array.from(t.content.children, e => e.outerHTML); }""", "\n".join(map(str, rows)))
    assert page.locator(".vocab > li").evaluate_all("ls => ls.map(l => l.outerHTML)") == reparsed
    with page.expect_download() as download:  # made on the click, not while the page loads
        page.click("a[data-tsv]")
    assert download.value.suggested_filename == "baotou-zuofeng.tsv"
    made = Path(download.value.path()).read_text(encoding="utf-8")
    watched.assert_clean(base_url)
    expected = article_tsv(list(seed_article.vocabulary), "baotou-zuofeng", article_title(seed_article))
    assert made == expected


def test_vocabulary_page_without_javascript_points_to_the_terms(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "vocabulary/baotou-zuofeng.html")
        assert page.locator(".vocab > li").count() == 0 and page.locator(".levels tbody tr").count() == 8
        assert "needs JavaScript" in page.inner_text("main")
        assert page.is_visible("a[href='../articles/baotou-zuofeng.html#terms-heading']")
        assert page.is_hidden("a[data-tsv]")  # nothing to download without the script
    finally:
        context.close()


def glossary_filter(page, text):
    page.fill("#filter", text)
    page.wait_for_function("t => document.getElementById('filter-count').textContent !== t",
                           arg=page.inner_text("#filter-count"), timeout=3000) if text else None
    return page.inner_text("#filter-count")


@pytest.mark.parametrize("text", ["干部", "幹部", "ganbu", "gàn bù", "gan bu", "cadre", "CADRE"])
def test_glossary_filters_as_you_type(context, base_url, text):
    page = open_page(context, base_url + "glossary.html").page
    total = page.locator("article.entry").count()
    assert page.inner_text("#filter-count") == f"{total} terms"
    assert page.get_attribute("#filter-count", "role") == "status"
    status = glossary_filter(page, text)
    shown = page.locator("article.entry:not([hidden])").count()
    assert status == f"{shown} of {total} terms" and 0 < shown < total / 4
    assert page.is_visible("#ganbu") and page.is_hidden("#zuofeng-jianshe")
    assert page.locator("section:not([hidden]) h2").count() < len(page.locator("section h2").all())
    page.fill("#filter", "")
    page.wait_for_function("document.getElementById('filter-count').textContent.indexOf(' of ') < 0")
    assert page.locator("article.entry:not([hidden])").count() == total


def search(page, text):
    page.fill("#q", text)
    page.wait_for_function("document.getElementById('search-count').textContent !== ''")
    page.wait_for_timeout(200)  # typing settles
    return page.inner_text("#search-count")


@pytest.mark.parametrize("query, marked, lang", [
    ("包头", "包头", "zh-Hans"), ("包頭", "包頭", "zh-Hant"), ("baotou", "包头", "zh-Hans"),
    ("Bāotóu", "包头", "zh-Hans"), ("work style", None, None),
])
def test_search_finds_the_seed(context, base_url, query, marked, lang):
    watched = open_page(context, base_url + "search.html")
    page = watched.page
    status = search(page, query)
    assert re.match(r"\d+ paragraphs? in 1 article", status), status
    hits = page.locator("#results ol.results > li")
    assert hits.count() >= 1
    link = hits.first.locator("a")
    assert re.search(r"articles/baotou-zuofeng\.html#b\d+$", link.get_attribute("href"))
    if marked:
        assert marked in hits.locator(f"a span[lang={lang}] mark").all_inner_texts()
    else:
        assert "work style" in [m.lower() for m in hits.locator("p mark").all_inner_texts()]
    target = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"baotou-zuofeng.html#{target}") and page.is_visible(f"#{target}")
    watched.assert_clean(base_url)


def test_search_finds_glossary_terms_and_works_from_file_url(context, built_site):
    watched = open_page(context, (built_site / "search.html").as_uri())
    page = watched.page
    status = search(page, "cadre")
    assert "glossary term" in status
    assert page.locator("#results a[href='glossary.html#ganbu']").count() == 1
    assert search(page, "zzzzqqq") == "No paragraph"
    page.goto((built_site / "search.html").as_uri() + "?q=%E5%8C%85%E5%A4%B4")  # ?q=包头 from a link
    page.wait_for_function("document.getElementById('search-count').textContent !== ''")
    assert page.input_value("#q") == "包头" and page.locator("#results mark").count() > 0
    watched.assert_clean(built_site.as_uri() + "/")


def mark_known(page, ruby):
    ruby.click()
    page.get_by_label("Mark as known").check()
    page.keyboard.press("Escape")


def test_known_words_hide_their_pinyin_and_survive_a_reload(context, base_url):
    page = article(context, base_url, pinyin="unknown").page
    ruby = page.locator(".pair.paragraph ruby:not(a ruby)").nth(4)
    word = ruby.evaluate(RUBY_WORD_JS)
    visible = lambda: ruby.locator("rt").first.evaluate("r => getComputedStyle(r).visibility")
    assert visible() == "visible"
    mark_known(page, ruby)
    assert visible() == "hidden"
    page.reload()
    page.wait_for_function("document.querySelector('.tools')")
    assert visible() == "hidden"
    same = page.locator(".pair ruby").evaluate_all(
        f"(rs, w) => rs.filter(r => ({RUBY_WORD_JS})(r) === w).map(r => getComputedStyle(r.querySelector('rt')).visibility)", word)
    assert set(same) == {"hidden"}, "every occurrence of a known word"
    ruby.click()
    assert page.get_by_label("Mark as known").is_checked()


def test_known_words_export_and_import(context, base_url, tmp_path):
    page = article(context, base_url, pinyin="unknown").page
    rubies = page.locator(".pair.paragraph ruby:not(a ruby)")
    words = [rubies.nth(i).evaluate(RUBY_WORD_JS) for i in (2, 6)]
    for i in (2, 6):
        mark_known(page, rubies.nth(i))
    page.click("[aria-controls=more]")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export known words").click()
    assert download.value.suggested_filename == "jiedu-known-words.txt"
    exported = download.value.path().read_text(encoding="utf-8")
    assert exported.split() == sorted(set(words))
    page.click("[data-forget]")
    assert page.inner_text("[data-known]") == "0"
    assert rubies.nth(2).locator("rt").first.evaluate("r => getComputedStyle(r).visibility") == "visible"
    saved = tmp_path / "known.txt"
    saved.write_text(exported, encoding="utf-8")
    page.set_input_files("[data-import]", str(saved))
    page.wait_for_function("document.querySelector('[data-known]').textContent !== '0'")
    assert page.inner_text("[data-known]") == str(len(set(words)))
    assert page.inner_text("[role=status]") == f"Imported {len(set(words))} words, {len(set(words))} new"
    assert rubies.nth(2).locator("rt").first.evaluate("r => getComputedStyle(r).visibility") == "hidden"
    assert sorted(json.loads(page.evaluate("localStorage.getItem('jiedu.known')"))) == sorted(set(words))
    listed = tmp_path / "list.json"  # a JSON list, e.g. from another device's localStorage, adds to them
    listed.write_text(json.dumps(["干部", "not a word", 3]), encoding="utf-8")
    page.set_input_files("[data-import]", str(listed))
    page.wait_for_function(f"document.querySelector('[data-known]').textContent === '{len(set(words) | {'干部'})}'")
    assert page.get_by_label("Import known words").count() == 1
