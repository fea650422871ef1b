"""Whole-site tests: the golden seed site, invariants of the output, escaping, determinism."""

import json
import re
from pathlib import Path

import pytest

from jiedu.builder import build_site
from jiedu.output.export import word_fields
from jiedu.text import HAN

from conftest import CONTENT, ROOT, TEMPLATES, tree

GOLDEN = ROOT / "tests" / "golden" / "site"
REGENERATE = "python build.py --output tests/golden/site"




def test_seed_site_matches_the_golden_output(built_site):
    """If this fails after an intended change, regenerate with: python build.py --output tests/golden/site"""
    expected, actual = tree(GOLDEN), tree(built_site)
    assert sorted(actual) == sorted(expected), f"file list differs; regenerate with `{REGENERATE}` if intended"
    for name in expected:
        if actual[name] != expected[name]:
            pytest.fail(f"{name} differs (regenerate with `{REGENERATE}` if intended):\n"
                        + first_difference(expected[name].decode(), actual[name].decode()))


def first_difference(expected: str, actual: str, width: int = 80) -> str:
    """The first differing line, cut to the neighbourhood of the change (pages have long lines)."""
    for number, (old, new) in enumerate(zip(expected.splitlines(), actual.splitlines()), 1):
        if old != new:
            at = next(i for i, (a, b) in enumerate(zip(old + "\0", new + "\0")) if a != b)
            start = max(0, at - width)
            return f"line {number}:\n- {old[start:at + width]}\n+ {new[start:at + width]}"
    return f"line counts differ: {len(expected.splitlines())} vs {len(actual.splitlines())}"


def test_two_builds_are_byte_identical(built_site, tmp_path, resources):
    build_site(CONTENT, tmp_path / "again", TEMPLATES, resources)
    assert tree(tmp_path / "again") == tree(built_site)


def test_site_layout(built_site):
    names = set(tree(built_site))
    assert {"index.html", "glossary.html", "articles/baotou-zuofeng.html", "articles/baotou-zuofeng.json",
            "assets/jiedu.css", "assets/jiedu.js", ".nojekyll"} <= names


def test_json_blocks_equal_the_converted_cleaned_source(built_site, seed_article, resources):
    data = json.loads((built_site / "articles" / "baotou-zuofeng.json").read_text(encoding="utf-8"))
    assert data["slug"] == "baotou-zuofeng" and data["title"] == "包头市作风积弊“大扫除”如火如荼"
    cleaned = seed_article.cleaned.text
    assert data["schema"] == "jiedu.article/2"
    for block, model in zip(data["blocks"], seed_article.blocks, strict=True):
        block["words"] = [word_fields(w) for w in block["words"]]
        assert "".join(w["text"] for w in block["words"]) == block["text"]
        assert "".join(w["trad"] for w in block["words"]) == block["trad"]
        original = cleaned[model.start:model.start + len(model.source)]
        assert block["text"] == model.text and model.source == original
        assert len(block["text"]) == len(original)
        for word in block["words"]:
            assert len(word["pinyin"]) == len(HAN.findall(word["text"]))
    covered = "".join(b.source for b in seed_article.blocks)
    assert re.sub(r"\s", "", covered) == re.sub(r"\s", "", cleaned)  # nothing outside a block but white space


def test_json_records_the_cleaning(built_site):
    data = json.loads((built_site / "articles" / "baotou-zuofeng.json").read_text(encoding="utf-8"))
    cleaning = data["cleaning"]
    assert len(cleaning["artifact"]) == 257 and len(cleaning["repair"]) == 6
    assert cleaning["artifact"][0] == [1, 3, "(nèi)", "", "nèi"]  # line, column, original, replacement, reading
    assert all(len(edit) == 4 for edit in cleaning["punctuation"]) and all(len(e) == 5 for e in cleaning["repair"])
    assert cleaning["findings"] == []


def test_every_translation_and_term_reaches_the_page(built_site, seed_article):
    page = (built_site / "articles" / "baotou-zuofeng.html").read_text(encoding="utf-8")
    assert page.count('<div class="en" lang="en">') == 38
    terms = {w.term for b in seed_article.blocks for w in b.words if w.term}
    assert len(terms) >= 80
    notes = re.findall(r'<li id="n(\d+)"><a class="hanzi" lang="zh-Hans" href="../glossary.html#([^"]+)">', page)
    assert [int(n) for n, _ in notes] == list(range(1, len(terms) + 1))  # numbered endnotes, one per term
    assert {term for _, term in notes} == terms
    for number, _ in notes:
        assert f'href="#n{number}"' in page
    assert page.count("<ruby") == sum(1 for b in seed_article.blocks for w in b.words if w.pinyin)


