"""The reading stage: the batched polyphone model and how it is weighed against dictionaries."""

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from jiedu.reading.runs import cut_at_runs
from jiedu.syllables import numbered_to_marked, toneless
from jiedu.text import HAN_RUN


@pytest.mark.parametrize("numbered, marked", [
    ("hang2", "háng"), ("zhang3", "zhǎng"), ("lu:4", "lǜ"), ("nu:e4", "nüè"), ("le5", "le"),
    ("gou3", "gǒu"), ("xiong1", "xiōng"), ("hui4", "huì"), ("liu2", "liú"), ("r5", "r"), ("er2", "ér"),
])
def test_numbered_to_marked(numbered, marked):
    assert numbered_to_marked(numbered) == marked
    assert toneless(marked) == numbered[:-1].replace("u:", "ü")


SENTENCES = ["银行行长在重庆朝天门", "他了解这个行业的情况", "为人民服务", "长江很长", "干部要干实事"]


def test_batched_model_agrees_with_g2pm_itself(resources):
    """Our float32, batched, unmasked BiLSTM must predict what g2pM's own code predicts."""
    from g2pM import G2pM

    original = G2pM()
    model = resources.reader.model
    targets = [[i for i, c in enumerate(s) if model.is_polyphone(c)] for s in SENTENCES]
    ours = model.probabilities(SENTENCES, targets)
    for sentence, indexes, dists in zip(SENTENCES, targets, ours):
        theirs = original(sentence, char_split=True)
        for index, dist in zip(indexes, dists):
            assert max(dist, key=dist.get) == numbered_to_marked(theirs[index]), (sentence, index)
            assert abs(sum(dist.values()) - 1) < 1e-5


def test_batching_does_not_change_probabilities(resources):
    model = resources.reader.model
    targets = [[i for i, c in enumerate(s) if model.is_polyphone(c)] for s in SENTENCES]
    together = model.probabilities(SENTENCES, targets)
    alone = [model.probabilities([s], [t])[0] for s, t in zip(SENTENCES, targets)]
    for a, b in zip(together, alone):
        for da, db in zip(a, b):
            assert np.allclose([da[k] for k in sorted(da)], [db[k] for k in sorted(db)], atol=1e-5)


@pytest.mark.parametrize("text, expected", [
    ("银行行长在重庆朝天门", "yín háng háng zhǎng zài chóng qìng cháo tiān mén"),
    ("我们了解情况", "wǒ men liǎo jiě qíng kuàng"),          # common word: the dictionary wins
    ("充分发挥作用", "chōng fèn fā huī zuò yòng"),            # a word made of known phrases
    ("项目的前期手续", "xiàng mù de qián qī shǒu xù"),        # not 目的 mù dì across words
    ("优质的服务", "yōu zhì de fú wù"),
    ("长江很长", "cháng jiāng hěn cháng"),
])
def test_reader_on_everyday_text(resources, text, expected):
    assert " ".join(resources.reader.read(text)) == expected


def test_reader_uses_the_callers_words(resources):
    reader = resources.reader
    assert reader.read("项目的", ["项目", "的"])[2] == "de"
    assert reader.read("项目的", ["项", "目的"])[2] == "dì"   # the words decide the phrase
    assert reader.read("AB长江12", ["AB", "长江", "12"]) == ["", "", "cháng", "jiāng", "", ""]


def test_reader_without_a_model_falls_back_to_dictionaries(resources):
    from dataclasses import replace

    plain = replace(resources.reader, model=None)
    assert plain.read("银行行长") == ["yín", "háng", "háng", "zhǎng"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="中国人民行长a1，。 ", min_size=1, max_size=6), max_size=12))
def test_words_are_cut_at_each_han_run_in_one_pass(words):
    """The caller's words, cut at the edges of each Han run, as a slow per-run scan gives them."""
    text = "".join(words)
    runs = list(HAN_RUN.finditer(text))
    slow = []
    for run in runs:
        pieces, offset = [], 0
        for word in words:
            start, end = max(offset, run.start()), min(offset + len(word), run.end())
            if start < end:
                pieces.append(word[start - offset:end - offset])
            offset += len(word)
        slow.append(pieces)
    assert cut_at_runs(runs, words) == slow


def test_window_index_is_cached_per_code_version(tmp_path):
    """Built once, then read back equal from the user cache; an earlier version's file goes."""
    from jiedu.resources import cached_windows
    from jiedu.reading.weighing import window_index

    phrases = {"银行行长": [["yín"], ["háng"], ["háng"], ["zhǎng"]], "行长": [["háng"], ["zhǎng"]]}
    cedict = {"行长": (("行長", "行长", "hang2 zhang3"),)}
    (tmp_path / "windows-0000000000000000.marshal").write_bytes(b"stale")
    built = cached_windows(tmp_path, phrases, cedict)
    assert built == window_index(phrases, cedict) and built["银行"] is None
    assert [p.name for p in tmp_path.glob("windows-*.marshal")] != ["windows-0000000000000000.marshal"]
    assert len(list(tmp_path.glob("windows-*.marshal"))) == 1
    assert cached_windows(tmp_path, {}, {}) == built  # read back, not rebuilt from these empty tables


def test_pypinyin_dictionaries_are_pypinyins_own_and_cached(tmp_path):
    """Read from the JSON pypinyin ships (without importing pypinyin, whose import builds
    a global segmenter), they equal pypinyin.constants' dictionaries; then from the cache."""
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    from jiedu.resources import pypinyin_dictionaries

    phrases, characters = pypinyin_dictionaries(tmp_path)
    assert phrases == PHRASES_DICT and characters == PINYIN_DICT and characters[ord("行")].startswith("xíng")
    assert len(list(tmp_path.glob("pypinyin-*.marshal"))) == 1
    assert pypinyin_dictionaries(tmp_path) == (phrases, characters)


