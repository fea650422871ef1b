"""Names no list knows and organisations built from generic parts (issue #16, round 2):
one table per class through the real libraries (jieba, CC-CEDICT, the surname table), and
the pure parts with fakes."""

import pytest

from jiedu.lexicon.propernames import PERSON, ProperNames, load_surnames
from jiedu.model import Block, Word
from jiedu.pipeline import annotate_line
from jiedu.stages.jiebawords import kept_whole, split_day
from jiedu.stages.organisations import ORG_TAG, organisations
from jiedu.stages.people import GIVEN_TAG, people

from jiedu.resources import load_resources
from test_names import shown, word_of


@pytest.fixture(scope="module")
def bare():
    """The resources as bench/any_article.py builds them, with no glossary: a glossary term
    keeps its own boundaries and pinyin (政治生态, 省委 are the seed glossary's terms)."""
    return load_resources(None)


@pytest.mark.parametrize("text, name, expected", [
    # an item of a list of names (most of its items names already)
    ("王鴻津、白少康、劉金國、李書磊出席", "白少康", "Bái Shào kāng"),
    ("姜信治、駱源、徐令義、淩激、崔鵬", "駱源", "Luò Yuán"),
    ("姜信治、駱源、徐令義、淩激、崔鵬", "淩激", "Líng Jī"),
    # a title next to it
    ("記者白少康報道", "白少康", "Bái Shào kāng"),
    ("記者王建國報道", "王建國", "Wáng Jiàn guó"),  # a given name that is a word, by its cue
    # once whole, whole everywhere in the text
    ("王鴻津、白少康、劉金國。白少康說", "白少康說", "Bái Shào kāng | shuō"),
])
def test_unknown_people_found_by_their_cues(resources, text, name, expected):
    assert word_of(resources, text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    ("中央土地改革委員會主任", "中央土地改革委員會", "Zhōng yāng | Tǔ dì Gǎi gé | Wěi yuán huì"),
    ("並代表憲法起草委員會向大會報告", "憲法起草委員會", "Xiàn fǎ | Qǐ cǎo | Wěi yuán huì"),
    ("劉少奇在盧王莊公社", "盧王莊公社", "Lú wáng zhuāng | Gōng shè"),
    ("蘇共中央的信", "蘇共中央", "Sū gòng | Zhōng yāng"),
    ("廣東省委書記", "廣東省委", "Guǎng dōng | Shěng wěi"),
    ("北京巿委書記", "北京巿委", "Běi jīng | Fú wěi"),  # the source's 巿 for 市, joined
    ("人民出版社出版", "人民出版社", "Rén mín Chū bǎn shè"),
    ("共產國際指示蒙古人民黨", "蒙古人民黨", "Měng gǔ | Rén mín dǎng"),  # a party after a place
])
def test_organisations_from_generic_parts(bare, text, name, expected):
    assert word_of(bare, text, name) == expected


@pytest.mark.parametrize("text", [
    "他走進辦公室", "個人辦公室",  # a unit needs a name before it
    "各級黨委", "這個委員會",  # no name, no noun before the head
    "白天少見", "主席和總理",  # surname-initial single characters without the shape or a cue
    "新华社北京12月31日电",  # a day's 日 is no 日电 (NEC)
    "建设特大城市", "北方地区",  # jieba's place guesses made of common words only
    "提高高水平开放", "防治常见病", "问题的严峻性",  # compounds jieba's HMM took for persons
    "努力提高效率", "在城镇地区",  # jieba's own transliteration entries made of words
])
def test_ordinary_words_stay_lower_case(resources, text):
    """Nothing capitalised but the names the lines hold (新华社, 北京)."""
    capitals = [word for word in shown(annotate_line(text, resources)) if any(s[:1].isupper() for s in word.split())]
    assert capitals == [c for c in capitals if c.startswith(("Xīn huá", "Běi jīng"))]


@pytest.mark.parametrize("text", [
    "主席和副主席出席", "部長和副部長",  # 和|副 after a title is no name: 副 makes 副部長
    "權力都凌駕於法律", "機構獨立於三權之外",  # jieba's guesses with 于 or a numeral in the given name
    "委員和泛民議員反對",  # 和 (and) is no surname: no 和泛民, by jieba's guess or a title's cue
])
def test_no_person_glued_across_a_word(bare, text):
    assert not [word for word in shown(annotate_line(text, bare)) if word[:1].isupper()]


