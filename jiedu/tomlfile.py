"""TOML files a person edits: parse errors become ContentErrors naming file:line:col."""

import re
import tomllib
from pathlib import Path

from .errors import ContentError
from .model import Place


def load_toml(path: Path, shown: str) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"line (\d+), column (\d+)", str(error))
        line, column = (int(found[1]), int(found[2])) if found else (1, 1)
        raise ContentError(Place(shown, line, column), f"malformed TOML: {error}") from None
