#!/usr/bin/env python3
"""How much of the political vocabulary of real articles jiedu explains (issue #15, part 4).

For each of the 12 dev articles (../shared/data/dev-articles/, read in place) and the list of
political set phrases a reader of it wants explained (bench/data/dev_phrases/<stem>.txt),
prints how many phrases occur in the article's Simplified text and how many are covered:
every occurrence comes out as ONE word linked to a glossary entry, or lies inside one such
word (a longer term that explains it). Two measures, clearly labelled:

- built site: the articles are built with the real pipeline (a temporary content folder with
  the site's settings and glossary, `jiedu build`), and each `articles/<slug>.json` is read:
  whatever the build links (site glossary, built-in lexicon once wired in) is measured;
- lexicon files (--lexicon-files, or after the built-site table): no build; a phrase counts
  if it, or a longer form containing it at that place, is a Simplified form in
  jiedu/data/lexicon/*.toml or the site's glossary: "would be one term if the lexicon
  were in the segmenter".

Then the share of bench/data/corpus_top_phrases.txt (the political set phrases used by the
most corpus documents) that the site glossary, and the built-in lexicon + site glossary,
define as a term (whole-term lookup).

    .venv/bin/python bench/glossary_coverage.py [--article STEM] [--lexicon-files] [--missing] [--site-terms]

--site-terms lists, per article, the words the site's own glossary (written for the seed)
links there: each must mean there what its entry says (a seed-only sense, such as 旗
"banner" or 作为 "action", belongs in the seed's own glossary.toml).

Always exits 0: it measures, it does not judge.
"""

import argparse
from collections import Counter
import contextlib
import io
import json
import re
import shutil
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PHRASES = ROOT / "bench" / "data" / "dev_phrases"
TOP_PHRASES = ROOT / "bench" / "data" / "corpus_top_phrases.txt"
LEXICON = ROOT / "jiedu" / "data" / "lexicon"


def read_phrases(path: Path) -> list[str]:
    """One phrase a line; `#` starts a note."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return list(dict.fromkeys(line for line in lines if line))


def find_dev_articles() -> Path | None:
    for shared in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if (shared / "data" / "dev-articles").is_dir():
            return shared / "data" / "dev-articles"
    return None


def load_glossary_files() -> list[Path]:
    from jiedu.content import load_content
    return load_content(ROOT / "content").glossary_files


def site_glossary_forms() -> set[str]:
    return {term["simplified"] for path in load_glossary_files()
            for term in tomllib.loads(path.read_text(encoding="utf-8")).get("term", [])}


def lexicon_forms() -> set[str]:
    return {term["simplified"] for path in sorted(LEXICON.glob("*.toml"))
            for term in tomllib.loads(path.read_text(encoding="utf-8")).get("term", [])}


def occurrences(text: str, phrase: str) -> list[int]:
    starts, at = [], text.find(phrase)
    while at >= 0:
        starts.append(at)
        at = text.find(phrase, at + 1)
    return starts


# --- the built site -------------------------------------------------------------------------

def stage_content(content: Path, articles: Path, stems: list[str]) -> None:
    """The site's own settings, glossary and overrides, and the dev articles as sources."""
    content.mkdir()
    for path in (ROOT / "content").iterdir():
        if path.is_file():
            shutil.copy(path, content / path.name)
    for stem in stems:
        folder = content / "articles" / stem
        folder.mkdir(parents=True)
        shutil.copy(articles / f"{stem}.txt", folder / "source.txt")
        year = stem[-4:] if stem[-4:].isdigit() else ""
        (folder / "meta.toml").write_text(f'date = "{year}"\npublisher = "dev set (read in place)"\n',
                                          encoding="utf-8")


def build(content: Path, output: Path) -> None:
    from jiedu.cli import main as jiedu
    said = io.StringIO()
    with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
        code = jiedu(["build", "--content", str(content), "--output", str(output),
                      "--templates", str(ROOT / "templates")])
    if code != 0:
        print(said.getvalue(), f"\njiedu build failed (exit {code}): no built-site figures", file=sys.stderr)
        sys.exit(0)


def word_spans(block: dict) -> list[tuple[int, int, dict]]:
    spans, at = [], 0
    for word in block["words"]:
        spans.append((at, at + len(word["text"]), word))
        at += len(word["text"])
    return spans


def built_status(blocks: list[dict], phrase: str, entries: set[str]) -> tuple[int, str]:
    """(occurrences, "" when all are covered, else how the first uncovered one was cut)."""
    found = 0
    for block in blocks:
        spans = word_spans(block)
        for start in occurrences(block["text"], phrase):
            found += 1
            end = start + len(phrase)
            if any(s <= start and end <= e and w["term"] in entries for s, e, w in spans):
                continue
            return found, "|".join(w["text"] for s, e, w in spans if s < end and start < e)
    return found, ""


def built_report(site: Path, stem: str, phrases: list[str]) -> dict:
    blocks = json.loads((site / "articles" / f"{stem}.json").read_text(encoding="utf-8"))["blocks"]
    entries = glossary_anchors(site)
    linked = {word["term"] for block in blocks for word in block["words"] if word["term"]}
    if linked and not linked & entries:
        print(f"warning: {stem}: no linked term is an anchor of glossary.html; has its markup changed?",
              file=sys.stderr)
    site_ids = {term["id"] for path in load_glossary_files() for term in tomllib.loads(path.read_text(encoding="utf-8")).get("term", [])}
    report = {"listed": len(phrases), "occurring": 0, "covered": 0, "missing": [],
              "site": Counter(w["text"] for block in blocks for w in block["words"] if w["term"] in site_ids)}
    for phrase in phrases:
        found, cut = built_status(blocks, phrase, entries)
        report["occurring"] += bool(found)
        report["covered"] += bool(found) and not cut
        if found and cut:
            report["missing"].append(f"{phrase} ({cut})")
    return report


