"""Write: the gathered site goes to disk in one step.

Files are written into a fresh sibling folder which then replaces the output
folder, so a failed build never leaves a half-written site, and files from
earlier builds never linger. Unchanged files are hard links to the previous
output's, so a rebuild after one edit writes only what changed. Every path is
checked to stay inside the output.
"""

import ctypes
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

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
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        if epoch is not None:
            os.utime(target, (epoch, epoch))


class Staging:
    """A fresh sibling folder the new site is gathered in, then swapped in for the
    output in one step, so a failed build never leaves a half-written site and files
    from earlier builds never linger. Files the last build wrote with the same bytes
    are hard links to the output's own (not written again: same inode, same mtime)."""

    def __init__(self, output: Path, previous: dict[str, Written] | None = None):
        self.output = output.resolve()
        self.output.parent.mkdir(parents=True, exist_ok=True)
        for stale in self.output.parent.glob(f".{self.output.name}.*"):  # left by a build that was killed
            shutil.rmtree(stale, ignore_errors=True)
        self.path = Path(tempfile.mkdtemp(prefix=f".{self.output.name}.", dir=self.output.parent))
        self.path.chmod(0o755)  # mkdtemp makes it private; a site is meant to be read
        self.previous = previous or {}

    def keep(self, wanted: dict[str, str]) -> bool:
        """Link every file of `wanted` (path -> SHA-256) from the output, if all are
        there unchanged since the last build; else link none and say so."""
        found = [path for p, h in wanted.items() if (path := self._unchanged(p, h))]
        if len(found) != len(wanted):
            return False
        for relative, source in zip(wanted, found):
            target = safe_path(str(self.path), relative)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            try:
                os.link(source, target)
            except OSError:  # no hard links on this file system
                shutil.copy2(source, target)
        return True

    def _unchanged(self, relative: str, digest: str) -> str:
        """The output's path of the file if the last build wrote it with this digest and
        nothing touched it since; else ''."""
        known = self.previous.get(relative)
        if known is None or known.sha256 != digest:
            return ""
        path = safe_path(str(self.output), relative)
        try:
            now = os.stat(path)
        except OSError:
            return ""
        same = (now.st_size, now.st_mtime_ns, now.st_ino) == (known.size, known.mtime_ns, known.inode)
        return path if same else ""

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


def write_site(files: dict[str, bytes], output: Path, epoch: int | None = None) -> None:
    """Write everything into a staging folder, then swap it in."""
    staging = Staging(output)
    try:
        write_files(staging.path, files, epoch)
        staging.commit({})
    except BaseException:
        staging.discard()
        raise


def _swap(staging: Path, output: Path) -> None:
    """Replace output by staging. On Linux both names are exchanged in one atomic
    step (renameat2), so at no instant is there no site or half a site."""
    if output.exists() and _exchange(staging, output):
        shutil.rmtree(staging, ignore_errors=True)  # now holds the previous site
        return
    retired = output.with_name(f".{output.name}.old")
    shutil.rmtree(retired, ignore_errors=True)
    if output.exists():
        output.rename(retired)
    staging.rename(output)
    shutil.rmtree(retired, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_cwd = -100
    return renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), RENAME_EXCHANGE) == 0
