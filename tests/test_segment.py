"""The segment stage: glossary terms first, jieba between, non-Han text passed through.

Unit cases use a fake tagger with jieba's interface; then the real one on the seed.
"""

from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from hypothesis import given, settings, strategies as st

from jiedu.model import Block
from jiedu.stages.segment import make_segmenter, mark_object_jiang, retag_name, segment, split_adverbial_de, split_words


@dataclass(frozen=True)
class Pair:
    """What jieba.posseg yields: a word and its part-of-speech flag."""

    word: str
    flag: str


class FakeTagger:
    """jieba's POSTokenizer interface over a small vocabulary, by longest match.

    `hmm_words` are cut as words but missing from `tokenizer.FREQ`, as words jieba's
    HMM makes up; unknown characters come out one by one, tagged `n`.
    """

    def __init__(self, vocabulary: dict[str, str], hmm_words: dict[str, str] | None = None):
        self.words = {**vocabulary, **(hmm_words or {})}
        self.tokenizer = SimpleNamespace(FREQ={word: 1 for word in vocabulary})

    def cut(self, text: str, HMM: bool = True) -> list[Pair]:
        pairs, position = [], 0
        while position < len(text):
            length = next((n for n in range(len(text) - position, 1, -1)
                           if text[position:position + n] in self.words), 1)
            word = text[position:position + length]
            pairs.append(Pair(word, self.words.get(word, "n")))
            position += length
        return pairs


VOCABULARY = {"加强": "v", "作风": "n", "建设": "vn", "坚持": "v", "鲜明": "a", "起来": "v", "地区": "n",
              "包头": "ns", "增长": "v", "得分": "v", "干部": "n"}
TAGGER = FakeTagger(VOCABULARY, hmm_words={"地树": "v"})


@pytest.mark.parametrize("terms, text, expected", [
    (("作风", "作风建设"), "加强作风建设", [("加强", "v"), ("作风建设", "term")]),
    (("作风建设", "作风"), "加强作风建设", [("加强", "v"), ("作风建设", "term")]),
    (("作风",), "加强作风建设", [("加强", "v"), ("作风", "term"), ("建设", "vn")]),
    ((), "加强作风建设", [("加强", "v"), ("作风", "n"), ("建设", "vn")]),
    (("四不两直",), "坚持四不两直", [("坚持", "v"), ("四不两直", "term")]),
    (("四不两直",), "四不两直", [("四不两直", "term")]),
    (("作风", "干部"), "干部作风", [("干部", "term"), ("作风", "term")]),
    (("风",), "风", [("风", "n")]),                       # one character is never a term
    (("包头市", "包头", "市委"), "包头市委", [("包头", "term"), ("市委", "term")]),  # most characters covered
    (("包头市", "包头"), "包头市", [("包头市", "term")]),     # then the fewest terms
    (("包头", "市委作", "包头市", "委作"), "包头市委作", [("包头", "term"), ("市委作", "term")]),  # then the first shortest
])
def test_glossary_terms_come_out_whole(terms, text, expected):
    assert split_words(text, make_segmenter(TAGGER, terms)) == expected


@pytest.mark.parametrize("text, expected", [
    ("得分97.54分", [("得分", "v"), ("97.54", "x"), ("分", "n")]),
    ("增长97.54%，", [("增长", "v"), ("97.54%", "x"), ("，", "x")]),
    ("包头GDP增长", [("包头", "ns"), ("GDP", "x"), ("增长", "v")]),
    ("包头，\n增长", [("包头", "ns"), ("，", "x"), ("\n", "x"), ("增长", "v")]),
    ("“作风”", [("“", "x"), ("作风", "n"), ("”", "x")]),
    ("２０２２年", [("２０２２", "x"), ("年", "n")]),
    ("A B", [("A", "x"), (" ", "x"), ("B", "x")]),
])
def test_non_han_text_passes_through_as_its_own_tokens(text, expected):
    assert split_words(text, make_segmenter(TAGGER, ())) == expected


@pytest.mark.parametrize("text, trad", [
    ("加强作风建设", "加強作風建設"),
    ("2022年6月，包头GDP增长97.54%。", "2022年6月，包頭GDP增長97.54%。"),
    ("“四不两直”\n鲜明地树起来", "“四不兩直”\n鮮明地樹起來"),
    ("  ……ABC一二三  ", "  ……ABC一二三  "),
    ("", ""),
])
def test_words_join_to_the_block_text_and_trad(text, trad):
    block = segment(Block("paragraph", trad, 0, text=text, trad=trad), make_segmenter(TAGGER, ("四不两直",)))
    assert "".join(w.text for w in block.words) == text
    assert "".join(w.trad for w in block.words) == trad
    assert all(len(w.text) == len(w.trad) for w in block.words)


def test_segment_gives_each_word_its_traditional_form():
    block = segment(Block("paragraph", "加強作風建設", 0, text="加强作风建设", trad="加強作風建設"),
                    make_segmenter(TAGGER, ("作风建设",)))
    assert [(w.text, w.trad, w.tag) for w in block.words] == [("加强", "加強", "v"), ("作风建设", "作風建設", "term")]


