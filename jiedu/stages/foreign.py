"""Foreign names in transliteration that jieba left in pieces with no title before them
(托|洛斯|基, 雅尔|达), found by their characters (issue #16): each piece a single character or
a fragment jieba guessed as a name that no dictionary has, no two pieces a word together, and
characters that write foreign names far more often than words (`lexicon.transliteration`).
The names stage makes them one word, one capital, wherever the article splits them.
"""

from ..lexicon.propernames import ProperNames
from ..model import Word
from .people import NOT_GIVEN, common_word

MOST_PIECES = 4
LENGTHS = range(3, 7)
"""Characters in such a name."""
SHARES = (0.2, 0.5, 0.7)
"""The least share of every character, of their mean, and of the highest: a stretch of
ordinary characters (写|入, 促|统, 治|党) has some below 0.1."""


def spelled_out(words: tuple[Word, ...], names: ProperNames, known) -> list[str]:
    """The texts of the transliterated names the block's pieces spell."""
    found, index = [], 0
    while index < len(words):
        end = next((e for e in range(min(len(words), index + MOST_PIECES), index + 1, -1)
                    if _foreign(words[index:e], names, known)), index + 1)
        if end > index + 1:
            found.append("".join(w.text for w in words[index:end]))
        index = end
    return found


def _foreign(stretch: tuple[Word, ...], names: ProperNames, known) -> bool:
    text = "".join(w.text for w in stretch)
    if len(text) not in LENGTHS or not any(len(w.text) == 1 for w in stretch) or not all(_piece(w, known) for w in stretch):
        return False
    shares = [names.foreign.get(char, 0.0) for char in text]
    return (min(shares) >= SHARES[0] and sum(shares) / len(shares) >= SHARES[1] and max(shares) >= SHARES[2]
            and not any(common_word(a.text + b.text, known) for a, b in zip(stretch, stretch[1:]))
            and not common_word(text, known) and text not in names)


def _piece(word: Word, known) -> bool:
    """A single Han character that is no function word, or a name jieba guessed that no dictionary has."""
    if word.tag in ("x", "m", "term", "override") or NOT_GIVEN & set(word.text):
        return False
    return len(word.text) == 1 or word.tag[:2] in ("nr", "ns") and word.text not in known
