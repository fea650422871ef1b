"""Glossaries in layers, most specific first: an article's own glossary.toml, the site's
glossary files, the built-in lexicon (`builtin.py`).

An entry of a higher layer shadows the lower one's with the same Simplified form, and
links (`related`) to the shadowed entry lead to it instead. A term defined twice in one
layer stays an error (`glossary.load_glossaries`). An article's entries are its alone:
their ids become `<slug>--<id>`, so they never meet another article's, the site's or
the lexicon's (whose ids have single hyphens), and a term of one article's glossary
(旗 "banner" in an article on Inner Mongolia) is never linked in another.
"""

from dataclasses import dataclass, field, replace
from pathlib import Path

from .glossary import Entry, Glossary, indexed, load_glossaries


@dataclass(frozen=True)
class Glossaries:
    """The glossaries of one build."""

    site: Glossary
    """The site's glossary files over the built-in lexicon: what every article uses."""
    articles: dict[str, Glossary] = field(default_factory=dict)
    """Slug -> its own glossary.toml over `site`, for the articles that have one."""

    def of(self, slug: str) -> Glossary:
        return self.articles.get(slug, self.site)

    def listed(self, linked, occurring) -> Glossary:
        """What the site-wide glossary page, deck and search show: the entries the articles
        link, and the site's and articles' own entries that occur in them (办实事 inside
        the linked 解难题办实事); the lexicon's only where linked, since its thousands of
        forms also occur across word boundaries (内政 in 区内政务). The site's and the
        lexicon's first, then each article's own."""
        own = [e for slug in sorted(self.articles) for e in self.articles[slug].entries if e.layer == "article"]
        return indexed([entry for entry in [*self.site.entries, *own]
                        if entry.id in linked or entry.id in occurring and entry.layer != "lexicon"])


def layered(upper: Glossary, lower: Glossary) -> Glossary:
    """`upper` over `lower`. A `lower` entry with the id of another term of `upper`
    (rare: ids are made of pinyin) is renamed id-2, id-3 ... in this view."""
    shadowed = {e.id: upper.by_simplified[e.simplified].id for e in lower.entries if e.simplified in upper.by_simplified}
    renamed, taken = dict(shadowed), {*upper.by_id, *lower.by_id}
    for entry in lower.entries:
        if entry.id in upper.by_id and entry.id not in shadowed:
            renamed[entry.id] = free_id(entry.id, taken)
    kept = [relinked(e, renamed, renamed) for e in lower.entries if e.id not in shadowed]
    return indexed([*(relinked(e, shadowed) for e in upper.entries), *kept])


def without(glossary: Glossary, forms) -> Glossary:
    """The glossary less the entries of these Simplified forms, and the links to them."""
    gone = {glossary.by_simplified[form].id for form in forms}
    if not gone:
        return glossary
    return indexed([replace(e, related=tuple(r for r in e.related if r not in gone)) if gone & {*e.related} else e
                    for e in glossary.entries if e.id not in gone])


def article_layer(path: Path, shown: str, content: Path, slug: str, below: Glossary) -> Glossary:
    """An article's glossary.toml over `below`; its `related` may name its own ids and `below`'s."""
    own = load_glossaries([(path, shown)], content, known=below.by_id)
    ids = {entry.id: f"{slug}--{entry.id}" for entry in own.entries}
    entries = [replace(e, id=ids[e.id], related=tuple(ids.get(r, r) for r in e.related), layer="article")
               for e in own.entries]
    return layered(indexed(entries), below)


def relinked(entry: Entry, links: dict[str, str], ids: dict[str, str] | None = None) -> Entry:
    """The entry with its links renamed by `links`, its own id by `ids`; none to itself."""
    id_ = (ids or {}).get(entry.id, entry.id)
    if id_ == entry.id and not any(other in links for other in entry.related):
        return entry
    related = dict.fromkeys(links.get(other, other) for other in entry.related)
    return replace(entry, id=id_, related=tuple(other for other in related if other != id_))


def free_id(id_: str, taken: set[str]) -> str:
    number = 2
    while f"{id_}-{number}" in taken:
        number += 1
    taken.add(f"{id_}-{number}")
    return f"{id_}-{number}"
