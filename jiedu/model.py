"""The values that flow through the pipeline. All frozen: stages return new ones."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """A position in a file a person can open: 1-based line and column (code points)."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Finding:
    """A warning for the author: something damaged, unmatched or inconsistent."""

    place: Place
    code: str
    """Stable short name, e.g. `damaged-text`, `translation-count`."""
    message: str

    def __str__(self) -> str:
        return f"{self.place}: {self.code}: {self.message}"


@dataclass(frozen=True)
class Edit:
    """One change the clean stage made to the source, in source coordinates."""

    start: int
    """Offset (code points) into the decoded source text."""
    end: int
    original: str
    replacement: str
    kind: str
    """`artifact` (scraped `字(pinyin)` removed), `repair` (from repairs.toml) or `punctuation`."""
    note: str = ""
    """For artifacts, the reading the source claimed; for repairs, the author's reason."""
    place: Place | None = None


@dataclass(frozen=True)
class Source:
    """An article as read from content/: decoded text plus its metadata."""

    slug: str
    path: str
    """Path of the source text file, as shown in messages."""
    text: str
    encoding: str
    meta: dict
    repairs: tuple = ()
    """Raw repair tables from repairs.toml, each with its own `place`."""
    repairs_path: str = ""
    translation: tuple[str, ...] | None = None
    """Translation paragraphs (Markdown), in block order, or None."""
    translation_path: str = ""
    translation_lines: tuple[int, ...] = ()
    """Line in the translation file where each paragraph starts."""
    overrides: object = None
    """The article's own reading and word-boundary overrides (`stages.overrides.Overrides`)."""


@dataclass(frozen=True)
class Cleaned:
    """Source text after artifacts, repairs and punctuation, and the record of each change."""

    text: str
    source_index: tuple[int, ...]
    """For each character of `text`, its offset in the source text (repairs map to their start)."""
    edits: tuple[Edit, ...]
    findings: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)  # slots: a long article holds hundreds of thousands
class Word:
    """One segmented word. Joining a block's words' `text` gives the block's text."""

    text: str
    """Simplified form, as shown by default."""
    trad: str
    """Traditional form: the source's own character where it was Traditional."""
    pinyin: tuple[str, ...] = ()
    """Tone-marked syllables, exactly one per Han character of `text`; empty otherwise."""
    term: str | None = None
    """Glossary entry id, or None."""
    tag: str = ""
    """jieba's part-of-speech tag (`nr` person, `ns` place, `v` verb ...); reading rules use it."""
    sandhi: tuple[str, ...] = ()
    """The same syllables with 一/不 tone sandhi, when that differs; else empty."""


@dataclass(frozen=True)
class Section:
    """What the structure stage finds: a kicker, title, note, heading, paragraph, dateline or byline."""

    kind: str
    source: str
    """Text as cleaned, in the source's script (a heading's lines joined by a newline)."""
    start: int
    """Offset of `source` in the cleaned text."""


@dataclass(frozen=True)
class Block:
    """A section with its Simplified and Traditional text (the convert stage), its words
    (segment, then annotate) and its translation (align)."""

    kind: str
    source: str
    """Text as cleaned, in the source's script (a heading's lines joined by a newline)."""
    start: int
    """Offset of `source` in the cleaned text."""
    text: str
    """Simplified text."""
    trad: str
    """Traditional text, same length as `text`."""
    words: tuple[Word, ...] | None = None
    """None until the segment stage cuts the text; words with pinyin after annotate."""
    translation: str | None = None
    """English translation as Markdown, or None (no translation, or none for this block)."""


@dataclass(frozen=True)
class Article:
    """Everything about one article, as the render stage needs it."""

    source: Source
    cleaned: Cleaned
    blocks: tuple[Block, ...]
    findings: tuple[Finding, ...]
    disagreements: tuple
    """Where a scraped reading differs from jiedu's (`stages.crosscheck.Disagreement`)."""
    vocabulary: tuple
    """Each distinct word with its English, count and first sentence (`lexicon.vocabulary.VocabularyItem`)."""
