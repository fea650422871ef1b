"""Anki decks (.apkg, written with genanki) and TSV files of an article's vocabulary and of
the whole glossary.

Re-importing updates instead of duplicating: note GUIDs come from the article slug, the
word and its reading (glossary notes: the entry id), and note type and deck ids are
hashes of fixed names. Builds are byte-identical: genanki stamps notes, cards and note
types with the `timestamp` it is given (its own default is the clock), and the package's
zip is written (apkg.py) with that time on every member instead of the clock's. Anki's
importer updates a note whose incoming modification time is newer, so pass a time that
grows with the content, e.g. SOURCE_DATE_EPOCH set to the last commit's time.
"""

import csv
import hashlib
import html
import io
from pathlib import Path

import genanki

from .apkg import Note, package_bytes
from ..lexicon.dictionary import CREDIT
from ..lexicon.glossary import Glossary
from .markdown import markdown_html
from ..lexicon.vocabulary import VocabularyItem

WORD_FIELDS = ("Characters", "Pinyin", "English", "Sentence", "Translation", "Article")
GLOSSARY_FIELDS = ("Simplified", "Traditional", "Pinyin", "Literal", "English", "Explanation", "Category")
DEFAULT_TIMESTAMP = 1_640_995_200
"""2022-01-01 UTC: used when the caller has no SOURCE_DATE_EPOCH."""
CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: center; }\n" \
      ".hanzi { font-size: 48px; } .sentence { margin-top: 1em; } .translation { font-size: 16px; }"


def stable_id(name: str) -> int:
    """A note type or deck id from a fixed name: in genanki's recommended range [2^30, 2^31)."""
    return (1 << 30) + int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big") % (1 << 30)


def word_model() -> genanki.Model:
    front = '<div class="hanzi">{{Characters}}</div><div class="sentence">{{Sentence}}</div>'
    back = ('{{FrontSide}}<hr id="answer"><div class="hanzi">{{Pinyin}}</div><div>{{English}}</div>'
            '<div class="translation">{{Translation}}</div><div class="translation">{{Article}}</div>')
    return genanki.Model(stable_id("jiedu word note 1"), "jiedu word", fields=[{"name": f} for f in WORD_FIELDS],
                         templates=[{"name": "Reading", "qfmt": front, "afmt": back}], css=CSS)


def glossary_model() -> genanki.Model:
    front = '<div class="hanzi">{{Simplified}}</div><div>{{Traditional}}</div>'
    back = ('{{FrontSide}}<hr id="answer"><div class="hanzi">{{Pinyin}}</div><div>{{English}}</div>'
            '<div class="translation">{{Literal}}</div><div class="translation">{{Explanation}}</div>')
    return genanki.Model(stable_id("jiedu glossary note 1"), "jiedu glossary term",
                         fields=[{"name": f} for f in GLOSSARY_FIELDS],
                         templates=[{"name": "Term", "qfmt": front, "afmt": back}], css=CSS)


def word_guid(slug: str, item: VocabularyItem) -> str:
    return genanki.guid_for(slug, item.text, " ".join(item.pinyin))


def word_guids(slug: str, items: list[VocabularyItem]) -> list[str]:
    """Each item's note GUID, in order: made once for both the deck and the TSV (a SHA-256
    and a base-91 loop in Python each)."""
    return [word_guid(slug, item) for item in items]


def word_values(item: VocabularyItem, title: str) -> tuple[str, ...]:
    """The six fields as plain text, in WORD_FIELDS order (the TSV's columns)."""
    return item.text, " ".join(item.pinyin), item.english, item.sentence, item.translation or "", title


def escape(text: str) -> str:
    """Text for an HTML field: < > & escaped; quotes stay readable."""
    return html.escape(text, quote=False)


def word_note(model: genanki.Model, slug: str, item: VocabularyItem, title: str, due: int = 0,
              guid: str | None = None, translations: dict | None = None) -> Note:
    """One note; `due` orders new cards as the words first occur in the article. `guid`
    when already made; `translations` remembers each block's translation as HTML, since
    every word of a block shares it and Markdown is slow."""
    text, pinyin, english, sentence, translation, title = map(escape, word_values(item, title))
    sentence = sentence.replace(text, f"<b>{text}</b>", 1).replace("\n", "<br>")
    translations = {} if translations is None else translations
    if item.translation not in translations:
        translations[item.translation] = str(markdown_html(item.translation))
    fields = [text, pinyin, english, sentence, translations[item.translation], title]
    return Note(model, guid or word_guid(slug, item), fields, (f"jiedu::{slug}",), due)


