"""One reading per word per article (stages/consistency.py): table tests on hand-built
blocks, then the pipeline's annotate stage end to end."""

import pytest

from jiedu.model import Block, Section, Source, Word
from jiedu.pipeline import Draft, Tools, run
from jiedu.stages.annotate import with_sandhi
from jiedu.stages.consistency import decided, unify_readings, uses_of_words, with_changes


def block(*specs: str) -> Block:
    """A block from `text=syl syl` specs; `text` alone has no pinyin; a `*` ends a glossary term."""
    words = []
    for spec in specs:
        text, _, pinyin = spec.partition("=")
        term = "t" if pinyin.endswith("*") else None
        words.append(Word(text, text, tuple(pinyin.rstrip("*").split()), term))
    text = "".join(w.text for w in words)
    return Block("paragraph", text, 0, text, text, tuple(words))


def free(*blocks: Block) -> tuple[tuple[bool, ...], ...]:
    return tuple((True,) * len(b.words) for b in blocks)


def no_dictionary(word: str):
    return ()


def test_uses_of_words_takes_words_of_two_syllables_not_terms():
    blocks = (block("为=wèi", "拚命=pàn mìng", "，"), block("拚命=pīn mìng", "干部=gàn bù*"))
    assert uses_of_words(blocks) == {"拚命": [(0, 1), (1, 0)]}


@pytest.mark.parametrize("readings, dictionary, expected", [
    ([("a", "b"), ("c", "b"), ("c", "b")], (), ("c", "b")),       # the majority
    ([("a", "b"), ("c", "b")], (("c", "b"),), ("c", "b")),         # a tie: the dictionary's
    ([("a", "b"), ("c", "b")], (("x", "y"), ("c", "b"), ("a", "b")), ("c", "b")),  # the first preferred among them
    ([("a", "b"), ("c", "b")], (("x", "y"),), ("a", "b")),         # none among them: the first use's
    ([("a", "b"), ("c", "b"), ("c", "b")], (("a", "b"),), ("c", "b")),  # no tie: the dictionary does not overrule
])
def test_decided(readings, dictionary, expected):
    assert decided(readings, dictionary) == expected


@pytest.mark.parametrize("blocks, flags, expected", [
    # Two uses against one: the third follows.
    ((block("拚命=pàn mìng"), block("他", "拚命=pīn mìng"), block("拚命=pīn mìng")), None, {(0, 0): ("pīn", "mìng")}),
    # Read alike everywhere: nothing to do.
    ((block("银行=yín háng"), block("银行=yín háng")), None, {}),
    # Single characters read by context are never unified.
    ((block("为=wèi"), block("为=wéi"), block("为=wéi")), None, {}),
    # A rule (or the table, or an override) set one of them: the rules separate them.
    ((block("拚命=pàn mìng"), block("拚命=pīn mìng"), block("拚命=pīn mìng")), ((False,), (True,), (True,)), {}),
])
def test_unify_readings(blocks, flags, expected):
    assert unify_readings(blocks, flags or free(*blocks), no_dictionary) == expected


def test_unify_readings_tie_goes_to_the_dictionary():
    blocks = (block("拚命=pàn mìng"), block("拚命=pīn mìng"))
    dictionary = {"拚命": (("pīn", "mìng"),)}
    assert unify_readings(blocks, free(*blocks), lambda word: dictionary.get(word, ())) == {(0, 0): ("pīn", "mìng")}


def test_dictionary_readings_put_cc_cedict_first(resources):
    from jiedu.stages.annotate import dictionary_readings

    assert dictionary_readings(resources.reader, "落差") == (("luò", "chā"), ("luò", "chà"))
    assert dictionary_readings(resources.reader, "长柄") == (("cháng", "bǐng"),)


def test_with_changes_redoes_sandhi():
    blocks = (block("不=bù", "便宜=pián yí"), block("好=hǎo"))
    changed = with_changes(with_changes(blocks, {(0, 1): ("pián", "yí")}, with_sandhi), {(0, 1): ("biàn", "yì")},
                           with_sandhi)
    assert changed[0].words[1].pinyin == ("biàn", "yì")
    assert changed[0].words[0].sandhi == ("bú",)    # bù before a fourth tone
    assert changed[1] is blocks[1]


def article(resources, *lines: str) -> tuple[Block, ...]:
    sections = tuple(Section("paragraph", line, 0) for line in lines)
    draft = Draft(source=Source("-", "-", "\n".join(lines), "utf-8", {}), sections=sections)
    return run(draft, Tools(resources), first="convert", last="annotate").blocks


def test_an_article_reads_a_word_one_way(resources):
    """Each line alone may differ; in one article every free use of a word reads alike,
    and single characters keep their own readings (为 wéi and wèi)."""
    blocks = article(resources, "他为我们工作，行为规范。", "银行行长说，他的行为正常。", "转化为动力")
    readings = {}
    for b in blocks:
        for w in b.words:
            if len(w.pinyin) > 1:
                readings.setdefault(w.text, set()).add(w.pinyin)
    assert all(len(r) == 1 for r in readings.values()), readings
    wei = {w.pinyin for b in blocks for w in b.words if w.text == "为"}
    assert wei == {("wèi",), ("wéi",)}
