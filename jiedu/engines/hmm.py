"""jieba.posseg's joint word-boundary x part-of-speech HMM, decoded with numpy.

jieba runs its Viterbi (jieba/posseg/viterbi.py) in pure Python on every run of
characters its dictionary does not cover: for each character, a max over every pair
of (previous state, state) allowed, as Python tuples. It was three quarters of the
segment stage. This is the same search as arrays, and gives the same route and
probability bit for bit:

- the same floating-point sums in the same order: (V + transition) + emission;
- the same states at each step: those char_state_tab allows for the character and the
  previous states can reach, else all those they can reach;
- the same tie-breaking: jieba takes `max((probability, state))`, so of equal
  probabilities the greatest state tuple wins. States are numbered from the greatest
  tuple down, so numpy's argmax (the first maximum) picks the same one.
"""

from dataclasses import dataclass, field

import numpy as np

MIN_FLOAT = -3.14e100  # jieba's emission of a character a state never emits
MIN_INF = float("-inf")  # jieba's transition between states that never follow each other


@dataclass
class PosHmm:
    """jieba's model as arrays, states numbered from the greatest tuple down."""

    states: list[tuple[str, str]]
    start: np.ndarray
    """Log probability of starting in each state."""
    transition: np.ndarray
    """[from, to] log probability; MIN_INF where jieba has no entry."""
    follows: np.ndarray
    """[from, to] True where jieba has a transition entry (even a very unlikely one)."""
    emit: list[dict]
    """jieba's own {character: log probability} of each state, in state order, read
    per character once (not all up front: a worker may annotate one article)."""
    char_states: dict
    """jieba's own character -> the states it may take."""
    index: dict
    """State -> its number."""
    by_char: dict = field(default_factory=dict)
    """Character -> (allowed states mask, emission per state), built on first sight."""

    def viterbi(self, text: str) -> tuple[float, list[tuple[str, str]]]:
        """What `jieba.posseg.viterbi.viterbi(text, char_state_tab, start, trans, emit)` returns."""
        allowed, emission = self.character(text[0])
        present = np.flatnonzero(allowed)
        scores = self.start[present] + emission[present]
        back = []
        for char in text[1:]:
            present, scores, came_from = self.step(present, scores, *self.character(char))
            back.append(came_from)
        best = int(np.argmax(scores))
        return float(scores[best]), self.route(int(present[best]), back)

    def step(self, present: np.ndarray, scores: np.ndarray, allowed: np.ndarray, emission: np.ndarray):
        """One character on: its states, their best scores, and where each came from.
        Previous states without successors need not be left out as jieba does: their
        row is all MIN_INF, and each state here has a finite candidate to beat it."""
        reachable = self.follows[present].any(axis=0)
        states = np.flatnonzero(allowed & reachable)
        if states.size == 0:
            states = np.flatnonzero(reachable)
            if states.size == 0:  # every previous state was a dead end
                raise ValueError("max() arg is an empty sequence")  # as jieba fails here
        candidates = (scores[:, None] + self.transition[present[:, None], states]) + emission[states]
        came_from = np.empty(len(self.states), dtype=np.intp)
        came_from[states] = present[candidates.argmax(axis=0)]
        return states, candidates.max(axis=0), came_from

    def route(self, last: int, back: list[np.ndarray]) -> list[tuple[str, str]]:
        path = [last]
        for came_from in reversed(back):
            path.append(int(came_from[path[-1]]))
        return [self.states[i] for i in reversed(path)]

    def character(self, char: str) -> tuple[np.ndarray, np.ndarray]:
        known = self.by_char.get(char)
        if known is None:
            allowed = np.zeros(len(self.states), dtype=bool)
            allowed[[self.index[s] for s in self.char_states.get(char, self.states)]] = True
            emission = np.array([row.get(char, MIN_FLOAT) for row in self.emit])
            known = self.by_char[char] = allowed, emission
        return known


def make_hmm(start_p: dict, trans_p: dict, emit_p: dict, char_state_tab: dict) -> PosHmm:
    """The arrays from jieba.posseg's start_P, trans_P, emit_P and char_state_tab_P."""
    states = sorted(trans_p, reverse=True)
    index = {state: i for i, state in enumerate(states)}
    transition = np.full((len(states), len(states)), MIN_INF)
    follows = np.zeros(transition.shape, dtype=bool)
    for source, targets in trans_p.items():
        for target, probability in targets.items():
            transition[index[source], index[target]] = probability
            follows[index[source], index[target]] = True
    return PosHmm(states, np.array([start_p[s] for s in states]), transition, follows,
                  [emit_p[s] for s in states], char_state_tab, index)


class _Recording:
    """Stands in for a tagger's PosHmm and keeps every text jieba hands it."""

    def __init__(self, hmm: PosHmm, texts: list[str]):
        self.hmm, self.texts = hmm, texts

    def viterbi(self, text: str):
        self.texts.append(text)
        return self.hmm.viterbi(text)


def recording_tagger(tagger) -> tuple[object, list[str]]:
    """A copy of `tagger` (tagger.make_tagger's) whose HMM also keeps, in the list
    returned with it, every text jieba decodes: to check this module against jieba on
    real input (tests, bench/segment_speed.py)."""
    texts: list[str] = []
    copy = type(tagger).__new__(type(tagger))  # copy.copy trips over jieba's __getattr__
    copy.__dict__.update(tagger.__dict__, hmm=_Recording(tagger.hmm, texts))
    return copy, texts