@pytest.mark.parametrize("pairs, expected", [
    ([("鲜明", "a"), ("地树", "v"), ("起来", "v")], [("鲜明", "a"), ("地", "uv"), ("树", "v"), ("起来", "v")]),
    ([("积极", "ad"), ("地树", "v")], [("积极", "ad"), ("地", "uv"), ("树", "v")]),
    ([("鲜明", "a"), ("地区", "n")], [("鲜明", "a"), ("地区", "n")]),        # a dictionary word
    ([("草原", "n"), ("地树", "v")], [("草原", "n"), ("地树", "v")]),        # not after an adjective
    ([("地树", "v")], [("地树", "v")]),                                     # nothing before it
    ([("鲜明", "a"), ("地", "uv")], [("鲜明", "a"), ("地", "uv")]),         # already alone
])
def test_split_adverbial_de(pairs, expected):
    assert split_adverbial_de(pairs, {"地区": 1}) == expected


def test_split_adverbial_de_through_the_segmenter():
    assert split_words("鲜明地树起来", make_segmenter(TAGGER, ())) == [
        ("鲜明", "a"), ("地", "uv"), ("树", "v"), ("起来", "v")]


@pytest.mark.parametrize("text, tag", [
    ("包头市始终将问题导向贯穿全程", "p"),      # before a noun: the object marker, like 把
    ("将其纳入考核", "p"),                      # before a pronoun
    ("我将他送回家", "p"),
    ("会议将于明天举行", "d"),                  # before a preposition: "will"
    ("经济将大大提高", "d"),                    # before an adverb
    ("将有更多人参加", "d"),                    # before a verb
    ("明天将是晴天", "d"),
])
def test_jiang_before_a_noun_or_pronoun_marks_the_object(resources, text, tag):
    assert dict(split_words(text, resources.segmenter))["将"] == tag   # jieba itself always says d


def test_jiang_before_a_glossary_term_marks_the_object():
    assert mark_object_jiang([("将", "d"), ("问题导向", "term"), ("贯穿", "v")])[0] == ("将", "p")
    assert mark_object_jiang([("将", "d")]) == [("将", "d")]             # nothing after it


class CedictLike:
    """The part of jiedu.lexicon.dictionary.Dictionary that retag_name reads."""
    by_simplified = {"严重性": (("嚴重性", "严重性", "yán zhòng xìng", ()),),
                     "曾国藩": (("曾國藩", "曾国藩", "Zēng Guó fān", ()),),
                     "高兴": (("高興", "高兴", "gāo xìng", ()),)}

    def __contains__(self, word):
        return word in self.by_simplified


CEDICT_LIKE = CedictLike()


@pytest.mark.parametrize("word, tag, known, expected", [
    ("李长清", "nr", {}, "nr"),
    ("李长清", "nr", {"李长清": 1}, "nr"),     # three characters after a surname: a name anyway
    ("王刚", "nr", {}, "nr"),
    ("弘扬", "nr", {"弘扬": 1}, "n"),
    ("高兴", "nr", {"高兴": 1}, "n"),          # a surname first, but a dictionary word
    ("高兴", "nr", {}, "nr"),
    ("真善美", "nr", {}, "n"),                 # 真 is not a surname
    ("欧阳", "nr", {}, "nr"),
    ("李", "nr", {}, "n"),                     # too short for a name
    ("李长清的哥哥", "nr", {}, "n"),            # too long
    ("弘扬", "v", {}, "v"),                    # other tags untouched
    # With CC-CEDICT's rows, capitals tell a name from a word, whatever its length.
    ("严重性", "nr", CEDICT_LIKE, "n"),
    ("曾国藩", "nr", CEDICT_LIKE, "nr"),
    ("高兴", "nr", CEDICT_LIKE, "n"),
    ("金志强", "nr", CEDICT_LIKE, "nr"),       # not in the dictionary
])
def test_retag_name(word, tag, known, expected):
    assert retag_name(word, tag, known) == expected


SEED_TERMS = ["作风建设", "形式主义", "四不两直", "销号管理", "摘星夺旗", "躺平", "马上就办", "久久为功", "抓铁有痕"]


@pytest.mark.parametrize("term", SEED_TERMS)
def test_seed_terms_are_single_linked_words(seed_article, term):
    occurrences = sum(b.text.count(term) for b in seed_article.blocks)
    words = [w for b in seed_article.blocks for w in b.words if w.text == term]
    assert occurrences > 0
    assert len(words) == occurrences
    assert all(w.term is not None and w.tag == "term" for w in words)


def test_seed_glossary_terms_are_never_split_by_jieba(seed_article, resources):
    """Every occurrence of a glossary term is a term word, or overlaps another term
    that matched first (包头市委: 包头市 wins over 市委)."""
    for block in seed_article.blocks:
        spans, offset = [], 0
        for word in block.words:
            spans.append((offset, offset + len(word.text), word))
            offset += len(word.text)
        for term in resources.glossary.multi_character_terms:
            start = block.text.find(term)
            while start >= 0:
                overlapping = [w for s, e, w in spans if s < start + len(term) and e > start]
                assert any(w.term for w in overlapping), (term, [w.text for w in overlapping])
                start = block.text.find(term, start + 1)


