"""Issue #13: a build never runs code from its cache, and never takes a cache file it
did not write; the feed and sitemap stay well-formed XML whatever the metadata holds."""

import datetime
import os
import pickle
import shlex
from pathlib import Path
from types import SimpleNamespace
from xml.etree import ElementTree

import pytest

from jiedu.incremental import plainvalues, sealed
from jiedu.output.digest import make_digest
from jiedu.output.feeds import atom_feed, atom_time, rfc3339, robots, sitemap
from jiedu.incremental.jobs import LazyResources, annotate_folder
from jiedu.stages.overrides import Overrides
from jiedu.output.pages import article_files
from jiedu.output.render import make_environment
from jiedu.builder import BuildResult, build_site
from jiedu.files.config import load_config
from jiedu.incremental.write import Written

from conftest import CONTENT, SEED, TEMPLATES, tree

KINDS = {
    "article": lambda name: name.startswith("baotou-zuofeng.") and not name.endswith(".digest"),
    "digest": lambda name: name.startswith("baotou-zuofeng.") and name.endswith(".digest"),
    "stamp": lambda name: name.startswith("site."),
}
"""Every cache file a build reads, by name (the old pickle names match too)."""


class Planted:
    """Unpickling this runs a shell command that creates `marker`."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return os.system, (f"touch {shlex.quote(str(self.marker))}",)


@pytest.fixture(scope="module")
def clean_tree(tmp_path_factory, resources) -> dict[str, bytes]:
    output = tmp_path_factory.mktemp("clean") / "site"
    build_site(CONTENT, output, TEMPLATES, resources)
    return tree(output)


@pytest.fixture
def cached(copy_content, tmp_path, resources):
    """The seed built once with a cache: (cache folder, output, build again)."""
    cache, output = tmp_path / "cache", tmp_path / "site"
    build = lambda: build_site(copy_content, output, TEMPLATES, resources, cache_folder=cache)  # noqa: E731
    build()
    return cache, output, build


def cache_file(cache: Path, kind: str) -> Path:
    found = [path for path in cache.iterdir() if KINDS[kind](path.name)]
    assert len(found) == 1, sorted(p.name for p in cache.iterdir())
    return found[0]


def reached(cache: Path, kind: str) -> Path:
    """The cache file of `kind`, with those a rebuild reads before it (the stamp, then
    the digest) removed, so the rebuild does read it."""
    for earlier in ("stamp", "digest", "article")[:("stamp", "digest", "article").index(kind)]:
        cache_file(cache, earlier).unlink()
    return cache_file(cache, kind)


READ = {"stamp": (0, 1), "digest": (0, 1), "article": (1, 1)}
"""(annotated, rendered) by a rebuild that finds the cache file of this kind unusable (without
the stamp, the files in the output are not known to be what the last build wrote)."""


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_planted_pickle_is_never_run(cached, clean_tree, tmp_path, kind):
    cache, output, build = cached
    marker = tmp_path / "ran"
    reached(cache, kind).write_bytes(pickle.dumps(Planted(marker)))
    result = build()
    assert not marker.exists()
    assert (result.annotated, result.rendered, result.unchanged) == (*READ[kind], False)
    assert tree(output) == clean_tree


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_file_sealed_with_another_secret_is_a_miss(cached, clean_tree, kind):
    cache, output, build = cached
    path = reached(cache, kind)
    data = path.read_bytes()
    key = data.split(b"\n")[1].decode()
    value = sealed.unseal(data, key, sealed.user_secret())
    assert value is not None
    path.write_bytes(sealed.seal(value, key, b"someone else's secret, 32 bytes"))
    result = build()
    assert (result.annotated, result.rendered, result.unchanged) == (*READ[kind], False)
    assert tree(output) == clean_tree


def test_a_file_sealed_for_another_key_is_a_miss(cached, clean_tree):
    cache, output, build = cached
    digest = cache_file(cache, "digest")
    renamed = digest.with_name(f"baotou-zuofeng.{'0' * 32}.digest")
    digest.rename(renamed)
    assert sealed.read_sealed(renamed, f"baotou-zuofeng.{'0' * 64}.digest") is None
    cache_file(cache, "stamp").unlink()
    assert build().rendered == 1
    assert tree(output) == clean_tree


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
def test_a_damaged_file_is_a_miss_not_an_error(cached, clean_tree, damage):
    cache, output, build = cached
    for kind in KINDS:
        path = cache_file(cache, kind)
        data = path.read_bytes()
        path.write_bytes({"truncated": data[:len(data) // 2], "garbage": os.urandom(500), "empty": b""}[damage])
    result = build()
    assert (result.annotated, result.rendered, result.unchanged) == (1, 1, False)
    assert tree(output) == clean_tree


def test_damaged_json_under_a_good_mac_is_a_miss():
    secret = b"k" * 32
    good = sealed.seal({"a": (1, 2)}, "key", secret)
    assert sealed.unseal(good, "key", secret) == {"a": (1, 2)}
    header, body = good.rsplit(b"\n", 1)
    for text in (body[:-3], b'["x"]\n{"os.system":["touch /tmp/x"]}', b"[]\n" + b"[" * 100000, b"\xff\xfe"):
        resealed = sealed.MAGIC + b"key\n" + sealed._mac(text, "key", secret) + b"\n" + text
        assert sealed.unseal(resealed, "key", secret) is None
    assert sealed.unseal(good, "other key", secret) is None


def test_a_link_in_the_cache_is_not_followed(cached, clean_tree, tmp_path):
    """A link to /dev/zero would hang the build; one to a file elsewhere would be written through."""
    cache, output, build = cached
    digest = cache_file(cache, "digest")
    digest.unlink()
    digest.symlink_to("/dev/zero")
    outside = tmp_path / "outside"
    outside.write_text("keep me")
    article = cache_file(cache, "article")
    article.unlink()
    article.symlink_to(outside)
    cache_file(cache, "stamp").unlink()
    result = build()
    assert (result.annotated, result.rendered) == (1, 1)
    assert outside.read_text() == "keep me"
    assert tree(output) == clean_tree


def test_a_linked_cache_folder_is_not_used(copy_content, tmp_path, resources):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "cache").symlink_to(elsewhere)
    for _ in range(2):
        result = build_site(copy_content, tmp_path / "site", TEMPLATES, resources, cache_folder=tmp_path / "cache")
        assert result.annotated == 1
    assert list(elsewhere.iterdir()) == []


def test_without_a_private_secret_nothing_is_reused(copy_content, tmp_path, resources, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # the secret cannot be made
    assert sealed.user_secret() is None
    build = lambda: build_site(copy_content, tmp_path / "site", TEMPLATES, resources,  # noqa: E731
                               cache_folder=tmp_path / "cache")
    assert [build().annotated, build().annotated] == [1, 1]
    shared = tmp_path / "shared"
    (shared / "jiedu").mkdir(parents=True)
    (shared / "jiedu" / "secret").write_bytes(b"s" * 32)
    (shared / "jiedu" / "secret").chmod(0o644)  # others can read it, so forge with it
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared))
    assert sealed.user_secret() is None


def test_the_secret_is_made_private_and_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    secret = sealed.user_secret()
    assert secret is not None and len(secret) == 32
    assert (tmp_path / "jiedu" / "secret").stat().st_mode & 0o777 == 0o600
    sealed._secret.cache_clear()
    assert sealed.user_secret() == secret


# --- the codec -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def annotated_seed(resources):
    return annotate_folder(SEED, CONTENT, LazyResources(resources.glossary, resources), Overrides())


def test_the_seed_article_round_trips_exactly(annotated_seed):
    assert annotated_seed.vocabulary and annotated_seed.cleaned.edits and annotated_seed.source.overrides.splits
    assert plainvalues.loads(plainvalues.dumps(annotated_seed)) == annotated_seed


def test_the_seed_digest_and_a_build_summary_round_trip(annotated_seed, resources):
    config = load_config(CONTENT, "content/site.toml")
    files = article_files(make_environment(TEMPLATES), annotated_seed, resources.glossary, config)
    digest = make_digest(annotated_seed, files, resources.glossary, Overrides())
    assert digest.occurrences and digest.contexts is not None
    assert plainvalues.loads(plainvalues.dumps(digest)) == digest
    stamp = ("fingerprint", BuildResult((digest,), digest.findings, 1.5, 1, 2), "", {"a.html": Written("00", 1, 2, 3)})
    assert plainvalues.loads(plainvalues.dumps(stamp)) == stamp


def test_every_toml_value_round_trips():
    meta = {"date": datetime.date(2022, 6, 1), "at": datetime.datetime(2022, 6, 1, 8, 30, tzinfo=datetime.timezone.utc),
            "local": datetime.datetime(2022, 6, 1, 8, 30), "time": datetime.time(8, 30), "n": -3, "x": 1.5,
            "yes": True, "authors": ["甲", "乙" * 40], "nested": {"k": [1, {"deep": (1, "2")}]}, 7: None,
            "tags": frozenset({"b", "a"}), "set": {3, 1}, "\n": "line\nbreak \ud800"}
    back = plainvalues.loads(plainvalues.dumps(meta))
    assert back == meta
    assert [type(value) for value in back.values()] == [type(value) for value in meta.values()]


@pytest.mark.parametrize("text", [
    '[]\n{"posix.system":["touch /tmp/x"]}', '[]\n{"Place":["a",1]}', '[]\n{"Place":["a",1,2],"x":1}',
    '[]\n{"tuple":[1]', '[]', '{}\n[]', '[]\n{"dict":[[[1],2]]}', '[]\n{"Word":[0,"a",[],null,"",[]]}'])
def test_what_the_codec_did_not_write_is_damaged(text):
    with pytest.raises(plainvalues.Damaged):
        plainvalues.loads(text)


def test_the_codec_refuses_what_it_cannot_rebuild():
    with pytest.raises(TypeError):
        plainvalues.dumps({"a": Planted(Path("x"))})
    from jiedu.model import Word
    with pytest.raises(TypeError):
        plainvalues.dumps(Word("中", "中", ["zhōng"]))  # a list where a tuple is declared


# --- the feed and the sitemap -------------------------------------------------------------

HOSTILE_URL = 'https://example.org/a"b\'<c>&d\x01/'
HOSTILE = {
    "title": '</title><entry><id>evil</id></entry><title>\x00\x08 <script>alert("x")</script> & \ufffe\ud800',
    "title_en": 'A "quoted" <b>summary</b>\x1b & more',
    "date": "</updated><entry><id>injected</id></entry><updated>",
}
ATOM = "{http://www.w3.org/2005/Atom}"


def hostile_articles() -> list:
    return [SimpleNamespace(slug="evil", title=HOSTILE["title"], meta={"date": HOSTILE["date"], "title_en": HOSTILE["title_en"]}),
            SimpleNamespace(slug="plain", title="包头", meta={"date": "2022-06"}),
            SimpleNamespace(slug="undated", title="无日期", meta={"title_en": ["not", "a string"]})]


def without_control(text: str) -> str:
    return "".join(c for c in text if c in "\t\n\r" or " " <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd")


def test_a_feed_of_hostile_metadata_parses_with_one_entry_per_article():
    feed = ElementTree.fromstring(atom_feed(HOSTILE_URL, "站 <b>\x02", hostile_articles()).encode("utf-8"))
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 3
    evil, plain, undated = entries
    assert evil.findtext(f"{ATOM}title") == without_control(HOSTILE["title"])
    assert evil.findtext(f"{ATOM}summary") == without_control(HOSTILE["title_en"])
    assert evil.findtext(f"{ATOM}updated") == "1970-01-01T00:00:00Z"  # not a date: the fallback
    assert plain.findtext(f"{ATOM}updated") == "2022-06-01T00:00:00Z"
    assert undated.findtext(f"{ATOM}summary") == "['not', 'a string']"
    assert feed.findtext(f"{ATOM}updated") == "2022-06-01T00:00:00Z"
    assert feed.findtext(f"{ATOM}title") == "站 <b>"
    url = without_control(HOSTILE_URL)
    assert feed.findtext(f"{ATOM}id") == url
    assert [link.get("href") for link in feed.findall(f"{ATOM}link")] == [url, url + "feed.xml"]
    assert evil.find(f"{ATOM}link").get("href") == url + "articles/evil.html"
    assert "injected" not in {element.text for element in feed.iter()}


def test_a_sitemap_of_a_hostile_address_parses_with_every_page():
    pages = ["index.html", "articles/a.html", 'odd"<&>\x0c.html']
    root = ElementTree.fromstring(sitemap(HOSTILE_URL, pages).encode("utf-8"))
    locations = [url.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}loc") for url in root]
    assert locations == [without_control(HOSTILE_URL + page) for page in pages]


def test_robots_gets_no_rule_from_the_address():
    assert robots("https://example.org/\nDisallow: /\n").splitlines() == [
        "User-agent: *", "Allow: /", "Sitemap: https://example.org/Disallow:/sitemap.xml"]


@pytest.mark.parametrize("date, expected", [
    ("2022", "2022-01-01T00:00:00Z"), ("2022-06", "2022-06-01T00:00:00Z"), ("2022-06-15", "2022-06-15T00:00:00Z"),
    ("2022-06-15T08:30:00Z", "2022-06-15T08:30:00Z"), ("2022-06-15T08:30:00+08:00", "2022-06-15T00:30:00Z"),
    (datetime.date(2022, 6, 15), "2022-06-15T00:00:00Z"),
    (datetime.datetime(2022, 6, 15, 8, tzinfo=datetime.timezone(datetime.timedelta(hours=-5))), "2022-06-15T13:00:00Z"),
    ("2022-13", None), ("2022-02-30", None), ("yesterday", None), ("2022-06</updated>", None), (2022, None),
    (datetime.time(8), None), ("0001-01-01T00:00:00+01:00", None), (None, None)])
def test_only_real_dates_become_atom_timestamps(date, expected):
    moment = atom_time(date)
    assert (rfc3339(moment) if moment else None) == expected


def test_a_built_feed_with_a_quote_in_the_address_parses(copy_content, tmp_path, resources):
    """Markup in metadata stays text in the built feed. (Control characters are refused
    in meta.toml itself, so the writer's own handling of them is tested by direct calls.)"""
    meta = copy_content / "articles/baotou-zuofeng/meta.toml"
    meta.write_text(meta.read_text(encoding="utf-8").replace(
        'title_en = "', 'title_en = "</summary><entry> ', 1), encoding="utf-8")
    build_site(copy_content, tmp_path / "site", TEMPLATES, resources, site_url='https://example.org/"x"/')
    feed = ElementTree.fromstring((tmp_path / "site/feed.xml").read_bytes())
    [entry] = feed.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}summary").startswith("</summary><entry> Baotou")
    assert feed.findtext(f"{ATOM}id") == 'https://example.org/"x"/'
    ElementTree.fromstring((tmp_path / "site/sitemap.xml").read_bytes())
