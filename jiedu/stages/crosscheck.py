"""Compare the readings a scraped source carried (風(fēng)) with jiedu's own; and report
the readings that are only guesses (a rare character no dictionary reads, `reading/rare.py`).

The clean stage removes those artifacts but keeps what each claimed; here every
claim is set against the reading the pipeline chose for that character. Where
they differ, one of them is wrong, and the cleaning report lists the case for a
person to decide (often the source's own reading is a mistake, or a word
boundary was misjudged).
"""

from bisect import bisect_right
from dataclasses import dataclass

from ..model import Block, Cleaned, Finding, Place, Source
from .clean import Lines


@dataclass(frozen=True)
class Disagreement:
    place: Place
    """Where the character stands in the source file."""
    char: str
    claimed: str
    """The reading the source carried."""
    ours: str
    context: str


def block_syllables(block: Block) -> list[str]:
    """One entry per character of block.text: its syllable, or ''."""
    return [s for w in block.words for s in (w.pinyin if w.pinyin else [""] * len(w.text))]


def disagreements(cleaned: Cleaned, blocks: tuple[Block, ...]) -> list[Disagreement]:
    """One pass: each claim's block found by bisection, each block's syllables listed once
    (per claim, a scan of the blocks and of the block's words made a long article quadratic)."""
    where = {source: index for index, source in enumerate(cleaned.source_index)}
    starts, syllables, found = [block.start for block in blocks], {}, []
    for edit in (e for e in cleaned.edits if e.kind == "artifact"):
        index = where.get(edit.start - 1)
        number = bisect_right(starts, index) - 1 if index is not None else -1
        if number < 0 or index >= blocks[number].start + len(blocks[number].source):
            continue
        block, position = blocks[number], index - blocks[number].start
        if number not in syllables:
            syllables[number] = block_syllables(block)
        ours = syllables[number][position]
        if ours.lower() != edit.note.lower():
            context = block.text[max(0, position - 4):position + 5]
            found.append(Disagreement(edit.place, block.text[position], edit.note, ours, context))
    return found


def guessed_readings(source: Source, cleaned: Cleaned, blocks: tuple[Block, ...], guessed: dict[str, str],
                     rare: dict[str, str]) -> list[Finding]:
    """A finding where each character whose reading is a guess first stands (so the reader
    can tell a guess from a reading, and a person check it); not in a glossary term, whose
    pinyin a person wrote."""
    lines, found, seen = Lines.of(source), [], set()
    for block in blocks:
        at = block.start
        for word in block.words:
            reviewed = word.term is not None
            for char, syllable in zip(word.text, _syllables(word)):
                if char in guessed and char not in seen and not reviewed and syllable.lower() == rare[char]:
                    seen.add(char)
                    found.append(Finding(lines.place(cleaned.source_index[at]), "reading-guessed",
                                         f"{char} (U+{ord(char):04X}) is read {syllable} by a guess "
                                         f"({guessed[char]}): no dictionary gives it a reading"))
                at += 1
    return found


def _syllables(word) -> list[str]:
    return list(word.pinyin) if word.pinyin else [""] * len(word.text)
