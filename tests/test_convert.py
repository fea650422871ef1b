"""The convert stage: Simplified text plus a same-length Traditional form.

Unit cases use small dictionary-based converters; then the real OpenCC ones, and
OpenCC's own t2s test cases (tests/data/opencc-t2s.tsv).
"""

import csv
from pathlib import Path

import pytest

from jiedu.stages.convert import Converters, apply_zhe_rule, convert, same_length, source_script, traditional_form
from jiedu.model import Section

OPENCC_CASES = Path(__file__).parent / "data" / "opencc-t2s.tsv"


def fake_converter(table: dict[str, str]):
    """Longest match over `table` (phrases and characters), as OpenCC converts."""
    longest = max(map(len, table))

    def convert_text(text: str) -> str:
        out, position = [], 0
        while position < len(text):
            for length in range(min(longest, len(text) - position), 0, -1):
                piece = text[position:position + length]
                if piece in table:
                    out.append(table[piece])
                    position += length
                    break
            else:
                out.append(text[position])
                position += 1
        return "".join(out)

    return convert_text


FAKE = Converters(
    to_simplified=fake_converter({"頭": "头", "髮": "发", "發": "发", "隨": "随", "乾": "干", "乾隆": "乾隆",
                                  "鐘": "钟", "〇〇": "零", "兙": "十克"}),
    to_traditional=fake_converter({"头": "頭", "发": "發", "随": "隨", "钟": "鐘", "干": "幹", "台": "臺"}),
    simplified_only=frozenset("头发随钟"),
    standards=(("tw", fake_converter({"头": "頭", "发": "發", "随": "隨", "钟": "鐘", "干": "幹", "台": "台"})),),
)


@pytest.mark.parametrize("text, expected", [
    ("頭髮", "头发"),
    ("乾隆", "乾隆"),              # length kept: the whole-text (phrase) conversion is used
    ("乾淨", "干淨"),
    ("鐘〇〇", "钟〇〇"),          # 〇〇 → 零 changes length: one character at a time instead
    ("乾隆〇〇", "干隆〇〇"),      # ... which loses the phrase: the price of the fallback
    ("兙頭", "兙头"),              # a character that would become two is kept as it is
])
def test_same_length_falls_back_to_one_character_at_a_time(text, expected):
    assert same_length(FAKE.to_simplified, text) == expected


@pytest.mark.parametrize("source, simplified, script, expected", [
    ("頭髮", "头发", "traditional", "頭髮"),   # the source's 髮 kept, though s2t of 发 says 發
    ("頭髮", "头发", "simplified", "頭髮"),    # ... also among Simplified text
    ("头发", "头发", "simplified", "頭發"),    # a Simplified source: converted
    ("頭发", "头发", "mixed", "頭發"),         # mixed: only the Simplified-only 发 converted
    ("理髮", "理发", "traditional", "理髮"),
    ("隨著", "随着", "traditional", "隨著"),
    ("台干", "台干", "traditional", "台干"),   # written by Traditional text too: kept as written
    ("台干发", "台干发", "mixed", "台幹發"),   # mixed: 干 written as Simplified (its conversion is 幹)
    ("台干", "台干", "simplified", "台幹"),    # a Simplified source: the site's standard (台, not 臺)
])
def test_traditional_form_keeps_the_source_traditional(source, simplified, script, expected):
    assert traditional_form(source, simplified, FAKE, script) == expected


def test_convert_fills_text_and_trad_of_the_same_length():
    block = convert(Section("paragraph", "隨著頭发", 7), FAKE, "mixed")
    assert (block.source, block.start, block.text, block.trad) == ("隨著頭发", 7, "随着头发", "隨著頭發")


