"""Issue #13, hostile input: nothing lost, nothing leaked, nothing run.

One test (or one table of cases) per finding: TOML entries found by structure, values
type-checked at their line, encodings, files outside content/, FIFOs, folders where a
file is due, URLs that are not http(s), Windows line endings, slugs for `jiedu new`.
"""

import os
import shutil
from dataclasses import replace

import pytest

from jiedu.cli import EXIT_OK, EXIT_USAGE, main
from jiedu.files.config import load_config
from jiedu.errors import ContentError
from jiedu.lexicon.glossary import load_glossary
from jiedu.stages.overrides import load_overrides
from jiedu.output.pages import article_files
from jiedu.pipeline import process_article
from jiedu.stages.read import read_article
from jiedu.output.render import make_environment
from jiedu.builder import build_site

from conftest import CONTENT, SEED, TEMPLATES, deadline, tree

META = 'title = "标题"\ndate = "2024-01-02"\npublisher = "P"\n'
TERM = ('id = "{id}"\nsimplified = "{han}"\ntraditional = "{han}"\npinyin = "{pinyin}"\nliteral = "l"\n'
        'english = "e"\nexplanation = "x"\ncategory = "party"\n')


def article(folder, meta=META, source="标题\n\n正文。\n", **files):
    """An article folder under a content/articles/ of its own; files given as name=text."""
    folder.mkdir(parents=True)
    (folder / "meta.toml").write_text(meta, encoding="utf-8")
    (folder / "source.txt").write_text(source, encoding="utf-8")
    for name, text in files.items():
        (folder / name.replace("_", ".", 1)).write_text(text, encoding="utf-8")
    return folder


def read(folder, resources):
    return read_article(folder, folder.parent.parent.parent, resources.char_frequency)


def error_of(call) -> str:
    with pytest.raises(ContentError) as error:
        call()
    return str(error.value)




# --- 1. TOML entries found by structure, not by line text ------------------------------

def test_a_comment_after_a_term_header_keeps_every_entry_and_line(tmp_path):
    path = tmp_path / "glossary.toml"
    path.write_text("[[term]]\n" + TERM.format(id="a", han="干部", pinyin="gàn bù")
                    + "\n[[term]] # a note\n" + TERM.format(id="b", han="作风", pinyin="zuò fēng")
                    + "\n[[ term ]]\n" + TERM.format(id="c", han="包头", pinyin="Bāo tóu"), encoding="utf-8")
    glossary = load_glossary(path, "glossary.toml")
    assert [e.id for e in glossary.entries] == ["a", "b", "c"]
    path.write_text(path.read_text(encoding="utf-8").replace('pinyin = "Bāo tóu"', 'pinyin = "Bāo"'), encoding="utf-8")
    assert error_of(lambda: load_glossary(path, "glossary.toml")).startswith(
        "glossary.toml:21:1: error: pinyin 'Bāo' needs one syllable per character")


def test_a_header_inside_a_multiline_string_is_not_an_entry(tmp_path):
    path = tmp_path / "glossary.toml"
    term = TERM.format(id="a", han="干部", pinyin="gàn bù").replace('explanation = "x"', 'explanation = """\n[[term]]\n"""')
    path.write_text("[[term]]\n" + term + "[[term]]\n" + TERM.format(id="b", han="作风", pinyin="zuò"), encoding="utf-8")
    assert error_of(lambda: load_glossary(path, "glossary.toml")).startswith("glossary.toml:12:1: error: pinyin 'zuò'")


def test_a_comment_after_a_repair_header_keeps_every_repair(tmp_path, resources):
    folder = article(tmp_path / "content" / "articles" / "a", source="标题\n\n正?文。\n包?头。\n", repairs_toml=(
        '[[repair]]  # first\nline = 3\ncolumn = 2\nfind = "?"\nreplace = ""\n\n'
        '[[repair]]\t# second\nline = 4\ncolumn = 2\nfind = "?"\nreplace = ""\n'))
    source, _ = read(folder, resources)
    assert [(r["line"], r["place"].line) for r in source.repairs] == [(3, 1), (4, 7)]
    assert process_article(source, resources).findings == ()


def test_a_comment_after_an_override_header_keeps_every_override(tmp_path):
    path = tmp_path / "overrides.toml"
    path.write_text('[[reading]] # one\ncontext = "数据量"\ntarget = "量"\npinyin = "liáng"\n'
                    '[[reading]] # two\ncontext = "重量"\ntarget = "量"\npinyin = "liàng"\n', encoding="utf-8")
    overrides = load_overrides(path, "overrides.toml")
    assert [o.place.line for o in overrides.readings] == [1, 5]


