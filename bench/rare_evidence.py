"""Guesses at the Mandarin reading of a Han character no dictionary reads, one kind of
evidence each, and how often each is right (bench/unihan_readings.py uses them).

Every method here maps a character to a *key* (its Cantonese or Japanese reading, its
phonetic component, its radical and strokes ...) and reads it as most characters with
the same key that pypinyin does read are read. Its exactness is measured the same way
on pypinyin's own characters, each left out of its key's vote: the share whose first
pypinyin reading comes out exactly (tone included).
"""

import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from jiedu.text import HAN_BLOCKS, is_han

# Unihan fields whose first value is a reading in another language, or a class of
# characters sharing a phonetic element (kPhonetic, Casey's classes): the key is that value.
FIELD_KEYS = ("kCantonese", "kJapaneseOn", "kKorean", "kVietnamese", "kPhonetic")
# The written forms a radical takes as a component, which CJKRadicals.txt does not list
# (it gives a radical's main and simplified forms): 江 is 氵 + 工, its radical 85 水.
POSITIONAL_FORMS = {9: "亻", 18: "刂", 26: "㔾", 47: "巛", 58: "彐", 61: "忄㣺", 64: "扌", 66: "攵", 78: "歺",
                    85: "氵氺", 86: "灬", 87: "爫", 93: "牜", 94: "犭", 96: "王", 113: "礻", 118: "⺮",
                    122: "罒", 123: "𦍌", 125: "耂", 130: "月", 140: "艹", 145: "衤", 157: "𧾷", 162: "辶",
                    163: "阝", 170: "阝"}


def vote(keys: dict[str, str], known: dict[str, str]) -> dict[str, Counter]:
    """For each key, how many characters pypinyin reads have it, by their reading."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for char, key in keys.items():
        if char in known:
            votes[key][known[char]] += 1
    return votes


def winner(counts: Counter, left_out: str | None = None) -> str | None:
    """The most common reading (the alphabetically first of a tie), after taking one
    vote for `left_out` away."""
    counts = counts - Counter([left_out]) if left_out else counts
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0] if counts else None


def by_key(name: str, keys: dict[str, str], wanted: set[str], known: dict[str, str]) -> dict[str, tuple[str, str]]:
    """(reading, "name key") for each wanted character whose key some read character has."""
    votes = vote(keys, known)
    found = {}
    for char in sorted(wanted & keys.keys()):
        reading = winner(votes.get(keys[char], Counter()))
        if reading:
            found[char] = (reading, f"{name} {keys[char]}")
    return found


def exactness(keys: dict[str, str], known: dict[str, str]) -> tuple[int, float]:
    """(characters pypinyin reads that the key method could read, left one out; the share
    of them it reads exactly)."""
    votes = vote(keys, known)
    guesses = [(winner(votes[keys[char]], known[char]), known[char]) for char in keys if char in known]
    guesses = [(guess, truth) for guess, truth in guesses if guess]
    return len(guesses), sum(guess == truth for guess, truth in guesses) / max(1, len(guesses))


def field_keys(fields: dict, field: str) -> dict[str, str]:
    """Each character's first value of a Unihan field; kPhonetic's class number alone."""
    keys = {}
    for char, mine in fields.items():
        value = mine.get(field, "").split()[:1]
        if value:
            keys[char] = re.match(r"\d+", value[0]).group() if field == "kPhonetic" else value[0]
    return keys


def radical_keys(fields: dict, strokes: bool) -> dict[str, str]:
    """kRSUnicode's first radical (with the strokes beyond it: "85.3"; without: "85")."""
    keys = {}
    for char, mine in fields.items():
        if "kRSUnicode" in mine:
            value = mine["kRSUnicode"].split()[0]
            keys[char] = value if strokes else value.split(".")[0]
    return keys


def radical_forms(folder: Path) -> dict[int, set[str]]:
    """Each radical's forms as components: CJKRadicals.txt's ideographs, the Kangxi
    radical's own compatibility form, and POSITIONAL_FORMS."""
    forms: dict[int, set[str]] = defaultdict(set)
    for line in (folder / "CJKRadicals.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            number, radical, ideograph = (part.strip() for part in line.split(";"))
            kangxi = unicodedata.normalize("NFKC", chr(int(radical, 16)))
            forms[int(number.rstrip("'"))] |= {chr(int(ideograph, 16)), kangxi}
    for number, written in POSITIONAL_FORMS.items():
        forms[number] |= set(written)
    return forms


def read_decompositions(path: Path) -> dict[str, list[str]]:
    """cjk-decomp's top-level components of each character ("江:a(氵,工)" -> [氵, 工]);
    numbered components (unencoded shapes) are left out."""
    parts = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        char, _, rest = line.partition(":")
        inside = rest[rest.find("(") + 1:rest.rfind(")")]
        if len(char) == 1 and inside:
            parts[char] = [c for c in inside.split(",") if len(c) == 1]
    return parts


def phonetic_keys(parts: dict[str, list[str]], fields: dict, forms: dict[int, set[str]],
                  radical_seen: bool) -> dict[str, str]:
    """Each character's phonetic component as cjk-decomp and kRSUnicode show it: of its
    top-level components, the last Han one that is not a form of its radical (有边读边:
    江 -> 工). With `radical_seen`, only where the radical is one of them (a semantic and a
    phonetic part); without, only where it is not (a guess from the shape alone)."""
    keys = {}
    for char, components in parts.items():
        radical = fields.get(char, {}).get("kRSUnicode", "").split(".")[0].rstrip("'")
        others = [c for c in components if c not in forms.get(int(radical), set())] if radical.isdigit() else []
        readable = [c for c in others if c != char and is_han(c)]  # not a stroke (㇒) or a shape (⺀)
        if readable and (len(others) < len(components)) == radical_seen:
            keys[char] = readable[-1]
    return keys


def block_points() -> set[str]:
    return {chr(code) for start, end in HAN_BLOCKS.values() for code in range(start, end + 1)}


def guess_keys(fields: dict, parts: dict, forms: dict) -> dict[str, dict[str, str]]:
    """Each guessing method's keys by character: by vote (FIELD_KEYS, "phonetic": most of
    the phonetic series) or by the component's own reading ("component": the phonetic's,
    "part": the last part's where no radical is seen)."""
    keys = {field: field_keys(fields, field) for field in FIELD_KEYS}
    phonetic = phonetic_keys(parts, fields, forms, True)
    return keys | {"phonetic": phonetic, "component": phonetic, "part": phonetic_keys(parts, fields, forms, False)}


OWN_READING = ("component", "part")


def by_component(name: str, wanted: set[str], keys: dict[str, str],
                 known: dict[str, str]) -> dict[str, tuple[str, str]]:
    """A component's own reading (the phonetic's where no character of its series is read)."""
    return {char: (known[keys[char]], f"{name} {keys[char]}") for char in sorted(wanted & keys.keys())
            if keys[char] in known}


def by_neighbour(wanted: set[str], known: dict[str, str]) -> dict[str, tuple[str, str]]:
    """The reading of the nearest code point before that has one (for the first, after)."""
    points = sorted(block_points(), key=ord)
    near, found = next(c for c in points if c in known), {}
    for char in points:
        near = char if char in known else near
        if char in wanted:
            found[char] = (known[near], f"neighbour U+{ord(near):04X}")
    return found


def readings_of(found: dict[str, tuple[str, str]]) -> dict[str, str]:
    return {char: reading for char, (reading, _) in found.items()}
