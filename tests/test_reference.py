"""The reference features of issue 5, without a browser: word-card senses, the data each
article page carries for its cards, the vocabulary page, the search index, and the
report of words without a definition."""

import hashlib
import json
import re

import pytest

from jiedu.authoring.check import inspect_site
from jiedu.cli import main
from jiedu.lexicon.dictionary import DictEntry, load_dictionary
from jiedu.output.export import inline_json
from jiedu.model import Word
from jiedu.resources import user_cache
from jiedu.builder import build_site, undefined_words
from jiedu.output.views import senses
from jiedu.syllables import toneless
from jiedu.lexicon.examples import clause_around
from jiedu.lexicon.vocabulary import NAME, SENSE_LENGTH, VocabularyItem, clip, definitions, reading_senses

from jiedu.output.fragments import vocabulary_rows

from conftest import TEMPLATES, site_vocabulary


def browser_rows(site) -> list[str]:
    """The vocabulary page's rows as vocabulary.js makes them (test_browser compares)."""
    return [str(row) for row in vocabulary_rows(site_vocabulary(site), "../articles/baotou-zuofeng.html",
                                                  "../glossary.html")]

ARTICLE = "articles/baotou-zuofeng.html"
WORDS_FILE = "words/baotou-zuofeng.js"
WORDS_DATA = re.compile(r"^jieduWords\((.*)\);$", re.M)


@pytest.fixture(scope="module")
def dictionary():
    return load_dictionary(user_cache())


def item(text, pinyin, **fields) -> VocabularyItem:
    values = dict(trad=text, english="", count=1, sentence=text, translation=None, block="b1", hsk=None, term=None)
    return VocabularyItem(text=text, pinyin=tuple(pinyin.split()), **{**values, **fields})


# --- senses -----------------------------------------------------------------------------

@pytest.mark.parametrize("word, senses, parts", [
    (Word("干部", "幹部", ("gàn", "bù")), ("cadre", "official", "officer"), ()),
    (Word("为", "為", ("wéi",)), ("as (in the capacity of)", "to take sth as", "to act as"), ()),
    (Word("名", "名", ("míng",), tag="q"), ("classifier for people", "name", "noun (part of speech)"), ()),
    (Word("中争", "中爭", ("zhōng", "zhēng")), (), (("中", "within; among; in"), ("争", "to strive for"))),
    (Word("戴宏", "戴宏", ("Dài", "Hóng"), tag="nr"), (), ()),                       # a name: no parts
    (Word("开局争先", "開局爭先", ("kāi", "jú", "zhēng", "xiān"), term="kaiju-zhengxian"), (), ()),  # the glossary says more
])
def test_definitions_for_a_word_card(dictionary, word, senses, parts):
    assert definitions(word, dictionary) == (senses, parts)


def test_senses_leave_out_classifier_notes_and_cross_references():
    entries = (DictEntry("知识", "知識", ("zhī", "shi"), ("knowledge", "CL:門|门[men2]", "intellectual")),
               DictEntry("知识", "知識", ("zhī", "shi"), ("see also 学问", "learning", "knowledge")),
               DictEntry("知识", "知識", ("zhì", "shi"), ("another reading",)))
    assert reading_senses(entries) == ("knowledge", "intellectual", "learning")
    measure = (DictEntry("场", "場", ("chǎng",), ("large place", "stage", "classifier for events")),)
    assert reading_senses(measure, measure=True)[0] == "classifier for events"


def test_long_senses_are_cut_at_a_word():
    sense = "word " * 40
    assert len(clip(sense)) <= SENSE_LENGTH + 1 and clip(sense).endswith("word…")
    assert clip("short") == "short"


# --- the data each article page carries -------------------------------------------------

def test_card_senses_are_keyed_by_word_and_by_reading_only_where_needed():
    items = (item("干部", "gàn bù", senses=("cadre",)), item("为", "wéi", senses=("as",)),
             item("为", "wèi", senses=("for",)), item("中争", "zhōng zhēng", fallback=True, parts=(("中", "in"), ("争", "strive"))),
             item("戴宏", "Dài Hóng", english=NAME, fallback=True),
             item("作风", "zuò fēng", term="zuofeng", english="work style"))
    assert senses(items) == {"干部": ["cadre"], "为|wéi": ["as"], "为|wèi": ["for"],
                                "中争": {"parts": [["中", "in"], ["争", "strive"]]}, "戴宏": NAME}