def test_seed_words_join_to_block_text_and_trad(seed_article):
    for block in seed_article.blocks:
        assert "".join(w.text for w in block.words) == block.text
        assert "".join(w.trad for w in block.words) == block.trad


@pytest.mark.parametrize("text, expected", [
    ("工作效率", ["工作", "效率"]),          # jieba's compound, not in CC-CEDICT: split
    ("提高工作效率", ["提高", "工作", "效率"]),
    ("经济", ["经济"]),                     # a dictionary word stays whole
    ("负责人李长清说", ["负责人", "李长清", "说"]),   # a personal name stays whole
])
def test_words_missing_from_the_dictionary_are_split_into_known_words(resources, text, expected):
    assert [word for word, _ in split_words(text, resources.segmenter)] == expected


def test_cached_word_tags_are_jiebas_own(resources, tmp_path):
    """The tag table read from jiedu's cache is the one jieba.posseg parses itself, and
    importing jieba.posseg the quick way leaves jieba's default tokenizer as it was."""
    import jieba
    import jieba.posseg

    from jiedu.engines.tagger import word_tags

    parsed = jieba.posseg.POSTokenizer(jieba.Tokenizer()).word_tag_tab  # jieba's own parse
    built = word_tags(tmp_path, jieba.Tokenizer())
    assert built == parsed and len(built) > 300_000
    assert word_tags(tmp_path, None) == built  # second time: from the cache
    assert resources.segmenter.tagger.word_tag_tab["干部"] == parsed["干部"] == "n"
    assert jieba.dt.dictionary is None  # jieba's default dictionary, untouched


def test_jiedu_loads_jiebas_prefix_dictionary_as_jieba_builds_it(tmp_path):
    """jiedu reads jieba's prefix dictionary from its own cache (marshal.loads: jieba's
    marshal.load from a file is three times slower); built by jieba's code, equal to it."""
    import jieba

    from jiedu.engines.tagger import loaded_tokenizer

    theirs = jieba.Tokenizer()
    theirs.tmp_dir = str(tmp_path / "theirs")
    (tmp_path / "theirs").mkdir()
    theirs.initialize()
    built = loaded_tokenizer(jieba, tmp_path)
    assert len(list(tmp_path.glob("jieba-dict-*.marshal"))) == 1
    cached = loaded_tokenizer(jieba, tmp_path)
    assert built.FREQ == cached.FREQ == theirs.FREQ and built.total == cached.total == theirs.total
    assert cached.initialized and list(cached.cut("银行行长在重庆朝天门")) == ["银行行长", "在", "重庆", "朝天门"]


def best_terms_by_every_slice(run: str, terms: frozenset) -> list:
    """The glossary match as first written: every slice of the run tried at every place."""
    longest = max(map(len, terms), default=0)
    best = [(0, 0, [])] * (len(run) + 1)
    for start in range(len(run) - 1, -1, -1):
        choice = best[start + 1]
        for length in range(2, min(longest, len(run) - start) + 1):
            term = run[start:start + length]
            if term in terms:
                covered, count, chosen = best[start + length]
                candidate = (covered + length, count - 1, [(start, term)] + chosen)
                if candidate[:2] > choice[:2]:
                    choice = candidate
        best[start] = choice
    return best[0][2]


@settings(max_examples=1000, deadline=None)
@given(st.text("包头市委", min_size=2, max_size=16), st.data())
def test_best_terms_as_trying_every_slice(run, data):
    # The pieces of two ways to cut the run, so that terms overlap and tie (包头 + 市委作
    # or 包头市 + 委作), and a few others.
    terms = data.draw(st.lists(st.text("包头市委", min_size=1, max_size=4), max_size=4))
    for _ in range(2):
        edges = [0, *sorted(set(data.draw(st.lists(st.integers(1, len(run) - 1), max_size=4)))), len(run)]
        terms += [run[start:end] for start, end in zip(edges, edges[1:])]
    segmenter = make_segmenter(TAGGER, tuple(terms))
    assert segmenter._best_terms(run) == best_terms_by_every_slice(run, segmenter.terms)


@pytest.mark.parametrize("text, words", [
    # a term that would strand single characters of the known words around it loses to jieba's cut
    ("中国人民进入新世纪", ["中国", "人民", "进入", "新世纪"]),  # 民进, a party's short name
    ("摆脱贫穷", ["摆脱", "贫穷"]),  # 脱贫
    ("政治局面稳定", ["政治局面", "稳定"]),  # 政治局
    # ... and wins where jieba's cut strands more (勇|毅|笃|行者)
    ("做勇毅笃行者", ["做", "勇毅笃行", "者"]),
])
def test_a_term_against_a_word_straddling_its_edge(resources, text, words):
    assert [w.text for w in segment(Block("paragraph", text, 0, text, text), resources.segmenter).words] == words