def test_a_misspelt_table_name_is_an_error_not_an_empty_file(tmp_path):
    path = tmp_path / "overrides.toml"
    path.write_text('# site-wide\n[[readings]]\ncontext = "数据量"\ntarget = "量"\npinyin = "liáng"\n', encoding="utf-8")
    assert error_of(lambda: load_overrides(path, "overrides.toml")).startswith(
        "overrides.toml:2:1: error: unknown table or key 'readings'")


# --- 1b. every value type-checked at its own line ----------------------------------------

@pytest.mark.parametrize("name, text, expected", [
    ("meta.toml", META + "encoding = 5\n", "meta.toml:4:1: error: 'encoding' must be a string on one line, not an integer (5)"),
    ("meta.toml", META + 'authors = "x"\n', "meta.toml:4:1: error: 'authors' must be a list of strings, not a string ('x')"),
    ("meta.toml", META + "editor_note = \"no\"\n", "meta.toml:4:1: error: 'editor_note' must be true or false"),
    ("meta.toml", META + 'column = "专栏\\u0007"\n', "meta.toml:4:1: error: 'column' holds the control character U+0007"),
    ("meta.toml", 'title = "a\\u001bb"\n', "meta.toml:1:1: error: 'title' holds the control character U+001B"),
    ("meta.toml", META.replace('"2024-01-02"', "2024-01-02T08:00:00"), "meta.toml:2:1: error: 'date' must be a date"),
    ("meta.toml", META.replace('"2024-01-02"', '"June 2024"'), "meta.toml:2:1: error: 'date' must be a date"),
    ("meta.toml", META + 'encoding = "klingon"\n', "meta.toml:4:1: error: unknown encoding 'klingon'"),
    ("repairs.toml", '[[repair]]\nline = "3"\ncolumn = 2\nfind = "?"\nreplace = ""\n',
     "repairs.toml:2:1: error: 'line' must be an integer, not a string ('3')"),
    ("repairs.toml", '[[repair]]\nline = 3\ncolumn = 2\nfind = "?"\nreplace = ""\nreplacement = "x"\n',
     "repairs.toml:6:1: error: unknown key 'replacement' in a repair"),
    ("overrides.toml", '[[words]]\ncontext = "局长"\nsplit = "局长"\n',
     "overrides.toml:3:1: error: 'split' must be a list of strings"),
    ("overrides.toml", '[[reading]]\ncontext = "数据量"\ntarget = "量"\npinyin = 5\n',
     "overrides.toml:4:1: error: 'pinyin' must be a string on one line, not an integer (5)"),
])
def test_wrong_types_name_their_line(tmp_path, resources, name, text, expected):
    files = {} if name == "meta.toml" else {name.replace(".", "_"): text}
    folder = article(tmp_path / "content" / "articles" / "a", meta=text if name == "meta.toml" else META, **files)
    assert error_of(lambda: read(folder, resources)).startswith(f"content/articles/a/{expected}")


def test_wrong_type_in_the_glossary_names_its_line(tmp_path):
    path = tmp_path / "glossary.toml"
    path.write_text("[[term]]\n" + TERM.format(id="a", han="干部", pinyin="x").replace('pinyin = "x"', "pinyin = 5"),
                    encoding="utf-8")
    assert error_of(lambda: load_glossary(path, "glossary.toml")) == (
        "glossary.toml:5:1: error: 'pinyin' must be a string on one line, not an integer (5)")


@pytest.mark.parametrize("config, expected", [
    ("glossary = [5]\n", "site.toml:1:1: error: 'glossary' must be a list of strings"),
    ('title = "x"\n[reader]\nsandhi = 0\n', "site.toml:3:1: error: reader.sandhi must be one of false, true"),
    ('description = "a\\u0000b"\n', "site.toml:1:1: error: 'description' holds the control character U+0000"),
    ('site_url = "https://example.org/a\\"b/"\n', "site.toml:1:1: error: site_url must be an absolute http(s)"),
    ('site_url = "https://example.org/a b/"\n', "site.toml:1:1: error: site_url must be an absolute http(s)"),
])
def test_site_settings_are_type_checked(copy_content, tmp_path, resources, config, expected):
    (copy_content / "site.toml").write_text(config, encoding="utf-8")
    assert error_of(lambda: build_site(copy_content, tmp_path / "site", TEMPLATES, resources)).startswith(
        f"content/{expected}")


