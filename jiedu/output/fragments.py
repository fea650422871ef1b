"""HTML made in Python for the loops that run once per word: the reader's <ruby> words and
the vocabulary page's rows.

In Jinja these loops were most of an article's render time (a macro call, a dozen
attribute look-ups and escapes per word). Here every value from content goes through
`escaped`, which gives markupsafe's escaping as text (tested equal), the markup around
it is fixed text, and the result becomes Markup only once whole; the templates keep
autoescaping for everything else.
"""

import re

from markupsafe import Markup

from ..model import Block, Word
from ..text import HAN
from ..lexicon.examples import clause_around
from ..lexicon.vocabulary import NAME, VocabularyItem

SPECIAL = re.compile("[&<>\"']")


def escaped(value) -> str:
    """`str(markupsafe.escape(value))`, three times faster: most text here has none of
    & < > " ' and is returned as it is, and no Markup object is made per value."""
    if hasattr(value, "__html__"):
        return value.__html__()
    value = str(value)
    if not SPECIAL.search(value):
        return value
    return (value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


def ruby_pairs(word: Word) -> list[tuple[str, str, str]]:
    """(character, syllable, sandhi syllable if it differs) for each character."""
    syllables = iter(word.pinyin)
    changed = iter(word.sandhi or word.pinyin)
    triples = []
    for char in word.text:
        syllable, other = (next(syllables, ""), next(changed, "")) if HAN.match(char) else ("", "")
        triples.append((char, syllable, other if other != syllable else ""))
    return triples


def ruby(word: Word) -> str:
    """One <ruby> per word, one <rt> per character (empty for a character without a syllable)."""
    pieces = ["<ruby>"]
    for char, syllable, sandhi in ruby_pairs(word):
        changed = f' data-s="{escaped(sandhi)}"' if sandhi else ""
        pieces.append(f"{escaped(char)}<rt{changed}>{escaped(syllable)}</rt>")
    pieces.append("</ruby>")
    return "".join(pieces)


def word_html(word: Word, notes: dict[str, int]) -> str:
    """A word with pinyin as <ruby> (a glossary term's linked to its note), a line break as
    <br>, other text as itself (with its Traditional form when that differs)."""
    if word.pinyin and word.term:
        return f'<a class="term" href="#n{escaped(notes[word.term])}">{ruby(word)}</a>'
    if word.pinyin:
        return ruby(word)
    if word.text == "\n":
        return "<br>"
    if word.trad != word.text:
        return f'<span data-t="{escaped(word.trad)}">{escaped(word.text)}</span>'
    return escaped(word.text)


def block_words(block: Block, notes: dict[str, int], made: dict | None = None) -> Markup:
    """A block's words as the reader shows them. Every byte is repeated for each word:
    Traditional forms and the pinyin's language are left to the word data and jiedu.js
    (the page-weight budget). A word read the same way recurs, so each is made once: in
    `made`, when given, once per article (ArticleView.word_markup), else once per block."""
    made = {} if made is None else made
    pieces = []
    for word in block.words:
        # The fields word_html reads, as a tuple: hashed and compared in C (a Word's are Python).
        key = word.text, word.trad, word.pinyin, word.term, word.sandhi
        html = made.get(key)
        if html is None:
            html = made[key] = word_html(word, notes)
        pieces.append(html)
    return Markup("".join(pieces))


def vocabulary_rows(items, article_href: str, glossary_href: str) -> list[Markup]:
    """The vocabulary page's <li> per item; hrefs are the article's and the glossary's as
    seen from the page (a block's or an entry's id is added as the fragment)."""
    return [Markup(vocabulary_row(item, article_href, glossary_href)) for item in items]


def vocabulary_row(item: VocabularyItem, article_href: str, glossary_href: str) -> str:
    text = escaped(item.text)
    hanzi = (f'<a class="hanzi" href="{escaped(f"{glossary_href}#{item.term}")}">{text}</a>' if item.term
             else f'<span class="hanzi">{text}</span>')
    trad = f' <span class="hanzi-trad" lang="zh-Hant">{escaped(item.trad)}</span>' if item.trad != item.text else ""
    before, word, after = clause_around(item.sentence, item.text)
    return (f'<li><span class="word" lang="zh-Hans">{hanzi}{trad}</span>\n'
            f'<span class="pinyin" lang="zh-Latn-pinyin">{escaped(" ".join(item.pinyin))}</span>\n'
            f'<span class="stats">{item.count} {"use" if item.count == 1 else "uses"} · {hsk_label(item.hsk)}</span>\n'
            f'<span class="gloss"><span class="english">{escaped(item.english)}</span>{flag(item)}</span>\n'
            f'<a class="use" lang="zh-Hans" href="{escaped(f"{article_href}#{item.block}")}">'
            f"{escaped(before)}<b>{escaped(word)}</b>{escaped(after)}</a></li>")


def hsk_label(level: int | None) -> str:
    return "HSK 7–9" if level == 7 else f"HSK {level}" if level else "beyond HSK"


def flag(item: VocabularyItem) -> str:
    """Where the English comes from, when not CC-CEDICT for the word itself."""
    if item.term:
        return ' <span class="flag">glossary</span>'
    if item.fallback:
        return f' <span class="flag">{"name" if item.english == NAME else "parts"}</span>'
    return ""
