"""The sentence a word was first used in, and the clause around it when the sentence is long."""

import re

SENTENCE_ENDS = "。！？；"
SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}]")
CLOSERS = "”’」』）)"
"""Closing quotes and brackets that belong to the sentence they follow."""
CLAUSE = 40
"""Sentences longer than this are shown as the clauses around the word."""
CLAUSE_ENDS = "，；：。！？"


def sentence_at(text: str, offset: int) -> str:
    """The sentence around `offset`: from after the previous 。！？； (and its closing
    quotes) to the next one (with its closing quotes)."""
    start = max(text.rfind(mark, 0, offset) for mark in SENTENCE_ENDS) + 1
    while start < offset and text[start] in CLOSERS:
        start += 1
    found = SENTENCE_END.search(text, offset)
    end = found.end() if found else len(text)
    while end < len(text) and text[end] in CLOSERS:
        end += 1
    return text[start:end].strip()


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
