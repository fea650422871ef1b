"""An article's meta.toml, checked key by key at the line each is written on.

A value of the wrong type, a control character (it would break the Atom feed), a
source_url that is not http(s) (it becomes a link), or a date that is no date is an
error. Unknown keys and a missing or empty `date` or `publisher` are warnings: a new
article's stub has them empty until the author fills them in.
"""

import codecs
import re
from datetime import date, datetime

from .config import is_web_address
from ..errors import ContentError
from ..model import Finding
from .tomlfile import TomlFile, check, describe

SCHEMA = {
    "title": "line", "title_en": "line", "date": "date", "publisher": "line", "authors": "lines",
    "source_url": "url", "script": "line", "rights": "text", "column": "line", "encoding": "encoding",
    "editor_note": "boolean", "layout": "layout",
}
LAYOUTS = ("lines", "blank-lines")
"""`layout`: a paragraph per line, or paragraphs separated by blank lines (stages/structure.py)."""
REQUIRED = ("date", "publisher")
DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
DATE_FORMS = 'a date: 2022-06-01, "2022-06-01", "2022-06" or "2022"'


def read_meta(doc: TomlFile) -> tuple[dict, list[Finding]]:
    """The metadata, with a TOML date as its "YYYY-MM-DD" text, and the warnings about it."""
    meta, findings = {}, []
    for key, value in doc.data.items():
        if key in SCHEMA:
            meta[key] = checked(doc, key, value)
        else:
            meta[key] = value
            findings.append(Finding(doc.place(key), "unknown-meta-key", f"unknown metadata key {key!r}"))
    findings += [Finding(doc.place(key), "missing-meta", f"missing metadata {key!r}")
                 for key in REQUIRED if key not in meta]
    findings += [Finding(doc.place(key), "missing-meta", f"metadata {key!r} is empty")
                 for key in REQUIRED if isinstance(meta.get(key), str) and not meta[key].strip()]
    return meta, findings


def checked(doc: TomlFile, key: str, value):
    kind = SCHEMA[key]
    if kind == "date":
        return checked_date(doc, value)
    check(doc, (key,), value, "line" if kind in ("url", "encoding", "layout") else kind)
    if kind == "layout" and value not in LAYOUTS:
        raise ContentError(doc.place(key), f"layout must be \"lines\" (a paragraph per line) or \"blank-lines\" "
                           f"(paragraphs separated by blank lines), not {value[:40]!r}")
    if kind == "url" and value and not is_web_address(value):
        raise ContentError(doc.place(key), f"source_url must be an http:// or https:// address without spaces "
                           f"or quotes, not {value[:60]!r}")
    if kind == "encoding" and value:
        try:
            codecs.lookup(value)
        except LookupError:
            raise ContentError(doc.place(key), f"unknown encoding {value!r} (e.g. gb18030, big5, utf-8)") from None
    return value


def checked_date(doc: TomlFile, value) -> str:
    """A TOML date (date = 2022-06-01) is taken as written; a date-time is refused, since
    the time of day would be dropped without a word."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str) and (not value or _is_calendar_date(value)):
        return value
    raise ContentError(doc.place("date"), f"'date' must be {DATE_FORMS}, not {describe(value)}")


def _is_calendar_date(text: str) -> bool:
    found = DATE.fullmatch(text)
    if not found:
        return False
    year, month, day = (int(part) if part else 1 for part in found.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
