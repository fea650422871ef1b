"""Vocabulary, dictionary coverage and HSK levels of the seed; its Anki deck and TSV."""

import csv
import html
import io
import json
import sqlite3
import time
import zipfile
from collections import Counter
from dataclasses import replace

import genanki
import pytest

from jiedu.output.anki import (WORD_FIELDS, article_package, article_tsv, glossary_package, glossary_tsv,
                               note_type_package, stable_id, word_guid, word_values)
from jiedu.lexicon.dictionary import load_dictionary
from jiedu.model import Word
from jiedu.resources import user_cache
from jiedu.lexicon.hsk import hsk_profile, load_hsk, parse_hsk
from jiedu.lexicon.examples import clause_around, sentence_at
from jiedu.output.wordlist import piece, span
from jiedu.lexicon.glossary import Glossary
from jiedu.lexicon.vocabulary import coverage, definitions, english_for, is_han_word, vocabulary

from conftest import site_vocabulary, word_data

SLUG, TITLE = "baotou-zuofeng", "包头市作风积弊“大扫除”如火如荼"


@pytest.fixture(scope="module")
def dictionary():
    return load_dictionary(user_cache())


@pytest.fixture(scope="module")
def hsk():
    return load_hsk()


@pytest.fixture(scope="module")
def seed_words(seed_article):
    return [word for block in seed_article.blocks for word in block.words]


@pytest.fixture(scope="module")
def items(seed_article, resources, dictionary, hsk):
    return vocabulary(seed_article, resources.glossary, dictionary, hsk)


# --- coverage ------------------------------------------------------------------------

def test_coverage_counts_running_han_words_only(dictionary):
    words = [Word("行", "行", ("xíng",)), Word("，", "，"), Word("2022", "2022"), Word("行", "行", ("xíng",)),
             Word("营商环境", "營商環境", ("yíng", "shāng", "huán", "jìng")),
             Word("懒政", "懶政", ("lǎn", "zhèng"), term="lanzheng")]
    result = coverage(words, dictionary)
    assert (result.running, result.covered, result.share) == (4, 3, 0.75)
    assert result.missing == (("营商环境", 1),)


def test_seed_coverage(seed_words, dictionary):
    result = coverage(seed_words, dictionary)
    print(f"\nseed coverage {result.share:.2%} ({result.covered}/{result.running}); uncovered: {result.missing}")
    assert result.running == sum(map(is_han_word, seed_words))
    assert result.share >= 0.92
    names = {"戴宏", "安寅东", "金志强", "郭俊丽", "高锦明"}   # personal names: in no dictionary
    assert names <= {text for text, _ in result.missing}
    assert all(text not in dictionary for text, _ in result.missing)


def test_seed_coverage_reaches_the_issue_target(seed_words, dictionary):
    """Words the dictionary lacks are split into words it has (segment.py); names stay whole."""
    assert coverage(seed_words, dictionary).share >= 0.97


# --- vocabulary ----------------------------------------------------------------------

def test_counts_sum_to_the_running_han_words(items, seed_words):
    assert sum(item.count for item in items) == sum(map(is_han_word, seed_words))
    assert len({(item.text, item.pinyin) for item in items}) == len(items)
    assert Counter(item.text for item in items)["为"] == 2   # wéi and wèi are two items


def test_an_item_carries_its_first_sentence_and_translation(items, seed_article):
    first = {item.text: item for item in items}
    block = seed_article.blocks[int(first["凝聚力"].block[1:]) - 1]
    assert first["凝聚力"].sentence == "好作风是战斗力，敢担当是推动力，善作为是凝聚力。"
    assert first["凝聚力"].translation == block.translation and block.translation.startswith("A good work style")
    assert all(item.text in item.sentence for item in items)


def test_english_levels_and_glossary_flags(items, resources):
    by_text = {item.text: item for item in items}
    assert by_text["是"].hsk == 1 and by_text["是"].term is None and by_text["是"].english.startswith("to be")
    assert by_text["作风"].term == "zuofeng"
    assert by_text["作风"].english == resources.glossary.by_id["zuofeng"].english
    assert by_text["包头市"].hsk is None
    assert by_text["戴宏"].english == "personal name" and by_text["戴宏"].fallback
    assert by_text["新年伊始"].english == "新年 New Year + 伊始 outset" and by_text["新年伊始"].fallback
    assert "工作效率" not in by_text and by_text["效率"].english == "efficiency"   # split into known words
    assert all(item.english for item in items)


