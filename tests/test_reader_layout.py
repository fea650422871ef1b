"""The reader's typography and phone layout, measured in the browser (issue #19).

At 390 and 1280 px, light and dark: the spread of the characters' advances within a line
in each pinyin mode, the syllables that touch or overlap, the reader's place across a
mode switch, the word card against the word it describes, the reading bar after a long
scroll, and the layout details (the editor's note, the card's script, the 404 page, the
index). Fixtures and helpers come from test_browser.
"""

import re

import pytest

from test_browser import ARTICLE, article, base_url, browser, open_page, set_pref  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

WIDTHS = [390, 1280]
SCHEMES = ["light", "dark"]
MODES = ["all", "hover", "unknown", "off"]
MEASURED = ".pair:nth-of-type(-n+24) .zh"  # the title and the first paragraphs: about 90 lines at 390 px

# For each block: scroll it into view (blocks are laid out as they come near), then the
# advance of each Han character to the next one on its line (both outside <rt>, nothing
# between them), and the gap between neighbouring shown syllables on a line, as ink boxes.
MEASURE_JS = """async selector => {
  const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const range = document.createRange(), HAN = /[\\u3400-\\u9fff]/;
  function box(node, start) {
    if (start === undefined) range.selectNodeContents(node); else { range.setStart(node, start); range.setEnd(node, start + 1); }
    return range.getBoundingClientRect();
  }
  const lines = [], gaps = [];
  for (const zh of document.querySelectorAll(selector)) {
    zh.scrollIntoView({block: 'center'});
    await frame();
    const chars = [], walker = document.createTreeWalker(zh, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (text.parentNode.closest('rt')) continue;
      for (let i = 0; i < text.length; i++) chars.push(HAN.test(text.nodeValue[i]) ? box(text, i) : null);
    }
    const byLine = new Map();
    chars.forEach((a, i) => {
      const b = chars[i + 1];
      if (!a || !b || Math.abs(a.top - b.top) > 2) return;
      const key = Math.round(a.top);
      byLine.set(key, [...(byLine.get(key) || []), b.left - a.left]);
    });
    lines.push(...byLine.values());
    const rts = [...zh.querySelectorAll('rt')].filter(rt => rt.textContent && getComputedStyle(rt).visibility === 'visible');
    const size = rts.length ? parseFloat(getComputedStyle(rts[0]).fontSize) : 0;
    const inks = rts.map(rt => box(rt));
    inks.forEach((a, i) => {
      const b = inks[i + 1];
      if (b && Math.abs(a.top - b.top) <= 2) gaps.push((b.left - a.right) / size);
    });
  }
  const zh = document.querySelector('.pair.paragraph .zh'), style = getComputedStyle(zh);
  return {lines, gaps, size: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight)};
}"""
TOUCHING = 0.2
"""Syllables closer than a fifth of the pinyin's size (2.4 px at 12 px) read as one word."""


def reader(browser, base_url, width, scheme, **prefs):  # noqa: F811
    mobile = width < 600
    context = browser.new_context(viewport={"width": width, "height": 844 if mobile else 800}, color_scheme=scheme,
                                  is_mobile=mobile, has_touch=mobile)
    return context, article(context, base_url, **prefs).page


