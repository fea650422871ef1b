"""`python -m jiedu ...` is the same as the `jiedu` console script."""

import sys

from .cli import main

sys.exit(main())
