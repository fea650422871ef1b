"""Convert: Traditional (or mixed) to Simplified with OpenCC `t2s`, keeping
a Traditional form of every character for display.

The Traditional form is the source's own. A Traditional source keeps every character
it wrote, whatever the variant, HK or TW (范世平 stays 范, 台灣 台, 公布 布, 才 才);
only a Simplified-only character (这, 发) is converted. A mixed source keeps every
character it wrote as Traditional and converts those it wrote as Simplified: the
Simplified-only ones, and those it shares with Traditional text where OpenCC's phrases
make another character of them in context (干部 → 幹部, 领题后 → 後), not merely another
standard's shape of the same one (台/臺, 群/羣). A Simplified source is converted
whole, to the standard the site chooses (site.toml `[reader] traditional`).

OpenCC converts character for character in length, which lets every later stage
slice the Simplified and Traditional texts with the same offsets; where it would
not, we fall back to converting one character at a time.
"""

from dataclasses import dataclass
from itertools import compress, count
from operator import and_
from typing import Callable

from ..model import Block, Section

# Traditional 著 is both zhù ("to write; marked": 著名, 土著) and, in Taiwan usage, the
# aspect particle and zháo/zhuó (随著, 涌动著, 著急, 著手), which mainland usage writes
# 着. OpenCC's t2s leaves them all as 著. Decided in this order:
# 1. after a verb that takes the particle, it is 着 (随著作风建设 is 随着, not 著作);
# 2. inside a zhù word it stays 著;
# 3. otherwise it is 着.
# A verb whose last character begins a zhù word (配合 + 合著, 凸显 + 显著) is in rule 1. Not
# 讨论 or 翻译: 讨论著作, 翻译著作 are as common as their particle.
PARTICLE_AFTER = (
    "随", "沿", "朝", "向", "接", "跟", "顺", "照", "本", "凭", "靠", "冲", "对", "围绕", "意味", "带", "拿",
    "看", "听", "想", "等", "站", "坐", "躺", "穿", "戴", "笑", "忙", "涌动", "逼", "挂", "保持", "存在",
    "面临", "发挥", "推动", "承担", "肩负", "怀", "抱", "盯", "守", "望", "握", "伴随", "紧接", "试", "闹",
    "配合", "结合", "融合", "符合", "迎合", "磨合", "整合", "契合", "凸显", "彰显", "突显",
)
ZHU_WORDS = (
    "著名", "著作", "著称", "著述", "著书", "著者", "著录", "著文", "显著", "昭著", "卓著",
    "土著", "名著", "巨著", "原著", "论著", "编著", "专著", "合著", "遗著", "译著", "拙著",
    "著有", "所著", "撰著", "彰著",
)
# Shapes Hong Kong or Taiwan text writes in the senses where OpenCC's s2t makes another
# character of them (HK 周年, 了解; TW 公布, 頒布, 占據; both 伙伴; 栗 chestnut and surname,
# not 慄 "shiver"): written so, a character is Traditional, never a sign of Simplified.
ACCEPTED_SHAPES = frozenset("周了布伙占栗")
STANDARDS = {"tw": "s2tw", "hk": "s2hk", "opencc": "s2t"}
"""site.toml `[reader] traditional` -> the OpenCC configuration. s2tw gives today's Taiwan
forms (群, 峰, 核, 才); s2hk Hong Kong's (but keeps 羣, 峯 as the package ships); s2t
OpenCC's own, dated ones (羣, 峯, 覈, 纔)."""


@dataclass(frozen=True)
class Converters:
    """OpenCC's t2s and the Traditional standards, as opencc-python-reimplemented converts
    (`engines/conversion.py`), their dictionaries read once (see `resources.py`)."""

    to_simplified: Callable[[str], str]
    to_traditional: Callable[[str], str]
    """OpenCC's s2t: the fallback where a standard is not among `standards`."""
    simplified_only: frozenset[str] = frozenset()
    """Characters no Traditional text writes (`engines.conversion.simplified_only`)."""
    variants: frozenset[str] = frozenset()
    """One character in two standards' shapes, as pairs "臺台" (`engines.conversion.variant_pairs`)."""
    standards: tuple[tuple[str, Callable[[str], str]], ...] = ()
    """(`[reader] traditional` value, its converter) for a Simplified source."""

    def traditional(self, standard: str) -> Callable[[str], str]:
        return dict(self.standards).get(standard, self.to_traditional)


