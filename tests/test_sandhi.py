"""Tone sandhi of 一 and 不 (display option)."""

import pytest

from jiedu.stages.sandhi import sandhi


@pytest.mark.parametrize("chars, citation, expected", [
    ("不是", "bù shì", "bú shì"),
    ("不好", "bù hǎo", "bù hǎo"),
    ("一个", "yī gè", "yí gè"),
    ("一天", "yī tiān", "yì tiān"),
    ("一起", "yī qǐ", "yì qǐ"),
    ("一年", "yī nián", "yì nián"),
    ("第一", "dì yī", "dì yī"),
    ("十一", "shí yī", "shí yī"),
    ("一月", "yī yuè", "yī yuè"),
    ("一九", "yī jiǔ", "yī jiǔ"),
    ("统一", "tǒng yī", "tǒng yī"),      # at the end: citation
    ("一刻也不松劲", "yī kè yě bù sōng jìn", "yí kè yě bù sōng jìn"),
    ("敢不敢", "gǎn bù gǎn", "gǎn bù gǎn"),
])
def test_sandhi(chars, citation, expected):
    assert " ".join(sandhi(chars, citation.split())) == expected
