#!/usr/bin/env python3
"""Run the whole test suite: `python tests/run.py [pytest args]`.

On a fresh checkout it first creates `.venv` with the test extras. Browser tests
need Debian's chromium at /usr/bin/chromium; with CI=true they fail instead of
skipping when it is missing (`.ci/run` installs it).
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jiedu.bootstrap import ensure_venv  # noqa: E402

if __name__ == "__main__":
    ensure_venv(ROOT, extras=("test",))
    import os

    import pytest

    os.chdir(ROOT)
    # One worker per core (pytest-xdist), a whole test file to a worker: module fixtures
    # such as the webcheck run are built once. Slow files go first (tests/conftest.py).
    sys.exit(pytest.main(["-q", "-p", "no:cacheprovider", "-n", "auto", "--dist", "loadfile", *sys.argv[1:]]))
