"""The news gold (bench/data/news_gold/) and the seed's reviewed readings, as scorable sets.

A news gold file holds, per Han character of one article in ../shared/data/dev-articles/,
its correct reading and any also accepted (README.md there); the text itself is read from
shared/ and must match the SHA-256 the gold was made on. The seed's gold is the reviewed
golden site (tests/golden/site/articles/baotou-zuofeng.json) with SEED_CORRECTIONS, the
misses an independent review found that the golden output still has.

Each set is a list of texts (lines or blocks) with, per Han character in order, its
accepted readings; a reader turns texts into one syllable per character, and `score`
counts the Han characters it reads right.
"""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from jiedu.output.export import word_fields
from jiedu.syllables import toneless
from jiedu.text import HAN

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "data" / "news_gold"
# ../shared/ beside the checkout; a worktree further down finds the nearest one above it.
SHARED = Path("shared") / "data" / "dev-articles"
ARTICLES = next((folder / SHARED for folder in ROOT.parents if (folder / SHARED).is_dir()), ROOT.parent / SHARED)
SEED_JSON = ROOT / "tests" / "golden" / "site" / "articles" / "baotou-zuofeng.json"
# The golden seed's known misses: 澎湃 is péng pài (Xiandai Hanyu, CC-CEDICT); the golden site
# read it pēng until issue #17's reading-stage fix, and reads it so now (kept: a check).
SEED_CORRECTIONS = {"澎": "péng"}


@dataclass(frozen=True)
class GoldText:
    name: str
    """The article's file name (or the seed's slug)."""
    lines: tuple[str, ...]
    """Its text, a line (news) or a block (seed) each, in the source's script."""
    accepted: tuple[frozenset[str], ...]
    """Per Han character of the lines, in order: the readings counted right."""


def header(lines: list[str]) -> dict[str, str]:
    fields = (line[2:].split(": ", 1) for line in lines if line.startswith("# ") and ": " in line)
    return {key: value for key, value in fields}


def load_news(gold: Path = GOLD, articles: Path = ARTICLES) -> list[GoldText]:
    """Every gold file whose article is present and unchanged; [] without shared/."""
    texts = []
    for path in sorted(gold.glob("*.tsv")):
        rows = path.read_text(encoding="utf-8").splitlines()
        fields, source = header(rows), articles / header(rows)["article"]
        if not source.is_file():
            continue
        data = source.read_bytes()
        if hashlib.sha256(data).hexdigest() != fields["sha256"]:
            raise SystemExit(f"{source}: not the text {path.name} was made on (SHA-256 differs)")
        readings = [row.split("\t")[1].split("|") for row in rows if not row.startswith("#")]
        lines = tuple(line for line in data.decode("utf-8").split("\n") if line)
        if sum(len(HAN.findall(line)) for line in lines) != len(readings) or len(readings) != int(fields["han"]):
            raise SystemExit(f"{path.name}: {len(readings)} readings for the Han characters of {source.name}")
        texts.append(GoldText(fields["article"], lines, tuple(frozenset(r) for r in readings)))
    return texts


def load_seed(path: Path = SEED_JSON) -> GoldText:
    """The golden seed's blocks (Traditional, as the source has them) and their readings."""
    blocks = json.loads(path.read_text(encoding="utf-8"))["blocks"]
    lines, accepted = [], []
    for block in blocks:
        lines.append(block["trad"])
        for word in map(word_fields, block["words"]):  # schema 2: each word an array
            syllables = iter(word["pinyin"])
            for char in word["text"]:
                if HAN.match(char):
                    reading = next(syllables).lower()
                    accepted.append(frozenset({SEED_CORRECTIONS.get(char, reading)}))
    return GoldText("baotou-zuofeng (seed)", tuple(lines), tuple(accepted))


def han_readings(texts: list[str], readings: list[list[str]]) -> list[str]:
    """The readings of the Han characters of `texts`, in order."""
    return [r.lower() for text, row in zip(texts, readings) for char, r in zip(text, row) if HAN.match(char)]


@dataclass(frozen=True)
class Score:
    han: int
    right: int
    right_toneless: int
    errors: tuple[tuple[str, int, str, str], ...]
    """(article, Han index, accepted readings, read) of each character read wrong."""

    @property
    def per_thousand(self) -> float:
        return 1000 * (self.han - self.right) / self.han


def score(gold: list[GoldText], read_by_text: dict[str, list[str]]) -> Score:
    """Compare the Han readings read for each text (by name) with the gold."""
    han = right = loose = 0
    errors = []
    for text in gold:
        readings = read_by_text[text.name]
        for index, (accepted, read) in enumerate(zip(text.accepted, readings, strict=True)):
            han += 1
            if read in accepted:
                right += 1
            else:
                errors.append((text.name, index, "|".join(sorted(accepted)), read or "(none)"))
            loose += toneless(read) in {toneless(a) for a in accepted}
    return Score(han, right, loose, tuple(errors))


def clause_around(text: GoldText, index: int, reach: int = 12) -> str:
    """The clause holding the `index`-th Han character, the character in brackets."""
    seen = 0
    for line in text.lines:
        count = len(HAN.findall(line))
        if index < seen + count:
            position = [n for n, char in enumerate(line) if HAN.match(char)][index - seen]
            start, end = position, position + 1
            while start > 0 and position - start < reach and line[start - 1] not in "，。；！？：,;!?:":
                start -= 1
            while end < len(line) and end - position < reach and line[end] not in "，。；！？：,;!?:":
                end += 1
            return f"{line[start:position]}[{line[position]}]{line[position + 1:end]}"
        seen += count
    raise IndexError(index)
