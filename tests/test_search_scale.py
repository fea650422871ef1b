"""The sharded search in Chromium: on the seed it shows what a scan of every block shows,
and on a synthetic archive of 1,000 articles (bench/site_scale.py: real political text,
the whole glossary) a query's first results cost at most 300 KB, gzipped as GitHub Pages
serves them, counted by the server."""

import functools
import http.server
import re
import sys
import threading
from pathlib import Path

import pytest

from jiedu.content import load_content
from jiedu.output.pages import fixed_files
from jiedu.output.render import make_environment
from jiedu.output.searchfiles import article_chunks, search_files
from jiedu.syllables import toneless

from conftest import CONTENT, ROOT, TEMPLATES

playwright_sync = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.browser
sys.path.insert(0, str(ROOT / "bench"))
import site_scale  # noqa: E402
from search_bytes import Counting  # noqa: E402

ARTICLES = 1000
BUDGET = 300 * 1024
HAN = re.compile(r"[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
QUERIES = ["发展", "改革开放", "社會主義", "的", "jingji", "gaige kaifang", "Bāotóu", "reform", "the party",
           "zzzzqqq", "x", "一带一路", "生态文明建设"]


def serve(folder: Path):
    handler = functools.partial(Counting, directory=str(folder))  # gzipped, as GitHub Pages serves
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def write_site(folder: Path, records: list[dict], glossary) -> None:
    config = load_content(CONTENT).config
    files = fixed_files(make_environment(TEMPLATES), TEMPLATES, config)
    files |= {path: text.encode("utf-8") for path, text in search_files([article_chunks(r) for r in records], glossary).items()}
    for path, data in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)


@pytest.fixture(scope="module")
def archive(tmp_path_factory, glossaries):
    folder = tmp_path_factory.mktemp("archive")
    records = site_scale.search_records(ARTICLES, glossaries.site)
    write_site(folder, records, glossaries.site)
    server, url = serve(folder)
    yield folder, url, records
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def page(chromium_path):
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
        yield context.new_page()
        browser.close()


def results(page, url: str) -> tuple[str, list[str]]:
    page.goto(url)
    page.wait_for_function("document.getElementById('search-count').textContent !== ''", timeout=20000)
    links = page.eval_on_selector_all("#results ol.results a", "as => as.map(a => a.getAttribute('href'))")
    return page.inner_text("#search-count"), links


def block_hit(block: list[str], query: str) -> bool:
    """What find.js's hit() says, for the test's queries: text in either script; else the
    English, or the pinyin from a syllable on (where there is one syllable per character)."""
    q = query.strip().lower()
    if HAN.search(q):
        return q in block[0] or bool(block[1]) and q in block[1]
    joined = re.sub(r"[\s'’·-]+|[1-5]", "", toneless(q, umlaut="v"))
    syllables = block[2].split()
    whole, starts = "".join(syllables), [sum(map(len, syllables[:i])) for i in range(len(syllables))]
    pinyin = len(HAN.findall(block[0])) == len(syllables) and any(whole.startswith(joined, at) for at in starts)
    return q in block[3].lower() or bool(joined) and pinyin


def scanned(records: list[dict], query: str) -> list[str]:
    return [f"articles/{r['slug']}.html#b{i}" for r in records for i, block in enumerate(r["blocks"], 1)
            if block_hit(block, query)]


@pytest.mark.parametrize("query", ["包头", "包頭", "baotou", "Bāotóu", "work style", "ganbu", "干部", "作风建设", "zzzzqqq", "de"])
def test_on_the_seed_search_shows_what_a_scan_of_every_block_shows(page, built_site, seed_article, query):
    from jiedu.output.search import article_record
    status, links = results(page, (built_site / "search.html").as_uri() + "?q=" + query)
    expected = scanned([article_record(seed_article)], query)
    assert links == expected[:100], status
    assert status.startswith(f"{len(expected)} paragraph" if expected else "No paragraph"), status


@pytest.mark.parametrize("query", QUERIES)
def test_first_results_cost_at_most_300_kb_at_a_thousand_articles(page, archive, query):
    folder, url, records = archive
    Counting.sent.clear()
    status, links = results(page, url + "search.html?q=" + query)
    sent = sum(size for _, size in Counting.sent)
    assert sent <= BUDGET, (query, sent, status)
    expected = scanned(records, query)
    assert links == expected[:len(links)], "the first hits of a scan of every block, in site order"
    assert bool(links) == bool(expected), status


def test_show_more_goes_on_where_the_first_results_stopped(page, archive):
    folder, url, records = archive
    status, links = results(page, url + "search.html?q=发展")
    assert "so far" in status and page.is_visible("#results button.more")
    page.click("#results button.more")
    page.wait_for_function("n => document.querySelectorAll('#results ol.results a').length > n", arg=len(links))
    more = page.eval_on_selector_all("#results ol.results a", "as => as.map(a => a.getAttribute('href'))")
    assert more[:len(links)] == links and len(more) > len(links)