def deck_name(title: str) -> str:
    return "jiedu::" + title.replace("::", ":").replace("\n", " ")  # "::" would make subdecks


def article_deck(items: list[VocabularyItem], slug: str, title: str, guids: list[str] | None = None) -> genanki.Deck:
    deck = genanki.Deck(stable_id(f"jiedu article deck {slug}"), deck_name(title), description=CREDIT)
    model, translations = word_model(), {}
    for number, (item, guid) in enumerate(zip(items, guids or word_guids(slug, items))):
        deck.add_note(word_note(model, slug, item, title, number, guid, translations))
    return deck


def glossary_deck(glossary: Glossary) -> genanki.Deck:
    deck = genanki.Deck(stable_id("jiedu glossary deck"), "jiedu::Glossary")
    model = glossary_model()
    for entry in glossary.entries:
        values = glossary_values(entry)
        deck.add_note(Note(model, genanki.guid_for("jiedu-glossary", entry.id), [escape(v) for v in values],
                           (f"jiedu::{entry.category}",)))
    return deck


def glossary_values(entry) -> tuple[str, ...]:
    return (entry.simplified, entry.traditional, " ".join(entry.pinyin), entry.literal, entry.english,
            entry.explanation, entry.category)


def article_package(items: list[VocabularyItem], slug: str, title: str, timestamp: int = DEFAULT_TIMESTAMP,
                    guids: list[str] | None = None) -> bytes:
    return package_bytes([article_deck(items, slug, title, guids)], timestamp)


def note_type_package(timestamp: int = DEFAULT_TIMESTAMP) -> bytes:
    """The site's one word note type, with one note in a "jiedu" deck (Anki takes a note
    type from a package only with a note of it): imported once, it lets Anki take any
    article's TSV (made by the vocabulary page) as notes of that type."""
    deck = genanki.Deck(stable_id("jiedu word deck"), "jiedu", description=CREDIT)
    fields = ["解读", "jiě dú", "to interpret; to read and explain",
              "<b>解读</b>：每个词的拼音、英文和例句。", "jiedu: every word's pinyin, English and example sentence.", "jiedu"]
    deck.add_note(Note(word_model(), genanki.guid_for("jiedu", "解读"), fields, ("jiedu",)))
    return package_bytes([deck], timestamp)


def glossary_package(glossary: Glossary, timestamp: int = DEFAULT_TIMESTAMP) -> bytes:
    return package_bytes([glossary_deck(glossary)], timestamp)


def tsv(header: list[str], rows: list[tuple[str, ...]]) -> str:
    """Anki's text-import format: `#` header lines, then tab-separated, quoted where needed."""
    return "".join(f"{line}\n" for line in header) + "".join(map(tsv_row, rows))


def tsv_row(row: tuple[str, ...]) -> str:
    """One note's line. Anki's importer skips a line that starts with `#` as a comment, so a
    note whose guid (base91: 1 in 91) starts with one would be lost: that field is quoted."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t", lineterminator="\n").writerow(row)
    line = buffer.getvalue()
    if line.startswith("#"):
        first, tab, rest = line.partition("\t")
        return f'"{first}"{tab}{rest}'
    return line


def article_tsv(items: list[VocabularyItem], slug: str, title: str, guids: list[str] | None = None) -> str:
    """The same six fields as the deck, plain text, with the note GUID first. Once the .apkg
    has brought the note type, Anki maps the columns by name and updates the same notes."""
    header = ["#separator:tab", "#html:false", "#guid column:1", "#notetype:jiedu word", f"#deck:{deck_name(title)}",
              "#columns:GUID\t" + "\t".join(WORD_FIELDS), f"# {CREDIT}"]
    guids = guids or word_guids(slug, items)
    return tsv(header, [(guid, *word_values(item, title)) for guid, item in zip(guids, items)])


def glossary_tsv(glossary: Glossary) -> str:
    header = ["#separator:tab", "#html:false", "#guid column:1", "#notetype:jiedu glossary term",
              "#deck:jiedu::Glossary", "#columns:GUID\t" + "\t".join(GLOSSARY_FIELDS)]
    return tsv(header, [(genanki.guid_for("jiedu-glossary", e.id), *glossary_values(e)) for e in glossary.entries])


def write_anki(data: bytes | str, path: Path) -> None:
    """Write a package or TSV made above (the site build puts them in its files instead)."""
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
