"""Whether a page in the output, whose `stat` changed since the last build wrote it, still
holds the very bytes it wrote: a copy restored from a deploy's cache (a new inode; tar
keeps the time) is kept and linked, not rendered again. Read without following links and
never blocking (a FIFO or link planted there is not a page), and under SOURCE_DATE_EPOCH
only with the build's date, so a kept page is dated like a written one."""

import hashlib
import os
import stat


def holds(path: str, seen: os.stat_result, expected: tuple[int, str], epoch: int | None) -> bool:
    """`path` (as `lstat` saw it) is a regular file of the expected (size, SHA-256) and date,
    reached through no link."""
    size, sha256 = expected
    if not stat.S_ISREG(seen.st_mode) or seen.st_size != size or os.path.realpath(path) != path:
        return False
    if epoch is not None and seen.st_mtime_ns != epoch * 10**9:
        return False
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    with os.fdopen(handle, "rb") as file:
        if os.fstat(file.fileno()).st_ino != seen.st_ino:
            return False  # replaced since it was looked at
        return hashlib.file_digest(file, "sha256").hexdigest() == sha256
