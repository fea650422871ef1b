"""Files that need the site's absolute address: sitemap.xml, feed.xml (Atom), robots.txt.

Every internal link of the pages stays relative; only these (and canonical links)
use `site_url`. Without a site_url they are not written: an Atom feed or a
sitemap with relative addresses is invalid.

Both XML files are written by an XML writer (`xml.sax.saxutils.XMLGenerator`), which
escapes every text and attribute, whatever the metadata or the address holds; the
characters XML 1.0 does not allow at all (most control characters, lone surrogates)
are dropped first; and a date that is not a real date never reaches `<updated>`.
"""

import datetime
import io
import re
from xml.sax.saxutils import XMLGenerator

NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters outside XML 1.0's Char production."""
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
"""The date of an entry without a valid one, and of a feed without any."""


def xml_text(value) -> str:
    return NOT_XML.sub("", str(value))


def atom_time(value) -> datetime.datetime | None:
    """A date from metadata, in UTC: '2022', '2022-06', '2022-06-15', an ISO 8601
    timestamp (without an offset: UTC), or a TOML date or date-time; None for anything else."""
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"\d{4}(-\d{2}){0,2}", text):
            text += "-01" * (2 - text.count("-"))
        try:
            value = datetime.datetime.fromisoformat(text)
        except ValueError:
            return None
    elif type(value) is datetime.date:
        value = datetime.datetime.combine(value, datetime.time())
    if not isinstance(value, datetime.datetime):
        return None
    try:
        return value.astimezone(datetime.timezone.utc) if value.tzinfo else value.replace(tzinfo=datetime.timezone.utc)
    except OverflowError:
        return None


def rfc3339(moment: datetime.datetime) -> str:
    """An Atom timestamp: '2022-06-01T00:00:00Z'."""
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


class Document:
    """An XML document written line by line, each line one element (perhaps holding one
    more inline, as `<author><name>...`), indented two spaces per level."""

    def __init__(self):
        self.out = io.StringIO()
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.xml = XMLGenerator(self.out, short_empty_elements=True)

    def line(self, depth: int, names: tuple[str, ...], text=None, attributes: dict | None = None) -> None:
        """`names` nested, the first with `attributes`, the last holding `text` (or empty)."""
        self.xml.ignorableWhitespace("  " * depth)
        for number, name in enumerate(names):
            self.xml.startElement(name, {key: xml_text(value) for key, value in (attributes or {}).items()}
                                  if number == 0 else {})
        if text is not None:
            self.xml.characters(xml_text(text))
        for name in reversed(names):
            self.xml.endElement(name)
        self.xml.ignorableWhitespace("\n")

    def open(self, depth: int, name: str, attributes: dict | None = None) -> None:
        self.xml.ignorableWhitespace("  " * depth)
        self.xml.startElement(name, attributes or {})
        self.xml.ignorableWhitespace("\n")

    def close(self, depth: int, name: str) -> None:
        self.xml.ignorableWhitespace("  " * depth)
        self.xml.endElement(name)
        self.xml.ignorableWhitespace("\n")


def sitemap(site_url: str, paths: list[str]) -> str:
    document = Document()
    document.open(0, "urlset", {"xmlns": "http://www.sitemaps.org/schemas/sitemap/0.9"})
    for path in paths:
        document.line(1, ("url", "loc"), site_url + path)
    document.close(0, "urlset")
    return document.out.getvalue()


def robots(site_url: str) -> str:
    """No whitespace or control character of the address gets in: a line break would
    add a rule of its own."""
    address = re.sub(r"[\s\x00-\x1f\x7f]", "", site_url)
    return f"User-agent: *\nAllow: /\nSitemap: {address}sitemap.xml\n"


def atom_feed(site_url: str, title: str, articles: list) -> str:
    """`articles`: anything with slug, title and meta (the build's digests)."""
    times = [atom_time(article.meta.get("date")) for article in articles]
    document = Document()
    document.open(0, "feed", {"xmlns": "http://www.w3.org/2005/Atom"})
    document.line(1, ("title",), title)
    document.line(1, ("id",), site_url)
    document.line(1, ("link",), attributes={"rel": "alternate", "href": site_url})
    document.line(1, ("link",), attributes={"rel": "self", "href": f"{site_url}feed.xml"})
    document.line(1, ("updated",), rfc3339(max((t for t in times if t), default=EPOCH)))
    document.line(1, ("author", "name"), title)
    for article, moment in zip(articles, times):
        atom_entry(document, site_url, article, moment or EPOCH)
    document.close(0, "feed")
    return document.out.getvalue()


def atom_entry(document: Document, site_url: str, article, moment: datetime.datetime) -> None:
    url = f"{site_url}articles/{article.slug}.html"
    document.open(1, "entry")
    document.line(2, ("title",), article.title)
    document.line(2, ("id",), url)
    document.line(2, ("link",), attributes={"rel": "alternate", "href": url})
    document.line(2, ("updated",), rfc3339(moment))
    document.line(2, ("summary",), article.meta.get("title_en") or article.title)
    document.close(1, "entry")


def absolute_files(site_url: str, title: str, articles: list, pages: list[str]) -> dict[str, str]:
    if not site_url:
        return {}
    return {"sitemap.xml": sitemap(site_url, pages), "robots.txt": robots(site_url),
            "feed.xml": atom_feed(site_url, title, articles)}
