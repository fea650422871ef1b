"""How often each character writes a foreign name in transliteration, from CC-CEDICT (issue #16).

A name such as 托洛斯基 or 雅尔达 that no dictionary jiedu has may come out of jieba in pieces
(托|洛斯|基). Its characters give it away: 斯, 尔, 洛, 奥, 克 write foreign names far more often
than words. The share of each character, among CC-CEDICT's headwords of three or more
characters that hold it, that are written as one capitalised pinyin word (Tuō luò cí jī: a
transliteration, not Zhōng guó or a common word), is built once per process with the names.
"""

FEWEST = 3
"""Transliterations a character must appear in to have a share at all."""


def foreign_shares(by_simplified: dict) -> dict[str, float]:
    """Character -> its share of transliterations among the headwords holding it."""
    foreign: dict[str, int] = {}
    common: dict[str, int] = {}
    for word, rows in by_simplified.items():
        if len(word) < 2:
            continue
        kind = _kind(word, rows)
        counts = foreign if kind == "foreign" else common if kind == "common" else None
        if counts is not None:
            for char in set(word):
                counts[char] = counts.get(char, 0) + 1
    return {c: n / (n + common.get(c, 0)) for c, n in foreign.items() if n >= FEWEST}


def _kind(word: str, rows) -> str:
    if not all(row[2][:1].isupper() for row in rows):
        return "common" if not any(row[2][:1].isupper() for row in rows) else ""
    syllables = rows[0][2].split(" ")
    one_word = len(syllables) == len(word) and not any(s[:1].isupper() for s in syllables[1:])
    return "foreign" if one_word and len(word) >= 3 else ""