def test_glossary_page_lists_what_the_articles_use_and_links_back(built_site, resources, seed_article):
    """The site's and the article's own entries that occur; the lexicon's only where linked."""
    page = (built_site / "glossary.html").read_text(encoding="utf-8")
    linked = {w.term for b in seed_article.blocks for w in b.words if w.term}
    listed = {entry.id for entry in resources.glossary.entries if entry.id in linked or entry.layer != "lexicon"
              and any(entry.simplified in block.text for block in seed_article.blocks)}
    assert set(re.findall(r'<article class="entry" id="([^"]+)"', page)) == listed
    assert len(listed) > 180 and len(resources.glossary.entries) > 1000
    assert 'href="articles/baotou-zuofeng.html#b' in page


def test_no_absolute_or_remote_urls(built_site):
    for name, data in tree(built_site).items():
        if name.endswith((".html", ".css", ".js")):  # 404 too: absolute only with a site_url
            text = data.decode("utf-8")
            assert not re.search(r'(?:href|src)="(?:/|https?:|//)', text), name
            assert "@import" not in text and "url(" not in text.replace("url(#", ""), name


PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_content_cannot_inject_markup(copy_content, tmp_path, resources):
    article = copy_content / "articles" / "baotou-zuofeng"
    meta = (article / "meta.toml").read_text(encoding="utf-8")
    meta = meta.replace('title_en = "', f'title_en = "{PAYLOAD.replace(chr(34), "")}').replace(
        'publisher = "', f'publisher = "{PAYLOAD.replace(chr(34), "")}')
    (article / "meta.toml").write_text(meta, encoding="utf-8")
    translation = (article / "translation.en.md").read_text(encoding="utf-8")
    (article / "translation.en.md").write_text(
        translation.replace("Sprinting", f"{PAYLOAD} [click](javascript:alert(1)) Sprinting", 1), encoding="utf-8")
    build_site(copy_content, tmp_path / "out", TEMPLATES, resources)
    for name, data in tree(tmp_path / "out").items():
        text = data.decode("utf-8", "replace")
        if name.endswith(".tsv"):  # plain-text data for Anki, which is told so
            assert text.startswith("#separator:tab\n#html:false\n")
            continue
        assert "<script>alert" not in text and "<img src=x" not in text, name
        assert 'href="javascript:' not in text, name
    page = (tmp_path / "out" / "articles" / "baotou-zuofeng.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in page  # shown as text, not dropped


def test_every_site_and_seed_glossary_entry_occurs_in_the_seed(built_site, resources, seed_article):
    text = "".join(b.text for b in seed_article.blocks)
    written = [e for e in resources.glossary.entries if e.layer != "lexicon"]
    missing = [e.simplified for e in written if e.simplified not in text]
    assert missing == [] and len(written) >= 80
    page = (built_site / "glossary.html").read_text(encoding="utf-8")
    assert "Occurs in 0 " not in page
    assert "<summary>Occurs in 1 paragraph(s)</summary>" in page


# --- bytes per article (issue #18: 5,000 articles within GitHub Pages' 1 GB) ---------------

ARCHIVE_BUDGET = 200_000
"""What an average article may cost in all its own files (sizes on disk, not gzipped):
5,000 articles in GitHub Pages' 1 GB."""
SEED_BYTES = 430_000
"""What the seed costs today (428,041 bytes; 1,562,153 before): lower it as it shrinks."""


def own_files(site: Path, slug: str) -> dict[str, int]:
    """Every file named after the article, in any folder, with its size."""
    return {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*") if p.is_file() and p.stem == slug}


def test_the_seed_article_costs_no_more_bytes_than_measured(built_site):
    files = own_files(built_site, "baotou-zuofeng")
    assert set(files) == {"articles/baotou-zuofeng.html", "articles/baotou-zuofeng.json", "words/baotou-zuofeng.js",
                          "sources/baotou-zuofeng.html", "vocabulary/baotou-zuofeng.html",
                          "vocabulary/baotou-zuofeng.js"}
    assert sum(files.values()) <= SEED_BYTES, files
    assert files["vocabulary/baotou-zuofeng.html"] < 8 * 1024  # its rows are made in the browser


@pytest.mark.xfail(strict=True, reason="the seed (translated, with its own glossary) costs 428 KB: see the "
                                       "README's 'What each article costs'; the untranslated development articles "
                                       "average under 200 KB (bench/bytes_per_article.py)")
def test_the_seed_article_fits_the_archive_budget(built_site):
    assert sum(own_files(built_site, "baotou-zuofeng").values()) <= ARCHIVE_BUDGET