def test_empty_date_and_publisher_are_warnings_at_their_line(tmp_path, resources):
    folder = article(tmp_path / "content" / "articles" / "a", meta='title = "t"\ndate = ""\npublisher = " "\n')
    _, findings = read(folder, resources)
    assert [str(f) for f in findings] == [
        "content/articles/a/meta.toml:2:1: missing-meta: metadata 'date' is empty",
        "content/articles/a/meta.toml:3:1: missing-meta: metadata 'publisher' is empty"]


def test_an_unquoted_toml_date_builds(copy_content, tmp_path, resources):
    meta = copy_content / "articles" / "baotou-zuofeng" / "meta.toml"
    meta.write_text(meta.read_text(encoding="utf-8").replace('date = "2022-06"', "date = 2022-06-01"), encoding="utf-8")
    (copy_content / "site.toml").write_text('site_url = "https://example.org/jiedu/"\n', encoding="utf-8")
    build_site(copy_content, tmp_path / "site", TEMPLATES, resources)
    assert "<updated>2022-06-01T00:00:00Z</updated>" in (tmp_path / "site" / "feed.xml").read_text(encoding="utf-8")
    assert '<time datetime="2022-06-01">' in (tmp_path / "site" / "articles" / "baotou-zuofeng.html").read_text(
        encoding="utf-8")


# --- 2. encodings -------------------------------------------------------------------

@pytest.mark.parametrize("name, data, expected", [
    ("meta.toml", 'title = "标题"\n'.encode("gbk"), "meta.toml:1:10: error: the file must be UTF-8, but byte 9 "
                                                   "(0xb1) is not valid UTF-8; it looks like GBK/GB18030"),
    ("meta.toml", META.encode("utf-16"), "meta.toml:1:1: error: the file must be UTF-8; it looks like UTF-16"),
    ("translation.en.md", "Title\n\n“Body”\n".encode("cp1252"), "translation.en.md:3:1: error: the file must be UTF-8"),
    ("repairs.toml", "# 修复\n".encode("utf-16-le"), "repairs.toml:1:1: error: the file must be UTF-8; it looks like UTF-16"),
    ("overrides.toml", '[[reading]]\ncontext = "數據量"\n'.encode("big5"), "overrides.toml:2:12: error: the file must be UTF-8"),
])
def test_a_file_not_in_utf8_is_a_clean_error(tmp_path, resources, name, data, expected):
    folder = article(tmp_path / "content" / "articles" / "a")
    (folder / name).write_bytes(data)
    assert error_of(lambda: read(folder, resources)).startswith(f"content/articles/a/{expected}")


def test_a_glossary_in_utf16_is_a_clean_error(copy_content, tmp_path):
    glossary = copy_content / "glossary.toml"
    glossary.write_bytes(glossary.read_text(encoding="utf-8").encode("utf-16"))
    assert error_of(lambda: build_site(copy_content, tmp_path / "site", TEMPLATES)) == (
        "content/glossary.toml:1:1: error: the file must be UTF-8; it looks like UTF-16 (save it as UTF-8)")


def test_byte_order_marks_are_fine(tmp_path, resources):
    folder = article(tmp_path / "content" / "articles" / "a")
    (folder / "meta.toml").write_bytes(b"\xef\xbb\xbf" + META.encode("utf-8"))
    (folder / "translation.en.md").write_bytes("Title\n\nBody.\n".encode("utf-16"))  # a BOM says which
    source, _ = read(folder, resources)
    assert source.meta["title"] == "标题" and source.translation == ("Title", "Body.")


# --- 3. only regular files inside content/ ------------------------------------------------

def add_seed_copy(content, slug="leak"):
    folder = content / "articles" / slug
    shutil.copytree(content / "articles" / "baotou-zuofeng", folder)
    return folder


@pytest.mark.parametrize("name", ["source.zh-Hant.txt", "translation.en.md", "meta.toml"])
def test_a_link_to_a_file_outside_content_is_refused_and_not_published(copy_content, tmp_path, resources, name):
    folder = add_seed_copy(copy_content)
    secret = tmp_path / "secret.txt"
    secret.write_bytes((folder / name).read_bytes().replace("包头".encode(), "SECRET包头".encode()))
    (folder / name).unlink()
    (folder / name).symlink_to(secret)
    message = error_of(lambda: build_site(copy_content, tmp_path / "site", TEMPLATES, resources))
    assert message.startswith(f"content/articles/leak/{name}:1:1: error: is a symbolic link to a file outside content/")
    published = tree(tmp_path / "site") if (tmp_path / "site").exists() else {}
    assert not any(b"SECRET" in data for data in published.values())


