"""The check of both cuts (issue #16): a glossary term against the known words of jieba's
own cut that straddle its edges (人|民进|入 against 人民 进入), in time proportional to the
term, not to the run."""

from bisect import bisect_left
from itertools import takewhile


def worse_cut(spans: list[tuple[int, int, bool]], start: int, end: int) -> bool:
    """The term [start, end) strands more single characters of the known words that straddle
    its edges than jieba's cut has over the same stretch. `spans` are contiguous, in order:
    only the few around the term are looked at (a long run has thousands)."""
    left, right = _straddled(spans, start, start), _straddled(spans, end, end, high=True)
    if (left, right) == (start, end):
        return False
    stranded = (start - left == 1) + (right - end == 1)
    first = bisect_left(spans, (left, -1, False))
    stretch = takewhile(lambda span: span[1] <= right, spans[first:first + right - left])
    return stranded > sum(1 for low, high, _k in stretch if low >= left and high - low == 1)


def _straddled(spans: list[tuple[int, int, bool]], position: int, default: int, high: bool = False) -> int:
    """The low (or high) end of the known word that straddles `position`, else `default`."""
    index = bisect_left(spans, (position, -1, False)) - 1
    if index < 0:
        return default
    low, upper, known = spans[index]
    return (upper if high else low) if known and low < position < upper else default
