"""Reviewable overrides, names, and the cross-check of scraped readings."""

import pytest

from jiedu.errors import ContentError
from jiedu.stages.overrides import Overrides, load_overrides
from jiedu.pipeline import annotate_line
from jiedu.builder import build_site

from conftest import TEMPLATES


def syllables(block):
    return " ".join(s for w in block.words for s in w.pinyin)


def write(tmp_path, text):
    path = tmp_path / "overrides.toml"
    path.write_text(text, encoding="utf-8")
    return load_overrides(path, "overrides.toml")


def test_reading_override_in_context(resources, tmp_path):
    fixes = write(tmp_path, '[[reading]]\ncontext = "靠数据量工作"\ntarget = "量"\npinyin = "liáng"\n')
    assert syllables(annotate_line("靠数据量工作", resources)).split()[3] == "liàng"
    assert syllables(annotate_line("靠数据量工作", resources, fixes)).split()[3] == "liáng"
    assert syllables(annotate_line("数据量很大", resources, fixes)).split()[2] == "liàng"  # other contexts untouched


def test_word_boundary_override(resources, tmp_path):
    fixes = write(tmp_path, '[[words]]\ncontext = "局长金志强坦言"\nsplit = ["局长", "金志强", "坦言"]\n'
                            'tags = ["n", "nr", "v"]\n')
    words = annotate_line("住建局局长金志强坦言", resources, fixes).words
    assert [w.text for w in words][-3:] == ["局长", "金志强", "坦言"]
    assert words[-2].pinyin == ("Jīn", "Zhì", "qiáng")


def test_glossary_pinyin_wins_over_an_override(resources, tmp_path):
    fixes = write(tmp_path, '[[reading]]\ncontext = "干部"\ntarget = "干"\npinyin = "gān"\n')
    assert annotate_line("干部", resources, fixes).words[0].pinyin == ("gàn", "bù")


@pytest.mark.parametrize("text, message", [
    ('[[reading]]\ncontext = "靠数据量工作"\ntarget = "质"\npinyin = "zhì"\n', "`target` inside it"),
    ('[[reading]]\ncontext = "数据量"\ntarget = "量"\npinyin = "liáng liàng"\n', "one syllable per character"),
    ('[[words]]\ncontext = "局长金志强"\nsplit = ["局长", "金志"]\n', "joins back"),
])
def test_malformed_overrides_name_their_line(tmp_path, text, message):
    with pytest.raises(ContentError, match=message) as error:
        write(tmp_path, "# a comment\n" + text)
    assert str(error.value).startswith("overrides.toml:2:1: error:")


def test_stale_overrides_are_reported(copy_content, tmp_path, resources):
    (copy_content / "overrides.toml").write_text(
        '[[reading]]\ncontext = "这句话不存在"\ntarget = "话"\npinyin = "huà"\n', encoding="utf-8")
    article = copy_content / "articles" / "baotou-zuofeng" / "overrides.toml"
    article.write_text(article.read_text(encoding="utf-8").replace("靠数据量工作", "靠数据量干活"), encoding="utf-8")
    result = build_site(copy_content, tmp_path / "site", TEMPLATES, resources)
    stale = [str(f) for f in result.findings if f.code == "override-unmatched"]
    assert any(s.startswith("content/overrides.toml:1:1:") and "这句话不存在" in s for s in stale)
    assert any("articles/baotou-zuofeng/overrides.toml:" in s and "靠数据量干活" in s for s in stale)


def test_seed_overrides_apply(seed_article):
    words = [w for b in seed_article.blocks for w in b.words]
    assert any(w.text == "金志强" and w.pinyin == ("Jīn", "Zhì", "qiáng") for w in words)
    assert any(w.text == "陈志成" and w.pinyin[0] == "Chén" for w in words)
    assert not [f for f in seed_article.findings if f.code == "override-unmatched"]


@pytest.mark.parametrize("text, expected", [
    # GB/T 16159: a place's generic part (市, 县, 区) is written apart and capitalised: Lù'ān Shì.
    ("六安市", "Lù ān Shì"), ("蚌埠", "Bèng bù"), ("乐亭县", "Lào tíng Xiàn"), ("铅山县", "Yán shān Xiàn"),
    ("洪洞县", "Hóng tóng Xiàn"), ("昆都仑区", "Kūn dū lún Qū"), ("勃艮第", "Bó gèn dì"),
    ("塞缪尔", "Sài miù ěr"), ("何塞", "Hé sài"), ("重庆朝天门", "Chóng qìng Cháo tiān mén"),
])
def test_place_and_foreign_names(resources, text, expected):
    assert syllables(annotate_line(text, resources)) == expected


@pytest.mark.parametrize("text, expected", [
    ("曾国藩", "Zēng Guó fān"), ("单田芳", "Shàn Tián fāng"), ("解缙", "Xiè Jìn"), ("朴槿惠", "Piáo Jǐn huì"),
    ("仇英", "Qiú Yīng"), ("查良镛", "Zhā Liáng yōng"),
])
def test_surnames_with_special_readings(resources, text, expected):
    block = annotate_line(text + "说", resources)
    assert syllables(block).rsplit(" ", 1)[0] == expected


def test_scraped_readings_that_disagree_are_listed(seed_article):
    cases = {(d.char, d.claimed, d.ours) for d in seed_article.disagreements}
    assert ("调", "diào", "tiáo") in cases      # 岗位调整: the source's reading was wrong
    assert ("应", "yīng", "yìng") in cases      # 回应
    for d in seed_article.disagreements:
        assert d.place.path.endswith("source.zh-Hant.txt") and d.char in d.context
    assert len(seed_article.disagreements) < 10


def test_empty_overrides_change_nothing(resources):
    assert syllables(annotate_line("银行行长", resources, Overrides())) == syllables(annotate_line("银行行长", resources))
