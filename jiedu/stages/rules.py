"""Reading rules: small, tested corrections applied to words in context.

Each rule looks at one word in its block (the words around it are context) and
the syllables chosen so far, and returns syllables. They run after dictionary readings and before glossary
pinyin (which always wins). Tags are jieba's part-of-speech tags.
"""

from typing import Callable

from ..model import Word
from .names import name_capitals, personal_names, place_names
from .wordclass import (by_part_of_speech, cha_short_of, de_after_set_phrase, de_complement, jia_leave, meng_mongolia,
                        pu_spread, tiao_adjust, zhong_heavy)

Rule = Callable[[tuple[Word, ...], int, tuple[str, ...]], tuple[str, ...]]

# Citation tones: dictionaries bake tone sandhi into some words (一起 yì qǐ, 不会 bú huì)
# but not others; we show citation tones everywhere, as the glossary does.
CITATION = {"一": "yī", "不": "bù"}
# 为 is wéi ("to be, to become") after verbs of change or judgement: 转化为, 分为, 视为.
WEI_AFTER = tuple("化变转改分定选评列划称视译成作认升降折沦结合")
# 以 X 为 Y ("take X as Y") when Y is one of these nouns: 以…为抓手, 以…为核心.
YI_WEI_OBJECTS = ("抓手", "核心", "重点", "目标", "导向", "基础", "主线", "契机", "载体", "依托", "引领", "中心",
                  "根本", "宗旨", "方向", "标准", "前提", "主体", "龙头", "突破口", "切入点", "落脚点", "出发点",
                  "着力点", "主", "本", "荣", "耻", "先", "重", "例", "鉴", "师", "题", "名", "准", "纲", "期", "界", "由", "转移")
CLAUSE_END = tuple("，。；！？：,;!?:")
# Words a rule reads past its own for the clause's end (text without punctuation has none).
CLAUSE_REACH = 40
# A verb's particles, after which 为 starts a phrase ("for"): jieba sometimes glues them
# to it (提高了为项目服务). Not adverbs: 更为 and 均为 are gèng wéi, jūn wéi.
GLUED_BEFORE_WEI = ("了", "着", "过")
# Adverbs before the copula 为 wéi, "to be": 均为, 更为强硬, 分别为.
COPULA_ADVERBS = ("均", "皆", "即", "乃", "亦", "更", "较", "极", "尤", "甚", "颇", "最", "原", "实", "分别", "大多",
                  "大都", "主要", "多")
# Verbs ending like a verb of change whose object is an action, not a role: 决定为…提供
# ("decided to provide for"), 团结为…奋斗, 工作为…: 为 stays as wei_for read it.
CLAUSE_VERBS = ("决定", "工作", "合作", "配合", "团结")
# A one-character verb + 为 is "as, into" (wéi): 选为代表, 评为, 改为, 召为.
VERBS_BEFORE_WEI = frozenset("选评称改变化分定列视认任立封拜奉升降划转译编合结指聘尊誉追召推命")  # not 并: "and for"
# 为 + a person is "for": 都为他高兴, 我为你骄傲 (unless a verb comes first: 选为我们的代表).
PERSONS = ("我", "你", "您", "他", "她", "我们", "你们", "他们", "她们", "咱们", "大家", "自己", "人家", "别人")
# Tagged as verbs, but not the verb of a "for …" phrase: 近三年来, 为…而去.
NOT_VERBS_HERE = ("来", "去", "是")
DEMONSTRATIVES = ("这", "那", "一", "两", "每", "该", "各", "此", "某")
ADVERB_MAKERS = {"a", "ad", "d", "z", "ag", "an", "b"}


def _previous(words: tuple[Word, ...], index: int) -> Word | None:
    return words[index - 1] if index > 0 else None


