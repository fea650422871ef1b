"""The political glossary: a TOML file a person edits, validated into frozen entries."""

from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError
from ..model import Place
from ..files.contentfile import present
from ..files.tomlfile import TomlFile, check_table, only_tables, read_toml, tables
from ..text import HAN

FIELDS = ("id", "simplified", "traditional", "pinyin", "literal", "english", "explanation", "category")
SCHEMA = {**dict.fromkeys(FIELDS, "line"), "explanation": "text", "related": "lines"}
CATEGORIES = {
    "campaign": "Campaigns and work style",
    "party": "Party organisation",
    "governance": "Government and administration",
    "economy": "Economic policy",
    "idiom": "Idioms and set phrases",
    "place": "Places",
    "institution": "Institutions",
}


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


@dataclass(frozen=True)
class Glossary:
    entries: tuple[Entry, ...]
    by_id: dict[str, Entry]
    by_simplified: dict[str, Entry]

    @property
    def multi_character_terms(self) -> tuple[str, ...]:
        return tuple(form for form in self.by_simplified if len(form) > 1)


def load_glossary(path: Path, shown: str) -> Glossary:
    return load_glossaries([(path, shown)])


def load_glossaries(files: list[tuple[Path, str]], root: Path | None = None) -> Glossary:
    """One glossary from several files; a term defined twice anywhere is an error.
    Each file must be inside `root` (content/; by default the file's own folder)."""
    entries, places = [], []
    for path, shown in files:
        if not present(path):
            raise ContentError(Place(shown, 1, 1), "glossary file not found")
        doc = read_toml(path, shown, root or path.parent)
        only_tables(doc, ("term",))
        for where, table in tables(doc, "term"):
            entries.append(make_entry(doc, where, table))
            places.append(doc.place(*where))
    return index_glossary(entries, places)


def make_entry(doc: TomlFile, where: tuple, table: dict) -> Entry:
    place = doc.place(*where)
    check_table(doc, where, table, SCHEMA, "a glossary entry")
    missing = [name for name in FIELDS if not table.get(name, "").strip()]
    if missing:
        raise ContentError(place, f"glossary entry lacks {', '.join(missing)}")
    if table["category"] not in CATEGORIES:
        raise ContentError(doc.place(*where, "category"),
                           f"unknown category {table['category']!r} (one of {', '.join(CATEGORIES)})")
    syllables = tuple(table["pinyin"].split())
    if len(syllables) != len(HAN.findall(table["simplified"])):
        raise ContentError(place, f"pinyin {table['pinyin']!r} needs one syllable per character of "
                           f"{table['simplified']!r}")
    values = {name: table[name] for name in FIELDS}
    return Entry(**{**values, "pinyin": syllables}, related=tuple(table.get("related", ())))


def index_glossary(entries: list[Entry], places: list[Place]) -> Glossary:
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
        unknown = [name for name in entry.related if name not in by_id]
        if unknown:
            raise ContentError(place, f"related entries not in the glossary: {', '.join(unknown)}")
    return Glossary(tuple(entries), by_id, by_simplified)
