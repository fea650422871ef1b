"""Reading rules decided by a word's class: particles after what they mark, and
single characters whose reading follows their part of speech.

Same shape as `rules.py` (`(words, index, syllables) -> syllables`, listed in its
RULES); tags are jieba's. Each covers a class the news gold (bench/data/news_gold/)
showed the reading stage missing, where the g2pM model is confidently wrong.
"""

from ..model import Word

CLAUSE_END = tuple("，。；！？：、,;!?:")
# 地 after a set phrase (an idiom, a fixed expression, or any four characters) that
# modifies what follows: 坚定不移地推进, 实事求是地分析, 坚持不懈地为此… (de, not dì).
SET_PHRASE_TAGS = ("i", "l")
# 有 + a word + 地 before what it modifies is an adverbial, de: 有计划地发展, 有组织地开展,
# 有步骤地推进 (jieba tags the words nouns or verbs, so the tag rules miss them).
HAVING = ("有", "没有")
# What a degree or potential complement after 得 starts with: 提得过大, 提得太高, 看得清,
# 说得出来, 做得不够.
COMPLEMENT_TAGS = ("a", "d", "v", "ug")
# Single characters read by part of speech when they stand alone as a word.
# 应 as a verb is the modal yīng, "should" (不应再是, 应予); yìng ("answer") lives in
# words (回应, 应对, 应邀) or takes an aspect particle (应了一声); after 的 it is a name.
# 难 as an adjective or adverb is nán, "difficult" (相当难, 很难); nàn is in 灾难, 遇难.
ALONE = {
    "应": ("yīng", ("v",)),
    "难": ("nán", ("a", "ad", "d")),
}
# 重 tagged an adjective before a word of two or more characters that is not a plain verb
# is zhòng, "heavy, serious" (重污染天数); before one character it may be chóng, "again"
# (人重录旁白, jieba's 录 a morpheme), and as an adverb or a verb it is (重走, 重来).
# 假 is jià, "leave, holiday", after a season or a kind of leave (寒假, 暑假, 年假, 病假,
# 请假, 放假) and in 假期, 假日, 假条; elsewhere jiǎ, "false" (真假, 虚假, 作假, 假如).
LEAVE_BEFORE = frozenset("寒暑年病产婚事丧春休请度放销告准")
LEAVE_AFTER = frozenset("期日条")
ASPECT = ("了", "着", "过", "声")
# One-character names of countries and regions that pair with 蒙 "Mongolia".
REGIONS = frozenset("中苏俄满疆藏汉回日美朝韩")
# 差 alone is chà, "short of; poor", before a number or after an adverb (差一大截, 质量很差);
# elsewhere it may be the noun chā, "difference" (高差, 平方差, 像差).
# 铺 tagged a verb is pū, "to spread", after a modifier, a conjunction or a break (密铺,
# 和铺往, ，铺道岔) or before a complement (全面铺开, 铺上); after a noun or a verb it is most
# often the shop or bed pù (药铺, 包子铺) or a place name (递铺), left to the reading stage.
SPREAD_AFTER = ("a", "ad", "d", "c", "p", "x")
SPREAD_COMPLEMENTS = ("开", "上", "下", "满", "成", "平", "设", "到", "在")
# 调 "to adjust a level" is tiáo: before the direction (调低, 调高, 调大), and 下调/上调
# before what is adjusted, a common noun or a number (下调关税, 上调 3%). 下调到基层 and
# 上调天津队, "transfer down, up (to a team)", are diào.
LEVELS = ("低", "高", "大", "小", "快", "慢")
ADJUSTED = {"下调": ("xià", "tiáo"), "上调": ("shàng", "tiáo")}


def _neighbour(words: tuple[Word, ...], index: int) -> Word | None:
    return words[index] if 0 <= index < len(words) else None


def de_after_set_phrase(words: tuple[Word, ...], index: int, syllables: tuple[str, ...]) -> tuple[str, ...]:
    """地 between a set phrase and what it modifies is de; so is 地 that jieba tags as the
    adverbial marker (uv) between a word of content and a verb (系统地提出; not 等地考察,
    "in those places"), and 地 after 有 + a word (有计划地发展). Before a break it is the noun
    (严厉打击地、富、反、坏: the landlords)."""
    before, after = _neighbour(words, index - 1), _neighbour(words, index + 1)
    if words[index].text != "地" or before is None or after is None or after.text.startswith(CLAUSE_END):
        return syllables
    marker = words[index].tag == "uv" and after.tag == "v" and len(before.text) >= 2 and before.tag.startswith(("n", "a", "d"))
    having = (len(before.text) >= 2 and before.tag.startswith(("n", "v"))
              and index >= 2 and words[index - 2].text in HAVING)
    if before.tag in SET_PHRASE_TAGS or len(before.text) >= 4 or marker or having:
        return ("de",)
    return syllables


