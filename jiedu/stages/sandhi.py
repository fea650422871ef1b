"""Tone sandhi of 一 and 不, as a display option (citation tones are the default).

不 is bú before a fourth tone. 一 is yí before a fourth tone and yì before the
other tones, but stays yī where it is a number: at the end of a word or run,
after 第 or another numeral, and before a numeral or a date word (第一, 十一, 一九,
一月).
"""

from ..syllables import tone_of, toneless

NUMERALS = set("〇零一二三四五六七八九十百千万亿两第")
DATE_WORDS = set("月日号")

def sandhi(chars: str, syllables: list[str]) -> list[str]:
    """Syllables with 一/不 sandhi applied; one per character, '' stays ''."""
    result = list(syllables)
    for index, (char, syllable) in enumerate(zip(chars, syllables)):
        following = syllables[index + 1] if index + 1 < len(syllables) else ""
        after = chars[index + 1] if index + 1 < len(chars) else ""
        if char == "不" and toneless(syllable) == "bu" and following:
            result[index] = "bú" if tone_of(following) == 4 else "bù"
        elif char == "一" and toneless(syllable) == "yi" and following and not _numeric_yi(chars, index, after):
            result[index] = "yí" if tone_of(following) in (4, 5) else "yì"
    return result


def _numeric_yi(chars: str, index: int, after: str) -> bool:
    before = chars[index - 1] if index else ""
    return before in NUMERALS or after in NUMERALS or after in DATE_WORDS
