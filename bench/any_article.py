#!/usr/bin/env python3
"""Any article reads right (issue #16): jiedu's real pipeline on the development
articles, scored against the reviewed gold in bench/data/any_article/.

Each article is copied at run time into a temporary content folder (never into the
repository) and goes through every stage (`pipeline.read_and_process`). Rows:
- structure: the gold's blocks (kind and first 4 characters, in order) that jiedu's
  match, as a share of the larger count: a longest common subsequence, so a block
  missing, extra or of the wrong kind costs one;
- Traditional view = source characters, on Traditional sources: the share of Han
  characters whose Traditional view is the source's own character, outside recorded
  repairs and scraped readings, and outside blocks the gold marks as written in
  Simplified (the DRCD titles).
Targets: 100% on both.

A second table, on the articles whose gold has names and word boundaries (standard and
method in bench/data/any_article/REVIEW.md; the scoring in bench/any_article_score.py):
- names found: gold name spans that jiedu keeps as one word, or as consecutive words,
  with the capitals GB/T 16159 asks for (Xí Jìnpíng, Zhōngyāng Jūnwěi); target >= 95%;
- ordinary capitalised: jiedu's capitalised words that touch no gold name and are not
  listed as either-way; target 0;
- word boundaries: precision, recall and F of the boundaries between neighbouring Han
  characters, and errors (insertions + deletions) per 1,000 gold words; target <= 5.
`--errors` lists every miss with its context, read from the article (never stored), of
the development articles only (`--errors=all`: of every article). `--lexicon` links the
built-in lexicon, as a default site does (without it, no glossary terms are matched).

Development and held out (issue #16): the gold was made on these articles, so the name
and boundary work was tuned on DEVELOPMENT alone (names in 01 06 09, words in 01 09) and
the other articles with names or words (04 08 11) are reported apart, as held out.

    .venv/bin/python bench/any_article.py [--errors[=all]] [--lexicon] [DEV_ARTICLES_FOLDER]
"""

import hashlib
import re
import sys
from collections import Counter
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jiedu.pipeline import Tools, read_and_process  # noqa: E402
from jiedu.lexicon.builtin import load_lexicon  # noqa: E402
from jiedu.resources import load_resources  # noqa: E402
from jiedu.engines.usercache import user_cache  # noqa: E402
from jiedu.text import HAN  # noqa: E402
from any_article_score import (Boundaries, boundary_errors, expected_capitals, han_of, name_verdict,  # noqa: E402
                               ordinary_capitalised, prf, score_line)

GOLD = ROOT / "bench" / "data" / "any_article"
DEV_ARTICLES = [base / "shared" / "data" / "dev-articles" for base in (ROOT.parent, ROOT.parent.parent)]
DEVELOPMENT = ("01", "06", "09")
"""The articles the name and boundary work was tuned on; the rest are held out."""
META = 'date = "2001"\npublisher = "development article"\n'


def common_length(ours: list, gold: list) -> int:
    """Length of the longest common subsequence."""
    previous = [0] * (len(gold) + 1)
    for item in ours:
        current = [0]
        for index, expected in enumerate(gold):
            current.append(previous[index] + 1 if item == expected else max(previous[index + 1], current[-1]))
        previous = current
    return previous[-1]


def annotate(path: Path, resources, workspace: Path):
    """The article through the real pipeline, from a content folder of its own."""
    folder = workspace / "content" / "articles" / path.stem.lower()
    folder.mkdir(parents=True)
    (folder / "source.txt").write_bytes(path.read_bytes())
    (folder / "meta.toml").write_text(META, encoding="utf-8")
    return read_and_process(folder, Tools(resources, root=workspace))


def structure_score(article, gold: dict) -> tuple[int, int]:
    ours = [(block.kind, block.source[:4]) for block in article.blocks]
    expected = [tuple(block) for block in gold["blocks"]]
    return common_length(ours, expected), max(len(ours), len(expected))


def traditional_score(article, gold: dict) -> tuple[int, int]:
    """(Han characters shown as the source wrote them, Han characters counted)."""
    simplified = {tuple(gold["blocks"][number - 1]) for number in gold.get("simplified_blocks", [])}
    edited = {offset for edit in article.cleaned.edits if edit.kind in ("repair", "artifact")
              for offset in range(edit.start, max(edit.end, edit.start + 1))}
    text, index = article.source.text, article.cleaned.source_index
    same = counted = 0
    for block in article.blocks:
        if (block.kind, block.source[:4]) in simplified:
            continue
        for position, char in enumerate(block.source):
            offset = index[block.start + position]
            if HAN.fullmatch(char) and offset not in edited:
                counted += 1
                same += block.trad[position] == text[offset]
    return same, counted


def word_spans(article) -> list[tuple[int, int, tuple[str, ...], str]]:
    """jiedu's words as (start, end, syllables, source text), in offsets of the article file."""
    index, spans = article.cleaned.source_index, []
    for block in article.blocks:
        position = 0
        for word in block.words or ():
            size = len(word.text)
            spans.append((index[block.start + position], index[block.start + position + size - 1] + 1,
                          word.pinyin, block.source[position:position + size]))
            position += size
    return spans


