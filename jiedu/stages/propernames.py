"""Proper names (issue #16, GB/T 16159): known names split off the word they were glued
to, then capitals by what a name is.

Two passes, around annotate:
- `split_names` (after segment): a word that starts with a known name and goes on with a
  word of its own is two words (庐山会议 -> 庐山 + 会议, 中华人民共和国宪法 -> 中华人民共和国
  + 宪法), so the name can carry its capitals;
- `capitalise` (after annotate): each word's capitals from what it is, whatever its reading
  came from (a glossary term's pinyin too): a known name's own (`lexicon.propernames`: Xí
  Jìn píng, Mǎ kè sī, Zhōng huá Rén mín Gòng hé guó); a person jieba tags `nr` (the segment
  stage keeps that tag only for a surname + a given name that is no common word) on the
  surname and the given name; a place or organisation jieba tags `ns`/`nt` that CC-CEDICT
  does not know as a common word on its first syllable; every other word none (外国, 宝贵).
"""

from dataclasses import dataclass, replace

from ..lexicon.propernames import NAME, PERSON, TITLES, ProperNames, name_words, word_capitals
from ..text import longest_spans
from ..model import Block, Word
from .foreign import spelled_out
from .organisations import LOCAL, ORG_TAG, organisations
from .names import COMPOUND_SURNAMES
from .people import GIVEN_TAG, people

PLACE_TAGS = ("ns",)
"""jieba's place tag: an unknown word so tagged is capitalised; its `nt` guesses (人力资源部)
are not, only the organisations the name lists know."""
KEPT = ("term", "override")
"""Words a person chose (glossary terms, boundary overrides): never joined or split."""
LONGEST_JOIN = 5
LONG_NAME = 5
"""A name of this many characters or more that no dictionary has whole is written as its words."""
"""The most words joined into one name."""


def name_blocks(blocks: tuple[Block, ...], names: ProperNames, known) -> tuple[Block, ...]:
    """The names stage: known names whole (`split_names`), then the people no list knows
    (`people.people`, over the whole article), then organisations built from generic
    parts (`organisations.organisations`)."""
    blocks = people(tuple(split_names(block, names, known) for block in blocks), names, known, spelled_out)
    return tuple(organisations(block, names, known) for block in blocks)


def split_names(block: Block, names: ProperNames, known) -> Block:
    """Known names whole: joined where the segmenter split them, split off where it glued them."""
    joined = join_names(block.words, names)
    words = tuple(piece for word in joined for part in _split_off(word, names, known)
                  for piece in long_name_words(part, names, known))
    return block if words == block.words else replace(block, words=words)


def join_names(words: tuple[Word, ...], names: ProperNames) -> tuple[Word, ...]:
    """Consecutive words (none a boundary override or a time word: 31日 + 电 is no 日电) that together are a known name, as one
    word: the segmenter splits names jieba's dictionary lacks into known parts (栗 + 战书),
    and a glossary term inside a longer name splits it (共和 in 中华人民共和国)."""
    result, index = [], 0
    while index < len(words):
        end = _name_end(words, index, names)
        result.append(_joined(words[index:end], names) if end > index + 1 else words[index])
        index = end
    return tuple(result)


def _name_end(words: tuple[Word, ...], index: int, names: ProperNames) -> int:
    """The end of the longest run of words from `index` that is a known name; index + 1 if none
    (at once where no name begins with the word: most words)."""
    if words[index].text not in names.beginnings:
        return index + 1
    return next((end for end in range(min(len(words), index + LONGEST_JOIN), index + 1, -1)
                 if _joinable(words[index:end], names)), index + 1)


def _joinable(words: tuple[Word, ...], names: ProperNames) -> bool:
    return not any(word.tag in ("override", "t") for word in words) and "".join(word.text for word in words) in names


def _joined(words: tuple[Word, ...], names: ProperNames) -> Word:
    text = "".join(word.text for word in words)
    return Word(text, "".join(word.trad for word in words), tag=_name_tag(text, names))


def _name_tag(text: str, names: ProperNames) -> str:
    return "nr" if names.kind(text) == PERSON else "nt"


