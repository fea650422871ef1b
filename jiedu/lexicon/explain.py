"""Explanations: a word's own CC-CEDICT entries, or the parts of a word it lacks;
remembered on the `Dictionary`, since the same words recur in every article."""

from dataclasses import dataclass

from .dictionary import DictEntry, Dictionary
from .senses import preferred_first
from ..text import is_han, longest_spans

EXPLAINED = 50_000
"""Values a Dictionary remembers (about 600 bytes each): words recur across the articles
one worker makes. 20 articles of 3,500 characters fill about 20,000."""


@dataclass(frozen=True)
class Part:
    """A dictionary word (or single character) inside a word the dictionary lacks."""

    text: str
    pinyin: tuple[str, ...]
    entries: tuple[DictEntry, ...]
    """Empty when not even the character is in the dictionary."""


@dataclass(frozen=True)
class Explanation:
    text: str
    pinyin: tuple[str, ...]
    entries: tuple[DictEntry, ...]
    """The word's own entries, its chosen reading first; empty for a fallback."""
    parts: tuple[Part, ...] = ()
    """For a fallback: the longest dictionary words covering the word, left to right."""
    fallback: bool = False
    """True when the dictionary has no entry for the word itself."""


def explain(dictionary: Dictionary, text: str, pinyin: tuple[str, ...], traditional: str | None = None) -> Explanation:
    """The word's own entries; for a word the dictionary lacks, its parts'. `traditional`
    (the word as the source or OpenCC writes it) puts the entries of that form first.
    Remembered on the dictionary (explanations are immutable, the rows never change)."""
    if traditional is not None and len(traditional) != len(text):
        traditional = None
    return remembered(dictionary, (text, pinyin, traditional), lambda: explained(dictionary, text, pinyin, traditional))


def remembered(dictionary: Dictionary, key: tuple, make):
    """`make()`, kept in `dictionary.explained` under `key` (at most EXPLAINED, the oldest
    dropped first). For values that depend on the dictionary and the key alone."""
    memo = dictionary.explained
    found = memo.get(key)
    if found is None:
        if len(memo) >= EXPLAINED:
            del memo[next(iter(memo))]
        found = memo[key] = make()
    return found


def explained(dictionary: Dictionary, text: str, pinyin: tuple[str, ...],
              traditional: str | None = None) -> Explanation:
    own = dictionary.entries_for(text, pinyin, traditional)
    if own:
        return Explanation(text, pinyin, tuple(own))
    pieces = parts(dictionary, text, pinyin, traditional) if len(text) > 1 else []
    return Explanation(text, pinyin, (), tuple(pieces), fallback=True)


def parts(dictionary: Dictionary, text: str, pinyin: tuple[str, ...], traditional: str | None = None) -> list[Part]:
    """Greedy longest match, left to right; a character the dictionary lacks stands alone."""
    found = []
    for start, end in longest_spans(text, dictionary):
        piece, reading = text[start:end], syllables_of(text, pinyin, start, end)
        written = traditional[start:end] if traditional else None
        entries = tuple(dictionary.entries_for(piece, reading, written))
        found.append(Part(piece, reading, preferred_first(entries, dictionary.preferred, piece, reading, None)))
    return found


def syllables_of(text: str, pinyin: tuple[str, ...], start: int, end: int) -> tuple[str, ...]:
    """The syllables of text[start:end]: one per Han character, as in `Word.pinyin`."""
    before = sum(map(is_han, text[:start]))
    return pinyin[before:before + sum(map(is_han, text[start:end]))]
