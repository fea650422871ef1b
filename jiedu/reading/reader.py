"""Character readings in context: dictionary phrases weighed against a context model.

Each Han run is read word by word (jieba's words: from the segment stage, or cut here
when reading bare text): a word in pypinyin's phrase dictionary gives its phrase reading,
any other character its first dictionary reading (`wordpieces.py`: or CC-CEDICT's). A
polyphone's readings are scored (`weighing.py`): the dictionary part first (the word's
phrase reading, common words, pypinyin and CC-CEDICT phrases around it, the neighbouring
characters' weights of `collocations.py`, learned on CPP dev), and the g2pM context model
(`polyphone.py`) only where the dictionaries leave the choice open, in one batch per call.

CPP over-represents rare readings, so it rewards trusting the model over dictionaries;
COMMON_BONUS keeps the model from overruling everyday words of news text (了解 liǎo).
"""

from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from . import weighing, wordpieces
from .collocations import add_collocations
from .polyphone import PolyphoneModel
from ..syllables import toneless
from ..text import HAN_RUN
from .runs import cut_at_runs


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
    windows: dict = field(default_factory=dict)
    """pypinyin's and CC-CEDICT's short words, for the readings around a character
    (`weighing.window_index`)."""
    collocations: dict = field(default_factory=dict)
    """Neighbour-character weights learned on CPP dev (`collocations.py`); empty: none."""
    cedict: dict = field(default_factory=dict)
    """CC-CEDICT's entries by Simplified headword (`Dictionary.by_simplified`), read only."""
    rare: dict[str, str] = field(default_factory=dict)
    """Characters pypinyin has no reading for -> one reading (`rare.py`): the last fallback."""
    guessed: dict[str, str] = field(default_factory=dict)
    """Those of `rare` whose reading is a guess -> how it was guessed ("kCantonese tin1")."""

    def whole_word_reading(self, word: str) -> tuple[str, ...] | None:
        """A dictionary's reading of the whole word: pypinyin's phrase, else CC-CEDICT's first; or None."""
        entry = self.phrases.get(word)
        if entry and len(entry) == len(word):
            return tuple(readings[0] for readings in entry)
        rows = self.cedict.get(word, ()) if len(word) <= weighing.LONGEST_CEDICT else ()
        readings = weighing.cedict_readings(word, rows)
        return readings[0] if readings else None

    def read(self, text: str, words: list[str] | None = None) -> list[str]:
        """One syllable per character of `text`; '' for non-Han characters."""
        return self.read_texts([text], None if words is None else [words])[0]

    def read_texts(self, texts: list[str], words: list[list[str]] | None = None) -> list[list[str]]:
        results = [[""] * len(text) for text in texts]
        open_choices = []
        for number, text in enumerate(texts):
            runs = list(HAN_RUN.finditer(text))
            pieces = cut_at_runs(runs, words[number]) if words else [list(self.cut(run.group())) for run in runs]
            for run, run_words in zip(runs, pieces):
                syllables, phrase, parts = self._dictionary_reading(run_words)
                results[number][run.start():run.end()] = syllables
                if self.model is not None:
                    open_choices += self._weigh_run(run, (syllables, phrase, parts), results[number], number)
        if open_choices:
            self._ask_model(texts, results, open_choices)
        return [[self.char_readings.get(c, s) for c, s in zip(text, syllables)]
                for text, syllables in zip(texts, results)]

    def _weigh_run(self, run, reading: tuple, result: list[str], number: int) -> list:
        """Settle each polyphone of the run by the dictionaries where they suffice; the
        rest come back as (text number, position, dictionary scores) for the model."""
        pending, (syllables, phrase, parts) = [], reading
        for index, scores in self._scored(run.group(), syllables, phrase):
            winner = self._agreed(run.group(), reading, index) or weighing.settled(scores)
            if winner is None:
                pending.append((number, run.start() + index, scores))
            else:
                result[run.start() + index] = winner
        return pending

    def _agreed(self, text: str, reading: tuple, index: int) -> str | None:
        """The reading of a character inside a word in everyday use that CC-CEDICT reads
        one way only, with a full tone, where pypinyin's phrases read the word alike or
        lack it: the model does not overrule it (过分 fèn, 着手 zhuó, 尊重 zhòng, 曲折 qū,
        which g2pM misreads with near certainty). Where the two dictionaries differ, either
        has a neutral tone there, or the word is rare (CPP's labels part from both
        dictionaries on rare words: 拖拽, 隔扇, 畹町), weighing decides."""
        syllables, phrase, parts = reading
        word, start = parts.get(index, ("", 0))
        if self.word_frequency.get(word, 0) < weighing.AGREED_WORD:
            return None
        readings = weighing.agreed_readings(word, self.cedict.get(word, ()), self.model)
        if len(readings) != 1:
            return None
        theirs = readings[0][index - start]
        if theirs == toneless(theirs):
            return None
        unknown_to_pypinyin = phrase.get(index) is None and theirs in self.model.candidates(text[index])
        return theirs if theirs == syllables[index] or unknown_to_pypinyin else None

    def _scored(self, text: str, syllables: list[str], phrase: dict[int, str]):
        """(index, each candidate's score before the model) for every polyphone of a Han
        run: dictionaries, then neighbour weights."""
        model, found = self.model, None
        for index, char in enumerate(text):
            if char not in model.polyphones:
                continue
            found = weighing.matches(text, self.windows) if found is None else found
            word = phrase.get(index)
            scores = weighing.bonuses(
                dict.fromkeys((syllables[index], *model.candidates(char))), syllables[index],
                None if word is None else self.word_frequency.get(word, 0), *weighing.support(found, index))
            yield index, add_collocations(scores, self.collocations, text, index)

    def evidence(self, text: str, position: int) -> tuple[dict[str, float], dict[str, float]] | None:
        """What the stage weighs for the polyphone at `position` of `text`: (scores before
        the model, the model's probabilities); None for a character it does not weigh.
        For fitting weights (bench/fit_collocations.py), one character at a time."""
        run = next((r for r in HAN_RUN.finditer(text) if r.start() <= position < r.end()), None)
        if run is None or self.model is None or text[position] not in self.model.polyphones:
            return None
        syllables, phrase, _ = self._dictionary_reading(list(self.cut(run.group())))
        scores = dict(self._scored(run.group(), syllables, phrase))[position - run.start()]
        [[probabilities]] = self.model.probabilities(*_model_context(text, position))
        return scores, probabilities

    def _ask_model(self, texts: list[str], results: list[list[str]], open_choices: list) -> None:
        """The model's probabilities for each open choice, from CONTEXT characters either side."""
        contexts = [_model_context(texts[n], p) for n, p, _ in open_choices]
        odds = self.model.probabilities([run for [run], _ in contexts], [target for _, [target] in contexts])
        for (number, position, scores), [dist] in zip(open_choices, odds):
            results[number][position] = weighing.choose(scores, dist)

    def _dictionary_reading(self, words: list[str]) -> tuple[list[str], dict[int, str], dict[int, tuple[str, int]]]:
        """Readings from the phrase dictionary word by word, else each character's first; for
        characters read inside a phrase, that phrase; for those of a longer word, (the word, its start)."""
        syllables: list[str] = []
        phrase: dict[int, str] = {}
        parts: dict[int, tuple[str, int]] = {}
        pieces, whole = self._known_parts(words)
        for word in pieces:
            if len(word) > 1:
                parts.update(dict.fromkeys(range(len(syllables), len(syllables) + len(word)), (word, len(syllables))))
            entry = self.phrases.get(word) if len(word) > 1 else None
            if entry and len(entry) == len(word):
                phrase.update(dict.fromkeys(range(len(syllables), len(syllables) + len(word)), word))
                syllables += [readings[0] for readings in entry]
            else:
                firsts = [self._first_reading(c) for c in word]
                syllables += self._unweighed_reading(word, firsts) if len(word) > 1 else firsts
        for word, at in whole:  # read by its parts above, but CC-CEDICT may read it whole (心潮澎湃 péng)
            syllables[at:at + len(word)] = self._unweighed_reading(word, syllables[at:at + len(word)])
        return syllables, phrase, parts

    def _unweighed_reading(self, word: str, firsts: list[str]) -> list[str]:
        """A word pypinyin's phrases lack: CC-CEDICT's one reading of it for the characters
        the model never weighs (`wordpieces.unweighed_readings`), else `firsts`."""
        if self.model is None or len(word) > weighing.LONGEST_CEDICT or self._open_choices.isdisjoint(word):
            return firsts  # most words: no character with a choice the model leaves alone
        return wordpieces.unweighed_readings(word, firsts, self.cedict, self.characters, self.model.polyphones)

    @cached_property
    def _open_choices(self) -> frozenset:  # characters pypinyin reads two ways that the model never weighs (澎)
        return frozenset(chr(c) for c, readings in self.characters.items() if "," in readings) - self.model.polyphones

    def _first_reading(self, char: str) -> str:  # pypinyin's, else Unihan's (`rare.py`), else ''
        return self.characters.get(ord(char), "").split(",")[0] or self.rare.get(char, "")

    def _known_parts(self, words: list[str]) -> tuple[list[str], list[tuple[str, int]]]:
        """The words, a longer one pypinyin lacks cut into its phrases; and each such (word, start)."""
        parts, whole, at = [], [], 0
        for word in words:
            if len(word) < 3 or word in self.phrases:
                parts.append(word)
            else:
                parts += wordpieces.phrase_pieces(word, self.phrases, self.cedict)
                whole.append((word, at))
            at += len(word)
        return parts, whole


def _model_context(text: str, position: int) -> tuple[list[str], list[list[int]]]:
    """The model's input for one character: CONTEXT characters either side, and where the
    character is in them (shaped as `PolyphoneModel.probabilities` takes them)."""
    reach = weighing.CONTEXT
    return [text[max(0, position - reach):position + reach + 1]], [[min(position, reach)]]
