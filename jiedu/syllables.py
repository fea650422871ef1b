"""Pinyin syllable spelling: numbered (CC-CEDICT, `lu:4`) to tone marks (`lǜ`)."""

MARKS = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}
PLAIN = str.maketrans({mark: vowel for vowel, marks in MARKS.items() for mark in marks})


def numbered_to_marked(numbered: str) -> str:
    """`hang2` -> `háng`, `lu:4` -> `lǜ`, `le5` -> `le`, `r5` -> `r`.

    >>> [numbered_to_marked(s) for s in ("zhuang4", "gou3", "lu:e4", "xiong1", "er2")]
    ['zhuàng', 'gǒu', 'lüè', 'xiōng', 'ér']
    """
    body, tone = (numbered[:-1], int(numbered[-1])) if numbered[-1:].isdigit() else (numbered, 5)
    body = body.replace("u:", "ü").replace("v", "ü")
    if tone == 5:
        return body
    position = _mark_position(body)
    if position < 0:
        return body
    return body[:position] + MARKS[body[position]][tone - 1] + body[position + 1:]


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
