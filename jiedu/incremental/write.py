"""Write: the gathered site goes to disk in one step.

Files are written into a fresh sibling folder which then replaces the output
folder, so a failed build never leaves a half-written site, and files from
earlier builds never linger. Unchanged files are hard links to the previous
output's, so a rebuild after one edit writes only what changed. Every path is
checked to stay inside the output.
"""

import contextlib
import ctypes
import hashlib
import os
import re
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

from .guard import MARKER, MARKER_TEXT, is_marked
from .kept import holds

RENAME_EXCHANGE = 2


def safe_join(root: Path, relative: str) -> Path:
    return Path(safe_path(str(root), relative))


def safe_path(root: str, relative: str) -> str:
    """root/relative as a string, refusing any path that could leave root. Strings, not
    pathlib: a rebuild checks every file of a thousand-article site twice."""
    parts = [part for part in relative.split("/") if part not in ("", ".")]
    if not parts or relative.startswith("/") or ".." in parts:
        raise ValueError(f"refusing to write outside the output folder: {relative!r}")
    return os.path.join(root, *parts)


@dataclass(frozen=True)
class Written:
    """A file as the last build left it in the output: its content's hash, and what
    `stat` said then, so a file changed or replaced since is never reused."""

    sha256: str
    size: int
    mtime_ns: int
    inode: int


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_files(root: Path, files: dict[str, bytes], epoch: int | None = None) -> None:
    """Write files under root (a staging folder). With `epoch` (SOURCE_DATE_EPOCH), every
    file's modification time is set to it."""
    for relative, data in sorted(files.items()):
        target = safe_join(root, relative)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            if epoch is not None:
                os.utime(target, (epoch, epoch))
        except OSError as error:
            if error.filename:
                raise
            raise OSError(error.errno, error.strerror, str(target)) from error  # a full disk names no file


class Staging:
    """A fresh sibling folder the new site is gathered in, then swapped in for the
    output in one step, so a failed build never leaves a half-written site and files
    from earlier builds never linger. Files the last build wrote with the same bytes
    are hard links to the output's own (not written again: same inode, same mtime).
    It holds jiedu's marker from the start: a build that was killed leaves a folder
    the next one knows as its own. The caller has checked the output is jiedu's
    (guard.check_output) and holds its lock (guard.output_lock)."""

    def __init__(self, output: Path, previous: dict[str, Written] | None = None, epoch: int | None = None):
        self.output = output.resolve()
        self.output.parent.mkdir(parents=True, exist_ok=True)
        for stale in stale_siblings(self.output):  # left by a build that was killed
            remove_ours(stale)
        self.path = fresh_sibling(self.output)
        self.path.mkdir()
        self.path.chmod(0o755)  # a site is meant to be read, whatever the umask
        self._mark(epoch)
        self.previous, self.epoch = previous or {}, epoch

    def _mark(self, epoch: int | None) -> None:
        """Link the output's marker if it is right (the same inode: not written again), else write it."""
        old, new = self.output / MARKER, self.path / MARKER
        if is_marked(self.output) and (epoch is None or os.stat(old).st_mtime == epoch):
            with contextlib.suppress(OSError):
                os.link(old, new)
                return
        write_files(self.path, {MARKER: MARKER_TEXT}, epoch)

    def keep(self, wanted: dict[str, str]) -> bool:
        """Link every file of `wanted` (path -> SHA-256) from the output, if all are
        there unchanged since the last build; else link none and say so."""
        found = []
        for relative, digest in wanted.items():
            if not (path := self._unchanged(relative, digest)):
                return False  # one missing is enough: the article's pages are made again
            found.append(path)
        for relative, source in zip(wanted, found):
            target = safe_path(str(self.path), relative)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            try:
                os.link(source, target, follow_symlinks=False)
            except OSError:  # no hard links on this file system
                shutil.copy2(source, target, follow_symlinks=False)
        return True

    def _unchanged(self, relative: str, digest: str) -> str:
        """The output's path of the file if the last build wrote it with this digest and
        nothing touched it since, or it holds those very bytes (a copy restored from a
        deploy's cache has a new inode and time); else ''."""
        known = self.previous.get(relative)
        if known is None or known.sha256 != digest:
            return ""
        path = safe_path(str(self.output), relative)
        try:
            now = os.lstat(path)
        except OSError:
            return ""
        same = (now.st_size, now.st_mtime_ns, now.st_ino) == (known.size, known.mtime_ns, known.inode)
        return path if same or holds(path, now, (known.size, known.sha256), self.epoch) else ""

    def commit(self, hashes: dict[str, str]) -> dict[str, Written]:
        """Swap the staging folder in; the record of every file (path -> SHA-256) as written."""
        record = {}
        for relative, digest in hashes.items():
            now = os.stat(safe_path(str(self.path), relative))
            record[relative] = Written(digest, now.st_size, now.st_mtime_ns, now.st_ino)
        _swap(self.path, self.output)
        return record

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def _swap(staging: Path, output: Path) -> None:
    """Replace output by staging. On Linux both names are exchanged in one atomic
    step (renameat2), so at no instant is there no site or half a site."""
    if output.exists() and _exchange(staging, output):
        remove_ours(staging)  # now holds the previous site
        return
    retired = fresh_sibling(output)
    if output.exists():
        output.rename(retired)
    staging.rename(output)
    remove_ours(retired)


STAGING_NAME = re.compile(r"\.jiedu-staging-(.+)-[0-9a-f]{12}")


def fresh_sibling(output: Path) -> Path:
    """An unused name beside the output that no user folder has: jiedu's prefix, the
    output's name and a random suffix of fixed length (so `site` never claims `site-2`'s)."""
    while (path := output.with_name(f".jiedu-staging-{output.name}-{secrets.token_hex(6)}")).exists():
        pass
    return path


def stale_siblings(output: Path) -> list[Path]:
    names = (entry.name for entry in os.scandir(output.parent))
    return [output.with_name(name) for name in names
            if (found := STAGING_NAME.fullmatch(name)) and found.group(1) == output.name]


def remove_ours(folder: Path) -> None:
    """Remove a folder only if it is jiedu's (holds the marker) or empty; else leave it."""
    if folder.is_symlink() or not folder.is_dir():
        return
    if is_marked(folder):
        shutil.rmtree(folder, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            folder.rmdir()  # fails, keeping it, unless empty


def _exchange(first: Path, second: Path) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_cwd = -100
    return renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), RENAME_EXCHANGE) == 0
