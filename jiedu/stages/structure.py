"""Structure: split cleaned text into kicker, title, note, headings, paragraphs, and the
credits (dateline, byline).

The layout comes first: meta.toml's `layout`, or else it is seen in the text:
- "lines": a paragraph per line (the usual plain file, final newline or not);
- "blank-lines": paragraphs separated by blank lines, each perhaps wrapped over
  several lines. Taken when the body has three or more blank-line separated groups
  and every group is one line, or most lines inside groups are cut mid-sentence.
Then, in the order a newspaper page is read:
- the first line is the title; if it starts with the article's `column` (metadata)
  followed by a space, that part is the kicker;
- the editor's note: lines opening with 编者按 (or kin) right after the title; or, in
  "lines", up to three lines right after the title closed by a blank line (switch
  off with `editor_note = false`);
- short lines (up to 30 characters) without closing punctuation are section
  headings, and so are short list headings ending in ： and short questions, unless
  they are list items (names run with 、, `主席：习近平`, a line after a ：);
  consecutive ones (the seed's two-line headings) form one heading;
- credits: a dateline opening the first paragraph or on a line of its own, a byline
  closing the last (`credits.py`);
- every other line (group) is a paragraph.
Each block keeps its offset, so `cleaned.text[start:start + len(source)] == source`.
"""

import re

from ..model import Section
from .credits import split_credits

HEADING_MAX = 30
NOTE_MAX = 3
CLOSING = tuple("。！？!?；;…”’」』）)：:，,、")
OPEN_ENDS = ("：", ":", "？", "?")
"""A list heading or a question heading ends with these: the next line is not more of it."""
NOTE_MARK = re.compile(r"[【\[［(（]?(?:编者按|編者按|编者的话|編者的話|编按|編按)")
Line = tuple[int, str]


def lines_with_offsets(text: str) -> list[Line]:
    """(offset, line) for every line, stripped of surrounding white space."""
    result, offset = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        result.append((offset + raw.find(stripped[:1]) if stripped else offset, stripped))
        offset += len(raw) + 1
    return result


def is_heading(line: str, after: str = "") -> bool:
    """A short line without closing punctuation, unless it follows a ： (it is then the
    list's one item); or a short list heading (：) or question (？) that is no sentence
    (no ，). Never a list item."""
    if not 0 < len(line) <= HEADING_MAX or is_list_item(line):
        return False
    if line.endswith(OPEN_ENDS):
        return "，" not in line and "," not in line
    return not line.endswith(CLOSING) and not after.endswith(("：", ":"))


def is_list_item(line: str) -> bool:
    """Names run with 、 (三个以上), or a label and its short value or run (主席：习近平)."""
    label, colon, value = line.rstrip("：:").rpartition("：")
    if colon and label:
        return "、" in value or len(value) <= 4
    return line.count("、") >= 2 and not line.endswith(("：", ":"))


def groups_of(lines: list[Line]) -> list[list[Line]]:
    """The non-empty lines, in runs separated by blank lines."""
    groups: list[list[Line]] = [[]]
    for offset, line in lines:
        if line:
            groups[-1].append((offset, line))
        elif groups[-1]:
            groups.append([])
    return [group for group in groups if group]


def detect_layout(groups: list[list[Line]]) -> str:
    if len(groups) < 3:
        return "lines"
    inner = [line for group in groups for _, line in group[:-1]]
    wrapped = sum(len(line) > HEADING_MAX and not line.endswith(CLOSING) for line in inner)
    return "blank-lines" if wrapped * 2 >= len(inner) else "lines"


def split_title(text: str) -> tuple[Line | None, list[Line]]:
    """The first non-empty line, and the lines after it."""
    lines = lines_with_offsets(text)
    first = next((i for i, (_, line) in enumerate(lines) if line), None)
    return (None, []) if first is None else (lines[first], lines[first + 1:])


def layout_of(text: str, meta: dict) -> str:
    """meta.toml's layout, else the one seen in the text."""
    return meta.get("layout") or detect_layout(groups_of(split_title(text)[1]))


def structure(text: str, meta: dict) -> tuple[Section, ...]:
    title, rest = split_title(text)
    if title is None:
        return ()
    blocks = title_blocks(*title, meta.get("column", ""))
    groups = groups_of(rest)
    layout = meta.get("layout") or detect_layout(groups)
    notes = note_lines(rest, groups, layout) if meta.get("editor_note", True) else []
    blocks += [Section("note", line, offset) for offset, line in notes]
    noted = set(notes)
    body = [line for line in rest if line not in noted]
    units = [[line] for line in body if line[1]] if layout == "lines" else groups_of(body)
    return tuple(split_credits(blocks + body_blocks(text, units)))


def title_blocks(offset: int, line: str, column: str) -> list[Section]:
    if column and line.startswith(column) and line[len(column):len(column) + 1].isspace():
        title = line[len(column):].lstrip()
        return [Section("kicker", column, offset), Section("title", title, offset + len(line) - len(title))]
    return [Section("title", line, offset)]


def note_lines(rest: list[Line], groups: list[list[Line]], layout: str) -> list[Line]:
    """The editor's note right after the title: lines opening with its mark; or, in
    "lines", a short first group that a blank line closes, with no heading in it or
    right after it (then the blank lines part sections)."""
    if not groups or not rest or not rest[0][1]:
        return []  # a blank line right after the title: no note
    first = groups[0]
    closed = len(groups) > 1 and len(first) <= NOTE_MAX and not is_heading(groups[1][0][1])
    if NOTE_MARK.match(first[0][1]):
        return first if layout != "lines" or closed else first[:1]
    if layout != "lines" or not closed:
        return []
    after = ""
    for _, line in first:
        if is_heading(line, after):
            return []
        after = line
    return first


def is_heading_unit(unit: list[Line], after: str) -> bool:
    """Every line of the unit is a heading's (the first after the previous unit's text)."""
    if len(unit) == 1:  # a line: the usual case, kept cheap
        return is_heading(unit[0][1], after)
    return all(is_heading(line, after if index == 0 else "") for index, (_, line) in enumerate(unit))


def body_blocks(text: str, units: list[list[Line]]) -> list[Section]:
    """A paragraph per unit (a line, or a blank-line group as it stands in the text), but
    short units without closing punctuation are headings, and headings of one line on
    consecutive lines are one. Each heading's lines are joined once: joined a line at a
    time, a long run of short lines was quadratic."""
    runs: list[tuple[str, int, list[str]]] = []  # (kind, start, lines)
    end, after = -1, ""  # where the previous line ends; the previous unit's text
    for index, unit in enumerate(units):
        start, stop = unit[0][0], unit[-1][0] + len(unit[-1][1])
        source = unit[0][1] if len(unit) == 1 else text[start:stop]
        heading = index < len(units) - 1 and is_heading_unit(unit, after)
        if heading and runs and runs[-1][0] == "heading" and end + 1 == start and not runs[-1][2][-1].endswith(OPEN_ENDS):
            runs[-1][2].append(source)
        else:
            runs.append(("heading" if heading else "paragraph", start, [source]))
        end, after = stop, unit[-1][1]
    return [Section(kind, "\n".join(parts), start) for kind, start, parts in runs]
