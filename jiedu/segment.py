"""Stage 5, segment: split each block's Simplified text into words.

As pypinyin does: Han runs are split from everything else first, so punctuation,
digits and Latin pass through untouched and segmentation is lossless. Within a Han
run, glossary terms are matched first (longest wins) so they always come out as
single words; jieba segments what lies between.
"""

import re
from dataclasses import dataclass, replace

from .model import Block, Word
from .text import HAN_RUN

NON_HAN_TOKEN = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?%?|[A-Za-z]+|\s+|.", re.S)


@dataclass(frozen=True)
class Segmenter:
    """A jieba Tokenizer (its own instance, not jieba's global) plus the glossary terms."""

    tokenizer: object
    terms: frozenset[str]
    longest_term: int

    def cut_han(self, run: str) -> list[str]:
        words, gap_start, position = [], 0, 0
        while position < len(run):
            term = self._term_at(run, position)
            if term:
                words += self._jieba(run[gap_start:position]) + [term]
                position = gap_start = position + len(term)
            else:
                position += 1
        return words + self._jieba(run[gap_start:])

    def _term_at(self, run: str, position: int) -> str:
        for length in range(min(self.longest_term, len(run) - position), 1, -1):
            if run[position:position + length] in self.terms:
                return run[position:position + length]
        return ""

    def _jieba(self, text: str) -> list[str]:
        return list(self.tokenizer.cut(text, HMM=True)) if text else []


def make_segmenter(tokenizer, terms: tuple[str, ...]) -> Segmenter:
    return Segmenter(tokenizer, frozenset(terms), max((len(t) for t in terms), default=0))


def split_words(text: str, segmenter: Segmenter) -> list[str]:
    words, position = [], 0
    for run in HAN_RUN.finditer(text):
        words += NON_HAN_TOKEN.findall(text[position:run.start()])
        words += segmenter.cut_han(run.group())
        position = run.end()
    return words + NON_HAN_TOKEN.findall(text[position:])


def segment(block: Block, segmenter: Segmenter) -> Block:
    words, offset = [], 0
    for piece in split_words(block.text, segmenter):
        words.append(Word(text=piece, trad=block.trad[offset:offset + len(piece)]))
        offset += len(piece)
    return replace(block, words=tuple(words))
