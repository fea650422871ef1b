"""Readings of rare characters: the last fallback of the reading stage.

pypinyin has no data for many characters of CJK Extension A and B-H (㘃, 䤈). The table
`data/unihan_readings.tsv` gives one Mandarin reading for every other code point of
every block of Han ideographs (`text.HAN_BLOCKS`), so no Han character goes without a
syllable; `bench/unihan_readings.py` writes it. Some readings are stated (a Unihan
Mandarin field, 汉典, a variant's reading); the rest are guesses (the Mandarin reading
most characters with the same Cantonese reading, phonetic component or radical have),
and the table says which: a guess is a reading to check, and the pipeline reports it.
"""

from importlib import resources as package_files

FILE = "data/unihan_readings.tsv"
# The methods of the table's third column that guess rather than read (bench/rare_evidence.py).
GUESSES = frozenset({"kCantonese", "kVietnamese", "kKorean", "kJapaneseOn", "kPhonetic", "phonetic", "part",
                     "component", "guessed-variant", "radical", "neighbour"})


def parse_rare_readings(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """Rows of `character, reading, source`, tab-separated; '#' starts a comment. Returns
    each character's reading, and for the guessed ones how (the source column)."""
    table, guessed = {}, {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        char, reading, source = line.split("\t")
        if len(char) != 1 or not reading:
            raise ValueError(f"jiedu/{FILE}: malformed row {line!r}")
        table[char] = reading
        if source.split(" ")[0] in GUESSES:
            guessed[char] = source
    return table, guessed


def load_rare_readings() -> tuple[dict[str, str], dict[str, str]]:
    return parse_rare_readings(package_files.files("jiedu").joinpath(FILE).read_text(encoding="utf-8"))