def advance_spread(lines: list[list[float]]) -> float:
    """The largest max/min ratio of the character advances within one line."""
    return max(max(advances) / min(advances) for advances in lines)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_characters_keep_an_even_advance_and_syllables_never_touch(browser, base_url, width, scheme, mode):
    context, page = reader(browser, base_url, width, scheme, pinyin=mode)
    try:
        found = page.evaluate(MEASURE_JS, MEASURED)
        assert len(found["lines"]) > 40
        assert advance_spread(found["lines"]) < 1.02, "every Han character advances alike on its line"
        advances = [a for line in found["lines"] for a in line]
        natural = sorted(advances)[len(advances) // 2] / found["size"]
        if mode in ("all", "unknown"):
            assert len(found["gaps"]) > 500
            touching = [gap for gap in found["gaps"] if gap < TOUCHING]
            assert touching == [], f"{len(touching)} of {len(found['gaps'])} neighbouring syllables touch"
            assert found["size"] * natural > found["lineHeight"] / 2.5 > 0
        else:  # nothing shows until asked: the characters' own width, no band for pinyin
            assert natural == pytest.approx(1, abs=0.02)
            assert found["lineHeight"] <= 2 * found["size"]
            assert found["gaps"] == []
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_default_pinyin_is_readable(browser, base_url, width):
    context, page = reader(browser, base_url, width, "light")
    try:
        size = page.eval_on_selector(".pair.paragraph rt", "rt => parseFloat(getComputedStyle(rt).fontSize)")
        characters = page.eval_on_selector(".pair.paragraph .zh", "zh => parseFloat(getComputedStyle(zh).fontSize)")
        assert size >= 12 and characters >= 20
    finally:
        context.close()


FIRST_WORD_BELOW_BAR_JS = """() => {
  const bar = document.querySelector('.controls').getBoundingClientRect().bottom;
  const word = [...document.querySelectorAll('.zh ruby')].find(r => r.getBoundingClientRect().bottom > Math.max(0, bar));
  word.dataset.probe = '1';
  return word.getBoundingClientRect().top;
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_switching_modes_keeps_the_readers_place(browser, base_url, width, scheme):
    """A reference paragraph is scrolled to the top of the text. At each switch of pinyin
    mode, pinyin or text size and translation layout, the first word under the reading bar
    (the line being read) stays where it was; the paragraph stays at the top."""
    context, page = reader(browser, base_url, width, scheme)
    try:
        page.evaluate("document.getElementById('b12').scrollIntoView()")
        page.evaluate("scrollBy(0, -document.querySelector('.controls').offsetHeight)")
        page.wait_for_timeout(100)
        paragraph = lambda: page.evaluate("""document.getElementById('b12').getBoundingClientRect().top
            - document.querySelector('.controls').getBoundingClientRect().bottom""")  # below the bar, which More makes taller
        start = paragraph()
        for name, value in [("pinyin", "off"), ("pinyin", "hover"), ("pinyin", "unknown"), ("pinyin", "all"),
                            ("rt", "xl"), ("size", "l"), ("rt", "m"), ("size", "m"), ("en", "under"), ("en", "side")]:
            if not page.locator(f"[data-pref={name}]").is_visible():
                page.click("[aria-controls=more]")  # the bar grows: the place is below it
            page.evaluate("document.querySelectorAll('[data-probe]').forEach(p => p.removeAttribute('data-probe'))")
            top = page.evaluate(FIRST_WORD_BELOW_BAR_JS)
            set_pref(page, name, value)
            moved = page.eval_on_selector("[data-probe]", "r => r.getBoundingClientRect().top") - top
            assert abs(moved) <= 2, (name, value, moved)
        assert abs(paragraph() - start) <= 8, "the reference paragraph is still at the top"
    finally:
        context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_reading_bar_stays_reachable(browser, base_url, width, scheme):
    context, page = reader(browser, base_url, width, scheme)
    try:
        page.evaluate("scrollTo(0, document.body.scrollHeight * 0.6)")
        page.wait_for_timeout(100)
        bar = page.locator(".controls").bounding_box()
        assert bar["y"] == 0 and bar["height"] <= (64 if width < 600 else 56), bar
        scrolled = page.evaluate("scrollY")
        page.locator("[data-pref=pinyin]").select_option("off", timeout=2000)
        assert page.get_attribute("html", "data-pinyin") == "off"
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.click("[aria-controls=more]")
        assert page.locator("[data-pref=script]").is_visible()
        assert page.evaluate("scrollY") > scrolled / 2, "the place is kept, not the top of the page"
    finally:
        context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_theme_control_is_labelled_on_phones(browser, base_url, scheme):
    context, page = reader(browser, base_url, 390, scheme)
    try:
        label = page.get_by_text("Theme", exact=True)
        assert label.is_visible() and page.get_by_label("Theme").is_visible()
    finally:
        context.close()


CARD_AND_WORD_JS = """word => {
  const box = e => e.getBoundingClientRect();
  const shown = box(document.querySelector(word)), card = box(document.querySelector('[role=dialog]'));
  return {word: [shown.top, shown.bottom], card: [card.top, card.bottom], bar: box(document.querySelector('.controls')).bottom};
}"""


def assert_word_clear_of_card(page, word):
    boxes = page.evaluate(CARD_AND_WORD_JS, word)
    assert boxes["bar"] <= boxes["word"][0] and boxes["word"][1] <= boxes["card"][0], boxes


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("where", ["term", "word"])
def test_the_card_never_covers_its_word_at_390(browser, base_url, scheme, where):
    """A word low on the screen, tapped: its card (a sheet at the bottom) opens below it,
    and so does the next word's, stepping on from the card, and the article's last word's."""
    context, page = reader(browser, base_url, 390, scheme)
    try:
        target = ".pair a.term" if where == "term" else ".pair ruby:not(a ruby)"
        page.evaluate(f"""() => {{ const word = document.querySelectorAll('{target}')[30];
            word.dataset.probe = '1'; word.scrollIntoView({{block: 'center'}}); scrollBy(0, -0.4 * innerHeight); }}""")
        assert page.eval_on_selector("[data-probe]", "w => w.getBoundingClientRect().top") > 700, "low on the screen"
        page.locator("[data-probe]").tap()
        page.locator("[role=dialog]").wait_for()
        assert_word_clear_of_card(page, "[data-probe]")
        for _ in range(5):
            page.get_by_role("button", name="Next word ›").click()
            assert_word_clear_of_card(page, "ruby.on")
        page.keyboard.press("Escape")
        last = page.locator(".pair ruby").last
        last.scroll_into_view_if_needed()
        last.tap()
        page.locator("[role=dialog]").wait_for()
        assert_word_clear_of_card(page, "ruby.on")
        page.keyboard.press("Escape")
        assert page.evaluate("document.body.style.paddingBottom") == "", "the room made for the card goes with it"
    finally:
        context.close()


def test_editors_note_english_lines_up_with_the_others(browser, base_url):
    context, page = reader(browser, base_url, 1280, "light")
    try:
        lefts = page.eval_on_selector_all(".pair .en", "es => es.map(e => Math.round(e.getBoundingClientRect().left))")
        note = page.eval_on_selector(".pair.note .en", "e => Math.round(e.getBoundingClientRect().left)")
        assert len(set(lefts)) == 1 and note == lefts[0]
    finally:
        context.close()


def test_card_headline_follows_the_script(browser, base_url):
    context, page = reader(browser, base_url, 1280, "light", script="t")
    try:
        page.wait_for_function("document.querySelector('article.reading').lang === 'zh-Hant'")
        page.evaluate("""() => [...document.querySelectorAll('.pair a.term')].find(a => [...a.querySelectorAll('ruby')]
            .map(r => [...r.childNodes].filter(n => n.nodeName !== 'RT').map(n => n.textContent).join('')).join('') === '幹部')
            .dataset.probe = '1'""")
        page.locator("[data-probe]").click()
        head = page.locator("[role=dialog] .entry-head")
        head.wait_for()
        assert head.locator(".hanzi").inner_text() == "幹部" and head.locator(".hanzi").get_attribute("lang") == "zh-Hant"
        assert head.locator(".hanzi-other").inner_text() == "干部"
    finally:
        context.close()


@pytest.mark.parametrize("where", ["file", "deep"])
def test_404_is_styled_from_disk_and_at_any_depth(browser, base_url, built_site, where):
    context = browser.new_context(color_scheme="dark")
    try:
        page = context.new_page()
        if where == "file":
            page.goto((built_site / "404.html").as_uri())
        else:  # GitHub Pages answers a missing address with 404.html, at that address
            body = (built_site / "404.html").read_bytes()
            context.route("**/no/such/page.html", lambda route: route.fulfill(status=404, body=body,
                                                                               content_type="text/html"))
            page.goto(base_url + "no/such/page.html")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert sum(int(c) for c in re.findall(r"\d+", background)[:3]) < 3 * 128, "styled, in the dark theme"
        assert page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily").startswith('"Noto Sans"')
        if where == "file":
            page.get_by_role("link", name="the articles").click()
            assert page.locator("ol.article-list li").count() >= 1
    finally:
        context.close()


@pytest.mark.parametrize("script", ["s", "t"])
def test_index_shows_length_time_level_and_the_chosen_script(browser, base_url, script):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        context.add_init_script(f"localStorage.setItem('jiedu', JSON.stringify({{script: '{script}'}}))")
        page = open_page(context, base_url + "index.html").page
        item = page.locator("ol.article-list li").first
        facts = item.locator(".facts").inner_text()
        characters, minutes = re.search(r"([\d,]+) characters · about (\d+) min", facts).groups()
        assert int(minutes) == -(-int(characters.replace(",", "")) // 150)
        assert re.search(r"HSK (\d|7–9) covers 90% of its words|\d+% of its words in HSK 1–9", facts)
        title = item.locator(".zh-title:visible")
        assert title.count() == 1
        assert title.inner_text() == ("包头市作风积弊“大扫除”如火如荼" if script == "s" else "包頭市作風積弊“大掃除”如火如荼")
        assert title.get_attribute("lang") == ("zh-Hans" if script == "s" else "zh-Hant")
    finally:
        context.close()
