"""Stage 6, annotate: pinyin for every Han character, in context, and glossary links.

Readings come from three sources, most specific first:
1. the glossary's own pinyin for a glossary term;
2. the word readings table (`jiedu/data/readings.toml`), for words pypinyin reads
   wrongly in news text, then the context rules in `rules.py`;
3. the reading stage (`reading.py`) over the whole Han run: pypinyin's phrases
   weighed against a polyphone context model. We give it the run, not jieba's
   words: pypinyin's own phrase matching reads polyphones better than when fed
   jieba's split (measured on CPP: 87.9% vs 87.1%).
"""

from dataclasses import replace

from .glossary import Glossary
from .model import Block, Word
from .reading import Reader
from .rules import apply_rules
from .sandhi import sandhi
from .text import HAN


def word_pinyin(words: tuple[Word, ...], index: int, context: list[str], reader: Reader,
                glossary: Glossary) -> tuple[str, ...]:
    word = words[index]
    han_count = len(HAN.findall(word.text))
    entry = glossary.by_simplified.get(word.text)
    if entry and len(entry.pinyin) == han_count:
        return entry.pinyin
    chosen = reader.word_readings.get(word.text)
    if not (chosen and len(chosen) == han_count):
        chosen = tuple(s for s, char in zip(context, word.text) if HAN.match(char))
    return apply_rules(words, index, tuple(chosen)) if han_count else ()


def annotate(block: Block, reader: Reader, glossary: Glossary) -> Block:
    syllables = reader.read(block.text, [w.text for w in block.words])
    words, offset = [], 0
    for index, word in enumerate(block.words):
        context = syllables[offset:offset + len(word.text)]
        entry = glossary.by_simplified.get(word.text)
        pinyin = word_pinyin(block.words, index, context, reader, glossary)
        words.append(replace(word, pinyin=pinyin, term=entry.id if entry else None))
        offset += len(word.text)
    return replace(block, words=with_sandhi(tuple(words)))


def with_sandhi(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """Attach 一/不 sandhi readings, computed over each unbroken stretch of Han words."""
    chars = "".join(w.text if w.pinyin else "\0" * len(w.text) for w in words)
    syllables = [s for w in words for s in (w.pinyin or [""] * len(w.text))]
    changed = sandhi(chars, syllables)
    result, offset = [], 0
    for word in words:
        count = len(word.pinyin) if word.pinyin else len(word.text)
        mine = tuple(changed[offset:offset + count])
        result.append(replace(word, sandhi=mine) if word.pinyin and mine != word.pinyin else word)
        offset += count
    return tuple(result)
