"""The per-article pipeline, as data: a list of named stages run in order.

read and write are the edges (see site.py); everything here is pure. Block stages
are `(name, function(block, resources) -> block)`; the article stages around them
turn a Source into blocks and attach the translation.
"""

from dataclasses import replace

from .align import align
from .annotate import annotate
from .clean import clean
from .convert import convert
from .model import Article, Block, Source
from .resources import Resources
from .segment import segment
from .structure import structure

BLOCK_STAGES = (
    ("convert", lambda block, res: convert(block, res.converters)),
    ("segment", lambda block, res: segment(block, res.segmenter)),
    ("annotate", lambda block, res: annotate(block, res.reader, res.glossary)),
)


def process_block(block: Block, resources: Resources) -> Block:
    for _name, stage in BLOCK_STAGES:
        block = stage(block, resources)
    return block


def process_article(source: Source, resources: Resources) -> Article:
    cleaned = clean(source)
    blocks = tuple(process_block(b, resources) for b in structure(cleaned.text, source.meta))
    blocks, findings = align(blocks, source)
    return Article(source, cleaned, blocks, cleaned.findings + tuple(findings))


def annotate_line(text: str, resources: Resources) -> Block:
    """One line of any-script text through convert, segment, annotate (for `jiedu annotate`)."""
    return process_block(replace(Block("paragraph", text, 0)), resources)
