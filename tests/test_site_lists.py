"""The index and the glossary stay small pages however many articles there are: the index
in pages of at most 100 articles linking each other, the glossary's concordance capped
with a search link for the rest, a long glossary a page per category with `glossary.html`
listing (and linking) every term. Made from many copies of the seed's digest."""

import gzip
import re
from dataclasses import replace
from pathlib import Path

import pytest

from jiedu.content import load_content
from jiedu.output.digest import make_digest, merged_occurrences
from jiedu.output.listing import CONCORDANCE_LINES, GLOSSARY_PAGE, PAGE_SIZE, glossary_pages, index_pages
from jiedu.output.render import make_environment, relative_url
from jiedu.stages.overrides import Overrides

from conftest import CONTENT, TEMPLATES

PAGE_BUDGET = 120 * 1024
"""A list page, gzipped: the seed's glossary page (206 terms, whole concordance) is 50 KB;
the 781-term page Lighthouse scored 0.99 on a busy host was larger."""


@pytest.fixture(scope="module")
def many(seed_article, glossaries):
    digest = make_digest(seed_article, {}, glossaries.of("baotou-zuofeng"), Overrides())
    return [replace(digest, slug=f"a{n:04d}", meta={**digest.meta, "date": f"2020-{n % 12 + 1:02d}-01"})
            for n in range(250)]


def links(html: str) -> list[str]:
    return re.findall(r'href="([^"#]+)', html)


def test_the_index_has_pages_of_at_most_100_linked_in_order(many):
    config = load_content(CONTENT).config
    pages = index_pages(make_environment(TEMPLATES), many, config)
    assert list(pages) == ["index.html", "page/2.html", "page/3.html"]
    listed = [re.findall(r'href="[./]*articles/(a\d+)\.html"', html) for html in pages.values()]
    assert [len(slugs) for slugs in listed] == [PAGE_SIZE, PAGE_SIZE, 50]
    assert sum(listed, []) == [d.slug for d in many], "every article once, in site order"
    for number, (path, html) in enumerate(pages.items(), 1):
        older, newer = re.search(r'rel="next" href="([^"]+)"', html), re.search(r'rel="prev" href="([^"]+)"', html)
        assert (older is None) == (number == 3) and (newer is None) == (number == 1)
        for link, step in ((older, 1), (newer, -1)):
            if link:
                target = (Path(path).parent / link.group(1)).as_posix().removeprefix("./")
                assert Path(target).as_posix().replace("page/../", "") == list(pages)[number - 1 + step]
        assert f'aria-current="page" href="{relative_url(path, path)}"' in html
        assert (f'start="{(number - 1) * PAGE_SIZE + 1}"' in html) == (number > 1)
        assert len(gzip.compress(html.encode())) < PAGE_BUDGET


def test_one_page_of_articles_has_no_pager(many):
    pages = index_pages(make_environment(TEMPLATES), many[:3], load_content(CONTENT).config)
    assert list(pages) == ["index.html"] and "rel=\"next\"" not in pages["index.html"]


def test_a_long_glossary_is_a_page_per_category_within_budget(many, glossaries):
    glossary = glossaries.site  # every term of the site and the lexicon: thousands
    occurrences = merged_occurrences(many)
    pages = glossary_pages(make_environment(TEMPLATES), glossary, occurrences, load_content(CONTENT).config)
    directory = pages.pop("glossary.html")
    entries = {path: re.findall(r'<article class="entry" id="([^"]+)"', html) for path, html in pages.items()}
    assert sorted(sum(entries.values(), [])) == sorted(e.id for e in glossary.entries), "each term on one page"
    assert max(len(ids) for ids in entries.values()) <= GLOSSARY_PAGE
    for entry in glossary.entries:  # glossary.html#<id> links the term's own page
        page = next(path for path, ids in entries.items() if entry.id in ids)
        assert f'<a id="{entry.id}" data-entry href="{page}#{entry.id}">' in directory
    for html in [directory, *pages.values()]:
        assert len(gzip.compress(html.encode())) < PAGE_BUDGET


def test_a_term_in_many_articles_lists_five_and_links_a_search_for_the_rest(many, glossaries):
    glossary = glossaries.listed({t for d in many for t in d.terms}, merged_occurrences(many))
    occurrences = merged_occurrences(many)
    pages = glossary_pages(make_environment(TEMPLATES), glossary, occurrences, load_content(CONTENT).config)
    assert list(pages) == ["glossary.html"]
    entry = re.search(r'<article class="entry" id="ganbu">.*?</article>', pages["glossary.html"], re.S).group()
    assert entry.count('<li><a href="articles/') == CONCORDANCE_LINES
    total = len(occurrences["ganbu"])
    assert f"Occurs in {total} paragraph(s)" in entry
    assert f'<a href="search.html?q=%E5%B9%B2%E9%83%A8">{total - CONCORDANCE_LINES} more: search for' in entry
    assert len(gzip.compress(pages["glossary.html"].encode())) < PAGE_BUDGET


# ------------------------------------------------------------ in Chromium, from file://

@pytest.fixture(scope="module")
def big_site(many, glossaries, tmp_path_factory):
    """The site-wide pages of 250 articles, the glossary split as a long one is."""
    from jiedu.output import listing
    from jiedu.output.pages import site_files
    folder = tmp_path_factory.mktemp("lists")
    saved, listing.ONE_PAGE = listing.ONE_PAGE, 50
    try:
        files = site_files(make_environment(TEMPLATES), many, glossaries, TEMPLATES, load_content(CONTENT).config)
    finally:
        listing.ONE_PAGE = saved
    for path, data in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)
    return folder


@pytest.fixture(scope="module")
def browser(chromium_path):
    playwright_sync = pytest.importorskip("playwright.sync_api")
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.mark.browser
def test_older_and_newer_walk_the_index(browser, big_site):
    page = browser.new_page()
    page.goto((big_site / "index.html").as_uri())
    assert page.locator(".article-list > li").count() == PAGE_SIZE
    page.click("a[rel=next]")
    assert page.url.endswith("/page/2.html") and page.get_attribute(".article-list", "start") == "101"
    page.click("a[rel=next]")
    assert page.url.endswith("/page/3.html") and page.locator(".article-list > li").count() == 50
    assert page.locator("a[rel=next]").count() == 0
    page.click("a[rel=prev]")
    page.click("a[rel=prev]")
    assert page.url.endswith("/index.html") and page.locator("a[rel=prev]").count() == 0
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("script", [True, False])
def test_a_link_to_a_term_finds_it_in_a_split_glossary(browser, big_site, script):
    context = browser.new_context(java_script_enabled=script)
    page = context.new_page()
    page.goto((big_site / "glossary.html").as_uri() + "#ganbu")
    if script:  # on to the term's own page
        page.wait_for_url("**/glossary/*.html#ganbu")
        assert page.is_visible("article#ganbu .english") and page.locator("article.entry").count() <= GLOSSARY_PAGE
    else:  # the term's link in the list, one click from its entry
        link = page.locator("a#ganbu")
        assert link.is_visible() and re.fullmatch(r"glossary/[\w-]+\.html#ganbu", link.get_attribute("href"))
    context.close()
