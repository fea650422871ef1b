"""Issue #18, deploys: the Pages workflow keeps jiedu's caches between runs, so a push
with one new article annotates and renders that article only. Each run is a fresh
machine: here, a fresh checkout folder and a fresh home, with only the workflow's
cached paths carried over."""

import hashlib
import os
import re
import shutil
from pathlib import Path

from jiedu.builder import build_site
from jiedu.incremental import sealed
from jiedu.incremental.kept import holds

from conftest import CONTENT, ROOT, TEMPLATES

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
NEW_ARTICLE = "第二篇文章\n\n今天的会议讨论了城市建设和农村发展。\n"
NEW_META = 'title = "第二篇文章"\ndate = "2022-07-01"\npublisher = "jiedu tests"\n'


def cached_paths() -> list[str]:
    """The paths the workflow's cache step restores and saves."""
    text = WORKFLOW.read_text(encoding="utf-8")
    step = re.search(r"uses: actions/cache@v\d+\n\s+with:\n\s+path: \|\n((?:\s{12}\S.*\n)+)", text)
    assert step, "pages.yml has no actions/cache step with a list of paths"
    return [line.strip() for line in step.group(1).splitlines()]


def test_the_cache_is_restored_before_the_build_and_keyed_by_code_and_dependencies():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert text.index("actions/cache@") < text.index("build.py")
    key = re.search(r"key: (.*)", text).group(1)
    for part in ("pyproject.toml", "jiedu/**", "templates/**"):
        assert part in key
    assert set(cached_paths()) == {".cache/jiedu", "site"}  # never the user cache with its secret
    assert "JIEDU_CACHE_SECRET: ${{ secrets.JIEDU_CACHE_SECRET }}" in text


def run_on_a_fresh_machine(machine: Path, carried: Path | None, articles: dict[str, str], resources):
    """One workflow run: a checkout of `content` (with `articles` added), the cached paths
    restored from `carried`, a build; then the cached paths saved to `carried`."""
    shutil.rmtree(machine, ignore_errors=True)
    sealed._secret.cache_clear()  # a new machine: the secret only as the cache restores it
    checkout, home = machine / "repo", machine / "home"
    shutil.copytree(CONTENT, checkout / "content")
    for slug, text in articles.items():
        (checkout / "content" / "articles" / slug).mkdir()
        (checkout / "content" / "articles" / slug / "source.txt").write_text(text, encoding="utf-8")
        (checkout / "content" / "articles" / slug / "meta.toml").write_text(NEW_META, encoding="utf-8")
    where = {".cache/jiedu": checkout / ".cache" / "jiedu", "site": checkout / "site"}
    if carried:
        for name in cached_paths():
            shutil.copytree(carried / name.replace("/", "_"), where[name], symlinks=True)
    result = build_site(checkout / "content", checkout / "site", TEMPLATES, resources,
                        cache_folder=checkout / ".cache" / "jiedu")
    saved = machine.parent / f"{machine.name}-saved"
    shutil.rmtree(saved, ignore_errors=True)
    for name in cached_paths():
        shutil.copytree(where[name], saved / name.replace("/", "_"), symlinks=True)
    return result, saved


def test_a_push_with_one_new_article_annotates_and_renders_that_article_only(tmp_path, resources, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "run" / "home"))  # a fresh home each run
    monkeypatch.setenv("JIEDU_CACHE_SECRET", "a repository secret of 32 characters or more")
    first, saved = run_on_a_fresh_machine(tmp_path / "run", None, {}, resources)
    assert first.annotated == first.article_count >= 1
    second, _ = run_on_a_fresh_machine(tmp_path / "run", saved, {"second": NEW_ARTICLE}, resources)
    assert (second.annotated, second.rendered, second.article_count) == (1, 1, first.article_count + 1)


def test_without_the_repository_secret_a_restored_cache_is_not_trusted(tmp_path, resources, monkeypatch):
    """Each run makes a secret of its own in its fresh home: what a cache holds was sealed
    with another, so nothing restored is taken (a planted cache publishes nothing)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "run" / "home"))
    monkeypatch.delenv("JIEDU_CACHE_SECRET", raising=False)
    first, saved = run_on_a_fresh_machine(tmp_path / "run", None, {}, resources)
    second, _ = run_on_a_fresh_machine(tmp_path / "run", saved, {}, resources)
    assert second.annotated == second.article_count == first.article_count


def test_a_short_secret_is_refused(monkeypatch):
    monkeypatch.setenv("JIEDU_CACHE_SECRET", "too short")
    assert sealed.user_secret() is None


def page(folder: Path, text: bytes = b"<p>page</p>") -> tuple[str, tuple[int, str]]:
    path = folder / "page.html"
    path.write_bytes(text)
    return str(path), (len(text), hashlib.sha256(text).hexdigest())


def test_a_restored_page_with_the_same_bytes_is_kept_and_no_other(tmp_path):
    path, expected = page(tmp_path)
    assert holds(path, os.lstat(path), expected, None)
    assert not holds(path, os.lstat(path), (expected[0], "0" * 64), None)  # other bytes


def test_under_source_date_epoch_a_kept_page_has_the_builds_date(tmp_path):
    path, expected = page(tmp_path)
    os.utime(path, (1_600_000_000, 1_600_000_000))
    assert holds(path, os.lstat(path), expected, 1_600_000_000)
    os.utime(path, None)  # touched since
    assert not holds(path, os.lstat(path), expected, 1_600_000_000)


def test_a_link_or_a_fifo_in_the_output_is_no_page(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target, expected = page(elsewhere)
    output = tmp_path / "site"
    (output / "articles").mkdir(parents=True)
    (output / "linked.html").symlink_to(target)
    (tmp_path / "site" / "folder").symlink_to(elsewhere)  # a planted folder link
    os.mkfifo(output / "fifo.html")
    for name in ("linked.html", "folder/page.html", "fifo.html"):
        path = str(output / name)
        assert not holds(path, os.lstat(path), expected, None), name
