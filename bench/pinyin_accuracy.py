#!/usr/bin/env python3
"""Pinyin accuracy and speed: jiedu's reading stage against the pypinyin baseline.

Runs both, side by side in one process, on the CPP polyphone benchmark (dev and
test splits, bench/data/cpp/, Apache-2.0), on the news gold (every Han character of
nine real articles, bench/data/news_gold/, read from ../shared/data/dev-articles/),
on the corpus gold (six passages of ../shared/data/political-corpus/, text no rule was
written on, bench/data/corpus_gold/; also by half: rules are fitted on "dev" only)
and on the seed article (its reviewed golden readings), and prints accuracy, accuracy
ignoring tone, characters per second, wrong syllables per 1,000 Han characters (news
and seed), and the ratio of jiedu's speed to pypinyin's on the seed. Weights were tuned on dev only; test is
for reporting. The neighbour table (jiedu/data/collocations.tsv) was learned on dev,
so the dev rows are training figures: bench/fit_collocations.py gives the
cross-validated one. A third row, "jiedu annotate", runs each sentence through the
whole path the site and `jiedu annotate` use (convert, segment, then readings
table, rules and names over the reading stage), comparing syllables without
capitals (names are capitalised; CPP's gold is not). On news and seed text the
pypinyin and "jiedu" rows read jiedu's Simplified text (the convert stage's); "jiedu
annotate" reads the source line (news) or is the site's whole pipeline (seed). On news,
"jiedu article" is the annotate path over all the lines of an article at once, as the
site reads an article: with one reading per word in it (stages/consistency.py).

    .venv/bin/python bench/pinyin_accuracy.py [--news-errors] [--corpus-errors] [--seed-errors] [--no-cpp]

--news-errors lists every news character "jiedu annotate" reads wrong, with its clause
(--seed-errors the same for the seed);
--no-cpp skips the CPP rows (the slow part) while working on news text.
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus_gold import load_corpus  # noqa: E402
from bench.news_gold import GoldText, clause_around, han_readings, load_news, load_seed, score  # noqa: E402
from jiedu.resources import load_resources  # noqa: E402
from jiedu.syllables import numbered_to_marked, toneless  # noqa: E402

MARKER = "\u2581"
# The corpus gold's passages in two halves: rules may be fitted on the first, never the second.
HALVES = {"annotate, dev": ("01", "03", "05"), "annotate, held": ("02", "04", "06")}
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

    def syllables(text: str) -> list[str]:
        return line_syllables(text, annotate_line(text, resources).words)
    return lambda texts: [syllables(text) for text in texts]


def line_syllables(text: str, words) -> list[str]:
    from jiedu.text import HAN

    out = []
    for word in words:
        readings = iter(word.pinyin)
        out += [next(readings, "").lower() if HAN.match(char) else "" for char in word.text]
    return out if len(out) == len(text) else [""] * len(text)


def article_reader(resources):
    """The annotate path over all the lines of a text at once, as one article: the
    pipeline's convert, segment and annotate stages, so one reading per word too."""
    from jiedu.model import Section, Source
    from jiedu.pipeline import Draft, Tools, run

    def read(texts: list[str]) -> list[list[str]]:
        sections = tuple(Section("paragraph", text, 0) for text in texts)
        draft = Draft(source=Source("-", "-", "\n".join(texts), "utf-8", {}), sections=sections)
        blocks = run(draft, Tools(resources), first="convert", last="annotate").blocks
        return [line_syllables(text, block.words) for text, block in zip(texts, blocks, strict=True)]
    return read


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


def simplified(resources, lines: tuple[str, ...]) -> list[str]:
    from jiedu.model import Section
    from jiedu.stages.convert import convert

    return [convert(Section("paragraph", line, 0), resources.converters).text for line in lines]


def gold_rows(label: str, gold: list[GoldText], readers: dict) -> dict:
    """One row per reader: each reads every text of the set in one call; returns the
    scores by reader name. A reader takes a GoldText and gives its Han readings."""
    scores = {}
    for name, read in readers.items():
        started = time.perf_counter()
        readings = {text.name: read(text) for text in gold}
        seconds = time.perf_counter() - started
        result = scores[name] = score(gold, readings)
        chars = sum(len(line) for text in gold for line in text.lines)
        print(f"{label:6} {name:16} {result.right / result.han:9.2%} {result.right_toneless / result.han:9.2%}"
              f" {chars / seconds:10,.0f} {result.per_thousand:9.2f}")
    return scores


def news_readers(resources, baseline, gold: list[GoldText]) -> dict:
    """News lines: pypinyin and the reading stage on the convert stage's Simplified text
    (converted before the clock starts), `jiedu annotate`'s path on the source line."""
    converted = {text.name: simplified(resources, text.lines) for text in gold}

    def on_simplified(read):
        return lambda text: han_readings(converted[text.name], read(converted[text.name]))
    annotate, article = annotate_reader(resources), article_reader(resources)
    return {"pypinyin 0.55.0": on_simplified(baseline), "jiedu": on_simplified(jiedu_reader(resources.reader)),
            "jiedu annotate": lambda text: han_readings(list(text.lines), annotate(list(text.lines))),
            "jiedu article": lambda text: han_readings(list(text.lines), article(list(text.lines)))}


