"""Heavy resources, built once and passed explicitly to the stages that need them.

Nothing here is a module global: two builds in one process (tests do this) never
share mutable state, and unit tests pass fakes instead.
"""

import gc
import json
import tomllib
from functools import partial
from importlib import metadata, util
from dataclasses import dataclass, replace
from importlib import resources as package_files
from pathlib import Path

from .reading.collocations import load_collocations
from .reading.polyphone import load_polyphone_model
from .reading.rare import load_rare_readings
from .reading.reader import Reader
from .stages.convert import STANDARDS, Converters
from .engines.conversion import convert_text, opencc_chains, simplified_only, variant_pairs
from .engines.usercache import code_key, marshalled, user_cache  # noqa: F401 (tests ask resources)
from .lexicon.builtin import load_lexicon
from .lexicon.glossary import Glossary, index_glossary, load_glossary
from .lexicon.propernames import ProperNames, build_names, known_to_segmenter, with_readings
from .stages.segment import Segmenter, make_segmenter, with_terms
from .engines.tagger import make_tagger
from .reading.weighing import window_index


@dataclass(frozen=True)
class Resources:
    converters: Converters
    segmenter: Segmenter
    reader: Reader
    glossary: Glossary
    char_frequency: dict[str, int]
    """Single-character frequencies from jieba's dictionary: used to tell GB18030 from Big5."""
    dictionary: object = None
    """CC-CEDICT, every entry per headword (`lexicon.dictionary.Dictionary`)."""
    hsk: object = None
    """HSK 3.0 word levels (`lexicon.hsk.Hsk`)."""
    names: ProperNames = ProperNames()
    """Proper names with their capitals, from the built-in lexicon and CC-CEDICT."""


def with_glossary(resources: Resources, glossary: Glossary) -> Resources:
    """The same resources linking the terms of `glossary` (an article's own over the
    site's): only the segmenter's term index is made again, a millisecond."""
    if glossary is resources.glossary:
        return resources
    return replace(resources, glossary=glossary, segmenter=with_terms(resources.segmenter, glossary.multi_character_terms))


def load_readings() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """(word readings, character readings) from jiedu/data/readings.toml."""
    text = package_files.files("jiedu").joinpath("data/readings.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)
    words = {word: tuple(pinyin.split()) for word, pinyin in table["words"].items()}
    broken = [word for word, pinyin in words.items() if len(pinyin) != len(word)]
    if broken:
        raise ValueError(f"jiedu/data/readings.toml: one syllable per character needed for {broken}")
    return words, table["characters"]


def cached_windows(cache: Path, phrases: dict, by_simplified: dict, polyphones: frozenset | None = None) -> dict:
    """`weighing.window_index`, kept in the user cache per version of jiedu's code and
    dictionaries: building it takes most of a second of every worker's start. Earlier
    versions' files (8 MB each) go."""
    return marshalled(cache / f"windows-{code_key()[:16]}.marshal", lambda: window_index(phrases, by_simplified, polyphones),
                      stale="windows-*.marshal")


def pypinyin_dictionaries(cache: Path) -> tuple[dict, dict]:
    """pypinyin's phrase and character dictionaries, equal to `pypinyin.constants`'
    PHRASES_DICT and PINYIN_DICT, read from the JSON files pypinyin ships without
    importing pypinyin: its import parses both and builds a global prefix set for a
    segmenter jiedu never uses, half a second of every worker's start. Kept in the user
    cache per pypinyin version."""
    def build():
        folder = Path(util.find_spec("pypinyin").submodule_search_locations[0])
        phrases = json.loads((folder / "phrases_dict.json").read_text(encoding="utf-8"))
        characters = json.loads((folder / "pinyin_dict.json").read_text(encoding="utf-8"))
        return phrases, {int(code): readings for code, readings in characters.items()}

    return tuple(marshalled(cache / f"pypinyin-{metadata.version('pypinyin')}.marshal", build))


def char_frequencies(cache: Path, tokenizer) -> dict[str, int]:
    """Single characters' frequencies in jieba's dictionary (a scan of its 600,000 keys
    otherwise), kept in the user cache per jieba version."""
    return marshalled(cache / f"jieba-chars-{metadata.version('jieba')}.marshal",
                      lambda: {w: f for w, f in tokenizer.FREQ.items() if len(w) == 1})


def make_converters(chains: dict, cache: Path) -> Converters:
    """t2s, s2t, which characters are Simplified-only and which are variant shapes, and
    each Traditional standard `[reader] traditional` may name."""
    standards = tuple((name, partial(convert_text, chains[config])) for name, config in STANDARDS.items())
    return Converters(partial(convert_text, chains["t2s"]), partial(convert_text, chains["s2t"]),
                      simplified_only(cache), variant_pairs(), standards)


def load_dictionary(cache: Path):
    from .lexicon.dictionary import load_dictionary as load

    return load(cache)


def load_hsk():
    from .lexicon.hsk import load_hsk as load

    return load()


def add_names(tokenizer, words: list[tuple[str, str]]) -> None:
    """The names jieba lacks, into its dictionary, so they come out whole. jieba's total
    stays as it was: every other word's probability, and so its segmentation, unchanged."""
    total = tokenizer.total
    for word, tag in words:
        tokenizer.add_word(word, freq=max(tokenizer.suggest_freq(word), 1000), tag=tag)
    tokenizer.total = total


def load_resources(glossary_path: Path | None, glossary_shown: str = "", glossary: Glossary | None = None) -> Resources:
    """Build every heavy resource once. Without a glossary, no terms are linked."""
    # Loading is millions of small objects, none of them garbage: the cyclic collector's
    # passes over them are a tenth of a worker's start.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load_resources(glossary_path, glossary_shown, glossary)
    finally:
        if collecting:
            gc.enable()


def _load_resources(glossary_path: Path | None, glossary_shown: str, glossary: Glossary | None) -> Resources:
    if glossary is None:
        glossary = load_glossary(glossary_path, glossary_shown) if glossary_path else index_glossary([], [])
    word_readings, char_readings = load_readings()
    user_cache().mkdir(parents=True, exist_ok=True)
    tagger = make_tagger(user_cache(), word_readings)
    chains = opencc_chains(user_cache(), ("t2s", "s2t", *STANDARDS.values()))
    dictionary = load_dictionary(user_cache())
    names = with_readings(build_names(load_lexicon(user_cache()), dictionary.by_simplified, tagger.word_tag_tab),
                          word_readings)
    add_names(tagger.tokenizer, known_to_segmenter(names, tagger.tokenizer.FREQ))
    phrases, characters = pypinyin_dictionaries(user_cache())
    model = load_polyphone_model()
    return Resources(
        converters=make_converters(chains, user_cache()),
        segmenter=make_segmenter(tagger, glossary.multi_character_terms, dictionary),
        reader=Reader(phrases, characters, lambda run: tagger.tokenizer.cut(run, HMM=False),
                      tagger.tokenizer.FREQ, model, word_readings, char_readings,
                      cached_windows(user_cache(), phrases, dictionary.by_simplified, model.polyphones),
                      load_collocations(), dictionary.by_simplified, *load_rare_readings()),
        glossary=glossary,
        char_frequency=char_frequencies(user_cache(), tagger.tokenizer),
        dictionary=dictionary,
        hsk=load_hsk(),
        names=names,
    )
