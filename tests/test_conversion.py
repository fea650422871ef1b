"""jiedu.engines.conversion converts exactly as opencc-python-reimplemented's `OpenCC.convert`,
for t2s and s2t: on OpenCC's own test cases, the seed article, 2,000 CPP sentences
(as they are and in Traditional) and made-up strings mixing phrases, common and rare
Han, separators and Latin."""

import csv
from pathlib import Path

import opencc
import pytest
from conftest import CONTENT, ROOT
from hypothesis import given, settings, strategies as st

from jiedu.engines.conversion import SEPARATORS, convert_text, opencc_chains, read_dictionary

CONFIGS = ("t2s", "s2t")
OPENCC_CASES = sorted((ROOT / "tests" / "data" / "opencc-by-config").glob("*.tsv"))  # in the project: CI has no shared/


@pytest.fixture(scope="module")
def chains() -> dict:
    return opencc_chains(None)


@pytest.fixture(scope="module")
def reference() -> dict:
    return {config: opencc.OpenCC(config).convert for config in CONFIGS}


def assert_same(chains, reference, texts) -> None:
    for config in CONFIGS:
        differing = [text for text in texts if convert_text(chains[config], text) != reference[config](text)]
        assert differing == [], config


def test_opencc_test_case_inputs(chains, reference):
    texts = []
    for path in OPENCC_CASES:
        with path.open(encoding="utf-8", newline="") as file:
            texts += [row[1] for row in list(csv.reader(file, delimiter="\t"))[1:]]
    assert len(texts) > 100
    assert_same(chains, reference, texts)


def test_seed_articles(chains, reference):
    texts = [path.read_text(encoding="utf-8") for path in sorted(CONTENT.glob("articles/*/source*.txt"))]
    assert texts
    assert_same(chains, reference, texts + [reference["t2s"](text) for text in texts])


def test_cpp_sentences_simplified_and_traditional(chains, reference):
    text = (ROOT / "bench" / "data" / "cpp" / "dev.sent").read_text(encoding="utf-8").replace("\u2581", "")
    sentences = text.splitlines()[:2000]
    assert_same(chains, reference, sentences + [reference["s2t"](s) for s in sentences])


def test_separators_in_keys_are_dropped():
    folder = Path(opencc.__file__).parent / "dictionary"
    table, _, _ = read_dictionary(folder / "STPhrases.txt")
    assert "乔治．布希" not in table and not any(SEPARATORS.search(key) for key in table)


def dictionary_keys(name: str) -> list[str]:
    lines = (Path(opencc.__file__).parent / "dictionary" / name).read_text(encoding="utf-8").splitlines()
    return sorted(line.split("\t")[0] for line in lines)


PHRASES = dictionary_keys("TSPhrases.txt") + dictionary_keys("STPhrases.txt")[::20]
COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会发年动同工也能下过子說產種面後發乾"
KEYS_BY_FIRST = {}
for key in PHRASES:
    KEYS_BY_FIRST.setdefault(key[0], []).append(key)
# Two keys sharing a character (一丝 + 丝不挂 -> 一丝不挂...): which one is kept tells
# OpenCC's longest-first choice from a left-to-right longest match.
OVERLAPPING = st.sampled_from(PHRASES).flatmap(
    lambda key: st.sampled_from(KEYS_BY_FIRST.get(key[-1], [key[-1]])).map(lambda after: key + after[1:]))
PIECES = st.one_of(
    st.sampled_from(PHRASES),
    OVERLAPPING,
    st.sampled_from(PHRASES).map(lambda key: key[1:]),
    st.sampled_from(COMMON),
    st.characters(min_codepoint=0x3400, max_codepoint=0x9FFF),  # rare Han, Extension A too
    st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),  # Extension B
    st.sampled_from(list("，。、；：？！…“”‘’《》（）—－．. -,?!*\n\t　")),
    st.text("abcXYZ019", min_size=1, max_size=4),
)


@settings(max_examples=1200, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_made_up_strings(chains, reference, text):
    assert_same(chains, reference, [text])


OTHER_CONFIGS = ("hk2s", "s2hk", "s2tw", "s2twp", "t2hk", "t2tw", "tw2s", "tw2sp")


def test_other_configs_several_groups_and_dictionaries():
    """jiedu uses t2s and s2t (one group of phrases then characters); these take the
    general path: groups in turn, groups of three dictionaries (tw2sp)."""
    chains = opencc_chains(None, OTHER_CONFIGS)
    text = (ROOT / "bench" / "data" / "cpp" / "dev.sent").read_text(encoding="utf-8").replace("\u2581", "")
    sentences = text.splitlines()[:200]
    texts = sentences + [opencc.OpenCC("s2t").convert(s) for s in sentences]
    for config in OTHER_CONFIGS:
        theirs = opencc.OpenCC(config).convert
        assert [text for text in texts if convert_text(chains[config], text) != theirs(text)] == [], config
