"""The clean stage: artifacts, repairs, damage, punctuation. Unit cases, then the seed."""

import pytest

from jiedu.stages.clean import apply_edits, clean, is_pinyin_syllable
from jiedu.errors import ContentError
from jiedu.model import Place

from conftest import make_source


@pytest.mark.parametrize("text, expected, readings", [
    ("作風(fēng)建設(shè)", "作風建設", ["fēng", "shè"]),
    ("區(qū)委", "區委", ["qū"]),
    ("什麼(me)", "什麼", ["me"]),
    ("材料(包頭)有限", "材料（包頭）有限", []),   # Han in parentheses: not an artifact
    ("組織(WTO)", "組織(WTO)", []),              # not a pinyin syllable
    ("見(xyz)", "見(xyz)", []),
])
def test_artifacts_are_removed_and_recorded(text, expected, readings):
    cleaned = clean(make_source(text))
    assert cleaned.text == expected
    assert [e.note for e in cleaned.edits if e.kind == "artifact"] == readings


def test_artifact_record_names_line_and_column_of_the_source():
    cleaned = clean(make_source("好\n作風(fēng)"))
    (edit,) = [e for e in cleaned.edits if e.kind == "artifact"]
    assert (edit.place.line, edit.place.column, edit.original) == (2, 3, "(fēng)")


@pytest.mark.parametrize("word, valid", [("fēng", True), ("zhuàng", True), ("lüè", True), ("er", True),
                                         ("WTO", False), ("xyz", False), ("abc", False)])
def test_pinyin_syllable_check(word, valid):
    assert is_pinyin_syllable(word) is valid


def test_repair_applies_at_its_exact_place():
    repair = {"line": 1, "column": 3, "find": "?zé)", "replace": "責", "note": "職責所在", "place": Place("r.toml", 1, 1)}
    cleaned = clean(make_source("的職?zé)所在", repairs=[repair]))
    assert cleaned.text == "的職責所在"
    assert cleaned.findings == ()
    (edit,) = cleaned.edits
    assert (edit.kind, edit.original, edit.replacement, edit.note) == ("repair", "?zé)", "責", "職責所在")


def test_repair_that_does_not_match_fails_the_build_naming_the_repair():
    repair = {"line": 1, "column": 2, "find": "?zé)", "replace": "責", "place": Place("r.toml", 7, 1)}
    with pytest.raises(ContentError) as error:
        clean(make_source("的職?zé)所在", repairs=[repair]))
    assert str(error.value) == ("r.toml:7:1: error: repair does not match: expected '?zé)' at "
                                "content/articles/t/source.txt:1:2, found '職?zé'")


def test_repair_missing_fields_is_an_error():
    with pytest.raises(ContentError, match="repair lacks column, replace"):
        clean(make_source("的職", repairs=[{"line": 1, "find": "職", "place": Place("r.toml", 3, 1)}]))


@pytest.mark.parametrize("text, column, reason", [
    ("勇?lián)?dāng)、重效率", 2, "mojibake"),
    ("以實打?qū)?、硬碰硬", 4, "mojibake"),
    ("的職?zé)所在", 3, "mojibake"),
    ("好作\ufffd風", 3, "U+FFFD"),
    ("作風lián)建設", 3, "stray pinyin"),
    ("作風\x07建設", 3, "control character U+0007"),
])
def test_damage_is_reported_with_place_and_kept_in_the_text(text, column, reason):
    cleaned = clean(make_source("第一行\n" + text))
    (finding,) = cleaned.findings
    assert (finding.place.line, finding.place.column, finding.code) == (2, column, "damaged-text")
    assert reason in finding.message
    assert text in cleaned.text  # reported, never silently removed or "fixed"


def test_legitimate_question_mark_between_han_is_not_damage_but_made_full_width():
    cleaned = clean(make_source("你好吗?我很好!"))
    assert cleaned.findings == ()
    assert cleaned.text == "你好吗？我很好！"


@pytest.mark.parametrize("text, expected", [
    ("戰斗力,敢擔當", "戰斗力，敢擔當"),
    ("“大掃除”,推動", "“大掃除”，推動"),
    ("比如:一;二", "比如：一；二"),
    ("高啦!”包頭", "高啦！”包頭"),
    ("(記者 戴宏)", "（記者 戴宏）"),
    ("Hello, world", "Hello, world"),
    ("97.54的高分", "97.54的高分"),
    ("版本(v2)发布", "版本(v2)发布"),
])
def test_half_width_punctuation_in_chinese_text(text, expected):
    cleaned = clean(make_source(text))
    assert cleaned.text == expected
    changed = [e for e in cleaned.edits if e.kind == "punctuation"]
    assert len(changed) == sum(a != b for a, b in zip(text, expected))


def test_apply_edits_maps_every_character_to_its_source_offset():
    text, index = apply_edits("ab(x)cd", [])
    assert (text, index) == ("ab(x)cd", [0, 1, 2, 3, 4, 5, 6])


# --- the seed article ---------------------------------------------------------------

def test_seed_cleaning_report(seed_article):
    edits = seed_article.cleaned.edits
    kinds = [e.kind for e in edits]
    assert kinds.count("artifact") == 257
    assert kinds.count("repair") == 6
    assert seed_article.cleaned.findings == ()
    assert not any(c in seed_article.cleaned.text for c in "?\ufffd()")


def test_seed_edits_reconstruct_the_source_exactly(seed_source, seed_article):
    """Nothing is dropped without a record: undoing the recorded edits gives the source back."""
    text = seed_article.cleaned.text
    index = seed_article.cleaned.source_index
    pieces, position, seen = [], 0, 0
    for edit in seed_article.cleaned.edits:
        if edit.kind == "punctuation":
            continue
        pieces.append(seed_source.text[position:edit.start])
        pieces.append(edit.original)
        position = edit.end
    pieces.append(seed_source.text[position:])
    assert "".join(pieces) == seed_source.text
    undone = list(text)
    for edit in seed_article.cleaned.edits:
        if edit.kind == "punctuation":
            seen += 1
            where = index.index(edit.start)
            assert undone[where] == edit.replacement
            undone[where] = edit.original
    assert seen == 130


def test_seed_without_repairs_reports_each_damaged_span(seed_source):
    from dataclasses import replace

    cleaned = clean(replace(seed_source, repairs=()))
    places = [(f.place.line, f.place.column) for f in cleaned.findings]
    assert places == [(2, 229), (4, 3), (13, 122), (23, 82), (33, 19), (33, 32)]
    assert all(f.place.path.endswith("source.zh-Hant.txt") for f in cleaned.findings)
