"""What the site-wide pages and the build summary need of one article, and nothing more.

A Digest is made once, when the article's own pages are rendered, and cached with
them: a rebuild after one edit makes the index, the glossary page, the search index
and the feeds from a thousand small digests instead of a thousand whole Articles.
"""

import hashlib
from dataclasses import dataclass

from .export import article_title
from ..lexicon.hsk import BAND, LevelShare, covering_level, hsk_profile
from ..lexicon.glossary import Glossary
from ..model import Article, Finding
from ..stages.overrides import Overrides
from .search import article_record
from .searchfiles import article_chunks
from ..text import HAN
from .views import Occurrence, occurrences, terms_used
from ..lexicon.vocabulary import undefined

READING_SPEED = 150
"""Characters a minute: a learner's steady pace with pinyin and the English at hand."""


@dataclass(frozen=True)
class Digest:
    slug: str
    title: str
    title_en: str
    meta: dict
    terms: tuple[str, ...]
    """Ids of the glossary entries the article uses, in order of first use."""
    vocabulary: bool
    """Whether it has a vocabulary page (the index links it)."""
    translated: bool
    """Whether any block has its English (the index says when none has)."""
    occurrences: dict[str, tuple[tuple[str, str], ...]]
    """Glossary entry id -> (block id, the concordance line around the term) of each
    block it occurs in (`views.occurrences`): lines are short, cut around the term."""
    search: tuple[str, ...]
    """The article's search chunks, as inline-safe compact JSON (`searchfiles.article_chunks`)."""
    findings: tuple[Finding, ...]
    words: int
    undefined: tuple[tuple[str, int], ...]
    """(word, count) of words without English of their own, most frequent first."""
    contexts: frozenset[str]
    """Contexts of site-wide overrides that occur in the article."""
    pages: dict[str, str]
    """The article's own files: path -> SHA-256 of their bytes."""
    title_trad: str
    """The title in Traditional characters, for readers who chose them."""
    characters: int
    """Han characters in the text: the article's length as the index shows it."""
    level: str
    """"5", "7–9": the HSK level that covers 90% of the running words (`hsk.covering_level`);
    "" when HSK 1–9 cover less, as in most political texts."""
    in_hsk: float
    """Share of the running words in HSK 1–9."""
    search_keys: tuple[str, ...]
    """Each of its search chunks' keys, one a line (`searchfiles.article_chunks`)."""

    @property
    def article(self) -> "Digest":
        """Templates ask `view.article.vocabulary`, as of an ArticleView."""
        return self

    @property
    def minutes(self) -> int:
        """Reading time at READING_SPEED, rounded up."""
        return -(-self.characters // READING_SPEED)

    @property
    def sort_key(self) -> tuple[str, str]:
        return str(self.meta.get("date", "")), self.slug


def text_parts(article: Article, glossary: Glossary, terms: frozenset[str] | None = None) -> list:
    """What a digest reads from the article's text alone, as plain values (a long article's
    are made on another core while its pages are rendered): its search chunks, their keys,
    and where its glossary terms (`terms`, if known) occur."""
    terms = frozenset(entry.id for entry in terms_used(article, glossary)) if terms is None else terms
    search, search_keys = article_chunks(article_record(article))
    return [search, search_keys, occurring(article, glossary, terms)]


def make_digest(article: Article, files: dict[str, bytes], glossary: Glossary, overrides: Overrides,
                parts: list | None = None) -> Digest:
    """The article's digest; `parts`: its `text_parts`, when made already."""
    texts = [block.text for block in article.blocks]
    contexts = {o.context for o in (*overrides.readings, *overrides.splits) if any(o.context in t for t in texts)}
    terms = tuple(entry.id for entry in terms_used(article, glossary))
    search, search_keys, occurrences = parts or text_parts(article, glossary, frozenset(terms))
    return Digest(
        slug=article.source.slug, title=article_title(article), title_en=article.source.meta.get("title_en", ""),
        meta=article.source.meta, terms=terms,
        vocabulary=bool(article.vocabulary), translated=any(b.translation for b in article.blocks),
        occurrences=occurrences, search=tuple(search), findings=article.findings,
        words=sum(len(b.words) for b in article.blocks),
        undefined=tuple((item.text, item.count) for item in undefined(article.vocabulary)),
        contexts=frozenset(contexts), pages={path: hashlib.sha256(data).hexdigest() for path, data in files.items()},
        title_trad=article_title(article, trad=True), characters=sum(len(HAN.findall(b.text)) for b in article.blocks),
        search_keys=tuple(search_keys), **hsk_summary(hsk_profile(list(article.vocabulary))))


def hsk_summary(profile: tuple[LevelShare, ...]) -> dict:
    """The Digest's `level` and `in_hsk`."""
    covering = covering_level(profile)
    return {"level": covering.label if covering and covering.level else "",
            "in_hsk": next(share.cumulative for share in profile if share.level == BAND)}


def occurring(article: Article, glossary: Glossary, linked: frozenset[str]) -> dict[str, tuple[tuple[str, str], ...]]:
    """The Digest's `occurrences`: of the lexicon's entries, only those the article links
    (its thousands of forms also occur across word boundaries: 内政 in 党内政治生活)."""
    found = occurrences([article], glossary, lambda entry: entry.layer != "lexicon" or entry.id in linked)
    return {entry: tuple((o.block_id, o.text) for o in places) for entry, places in found.items()}


def merged_occurrences(digests: list[Digest]) -> dict[str, list[Occurrence]]:
    """Every block where each glossary term occurs, in site order (`views.occurrences`)."""
    found: dict[str, list[Occurrence]] = {}
    for digest in digests:
        for entry_id, blocks in digest.occurrences.items():
            found.setdefault(entry_id, []).extend(
                Occurrence(digest.slug, digest.title, block, line) for block, line in blocks)
    return found


def undefined_words(digests: list[Digest]) -> dict[str, int]:
    """Words without English of their own across the site, with their counts, most frequent first."""
    counts: dict[str, int] = {}
    for digest in digests:
        for text, count in digest.undefined:
            counts[text] = counts.get(text, 0) + count
    return dict(sorted(counts.items(), key=lambda pair: -pair[1]))
