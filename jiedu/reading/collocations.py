"""Neighbour evidence: a polyphone's readings weighed by the character right before it and
the one right after it.

The table (`data/collocations.tsv`) holds, for a polyphonic character, a reading and one
neighbour ("<" the character before, ">" the one after), a weight added to that reading's
dictionary score: 参将 and 魏将 push 将 to jiàng, 弄干 pushes 弄 to nòng. It was learned on
CPP's dev split (Apache-2.0, bench/data/cpp/README.md) by `bench/fit_collocations.py`: a
conditional logistic regression over the reading stage's own scores plus these indicator
features, L2-regularised, five-fold cross-validated on dev, small weights dropped. The
weights are in the units of `weighing.py`'s scores (the model's log-probability has weight 1).
"""

from importlib import resources as package_files

FILE = "data/collocations.tsv"
BEFORE, AFTER = "<", ">"

Table = dict[str, dict[str, float]]
"""character + side + neighbour ("将<参") -> {tone-marked reading: weight}."""


def parse_collocations(text: str) -> Table:
    """Rows of `character, reading, side + neighbour, weight`, tab-separated; '#' starts a comment."""
    table: Table = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        char, reading, neighbour, weight = line.split("\t")
        if len(char) != 1 or neighbour[:1] not in (BEFORE, AFTER) or len(neighbour) != 2:
            raise ValueError(f"jiedu/{FILE}: malformed row {line!r}")
        table.setdefault(char + neighbour, {})[reading] = float(weight)
    return table


def load_collocations() -> Table:
    return parse_collocations(package_files.files("jiedu").joinpath(FILE).read_text(encoding="utf-8"))


def neighbour_keys(run: str, index: int) -> list[str]:
    """The table keys of the character at `index` of a Han run: its neighbours inside the run."""
    char, keys = run[index], []
    if index > 0:
        keys.append(char + BEFORE + run[index - 1])
    if index + 1 < len(run):
        keys.append(char + AFTER + run[index + 1])
    return keys


def add_collocations(scores: dict[str, float], table: Table, run: str, index: int) -> dict[str, float]:
    """`scores` with each reading's neighbour weights added (in place, and returned)."""
    for key in neighbour_keys(run, index):
        for reading, weight in table.get(key, {}).items():
            if reading in scores:
                scores[reading] += weight
    return scores
