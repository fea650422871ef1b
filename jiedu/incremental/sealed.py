"""Cache files that say what they are for and who wrote them: a file jiedu did not
write is never read.

A project's `.cache/` may come from anywhere (a repository that committed it, an
archive). So a file there is taken only when it is a regular file whose first line
names the very key asked for and whose second line is an HMAC of key and contents
with this user's secret, kept outside every project (`$XDG_CACHE_HOME/jiedu/secret`,
mode 0600, or `$JIEDU_CACHE_SECRET` where a CI provides one). Anything else, planted, damaged, truncated, sealed for another key or
found when there is no secret, is a miss: the value is made again. The contents are
plain values (`plainvalues`), which cannot run code when read, checked before they
are even parsed.
"""

import hashlib
import hmac
import os
import secrets
import stat
import tempfile
from functools import cache
from pathlib import Path

from ..engines.usercache import user_cache
from . import plainvalues

MAGIC = b"jiedu-cache 1\n"
LARGEST = 256 * 2**20
"""A longer file is not one jiedu wrote (an article's is about 400 kB): not read."""


def seal(value, key: str, secret: bytes) -> bytes:
    body = plainvalues.dumps(value).encode("utf-8", "surrogatepass")
    return MAGIC + key.encode() + b"\n" + _mac(body, key, secret) + b"\n" + body


def unseal(data: bytes, key: str, secret: bytes):
    """The value sealed in `data` for `key` with `secret`, or None."""
    head, _, rest = data.partition(MAGIC)
    named, _, rest = rest.partition(b"\n")
    mac, _, body = rest.partition(b"\n")
    if head or named != key.encode() or not hmac.compare_digest(mac, _mac(body, key, secret)):
        return None
    try:
        return plainvalues.loads(body.decode("utf-8", "surrogatepass"))
    except (plainvalues.Damaged, UnicodeDecodeError, MemoryError):
        return None  # sealed by us but damaged since: a miss like any other


def _mac(body: bytes, key: str, secret: bytes) -> bytes:
    return hmac.new(secret, MAGIC + key.encode() + b"\0" + body, hashlib.sha256).hexdigest().encode()


def read_sealed(path: Path, key: str):
    """The value in the file at `path` sealed for `key`, or None (no secret, no file, not ours)."""
    secret = user_secret()
    data = read_regular(path) if secret else None
    return unseal(data, key, secret) if data is not None else None


def write_sealed(path: Path, key: str, value) -> bool:
    """Seal `value` for `key` into `path`, atomically; False when it cannot be kept
    (no secret, or a cache that cannot be written: that only costs time)."""
    secret = user_secret()
    if secret is None:
        return False
    data = seal(value, key, secret)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, staging = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")  # never an existing file
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(staging, path)  # replaces a link planted at `path`, never writes through it
        finally:
            Path(staging).unlink(missing_ok=True)
    except OSError:
        return False
    return True


def read_regular(path: Path, largest: int = LARGEST) -> bytes | None:
    """The bytes of a regular file no larger than `largest`, never through a symbolic
    link (one planted to /dev/zero or a huge file would hang the build); else None."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(handle, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > largest:
            return None
        return file.read(largest + 1)[:largest]


SECRET_VARIABLE = "JIEDU_CACHE_SECRET"
"""A secret given by the environment (a CI's repository secret, 32 characters or more)
instead of the user's file: a deploy restores the project cache but never its key."""


def user_secret() -> bytes | None:
    given = os.environ.get(SECRET_VARIABLE, "")
    if given:
        return given.encode() if len(given) >= 32 else None
    return _secret(user_cache() / "secret")


@cache
def _secret(path: Path) -> bytes | None:
    """This user's secret, made on first use; None when it cannot be made or is not
    private (then nothing is taken from any cache)."""
    if not path.exists() and not path.is_symlink():
        try:
            _make_secret(path)
        except OSError:
            return None
    data = read_regular(path, 4096)
    if data is None or len(data) < 32:
        return None
    info = path.lstat()
    private = info.st_mode & 0o077 == 0 and info.st_uid == getattr(os, "getuid", lambda: info.st_uid)()
    return data if private else None


def _make_secret(path: Path) -> None:
    """Written aside and linked into place: two processes starting at once both end up
    with the one secret that got there first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, staging = tempfile.mkstemp(dir=path.parent, prefix=".secret.")  # mode 0600
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(secrets.token_bytes(32))
        os.link(staging, path)
    except FileExistsError:
        pass
    finally:
        os.unlink(staging)
