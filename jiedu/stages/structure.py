"""Structure: split cleaned text into kicker, title, note, headings, paragraphs, byline.

Rules, in the order a newspaper page is read:
- the first line is the title; if it starts with the article's `column` (metadata)
  followed by a space, that part is the kicker;
- when the lines after the title are closed by a blank line, they are the column's
  editor's note (switch off with `editor_note = false`);
- short lines without closing punctuation are section headings; consecutive ones
  (the seed's two-line headings) form one heading;
- a closing `（记者 …）` on the last paragraph is the byline;
- every other line is a paragraph.
Each block keeps its offset, so `cleaned.text[start:start + len(source)] == source`.
"""

import re

from ..model import Section

HEADING_MAX = 20
CLOSING = tuple("。！？!?；;…”’」』）)：:，,、")
BYLINE = re.compile(r"[（(](?:本报|本報)?(?:记者|記者|通讯员|通訊員)[^（）()\n]*[）)]$")


def lines_with_offsets(text: str) -> list[tuple[int, str]]:
    """(offset, line) for every line, stripped of surrounding white space."""
    result, offset = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        result.append((offset + raw.find(stripped[:1]) if stripped else offset, stripped))
        offset += len(raw) + 1
    return result


def is_heading(line: str) -> bool:
    return 0 < len(line) <= HEADING_MAX and not line.endswith(CLOSING)


def structure(text: str, meta: dict) -> tuple[Section, ...]:
    lines = lines_with_offsets(text)
    first = next((i for i, (_, line) in enumerate(lines) if line), None)
    if first is None:
        return ()
    blocks = title_blocks(*lines[first], meta.get("column", ""))
    rest = lines[first + 1:]
    note_count = editor_note_length(rest) if meta.get("editor_note", True) else 0
    blocks += [Section("note", line, offset) for offset, line in rest[:note_count] if line]
    blocks += body_blocks([(o, line) for o, line in rest[note_count:] if line])
    return tuple(split_byline(blocks))


def title_blocks(offset: int, line: str, column: str) -> list[Section]:
    if column and line.startswith(column) and line[len(column):len(column) + 1].isspace():
        title = line[len(column):].lstrip()
        return [Section("kicker", column, offset), Section("title", title, offset + len(line) - len(title))]
    return [Section("title", line, offset)]


def editor_note_length(lines: list[tuple[int, str]]) -> int:
    """Lines before the first blank line are a note, if a blank line comes before any heading."""
    for index, (_, line) in enumerate(lines):
        if not line:
            return index
        if is_heading(line):
            return 0
    return 0


def body_blocks(lines: list[tuple[int, str]]) -> list[Section]:
    """A paragraph per line, but short lines without closing punctuation are headings, and
    headings on consecutive lines are one. Each heading's lines are joined once: joined a
    line at a time, a long run of short lines was quadratic."""
    runs: list[tuple[str, int, list[str]]] = []  # (kind, start, lines)
    end = -1  # where the previous line ends
    for index, (offset, line) in enumerate(lines):
        heading = is_heading(line) and index < len(lines) - 1
        if heading and runs and runs[-1][0] == "heading" and end + 1 == offset:
            runs[-1][2].append(line)
        else:
            runs.append(("heading" if heading else "paragraph", offset, [line]))
        end = offset + len(line)
    return [Section(kind, "\n".join(parts), start) for kind, start, parts in runs]


def split_byline(blocks: list[Section]) -> list[Section]:
    if not blocks or blocks[-1].kind != "paragraph":
        return blocks
    last = blocks[-1]
    found = BYLINE.search(last.source)
    if not found:
        return blocks
    body = last.source[:found.start()].rstrip()
    byline = Section("byline", found.group(), last.start + found.start())
    return blocks[:-1] + ([Section("paragraph", body, last.start)] if body else []) + [byline]
