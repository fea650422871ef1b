"""Character classes and positions shared by the stages. One definition of "Han"."""

import re

from .syllables import TONE_LETTERS

HAN_RANGES = (
    "\u3007"  # 〇
    "\u3400-\u4dbf"  # Extension A
    "\u4e00-\u9fff"  # Unified Ideographs
    "\uf900-\ufaff"  # Compatibility Ideographs
    "\U00020000-\U0003134f"  # Extensions B-G and I, the Compatibility Supplement
    "\U00031350-\U000323af"  # Extension H
)
# Unicode's blocks of Han ideographs (Blocks.txt of Unicode 15.1): every code point of
# each, assigned yet or not, has a reading (`reading/rare.py`, bench/unihan_readings.py).
HAN_BLOCKS = {"Extension A": (0x3400, 0x4DBF), "Unified": (0x4E00, 0x9FFF), "Compatibility": (0xF900, 0xFAFF),
              "Extension B": (0x20000, 0x2A6DF), "Extension C": (0x2A700, 0x2B73F),
              "Extension D": (0x2B740, 0x2B81F), "Extension E": (0x2B820, 0x2CEAF),
              "Extension F": (0x2CEB0, 0x2EBEF), "Extension I": (0x2EBF0, 0x2EE5F),
              "Compatibility Supplement": (0x2F800, 0x2FA1F), "Extension G": (0x30000, 0x3134F),
              "Extension H": (0x31350, 0x323AF)}
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
