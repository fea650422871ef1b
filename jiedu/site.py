"""build_site(): gather every article, annotate, render, then write. Top to bottom."""

import re
import time
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError
from .export import article_json
from .model import Article, Finding, Place
from .overrides import load_overrides, unmatched
from .pipeline import process_article
from .read import read_article
from .tomlfile import load_toml
from .render import make_environment, render_page
from .resources import Resources, load_resources
from .views import article_view, grouped_entries, occurrences
from .write import write_site

SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
SITE_DEFAULTS = {"title": "jiedu 解读", "description": "Annotated bilingual readings of Chinese political texts"}


@dataclass(frozen=True)
class BuildResult:
    articles: tuple[Article, ...]
    findings: tuple[Finding, ...]
    seconds: float


def site_config(content: Path) -> dict:
    path = content / "site.toml"
    config = load_toml(path, str(path)) if path.exists() else {}
    unknown = set(config) - set(SITE_DEFAULTS)
    if unknown:
        raise ContentError(Place(str(path), 1, 1), f"unknown site.toml keys: {', '.join(sorted(unknown))}")
    return SITE_DEFAULTS | config


def gather_articles(content: Path, resources: Resources) -> tuple[list[Article], list[Finding]]:
    site_overrides = load_overrides(content / "overrides.toml", _shown(content / "overrides.toml", content))
    articles, findings = [], []
    for folder in sorted(p for p in (content / "articles").iterdir() if p.is_dir()):
        if not SLUG.fullmatch(folder.name):
            raise ContentError(Place(str(folder), 1, 1), "article folder names are slugs: a-z, 0-9 and '-'")
        source, meta_findings = read_article(folder, content.parent, resources.char_frequency)
        article = process_article(source, resources, site_overrides)
        articles.append(article)
        findings += meta_findings + list(article.findings)
    findings += unmatched(site_overrides, tuple(b for a in articles for b in a.blocks))
    articles.sort(key=lambda a: (str(a.source.meta.get("date", "")), a.source.slug), reverse=True)
    return articles, findings


def render_site(articles: list[Article], resources: Resources, templates: Path, config: dict) -> dict[str, bytes]:
    env = make_environment(templates)
    glossary = resources.glossary
    views = [article_view(a, glossary) for a in articles]
    pages = {"index.html": render_page(env, "index.html", "index.html", site=config, articles=views),
             "glossary.html": render_page(env, "glossary.html", "glossary.html", site=config,
                                          groups=grouped_entries(glossary), glossary=glossary,
                                          occurrences=occurrences(articles, glossary))}
    for view in views:
        path = f"articles/{view.slug}.html"
        pages[path] = render_page(env, "article.html", path, site=config, view=view, glossary=glossary)
        pages[f"articles/{view.slug}.json"] = article_json(view.article, glossary)
    files = {path: text.encode("utf-8") for path, text in pages.items()}
    for asset in sorted((templates / "assets").iterdir()):
        files[f"assets/{asset.name}"] = asset.read_bytes()
    files[".nojekyll"] = b""
    return files


def build_site(content: Path, output: Path, templates: Path, resources: Resources | None = None) -> BuildResult:
    started = time.perf_counter()
    config = site_config(content)
    glossary = content / "glossary.toml"
    resources = resources or load_resources(glossary if glossary.exists() else None, _shown(glossary, content))
    articles, findings = gather_articles(content, resources)
    files = render_site(articles, resources, templates, config)
    write_site(files, output)
    return BuildResult(tuple(articles), tuple(findings), time.perf_counter() - started)


def _shown(path: Path, content: Path) -> str:
    """Paths in messages are relative to the folder holding content/, as for articles."""
    return path.resolve().relative_to(content.resolve().parent).as_posix()
