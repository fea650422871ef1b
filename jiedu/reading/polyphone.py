"""A context model for polyphonic characters: g2pM's BiLSTM, run batched in numpy.

g2pM (Park & Lee, Interspeech 2020; Apache-2.0) ships its trained weights in its
wheel. Its own `G2pM.__call__` runs one sentence at a time in float64; here the
same network runs many character runs at once in float32 (same predictions,
about 15x faster), and returns probabilities so they can be weighed against the
dictionaries rather than replacing them.
"""

import os
import pickle

import numpy as np

from ..syllables import numbered_to_marked


class PolyphoneModel:
    """Probabilities of each reading of a polyphonic character, given its run."""

    def __init__(self, weights: dict, char_index: dict, readings: dict, classes: dict):
        self.weights = {name: _gates_ifog(name, np.asarray(value, dtype=np.float32)) for name, value in weights.items()}
        self.char_index = char_index
        # CC-CEDICT writes xx5 for "reading unknown" (卪 jié, xx5): no reading, or the model
        # could choose it and print "xx".
        self.readings = {char: [c for c in choices if not c.startswith("xx")] for char, choices in readings.items()}
        """Character -> its possible readings (g2pM's CC-CEDICT digest, numbered)."""
        self.class_of = {name: index for name, index in classes.items()}
        self.hidden_size = self.weights["lstm.weight_hh_l0"].shape[1]
        self.polyphones = frozenset(char for char, choices in readings.items() if len(choices) > 1)
        self._projected = _input_projections(self.weights)
        # Contiguous operands: a strided one sends OpenBLAS down a threaded path that,
        # on a busy machine, makes a tiny product cost milliseconds.
        self._recurrent = np.ascontiguousarray(np.stack([self.weights[f"lstm.weight_hh_l0{d}"].T
                                                         for d in ("", "_reverse")]))
        self._hidden_layer = np.ascontiguousarray(self.weights["logit_layer.0.weight"].T)
        self._choices: dict[str, tuple[list[str], np.ndarray]] = {}

    def is_polyphone(self, char: str) -> bool:
        return char in self.polyphones

    def probabilities(self, runs: list[str], targets: list[list[int]]) -> list[list[dict[str, float]]]:
        """For each run and each target index in it: {tone-marked reading: probability}."""
        jobs = [(r, t) for r, t in zip(runs, targets) if t]
        hidden = self._hidden_sorted([r for r, _ in jobs]) if jobs else []
        states = [state[i] for state, (_, indexes) in zip(hidden, jobs) for i in indexes]
        chars = [run[i] for run, indexes in jobs for i in indexes]
        if not states:
            return [[] for _ in runs]
        odds = iter(self._softmax(np.stack(states), chars))
        return [[dict(next(odds)) for _ in indexes] for indexes in targets]

    def _softmax(self, states: np.ndarray, chars: list[str]):
        """(reading, probability) pairs of each target's own candidate readings only: the
        output layer has a row per reading of every character (~1,000), a target needs
        two or three."""
        w = self.weights
        layer = np.maximum(states @ self._hidden_layer + w["logit_layer.0.bias"], 0)
        choices = [self._candidates(c) for c in chars]
        counts = [len(names) for names, _ in choices]
        starts = np.cumsum([0] + counts[:-1])
        flat = np.concatenate([classes for _, classes in choices])
        logits = (np.einsum("ij,ij->i", layer[np.repeat(np.arange(len(chars)), counts)], w["logit_layer.2.weight"][flat])
                  + w["logit_layer.2.bias"][flat])
        odds = np.exp(logits - np.repeat(np.maximum.reduceat(logits, starts), counts))
        probabilities = (odds / np.repeat(np.add.reduceat(odds, starts), counts)).tolist()
        return [zip(names, probabilities[start:start + len(names)]) for (names, _), start in zip(choices, starts)]

    def candidates(self, char: str) -> list[str]:
        """The character's readings, tone-marked."""
        return self._candidates(char)[0]

    def _candidates(self, char: str) -> tuple[list[str], np.ndarray]:
        """The character's readings, tone-marked, and their class numbers (memoised)."""
        if char not in self._choices:
            numbered = self.readings[char]
            self._choices[char] = ([numbered_to_marked(c) for c in numbered],
                                   np.array([self.class_of[c] for c in numbered]))
        return self._choices[char]

    def _hidden_sorted(self, runs: list[str], batch: int = 64) -> list[np.ndarray]:
        """Batches of similar length, so short runs do not wait on padding. Larger
        batches are slower, not faster: from 128 rows OpenBLAS splits each step's small
        matrix product across threads, which on a busy machine wait on each other
        (measured: 4,096 runs took 0.2 s in batches of 64 to 120, 2.5-6 s in 128s)."""
        order = sorted(range(len(runs)), key=lambda i: len(runs[i]))
        hidden: list = [None] * len(runs)
        for start in range(0, len(order), batch):
            chunk = order[start:start + batch]
            for i, states in zip(chunk, self._hidden([runs[i] for i in chunk])):
                hidden[i] = states
        return hidden

    def _hidden(self, runs: list[str]) -> list[np.ndarray]:
        """BiLSTM states for every character of every run: list of [len(run), 2H]."""
        unknown = self.char_index["<UNK>"]
        ids = [[self.char_index["시"], *(self.char_index.get(c, unknown) for c in r), self.char_index["끝"]]
               for r in runs]
        length = max(map(len, ids))
        forward = np.zeros((len(ids), length), np.int64)
        backward = np.zeros_like(forward)
        for row, sequence in enumerate(ids):
            forward[row, :len(sequence)] = sequence
            backward[row, :len(sequence)] = sequence[::-1]
        ahead, behind = self._bilstm(forward, backward)
        return [np.concatenate([ahead[row, 1:len(s) - 1], behind[row, len(s) - 2:0:-1]], axis=1)
                for row, s in enumerate(ids)]

    def _bilstm(self, forward: np.ndarray, backward: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Both directions in one loop: stacked as a leading axis of size 2, so each
        time step is one batched matmul instead of two."""
        size, recurrent = self.hidden_size, self._recurrent
        inputs = np.stack([self._projected[0][forward], self._projected[1][backward]])
        h = np.zeros((2, forward.shape[0], size), np.float32)
        c = np.zeros_like(h)
        out = np.zeros((2, *forward.shape, size), np.float32)
        for t in range(forward.shape[1]):
            gates = inputs[:, :, t] + h @ recurrent
            ifo = _sigmoid(gates[..., :3 * size])
            c_next = ifo[..., size:2 * size] * c + ifo[..., :size] * np.tanh(gates[..., 3 * size:])
            h = ifo[..., 2 * size:] * np.tanh(c_next)
            c = c_next
            # No masking: padding only ever follows a sequence (both directions are
            # left-aligned), so states computed over it are never read.
            out[:, :, t] = h
        return out[0], out[1]


def _gates_ifog(name: str, value: np.ndarray) -> np.ndarray:
    """PyTorch orders LSTM gates i, f, g, o; reorder to i, f, o, g so the three
    sigmoid gates are one contiguous slice."""
    if not name.startswith("lstm."):
        return value
    i, f, g, o = np.split(value, 4, axis=0)
    return np.concatenate([i, f, o, g], axis=0)


def _input_projections(w: dict) -> np.ndarray:
    """Each vocabulary character's input to the LSTM gates, both directions, biases
    included: a lookup at run time instead of a matrix product."""
    embed = w["embedding.weight"]
    return np.stack([embed @ w[f"lstm.weight_ih_l0{d}"].T + w[f"lstm.bias_ih_l0{d}"] + w[f"lstm.bias_hh_l0{d}"]
                     for d in ("", "_reverse")])


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-x))


def load_polyphone_model() -> PolyphoneModel:
    """The weights and tables that the g2pM wheel ships (no download)."""
    import g2pM

    folder = os.path.dirname(g2pM.__file__)

    def load(name: str):
        with open(os.path.join(folder, name), "rb") as file:
            return pickle.load(file)

    return PolyphoneModel(load("np_ckpt.pkl"), load("char2idx.pkl"), load("digest_cedict.pkl"), load("class2idx.pkl"))
