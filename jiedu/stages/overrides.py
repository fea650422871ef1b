"""Overrides a person can review: fix a reading or a word boundary in context.

Site-wide in `content/overrides.toml`, per article in its folder's `overrides.toml`:

    [[reading]]
    context = "靠数据量工作"      # Simplified text around the fix, as it appears
    target = "量"                # the part of the context to re-read
    pinyin = "liáng"             # one syllable per character of target
    note = "量 is the verb 'to measure' here"

    [[words]]
    context = "局长金志强坦言"     # Han text only
    split = ["局长", "金志强", "坦言"]
    tags = ["n", "nr", "v"]          # optional: nr makes a personal name (capitals, name readings)

An override whose context occurs nowhere is reported (file:line), so fixes do not
silently rot when a text is edited. Glossary terms keep their own pinyin.
"""

from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError
from ..model import Block, Finding, Place
from ..files.contentfile import present
from ..files.tomlfile import TomlFile, check_table, only_tables, read_toml, tables
from ..text import HAN, HAN_RUN


@dataclass(frozen=True)
class ReadingOverride:
    context: str
    start: int
    """Offset of the target inside the context."""
    pinyin: tuple[str, ...]
    place: Place


@dataclass(frozen=True)
class SplitOverride:
    context: str
    words: tuple[str, ...]
    place: Place
    tags: tuple[str, ...] = ()
    """Optional part-of-speech tags (jieba's: `nr` for a person's name, `ns` a place)."""


@dataclass(frozen=True)
class Overrides:
    readings: tuple[ReadingOverride, ...] = ()
    splits: tuple[SplitOverride, ...] = ()

    def __add__(self, other: "Overrides") -> "Overrides":
        return Overrides(self.readings + other.readings, self.splits + other.splits)


READING = {"context": "line", "target": "line", "pinyin": "line", "note": "text"}
WORDS = {"context": "line", "split": "lines", "tags": "lines", "note": "text"}


def load_overrides(path: Path, shown: str, root: Path | None = None) -> Overrides:
    """The overrides in `path`, which must be inside `root` (content/; by default its own folder)."""
    if not present(path):
        return Overrides()
    doc = read_toml(path, shown, root or path.parent)
    only_tables(doc, ("reading", "words"))
    readings = tuple(_reading(doc, where, table) for where, table in tables(doc, "reading"))
    splits = tuple(_split(doc, where, table) for where, table in tables(doc, "words"))
    return Overrides(readings, splits)


def _reading(doc: TomlFile, where: tuple, table: dict) -> ReadingOverride:
    check_table(doc, where, table, READING, "a [[reading]] override")
    place = doc.place(*where)
    context, target, pinyin = table.get("context", ""), table.get("target", ""), tuple(table.get("pinyin", "").split())
    if not context or not target or target not in context:
        raise ContentError(place, "a reading override needs `context` and a `target` inside it")
    if len(pinyin) != len(HAN.findall(target)) or len(target) != len(HAN.findall(target)):
        raise ContentError(place, f"`pinyin` needs one syllable per character of {target!r}")
    return ReadingOverride(context, context.index(target), pinyin, place)


def _split(doc: TomlFile, where: tuple, table: dict) -> SplitOverride:
    check_table(doc, where, table, WORDS, "a [[words]] override")
    place = doc.place(*where)
    context, words, tags = table.get("context", ""), tuple(table.get("split", ())), tuple(table.get("tags", ()))
    if not HAN_RUN.fullmatch(context or " ") or "".join(words) != context:
        raise ContentError(place, "a words override needs a Han-only `context` that its `split` joins back to")
    if tags and len(tags) != len(words):
        raise ContentError(place, "`tags` needs one tag per word of `split`")
    return SplitOverride(context, words, place, tags)


def apply_readings(block: Block, overrides: Overrides, syllables: list[str]) -> list[str]:
    """Per-character syllables of a block with every matching reading override applied."""
    result = list(syllables)
    for override in overrides.readings:
        start = block.text.find(override.context)
        while start != -1:
            at = start + override.start
            result[at:at + len(override.pinyin)] = override.pinyin
            start = block.text.find(override.context, start + 1)
    return result


def unmatched(overrides: Overrides, blocks: tuple[Block, ...]) -> list[Finding]:
    texts = [b.text for b in blocks]
    return not_found(overrides, {o.context for o in (*overrides.readings, *overrides.splits)
                                 if any(o.context in t for t in texts)})


def not_found(overrides: Overrides, found: set[str]) -> list[Finding]:
    """A finding for each override whose context is not among the contexts `found`."""
    return [Finding(o.place, "override-unmatched", f"context {o.context!r} occurs nowhere in the text")
            for o in (*overrides.readings, *overrides.splits) if o.context not in found]
