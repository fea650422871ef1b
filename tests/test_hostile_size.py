"""Issue #13, finding 7: long articles cost time and memory in proportion to their size.

No timings here (the machine is shared; bench/article_size.py measures): the tests count
work instead, and check that what is repeated per word (a vocabulary row, a TSV line, an
Anki note, a glossary concordance line) is bounded, not the whole paragraph.
"""

import csv
import re
import sys
from pathlib import Path

import pytest

from jiedu.output import views
from jiedu.reading import weighing
from jiedu.stages.crosscheck import disagreements
from jiedu.output.export import TITLE
from jiedu.stages.overrides import SplitOverride
from jiedu.pipeline import annotate_line, process_article
from jiedu.lexicon.examples import SENTENCE, sentence_at
from jiedu.builder import build_site
from jiedu.stages.structure import structure
from jiedu.output.views import CONCORDANCE
from jiedu.lexicon.vocabulary import TRANSLATION_LENGTH, vocabulary

from jiedu.output.anki import article_tsv
from jiedu.output.fragments import vocabulary_rows

from conftest import CONTENT, SEED, TEMPLATES, make_source, site_vocabulary, word_data

JIEDU = str(Path(views.__file__).parent.parent)  # the whole package
SEED_TEXT = next(SEED.glob("source*.txt")).read_text(encoding="utf-8")
SEED_HAN = "".join(re.findall(r"[\u4e00-\u9fff]+", SEED_TEXT))