def line_words(text: str, gold: dict, spans: list) -> list[tuple[str, str, list[str]]]:
    """Each gold line: (its word lengths, its Han text, jiedu's words on it)."""
    lines, starts, offset = text.split("\n"), [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    rows = []
    for number, anchor, lengths in gold.get("words", []):
        line, low = lines[number - 1], starts[number - 1]
        if not line.lstrip().startswith(anchor):
            raise ValueError(f"{gold['file']} line {number} does not start with {anchor}")
        rows.append((lengths, han_of(line), [t for start, _end, _s, t in spans if low <= start < low + len(line)]))
    return rows


def word_score(text: str, gold: dict, spans: list, misses: list) -> Boundaries:
    total = Boundaries()
    for lengths, han, words in line_words(text, gold, spans):
        total += score_line(lengths, words, han)
        misses += [(kind, f"{han[max(0, k - 6):k]}|{han[k:k + 6]}") for kind, k in boundary_errors(lengths, words, han)]
    return total


def name_spans(text: str, gold: dict) -> list[tuple[int, int, str, list[tuple[bool, ...]]]]:
    """Each gold name occurrence: (start, end, name, the capital patterns accepted)."""
    found = []
    for name, _kind, pinyin, at in gold.get("names", []):
        occurrences = [match.start() for match in re.finditer(re.escape(name), text)]
        expected = [expected_capitals(form, len(name)) for form in pinyin.split("|")]
        found += [(occurrences[number], occurrences[number] + len(name), name, expected) for number in at]
    return found


def name_score(text: str, gold: dict, spans: list, misses: list) -> tuple[int, int, int]:
    """(names found, gold names, ordinary words capitalised)."""
    words = [(start, end, syllables) for start, end, syllables, _t in spans]
    names = name_spans(text, gold)
    found = 0
    for start, end, name, expected in names:
        verdict = name_verdict((start, end), words, expected)
        found += verdict == "found"
        if verdict != "found":
            misses.append((f"name {verdict}", f"{name} ({_shown(words, start, end)})"))
    ordinary = ordinary_capitalised(spans, [(s, e) for s, e, _n, _x in names], set(gold.get("either", [])))
    misses += [("ordinary capitalised", f"{t} ({_shown(words, s, s + len(t))})") for s, t in ordinary]
    return found, len(names), len(ordinary)


def _shown(words: list, start: int, end: int) -> str:
    return " | ".join(" ".join(syllables) for s, e, syllables in words if s < end and e > start)


def percent(part: int, whole: int) -> str:
    return f"{part}/{whole} {100 * part / whole:5.1f}%" if whole else "-"


def reading_row(name: str, names: tuple[int, int, int], words: Boundaries) -> str:
    precision, recall, f_score = prf(words)
    errors = words.inserted + words.deleted
    per_k = f"{errors} {1000 * errors / words.words:5.1f}" if words.words else "-"
    prf_text = f"{100 * precision:.1f}/{100 * recall:.1f}/{100 * f_score:.1f}" if words.words else "-"
    return (f"{name[:44]:44} {percent(names[0], names[1]):>16} {names[2]:>8} {words.words or '-':>6} "
            f"{prf_text:>17} {per_k:>11}")


def main(argv: list[str]) -> int:
    show_errors = next((a for a in argv if a.startswith("--errors")), None)
    linked = "--lexicon" in argv
    argv = [a for a in argv if not a.startswith("--errors") and a != "--lexicon"]
    folder = Path(argv[0]) if argv else next((f for f in DEV_ARTICLES if f.is_dir()), None)
    if folder is None or not folder.is_dir():
        print("no dev-articles folder (give it as the argument): nothing measured")
        return 0
    resources = load_resources(None, glossary=load_lexicon(user_cache()) if linked else None)
    totals = {"structure": [0, 0], "trad": [0, 0]}
    reading, misses = [], []
    groups = {group: ([0, 0, 0], [Boundaries()]) for group in ("development", "held out")}
    print(f"{'article':44} {'structure':>16} {'Traditional view = source':>26}")
    for gold_path in sorted(GOLD.glob("*.toml")):
        gold = tomllib.loads(gold_path.read_text(encoding="utf-8"))
        path = folder / gold["file"]
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != gold["sha256"]:
            print(f"{gold['file']}: missing or not the file the gold was made for; skipped")
            continue
        with tempfile.TemporaryDirectory() as workspace:
            article = annotate(path, resources, Path(workspace))
        rows = {"structure": structure_score(article, gold)}
        if gold["script"] == "traditional":
            rows["trad"] = traditional_score(article, gold)
        for name, (part, whole) in rows.items():
            totals[name][0] += part
            totals[name][1] += whole
        print(f"{gold_path.stem[:44]:44} {percent(*rows['structure']):>16} {percent(*rows.get('trad', (0, 0))):>26}")
        if "names" in gold or "words" in gold:
            text, spans, found = article.source.text, word_spans(article), []
            names, words = name_score(text, gold, spans, found), word_score(text, gold, spans, found)
            reading.append(reading_row(gold_path.stem, names, words))
            name_total, word_total = groups["development" if gold_path.stem[:2] in DEVELOPMENT else "held out"]
            name_total[:] = [a + b for a, b in zip(name_total, names)]
            word_total[0] += words
            misses += [(kind, gold_path.stem[:2], where) for kind, where in found]
    print(f"{'all':44} {percent(*totals['structure']):>16} {percent(*totals['trad']):>26}")
    print(f"\n{'article':44} {'names found':>16} {'ordinary':>8} {'words':>6} {'boundary P/R/F %':>17} {'errors /1k':>11}")
    print("\n".join(reading))
    for group, (name_total, word_total) in groups.items():
        print(reading_row(group, tuple(name_total), word_total[0]))
    (dev_names, [dev_words]), (held_names, [held_words]) = groups.values()
    print(reading_row("all", tuple(a + b for a, b in zip(dev_names, held_names)), dev_words + held_words))
    if show_errors != "--errors=all":
        misses = [miss for miss in misses if miss[1] in DEVELOPMENT]
    if show_errors:
        for kind, count in Counter(kind for kind, _a, _w in misses).most_common():
            print(f"\n{kind}: {count}")
            print("\n".join(f"  {article} {where}" for k, article, where in misses if k == kind))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
