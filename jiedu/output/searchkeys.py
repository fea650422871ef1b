"""The keys of the sharded search index, and how their lists of chunks are written.

A chunk (a run of one article's blocks, `searchfiles.py`) is listed under every key it
holds; a query looks up a few of its own keys and reads only the chunks listed under all
of them. Keys are chosen so that a block a query matches always holds every key the query
makes (assets/find.js makes the same keys the same way): the lists may name a chunk
that does not match, never leave out one that does.

- Han: each character and each pair of adjacent characters, of the Simplified and of the
  Traditional text (a Chinese query matches either).
- Pinyin: `p` and the 2, 3 and 6 letters from each syllable's start in the block's
  toneless pinyin run together (a pinyin query starts at a syllable).
- English: `e` and every 2 and every 3 characters of the lower-cased translation (code
  points, as find.js counts them too).
"""

from ..text import HAN_RUN

PINYIN_WINDOWS = (2, 3, 6)
CONTINUE, FINAL = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", "abcdefghijklmnopqrstuvwxyz6789-_"


def han_keys(text: str, keys: set[str]) -> None:
    """Each Han character and each pair of adjacent Han characters."""
    for run in HAN_RUN.findall(text):
        keys.update(run)
        keys.update(run[i:i + 2] for i in range(len(run) - 1))


def pinyin_keys(pinyin: str, keys: set[str]) -> None:
    """The first 3 and 6 letters from each syllable's start (whole windows only)."""
    syllables = pinyin.split()
    joined, at = "".join(syllables), 0
    for syllable in syllables:
        for size in PINYIN_WINDOWS:
            if at + size <= len(joined):
                keys.add("p" + joined[at:at + size])
        at += len(syllable)


def english_keys(english: str, keys: set[str]) -> None:
    """Every 2 and 3 characters, but those across a line break: a search field has none."""
    text = english.lower()
    for size in (2, 3):
        grams = (text[i:i + size] for i in range(len(text) - size + 1))
        keys.update("e" + gram for gram in grams if "\n" not in gram and "\r" not in gram)


def block_keys(block: list[str], keys: set[str]) -> None:
    """A search record's block `[Simplified, Traditional or "", pinyin, English]`."""
    han_keys(block[0], keys)
    han_keys(block[1], keys)
    pinyin_keys(block[2], keys)
    english_keys(block[3], keys)


def shard_of(key: str, shards: int) -> int:
    """FNV-1a over the key's UTF-16 code units, as JavaScript sees the string."""
    value = 2166136261
    data = key.encode("utf-16-le")
    for i in range(0, len(data), 2):
        value = ((value ^ (data[i] | data[i + 1] << 8)) * 16777619) & 0xFFFFFFFF
    return value % shards


def encode_numbers(numbers: list[int]) -> str:
    """Ascending numbers as gaps (the first counted from -1), each in base 32: every
    digit but the last from CONTINUE, the last from FINAL. [0, 1, 2, 40] -> 'bbbBg'."""
    out, previous = [], -1
    for number in numbers:
        gap, previous = number - previous, number
        if gap < 32:  # most: one letter
            out.append(FINAL[gap])
            continue
        digits = [FINAL[gap & 31]]
        gap >>= 5
        while gap:
            digits.append(CONTINUE[gap & 31])
            gap >>= 5
        out.append("".join(reversed(digits)))
    return "".join(out)


def decode_numbers(text: str) -> list[int]:
    """The inverse of `encode_numbers` (find.js has its twin)."""
    numbers, value, previous = [], 0, -1
    for char in text:
        if char in CONTINUE:
            value = value * 32 + CONTINUE.index(char)
        else:
            previous += value * 32 + FINAL.index(char)
            numbers.append(previous)
            value = 0
    return numbers
