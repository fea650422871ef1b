"""The translation's Markdown as sanitised HTML: the one place Markdown is turned into
markup (the reader, the search index and the Anki notes all ask here)."""

import html

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {"p", "em", "strong", "a", "br", "code", "sup", "sub"}


def markdown_html(text: str | None) -> Markup:
    """Translation Markdown to sanitised HTML: raw HTML in the source stays text."""
    if not text:
        return Markup("")
    rendered = markdown.markdown(html.escape(text, quote=False), extensions=["nl2br"])
    return Markup(nh3.clean(rendered, tags=ALLOWED_TAGS, attributes={"a": {"href"}},
                            url_schemes={"http", "https", "mailto"}))
