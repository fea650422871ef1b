"""The structure stage: kicker, title, note, headings, paragraphs, byline. Unit cases, then the seed."""

import pytest

from jiedu.stages.structure import structure

COLUMN = {"column": "把内蒙古形象立起来"}


def kinds_and_sources(text: str, meta: dict | None = None) -> list[tuple[str, str]]:
    return [(block.kind, block.source) for block in structure(text, meta or {})]


@pytest.mark.parametrize("title_line, meta, expected", [
    ("把内蒙古形象立起来 包头市作风积弊“大扫除”", COLUMN,
     [("kicker", "把内蒙古形象立起来"), ("title", "包头市作风积弊“大扫除”")]),
    ("把内蒙古形象立起来\u3000包头市作风积弊", COLUMN,          # ideographic space
     [("kicker", "把内蒙古形象立起来"), ("title", "包头市作风积弊")]),
    ("把内蒙古形象立起来包头市作风积弊", COLUMN,                # no space: not a kicker
     [("title", "把内蒙古形象立起来包头市作风积弊")]),
    ("包头市作风积弊 把内蒙古形象立起来", COLUMN,                # column not at the start
     [("title", "包头市作风积弊 把内蒙古形象立起来")]),
    ("把内蒙古形象立起来 包头市作风积弊", {},                   # no column in meta
     [("title", "把内蒙古形象立起来 包头市作风积弊")]),
])
def test_kicker_is_split_off_the_title_by_the_column(title_line, meta, expected):
    assert kinds_and_sources(title_line + "\n正文第一段。", meta) == expected + [("paragraph", "正文第一段。")]


@pytest.mark.parametrize("text, meta, expected", [
    ("标题\n编者按第一句。\n编者按第二句。\n\n正文一段。\n正文二段。", {},
     [("title", "标题"), ("note", "编者按第一句。"), ("note", "编者按第二句。"),
      ("paragraph", "正文一段。"), ("paragraph", "正文二段。")]),
    ("标题\n编者按第一句。\n\n正文一段。", {"editor_note": False},
     [("title", "标题"), ("paragraph", "编者按第一句。"), ("paragraph", "正文一段。")]),
    ("标题\n小标题\n正文一段。\n\n正文二段。", {},             # a heading before any blank line
     [("title", "标题"), ("heading", "小标题"), ("paragraph", "正文一段。"), ("paragraph", "正文二段。")]),
    ("标题\n正文一段。\n正文二段。", {},                        # no blank line at all
     [("title", "标题"), ("paragraph", "正文一段。"), ("paragraph", "正文二段。")]),
    ("标题\n\n正文一段。\n\n正文二段。", {},                    # blank line right after the title
     [("title", "标题"), ("paragraph", "正文一段。"), ("paragraph", "正文二段。")]),
])
def test_editor_note_is_what_comes_before_the_first_blank_line(text, meta, expected):
    assert kinds_and_sources(text, meta) == expected


@pytest.mark.parametrize("body, expected", [
    ("对准问题开刀\n当下治长久立\n正文。",
     [("heading", "对准问题开刀\n当下治长久立"), ("paragraph", "正文。")]),
    ("正文。\n以实绩论英雄\n让有为者有位\n正文。",
     [("paragraph", "正文。"), ("heading", "以实绩论英雄\n让有为者有位"), ("paragraph", "正文。")]),
    ("正文。\n小标题一\n\n小标题二\n正文。",                    # a blank line between: two headings
     [("paragraph", "正文。"), ("heading", "小标题一"), ("heading", "小标题二"), ("paragraph", "正文。")]),
    ("正文。\n短句结束了。\n正文。",                            # closing punctuation: a paragraph
     [("paragraph", "正文。"), ("paragraph", "短句结束了。"), ("paragraph", "正文。")]),
    ("正文。\n" + "长" * 31 + "\n正文。",                       # too long for a heading
     [("paragraph", "正文。"), ("paragraph", "长" * 31), ("paragraph", "正文。")]),
    ("正文。\n最后一行短句",                                    # the last line is never a heading
     [("paragraph", "正文。"), ("paragraph", "最后一行短句")]),
])
def test_headings(body, expected):
    assert kinds_and_sources("标题\n" + body)[1:] == expected


