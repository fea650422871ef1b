"""Proper names jiedu knows, with their capitals (GB/T 16159): people, places, organisations.
Two sources, both built into jiedu: the political lexicon's people and institutions (its
pinyin is capitalised by name part: Xí Jìn píng, Zhōng yāng Jūn wěi) and CC-CEDICT's
headwords that it writes with capitals in every reading (Zhōng huá Rén mín Gòng hé guó, Mǎ kè
sī). Built once per process (`resources.py`), passed to the segment and names stages.
"""

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cached_property
from importlib import resources as package_files

from .glossary import Glossary
from .transliteration import foreign_shares

PERSON, NAME = "person", "name"
"""A person (surname + given name, or a transliteration), or another name, a capital per word."""
LEXICON_KINDS = {"person": PERSON, "institution": NAME, "hk-macau-taiwan": NAME, "diplomacy": NAME, "military": NAME}
"""Lexicon categories whose entries may be names: people always; the others where the
English is a name too (`title_case`: "Election Committee", not "Hong Kong people ...")."""
SMALL_WORDS = frozenset(("of", "the", "and", "for", "in", "on", "to", "at", "a", "an", "de"))
PLACE_HEADS = frozenset("省市县区州盟旗")
"""A place's generic head, written apart from a name of two syllables or more (Fǔníng Xiàn)."""
LIFE_YEARS = re.compile(r"\((?:c\. ?)?\d{3,4}-(?:c\. ?)?\d{3,4}\)|\(born \d{4}\)|\(died \d{3,4}\)")  # Zhu De (1886-1976)
NOT_NAMES = re.compile(r"^(?:surname |variant of |old variant|see )|[Mm]ovement|[Cc]ampaign|plenum|plenary|[Mm]ember\b|"
                       r"\bmonth\b|[Ff]estival|[Dd]ynasty|\bera\b|[Rr]evolution|[Ww]ar\b|[Ii]ncident")
"""Senses of what CC-CEDICT capitalises but GB/T 16159's names are not: events, members, months..."""
TITLES = frozenset(("主席", "副主席", "总理", "副总理", "总统", "先生", "女士", "小姐", "委员", "记者", "书记", "副书记",
                    "同志", "部长", "省长", "市长", "主任", "议员", "局长", "司长", "教授", "博士", "大使", "将军", "总书记",
                    "特首", "行政长官", "立委", "主委", "议长", "署长", "处长", "院长", "校长", "会长", "秘书长",
                    "发言人", "律师", "法官", "医生", "总裁", "董事长", "县长", "镇长", "党魁", "召集人",
                    "国务卿", "首相", "外长", "外相", "领导人", "国王", "女王", "元帅"))
"""Titles next to a personal name; a lexicon entry name + title (立法会主席) is no name."""
VARIANT = re.compile(r"(?:old )?variant of |see ")
NAME_TAGS = ("nr", "ns", "nt", "nz", "j")
"""jieba's name tags: a CC-CEDICT name jieba tags otherwise (共产党员 n, 四清 t) is a common word."""


@dataclass(frozen=True)
class ProperNames:
    """Simplified form -> (kind, the indices of its capitalised syllables)."""
    capitals: dict[str, tuple[str, frozenset[int]]] = field(default_factory=dict)
    surnames: "Surnames" = None
    """The surname table (`jiedu/data/surnames.toml`), for names no list knows."""
    foreign: dict[str, float] = field(default_factory=dict)
    """Character -> how often it writes a transliterated name (`transliteration.py`)."""

    def __contains__(self, word: str) -> bool:
        return word in self.capitals

    @cached_property
    def beginnings(self) -> frozenset[str]:
        """Every shorter start of a known name (栗 and 栗战 of 栗战书): the names stage tries
        to join words into a name only from a word that can begin one."""
        return frozenset(name[:end] for name in self.capitals for end in range(1, len(name)))

    def kind(self, word: str) -> str | None:
        known = self.capitals.get(word)
        return known[0] if known else None

    def pattern(self, word: str) -> frozenset[int] | None:
        known = self.capitals.get(word)
        return known[1] if known else None


@dataclass(frozen=True)
class Surnames:
    """Chinese surnames: `common` ones start a name on little evidence, `other` ones only
    with a cue; `double` are compound (司马), their given name after two characters."""

    common: frozenset[str] = frozenset()
    other: frozenset[str] = frozenset()
    double: frozenset[str] = frozenset()

    def length(self, name: str, common_only: bool = False) -> int:
        """How many characters of `name` are a surname: 2, 1, or 0 (none)."""
        if name[:2] in self.double:
            return 2
        return int(name[:1] in self.common or not common_only and name[:1] in self.other)


