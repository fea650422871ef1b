"""Bad input never loses or garbles text, never publishes markup, never half-writes."""

import json
import os
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jiedu.files.config import Config
from jiedu.errors import ContentError
from jiedu.output.export import article_data, article_json
from jiedu.pipeline import annotate_line, process_article
from jiedu.output.render import make_environment, render_page
from jiedu.builder import build_site
from jiedu.text import HAN
from jiedu.output.views import article_view
from jiedu.incremental.write import safe_join

from conftest import ROOT, TEMPLATES, make_source, tree


def article(text, resources, **kwargs):
    return process_article(make_source(text, **kwargs), resources)


# --- the bad-input matrix -------------------------------------------------------------

def test_empty_source_is_an_error(resources):
    with pytest.raises(ContentError) as error:
        article("  \n\n", resources)
    assert str(error.value) == "content/articles/t/source.txt:1:1: error: the source is empty"


def test_punctuation_only_source_is_reported(resources):
    result = article("，。！？……\n", resources)
    assert [str(f) for f in result.findings] == [
        "content/articles/t/source.txt:1:1: no-chinese: the source has no Chinese characters"]
    assert "".join(w.text for b in result.blocks for w in b.words) == "，。！？……"


@pytest.mark.parametrize("text", [
    "こんにちは、包頭市。한국어와 中文",          # kana and Hangul mixed in
    "𠮷野家在𪚥字旁边😀，包头🇨🇳",               # beyond the BMP, emoji, flags
    "GDP增长3.5%，iPhone 15在北京发布，COVID-19",  # Latin and numbers inside Chinese
])
def test_mixed_scripts_keep_every_character(resources, text):
    result = article("标题\n" + text, resources)
    body = result.blocks[-1]
    assert "".join(w.text for w in body.words) == body.text
    assert len(body.text) == len(text)
    for word in body.words:
        assert len(word.pinyin) == len(HAN.findall(word.text))
        assert all(s == "" or s.isalpha() for s in word.pinyin)


def test_characters_beyond_the_bmp_get_one_syllable_or_none(resources):
    words = annotate_line("𠮷𪚥", resources).words
    assert [len(w.pinyin) for w in words] == [len(w.text) for w in words]
    assert "".join(w.text for w in words) == "𠮷𪚥"


def test_five_megabyte_article(resources):
    paragraph = "包头市作风建设，干部担当作为。银行行长在重庆朝天门说：“数据是最好的例证。”\n"
    text = "标题\n" + paragraph * (5_000_000 // len(paragraph.encode("utf-8")))
    started = time.perf_counter()
    result = article(text, resources)
    assert sum(len(b.text) for b in result.blocks) == len(text.replace("\n", ""))
    assert time.perf_counter() - started < 300


def test_more_translation_paragraphs_than_blocks(resources):
    result = article("标题\n正文。", resources, translation=("Title", "Body.", "Extra one."))
    (finding,) = result.findings
    assert str(finding) == ("content/articles/t/translation.en.md:5:1: translation-count: translation has 3 "
                            "paragraphs but the article has 2 blocks (extra paragraphs from this line on)")


@pytest.mark.parametrize("path", ["../escape.html", "/etc/passwd", "a/../../b", "", ".", "./", "a/./../.."])
def test_no_path_leaves_the_output(tmp_path, path):
    with pytest.raises(ValueError, match="outside the output folder"):
        safe_join(tmp_path, path)


@pytest.mark.parametrize("name", ["Bad_Slug", "a.b", "中文", "-dash"])
def test_article_folder_names_must_be_slugs(copy_content, tmp_path, resources, name):
    (copy_content / "articles" / "baotou-zuofeng").rename(copy_content / "articles" / name)
    with pytest.raises(ContentError, match="article folder names are slugs"):
        build_site(copy_content, tmp_path / "site", TEMPLATES, resources)


# --- no injection ----------------------------------------------------------------------

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def test_payloads_in_glossary_and_overrides_stay_text(copy_content, tmp_path, resources):
    glossary = copy_content / "glossary.toml"
    text = glossary.read_text(encoding="utf-8")
    for field in ("literal", "english", "explanation"):
        text = text.replace(f'{field} = "', f'{field} = "{PAYLOAD}', 1)
    glossary.write_text(text, encoding="utf-8")
    overrides = copy_content / "articles/baotou-zuofeng/overrides.toml"
    overrides.write_text(overrides.read_text(encoding="utf-8").replace('note = "', f'note = "{PAYLOAD}'), encoding="utf-8")
    build_site(copy_content, tmp_path / "site", TEMPLATES)   # its own glossary, not the fixture's
    for path in (tmp_path / "site").rglob("*"):
        if path.is_file() and path.suffix != ".tsv":  # TSV: plain text for Anki (#html:false)
            content = path.read_text(encoding="utf-8", errors="replace")
            assert "<script>alert" not in content and "<img src=x" not in content, path
    assert "&lt;script&gt;alert(1)" in (tmp_path / "site/glossary.html").read_text(encoding="utf-8")


# --- properties --------------------------------------------------------------------------

CHINESE_BITS = "包頭市作風建設干部著名隨著，。、（）“”()?,!:;\n 　12.5abc風(fēng)?zé)\ufffd\x07"
TEXT = st.text(alphabet=st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from(CHINESE_BITS)),
               max_size=80)
