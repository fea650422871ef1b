"""Credits: the dateline that opens a news report and the byline that closes it, as
classes of form, not lists of papers or names.

- a dateline: an agency or paper, a place and a date ending in 电 (本报北京1月1日电,
  新华社北京12月31日电, 中央社記者…台北1日電), or a source tag in 【】 (【眾新聞】), at the
  start of the first paragraph; or a line that is nothing but brackets holding a date
  or a 电 (（新华社北京12月31日电）, （二○○○年十二月三十一日）（附图片1张）);
- a byline: a reporter's credit in brackets (（记者 戴宏）, （記者林勵報道）), closing the
  last paragraph or on a line of its own, or opening the first.
"""

import re

from ..model import Section

NUMBER = r"(?:\d{1,4}|[〇○零一二三四五六七八九十]{1,4})"
DATE = f"(?:{NUMBER}年)?(?:{NUMBER}月)?{NUMBER}日"
AFTER = r"(?=[（()）\s\u3000：:—-]|$)"  # 电 ends the dateline here, not 电视 or 电话
CREDIT_WORDS = r"(?:记者|記者|通讯员|通訊員|特约|特約|撰文|报道|報道|报导|報導)"
# An agency's or paper's dateline: up to 12 characters of agency and place, then a date
# and 电, or 讯 alone (本报讯); a reporter's credit in brackets may follow.
PLACE = r"[^\s，。、：；（）()【】「」“”]"
AGENCY = re.compile(f"[（(]?(?:{PLACE}{{0,12}}?{DATE}[电電]|{PLACE}{{1,8}}?[讯訊]){AFTER}[）)]?"
                    f"(?:[（(][^（）()\\n]{{1,30}}[）)])?[\\s\u3000：:—-]*"
                    f"(?:(?:本报|本報)?(?:记者|記者)[^，。：:\\n]{{1,16}}?(?:报道|報道|報導)[：:\\s\u3000]+)?")
SOURCE_TAG = re.compile(r"【[^【】\n]{1,12}】[\s\u3000]*")
OPENING_BYLINE = re.compile(f"[（(【][^（）()【】\\n]{{0,20}}{CREDIT_WORDS}[^（）()【】\\n]{{0,20}}[）)】][\\s\u3000]*")
CLOSING_BYLINE = re.compile(f"[（(](?:本报|本報)?[^（）()\\n]{{0,20}}{CREDIT_WORDS}[^（）()\\n]*[）)]$")
CLOSING_DATELINE = re.compile(f"[（(][^（）()\\n]{{0,12}}{DATE}[电電][）)]$")
BRACKETS_ONLY = re.compile(r"(?:[（(][^（）()\n]+[）)])+")
DATED = re.compile(f"{DATE}|{NUMBER}年|[电電]")


def is_dateline_line(line: str) -> bool:
    """A line of brackets only, the first holding a date or a 电."""
    return bool(BRACKETS_ONLY.fullmatch(line)) and bool(DATED.search(line[:line.find("）") + 1 or len(line)]))


def opening_credit(paragraph: str) -> tuple[str, str]:
    """(kind, credit) at the start of the first paragraph, or ("", "")."""
    for kind, pattern in (("dateline", SOURCE_TAG), ("dateline", AGENCY), ("byline", OPENING_BYLINE)):
        found = pattern.match(paragraph)
        if found and found.end() < len(paragraph) and found.group().strip():
            return kind, found.group()
    return "", ""


def split_credits(blocks: list[Section]) -> list[Section]:
    return split_closing(split_opening(blocks))


def split_opening(blocks: list[Section]) -> list[Section]:
    """The first paragraph's opening dateline or byline, as a block of its own."""
    index = next((i for i, b in enumerate(blocks) if b.kind == "paragraph"), None)
    if index is None:
        return blocks
    first = blocks[index]
    if is_dateline_line(first.source):
        return blocks[:index] + [Section("dateline", first.source, first.start)] + blocks[index + 1:]
    kind, credit = opening_credit(first.source)
    if not kind:
        return blocks
    credit = credit.rstrip()
    rest = first.source[len(credit):].lstrip()
    return blocks[:index] + [Section(kind, credit, first.start),
                             Section("paragraph", rest, first.start + len(first.source) - len(rest))] + blocks[index + 1:]


def split_closing(blocks: list[Section]) -> list[Section]:
    """The last paragraph's closing byline or dateline, as a block of its own."""
    if not blocks or blocks[-1].kind != "paragraph":
        return blocks
    last = blocks[-1]
    if is_dateline_line(last.source) and len(blocks) > 2:
        return blocks[:-1] + [Section("dateline", last.source, last.start)]
    for kind, pattern in (("byline", CLOSING_BYLINE), ("dateline", CLOSING_DATELINE)):
        found = pattern.search(last.source)
        if found:
            body = last.source[:found.start()].rstrip()
            credit = Section(kind, found.group(), last.start + found.start())
            return blocks[:-1] + ([Section("paragraph", body, last.start)] if body else []) + [credit]
    return blocks