@pytest.mark.parametrize("text, expected", [
    ("范世平說台灣公布才。" + "這個說法是對的。" * 15, "traditional"),   # 台, 布, 才 are Traditional too; one 范 is no mix
    ("范世平说台湾公布才", "simplified"),
    ("他說這是我们的", "mixed"),
    ("這個幹部說，干部的工作", "mixed"),        # 干部: a shared character written as Simplified
    ("這個說法是對的，週年周年了解公布伙伴栗子臺台", "traditional"),  # shapes HK and TW text writes
    ("" + "這個說法是對的" * 60 + "们", "traditional"),   # one stray character is not a mix
    ("abc", "simplified"),
])
def test_source_script(resources, text, expected):
    assert source_script(text, resources.converters) == expected


@pytest.mark.parametrize("source", ["范世平說台灣公布才知道", "張五岳指出，兩岸關係", "他們發覺後面的系統"])
def test_a_traditional_sources_traditional_view_is_its_own_characters(resources, source):
    block = convert(Section("paragraph", source, 0), resources.converters, "traditional")
    assert block.trad == source


@pytest.mark.parametrize("standard, expected", [
    ("tw", "人群和山峰，核實才能"), ("hk", "人羣和山峯，核實才能"), ("opencc", "人羣和山峯，覈實才能"),
])
def test_a_simplified_source_takes_the_sites_standard(resources, standard, expected):
    block = convert(Section("paragraph", "人群和山峰，核实才能", 0), resources.converters, "simplified", standard)
    assert block.trad == expected


@pytest.mark.parametrize("text, expected", [
    ("随著", "随着"),
    ("涌动著", "涌动着"),
    ("逼著自己", "逼着自己"),
    ("著急", "着急"),
    ("著", "着"),
    ("著名", "著名"),
    ("土著", "土著"),
    ("显著", "显著"),
    ("著作", "著作"),
    ("名著著作", "名著著作"),
    ("随著著名", "随着著名"),
    ("随著有关部门", "随着有关部门"),   # 著有 ("has written") must not catch 随著 + 有关
    ("重新著手", "重新着手"),           # 新著 ("new work") must not catch 重新 + 着手
    ("随著作风建设的深入", "随着作风建设的深入"),  # particle after 随 wins over 著作
    ("有著名学者", "有著名学者"),        # 有 + 著名, not 有着
    ("配合著政策", "配合着政策"),        # 配合 + 着, not 合著 ("co-author")
    ("凸显著问题", "凸显着问题"),
    ("两人合著一书", "两人合著一书"),
])
def test_zhe_rule(text, expected):
    assert apply_zhe_rule(text) == expected


@pytest.mark.parametrize("text", ["干部", "于", "干部于是"])
def test_real_converter_passes_simplified_through(resources, text):
    assert same_length(resources.converters.to_simplified, text) == text


@pytest.mark.parametrize("source, trad", [
    ("幹部干部隨著著名这", "幹部幹部隨著著名這"),   # what it wrote as Simplified is converted
    ("臺灣干部在台灣，群眾周年", "臺灣幹部在台灣，群眾周年"),   # variant and accepted shapes are kept
])
def test_real_convert_of_a_mixed_block(resources, source, trad):
    block = convert(Section("paragraph", source, 0), resources.converters, "mixed")
    assert block.trad == trad


