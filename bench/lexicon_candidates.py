#!/usr/bin/env python3
"""Candidates for the political lexicon, mined from the political corpus and ranked.

Reads ../shared/data/political-corpus/*.jsonl (Government Work Reports 1954-2025 and CPC
congress reports; see its README) and finds three kinds of candidate:

- ngram:   2-4 consecutive jieba words (Han only, not starting or ending with a function
           word) that recur in several documents: set phrases jieba cuts into parts;
- cedict:  CC-CEDICT headwords of 2-8 characters that jieba's words make up;
- formula: numbered formulas, 四个全面 / 两个确立 / 三个代表 (N个 + 2-4 characters).

Terms already in the lexicon (jiedu/data/lexicon/*.toml) are given to jieba as words, so a
lexicon phrase is not also counted as its parts; each one jieba finds is listed (kind
"lexicon", with its first year in the corpus) and marked in the last column.
Ranked by how many documents use a term, then by occurrences. Writes
bench/data/lexicon_candidates.tsv (term, documents, first year, count, kinds, in lexicon):
terms and numbers only, never corpus text.

    .venv/bin/python bench/lexicon_candidates.py [--corpus DIR] [--top N]
"""

import argparse
import json
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LEXICON = ROOT / "jiedu" / "data" / "lexicon"
OUTPUT = ROOT / "bench" / "data" / "lexicon_candidates.tsv"
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
FORMULA = re.compile(r"(?:[一二三四五六七八九十]|两)个[\u4e00-\u9fff]{2,4}")
# A phrase that begins or ends with one of these is a fragment of a sentence, not a term.
FUNCTION_WORDS = set("的了和与及或在是对把被为从向以于而并也都就还又等中上下里这那其之着过所各该此每要将")
MIN_DOCUMENTS = {"lexicon": 1, "ngram": 4, "cedict": 2, "formula": 2}
MIN_KEPT = 3
"""Documents a term needs to be written to the file (the long tail is noise)."""

CONGRESS_YEARS = {1: 1921, 2: 1922, 3: 1923, 4: 1925, 5: 1927, 6: 1928, 7: 1945, 8: 1956,
                  9: 1969, 10: 1973, 11: 1977, 12: 1982, 13: 1987, 14: 1992, 15: 1997,
                  16: 2002, 17: 2007, 18: 2012, 19: 2017, 20: 2022}
NPC_FIRST_YEARS = {1: 1954, 2: 1959, 3: 1964, 4: 1975, 5: 1978, 6: 1983, 7: 1988, 8: 1993,
                   9: 1998, 10: 2003, 11: 2008, 12: 2013, 13: 2018, 14: 2023}
NPC_SESSION_YEARS = {(2, 3): 1962}
"""Sessions not held one a year from the first (there was no session in 1961)."""
NPC_SESSION = re.compile(r"第([一二三四五六七八九十]+)届全国人民代表大会第([一二三四五六七八九十]+)次会议")
LICENCE_FOOTER = re.compile(r"\n{4,}[^\n]{0,20}本作品")
"""Wikisource's public-domain notice at the end of most records: not the document's text."""
DIGITS = {c: n for n, c in enumerate("零一二三四五六七八九", 0)}


def chinese_number(text: str) -> int:
    """1-99 in Chinese numerals: 十四 -> 14, 二十 -> 20.

    >>> [chinese_number(t) for t in ("三", "十", "十四", "二十", "二十一")]
    [3, 10, 14, 20, 21]
    """
    if "十" not in text:
        return DIGITS[text]
    tens, _, units = text.partition("十")
    return (DIGITS[tens] if tens else 1) * 10 + (DIGITS[units] if units else 0)


def document_year(record: dict) -> int:
    """The year a record was delivered: its `year`, its congress's, or its NPC session's."""
    if record.get("year"):
        return int(record["year"])
    if record.get("congress"):
        return CONGRESS_YEARS[record["congress"]]
    found = NPC_SESSION.search(record["title"])
    if not found:
        raise ValueError(f"no year for {record['title']!r}")
    term, session = (chinese_number(g) for g in found.groups())
    return NPC_SESSION_YEARS.get((term, session), NPC_FIRST_YEARS[term] + session - 1)


