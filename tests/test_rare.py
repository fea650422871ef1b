"""Rare characters: every Han character with a reading anywhere (pypinyin, else Unihan's
table, `jiedu/data/unihan_readings.tsv`) gets one syllable, through the whole path."""

import json
import re
import subprocess
import unicodedata
import sys
from pathlib import Path

import pytest

from jiedu.output.fragments import ruby
from jiedu.pipeline import annotate_line
from jiedu.reading.rare import parse_rare_readings
from jiedu.text import HAN, TONE_LETTERS, is_han

ROOT = Path(__file__).resolve().parent.parent
SYLLABLE = re.compile(f"[A-Z{TONE_LETTERS.upper()}]?[a-zü{TONE_LETTERS}]+")
BLOCKS = {"Extension A": (0x3400, 0x4DBF), "Unified": (0x4E00, 0x9FFF), "Compatibility": (0xF900, 0xFAFF),
          "Extension B": (0x20000, 0x2A6DF), "Extension C": (0x2A700, 0x2B73F), "Extension D": (0x2B740, 0x2B81F),
          "Extension E": (0x2B820, 0x2CEAF), "Extension F": (0x2CEB0, 0x2EBEF),
          "Compatibility Supplement": (0x2F800, 0x2FA1F), "Extension G": (0x30000, 0x3134F)}


def test_parse_rare_readings():
    assert parse_rare_readings("# comment\n㘃\tyě\tkCantonese je5\n\n") == {"㘃": "yě"}
    with pytest.raises(ValueError, match="malformed"):
        parse_rare_readings("㘃㘃\tyě\tx\n")


@pytest.mark.parametrize("text, expected", [
    ("他㘃了一下", "tā yě le yī xià"),     # Ext A, Cantonese je5 (嘢): yě
    ("䤈字", "xī zì"),                      # Ext A, "(same as 醯) vinegar": xī
    ("㐀", "qiū"),                          # Ext A, kMandarin (pypinyin has it too)
    ("㒭", "kūn"),                          # Ext A, a variant of 昆
    ("𠀡", "tiān"),                          # Ext B, kCantonese tin1
    ("𠮷野家", "jí yě jiā"),                  # Ext B, a (spoofing) variant of 吉
    ("豈", "qǐ"),                          # Compatibility ideograph U+F900, the same as 豈
])
def test_rare_characters_get_their_unihan_reading(resources, text, expected):
    block = annotate_line(text, resources)
    assert " ".join(s for w in block.words for s in w.pinyin) == expected


def test_jiedu_annotate_reads_rare_characters():
    """The issue's own line, through the command."""
    result = subprocess.run([sys.executable, "-m", "jiedu", "annotate"], cwd=ROOT, capture_output=True, check=True,
                            input="他㘃了一下，䤈字。\n", text=True)
    words = json.loads(result.stdout)["words"]
    assert {w["text"]: w["pinyin"] for w in words if w["text"] in "㘃䤈"} == {"㘃": ["yě"], "䤈": ["xī"]}


def sample(block: str, step: int = 211) -> str:
    start, end = BLOCKS[block]
    return "".join(chr(code) for code in range(start, end + 1, step) if is_han(chr(code)))


@pytest.mark.parametrize("block", BLOCKS)
def test_reader_gives_every_read_character_one_syllable(resources, block):
    """Every sampled code point of every CJK block that pypinyin or Unihan reads gets one
    well-formed syllable from the reader (in one run, so as neighbours too); the others
    (Extensions B-G without any Mandarin, variant or Cantonese evidence) get ''."""
    reader, text = resources.reader, sample(block)
    known = {chr(code) for code in reader.characters} | reader.rare.keys()
    syllables = reader.read(text)
    assert len(syllables) == len(text)
    for char, syllable in zip(text, syllables):
        assert (char in known) == bool(syllable), (hex(ord(char)), syllable)
        assert not syllable or SYLLABLE.fullmatch(syllable), (hex(ord(char)), syllable)


@pytest.mark.parametrize("block", ["Extension A", "Unified", "Compatibility"])
def test_common_blocks_are_read_whole(resources, block):
    """In the blocks news text uses, nearly every assigned character has a reading now."""
    text = "".join(char for char in sample(block, step=1) if unicodedata.name(char, None))
    read = sum(1 for s in resources.reader.read(text) if s)
    assert read / len(text) > 0.95, (block, len(text) - read)


def test_rare_characters_keep_one_syllable_each_and_a_ruby(resources):
    block = annotate_line("𠮷野家的䤈和㘃", resources)
    for word in block.words:
        assert len(word.pinyin) == len(HAN.findall(word.text)), word
    html = "".join(ruby(word) for word in block.words if word.pinyin)
    assert "䤈<rt>xī</rt>" in html and "㘃<rt>yě</rt>" in html and "<rt></rt>" not in html
