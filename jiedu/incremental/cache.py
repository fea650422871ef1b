"""Per-article results, cached by everything they depend on.

The key of an article is a hash of its own files, the site-wide inputs (glossary,
overrides), jiedu's code and data, and the versions of the packages whose
dictionaries and models decide the output. Change any of them and the article is
annotated again; otherwise the stored Article is reused. Only this folder is
written outside the output. Its files hold plain values, sealed with the user's
secret (`sealed`): one planted in a project's .cache is never taken.
"""

import hashlib
import os
import stat
from pathlib import Path

from ..engines.usercache import code_key  # noqa: F401 (one key for both caches)
from ..files.config import Config
from ..files.contentfile import inside
from .sealed import read_sealed, user_secret, write_sealed


def hashed_bytes(path: Path, root: Path) -> bytes:
    """What a key takes of a file: its bytes when it is a regular file inside `root`, else a
    mark. A link out of content/ or a device is never read, not even to hash it: the read
    stage refuses it with a message naming it."""
    if not os.path.lexists(path):
        return b"(missing)"
    try:
        return path.read_bytes() if inside(path, root) and stat.S_ISREG(os.stat(path).st_mode) else b"(refused)"
    except OSError:
        return b"(unreadable)"


def hash_files(paths: list[Path], root: Path, digest=None):
    digest = digest or hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode() + b"\0")
        digest.update(hashed_bytes(path, root))
    return digest


def article_key(folder: Path, shared: str) -> str:
    """Its own files (the folder is content/articles/<slug>), and what every article shares."""
    digest = hash_files([p for p in folder.iterdir() if p.is_file() or p.is_symlink()], folder.parents[1])
    digest.update(shared.encode())
    return digest.hexdigest()


def render_key(templates: Path, config: Config) -> str:
    """What an article's own pages depend on besides the article and its key: the
    templates (not assets/, which pages only link to: a CSS edit renders no article
    again), the settings and SOURCE_DATE_EPOCH (the date of the Anki decks)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in templates.rglob("*") if p.is_file() and p.parent != templates / "assets"):
        digest.update(path.relative_to(templates).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(repr(config).encode())
    return digest.hexdigest()


def pages_key(article: str, render: str) -> str:
    return hashlib.sha256(f"{article}\0{render}".encode()).hexdigest()


class ArticleCache:
    """Values in a folder, one sealed file per slug and key (`sealed`): annotated
    Articles (`.article`), or the digests of their rendered pages (`.digest`)."""

    def __init__(self, folder: Path | None, fresh: bool = False, suffix: str = "article"):
        self.folder = private_folder(folder)
        self.fresh = fresh
        """Ignore what is stored (a --clean build) but still store the new results."""
        self.suffix = suffix

    def get(self, slug: str, key: str):
        path = self._path(slug, key)
        if self.fresh or path is None:
            return None
        return read_sealed(path, self._seal_key(slug, key))  # a planted, damaged or stale entry is a miss

    def has(self, slug: str, key: str) -> bool:
        """Whether an entry is there, to be read (and checked) later."""
        path = self._path(slug, key)
        return not self.fresh and path is not None and path.is_file() and user_secret() is not None

    def put(self, slug: str, key: str, value) -> None:
        path = self._path(slug, key)
        if path is None:
            return
        try:
            for old in path.parent.glob(f"{slug}.*.{self.suffix}"):
                old.unlink(missing_ok=True)
            write_sealed(path, self._seal_key(slug, key), value)
        except OSError:
            pass  # a read-only or full cache only costs the next build the work again

    def _path(self, slug: str, key: str) -> Path | None:
        return self.folder / f"{slug}.{key[:32]}.{self.suffix}" if self.folder else None

    def _seal_key(self, slug: str, key: str) -> str:
        """The file's whole name, with the whole key: a file renamed is a miss."""
        return f"{slug}.{key}.{self.suffix}"


def private_folder(folder: Path | None) -> Path | None:
    """The cache folder, unless it or its parent (`.cache`) is a symbolic link: one
    planted there would have the build write, and delete old entries, elsewhere."""
    if folder is None or folder.is_symlink() or folder.parent.is_symlink():
        return None
    return folder


def site_fingerprint(content: Path, templates: Path, config: Config) -> str:
    """Everything a build reads: all content and template files, code, settings."""
    digest = hashlib.sha256()
    for folder in (content, templates):
        for path in sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink()):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + hashed_bytes(path, folder))
    digest.update(repr(config).encode() + code_key().encode())
    return digest.hexdigest()


class SiteStamp:
    """What the last build into an output folder was made from, its summary, and what
    it wrote there: when nothing changed and the output is still there, a rebuild has
    nothing to do; when something did, files it would write again the same are kept."""

    def __init__(self, folder: Path | None, output: Path, fingerprint: str, epoch: int | None = None):
        name = hashlib.sha256(str(output.resolve()).encode()).hexdigest()
        folder = private_folder(folder)
        self.path = folder / f"site.{name[:16]}.stamp" if folder else None
        self.key = f"site.{name}.stamp"
        self.output, self.fingerprint = output, fingerprint
        self.epoch = "" if epoch is None else str(epoch)  # the files' dates: kept files must have the same
        self._stored = self._load()

    def _load(self) -> tuple:
        if self.path is None or not (self.output / "index.html").exists():
            return None, None, None, {}
        stored = read_sealed(self.path, self.key)
        return stored if isinstance(stored, tuple) and len(stored) == 4 else (None, None, None, {})

    def previous(self):
        fingerprint, result, _, _ = self._stored
        return result if fingerprint == self.fingerprint else None

    def written(self) -> dict:
        """Path -> `write.Written` of the files in the output, if its dates are still right."""
        _, _, epoch, files = self._stored
        return files if epoch == self.epoch else {}

    def record(self, result, written: dict) -> None:
        if self.path is not None:  # a cache that cannot be written only costs the next build time
            write_sealed(self.path, self.key, (self.fingerprint, result, self.epoch, written))
