"""Reading rules for names: surnames and given names read as names (单 Shàn, 曾 Zēng,
李长清 Lǐ Cháng qīng), with capitals, and place names capitalised. Each rule is
`(words, index, syllables) -> syllables`, like those in rules.py, which lists them.
"""

from ..model import Word

# Readings that change inside personal names.
SURNAMES = {"单": "shàn", "曾": "zēng", "解": "xiè", "朴": "piáo", "仇": "qiú", "查": "zhā",
            "区": "ōu", "盖": "gě", "覃": "qín", "乐": "yuè", "召": "shào", "尉": "yù", "缪": "miào"}
GIVEN_NAME = {"长": "cháng", "乐": "lè", "行": "xíng", "重": "chóng"}
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "司徒", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙", "长孙",
                     "夏侯", "宇文", "单于")


def personal_names(words: tuple[Word, ...], index: int, syllables: tuple[str, ...]) -> tuple[str, ...]:
    """Surname and given-name readings, and capitals: 李长清 Lǐ Cháng qīng."""
    word = words[index]
    if not _is_name(word, syllables):
        return syllables
    surname = _surname_length(word.text)
    read = [SURNAMES.get(c, s) if i < surname and surname == 1 else s for i, (c, s) in enumerate(zip(word.text, syllables))]
    read = [GIVEN_NAME.get(c, s) if i >= surname else s for i, (c, s) in enumerate(zip(word.text, read))]
    return name_capitals(words, index, tuple(read))


def name_capitals(words: tuple[Word, ...], index: int, syllables: tuple[str, ...]) -> tuple[str, ...]:
    """A personal name's surname and given name start with a capital: Zēng Guó fān."""
    word = words[index]
    if not _is_name(word, syllables):
        return syllables
    surname = _surname_length(word.text)
    capitals = {0, surname} if surname < len(syllables) else {0}
    return tuple(s[:1].upper() + s[1:] if i in capitals else s for i, s in enumerate(syllables))


def _is_name(word: Word, syllables: tuple[str, ...]) -> bool:
    return word.tag == "nr" and len(syllables) == len(word.text)  # one character: a surname before a title


def _surname_length(name: str) -> int:
    return 2 if name.startswith(COMPOUND_SURNAMES) else 1


def place_names(words: tuple[Word, ...], index: int, syllables: tuple[str, ...]) -> tuple[str, ...]:
    if words[index].tag == "ns" and syllables:
        return (syllables[0][:1].upper() + syllables[0][1:],) + syllables[1:]
    return syllables
