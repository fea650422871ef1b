"""Shortcuts taken for speed give exactly what the plain way gives."""

import io
import itertools
import sqlite3
import zipfile
from dataclasses import replace
from types import SimpleNamespace

import genanki
from hypothesis import given, settings, strategies as st
from markupsafe import Markup, escape

from jiedu.output.anki import WORD_FIELDS, article_deck, glossary_deck, word_model
from jiedu.output.apkg import Note, package_bytes
from jiedu.output.export import article_data, word_fields
from jiedu.output.fragments import block_words, escaped
from jiedu.model import Word
from jiedu.output.render import make_environment, relative_url
from jiedu.lexicon.vocabulary import VocabularyItem, vocabulary

from conftest import TEMPLATES


def test_word_records_read_back(seed_article, resources):
    """The compact word arrays lose nothing: read back, they are the words."""
    data = article_data(seed_article, resources.glossary)
    words = [w for b in seed_article.blocks for w in b.words]
    records = [word_fields(r) for b in data["blocks"] for r in b["words"]]
    assert [(r["text"], r["trad"], tuple(r["pinyin"]), r["term"], tuple(r["sandhi"])) for r in records] == \
        [(w.text, w.trad, w.pinyin, w.term, w.sandhi or ()) for w in words]
    assert any(w.sandhi for w in words) and any(w.trad != w.text for w in words)  # every field exercised


def test_relative_url_is_remembered_per_folder():
    assert relative_url("articles/x.html#b2", "vocabulary/x.html") == "../articles/x.html#b2"
    assert relative_url("articles/x.html#b3", "articles/y.html") == "x.html#b3"
    assert relative_url("index.html", "index.html") == "index.html"


# The templates' loops as they were before jiedu/output/fragments.py made them in Python.
OLD_WORDS = """{% macro ruby(word) -%}
<ruby>{% for char, syllable, sandhi in word|ruby_pairs %}{{ char }}<rt{% if sandhi %} data-s="{{ sandhi }}"{% endif %}>{{ syllable }}</rt>{% endfor %}</ruby>
{%- endmacro %}
{% for word in block.words %}{% if word.pinyin and word.term %}<a class="term" href="#n{{ notes[word.term] }}">{{ ruby(word) }}</a>{% elif word.pinyin %}{{ ruby(word) }}{% elif word.text == "\\n" %}<br>{% elif word.trad != word.text %}<span data-t="{{ word.trad }}">{{ word.text }}</span>{% else %}{{ word.text }}{% endif %}{% endfor %}"""
OLD_ROWS = """{% for item in items %}
{% set before, word, after = item.sentence|clause(item.text) %}
<li><span class="word" lang="zh-Hans">{% if item.term %}<a class="hanzi" href="{{ ('glossary.html#' ~ item.term)|url }}">{{ item.text }}</a>{% else %}<span class="hanzi">{{ item.text }}</span>{% endif %}{% if item.trad != item.text %} <span class="hanzi-trad" lang="zh-Hant">{{ item.trad }}</span>{% endif %}</span>
<span class="pinyin" lang="zh-Latn-pinyin">{{ item.pinyin|join(" ") }}</span>
<span class="stats">{{ item.count }} {{ "use" if item.count == 1 else "uses" }} · {{ "HSK 7–9" if item.hsk == 7 else "HSK " ~ item.hsk if item.hsk else "beyond HSK" }}</span>
<span class="gloss"><span class="english">{{ item.english }}</span>{% if item.term %} <span class="flag">glossary</span>{% elif item.fallback %} <span class="flag">{{ "name" if item.english == "personal name" else "parts" }}</span>{% endif %}</span>
<a class="use" lang="zh-Hans" href="{{ (('articles/' ~ slug ~ '.html#') ~ item.block)|url }}">{{ before }}<b>{{ word }}</b>{{ after }}</a></li>
{% endfor %}"""
NEW_ROWS = "{% for row in view|vocabulary_rows %}\n{{ row }}\n{% endfor %}"
PAYLOAD = "<script>\"'&</script>"


def old_environment():
    """The environment still has the filters the old loops used (custom templates may too)."""
    return make_environment(TEMPLATES)


