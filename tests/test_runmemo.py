"""The segment stage's per-article memo (jiedu/stages/runmemo.py): the same words as
the segmenter itself, each short run cut once."""

from jiedu.stages.runmemo import MEMO_RUN, RunMemo
from jiedu.stages.segment import segment


class Counting:
    """A fake segmenter: each character a word; counts its calls."""

    def __init__(self):
        self.calls = 0

    def cut_han(self, run, splits=()):
        self.calls += 1
        return [(char, "n") for char in run]


def test_a_run_is_cut_once_and_the_words_are_the_same(seed_article, resources):
    memo = RunMemo(resources.segmenter, ())
    for block in seed_article.blocks[:40]:
        assert segment(block, memo, ()) == segment(block, resources.segmenter, ())


def test_short_runs_are_kept_long_ones_and_other_splits_are_not():
    counting = Counting()
    memo = RunMemo(counting, ())
    for _ in range(3):
        assert memo.cut_han("包头市") == [("包", "n"), ("头", "n"), ("市", "n")]
    assert counting.calls == 1
    long_run = "包" * (MEMO_RUN + 1)
    memo.cut_han(long_run), memo.cut_han(long_run)
    memo.cut_han("包头市", ("other",))
    assert counting.calls == 4
    memo.cut_han("包头市").append(("x", "x"))  # the caller's own list
    assert memo.cut_han("包头市") == [("包", "n"), ("头", "n"), ("市", "n")]
