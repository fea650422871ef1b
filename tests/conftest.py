"""Shared fixtures. Heavy resources are built once per test session and passed in."""

import contextlib
import json
import os
import shutil
import signal
from pathlib import Path

import pytest

from jiedu.model import Source
from jiedu.output.wordlist import read_vocabulary
from jiedu.pipeline import process_article
from jiedu.stages.read import read_article
from jiedu.resources import load_resources
from jiedu.builder import build_site
from jiedu.content import load_content

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
TEMPLATES = ROOT / "templates"
SEED = CONTENT / "articles" / "baotou-zuofeng"
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def glossaries():
    """The seed site's glossaries: its own glossary.toml over content/glossary.toml over the lexicon."""
    return load_content(CONTENT).glossaries()


@pytest.fixture(scope="session")
def resources(glossaries):
    """Linking the seed's terms as the build does (the seed's glossary view)."""
    return load_resources(None, glossary=glossaries.of(SEED.name))


@pytest.fixture(scope="session")
def seed_source(resources) -> Source:
    source, findings = read_article(SEED, ROOT, resources.char_frequency)
    assert findings == []
    return source


@pytest.fixture(scope="session")
def seed_article(seed_source, resources):
    return process_article(seed_source, resources)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, resources) -> Path:
    output = tmp_path_factory.mktemp("build") / "site"
    build_site(CONTENT, output, TEMPLATES, resources)
    return output


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if CHROMIUM.exists():
        return str(CHROMIUM)
    if os.environ.get("CI"):
        pytest.fail("CI=true but /usr/bin/chromium is missing: .ci/run must install Debian's chromium")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium); CI installs it")


def make_source(text: str, *, repairs=(), meta=None, translation=None, path="content/articles/t/source.txt") -> Source:
    """A Source for unit tests of one stage, without touching the disk."""
    return Source(slug="t", path=path, text=text, encoding="utf-8", meta=meta or {}, repairs=tuple(repairs),
                  repairs_path="content/articles/t/repairs.toml", translation=translation,
                  translation_path="content/articles/t/translation.en.md",
                  translation_lines=tuple(range(1, 2 * len(translation or ()), 2)))


@pytest.fixture
def copy_content(tmp_path) -> Path:
    """A private copy of content/ a test may change."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def script_data(path: Path, call: str):
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index(call + "(") + len(call) + 1:text.rindex(")")])


def word_data(site: Path, slug: str = "baotou-zuofeng") -> dict:
    """The senses of an article's word script (words/<slug>.js, for jieduWords()) and its
    vocabulary page's data (vocabulary/<slug>.js, for jieduVocabulary()) as "vocab"."""
    return {"senses": script_data(site / "words" / f"{slug}.js", "jieduWords")["senses"],
            "vocab": script_data(site / "vocabulary" / f"{slug}.js", "jieduVocabulary")}


def site_vocabulary(site: Path, slug: str = "baotou-zuofeng"):
    """The vocabulary the page and the TSV are made from in the browser, read back."""
    return read_vocabulary(word_data(site, slug))


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under a folder: relative path -> bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@contextlib.contextmanager
def deadline(seconds: int):
    """Fail instead of hanging: a FIFO opened with no writer blocks forever."""
    def expire(*_):
        raise TimeoutError(f"still running after {seconds}s")
    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# The slowest files first: with one worker per core (tests/run.py), a long file started
# last would leave the other workers idle at the end. Measured in CI (seconds, 2 cores).
SLOW_FIRST = ["test_quality.py", "test_hostile_table.py", "test_browser.py", "test_robustness.py",
              "test_convert.py", "test_reader_layout.py", "test_hostile_size.py", "test_authoring.py"]


def pytest_collection_modifyitems(items):
    rank = {name: i for i, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: the rest keep their order