def test_a_link_inside_content_is_followed(tmp_path, resources):
    folder = article(tmp_path / "content" / "articles" / "a")
    (folder / "source.txt").rename(tmp_path / "content" / "shared.txt")
    (folder / "source.txt").symlink_to(os.path.join("..", "..", "shared.txt"))
    assert read(folder, resources)[0].text == "标题\n\n正文。\n"


def test_an_article_folder_linked_from_outside_content_is_refused(copy_content, tmp_path, resources):
    outside = add_seed_copy(copy_content).rename(tmp_path / "elsewhere")
    (copy_content / "articles" / "leak").symlink_to(outside)
    assert error_of(lambda: build_site(copy_content, tmp_path / "site", TEMPLATES, resources)).startswith(
        "content/articles/leak:1:1: error: the article folder is a link to outside content/")


@pytest.mark.parametrize("name", ["source.txt", "meta.toml", "translation.en.md", "repairs.toml", "overrides.toml"])
def test_a_fifo_is_refused_without_waiting(tmp_path, resources, name):
    folder = article(tmp_path / "content" / "articles" / "a")
    (folder / name).unlink(missing_ok=True)
    os.mkfifo(folder / name)
    with deadline(20):
        message = error_of(lambda: read(folder, resources))
    assert message == f"content/articles/a/{name}:1:1: error: expected a regular file, found a FIFO (named pipe)"


def test_a_fifo_for_the_site_overrides_is_refused_without_waiting(copy_content, tmp_path, resources):
    (copy_content / "overrides.toml").unlink()
    os.mkfifo(copy_content / "overrides.toml")
    with deadline(60):
        message = error_of(lambda: build_site(copy_content, tmp_path / "site", TEMPLATES, resources))
    assert message == "content/overrides.toml:1:1: error: expected a regular file, found a FIFO (named pipe)"


@pytest.mark.parametrize("name", ["source.txt", "translation.en.md", "repairs.toml", "meta.toml"])
def test_a_folder_where_a_file_is_due(tmp_path, resources, name):
    folder = article(tmp_path / "content" / "articles" / "a")
    (folder / name).unlink(missing_ok=True)
    (folder / name).mkdir()
    assert error_of(lambda: read(folder, resources)) == (
        f"content/articles/a/{name}:1:1: error: expected a regular file, found a folder")


@pytest.mark.parametrize("names", ['["../outside.toml"]', '["/etc/passwd"]', '["glossary.toml", "linked.toml"]'])
def test_a_glossary_outside_content_is_refused_at_its_site_toml_line(copy_content, tmp_path, resources, names):
    (tmp_path / "outside.toml").write_text("[[term]]\n" + TERM.format(id="a", han="包", pinyin="bāo"), encoding="utf-8")
    (copy_content / "linked.toml").symlink_to(tmp_path / "outside.toml")
    (copy_content / "site.toml").write_text(f'title = "t"\nglossary = {names}\n', encoding="utf-8")
    assert error_of(lambda: build_site(copy_content, tmp_path / "site", TEMPLATES, resources)).startswith(
        "content/site.toml:2:1: error: glossary file ")


def test_an_empty_article_folder_fails_warm_and_clean_builds_alike(copy_content, tmp_path, resources):
    cache, output = tmp_path / "cache", tmp_path / "site"
    build_site(copy_content, output, TEMPLATES, resources, cache_folder=cache)
    (copy_content / "articles" / "new-one").mkdir()
    expected = "content/articles/new-one:1:1: error: missing meta.toml"
    assert error_of(lambda: build_site(copy_content, output, TEMPLATES, resources, cache_folder=cache)).startswith(expected)
    assert error_of(lambda: build_site(copy_content, output, TEMPLATES, resources, cache_folder=cache,
                                       clean=True)).startswith(expected)


# --- 4. URLs ---------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["javascript:alert(document.domain)", "JavaScript://x.org/%0aalert(1)",
                                 "data:text/html,<script>alert(1)</script>", "https://x.org/\" onmouseover=\"alert(1)",
                                 "//example.org/a", "https://exa mple.org/"])
