"""Render: Jinja templates to HTML strings. Autoescape on, undefined is an error.

Every internal link goes through the `url` filter, which makes it relative to the
page being rendered (as MkDocs does), so the same site works at a domain root,
under a GitHub Pages project path and from file://.
"""

import functools
import posixpath
from pathlib import Path

import rcssmin
import rjsmin
from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from ..files.config import Config
from ..lexicon.dictionary import CREDIT
from .export import inline_json
from .fragments import block_words, ruby_pairs, vocabulary_rows
from .markdown import markdown_html
from ..lexicon.examples import clause_around


def relative_url(target: str, page: str) -> str:
    """URL of site path `target` as seen from site path `page`.

    >>> relative_url("assets/jiedu.css", "articles/x.html")
    '../assets/jiedu.css'
    >>> relative_url("glossary.html#zuofeng", "glossary.html")
    'glossary.html#zuofeng'
    """
    path, _, fragment = target.partition("#")
    relative = _relative_path(path, posixpath.dirname(page) or ".")
    return relative + (f"#{fragment}" if fragment else "")


@functools.lru_cache(maxsize=4096)
def _relative_path(path: str, folder: str) -> str:
    """posixpath.relpath, remembered: a vocabulary page links its article hundreds of times."""
    return posixpath.relpath(path, folder)


@pass_context
def url_filter(context, target: str) -> str:
    return relative_url(target, context["page_path"])


@pass_context
def vocabulary_rows_filter(context, view) -> list[Markup]:
    page = context["page_path"]
    return vocabulary_rows(view.article.vocabulary, relative_url(f"articles/{view.slug}.html", page),
                           relative_url("glossary.html", page))


# site.toml [reader] names and values -> the page's preference attributes, where they
# differ from what the page does by itself.
READER_NAMES = {"pinyin": "pinyin", "translation": "en", "script": "script", "tones": "tones", "sandhi": "sandhi"}
READER_VALUES = {"simplified": "s", "traditional": "t", True: "1", False: ""}
BUILTIN_READER = {"pinyin": "all", "en": "side", "script": "s", "tones": "off", "sandhi": ""}


def reader_defaults(site: Config) -> list[tuple[str, str]]:
    chosen = [(READER_NAMES[k], READER_VALUES.get(v, v)) for k, v in site.reader if k in READER_NAMES]
    return [(name, value) for name, value in chosen if BUILTIN_READER.get(name) != value]


def make_environment(templates: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates), autoescape=True, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters.update(url=url_filter, markdown=markdown_html, block_words=block_words, reader_defaults=reader_defaults,
                       inline_json=lambda data: Markup(inline_json(data)), percent=percent,
                       vocabulary_rows=vocabulary_rows_filter,
                       # what the word loops used when they were Jinja: custom templates may still
                       ruby_pairs=ruby_pairs, clause=clause_around)
    env.globals.update(cedict_credit=CREDIT)
    return env


def percent(share: float) -> str:
    """0.2345 -> '23.5%'; a share above zero never shows as 0.0%.

    >>> percent(0.2345), percent(0.0001), percent(0.0)
    ('23.5%', '<0.1%', '0%')
    """
    if share == 0:
        return "0%"
    return "<0.1%" if share < 0.0005 else f"{share * 100:.1f}%"


def render_page(env: Environment, template: str, page_path: str, **context) -> str:
    return env.get_template(template).render(page_path=page_path, **context)


MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def asset_bytes(path: Path) -> bytes:
    """A stylesheet or script as shipped: minified, which is a fifth of the reader's
    page-weight budget; templates/assets keeps the commented source."""
    minify = MINIFIERS.get(path.suffix)
    return minify(path.read_text(encoding="utf-8")).encode("utf-8") + b"\n" if minify else path.read_bytes()

