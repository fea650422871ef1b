"""The authoring workflow: new, check, configuration, cache, feeds and links."""

import shutil
import threading
import xml.dom.minidom
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlparse
from urllib.request import urlopen

import pytest

from jiedu.authoring.check import check_site, inspect_site
from jiedu.cli import EXIT_OK, EXIT_WARNINGS, main
from jiedu.errors import ContentError
from jiedu.authoring.new import add_article
from jiedu.builder import build_site
from jiedu.pipeline import process_article
from jiedu.stages.read import read_article

from conftest import SEED, TEMPLATES, tree

SIMPLIFIED = "包头市作风建设\n\n好作风是战斗力，敢担当是推动力。干部作风(fēng)转变。\n"
TRADITIONAL = "包頭市作風建設\n\n好作風是戰鬥力，敢擔當是推動力。幹部作風(feng)轉變。\n"  # Big5 has no ē


@pytest.mark.parametrize("name, data, encoding, script", [
    ("utf8-article.txt", SIMPLIFIED.encode("utf-8"), "utf-8", "simplified"),
    ("gb-article.txt", SIMPLIFIED.encode("gb18030"), "gb18030", "simplified"),
    ("big5-article.txt", TRADITIONAL.encode("big5"), "big5", "traditional"),
])
def test_new_adds_an_article_byte_for_byte(tmp_path, resources, name, data, encoding, script):
    (tmp_path / name).write_bytes(data)
    folder, report = add_article(tmp_path / name, tmp_path / "content", resources)
    assert folder.name == name.removesuffix(".txt")
    (source,) = folder.glob("source.*.txt")
    assert source.read_bytes() == data
    meta = (folder / "meta.toml").read_text(encoding="utf-8")
    assert f'script = "{script}"' in meta and f'encoding = "{encoding}"' in meta
    assert 'title = "' + ("包頭市作風建設" if script == "traditional" else "包头市作风建设") + '"' in meta
    assert report[0] == f"encoding {encoding}, script {script}, 2 blocks"
    assert any(line.startswith("1 scraped reading(s)") for line in report)


def test_new_reports_damage_and_refuses_to_overwrite(tmp_path, resources):
    (tmp_path / "x.txt").write_text("標題\n\n以實打?qū)?、硬碰硬。\n", encoding="utf-8")
    folder, report = add_article(tmp_path / "x.txt", tmp_path / "content", resources)
    assert any(line.startswith("review: ") and ":3:4: damaged-text" in line for line in report)
    with pytest.raises(ContentError, match="exists"):
        add_article(tmp_path / "x.txt", tmp_path / "content", resources)


def test_new_says_what_it_took_and_writes_a_skeleton_the_build_ignores_until_filled(tmp_path, resources):
    text = "会议举行\n本报北京1月1日电 会议今天举行。\n会议的议程\n代表们发言。\n会议闭幕。（记者 张三）\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    folder, report = add_article(tmp_path / "a.txt", tmp_path / "content", resources)
    assert report[1].startswith("layout 'lines'")
    assert report[2:7] == ["took 1 title: 会议举行", "took 1 dateline: 本报北京1月1日…", "took 1 heading: 会议的议程",
                           "took 3 paragraphs: 会议今天举行。 / 代表们发言。 / 会议闭幕。", "took 1 byline: （记者 张三）"]
    skeleton = (folder / "translation.en.md").read_text(encoding="utf-8")
    assert "<!-- 3 dateline: 本报北京1月1日电 -->\n\n<!-- 4 paragraph: 会议今天举行。 -->" not in skeleton
    assert "<!-- 2 dateline: 本报北京1月1日电 -->\n\n<!-- 3 paragraph: 会议今天举行。 -->" in skeleton

    def translations():
        source, findings = read_article(folder, tmp_path, resources.char_frequency)
        article = process_article(source, resources)
        return [b.translation for b in article.blocks], [f.code for f in findings + list(article.findings)]

    assert translations() == ([None] * 7, ["missing-meta", "missing-meta"])  # date and publisher are empty
    filled = skeleton.replace("<!-- 4 heading: 会议的议程 -->", "<!-- 4 heading: 会议的议程 -->\nThe agenda")
    (folder / "translation.en.md").write_text(filled, encoding="utf-8")
    assert translations()[0] == [None, None, None, "The agenda", None, None, None]


