"""Character classes and positions shared by the stages. One definition of "Han"."""

import re
from bisect import bisect_right

from .syllables import TONE_LETTERS

HAN_RANGES = (
    "\u3007"  # 〇
    "\u3400-\u4dbf"  # Extension A
    "\u4e00-\u9fff"  # Unified Ideographs
    "\uf900-\ufaff"  # Compatibility Ideographs
    "\U00020000-\U0003134f"  # Extensions B-G
)
HAN = re.compile(f"[{HAN_RANGES}]")
HAN_RUN = re.compile(f"[{HAN_RANGES}]+")

PINYIN_LETTERS = "a-zA-Z" + TONE_LETTERS + TONE_LETTERS.upper() + "ÜĀÁǍÀ"
TONED = re.compile(f"[{TONE_LETTERS}]")


def is_han(char: str) -> bool:
    return bool(HAN.fullmatch(char))


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset` in `text`.

    >>> line_column("ab\\ncd", 4)
    (2, 2)
    """
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def line_starts(text: str) -> list[int]:
    """The offset where each line of `text` starts, for `line_column_at`."""
    return [0, *(m.end() for m in re.finditer("\n", text))]


def line_column_at(starts: list[int], offset: int) -> tuple[int, int]:
    """`line_column`, by bisection in `line_starts(text)`: one scan of the text for all the
    places in it (a count from the start for each made a long source quadratic)."""
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def offset_of(text: str, line: int, column: int) -> int | None:
    """Inverse of `line_column`; None when the place does not exist."""
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return None
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    offset = start + column - 1
    return offset if start <= offset <= end else None


def longest_spans(text: str, known) -> list[tuple[int, int]]:
    """Greedy longest match, left to right: (start, end) of each piece that is `in known`,
    and of each single character between them.

    >>> longest_spans("工作效率", {"工作", "效率", "工"})
    [(0, 2), (2, 4)]
    """
    spans, start = [], 0
    while start < len(text):
        end = next((e for e in range(len(text), start + 1, -1) if text[start:e] in known), start + 1)
        spans.append((start, end))
        start = end
    return spans
