"""What the templates see: plain values gathered from articles, computed once."""

from dataclasses import dataclass, field

from collections import Counter

from .export import article_title
from ..lexicon.glossary import CATEGORIES, Entry, Glossary
from ..model import Article
from ..syllables import toneless
from ..lexicon.examples import sentence_at
from ..lexicon.hsk import LevelShare, hsk_profile
from ..lexicon.vocabulary import NAME, VocabularyItem

CONCORDANCE = 60
"""Characters of a block shown for each of a term's occurrences on the glossary page."""

@dataclass(frozen=True)
class Occurrence:
    slug: str
    title: str
    block_id: str
    text: str


@dataclass(frozen=True)
class ArticleView:
    article: Article
    slug: str
    title: str
    title_en: str
    meta: dict
    terms: tuple[Entry, ...]
    """Glossary entries in order of first use: the article's endnotes."""
    notes: dict[str, int]
    """Entry id -> its endnote's number; the note's anchor is `n<number>`, short because
    every occurrence of a term links to it."""
    edits: dict
    """Edits by kind: artifact, repair, punctuation."""
    cards: dict
    """What the word cards add to the page, loaded on first use (`card_data`)."""
    profile: tuple[LevelShare, ...]
    """Share of running words per HSK level, for the vocabulary page."""
    running: int
    """Running Han words (the vocabulary's counts summed)."""
    word_markup: dict = field(default_factory=dict, compare=False, repr=False)
    """Each distinct word's reader HTML, made once per article (`fragments.block_words`)."""

    @property
    def translated(self) -> bool:
        """Whether any block has its English: without, the page is one column and says so."""
        return any(block.translation for block in self.article.blocks)


def terms_used(article: Article, glossary: Glossary) -> tuple[Entry, ...]:
    seen: dict[str, Entry] = {}
    for block in article.blocks:
        for word in block.words:
            if word.term and word.term not in seen:
                seen[word.term] = glossary.by_id[word.term]
    return tuple(seen.values())


def article_view(article: Article, glossary: Glossary) -> ArticleView:
    edits = {kind: [e for e in article.cleaned.edits if e.kind == kind]
             for kind in ("artifact", "repair", "punctuation")}
    terms = terms_used(article, glossary)
    return ArticleView(
        article=article, slug=article.source.slug, title=article_title(article),
        title_en=article.source.meta.get("title_en", ""), meta=article.source.meta,
        terms=terms, notes={e.id: n for n, e in enumerate(terms, 1)}, edits=edits, cards=card_data(article, terms),
        profile=hsk_profile(list(article.vocabulary)), running=sum(item.count for item in article.vocabulary),
    )


def card_key(item: VocabularyItem, readings: Counter) -> str:
    """The word; `word|pin yin` only where the article reads the word in more than one way."""
    return item.text if readings[item.text] == 1 else f"{item.text}|{' '.join(item.pinyin)}"


def card_data(article: Article, terms: tuple[Entry, ...]) -> dict:
    """What the page leaves out to stay light and its word cards show: CC-CEDICT senses
    (`senses`), each term's Traditional form, literal gloss and explanation (`notes`; the
    page itself carries its pinyin and English), and each word's Traditional form by its
    position among the article's <ruby> words (`trad`)."""
    notes = {e.id: [e.traditional, e.literal, e.explanation] for e in terms}
    return {"senses": senses(article.vocabulary), "notes": notes, "trad": trad_forms(article)}


def trad_forms(article: Article) -> dict[str, str]:
    """Ruby ordinal -> Traditional form, where it differs (the template makes one <ruby>
    per word with pinyin, in order)."""
    words = [w for block in article.blocks for w in block.words if w.pinyin]
    return {str(n): w.trad for n, w in enumerate(words) if w.trad != w.text}


def senses(items: tuple[VocabularyItem, ...]) -> dict:
    """For each word with something to show: its senses (a list), its parts ({"parts": [[part,
    sense], ...]}) or a note ("personal name"). Glossary notes come from `notes`."""
    readings = Counter(item.text for item in items)
    data = {}
    for item in items:
        value = list(item.senses) or ({"parts": [list(p) for p in item.parts]} if item.parts else None)
        if value is None and item.english == NAME and not item.term:
            value = NAME
        if value:
            data[card_key(item, readings)] = value
    return data


def occurrences(articles: list[Article], glossary: Glossary, wanted=lambda entry: True) -> dict[str, list[Occurrence]]:
    """Every block where each (`wanted`) glossary term occurs, in site order: by text, so a
    term inside a longer linked term (办实事 in 解难题办实事) is found too."""
    found: dict[str, list[Occurrence]] = {}
    for article in articles:
        slug, title = article.source.slug, article_title(article)  # once: a scan of the blocks
        for number, block in enumerate(article.blocks, 1):
            for entry in filter(wanted, glossary.found_in(block.text)):
                found.setdefault(entry.id, []).append(
                    Occurrence(slug, title, f"b{number}", concordance_line(block.text, entry.simplified)))
    return found


def concordance_line(text: str, term: str, limit: int = CONCORDANCE) -> str:
    """The block's opening `limit` characters when they show the term (a few more are
    not worth a cut), else the sentence or clauses around it, cut to `limit`."""
    at = text.find(term)
    if len(text) <= limit + 5:
        return text
    if at + len(term) < limit:
        return text[:limit - 1] + "…"
    return sentence_at(text, at, len(term), limit)


def grouped_entries(glossary: Glossary) -> list[tuple[str, str, list[Entry]]]:
    """(category id, heading, entries sorted by pinyin) in CATEGORIES order."""
    groups = []
    for category, heading in CATEGORIES.items():
        entries = sorted((e for e in glossary.entries if e.category == category),
                         key=lambda e: (toneless(" ".join(e.pinyin), umlaut="v"), " ".join(e.pinyin).lower(), e.simplified))
        if entries:
            groups.append((category, heading, entries))
    return groups
