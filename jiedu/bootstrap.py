"""Make a fresh checkout runnable with nothing but Python 3.11+ and git.

Standard library only: this runs before any dependency is installed. It creates
`.venv` beside pyproject.toml, installs the project into it, and re-executes the
calling script with the venv's Python. A stamp (hash of pyproject.toml plus the
extras) makes later runs skip the install.
"""

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path


def venv_python(root: Path) -> Path:
    return root / ".venv" / "bin" / "python"


def _stamp(root: Path, extras: tuple[str, ...]) -> str:
    digest = hashlib.sha256((root / "pyproject.toml").read_bytes())
    digest.update(",".join(sorted(extras)).encode())
    return digest.hexdigest()


def _installed_stamp(root: Path) -> str:
    stamp_file = root / ".venv" / "jiedu-stamp"
    return stamp_file.read_text().strip() if stamp_file.exists() else ""


def _install(root: Path, extras: tuple[str, ...], stamp: str) -> None:
    print("jiedu: preparing .venv (first run or changed dependencies) ...", file=sys.stderr)
    if not venv_python(root).exists():
        venv.EnvBuilder(with_pip=True).create(root / ".venv")
    target = f".[{','.join(extras)}]" if extras else "."
    pip = [str(venv_python(root)), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "-e", target], cwd=root, check=True)
    (root / ".venv" / "jiedu-stamp").write_text(stamp + "\n")


def ensure_venv(root: Path, extras: tuple[str, ...] = ()) -> None:
    """Return if we already run inside an up-to-date `.venv`; otherwise set it up and re-exec."""
    # A superset install (e.g. with test extras) also serves a plain build.
    wanted = _stamp(root, extras)
    have = _installed_stamp(root)
    in_venv = Path(sys.prefix).resolve() == (root / ".venv").resolve()
    if in_venv and have in (wanted, _stamp(root, ("test",))):
        return
    if have not in (wanted, _stamp(root, ("test",))):
        _install(root, extras, wanted)
    os.execv(str(venv_python(root)), [str(venv_python(root)), *sys.argv])