OLDER_DICTIONARY = "opencc-python-reimplemented 0.1.7 ships an older OpenCC dictionary: "
KNOWN_DIFFERENCES = {
    "case_053": "it maps 陞→升 everywhere, also in the name 楊聯陞",
    "BYVoid_OpenCC_PR_1369_t2x": "it has no phrase 沈厚→沉厚 (only 沈沒, 沈積 ...), so 沈 stays",
    "t2s_place_name_qian_an_xian": "its first choice for 乾 is 干 and it lacks the place names 乾安, 乾州, 乾佑",
    "BYVoid_OpenCC_Issue_930": "it has no mapping 貍→狸",
    "BYVoid_OpenCC_Issue_722": "it has no mapping 擡→抬",
    "BYVoid_OpenCC_Issue_722_preexisting_t2s_1": "it has no mapping 擡→抬",
    "BYVoid_OpenCC_Issue_767_solace": "its phrase 藉着→借着 turns Simplified 慰藉着 into 慰借着; OpenCC now knows 慰藉",
    "BYVoid_OpenCC_PR_464_ke_vs_ke": "it maps 剋→克 everywhere; OpenCC PR 464 keeps 剋 in 剋架, 剋毒, 挨剋",
    "BYVoid_OpenCC_PR_464_sheng_vs_sheng": "it maps 昇→升 everywhere; OpenCC PR 464 keeps 昇 in names",
    "BYVoid_OpenCC_PR_464_fan_vs_fan": "it maps 氾→泛 everywhere; OpenCC PR 464 keeps 氾 in names",
    "BYVoid_OpenCC_PR_464_su_vs_su": "it maps 甦→苏 everywhere; OpenCC PR 464 keeps 甦 in names",
    "BYVoid_OpenCC_PR_464_mi_vs_mi": "it maps 祕→秘 everywhere; OpenCC PR 464 keeps 祕 in names",
    "BYVoid_OpenCC_PR_464_xiu_vs_xiu": "it maps 脩→修 everywhere; OpenCC PR 464 keeps 脩 (束脩, 脩金 ...)",
    "BYVoid_OpenCC_PR_464_sou_vs_sou": "it maps 蒐→搜 everywhere; OpenCC PR 464 keeps 蒐 (茅蒐, 春蒐 ...)",
    "BYVoid_OpenCC_PR_464_li_vs_li": "it maps 釐→厘 everywhere; OpenCC PR 464 keeps 釐 (年釐, 祝釐 ...)",
    "BYVoid_OpenCC_PR_464_zha_vs_zha": "it has no mappings 劄→札 and 箚→札",
    "BYVoid_OpenCC_PR_464_han_vs_han": "it has no mapping 扞→捍 (扞拒, 扞衛)",
    "BYVoid_OpenCC_PR_464_ning_vs_ning": "it maps 甯→宁 everywhere; OpenCC PR 464 keeps the surname 甯",
    "BYVoid_OpenCC_PR_464_jia_vs_jia": "it has no mapping 袷→夹 (袷衣, 袷裙)",
    "BYVoid_OpenCC_PR_464_xi_vs_xi": "it has no mapping 谿→溪",
    "BYVoid_OpenCC_Issue_790_qian_ta_po": "its first choice for 乾 is 干 and it lacks 乾闥婆",
    "t2s_huai_and_pi_phrases": "it has no phrases turning 坏 into 坯 (一坯, 制坯, 坯布, 面坯儿)",
    "su_variant_preserve": "it maps 甦→苏 also when 甦 stands alone or in the name 楊甦棣",
    "rao_variant": "it has no mapping 遶→绕",
    "BYVoid_OpenCC_Issue_1335": "it has no mapping 幷→并",
    "BYVoid_OpenCC_Issue_621_qian_duan_shi": "its phrase 乾斷→乾断 keeps 乾 where OpenCC now gives 干",
    "BYVoid_OpenCC_Issue_621_qian_hong": "its phrase 乾紅→乾红 keeps 乾 where OpenCC now gives 干",
}


def opencc_cases() -> list:
    with OPENCC_CASES.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file, delimiter="\t"))
    assert rows[0] == ["id", "input", "expected"]
    cases = []
    for case_id, text, expected in rows[1:]:
        known = KNOWN_DIFFERENCES.get(case_id)
        marks = [pytest.mark.xfail(strict=True, reason=OLDER_DICTIONARY + known)] if known else []
        cases.append(pytest.param(text, expected, id=case_id, marks=marks))
    return cases


def test_every_known_difference_names_a_case():
    assert set(KNOWN_DIFFERENCES) <= {case.id for case in opencc_cases()}


@pytest.mark.parametrize("text, expected", opencc_cases())
def test_opencc_t2s_cases(resources, text, expected):
    assert same_length(resources.converters.to_simplified, text) == expected