def test_inline_json_cannot_close_the_script():
    text = inline_json({"x": "</script><script>alert(1)</script><!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"x": "</script><script>alert(1)</script><!-- & -->"}


def test_the_word_cards_data_is_a_script_of_its_own(built_site, seed_article):
    """Senses, term notes and Traditional forms load on first use, not with the page."""
    page = (built_site / ARTICLE).read_text(encoding="utf-8")
    data = json.loads(WORDS_DATA.search((built_site / WORDS_FILE).read_text(encoding="utf-8")).group(1))
    version = hashlib.sha256((built_site / WORDS_FILE).read_bytes()).hexdigest()[:12]
    assert f'data-words="../words/baotou-zuofeng.js?v={version}"' in page and "cadre, official" not in page
    assert data["senses"]["干部"] == ["cadre", "official", "officer"]
    assert "为|wéi" in data["senses"] and "为|wèi" in data["senses"] and "为" not in data["senses"]
    ruby_words = [w for b in seed_article.blocks for w in b.words if w.pinyin]
    assert {key.split("|")[0] for key in data["senses"]} <= {w.text for w in ruby_words}
    assert data["trad"] == {str(n): w.trad for n, w in enumerate(ruby_words) if w.trad != w.text}
    assert data["trad"]["1"] == "包頭市" and page.count("<ruby>") == len(ruby_words)
    traditional, literal, explanation = data["notes"]["ganbu"]
    assert traditional == "幹部" and literal and "cadre" in explanation.lower()
    assert "CC-CEDICT" in page and "CC BY-SA 4.0" in page
    assert 'href="../vocabulary/baotou-zuofeng.html"' in page


def test_the_vocabulary_page(built_site, seed_article):
    page = (built_site / "vocabulary" / "baotou-zuofeng.html").read_text(encoding="utf-8")
    rows = re.findall(r"<li><span class=\"word\" lang=\"zh-Hans\">(.*?)</li>", "\n".join(browser_rows(built_site)), re.S)
    han = {w.text for b in seed_article.blocks for w in b.words if w.pinyin}
    assert len(rows) >= len(han)
    ganbu = next(row for row in rows if '>干部</a>' in row)
    assert 'href="../glossary.html#ganbu"' in ganbu and '<span class="flag">glossary</span>' in ganbu
    assert re.search(r'<span class="stats">\d+ uses · (?:HSK (?:[1-6]|7–9)|beyond HSK)</span>', ganbu)
    assert 'href="../articles/baotou-zuofeng.html#b' in ganbu and "<b>干部</b>" in ganbu
    for label in ("beyond HSK", "7–9", "100.0%"):
        assert label in page
    assert 'href="../jiedu-word.apkg"' in page and 'data-tsv download="baotou-zuofeng.tsv"' in page
    assert '<script src="../words/baotou-zuofeng.js?v=' in page and '<script src="baotou-zuofeng.js?v=' in page
    assert "<noscript>" in page
    assert "CC-CEDICT" in page


@pytest.mark.parametrize("sentence, word, expected", [
    ("好作风是战斗力。", "作风", ("好", "作风", "是战斗力。")),
    ("推动全区各项事业发展，要把干部担当作为的形象立起来，把讲诚信守信用的形象立起来，把真善美的形象立起来。", "干部",
     ("…要把", "干部", "担当作为的形象立起来，…")),
    ("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十词。", "词",
     ("…一二三四五六七八九十一二三四五六七八九十", "词", "。")),
    ("没有这个", "词", ("没有这个", "", "")),
])
def test_a_long_sentence_shows_the_clauses_around_the_word(sentence, word, expected):
    assert clause_around(sentence, word) == expected


def test_toneless():
    assert toneless("Bāo tóu lǜ", umlaut="v") == "bao tou lv"
    assert toneless("Bāo tóu lǜ") == "bao tou lü"


# --- words without a definition ---------------------------------------------------------

def test_undefined_words_are_notes_not_problems(copy_content, resources, tmp_path, capsys):
    problems, notes = inspect_site(copy_content, TEMPLATES, resources)
    assert problems == []
    assert notes[0].startswith("content/articles/baotou-zuofeng: note: ") and "戴宏 ×1 (name)" in "".join(notes)
    result = build_site(copy_content, tmp_path / "out", TEMPLATES, resources)
    assert result.undefined == len(undefined_words(list(result.articles))) > 0
    assert main(["check", "--content", str(copy_content), "--templates", str(TEMPLATES)]) == 0
    assert "without English of their own" in capsys.readouterr().err
    assert main(["build", "--strict", "--content", str(copy_content), "--templates", str(TEMPLATES),
                 "--output", str(tmp_path / "strict")]) == 0
    assert f"{result.undefined} word(s) without a definition" in capsys.readouterr().err
