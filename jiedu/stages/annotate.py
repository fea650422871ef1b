"""Annotate: pinyin for every Han character, in context, and glossary links.

Readings come from three sources, most specific first:
1. the glossary's own pinyin for a glossary term;
2. the word readings table (`jiedu/data/readings.toml`), for words pypinyin reads
   wrongly in news text, then the context rules in `rules.py`;
3. the reading stage (`reading/reader.py`) over the whole Han run: pypinyin's phrases
   weighed against a polyphone context model. We give it the run, not jieba's
   words: pypinyin's own phrase matching reads polyphones better than when fed
   jieba's split (measured on CPP: 87.9% vs 87.1%).
"""

from dataclasses import replace
from functools import partial

from ..engines.forkmap import split_work
from ..lexicon.glossary import Glossary
from ..model import Block, Word
from .overrides import Overrides, apply_readings
from ..reading.reader import Reader
from ..reading.weighing import cedict_readings
from .consistency import unify_readings, with_changes
from .rules import apply_rules
from .sandhi import sandhi
from .triggers import untouched
from ..text import HAN

READ_AT_ONCE = 20_000
"""Characters of an article's blocks the reading stage reads in one call: its polyphone
model then runs in full batches (a call per block was most of its cost), while the model's
states for them stay a few megabytes."""


def word_pinyin(words: tuple[Word, ...], index: int, context: list[str], reader: Reader,
                glossary: Glossary, longest: int | None = None) -> tuple[str, ...]:
    """`longest`: the readings table's longest word, when the caller knows it."""
    word = words[index]
    han_count = len(HAN.findall(word.text))
    entry = glossary.by_simplified.get(word.text)
    if entry and len(entry.pinyin) == han_count:
        return entry.pinyin
    if not han_count:
        return ()
    # A name a dictionary knows whole is read its way (曾国藩 Zēng, 缪斯 Miù sī), not by the surname rules.
    known = reader.whole_word_reading(word.text) if word.tag == "nr" and han_count == len(word.text) > 1 else None
    syllables = known or tuple(s for s, char in zip(context, word.text) if HAN.match(char))
    # Most words hold no rule's character or tag (`triggers.py`): no rule could change them.
    chosen = syllables if untouched(word) else apply_rules(words, index, syllables, dictionary_word=known is not None)
    return table_readings(word.text, chosen, reader.word_readings, longest)


def table_readings(text: str, syllables: tuple[str, ...], table: dict[str, tuple[str, ...]],
                   longest: int | None = None) -> tuple[str, ...]:
    """Readings-table words found inside a word override its syllables there
    (乐亭 in 乐亭县, 昆都仑 in 昆都仑区); the longest entry at each position wins.
    `longest`: the table's longest word, if known."""
    if len(text) < 2:
        return syllables  # the table's words have two characters or more
    result, position = list(syllables), 0
    longest = max(map(len, table), default=0) if longest is None else longest
    while position < len(text):
        length = next((n for n in range(min(longest, len(text) - position), 1, -1)
                       if text[position:position + n] in table), 0)
        if length:
            result[position:position + length] = table[text[position:position + length]]
        position += max(length, 1)
    return tuple(result)


def annotate(block: Block, reader: Reader, glossary: Glossary, overrides: Overrides = Overrides()) -> Block:
    return annotated(block, reader, glossary, overrides)[0]


def annotate_all(blocks: tuple[Block, ...], reader: Reader, glossary: Glossary,
                 overrides: Overrides = Overrides(), parts: int = 1) -> tuple[Block, ...]:
    """Every block of an article, then one reading per word (`consistency.py`); a long
    article's reading stage on up to `parts` cores, split only between the reading
    stage's batches (`reading_batches`), so every batch is read as without a split."""
    longest = max(map(len, reader.word_readings), default=0)

    def work(batches: list[tuple[Block, ...]]) -> list:
        return [[annotated(b, reader, glossary, overrides, syllables, longest) for b, syllables in
                 zip(batch, read_batch(batch, reader))] for batch in batches]
    batches = reading_batches(blocks)
    weights = [sum(len(block.text) for block in batch) for batch in batches]
    pairs = [pair for batch in split_work(work, batches, weights, parts, _packed, _unpacked) for pair in batch]
    done = tuple(block for block, _ in pairs)
    changes = unify_readings(done, tuple(tuple(own) for _, own in pairs), partial(dictionary_readings, reader))
    return with_changes(done, changes, with_sandhi) if changes else done


