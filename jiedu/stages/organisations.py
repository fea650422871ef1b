"""Organisations built from generic parts (issue #16): 中央 财经 领导小组 办公室, 苏共 中央,
卢王庄 公社, 广东 省委, no list knows them whole. A capital on each of their words (GB/T
16159), the words as the segmenter cut them (the boundaries between them stay).

An organisation ends in a head word and takes the words before it that name it:
- a committee (委员会, 领导小组, 书记处 ...) after one noun or more (宪法 起草 委员会: the first
  word a noun, the others nouns or verbs);
- a unit (办公室, 公社, 大队, 出版社 ...) the same, when a name, a national opening (中央, 全国,
  国家) or a committee is among them (a 办公室 after 个人 is no name);
- a party or local committee (中央, 省委, 市委, 党委 ...) or a party (人民党) right after a place
  or party name (苏共 中央, 广东 省委, 蒙古 人民党); 中央 only after a party (…共, …党).
A single word ending in such a head that CC-CEDICT does not know as a common word (人民出版社,
国防委员会) is one too. The words are tagged `ORG_TAG`; the capitals stage capitalises each.
"""

from dataclasses import replace

from ..model import Block, Word

ORG_TAG = "nto"
"""A word of an organisation's name found by its shape."""
COMMITTEES = frozenset(("委员会", "领导小组", "小组", "书记处", "政治局", "常委会", "委会"))
UNITS = frozenset(("办公室", "公社", "大队", "生产大队", "出版社", "研究室", "研究院", "研究所", "办事处", "管理局"))
HEADS = tuple(sorted(COMMITTEES | UNITS))
LOCAL = frozenset(("中央", "市委", "省委", "党委", "县委", "区委", "州委", "地委"))
"""Heads right after a name only; and a party's name (人民党, 民主党 ...): 蒙古 人民党."""
PARTY = "党"
OPENINGS = frozenset(("中央", "全国", "国家"))
LOOKALIKES = str.maketrans("巿", "市")
"""Characters sources print for another of the same shape (巿 fú for 市 shì: 北京巿委)."""
NOUNS = ("n", "vn", "nz", "nt", "ns", "nr", "j", ORG_TAG)
NAME_TAGS = ("ns", "nt", "nr", "j")
MOST_PARTS = 4


def organisations(block: Block, names, known) -> Block:
    words = join_lookalikes(block.words, names)
    tagged = list(words)
    for index, word in enumerate(words):
        for position in organisation(words, index, names, known):
            if words[position].text not in names:
                tagged[position] = replace(tagged[position], tag=ORG_TAG)
    tagged = tuple(tagged)
    return block if tagged == block.words else replace(block, words=tagged)


def organisation(words: tuple[Word, ...], index: int, names, known) -> range:
    """The positions of the organisation whose head is words[index], or none."""
    head = words[index].text.translate(LOOKALIKES)
    if head in LOCAL or len(head) >= 3 and head.endswith(PARTY):
        before = words[index - 1] if index else None
        party = head != "中央" or (before is not None and before.text.endswith(("共", "党")))
        return range(index - 1, index + 1) if before is not None and _a_name(before, names) and party else range(0)
    if head not in COMMITTEES and head not in UNITS:
        return range(index, index + 1) if _one_word(words[index], names, known) else range(0)
    start = index
    while start > 0 and index - start < MOST_PARTS and _a_part(words[start - 1], names):
        start -= 1
    while start < index and not words[start].tag.startswith(NOUNS) and words[start].text not in names:
        start += 1  # the first word a noun: 进入 办公室 is no name
    if index - start > 2 and not (_a_name(words[start], names) or words[start].text in OPENINGS):
        start = index - 2  # more than two parts only after a name: 代表 宪法 起草 委员会
    start = next((p for p in range(start, index) if _a_name(words[p], names)), start)  # 代表 | 中共中央 书记处
    parts = words[start:index]
    if not parts or head in UNITS and not any(_a_name(w, names) or w.text in OPENINGS or w.text in COMMITTEES
                                              for w in parts):
        return range(0)
    return range(start, index + 1)


def _a_part(word: Word, names) -> bool:
    return len(word.text) >= 2 and word.tag not in ("x", "override") and (
        word.tag.startswith(NOUNS) or word.tag.startswith(("v", "l")) or word.text in names)


def _a_name(word: Word, names) -> bool:
    return word.text in names or word.tag.startswith(NAME_TAGS) or word.tag == ORG_TAG


def _one_word(word: Word, names, known) -> bool:
    text = word.text
    if not text[1:].endswith(HEADS):  # ends in a head and is more than it: most words are not
        return False
    rows = getattr(known, "by_simplified", {}).get(text, ())
    return text not in names and not any(not row[2][:1].isupper() for row in rows)


def join_lookalikes(words: tuple[Word, ...], names) -> tuple[Word, ...]:
    """A lookalike split off a local head after a name joined again (北京 巿|委 -> 巿委)."""
    result = []
    for word in words:
        previous = result[-1] if result else None
        glued = previous is not None and (previous.text + word.text).translate(LOOKALIKES) in LOCAL
        if glued and previous.text != previous.text.translate(LOOKALIKES) and len(result) > 1 \
                and _a_name(result[-2], names):
            result[-1] = Word(previous.text + word.text, previous.trad + word.trad, tag="n")
        else:
            result.append(word)
    return tuple(result)