def seed_readers(resources, baseline) -> dict:
    """The seed as the site reads it: the whole pipeline from its source, with the site's
    glossary and overrides ("jiedu annotate"), and the two stages on its Simplified blocks."""
    from jiedu.content import load_content
    from jiedu.pipeline import process_article
    from jiedu.stages.read import read_article

    content = load_content(ROOT / "content")
    site = load_resources(None, glossary=content.glossary())
    source, _ = read_article(ROOT / "content" / "articles" / "baotou-zuofeng", ROOT, site.char_frequency)
    texts = [block.text for block in process_article(source, site, content.overrides).blocks]

    def pipeline(text: GoldText) -> list[str]:
        blocks = process_article(source, site, content.overrides).blocks
        return han_readings([b.text for b in blocks], [block_syllables(b) for b in blocks])
    return {"pypinyin 0.55.0": lambda text: han_readings(texts, baseline(texts)),
            "jiedu": lambda text: han_readings(texts, jiedu_reader(resources.reader)(texts)),
            "jiedu annotate": pipeline}


def block_syllables(block) -> list[str]:
    return [s for w in block.words for s in (w.pinyin if w.pinyin else [""] * len(w.text))]


def half_rows(corpus: list[GoldText], result) -> None:
    """The "jiedu annotate" corpus row again, for each half of the passages."""
    for half, stems in HALVES.items():
        han = sum(len(text.accepted) for text in corpus if text.name[:2] in stems)
        wrong = sum(name[:2] in stems for name, _, _, _ in result.errors)
        print(f"corpus {half:16} {(han - wrong) / han:9.2%} {'':9} {'':10} {1000 * wrong / han:9.2f}")


def print_errors(gold: list[GoldText], errors) -> None:
    by_name = {text.name: text for text in gold}
    for name, index, accepted, read in errors:
        print(f"{name[:2]} {index:5} {clause_around(by_name[name], index)}  gold {accepted}  jiedu {read}")


def main(argv=None) -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--news-errors", action="store_true", help="list each news error of jiedu annotate")
    options.add_argument("--corpus-errors", action="store_true",
                         help="list each corpus error of jiedu annotate in the development half")
    options.add_argument("--seed-errors", action="store_true", help="list each seed error of jiedu annotate")
    options.add_argument("--no-cpp", action="store_true", help="skip the CPP rows")
    args = options.parse_args(argv)
    resources = load_resources(None)
    from pypinyin import Style
    from pypinyin.core import Pinyin

    baseline = pypinyin_reader(Pinyin(), Style.TONE)
    readers = {"pypinyin 0.55.0": baseline, "jiedu": jiedu_reader(resources.reader)}
    print(f"{'split':6} {'reader':16} {'accuracy':>9} {'no tone':>9} {'chars/s':>10} {'wrong/1k':>9}")
    whole = {**readers, "jiedu annotate": annotate_reader(resources)}
    for split in () if args.no_cpp else ("dev", "test"):
        items = load_split(split)
        for name, read in whole.items():
            exact, loose, speed = accuracy(read, items)
            print(f"{split:6} {name:16} {exact:9.2%} {loose:9.2%} {speed:10,.0f}")
    news = load_news()
    if news:
        news_scores = gold_rows("news", news, news_readers(resources, baseline, news))
    else:
        print("news   (skipped: ../shared/data/dev-articles/ is absent)")
    corpus = load_corpus()
    if corpus:
        corpus_scores = gold_rows("corpus", corpus, news_readers(resources, baseline, corpus))
        half_rows(corpus, corpus_scores["jiedu annotate"])
    else:
        print("corpus (skipped: ../shared/data/political-corpus/ is absent)")
    seed = [load_seed()]
    seed_scores = gold_rows("seed", seed, seed_readers(resources, baseline))
    if args.news_errors and news:
        print_errors(news, news_scores["jiedu annotate"].errors)
    if args.corpus_errors and corpus:
        print_errors(corpus, [e for e in corpus_scores["jiedu annotate"].errors if e[0][:2] in HALVES["annotate, dev"]])
    if args.seed_errors:
        print_errors(seed, seed_scores["jiedu annotate"].errors)
    texts, words = news_blocks(resources)
    # On news text the reading stage runs as the pipeline runs it: on the segment
    # stage's words. Second, the same stage cutting the text with jieba itself.
    news = {"pypinyin 0.55.0": baseline, "jiedu": lambda t: resources.reader.read_texts(t, words),
            "jiedu + own cut": lambda t: resources.reader.read_texts(t)}
    speeds = news_speeds(news, texts)
    for name, speed in speeds.items():
        print(f"speed  {name:16} {'':9} {'':9} {speed:10,.0f}")
    for name in ("jiedu", "jiedu + own cut"):
        print(f"{name} / pypinyin speed on the seed, same run: {speeds[name] / speeds['pypinyin 0.55.0']:.2f}x")


if __name__ == "__main__":
    main()
