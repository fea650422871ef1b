"""The per-article pipeline, as data: a list of named stages run in order.

read and write are the edges (see site.py); everything here is pure. Block stages
are `(name, function(block, resources) -> block)`; the article stages around them
turn a Source into blocks and attach the translation.
"""

from dataclasses import replace

from .stages.align import align
from .stages.annotate import annotate
from .stages.clean import clean
from .stages.convert import convert
from .stages.crosscheck import disagreements
from .errors import ContentError
from .model import Article, Block, Finding, Place, Source
from .stages.overrides import Overrides, unmatched
from .resources import Resources
from .stages.segment import segment
from .stages.structure import structure
from .text import HAN

BLOCK_STAGES = (
    ("convert", lambda block, res, fixes: convert(block, res.converters)),
    ("segment", lambda block, res, fixes: segment(block, res.segmenter, fixes.splits)),
    ("annotate", lambda block, res, fixes: annotate(block, res.reader, res.glossary, fixes)),
)


def process_block(block: Block, resources: Resources, overrides: Overrides = Overrides()) -> Block:
    for _name, stage in BLOCK_STAGES:
        block = stage(block, resources, overrides)
    return block


def process_article(source: Source, resources: Resources, site_overrides: Overrides = Overrides()) -> Article:
    """Clean, structure, the block stages, then the translation. Overrides of the
    article itself that match nothing are reported here; site-wide ones by the site."""
    cleaned = clean(source)
    if not cleaned.text.strip():
        raise ContentError(Place(source.path, 1, 1), "the source is empty")
    own = source.overrides or Overrides()
    overrides = own + site_overrides
    blocks = tuple(process_block(b, resources, overrides) for b in structure(cleaned.text, source.meta))
    blocks, findings = align(blocks, source)
    stale = unmatched(own, blocks)
    findings = cleaned.findings + tuple(findings) + tuple(stale) + no_chinese(source, cleaned.text)
    return Article(source, cleaned, blocks, findings, tuple(disagreements(cleaned, blocks)))


def no_chinese(source: Source, text: str) -> tuple[Finding, ...]:
    if HAN.search(text):
        return ()
    return (Finding(Place(source.path, 1, 1), "no-chinese", "the source has no Chinese characters"),)


def annotate_line(text: str, resources: Resources, overrides: Overrides = Overrides()) -> Block:
    """One line of any-script text through convert, segment, annotate (for `jiedu annotate`)."""
    return process_block(replace(Block("paragraph", text, 0)), resources, overrides)