def written_simplified(source: str, simplified: str, converted: str, converters: Converters) -> list[int]:
    """Where the source wrote a character as Simplified: t2s left it, and the conversion
    back makes another character of it that is neither a variant shape nor an accepted
    one (ACCEPTED_SHAPES). Candidates are found at C speed (map, compress): few are."""
    candidates = compress(count(), map(and_, map(str.__eq__, source, simplified), map(str.__ne__, converted, source)))
    return [i for i in candidates
            if source[i] not in ACCEPTED_SHAPES and source[i] + converted[i] not in converters.variants]


def script_of(traditional: int, written: int) -> str:
    """"traditional", "simplified" or "mixed", from the count of characters written as
    Traditional (t2s changes them) and as Simplified (`written_simplified`): a side under
    2% of the other is a few stray characters (a name, a typo), not a mix."""
    if traditional and written and min(traditional, written) > 0.02 * max(traditional, written):
        return "mixed"
    return "traditional" if traditional >= written and traditional else "simplified"


def source_script(text: str, converters: Converters) -> str:
    simplified = same_length(converters.to_simplified, text)
    converted = same_length(converters.to_traditional, simplified)
    traditional = sum(map(str.__ne__, text, simplified))
    return script_of(traditional, len(written_simplified(text, simplified, converted, converters)))


def same_length(convert: Callable[[str], str], text: str) -> str:
    converted = convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(c if len(c := convert(char)) == 1 else char for char in text)


def apply_zhe_rule(text: str) -> str:
    """著 → 着 after a verb that takes the particle, else unless inside a ZHU_WORDS word."""
    chars, index = None, text.find("著")
    while index != -1:  # str.find: most text has no 著, and the rest only a few
        if text[:index].endswith(PARTICLE_AFTER) or not _inside_zhu_word(text, index):
            chars = chars or list(text)
            chars[index] = "着"
        index = text.find("著", index + 1)
    return "".join(chars) if chars else text


def _inside_zhu_word(text: str, index: int) -> bool:
    for word in ZHU_WORDS:
        start = index - word.index("著")
        if start >= 0 and text.startswith(word, start):
            return True
    return False


def traditional_form(source: str, simplified: str, converters: Converters, script: str = "simplified",
                     standard: str = "tw", converted: str | None = None) -> str:
    """A Traditional source as it is, its Simplified-only characters converted to
    `standard`; a mixed one with what it wrote as Simplified converted; a Simplified one
    converted whole, keeping any Traditional character it has. `converted`: the
    Simplified text in `standard`, when it is known already."""
    if script == "traditional" and not any(map(converters.simplified_only.__contains__, source)):
        return source
    if converted is None:
        converted = same_length(converters.traditional(standard), simplified)
    if script == "traditional":
        return "".join(t if c in converters.simplified_only else c for c, t in zip(source, converted))
    chars = list(source if script == "mixed" else converted)
    if script == "mixed":
        for index in written_simplified(source, simplified, converted, converters):
            chars[index] = converted[index]
        return "".join(chars)
    # A Simplified source: its own character only where t2s changed it, found at C speed.
    for index in compress(count(), map(str.__ne__, source, simplified)):
        chars[index] = source[index]
    return "".join(chars)


def convert(section: Section, converters: Converters, script: str = "simplified", standard: str = "tw") -> Block:
    simplified = apply_zhe_rule(same_length(converters.to_simplified, section.source))
    return Block(section.kind, section.source, section.start, simplified,
                 traditional_form(section.source, simplified, converters, script, standard))


def convert_all(sections: tuple[Section, ...], converters: Converters, standard: str = "tw") -> tuple[Block, ...]:
    """Every section, the article's script found from all of them: each is converted both
    ways once, and the counts come from those conversions."""
    to_traditional = converters.traditional(standard)
    simplified = [apply_zhe_rule(same_length(converters.to_simplified, s.source)) for s in sections]
    converted = [same_length(to_traditional, text) for text in simplified]
    traditional = sum(sum(map(str.__ne__, s.source, text)) for s, text in zip(sections, simplified))
    written = 0  # counted only while it can matter: a Simplified text has nothing else
    for s, text, back in zip(sections, simplified, converted):
        if not traditional or written > traditional / 0.02:
            break
        written += len(written_simplified(s.source, text, back, converters))
    script = script_of(traditional, written)
    return tuple(Block(s.kind, s.source, s.start, text, traditional_form(s.source, text, converters, script, standard, back))
                 for s, text, back in zip(sections, simplified, converted))
