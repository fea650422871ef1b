"""Character readings in context: dictionary phrases weighed against a context model.

Each Han run is read word by word (jieba's words: from the segment stage, or cut
here when reading bare text): a word in pypinyin's phrase dictionary gives its
phrase reading, any other character its first dictionary reading. Where a
character is polyphonic, the g2pM context model (`polyphone.py`) gives each of its
readings a probability, and the candidates are scored:

    log(P_model(r) + 0.001)
      + PHRASE_BONUS  if the character's word is a dictionary phrase reading it r
      + COMMON_BONUS  ... and that word is a common one (jieba frequency >= 2000)
      + WINDOW_BONUS  if any dictionary phrase around the character reads it r

The weights were tuned on CPP's dev split (bench/pinyin_accuracy.py). CPP rewards
trusting the model over dictionaries (its items over-represent rare readings);
COMMON_BONUS costs nothing there and keeps the model from overruling everyday
words in news text (了解 liǎo, 充分 fèn), which it otherwise does.
The model runs in one batch over all runs of a call that hold a polyphone.
"""

import math
from dataclasses import dataclass
from typing import Callable

from .polyphone import PolyphoneModel
from .text import HAN_RUN, longest_spans

PHRASE_BONUS = 2.0
COMMON_BONUS = 6.0
COMMON_WORD = 2000
WINDOW_BONUS = 3.0
FLOOR = 1e-3
LONGEST_WINDOW = 4


@dataclass(frozen=True)
class Reader:
    """Context-aware pinyin: dictionaries plus a polyphone model plus reviewed readings."""

    phrases: dict
    """pypinyin's phrase dictionary, read only: word -> [[syllable], ...]."""
    characters: dict
    """pypinyin's character dictionary, read only: code point -> "reading,reading"."""
    cut: Callable[[str], list[str]]
    """Splits a Han run into words when the caller has none (jieba, no HMM)."""
    word_frequency: dict
    """jieba's dictionary frequencies."""
    model: PolyphoneModel | None
    word_readings: dict[str, tuple[str, ...]]
    char_readings: dict[str, str]

    def read(self, text: str, words: list[str] | None = None) -> list[str]:
        """One syllable per character of `text`; '' for non-Han characters."""
        return self.read_texts([text], None if words is None else [words])[0]

    def read_texts(self, texts: list[str], words: list[list[str]] | None = None) -> list[list[str]]:
        runs, places = [], []
        for number, text in enumerate(texts):
            for run in HAN_RUN.finditer(text):
                places.append((number, run.start()))
                runs.append(self._run_words(run, words[number] if words else None))
        results = [[""] * len(text) for text in texts]
        for (number, start), syllables in zip(places, self.read_runs(runs)):
            results[number][start:start + len(syllables)] = syllables
        return results

    def _run_words(self, run, words: list[str] | None) -> list[str]:
        """The words of one Han run: the caller's (cut at the run's edges) or our own."""
        if words is None:
            return list(self.cut(run.group()))
        pieces, offset = [], 0
        for word in words:
            start, end = max(offset, run.start()), min(offset + len(word), run.end())
            if start < end:
                pieces.append(word[start - offset:end - offset])
            offset += len(word)
        return pieces

    def read_runs(self, runs: list[list[str]]) -> list[list[str]]:
        texts = ["".join(words) for words in runs]
        base = [self._dictionary_reading(words) for words in runs]
        if self.model is not None:
            targets = [[i for i, c in enumerate(text) if self.model.is_polyphone(c)] for text in texts]
            for text, (syllables, phrase), indexes, dists in zip(
                    texts, base, targets, self.model.probabilities(texts, targets)):
                for index, dist in zip(indexes, dists):
                    syllables[index] = self._choose(text, index, syllables[index], phrase.get(index), dist)
        return [[self.char_readings.get(c, s) for c, s in zip(text, syllables)]
                for text, (syllables, _) in zip(texts, base)]

    def _dictionary_reading(self, words: list[str]) -> tuple[list[str], dict[int, str]]:
        """Readings from the phrase dictionary word by word, else each character's first
        reading; and, for characters read inside a phrase, that phrase. A word the
        dictionary lacks (充分发挥) is read by the phrases it is made of (充分 + 发挥)."""
        syllables: list[str] = []
        phrase: dict[int, str] = {}
        for word in self._known_parts(words):
            entry = self.phrases.get(word) if len(word) > 1 else None
            if entry and len(entry) == len(word):
                phrase.update(dict.fromkeys(range(len(syllables), len(syllables) + len(word)), word))
                syllables += [readings[0] for readings in entry]
            else:
                syllables += [self.characters.get(ord(c), "").split(",")[0] for c in word]
        return syllables, phrase

    def _known_parts(self, words: list[str]) -> list[str]:
        parts = []
        for word in words:
            known = len(word) < 3 or word in self.phrases
            parts += [word] if known else [word[s:e] for s, e in longest_spans(word, self.phrases)]
        return parts

    def _choose(self, run: str, index: int, base: str, phrase: str | None, dist: dict[str, float]) -> str:
        supported = self._window_readings(run, index)
        bonus = (PHRASE_BONUS + COMMON_BONUS * (self.word_frequency.get(phrase, 0) >= COMMON_WORD)) if phrase else 0
        best, best_score = base, -math.inf
        for reading in (base, *sorted(dist)) if base else sorted(dist):
            score = math.log(dist.get(reading, 0.0) + FLOOR) + WINDOW_BONUS * (reading in supported)
            if reading == base:
                score += bonus
            if score > best_score:
                best, best_score = reading, score
        return best

    def _window_readings(self, run: str, index: int) -> set[str]:
        """Readings of run[index] inside any dictionary phrase that covers it."""
        found, phrases = set(), self.phrases
        for start in range(max(0, index - LONGEST_WINDOW + 1), index + 1):
            for end in range(max(index + 1, start + 2), min(start + LONGEST_WINDOW, len(run)) + 1):
                entry = phrases.get(run[start:end])
                if entry and len(entry) == end - start:
                    found.add(entry[index - start][0])
        return found
