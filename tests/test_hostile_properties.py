"""Issue #13, property tests: whatever TOML a person (or a hostile one) writes, every
loader gives either a valid value or a ContentError whose message starts with
`path:line:col:` -- never another exception -- and loses no [[table]] entry."""

import json
import re
import tempfile
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from jiedu.files.config import load_config
from jiedu.errors import ContentError
from jiedu.lexicon.glossary import load_glossary
from jiedu.stages.overrides import load_overrides
from jiedu.stages.read import read_article
from jiedu.files.tomlfile import parse_toml

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)
han = st.text(st.sampled_from("干部作风包头市量数据局长"), min_size=1, max_size=4)
scalars = st.one_of(
    text.map(lambda s: json.dumps(s, ensure_ascii=False)),         # basic strings, control characters escaped
    han.map(lambda s: f'"{s}"'),
    text.filter(lambda s: "'" not in s and "\n" not in s).map(lambda s: f"'{s}'"),
    st.sampled_from(['"""\n[[term]]\n[[repair]]\n[[reading]]\n"""',     # headers inside strings
                     "'''\n[[words]] # x\n'''", '"""a""""', "'''b'''''", '"#[[term]]"']),
    st.integers(-3, 300).map(str), st.sampled_from(["true", "false", "1.5", "nan", "inf"]),
    st.sampled_from(["2022-06-01", "2022-06-01T08:00:00", "2022-06-01T08:00:00+08:00", "08:00:00", '"2022-06"',
                     '"2022-13"', '""', '"javascript:alert(1)"', '"https://example.org/a"', '"gb18030"']),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
    st.lists(inner, max_size=3).map(lambda items: "[\n  " + ",\n  # note\n  ".join(items) + "\n]"),
    inner.map(lambda v: "{ a = " + v + " }"),
), max_leaves=4)
comments = st.sampled_from(["", "", "  # note", "\t#", " # [[term]]"])
ENCODINGS = ["utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gbk", "big5"]


GOOD = {  # values that pass, so that loading succeeds often enough for its checks to run
    "title": '"标题"', "date": "2022-06-01", "publisher": '"P"', "authors": '["a", "b"]', "rights": '"""a\nb"""',
    "source_url": '"https://example.org/a?b=c#d"', "editor_note": "false", "encoding": '"gb18030"', "line": "3",
    "column": "2", "find": '"?"', "replace": '""', "context": '"数据量"', "target": '"量"', "pinyin": '"liáng"',
    "split": '["数据", "量"]', "tags": '["n", "n"]', "site_url": '"https://example.org/"', "glossary": "[]",
    "translation": '"under"', "sandhi": "true", "tones": '"pleco"',
}


def key_lines(keys):
    line = st.sampled_from(keys).flatmap(lambda key: st.tuples(
        st.just(key), st.one_of(values, st.just(GOOD.get(key, '"x"'))), comments))
    line = line.map(lambda t: f"{t[0]} = {t[1]}{t[2]}")
    return st.lists(line, max_size=6, unique_by=lambda s: s.split(" =")[0])


def tables_of(name, keys):
    header = st.sampled_from([f"[[{name}]]", f"[[ {name} ]]", f"[[{name}]] # note", f'[["{name}"]]',
                              f"[[{name}]]\t# [[{name}]]", f"  [[{name}]]"])
    table = st.tuples(header, key_lines(keys)).map(lambda t: "\n".join([t[0], *t[1]]))
    stray = st.one_of(st.just([]), st.just([]), key_lines(["stray"]))  # a top-level key: an error, named
    return st.tuples(stray, st.lists(table, max_size=4)).map(lambda t: ("\n".join(t[0]), t[1]))


def write(path: Path, body: str, encoding: str) -> None:
    path.write_bytes(body.encode(encoding, errors="replace"))


