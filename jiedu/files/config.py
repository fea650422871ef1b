"""The site configuration, `content/site.toml`: one file a person edits, validated.

Unknown keys and values of the wrong type are errors naming the file and line, so a
typo never silently does nothing. Glossary files must be inside content/.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from .contentfile import inside, present
from ..errors import ContentError
from ..model import Place
from .tomlfile import TomlFile, check_table, parse_toml, read_toml

READER_CHOICES = {
    "pinyin": ("all", "hover", "unknown", "off"),
    "translation": ("side", "under", "hidden"),
    "script": ("simplified", "traditional"),
    "tones": ("off", "pleco", "hanping", "mdbg"),
    "sandhi": (False, True),
    "traditional": ("tw", "hk", "opencc"),
}
DEFAULTS = {
    "title": "jiedu 解读",
    "description": "Annotated bilingual readings of Chinese political texts",
    "site_url": "",
    "glossary": ["glossary.toml"],
    "reader": {"pinyin": "all", "translation": "side", "script": "simplified", "tones": "off", "sandhi": False,
               "traditional": "tw"},
    "lexicon": {"enabled": True, "exclude": []},
}
SCHEMA = {"title": "line", "description": "text", "site_url": "line", "glossary": "lines", "reader": "table",
          "lexicon": "table"}
LEXICON_SCHEMA = {"enabled": "boolean", "exclude": "lines"}
# http(s), a host, then no white space, control character, quote or angle bracket anywhere.
WEB_ADDRESS = re.compile(r'https?://[^\s\x00-\x1f\x7f-\x9f/?#"<>\\^`{|}]+(?:[/?#][^\s\x00-\x1f\x7f-\x9f"<>\\^`{|}]*)?',
                         re.IGNORECASE)


def is_web_address(url: str) -> bool:
    """An absolute http(s) address that is safe as a link: never javascript: or data:."""
    return bool(WEB_ADDRESS.fullmatch(url))


@dataclass(frozen=True)
class Config:
    """The site's settings: site.toml over the defaults, and the build's date."""

    title: str
    description: str
    site_url: str
    """Absolute address with one trailing slash, or '' (then no feed or sitemap)."""
    glossary: tuple[str, ...]
    """Glossary files, relative to content/."""
    reader: tuple[tuple[str, str | bool], ...]
    """The reader's default choices (pinyin, translation, script, tones, sandhi) and the
    Traditional standard for Simplified sources (traditional), sorted."""
    lexicon: bool = True
    """Whether the built-in lexicon is the glossary's lowest layer ([lexicon] enabled)."""
    lexicon_exclude: tuple[str, ...] = ()
    """Simplified terms of the lexicon this site does without ([lexicon] exclude)."""
    epoch: int | None = None
    """SOURCE_DATE_EPOCH, read once by the builder: the date of the Anki decks and of
    every file written; None when unset."""

    @property
    def traditional(self) -> str:
        return dict(self.reader).get("traditional", "tw")


def load_config(content: Path, shown: str, site_url: str = "", epoch: int | None = None) -> Config:
    """Defaults, then site.toml, then a site_url given on the command line (CI)."""
    path = content / "site.toml"
    doc = read_toml(path, shown, content) if present(path) else parse_toml("", shown)
    check_config(doc, content)
    merged = DEFAULTS | doc.data
    reader = DEFAULTS["reader"] | doc.data.get("reader", {})
    lexicon = DEFAULTS["lexicon"] | doc.data.get("lexicon", {})
    return Config(merged["title"], merged["description"], normalise_url(site_url or merged["site_url"]),
                  tuple(merged["glossary"]), tuple(sorted(reader.items())), lexicon["enabled"],
                  tuple(lexicon["exclude"]), epoch)


def setting_place(content: Path, shown: str, *key) -> Place:
    """Where a setting is written in site.toml (for problems found after loading it)."""
    path = content / "site.toml"
    return read_toml(path, shown, content).place(*key) if present(path) else Place(shown, 1, 1)


def check_config(doc: TomlFile, content: Path) -> None:
    check_table(doc, (), doc.data, SCHEMA, "site.toml")
    check_table(doc, ("lexicon",), doc.data.get("lexicon", {}), LEXICON_SCHEMA, "[lexicon]")
    for key, value in doc.data.get("reader", {}).items():
        choices, place = READER_CHOICES.get(key), doc.place("reader", key)
        if choices is None:
            raise ContentError(place, f"unknown reader setting {key!r} (known: {', '.join(READER_CHOICES)})")
        if value not in choices or type(value) is not type(choices[0]):  # sandhi = 0 is not false
            raise ContentError(place, f"reader.{key} must be one of {', '.join(map(toml_value, choices))}")
    if doc.data.get("site_url") and not is_web_address(doc.data["site_url"]):
        raise ContentError(doc.place("site_url"), "site_url must be an absolute http(s) address without spaces or "
                           "quotes, e.g. https://example.org/jiedu/")
    for name in doc.data.get("glossary", []):
        if not name or not inside(content / name, content):
            raise ContentError(doc.place("glossary"), f"glossary file {name!r} is not inside content/; "
                               "name files in content/, e.g. \"glossary.toml\"")


def toml_value(choice) -> str:
    return str(choice).lower() if isinstance(choice, bool) else choice


def normalise_url(url: str) -> str:
    """Absolute site address with exactly one trailing slash, or ''."""
    return url.rstrip("/") + "/" if url else ""
