"""Clean: remove scraped artifacts, apply explicit repairs, report damage,
then normalise half-width punctuation. Every change is an `Edit` on the record,
except line endings: a Windows CRLF or an old Mac CR ends a line like LF does, so
the cleaned text has LF only, and lines and columns count any of the three as one
line break (as the author's editor does).

The order matters: damage is looked for before punctuation is touched, so a `?`
left by mojibake is reported instead of silently becoming a full-width `？`.
"""

import bisect
import re
from dataclasses import dataclass

from ..errors import ContentError
from ..model import Cleaned, Edit, Finding, Place, Source
from ..syllables import toneless
from ..text import HAN, HAN_RANGES, PINYIN_LETTERS, TONE_LETTERS

# A Han character followed by its own reading in ASCII parentheses: 風(fēng).
ARTIFACT = re.compile(f"(?<=[{HAN_RANGES}])\\(([{PINYIN_LETTERS}]{{1,7}})\\)")
PINYIN_SYLLABLE = re.compile(r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:[aeiouüv]+(?:ng|n|r)?|ng|n|m)")
# Runs that can hold mojibake: Latin and tone letters, '?', ')', '(', '_' and U+FFFD.
SUSPECT_RUN = re.compile(f"[{PINYIN_LETTERS}?()_\ufffd]+")
MERGE_GAP = 3
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
CJK_PUNCT = "\u3000-\u303f\uff00-\uffef“”‘’《》〈〉「」『』【】…—·"
CHINESE_CONTEXT = re.compile(f"[{HAN_RANGES}{CJK_PUNCT}]")
LINE_BREAK = re.compile(r"\r\n|\r|\n")
FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


def is_pinyin_syllable(word: str) -> bool:
    return bool(PINYIN_SYLLABLE.fullmatch(toneless(word)))


@dataclass(frozen=True)
class Lines:
    """Where each line of a source starts and where its text ends (at CRLF, CR or LF),
    found once per source: a place is looked up by bisection, so a long source costs no
    more per place than a short one."""

    path: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, source: Source) -> "Lines":
        breaks = list(LINE_BREAK.finditer(source.text))
        return cls(source.path, (0, *(m.end() for m in breaks)), (*(m.start() for m in breaks), len(source.text)))

    def place(self, offset: int) -> Place:
        line = bisect.bisect_right(self.starts, offset)
        return Place(self.path, line, offset - self.starts[line - 1] + 1)

    def offset_of(self, line: int, column: int) -> int | None:
        """Inverse of `place`; None when the place does not exist."""
        if not 1 <= line <= len(self.starts):
            return None
        offset = self.starts[line - 1] + column - 1
        return offset if self.starts[line - 1] <= offset <= self.ends[line - 1] else None


def find_artifacts(source: Source, lines: Lines) -> list[Edit]:
    return [
        Edit(m.start(), m.end(), m.group(), "", "artifact", m.group(1), lines.place(m.start()))
        for m in ARTIFACT.finditer(source.text) if is_pinyin_syllable(m.group(1))
    ]


def find_repairs(source: Source, lines: Lines) -> list[Edit]:
    """Each repair must match its exact place in the source, or the build fails."""
    edits = []
    for repair in source.repairs:
        place = repair["place"]
        missing = {"line", "column", "find", "replace"} - set(repair)
        if missing:
            raise ContentError(place, f"repair lacks {', '.join(sorted(missing))}")
        start = lines.offset_of(repair["line"], repair["column"])
        found = "" if start is None else source.text[start:start + len(repair["find"])]
        if found != repair["find"]:
            raise ContentError(place, f"repair does not match: expected {repair['find']!r} at "
                               f"{source.path}:{repair['line']}:{repair['column']}, found {found!r}")
        edits.append(Edit(start, start + len(found), found, repair["replace"], "repair",
                          repair.get("note", ""), lines.place(start)))
    return edits


def line_endings(text: str) -> list[Edit]:
    """The CR of each CRLF goes, a lone CR becomes LF. Kept off the record (see above)."""
    return [Edit(m.start(), m.start() + 1, "\r", "" if m.group() == "\r\n" else "\n", "line-ending")
            for m in re.finditer(r"\r\n?", text)]


def merge(artifacts: list[Edit], repairs: list[Edit]) -> list[Edit]:
    """Artifacts (and line endings) wholly inside a repair are part of it; any other overlap is an error."""
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


def find_damage(lines: Lines, text: str, index: list[int]) -> list[Finding]:
    """What still looks damaged: mojibake, stray pinyin, U+FFFD, control characters."""
    findings = [Finding(lines.place(index[start]), "damaged-text", f"{reason}: {text[start:end]!r}")
                for start, end, reason in _damaged_spans(text)]
    for m in CONTROL.finditer(text):
        findings.append(Finding(lines.place(index[m.start()]), "damaged-text",
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


def normalise_punctuation(lines: Lines, text: str, index: list[int]) -> tuple[str, list[Edit]]:
    """Half-width , : ; ? ! ( ) inside Chinese text become full-width, on the record."""
    chars, edits = list(text), []
    for position in _half_width_positions(text):
        chars[position] = FULL_WIDTH[text[position]]
        edits.append(Edit(index[position], index[position] + 1, text[position], chars[position],
                          "punctuation", "", lines.place(index[position])))
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
    lines = Lines.of(source)
    edits = merge(find_artifacts(source, lines) + line_endings(source.text), find_repairs(source, lines))
    text, index = apply_edits(source.text, edits)
    damage = find_damage(lines, text, index)
    text, punctuation = normalise_punctuation(lines, text, index)
    recorded = [edit for edit in edits if edit.kind != "line-ending"]
    all_edits = tuple(sorted(recorded + punctuation, key=lambda e: (e.start, e.kind)))
    return Cleaned(text, tuple(index), all_edits, tuple(damage))
