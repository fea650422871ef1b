"""One reading per word per article: a word of two or more Han characters read two ways
in one article is re-decided on the evidence of all its uses, unless a rule separates them.

The reading stage decides each use from its own few characters of context, so the same
word can come out two ways in one article (the model sure one way in one sentence and
the other way in the next). A word of several characters almost never changes its
reading with its sentence; where it does (a name, 为 after a verb, a glossary term, an
override), a rule set the reading, and such a word is left as the rules made it. Single
characters are never unified: 为 wéi / wèi, 行 xíng / háng read by context.

The reading with the most uses wins; on a tie, CC-CEDICT's reading of the whole word if it
is one of them, else pypinyin's phrase reading (which has 落差 and 方差 chà, where
CC-CEDICT has chā), else the first use's.
"""

from collections import Counter
from dataclasses import replace
from typing import Callable

from ..model import Block, Word

Use = tuple[int, int]
"""(block number, word number) of one use of a word."""


def uses_of_words(blocks: tuple[Block, ...]) -> dict[str, list[Use]]:
    """Every word of two or more syllables (no glossary term: its pinyin is the glossary's)
    -> where it is used, in order."""
    uses: dict[str, list[Use]] = {}
    for number, block in enumerate(blocks):
        for index, word in enumerate(block.words):
            if len(word.pinyin) > 1 and not word.term:
                uses.setdefault(word.text, []).append((number, index))
    return uses


def decided(readings: list[tuple[str, ...]], preferred: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    """The reading with the most uses; on a tie the first of `preferred` (dictionaries'
    readings of the whole word) among them, else the first use's.

    >>> decided([("pàn", "mìng"), ("pīn", "mìng"), ("pīn", "mìng")], ())
    ('pīn', 'mìng')
    >>> decided([("a",), ("b",)], (("c",), ("b",)))
    ('b',)
    """
    counts = Counter(readings)
    most = max(counts.values())
    tied = [reading for reading in counts if counts[reading] == most]
    return next((reading for reading in preferred if reading in tied), tied[0])


def unify_readings(blocks: tuple[Block, ...], free: tuple[tuple[bool, ...], ...],
                   dictionary: Callable[[str], tuple[tuple[str, ...], ...]]) -> dict[Use, tuple[str, ...]]:
    """The new pinyin of each use to change. `free[b][w]`: word w of block b has the reading
    stage's own reading (no rule, table, glossary or override changed it); `dictionary`
    gives the dictionaries' readings of a whole word, preferred first (maybe none)."""
    changes: dict[Use, tuple[str, ...]] = {}
    for text, uses in uses_of_words(blocks).items():
        readings = [blocks[b].words[w].pinyin for b, w in uses]
        if len(set(readings)) < 2 or not all(free[b][w] for b, w in uses):
            continue
        chosen = decided(readings, dictionary(text))
        changes.update({use: chosen for use, reading in zip(uses, readings) if reading != chosen})
    return changes


def with_changes(blocks: tuple[Block, ...], changes: dict[Use, tuple[str, ...]],
                 resandhi: Callable[[tuple[Word, ...]], tuple[Word, ...]]) -> tuple[Block, ...]:
    """The blocks with the changed uses' pinyin; `resandhi` redoes a changed block's 一/不 sandhi."""
    result = list(blocks)
    for number in sorted({b for b, _ in changes}):
        words = tuple(Word(w.text, w.trad, changes.get((number, i), w.pinyin), w.term, w.tag)
                      for i, w in enumerate(blocks[number].words))
        result[number] = replace(blocks[number], words=resandhi(words))
    return tuple(result)
