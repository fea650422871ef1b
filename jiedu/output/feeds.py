"""Files that need the site's absolute address: sitemap.xml, feed.xml (Atom), robots.txt.

Every internal link of the pages stays relative; only these (and canonical links)
use `site_url`. Without a site_url they are not written: an Atom feed or a
sitemap with relative addresses is invalid.
"""

import re
from xml.sax.saxutils import escape


def rfc3339(date: str) -> str:
    """'2022-06' or '2022-06-15' (or a full timestamp) as an Atom timestamp."""
    text = str(date)
    if re.fullmatch(r"\d{4}", text):
        text += "-01"
    if re.fullmatch(r"\d{4}-\d{2}", text):
        text += "-01"
    return text if "T" in text else f"{text}T00:00:00Z"


def sitemap(site_url: str, paths: list[str]) -> str:
    urls = "".join(f"  <url><loc>{escape(site_url + path)}</loc></url>\n" for path in paths)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n")


def robots(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\nSitemap: {site_url}sitemap.xml\n"


def atom_feed(site_url: str, title: str, articles: list) -> str:
    """`articles`: anything with slug, title and meta (the build's digests)."""
    dated = [a for a in articles if a.meta.get("date")]
    updated = max((rfc3339(a.meta["date"]) for a in dated), default="1970-01-01T00:00:00Z")
    entries = "".join(atom_entry(site_url, a) for a in articles)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
            f"  <title>{escape(title)}</title>\n  <id>{escape(site_url)}</id>\n"
            f'  <link rel="alternate" href="{escape(site_url)}"/>\n'
            f'  <link rel="self" href="{escape(site_url)}feed.xml"/>\n  <updated>{updated}</updated>\n'
            f"  <author><name>{escape(title)}</name></author>\n{entries}</feed>\n")


def atom_entry(site_url: str, article) -> str:
    meta = article.meta
    url = f"{site_url}articles/{article.slug}.html"
    summary = meta.get("title_en") or article.title
    return (f"  <entry>\n    <title>{escape(article.title)}</title>\n    <id>{escape(url)}</id>\n"
            f'    <link rel="alternate" href="{escape(url)}"/>\n'
            f"    <updated>{rfc3339(meta.get('date') or '1970')}</updated>\n"
            f"    <summary>{escape(summary)}</summary>\n  </entry>\n")


def absolute_files(site_url: str, title: str, articles: list, pages: list[str]) -> dict[str, str]:
    if not site_url:
        return {}
    return {"sitemap.xml": sitemap(site_url, pages), "robots.txt": robots(site_url),
            "feed.xml": atom_feed(site_url, title, articles)}
