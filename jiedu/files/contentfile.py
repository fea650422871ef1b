"""Every file the build reads from content/ comes through here.

A content file must be a regular file inside content/: a symbolic link that leads
out of it (to /proc/self/environ, to a credentials file) would publish what it
points at, and a FIFO or device would hang or flood the build. The kind of file is
checked with stat before it is opened, and again on the open descriptor, so a FIFO
is never waited on. Text files a person writes must be UTF-8 (a BOM is fine).
"""

import codecs
import os
import stat
from pathlib import Path

from ..errors import ContentError
from ..model import Place

KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
         (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def present(path: Path) -> bool:
    """There is something at `path` (a dangling link counts, so it is reported, not skipped)."""
    return os.path.lexists(path)


def read_regular(path: Path, shown: str) -> bytes:
    """The bytes of a regular file; anything else is a ContentError naming it."""
    place = Place(shown, 1, 1)
    try:
        _check_kind(os.stat(path).st_mode, place)
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(descriptor, "rb") as file:
            _check_kind(os.fstat(file.fileno()).st_mode, place)  # it may have been swapped since the stat
            return file.read()
    except FileNotFoundError:
        problem = "is a symbolic link to nothing" if os.path.islink(path) else "does not exist"
        raise ContentError(place, f"the file {problem}") from None
    except OSError as error:
        raise ContentError(place, f"cannot read the file: {error.strerror or error}") from None


def _check_kind(mode: int, place: Place) -> None:
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in KINDS if test(mode)), "not a regular file")
        raise ContentError(place, f"expected a regular file, found {kind}")


def inside(path: Path, root: Path) -> bool:
    """Whether `path`, every link followed, is inside `root`."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))


def read_content_bytes(path: Path, root: Path, shown: str) -> bytes:
    """A regular file inside `root` (content/), links followed; else a ContentError."""
    if present(path) and not inside(path, root):
        raise ContentError(Place(shown, 1, 1), "is a symbolic link to a file outside content/; "
                           "jiedu reads only files inside content/")
    return read_regular(path, shown)


def read_content_text(path: Path, root: Path, shown: str, utf16: bool = False) -> str:
    """A text file a person writes: UTF-8, with or without a BOM (UTF-16 with a BOM when `utf16`)."""
    return decode_utf8(read_content_bytes(path, root, shown), shown, utf16)


def decode_utf8(data: bytes, shown: str, utf16: bool = False) -> str:
    if utf16 and data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ContentError(Place(shown, 1, 1), f"is not valid UTF-16 at byte {error.start}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise not_utf8(data, error.start, shown) from None
    if "\x00" in text:  # valid UTF-8, but no text a person writes holds NUL: UTF-16 without a BOM
        raise not_utf8(data, text.index("\x00"), shown)
    return text


def not_utf8(data: bytes, at: int, shown: str) -> ContentError:
    """Where the first bad byte is, and what the file probably is instead."""
    if data.startswith(UTF16_BOMS) or data[:200].count(0) > len(data[:200]) // 4:
        return ContentError(Place(shown, 1, 1), "the file must be UTF-8; it looks like UTF-16 (save it as UTF-8)")
    line_start = data.rfind(b"\n", 0, at) + 1
    column = len(data[line_start:at].decode("utf-8-sig", "replace")) + 1
    guess = ""
    for name, label in (("gb18030", "GBK/GB18030"), ("big5", "Big5")):
        try:
            data.decode(name)
        except UnicodeDecodeError:
            continue
        guess = f"; it looks like {label}"
        break
    return ContentError(Place(shown, data.count(b"\n", 0, at) + 1, column),
                        f"the file must be UTF-8, but byte {at} (0x{data[at]:02x}) is not valid UTF-8{guess} "
                        "(save it as UTF-8)")
