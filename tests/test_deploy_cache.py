"""Issue #18, deploys: the Pages workflow keeps jiedu's caches between runs, so a push
with one new article annotates and renders that article only. Each run is a fresh
machine: here, a fresh checkout folder and a fresh home, with only the workflow's
cached paths carried over."""

import re
import shutil
from pathlib import Path

from jiedu.builder import build_site
from jiedu.incremental import sealed

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
    assert set(cached_paths()) == {".cache/jiedu", "~/.cache/jiedu", "site"}


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
    where = {".cache/jiedu": checkout / ".cache" / "jiedu", "~/.cache/jiedu": home / "jiedu", "site": checkout / "site"}
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
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "run" / "home"))  # the user cache: secret and package data
    first, saved = run_on_a_fresh_machine(tmp_path / "run", None, {}, resources)
    assert first.annotated == first.article_count >= 1
    second, _ = run_on_a_fresh_machine(tmp_path / "run", saved, {"second": NEW_ARTICLE}, resources)
    assert (second.annotated, second.rendered, second.article_count) == (1, 1, first.article_count + 1)