def find_corpus(given: str | None) -> Path:
    places = [Path(given)] if given else [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    for place in places:
        folder = place if place.name == "political-corpus" else place / "data" / "political-corpus"
        if folder.is_dir():
            return folder
    sys.exit(f"political corpus not found in {', '.join(map(str, places))} (use --corpus)")


def read_corpus(folder: Path) -> list[tuple[int, str]]:
    """(year, Simplified text) per document; the few Traditional records are converted."""
    import opencc
    to_simplified = opencc.OpenCC("t2s").convert
    documents = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            text = LICENCE_FOOTER.split(record["content"], maxsplit=1)[0]
            documents.append((document_year(record), to_simplified(text)))
    return documents


def lexicon_terms() -> set[str]:
    terms = set()
    for path in sorted(LEXICON.glob("*.toml")):
        terms |= {t["simplified"] for t in tomllib.loads(path.read_text(encoding="utf-8")).get("term", [])}
    return terms


def phrases(tokenizer, headwords: set[str], known: set[str], text: str) -> tuple[Counter, Counter, Counter]:
    """(lexicon terms, CC-CEDICT headwords, other phrases) made of 1-4 consecutive jieba words:
    a headword counts only where it starts and ends on word boundaries (not 国人 in 中国人民)."""
    lexicon, cedict, grams = Counter(), Counter(), Counter()
    for run in HAN_RUN.findall(text):
        words = tokenizer.lcut(run, HMM=False)
        for size in (1, 2, 3, 4):
            for start in range(len(words) - size + 1):
                gram = words[start:start + size]
                phrase = "".join(gram)
                if phrase in known:
                    lexicon[phrase] += 1
                elif phrase in headwords:
                    cedict[phrase] += 1
                elif size > 1 and len(phrase) <= 8 and gram[0][0] not in FUNCTION_WORDS \
                        and gram[-1][-1] not in FUNCTION_WORDS:
                    grams[phrase] += 1
    return lexicon, cedict, grams


def mine(documents: list[tuple[int, str]], known: set[str]) -> dict[str, dict]:
    """term -> documents, first year, count, kinds."""
    import jieba
    from jiedu.lexicon.dictionary import read_rows
    tokenizer = jieba.Tokenizer()
    for term in sorted(known):
        tokenizer.add_word(term, freq=100000)
    headwords = {row[1] for row in read_rows() if HAN_RUN.fullmatch(row[1]) and 2 <= len(row[1]) <= 8}
    terms: dict[str, dict] = {}
    for year, text in documents:
        lexicon, cedict, grams = phrases(tokenizer, headwords, known, text)
        kinds = {"lexicon": lexicon, "ngram": grams, "cedict": cedict, "formula": Counter(FORMULA.findall(text))}
        for term in set().union(*kinds.values()):
            entry = terms.setdefault(term, {"docs": 0, "first": year, "count": 0, "kinds": Counter()})
            entry["docs"] += 1
            entry["first"] = min(entry["first"], year)
            entry["count"] += max(counts[term] for counts in kinds.values())
            entry["kinds"].update(kind for kind, counts in kinds.items() if term in counts)
    return terms


def ranked(terms: dict[str, dict], known: set[str]) -> list[tuple]:
    rows = []
    for term, entry in terms.items():
        kinds = sorted(k for k, docs in entry["kinds"].items() if docs >= MIN_DOCUMENTS[k])
        if kinds or term in known:
            rows.append((term, entry["docs"], entry["first"], entry["count"], ",".join(kinds) or "-",
                         "yes" if term in known else "no"))
    return sorted(rows, key=lambda r: (-r[1], -r[3], r[0]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", help="the political-corpus folder (default: ../shared/data/political-corpus)")
    parser.add_argument("--top", type=int, default=60, help="rows to print")
    args = parser.parse_args()
    documents = read_corpus(find_corpus(args.corpus))
    known = lexicon_terms()
    rows = ranked(mine(documents, known), known)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    rows = [r for r in rows if r[1] >= MIN_KEPT or r[5] == "yes"]
    lines = ["term\tdocuments\tfirst_year\tcount\tkinds\tin_lexicon"] + ["\t".join(map(str, r)) for r in rows]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(documents)} documents, {len(rows)} candidates, {sum(r[5] == 'yes' for r in rows)} in the lexicon "
          f"-> {OUTPUT.relative_to(ROOT)}")
    for row in [r for r in rows if r[5] == "no"][:args.top]:
        print("\t".join(map(str, row)))


if __name__ == "__main__":
    main()
