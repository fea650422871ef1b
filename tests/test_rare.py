"""Rare characters: every code point of every block of Han ideographs gets one syllable
(pypinyin's, else the table `jiedu/data/unihan_readings.tsv`), through the whole path;
a guessed one is reported as such."""

import json
import re
import subprocess
import unicodedata
import sys
from pathlib import Path

import pytest

from jiedu.output.fragments import ruby
from jiedu.pipeline import annotate_line
from jiedu.model import Source
from jiedu.output.export import article_data
from jiedu.pipeline import process_article
from jiedu.reading.rare import parse_rare_readings
from jiedu.syllables import is_syllable
from jiedu.text import HAN, HAN_BLOCKS, TONE_LETTERS, is_han

ROOT = Path(__file__).resolve().parent.parent
SYLLABLE = re.compile(f"[A-Z{TONE_LETTERS.upper()}]?[a-zü{TONE_LETTERS}]+")
def test_parse_rare_readings():
    table = "# comment\n㘃\tyě\tkCantonese je5\n䤈\txī\tvariant 醯\n\n"
    assert parse_rare_readings(table) == ({"㘃": "yě", "䤈": "xī"}, {"㘃": "kCantonese je5"})
    with pytest.raises(ValueError, match="malformed"):
        parse_rare_readings("㘃㘃\tyě\tx\n")


@pytest.mark.parametrize("text, expected", [
    ("他㘃了一下", "tā ruò le yī xià"),    # Ext A, 汉典 (pinyin-data's zdic.txt)
    ("㐃", "jiān"),                          # Ext A, guessed from Cantonese zim1
    ("䤈字", "xī zì"),                      # Ext A, "(same as 醯) vinegar": xī
    ("㐀", "qiū"),                          # Ext A, kMandarin (pypinyin has it too)
    ("㒭", "kūn"),                          # Ext A, a variant of 昆
    ("𠀡", "tiān"),                          # Ext B, kCantonese tin1
    ("𠮷野家", "jí yě jiā"),                  # Ext B, 汉典 (and a spoofing variant of 吉)
    ("豈", "qǐ"),                          # Compatibility ideograph U+F900, the same as 豈
])
def test_rare_characters_get_their_unihan_reading(resources, text, expected):
    block = annotate_line(text, resources)
    assert " ".join(s for w in block.words for s in w.pinyin) == expected


def test_jiedu_annotate_reads_rare_characters():
    """The issue's own line, through the command."""
    result = subprocess.run([sys.executable, "-m", "jiedu", "annotate"], cwd=ROOT, capture_output=True, check=True,
                            input="他㘃了一下，䤈字，㐃。\n", text=True)
    words = json.loads(result.stdout)["words"]
    assert {w["text"]: w["pinyin"] for w in words if w["text"] in "㘃䤈㐃"} == {"㘃": ["ruò"], "䤈": ["xī"],
                                                                             "㐃": ["jiān"]}


@pytest.mark.parametrize("block", HAN_BLOCKS)
def test_every_code_point_of_every_han_block_gets_one_valid_syllable(resources, block):
    """Every code point of the block, assigned or not yet, read in one run (so as neighbours
    too) by the reading stage: exactly one syllable each, a valid one of Hanyu Pinyin."""
    start, end = HAN_BLOCKS[block]
    text = "".join(chr(code) for code in range(start, end + 1))
    assert all(is_han(char) for char in text)
    syllables = resources.reader.read(text)
    assert len(syllables) == len(text)
    for char, syllable in zip(text, syllables):
        assert is_syllable(syllable), (hex(ord(char)), syllable)


def test_the_table_says_how_each_reading_was_found(resources):
    """A guess is marked as one; a Unihan field, 汉典 or a variant's reading is not."""
    reader = resources.reader
    assert reader.guessed["㐃"] == "kCantonese zim1" and not {"䤈", "㘃", "㒭"} & reader.guessed.keys()
    assert {how.split()[0] for how in reader.guessed.values()} <= {
        "kCantonese", "kVietnamese", "kKorean", "kJapaneseOn", "kPhonetic", "phonetic", "part", "component",
        "guessed-variant", "radical", "neighbour"}
    assert len(reader.rare) > 55_000 and 0.5 < len(reader.guessed) / len(reader.rare) < 0.95


def test_a_guessed_reading_is_reported_where_it_stands(resources):
    source = Source("rare", "content/articles/rare/source.txt", "标题\n\n他㐃了一下，䤈字，又㐃。\n", "utf-8", {})
    article = process_article(source, resources)
    findings = [f for f in article.findings if f.code == "reading-guessed"]
    assert [(f.place.line, f.place.column) for f in findings] == [(3, 2)]  # 㐃 once; 䤈's variant is no guess
    assert "㐃 (U+3403) is read jiān by a guess (kCantonese zim1)" in findings[0].message
    records = article_data(article, resources.glossary)["cleaning"]["findings"]
    assert [(r["code"], r["line"], r["column"]) for r in records] == [("reading-guessed", 3, 2)]


def test_rare_characters_keep_one_syllable_each_and_a_ruby(resources):
    block = annotate_line("𠮷野家的䤈和㘃", resources)  # 汉典, a variant, 汉典
    for word in block.words:
        assert len(word.pinyin) == len(HAN.findall(word.text)), word
    html = "".join(ruby(word) for word in block.words if word.pinyin)
    assert "䤈<rt>xī</rt>" in html and "㘃<rt>ruò</rt>" in html and "<rt></rt>" not in html
