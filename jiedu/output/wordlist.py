"""The vocabulary list as data, for the browser: `assets/vocabulary.js` makes the
vocabulary page's rows and the article's Anki TSV from it, so neither is written per
article (at 480 and 860 bytes a word they were most of an article's site).

It is a script beside the page (`vocabulary/<slug>.js`, calling `jieduVocabulary`); the
page also loads the word cards' script for the senses it reuses. Each item is an array,
cut after its last field that says something:

    [text, pinyin, count, level, block, sentence, clause, english, trad, term]

`level` is the HSK level (0: none) plus 8 when the English is built from the word's
parts or says "personal name" (`fallback`); `block` is the block's number from 1;
`sentence` and `clause` are `span`s of that block's text (`clause` 0 when it is the
whole sentence); `english` is "" where the browser finds the same in the senses
(`read_english`: the first sense, the parts' first senses joined by " + ", or "personal
name"). `read_vocabulary` reads the items back.
"""

from collections import Counter

from ..lexicon.dictionary import CREDIT
from ..lexicon.examples import clause_around
from ..lexicon.vocabulary import NAME, VocabularyItem
from ..model import Article
from .views import card_key

ELLIPSIS = "…"


def span(shown: str, text: str, at: int, length: int) -> list[int] | str:
    """`shown` as [start, end] of `text`, around `text[at:at + length]`: a start of -1 - i
    means `…` before text[i:], an end of -1 - j `…` after text[:j]. `shown` itself
    when it is not such a piece."""
    for lead in (False, True):
        for tail in (False, True):
            core = shown[len(ELLIPSIS) if lead else 0:len(shown) - (len(ELLIPSIS) if tail else 0)]
            if (lead and not shown.startswith(ELLIPSIS)) or (tail and not shown.endswith(ELLIPSIS)):
                continue
            start = text.find(core, max(0, at + length - len(core)))
            if core and 0 <= start <= at:
                return [-1 - start if lead else start, -1 - (start + len(core)) if tail else start + len(core)]
    return shown


def first_offsets(article: Article) -> dict[tuple, int]:
    """(block number, text, pinyin) -> where the word first occurs in that block's text."""
    found = {}
    for number, block in enumerate(article.blocks, 1):
        offset = 0
        for word in block.words:
            found.setdefault((number, word.text, word.pinyin), offset)
            offset += len(word.text)
    return found


def item_record(item: VocabularyItem, text: str, offset: int, senses: dict, key: str) -> list:
    """The item's array; `text` is its block's, `offset` where the word first occurs there."""
    before, word, after = clause_around(item.sentence, item.text)
    clause = before + word + after
    english = "" if item.term is None and item.english == read_english({"senses": senses}, key) else item.english
    record = [item.text, " ".join(item.pinyin), item.count, (item.hsk or 0) + 8 * item.fallback,
              int(item.block[1:]), span(item.sentence, text, offset, len(item.text)),
              0 if clause == item.sentence else span(clause, text, offset, len(item.text)), english,
              item.trad if item.trad != item.text else "", item.term or ""]
    while not record[-1]:
        record.pop()
    return record


def vocabulary_data(article: Article, title: str, senses: dict) -> dict:
    """What vocabulary.js needs besides the senses: the items, and the text (and the
    translation, as the TSV gives it) of each block a word is first used in."""
    items = article.vocabulary
    readings = Counter(item.text for item in items)
    blocks: list = [0] * len(article.blocks)
    for item in items:
        number = int(item.block[1:])
        blocks[number - 1] = [article.blocks[number - 1].text, item.translation or ""]
    offsets = first_offsets(article)
    records = []
    for item in items:
        number = int(item.block[1:])
        offset = offsets[number, item.text, item.pinyin]
        records.append(item_record(item, blocks[number - 1][0], offset, senses, card_key(item, readings)))
    return {"slug": article.source.slug, "title": title, "name": NAME, "credit": CREDIT,
            "blocks": blocks, "items": records}


def piece(text: str, shown: list[int] | str) -> str:
    """What `span` gave, read back (vocabulary.js does the same)."""
    if isinstance(shown, str):
        return shown
    start, end = shown
    return ((ELLIPSIS if start < 0 else "") + text[-1 - start if start < 0 else start:-1 - end if end < 0 else end]
            + (ELLIPSIS if end < 0 else ""))


def read_vocabulary(data: dict) -> list[VocabularyItem]:
    """The items of `data` ({"senses": the word script's senses, "vocab": the vocabulary
    script's data}) read back as vocabulary.js reads them, without the senses and parts
    the cards show."""
    vocab = data["vocab"]
    readings = Counter(record[0] for record in vocab["items"])
    items = []
    for record in vocab["items"]:
        text, pinyin, count, level, block, sentence, _, english, trad, term = record + [""] * (10 - len(record))
        key = text if readings[text] == 1 else f"{text}|{pinyin}"
        block_text, translation = vocab["blocks"][block - 1]
        items.append(VocabularyItem(text, trad or text, tuple(pinyin.split()), english or read_english(data, key),
                                    count, piece(block_text, sentence), translation or None, f"b{block}",
                                    level & 7 or None, term or None, level >= 8))
    return items


def read_english(data: dict, key: str) -> str:
    value = data["senses"].get(key)
    if isinstance(value, list):
        return value[0]
    if isinstance(value, dict):
        return " + ".join(f"{part} {sense}".rstrip() for part, sense in value["parts"])
    return value or ""
