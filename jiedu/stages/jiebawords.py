"""What the segment stage does to jieba's words after the cut: tags it gives where jieba
never does (将 an object marker), adverbial 地 split off, `nr` kept only for what looks like
a personal name, the words kept whole though CC-CEDICT lacks them, a date's 日 apart.
"""

from ..text import longest_spans
from .people import NOT_GIVEN

# The most common Chinese surnames (about 150 of the Hundred Family Surnames).
SURNAME_INITIALS = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
    "钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛"
    "邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝"
    "路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全"
    "佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    "朴区盖乐召尉")  # and the surnames with special readings (rules.SURNAMES)
OBJECT_STARTS = frozenset("nrt")
"""First letters of the tags a word after 将 has when 将 marks an object: nouns (n, nr,
ns ...), pronouns (r), glossary terms (term)."""
NO_GIVEN_NAME = NOT_GIVEN | frozenset("一二三四五六七八九十百千万两")
"""Function characters and numerals: never in the given name of a name jieba guesses
(凌驾于 is no 凌 + 驾于, 于三权 no 于 + 三权)."""
TRANSLITERATED = "nrt"
"""jieba's tag of a foreign name in transliteration (谢苗诺夫), kept unless CC-CEDICT reads
the word without a capital (休克, 克拉)."""
RETAGGED = frozenset({("将", "p")})
"""(word, tag) pairs the segment stage gives where jieba never does (`mark_object_jiang`)."""


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
    if tag == TRANSLITERATED:  # 谢苗诺夫: no surname to look for; a common word only by CC-CEDICT
        rows = getattr(known, "by_simplified", {}).get(word)
        return "n" if rows and not any(row[2][:1].isupper() for row in rows) else tag
    if word[0] not in SURNAME_INITIALS or not 2 <= len(word) <= 4 or NO_GIVEN_NAME & set(word[1:]):
        return "n"
    return "n" if common_word(word, known) else "nr"


def compound(word: str, known) -> bool:
    """Three characters no dictionary has whole whose first two or last two are a common word:
    a compound jieba's HMM took for a name (高水平, 常见病, 严峻性, 安全观), not 王国维 (CC-CEDICT's)."""
    if len(word) != 3 or getattr(known, "by_simplified", {}).get(word):
        return False
    return any(getattr(known, "by_simplified", {}).get(part) and common_word(part, known) for part in (word[:2], word[1:]))


def checked_name_tag(word: str, tag: str, known, frequencies: dict) -> str:
    """jieba's person tags checked against CC-CEDICT (`known`): no name where it reads the
    word without a capital (严重性), and no transliteration of two characters that jieba
    only guessed (保王 of 保王派), no guessed person that opens with a function character
    (和泛民: 和 + 泛民) unless CC-CEDICT knows it (和珅), nor a `compound` (高水平)."""
    if tag in ("nr", TRANSLITERATED) and common_word(word, known):
        return "n"
    if tag == "nr" and (word[0] in NOT_GIVEN and word not in known or compound(word, known)):
        return "n"
    if tag == TRANSLITERATED and (NO_GIVEN_NAME & set(word) or _words_of(word, known)):
        return "n"  # jieba's own nrt entries 在城镇, 二中, 努力提高
    return "n" if tag == TRANSLITERATED and len(word) == 2 and not frequencies.get(word) else tag


def _words_of(word: str, known) -> bool:
    """CC-CEDICT's common words of two characters or more make it up (努力 + 提高)."""
    if getattr(known, "by_simplified", {}).get(word):
        return False
    spans = longest_spans(word, known)
    return len(spans) > 1 and all(end - start > 1 and common_word(word[start:end], known) for start, end in spans)


def common_word(word: str, known) -> bool:
    """In the dictionary, and not as a name: CC-CEDICT writes names' pinyin with capitals
    (曾国藩 Zēng Guó fān) and words' without (严重性 yán zhòng xìng). A plain word list
    cannot tell; there a three-character word after a surname counts as a name."""
    rows = getattr(known, "by_simplified", {}).get(word)
    if rows:
        return not any(row[2][:1].isupper() for row in rows)
    return word in known and len(word) != 3


def kept_whole(word: str, tag: str, frequencies: dict) -> bool:
    """Words CC-CEDICT lacks that stay whole all the same: abbreviations jieba knows (j:
    一中全会) and idioms its HMM finds, in no dictionary (i: 风清气正); jieba's own idioms
    stay cut into CC-CEDICT's words (团结奋斗 is two words in the gold's standard)."""
    return tag == "j" or tag == "i" and not frequencies.get(word)


def split_day(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """After a number, 日 is the day's own word (31日 + 电 "dispatch", 30日 + 后 "after"):
    jieba reads 日电 (NEC) and 日后 (later) whole. Tagged a time word, which no name joins."""
    if pairs and len(pairs[0][0]) > 1 and pairs[0][0][0] == "日":
        return [("日", "t"), (pairs[0][0][1:], "n")] + pairs[1:]
    return pairs