def outcome(load, shown: str):
    """The loaded value, or None after checking that the error names a place in `shown` (a
    file, or a folder ending in /: a file in it)."""
    try:
        value = load()
    except ContentError as error:
        assert re.match(rf"{re.escape(shown)}[\w./]*:\d+:\d+: error: \S", str(error)), str(error)
        assert "please report" not in str(error)  # the structure scan disagreed with tomllib
        event("a ContentError")
        return None
    event("loaded")
    return value


META_KEYS = ["title", "title_en", "date", "publisher", "authors", "source_url", "script", "rights", "column",
             "encoding", "editor_note", "layout", "extra"]


@SETTINGS
@given(key_lines(META_KEYS), st.sampled_from(ENCODINGS))
def test_any_meta_toml_loads_or_names_a_place(lines, encoding):
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root) / "content" / "articles" / "a"
        folder.mkdir(parents=True)
        (folder / "source.txt").write_text("标题\n\n正文。\n", encoding="utf-8")
        write(folder / "meta.toml", "\n".join(lines) + "\n", encoding)
        loaded = outcome(lambda: read_article(folder, Path(root), {}), "content/articles/a/")  # encoding = ...: source.txt
    if loaded:
        meta = loaded[0].meta
        assert all(isinstance(meta.get(k, ""), str) for k in ("title", "date", "publisher", "source_url", "column"))
        assert re.fullmatch(r"(\d{4}(-\d\d){0,2})?", meta.get("date", ""))
        assert meta.get("source_url", "") == "" or meta["source_url"].lower().startswith(("http://", "https://"))


@pytest.mark.parametrize("name, keys, load", [
    ("term", ["id", "simplified", "traditional", "pinyin", "literal", "english", "explanation", "category",
              "related"], lambda path: load_glossary(path, "g.toml").entries),
    ("reading", ["context", "target", "pinyin", "note"], lambda path: load_overrides(path, "g.toml").readings),
    ("words", ["context", "split", "tags", "note"], lambda path: load_overrides(path, "g.toml").splits),
])
@SETTINGS
@given(data=st.data())
def test_any_table_file_loads_every_entry_or_names_a_place(name, keys, load, data):
    top, entries = data.draw(tables_of(name, keys))
    encoding = data.draw(st.sampled_from(ENCODINGS))
    with tempfile.TemporaryDirectory() as root:
        path = Path(root) / "g.toml"
        write(path, top + "\n" + "\n\n".join(entries) + "\n", encoding)
        loaded = outcome(lambda: load(path), "g.toml")
    if loaded is not None:
        assert len(loaded) == len(entries)  # nothing dropped, nothing invented
        assert len({entry.place.line for entry in loaded if hasattr(entry, "place")}) in (0, len(entries))


@SETTINGS
@given(tables_of("repair", ["line", "column", "find", "replace", "note"]), st.sampled_from(ENCODINGS))
def test_any_repairs_toml_loads_every_repair_or_names_a_place(tables, encoding):
    top, entries = tables
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root) / "content" / "articles" / "a"
        folder.mkdir(parents=True)
        (folder / "source.txt").write_text("标题\n\n正文。\n", encoding="utf-8")
        (folder / "meta.toml").write_text('date = "2024"\npublisher = "P"\n', encoding="utf-8")
        write(folder / "repairs.toml", top + "\n" + "\n".join(entries) + "\n", encoding)
        loaded = outcome(lambda: read_article(folder, Path(root), {}), "content/articles/a/repairs.toml")
    if loaded:
        repairs = loaded[0].repairs
        assert len(repairs) == len(entries)
        assert all(isinstance(r.get("line", 0), int) and isinstance(r.get("find", ""), str) for r in repairs)


@SETTINGS
@given(key_lines(["title", "description", "site_url", "glossary", "extra"]),
       key_lines(["pinyin", "translation", "script", "tones", "sandhi", "traditional", "other"]), st.sampled_from(ENCODINGS))