def han_line(characters: int) -> str:
    """The seed's Han characters, joined without any punctuation, to `characters`."""
    return (SEED_HAN * (characters // len(SEED_HAN) + 1))[:characters]


def jiedu_lines(work) -> int:
    """Lines of jiedu's own code run by `work()`: a count of work that, unlike time, does not
    depend on the machine (loops inside C, like str.count, are not counted)."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        count += event == "line"
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(JIEDU) else None

    sys.settrace(calls)
    try:
        work()
    finally:
        sys.settrace(None)
    return count


# --- linear work --------------------------------------------------------------------

def test_annotating_a_line_without_punctuation_is_linear(resources):
    """Reading weighed each polyphone against every dictionary word of the run, and the 为
    rules read the rest of the block as its clause: four times the text was 10x the work."""
    def annotate(characters: int):
        return lambda: annotate_line(han_line(characters), resources)

    small, large = jiedu_lines(annotate(1000)), jiedu_lines(annotate(4000))
    assert large / small < 5, (small, large)


def test_cross_checking_the_sources_readings_is_linear(resources):
    """Each reading the source carried (風(fēng)) looked for its block among all of them."""
    paragraphs = SEED_TEXT.split("\n")[1:]
    small, large = (process_article(make_source("标题\n" + "\n".join(paragraphs * copies)), resources)
                    for copies in (2, 8))
    assert len(large.disagreements) == 4 * len(small.disagreements) > 0
    work = [jiedu_lines(lambda: disagreements(article.cleaned, article.blocks)) for article in (small, large)]
    assert work[1] / work[0] < 5, work


def test_support_reads_only_the_words_around_a_position():
    """A dictionary word is at most LONGEST_CEDICT characters: words starting further away
    cannot cover the position, and are never unpacked."""
    class FarAway(tuple):
        def __iter__(self):
            raise AssertionError("a word far from the position was read")

    near = [(100, 102, (("zhōng", "guó"),), ()), (101, 103, (), (("guó", "jiā"),))]
    found = [FarAway((start, start + 2, (), ())) for start in range(0, 95)] + near + [
        FarAway((start, start + 2, (), ())) for start in range(102, 300)]
    assert weighing.support(found, 101) == ({"guó"}, {"guó"})


def test_the_title_is_found_once_per_article_for_the_glossary_page(seed_article, resources, monkeypatch):
    looked_up = []
    monkeypatch.setattr(views, "article_title", lambda article: looked_up.append(article) or "t")
    found = views.occurrences([seed_article], resources.glossary)
    assert sum(map(len, found.values())) > 100 and len(looked_up) == 1


def test_many_override_places_in_one_run_do_not_recurse(resources):
    """One recursion per place overflowed the stack after about a thousand."""
    split = SplitOverride("金志强坦言", ("金志强", "坦言"), None)
    run = "金志强坦言" * 3000
    words = resources.segmenter.cut_han(run, (split,))
    assert [w for w, _ in words] == ["金志强", "坦言"] * 3000


def test_many_short_lines_are_one_heading():
    lines = [f"第{n}节" for n in range(20000)]
    blocks = structure("标题\n" + "\n".join(lines) + "\n最后一段。", {})
    assert [b.kind for b in blocks] == ["title", "heading", "paragraph"]
    assert blocks[1].source == "\n".join(lines) and blocks[1].start == 3


# --- bounded context ----------------------------------------------------------------

@pytest.mark.parametrize("offset, cut_before, cut_after", [
    (0, False, True), (10, False, True), (4990, True, True), (9998, True, False)])
def test_a_sentence_without_punctuation_is_a_window_around_the_word(offset, cut_before, cut_after):
    text = han_line(10000)
    sentence = sentence_at(text, offset, 2)
    assert len(sentence) <= SENTENCE and text[offset:offset + 2] in sentence
    assert (sentence.startswith("…"), sentence.endswith("…")) == (cut_before, cut_after)
    assert sentence.strip("…") in text


def test_a_long_sentence_is_cut_at_clauses_around_the_word():
    clauses = [f"第{n}个分句说了一些话，" for n in range(40)]
    text = "".join(clauses[:20]) + "这里有作风问题，" + "".join(clauses[20:]) + "结束。"
    sentence = sentence_at(text, text.index("作风"), 2)
    assert len(sentence) <= SENTENCE and "这里有作风问题，" in sentence
    assert re.fullmatch(r"…第\d+个分句.*，…", sentence), sentence  # whole clauses, both ends cut


def test_short_sentences_are_whole():
    text = "好作风是战斗力，敢担当是推动力。善作为是凝聚力。"
    assert sentence_at(text, text.index("凝聚力"), 3) == "善作为是凝聚力。"


def test_a_long_translation_is_cut_in_each_words_note(resources):
    """Each word's note carries its block's English: a paragraph of 50,000 characters was in
    every one of its words' notes and TSV rows."""
    english = "The cadres of the city worked hard. " * 1400
    article = process_article(make_source("标题\n" + han_line(3000), translation=("Title", english)), resources)
    notes = [item for item in vocabulary(article, resources.glossary, resources.dictionary, resources.hsk)
             if item.block == "b2"]
    assert len(notes) > 100
    for item in notes:
        assert len(item.translation) <= TRANSLATION_LENGTH + 1 and english.startswith(item.translation[:-1])


@pytest.fixture(scope="module")
def long_line_site(tmp_path_factory, resources) -> Path:
    """A content folder whose one article is a 200 KB line of Han characters, built."""
    folder = tmp_path_factory.mktemp("long-line")
    article = folder / "content" / "articles" / "long"
    article.mkdir(parents=True)
    for name in ("site.toml", "glossary.toml"):
        (folder / "content" / name).write_bytes((CONTENT / name).read_bytes())
    (article / "meta.toml").write_bytes((SEED / "meta.toml").read_bytes())
    (article / "source.txt").write_text(han_line(200_000 // 3) + "\n", encoding="utf-8")
    build_site(folder / "content", folder / "site", TEMPLATES, resources)
    return folder / "site"


def test_every_tsv_sentence_is_bounded_and_holds_its_word(long_line_site):
    """What the vocabulary page's TSV and the word data carry for each word."""
    items = site_vocabulary(long_line_site, "long")
    assert len(items) > 500
    for item in items:
        assert item.text in item.sentence and len(item.sentence) <= SENTENCE
        assert item.translation is None or len(item.translation) <= TRANSLATION_LENGTH + 1
    size = (long_line_site / "vocabulary" / "long.js").stat().st_size
    assert size / len(items) < 1000  # bytes per word: the paragraph is not in every word's data


def test_every_anki_note_is_bounded(long_line_site):
    data = word_data(long_line_site, "long")
    title = data["vocab"]["title"]
    lines = article_tsv(site_vocabulary(long_line_site, "long"), "long", title).splitlines()
    rows = list(csv.reader([line for line in lines if not line.startswith("#")], delimiter="\t"))
    assert len(rows) > 500 and len(title) <= TITLE
    for _guid, word, _pinyin, _english, sentence, _translation, article in rows:
        assert word in sentence and len(sentence) <= SENTENCE and article == title


def test_the_vocabulary_page_and_glossary_show_bounded_context_with_the_word(long_line_site, resources):
    rows = vocabulary_rows(site_vocabulary(long_line_site, "long"), "../articles/long.html", "../glossary.html")
    uses = re.findall(r'<a class="use"[^>]*>(.*?)</a>', "\n".join(rows))
    assert len(uses) > 500 and max(len(re.sub("<[^>]+>", "", use)) for use in uses) <= SENTENCE
    glossary = (long_line_site / "glossary.html").read_text(encoding="utf-8")
    shown = 0
    for entry in re.split('<article class="entry" id="', glossary)[1:]:
        term = resources.glossary.by_id[entry.split('"', 1)[0]].simplified
        for line in re.findall(r'<li><a href="articles/long\.html#b\d+" lang="zh-Hans">(.*?)</a></li>', entry):
            assert term in line and len(line) <= CONCORDANCE, (term, line)
            shown += 1
    assert shown > 50


def test_a_term_is_shown_in_its_concordance_line():
    """The glossary page showed a block's first 60 characters even when the term came later."""
    text = "前面" * 50 + "作风建设" + "后面" * 50
    line = views.concordance_line(text, "作风建设")
    assert "作风建设" in line and len(line) <= CONCORDANCE
    assert views.concordance_line("作风建设" + text, "作风建设") == ("作风建设" + text)[:CONCORDANCE - 1] + "…"