@pytest.mark.parametrize("text, words", [
    ("营造风清气正的政治生态", ["营造", "风清气正", "的", "政治", "生态"]),  # an idiom jieba's HMM finds
    ("出席一中全会的有", ["出席", "一中全会", "的", "有"]),  # an abbreviation jieba knows
    ("人民团结奋斗", ["人民", "团结", "奋斗"]),  # jieba's own idiom stays cut
])
def test_words_kept_whole(bare, text, words):
    assert [w.text for w in annotate_line(text, bare).words] == words


# The pure parts, with fakes.
def block(*pairs: str) -> Block:
    words = tuple(Word(t, t, tag=tag) for t, tag in (pair.split("/") for pair in pairs))
    text = "".join(w.text for w in words)
    return Block("paragraph", text, text, text, 0, words=words)


NAMES = ProperNames({"王鸿津": (PERSON, frozenset({0, 1})), "刘金国": (PERSON, frozenset({0, 1})),
                     "习近平": (PERSON, frozenset({0, 1}))}, load_surnames())


def test_a_list_item_becomes_a_person_and_is_whole_elsewhere():
    first = block("王鸿津/nr", "、/x", "白/a", "少/a", "康/n", "、/x", "刘金国/nr")
    later = block("白/a", "少/a", "康/n", "说/v")
    found = people((first, later), NAMES, set())
    assert [(w.text, w.tag) for w in found[1].words] == [("白少康", "nr"), ("说", "v")]


def test_a_name_jieba_found_whole_once_is_whole_where_it_is_split():
    first = block("白少康/nr", "说/v")
    later = block("记得/v", "白/a", "少/a", "康/n")
    found = people((first, later), NAMES, set())
    assert [(w.text, w.tag) for w in found[1].words] == [("记得", "v"), ("白少康", "nr")]


def test_a_given_name_alone_is_one_word():
    text = block("习近平/nr", "说/v", "近/a", "平/a")
    assert [(w.text, w.tag) for w in people((text,), NAMES, set())[0].words][-1] == ("近平", GIVEN_TAG)


def test_no_list_no_cue_no_person():
    lone = block("白/a", "少/a", "康/n", "、/x", "好/a")
    assert people((lone,), NAMES, set())[0] == lone


def test_organisation_parts_tagged():
    tagged = organisations(block("中央/n", "财经/n", "领导小组/n", "办公室/n"), NAMES, set())
    assert [w.tag for w in tagged.words] == [ORG_TAG] * 4
    assert organisations(block("进入/v", "办公室/n"), NAMES, set()).words[1].tag == "n"


def test_kept_whole_and_split_day():
    assert kept_whole("风清气正", "i", {}) and not kept_whole("团结奋斗", "i", {"团结奋斗": 5})
    assert split_day([("日电", "j"), ("）", "x")]) == [("日", "t"), ("电", "n"), ("）", "x")]


@pytest.mark.parametrize("text, name, expected", [
    ("謝苗諾夫率軍東進", "謝苗諾夫", "Xiè miáo nuò fū"),  # jieba's transliteration (nrt), one word
    ("后來托洛茨基流亡海外", "托洛茨基", "Tuō luò cí jī"),
])
def test_transliterated_names(bare, text, name, expected):
    assert word_of(bare, text, name) == expected


@pytest.mark.parametrize("text", ["病人休克了", "保王派要復辟", "一克拉鑽石"])
def test_transliteration_tags_checked(bare, text):
    """jieba's nrt on CC-CEDICT's common words (休克, 克拉) or a short guess (保王) is none."""
    assert not [word for word in shown(annotate_line(text, bare)) if word[:1].isupper()]


