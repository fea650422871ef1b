"""Character classes and positions shared by the stages. One definition of "Han"."""

import re

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
