"""Attach the English translation to blocks, paragraph by paragraph.

The translation file has one blank-line-separated paragraph per block, in block
order. A count mismatch is reported at the first paragraph that has no partner;
blocks past the end keep `translation=None`, extra paragraphs are reported.
HTML comments are no English: `jiedu new` writes a skeleton of one slot per block,
the Chinese in a comment, and a slot still empty leaves its block untranslated.
"""

import re
from dataclasses import replace

from ..model import Block, Finding, Place, Source


def align(blocks: tuple[Block, ...], source: Source) -> tuple[tuple[Block, ...], list[Finding]]:
    if source.translation is None:
        return blocks, []
    paragraphs, starts = source.translation, source.translation_lines
    aligned = tuple(replace(b, translation=english(p)) for b, p in zip(blocks, paragraphs)) + blocks[len(paragraphs):]
    if len(paragraphs) == len(blocks):
        return aligned, []
    line = starts[len(blocks)] if len(paragraphs) > len(blocks) else (starts[-1] if starts else 1)
    message = (f"translation has {len(paragraphs)} paragraphs but the article has {len(blocks)} blocks"
               f" ({_first_unmatched(blocks, len(paragraphs))})")
    return aligned, [Finding(Place(source.translation_path, line, 1), "translation-count", message)]


COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def english(paragraph: str) -> str | None:
    """The paragraph without its comments, or None when nothing else is left."""
    if "<!--" not in paragraph:
        return paragraph
    return COMMENT.sub("", paragraph).strip() or None


def _first_unmatched(blocks: tuple[Block, ...], count: int) -> str:
    if count >= len(blocks):
        return "extra paragraphs from this line on"
    block = blocks[count]
    return f"first untranslated block: {block.kind} {block.source[:12]!r}"
