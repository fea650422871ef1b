"""The glossary's three layers (issue #15): an article's own glossary.toml over the site's
glossary files over the built-in lexicon, on a small site of our own writing."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from jiedu.authoring.check import inspect_site
from jiedu.builder import build_site
from jiedu.content import load_content
from jiedu.errors import ContentError
from jiedu.lexicon.builtin import entry_ids, load_lexicon
from jiedu.lexicon.glossary import Entry, indexed
from jiedu.lexicon.layers import layered, without
from jiedu.output.export import word_fields

from conftest import ROOT, TEMPLATES, tree

ARTICLES = {  # our own sentences: one article on a banner of Inner Mongolia, one on Taiwan's parties
    "banner": "某旗修路记\n\n这个旗有三万人，旗里今年修了三条路。\n",
    "flags": "举什么旗的问题\n\n台湾的政党要回答举什么旗、走什么路的问题。两岸交流要坚持九二共识。\n",
}
TERM = """[[term]]
id = "{id}"
simplified = "{han}"
traditional = "{han}"
pinyin = "{pinyin}"
literal = "l"
english = "{english}"
explanation = "x"
category = "{category}"
related = []
"""
BANNER = TERM.format(id="qi", han="旗", pinyin="qí", english="banner (county-level unit)", category="governance")


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "content"
    for number, (slug, text) in enumerate(ARTICLES.items(), 1):
        (folder / "articles" / slug).mkdir(parents=True)
        (folder / "articles" / slug / "source.txt").write_text(text, encoding="utf-8")
        (folder / "articles" / slug / "meta.toml").write_text(f'date = "2024-01-0{number}"\n', encoding="utf-8")
    (folder / "articles" / "banner" / "glossary.toml").write_text(BANNER, encoding="utf-8")
    (folder / "glossary.toml").write_text(
        TERM.format(id="zhengdang", han="政党", pinyin="zhèng dǎng", english="political party", category="party"),
        encoding="utf-8")
    return folder


def built(content: Path, output: Path, resources, **options):
    result = build_site(content, output, TEMPLATES, resources, **options)
    words = {slug: [word_fields(w) for b in json.loads((output / f"articles/{slug}.json").read_text(encoding="utf-8"))["blocks"]
                    for w in b["words"]] for slug in ARTICLES}
    return result, words


def terms(words: list[dict]) -> dict[str, str]:
    return {w["text"]: w["term"] for w in words if w["term"]}


def test_an_articles_own_entry_is_linked_there_and_nowhere_else(content, tmp_path, resources):
    _, words = built(content, tmp_path / "site", resources)
    assert terms(words["banner"])["旗"] == "banner--qi"
    assert [w for w in words["flags"] if w["text"] == "旗"] and "旗" not in terms(words["flags"])
    page = (tmp_path / "site" / "glossary.html").read_text(encoding="utf-8")
    own = page.split('id="banner--qi"')[1].split("</article>")[0]
    assert 'href="articles/banner.html#b2"' in own and "flags.html" not in own
    for name in ("articles/flags.html", "vocabulary/flags.html", "vocabulary/flags.js", "words/flags.js"):
        text = (tmp_path / "site" / name).read_text(encoding="utf-8")
        assert "banner--qi" not in text and "county-level" not in text, name  # nor in its vocabulary and TSV
    assert "county-level" in (tmp_path / "site/vocabulary/banner.js").read_text(encoding="utf-8")


def test_a_lexicon_phrase_is_one_word_with_its_pinyin_and_entry(content, tmp_path, resources):
    _, words = built(content, tmp_path / "site", resources)
    phrase = next(w for w in words["flags"] if w["text"] == "九二共识")
    assert phrase["term"] == "jiu-er-gong-shi" and phrase["pinyin"] == ["Jiǔ", "Èr", "Gòng", "shí"]
    page = (tmp_path / "site" / "glossary.html").read_text(encoding="utf-8")
    assert 'id="jiu-er-gong-shi"' in page and "1992 Consensus" in page
    lexicon = load_lexicon(None)
    listed = set(re.findall(r'<article class="entry" id="([^"]+)"', page))
    assert listed == {"banner--qi", "zhengdang"} | {t for w in words.values() for t in terms(w).values()}
    assert len(listed) < 20 < len(lexicon.entries)  # the page lists what the articles use, not the lexicon


def test_the_lexicon_can_be_turned_off_or_thinned(content, tmp_path, resources):
    (content / "site.toml").write_text("[lexicon]\nenabled = false\n", encoding="utf-8")
    _, words = built(content, tmp_path / "off", resources)
    # Without the lexicon 九二共识 may still be one word (CC-CEDICT knows it as a proper
    # noun), but it links no term: only the site's own 政党 does.
    assert set(terms(words["flags"])) == {"政党"}
    (content / "site.toml").write_text('[lexicon]\nexclude = ["九二共识", "台湾"]\n', encoding="utf-8")
    _, words = built(content, tmp_path / "thin", resources)
    assert not {"九二共识", "台湾"} & set(terms(words["flags"])) and "两岸" in terms(words["flags"])


def test_excluding_a_term_the_lexicon_lacks_names_the_setting(content):
    (content / "site.toml").write_text('title = "t"\n\n[lexicon]\nexclude = ["九二共识", "没有这个词"]\n',
                                       encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_content(content).glossary()
    assert str(error.value).startswith("content/site.toml:4:1: error: [lexicon] exclude names terms the built-in "
                                       "lexicon does not have: 没有这个词")
    (content / "site.toml").write_text("[lexicon]\nenable = false\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"^content/site.toml:2:1: error: unknown key 'enable' in \[lexicon\]"):
        load_content(content)


def test_the_most_specific_layer_wins_without_error(content):
    (content / "glossary.toml").write_text(
        TERM.format(id="jiuer", han="九二共识", pinyin="jiǔ èr gòng shí", english="site's", category="slogan")
        + "\n" + TERM.format(id="qi", han="旗", pinyin="qí", english="flag", category="idiom"), encoding="utf-8")
    glossaries = load_content(content).glossaries()
    site, banner = glossaries.of("flags"), glossaries.of("banner")
    assert site.by_simplified["九二共识"].english == "site's" and site.by_simplified["九二共识"].layer == "site"
    assert site.by_simplified["旗"].english == "flag"
    assert banner.by_simplified["旗"].english == "banner (county-level unit)" and banner.by_simplified["旗"].id == "banner--qi"
    assert site.by_simplified["台湾"].layer == "lexicon"
    # lexicon entries linking the shadowed 九二共识 now link the site's entry
    assert all("jiu-er-gong-shi" not in e.related for e in site.entries)
    assert any("jiuer" in e.related for e in site.entries if e.layer == "lexicon")


@pytest.mark.parametrize("folder, place", [("articles/banner", "content/articles/banner/glossary.toml:12:1"),
                                            ("", "content/glossary.toml:12:1")])
def test_a_term_twice_in_one_layer_is_an_error_with_its_place(content, tmp_path, folder, place):
    (content / folder / "glossary.toml").write_text(BANNER + "\n" + BANNER.replace('id = "qi"', 'id = "qi-2"'),
                                                    encoding="utf-8")
    with pytest.raises(ContentError, match=rf"^{place}: error: duplicate glossary term '旗'"):
        load_content(content).glossaries()
    problems, _ = inspect_site(content, TEMPLATES)
    assert [p for p in problems if p.startswith(place)]


def test_check_reports_an_articles_glossary_and_checks_the_others(content, resources):
    (content / "articles/banner/glossary.toml").write_text(BANNER.replace('"qí"', '"qí qí"'), encoding="utf-8")
    problems, _ = inspect_site(content, TEMPLATES, resources)
    assert problems == ["content/articles/banner/glossary.toml:1:1: error: pinyin 'qí qí' needs one syllable per "
                        "character of '旗'",  # and the other article is still checked:
                        "content/articles/flags/meta.toml:1:1: missing-meta: missing metadata 'publisher'"]


def test_an_articles_glossary_edit_annotates_that_article_only(content, tmp_path, resources):
    cache, output = tmp_path / "cache", tmp_path / "site"
    built(content, output, resources, cache_folder=cache)
    before = tree(output)
    (content / "articles/banner/glossary.toml").write_text(BANNER.replace("banner (county-level unit)", "banner"),
                                                           encoding="utf-8")
    result, _ = built(content, output, resources, cache_folder=cache)
    assert (result.annotated, result.article_count) == (1, 2)
    after = tree(output)
    assert {p for p in after if after[p] != before.get(p)} >= {"articles/banner.html", "glossary.html"}
    assert all(after[p] == before[p] for p in after if "flags" in p)


def test_annotate_links_lexicon_terms(tmp_path):
    result = subprocess.run([sys.executable, "-m", "jiedu", "annotate", "--glossary", str(tmp_path / "none.toml")],
                            cwd=ROOT, capture_output=True, check=True, input="坚持九二共识\n", text=True)
    words = json.loads(result.stdout)["words"]
    assert {"text": "九二共识", "trad": "九二共識", "pinyin": ["Jiǔ", "Èr", "Gòng", "shí"], "term": "jiu-er-gong-shi"} in words


def test_lexicon_ids_are_pinyin_with_numbered_clashes():
    assert entry_ids(["Jiǔ Èr Gòng shí", "lǜ sè", "shì jiè", "shí jié", "shì jiè"]) == [
        "jiu-er-gong-shi", "lv-se", "shi-jie", "shi-jie-2", "shi-jie-3"]
    lexicon = load_lexicon(None)
    assert all(other in lexicon.by_id for e in lexicon.entries for other in e.related)
    assert len({e.id for e in lexicon.entries}) == len(lexicon.entries)


def entry(id_: str, han: str, *related: str, layer: str = "site") -> Entry:
    return Entry(id_, han, han, ("x",) * len(han), "l", "e", "x", "party", related, layer=layer)


def test_layering_relinks_renames_and_drops():
    lower = indexed([entry("a", "甲", "b", "c", layer="lexicon"), entry("b", "乙", "a", layer="lexicon"),
                     entry("c", "丙", "a", layer="lexicon")])
    upper = indexed([entry("b2", "乙", "a"), entry("c", "丁")])  # 乙 shadows; c is another term's id here
    both = layered(upper, lower)
    assert [(e.id, e.simplified, e.related) for e in both.entries] == [
        ("b2", "乙", ("a",)), ("c", "丁", ()), ("a", "甲", ("b2", "c-2")), ("c-2", "丙", ("a",))]
    assert [(e.id, e.related) for e in without(lower, ["乙"]).entries] == [("a", ("c",)), ("c", ("a",))]
