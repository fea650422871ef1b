"""Stage 7, render, as files: an article's own pages, and the pages of the whole site.

An article's own files (reader, JSON, vocabulary page, Anki deck, TSV) depend on that
article, the glossary, the settings, the templates and the code only, never on
other articles: so they can be rendered where the article is annotated and cached
with it. The site-wide pages (index, glossary, search index, feeds) are made from
each article's `Digest`, so a rebuild does not need every article in memory.
"""

import os
from pathlib import Path

from .anki import DEFAULT_TIMESTAMP, article_package, article_tsv, glossary_package, glossary_tsv
from .digest import Digest, merged_occurrences
from .export import article_json, article_title
from .feeds import absolute_files
from .glossary import Glossary
from .model import Article
from .render import render_page
from .search import INDEX_FILE, search_script
from .views import article_view, grouped_entries


def anki_stamp() -> int:
    """Decks are dated SOURCE_DATE_EPOCH when set, so a newer build updates notes on re-import."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(epoch) if epoch.isdigit() else DEFAULT_TIMESTAMP


def vocabulary_path(slug: str) -> str:
    """A folder of its own: no article slug can collide with a vocabulary page."""
    return f"vocabulary/{slug}.html"


def article_files(env, article: Article, glossary: Glossary, config: dict) -> dict[str, bytes]:
    """The reader, the article as JSON and, when it has words, its vocabulary page,
    Anki deck and TSV."""
    view = article_view(article, glossary)
    path = f"articles/{view.slug}.html"
    pages = {path: render_page(env, "article.html", path, site=config, view=view, glossary=glossary),
             f"articles/{view.slug}.json": article_json(article, glossary)}
    if article.vocabulary:
        words, title, items = vocabulary_path(view.slug), article_title(article), list(article.vocabulary)
        pages[words] = render_page(env, "vocabulary.html", words, site=config, view=view, glossary=glossary)
        pages[f"articles/{view.slug}.apkg"] = article_package(items, view.slug, title, anki_stamp())
        pages[f"articles/{view.slug}.tsv"] = article_tsv(items, view.slug, title)
    return {name: text if isinstance(text, bytes) else text.encode("utf-8") for name, text in pages.items()}


def site_files(env, digests: list[Digest], glossary: Glossary, templates: Path, config: dict) -> dict[str, bytes]:
    """Every page that is not one article's own, from the digests in site order.
    `digests` know their own files' paths, for the sitemap."""
    pages = {"index.html": render_page(env, "index.html", "index.html", site=config, articles=digests),
             "glossary.html": render_page(env, "glossary.html", "glossary.html", site=config,
                                          groups=grouped_entries(glossary), glossary=glossary,
                                          occurrences=merged_occurrences(digests)),
             "search.html": render_page(env, "search.html", "search.html", site=config),
             "404.html": render_page(env, "404.html", "404.html", site=config),
             INDEX_FILE: search_script([d.search for d in digests], glossary),
             "glossary.apkg": glossary_package(glossary, anki_stamp()), "glossary.tsv": glossary_tsv(glossary)}
    own = [path for d in digests for path in d.pages]
    html = sorted(path for path in [*pages, *own] if path.endswith(".html") and path != "404.html")
    pages |= absolute_files(config["site_url"], config["title"], digests, html)
    files = {path: text if isinstance(text, bytes) else text.encode("utf-8") for path, text in pages.items()}
    for asset in sorted((templates / "assets").iterdir()):
        files[f"assets/{asset.name}"] = asset.read_bytes()
    files[".nojekyll"] = b""
    return files
