#!/usr/bin/env python3
"""Draft lexicon entries from compact lines: the writer supplies the meaning, the script
drafts the Traditional form and the pinyin, to be checked by eye before committing.

A draft file has one entry a line, fields separated by "|":

    simplified | english | source | literal | explanation | related | options

source is o (official), c (cedict) or w (own); related is a comma-separated list of
Simplified forms (may be empty); options (may be left off) are "key=value" pairs separated
by ";": py= the whole pinyin, trad= the Traditional form, role= a person's role, cap= the
indexes of syllables to capitalise; the flag P marks a proper name, whose drafted
pinyin gets a capital on its first syllable (more name parts: cap=). A line "@ category" sets the category of the lines
after it; "#" starts a comment line.

Traditional: OpenCC s2tw (Taiwan characters, no vocabulary change), or s2t where s2tw's
form does not convert back (著 for 着). Pinyin: CC-CEDICT's reading of the whole headword
where it has one (its capitals kept), else pypinyin's; for a person, surname and given
name capitalised. Lines whose pinyin came from pypinyin are marked "?" in the review
listing, which is printed to stdout; the entries are written as TOML family files.

    .venv/bin/python bench/lexicon_draft.py DRAFT... [--out jiedu/data/lexicon] [--replace]

Without --replace the new entries are appended to the family files, and a term already in
the lexicon is refused.
"""

import argparse
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SOURCES = {"o": "official", "c": "cedict", "w": "own"}
FAMILIES = {"institution": "institutions", "office": "offices", "meeting": "meetings-documents",
            "document": "meetings-documents", "slogan": "slogans-formulas", "policy": "policy",
            "economy": "economy", "hk-macau-taiwan": "hk-macau-taiwan", "discipline": "discipline",
            "idiom": "idioms", "person": "people", "diplomacy": "diplomacy", "military": "military"}
HEADER = """\
# jiedu political lexicon: {family}
#
# One [[term]] table per entry. Fields:
#   simplified      the term in Simplified characters
#   traditional     the standard Traditional form (Taiwan/Hong Kong characters)
#   pinyin          tone marks, one syllable per Han character, single spaces, neutral tone
#                   unmarked; proper nouns capitalised on the first syllable of each name part
#   english         the official English rendering where there is one, else CC-CEDICT's, else ours
#   english_source  "official" | "cedict" | "own"
#   literal         morpheme-by-morpheme gloss
#   category        institution, office, meeting, document, slogan, policy, economy,
#                   hk-macau-taiwan, discipline, idiom, person, diplomacy, military
#   explanation     1-3 sentences in our own words: what it means, who says it, since when
#   related         Simplified forms of other lexicon entries
#   role            (people only) the offices that make the person worth knowing
#
# Licence: the entries are jiedu's own writing (MIT, as the project). English renderings
# marked english_source = "cedict" are from CC-CEDICT (https://cc-cedict.org/), (c) MDBG
# and contributors, CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).
"""
TAIWAN_FIXES = {"一箇": "一個", "迴歸": "回歸"}
"""Where OpenCC's s2tw picks a form Taiwan's standard does not use in these words."""
CITATION = {"一": "yī", "不": "bù"}
"""pypinyin applies tone sandhi to these; the lexicon, like CC-CEDICT, writes citation tones."""
FIELDS = ("simplified", "traditional", "pinyin", "english", "english_source", "literal", "category",
          "explanation", "related", "role")


def parse(paths: list[Path]) -> list[dict]:
    entries, category = [], None
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@"):
                category = line[1:].strip()
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) not in (6, 7):
                sys.exit(f"{path}:{number}: {len(parts)} fields, not 6 or 7: {line[:40]}")
            simplified, english, source, literal, explanation, related = parts[:6]
            items = [o.strip() for o in (parts[6] if len(parts) == 7 else "").split(";") if o.strip()]
            options = dict(o.split("=", 1) if "=" in o else (o, "") for o in items)
            entries.append({"simplified": simplified, "english": english, "english_source": SOURCES[source],
                            "literal": literal, "category": category, "explanation": explanation,
                            "related": [r.strip() for r in related.split(",") if r.strip()],
                            "options": options, "place": f"{path.name}:{number}"})
    return entries


