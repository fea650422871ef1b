"""build_site(): gather every article, annotate, render, then write. Top to bottom."""

import os
import re
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

from .cache import ArticleCache, SiteStamp, article_key, code_key, hash_files, site_fingerprint
from .config import load_config
from .errors import ContentError
from .anki import DEFAULT_TIMESTAMP, article_package, article_tsv, glossary_package, glossary_tsv
from .export import article_json, article_title, inline_json
from .feeds import absolute_files
from .glossary import Glossary, load_glossaries
from .model import Article, Finding, Place
from .overrides import Overrides, load_overrides, unmatched
from .parallel import annotate_in_parallel, worker_count
from .pipeline import process_article
from .read import read_article
from .render import asset_bytes, make_environment, render_page
from .resources import Resources, load_resources
from .search import INDEX_FILE, search_script
from .views import article_view, grouped_entries, occurrences
from .vocabulary import undefined, vocabulary
from .write import write_site

SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")


@dataclass(frozen=True)
class BuildResult:
    articles: tuple[Article, ...]
    findings: tuple[Finding, ...]
    seconds: float
    annotated: int = 0
    """Articles annotated in this build; the others came from the cache."""
    terms: int = 0
    resources: object = None
    """The heavy resources, if this build loaded them (so `serve` can reuse them)."""
    article_count: int = 0
    words: int = 0
    unchanged: bool = False
    """Nothing at all changed since the last build into this output: nothing was written."""
    undefined: int = 0
    """Distinct words with no English of their own (no glossary or CC-CEDICT entry)."""


class LazyResources:
    """Heavy resources are loaded only when some article is not in the cache."""

    def __init__(self, glossary: Glossary, given: Resources | None = None):
        self.glossary, self.value = glossary, given

    def get(self) -> Resources:
        if self.value is None:
            self.value = load_resources(None, glossary=self.glossary)
        return self.value


def article_folders(content: Path) -> list[Path]:
    folders = sorted(p for p in (content / "articles").iterdir() if p.is_dir()) if (content / "articles").is_dir() else []
    for folder in folders:
        if not SLUG.fullmatch(folder.name):
            raise ContentError(Place(shown_path(folder, content), 1, 1),
                               "article folder names are slugs: a-z, 0-9 and '-'")
    return folders


def annotate_folder(folder: Path, content: Path, resources: LazyResources, overrides: Overrides) -> Article:
    source, meta_findings = read_article(folder, content.parent, resources.get().char_frequency)
    article = process_article(source, resources.get(), overrides)
    res = resources.get()
    words = tuple(vocabulary(article, res.glossary, res.dictionary, res.hsk)) if res.dictionary else ()
    return replace(article, findings=tuple(meta_findings) + article.findings, vocabulary=words)


def site_overrides(content: Path) -> Overrides:
    return load_overrides(content / "overrides.toml", shown_path(content / "overrides.toml", content))


def gather_articles(content: Path, resources: LazyResources, cache: ArticleCache, shared: str,
                    overrides: Overrides, progress) -> tuple[list[Article], int]:
    """Every article: from the cache where its key matches, else annotated (on every
    core when there are many and no resources were handed in)."""
    keys = {folder: article_key(folder, shared) for folder in article_folders(content)}
    found = {folder: cache.get(folder.name, key) for folder, key in keys.items()}
    missing = [folder for folder, article in found.items() if article is None]
    for folder, article in annotate_all(missing, content, resources, overrides, progress):
        cache.put(folder.name, keys[folder], article)
        found[folder] = article
    articles = sorted(found.values(), key=lambda a: (str(a.source.meta.get("date", "")), a.source.slug), reverse=True)
    return articles, len(missing)


def annotate_all(folders: list[Path], content: Path, resources: LazyResources, overrides: Overrides, progress):
    if resources.value is None and worker_count(len(folders)) > 1:
        yield from annotate_in_parallel(folders, content, resources.glossary, overrides, progress)
        return
    for number, folder in enumerate(folders, 1):
        progress(number, len(folders), folder.name)
        yield folder, annotate_folder(folder, content, resources, overrides)


def site_findings(articles: list[Article], overrides: Overrides) -> list[Finding]:
    """Each article's findings, and the site-wide overrides that match no article."""
    stale = unmatched(overrides, tuple(b for a in articles for b in a.blocks))
    return [f for a in articles for f in a.findings] + stale


def render_site(articles: list[Article], glossary: Glossary, templates: Path, config: dict) -> dict[str, bytes]:
    env = make_environment(templates)
    views = [article_view(a, glossary) for a in articles]
    pages = {"index.html": render_page(env, "index.html", "index.html", site=config, articles=views),
             "glossary.html": render_page(env, "glossary.html", "glossary.html", site=config,
                                          groups=grouped_entries(glossary), glossary=glossary,
                                          occurrences=occurrences(articles, glossary)),
             "search.html": render_page(env, "search.html", "search.html", site=config),
             INDEX_FILE: search_script(articles, glossary)}
    for view in views:
        pages |= article_pages(env, view, glossary, config)
    pages["404.html"] = render_page(env, "404.html", "404.html", site=config)
    html = sorted(path for path in pages if path.endswith(".html") and path != "404.html")
    pages |= absolute_files(config["site_url"], config["title"], articles, html)
    pages |= anki_files(articles, glossary)
    files = {path: text if isinstance(text, bytes) else text.encode("utf-8") for path, text in pages.items()}
    for asset in sorted((templates / "assets").iterdir()):
        files[f"assets/{asset.name}"] = asset_bytes(asset)
    files[".nojekyll"] = b""
    return files


