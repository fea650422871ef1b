"""Words pypinyin's phrases lack, as the other dictionaries see them: the reading stage's
word classes (issue #17). A character g2pM never weighs takes CC-CEDICT's one reading of
the word (澎湃 péng); a name CC-CEDICT lists only capitalised reads part of a longer word
only at its start (东莞市, not 学比干)."""

from ..text import longest_spans
from .weighing import cedict_readings


def unweighed_readings(word: str, firsts: list[str], cedict: dict, characters: dict, polyphones) -> list[str]:
    """The first readings of a word pypinyin's phrases lack; but where CC-CEDICT reads the
    word one way, its syllable for each character the model never weighs that pypinyin
    reads so too (澎湃 péng pài: pypinyin lists 澎 pēng first, g2pM has no 澎, so nothing
    else would ever read it péng)."""
    readings = cedict_readings(word, cedict.get(word, ()))
    if len(readings) != 1:
        return firsts
    return [theirs if char not in polyphones and theirs in characters.get(ord(char), "").split(",") else first
            for char, first, theirs in zip(word, firsts, readings[0])]


def phrase_pieces(word: str, phrases: dict, cedict: dict) -> list[str]:
    """The pieces of pypinyin's phrases a word it lacks is read by (`text.longest_spans`),
    cut again without a name found past the word's start (`PhrasesInside`); the second cut,
    slower, only where there is one."""
    spans = longest_spans(word, phrases)
    if any(start > 0 and end - start > 1 and only_a_name(word[start:end], cedict) for start, end in spans):
        spans = longest_spans(word, PhrasesInside(word, phrases, cedict))
    return [word[start:end] for start, end in spans]


def only_a_name(word: str, cedict: dict) -> bool:
    """CC-CEDICT has the word, and only capitalised (比干 Bǐ Gān)."""
    rows = cedict.get(word, ())
    return bool(rows) and all(row[2][:1].isupper() for row in rows)


class PhrasesInside:
    """The phrases that may read a piece of a word pypinyin lacks: all of its phrases, but
    a name that CC-CEDICT lists only capitalised (比干 Bǐ Gān, a Shang prince) only where
    the word begins with it (东莞市, 上海市委). Further in, a name is a chance match across
    words the segmenter left joined (学比干 "learn, compare, do": 干 gàn), and its phrase
    bonus would hand the name's reading to them."""

    def __init__(self, word: str, phrases: dict, cedict: dict):
        self.word, self.phrases, self.cedict = word, phrases, cedict

    def __contains__(self, piece: str) -> bool:
        if piece not in self.phrases or self.word.startswith(piece):
            return piece in self.phrases
        return not only_a_name(piece, self.cedict)
