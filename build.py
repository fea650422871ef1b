#!/usr/bin/env python3
"""Build the site: `python build.py [--content DIR] [--output DIR] [--strict]`.

The same as `jiedu build`. On a fresh checkout it first creates `.venv` and
installs what jiedu needs (see jiedu/bootstrap.py).
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from jiedu.bootstrap import ensure_venv  # noqa: E402  (stdlib only, before deps exist)

if __name__ == "__main__":
    ensure_venv(ROOT)
    from jiedu.cli import main

    sys.exit(main(["build", *sys.argv[1:]]))
