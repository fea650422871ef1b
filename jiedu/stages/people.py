"""Personal names no list knows (issue #16): a surname + a given name of one or two
characters that the segmenter cut into single characters (白|少|康), found by its
context, then made whole everywhere in the article.

- Shape: a surname from `jiedu/data/surnames.toml` (司马 a double one), a given name of one
  or two characters, the whole no common CC-CEDICT word, each piece a single character.
- Cues: an item of a list of names separated by 、 (most of whose items are names already:
  王鴻津、白少康、劉金國), or a title right before or after it (記者白少康, 白少康主席).
- The article's own repetitions: a name seen whole once is joined wherever it is split in
  that article, and a given name of two characters that is no common word (近平) stands
  alone as one word, capitalised as a given name.
"""

from dataclasses import replace

from ..lexicon.propernames import PERSON, TITLES, ProperNames
from ..model import Block, Word

NOT_GIVEN = frozenset("的了是在和与及等也都就而为把被对从向于之其这那有没不")
"""Function characters: never inside a given name."""
GIVEN_TAG = "nrg"
"""The tag of a given name standing alone (近平): capitalised once, read as a name."""
LIST_MARK = "、"
NOUN_LIKE = ("n", "z", "g", "j")
"""First letters of jieba's tags of a stray piece of a foreign name (蓬 n, 佩 zg): no verb (说),
numeral or function word."""
FOREIGN_TAG = "nrt"
"""jieba's tag of a transliterated name (谢苗诺夫): one word, one capital."""


def people(blocks: tuple[Block, ...], names: ProperNames, known, spelled=lambda words, names, known: ()) -> tuple[Block, ...]:
    """The article's blocks with the names found by their cues whole, and joined again
    wherever else they are split; given names alone made one word. `spelled`: a block's
    transliterations found by their characters (`foreign.spelled_out`)."""
    if names.surnames is None:
        return blocks
    found, foreign = set(), set()
    for block in blocks:
        foreign |= set(spelled(block.words, names, known))
        found |= {text for text in cued_names(block.words, names, known)}
        foreign |= {text for text in transliterated(block.words, names, known)}
    seen = found | {w.text for b in blocks for w in b.words if w.tag == "nr" or names.kind(w.text) == PERSON}
    given = {g for g in (given_name(name, names, known) for name in seen) if g}
    chinese = {text for text in found if text not in foreign or names.surnames.length(text, common_only=True)}
    whole = {text: "nr" for text in seen if 2 <= len(text) <= 4 and names.surnames.length(text)}  # seen whole once
    tags = {**whole, **{t: FOREIGN_TAG for t in foreign}, **{t: "nr" for t in chinese}, **{t: GIVEN_TAG for t in given}}
    return tuple(titled_surnames(_whole(block, tags), names) for block in blocks)


def titled_surnames(block: Block, names: ProperNames) -> Block:
    """A common surname alone right before a title is a person's (曾 主席 Zēng zhǔxí, 梁 议员):
    tagged `nr`, read and capitalised as a surname; the title stays its own word. Not a verb
    (任 主任 "serve as"), nor after a noun or pronoun (高岗 任 主任, 他 任 ...)."""
    words = block.words
    wanted = [index for index, word in enumerate(words[:-1]) if words[index + 1].text in TITLES
              and len(word.text) == 1 and word.tag not in ("x", "nr") and not word.tag.startswith("v")
              and word.text not in NOT_GIVEN and names.surnames.length(word.text, common_only=True)
              and not (index and words[index - 1].tag.startswith(("n", "r", "term")))]
    if not wanted:
        return block
    return replace(block, words=tuple(replace(w, tag="nr") if i in wanted else w for i, w in enumerate(words)))


def cued_names(words: tuple[Word, ...], names: ProperNames, known) -> list[str]:
    """The name-shaped stretches of single-character words that a cue points to."""
    result = []
    for start, end in _list_items(words, names):
        text = "".join(w.text for w in words[start:end])
        if shaped(words[start:end], names, known):
            result.append(text)
    for index, word in enumerate(words):
        if word.text in TITLES:
            result += _next_to(words, index, names, known)
    return result


def _list_items(words: tuple[Word, ...], names: ProperNames) -> list[tuple[int, int]]:
    """(start, end) of the Han items of the block's lists of names: runs of Han words next
    to a 、, when at least two of them, and half or more, are names already."""
    items, start = [], 0
    for index in range(len(words) + 1):
        if index == len(words) or words[index].tag == "x":
            if index > start and (_mark(words, start - 1) or _mark(words, index)):
                items.append((start, index))
            start = index + 1
    persons = sum(1 for s, e in items if e - s == 1 and (words[s].tag == "nr" or names.kind(words[s].text) == PERSON))
    return items if persons >= 2 and 2 * persons >= len(items) else []


