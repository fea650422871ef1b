"""jiedu.engines.hmm decodes jieba.posseg's HMM exactly as jieba's own pure-Python Viterbi does:
the same route, the same tags and the same probability, on every run of characters
jieba hands it in real text, and on made-up strings of common and rare characters."""

import pytest
from conftest import CONTENT, ROOT
from hypothesis import given, settings, strategies as st

from jiedu.engines.hmm import recording_tagger
from jiedu.pipeline import process_article
from jiedu.stages.read import read_article
from jiedu.stages.segment import make_segmenter, split_words

COMMON = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
          "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好"
          "应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道")
# Any character jieba's HMM may meet: most of this range is rare, and two thirds of it
# is missing from jieba's char_state_tab (then every state is allowed).
HAN_CHARACTER = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FD5)


def jiebas_viterbi(text: str):
    """jieba's own result, or the exception it raises."""
    import jieba.posseg as posseg
    from jieba.posseg.viterbi import viterbi

    try:
        return viterbi(text, posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)
    except ValueError as error:
        return ValueError, str(error)


def ours(hmm, text: str):
    try:
        return hmm.viterbi(text)
    except ValueError as error:
        return ValueError, str(error)


def hmm_inputs(resources, texts: list[str]) -> list[str]:
    """The out-of-vocabulary runs jieba decodes with its HMM while segmenting `texts`."""
    tagger, decoded = recording_tagger(resources.segmenter.tagger)
    segmenter = make_segmenter(tagger, tuple(resources.segmenter.terms), resources.segmenter.known)
    for text in texts:
        split_words(text, segmenter)
    return decoded


def article_texts(resources) -> list[str]:
    texts = []
    for folder in sorted((CONTENT / "articles").iterdir()):
        source, _ = read_article(folder, ROOT, resources.char_frequency)
        texts += [block.text for block in process_article(source, resources).blocks]  # Simplified
    return texts


def cpp_sentences(count: int) -> list[str]:
    path = ROOT / "bench" / "data" / "cpp" / "dev.sent"
    return path.read_text(encoding="utf-8").replace("\u2581", "").splitlines()[:count]


@pytest.mark.parametrize("corpus", ["articles", "cpp"])
def test_same_as_jieba_on_every_hmm_run_of_real_text(resources, corpus):
    texts = article_texts(resources) if corpus == "articles" else cpp_sentences(400)
    runs = hmm_inputs(resources, texts)
    assert len(runs) > (20 if corpus == "articles" else 300)
    hmm = resources.segmenter.tagger.hmm
    for run in runs:
        assert ours(hmm, run) == jiebas_viterbi(run), run


@settings(max_examples=500, deadline=None)
@given(st.text(st.one_of(st.sampled_from(COMMON), HAN_CHARACTER), min_size=1, max_size=12))
def test_same_as_jieba_on_common_and_rare_characters(resources, text):
    assert ours(resources.segmenter.tagger.hmm, text) == jiebas_viterbi(text)


def test_the_tagger_cuts_as_jiebas_own(resources):
    """The whole POS cut, not just the Viterbi, against jieba's own POSTokenizer class."""
    import jieba.posseg as posseg

    tagger = resources.segmenter.tagger
    jiebas = posseg.POSTokenizer.__new__(posseg.POSTokenizer)
    jiebas.tokenizer, jiebas.word_tag_tab = tagger.tokenizer, tagger.word_tag_tab
    for sentence in cpp_sentences(300):
        assert [tuple(p) for p in tagger.cut(sentence)] == [tuple(p) for p in jiebas.cut(sentence)]