@pytest.mark.parametrize("text, name, expected", [
    # official names the lexicon wrote lower case
    ("立法會今日開會", "立法會", "Lì fǎ huì"),
    ("世界貿易組織成員", "世界貿易組織", "Shì jiè Mào yì Zǔ zhī"),
    # a lexicon title (name + title) is not learnt whole: the name stands apart
    ("立法會主席梁君彥說", "立法會主席", "Lì fǎ huì | zhǔ xí"),
    # foreign names in transliteration that jieba left in pieces, after a title
    ("美國國務卿蓬佩奧今天表示", "蓬佩奧", "Péng pèi ào"),
    ("烏克蘭總統澤連斯基與俄羅斯總統會談", "澤連斯基", "Zé lián sī jī"),
    ("德國總理默克爾說", "默克爾說", "Mò kè ěr | shuō"),  # a whole transliteration takes no verb
    # CC-CEDICT's people with life years, though jieba tags them common nouns and CC-CEDICT
    # has a variant row too
    ("拿破崙在滑鐵盧戰敗", "拿破崙", "Ná pò lún"),
    ("毛主席說", "毛主席", "máo zhǔ xí"),  # ... but not a name + a title (CC-CEDICT's Máo Zhǔ xí)
    # a surname alone before a title: read and capitalised as a surname, the title apart
    ("曾主席表示", "曾主席", "Zēng | zhǔ xí"),
    ("梁議員與何議員發言", "何議員", "Hé | yì yuán"),
    ("高崗任主任", "任主任", "rèn | zhǔ rèn"),  # a verb after a name
])
def test_official_and_foreign_names(bare, text, name, expected):
    assert word_of(bare, text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a lexicon term that is a known name + a title: written apart (GB/T 16159), the name whole
    ("中央軍委主席習近平", "中央軍委主席", "Zhōng yāng Jūn wěi | zhǔ xí"),
    ("立法會主席梁君彥說", "立法會主席", "Lì fǎ huì | zhǔ xí"),
    ("廣東省委書記胡春華", "廣東省委書記", "Guǎng dōng | Shěng wěi | shū ji"),  # a local head + a title
])
def test_a_linked_name_and_title_apart(resources, text, name, expected):
    assert word_of(resources, text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a long name no dictionary has whole is its words (the gold's standard), each a name's word
    ("楊潔篪、中央財經領導小組辦公室主任", "中央財經領導小組辦公室", "Zhōng yāng | Cái jīng | Lǐng dǎo Xiǎo zǔ | Bàn gōng shì"),
    ("中央政治局常務委員會委員", "中央政治局常務委員會", "Zhōng yāng Zhèng zhì jú | Cháng wù Wěi yuán huì"),
    ("代表中共中央書記處和國務院", "代表", "dài biǎo"),  # an organisation starts at its name
    # one CC-CEDICT has whole stays one word; a place's head is capitalised only outside a word
    ("中華人民共和國成立", "中華人民共和國", "Zhōng huá Rén mín Gòng hé guó"),
    ("香港特別行政區政府", "香港特別行政區", "Xiāng gǎng | Tè bié Xíng zhèng qū"),
    ("撫寧縣", "撫寧縣", "Fǔ níng Xiàn"),
])
def test_long_names_are_their_words(bare, text, name, expected):
    assert word_of(bare, text, name) == expected


def test_a_glossary_term_inside_an_organisation_takes_its_capitals(resources):
    """政治局 is a lexicon term written lower case; inside 中央政治局 it is a name's word."""
    assert word_of(resources, "中央政治局委員楊潔篪", "中央政治局") in ("Zhōng yāng Zhèng zhì jú", "Zhōng yāng | Zhèng zhì jú")


@pytest.mark.parametrize("text, name, expected", [
    # transliterations jieba left in pieces with no title before them, found by their characters
    ("十月革命後，托洛斯基流亡墨西哥", "托洛斯基", "Tuō luò sī jī"),
    ("史達林與邱吉爾在雅爾達會面", "雅爾達", "Yǎ ěr dá"),
    # ordinary single characters in a row stay as they are
    ("修憲建議把習近平思想寫入憲法", "寫入", "xiě | rù"),
    ("台灣民眾願意與大陸的促統措施積極互動", "促統", "cù | tǒng"),
])
def test_transliterations_spelled_out(bare, text, name, expected):
    assert word_of(bare, text, name) == expected


def test_foreign_shares_count_one_word_transliterations():
    from jiedu.lexicon.transliteration import foreign_shares
    rows = {"斯大林": (("", "斯大林", "Sī dà lín", "Stalin"),), "斯文": (("", "斯文", "sī wén", "refined"),),
            "普斯科夫": (("", "", "Pǔ sī kē fū", "Pskov"),), "罗斯福": (("", "", "Luó sī fú", "Roosevelt"),),
            "中国": (("", "中国", "Zhōng guó", "China"),)}
    assert foreign_shares(rows) == {"斯": 0.75}
