"""The built-in political lexicon (jiedu/data/lexicon/*.toml): every file parses, every entry
is complete and consistent, and the generated families file is what its script makes."""

import importlib.util
import re
import tomllib
from pathlib import Path

import opencc
import pytest

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "jiedu" / "data" / "lexicon"
FILES = sorted(LEXICON.glob("*.toml"))
FIELDS = ("simplified", "traditional", "pinyin", "english", "english_source", "literal", "category",
          "explanation", "related")
CATEGORIES = {"institution", "office", "meeting", "document", "slogan", "policy", "economy",
              "hk-macau-taiwan", "discipline", "idiom", "person", "diplomacy", "military", "history", "concept"}
SOURCES = {"official", "cedict", "own"}
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
SYLLABLE = re.compile(r"^[A-Za-zÜüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ]+$")


def entries() -> list[tuple[str, dict]]:
    return [(path.name, term) for path in FILES
            for term in tomllib.loads(path.read_text(encoding="utf-8")).get("term", [])]


ENTRIES = entries()


def test_there_are_files_and_entries():
    assert {"families.toml", "people.toml", "hk-macau-taiwan.toml"} <= {p.name for p in FILES}
    assert len(ENTRIES) > 600


def test_every_category_has_a_heading_on_the_glossary_page():
    from jiedu.lexicon.glossary import CATEGORIES as HEADINGS

    assert CATEGORIES <= set(HEADINGS)
    assert {term["category"] for _, term in ENTRIES} <= set(HEADINGS)


def test_each_file_states_its_licence():
    for path in FILES:
        head = path.read_text(encoding="utf-8")[:3000]
        assert "CC-CEDICT" in head and "CC BY-SA 4.0" in head, path.name


@pytest.mark.parametrize("name,term", ENTRIES, ids=[t["simplified"] for _, t in ENTRIES])
def test_entry_is_complete_and_consistent(name, term):
    empty = [f for f in FIELDS if f != "related" and not str(term.get(f, "")).strip()]
    assert not empty, f"{name}: {term['simplified']} lacks {empty}"
    assert isinstance(term["related"], list)
    assert term["category"] in CATEGORIES
    assert term["english_source"] in SOURCES
    syllables = term["pinyin"].split(" ")
    assert len(syllables) == len(HAN.findall(term["simplified"])), term["pinyin"]
    assert all(SYLLABLE.match(s) for s in syllables), term["pinyin"]
    assert HAN.fullmatch(term["simplified"][0]) and HAN.fullmatch(term["simplified"][-1])
    if term["category"] == "person":
        assert term.get("role", "").strip(), f"{term['simplified']} lacks a role"
    assert name != "families.toml" or term["category"] in {"meeting", "document", "institution"}


def test_no_simplified_form_is_defined_twice():
    seen: dict[str, str] = {}
    for name, term in ENTRIES:
        assert term["simplified"] not in seen, f"{term['simplified']} in {seen.get(term['simplified'])} and {name}"
        seen[term["simplified"]] = name


def test_related_entries_exist_and_are_not_the_entry_itself():
    known = {term["simplified"] for _, term in ENTRIES}
    missing = [(t["simplified"], r) for _, t in ENTRIES for r in t["related"] if r not in known or r == t["simplified"]]
    assert not missing


def test_traditional_converts_back_to_simplified():
    to_simplified = opencc.OpenCC("t2s").convert
    wrong = [(t["simplified"], t["traditional"]) for _, t in ENTRIES if to_simplified(t["traditional"]) != t["simplified"]]
    assert not wrong


def test_families_file_is_what_the_script_generates():
    spec = importlib.util.spec_from_file_location("lexicon_families", ROOT / "bench" / "lexicon_families.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert (LEXICON / "families.toml").read_text(encoding="utf-8") == script.render()


def test_english_marked_cedict_is_cedict_text():
    """Each ';'-separated part of an English rendering credited to CC-CEDICT is one of its senses
    for that headword (so the credit, and the CC BY-SA notice, mean something)."""
    from jiedu.lexicon.dictionary import read_rows
    senses: dict[str, set[str]] = {}
    for _, simplified, _, text in read_rows():
        senses.setdefault(simplified, set()).update(s.strip() for s in re.split(r"[/;]", text))
    wrong = [(t["simplified"], part) for _, t in ENTRIES if t["english_source"] == "cedict"
             for part in t["english"].split("; ") if part not in senses.get(t["simplified"], ())]
    assert not wrong
