"""Readings of rare characters: the last fallback of the reading stage.

pypinyin has no data for many characters of CJK Extension A and B-G (㘃, 䤈). The table
`data/unihan_readings.tsv` gives one Mandarin reading for each that Unicode's Unihan
database has evidence for (a Mandarin field, a variant's reading, or the Cantonese
reading's usual Mandarin counterpart); `bench/unihan_readings.py` writes it.
"""

from importlib import resources as package_files

FILE = "data/unihan_readings.tsv"


def parse_rare_readings(text: str) -> dict[str, str]:
    """Rows of `character, reading, source`, tab-separated; '#' starts a comment."""
    table = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        char, reading, _source = line.split("\t")
        if len(char) != 1 or not reading:
            raise ValueError(f"jiedu/{FILE}: malformed row {line!r}")
        table[char] = reading
    return table


def load_rare_readings() -> dict[str, str]:
    return parse_rare_readings(package_files.files("jiedu").joinpath(FILE).read_text(encoding="utf-8"))