def drafter():
    import opencc
    from pypinyin import Style, pinyin
    from jiedu.lexicon.dictionary import read_rows
    s2tw, s2t, t2s = (opencc.OpenCC(c).convert for c in ("s2tw", "s2t", "t2s"))
    readings = {}
    for row in read_rows():
        readings.setdefault(row[1], row[2])

    def traditional(simplified: str) -> str:
        form = s2tw(simplified)
        for wrong, right in TAIWAN_FIXES.items():
            form = form.replace(wrong, right)
        return form if t2s(form) == simplified else s2t(simplified)

    def reading(simplified: str, person: bool) -> tuple[str, bool]:
        cedict = readings.get(simplified)
        if cedict and len(cedict.split()) == len(simplified) and not person:
            return cedict, True
        syllables = [CITATION.get(c, s[0]) for c, s in zip(simplified, pinyin(simplified, style=Style.TONE))]
        if person:
            syllables = [s.capitalize() if i in (0, 1) else s for i, s in enumerate(syllables)]
        return " ".join(syllables), bool(cedict and cedict.lower() == " ".join(syllables).lower())
    return traditional, reading


def complete(entries: list[dict]) -> list[tuple[dict, bool]]:
    traditional, reading = drafter()
    done = []
    for entry in entries:
        options = entry.pop("options")
        entry["traditional"] = options.get("trad") or traditional(entry["simplified"])
        drafted, sure = reading(entry["simplified"], entry["category"] == "person")
        syllables = options.get("py", drafted).split()
        if "P" in options and "py" not in options and not sure:
            syllables[0] = syllables[0].capitalize()
        for index in options.get("cap", "").split(","):
            if index:
                syllables[int(index)] = syllables[int(index)].capitalize()
        entry["pinyin"] = " ".join(syllables)
        if "role" in options:
            entry["role"] = options["role"]
        done.append((entry, sure or "py" in options))
    return done


def toml_value(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def known_terms(folder: Path) -> set[str]:
    return {t["simplified"] for path in folder.glob("*.toml")
            for t in tomllib.loads(path.read_text(encoding="utf-8")).get("term", [])}


def write(entries: list[dict], folder: Path, replace: bool) -> dict[str, int]:
    """Appends the entries to their family files (header first in a new file); with `replace`,
    the family files are written from the drafts alone."""
    families: dict[str, list[dict]] = {}
    for entry in entries:
        families.setdefault(FAMILIES[entry["category"]], []).append(entry)
    for family, members in families.items():
        blocks = ["[[term]]\n" + "".join(f"{name} = {toml_value(e[name])}\n" for name in FIELDS if name in e)
                  for e in members]
        path = folder / f"{family}.toml"
        before = path.read_text(encoding="utf-8") if path.exists() and not replace else HEADER.format(family=family)
        path.write_text(before + "\n" + "\n".join(blocks), encoding="utf-8")
    return {family: len(members) for family, members in families.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("drafts", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "jiedu" / "data" / "lexicon")
    parser.add_argument("--replace", action="store_true", help="rewrite the family files from the drafts alone")
    args = parser.parse_args()
    done = complete(parse(args.drafts))
    twice = [e["simplified"] for e, _ in done if e["simplified"] in (set() if args.replace else known_terms(args.out))]
    if twice:
        sys.exit(f"{len(twice)} already in the lexicon: {', '.join(twice[:12])}{' ...' if len(twice) > 12 else ''}")
    for entry, sure in done:
        print(f"{' ' if sure else '?'} {entry.pop('place'):18} {entry['simplified']}\t{entry['traditional']}\t"
              f"{entry['pinyin']}")
    args.out.mkdir(parents=True, exist_ok=True)
    print(write([entry for entry, _ in done], args.out, args.replace))


if __name__ == "__main__":
    main()