def citation_tones(words: tuple[Word, ...], index: int, syllables: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(CITATION.get(char, s) for char, s in zip(words[index].text, syllables))


def wei_after_verbs(words: tuple[Word, ...], index: int, syllables: tuple[str, ...]) -> tuple[str, ...]:
    previous = _previous(words, index)
    if (words[index].text == "为" and previous and previous.tag.startswith("v") and previous.text.endswith(WEI_AFTER)
            and previous.text not in CLAUSE_VERBS):
        return ("wéi",)
    return syllables


def wei_for(words: tuple[Word, ...], index: int, syllables: tuple[str, ...]) -> tuple[str, ...]:
    """为 alone (or glued to 了/着/过: 提高了为项目服务) is wèi, "for; in order to", when a
    verb follows in its clause (为人民服务, 为企业发展提供保障, 为实现…而奋斗). It is
    the copula wéi after an adverb (均为, 更为), in the passive 为…所 + verb (为人所知),
    after a one-character verb (选为, 评为), and before a number, 最 or 近 with no verb
    after (女性为63%, 为近三年来最高). Before a person, not after a verb, it is wèi
    (都为他高兴, 我为你骄傲). Otherwise the reading stage's choice stands; the rules after
    this one may still make it wéi (转化为, 以…为抓手)."""
    text, previous = words[index].text, _previous(words, index)
    glued = len(text) == 2 and text[1] == "为" and text[0] in GLUED_BEFORE_WEI
    if text != "为" and not glued:
        return syllables
    rest = _rest_of_clause(words, index)
    if previous is not None and (previous.text in COPULA_ADVERBS or previous.text in VERBS_BEFORE_WEI) or (
            _passive(rest)):
        return syllables[:-1] + ("wéi",)
    if any(w.tag.startswith("v") and w.text not in NOT_VERBS_HERE for w in rest) or _for_a_person(rest, previous):
        return syllables[:-1] + ("wèi",)
    if rest and (rest[0].text[:1].isdigit() or rest[0].text.startswith(("最", "近"))):
        return syllables[:-1] + ("wéi",)
    return syllables


def _for_a_person(rest: list[Word], previous: Word | None) -> bool:
    """为他高兴, 为自己的孩子骄傲: a person, then how one feels (an adjective or adverb).
    Not the copula (冠军为他们学校, 遇难者为他的妻子), not after a verb (选为我们的代表),
    not the passive (为我所用)."""
    return (bool(rest) and rest[0].text in PERSONS and not (previous and previous.tag.startswith("v"))
            and not any(w.text.startswith("所") for w in rest[1:2])
            and any(w.tag[:1] in ("a", "b", "d") for w in rest[1:]))  # jieba tags 高兴 b


def _passive(rest: list[Word]) -> bool:
    """为…所 + verb (为群众所称道); not 所 the measure word (为这所学校捐款)."""
    return any(w.text == "所" and 0 < n < len(rest) - 1 and rest[n + 1].tag.startswith("v")
               and rest[n - 1].text not in DEMONSTRATIVES for n, w in enumerate(rest))


def _rest_of_clause(words: tuple[Word, ...], index: int) -> list[Word]:
    rest = []
    for word in words[index + 1:index + 1 + CLAUSE_REACH]:
        if word.text.endswith(CLAUSE_END):
            break
        rest.append(word)
    return rest


def gan_by_part_of_speech(words: tuple[Word, ...], index: int, syllables: tuple[str, ...]) -> tuple[str, ...]:
    """干 alone: gàn as a verb ("to do": 担心干不到), gān as an adjective ("dry")."""
    word = words[index]
    if word.text == "干" and word.tag.startswith("v"):
        return ("gàn",)
    if word.text == "干" and word.tag.startswith("a"):
        return ("gān",)
    return syllables


def hao_after_verbs(words: tuple[Word, ...], index: int, syllables: tuple[str, ...]) -> tuple[str, ...]:
    """好 alone right after a verb is the result complement hǎo, "well, done": 跑好, 抓好,
    办好. (hào, "to be fond of", comes before its object, not after a verb.)"""
    previous = _previous(words, index)
    if words[index].text == "好" and previous and previous.tag.startswith("v"):
        return ("hǎo",)
    return syllables


def jin_alone(words: tuple[Word, ...], index: int, syllables: tuple[str, ...]) -> tuple[str, ...]:
    """劲 as a word of its own is the noun jìn, "effort, strength" (不松劲, 有劲); jìng
    ("strong") lives inside words jieba keeps whole (强劲, 劲敌, 刚劲)."""
    return ("jìn",) if words[index].text == "劲" else syllables


def yi_x_wei_y(words: tuple[Word, ...], index: int, syllables: tuple[str, ...]) -> tuple[str, ...]:
    """以 X 为 Y, "take X as Y": 以…为抓手, 以人为本, 以…为斗争方向, 以…为转移. 为 is wéi
    when Y is a known object, or when the rest of the clause is a noun phrase: no verb in
    it but one that modifies a noun (以人民满意为领导行为的最高准则; 以实际行动为群众办事 is
    "for"). After 视 ("regard X as Y": 视之为) it is always wéi. A noun or number before
    为 and a noun phrase after it make 为 the copula, "is" (1978-1982年为…提出的阶段)."""
    if words[index].text != "为" or index + 1 >= len(words):
        return syllables
    rest, previous = _rest_of_clause(words, index), _previous(words, index)
    object_after = words[index + 1].text.startswith(YI_WEI_OBJECTS) or _noun_phrase(rest)
    for earlier in reversed(words[max(0, index - CLAUSE_REACH):index]):
        if earlier.text.endswith(CLAUSE_END):
            break
        if earlier.text == "视" or object_after and earlier.text in ("以", "以此", "以之"):  # jieba keeps 以此 whole
            return ("wéi",)
    if _noun_phrase(rest) and previous is not None and previous.tag[:1] in ("n", "m", "t"):
        return ("wéi",)
    return syllables


def _noun_phrase(rest: list[Word]) -> bool:
    """Words ending in a noun with no predicate verb: a verb counts unless 的 follows it."""
    verbs = (w.tag == "v" and (n + 1 == len(rest) or rest[n + 1].text != "的") for n, w in enumerate(rest))
    return bool(rest) and rest[-1].tag.startswith("n") and not any(verbs)


def adverbial_de(words: tuple[Word, ...], index: int, syllables: tuple[str, ...]) -> tuple[str, ...]:
    """地 after an adjective or adverb of two or more characters is the adverbial de (鲜明地,
    积极地); after one character it is mostly the noun dì (易地搬迁, 深地探测)."""
    previous = _previous(words, index)
    if words[index].text == "地" and previous and previous.tag in ADVERB_MAKERS and len(previous.text) >= 2:
        return ("de",)
    return syllables


RULES: tuple[tuple[str, Rule], ...] = (
    ("citation_tones", citation_tones),
    ("wei_for", wei_for),
    ("wei_after_verbs", wei_after_verbs),
    ("yi_x_wei_y", yi_x_wei_y),
    ("adverbial_de", adverbial_de),
    ("de_after_set_phrase", de_after_set_phrase),
    ("de_complement", de_complement),
    ("by_part_of_speech", by_part_of_speech),
    ("cha_short_of", cha_short_of),
    ("pu_spread", pu_spread),
    ("tiao_adjust", tiao_adjust),
    ("jia_leave", jia_leave), ("zhong_heavy", zhong_heavy),
    ("meng_mongolia", meng_mongolia),
    ("gan_by_part_of_speech", gan_by_part_of_speech),
    ("hao_after_verbs", hao_after_verbs),
    ("jin_alone", jin_alone),
    ("personal_names", personal_names),
    ("place_names", place_names),
)


def apply_rules(words: tuple[Word, ...], index: int, syllables: tuple[str, ...],
                dictionary_word: bool = False) -> tuple[str, ...]:
    """Every rule in turn. A name the phrase dictionary reads whole keeps its readings
    (查理 Chá lǐ, 盖茨 Gài cí, 缪斯 Miù sī: transliterations, not surnames) and only
    takes capitals."""
    for name, rule in RULES:
        syllables = (name_capitals if dictionary_word and name == "personal_names" else rule)(words, index, syllables)
    return syllables
