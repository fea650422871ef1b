"""A segmenter that cuts each short Han run once per article: the segment stage's wrapper.

An article repeats many runs between punctuation (headings, set phrases, its own names),
and `Segmenter.cut_han` depends on nothing but the run and the splits. Long runs seldom
recur, so they are cut as they come and not kept.
"""

from .segment import Segmenter

MEMO_RUN = 64
"""Han runs up to this long are kept: longer ones seldom recur."""


class RunMemo:
    """`segmenter` with `cut_han` remembered per run, for one article's `splits` (the
    overrides' split words: another tuple is cut as it comes)."""

    def __init__(self, segmenter: Segmenter, splits: tuple = ()):
        self.segmenter, self.splits = segmenter, splits
        self.runs: dict[str, list[tuple[str, str]]] = {}

    def cut_han(self, run: str, splits: tuple = ()) -> list[tuple[str, str]]:
        if len(run) > MEMO_RUN or splits is not self.splits:
            return self.segmenter.cut_han(run, splits)
        words = self.runs.get(run)
        if words is None:
            words = self.runs[run] = self.segmenter.cut_han(run, splits)
        return list(words)  # a copy: the caller's list is its own

    def __getattr__(self, name: str):
        return getattr(self.segmenter, name)
