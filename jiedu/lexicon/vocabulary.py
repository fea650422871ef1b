"""An article's vocabulary: every distinct Han word with its reading, gloss, first
sentence of use and HSK 3.0 level; dictionary coverage; coverage per HSK level.

HSK levels: `hsk.py`; the sentence and clause around a word: `examples.py`.
"""

from collections import Counter
from dataclasses import dataclass, replace

from .dictionary import CROSS_REFERENCE, Dictionary, DictEntry, han_syllables, readable
from .explain import Explanation, explain, remembered
from .glossary import Glossary
from .hsk import Hsk
from ..model import Article, Word
from .senses import preferred_first
from .examples import sentence_at
from ..text import HAN

MEASURE_TAGS = {"m", "mq", "q"}
"""jieba's tags for numerals, numeral + measure word, measure words."""
NAME = "personal name"
"""The English of a word jieba tagged as a personal name that no dictionary has."""
SENSES = 3
"""Senses kept per word for the word cards."""
SENSE_LENGTH = 100
"""A longer sense is cut at a word boundary and ends with `…`."""
TRANSLATION_LENGTH = 1000
"""A longer translation is cut so in each word's note (the seed's longest paragraph: 909)."""


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
    """The sentence of the first occurrence (the block text split at 。！？；), cut around
    the word when longer than `examples.SENTENCE` characters."""
    translation: str | None
    """The English paragraph of that block (Markdown; cut at TRANSLATION_LENGTH), or None."""
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


def coverage(words, dictionary: Dictionary) -> Coverage:
    """Share of running Han words that have a glossary entry or their own CC-CEDICT entry."""
    han = [word for word in words if is_han_word(word)]
    missing = Counter(w.text for w in han if not w.term and w.text not in dictionary)
    uncovered = sum(missing.values())
    share = (len(han) - uncovered) / len(han) if han else 1.0
    return Coverage(share, len(han), len(han) - uncovered, tuple(missing.most_common()))


def english_for(word: Word, glossary: Glossary, dictionary: Dictionary) -> tuple[str, bool]:
    """(short English, built from parts?) for one word as read in context. Remembered on
    the dictionary, as `definitions` are: the same words recur in every article."""
    if word.term and word.term in glossary.by_id:
        return glossary.by_id[word.term].english, False
    return remembered(dictionary, ("english", word.text, word.pinyin, word.trad, word.tag),
                      lambda: dictionary_english(word, dictionary))


def dictionary_english(word: Word, dictionary: Dictionary) -> tuple[str, bool]:
    explanation = in_use(word, dictionary)
    if explanation.entries:
        return short_sense(explanation.entries, word.tag in MEASURE_TAGS), False
    if word.tag.startswith("nr"):
        return NAME, True
    measure = word.tag in MEASURE_TAGS
    return " + ".join(f"{p.text} {short_sense(p.entries, measure)}".rstrip() for p in explanation.parts), True


def short_sense(entries, measure: bool) -> str:
    """The first sense of the first entry, as shown (`readable`); for numeral + measure word,
    its "classifier for" sense."""
    if not entries:
        return ""
    senses = entries[0].senses
    return readable(next((s for s in senses if measure and s.startswith("classifier for")), senses[0]))


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
                                    sentence_at(block.text, offset, len(word.text)),
                                    block.translation and clip(block.translation, TRANSLATION_LENGTH), f"b{number}",
                                    hsk.level(word.text), word.term, fallback, senses, parts))
    return items


def definitions(word: Word, dictionary: Dictionary) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """(the word's own senses for its reading, else its parts' first senses) for a word card.
    Glossary terms and personal names get no parts: the glossary or "personal name" says more.
    Remembered on the dictionary: the same words recur in every article."""
    measure, partless = word.tag in MEASURE_TAGS, bool(word.term) or word.tag.startswith("nr")
    return remembered(dictionary, ("definitions", word.text, word.pinyin, word.trad, word.tag, partless),
                      lambda: word_definitions(in_use(word, dictionary), measure, partless))


def in_use(word: Word, dictionary: Dictionary) -> Explanation:
    """The word's explanation, with the senses its use needs first (`senses.py`)."""
    explanation = explain(dictionary, word.text, word.pinyin, word.trad)
    entries = preferred_first(explanation.entries, dictionary.preferred, word.text, word.pinyin, word.tag)
    return explanation if entries is explanation.entries else replace(explanation, entries=entries)


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
    return tuple(clip(readable(s)) for s in list(dict.fromkeys(real))[:SENSES])


def clip(sense: str, length: int = SENSE_LENGTH) -> str:
    """A long sense (or translation) cut at a word boundary, ending with `…`."""
    if len(sense) <= length:
        return sense
    return sense[:length].rsplit(" ", 1)[0].rstrip(",;: ") + "…"


def undefined(items) -> list[VocabularyItem]:
    """Words with no English of their own (no glossary entry, no CC-CEDICT entry), most frequent first."""
    return sorted((item for item in items if item.fallback), key=lambda item: -item.count)