def test_workers_load_resources_without_importing_pypinyin_or_pkg_resources():
    """A worker's start is the edited-article rebuild's cost: neither import is needed."""
    import subprocess
    import sys

    code = ("import sys; from jiedu.resources import load_resources; load_resources(None); "
            "print(sorted(m for m in ('pypinyin', 'pkg_resources') if m in sys.modules))")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert shown.strip() == "[]"


@pytest.mark.parametrize("run, index, keys", [
    ("参将", 1, ["将<参"]),
    ("将军", 0, ["将>军"]),
    ("大将军", 1, ["将<大", "将>军"]),
    ("将", 0, []),
])
def test_neighbour_keys_stay_inside_the_run(run, index, keys):
    from jiedu.reading.collocations import neighbour_keys

    assert neighbour_keys(run, index) == keys


def test_collocation_table_parses_and_rejects_malformed_rows():
    from jiedu.reading.collocations import add_collocations, parse_collocations

    table = parse_collocations("# comment\n将\tjiàng\t<参\t2.1\n将\tjiāng\t<参\t-2.0\n")
    assert table == {"将<参": {"jiàng": 2.1, "jiāng": -2.0}}
    assert add_collocations({"jiāng": 1.0, "jiàng": 0.0}, table, "参将", 1) == {"jiāng": -1.0, "jiàng": 2.1}
    with pytest.raises(ValueError):
        parse_collocations("将\tjiàng\t参\t2.1\n")


def test_shipped_collocations_load_and_are_used(resources):
    """The learned table ships, the reader gets it, and its weights move close choices."""
    from dataclasses import replace

    from jiedu.reading.collocations import load_collocations

    table = load_collocations()
    assert len(table) > 100 and resources.reader.collocations == table
    assert all(len(key) == 3 and key[1] in "<>" for key in table)
    reader = resources.reader
    without = replace(reader, collocations={})
    # (笼罩 was a third case: the two dictionaries' agreement now settles it, table or not.)
    for text, index, before, after in [("主要来自划船", 4, "huà", "huá"), ("再次弄干", 2, "lòng", "nòng")]:
        assert (without.read(text)[index], reader.read(text)[index]) == (before, after), text
    assert without.read("风暴笼罩着世界")[2] == reader.read("风暴笼罩着世界")[2] == "lǒng"
    # A pushed weight moves a choice the dictionaries leave open (长江 they settle: cháng).
    pushed = replace(reader, collocations={"长>桥": {"zhǎng": 50.0}, "长>江": {"zhǎng": 50.0}})
    assert pushed.read("长桥")[0] == "zhǎng" and reader.read("长桥")[0] == "cháng"
    assert pushed.read("长江")[0] == "cháng"


def test_window_index_kept_to_polyphones_reads_as_the_whole_index(resources, seed_article):
    """Support is asked for at polyphones only, so the smaller index a worker loads gives
    the same readings as every dictionary word would, on CPP sentences and the seed."""
    from dataclasses import replace

    from jiedu.reading.weighing import window_index

    reader = resources.reader
    whole = window_index(reader.phrases, reader.cedict)
    assert len(reader.windows) < 0.7 * len(whole)
    sentences = (Path(__file__).parent.parent / "bench" / "data" / "cpp" / "dev.sent").read_text(encoding="utf-8").splitlines()[:1500]
    texts = [s.replace("\u2581", "") for s in sentences] + [b.text for b in seed_article.blocks]
    assert replace(reader, windows=whole).read_texts(texts) == reader.read_texts(texts)


@pytest.mark.parametrize("word, expected", [
    ("曾国藩", ("zēng", "guó", "fān")),  # pypinyin's phrase
    ("缪斯", ("miù", "sī")),
    ("朴槿惠", ("piáo", "jǐn", "huì")),  # CC-CEDICT's only
    ("单田芳", None),
])
def test_whole_word_reading_from_the_dictionaries(resources, word, expected):
    assert resources.reader.whole_word_reading(word) == expected


class FakeModel:
    polyphones = frozenset("拚踏")
    readings = {"拚": ["pàn", "pīn"], "踏": ["tà", "tā"]}

    def candidates(self, char):
        return self.readings[char]


@pytest.mark.parametrize("word, rows, expected", [
    # A word CC-CEDICT lists only as another's spelling, one character apart: both readings.
    ("拚命", [("拚命", "拚命", "pàn mìng", "see 拼命[pin1 ming4]")], (("pàn", "mìng"), ("pīn", "mìng"))),
    ("拚命", [("拚命", "拚命", "pàn mìng", "variant of 拚命|拼命[pin1 ming4]")], (("pàn", "mìng"), ("pīn", "mìng"))),
    # Not a reading of the character (鳍 is never jì), or more than one character apart, or a real entry.
    ("白鳍豚", [("白鳍豚", "白鰭豚", "bái qí tún", "see 白鱀豚[bai2 ji4 tun2]")], (("bái", "qí", "tún"),)),
    ("拚命", [("拚命", "拚命", "pàn mìng", "see 拼死[pin1 si3]")], (("pàn", "mìng"),)),
    ("拚命", [("拚命", "拚命", "pàn mìng", "to risk one's life; see 拼命[pin1 ming4]")], (("pàn", "mìng"),)),
])
def test_agreed_readings(word, rows, expected):
    from jiedu.reading.weighing import agreed_readings

    assert agreed_readings(word, rows, FakeModel()) == expected
