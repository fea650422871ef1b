"""Where each table header and key of a TOML file stands, found by its structure.

tomllib gives values without places, and messages must name lines. Matching lines
by their text (`line.strip() == "[[term]]"`) misses `[[term]] # note` and
`[[ term ]]`, and takes a `[[term]]` inside a multi-line string for a header; then
entries are silently dropped and every later message names the wrong line. This
scan follows TOML's lexical structure instead: strings (all four kinds), comments,
and arrays that span lines. It runs only on text tomllib has accepted.
"""

import bisect
import re
import tomllib

BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
BLANK = re.compile(r"(?:[ \t\r\n]|#[^\n]*)*")
SPACES = re.compile(r"[ \t]*")
STRINGS = (  # the longer openings first
    re.compile(r'"""(?:[^"\\]|\\.|"{1,2}(?!"))*"{3,5}', re.S),
    re.compile(r"'''(?:[^']|'{1,2}(?!'))*'{3,5}"),
    re.compile(r'"(?:[^"\\\n]|\\.)*"'),
    re.compile(r"'[^'\n]*'"),
)
VALUE_STOP = re.compile(r"[\"'\[\]{}#\n]")


def statements(text: str) -> list[tuple[str, tuple[str, ...], int]]:
    """(kind, key path, offset) of each `[[array]]` and `[table]` header and each `key =`."""
    found, position = [], 0
    while (position := BLANK.match(text, position).end()) < len(text):
        start = position
        if text[position] == "[":
            kind = "array" if text.startswith("[[", position) else "table"
            keys, position = read_key(text, position + (2 if kind == "array" else 1))
            position += 2 if kind == "array" else 1  # the closing ]] or ]
        else:
            kind = "key"
            keys, position = read_key(text, position)
            position = skip_value(text, position + 1)  # past the =
        found.append((kind, keys, start))
    return found


def read_key(text: str, position: int) -> tuple[tuple[str, ...], int]:
    """A dotted key (bare or quoted parts), and the position after it and its spaces."""
    parts = []
    while True:
        position = SPACES.match(text, position).end()
        string = next((m for p in STRINGS[2:] if (m := p.match(text, position))), None)
        if string:
            parts.append(tomllib.loads(f"k = {string.group()}")["k"])
        else:
            string = BARE_KEY.match(text, position)
            parts.append(string.group())
        position = SPACES.match(text, string.end()).end()
        if not text.startswith(".", position):
            return tuple(parts), position
        position += 1


def skip_value(text: str, position: int) -> int:
    """The end of the value that starts at `position`: the newline closing it (or the text's end)."""
    depth = 0
    while (stop := VALUE_STOP.search(text, position)) is not None:
        char, position = stop.group(), stop.start()
        if char in "\"'":
            position = next(m for p in STRINGS if (m := p.match(text, position))).end()
        elif char == "#":
            end = text.find("\n", position)
            position = len(text) if end == -1 else end
        elif char == "\n" and depth == 0:
            return position
        else:
            depth += {"[": 1, "{": 1, "]": -1, "}": -1}.get(char, 0)
            position += 1
    return len(text)


def locate(text: str) -> tuple[dict[tuple, tuple[int, int]], dict[tuple, int]]:
    """(spots, counts). spots: path -> (line, column) of the header or key that defines it;
    a path holds array indices, ("term", 0, "pinyin") being the first [[term]]'s pinyin.
    counts: path of each array of tables -> how many headers add to it."""
    newlines = [m.start() for m in re.finditer("\n", text)]
    spots: dict[tuple, tuple[int, int]] = {}
    counts: dict[tuple, int] = {}
    table: tuple = ()
    for kind, keys, offset in statements(text):
        line = bisect.bisect_left(newlines, offset)
        spot = (line + 1, offset - (newlines[line - 1] + 1 if line else 0) + 1)
        if kind == "key":
            for end in range(1, len(keys) + 1):
                spots.setdefault(table + keys[:end], spot)
            continue
        for end in range(1, len(keys)):  # [a.b] defines a too
            spots.setdefault(indexed(keys[:end], counts), spot)
        table = indexed(keys[:-1], counts) + keys[-1:]
        if kind == "array":
            spots.setdefault(table, spot)
            counts[table] = counts.get(table, 0) + 1
            table += (counts[table] - 1,)
        spots[table] = spot
    return spots, counts


def indexed(keys: tuple[str, ...], counts: dict[tuple, int]) -> tuple:
    """A header's key path with, after each array of tables in it, the index of its last entry."""
    path: tuple = ()
    for key in keys:
        path += (key,)
        if path in counts:
            path += (counts[path] - 1,)
    return path