def odd_words(seed_article) -> list[Word]:
    """The seed's words, and words with markup and quotes in every field."""
    block = seed_article.blocks[1]
    return [*block.words, Word(PAYLOAD, PAYLOAD + "t"), Word(PAYLOAD, PAYLOAD), Word("\n", "\n"),
            Word("一<个>", "一<個>", ("yī", "gè"), None, "m", ("yí\"", "gè")),
            Word("作风", "作風", ("zuò", "fēng"), "zuofeng", "n")]


def test_block_words_are_what_the_macro_made(seed_article):
    block = replace(seed_article.blocks[1], words=tuple(odd_words(seed_article)))
    notes = {word.term: number for number, word in enumerate(block.words, 1) if word.term}
    old = old_environment().from_string(OLD_WORDS).render(block=block, notes=notes)
    assert str(block_words(block, notes)) == old and "<script>" not in old


def test_block_words_with_an_article_memo_are_the_same(seed_article):
    """One memo for every block of the article (ArticleView.word_markup), as per block."""
    blocks = [*seed_article.blocks, replace(seed_article.blocks[1], words=tuple(odd_words(seed_article)))] * 2
    notes = {w.term: number for number, w in enumerate((w for b in blocks for w in b.words if w.term), 1)}
    made: dict = {}
    assert [str(block_words(b, notes, made)) for b in blocks] == [str(block_words(b, notes)) for b in blocks]
    assert len(made) < sum(len(b.words) for b in blocks)


def test_vocabulary_rows_are_what_the_loop_made(seed_article):
    items = list(seed_article_items(seed_article))
    environment, page = old_environment(), "vocabulary/x.html"
    old = environment.from_string(OLD_ROWS).render(items=items, slug="x", page_path=page)
    view = SimpleNamespace(slug="x", article=SimpleNamespace(vocabulary=items))
    assert environment.from_string(NEW_ROWS).render(view=view, page_path=page) == old
    assert "<script>" not in old


def seed_article_items(seed_article):
    """Vocabulary items of every kind, some with markup in every text field."""
    plain = VocabularyItem("作风", "作風", ("zuò", "fēng"), "style", 1, "作风好。", None, "b2", 7, None)
    odd = replace(plain, text=PAYLOAD, trad=PAYLOAD + "'", pinyin=(PAYLOAD,), english=PAYLOAD,
                  sentence=f"前{PAYLOAD}后。", block="b3", count=2, hsk=None)
    yield from (plain, odd, replace(plain, term="zuofeng", hsk=3), replace(odd, term=PAYLOAD),
                replace(plain, fallback=True, english="personal name"), replace(plain, fallback=True, english="a + b"),
                replace(plain, text="作风" * 30, sentence="长" * 60 + "作风" * 30 + "，短。"))


def genanki_collection(decks, timestamp: int, tmp_path) -> bytes:
    """The collection as genanki writes it from its own Note objects."""
    plain = []
    for deck in decks:
        copy = genanki.Deck(deck.deck_id, deck.name, deck.description)
        for note in deck.notes:
            copy.add_note(genanki.Note(model=note.model, fields=list(note.fields), guid=note.guid, tags=list(note.tags),
                                       due=note.due))
        plain.append(copy)
    path = tmp_path / f"genanki-{decks[0].deck_id}.anki2"
    connection = sqlite3.connect(path)
    genanki.Package(plain).write_to_db(connection.cursor(), timestamp, itertools.count(timestamp * 1000))
    connection.commit()
    connection.close()
    return path.read_bytes()


def test_packages_hold_what_genanki_writes(seed_article, resources, tmp_path):
    words = vocabulary(seed_article, resources.glossary, resources.dictionary, resources.hsk)
    items = [*words, *seed_article_items(seed_article)]
    decks = [article_deck(items, "x", "Title"), glossary_deck(resources.glossary)]
    empty = Note(word_model(), "guid", [""] * len(WORD_FIELDS), ("tag",), 3)  # genanki makes no card
    decks[0].add_note(empty)
    for deck in decks:
        collection = zipfile.ZipFile(io.BytesIO(package_bytes([deck], 1_700_000_000))).read("collection.anki2")
        assert collection == genanki_collection([deck], 1_700_000_000, tmp_path)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet="&<>\"'a文 ")))
def test_escaped_is_markupsafe_escape(text):
    assert escaped(text) == str(escape(text))


def test_escaped_leaves_markup_and_numbers_as_markupsafe_does():
    for value in (Markup("<b>x</b>"), 12, None, 1.5):
        assert escaped(value) == str(escape(value))