def meng_mongolia(words: tuple[Word, ...], index: int, syllables: tuple[str, ...]) -> tuple[str, ...]:
    """蒙 as the short name of Mongolia is Měng: after 外/内 (外蒙), paired with another
    country or region's one-character name (蒙满, 蒙疆, 中蒙) or listed beside one (苏、蒙联军).
    Elsewhere it is the verb méng (蒙受, 启蒙) or the surname Méng."""
    word = words[index]
    if "蒙" not in word.text:
        return syllables
    paired = len(word.text) == 2 and word.text.replace("蒙", "", 1) in REGIONS
    if word.text == "蒙":
        before, after = _neighbour(words, index - 1), _neighbour(words, index + 1)
        listed = [w for w in (_neighbour(words, index - 2) if before and before.text == "、" else None,
                              _neighbour(words, index + 2) if after and after.text == "、" else None) if w]
        paired = bool(before and before.text in ("外", "内") or any(w.text in REGIONS for w in listed))
    if not paired:
        return syllables
    return tuple("měng" if char == "蒙" else s for char, s in zip(word.text, syllables))


def de_complement(words: tuple[Word, ...], index: int, syllables: tuple[str, ...]) -> tuple[str, ...]:
    """得 alone right after a verb, before a complement, is the particle de: 提得过大,
    看得清. (dé "to get" takes an object: 分得土地; 他得了第一 has no verb before it.)"""
    before, after = _neighbour(words, index - 1), _neighbour(words, index + 1)
    if (words[index].text == "得" and before is not None and before.tag.startswith("v") and after is not None
            and (after.tag.startswith(COMPLEMENT_TAGS) or after.text.startswith("不"))):
        return ("de",)
    return syllables


def cha_short_of(words: tuple[Word, ...], index: int, syllables: tuple[str, ...]) -> tuple[str, ...]:
    before, after = _neighbour(words, index - 1), _neighbour(words, index + 1)
    number_after = after is not None and after.tag == "m"
    if words[index].text == "差" and (number_after or before is not None and before.tag == "d"):
        return ("chà",)
    return syllables


def pu_spread(words: tuple[Word, ...], index: int, syllables: tuple[str, ...]) -> tuple[str, ...]:
    before, after = _neighbour(words, index - 1), _neighbour(words, index + 1)
    if words[index].text != "铺" or not words[index].tag.startswith("v"):
        return syllables
    if before is None or before.tag in SPREAD_AFTER or after is not None and after.text.startswith(SPREAD_COMPLEMENTS):
        return ("pū",)
    return syllables


def tiao_adjust(words: tuple[Word, ...], index: int, syllables: tuple[str, ...]) -> tuple[str, ...]:
    word, after = words[index], _neighbour(words, index + 1)
    if word.text == "调" and after is not None and after.text.startswith(LEVELS):
        return ("tiáo",)
    if word.text in ADJUSTED and after is not None and after.tag in ("n", "m", "x") and after.text.strip():
        return ADJUSTED[word.text]
    return syllables


def by_part_of_speech(words: tuple[Word, ...], index: int, syllables: tuple[str, ...]) -> tuple[str, ...]:
    """A character of ALONE standing as a word, with one of its tags (any, where None),
    not followed by an aspect particle, takes ALONE's reading."""
    word, after = words[index], _neighbour(words, index + 1)
    reading, tags = ALONE.get(word.text, (None, None))
    if reading is None or (tags is not None and word.tag not in tags):
        return syllables
    if after is not None and after.text.startswith(ASPECT):
        return syllables
    return (reading,)


def zhong_heavy(words: tuple[Word, ...], index: int, syllables: tuple[str, ...]) -> tuple[str, ...]:
    after = _neighbour(words, index + 1)
    if words[index].text == "重" and words[index].tag == "a" and after and len(after.text) >= 2 and after.tag != "v":
        return ("zhòng",)
    return syllables


def jia_leave(words: tuple[Word, ...], index: int, syllables: tuple[str, ...]) -> tuple[str, ...]:
    """假 in a two-character word for a kind of leave or holiday is jià (LEAVE_BEFORE, LEAVE_AFTER)."""
    text = words[index].text
    leave = len(text) == 2 and (text[1] == "假" and text[0] in LEAVE_BEFORE or text[0] == "假" and text[1] in LEAVE_AFTER)
    if not leave:
        return syllables
    return tuple("jià" if char == "假" else s for char, s in zip(text, syllables))
