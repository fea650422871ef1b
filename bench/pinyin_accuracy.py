#!/usr/bin/env python3
"""Pinyin accuracy and speed: jiedu's reading stage against the pypinyin baseline.

Runs both, side by side in one process, on the CPP polyphone benchmark (dev and
test splits, bench/data/cpp/, Apache-2.0) and on news text (the seed article),
and prints accuracy, accuracy ignoring tone, characters per second, and the
ratio of jiedu's speed to pypinyin's. Weights were tuned on dev only; test is
for reporting. The neighbour table (jiedu/data/collocations.tsv) was learned on dev,
so the dev rows are training figures: bench/fit_collocations.py gives the
cross-validated one. A third row, "jiedu annotate", runs each sentence through the
whole path the site and `jiedu annotate` use (convert, segment, then readings
table, rules and names over the reading stage), comparing syllables without
capitals (names are capitalised; CPP's gold is not).

    .venv/bin/python bench/pinyin_accuracy.py
"""

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jiedu.resources import load_resources  # noqa: E402
from jiedu.syllables import numbered_to_marked, toneless  # noqa: E402

MARKER = "\u2581"
BATCH = 256


def load_split(name: str) -> list[tuple[str, int, str]]:
    folder = ROOT / "bench" / "data" / "cpp"
    sentences = (folder / f"{name}.sent").read_text(encoding="utf-8").splitlines()
    labels = (folder / f"{name}.lb").read_text(encoding="utf-8").splitlines()
    items = []
    for sentence, label in zip(sentences, labels, strict=True):
        index = sentence.index(MARKER)
        items.append((sentence.replace(MARKER, ""), index, numbered_to_marked(label)))
    return items


def pypinyin_reader(pinyin, style):
    def read(texts: list[str]) -> list[list[str]]:
        results = []
        for text in texts:
            items = pinyin.pinyin(text, style=style, errors=lambda chars: [""] * len(chars))
            results.append([item[0] for item in items] if len(items) == len(text) else [""] * len(text))
        return results
    return read


def jiedu_reader(reader):
    def read(texts: list[str]) -> list[list[str]]:
        return [s for start in range(0, len(texts), BATCH) for s in reader.read_texts(texts[start:start + BATCH])]
    return read


def annotate_reader(resources):
    from jiedu.pipeline import annotate_line
    from jiedu.text import HAN

    def syllables(text: str) -> list[str]:
        out = []
        for word in annotate_line(text, resources).words:
            readings = iter(word.pinyin)
            out += [next(readings, "").lower() if HAN.match(char) else "" for char in word.text]
        return out if len(out) == len(text) else [""] * len(text)
    return lambda texts: [syllables(text) for text in texts]


def accuracy(read, items) -> tuple[float, float, float]:
    started = time.perf_counter()
    readings = read([text for text, _, _ in items])
    seconds = time.perf_counter() - started
    exact = sum(r[i] == gold for r, (_, i, gold) in zip(readings, items))
    loose = sum(toneless(r[i]) == toneless(gold) for r, (_, i, gold) in zip(readings, items))
    chars = sum(len(text) for text, _, _ in items)
    return exact / len(items), loose / len(items), chars / seconds


def news_speeds(readers: dict, texts: list[str], rounds: int = 30) -> dict[str, float]:
    """Characters per second of each reader, rounds interleaved so that machine noise
    hits both alike; the fastest round of each counts."""
    best = {name: float("inf") for name in readers}
    for _ in range(rounds):
        for name, read in readers.items():
            best[name] = min(best[name], _timed(read, texts))
    return {name: sum(map(len, texts)) / seconds for name, seconds in best.items()}


def _timed(read, texts) -> float:
    started = time.perf_counter()
    read(texts)
    return time.perf_counter() - started


def news_blocks(resources) -> tuple[list[str], list[list[str]]]:
    """The seed article's blocks after the segment stage: texts and their words."""
    from jiedu.pipeline import process_article
    from jiedu.stages.read import read_article

    source, _ = read_article(ROOT / "content" / "articles" / "baotou-zuofeng", ROOT, resources.char_frequency)
    blocks = process_article(source, resources).blocks
    return [block.text for block in blocks], [[word.text for word in block.words] for block in blocks]


def main() -> None:
    resources = load_resources(None)
    from pypinyin import Style
    from pypinyin.core import Pinyin

    baseline = pypinyin_reader(Pinyin(), Style.TONE)
    readers = {"pypinyin 0.55.0": baseline, "jiedu": jiedu_reader(resources.reader)}
    print(f"{'split':6} {'reader':16} {'accuracy':>9} {'no tone':>9} {'chars/s':>10}")
    whole = {**readers, "jiedu annotate": annotate_reader(resources)}
    for split in ("dev", "test"):
        items = load_split(split)
        for name, read in whole.items():
            exact, loose, speed = accuracy(read, items)
            print(f"{split:6} {name:16} {exact:9.2%} {loose:9.2%} {speed:10,.0f}")
    texts, words = news_blocks(resources)
    # On news text the reading stage runs as the pipeline runs it: on the segment
    # stage's words. Second, the same stage cutting the text with jieba itself.
    news = {"pypinyin 0.55.0": baseline, "jiedu": lambda t: resources.reader.read_texts(t, words),
            "jiedu + own cut": lambda t: resources.reader.read_texts(t)}
    speeds = news_speeds(news, texts)
    for name, speed in speeds.items():
        print(f"news   {name:16} {'':9} {'':9} {speed:10,.0f}")
    for name in ("jiedu", "jiedu + own cut"):
        print(f"{name} / pypinyin speed on news text, same run: {speeds[name] / speeds['pypinyin 0.55.0']:.2f}x")


if __name__ == "__main__":
    main()
