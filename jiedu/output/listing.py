"""The site's lists, in pages that stay small however many articles there are: the index
of articles, PAGE_SIZE to a page, and the glossary, one page up to ONE_PAGE entries, else
a page per category (in parts of GLOSSARY_PAGE entries) with `glossary.html` listing
every term, so that a link to `glossary.html#<id>` still finds its term."""

from dataclasses import dataclass

from ..files.config import Config
from ..lexicon.glossary import Entry, Glossary
from .digest import READING_SPEED, Digest
from .render import render_page
from .views import Occurrence, grouped_entries

PAGE_SIZE = 100
"""Articles on one page of the index."""
GLOSSARY_PAGE = 200
"""Glossary entries on one page of a category, with their related terms and capped concordance."""
ONE_PAGE = 300
"""Up to this many entries, the glossary is one page."""
CONCORDANCE_LINES = 5
"""A term's occurrences listed on its glossary page; a search link finds the rest."""


@dataclass(frozen=True)
class Pager:
    number: int
    pages: tuple[str, ...]
    """Every page's path, the first `index.html`."""
    first: int
    """The list number of the page's first article."""

    @property
    def previous(self) -> str:
        return self.pages[self.number - 2] if self.number > 1 else ""

    @property
    def next(self) -> str:
        return self.pages[self.number] if self.number < len(self.pages) else ""


def index_path(number: int) -> str:
    return "index.html" if number == 1 else f"page/{number}.html"


def index_pages(env, digests: list[Digest], config: Config) -> dict[str, str]:
    """The index, newest first, PAGE_SIZE articles a page, each linking the others."""
    paths = tuple(index_path(n) for n in range(1, max(1, -(-len(digests) // PAGE_SIZE)) + 1))
    pages = {}
    for number, path in enumerate(paths, 1):
        start = (number - 1) * PAGE_SIZE
        pages[path] = render_page(env, "index.html", path, site=config, articles=digests[start:start + PAGE_SIZE],
                                  reading_speed=READING_SPEED, pager=Pager(number, paths, start + 1))
    return pages


@dataclass(frozen=True)
class Part:
    """One glossary page: some or all of one category's entries."""
    category: str
    heading: str
    path: str
    entries: list[Entry]


def glossary_parts(glossary: Glossary) -> list[Part]:
    """Every category on one page when the glossary is short; else a page per category,
    cut into parts of GLOSSARY_PAGE entries."""
    groups = grouped_entries(glossary)
    if len(glossary.entries) <= ONE_PAGE:
        return [Part(category, heading, "glossary.html", entries) for category, heading, entries in groups]
    parts = []
    for category, heading, entries in groups:
        count = -(-len(entries) // GLOSSARY_PAGE)
        for n in range(count):
            path = f"glossary/{category}{'' if n == 0 else f'-{n + 1}'}.html"
            label = heading if count == 1 else f"{heading} ({n + 1} of {count})"
            parts.append(Part(category, label, path, entries[n * GLOSSARY_PAGE:(n + 1) * GLOSSARY_PAGE]))
    return parts


def glossary_pages(env, glossary: Glossary, occurrences: dict[str, list[Occurrence]], config: Config) -> dict[str, str]:
    """The glossary page or pages; `where` says on which page each entry is."""
    parts = glossary_parts(glossary)
    where = {entry.id: part.path for part in parts for entry in part.entries}
    common = {"site": config, "glossary": glossary, "occurrences": occurrences, "where": where, "parts": parts,
              "concordance": CONCORDANCE_LINES}
    paths = sorted({part.path for part in parts} | {"glossary.html"})
    pages = {}
    for path in paths:
        shown = [part for part in parts if part.path == path]
        template = "glossary.html" if shown else "glossary-terms.html"
        pages[path] = render_page(env, template, path, shown=shown, **common)
    return pages
