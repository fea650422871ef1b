#!/usr/bin/env python3
"""Learn jiedu/data/collocations.tsv from CPP's dev split (never test).

For each labelled character the reading stage gives its evidence (`Reader.evidence`:
dictionary scores and g2pM's probabilities); each candidate reading's fixed score is
that evidence as `weighing.choose` adds it up. A conditional logistic regression then
fits one scale for that score and a weight per (character, reading, neighbour) seen in
dev, L2-regularised (the L2 weight is CV'd below); weights are divided by the scale, so
they are in the stage's own units, and those under PRUNE dropped. Prints five-fold
cross-validated errors on dev (four shuffles) with and without the table, then writes it.

    .venv/bin/python bench/fit_collocations.py [--l2 1.0] [--check]
"""

import argparse
import math
import random
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from jiedu.reading.collocations import FILE, neighbour_keys  # noqa: E402
from jiedu.resources import load_resources  # noqa: E402
from jiedu.text import HAN_RUN  # noqa: E402
from jiedu.reading.weighing import FLOOR  # noqa: E402
from pinyin_accuracy import load_split  # noqa: E402

PRUNE = 0.2
HEADER = """# Neighbour weights for polyphone readings (see jiedu/reading/collocations.py).
# character, reading, < neighbour before or > neighbour after, weight added to the score.
# Learned by bench/fit_collocations.py from the dev split of CPP (kakaobrain/g2pM, data/,
# Apache License 2.0; Park & Lee, Interspeech 2020). Do not edit by hand: rerun the script.
"""


def examples(reader):
    """(candidate readings, fixed scores, feature keys per candidate, gold index) per dev item."""
    rows = []
    for text, position, gold in load_split("dev"):
        evidence = reader.evidence(text, position)
        if evidence is None:
            continue
        scores, odds = evidence
        run = next(r for r in HAN_RUN.finditer(text) if r.start() <= position < r.end())
        keys = neighbour_keys(run.group(), position - run.start())
        readings = list(scores)
        fixed = np.array([scores[r] + math.log(odds.get(r, 0.0) + FLOOR) for r in readings])
        rows.append((readings, fixed, [[(k, r) for k in keys] for r in readings],
                     readings.index(gold) if gold in readings else -1))
    return rows


def fit(rows, l2: float, epochs: int = 400, rate: float = 0.05):
    """Adam on the conditional log-likelihood: (scale, {(key, reading): weight})."""
    index = {f: n for n, f in enumerate(sorted({f for _, _, feats, _ in rows for fs in feats for f in fs}))}
    rows = [r for r in rows if r[3] >= 0]
    sizes = np.array([len(r[0]) for r in rows])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    fixed = np.concatenate([r[1] for r in rows])
    gold = starts + np.array([r[3] for r in rows])
    owner = np.repeat(np.arange(len(rows)), sizes)
    pairs = [(c, index[f]) for c, fs in enumerate(fs for r in rows for fs in r[2]) for f in fs]
    cand, feat = (np.array(x, int) for x in zip(*pairs)) if pairs else (np.zeros(0, int), np.zeros(0, int))
    params = [np.zeros(1), np.zeros(len(index))]
    moments = [[np.zeros_like(p), np.zeros_like(p)] for p in params]
    for step in range(1, epochs + 1):
        score = params[0][0] * fixed + np.bincount(cand, params[1][feat], len(fixed))
        odds = np.exp(score - np.maximum.reduceat(score, starts)[owner])
        grad = odds / np.add.reduceat(odds, starts)[owner]
        grad[gold] -= 1
        grads = [np.array([grad @ fixed]), np.bincount(feat, grad[cand], len(index)) + l2 * params[1]]
        for p, g, m in zip(params, grads, moments):
            m[0] = 0.9 * m[0] + 0.1 * g / len(rows)
            m[1] = 0.999 * m[1] + 0.001 * (g / len(rows)) ** 2
            p -= rate * (m[0] / (1 - 0.9 ** step)) / (np.sqrt(m[1] / (1 - 0.999 ** step)) + 1e-8)
    scale = params[0][0]
    return scale, {f: w / scale for f, w in zip(index, params[1]) if abs(w / scale) >= PRUNE}


def wrong(rows, table) -> int:
    errors = 0
    for readings, fixed, feats, gold in rows:
        total = fixed + np.array([sum(table.get(f, 0.0) for f in fs) for fs in feats])
        errors += gold < 0 or int(np.argmax(total)) != gold
    return errors


def cross_validated(rows, l2: float, seed: int, folds: int = 5) -> int:
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    errors = 0
    for fold in range(folds):
        held = set(order[fold::folds])
        _, table = fit([r for n, r in enumerate(rows) if n not in held], l2)
        errors += wrong([rows[n] for n in held], table)
    return errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--check", action="store_true", help="cross-validate only; write nothing")
    args = parser.parse_args()
    reader = replace(load_resources(None).reader, collocations={})
    rows = examples(reader)
    print(f"dev items: {len(rows)}; errors without the table: {wrong(rows, {})}")
    runs = [cross_validated(rows, args.l2, seed) for seed in range(4)]
    print(f"five-fold CV errors with the table (l2 {args.l2}, 4 shuffles): {runs}, mean {sum(runs) / 4:.2f}")
    if args.check:
        return
    scale, table = fit(rows, args.l2)
    lines = [f"{key[0]}\t{reading}\t{key[1:]}\t{weight:.3f}" for (key, reading), weight in sorted(table.items())]
    (ROOT / "jiedu" / FILE).write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"scale {scale:.3f}; {len(lines)} weights written to jiedu/{FILE}")


if __name__ == "__main__":
    main()