def _packed(batches: list[list[tuple[Block, tuple[bool, ...]]]]) -> list:
    """What annotate added to each word, as plain values (for `split_work`)."""
    return [[(tuple((w.pinyin, w.term, w.sandhi) for w in block.words), own) for block, own in batch]
            for batch in batches]


def _unpacked(batches: list[tuple[Block, ...]], values: list) -> list:
    return [[(replace(block, words=tuple(Word(w.text, w.trad, tuple(pinyin), term, w.tag, tuple(sandhi))
                                         for w, (pinyin, term, sandhi) in zip(block.words, readings))), tuple(own))
             for block, (readings, own) in zip(batch, batch_values)] for batch, batch_values in zip(batches, values)]


def reading_batches(blocks: tuple[Block, ...]) -> list[tuple[Block, ...]]:
    """The article's blocks in runs of about READ_AT_ONCE characters: each run is one call
    of the reading stage (its model's batches, and so its floating-point sums, depend on
    what a call holds: the runs are fixed by the article alone)."""
    batches, start, size = [], 0, 0
    for end, block in enumerate(blocks, 1):
        size += len(block.text)
        if size >= READ_AT_ONCE or end == len(blocks):
            batches.append(blocks[start:end])
            start, size = end, 0
    return batches


def read_batch(batch: tuple[Block, ...], reader: Reader) -> list[list[str]]:
    """The reading stage's syllables of each block of a batch (one per character)."""
    return reader.read_texts([b.text for b in batch], [[w.text for w in b.words] for b in batch])


def dictionary_readings(reader: Reader, word: str) -> tuple[tuple[str, ...], ...]:
    """CC-CEDICT's readings of a whole word, then pypinyin's phrase reading: a tie's order."""
    cedict = cedict_readings(word, reader.cedict.get(word, ()))
    phrase = reader.phrases.get(word)
    return cedict + ((tuple(r[0] for r in phrase),) if phrase and len(phrase) == len(word) else ())


def annotated(block: Block, reader: Reader, glossary: Glossary, overrides: Overrides,
              syllables: list[str] | None = None, longest: int | None = None) -> tuple[Block, tuple[bool, ...]]:
    """The block annotated, and for each word whether its pinyin is the reading stage's own;
    `syllables`: the reading stage's for the block, when the caller read it (`read_batch`)."""
    if syllables is None:
        syllables = reader.read(block.text, [w.text for w in block.words])
    words, own, offset = [], [], 0
    for index, word in enumerate(block.words):
        context = syllables[offset:offset + len(word.text)]
        entry = glossary.by_simplified.get(word.text)
        pinyin = word_pinyin(block.words, index, context, reader, glossary, longest)
        # Word(...) rather than dataclasses.replace: this runs for every word of every article.
        words.append(Word(word.text, word.trad, pinyin, entry.id if entry else None, word.tag, word.sandhi))
        own.append(tuple(s for s, char in zip(context, word.text) if HAN.match(char)))
        offset += len(word.text)
    block = replace(block, words=with_sandhi(override_readings(block, tuple(words), overrides)))
    return block, tuple(w.pinyin == mine and not w.term for w, mine in zip(block.words, own))


def override_readings(block: Block, words: tuple[Word, ...], overrides: Overrides) -> tuple[Word, ...]:
    """Apply reading overrides; glossary terms keep their own pinyin."""
    if not overrides.readings:
        return words
    chars = [s for w in words for s in (w.pinyin if w.pinyin else [""] * len(w.text))]
    fixed = iter(apply_readings(replace(block, words=words), overrides, chars))
    result = []
    for word in words:
        mine = tuple(next(fixed) for _ in (word.pinyin if word.pinyin else word.text))
        result.append(replace(word, pinyin=mine) if word.pinyin and not word.term else word)
    return tuple(result)


def with_sandhi(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """Attach 一/不 sandhi readings, computed over each unbroken stretch of Han words."""
    chars = "".join(w.text if w.pinyin else "\0" * len(w.text) for w in words)
    syllables = [s for w in words for s in (w.pinyin or [""] * len(w.text))]
    changed = sandhi(chars, syllables)
    result, offset = [], 0
    for word in words:
        count = len(word.pinyin) if word.pinyin else len(word.text)
        mine = tuple(changed[offset:offset + count])
        changed_here = word.pinyin and mine != word.pinyin
        result.append(Word(word.text, word.trad, word.pinyin, word.term, word.tag, mine) if changed_here else word)
        offset += count
    return tuple(result)
