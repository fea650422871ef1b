"""Which of CC-CEDICT's senses a word shows first, where the file's order misleads.

CC-CEDICT lists a character's senses roughly oldest first: 干 gàn "tree trunk", 项
"back of neck", 月 "moon", 把 "to hold". A learner reading the news needs "to do",
"item", "month" and, for 把 used as a preposition, the object marker. The table
(`data/senses.toml`, reviewed by hand) names, for a word and its reading (and, where the
sense depends on the part of speech, a jieba tag prefix), CC-CEDICT senses to move to
the front. It only reorders: every sense shown is still CC-CEDICT's own, word for word.
"""

import tomllib
from dataclasses import replace
from importlib import resources as package_files

FILE = "data/senses.toml"

Preferred = dict[tuple[str, str], tuple[tuple[str, tuple[str, ...]], ...]]
"""(word, tone-marked reading) -> ((jieba tag prefix, or "" for any, senses to put first), ...)."""


def parse_senses(text: str) -> Preferred:
    table: dict = {}
    for number, row in enumerate(tomllib.loads(text).get("sense", []), 1):
        problem = _row_problem(row)
        key = (row.get("word"), row.get("pinyin"))
        if not problem and any(tag == row.get("tag", "") for tag, _ in table.get(key, ())):
            problem = f"repeats {row['word']} {row['pinyin']} for the same tag"
        if problem:
            raise ValueError(f"jiedu/{FILE}: [[sense]] number {number} {problem}")
        table.setdefault(key, []).append((row.get("tag", ""), tuple(row["first"])))
    # A row for a tag is tried before the row for any tag.
    return {key: tuple(sorted(rows, key=lambda row: not row[0])) for key, rows in table.items()}


def _row_problem(row: dict) -> str:
    unknown = set(row) - {"word", "pinyin", "tag", "first"}
    first = row.get("first")
    if unknown:
        return f"has unknown key(s) {', '.join(sorted(unknown))}"
    if not (isinstance(row.get("word"), str) and isinstance(row.get("pinyin"), str) and isinstance(first, list)
            and first and all(isinstance(sense, str) for sense in first) and isinstance(row.get("tag", ""), str)):
        return "needs word, pinyin and a list `first` (tag, if any, a string)"
    return ""


def load_senses() -> Preferred:
    return parse_senses(package_files.files("jiedu").joinpath(FILE).read_text(encoding="utf-8"))


def preferred_first(entries: tuple, preferred: Preferred, word: str, pinyin: tuple[str, ...],
                    tag: str | None) -> tuple:
    """`entries` with the table's senses first: the entry holding them (written like the
    chosen entry) moves to the front, its listed senses first in the table's order. `tag`
    None (a part of a word) takes only rows for any tag."""
    first = _senses_for(preferred.get((word, " ".join(pinyin)), ()), tag)
    if not first or not entries:
        return entries
    # Only the chosen entry's own form: the table must not undo the Traditional form's
    # choice (里 written 里 is the unit li, not 裡 "inside").
    chosen = entries[0]
    holder = next((entry for entry in entries if entry.traditional == chosen.traditional
                   and entry.pinyin == chosen.pinyin and first[0] in entry.senses), None)
    if holder is None:
        return entries
    senses = (*(s for s in first if s in holder.senses), *(s for s in holder.senses if s not in first))
    return (replace(holder, senses=senses), *(entry for entry in entries if entry is not holder))


def _senses_for(rows, tag: str | None) -> tuple[str, ...]:
    for row_tag, first in rows:
        if not row_tag or (tag is not None and tag.startswith(row_tag)):
            return first
    return ()
