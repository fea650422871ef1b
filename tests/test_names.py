"""Proper names (issue #16): one table per class, through the real libraries (jieba,
CC-CEDICT and the built-in lexicon as jiedu loads them), and the pure parts with fakes."""

import pytest

from jiedu.lexicon.propernames import NAME, PERSON, ProperNames, abbreviations, name_words, title_case, word_capitals
from jiedu.model import Block, Word
from jiedu.pipeline import annotate_line
from jiedu.stages.propernames import capitalise, join_names, split_names, with_capitals


def shown(block: Block) -> list[str]:
    """Each Han word as its syllables joined, 'Xí Jìn píng'."""
    return [" ".join(w.pinyin) for w in block.words if w.pinyin]


def word_of(resources, text: str, name: str) -> str:
    """The syllables of the word (or consecutive words) that make up `name` in `text`."""
    block, position, found = annotate_line(text, resources), 0, []
    for word in block.words:
        if position >= text.index(name) and position + len(word.text) <= text.index(name) + len(name):
            found.append(" ".join(word.pinyin))
        position += len(word.text)
    return " | ".join(found)


@pytest.mark.parametrize("text, name, expected", [
    # people the lexicon knows: whole, surname and given name capitalised (also a glossary term's pinyin)
    ("習近平會見栗戰書。", "習近平", "Xí Jìn píng"),
    ("習近平會見栗戰書。", "栗戰書", "Lì Zhàn shū"),
    ("委員李作成、黃坤明出席。", "李作成", "Lǐ Zuò chéng"),
    ("委員李作成、黃坤明出席。", "黃坤明", "Huáng Kūn míng"),
    ("汪洋出席会议", "汪洋", "Wāng Yáng"),
    ("周恩來總理", "周恩來", "Zhōu Ēn lái"),
    # transliterated foreign names: one capital
    ("史達林與馬克思", "馬克思", "Mǎ kè sī"),
    ("赫魯雪夫訪華", "赫魯雪夫", "Hè lǔ xuě fū"),
    # places and organisations: a capital on each word, abbreviations one word
    ("中華人民共和國成立", "中華人民共和國", "Zhōng huá Rén mín Gòng hé guó"),
    ("中共中央決定", "中共中央", "Zhōng gòng Zhōng yāng"),
    ("中共的領導", "中共", "Zhōng gòng"),
    ("中央政治局的決定", "中央政治局", "Zhōng yāng Zhèng zhì jú"),
    ("中央紀律檢查委員會書記", "中央紀律檢查委員會", "Zhōng yāng Jì lǜ Jiǎn chá Wěi yuán huì"),
    ("河北省撫寧縣", "撫寧縣", "Fǔ níng Xiàn"),
    ("香港特別行政區政府", "香港特別行政區", "Xiāng gǎng Tè bié Xíng zhèng qū"),
    # a name glued to the word after it comes apart (a glossary term stays whole: 廬山會議 is one)
    ("中華人民共和國憲法規定", "中華人民共和國", "Zhōng huá Rén mín Gòng hé guó"),
])
def test_names_through_the_pipeline(resources, text, name, expected):
    assert word_of(resources, text, name) == expected


@pytest.mark.parametrize("text", [
    "外國投資", "兩國關係", "他回國了", "建國以來",  # 國-words jieba tags ns
    "公正的審判", "宝贵的经验", "新年贺词",  # common words jieba tags nr
    "党员干部",  # CC-CEDICT capitalises 党员 nowhere; jieba's nr guesses stay lower case
])
def test_ordinary_words_never_capitalised(resources, text):
    assert not any(s[:1].isupper() for s in " ".join(shown(annotate_line(text, resources))).split())


def test_a_glossary_terms_own_capitals_stay():
    """A term no name list knows keeps its glossary's pinyin (the lexicon's 共产党员 is
    written Gòng chǎn dǎng yuán there): the glossary is what a person edits."""
    block = Block("paragraph", "共产党员", "共產黨員", "共产党员", 0,
                  words=(Word("共产党员", "共產黨員", ("Gòng", "chǎn", "dǎng", "yuán"), "gong-chan-dang-yuan", "term"),))
    assert capitalise(block, NAMES, None) == block


def test_unknown_personal_name_still_capitalised(resources):
    assert shown(annotate_line("李长清感受颇深", resources))[0] == "Lǐ Cháng qīng"


# The pure parts, with fakes.
NAMES = ProperNames({"栗战书": (PERSON, frozenset({0, 1})), "庐山": (NAME, frozenset({0}))})


def words(*pairs: str) -> tuple[Word, ...]:
    return tuple(Word(text, text, tag=tag) for text, tag in (pair.split("/") for pair in pairs))


def test_join_names_joins_known_names_only():
    joined = join_names(words("见/v", "栗/nr", "战书/n", "和/c"), NAMES)
    assert [(w.text, w.tag) for w in joined] == [("见", "v"), ("栗战书", "nr"), ("和", "c")]


def test_an_override_is_never_joined_a_term_inside_a_name_is():
    parts = (Word("栗", "栗", tag="nr"), Word("战书", "战书", tag="override"))
    assert join_names(parts, NAMES) == parts
    parts = (Word("栗", "栗", tag="nr"), Word("战书", "战书", tag="term"))
    assert [w.text for w in join_names(parts, NAMES)] == ["栗战书"]


def test_split_names_splits_a_leading_name_off_a_known_word():
    block = Block("paragraph", "庐山会议", "庐山会议", "庐山会议", 0, words=words("庐山会议/nz"))
    assert [w.text for w in split_names(block, NAMES, {"会议"}).words] == ["庐山", "会议"]
    assert [w.text for w in split_names(block, NAMES, set()).words] == ["庐山会议"]


def test_capitalise_lowers_what_is_no_name():
    block = Block("paragraph", "外国", "外國", "外国", 0, words=(Word("外国", "外國", ("Wài", "guó"), tag="ns"),))
    fake_cedict = type("Cedict", (), {"by_simplified": {"外国": (("外國", "外国", "wài guó", "foreign"),)}})()
    assert capitalise(block, NAMES, fake_cedict).words[0].pinyin == ("wài", "guó")


@pytest.mark.parametrize("syllables, capitals, expected", [
    (("xí", "jìn", "píng"), {0, 1}, ("Xí", "Jìn", "píng")),
    (("Wài", "guó"), set(), ("wài", "guó")),
])
def test_with_capitals(syllables, capitals, expected):
    assert with_capitals(syllables, frozenset(capitals)) == expected


def test_abbreviations_one_word():
    names = {"中共": (NAME, frozenset({0, 1}))}
    assert abbreviations("中共中央", NAME, frozenset({0, 1, 2}), names) == {0, 2}
    assert abbreviations("中共", NAME, frozenset({0, 1}), names) == {0}
    assert abbreviations("朱德", PERSON, frozenset({0, 1}), names) == {0, 1}


def test_name_words_and_their_capitals():
    known = {"中央", "政治局", "纪律", "检查", "委员会", "纪律检查", "抚宁"}
    assert name_words("中央纪律检查委员会", known) == ["中央", "纪律", "检查", "委员会"]
    assert word_capitals("中央政治局", known) == {0, 2}
    assert word_capitals("抚宁县", known) == {0, 2}
    assert word_capitals("哈萨克斯坦", {"哈萨克"}) == {0}  # a piece of one character: one word


@pytest.mark.parametrize("english, expected", [
    ("Election Committee", True), ("Political Bureau of the CPC Central Committee", True),
    ("Hong Kong people administering Hong Kong", False), ("", False),
])
def test_title_case(english, expected):
    assert title_case(english) == expected
