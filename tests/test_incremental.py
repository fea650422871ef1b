"""A rebuild after one edit: only that article is annotated and rendered, the pages that
gather every article are right, and untouched files are not written again."""

import shutil
from pathlib import Path

import pytest

from jiedu.builder import build_site

from conftest import TEMPLATES, tree

ARTICLES = {
    "alpha": "第一篇\n包头市开展作风建设，干部群众都说好。\n",
    "beta": "第二篇\n今天天气很好，我们去公园散步。\n",
    "gamma": "第三篇\n学校里的学生正在认真读书。\n",
}


@pytest.fixture
def site(copy_content, tmp_path, resources):
    """The seed plus three small articles, built once with a cache."""
    for number, (slug, text) in enumerate(ARTICLES.items(), 1):
        folder = copy_content / "articles" / slug
        folder.mkdir()
        (folder / "source.txt").write_text(text, encoding="utf-8")
        (folder / "meta.toml").write_text(f'date = "2024-01-0{number}"\n', encoding="utf-8")
    cache, output = tmp_path / "cache", tmp_path / "site"
    build = lambda **options: build_site(copy_content, output, TEMPLATES, resources, cache_folder=cache, **options)
    build()
    return copy_content, output, build


def identities(folder: Path) -> dict[str, tuple[int, int]]:
    """(inode, mtime) of every file: the same only if the file was not written again."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def clean_build(content: Path, output: Path, resources) -> dict[str, bytes]:
    build_site(content, output, TEMPLATES, resources, clean=True)
    return tree(output)


def test_one_edit_annotates_and_renders_one_article(site, tmp_path, resources):
    content, output, build = site
    before = identities(output)
    source = content / "articles/beta/source.txt"
    source.write_text(source.read_text(encoding="utf-8") + "大家一起搞好作风建设。\n", encoding="utf-8")
    result = build()
    assert (result.annotated, result.rendered, result.article_count) == (1, 1, 4)
    after = identities(output)
    own = {"articles/beta.html", "articles/beta.json", "vocabulary/beta.html", "vocabulary/beta.js", "words/beta.js", "sources/beta.html"}
    changed = {path for path in after if after[path] != before.get(path)}
    assert own <= changed
    assert {p for p in changed - own if not p.startswith("search/")} <= {"index.html", "glossary.html", "search-index.js"}
    assert "glossary.html" in changed and any(p.startswith("search/c") for p in changed)  # a new occurrence, new text
    assert tree(output) == clean_build(content, tmp_path / "fresh", resources)
    assert "大家一起搞好作风建设" in (output / "articles/beta.json").read_text(encoding="utf-8")
    assert "articles/beta.html#b3" in (output / "glossary.html").read_text(encoding="utf-8")


def test_a_new_title_reaches_the_index_and_feed_only(site, tmp_path, resources):
    content, output, build = site
    source = content / "articles/gamma/source.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("第三篇", "新标题"), encoding="utf-8")
    assert build().rendered == 1
    assert "新标题" in (output / "index.html").read_text(encoding="utf-8")
    assert tree(output) == clean_build(content, tmp_path / "fresh", resources)


def test_a_template_change_renders_every_article_and_annotates_none(site, tmp_path, resources):
    content, output, build = site
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    page = templates / "base.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", "<!-- changed --></body>", 1),
                    encoding="utf-8")
    result = build_site(content, output, templates, resources, cache_folder=tmp_path / "cache")
    assert (result.annotated, result.rendered) == (0, 4)
    assert b"<!-- changed -->" in (output / "articles/alpha.html").read_bytes()


def test_a_stylesheet_change_renders_no_article(site, tmp_path, resources):
    """Pages only link to assets/: a CSS edit rewrites the stylesheet, not a thousand pages
    (and the 404 page, which carries its style inline to work at any depth)."""
    content, output, build = site
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    build_site(content, output, templates, resources, cache_folder=tmp_path / "cache")
    before = identities(output)
    style = templates / "assets" / "jiedu.css"
    style.write_text(style.read_text(encoding="utf-8") + "\n.changed { color: red; }\n", encoding="utf-8")
    result = build_site(content, output, templates, resources, cache_folder=tmp_path / "cache")
    assert (result.annotated, result.rendered) == (0, 0)
    after = identities(output)
    assert [path for path in after if after[path] != before.get(path)] == ["404.html", "assets/jiedu.css"]


def test_a_removed_article_leaves_no_page_or_link(site, tmp_path, resources):
    content, output, build = site
    shutil.rmtree(content / "articles/alpha")
    result = build()
    assert (result.annotated, result.rendered, result.article_count) == (0, 0, 3)
    assert not (output / "articles/alpha.html").exists()
    assert "alpha" not in (output / "index.html").read_text(encoding="utf-8")
    assert tree(output) == clean_build(content, tmp_path / "fresh", resources)


def test_a_file_changed_in_the_output_is_written_again(site, resources):
    content, output, build = site
    (output / "articles/alpha.html").write_text("tampered", encoding="utf-8")
    (content / "articles/beta/source.txt").write_text("第二篇\n改了。\n", encoding="utf-8")
    result = build()
    assert (result.annotated, result.rendered) == (1, 2)
    assert b"tampered" not in (output / "articles/alpha.html").read_bytes()


def test_source_date_epoch_change_rewrites_dates(site, monkeypatch):
    content, output, build = site
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build()
    assert {p.stat().st_mtime for p in output.rglob("*") if p.is_file()} == {1700000000}


def test_no_thread_is_alive_when_workers_are_forked(site, tmp_path, monkeypatch):
    """A thread running while the pool forks (the site-wide files used to be made on one)
    can leave a worker holding SQLite's locks: it then hangs writing its Anki deck."""
    import threading

    import jiedu.incremental.gather
    import jiedu.incremental.parallel

    content, output, _ = site
    forked_beside = []
    real = jiedu.incremental.parallel.in_parallel

    def watched(*args, **kwargs):
        forked_beside.append(threading.active_count())
        return real(*args, **kwargs)

    monkeypatch.setattr(jiedu.incremental.gather, "in_parallel", watched)
    (content / "articles" / "alpha" / "source.txt").write_text("第一篇\n新的内容。\n", encoding="utf-8")
    result = build_site(content, output, TEMPLATES, cache_folder=tmp_path / "cache")  # no resources: workers
    assert (result.annotated, forked_beside) == (1, [1])


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path):
    from jiedu.engines.usercache import marshalled

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert marshalled(blocked / "value.marshal", lambda: {"built": 1}) == {"built": 1}
