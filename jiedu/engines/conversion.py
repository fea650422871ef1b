"""OpenCC conversion exactly as opencc-python-reimplemented does it, on plain dicts.

That package keeps each piece of text in a binary tree and, per dictionary, searches
the whole piece again for the longest key (the leftmost of the longest) before
splitting around it: most of the convert stage's time. Its result is the same as
taking every dictionary key found in the piece, longest first and leftmost first
among equals, and keeping each that overlaps none kept before; that is done here
with one scan of the text. Its other behaviour is kept as it is:

- text is split at its sentence separators first, and they pass unconverted: the
  same as dropping the keys that contain a separator (they can never match) and
  converting the whole text at once, as no key can then span or convert one;
- the dictionaries of a group apply in turn, each only to what the previous ones
  left unmatched; each group of the chain then converts the previous group's output;
- a key with several values ("a b") becomes its first.

The dictionaries are read from the files the package ships, once per process (or
from the user cache), and passed in: see `opencc_chains`.
"""

import json
import re
from importlib import metadata, util
from itertools import compress, count
from operator import add
from pathlib import Path

from .usercache import marshalled

# opencc-python-reimplemented's split_chars_re, copied: its sentence separators.
SEPARATORS = re.compile(
    r'(\s+|-|,|\.|\?|!|\*|　|，|。|、|；|：|？|！|…|“|”|‘|’|『|』|「|」|﹁|﹂|—|－|（|）|《|》|〈|〉|～|．|／|＼|︒|︑|︔|︓|︿|﹀|︹|︺|︙|︐|［|﹇|］|﹈|︕|︖|︰|︳|︴|︽|︾|︵|︶|｛|︷|｝|︸|﹃|﹄|【|︻|】|︼)')
TABLE_LAYOUT = 3
"""Raise when the cached tables' layout changes, so older cache files are not read."""


def read_dictionary(path: Path) -> tuple[dict, dict, bool]:
    """(key -> first value, two-character prefix -> the lengths of the keys with it,
    whether some key is one character) of one OpenCC text dictionary, parsed as the
    package parses it (later lines win), without the keys containing a separator."""
    table = {}
    with open(path, encoding="utf-8") as file:
        for line in file:
            key, value = line.strip().split("\t")
            table[key] = value.split(" ")[0]
    if not all(table.values()):
        # The package takes an empty value for "no match" and stops searching that piece.
        raise ValueError(f"{path}: empty values are not supported")
    table = {key: value for key, value in table.items() if not SEPARATORS.search(key)}
    lengths_by_prefix = {}
    for key in table:
        if len(key) > 1:
            lengths_by_prefix.setdefault(key[:2], set()).add(len(key))
    lengths_by_prefix = {prefix: tuple(sorted(lengths)) for prefix, lengths in lengths_by_prefix.items()}
    return table, lengths_by_prefix, any(len(key) == 1 for key in table)


def read_chain(folder: Path, config: str) -> list:
    """The conversion chain of `config` (e.g. "t2s"): a list of groups, each a list of
    dictionaries as `read_dictionary` returns them (a lone dictionary is a group of one)."""
    setting = json.loads((folder / "config" / f"{config}.json").read_text(encoding="utf-8"))
    chain = [_group_files(step["dict"], folder) for step in setting["conversion_chain"]]
    for group in chain[:-1]:
        if any(SEPARATORS.search(value) for table, _, _ in group for value in table.values()):
            # The package would not split a later group's input there: not whole-text safe.
            raise ValueError(f"{config}: a separator in a value before the last group is not supported")
    return chain


def _group_files(entry: dict, folder: Path) -> list:
    if entry.get("type") == "group":
        return [table for item in entry["dicts"] for table in _group_files(item, folder)]
    if entry.get("type") == "txt":
        return [read_dictionary(folder / "dictionary" / entry["file"])]
    return []


def opencc_chains(cache: Path | None, configs: tuple[str, ...] = ("t2s", "s2t")) -> dict[str, list]:
    """Config name -> chain, read from the installed package's files; kept in the user
    cache per package version (reading the text files takes about 100 ms)."""
    folder = Path(util.find_spec("opencc").submodule_search_locations[0])
    version = metadata.version("opencc-python-reimplemented")
    name = f"opencc-{version}-{'-'.join(configs)}-layout{TABLE_LAYOUT}.marshal"
    build = lambda: {config: read_chain(folder, config) for config in configs}  # noqa: E731
    return marshalled(cache / name if cache else None, build, stale=f"opencc-*-{'-'.join(configs)}-layout*.marshal")


