"""jieba's part-of-speech tagger, built once per process around a private Tokenizer.

Most of a worker's start is jieba's: its dictionary (a marshal cache of its own) and
the word-tag table, which jieba.posseg parses from the whole dictionary text when it is
first imported and again for every POSTokenizer. jiedu keeps that table in its user
cache instead, so a worker that annotates one edited article starts half a second sooner.
"""

import logging
import sys
from importlib import metadata
from pathlib import Path

from .usercache import marshalled
from .hmm import make_hmm


def make_tagger(cache: Path, known_words=()):
    """A private jieba Tokenizer wrapped in a POS tokenizer (never jieba's globals),
    knowing the words of the readings table so they come out whole. Its HMM over
    characters the dictionary lacks runs on numpy (jiedu.hmm), with jieba's results."""
    jieba = import_jieba()
    # jieba logs its dictionary loading to stderr; silence it at the boundary.
    logging.getLogger("jieba").setLevel(logging.WARNING)
    posseg = import_posseg(jieba, cache)
    tokenizer = loaded_tokenizer(jieba, cache)
    for word in known_words:
        # Tagged nz (other proper noun): their readings are final, no name rule applies.
        tokenizer.add_word(word, freq=max(tokenizer.suggest_freq(word), 1000), tag="nz")
    from .postagger import VectorisedPOSTokenizer  # after import_posseg, which keeps that import cheap

    tagger = VectorisedPOSTokenizer.__new__(VectorisedPOSTokenizer)  # its __init__ would parse the tags again
    tagger.tokenizer, tagger.word_tag_tab = tokenizer, word_tags(cache, tokenizer)
    tagger.hmm = make_hmm(posseg.start_P, posseg.trans_P, posseg.emit_P, posseg.char_state_tab_P)
    return tagger


def loaded_tokenizer(jieba, cache: Path):
    """A jieba Tokenizer with its prefix dictionary read from jiedu's user cache (per
    jieba version). jieba's own `initialize` reads its cache with marshal.load from a
    file object, three times slower than marshal.loads of the bytes: 0.4 s of every
    worker's start."""
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(cache)  # where jieba would write, were it ever to build its own
    built = lambda: tuple(tokenizer.gen_pfdict(tokenizer.get_dict_file()))  # noqa: E731
    tokenizer.FREQ, tokenizer.total = marshalled(cache / f"jieba-dict-{metadata.version('jieba')}.marshal", built)
    tokenizer.initialized = True
    return tokenizer


def import_jieba():
    """jieba, imported without pkg_resources: jieba imports it (a fifth of a second, and
    a deprecation warning) only to open its own data files, and falls back to open()
    when it is missing."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    hidden = "pkg_resources" not in sys.modules
    if hidden:
        sys.modules["pkg_resources"] = None  # makes `import pkg_resources` raise ImportError
    try:
        import jieba
    finally:
        if hidden:
            del sys.modules["pkg_resources"]
    return jieba


def import_posseg(jieba, cache: Path):
    """jieba.posseg, imported with jieba's default tokenizer pointed at an empty file for
    that moment, so the import does not parse the whole dictionary for a table we load
    from the cache. The default tokenizer is left as it was."""
    if "jieba.posseg" in sys.modules:
        return sys.modules["jieba.posseg"]
    empty = cache / "jieba-empty-dict.txt"
    if not empty.exists():
        empty.write_bytes(b"")
    saved, jieba.dt.dictionary = jieba.dt.dictionary, str(empty)
    try:
        import jieba.posseg as posseg
    finally:
        jieba.dt.dictionary = saved
    return posseg


def word_tags(cache: Path, tokenizer) -> dict[str, str]:
    """jieba's word -> part-of-speech table, read as jieba.posseg reads it, cached per
    jieba version."""
    return marshalled(cache / f"jieba-tags-{metadata.version('jieba')}.marshal", lambda: parse_tags(tokenizer))


def parse_tags(tokenizer) -> dict[str, str]:
    tags = {}
    with tokenizer.get_dict_file() as lines:
        for line in lines:
            fields = line.strip().decode("utf-8").split(" ")
            if len(fields) == 3:
                tags[fields[0]] = fields[2]
    return tags
