#!/usr/bin/env python3
"""Lists `related` links of the built-in lexicon that a reviewer should read by hand (issue #15).

    .venv/bin/python bench/lexicon_related_check.py

A link misleads when it sends the reader to the wrong entry, typically a homonym: 二十三条
(Hong Kong's Basic Law Article 23, 2003) linked from the 1965 "Twenty-three Articles". The
script prints the links that cannot be right (target missing, the entry itself, listed twice)
and the candidates whose target plainly seems to be about something else:
  era     both explanations give years and the two spans lie more than ERA_GAP years apart;
  region  one side is about Hong Kong or Macau only and the other about Taiwan only.
Candidates are not errors: each needs a human verdict (the header of
bench/data/lexicon_review_2.toml gives the figures). Exit status 1 only for the links that
cannot be right (tests/test_lexicon_data.py checks those too).
"""

import re
import sys
import tomllib
from pathlib import Path

LEXICON = Path(__file__).resolve().parent.parent / "jiedu" / "data" / "lexicon"
ERA_GAP = 30
YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)s?\b")
HONG_KONG = re.compile(r"Hong Kong|Macau|Macao|Legislative Council|Chief Executive|Basic Law")
TAIWAN = re.compile(r"Taiwan|Taipei|cross-Strait|Strait|DPP|Legislative Yuan|Kinmen")


def entries() -> dict[str, dict]:
    return {term["simplified"]: term for path in sorted(LEXICON.glob("*.toml"))
            for term in tomllib.loads(path.read_text(encoding="utf-8")).get("term", [])}


def span(term: dict) -> tuple[int, int] | None:
    years = [int(year) for year in YEAR.findall(term["explanation"] + " " + term.get("role", ""))]
    return (min(years), max(years)) if years else None


def region(term: dict) -> str:
    text = term["explanation"] + " " + term["english"]
    hong_kong, taiwan = bool(HONG_KONG.search(text)), bool(TAIWAN.search(text))
    if hong_kong != taiwan:
        return "hk" if hong_kong else "tw"
    return "both" if hong_kong else "mainland"


def suspicion(source: dict, target: dict) -> str:
    a, b = span(source), span(target)
    if a and b and (b[0] - a[1] > ERA_GAP or a[0] - b[1] > ERA_GAP):
        return f"era {a[0]}-{a[1]} vs {b[0]}-{b[1]}"
    pair = {region(source), region(target)}
    if pair == {"hk", "tw"}:
        return "region Hong Kong/Macau vs Taiwan"
    return ""


def main() -> int:
    lexicon = entries()
    broken, candidates = [], []
    for name, term in lexicon.items():
        for target in term["related"]:
            if target not in lexicon or target == name or term["related"].count(target) > 1:
                broken.append(f"{name} -> {target}")
            elif why := suspicion(term, lexicon[target]):
                candidates.append(f"{name} -> {target}: {why}\n    {term['english']} | "
                                  f"{lexicon[target]['english']}: {lexicon[target]['explanation'][:110]}")
    links = sum(len(term["related"]) for term in lexicon.values())
    print(f"{len(lexicon)} entries, {links} related links; cannot be right: {len(broken)}; "
          f"to read by hand: {len(candidates)}")
    print("\n".join(broken + candidates))
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