@pytest.mark.parametrize("last, expected", [
    ("全力以赴。（记者 戴宏 安寅东）", [("paragraph", "全力以赴。"), ("byline", "（记者 戴宏 安寅东）")]),
    ("全力以赴。 (记者 戴宏 安寅东)", [("paragraph", "全力以赴。"), ("byline", "(记者 戴宏 安寅东)")]),
    ("全力以赴。（本报记者 戴宏）", [("paragraph", "全力以赴。"), ("byline", "（本报记者 戴宏）")]),
    ("全力以赴。（記者 戴宏 安寅東）", [("paragraph", "全力以赴。"), ("byline", "（記者 戴宏 安寅東）")]),
    ("（记者 戴宏 安寅东）", [("byline", "（记者 戴宏 安寅东）")]),                   # a line of its own
    ("全力以赴（见下图）。", [("paragraph", "全力以赴（见下图）。")]),               # not a byline
    ("（记者 戴宏）之后又说了一句。", [("paragraph", "（记者 戴宏）之后又说了一句。")]),  # not at the end
])
def test_byline_is_split_off_the_last_paragraph(last, expected):
    assert kinds_and_sources("标题\n正文。\n" + last)[2:] == expected


def test_byline_only_from_the_last_paragraph():
    blocks = structure("标题\n第一段。（记者 戴宏）\n第二段。", {})
    assert [b.kind for b in blocks] == ["title", "paragraph", "paragraph"]


@pytest.mark.parametrize("text", [
    "  把内蒙古形象立起来 包头市作风积弊  \n\n\u3000\u3000编者按。\n\n  对准问题开刀\n当下治长久立\n\t正文一段。 \n  全力以赴。（记者 戴宏 安寅东）  \n\n",
    "\n\n标题\r\n正文一段。\r\n对准问题开刀\r\n正文二段。（记者 戴宏）\r\n",
    "\u3000\u3000标题\n\u3000\u3000小标题\n\u3000\u3000正文。",
])
def test_offsets_point_at_each_block_in_the_text(text):
    blocks = structure(text, COLUMN)
    assert blocks
    for block in blocks:
        assert block.source == block.source.strip()
        assert text[block.start:block.start + len(block.source)] == block.source


def test_offsets_of_a_stripped_title_and_its_kicker():
    text = "\n  把内蒙古形象立起来  包头市\n\u3000正文。"
    assert [(b.kind, b.source, b.start) for b in structure(text, COLUMN)] == [
        ("kicker", "把内蒙古形象立起来", 3), ("title", "包头市", 14), ("paragraph", "正文。", 19)]


@pytest.mark.parametrize("text", ["", "\n", "  \n\u3000\n\t"])
def test_empty_text_has_no_blocks(text):
    assert structure(text, COLUMN) == ()


SEED_KINDS = (["kicker", "title", "note"] + ["paragraph"] * 4 + ["heading"] + ["paragraph"] * 8
              + ["heading"] + ["paragraph"] * 9 + ["heading"] + ["paragraph"] * 10 + ["byline"])


def test_seed_block_kinds(seed_article):
    assert len(SEED_KINDS) == 38
    assert [b.kind for b in seed_article.blocks] == SEED_KINDS


def test_seed_headings_are_two_lines_each(seed_article):
    assert [b.text for b in seed_article.blocks if b.kind == "heading"] == [
        "对准问题开刀\n当下治长久立", "以实绩论英雄\n让有为者有位", "比学赶超奋进\n争取更大荣光"]


def test_seed_offsets_point_into_the_cleaned_text(seed_article):
    text = seed_article.cleaned.text
    for block in seed_article.blocks:
        assert text[block.start:block.start + len(block.source)] == block.source


@pytest.mark.parametrize("text, expected", [
    # a paragraph per line with a final newline: the newline is no blank line, so no note
    ("标题\n第一段。\n第二段。\n第三段。\n", ["title", "paragraph", "paragraph", "paragraph"]),
    ("标题\n第一段。\n第二段。\n\n\n", ["title", "paragraph", "paragraph"]),
    # blank-line separated, each paragraph one line: no note, however many lines
    ("标题\n第一段。\n\n第二段。\n\n第三段。\n", ["title", "paragraph", "paragraph", "paragraph"]),
    # blank-line separated and wrapped mid-sentence: each group is one paragraph
    ("标题\n\n" + "甲" * 35 + "\n乙乙。\n\n" + "丙" * 35 + "\n丁丁。\n\n" + "戊" * 35 + "\n己己。\n",
     ["title", "paragraph", "paragraph", "paragraph"]),
    # a paragraph per line, with a blank line before each heading: still a line each
    ("标题\n第一段。\n第二段。\n\n小标题一\n第三段。\n第四段。\n\n小标题二\n第五段。\n",
     ["title", "paragraph", "paragraph", "heading", "paragraph", "paragraph", "heading", "paragraph"]),
])
def test_layouts_are_seen_in_the_text(text, expected):
    assert [block.kind for block in structure(text, {})] == expected


