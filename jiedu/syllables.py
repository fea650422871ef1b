"""Pinyin syllable spelling: the one tone table, tone marks to numbers and back.

Numbered (CC-CEDICT, `lu:4`) to tone marks (`lǜ`), a syllable's tone, and its
toneless spelling: every other module asks here.
"""

import re

MARKS = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}
"""Tones 1-4 of each vowel."""
NASAL_MARKS = {"ń": ("n", 2), "ň": ("n", 3), "ǹ": ("n", 4), "ḿ": ("m", 2)}
"""Syllabic n and m (嗯 ń, 呣 ḿ): the marked letters Unicode has, with their tones."""
TONES = {mark: (base, tone) for base, marks in MARKS.items() for tone, mark in enumerate(marks, 1)} | NASAL_MARKS
"""Every tone-marked letter: (its plain letter, its tone)."""
TONE_LETTERS = "".join(MARKS.values()) + "ü" + "".join(NASAL_MARKS)
"""Every lower-case letter of pinyin that plain ASCII lacks."""
PLAIN = str.maketrans({mark: base for mark, (base, _tone) in TONES.items()})
SPELLING = re.compile("(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:a|o|e|ai|ei|ao|ou|an|en|ang|eng|ong|er|i|ia|ie|iao|iu|"
                      "ian|in|iang|ing|iong|u|ua|uo|uai|ui|uan|un|uang|ueng|ü|üe|üan|ün|ue|m|n|ng|ê|hm|hng)")
"""An initial (or none) and a final: the shape of one toneless syllable."""


def numbered_to_marked(numbered: str) -> str:
    """`hang2` -> `háng`, `lu:4` -> `lǜ`, `le5` -> `le`, `r5` -> `r`.

    >>> [numbered_to_marked(s) for s in ("zhuang4", "gou3", "lu:e4", "xiong1", "er2", "Ai4")]
    ['zhuàng', 'gǒu', 'lüè', 'xiōng', 'ér', 'Ài']
    """
    body, tone = (numbered[:-1], int(numbered[-1])) if numbered[-1:].isdigit() else (numbered, 5)
    capital = body[:1].isupper()
    body = body.lower().replace("u:", "ü").replace("v", "ü")
    position = _mark_position(body) if tone != 5 else -1
    if position >= 0:
        body = body[:position] + MARKS[body[position]][tone - 1] + body[position + 1:]
    return body[:1].upper() + body[1:] if capital else body


def _mark_position(body: str) -> int:
    """The standard rule: a or e; else the o of ou; else the last vowel."""
    for vowel in "ae":
        if vowel in body:
            return body.index(vowel)
    if "ou" in body:
        return body.index("o")
    return max((i for i, c in enumerate(body) if c in MARKS), default=-1)


def toneless(pinyin: str, umlaut: str = "ü") -> str:
    """Lower case without tone marks; ü spelled `umlaut` (search spells it v, as typed).

    >>> toneless("Lǜ ńg"), toneless("lǜ", umlaut="v")
    ('lü ng', 'lv')
    """
    plain = pinyin.lower().translate(PLAIN)
    return plain if umlaut == "ü" else plain.replace("ü", umlaut)


def tone_of(syllable: str) -> int:
    """1-4 by the tone mark, 5 (neutral) without one.

    >>> [tone_of(s) for s in ("mā", "lǘ", "hǎo", "bù", "de", "ǹg")]
    [1, 2, 3, 4, 5, 4]
    """
    return next((TONES[letter][1] for letter in syllable.lower() if letter in TONES), 5)


def is_syllable(text: str) -> bool:
    """One syllable of Hanyu Pinyin, lower case, with at most one tone mark.

    >>> [is_syllable(s) for s in ("zhuàng", "ń", "lüè", "shíkě", "kasei", "")]
    [True, True, True, False, False, False]
    """
    return text == text.lower() and sum(c in TONES for c in text) <= 1 and bool(SPELLING.fullmatch(toneless(text)))
