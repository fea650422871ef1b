"""jiedu (解读): bilingual annotated reading of Chinese political and news texts.

Importing the package is cheap: heavy resources live in `jiedu.resources` and are
built once by the caller, then passed in explicitly.
"""

__version__ = "0.1.0"