def test_a_wrapped_paragraph_is_one_block_as_it_stands_in_the_text():
    text = "标题\n\n" + "甲" * 35 + "\n乙乙。\n\n" + "丙" * 35 + "\n丁丁。\n\n戊戊。\n"
    blocks = structure(text, {})
    assert blocks[1].source == "甲" * 35 + "\n乙乙。"
    assert all(text[b.start:b.start + len(b.source)] == b.source for b in blocks)


@pytest.mark.parametrize("layout, expected", [
    ("lines", ["title", "paragraph", "paragraph", "paragraph", "paragraph"]),
    ("blank-lines", ["title", "paragraph", "paragraph"]),
])
def test_meta_states_the_layout(layout, expected):
    text = "标题\n\n第一段上半，\n第一段下半。\n\n第二段上半，\n第二段下半。\n"
    assert [block.kind for block in structure(text, {"layout": layout})] == expected


@pytest.mark.parametrize("text, expected", [
    ("标题\n编者按：本栏目介绍。\n正文一段。\n正文二段。\n", ["title", "note", "paragraph", "paragraph"]),
    ("标题\n【編者按】本欄目介紹。\n\n正文一段。\n\n正文二段。\n\n正文三段。\n",
     ["title", "note", "paragraph", "paragraph", "paragraph"]),
    ("标题\n第一段。\n第二段。\n第三段。\n第四段。\n\n第五段。\n", ["title"] + ["paragraph"] * 5),  # too long for a note
])
def test_editor_notes(text, expected):
    assert [block.kind for block in structure(text, {})] == expected


@pytest.mark.parametrize("body, expected", [
    ("正文。\n" + "港" * 30 + "\n正文。", ["paragraph", "heading", "paragraph"]),     # up to 30 characters
    ("正文。\n●某人強調改革開放不會停步\n正文。", ["paragraph", "heading", "paragraph"]),  # a bulleted subhead
    ("正文。\n《某报》社评：这个说法能代表民意吗？\n正文。", ["paragraph", "heading", "paragraph"]),
    ("正文。\n你说呢，这样对吗？\n正文。", ["paragraph", "paragraph", "paragraph"]),      # a sentence, not a heading
    ("全会选出名单，如下：\n一、委员：\n张三、李四、王五、赵六\n二、主席：\n张三\n三、副主席、委员：\n主席：张三\n副主席：李四、王五\n正文。",
     ["paragraph", "heading", "paragraph", "heading", "paragraph", "heading", "paragraph", "paragraph", "paragraph"]),
    ("正文。\n其中包括，以下几点：\n正文。", ["paragraph", "paragraph", "paragraph"]),
])
def test_subheads_list_headings_and_list_items(body, expected):
    assert [block.kind for block in structure("标题\n" + body, {})] == ["title"] + expected


@pytest.mark.parametrize("text, expected", [
    ("标题\n本报北京1月1日电 记者张三报道：今天开会。\n正文。",
     [("dateline", "本报北京1月1日电 记者张三报道："), ("paragraph", "今天开会。")]),
    ("标题\n新華社香港3月2日電（記者 李四）今日開會。\n正文。",
     [("dateline", "新華社香港3月2日電（記者 李四）"), ("paragraph", "今日開會。")]),
    ("标题\n【某新聞】今日開會。\n正文。", [("dateline", "【某新聞】"), ("paragraph", "今日開會。")]),
    ("标题\n（記者王五報道）今日開會。\n正文。", [("byline", "（記者王五報道）"), ("paragraph", "今日開會。")]),
    ("标题\n（二○○一年一月一日）\n正文。\n正文。", [("dateline", "（二○○一年一月一日）"), ("paragraph", "正文。")]),
    ("标题\n1月1日电视台开会。\n正文。", [("paragraph", "1月1日电视台开会。"), ("paragraph", "正文。")]),
])
def test_opening_datelines_and_bylines(text, expected):
    assert kinds_and_sources(text)[1:3] == expected


@pytest.mark.parametrize("last, expected", [
    ("（某社北京12月31日电）", [("paragraph", "正文。"), ("dateline", "（某社北京12月31日电）")]),
    ("全力以赴。（某社北京1日电）", [("paragraph", "全力以赴。"), ("dateline", "（某社北京1日电）")]),
])
def test_closing_datelines(last, expected):
    assert kinds_and_sources("标题\n第一段。\n正文。\n" + last)[-2:] == expected
