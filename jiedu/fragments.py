"""HTML made in Python for the loops that run once per word: the reader's <ruby> words and
the vocabulary page's rows.

In Jinja these loops were most of an article's render time (a macro call, a dozen
attribute look-ups and escapes per word). Here every value from content still goes
through markupsafe's `escape`, the markup around it is fixed text, and the result
becomes Markup only once whole; the templates keep autoescaping for everything else.
"""

from markupsafe import Markup, escape

from .model import Block, Word
from .text import HAN
from .vocabulary import NAME, VocabularyItem, clause_around


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
        changed = f' data-s="{escape(sandhi)}"' if sandhi else ""
        pieces.append(f"{escape(char)}<rt{changed}>{escape(syllable)}</rt>")
    pieces.append("</ruby>")
    return "".join(pieces)


def word_html(word: Word, notes: dict[str, int]) -> str:
    """A word with pinyin as <ruby> (a glossary term's linked to its note), a line break as
    <br>, other text as itself (with its Traditional form when that differs)."""
    if word.pinyin and word.term:
        return f'<a class="term" href="#n{escape(notes[word.term])}">{ruby(word)}</a>'
    if word.pinyin:
        return ruby(word)
    if word.text == "\n":
        return "<br>"
    if word.trad != word.text:
        return f'<span data-t="{escape(word.trad)}">{escape(word.text)}</span>'
    return str(escape(word.text))


def block_words(block: Block, notes: dict[str, int]) -> Markup:
    """A block's words as the reader shows them. Every byte is repeated for each word:
    Traditional forms and the pinyin's language are left to the word data and jiedu.js
    (the page-weight budget). A word read the same way recurs, so each is made once."""
    made: dict[Word, str] = {}
    pieces = []
    for word in block.words:
        if word not in made:
            made[word] = word_html(word, notes)
        pieces.append(made[word])
    return Markup("".join(pieces))


def vocabulary_rows(items, article_href: str, glossary_href: str) -> list[Markup]:
    """The vocabulary page's <li> per item; hrefs are the article's and the glossary's as
    seen from the page (a block's or an entry's id is added as the fragment)."""
    return [Markup(vocabulary_row(item, article_href, glossary_href)) for item in items]


def vocabulary_row(item: VocabularyItem, article_href: str, glossary_href: str) -> str:
    text = escape(item.text)
    hanzi = (f'<a class="hanzi" href="{escape(f"{glossary_href}#{item.term}")}">{text}</a>' if item.term
             else f'<span class="hanzi">{text}</span>')
    trad = f' <span class="hanzi-trad" lang="zh-Hant">{escape(item.trad)}</span>' if item.trad != item.text else ""
    before, word, after = clause_around(item.sentence, item.text)
    return (f'<li><span class="word" lang="zh-Hans">{hanzi}{trad}</span>\n'
            f'<span class="pinyin" lang="zh-Latn-pinyin">{escape(" ".join(item.pinyin))}</span>\n'
            f'<span class="stats">{item.count} {"use" if item.count == 1 else "uses"} · {hsk_label(item.hsk)}</span>\n'
            f'<span class="gloss"><span class="english">{escape(item.english)}</span>{flag(item)}</span>\n'
            f'<a class="use" lang="zh-Hans" href="{escape(f"{article_href}#{item.block}")}">'
            f"{escape(before)}<b>{escape(word)}</b>{escape(after)}</a></li>")


def hsk_label(level: int | None) -> str:
    return "HSK 7–9" if level == 7 else f"HSK {level}" if level else "beyond HSK"


def flag(item: VocabularyItem) -> str:
    """Where the English comes from, when not CC-CEDICT for the word itself."""
    if item.term:
        return ' <span class="flag">glossary</span>'
    if item.fallback:
        return f' <span class="flag">{"name" if item.english == NAME else "parts"}</span>'
    return ""
