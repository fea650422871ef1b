"""TOML files a person edits: read from content/, parsed, and checked value by value.

Every problem is a ContentError naming file:line:col: a parse error where tomllib
found it, a value of the wrong type or an unknown key where that key is written
(`tomlscan` finds the places, since tomllib gives none).
"""

import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from .contentfile import read_content_text
from ..errors import ContentError
from ..model import Place
from .tomlscan import locate

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # tab and newline are fine in running text


def _is_integer(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_strings(value) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


# kind -> (what the message says is expected, the test, control characters refused in its strings)
KINDS = {
    "line": ("a string on one line", lambda v: isinstance(v, str), CONTROL),
    "text": ("a string", lambda v: isinstance(v, str), CONTROL_IN_TEXT),
    "string": ("a string", lambda v: isinstance(v, str), None),
    "lines": ("a list of strings", _is_strings, CONTROL),
    "integer": ("an integer", _is_integer, None),
    "boolean": ("true or false", lambda v: isinstance(v, bool), None),
    "table": ("a table", lambda v: isinstance(v, dict), None),
}
TOML_TYPES = ((bool, "a boolean"), (int, "an integer"), (float, "a float"), (str, "a string"), (list, "a list"),
              (dict, "a table"), (datetime, "a date-time"), (date, "a date"), (time, "a time"))


@dataclass(frozen=True)
class TomlFile:
    data: dict
    shown: str
    spots: dict
    """Key path (array entries by index) -> (line, column) where it is written."""

    def place(self, *path) -> Place:
        """Where the value at `path` is written, or failing that its nearest enclosing table."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.spots:
                return Place(self.shown, *self.spots[path[:end]])
        return Place(self.shown, 1, 1)


def read_toml(path: Path, shown: str, root: Path) -> TomlFile:
    return parse_toml(read_content_text(path, root, shown), shown)


def parse_toml(text: str, shown: str) -> TomlFile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"line (\d+), column (\d+)", str(error))
        line, column = (int(found[1]), int(found[2])) if found else (1, 1)
        raise ContentError(Place(shown, line, column), f"malformed TOML: {error}") from None
    except RecursionError:
        raise ContentError(Place(shown, 1, 1), "malformed TOML: nested too deeply") from None
    spots, counts = locate(text)
    _check_located(data, spots, counts, shown)
    return TomlFile(data, shown, spots)


def _check_located(data: dict, spots: dict, counts: dict, shown: str) -> None:
    """The scan agrees with tomllib: each array of tables has exactly as many headers as
    entries (so none takes another's line) and every top-level key was found."""
    for path, count in counts.items():
        found = _value_at(data, path)
        if not isinstance(found, list) or len(found) != count:
            name = ".".join(str(key) for key in path)
            raise ContentError(Place(shown, *spots[path]), f"found {count} [[{name}]] header(s) but "
                               f"{len(found) if isinstance(found, list) else 'no'} table(s); please report this file")
    for key in data:
        if (key,) not in spots:
            raise ContentError(Place(shown, 1, 1), f"could not find where {key!r} is written; please report this file")


def _value_at(data, path: tuple):
    for key in path:
        data = data[key]
    return data


def describe(value) -> str:
    """What a value is, as TOML calls it, with the value: `an integer (5)`."""
    kind = next((name for type_, name in TOML_TYPES if isinstance(value, type_)), "a value")
    if isinstance(value, (list, dict)):
        return kind
    text = str(value).lower() if isinstance(value, bool) else repr(value) if isinstance(value, str) else str(value)
    return f"{kind} ({text[:40]})"


def check(doc: TomlFile, path: tuple, value, kind: str) -> None:
    """A value of the kind, or a ContentError at its key."""
    expected, valid, control = KINDS[kind]
    if not valid(value):
        raise ContentError(doc.place(*path), f"{path[-1]!r} must be {expected}, not {describe(value)}")
    for text in ([value] if isinstance(value, str) else value) if control else ():
        if found := control.search(text):
            raise ContentError(doc.place(*path), f"{path[-1]!r} holds the control character "
                               f"U+{ord(found.group()):04X}; remove it")


def check_table(doc: TomlFile, path: tuple, table: dict, schema: dict[str, str], what: str) -> None:
    """Every key known to `schema` and of its kind; `what` names the table in messages."""
    for key, value in table.items():
        if key not in schema:
            raise ContentError(doc.place(*path, key), f"unknown key {key!r} in {what} (known: {', '.join(schema)})")
        check(doc, (*path, key), value, schema[key])


def tables(doc: TomlFile, name: str) -> list[tuple[tuple, dict]]:
    """(path, table) of each `[[name]]` entry at the top of the file."""
    entries = doc.data.get(name, [])
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise ContentError(doc.place(name), f"{name!r} must be written as [[{name}]] tables")
    return [((name, index), entry) for index, entry in enumerate(entries)]


def only_tables(doc: TomlFile, names: tuple[str, ...]) -> None:
    """A file of [[name]] tables: anything else at its top is a typo that would do nothing."""
    for key in doc.data:
        if key not in names:
            expected = " or ".join(f"[[{name}]]" for name in names)
            raise ContentError(doc.place(key), f"unknown table or key {key!r}: this file holds {expected} tables")
