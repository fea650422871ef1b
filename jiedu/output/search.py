"""What the site's search index holds: every block of every article and every glossary
entry. `searchfiles.py` writes it as script files the search page loads a few of, with
<script> elements, so search works from file:// too, where a page cannot fetch.

A block is `[Simplified, Traditional or "" when the same, pinyin, English]`: the pinyin is
one toneless syllable per Han character of the text (ü as v), space-separated, so the
page can map a pinyin match back onto the characters; the English is the translation as
plain text. Block ids are their position: the first block is `b1`. A glossary entry is
`[id, Simplified, Traditional, tone-marked pinyin, English]`.
"""

import html
import re

from .export import article_title
from ..lexicon.glossary import Glossary
from ..model import Article, Block
from ..syllables import toneless
from .markdown import markdown_html

INDEX_FILE = "search-index.js"
SCHEMA = "jiedu.search/2"
TAG = re.compile(r"<[^>]+>")


def plain_text(markdown: str | None) -> str:
    """The translation as the reader sees it, without markup."""
    return html.unescape(TAG.sub("", str(markdown_html(markdown)))).strip() if markdown else ""


def block_pinyin(block: Block) -> str:
    return " ".join(toneless(syllable, umlaut="v") for word in block.words for syllable in word.pinyin)


def block_record(block: Block) -> list[str]:
    return [block.text, "" if block.trad == block.text else block.trad, block_pinyin(block),
            plain_text(block.translation)]


def article_record(article: Article) -> dict:
    meta = article.source.meta
    return {"slug": article.source.slug, "title": article_title(article), "title_en": meta.get("title_en", ""),
            "date": str(meta.get("date", "")), "blocks": [block_record(block) for block in article.blocks]}


def term_records(glossary: Glossary) -> list[list[str]]:
    return [[e.id, e.simplified, e.traditional, " ".join(e.pinyin), e.english] for e in glossary.entries]

