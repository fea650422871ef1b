"""Segment: split each block's Simplified text into words.

As pypinyin does: Han runs are split from everything else first, so punctuation,
digits and Latin pass through untouched and segmentation is lossless. Within a Han
run, glossary terms are matched first (longest wins) so they always come out as
single words; jieba segments what lies between, with part-of-speech tags (its
posseg tokenizer also finds personal names, which plain `cut` often splits).
"""

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from itertools import compress, count
from operator import add

from ..engines.forkmap import split_work
from ..lexicon.dictionary import Dictionary
from ..model import Block, Word
from ..text import HAN_RUN, longest_spans
from .straddle import worse_cut
from .jiebawords import (RETAGGED, SURNAME_INITIALS, checked_name_tag, common_word, kept_whole,  # noqa: F401 (tests)
                         mark_object_jiang, retag_name, split_adverbial_de, split_day)

NON_HAN_TOKEN = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?%?|[A-Za-z]+|\s+|.", re.S)
NAME_TAGS = frozenset(("nr", "ns", "nz", "nt"))
NO_TERMS = (0, 0, None)  # (characters covered, minus the number of terms, the terms) of a stretch with none
@dataclass(frozen=True)
class Segmenter:
    """jieba's POS tokenizer (its own instance, not jieba's global) plus the glossary terms."""

    tagger: object
    """A `jieba.posseg.POSTokenizer` around a private `jieba.Tokenizer`."""
    terms: frozenset[str]
    term_lengths: dict[str, tuple[int, ...]]
    """First two characters -> the lengths of the terms starting with them, ascending."""
    known: object = None
    """A set-like dictionary (`word in known`): jieba's words it lacks are split into
    the longest words it has (工作效率 -> 工作 + 效率), so every word can be explained.
    Names (nr, ns, nz, nt tags) stay whole. None: jieba's words as they are."""
    known_first: object = None
    """Where most known words are found at C speed (a Dictionary's Simplified index, or
    `known` itself): looked in before `known`, whose `in` may be a Python method."""

    def cut_han(self, run: str, splits: tuple = ()) -> list[tuple[str, str]]:
        """Override splits first (a person said so; the first listed that occurs, at its first
        place, and so on along the run: one pass), then glossary terms, then jieba."""
        words, position, places = [], 0, [run.find(split.context) for split in splits]
        while True:
            places = [run.find(s.context, position) if -1 < at < position else at for s, at in zip(splits, places)]
            hit = next((number for number, at in enumerate(places) if at != -1), None)
            if hit is None:
                return words + self._cut_terms(run[position:])
            split, at = splits[hit], places[hit]
            tags = split.tags or ["override"] * len(split.words)
            words += self.cut_han(run[position:at], splits) + list(zip(split.words, tags))
            position = at + len(split.context)

    def _cut_terms(self, run: str) -> list[tuple[str, str]]:
        words, gap_start = [], 0
        for start, term in self._checked(run, self._best_terms(run)):
            words += self._jieba(run[gap_start:start]) + [(term, "term")]
            gap_start = start + len(term)
        return mark_object_jiang(words + self._jieba(run[gap_start:]))

    def _checked(self, run: str, terms: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """The terms that survive a check of both cuts: where a known word of jieba's own cut of
        the run straddles a term's edge, the cut that leaves fewer single characters over the
        two wins (人|民进|入 against 人民 进入, 政治局|面 against 政治 局面: jieba's; 勇毅笃行|者
        against 勇|毅|笃|行者: the term's)."""
        if not terms:
            return terms
        spans, position = [], 0
        cut = getattr(self.tagger.tokenizer, "cut", None)
        for word in cut(run, HMM=False) if cut else (pair.word for pair in self.tagger.cut(run, HMM=False)):
            spans.append((position, position + len(word), self._known(word)))
            position += len(word)
        return [(start, term) for start, term in terms if not worse_cut(spans, start, start + len(term))]

    def _known(self, word: str) -> bool:
        return self.known is None or word in self.known_first or word in self.known

    def _best_terms(self, run: str) -> list[tuple[int, str]]:
        """Non-overlapping glossary terms covering the most characters, then the fewest
        terms: 包头市委 is 包头 + 市委 (4 covered), not 包头市 + a stray 委 (3). Best
        choices from right to left, at the places where a term's first two characters
        are (found at C speed: most runs have none); elsewhere the next place's holds. A
        choice is linked, ((start, term), rest): copying lists made long runs quadratic."""
        lengths = list(map(self.term_lengths.get, map(add, run, run[1:])))
        starts = list(compress(count(), lengths))
        best = [NO_TERMS] * (len(starts) + 1)  # best[i]: from starts[i] on; the last, after all
        for index in range(len(starts) - 1, -1, -1):
            start, choice = starts[index], best[index + 1]
            for length in lengths[start]:
                if start + length <= len(run) and run[start:start + length] in self.terms:
                    covered, negative_count, chosen = best[bisect_left(starts, start + length)]
                    candidate = (covered + length, negative_count - 1, ((start, run[start:start + length]), chosen))
                    if candidate[:2] > choice[:2]:
                        choice = candidate
            best[index] = choice
        terms, chosen = [], best[0][2]
        while chosen is not None:
            terms.append(chosen[0])
            chosen = chosen[1]
        return terms

    def _jieba(self, text: str) -> list[tuple[str, str]]:
        if not text:
            return []
        pairs = [(pair.word, pair.flag) for pair in self.tagger.cut(text, HMM=True)]
        pairs = split_adverbial_de(pairs, self.tagger.tokenizer.FREQ)
        return pairs if self.known is None else self._known_words(pairs)

    def _known_words(self, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Each word as it is when known (most are: checked inline, cheapest test first),
        else `_known_parts`."""
        words, known, known_first, freq = [], self.known, self.known_first, self.tagger.tokenizer.FREQ
        for word, tag in pairs:
            # jieba's word list cannot tell 严重性 from a name; the dictionary's capitals can.
            tag = checked_name_tag(word, tag, known, freq)
            if len(word) < 2 or tag[:2] in NAME_TAGS or word in known_first or word in known or kept_whole(word, tag, freq):
                words.append((word, tag))
            else:
                words += self._known_parts(word, tag)
        return words

    def _known_parts(self, word: str, tag: str) -> list[tuple[str, str]]:
        return [(word[s:e], self._tag_of(word[s:e], tag)) for s, e in longest_spans(word, self.known)]

    def _tag_of(self, word: str, fallback: str) -> str:
        """Its own dictionary tag (干 a verb); a name's only where `retag_name` keeps it (新年贺词's 贺词)."""
        return retag_name(word, getattr(self.tagger, "word_tag_tab", {}).get(word, fallback), self.known)


def make_segmenter(tagger, terms: tuple[str, ...], known=None) -> Segmenter:
    known_first = known.by_simplified if isinstance(known, Dictionary) else known
    return with_terms(Segmenter(tagger, frozenset(), {}, known, known_first), terms)


def with_terms(segmenter: Segmenter, terms: tuple[str, ...]) -> Segmenter:
    """The same segmenter matching these glossary terms (an article's own glossary's too)."""
    lengths: dict[str, set[int]] = {}
    for term in terms:
        if len(term) > 1:  # one character is never a term
            lengths.setdefault(term[:2], set()).add(len(term))
    return replace(segmenter, terms=frozenset(terms), term_lengths={p: tuple(sorted(n)) for p, n in lengths.items()})


def split_words(text: str, segmenter: Segmenter, splits: tuple = ()) -> list[tuple[str, str]]:
    """(word, tag) pairs; non-Han tokens are tagged `x`. Joined, the words are `text`."""
    words, position = [], 0
    for run in HAN_RUN.finditer(text):
        words += [(t, "x") for t in NON_HAN_TOKEN.findall(text[position:run.start()])]
        cut = segmenter.cut_han(run.group(), splits)
        words += split_day(cut) if run.start() and text[run.start() - 1].isdigit() else cut
        position = run.end()
    return words + [(t, "x") for t in NON_HAN_TOKEN.findall(text[position:])]


def segment(block: Block, segmenter: Segmenter, splits: tuple = ()) -> Block:
    return with_words(block, split_words(block.text, segmenter, splits))


def segment_all(blocks: tuple[Block, ...], segmenter: Segmenter, splits: tuple = (), parts: int = 1) -> tuple[Block, ...]:
    """Every block segmented; a long article's blocks cut on up to `parts` cores."""
    def work(run: tuple[Block, ...]) -> list[Block]:
        return [segment(block, segmenter, splits) for block in run]
    return tuple(split_work(work, blocks, [len(block.text) for block in blocks], parts, _packed, _unpacked))


def _packed(blocks: list[Block]) -> list:
    return [[(word.text, word.tag) for word in block.words] for block in blocks]


def _unpacked(blocks: tuple[Block, ...], pairs: list) -> list[Block]:
    return [with_words(block, words) for block, words in zip(blocks, pairs)]


def with_words(block: Block, pairs: list[tuple[str, str]]) -> Block:
    """The block with these (word, tag) pairs as its words; joined, they are its text."""
    words, offset, trad = [], 0, block.trad
    for piece, tag in pairs:
        end = offset + len(piece)
        words.append(Word(text=piece, trad=trad[offset:end], tag=tag))
        offset = end
    return replace(block, words=tuple(words))
