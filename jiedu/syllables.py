"""Pinyin syllable spelling: numbered (CC-CEDICT, `lu:4`) to tone marks (`lǜ`)."""

MARKS = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}
PLAIN = str.maketrans({mark: vowel for vowel, marks in MARKS.items() for mark in marks})


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


def toneless(syllable: str) -> str:
    return syllable.lower().translate(PLAIN)