PROPERTY = settings(max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))


@PROPERTY
@given(TEXT)
def test_pipeline_never_raises(resources, text):
    block = annotate_line(text, resources)
    assert "".join(w.text for w in block.words) == block.text
    try:
        result = article(text, resources)
    except ContentError as error:
        assert error.message == "the source is empty"
        return
    for b in result.blocks:
        assert "".join(w.text for w in b.words) == b.text
        assert all(len(w.pinyin) == len(HAN.findall(w.text)) for w in b.words)


class Page(HTMLParser):
    """Checks that tags balance, and collects the Chinese text a reader sees (not <rt>)."""
    VOID = {"meta", "link", "br", "img", "input", "hr", "wbr", "source"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.zh, self.errors, self.depth = [], [], [], None

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            if tag == "br" and self.depth is not None:
                self.zh[-1] += "\n"
            return
        self.stack.append(tag)
        if self.depth is None and ("class", "zh") in attrs:
            self.depth = len(self.stack)
            self.zh.append("")

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> in {self.stack[-3:]}")
            return
        if self.depth == len(self.stack):
            self.depth = None
        self.stack.pop()

    def handle_data(self, data):
        if self.depth is not None and "rt" not in self.stack:
            self.zh[-1] += data


@pytest.fixture(scope="module")
def environment():
    return make_environment(TEMPLATES)


@PROPERTY
@given(TEXT.filter(lambda t: t.strip()))
def test_rendered_article_shows_the_converted_source_and_round_trips(resources, environment, text):
    try:
        result = article("标题\n" + text, resources)
    except ContentError:
        return
    page = Page()
    view = article_view(result, resources.glossary)
    page.feed(render_page(environment, "article.html", "articles/t.html", site=Config("t", "d", "", (), ()),
              view=view, glossary=resources.glossary, words_version="0"))
    assert page.errors == [] and page.stack == []
    assert page.zh == [b.text for b in result.blocks]
    data = article_data(result, resources.glossary)
    assert json.loads(article_json(result, resources.glossary)) == json.loads(json.dumps(data, ensure_ascii=False))


# --- atomic output -----------------------------------------------------------------------



@pytest.mark.parametrize("delay", [0.3, 1.0, 2.0, 3.0, None])  # None: not killed, it finishes
def test_a_killed_build_leaves_the_previous_site(copy_content, tmp_path, resources, delay):
    output = tmp_path / "site"
    build_site(copy_content, output, TEMPLATES, resources)
    before = tree(output)
    (copy_content / "articles/baotou-zuofeng/translation.en.md").write_text("Changed.\n", encoding="utf-8")
    command = [sys.executable, "-m", "jiedu", "build", "--clean", "--content", str(copy_content),
               "--output", str(output), "--templates", str(TEMPLATES)]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)
    if delay is not None:
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
    process.wait()
    after = tree(output)
    if after != before:  # the build finished before the kill: the whole new site, nothing of the old
        build_site(copy_content, tmp_path / "expected", TEMPLATES, resources)
        assert after == tree(tmp_path / "expected") and b"Changed." in after["articles/baotou-zuofeng.html"]
    os.sync()
