"""The per-article pipeline, as data: every stage from read to vocabulary, in order.

A stage is `(name, function(draft, tools) -> draft)`. Each fills its own field of the
frozen Draft (None until then, so a stage that runs too early fails loudly) and may
add findings; `run` is a loop over STAGES, and bench/build_corpus.py times the same
list. Only read touches files; writing the site is incremental/'s job.
"""

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from .errors import ContentError
from .lexicon.vocabulary import vocabulary
from .model import Article, Block, Cleaned, Finding, Place, Section, Source
from .resources import Resources
from .stages.align import align
from .stages.annotate import annotate_all
from .stages.clean import clean
from .stages.convert import convert_all
from .stages.crosscheck import disagreements, guessed_readings
from .stages.overrides import Overrides, unmatched
from .stages.propernames import capitalise, name_blocks
from .stages.read import read_article
from .stages.runmemo import RunMemo
from .stages.segment import segment_all
from .stages.structure import structure
from .text import HAN


@dataclass(frozen=True)
class Tools:
    """What every stage may use: the heavy resources, built once, and the site's overrides."""

    resources: Resources
    site_overrides: Overrides = Overrides()
    root: Path = Path(".")
    """The folder holding content/: paths in messages are relative to it."""
    traditional: str = "tw"
    """site.toml `[reader] traditional`: the Traditional standard for Simplified sources."""
    parts: int = 1
    """Cores a long article's segment and reading stages may use (`engines/forkmap.py`):
    more than 1 only in a build's worker process, which holds no threads."""


@dataclass(frozen=True)
class Draft:
    """One article on its way through STAGES; each field is None until its stage ran."""

    folder: Path | None = None
    """The article's folder in content/articles (the read stage's input)."""
    source: Source | None = None
    """read: the decoded source text, metadata, repairs, translation, own overrides."""
    cleaned: Cleaned | None = None
    """clean: artifacts removed, repairs applied, punctuation normalised, on the record."""
    sections: tuple[Section, ...] | None = None
    """structure: kicker, title, note, headings, paragraphs, dateline, byline."""
    blocks: tuple[Block, ...] | None = None
    """convert: Simplified and Traditional text; segment: words; annotate: pinyin and
    glossary terms; align: the translation."""
    disagreements: tuple | None = None
    """crosscheck: where the source's own scraped readings differ from ours."""
    vocabulary: tuple | None = None
    """vocabulary: each distinct word with its English, count and first use."""
    findings: tuple[Finding, ...] = ()
    """Warnings from every stage, in stage order."""


def _read(draft: Draft, tools: Tools) -> Draft:
    source, findings = read_article(draft.folder, tools.root, tools.resources.char_frequency)
    return replace(draft, source=source, findings=draft.findings + tuple(findings))


def _clean(draft: Draft, tools: Tools) -> Draft:
    cleaned = clean(draft.source)
    if not cleaned.text.strip():
        raise ContentError(Place(draft.source.path, 1, 1), "the source is empty")
    return replace(draft, cleaned=cleaned, findings=draft.findings + cleaned.findings)


def _structure(draft: Draft, tools: Tools) -> Draft:
    return replace(draft, sections=structure(draft.cleaned.text, draft.source.meta))


def _convert(draft: Draft, tools: Tools) -> Draft:
    return replace(draft, blocks=convert_all(draft.sections, tools.resources.converters, tools.traditional))


def _segment(draft: Draft, tools: Tools) -> Draft:
    splits = overrides_of(draft, tools).splits
    segmenter = RunMemo(tools.resources.segmenter, splits)  # an article's short runs cut once
    return replace(draft, blocks=segment_all(draft.blocks, segmenter, splits, tools.parts))


def _names(draft: Draft, tools: Tools) -> Draft:
    res = tools.resources
    return replace(draft, blocks=name_blocks(draft.blocks, res.names, res.dictionary or ()))


def _annotate(draft: Draft, tools: Tools) -> Draft:
    res, overrides = tools.resources, overrides_of(draft, tools)
    return replace(draft, blocks=annotate_all(draft.blocks, res.reader, res.glossary, overrides, tools.parts))


def _capitals(draft: Draft, tools: Tools) -> Draft:
    res = tools.resources
    return replace(draft, blocks=tuple(capitalise(b, res.names, res.dictionary) for b in draft.blocks))


def _align(draft: Draft, tools: Tools) -> Draft:
    blocks, findings = align(draft.blocks, draft.source)
    return replace(draft, blocks=blocks, findings=draft.findings + tuple(findings))


def _crosscheck(draft: Draft, tools: Tools) -> Draft:
    """The source's own readings against ours; the article's overrides that matched
    nothing; a source with no Chinese at all; readings that are guesses."""
    stale = unmatched(draft.source.overrides or Overrides(), draft.blocks)
    reader = tools.resources.reader
    guesses = guessed_readings(draft.source, draft.cleaned, draft.blocks, reader.guessed, reader.rare)
    findings = tuple(stale) + no_chinese(draft.source, draft.cleaned.text) + tuple(guesses)
    return replace(draft, disagreements=tuple(disagreements(draft.cleaned, draft.blocks)),
                   findings=draft.findings + findings)


def _vocabulary(draft: Draft, tools: Tools) -> Draft:
    res = tools.resources
    article = finished(replace(draft, vocabulary=()))
    words = tuple(vocabulary(article, res.glossary, res.dictionary, res.hsk)) if res.dictionary else ()
    return replace(draft, vocabulary=words)


Stage = Callable[[Draft, Tools], Draft]
STAGES: tuple[tuple[str, Stage], ...] = (
    ("read", _read),
    ("clean", _clean),
    ("structure", _structure),
    ("convert", _convert),
    ("segment", _segment),
    ("names", _names),
    ("annotate", _annotate),
    ("capitals", _capitals),
    ("align", _align),
    ("crosscheck", _crosscheck),
    ("vocabulary", _vocabulary),
)


def run(draft: Draft, tools: Tools, first: str = "read", last: str = "vocabulary") -> Draft:
    """The stages from `first` to `last`, in order."""
    names = [name for name, _ in STAGES]
    for _name, stage in STAGES[names.index(first):names.index(last) + 1]:
        draft = stage(draft, tools)
    return draft


def finished(draft: Draft) -> Article:
    return Article(draft.source, draft.cleaned, draft.blocks, draft.findings, draft.disagreements, draft.vocabulary)


def read_and_process(folder: Path, tools: Tools) -> Article:
    """An article folder through every stage."""
    return finished(run(Draft(folder=folder), tools))


def process_article(source: Source, resources: Resources, site_overrides: Overrides = Overrides()) -> Article:
    """An article already read, through every later stage."""
    return finished(run(Draft(source=source), Tools(resources, site_overrides), first="clean"))


def annotate_line(text: str, resources: Resources, overrides: Overrides = Overrides()) -> Block:
    """One line of any-script text through convert, segment, annotate (for `jiedu annotate`)."""
    draft = Draft(source=Source("-", "-", text, "utf-8", {}), sections=(Section("paragraph", text, 0),))
    return run(draft, Tools(resources, overrides), first="convert", last="capitals").blocks[0]


def overrides_of(draft: Draft, tools: Tools) -> Overrides:
    """The article's own reading and boundary overrides, then the site's."""
    return (draft.source.overrides or Overrides()) + tools.site_overrides


def no_chinese(source: Source, text: str) -> tuple[Finding, ...]:
    if HAN.search(text):
        return ()
    return (Finding(Place(source.path, 1, 1), "no-chinese", "the source has no Chinese characters"),)