def load_surnames() -> Surnames:
    text = package_files.files("jiedu").joinpath("data/surnames.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)
    return Surnames(*(frozenset("".join(table[key].split())) for key in ("common", "other")),
                    frozenset(table["double"].split()))


def capital_indices(syllables) -> frozenset[int]:
    return frozenset(i for i, s in enumerate(syllables) if s[:1].isupper())


def cedict_names(by_simplified: dict, tags: dict) -> dict[str, tuple[str, frozenset[int]]]:
    """Headwords of two or more characters that CC-CEDICT capitalises in every reading, one
    syllable per character, that jieba does not tag as a common word unless their senses give
    life years (拿破仑 n: a person); rows naming another spelling (variant of) don't count."""
    names = {}
    for word, rows in by_simplified.items():
        if len(word) < 2 or not all(row[2][:1].isupper() for row in rows):
            continue
        syllables, senses = rows[0][2].split(" "), [row[3] for row in rows if not VARIANT.match(row[3])] or [rows[0][3]]
        person = any(LIFE_YEARS.search(sense) for sense in senses) and not word.endswith(tuple(TITLES))  # 毛主席
        if len(syllables) != len(word) or any(NOT_NAMES.search(sense) for sense in senses) \
                or not person and not tags.get(word, "nz").startswith(NAME_TAGS):
            continue
        names[word] = (PERSON if person else NAME, capital_indices(syllables))
    return {word: (kind, abbreviations(word, kind, pattern, names)) for word, (kind, pattern) in names.items()}


def abbreviations(word: str, kind: str, pattern: frozenset[int], names: dict) -> frozenset[int]:
    """GB/T writes an abbreviation of a name as one word (中共 Zhōnggòng); CC-CEDICT
    capitalises each of its characters (Zhōng Gòng): inside a name that is not a person's,
    a capital right after another is dropped where the two characters are such a name
    (中共中央 Zhōnggòng Zhōngyāng)."""
    if kind == PERSON:
        return pattern
    return frozenset(i for i in pattern if not (i - 1 in pattern and _abbreviation(word[i - 1:i + 1], names)))


def _abbreviation(pair: str, names: dict) -> bool:
    return names.get(pair, (PERSON,))[0] == NAME


def lexicon_names(lexicon: Glossary) -> dict[str, tuple[str, frozenset[int]]]:
    """The lexicon's people and institutions whose pinyin starts with a capital."""
    names = {}
    for entry in lexicon.by_simplified.values():
        kind = LEXICON_KINDS.get(entry.category)
        if kind and entry.pinyin and entry.pinyin[0][:1].isupper() and len(entry.pinyin) == len(entry.simplified) \
                and (kind == PERSON or title_case(entry.english)) and not _titled(entry.simplified, entry.pinyin):
            names[entry.simplified] = (kind, capital_indices(entry.pinyin))
    return names


def _titled(word: str, pinyin: tuple[str, ...]) -> bool:  # 立法会主席 Lì fǎ huì zhǔ xí
    return any(word[cut:] in TITLES and not any(s[:1].isupper() for s in pinyin[cut:]) for cut in range(1, len(word) - 1))


def title_case(english: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'-]*", english.split(";")[0])
    return bool(words) and all(w[0].isupper() for w in words if w.lower() not in SMALL_WORDS)


def name_words(word: str, known, whole: bool = False) -> list[str]:
    """A long name cut into its words, longest first from the left, never the whole (中央
    政治局 -> 中央 + 政治局), and those of four characters or more again (纪律检查 -> 纪律 +
    检查); the name itself when a piece would be a single character."""
    if len(word) < 4 and not whole:
        return [word]
    pieces, start = [], 0
    while start < len(word):
        end = next((e for e in range(len(word) - (start == 0), start + 1, -1) if word[start:e] in known), start + 1)
        if end == start + 1:
            return [word]
        pieces.append(word[start:end])
        start = end
    return [part for piece in pieces for part in name_words(piece, known)]


def word_capitals(word: str, known) -> frozenset[int]:
    """A capital on each of a name's words (Zhōngyāng Zhèngzhìjú), and on a place's head
    after a name of two characters or more (Fǔníng Xiàn), not inside a word (Xíngzhèngqū)."""
    starts, position, parts = set(), 0, name_words(word, known, whole=True)
    for part in parts:
        starts.add(position)
        position += len(part)
    if len(word) >= 3 and word[-1] in PLACE_HEADS and len(parts[-1]) not in range(2, len(word)):
        starts.add(len(word) - 1)
    return frozenset(starts)


def build_names(lexicon: Glossary | None, by_simplified: dict, tags: dict) -> ProperNames:
    """CC-CEDICT's names (`tags`: jieba's word -> tag), then the lexicon's people over
    them (its capitals are reviewed per name part) and its institutions CC-CEDICT lacks."""
    names = cedict_names(by_simplified, tags)
    for word, (kind, pattern) in (lexicon_names(lexicon) if lexicon else {}).items():
        if kind == PERSON or word not in names:
            names[word] = (kind, abbreviations(word, kind, pattern, names))
    for word, (kind, pattern) in names.items():
        if kind == NAME and len(pattern) == 1 and (len(word) >= 4 or word[-1] in PLACE_HEADS):
            names[word] = (kind, abbreviations(word, kind, word_capitals(word, by_simplified), names))
    return ProperNames(names, load_surnames(), foreign_shares(by_simplified))


def with_readings(names: ProperNames, readings: dict[str, tuple[str, ...]]) -> ProperNames:
    """jiedu's own reviewed word readings (data/readings.toml) that capitalise a word are
    names too (何塞 Hé sài, 朝天门 Cháo tiān mén): their capitals were chosen by hand."""
    extra = {word: (NAME, capital_indices(pinyin)) for word, pinyin in readings.items()
             if word not in names and capital_indices(pinyin)}
    return replace(names, capitals={**names.capitals, **extra}) if extra else names


def known_to_segmenter(names: ProperNames, frequencies: dict) -> list[tuple[str, str]]:
    """(word, jieba tag) for the names jieba's dictionary lacks, to add at build time so
    they come out whole (栗战书, 中纪委): every person, and the other names of three
    characters or more (two-character ones glue across words too often)."""
    return [(word, "nr" if kind == PERSON else "nt") for word, (kind, _pattern) in names.capitals.items()
            if not frequencies.get(word) and (kind == PERSON or len(word) >= 3)]
