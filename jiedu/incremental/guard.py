"""What is checked before a build touches anything, and one build per output at a time.

A build replaces its output folder whole (write.py), so the folder must be jiedu's:
absent, empty, or holding the marker file every build writes into it. It may never
be, hold or sit inside the content or the templates, nor be or hold the project
folder (the one holding content/) or the home folder. SOURCE_DATE_EPOCH must be a
date every file, zip archives included, can carry.
"""

import os
import re
import stat
import sys
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: builds of one output are not kept apart there
    fcntl = None

MARKER = ".jiedu-site"
MARKER_TEXT = b"jiedu built this folder. A build replaces its output folder only if it holds this file.\n"
LAST_ZIP_SECOND = 4354819199
"""2107-12-31 23:59:59 UTC, the last time a zip header can hold (Anki decks are zips).
Earlier than 1980 is fine: the decks' zip dates are raised to 1980."""


class Refused(Exception):
    """A command line or environment jiedu will not act on: exit 2, nothing touched."""


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH as a number; None when unset or empty."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not value:
        return None
    if not re.fullmatch(r"[0-9]{1,12}", value) or int(value) > LAST_ZIP_SECOND:
        raise Refused(f"SOURCE_DATE_EPOCH={value[:40]!r}: must be whole seconds since 1970, "
                      f"at most {LAST_ZIP_SECOND} (the end of 2107, the last date a zip file holds)")
    return int(value)


def is_marked(folder: Path) -> bool:
    """The folder holds jiedu's marker: a regular file, not a link, with the marker's bytes."""
    try:
        if not stat.S_ISREG(os.lstat(folder / MARKER).st_mode):
            return False
        return (folder / MARKER).read_bytes() == MARKER_TEXT
    except OSError:
        return False


def check_output(output: Path, content: Path, templates: Path) -> None:
    """Raise Refused unless `output` is a folder a build may replace whole."""
    home = os.environ.get("HOME")
    guarded = [("the project folder", content.resolve().parent, ("is", "holds")),
               ("your home folder", Path(home) if home else None, ("is", "holds")),
               ("the content folder", content, ("is", "holds", "is inside")),
               ("the templates folder", templates, ("is", "holds", "is inside"))]
    for name, folder, forbidden in guarded:
        if folder is not None and (relation := _relation(output, folder)) in forbidden:
            raise Refused(f"--output {output}: {relation} {name} ({folder}); a build replaces its output "
                          f"whole, so the output must be a folder of its own, such as site")
    _check_owned(output)


def _relation(output: Path, folder: Path) -> str:
    inside, around = _within(output, folder), _within(folder, output)
    return "is" if inside and around else "holds" if around else "is inside" if inside else ""


def _check_owned(output: Path) -> None:
    target = output.resolve()
    if not os.path.lexists(target):
        return
    if not target.is_dir():
        raise Refused(f"--output {output}: is a file, not a folder")
    if not is_marked(target) and any(target.iterdir()):
        raise Refused(f"--output {output}: holds files jiedu did not write (it has no {MARKER} file) and a "
                      f"build replaces its output whole; choose another folder, or empty or remove this one")


def _within(inner: Path, outer: Path) -> bool:
    """inner is outer or inside it, links resolved (and the same folder however it is named)."""
    inner = inner.resolve()
    return _identity(outer.resolve()) in {_identity(path) for path in (inner, *inner.parents)}


def _identity(path: Path):
    try:
        found = path.stat()
    except OSError:
        return str(path)
    return found.st_dev, found.st_ino


def print_to_stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


@contextmanager
def output_lock(output: Path, say=print_to_stderr):
    """Hold the lock of this output (a file beside it) for the `with` block: a second
    build of the same output waits for the first instead of pulling it from under it."""
    output = output.resolve()
    path = output.parent / f".jiedu-lock-{output.name}"
    if fcntl is None:
        yield
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    handle = _locked(path, lambda: say(f"jiedu: waiting for another build of {output} to finish"))
    try:
        yield
    finally:
        path.unlink(missing_ok=True)  # while holding it: whoever waits on it sees it gone and locks afresh
        handle.close()


def _locked(path: Path, waiting):
    """An open, locked file that is still the one at `path` (not one unlinked meanwhile)."""
    while True:
        handle = open(path, "ab")
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                waiting()
                fcntl.flock(handle, fcntl.LOCK_EX)
            if _identity(path) == _identity_of(handle):
                return handle
        except BaseException:
            handle.close()
            raise
        handle.close()


def _identity_of(handle):
    found = os.fstat(handle.fileno())
    return found.st_dev, found.st_ino


def describe(error: OSError) -> str:
    """An operating system error as one line: the path and the system's words."""
    reason = error.strerror or str(error)
    return f"{error.filename}: {reason}" if error.filename else reason
