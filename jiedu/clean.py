"""Stage 2, clean: remove scraped artifacts, apply explicit repairs, report damage,
then normalise half-width punctuation. Every change is an `Edit` on the record.

The order matters: damage is looked for before punctuation is touched, so a `?`
left by mojibake is reported instead of silently becoming a full-width `？`.
"""

import re

from .errors import ContentError
from .model import Cleaned, Edit, Finding, Place, Source
from .text import HAN, HAN_RANGES, PINYIN_LETTERS, TONE_LETTERS, line_column_at, line_starts, offset_of

# A Han character followed by its own reading in ASCII parentheses: 風(fēng).
ARTIFACT = re.compile(f"(?<=[{HAN_RANGES}])\\(([{PINYIN_LETTERS}]{{1,7}})\\)")
PINYIN_SYLLABLE = re.compile(r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:[aeiouüv]+(?:ng|n|r)?|ng|n|m)")
TONELESS = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ", "aaaaeeeeiiiioooouuuuüüüünnnm")
# Runs that can hold mojibake: Latin and tone letters, '?', ')', '(', '_' and U+FFFD.
SUSPECT_RUN = re.compile(f"[{PINYIN_LETTERS}?()_\ufffd]+")
MERGE_GAP = 3
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
CJK_PUNCT = "\u3000-\u303f\uff00-\uffef“”‘’《》〈〉「」『』【】…—·"
CHINESE_CONTEXT = re.compile(f"[{HAN_RANGES}{CJK_PUNCT}]")
FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


def is_pinyin_syllable(word: str) -> bool:
    return bool(PINYIN_SYLLABLE.fullmatch(word.lower().translate(TONELESS)))


def find_artifacts(source: Source, place) -> list[Edit]:
    return [
        Edit(m.start(), m.end(), m.group(), "", "artifact", m.group(1), place(m.start()))
        for m in ARTIFACT.finditer(source.text) if is_pinyin_syllable(m.group(1))
    ]


def find_repairs(source: Source, place) -> list[Edit]:
    """Each repair must match its exact place in the source, or the build fails."""
    edits = []
    for repair in source.repairs:
        missing = {"line", "column", "find", "replace"} - set(repair)
        if missing:
            raise ContentError(repair["place"], f"repair lacks {', '.join(sorted(missing))}")
        start = offset_of(source.text, repair["line"], repair["column"])
        found = "" if start is None else source.text[start:start + len(repair["find"])]
        if found != repair["find"]:
            raise ContentError(repair["place"], f"repair does not match: expected {repair['find']!r} at "
                               f"{source.path}:{repair['line']}:{repair['column']}, found {found!r}")
        edits.append(Edit(start, start + len(found), found, repair["replace"], "repair",
                          repair.get("note", ""), place(start)))
    return edits


def merge(artifacts: list[Edit], repairs: list[Edit]) -> list[Edit]:
    """Artifacts wholly inside a repair are part of it; any other overlap is an error."""
    kept = [a for a in artifacts if not any(r.start <= a.start and a.end <= r.end for r in repairs)]
    edits = sorted(kept + repairs, key=lambda e: e.start)
    for before, after in zip(edits, edits[1:]):
        if after.start < before.end:
            raise ContentError(after.place, f"edits overlap: {before.original!r} and {after.original!r}")
    return edits


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, list[int]]:
    """New text plus, for each of its characters, the source offset it came from."""
    pieces, index, position = [], [], 0
    for edit in edits:
        pieces.append(text[position:edit.start])
        index.extend(range(position, edit.start))
        pieces.append(edit.replacement)
        index.extend([edit.start] * len(edit.replacement))
        position = edit.end
    pieces.append(text[position:])
    index.extend(range(position, len(text)))
    return "".join(pieces), index


def find_damage(place, text: str, index: list[int]) -> list[Finding]:
    """What still looks damaged: mojibake, stray pinyin, U+FFFD, control characters."""
    findings = [Finding(place(index[start]), "damaged-text", f"{reason}: {text[start:end]!r}")
                for start, end, reason in _damaged_spans(text)]
    for m in CONTROL.finditer(text):
        findings.append(Finding(place(index[m.start()]), "damaged-text",
                                f"control character U+{ord(m.group()):04X}"))
    return findings


def _damaged_spans(text: str) -> list[tuple[int, int, str]]:
    """Suspect runs, merged when only a few characters apart: mojibake often decodes
    part of the lost bytes as Han garbage (?shù)闹匾獦?biāo)), and that is one span."""
    spans: list[tuple[int, int, str]] = []
    for m in SUSPECT_RUN.finditer(text):
        reason = _damage_reason(m.group(), text, m.start(), m.end())
        if not reason:
            continue
        if spans and m.start() - spans[-1][1] <= MERGE_GAP and "\n" not in text[spans[-1][1]:m.start()]:
            spans[-1] = (spans[-1][0], m.end(), spans[-1][2])
        else:
            spans.append((m.start(), m.end(), reason))
    return spans


def _damage_reason(run: str, text: str, start: int, end: int) -> str:
    if "\ufffd" in run:
        return "replacement character U+FFFD (bytes lost in decoding)"
    near_han = bool(HAN.match(text[start - 1:start] or " ") or HAN.match(text[end:end + 1] or " "))
    if not near_han or run in "()?":
        return ""
    if "?" in run:
        return "looks like mojibake (characters lost and replaced by '?')"
    if any(c in TONE_LETTERS for c in run.lower()) or run.count("(") != run.count(")"):
        return "stray pinyin fragment"
    return ""


def normalise_punctuation(place, text: str, index: list[int]) -> tuple[str, list[Edit]]:
    """Half-width , : ; ? ! ( ) inside Chinese text become full-width, on the record."""
    chars, edits = list(text), []
    for position in _half_width_positions(text):
        chars[position] = FULL_WIDTH[text[position]]
        edits.append(Edit(index[position], index[position] + 1, text[position], chars[position],
                          "punctuation", "", place(index[position])))
    return "".join(chars), edits


def _half_width_positions(text: str) -> list[int]:
    positions = []
    for m in re.finditer(r"[,:;?!]", text):
        before, after = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
        if CHINESE_CONTEXT.match(before or "a") and (not after or after == "\n" or CHINESE_CONTEXT.match(after)):
            positions.append(m.start())
    for m in re.finditer(r"\(([^()\n]*)\)", text):
        if HAN.search(m.group(1)) and not re.search("[A-Za-z]", m.group(1)):
            positions += [m.start(), m.end() - 1]
    return sorted(positions)


def clean(source: Source) -> Cleaned:
    place = place_finder(source)
    edits = merge(find_artifacts(source, place), find_repairs(source, place))
    text, index = apply_edits(source.text, edits)
    damage = find_damage(place, text, index)
    text, punctuation = normalise_punctuation(place, text, index)
    all_edits = tuple(sorted(edits + punctuation, key=lambda e: (e.start, e.kind)))
    return Cleaned(text, tuple(index), all_edits, tuple(damage))


def place_finder(source: Source):
    """offset -> its Place in the source file; the lines are found once, not per edit."""
    starts = line_starts(source.text)
    return lambda offset: Place(source.path, *line_column_at(starts, offset))