@pytest.mark.parametrize("text, trad, pinyin, tag, english", [
    ("干", "幹", "gàn", "v", "to do"),                        # CC-CEDICT's first: "tree trunk"
    ("项", "項", "xiàng", "n", "item"),                       # "back of neck"
    ("把", "把", "bǎ", "p", "(used to put the object before the verb: 把 bǎ + {noun} + {verb})"),
    ("把", "把", "bǎ", "v", "to hold; to grasp"),            # a row for prepositions only
    ("在", "在", "zài", "p", "(of sb or sth) to be (located) at"),   # the row for any tag
    ("将", "將", "jiāng", "d", "will"),                        # no row for d
    ("将", "將", "jiāng", "p", "(introduces object of main verb, used in the same way as 把 bǎ)"),
    ("月", "月", "yuè", "m", "month"),                         # "moon"
    ("为", "為", "wèi", "p", "for"),
    ("后", "後", "hòu", "f", "back"),                          # no row: the Traditional form decides
    ("行", "行", "xíng", "v", "to walk"),                      # no row: CC-CEDICT's order
])
def test_a_word_shows_the_sense_its_use_needs_first(dictionary, text, trad, pinyin, tag, english):
    word = Word(text, trad, tuple(pinyin.split()), tag=tag)
    assert english_for(word, Glossary((), {}, {}), dictionary) == (english, False)
    assert definitions(word, dictionary)[0][0] == english


def test_hsk_profile_of_the_seed(items):
    profile = hsk_profile(items)
    assert [share.label for share in profile] == ["1", "2", "3", "4", "5", "6", "7–9", "beyond HSK"]
    assert sum(share.share for share in profile) == pytest.approx(1.0)
    assert profile[-1].cumulative == pytest.approx(1.0)
    assert profile[0].share > 0.15   # 是, 的, 在 ... are level 1


def test_hsk_list(hsk):
    assert len(hsk.levels) == 10977   # GF0025-2021: 11,092 entries, variants merged
    assert Counter(hsk.levels.values())[1] == 507
    assert (hsk.level("爱"), hsk.level("作风"), hsk.level("包头市")) == (1, 7, None)
    assert parse_hsk("word\tlevel\n行\t4\n行\t2\n") == {"行": 2}


@pytest.mark.parametrize("text, word, expected", [
    ("好作风是战斗力，敢担当是推动力。善作为是凝聚力。", "凝聚力", "善作为是凝聚力。"),
    ("他说：“好。”我们走！", "我们", "我们走！"),
    ("他说：“好。”我们走！", "好", "他说：“好。”"),
    ("没有句号", "句号", "没有句号"),
    ("甲；乙？丙", "乙", "乙？"),
])
def test_sentence_around_a_word(text, word, expected):
    assert sentence_at(text, text.index(word)) == expected


# --- Anki ----------------------------------------------------------------------------

def collection(package: bytes, tmp_path) -> sqlite3.Connection:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        assert sorted(archive.namelist()) == ["collection.anki2", "media"]
        (tmp_path / "collection.anki2").write_bytes(archive.read("collection.anki2"))
    return sqlite3.connect(tmp_path / "collection.anki2")


def test_the_apkg_is_a_valid_anki_collection(items, tmp_path):
    db = collection(article_package(items, SLUG, TITLE), tmp_path)
    notes = db.execute("SELECT guid, mid, flds FROM notes ORDER BY id").fetchall()
    assert len(notes) == len(items) == db.execute("SELECT count(*) FROM cards").fetchone()[0]
    assert {mid for _, mid, _ in notes} == {stable_id("jiedu word note 1")}
    fields = notes[0][2].split("\x1f")
    assert len(fields) == len(WORD_FIELDS) == 6
    first = items[0]
    assert fields[:3] == [first.text, " ".join(first.pinyin), html.escape(first.english, quote=False)]
    assert f"<b>{first.text}</b>" in fields[3] and fields[5] == TITLE
    assert "<p>" in fields[4]   # the translation's Markdown, as sanitised HTML
    models, decks = db.execute("SELECT models, decks FROM col").fetchone()
    assert [model["name"] for model in json.loads(models).values()] == ["jiedu word"]
    assert f"jiedu::{TITLE}" in [deck["name"] for deck in json.loads(decks).values()]
    assert {did for (did,) in db.execute("SELECT did FROM cards")} == {stable_id(f"jiedu article deck {SLUG}")}


