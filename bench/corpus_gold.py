"""The corpus gold (bench/data/corpus_gold/): reviewed pinyin of passages of the political
corpus (../shared/data/political-corpus/), text jiedu's reading rules were not written on.

Each gold file names its passage (corpus file, record line, title, content lines
start:end) and the SHA-256 of the passage (its lines joined by newlines); the text is
read from shared/ and checked. `passages` is how the passages were chosen (a fixed seed),
kept so that the choice can be repeated.

    .venv/bin/python bench/corpus_gold.py --draft FOLDER   # the passages, one file each
"""

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.news_gold import GoldText, header  # noqa: E402
from jiedu.text import HAN  # noqa: E402

GOLD = ROOT / "bench" / "data" / "corpus_gold"
SHARED = Path("shared") / "data" / "political-corpus"
CORPUS = next((folder / SHARED for folder in ROOT.parents if (folder / SHARED).is_dir()), ROOT.parent / SHARED)
SEED = 17
# Congress reports by the year they were given.
CONGRESS_YEARS = {12: 1982, 13: 1987, 14: 1992, 15: 1997, 16: 2002, 17: 2007, 18: 2012, 19: 2017, 20: 2022}
DECADES = (1980, 2000, 2020)
FILES = ("government_work_reports.jsonl", "cpc_congress_reports.jsonl")
MIN_HAN = 900


def records(corpus: Path, name: str) -> list[tuple[int, dict]]:
    """(line number from 1, record) of each full report of one corpus file, with its year."""
    found = []
    for number, line in enumerate((corpus / name).read_text(encoding="utf-8").splitlines(), 1):
        record = json.loads(line)
        year = record.get("year") or CONGRESS_YEARS.get(record.get("congress"))
        if year and "决议" not in record["title"]:
            found.append((number, {**record, "year": int(year)}))
    return found


def passages(corpus: Path = CORPUS, seed: int = SEED) -> list[dict]:
    """One passage per corpus file and decade: a report picked at random, a line of it
    at random, and the lines from there until MIN_HAN Han characters."""
    chosen, pick = [], random.Random(seed)
    for name in FILES:
        found = records(corpus, name)
        for decade in DECADES:
            number, record = pick.choice([(n, r) for n, r in found if decade <= r["year"] < decade + 10])
            lines = record["content"].split("\n")
            start = end = pick.randrange(len(lines) // 2)
            while end < len(lines) and sum(len(HAN.findall(line)) for line in lines[start:end]) < MIN_HAN:
                end += 1
            text = "\n".join(lines[start:end])
            chosen.append({"file": name, "record": number, "title": record["title"], "year": record["year"],
                           "lines": f"{start}:{end}", "text": text,
                           "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()})
    return chosen


def passage_text(corpus: Path, name: str, record: int, span: str) -> str:
    line = (corpus / name).read_text(encoding="utf-8").splitlines()[record - 1]
    start, end = map(int, span.split(":"))
    return "\n".join(json.loads(line)["content"].split("\n")[start:end])


def load_corpus(gold: Path = GOLD, corpus: Path = CORPUS) -> list[GoldText]:
    """Every gold passage, its text read from the corpus and checked; [] without it."""
    if not (corpus / FILES[0]).is_file():
        return []
    texts = []
    for path in sorted(gold.glob("*.tsv")):
        rows = path.read_text(encoding="utf-8").splitlines()
        fields = header(rows)
        text = passage_text(corpus, fields["file"], int(fields["record"]), fields["lines"])
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != fields["sha256"]:
            raise SystemExit(f"{path.name}: not the passage it was made on (SHA-256 differs)")
        readings = [row.split("\t")[1].split("|") for row in rows if not row.startswith("#")]
        lines = tuple(line for line in text.split("\n") if line)
        if sum(len(HAN.findall(line)) for line in lines) != len(readings) or len(readings) != int(fields["han"]):
            raise SystemExit(f"{path.name}: {len(readings)} readings for the passage's Han characters")
        texts.append(GoldText(path.stem, lines, tuple(frozenset(r) for r in readings)))
    return texts


def main(argv=None) -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--draft", type=Path, required=True, help="write each passage's text and facts here")
    args = options.parse_args(argv)
    args.draft.mkdir(parents=True, exist_ok=True)
    for number, passage in enumerate(passages(), 1):
        stem = f"{number:02d}-{'gwr' if passage['file'].startswith('gov') else 'cpc'}-{passage['year']}"
        (args.draft / f"{stem}.txt").write_text(passage["text"], encoding="utf-8")
        facts = {k: v for k, v in passage.items() if k != "text"}
        (args.draft / f"{stem}.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
        print(stem, facts["title"], facts["lines"], len(HAN.findall(passage["text"])))


if __name__ == "__main__":
    main()