def test_a_source_url_that_is_not_http_is_refused_at_its_line(tmp_path, resources, url):
    folder = article(tmp_path / "content" / "articles" / "a", meta=META + f"source_url = '{url}'\n")
    assert error_of(lambda: read(folder, resources)).startswith(
        "content/articles/a/meta.toml:4:1: error: source_url must be an http:// or https:// address")


def test_the_source_page_links_only_http_addresses(seed_article, resources):
    env, config = make_environment(TEMPLATES), load_config(CONTENT, "content/site.toml")

    def source_page(url):
        article = replace(seed_article, source=replace(seed_article.source, meta={"source_url": url}))
        return article_files(env, article, resources.glossary, config)["sources/baotou-zuofeng.html"]
    assert b'<a href="https://example.org/a" rel="nofollow">' in source_page("https://example.org/a")
    page = source_page("javascript:alert(1)")
    assert b'href="javascript' not in page and b"javascript:alert(1) (not an http(s) address, so not a link)" in page


@pytest.mark.parametrize("url", ["javascript:alert(1)//", "https://example.org/a b/", 'https://example.org/"x/',
                                 "ftp://example.org/"])
def test_a_site_url_on_the_command_line_must_be_http(copy_content, tmp_path, capsys, url):
    code = main(["build", "--content", str(copy_content), "--output", str(tmp_path / "site"),
                 "--templates", str(TEMPLATES), "--site-url", url])
    assert code == EXIT_USAGE
    assert "argument --site-url: " in capsys.readouterr().err and not (tmp_path / "site").exists()


# --- 5. line endings and slugs -------------------------------------------------------

@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_windows_and_old_mac_line_endings_clean_like_unix_ones(tmp_path, resources, ending):
    unix = read_article(SEED, CONTENT.parent, resources.char_frequency)[0]
    folder = shutil.copytree(CONTENT, tmp_path / "content") / "articles" / "baotou-zuofeng"
    source = folder / "source.zh-Hant.txt"
    source.write_bytes(source.read_bytes().replace(b"\n", ending.encode()))
    (folder / "repairs.toml").unlink()  # so the damage is reported, with its places
    windows = process_article(read_article(folder, tmp_path, resources.char_frequency)[0], resources)
    expected = process_article(replace(unix, repairs=()), resources)
    assert windows.cleaned.text == expected.cleaned.text
    assert [str(f) for f in windows.findings] == [str(f) for f in expected.findings]
    assert len(windows.findings) == 6 and "U+000D" not in " ".join(f.message for f in windows.findings)
    assert [(e.kind, e.place) for e in windows.cleaned.edits] == [(e.kind, e.place) for e in expected.cleaned.edits]


def test_a_crlf_source_builds_under_strict(copy_content, tmp_path, capsys):
    source = copy_content / "articles" / "baotou-zuofeng" / "source.zh-Hant.txt"
    source.write_bytes(source.read_bytes().replace(b"\n", b"\r\n"))
    code = main(["build", "--strict", "--content", str(copy_content), "--output", str(tmp_path / "site"),
                 "--templates", str(TEMPLATES)])
    err = capsys.readouterr().err
    assert code == EXIT_OK, err
    assert "damaged-text" not in err and "0 warning(s)" in err


@pytest.mark.parametrize("slug", ["../../x", "Bad Slug", "..", "a/b", "x" * 81])
def test_new_refuses_a_slug_that_is_not_one(tmp_path, capsys, slug):
    (tmp_path / "a.txt").write_text("标题\n\n正文。\n", encoding="utf-8")
    before = sorted(p for p in tmp_path.rglob("*"))
    assert main(["new", str(tmp_path / "a.txt"), "--content", str(tmp_path / "c"), "--slug", slug]) == EXIT_USAGE
    assert "argument --slug: " in capsys.readouterr().err
    assert sorted(p for p in tmp_path.rglob("*")) == before


@pytest.mark.parametrize("make, problem", [(lambda p: None, "does not exist"), (lambda p: p.mkdir(), "is a folder"),
                                           (lambda p: os.mkfifo(p), "is not a regular file")])
def test_new_on_something_that_is_not_a_file(tmp_path, capsys, make, problem):
    make(tmp_path / "a.txt")
    with deadline(20):
        assert main(["new", str(tmp_path / "a.txt"), "--content", str(tmp_path / "c")]) == EXIT_USAGE
    assert f"a.txt {problem}" in capsys.readouterr().err
    assert not (tmp_path / "c").exists()
