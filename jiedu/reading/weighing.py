"""How a polyphonic character's readings are weighed: dictionaries against the model.

Each candidate reading r of a character gets

    log(P_model(r) + FLOOR)
      + BASE_BONUS     if r is the character's first dictionary reading (not in a phrase)
      + PHRASE_BONUS   if the character's word is a pypinyin phrase reading it r
      + COMMON_BONUS   ... and that word is a common one (jieba frequency >= 2000)
      + WINDOW_BONUS   if a pypinyin phrase of <= 4 characters around it reads it r
      + CEDICT_BONUS   if a CC-CEDICT word of <= 6 characters around it reads it r
      + CEDICT_AGAINST if one reads it otherwise (a negative weight)

and the best score wins. P_model is g2pM's, run on the character's own context of
CONTEXT characters either side (punctuation and digits included, as g2pM was
trained); that is as accurate as the whole sentence and much faster.

The weights are a conditional logistic regression fitted on CPP's dev split (five-fold
cross-validated there: 97.9%), then scaled so the model's log-probability has weight 1;
COMMON_BONUS is raised from the fitted 4.1 to 6 (one dev sentence fewer right), which
settles most common words without the model.
The dictionary part alone can settle a character: when its best reading leads every
other by more than the model term can ever make up, the model is not run for it.
"""

import math
import re
from bisect import bisect_left, bisect_right
from operator import itemgetter

from ..syllables import numbered_to_marked

FLOOR = 1e-3
BASE_BONUS = 0.14
PHRASE_BONUS = 1.52
COMMON_BONUS = 6.0
COMMON_WORD = 2000
AGREED_WORD = 200
"""A word at least this frequent in jieba's dictionary, read alike by pypinyin and
CC-CEDICT (one reading), is read so without the model (`Reader._agreed`)."""
WINDOW_BONUS = 1.27
LONGEST_WINDOW = 4
CEDICT_BONUS = 1.64
CEDICT_AGAINST = -1.47
LONGEST_CEDICT = 6
CONTEXT = 5
MODEL_RANGE = math.log(1 + FLOOR) - math.log(FLOOR)
"""The most the model term can add to one reading over another."""


def bonuses(candidates, base: str, phrase_word_frequency: int | None,
            phrase_support: set[str], cedict_support: set[str]) -> dict[str, float]:
    """Each candidate's dictionary score. `phrase_word_frequency` is None when the
    character is not read inside a phrase, else the jieba frequency of that phrase."""
    scores = {}
    for reading in candidates:
        score = WINDOW_BONUS * (reading in phrase_support) + CEDICT_BONUS * (reading in cedict_support)
        if cedict_support and not cedict_support <= {reading}:
            score += CEDICT_AGAINST
        if reading == base:
            score += BASE_BONUS if phrase_word_frequency is None else (
                PHRASE_BONUS + COMMON_BONUS * (phrase_word_frequency >= COMMON_WORD))
        scores[reading] = score
    return scores


def settled(scores: dict[str, float]) -> str | None:
    """The winner when no model probability could change it, else None."""
    best = max(scores, key=scores.get)
    lead = scores[best] - max((s for r, s in scores.items() if r != best), default=-math.inf)
    return best if lead > MODEL_RANGE else None


def choose(scores: dict[str, float], probabilities: dict[str, float]) -> str:
    best, best_score = "", -math.inf
    for reading, score in scores.items():
        score += math.log(probabilities.get(reading, 0.0) + FLOOR)
        if score > best_score:
            best, best_score = reading, score
    return best


def window_index(phrases: dict, by_simplified: dict, polyphones: frozenset | None = None) -> dict:
    """Every dictionary word that can support a reading -> (pypinyin's reading, if the
    word has at most LONGEST_WINDOW characters; CC-CEDICT's readings, lower case), and
    every shorter prefix of such a word -> None, so a scan can stop where no word goes on.
    Given `polyphones`, only words with one of them: support is asked for at polyphones
    only, so no other word ever counts, and a worker loads half the index."""
    index: dict = {}
    for word, entry in phrases.items():
        if 2 <= len(word) <= LONGEST_WINDOW and len(entry) == len(word):
            index[word] = ((tuple(readings[0] for readings in entry),), ())
    for word, rows in by_simplified.items():
        readings = cedict_readings(word, rows)
        if 2 <= len(word) <= LONGEST_CEDICT and readings:
            index[word] = (index[word][0] if word in index else (), readings)
    if polyphones is not None:
        index = {word: entry for word, entry in index.items() if not polyphones.isdisjoint(word)}
    for word in list(index):
        for end in range(2, len(word)):
            index.setdefault(word[:end], None)
    return index


def cedict_readings(word: str, rows) -> tuple[tuple[str, ...], ...]:
    """CC-CEDICT's readings of a word, lower case, each one syllable per character; sorted."""
    return tuple(sorted({r for r in (tuple(row[2].lower().split(" ")) for row in rows) if len(r) == len(word)}))


REFERENCE = re.compile(r"^(?:see|see also|variant of|old variant of|also written) (?:[^\s\[|]+\|)?([^\s\[|]+)\[([^\]]+)\]$")


def agreed_readings(word: str, rows, model) -> tuple[tuple[str, ...], ...]:
    """`cedict_readings`, and for a word CC-CEDICT lists only as the spelling of another one
    character apart (拚命: "see 拼命[pin1 ming4]"), that word's reading of the character
    too where the character has it (拚 pīn): the one it stands for, which the mainland
    standard reads (CC-CEDICT keeps Taiwan's pàn). Two readings: not agreed. `model`: the
    polyphone model, for each polyphone's own readings."""
    readings = cedict_readings(word, rows)
    references = [REFERENCE.match(row[3]) for row in rows]
    if not rows or not all(references):
        return readings
    for other, pinyin in (found.groups() for found in references):
        apart = [i for i, (a, b) in enumerate(zip(word, other)) if a != b] if len(other) == len(word) else []
        syllables = pinyin.lower().split()
        char = word[apart[0]] if len(apart) == 1 and len(syllables) == len(word) else ""
        if char in model.polyphones and numbered_to_marked(syllables[apart[0]]) in model.candidates(char):
            readings += (tuple(numbered_to_marked(s) for s in syllables),)
    return tuple(sorted(set(readings)))


def matches(run: str, index: dict) -> list[tuple[int, int, tuple, tuple]]:
    """(start, end, pypinyin readings, CC-CEDICT readings) of every indexed word in the run."""
    found = []
    for start in range(len(run) - 1):
        for end in range(start + 2, min(start + LONGEST_CEDICT, len(run)) + 1):
            entry = index.get(run[start:end], False)
            if entry is False:
                break
            if entry:
                found.append((start, end, *entry))
    return found


def support(found: list, position: int) -> tuple[set[str], set[str]]:
    """The readings that pypinyin's and CC-CEDICT's words around `position` give it.
    `found` is in order of start (`matches`): only words starting at most LONGEST_CEDICT - 1
    before can cover it, found by bisection (a scan of all made a long run quadratic)."""
    pinyin, cedict = set(), set()
    first = bisect_left(found, position - LONGEST_CEDICT + 1, key=itemgetter(0))
    last = bisect_right(found, position, first, key=itemgetter(0))
    for start, end, by_pinyin, by_cedict in found[first:last]:  # (islice would walk from the start)
        if position < end:
            pinyin.update(reading[position - start] for reading in by_pinyin)
            cedict.update(reading[position - start] for reading in by_cedict)
    return pinyin, cedict