def simplified_only(cache: Path | None) -> frozenset[str]:
    """The characters that are Simplified and nothing else: OpenCC's s2t converts them
    (STCharacters' keys), and no table names them as a Traditional form (not among
    STCharacters' values, TSCharacters' keys, or the Taiwan and Hong Kong standard
    forms). 这, 发, 为 are; 范, 台, 才, 干, 后, 群 are not: Traditional text writes them too."""
    def build():
        traditional = {form for _, forms in opencc_table("STCharacters.txt") for form in forms}
        traditional |= {key for key, _ in opencc_table("TSCharacters.txt")}
        traditional |= {form for name in ("TWVariants.txt", "HKVariants.txt") for _, forms in opencc_table(name)
                        for form in forms}
        return sorted(key for key, _ in opencc_table("STCharacters.txt") if len(key) == 1 and key not in traditional)

    version = metadata.version("opencc-python-reimplemented")
    return frozenset(marshalled(cache / f"opencc-{version}-simplified-only.marshal" if cache else None, build))


def variant_pairs() -> frozenset[str]:
    """Pairs of characters that are one character in two standards' shapes (臺台, 羣群, 纔才,
    峯峰, 覈核, 裏裡), both ways, as two-character strings: OpenCC's Taiwan and Hong Kong
    variant tables (a few hundred lines, read each time)."""
    pairs = {key + form for name in ("TWVariants.txt", "HKVariants.txt", "TWVariantsRev.txt", "HKVariantsRev.txt")
             for key, forms in opencc_table(name) for form in forms if len(key) == len(form) == 1}
    return frozenset(pairs | {pair[::-1] for pair in pairs})


def opencc_table(name: str) -> list[tuple[str, list[str]]]:
    """(key, its forms) per line of one of the dictionary files opencc-python-reimplemented ships."""
    folder = Path(util.find_spec("opencc").submodule_search_locations[0]) / "dictionary"
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    return [(key, forms.split(" ")) for key, forms in (line.split("\t") for line in lines)]


def convert_text(chain: list, text: str) -> str:
    """`opencc.OpenCC(config).convert(text)` for the chain of that config."""
    for group in chain:
        text = _convert_with(text, group)
    return text


def _convert_with(text: str, dictionaries: list) -> str:
    """The first dictionary's matches converted; what lies between, by the others
    (when those are single characters only: all mapped at once, the matches written over)."""
    if not dictionaries or not text:
        return text
    (table, lengths_by_prefix, has_characters), rest = dictionaries[0], dictionaries[1:]
    if not lengths_by_prefix and not rest:  # single characters, nothing after: a plain map
        return "".join(map(table.get, text, text))
    kept = _kept_matches(text, _all_matches(text, table, lengths_by_prefix, has_characters))
    if len(rest) == 1 and not rest[0][1]:
        chars = list(map(rest[0][0].get, text, text))
        for start, end in kept:
            chars[start:end] = [table[text[start:end]]] + [""] * (end - start - 1)
        return "".join(chars)
    out, position = [], 0
    for start, end in kept:
        out += (_convert_with(text[position:start], rest), table[text[start:end]])
        position = end
    out.append(_convert_with(text[position:], rest))
    return "".join(out)


def _kept_matches(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the matches the package's tree would keep, in text order."""
    taken, kept = bytearray(len(text)), []
    for negative_length, start in sorted(found):  # longest first, then leftmost
        end = start - negative_length
        if not any(taken[start:end]):
            taken[start:end] = b"\1" * (end - start)
            kept.append((start, end))
    return sorted(kept)


def _all_matches(text: str, table: dict, lengths_by_prefix: dict, has_characters: bool) -> list[tuple[int, int]]:
    """(-length, start) of every key occurring in `text`. The two-character prefixes of
    every position are looked up at C speed (map, compress): few positions have one."""
    found = [(-1, start) for start in compress(count(), map(table.__contains__, text))] if has_characters else []
    lengths = list(map(lengths_by_prefix.get, map(add, text, text[1:])))
    for start in compress(count(), lengths):
        room = len(text) - start
        found += [(-length, start) for length in lengths[start]
                  if length <= room and text[start:start + length] in table]
    return found