def glossary_anchors(site: Path) -> set[str]:
    """The ids of the entries the glossary page shows: a word's term must be one of them."""
    page = (site / "glossary.html").read_text(encoding="utf-8")
    return set(re.findall(r'<[^>]* id="([^"]+)"', page))


# --- the lexicon files ----------------------------------------------------------------------

def files_status(text: str, phrase: str, longer: list[str]) -> tuple[int, bool]:
    """(occurrences, every one is a term or inside a longer term found at that place)."""
    starts = occurrences(text, phrase)
    for start in starts:
        if not any(text.startswith(term, start - k) for term in longer
                   for k in occurrences(term, phrase) if start - k >= 0):
            return len(starts), False
    return len(starts), True


def files_report(text: str, phrases: list[str], forms: set[str]) -> dict:
    report = {"listed": len(phrases), "occurring": 0, "covered": 0, "missing": []}
    for phrase in phrases:
        longer = [phrase] if phrase in forms else [f for f in forms if phrase in f and f != phrase]
        found, covered = files_status(text, phrase, longer)
        report["occurring"] += bool(found)
        report["covered"] += bool(found) and covered
        if found and not covered:
            report["missing"].append(phrase)
    return report


# --- printing -------------------------------------------------------------------------------

def print_table(title: str, reports: dict[str, dict], show_missing: bool) -> None:
    print(f"\n{title}\n{'article':44} {'listed':>6} {'occur':>6} {'covered':>7} {'share':>6}")
    total = dict.fromkeys(("listed", "occurring", "covered"), 0)
    for stem, report in reports.items():
        print(f"{stem:44} {report['listed']:6} {report['occurring']:6} {report['covered']:7} "
              f"{share(report['covered'], report['occurring']):>6}")
        total = {key: total[key] + report[key] for key in total}
        if show_missing and report["missing"]:
            print("    not covered: " + ", ".join(report["missing"]))
    print(f"{'all':44} {total['listed']:6} {total['occurring']:6} {total['covered']:7} "
          f"{share(total['covered'], total['occurring']):>6}")
    print("(occur: found in the Simplified text; covered: every occurrence is one term, or inside one)")


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def print_corpus_share(glossary: set[str], lexicon: set[str], show_missing: bool) -> None:
    phrases = read_phrases(TOP_PHRASES)
    in_glossary = [p for p in phrases if p in glossary]
    in_either = [p for p in phrases if p in glossary | lexicon]
    print(f"\nCorpus documents' most frequent political phrases ({TOP_PHRASES.relative_to(ROOT)}: "
          f"{len(phrases)}), defined as a term (whole-term lookup)")
    print(f"  site glossary:                  {len(in_glossary):4}  {share(len(in_glossary), len(phrases))}")
    print(f"  built-in lexicon + site glossary: {len(in_either):2}  {share(len(in_either), len(phrases))}")
    if show_missing:
        print("    not defined: " + ", ".join(p for p in phrases if p not in glossary | lexicon))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--article", metavar="STEM", help="one article, e.g. 03-tsai-rejects-1992-consensus-2019")
    parser.add_argument("--lexicon-files", action="store_true",
                        help="no build: check the phrases against the lexicon files + site glossary")
    parser.add_argument("--missing", action="store_true", help="list the phrases not covered")
    parser.add_argument("--site-terms", action="store_true", help="list the site glossary's words linked in each article")
    args = parser.parse_args(argv)
    articles = find_dev_articles()
    stems = sorted(p.stem for p in PHRASES.glob("*.txt"))
    if args.article:
        stems = [s for s in stems if s == args.article or s.startswith(args.article)]
    if articles is None or not stems:
        print("dev articles or phrase lists not found: nothing to measure")
        return 0
    phrases = {stem: read_phrases(PHRASES / f"{stem}.txt") for stem in stems}
    glossary, lexicon = site_glossary_forms(), lexicon_forms()
    if not args.lexicon_files:
        started = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="jiedu-coverage-") as temporary:
            stage_content(Path(temporary) / "content", articles, stems)
            build(Path(temporary) / "content", Path(temporary) / "site")
            reports = {s: built_report(Path(temporary) / "site", s, phrases[s]) for s in stems}
        print_table(f"BUILT SITE: phrases that come out as one glossary term (the real pipeline; built in "
                    f"{time.perf_counter() - started:.0f} s)", reports, args.missing)
        if args.site_terms:
            for stem, report in reports.items():
                print(f"site glossary in {stem}: " + ", ".join(f"{w} {n}" for w, n in sorted(report["site"].items())))
    import opencc
    to_simplified = opencc.OpenCC("t2s").convert
    texts = {s: to_simplified((articles / f"{s}.txt").read_text(encoding="utf-8")) for s in stems}
    reports = {s: files_report(texts[s], phrases[s], glossary | lexicon) for s in stems}
    print_table(f"LEXICON FILES: phrases that would be one term if jiedu/data/lexicon ({len(lexicon)} forms) + "
                f"the site glossary ({len(glossary)}) were in the segmenter (no build; OpenCC t2s text)",
                reports, args.missing)
    print_corpus_share(glossary, lexicon, args.missing)
    return 0


if __name__ == "__main__":
    sys.exit(main())
