"""How the generated lexicon families (bench/lexicon_families.py) write numbers, pinyin and entries."""

NUMERALS = "一二三四五六七八九十"
SYLLABLES = dict(zip(NUMERALS, "yī èr sān sì wǔ liù qī bā jiǔ shí".split()))
SYLLABLES.update({"大": "dà", "届": "jiè", "中": "zhōng", "全": "quán", "会": "huì", "次": "cì", "第": "dì",
                  "个": "gè", "年": "nián", "计": "jì", "划": "huà", "规": "guī", "议": "yì", "体": "tǐ",
                  "国": "guó", "代": "dài", "表": "biǎo", "央": "yāng", "委": "wěi", "员": "yuán",
                  "纲": "gāng", "要": "yào"})
PROPER = {"中共": "Zhōng Gòng", "中国共产党": "Zhōng guó Gòng chǎn dǎng", "全国人大": "Quán guó Rén dà",
          "全国人民代表大会": "Quán guó Rén mín Dài biǎo Dà huì", "全国政协": "Quán guó Zhèng xié",
          "中国人民政治协商会议": "Zhōng guó Rén mín Zhèng zhì Xié shāng Huì yì",
          "全国委员会": "Quán guó Wěi yuán huì", "全国人大常委会": "Quán guó Rén dà Cháng wěi huì",
          "常务委员会": "Cháng wù Wěi yuán huì", "中央委员会": "Zhōng yāng Wěi yuán huì",
          "中央政治局": "Zhōng yāng Zhèng zhì jú", "中央纪委": "Zhōng yāng Jì wěi"}
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
            8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth"}


def chinese(number: int) -> str:
    """1-99 in Chinese numerals: 14 -> 十四, 20 -> 二十."""
    tens, units = divmod(number, 10)
    return (("" if tens == 1 else NUMERALS[tens - 1]) + "十" if tens else "") + (NUMERALS[units - 1] if units else "")


def nth(number: int) -> str:
    return f"{number}{'th' if 10 <= number % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')}"


def pinyin(text: str) -> str:
    """Syllables for the few characters these names use, the longest proper name first at each
    place (全国人大常委会 before 全国人大), proper-name parts capitalised."""
    names = sorted(PROPER, key=len, reverse=True)
    parts, at = [], 0
    while at < len(text):
        name = next((n for n in names if text.startswith(n, at)), None)
        parts.append(PROPER[name] if name else SYLLABLES[text[at]])
        at += len(name) if name else 1
    return " ".join(parts)


def entry(simplified: str, english: str, literal: str, category: str, explanation: str,
          related: list[str]) -> dict:
    return {"simplified": simplified, "pinyin": pinyin(simplified), "english": english,
            "english_source": "official", "literal": literal, "category": category,
            "explanation": explanation, "related": related}
