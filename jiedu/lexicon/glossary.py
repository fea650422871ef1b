"""The political glossary: TOML files a person edits, validated into frozen entries.

The same Entry serves the three layers (`layers.py`): an article's own glossary.toml,
the site's files, the built-in lexicon (`builtin.py`).
"""

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..errors import ContentError
from ..model import Place
from ..files.contentfile import present
from ..files.tomlfile import TomlFile, check_table, only_tables, read_toml, tables
from ..text import HAN

FIELDS = ("id", "simplified", "traditional", "pinyin", "literal", "english", "explanation", "category")
SCHEMA = {**dict.fromkeys(FIELDS, "line"), "explanation": "text", "related": "lines"}
CATEGORIES = {  # the site's first, then the lexicon's; the glossary page keeps this order
    "campaign": "Campaigns and work style",
    "party": "Party organisation",
    "governance": "Government and administration",
    "economy": "Economic policy",
    "idiom": "Idioms and set phrases",
    "place": "Places",
    "institution": "Institutions",
    "office": "Offices and titles",
    "meeting": "Meetings and congresses",
    "document": "Documents and plans",
    "slogan": "Slogans and formulas",
    "policy": "Policy",
    "discipline": "Discipline and anti-corruption",
    "hk-macau-taiwan": "Hong Kong, Macau and Taiwan",
    "diplomacy": "Diplomacy",
    "military": "Military and defence",
    "person": "People",
    "history": "History",
    "concept": "Political concepts",
}
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""An entry id: lower-case ASCII words joined by single hyphens (`layers` joins an
article's slug and its own ids with two, so they never meet a site's or the lexicon's)."""


@dataclass(frozen=True)
class Entry:
    id: str
    """Stable ASCII slug; the anchor on the glossary page."""
    simplified: str
    traditional: str
    pinyin: tuple[str, ...]
    """One tone-marked syllable per Han character of `simplified`."""
    literal: str
    english: str
    explanation: str
    category: str
    related: tuple[str, ...] = ()
    """Ids of other entries (an article's own may also name those of the layers below)."""
    english_source: str = ""
    """The lexicon's: official (the English of official translations), cedict (CC-CEDICT's,
    CC BY-SA 4.0) or own. Empty for a site's or an article's entry."""
    role: str = ""
    """The lexicon's people: the offices that make them worth knowing."""
    layer: str = "site"
    """Where it is defined: article (its own glossary.toml), site (content/) or lexicon."""


@dataclass(frozen=True)
class Glossary:
    entries: tuple[Entry, ...]
    by_id: dict[str, Entry]
    by_simplified: dict[str, Entry]

    @property
    def multi_character_terms(self) -> tuple[str, ...]:
        return tuple(form for form in self.by_simplified if len(form) > 1)

    def found_in(self, text: str) -> list[Entry]:
        """The entries whose Simplified form occurs in `text`, in glossary order: only
        those starting with one of its characters (one-character forms) or one of its
        pairs of characters are looked for (thousands of entries)."""
        starting, found = self._by_opening, []
        for opening in {*text, *map(str.__add__, text, text[1:])}:
            found += [number for number, form in starting.get(opening, ()) if form in text]
        return [self.entries[number] for number in sorted(found)]

    @cached_property
    def _by_opening(self) -> dict[str, list[tuple[int, str]]]:
        """Each entry under its form's first two characters (its only one, if one)."""
        starting: dict[str, list[tuple[int, str]]] = {}
        for number, entry in enumerate(self.entries):
            starting.setdefault(entry.simplified[:2], []).append((number, entry.simplified))
        return starting


def indexed(entries: list[Entry]) -> Glossary:
    """Entries known to be consistent (checked where they were read) as a Glossary."""
    return Glossary(tuple(entries), {e.id: e for e in entries}, {e.simplified: e for e in entries})


def load_glossary(path: Path, shown: str) -> Glossary:
    return load_glossaries([(path, shown)])


def load_glossaries(files: list[tuple[Path, str]], root: Path | None = None, known=frozenset()) -> Glossary:
    """One glossary from several files; a term defined twice anywhere is an error.
    Each file must be inside `root` (content/; by default the file's own folder).
    `related` may also name the ids in `known` (the layers below an article's)."""
    entries, places = [], []
    for path, shown in files:
        if not present(path):
            raise ContentError(Place(shown, 1, 1), "glossary file not found")
        doc = read_toml(path, shown, root or path.parent)
        only_tables(doc, ("term",))
        for where, table in tables(doc, "term"):
            entries.append(make_entry(doc, where, table))
            places.append(doc.place(*where))
    return index_glossary(entries, places, known)


def make_entry(doc: TomlFile, where: tuple, table: dict) -> Entry:
    place = doc.place(*where)
    check_table(doc, where, table, SCHEMA, "a glossary entry")
    missing = [name for name in FIELDS if not table.get(name, "").strip()]
    if missing:
        raise ContentError(place, f"glossary entry lacks {', '.join(missing)}")
    if not ID.fullmatch(table["id"]):
        raise ContentError(doc.place(*where, "id"), f"glossary id {table['id']!r} must be lower-case ASCII words "
                           "joined by single hyphens, e.g. \"zuofeng-jianshe\"")
    if table["category"] not in CATEGORIES:
        raise ContentError(doc.place(*where, "category"),
                           f"unknown category {table['category']!r} (one of {', '.join(CATEGORIES)})")
    syllables = tuple(table["pinyin"].split())
    if len(syllables) != len(HAN.findall(table["simplified"])):
        raise ContentError(place, f"pinyin {table['pinyin']!r} needs one syllable per character of "
                           f"{table['simplified']!r}")
    values = {name: table[name] for name in FIELDS}
    return Entry(**{**values, "pinyin": syllables}, related=tuple(table.get("related", ())))


def index_glossary(entries: list[Entry], places: list[Place], known=frozenset()) -> Glossary:
    by_id: dict[str, Entry] = {}
    by_simplified: dict[str, Entry] = {}
    for entry, place in zip(entries, places):
        if entry.id in by_id:
            raise ContentError(place, f"duplicate glossary id {entry.id!r}")
        if entry.simplified in by_simplified:
            raise ContentError(place, f"duplicate glossary term {entry.simplified!r}")
        by_id[entry.id] = entry
        by_simplified[entry.simplified] = entry
    for entry, place in zip(entries, places):
        unknown = [name for name in entry.related if name not in by_id and name not in known]
        if unknown:
            raise ContentError(place, f"related entries not in the glossary: {', '.join(unknown)}")
    return Glossary(tuple(entries), by_id, by_simplified)
