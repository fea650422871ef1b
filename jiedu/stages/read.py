"""Read: find an article's files, decode its source, parse its metadata.

I/O happens here and nowhere else on the way in. The source text is decoded
exactly; nothing is normalised yet (that is the clean stage's job, on the record).
"""

import codecs
import math
import re
from pathlib import Path

from ..files.contentfile import present, read_content_bytes, read_content_text
from ..errors import ContentError
from ..files.meta import read_meta
from ..model import Finding, Place, Source
from .overrides import load_overrides
from ..text import HAN
from ..files.tomlfile import check_table, only_tables, read_toml, tables

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
LEGACY = ("gb18030", "big5")
REPAIR = {"line": "integer", "column": "integer", "find": "string", "replace": "string", "note": "text"}
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def decode(data: bytes, path: str, char_frequency: dict[str, int], encoding: str = "") -> tuple[str, str]:
    """Return (text, encoding). BOMs decide; else UTF-8; else the likelier of GB18030 and Big5."""
    if encoding:
        return _decode_strictly(data, encoding, path), encoding
    for bom, name in BOMS:
        if data.startswith(bom):
            return _decode_strictly(data, name, path), name
    decoded, failures = {}, []
    for name in ("utf-8", *LEGACY):
        try:
            decoded[name] = data.decode(name)
        except UnicodeDecodeError as error:
            failures.append(f"{name} (byte 0x{data[error.start]:02x} at offset {error.start})")
    if "utf-8" in decoded or not decoded:
        if not decoded:
            raise ContentError(Place(path, 1, 1), "cannot decode the source: not " + ", not ".join(failures))
        return decoded["utf-8"], "utf-8"
    best = max(decoded, key=lambda name: _plausibility(decoded[name], char_frequency))
    return decoded[best], best


def _decode_strictly(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise ContentError(Place(path, 1, 1), f"cannot decode the source as {encoding}: not a known text encoding (meta.toml's `encoding`; e.g. "
                           "\"gb18030\", \"big5\" or \"utf-8\")") from None
    except UnicodeError as error:  # also codecs that refuse to decode at all, such as "undefined"
        offset = getattr(error, "start", 0)
        raise ContentError(Place(path, 1, 1), f"cannot decode the source as {encoding} (at byte offset {offset})") from None


def _plausibility(text: str, char_frequency: dict[str, int]) -> float:
    """Mean log-frequency of the Han characters: mis-decoded text is full of rare ones."""
    chars = HAN.findall(text)
    if not chars:
        return 0.0
    return sum(math.log1p(char_frequency.get(c, 0)) for c in chars) / len(chars)


def split_paragraphs(text: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Blank-line separated paragraphs, each with the line it starts on."""
    paragraphs, starts, current = [], [], []
    for number, line in enumerate(LINE_BREAK.split(text), 1):
        if line.strip():
            if not current:
                starts.append(number)
            current.append(line.rstrip())
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return tuple(paragraphs), tuple(starts)


def source_file(folder: Path, shown: str) -> Path:
    candidates = sorted(folder.glob("source*.txt"))
    if len(candidates) != 1:
        raise ContentError(Place(shown, 1, 1), f"expected exactly one source*.txt, found {len(candidates)}")
    return candidates[0]


def read_article(folder: Path, root: Path, char_frequency: dict[str, int],
                 content: Path | None = None) -> tuple[Source, list[Finding]]:
    """Read content/articles/<slug>/: source*.txt, meta.toml, repairs.toml?, translation.en.md?
    Paths in messages are relative to `root`; every file must be inside `content`
    (by default the folder two up, content/ of content/articles/<slug>)."""
    content = content or folder.parent.parent

    def shown(path: Path) -> str:
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)

    meta_path = folder / "meta.toml"
    if not present(meta_path):
        raise ContentError(Place(shown(folder), 1, 1), "missing meta.toml")
    meta, findings = read_meta(read_toml(meta_path, shown(meta_path), content))
    text_path = source_file(folder, shown(folder))
    data = read_content_bytes(text_path, content, shown(text_path))
    text, encoding = decode(data, shown(text_path), char_frequency, meta.get("encoding", ""))
    repairs, repairs_shown = _read_repairs(folder / "repairs.toml", shown(folder / "repairs.toml"), content)
    translation_path = folder / "translation.en.md"
    paragraphs, starts = (split_paragraphs(read_content_text(translation_path, content, shown(translation_path), True))
                          if present(translation_path) else (None, ()))
    return Source(
        slug=folder.name, path=shown(text_path), text=text, encoding=encoding, meta=meta,
        repairs=repairs, repairs_path=repairs_shown, translation=paragraphs,
        translation_path=shown(translation_path), translation_lines=starts,
        overrides=load_overrides(folder / "overrides.toml", shown(folder / "overrides.toml"), content),
    ), findings


def _read_repairs(path: Path, shown: str, content: Path) -> tuple[tuple, str]:
    """Each [[repair]] table, checked, with the place of its header (a failed repair names it)."""
    if not present(path):
        return (), ""
    doc = read_toml(path, shown, content)
    only_tables(doc, ("repair",))
    for where, table in tables(doc, "repair"):
        check_table(doc, where, table, REPAIR, "a repair")
    return tuple({**table, "place": doc.place(*where)} for where, table in tables(doc, "repair")), shown