def test_pages_print_no_empty_fragment_and_say_when_there_is_no_english(tmp_path, resources):
    folder = tmp_path / "content" / "articles" / "a"
    folder.mkdir(parents=True)
    (folder / "meta.toml").write_text('title = "会议"\ndate = ""\npublisher = ""\nrights = ""\n', encoding="utf-8")
    (folder / "source.txt").write_text("会议举行\n代表们发言。\n", encoding="utf-8")
    build_site(tmp_path / "content", tmp_path / "site", TEMPLATES, resources)
    page = (tmp_path / "site" / "articles" / "a.html").read_text(encoding="utf-8")
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<article class="reading no-en"' in page
    assert '<p class="meta" lang="en"><a href="../vocabulary/a.html">Vocabulary: 5 words</a> · No English translation yet</p>' in page
    assert "<p>Publisher unknown. Rights not stated. Original script: not recorded;" in page
    assert '<p class="meta">0 glossary terms · <a href="vocabulary/a.html">vocabulary</a> · no English translation yet</p>' in index


def check(content, resources):
    return check_site(content, TEMPLATES, resources)


def test_check_is_clean_on_the_seed(copy_content, resources):
    assert check(copy_content, resources) == []


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("change, expected", [
    (lambda c: (c / "articles/baotou-zuofeng/repairs.toml").unlink(), "source.zh-Hant.txt:4:3: damaged-text"),
    (lambda c: edit(c / "articles/baotou-zuofeng/repairs.toml", "column = 229", "column = 230"),
     "repairs.toml:5:1: error: repair does not match"),
    (lambda c: edit(c / "articles/baotou-zuofeng/overrides.toml", "靠数据量工作", "靠数据量干活"),
     "overrides.toml:15:1: override-unmatched"),
    (lambda c: edit(c / "articles/baotou-zuofeng/translation.en.md", "\n\n(Reporters", "\n(Reporters"),
     "translation.en.md:76:1: translation-count"),
    (lambda c: edit(c / "articles/baotou-zuofeng/meta.toml", 'date = "2022-06"', 'date = ""'),
     "meta.toml:4:1: missing-meta: metadata 'date' is empty"),
    (lambda c: edit(c / "articles/baotou-zuofeng/meta.toml", "rights =", "rites = 1\nrights ="),
     "meta.toml:10:1: unknown-meta-key: unknown metadata key 'rites'"),  # the key's own line
    (lambda c: edit(c / "glossary.toml", 'english = "work style; conduct"\n', ""),
     "glossary.toml:22:1: error: glossary entry lacks english"),
    (lambda c: edit(c / "glossary.toml", 'id = "zuofeng-jianshe"', 'id = "zuofeng"'),
     "glossary.toml:33:1: error: duplicate glossary id 'zuofeng'"),
])
def test_check_reports_each_finding(copy_content, resources, change, expected):
    change(copy_content)
    # glossary problems must come from the content's own glossary, not the fixture's
    problems = check_site(copy_content, TEMPLATES, None if "glossary" in expected else resources)
    assert any(expected in p for p in problems), problems
    assert main(["check", "--content", str(copy_content), "--templates", str(TEMPLATES)]) == EXIT_WARNINGS


def test_check_notes_a_guessed_reading_without_failing(copy_content, resources):
    """A rare character read by a guess (㐃: the Cantonese zim1's commonest Mandarin) is a
    note for a person to check, not a problem."""
    edit(copy_content / "articles/baotou-zuofeng/source.zh-Hant.txt", "動能澎湃", "動能澎湃㐃")
    problems, notes = inspect_site(copy_content, TEMPLATES, resources)
    assert problems == []
    assert [n for n in notes if "reading-guessed" in n] == [
        "content/articles/baotou-zuofeng/source.zh-Hant.txt:35:32: reading-guessed: 㐃 (U+3403) is read jiān "
        "by a guess (kCantonese zim1): no dictionary gives it a reading"]