def test_two_builds_are_byte_identical_with_stable_guids(items, tmp_path, monkeypatch):
    first = article_package(items, SLUG, TITLE)
    later = time.time() + 10_000   # a later build: nothing may come from the clock
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(time, "localtime", lambda seconds=None: time.gmtime(later if seconds is None else seconds))
    assert article_package(items, SLUG, TITLE) == first
    later = article_package(items, SLUG, TITLE, timestamp=1_700_000_000)
    guids = [row[0] for row in collection(later, tmp_path).execute("SELECT guid FROM notes")]
    assert guids == [word_guid(SLUG, item) for item in items]
    assert len(set(guids)) == len(guids)
    assert guids[0] == genanki.guid_for(SLUG, items[0].text, " ".join(items[0].pinyin))


def test_reimporting_into_anki_updates_instead_of_duplicating(items, tmp_path):
    anki = pytest.importorskip("anki.collection")
    col = anki.Collection(str(tmp_path / "user.anki2"))
    options = anki.ImportAnkiPackageOptions()   # Anki's defaults: update notes if newer

    def import_package(name, data):
        (tmp_path / name).write_bytes(data)
        log = col.import_anki_package(anki.ImportAnkiPackageRequest(package_path=str(tmp_path / name),
                                                                    options=options)).log
        return len(log.new), len(log.updated), col.note_count()

    fixed = [replace(items[0], english="fixed gloss"), *items[1:]]
    try:
        assert import_package("a.apkg", article_package(items, SLUG, TITLE)) == (len(items), 0, len(items))
        assert import_package("a.apkg", article_package(items, SLUG, TITLE)) == (0, 0, len(items))
        assert import_package("b.apkg", article_package(fixed, SLUG, TITLE, 1_700_000_000)) == (0, len(items), len(items))
        [note_id] = col.find_notes(f"Characters:{items[0].text}")
        assert col.get_note(note_id)["English"] == "fixed gloss"
        (tmp_path / "a.tsv").write_text(article_tsv(items, SLUG, TITLE), encoding="utf-8")
        metadata = col.get_csv_metadata(str(tmp_path / "a.tsv"), None)
        assert (metadata.guid_column, list(metadata.global_notetype.field_columns)) == (1, [2, 3, 4, 5, 6, 7])
        log = col.import_csv(anki.ImportCsvRequest(path=str(tmp_path / "a.tsv"), metadata=metadata)).log
        assert (len(log.new), len(log.updated), col.note_count()) == (0, len(items), len(items))
        assert html.unescape(col.get_note(note_id)["English"]) == items[0].english   # html:false: Anki escapes
    finally:
        col.close()


def tsv_rows(text: str) -> list[list[str]]:
    return [row for row in csv.reader(io.StringIO(text), delimiter="\t") if not row[0].startswith("#")]


def test_the_tsv_has_the_same_fields(items):
    text = article_tsv(items, SLUG, TITLE)
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert header[:6] == ["#separator:tab", "#html:false", "#guid column:1", "#notetype:jiedu word",
                          f"#deck:jiedu::{TITLE}",
                          "#columns:GUID\tCharacters\tPinyin\tEnglish\tSentence\tTranslation\tArticle"]
    rows = tsv_rows(text)
    assert len(rows) == len(items)
    assert rows[0] == [word_guid(SLUG, items[0]), *word_values(items[0], TITLE)]
    assert all(len(row) == 7 for row in rows)