def _mark(words: tuple[Word, ...], index: int) -> bool:
    return 0 <= index < len(words) and words[index].text == LIST_MARK


def _next_to(words: tuple[Word, ...], index: int, names: ProperNames, known) -> list[str]:
    """A name-shaped stretch right before the title, or right after it (and a ：)."""
    after = index + 1 + (index + 1 < len(words) and words[index + 1].text in ("：", ":"))
    for size in (3, 2):
        for start in (index - size, after):
            stretch = words[max(0, start):start + size]
            if len(stretch) == size and shaped(stretch, names, known) and not _glued(words, start + size, known):
                return ["".join(w.text for w in stretch)]
    return []


def _glued(words: tuple[Word, ...], end: int, known) -> bool:
    """The stretch's last character makes a word with the word after it (和|副 + 主席: 副主席)."""
    return end < len(words) and common_word(words[end - 1].text + words[end].text, known)


def transliterated(words: tuple[Word, ...], names: ProperNames, known) -> list[str]:
    """Foreign names in transliteration that jieba left in pieces, right after a title
    (国务卿 蓬|佩|奥, 总统 泽|连斯基): two to four pieces, single characters (at least one)
    or jieba's guessed names, no two of them a word together, the whole no word or known name."""
    result = []
    for index in (i for i, word in enumerate(words) if word.text in TITLES):
        for size in (4, 3, 2):
            stretch = words[index + 1:index + 1 + size]
            if len(stretch) == size and _foreign(stretch, names, known) and not _glued(words, index + 1 + size, known):
                result.append("".join(w.text for w in stretch))
                break
    return result


def _foreign(stretch: tuple[Word, ...], names: ProperNames, known) -> bool:
    text = "".join(w.text for w in stretch)
    pieces = all(len(w.text) == 1 and w.tag[:1] in NOUN_LIKE or len(w.text) > 1 and w.tag == "nr" for w in stretch)
    apart = not any(common_word(a.text + b.text, known) for a, b in zip(stretch, stretch[1:]))
    return (pieces and apart and any(len(w.text) == 1 for w in stretch) and 3 <= len(text) <= 6
            and not NOT_GIVEN & set(text) and not common_word(text, known) and text not in names)


def shaped(stretch: tuple[Word, ...], names: ProperNames, known) -> bool:
    """A surname + one or two given characters, no common word, no known non-person
    name, each piece a single Han character (or one word jieba tagged a person)."""
    text = "".join(w.text for w in stretch)
    surname = names.surnames.length(text)
    pieces = all(len(w.text) == 1 and w.tag != "x" for w in stretch) or (len(stretch) == 1 and stretch[0].tag == "nr") \
        or len(stretch) == 2 and len(stretch[0].text) == 1 and len(stretch[1].text) == 2 and stretch[1].tag != "x"  # 王 建国
    return (pieces and surname and 1 <= len(text) - surname <= 2 and not NOT_GIVEN & set(text)
            and not common_word(text, known) and names.kind(text) in (None, PERSON))


def given_name(name: str, names: ProperNames, known) -> str | None:
    """The given name of a three-character name with a single surname when it is no
    common word and no other name (近平 of 习近平)."""
    if len(name) != 3 or names.surnames.length(name) != 1:
        return None
    given = name[1:]
    return None if given in known or given in names or NOT_GIVEN & set(given) else given


def common_word(text: str, known) -> bool:
    rows = getattr(known, "by_simplified", {}).get(text)
    return any(not row[2][:1].isupper() for row in rows) if rows else text in known


def _whole(block: Block, tags: dict[str, str]) -> Block:
    """Each wanted name (text -> its tag) one word wherever its pieces stand apart."""
    words, result, index = block.words, [], 0
    while index < len(words):
        end = _joined_end(words, index, tags)
        if end > index + 1 or tags.get(words[index].text) == GIVEN_TAG:
            text = "".join(w.text for w in words[index:end])
            result.append(Word(text, "".join(w.trad for w in words[index:end]), tag=tags[text]))
        else:
            result.append(words[index])
        index = end
    result = tuple(result)
    return block if result == block.words else replace(block, words=result)


def _joined_end(words: tuple[Word, ...], index: int, wanted) -> int:
    """The end of the words from `index` (single characters, or jieba's guessed names) that
    make a wanted name."""
    text, best = "", index + 1
    for end in range(index, min(len(words), index + 4)):
        if len(words[end].text) != 1 and words[end].tag not in ("nr", "ns", FOREIGN_TAG) or words[end].tag in ("x", "term", "override"):
            break
        text += words[end].text
        if end > index and text in wanted:
            best = end + 1
    return best