def test_check_exit_code_when_clean(copy_content):
    assert main(["check", "--content", str(copy_content), "--templates", str(TEMPLATES)]) == EXIT_OK


@pytest.mark.parametrize("config, message", [
    ('titel = "x"\n', "site.toml:1:1: error: unknown key 'titel'"),
    ('title = "x"\n[reader]\npinyin = "sometimes"\n', "site.toml:3:1: error: reader.pinyin must be one of"),
    ('site_url = "example.org"\n', "site.toml:1:1: error: site_url must be an absolute"),
    ('[reader]\ntraditional = "s2t"\n', "site.toml:2:1: error: reader.traditional must be one of tw, hk, opencc"),
    ('glossary = "glossary.toml"\n', "site.toml:1:1: error: 'glossary' must be a list"),
])
def test_configuration_is_validated(copy_content, tmp_path, resources, config, message):
    (copy_content / "site.toml").write_text(config, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        build_site(copy_content, tmp_path / "site", TEMPLATES, resources)
    assert str(error.value).endswith(message.split("error: ")[1]) or message in str(error.value)
    assert str(error.value).startswith(message.split(" error:")[0].rstrip(":")) or message in str(error.value)




def test_unchanged_content_is_not_annotated_again(copy_content, tmp_path, resources):
    cache = tmp_path / "cache"
    first = build_site(copy_content, tmp_path / "a", TEMPLATES, resources, cache_folder=cache)
    second = build_site(copy_content, tmp_path / "b", TEMPLATES, resources, cache_folder=cache)
    assert (first.annotated, second.annotated) == (1, 0)
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    edit(copy_content / "articles/baotou-zuofeng/translation.en.md", "Sprinting", "Racing")
    third = build_site(copy_content, tmp_path / "c", TEMPLATES, resources, cache_folder=cache)
    assert third.annotated == 1 and b"Racing" in (tmp_path / "c/articles/baotou-zuofeng.html").read_bytes()


def test_feed_sitemap_and_robots_use_site_url(copy_content, tmp_path, resources):
    build_site(copy_content, tmp_path / "site", TEMPLATES, resources, site_url="https://example.org/jiedu")
    feed = xml.dom.minidom.parse(str(tmp_path / "site/feed.xml"))
    ids = [n.firstChild.data for n in feed.getElementsByTagName("id")]
    assert ids == ["https://example.org/jiedu/", "https://example.org/jiedu/articles/baotou-zuofeng.html"]
    sitemap = xml.dom.minidom.parse(str(tmp_path / "site/sitemap.xml"))
    locations = [n.firstChild.data for n in sitemap.getElementsByTagName("loc")]
    assert "https://example.org/jiedu/glossary.html" in locations and all(u.startswith("https://") for u in locations)
    assert "Sitemap: https://example.org/jiedu/sitemap.xml" in (tmp_path / "site/robots.txt").read_text()
    assert 'href="https://example.org/jiedu/index.html"' in (tmp_path / "site/404.html").read_text()


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.found.append(value)


def serve_under(folder: Path, prefix: str):
    class Handler(SimpleHTTPRequestHandler):
        def translate_path(self, path):
            path = urlparse(path).path
            return str(folder / path[len(prefix):]) if path.startswith(prefix) else str(folder / "__none__")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_every_link_works_under_a_project_path(built_site):
    server = serve_under(built_site, "/jiedu/")
    base = f"http://127.0.0.1:{server.server_port}/jiedu/"
    try:
        pages = [p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html") if p.name != "404.html"]
        checked, broken = set(), []
        for page in pages:
            parser = Links()
            parser.feed(urlopen(base + page).read().decode("utf-8"))
            for link in parser.found:
                target, fragment = urldefrag(urljoin(base + page, link))
                if not target.startswith(base) or (target, fragment) in checked:
                    continue
                checked.add((target, fragment))
                try:
                    body = urlopen(target).read().decode("utf-8", "replace")
                    if fragment and f'id="{fragment}"' not in body:
                        broken.append(f"{page}: #{fragment} missing in {target}")
                except HTTPError as error:
                    broken.append(f"{page}: {link} -> {error.code}")
        assert broken == [] and len(checked) > 300
    finally:
        server.shutdown()