def test_the_glossary_deck_and_tsv(built_site, seed_article, glossaries, tmp_path):
    """The site's deck: the entries the seed uses (`Glossaries.listed`)."""
    own = glossaries.of(seed_article.source.slug)
    glossary = glossaries.listed({w.term for b in seed_article.blocks for w in b.words},
                                 {e.id for b in seed_article.blocks for e in own.found_in(b.text)})
    assert (built_site / "glossary.tsv").read_text(encoding="utf-8") == glossary_tsv(glossary)
    data = glossary_package(glossary)
    assert data == glossary_package(glossary)
    notes = collection(data, tmp_path).execute("SELECT guid, flds FROM notes").fetchall()
    assert len(notes) == len({guid for guid, _ in notes}) == len(glossary.entries)
    assert notes[0][1].split("\x1f")[0] == glossary.entries[0].simplified
    rows = tsv_rows(glossary_tsv(glossary))
    assert [row[1] for row in rows] == [entry.simplified for entry in glossary.entries]
    assert rows[0][0] == genanki.guid_for("jiedu-glossary", glossary.entries[0].id)


def test_a_tsv_row_whose_guid_starts_with_a_hash_is_not_a_comment():
    from jiedu.output.anki import tsv

    text = tsv(["#separator:tab", "# a credit line"], [("#abc", "词", "cí"), ("x#y", "字", "zì")])
    lines = text.splitlines()
    assert lines[:2] == ["#separator:tab", "# a credit line"]
    data = [line for line in lines[2:] if not line.startswith("#")]  # what a comment-skipping importer keeps
    assert [row[0] for row in csv.reader(data, delimiter="\t")] == ["#abc", "x#y"]


# --- the vocabulary as word data (made into the page and the TSV in the browser) ----------

def test_the_word_data_carries_the_whole_vocabulary(built_site, seed_article):
    """Read back as vocabulary.js reads it, the data gives every item's fields (the
    senses and parts the cards show travel in the same script, under "senses")."""
    expected = [replace(item, senses=(), parts=()) for item in seed_article.vocabulary]
    assert site_vocabulary(built_site) == expected
    vocab = word_data(built_site)["vocab"]
    for record, item in zip(vocab["items"], seed_article.vocabulary, strict=True):
        before, word, after = clause_around(item.sentence, item.text)
        clause = record[6] if len(record) > 6 and record[6] else record[5]  # 0 or cut off: the sentence
        assert piece(vocab["blocks"][record[4] - 1][0], clause) == before + word + after
    assert any(item.fallback for item in expected) and any(len(r) > 6 and r[6] and r[6][0] < 0 for r in vocab["items"])  # cut clauses


@pytest.mark.parametrize("shown, text, at, expected", [
    ("乙丙", "甲乙丙丁", 1, [1, 3]),
    ("…乙丙", "甲乙丙丁", 1, [-2, 3]),
    ("…乙…", "甲乙丙丁", 1, [-2, -3]),
    ("…乙…", "甲…乙…丁", 2, [1, 4]),       # the text's own ellipses
    ("乙", "甲乙丙乙", 3, [3, 4]),           # the occurrence at `at`, not the first
    ("戊", "甲乙丙丁", 1, "戊"),
])
def test_span_and_piece(shown, text, at, expected):
    assert span(shown, text, at, 1) == expected
    assert piece(text, expected) == shown


def test_the_note_type_package_lets_anki_import_the_tsv(items, tmp_path):
    """No deck per article: the site's one note type, imported once, then the TSV."""
    anki = pytest.importorskip("anki.collection")
    col = anki.Collection(str(tmp_path / "user.anki2"))
    try:
        (tmp_path / "type.apkg").write_bytes(note_type_package())
        col.import_anki_package(anki.ImportAnkiPackageRequest(package_path=str(tmp_path / "type.apkg"),
                                                              options=anki.ImportAnkiPackageOptions()))
        assert col.note_count() == 1 and col.models.by_name("jiedu word")  # with its one example note
        fixed = [replace(items[0], english="fixed gloss"), *items[1:]]
        for words, new, updated in ((items, len(items), 0), (fixed, 0, 1)):  # again: the same notes, updated
            (tmp_path / "a.tsv").write_text(article_tsv(words, SLUG, TITLE), encoding="utf-8")
            metadata = col.get_csv_metadata(str(tmp_path / "a.tsv"), None)
            log = col.import_csv(anki.ImportCsvRequest(path=str(tmp_path / "a.tsv"), metadata=metadata)).log
            assert (len(log.new), len(log.updated), col.note_count()) == (new, updated, len(items) + 1)
        [note_id] = col.find_notes(f"Characters:{items[0].text}")
        note = col.get_note(note_id)
        assert note.note_type()["name"] == "jiedu word" and note["English"] == "fixed gloss"
    finally:
        col.close()