def test_any_site_toml_loads_or_names_a_place(top, reader, encoding):
    with tempfile.TemporaryDirectory() as root:
        content = Path(root) / "content"
        content.mkdir()
        write(content / "site.toml", "\n".join([*top, "[reader]", *reader]) + "\n", encoding)
        config = outcome(lambda: load_config(content, "content/site.toml"), "content/site.toml")
    if config:
        assert all(isinstance(getattr(config, k), str) for k in ("title", "description", "site_url"))
        assert config.site_url == "" or config.site_url.lower().startswith(("http://", "https://"))
        assert all(isinstance(name, str) and ".." not in name for name in config.glossary)


GLOSSARY_LAYOUTS = st.sampled_from(["[[term]]", "[[ term ]]", "[[term]] # note", '[["term"]]', "[[term]]\t# [[term]]",
                                    "  [[term]]"])
TERMS = [("ganbu", "干部", "gàn bù"), ("zuofeng", "作风", "zuò fēng"), ("baotou", "包头", "Bāo tóu"),
         ("liang", "量", "liàng"), ("juzhang", "局长", "jú zhǎng")]


@SETTINGS
@given(st.lists(st.tuples(GLOSSARY_LAYOUTS, st.booleans(), comments), min_size=1, max_size=5),
       st.sampled_from(["\n", "\r\n"]), st.sampled_from(["utf-8", "utf-8-sig"]))
def test_valid_glossaries_in_any_layout_keep_every_entry_at_its_line(layouts, ending, encoding):
    lines, starts = ["# glossary", ""], []
    for (header, header_in_string, comment), (id_, han, pinyin) in zip(layouts, TERMS):
        starts.append(len("\n".join(lines).split("\n")) + 1)  # items may hold line breaks
        explanation = '"""\n[[term]]\n"""' if header_in_string else '"x"'
        lines += [header, f'id = "{id_}"{comment}', f'simplified = "{han}"', f"traditional = '{han}'",
                  f'pinyin = "{pinyin}"', 'literal = "l"', 'english = "e"', f"explanation = {explanation}",
                  'category = "party"', 'related = [\n  # none\n]', ""]
    with tempfile.TemporaryDirectory() as root:
        path = Path(root) / "g.toml"
        write(path, ending.join("\n".join(lines).split("\n")), encoding)
        glossary = load_glossary(path, "g.toml")
        assert [e.id for e in glossary.entries] == [t[0] for t in TERMS[:len(layouts)]]
        path.write_text(path.read_text(encoding="utf-8-sig").replace('"Bāo tóu"', '"Bāo"'), encoding="utf-8")
        if len(layouts) > 2:  # the third entry's error names the third header's line
            with pytest.raises(ContentError, match=rf"^g.toml:{starts[2]}:\d+: error: pinyin 'Bāo'"):
                load_glossary(path, "g.toml")


HEADER_FORMS = ["[[{}]]", "[[ {} ]]", "[[{}]] # note", "[[{}]]\t# [[x]]", "  [[{}]]"]


@SETTINGS
@given(key_lines(["k", "title", "v"]),
       st.lists(st.tuples(st.sampled_from(["term", "repair", '"a b"', "'x.y'"]), st.sampled_from(HEADER_FORMS),
                          key_lines(["id", "k", '"q"'])), max_size=6))
def test_the_structure_scan_finds_every_header_tomllib_finds(top, sections):
    lines, headers = [*top], []
    for name, form, body in sections:
        lines.append(form.format(name))
        headers.append((tomllib.loads(f"{name} = 1").popitem()[0], len("\n".join(lines).split("\n"))))
        lines += body
    text = "\n".join(lines) + "\n"
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assume(False)
    doc = parse_toml(text, "f.toml")  # raises, and fails the test, if the scan disagrees with tomllib
    seen: dict[str, int] = {}
    for name, line in headers:
        assert doc.place(name, seen.setdefault(name, 0)).line == line
        seen[name] += 1
