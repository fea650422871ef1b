"""bench/any_article_score.py, the names and word-boundary scoring of bench/any_article.py,
on a tiny hand-made example (not the development articles)."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_score():
    spec = importlib.util.spec_from_file_location("any_article_score", ROOT / "bench" / "any_article_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


score = load_score()
# 我们 爱 北京 ， 张三 来 了 。  (张三: a surname boundary either way: 1+1)
LINE = "我们爱北京，张三来了。"
GOLD = "2 1 2 1+1 1 1"


def test_gold_lengths_give_required_and_optional_breaks():
    assert score.gold_breaks(GOLD) == (6, {2, 3, 5, 7, 8}, {6})


def test_a_right_segmentation_has_no_errors():
    words = ["我们", "爱", "北京", "，", "张", "三", "来", "了", "。"]
    result = score.score_line(GOLD, words, score.han_of(LINE))
    # Decided boundaries: inside 我们爱北京 (4) and 张三来了 (3), less the optional one in 张三;
    # the one across the comma is no decision.
    assert (result.words, result.gold, result.ours, result.correct) == (6, 4, 4, 4)
    assert result.inserted == result.deleted == 0
    assert score.prf(result) == (1.0, 1.0, 1.0)


def test_a_wrong_segmentation_is_counted_wrong():
    words = ["我们", "爱北", "京", "，", "张三来", "了", "。"]
    han = score.han_of(LINE)
    result = score.score_line(GOLD, words, han)
    assert (result.gold, result.ours, result.correct) == (4, 3, 2)
    assert (result.inserted, result.deleted) == (1, 2)
    assert score.boundary_errors(GOLD, words, han) == [("deleted", 3), ("inserted", 4), ("deleted", 7)]
    precision, recall, _f = score.prf(result)
    assert (round(precision, 3), recall) == (0.667, 0.5)


def test_gold_that_does_not_cover_the_line_is_refused():
    with pytest.raises(ValueError):
        score.score_line("2 1 2 2 1", ["我们爱北京", "，张三来了。"], score.han_of(LINE))
    with pytest.raises(ValueError):
        score.score_line(GOLD, ["我们爱南京，张三来了。"], score.han_of(LINE))


def test_expected_capitals_follow_the_pinyin_words():
    assert score.expected_capitals("Xí Jìnpíng", 3) == (True, True, False)
    assert score.expected_capitals("Gōng'ānbù", 3) == (True, False, False)
    assert score.expected_capitals("Lín-Zhèng Yuè'é", 4) == (True, True, True, False)
    assert score.expected_capitals("Zhōngyāng Cáijīng Bàngōngshì", 7) == (True, False, True, False, True, False, False)
    with pytest.raises(ValueError):
        score.expected_capitals("Xí Jìnpíng", 4)


@pytest.mark.parametrize("words, verdict", [
    ([(0, 3, ("Xí", "Jìn", "píng"))], "found"),
    ([(0, 1, ("Xí",)), (1, 3, ("Jìn", "píng"))], "found"),
    ([(0, 1, ("Xí",)), (1, 3, ("jìn", "píng"))], "split"),
    ([(0, 3, ("xí", "jìn", "píng"))], "lower case"),
    ([(0, 3, ("Xí", "jìn", "píng"))], "capitals"),
    ([(0, 4, ("Xí", "Jìn", "píng", "hé"))], "glued"),
])
def test_name_verdicts(words, verdict):
    assert score.name_verdict((0, 3), words, [(True, True, False)]) == verdict


def test_ordinary_capitalised_words_outside_names_and_either_list():
    words = [(0, 3, ("Xí", "Jìn", "píng"), "习近平"), (3, 5, ("Wài", "guó"), "外国"),
             (5, 7, ("Zhōng", "yāng"), "中央"), (7, 9, ("rén", "mín"), "人民")]
    assert score.ordinary_capitalised(words, [(0, 3)], {"中央"}) == [(3, "外国")]
