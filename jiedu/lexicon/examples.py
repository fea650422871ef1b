"""The sentence a word was first used in, and the clause around it when the sentence is long.

A context sentence is bounded: one longer than SENTENCE characters is cut to the clauses
around the word, or to a window around it, marked with `…`; and only that many characters
either side of the word are ever looked at, so a paragraph without punctuation costs a
vocabulary row, a TSV line or an Anki note no more than a short one (issue #13).
"""

import re

SENTENCE_ENDS = "。！？；"
SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}]")
CLOSERS = "”’」』）)"
"""Closing quotes and brackets that belong to the sentence they follow."""
SENTENCE = 160
"""The longest context sentence kept whole, in characters (the seed's longest is 160)."""
CLAUSE = 40
"""Sentences longer than this are shown as the clauses around the word."""
CLAUSE_ENDS = "，；：。！？"
ELLIPSIS = "…"


def sentence_at(text: str, offset: int, length: int = 0, limit: int = SENTENCE) -> str:
    """The sentence around the word `text[offset:offset + length]`: from after the previous
    。！？； (and its closing quotes) to the next one (with its closing quotes). One longer
    than `limit` is cut (`cut_around`): the result is never longer than `limit`, unless
    the word itself is."""
    low, high = max(0, offset - limit - 1), min(len(text), offset + length + limit + 1)
    start, end = sentence_start(text, low, offset), sentence_end(text, offset, high)
    if start is not None and end is not None and len(sentence := text[start:end].strip()) <= limit:
        return sentence
    return cut_around(text, offset, offset + length, (start, end), (low, high), limit)


def sentence_start(text: str, low: int, offset: int) -> int | None:
    """Where the sentence holding `offset` starts, or None when that is before `low`."""
    start = max(text.rfind(mark, low, offset) for mark in SENTENCE_ENDS) + 1
    if start == 0 and low > 0:
        return None
    while start < offset and text[start] in CLOSERS:
        start += 1
    return start


def sentence_end(text: str, offset: int, high: int) -> int | None:
    """Where the sentence holding `offset` ends, or None when that is at or after `high`."""
    found = SENTENCE_END.search(text, offset, high)
    end = found.end() if found else high
    while end < high and text[end] in CLOSERS:
        end += 1
    return end if end < high or high == len(text) else None


def cut_around(text: str, begin: int, finish: int, sentence: tuple, window: tuple, limit: int) -> str:
    """`text[begin:finish]` with as many whole clauses of its sentence around it as fit in
    `limit` characters with the `…` marks; else the characters either side that fit.
    `sentence` is its (start, end), None where unknown; `window` bounds what is read."""
    start, end = sentence
    low, high = start if start is not None else window[0], end if end is not None else window[1]
    room = limit - 2
    first, last = clauses_around(text, begin, finish, low, high, room) or fixed_window(begin, finish, low, high, room)
    lead = ELLIPSIS if start is None or text[start:first].strip() else ""
    tail = ELLIPSIS if end is None or text[last:end].strip() else ""
    return lead + text[first:last].strip() + tail


def clauses_around(text: str, begin: int, finish: int, low: int, high: int, room: int) -> tuple[int, int] | None:
    """The widest run of whole clauses in [low, high) holding [begin, finish) and at most
    `room` long, grown a clause at a time on alternate sides; None if even one is too long."""
    cuts = [i + 1 for i in range(low, high) if text[i] in CLAUSE_ENDS]
    starts = [low] + [cut for cut in cuts if cut <= begin]
    ends = [cut for cut in cuts if cut >= finish] + [high]
    first, last = starts.pop(), ends.pop(0)
    if last - first > room:
        return None
    while (starts and last - starts[-1] <= room) or (ends and ends[0] - first <= room):
        if starts and last - starts[-1] <= room:
            first = starts.pop()
        if ends and ends[0] - first <= room:
            last = ends.pop(0)
    return first, last


def fixed_window(begin: int, finish: int, low: int, high: int, room: int) -> tuple[int, int]:
    """The word and the characters either side of it that fit in `room`, shared evenly
    unless one side runs out."""
    space = max(0, room - (finish - begin))
    before = min(space // 2, begin - low)
    after = min(space - before, high - finish)
    before = min(space - after, begin - low)
    return begin - before, finish + after


def clause_around(sentence: str, text: str, limit: int = CLAUSE) -> tuple[str, str, str]:
    """(before, word, after) for showing a word in its sentence: a sentence longer than
    `limit` is cut to the clause around the word's first occurrence, marked with `…`."""
    at = sentence.find(text)
    if at < 0:
        return sentence, "", ""
    before, after = sentence[:at], sentence[at + len(text):]
    if len(sentence) <= limit:
        return before, text, after
    return clause_start(before, limit), text, clause_end(after, limit)


def clause_start(before: str, limit: int) -> str:
    """The text from the last clause mark before the word; at most `limit` characters."""
    cut = max(before.rfind(mark) for mark in CLAUSE_ENDS) + 1
    if len(before) - cut >= limit:
        return "…" + before[-(limit // 2):]
    return ("…" if cut else "") + before[cut:]


def clause_end(after: str, limit: int) -> str:
    """The text up to and with the next clause mark after the word; at most `limit` characters."""
    ends = [i for i in (after.find(mark) for mark in CLAUSE_ENDS) if i >= 0]
    end = min(ends) + 1 if ends else len(after)
    if end >= limit:
        return after[:limit // 2] + "…"
    return after[:end] + ("…" if end < len(after) else "")
