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

    .venv/bin/python bench/any_article.py [DEV_ARTICLES_FOLDER]
"""

import hashlib
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jiedu.pipeline import Tools, read_and_process  # noqa: E402
from jiedu.resources import load_resources  # noqa: E402
from jiedu.text import HAN  # noqa: E402

GOLD = ROOT / "bench" / "data" / "any_article"
DEV_ARTICLES = [base / "shared" / "data" / "dev-articles" for base in (ROOT.parent, ROOT.parent.parent)]
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


def percent(part: int, whole: int) -> str:
    return f"{part}/{whole} {100 * part / whole:5.1f}%" if whole else "-"


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else next((f for f in DEV_ARTICLES if f.is_dir()), None)
    if folder is None or not folder.is_dir():
        print("no dev-articles folder (give it as the argument): nothing measured")
        return 0
    resources = load_resources(None)
    totals = {"structure": [0, 0], "trad": [0, 0]}
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
    print(f"{'all':44} {percent(*totals['structure']):>16} {percent(*totals['trad']):>26}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
