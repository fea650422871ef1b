"""Pure scoring for bench/any_article.py: word boundaries and names against the gold.

Word gold, per line: Han word lengths separated by spaces ("2 1 1+2"); `+` marks a
boundary that either convention allows (counted neither way). Only the Han characters
count; a boundary between two Han characters with something else between them (a
comma, digits) is no decision and is not scored.

Name gold: a span of the article and its expected pinyin ("Xí Jìnpíng", alternatives
after `|`); a capital is expected on the first syllable of each pinyin word (GB/T 16159).
"""

from dataclasses import dataclass
from functools import cache

from jiedu.syllables import toneless
from jiedu.text import HAN


@dataclass(frozen=True)
class Boundaries:
    """One line (or a total): gold words, and the boundaries decided on."""
    words: int = 0
    gold: int = 0
    ours: int = 0
    correct: int = 0

    @property
    def inserted(self) -> int:
        return self.ours - self.correct

    @property
    def deleted(self) -> int:
        return self.gold - self.correct

    def __add__(self, other: "Boundaries") -> "Boundaries":
        return Boundaries(*(a + b for a, b in zip(
            (self.words, self.gold, self.ours, self.correct), (other.words, other.gold, other.ours, other.correct))))


def han_of(text: str) -> str:
    return "".join(char for char in text if HAN.fullmatch(char))


def gold_breaks(lengths: str) -> tuple[int, set[int], set[int]]:
    """'2 1+2' -> (words, required breaks, optional breaks), as Han indices where a word starts.

    >>> gold_breaks("2 1+2")
    (2, {2}, {3})
    """
    required, optional, position = set(), set(), 0
    words = lengths.split()
    for word in words:
        parts = [int(part) for part in word.split("+")]
        required.add(position)
        for part in parts[:-1]:
            position += part
            optional.add(position)
        position += parts[-1]
    return len(words), required - {0}, optional


def our_breaks(words: list[str]) -> tuple[set[int], set[int]]:
    """jiedu's words of one line -> (Han indices where a word starts, Han indices whose
    previous Han character is its direct neighbour: the only boundaries decided on)."""
    breaks, adjacent, count, previous_han = set(), set(), 0, False
    for word in words:
        for position, char in enumerate(word):
            han = bool(HAN.fullmatch(char))
            if han and previous_han:
                adjacent.add(count)
                if position == 0:
                    breaks.add(count)
            count += han
            previous_han = han
    return breaks, adjacent


def _decided(lengths: str, words: list[str], expected_han: str) -> tuple[int, set[int], set[int]]:
    """(gold words, gold breaks, jiedu's breaks), both only where a boundary is decided on.
    Raises ValueError when the gold does not cover the line's Han text exactly."""
    han = han_of("".join(words))
    if han != expected_han or sum(int(p) for w in lengths.split() for p in w.split("+")) != len(han):
        raise ValueError(f"gold and text do not align: {expected_han[:4]}...")
    count, required, optional = gold_breaks(lengths)
    ours, adjacent = our_breaks(words)
    decided = adjacent - optional
    return count, required & decided, ours & decided


def score_line(lengths: str, words: list[str], expected_han: str) -> Boundaries:
    """Boundaries of jiedu's words (their text, joined = the line) against one gold line."""
    count, gold, ours = _decided(lengths, words, expected_han)
    return Boundaries(count, len(gold), len(ours), len(gold & ours))


def boundary_errors(lengths: str, words: list[str], expected_han: str) -> list[tuple[str, int]]:
    """("inserted" or "deleted", Han index of the boundary) for each error, in order."""
    _count, gold, ours = _decided(lengths, words, expected_han)
    return sorted([("inserted", k) for k in ours - gold] + [("deleted", k) for k in gold - ours], key=lambda e: e[1])


def prf(total: Boundaries) -> tuple[float, float, float]:
    precision = total.correct / total.ours if total.ours else 1.0
    recall = total.correct / total.gold if total.gold else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@cache
def _syllables() -> frozenset[str]:
    from pypinyin.constants import PINYIN_DICT
    return frozenset(toneless(p) for value in PINYIN_DICT.values() for p in value.split(","))


def _split(word: str, first: bool = True) -> list[str] | None:
    """Toneless, lower-case pinyin word -> its syllables, fewest possible; None if impossible.
    A syllable after the first never starts with a, o or e (pinyin writes an apostrophe)."""
    if not word:
        return []
    if not first and word[0] in "aoe":
        return None
    splits = [[word[:end], *rest] for end in range(1, min(len(word), 6) + 1)
              if word[:end] in _syllables() and (rest := _split(word[end:], False)) is not None]
    return min(splits, key=len, default=None)


def expected_capitals(pinyin: str, length: int) -> tuple[bool, ...]:
    """'Xí Jìnpíng', 3 -> (True, True, False): a capital on each pinyin word's first syllable."""
    capitals = []
    for word in pinyin.replace("-", " ").split():
        for piece_number, piece in enumerate(word.split("'")):
            syllables = _split(toneless(piece.lower()))
            if syllables is None:
                raise ValueError(f"not pinyin: {pinyin}")
            capitals += [piece_number == 0 and index == 0 for index in range(len(syllables))]
    if len(capitals) != length:
        raise ValueError(f"{pinyin}: {len(capitals)} syllables for {length} characters")
    return tuple(capitals)


def name_verdict(span: tuple[int, int], words: list[tuple[int, int, tuple[str, ...]]],
                 expected: list[tuple[bool, ...]]) -> str:
    """How jiedu shows one gold name. `words`: (start, end, syllables) in text offsets, in
    order. "found", or the error: "glued" (a word crosses an edge of the name), "split"
    (several words, capitals wrong), "lower case" (one word, no capital), "capitals"."""
    start, end = span
    inside = [word for word in words if word[0] < end and word[1] > start]
    if not inside or inside[0][0] != start or inside[-1][1] != end:
        return "glued"
    capitals = tuple(s[:1].isupper() for word in inside for s in _per_char(word))
    if capitals in expected:
        return "found"
    if len(inside) > 1:
        return "split"
    return "lower case" if not any(capitals) else "capitals"


def _per_char(word: tuple[int, int, tuple[str, ...]]) -> tuple[str, ...]:
    """A word's syllables, one per character (a capital on the first when they differ)."""
    start, end, syllables = word
    if len(syllables) == end - start:
        return syllables
    first = syllables[0][:1] if syllables else ""
    return (first,) + ("",) * (end - start - 1)


def ordinary_capitalised(words: list[tuple[int, int, tuple[str, ...], str]], names: list[tuple[int, int]],
                         either: set[str]) -> list[tuple[int, str]]:
    """jiedu's capitalised words that touch no gold name and are not marked either way."""
    taken = {offset for start, end in names for offset in range(start, end)}
    return [(start, text) for start, end, syllables, text in words
            if any(s[:1].isupper() for s in syllables) and text not in either
            and not taken & set(range(start, end))]