def article_pages(env, view, glossary: Glossary, config: dict) -> dict[str, str]:
    """The reader, its word-card data, its source record, the article as JSON and, when it
    has one, its vocabulary page. Each kind in a folder of its own, so no slug collides."""
    path, source = f"articles/{view.slug}.html", f"sources/{view.slug}.html"
    pages = {path: render_page(env, "article.html", path, site=config, view=view, glossary=glossary),
             f"words/{view.slug}.js": words_script(view.cards),
             source: render_page(env, "source.html", source, site=config, view=view),
             f"articles/{view.slug}.json": article_json(view.article, glossary)}
    if view.article.vocabulary:
        words = f"vocabulary/{view.slug}.html"
        pages[words] = render_page(env, "vocabulary.html", words, site=config, view=view, glossary=glossary)
    return pages


def words_script(cards: dict) -> str:
    """The word cards' data as a script calling `jieduWords`: a script, not JSON to
    fetch, because fetch() is refused on file:// and the site must work from disk."""
    return f"/* jiedu word data: generated by the build, do not edit. */\njieduWords({inline_json(cards)});\n"


def anki_files(articles: list[Article], glossary: Glossary) -> dict[str, bytes | str]:
    """Per article an Anki deck and a TSV of its words; one deck of the whole glossary.
    Dated SOURCE_DATE_EPOCH when set, so a newer build updates notes on re-import."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    stamp = int(epoch) if epoch.isdigit() else DEFAULT_TIMESTAMP
    files: dict[str, bytes | str] = {"glossary.apkg": glossary_package(glossary, stamp),
                                     "glossary.tsv": glossary_tsv(glossary)}
    for article in articles:
        if article.vocabulary:
            slug, title = article.source.slug, article_title(article)
            files[f"articles/{slug}.apkg"] = article_package(list(article.vocabulary), slug, title, stamp)
            files[f"articles/{slug}.tsv"] = article_tsv(list(article.vocabulary), slug, title)
    return files


def build_site(content: Path, output: Path, templates: Path, resources: Resources | None = None, *,
               cache_folder: Path | None = None, clean: bool = False, site_url: str = "",
               progress=None) -> BuildResult:
    started = time.perf_counter()
    config = load_config(content, shown_path(content / "site.toml", content), site_url)
    stamp = SiteStamp(cache_folder, output, site_fingerprint(content, templates, config))
    if not clean and (previous := stamp.previous()):
        return replace(previous, seconds=time.perf_counter() - started, annotated=0, unchanged=True)
    glossary_files = [content / name for name in config["glossary"]]
    glossary = resources.glossary if resources else load_glossaries(
        [(path, shown_path(path, content)) for path in glossary_files])
    shared = hash_files([*glossary_files, content / "overrides.toml"]).hexdigest() + code_key()
    lazy, overrides = LazyResources(glossary, resources), site_overrides(content)
    articles, annotated = gather_articles(content, lazy, ArticleCache(cache_folder, clean), shared, overrides,
                                          progress or (lambda *_: None))
    files = render_site(articles, glossary, templates, config)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    write_site(files, output, int(epoch) if epoch and epoch.isdigit() else None)
    terms = len({w.term for a in articles for b in a.blocks for w in b.words if w.term})
    words = sum(len(b.words) for a in articles for b in a.blocks)
    result = BuildResult(tuple(articles), tuple(site_findings(articles, overrides)),
                         time.perf_counter() - started, annotated, terms, lazy.value, len(articles), words,
                         undefined=len(undefined_words(articles)))
    stamp.record(replace(result, articles=(), resources=None))
    return result


def undefined_words(articles: list[Article]) -> dict[str, int]:
    """Words without English of their own across the site, with their counts, most frequent first."""
    counts: dict[str, int] = {}
    for article in articles:
        for item in undefined(article.vocabulary):
            counts[item.text] = counts.get(item.text, 0) + item.count
    return dict(sorted(counts.items(), key=lambda pair: -pair[1]))


def shown_path(path: Path, content: Path) -> str:
    """Paths in messages are relative to the folder holding content/, as for articles."""
    return path.resolve().relative_to(content.resolve().parent).as_posix()


def progress_bar(number: int, total: int, slug: str) -> None:
    """A one-line bar on a terminal; nothing when output goes to a file or CI log."""
    if total > 1 and sys.stderr.isatty():
        filled = round(30 * number / total)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {number}/{total} {slug[:30]:30}")
        sys.stderr.write("\n" if number == total else "")
