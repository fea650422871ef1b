#!/usr/bin/env python3
"""Draws the random sample of lexicon entries an independent reviewer checks (issue #15).

    .venv/bin/python bench/lexicon_review_sample.py            # print the sample as TOML
    .venv/bin/python bench/lexicon_review_sample.py --score    # score bench/data/lexicon_review.toml
    .venv/bin/python bench/lexicon_review_sample.py --round 2 [--score]   # a second, fresh sample

The sample is the 200 entries whose SHA-256 of (seed, Simplified form) is smallest: a
random draw anyone can repeat, which does not depend on file order, and which an entry
added later joins only if its own hash is small enough. The reviewer's verdicts live in bench/data/lexicon_review.toml: one
[[review]] per sampled entry with `simplified`, `verdict` ("ok" or "error"), `field`
(pinyin, english, traditional, facts, category, literal, related, role) and `note` for an error.
`--score` prints the error rate over the current sample and the errors by field; every
sampled entry needs a verdict (entries added later can join the sample and need one too).
Round 1's errors were fixed, so re-scoring it no longer estimates anything: `--round 2`
draws with another seed among the entries round 1 did not review, into lexicon_review_2.toml.
"""

import hashlib
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "jiedu" / "data" / "lexicon"
REVIEWS = {1: ROOT / "bench" / "data" / "lexicon_review.toml",
           2: ROOT / "bench" / "data" / "lexicon_review_2.toml"}
SEEDS, SIZE = {1: 20261207, 2: 20261208}, 200


def all_entries() -> list[tuple[str, dict]]:
    return [(path.name, term) for path in sorted(LEXICON.glob("*.toml"))
            for term in tomllib.loads(path.read_text(encoding="utf-8")).get("term", [])]


def reviewed(path: Path) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["review"]


def sample(entries: list[tuple[str, dict]], round_: int = 1) -> list[tuple[str, dict]]:
    """Later rounds leave out every entry an earlier round reviewed, so that they estimate
    the rate among entries nobody has corrected yet."""
    def rank(entry: tuple[str, dict]) -> str:
        return hashlib.sha256(f"{SEEDS[round_]}\0{entry[1]['simplified']}".encode()).hexdigest()

    earlier = {review["simplified"] for r in range(1, round_) for review in reviewed(REVIEWS[r])}
    return sorted((e for e in entries if e[1]["simplified"] not in earlier), key=rank)[:SIZE]


def as_toml(name: str, term: dict) -> str:
    lines = [f"# {name}", "[[entry]]"]
    lines += [f"{key} = {value!r}" if not isinstance(value, str) else f'{key} = "{value}"'
              for key, value in term.items()]
    return "\n".join(lines)


def score(drawn: list[tuple[str, dict]], review_file: Path) -> int:
    """The error rate over the current sample. Every sampled entry needs a verdict; verdicts
    for entries that later additions pushed out of the sample are kept but not counted."""
    reviews = reviewed(review_file)
    expected = {term["simplified"] for _, term in drawn}
    missing = expected - {review["simplified"] for review in reviews}
    if missing:
        print(f"no verdict yet for {len(missing)} sampled entries: {sorted(missing)}")
        return 1
    counted = [review for review in reviews if review["simplified"] in expected]
    errors = [review for review in counted if review["verdict"] == "error"]
    print(f"lexicon entries: {len(all_entries())}; reviewed in the sample: {len(counted)} "
          f"(+{len(reviews) - len(counted)} outside it); with an error: {len(errors)} ({len(errors) / len(counted):.1%})")
    for field, count in Counter(review["field"] for review in errors).most_common():
        print(f"  {field}: {count}")
    return 0


def main(argv: list[str]) -> int:
    round_ = int(argv[argv.index("--round") + 1]) if "--round" in argv else 1
    drawn = sample(all_entries(), round_)
    if "--score" in argv:
        return score(drawn, REVIEWS[round_])
    print("\n\n".join(as_toml(name, term) for name, term in drawn))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