def _split_off(word: Word, names: ProperNames, known) -> tuple[Word, ...]:
    """The word, or its leading name and the rest when the rest is a dictionary word; a glossary
    term only when the rest is a title (GB/T 16159 writes them apart: 中央军委 主席; 省委 书记, so
    that 广东 省委 is an organisation)."""
    text, term = word.text, word.tag == "term"
    if len(text) < 4 or word.term or word.tag in KEPT and not term or text in names:
        return (word,)
    for end in range(len(text) - 2, 1, -1):
        head, rest = text[:end], text[end:]
        if (head in names or term and head in LOCAL) and (rest in TITLES if term else rest in known):
            return (Word(head, word.trad[:end], tag=_name_tag(head, names)),
                    Word(rest, word.trad[end:], tag="n" if term else word.tag))
    return (word,)


def long_name_words(word: Word, names: ProperNames, known) -> tuple[Word, ...]:
    """A long name that no dictionary has whole is its words (the gold's standard: 中央 财经
    领导小组), the longest known names or words from the left, each capitalised as a name's
    word; one CC-CEDICT has (中华人民共和国) stays one word."""
    text, lookup = word.text, getattr(known, "by_simplified", known)
    if len(text) < LONG_NAME or word.tag in KEPT or names.kind(text) != NAME or text in lookup:
        return (word,)
    spans = longest_spans(text, _KnownOrName(lookup, names, text))
    if len(spans) < 2 or any(end - start < 2 for start, end in spans):
        return (word,)
    return tuple(Word(text[s:e], word.trad[s:e], tag=_name_tag(text[s:e], names) if text[s:e] in names else ORG_TAG)
                 for s, e in spans)


@dataclass(frozen=True)
class _KnownOrName:
    """A known word or name, but not the whole being cut."""
    lookup: object
    names: ProperNames
    whole: str

    def __contains__(self, text: str) -> bool:
        return text != self.whole and (text in self.names or text in self.lookup)


def capitalise(block: Block, names: ProperNames, known) -> Block:
    words = tuple(_capitalised(word, names, known) for word in block.words)
    return block if words == block.words else replace(block, words=words)


def _capitalised(word: Word, names: ProperNames, known) -> Word:
    if not word.pinyin or len(word.pinyin) != len(word.text):
        return word
    capitals = capitals_of(word, names, known)
    if capitals is None:
        return word
    pinyin = with_capitals(word.pinyin, capitals)
    sandhi = with_capitals(word.sandhi, capitals) if word.sandhi else ()
    return word if (pinyin, sandhi) == (word.pinyin, word.sandhi) else replace(word, pinyin=pinyin, sandhi=sandhi)


def capitals_of(word: Word, names: ProperNames, known) -> frozenset[int] | None:
    """The indices to capitalise; None: leave the word's own (a glossary term's pinyin)."""
    pattern = names.pattern(word.text)
    if pattern is not None:
        return pattern
    if word.tag == ORG_TAG:  # a word of an organisation's name, a glossary term's too (中央 政治局)
        return word_capitals(word.text, getattr(known, "by_simplified", {}))
    if word.term:
        return None
    if word.tag == "nr" and len(word.text) == 1:
        return frozenset({0})  # a surname before a title (曾 主席)
    if word.tag == "nr" and 2 <= len(word.text) <= 4:
        return frozenset({0, surname_length(word.text, names)}) - {len(word.text)}
    if word.tag == GIVEN_TAG or word.tag == "nrt" and len(word.text) > 1 and not common_word(word.text, known):
        return frozenset({0})  # a given name alone (近平), a transliteration (谢苗诺夫 Xiè miáo nuò fū)
    if word.tag in PLACE_TAGS and len(word.text) > 1 and not common_word(word.text, known) \
            and not all(common_word(part, known) for part in name_words(word.text, getattr(known, "by_simplified", {}))):
        return word_capitals(word.text, getattr(known, "by_simplified", {}))  # 洋浦 开发区, not 特大 城市
    return frozenset()


def surname_length(name: str, names: ProperNames | None = None) -> int:
    double = names.surnames.double if names is not None and names.surnames else COMPOUND_SURNAMES
    return 2 if name[:2] in double or len(name) == 4 else 1


def common_word(word: str, known) -> bool:
    """CC-CEDICT reads it without a capital (外国 wài guó, 两国 liǎng guó)."""
    rows = getattr(known, "by_simplified", {}).get(word, ())
    return any(not row[2][:1].isupper() for row in rows)


def with_capitals(syllables: tuple[str, ...], capitals: frozenset[int]) -> tuple[str, ...]:
    return tuple(s[:1].upper() + s[1:] if i in capitals else s[:1].lower() + s[1:] for i, s in enumerate(syllables))
