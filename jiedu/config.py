"""The site configuration, `content/site.toml`: one file a person edits, validated.

Unknown keys and values of the wrong type are errors naming the file and line, so a
typo never silently does nothing.
"""

import re
from pathlib import Path

from .errors import ContentError
from .model import Place
from .tomlfile import load_toml

READER_CHOICES = {
    "pinyin": ("all", "hover", "unknown", "off"),
    "translation": ("side", "under", "hidden"),
    "script": ("simplified", "traditional"),
    "tones": ("off", "pleco", "hanping", "mdbg"),
    "sandhi": (False, True),
}
DEFAULTS = {
    "title": "jiedu 解读",
    "description": "Annotated bilingual readings of Chinese political texts",
    "site_url": "",
    "glossary": ["glossary.toml"],
    "reader": {"pinyin": "all", "translation": "side", "script": "simplified", "tones": "off", "sandhi": False},
}
URL = re.compile(r"https?://[^\s/]+(/[^\s]*)?")


def line_of(text: str, key: str) -> int:
    found = re.search(rf"^\s*{re.escape(key)}\s*=", text, re.M)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def load_config(content: Path, shown: str, site_url: str = "") -> dict:
    """Defaults, then site.toml, then a site_url given on the command line (CI)."""
    path = content / "site.toml"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    config = load_toml(path, shown) if path.exists() else {}
    check_config(config, text, shown)
    merged = DEFAULTS | config | {"reader": DEFAULTS["reader"] | config.get("reader", {})}
    merged["site_url"] = normalise_url(site_url or merged["site_url"])
    return merged


def check_config(config: dict, text: str, shown: str) -> None:
    def fail(key: str, message: str):
        raise ContentError(Place(shown, line_of(text, key), 1), message)

    for key, value in config.items():
        if key not in DEFAULTS:
            fail(key, f"unknown key {key!r} (known: {', '.join(DEFAULTS)})")
        if not isinstance(value, type(DEFAULTS[key])):
            fail(key, f"{key!r} must be a {type(DEFAULTS[key]).__name__}")
    for key, value in config.get("reader", {}).items():
        if key not in READER_CHOICES:
            fail(key, f"unknown reader setting {key!r} (known: {', '.join(READER_CHOICES)})")
        if value not in READER_CHOICES[key]:
            fail(key, f"reader.{key} must be one of {', '.join(map(str, READER_CHOICES[key]))}")
    if config.get("site_url") and not URL.fullmatch(config["site_url"]):
        fail("site_url", "site_url must be an absolute http(s) address, e.g. https://example.org/jiedu/")


def normalise_url(url: str) -> str:
    """Absolute site address with exactly one trailing slash, or ''."""
    return url.rstrip("/") + "/" if url else ""
