"""Stage 8, write: the gathered site goes to disk in one step.

Files are written into a fresh sibling folder which then replaces the output
folder, so a failed build never leaves a half-written site, and files from
earlier builds never linger. Every path is checked to stay inside the output.
"""

import ctypes
import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

RENAME_EXCHANGE = 2


def safe_join(root: Path, relative: str) -> Path:
    parts = PurePosixPath(relative).parts
    if not parts or PurePosixPath(relative).is_absolute() or ".." in parts:
        raise ValueError(f"refusing to write outside the output folder: {relative!r}")
    return root.joinpath(*parts)


def write_site(files: dict[str, bytes], output: Path, epoch: int | None = None) -> None:
    """Write everything into a staging folder, then swap it in. With `epoch`
    (SOURCE_DATE_EPOCH), every file's modification time is set to it."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    for stale in output.parent.glob(f".{output.name}.*"):  # left by a build that was killed
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a site is meant to be read
    try:
        for relative, data in sorted(files.items()):
            target = safe_join(staging, relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            if epoch is not None:
                os.utime(target, (epoch, epoch))
        _swap(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
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
