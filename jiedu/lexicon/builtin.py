"""The built-in political lexicon, `jiedu/data/lexicon/*.toml`, as glossary entries.

Its files name entries by their Simplified form; here each gets a stable ASCII id, its
toneless pinyin joined by hyphens (九二共识 jiu-er-gong-shi), and `related` becomes ids.
Parsing 2,500 entries with tomllib takes most of a second, so the entries are kept in
the user cache per version of the files and of this code; reading them back takes
milliseconds (hashing all of jiedu's code, `usercache.code_key`, would take more).
`tests/test_lexicon_data.py` checks every entry of the files.
"""

import hashlib
import re
import tomllib
from importlib import resources as package_files
from pathlib import Path

from ..engines.usercache import marshalled
from ..syllables import toneless
from .glossary import Entry, Glossary, indexed

FIELDS = ("simplified", "traditional", "pinyin", "literal", "english", "explanation", "category", "related",
          "english_source", "role")
NOT_ID = re.compile(r"[^a-z0-9]+")


def load_lexicon(cache: Path | None) -> Glossary:
    """Every entry of the lexicon, in (file name, position) order."""
    files = lexicon_files()
    path = cache / f"lexicon-{lexicon_key(files)[:16]}.marshal" if cache else None
    rows = marshalled(path, lambda: lexicon_rows(files), stale="lexicon-*.marshal")
    return indexed([entry_of(row) for row in rows])


def lexicon_key(files: list[tuple[str, str]]) -> str:
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for name, text in files:
        digest.update(f"{name}\0{text}\0".encode())
    return digest.hexdigest()


def entry_of(row: tuple) -> Entry:
    id_, simplified, traditional, pinyin, literal, english, explanation, category, related, source, role = row
    return Entry(id_, simplified, traditional, tuple(pinyin), literal, english, explanation, category, tuple(related),
                 source, role, "lexicon")


def lexicon_rows(files: list[tuple[str, str]]) -> list[tuple]:
    """(id, then FIELDS in order) per entry: plain values, for marshal."""
    terms = [term for _name, text in files for term in tomllib.loads(text).get("term", [])]
    ids = entry_ids([term["pinyin"] for term in terms])
    by_form = {term["simplified"]: id_ for term, id_ in zip(terms, ids)}
    rows = []
    for term, id_ in zip(terms, ids):
        values = {**term, "pinyin": term["pinyin"].split(), "related": [by_form[form] for form in term.get("related", ()) if form in by_form]}
        rows.append((id_, *(values.get(name, "") for name in FIELDS)))
    return rows


def lexicon_files() -> list[tuple[str, str]]:
    """(file name, text) of each lexicon file, by name."""
    folder = package_files.files("jiedu").joinpath("data/lexicon")
    files = sorted((item.name, item) for item in folder.iterdir() if item.name.endswith(".toml"))
    return [(name, item.read_text(encoding="utf-8")) for name, item in files]


def entry_ids(pinyins: list[str]) -> list[str]:
    """Toneless pinyin joined by hyphens, ü as v; the second entry with the same id
    gets -2, the third -3 (in the order given)."""
    ids, seen = [], {}
    for pinyin in pinyins:
        base = NOT_ID.sub("-", toneless(pinyin, umlaut="v")).strip("-") or "term"
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids
