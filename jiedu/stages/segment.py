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

from ..lexicon.dictionary import Dictionary
from ..model import Block, Word
from ..text import HAN_RUN, longest_spans

# The most common Chinese surnames (about 150 of the Hundred Family Surnames).
SURNAME_INITIALS = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
    "钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛"
    "邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝"
    "路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全"
    "佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    "朴区盖乐召尉")  # and the surnames with special readings (rules.SURNAMES)
NON_HAN_TOKEN = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?%?|[A-Za-z]+|\s+|.", re.S)
NAME_TAGS = frozenset(("nr", "ns", "nz", "nt"))
NO_TERMS = (0, 0, None)  # (characters covered, minus the number of terms, the terms) of a stretch with none
OBJECT_STARTS = frozenset("nrt")
"""First letters of the tags a word after 将 has when 将 marks an object: nouns (n, nr,
ns ...), pronouns (r), glossary terms (term)."""
RETAGGED = frozenset({("将", "p")})
"""(word, tag) pairs the segment stage gives where jieba never does (`mark_object_jiang`)."""


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
        for start, term in self._best_terms(run):
            words += self._jieba(run[gap_start:start]) + [(term, "term")]
            gap_start = start + len(term)
        return mark_object_jiang(words + self._jieba(run[gap_start:]))

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
        words, known, known_first = [], self.known, self.known_first
        for word, tag in pairs:
            # jieba's word list cannot tell 严重性 from a name; the dictionary's capitals can.
            if tag == "nr" and common_word(word, known):
                tag = "n"
            if len(word) < 2 or tag[:2] in NAME_TAGS or word in known_first or word in known:
                words.append((word, tag))
            else:
                words += self._known_parts(word, tag)
        return words

    def _known_parts(self, word: str, tag: str) -> list[tuple[str, str]]:
        return [(word[s:e], self._tag_of(word[s:e], tag)) for s, e in longest_spans(word, self.known)]

    def _tag_of(self, word: str, fallback: str) -> str:
        """Its own dictionary tag (干 a verb); a name's only where `retag_name` keeps it (新年贺词's 贺词)."""
        return retag_name(word, getattr(self.tagger, "word_tag_tab", {}).get(word, fallback), self.known)


def mark_object_jiang(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """jieba tags 将 an adverb ("will") whatever its use; before a noun or pronoun it is
    the written object marker, like 把 (将其纳入, 将问题导向贯穿全程): tag it p then.
    Before a verb, adverb or preposition it stays "will" (将举行, 将大大提高, 将于)."""
    return [("将", "p") if word == "将" and tag == "d" and following[:1] in OBJECT_STARTS else (word, tag)
            for (word, tag), (_, following) in zip(pairs, [*pairs[1:], ("", "")])]


def split_adverbial_de(pairs: list[tuple[str, str]], known: dict) -> list[tuple[str, str]]:
    """jieba's HMM glues adverbial 地 to the next verb (鲜明/地树/起来); split it off
    when the glued word is not in the dictionary and follows an adjective."""
    result: list[tuple[str, str]] = []
    for word, tag in pairs:
        glued = len(word) > 1 and word[0] == "地" and word not in known
        if glued and result and result[-1][1] in ("a", "ad", "z"):
            result += [("地", "uv"), (word[1:], "v")]
        else:
            result.append((word, retag_name(word, tag, known)))
    return result


def retag_name(word: str, tag: str, known) -> str:
    """jieba tags many common words `nr` (弘扬, 晋升, 严重性); keep `nr` only for what
    looks like a personal name: a known surname, then a given name that is no common word."""
    if not tag.startswith("nr"):  # nr, nrt (transliterated), nrfg (famous)
        return tag
    if word[0] not in SURNAME_INITIALS or not 2 <= len(word) <= 4:
        return "n"
    return "n" if common_word(word, known) else "nr"


def common_word(word: str, known) -> bool:
    """In the dictionary, and not as a name: CC-CEDICT writes names' pinyin with capitals
    (曾国藩 Zēng Guó fān) and words' without (严重性 yán zhòng xìng). A plain word list
    cannot tell; there a three-character word after a surname counts as a name."""
    rows = getattr(known, "by_simplified", {}).get(word)
    if rows:
        return not any(row[2][:1].isupper() for row in rows)
    return word in known and len(word) != 3


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
        words += segmenter.cut_han(run.group(), splits)
        position = run.end()
    return words + [(t, "x") for t in NON_HAN_TOKEN.findall(text[position:])]


def segment(block: Block, segmenter: Segmenter, splits: tuple = ()) -> Block:
    words, offset, trad = [], 0, block.trad
    for piece, tag in split_words(block.text, segmenter, splits):
        end = offset + len(piece)
        words.append(Word(text=piece, trad=trad[offset:end], tag=tag))
        offset = end
    return replace(block, words=tuple(words))
